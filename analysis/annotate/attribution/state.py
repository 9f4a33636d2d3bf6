"""The state the attribution passes share: the article's spans, quotations, relations found so far.

:class:`Parse` is built once per article by :func:`analysis.annotate.attribution.find_attributions`;
each pass (``names``, ``reported``, ``quotations``, ``speakers``) is a module of functions taking it
as first argument. A :class:`Raw` is a relation before its speaker is resolved.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import Enum

from analysis.annotate.attribution.mentions import Entity, Tracker
from analysis.annotate.attribution.spans import SpanIndex
from analysis.annotate.attribution.tokens import LOWER_WORD, MID_CAPITAL, Tok
from analysis.annotate.attribution.words import load_words
from analysis.annotate.quotes import Quote

__all__ = ["Note", "Parse", "Raw", "Subject", "VerbSubject"]

#: Character spans noted on a source: ``"appos"`` (the description beside a name), ``"antecedent"``.
Note = dict[str, tuple[int, int]]
#: A source noun phrase as token indices ``[start, end)`` with its note in token indices.
Subject = tuple[int, int, Note]


class VerbSubject(Enum):
    """What stands before a reporting verb when it is not a source noun phrase."""

    #: Negated ("did not say"), passive or infinitive ("is said", "to say"), or a quote introduction
    #: (a closing quotation mark before the verb): the verb reports nothing here.
    NOT_REPORTING = "not reporting"
    #: A coordinated verb ("and added", ", adding"): the source is the subject of the clause before.
    SHARED = "shared subject"


@dataclass
class Raw:
    """A relation being built: content span, cue and source spans; speaker and entity once resolved."""

    kind: str
    start: int
    end: int
    paragraph: int
    group: object
    cue: tuple[int, int] | None
    src: tuple[int, int] | None  # token-free character span of the source mention
    src_note: Note = field(default_factory=dict)  # appositive, antecedent (character spans)
    speaker: str = ""
    entity: Entity | None = None
    inherit: Raw | None = None  # a relation whose source this one shares


class Parse:
    """One article's spans, indexes and the relations found so far."""

    def __init__(
        self,
        text: str,
        paragraphs: Sequence[tuple[int, int]],
        sentences: Sequence[Sequence[tuple[int, int]]],
        quotes: Sequence[Quote],
    ) -> None:
        self.text = text
        self.paragraphs = paragraphs
        self.sentences = sentences
        self.W = load_words()
        self.quotes = list(quotes)
        self.pstarts = [ps for ps, _ in paragraphs]
        self.quote_index = SpanIndex([(q.start, q.end, q) for q in self.quotes])
        self.sentence_starts = [[s for s, _ in sents] for sents in sentences]
        self.content_index = SpanIndex([])
        self.cue_index = SpanIndex([])
        self.lower_vocab = set(LOWER_WORD.findall(text))
        self.mid_capitals = {w.lower() for w in MID_CAPITAL.findall(text)}  # see speakers.classify
        self.tracker = Tracker(text)
        self.raws: list[Raw] = []
        self.sent_list: list[tuple[int, int, list[Tok], int]] = []
        self.sent_starts: list[int] = []
        self.by_para: dict[int, list[Raw]] = {}
        self.para_starts: dict[int, list[int]] = {}

    def in_content(self, pos: int, other_than: Raw | None = None) -> bool:
        """Whether ``pos`` lies inside the content of a relation (other than ``other_than``)."""
        return self.content_index.holding(pos, pos + 1, other_than) is not None

    def in_quote(self, pos: int) -> bool:
        """Whether ``pos`` lies inside quotation marks."""
        return self.quote_index.holding(pos, pos + 1) is not None

    def is_fn(self, t: Tok) -> bool:
        """Whether ``t`` is a function word, determiner or pronoun."""
        c = self.W.cls
        return t.low in c["function"] or t.low in c["determiner"] or t.low in c["pron"]

    def para_of(self, pos: int) -> int:
        """Index of the paragraph holding offset ``pos``."""
        return max(bisect_right(self.pstarts, pos) - 1, 0)

    def sentence_of(self, pi: int, pos: int) -> tuple[int, int]:
        """Span of the sentence of paragraph ``pi`` holding ``pos`` (the paragraph when none does)."""
        k = bisect_right(self.sentence_starts[pi], pos) - 1
        if k >= 0 and pos < self.sentences[pi][k][1]:
            return self.sentences[pi][k]
        return self.paragraphs[pi]

    def starting_in(self, pi: int, start: int, end: int) -> list[Raw]:
        """Relations of paragraph ``pi`` whose content starts in ``[start, end)``, in text order."""
        rs, starts = self.by_para.get(pi, []), self.para_starts.get(pi, [])
        return rs[bisect_left(starts, start) : bisect_left(starts, end)]
