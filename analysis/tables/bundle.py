"""Table bundles: the tables of one analysed article, and of comparable coverage, as plain data.

Built from analysed documents (nothing is analysed here); the corpus layer fills them from
files (:mod:`analysis.corpus.bundles`), the report layer draws and compares them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pandas as pd

from analysis.document import AnalysedDocument
from analysis.tables import article_tables, sentence_metrics


@dataclass
class ArticleTables:
    """The tables of one analysed article: paragraphs, body-level row, sentences, cues (and the document)."""

    paragraphs: pd.DataFrame
    article: pd.Series
    sentences: pd.DataFrame
    title: str
    cues: pd.DataFrame | None = None
    document: AnalysedDocument | None = None


class LazyArticleTables(ArticleTables):
    """:class:`ArticleTables` of an analysed document whose tables are built on first use.

    A store of 1,000 articles is listed, filtered and summarised from the documents; only the
    articles shown build their paragraph, sentence and cue tables (each DataFrame costs
    milliseconds, thousands of them most of a minute).
    """

    def __init__(self, doc: AnalysedDocument) -> None:  # noqa: D107 - no dataclass __init__: fields are lazy
        self.document = doc
        self.doc = doc  # the same, typed as present
        self.title = doc.article.title or doc.article.article_id

    @cached_property
    def article(self) -> pd.Series:  # type: ignore[override]
        from analysis.tables.build import article_series

        return article_series(self.doc)

    @cached_property
    def paragraphs(self) -> pd.DataFrame:  # type: ignore[override]
        from analysis.tables.build import paragraph_table

        return paragraph_table(self.doc)

    @cached_property
    def sentences(self) -> pd.DataFrame:  # type: ignore[override]
        return sentence_metrics(self.doc)

    @cached_property
    def cues(self) -> pd.DataFrame:  # type: ignore[override]
        from analysis.tables import cues

        return cues(self.doc)


def document_tables(doc: AnalysedDocument, lazy: bool = False) -> ArticleTables:
    """Every table of ``doc``, read from its layers (nothing is analysed again); ``lazy``: each built on first use."""
    from analysis.tables import cues

    if lazy:
        return LazyArticleTables(doc)
    paragraphs, article = article_tables(doc)
    title = doc.article.title or doc.article.article_id
    return ArticleTables(paragraphs, article, sentence_metrics(doc), title, cues(doc), doc)


@dataclass
class Comparables:
    """Comparable coverage: articles from the local store and a news baseline.

    ``store_*`` come from analysing the store now; ``baseline_*`` from the committed
    baseline files. ``notes`` says in plain words what is missing.
    """

    store_paragraphs: pd.DataFrame
    store_articles: pd.DataFrame
    baseline_paragraphs: pd.DataFrame
    baseline_articles: pd.DataFrame
    baseline_name: str = ""
    notes: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return self.store_articles.empty and self.baseline_articles.empty


@dataclass
class StoreTables:
    """The tables of a store's English articles (from :func:`analysis.corpus.bundles.store_tables`).

    Attributes:
        tables: one bundle per article analysed (lazy: tables built on first use).
        notes: what was left out or is missing, in plain words.
        store: the store folder.
    """

    tables: list[ArticleTables]
    notes: list[str] = field(default_factory=list)
    store: Path = Path()


@dataclass
class ViewTables:
    """Tables for :func:`analysis.report.interactive.explore`: paragraphs (with ``text``), cues, article rows."""

    paragraphs: pd.DataFrame
    cues: pd.DataFrame
    articles: pd.DataFrame


__all__ = ["ArticleTables", "Comparables", "LazyArticleTables", "StoreTables", "ViewTables", "document_tables"]
