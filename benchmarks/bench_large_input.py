"""One very large article: refused by the size limit, or analysed in bounded time and memory.

    .venv/bin/python benchmarks/bench_large_input.py [--sizes-mb 1 5 20] [--raised-limit 25000000]

Generates one long English article per size (a headline, then body paragraphs of
the synthetic news text :mod:`bench_streaming` uses; deterministic, written to a
temporary directory and deleted afterwards; nothing is committed) and runs the
real command on it in a fresh process:

    media-analysis analyze BIG.txt --format csv -o rows.csv --no-cache [--max-bytes N]

Sizes at or under the default limit (5 MiB) run with the default; larger ones run
twice: with the default (refused: one-line error, exit status 2) and with
``--max-bytes`` raised. Reported per run: exit status, wall time, peak RSS of the
process (``wait4``), and rows written. Needs nothing from ../shared.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import ROOT, machine, table
from bench_streaming import article

DEFAULT_LIMIT = 5 * 1024 * 1024


def big_article(n_bytes: int) -> str:
    """A headline and body paragraphs (blank-line separated) totalling about ``n_bytes`` UTF-8 bytes."""
    parts = ["A very long synthetic report on budgets, bridges and trade"]
    size = len(parts[0])
    i = 0
    while size < n_bytes:
        for para in article(i).split("\n\n")[1:]:  # body paragraphs only (the first block is a headline)
            parts.append(para.strip())
            size += len(para) + 2
        i += 1
    return "\n\n".join(parts) + "\n"


def run(path: Path, out: Path, max_bytes: int | None) -> dict[str, object]:
    """Run the CLI once; exit status, seconds, peak RSS (MiB), rows written, last stderr line."""
    exe = Path(sys.executable).with_name("media-analysis")
    cmd = [str(exe), "analyze", str(path), "--format", "csv", "-o", str(out), "--force", "--no-cache"]
    if max_bytes is not None:
        cmd += ["--max-bytes", str(max_bytes)]
    out.unlink(missing_ok=True)
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    assert proc.stderr is not None
    err = proc.stderr.read().decode("utf-8", "replace").strip()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - t
    proc.returncode = os.waitstatus_to_exitcode(status)
    rows = sum(1 for _ in out.open(encoding="utf-8")) - 1 if out.exists() else 0
    return {
        "status": proc.returncode,
        "seconds": seconds,
        "rss_mib": usage.ru_maxrss / 1024,
        "rows": rows,
        "stderr": err.splitlines()[-1] if err else "",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes-mb", type=float, nargs="+", default=[1, 5, 20], help="article sizes (10^6 bytes)")
    parser.add_argument("--raised-limit", type=int, default=25_000_000, help="--max-bytes for sizes over 5 MiB")
    args = parser.parse_args()
    print(machine())
    rows = []
    notes = []
    with tempfile.TemporaryDirectory() as tmp:
        for mb in args.sizes_mb:
            path = Path(tmp) / f"big-{mb:g}mb.txt"
            path.write_text(big_article(int(mb * 1_000_000)), encoding="utf-8")
            size = path.stat().st_size
            limits: list[int | None] = [None] if size <= DEFAULT_LIMIT else [None, max(args.raised_limit, size)]
            for limit in limits:
                r = run(path, Path(tmp) / "rows.csv", limit)
                rows.append(
                    [
                        f"{size / 1e6:.1f} MB",
                        "default (5 MiB)" if limit is None else f"{limit:,}",
                        r["status"],
                        f"{r['seconds']:.1f}",
                        f"{r['rss_mib']:.0f}",
                        f"{r['rows']:,}",
                    ]
                )
                if r["status"] != 0:
                    notes.append(f"{size / 1e6:.1f} MB, {'default' if limit is None else limit}: {r['stderr']}")
    print(table(["article", "--max-bytes", "exit", "s", "peak RSS MiB", "rows"], rows))
    for note in notes:
        print(note)


if __name__ == "__main__":
    main()
