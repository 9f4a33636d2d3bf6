"""Sentence sentiment with VADER (``vaderSentiment``): one score per sentence, nothing aggregated here.

Aggregation to paragraphs and articles is in :mod:`analysis.tables.sentiment`.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import NamedTuple

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
    polarity = analyzer().polarity_scores
    out = []
    for s in sentences:
        d = polarity(s)
        out.append(Scores(d["neg"], d["neu"], d["pos"], d["compound"]))
    return out
