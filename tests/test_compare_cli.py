"""``media-analysis compare``: a table or store compared by a column; one ``error:`` line for bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from analysis.cli import main

HEDGED = "Officials said the plan may fail. Analysts think it could perhaps cost more than expected."
BOOSTED = "It is clearly the best option. The result is certainly final and everyone knows it."
PLAIN = "The council met on Tuesday. The budget funds three schools and a library next year."


def rows(n: int = 12) -> list[dict[str, object]]:
    out = []
    for i in range(n):
        outlet = ["Daily", "Weekly", "=Herald"][i % 3]
        body = {"Daily": HEDGED, "Weekly": BOOSTED, "=Herald": PLAIN}[outlet]
        out.append(
            {
                "id": f"a{i}",
                "text": f"{body}\n\n{PLAIN} Item {i}.",
                "title": "Ten Things to Know",
                "outlet": outlet,
                "date": f"2016-0{1 + i % 2}-1{i % 9}",
                "author": "Ann Lee",
                "section": ["politics", "local"][i % 2],
            }
        )
    return out


@pytest.fixture(scope="module")
def table(tmp_path_factory: pytest.TempPathFactory) -> Path:
    p = tmp_path_factory.mktemp("compare") / "articles.csv"
    pd.DataFrame(rows()).to_csv(p, index=False)
    return p


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    return ["--cache-dir", str(tmp_path_factory.mktemp("cache")), "--quiet"]


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_compare_prints_and_writes_the_summary(
    table: Path, cache: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_csv, fig = tmp_path / "by-outlet.csv", tmp_path / "by-outlet.png"
    code, out, err = run(
        ["compare", str(table), "--by", "outlet", "-o", str(out_csv), "--figure", str(fig), *cache], capsys
    )
    assert code == 0, err
    assert "12 articles by outlet: 3 groups" in out and "Kruskal-Wallis" in out
    df = pd.read_csv(out_csv)
    assert set(df["group"]) == {"Daily", "Weekly", "=Herald"}
    assert (df.groupby("measure")["n"].sum() == 12).all()
    hedges = df[df["measure"] == "hedges_per_100w"].set_index("group")["median"]
    assert hedges["Daily"] > hedges["Weekly"]
    assert fig.read_bytes().startswith(b"\x89PNG")


@pytest.mark.parametrize(
    "name,table_kind,reader",
    [
        ("t.json", "tests", lambda p: pd.DataFrame(json.loads(p.read_text()))),
        ("t.jsonl", "pairs", lambda p: pd.read_json(p, lines=True)),
        ("t.parquet", "summary", pd.read_parquet),
        ("t.xlsx", "pairs", pd.read_excel),
    ],
)
def test_output_format_follows_the_suffix(
    table: Path,
    cache: list[str],
    tmp_path: Path,
    name: str,
    table_kind: str,
    reader,
    capsys: pytest.CaptureFixture[str],
) -> None:
    if name.endswith(".parquet"):
        pytest.importorskip("pyarrow")
    if name.endswith(".xlsx"):
        pytest.importorskip("openpyxl")
    out = tmp_path / name
    code, _, err = run(["compare", str(table), "-o", str(out), "--table", table_kind, *cache], capsys)
    assert code == 0, err
    df = reader(out)
    expected = {"summary": "mean_low", "tests": "epsilon_squared", "pairs": "p_holm"}[table_kind]
    assert expected in df.columns and len(df) > 0
    if table_kind == "pairs":  # a group named like a formula stays text (never a live formula in Excel)
        assert {"Daily", "Weekly", "=Herald"} <= {*df["group_a"], *df["group_b"]}


def test_month_groups_and_a_carried_column(table: Path, cache: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["compare", str(table), "--by", "month", *cache], capsys)
    assert code == 0 and "2016-01" in out and "2016-02" in out
    code, out, _ = run(["compare", str(table), "--by", "section", *cache], capsys)
    assert code == 0 and "politics" in out


def test_a_store_folder_is_compared_too(tmp_path: Path, cache: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    store = tmp_path / "store"
    store.mkdir()
    for r in rows(6):
        (store / f"{r['id']}.md").write_text(
            f"---\ntitle: T {r['id']}\noutlet: {r['outlet'].strip('=')}\nlanguage: en\n---\n{r['text']}\n",
            encoding="utf-8",
        )
    code, out, err = run(["compare", str(store), *cache], capsys)
    assert code == 0, err
    assert "6 articles by outlet: 3 groups" in out


@pytest.mark.parametrize(
    "extra,expected",
    [
        (["--by", "nosuch"], "--by nosuch: no such column"),
        (["--by", "title"], "only one title"),
        (["-o", "OUT/x.csv", "--format", "json"], "the suffix .csv says csv but --format is json"),
        (["--figure", "OUT/x.gif"], "the figure must end in"),
        (["--format", "parquet"], "parquet output needs a file"),
        (["--text-column", "body"], "no text column 'body'"),
    ],
)
def test_bad_input_is_one_error_line(
    table: Path, cache: list[str], tmp_path: Path, extra: list[str], expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    extra = [a.replace("OUT", str(tmp_path)) for a in extra]
    code, _, err = run(["compare", str(table), *extra, *cache], capsys)
    assert code == 2
    assert err.count("\n") == 1 and err.startswith("error: ") and expected in err, err


def test_existing_output_needs_force(
    table: Path, cache: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "x.csv"
    out.write_text("keep")
    code, _, err = run(["compare", str(table), "-o", str(out), *cache], capsys)
    assert code == 2 and "already exists" in err and out.read_text() == "keep"
    code, _, err = run(["compare", str(table), "-o", str(out), "--force", *cache], capsys)
    assert code == 0 and out.read_text().startswith("measure,group,")


def test_nothing_named_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["compare"], capsys)
    assert code == 2 and err.startswith("error: name a table")


def test_an_article_that_fails_is_left_out_with_exit_1(
    tmp_path: Path, cache: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    p = tmp_path / "t.csv"
    french = {
        "id": "fr",
        "text": "Le conseil a approuvé le budget mardi. Il financera trois écoles et une "
        "bibliothèque l'année prochaine, selon le maire.",
        "outlet": "Daily",
    }
    pd.DataFrame([*rows(), french]).to_csv(p, index=False)
    code, out, err = run(["compare", str(p), *cache], capsys)
    assert code == 1 and "12 articles by outlet: 3 groups; 1 failed" in out
    assert [line for line in err.splitlines() if line.startswith("error:")] == [err.splitlines()[0]]
    assert "not English" in err
