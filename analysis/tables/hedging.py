"""Hedging and voice columns: cue counts and rates, and whose voice the words and cues are in."""

from __future__ import annotations

from collections.abc import Sequence

from analysis.annotate.hedging import CATEGORIES, Cue

_PLURAL = {"hedge": "hedges", "booster": "boosters", "attribution": "attributions"}

SPEC: dict[str, tuple[str, str]] = {
    "hedges": ("count", "Hedge cues (withhold commitment: 'could', 'is expected to', 'there is a possibility')."),
    "boosters": ("count", "Booster cues (express certainty: 'it is clear that', 'in reality')."),
    "attributions": ("count", "Attribution cues (assign a claim to a source: 'according to', 'said')."),
    "hedges_per_100w": ("per 100 words", "`100 * hedges / n_words`."),
    "boosters_per_100w": ("per 100 words", "`100 * boosters / n_words`."),
    "attributions_per_100w": ("per 100 words", "`100 * attributions / n_words`."),
}
VOICE_SPEC: dict[str, tuple[str, str]] = {
    "quoted_share": ("0..1", "Share of words inside quotation marks (a quote may span paragraphs)."),
    "reported_share": (
        "0..1",
        "Share of words in reported speech or thought ('X said that ...', 'according to X, ...'), outside quotes.",
    ),
    "author_words": (
        "words",
        "Words in the author's own voice: all words less those inside quotation marks and in reported speech "
        "or thought (`n_words * (1 - quoted_share - reported_share)`); the denominator of author rates such as "
        "author hedges per 100 words of the author's own text.",
    ),
    "author_hedges": ("count", "Hedge cues in the author's own voice (outside quoted and reported content)."),
    "author_boosters": ("count", "Booster cues in the author's own voice (outside quoted and reported content)."),
    "unhedged_predictions": (
        "count",
        "Sentences where the author predicts a third party's future ('will', 'is set to') with no hedge cue.",
    ),
}


UNCERTAINTY_SPEC: dict[str, tuple[str, str]] = {
    "uncertainty": (
        "0..1",
        "Mean over the sentences of the model's probability that a sentence expresses uncertainty "
        "(a sentence-level model trained on CoNLL-2010 and rated science findings; see the method notebook).",
    ),
    "uncertain_sentences": (
        "count",
        "Sentences whose uncertainty is at least the threshold chosen by cross-validation (0.38 in the shipped "
        "model; `AnalysisConfig.uncertainty_threshold`).",
    ),
}


def uncertainty_columns(scores: Sequence[float], threshold: float) -> dict[str, float | int]:
    """:data:`UNCERTAINTY_SPEC` columns of a unit from its sentences' scores (NaN mean with no sentence)."""
    return {
        "uncertainty": sum(scores) / len(scores) if scores else float("nan"),
        "uncertain_sentences": sum(1 for u in scores if u >= threshold),
    }


def cue_counts(cues: Sequence[Cue], n_words: int) -> dict[str, float | int]:
    """Counts per category and rates per 100 words (NaN rates when ``n_words`` is 0)."""
    out: dict[str, float | int] = {}
    for cat in CATEGORIES:
        n = sum(1 for c in cues if c.category == cat)
        out[_PLURAL[cat]] = n
        out[f"{_PLURAL[cat]}_per_100w"] = 100.0 * n / n_words if n_words else float("nan")
    return out


def voice_columns(
    cues: Sequence[Cue], quoted: int, reported: int, words: int, predictions: int
) -> dict[str, float | int]:
    """:data:`VOICE_SPEC` columns of a unit from its cues, word counts by voice and predictions.

    Shares are NaN for a unit without words.
    """
    return {
        "quoted_share": quoted / words if words else float("nan"),
        "reported_share": reported / words if words else float("nan"),
        "author_words": max(0, words - quoted - reported),
        "author_hedges": sum(1 for c in cues if c.category == "hedge" and c.voice == "author"),
        "author_boosters": sum(1 for c in cues if c.category == "booster" and c.voice == "author"),
        "unhedged_predictions": predictions,
    }
