"""Compare groups of articles (outlets, kinds, authors, months): pure functions over the article and cue tables.

* :mod:`analysis.compare.groups`: per-group summaries with bootstrap intervals, a
  Kruskal-Wallis test across groups, pairwise Mann-Whitney U tests (Holm-corrected)
  with Cliff's delta (:func:`compare_groups`);
* :mod:`analysis.compare.distinctive`: cues and sources over-represented in a group,
  log-odds ratios with an informative Dirichlet prior (:func:`distinctive_cues`,
  :func:`distinctive_sources`);
* :mod:`analysis.compare.timeline`: per-group measures by week or month (:func:`over_time`).

Every column of their tables is defined in :mod:`analysis.tables.dictionary`.
"""

from __future__ import annotations

from analysis.compare.distinctive import distinctive_cues, distinctive_sources, log_odds
from analysis.compare.groups import MEASURES, GroupComparison, add_rates, compare_groups, group_column
from analysis.compare.timeline import over_time

__all__ = [
    "MEASURES",
    "GroupComparison",
    "add_rates",
    "compare_groups",
    "distinctive_cues",
    "distinctive_sources",
    "group_column",
    "log_odds",
    "over_time",
]
