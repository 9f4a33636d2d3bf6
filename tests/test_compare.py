"""Group comparison, distinctive terms and time lines: checked against SciPy's own functions on small tables."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from analysis.compare import compare_groups, distinctive_cues, distinctive_sources, log_odds, over_time
from analysis.compare.groups import add_rates, bootstrap_mean_interval, cliffs_delta, group_column, holm
from analysis.tables.dictionary import (
    DISTINCTIVE_COLUMNS,
    GROUP_PAIR_COLUMNS,
    GROUP_SUMMARY_COLUMNS,
    GROUP_TEST_COLUMNS,
    TIMELINE_COLUMNS,
)

A = [1.2, 0.8, 2.5, 1.9, 0.4, 1.1]
B = [2.2, 3.1, 2.9, 1.7, 2.4]
C = [0.3, 0.2, 0.9, 0.5]


def articles() -> pd.DataFrame:
    rows = []
    for outlet, values in (("A", A), ("B", B), ("C", C)):
        for i, v in enumerate(values):
            rows.append(
                {
                    "article_id": f"{outlet}{i}",
                    "outlet": outlet,
                    "hedges_per_100w": v,
                    "flesch_kincaid_grade": 8 + v,
                    "author_hedges": i,
                    "author_words": 100 * (i + 1),
                    "date": f"2016-0{1 + i % 3}-1{i}",
                }
            )
    rows.append(
        {
            "article_id": "none",
            "outlet": "",
            "hedges_per_100w": 9.0,
            "flesch_kincaid_grade": 9.0,
            "author_hedges": 0,
            "author_words": 0,
            "date": "",
        }
    )
    return pd.DataFrame(rows)


def test_summary_matches_numpy_and_scipy() -> None:
    result = compare_groups(articles(), "outlet", ["hedges_per_100w"])
    assert list(result.summary.columns) == list(GROUP_SUMMARY_COLUMNS)
    s = result.summary.set_index("group")
    for g, values in (("A", A), ("B", B), ("C", C)):
        assert s.loc[g, "n"] == len(values)
        assert s.loc[g, "median"] == pytest.approx(np.median(values))
        q1, q3 = np.percentile(values, [25, 75])
        assert s.loc[g, "iqr"] == pytest.approx(q3 - q1) and s.loc[g, "q1"] == pytest.approx(q1)
        ref = stats.bootstrap(
            (np.array(values),), np.mean, n_resamples=2000, method="percentile", random_state=np.random.default_rng(0)
        )
        assert s.loc[g, "mean_low"] == pytest.approx(ref.confidence_interval.low)
        assert s.loc[g, "mean_high"] == pytest.approx(ref.confidence_interval.high)
        assert s.loc[g, "mean_low"] <= np.mean(values) <= s.loc[g, "mean_high"]
    assert result.excluded == 1 and "1 article(s) without a outlet" in result.notes[0]


def test_kruskal_and_pairs_match_scipy_with_holm() -> None:
    result = compare_groups(articles(), "outlet", ["hedges_per_100w"])
    assert list(result.tests.columns) == list(GROUP_TEST_COLUMNS)
    h, p = stats.kruskal(A, B, C)
    t = result.tests.iloc[0]
    assert t["statistic"] == pytest.approx(h) and t["p"] == pytest.approx(p) and t["df"] == 2
    assert t["epsilon_squared"] == pytest.approx((h - 3 + 1) / (15 - 3))
    pairs = result.pairs.set_index(["group_a", "group_b"])
    assert list(result.pairs.columns) == list(GROUP_PAIR_COLUMNS)
    raw = {}
    for a, b, x, y in (("A", "B", A, B), ("A", "C", A, C), ("B", "C", B, C)):
        ref = stats.mannwhitneyu(x, y, alternative="two-sided")
        row = pairs.loc[(a, b)]
        assert row["u"] == pytest.approx(ref.statistic) and row["p"] == pytest.approx(ref.pvalue)
        greater = sum(xi > yi for xi in x for yi in y) - sum(xi < yi for xi in x for yi in y)
        assert row["cliffs_delta"] == pytest.approx(greater / (len(x) * len(y)))
        raw[(a, b)] = ref.pvalue
    ordered = sorted(raw, key=raw.get)
    running = 0.0
    for i, key in enumerate(ordered):  # Holm by hand
        running = max(running, min(1.0, (3 - i) * raw[key]))
        assert pairs.loc[key, "p_holm"] == pytest.approx(running)


@pytest.mark.parametrize(
    ("pvalues", "expected"),
    [
        ([0.01, 0.04, 0.03], [0.03, 0.06, 0.06]),
        ([0.5, float("nan"), 0.01], [0.5, float("nan"), 0.02]),
        ([0.9, 0.8], [1.0, 1.0]),
        ([0.02, 0.01], [0.02, 0.02]),
        ([], []),
    ],
)
def test_holm_adjustment(pvalues: list[float], expected: list[float]) -> None:
    np.testing.assert_allclose(holm(pvalues), expected, equal_nan=True)


def test_cliffs_delta_extremes() -> None:
    assert cliffs_delta(0, 3, 4) == -1 and cliffs_delta(12, 3, 4) == 1 and cliffs_delta(6, 3, 4) == 0


def test_bootstrap_is_seeded_and_degenerate_cases() -> None:
    x = np.linspace(0.0, 5.0, 23) ** 1.5
    assert bootstrap_mean_interval(x, seed=3) == bootstrap_mean_interval(x, seed=3)
    assert bootstrap_mean_interval(x, seed=3) != bootstrap_mean_interval(x, seed=4)
    assert all(math.isnan(v) for v in bootstrap_mean_interval(np.array([1.0])))
    assert bootstrap_mean_interval(np.array([2.0, 2.0, 2.0])) == (2.0, 2.0)


def test_all_equal_values_give_no_test_not_an_error() -> None:
    df = pd.DataFrame({"outlet": ["A", "A", "B", "B"], "hedges_per_100w": [1.0] * 4})
    result = compare_groups(df, "outlet", ["hedges_per_100w"])
    assert math.isnan(result.tests.iloc[0]["p"])
    assert result.pairs.iloc[0]["p"] == 1.0 and result.pairs.iloc[0]["cliffs_delta"] == 0.0


def test_author_rate_uses_the_authors_own_words() -> None:
    df = add_rates(articles())
    row = df[df["article_id"] == "A2"].iloc[0]
    assert row["author_hedges_per_100w"] == pytest.approx(100 * 2 / 300)
    assert math.isnan(df[df["article_id"] == "none"].iloc[0]["author_hedges_per_100w"])
    with pytest.raises(ValueError, match="author_words"):
        add_rates(pd.DataFrame({"author_hedges": [1]}))
    assert "author_hedges_per_100w" in set(compare_groups(articles()).summary["measure"])


@pytest.mark.parametrize(
    ("by", "dates", "expected"),
    [
        (
            "month",
            ["2016-03-01", "2016-03-31T10:00:00", "", "March 5, 2016", "nonsense"],
            ["2016-03", "2016-03", None, "2016-03", None],
        ),
        (
            "week",
            ["2016-01-03", "2016-01-04", "2015-12-31", None, "2016/01/10"],
            ["2015-W53", "2016-W01", "2015-W53", None, "2016-W01"],
        ),
    ],
)
def test_periods_from_dates(by: str, dates: list[str | None], expected: list[str | None]) -> None:
    assert group_column(pd.DataFrame({"date": dates}), by).tolist() == expected


def test_unknown_grouping_and_measure_are_errors() -> None:
    with pytest.raises(ValueError, match="cannot group by 'desk'"):
        compare_groups(articles(), "desk")
    with pytest.raises(ValueError, match="unknown measure"):
        compare_groups(articles(), "outlet", ["nope"])
    with pytest.raises(ValueError, match="needs a 'date' column"):
        group_column(pd.DataFrame({"x": [1]}), "month")


def test_log_odds_against_the_formula() -> None:
    counts = pd.DataFrame({"A": [10, 2, 0], "B": [3, 8, 4]}, index=["may", "could", "perhaps"])
    table = log_odds(counts, prior_scale=0.5)
    assert list(table.columns) == list(DISTINCTIVE_COLUMNS)
    y = counts.to_numpy(float)
    alpha = 0.5 * y.sum(axis=1)
    a0, n = alpha.sum(), y.sum(axis=0)
    for j, g in enumerate(counts.columns):
        for i, term in enumerate(counts.index):
            yi, ri, m = y[i, j], y[i].sum() - y[i, j], n.sum() - n[j]
            delta = math.log((yi + alpha[i]) / (n[j] + a0 - yi - alpha[i])) - math.log(
                (ri + alpha[i]) / (m + a0 - ri - alpha[i])
            )
            z = delta / math.sqrt(1 / (yi + alpha[i]) + 1 / (ri + alpha[i]))
            row = table[(table["group"] == g) & (table["term"] == term)].iloc[0]
            assert row["log_odds"] == pytest.approx(delta) and row["z"] == pytest.approx(z)
    a, b = table[table["group"] == "A"], table[table["group"] == "B"]
    np.testing.assert_allclose(a["z"].to_numpy(), -b["z"].to_numpy())  # two groups: mirror images
    assert a.set_index("term")["z"].idxmax() == "may"


def test_log_odds_prior_shrinks_rare_terms() -> None:
    counts = pd.DataFrame({"A": [2, 200], "B": [0, 100]}, index=["rare", "common"])
    weak, strong = log_odds(counts, prior_scale=0.01), log_odds(counts, prior_scale=10)
    rare = lambda t: abs(t[(t["group"] == "A") & (t["term"] == "rare")].iloc[0]["log_odds"])  # noqa: E731
    assert rare(strong) < rare(weak)
    with pytest.raises(ValueError, match="prior_scale"):
        log_odds(counts, prior_scale=0)


def cue_rows() -> pd.DataFrame:
    rows = []
    for outlet, words in (
        ("A", ["may"] * 12 + ["could"] * 3 + ["Perhaps"] * 1),
        ("B", ["could"] * 10 + ["may"] * 3 + ["perhaps"] * 5),
    ):
        for i, w in enumerate(words):
            rows.append(
                {
                    "article_id": f"{outlet}{i % 3}",
                    "role": "body",
                    "text": w,
                    "category": "hedge",
                    "voice": "author" if i % 2 else "quoted",
                    "outlet": outlet,
                    "date": "2016-01-01",
                }
            )
    rows.append(
        {
            "article_id": "A0",
            "role": "headline",
            "text": "may",
            "category": "hedge",
            "voice": "author",
            "outlet": "A",
            "date": "2016-01-01",
        }
    )
    return pd.DataFrame(rows)


def test_distinctive_cues_rank_a_groups_own_hedges_first() -> None:
    table = distinctive_cues(cue_rows(), "outlet", categories=("hedge",))
    assert list(table.columns) == ["category", *DISTINCTIVE_COLUMNS]
    top = table.groupby("group").head(1).set_index("group")["term"].to_dict()
    assert top == {"A": "may", "B": "could"}
    assert table[(table["group"] == "A") & (table["term"] == "may")]["count"].iloc[0] == 12  # headline left out
    assert set(table["term"]) == {"may", "could", "perhaps"}  # case folded
    only_author = distinctive_cues(cue_rows(), "outlet", categories=("hedge",), voices=("author",))
    assert only_author["count"].sum() < table["count"].sum()
    assert distinctive_cues(cue_rows(), "outlet", categories=("booster",)).empty


def test_distinctive_sources_use_speaker_id_then_speaker() -> None:
    sources = pd.DataFrame(
        {
            "article_id": ["a", "a", "b", "c", "c", "d"],
            "speaker": ["Donald J. Trump", "Aides", "Trump", "Clinton", "", "Hillary Clinton"],
            "speaker_id": ["donald-trump", "aides", "donald-trump", "hillary-clinton", "", "hillary-clinton"],
            "direct": [3, 1, 2, 1, 1, 4],
            "reported": [1, 0, 1, 0, 5, 1],
            "words": [40, 5, 30, 8, 50, 60],
            "named": [True, False, True, True, False, True],
            "outlet": ["X", "X", "X", "Y", "Y", "Y"],
        }
    )
    by_id = distinctive_sources(sources, "outlet", min_count=1)
    assert set(by_id["term"]) == {"donald-trump", "aides", "hillary-clinton"}
    x = by_id[by_id["group"] == "X"].set_index("term")
    assert x.loc["donald-trump", "count"] == 7 and x.loc["donald-trump", "z"] > 0
    fallback = distinctive_sources(sources.drop(columns="speaker_id"), "outlet", min_count=1)
    assert "Donald J. Trump" in set(fallback["term"]) and "Trump" in set(fallback["term"])
    named = distinctive_sources(sources, "outlet", min_count=1, named_only=True)
    assert "aides" not in set(named["term"])
    articles = distinctive_sources(sources, "outlet", min_count=1, weight="articles")
    assert articles.set_index(["group", "term"]).loc[("X", "donald-trump"), "count"] == 2
    with pytest.raises(ValueError, match="weight"):
        distinctive_sources(sources, weight="minutes")


def test_over_time_fills_gaps_and_matches_bootstrap() -> None:
    df = pd.DataFrame(
        {
            "outlet": ["A"] * 5 + ["B"] * 2,
            "date": ["2016-01-05", "2016-01-20", "2016-03-02", "2016-03-09", "", "2016-02-01", "2016-02-02"],
            "hedges_per_100w": [1.0, 3.0, 2.0, 4.0, 9.0, 5.0, 7.0],
        }
    )
    t = over_time(df, "outlet", "month")
    assert list(t.columns) == list(TIMELINE_COLUMNS)
    a = t[t["group"] == "A"].set_index("period")
    assert a.index.tolist() == ["2016-01", "2016-02", "2016-03"]
    assert a.loc["2016-02", "n"] == 0 and math.isnan(a.loc["2016-02", "mean"])
    assert a.loc["2016-01", "mean"] == 2.0 and a.loc["2016-03", "median"] == 3.0
    assert a.loc["2016-01", "mean_low"] == pytest.approx(bootstrap_mean_interval(np.array([1.0, 3.0]))[0])
    assert t.attrs["excluded"] == 1
    assert a.loc["2016-03", "period_start"] == pd.Timestamp("2016-03-01")
    weeks = over_time(df, None, "week")
    assert set(weeks["group"]) == {"all"} and weeks["period"].iloc[0] == "2016-W01"
    with pytest.raises(ValueError, match="period"):
        over_time(df, period="year")


RNG = np.random.default_rng(7)
SAMPLES = [
    ([1.0, 2.0, 3.0], [4.0, 5.0, 6.0, 7.0]),  # small, no ties: SciPy's exact distribution
    ([1.0, 2.0, 2.0, 3.0], [2.0, 4.0, 5.0]),  # small with ties: normal approximation
    (list(RNG.normal(0, 1, 30)), list(RNG.normal(0.5, 1, 40))),  # large
    (list(RNG.integers(0, 4, 50).astype(float)), list(RNG.integers(0, 5, 60).astype(float))),  # large, many ties
    ([0.0] * 20 + [1.0], [0.0] * 15 + [2.0, 3.0]),  # mostly zeros, as cue rates are
]


@pytest.mark.parametrize(("x", "y"), SAMPLES)
def test_mann_whitney_matches_scipy(x: list[float], y: list[float]) -> None:
    from analysis.compare.groups import mann_whitney

    ref = stats.mannwhitneyu(x, y, alternative="two-sided")
    u, p = mann_whitney(np.array(x), np.array(y))
    assert u == pytest.approx(ref.statistic) and p == pytest.approx(ref.pvalue, rel=1e-9)


@pytest.mark.parametrize(
    "samples",
    [
        [A, B, C],
        [s for pair in SAMPLES[2:4] for s in pair],
        [[1.0, 1.0, 2.0], [1.0, 3.0], [2.0, 2.0, 2.0, 5.0]],
        [SAMPLES[4][0], SAMPLES[4][1], [0.0, 0.0, 4.0]],
    ],
)
def test_kruskal_wallis_matches_scipy(samples: list[list[float]]) -> None:
    from analysis.compare.groups import kruskal_wallis

    ref = stats.kruskal(*samples)
    h, p = kruskal_wallis([np.array(s) for s in samples])
    assert h == pytest.approx(ref.statistic) and p == pytest.approx(ref.pvalue, rel=1e-9)


def test_kruskal_wallis_needs_two_groups_and_some_difference() -> None:
    from analysis.compare.groups import kruskal_wallis

    assert all(math.isnan(v) for v in kruskal_wallis([np.array([1.0, 2.0])]))
    assert all(math.isnan(v) for v in kruskal_wallis([np.array([1.0, 1.0]), np.array([1.0])]))
