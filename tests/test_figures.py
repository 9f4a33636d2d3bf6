"""Figures: every plot function returns a Figure; regeneration is byte-identical."""

from __future__ import annotations

import filecmp
from pathlib import Path

import pandas as pd
import pytest
from matplotlib.figure import Figure

from analysis.corpus.bundles import load_tables, seed_store, seed_tables, store_tables
from analysis.report import plots
from analysis.report.compare import percentile_rank, percentile_table
from analysis.report.figures import ArticleTables, build_figures, save_figure


@pytest.fixture(scope="module")
def tables() -> ArticleTables:
    return seed_tables()


def test_seed_figures_are_figures_with_titles_and_labels(tables: ArticleTables) -> None:
    figs = build_figures(tables, None)
    assert {"01_readability_by_paragraph", "02_sentiment_arc", "03_cues_by_paragraph", "04_metric_heatstrip"} <= set(
        figs
    )
    for fig in figs.values():
        assert isinstance(fig, Figure)
        ax = fig.axes[0]
        assert ax.get_title() or fig._suptitle is not None  # noqa: SLF001
        assert ax.get_xlabel()


def test_paragraph_axes_show_body_paragraph_numbers(tables: ArticleTables) -> None:
    fig = plots.readability_by_paragraph(tables.paragraphs, tables.article)
    labels = [t.get_text() for t in fig.axes[0].get_xticklabels()]
    assert labels == [str(i) for i in range(4, 22)]


def test_regenerating_figures_is_byte_identical(tmp_path: Path, tables: ArticleTables) -> None:
    for run in ("a", "b"):
        for name, fig in build_figures(tables, None).items():
            save_figure(fig, tmp_path / run / name)
    names = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert len(names) >= 8 and any(n.endswith(".svg") for n in names)
    match, mismatch, errors = filecmp.cmpfiles(tmp_path / "a", tmp_path / "b", names, shallow=False)
    assert mismatch == [] and errors == [] and len(match) == len(names)
    svg = (tmp_path / "a" / names[-1]).read_text()
    assert "<dc:date>" not in svg


def test_percentile_rank_counts_ties_half_and_ignores_nan() -> None:
    assert percentile_rank([1, 2, 3, 4], 2.5) == 50.0
    assert percentile_rank([1, 2, 2, 3], 2) == 50.0
    assert percentile_rank([1, float("nan"), 3], 0) == 0.0
    assert pd.isna(percentile_rank([], 1.0))


def test_percentile_table_against_a_small_pool(tables: ArticleTables) -> None:
    pool = pd.DataFrame({"flesch_kincaid_grade": [8.0, 9.0, 10.0, 12.0], "hedges_per_100w": [0.5, 1.0, 2.0, 3.0]})
    table = percentile_table(tables.article, pool, ["flesch_kincaid_grade", "hedges_per_100w"])
    assert table.loc["flesch_kincaid_grade", "percentile"] == 75.0  # grade 11.2 beats 8, 9, 10
    assert table.loc["flesch_kincaid_grade", "median"] == 9.5 and table.loc["hedges_per_100w", "n"] == 4


def test_comparable_figures_from_committed_baseline_and_empty_store(tmp_path: Path, tables: ArticleTables) -> None:
    from analysis.report.figures import comparable_tables

    comps = comparable_tables(store_tables(tmp_path / "no-store"))
    assert len(comps.baseline_articles) == 189 and comps.store_articles.empty
    assert any("no English articles in the local store" in n for n in comps.notes)
    figs = build_figures(tables, comps)
    assert {"05_comparable_distributions", "06_readability_vs_hedging", "07_paragraph_profiles"} <= set(figs)
    assert len(figs) >= 7
    profile_titles = [ax.get_title() for ax in figs["07_paragraph_profiles"].axes if ax.get_visible()]
    assert profile_titles[0] == "Could Russia Lose Belarus?" and len(profile_titles) == 11
    assert not any("-" in t and " " not in t for t in profile_titles)  # titles, not slugs like "wnl-men-in-black"


def test_metric_lists_name_data_dictionary_columns_and_compared_metrics_have_labels() -> None:
    """Labels live beside the charts, definitions in DATA_DICTIONARY: the names must agree."""
    from analysis.report.compare import COMPARED_METRICS
    from analysis.report.figures import SUMMARY_ROWS
    from analysis.tables import DATA_DICTIONARY

    for names in (plots.METRIC_LABELS, SUMMARY_ROWS, COMPARED_METRICS):
        assert set(names) <= set(DATA_DICTIONARY)
    assert list(COMPARED_METRICS) == list(plots.METRIC_LABELS)  # every compared metric is labelled, in order


def test_heatstrip_colour_means_harder_in_every_readability_row(tables: ArticleTables) -> None:
    """Grade up = harder, reading ease up = easier: the strip reverses ease so orange is "harder" in both."""
    fig = plots.metric_heatstrip(tables.paragraphs, ["flesch_kincaid_grade", "flesch_reading_ease"])
    z = fig.axes[0].images[0].get_array()
    # the two rows measure the same thing in opposite directions, so their colours now agree
    assert float(pd.Series(z[0]).corr(pd.Series(z[1]))) > 0.8
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert "colours reversed" in labels[1] and "colours reversed" not in labels[0]
    assert "harder to read" in fig.axes[1].get_ylabel()


def test_cue_bars_are_counts_with_rates_and_short_paragraphs_marked(tables: ArticleTables) -> None:
    fig = plots.cues_by_paragraph(tables.paragraphs)
    ax = fig.axes[0]
    body = tables.paragraphs[tables.paragraphs["role"] == "body"]
    heights = sorted({round(p.get_height(), 6) for p in ax.patches})
    assert set(heights) <= {0.0, 1.0, 2.0, 3.0}  # whole counts, not rates
    texts = [t.get_text() for t in ax.texts]
    p6 = body[body["paragraph"] == 6].iloc[0]  # 15 words, one booster: 6.7 per 100, flagged as short
    assert p6["n_words"] < plots.RATE_MIN_WORDS and "(6.7)" in texts
    assert [t.get_text() for t in ax.get_xticklabels()][2] == "6\n15w"


def test_scatter_names_every_article_in_full(tables: ArticleTables) -> None:
    long = "A comparable article whose title runs far past the old cut at twenty-eight characters"
    focus = tables.article.copy()
    focus["title"] = tables.title
    other = tables.article.copy()
    other["article_id"], other["title"], other["outlet"] = "other", long, "BBC News"
    fig = plots.readability_vs_hedging(pd.DataFrame([focus, other]), focus_id=str(tables.article["article_id"]))
    key = " ".join(t.get_text() for ax in fig.axes for t in ax.texts).replace("\n    ", " ")
    assert "1. Could Russia Lose Belarus?" in key and f"2. {long} (BBC News)" in key
    assert {t.get_text() for t in fig.axes[0].texts} == {"1", "2"}


def test_baseline_profiles_are_titled_not_slugged() -> None:
    from analysis.report.figures import baseline_title

    assert baseline_title("facebook-deserted-by-millions-of-users") == "Facebook deserted by millions of users"
    assert baseline_title("wnl-men-in-black") == "WNL men in black"


def test_detector_figure_speaks_plain_language() -> None:
    fig = plots.detector_scores(
        {"precision": 0.5116, "recall": 0.6011, "f1": 0.55, "sentences": 7363, "dataset": "CoNLL-2010"}
    )
    texts = " ".join(t.get_text() for t in fig.axes[0].texts)
    assert "Of 100 sentences it marks as hedged, 51 really are" in texts
    assert "Of 100 really hedged sentences, it finds 60" in texts and "40 missed" in texts


def test_detector_figure_shows_held_out_news_first(monkeypatch: pytest.MonkeyPatch) -> None:
    from analysis.report import figures

    evidence = figures.detector_evidence()
    assert evidence is not None and "campaign news" in str(evidence["dataset"])
    news = figures.benchmark_results("newswire_cues")
    assert news is not None and evidence["precision"] == news["frozen/EA"]["located_cues"]["precision"]  # type: ignore[index]
    caption = plots.detector_scores(evidence).axes[0].get_xlabel()
    assert "held out" in caption and "Encyclopaedia" not in caption
    # without the news figures, the Wikipedia ones, with their caveat
    monkeypatch.setattr(figures, "benchmark_results", lambda name: None)
    evidence = figures.detector_evidence()
    assert evidence is not None and "Encyclopaedia" in plots.detector_scores(evidence).axes[0].get_xlabel()


# --------------------------------------------------------------------------- article text is never mathtext

HOSTILE_TITLES = [
    r"Price rises $\frac{1}{ to $\undefinedcmd$",  # made matplotlib's mathtext parser fail: figures stopped halfway
    "Fares go from $5 to $6",  # drawn as italic math
    r"A \$ sign, and $x$",
]


def _hostile_article(folder: Path, title: str, outlet: str) -> Path:
    from analysis.sources.store import Store

    text = [
        "The council voted on Tuesday to raise bus fares, citing a budget gap of three million pounds.",
        "Critics said the plan could fail. The mayor believes it is clearly the only honest choice.",
    ]
    return Store(folder).add(text, {"title": title, "outlet": outlet, "kind": "news"}).path


def test_article_text_is_drawn_as_written_never_as_mathtext(tmp_path: Path) -> None:
    from matplotlib import cbook
    from matplotlib.text import Text

    from analysis.report.figures import comparable_tables, render_figure

    first, second, third = HOSTILE_TITLES
    focus = load_tables(_hostile_article(tmp_path / "focus", first, second))
    _hostile_article(tmp_path / "store", third, second)
    figs = build_figures(focus, comparable_tables(store_tables(tmp_path / "store")))
    shown: list[str] = []
    for name, fig in figs.items():
        render_figure(fig)  # draws: fails on a parse error
        for text in fig.findobj(Text):
            s = text.get_text()
            assert not (text.get_parse_math() and cbook.is_math_text(s)), (name, s)
            shown.append(text._preprocess_math(s)[0])  # noqa: SLF001 - the string as matplotlib draws it
    assert all(any(title in s for s in shown) for title in (first, third))  # as written, dollar signs and all


def test_figures_with_a_hostile_title_in_the_store_are_all_written(tmp_path: Path) -> None:
    from analysis.report.figures import write_figures

    _hostile_article(tmp_path / "store", HOSTILE_TITLES[0], "Example News")
    written = write_figures(*seed_store(tmp_path / "store"), outdir=tmp_path / "figures")
    assert len(written) == 20 and all(p.stat().st_size > 0 for p in written)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("from $5 to $6", r"from \$5 to \$6"),
        ("no dollar", "no dollar"),
        ({"id$": ["a$", 3]}, {r"id\$": [r"a\$", 3]}),
        ((1.5, None), (1.5, None)),
    ],
)
def test_drawn_as_written_escapes_every_dollar(value: object, expected: object) -> None:
    assert plots.drawn_as_written(value) == expected


def test_drawn_as_written_escapes_frames_and_leaves_the_input_alone() -> None:
    df = pd.DataFrame({"title": ["a $b$", "c"], "n": [1, 2]}, index=["x$", "y"])
    out = plots.drawn_as_written(df)
    assert out["title"].tolist() == [r"a \$b\$", "c"] and out["n"].tolist() == [1, 2]
    assert out.index.tolist() == [r"x\$", "y"] and df["title"].tolist() == ["a $b$", "c"]
    plain = pd.DataFrame({"title": ["a", "c"]})
    assert plots.drawn_as_written(plain) is plain
