"""Time per MB of one long paragraph against the same text in 100-word paragraphs.

    .venv/bin/python benchmarks/bench_paragraph_length.py [--sizes-kb 80 160 320 640 1280 2560 5120]
        [--cap-seconds 900] [--profile-kb 160]

The text is one sentence with a hedge, a booster and a reported claim, repeated
('The minister said the plan could fail, and critics believe it is clearly wrong.',
80 bytes, 15 words) up to each size: once as a single paragraph (one line), once cut
into paragraphs of seven sentences (105 words) by blank lines. Each run is a fresh
process that reads the file as the command line does and times, separately, building
the Article (front matter, paragraphs, roles, sentences), ``analyze`` (every layer)
and the paragraph table (the dictionaries are loaded first, outside the timing); it
reports its peak RSS. Reported per size: the
seconds per MB of each layout and their ratio (the target: the single paragraph within
1.5x of the paragraphed text, up to 5 MB).

A run over ``--cap-seconds`` is stopped and shown as ">cap"; the larger sizes of that
layout are then not run (their time is extrapolated from the last two sizes that ran,
and marked as such). ``--profile-kb K`` also profiles ``analyze`` of the single
paragraph at K KB with cProfile and prints the functions with the most time of their
own, and each module's share of the total: where a non-linearity lives. Needs nothing
from ../shared.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import ROOT, machine, table

SENTENCE = "The minister said the plan could fail, and critics believe it is clearly wrong. "
SENTENCES_PER_PARAGRAPH = 7  # 105 words

#: What each run does, in a fresh process: argv[1] the file, argv[2] the byte limit. Prints JSON.
CHILD = r"""
import json, resource, sys, time
from analysis.corpus.batch import warm
from analysis.document import analyze
from analysis.sources.loading import load_article
from analysis.tables.build import paragraph_rows

warm()
t0 = time.perf_counter()
article = load_article(sys.argv[1], max_bytes=int(sys.argv[2]))
t1 = time.perf_counter()
doc = analyze(article)
t2 = time.perf_counter()
rows = paragraph_rows(doc)
t3 = time.perf_counter()
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"load": t1 - t0, "analyze": t2 - t1, "table": t3 - t2, "paragraphs": len(rows),
                  "sentences": len(doc.sentences), "peak_mib": peak}))
"""

PROFILE = r"""
import cProfile, collections, pstats, sys
from analysis.corpus.batch import warm
from analysis.document import analyze
from analysis.sources.loading import load_article

warm()
article = load_article(sys.argv[1], max_bytes=int(sys.argv[2]))
profile = cProfile.Profile()
profile.enable()
analyze(article)
profile.disable()
stats = pstats.Stats(profile)
total = sum(v[2] for v in stats.stats.values())
print(f"analyze of one {int(sys.argv[3])} KB paragraph: {total:.1f} s of own time in all (cProfile)")
by_module = collections.Counter()
for (path, _line, _name), value in stats.stats.items():
    by_module[path.split("site-packages/")[-1].split("/analysis/", 1)[-1]] += value[2]
print("own time by module:")
for module, seconds in by_module.most_common(8):
    print(f"  {100 * seconds / total:5.1f}%  {seconds:7.2f} s  {module}")
print("functions with the most time of their own:")
rows = sorted(stats.stats.items(), key=lambda kv: kv[1][2], reverse=True)[:12]
for (path, line, name), (_cc, calls, own, cum, _callers) in rows:
    where = path.split("site-packages/")[-1].split("/analysis/", 1)[-1]
    print(f"  {own:7.2f} s own, {cum:7.2f} s with callees, {calls:>9,} calls  {where}:{line} {name}")
"""


def write_text(path: Path, n_bytes: int, single: bool) -> None:
    n = max(1, n_bytes // len(SENTENCE))
    if single:
        path.write_text((SENTENCE * n).rstrip() + "\n", encoding="utf-8")
        return
    paragraphs = [
        (SENTENCE * min(SENTENCES_PER_PARAGRAPH, n - i)).rstrip() for i in range(0, n, SENTENCES_PER_PARAGRAPH)
    ]
    path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")


def run(path: Path, cap: float) -> dict[str, object]:
    """One fresh process: its timings (seconds), peak RSS (MiB), or ``{"capped": True}``."""
    limit = max(path.stat().st_size * 2, 5 * 1024 * 1024)
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path), str(limit)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT
    )
    started = time.perf_counter()
    while proc.poll() is None and time.perf_counter() - started < cap:
        time.sleep(0.2)
    if proc.poll() is None:
        proc.kill()
        proc.wait()
        return {"capped": True}
    out, err = proc.communicate()
    if proc.returncode != 0:
        sys.exit(f"run failed ({path.name}): {err.decode()[-500:]}")
    result = json.loads(out.decode().strip().splitlines()[-1])
    result["total"] = result["load"] + result["analyze"] + result["table"]
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes-kb", type=int, nargs="+", default=[80, 160, 320, 640, 1280, 2560, 5120])
    parser.add_argument("--cap-seconds", type=float, default=900.0, help="stop a run after this long (default 900)")
    parser.add_argument("--profile-kb", type=int, default=0, help="also profile the single paragraph at this size")
    args = parser.parse_args()
    print(machine())
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-paragraph-") as tmp:
        stopped: dict[bool, list[tuple[float, float]]] = {True: [], False: []}  # size MB, s per MB that ran
        capped = {True: False, False: False}
        results: dict[tuple[int, bool], dict[str, object]] = {}
        for kb in args.sizes_kb:
            for single in (False, True):
                path = Path(tmp) / f"{'single' if single else 'paragraphs'}-{kb}.txt"
                write_text(path, kb * 1024, single)
                if capped[single]:
                    results[(kb, single)] = {"skipped": True}
                    continue
                r = run(path, args.cap_seconds)
                if r.get("capped"):
                    capped[single] = True
                else:
                    stopped[single].append((kb / 1024, float(r["total"]) / (kb / 1024)))
                results[(kb, single)] = r
                path.unlink()
                print(
                    f"  {kb} KB {'single paragraph' if single else '100-word paragraphs'}: {_describe(r)}", flush=True
                )
            rows.append(_row(kb, results[(kb, False)], results[(kb, True)], stopped[True]))
        print(
            table(
                [
                    "size",
                    "100-word paragraphs: s/MB (total s)",
                    "one paragraph: s/MB (total s)",
                    "ratio one / 100-word",
                    "sentences",
                ],
                rows,
            )
        )
        if args.profile_kb:
            path = Path(tmp) / "profiled.txt"
            write_text(path, args.profile_kb * 1024, single=True)
            subprocess.run(
                [sys.executable, "-c", PROFILE, str(path), str(5 * 1024 * 1024), str(args.profile_kb)],
                cwd=ROOT,
                check=True,
            )
    return 0


def _describe(r: dict[str, object]) -> str:
    if r.get("capped"):
        return "over the cap: stopped"
    if r.get("skipped"):
        return "not run (a smaller size went over the cap)"
    return (
        f"{float(r['total']):.1f} s (article {float(r['load']):.1f}, analyze {float(r['analyze']):.1f}, "
        f"table {float(r['table']):.1f}); {r['paragraphs']} paragraphs, {r['sentences']} sentences, "
        f"peak {float(r['peak_mib']):,.0f} MiB"
    )


def _row(kb: int, paragraphs: dict[str, object], single: dict[str, object], ran: list[tuple[float, float]]) -> list:
    mb = kb / 1024

    def cell(r: dict[str, object]) -> str:
        if r.get("capped"):
            return "over the cap"
        if r.get("skipped"):
            if len(ran) >= 2:  # s/MB grows linearly with size when time is quadratic: extrapolate that line
                (m1, v1), (m2, v2) = ran[-2], ran[-1]
                guess = v2 + (v2 - v1) / (m2 - m1) * (mb - m2)
                return f"not run (quadratic: ~{guess:,.0f} s/MB, ~{guess * mb / 3600:,.1f} h)"
            return "not run"
        return f"{float(r['total']) / mb:,.1f} ({float(r['total']):,.1f})"

    ok = not any(r.get("capped") or r.get("skipped") for r in (paragraphs, single))
    ratio = f"{float(single['total']) / float(paragraphs['total']):.2f}x" if ok else "-"
    sentences = paragraphs.get("sentences", single.get("sentences", ""))
    return [f"{kb:,} KB", cell(paragraphs), cell(single), ratio, sentences]


if __name__ == "__main__":
    sys.exit(main())
