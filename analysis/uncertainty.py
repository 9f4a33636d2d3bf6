"""Sentence-level uncertainty: a small, explainable logistic model beside the cue lexicon.

(Method and cross-validated figures: see the section at the end of this docstring.)

Public API
----------
:func:`uncertainty`
    probability in [0, 1] that a sentence expresses uncertainty.
:func:`is_uncertain`
    the same, as a decision at the threshold stored in the weights file.
:func:`explain`
    the features that moved the score most, with their contribution to the logit.
:func:`score_sentences`
    the batch form the pipeline uses (cues already found per sentence).
:func:`load_model`
    the weights file as a :class:`UncertaintyModel` (loaded once, cached).

Every function takes ``cues``: the cues already found for that sentence by
:func:`analysis.hedging.find_cues` (offsets relative to the sentence). ``None`` means
"find them here". A cue's ``category``, ``subtype``, ``text`` and ``start`` are used, never
its voice, so cues from :func:`analysis.hedging.article_cues` (re-based to the sentence)
give the same score as cues found on the bare sentence.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .hedging import Cue

#: Lower-cased words (with inner apostrophes), numbers and question marks.
_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+(?:[.,]\d+)*|\?")
_NUM = "<num>"
#: Sentence length (in tokens) buckets: feature ``len:<lo>-<hi>``.
_LENGTH_BUCKETS: tuple[tuple[int, str], ...] = ((8, "len:0-7"), (16, "len:8-15"), (30, "len:16-29"), (45, "len:30-44"))
_LONGEST = "len:45+"
_COUNT_NAMES = ("hedges:0", "hedges:1", "hedges:2+")

WEIGHTS_FILE = "uncertainty_model.json"


def features(sentence: str, cues: Sequence[Cue] | None = None) -> list[str]:
    """The binary features of ``sentence`` (each present once), in a fixed order.

    Args:
        sentence: one sentence of text.
        cues: its cues (see the module docstring); ``None`` -> :func:`~analysis.hedging.find_cues`.

    Returns:
        Feature names: ``word:<w>`` (lower-cased word, numbers as ``<num>``),
        ``pair:<w1> <w2>`` (adjacent words), ``cue:<category>/<subtype>``,
        ``cue:<category>``, ``cueword:<cue text>``, ``hedges:0|1|2+``, ``len:<bucket>``,
        ``ctx:question``, ``ctx:whether``, ``ctx:or not``, ``ctx:hedge first`` (a hedge
        among the first three words). Empty or whitespace-only text -> ``[]``.
    """
    toks = _TOKEN.findall(sentence.lower())
    if not toks:
        return []
    if cues is None:
        from .hedging import find_cues

        cues = find_cues(sentence)
    words = [_NUM if t[0].isdigit() else t for t in toks]
    out = dict.fromkeys(["word:" + w for w in words])
    out.update(dict.fromkeys([f"pair:{a} {b}" for a, b in zip(words, words[1:])]))
    n = len(words)
    for limit, name in _LENGTH_BUCKETS:
        if n < limit:
            out[name] = None
            break
    else:
        out[_LONGEST] = None
    hedges = 0
    for c in cues:
        out["cue:" + c.category] = None
        out[f"cue:{c.category}/{c.subtype}"] = None
        out["cueword:" + " ".join(c.text.lower().split())] = None
        if c.category == "hedge":
            hedges += 1
            if c.start < 40 and len(_TOKEN.findall(sentence, 0, c.start)) < 3:
                out["ctx:hedge first"] = None
    out[_COUNT_NAMES[min(hedges, 2)]] = None
    if "word:?" in out:
        out["ctx:question"] = None
    if "word:whether" in out:
        out["ctx:whether"] = None
    if "pair:or not" in out:
        out["ctx:or not"] = None
    return list(out)


@dataclass(frozen=True)
class UncertaintyModel:
    """Weights of the shipped model: ``logit = bias + sum(weights[f] for f in features)``."""

    weights: dict[str, float]
    bias: float
    #: Decision threshold on the probability (chosen by cross-validation, see the weights file).
    threshold: float
    metadata: dict

    def logit(self, feats: Sequence[str]) -> float:
        """Logit of a feature list (unknown features weigh 0)."""
        get = self.weights.get
        return self.bias + sum(get(f, 0.0) for f in feats)


@cache
def load_model() -> UncertaintyModel:
    """The shipped weights (``analysis/data/uncertainty_model.json``), parsed once.

    Returns:
        The :class:`UncertaintyModel`. Plain JSON; nothing is unpickled or executed.
    """
    text = resources.files("analysis").joinpath("data", WEIGHTS_FILE).read_text(encoding="utf-8")
    raw = json.loads(text)
    return UncertaintyModel(
        weights={k: float(v) for k, v in raw["weights"].items()},
        bias=float(raw["bias"]),
        threshold=float(raw["threshold"]),
        metadata=raw.get("metadata", {}),
    )


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def uncertainty(sentence: str, cues: Sequence[Cue] | None = None) -> float:
    """Probability that ``sentence`` expresses uncertainty (hedge, weasel, speculation).

    Args:
        sentence: one sentence (a longer text works but was not what the model was fitted on).
        cues: cues already found for this sentence, offsets relative to it; ``None`` -> found here.

    Returns:
        A probability in [0, 1]. ``1 - uncertainty(s)`` tracks how certain a reader rates
        the sentence. Empty or whitespace-only text (no word at all) -> ``0.0``.
    """
    feats = features(sentence, cues)
    if not feats:
        return 0.0
    return _sigmoid(load_model().logit(feats))


def is_uncertain(sentence: str, cues: Sequence[Cue] | None = None) -> bool:
    """``uncertainty(sentence, cues) >= threshold`` (threshold from the weights file).

    Args:
        sentence: one sentence; empty text -> ``False``.
        cues: as for :func:`uncertainty`.

    Returns:
        Whether the sentence is uncertain at the cross-validated threshold.
    """
    return uncertainty(sentence, cues) >= load_model().threshold


def explain(sentence: str, cues: Sequence[Cue] | None = None, top: int = 5) -> list[tuple[str, float]]:
    """The features that drove the score most, and their contribution to the logit.

    The logit is ``bias + sum of all contributions`` (bias: ``load_model().bias``),
    and ``uncertainty = 1 / (1 + exp(-logit))``.

    Args:
        sentence: one sentence.
        cues: as for :func:`uncertainty`.
        top: how many features to return (the ``top`` largest in absolute value); ``<= 0`` -> ``[]``.

    Returns:
        ``(feature name, contribution)`` pairs, largest (most positive) first, e.g.
        ``[("cue:hedge/modal", 1.2), ("word:may", 0.4), ("word:binds", -0.3)]``. Features
        with zero weight are left out; empty text -> ``[]``.
    """
    if top <= 0:
        return []
    w = load_model().weights
    contrib = [(f, w[f]) for f in features(sentence, cues) if w.get(f)]
    contrib.sort(key=lambda fc: (-abs(fc[1]), fc[0]))
    return sorted(contrib[:top], key=lambda fc: (-fc[1], fc[0]))


def score_sentences(sentences: Sequence[str], cues_per_sentence: Sequence[Sequence[Cue]]) -> list[float]:
    """:func:`uncertainty` of many sentences whose cues are already known.

    Args:
        sentences: the sentences.
        cues_per_sentence: one cue sequence per sentence (same length as ``sentences``),
            offsets relative to each sentence.

    Returns:
        One probability in [0, 1] per sentence, in order (empty sentences -> ``0.0``).

    Raises:
        ValueError: when the two sequences differ in length.
    """
    if len(sentences) != len(cues_per_sentence):
        raise ValueError(f"{len(sentences)} sentences but {len(cues_per_sentence)} cue lists")
    model = load_model()
    get, bias = model.weights.get, model.bias
    out = []
    for s, cues in zip(sentences, cues_per_sentence):
        feats = features(s, cues)
        out.append(_sigmoid(bias + sum(get(f, 0.0) for f in feats)) if feats else 0.0)
    return out
