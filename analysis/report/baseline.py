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

(the command lives in :mod:`analysis.cli.baseline`).

Corpus files are UTF-8 (with BOM), one paragraph per line, with no title line: in
184 of 189 files the first line is the full lede sentence (20+ words). Of the other
5 ("WNL ..." lesson texts), 4 open with a short unpunctuated section heading
("Introduction", "1 Passing clouds"), kept as ``headline`` (in the paragraph table,
out of body metrics); the fifth opens with a question ("Is this the moment when
streaming goes truly mainstream?") that stays body like that text's later headings.
The title comes from the file name (``"Arctic mapping-adv.txt"`` -> ``"Arctic
mapping"``), never from the first line; see :func:`corpus_article`.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

import pandas as pd

from analysis.corpus.writers import to_csv
from analysis.errors import InputError
from analysis.model import Article
from analysis.report import BASELINE_NAME, BASELINE_OUT
from analysis.report.compare import percentile_rank
from analysis.sources.loading import load_article, slugify
from analysis.tables import COLUMNS, TEXT_COLUMNS, article_tables
from analysis.tables.dictionary import METADATA

DEFAULT_NAME = BASELINE_NAME
#: Where ``build`` writes by default (relative to the working directory, i.e. the checkout).
DEFAULT_OUT = BASELINE_OUT
#: Published columns: every metric column except the ones holding sentences.
#: Metadata kept: the title (from the file name), outlet and kind; no paths, dates or URLs.
_KEPT_METADATA = ("title", "outlet", "kind")
BASELINE_COLUMNS: tuple[str, ...] = tuple(
    c for c in COLUMNS if c not in TEXT_COLUMNS and (c not in METADATA or c in _KEPT_METADATA)
)
_SUFFIX = "-adv"
_SENTENCE_END = (".", "?", "!", "…", '"', "”", "’", "'")


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


def corpus_files(corpus_dir: str | Path) -> list[Path]:
    """The ``.txt`` article files of a corpus folder, sorted by name (README/ATTRIBUTION excluded)."""
    d = Path(corpus_dir)
    if not d.is_dir():
        raise InputError(f"{d}: corpus folder not found")
    files = sorted(p for p in d.glob("*.txt") if p.is_file() and not p.name.startswith("."))
    if not files:
        raise InputError(f"{d}: no .txt article files in the corpus folder")
    return files


def corpus_article(path: Path) -> Article:
    """One corpus file as an :class:`Article`; title and id come from the file name.

    The corpus has no title lines, so a first line that the segmenter's headline
    rule caught but that ends like a sentence (``.``, ``?``, ``!``, closing quote) is
    given back to the body; short unpunctuated section headings stay ``headline``.
    """
    stem = path.stem.removesuffix(_SUFFIX)
    art = load_article(path, title=stem, article_id=slugify(stem), kind="news", outlet="The Guardian")
    first = art.paragraphs[0] if art.paragraphs else None
    if first is not None and first.role == "headline" and first.text.rstrip().endswith(_SENTENCE_END):
        paragraphs = (dataclasses.replace(first, role="body"), *art.paragraphs[1:])
        art = dataclasses.replace(art, paragraphs=paragraphs)
    return art


def build(corpus_dir: str | Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Compute ``(paragraph rows, article rows)`` for every file of ``corpus_dir``, without text columns.

    Raises :class:`InputError` when the folder has no usable article, two files give
    the same id, or a file is not English (a baseline must be homogeneous).
    """
    paras, arts, seen = [], [], set()
    for path in corpus_files(corpus_dir):
        art = corpus_article(path)
        if art.article_id in seen:
            raise InputError(f"{path}: article id {art.article_id!r} is not unique in the corpus")
        seen.add(art.article_id)
        if not art.is_english:
            raise InputError(f"{path}: not English (detected {art.language}); the baseline must be English")
        paragraph_table, article_row = article_tables(art)
        paras.append(paragraph_table.loc[:, list(BASELINE_COLUMNS)])
        arts.append(article_row[list(BASELINE_COLUMNS)])
    return pd.concat(paras, ignore_index=True), pd.DataFrame(arts).reset_index(drop=True)


def write(corpus_dir: str | Path, out_dir: str | Path = DEFAULT_OUT, name: str = DEFAULT_NAME) -> dict[str, object]:
    """Build and (re)write ``<out_dir>/<name>.csv`` and ``<name>.articles.csv`` atomically.

    Regeneration is the purpose, so existing files are replaced. Returns counts and seconds.
    """
    from analysis.io import atomic_write_text

    t0 = time.perf_counter()
    paragraphs, articles = build(corpus_dir)
    seconds = time.perf_counter() - t0
    out = Path(out_dir)
    atomic_write_text(out / f"{name}.csv", to_csv(paragraphs), overwrite=True)
    atomic_write_text(out / f"{name}.articles.csv", to_csv(articles), overwrite=True)
    roles = paragraphs["role"].value_counts().to_dict()
    return {"articles": len(articles), "paragraphs": len(paragraphs), "roles": roles, "seconds": round(seconds, 1)}


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
