"""Markdown articles: analysed as the prose they show (links' text, no addresses or markers)."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis import article_from_text, load_article, paragraph_metrics
from analysis.sources.markdown import to_text

LINK_SENTENCE = "The plan [could fail](https://example.com/news/2021/02/22/a-very-long-address-of-words)."
DOC = f"""# Could Russia Lose *Belarus*?

- Talks in Sochi next week
- A loan of **$1.5 billion**

The council voted on Tuesday to close the library. {LINK_SENTENCE}

## What comes next

> "We will appeal," a resident said.

* * *

![A chart](chart.png)

The mayor said the building _could_ reopen next year.
"""


@pytest.mark.parametrize(
    ("markdown", "clean"),
    [
        ("See [the report](https://example.org/a/b).", "See the report."),
        ("Visit <https://example.org>.", "Visit https://example.org."),
        ("Some **bold**, *em*, _em_ and ~~struck~~ words.", "Some bold, em, em and struck words."),
        ("> Quoted words.", "Quoted words."),
        ("- one\n- two", "one\n\ntwo"),
        ("1. one\n2. two", "one\n\ntwo"),
        ("# Title\n\n## Sub", "Title\n\nSub"),
        ("Fish &amp; chips \\*not emphasis\\*", "Fish & chips *not emphasis*"),
        ("Text\n\n* * *\n\n---\n\nMore", "Text\n\nMore"),
        ("Text ![alt text](x.png) here", "Text  here"),
        ("A <span>raw</span> tag", "A raw tag"),
        ("Line one\nline two", "Line one\nline two"),
    ],
    ids=[
        "link",
        "autolink",
        "emphasis",
        "quote",
        "bullets",
        "numbered",
        "headings",
        "escapes",
        "rules",
        "image",
        "html",
        "softbreak",
    ],
)
def test_markup_is_removed_and_link_text_kept(markdown: str, clean: str) -> None:
    assert to_text(markdown).text == clean


def test_source_offsets_point_at_the_same_characters_in_the_file() -> None:
    md = to_text(DOC)
    assert md.source_offsets
    for clean_start, source_start, n in md.source_offsets:
        assert md.text[clean_start : clean_start + n] == DOC[source_start : source_start + n]
    covered = sum(n for _, _, n in md.source_offsets)
    assert covered >= 0.95 * len(md.text.replace("\n", ""))


def test_roles_from_markdown_structure(tmp_path: Path) -> None:
    p = tmp_path / "a.md"
    p.write_text(DOC, encoding="utf-8")
    art = load_article(p)
    roles = [(p.role, p.text) for p in art.paragraphs]
    assert roles[0] == ("headline", "Could Russia Lose Belarus?") and art.title == "Could Russia Lose Belarus?"
    assert [r for r, _ in roles] == ["headline", "summary", "summary", "body", "subheading", "body", "body"]
    assert "https://" not in art.text and "#" not in art.text and "**" not in art.text and ">" not in art.text
    assert art.extra["markup"] == "markdown"
    for para in art.paragraphs:  # offsets index the clean text, which is what is highlighted
        assert art.text[para.start : para.end] == para.text


def test_subheadings_are_not_body_metrics(tmp_path: Path) -> None:
    p = tmp_path / "a.md"
    p.write_text(DOC, encoding="utf-8")
    df = paragraph_metrics(load_article(p))
    assert "subheading" in set(df["role"]) and "What comes next" not in " ".join(load_article(p).body_text)


def test_a_link_address_is_not_counted_as_words(tmp_path: Path) -> None:
    """The issue's example: "could fail" as a link went from grade 1.5 to 11.3 in plain text."""
    text = "It was a bad day. The plan [could fail](https://example.com/this-is-a-long-address/with/many/words-in-it)."
    (tmp_path / "a.md").write_text(text, encoding="utf-8")
    (tmp_path / "a.txt").write_text(
        text.replace("[could fail](https://example.com/this-is-a-long-address/with/many/words-in-it)", "could fail"),
        encoding="utf-8",
    )
    md, plain = (paragraph_metrics(load_article(tmp_path / n)) for n in ("a.md", "a.txt"))
    assert md["n_words"].tolist() == plain["n_words"].tolist()
    assert md["flesch_kincaid_grade"].tolist() == pytest.approx(plain["flesch_kincaid_grade"].tolist())
    assert md["flesch_kincaid_grade"].iloc[0] < 5


def test_txt_stays_plain_text(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text("# Not a heading here\n\nSee [this](https://x.org) now.\n\nMore words follow here.", encoding="utf-8")
    art = load_article(p)
    assert "[this](https://x.org)" in art.text and "markup" not in art.extra


def test_markdown_flag_overrides_the_name() -> None:
    assert article_from_text("See [it](https://x.org).", markdown=True).text == "See it."
    assert article_from_text("See [it](https://x.org).", name="a.md", markdown=False).text == "See [it](https://x.org)."


def test_highlight_of_markdown_marks_the_clean_text(tmp_path: Path) -> None:
    from analysis.report.render import highlight

    p = tmp_path / "a.md"
    p.write_text(
        "# Title here\n\nThe plan [could possibly fail](https://example.com/x), **analysts said**.\n\n"
        "It may well be so, officials said.",
        encoding="utf-8",
    )
    page = highlight(load_article(p), standalone=True)
    assert "example.com" not in page and "**" not in page and "possibly" in page
