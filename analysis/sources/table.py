"""A corpus from one table: CSV, TSV, JSON Lines (or a JSON array) or Parquet, one article per row.

Most corpora arrive as an export: one file, a text column and metadata columns::

    from analysis.sources.table import read_table
    from analysis.corpus.table import analyze_table
    table = read_table("articles.csv")                  # columns text, title, id, outlet, date, author
    df = analyze_table("articles.csv", level="article")  # analysed; every other column in every row

(Reading a table is this module's; analysing it is the corpus layer's, :mod:`analysis.corpus.table`.)

Columns (names given by :class:`TableColumns`, defaults ``text``, ``title``, ``id``,
``outlet``, ``date``, ``author``): the text column is required; the others are
optional (an explicitly renamed one must exist). Columns named like the other
article fields (``url``, ``kind``, ``event``, ``language``) fill those fields; every
other column is *carried*: it is kept in :attr:`Article.extra` and written into
every output row (paragraph, article, sentence, cue and source tables).

The user's id (the id column, else the 1-based row number) becomes ``article_id``,
so two articles with the same title are two articles. Each row is turned into an
:class:`~analysis.model.Article` by :func:`analysis.sources.loading.article_from_text`
(the one route every article takes), in the corpus worker that analyses it.

Refused with one :class:`~analysis.errors.InputError` line: a missing or unreadable
file, an unknown suffix, bytes that are not UTF-8, a table that cannot be parsed, a
missing text column (with a hint when the file seems to use another delimiter), rows
with no text, repeated ids, and carried columns named like an output column.
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
import json
import math
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from analysis.errors import InputError
from analysis.model import EXTRA_METADATA, METADATA_FIELDS

#: Table formats by file suffix.
TABLE_SUFFIXES: dict[str, str] = {
    ".csv": "csv",
    ".tsv": "tsv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".parquet": "parquet",
}
#: Delimiters a CSV file is checked for when its text column is missing.
_OTHER_DELIMITERS = (";", "\t", "|")
#: Rows named in an error message at most.
_SHOWN = 5


@dataclass(frozen=True)
class TableColumns:
    """Names of the table's columns for each article field (defaults: the field's own name).

    Only ``text`` must exist. Another column left at its default name may be absent;
    one renamed here must exist (a typo is an error, not an empty field).
    """

    text: str = "text"
    title: str = "title"
    id: str = "id"
    outlet: str = "outlet"
    date: str = "date"
    author: str = "author"


#: The article fields a table's columns can be named for (``--<field>-column``), ``text`` first.
TABLE_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(TableColumns))
#: Columns that fill the article's metadata of the same name when present (the metadata no
#: ``--<field>-column`` names: ``url``, ``kind``, ``language``, ``event``).
FIELD_COLUMNS: tuple[str, ...] = tuple(f for f in (*METADATA_FIELDS, *EXTRA_METADATA) if f not in TABLE_FIELDS)


@dataclass(frozen=True)
class TableRow:
    """One article of a table, not yet segmented: its text, where it came from, its metadata.

    :func:`analysis.analyze_corpus` takes these like file paths: the Article is built with
    :func:`~analysis.sources.loading.article_from_text` in the worker that analyses it.

    Attributes:
        text: the article text (front matter allowed, as in a file).
        source: where it came from, for messages and the ``source_path`` column
            (``articles.csv:row 3``: data rows count from 1, the header not counted).
        metadata: keyword metadata for ``article_from_text`` (``article_id``, ``title``,
            ``outlet``, ``date``, ...).
        carried: the other columns' values (``None`` for an empty cell), set in the Article's
            ``extra`` as they are, whatever their names.
    """

    text: str
    source: str
    metadata: dict[str, Any] = field(default_factory=dict)
    carried: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ArticleTable:
    """What :func:`read_table` read: the rows and the names of the carried columns.

    Attributes:
        path: the table file.
        rows: one :class:`TableRow` per article, in table order.
        carried: the columns carried into every output row, in table order.
    """

    path: Path
    rows: tuple[TableRow, ...]
    carried: tuple[str, ...]

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[TableRow]:
        return iter(self.rows)


def is_table(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` names a table file by its suffix (:data:`TABLE_SUFFIXES`, any case)."""
    return Path(path).suffix.lower() in TABLE_SUFFIXES


def read_table(
    path: str | os.PathLike[str],
    columns: TableColumns | None = None,
    *,
    delimiter: str | None = None,
) -> ArticleTable:
    """Read a table of articles (see the module docstring).

    Args:
        path: a ``.csv``, ``.tsv``, ``.jsonl``/``.ndjson``, ``.json`` (an array of objects)
            or ``.parquet`` file, UTF-8.
        columns: which column holds which field; default :class:`TableColumns`.
        delimiter: the CSV delimiter; default ``,`` (tab for ``.tsv``).

    Returns:
        The :class:`ArticleTable`.

    Raises:
        InputError: the file or a row is unusable (one line naming the file, and the rows).
    """
    columns = columns or TableColumns()
    p = Path(path)
    fmt = TABLE_SUFFIXES.get(p.suffix.lower())
    if fmt is None:
        raise InputError(f"{p}: not a table file; use one of {', '.join(TABLE_SUFFIXES)}")
    if not p.exists():
        raise InputError(f"{p}: no such file or directory")
    if p.is_dir():
        raise InputError(f"{p}: is a directory, not a table file")
    if fmt == "parquet":
        header, records = _read_parquet(p)
    else:
        text = _decode(p)
        if fmt in ("csv", "tsv"):
            header, records = _read_csv(p, text, delimiter or ("\t" if fmt == "tsv" else ","))
        else:
            header, records = _read_json(p, text, lines=fmt == "jsonl")
    return _articles(p, header, records, columns, delimiter)


# --------------------------------------------------------------------------- reading


def _decode(p: Path) -> str:
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"{p}: cannot read ({exc.strerror or exc})") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(
            f"{p}: not valid UTF-8 (byte 0x{data[exc.start]:02x} on line {line}); save the table as UTF-8"
        ) from None


def _read_csv(p: Path, text: str, delimiter: str) -> tuple[list[str], list[dict[str, Any]]]:
    """Header and records of a CSV; every value a string ('' when empty)."""
    import pandas as pd

    if not text.strip():
        raise InputError(f"{p}: empty file (no header, no rows)")
    try:
        df = pd.read_csv(
            io.StringIO(text),
            sep=delimiter,
            dtype=str,
            keep_default_na=False,
            na_filter=False,
            skip_blank_lines=True,
            engine="c",
        )
    except (pd.errors.ParserError, ValueError, csv.Error) as exc:
        detail = " ".join(str(exc).split())
        raise InputError(f"{p}: cannot be read as a table ({detail})") from None
    header = [str(c) for c in df.columns]
    first_line = text.split("\n", 1)[0]
    raw = next(csv.reader([first_line], delimiter=delimiter)) if first_line else []
    if len(raw) != len(set(raw)):
        repeated = sorted({c for c in raw if raw.count(c) > 1})
        raise InputError(f"{p}: the header repeats column {repeated[0]!r}; column names must be unique")
    return header, df.to_dict("records")


def _read_json(p: Path, text: str, lines: bool) -> tuple[list[str], list[dict[str, Any]]]:
    """Header (keys in order of first appearance) and records of JSON Lines or a JSON array of objects."""
    records: list[Any]
    if lines:
        records = []
        for n, line in enumerate(text.split("\n"), start=1):
            if not line.strip():
                continue
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise InputError(f"{p}: line {n} is not JSON ({exc.msg}, column {exc.colno})") from None
            if not isinstance(records[-1], dict):
                raise InputError(f"{p}: line {n} is a JSON {type(records[-1]).__name__}, not an object")
    else:
        try:
            records = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(
                f"{p}: not valid JSON ({exc.msg}, line {exc.lineno}); "
                "a JSON table is an array of objects, or JSON Lines (.jsonl)"
            ) from None
        if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
            raise InputError(f"{p}: a JSON table must be an array of objects, one per article")
    header = list(dict.fromkeys(k for r in records for k in r))
    return header, records


def _read_parquet(p: Path) -> tuple[list[str], list[dict[str, Any]]]:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise InputError(f"{p}: reading Parquet needs pyarrow (pip install pyarrow); or export CSV") from None
    try:
        table = pq.read_table(p)
    except OSError as exc:  # pyarrow's ArrowInvalid/ArrowIOError are OSError or ValueError subclasses
        raise InputError(f"{p}: cannot be read as Parquet ({' '.join(str(exc).split())})") from None
    except ValueError as exc:
        raise InputError(f"{p}: cannot be read as Parquet ({' '.join(str(exc).split())})") from None
    return list(table.column_names), table.to_pylist()


# --------------------------------------------------------------------------- rows to articles


def _articles(
    p: Path, header: list[str], records: list[dict[str, Any]], columns: TableColumns, delimiter: str | None
) -> ArticleTable:
    names = {f.name: getattr(columns, f.name) for f in fields(TableColumns)}
    if names["text"] not in header:
        raise InputError(_missing_text(p, header, names["text"], delimiter))
    defaults = TableColumns()
    for fld, col in names.items():
        if fld != "text" and col not in header and col != getattr(defaults, fld):
            raise InputError(f"{p}: no column {col!r} for the {fld} (columns: {_listing(header)})")
    mapped = {col: fld for fld, col in names.items() if col in header}
    for col in FIELD_COLUMNS:
        if col in header and col not in mapped:
            mapped[col] = col
    carried = tuple(c for c in header if c not in mapped)
    _check_carried(p, carried)
    if not records:
        raise InputError(f"{p}: no rows (a header and no article)")
    rows: list[TableRow] = []
    empty: list[int] = []
    ids: dict[str, int] = {}
    for n, record in enumerate(records, start=1):
        text = record.get(names["text"])
        if (
            text is None
            or (isinstance(text, float) and math.isnan(text))
            or (isinstance(text, str) and not text.strip())
        ):
            empty.append(n)
            continue
        if not isinstance(text, str):
            raise InputError(f"{p}: row {n}: column {names['text']!r} holds a {type(text).__name__}, not text")
        meta: dict[str, Any] = {}
        for col, fld in mapped.items():
            if fld == "text":
                continue
            value = _scalar(record.get(col))
            if value is not None:
                meta["article_id" if fld == "id" else fld] = str(value).strip()
        aid = str(meta.get("article_id") or n)
        if aid in ids:
            raise InputError(
                f"{p}: rows {ids[aid]} and {n} have the same id {aid!r} (column {names['id']!r}); ids must be unique"
            )
        ids[aid] = n
        meta["article_id"] = aid
        rows.append(TableRow(text, f"{p}:row {n}", meta, {col: _scalar(record.get(col)) for col in carried}))
    if empty:
        shown = ", ".join(map(str, empty[:_SHOWN])) + (
            f" and {len(empty) - _SHOWN} more" if len(empty) > _SHOWN else ""
        )
        what = "row" if len(empty) == 1 else "rows"
        raise InputError(
            f"{p}: {what} {shown} {'has' if len(empty) == 1 else 'have'} no text in column "
            f"{names['text']!r}; fill in or remove {'it' if len(empty) == 1 else 'them'}"
        )
    return ArticleTable(p, tuple(rows), carried)


def _missing_text(p: Path, header: Sequence[str], text: str, delimiter: str | None) -> str:
    """The one-line error for a table without its text column: a likely wrong delimiter is named."""
    if len(header) == 1 and p.suffix.lower() in (".csv", ".tsv"):
        only = header[0]
        for d in _OTHER_DELIMITERS:
            if d != delimiter and d in only and text in only.split(d):
                shown = "\\t" if d == "\t" else d
                return (
                    f"{p}: no column {text!r}: the header is one column {_clip(only)!r}; the file seems "
                    f"separated by {shown!r}, not {(delimiter or ',')!r} (pass delimiter={shown!r}, or "
                    f"--delimiter {shown!r} on the command line)"
                )
    return f"{p}: no text column {text!r} (columns: {_listing(header)}); name the text column"


def _check_carried(p: Path, carried: Iterable[str]) -> None:
    from analysis.tables.dictionary import COLUMNS, CUE_COLUMNS, SENTENCE_COLUMNS, SOURCE_COLUMNS

    taken = {*COLUMNS, *CUE_COLUMNS, *SENTENCE_COLUMNS, *SOURCE_COLUMNS}
    for col in carried:
        if col in taken:
            raise InputError(f"{p}: column {col!r} has the name of an output column; rename it in the table")
        if not col.strip():
            raise InputError(f"{p}: a column has no name; name every column in the header")


def _scalar(value: Any) -> Any:
    """A table cell as a plain value: NaN and '' -> None, dates -> ISO 8601, lists and maps -> JSON text."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, (_dt.datetime, _dt.date)):
        return value.isoformat()
    if isinstance(value, (list, dict, tuple)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    if isinstance(value, str):
        return value if value.strip() else None
    return value


def _listing(header: Sequence[str]) -> str:
    shown = ", ".join(repr(_clip(c)) for c in header[:12])
    return shown + (f" and {len(header) - 12} more" if len(header) > 12 else "") if header else "none"


def _clip(s: str, n: int = 60) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


__all__ = [
    "FIELD_COLUMNS",
    "TABLE_FIELDS",
    "TABLE_SUFFIXES",
    "ArticleTable",
    "TableColumns",
    "TableRow",
    "is_table",
    "read_table",
]
