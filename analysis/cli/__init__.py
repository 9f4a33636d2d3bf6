"""Command-line interface: ``media-analysis COMMAND ...``.

Every user-facing failure is one line on stderr (``error: ...``) and a non-zero
exit status: 2 for bad input or usage, 1 when some of several inputs failed,
70 for an internal error (set ``MEDIA_ANALYSIS_DEBUG=1`` to see its traceback).
Heavy libraries (matplotlib, trafilatura) are imported only by the commands that
need them.
"""

from __future__ import annotations

import argparse
import os
import sys
import warnings
from collections.abc import Callable, Sequence
from typing import NoReturn

from analysis.cli.common import EXIT_BAD_INPUT, EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_OK, EXIT_TERMINATED, Parser
from analysis.errors import InputError, interruption


def build_parser() -> argparse.ArgumentParser:
    """The ``media-analysis`` parser: one module of :mod:`analysis.cli` per command (imported here)."""
    from analysis import __version__
    from analysis.cli import analyze, cache, figures, highlight, report, store
    from analysis.cli import baseline as baseline_command
    from analysis.cli import compare as compare_command

    parser = Parser(
        prog="media-analysis",
        description="Per-paragraph readability, sentiment and hedging of news articles (offline).",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    analyze.add_parsers(sub)
    cache.add_parser(sub)
    highlight.add_parser(sub)
    store.add_parsers(sub)
    baseline_command.add_parser(sub)
    figures.add_parser(sub)
    compare_command.add_parser(sub)
    report.add_parser(sub)
    return parser


def _format_warning(message, category, filename, lineno, line=None):  # type: ignore[no-untyped-def]
    return f"warning: {message}\n"


class Terminated(KeyboardInterrupt):
    """A stop request (SIGTERM) raised straight from its handler.

    A KeyboardInterrupt, so every clean-up a Ctrl-C gets (no half-written output
    or cache entry, workers stopped) runs for it too. It is raised directly,
    not by re-sending SIGINT: a background job of a non-interactive shell starts
    with SIGINT ignored, and a SIGTERM routed through SIGINT was lost there.
    """


def _importing(frame: object) -> bool:
    """Whether ``frame`` (where a signal handler runs) is inside an import: a frame of the import machinery.

    Checked when the signal lands: the machinery's frames are taken out of the
    traceback of an exception that leaves an import.
    """
    f = frame
    while f is not None:
        if f.f_code.co_filename.startswith("<frozen importlib"):  # type: ignore[attr-defined]
            return True
        f = f.f_back  # type: ignore[attr-defined]
    return False


def _exit_now(status: int) -> NoReturn:
    """End the process with ``status`` without finalizing the interpreter.

    For a stop that interrupted an import (of a C extension, perhaps: matplotlib's
    ft2font, SciPy's pybind11 modules): the run's own clean-up has run (outputs
    discarded, workers stopped, the cache closed), but a half-initialised extension
    module can crash the interpreter's finalization ("Fatal Python error", status -6).
    """
    import contextlib

    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    os._exit(status)


#: Whether "error: interrupted" was printed (by :func:`_interrupted`), so that the last resort does not repeat it.
_REPORTED = [False]


def _interrupted(exc: BaseException) -> int:
    print("error: interrupted", file=sys.stderr)
    _REPORTED[0] = True
    return EXIT_TERMINATED if isinstance(exc, Terminated) else EXIT_INTERRUPTED


#: Seconds after which a stop request swallowed by a finalizer is sent again (see :func:`run`).
RESEND_AFTER_S = 0.01
#: Seconds a stopped run gets to end on its own before :func:`_end_stopped_run` ends it (see :func:`run`).
STOP_DEADLINE_S = 3.0


def _end_stopped_run(status: int, returned: list[bool], deadline: float = STOP_DEADLINE_S) -> None:
    """The last resort of a stop request: after ``deadline`` seconds, end the process if it still runs.

    Runs in a thread of its own, started by the stop's signal handler. A run that
    stops on its own (the usual way: workers stopped, outputs discarded, exit status
    130 or 143) has left :func:`run` before the deadline. One that has not (its stop
    request swallowed on the way by code that catches ``KeyboardInterrupt``, or a
    clean-up that blocks) gets its worker processes killed and ends with the status
    of the stop, without finalizing the interpreter. Nothing is left half-written: an
    output file has no name until it is complete (on Linux; elsewhere the next run
    removes the temporary), and the cache commits one article at a time.
    ``returned[0]`` is set when :func:`run` has returned or raised ``SystemExit``
    (the process exits, or an in-process caller goes on): nothing is done then.
    """
    import contextlib
    import time

    time.sleep(deadline)
    if returned[0]:
        return
    mp = sys.modules.get("multiprocessing")
    if mp is not None:  # the pool's workers (they would also end by themselves once this process is gone)
        for child in mp.active_children():
            with contextlib.suppress(Exception):
                child.kill()
    if not _REPORTED[0]:
        with contextlib.suppress(OSError, ValueError):
            print("error: interrupted", file=sys.stderr)
    _exit_now(status)


def _resend(thread_id: int | None, signum: int) -> None:
    """Send ``signum`` to the thread ``thread_id`` after :data:`RESEND_AFTER_S` seconds."""
    import signal
    import time

    time.sleep(RESEND_AFTER_S)
    if thread_id is not None and hasattr(signal, "pthread_kill"):
        signal.pthread_kill(thread_id, signum)
    else:  # pragma: no cover - Windows: the handler runs when the main thread next executes Python code
        import _thread

        _thread.interrupt_main(signal.Signals(signum))


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``media-analysis`` console script; returns the exit status."""
    try:
        parser = build_parser()
        if argv is None:
            argv = sys.argv[1:]
        if not argv:  # bare `media-analysis`: what it can do, not an error
            parser.print_help()
            return EXIT_OK
        args = parser.parse_args(argv)
        warnings.formatwarning = _format_warning
        func: Callable[[argparse.Namespace], int] = args.func
        with warnings.catch_warnings():
            # A warning for the person running the tool is printed (as `warning: ...`), whatever
            # filters the caller set: e.g. "cannot use the result cache ...; running without it".
            from analysis.errors import InputWarning

            warnings.simplefilter("default", InputWarning)
            return func(args)
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt as exc:
        return _interrupted(exc)
    except BrokenPipeError:
        return EXIT_OK
    except OSError as exc:  # a file that cannot be written after all (disk full, removed folder, ...)
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"error: {where}{exc.strerror or exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except Exception as exc:  # noqa: BLE001 - last resort: one line, not a traceback
        stop = interruption(exc)
        if stop is not None:  # a C extension interrupted while imported: the stop, not an internal error
            _exit_now(_interrupted(stop))
        if os.environ.get("MEDIA_ANALYSIS_DEBUG"):
            raise
        print(
            f"error: internal error: {type(exc).__name__}: {exc} (set MEDIA_ANALYSIS_DEBUG=1 for details)",
            file=sys.stderr,
        )
        return EXIT_INTERNAL


def run() -> NoReturn:
    """The console script: :func:`main`, then exit with its status.

    SIGTERM (a batch scheduler's or ``kill``'s stop request) stops a run as
    Ctrl-C does: its handler raises :class:`Terminated` (a KeyboardInterrupt),
    so the run is abandoned cleanly (no half-written output or cache entry,
    workers stopped), exit status 143; 130 for Ctrl-C. The handler is installed
    first, before anything heavy is imported (this module imports only the
    standard library and :mod:`analysis.errors`), and a Ctrl-C during the
    imports that follow is one ``error: interrupted`` line, never a traceback.
    After either, further ones are ignored while the process exits: the
    interpreter restores the default handlers during shutdown, and a signal
    arriving then would kill it mid-exit. A stop landing while a finalizer runs
    (``__del__``, a weakref callback), where Python swallows the exception it
    raises, is sent again until it stops the run; one landing while a module is
    imported ends the process without finalizing the interpreter (:func:`_exit_now`).
    Whatever happens after a stop request while :func:`main` runs (it is swallowed
    on the way, a clean-up blocks), the process ends within :data:`STOP_DEADLINE_S`
    seconds of it, with its status (:func:`_end_stopped_run`).
    """
    try:  # a Ctrl-C even while `signal` itself is imported is one line, not a traceback
        import signal
    except KeyboardInterrupt as exc:
        sys.exit(_interrupted(exc))

    in_import = [False]
    deadline_set = [False]
    returned = [False]
    _REPORTED[0] = False

    def last_resort(status: int) -> None:
        """Make sure the stop ends the process within :data:`STOP_DEADLINE_S` seconds (:func:`_end_stopped_run`)."""
        if not deadline_set[0]:
            deadline_set[0] = True
            import _thread  # no lock of `threading` is taken: the handler may have interrupted one of them

            _thread.start_new_thread(_end_stopped_run, (status, returned))

    def stop(signum: int, frame: object) -> None:
        quiet()
        in_import[0] = _importing(frame)
        last_resort(EXIT_TERMINATED)
        raise Terminated

    def interrupt(signum: int, frame: object) -> None:
        quiet()  # the run is stopping: a second Ctrl-C must not land in the clean-up (a __del__, a finally)
        in_import[0] = _importing(frame)
        last_resort(EXIT_INTERRUPTED)
        raise KeyboardInterrupt

    def quiet() -> None:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)

    running = [False]
    previous_hook = sys.unraisablehook

    def unraisable(info: object) -> None:
        """A stop request raised inside a finalizer (a ``__del__``, a weakref callback) is delivered again.

        Python reports an exception escaping a finalizer and goes on: the stop would be
        lost, with further signals already ignored, and the run would go on to its end.
        """
        exc = getattr(info, "exc_value", None)
        if running[0] and isinstance(exc, KeyboardInterrupt):
            import threading

            signum = signal.SIGTERM if isinstance(exc, Terminated) else signal.SIGINT
            signal.signal(signum, stop if signum == signal.SIGTERM else interrupt)
            # Sent from another thread, once the finalizer has returned; to the main thread, so that a
            # blocking call there (waiting for a result) is interrupted too. Lands in a finalizer again: again.
            threading.Thread(target=_resend, args=(threading.main_thread().ident, signum), daemon=True).start()
            return
        previous_hook(info)  # type: ignore[arg-type]

    try:
        sys.unraisablehook = unraisable
        try:
            signal.signal(signal.SIGTERM, stop)
            if signal.getsignal(signal.SIGINT) is signal.default_int_handler:  # not when started with Ctrl-C ignored
                signal.signal(signal.SIGINT, interrupt)
            running[0] = True
            status = main()
            running[0] = False
            signal.signal(signal.SIGTERM, signal.SIG_DFL)  # main is done: a stop request now just ends the process
        except KeyboardInterrupt as exc:  # landed outside main's own handling (just before or after it)
            running[0] = False
            signal.signal(signal.SIGTERM, signal.SIG_IGN)
            status = _interrupted(exc)
        sys.unraisablehook = previous_hook
        if status in (EXIT_INTERRUPTED, EXIT_TERMINATED):
            signal.signal(signal.SIGINT, signal.SIG_IGN)
            signal.signal(signal.SIGTERM, signal.SIG_IGN)
            if in_import[0]:  # a half-initialised extension module could crash the interpreter's finalization
                _exit_now(status)
        sys.exit(status)
    finally:
        returned[0] = True  # the process exits now (or a caller of run() goes on): no last resort


if __name__ == "__main__":  # pragma: no cover
    run()
