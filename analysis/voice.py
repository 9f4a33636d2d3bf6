"""Public import path of the voice layer: who says what.

* :func:`attributions` (and :func:`find_attributions` on raw text): every attribution
  relation of an article, direct quotation or reported speech, with its reporting cue,
  source mention and resolved speaker; :func:`voice_of` gives a span's voice.
* :func:`article_quotes` / :func:`find_quotes`: the quotation-mark segments.

The code lives in :mod:`analysis.annotate.attribution` and :mod:`analysis.annotate.quotes`.
"""

from analysis.annotate.attribution import Attribution, attributions, find_attributions, is_named, voice_of
from analysis.annotate.quotes import Quote, article_quotes, find_quotes, quoted_words

__all__ = [
    "Attribution",
    "Quote",
    "article_quotes",
    "attributions",
    "find_attributions",
    "find_quotes",
    "is_named",
    "quoted_words",
    "voice_of",
]
