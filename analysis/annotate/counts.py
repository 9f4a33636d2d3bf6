"""Word, syllable and letter counts of one sentence, made once and summed for larger units.

Counting follows textstat exactly (the functions its readability formulas call,
with the CMU Pronouncing Dictionary the project ships, see
:mod:`analysis.annotate._cmudict`):

* words: textstat's ``list_words`` (punctuation removed except apostrophes of
  contractions, then split on whitespace); ``n_words`` is ``lexicon_count``;
* syllables per word: the CMU dictionary's first pronunciation (vowel phones, read from
  a word -> syllables table made once from the dictionary),
  Pyphen's hyphenation + 1 for a word it does not know; polysyllabic: 3 or more;
* difficult words: not on textstat's Dale-Chall easy-word list and of at least
  2 syllables (``difficult_words``, counted once per distinct word form),
  3 syllables (the hard words of Gunning Fog) or any length (Dale-Chall);
* letters: word characters (``count_letters``); characters: non-space characters
  and whitespace-separated tokens (``chars_per_word`` of ARI).

Counts of a paragraph or article are the sums over its sentences (the distinct
difficult words are a set union), so every unit's formulas come from one counting
pass; see :mod:`analysis.tables.readability`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pyphen import Pyphen

#: textstat's language setting (its default, ``en_US``).
LANG = "en_US"

# textstat.backend.transformations.remove_punctuation(text, rm_apostrophe=False), precompiled
_NONCONTRACTION_APOSTROPHE = re.compile(r"\'(?!(?:[tsd]|ve|ll|re))")
_PUNCTUATION = re.compile(r"[^\w\s\']")
_NOT_WORD_CHAR = re.compile(r"\W")
_SPACE = re.compile(r"\s")


@dataclass(frozen=True)
class Counts:
    """Counts of a span of text (a sentence, or the sum over sentences).

    Attributes:
        n_words: words (textstat ``lexicon_count``).
        n_syllables: syllables of those words.
        n_polysyllabic: words of 3 or more syllables.
        difficult: distinct difficult word forms (not easy, >= 2 syllables).
        n_fog_hard: difficult words of >= 3 syllables, every occurrence (Gunning Fog).
        n_dale_chall_hard: words not on the easy-word list, every occurrence (Dale-Chall).
        n_letters: word characters (letters and digits).
        n_chars: characters other than whitespace.
        n_tokens: whitespace-separated tokens, punctuation included (ARI's words).
    """

    n_words: int = 0
    n_syllables: int = 0
    n_polysyllabic: int = 0
    difficult: frozenset[str] = frozenset()
    n_fog_hard: int = 0
    n_dale_chall_hard: int = 0
    n_letters: int = 0
    n_chars: int = 0
    n_tokens: int = 0

    @property
    def n_difficult(self) -> int:
        """Distinct difficult words (textstat ``difficult_words``)."""
        return len(self.difficult)


def total(counts: Iterable[Counts]) -> Counts:
    """Sum of ``counts`` (difficult word forms: the union); empty -> all zero."""
    items = list(counts)
    if len(items) == 1:
        return items[0]
    return Counts(
        sum(c.n_words for c in items),
        sum(c.n_syllables for c in items),
        sum(c.n_polysyllabic for c in items),
        frozenset().union(*(c.difficult for c in items)),
        sum(c.n_fog_hard for c in items),
        sum(c.n_dale_chall_hard for c in items),
        sum(c.n_letters for c in items),
        sum(c.n_chars for c in items),
        sum(c.n_tokens for c in items),
    )


@cache
def _dictionaries() -> tuple[dict[str, int], Pyphen, set[str]]:
    """Syllables of the CMU dictionary's words, textstat's Pyphen and easy-word set (once per process).

    The CMU dictionary comes as a word -> syllables table (:func:`analysis.annotate._cmudict.syllable_table`),
    not as NLTK's phone lists: the same counts, ~50 times faster to load; never downloaded.
    """
    from textstat.backend.utils import get_lang_easy_words, get_pyphen

    from analysis.annotate._cmudict import syllable_table

    return syllable_table(), get_pyphen(LANG), get_lang_easy_words(LANG)


def word_syllables(word: str) -> int:
    """Syllables of one lower-case word, as textstat's ``count_syllables`` counts them."""
    return _word(word)[0]


@lru_cache(maxsize=1 << 17)
def _word(lower: str) -> tuple[int, bool]:
    """``(syllables, on the easy-word list)`` of a lower-case word (memoised: a pure function of the word)."""
    cmu, pyphen, easy = _dictionaries()
    syllables = cmu.get(lower)
    if syllables is None:  # not in the CMU dictionary: Pyphen's hyphenation points + 1, as textstat
        syllables = len(pyphen.positions(lower)) + 1
    return syllables, lower in easy


def words(text: str) -> list[str]:
    """textstat's ``list_words(text)``: punctuation removed (contraction apostrophes kept), split on whitespace."""
    return _PUNCTUATION.sub("", _NONCONTRACTION_APOSTROPHE.sub("", text)).split()


def count(text: str) -> Counts:
    """Counts of ``text`` (one sentence, or any text: nothing here depends on sentence ends)."""
    cleaned = _PUNCTUATION.sub("", _NONCONTRACTION_APOSTROPHE.sub("", text) if "'" in text else text)
    ws = cleaned.split()
    lowers = cleaned.lower().split() if cleaned.isascii() else [w.lower() for w in ws]
    n_syll = n_poly = n_fog = n_dc = 0
    difficult: set[str] = set()
    stats = _word
    for w, lower in zip(ws, lowers, strict=True):
        s, easy = stats(lower)
        n_syll += s
        if s >= 3:
            n_poly += 1
        if not easy:
            n_dc += 1
            if s >= 2:
                difficult.add(w)
                if s >= 3:
                    n_fog += 1
    return Counts(
        len(ws),
        n_syll,
        n_poly,
        frozenset(difficult),
        n_fog,
        n_dc,
        len(_NOT_WORD_CHAR.sub("", text)),
        len(_SPACE.sub("", text)),
        len(text.split()),
    )
