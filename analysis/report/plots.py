"""Charts of the metric tables. Every function takes DataFrames and returns a Figure.

Figures are built with :class:`matplotlib.figure.Figure` directly (no pyplot
state), so they are safe in scripts, tests and notebooks alike; Jupyter displays a
returned Figure. Conventions shared by all charts:

* the seed (or the article in focus) is drawn in :data:`SEED_COLOR` (vermillion),
  comparables in :data:`COMPARABLE_COLOR` (blue) or grey;
* colours are the Okabe-Ito colour-blind-safe palette;
* x axes that run over paragraphs show paragraph numbers as in the tables;
* titles say what is shown, axis labels carry units;
* groups (outlets, kinds, months) each get one colour (:func:`group_colors`), the same in every chart;
* text from articles (titles, cues, names) goes through :func:`escape_mathtext`, so a ``$`` is a dollar.
"""

from __future__ import annotations

import math
import re
import textwrap
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from analysis.report.compare import percentile_rank

if TYPE_CHECKING:
    from matplotlib.typing import RcKeyType

# Okabe & Ito (2008) colour-blind-safe palette.
OKABE_ITO = {
    "orange": "#E69F00",
    "sky": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
    "black": "#000000",
}
SEED_COLOR = OKABE_ITO["vermillion"]
COMPARABLE_COLOR = OKABE_ITO["blue"]
CATEGORY_COLORS = {"hedge": OKABE_ITO["sky"], "booster": OKABE_ITO["orange"], "attribution": OKABE_ITO["green"]}
#: rcParams of every figure (keys checked against matplotlib's by the type checker).
STYLE: dict[RcKeyType, Any] = {
    "font.size": 10,
    "axes.titlesize": 12,
    "axes.labelsize": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "figure.dpi": 100,
    "svg.hashsalt": "media-analysis",
}

#: Metrics shown in heat-strips and comparisons: column -> short label with unit.
METRIC_LABELS: dict[str, str] = {
    "flesch_kincaid_grade": "Flesch-Kincaid (grade)",
    "flesch_reading_ease": "Reading ease (0-100)",
    "gunning_fog": "Gunning Fog (grade)",
    "words_per_sentence": "Words per sentence",
    "sentiment_compound": "Sentiment (compound)",
    "sentiment_neg": "Negative share",
    "hedges_per_100w": "Hedges /100 words",
    "boosters_per_100w": "Boosters /100 words",
    "attributions_per_100w": "Attributions /100 words",
}


#: Colours of groups, in order: Okabe-Ito without yellow (too pale on white), black (kept for text) and vermillion
#: (the focus article's), then further hues; beyond these a group's colour repeats (its label still tells it).
GROUP_PALETTE: tuple[str, ...] = (
    OKABE_ITO["blue"],
    OKABE_ITO["orange"],
    OKABE_ITO["green"],
    OKABE_ITO["purple"],
    OKABE_ITO["sky"],
    "#7F7F7F",
    "#8C564B",
    "#17BECF",
    "#BCBD22",
    "#1B3A6B",
)


_UNESCAPED_DOLLAR = re.compile(r"(?<!\\)\$")


def group_colors(groups: Sequence[object]) -> dict[str, str]:
    """One colour per group, in the order given (sorted names give every chart the same colours)."""
    names = list(dict.fromkeys(str(g) for g in groups))
    return {g: GROUP_PALETTE[i % len(GROUP_PALETTE)] for i, g in enumerate(names)}


def escape_mathtext(text: object) -> str:
    """``text`` as matplotlib draws it literally: ``$`` escaped, so "$5 million ... $10" is not maths.

    Idempotent: a ``$`` already escaped (by :func:`drawn_as_written`, which every :func:`styled`
    plot function applies to its arguments) is left as it is.
    """
    return _UNESCAPED_DOLLAR.sub(r"\\$", str(text))


def new_figure(width: float, height: float) -> Figure:
    return Figure(figsize=(width, height), layout="constrained")


def styled(func):  # type: ignore[no-untyped-def]
    """Run a plotting function under :data:`STYLE` without touching global rcParams.

    Its arguments are passed through :func:`drawn_as_written` first: every text a
    chart shows comes from them (titles, article ids, outlets, speakers) or from this
    module's own labels, so article text is never read as mathtext.
    """
    import functools

    @functools.wraps(func)
    def wrapper(*args, **kwargs):  # type: ignore[no-untyped-def]
        import matplotlib as mpl

        args = tuple(drawn_as_written(a) for a in args)
        kwargs = {k: drawn_as_written(v) for k, v in kwargs.items()}
        with mpl.rc_context(STYLE):
            return func(*args, **kwargs)

    return wrapper


def drawn_as_written(value: object) -> object:
    """``value`` with every ``$`` of its text escaped (``\\$``), so that matplotlib draws it as written.

    matplotlib reads a text holding two unescaped dollar signs as mathtext: "from $5
    to $6" came out in italics, and a title such as "Price rises $\\frac{1}{ to
    $\\undefinedcmd$" made drawing fail (``figures`` stopped halfway). An escaped
    ``\\$`` is drawn as ``$`` (and ``\\`` before ``$`` stays a backslash), wherever and
    whenever the text object is made, tick labels included. Strings; the string cells,
    index and column labels of DataFrames and Series; keys and values of mappings;
    items of lists and tuples are escaped (copies, only where a ``$`` occurs); anything
    else is returned as it is.
    """
    if isinstance(value, str):
        return value.replace("$", "\\$") if "$" in value else value
    if isinstance(value, (pd.DataFrame, pd.Series)):
        return _frame_as_written(value)
    if isinstance(value, dict):
        return {drawn_as_written(k): drawn_as_written(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(drawn_as_written(v) for v in value)
    return value


def _frame_as_written(frame: pd.DataFrame | pd.Series) -> pd.DataFrame | pd.Series:
    """:func:`drawn_as_written` of a DataFrame or Series: a copy when some label or text cell holds a ``$``."""

    def has_dollar(values: object) -> bool:
        return any(isinstance(v, str) and "$" in v for v in values)  # type: ignore[attr-defined]

    def texts(values: pd.Series | pd.Index) -> bool:  # numbers and booleans are drawn as numbers
        return not (pd.api.types.is_numeric_dtype(values) or pd.api.types.is_bool_dtype(values))

    out = frame.copy()
    changed = False
    if has_dollar(frame.index):
        out.index, changed = frame.index.map(drawn_as_written), True
    if isinstance(frame, pd.Series):
        if texts(frame) and has_dollar(frame):
            out = pd.Series([drawn_as_written(v) for v in frame], index=out.index, name=frame.name, dtype=object)
            changed = True
    else:
        if has_dollar(frame.columns):
            out.columns, changed = frame.columns.map(drawn_as_written), True
        for i in range(frame.shape[1]):
            values = frame.iloc[:, i]
            if texts(values) and has_dollar(values):
                out.isetitem(i, [drawn_as_written(v) for v in values])  # by position: the index may be escaped
                changed = True
    return out if changed else frame


def _body(paragraphs: pd.DataFrame) -> pd.DataFrame:
    return paragraphs[paragraphs["role"] == "body"]


def _paragraph_axis(ax, paragraph_numbers: Sequence[int]) -> None:  # type: ignore[no-untyped-def]
    ax.set_xticks(list(paragraph_numbers))
    ax.set_xticklabels([str(n) for n in paragraph_numbers])
    ax.set_xlabel("Paragraph number (body paragraphs; numbering counts every paragraph)")


@styled
def readability_by_paragraph(paragraphs: pd.DataFrame, article: pd.Series, title: str = "") -> Figure:
    """Flesch-Kincaid grade per body paragraph, article-level value as a reference line.

    Paragraphs under 100 words (``readability_reliable`` False) are drawn hatched and
    light: their grade is indicative only.
    """
    body = _body(paragraphs)
    fig = new_figure(9, 4.2)
    ax = fig.add_subplot()
    reliable = body["readability_reliable"].astype(bool)
    x = body["paragraph"].to_numpy()
    y = body["flesch_kincaid_grade"].to_numpy(dtype=float)
    ax.bar(x[reliable.to_numpy()], y[reliable.to_numpy()], color=SEED_COLOR, width=0.75)
    ax.bar(
        x[~reliable.to_numpy()],
        y[~reliable.to_numpy()],
        color=SEED_COLOR,
        alpha=0.45,
        hatch="///",
        edgecolor="white",
        width=0.75,
    )
    level = float(article["flesch_kincaid_grade"])
    ax.axhline(level, color=OKABE_ITO["black"], linestyle="--", linewidth=1.2)
    ax.annotate(
        f"whole body text: grade {level:.1f}",
        xy=(1.0, level),
        xycoords=("axes fraction", "data"),
        xytext=(-4, 4),
        textcoords="offset points",
        ha="right",
        va="bottom",
        fontsize=9,
    )
    _paragraph_axis(ax, x)
    ax.set_ylabel("Flesch-Kincaid grade (US school years)")
    ax.set_title(title or "Readability by paragraph")
    ax.legend(
        handles=[
            Patch(facecolor=SEED_COLOR, label=">= 100 words"),
            Patch(
                facecolor=SEED_COLOR, alpha=0.45, hatch="///", edgecolor="white", label="< 100 words (indicative only)"
            ),
        ],
        loc="upper left",
        frameon=False,
        fontsize=9,
    )
    ax.set_ylim(0, max(np.nanmax(y) if len(y) else 0, level) * 1.2 + 1)
    return fig


@styled
def sentiment_arc(paragraphs: pd.DataFrame, sentences: pd.DataFrame, title: str = "") -> Figure:
    """Mean VADER compound per body paragraph (line) with each sentence's score (dots).

    ``sentences`` has columns ``paragraph`` and ``compound`` (one row per sentence).
    """
    body = _body(paragraphs)
    fig = new_figure(9, 4.2)
    ax = fig.add_subplot()
    ax.axhline(0, color="#999999", linewidth=0.8)
    ax.axhspan(-0.05, 0.05, color="#eeeeee", zorder=0)
    sent = sentences[sentences["paragraph"].isin(body["paragraph"])]
    # Spread sentences of one paragraph a little so they do not sit on top of each other.
    offsets = sent.groupby("paragraph").cumcount()
    counts = sent.groupby("paragraph")["paragraph"].transform("size")
    jitter = (offsets - (counts - 1) / 2) * 0.12
    ax.scatter(
        sent["paragraph"] + jitter,
        sent["compound"],
        s=22,
        color=COMPARABLE_COLOR,
        alpha=0.7,
        label="one sentence",
        zorder=3,
    )
    ax.plot(
        body["paragraph"],
        body["sentiment_compound"],
        color=SEED_COLOR,
        marker="o",
        linewidth=2,
        label="paragraph mean",
        zorder=4,
    )
    _paragraph_axis(ax, body["paragraph"].tolist())
    ax.set_ylim(-1.05, 1.05)
    ax.set_ylabel("VADER compound score (-1 negative .. +1 positive)")
    ax.set_title(title or "Sentiment arc: paragraph means and sentence scores")
    ax.legend(loc="lower left", frameon=False, fontsize=9, ncols=2)
    return fig


#: Below this many words a paragraph's rate per 100 words rests on too few words: one cue in
#: 15 words reads as 6.7 per 100. :func:`cues_by_paragraph` draws such rates grey and in brackets.
RATE_MIN_WORDS = 30


@styled
def cues_by_paragraph(paragraphs: pd.DataFrame, title: str = "", min_words: int = RATE_MIN_WORDS) -> Figure:
    """Hedges, boosters and attributions per body paragraph: bar height is the count, label the rate.

    Bars count cues (solid: the author's own voice; hatched: inside quotations, from the
    ``author_hedges``/``author_boosters`` columns; attributions are not split). Above each
    bar its rate per 100 words; under each paragraph number its word count. Paragraphs
    under ``min_words`` words have their rate grey and in brackets: there one cue makes a
    large rate.
    """
    body = _body(paragraphs)
    fig = new_figure(9.5, 5.0)
    ax = fig.add_subplot()
    x = body["paragraph"].to_numpy(dtype=float)
    n_words = body["n_words"].to_numpy(dtype=float)
    words = np.where(n_words > 0, n_words, np.nan)
    short = n_words < min_words
    width = 0.27
    series = [
        ("hedge", "hedges", "author_hedges", -width),
        ("booster", "boosters", "author_boosters", 0.0),
        ("attribution", "attributions", None, width),
    ]
    ymax = 1.0
    for cat, total_col, author_col, dx in series:
        total = body[total_col].to_numpy(dtype=float)
        author = body[author_col].to_numpy(dtype=float) if author_col and author_col in body else total
        quoted = total - author
        ax.bar(x + dx, author, width=width, color=CATEGORY_COLORS[cat])
        ax.bar(
            x + dx,
            quoted,
            bottom=author,
            width=width,
            color=CATEGORY_COLORS[cat],
            alpha=0.5,
            hatch="xx",
            edgecolor="white",
        )
        rate = 100 * total / words
        for xi, n, r, is_short in zip(x + dx, total, rate, short, strict=True):
            if n > 0 and math.isfinite(r):
                label = f"({r:.1f})" if is_short else f"{r:.1f}"
                ax.text(
                    xi,
                    n + 0.05,
                    label,
                    rotation=90,
                    ha="center",
                    va="bottom",
                    fontsize=7,
                    color="#999999" if is_short else "#333333",
                )
        ymax = max(ymax, float(np.nanmax(total)) if len(total) else 0.0)
    ax.set_xticks(list(x))
    ax.set_xticklabels([f"{int(p)}\n{int(w)}w" for p, w in zip(x, n_words, strict=True)], fontsize=8)
    for tick, is_short in zip(ax.get_xticklabels(), short, strict=True):
        if is_short:
            tick.set_color("#999999")
    ax.set_xlabel("Paragraph number and its word count (body paragraphs; numbering counts every paragraph)")
    ax.set_ylabel("Cues in the paragraph (count)")
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_title(title or "Hedges, boosters and attributions by paragraph")
    handles = [Patch(facecolor=CATEGORY_COLORS[c], label=f"{c}s") for c in CATEGORY_COLORS]
    handles.append(
        Patch(facecolor="#999999", hatch="xx", edgecolor="white", label="in a source's words (quoted or reported)")
    )
    ax.legend(handles=handles, loc="upper left", frameon=False, fontsize=9, ncols=4)
    ax.set_ylim(0, ymax * 1.7 + 0.8)
    ax.text(
        0.005,
        0.93,
        f"Numbers on bars: cues per 100 words. (Grey, in brackets): paragraph under {min_words} "
        "words, where one cue alone makes a high rate.",
        transform=ax.transAxes,
        ha="left",
        va="top",
        fontsize=8.5,
        color="#555555",
    )
    return fig


#: Metrics where a higher value means easier reading: the heat-strip reverses their colours so that
#: one colour always means "harder to read" (orange) and the other "easier" (purple).
HIGHER_IS_EASIER: frozenset[str] = frozenset({"flesch_reading_ease"})
#: Readability metrics (grade-like or ease): their heat-strip colour reads as harder/easier.
READABILITY_METRICS: frozenset[str] = frozenset(
    {
        "flesch_kincaid_grade",
        "flesch_reading_ease",
        "gunning_fog",
        "words_per_sentence",
        "smog_index",
        "coleman_liau_index",
        "automated_readability_index",
        "dale_chall_readability_score",
    }
)


@styled
def metric_heatstrip(paragraphs: pd.DataFrame, metrics: Sequence[str] | None = None, title: str = "") -> Figure:
    """All metrics by body paragraph: colour is the z-score within the article, text the value.

    Colours have one meaning per direction: for readability rows orange is always "harder to
    read" and purple "easier", so metrics where higher = easier (:data:`HIGHER_IS_EASIER`,
    e.g. reading ease) have their colours reversed and say so in their row label. Other rows:
    orange = above the article's mean, purple = below.
    """
    body = _body(paragraphs)
    metrics = [m for m in (metrics or METRIC_LABELS) if m in body]
    values = body[metrics].to_numpy(dtype=float).T
    mean = np.nanmean(values, axis=1, keepdims=True)
    std = np.nanstd(values, axis=1, keepdims=True)
    z = np.where(std > 0, (values - mean) / np.where(std > 0, std, 1), 0.0)
    sign = np.array([-1.0 if m in HIGHER_IS_EASIER else 1.0 for m in metrics])[:, None]
    z = z * sign
    fig = new_figure(max(9, 0.55 * len(body) + 3.5), 0.5 * len(metrics) + 2.2)
    ax = fig.add_subplot()
    im = ax.imshow(z, cmap="PuOr_r", vmin=-2.5, vmax=2.5, aspect="auto")
    for i in range(values.shape[0]):
        for j in range(values.shape[1]):
            v = values[i, j]
            if math.isfinite(v):
                ax.text(
                    j,
                    i,
                    f"{v:.1f}" if abs(v) >= 1 or v == 0 else f"{v:.2f}",
                    ha="center",
                    va="center",
                    fontsize=7,
                    color="white" if abs(z[i, j]) > 1.6 else "black",
                )

    def row_label(m: str) -> str:
        label = METRIC_LABELS.get(m, m)
        return f"{label}\n(higher = easier: colours reversed)" if m in HIGHER_IS_EASIER else label

    ax.set_yticks(range(len(metrics)))
    ax.set_yticklabels([row_label(m) for m in metrics])
    for tick, m in zip(ax.get_yticklabels(), metrics, strict=True):
        if m in READABILITY_METRICS:
            tick.set_fontweight("bold")
    ax.set_xticks(range(len(body)))
    ax.set_xticklabels(body["paragraph"].astype(int).astype(str).tolist())
    ax.set_xlabel("Paragraph number")
    ax.spines[:].set_visible(False)
    cbar = fig.colorbar(im, ax=ax, shrink=0.9, pad=0.01, ticks=[-2, -1, 0, 1, 2])
    cbar.ax.set_yticklabels(["-2 sd", "-1", "article\nmean", "+1", "+2 sd"], fontsize=8)
    cbar.set_label(
        "orange = harder to read (bold rows) / above the article mean (other rows)\n"
        "purple = easier to read / below the mean; darker = further from the mean",
        fontsize=8.5,
    )
    ax.set_title(title or "Every metric by paragraph: values printed, orange = harder to read or more")
    return fig


@styled
def comparable_distributions(
    focus: pd.Series,
    comparables: pd.DataFrame,
    metrics: Sequence[str] | None = None,
    focus_label: str = "seed",
    comparables_label: str = "comparables",
    title: str = "",
) -> Figure:
    """One panel per metric: histogram of comparables' article values, the focus marked with its percentile."""
    metrics = list(metrics or METRIC_LABELS)
    ncols = 3
    nrows = math.ceil(len(metrics) / ncols)
    fig = new_figure(11, 2.6 * nrows + 0.6)
    axes = fig.subplots(nrows, ncols, squeeze=False).ravel()
    for ax, m in zip(axes, metrics, strict=False):
        col = comparables[m].astype(float).dropna()
        ax.hist(col, bins=20, color=COMPARABLE_COLOR, alpha=0.6)
        v = float(focus[m])
        ax.axvline(v, color=SEED_COLOR, linewidth=2.2)
        pct = percentile_rank(col, v)
        ax.set_title(f"{METRIC_LABELS.get(m, m)}\n{focus_label}: {v:.2f}, percentile {pct:.0f}", fontsize=9.5)
        ax.set_ylabel("articles")
    for ax in axes[len(metrics) :]:
        ax.set_visible(False)
    fig.suptitle(title or f"{focus_label} (vermillion line) against {len(comparables)} {comparables_label}")
    return fig


#: Up to this many articles (the focus included) a scatter numbers every point and names it under the chart;
#: beyond, numbers would overlap and the key outgrow the chart: only the focus (and ``label_ids``) are named.
MAX_KEYED = 15
UNKNOWN_GROUP = "(unknown)"


def _groups_of(df: pd.DataFrame, column: str | None) -> pd.Series | None:
    """The group of each row (empty values ``(unknown)``), or None when ``column`` is absent or all empty."""
    if column is None or column not in df or df.empty:
        return None
    values = df[column].map(lambda v: str(v).strip() if isinstance(v, str) and v.strip() else UNKNOWN_GROUP)
    return None if (values == UNKNOWN_GROUP).all() else values


@styled
def readability_vs_hedging(
    articles: pd.DataFrame,
    focus_id: str,
    label_ids: Sequence[str] = (),
    title: str = "",
    background: pd.DataFrame | None = None,
    background_label: str = "news baseline",
    focus_label: str = "seed article",
    color_by: str | None = "outlet",
    max_keyed: int = MAX_KEYED,
) -> Figure:
    """Scatter of Flesch-Kincaid grade against hedges per 100 words, one point per article.

    The focus is the vermillion diamond; the other ``articles`` are coloured by their
    ``color_by`` group (one colour per group, :func:`group_colors`; blue when there is no
    such column). Up to ``max_keyed`` articles every point is numbered and named in full
    in a key under the chart (``title`` or ``article_id``, with ``outlet``); beyond, only
    the focus and the articles in ``label_ids`` are named beside their points, so the
    figure keeps its size and stays readable at 1,000 articles. ``background`` (e.g. a
    baseline corpus) is grey, unnumbered, named once in the legend.
    """
    focus = articles[articles["article_id"] == focus_id]
    others = articles[articles["article_id"] != focus_id]
    keyed = pd.concat([focus, others], ignore_index=True)
    numbered = len(keyed) <= max_keyed
    key_lines = [f"{i}. {_full_name(r)}" for i, (_, r) in enumerate(keyed.iterrows(), start=1)] if numbered else []
    wrapped = [textwrap.fill(line, 110, subsequent_indent="    ") for line in key_lines]
    n_key_lines = sum(w.count("\n") + 1 for w in wrapped)
    key_height = 0.19 * n_key_lines + 0.35 if numbered else 0.0
    fig = new_figure(8.5, 5.6 + key_height if numbered else 6.4)
    grid = fig.add_gridspec(2, 1, height_ratios=[5.6, key_height]) if numbered else None
    ax = fig.add_subplot(grid[0]) if grid is not None else fig.add_subplot()
    big = not numbered
    if background is not None and len(background):
        ax.scatter(
            background["flesch_kincaid_grade"],
            background["hedges_per_100w"],
            s=10 if big else 16,
            color="#aaaaaa",
            alpha=0.5 if big else 0.6,
            linewidths=0,
            label=escape_mathtext(textwrap.fill(f"{background_label} ({len(background)} articles)", 40)),
        )
    groups = _groups_of(others, color_by)
    size, alpha = (14, 0.6) if big else (40, 1.0)
    if len(others) and groups is None:
        ax.scatter(
            others["flesch_kincaid_grade"],
            others["hedges_per_100w"],
            s=size,
            color=COMPARABLE_COLOR,
            alpha=alpha,
            linewidths=0,
            label=f"comparable coverage ({len(others)})",
            zorder=3,
        )
    elif len(others) and groups is not None:  # (groups is never None here: the branch above)
        names = sorted(set(groups) - {UNKNOWN_GROUP}) + ([UNKNOWN_GROUP] if UNKNOWN_GROUP in set(groups) else [])
        colors = group_colors(names)
        colors[UNKNOWN_GROUP] = "#999999"
        for g in names:
            mine = others[groups == g]
            ax.scatter(
                mine["flesch_kincaid_grade"],
                mine["hedges_per_100w"],
                s=size,
                color=colors[g],
                alpha=alpha,
                linewidths=0,
                label=escape_mathtext(f"{g} ({len(mine)})"),
                zorder=3,
            )
    ax.scatter(
        focus["flesch_kincaid_grade"],
        focus["hedges_per_100w"],
        s=90,
        color=SEED_COLOR,
        marker="D",
        edgecolors="white",
        linewidths=0.8,
        label=escape_mathtext(focus_label),
        zorder=5,
    )
    ax.set_xlabel("Flesch-Kincaid grade of the body text (US school years)")
    ax.set_ylabel("Hedges per 100 words")
    what = f" ({len(keyed)} articles)" if len(keyed) > 1 else ""
    ax.set_title(escape_mathtext(title) if title else f"Readability against hedging, one point per article{what}")
    legend_title = None if groups is None else (color_by or "").replace("_", " ")
    n_entries = (groups.nunique() if groups is not None else 1) + 1 + (background is not None and len(background) > 0)
    if grid is not None:  # numbered
        _number_points(ax, keyed)
        outside = {"bbox_to_anchor": (1.01, 1.0)} if groups is not None else {}  # one entry per group: beside
        ax.legend(
            loc="upper left",
            frameon=False,
            fontsize=8.5,
            title=legend_title,
            title_fontsize=9,
            ncols=2 if n_entries > 14 else 1,
            **outside,
        )
        key = fig.add_subplot(grid[1])
        key.axis("off")
        key.text(
            0.0,
            1.0,
            "Numbered articles:\n" + escape_mathtext("\n".join(wrapped)),
            transform=key.transAxes,
            ha="left",
            va="top",
            fontsize=8.5,
            linespacing=1.35,
        )
    else:
        named = pd.concat([focus, others[others["article_id"].isin([str(i) for i in label_ids])]], ignore_index=True)
        _name_points(ax, named)
        ax.legend(
            loc="upper left",
            bbox_to_anchor=(1.01, 1.0),
            frameon=False,
            fontsize=8.5,
            title=legend_title,
            title_fontsize=9,
            markerscale=1.5 if big else 1.0,
        )
        ax.text(
            0.0,
            -0.13,
            f"{len(keyed)} articles: too many to name each; the focus"
            + (" and the chosen articles are" if len(named) > 1 else " is")
            + " named. Each article's values are "
            "in the article table.",
            transform=ax.transAxes,
            fontsize=8,
            color="#555555",
            va="top",
        )
    return fig


def _full_name(row: pd.Series) -> str:
    title = row.get("title")
    name = title if isinstance(title, str) and title.strip() else str(row["article_id"])
    outlet = row.get("outlet")
    return f"{name} ({outlet})" if isinstance(outlet, str) and outlet.strip() else name


def _name_points(ax, articles: pd.DataFrame, width: int = 38) -> None:  # type: ignore[no-untyped-def]
    """Name each article beside its point (title cut to ``width`` characters), alternately right and left."""
    for i, (_, r) in enumerate(articles.iterrows()):
        x, y = float(r["flesch_kincaid_grade"]), float(r["hedges_per_100w"])
        if not (math.isfinite(x) and math.isfinite(y)):
            continue
        name = _full_name(r)
        name = name if len(name) <= width else name[: width - 1] + "…"
        dx = 10 if i % 2 == 0 else -10
        ax.annotate(
            escape_mathtext(name),
            xy=(x, y),
            xytext=(dx, 8 + 4 * (i % 3)),
            textcoords="offset points",
            ha="left" if dx > 0 else "right",
            fontsize=8.5,
            zorder=6,
            bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "#cccccc", "alpha": 0.85},
            arrowprops={"arrowstyle": "-", "color": "#666666", "linewidth": 0.6},
        )


def _number_points(ax, articles: pd.DataFrame) -> None:  # type: ignore[no-untyped-def]
    """Put each article's number (1, 2, ... in row order) beside its point, nudged apart vertically."""
    pts = [
        (float(r["flesch_kincaid_grade"]), float(r["hedges_per_100w"]), str(i))
        for i, (_, r) in enumerate(articles.iterrows(), start=1)
    ]
    ylo, yhi = ax.get_ylim()
    step = (yhi - ylo) * 0.04
    placed: list[tuple[float, float]] = []
    for x, y, text in sorted(pts, key=lambda p: (p[1], p[0])):
        if not (math.isfinite(x) and math.isfinite(y)):
            continue
        ty = y
        while any(abs(ty - py) < step and abs(x - px) < 0.6 for px, py in placed):
            ty += step
        placed.append((x, ty))
        ax.annotate(
            text,
            xy=(x, y),
            xytext=(x + 0.12, ty),
            fontsize=8.5,
            fontweight="bold",
            va="center",
            arrowprops={"arrowstyle": "-", "color": "#888888", "linewidth": 0.6} if ty != y else None,
        )


def _wrap_title(name: str, width: int = 30, lines: int = 2) -> str:
    """``name`` on at most ``lines`` lines of ``width`` characters (ellipsis only past that)."""
    parts = textwrap.wrap(name, width) or [""]
    if len(parts) > lines:
        parts = parts[:lines]
        parts[-1] = parts[-1][: width - 1] + "…"
    return "\n".join(parts)


@styled
def paragraph_profiles(
    paragraphs: pd.DataFrame,
    focus_id: str,
    metric: str = "flesch_kincaid_grade",
    titles: dict[str, str] | None = None,
    max_panels: int = 12,
    title: str = "",
) -> Figure:
    """Small multiples: ``metric`` along each article's body paragraphs, focus article first."""
    body = _body(paragraphs)
    ids = list(dict.fromkeys(body["article_id"]))
    ids = ([focus_id] if focus_id in ids else []) + [i for i in ids if i != focus_id]
    ids = ids[:max_panels]
    ncols = min(4, len(ids)) or 1
    nrows = math.ceil(len(ids) / ncols) or 1
    fig = new_figure(3.0 * ncols + 0.5, 2.3 * nrows + 0.8)
    axes = fig.subplots(nrows, ncols, squeeze=False, sharey=True).ravel()
    for ax, aid in zip(axes, ids, strict=False):
        sub = body[body["article_id"] == aid]
        pos = np.arange(1, len(sub) + 1)
        color = SEED_COLOR if aid == focus_id else COMPARABLE_COLOR
        ax.plot(pos, sub[metric], color=color, marker="o", markersize=3, linewidth=1.4)
        name = (titles or {}).get(aid, aid)
        ax.set_title(_wrap_title(name), fontsize=9, color=color)
        ax.set_xlabel("body paragraph (1 = first)", fontsize=8)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    for ax in axes[len(ids) :]:
        ax.set_visible(False)
    axes[0].set_ylabel(METRIC_LABELS.get(metric, metric))
    fig.suptitle(title or f"Paragraph profiles: {METRIC_LABELS.get(metric, metric)} along each article")
    return fig


@styled
def detector_scores(scores: dict[str, object], title: str = "") -> Figure:
    """How far to trust the hedge detector, in plain words: two bars of 100 sentences.

    Top: of 100 sentences the detector marks as hedged, how many the annotators also
    judged uncertain (precision) and how many are false alarms. Bottom: of 100 sentences
    the annotators judged uncertain, how many it finds (recall) and how many it misses.
    ``scores``: ``precision``, ``recall`` (0..1), optionally ``dataset``, ``sentences`` and ``note``
    (a last caption line; default: the encyclopaedia caveat of ``data/benchmarks/hedge_eval.json``).
    No F1 target is drawn: it means little to a reader.
    """
    precision, recall = float(scores["precision"]), float(scores["recall"])  # type: ignore[arg-type]
    right, found = round(100 * precision), round(100 * recall)
    fig = new_figure(9, 3.4)
    ax = fig.add_subplot()
    rows = [
        (1, right, 100 - right, f"Of 100 sentences it marks as hedged, {right} really are", "right", "false alarms"),
        (0, found, 100 - found, f"Of 100 really hedged sentences, it finds {found}", "found", "missed"),
    ]
    for y, good, bad, label, good_word, bad_word in rows:
        ax.barh(y, good, color=OKABE_ITO["blue"], height=0.55)
        ax.barh(y, bad, left=good, color="#dddddd", height=0.55)
        ax.text(
            good / 2, y, f"{good} {good_word}", ha="center", va="center", color="white", fontsize=10, fontweight="bold"
        )
        ax.text(good + bad / 2, y, f"{bad} {bad_word}", ha="center", va="center", color="#333333", fontsize=10)
        ax.text(0, y + 0.42, label, ha="left", va="bottom", fontsize=10.5)
    ax.set_xlim(0, 100)
    ax.set_ylim(-0.5, 1.95)
    ax.set_yticks([])
    ax.set_xticks([0, 25, 50, 75, 100])
    ax.spines[["left"]].set_visible(False)
    dataset = str(scores.get("dataset") or "CoNLL-2010 Wikipedia sentences")
    note = str(scores.get("note") or "Encyclopaedia text, not news: treat single cues as suggestions to check.")
    n = scores.get("sentences")
    ax.set_xlabel(
        f"Tested on {n:,} annotated sentences ({dataset}).\nA sentence counts as hedged when the detector finds "
        f"at least one hedge cue in it.\n{note}"
        if isinstance(n, int)
        else f"Tested on {dataset}: treat single cues as suggestions to check.",
        fontsize=8.5,
    )
    ax.set_title(title or "How far to trust the hedge detector")
    return fig


@styled
def who_hedges(article: pd.Series, sources: pd.DataFrame, title: str = "") -> Figure:
    """Hedges and boosters in each voice: the author's own, then every quoted or reported source.

    Args:
        article: the article row (``author_hedges``, ``author_boosters`` over the body).
        sources: the sources table (:func:`analysis.tables.sources`), one row per source.
        title: the figure title (default: "Who hedges").

    Returns:
        Horizontal bars of counts, one pair per voice, with each source's words in its label,
        so a source quoted at length is told from one quoted once.
    """
    rows: list[tuple[str, int, int, int | None]] = [
        ("the author (own words)", int(article["author_hedges"]), int(article["author_boosters"]), None)
    ]
    for _, s in sources.iterrows():
        name = s["speaker"] or "unknown source"
        rows.append((name, int(s["hedges"]), int(s["boosters"]), int(s["words"])))
    labels = [n if w is None else f"{n} ({w} words)" for n, _, _, w in rows]
    fig = new_figure(7.5, 1.2 + 0.45 * len(rows))
    ax = fig.subplots()
    y = np.arange(len(rows))[::-1]
    h = 0.38
    ax.barh(y + h / 2, [r[1] for r in rows], h, color=CATEGORY_COLORS["hedge"], label="hedges")
    ax.barh(y - h / 2, [r[2] for r in rows], h, color=CATEGORY_COLORS["booster"], label="boosters")
    for yi, r in zip(y, rows, strict=True):
        ax.text(r[1] + 0.05, yi + h / 2, str(r[1]), va="center", fontsize=8)
        ax.text(r[2] + 0.05, yi - h / 2, str(r[2]), va="center", fontsize=8)
    ax.set_yticks(y, labels)
    ax.set_xlabel("cues (count)")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.legend(loc="lower right", frameon=False)
    ax.set_title(title or "Who hedges: cues in the author's words and in each source's")
    return fig


@styled
def reliability(series: Mapping[str, Sequence[dict[str, object]]], title: str = "") -> Figure:
    """Reliability (calibration) plot of the sentence measures: predicted probability against observed rate.

    Args:
        series: ``{label: bins}``, bins as ``[{"bin": [lo, hi], "mean_predicted", "observed_rate", "n"}, ...]``
            (the cross-validated bins of each measure in ``data/benchmarks/uncertainty_cv.json``).
        title: the figure title.

    Returns:
        One line per measure, points sized by the number of sentences in each bin (numbers beside
        them), and the diagonal of perfect calibration.
    """
    fig = new_figure(5.6, 4.8)
    ax = fig.subplots()
    ax.plot([0, 1], [0, 1], color="#999999", linestyle="--", linewidth=1, label="perfectly calibrated")
    colors = (COMPARABLE_COLOR, OKABE_ITO["orange"], OKABE_ITO["green"])
    offsets = ((6, -11), (-8, 6), (6, 6))
    largest = max((int(b["n"]) for bins in series.values() for b in bins), default=1)  # type: ignore[call-overload]
    for (label, bins), color, offset in zip(series.items(), colors, offsets, strict=False):
        kept = [b for b in bins if b["n"]]
        pred = [float(b["mean_predicted"]) for b in kept]  # type: ignore[arg-type]
        obs = [float(b["observed_rate"]) for b in kept]  # type: ignore[arg-type]
        n = [int(b["n"]) for b in kept]  # type: ignore[call-overload]
        sizes = [16 + 160 * (k / largest) ** 0.5 for k in n]
        ax.scatter(pred, obs, s=sizes, color=color, zorder=3, label=label)
        ax.plot(pred, obs, color=color, linewidth=1)
        for p, o, k in zip(pred, obs, n, strict=True):
            ax.annotate(
                f"{k:,}",
                (p, o),
                textcoords="offset points",
                xytext=offset,
                fontsize=6.5,
                color=color,
                ha="right" if offset[0] < 0 else "left",
            )
    ax.set_xlim(-0.02, 1.04)
    ax.set_ylim(-0.07, 1.04)
    ax.set_xlabel("predicted probability (out of fold)")
    ax.set_ylabel("share of sentences the annotators marked")
    ax.legend(loc="upper left", frameon=False, fontsize=8)
    ax.set_title(title or "Sentence measures: reliability (5-fold CV, development part)")
    return fig
