"""media-analysis: per-paragraph readability, sentiment and hedging of news articles.

Public API::

    from analysis import load_article, article_from_text, paragraph_metrics, article_metrics
    art = load_article("seeds/could-russia-lose-belarus.txt")
    df = paragraph_metrics(art)        # one row per paragraph, see analysis.metrics.DATA_DICTIONARY
    s = article_metrics(art)           # body-level values, same column names

Nothing here touches the network; see README for the data dictionary.
"""

from __future__ import annotations

from importlib import metadata as _metadata
from pathlib import Path as _Path

from analysis.annotate.hedging import Cue, find_cues
from analysis.corpus.batch import analyze_corpus
from analysis.errors import InputError, InputWarning
from analysis.model import ROLES, Article, Paragraph, Sentence

# ``analysis.baseline`` is the loader function (the module: ``from analysis.baseline import build``).
from analysis.report.baseline import load_baseline
from analysis.sources.loading import article_from_text, load_article
from analysis.sources.store import load_corpus
from analysis.tables.metrics import COLUMNS, DATA_DICTIONARY, article_metrics, article_tables, paragraph_metrics

try:
    __version__ = _metadata.version("media-analysis")
except _metadata.PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0+local"

SEED_NAME = "could-russia-lose-belarus.txt"


def seed_path() -> _Path:
    """Path of the bundled seed article, "Could Russia Lose Belarus?".

    Installed wheels carry it as ``analysis/_seeds/``; a source checkout reads the
    top-level ``seeds/`` folder (both byte-identical to the user's document).
    """
    here = _Path(__file__).resolve().parent
    for candidate in (here / "_seeds" / SEED_NAME, here.parent / "seeds" / SEED_NAME):
        if candidate.is_file():
            return candidate
    raise InputError(f"bundled seed article {SEED_NAME} is missing from this installation")


__all__ = [
    "COLUMNS",
    "DATA_DICTIONARY",
    "ROLES",
    "SEED_NAME",
    "Article",
    "Cue",
    "InputError",
    "InputWarning",
    "Paragraph",
    "Sentence",
    "__version__",
    "analyze_corpus",
    "article_from_text",
    "article_metrics",
    "article_tables",
    "load_baseline",
    "find_cues",
    "load_article",
    "load_corpus",
    "paragraph_metrics",
    "seed_path",
]
