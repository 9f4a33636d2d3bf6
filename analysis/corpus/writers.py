"""Table output: rows written as they come, to CSV, JSON, JSON Lines or Parquet.

:class:`TableWriter` is what keeps a corpus run's memory bounded: rows are
buffered :attr:`TableWriter.ROW_GROUP` at a time and appended to the output, by
:func:`analysis.analyze_corpus` (``output=``) and by ``media-analysis analyze
--format csv|json|jsonl`` alike, so both write the same bytes for the same rows.

* A file is written through a temporary file beside it (:class:`analysis.io.PendingFile`:
  unnamed on Linux, else ``.<name>.<pid>.tmp``) and appears under its name only when the
  run completes (:meth:`TableWriter.close`); an interrupted or failed run leaves the old
  file, or none, and no temporary file (on Linux not even after ``kill -9``; elsewhere one
  left by a killed process is removed by the next run writing that name). An existing
  file is kept unless ``overwrite``.
* Standard output (``path=None``), a character device (``/dev/null``) or a named pipe is
  written as the rows come (:func:`analysis.io.output_kind`); Parquet cannot go there. A
  symbolic link, a block device or a socket is refused, never replaced.

Formats: CSV with a header, floats to :data:`CSV_FLOAT_FORMAT` (6 significant
digits), ``\\n`` line ends, UTF-8 (``excel_safe``: text cells that a spreadsheet would
run as a formula get a leading apostrophe, see :func:`spreadsheet_safe`); JSON: an array of records, one per line; JSON
Lines: one record per line; in both JSON forms a missing value is ``null``.
Parquet (needs ``pyarrow``): one row group per buffer, typed by the first one.
Excel ``.xlsx`` (needs ``openpyxl``): one sheet; its rows are held until :meth:`TableWriter.close`
(a workbook is written whole), at most :data:`XLSX_MAX_ROWS`.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from analysis.errors import InputError
from analysis.io import PendingFile, check_output_path, open_stream

if TYPE_CHECKING:
    import pandas as pd

#: Output formats by file suffix.
SUFFIX_FORMATS = {".csv": "csv", ".json": "json", ".jsonl": "jsonl", ".parquet": "parquet", ".xlsx": "xlsx"}
#: Formats of a corpus run (:func:`analysis.corpus.run.run_corpus`, ``media-analysis analyze``): ``table``
#: (aligned text for reading) and the file formats.
RUN_FORMATS = ("table", *SUFFIX_FORMATS.values())
#: Rows of one Excel sheet at most (the header not counted).
XLSX_MAX_ROWS = 1_048_575
#: ``float_format`` of every CSV the project writes (tables, baseline, corpus runs).
CSV_FLOAT_FORMAT = "%.6g"


#: What a text cell may start with that makes a spreadsheet read it as a formula (OWASP's list for CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(df: pd.DataFrame) -> pd.DataFrame:
    """``df`` with every text cell that starts like a formula prefixed with ``'`` (``=SUM(A1)`` -> ``'=SUM(A1)``).

    Article text is untrusted: a title or sentence starting with ``=``, ``+``, ``-`` or
    ``@`` is a live formula when the CSV is opened in Excel or LibreOffice. The
    apostrophe makes it text there, but it is part of the value for any other reader
    (pandas reads ``'=SUM(A1)``), hence an option. Numbers (``-0.5``) are left alone.
    Returns ``df`` itself when no cell needs it.
    """
    import pandas as pd

    out = df
    for i in range(df.shape[1]):
        values = df.iloc[:, i]
        if pd.api.types.is_numeric_dtype(values) or pd.api.types.is_bool_dtype(values):
            continue
        risky = [isinstance(v, str) and v.startswith(FORMULA_STARTS) for v in values]
        if any(risky):
            out = out.copy() if out is df else out
            out.isetitem(i, [f"'{v}" if r else v for v, r in zip(values, risky, strict=True)])
    return out


def to_csv(df: pd.DataFrame) -> str:
    """``df`` as CSV text in the project's format (see module docstring)."""
    return df.to_csv(index=False, float_format=CSV_FLOAT_FORMAT, lineterminator="\n")


def format_of(path: str | os.PathLike[str]) -> str:
    """The format a file name asks for; ``ValueError`` for any other suffix."""
    fmt = SUFFIX_FORMATS.get(Path(path).suffix.lower())
    if fmt is None:
        raise ValueError(f"{path}: output must end in {', '.join(SUFFIX_FORMATS)}")
    return fmt


def resolve_format(
    requested: str | None, output: str | os.PathLike[str] | None, default: str, allowed: Sequence[str]
) -> str:
    """The output format of a command: ``--format`` if given, else the output file's suffix, else ``default``.

    Args:
        requested: the ``--format`` value, or ``None`` when not given.
        output: the output file (``None`` or ``-``: standard output).
        default: the format without ``--format`` and without a known suffix.
        allowed: the formats the command can write.

    Returns:
        The format.

    Raises:
        InputError: the suffix names another format than ``--format`` (``-o x.csv --format json``),
            or a format the command cannot write.
    """
    suffix = Path(output).suffix.lower() if output not in (None, "-") else ""
    implied = SUFFIX_FORMATS.get(suffix)
    if requested is None:
        fmt = implied or default
        if fmt not in allowed:
            raise InputError(
                f"{output}: this command cannot write {fmt}; use one of "
                f"{', '.join(f for f in allowed if f != 'table')} (or --format)"
            )
        return fmt
    if implied is not None and implied != requested:
        raise InputError(
            f"{output}: the suffix {suffix} says {implied} but --format is {requested}; change one of them"
        )
    return requested


class TableWriter:
    """Append rows (dicts keyed by ``columns``) to a file or standard output; see module docstring.

    Use as a context manager (closed on success, aborted on an exception), or call
    :meth:`close` / :meth:`abort`. ``exists_hint`` completes the error for an
    existing file, e.g. ``"use --force to replace it"``. ``excel_safe`` (CSV only):
    see :func:`spreadsheet_safe`.
    """

    ROW_GROUP = 2000

    def __init__(
        self,
        path: str | os.PathLike[str] | None,
        columns: Sequence[str],
        fmt: str | None = None,
        *,
        overwrite: bool = False,
        exists_hint: str = "pass overwrite=True to replace it",
        excel_safe: bool = False,
    ) -> None:
        self.path = Path(path) if path is not None else None
        self.fmt = fmt or (format_of(self.path) if self.path is not None else "csv")
        if self.fmt not in SUFFIX_FORMATS.values():
            raise ValueError(f"unknown output format {self.fmt!r}")
        if excel_safe and self.fmt != "csv":
            raise InputError(f"{path or 'standard output'}: spreadsheet-safe cells (--excel-safe) are for CSV output")
        self.excel_safe = excel_safe
        self.columns = list(columns)
        self.overwrite, self.exists_hint = overwrite, exists_hint
        self.buffer: list[dict[str, Any]] = []
        self.started = self.done = False
        self.fh: IO[str] | None = None
        self.parquet: Any = None
        #: Every row of an ``.xlsx`` output (a workbook is written whole, in :meth:`close`).
        self.held: list[dict[str, Any]] = []
        #: The file being written (``None`` for standard output or a stream).
        self.pending: PendingFile | None = None
        #: Whether ``path`` is a device or FIFO written in place (:func:`analysis.io.output_kind`).
        self.stream = False
        if self.fmt == "parquet":
            if self.path is None:
                raise ValueError("Parquet output needs a file, not standard output")
            try:
                import pyarrow  # noqa: F401
            except ImportError:
                message = f"{self.path}: writing Parquet needs pyarrow (pip install pyarrow); or use .csv"
                raise InputError(message) from None
        if self.fmt == "xlsx":
            if self.path is None:
                raise InputError("an Excel workbook (xlsx) needs a file (-o FILE.xlsx), not standard output")
            try:
                import openpyxl  # noqa: F401
            except ImportError:
                raise InputError(
                    f"{self.path}: writing .xlsx needs openpyxl (pip install openpyxl); or use .csv"
                ) from None
        if self.path is not None:
            self.stream = check_output_path(self.path, overwrite, exists_hint) == "stream"
            if self.stream and self.fmt in ("parquet", "xlsx"):
                raise InputError(f"{self.path}: {self.fmt} needs a file, not a device or a pipe")
            if not self.stream:
                self.path.parent.mkdir(parents=True, exist_ok=True)

    def add(self, rows: Iterable[dict[str, Any]]) -> None:
        """Queue ``rows`` (any iterable, consumed lazily); every :attr:`ROW_GROUP` rows are written out.

        So at most one row group is held, however many rows one article has.
        """
        for row in rows:
            self.buffer.append(row)
            if len(self.buffer) >= self.ROW_GROUP:
                self._flush()

    def close(self) -> None:
        """Write what is left (a CSV header, ``[]`` even when no row came) and publish the file."""
        self._flush(final=True)
        if self.fmt == "xlsx":
            self._write_xlsx()
        if self.fmt == "json":
            self._write("\n]\n" if self.started else "[]\n")
        if self.parquet is not None:
            self.parquet.close()
        if self.path is None:
            sys.stdout.flush()
        else:
            if self.fh is None and self.parquet is None and self.pending is None:
                self._write("")  # no row and nothing to frame them (JSON Lines): an empty file
            if self.fh is not None:
                self.fh.flush()
            if self.pending is not None:
                self.pending.publish(self.overwrite, self.exists_hint)
            elif self.fh is not None:
                self.fh.close()
        self.done = True

    def abort(self) -> None:
        """Drop an unfinished file (its temporary file); a no-op after :meth:`close`."""
        if self.done or self.path is None:
            return
        for closer in (self.fh, self.parquet):
            if closer is not None:
                with contextlib.suppress(Exception):  # best effort on the error path
                    closer.close()
        if self.pending is not None:
            self.pending.discard()
        self.done = True

    def __enter__(self) -> TableWriter:
        return self

    def __exit__(self, exc_type: object, *exc: object) -> None:
        if exc_type is None:
            self.close()
        else:
            self.abort()

    def _write(self, text: str) -> None:
        if self.path is None:
            sys.stdout.write(text)
            return
        if self.fh is None:
            self.fh = io.TextIOWrapper(self._binary(), encoding="utf-8", newline="")
        self.fh.write(text)

    def _binary(self) -> IO[bytes]:
        """Where the bytes go: the device or FIFO itself, or a :class:`~analysis.io.PendingFile` for the file."""
        assert self.path is not None
        if self.stream:
            return open_stream(self.path)
        self.pending = PendingFile(self.path)
        return self.pending.fh

    def _flush(self, final: bool = False) -> None:
        import pandas as pd

        if not self.buffer and (self.started or not final or self.fmt in ("json", "jsonl")):
            return
        df = pd.DataFrame(self.buffer, columns=self.columns)
        self.buffer = []
        if self.fmt == "csv":
            if self.excel_safe:
                df = spreadsheet_safe(df)
            self._write(
                df.to_csv(index=False, header=not self.started, float_format=CSV_FLOAT_FORMAT, lineterminator="\n")
            )
        elif self.fmt in ("json", "jsonl"):
            records = df.to_json(orient="records", lines=True, force_ascii=False).rstrip("\n")
            if self.fmt == "jsonl":
                self._write(records + "\n")
            else:
                self._write(("[\n" if not self.started else ",\n") + records.replace("\n", ",\n"))
        elif self.fmt == "xlsx":
            self.held.extend(df.to_dict("records"))
            if len(self.held) > XLSX_MAX_ROWS:
                raise InputError(
                    f"{self.path}: more than {XLSX_MAX_ROWS:,} rows do not fit one Excel sheet; use .csv or .parquet"
                )
        else:
            self._write_parquet(df)
        self.started = True

    def _write_xlsx(self) -> None:
        """The held rows as one sheet (``rows``), written through the pending file.

        Every text cell is stored as text, so article text that starts with ``=`` is never a formula.
        Missing values are empty cells.
        """
        import math

        from openpyxl import Workbook
        from openpyxl.cell import WriteOnlyCell

        book = Workbook(write_only=True)
        sheet = book.create_sheet("rows")
        sheet.append(self.columns)
        for record in self.held:
            cells = []
            for name in self.columns:
                value = record.get(name)
                if value is None or (isinstance(value, float) and math.isnan(value)):
                    value = None
                elif not isinstance(value, (int, float, bool, str)):
                    value = str(value)
                cell = WriteOnlyCell(sheet, value=value)
                if isinstance(value, str):
                    cell.data_type = "s"  # text, never a formula
                cells.append(cell)
            sheet.append(cells)
        self.held = []
        book.save(self._binary())

    def _write_parquet(self, df: pd.DataFrame) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        if self.parquet is None:
            table = pa.Table.from_pandas(df, preserve_index=False)
            schema = pa.schema([f.with_type(pa.float64()) if pa.types.is_null(f.type) else f for f in table.schema])
            self.parquet = pq.ParquetWriter(self._binary(), schema.remove_metadata())
        self.parquet.write_table(pa.Table.from_pandas(df, schema=self.parquet.schema, preserve_index=False))
