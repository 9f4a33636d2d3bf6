"""Sentence sentiment gives VADER's own ``polarity_scores``, shortcut or not."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import Article
from analysis.annotate.sentiment import analyzer, sentence_polarity, sentence_scores

PIECES = [
    "good",
    "very",
    "NOT",
    "bad",
    "but",
    "kind",
    "of",
    "least",
    "!",
    "?",
    ":)",
    ":(",
    "😀",
    "💔",
    "no",
    "never",
    "extremely",
    "GREAT",
    "hardly",
    "“",
    "”",
    ",",
    ".",
    "fine",
    "sort",
    "without",
    "doubt",
    "\u00a0",
    "é",
    "so",
    "this",
    "isn't",
    "nor",
    "or",
    "love",
    "hate",
    "awful",
    "least",
    "at",
    "the",
    "bomb",
    "yeah",
    "right",
    "kiss",
    "death",
    "ass",
    "to",
    "die",
    "for",
    "bus",
    "stop",
    "heart",
    "beating",
    "shit",
    "a",
    "little",
]


def test_the_shortcut_is_in_use() -> None:
    assert sentence_polarity() is not analyzer().polarity_scores


def test_every_seed_sentence_scores_as_vader_scores_it(seed: Article) -> None:
    sentences = [s.text for p in seed.paragraphs for s in p.sentences]
    vader = analyzer().polarity_scores
    assert [sentence_polarity()(s) for s in sentences] == [vader(s) for s in sentences]
    assert [tuple(x) for x in sentence_scores(sentences)] == [
        (d["neg"], d["neu"], d["pos"], d["compound"]) for d in map(vader, sentences)
    ]


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=3)), max_size=25).map(" ".join))
def test_random_text_scores_as_vader_scores_it(text: str) -> None:
    assert sentence_polarity()(text) == analyzer().polarity_scores(text)


@pytest.mark.parametrize("text", ["I love it 😀", "Heartbroken 💔 but fine", "", "   ", "Not bad at all."])
def test_emoji_and_edge_cases(text: str) -> None:
    assert sentence_polarity()(text) == analyzer().polarity_scores(text)
