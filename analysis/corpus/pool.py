"""The worker process pool of a corpus run, and the signal handling that keeps it safe.

Workers start with ``fork`` where available (they share the dictionaries the parent
loaded), ignore Ctrl-C (the parent handles it and stops them) and exit when their
parent is gone. Ctrl-C landing while a job is submitted or the pool shuts down is
held back (:func:`sigint_deferred`), never lost.
"""

from __future__ import annotations

import contextlib
import os
import signal
from collections.abc import Callable, Iterator
from typing import Any

#: Seconds between a worker's checks that the process which started it is still alive.
ORPHAN_CHECK_S = 0.5


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

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(ORPHAN_CHECK_S)
        os._exit(1)

    threading.Thread(target=watch, name="orphan-watch", daemon=True).start()


def make_pool(workers: int):  # type: ignore[no-untyped-def]
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    methods = mp.get_all_start_methods()
    ctx = mp.get_context("fork" if "fork" in methods else None)
    return ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=init_worker, initargs=(os.getpid(),))


@contextlib.contextmanager
def sigint_deferred(reraise: bool = True) -> Iterator[None]:
    """Hold a Ctrl-C back until the block is done, then raise it (``reraise``) or drop it.

    The signal is recorded, not ignored: ignoring it would lose a Ctrl-C that lands
    in the block, and the run would go on to the end. Main thread only (elsewhere
    handlers cannot be changed, and Ctrl-C is delivered to the main thread anyway).
    """
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, frame: received.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if received and reraise and previous is not signal.SIG_IGN:
        raise KeyboardInterrupt


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
    """
    with sigint_deferred(reraise=not abort):
        if abort:  # queued jobs are cancelled below; running ones are not worth waiting for
            for proc in list((getattr(pool, "_processes", None) or {}).values()):
                proc.terminate()
        pool.shutdown(wait=True, cancel_futures=True)


def run_isolated(fn: Callable[[Any], Any], job: Any, on_death: Callable[[], Any]) -> Any:
    """Retry a job whose worker pool broke, alone in a fresh one-process pool.

    When a worker dies (killed, out of memory, a crash in a C extension) every job
    in flight fails; each is retried by itself so only the article that kills a
    worker again is reported as failed.
    """
    from concurrent.futures.process import BrokenProcessPool

    with make_pool(1) as solo:
        try:
            return solo.submit(fn, job).result()
        except BrokenProcessPool:
            return on_death()
