"""Tables (pandas) of analysed documents; every column is in :data:`DATA_DICTIONARY`.

Each function takes an :class:`~analysis.model.Article` (analysed first, with
``config``) or an :class:`~analysis.document.AnalysedDocument` (read as it is).
"""

from __future__ import annotations

import pandas as pd

from analysis.config import AnalysisConfig
from analysis.document import AnalysedDocument, analyze
from analysis.model import Article
from analysis.tables.build import (
    article_series,
    cue_table,
    paragraph_table,
    sentence_table,
    source_table,
    unify_speaker_ids,
)
from analysis.tables.dictionary import (
    COLUMNS,
    CUE_COLUMNS,
    DATA_DICTIONARY,
    SENTENCE_COLUMNS,
    SOURCE_COLUMNS,
    TEXT_COLUMNS,
    data_dictionary_markdown,
    write_data_dictionary,
)


def _doc(item: Article | AnalysedDocument, config: AnalysisConfig | None) -> AnalysedDocument:
    return item if isinstance(item, AnalysedDocument) else analyze(item, config)


def paragraph_metrics(item: Article | AnalysedDocument, config: AnalysisConfig | None = None) -> pd.DataFrame:
    """One row per paragraph (all roles), columns :data:`COLUMNS`.

    Args:
        item: an article (analysed here with ``config``) or an analysed document.
        config: settings when ``item`` is an article; ``None`` = defaults.

    Returns:
        The paragraph table.

    Raises:
        InputError: the article is not English.
    """
    return paragraph_table(_doc(item, config))


def article_metrics(item: Article | AnalysedDocument, config: AnalysisConfig | None = None) -> pd.Series:
    """Body-level values (readability on all body sentences' counts, mean sentiment, summed cues).

    Args:
        item: an article or an analysed document (as :func:`paragraph_metrics`).
        config: settings when ``item`` is an article.

    Returns:
        A Series indexed like :data:`COLUMNS`; zero counts and NaN scores with no body paragraph.
    """
    return article_series(_doc(item, config))


def article_tables(
    item: Article | AnalysedDocument, config: AnalysisConfig | None = None
) -> tuple[pd.DataFrame, pd.Series]:
    """``(paragraph table, article row)`` from one analysis.

    Args:
        item: an article or an analysed document.
        config: settings when ``item`` is an article.

    Returns:
        The paragraph DataFrame and the article Series.
    """
    doc = _doc(item, config)
    return paragraph_table(doc), article_series(doc)


def sentence_metrics(item: Article | AnalysedDocument, config: AnalysisConfig | None = None) -> pd.DataFrame:
    """One row per sentence, columns :data:`SENTENCE_COLUMNS` (offsets into the article text)."""
    return sentence_table(_doc(item, config))


def cues(item: Article | AnalysedDocument, config: AnalysisConfig | None = None) -> pd.DataFrame:
    """One row per cue, columns :data:`CUE_COLUMNS`: location, category, subtype, voice, speaker."""
    return cue_table(_doc(item, config))


def sources(item: Article | AnalysedDocument, config: AnalysisConfig | None = None) -> pd.DataFrame:
    """One row per resolved source (who is quoted or reported), columns :data:`SOURCE_COLUMNS`.

    Args:
        item: an article (analysed here) or an analysed document.
        config: settings when ``item`` is an article.

    Returns:
        speaker, named, direct quotations, reported statements, words, hedges and boosters in
        their words, first paragraph, and the article's metadata.
    """
    return source_table(_doc(item, config))


__all__ = [
    "COLUMNS",
    "CUE_COLUMNS",
    "DATA_DICTIONARY",
    "SENTENCE_COLUMNS",
    "SOURCE_COLUMNS",
    "TEXT_COLUMNS",
    "article_metrics",
    "article_tables",
    "cues",
    "data_dictionary_markdown",
    "paragraph_metrics",
    "sentence_metrics",
    "sources",
    "unify_speaker_ids",
    "write_data_dictionary",
]
