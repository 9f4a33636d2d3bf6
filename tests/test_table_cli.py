"""Tables of articles at the command line (``analyze``, ``cues``, ``sources``), output formats from the
suffix, and progress lines when stderr is not a terminal."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from analysis.cli import main
from analysis.corpus.progress import progress_lines

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
    },
    {
        "id": "b2",
        "text": TEXT_B,
        "title": "Ten Things to Know",
        "outlet": "Daily",
        "date": "2016-04-11",
        "author": "Bo Ray",
        "section": "local",
    },
]


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    return ["--cache-dir", str(tmp_path_factory.mktemp("cache")), "--quiet"]


def write_csv(path: Path, rows: list[dict[str, object]] = ROWS, sep: str = ",") -> Path:
    pd.DataFrame(rows).to_csv(path, index=False, sep=sep)
    return path


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_analyze_a_table_keeps_ids_and_carries_columns(
    tmp_path: Path, cache: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    table, out = write_csv(tmp_path / "t.csv"), tmp_path / "articles.csv"
    code, _, err = run(["analyze", str(table), "--level", "article", "-o", str(out), *cache], capsys)
    assert code == 0, err
    df = pd.read_csv(out)
    assert list(df["article_id"]) == ["a1", "b2"]  # same title, two articles, the user's ids
    assert list(df["section"]) == ["politics", "local"] and df.columns[-1] == "section"
    assert list(df["author"]) == ["Ann Lee", "Bo Ray"]


@pytest.mark.parametrize(
    "command,name", [("cues", "c.jsonl"), ("sources", "s.json"), ("analyze", "p.parquet"), ("cues", "c.xlsx")]
)
def test_every_command_carries_columns_in_every_format(
    tmp_path: Path, cache: list[str], command: str, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    if name.endswith(".parquet"):
        pytest.importorskip("pyarrow")
    if name.endswith(".xlsx"):
        pytest.importorskip("openpyxl")
    table, out = write_csv(tmp_path / "t.csv"), tmp_path / name
    code, _, err = run([command, str(table), "-o", str(out), *cache], capsys)
    assert code == 0, err
    if name.endswith(".jsonl"):
        df = pd.DataFrame([json.loads(line) for line in out.read_text().splitlines()])
    elif name.endswith(".json"):
        df = pd.DataFrame(json.loads(out.read_text()))
    elif name.endswith(".parquet"):
        df = pd.read_parquet(out)
    else:
        df = pd.read_excel(out)
    assert len(df) and "section" in df.columns and set(df["section"]) <= {"politics", "local"}


def test_column_options_and_jsonl_input(tmp_path: Path, cache: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    table = tmp_path / "t.jsonl"
    renamed = [{"body": r["text"], "key": r["id"], "paper": r["outlet"]} for r in ROWS]
    table.write_text("".join(json.dumps(r) + "\n" for r in renamed), encoding="utf-8")
    out = tmp_path / "a.csv"
    code, _, err = run(
        [
            "analyze",
            str(table),
            "--text-column",
            "body",
            "--id-column",
            "key",
            "--outlet-column",
            "paper",
            "--level",
            "article",
            "-o",
            str(out),
            *cache,
        ],
        capsys,
    )
    assert code == 0, err
    df = pd.read_csv(out)
    assert list(df["article_id"]) == ["a1", "b2"] and set(df["outlet"]) == {"Daily"}


@pytest.mark.parametrize(
    "content,expected",
    [
        ("title,body\nA,some text\n", "no text column 'text'"),
        ("id,text,title\n1,,Empty\n2,Some text here.,Full\n", "row 1 has no text in column 'text'"),
        ("id;text;title\n1;Some text here.;A\n", "seems separated by ';'"),
        ("", "empty file"),
    ],
)
def test_malformed_tables_are_one_error_line(
    tmp_path: Path, cache: list[str], content: str, expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    table = tmp_path / "bad.csv"
    table.write_text(content, encoding="utf-8")
    for command in ("analyze", "cues", "sources", "compare"):
        code, out, err = run([command, str(table), *cache], capsys)
        assert code == 2, (command, err)
        assert err.startswith("error: ") and err.count("\n") == 1 and expected in err, (command, err)
        assert "Traceback" not in err and out == ""


def test_wrong_delimiter_is_fixed_by_the_option(
    tmp_path: Path, cache: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    table = write_csv(tmp_path / "semi.csv", sep=";")
    code, _, err = run(
        ["analyze", str(table), "--delimiter", ";", "--level", "article", "--format", "csv", *cache], capsys
    )
    assert code == 0, err


@pytest.mark.parametrize(
    "args,expected",
    [
        (["-o", "OUT/x.csv", "--format", "json"], "the suffix .csv says csv but --format is json"),
        (["-o", "OUT/x.xlsx", "--format", "table"], "the suffix .xlsx says xlsx but --format is table"),
        (["--format", "xlsx"], "xlsx output needs a file"),
    ],
)
def test_suffix_contradicting_format_is_one_error_line(
    tmp_path: Path, cache: list[str], args: list[str], expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    table = write_csv(tmp_path / "t.csv")
    code, _, err = run(["analyze", str(table), *[a.replace("OUT", str(tmp_path)) for a in args], *cache], capsys)
    assert code == 2 and err.count("\n") == 1 and expected in err, err
    assert not (tmp_path / "x.csv").exists() and not (tmp_path / "x.xlsx").exists()


def test_output_suffix_chooses_the_format(tmp_path: Path, cache: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    table = write_csv(tmp_path / "t.csv")
    out = tmp_path / "results.csv"  # once the readable text went into a .csv file
    code, _, err = run(["analyze", str(table), "-o", str(out), *cache], capsys)
    assert code == 0, err
    assert out.read_text().startswith("article_id,paragraph,")


def test_xlsx_text_is_never_a_formula(tmp_path: Path, cache: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    rows = [{**ROWS[0], "title": '=HYPERLINK("http://x")', "section": "@cmd"}]
    table, out = write_csv(tmp_path / "t.csv", rows), tmp_path / "a.xlsx"
    code, _, err = run(["analyze", str(table), "--level", "article", "-o", str(out), *cache], capsys)
    assert code == 0, err
    sheet = openpyxl.load_workbook(out).active
    header = [c.value for c in sheet[1]]
    row = sheet[2]
    assert row[header.index("title")].data_type == "s" and row[header.index("title")].value.startswith("=HYPER")
    assert row[header.index("section")].value == "@cmd"


def test_progress_lines_every_interval(capsys: pytest.CaptureFixture[str]) -> None:
    now = [0.0]
    update = progress_lines(10, delay=2, interval=5, clock=lambda: now[0])
    for t in (0.5, 1.0, 2.5, 3.0, 8.0, 9.0):
        now[0] = t
        update(1)
    update(-1)
    lines = capsys.readouterr().err.splitlines()
    assert lines == [
        "progress: 3 of 10 articles (30%), 2 s",
        "progress: 5 of 10 articles (50%), 8 s",
        "progress: 6 of 10 articles (60%), 9 s",
    ]


def test_short_runs_print_no_progress_line(capsys: pytest.CaptureFixture[str]) -> None:
    update = progress_lines(3, delay=60)
    update(3)
    update(-1)
    assert capsys.readouterr().err == ""


def test_command_line_progress_is_lines_off_a_terminal_and_none_for_short_runs() -> None:
    from analysis.corpus.progress import LINE_MIN_ARTICLES, progress_bar

    assert progress_bar(LINE_MIN_ARTICLES, "auto") is not None  # pytest's stderr is not a terminal
    assert progress_bar(LINE_MIN_ARTICLES - 1, "auto") is None
    assert progress_bar(1000, None) is None and progress_bar(1000, False) is None  # library default unchanged
