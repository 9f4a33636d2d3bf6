"""The explorer notebook executed on a 1,000-article store: target under 60 s and under 5 MB on disk (issue 23).

    .venv/bin/python benchmarks/bench_explore.py [--work DIR] [--articles 1000]

Writes a store of 1,000 articles from ../shared's PolNeAR texts (840 real 2016
campaign articles of seven outlets, then copies under new ids) into a temporary
folder (or ``--work``, kept), fills a result cache there by executing the
notebook once (reported as the cold run), then executes ``notebooks/04_explore.ipynb``
again with papermill, as ``make notebooks ARTICLE=...`` does (widget state is
stored: the worst case), for the bundled seed article against the whole store
(the seed names no event, so all 1,000 articles are in the view). Reported: wall
time of each execution and the size of the executed notebook. Then the same for
``02_comparables.ipynb`` (its figures at 1,000 articles), for reference.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import ROOT, machine, polnear_store, table


def execute(notebook: str, out: Path, store: Path, cache: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "papermill",
            "--no-progress-bar",
            "--cwd",
            str(ROOT / "notebooks"),
            "--kernel",
            "python3",
            str(ROOT / "notebooks" / notebook),
            str(out),
            "-p",
            "store",
            str(store),
            "-p",
            "cache",
            str(cache),
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--work", type=Path, help="folder for the store, the cache and the outputs (kept)")
    parser.add_argument("--articles", type=int, default=1000)
    args = parser.parse_args()
    print(machine())
    with tempfile.TemporaryDirectory() as tmp:
        work = args.work or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        store = polnear_store(work, args.articles)
        cache = work / "cache"
        rows = []
        for notebook in ("04_explore.ipynb", "02_comparables.ipynb"):
            out = work / f"executed-{notebook}"
            cold = execute(notebook, out, store, cache)
            warm = execute(notebook, out, store, cache)
            rows.append([notebook, args.articles, cold, warm, out.stat().st_size / 1e6])
        print(table(["notebook", "store articles", "first run (s)", "cache warm (s)", "executed size (MB)"], rows))
        print("target (explorer): under 60 s and under 5 MB with the cache warm")


if __name__ == "__main__":
    main()
