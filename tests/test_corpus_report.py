"""``report --by`` (the corpus page) and ``report --baseline`` (an article against the user's articles)."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from analysis import seed_path
from analysis.cli import main
from analysis.report.corpus_page import corpus_report_html

HEDGED = "Officials said the plan may fail. Analysts think it could perhaps cost more than expected."
BOOSTED = "It is clearly the best option. The result is certainly final and everyone knows it."
EVIL = "<script>alert(1)</script>"


def table(tmp_path: Path) -> Path:
    rows = []
    for i in range(8):
        outlet = "Daily" if i % 2 else EVIL
        body = HEDGED if i % 2 else BOOSTED
        rows.append(
            {
                "id": f"a{i}",
                "text": f"{body}\n\nThe council met on day {i}. {body}",
                "outlet": outlet,
                "date": f"2016-0{1 + i % 3}-0{1 + i}",
                "title": f"Title <i>{i}</i>",
            }
        )
    p = tmp_path / "corpus.csv"
    pd.DataFrame(rows).to_csv(p, index=False)
    return p


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    return ["--cache-dir", str(tmp_path_factory.mktemp("cache")), "--quiet"]


def test_corpus_report_page_is_self_contained_and_escaped(
    tmp_path: Path, cache: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "c.html"
    code = main(["report", "--by", "outlet", str(table(tmp_path)), "-o", str(out), *cache])
    _, err = capsys.readouterr()
    assert code == 0, err
    page = out.read_text()
    assert "<script" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "Kruskal-Wallis" in page and "Hedges /100 words" in page
    assert not re.search(r"""(?:src|href)=["'](?!data:)""", page)  # nothing loaded from elsewhere
    assert "default-src 'none'" in page


def test_corpus_report_function_groups_by_month(tmp_path: Path, cache: list[str]) -> None:
    from analysis.corpus.table import analyze_sources

    articles = analyze_sources(table(tmp_path), level="article", progress=False)
    page = corpus_report_html(articles, "month")
    assert "2016-01" in page and "2016-03" in page and "Articles compared by month" in page


@pytest.mark.parametrize(
    "args,expected",
    [
        (["--by", "nosuch"], "--by nosuch: no such column"),
        (["--by", "outlet", "--baseline", "x.csv"], "--baseline and --no-baseline are for an article's report"),
        ([], "a corpus; for its report give --by COLUMN"),
    ],
)
def test_corpus_report_mistakes_are_one_error_line(
    tmp_path: Path, cache: list[str], args: list[str], expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["report", str(table(tmp_path)), "-o", str(tmp_path / "c.html"), *args, *cache])
    _, err = capsys.readouterr()
    assert code == 2 and err.count("\n") == 1 and expected in err, err
    assert not (tmp_path / "c.html").exists()


def test_article_report_ranks_against_the_users_corpus(
    tmp_path: Path, cache: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "seed.html"
    code = main(["report", str(seed_path()), "--baseline", str(table(tmp_path)), "-o", str(out), *cache])
    _, err = capsys.readouterr()
    assert code == 0, err
    page = out.read_text()
    assert "Percentiles compare this article with 8 articles of corpus.csv" in page
    assert "OneStopEnglish" not in page
