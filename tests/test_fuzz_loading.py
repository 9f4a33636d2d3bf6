"""Fuzzing the loader: any bytes, encoding or front matter gives an Article or a one-line InputError."""

from __future__ import annotations

import tempfile
import warnings
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import InputError, InputWarning
from analysis.model import ROLES, Article
from analysis.sources.loading import article_from_text, load_article

ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1252", "cp1251", "latin-1"]
PIECES = [
    "---",
    "---\n",
    "...\n",
    "title: X\n",
    "title: [a\n",
    "- a\n",
    "author: {b: 1}\n",
    "date: 2021-02-22\n",
    "# Heading\n",
    "## Sub\n",
    "[link](https://example.org/a)",
    "**bold**",
    "> quote\n",
    "- item\n",
    "1. item\n",
    "* * *\n",
    "2021\n",
    "\r\n",
    "\r",
    "\n\n",
    "\ufeff",
    "\x00",
    "\t",
    "<html>",
    "<!doctype html>",
    "By Jane Doe\n",
    "The council voted on Tuesday. ",
    "Le président a dit que les négociations reprendront. ",
    "Президент сказал. ",
    "é",
    "“",
    "\u2028",
    "\x85",
    "`code`",
    "![img](x.png)",
    "&amp;",
    "\\*",
]
texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=30)), max_size=25).map("".join)
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _check(make: object) -> None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", InputWarning)
            art = make()  # type: ignore[operator]
    except InputError as exc:
        message = str(exc)
        assert message and "\n" not in message and "\r" not in message, repr(message)
        return
    assert isinstance(art, Article)
    assert all(p.role in ROLES for p in art.paragraphs)
    for p in art.paragraphs:
        assert art.text[p.start : p.end] == p.text
        for s in p.sentences:
            assert art.text[s.start : s.end] == s.text and p.start <= s.start  # offsets into the article text
    assert "\r" not in art.text and isinstance(art.language, str) and art.language


def _load(data: bytes, suffix: str) -> Article:
    with tempfile.TemporaryDirectory() as folder:
        p = Path(folder) / f"fuzz{suffix}"
        p.write_bytes(data)
        return load_article(p)


@FUZZ
@given(data=st.binary(max_size=2000), suffix=st.sampled_from([".txt", ".md", ""]))
def test_random_bytes(data: bytes, suffix: str) -> None:
    _check(lambda: _load(data, suffix))


@FUZZ
@given(text=texts, encoding=st.sampled_from(ENCODINGS), suffix=st.sampled_from([".txt", ".md"]))
def test_random_text_in_any_encoding(text: str, encoding: str, suffix: str) -> None:
    data = text.encode(encoding, errors="replace")
    _check(lambda: _load(data, suffix))


@FUZZ
@given(front=texts, body=texts, newline=st.sampled_from(["\n", "\r\n", "\r"]), markdown=st.booleans())
def test_random_front_matter(front: str, body: str, newline: str, markdown: bool) -> None:
    text = ("---\n" + front + "\n---\n" + body).replace("\n", newline)
    _check(lambda: article_from_text(text, markdown=markdown))
