"""Streaming: peak memory of a corpus run does not grow with the corpus.

    .venv/bin/python benchmarks/bench_streaming.py [--sizes 1000 10000] [--workers 2]

Generates a synthetic corpus of English news-like articles (headline plus four
paragraphs of two or three sentences, with hedges, boosters and attributions;
deterministic, written to a temporary directory and deleted afterwards; nothing
is committed). Each size runs in a fresh process:

* streamed: ``analyze_corpus(<generator of paths>, workers=W, output="rows.csv")``
  - rows are appended to the file as articles finish;
* in memory (largest size only, for contrast): the same without ``output``,
  which returns the whole paragraph table;
* the command line: ``media-analysis analyze DIR --workers W --format csv -o
  rows.csv --all-roles --no-cache``, which streams the same way (peak RSS of the
  command's process from ``wait4``; its workers' peak is not separated there).

Reported: wall time, rows written, peak RSS of the main process and of its
largest worker (``ru_maxrss``). Bounded memory means the streamed rows' peak is
flat from the smallest to the largest corpus.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import machine, table

SUBJECTS = [
    "The minister",
    "Officials",
    "The company",
    "Local residents",
    "The central bank",
    "Analysts",
    "The government",
    "Police",
    "The opposition leader",
    "Scientists",
    "The council",
    "Investors",
]
VERBS = [
    "announced",
    "could announce",
    "may delay",
    "is expected to approve",
    "rejected",
    "said it would review",
    "will probably support",
    "clearly opposed",
    "appears to favour",
    "has criticised",
    "suggested changes to",
    "confirmed",
]
OBJECTS = [
    "the new budget",
    "plans for a bridge",
    "the trade agreement",
    "higher interest rates",
    "the school reform",
    "a ban on diesel cars",
    "the housing scheme",
    "the election timetable",
    "cuts to public services",
    "the merger",
    "a new tax on sugar",
    "the peace talks",
]
TAILS = [
    "on Monday.",
    "after weeks of debate.",
    "according to people familiar with the matter.",
    "although details remain unclear.",
    "in a statement.",
    "despite strong protests.",
    "before the end of the year.",
    "it is clear that more talks are needed.",
    "perhaps as early as next week.",
    "in the capital.",
]


def article(i: int) -> str:
    rng = random.Random(i)

    def sentence() -> str:
        return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(TAILS)}"

    headline = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}"
    paragraphs = [" ".join(sentence() for _ in range(rng.randint(2, 3))) for _ in range(4)]
    return "\n\n".join([headline, *paragraphs]) + "\n"


def generate(root: Path, n: int) -> None:
    root.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (root / f"{i:06d}.txt").write_text(article(i), encoding="utf-8")


def child(root: str, n: int, workers: int, output: str | None) -> None:
    from analysis import analyze_corpus

    paths = (Path(root) / f"{i:06d}.txt" for i in range(n))  # lazily: the list itself would grow with n
    t = time.perf_counter()
    df = analyze_corpus(paths, workers=workers, output=output, progress=False)
    seconds = time.perf_counter() - t
    rows = sum(1 for _ in open(output, encoding="utf-8")) - 1 if output else len(df)  # noqa: SIM115
    print(
        json.dumps(
            {
                "seconds": seconds,
                "rows": rows,
                "rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                "worker_rss_mib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
            }
        )
    )


def run(root: Path, n: int, workers: int, output: Path | None) -> dict[str, float]:
    cmd = [sys.executable, __file__, "--child", str(root), str(n), str(workers)]
    if output is not None:
        cmd.append(str(output))
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def run_command(root: Path, workers: int, output: Path) -> dict[str, float]:
    """The CLI over the folder ``root``: wall seconds, rows written, peak RSS (MiB) of its process."""
    import os

    exe = Path(sys.executable).with_name("media-analysis")
    cmd = [
        str(exe),
        "analyze",
        str(root),
        "--workers",
        str(workers),
        "--format",
        "csv",
        "-o",
        str(output),
        "--force",
        "--all-roles",
        "--no-cache",
    ]
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - t
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} exited with {proc.returncode}")
    rows = sum(1 for _ in open(output, encoding="utf-8")) - 1  # noqa: SIM115
    return {"seconds": seconds, "rows": rows, "rss_mib": usage.ru_maxrss / 1024}


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        root, n, workers = sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
        child(root, n, workers, sys.argv[5] if len(sys.argv) > 5 else None)
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000], help="corpus sizes (articles)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--no-in-memory", action="store_true", help="skip the in-memory contrast run")
    parser.add_argument("--no-command", action="store_true", help="skip the command-line runs")
    args = parser.parse_args()
    print(machine())
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        t = time.perf_counter()
        generate(corpus, max(args.sizes))
        print(f"generated {max(args.sizes)} synthetic articles in {time.perf_counter() - t:.1f} s\n")
        for n in sorted(args.sizes):
            r = run(corpus, n, args.workers, Path(tmp) / f"rows-{n}.csv")
            rows.append(
                [
                    f"streamed to CSV, {n:,} articles",
                    f"{r['seconds']:.1f}",
                    f"{n / r['seconds']:.0f}",
                    f"{int(r['rows']):,}",
                    f"{r['rss_mib']:.0f}",
                    f"{r['worker_rss_mib']:.0f}",
                ]
            )
        if not args.no_command:
            for n in sorted(args.sizes):
                folder = Path(tmp) / f"first-{n}"  # the command takes a folder: link the first n articles
                folder.mkdir()
                for i in range(n):
                    (folder / f"{i:06d}.txt").symlink_to(corpus / f"{i:06d}.txt")
                r = run_command(folder, args.workers, Path(tmp) / f"cli-{n}.csv")
                rows.append(
                    [
                        f"command line to CSV, {n:,} articles",
                        f"{r['seconds']:.1f}",
                        f"{n / r['seconds']:.0f}",
                        f"{int(r['rows']):,}",
                        f"{r['rss_mib']:.0f}",
                        "-",
                    ]
                )
        if not args.no_in_memory:
            n = max(args.sizes)
            r = run(corpus, n, args.workers, None)
            rows.append(
                [
                    f"in memory (contrast), {n:,} articles",
                    f"{r['seconds']:.1f}",
                    f"{n / r['seconds']:.0f}",
                    f"{int(r['rows']):,}",
                    f"{r['rss_mib']:.0f}",
                    f"{r['worker_rss_mib']:.0f}",
                ]
            )
    print(table(["run", "s", "articles/s", "rows", "peak RSS MiB", "peak worker RSS MiB"], rows))


if __name__ == "__main__":
    main()
