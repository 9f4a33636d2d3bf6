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
    polarity = _polarity()
    out = []
    for s in sentences:
        d = polarity(s)
        out.append(Scores(d["neg"], d["neu"], d["pos"], d["compound"]))
    return out


#: Sentences on which :func:`_polarity`'s shortcut must give VADER's own scores before it is used:
#: boosters, "kind of", negation, "but", capitals, "!", an emoticon, a "least" and a contrast.
_PROBES = (
    "The plan is very good, but the results are NOT great!",
    "It was kind of a failure, and nobody was happy :(",
    "At least it is not the worst outcome; it could hardly be better.",
    "  Prices rose sharply and the mood was extremely grim.  ",
)


@cache
def _polarity() -> Callable[[str], dict[str, float]]:
    """VADER's ``polarity_scores``, sooner for text without emoji.

    ``polarity_scores`` first copies the text character by character to replace emoji by their
    descriptions (a third of its time on news sentences). Text in which no character is one of
    VADER's emoji comes out of that copy as ``text.strip()``, so the rest of the method (the
    steps of vaderSentiment 3.3.2, MIT licence, called as VADER's own methods) runs on that
    directly (and a word without valence gets its 0 without the call that would give it); any
    other text goes to ``polarity_scores``. The shortcut is used only if it gives
    VADER's own scores on :data:`_PROBES` (a later VADER that changed the method keeps working);
    a test compares the two on every sentence of the seed and on random text.
    """
    sia = analyzer()
    emojis = frozenset(sia.emojis)  # VADER looks characters up one by one: one-character keys only match
    boosters, senti_text, lexicon = _vader.BOOSTER_DICT, _vader.SentiText, sia.lexicon
    valence_of, but_check, score_valence = sia.sentiment_valence, sia._but_check, sia.score_valence

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
