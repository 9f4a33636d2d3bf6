"""Quotations: who is speaking, the author or a quoted speaker.

Quotation marks recognised: curly double quotes (“ ”, and „ as an opener),
guillemets (« »), straight double quotes ("), Penn-Treebank quotes (`` and ''),
the two apostrophes of newspaper archives (''...'' in NYT, LexisNexis and LDC text,
where the same mark opens and closes) and single curly quotes (‘ ’, when no double
quotation holds them: a nested quotation stays the outer speaker's). A straight or
two-apostrophe quote opens when no quote is open and closes otherwise, except that
a mark that can only close (after a word, before space or punctuation) never opens,
and one that can only open never closes. Straight single quotes are apostrophes.

Quotes spanning paragraphs follow the newspaper convention: a paragraph that ends
inside a quote has no closing mark, and the next paragraph starts with an opening
mark; the quotation goes on there. A paragraph that ends inside a quote but is not
followed by a paragraph starting with a quote mark closes the quote at its end
(an unbalanced mark never leaks further).

The speaker is taken from an introduction next to a quote: ``“...,” President X
said``, ``“...,” said X``, ``He added, “...”``, ``X told reporters: “...”``;
"he/she/they" resolve to the last named speaker; a quote with no introduction
continues the speaker of the previous quote in the same paragraph. Unknown: ``""``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from analysis.model import Article

_OPENERS = "“„«"
_CLOSERS = "”»"
_STRAIGHT = '"'
_PTB_OPEN, _PTB_CLOSE = "``", "''"
_MARK = re.compile(r"``|''|[“”„«»\"]")
#: A single curly quotation: an opening mark before a letter, a closing one after a non-space and before no
#: letter ("Don’t" keeps its apostrophe inside); no line break, no other opening mark inside. Linear: the two
#: alternatives of the body never match the same character.
_SINGLE = re.compile(r"‘(?=[^\W\d_])(?:[^‘’\n]|’(?=\w))*?(?<=\S)’(?!\w)")
_WORD = re.compile(r"\w+(?:['’]\w+)*")

_SAY = (
    r"(?:said|says|say|added|adds|told\s+\w+|tells\s+\w+|stated|states|asked|asks|replied|explained|noted|wrote|writes"
    r"|declared|insisted|warned|continued|recalled|remarked|argued|claimed|announced|stressed|emphasi[sz]ed|quipped)"
)
_NAME = r"(?:(?:[A-Z][\w’'.-]*)(?:\s+(?:[A-Z][\w’'.-]*|of|de|van|von|al|bin)){0,4}|he|she|they|He|She|They)"
_AFTER = re.compile(rf"^\s*[,.]?\s*(?:(?P<a>{_NAME})\s+{_SAY}\b|{_SAY}\s+(?P<b>{_NAME}))")
_BEFORE = re.compile(rf"(?P<c>{_NAME})\s+{_SAY}(?:\s+[\w’'-]+){{0,6}}?\s*[,:]\s*$")
_PRONOUNS = {"he", "she", "they"}
_TITLES = {"President", "Prime", "Minister", "Mr", "Mrs", "Ms", "Dr", "Deputy"}


@dataclass(frozen=True)
class Quote:
    """A quoted passage within one paragraph: ``[start, end)`` in the article text.

    ``start`` is the opening mark, ``end`` just after the closing mark (or the
    paragraph end when the quote goes on in the next paragraph or is unterminated).
    ``group`` numbers quotations: segments of one multi-paragraph quote share it.
    """

    start: int
    end: int
    paragraph: int
    group: int
    speaker: str = ""


def _can_open(text: str, i: int, n: int) -> bool:
    return i + n < len(text) and not text[i + n].isspace() and (i == 0 or not text[i - 1].isalnum())


def _can_close(text: str, i: int, n: int) -> bool:
    return i > 0 and not text[i - 1].isspace() and (i + n >= len(text) or not text[i + n].isalnum())


def _starts_with_opener(text: str, start: int, end: int) -> bool:
    j = start
    while j < end and (text[j].isspace() or text[j] in "•-*–·▪"):
        j += 1
    return j < end and (text[j] in _OPENERS or text[j] == _STRAIGHT or text.startswith((_PTB_OPEN, _PTB_CLOSE), j))


def find_quotes(text: str, spans: Sequence[tuple[int, int]] | None = None, *, speakers: bool = True) -> list[Quote]:
    """Quotations in ``text``, given paragraph ``spans`` (default: blocks between blank lines).

    Returns :class:`Quote` segments in text order. With ``speakers``, each gets the speaker of
    a nearby introduction (this module's quick heuristics); the analysed document passes
    ``False``: its attribution layer (:mod:`analysis.annotate.attribution`) resolves speakers.
    """
    if spans is None:
        from analysis.annotate.segmentation import split_blocks

        spans = list(split_blocks(text))
    segments: list[Quote] = []
    group = -1
    carried = False  # a quote was open at the end of the previous paragraph
    for pi, (ps, pe) in enumerate(spans):
        open_at: int | None = None
        open_mark = ""
        scan_from = ps
        if carried and _starts_with_opener(text, ps, pe):
            m0 = _MARK.search(text, ps, pe)
            assert m0 is not None
            open_at, scan_from, open_mark = m0.start(), m0.end(), m0.group(0)  # the quote goes on; same group
        for m in _MARK.finditer(text, scan_from, pe):
            i, mark = m.start(), m.group(0)
            n = len(mark)
            if mark in _OPENERS or mark == _PTB_OPEN:
                if open_at is None:
                    open_at, group, open_mark = i, group + 1, mark
            elif mark in _CLOSERS or (mark == _PTB_CLOSE and open_mark == _PTB_OPEN):
                if open_at is not None:
                    segments.append(Quote(open_at, i + n, pi, group))
                    open_at = None
            else:  # straight quote
                if open_at is None and _can_open(text, i, n):
                    open_at, group, open_mark = i, group + 1, mark
                elif open_at is not None and (_can_close(text, i, n) or not _can_open(text, i, n)):
                    segments.append(Quote(open_at, i + n, pi, group))
                    open_at = None
        if open_at is not None:
            segments.append(Quote(open_at, pe, pi, group))
        carried = open_at is not None
        group = _single_quotes(text, ps, pe, pi, segments, group)
    segments = _renumbered(segments)
    return _with_speakers(text, spans, segments) if speakers else segments


def _single_quotes(text: str, ps: int, pe: int, pi: int, segments: list[Quote], group: int) -> int:
    """Add the single curly quotations of paragraph ``pi`` that no double quotation holds; the last group used.

    A single quotation inside a double one is nested: its words stay the outer speaker's, so it adds nothing.
    """
    if "‘" not in text[ps:pe]:
        return group
    inside = [(q.start, q.end) for q in segments if q.paragraph == pi]
    for m in _SINGLE.finditer(text, ps, pe):
        if not any(a <= m.start() < b for a, b in inside):
            group += 1
            segments.append(Quote(m.start(), m.end(), pi, group))
    return group


def _renumbered(segments: list[Quote]) -> list[Quote]:
    """``segments`` in text order, groups numbered in order of first appearance."""
    segments.sort(key=lambda q: q.start)
    ids: dict[int, int] = {}
    return [Quote(q.start, q.end, q.paragraph, ids.setdefault(q.group, len(ids)), q.speaker) for q in segments]


def _clean_name(name: str) -> str:
    return name.strip(" ,.:")


def _with_speakers(text: str, spans: Sequence[tuple[int, int]], segments: list[Quote]) -> list[Quote]:
    by_group: dict[int, list[Quote]] = {}
    for q in segments:
        by_group.setdefault(q.group, []).append(q)
    speakers: dict[int, str] = {}
    last_named = ""
    prev_group_para: tuple[int, str] | None = None
    for g in sorted(by_group):
        found = ""
        for q in by_group[g]:
            ps, pe = spans[q.paragraph]
            after = _AFTER.match(text[q.end : min(pe, q.end + 120)])
            before = _BEFORE.search(text[max(ps, q.start - 120) : q.start])
            if after:
                found = after.group("a") or after.group("b") or ""
            elif before:
                found = before.group("c")
            if found:
                break
        found = _clean_name(found)
        if found.lower() in _PRONOUNS:
            found = last_named or found
        elif found and found.split()[0] not in _TITLES and len(found.split()) > 4:
            found = " ".join(found.split()[-2:])
        first_para = by_group[g][0].paragraph
        if not found and prev_group_para and prev_group_para[0] == first_para:
            found = prev_group_para[1]
        if found and found.lower() not in _PRONOUNS:
            last_named = found
        speakers[g] = found
        prev_group_para = (by_group[g][-1].paragraph, found)
    return [Quote(q.start, q.end, q.paragraph, q.group, speakers[q.group]) for q in segments]


def article_quotes(article: Article) -> list[Quote]:
    """Quotations of ``article`` (offsets into ``article.text``, paragraphs as segmented)."""
    spans = [(p.start, p.end) for p in article.paragraphs]
    return find_quotes(article.text, spans)


class Span(Protocol):
    """Anything located by ``[start, end)`` in the article text: a :class:`Quote`, an attribution."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


def quoted_words(text: str, start: int, quotes: Iterable[Span]) -> tuple[int, int]:
    """``(words inside quotes, all words)`` of ``text`` located at ``start`` in the article.

    A word is inside when it starts inside a quotation (quote marks included).
    """
    spans = sorted((q.start - start, q.end - start) for q in quotes)
    if not spans:  # most paragraphs quote nobody: only count the words
        return 0, len(_WORD.findall(text))
    word_starts = [m.start() for m in _WORD.finditer(text)]
    n_in = covered = 0
    for a, b in spans:  # overlapping spans count their words once
        a = max(a, covered)
        if a < b:
            n_in += bisect_left(word_starts, b) - bisect_left(word_starts, a)
            covered = b
    return n_in, len(word_starts)
