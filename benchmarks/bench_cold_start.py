"""Cold start: ``media-analysis analyze SEED`` against importing the libraries it wraps.

    .venv/bin/python benchmarks/bench_cold_start.py [--runs 7]

Each run is a fresh process (wall clock, median of ``--runs``, the two commands
interleaved so machine load hits both alike):

* baseline: ``python -c "import pandas, textstat, vaderSentiment"``
* cli: ``media-analysis analyze seeds/could-russia-lose-belarus.txt --no-cache``
  (loads the CMU dictionary, segments and scores the seed, prints the table)
* cli, warm cache: the same with the result cache (a second run; no CMU load)

Target: cli <= 1.5x baseline. The files the CLI needs (the NLTK-format CMU
dictionary under the cache directory) are provisioned by one untimed run first.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import ROOT, SEED, machine, table

BIN = Path(sys.executable).parent


def wall(cmd: list[str], env: dict[str, str]) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=ROOT)
    return time.perf_counter() - t


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="runs of each command (default 7)")
    args = parser.parse_args()
    print(machine())
    cli = str(BIN / "media-analysis")
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "MEDIA_ANALYSIS_CACHE": tmp}
        commands = {
            "python -c 'import pandas, textstat, vaderSentiment'": [
                sys.executable,
                "-c",
                "import pandas, textstat, vaderSentiment",
            ],
            "media-analysis analyze SEED --no-cache": [cli, "analyze", str(SEED), "--no-cache"],
            "media-analysis analyze SEED (warm result cache)": [cli, "analyze", str(SEED)],
        }
        for cmd in commands.values():  # provision the CMU dictionary and the result cache; warm the OS cache
            wall(cmd, env)
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, cmd in commands.items():
                times[name].append(wall(cmd, env))
    base = statistics.median(next(iter(times.values())))
    rows = [
        [name, f"{min(ts):.3f}", f"{statistics.median(ts):.3f}", f"{statistics.median(ts) / base:.2f}x"]
        for name, ts in times.items()
    ]
    print(f"{args.runs} runs each, fresh process per run\n")
    print(table(["command", "best s", "median s", "vs baseline (median)"], rows))
    ratio = statistics.median(times["media-analysis analyze SEED --no-cache"]) / base
    print(f"\ncold CLI / baseline: {ratio:.2f} (target <= 1.5: {'meets' if ratio <= 1.5 else 'MISSES'})")


if __name__ == "__main__":
    main()
