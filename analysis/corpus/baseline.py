"""Build a news baseline from a corpus folder (``media-analysis baseline build DIR``).

Every ``.txt`` file of the folder is analysed and its paragraph and article rows are kept
without text columns; :mod:`analysis.report.baseline` reads the committed files (see there
for the corpus, its conventions and the published columns).
"""

from __future__ import annotations

import dataclasses
import time
from pathlib import Path

import pandas as pd

from analysis.corpus.writers import to_csv
from analysis.errors import InputError
from analysis.model import Article
from analysis.sources.loading import load_article, slugify
from analysis.tables import COLUMNS, TEXT_COLUMNS, article_tables
from analysis.tables.dictionary import METADATA

#: Published columns: every metric column except the ones holding sentences.
#: Metadata kept: the title (from the file name), outlet and kind; no paths, dates or URLs.
_KEPT_METADATA = ("title", "outlet", "kind")
BASELINE_COLUMNS: tuple[str, ...] = tuple(
    c for c in COLUMNS if c not in TEXT_COLUMNS and (c not in METADATA or c in _KEPT_METADATA)
)
_SUFFIX = "-adv"
_SENTENCE_END = (".", "?", "!", "…", '"', "”", "’", "'")


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


def write(corpus_dir: str | Path, out_dir: str | Path, name: str) -> dict[str, object]:
    """Build and (re)write ``<out_dir>/<name>.csv`` and ``<name>.articles.csv`` atomically.

    (``media-analysis baseline build`` passes :data:`analysis.report.baseline.DEFAULT_OUT` and
    ``DEFAULT_NAME``.) Regeneration is the purpose, so existing files are replaced. Returns counts and seconds.
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


__all__ = ["BASELINE_COLUMNS", "build", "corpus_article", "corpus_files", "to_csv", "write"]
