"""Do groups of articles differ? Summaries with intervals and rank tests, one measure at a time.

Input: the article table (one row per article: :func:`analysis.analyze_corpus` with
``level="article"``), grouped by any metadata column (``outlet``, ``kind``, ``author``,
a carried column) or by ``month``/``week`` derived from ``date`` (:func:`group_column`).
Rates are per 100 words, so long and short articles compare fairly
(:func:`add_rates` adds the author's hedges per 100 words of their own text).

For each measure (:data:`MEASURES`) and group: ``n``, median, quartiles, IQR, mean and
a bootstrap 95% interval of the mean (percentile method, ``n_boot`` resamples of the
group's articles, seeded: the same table gives the same interval). Across groups:
the Kruskal-Wallis H test (as :func:`scipy.stats.kruskal`) with its effect size
epsilon-squared, ``(H - k + 1) / (n - k)``. Between every two groups: the two-sided
Mann-Whitney U test (as :func:`scipy.stats.mannwhitneyu`), p-values Holm-corrected over
the pairs of one measure, and Cliff's delta (the rank-biserial correlation, from U):
``P(a > b) - P(a < b)`` for an article of group a and one of group b, -1..1.

Assumptions, stated once: articles are independent observations (several articles
about one event, or by one author, are not: read p-values as descriptive then); the
tests use ranks only, so they need no normality and are robust to outliers, and
they compare whole distributions (a difference in spread can be significant with
equal medians); ties are handled by average ranks with the tie correction. With
fewer than 5 articles in a group an interval or a test says little; ``n`` is
always shown.

The tests give SciPy's numbers (the tests compare them); the large-sample formulas are
computed here with :mod:`scipy.special`, because importing :mod:`scipy.stats` costs
one to three seconds, half the time budget of a comparison over 1,000 cached articles.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

import numpy as np
import pandas as pd

#: Article-level measures compared by default: column -> label with unit.
MEASURES: dict[str, str] = {
    "hedges_per_100w": "Hedges /100 words",
    "boosters_per_100w": "Boosters /100 words",
    "attributions_per_100w": "Attributions /100 words",
    "author_hedges_per_100w": "Author's hedges /100 of their words",
    "flesch_kincaid_grade": "Flesch-Kincaid grade",
    "sentiment_compound": "Sentiment (VADER compound)",
}
#: Groups derived from the ``date`` column.
PERIODS: tuple[str, ...] = ("month", "week")
#: Bootstrap resamples and seed by default.
N_BOOT = 2000
SEED = 0


@dataclass(frozen=True)
class GroupComparison:
    """What :func:`compare_groups` found; columns of each table are in the data dictionary.

    Attributes:
        by: the grouping column.
        summary: one row per measure and group (:data:`analysis.tables.dictionary.GROUP_SUMMARY_DICTIONARY`).
        tests: one row per measure, Kruskal-Wallis across groups (``GROUP_TEST_DICTIONARY``).
        pairs: one row per measure and pair of groups, Mann-Whitney U (``GROUP_PAIR_DICTIONARY``).
        excluded: articles left out because their group value is empty (or their date unreadable).
        notes: what was left out or is too small, in plain words.
    """

    by: str
    summary: pd.DataFrame
    tests: pd.DataFrame
    pairs: pd.DataFrame
    excluded: int = 0
    notes: list[str] = field(default_factory=list)


def add_rates(articles: pd.DataFrame) -> pd.DataFrame:
    """``articles`` with ``author_hedges_per_100w``: the author's hedges per 100 words of their own text.

    Args:
        articles: article rows with ``author_hedges`` and ``author_words``.

    Returns:
        A copy with the column added (NaN where the author wrote no words of their own).

    Raises:
        ValueError: a needed column is missing (tables written before ``author_words`` existed).
    """
    missing = [c for c in ("author_hedges", "author_words") if c not in articles]
    if missing:
        raise ValueError(f"the article table has no {' or '.join(missing)} column: analyse the articles again")
    out = articles.copy()
    words = pd.to_numeric(out["author_words"], errors="coerce").astype(float)
    hedges = pd.to_numeric(out["author_hedges"], errors="coerce").astype(float)
    out["author_hedges_per_100w"] = np.where(words > 0, 100.0 * hedges / words.where(words > 0), np.nan)
    return out


def group_column(articles: pd.DataFrame, by: str) -> pd.Series:
    """The group of each article: the ``by`` column as text, or a period of ``date`` for ``month``/``week``.

    ``month`` is ``YYYY-MM``; ``week`` is the ISO week ``YYYY-Www`` (weeks start on Monday).
    A column named ``month`` or ``week`` in the table is used as it is. Empty values and
    unreadable dates are ``None``.

    Raises:
        ValueError: ``by`` is neither a column nor a period of an existing ``date`` column.
    """
    if by in articles:
        values = articles[by]
        return values.map(
            lambda v: (
                None if v is None or (isinstance(v, float) and np.isnan(v)) or not str(v).strip() else str(v).strip()
            )
        )
    if by in PERIODS:
        if "date" not in articles:
            raise ValueError(f"grouping by {by} needs a 'date' column; the table has none")
        out: list[str | None] = []
        for d in parse_dates(articles["date"]):
            if pd.isna(d):
                out.append(None)
            elif by == "month":
                out.append(f"{d.year:04d}-{d.month:02d}")
            else:
                year, week, _ = d.isocalendar()
                out.append(f"{year:04d}-W{week:02d}")
        return pd.Series(out, index=articles.index, dtype=object)
    known = ", ".join(sorted(map(str, articles.columns)))
    raise ValueError(f"cannot group by {by!r}: not a column (columns: {known}) nor one of {', '.join(PERIODS)}")


def parse_dates(dates: pd.Series) -> pd.Series:
    """Dates as Timestamps (``NaT`` when empty or unreadable): ISO 8601 (``2016-03-01``, with a time or not)
    first, then any form pandas reads (``March 1, 2016``, ``2016/03/01``); time zones dropped."""
    import warnings

    text = dates.astype("string").str.strip()
    parsed = pd.to_datetime(text.str[:10], errors="coerce", format="%Y-%m-%d")
    for i in np.flatnonzero(parsed.isna().to_numpy() & text.notna().to_numpy() & (text != "").to_numpy()):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            value = pd.to_datetime(text.iloc[i], errors="coerce")
        if not pd.isna(value):
            parsed.iloc[i] = pd.Timestamp(value).tz_localize(None) if value.tzinfo else value
    return parsed


def bootstrap_mean_interval(
    values: np.ndarray, n_boot: int = N_BOOT, seed: int = SEED, confidence: float = 0.95
) -> tuple[float, float]:
    """Percentile bootstrap interval of the mean, seeded: the same numbers as
    ``scipy.stats.bootstrap(..., method="percentile", rng=np.random.default_rng(seed))``.

    ``n_boot`` resamples of ``len(values)`` drawn with replacement (one ``rng.integers`` call,
    as SciPy draws them); the interval is the ``(1 - confidence) / 2`` and ``(1 + confidence) / 2``
    percentiles of their means. Returns ``(nan, nan)`` for fewer than 2 values; ``(v, v)``
    when all values are ``v``.
    """
    values = np.asarray(values, dtype=float)
    if len(values) < 2:
        return (float("nan"), float("nan"))
    if np.all(values == values[0]):
        return (float(values[0]), float(values[0]))
    rng = np.random.default_rng(seed)
    means = values[rng.integers(0, len(values), (n_boot, len(values)))].mean(axis=1)
    alpha = (1 - confidence) / 2
    low, high = np.percentile(means, [100 * alpha, 100 * (1 - alpha)])
    return (float(low), float(high))


def _ranks(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Average ranks (1-based, ties share their mean rank) and the size of every group of ties."""
    _, inverse, counts = np.unique(values, return_inverse=True, return_counts=True)
    ends = np.cumsum(counts)
    return (ends - (counts - 1) / 2.0)[inverse], counts


def kruskal_wallis(samples: Sequence[np.ndarray]) -> tuple[float, float]:
    """Kruskal-Wallis H and its p-value (chi-squared, ``k - 1`` degrees of freedom), tie-corrected.

    The computation of :func:`scipy.stats.kruskal` (tested against it), without importing
    :mod:`scipy.stats` (seconds on a loaded machine). ``(nan, nan)`` with fewer than two
    non-empty samples or when every value is equal.
    """
    from scipy.special import chdtrc

    samples = [np.asarray(x, dtype=float) for x in samples if len(x)]
    if len(samples) < 2:
        return (float("nan"), float("nan"))
    pooled = np.concatenate(samples)
    n = len(pooled)
    ranks, ties = _ranks(pooled)
    correction = 1.0 - float((ties**3 - ties).sum()) / (n**3 - n)
    if correction == 0:
        return (float("nan"), float("nan"))
    bounds = np.cumsum([0, *(len(x) for x in samples)])
    sums = np.array([ranks[a:b].sum() for a, b in zip(bounds[:-1], bounds[1:], strict=True)])
    sizes = np.diff(bounds)
    h = (12.0 / (n * (n + 1)) * float((sums**2 / sizes).sum()) - 3 * (n + 1)) / correction
    return (h, float(chdtrc(len(samples) - 1, h)))


def mann_whitney(x: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """Two-sided Mann-Whitney U of ``x`` and its p-value, as :func:`scipy.stats.mannwhitneyu` gives them.

    SciPy's method choice is kept: the exact distribution when a sample has at most 8
    values and there are no ties (then SciPy computes it), else the normal approximation
    with tie and continuity corrections (computed here, SciPy's formula, without importing
    :mod:`scipy.stats`).
    """
    from scipy.special import ndtr

    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    n1, n2 = len(x), len(y)
    ranks, ties = _ranks(np.concatenate([x, y]))
    if (n1 <= 8 or n2 <= 8) and not (ties > 1).any():
        from scipy import stats

        res = stats.mannwhitneyu(x, y, alternative="two-sided", method="exact")
        return (float(res.statistic), float(res.pvalue))
    u1 = float(ranks[:n1].sum()) - n1 * (n1 + 1) / 2
    u = max(u1, n1 * n2 - u1)
    n = n1 + n2
    s = np.sqrt(n1 * n2 / 12 * ((n + 1) - float((ties**3 - ties).sum()) / (n * (n - 1))))
    z = (u - n1 * n2 / 2 - 0.5) / s if s > 0 else float("nan")
    return (u1, float(min(1.0, 2 * ndtr(-z))) if np.isfinite(z) else 1.0)


def holm(pvalues: Sequence[float]) -> np.ndarray:
    """Holm's step-down adjustment of ``pvalues`` (NaNs kept and not counted); capped at 1.

    The ``i``-th smallest of ``m`` p-values is multiplied by ``m - i`` (``i`` from 0), then
    made non-decreasing in that order.
    """
    p = np.asarray(pvalues, dtype=float)
    out = np.full_like(p, np.nan)
    ok = np.flatnonzero(~np.isnan(p))
    m = len(ok)
    if not m:
        return out
    order = ok[np.argsort(p[ok], kind="stable")]
    adjusted = np.minimum(1.0, np.maximum.accumulate((m - np.arange(m)) * p[order]))
    out[order] = adjusted
    return out


def cliffs_delta(u: float, n1: int, n2: int) -> float:
    """Cliff's delta from the Mann-Whitney U of the first sample: ``2U / (n1 n2) - 1`` (ties count half)."""
    return 2.0 * u / (n1 * n2) - 1.0 if n1 and n2 else float("nan")


def compare_groups(
    articles: pd.DataFrame,
    by: str = "outlet",
    measures: Sequence[str] | None = None,
    *,
    n_boot: int = N_BOOT,
    seed: int = SEED,
    confidence: float = 0.95,
    groups: Sequence[str] | None = None,
) -> GroupComparison:
    """Compare the article-level ``measures`` across the groups of ``by`` (see the module docstring).

    Args:
        articles: the article table, one row per article (``author_hedges_per_100w`` is added
            from ``author_hedges`` and ``author_words`` when absent).
        by: a column, or ``month``/``week`` (from ``date``).
        measures: numeric columns; default :data:`MEASURES` (those the table has).
        n_boot: bootstrap resamples per interval.
        seed: seed of every bootstrap (each group and measure starts from it).
        confidence: level of the intervals.
        groups: only these groups, in this order; default every group, sorted (periods
            chronologically).

    Returns:
        The :class:`GroupComparison`. A measure's NaN values (an article without body words)
        are left out of that measure only.

    Raises:
        ValueError: ``by`` or a measure is not a column, or no article has a group.
    """
    if "author_hedges_per_100w" not in articles and {"author_hedges", "author_words"} <= set(articles.columns):
        articles = add_rates(articles)
    chosen = [m for m in MEASURES if m in articles] if measures is None else list(measures)
    unknown = [m for m in chosen if m not in articles]
    if unknown:
        raise ValueError(f"unknown measure {unknown[0]!r}: not a column of the article table")
    key = group_column(articles, by)
    excluded = int(key.isna().sum())
    notes = [f"{excluded} article(s) without a {by} left out"] if excluded else []
    names = sorted({str(k) for k in key.dropna()}) if groups is None else [str(g) for g in groups]
    if not names:
        raise ValueError(f"no article has a {by}: nothing to compare")
    summary_rows: list[dict[str, Any]] = []
    test_rows: list[dict[str, Any]] = []
    pair_rows: list[dict[str, Any]] = []
    for measure in chosen:
        values = pd.to_numeric(articles[measure], errors="coerce").astype(float)
        samples = {g: values[key == g].dropna().to_numpy() for g in names}
        for g in names:
            x = samples[g]
            lo, hi = bootstrap_mean_interval(x, n_boot, seed, confidence)
            q1, med, q3 = np.quantile(x, [0.25, 0.5, 0.75]) if len(x) else (np.nan,) * 3
            summary_rows.append(
                {
                    "measure": measure,
                    "group": g,
                    "n": len(x),
                    "median": float(med),
                    "q1": float(q1),
                    "q3": float(q3),
                    "iqr": float(q3 - q1),
                    "mean": float(x.mean()) if len(x) else np.nan,
                    "mean_low": lo,
                    "mean_high": hi,
                }
            )
        present = [g for g in names if len(samples[g])]
        n_total = sum(len(samples[g]) for g in present)
        h, p = kruskal_wallis([samples[g] for g in present])
        k = len(present)
        eps2 = (h - k + 1) / (n_total - k) if n_total > k and not np.isnan(h) else np.nan
        test_rows.append(
            {
                "measure": measure,
                "test": "Kruskal-Wallis",
                "groups": k,
                "n": n_total,
                "statistic": h,
                "df": k - 1,
                "p": p,
                "epsilon_squared": eps2,
            }
        )
        rows: list[dict[str, Any]] = []
        for a, b in combinations(names, 2):
            x, y = samples[a], samples[b]
            u, pu = np.nan, np.nan
            if len(x) and len(y) and not np.all(np.concatenate([x, y]) == x[0]):
                u, pu = mann_whitney(x, y)
            elif len(x) and len(y):
                u = len(x) * len(y) / 2.0  # every value tied: no evidence either way
                pu = 1.0
            rows.append(
                {
                    "measure": measure,
                    "group_a": a,
                    "group_b": b,
                    "n_a": len(x),
                    "n_b": len(y),
                    "test": "Mann-Whitney U",
                    "u": u,
                    "p": pu,
                    "median_difference": (float(np.median(x) - np.median(y)) if len(x) and len(y) else np.nan),
                    "cliffs_delta": cliffs_delta(u, len(x), len(y)) if not np.isnan(u) else np.nan,
                }
            )
        adjusted = holm([r["p"] for r in rows])
        for r, pa in zip(rows, adjusted, strict=True):
            r["p_holm"] = float(pa)
        pair_rows += rows
    small = sorted({r["group"] for r in summary_rows if 0 < r["n"] < 5})
    if small:
        notes.append(f"fewer than 5 articles in {', '.join(small)}: their intervals and tests say little")
    from analysis.tables.dictionary import GROUP_PAIR_COLUMNS, GROUP_SUMMARY_COLUMNS, GROUP_TEST_COLUMNS

    return GroupComparison(
        by=by,
        summary=pd.DataFrame(summary_rows, columns=list(GROUP_SUMMARY_COLUMNS)),
        tests=pd.DataFrame(test_rows, columns=list(GROUP_TEST_COLUMNS)),
        pairs=pd.DataFrame(pair_rows, columns=list(GROUP_PAIR_COLUMNS)),
        excluded=excluded,
        notes=notes,
    )


def _num(v: float, digits: int = 2) -> str:
    return "-" if v is None or not np.isfinite(v) else f"{v:.{digits}f}"


def _p(p: float) -> str:
    if p is None or not np.isfinite(p):
        return "no test"
    return "p < 0.001" if p < 0.001 else f"p = {p:.3f}"


def format_comparison(comparison: GroupComparison, alpha: float = 0.05, max_pairs: int = 6) -> str:
    """The comparison as text for reading: per measure the test across groups, one line per group, the
    pairs that differ (Holm-corrected p below ``alpha``, largest Cliff's delta first).

    Args:
        comparison: what :func:`compare_groups` returned.
        alpha: the level a corrected pairwise p-value is compared with.
        max_pairs: pairs listed per measure at most (the table has them all).

    Returns:
        Plain text, one block per measure, ending with a newline.
    """
    summary = comparison.summary
    width = max([len("group"), *(len(str(g)) for g in summary["group"])])
    width = min(width, 40)
    tests = comparison.tests.set_index("measure")
    out = []
    for measure in dict.fromkeys(summary["measure"]):
        t = tests.loc[measure]
        test = (
            f"Kruskal-Wallis H = {_num(t['statistic'])}, df {int(t['df'])}, {_p(t['p'])}, "
            f"epsilon-squared {_num(t['epsilon_squared'], 3)}"
            if np.isfinite(t["statistic"])
            else "no test: every value is equal, or fewer than 2 groups"
        )
        out.append(f"{MEASURES.get(measure, measure)} [{measure}]  ({test})")
        out.append(f"  {'group':<{width}} {'n':>5} {'median':>8} {'IQR':>7} {'mean':>8}  95% interval of the mean")
        for _, r in summary[summary["measure"] == measure].iterrows():
            name = str(r["group"])[:width]
            out.append(
                f"  {name:<{width}} {int(r['n']):>5} {_num(r['median']):>8} {_num(r['iqr']):>7} "
                f"{_num(r['mean']):>8}  [{_num(r['mean_low'])}, {_num(r['mean_high'])}]"
            )
        pairs = comparison.pairs[(comparison.pairs["measure"] == measure) & (comparison.pairs["p_holm"] < alpha)]
        if len(pairs):
            pairs = pairs.reindex(pairs["cliffs_delta"].abs().sort_values(ascending=False).index)
            shown = []
            for _, r in pairs.head(max_pairs).iterrows():
                hi, lo = (r["group_a"], r["group_b"]) if r["cliffs_delta"] > 0 else (r["group_b"], r["group_a"])
                shown.append(f"{hi} > {lo} (Cliff's delta {abs(r['cliffs_delta']):.2f}, Holm {_p(r['p_holm'])})")
            more = f"; and {len(pairs) - max_pairs} more" if len(pairs) > max_pairs else ""
            out.append(f"  differ (Holm-corrected p < {alpha}): " + "; ".join(shown) + more)
        else:
            out.append(f"  no pair of groups differs at Holm-corrected p < {alpha}")
        out.append("")
    out += [f"note: {n}" for n in comparison.notes]
    return "\n".join(out).rstrip("\n") + "\n"


__all__ = [
    "MEASURES",
    "PERIODS",
    "GroupComparison",
    "add_rates",
    "bootstrap_mean_interval",
    "cliffs_delta",
    "compare_groups",
    "format_comparison",
    "group_column",
    "holm",
    "kruskal_wallis",
    "mann_whitney",
    "parse_dates",
]
