"""Layer 3: who says what: direct quotations and reported speech with their cue, source and speaker.

From :mod:`analysis.annotate.attribution`. :func:`relations_by_paragraph` is the grouping the
cue, prediction and voice-word layers read.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from analysis.annotate.attribution import Attribution, find_attributions
from analysis.config import AnalysisConfig
from analysis.layers.base import component, records
from analysis.model import Article, Paragraph


def relations_by_paragraph(
    paragraphs: Sequence[Paragraph], relations: Sequence[Attribution]
) -> list[list[Attribution]]:
    """Per paragraph, the relations whose content overlaps it (a relation may span several paragraphs)."""
    by_paragraph: list[list[Attribution]] = [[] for _ in paragraphs]
    for r in relations:
        for i in range(r.paragraph, len(paragraphs)):
            if paragraphs[i].start >= r.end:
                break
            by_paragraph[i].append(r)
    return by_paragraph


def warm(config: AnalysisConfig) -> None:
    """Read the attribution word lists."""
    find_attributions("He said it.", [(0, 11)])


@component(
    "attributions",
    assigns=("attributions",),
    requires=("article", "quotes"),
    version=2,  # 2: the relations of the reported-speech tagger join the rules' ones
    codecs={"attributions": records(Attribution)},
    warm=warm,
    uses=("analysis.annotate.attribution:find_attributions",),
)
def attributions(article: Article, config: AnalysisConfig, layers: Mapping[str, Any]) -> dict[str, Any]:
    """Every relation (direct and reported), in reading order."""
    paragraphs = article.paragraphs
    spans = [(p.start, p.end) for p in paragraphs]
    sentences = [[(s.start, s.end) for s in p.sentences] for p in paragraphs]
    return {"attributions": tuple(find_attributions(article.text, spans, sentences, layers["quotes"]))}
