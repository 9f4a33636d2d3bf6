"""Highlighted HTML: escaping of untrusted text, exact round trip, the CLI command."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from analysis import article_from_text, find_cues
from analysis.cli import main
from analysis.report.render import highlight, render_paragraph

_TAG = re.compile(r"<[^>]*>")


class _Collector(HTMLParser):
    """Every start tag and attribute the browser would see."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


def _tags(doc: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    parser = _Collector()
    parser.feed(doc)
    return parser.tags


HOSTILE = (
    "Hostile <b>title</b>\n\n"
    'He said "<script>alert(1)</script>" could happen & <img src=x onerror="alert(2)"> may follow.\n\n'
    "Tom & Jerry's \"quote\" it is clear that <a href='javascript:alert(3)'>link</a> probably works."
)


def test_article_text_never_becomes_markup() -> None:
    art = article_from_text(HOSTILE)
    for doc in (highlight(art), highlight(art, standalone=False)):
        tags = _tags(doc)
        names = {t for t, _ in tags}
        assert names <= {"html", "head", "meta", "title", "style", "body", "div", "p", "span", "mark", "br"}
        assert "script" not in names and "img" not in names and "a" not in names
        for _, attrs in tags:
            for key, value in attrs:
                assert not key.startswith("on")
                assert "javascript:" not in (value or "")
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in doc and "&lt;img src=x onerror=" in doc
        assert "Tom &amp; Jerry&#x27;s" in doc and "&lt;a href=&#x27;javascript:alert(3)&#x27;&gt;" in doc
        assert 'He said "<script>alert(1)</script>" could happen &' in html.unescape(_TAG.sub("", doc))
    # and cues inside hostile text are still marked
    assert '<mark class="cue hedge author"' in highlight(art)


def test_legend_tooltips_and_classes_on_the_seed(seed) -> None:  # type: ignore[no-untyped-def]
    doc = highlight(seed)
    assert doc.startswith("<!doctype html>") and 'class="legend"' in doc
    quoted = "hedge · epistemic verb (first person) · quoted: Alexander Lukashenko"
    assert f'<mark class="cue hedge quoted" title="{quoted}">I believe</mark>' in doc
    # every quoted or reported passage names its source on the page; the legend explains both
    assert doc.count('<span class="who quoted" data-speaker="Alexander Lukashenko"></span>') == 3
    assert doc.count('<span class="who reported" data-speaker="Alexander Lukashenko"></span>') == 6
    assert '<span class="who reported" data-speaker="the Russian Embassy in Moscow"></span>' in doc
    assert "reported speech or thought" in doc
    assert '<mark class="cue booster author" title="booster · certainty · author">it is clear that</mark>' in doc
    intent = "attribution · attribution of intent · author"
    assert f'<mark class="cue attribution author" title="{intent}">expects</mark>' in doc
    assert doc.count('class="prediction"') == 3 + 1  # three sentences plus the legend entry
    fragment = seed._repr_html_()
    assert not fragment.startswith("<!doctype") and "<style>" in fragment and 'class="ma-article"' in fragment


def test_stripping_markup_gives_back_every_paragraph(seed) -> None:  # type: ignore[no-untyped-def]
    doc = highlight(seed, standalone=False)
    for p in seed.paragraphs:
        head = rf'<p class="para role-\w+" id="p{p.index}"><span class="idx">{p.index}</span>'
        m = re.search(head + r'(.*?)(?:<span class="role-tag">\w+</span>)?</p>', doc)
        assert m, p.index
        assert html.unescape(_TAG.sub("", m.group(1))) == p.text


# --- property: spans in bounds, never overlapping, exact round trip --------------------------------

_PIECES = st.sampled_from(
    [
        "could",
        "May",
        "may",
        "not clear",
        "it is clear that",
        "I believe",
        "about 20",
        "some",
        "critics say",
        "is expected to",
        "according to",
        "no doubt",
        "said",
        "“",
        "”",
        '"',
        "<",
        ">",
        "&",
        "'",
        "&amp;",
        "<script>",
        " ",
        "  ",
        "\n",
        ".",
        ",",
        "é",
        "\u00a0",
        "x",
        "Lukashenko",
        "will",
        "🙂",
    ]
)
texts = st.lists(_PIECES | st.text(max_size=5), max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_cue_spans_in_bounds_non_overlapping_and_round_trip(text: str) -> None:
    found = find_cues(text)
    prev_end = 0
    for c in found:
        assert 0 <= c.start < c.end <= len(text)
        assert c.start >= prev_end  # ordered, never overlapping
        assert text[c.start : c.end] == c.text
        prev_end = c.end
    quotes = [(0, len(text) // 2)] if text else []
    fragment = render_paragraph(text, found, quotes, [(len(text) // 3, len(text))])
    assert html.unescape(_TAG.sub("", fragment)) == text
    assert fragment.count("<mark") == len(found)


@settings(max_examples=60, deadline=None)
@given(texts)
def test_whole_article_round_trip(text: str) -> None:
    body = "Headline\n\nThe minister said it could work. " + text.replace("\n", " ")
    art = article_from_text(body)
    assume(art.is_english)  # a page is made for English text only (its cues are English)
    doc = highlight(art, standalone=False)
    paras = re.findall(r'<span class="idx">\d+</span>(.*?)(?:<span class="role-tag">\w+</span>)?</p>', doc, re.S)
    assert [html.unescape(_TAG.sub("", x)) for x in paras] == [p.text for p in art.paragraphs]


# --- CLI -------------------------------------------------------------------------------------------


def test_cli_highlight_writes_a_page_and_refuses_to_clobber(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "seed.html"
    assert main(["highlight", "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert "Could Russia Lose Belarus?" in page and 'class="cue hedge author"' in page
    assert main(["highlight", "-o", str(out)]) == 2
    assert "already exists" in capsys.readouterr().err
    art = tmp_path / "a.txt"
    art.write_text("Title\n\nIt is clear that <b>he</b> could win.\n", encoding="utf-8")
    assert main(["highlight", str(art), "-o", str(out), "--force"]) == 0
    assert "&lt;b&gt;he&lt;/b&gt;" in out.read_text(encoding="utf-8")
    assert main(["highlight", str(tmp_path / "missing.txt"), "-o", str(out), "--force"]) == 2


def test_reported_speech_is_marked_with_its_source_on_the_page() -> None:
    art = article_from_text(
        "Floods\n\nMayor Jane Roe visited the town. According to the mayor, the town could apply for national funds."
    )
    doc = highlight(art)
    assert '<mark class="cue hedge reported" title="hedge · modal · reported: Jane Roe">could</mark>' in doc
    assert '<span class="reported" title="reported speech or thought">' in doc
    assert '<span class="who reported" data-speaker="Jane Roe"></span>' in doc
