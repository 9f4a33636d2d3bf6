"""From a folder of 840 articles and a metadata file to an outlet comparison and a corpus report (issue 23).

    .venv/bin/python benchmarks/bench_route.py [--work DIR]

The route of the README, three commands, on ../shared's PolNeAR texts (840 real 2016 campaign
articles of seven outlets) and their metadata file, in a temporary folder (or ``--work``):

1. ``add TEXTS --manifest metadata.tsv``: the store, each article under its own id;
2. ``compare STORE --by outlet -o by-outlet.csv --figure by-outlet.png``: analysed once into a
   fresh result cache (the cold run);
3. ``report --by outlet STORE -o corpus.html``: from the cache.

Prints the machine, the load and one table (wall time of each command, its exit status). The
articles' text stays in the temporary folder.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import ROOT, machine, table

POLNEAR = ROOT.parent / "shared" / "dev" / "polnear-train"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--work", type=Path, help="folder for the store, cache and outputs (default a temp folder)")
    args = parser.parse_args()
    if not (POLNEAR / "metadata.tsv").is_file():
        sys.exit(f"benchmark needs PolNeAR at {POLNEAR} (../shared beside the checkout); not found")
    print(machine())
    exe = str(Path(sys.executable).with_name("media-analysis"))
    with tempfile.TemporaryDirectory() as tmp:
        work = args.work or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        store, cache = work / "store", ["--cache-dir", str(work / "cache")]
        steps = [
            (
                "add --manifest",
                [
                    exe,
                    "add",
                    str(POLNEAR / "text"),
                    "--manifest",
                    str(POLNEAR / "metadata.tsv"),
                    "--file-column",
                    "filename",
                    "--outlet-column",
                    "publisher",
                    "--date-column",
                    "publication_date",
                    "--store",
                    str(store),
                ],
            ),
            (
                "compare (cold cache)",
                [
                    exe,
                    "compare",
                    str(store),
                    "--by",
                    "outlet",
                    "-o",
                    str(work / "by-outlet.csv"),
                    "--figure",
                    str(work / "by-outlet.png"),
                    "--force",
                    "-q",
                    *cache,
                ],
            ),
            (
                "report --by (warm)",
                [exe, "report", "--by", "outlet", str(store), "-o", str(work / "corpus.html"), "--force", "-q", *cache],
            ),
        ]
        rows = []
        for name, command in steps:
            start = time.perf_counter()
            done = subprocess.run(command, capture_output=True, text=True)
            rows.append([name, done.returncode, f"{time.perf_counter() - start:.1f}"])
        print(table(["command", "exit status", "wall (s)"], rows))
        print("target: three commands from the folder and the metadata file to a comparison and a report")


if __name__ == "__main__":
    main()
