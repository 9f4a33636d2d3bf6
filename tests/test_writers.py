"""Streaming table output: formats, publication under the final name, temporaries."""

from __future__ import annotations

import io
import json
import os
import socket
import stat
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from analysis import InputError, analyze_corpus
from analysis.corpus.writers import TableWriter
from tests.test_batch import write_corpus

ROWS = [{"a": 1, "b": 0.5, "c": "x"}, {"a": 2, "b": float("nan"), "c": 'naïve, "quoted"\nline'}]


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


# --------------------------------------------------------------------------- outputs that are not regular files

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
#: Each command that writes ``-o PATH``, with ``--force`` (what replaced /dev/null when run as root).
WRITING_COMMANDS = {
    "analyze csv": ["analyze", "--format", "csv", "--no-cache"],
    "analyze table": ["analyze", "--no-cache"],
    "highlight": ["highlight"],
}


def _symlink_to(target: str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        (folder / "out.csv").symlink_to(target)
        return folder / "out.csv"

    return make


def _node(mode: int, device: tuple[int, int]) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        os.mknod(folder / "node", mode | 0o666, os.makedev(*device))
        return folder / "node"

    return make


def _socket(folder: Path) -> Path:
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(folder / "sock"))
    sock.close()
    return folder / "sock"


def _target_file(folder: Path) -> Path:
    (folder / "target.txt").write_text("mine\n")
    return _symlink_to("target.txt")(folder)


REFUSED = [  # (what stands at the output path, how to make it, the error it gets)
    ("symlink to a file", _target_file, "is a symbolic link (to "),
    ("dangling symlink", _symlink_to("nowhere.csv"), "is a symbolic link to nothing"),
    ("socket", _socket, "is a socket, not a regular file"),
    pytest.param(
        "block device",
        _node(stat.S_IFBLK, (7, 200)),
        "is a block device, not a regular file",
        marks=pytest.mark.skipif(not IS_ROOT, reason="mknod needs root"),
    ),
]


@pytest.mark.parametrize("command", WRITING_COMMANDS)
@pytest.mark.parametrize(("what", "make", "message"), REFUSED)
def test_an_output_that_is_not_a_file_is_refused_and_left_alone(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    command: str,
    what: str,
    make: Callable[[Path], Path],
    message: str,
) -> None:
    from analysis.cli import main

    out = make(tmp_path)

    def listing() -> dict[str, tuple[int, int, int]]:
        return {p.name: (st.st_mode, st.st_ino, st.st_size) for p in tmp_path.iterdir() if (st := os.lstat(p))}

    before = listing()
    code = main([*WRITING_COMMANDS[command], "-o", str(out), "--force"])
    err = capsys.readouterr().err
    assert code == 2 and err == f"error: {out}: {err.split(': ', 2)[2]}" and message in err, err
    assert listing() == before
    if what == "symlink to a file":
        assert (tmp_path / "target.txt").read_text() == "mine\n"


STREAMS = [  # what stands at the output path: written in place, left what it was
    ("symlink to /dev/null", _symlink_to("/dev/null"), stat.S_ISLNK),
    pytest.param(
        "character device",
        _node(stat.S_IFCHR, (1, 3)),
        stat.S_ISCHR,
        marks=pytest.mark.skipif(not IS_ROOT, reason="mknod needs root"),
    ),
]


@pytest.mark.parametrize("command", WRITING_COMMANDS)
@pytest.mark.parametrize(("what", "make", "still"), STREAMS)
def test_a_device_output_is_written_in_place(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    command: str,
    what: str,
    make: Callable[[Path], Path],
    still: Callable[[int], bool],
) -> None:
    from analysis.cli import main

    out = make(tmp_path)
    for force in ([], ["--force"]):  # nothing is lost by writing to a device: no --force needed
        assert main([*WRITING_COMMANDS[command], "-o", str(out), *force]) == 0, capsys.readouterr().err
        assert still(os.lstat(out).st_mode) and os.path.realpath(out) in ("/dev/null", str(out))
    assert sorted(p.name for p in tmp_path.iterdir()) == [out.name]  # no temporary file either


def test_a_named_pipe_gets_the_rows_as_they_come(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    with TableWriter(fifo, ["a"]) as writer:
        writer.add([{"a": 1}, {"a": 2}])
    reader.join(10)
    assert got == [b"a\n1\n2\n"] and stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_highlight_adds_no_suffix_to_an_existing_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from analysis.cli import main

    (tmp_path / "null").symlink_to("/dev/null")  # as `highlight -o /dev/full --force` once wrote /dev/full.html
    assert main(["highlight", "-o", str(tmp_path / "null")]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["null"] and "note:" not in capsys.readouterr().err


def test_a_file_that_became_a_symlink_while_writing_is_not_replaced(tmp_path: Path) -> None:
    out = tmp_path / "t.csv"
    writer = TableWriter(out, ["a"], overwrite=True)
    writer.add([{"a": 1}])
    (tmp_path / "target.txt").write_text("mine\n")
    out.symlink_to("target.txt")  # appeared after the check, before the rename
    with pytest.raises(InputError, match="is a symbolic link"):
        writer.close()
    assert out.is_symlink() and (tmp_path / "target.txt").read_text() == "mine\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.csv", "target.txt"]


@pytest.mark.skipif(not hasattr(os, "O_TMPFILE"), reason="unnamed temporary files are Linux's")
def test_a_killed_writer_leaves_no_temporary_file(tmp_path: Path) -> None:
    script = (
        "import sys, time\n"
        "from analysis.corpus.writers import TableWriter\n"
        "w = TableWriter(sys.argv[1], ['a'])\n"
        "w.ROW_GROUP = 1\n"
        "w.add([{'a': 1}])\n"
        "print('written', flush=True)\n"
        "time.sleep(60)\n"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", script, str(tmp_path / "t.csv")],
        stdout=subprocess.PIPE,
        cwd=Path(__file__).resolve().parents[1],
    )
    assert proc.stdout is not None and proc.stdout.readline() == b"written\n"
    proc.kill()
    proc.wait(10)
    assert list(tmp_path.iterdir()) == []


# --------------------------------------------------------------------------- spreadsheet-safe CSV cells


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1 555 0100", "'+1 555 0100"),
        ("-2 percent", "'-2 percent"),
        ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
        ("\tindented", "'\tindented"),
        ("Plain title", "Plain title"),
        ("a = b", "a = b"),
    ],
)
def test_excel_safe_csv_cells_cannot_start_a_formula(tmp_path: Path, cell: str, written: str) -> None:
    out = tmp_path / "t.csv"
    with TableWriter(out, ["text", "score"], excel_safe=True) as writer:
        writer.add([{"text": cell, "score": -0.5}])
    back = pd.read_csv(out, keep_default_na=False)
    assert back["text"].tolist() == [written] and back["score"].tolist() == [-0.5]  # numbers stay numbers
    with TableWriter(tmp_path / "plain.csv", ["text"]) as writer:  # the default writes the text as it is
        writer.add([{"text": cell}])
    assert pd.read_csv(tmp_path / "plain.csv", keep_default_na=False)["text"].tolist() == [cell]


def test_excel_safe_from_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Titles and sentences beginning with =, +, -, @ were live formulas in a spreadsheet."""
    from analysis.cli import main

    art = tmp_path / "a.md"
    art.write_text('---\ntitle: "=1+1"\n---\n-The minister said the plan could fail. Critics disagreed.\n')
    assert main(["analyze", str(art), "--format", "csv", "--level", "sentence", "--excel-safe", "--no-cache"]) == 0
    rows = pd.read_csv(io.StringIO(capsys.readouterr().out), keep_default_na=False)
    assert rows["text"].iloc[0].startswith("'-The minister")
    assert main(["analyze", str(art), "--excel-safe", "--no-cache"]) == 2
    assert capsys.readouterr().err == "error: --excel-safe is for CSV output (--format csv), not --format table\n"
