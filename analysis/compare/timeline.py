"""Measures over time: per group and week or month, the mean with a bootstrap interval and the median.

The periods come from the ``date`` column (:func:`analysis.compare.groups.group_column`:
``YYYY-MM`` or ISO weeks ``YYYY-Www``); articles with no readable date are left out and
counted. Every period between the first and the last of a group is a row, so a gap
shows as ``n = 0`` (and NaN values) rather than as a line drawn straight across it.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from analysis.compare.groups import N_BOOT, SEED, add_rates, bootstrap_mean_interval, group_column


def period_start(period: str) -> pd.Timestamp:
    """The first day of a ``YYYY-MM`` month or a ``YYYY-Www`` ISO week (its Monday)."""
    if "-W" in period:
        year, week = period.split("-W")
        return pd.Timestamp.fromisocalendar(int(year), int(week), 1)
    return pd.Timestamp(f"{period}-01")


def _periods(first: str, last: str, period: str) -> list[str]:
    start, end = period_start(first), period_start(last)
    if period == "month":
        return [f"{d.year:04d}-{d.month:02d}" for d in pd.date_range(start, end, freq="MS")]
    out = []
    for d in pd.date_range(start, end, freq="7D"):
        year, week, _ = d.isocalendar()
        out.append(f"{year:04d}-W{week:02d}")
    return out


def over_time(
    articles: pd.DataFrame,
    by: str | None = "outlet",
    period: str = "month",
    measures: Sequence[str] = ("hedges_per_100w",),
    *,
    n_boot: int = N_BOOT,
    seed: int = SEED,
    confidence: float = 0.95,
) -> pd.DataFrame:
    """Per group, period and measure: ``n``, mean, its bootstrap interval, median.

    Args:
        articles: the article table (``date`` and the ``by`` column).
        by: the grouping column; ``None``: all articles as one group named ``all``.
        period: ``month`` or ``week``.
        measures: numeric columns (``author_hedges_per_100w`` is derived when asked for).
        n_boot: bootstrap resamples per interval (seeded with ``seed``, as in :func:`compare_groups`).
        seed: the seed of every bootstrap.
        confidence: level of the intervals.

    Returns:
        Columns of ``TIMELINE_DICTIONARY`` (data dictionary), sorted by measure, group and period;
        ``attrs["excluded"]`` counts articles without a readable date or a group.

    Raises:
        ValueError: an unknown ``period`` or measure, or no article with a date.
    """
    from analysis.tables.dictionary import TIMELINE_COLUMNS

    if period not in ("month", "week"):
        raise ValueError(f"period must be 'month' or 'week', not {period!r}")
    if "author_hedges_per_100w" in measures and "author_hedges_per_100w" not in articles:
        articles = add_rates(articles)
    unknown = [m for m in measures if m not in articles]
    if unknown:
        raise ValueError(f"unknown measure {unknown[0]!r}: not a column of the article table")
    when = group_column(articles, period)
    group = group_column(articles, by) if by is not None else pd.Series("all", index=articles.index, dtype=object)
    keep = when.notna() & group.notna()
    if not keep.any():
        raise ValueError("no article has a readable date (and a group): nothing to put on a time line")
    rows = []
    for measure in measures:
        values = pd.to_numeric(articles[measure], errors="coerce").astype(float)
        for g in sorted(set(group[keep])):
            mine = keep & (group == g)
            for p in _periods(min(when[mine]), max(when[mine]), period):
                x = values[mine & (when == p)].dropna().to_numpy()
                lo, hi = bootstrap_mean_interval(x, n_boot, seed, confidence)
                rows.append(
                    {
                        "measure": measure,
                        "group": g,
                        "period": p,
                        "period_start": period_start(p),
                        "n": len(x),
                        "mean": float(x.mean()) if len(x) else np.nan,
                        "mean_low": lo,
                        "mean_high": hi,
                        "median": float(np.median(x)) if len(x) else np.nan,
                    }
                )
    out = pd.DataFrame(rows, columns=list(TIMELINE_COLUMNS))
    out.attrs["excluded"] = int((~keep).sum())
    return out


__all__ = ["over_time", "period_start"]
