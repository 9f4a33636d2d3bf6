"""Hedging and voice columns: cue counts and rates, and whose voice the words and cues are in."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from analysis.annotate.hedging import CATEGORIES, Cue
from analysis.annotate.hedging.sentence_model import SentenceMeasures

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
    "quoted_share": (
        "0..1",
        "Share of words inside quotation marks (a quote may span paragraphs; words counted as for `author_words`).",
    ),
    "reported_share": (
        "0..1",
        "Share of words in reported speech or thought ('X said that ...', 'according to X, ...'), outside quotes.",
    ),
    "author_words": (
        "words",
        "Words in the author's own voice: all words less those inside quotation marks and in reported speech "
        "or thought (`words * (1 - quoted_share - reported_share)`, words counted as for the two shares: "
        "runs of letters and digits, so a few more than `n_words`, textstat's count, when a text has "
        "numbers or hyphens); the denominator of author rates such as author hedges per 100 words of the "
        "author's own text.",
    ),
    "author_hedges": ("count", "Hedge cues in the author's own voice (outside quoted and reported content)."),
    "author_boosters": ("count", "Booster cues in the author's own voice (outside quoted and reported content)."),
    "unhedged_predictions": (
        "count",
        "Sentences where the author predicts a third party's future ('will', 'is set to') with no hedge cue.",
    ),
}


UNCERTAINTY_SPEC: dict[str, tuple[str, str]] = {
    "speculation": (
        "0..1",
        "Mean over the sentences of the speculation measure: the probability that a sentence hedges epistemically "
        "('may', 'suggest', 'whether', 'it is unclear'; the sense of the CoNLL-2010 biological set and of newswire "
        "hedging). See the method notebook.",
    ),
    "vagueness": (
        "0..1",
        "Mean over the sentences of the vagueness measure: the probability that a sentence makes a vague or "
        "unsupported claim (weasel words 'some critics say', 'it is believed'; vague quantifiers; peacock terms; "
        "the sense of the CoNLL-2010 Wikipedia set).",
    ),
    "certainty": (
        "1..6",
        "Mean over the sentences of perceived certainty: how certain a sentence sounds to a reader, on the scale of "
        "Pei & Jurgens (2021), 1 very uncertain .. 6 very certain (their rated science findings average 4.6).",
    ),
    "speculative_sentences": (
        "count",
        "Sentences whose speculation is at least its threshold (chosen by cross-validation to hold across base "
        "rates; `AnalysisConfig.uncertainty_threshold` replaces it).",
    ),
    "vague_sentences": ("count", "Sentences whose vagueness is at least its threshold (as `speculative_sentences`)."),
    "uncertainty": (
        "0..1",
        "Mean over the sentences of `max(speculation, vagueness)`: the stated combination kept under the name of "
        "the retired gated model (issue 22).",
    ),
    "uncertain_sentences": ("count", "Sentences that are speculative or vague (either count above)."),
}


def uncertainty_columns(scores: Sequence[SentenceMeasures], thresholds: Mapping[str, float]) -> dict[str, float | int]:
    """:data:`UNCERTAINTY_SPEC` columns of a unit from its sentences' measures (NaN means with no sentence)."""
    n = len(scores)
    if not n:
        nan = float("nan")
        return {
            "speculation": nan,
            "vagueness": nan,
            "certainty": nan,
            "speculative_sentences": 0,
            "vague_sentences": 0,
            "uncertainty": nan,
            "uncertain_sentences": 0,
        }
    ts, tv = thresholds["speculation"], thresholds["vagueness"]
    speculative = [s.speculation >= ts for s in scores]
    vague = [s.vagueness >= tv for s in scores]
    return {
        "speculation": sum(s.speculation for s in scores) / n,
        "vagueness": sum(s.vagueness for s in scores) / n,
        "certainty": sum(s.certainty for s in scores) / n,
        "speculative_sentences": sum(speculative),
        "vague_sentences": sum(vague),
        "uncertainty": sum(s.uncertainty for s in scores) / n,
        "uncertain_sentences": sum(a or b for a, b in zip(speculative, vague, strict=True)),
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
