"""Public import path of the hedging layer (``analysis.hedging.find_cues`` and friends).

The code lives in :mod:`analysis.annotate.hedging`; this module re-exports its public names.
"""

from typing import Any

from analysis.annotate.hedging import (  # noqa: F401
    CATEGORIES,
    LEXICON_CATEGORIES,
    LEXICON_COLUMNS,
    RULES,
    VOICES,
    Cue,
    Lexicon,
    LexiconEntry,
    SentenceMeasures,
    __all__,
    build_lexicon,
    certainty,
    default_lexicon,
    explain,
    find_cues,
    is_prediction,
    is_uncertain,
    lexicon_table,
    load_lexicon,
    measures,
    score_sentences,
    speculation,
    uncertainty,
    vagueness,
)


def __getattr__(name: str) -> Any:
    if name == "article_cues":
        from analysis.document import article_cues

        return article_cues
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
