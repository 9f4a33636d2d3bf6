"""Analyse a corpus given as one table (CSV, TSV, JSON Lines, JSON or Parquet; read by
:mod:`analysis.sources.table`), one article per row, carried columns in every output row."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from analysis.corpus.batch import analyze_corpus
from analysis.sources.table import TableColumns, read_table

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


__all__ = ["analyze_table"]
