"""The media-analysis command line: formats, output files and one-line errors."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from analysis import seed_path
from analysis.cli import main

ENGLISH = "The council voted on Tuesday to close the library. Residents said they could appeal.\n"


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_analyze_without_path_is_the_seed(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["analyze"], capsys)
    assert code == 0 and err == ""
    assert out.startswith("could-russia-lose-belarus\n")
    assert "Flesch-Kincaid grade" in out and "hedges" in out


def test_csv_has_body_rows_by_default_and_all_roles_on_request(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["analyze", str(seed_path()), "--format", "csv"], capsys)
    body = pd.read_csv(io.StringIO(out))
    assert code == 0 and set(body["role"]) == {"body"} and len(body) == 18
    code, out, _ = run(["analyze", str(seed_path()), "--format", "csv", "--all-roles"], capsys)
    assert len(pd.read_csv(io.StringIO(out))) == 25


def test_json_article_level(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["analyze", "--format", "json", "--level", "article"], capsys)
    rows = json.loads(out)
    assert code == 0 and len(rows) == 1 and rows[0]["role"] == "article" and rows[0]["n_words"] > 500


def test_output_file_never_clobbered_without_force(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "out.csv"
    target.write_text("my notes\n")
    code, _, err = run(["analyze", "--format", "csv", "-o", str(target)], capsys)
    assert code == 2 and "already exists" in err and target.read_text() == "my notes\n"
    code, _, _ = run(["analyze", "--format", "csv", "-o", str(target), "--force"], capsys)
    assert code == 0 and target.read_text().startswith("article_id,")


def test_several_inputs_make_one_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text(ENGLISH)
    (tmp_path / "b.md").write_text("---\ntitle: B\n---\n" + ENGLISH)
    code, out, _ = run(["analyze", str(tmp_path), str(seed_path()), "--format", "csv"], capsys)
    df = pd.read_csv(io.StringIO(out))
    assert code == 0 and list(dict.fromkeys(df["article_id"])) == ["a", "b", "could-russia-lose-belarus"]


def _file(name: str, data: str | bytes):  # type: ignore[no-untyped-def]
    def make(d: Path) -> Path:
        p = d / name
        p.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        return p

    return make


def _empty_dir(d: Path) -> Path:
    (d / "empty_dir").mkdir()
    return d / "empty_dir"


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda d: d / "missing.txt", "no such file"),
        (_empty_dir, "no article files"),
        (_file("e.txt", ""), "empty"),
        (_file("w.txt", " \n\t\n"), "empty"),
        (_file("b.txt", b"\x00\x01\x02" * 100), "binary"),
        (_file("u.txt", bytes(range(0x80, 0x100)) * 20), "UTF-8"),
        (_file("r.txt", "Президент Беларуси встретится с президентом России в Сочи " * 5), "not English"),
        (_file("f.md", "---\ntitle: [x\n---\n" + ENGLISH), "front matter"),
    ],
    ids=["missing", "empty-dir", "empty", "whitespace", "binary", "not-utf8", "russian", "front-matter"],
)
def test_bad_input_one_line_error_nonzero_exit(tmp_path: Path, capsys, setup, message) -> None:  # type: ignore[no-untyped-def]
    path = setup(tmp_path)
    code, out, err = run(["analyze", str(path)], capsys)
    assert code == 2 and out == ""
    lines = [ln for ln in err.splitlines() if ln]
    assert len(lines) == 1 and lines[0].startswith("error: ") and message in lines[0]
    assert "Traceback" not in err


def test_one_bad_input_among_good_ones_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "good.txt").write_text(ENGLISH)
    (tmp_path / "bad.txt").write_text("")
    code, out, err = run(["analyze", str(tmp_path / "good.txt"), str(tmp_path / "bad.txt"), "--format", "csv"], capsys)
    assert code == 1 and "bad.txt: file is empty" in err and "good" in out


def test_console_script_help_and_errors_without_traceback(tmp_path: Path) -> None:
    exe = Path(sys.executable).with_name("media-analysis")
    help_ = subprocess.run([exe, "analyze", "--help"], capture_output=True, text=True, check=True).stdout
    for option in ("--format", "--output", "--all-roles", "--level", "--force", "--max-bytes"):
        assert option in help_
    bad = subprocess.run([exe, "analyze", str(tmp_path / "nope.txt")], capture_output=True, text=True)
    assert bad.returncode == 2 and bad.stderr.strip().count("\n") == 0 and "Traceback" not in bad.stderr
