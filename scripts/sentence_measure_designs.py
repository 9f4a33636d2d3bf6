"""Why the sentence measures use no word features: the shipped feature set against designs with words.

For each feature set, on the development part of the frozen split only (``scripts/holdout.py``; the test
part is never read): speculation's grouped 5-fold CV F1 on the biological sentences, and the sentence F1 of
speculation fitted on all of them against the epistemic sentences of the annotated news
(``benchmarks/newswire_cues``, PolNeAR ``fit`` part: another register); vagueness's CV F1 on the Wikipedia
sentences (precision >= 0.60). Thresholds as ``scripts/train_uncertainty.py`` chooses them; each feature set
gets its best L2 strength of the same grid (``GRID``) by that CV figure, so word features get their best chance.

Feature sets: ``shipped`` (:func:`analysis.annotate.hedging.sentence_model.features`), ``words`` (lower-cased
words alone), ``words+pairs`` (and adjacent pairs), ``shipped+words`` (both).

Usage::

    python scripts/sentence_measure_designs.py [--shared ../shared]   # about five minutes
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import train_uncertainty as T  # noqa: E402

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+(?:[.,]\d+)*|\?")
SETS = ("shipped", "words", "words+pairs", "shipped+words")


def words(text: str, pairs: bool) -> list[str]:
    toks = ["<num>" if t[0].isdigit() else t for t in _WORD.findall(text.lower())]
    out = dict.fromkeys("word:" + t for t in toks)
    if pairs:
        out.update(dict.fromkeys(f"pair:{a} {b}" for a, b in pairwise(toks)))
    return list(out)


def featurise(texts: list[str], kind: str, classes) -> list[list[str]]:  # type: ignore[no-untyped-def]
    shipped = T.featurise(texts, classes) if "shipped" in kind else [[] for _ in texts]
    extra = [words(t, "pairs" in kind) if "words" in kind else [] for t in texts]
    return [a + b for a, b in zip(shipped, extra, strict=True)]


def news_sentences(shared: Path) -> tuple[list[str], list[int]]:
    """Body sentences of the annotated ``fit`` articles and whether each holds an epistemic cue."""
    data = json.loads((ROOT / "benchmarks" / "newswire_cues" / "annotations.json").read_text(encoding="utf-8"))
    texts, labels = [], []
    for art in data["articles"]:
        if art["part"] != "fit":
            continue
        text = (shared / "dev" / "polnear-train" / "text" / f"{art['article']}.txt").read_text(encoding="utf-8")
        epistemic = {j for j, _, _, kind in art["cues"] if kind == "E"}
        for j, (a, b) in enumerate(art["sentences"]):
            texts.append(" ".join(text[a:b].split()))
            labels.append(int(j in epistemic))
    return texts, labels


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args(argv)
    if not (args.shared / "dev").is_dir():
        print(f"error: no training data: {args.shared / 'dev'} is not a folder", file=sys.stderr)
        return 2
    np = T.np
    data = T.load(args.shared / "dev")
    classes = T.word_classes()
    news_text, news_y = news_sentences(args.shared)
    news_y_arr = np.array(news_y)
    print("| features | speculation CV F1 (bio; C) | speculation on news (fit part) | vagueness CV F1 (Wikipedia; C) |")
    print("|---|---|---|---|")
    for kind in SETS:
        cells = []
        for m in ("speculation", "vagueness"):
            d = data[m]
            dev = d["part"] == "dev"
            texts = [t for t, k in zip(d["text"], dev, strict=True) if k]
            feats = featurise(texts, kind, classes)
            y, folds = d["y"][dev], d["fold"][dev]
            best = None
            for c in T.GRID:
                z = T.out_of_fold(m, feats, y, folds, c, T.CONFIG)
                a, off = T.platt(z, y)
                p = T.sigmoid(a * z + off)
                t = T.choose_threshold(p, y, T.MIN_PRECISION.get(m, 0.0))
                f1 = T.prf(p, y, t)["f1"]
                if best is None or f1 > best[0] + 1e-9:
                    best = (f1, c, a, off, t)
            f1, c, a, off, t = best
            cells.append(f"{f1:.3f} ({c:g})")
            if m == "speculation":
                w, b = T.fit(m, feats, y, c, T.CONFIG)
                pn = T.sigmoid(a * T.logits(featurise(news_text, kind, classes), w, b) + off)
                cells.append(f"{T.prf(pn, news_y_arr, t)['f1']:.3f}")
        print(f"| {kind} | " + " | ".join(cells) + " |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
