"""Sentence sentiment with VADER (``vaderSentiment``): one score per sentence, nothing aggregated here.

Aggregation to paragraphs and articles is in :mod:`analysis.tables.sentiment`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache
from typing import NamedTuple

from vaderSentiment import vaderSentiment as _vader
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer


class Scores(NamedTuple):
    """VADER's ``polarity_scores`` of one sentence: proportions in [0, 1] and compound in [-1, 1]."""

    neg: float
    neu: float
    pos: float
    compound: float


@cache
def analyzer() -> SentimentIntensityAnalyzer:
    """The shared VADER analyser (its lexicon is loaded once per process)."""
    return SentimentIntensityAnalyzer()


def sentence_scores(sentences: Sequence[str]) -> list[Scores]:
    """VADER scores of each sentence, in order."""
    polarity = sentence_polarity()
    out = []
    for s in sentences:
        d = polarity(s)
        out.append(Scores(d["neg"], d["neu"], d["pos"], d["compound"]))
    return out


#: Sentences on which :func:`sentence_polarity`'s shortcut must give VADER's own scores before it is used:
#: boosters, "kind of", negation, "but", capitals, "!", an emoticon, a "least" and a contrast.
_PROBES = (
    "The plan is very good, but the results are NOT great!",
    "It was kind of a failure, and nobody was happy :(",
    "At least it is not the worst outcome; it could hardly be better.",
    "  Prices rose sharply and the mood was extremely grim.  ",
    "It is never so bad, without doubt it isn't awful, and we never really liked it.",
    "Not one of them is good; this is never this good, nor bad.",
    "The yeah right plan was kind of the bomb, sort of a bad ass idea, to be honest.",
)


class _NegationShortcut(SentimentIntensityAnalyzer):
    """VADER with its ``_negation_check`` and ``_special_idioms_check`` lower-casing the few words
    they read, not the whole sentence each time they are called (up to four times per word with a
    valence). Same logic, same values; built around the shared analyser's lexicon by
    :func:`sentence_polarity`, never on its own."""

    @staticmethod
    def _negation_check(valence: float, words_and_emoticons: list[str], start_i: int, i: int) -> float:
        def low(j: int) -> str:  # j >= 0 here: VADER calls this only when i > start_i
            return str(words_and_emoticons[j]).lower()

        if start_i == 0 and _vader.negated([low(i - 1)]):
            valence = valence * _vader.N_SCALAR
        if start_i == 1:
            if low(i - 2) == "never" and (low(i - 1) == "so" or low(i - 1) == "this"):
                valence = valence * 1.25
            elif low(i - 2) == "without" and low(i - 1) == "doubt":
                valence = valence
            elif _vader.negated([low(i - 2)]):
                valence = valence * _vader.N_SCALAR
        if start_i == 2:
            if (
                low(i - 3) == "never"
                and (low(i - 2) == "so" or low(i - 2) == "this")
                or (low(i - 1) == "so" or low(i - 1) == "this")
            ):
                valence = valence * 1.25
            elif low(i - 3) == "without" and (low(i - 2) == "doubt" or low(i - 1) == "doubt"):
                valence = valence
            elif _vader.negated([low(i - 3)]):
                valence = valence * _vader.N_SCALAR
        return valence

    @staticmethod
    def _special_idioms_check(valence: float, words_and_emoticons: list[str], i: int) -> float:
        # VADER calls this with i >= 3; it reads the words i-3 .. i+2 only
        n = len(words_and_emoticons)
        low = [str(w).lower() for w in words_and_emoticons[i - 3 : i + 3]]
        w3, w2, w1, w0 = low[0], low[1], low[2], low[3]
        cases, boosters = _vader.SPECIAL_CASES, _vader.BOOSTER_DICT
        onezero, twoonezero, twoone = f"{w1} {w0}", f"{w2} {w1} {w0}", f"{w2} {w1}"
        threetwoone, threetwo = f"{w3} {w2} {w1}", f"{w3} {w2}"
        for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
            if seq in cases:
                valence = cases[seq]
                break
        if n - 1 > i:
            zeroone = f"{w0} {low[4]}"
            if zeroone in cases:
                valence = cases[zeroone]
        if n - 1 > i + 1:
            zeroonetwo = f"{w0} {low[4]} {low[5]}"
            if zeroonetwo in cases:
                valence = cases[zeroonetwo]
        for n_gram in (threetwoone, threetwo, twoone):  # booster/dampener bigrams such as "sort of"
            if n_gram in boosters:
                valence = valence + boosters[n_gram]
        return valence


@cache
def sentence_polarity() -> Callable[[str], dict[str, float]]:
    """VADER's ``polarity_scores``, sooner for text without emoji.

    ``polarity_scores`` first copies the text character by character to replace emoji by their
    descriptions (a third of its time on news sentences). Text in which no character is one of
    VADER's emoji comes out of that copy as ``text.strip()``, so the rest of the method (the
    steps of vaderSentiment 3.3.2, MIT licence, called as VADER's own methods) runs on that
    directly (and a word without valence gets its 0 without the call that would give it, and the
    negation check is :class:`_NegationShortcut`'s); any
    other text goes to ``polarity_scores``. The shortcut is used only if it gives
    VADER's own scores on :data:`_PROBES` (a later VADER that changed the method keeps working);
    a test compares the two on every sentence of the seed and on random text.
    """
    sia = analyzer()
    fast = object.__new__(_NegationShortcut)  # the shared analyser's lexicons, not a second copy
    fast.__dict__.update(vars(sia))
    emojis = frozenset(sia.emojis)  # VADER looks characters up one by one: one-character keys only match
    boosters, senti_text, lexicon = _vader.BOOSTER_DICT, _vader.SentiText, sia.lexicon
    valence_of, but_check, score_valence = fast.sentiment_valence, fast._but_check, fast.score_valence

    def polarity(text: str) -> dict[str, float]:
        if not text.isascii() and not emojis.isdisjoint(text):
            return sia.polarity_scores(text)
        text = text.strip()
        sentitext = senti_text(text)
        sentiments: list[float] = []
        items = sentitext.words_and_emoticons
        for i, item in enumerate(items):
            low = item.lower()
            if low in boosters:
                sentiments.append(0)
                continue
            if i < len(items) - 1 and low == "kind" and items[i + 1].lower() == "of":
                sentiments.append(0)
                continue
            if low not in lexicon:  # all that sentiment_valence does for a word VADER has no valence for
                sentiments.append(0)
                continue
            sentiments = valence_of(0, sentitext, item, i, sentiments)
        sentiments = but_check(items, sentiments)
        return score_valence(sentiments, text)

    try:
        same = all(polarity(p) == sia.polarity_scores(p) for p in _PROBES)
    except Exception:  # a VADER whose internals differ: use its public method
        same = False
    return polarity if same else sia.polarity_scores
