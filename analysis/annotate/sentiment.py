"""Sentence-level sentiment with VADER, aggregated to paragraphs and articles.

VADER (Hutto & Gilbert 2014) was built and validated on sentence-length text, so
every sentence is scored on its own and larger units are the *mean* of their
sentences' scores: ``sentiment_compound`` is the mean sentence compound in
[-1, 1]; ``sentiment_pos``/``sentiment_neu``/``sentiment_neg`` are the mean
sentence proportions (each in [0, 1], summing to about 1). The most negative and
most positive sentence are kept so a reader sees what drove a score. A unit with
no sentences gets NaN scores and empty extremes.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import cache

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

COLUMNS: tuple[str, ...] = (
    "sentiment_compound",
    "sentiment_pos",
    "sentiment_neu",
    "sentiment_neg",
    "sentiment_min",
    "sentiment_max",
    "most_negative_sentence",
    "most_positive_sentence",
)


@cache
def analyzer() -> SentimentIntensityAnalyzer:
    """The shared VADER analyser (its lexicon is loaded once per process)."""
    return SentimentIntensityAnalyzer()


def sentence_scores(sentences: Sequence[str]) -> list[dict[str, float]]:
    """VADER's ``polarity_scores`` for each sentence (keys neg, neu, pos, compound)."""
    sia = analyzer()
    return [sia.polarity_scores(s) for s in sentences]


def aggregate(sentences: Sequence[str], scores: Sequence[dict[str, float]]) -> dict[str, float | str]:
    """Mean scores over sentences plus the extreme sentences (see module docstring)."""
    if not scores:
        nan = math.nan
        return {
            "sentiment_compound": nan,
            "sentiment_pos": nan,
            "sentiment_neu": nan,
            "sentiment_neg": nan,
            "sentiment_min": nan,
            "sentiment_max": nan,
            "most_negative_sentence": "",
            "most_positive_sentence": "",
        }
    n = len(scores)
    compounds = [s["compound"] for s in scores]
    lo = min(range(n), key=compounds.__getitem__)
    hi = max(range(n), key=compounds.__getitem__)
    return {
        "sentiment_compound": sum(compounds) / n,
        "sentiment_pos": sum(s["pos"] for s in scores) / n,
        "sentiment_neu": sum(s["neu"] for s in scores) / n,
        "sentiment_neg": sum(s["neg"] for s in scores) / n,
        "sentiment_min": compounds[lo],
        "sentiment_max": compounds[hi],
        "most_negative_sentence": sentences[lo] if compounds[lo] < 0 else "",
        "most_positive_sentence": sentences[hi] if compounds[hi] > 0 else "",
    }


def sentiment(sentences: Sequence[str]) -> dict[str, float | str]:
    """Score ``sentences`` with VADER and aggregate them."""
    return aggregate(sentences, sentence_scores(sentences))
