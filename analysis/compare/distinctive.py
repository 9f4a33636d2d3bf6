"""Which hedges, boosters and sources are over-represented in a group: log-odds with an informative prior.

Monroe, Colaresi & Quinn (2008), "Fightin' words", section 3.5: the log-odds ratio
of a term between a group and all the other groups, with every count smoothed by
an informative Dirichlet prior, and its z-score. For term ``w``, group counts
``y_w`` (total ``n``), counts of the rest ``r_w`` (total ``m``) and prior
``a_w`` (total ``a0``)::

    delta_w = log((y_w + a_w) / (n + a0 - y_w - a_w)) - log((r_w + a_w) / (m + a0 - r_w - a_w))
    var_w   = 1 / (y_w + a_w) + 1 / (r_w + a_w)
    z_w     = delta_w / sqrt(var_w)

The prior is the pooled counts of all groups times ``prior_scale`` (``a_w = scale * (y_w + r_w)``):
a rare term is pulled towards its pooled rate, so two mentions in one outlet do not
top the list, and the z-score accounts for how many observations the difference
rests on. The default scale, :data:`PRIOR_SCALE` = 0.1, makes the prior worth a tenth
of the pooled counts: with seven outlets about as much as one outlet's own counts
(scale 1, the pooled counts themselves, outweighs any one group several times over
and shrinks every difference towards zero). Rankings change little with the scale;
z-scores grow as it shrinks.
|z| > 1.96 is the conventional "clearly distinctive", not a test corrected for the
number of terms.

What is compared is the make-up of a group's cues (which hedges it uses, among its
hedges) or of its sources (whom it quotes, among its quotations), not how often it
hedges: for rates, see :func:`analysis.compare.compare_groups`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
import pandas as pd

from analysis.compare.groups import group_column

#: Speaker column used by default, and the one used when it is absent.
SPEAKER_COLUMN, SPEAKER_FALLBACK = "speaker_id", "speaker"
#: Strength of the prior as a share of the pooled counts (see the module docstring).
PRIOR_SCALE = 0.1
_SPACES = re.compile(r"\s+")


def log_odds(counts: pd.DataFrame, prior_scale: float = PRIOR_SCALE) -> pd.DataFrame:
    """One-vs-rest log-odds ratios with an informative Dirichlet prior (see the module docstring).

    Args:
        counts: term-by-group counts (index: terms; columns: groups; non-negative numbers).
        prior_scale: the prior as a multiple of the pooled counts (> 0; smaller = weaker prior).

    Returns:
        One row per group and term, columns ``group, term, count, group_total, count_rest,
        rest_total, log_odds, se, z`` (data dictionary: ``DISTINCTIVE_DICTIONARY``), in the
        order of ``counts``. With one group there is no rest: ``log_odds``, ``se`` and ``z`` are NaN.

    Raises:
        ValueError: a negative count or a non-positive ``prior_scale``.
    """
    if prior_scale <= 0:
        raise ValueError(f"prior_scale must be positive, not {prior_scale}")
    y = counts.to_numpy(dtype=float)
    if (y < 0).any():
        raise ValueError("counts must not be negative")
    alpha = prior_scale * y.sum(axis=1)  # per term
    a0 = alpha.sum()
    n = y.sum(axis=0)  # per group
    rows = []
    for j, group in enumerate(counts.columns):
        yw = y[:, j]
        rw = y.sum(axis=1) - yw
        m = n.sum() - n[j]
        with np.errstate(divide="ignore", invalid="ignore"):
            if counts.shape[1] < 2:
                delta = se = np.full(len(yw), np.nan)
            else:
                delta = np.log((yw + alpha) / (n[j] + a0 - yw - alpha)) - np.log((rw + alpha) / (m + a0 - rw - alpha))
                se = np.sqrt(1.0 / (yw + alpha) + 1.0 / (rw + alpha))
            z = delta / se
        rows.append(
            pd.DataFrame(
                {
                    "group": group,
                    "term": counts.index,
                    "count": yw.astype(int) if np.all(yw == yw.round()) else yw,
                    "group_total": n[j],
                    "count_rest": rw,
                    "rest_total": m,
                    "log_odds": delta,
                    "se": se,
                    "z": z,
                }
            )
        )
    from analysis.tables.dictionary import DISTINCTIVE_COLUMNS

    out = pd.concat(rows, ignore_index=True) if rows else pd.DataFrame(columns=["group", "term"])
    return out[[c for c in DISTINCTIVE_COLUMNS if c in out]]


def _normalise(term: object) -> str:
    return _SPACES.sub(" ", str(term)).strip().casefold()


def _ranked(table: pd.DataFrame, min_count: int, top: int | None) -> pd.DataFrame:
    """Terms with at least ``min_count`` uses in all, highest z first within each group."""
    total = table["count"] + table["count_rest"]
    table = table[total >= min_count]
    table = table.sort_values(["group", "z", "term"], ascending=[True, False, True], kind="stable")
    if top is not None:
        table = table.groupby("group", sort=False).head(top)
    return table.reset_index(drop=True)


def distinctive_cues(
    cues: pd.DataFrame,
    by: str = "outlet",
    categories: Sequence[str] = ("hedge", "booster"),
    *,
    voices: Sequence[str] | None = None,
    roles: Sequence[str] | None = ("body",),
    min_count: int = 3,
    prior_scale: float = PRIOR_SCALE,
    top: int | None = None,
) -> pd.DataFrame:
    """Cues over-represented in each group, per category: which hedges (boosters...) a group favours.

    Args:
        cues: the cue table (:func:`analysis.tables.cues`, or a corpus run at ``level="cue"``),
            with the ``by`` column (or ``date`` for ``month``/``week``).
        by: the grouping column or period.
        categories: cue categories, each compared on its own (``hedge``, ``booster``, ``attribution``).
        voices: only cues in these voices (``author``, ``quoted``, ``reported``); ``None``: all.
        roles: only cues in paragraphs of these roles (default the body); ``None``: all.
        min_count: leave out terms used fewer times than this in all groups together.
        prior_scale: strength of the prior (:func:`log_odds`).
        top: at most this many terms per group and category (highest z first); ``None``: all.

    Returns:
        Columns ``category`` then those of :func:`log_odds`; ``term`` is the cue as written,
        lower-cased, spaces normalised. Empty (same columns) when no cue is left.
    """
    from analysis.tables.dictionary import DISTINCTIVE_COLUMNS

    df = cues
    if roles is not None and "role" in df:
        df = df[df["role"].isin(list(roles))]
    if voices is not None:
        df = df[df["voice"].isin(list(voices))]
    df = df.assign(_group=group_column(df, by), _term=df["text"].map(_normalise)).dropna(subset=["_group"])
    frames = []
    for category in categories:
        sub = df[df["category"] == category]
        if sub.empty:
            continue
        counts = pd.crosstab(sub["_term"], sub["_group"]).sort_index()
        table = _ranked(log_odds(counts, prior_scale), min_count, top)
        table.insert(0, "category", category)
        frames.append(table)
    columns = ["category", *DISTINCTIVE_COLUMNS]
    return pd.concat(frames, ignore_index=True)[columns] if frames else pd.DataFrame(columns=columns)


def distinctive_sources(
    sources: pd.DataFrame,
    by: str = "outlet",
    speaker_column: str = SPEAKER_COLUMN,
    *,
    weight: str = "passages",
    named_only: bool = False,
    min_count: int = 3,
    prior_scale: float = PRIOR_SCALE,
    top: int | None = None,
) -> pd.DataFrame:
    """Sources over-represented in each group: whom a group quotes or reports more than the others.

    Args:
        sources: the sources table (one row per source of an article), with the ``by`` column.
        by: the grouping column or period.
        speaker_column: the column naming each source; when the table has none,
            ``speaker`` is used (so a table with a normalised ``speaker_id`` groups the
            spellings of one person, one without still works).
        weight: what counts: ``passages`` (direct quotations plus reported statements),
            ``words`` (their words) or ``articles`` (articles quoting the source).
        named_only: leave out unnamed sources ("officials") when the table has ``named``.
        min_count: leave out sources counted fewer times than this in all groups together.
        prior_scale: strength of the prior (:func:`log_odds`).
        top: at most this many sources per group (highest z first).

    Returns:
        The columns of :func:`log_odds`, ``term`` being the source; empty speakers (passages
        whose source is unknown) are left out.

    Raises:
        ValueError: neither ``speaker_column`` nor ``speaker`` is a column, or an unknown ``weight``.
    """
    from analysis.tables.dictionary import DISTINCTIVE_COLUMNS

    column = speaker_column if speaker_column in sources else SPEAKER_FALLBACK
    if column not in sources:
        raise ValueError(f"the sources table has no {speaker_column!r} or {SPEAKER_FALLBACK!r} column")
    weights = {
        "passages": lambda d: d["direct"] + d["reported"],
        "words": lambda d: d["words"],
        "articles": lambda d: pd.Series(1, index=d.index),
    }
    if weight not in weights:
        raise ValueError(f"weight must be one of {', '.join(weights)}, not {weight!r}")
    df = sources
    if named_only and "named" in df:
        df = df[df["named"].astype(bool)]
    speaker = df[column].fillna("").astype(str).str.strip()
    df = df.assign(_group=group_column(df, by), _term=speaker, _w=weights[weight](df))
    df = df[(df["_term"] != "")].dropna(subset=["_group"])
    if df.empty:
        return pd.DataFrame(columns=list(DISTINCTIVE_COLUMNS))
    if weight == "articles" and "article_id" in df:
        df = df.drop_duplicates(["_group", "_term", "article_id"])
    counts = df.pivot_table(index="_term", columns="_group", values="_w", aggfunc="sum", fill_value=0).sort_index()
    counts.columns.name = None
    return _ranked(log_odds(counts, prior_scale), min_count, top)


__all__ = ["PRIOR_SCALE", "SPEAKER_COLUMN", "distinctive_cues", "distinctive_sources", "log_odds"]
