"""Regenerate every figure the notebooks show, as PNG (150 dpi) and SVG, deterministically.

``media-analysis figures`` (and ``make figures``) call :func:`write_figures`. The
figures come from the same :mod:`analysis.report.plots` functions the notebooks call, on
the same tables (the seed's and the store's, from :func:`analysis.corpus.bundles.seed_store`;
this module analyses nothing), :func:`comparable_tables`. Files carry no
timestamp or random id (PNG ``Software`` and SVG ``Date`` metadata removed,
``svg.hashsalt`` fixed), so the same input gives byte-identical files.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
from matplotlib.figure import Figure

from analysis.report import plots
from analysis.report.compare import COMPARED_METRICS
from analysis.tables.bundle import (  # noqa: F401  (ArticleTables, document_tables: their old home)
    ArticleTables,
    Comparables,
    LazyArticleTables,
    StoreTables,
    document_tables,
)

DEFAULT_FIGURES = Path("data/figures")
DPI = 150
#: Results written by ``benchmarks/hedge_eval.py`` (numbers only), read by the method notebook.
HEDGE_EVAL_RESULTS = Path(__file__).resolve().parents[2] / "data" / "benchmarks" / "hedge_eval.json"


#: Rows of :func:`summary_table`: column -> label.
SUMMARY_ROWS: dict[str, str] = {
    "n_words": "Words (body)",
    "n_sentences": "Sentences (body)",
    "words_per_sentence": "Words per sentence",
    "flesch_reading_ease": "Flesch reading ease (0-100, higher = easier)",
    "flesch_kincaid_grade": "Flesch-Kincaid grade (US school years)",
    "gunning_fog": "Gunning Fog (grade)",
    "smog_index": "SMOG (grade)",
    "coleman_liau_index": "Coleman-Liau (grade)",
    "automated_readability_index": "ARI (grade)",
    "dale_chall_readability_score": "Dale-Chall score",
    "sentiment_compound": "Sentiment: mean VADER compound (-1..1)",
    "sentiment_neg": "Sentiment: mean negative share (0..1)",
    "hedges_per_100w": "Hedges per 100 words",
    "boosters_per_100w": "Boosters per 100 words",
    "attributions_per_100w": "Attributions per 100 words",
}


def summary_table(article: pd.Series, rows: dict[str, str] = SUMMARY_ROWS) -> pd.DataFrame:
    """Article-level values as a two-column table (label, value rounded to 2 decimals)."""
    return pd.DataFrame(
        {"metric": list(rows.values()), "value": [round(float(article[c]), 2) for c in rows]}
    ).set_index("metric")


def comparable_tables(stored: StoreTables, baseline_name: str = "onestopenglish-adv") -> Comparables:
    """The analysed English articles of a store and the committed baseline ``baseline_name``.

    Args:
        stored: the store's tables (:func:`analysis.corpus.bundles.comparable_store`, which leaves
            the focus article out).
        baseline_name: a committed baseline (:func:`analysis.load_baseline`).

    Returns:
        The :class:`Comparables`, with notes saying in plain words what is missing.
    """
    from analysis.tables import COLUMNS

    empty = pd.DataFrame(columns=list(COLUMNS))
    root, tables, notes = stored.store, stored.tables, list(stored.notes)
    store_p, store_a = empty, empty
    if tables:
        store_p = pd.concat([t.paragraphs for t in tables], ignore_index=True)
        store_a = pd.DataFrame([t.article for t in tables]).reset_index(drop=True)
    else:
        notes.append(
            f"no English articles in the local store ({root}); add some with "
            "`media-analysis add PAGE.html` or `media-analysis fetch data/comparables.csv`"
        )
    base_p, base_a = empty, empty
    try:
        from analysis.report.baseline import load_baseline

        base_p = load_baseline(baseline_name)
        base_a = load_baseline(baseline_name, level="article")
    except (ImportError, FileNotFoundError, ValueError) as exc:
        notes.append(f"news baseline {baseline_name!r} unavailable ({exc})")
    return Comparables(store_p, store_a, base_p, base_a, baseline_name, notes)


def hedge_eval_results(path: Path = HEDGE_EVAL_RESULTS) -> dict[str, object] | None:
    """The hedge detector's last benchmark results, or None when never run."""
    if not path.is_file():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def detector_evidence() -> dict[str, object] | None:
    """What the hedge-detector figure shows: the held-out news part when measured, else the Wikipedia figures.

    News first: it is what the tool analyses. ``frozen/EA`` of ``newswire_cues.json`` is real campaign news
    annotated blind and scored without tuning (see ``benchmarks/newswire_cues/README.md``).
    """
    news = benchmark_results("newswire_cues")
    frozen = news.get("frozen/EA") if news else None
    if isinstance(frozen, dict):
        cues = frozen["located_cues"]
        return {
            "precision": cues["precision"],
            "recall": cues["recall"],
            "sentences": frozen["sentences"],
            "dataset": f"2016 US campaign news, {frozen['articles']} articles annotated blind and held out",
            "note": "One annotator's judgement of epistemic hedges and approximators: treat single cues as "
            "suggestions to check.",
        }
    return hedge_eval_results()


#: How the committed baseline is named on charts and pages: what it is, not just whose articles.
BASELINE_LABEL = "Guardian articles adapted for English learners (OneStopEnglish, advanced)"
#: The full credit line, for captions and the report page.
BASELINE_CREDIT = (
    "OneStopEnglish corpus, advanced level: Guardian news articles as adapted by onestopenglish.com for "
    "advanced learners of English (Vajjala & Lučić 2018, CC BY-SA 4.0)"
)


def baseline_title(article_id: str) -> str:
    """A readable title for a baseline article from its id (a slug of the corpus file name).

    The corpus has no title lines: its titles are file names ("Facebook deserted by
    millions of users"), kept as slugs in the baseline. This gives them back with the
    first letter capitalised; "wnl" (Weekly News Lesson) is written "WNL".
    """
    words = str(article_id).replace("_", " ").replace("-", " ").split()
    if not words:
        return str(article_id)
    words = ["WNL" if w == "wnl" else w for w in words]
    words[0] = words[0][:1].upper() + words[0][1:]
    return " ".join(words)


def build_figures(seed: ArticleTables, comparables: Comparables | None = None) -> dict[str, Figure]:
    """Every figure, keyed by file stem, in the order the notebooks show them."""
    figs: dict[str, Figure] = {
        "01_readability_by_paragraph": plots.readability_by_paragraph(
            seed.paragraphs, seed.article, title=f"Readability by paragraph: {seed.title}"
        ),
        "02_sentiment_arc": plots.sentiment_arc(seed.paragraphs, seed.sentences, title=f"Sentiment arc: {seed.title}"),
        "03_cues_by_paragraph": plots.cues_by_paragraph(
            seed.paragraphs, title=f"Hedges, boosters and attributions: {seed.title}"
        ),
        "04_metric_heatstrip": plots.metric_heatstrip(seed.paragraphs),
    }
    if comparables is not None and not comparables.empty:
        pool = comparables.baseline_articles if not comparables.baseline_articles.empty else comparables.store_articles
        label = BASELINE_LABEL if not comparables.baseline_articles.empty else "articles"
        figs["05_comparable_distributions"] = plots.comparable_distributions(
            seed.article, pool, COMPARED_METRICS, focus_label="seed", comparables_label=label
        )
        focus = seed.article.copy()
        focus["title"] = seed.title
        labelled = pd.concat([pd.DataFrame([focus]), comparables.store_articles], ignore_index=True)
        figs["06_readability_vs_hedging"] = plots.readability_vs_hedging(
            labelled,
            focus_id=str(seed.article["article_id"]),
            background=comparables.baseline_articles,
            background_label=BASELINE_LABEL,
        )
        profiles, titles = profile_inputs(seed, comparables)
        blue = "articles from the store, then " if not comparables.store_articles.empty else ""
        figs["07_paragraph_profiles"] = plots.paragraph_profiles(
            profiles,
            focus_id=str(seed.article["article_id"]),
            titles=titles,
            title=f"Paragraph profiles: {plots.METRIC_LABELS['flesch_kincaid_grade']} along each article\n"
            f"vermillion: the seed; blue: {blue}{BASELINE_LABEL}",
        )
    results = detector_evidence()
    if results is not None:
        figs["08_hedge_detector_scores"] = plots.detector_scores(results)
    if seed.document is not None:
        from analysis.tables import sources

        figs["09_who_hedges"] = plots.who_hedges(
            seed.article, sources(seed.document), title=f"Who hedges: {seed.title}"
        )
    cv = uncertainty_cv_results()
    if cv is not None:
        figs["10_uncertainty_reliability"] = plots.reliability(reliability_series(cv))
    return figs


def reliability_series(cv: dict[str, object]) -> dict[str, list[dict[str, object]]]:
    """The cross-validated reliability bins of speculation and vagueness, labelled with their data."""
    return {
        "speculation (biological sentences)": cv["speculation"]["reliability_bins"],  # type: ignore[index]
        "vagueness (Wikipedia sentences)": cv["vagueness"]["reliability_bins"],  # type: ignore[index]
    }


#: Cross-validated figures of the sentence measures, written by ``scripts/train_uncertainty.py``.
UNCERTAINTY_CV_RESULTS = Path(__file__).resolve().parents[2] / "data" / "benchmarks" / "uncertainty_cv.json"


def uncertainty_cv_results(path: Path = UNCERTAINTY_CV_RESULTS) -> dict[str, object] | None:
    """The sentence measures' cross-validated figures (numbers and feature names only), or None."""
    if not path.is_file():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def benchmark_results(name: str) -> dict[str, object] | None:
    """``data/benchmarks/<name>.json`` (numbers and feature or cue names only), or None when never written.

    ``uncertainty_holdout``: the sentence measures on the frozen part; ``newswire_cues``: located cues on
    hand-annotated news; ``uncertainty_cv`` and ``hedge_eval`` as :func:`uncertainty_cv_results` and
    :func:`hedge_eval_results`.
    """
    return uncertainty_cv_results(UNCERTAINTY_CV_RESULTS.with_name(f"{name}.json"))


def profile_inputs(seed: ArticleTables, comparables: Comparables) -> tuple[pd.DataFrame, dict[str, str]]:
    """Seed, every store article, then baseline articles up to 11 panels in all."""
    frames = [seed.paragraphs, comparables.store_paragraphs]
    titles = {str(seed.article["article_id"]): seed.title}
    if not comparables.store_articles.empty:
        titles.update(
            dict(zip(comparables.store_articles["article_id"], comparables.store_articles["title"], strict=True))
        )
    room = 11 - 1 - comparables.store_articles.shape[0]
    if room > 0 and not comparables.baseline_paragraphs.empty:
        ids = sorted(set(comparables.baseline_paragraphs["article_id"]))[
            :: max(1, len(set(comparables.baseline_paragraphs["article_id"])) // room)
        ][:room]
        frames.append(comparables.baseline_paragraphs[comparables.baseline_paragraphs["article_id"].isin(ids)])
        has_title = "title" in comparables.baseline_articles.columns
        known = (
            dict(zip(comparables.baseline_articles["article_id"], comparables.baseline_articles["title"], strict=True))
            if has_title
            else {}
        )
        titles.update({i: str(known.get(i) or baseline_title(i)) for i in ids})
    return pd.concat([f for f in frames if not f.empty], ignore_index=True), titles


def render_figure(fig: Figure) -> tuple[bytes, bytes]:
    """``(png, svg)`` bytes of ``fig``: PNG at :data:`DPI`, both without timestamps (same input, same bytes)."""
    import io

    import matplotlib as mpl

    png, svg = io.BytesIO(), io.BytesIO()
    with mpl.rc_context(plots.STYLE):
        fig.savefig(png, format="png", dpi=DPI, metadata={"Software": None})
        fig.savefig(svg, format="svg", metadata={"Date": None, "Creator": None})
    return png.getvalue(), svg.getvalue()


def save_figure(fig: Figure, stem: Path) -> list[Path]:
    """Write ``stem.png`` (150 dpi) and ``stem.svg`` without timestamps; return the paths.

    Each file is replaced atomically (:func:`analysis.io.atomic_write_bytes`: a symbolic
    link or a device at that name is refused, never replaced).
    """
    return _write_rendered(stem, render_figure(fig))


def _write_rendered(stem: Path, rendered: tuple[bytes, bytes]) -> list[Path]:
    from analysis.io import atomic_write_bytes

    png, svg = stem.with_suffix(".png"), stem.with_suffix(".svg")
    for path, data in zip((png, svg), rendered, strict=True):
        atomic_write_bytes(path, data, overwrite=True)
    return [png, svg]


def write_figures(seed: ArticleTables, stored: StoreTables, outdir: str | Path = DEFAULT_FIGURES) -> list[Path]:
    """Regenerate every figure of ``seed`` against ``stored`` and the baseline into ``outdir``; the files written.

    The tables come from :func:`analysis.corpus.bundles.seed_store` (this module analyses nothing).
    """
    figs = build_figures(seed, comparable_tables(stored))
    rendered = {name: render_figure(fig) for name, fig in figs.items()}  # every figure drawn before any is written
    written: list[Path] = []
    for name, data in rendered.items():
        written += _write_rendered(Path(outdir) / name, data)
    return written
