"""The content cache: warm results equal cold ones, keys invalidate, concurrent writers, kills mid-write."""

from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pandas as pd
import pytest

import analysis.corpus.batch
from analysis import analyze_corpus, article_from_text
from analysis.corpus import cache as cache_mod
from analysis.corpus.cache import ResultCache, analysis_fingerprint, cache_key
from tests.test_batch import TEXTS, write_corpus


def test_warm_run_equals_cold_run_and_skips_analysis(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = write_corpus(tmp_path / "in")
    db = tmp_path / "c.sqlite"
    cold = analyze_corpus(paths, cache=db)
    assert cold.attrs["n_cached"] == 0

    def no_analysis(*args: object, **kwargs: object) -> None:
        raise AssertionError("a cache hit must not segment or analyse")

    monkeypatch.setattr(analysis.corpus.batch, "article_from_text", no_analysis)
    warm = analyze_corpus(paths, cache=db)
    assert warm.attrs["n_cached"] == 3
    pd.testing.assert_frame_equal(warm, cold)
    warm_articles = analyze_corpus(paths, cache=db, level="article")
    monkeypatch.undo()
    pd.testing.assert_frame_equal(warm_articles, analyze_corpus(paths, level="article"))


def test_same_text_under_two_names_keeps_each_article_id(tmp_path: Path) -> None:
    paths = write_corpus(tmp_path / "a", ["alpha-floods"])
    twin = tmp_path / "b" / "twin-story.txt"
    twin.parent.mkdir()
    twin.write_text(TEXTS["alpha-floods"], encoding="utf-8")
    front = tmp_path / "b" / "with-id.md"
    front.write_text("---\nid: floods-2021\n---\n" + TEXTS["alpha-floods"], encoding="utf-8")
    inputs = [paths[0], twin, front]
    db = tmp_path / "c.sqlite"
    cold = analyze_corpus(inputs, cache=db, level="article")
    warm = analyze_corpus(inputs, cache=db, level="article")
    assert warm.attrs["n_cached"] == 3
    assert warm["article_id"].tolist() == ["alpha-floods", "twin-story", "floods-2021"]
    pd.testing.assert_frame_equal(warm, cold)


def test_title_in_front_matter_is_part_of_the_key(tmp_path: Path) -> None:
    body = "Talks resume\n\nOfficials said the talks could resume next week, according to diplomats."
    plain, titled = tmp_path / "plain.txt", tmp_path / "titled.md"
    plain.write_text(body, encoding="utf-8")
    titled.write_text("---\ntitle: Something else entirely\n---\n" + body, encoding="utf-8")
    db = tmp_path / "c.sqlite"
    analyze_corpus([plain], cache=db)
    df = analyze_corpus([titled], cache=db)
    assert df.attrs["n_cached"] == 0  # roles may differ with another title: must not reuse


def test_article_objects_are_keyed_by_their_segmentation(tmp_path: Path) -> None:
    a = article_from_text(TEXTS["mid-school"], article_id="x")
    db = tmp_path / "c.sqlite"
    cold = analyze_corpus([a], cache=db)
    warm = analyze_corpus([a], cache=db)
    assert warm.attrs["n_cached"] == 1
    pd.testing.assert_frame_equal(warm, cold)


def test_key_covers_text_metadata_and_fingerprint() -> None:
    sha = hashlib.sha256(b"text").hexdigest()
    base = cache_key(sha, title="T")
    assert base == cache_key(sha, title="T")
    assert base != cache_key(hashlib.sha256(b"other").hexdigest(), title="T")
    assert base != cache_key(sha, title="U")
    assert base != cache_key(sha, title="T", fingerprint="0" * 64)


def test_lexicon_and_library_versions_are_in_the_fingerprint(monkeypatch: pytest.MonkeyPatch) -> None:
    lexicon = Path(cache_mod.__file__).parents[1] / "data" / "hedge_lexicon.csv"
    assert cache_mod.lexicon_digest() == hashlib.sha256(lexicon.read_bytes()).hexdigest()
    before = analysis_fingerprint()
    try:
        monkeypatch.setattr(cache_mod, "lexicon_digest", lambda: "edited lexicon")
        analysis_fingerprint.cache_clear()
        assert analysis_fingerprint() != before
        monkeypatch.undo()
        monkeypatch.setattr(cache_mod, "_version", lambda dist: "99.0" if dist == "textstat" else "1.0")
        analysis_fingerprint.cache_clear()
        assert analysis_fingerprint() != before
    finally:
        monkeypatch.undo()
        analysis_fingerprint.cache_clear()
    assert analysis_fingerprint() == before


def test_damaged_entry_reads_as_a_miss(tmp_path: Path) -> None:
    db = tmp_path / "c.sqlite"
    with ResultCache(db) as c:
        c.put("k", {"paragraphs": [], "article": {"n_words": 3}})
        assert c.get("k") == {"paragraphs": [], "article": {"n_words": 3}}
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE results SET value = CAST('{\"paragraphs\":[],\"article\":{}}' AS BLOB) WHERE key = 'k'")
    with ResultCache(db) as c:
        assert c.get("k") is None and c.check() == ["k"]


@pytest.mark.parametrize(
    ("blob", "read_as"),
    [
        (b'{"paragraphs":[],"article":{"n_words":999}}', {"paragraphs": [], "article": {"n_words": 999}}),
        (b"cos\nsystem\n(S'echo pwned'\ntR.", None),  # a pickle is never unpickled: not JSON, a miss
    ],
    ids=["consistent-rewrite", "pickle"],
)
def test_the_cache_detects_damage_not_tampering_as_the_readme_says(
    tmp_path: Path, blob: bytes, read_as: object
) -> None:
    """Issue 20, item 15: the README said the cache 'cannot execute code' but not who can change results.

    A value rewritten with its digest is served as it is (the digest guards against damage only), and the
    README says so; a value that is not JSON is a miss, never executed.
    """
    db = tmp_path / "c.sqlite"
    with ResultCache(db) as c:
        c.put("k", {"paragraphs": [], "article": {"n_words": 3}})
    with sqlite3.connect(db) as conn:
        conn.execute(
            "UPDATE results SET value = ?, digest = ? WHERE key = 'k'", (blob, hashlib.sha256(blob).hexdigest())
        )
    with ResultCache(db) as c:
        assert c.get("k") == read_as
    readme = " ".join((Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8").split())
    assert "anyone who can write the cache file can change the results it gives" in readme
    assert "so the cache cannot execute code" in readme


def test_nan_and_numpy_values_round_trip(tmp_path: Path) -> None:
    import numpy as np

    with ResultCache(tmp_path / "c.sqlite") as c:
        c.put("k", {"article": {"a": float("nan"), "b": np.int64(3), "c": np.bool_(True), "d": "é"}, "paragraphs": []})
        got = c.get("k")
    assert got is not None
    art = got["article"]
    assert art["a"] != art["a"] and art["b"] == 3 and art["c"] is True and art["d"] == "é"


WRITER = textwrap.dedent(
    """
    import sys
    from analysis.corpus.cache import ResultCache
    db, tag, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    with ResultCache(db) as c:
        for i in range(n):
            c.put(f"{tag}-{i}", {"article": {"tag": tag, "i": i, "pad": "x" * 20000}, "paragraphs": []})
    """
)


def _writer(db: Path, tag: str, n: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    return subprocess.Popen([sys.executable, "-c", WRITER, str(db), tag, str(n)], env=env)


def _all_entries_valid(db: Path) -> int:
    with ResultCache(db) as c:
        assert c.check() == []
        keys = [k for (k,) in c._conn.execute("SELECT key FROM results")]
        for key in keys:
            value = c.get(key)
            assert value is not None
            tag, i = key.rsplit("-", 1)
            assert value["article"]["tag"] == tag and value["article"]["i"] == int(i)
        return len(keys)


def test_two_processes_writing_at_once(tmp_path: Path) -> None:
    db = tmp_path / "c.sqlite"
    procs = [_writer(db, tag, 150) for tag in ("a", "b")]
    assert [p.wait(timeout=120) for p in procs] == [0, 0]
    assert _all_entries_valid(db) == 300


def test_kill_mid_write_leaves_no_corrupt_entry(tmp_path: Path) -> None:
    db = tmp_path / "c.sqlite"
    proc = _writer(db, "k", 100_000)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:  # wait until it is writing, then kill it without warning
        if db.exists():
            try:
                with ResultCache(db) as c:
                    if len(c) >= 50:
                        break
            except sqlite3.OperationalError:
                pass
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    n = _all_entries_valid(db)
    assert 50 <= n < 100_000
    with ResultCache(db) as c:  # and the cache still accepts writes
        c.put("k-after", {"article": {"tag": "k", "i": 0}, "paragraphs": []})
        assert c.get("k-after") is not None


def test_cache_command_reports_and_clears(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from analysis.cli import main
    from tests.test_batch import write_corpus

    paths = write_corpus(tmp_path / "in")
    analyze_corpus(paths, cache=tmp_path / "c")
    assert main(["cache", "info", "--cache-dir", str(tmp_path / "c")]) == 0
    assert "results-v1.sqlite: 3 cached articles" in capsys.readouterr().out
    assert main(["cache", "clear", "--cache-dir", str(tmp_path / "c")]) == 0
    assert "deleted 3 cached articles" in capsys.readouterr().out
    with ResultCache(tmp_path / "c" / "results-v1.sqlite") as cache:
        assert len(cache) == 0 and cache.check() == []
    assert analyze_corpus(paths, cache=tmp_path / "c").attrs["n_cached"] == 0  # recomputed, then stored again
    assert analyze_corpus(paths, cache=tmp_path / "c").attrs["n_cached"] == 3


def test_prune_deletes_entries_of_another_analysis_version_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from analysis.cli import main

    paths = write_corpus(tmp_path / "in")
    cache_dir = tmp_path / "c"
    try:  # results of an edited lexicon: other keys, another fingerprint
        monkeypatch.setattr(cache_mod, "lexicon_digest", lambda: "edited lexicon")
        analysis_fingerprint.cache_clear()
        analyze_corpus(paths, cache=cache_dir)
    finally:
        monkeypatch.undo()
        analysis_fingerprint.cache_clear()
    assert analyze_corpus(paths, cache=cache_dir).attrs["n_cached"] == 0  # the current version misses them
    assert main(["cache", "info", "--cache-dir", str(cache_dir)]) == 0
    assert "6 cached articles (3 from other versions of the analysis" in capsys.readouterr().out
    assert main(["cache", "prune", "--cache-dir", str(cache_dir)]) == 0
    assert "deleted 3 cached articles from other versions of the analysis; 3 kept" in capsys.readouterr().out
    assert analyze_corpus(paths, cache=cache_dir).attrs["n_cached"] == 3  # current entries survive


def test_cache_from_before_fingerprints_opens_and_its_entries_are_stale(tmp_path: Path) -> None:
    db = tmp_path / "old.sqlite"
    with sqlite3.connect(db) as conn:  # the layout of the first release
        conn.execute(
            "CREATE TABLE results"
            " (key TEXT PRIMARY KEY, digest TEXT NOT NULL, value BLOB NOT NULL, created REAL NOT NULL)"
        )
        conn.execute("INSERT INTO results VALUES ('old', ?, ?, 0)", (hashlib.sha256(b"{}").hexdigest(), b"{}"))
    conn.close()
    with ResultCache(db) as c:
        assert c.get("old") == {}
        c.put("new", {"article": {}})
        assert (len(c), c.stale()) == (2, 1)
        assert c.prune() == 1 and "new" in c and "old" not in c


def _damage(db: Path, pages: str) -> None:
    """Overwrite pages of the database with random bytes (seeded): ``"header"`` page 1, ``"data"`` all the others."""
    import random

    size = db.stat().st_size
    page = 4096
    rng = random.Random(9)
    with db.open("r+b") as fh:
        for start in [0] if pages == "header" else range(page, size, page):
            fh.seek(start)
            fh.write(rng.randbytes(min(page, size - start)))


@pytest.mark.parametrize("pages", ["data", "header"])
def test_a_damaged_cache_is_bypassed_reported_and_rebuilt_by_clear(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], pages: str
) -> None:
    """'database disk image is malformed' made every cached run and every `cache` command exit 70."""
    from analysis.cli import main

    paths = [str(p) for p in write_corpus(tmp_path / "in")]
    cache_dir = tmp_path / "c"
    db = cache_dir / "results-v1.sqlite"
    args = ["analyze", *paths, "--format", "csv", "--cache-dir", str(cache_dir)]
    assert main(args) == 0
    expected = capsys.readouterr().out
    _damage(db, pages)
    cli = [sys.executable, "-c", "from analysis.cli import run; run()"]  # its own stderr: the warning as printed
    done = subprocess.run([*cli, *args], capture_output=True, text=True, check=False)
    out, err = done.stdout, done.stderr
    assert done.returncode == 0 and out == expected and len(err.splitlines()) == 1, err  # no cache, said once
    assert err.startswith(f"warning: {db}: cannot use the result cache (damaged: ") and "cache clear" in err
    for action in ("info", "prune"):  # one line, naming the remedy
        assert main(["cache", action, "--cache-dir", str(cache_dir)]) == 2
        out, err = capsys.readouterr()
        assert out == "" and len(err.splitlines()) == 1
        assert err.startswith(f"error: {db}: the result cache is damaged (")
        assert "`media-analysis cache clear` replaces it with an empty one" in err
    assert main(["cache", "clear", "--cache-dir", str(cache_dir)]) == 0
    assert capsys.readouterr().out.endswith("; replaced with an empty cache\n")
    assert main(["cache", "info", "--cache-dir", str(cache_dir)]) == 0
    assert ": 0 cached articles, " in capsys.readouterr().out
    assert analyze_corpus(paths, cache=cache_dir).attrs["n_cached"] == 0  # usable again: stored anew
    assert analyze_corpus(paths, cache=cache_dir).attrs["n_cached"] == 3


def test_clear_never_replaces_a_file_that_is_not_a_cache(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from analysis.cli import main

    notes = tmp_path / "notes.db"
    notes.write_text("my notes, not a database\n" * 200)
    assert main(["cache", "clear", "--cache-dir", str(notes)]) == 2
    assert "not a usable result cache" in capsys.readouterr().err
    assert notes.read_text() == "my notes, not a database\n" * 200
