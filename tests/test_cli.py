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
    assert out.startswith("Could Russia Lose Belarus? (opinion)  [could-russia-lose-belarus]\n")
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


def test_a_directory_contributes_its_articles_not_its_documentation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # a corpus folder as distributed: articles plus README/ATTRIBUTION/LICENSE and hidden files
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text(ENGLISH)
    (tmp_path / "sub" / "c.markdown").write_text(ENGLISH)
    for doc in ("README.md", "ATTRIBUTION.md", "LICENSE.txt", ".draft.md", "notes.html"):
        (tmp_path / doc).write_text("These articles are licensed CC BY-SA; see the sources list.\n")
    code, out, err = run(["analyze", str(tmp_path), "--format", "csv", "--no-cache"], capsys)
    df = pd.read_csv(io.StringIO(out))
    assert code == 0, err
    assert list(dict.fromkeys(df["article_id"])) == ["a", "c"]


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


def test_missing_path_among_several_is_reported_and_the_rest_analysed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "good.txt").write_text(ENGLISH)
    code, out, err = run(["analyze", str(tmp_path / "good.txt"), str(tmp_path / "gone.txt"), "--format", "csv"], capsys)
    assert code == 1 and "gone.txt: no such file or directory" in err and "1 of 2 inputs failed" in err
    assert pd.read_csv(io.StringIO(out))["article_id"].unique().tolist() == ["good"]


def test_empty_folder_among_several_is_reported_and_the_rest_analysed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "good.txt").write_text(ENGLISH)
    (tmp_path / "empty").mkdir()
    code, out, err = run(["analyze", str(tmp_path / "empty"), str(tmp_path / "good.txt"), "--format", "csv"], capsys)
    assert code == 1 and "empty: directory has no article files" in err and "1 of 2 inputs failed" in err
    assert pd.read_csv(io.StringIO(out))["article_id"].unique().tolist() == ["good"]


@pytest.mark.parametrize("value", ["0", "-5"])
def test_max_bytes_must_be_positive(value: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["analyze", "--max-bytes", value])
    err = capsys.readouterr().err
    assert exited.value.code == 2
    assert err.startswith(f"error: argument --max-bytes: must be a positive number of bytes, not {value}")


def test_html_page_is_refused_with_a_pointer_to_add(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "page.html"
    page.write_text("<!DOCTYPE html>\n<html lang='en'><body><p>" + ENGLISH + "</p></body></html>")
    for command in (["analyze", str(page)], ["highlight", str(page), "-o", str(tmp_path / "h.html")]):
        code, out, err = run(command, capsys)
        assert code == 2 and out == "" and "is an HTML page" in err and "media-analysis add" in err


def test_highlight_refuses_non_english(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ru = tmp_path / "ru.txt"
    ru.write_text("Президент Беларуси встретится с президентом России в Сочи на следующей неделе. " * 4)
    code, _, err = run(["highlight", str(ru), "-o", str(tmp_path / "ru.html")], capsys)
    assert code == 2 and "not English" in err and not (tmp_path / "ru.html").exists()


def test_output_to_a_directory_is_a_one_line_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["analyze", "--format", "csv", "-o", str(tmp_path), "--force"], capsys)
    assert code == 2 and "is a directory" in err and len(err.splitlines()) == 1
    # --workers -1: see test_usage_mistakes_are_one_line_errors


def test_output_file_follows_the_umask(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import os

    old = os.umask(0o022)
    try:
        assert run(["analyze", "--format", "csv", "-o", str(tmp_path / "t.csv")], capsys)[0] == 0
    finally:
        os.umask(old)
    assert (tmp_path / "t.csv").stat().st_mode & 0o777 == 0o644


def test_small_size_limit_is_stated_in_bytes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["analyze", str(seed_path()), "--max-bytes", "100"], capsys)
    assert code == 2 and "larger than the 100 byte limit" in err


def test_console_script_ignores_a_late_ctrl_c_after_an_interrupt(monkeypatch: pytest.MonkeyPatch) -> None:
    """After "error: interrupted" the script exits 130 even if another Ctrl-C lands during shutdown."""
    import signal

    from analysis import cli  # noqa: F401

    def interrupted(argv: object = None) -> int:
        assert signal.getsignal(signal.SIGINT) is not signal.SIG_IGN  # Ctrl-C works while running
        return cli.EXIT_INTERRUPTED

    previous = signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)
    monkeypatch.setattr(cli, "main", interrupted)
    try:
        with pytest.raises(SystemExit) as exited:
            cli.run()
        assert exited.value.code == 130
        assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
    finally:
        signal.signal(signal.SIGINT, previous[0])
        signal.signal(signal.SIGTERM, previous[1])


def test_csv_json_and_json_lines_hold_the_same_rows(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    frames = {}
    for fmt in ("csv", "json", "jsonl"):
        out = tmp_path / f"seed.{fmt}"
        code, _, err = run(["analyze", "--format", fmt, "-o", str(out)], capsys)
        assert code == 0 and err == f"wrote {out}\n"
        if fmt == "csv":
            frames[fmt] = pd.read_csv(out)
        else:
            frames[fmt] = pd.DataFrame(json.loads(out.read_text()) if fmt == "json" else pd.read_json(out, lines=True))
    for fmt in ("json", "jsonl"):
        assert list(frames[fmt].columns) == list(frames["csv"].columns)
        for col in ("article_id", "paragraph", "n_words", "hedges"):
            assert frames[fmt][col].tolist() == frames["csv"][col].tolist(), (fmt, col)
        for col in ("quoted_share", "flesch_kincaid_grade"):  # CSV keeps 6 significant digits, JSON 10
            assert frames[fmt][col].tolist() == pytest.approx(frames["csv"][col].tolist(), rel=1e-5), (fmt, col)


def test_streamed_csv_is_the_table_written_at_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rows appended a few at a time make the same bytes as the whole table's CSV."""
    from analysis import analyze_corpus
    from analysis.corpus.writers import TableWriter, to_csv
    from tests.test_batch import write_corpus

    paths = write_corpus(tmp_path / "in")
    monkeypatch.setattr(TableWriter, "ROW_GROUP", 2)
    code, out, _ = run(["analyze", *map(str, paths), "--format", "csv", "--all-roles"], capsys)
    assert code == 0 and out == to_csv(analyze_corpus(paths))


def test_output_checked_before_any_analysis(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import analysis.corpus.batch

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("analysed although the output was unusable")

    monkeypatch.setattr(analysis.corpus.batch, "iter_outcomes", never)
    (tmp_path / "taken.txt").write_text("my notes\n")  # .txt: a suffix that names no table format
    (tmp_path / "folder").mkdir()
    (tmp_path / "afile").write_text("x")
    for target, message in (
        ("taken.txt", "already exists"),
        ("folder", "is a directory"),
        ("afile/out.txt", "is not a directory"),
    ):
        for fmt in ("csv", "table"):
            code, _, err = run(["analyze", "--format", fmt, "-o", str(tmp_path / target)], capsys)
            assert code == 2 and message in err and len(err.splitlines()) == 1, (target, fmt, err)
    assert (tmp_path / "taken.txt").read_text() == "my notes\n"


def test_all_inputs_failing_is_exit_2_with_a_summary_and_no_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02")
    out = tmp_path / "o.csv"
    code, stdout, err = run(
        ["analyze", str(tmp_path / "empty.txt"), str(tmp_path / "binary.txt"), "--format", "csv", "-o", str(out)],
        capsys,
    )
    assert code == 2 and stdout == "" and not out.exists()
    assert err.splitlines()[-1] == "error: 2 of 2 inputs failed"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["binary.txt", "empty.txt"]  # no temporary file either


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["analyze", "--workers", "abc"], "argument --workers: expects a whole number of processes, not 'abc'"),
        (["analyze", "--workers", "-1"], "argument --workers: must be 0 (one per CPU) or more, not -1"),
        (
            ["analyze", "--max-bytes", "5MB"],
            "argument --max-bytes: expects a whole number of bytes (e.g. 25000000), not '5MB'",
        ),
        (["analyze", "--no-cache", "--cache-dir", "x"], "not allowed with argument --no-cache"),
        (["analyze", "--cache-dir", ""], "needs a folder name"),
        (["frobnicate"], "invalid choice: 'frobnicate'"),
    ],
)
def test_usage_mistakes_are_one_line_errors(args: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(args)
    err = capsys.readouterr().err
    assert exited.value.code == 2 and len(err.splitlines()) == 1
    assert err.startswith("error: ") and message in err and "--help" in err


def test_cache_info_on_a_new_folder_creates_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["cache", "info", "--cache-dir", str(tmp_path / "new")], capsys)
    assert code == 0 and "no result cache yet" in out and not (tmp_path / "new").exists()


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux /proc (a folder no one can create files in)")
def test_output_folder_that_cannot_be_written_is_refused_up_front(capsys: pytest.CaptureFixture[str]) -> None:
    for fmt in ("csv", "table"):
        code, _, err = run(["analyze", "--format", fmt, "-o", "/proc/out.txt"], capsys)
        assert code == 2 and err == "error: /proc/out.txt: cannot write in /proc (No such file or directory)\n"


def test_a_write_failing_midway_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from analysis.corpus.writers import TableWriter

    def full(self: TableWriter, text: str) -> None:
        raise OSError(28, "No space left on device", str(self.path))

    monkeypatch.setattr(TableWriter, "_write", full)
    out = tmp_path / "o.csv"
    code, _, err = run(["analyze", "--format", "csv", "-o", str(out)], capsys)
    assert code == 2 and err.startswith("error: ") and err.endswith(": No space left on device\n")
    assert len(err.splitlines()) == 1 and list(tmp_path.iterdir()) == []


def test_cache_command_refuses_a_file_where_the_folder_should_be(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "notes.txt").write_text("mine\n")
    code, out, err = run(["cache", "info", "--cache-dir", str(tmp_path / "notes.txt")], capsys)
    assert code == 2 and out == "" and "notes.txt: is a file, not a folder for the result cache" in err


@pytest.mark.parametrize("argv", [["--version"], ["--help"], ["analyze", "--help"], ["report", "--help"]])
def test_version_and_help_import_no_heavy_library(argv: list[str]) -> None:
    """--version and --help build the parser only: no pandas, matplotlib or the analysis (start-up time)."""
    code = (
        "import sys\nfrom analysis.cli import run\nsys.argv = ['media-analysis', *sys.argv[1:]]\n"
        "try:\n    run()\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('pandas', 'matplotlib', 'numpy', 'textstat') if m in sys.modules]\n"
        "print('HEAVY', heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, text=True, timeout=120).stdout
    assert "HEAVY []" in out, out[-300:]
