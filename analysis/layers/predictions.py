"""Layer 5: sentences where the author predicts unhedged.

The author's own words only: quoted and reported content is blanked out before the
sentences are read (:mod:`analysis.annotate.hedging.predictions`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from analysis.annotate.attribution import Attribution
from analysis.annotate.hedging.predictions import unhedged_predictions
from analysis.config import AnalysisConfig
from analysis.layers.attributions import relations_by_paragraph
from analysis.layers.base import component, plain
from analysis.model import Article


def blanked(text: str, start: int, relations: Sequence[Attribution]) -> str:
    """``text`` (at ``start`` in the article) with the content of ``relations`` blanked out, offsets kept."""
    chars = list(text)
    for r in relations:
        a, b = max(r.start - start, 0), min(r.end - start, len(text))
        if a < b:
            chars[a:b] = " " * (b - a)
    return "".join(chars)


@component(
    "predictions",
    assigns=("predictions",),
    requires=("article", "attributions", "cues"),
    version=1,
    codecs={"predictions": plain(load=tuple, dump=list)},
    uses=("analysis.annotate.hedging.predictions:unhedged_predictions",),
)
def predictions(article: Article, config: AnalysisConfig, layers: Mapping[str, Any]) -> dict[str, Any]:
    """Positions in ``sentences`` of the unhedged predictions of the author."""
    paragraphs = article.paragraphs
    cues_of: list[list[Any]] = [[] for _ in paragraphs]
    for c in layers["cues"]:
        cues_of[c.paragraph].append(c)
    out: list[int] = []
    first = 0
    for p, inside, pcues in zip(
        paragraphs, relations_by_paragraph(paragraphs, layers["attributions"]), cues_of, strict=True
    ):
        author_text = blanked(p.text, p.start, inside) if inside else p.text
        spans = [(s.start, s.end) for s in p.sentences]
        out.extend(first + i for i in unhedged_predictions(author_text, spans, pcues, p.start))
        first += len(p.sentences)
    return {"predictions": tuple(out)}
