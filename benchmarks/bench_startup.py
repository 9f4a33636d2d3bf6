"""Start-up: the command line against bare imports of the libraries it wraps (issue 21's targets).

    .venv/bin/python benchmarks/bench_startup.py [--runs 7]

Each run is a fresh process; the commands are interleaved so machine load hits all
alike; the table gives the median of ``--runs`` of wall-clock and of CPU (user +
system) seconds. CPU time is the steadier number on a shared machine: waiting for a
busy core counts in wall-clock time only.

* bare imports: ``python -c "import textstat, vaderSentiment.vaderSentiment, syntok.segmenter, pandas"``
* seed: ``media-analysis analyze seeds/could-russia-lose-belarus.txt --no-cache``
* ``media-analysis --version`` and ``media-analysis --help``

Targets: seed <= 1.5x bare imports; ``--version`` and ``--help`` under 0.3 s. One
untimed run of each command first writes what the CLI keeps in its cache folder
(the syllable table, NLTK's copy of the CMU dictionary) and warms the OS file cache.
``python -c pass`` is shown as the floor: starting the interpreter alone.

Modules run from their bytecode cache, as for anyone who installed the package or ran
it once: ``PYTHONDONTWRITEBYTECODE`` is removed from the commands' environment, so the
untimed first runs write ``__pycache__`` (with it set from the start no cache is ever
written and every run compiles the project's ~70 modules again, about a third of a second
of ``--version`` on a loaded machine). ``--as-is`` keeps the environment unchanged.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import ROOT, SEED, machine, table

BIN = Path(sys.executable).parent
BARE = "import textstat, vaderSentiment.vaderSentiment, syntok.segmenter, pandas"


def run_once(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall-clock and CPU (user + system) seconds of one run of ``cmd`` in a fresh process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=ROOT)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="runs of each command (default 7)")
    parser.add_argument("--as-is", action="store_true", help="keep PYTHONDONTWRITEBYTECODE if it is set")
    args = parser.parse_args()
    print(machine())
    cli = str(BIN / "media-analysis")
    commands = {
        "python -c pass (floor)": [sys.executable, "-c", "pass"],
        "bare imports": [sys.executable, "-c", BARE],
        "analyze SEED --no-cache": [cli, "analyze", str(SEED), "--no-cache"],
        "--version": [cli, "--version"],
        "--help": [cli, "--help"],
    }
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "MEDIA_ANALYSIS_CACHE": tmp}
        if not args.as_is:
            env.pop("PYTHONDONTWRITEBYTECODE", None)
        print(f"bytecode cache: {'off' if env.get('PYTHONDONTWRITEBYTECODE') else 'on'}")
        for cmd in commands.values():
            run_once(cmd, env)
        walls: dict[str, list[float]] = {name: [] for name in commands}
        cpus: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, cmd in commands.items():
                w, c = run_once(cmd, env)
                walls[name].append(w)
                cpus[name].append(c)
    print(f"{args.runs} runs each, fresh process per run, median seconds\n")
    wall = {name: statistics.median(ts) for name, ts in walls.items()}
    cpu = {name: statistics.median(ts) for name, ts in cpus.items()}
    rows = [
        [name, f"{wall[name]:.3f}", f"{cpu[name]:.3f}", f"{wall[name] / wall['bare imports']:.2f}x"]
        for name in commands
    ]
    print(table(["command", "wall s", "CPU s", "wall vs bare imports"], rows))
    print()
    seed = "analyze SEED --no-cache"
    wall_ratio, cpu_ratio = wall[seed] / wall["bare imports"], cpu[seed] / cpu["bare imports"]
    checks = [
        (f"seed / bare imports (wall) = {wall_ratio:.2f}", wall_ratio, 1.5),
        (f"seed / bare imports (CPU)  = {cpu_ratio:.2f}", cpu_ratio, 1.5),
        (f"--version = {wall['--version']:.3f} s", wall["--version"], 0.3),
        (f"--help    = {wall['--help']:.3f} s", wall["--help"], 0.3),
    ]
    for text, value, target in checks:
        print(f"{text}  (target <= {target}: {'meets' if value <= target else 'MISSES'})")


if __name__ == "__main__":
    main()
