"""Sentence measures of uncertainty: speculation, vagueness and perceived certainty (issue 22).

Three named measures, each fitted on the data of its own construct and validated on it; no learned
router chooses between them.

``speculation`` (0..1)
    probability that annotators of epistemic hedging would mark the sentence speculative: "may",
    "suggest", "whether", "it is unclear", the sense of the CoNLL-2010 biological set (BioScope) and of
    newswire hedging. Fitted on the CoNLL-2010 biological training sentences.
``vagueness`` (0..1)
    probability that the sentence makes an unsupported or vague claim: weasel words ("some critics
    say", "it is believed"), vague quantifiers, peacock terms, the sense of the CoNLL-2010 Wikipedia
    set. Fitted on the CoNLL-2010 Wikipedia training sentences.
``certainty`` (1..6)
    how certain the sentence sounds to a reader, on the scale of Pei & Jurgens (2021): 1 very
    uncertain, 6 very certain (their findings average 4.6). Fitted on their rated findings.
``uncertainty`` (0..1)
    the stated combination kept under the old name: ``max(speculation, vagueness)``. A sentence is
    *uncertain* when it is speculative or vague, each at its own threshold (``thresholds``); a
    threshold given in :class:`analysis.AnalysisConfig` replaces both.

Features (:func:`features`; binary, a few hundred in all, no word or word-pair features)
    the lexicon's cues (``cue:<category>``, ``cue:<category>/<subtype>``, ``cueword:<cue text>``,
    ``hedges:0|1|2+``), context features for weasel and peacock wording (``vague:<w> +<class of the
    next word>``, ``passive:...``, ``class:peacock``, ``class:editorial``, ``ctx:...``; see
    :func:`_context`) and speculation keywords (``spec:<w>``: "whether", "hypothesis", "propose"...).
    Their word classes are a data file, ``analysis/data/sentence_feature_words.csv``, each with its
    source (CoNLL-2010 and BioScope guidelines, Wikipedia's "Words to watch").

Model
    One L2-regularised logistic regression per measure over the same features (certainty: the
    ratings as soft labels ``(6 - rating) / 5``, mapped back to the 1-6 scale by a linear fit),
    Platt-calibrated on out-of-fold predictions; the calibration is folded into the shipped weights
    (``analysis/data/sentence_measures.json``, plain JSON read once). Trained and evaluated by
    ``scripts/train_uncertainty.py`` on the development part of a frozen split
    (``scripts/holdout.py``); the frozen fifth of each file is scored once, and the README and the
    method notebook give both sets of figures. Inference needs only the standard library.

Every function takes ``cues``: the cues already found for that sentence by
:func:`analysis.hedging.find_cues` (offsets relative to the sentence); ``None`` means "find them
here". A cue's ``category``, ``subtype`` and ``text`` are used, never its voice.
"""

from __future__ import annotations

import csv
import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from analysis.annotate.hedging.cues import Cue

#: Lower-cased words (with inner apostrophes), numbers and question marks.
_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+(?:[.,]\d+)*|\?")
_NUM = "<num>"
_COUNT_NAMES = ("hedges:0", "hedges:1", "hedges:2+")

WEIGHTS_FILE = "sentence_measures.json"
FEATURE_WORDS_FILE = "sentence_feature_words.csv"
#: The three measures, in the order of every weight tuple.
MEASURES: tuple[str, ...] = ("speculation", "vagueness", "certainty")
#: Measures with a decision threshold (certainty is a rating).
DECIDED: tuple[str, ...] = ("speculation", "vagueness")
#: ``head=`` values of the gated model of issue 13, and the measure each now names.
HEAD_ALIASES: dict[str, str] = {"bio": "speculation", "wikipedia": "vagueness"}
#: The certainty scale (Pei & Jurgens 2021).
CERTAINTY_RANGE = (1.0, 6.0)


@dataclass(frozen=True)
class FeatureWords:
    """The word classes of the context and keyword features (``analysis/data/sentence_feature_words.csv``)."""

    #: Vague quantifiers and sources ("some", "many", "critics", "widely", ...).
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
    #: Speculation keywords of the BioScope guidelines ("whether", "hypothesis", "propose").
    speculation: frozenset[str]
    #: Every word that can start a context feature (the union of the context classes and "most", "one").
    triggers: frozenset[str] = frozenset()

    @classmethod
    def from_classes(cls, classes: Mapping[str, Sequence[str]]) -> FeatureWords:
        """From ``{class name: words}`` (every field but ``triggers``)."""
        lists = {k: frozenset(classes[k]) for k in cls.__dataclass_fields__ if k != "triggers"}
        triggers = lists["vague"] | lists["be"] | lists["peacock"] | lists["editorial"] | {"most", "one"}
        return cls(**lists, triggers=triggers)


def read_feature_words(text: str) -> dict[str, list[str]]:
    """``{word class: words}`` from the CSV text of ``sentence_feature_words.csv``."""
    return {row["word_class"]: row["words"].split() for row in csv.DictReader(text.splitlines())}


def feature_words_text() -> str:
    """The packaged word classes file, as text (its SHA-256 is recorded in the weights file)."""
    return (resources.files("analysis") / "data" / FEATURE_WORDS_FILE).read_text(encoding="utf-8")


@cache
def feature_words() -> FeatureWords:
    """The packaged word classes, read once."""
    return FeatureWords.from_classes(read_feature_words(feature_words_text()))


def features(sentence: str, cues: Sequence[Cue] | None = None, words: FeatureWords | None = None) -> list[str]:
    """The binary features of ``sentence`` (each present once), in a fixed order.

    Args:
        sentence: one sentence of text.
        cues: its cues (offsets relative to it); ``None`` -> :func:`~analysis.hedging.find_cues`.
        words: the word classes; ``None`` -> the packaged ones (:func:`feature_words`).

    Returns:
        ``cue:<category>``, ``cue:<category>/<subtype>``, ``cueword:<cue text>`` (per cue),
        ``hedges:0|1|2+`` (hedge cues counted), the context features of :func:`_context` and
        ``spec:<word>`` (a speculation keyword). Text without a word or number -> ``[]``.
    """
    lowered = sentence.lower()
    toks = _TOKEN.findall(lowered)
    if not toks:
        return []
    if cues is None:
        from analysis.annotate.hedging.matcher import find_cues

        cues = find_cues(sentence)
    lists = words if words is not None else feature_words()
    out: dict[str, None] = {}
    hedges = 0
    for c in cues:
        out["cue:" + c.category] = None
        out[f"cue:{c.category}/{c.subtype}"] = None
        out["cueword:" + " ".join(c.text.lower().split())] = None
        hedges += c.category == "hedge"
    out[_COUNT_NAMES[min(hedges, 2)]] = None
    words_ = [_NUM if t[0].isdigit() else t for t in toks]
    _context(lowered, words_, out, lists)
    spec = lists.speculation
    for w in words_:
        if w in spec:
            out["spec:" + w] = None
    return list(out)


def _next_class(w: str, lists: FeatureWords) -> str:
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


def _context(lowered: str, words: list[str], out: dict[str, None], lists: FeatureWords) -> None:
    """Context features aimed at weasel words and peacock terms (added to ``out``).

    * ``vague:<w> +<class>`` and ``vague:* +<class>``: a vague word and the class of the next
      word (:func:`_next_class`; ``end`` at the end), e.g. ``vague:some +human`` ("some
      critics"), ``vague:* +of`` ("many of"); ``vague:first``: the sentence opens with one.
    * ``passive:<pronoun> be <participle>`` and ``passive:impersonal``: "it is believed",
      "this was thought"; ``passive:be <report verb>`` and ``passive:be report``: "is
      considered", "was described".
    * ``class:peacock``, ``class:editorial``: a peacock term or an editorialising adverb.
    * ``ctx:-est word`` (a word of five letters or more ending in -est, mostly superlatives:
      ``lowered`` is the lower-cased sentence), ``ctx:most +word`` ("most" before a word other
      than "of"), ``ctx:one of the``.
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


@dataclass(frozen=True)
class SentenceMeasures:
    """The measures of one sentence.

    Attributes:
        speculation: probability (0..1) that the sentence is speculative (epistemic hedging).
        vagueness: probability (0..1) that it makes a vague or unsupported claim.
        certainty: how certain it sounds to a reader, 1 (very uncertain) .. 6 (very certain).
    """

    speculation: float
    vagueness: float
    certainty: float

    @property
    def uncertainty(self) -> float:
        """``max(speculation, vagueness)``: the old name's stated combination."""
        return max(self.speculation, self.vagueness)


#: The scores of a sentence without a word: nothing speculative or vague, certainty at the scale's top.
EMPTY = SentenceMeasures(0.0, 0.0, CERTAINTY_RANGE[1])


@dataclass(frozen=True)
class SentenceModel:
    """The shipped weights (:func:`load_model`).

    ``weights[f]`` holds a feature's weights in the three logits (:data:`MEASURES` order); the
    certainty logit is that of "the finding is uncertain" (soft labels), turned into a rating by
    ``certainty_scale``: ``rating = a + b * sigmoid(logit)``, clipped to 1..6.
    """

    weights: dict[str, tuple[float, float, float]]
    bias: tuple[float, float, float]
    #: Decision thresholds of speculation and vagueness (probabilities), chosen by cross-validation.
    thresholds: dict[str, float]
    certainty_scale: tuple[float, float]
    metadata: dict

    def logits(self, feats: Sequence[str]) -> tuple[float, float, float]:
        """The three logits of a feature list."""
        zs, zv, zc = self.bias
        get = self.weights.get
        for f in feats:
            w = get(f)
            if w is not None:
                zs += w[0]
                zv += w[1]
                zc += w[2]
        return zs, zv, zc

    def scores(self, feats: Sequence[str]) -> SentenceMeasures:
        """The :class:`SentenceMeasures` of a feature list (``EMPTY`` for an empty one)."""
        if not feats:
            return EMPTY
        zs, zv, zc = self.logits(feats)
        a, b = self.certainty_scale
        lo, hi = CERTAINTY_RANGE
        return SentenceMeasures(_sigmoid(zs), _sigmoid(zv), min(hi, max(lo, a + b * _sigmoid(zc))))

    def contributions(self, feats: Sequence[str], measure: str) -> list[tuple[str, float]]:
        """Each weighted feature's contribution to ``measure``'s logit, largest in absolute value first.

        For ``certainty`` the sign is turned so that a positive contribution raises the rating.
        """
        k = MEASURES.index(measure)
        sign = -1.0 if measure == "certainty" else 1.0
        out = [(f, sign * w[k]) for f in feats if (w := self.weights.get(f)) is not None and w[k]]
        out.sort(key=lambda fc: (-abs(fc[1]), fc[0]))
        return out


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


@cache
def load_model() -> SentenceModel:
    """The shipped weights (``analysis/data/sentence_measures.json``), parsed once.

    Plain JSON; nothing is unpickled or executed.
    """
    raw = json.loads((resources.files("analysis") / "data" / WEIGHTS_FILE).read_text(encoding="utf-8"))
    columns = [raw["weights"][m] for m in MEASURES]
    names = sorted(set().union(*columns))
    return SentenceModel(
        weights={f: tuple(float(col.get(f, 0.0)) for col in columns) for f in names},  # type: ignore[misc]
        bias=tuple(float(raw["bias"][m]) for m in MEASURES),  # type: ignore[arg-type]
        thresholds={m: float(raw["thresholds"][m]) for m in DECIDED},
        certainty_scale=(float(raw["certainty_scale"][0]), float(raw["certainty_scale"][1])),
        metadata=raw.get("metadata", {}),
    )


def _measure(head: str | None) -> str | None:
    if head is None:
        return None
    name = HEAD_ALIASES.get(head, head)
    if name not in MEASURES:
        raise ValueError(f"head must be None or one of {MEASURES} (or {tuple(HEAD_ALIASES)}), not {head!r}")
    return name


def measures(sentence: str, cues: Sequence[Cue] | None = None) -> SentenceMeasures:
    """The three measures of ``sentence`` (empty text -> :data:`EMPTY`)."""
    return load_model().scores(features(sentence, cues))


def speculation(sentence: str, cues: Sequence[Cue] | None = None) -> float:
    """Probability (0..1) that ``sentence`` is speculative (epistemic hedging); empty text -> 0.0."""
    return measures(sentence, cues).speculation


def vagueness(sentence: str, cues: Sequence[Cue] | None = None) -> float:
    """Probability (0..1) that ``sentence`` makes a vague or unsupported claim; empty text -> 0.0."""
    return measures(sentence, cues).vagueness


def certainty(sentence: str, cues: Sequence[Cue] | None = None) -> float:
    """How certain ``sentence`` sounds to a reader, 1 (very uncertain) .. 6 (very certain); empty text -> 6.0."""
    return measures(sentence, cues).certainty


def _value(scores: SentenceMeasures, measure: str | None) -> float:
    if measure is None:
        return scores.uncertainty
    if measure == "certainty":
        return (CERTAINTY_RANGE[1] - scores.certainty) / (CERTAINTY_RANGE[1] - CERTAINTY_RANGE[0])
    return scores.speculation if measure == "speculation" else scores.vagueness


def uncertainty(sentence: str, cues: Sequence[Cue] | None = None, head: str | None = None) -> float:
    """``max(speculation, vagueness)`` of ``sentence``, or one measure on a 0..1 uncertainty scale.

    Args:
        sentence: one sentence.
        cues: its cues (see the module docstring); ``None`` -> found here.
        head: ``None`` (the combination), ``"speculation"``, ``"vagueness"`` or ``"certainty"``
            (``(6 - certainty) / 5``); the old names ``"bio"`` and ``"wikipedia"`` name speculation
            and vagueness.

    Returns:
        A value in [0, 1]; empty or whitespace-only text -> ``0.0``.

    Raises:
        ValueError: for an unknown ``head``.
    """
    return _value(measures(sentence, cues), _measure(head))


def is_uncertain(sentence: str, cues: Sequence[Cue] | None = None, head: str | None = None) -> bool:
    """Whether ``sentence`` is speculative or vague, each at its cross-validated threshold.

    Args:
        sentence: one sentence; empty text -> ``False``.
        cues: as for :func:`uncertainty`.
        head: ``None`` (speculative or vague), one measure at its threshold, or ``"certainty"``
            (a rating below 3.5, the scale's middle).
    """
    model = load_model()
    s = model.scores(features(sentence, cues))
    return decide(s, model.thresholds, _measure(head))


def decide(s: SentenceMeasures, thresholds: Mapping[str, float], measure: str | None) -> bool:
    if measure is None:
        return s.speculation >= thresholds["speculation"] or s.vagueness >= thresholds["vagueness"]
    if measure == "certainty":
        return s.certainty < sum(CERTAINTY_RANGE) / 2
    return _value(s, measure) >= thresholds[measure]


def explain(
    sentence: str, cues: Sequence[Cue] | None = None, top: int = 5, head: str | None = None
) -> list[tuple[str, float]]:
    """The features that moved a measure most, with their contribution to its logit.

    A measure's logit is its bias plus the weights of the sentence's features, and the measure is
    ``1 / (1 + exp(-logit))`` (certainty: through its linear scale; contributions are signed so that
    positive raises the rating). With ``head=None`` the measure explained is the one nearer to (or
    further over) its threshold: speculation or vagueness, whichever drives :func:`uncertainty`'s
    decision.

    Args:
        sentence: one sentence.
        cues: as for :func:`uncertainty`.
        top: how many features (the ``top`` largest in absolute value); ``<= 0`` -> ``[]``.
        head: as for :func:`uncertainty`.

    Returns:
        ``(feature, contribution)`` pairs, most positive first, e.g.
        ``[("cueword:may", 1.9), ("cue:hedge/modal", 0.6)]``; empty text -> ``[]``.
    """
    measure = _measure(head)
    if top <= 0:
        return []
    model = load_model()
    feats = features(sentence, cues)
    if not feats:
        return []
    if measure is None:
        measure = _leading(model.scores(feats), model.thresholds)
    return sorted(model.contributions(feats, measure)[:top], key=lambda fc: (-fc[1], fc[0]))


def _leading(s: SentenceMeasures, thresholds: Mapping[str, float]) -> str:
    """Speculation or vagueness, whichever stands higher relative to its threshold."""
    spec = s.speculation / thresholds["speculation"]
    return "speculation" if spec >= s.vagueness / thresholds["vagueness"] else "vagueness"


def measure_sentences(sentences: Sequence[str], cues_per_sentence: Sequence[Sequence[Cue]]) -> list[SentenceMeasures]:
    """:func:`measures` of many sentences whose cues are already known (one cue list per sentence).

    Raises:
        ValueError: when the two sequences differ in length.
    """
    if len(sentences) != len(cues_per_sentence):
        raise ValueError(f"{len(sentences)} sentences but {len(cues_per_sentence)} cue lists")
    model = load_model()
    lists = feature_words()
    return [model.scores(features(s, c, lists)) for s, c in zip(sentences, cues_per_sentence, strict=True)]


def score_sentences(
    sentences: Sequence[str], cues_per_sentence: Sequence[Sequence[Cue]], head: str | None = None
) -> list[float]:
    """:func:`uncertainty` of many sentences whose cues are already known.

    Raises:
        ValueError: when the two sequences differ in length, or for an unknown ``head``.
    """
    measure = _measure(head)
    return [_value(s, measure) for s in measure_sentences(sentences, cues_per_sentence)]


#: A driver: (measure, feature, contribution to the measure's logit).
Driver = tuple[str, str, float]


def score_and_explain(
    sentences: Sequence[str],
    cues_per_sentence: Sequence[Sequence[Cue]],
    thresholds: Mapping[str, float],
    top: int = 3,
) -> tuple[list[SentenceMeasures], dict[int, tuple[Driver, ...]]]:
    """:func:`measure_sentences` and, for every sentence speculative or vague at ``thresholds``, what drove it.

    One feature extraction per sentence serves both (the analysed document's layer).

    Returns:
        ``(scores, {position: ((measure, feature, contribution), ...)})``: for each measure at or
        over its threshold, its ``top`` features by absolute contribution, most positive first.
    """
    if len(sentences) != len(cues_per_sentence):
        raise ValueError(f"{len(sentences)} sentences but {len(cues_per_sentence)} cue lists")
    model = load_model()
    lists = feature_words()
    out: list[SentenceMeasures] = []
    drivers: dict[int, tuple[Driver, ...]] = {}
    for i, (sentence, cues) in enumerate(zip(sentences, cues_per_sentence, strict=True)):
        feats = features(sentence, cues, lists)
        s = model.scores(feats)
        out.append(s)
        if top <= 0 or not feats:
            continue
        found: list[Driver] = []
        for m in DECIDED:
            if _value(s, m) >= thresholds[m]:
                best = sorted(model.contributions(feats, m)[:top], key=lambda fc: (-fc[1], fc[0]))
                found.extend((m, f, c) for f, c in best)
        if found:
            drivers[i] = tuple(found)
    return out, drivers


def drivers_text(drivers: Sequence[Driver]) -> str:
    """``((measure, feature, contribution), ...)`` as text: ``"speculation: cueword:may +3.38, spec:whether +1.20;
    vagueness: vague:some +human +1.10"`` (empty for none)."""
    parts: dict[str, list[str]] = {}
    for measure, feature, contribution in drivers:
        parts.setdefault(measure, []).append(f"{feature} {contribution:+.2f}")
    return "; ".join(f"{m}: {', '.join(fs)}" for m, fs in parts.items())
