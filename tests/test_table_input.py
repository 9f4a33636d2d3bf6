"""A corpus from one table (CSV, TSV, JSON Lines, JSON, Parquet): metadata carried to every output row,
and one clear error for each kind of malformed table."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from analysis.corpus.batch import analyze_corpus
from analysis.corpus.table import analyze_table
from analysis.errors import InputError
from analysis.sources.table import TableColumns, read_table

TEXT_A = (
    "Officials said the plan may fail. \u201cIt is clearly the best option,\u201d the minister said.\n\n"
    "Critics think it could cost more than expected, and analysts are not sure it will work."
)
TEXT_B = "The council approved the budget on Tuesday. It will fund three new schools and a library next year."
ROWS = [
    {
        "id": "a1",
        "text": TEXT_A,
        "title": "Ten Things to Know",
        "outlet": "Daily",
        "date": "2016-03-01",
        "author": "Ann Lee",
        "section": "politics",
        "score": 3,
    },
    {
        "id": "b2",
        "text": TEXT_B,
        "title": "Ten Things to Know",
        "outlet": "Weekly",
        "date": "2016-04-11",
        "author": "Bo Ray",
        "section": "local",
        "score": 5,
    },
]


def write(tmp_path: Path, name: str, rows: list[dict[str, object]] = ROWS) -> Path:
    p = tmp_path / name
    df = pd.DataFrame(rows)
    if name.endswith(".csv"):
        df.to_csv(p, index=False)
    elif name.endswith(".tsv"):
        df.to_csv(p, index=False, sep="\t")
    elif name.endswith(".jsonl"):
        p.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    elif name.endswith(".json"):
        p.write_text(json.dumps(rows), encoding="utf-8")
    else:
        pytest.importorskip("pyarrow")
        df.to_parquet(p)
    return p


@pytest.mark.parametrize("name", ["t.csv", "t.tsv", "t.jsonl", "t.json", "t.parquet"])
def test_every_format_reads_the_same_articles(tmp_path: Path, name: str) -> None:
    table = read_table(write(tmp_path, name))
    assert [r.metadata["article_id"] for r in table] == ["a1", "b2"]
    assert table.carried == ("section", "score")
    assert table.rows[0].metadata == {
        "article_id": "a1",
        "title": "Ten Things to Know",
        "outlet": "Daily",
        "date": "2016-03-01",
        "author": "Ann Lee",
    }
    assert str(table.rows[1].carried["score"]) == "5" and table.rows[1].carried["section"] == "local"
    assert table.rows[1].source.endswith(f"{name}:row 2")


@pytest.mark.parametrize("level", ["paragraph", "article", "sentence", "cue", "source"])
def test_metadata_reaches_every_row_at_every_level(tmp_path: Path, level: str) -> None:
    df = analyze_table(write(tmp_path, "t.csv"), level=level, progress=False)
    assert list(df.columns)[-2:] == ["section", "score"]
    assert len(df) > 0 and df["section"].notna().all()
    by_id = df.groupby("article_id")["section"].unique().to_dict()
    expected = {"a1": ["politics"], "b2": ["local"]}
    assert by_id and all(list(v) == expected[k] for k, v in by_id.items())
    assert set(df["outlet"]) <= {"Daily", "Weekly"}


def test_same_title_two_articles_user_ids_kept(tmp_path: Path) -> None:
    df = analyze_table(write(tmp_path, "t.csv"), level="article", progress=False)
    assert df["article_id"].tolist() == ["a1", "b2"]
    assert df["title"].tolist() == ["Ten Things to Know"] * 2
    assert df["author_words"].tolist()[1] == df["n_words"].tolist()[1]  # no quotation in article b2


def test_row_number_is_the_id_without_an_id_column(tmp_path: Path) -> None:
    rows = [{k: v for k, v in r.items() if k != "id"} for r in ROWS]
    table = read_table(write(tmp_path, "t.jsonl", rows))
    assert [r.metadata["article_id"] for r in table] == ["1", "2"]


def test_column_names_are_options(tmp_path: Path) -> None:
    rows = [{"body": r["text"], "headline": r["title"], "publisher": r["outlet"], "key": r["id"]} for r in ROWS]
    columns = TableColumns(text="body", title="headline", outlet="publisher", id="key")
    df = analyze_table(write(tmp_path, "t.csv", rows), columns, level="article", progress=False)
    assert df["outlet"].tolist() == ["Daily", "Weekly"] and df["article_id"].tolist() == ["a1", "b2"]


def test_cached_run_gives_the_same_rows(tmp_path: Path) -> None:
    path = write(tmp_path, "t.csv")
    first = analyze_table(path, level="cue", cache=tmp_path / "cache", progress=False)
    again = analyze_table(path, level="cue", cache=tmp_path / "cache", progress=False)
    assert again.attrs["n_cached"] == 2
    pd.testing.assert_frame_equal(first, again)


def test_streamed_output_has_the_carried_columns(tmp_path: Path) -> None:
    table = read_table(write(tmp_path, "t.csv"))
    out = tmp_path / "out.csv"
    analyze_corpus(table.rows, level="article", output=out, carry=table.carried, progress=False)
    written = pd.read_csv(out)
    assert written["section"].tolist() == ["politics", "local"]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("title,outlet\nA,B\n", r"no text column 'text' \(columns: 'title', 'outlet'\)"),
        ("text;title;outlet\nSome words here.;A;B\n", r"separated by ';', not ','"),
        ("text\ttitle\nSome words here.\tA\n", r"separated by '\\\\t', not ','"),
        ("text,title\nSome words here.,A\n,B\n", r"row 2 has no text in column 'text'"),
        ("text,title\n  ,A\n,B\nWords.,C\n", r"rows 1, 2 have no text"),
        ("text,title\n", r"no rows"),
        ("", r"empty file"),
        ("id,text\nx,Words one.\nx,Words two.\n", r"rows 1 and 2 have the same id 'x'"),
        ("text,words\nSome words.,3\n", r"column 'words' has the name of an output column"),
        ('text,title\n"unclosed,A\n', r"cannot be read as a table|no text"),
        ("text,text\nA,B\n", r"repeats column 'text'"),
    ],
)
def test_malformed_csv_is_one_error_line(tmp_path: Path, content: str, expected: str) -> None:
    p = tmp_path / "bad.csv"
    p.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=expected) as info:
        read_table(p)
    assert "\n" not in str(info.value) and str(p) in str(info.value)


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("bad.csv", "text,title\nCaf\xe9 au lait.,A\n".encode("latin-1"), r"not valid UTF-8 \(byte 0xe9 on line 2\)"),
        ("bad.jsonl", b'{"text": "ok"}\n{"text": \n', r"line 2 is not JSON"),
        ("bad.jsonl", b'["text"]\n', r"line 1 is a JSON list, not an object"),
        ("bad.json", b'{"text": "one"}', r"array of objects"),
        ("bad.parquet", b"PAR1 not really", r"cannot be read as Parquet"),
        ("bad.xlsx", b"whatever", r"not a table file"),
        ("bad.jsonl", b'{"text": 42}\n', r"row 1: column 'text' holds a int, not text"),
    ],
)
def test_malformed_files_are_one_error_line(tmp_path: Path, name: str, data: bytes, expected: str) -> None:
    p = tmp_path / name
    p.write_bytes(data)
    with pytest.raises(InputError, match=expected) as info:
        read_table(p)
    assert "\n" not in str(info.value)


def test_missing_file_directory_and_renamed_column(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_table(tmp_path / "none.csv")
    (tmp_path / "d.csv").mkdir()
    with pytest.raises(InputError, match="is a directory"):
        read_table(tmp_path / "d.csv")
    with pytest.raises(InputError, match="no column 'headline' for the title"):
        read_table(write(tmp_path, "t.csv"), TableColumns(title="headline"))


def test_explicit_delimiter_reads_a_semicolon_file(tmp_path: Path) -> None:
    p = tmp_path / "semi.csv"
    p.write_text("text;outlet\nThe council approved the budget on Tuesday.;Daily\n", encoding="utf-8")
    table = read_table(p, delimiter=";")
    assert table.rows[0].metadata["outlet"] == "Daily"
