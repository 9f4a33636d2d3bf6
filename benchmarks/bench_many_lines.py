"""Many tiny paragraphs or sentences: refused by the sentence limit, or analysed in bounded time and memory.

    .venv/bin/python benchmarks/bench_many_lines.py [--lines 1000000] [--trace-lines 20000]

Runs the real command in a fresh process on generated files (in a temporary
directory, deleted afterwards):

    media-analysis analyze FILE --format csv -o rows.csv --force --no-cache

* ``--lines`` lines of ``A b.`` (1,000,000: 5 MB, under the 5 MiB size limit): one
  paragraph and one sentence per line;
* the same sentences on one line (one paragraph of ``--lines`` sentences);
* the most one-line paragraphs an article may have at the default limit (104,857,
  :func:`analysis.sources.loading.sentence_limit`), which is analysed: the worst case
  of memory per byte that is accepted.

Reported per file: exit status, wall time, peak RSS of the process (``wait4``), rows
written and the last line of stderr. ``--trace-lines N`` (0 to skip) then shows where the
memory of an accepted file goes: N one-line paragraphs analysed in this process under
``tracemalloc``, the memory held after each step, by module. Needs nothing from ../shared.
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


def run(path: Path, out: Path) -> dict[str, object]:
    """The command once: exit status, seconds, peak RSS (MiB), rows written, last stderr line."""
    exe = Path(sys.executable).with_name("media-analysis")
    out.unlink(missing_ok=True)
    t = time.perf_counter()
    proc = subprocess.Popen(
        [str(exe), "analyze", str(path), "--format", "csv", "-o", str(out), "--force", "--no-cache"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    assert proc.stderr is not None
    err = proc.stderr.read().decode("utf-8", "replace").strip()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - t
    rows = sum(1 for _ in out.open(encoding="utf-8")) - 1 if out.exists() else 0
    return {
        "status": os.waitstatus_to_exitcode(status),
        "seconds": seconds,
        "peak": usage.ru_maxrss / 1024,
        "rows": rows,
        "stderr": err.splitlines()[-1] if err else "",
    }


TRACE = r"""
import sys, tracemalloc
from collections import Counter
from analysis.corpus.batch import warm
from analysis.document import analyze
from analysis.sources.loading import article_from_text
from analysis.tables.build import iter_paragraph_rows

n = int(sys.argv[1])
warm()
text = "A b.\n" * n
tracemalloc.start()

def held(step):
    snapshot = tracemalloc.take_snapshot()
    by_module = Counter()
    for stat in snapshot.statistics("filename"):
        by_module[stat.traceback[0].filename.split("site-packages/")[-1].split("/analysis/", 1)[-1]] += stat.size
    total = sum(by_module.values())
    top = ", ".join(f"{m} {v / n:,.0f}" for m, v in by_module.most_common(5))
    print(f"  after {step}: {total / 2**20:,.1f} MiB held, {total / n:,.0f} bytes per line ({top})")

article = article_from_text(text, name="lines.txt")
held("building the Article")
doc = analyze(article)
held("analyze")
row = next(iter_paragraph_rows(doc))
print(f"  one paragraph row (a dict of {len(row)} columns) is then made, written and dropped at a time")
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--trace-lines", type=int, default=20_000)
    args = parser.parse_args()
    from analysis.sources.loading import sentence_limit

    accepted = sentence_limit()
    print(machine())
    files = {
        f"{args.lines:,} lines of 'A b.'": "A b.\n" * args.lines,
        f"{args.lines:,} sentences 'A b.' on one line": "A b. " * args.lines + "\n",
        f"{accepted:,} lines of 'A b.' (the most accepted)": "A b.\n" * accepted,
    }
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-lines-") as tmp:
        for name, text in files.items():
            path = Path(tmp) / "lines.txt"
            path.write_text(text, encoding="utf-8")
            r = run(path, Path(tmp) / "rows.csv")
            mb = path.stat().st_size / 1e6
            rows.append(
                [
                    name,
                    f"{mb:.2f} MB",
                    r["status"],
                    f"{r['seconds']:.1f}",
                    f"{r['peak']:,.0f}",
                    f"{float(r['peak']) / mb:,.0f}",
                    r["rows"],
                    str(r["stderr"])[:90],
                ]
            )
            print(f"  {name}: {r}", flush=True)
    print(table(["file", "size", "exit", "seconds", "peak MiB", "MiB per MB", "rows", "last stderr line"], rows))
    if args.trace_lines:
        print(f"where the memory of {args.trace_lines:,} one-line paragraphs goes (tracemalloc, in-process):")
        subprocess.run([sys.executable, "-c", TRACE, str(args.trace_lines)], cwd=ROOT, check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
