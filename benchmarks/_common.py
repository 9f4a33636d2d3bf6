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


#: 840 real 2016 campaign articles of seven outlets (PolNeAR), beside the checkout; never copied into it.
POLNEAR = ROOT.parent / "shared" / "dev" / "polnear-train"


def polnear_rows(n: int = 1000) -> list[dict[str, str]]:
    """``n`` article records (id, text, title, outlet, date, author) from ../shared's PolNeAR texts.

    The 840 articles, then copies of the first ones under new ids (``...-copy2``) up to ``n``
    (the same texts: a copy is a cache hit once its original was analysed). Exits with a clear
    message when the corpus is absent.
    """
    import csv

    meta = POLNEAR / "metadata.tsv"
    if not meta.is_file():
        sys.exit(f"benchmark needs the PolNeAR texts at {POLNEAR} (../shared beside the checkout); not found")
    with meta.open(encoding="utf-8", newline="") as fh:
        base = [
            {
                "id": r["filename"],
                "text": (POLNEAR / "text" / f"{r['filename']}.txt").read_text(encoding="utf-8"),
                "title": r["title"],
                "outlet": r["publisher"],
                "date": r["publication_date"],
                "author": r["author"],
            }
            for r in csv.DictReader(fh, delimiter="\t")
        ]
    rows = list(base)
    copy = 2
    while len(rows) < n:
        rows += [{**r, "id": f"{r['id']}-copy{copy}"} for r in base[: n - len(rows)]]
        copy += 1
    return rows[:n]


def polnear_table(folder: Path, n: int = 1000) -> Path:
    """Write :func:`polnear_rows` as ``folder/articles-N.csv`` (once) and return its path."""
    import csv

    path = folder / f"articles-{n}.csv"
    if not path.is_file():
        rows = polnear_rows(n)
        with path.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
    return path


def polnear_store(folder: Path, n: int = 1000) -> Path:
    """Write :func:`polnear_rows` as an article store ``folder/store-N`` (one file each, front matter), once."""
    import json

    root = folder / f"store-{n}"
    if not root.is_dir():
        root.mkdir(parents=True)
        for r in polnear_rows(n):
            meta = {k: r[k] for k in ("title", "outlet", "date", "author")}
            front = "\n".join(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in meta.items())
            (root / f"{r['id']}.txt").write_text(f"---\n{front}\nlanguage: en\n---\n{r['text']}", encoding="utf-8")
    return root
