"""Public import path of the hedging layer: ``analysis.hedging.find_cues`` and friends.

The code lives in :mod:`analysis.annotate.hedging`; this module only re-exports it.
"""

from analysis.annotate.hedging import *  # noqa: F403
