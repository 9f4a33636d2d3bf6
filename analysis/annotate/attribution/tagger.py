"""Pass 2b, the reported-speech tagger: a linear-chain CRF over tokens, for what the rules miss.

Each token of a sentence is tagged ``S`` (source), ``C`` (cue), ``T`` (content of someone's
words) or ``O``. Features are the word and its neighbours (two each side, and the two bigrams),
the word's shape, quotation-mark parity, the nearest learned cue word on each side (its distance,
and whether "that" or a comma stands between), and whether the rules already put the token in a
quotation, a reported clause, a cue or a source. Inference is Viterbi over four labels, linear in
the sentence length.

The weights are plain data (``analysis/data/voice_tagger.json``), trained on the ``fit`` part of
PolNeAR (Newell et al. 2018) by ``scripts/train_voice_tagger.py`` with CRFsuite; no article text is
stored, only feature names and weights. A run of ``T`` tokens the rules did not cover becomes a
reported relation, with the ``C`` and ``S`` runs of its sentence as cue and source.
"""

from __future__ import annotations

import json
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import numpy as np

from analysis.annotate.attribution.phrases import verb_at
from analysis.annotate.attribution.state import Note, Parse, Raw
from analysis.annotate.attribution.tokens import QUOTE_CHARS, Tok

__all__ = [
    "LABELS",
    "TaggerModel",
    "article_emissions",
    "best_paths",
    "load_model",
    "rule_arrays",
    "rule_marks",
    "sentence_features",
    "tagged_relations",
]

#: Token labels: outside, source, cue, content.
LABELS = ("O", "S", "C", "T")
#: Rule layers given to the tagger as features, in this order.
RULE_LAYERS = ("dir", "rep", "cue", "src")


@dataclass(frozen=True)
class TaggerModel:
    """CRF weights: a row per feature (one weight per label), label-to-label transitions, the cue words."""

    index: dict[str, int]  # feature name -> row of ``weights``
    weights: np.ndarray  # (features, labels)
    transitions: np.ndarray  # (labels, labels): from row to column
    cue_words: frozenset[str]
    source: str
    lookup: _Lookup = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "lookup", _lookup(self.index, self.cue_words))

    @classmethod
    def from_weights(
        cls,
        state: dict[str, Sequence[float]],
        transitions: Sequence[Sequence[float]],
        cue_words: frozenset[str],
        source: str,
    ) -> TaggerModel:
        """A model from per-feature weight lists (in :data:`LABELS` order)."""
        names = sorted(state)
        weights = np.array([state[f] for f in names], dtype=float).reshape(len(names), len(LABELS))
        return cls({f: i for i, f in enumerate(names)}, weights, np.array(transitions, dtype=float), cue_words, source)

    def as_json(self) -> dict[str, object]:
        """The plain-data form written to ``voice_tagger.json``."""
        return {
            "labels": list(LABELS),
            "source": self.source,
            "cue_words": sorted(self.cue_words),
            "transitions": self.transitions.round(4).tolist(),
            "state": {f: self.weights[i].round(4).tolist() for f, i in sorted(self.index.items())},
        }


@cache
def load_model() -> TaggerModel | None:
    """The shipped tagger (None when the package has no weights file)."""
    path = resources.files("analysis").joinpath("data/voice_tagger.json")
    if not path.is_file():
        return None
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert tuple(raw["labels"]) == LABELS
    return TaggerModel.from_weights(raw["state"], raw["transitions"], frozenset(raw["cue_words"]), raw["source"])


def _bucket(n: int) -> str:
    return "1" if n <= 1 else "2" if n == 2 else "3" if n <= 4 else "5" if n <= 8 else "9"


def _shape(t: str) -> str:
    if t[0].isdigit():
        return "d"
    if not t[0].isalnum():
        return "p"
    if t.isupper() and len(t) > 1:
        return "X"
    return "C" if t[0].isupper() else "c"


def rule_arrays(toks: Sequence[Tok], spans: dict[str, list[tuple[int, int]]]) -> dict[str, np.ndarray]:
    """Per rule layer (``dir``, ``rep``, ``cue``, ``src``), which tokens its spans overlap.

    Args:
        toks: tokens in text order (not overlapping).
        spans: per layer, ``(start, end)`` character spans (any order).

    Returns:
        A boolean array over ``toks`` per layer; two bisections per span.
    """
    starts = [t.start for t in toks]
    ends = [t.end for t in toks]
    out = {}
    for layer in RULE_LAYERS:
        marked = np.zeros(len(toks), dtype=bool)
        for s, e in spans.get(layer, ()):
            marked[bisect_right(ends, s) : bisect_left(starts, e)] = True
        out[layer] = marked
    return out


def rule_marks(sentences: Sequence[Sequence[Tok]], spans: dict[str, list[tuple[int, int]]]) -> list[list[set[str]]]:
    """:func:`rule_arrays` as one set of layer names per token, per sentence (the training view)."""
    flat = [t for sent in sentences for t in sent]
    arrays = rule_arrays(flat, spans)
    sets = [{layer for layer in RULE_LAYERS if arrays[layer][k]} for k in range(len(flat))]
    out, k = [], 0
    for sent in sentences:
        out.append(sets[k : k + len(sent)])
        k += len(sent)
    return out


def sentence_features(
    toks: Sequence[Tok], cue_words: frozenset[str], marks: Sequence[set[str]], first: bool
) -> list[list[str]]:
    """The feature names of each token of one sentence (see the module docstring).

    Args:
        toks: the sentence's tokens.
        cue_words: lower-case words learned as reporting cues.
        marks: :func:`rule_marks` of the tokens.
        first: whether this is the article's first sentence (often a headline).

    Returns:
        One list of feature names per token; linear in the sentence length.
    """
    lows = [t.low for t in toks]
    n = len(lows)
    has_q = any(w in QUOTE_CHARS for w in lows)
    # next cue / comma at or after i; last "that" / comma before i
    next_cue = [n] * (n + 1)
    next_comma = [n] * (n + 1)
    for i in range(n - 1, -1, -1):
        next_cue[i] = i if lows[i] in cue_words else next_cue[i + 1]
        next_comma[i] = i if lows[i] == "," else next_comma[i + 1]
    out: list[list[str]] = []
    parity = 0
    last_cue = last_that = last_comma = -1
    for i in range(n):
        w = lows[i]
        p1 = lows[i - 1] if i else "<s>"
        n1 = lows[i + 1] if i + 1 < n else "</s>"
        f = [
            "b",
            "w=" + w,
            "s=" + _shape(toks[i].text),
            "p1=" + p1,
            "n1=" + n1,
            "p2=" + (lows[i - 2] if i > 1 else "<s>"),
            "n2=" + (lows[i + 2] if i + 2 < n else "</s>"),
            "pw=" + p1 + "|" + w,
            "wn=" + w + "|" + n1,
        ]
        if first:
            f.append("first_sent")
        if has_q:
            f.append("has_q")
        if w in cue_words:
            f.append("lex=cue")
        if w in QUOTE_CHARS:
            parity ^= 1
        f.append(f"qpar={parity}")
        if 0 <= last_cue < i and w not in cue_words:  # a cue word itself looks right only
            d = _bucket(i - last_cue)
            f += ["L=" + lows[last_cue], "Ld=" + d, "L=" + lows[last_cue] + "|" + d]
            if last_that > last_cue:
                f.append("L_that")
            if last_comma > last_cue:
                f.append("L_comma")
        j = next_cue[i + 1] if w in cue_words else next_cue[i]
        if j < n:
            f += ["R=" + lows[j], "Rd=" + _bucket(j - i), "R=" + lows[j] + "|c" + str(next_comma[i] < j)]
        for layer in RULE_LAYERS:
            if layer in marks[i]:
                f.append("r_" + layer)
        out.append(f)
        if w in cue_words:
            last_cue = i
        if w == "that":
            last_that = i
        elif w == ",":
            last_comma = i
    return out


@dataclass(frozen=True)
class _Lookup:
    """The model's feature rows by word id, for inference without building feature names.

    Word ids index ``unary[template]`` (row or -1); pairs (two word ids, or a word id and a small
    code) are keyed ``a * size + b`` in the sorted ``pair_keys[template]`` with their rows in
    ``pair_rows[template]``; features with no word are ``const`` (name -> row).
    """

    vocab: dict[str, int]  # word -> id (0: unknown; 1, 2: sentence start and end)
    size: int
    unary: dict[str, np.ndarray]
    pair_keys: dict[str, np.ndarray]
    pair_rows: dict[str, np.ndarray]
    const: dict[str, int]
    flags: dict[str, np.ndarray]  # "cue", "quote", "that", "comma": per word id


_UNARY = ("w", "p1", "n1", "p2", "n2", "L", "R")
_PAIR = ("pw", "wn", "Lx", "Rx")
_BUCKETS = ("1", "2", "3", "5", "9")
#: Bucket code of a distance 0..8 (index); 9 and more: 4 ("9"), as :func:`_bucket`.
_BUCKET_OF = np.array([0, 0, 1, 2, 2, 3, 3, 3, 3], dtype=np.intp)
_SHAPES = ("d", "p", "X", "C", "c")


def _split_pair(value: str) -> tuple[str, str]:
    """``"a|b"`` of two tokens; a token holding "|" is "|" itself (tokens are words or one mark)."""
    if value.startswith("||"):
        return "|", value[2:]
    if value.endswith("||"):
        return value[:-2], "|"
    a, _, b = value.partition("|")
    return a, b


def _lookup(index: dict[str, int], cue_words: frozenset[str]) -> _Lookup:
    vocab: dict[str, int] = {"<s>": 1, "</s>": 2}
    parsed: list[tuple[str, str, str, int]] = []  # template, word, second part, row
    const: dict[str, int] = {}
    for name, row in index.items():
        template, _, value = name.partition("=")
        if template in ("L", "R"):
            suffixes = ("|cTrue", "|cFalse") if template == "R" else tuple("|" + b for b in _BUCKETS)
            for suffix in suffixes:
                if value.endswith(suffix) and len(value) > len(suffix):
                    parsed.append((template + "x", value[: -len(suffix)], suffix[1:], row))
                    break
            else:
                parsed.append((template, value, "", row))
        elif template in ("pw", "wn"):
            a, b = _split_pair(value)
            parsed.append((template, a, b, row))
        elif template in _UNARY:
            parsed.append((template, value, "", row))
        else:
            const[name] = row
    for word in (*sorted(cue_words), *sorted(QUOTE_CHARS), "that", ","):
        vocab.setdefault(word, len(vocab) + 1)
    for template, a, b, _ in parsed:
        vocab.setdefault(a, len(vocab) + 1)
        if template in ("pw", "wn"):
            vocab.setdefault(b, len(vocab) + 1)
    size = len(vocab) + 1
    codes = {x: k for k, x in enumerate((*_BUCKETS, "cTrue", "cFalse"))}
    unary = {t: np.full(size, -1, dtype=np.intp) for t in _UNARY}
    pairs: dict[str, dict[int, int]] = {t: {} for t in _PAIR}
    for template, a, b, row in parsed:
        if template in unary:
            unary[template][vocab[a]] = row
        elif template in ("pw", "wn"):
            pairs[template][vocab[a] * size + vocab[b]] = row
        else:
            pairs[template][vocab[a] * size + codes[b]] = row
    keys = {t: np.array(sorted(pairs[t]), dtype=np.int64) for t in _PAIR}
    rows = {t: np.array([pairs[t][k] for k in keys[t].tolist()], dtype=np.intp) for t in _PAIR}
    flags = {
        "cue": np.zeros(size, dtype=bool),
        "quote": np.zeros(size, dtype=bool),
        "that": np.zeros(size, dtype=bool),
        "comma": np.zeros(size, dtype=bool),
    }
    flags["cue"][[vocab[w] for w in cue_words]] = True
    flags["quote"][[vocab[w] for w in QUOTE_CHARS]] = True
    flags["that"][vocab["that"]] = True
    flags["comma"][vocab[","]] = True
    return _Lookup(vocab, size, unary, keys, rows, const, flags)


def article_emissions(
    model: TaggerModel,
    sentences: Sequence[tuple[Sequence[Tok], bool]],
    layers: dict[str, np.ndarray],
    flat: Sequence[Tok] | None = None,
) -> list[np.ndarray]:
    """:func:`emissions` of every sentence of an article at once, without feature names.

    The same features as :func:`sentence_features` (a test holds the two equal), computed for
    all tokens together with array operations and looked up by word id: linear in the tokens.

    Args:
        model: the tagger.
        sentences: per sentence, its tokens and whether it is the article's first.
        layers: :func:`rule_arrays` over all the sentences' tokens.
        flat: those tokens in one list, if the caller has it.
    """
    lk = model.lookup
    toks = flat if flat is not None else [t for sent, _ in sentences for t in sent]
    total = len(toks)
    if not total:
        return [np.zeros((0, len(LABELS))) for _ in sentences]
    lengths = np.array([len(sent) for sent, _ in sentences], dtype=np.intp)
    ends = np.cumsum(lengths)
    starts = ends - lengths
    sent_of = np.repeat(np.arange(len(sentences)), lengths)
    start, end = starts[sent_of], ends[sent_of]
    idx = np.arange(total)
    lows = [t.low for t in toks]
    get = lk.vocab.get
    wid = np.array([get(w, 0) for w in lows], dtype=np.int64)
    is_cue, is_quote = lk.flags["cue"][wid], lk.flags["quote"][wid]
    is_that, is_comma = lk.flags["that"][wid], lk.flags["comma"][wid]

    def shifted(k: int) -> np.ndarray:
        """Word ids ``k`` tokens away within the sentence (``<s>``/``</s>`` beyond it)."""
        j = idx + k
        inside = (j >= start) & (j < end)
        out = np.where(inside, wid[np.clip(j, 0, total - 1)], 1 if k < 0 else 2)
        return out

    def last_before(flag: np.ndarray) -> np.ndarray:
        """Index of the last flagged token before each token (-1 when none), over the article."""
        acc = np.maximum.accumulate(np.where(flag, idx, -1))
        return np.concatenate(([-1], acc[:-1]))

    def first_from(flag: np.ndarray) -> np.ndarray:
        """Index of the first flagged token at or after each token (``total`` when none)."""
        return np.minimum.accumulate(np.where(flag, idx, total)[::-1])[::-1]

    rows: list[np.ndarray] = []
    cols: list[np.ndarray] = []
    const = lk.const

    def add_const(name: str, mask: np.ndarray | None = None) -> None:
        row = const.get(name)
        if row is not None:
            r = idx if mask is None else idx[mask]
            rows.append(r)
            cols.append(np.full(len(r), row, dtype=np.intp))

    def add_unary(template: str, ids: np.ndarray, mask: np.ndarray | None = None) -> None:
        found = lk.unary[template][ids]
        keep = found >= 0 if mask is None else (found >= 0) & mask
        rows.append(idx[keep])
        cols.append(found[keep])

    def add_pair(template: str, codes: np.ndarray, mask: np.ndarray) -> None:
        keys = lk.pair_keys[template]
        if not len(keys):
            return
        pos = np.clip(np.searchsorted(keys, codes), 0, len(keys) - 1)
        keep = mask & (keys[pos] == codes)
        rows.append(idx[keep])
        cols.append(lk.pair_rows[template][pos[keep]])

    size = lk.size
    p1, n1 = shifted(-1), shifted(1)
    add_const("b")
    add_unary("w", wid)
    add_unary("p1", p1)
    add_unary("n1", n1)
    add_unary("p2", shifted(-2))
    add_unary("n2", shifted(2))
    add_pair("pw", p1 * size + wid, np.ones(total, dtype=bool))
    add_pair("wn", wid * size + n1, np.ones(total, dtype=bool))
    texts = [t.text for t in toks]
    code_of = {x: _SHAPES.index(_shape(x)) for x in set(texts)}  # each distinct token once
    shapes = np.array([code_of[x] for x in texts], dtype=np.intp)
    for k, shape in enumerate(_SHAPES):
        add_const("s=" + shape, shapes == k)
    first = np.array([f for _, f in sentences], dtype=bool)[sent_of]
    add_const("first_sent", first)
    quotes_so_far = np.cumsum(is_quote)
    quotes_upto = np.concatenate(([0], quotes_so_far))
    before_sentence = quotes_upto[start]
    add_const("has_q", quotes_upto[end] > before_sentence)
    add_const("lex=cue", is_cue)
    parity = (quotes_so_far - before_sentence) % 2 == 1
    add_const("qpar=1", parity)
    add_const("qpar=0", ~parity)
    last_cue = last_before(is_cue)
    has_left = (last_cue >= start) & ~is_cue
    left_id = wid[np.maximum(last_cue, 0)]
    left_d = _BUCKET_OF[np.minimum(idx - last_cue, 8)]
    left_d = np.where(idx - last_cue >= 9, 4, left_d)
    add_unary("L", left_id, has_left)
    for k, b in enumerate(_BUCKETS):
        add_const("Ld=" + b, has_left & (left_d == k))
    add_pair("Lx", left_id * size + left_d, has_left)
    add_const("L_that", has_left & (last_before(is_that) > last_cue))
    add_const("L_comma", has_left & (last_before(is_comma) > last_cue))
    next_cue = np.concatenate((first_from(is_cue)[1:], [total]))
    has_right = next_cue < end
    right = np.minimum(next_cue, total - 1)
    right_id = wid[right]
    right_d = _BUCKET_OF[np.clip(next_cue - idx, 0, 8)]
    right_d = np.where(next_cue - idx >= 9, 4, right_d)
    add_unary("R", right_id, has_right)
    for k, b in enumerate(_BUCKETS):
        add_const("Rd=" + b, has_right & (right_d == k))
    comma_between = first_from(is_comma) < next_cue
    add_pair("Rx", right_id * size + np.where(comma_between, 5, 6), has_right)
    for layer in RULE_LAYERS:
        add_const("r_" + layer, layers[layer])
    token_rows, weights = np.concatenate(rows), model.weights[np.concatenate(cols)]
    out = np.stack([np.bincount(token_rows, weights[:, y], minlength=total) for y in range(len(LABELS))], axis=1)
    return [out[a:b] for a, b in zip(starts.tolist(), ends.tolist(), strict=True)]


def emissions(model: TaggerModel, features: Sequence[Sequence[str]]) -> np.ndarray:
    """Per token, the sum of its features' weights for each label: an array (tokens, labels)."""
    get = model.index.get
    cols = np.fromiter((get(name, -1) for fs in features for name in fs), dtype=np.intp)
    rows = np.repeat(np.arange(len(features)), [len(fs) for fs in features])
    known = cols >= 0
    rows, cols = rows[known], cols[known]
    out = np.zeros((len(features), len(LABELS)))
    np.add.at(out, rows, model.weights[cols])
    return out


#: Cells (sentences x longest length) per batch of :func:`best_paths`: bounds its memory.
BATCH_CELLS = 1 << 16


def best_paths(model: TaggerModel, emits: Sequence[np.ndarray]) -> list[list[int]]:
    """Viterbi over many sentences at once: the best label indices of each.

    Args:
        model: the tagger (its transitions).
        emits: per sentence, its :func:`emissions` (tokens x labels).

    Returns:
        Per sentence, one label index (into :data:`LABELS`) per token. Sentences run in step,
        sorted by length in batches of at most :data:`BATCH_CELLS` cells, so time is linear in
        the tokens and memory bounded however long one sentence is. Ties go to the first label.
    """
    out: list[list[int]] = [[] for _ in emits]
    order = sorted(range(len(emits)), key=lambda k: len(emits[k]))
    trans = model.transitions[None]  # 1 x from x to
    n_labels = len(LABELS)
    i = 0
    while i < len(order):
        j = i + 1
        while j < len(order) and (j + 1 - i) * len(emits[order[j]]) <= BATCH_CELLS:
            j += 1
        chunk, i = order[i:j][::-1], j  # longest first: the sentences still running are a prefix
        lens = np.array([len(emits[k]) for k in chunk])
        width = int(lens[0])
        if width == 0:
            continue
        emit = np.zeros((len(chunk), width, n_labels))
        for r, k in enumerate(chunk):
            emit[r, : lens[r]] = emits[k]
        running = np.searchsorted(-lens, -np.arange(width), side="left")  # sentences longer than t
        best = emit[:, 0].copy()
        back = np.zeros((len(chunk), width, n_labels), dtype=np.intp)
        for t in range(1, width):
            n = running[t]
            cand = best[:n, :, None] + trans  # sentence x previous label x label
            back[:n, t] = cand.argmax(axis=1)
            best[:n] = cand.max(axis=1) + emit[:n, t]  # a finished sentence keeps its scores
        y = best.argmax(axis=1)
        rows = np.arange(len(chunk))
        paths = np.zeros((len(chunk), width), dtype=np.intp)
        for t in range(width - 1, -1, -1):
            n = running[t]
            paths[:n, t] = y[:n]
            if t:
                y[:n] = back[rows[:n], t, y[:n]]
        for r, k in enumerate(chunk):
            out[k] = paths[r, : lens[r]].tolist()
    return out


def _runs(labels: Sequence[str], want: str) -> list[tuple[int, int]]:
    """Maximal runs ``[i, j)`` of ``want`` in ``labels``."""
    out, i = [], 0
    while i < len(labels):
        if labels[i] == want:
            j = i
            while j < len(labels) and labels[j] == want:
                j += 1
            out.append((i, j))
            i = j
        else:
            i += 1
    return out


def _nearest_run(runs: list[tuple[int, int]], a: int, b: int) -> tuple[int, int] | None:
    """The run (token indices) nearest to tokens ``[a, b)``, or None."""
    if not runs:
        return None
    return min(runs, key=lambda s: a - s[1] if s[1] <= a else s[0] - b)


def _span(toks: Sequence[Tok], run: tuple[int, int]) -> tuple[int, int]:
    return toks[run[0]].start, toks[run[1] - 1].end


def anchored(st: Parse, toks: list[Tok], cue: tuple[int, int], a: int) -> bool:
    """Whether the tagger's content at token ``a`` may hang on the cue run ``[x, y)``.

    The rules' vetoes hold for the tagger too: a negated cue ("did not say"); a passive or
    impersonal one ("It is said", "It should be noted", "It is expected that", "it is clear
    that": a form of "be" before the cue); a reporting verb of the word lists followed by a
    to-infinitive ("expects to sign"); a cue ending in a preposition, whose object is a topic
    ("spoke about the economy"); a participle after a comma whose phrase a later ", <finite
    verb>" closes ("The deal, announced Friday, would last ..."). Other cues the tagger learned
    ("vowed", "are skeptical of") stand. A noun phrase object of a reporting verb is reported
    content when the tagger marks it ("admits failings over sewage spills"), as in the PolNeAR
    annotation the voice scores follow; the rules alone do not report it.
    """
    c = st.W.cls
    x, y = cue
    if any(toks[k].low == "according" for k in range(x, y)):
        return True
    j = x - 1
    while j >= 0 and toks[j].word and (toks[j].low in c["pre_verb"] or toks[j].low in c["verb_adverb"]):
        j -= 1
    negated = range(max(j, 0), y)
    if any(toks[k].low in c["neg"] or toks[k].low.endswith(("n't", "n’t")) for k in negated):
        return False
    head = next((k for k in range(x, y) if toks[k].low not in c["verb_adverb"]), x)
    if (
        j >= 0
        and toks[j].text == ","
        and toks[head].low.endswith("ed")
        and a >= y
        and all(toks[k].low in c["verb_adverb"] for k in range(x, head))
        and any(toks[k].text == "," and toks[k + 1].low in c["finite"] for k in range(y, len(toks) - 1))
    ):
        return False  # a participle modifying the noun before it: "The Union State, also referred to as ..."
    be = [k for k in range(max(x - 1, 0), y) if toks[k].low in c["be_form"]]
    if toks[y - 1].low in c["prep"]:
        return False  # a topic, not a report: "spoke at length about the economy"
    # impersonal: "It is said", "It should be noted", "it is clear that" (not "it is arguing")
    if (
        be
        and not toks[y - 1].low.endswith("ing")
        and any(t.low in c["impersonal"] for t in toks[max(0, be[0] - 3) : be[0]])
    ):
        return False
    for i in range(x, y):
        v = verb_at(st, toks, i)
        if v is None:
            continue
        cls, nw = v
        after = i + nw
        return not (after < len(toks) and toks[after].low == "to" and cls != "directive")
    return True


def at_clause_break(st: Parse, pos: int) -> bool:
    """Whether a clause break of the word lists (", but", ", when", ";") starts at ``pos`` or at the comma before it."""
    k = pos
    while k > 0 and st.text[k - 1].isspace():
        k -= 1
    if k > 0 and st.text[k - 1] in ",;":
        k -= 1
    else:
        k = pos
    return st.W.breaks.match(st.text, k) is not None


def tagged_relations(
    st: Parse,
    model: TaggerModel,
    sentences: Sequence[tuple[int, list[Tok]]],
    spans: dict[str, list[tuple[int, int]]],
) -> list[Raw]:
    """Reported relations for the content the tagger finds and the rules left out.

    Args:
        st: the parse (word lists and the rules' phrase tests).
        model: the tagger weights.
        sentences: per sentence, its paragraph and tokens, in text order.
        spans: the rules' spans per layer (see :func:`rule_arrays`).

    Returns:
        One relation per run of ``T`` tokens outside every rule relation (at least two words)
        whose nearest ``C`` run is a reporting expression (:func:`anchored`); that run is the cue
        and the nearest ``S`` run the source. A cue a rule relation already uses may carry a
        second report, unless that report starts at a clause break (:func:`at_clause_break`):
        there the rules ended the report on purpose (", when in reality, he is not").
    """
    flat = [t for _, toks in sentences for t in toks]
    layers = rule_arrays(flat, spans)
    emits = article_emissions(model, [(toks, k == 0) for k, (_, toks) in enumerate(sentences)], layers, flat)
    taken = (layers["dir"] | layers["rep"]).tolist()
    used = layers["cue"]
    content = LABELS.index("T")
    out: list[Raw] = []
    base = 0
    for (pi, toks), path in zip(sentences, best_paths(model, emits), strict=True):
        offset, base = base, base + len(toks)
        if content not in path:
            continue
        labels = [LABELS[y] for y in path]
        free = ["O" if taken[offset + i] else lab for i, lab in enumerate(labels)]
        runs = _runs(free, "T")
        if not runs:
            continue
        cues, sources = _runs(labels, "C"), _runs(labels, "S")
        for a, b in runs:
            if sum(1 for t in toks[a:b] if t.word) < 2:
                continue
            near = _nearest_run(cues, a, b)
            if near is None or not anchored(st, toks, near, a):
                continue  # no cue, or a vetoed one
            if used[offset + near[0] : offset + near[1]].any() and at_clause_break(st, toks[a].start):
                continue  # the rules ended this cue's report at a clause break: ", when in reality ..."
            src, note = source_of(toks, _nearest_run(sources, a, b))
            out.append(Raw("reported", toks[a].start, toks[b - 1].end, pi, None, _span(toks, near), src, note))
    return out


def source_of(toks: Sequence[Tok], run: tuple[int, int] | None) -> tuple[tuple[int, int] | None, Note]:
    """The source mention of the tagger's ``S`` run and its appositive, as character spans.

    A run "Mr. Smith, the director," is the mention "Mr. Smith" with the appositive "the
    director" (a note, as the rules give it: :func:`~.speakers.classify` names the person and
    keeps the role); punctuation at either end is dropped. None for no run or no word in it.
    """
    if run is None:
        return None, {}
    x, y = run
    while x < y and not toks[x].word:
        x += 1
    while y > x and not toks[y - 1].word:
        y -= 1
    comma = next((k for k in range(x, y) if toks[k].text == ","), None)
    note: Note = {}
    if comma is not None:
        e = next((k for k in range(comma + 1, y) if toks[k].text == ","), y)
        words = [k for k in range(comma + 1, e) if toks[k].word]
        if words:
            note["appos"] = (toks[words[0]].start, toks[words[-1]].end)
        y = comma
        while y > x and not toks[y - 1].word:
            y -= 1
    if x >= y:
        return None, {}
    return (toks[x].start, toks[y - 1].end), note
