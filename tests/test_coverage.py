"""Same-event coverage (analysis.report.coverage) on the fixture store of six invented articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis import InputError, seed_path
from analysis.annotate.hedging import CATEGORIES, VOICES
from analysis.report import coverage
from analysis.report.figures import ArticleTables, load_tables
from analysis.sources.store import load_corpus

STORE = Path(__file__).resolve().parent / "fixtures" / "store"
STRIKE = STORE / "the-port-strike-is-a-warning.md"


@pytest.fixture(scope="module")
def seed_tables() -> ArticleTables:
    return load_tables(seed_path())


@pytest.fixture(scope="module")
def strike() -> ArticleTables:
    return load_tables(STRIKE)


def test_fixture_store_has_three_outlets_two_events_news_and_opinion() -> None:
    arts = load_corpus(STORE)
    assert len(arts) == 6 and all(a.is_english for a in arts)
    assert len({a.outlet for a in arts}) == 3
    assert {a.extra["event"] for a in arts} == {"eastbay-port-strike", "kessel-bridge-closure"}
    assert {a.kind for a in arts} == {"news", "opinion"}
    for a in arts:
        assert 150 <= len(a.body_text.split()) <= 300, a.article_id
        assert '"' in a.text and a.title and a.author and a.date and a.url


def test_focus_without_event_is_compared_with_the_whole_store(seed_tables: ArticleTables) -> None:
    cov = coverage.coverage(seed_tables, STORE)
    assert cov.event == "" and len(cov.others) == len(cov.store_tables) == 6
    arts = cov.articles()
    assert arts["focus"].tolist() == [True] + [False] * 6
    assert "no event to match" in cov.describe()


def test_focus_from_the_store_meets_its_event_but_not_itself(strike: ArticleTables) -> None:
    cov = coverage.coverage(strike, STORE)
    assert cov.event == "eastbay-port-strike"
    ids = {t.article["article_id"] for t in cov.others}
    assert ids == {"dockworkers-walk-out-at-eastbay", "port-strike-could-cost-region-millions"}
    assert len(cov.store_tables) == 5  # the focus itself (same text) is left out
    assert cov.pick().article["outlet"] != strike.article["outlet"]
    chosen, reason = cov.choose()  # of the two from other outlets, the one published a day apart, not two
    assert chosen.article["article_id"] == "port-strike-could-cost-region-millions"
    assert reason.startswith("chosen from 2 comparable articles from other outlets: nearest in date (1 day apart)")
    assert "then nearest in length" in reason and "compare_with" in reason
    other = coverage.coverage(strike, STORE, event="Kessel-Bridge-Closure ")
    assert len(other.others) == 3 and other.event == "Kessel-Bridge-Closure"


def test_unknown_event_and_missing_store_say_so(seed_tables: ArticleTables, tmp_path: Path) -> None:
    cov = coverage.coverage(seed_tables, STORE, event="no-such-event")
    assert cov.others == [] and any("no-such-event" in n for n in cov.notes)
    for store in (tmp_path / "missing", tmp_path):
        cov = coverage.coverage(seed_tables, store)
        assert cov.others == [] and cov.pick() is None and cov.notes
        assert len(coverage.article_table(cov.articles())) == 1
        assert coverage.group_table(cov.articles()).empty
        assert cov.comparables().store_articles.empty


def test_article_table_groups_by_outlet_and_sorts_by_any_metric(seed_tables: ArticleTables) -> None:
    arts = coverage.coverage(seed_tables, STORE).articles()
    table = coverage.article_table(arts)
    assert table.index[0] == seed_tables.article["article_id"]
    assert list(table["outlet"].iloc[1:]) == sorted(table["outlet"].iloc[1:])
    assert set(coverage.TABLE_COLUMNS) <= set(table.columns)
    by_hedges = coverage.article_table(arts, sort_by="hedges_per_100w")
    assert by_hedges["hedges_per_100w"].is_monotonic_decreasing
    assert coverage.article_table(arts, sort_by="n_words", ascending=True)["n_words"].is_monotonic_increasing
    with pytest.raises(ValueError, match="not a column"):
        coverage.article_table(arts, sort_by="no_such_metric")
    groups = coverage.group_table(arts)
    assert groups["articles"].sum() == 6 and groups.index.names == ["outlet", "kind"]


def test_cue_mix_counts_body_cues_by_voice_like_the_article_row(seed_tables: ArticleTables) -> None:
    mix = coverage.cue_mix(seed_tables.cues)
    assert list(mix.index) == list(CATEGORIES) and list(mix.columns) == [*VOICES, "all"]
    row = seed_tables.article
    assert mix.loc["hedge", "all"] == row["hedges"] and mix.loc["booster", "all"] == row["boosters"]
    assert mix.loc["attribution", "all"] == row["attributions"]
    assert mix.loc["hedge", "author"] == row["author_hedges"]
    assert coverage.cue_mix(seed_tables.cues, roles=None)["all"].sum() >= mix["all"].sum()
    assert coverage.cue_mix(None).to_numpy().sum() == 0


def test_pick_by_id_or_path_and_refuses_unknown(strike: ArticleTables) -> None:
    cov = coverage.coverage(strike, STORE)
    assert cov.pick("kessel-bridge-shut-after-inspectors-find-corroded-cables").article["outlet"] == "Northfield Ledger"
    assert cov.pick(str(seed_path())).title == "Could Russia Lose Belarus?"
    with pytest.raises(InputError, match="no article with that id"):
        cov.pick("nope")
    both = coverage.cue_mix_side_by_side([strike, cov.pick()])
    assert both.columns.nlevels == 2 and len(both.columns) == 2 * (len(VOICES) + 1)


def test_store_analysis_uses_the_cache_when_asked(strike: ArticleTables, tmp_path: Path) -> None:
    first = coverage.coverage(strike, STORE, cache=tmp_path / "cache")
    again = coverage.coverage(strike, STORE, cache=tmp_path / "cache")
    assert (tmp_path / "cache").is_dir()
    assert [t.article["article_id"] for t in again.others] == [t.article["article_id"] for t in first.others]
    assert again.articles()["hedges_per_100w"].tolist() == first.articles()["hedges_per_100w"].tolist()


def test_focus_through_the_cache_has_the_same_tables(tmp_path: Path) -> None:
    direct = load_tables(STRIKE)
    cached = load_tables(STRIKE, cache=tmp_path / "cache")
    again = load_tables(STRIKE, cache=tmp_path / "cache")
    assert direct.article.equals(cached.article) and cached.article.equals(again.article)
    assert len(again.paragraphs) == len(direct.paragraphs) and again.title == direct.title
    with pytest.raises(InputError, match="no such file"):
        load_tables(tmp_path / "missing.md", cache=tmp_path / "cache")
