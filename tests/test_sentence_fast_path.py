"""The one-sentence fast path of split_sentences gives exactly syntok's sentences."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.annotate.segmentation import one_sentence, plain_spans, split_sentences, syntok_sentences

PIECES = [
    "The",
    "council",
    "voted",
    "Mr",
    "Dr",
    "U.S",
    "e.g",
    "3",
    "3.5",
    "2021",
    "•",
    "-",
    "—",
    "–",
    ",",
    ":",
    ";",
    ".",
    "!",
    "?",
    "...",
    "…",
    "'",
    '"',
    "“",
    "”",
    "‘",
    "’",
    "(",
    ")",
    "[",
    "]",
    "«",
    "»",
    "é",
    "ß",
    "Ж",
    "%",
    "$",
    "&",
    "*",
    "/",
    "x",
    "he",
    "said",
    "wasn't",
    "it’s",
    "\u00a0",
    "\t",
]
texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=4)), min_size=1, max_size=30).map(" ".join)


@settings(max_examples=1000, deadline=None)
@given(texts)
def test_split_sentences_equals_syntok_on_random_text(text: str) -> None:
    text = text.strip()
    assert split_sentences(text) == syntok_sentences(text)


#: Prose: sentences of ordinary words, salted with words before which syntok may or may not split
#: (abbreviations, months, Roman numerals, initials, camel case, "No. 5", apostrophes, digits).
PLAIN = ["the", "council", "said", "Russia", "NASA", "EU", "He", "They", "However", "voted", "Kremlin", "rose"]
ODD = [
    "SpaceX",
    "McDonald",
    "Mr",
    "Dr",
    "etc",
    "May",
    "may",
    "Jan",
    "Sept",
    "II",
    "IV",
    "I",
    "A",
    "x",
    "no",
    "No",
    "it's",
    "it’s",
    "don’t",
    "well-known",
    "a.b-century",
    "x.--century",
    "U.S",
    "e.g.",
    "3",
    "3.5",
    "2021",
    "75%",
    "1950s",
    "£810",
    "€5",
    "…",
    "area”",
    "café",
    "Inc",
    "St",
    "vs",
    "ca",
    "iPhone",
    "Fig",
    "Ltd",
    "Mon",
]
STOPS = [".", "!", "?", ".\u201d", '."', "?\u201d", ".'", "...", ";", ":", ",", ".)", "?” he said.", ""]
OPENERS = ["", "", "\u201c", '"', "\u2018", "(", "3 "]
words = st.lists(
    st.one_of(st.sampled_from(PLAIN), st.sampled_from(PLAIN), st.sampled_from(ODD)), min_size=1, max_size=5
)
sentence = st.tuples(st.sampled_from(OPENERS), words, st.sampled_from(STOPS)).map(
    lambda t: t[0] + " ".join(t[1]) + t[2]
)
prose = st.tuples(st.lists(sentence, min_size=1, max_size=6), st.sampled_from([" ", " ", "  ", "\n"])).map(
    lambda t: t[1].join(t[0])
)


@settings(max_examples=3000, deadline=None)
@given(prose)
def test_plain_prose_is_split_as_syntok_splits_it(text: str) -> None:
    plain = plain_spans(text)
    if plain is not None:
        assert plain == [(s.start, s.end) for s in syntok_sentences(text)]
    assert split_sentences(text) == syntok_sentences(text)


@pytest.mark.parametrize(
    ("text", "fast"),
    [
        ("The council voted to close the bridge.", True),
        ("“It is over,” he said.", True),
        ("• Lukashenko is expected to ask Putin for financial aid.", True),
        ("Could Russia Lose Belarus?", True),
        ("Prices rose; wages did not.", True),  # syntok ends a sentence at ";" only before a capital
        ("Prices rose; Wages did not.", False),
        ("He met Dr. Jones.", False),
        ("The plan (approved in May) stands.", True),  # an aside syntok steps over
        ("The plan (approved. In May) stands.", False),
        ("Two lines\nhere.", False),
        ("", False),
    ],
)
def test_which_paragraphs_take_the_fast_path(text: str, fast: bool) -> None:
    assert one_sentence(text) is fast
    assert split_sentences(text) == syntok_sentences(text)


@pytest.mark.parametrize(
    ("text", "n"),
    [
        ("The council voted. It closed the bridge.", 2),
        ("“It is over,” he said. “We lost.” Nobody answered!", 3),
        ("Why now? Nobody knows.", 2),
        ("He met Dr. Jones. They talked.", None),  # an abbreviation: syntok decides
        ("It was founded in May. The rest followed.", 2),  # a month: cut before a capital
        ("It was founded in mar. The rest followed.", None),  # an abbreviation: syntok decides
        ("Prices rose at SpaceX. “They might.”", None),  # camel case: syntok cuts "X" off
        ("Prices rose. wages did not.", None),  # one sentence: syntok never cuts before lower case
        ("It rose 75%. Then it fell in the 1950s. Mid-century! It’s done.", 4),
        ("“Why?” he asked. The army left for the U.S. in spring; Nobody stayed.", 3),
        ("It ended on 5. Jan in Riga.", None),  # a number before a month: syntok decides
        ("The new domains (gTLDs) are known. The United Nations (UN) agreed.", 2),  # asides syntok steps over
        ("The domains (gTLDs) (2012) are known.", None),  # a second aside: syntok weighs a break
        ("Smith (D) Jones agreed.", None),  # an aside after one word: syntok weighs a break
        ("They raised £36,200. It fell 4.5%. They were at Camp 2. Prices in Riga (5%) rose.", 4),
        ("2. The rest followed.", None),  # a digit read first: syntok does not cut there
        ("It ended at 4.24pm. The rest followed.", None),  # a dot inside the token: syntok decides
        ("One sentence only.", None),  # the one-sentence path's case
    ],
)
def test_plain_prose_fast_path(text: str, n: int | None) -> None:
    plain = plain_spans(text)
    assert (None if plain is None else len(plain)) == n
    assert split_sentences(text) == syntok_sentences(text)
