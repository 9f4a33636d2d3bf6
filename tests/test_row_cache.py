"""A cache hit at article level reads the stored article row, not the document: same rows, same order."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis.corpus.batch import analyze_corpus, iter_outcomes
from analysis.corpus.cache import ResultCache
from analysis.corpus.table import analyze_table

ROWS = [
    {
        "id": "a1",
        "text": "Officials said the plan may fail.\n\nCritics think it could cost more, analysts said.",
        "outlet": "Daily",
        "date": "2016-03-01",
        "section": "politics",
        "event": "budget",
    },
    {
        "id": "a2",
        "text": "Ten Things to Know\n\n\u201cIt is clearly the best option,\u201d the minister said. "
        "It will certainly work.",
        "outlet": "Weekly",
        "section": "local",
    },
    {
        "id": "a3",
        "text": "The council approved the budget on Tuesday. It will fund three schools.",
        "outlet": "Daily",
        "author": "Ann Lee",
        "section": "local",
    },
]


def test_article_rows_from_the_row_cache_equal_a_fresh_analysis(tmp_path: Path) -> None:
    table = tmp_path / "t.csv"
    pd.DataFrame(ROWS).to_csv(table, index=False)
    cache = tmp_path / "cache"
    fresh = analyze_table(table, level="article", progress=False)
    cold = analyze_table(table, level="article", cache=cache, progress=False)
    warm = analyze_table(table, level="article", cache=cache, progress=False)
    assert warm.attrs["n_cached"] == 3
    pd.testing.assert_frame_equal(fresh, cold)
    pd.testing.assert_frame_equal(fresh, warm)
    assert list(warm["section"]) == ["politics", "local", "local"] and warm.loc[0, "event"] == "budget"
    assert warm.loc[1, "title"] == "Ten Things to Know"  # the title the analysis found, not the table's


def test_other_levels_and_old_entries_still_read_the_document(tmp_path: Path) -> None:
    paths = []
    for r in ROWS:
        p = tmp_path / f"{r['id']}.txt"
        p.write_text(r["text"], encoding="utf-8")
        paths.append(p)
    cache = tmp_path / "cache"
    fresh = analyze_corpus(paths, level="article")
    analyze_corpus(paths, level="paragraph", cache=cache)
    with ResultCache(cache / "results-v1.sqlite") as store:  # an entry written before rows were stored beside
        for key in [k for (k,) in store._conn.execute("SELECT key FROM results").fetchall()]:
            value = store.get(key)
            assert value is not None and "article_row" in value
            del value["article_row"]
            store.put(key, value)
    old = analyze_corpus(paths, level="article", cache=cache)
    pd.testing.assert_frame_equal(fresh, old)
    outcomes = list(iter_outcomes(paths, cache=cache, rows_only=True))
    assert all(o.cached and o.document is not None and o.document.article.text for o in outcomes)


@pytest.mark.parametrize("level", ["paragraph", "cue"])
def test_rows_only_is_not_used_below_article_level(tmp_path: Path, level: str) -> None:
    p = tmp_path / "a.txt"
    p.write_text(ROWS[0]["text"], encoding="utf-8")
    cache = tmp_path / "cache"
    first = analyze_corpus([p], level=level, cache=cache)
    again = analyze_corpus([p], level=level, cache=cache)
    pd.testing.assert_frame_equal(first, again)


def test_a_repeated_id_is_renamed_on_the_row_path_too(tmp_path: Path) -> None:
    paths = []
    for folder in ("x", "y"):
        (tmp_path / folder).mkdir()
        p = tmp_path / folder / "a.txt"
        p.write_text(ROWS[0]["text"], encoding="utf-8")
        paths.append(p)
    cache = tmp_path / "cache"
    with pytest.warns(UserWarning, match="taken by an earlier input"):
        cold = analyze_corpus(paths, level="article", cache=cache)
    with pytest.warns(UserWarning, match="taken by an earlier input"):
        warm = analyze_corpus(paths, level="article", cache=cache)
    assert list(warm["article_id"]) == list(cold["article_id"]) == ["a", "y-a"]
    pd.testing.assert_frame_equal(cold, warm)
