"""Layer 4: hedges, boosters and attributions, each with its voice and speaker.

Cues are found per paragraph (:mod:`analysis.annotate.hedging`), placed at article offsets
with their paragraph and sentence, and given the voice of the relation they fall in
(``author``, ``quoted`` or ``reported``).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping
from typing import Any

from analysis.annotate.attribution import SpanIndex, relation_index, voice_of
from analysis.annotate.hedging import Cue, find_cues
from analysis.config import AnalysisConfig
from analysis.layers.attributions import relations_by_paragraph
from analysis.layers.base import component, records
from analysis.model import Article, Paragraph


def place(c: Cue, p: Paragraph, relations: SpanIndex | None, sentence_starts: list[int]) -> Cue:
    """Cue ``c`` found in ``p.text``: article offsets, paragraph, sentence, voice and speaker."""
    a, b = p.start + c.start, p.start + c.end
    sentence = max(bisect_right(sentence_starts, a) - 1, 0) if sentence_starts else -1
    voice, speaker = voice_of(a, b, relations) if relations is not None else ("author", "")
    return Cue(a, b, c.text, c.category, c.subtype, voice, speaker, p.index, sentence)


def warm(config: AnalysisConfig) -> None:
    """Parse the configured lexicon and compile its matcher."""
    find_cues("It could be.", config.hedge_lexicon)


def _with_text(values: dict[str, Any], article: Article) -> dict[str, Any]:
    return {**values, "text": article.text[values["start"] : values["end"]]}


@component(
    "cues",
    assigns=("cues",),
    requires=("article", "attributions"),
    version=1,
    codecs={"cues": records(Cue, skip=("text",), rebuild=_with_text)},
    warm=warm,
    uses=("analysis.annotate.hedging.matcher:find_cues",),
)
def cues(article: Article, config: AnalysisConfig, layers: Mapping[str, Any]) -> dict[str, Any]:
    """Every cue in text order, ``paragraph``/``sentence`` set, voice and speaker given."""
    lexicon = config.hedge_lexicon
    relations = layers["attributions"]
    index = relation_index(relations)
    out: list[Cue] = []
    for p, inside in zip(article.paragraphs, relations_by_paragraph(article.paragraphs, relations), strict=True):
        starts = [s.start for s in p.sentences]
        out.extend(place(c, p, index if inside else None, starts) for c in find_cues(p.text, lexicon))
    return {"cues": tuple(out)}
