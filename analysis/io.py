"""Safe file writing: atomic replace, never clobbering what a user saved by accident."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from analysis.errors import InputError

#: The end of the "already exists" error for command-line users.
FORCE_HINT = "use --force to replace it"


def check_output_path(path: Path, overwrite: bool, exists_hint: str = FORCE_HINT) -> None:
    """Raise :class:`InputError` now if writing ``path`` would fail or clobber a file later.

    A directory is never an output; an existing file only with ``overwrite``.
    """
    path = Path(path)
    if path.is_dir():
        raise InputError(f"{path}: is a directory; give a file name")
    if path.exists() and not overwrite:
        raise InputError(f"{path}: already exists ({exists_hint})")
    for parent in path.parents:  # the first existing ancestor must be a directory we can write in
        if parent.exists():
            if not parent.is_dir():
                raise InputError(f"{path}: {parent} is not a directory")
            _probe(parent, path)
            break


def _probe(folder: Path, path: Path) -> None:
    """Create and delete a temporary file in ``folder`` (permission bits alone do not tell: root, /sys, read-only)."""
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".media-analysis-probe.", suffix=".tmp")
    except OSError as exc:
        raise InputError(f"{path}: cannot write in {folder} ({exc.strerror or exc})") from None
    os.close(fd)
    os.unlink(tmp)


def publish(tmp: Path, path: Path, overwrite: bool, exists_hint: str = FORCE_HINT) -> None:
    """Give the finished temporary file ``tmp`` its name ``path`` (same directory), atomically.

    Without ``overwrite`` a file that appeared at ``path`` meanwhile is kept
    (:class:`InputError`, ``tmp`` removed): ``os.link`` fails where ``os.replace`` would clobber.
    """
    try:
        if overwrite:
            os.replace(tmp, path)
            return
        try:
            os.link(tmp, path)
        except FileExistsError:
            raise InputError(f"{path}: already exists ({exists_hint})") from None
        except OSError:
            os.replace(tmp, path)  # file systems without hard links
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def atomic_write_bytes(path: Path, data: bytes, overwrite: bool = False) -> None:
    """Write ``data`` to ``path`` via a temporary file and ``os.replace``.

    A reader never sees a half-written file and a crash leaves the old file intact.
    Raises :class:`InputError` when ``path`` exists and ``overwrite`` is false.
    """
    path = Path(path)
    check_output_path(path, overwrite)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; a normal new file follows the umask
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        publish(Path(tmp), path, overwrite)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def atomic_write_text(path: Path, text: str, overwrite: bool = False) -> None:
    """UTF-8 text version of :func:`atomic_write_bytes` (``\\n`` line endings kept as is)."""
    atomic_write_bytes(path, text.encode("utf-8"), overwrite=overwrite)
