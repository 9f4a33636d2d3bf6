"""``add FOLDER``: the time grows linearly with the number of files, not with its square.

    .venv/bin/python benchmarks/bench_add.py [--sizes 500 2000] [--repeats 1]

For each size, writes that many short synthetic articles (text files with a headline
line, "Story N: ...", so each is stored under its own title; the articles of
:mod:`bench_streaming`) into a
temporary folder and runs the real command, in a fresh process, into an empty store:

    media-analysis add FOLDER --store STORE --outlet "Bench Wire"

Reported: seconds (the median of ``--repeats`` runs), seconds per file, files stored,
and the ratio of each size's time to the smallest size's. Linear time with a fixed
start-up gives a ratio a little under the ratio of the sizes (4x for 500 -> 2000);
the target is under 4x. Needs nothing from ../shared.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import ROOT, machine, table
from bench_streaming import article


def write_sources(folder: Path, n: int) -> None:
    folder.mkdir(parents=True)
    for i in range(n):
        text = article(i)
        headline, rest = text.split("\n\n", 1)
        (folder / f"source-{i:05d}.txt").write_text(f"Story {i}: {headline}\n\n{rest}", encoding="utf-8")


def run(sources: Path, store: Path) -> tuple[float, int, int]:
    """``(seconds, exit status, files stored)`` of one ``add`` into an empty store."""
    exe = Path(sys.executable).with_name("media-analysis")
    t = time.perf_counter()
    proc = subprocess.run(
        [str(exe), "add", str(sources), "--store", str(store), "--outlet", "Bench Wire"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        check=False,
    )
    seconds = time.perf_counter() - t
    if proc.returncode != 0:
        print(proc.stderr.decode()[-1000:], file=sys.stderr)
    return seconds, proc.returncode, sum(1 for _ in store.glob("*.md"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 2000])
    parser.add_argument("--repeats", type=int, default=1)
    args = parser.parse_args()
    print(machine())
    rows = []
    first: float | None = None
    with tempfile.TemporaryDirectory(prefix="bench-add-") as tmp:
        for n in args.sizes:
            sources = Path(tmp) / f"sources-{n}"
            write_sources(sources, n)
            times, stored, status = [], 0, 0
            for r in range(args.repeats):
                seconds, status, stored = run(sources, Path(tmp) / f"store-{n}-{r}")
                times.append(seconds)
            median = statistics.median(times)
            first = first or median
            rows.append(
                [f"{n:,}", f"{median:.1f}", f"{1000 * median / n:.1f}", stored, status, f"{median / first:.2f}x"]
            )
            print(f"  {n} files: {', '.join(f'{t:.1f} s' for t in times)}", flush=True)
    print(table(["files", "seconds", "ms per file", "stored", "exit", f"vs {args.sizes[0]:,} files"], rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
