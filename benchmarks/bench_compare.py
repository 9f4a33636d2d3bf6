"""Group comparison over 1,000 cached articles: target under 5 s (issue 23).

    .venv/bin/python benchmarks/bench_compare.py [--work DIR] [--articles 1000]

Builds a table of 1,000 articles from ../shared's PolNeAR texts (840 real 2016
campaign articles of seven outlets, then copies under new ids) in a temporary
folder (or ``--work``, kept for the next run), analyses it once at article level
into a result cache there (the cold run, reported), then times, each in a fresh
Python process with the cache warm:

* ``compare``: reading the table, the article rows from the cache (stored beside each document)
  (:func:`analysis.corpus.table.analyze_table`) and :func:`analysis.compare.compare_groups`
  by outlet (six measures, 2,000 bootstrap resamples each): wall time from process
  start, imports included, and the library calls alone;
* the same plus the distinctive hedges and boosters (the cue rows, also cached)
  and the monthly time line.

Prints the machine, the load and one table. The articles' text stays in the
temporary folder.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import machine, polnear_table, table

CHILD = """
import json, sys, time, warnings
t0 = time.perf_counter()
from analysis.compare import compare_groups, distinctive_cues, over_time
from analysis.corpus.table import analyze_table
t1 = time.perf_counter()
path, cache, full = sys.argv[1], sys.argv[2], sys.argv[3] == "full"
articles = analyze_table(path, level="article", cache=cache, progress=False)
result = compare_groups(articles, "outlet")
if full:
    cues = analyze_table(path, level="cue", cache=cache, progress=False)
    distinctive_cues(cues, "outlet")
    over_time(articles, "outlet", "month")
t2 = time.perf_counter()
print(json.dumps({"imports": t1 - t0, "calls": t2 - t1, "cached": articles.attrs["n_cached"],
                  "articles": len(articles), "groups": int(result.tests["groups"].max())}))
"""


def run(table_path: Path, cache: Path, mode: str) -> dict[str, float]:
    start = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(table_path), str(cache), mode], capture_output=True, text=True, check=True
    )
    wall = time.perf_counter() - start
    return {**json.loads(out.stdout.strip().splitlines()[-1]), "wall": wall}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--work", type=Path, help="folder for the table and the cache (kept); default a temp folder")
    parser.add_argument("--articles", type=int, default=1000)
    args = parser.parse_args()
    print(machine())
    with tempfile.TemporaryDirectory() as tmp:
        work = args.work or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        path = polnear_table(work, args.articles)
        cache = work / "cache"
        cold = run(path, cache, "compare")  # analyses what the cache lacks
        rows = [["cold (cache filled)", cold["articles"], cold["cached"], cold["calls"], cold["wall"]]]
        for mode in ("compare", "full"):
            r = run(path, cache, mode)
            rows.append([f"warm: {mode}", r["articles"], r["cached"], r["calls"], r["wall"]])
        print(table(["run", "articles", "from cache", "library calls (s)", "process wall (s)"], rows))
        print("target: warm compare under 5 s")


if __name__ == "__main__":
    main()
