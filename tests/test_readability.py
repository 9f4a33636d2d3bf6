"""Readability from counts made once equals textstat's own functions wherever the sentence counts agree."""

from __future__ import annotations

import math

import pytest
import textstat

from analysis import article_from_text, paragraph_metrics
from analysis.annotate.counts import count, total
from analysis.annotate.segmentation import split_sentences
from analysis.config import AnalysisConfig
from analysis.tables.readability import FORMULAS, formulas, readability

TEXTS = [
    "The cat sat on the mat. It was happy.",
    "Russia is the largest and most important partner for Belarus both in the political and economic fields. "
    "The Treaty on Equal Rights of Citizens between Belarus and Russia was signed in December 1998.",
    "Officials said the dam could fail. Residents were evacuated overnight, and nobody was hurt. "
    "Engineers will inspect the spillway tomorrow.",
    "Interest in the Union itself, from both Russia and Belarus, has waxed and waned repeatedly.",
    "It's clear they'd known. We're sure it isn't over; the committee's report hasn't been published.",
    "Antidisestablishmentarianism notwithstanding, constitutional reinterpretation proceeded expeditiously.",
    "Prices rose in 2021, to $1,200 per tonne. Analysts expected a fall.",
]
_TEXTSTAT = {f: getattr(textstat, f) for f in FORMULAS}


def _agreeing(text: str) -> bool:
    return textstat.sentence_count(text) == len(split_sentences(text))


@pytest.mark.parametrize("text", TEXTS)
def test_counts_equal_textstat(text: str) -> None:
    c = total(count(s.text) for s in split_sentences(text))
    assert (c.n_words, c.n_syllables, c.n_polysyllabic, c.n_difficult, c.n_letters) == (
        textstat.lexicon_count(text),
        textstat.syllable_count(text),
        textstat.polysyllabcount(text),
        textstat.difficult_words(text),
        textstat.letter_count(text),
    )


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("formula", FORMULAS)
def test_formula_equals_textstat_where_sentence_counts_agree(text: str, formula: str) -> None:
    assert _agreeing(text), "a test text must be one where textstat and syntok count the same sentences"
    sentences = split_sentences(text)
    got = formulas(total(count(s.text) for s in sentences), len(sentences))[formula]
    assert got == pytest.approx(_TEXTSTAT[formula](text), abs=1e-9)


@pytest.mark.parametrize(
    ("text", "syntok", "textstat_count"),
    [
        ("Mr. Smith met Dr. Jones in the U.S. on Feb. 3 at 3 p.m. to talk about the budget.", 1, 4),
        ('"Will it work?" he asked. Nobody knew.', 2, 1),
        ("Prices rose 3.5% in 2021, to $1,200 per tonne. Analysts expected a fall.", 2, 3),
    ],
)
def test_where_counts_disagree_the_table_uses_the_sentences_it_shows(
    text: str, syntok: int, textstat_count: int
) -> None:
    assert (len(split_sentences(text)), textstat.sentence_count(text)) == (syntok, textstat_count)
    row = paragraph_metrics(article_from_text(text)).iloc[0]
    assert row["n_sentences"] == syntok
    assert row["words_per_sentence"] == pytest.approx(row["n_words"] / syntok)
    expected = 0.39 * row["n_words"] / syntok + 11.8 * row["n_syllables"] / row["n_words"] - 15.59
    assert row["flesch_kincaid_grade"] == pytest.approx(expected)
    assert row["flesch_kincaid_grade"] != pytest.approx(textstat.flesch_kincaid_grade(text))


@pytest.mark.parametrize(
    ("n_words", "n_sentences", "reliable", "smog"),
    [(0, 0, False, False), (99, 3, False, False), (100, 3, True, False), (400, 30, True, True)],
)
def test_reliability_thresholds_come_from_the_config(
    n_words: int, n_sentences: int, reliable: bool, smog: bool
) -> None:
    c = total([count("word " * n_words)]) if n_words else total([])
    row = readability(c, n_sentences, AnalysisConfig())
    assert (row["readability_reliable"], row["smog_reliable"]) == (reliable, smog)
    assert readability(c, n_sentences, AnalysisConfig(min_reliable_words=n_words + 1))["readability_reliable"] is False


def test_no_words_gives_nan_formulas_not_zero() -> None:
    values = formulas(total([]), 0)
    assert all(math.isnan(v) for v in values.values())


def test_article_values_are_the_formula_on_the_whole_body_not_a_mean() -> None:
    text = "Title\n\n" + TEXTS[1] + "\n\n" + TEXTS[2]
    art = article_from_text(text)
    from analysis import article_metrics

    row = article_metrics(art)
    body = "\n\n".join(p.text for p in art.body)
    assert _agreeing(body)
    assert row["flesch_kincaid_grade"] == pytest.approx(textstat.flesch_kincaid_grade(body))
    assert row["n_words"] == textstat.lexicon_count(body)
