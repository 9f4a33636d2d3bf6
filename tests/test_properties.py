"""Property-based tests over arbitrary text: loading, segmentation, metrics and cue detection.

Invariants: nothing raises except :class:`InputError`; every offset is in bounds
and slices back to the stored text; paragraphs tile the article text with only
whitespace between them; every metric is finite or NaN (never inf), counts are
non-negative and scores stay in their documented ranges.
"""

from __future__ import annotations

import math
import re
import tracemalloc
import warnings
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from analysis import ROLES, InputError, analyze_corpus, article_from_text, find_cues, load_article, paragraph_metrics
from analysis.annotate.hedging import CATEGORIES, default_lexicon
from analysis.annotate.hedging.matcher import lowers_exactly
from analysis.corpus.batch import BatchWarning
from analysis.errors import InputWarning
from analysis.sources.loading import MAX_BYTES, decode
from analysis.tables import DATA_DICTIONARY

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

WORDS = (
    "the minister said could perhaps according to it is clear that there is a possibility may expected "
    "Mr. Dr. U.S. $3 billion 1.5 per cent “quoted” 'single' — – - • * Leave a Reply Share this By Jane Doe "
    "élan naïve Москва 東京 🙂 can't won't it's well-known İstanbul Straße ﬁnance é ​ ---"
).split()
SEPARATORS = [
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    "\n \n",
    "\t",
    ". ",
    "? ",
    "! ",
    ", ",
    "\r\n",
    "\r",
    "\u00a0",
    "\u2028",
    "\x0b",
    "\x1c",
    "\u0085",
    "\n---\n",
    "---\ntitle: x\n---\n",
    "\n• ",
    "\n- ",
]

# Arbitrary Unicode (surrogates excluded: they cannot be encoded, so no file can hold them).
any_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=400)
# Text that looks like prose often enough to reach every metric, with arbitrary Unicode mixed in.
prose = st.lists(
    st.one_of(st.sampled_from(WORDS), st.sampled_from(SEPARATORS), any_text.map(lambda s: s[:12])), max_size=120
).map("".join)
# Front matter with arbitrary content (YAML errors must become InputError).
front_matter = st.tuples(any_text, prose).map(lambda t: f"---\n{t[0]}\n---\n{t[1]}")
texts = st.one_of(any_text, prose, front_matter)


def _check_article(text: str, **meta: object) -> None:
    try:
        article = article_from_text(text, **meta)
    except InputError:
        return
    body = article.text
    assert article.paragraphs, "non-empty text must give at least one paragraph"
    pos = 0
    for i, p in enumerate(article.paragraphs):
        assert p.index == i and p.role in ROLES
        assert pos <= p.start < p.end <= len(body)
        assert body[p.start : p.end] == p.text
        assert body[pos : p.start].strip() == "", "only whitespace may lie between paragraphs"
        assert p.text == p.text.strip()
        spos = p.start
        for j, s in enumerate(p.sentences):  # sentence offsets index into the article text too
            assert s.index == j and s.paragraph == i
            assert spos <= s.start < s.end <= p.end
            assert body[s.start : s.end] == s.text
            spos = s.end
        pos = p.end
    assert body[pos:].strip() == ""


@SETTINGS
@given(texts)
def test_segmentation_tiles_the_text(text: str) -> None:
    _check_article(text)


@SETTINGS
@given(texts, st.one_of(st.none(), st.text(max_size=30)), st.one_of(st.none(), st.text(max_size=30)))
def test_metadata_never_breaks_segmentation(text: str, title: str | None, author: str | None) -> None:
    _check_article(text, title=title, author=author)


@SETTINGS
@given(st.binary(max_size=2000))
def test_decoding_arbitrary_bytes_gives_text_or_input_error(data: bytes) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", InputWarning)
        try:
            text = decode(data)
        except InputError as exc:
            assert "\n" not in str(exc)  # one-line message for the CLI
            return
    assert isinstance(text, str) and text.strip()


@SETTINGS
@given(st.binary(max_size=2000))
def test_loading_arbitrary_files(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    path = tmp_path_factory.mktemp("prop") / "a.txt"
    path.write_bytes(data)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", InputWarning)
        try:
            article = load_article(path)
        except InputError:
            return
    assert article.text.strip()


_COUNTS = (
    "n_words",
    "n_sentences",
    "n_syllables",
    "n_polysyllabic",
    "n_difficult",
    "hedges",
    "boosters",
    "attributions",
)
_UNIT = ("sentiment_pos", "sentiment_neu", "sentiment_neg")
_SIGNED = ("sentiment_compound", "sentiment_min", "sentiment_max")


@SETTINGS
@given(texts)
def test_metrics_are_finite_or_nan(text: str) -> None:
    try:
        article = article_from_text(text, language="en")  # force English: exercise every formula
    except InputError:
        return
    df = paragraph_metrics(article)
    assert len(df) == len(article.paragraphs)
    for col in DATA_DICTIONARY:
        for value in df[col]:
            if isinstance(value, float):
                assert not math.isinf(value), (col, value)
    for row in df.to_dict("records"):
        for col in _COUNTS:
            assert row[col] >= 0, col
        for col in _UNIT:
            assert math.isnan(row[col]) or 0 <= row[col] <= 1, col
        for col in _SIGNED:
            assert math.isnan(row[col]) or -1 <= row[col] <= 1, col
        if row["n_words"] == 0:
            assert math.isnan(row["flesch_kincaid_grade"]) and math.isnan(row["hedges_per_100w"])


@SETTINGS
@given(texts)
def test_cues_are_ordered_whole_words_in_bounds(text: str) -> None:
    cues = find_cues(text)
    end = 0
    for cue in cues:
        assert end <= cue.start < cue.end <= len(text)
        assert text[cue.start : cue.end] == cue.text
        assert cue.category in CATEGORIES
        before = text[cue.start - 1] if cue.start else " "
        after = text[cue.end] if cue.end < len(text) else " "
        assert not before.isalnum() and not after.isalnum(), "cues match whole words only"
        end = cue.end


@SETTINGS
@given(st.lists(st.sampled_from([w for w in WORDS if w.isalpha() and w.isascii()]), max_size=8), st.booleans())
def test_a_known_cue_between_arbitrary_words_is_found(words: list[str], upper: bool) -> None:
    cue = "ACCORDING TO" if upper else "according to"
    text = " ".join([*words, cue, "officials."])
    found = find_cues(text)
    assert any(c.category == "attribution" and "according" in c.text.lower() for c in found)


def test_20_mb_input_is_refused_by_the_size_limit_in_bounded_memory(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    line = b"The minister said the talks could resume next week, according to officials.\n"
    with big.open("wb") as fh:
        for _ in range(20 * 1024 * 1024 // len(line) + 1):
            fh.write(line)
    assert big.stat().st_size > 20 * 1024 * 1024
    tracemalloc.start()
    try:
        with pytest.raises(InputError, match="MiB limit"):
            load_article(big)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < MAX_BYTES + 2 * 1024 * 1024  # reads at most the limit, never the whole file
    small = tmp_path / "small.txt"
    small.write_bytes(line * 3)
    with pytest.warns(BatchWarning, match="1 of 2 articles failed"):
        df = analyze_corpus([big, small])
    assert df.attrs["n_articles"] == 1 and "MiB limit" in df.attrs["failures"][0][1]


def _flat_pattern(phrases: list[str]) -> re.Pattern[str]:
    """The lexicon matcher written as a plain longest-first alternation (the reference semantics)."""
    alts = sorted(phrases, key=len, reverse=True)
    body = "|".join(r"\s+".join(re.escape(w).replace("'", "['’]") for w in a.split()) for a in alts)
    return re.compile(rf"(?<![\w'’-])(?:{body})(?![\w'’-])", re.IGNORECASE)


_PHRASES = sorted(default_lexicon().by_phrase)
_FLAT = _flat_pattern(_PHRASES)
phrase_soup = st.lists(
    st.one_of(
        st.sampled_from(_PHRASES).map(lambda p: p.replace("'", "’") if "'" in p else p),
        st.sampled_from(_PHRASES).map(str.upper),
        st.sampled_from([" ", "  ", "\n", "-", "'", "s", "ly", "ed", ". ", ", ", "İ", "ı", "ſ"]),
        any_text.map(lambda s: s[:6]),
    ),
    max_size=40,
).map("".join)


@SETTINGS
@given(phrase_soup)
def test_trie_matcher_equals_longest_first_alternation(text: str) -> None:
    trie = [(m.start(), m.end()) for m in default_lexicon().pattern.finditer(text)]
    assert trie == [(m.start(), m.end()) for m in _FLAT.finditer(text)]


@SETTINGS
@given(phrase_soup)
def test_lowercase_matcher_equals_case_insensitive_matcher(text: str) -> None:
    """The fast path of find_cues (lower-case text, case-sensitive pattern) finds the same spans."""
    lex = default_lexicon()
    lowered = text.lower()
    assume(lowers_exactly(text, lowered))  # find_cues falls back to ``pattern`` otherwise
    fast = [(m.start(), m.end()) for m in lex.lower_pattern.finditer(lowered)]
    assert fast == [(m.start(), m.end()) for m in lex.pattern.finditer(text)]


@SETTINGS
@given(phrase_soup)
def test_cues_of_phrase_soup_index_the_text(text: str) -> None:
    """Dense cue text, any case, letters that lower-case oddly ("İ", "ı", "ſ"): every match finds its entry."""
    for c in find_cues(text):
        assert text[c.start : c.end] == c.text and c.category in CATEGORIES
