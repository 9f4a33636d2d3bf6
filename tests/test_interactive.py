"""The paragraph explorer: tables in, a Jupyter widget or one self-contained HTML file out, escaped."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("altair", reason="altair is not installed")
pytest.importorskip("vl_convert", reason="vl-convert-python is not installed")

from analysis import article_from_text, cue_table  # noqa: E402
from analysis.corpus.bundles import view_tables  # noqa: E402
from analysis.errors import InputError  # noqa: E402
from analysis.report import interactive  # noqa: E402
from tests import browser  # noqa: E402

NASTY = (
    'Officials said the plan <script>alert(1)</script> may fail, & "critics" think it could '
    "be worse than expected for the region and its people."
)


@pytest.fixture(scope="module")
def tables(seed):  # type: ignore[no-untyped-def]
    nasty = article_from_text(
        '# A <b>bold</b> & "quoted" title\n\n' + NASTY + "\n\nA second paragraph with no cue in it at all here.\n",
        article_id="nasty",
        title='A <b>bold</b> & "quoted" title <script>alert(2)</script>',
    )
    return view_tables([seed, nasty])


def test_cue_table_has_offsets_into_article_text(seed) -> None:  # type: ignore[no-untyped-def]
    cues = cue_table(seed)
    assert list(cues.columns)[:11] == [
        "article_id",
        "paragraph",
        "role",
        "sentence",
        "start",
        "end",
        "text",
        "category",
        "subtype",
        "voice",
        "speaker",
    ]
    assert all(seed.text[s:e] == t for s, e, t in zip(cues["start"], cues["end"], cues["text"], strict=True))
    assert (cues["sentence"] >= 0).all() and set(cues["voice"]) <= {"author", "quoted", "reported"}


def test_view_data_one_row_per_body_paragraph_with_text_cues_and_speakers(tables) -> None:  # type: ignore[no-untyped-def]
    data = interactive.view_data(tables.paragraphs, tables.cues, tables.articles)
    seed_rows = data[data["article_id"] == "could-russia-lose-belarus"]
    assert seed_rows["paragraph"].tolist() == list(range(4, 22))
    p10 = seed_rows[seed_rows["paragraph"] == 10].iloc[0]
    assert p10["text"].startswith("\u201cI believe that Belarus")
    assert "hedge \u201cI believe\u201d (quoted: Alexander Lukashenko" in p10["cue_list"]
    assert p10["speakers"] == "Alexander Lukashenko"


def test_text_comes_from_texts_when_the_table_has_no_text_column(tables, seed) -> None:  # type: ignore[no-untyped-def]
    paragraphs = tables.paragraphs.drop(columns="text")
    data = interactive.view_data(paragraphs, tables.cues, texts={"could-russia-lose-belarus": seed})
    assert data.iloc[0]["text"] == seed.paragraphs[4].text


def test_unknown_metric_is_refused(tables) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError, match="unknown metric"):
        interactive.view_chart(tables.paragraphs, tables.cues, metric="nope")


def test_exported_page_is_self_contained_and_escapes_article_text(tables, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = interactive.export_view(tables.paragraphs, tables.cues, tables.articles, path=tmp_path / "v.html")
    page = out.read_text(encoding="utf-8")
    assert "<script>alert" not in page and "<b>bold" not in page
    assert "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e" in page  # in the spec, as JSON escapes
    assert "http://" not in page.split("<script>", 1)[0] and 'src="http' not in page and "cdn.jsdelivr" not in page
    start = page.index("const spec = ") + len("const spec = ")
    spec = json.loads(page[start : page.index(";\nvegaEmbed", start)])
    assert {p["name"] for p in spec["params"]} >= {"article", "metric", "pick", "hover"}
    with pytest.raises(InputError, match="already exists"):
        interactive.export_view(tables.paragraphs, tables.cues, path=out)


def test_export_is_deterministic(tables, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a = interactive.export_view(tables.paragraphs, tables.cues, tables.articles, path=tmp_path / "a.html")
    b = interactive.export_view(tables.paragraphs, tables.cues, tables.articles, path=tmp_path / "b.html")
    assert a.read_bytes() == b.read_bytes()


def test_jupyter_panel_marks_cues_and_escapes(tables) -> None:  # type: ignore[no-untyped-def]
    pid = int(
        tables.paragraphs[(tables.paragraphs["article_id"] == "nasty") & (tables.paragraphs["role"] == "body")][
            "paragraph"
        ].iloc[0]
    )
    panel = interactive.paragraph_detail_html(tables.paragraphs, tables.cues, "nasty", pid)
    assert "<script>alert" not in panel and "&lt;script&gt;alert(1)&lt;/script&gt;" in panel
    assert "&amp; &quot;critics&quot;" in panel and '<mark class="cue hedge author"' in panel


def test_explore_gives_a_widget_whose_panel_follows_the_pick(tables) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("anywidget", reason="anywidget is not installed")
    import altair as alt
    import ipywidgets

    box = interactive.explore(tables.paragraphs, tables.cues, tables.articles, metric="hedges_per_100w")
    assert isinstance(box, ipywidgets.VBox) and isinstance(box.chart, alt.JupyterChart)
    assert box.children.index(box.chart) == 1  # the controls above it
    assert "pick" in box.chart.selections.trait_names()
    box.show_paragraph("could-russia-lose-belarus", 10)
    assert "Alexander Lukashenko" in box.panel.value and '<mark class="cue hedge quoted"' in box.panel.value


def _chart_articles(box) -> set[str]:  # type: ignore[no-untyped-def]
    return {r["article_id"] for r in box.chart.chart.to_dict()["data"]["values"]}


def test_explore_filters_by_group_and_searches_titles(tables) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("anywidget", reason="anywidget is not installed")
    articles = tables.articles.copy()
    articles["outlet"] = ["Herald", "Courier"]
    box = interactive.explore(tables.paragraphs, tables.cues, articles)
    c = box.controls
    assert c["group"].options == ("(all groups)", "Courier", "Herald") and len(c["article"].options) == 2
    assert _chart_articles(box) == {"could-russia-lose-belarus"}  # one article's paragraphs, not all
    c["group"].value = "Courier"
    assert [v for _, v in c["article"].options] == ["nasty"]
    c["group"].value = "(all groups)"
    c["search"].value = "BELARUS"
    assert [v for _, v in c["article"].options] == ["could-russia-lose-belarus"]
    c["search"].value = ""
    c["article"].value = "nasty"
    assert _chart_articles(box) == {"nasty"}
    c["metric"].value = "hedges_per_100w"
    assert "Hedges /100 words by paragraph" in json.dumps(box.chart.chart.to_dict())
    assert "pick" in box.chart.selections.trait_names()


def test_chart_data_reach_it_once(tables) -> None:  # type: ignore[no-untyped-def]
    spec = interactive.view_chart(tables.paragraphs, tables.cues, tables.articles).to_dict()
    body = int((tables.paragraphs["role"] == "body").sum())
    paragraphs = spec["data"]["values"]  # the view's data: every chart but the title list reads it
    assert len(paragraphs) == body  # one record per paragraph, every metric in it
    assert all("hedges_per_100w" in r and "flesch_kincaid_grade" in r for r in paragraphs)
    assert [len(v["data"]["values"]) for v in spec["vconcat"] if "data" in v] == [2]  # the title list
    text = json.dumps(spec)
    assert text.count("I believe that Belarus will remain") == 1


def test_hover_shows_the_paragraph_tooltip_in_a_browser(tables, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = interactive.export_view(tables.paragraphs, tables.cues, tables.articles, path=tmp_path / "v.html")
    with browser.page() as pg:
        pg.goto(out.as_uri())
        pg.wait_for_selector("g.mark-rect path", timeout=30_000)
        bars = pg.locator("g.mark-rect path")
        assert bars.count() == 18  # the seed's body paragraphs
        bars.nth(6).hover()  # paragraph 10
        tip = pg.locator("#vg-tooltip-element")
        tip.wait_for(state="visible", timeout=5_000)
        assert "I believe that Belarus will remain" in tip.inner_text()
        assert "Alexander Lukashenko" in tip.inner_text()
        bars.nth(6).click()
        pg.wait_for_function("document.body.innerText.includes('Paragraph 10 \u00b7 36 words')", timeout=5_000)
        browser.screenshot(pg, tmp_path, "explorer-seed.png")
        heights = pg.evaluate("[...document.querySelectorAll('g.mark-rect path')].map(p => p.getBBox().height)")
        pg.select_option("select >> nth=1", "hedges_per_100w")  # the metric drop-down (after the group's)
        pg.wait_for_function("document.body.innerText.includes('Hedges /100 words by paragraph')", timeout=5_000)
        assert pg.evaluate("[...document.querySelectorAll('g.mark-rect path')].map(p => p.getBBox().height)") != heights
        # the untrusted article: found with the title search, chosen by a click; its text shows as text, no script
        listed = "[...document.querySelectorAll('g.mark-text text')].filter(t => t.textContent.includes(' \u2014 '))"
        assert pg.evaluate(f"{listed}.length") == 2  # both titles listed
        pg.fill("input[type=search]", "BOLD")
        pg.wait_for_function(f"{listed}.length == 1", timeout=5_000)
        pg.locator("g.mark-text text", has_text="bold").first.click()
        pg.wait_for_function("document.querySelectorAll('g.mark-rect path').length == 2", timeout=5_000)
        pg.locator("g.mark-rect path").nth(0).hover()
        tip.wait_for(state="visible", timeout=5_000)
        assert '<script>alert(1)</script> may fail, & "critics"' in tip.inner_text()
        pg.locator("g.mark-rect path").nth(0).click()
        pg.wait_for_timeout(300)
        browser.screenshot(pg, tmp_path, "explorer-untrusted.png")
        assert pg.dialogs == [] and pg.errors == [] and pg.outside == []
        assert pg.evaluate("document.querySelectorAll('script').length") == 2  # the bundle and the spec only
        assert pg.evaluate("document.querySelectorAll('b').length") == 0
