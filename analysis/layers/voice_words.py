"""Layer 7: per paragraph, words in quotations, words in reported content and all words."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from analysis.annotate.quotes import quoted_words
from analysis.config import AnalysisConfig
from analysis.layers.attributions import relations_by_paragraph
from analysis.layers.base import component, plain
from analysis.model import Article


def _load(data: Any) -> tuple[tuple[int, int, int], ...]:
    return tuple((int(q), int(r), int(w)) for q, r, w in data)


@component(
    "voice_words",
    assigns=("voice_words",),
    requires=("article", "attributions"),
    version=1,
    codecs={"voice_words": plain(load=_load, dump=lambda v: [list(x) for x in v])},
    uses=("analysis.annotate.quotes:quoted_words",),
)
def voice_words(article: Article, config: AnalysisConfig, layers: Mapping[str, Any]) -> dict[str, Any]:
    """``(quoted words, reported words (outside quotations), all words)`` of every paragraph."""
    out: list[tuple[int, int, int]] = []
    paragraphs = article.paragraphs
    for p, inside in zip(paragraphs, relations_by_paragraph(paragraphs, layers["attributions"]), strict=True):
        if inside:
            direct = [r for r in inside if r.kind == "direct"]
            n_quoted, n_words = quoted_words(p.text, p.start, direct)
            n_either = quoted_words(p.text, p.start, inside)[0] if len(direct) < len(inside) else n_quoted
        else:  # nobody's words here (most paragraphs): count the words once
            n_quoted = n_either = 0
            n_words = quoted_words(p.text, p.start, ())[1]
        out.append((n_quoted, n_either - n_quoted, n_words))
    return {"voice_words": tuple(out)}
