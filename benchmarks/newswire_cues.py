"""Located hedge cues and the speculation measure on hand-annotated campaign news (issue 22).

The annotations (``benchmarks/newswire_cues/annotations.json``, guidelines in its README) mark the
epistemic hedging cues of 53 PolNeAR training articles: 17 of the ``fit`` part (465 body sentences),
which the lexicon work of issue 22 looked at; 9 of PolNeAR's ``check`` part (``check``, 231 sentences),
scored once when the first rules were settled and looked at since; 13 more of it (``blind``, 337
sentences), annotated blind, scored twice as a held-out part and looked at since; and 14 more
(``frozen``, 310 sentences), annotated blind and scored once, when the last rules were settled. Every
scoring of ``blind`` and ``frozen`` is kept in the JSON (``earlier_scorings``).
The parts are PolNeAR's own (``../shared/dev/polnear_score.py``: a hash of the file name). The article
text is read from ``../shared/dev/polnear-train/text/``; nothing of it is stored in the project.

Scores, as the maintainers' newswire figures are defined (located cues, not the model):

* sentence precision, recall and F1: a sentence is predicted uncertain when :func:`analysis.find_cues`
  finds a hedge in it, and is uncertain in the gold standard when it holds an annotated cue;
* cue recall: the share of annotated cues that a found hedge overlaps.

``--kinds EA`` (default) counts epistemic cues and approximators of a number, ``E`` epistemic cues only.
The speculation measure (sentence F1 at its threshold against the ``E`` sentences) is printed beside.

Usage::

    .venv/bin/python benchmarks/newswire_cues.py [--part fit|check|blind|frozen|all] [--kinds EA|E]
        [--json PATH] [--show]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ANNOTATIONS = ROOT / "benchmarks" / "newswire_cues" / "annotations.json"
TEXTS = ROOT.parent / "shared" / "dev" / "polnear-train" / "text"
DEFAULT_JSON = ROOT / "data" / "benchmarks" / "newswire_cues.json"


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def score(articles: list[dict], texts: Path, kinds: str, show: bool = False) -> dict[str, object]:
    """Sentence and cue figures of the located hedges, and the speculation measure's sentence figures."""
    from analysis import find_cues
    from analysis.annotate.hedging.sentence_model import load_model, measures

    threshold = load_model().thresholds["speculation"]
    tp = fp = fn = found = total = 0
    mtp = mfp = mfn = 0
    n_sentences = 0
    for art in articles:
        text = (texts / f"{art['article']}.txt").read_text(encoding="utf-8")
        if hashlib.sha256(text.encode("utf-8")).hexdigest() != art["text_sha256"]:
            raise SystemExit(f"error: {art['article']}: the article text differs from the annotated one")
        by_sentence: dict[int, list[tuple[int, int, str]]] = {}
        for j, s, e, kind in art["cues"]:
            by_sentence.setdefault(j, []).append((s, e, kind))
        for j, (a, b) in enumerate(art["sentences"]):
            n_sentences += 1
            sentence = text[a:b]
            hedges = [c for c in find_cues(sentence) if c.category == "hedge"]
            gold = [(s, e) for s, e, kind in by_sentence.get(j, ()) if kind in kinds]
            pred, is_gold = bool(hedges), bool(gold)
            tp += pred and is_gold
            fp += pred and not is_gold
            fn += is_gold and not pred
            for s, e in gold:
                total += 1
                if any(c.start < e - a and c.end > s - a for c in hedges):
                    found += 1
                elif show:
                    print(f"MISSED {text[s:e]!r} in {' '.join(sentence.split())!r}")
            if show and pred and not is_gold:
                print(f"FOUND {[c.text for c in hedges]} in {' '.join(sentence.split())!r}")
            epistemic = any(kind == "E" for _, _, kind in by_sentence.get(j, ()))
            speculative = measures(sentence).speculation >= threshold
            mtp += speculative and epistemic
            mfp += speculative and not epistemic
            mfn += epistemic and not speculative
    return {
        "articles": len(articles),
        "sentences": n_sentences,
        "gold_sentences": tp + fn,
        "gold_cues": total,
        "located_cues": {**prf(tp, fp, fn), "cue_recall": round(found / total, 4) if total else 0.0},
        "speculation_measure_vs_epistemic_sentences": {**prf(mtp, mfp, mfn), "threshold": threshold},
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--part", choices=("fit", "check", "blind", "frozen", "all"), default="fit")
    ap.add_argument("--kinds", choices=("EA", "E"), default="EA", help="cue kinds counted as gold (see the README)")
    ap.add_argument("--json", type=Path, default=None, help=f"also write the figures here (e.g. {DEFAULT_JSON})")
    ap.add_argument("--show", action="store_true", help="print every missed cue and every wrongly flagged sentence")
    args = ap.parse_args(argv)
    if not TEXTS.is_dir():
        print(
            f"error: {TEXTS}: the PolNeAR texts are not here (they are not distributed with the project)",
            file=sys.stderr,
        )
        return 2
    data = json.loads(ANNOTATIONS.read_text(encoding="utf-8"))
    articles = [a for a in data["articles"] if args.part == "all" or a["part"] == args.part]
    res = {"part": args.part, "kinds": args.kinds, **score(articles, TEXTS, args.kinds, args.show)}
    cues, model = res["located_cues"], res["speculation_measure_vs_epistemic_sentences"]
    print(
        f"part={args.part} kinds={args.kinds}: {res['articles']} articles, {res['sentences']} sentences, "
        f"{res['gold_sentences']} with a cue, {res['gold_cues']} cues"
    )
    print(
        f"located cues: sentence P {cues['precision']:.3f} R {cues['recall']:.3f} F1 {cues['f1']:.3f}; "
        f"cue recall {cues['cue_recall']:.3f}"
    )
    print(
        f"speculation measure (t={model['threshold']:.2f}) vs epistemic sentences: P {model['precision']:.3f} "
        f"R {model['recall']:.3f} F1 {model['f1']:.3f}"
    )
    if args.json:
        old = json.loads(args.json.read_text(encoding="utf-8")) if args.json.is_file() else {}
        key = f"{args.part}/{args.kinds}"
        earlier = old.get(key, {}).pop("earlier_scorings", [])
        if args.part in ("blind", "frozen") and key in old and old[key]["located_cues"] != res["located_cues"]:
            earlier.append(old[key])  # a (once) held-out part keeps every scoring, oldest first
        if earlier:
            res["earlier_scorings"] = earlier
        old[key] = res
        args.json.write_text(json.dumps(old, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
