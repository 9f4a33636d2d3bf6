"""Layer 6: VADER scores of each sentence (:mod:`analysis.annotate.sentiment`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from analysis.annotate.sentiment import Scores, analyzer, sentence_scores
from analysis.config import AnalysisConfig
from analysis.layers.base import component, records
from analysis.model import Article


def warm(config: AnalysisConfig) -> None:
    """Load VADER's lexicon."""
    analyzer()


@component(
    "sentiment",
    assigns=("sentiment",),
    requires=("sentences",),
    version=1,
    codecs={"sentiment": records(Scores)},
    warm=warm,
    uses=("analysis.annotate.sentiment:sentence_scores", "analysis.annotate.sentiment:analyzer"),
)
def sentiment(article: Article, config: AnalysisConfig, layers: Mapping[str, Any]) -> dict[str, Any]:
    """Per sentence, its VADER :class:`~analysis.annotate.sentiment.Scores`."""
    return {"sentiment": tuple(sentence_scores([s.text for s in layers["sentences"]]))}
