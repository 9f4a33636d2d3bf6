"""Safe file writing: atomic replace, never clobbering what a user saved, never replacing what is not a file.

What an output path may be (:func:`output_kind`):

* absent, or a regular file (replaced only with ``overwrite``): the data goes to a temporary file in
  the same folder, which takes the name only when complete (:class:`PendingFile`), so a reader never
  sees half a file and a crash leaves the old one. On Linux the temporary file has no name until then
  (``O_TMPFILE``): even ``kill -9`` leaves nothing behind. Elsewhere it is ``.NAME.PID.tmp``, removed
  by the next write to that name once its process is gone (:func:`remove_orphaned_temporaries`);
* a character device or a named pipe (``/dev/null``, ``/dev/stdout`` when it is a terminal or a
  pipe, a FIFO): a stream, written in place, with or without ``overwrite``: it holds nothing a
  write could destroy, and replacing it with a file would (as root, ``/dev/null`` itself);
* anything else is refused with one :class:`InputError` line and never touched: a directory, a
  symbolic link to a file or to nothing (neither replaced by a file nor written through: give the
  target itself), a block device, a socket.
"""

from __future__ import annotations

import contextlib
import glob
import os
import stat
import sys
import tempfile
from pathlib import Path
from typing import BinaryIO, Literal

from analysis.errors import InputError

#: The end of the "already exists" error for command-line users.
FORCE_HINT = "use --force to replace it"
#: What :func:`output_kind` says of a path that may be written.
OutputKind = Literal["absent", "file", "stream"]


class OutputExists(InputError):
    """The output is a file that is not to be replaced (no ``overwrite``), possibly one that appeared meanwhile."""


def _what(mode: int) -> str:
    """``"a block device"``, ``"a socket"``, ... for the ``st_mode`` of something that is not a file."""
    kinds = (
        (stat.S_ISDIR, "a directory"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISFIFO, "a named pipe"),
    )
    return next((name for test, name in kinds if test(mode)), "not a regular file")


def output_kind(path: str | os.PathLike[str]) -> OutputKind:
    """How ``path`` may be written: ``"absent"``, ``"file"`` (regular) or ``"stream"`` (written in place).

    Raises :class:`InputError` for what is never written (see the module docstring); the
    last component of ``path`` is what counts (a symbolic link in its folders is followed).
    """
    p = Path(path)
    try:
        st = os.lstat(p)
    except (FileNotFoundError, NotADirectoryError):  # a file where a folder of the path should be: said below
        return "absent"
    except OSError as exc:
        raise InputError(f"{p}: cannot check the output ({exc.strerror or exc})") from None
    mode = st.st_mode
    if stat.S_ISLNK(mode):
        try:
            mode = os.stat(p).st_mode
        except OSError:
            raise InputError(f"{p}: is a symbolic link to nothing; give a file name") from None
        if stat.S_ISCHR(mode) or stat.S_ISFIFO(mode):
            return "stream"
        raise InputError(
            f"{p}: is a symbolic link (to {os.path.realpath(p)}); it is never replaced: give the target itself"
        )
    if stat.S_ISREG(mode):
        return "file"
    if stat.S_ISCHR(mode) or stat.S_ISFIFO(mode):
        return "stream"
    if stat.S_ISDIR(mode):
        raise InputError(f"{p}: is a directory; give a file name")
    raise InputError(f"{p}: is {_what(mode)}, not a regular file; it is never replaced")


def check_output_path(path: Path, overwrite: bool, exists_hint: str = FORCE_HINT) -> OutputKind:
    """Raise :class:`InputError` now if writing ``path`` would fail, clobber a file or replace a non-file.

    Returns :func:`output_kind` of ``path``. A stream (a character device, a FIFO) must
    be writable; an existing file needs ``overwrite``; a new or replaced file needs a
    folder it can be created in.
    """
    path = Path(path)
    kind = output_kind(path)
    if kind == "stream":
        if not os.access(path, os.W_OK):
            raise InputError(f"{path}: cannot write to it (permission denied)")
        return kind
    if kind == "file" and not overwrite:
        raise OutputExists(f"{path}: already exists ({exists_hint})")
    for parent in path.parents:  # the first existing ancestor must be a directory we can write in
        if parent.exists():
            if not parent.is_dir():
                raise InputError(f"{path}: {parent} is not a directory")
            _probe(parent, path)
            break
    return kind


def _probe(folder: Path, path: Path) -> None:
    """Create and delete a temporary file in ``folder`` (permission bits alone do not tell: root, /sys, read-only)."""
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".media-analysis-probe.", suffix=".tmp")
    except OSError as exc:
        raise InputError(f"{path}: cannot write in {folder} ({exc.strerror or exc})") from None
    os.close(fd)
    os.unlink(tmp)


def open_stream(path: Path) -> BinaryIO:
    """Open the character device or FIFO ``path`` for writing in place (never creating or truncating a file).

    Raises :class:`InputError` if ``path`` turned into a regular file since it was checked.
    """
    fd = os.open(path, os.O_WRONLY | os.O_NOCTTY | getattr(os, "O_CLOEXEC", 0))
    mode = os.fstat(fd).st_mode
    if not (stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)):
        os.close(fd)
        raise InputError(f"{path}: changed into {_what(mode)} while the run went on; nothing written")
    return os.fdopen(fd, "wb")


class PendingFile:
    """A file being written for ``path``: it takes that name only in :meth:`publish`; :meth:`discard` drops it.

    ``fh`` is the binary file to write. See the module docstring for where it lives meanwhile.
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        #: The temporary file's name, or ``None`` for an unnamed (``O_TMPFILE``) one.
        self.name: Path | None = None
        self.fh: BinaryIO = os.fdopen(self._open(), "wb")

    def _open(self) -> int:
        folder = self.path.parent
        flags = os.O_WRONLY | getattr(os, "O_CLOEXEC", 0)
        remove_orphaned_temporaries(self.path)
        if hasattr(os, "O_TMPFILE"):
            try:
                fd = os.open(folder, flags | os.O_TMPFILE, 0o666)  # the umask applies, as for a new file
            except OSError:  # a file system without unnamed files
                pass
            else:
                if os.path.exists(f"/proc/self/fd/{fd}"):  # how it gets its name (linkat through /proc)
                    return fd
                os.close(fd)
        fd, name = tempfile.mkstemp(dir=folder, prefix=f".{self.path.name}.{os.getpid()}.", suffix=".tmp")
        umask = os.umask(0)
        os.umask(umask)
        os.fchmod(fd, 0o666 & ~umask)  # mkstemp makes 0600; a normal new file follows the umask
        self.name = Path(name)
        return fd

    def publish(self, overwrite: bool, exists_hint: str = FORCE_HINT) -> None:
        """Flush to disk and give the file its name, atomically; closes it.

        Without ``overwrite`` a file that appeared at ``path`` meanwhile is kept
        (:class:`InputError`): ``link`` fails where ``rename`` would clobber. Whatever
        appeared there that is not a regular file is never replaced (:func:`output_kind`).
        """
        try:
            self.fh.flush()
            os.fsync(self.fh.fileno())
            if output_kind(self.path) == "stream":
                raise InputError(f"{self.path}: became a device or a pipe while the run went on; nothing written")
            source = f"/proc/self/fd/{self.fh.fileno()}" if self.name is None else str(self.name)
            if not overwrite:
                try:
                    self._link(source, self.path)
                    return
                except FileExistsError:
                    raise OutputExists(f"{self.path}: already exists ({exists_hint})") from None
                except OSError:
                    if self.name is None:
                        raise
                    # file systems without hard links: a rename (which would clobber) is all there is
            if self.name is None:  # an unnamed file gets a name beside the target first, then replaces it
                staged = self.path.with_name(f".{self.path.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp")
                self._link(source, staged)
                self.name = staged
            os.replace(self.name, self.path)
            self.name = None
        finally:
            self.discard()

    def _link(self, source: str, target: Path) -> None:
        """Hard-link ``source`` as ``target``; an unnamed file through its ``/proc/self/fd`` link.

        That link must be followed (``linkat`` with ``AT_SYMLINK_FOLLOW``), which ``os.link``
        does only when given a directory descriptor.
        """
        if self.name is not None:
            os.link(source, target)
            return
        folder = os.open(target.parent, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.link(source, target.name, src_dir_fd=folder, dst_dir_fd=folder, follow_symlinks=True)
        finally:
            os.close(folder)

    def discard(self) -> None:
        """Close and delete the unfinished file (a no-op once published or discarded)."""
        with contextlib.suppress(OSError):
            self.fh.close()
        if self.name is not None:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(self.name)
            self.name = None


def remove_orphaned_temporaries(path: Path) -> None:
    """Delete ``.<name>.<pid>[.*].tmp`` files beside ``path`` whose process no longer exists."""
    prefix = f".{path.name}."
    for tmp in glob.glob(os.path.join(glob.escape(str(path.parent)), glob.escape(prefix) + "*.tmp")):
        pid = os.path.basename(tmp)[len(prefix) : -len(".tmp")].split(".", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, owned by someone else
        return True
    return True


def atomic_write_bytes(path: Path, data: bytes, overwrite: bool = False, exists_hint: str = FORCE_HINT) -> None:
    """Write ``data`` to ``path``: a file atomically (see :class:`PendingFile`), a device or FIFO in place.

    Raises :class:`OutputExists` when ``path`` exists (or appears meanwhile) and
    ``overwrite`` is false, :class:`InputError` when it is something never written
    (:func:`output_kind`). A missing folder is created.
    """
    path = Path(path)
    if check_output_path(path, overwrite, exists_hint) == "stream":
        with open_stream(path) as fh:
            fh.write(data)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    pending = PendingFile(path)
    try:
        pending.fh.write(data)
        pending.publish(overwrite, exists_hint)
    finally:
        pending.discard()


def atomic_write_text(path: Path, text: str, overwrite: bool = False) -> None:
    """UTF-8 text version of :func:`atomic_write_bytes` (``\\n`` line endings kept as is)."""
    atomic_write_bytes(path, text.encode("utf-8"), overwrite=overwrite)


def output_to_file(output: str | os.PathLike[str] | None) -> bool:
    """Whether an ``--output`` value names a file (``-`` or ``None``: standard output)."""
    return output is not None and os.fspath(output) != "-"


def write_or_print(text: str, output: str | os.PathLike[str] | None, overwrite: bool, report=print) -> None:  # type: ignore[no-untyped-def]
    """Print ``text`` on standard output, or write it atomically to the file ``output`` (never clobbering
    an existing one without ``overwrite``) and call ``report`` with ``"wrote OUTPUT"``."""
    if output is None or not output_to_file(output):
        sys.stdout.write(text)
        return
    atomic_write_text(Path(output), text, overwrite=overwrite)
    report(f"wrote {os.fspath(output)}")
