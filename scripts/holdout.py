"""The frozen hold-out of the uncertainty training files: which rows are ``test`` and which are ``dev``.

Decided once (issue 22), before any result of the new sentence measures was looked at, and never changed:
no feature, word list, threshold, calibration or model choice may look at a ``test`` row; development uses
cross-validation on the ``dev`` rows (:func:`dev_fold`), and the ``test`` rows are scored once, at the end
(``scripts/train_uncertainty.py --holdout``).

Rule
    * CoNLL-2010 files (``wikipedia``, ``bio``): rows come in document order (a Wikipedia article's
      sentences, an abstract's title, methods and results run together), so rows are grouped in blocks of
      :data:`BLOCK` consecutive rows and a whole block is held out when ``sha256("<set>:<block>") % 5 == 0``.
      Held-out sentences then come from documents the development part has (mostly) not seen, as the
      maintainers' test sets do; a split by single sentence would leave an article's other sentences in the
      development part and flatter topic words.
    * Certainty findings (``certainty``): the file is not in document order (each finding stands alone), so a
      finding is held out when ``sha256(<its text>) % 5 == 0``.

    About a fifth of each file. Cross-validation folds of the ``dev`` rows use the same blocks (grouped, so a
    block is never split between training and scoring), assigned by ``sha256("<set>:<block>:fold") % 5``.

The training files are pinned by their SHA-256 in the weights file's metadata, so the same rows are held out on
every machine. Needs only the standard library.
"""

from __future__ import annotations

import hashlib

#: Consecutive rows per block in the CoNLL-2010 files.
BLOCK = 20
#: Sets whose rows are grouped in blocks (the others are split finding by finding).
BLOCKED = frozenset({"wikipedia", "bio"})
FOLDS = 5


def _h(key: str) -> int:
    return int(hashlib.sha256(key.encode("utf-8")).hexdigest(), 16)


def group(set_name: str, index: int, text: str) -> str:
    """The group a row belongs to: its block of consecutive rows, or the finding itself."""
    return f"{set_name}:{index // BLOCK}" if set_name in BLOCKED else f"{set_name}:text:{text}"


def part(set_name: str, index: int, text: str) -> str:
    """``"test"`` (the frozen fifth) or ``"dev"`` for row ``index`` (0-based, file order) of a set.

    ``text`` is the row's text as written in the file (``finding`` of the certainty file).
    """
    if set_name in BLOCKED:
        return "test" if _h(group(set_name, index, text)) % 5 == 0 else "dev"
    return "test" if _h(text) % 5 == 0 else "dev"


def dev_fold(set_name: str, index: int, text: str) -> int:
    """The cross-validation fold (0 .. FOLDS-1) of a ``dev`` row; a block's rows share their fold."""
    return _h(group(set_name, index, text) + ":fold") % FOLDS
