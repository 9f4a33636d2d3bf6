"""Streaming table output: formats, publication under the final name, temporaries."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from analysis import InputError, analyze_corpus
from analysis.corpus.writers import TableWriter
from tests.test_batch import write_corpus

ROWS = [{"a": 1, "b": 0.5, "c": "x"}, {"a": 2, "b": float("nan"), "c": "naïve, \"quoted\"\nline"}]


@pytest.mark.parametrize("suffix", [".csv", ".json", ".jsonl"])
def test_rows_round_trip_in_every_text_format(tmp_path: Path, suffix: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(TableWriter, "ROW_GROUP", 1)  # one write per row: the joins between writes matter
    out = tmp_path / f"t{suffix}"
    with TableWriter(out, ["a", "b", "c"]) as writer:
        writer.add(ROWS[:1])
        assert not out.exists()  # only under its name once complete
        writer.add(ROWS[1:])
    if suffix == ".csv":
        back = pd.read_csv(out)
    elif suffix == ".json":
        back = pd.DataFrame(json.loads(out.read_text(encoding="utf-8")))
    else:
        back = pd.read_json(out, lines=True)
    assert back["a"].tolist() == [1, 2] and back["c"].tolist() == [ROWS[0]["c"], ROWS[1]["c"]]
    assert back["b"].iloc[0] == 0.5 and pd.isna(back["b"].iloc[1])
    assert [p.name for p in tmp_path.iterdir()] == [out.name]


def test_no_rows_is_still_a_valid_file(tmp_path: Path) -> None:
    for suffix, expected in ((".csv", "a,b\n"), (".json", "[]\n"), (".jsonl", "")):
        out = tmp_path / f"empty{suffix}"
        with TableWriter(out, ["a", "b"]):
            pass
        assert out.read_text() == expected


def test_an_error_leaves_no_file_and_no_temporary(tmp_path: Path) -> None:
    out = tmp_path / "t.csv"
    with pytest.raises(RuntimeError), TableWriter(out, ["a"]) as writer:
        writer.add([{"a": i} for i in range(5000)])  # past one row group: some rows already on disk
        raise RuntimeError("disk on fire")
    assert list(tmp_path.iterdir()) == []


def test_temporary_of_a_killed_run_is_removed_by_the_next(tmp_path: Path) -> None:
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    orphan = tmp_path / f".t.csv.{int(dead.stdout)}.tmp"  # that process has exited
    orphan.write_text("half a table")
    other = tmp_path / f".other.csv.{int(dead.stdout)}.tmp"  # another output's: not ours to remove
    other.write_text("x")
    with TableWriter(tmp_path / "t.csv", ["a"]) as writer:
        writer.add([{"a": 1}])
    assert not orphan.exists() and other.exists()


def test_existing_file_kept_unless_overwrite(tmp_path: Path) -> None:
    out = tmp_path / "t.csv"
    out.write_text("my notes\n")
    with pytest.raises(InputError, match="already exists"):
        TableWriter(out, ["a"])
    with TableWriter(out, ["a"], overwrite=True) as writer:
        writer.add([{"a": 1}])
    assert out.read_text() == "a\n1\n"


def test_library_writes_json_lines(tmp_path: Path) -> None:
    paths = write_corpus(tmp_path / "in")
    out = tmp_path / "rows.jsonl"
    analyze_corpus(paths, output=out, level="article")
    assert pd.read_json(out, lines=True)["article_id"].tolist() == ["zeta-budget", "alpha-floods", "mid-school"]
