"""Shared helpers of the benchmark scripts: the corpus, the machine, timing, tables.

Benchmarks are scripts that print a table, not tests. Numbers depend on the
machine and its load; every script prints both with its table.
"""

from __future__ import annotations

import os
import platform
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "onestopenglish-adv"
SEED = ROOT / "seeds" / "could-russia-lose-belarus.txt"


def corpus_paths() -> list[Path]:
    """The 189 Guardian articles of ../shared; exits with a clear message when absent."""
    paths = sorted(CORPUS.glob("*.txt"))
    if not paths:
        sys.exit(f"benchmark needs the OneStopEnglish corpus at {CORPUS} (../shared beside the checkout); not found")
    return paths


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def machine() -> str:
    """One line: CPUs, CPU model, Python, OS, and the 1-minute load average."""
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (
        f"machine: {os.cpu_count()} CPUs ({cpu_model()}), Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}, load average {load:.2f} at start"
    )


def timed(fn: Callable[[], object]) -> float:
    """Wall-clock seconds of one call."""
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A plain-text (Markdown-compatible) table."""
    cells = [[str(h) for h in headers], *[[_fmt(c) for c in r] for r in rows]]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    lines = ["| " + " | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) + " |" for r in cells]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


def _fmt(c: object) -> str:
    if isinstance(c, float):
        return f"{c:.3g}" if abs(c) < 100 else f"{c:,.0f}"
    return str(c)
