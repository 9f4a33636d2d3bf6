"""How far the frozen part predicts the maintainers' held-out sets: the retired gated model, scored on it.

Issue 22 gives the maintainers' held-out figures of the gated model of issue 13 (commit ``RETIRED``). This
script takes that model's code from the project's history (``git archive``, into a temporary folder), fits
it with its own script and settings on the development rows of the frozen split (``scripts/holdout.py``)
and scores its default function and its heads on the frozen rows. The difference between those figures and
the maintainers' says how far the frozen part stands from their sets, for a model whose held-out figures
are known. Nothing is chosen with it: it was run after the new measures were scored.

Usage::

    python scripts/retired_model_on_frozen_part.py [--shared ../shared]   # a few minutes; needs git history
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RETIRED = "d9b0789f2026ad2e5bda3ef81d29f02f2af31e05"  # main when issue 22 began: the gated model

#: Fits the retired model on the development rows (run with the retired code first on sys.path).
FIT = r"""
import csv, importlib.util, json, sys
from pathlib import Path
old, scripts, shared, out = (Path(a) for a in sys.argv[1:5])
sys.path.insert(0, str(old)); sys.path.insert(1, str(scripts))
import holdout
spec = importlib.util.spec_from_file_location("old_train", old / "scripts" / "train_uncertainty.py")
mod = importlib.util.module_from_spec(spec); spec.loader.exec_module(mod)
raw = mod.load(shared / "dev")
parts = {}
for n, f in {"wikipedia": "conll2010-wikipedia-train.csv", "bio": "conll2010-bio-train.csv"}.items():
    rows = list(csv.DictReader(open(shared / "dev" / f, newline="", encoding="utf-8")))
    parts[n] = [holdout.part(n, i, r["text"]) for i, r in enumerate(rows)]
lines = open(shared / "dev" / "pei-jurgens-certainty-train.jsonl", encoding="utf-8")
rows = [json.loads(x) for x in lines if x.strip()]
parts["certainty"] = [holdout.part("certainty", i, r["finding"]) for i, r in enumerate(rows)]
pick = lambda n, want: ([t for t, p in zip(raw[n][0], parts[n]) if p == want],
                        raw[n][1][[p == want for p in parts[n]]])
dev = {n: pick(n, "dev") for n in raw}
test = {n: pick(n, "test") for n in raw}
mod.load = lambda _dev: dev
model, _ = mod.train(shared, mod.CONFIG)
(old / "analysis" / "data" / "uncertainty_model.json").write_text(mod.dumps(model), encoding="utf-8")
json.dump({n: (t, [float(v) for v in y]) for n, (t, y) in test.items()}, open(out, "w"))
"""

#: Scores the frozen rows with the retired package (which now holds the weights fitted above).
SCORE = r"""
import json, sys
import numpy as np
from analysis.annotate.hedging.sentence_model import load_model, uncertainty
m = load_model()
rows = json.load(open(sys.argv[1]))
def prf(p, y, t):
    p, y = np.array(p), np.array(y); pred = p >= t
    tp, fp, fn = (pred & (y == 1)).sum(), (pred & (y == 0)).sum(), (~pred & (y == 1)).sum()
    P, R = tp / (tp + fp), tp / (tp + fn)
    return {"f1": round(2 * P * R / (P + R), 4), "precision": round(P, 4), "recall": round(R, 4)}
out = {}
for n in ("wikipedia", "bio"):
    t, y = rows[n]
    out[n] = {"default": prf([uncertainty(s) for s in t], y, m.threshold),
              "head": prf([uncertainty(s, head=n) for s in t], y, m.head_thresholds[n])}
t, y = rows["certainty"]
out["certainty"] = {"default_r": round(float(np.corrcoef([1 - uncertainty(s) for s in t], y)[0, 1]), 4),
                    "head_r": round(float(np.corrcoef([1 - uncertainty(s, head="certainty") for s in t], y)[0, 1]), 4)}
print(json.dumps(out))
"""

#: The maintainers' held-out figures of the retired model (issue 22).
THEIRS = {
    "wikipedia": {"default": 0.590, "head": 0.593},
    "bio": {"default": 0.737, "head": 0.828},
    "certainty": {"default_r": 0.549},
}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args(argv)
    if not (args.shared / "dev").is_dir():
        print(f"error: no training data: {args.shared / 'dev'} is not a folder", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        old = Path(tmp) / "retired"
        old.mkdir()
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", RETIRED, "analysis", "scripts"], capture_output=True, check=False
        )
        if archive.returncode:
            print(f"error: the retired model's commit {RETIRED[:7]} is not in this checkout's history", file=sys.stderr)
            return 2
        subprocess.run(["tar", "-x", "-C", str(old)], input=archive.stdout, check=True)
        rows = Path(tmp) / "frozen_rows.json"
        env = {**os.environ, "PYTHONPATH": str(old), "OMP_NUM_THREADS": "1"}
        subprocess.run(
            [sys.executable, "-c", FIT, str(old), str(ROOT / "scripts"), str(args.shared.resolve()), str(rows)],
            check=True,
            cwd=tmp,
            env=env,
        )
        res = json.loads(
            subprocess.run(
                [sys.executable, "-c", SCORE, str(rows)], check=True, cwd=tmp, env=env, capture_output=True, text=True
            ).stdout
        )
    for n in ("wikipedia", "bio"):
        for kind in ("default", "head"):
            r = res[n][kind]
            print(
                f"{n:9s} {kind:7s} frozen part F1 {r['f1']:.3f} (P {r['precision']:.3f}, R {r['recall']:.3f}); "
                f"maintainers' held-out F1 {THEIRS[n][kind]:.3f}"
            )
    c = res["certainty"]
    print(
        f"certainty default r {c['default_r']:.3f} (head {c['head_r']:.3f}); maintainers' held-out "
        f"{THEIRS['certainty']['default_r']:.3f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
