"""Analyse a corpus given as tables (CSV, TSV, JSON Lines, JSON or Parquet; read by
:mod:`analysis.sources.table`, one article per row, carried columns in every output row), folders
(a store) of article files, or a mix of them."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from analysis.corpus.batch import analyze_corpus
from analysis.sources.store import expand_inputs
from analysis.sources.table import TableColumns, is_table, read_table

if TYPE_CHECKING:
    import pandas as pd


def analyze_table(
    path: str | os.PathLike[str],
    columns: TableColumns | None = None,
    *,
    delimiter: str | None = None,
    **options: Any,
) -> pd.DataFrame:
    """Read a table of articles and analyse it with :func:`analysis.analyze_corpus`.

    Args:
        path: the table (see :func:`read_table`).
        columns: which column holds which field.
        delimiter: the CSV delimiter.
        **options: :func:`analysis.analyze_corpus` options (``level``, ``workers``, ``cache``,
            ``output``, ``config``, ...).

    Returns:
        The table at ``level`` (paragraph rows by default) with the carried columns last.
    """
    table = read_table(path, columns, delimiter=delimiter)
    return analyze_corpus(table.rows, carry=table.carried, **options)


def expand_sources(
    paths: Iterable[str | os.PathLike[str]],
    columns: TableColumns | None = None,
    *,
    delimiter: str | None = None,
) -> tuple[list[Any], tuple[str, ...]]:
    """What to analyse for a mix of tables, article files and folders (a store) of them.

    Args:
        paths: table files (:func:`is_table`: each stands for its rows), article files, folders.
        columns: the tables' column names.
        delimiter: the tables' CSV delimiter.

    Returns:
        The items for :func:`analysis.analyze_corpus` (:class:`TableRow` objects and file paths, in
        order) and the carried columns of all the tables (in order of first appearance).

    Raises:
        InputError: a path is missing, a folder has no article, a table is unusable.
    """
    items: list[Any] = []
    carried: dict[str, None] = {}
    for path in paths:
        if is_table(path) and not Path(path).is_dir():
            table = read_table(path, columns, delimiter=delimiter)
            items.extend(table.rows)
            carried.update(dict.fromkeys(table.carried))
        else:
            items.extend(expand_inputs([Path(path)]))
    return items, tuple(carried)


def analyze_sources(
    paths: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
    columns: TableColumns | None = None,
    *,
    delimiter: str | None = None,
    **options: Any,
) -> pd.DataFrame:
    """Analyse a table, a folder (store) of article files, or several of either (:func:`expand_sources`).

    Args:
        paths: one path or several.
        columns: the tables' column names.
        delimiter: the tables' CSV delimiter.
        **options: :func:`analysis.analyze_corpus` options (``level``, ``cache``, ``progress``, ...).

    Returns:
        The table at ``level`` with the tables' carried columns last.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    items, carried = expand_sources(paths, columns, delimiter=delimiter)
    return analyze_corpus(items, carry=carried, **options)


__all__ = ["analyze_sources", "analyze_table", "expand_sources"]
