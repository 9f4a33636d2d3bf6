"""Emotional intensity beside polarity (issue 22, item 5): how loaded a text is, whatever the direction."""

from __future__ import annotations

import math

import pytest

import analysis
from analysis.annotate.sentiment import Scores, sentence_scores
from analysis.tables.sentiment import aggregate, intensity


@pytest.mark.parametrize(
    ("compounds", "polarity", "loaded"),
    [
        ([0.8, -0.8], 0.0, 0.8),  # opposite sentences cancel in polarity, not in intensity
        ([0.8, 0.8], 0.8, 0.8),
        ([-0.6, 0.0], -0.3, 0.3),
        ([0.0, 0.0, 0.0], 0.0, 0.0),  # neutral throughout
    ],
)
def test_unit_intensity_is_the_mean_absolute_compound(compounds: list[float], polarity: float, loaded: float) -> None:
    scores = [Scores(0.0, 1.0, 0.0, c) for c in compounds]
    row = aggregate([f"s{i}" for i in range(len(compounds))], scores)
    assert row["sentiment_compound"] == pytest.approx(polarity)
    assert row["sentiment_intensity"] == pytest.approx(loaded)


def test_no_sentence_gives_nan() -> None:
    assert math.isnan(aggregate([], [])["sentiment_intensity"])


@pytest.mark.parametrize(
    "text", ["This is a disaster!", "The plan is wonderful.", "The meeting is on Tuesday.", "I don't love it."]
)
def test_sentence_intensity_is_the_absolute_compound(text: str) -> None:
    (score,) = sentence_scores([text])
    assert intensity(score) == abs(score.compound)
    assert 0.0 <= intensity(score) <= 1.0


def test_intensity_columns_in_the_tables() -> None:
    text = "What a wonderful, brilliant success! It was a horrible, shameful disaster. The vote is on Monday."
    doc = analysis.analyze(analysis.article_from_text(text))
    sentences = analysis.sentence_metrics(doc)
    assert list(sentences["intensity"]) == [abs(c) for c in sentences["compound"]]
    row = analysis.article_metrics(doc)
    assert row["sentiment_intensity"] == pytest.approx(sentences["intensity"].mean())
    assert row["sentiment_intensity"] > abs(row["sentiment_compound"])  # loaded both ways, balanced in polarity
