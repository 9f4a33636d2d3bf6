"""Sentiment columns: VADER sentence scores (:mod:`analysis.annotate.sentiment`) aggregated to a unit.

VADER (Hutto & Gilbert 2014) was built and validated on sentence-length text, so
every sentence is scored on its own and larger units are the *mean* of their
sentences' scores. The most negative and most positive sentence are kept so a
reader sees what drove a score. Beside polarity, ``sentiment_intensity`` says how
loaded a unit is whatever the direction: the mean absolute compound score, so a
paragraph of one +0.8 and one -0.8 sentence has compound 0 but intensity 0.8 (VADER's
compound already weighs intensifiers, negation, capitals and exclamation marks). A
unit with no sentences gets NaN scores and empty extremes.
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
    "sentiment_intensity": (
        "0..1",
        "Emotional intensity beside polarity: mean over the sentences of the absolute VADER compound score "
        "(how loaded the text is, positive or negative; 0 = neutral throughout).",
    ),
    "sentiment_min": ("-1..1", "Compound score of the most negative sentence."),
    "sentiment_max": ("-1..1", "Compound score of the most positive sentence."),
    "most_negative_sentence": ("text", "The most negative sentence (empty when none scores below 0)."),
    "most_positive_sentence": ("text", "The most positive sentence (empty when none scores above 0)."),
}


def intensity(score: Scores) -> float:
    """Emotional intensity of one sentence: ``abs(compound)`` (0 neutral .. 1 most loaded, either direction)."""
    return abs(score.compound)


def aggregate(sentences: Sequence[str], scores: Sequence[Scores]) -> dict[str, float | str]:
    """Mean scores over ``scores`` (one per sentence of ``sentences``) and the extreme sentences."""
    if not scores:
        return {**dict.fromkeys(list(SPEC)[:7], math.nan), "most_negative_sentence": "", "most_positive_sentence": ""}
    n = len(scores)
    compounds = [s.compound for s in scores]
    lo = min(range(n), key=compounds.__getitem__)
    hi = max(range(n), key=compounds.__getitem__)
    return {
        "sentiment_compound": sum(compounds) / n,
        "sentiment_pos": sum(s.pos for s in scores) / n,
        "sentiment_neu": sum(s.neu for s in scores) / n,
        "sentiment_neg": sum(s.neg for s in scores) / n,
        "sentiment_intensity": sum(abs(c) for c in compounds) / n,
        "sentiment_min": compounds[lo],
        "sentiment_max": compounds[hi],
        "most_negative_sentence": sentences[lo] if compounds[lo] < 0 else "",
        "most_positive_sentence": sentences[hi] if compounds[hi] > 0 else "",
    }
