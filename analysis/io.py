"""Safe file writing: atomic replace, never clobbering what a user saved by accident."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import InputError


def atomic_write_bytes(path: Path, data: bytes, overwrite: bool = False) -> None:
    """Write ``data`` to ``path`` via a temporary file and ``os.replace``.

    A reader never sees a half-written file and a crash leaves the old file intact.
    Raises :class:`InputError` when ``path`` exists and ``overwrite`` is false.
    """
    path = Path(path)
    if path.is_dir():
        raise InputError(f"{path}: is a directory; give a file name")
    if path.exists() and not overwrite:
        raise InputError(f"{path}: already exists (use --force to replace it)")
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
        if not overwrite:
            # os.link fails if the target appeared meanwhile: no race with another writer.
            try:
                os.link(tmp, path)
            except FileExistsError:
                raise InputError(f"{path}: already exists (use --force to replace it)") from None
            except OSError:
                os.replace(tmp, path)  # file systems without hard links
                return
            os.unlink(tmp)
        else:
            os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def atomic_write_text(path: Path, text: str, overwrite: bool = False) -> None:
    """UTF-8 text version of :func:`atomic_write_bytes` (``\\n`` line endings kept as is)."""
    atomic_write_bytes(path, text.encode("utf-8"), overwrite=overwrite)
