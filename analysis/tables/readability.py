"""Readability columns: textstat's formulas evaluated on counts made once (:mod:`analysis.annotate.counts`).

Each formula has textstat's coefficients and zero guards (textstat 0.7, English);
the only difference is the sentence count: textstat's formulas count sentences
with their own regular expression, these use the sentences the tables show
(syntok's, ``n_sentences``). Where the two counts agree the values equal
``textstat.flesch_kincaid_grade(text)`` and the others (a test proves it); where
they disagree ("Mr. Smith met Dr. Jones in the U.S. on Feb. 3 ...": 2 sentences
for syntok, 4 for textstat) textstat's grade is computed on the wrong count.

Reliability: ``readability_reliable`` needs ``AnalysisConfig.min_reliable_words``
words (100: all formulas were calibrated on passages of 100+ words; below that one
long word swings a grade by points), ``smog_reliable`` needs
``AnalysisConfig.min_smog_sentences`` sentences (30, McLaughlin's SMOG sample).
Text with no words gets NaN for every formula (not 0, which would read as a score).
"""

from __future__ import annotations

import math

from analysis.annotate.counts import Counts
from analysis.config import AnalysisConfig

#: column -> (unit or range, definition), in table order.
SPEC: dict[str, tuple[str, str]] = {
    "n_words": ("words", "Word count (textstat `lexicon_count`: punctuation removed, contractions one word)."),
    "n_sentences": ("sentences", "Sentences found by the syntok segmenter (every formula uses this count)."),
    "n_syllables": ("syllables", "Syllables (CMU Pronouncing Dictionary, Pyphen for unknown words; as textstat)."),
    "words_per_sentence": ("words", "`n_words / n_sentences`."),
    "syllables_per_word": ("syllables", "`n_syllables / n_words`."),
    "n_polysyllabic": ("words", "Words of three or more syllables (textstat `polysyllabcount`)."),
    "n_difficult": (
        "words",
        "Distinct words of 2+ syllables not on the Dale-Chall easy-word list (textstat `difficult_words`).",
    ),
    "flesch_reading_ease": ("score, ~0-100", "Flesch Reading Ease; higher is easier (60-70 plain English)."),
    "flesch_kincaid_grade": ("US grade", "Flesch-Kincaid grade level."),
    "gunning_fog": ("US grade", "Gunning Fog index (hard words: 3+ syllables, not on the easy-word list)."),
    "smog_index": ("US grade", "SMOG grade; defined on 30-sentence samples, see `smog_reliable`."),
    "coleman_liau_index": ("US grade", "Coleman-Liau index (letters and sentences per 100 words)."),
    "automated_readability_index": ("US grade", "Automated Readability Index (characters per word)."),
    "dale_chall_readability_score": ("score, ~4.9-10", "New Dale-Chall score; 9-9.9 = college level."),
    "readability_reliable": ("bool", "True when the text has >= 100 words; shorter text makes every formula noisy."),
    "smog_reliable": ("bool", "True when the text has >= 30 sentences, the sample SMOG was defined on."),
}
#: The formula columns.
FORMULAS: tuple[str, ...] = (
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau_index",
    "automated_readability_index",
    "dale_chall_readability_score",
)


def formulas(c: Counts, n_sentences: int) -> dict[str, float]:
    """The seven formulas on counts ``c`` of a text of ``n_sentences`` sentences (textstat's coefficients).

    Args:
        c: summed counts of the text.
        n_sentences: its sentence count (>= 0).

    Returns:
        Formula column -> value; every value NaN when the text has no words, and
        textstat's 0.0 where its formula would divide by zero (no sentence, no syllable).
    """
    if c.n_words == 0:
        return dict.fromkeys(FORMULAS, math.nan)
    wps = c.n_words / n_sentences if n_sentences else 0.0
    spw = c.n_syllables / c.n_words
    pct_fog = 100 * c.n_fog_hard / c.n_words
    pct_dc = 100 * c.n_dale_chall_hard / c.n_words
    letters = 100 * c.n_letters / c.n_words
    sentences = 100 * n_sentences / c.n_words
    cpw = c.n_chars / c.n_tokens if c.n_tokens else 0.0
    dale_chall = 0.1579 * pct_dc + 0.0496 * wps + (3.6365 if pct_dc > 5 else 0.0)
    return {
        "flesch_reading_ease": 0.0 if wps == 0 or spw == 0 else 206.835 - 1.015 * wps - 84.6 * spw,
        "flesch_kincaid_grade": 0.0 if wps == 0 or spw == 0 else 0.39 * wps + 11.8 * spw - 15.59,
        "gunning_fog": 0.4 * (wps + pct_fog),
        "smog_index": 1.043 * (30 * c.n_polysyllabic / n_sentences) ** 0.5 + 3.1291 if n_sentences else 0.0,
        "coleman_liau_index": 0.0 if letters == 0 or sentences == 0 else 0.058 * letters - 0.296 * sentences - 15.8,
        "automated_readability_index": 0.0 if cpw == 0 or wps == 0 else 4.71 * cpw + 0.5 * wps - 21.43,
        "dale_chall_readability_score": dale_chall,
    }


def readability(c: Counts, n_sentences: int, config: AnalysisConfig) -> dict[str, float | int | bool]:
    """Every :data:`SPEC` column of a text with counts ``c`` and ``n_sentences`` sentences."""
    n = c.n_words
    out: dict[str, float | int | bool] = {
        "n_words": n,
        "n_sentences": n_sentences,
        "n_syllables": c.n_syllables,
        "words_per_sentence": n / n_sentences if n and n_sentences else math.nan,
        "syllables_per_word": c.n_syllables / n if n else math.nan,
        "n_polysyllabic": c.n_polysyllabic,
        "n_difficult": c.n_difficult,
    }
    out.update(formulas(c, n_sentences))
    out.update(reliability(n, n_sentences, config))
    return out


def reliability(n_words: int, n_sentences: int, config: AnalysisConfig) -> dict[str, bool]:
    """``readability_reliable`` and ``smog_reliable`` of a text of ``n_words`` words and ``n_sentences``
    sentences under ``config``'s display thresholds (also re-applied to an article row read from the cache)."""
    return {
        "readability_reliable": n_words >= config.min_reliable_words,
        "smog_reliable": n_words > 0 and n_sentences >= config.min_smog_sentences,
    }
