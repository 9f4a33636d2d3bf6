"""Train the sentence measures (analysis/annotate/hedging/sentence_model.py) from the shared dev data.

Data (read from ``<shared>/dev``, never copied into the repository):

* ``conll2010-bio-train.csv`` -- CoNLL-2010 Shared Task 1, biological portion (BioScope abstracts,
  Vincze et al. 2008; speculation): the **speculation** measure. Sentence lists from the
  PAJEAN/uncertaintyDetection repository, MIT licence.
* ``conll2010-wikipedia-train.csv`` -- the same task, Wikipedia portion (weasels, vague quantifiers,
  hedges): the **vagueness** measure. Farkas, Vincze, Mora, Csirik & Szarvas (2010), "The CoNLL-2010
  Shared Task: Learning to Detect Hedges and their Scope in Natural Language Text". CC BY-SA.
* ``pei-jurgens-certainty-train.jsonl`` -- scientific findings rated 1 (very uncertain) to 6 (very
  certain): the **certainty** measure. Pei & Jurgens (2021), "Measuring Sentence-Level and
  Aspect-Level (Un)certainty in Science Communications", EMNLP. MIT licence.

Protocol (issue 22)
    ``scripts/holdout.py`` freezes a fifth of each file (``test``), decided before any result of
    these measures was seen. Everything here -- features, L2 strengths, calibration, thresholds --
    is chosen by 5-fold cross-validation on the other rows (``dev``, folds grouped as the split is),
    and the shipped weights are fitted on the ``dev`` rows only. ``--holdout`` scores the shipped
    weights on the ``test`` rows: run once, when the design is settled.

Model (see the module docstring): one L2 logistic regression per measure over the binary features
of :func:`analysis.annotate.hedging.sentence_model.features`; certainty ratings enter as soft labels
``u = (6 - rating) / 5`` (each finding once as uncertain with weight u, once as certain with 1 - u).
Speculation and vagueness are Platt-calibrated on their out-of-fold logits (folded into the weights);
certainty is mapped to the 1-6 scale by a least-squares line on its out-of-fold probabilities.

Thresholds (speculation, vagueness) hold when the base rate changes: each maximises the *mean* F1
over the development base rate times 0.75, 1 and 1.25 (negatives reweighted; recall is unchanged by
a base-rate shift, precision is not), vagueness under precision >= MIN_PRECISION at the development
base rate (the held-out target is 0.60).

Writes ``analysis/data/sentence_measures.json`` (sorted keys, 6 significant digits) and
``data/benchmarks/uncertainty_cv.json`` (figures, reliability bins, errors counted by feature; no
training text); ``--holdout`` writes ``data/benchmarks/uncertainty_holdout.json``.

Usage::

    python scripts/train_uncertainty.py [--shared ../shared]   # CV, fit, write
    python scripts/train_uncertainty.py --check                # retrain, compare with the shipped file
    python scripts/train_uncertainty.py --search               # L2 grid, CV figures only
    python scripts/train_uncertainty.py --holdout              # the frozen part, once

Needs numpy, scipy and scikit-learn (``pip install -e .[train]``); about a minute on one core.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path

# one BLAS thread: faster here (small sparse problems) and the same sums every run
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import numpy as np  # noqa: E402
from scipy import sparse  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import holdout  # noqa: E402

from analysis.annotate.hedging.sentence_model import (  # noqa: E402
    CERTAINTY_RANGE,
    MEASURES,
    FeatureWords,
    feature_words_text,
    features,
    read_feature_words,
)
from analysis.hedging import find_cues  # noqa: E402

FILES = {
    "speculation": "conll2010-bio-train.csv",
    "vagueness": "conll2010-wikipedia-train.csv",
    "certainty": "pei-jurgens-certainty-train.jsonl",
}
#: The split's name of each file (scripts/holdout.py).
SPLIT_SET = {"speculation": "bio", "vagueness": "wikipedia", "certainty": "certainty"}
#: L2 strengths (C), development part only (``--search``, grid GRID): vagueness and certainty take the best
#: cross-validated figure (F1 at the threshold, Pearson r; within 0.002 counts as a tie, which goes to the smaller
#: C). Speculation serves the biological and the newswire sense, so its C is the best mean of its biological CV
#: F1 and its sentence F1 on the annotated news of the PolNeAR fit part (benchmarks/newswire_cues): C 0.3 gives
#: 0.897 and 0.844 (mean 0.871), C 1 0.904 and 0.707 (0.806), C 3 0.910 and 0.752. The first release shipped C 1
#: for speculation (a misreading of that grid); the README ("Sentence measures") says what the change did to
#: the frozen-part figures. Vagueness: C 1 0.613, C 0.3 0.604.
CONFIG = {"C": {"speculation": 0.3, "vagueness": 1.0, "certainty": 0.3}, "min_count": 3, "prune": 0.005}
GRID = (0.1, 0.3, 1.0, 3.0)
#: Base-rate multipliers the thresholds must hold over (the maintainers' sets differ from the training files).
BASE_RATE_RATIOS = (0.75, 1.0, 1.25)
#: Precision floor of the vagueness threshold, at the development base rate (the held-out target).
MIN_PRECISION = {"vagueness": 0.60}
THRESHOLDS = np.round(np.arange(0.05, 0.951, 0.01), 2)
SOURCES = {
    "speculation": "CoNLL-2010 Shared Task 1, biological training portion (BioScope, Vincze et al. 2008); "
    "sentence lists from PAJEAN/uncertaintyDetection (MIT)",
    "vagueness": "CoNLL-2010 Shared Task 1, Wikipedia training portion (Farkas et al. 2010; CC BY-SA)",
    "certainty": "Pei & Jurgens (2021), Measuring Sentence-Level and Aspect-Level (Un)certainty in Science "
    "Communications, EMNLP (training split; MIT)",
}
_PTB = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}"}


def _clean(text: str) -> str:
    for k, v in _PTB.items():
        text = text.replace(k, v)
    return " ".join(text.split())


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def load(dev: Path) -> dict[str, dict]:
    """Per measure: ``text`` (cleaned), ``y`` (0/1 label or 1-6 rating), ``part`` (dev/test), ``fold``."""
    out = {}
    for m in MEASURES:
        path, name = dev / FILES[m], SPLIT_SET[m]
        if m == "certainty":
            with open(path, encoding="utf-8") as f:
                rows = [json.loads(line) for line in f if line.strip()]
            raw = [r["finding"] for r in rows]
            y = np.array([float(r["certainty"]) for r in rows])
        else:
            with open(path, newline="", encoding="utf-8") as f:
                rows = list(csv.DictReader(f))
            raw = [r["text"] for r in rows]
            y = np.array([int(r["label"]) for r in rows], dtype=float)
        out[m] = {
            "text": [_clean(t) for t in raw],
            "y": y,
            "part": np.array([holdout.part(name, i, t) for i, t in enumerate(raw)]),
            "fold": np.array([holdout.dev_fold(name, i, t) for i, t in enumerate(raw)]),
        }
    return out


def word_classes() -> FeatureWords:
    return FeatureWords.from_classes(read_feature_words(feature_words_text()))


def featurise(texts: list[str], words: FeatureWords) -> list[list[str]]:
    return [features(t, find_cues(t), words) for t in texts]


def vocabulary(feats: list[list[str]], min_count: int) -> dict[str, int]:
    counts: Counter[str] = Counter()
    for fs in feats:
        counts.update(fs)
    return {f: j for j, f in enumerate(sorted(f for f, c in counts.items() if c >= min_count))}


def matrix(feats: list[list[str]], vocab: dict[str, int]) -> sparse.csr_matrix:
    rows, cols = [], []
    for i, fs in enumerate(feats):
        for f in fs:
            j = vocab.get(f)
            if j is not None:
                rows.append(i)
                cols.append(j)
    return sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(feats), len(vocab)))


def soft_labels(feats: list[list[str]], rating: np.ndarray) -> tuple[list[list[str]], np.ndarray, np.ndarray]:
    """Ratings as soft labels u = (6 - rating) / 5: each finding once as uncertain with weight u and once as
    certain with weight 1 - u. Returns (rows, targets, weights)."""
    u = (CERTAINTY_RANGE[1] - rating) / (CERTAINTY_RANGE[1] - CERTAINTY_RANGE[0])
    return feats + feats, np.r_[np.ones(len(u)), np.zeros(len(u))], np.r_[u, 1 - u]


def fit(measure: str, feats: list[list[str]], y: np.ndarray, c: float, config: dict) -> tuple[dict[str, float], float]:
    """One measure's logistic regression (certainty: on :func:`soft_labels`). Returns (weights, bias)."""
    vocab = vocabulary(feats, config["min_count"])
    rows, target, weight = soft_labels(feats, y) if measure == "certainty" else (feats, y, None)
    lr = LogisticRegression(C=c, solver="lbfgs", max_iter=5000, tol=1e-7)
    lr.fit(matrix(rows, vocab), target, sample_weight=weight)
    coef = lr.coef_[0]
    return {f: float(coef[j]) for f, j in vocab.items() if abs(coef[j]) >= config["prune"]}, float(lr.intercept_[0])


def logits(feats: list[list[str]], weights: dict[str, float], bias: float) -> np.ndarray:
    return np.array([bias + sum(weights.get(f, 0.0) for f in fs) for fs in feats])


def out_of_fold(measure: str, feats: list[list[str]], y: np.ndarray, folds: np.ndarray, c: float, config: dict):
    """Out-of-fold logits of the development rows (grouped folds of scripts/holdout.py)."""
    z = np.zeros(len(y))
    for k in range(holdout.FOLDS):
        tr, te = np.where(folds != k)[0], np.where(folds == k)[0]
        w, b = fit(measure, [feats[i] for i in tr], y[tr], c, config)
        z[te] = logits([feats[i] for i in te], w, b)
    return z


def platt(z: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """Scale and offset mapping logits to calibrated logits."""
    lr = LogisticRegression(C=1e6, solver="lbfgs", max_iter=1000, tol=1e-8)
    lr.fit(z[:, None], y)
    return float(lr.coef_[0, 0]), float(lr.intercept_[0])


def sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-z))


def certainty_line(p: np.ndarray, rating: np.ndarray) -> tuple[float, float]:
    """Least-squares ``rating ~ a + b * p`` (p: probability that the finding is uncertain)."""
    b, a = np.polyfit(p, rating, 1)
    return float(a), float(b)


def prf(p: np.ndarray, y: np.ndarray, t: float, negative_weight: float = 1.0) -> dict[str, float]:
    """Precision, recall and F1 of ``p >= t``; negatives count ``negative_weight`` times (a base-rate shift)."""
    pred = p >= t
    tp = float(np.sum(pred & (y == 1)))
    fp = negative_weight * float(np.sum(pred & (y == 0)))
    fn = float(np.sum(~pred & (y == 1)))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"f1": f1, "precision": precision, "recall": recall}


def negative_weight(base_rate: float, ratio: float) -> float:
    """Weight of a negative that turns base rate ``base_rate`` into ``ratio * base_rate``."""
    pi = ratio * base_rate
    return ((1 - pi) / pi) / ((1 - base_rate) / base_rate)


def choose_threshold(p: np.ndarray, y: np.ndarray, min_precision: float = 0.0) -> float:
    """The threshold maximising the mean F1 over :data:`BASE_RATE_RATIOS` (precision floor at the base rate)."""
    base = float(y.mean())
    best, best_t = -1.0, 0.5
    for t in THRESHOLDS:
        if prf(p, y, t)["precision"] < min_precision:
            continue
        score = float(np.mean([prf(p, y, t, negative_weight(base, r))["f1"] for r in BASE_RATE_RATIOS]))
        if score > best + 1e-12:
            best, best_t = score, float(t)
    return best_t


def pearson(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.corrcoef(a, b)[0, 1])


def r6(x: float) -> float:
    return float(f"{x:.6g}")


def rounded(d: dict) -> dict:
    return {k: (r6(v) if isinstance(v, float) else v) for k, v in d.items()}


def reliability(p: np.ndarray, y: np.ndarray, bins: int = 10) -> list[dict]:
    out = []
    for k in range(bins):
        lo, hi = k / bins, (k + 1) / bins
        m = (p >= lo) & ((p < hi) if k < bins - 1 else (p <= hi))
        n = int(m.sum())
        out.append(
            {
                "bin": [lo, hi],
                "n": n,
                "mean_predicted": r6(float(p[m].mean())) if n else None,
                "observed_rate": r6(float(y[m].mean())) if n else None,
            }
        )
    return out


def errors(feats: list[list[str]], p: np.ndarray, y: np.ndarray, t: float, weights: dict[str, float]) -> dict:
    """False positives counted by their most positive feature, false negatives by their most negative one."""
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    no_cue = 0
    for fs, pi, yi in zip(feats, p, y, strict=True):
        if (pi >= t) == (yi == 1):
            continue
        contrib = [(weights[f], f) for f in fs if f in weights]
        if yi == 1 and "hedges:0" in fs:
            no_cue += 1
        if contrib:
            (fp if yi == 0 else fn)[(max if yi == 0 else min)(contrib)[1]] += 1
    return {
        "false_positives": int(np.sum((p >= t) & (y == 0))),
        "false_negatives": int(np.sum((p < t) & (y == 1))),
        "false_positives_by_top_positive_feature": fp.most_common(15),
        "false_negatives_by_top_negative_feature": fn.most_common(15),
        "false_negatives_without_a_lexicon_hedge": no_cue,
    }


def lexicon_peer(feats: list[list[str]], y: np.ndarray) -> dict[str, float]:
    """The located cues alone: a sentence is positive when the lexicon finds a hedge in it."""
    return rounded(prf(np.array([0.0 if "hedges:0" in fs else 1.0 for fs in feats]), y, 0.5))


def develop(data: dict, words: FeatureWords, config: dict) -> tuple[dict, dict]:
    """Cross-validate on the development rows, fit on them. Returns (weights file content, CV figures)."""
    model: dict = {"weights": {}, "bias": {}, "thresholds": {}}
    cv: dict = {}
    for m in MEASURES:
        d = data[m]
        dev = d["part"] == "dev"
        feats = featurise([t for t, k in zip(d["text"], dev, strict=True) if k], words)
        y, folds = d["y"][dev], d["fold"][dev]
        c = config["C"][m]
        z = out_of_fold(m, feats, y, folds, c, config)
        w, b = fit(m, feats, y, c, config)
        if m == "certainty":
            p = sigmoid(z)
            line = certainty_line(p, y)
            rating = np.clip(line[0] + line[1] * p, *CERTAINTY_RANGE)
            model["certainty_scale"] = [r6(line[0]), r6(line[1])]
            model["weights"][m] = {f: r6(v) for f, v in w.items()}
            model["bias"][m] = r6(b)
            hedge_count = np.array([0 if "hedges:0" in fs else 2 if "hedges:2+" in fs else 1 for fs in feats])
            cv[m] = {
                "rows": int(dev.sum()),
                "C": c,
                "pearson_r": r6(pearson(rating, y)),
                "mean_absolute_error": r6(float(np.mean(np.abs(rating - y)))),
                "peer_hedge_count_r": r6(pearson(-hedge_count, y)),
            }
            continue
        a, off = platt(z, y)
        p = sigmoid(a * z + off)
        t = choose_threshold(p, y, MIN_PRECISION.get(m, 0.0))
        model["weights"][m] = {f: r6(a * v) for f, v in w.items()}
        model["bias"][m] = r6(a * b + off)
        model["thresholds"][m] = t
        base = float(y.mean())
        cv[m] = {
            "rows": int(dev.sum()),
            "base_rate": r6(base),
            "C": c,
            "threshold": t,
            "calibration": [r6(a), r6(off)],
            **rounded(prf(p, y, t)),
            "f1_by_base_rate_ratio": {
                str(r): r6(prf(p, y, t, negative_weight(base, r))["f1"]) for r in BASE_RATE_RATIOS
            },
            "peer_lexicon": lexicon_peer(feats, y),
            "reliability_bins": reliability(p, y),
            "errors": errors(feats, p, y, t, {f: a * v for f, v in w.items()}),
        }
        cv[m]["_oof"] = p  # removed before writing
    return model, cv


def train(shared: Path, config: dict) -> tuple[dict, dict]:
    """(weights file content, CV figures) for ``config``."""
    dev_dir = shared / "dev"
    data = load(dev_dir)
    words = word_classes()
    model, cv = develop(data, words, config)
    union_p = np.concatenate([cv[m].pop("_oof") for m in ("speculation", "vagueness")])
    union_y = np.concatenate([data[m]["y"][data[m]["part"] == "dev"] for m in ("speculation", "vagueness")])
    model["certainty_scale"] = model.pop("certainty_scale")
    model["metadata"] = {
        "model": "one L2 logistic regression per measure over the binary features of "
        "analysis.annotate.hedging.sentence_model.features; speculation and vagueness Platt-calibrated (folded into "
        "the weights), certainty on soft labels mapped to 1-6 by certainty_scale",
        "config": config,
        "fitted_on": "the development rows of scripts/holdout.py (the frozen test fifth is never used)",
        "threshold_rule": f"maximises the mean F1 over base-rate ratios {list(BASE_RATE_RATIOS)} of the development "
        f"base rate (negatives reweighted), precision floor {MIN_PRECISION} at the development base rate",
        "feature_words_sha256": hashlib.sha256(feature_words_text().encode("utf-8")).hexdigest(),
        "training_files": [
            {
                "file": FILES[m],
                "measure": m,
                "source": SOURCES[m],
                "sha256": sha256(dev_dir / FILES[m]),
                "rows": len(data[m]["y"]),
                "dev_rows": int((data[m]["part"] == "dev").sum()),
            }
            for m in MEASURES
        ],
        "weights_kept": {m: len(model["weights"][m]) for m in MEASURES},
    }
    figures = {
        "description": "5-fold cross-validation of the sentence measures on the development part of the frozen split "
        "(scripts/holdout.py; folds grouped as the split is). No training text is stored here.",
        **cv,
        "reliability_bins_union": reliability(union_p, union_y),
        "training_files": model["metadata"]["training_files"],
    }
    return model, figures


def holdout_figures(shared: Path) -> dict:
    """The shipped weights (as the package loads them) on the frozen test rows, with the lexicon as a peer."""
    from analysis.annotate.hedging.sentence_model import decide, load_model

    model = load_model()
    data = load(shared / "dev")
    words = word_classes()
    out: dict = {
        "description": "The shipped sentence measures on the frozen test fifth of each training file "
        "(scripts/holdout.py), scored once per release of the weights; earlier_scorings keeps the figures of "
        "weights shipped before. No text is stored here.",
        "weights_sha256": sha256(ROOT / "analysis" / "data" / "sentence_measures.json"),
    }
    for m in MEASURES:
        d = data[m]
        test = d["part"] == "test"
        feats = featurise([t for t, k in zip(d["text"], test, strict=True) if k], words)
        y = d["y"][test]
        scores = [model.scores(fs) for fs in feats]
        if m == "certainty":
            rating = np.array([s.certainty for s in scores])
            hedge_count = np.array([0 if "hedges:0" in fs else 2 if "hedges:2+" in fs else 1 for fs in feats])
            out[m] = {
                "rows": int(test.sum()),
                "pearson_r": r6(pearson(rating, y)),
                "mean_absolute_error": r6(float(np.mean(np.abs(rating - y)))),
                "peer_hedge_count_r": r6(pearson(-hedge_count, y)),
            }
            continue
        p = np.array([getattr(s, m) for s in scores])
        either = np.array([decide(s, model.thresholds, None) for s in scores], dtype=float)
        out[m] = {
            "rows": int(test.sum()),
            "base_rate": r6(float(y.mean())),
            "threshold": model.thresholds[m],
            **rounded(prf(p, y, model.thresholds[m])),
            "peer_lexicon": lexicon_peer(feats, y),
            "uncertain_speculative_or_vague": rounded(prf(either, y, 0.5)),
        }
    return out


def earlier_scorings(path: Path, sha: str) -> list[dict]:
    """The records of ``path`` for other weights, oldest first: a new scoring of the frozen part keeps them.

    The frozen part is meant to be scored once; when shipped weights change after that, the file says so by
    keeping every earlier figure beside the new one instead of overwriting it.
    """
    if not path.is_file():
        return []
    old = json.loads(path.read_text(encoding="utf-8"))
    history = old.pop("earlier_scorings", [])
    if old.get("weights_sha256") != sha:
        history.append(old)
    return history


def dumps(obj) -> str:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False) + "\n"


def compare(new: dict, old: dict, tol: float = 1e-3) -> list[str]:
    """Differences beyond ``tol`` between two weights files (empty list: they agree)."""
    problems = []
    if new["metadata"].get("feature_words_sha256") != old["metadata"].get("feature_words_sha256"):
        problems.append("feature word classes differ")
    flat_new, flat_old = _flat(new), _flat(old)
    for key in sorted(set(flat_new) | set(flat_old)):
        a, b = flat_new.get(key, 0.0), flat_old.get(key, 0.0)
        if abs(a - b) > tol:
            problems.append(f"{key}: {b} shipped, {a} retrained")
    return problems


def _flat(model: dict) -> dict[str, float]:
    out = {f"threshold/{m}": v for m, v in model["thresholds"].items()}
    out.update({f"certainty_scale/{i}": v for i, v in enumerate(model["certainty_scale"])})
    out.update({f"bias/{m}": v for m, v in model["bias"].items()})
    for m, weights in model["weights"].items():
        out.update({f"weights/{m}/{f}": v for f, v in weights.items()})
    return out


def search(shared: Path) -> None:
    """Cross-validated figure of each measure for each C of GRID (development rows only)."""
    data = load(shared / "dev")
    words = word_classes()
    for m in MEASURES:
        d = data[m]
        dev = d["part"] == "dev"
        feats = featurise([t for t, k in zip(d["text"], dev, strict=True) if k], words)
        y, folds = d["y"][dev], d["fold"][dev]
        for c in GRID:
            z = out_of_fold(m, feats, y, folds, c, CONFIG)
            if m == "certainty":
                print(m, c, f"r {pearson(-z, y):.3f}", flush=True)
                continue
            a, off = platt(z, y)
            p = sigmoid(a * z + off)
            t = choose_threshold(p, y, MIN_PRECISION.get(m, 0.0))
            f = prf(p, y, t)
            news = ""
            if m == "speculation" and (shared / "dev" / "polnear-train").is_dir():
                from sentence_measure_designs import news_sentences

                texts, labels = news_sentences(shared)
                w, b = fit(m, feats, y, c, CONFIG)
                pn = sigmoid(a * logits(featurise(texts, words), w, b) + off)
                news = f" | news (fit part) F1 {prf(pn, np.array(labels), t)['f1']:.3f}"
            print(m, c, f"t {t:.2f} F1 {f['f1']:.3f} P {f['precision']:.3f} R {f['recall']:.3f}{news}", flush=True)


def summary(figures: dict) -> str:
    s, v, c = figures["speculation"], figures["vagueness"], figures["certainty"]
    return (
        f"speculation F1 {s['f1']:.3f} (P {s['precision']:.3f} R {s['recall']:.3f} t {s['threshold']:.2f}) | "
        f"vagueness F1 {v['f1']:.3f} (P {v['precision']:.3f} R {v['recall']:.3f} t {v['threshold']:.2f}) | "
        f"certainty r {c['pearson_r']:.3f}"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared", help="the shared folder (holds dev/)")
    ap.add_argument("--out", type=Path, default=ROOT / "analysis" / "data" / "sentence_measures.json")
    ap.add_argument("--cv-out", type=Path, default=ROOT / "data" / "benchmarks" / "uncertainty_cv.json")
    ap.add_argument("--holdout-out", type=Path, default=ROOT / "data" / "benchmarks" / "uncertainty_holdout.json")
    group = ap.add_mutually_exclusive_group()
    group.add_argument("--check", action="store_true", help="retrain and compare with --out; write nothing")
    group.add_argument("--search", action="store_true", help="print CV figures of the L2 grid")
    group.add_argument("--holdout", action="store_true", help="score the shipped weights on the frozen test part")
    args = ap.parse_args(argv)
    if not (args.shared / "dev").is_dir():
        print(f"error: no training data: {args.shared / 'dev'} is not a folder", file=sys.stderr)
        return 2
    if args.search:
        search(args.shared)
        return 0
    if args.holdout:
        figures = holdout_figures(args.shared)
        figures["earlier_scorings"] = earlier_scorings(args.holdout_out, figures["weights_sha256"])
        args.holdout_out.write_text(json.dumps(figures, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        s, v, c = figures["speculation"], figures["vagueness"], figures["certainty"]
        print(
            f"frozen part: speculation F1 {s['f1']:.3f} (P {s['precision']:.3f} R {s['recall']:.3f}) | vagueness F1 "
            f"{v['f1']:.3f} (P {v['precision']:.3f} R {v['recall']:.3f}) | certainty r {c['pearson_r']:.3f}"
        )
        print(f"wrote {args.holdout_out}")
        return 0
    t0 = time.time()
    model, figures = train(args.shared, CONFIG)
    print("CV (development part):", summary(figures), f"({time.time() - t0:.1f}s)")
    if args.check:
        problems = compare(model, json.loads(args.out.read_text(encoding="utf-8")))
        for p in problems[:20]:
            print("mismatch:", p, file=sys.stderr)
        print("retrained weights match the shipped file" if not problems else f"{len(problems)} mismatches")
        return 1 if problems else 0
    args.out.write_text(dumps(model), encoding="utf-8")
    args.cv_out.parent.mkdir(parents=True, exist_ok=True)
    args.cv_out.write_text(json.dumps(figures, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({args.out.stat().st_size} bytes) and {args.cv_out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
