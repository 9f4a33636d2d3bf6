"""The progress bar of a corpus run (tqdm; terminal or Jupyter only, and only for long runs)."""

from __future__ import annotations

import sys
from collections.abc import Callable

#: Seconds before a progress bar appears (shorter runs never show one).
PROGRESS_DELAY_S = 2.0


def progress_bar(total: int | None, enabled: bool | None) -> Callable[[int], None] | None:
    """A tqdm updater, or None when no bar should be shown (see module docstring)."""
    if enabled is False:
        return None
    in_jupyter = _in_kernel()
    if enabled is None and not (in_jupyter or (hasattr(sys.stderr, "isatty") and sys.stderr.isatty())):
        return None
    from tqdm.auto import tqdm

    # No monitor thread: the pool may fork after the bar exists.
    bar_cls = type("_Bar", (tqdm,), {"monitor_interval": 0})
    bar = bar_cls(total=total, unit="article", delay=0 if enabled else PROGRESS_DELAY_S, file=sys.stderr)

    def update(n: int) -> None:
        if n < 0:
            bar.close()
        else:
            bar.update(n)

    return update


def _in_kernel() -> bool:
    """True inside a running Jupyter kernel (not merely when ``ipykernel`` was imported by some library)."""
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None and hasattr(ipython, "get_ipython") else None
    return shell is not None and getattr(shell, "kernel", None) is not None
