"""Word classes the hedging rules consult, read from ``analysis/data/hedge_word_classes.csv``.

Each row of the data file is one class: ``word_class`` (its name), ``words``
(space-separated, lower case; curly apostrophes listed as written), ``notes`` (what
the rules use it for) and ``source``. :data:`WORDS` maps class name -> frozenset,
read once at import (the file is part of the package).
"""

from __future__ import annotations

import csv
from importlib import resources

WORD_CLASSES_FILE = "data/hedge_word_classes.csv"


def _load() -> dict[str, frozenset[str]]:
    with resources.files("analysis").joinpath(WORD_CLASSES_FILE).open(encoding="utf-8") as fh:
        return {row["word_class"]: frozenset(row["words"].split()) for row in csv.DictReader(fh)}


#: Word class name -> its words (immutable).
WORDS: dict[str, frozenset[str]] = _load()
