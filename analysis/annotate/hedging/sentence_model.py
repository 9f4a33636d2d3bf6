"""Sentence-level uncertainty: a small, explainable linear model beside the cue lexicon.

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
:func:`features`, :func:`load_model`
    the feature names of a sentence; the weights file as an :class:`UncertaintyModel`.

Every function takes ``cues``: the cues already found for that sentence by
:func:`analysis.hedging.find_cues` (offsets relative to the sentence). ``None`` means
"find them here". A cue's ``category``, ``subtype``, ``text`` and ``start`` are used, never
its voice, so cues from :func:`analysis.hedging.article_cues` (re-based to the sentence)
give the same score as cues found on the bare sentence. ``head=`` (optional) scores with
one head alone; the default (no ``head``) is the model described here. Inference needs only
the standard library; the weights are plain JSON (``analysis/data/uncertainty_model.json``),
read once.

Features (all binary, see :func:`features`)
    ``word:<w>`` lower-cased words (numbers -> ``<num>``); ``pair:<w1> <w2>`` adjacent words;
    from the lexicon cues ``cue:<category>``, ``cue:<category>/<subtype>`` (e.g.
    ``cue:hedge/weasel``, ``cue:hedge/negated booster``) and ``cueword:<cue text>``;
    ``hedges:0|1|2+`` (number of hedge cues); ``len:<bucket>`` (words); ``first:<w>`` (the first
    word); ``ctx:question``, ``ctx:whether``, ``ctx:or not``, ``ctx:hedge first`` (a hedge among
    the first three words); context features for weasels and peacock terms (see :func:`_context`):
    ``vague:<w> +<class of the next word>`` ("some critics" -> ``vague:some +human``),
    ``passive:it be believed``, ``passive:be considered``, ``class:peacock``, ``class:editorial``,
    ``ctx:-est word``, ``ctx:most +word``, ``ctx:one of the``. Their word classes are stored in
    the weights file (``word_lists``); the training script names each list's source. Together
    they raised the cross-validated Wikipedia F1 of the Wikipedia head alone from 0.632 to 0.644.

Model
    Three logistic-regression heads, each fitted on one training set: ``wikipedia``
    (CoNLL-2010 weasels, vague quantifiers, hedges), ``bio`` (CoNLL-2010/BioScope speculation)
    and ``certainty`` (Pei & Jurgens 2021 findings rated 1-6, as soft labels
    ``(6 - rating) / 5``). A gate (multinomial logistic regression over the same features: which
    of the three sets a sentence resembles) gives head weights ``g`` (softmax), and::

        logit = sum(g[h] * (bias[h] + sum(weight[h][f] for f in features)))
        uncertainty = 1 / (1 + exp(-logit))

    Each head's logit is Platt-calibrated on out-of-fold predictions (the certainty head
    against the hedge labels of the other two sets, which puts it on the same probability
    scale); the calibration is folded into the shipped weights. One model fitted on the union
    of the sets did worse on every target under the same cross-validation (Wikipedia F1 0.594,
    bio 0.804, certainty r 0.503), because the sets label different things ("many", "some" and
    "may" mean weasels in Wikipedia, not speculation in biology).

Choices (5-fold stratified cross-validation on the training files, seed 13)
    L2 strengths per head and for the gate come from a small grid
    (``scripts/train_uncertainty.py --search``; a less regularised gate over more features,
    C 3 and features seen 3 times, mixes less of the certainty head into Wikipedia sentences);
    a log-prior on the gate's certainty logit (candidates -1 ... 2, chosen 0.5) and the
    threshold (0.36) from the out-of-fold predictions of the default function. The threshold
    maximises the mean of the Wikipedia and bio F1 with Wikipedia precision >= 0.62 (target
    0.60, with a margin); the grid and the prior maximise the mean over the three targets of
    ``min(1.05, figure / target)``. Features seen fewer than 3 times and weights under 0.02
    (gate: 0.1) are dropped, in every fold too.

Cross-validated figures of the default function (``data/benchmarks/uncertainty_cv.json``)
    ===========  ======  =========  ======  ==========================
    set          F1      precision  recall  certainty Pearson r
    ===========  ======  =========  ======  ==========================
    Wikipedia    0.634   0.621      0.648
    bio          0.898   0.903      0.892
    certainty                               0.630 (``1 - uncertainty`` vs rating)
    ===========  ======  =========  ======  ==========================

    Each head alone on its own set: Wikipedia F1 0.644 (P 0.624, threshold 0.34), bio F1 0.906
    (threshold 0.48), certainty r 0.702. The default gives up some of that because the gate
    mixes heads: out of fold it puts on average 0.93 of a Wikipedia sentence's weight on the
    Wikipedia head, 0.95 of a bio sentence's on the bio head, but only 0.63 of a finding's on
    the certainty head (findings read like encyclopaedia or abstract prose). Shifting each
    head's logit so that its own best threshold sits at 0.5 before mixing did worse (Wikipedia
    F1 0.618, certainty r 0.626): the certainty head, shifted up, then pushes Wikipedia
    sentences over the threshold. Calibration: over Wikipedia and bio together, the observed
    rate in each of 10 reliability bins is within 0.03 of the mean prediction (per set within
    0.08). Speed: about 25 microseconds per sentence on top of cue finding (features and
    dictionary lookups in pure Python).

Known weaknesses
    * Wikipedia F1 (0.63 in CV) is below the 0.65 target: most missed Wikipedia sentences
      have no lexicon hedge (597 of 751 false negatives), e.g. peacock terms and unsupported
      claims without a cue word; most false positives have "some", "many" or a weasel cue
      where the annotators did not mark one (in the training set "some" is labelled in 65% of
      the sentences holding it, "many" in 62%). Thirteen other designs gained at most 0.001
      under the same cross-validation (``scripts/uncertainty_alternatives.py``, figures in
      ``data/benchmarks/uncertainty_alternatives.json``). Wikipedia head alone, mean F1 over
      three fold seeds: 0.6406 shipped; 0.6333-0.6415 with more context features
      (specificity, position, skip pairs, a vague word's neighbours (0.6415) and role,
      rare-word shapes, features split by hedge presence) or a label-noise filter (0.6350);
      at one seed, 0.629 gradient boosting, 0.565 a one-layer neural network, 0.633 a
      token-level multiple-instance head (averaged with the shipped head: 0.639, 0.624,
      0.637). A sharper gate, or a certainty head also fitted on Wikipedia and bio rows,
      leaves the default's Wikipedia F1 at 0.634-0.635, and the latter costs certainty r
      (0.552).
    * Short sentences with a single adverb hedge ("Perhaps the effect is due to chance.")
      can land just under the threshold; questions are rarely flagged (few in training).
    * "Nobody knows ..." and other uncertainty without a hedge word is missed.
    * The training text is encyclopaedic, biomedical and science-news prose, not news
      reporting; the voice of a cue (quoted or not) is not a feature, so a quoted speaker's
      hedge counts as the sentence's uncertainty.
    * Word-level features know nothing of scope: a hedge in a subordinate clause counts as
      much as one on the main claim.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from itertools import pairwise
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from analysis.annotate.hedging.cues import Cue

#: Lower-cased words (with inner apostrophes), numbers and question marks.
_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+(?:[.,]\d+)*|\?")
_NUM = "<num>"
#: Sentence length (in tokens) buckets: feature ``len:<lo>-<hi>``.
_LENGTH_BUCKETS: tuple[tuple[int, str], ...] = ((8, "len:0-7"), (16, "len:8-15"), (30, "len:16-29"), (45, "len:30-44"))
_LONGEST = "len:45+"
_COUNT_NAMES = ("hedges:0", "hedges:1", "hedges:2+")

WEIGHTS_FILE = "uncertainty_model.json"


_NO_PAIRS: frozenset[str] = frozenset()


def features(
    sentence: str,
    cues: Sequence[Cue] | None = None,
    word_lists: WordLists | None = None,
    pairs: Mapping[str, frozenset[str]] | None = None,
) -> list[str]:
    """The binary features of ``sentence`` (each present once), in a fixed order.

    Args:
        sentence: one sentence of text.
        cues: its cues (see the module docstring); ``None`` -> :func:`~analysis.hedging.find_cues`.
        word_lists: the word classes of the context features; ``None`` -> those stored in the
            weights file (the training script passes its own).
        pairs: when given, only the word pairs ``w1 w2`` with ``w2 in pairs[w1]`` (the pairs
            that have a weight, :attr:`UncertaintyModel.pairs`): the same list without the
            features that cannot change a score (two pairs in three have none), for scoring.

    Returns:
        Feature names: ``word:<w>`` (lower-cased word, numbers as ``<num>``),
        ``pair:<w1> <w2>`` (adjacent words), ``first:<w>`` (the first word),
        ``cue:<category>/<subtype>``, ``cue:<category>``, ``cueword:<cue text>``,
        ``hedges:0|1|2+``, ``len:<bucket>``, ``ctx:question``, ``ctx:whether``, ``ctx:or not``,
        ``ctx:hedge first`` (a hedge among the first three words), and the context features of
        :func:`_context` (``vague:``, ``passive:``, ``class:``, ``ctx:``). Empty or
        whitespace-only text -> ``[]``.
    """
    lowered = sentence.lower()
    toks = _TOKEN.findall(lowered)
    if not toks:
        return []
    if cues is None:
        from analysis.annotate.hedging.matcher import find_cues

        cues = find_cues(sentence)
    words = [_NUM if t[0].isdigit() else t for t in toks]
    out = dict.fromkeys(["word:" + w for w in words])
    if pairs is None:
        out.update(dict.fromkeys([f"pair:{a} {b}" for a, b in pairwise(words)]))
    else:
        out.update(dict.fromkeys([f"pair:{a} {b}" for a, b in pairwise(words) if b in pairs.get(a, _NO_PAIRS)]))
    out["first:" + words[0]] = None
    _context(lowered, words, out, word_lists if word_lists is not None else load_model().word_lists)
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
    if any(a == "or" and b == "not" for a, b in pairwise(words)):  # not "pair:or not" in out: pairs may be filtered
        out["ctx:or not"] = None
    return list(out)


@dataclass(frozen=True)
class WordLists:
    """The word classes of the context features (stored in the weights file, so that the features
    the shipped weights were fitted on are the features computed at run time).

    Built by ``scripts/train_uncertainty.py``, which names each list's source: some are classes of
    ``analysis/data/hedge_word_classes.csv``, the others are new there (see its ``WORD_LISTS``).
    """

    #: Vague quantifiers and source words ("some", "many", "critics", "widely", ...).
    vague: frozenset[str]
    #: Person and source nouns ("critics", "scholars"): after a vague word, a vague source.
    human: frozenset[str]
    #: Determiners and prepositions.
    det: frozenset[str]
    #: Words ending in -s that are not plural nouns.
    not_plural: frozenset[str]
    #: Forms of be (a passive's auxiliary).
    be: frozenset[str]
    #: Adverbs skipped between be and its participle ("is widely believed").
    passive_skip: frozenset[str]
    #: Irregular past participles (regular ones end in -ed).
    participles: frozenset[str]
    #: Participles of saying, believing and judging ("is considered", "was described as").
    report: frozenset[str]
    #: Pronoun subjects of an impersonal passive ("it is believed", "this was thought").
    impersonal: frozenset[str]
    #: Peacock terms ("legendary", "renowned") and editorialising adverbs ("notably", "arguably").
    peacock: frozenset[str]
    editorial: frozenset[str]

    #: Every word that can start a context feature (the union of the above and "most", "one").
    triggers: frozenset[str] = frozenset()

    @classmethod
    def from_json(cls, raw: dict[str, list[str]]) -> WordLists:
        lists = {k: frozenset(raw[k]) for k in cls.__dataclass_fields__ if k != "triggers"}
        triggers = lists["vague"] | lists["be"] | lists["peacock"] | lists["editorial"] | {"most", "one"}
        return cls(**lists, triggers=triggers)


def _next_class(w: str, lists: WordLists) -> str:
    """The class of the word after a vague word: human, of, det, num, plural, -ly or other."""
    if w in lists.human:
        return "human"
    if w == "of":
        return "of"
    if w in lists.det:
        return "det"
    if w == _NUM:
        return "num"
    if len(w) > 3 and w[-1] == "s" and w[-2] != "s" and w not in lists.not_plural:
        return "plural"
    if w.endswith("ly"):
        return "-ly"
    return "other"


def _context(lowered: str, words: list[str], out: dict[str, None], lists: WordLists) -> None:
    """Context features aimed at weasel words and peacock terms (added to ``out``).

    * ``vague:<w> +<class>`` and ``vague:* +<class>``: a vague word and the class of the next
      word (:func:`_next_class`; ``end`` at the end), e.g. ``vague:some +human`` ("some
      critics"), ``vague:* +of`` ("many of"); ``vague:first``: the sentence opens with one.
    * ``passive:<pronoun> be <participle>`` and ``passive:impersonal``: "it is believed",
      "this was thought"; ``passive:be <report verb>`` and ``passive:be report``: "is
      considered", "was described".
    * ``class:peacock``, ``class:editorial``: a peacock term or an editorialising adverb.
    * ``ctx:-est word`` (a word of five letters or more ending in -est, mostly superlatives:
      ``lowered`` is the lower-cased sentence), ``ctx:most +word`` ("most"
      before a word other than "of"), ``ctx:one of the``.
    """
    n = len(words)
    triggers = lists.triggers
    for i, w in enumerate(words):
        if w not in triggers:
            continue
        if w in lists.vague:
            nxt = _next_class(words[i + 1], lists) if i + 1 < n else "end"
            out[f"vague:{w} +{nxt}"] = None
            out["vague:* +" + nxt] = None
            if i == 0:
                out["vague:first"] = None
        if w in lists.be and i + 1 < n:
            j = i + 2 if words[i + 1] in lists.passive_skip else i + 1
            if j < n and (words[j].endswith("ed") or words[j] in lists.participles):
                subject = words[i - 1] if i else ""
                if subject in lists.impersonal:
                    out[f"passive:{subject} be {words[j]}"] = None
                    out["passive:impersonal"] = None
                if words[j] in lists.report:
                    out["passive:be " + words[j]] = None
                    out["passive:be report"] = None
        if w in lists.peacock:
            out["class:peacock"] = None
        if w in lists.editorial:
            out["class:editorial"] = None
        if w == "most" and i + 1 < n and words[i + 1] != "of":
            out["ctx:most +word"] = None
        if w == "one" and i + 2 < n and words[i + 1] == "of" and words[i + 2] == "the":
            out["ctx:one of the"] = None
    if "est" in lowered and any(len(w) > 4 and w.endswith("est") for w in words):
        out["ctx:-est word"] = None


HEADS: tuple[str, ...] = ("wikipedia", "bio", "certainty")


@dataclass(frozen=True)
class UncertaintyModel:
    """The shipped model, as loaded from the weights file.

    ``weights[f]`` is a 5-tuple per feature: the weights of the three head logits
    (:data:`HEADS` order) and of the two gate logits (``bio``, ``certainty``; ``wikipedia`` is
    the reference at 0). ``bias`` holds the five intercepts in the same order.
    """

    weights: dict[str, tuple[float, float, float, float, float]]
    bias: tuple[float, float, float, float, float]
    #: Decision threshold of the default (mixed) probability, chosen by cross-validation.
    threshold: float
    #: Thresholds for ``head=`` (each head alone), chosen by cross-validation on its own set.
    head_thresholds: dict[str, float]
    #: The word classes of the context features (:class:`WordLists`).
    word_lists: WordLists
    metadata: dict
    #: The word pairs that have a weight: ``pairs[w1]`` holds every ``w2`` of a ``pair:w1 w2``
    #: feature (the ``pairs`` argument of :func:`features`).
    pairs: Mapping[str, frozenset[str]] = field(default_factory=dict, repr=False, compare=False)

    def scores(self, feats: Sequence[str]) -> tuple[float, float, float, float, float]:
        """The five linear scores (three head logits, two gate logits) of a feature list."""
        zw, zb, zc, gb, gc = self.bias
        get = self.weights.get
        for f in feats:
            w = get(f)
            if w is not None:
                a, b, c, d, e = w
                zw += a
                zb += b
                zc += c
                gb += d
                gc += e
        return zw, zb, zc, gb, gc

    def mix(self, feats: Sequence[str], head: str | None = None) -> tuple[float, float, float]:
        """Weights of the three heads for a feature list: the gate's softmax, or one-hot for ``head``."""
        if head is not None:
            return _ONE_HOT[head]
        _, _, _, gb, gc = self.scores(feats)
        return _softmax(gb, gc)

    def logit(self, feats: Sequence[str], head: str | None = None) -> float:
        """The logit of the uncertainty probability (gate-weighted sum of the head logits)."""
        zw, zb, zc, gb, gc = self.scores(feats)
        a, b, c = _ONE_HOT[head] if head is not None else _softmax(gb, gc)
        return a * zw + b * zb + c * zc


_ONE_HOT = {"wikipedia": (1.0, 0.0, 0.0), "bio": (0.0, 1.0, 0.0), "certainty": (0.0, 0.0, 1.0)}


def _softmax(gb: float, gc: float) -> tuple[float, float, float]:
    m = max(0.0, gb, gc)
    ew, eb, ec = math.exp(-m), math.exp(gb - m), math.exp(gc - m)
    total = ew + eb + ec
    return ew / total, eb / total, ec / total


def _check_head(head: str | None) -> None:
    if head is not None and head not in _ONE_HOT:
        raise ValueError(f"head must be None or one of {HEADS}, not {head!r}")


@cache
def load_model() -> UncertaintyModel:
    """The shipped weights (``analysis/data/uncertainty_model.json``), parsed once.

    Returns:
        The :class:`UncertaintyModel`. Plain JSON; nothing is unpickled or executed.
    """
    text = resources.files("analysis").joinpath("data", WEIGHTS_FILE).read_text(encoding="utf-8")
    raw = json.loads(text)
    columns = [raw["heads"][n] for n in HEADS] + [raw["gate"][n] for n in HEADS[1:]]
    names = sorted(set().union(*columns))
    weights = {f: tuple(float(col.get(f, 0.0)) for col in columns) for f in names}
    bias = tuple(float(raw["bias"][n]) for n in HEADS) + tuple(float(raw["gate_bias"][n]) for n in HEADS[1:])
    return UncertaintyModel(
        weights=weights,  # type: ignore[arg-type]
        bias=bias,  # type: ignore[arg-type]
        threshold=float(raw["threshold"]),
        head_thresholds={k: float(v) for k, v in raw["head_thresholds"].items()},
        word_lists=WordLists.from_json(raw["word_lists"]),
        metadata=raw.get("metadata", {}),
        pairs=_pairs_of(names),
    )


def _pairs_of(names: Sequence[str]) -> dict[str, frozenset[str]]:
    """``{w1: {w2, ...}}`` of the ``pair:w1 w2`` feature names."""
    pairs: dict[str, set[str]] = {}
    for f in names:
        if f.startswith("pair:"):
            a, _, b = f[5:].partition(" ")
            pairs.setdefault(a, set()).add(b)
    return {a: frozenset(bs) for a, bs in pairs.items()}


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def uncertainty(sentence: str, cues: Sequence[Cue] | None = None, head: str | None = None) -> float:
    """Probability that ``sentence`` expresses uncertainty (hedge, weasel, speculation).

    Args:
        sentence: one sentence (a longer text works but was not what the model was fitted on).
        cues: cues already found for this sentence, offsets relative to it; ``None`` -> found here.
        head: ``None`` (default: the heads mixed by the gate), or ``"wikipedia"`` (weasels, vague
            quantifiers, hedges), ``"bio"`` (speculation) or ``"certainty"`` (rated uncertainty of a
            finding) to use one head alone.

    Returns:
        A probability in [0, 1]; ``1 - uncertainty(s)`` tracks how certain a reader rates the
        sentence. Empty or whitespace-only text (no word at all) -> ``0.0``.

    Raises:
        ValueError: for an unknown ``head``.
    """
    _check_head(head)
    model = load_model()
    feats = features(sentence, cues, model.word_lists, model.pairs)
    if not feats:
        return 0.0
    return _sigmoid(model.logit(feats, head))


def is_uncertain(sentence: str, cues: Sequence[Cue] | None = None, head: str | None = None) -> bool:
    """``uncertainty(sentence, cues, head) >= threshold`` (thresholds from the weights file).

    Args:
        sentence: one sentence; empty text -> ``False``.
        cues: as for :func:`uncertainty`.
        head: as for :func:`uncertainty`; each head has its own cross-validated threshold.

    Returns:
        Whether the sentence is uncertain at the cross-validated threshold.
    """
    model = load_model()
    t = model.threshold if head is None else model.head_thresholds[head]
    return uncertainty(sentence, cues, head) >= t


def explain(
    sentence: str, cues: Sequence[Cue] | None = None, top: int = 5, head: str | None = None
) -> list[tuple[str, float]]:
    """The features that drove the score most, and their contribution to the logit.

    With the gate's head weights ``g`` for this sentence, a feature contributes
    ``sum(g[h] * weight[h][feature])`` and the logit is ``sum(g[h] * bias[h])`` plus all
    contributions; ``uncertainty = 1 / (1 + exp(-logit))``. (The gate weights themselves
    depend on the features too; :meth:`UncertaintyModel.mix` gives them.)

    Args:
        sentence: one sentence.
        cues: as for :func:`uncertainty`.
        top: how many features to return (the ``top`` largest in absolute value); ``<= 0`` -> ``[]``.
        head: as for :func:`uncertainty`.

    Returns:
        ``(feature name, contribution)`` pairs, most positive first, e.g.
        ``[("cueword:may", 1.2), ("cue:hedge/modal", 0.4), ("word:binds", -0.3)]``. Features
        without weight are left out; empty text -> ``[]``.
    """
    _check_head(head)
    if top <= 0:
        return []
    model = load_model()
    feats = features(sentence, cues, model.word_lists, model.pairs)
    return _top_contributions(model, feats, model.mix(feats, head), top)


def _top_contributions(
    model: UncertaintyModel, feats: Sequence[str], mix: tuple[float, float, float], top: int
) -> list[tuple[str, float]]:
    """The ``top`` largest contributions (by absolute value) of ``feats`` to the logit under the head
    weights ``mix``, most positive first (ties by name); features without weight are left out."""
    a, b, c = mix
    contrib = []
    for f in feats:
        w = model.weights.get(f)
        if w is not None:
            v = a * w[0] + b * w[1] + c * w[2]
            if v:
                contrib.append((f, v))
    contrib.sort(key=lambda fc: (-abs(fc[1]), fc[0]))
    return sorted(contrib[:top], key=lambda fc: (-fc[1], fc[0]))


def score_sentences(
    sentences: Sequence[str], cues_per_sentence: Sequence[Sequence[Cue]], head: str | None = None
) -> list[float]:
    """:func:`uncertainty` of many sentences whose cues are already known.

    Args:
        sentences: the sentences.
        cues_per_sentence: one cue sequence per sentence (same length as ``sentences``),
            offsets relative to each sentence.
        head: as for :func:`uncertainty`.

    Returns:
        One probability in [0, 1] per sentence, in order (empty sentences -> ``0.0``).

    Raises:
        ValueError: when the two sequences differ in length, or for an unknown ``head``.
    """
    _check_head(head)
    if len(sentences) != len(cues_per_sentence):
        raise ValueError(f"{len(sentences)} sentences but {len(cues_per_sentence)} cue lists")
    model = load_model()
    logit, lists, pairs = model.logit, model.word_lists, model.pairs
    out = []
    for s, cues in zip(sentences, cues_per_sentence, strict=True):
        feats = features(s, cues, lists, pairs)
        out.append(_sigmoid(logit(feats, head)) if feats else 0.0)
    return out


def score_and_explain(
    sentences: Sequence[str], cues_per_sentence: Sequence[Sequence[Cue]], threshold: float, top: int = 3
) -> tuple[list[float], dict[int, tuple[tuple[str, float], ...]]]:
    """:func:`score_sentences` and, for the sentences at or over ``threshold``, :func:`explain` (top ``top``).

    One feature extraction per sentence serves both (the analysed document's uncertainty layer).

    Returns:
        ``(probabilities, {position: ((feature, contribution), ...)})``.
    """
    if len(sentences) != len(cues_per_sentence):
        raise ValueError(f"{len(sentences)} sentences but {len(cues_per_sentence)} cue lists")
    model = load_model()
    lists, pairs = model.word_lists, model.pairs
    probs: list[float] = []
    drivers: dict[int, tuple[tuple[str, float], ...]] = {}
    for i, (s, cues) in enumerate(zip(sentences, cues_per_sentence, strict=True)):
        feats = features(s, cues, lists, pairs)
        if not feats:
            probs.append(0.0)
            continue
        zw, zb, zc, gb, gc = model.scores(feats)
        a, b, c = _softmax(gb, gc)
        p = _sigmoid(a * zw + b * zb + c * zc)
        probs.append(p)
        if p >= threshold and top > 0:
            drivers[i] = tuple(_top_contributions(model, feats, (a, b, c), top))
    return probs, drivers
