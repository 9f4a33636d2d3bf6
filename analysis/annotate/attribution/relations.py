"""The attribution record and what reads it: a span's voice, a speaker's key, named or unnamed."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from analysis.annotate.attribution.spans import SpanIndex
from analysis.annotate.attribution.words import load_words

__all__ = ["Attribution", "is_named", "relation_index", "speaker_id", "voice_of"]


@dataclass(frozen=True)
class Attribution:
    """One attribution relation; all offsets index into the article text."""

    kind: str
    start: int
    end: int
    paragraph: int
    group: int
    cue: str
    cue_start: int
    cue_end: int
    source: str
    source_start: int
    source_end: int
    speaker: str


def voice_of(start: int, end: int, relations: Sequence[Attribution] | SpanIndex) -> tuple[str, str]:
    """Voice of the span ``[start, end)``: ``("author" | "quoted" | "reported", speaker)``.

    The innermost relation whose content holds the span wins (a quoted fragment
    inside reported content is ``"quoted"``). Reporting cues and sources lie
    outside every content span, so they are the author's. For many spans of one
    article, pass :func:`relation_index` of its relations (each call is then O(log n)).
    """
    index = relations if isinstance(relations, SpanIndex) else relation_index(relations)
    best = index.holding(start, end)
    if best is None:
        return "author", ""
    assert isinstance(best, Attribution)
    return ("quoted" if best.kind == "direct" else "reported"), best.speaker


def relation_index(relations: Sequence[Attribution]) -> SpanIndex:
    """The relations' content spans, indexed for :func:`voice_of`."""
    return SpanIndex([(r.start, r.end, r) for r in relations])


def speaker_id(speaker: str) -> str:
    """A normalised key of a named ``speaker`` for grouping sources across articles; ``""`` when unnamed.

    The speaker is already one canonical name per person within an article ("Mr. Sanders",
    "Sanders" and "Bernie Sanders" -> "Bernie Sanders"); the key folds accents, case and
    punctuation and drops a leading "the": "Bernie Sanders" -> ``bernie-sanders``, "the
    Environment Agency" -> ``environment-agency``. Unnamed sources ("officials") get no key.
    Across articles, :func:`analysis.tables.unify_speaker_ids` maps a lone surname to the one
    full name of the corpus that ends with it.
    """
    if not is_named(speaker):
        return ""
    folded = unicodedata.normalize("NFKD", speaker).encode("ascii", "ignore").decode().lower()
    words = re.findall(r"[a-z0-9]+", folded.replace("'s ", " ").replace("’s ", " "))
    if words and words[0] == "the":
        words = words[1:]
    return "-".join(words)


def is_named(speaker: str) -> bool:
    """True when ``speaker`` names a person or a body, not an unnamed source ("officials", "a student").

    Named: a capitalised speaker ("Jane Roe", "Network Rail"), one whose head word is a name ("the
    Environment Agency"), or a description tied to a named body ("a spokesman for the Treasury").
    """
    words = speaker.split()
    if not words:
        return False
    if speaker[0].isupper() or words[-1][0].isupper():
        return True
    return any(w in load_words().cls["body_prep"] and i + 1 < len(words) for i, w in enumerate(words)) and any(
        x[0].isupper() for x in words[1:]
    )
