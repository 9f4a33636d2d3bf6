"""Charts of group comparisons and the scatter at corpus size: readable at 10 and 1,000 articles, deterministic."""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
import pytest
from matplotlib.figure import Figure

from analysis.compare import compare_groups, distinctive_cues, over_time
from analysis.report import groups as G
from analysis.report import plots

OUTLETS = ["Herald", "Courier", "$5 Daily", "Post", "Times", "Ledger", "Gazette"]


def corpus(n: int, seed: int = 1) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    outlet = [OUTLETS[i % len(OUTLETS)] for i in range(n)]
    shift = np.array([OUTLETS.index(o) for o in outlet]) * 0.1
    days = rng.integers(0, 200, n)
    return pd.DataFrame(
        {
            "article_id": [f"a{i}" for i in range(n)],
            "title": [f"Story {i} costs ${i} million" for i in range(n)],
            "outlet": outlet,
            "date": [str((pd.Timestamp("2016-01-01") + pd.Timedelta(days=int(d))).date()) for d in days],
            "hedges_per_100w": rng.gamma(2.0, 0.5, n) + shift,
            "boosters_per_100w": rng.gamma(1.0, 0.2, n),
            "attributions_per_100w": rng.gamma(3.0, 0.5, n),
            "author_hedges": rng.integers(0, 6, n),
            "author_words": rng.integers(0, 900, n),
            "flesch_kincaid_grade": rng.normal(11, 2, n),
            "sentiment_compound": rng.uniform(-0.5, 0.5, n),
        }
    )


def png(fig: Figure) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=60, metadata={"Software": None})
    return buf.getvalue()


def inches(fig: Figure) -> tuple[float, float]:
    return tuple(float(v) for v in fig.get_size_inches())  # type: ignore[return-value]


@pytest.mark.parametrize("n", [10, 1000])
def test_scatter_keeps_its_size_and_names_only_what_fits(n: int) -> None:
    df = corpus(n)
    fig = plots.readability_vs_hedging(df, focus_id="a0", label_ids=["a5"])
    ax = fig.axes[0]
    names = [t.get_text() for t in ax.texts]
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    groups = [entry for entry in legend if "(" in entry]
    assert len(groups) == min(n - 1, len(OUTLETS))  # one colour (and legend entry) per outlet
    assert all((c.get_facecolor()[0] == c.get_facecolor()[-1]).all() for c in ax.collections[:-1])  # one colour each
    if n <= plots.MAX_KEYED:
        assert len(names) == n and inches(fig)[1] > 6.4  # every point numbered, named in the key below
    else:
        assert inches(fig) == (8.5, 6.4)  # the figure does not grow with the corpus
        assert len(names) == 3  # the focus, the chosen article, the note under the chart
        assert any(r"\$" in t for t in names)  # titles escaped for mathtext
    png(fig)  # draws without a mathtext error ("$5 Daily", "$0 million")


@pytest.mark.parametrize("n", [10, 1000])
def test_group_comparison_figure_has_a_panel_per_measure_and_a_colour_per_group(n: int) -> None:
    df = corpus(n)
    result = compare_groups(df, "outlet", n_boot=200)
    fig = G.group_comparison(result, df)
    panels = [ax for ax in fig.axes if ax.get_visible()]
    assert len(panels) == result.tests.shape[0] == 6
    labels = [t.get_text() for t in panels[0].get_yticklabels()]
    assert len(labels) == df["outlet"].nunique() and all("(" in lab for lab in labels)
    colors = {t.get_text().split(" (")[0]: t.get_color() for t in panels[0].get_yticklabels()}
    assert colors == {k.replace("$", r"\$"): v for k, v in plots.group_colors(sorted(set(df["outlet"]))).items()}
    assert "Kruskal-Wallis" in panels[0].get_title()
    assert inches(fig)[1] < 12


def test_distinctive_and_time_charts() -> None:
    cues = pd.DataFrame(
        {
            "article_id": ["a"] * 6 + ["b"] * 6,
            "role": "body",
            "category": "hedge",
            "voice": "author",
            "text": ["may"] * 5 + ["could"] + ["could"] * 5 + ["may"],
            "outlet": ["Herald"] * 6 + ["$5 Daily"] * 6,
        }
    )
    fig = G.distinctive_terms(distinctive_cues(cues, "outlet", min_count=1), category="hedge")
    panels = [ax for ax in fig.axes if ax.get_visible()]
    titles = [ax.get_title() for ax in panels]  # a "$" escaped once: drawn as a dollar, not read as maths
    assert sorted(titles) == sorted([r"\$5 Daily", "Herald"])
    assert [t.get_text() for t in panels[titles.index("Herald")].get_yticklabels()][0] == "may"
    timeline = over_time(corpus(200), "outlet", "month", n_boot=100)
    fig = G.measure_over_time(timeline)
    assert len([ax for ax in fig.axes if ax.get_visible()]) == len(OUTLETS)
    png(fig)


def test_group_figures_are_byte_identical_when_drawn_twice() -> None:
    df = corpus(300)
    result = compare_groups(df, "outlet", n_boot=200)
    assert png(G.group_comparison(result, df)) == png(G.group_comparison(result, df))
    assert png(plots.readability_vs_hedging(df, "a0")) == png(plots.readability_vs_hedging(df, "a0"))


def test_distinctive_category_chart_keeps_every_groups_colour_and_names_a_lone_user() -> None:
    """Filtered to one category, each group keeps the colour it has in every group chart; a group
    that alone uses the category is said to be alone (z undefined), not 'nothing over-represented'."""
    rows = [("A", "hedge", "may"), ("B", "hedge", "might"), ("B", "booster", "clearly"), ("C", "hedge", "could")]
    cues = pd.DataFrame(
        [{"outlet": g, "category": c, "text": t, "article_id": f"{g}{k}"} for g, c, t in rows for k in range(5)]
    )
    fig = G.distinctive_terms(distinctive_cues(cues, "outlet"), category="booster")
    colors = plots.group_colors(["A", "B", "C"])
    axes = [ax for ax in fig.axes if ax.get_visible()]
    assert [(ax.get_title(), ax.title.get_color()) for ax in axes] == [(g, colors[g]) for g in "ABC"]
    notes = ["".join(t.get_text() for t in ax.texts) for ax in axes]
    assert "only B has any" in notes[1] and notes[0] == notes[2] == "nothing over-represented"
