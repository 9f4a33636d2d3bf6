"""Unhedged predictions: the author asserting a third party's future with no hedge."""

from __future__ import annotations

import re
from collections.abc import Sequence

from analysis.annotate.hedging.context import (
    skip_back,
    tokens_after,
    tokens_before,
    word_tokens,
)
from analysis.annotate.hedging.cues import Cue
from analysis.annotate.hedging.matcher import lowers_exactly
from analysis.annotate.hedging.words import WORDS

_FUTURE_SOURCE = (
    r"(?<![\w'’-])(?:will|shall|won['’]t|(?:is|are|['’]s|['’]re)\s+(?:going|set|bound|poised|due)\s+to)(?![\w'’-])"
)
_FUTURE = re.compile(_FUTURE_SOURCE, re.IGNORECASE)
_FUTURE_LOWER = re.compile(_FUTURE_SOURCE)  # for text.lower(), as in find_cues
_CONDITIONAL = re.compile(r"(?<![\w'’-])(?:if|unless|whether)(?![\w'’-])", re.IGNORECASE)
_PREDICTION_SOURCES = re.compile(
    r"(?<![\w'’-])(?:forecasts?|forecasted|predicts?|predicted|projects|projected|hopes?|hoped|fears?|feared"
    r"|expects?|expected|estimates?|estimated|believes?|warns?|warned|insists?|insisted|promises?|promised|vows?"
    r"|vowed|pledges?|pledged|plans?|planned|intends?|intended|wants?|wanted)(?![\w'’-])",
    re.IGNORECASE,
)
_NOT_MODAL_WILL = WORDS["not_modal_will"]


#: Words one of which every :data:`_FUTURE` match contains (lower case).
_FUTURE_WORDS = ("will", "shall", "won", "going", "set", "bound", "poised", "due")


def _may_predict(text: str) -> bool:
    """True when ``text`` has a :data:`_FUTURE` match; substring tests rule most text out first."""
    lowered = text.lower()
    if not lowers_exactly(text, lowered):
        return _FUTURE.search(text) is not None
    return any(w in lowered for w in _FUTURE_WORDS) and _FUTURE_LOWER.search(lowered) is not None


def is_prediction(sentence: str) -> bool:
    """True when ``sentence`` has a future construction about a third party.

    Future constructions: "will/shall/won't + verb", "is going/set/bound/poised/due
    to". Not counted: the noun "will" ("the political will"), first or second
    person subjects ("I will", "we will", "you will": promises, not predictions),
    conditional sentences ("if/unless ...": the prediction is conditioned, not
    asserted; "If you sell food, the company will take 4%" is a rule) and questions.
    "was due to"/"was set to" is a past plan, not a prediction.
    """
    futures = list(_FUTURE.finditer(sentence))
    if not futures or _CONDITIONAL.search(sentence) or sentence.rstrip(' "”’)').endswith("?"):
        return False  # nothing about the future, conditioned, or asked rather than asserted
    for m in futures:
        prev = skip_back(word_tokens(tokens_before(sentence, m.start(), 3)))
        nxt = word_tokens(tokens_after(sentence, m.end(), 1))
        if m.group(0).lower() == "will" and ((prev and prev[-1] in _NOT_MODAL_WILL) or not nxt or nxt[0] == "of"):
            continue
        if prev and prev[-1] in ("i", "we", "you"):
            continue
        return True
    return False


def unhedged_predictions(
    author_text: str, sentences: Sequence[tuple[int, int]], cues: Sequence[Cue], offset: int = 0
) -> list[int]:
    """Positions in ``sentences`` of the sentences that predict a third party's future unhedged.

    Args:
        author_text: the paragraph text with every quoted or reported passage blanked
            out (spaces, offsets kept): only the author's own words can predict.
        sentences: ``(start, end)`` of each sentence, offsets into the article
            (``author_text`` starts at ``offset``).
        cues: the paragraph's cues (article offsets); a sentence with a hedge or an
            attribution cue is hedged or reported, not asserted.
        offset: where ``author_text`` starts in the article.

    Returns:
        Indices into ``sentences`` (a sentence with a verb crediting the forecast to
        someone, "forecast", "hopes", "warns", "expects", "plans", is not counted).
    """
    if not _may_predict(author_text):  # most paragraphs predict nothing: skip the sentence checks
        return []
    hits = []
    for i, (start, end) in enumerate(sentences):
        sentence = author_text[start - offset : end - offset]
        if not is_prediction(sentence) or _PREDICTION_SOURCES.search(sentence):
            continue
        if not any(start <= c.start < end and c.category in ("hedge", "attribution") for c in cues):
            hits.append(i)
    return hits
