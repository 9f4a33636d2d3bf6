"""The progress of a corpus run: a tqdm bar (terminal or Jupyter) or, without a terminal, lines on stderr.

``enabled``: ``None`` (automatic: a bar on a terminal or in Jupyter, nothing otherwise),
``True``/``False`` (force the bar, or nothing), or ``"auto"`` (the command line: a bar on a
terminal or in Jupyter; otherwise, when stderr goes to a file or a pipe, a line such as
``progress: 120 of 840 articles (14%), 35 s`` every :data:`LINE_INTERVAL_S` seconds, the first
after :data:`PROGRESS_DELAY_S`, so short runs print none; nor do runs of fewer than
:data:`LINE_MIN_ARTICLES` articles).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

#: Seconds before a progress bar or the first progress line appears (shorter runs never show one).
PROGRESS_DELAY_S = 2.0
#: Seconds between progress lines when stderr is not a terminal.
LINE_INTERVAL_S = 5.0
#: Runs of fewer articles print no progress lines (their time is one article's, not a corpus's).
LINE_MIN_ARTICLES = 10


def progress_bar(total: int | None, enabled: bool | str | None) -> Callable[[int], None] | None:
    """An updater (``update(n)`` adds ``n`` articles done; ``update(-1)`` ends), or None (see module docstring)."""
    if enabled is False:
        return None
    in_jupyter = _in_kernel()
    terminal = hasattr(sys.stderr, "isatty") and sys.stderr.isatty()
    if enabled == "auto" and not (in_jupyter or terminal):
        return None if total is not None and total < LINE_MIN_ARTICLES else progress_lines(total)
    if enabled is None and not (in_jupyter or terminal):
        return None
    from tqdm.auto import tqdm

    # No monitor thread: the pool may fork after the bar exists.
    bar_cls = type("_Bar", (tqdm,), {"monitor_interval": 0})
    bar = bar_cls(total=total, unit="article", delay=0 if enabled is True else PROGRESS_DELAY_S, file=sys.stderr)

    def update(n: int) -> None:
        if n < 0:
            bar.close()
        else:
            bar.update(n)

    return update


def progress_lines(
    total: int | None,
    delay: float = PROGRESS_DELAY_S,
    interval: float = LINE_INTERVAL_S,
    clock: Callable[[], float] = time.monotonic,
) -> Callable[[int], None]:
    """An updater printing ``progress: N of TOTAL articles (P%), S s`` to stderr, at most every ``interval`` s.

    Args:
        total: articles in the run (``None``: unknown, no percentage).
        delay: seconds before the first line.
        interval: seconds between lines.
        clock: the time source (tests pass a fake one).

    Returns:
        ``update(n)``: ``n`` more articles done; ``update(-1)``: the run ended (a last line if any was printed).
    """
    start = clock()
    state = {"done": 0, "next": start + delay, "shown": -1}

    def line() -> str:
        of = f" of {total}" if total else ""
        pct = f" ({100 * state['done'] // total}%)" if total else ""
        return f"progress: {state['done']}{of} articles{pct}, {clock() - start:.0f} s\n"

    def update(n: int) -> None:
        if n < 0:
            if state["shown"] >= 0 and state["shown"] != state["done"]:  # the last count, if not shown yet
                sys.stderr.write(line())
                sys.stderr.flush()
            return
        state["done"] += n
        now = clock()
        if now >= state["next"]:
            state["next"] = now + interval
            state["shown"] = state["done"]
            sys.stderr.write(line())
            sys.stderr.flush()

    return update


def _in_kernel() -> bool:
    """True inside a running Jupyter kernel (not merely when ``ipykernel`` was imported by some library)."""
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None and hasattr(ipython, "get_ipython") else None
    return shell is not None and getattr(shell, "kernel", None) is not None
