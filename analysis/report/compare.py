"""Place one article against comparable coverage: percentile ranks per metric."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pandas as pd

#: Article-level metrics compared by default (all per-article, length-independent).
COMPARED_METRICS: tuple[str, ...] = (
    "flesch_kincaid_grade",
    "flesch_reading_ease",
    "gunning_fog",
    "words_per_sentence",
    "sentiment_compound",
    "sentiment_neg",
    "hedges_per_100w",
    "boosters_per_100w",
    "attributions_per_100w",
)


def percentile_rank(values: Sequence[float] | pd.Series, x: float) -> float:
    """Percentile rank of ``x`` among ``values``, in % (0-100), ties counted half.

    NaNs among ``values`` are ignored; returns NaN when no finite value is left or
    ``x`` is NaN. 50 means "as many comparables below as above".
    """
    arr = np.asarray(values, dtype=float)
    arr = arr[np.isfinite(arr)]
    if not len(arr) or not math.isfinite(x):
        return math.nan
    return float(100.0 * ((arr < x).sum() + 0.5 * (arr == x).sum()) / len(arr))


def percentile_table(
    focus: pd.Series, comparables: pd.DataFrame, metrics: Sequence[str] = COMPARED_METRICS
) -> pd.DataFrame:
    """Per metric: the focus article's value, comparables' median and quartiles, percentile rank.

    ``focus`` is an article row (e.g. :func:`analysis.article_metrics`), ``comparables``
    one row per comparable article with the same columns. Index: metric name.
    """
    rows = []
    for m in metrics:
        col = comparables[m].astype(float)
        rows.append(
            {
                "metric": m,
                "article": float(focus[m]),
                "median": float(col.median()),
                "p25": float(col.quantile(0.25)),
                "p75": float(col.quantile(0.75)),
                "percentile": percentile_rank(col, float(focus[m])),
                "n": int(col.notna().sum()),
            }
        )
    return pd.DataFrame(rows).set_index("metric")
