"""Errors and warnings meant for the person running the tool.

Every problem with user input raises :class:`InputError` whose message is one
line that names the file and says what is wrong; the CLI prints it as
``error: <message>`` and exits with status 2, never with a traceback.
"""

from __future__ import annotations


class InputError(ValueError):
    """Bad input: missing, empty, binary, undecodable, non-English, too large, malformed."""


class InputWarning(UserWarning):
    """Input was usable but needed a guess (e.g. decoded as Windows-1251)."""


def interruption(exc: BaseException) -> KeyboardInterrupt | None:
    """The Ctrl-C or stop request behind ``exc``, if another error stands in for it; else ``None``.

    A C extension interrupted while it is imported reports the ``KeyboardInterrupt``
    as the cause of its own error (pybind11 modules of SciPy, which NLTK imports
    under textstat: ``ImportError: initialization failed``). Treated as that error,
    the stop would be reported as an internal error, or swallowed as one article's
    failure with further signals already ignored.
    """
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, KeyboardInterrupt):
            return current
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return None
