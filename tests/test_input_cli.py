"""Issue 15 at the command line: an unusable cache, the messages, nasty files give one `error:` line."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from analysis import seed_path
from analysis.cli import main
from analysis.corpus.cache import ResultCache

PROC = Path("/proc/self").is_dir()


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def _cache_args(kind: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    if kind == "blocked":  # a file where the cache folder should be
        (tmp_path / "afile").write_text("x")
        return ["--cache-dir", str(tmp_path / "afile" / "sub")]
    if kind == "uncreatable":  # a folder no one (root included) can create
        return ["--cache-dir", "/proc/no-such-folder/cache"]
    if kind == "env":
        monkeypatch.setenv("MEDIA_ANALYSIS_CACHE", "/proc/no-such-folder/cache")
        return []
    if kind == "not-a-database":
        (tmp_path / "c").mkdir()
        (tmp_path / "c" / "results-v1.sqlite").write_bytes(b"this is not a database" * 100)
        return ["--cache-dir", str(tmp_path / "c")]
    assert kind == "read-only"  # as a read-only folder or file gives it (tests may run as root: simulated)

    def refuse(*args: object, **kwargs: object) -> sqlite3.Connection:
        raise sqlite3.OperationalError("attempt to write a readonly database")

    monkeypatch.setattr(sqlite3, "connect", refuse)
    return ["--cache-dir", str(tmp_path / "ro")]


@pytest.mark.parametrize("kind", ["blocked", "uncreatable", "env", "not-a-database", "read-only"])
def test_an_unusable_cache_warns_once_and_the_run_goes_on(
    kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    if kind in ("uncreatable", "env") and not PROC:
        pytest.skip("needs Linux /proc")
    from analysis import InputWarning

    out = tmp_path / "o.csv"
    args = ["analyze", *_cache_args(kind, tmp_path, monkeypatch), "--format", "csv", "-o", str(out)]
    with pytest.warns(InputWarning) as caught:
        code, _, err = run(args, capsys)
    assert code == 0 and out.is_file() and err == f"wrote {out}\n", err
    messages = [str(w.message) for w in caught]
    assert len(messages) == 1 and "cannot use the result cache (" in messages[0]
    assert messages[0].endswith("); running without it")


@pytest.mark.skipif(not PROC, reason="needs Linux /proc (a folder no one can create)")
def test_an_unusable_cache_is_one_warning_line_from_the_console_script(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    env["MEDIA_ANALYSIS_CACHE"] = "/proc/no-such-folder/cache"
    out = tmp_path / "o.csv"
    args = [sys.executable, "-c", "from analysis.cli import run; run()", "analyze", "--format", "csv", "-o", str(out)]
    proc = subprocess.run(args, capture_output=True, env=env, timeout=120, check=False)
    assert proc.returncode == 0 and out.is_file()
    assert proc.stderr.decode().splitlines() == [
        "warning: /proc/no-such-folder/cache: cannot use the result cache "
        "(cannot create its folder: No such file or directory); running without it",
        f"wrote {out}",
    ]


def test_a_cache_that_fails_mid_run_warns_and_keeps_nothing(tmp_path: Path, recwarn: pytest.WarningsRecorder) -> None:
    store = ResultCache(tmp_path / "c.sqlite")
    store._conn.execute("PRAGMA query_only = ON")  # type: ignore[union-attr]  # writes now fail like read-only
    store.put("k", {"a": 1})
    assert not store.usable and store.get("k") is None and len(store) == 0
    store.put("k2", {"a": 1})  # no second warning
    assert [str(w.message) for w in recwarn].count(next(str(w.message) for w in recwarn)) == 1
    assert "cannot use the result cache" in str(recwarn[0].message)


def test_the_cache_command_still_refuses_an_unusable_cache(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    args = _cache_args("not-a-database", tmp_path, monkeypatch)
    code, out, err = run(["cache", "info", *args], capsys)  # the cache's own file name: a damaged cache
    assert code == 2 and err.startswith("error: ") and "the result cache is damaged (file is not a database)" in err
    assert "`media-analysis cache clear` replaces it with an empty one" in err


@pytest.mark.parametrize("command", ["add", "highlight"])
def test_size_limit_message_names_only_options_the_command_has(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"Words and more words.\n\n" * (6 * 1024 * 1024 // 23))
    code, _, err = run([command, str(big), *(["--store", str(tmp_path / "s")] if command == "add" else [])], capsys)
    assert code == 2 and "limit for one article" in err and "--max-bytes" not in err and len(err.splitlines()) == 1


def test_analyze_size_limit_message_names_max_bytes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["analyze", str(seed_path()), "--max-bytes", "100"], capsys)
    assert code == 2 and "raise the limit with --max-bytes" in err


@pytest.mark.parametrize("command", ["analyze", "add", "highlight"])
def test_missing_file_has_one_wording(command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "gone.txt"
    extra = ["--store", str(tmp_path / "s")] if command == "add" else []
    code, _, err = run([command, str(missing), *extra], capsys)
    assert code == 2 and err == f"error: {missing}: no such file or directory\n"


def test_bare_command_prints_help(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run([], capsys)
    assert code == 0 and err == "" and out.startswith("usage: media-analysis") and "analyze" in out


def test_highlight_adds_html_to_a_name_without_suffix(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "out").mkdir()
    code, _, err = run(["highlight", "-o", str(tmp_path / "out" / "news")], capsys)
    assert code == 0 and (tmp_path / "out" / "news.html").is_file() and not (tmp_path / "out" / "news").exists()
    assert "has no file name suffix; writing" in err and f"wrote {tmp_path / 'out' / 'news.html'}" in err
    code, _, err = run(["highlight", "-o", str(tmp_path / "out" / "page.htm")], capsys)
    assert code == 0 and (tmp_path / "out" / "page.htm").is_file() and "note:" not in err


@pytest.mark.parametrize(("n", "words"), [(1, "only 1 word of"), (2, "only 2 words of")])
def test_word_count_agrees_in_number(n: int, words: str) -> None:
    from analysis import InputError
    from analysis.sources.ingest import extract_html

    html = f"<html><head><title>T</title></head><body><article><p>{' '.join(['Word'] * n)}</p></article></body></html>"
    with pytest.raises(InputError) as exc:
        extract_html(html, name="page.html")
    assert words in str(exc.value) or "no article text" in str(exc.value)


NASTY = {
    "utf16-odd-length.txt": "Caf\u00e9 ".encode("utf-16-le") * 20 + b"\x00",
    "nul-soup.txt": b"\x00\xff" * 500,
    "png.md": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
    "crlf-unclosed.md": b"---\r\ntitle: X\r\nNo closing line\r\n",
    "front-matter-tab.md": b"---\r\ntitle:\tX: y: z\r\n---\r\nText.\r\n",
    "bom-only.txt": b"\xef\xbb\xbf",
    "utf16-bom-only.txt": b"\xff\xfe",
    "lone-surrogate-utf16.txt": b"\xff\xfe" + b"\x00\xd8A\x00" * 50,
    "html.md": b"<!DOCTYPE html><html><body><p>Hi</p></body></html>",
}


@pytest.mark.parametrize("name", sorted(NASTY))
@pytest.mark.parametrize("command", ["analyze", "highlight"])
def test_nasty_files_are_one_error_line_from_the_console_script(name: str, command: str, tmp_path: Path) -> None:
    p = tmp_path / name
    p.write_bytes(NASTY[name])
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    env.pop("MEDIA_ANALYSIS_DEBUG", None)
    args = [sys.executable, "-c", "from analysis.cli import run; run()", command, str(p)]
    proc = subprocess.run(
        [*args, "--no-cache"] if command == "analyze" else args, capture_output=True, env=env, timeout=120, check=False
    )
    err = proc.stderr.decode()
    assert proc.returncode == 2, err
    assert "Traceback" not in err and len(err.splitlines()) == 1 and err.startswith("error: ") and str(p) in err


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Le président de la République a annoncé mardi de nouvelles mesures contre l'inflation. " * 3, "French"),
        ("Die Bundesregierung hat am Dienstag neue Maßnahmen gegen die Inflation beschlossen. " * 3, "German"),
        ("El gobierno anunció el martes nuevas medidas para combatir la inflación en el país. " * 3, "Spanish"),
        ("Правительство объявило во вторник о новых мерах по борьбе с инфляцией в стране. " * 3, "Russian"),
    ],
)
@pytest.mark.parametrize("command", ["analyze", "highlight"])
def test_refusal_names_the_language(
    command: str, text: str, named: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    p = tmp_path / "a.txt"
    p.write_text(text, encoding="utf-8")
    code, _, err = run([command, str(p), *(["--no-cache"] if command == "analyze" else [])], capsys)
    assert code == 2 and f"text is in {named}, not English" in err and len(err.splitlines()) == 1


def test_english_lists_and_headlines_are_analysed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The issue's refusals: a newspaper sentence with few function words, a page of names."""
    p = tmp_path / "a.txt"
    p.write_text(
        "Elizabeth Holtzman, the Brooklyn District Attorney, urges holding school bus inspections at closely "
        "supervised central locations, instead of dispatching agents to company garages.\n\n"
        "Cast: Meryl Streep, Tom Hanks, Sarah Paulson, Bob Odenkirk, Tracy Letts, Bradley Whitford.",
        encoding="utf-8",
    )
    code, _, err = run(["analyze", str(p), "--no-cache"], capsys)
    assert code == 0 and err == ""


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_analyze_and_add_read_front_matter_written_in_notepad(
    newline: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (
        "---\ntitle: Library to close\nauthor: Jane Doe\n---\n"
        "The council voted on Tuesday to close the central library, citing a budget gap of $3 million.\n\n"
        "Residents said they would appeal the decision, which they described as short-sighted.\n"
    )
    p = tmp_path / "notepad.md"
    p.write_bytes(text.replace("\n", newline).encode("utf-16"))  # Notepad's "Unicode", CRLF
    code, out, err = run(["analyze", str(p), "--no-cache"], capsys)
    assert code == 0 and err == "" and "notepad" in out
    code, out, err = run(["add", str(p), "--store", str(tmp_path / "store")], capsys)
    assert code == 0 and "library-to-close" in out, err
