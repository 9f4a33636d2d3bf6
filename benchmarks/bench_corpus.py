"""Corpus runs on the 189 Guardian articles: workers, the result cache, peak memory.

    .venv/bin/python benchmarks/bench_corpus.py [--repeats 3]

Every configuration runs ``analyze_corpus(paths, ...)`` (paragraph and article
rows, the table in memory) in a fresh process; the dictionaries are loaded
before the clock starts, so times compare the analysis itself. Reported: the
median wall time, and the peak resident memory of the process (``ru_maxrss``)
and of its largest worker process.

* ``workers=1`` vs ``workers=2``: target speed-up >= 1.7 on two cores.
* cache cold (empty cache, results written) vs warm (every article a hit):
  target >= 10x. Warm runs read and hash each file but never segment or score.
* the same end to end, as a user types it (``media-analysis analyze CORPUS
  --format csv -o FILE --cache-dir DIR``; wall time from process start, imports
  and output included). Starting Python and importing pandas, textstat and the
  rest costs about 0.5 s per command whatever the corpus, so this ratio is lower
  and grows with the corpus.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import corpus_paths, machine, table


def child(workers: int, cache: str | None) -> None:
    """Run one configuration in this (fresh) process and print a JSON line."""
    from analysis import analyze_corpus
    from analysis.corpus.batch import warm

    paths = corpus_paths()
    if not (cache and Path(cache).exists()):
        # Untimed (a warm-cache run never needs the dictionaries). Frozen for every configuration,
        # as analyze_corpus does before forking, so workers=1 pays no extra GC traversals either.
        warm(freeze=True)
    t = time.perf_counter()
    df = analyze_corpus(paths, workers=workers, cache=cache, progress=False)
    seconds = time.perf_counter() - t
    print(
        json.dumps(
            {
                "seconds": seconds,
                "rows": len(df),
                "articles": df.attrs["n_articles"],
                "cached": df.attrs["n_cached"],
                "rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                "worker_rss_mib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
            }
        )
    )


def run(workers: int, cache: str | None) -> dict[str, float]:
    cmd = [sys.executable, __file__, "--child", str(workers)] + (["--cache", cache] if cache else [])
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def run_command(cache_dir: Path, out: Path) -> float:
    """Wall seconds of one ``media-analysis analyze`` of the corpus, process start included."""
    exe = Path(sys.executable).with_name("media-analysis")
    corpus = corpus_paths()[0].parent
    cmd = [str(exe), "analyze", str(corpus), "--format", "csv", "-o", str(out), "--force"]
    cmd += ["--cache-dir", str(cache_dir)]
    t = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True)
    return time.perf_counter() - t


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--cache", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        child(args.child, args.cache)
        return
    print(machine())
    n = len(corpus_paths())
    results: dict[str, list[dict[str, float]]] = {}
    command: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(args.repeats):
            for workers in (1, 2) if i % 2 == 0 else (2, 1):
                results.setdefault(f"workers={workers}, no cache", []).append(run(workers, None))
            db = str(Path(tmp) / f"cache-{i}.sqlite")
            results.setdefault("workers=1, cache cold (writes)", []).append(run(1, db))
            results.setdefault("workers=1, cache warm", []).append(run(1, db))
            results.setdefault("workers=2, cache warm", []).append(run(2, db))
            cache_dir = Path(tmp) / f"cli-cache-{i}"
            command.setdefault("cold", []).append(run_command(cache_dir, Path(tmp) / "out.csv"))
            command.setdefault("warm", []).append(run_command(cache_dir, Path(tmp) / "out.csv"))
    med = {name: statistics.median(r["seconds"] for r in rs) for name, rs in results.items()}
    rows = []
    for name, rs in results.items():
        last = rs[-1]
        rows.append(
            [
                name,
                f"{med[name]:.3f}",
                f"{n / med[name]:.1f}",
                int(last["rows"]),
                int(last["cached"]),
                f"{max(r['rss_mib'] for r in rs):.0f}",
                f"{max(r['worker_rss_mib'] for r in rs):.0f}" if "2, no cache" in name else "-",
            ]
        )
    print(f"{n} articles; median of {args.repeats} fresh-process runs each\n")
    print(
        table(
            ["configuration", "median s", "articles/s", "rows", "cache hits", "peak RSS MiB", "peak worker RSS MiB"],
            rows,
        )
    )
    speedup = med["workers=1, no cache"] / med["workers=2, no cache"]
    warm = med["workers=1, cache cold (writes)"] / med["workers=1, cache warm"]
    print(f"\nspeed-up with 2 workers: {speedup:.2f} (target >= 1.7: {'meets' if speedup >= 1.7 else 'MISSES'})")
    print(f"cache warm vs cold: {warm:.1f}x faster (target >= 10: {'meets' if warm >= 10 else 'MISSES'})")
    cold_s, warm_s = statistics.median(command["cold"]), statistics.median(command["warm"])
    print(
        f"end to end, `media-analysis analyze CORPUS --format csv -o FILE`: cache cold {cold_s:.2f} s, "
        f"warm {warm_s:.2f} s ({cold_s / warm_s:.1f}x; process start and imports included)"
    )


if __name__ == "__main__":
    main()
