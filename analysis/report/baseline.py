"""News baselines: the project's metrics for a reference corpus, as figures only (no text).

The committed baseline ``onestopenglish-adv`` covers the 189 Guardian articles of
the advanced level of the OneStopEnglish corpus (Vajjala & Lučić 2018, CC BY-SA 4.0;
see ``data/baselines/README.md``). Two files:

* ``<name>.csv``: one row per paragraph, every role (filter ``role == "body"``);
* ``<name>.articles.csv``: one row per article, body-level values.

Columns are :data:`analysis.tables.COLUMNS` without :data:`~analysis.tables.TEXT_COLUMNS`
and without the metadata columns other than title, outlet and kind
(no sentences are published). Regenerate with one command (``make baseline`` runs it)::

    media-analysis baseline build ../shared/corpus/onestopenglish-adv

(the command lives in :mod:`analysis.cli.baseline`; building from a corpus folder is
:mod:`analysis.corpus.baseline`'s: this module only reads the committed files).

Corpus files are UTF-8 (with BOM), one paragraph per line, with no title line: in
184 of 189 files the first line is the full lede sentence (20+ words). Of the other
5 ("WNL ..." lesson texts), 4 open with a short unpunctuated section heading
("Introduction", "1 Passing clouds"), kept as ``headline`` (in the paragraph table,
out of body metrics); the fifth opens with a question ("Is this the moment when
streaming goes truly mainstream?") that stays body like that text's later headings.
The title comes from the file name (``"Arctic mapping-adv.txt"`` -> ``"Arctic
mapping"``), never from the first line; see :func:`analysis.corpus.baseline.corpus_article`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import pandas as pd

from analysis.errors import InputError
from analysis.report import BASELINE_NAME, BASELINE_OUT
from analysis.report.compare import percentile_rank

DEFAULT_NAME = BASELINE_NAME
#: Where ``build`` writes by default (relative to the working directory, i.e. the checkout).
DEFAULT_OUT = BASELINE_OUT


def _search_dirs() -> list[Path]:
    here = Path(__file__).resolve().parent.parent
    return [here / "_baselines", here.parent / "data" / "baselines"]


def baseline_path(name: str = DEFAULT_NAME, level: str = "paragraph", directory: str | Path | None = None) -> Path:
    """Path of a committed baseline file; ``level`` is ``"paragraph"`` or ``"article"``."""
    if level not in ("paragraph", "article"):
        raise InputError(f"baseline level must be 'paragraph' or 'article', got {level!r}")
    if not name or "/" in name or "\\" in name or name.startswith("."):
        raise InputError(f"not a baseline name: {name!r}")
    filename = f"{name}.csv" if level == "paragraph" else f"{name}.articles.csv"
    dirs = [Path(directory)] if directory is not None else _search_dirs()
    for d in dirs:
        if (d / filename).is_file():
            return d / filename
    known = sorted({p.name.removesuffix(".articles.csv") for d in dirs if d.is_dir() for p in d.glob("*.articles.csv")})
    raise InputError(f"no baseline named {name!r} (available: {', '.join(known) or 'none'})")


def load_baseline(
    name: str = DEFAULT_NAME, level: str = "paragraph", directory: str | Path | None = None
) -> pd.DataFrame:
    """Load a committed baseline: per-paragraph rows (default) or per-article rows (``level="article"``).

    Paragraph rows include every role; use ``df[df.role == "body"]`` to compare body
    paragraphs. Raises :class:`InputError` for an unknown name or level.
    """
    return pd.read_csv(baseline_path(name, level, directory), keep_default_na=True)


def percentile_ranks(
    values: Mapping[str, object] | pd.Series,
    name: str = DEFAULT_NAME,
    level: str = "article",
    metrics: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Where ``values`` (e.g. ``article_metrics(seed)``) fall in the baseline, metric by metric.

    Returns one row per metric with the value, the baseline median, and the
    percentile rank (0-100: percentage of baseline rows below the value, ties
    counted half). Paragraph-level baselines use body paragraphs only; NaN values
    and baseline NaNs are ignored.
    """
    ref = load_baseline(name, level)
    if level == "paragraph":
        ref = ref[ref["role"] == "body"]
    skip = ("paragraph", "start", "end")
    numeric = [c for c in ref.columns if pd.api.types.is_numeric_dtype(ref[c]) and c not in skip]
    metrics = [m for m in (metrics or numeric) if m in numeric and m in values]
    rows = []
    for m in metrics:
        col = pd.to_numeric(ref[m], errors="coerce").dropna()
        v = pd.to_numeric(pd.Series([values[m]]), errors="coerce").iloc[0]
        rank = percentile_rank(col, float(v))
        rows.append({"metric": m, "value": v, "baseline_median": col.median(), "percentile": rank, "n": len(col)})
    return pd.DataFrame(rows, columns=["metric", "value", "baseline_median", "percentile", "n"])
