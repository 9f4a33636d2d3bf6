"""The worker process pool of a corpus run, and the signal handling that keeps it safe.

Workers start with ``fork`` where available (they share the dictionaries the parent
loaded), ignore Ctrl-C (the parent handles it and stops them) and exit when their
parent is gone. Ctrl-C or SIGTERM landing while a job is submitted or the pool
shuts down is held back (:func:`sigint_deferred`), never lost.
"""

from __future__ import annotations

import contextlib
import os
import signal
from collections.abc import Callable, Iterator
from typing import Any

#: Seconds between a worker's checks that the process which started it is still alive.
ORPHAN_CHECK_S = 0.5
#: Seconds a stopped worker gets to end after SIGTERM before it is killed (SIGKILL).
STOP_GRACE_S = 1.0


def init_worker(parent: int) -> None:
    """Pool initializer: leave Ctrl-C to the parent; exit when the parent is gone.

    Ctrl-C reaches the whole process group; the parent handles it (cancels the
    rest and stops the pool). A parent killed outright (``kill -9``, the OOM
    killer) cannot stop its workers, and they would wait for work forever: a
    daemon thread exits the worker once its parent process has changed.
    """
    import threading
    import time

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # The parent's SIGTERM handler (the CLI's) stops a run; a worker is stopped by
    # the parent with SIGTERM and must simply end.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(ORPHAN_CHECK_S)
        os._exit(1)

    threading.Thread(target=watch, name="orphan-watch", daemon=True).start()


def usable_cpus() -> int:
    """CPUs this process may run on (its affinity mask where the system has one, else ``os.cpu_count()``)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def make_pool(workers: int):  # type: ignore[no-untyped-def]
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    methods = mp.get_all_start_methods()
    ctx = mp.get_context("fork" if "fork" in methods else None)
    return ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=init_worker, initargs=(os.getpid(),))


#: The stop requests held back by :func:`sigint_deferred`: Ctrl-C and a scheduler's or ``kill``'s SIGTERM.
DEFERRED_SIGNALS = (signal.SIGINT, signal.SIGTERM)


@contextlib.contextmanager
def sigint_deferred(reraise: bool = True) -> Iterator[None]:
    """Hold Ctrl-C and SIGTERM back until the block is done, then deliver them (``reraise``) or drop them.

    A signal is recorded, not ignored: ignoring it would lose a stop request that
    lands in the block, and the run would go on to the end. On the way out a held
    signal goes to the handler that was there before (the CLI's SIGTERM handler
    raises, Python's SIGINT handler raises :class:`KeyboardInterrupt`, a default
    SIGTERM ends the process); a signal that was ignored stays ignored. Main
    thread only (elsewhere handlers cannot be changed, and signals are delivered
    to the main thread anyway).
    """
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received: list[int] = []
    previous = {}
    for signum in DEFERRED_SIGNALS:
        previous[signum] = signal.signal(signum, lambda signum, frame: received.append(signum))
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
    if not (received and reraise):
        return
    signum = signal.SIGTERM if signal.SIGTERM in received else signal.SIGINT
    handler = previous[signum]
    if handler is signal.SIG_IGN or handler is None:
        return
    if signum == signal.SIGINT and handler is signal.default_int_handler:
        raise KeyboardInterrupt
    if callable(handler):
        handler(signum, None)
    else:  # SIG_DFL: what the signal would have done
        signal.raise_signal(signum)


def submit(pool, fn: Callable[[Any], Any], job: Any):  # type: ignore[no-untyped-def]
    """``pool.submit(fn, job)``, with a Ctrl-C held back until it returns.

    A Ctrl-C inside ``submit`` could leave the executor's lock held (the shutdown
    that follows then waits forever), and a worker forked there inherits the
    parent's handler before its initializer makes it ignore Ctrl-C.
    """
    with sigint_deferred():
        return pool.submit(fn, job)


def close_pool(pool, abort: bool) -> None:  # type: ignore[no-untyped-def]
    """Shut ``pool`` down; with ``abort`` (Ctrl-C, an error, the consumer gone) stop its workers first.

    A Ctrl-C during shutdown is held back (it would leave the executor half shut
    and the interpreter waiting for it at exit); afterwards it interrupts a run
    that was finishing normally, and is dropped when the run is already aborting.
    Aborting takes at most about :data:`STOP_GRACE_S` seconds (:func:`stop_workers`).
    """
    with sigint_deferred(reraise=not abort):
        if abort:  # queued jobs are cancelled below; running ones are not worth waiting for
            stop_workers(pool)
        pool.shutdown(wait=True, cancel_futures=True)


def stop_workers(pool, grace: float = STOP_GRACE_S) -> None:  # type: ignore[no-untyped-def]
    """End every worker of ``pool`` (SIGTERM, then SIGKILL after ``grace`` seconds) so that its shutdown cannot hang.

    A worker stopped while it was sending a result leaves half a message in the
    result pipe, and the executor's manager thread waits in ``recv()`` for the rest
    for as long as any process holds the pipe's write end: this one does, so once
    the workers are gone its copy is closed, the thread reads the end of the pipe,
    takes the pool for broken and exits, and ``shutdown(wait=True)`` (and the
    interpreter's own join of that thread at exit) returns.
    """
    import time

    processes = list((getattr(pool, "_processes", None) or {}).values())
    for proc in processes:
        proc.terminate()
    deadline = time.monotonic() + grace
    for proc in processes:
        proc.join(max(0.0, deadline - time.monotonic()))
    for proc in processes:
        if proc.is_alive():  # a worker deaf to SIGTERM (stuck in a system call, or in C code holding the GIL)
            proc.kill()
            proc.join()
    result_queue = getattr(pool, "_result_queue", None)
    writer = getattr(result_queue, "_writer", None)
    if processes and writer is not None:
        writer.close()


def run_isolated(fn: Callable[[Any], Any], job: Any, on_death: Callable[[], Any]) -> Any:
    """Retry a job whose worker pool broke, alone in a fresh one-process pool.

    When a worker dies (killed, out of memory, a crash in a C extension) every job
    in flight fails; each is retried by itself so only the article that kills a
    worker again is reported as failed.
    """
    from concurrent.futures.process import BrokenProcessPool

    solo = make_pool(1)
    completed = False
    try:
        try:
            result = solo.submit(fn, job).result()
        except BrokenProcessPool:
            result = on_death()
        completed = True
        return result
    finally:  # a Ctrl-C while the job runs stops its worker, instead of waiting for the job to end
        close_pool(solo, abort=not completed)
