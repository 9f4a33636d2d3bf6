"""Sentiment columns: VADER sentence scores (:mod:`analysis.annotate.sentiment`) aggregated to a unit.

VADER (Hutto & Gilbert 2014) was built and validated on sentence-length text, so
every sentence is scored on its own and larger units are the *mean* of their
sentences' scores. The most negative and most positive sentence are kept so a
reader sees what drove a score. A unit with no sentences gets NaN scores and
empty extremes.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from analysis.annotate.sentiment import Scores

SPEC: dict[str, tuple[str, str]] = {
    "sentiment_compound": ("-1..1", "Mean VADER compound score of the sentences."),
    "sentiment_pos": ("0..1", "Mean VADER positive proportion of the sentences."),
    "sentiment_neu": ("0..1", "Mean VADER neutral proportion of the sentences."),
    "sentiment_neg": ("0..1", "Mean VADER negative proportion of the sentences."),
    "sentiment_min": ("-1..1", "Compound score of the most negative sentence."),
    "sentiment_max": ("-1..1", "Compound score of the most positive sentence."),
    "most_negative_sentence": ("text", "The most negative sentence (empty when none scores below 0)."),
    "most_positive_sentence": ("text", "The most positive sentence (empty when none scores above 0)."),
}


def aggregate(sentences: Sequence[str], scores: Sequence[Scores]) -> dict[str, float | str]:
    """Mean scores over ``scores`` (one per sentence of ``sentences``) and the extreme sentences."""
    if not scores:
        return {**dict.fromkeys(list(SPEC)[:6], math.nan), "most_negative_sentence": "", "most_positive_sentence": ""}
    n = len(scores)
    compounds = [s.compound for s in scores]
    lo = min(range(n), key=compounds.__getitem__)
    hi = max(range(n), key=compounds.__getitem__)
    return {
        "sentiment_compound": sum(compounds) / n,
        "sentiment_pos": sum(s.pos for s in scores) / n,
        "sentiment_neu": sum(s.neu for s in scores) / n,
        "sentiment_neg": sum(s.neg for s in scores) / n,
        "sentiment_min": compounds[lo],
        "sentiment_max": compounds[hi],
        "most_negative_sentence": sentences[lo] if compounds[lo] < 0 else "",
        "most_positive_sentence": sentences[hi] if compounds[hi] > 0 else "",
    }
