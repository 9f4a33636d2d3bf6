"""Public import path of the voice layer: quotations (and attribution relations).

The code lives in :mod:`analysis.annotate.quotes`; this module only re-exports it.
"""

from analysis.annotate.quotes import *  # noqa: F403
