"""Hedges, boosters and attribution cues, located in the text.

The lexicon is a data file, ``analysis/data/hedge_lexicon.csv``, with columns

``cue``
    one or more forms separated by ``/`` (inflections: ``believe/believes/believed``);
    a form is a word or phrase, matched case-insensitively, whole-word, any run of
    whitespace between words, straight or curly apostrophes.
``category``
    ``hedge`` (withholds commitment), ``booster`` (expresses certainty),
    ``attribution`` (assigns a claim to a source), or ``none``: a *blocker*, a
    phrase that contains a cue word but is not a cue ("it should be noted", "make
    sure"); it is matched so that the shorter cue inside it is not.
``subtype``
    e.g. modal, epistemic verb, approximator, weasel, certainty adverb, reporting verb.
``rule``
    name of a context rule (below) deciding whether a match is a cue, and of which
    category; empty = always a cue.
``source``, ``notes``
    Hyland (2005) *Metadiscourse*; the CoNLL-2010 shared-task annotation guidelines
    (Farkas et al. 2010); or ``project`` with the reason in ``notes``.

See :mod:`analysis.annotate.hedging.rules` for every context rule. Modules:
:mod:`~analysis.annotate.hedging.lexicon` (the data file and its matcher),
:mod:`~analysis.annotate.hedging.words` (word classes the rules consult, also data),
:mod:`~analysis.annotate.hedging.context` (tokens around a match),
:mod:`~analysis.annotate.hedging.rules`, :mod:`~analysis.annotate.hedging.matcher`
(:func:`find_cues`), :mod:`~analysis.annotate.hedging.predictions` and
:mod:`~analysis.annotate.hedging.sentence_model` (sentence measures beside the lexicon:
:func:`speculation`, :func:`vagueness`, :func:`certainty`, their combination :func:`uncertainty`,
:func:`is_uncertain`, :func:`explain`).
Voice (author, quoted, reported) is given to each cue on the analysed document
(:func:`analysis.analyze`); :func:`article_cues` is that layer, per paragraph.
"""

from __future__ import annotations

from typing import Any

from analysis.annotate.hedging.cues import CATEGORIES, LEXICON_CATEGORIES, VOICES, Cue
from analysis.annotate.hedging.lexicon import (
    LEXICON_COLUMNS,
    Lexicon,
    LexiconEntry,
    build_lexicon,
    default_lexicon,
    lexicon_table,
    load_lexicon,
)
from analysis.annotate.hedging.matcher import find_cues
from analysis.annotate.hedging.predictions import is_prediction
from analysis.annotate.hedging.rules import RULES
from analysis.annotate.hedging.sentence_model import (
    SentenceMeasures,
    certainty,
    explain,
    is_uncertain,
    measures,
    score_sentences,
    speculation,
    uncertainty,
    vagueness,
)

__all__ = [
    "CATEGORIES",
    "LEXICON_CATEGORIES",
    "LEXICON_COLUMNS",
    "RULES",
    "VOICES",
    "Cue",
    "Lexicon",
    "LexiconEntry",
    "SentenceMeasures",
    "article_cues",
    "build_lexicon",
    "certainty",
    "default_lexicon",
    "explain",
    "find_cues",
    "is_prediction",
    "is_uncertain",
    "lexicon_table",
    "load_lexicon",
    "measures",
    "score_sentences",
    "speculation",
    "uncertainty",
    "vagueness",
]


def __getattr__(name: str) -> Any:
    if name == "article_cues":  # defined on the analysed document (imports this package)
        from analysis.document import article_cues

        return article_cues
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
