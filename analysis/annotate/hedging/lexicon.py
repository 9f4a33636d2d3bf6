"""The hedge lexicon: a data file compiled into one matcher.

The packaged lexicon is ``analysis/data/hedge_lexicon.csv`` (columns ``cue``, ``category``,
``subtype``, ``rule``, ``source``, ``notes``; see :mod:`analysis.annotate.hedging.rules`).
A custom lexicon with the same columns is read with :func:`load_lexicon` and passed in
:class:`analysis.AnalysisConfig` (``lexicon=``), so every table, run and cache key uses it.
"""

from __future__ import annotations

import csv
import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from analysis.annotate.hedging.cues import LEXICON_CATEGORIES
from analysis.errors import InputError

if TYPE_CHECKING:
    import pandas

LEXICON_FILE = "data/hedge_lexicon.csv"
#: Columns a lexicon file must have (``rule``, ``source`` and ``notes`` may be empty).
LEXICON_COLUMNS: tuple[str, ...] = ("cue", "category", "subtype", "rule", "source", "notes")


@dataclass(frozen=True)
class LexiconEntry:
    """One row of the lexicon; ``forms`` are the lower-case phrases it matches."""

    cue: str
    category: str
    subtype: str
    source: str
    notes: str
    rule: str = ""
    forms: tuple[str, ...] = ()


@dataclass(frozen=True)
class Lexicon:
    """The parsed lexicon and its compiled matcher (build once with :func:`default_lexicon`)."""

    entries: tuple[LexiconEntry, ...]
    by_phrase: dict[str, LexiconEntry]
    #: The matcher's regular expression (see :func:`_trie_alternation`).
    source: str
    #: SHA-256 of the lexicon's rows (part of every cache key).
    digest: str = ""

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """Case-insensitive matcher for any text (compiled on first use)."""
        return re.compile(self.source, re.IGNORECASE)

    @cached_property
    def lower_pattern(self) -> re.Pattern[str]:
        """The same matcher, case-sensitive, for ``text.lower()`` (about twice as fast as ``pattern``).

        Usable only when lower-casing keeps every offset and letter (:func:`lowers_exactly`).
        """
        return re.compile(self.source)


#: Letters ``re.IGNORECASE`` equates with an ASCII letter that ``str.lower`` does not give.
_FOLD = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})


def lexicon_key(phrase: str) -> str:
    """Lexicon key of a phrase or match: lower case, ``'`` for ``’``, single spaces."""
    return " ".join(phrase.translate(_FOLD).lower().replace("’", "'").split())


def _trie_alternation(phrases: Iterable[str]) -> str:
    """Regex matching any of ``phrases`` (``lexicon_key`` forms), longest first, as a prefix trie.

    Same matches as ``"|".join(longest first)`` (the text picks one path through
    the trie; greedy optional groups try the longer phrase first and backtrack to
    a shorter one when the word boundary check fails) but about ten times faster
    than a flat alternation of hundreds of phrases. Words match across any run of
    whitespace; ``'`` also matches ``’``.
    """
    trie: dict[str, dict] = {}
    for phrase in phrases:
        node = trie
        for i, word in enumerate(phrase.split()):
            if i:
                node = node.setdefault(r"\s+", {})
            for ch in word:
                node = node.setdefault("['’]" if ch == "'" else re.escape(ch), {})
        node[""] = {}  # a phrase ends here

    def emit(node: dict[str, dict]) -> str:
        alts = [tok + emit(child) for tok, child in node.items() if tok]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" not in node:
            return body
        return body + "?" if len(alts) > 1 else "(?:" + body + ")?"

    return emit(trie)


def build_lexicon(rows: Sequence[dict[str, str]]) -> Lexicon:
    """Compile lexicon rows (dicts with the CSV columns) into a :class:`Lexicon`.

    Raises ``ValueError`` for an unknown category or rule, or a form listed twice.
    """
    from analysis.annotate.hedging.rules import RULES

    entries = []
    by_phrase: dict[str, LexiconEntry] = {}
    for row in rows:
        cat = row["category"].strip()
        if cat not in LEXICON_CATEGORIES:
            raise ValueError(f"lexicon: unknown category {cat!r} for cue {row['cue']!r}")
        rule = (row.get("rule") or "").strip()
        if rule and rule not in RULES:
            raise ValueError(f"lexicon: unknown rule {rule!r} for cue {row['cue']!r}")
        forms = tuple(lexicon_key(f) for f in row["cue"].split("/") if f.strip())
        entry = LexiconEntry(
            row["cue"].strip(),
            cat,
            (row.get("subtype") or "").strip(),
            (row.get("source") or "").strip(),
            (row.get("notes") or "").strip(),
            rule,
            forms,
        )
        entries.append(entry)
        for form in forms:
            if form in by_phrase:
                raise ValueError(f"lexicon: form {form!r} listed twice")
            by_phrase[form] = entry
    body = _trie_alternation(by_phrase)
    digest = hashlib.sha256(
        "\n".join("\t".join((e.cue, e.category, e.subtype, e.rule)) for e in entries).encode("utf-8")
    ).hexdigest()
    return Lexicon(tuple(entries), by_phrase, rf"(?<![\w'’-])(?:{body})(?![\w'’-])", digest)


@cache
def default_lexicon() -> Lexicon:
    """The packaged lexicon, parsed and compiled once per process."""
    with resources.files("analysis").joinpath(LEXICON_FILE).open(encoding="utf-8") as fh:
        return build_lexicon(list(csv.DictReader(fh)))


def load_lexicon(path: str | Path) -> Lexicon:
    """Read and compile a lexicon CSV file with the packaged lexicon's columns.

    Args:
        path: a UTF-8 CSV file with a header row holding :data:`LEXICON_COLUMNS`
            (``rule``, ``source`` and ``notes`` may be empty or missing).

    Returns:
        The compiled :class:`Lexicon`.

    Raises:
        InputError: the file is missing or unreadable, lacks ``cue``/``category``/``subtype``,
            names an unknown category or rule, or lists a form twice (one line, naming the file).
    """
    p = Path(path)
    try:
        with p.open(encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.DictReader(fh))
    except FileNotFoundError:
        raise InputError(f"{p}: no such file (lexicon)") from None
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise InputError(f"{p}: cannot read the lexicon ({exc})") from None
    missing = [c for c in ("cue", "category", "subtype") if rows and c not in rows[0]]
    if not rows:
        raise InputError(f"{p}: the lexicon has no rows")
    if missing:
        raise InputError(f"{p}: the lexicon lacks the column(s) {', '.join(missing)}")
    try:
        return build_lexicon(rows)
    except (ValueError, AttributeError) as exc:
        raise InputError(f"{p}: {exc}") from None


def lexicon_table(lexicon: Lexicon | None = None) -> pandas.DataFrame:
    """The lexicon as a DataFrame: cue, category, subtype, rule, source, notes (one row per entry)."""
    import pandas as pd

    lex = lexicon or default_lexicon()
    cols = ["cue", "category", "subtype", "rule", "source", "notes"]
    return pd.DataFrame([[getattr(e, c) for c in cols] for e in lex.entries], columns=cols)
