"""The shareable report page: one self-contained, escaped HTML file per article."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pandas as pd
import pytest

from analysis import article_from_text, load_baseline
from analysis.cli import report as report_command
from analysis.document import analyze
from analysis.errors import InputError
from analysis.report import page as report_page
from analysis.tables import article_tables, sentence_metrics, sources
from analysis.tables import cues as _cue_frame_from_article
from tests import browser

NASTY_TEXT = (
    'Officials said the plan <script>alert(1)</script> may fail, & "critics" think it could be worse than '
    "expected for the region.\n\n"
    "\u201cWe are certain it will work,\u201d said Minister Jane Doe at a press conference in the capital city.\n"
)


@pytest.fixture(scope="module")
def nasty():  # type: ignore[no-untyped-def]
    doc = article_from_text(
        NASTY_TEXT,
        article_id="nasty",
        title='Plans <img src=x onerror=alert(3)> & "quotes"',
        outlet="The <i>Daily</i>",
        author="A. O'Writer & co",
        date="2026-01-02",
        url="javascript:alert(4)",
    )
    paragraphs, article = article_tables(doc)
    cues = _cue_frame_from_article(doc)
    return doc, paragraphs, article, cues


@pytest.fixture(scope="module")
def seed_page(seed) -> str:  # type: ignore[no-untyped-def]
    paragraphs, article = article_tables(seed)
    cues = _cue_frame_from_article(seed)
    return report_page.report_html(
        paragraphs,
        article,
        cues,
        sources(seed),
        load_baseline(level="article"),
        sentences=sentence_metrics(seed),
        document=analyze(seed),
    )


def test_seed_page_has_header_summary_charts_text_and_sources(seed_page: str) -> None:
    assert "<h1>Could Russia Lose Belarus?</h1>" in seed_page and "Christina Kitova" in seed_page
    assert "Percentile in the baseline" in seed_page
    assert "Guardian news articles as adapted by onestopenglish.com for advanced learners" in seed_page
    assert "CC BY-SA 4.0" in seed_page
    # the baseline is never named bare: every "Guardian" is followed by what was done to the articles
    assert seed_page.count("Guardian news articles") == seed_page.count("Guardian news articles as adapted") > 0
    assert len(re.findall(r'<img src="data:image/png;base64,', seed_page)) == 5
    assert '<mark class="cue hedge quoted"' in seed_page  # the highlighted text
    assert "<td>Alexander Lukashenko</td>" in seed_page  # the sources table
    assert "<td>the Russian Embassy in Moscow</td>" in seed_page  # a reported source too


def test_page_is_self_contained(seed_page: str) -> None:
    assert "<script" not in seed_page.lower()  # the page needs no script at all
    srcs = re.findall(r'src="([^"]*)"', seed_page)
    assert srcs and all(s.startswith("data:image/png;base64,") for s in srcs)
    assert "url(" not in seed_page and "@import" not in seed_page and "<link" not in seed_page
    assert "Content-Security-Policy" in seed_page and "default-src 'none'" in seed_page


def test_untrusted_text_and_metadata_are_escaped(nasty) -> None:  # type: ignore[no-untyped-def]
    doc, paragraphs, article, cues = nasty
    page = report_page.report_html(paragraphs, article, cues, sources(doc), document=doc)
    assert "<script" not in page.lower() and "<img src=x" not in page and "<i>Daily" not in page
    # the reported clause "the plan <script>alert(1)" is marked up, so the escaped tag may be split by a span
    assert "&lt;script&gt;alert(1)" in page and "&lt;/script&gt;" in page
    assert "fail, &amp; " in page and "&quot;critics&quot;" in page
    assert "<h1>Plans &lt;img src=x onerror=alert(3)&gt; &amp; &quot;quotes&quot;</h1>" in page
    assert "A. O&#x27;Writer &amp; co" in page and "javascript:" not in page  # no link for a non-http URL
    assert "No baseline was given" in page


def test_page_from_tables_alone_marks_cues_from_the_cue_table(nasty) -> None:  # type: ignore[no-untyped-def]
    doc, paragraphs, article, cues = nasty
    with_text = paragraphs.assign(text=[p.text for p in doc.paragraphs])
    page = report_page.report_html(with_text, article, cues)
    assert '<mark class="cue hedge author"' in page and "&lt;script&gt;alert(1)" in page
    assert "Who is quoted" not in page  # no sources table given


def test_report_is_deterministic(nasty) -> None:  # type: ignore[no-untyped-def]
    doc, paragraphs, article, cues = nasty
    assert report_page.report_html(paragraphs, article, cues, document=doc) == report_page.report_html(
        paragraphs, article, cues, document=doc
    )


def test_sources_table_escapes_and_labels() -> None:
    html = report_page.sources_html(
        pd.DataFrame(
            [
                {
                    "speaker": "<b>X</b>",
                    "direct": 2,
                    "reported": 1,
                    "words": 30,
                    "hedges": 0,
                    "boosters": 1,
                    "first_paragraph": 3,
                }
            ]
        )
    )
    assert "&lt;b&gt;X&lt;/b&gt;" in html and "<th>Direct quotes</th>" in html and "<th>Reported</th>" in html


def _args(tmp_path: Path, *extra: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    report_command.add_parser(parser.add_subparsers(dest="command"))
    return parser.parse_args(["report", str(Path("seeds/could-russia-lose-belarus.txt").resolve()), *extra])


def test_command_writes_and_never_overwrites_without_force(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "r.html"
    args = _args(tmp_path, "-o", str(out), "--no-baseline")
    assert args.func is report_command.cmd_report
    assert report_command.cmd_report(args) == 0 and "<h1>Could Russia Lose Belarus?</h1>" in out.read_text()
    assert f"wrote {out}" in capsys.readouterr().out
    out.write_text("mine")
    with pytest.raises(InputError, match="already exists"):
        report_command.cmd_report(args)
    assert out.read_text() == "mine"
    assert report_command.cmd_report(_args(tmp_path, "-o", str(out), "--no-baseline", "--force")) == 0
    assert out.read_text() != "mine"


def test_page_in_a_browser(seed_page: str, nasty, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    doc, paragraphs, article, cues = nasty
    seed_file = tmp_path / "seed.html"
    seed_file.write_text(seed_page, encoding="utf-8")
    nasty_file = report_page.write_report(tmp_path / "nasty.html", paragraphs, article, cues, document=doc)
    with browser.page(width=1100, height=1000) as pg:
        pg.goto(seed_file.as_uri())
        assert pg.evaluate("[...document.images].every(i => i.complete && i.naturalWidth > 600)")
        assert "Could Russia Lose Belarus?" in pg.locator("h1").inner_text()
        browser.screenshot(pg, tmp_path, "report-seed.png")
        pg.goto(nasty_file.as_uri())
        assert "<script>alert(1)</script> may fail" in pg.locator(".ma-article").inner_text()
        assert pg.locator("h1").inner_text() == 'Plans <img src=x onerror=alert(3)> & "quotes"'
        browser.screenshot(pg, tmp_path, "report-untrusted.png")
        assert pg.dialogs == [] and pg.errors == [] and pg.outside == []
        assert pg.evaluate("document.querySelectorAll('script, iframe, object').length") == 0
