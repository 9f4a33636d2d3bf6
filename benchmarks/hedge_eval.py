"""Sentence-level hedge detection against CoNLL-2010 Task 1 (Wikipedia, training portion).

A sentence is predicted *uncertain* when :func:`analysis.annotate.hedging.find_cues` finds at
least one ``hedge`` cue in it. Prints precision, recall and F1 of the uncertain
class, sentences per second, and the most frequent false-positive cues and
false-negative words; writes the same numbers to ``data/benchmarks/hedge_eval.json``
(numbers and cue words only, never sentences: the corpus is not ours to publish).

Usage::

    .venv/bin/python benchmarks/hedge_eval.py [CSV] [--part dev|test|all] [--json PATH] [--top N]

The CSV (columns ``text,label``; label 1 = uncertain) defaults to
``../shared/dev/conll2010-wikipedia-train.csv`` beside the checkout. ``--part`` (default ``dev``) keeps
the rows of the frozen hold-out split (``scripts/holdout.py``, set ``wikipedia``): ``dev`` is what
lexicon work may look at, ``test`` is scored once a design is settled, ``all`` is the whole file.
False-negative "words" are the words most over-represented in missed uncertain
sentences relative to true negatives (count in misses minus the count expected
from the true-negative rate), i.e. likely cues the lexicon lacks.

``lexicon_ceiling`` in the JSON is an optimistic bound: the best F1 reachable by
any unigram/bigram lexicon chosen *with these labels* (see :func:`lexicon_ceiling`).
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CSV = ROOT.parent / "shared" / "dev" / "conll2010-wikipedia-train.csv"
DEFAULT_JSON = ROOT / "data" / "benchmarks" / "hedge_eval.json"
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
_STOPWORDS = frozenset(
    "the of and a to in is was for on as by with that it from at his an are were be which this or he has "
    "had have their its also but not they first one after been who other new two her into when she more "
    "s lrb rrb than all there these can such".split()
)


def evaluate(rows: list[tuple[str, int]], top: int = 15) -> dict[str, object]:
    """Score the lexicon on ``(sentence, label)`` rows; returns a JSON-ready dict."""
    from analysis.annotate.hedging import default_lexicon, find_cues

    default_lexicon()  # compile outside the timed loop
    tp = fp = fn = tn = 0
    fp_cues: Counter[str] = Counter()
    tp_cues: Counter[str] = Counter()
    fn_words: Counter[str] = Counter()
    tn_words: Counter[str] = Counter()
    t0 = time.perf_counter()
    predictions = []
    for text, _ in rows:
        predictions.append([c.text.lower() for c in find_cues(text) if c.category == "hedge"])
    elapsed = time.perf_counter() - t0
    for (text, label), hedges in zip(rows, predictions, strict=True):
        words = set(_WORD.findall(text.lower())) - _STOPWORDS
        if hedges and label:
            tp += 1
            tp_cues.update(set(hedges))
        elif hedges:
            fp += 1
            fp_cues.update(set(hedges))
        elif label:
            fn += 1
            fn_words.update(words)
        else:
            tn += 1
            tn_words.update(words)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    rate = fn / tn if tn else 0.0
    excess = {w: fn_words[w] - rate * tn_words[w] for w in fn_words}
    fn_top = sorted(excess, key=lambda w: -excess[w])[:top]
    return {
        "dataset": "CoNLL-2010 Task 1, Wikipedia training portion",
        "sentences": len(rows),
        "uncertain": tp + fn,
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "tn": tn,
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "sentences_per_second": round(len(rows) / elapsed, 1) if elapsed else None,
        "top_false_positive_cues": fp_cues.most_common(top),
        "top_true_positive_cues": tp_cues.most_common(top),
        "top_false_negative_words": [(w, fn_words[w], round(excess[w], 1)) for w in fn_top],
    }


def lexicon_ceiling(rows: list[tuple[str, int]], min_support: int = 5) -> dict[str, float | int]:
    """Best F1 of *any* word/bigram lexicon chosen with the labels themselves (an optimistic bound).

    Every unigram and bigram seen in at least ``min_support`` sentences is ranked by its
    precision on these very labels; adding them in that order, the best F1 on the way is
    reported. This overfits on purpose: no lexicon built without the labels can be
    expected to beat it on this file.
    """
    labels = [label for _, label in rows]
    n_pos = sum(labels)
    index: dict[str, set[int]] = {}
    for i, (text, _) in enumerate(rows):
        toks = _WORD.findall(text.lower())
        for gram in set(toks) | {f"{a} {b}" for a, b in zip(toks, toks[1:], strict=False)}:
            index.setdefault(gram, set()).add(i)
    grams = [g for g, ids in index.items() if len(ids) >= min_support]
    grams.sort(key=lambda g: -sum(labels[i] for i in index[g]) / len(index[g]))
    covered: set[int] = set()
    tp = 0
    best = {"f1": 0.0, "precision": 0.0, "recall": 0.0, "n_cues": 0}
    for k, g in enumerate(grams, 1):
        new = index[g] - covered
        covered |= new
        tp += sum(labels[i] for i in new)
        if tp:
            p, r = tp / len(covered), tp / n_pos
            f1 = 2 * p * r / (p + r)
            if f1 > best["f1"]:
                best = {"f1": round(f1, 4), "precision": round(p, 4), "recall": round(r, 4), "n_cues": k}
    return {**best, "min_support": min_support}


def read_rows(path: Path, part: str = "all") -> list[tuple[str, int]]:
    """``(text, label)`` pairs from a ``text,label`` CSV; ``part`` ``dev``/``test`` keeps that part of the
    frozen hold-out (``scripts/holdout.py``, rows of the Wikipedia file), ``all`` every row."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from holdout import part as part_of

    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    return [
        (r["text"].strip(), int(r["label"]))
        for i, r in enumerate(rows)
        if part == "all" or part_of("wikipedia", i, r["text"]) == part
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("csv", nargs="?", type=Path, default=DEFAULT_CSV, help="text,label CSV (default: %(default)s)")
    parser.add_argument("--part", choices=("dev", "test", "all"), default="dev", help="rows of the hold-out split")
    parser.add_argument("--json", type=Path, default=DEFAULT_JSON, help="results file (default: %(default)s)")
    parser.add_argument("--top", type=int, default=15, help="how many confusion cues/words to list")
    args = parser.parse_args(argv)
    if not args.csv.is_file():
        print(f"error: {args.csv}: benchmark file not found (it is not distributed with the project)", file=sys.stderr)
        return 2
    rows = read_rows(args.csv, args.part)
    res = evaluate(rows, top=args.top)
    res["part"] = args.part
    if args.part != "all":
        res["dataset"] += f", {args.part} part of the frozen split"
    res["lexicon_ceiling"] = lexicon_ceiling(rows)
    print(f"{res['dataset']}: {res['sentences']} sentences, {res['uncertain']} uncertain")
    print(f"precision {res['precision']:.3f}  recall {res['recall']:.3f}  F1 {res['f1']:.3f}")
    print(f"TP {res['tp']}  FP {res['fp']}  FN {res['fn']}  TN {res['tn']}")
    print(f"speed: {res['sentences_per_second']} sentences/s")
    print("most frequent false-positive cues:", ", ".join(f"{c} ({n})" for c, n in res["top_false_positive_cues"]))
    print("words over-represented in missed uncertain sentences:")
    print("  " + ", ".join(f"{w} ({n})" for w, n, _ in res["top_false_negative_words"]))
    ceil = res["lexicon_ceiling"]
    print(
        f"ceiling: the best word/bigram lexicon picked with these labels scores F1 {ceil['f1']:.3f} "
        f"(P {ceil['precision']:.3f}, R {ceil['recall']:.3f}, {ceil['n_cues']} cues)"
    )
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(res, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
