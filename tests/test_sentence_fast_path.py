"""The one-sentence fast path of split_sentences gives exactly syntok's sentences."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.annotate.segmentation import _one_sentence, split_sentences, syntok_sentences

PIECES = [
    "The", "council", "voted", "Mr", "Dr", "U.S", "e.g", "3", "3.5", "2021", "•", "-", "—", "–", ",", ":", ";",
    ".", "!", "?", "...", "…", "'", '"', "“", "”", "‘", "’", "(", ")", "[", "]", "«", "»", "é", "ß", "Ж", "%", "$",
    "&", "*", "/", "x", "he", "said", "wasn't", "it’s", "\u00a0", "\t",
]
texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=4)), min_size=1, max_size=30).map(" ".join)


@settings(max_examples=1000, deadline=None)
@given(texts)
def test_split_sentences_equals_syntok_on_random_text(text: str) -> None:
    text = text.strip()
    assert split_sentences(text) == syntok_sentences(text)


@pytest.mark.parametrize(
    ("text", "fast"),
    [
        ("The council voted to close the bridge.", True),
        ("“It is over,” he said.", True),
        ("• Lukashenko is expected to ask Putin for financial aid.", True),
        ("Could Russia Lose Belarus?", True),
        ("Prices rose; wages did not.", False),  # syntok may end a sentence at ";"
        ("He met Dr. Jones.", False),
        ("The plan (approved in May) stands.", False),
        ("Two lines\nhere.", False),
        ("", False),
    ],
)
def test_which_paragraphs_take_the_fast_path(text: str, fast: bool) -> None:
    assert _one_sentence(text) is fast
    assert split_sentences(text) == syntok_sentences(text)
