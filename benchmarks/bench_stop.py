"""Stop requests during a worker run: every try must end within the deadline, cleanly.

    .venv/bin/python benchmarks/bench_stop.py [--tries 200] [--articles 6400] [--workers 2] [--deadline 5]

Generates a folder of synthetic English articles (those of :mod:`bench_streaming`;
deterministic, in a temporary directory deleted afterwards), then, ``--tries`` times,
starts the real command in a session of its own:

    media-analysis analyze DIR --workers W --format csv -o out.csv --no-cache

and after a random delay (uniform between ``--min-delay`` and ``--max-delay`` seconds:
start-up, warming, forking the workers and the steady state are all hit) sends a stop
request: SIGTERM to the main process (a scheduler's or ``kill``'s stop) on even tries,
SIGINT to the whole process group (what Ctrl-C in a terminal does) on odd ones.

A try passes when the command has ended within ``--deadline`` seconds of the signal
with status 143 (SIGTERM) or 130 (Ctrl-C), or 0 if it finished before the signal
landed, and left no process of its group, no temporary file, no traceback and (unless
it finished) no output. A signal landing while the interpreter starts and imports
the package, before the command has installed its handlers, is not during a worker
run: it ends the process the default way (status -15 or -2 here, 143 or 130 in a
shell; nothing has been written yet, and for Ctrl-C Python prints its own
``KeyboardInterrupt`` traceback from the console script's first line). Such tries are
counted apart ("landed during interpreter start-up"), not as failures. A try that
ends later fails with its time; one still running after 30 s is killed (SIGABRT first:
Python's fault handler prints every thread's stack; then SIGKILL to the group). Prints one line per failure, then
the tally and the stop times; exits with status 1 if any try failed.
Needs nothing from ../shared; takes about 4 s per try.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import ROOT, machine, table
from bench_streaming import article


def write_corpus(folder: Path, n: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"a{i:05d}.txt").write_text(article(i), encoding="utf-8")


#: Seconds after the signal at which a try still running is taken for hung (and its stacks printed).
HUNG_AFTER_S = 30.0


def group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


def command(corpus: Path, out: Path, workers: int) -> list[str]:
    exe = Path(sys.executable).with_name("media-analysis")
    return [
        str(exe),
        "analyze",
        str(corpus),
        "--workers",
        str(workers),
        "--format",
        "csv",
        "-o",
        str(out),
        "--no-cache",
    ]


def one_try(
    corpus: Path, out_dir: Path, workers: int, delay: float, signum: int, deadline: float, env: dict[str, str]
) -> dict[str, object]:
    """Start the command, stop it after ``delay`` seconds; what happened."""
    out = out_dir / "out.csv"
    with tempfile.TemporaryFile() as stderr:  # a file, not a pipe: a long message cannot block the command
        proc = subprocess.Popen(
            command(corpus, out, workers),
            stdout=subprocess.DEVNULL,
            stderr=stderr,
            cwd=ROOT,
            start_new_session=True,
            env=env,
        )
        result = _stop(proc, delay, signum)
        stderr.seek(0)
        err = stderr.read().decode("utf-8", "replace").strip()
    result["problems"] = _problems(result, proc, out_dir, signum, deadline, err)
    result["stderr"] = err
    return result


def _stop(proc: subprocess.Popen[bytes], delay: float, signum: int) -> dict[str, object]:
    """Send ``signum`` after ``delay`` seconds; how long the command took to end (killed after ``HUNG_AFTER_S``)."""
    time.sleep(delay)
    sent = time.perf_counter()
    if signum == signal.SIGINT:
        os.killpg(proc.pid, signal.SIGINT)  # Ctrl-C reaches every process of the terminal's group
    else:
        proc.send_signal(signal.SIGTERM)
    hung = False
    try:
        proc.wait(timeout=HUNG_AFTER_S)
    except subprocess.TimeoutExpired:
        hung = True
        with contextlib.suppress(ProcessLookupError):  # PYTHONFAULTHANDLER: every thread's stack goes to stderr
            os.kill(proc.pid, signal.SIGABRT)
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=2)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    stopped = float("nan") if hung else time.perf_counter() - sent
    t_end = time.monotonic() + 2  # the group's last processes (orphan workers) get two seconds to go
    while group_alive(proc.pid) and time.monotonic() < t_end:
        time.sleep(0.05)
    leftover = group_alive(proc.pid)
    if leftover:
        os.killpg(proc.pid, signal.SIGKILL)
    return {
        "seconds": stopped,
        "hung": hung,
        "leftover": leftover,
        "status": proc.returncode,
        "finished": proc.returncode == 0,
        "early": proc.returncode == -signum,
    }


#: The console script's first line: a traceback starting there is Python's own, before the tool's handlers exist.
START_UP_LINE = "from analysis.cli import run"


def in_start_up(err: str) -> bool:
    """Whether ``err`` is Python's ``KeyboardInterrupt`` traceback from the console script's first import."""
    lines = err.strip().splitlines()
    return len(lines) > 2 and lines[-1] == "KeyboardInterrupt" and lines[2].strip() == START_UP_LINE


def _problems(
    result: dict[str, object], proc: subprocess.Popen[bytes], out_dir: Path, signum: int, deadline: float, err: str
) -> list[str]:
    """What went wrong in a try (empty: it passed); empties ``out_dir`` for the next."""
    hung, leftover = result["hung"], result["leftover"]
    files = sorted(p.name for p in out_dir.iterdir())
    expected = {signal.SIGTERM: 143, signal.SIGINT: 130}[signum]
    problems = []
    if hung:
        problems.append(f"still running {HUNG_AFTER_S:g} s after the signal")
    elif result["seconds"] > deadline:  # type: ignore[operator]
        problems.append(f"ended {result['seconds']:.1f} s after the signal")
    if not hung and proc.returncode not in (expected, 0, -signum):
        problems.append(f"exit status {proc.returncode}")
    if leftover:
        problems.append("processes of its group left running")
    if files not in ([], ["out.csv"]) or (files == ["out.csv"] and proc.returncode != 0):
        problems.append(f"left files {files}")
    if "Traceback" in err and not in_start_up(err):
        problems.append("printed a traceback")
    result["early"] = result["early"] or in_start_up(err)
    for name in files:
        (out_dir / name).unlink()
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tries", type=int, default=200)
    parser.add_argument("--articles", type=int, default=6400)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--deadline", type=float, default=5.0, help="seconds from the signal to the end (default 5)")
    parser.add_argument("--min-delay", type=float, default=0.2)
    parser.add_argument("--max-delay", type=float, default=6.0)
    parser.add_argument("--seed", type=int, default=20)
    args = parser.parse_args()
    if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
        # Started as a background job of a non-interactive shell: the commands would inherit SIGINT ignored,
        # as a terminal's Ctrl-C never finds them, and every Ctrl-C try would look like a hang.
        signal.signal(signal.SIGINT, signal.default_int_handler)
        print("note: SIGINT was ignored (a background job?); the commands are started with it at its default")
    rng = random.Random(args.seed)
    print(machine())
    results = []
    with tempfile.TemporaryDirectory(prefix="bench-stop-") as tmp:
        corpus, out_dir = Path(tmp) / "corpus", Path(tmp) / "out"
        write_corpus(corpus, args.articles)
        out_dir.mkdir()
        # A cache folder of its own, prepared by one short run: no try pays for writing the CMU dictionary
        # in NLTK's format (once per machine), nor depends on what another installation left there.
        env = {**os.environ, "MEDIA_ANALYSIS_CACHE": str(Path(tmp) / "cache"), "PYTHONFAULTHANDLER": "1"}
        subprocess.run(
            command(corpus / "a00000.txt", out_dir / "warm.csv", 1),
            env=env,
            cwd=ROOT,
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        (out_dir / "warm.csv").unlink()
        for i in range(args.tries):
            signum = signal.SIGTERM if i % 2 == 0 else signal.SIGINT
            delay = rng.uniform(args.min_delay, args.max_delay)
            r = one_try(corpus, out_dir, args.workers, delay, signum, args.deadline, env)
            r.update(signal=signal.Signals(signum).name, delay=delay)
            results.append(r)
            if r["problems"]:
                err = "\n    ".join(str(r["stderr"]).splitlines()[-60:])
                print(
                    f"try {i + 1}: {r['signal']} after {delay:.3f} s: {'; '.join(r['problems'])}; stderr ends:\n"
                    f"    {err}",
                    flush=True,
                )
    rows = []
    for name in ("SIGTERM", "SIGINT"):
        mine = [r for r in results if r["signal"] == name]
        ok = [r for r in mine if not r["problems"]]
        times = [r["seconds"] for r in mine if not (r["hung"] or r["finished"] or r["early"])]
        rows.append(
            [
                name,
                len(mine),
                len(ok),
                sum(bool(r["finished"]) for r in mine),
                sum(bool(r["early"]) for r in mine),
                statistics.median(times) if times else float("nan"),
                max(times) if times else float("nan"),
            ]
        )
    print(
        table(
            [
                "signal",
                "tries",
                f"ended cleanly within {args.deadline:g} s",
                "had finished before it",
                "landed during interpreter start-up",
                "median stop (s)",
                "slowest stop (s)",
            ],
            rows,
        )
    )
    failed = sum(bool(r["problems"]) for r in results)
    during = [r for r in results if not r["early"]]
    print(
        f"{len(during) - sum(bool(r['problems']) for r in during)} of {len(during)} stops during a run, and "
        f"{len(results) - failed} of {len(results)} tries in all, ended cleanly within {args.deadline:g} s "
        f"({args.articles} articles, --workers {args.workers})"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
