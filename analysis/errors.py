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
