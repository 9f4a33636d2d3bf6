"""Charts of group comparisons: measures by group, distinctive cues and sources, measures over time.

Each function takes the tables of :mod:`analysis.compare` and returns a
:class:`matplotlib.figure.Figure` (no pyplot state), in the conventions of
:mod:`analysis.report.plots`: one colour per group (:func:`~analysis.report.plots.group_colors`,
groups in sorted order, so a group has the same colour in every chart), units on the
axes, article text escaped for matplotlib (:func:`~analysis.report.plots.escape_mathtext`).
All three keep their size whatever the number of articles: articles are points or
summarised, never labelled one by one.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from analysis.compare.groups import MEASURES, GroupComparison
from analysis.report.plots import escape_mathtext, group_colors, new_figure, styled

#: Articles drawn as points per group at most (a seeded sample beyond; summaries use every article).
MAX_POINTS = 400


def _label(measure: str) -> str:
    from analysis.report.plots import METRIC_LABELS

    return MEASURES.get(measure) or METRIC_LABELS.get(measure, measure)


def _p_text(p: float) -> str:
    if not math.isfinite(p):
        return "no test"
    return "p < 0.001" if p < 0.001 else f"p = {p:.3f}"


@styled
def group_comparison(
    comparison: GroupComparison,
    articles: pd.DataFrame | None = None,
    measures: Sequence[str] | None = None,
    title: str = "",
    seed: int = 0,
) -> Figure:
    """One panel per measure: each group's articles as points, its median, and its mean with the 95% interval.

    Args:
        comparison: :func:`analysis.compare.compare_groups` of ``articles``.
        articles: the article table compared (for the points); ``None`` draws summaries only.
        measures: the panels, default every measure of ``comparison``.
        title: the figure title (default: what is compared, by what, how many articles).
        seed: seed of the vertical jitter of the points (and of the sample beyond :data:`MAX_POINTS`).

    Returns:
        Groups on the vertical axis, in the same order and colours in every panel; each
        panel title has the Kruskal-Wallis p-value across groups.
    """
    from analysis.compare.groups import add_rates, group_column

    summary = comparison.summary
    measures = list(measures or dict.fromkeys(summary["measure"]))
    names = list(dict.fromkeys(summary["group"]))
    colors = group_colors(names)
    tests = comparison.tests.set_index("measure")
    ncols = min(3, len(measures)) or 1
    nrows = math.ceil(len(measures) / ncols) or 1
    height_per = 0.42 * len(names) + 1.3
    fig = new_figure(4.1 * ncols + 1.4, height_per * nrows + 0.9)
    axes = fig.subplots(nrows, ncols, squeeze=False).ravel()
    if articles is not None and "author_hedges_per_100w" in measures and "author_hedges_per_100w" not in articles:
        articles = add_rates(articles)
    keys = group_column(articles, comparison.by) if articles is not None else None
    rng = np.random.default_rng(seed)
    y = {g: len(names) - 1 - i for i, g in enumerate(names)}
    for index, (ax, measure) in enumerate(zip(axes, measures, strict=False)):
        rows = summary[summary["measure"] == measure].set_index("group")
        for g in names:
            if articles is not None and keys is not None:
                values = pd.to_numeric(articles.loc[keys == g, measure], errors="coerce").dropna().to_numpy(float)
                if len(values) > MAX_POINTS:
                    values = rng.choice(values, MAX_POINTS, replace=False)
                jitter = rng.uniform(-0.22, 0.22, len(values))
                few = len(values) <= 30  # a handful of articles: each one visible
                ax.scatter(
                    values,
                    y[g] + jitter,
                    s=16 if few else 7,
                    color=colors[g],
                    alpha=0.7 if few else 0.28,
                    linewidths=0,
                    zorder=2,
                )
            r = rows.loc[g]
            if r["n"]:
                ax.plot([r["q1"], r["q3"]], [y[g] - 0.33] * 2, color="#333333", linewidth=1.0, zorder=3)
                ax.plot([r["median"]], [y[g] - 0.33], marker="|", markersize=9, color="#333333", zorder=3)
                if math.isfinite(r["mean_low"]):
                    ax.plot(
                        [r["mean_low"], r["mean_high"]],
                        [y[g]] * 2,
                        color=colors[g],
                        linewidth=3.2,
                        solid_capstyle="butt",
                        zorder=4,
                    )
                ax.plot(
                    [r["mean"]],
                    [y[g]],
                    marker="o",
                    markersize=6.5,
                    color=colors[g],
                    markeredgecolor="white",
                    markeredgewidth=0.9,
                    zorder=5,
                )
        p = float(tests.loc[measure, "p"]) if measure in tests.index else float("nan")
        ax.set_title(f"{_label(measure)}\nKruskal-Wallis {_p_text(p)}", fontsize=10)
        ax.set_yticks([y[g] for g in names])
        if index % ncols == 0:  # group names (and n) on the first panel of each row
            ax.set_yticklabels([escape_mathtext(f"{g} ({int(rows.loc[g, 'n'])})") for g in names])
            for tick, g in zip(ax.get_yticklabels(), names, strict=True):
                tick.set_color(colors[g])
        else:
            ax.set_yticklabels([])
        ax.set_ylim(-0.7, len(names) - 0.4)
        ax.grid(axis="x", color="#eeeeee", zorder=0)
    for ax in axes[len(measures) :]:
        ax.set_visible(False)
    n = int(summary.groupby("group")["n"].max().sum()) if len(summary) else 0
    fig.suptitle(
        escape_mathtext(title)
        if title
        else f"Measures by {comparison.by} ({n} articles): dot and bar = mean and its 95% bootstrap interval; "
        "black tick and line = median and quartiles; faint dots = articles",
        fontsize=10.5,
    )
    return fig


@styled
def distinctive_terms(
    table: pd.DataFrame,
    top: int = 8,
    title: str = "",
    category: str | None = None,
    ncols: int = 4,
) -> Figure:
    """Per group, its most over-represented terms as bars of z (log-odds with an informative prior).

    Args:
        table: :func:`analysis.compare.distinctive_cues` or :func:`~analysis.compare.distinctive_sources`.
        top: terms per group (highest z; only z > 0, over-represented, are drawn).
        title: the figure title.
        category: with a cue table, only this category (``hedge``, ``booster``...).
        ncols: panels per row.

    Returns:
        One panel per group (every group of ``table``, so colours match the other group charts)
        in its colour; each bar is labelled with the term's count in the group and in the others.
        A group with no over-represented term says so, and so does a group that is alone in using
        the category (no other group to compare it with: z is undefined).
    """
    names = sorted(set(table["group"]))
    colors = group_colors(names)
    if category is not None and "category" in table:
        table = table[table["category"] == category]
    ncols = max(1, min(ncols, len(names)))
    nrows = max(1, math.ceil(len(names) / ncols))
    fig = new_figure(3.6 * ncols + 0.6, (0.3 * top + 1.1) * nrows + 0.9)
    axes = fig.subplots(nrows, ncols, squeeze=False).ravel()
    zmax = float(table["z"].max()) if len(table) and np.isfinite(table["z"].max()) else 2.0
    for ax, g in zip(axes, names, strict=False):
        mine = table[(table["group"] == g) & (table["z"] > 0)].sort_values("z", ascending=False).head(top)
        yy = np.arange(len(mine))[::-1]
        ax.barh(yy, mine["z"], color=colors[g], height=0.7)
        for yi, (_, r) in zip(yy, mine.iterrows(), strict=True):
            ax.text(
                float(r["z"]) + zmax * 0.02,
                yi,
                f"{int(r['count'])} vs {int(r['count_rest'])}",
                va="center",
                fontsize=7,
                color="#555555",
            )
        ax.set_yticks(yy)
        ax.set_yticklabels([escape_mathtext(_clip(t)) for t in mine["term"]], fontsize=8.5)
        ax.axvline(1.96, color="#999999", linestyle=":", linewidth=1)
        ax.set_xlim(0, max(zmax, 2.2) * 1.35)
        ax.set_ylim(-0.6, max(top, 1) - 0.4)
        ax.set_title(escape_mathtext(g), color=colors[g], fontsize=10, fontweight="bold")
        ax.set_xlabel("z (log-odds / s.e.)", fontsize=8)
        if mine.empty:
            own = table[table["group"] == g]
            alone = len(own) > 0 and own["z"].isna().all() and float(own["count"].sum()) > 0
            note = (
                f"only {_clip(str(g), 24)} has any:\nno other group to compare" if alone else "nothing over-represented"
            )
            ax.text(0.5, 0.5, escape_mathtext(note), transform=ax.transAxes, ha="center", color="#777777")
    for ax in axes[len(names) :]:
        ax.set_visible(False)
    what = f"{category}s" if category else "terms"
    fig.suptitle(
        escape_mathtext(title)
        if title
        else f"Distinctive {what} of each group (log-odds against the other groups, informative Dirichlet prior); "
        "dotted line z = 1.96; numbers: uses in the group vs in the others",
        fontsize=10,
    )
    return fig


def _clip(text: object, n: int = 32) -> str:
    s = str(text)
    return s if len(s) <= n else s[: n - 1] + "…"


@styled
def measure_over_time(
    timeline: pd.DataFrame,
    measure: str | None = None,
    title: str = "",
    groups: Sequence[str] | None = None,
    ncols: int = 4,
) -> Figure:
    """Each group's mean per period, with its 95% interval as a band: one panel per group (small multiples).

    Args:
        timeline: :func:`analysis.compare.over_time`.
        measure: the measure drawn (default the table's first).
        title: the figure title.
        groups: only these groups (default all, one colour each).
        ncols: panels per row.

    Returns:
        Panels on shared axes; in each, the group in its colour and the other groups' means as
        thin grey lines for reference. Dot size grows with the period's number of articles (a
        mean of two is told from one of forty); a period without articles is a gap in the line.
    """
    measure = measure or str(timeline["measure"].iloc[0])
    data = timeline[timeline["measure"] == measure]
    names = sorted(set(data["group"])) if groups is None else [str(g) for g in groups]
    colors = group_colors(sorted(set(data["group"])))
    ncols = max(1, min(ncols, len(names)))
    nrows = max(1, math.ceil(len(names) / ncols))
    fig = new_figure(3.7 * ncols + 0.6, 2.6 * nrows + 1.0)
    axes = fig.subplots(nrows, ncols, squeeze=False, sharex=True, sharey=True).ravel()
    nmax = max(int(data["n"].max()), 1) if len(data) else 1
    series = {g: data[data["group"] == g].sort_values("period_start") for g in names}
    for ax, g in zip(axes, names, strict=False):
        for other in names:
            if other != g:
                o = series[other]
                ax.plot(
                    pd.to_datetime(o["period_start"]).to_numpy(),
                    o["mean"].to_numpy(float),
                    color="#cccccc",
                    linewidth=0.8,
                    zorder=1,
                )
        mine = series[g]
        x = pd.to_datetime(mine["period_start"]).to_numpy()
        ax.fill_between(
            x,
            mine["mean_low"].to_numpy(float),
            mine["mean_high"].to_numpy(float),
            color=colors[g],
            alpha=0.2,
            linewidth=0,
            zorder=2,
        )
        ax.plot(x, mine["mean"].to_numpy(float), color=colors[g], linewidth=1.8, zorder=3)
        ax.scatter(
            x,
            mine["mean"].to_numpy(float),
            s=8 + 50 * (mine["n"].to_numpy(float) / nmax),
            color=colors[g],
            zorder=4,
            linewidths=0,
        )
        ax.set_title(
            escape_mathtext(f"{g} ({int(mine['n'].sum())} articles)"), color=colors[g], fontsize=10, fontweight="bold"
        )
        ax.grid(axis="y", color="#eeeeee")
        ax.tick_params(axis="x", labelrotation=45, labelsize=8)
    for ax in axes[len(names) :]:
        ax.set_visible(False)
    for i, ax in enumerate(axes[: len(names)]):
        if i % ncols == 0:
            ax.set_ylabel(_label(measure), fontsize=9)
        if i + ncols >= len(names):  # no panel under it: its dates are shown
            ax.xaxis.set_tick_params(labelbottom=True)
    period = "week" if len(data) and "-W" in str(data["period"].iloc[0]) else "month"
    fig.suptitle(
        escape_mathtext(title)
        if title
        else f"{_label(measure)} by {period}: each group's mean (line) and 95% bootstrap interval (band); "
        "larger dots = more articles; grey: the other groups",
        fontsize=10.5,
    )
    return fig


__all__ = ["MAX_POINTS", "distinctive_terms", "group_comparison", "measure_over_time"]
