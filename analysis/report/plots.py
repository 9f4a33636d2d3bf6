"""Charts of the metric tables. Every function takes DataFrames and returns a Figure.

Figures are built with :class:`matplotlib.figure.Figure` directly (no pyplot
state), so they are safe in scripts, tests and notebooks alike; Jupyter displays a
returned Figure. Conventions shared by all charts:

* the seed (or the article in focus) is drawn in :data:`SEED_COLOR` (vermillion),
  comparables in :data:`COMPARABLE_COLOR` (blue) or grey;
* colours are the Okabe-Ito colour-blind-safe palette;
* x axes that run over paragraphs show paragraph numbers as in the tables;
* titles say what is shown, axis labels carry units.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from analysis.report.compare import percentile_rank

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
STYLE = {
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


def _figure(width: float, height: float) -> Figure:
    return Figure(figsize=(width, height), layout="constrained")


def styled(func):  # type: ignore[no-untyped-def]
    """Run a plotting function under :data:`STYLE` without touching global rcParams."""
    import functools

    @functools.wraps(func)
    def wrapper(*args, **kwargs):  # type: ignore[no-untyped-def]
        import matplotlib as mpl

        with mpl.rc_context(STYLE):
            return func(*args, **kwargs)

    return wrapper


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
    fig = _figure(9, 4.2)
    ax = fig.add_subplot()
    reliable = body["readability_reliable"].astype(bool)
    x = body["paragraph"].to_numpy()
    y = body["flesch_kincaid_grade"].to_numpy(dtype=float)
    ax.bar(x[reliable.to_numpy()], y[reliable.to_numpy()], color=SEED_COLOR, width=0.75)
    ax.bar(
        x[~reliable.to_numpy()], y[~reliable.to_numpy()], color=SEED_COLOR, alpha=0.45, hatch="///",
        edgecolor="white", width=0.75,
    )
    level = float(article["flesch_kincaid_grade"])
    ax.axhline(level, color=OKABE_ITO["black"], linestyle="--", linewidth=1.2)
    ax.annotate(
        f"whole body text: grade {level:.1f}", xy=(1.0, level), xycoords=("axes fraction", "data"),
        xytext=(-4, 4), textcoords="offset points", ha="right", va="bottom", fontsize=9,
    )
    _paragraph_axis(ax, x)
    ax.set_ylabel("Flesch-Kincaid grade (US school years)")
    ax.set_title(title or "Readability by paragraph")
    ax.legend(
        handles=[
            Patch(facecolor=SEED_COLOR, label=">= 100 words"),
            Patch(facecolor=SEED_COLOR, alpha=0.45, hatch="///", edgecolor="white",
                  label="< 100 words (indicative only)"),
        ],
        loc="upper left", frameon=False, fontsize=9,
    )
    ax.set_ylim(0, max(np.nanmax(y) if len(y) else 0, level) * 1.2 + 1)
    return fig


@styled
def sentiment_arc(paragraphs: pd.DataFrame, sentences: pd.DataFrame, title: str = "") -> Figure:
    """Mean VADER compound per body paragraph (line) with each sentence's score (dots).

    ``sentences`` has columns ``paragraph`` and ``compound`` (one row per sentence).
    """
    body = _body(paragraphs)
    fig = _figure(9, 4.2)
    ax = fig.add_subplot()
    ax.axhline(0, color="#999999", linewidth=0.8)
    ax.axhspan(-0.05, 0.05, color="#eeeeee", zorder=0)
    sent = sentences[sentences["paragraph"].isin(body["paragraph"])]
    # Spread sentences of one paragraph a little so they do not sit on top of each other.
    offsets = sent.groupby("paragraph").cumcount()
    counts = sent.groupby("paragraph")["paragraph"].transform("size")
    jitter = (offsets - (counts - 1) / 2) * 0.12
    ax.scatter(sent["paragraph"] + jitter, sent["compound"], s=22, color=COMPARABLE_COLOR, alpha=0.7,
               label="one sentence", zorder=3)
    ax.plot(body["paragraph"], body["sentiment_compound"], color=SEED_COLOR, marker="o", linewidth=2,
            label="paragraph mean", zorder=4)
    _paragraph_axis(ax, body["paragraph"].tolist())
    ax.set_ylim(-1.05, 1.05)
    ax.set_ylabel("VADER compound score (-1 negative .. +1 positive)")
    ax.set_title(title or "Sentiment arc: paragraph means and sentence scores")
    ax.legend(loc="lower left", frameon=False, fontsize=9, ncols=2)
    return fig


@styled
def cues_by_paragraph(paragraphs: pd.DataFrame, title: str = "") -> Figure:
    """Hedges, boosters and attributions per 100 words per body paragraph, by voice.

    Solid bars are the author's own voice, hatched bars cues inside quotations
    (``author_hedges``/``author_boosters`` columns; attributions are not split).
    """
    body = _body(paragraphs)
    fig = _figure(9, 4.6)
    ax = fig.add_subplot()
    x = body["paragraph"].to_numpy(dtype=float)
    words = body["n_words"].replace(0, np.nan).to_numpy(dtype=float)
    width = 0.27
    series = [
        ("hedge", "hedges", "author_hedges", -width),
        ("booster", "boosters", "author_boosters", 0.0),
        ("attribution", "attributions", None, width),
    ]
    for cat, total_col, author_col, dx in series:
        total = body[total_col].to_numpy(dtype=float)
        author = body[author_col].to_numpy(dtype=float) if author_col and author_col in body else total
        quoted = total - author
        ax.bar(x + dx, 100 * author / words, width=width, color=CATEGORY_COLORS[cat])
        ax.bar(x + dx, 100 * quoted / words, bottom=100 * author / words, width=width,
               color=CATEGORY_COLORS[cat], alpha=0.5, hatch="xx", edgecolor="white")
    _paragraph_axis(ax, body["paragraph"].astype(int).tolist())
    ax.set_ylabel("Cues per 100 words")
    ax.set_title(title or "Hedges, boosters and attributions by paragraph")
    handles = [Patch(facecolor=CATEGORY_COLORS[c], label=f"{c}s") for c in CATEGORY_COLORS]
    handles.append(Patch(facecolor="#999999", hatch="xx", edgecolor="white", label="inside a quotation"))
    ax.legend(handles=handles, loc="upper left", frameon=False, fontsize=9, ncols=4)
    ymax = np.nanmax(100 * body["hedges"].to_numpy(dtype=float) / words) if len(body) else 1
    ymax = max(ymax, np.nanmax(100 * body[["boosters", "attributions"]].max(axis=1).to_numpy(dtype=float) / words))
    ax.set_ylim(0, (ymax if math.isfinite(ymax) else 1) * 1.25 + 0.5)
    return fig


@styled
def metric_heatstrip(paragraphs: pd.DataFrame, metrics: Sequence[str] | None = None, title: str = "") -> Figure:
    """All metrics by body paragraph: colour is the z-score within the article, text the value."""
    body = _body(paragraphs)
    metrics = [m for m in (metrics or METRIC_LABELS) if m in body]
    values = body[metrics].to_numpy(dtype=float).T
    mean = np.nanmean(values, axis=1, keepdims=True)
    std = np.nanstd(values, axis=1, keepdims=True)
    z = np.where(std > 0, (values - mean) / np.where(std > 0, std, 1), 0.0)
    fig = _figure(max(7, 0.55 * len(body) + 3), 0.5 * len(metrics) + 1.8)
    ax = fig.add_subplot()
    im = ax.imshow(z, cmap="PuOr_r", vmin=-2.5, vmax=2.5, aspect="auto")
    for i in range(values.shape[0]):
        for j in range(values.shape[1]):
            v = values[i, j]
            if math.isfinite(v):
                ax.text(j, i, f"{v:.1f}" if abs(v) >= 1 or v == 0 else f"{v:.2f}", ha="center", va="center",
                        fontsize=7, color="white" if abs(z[i, j]) > 1.6 else "black")
    ax.set_yticks(range(len(metrics)))
    ax.set_yticklabels([METRIC_LABELS.get(m, m) for m in metrics])
    ax.set_xticks(range(len(body)))
    ax.set_xticklabels(body["paragraph"].astype(int).astype(str).tolist())
    ax.set_xlabel("Paragraph number")
    ax.spines[:].set_visible(False)
    cbar = fig.colorbar(im, ax=ax, shrink=0.8, pad=0.01)
    cbar.set_label("z-score within this article")
    ax.set_title(title or "Every metric by paragraph (values printed, colour = above/below article mean)")
    return fig


@styled
def comparable_distributions(
    focus: pd.Series, comparables: pd.DataFrame, metrics: Sequence[str] | None = None,
    focus_label: str = "seed", comparables_label: str = "comparables", title: str = "",
) -> Figure:
    """One panel per metric: histogram of comparables' article values, the focus marked with its percentile."""
    metrics = list(metrics or METRIC_LABELS)
    ncols = 3
    nrows = math.ceil(len(metrics) / ncols)
    fig = _figure(11, 2.6 * nrows + 0.6)
    axes = fig.subplots(nrows, ncols, squeeze=False).ravel()
    for ax, m in zip(axes, metrics, strict=False):
        col = comparables[m].astype(float).dropna()
        ax.hist(col, bins=20, color=COMPARABLE_COLOR, alpha=0.6)
        v = float(focus[m])
        ax.axvline(v, color=SEED_COLOR, linewidth=2.2)
        pct = percentile_rank(col, v)
        ax.set_title(f"{METRIC_LABELS.get(m, m)}\n{focus_label}: {v:.2f}, percentile {pct:.0f}", fontsize=9.5)
        ax.set_ylabel("articles")
    for ax in axes[len(metrics):]:
        ax.set_visible(False)
    fig.suptitle(title or f"{focus_label} (vermillion line) against {len(comparables)} {comparables_label}")
    return fig


@styled
def readability_vs_hedging(
    articles: pd.DataFrame, focus_id: str, label_ids: Sequence[str] = (), title: str = "",
    background: pd.DataFrame | None = None, background_label: str = "news baseline",
) -> Figure:
    """Scatter of Flesch-Kincaid grade against hedges per 100 words, one point per article.

    ``articles`` are labelled by ``title`` (or ``article_id``) and drawn in blue; the
    focus article in vermillion; ``background`` (e.g. a 189-article baseline) in grey,
    unlabelled, named once in the legend.
    """
    fig = _figure(8.5, 5.6)
    ax = fig.add_subplot()
    if background is not None and len(background):
        ax.scatter(background["flesch_kincaid_grade"], background["hedges_per_100w"], s=16, color="#aaaaaa",
                   alpha=0.6, label=f"{background_label} ({len(background)} articles)")
    others = articles[articles["article_id"] != focus_id]
    if len(others):
        ax.scatter(others["flesch_kincaid_grade"], others["hedges_per_100w"], s=40, color=COMPARABLE_COLOR,
                   label="comparable coverage", zorder=3)
    focus = articles[articles["article_id"] == focus_id]
    ax.scatter(focus["flesch_kincaid_grade"], focus["hedges_per_100w"], s=90, color=SEED_COLOR, marker="D",
               label="seed article", zorder=4)
    labelled = articles[articles["article_id"].isin([focus_id, *label_ids]) | (articles["article_id"] != focus_id)]
    _label_points(ax, labelled)
    ax.set_xlabel("Flesch-Kincaid grade of the body text (US school years)")
    ax.set_ylabel("Hedges per 100 words")
    ax.set_title(title or "Readability against hedging, one point per article")
    ax.legend(loc="upper left", frameon=False, fontsize=9)
    return fig


def _label_points(ax, articles: pd.DataFrame) -> None:  # type: ignore[no-untyped-def]
    """Label points, nudging labels vertically so that they do not overlap."""
    pts = sorted(
        ((float(r["flesch_kincaid_grade"]), float(r["hedges_per_100w"]), _short(r)) for _, r in articles.iterrows()),
        key=lambda p: p[1],
    )
    ylo, yhi = ax.get_ylim()
    step = (yhi - ylo) * 0.045
    placed: list[tuple[float, float]] = []
    for x, y, text in pts:
        ty = y
        while any(abs(ty - py) < step and abs(x - px) < 2.5 for px, py in placed):
            ty += step
        placed.append((x, ty))
        ax.annotate(text, xy=(x, y), xytext=(x + 0.15, ty), fontsize=8, va="center",
                    arrowprops={"arrowstyle": "-", "color": "#888888", "linewidth": 0.6} if ty != y else None)


def _short(row: pd.Series, width: int = 34) -> str:
    title = row.get("title") if isinstance(row.get("title"), str) and row.get("title") else row["article_id"]
    return title if len(title) <= width else title[: width - 1] + "…"


@styled
def paragraph_profiles(
    paragraphs: pd.DataFrame, focus_id: str, metric: str = "flesch_kincaid_grade", titles: dict[str, str] | None = None,
    max_panels: int = 12, title: str = "",
) -> Figure:
    """Small multiples: ``metric`` along each article's body paragraphs, focus article first."""
    body = _body(paragraphs)
    ids = list(dict.fromkeys(body["article_id"]))
    ids = ([focus_id] if focus_id in ids else []) + [i for i in ids if i != focus_id]
    ids = ids[:max_panels]
    ncols = min(4, len(ids)) or 1
    nrows = math.ceil(len(ids) / ncols) or 1
    fig = _figure(3.0 * ncols + 0.5, 2.3 * nrows + 0.8)
    axes = fig.subplots(nrows, ncols, squeeze=False, sharey=True).ravel()
    for ax, aid in zip(axes, ids, strict=False):
        sub = body[body["article_id"] == aid]
        pos = np.arange(1, len(sub) + 1)
        color = SEED_COLOR if aid == focus_id else COMPARABLE_COLOR
        ax.plot(pos, sub[metric], color=color, marker="o", markersize=3, linewidth=1.4)
        name = (titles or {}).get(aid, aid)
        ax.set_title(name if len(name) <= 32 else name[:31] + "…", fontsize=9, color=color)
        ax.set_xlabel("body paragraph (1 = first)", fontsize=8)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    for ax in axes[len(ids):]:
        ax.set_visible(False)
    axes[0].set_ylabel(METRIC_LABELS.get(metric, metric))
    fig.suptitle(title or f"Paragraph profiles: {METRIC_LABELS.get(metric, metric)} along each article")
    return fig


@styled
def detector_scores(scores: dict[str, float], title: str = "", target_f1: float | None = 0.70) -> Figure:
    """Precision, recall and F1 of the hedge detector (values in 0..1) as labelled bars.

    ``target_f1`` draws the project's target as a dashed line; a ``lexicon_ceiling``
    entry in ``scores`` (best F1 of any word/bigram lexicon fit on the labels) a dotted one.
    """
    names = ["precision", "recall", "f1"]
    vals = [float(scores[n]) for n in names]
    fig = _figure(6, 3.6)
    ax = fig.add_subplot()
    bars = ax.bar(["Precision", "Recall", "F1"], vals, color=[OKABE_ITO["blue"], OKABE_ITO["sky"], SEED_COLOR])
    for b, v in zip(bars, vals, strict=True):
        ax.text(b.get_x() + b.get_width() / 2, v + 0.02, f"{v:.2f}", ha="center", fontsize=10)
    if target_f1 is not None:
        ax.axhline(target_f1, color=OKABE_ITO["black"], linestyle="--", linewidth=1, label=f"target F1 {target_f1:.2f}")
    ceiling = scores.get("lexicon_ceiling")
    if isinstance(ceiling, dict) and "f1" in ceiling:
        ax.axhline(float(ceiling["f1"]), color="#666666", linestyle=":", linewidth=1.5,
                   label=f"best word/bigram lexicon fit on these labels: F1 {float(ceiling['f1']):.2f}")
    if ax.get_legend_handles_labels()[0]:
        ax.legend(loc="upper left", frameon=False, fontsize=8.5)
    ax.set_ylim(0, 1.1)
    ax.set_ylabel("score (0-1)")
    ax.set_xlabel("sentence classified uncertain when it holds >= 1 hedge cue")
    ax.set_title(title or "Hedge detector on CoNLL-2010 Wikipedia training sentences")
    return fig
