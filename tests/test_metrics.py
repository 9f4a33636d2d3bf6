"""Metrics on the seed article, checked against textstat and VADER called directly."""

from __future__ import annotations

import math

import pandas as pd
import pytest
import textstat
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from analysis import COLUMNS, DATA_DICTIONARY, article_from_text, article_metrics, find_cues, paragraph_metrics
from analysis.tables import data_dictionary_markdown

from .conftest import ROOT

REQUIRED = (
    "article_id paragraph role n_words n_sentences flesch_reading_ease flesch_kincaid_grade gunning_fog "
    "smog_index coleman_liau_index automated_readability_index dale_chall_readability_score sentiment_compound "
    "sentiment_pos sentiment_neu sentiment_neg hedges boosters attributions hedges_per_100w boosters_per_100w "
    "attributions_per_100w"
).split()


@pytest.fixture(scope="module")
def table(seed) -> pd.DataFrame:  # type: ignore[no-untyped-def]
    return paragraph_metrics(seed)


def test_table_has_every_paragraph_and_required_columns(seed, table) -> None:  # type: ignore[no-untyped-def]
    assert list(table.columns) == list(COLUMNS)
    assert set(REQUIRED) <= set(table.columns)
    assert len(table) == len(seed.paragraphs) == 25
    assert table["paragraph"].tolist() == list(range(25))
    assert table["role"].value_counts().to_dict() == {
        "body": 18,
        "summary": 3,
        "byline": 2,
        "headline": 1,
        "boilerplate": 1,
    }


def test_article_flesch_kincaid_is_textstat_on_the_body_text(seed) -> None:  # type: ignore[no-untyped-def]
    art = article_metrics(seed)
    body = "\n\n".join(p.text for p in seed.paragraphs if p.role == "body")
    assert abs(art["flesch_kincaid_grade"] - textstat.flesch_kincaid_grade(body)) <= 0.01
    assert abs(art["gunning_fog"] - textstat.gunning_fog(body)) <= 0.01
    assert art["n_words"] == textstat.lexicon_count(body)
    # Article value is computed on the whole text, not averaged over paragraphs.
    assert art["role"] == "article" and art["paragraph"] == -1


def test_paragraph_sentiment_is_mean_of_vader_sentence_compounds(seed, table) -> None:  # type: ignore[no-untyped-def]
    sia = SentimentIntensityAnalyzer()
    for p in seed.paragraphs:
        compounds = [sia.polarity_scores(s.text)["compound"] for s in p.sentences]
        row = table.loc[p.index]
        assert row["sentiment_compound"] == pytest.approx(sum(compounds) / len(compounds))
        assert row["sentiment_min"] == pytest.approx(min(compounds))
    # The quoted paragraph's most positive sentence is one of its two sentences.
    quoted = table.loc[10]
    assert quoted["most_positive_sentence"] in [s.text for s in seed.paragraphs[10].sentences]


def test_article_sentiment_is_mean_over_all_body_sentences(seed) -> None:  # type: ignore[no-untyped-def]
    sia = SentimentIntensityAnalyzer()
    compounds = [sia.polarity_scores(s.text)["compound"] for p in seed.body for s in p.sentences]
    assert article_metrics(seed)["sentiment_compound"] == pytest.approx(sum(compounds) / len(compounds))


def _cue_texts(text: str, category: str) -> list[str]:
    return [c.text.lower() for c in find_cues(text) if c.category == category]


def test_seed_hedges_and_boosters_in_the_right_paragraphs(seed, table) -> None:  # type: ignore[no-untyped-def]
    paras = seed.paragraphs
    assert "is expected to" in _cue_texts(paras[1].text, "hedge")
    assert "could" in _cue_texts(paras[2].text, "hedge")
    assert "there is a possibility" in _cue_texts(paras[3].text, "hedge")
    assert "it is expected that" in _cue_texts(paras[4].text, "hedge")
    assert "it is clear that" in _cue_texts(paras[6].text, "booster")
    assert "it is clear that" in _cue_texts(paras[20].text, "booster")
    assert "according to" in _cue_texts(paras[12].text, "attribution")
    assert "there is a possibility" in _cue_texts(paras[21].text, "hedge")
    assert table.loc[6, "boosters"] >= 1 and table.loc[4, "hedges"] >= 2


def test_rates_are_per_100_words(table) -> None:  # type: ignore[no-untyped-def]
    body = table[table["role"] == "body"]
    assert (body["hedges_per_100w"] == 100 * body["hedges"] / body["n_words"]).all()


def test_short_paragraphs_are_flagged_not_hidden(table) -> None:  # type: ignore[no-untyped-def]
    # No seed paragraph reaches 100 words or 30 sentences: all are flagged, none dropped.
    assert not table["readability_reliable"].any() and not table["smog_reliable"].any()
    assert table["flesch_kincaid_grade"].notna().sum() == 25


def test_long_text_is_marked_reliable() -> None:
    text = " ".join(["The council voted on Tuesday to close the old library on the hill."] * 12)
    art = article_metrics(article_from_text(text))
    assert art["n_words"] >= 100 and bool(art["readability_reliable"]) and not bool(art["smog_reliable"])


def test_paragraph_without_words_gets_nan_not_zero() -> None:
    art = article_from_text("A headline\n\nThe vote was close and the result was clear.\n\n* * *\n\nMore text here.")
    df = paragraph_metrics(art)
    stars = df[df["n_words"] == 0].iloc[0]
    assert math.isnan(stars["flesch_kincaid_grade"]) and math.isnan(stars["hedges_per_100w"])


def test_article_without_body_has_nan_scores() -> None:
    art = article_from_text("Only a headline\n\nLeave a Reply")
    s = article_metrics(art)
    assert s["n_words"] == 0 and math.isnan(s["sentiment_compound"]) and s["hedges"] == 0


def test_data_dictionary_covers_every_column_and_is_in_readme() -> None:
    assert set(DATA_DICTIONARY) == set(COLUMNS)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert data_dictionary_markdown() in readme, "README data dictionary is stale: run `make docs`"


def test_article_tables_equal_the_two_separate_tables(seed, table) -> None:  # type: ignore[no-untyped-def]
    from analysis import article_tables

    paragraphs, article = article_tables(seed)
    pd.testing.assert_frame_equal(paragraphs, table)
    pd.testing.assert_series_equal(article, article_metrics(seed))


def test_column_wise_frame_keeps_the_types_row_wise_construction_gives() -> None:
    from analysis.tables.build import frame as _frame

    rows: list[dict[str, object]] = [
        {"n": 1, "x": 1.5, "ok": True, "s": "a", "mixed": 1},
        {"n": 2, "x": math.nan, "ok": False, "s": "b", "mixed": 2.5},  # an int column turning float stays float
    ]
    cols = ("n", "x", "ok", "s", "mixed")
    pd.testing.assert_frame_equal(_frame(rows, cols), pd.DataFrame(rows, columns=list(cols)))
    assert _frame(rows, cols)["mixed"].tolist() == [1.0, 2.5]
    assert list(_frame([], cols).columns) == list(cols)


def test_paragraph_table_dtypes(table) -> None:  # type: ignore[no-untyped-def]
    dtypes = table.dtypes.map(str).to_dict()
    assert {dtypes[c] for c in ("paragraph", "n_words", "hedges", "author_hedges", "unhedged_predictions")} == {"int64"}
    assert {dtypes[c] for c in ("flesch_kincaid_grade", "sentiment_compound", "quoted_share")} == {"float64"}
    assert dtypes["readability_reliable"] == dtypes["smog_reliable"] == "bool"
    assert pd.api.types.is_string_dtype(table["role"]) and pd.api.types.is_string_dtype(table["most_negative_sentence"])
