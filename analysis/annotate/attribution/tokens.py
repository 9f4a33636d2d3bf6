"""Tokens of a stretch of text, with offsets into the article text, and the marks the passes test."""

from __future__ import annotations

import re
from typing import NamedTuple

__all__ = [
    "ACCORDING",
    "CLOSERS",
    "CONTRACTED_FINITE",
    "LOWER_WORD",
    "MID_CAPITAL",
    "PARA_WORD",
    "QUOTE_CHARS",
    "Tok",
    "clean",
    "is_initial",
    "tokens",
]

ACCORDING = re.compile(r",\s+according\s+to\b", re.IGNORECASE)
TOKEN = re.compile(r"\w+(?:[’'\-&]\w+)*|``|''|[^\w\s]")
QUOTE_CHARS = set('“”„«»"') | {"``", "''"}
CLOSERS = set('”»"') | {"''"}


class Tok(NamedTuple):
    """One token: its text and offsets, lower-cased form, whether it is a word and capitalised."""

    text: str
    start: int
    end: int
    low: str
    word: bool
    cap: bool


def tokens(text: str, start: int, end: int) -> list[Tok]:
    """The tokens of ``text[start:end]`` (offsets into ``text``)."""
    new = tuple.__new__  # what Tok._make does, without its call
    return [
        new(Tok, (t, m.start(), m.end(), t.lower(), t[0].isalnum(), t[0].isupper()))
        for m in TOKEN.finditer(text, start, end)
        for t in (m.group(0),)
    ]


POSSESSIVE = re.compile(r"[’']s$")
#: A pronoun with a contracted finite verb: "he’d", "she’ll", "they’re", "we’ve", "I’m" ("'s" is left out: possessive).
CONTRACTED_FINITE = re.compile(r"^(?:i|you|he|she|it|we|they|there|that)[’'](?:d|ll|re|ve|m)$")
#: Words of a paragraph (to tell a title-case headline) and lower-case words (the article's vocabulary).
PARA_WORD = re.compile(r"\b\w[\w’'-]*")
LOWER_WORD = re.compile(r"\b[a-z][a-z’'-]*\b")


def is_initial(t: Tok) -> bool:
    """A one-letter capital, an initial before its full stop: "S" of "Robert S. Ford"."""
    return len(t.text) == 1 and t.text.isupper()


#: A capitalised word after a word or a comma ("called on Sanders", "Peter King"): not sentence-initial.
MID_CAPITAL = re.compile(r"(?<=[\w,;] )[A-Z][a-z’'-]+\b")


def clean(t: str) -> str:
    """``t`` without a possessive "'s" ("Smith's" -> "Smith")."""
    return POSSESSIVE.sub("", t) if "s" in t else t
