"""Train the reported-speech tagger (analysis/data/voice_tagger.json) on PolNeAR's `fit` part.

    .venv/bin/pip install python-crfsuite            # training only; the package reads the JSON
    .venv/bin/python scripts/train_voice_tagger.py                 # write the shipped weights
    .venv/bin/python scripts/train_voice_tagger.py --cv 5 --folds 0  # estimate on held-out folds of `fit`

Data: ../shared/dev/polnear-train/ (840 annotated 2016 campaign articles; PolNeAR, Newell, Margolin and
Ruths 2018, https://github.com/networkdynamics/polnear). The `fit`/`check` parts are the ones of
../shared/dev/polnear_score.py (a hash of the file name); this script never reads `check` articles.
Only feature names and weights are written: no article text.

Each token of a sentence is labelled T (inside the content of a relation with a source), C (cue), S
(source) or O; the features are those of :mod:`analysis.annotate.attribution.tagger`, including the
spans the rules find with the tagger off. CRFsuite (L-BFGS, c1/c2 below) fits a linear-chain CRF.
"""

from __future__ import annotations

import argparse
import glob
import hashlib
import importlib.util
import json
import os
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis import article_from_text  # noqa: E402
from analysis.annotate.attribution import finder  # noqa: E402
from analysis.annotate.attribution.relations import relation_index, voice_of  # noqa: E402
from analysis.annotate.attribution.state import Parse  # noqa: E402
from analysis.annotate.attribution.tagger import LABELS, TaggerModel, sentence_features  # noqa: E402
from analysis.annotate.quotes import find_quotes  # noqa: E402
from analysis.hedging import article_cues  # noqa: E402

WORD = re.compile(r"\w+(?:[’'\-&]\w+)*")


def scorer(shared: Path):  # type: ignore[no-untyped-def]
    """The PolNeAR scoring module of ../shared/dev (its parts, gold relations and definitions)."""
    spec = importlib.util.spec_from_file_location("polnear_score", shared / "dev" / "polnear_score.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def gold_relations(ann: str) -> list[dict]:
    """Relations of a brat file with content, source and cue spans."""
    t_line = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t(.*)$")
    frags: dict[str, list[tuple[int, int]]] = {}
    out = []
    for line in ann.splitlines():
        m = t_line.match(line)
        if m:
            frags[m.group(1)] = [tuple(map(int, p.split())) for p in m.group(3).split(";")]  # type: ignore[misc]
        elif line.startswith("E"):
            roles: dict[str, list[tuple[int, int]]] = {}
            for a in line.split("\t", 1)[1].split():
                role, tid = a.split(":", 1)
                roles.setdefault(role.rstrip("0123456789"), []).extend(frags.get(tid, []))
            if roles.get("Content"):
                out.append({k.lower(): sorted(v) for k, v in roles.items()})
    return out


def overlaps(spans: list[tuple[int, int]], a: int, b: int) -> bool:
    return any(s < b and a < e for s, e in spans)


def load(shared: Path, part: str) -> list[dict]:
    """Every article of ``part``: its parse inputs for the tagger and gold token labels."""
    S = scorer(shared)
    out = []
    for tpath in sorted(glob.glob(str(shared / "dev" / "polnear-train" / "text" / "*.txt"))):
        name = os.path.basename(tpath)[:-4]
        if S.part_of(name) != part:
            continue
        anns = sorted(glob.glob(str(shared / "dev" / "polnear-train" / "attributions" / (name + "_*.ann"))))
        if not anns:
            continue
        text = Path(tpath).read_text(encoding="utf-8")
        gold = gold_relations(Path(anns[0]).read_text(encoding="utf-8"))
        art = article_from_text(text, title=text.split("\n", 1)[0])
        paragraphs = [(p.start, p.end) for p in art.paragraphs]
        sentences = [[(s.start, s.end) for s in p.sentences] for p in art.paragraphs]
        st = Parse(text, paragraphs, sentences, find_quotes(text, paragraphs))
        _, sent_toks = finder.rules(st)
        inputs = finder.tagger_inputs(st, sent_toks)
        sourced = [sp for g in gold if g.get("source") for sp in g["content"]]
        cues = [sp for g in gold for sp in g.get("cue", [])]
        sources = [sp for g in gold for sp in g.get("source", [])]
        labels = []
        for _, toks, _ in inputs:
            labs = []
            for t in toks:
                lab = "T" if overlaps(sourced, t.start, t.end) else "O"
                if lab == "O":
                    lab = "C" if overlaps(cues, t.start, t.end) else "S" if overlaps(sources, t.start, t.end) else "O"
                labs.append(lab)
            labels.append(labs)
        cue_words = Counter(w.lower() for a, b in cues for w in WORD.findall(text[a:b]))
        out.append(dict(name=name, text=text, art=art, inputs=inputs, labels=labels, cue_words=cue_words, gold=gold))
    return out


def learn_cue_words(arts: list[dict], min_count: int = 3, min_share: float = 0.2) -> frozenset[str]:
    """Words that are part of a gold cue at least ``min_count`` times and in ``min_share`` of their uses."""
    cue, total = Counter(), Counter()
    for d in arts:
        cue.update(d["cue_words"])
        for _, toks, _ in d["inputs"]:
            total.update(t.low for t in toks)
    return frozenset(w for w, c in cue.items() if c >= min_count and c / max(total[w], 1) >= min_share)


def train(arts: list[dict], c1: float, c2: float, iterations: int, minfreq: int) -> TaggerModel:
    import pycrfsuite  # training only: python-crfsuite

    cue_words = learn_cue_words(arts)
    tr = pycrfsuite.Trainer(verbose=False)
    for d in arts:
        for k, ((_, toks, marks), labs) in enumerate(zip(d["inputs"], d["labels"], strict=True)):
            if toks:
                tr.append(sentence_features(toks, cue_words, marks, k == 0), labs)
    tr.set_params(
        {
            "c1": c1,
            "c2": c2,
            "max_iterations": iterations,
            "feature.minfreq": minfreq,
            "feature.possible_transitions": True,
        }
    )
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "model.crf")
        tr.train(path)
        tg = pycrfsuite.Tagger()
        tg.open(path)
        info = tg.info()
    state: dict[str, list[float]] = {}
    for (attr, label), w in info.state_features.items():
        state.setdefault(attr, [0.0] * len(LABELS))[LABELS.index(label)] = round(w, 4)
    state = {f: w for f, w in state.items() if any(abs(x) >= 0.01 for x in w)}
    trans = [[0.0] * len(LABELS) for _ in LABELS]
    for (a, b), w in info.transitions.items():
        trans[LABELS.index(a)][LABELS.index(b)] = round(w, 4)
    source = (
        f"PolNeAR fit part, {len(arts)} articles; CRFsuite L-BFGS c1={c1} c2={c2}, {iterations} iterations, "
        f"features seen {minfreq}+ times"
    )
    return TaggerModel.from_weights(state, trans, cue_words, source)


def evaluate(S, arts: list[dict], model: TaggerModel | None) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """Cue voice accuracy and reported speech found (the scorer's definitions) with ``model``."""
    cv, sp = Counter(), Counter()
    for d in arts:
        text, art = d["text"], d["art"]
        paragraphs = [(p.start, p.end) for p in art.paragraphs]
        sentences = [[(s.start, s.end) for s in p.sentences] for p in art.paragraphs]
        rels = finder.run(Parse(text, paragraphs, sentences, find_quotes(text, paragraphs)), model)
        index = relation_index(rels)
        sourced = [g["content"] for g in d["gold"] if g.get("source")]
        for cs in article_cues(art):
            for c in cs:
                if c.category in ("hedge", "booster"):
                    g = any(S.covered(s, c.start, c.end) > 0 for s in sourced)
                    p = voice_of(c.start, c.end, index)[0] != "author"
                    cv[g == p] += 1
        for g in d["gold"]:
            if not g.get("source"):
                continue
            pieces = [text[s:e].strip() for s, e in g["content"]]
            cue = " ".join(text[s:e] for s, e in g.get("cue", [])).lower()
            if any(q in "".join(pieces) for q in S.QUOTES) or not S.SPEECH.match(cue.strip()):
                continue
            n = sum(e - s for s, e in g["content"])
            sp["gold"] += 1
            sp["found"] += any(S.covered(g["content"], r.start, r.end) >= 0.5 * n for r in rels)
    return {"cue_voice": cv[True] / max(sum(cv.values()), 1), "speech_found": sp["found"] / max(sp["gold"], 1)}


def to_json(model: TaggerModel) -> str:
    return json.dumps(model.as_json(), separators=(",", ":"), ensure_ascii=False)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--c1", type=float, default=1.0)
    ap.add_argument("--minfreq", type=int, default=2)
    ap.add_argument("--c2", type=float, default=0.01)
    ap.add_argument("--iterations", type=int, default=200)
    ap.add_argument("--cv", type=int, default=0, help="K: estimate on held-out folds of fit instead of writing")
    ap.add_argument("--folds", default="", help="comma-separated folds to hold out (default: all K)")
    ap.add_argument("--out", type=Path, default=ROOT / "analysis" / "data" / "voice_tagger.json")
    args = ap.parse_args()
    if not (args.shared / "dev" / "polnear_score.py").is_file():
        sys.exit(f"error: no PolNeAR data under {args.shared}/dev (see ../shared/dev/README.md)")
    S = scorer(args.shared)
    arts = load(args.shared, "fit")
    if args.cv:
        folds = [int(x) for x in args.folds.split(",")] if args.folds else list(range(args.cv))

        def fold(name: str) -> int:
            return int(hashlib.md5(name.encode()).hexdigest(), 16) % args.cv

        for k in folds:
            test = [d for d in arts if fold(d["name"]) == k]
            model = train([d for d in arts if fold(d["name"]) != k], args.c1, args.c2, args.iterations, args.minfreq)
            print(f"fold {k}/{args.cv} ({len(test)} articles): rules {evaluate(S, test, None)}")
            print(f"fold {k}/{args.cv} ({len(test)} articles): rules+tagger {evaluate(S, test, model)}")
        return
    model = train(arts, args.c1, args.c2, args.iterations, args.minfreq)
    args.out.write_text(to_json(model) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KiB, {len(model.index)} features)")


if __name__ == "__main__":
    main()
