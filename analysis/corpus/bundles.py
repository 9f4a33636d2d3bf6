"""Table bundles from files: one article, the seed, every English article of a store.

These run the analysis (through the corpus engine when a cache is asked for), so they live
here and not in the report layer, which only takes the bundles (:mod:`analysis.tables.bundle`)::

    from analysis.corpus.bundles import comparable_store, load_tables
    from analysis.report import coverage
    focus = load_tables("my-article.md")
    cov = coverage.coverage(focus, comparable_store(focus, "data/articles"))
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from analysis.config import AnalysisConfig
from analysis.corpus.batch import analyze_paths
from analysis.document import analyze
from analysis.errors import InputError
from analysis.model import Article
from analysis.sources.loading import load_article
from analysis.sources.store import Store, article_digests
from analysis.tables.bundle import ArticleTables, StoreTables, ViewTables, document_tables


def load_tables(path: str | Path, config: AnalysisConfig | None = None, cache: object = None) -> ArticleTables:
    """Load an article, analyse it once and build its paragraph, article, sentence and cue tables.

    ``cache``: read (and keep) the analysis in the result cache (as :func:`analysis.analyze_corpus`);
    a cached article needs none of the dictionaries loaded. Raises :class:`InputError` for a bad file.
    """
    if cache is None or cache is False:
        return document_tables(analyze(load_article(path), config))

    result = analyze_paths([path], config=config, cache=cache, keep_documents=True, progress=False)
    if result.failures:
        raise InputError(result.failures[0][1])
    return document_tables(result.documents[0])


def seed_tables() -> ArticleTables:
    """Tables of the bundled seed article."""
    from analysis import seed_path

    return load_tables(seed_path())


def store_tables(
    store: str | Path,
    config: AnalysisConfig | None = None,
    exclude_sha256: set[str] | None = None,
    cache: object = None,
) -> StoreTables:
    """Tables of every English article in ``store`` (one corpus run: cache, unique ids), and notes.

    Args:
        store: the store folder (may be missing or empty: ``[]`` and a note).
        config: analysis settings.
        exclude_sha256: text digests of articles to leave out (the focus, so that it is never
            counted against itself: :func:`analysis.sources.store.article_digests`).
        cache: the result cache (as :func:`analysis.analyze_corpus`: ``True`` for the default
            location, as the command line uses); ``None`` analyses every article anew.

    Returns:
        The :class:`StoreTables`; non-English files are left out with a note, and an article that
        cannot be analysed is left out with its one-line error as a note.
    """
    root = Path(store)
    if not root.is_dir() or not Store(root).paths():
        what = "does not exist" if not root.exists() else "has no article files"
        note = f"the store {root} {what}: add articles with `media-analysis add SOURCE --store {root}`"
        return StoreTables([], [note], root)
    # One pass over the files' front matter (as comparable_paths, which would read them once per call)
    stored = Store(root)
    every = stored.paths()
    entries = {e.path: e for e in stored.entries()}  # files that cannot be read are kept: loading reports them
    english = [p for p in every if p not in entries or entries[p].language == "en"]
    excluded = set(exclude_sha256 or ())
    paths = [p for p in english if p not in entries or not entries[p].digests & excluded]
    notes = []
    if len(english) < len(every):
        notes.append(f"{len(every) - len(english)} non-English article(s) left out (English-only metrics)")
    if len(paths) < len(english):
        notes.append(f"{len(english) - len(paths)} stored copy of the focus article left out")
    result = analyze_paths(paths, config=config, keep_documents=True, progress=False, cache=cache)
    notes += [message for _source, message in result.failures]
    return StoreTables([document_tables(d, lazy=True) for d in result.documents], notes, root)


def comparable_store(
    focus: ArticleTables, store: str | Path, config: AnalysisConfig | None = None, cache: object = None
) -> StoreTables:
    """:func:`store_tables` of ``store`` without any stored copy of ``focus`` (same text)."""
    exclude = article_digests(focus.document.article) if focus.document is not None else set()
    return store_tables(store, config, exclude, cache=cache)


def seed_store(store: str | Path | None = None) -> tuple[ArticleTables, StoreTables]:
    """The seed's tables and those of the store it is compared with (default ``data/articles``)."""
    from analysis.sources.store import DEFAULT_STORE

    seed = seed_tables()
    return seed, comparable_store(seed, Path(store) if store else Path(DEFAULT_STORE))


def view_tables(articles: Iterable[Article]) -> ViewTables:
    """Paragraph table (with each paragraph's ``text``), cue table and article rows of ``articles``
    (the tables :func:`analysis.report.interactive.explore` takes)."""
    from analysis.tables import article_tables
    from analysis.tables import cues as cue_table

    paras, cues, rows = [], [], []
    for art in articles:
        doc = analyze(art)  # one analysis feeds every table
        p, a = article_tables(doc)
        p = p.copy()
        p["text"] = [par.text for par in art.paragraphs]
        paras.append(p)
        cues.append(cue_table(doc))
        a = a.copy()
        a["title"], a["outlet"] = art.title or art.article_id, art.outlet or ""
        rows.append(a)
    if not paras:
        raise ValueError("no articles to explore")
    return ViewTables(
        pd.concat(paras, ignore_index=True),
        pd.concat(cues, ignore_index=True),
        pd.DataFrame(rows).reset_index(drop=True),
    )


def store_view_tables(store: str | Path | None = None, include_seed: bool = True) -> ViewTables:
    """Tables of every English article in the store (and the bundled seed article first)."""
    from analysis import load_article, seed_path
    from analysis.sources.store import DEFAULT_STORE, load_corpus

    root = Path(store) if store else Path(DEFAULT_STORE)
    arts = [load_article(seed_path())] if include_seed else []
    if root.is_dir():
        arts += load_corpus(root, english_only=True)
    return view_tables(arts)


__all__ = [
    "comparable_store",
    "load_tables",
    "seed_store",
    "seed_tables",
    "store_tables",
    "store_view_tables",
    "view_tables",
]
