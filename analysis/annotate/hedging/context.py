"""Tokens around a match: what the rules look at (a few words, never across a clause or sentence end)."""

from __future__ import annotations

import re

from analysis.annotate.hedging.words import WORDS

_TOKEN = re.compile(r"[$£€]?\d[\d,.]*%?|[A-Za-z]+(?:['’][A-Za-z]+)*|[^\sA-Za-z0-9]")
_WINDOW = 80
#: Tokens that end the context a rule may look at (clause and sentence punctuation, quotes).
_STOP = frozenset('.!?;:"“”()[]—–') | {"``", "''"}

_BE = WORDS["be"]
_FIRST = WORDS["first"]
_PRONOUN = WORDS["pronoun"]
_DET = WORDS["det"]
_NEGATORS = WORDS["negators"]
#: Adverbs skipped when looking for a verb's subject or a booster's negator.
_SKIP = WORDS["skip"]
_LINKING = WORDS["linking"]
_SAY_VERBS = WORDS["say_verbs"]
#: Human or source nouns that make a quantifier a vague source ("some critics").
_HUMAN = WORDS["human"]
_NUMBER_WORDS = WORDS["number_words"]
_TIME_AFTER_WOULD = WORDS["time_after_would"]
_REPORTING_BEFORE_WOULD = WORDS["reporting_before_would"]
_ASSUMED_OBJECTS = WORDS["assumed_objects"]


def tokens_before(text: str, start: int, n: int = 6) -> list[str]:
    """Up to ``n`` lower-case tokens before ``start``, nearest last; stops at a clause/sentence break.

    Only the :data:`_WINDOW` characters before ``start`` are read.
    """
    out: list[str] = []
    for t in reversed(_TOKEN.findall(text, max(0, start - _WINDOW), start)):
        if t in _STOP:
            break
        out.append(t.lower())
        if len(out) == n:
            break
    return out[::-1]


def tokens_after(text: str, end: int, n: int = 6) -> list[str]:
    """Up to ``n`` lower-case tokens after ``end``; stops at a clause/sentence break.

    Only the :data:`_WINDOW` characters after ``end`` are read.
    """
    out: list[str] = []
    for m in _TOKEN.finditer(text, end, end + _WINDOW):
        t = m.group()
        if t in _STOP:
            break
        out.append(t.lower())
        if len(out) == n:
            break
    return out


def spans_before(text: str, start: int, n: int = 6) -> list[tuple[str, int]]:
    """As :func:`tokens_before` but each token as written (case kept) with its offset."""
    out: list[tuple[str, int]] = []
    found = list(_TOKEN.finditer(text, max(0, start - _WINDOW), start))
    for m in reversed(found):
        if m.group() in _STOP:
            break
        out.append((m.group(), m.start()))
        if len(out) == n:
            break
    return out[::-1]


#: How far back and ahead a sentence-wide rule reads (characters).
_SENTENCE_WINDOW = 240
_SENTENCE_END = frozenset(".!?;")


def sentence_tokens(text: str, start: int, end: int) -> tuple[list[str], list[str]]:
    """Lower-case tokens of the sentence around ``text[start:end]``: (before, after).

    Reads at most :data:`_SENTENCE_WINDOW` characters each way and stops at ``.!?;``
    (unlike :func:`tokens_before`, commas, colons and quotes do not stop it).
    """
    toks = _TOKEN.findall(text, max(0, start - _SENTENCE_WINDOW), start)
    before: list[str] = []
    for i in range(len(toks) - 1, -1, -1):
        t = toks[i]
        if t in _SENTENCE_END and not _title_stop(toks, i):
            break
        before.append(t.lower())
    toks = _TOKEN.findall(text, end, end + _SENTENCE_WINDOW)
    after: list[str] = []
    for i, t in enumerate(toks):
        if t in _SENTENCE_END and not _title_stop(toks, i):
            break
        after.append(t.lower())
    return before[::-1], after


def _title_stop(toks: list[str], i: int) -> bool:
    """``toks[i]`` is the full stop of a title abbreviation ("Sen." in "Texas Sen. Ted Cruz"), not a sentence end."""
    return toks[i] == "." and i > 0 and toks[i - 1].lower() in _HONORIFICS


def word_tokens(tokens: list[str]) -> list[str]:
    return [t for t in tokens if t[0].isalnum() or t[0] in "$£€'’"]


def skip_back(prev: list[str]) -> list[str]:
    """``prev`` without trailing skippable adverbs and negators (so "I do not really think" -> "I")."""
    out = list(prev)
    while out and (out[-1] in _SKIP or is_negator(out[-1]) or out[-1] == ","):
        out.pop()
    return out


def is_negator(tok: str) -> bool:
    return tok in _NEGATORS or tok.endswith(("n't", "n’t")) or tok == "cannot"


def is_number(tok: str) -> bool:
    return tok[0].isdigit() or tok[0] in "$£€" or tok in _NUMBER_WORDS


def is_plural(tok: str) -> bool:
    return len(tok) > 3 and tok.endswith("s") and not tok.endswith(("ss", "us", "is", "ous"))


_HONORIFICS = WORDS["honorifics"]
#: A title abbreviated with a full stop right before a position ("Mr. ", "Sen. ").
_HONORIFIC_BEFORE = re.compile(r"(?<![\w'’-])([A-Za-z]+)\.\s*$")


def at_sentence_start(text: str, start: int) -> bool:
    """``start`` opens a sentence: nothing but quotes or brackets since a terminal (or the text's start).

    A full stop after a title ("Mr. Sanders", "Sen. Cruz") does not end a sentence: the word after it is a name.
    """
    before = text[max(0, start - 4) : start].rstrip(" \t\"“'‘([`")
    if not before:
        return True
    if before[-1] == ".":
        title = _HONORIFIC_BEFORE.search(text, max(0, start - 12), start)
        if title and title.group(1).lower() in _HONORIFICS:
            return False
    return before[-1] in ".!?\n"
