"""Layer 2: quotation-mark segments, one per paragraph a quotation spans (:mod:`analysis.annotate.quotes`).

Spans only: who speaks is the attribution layer's.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from analysis.annotate.quotes import Quote, find_quotes
from analysis.config import AnalysisConfig
from analysis.layers.base import component, records
from analysis.model import Article


@component(
    "quotes",
    assigns=("quotes",),
    requires=("article",),
    version=1,
    codecs={"quotes": records(Quote)},
    uses=("analysis.annotate.quotes:find_quotes",),
)
def quotes(article: Article, config: AnalysisConfig, layers: Mapping[str, Any]) -> dict[str, Any]:
    """The quotation segments of the article's paragraphs."""
    spans = [(p.start, p.end) for p in article.paragraphs]
    return {"quotes": tuple(find_quotes(article.text, spans, speakers=False))}
