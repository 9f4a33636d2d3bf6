"""The cue record and its categories (the output of :func:`analysis.annotate.hedging.find_cues`)."""

from __future__ import annotations

from dataclasses import dataclass

CATEGORIES: tuple[str, ...] = ("hedge", "booster", "attribution")
#: Lexicon categories: the cue categories plus ``none`` (blocker phrases).
LEXICON_CATEGORIES: tuple[str, ...] = (*CATEGORIES, "none")
#: Whose words a cue stands in: the author's, a direct quotation's, or reported speech or thought.
VOICES: tuple[str, ...] = ("author", "quoted", "reported")


@dataclass(frozen=True)
class Cue:
    """One cue occurrence; ``text[start:end]`` of the analysed text is ``self.text``.

    From :func:`find_cues`, offsets index into the text given; on an analysed
    document (:attr:`analysis.AnalysedDocument.cues`) into ``Article.text``, with
    ``paragraph`` and ``sentence`` (index within the paragraph) set (else -1).
    ``voice`` is one of :data:`VOICES`; ``speaker`` the quoted or reported source
    when known (e.g. ``"Alexander Lukashenko"``), else ``""``.
    """

    start: int
    end: int
    text: str
    category: str
    subtype: str = ""
    voice: str = "author"
    speaker: str = ""
    paragraph: int = -1
    sentence: int = -1
