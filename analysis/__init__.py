"""media-analysis: how an article is written, paragraph by paragraph.

Readability (textstat's formulas), sentiment (VADER) and hedging (hedges, boosters,
attributions, each located and given to the author or a quoted source), against
comparable coverage. Data flows one way::

    text -> Article -> analyze() -> AnalysedDocument -> tables (pandas) -> plots, reports, exports

Public API::

    import analysis
    art = analysis.load_article("my-article.md")        # or analysis.article_from_text(text, title=...)
    doc = analysis.analyze(art)                          # every layer, computed once
    paragraphs = analysis.paragraph_metrics(doc)          # one row per paragraph
    row = analysis.article_metrics(doc)                   # body-level values
    cues = analysis.cue_table(doc)                        # one row per cue, with voice and speaker
    df = analysis.analyze_corpus(paths, workers=4, cache=True, config=analysis.AnalysisConfig())
    options = analysis.RunOptions(inputs=("corpus.csv",), level="cue", workers=4, cache=True, output="cues.csv")
    analysis.corpus.run.run_corpus(options)              # what `media-analysis analyze` does, in one call

Names are imported on first use (``import analysis`` itself loads nothing heavy).
Nothing here touches the network; see the README for the data dictionary.
"""

from __future__ import annotations

from importlib import import_module
from pathlib import Path as _Path
from typing import Any

from analysis.annotate._cmudict import prepare_nltk_data as _prepare_nltk_data
from analysis.errors import InputError, InputWarning

_prepare_nltk_data()  # direct textstat calls after ``import analysis`` never download (no NLTK import here)

#: The package's version, read from here by the build (pyproject.toml: ``[tool.hatch.version]``); a constant,
#: not looked up through ``importlib.metadata``, whose import alone costs ``--version`` a third of its time.
__version__ = "0.1.0"

SEED_NAME = "could-russia-lose-belarus.txt"

#: Public name -> module that defines it (imported lazily, PEP 562).
_LAZY: dict[str, str] = {
    "AnalysisConfig": "analysis.config",
    "RunOptions": "analysis.options",
    "AnalysedDocument": "analysis.document",
    "analyze": "analysis.document",
    "Article": "analysis.model",
    "load_article": "analysis.sources.loading",
    "article_from_text": "analysis.sources.loading",
    "paragraph_metrics": "analysis.tables",
    "article_metrics": "analysis.tables",
    "article_tables": "analysis.tables",
    "sentence_metrics": "analysis.tables",
    "DATA_DICTIONARY": "analysis.tables",
    "analyze_corpus": "analysis.corpus.batch",
    "load_baseline": "analysis.report.baseline",
    "highlight": "analysis.report.render",
    # kept for code written against earlier versions
    "COLUMNS": "analysis.tables",
    "ROLES": "analysis.model",
    "Paragraph": "analysis.model",
    "Sentence": "analysis.model",
    "Cue": "analysis.annotate.hedging",
    "find_cues": "analysis.annotate.hedging",
    "load_corpus": "analysis.sources.store",
}


def cue_table(item: Any, config: Any = None) -> Any:
    """One row per cue of an article or analysed document (see :func:`analysis.tables.cues`).

    Args:
        item: an :class:`Article` or an :class:`AnalysedDocument`.
        config: an :class:`AnalysisConfig` when ``item`` is an article.

    Returns:
        A DataFrame with columns :data:`analysis.tables.CUE_COLUMNS`.
    """
    from analysis.tables import cues

    return cues(item, config)


def seed_path() -> _Path:
    """Path of the bundled seed article, "Could Russia Lose Belarus?".

    Returns:
        ``analysis/_seeds/`` in an installed wheel, the top-level ``seeds/`` folder in a
        source checkout (both byte-identical to the user's document).

    Raises:
        InputError: the seed is missing from this installation.
    """
    here = _Path(__file__).resolve().parent
    for candidate in (here / "_seeds" / SEED_NAME, here.parent / "seeds" / SEED_NAME):
        if candidate.is_file():
            return candidate
    raise InputError(f"bundled seed article {SEED_NAME} is missing from this installation")


#: Subpackages and modules reachable as attributes (``analysis.hedging.find_cues`` after ``import analysis``).
_SUBMODULES = frozenset(
    "annotate cli config corpus document errors hedging io model options report sources tables voice".split()
)


def __getattr__(name: str) -> Any:
    if name in _SUBMODULES:
        return import_module(f"analysis.{name}")
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'analysis' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


__all__ = [
    "DATA_DICTIONARY",
    "AnalysedDocument",
    "AnalysisConfig",
    "Article",
    "InputError",
    "InputWarning",
    "RunOptions",
    "__version__",
    "analyze",
    "analyze_corpus",
    "article_from_text",
    "article_metrics",
    "article_tables",
    "cue_table",
    "highlight",
    "load_article",
    "load_baseline",
    "paragraph_metrics",
    "seed_path",
    "sentence_metrics",
]
