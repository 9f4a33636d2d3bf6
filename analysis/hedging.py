"""Hedges, boosters and attribution cues, located in the text.

The lexicon is a data file (``analysis/data/hedge_lexicon.csv``: cue, category,
subtype, source, notes). Matching is case-insensitive and whole-word; a multiword
cue matches across any run of whitespace; at each position the longest cue wins
and no character is counted twice. Every match is a :class:`Cue` whose offsets
index into the text passed to :func:`find_cues`, so it can be highlighted.

Categories: ``hedge`` (withholds full commitment: "could", "is expected to"),
``booster`` (expresses certainty: "it is clear that", "in reality"),
``attribution`` (assigns a claim to a source: "according to", "said").
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

CATEGORIES: tuple[str, ...] = ("hedge", "booster", "attribution")
COLUMNS: tuple[str, ...] = (
    "hedges",
    "boosters",
    "attributions",
    "hedges_per_100w",
    "boosters_per_100w",
    "attributions_per_100w",
)
_PLURAL = {"hedge": "hedges", "booster": "boosters", "attribution": "attributions"}


@dataclass(frozen=True)
class Cue:
    """One cue occurrence; ``text[start:end]`` of the analysed text is ``self.text``."""

    start: int
    end: int
    text: str
    category: str
    subtype: str = ""
    voice: str = "author"


@dataclass(frozen=True)
class LexiconEntry:
    cue: str
    category: str
    subtype: str
    source: str
    notes: str


@dataclass(frozen=True)
class Lexicon:
    """The parsed lexicon and its compiled matcher (build once with :func:`default_lexicon`)."""

    entries: tuple[LexiconEntry, ...]
    pattern: re.Pattern[str]
    by_phrase: dict[str, LexiconEntry]


def _key(phrase: str) -> str:
    return " ".join(phrase.lower().replace("’", "'").split())


def build_lexicon(rows: list[dict[str, str]]) -> Lexicon:
    """Compile lexicon rows (dicts with the CSV columns) into a :class:`Lexicon`."""
    entries = []
    for row in rows:
        cat = row["category"].strip()
        if cat not in CATEGORIES:
            raise ValueError(f"lexicon: unknown category {cat!r} for cue {row['cue']!r}")
        entries.append(
            LexiconEntry(
                _key(row["cue"]),
                cat,
                row.get("subtype", "").strip(),
                row.get("source", "").strip(),
                row.get("notes", "").strip(),
            )
        )
    by_phrase = {e.cue: e for e in entries}
    if len(by_phrase) != len(entries):
        raise ValueError("lexicon: duplicate cue")
    alts = sorted(by_phrase, key=len, reverse=True)  # longest first: alternation takes the first that fits
    body = "|".join(r"\s+".join(re.escape(w).replace("'", "['’]") for w in a.split()) for a in alts)
    pattern = re.compile(rf"(?<![\w'’-])(?:{body})(?![\w'’-])", re.IGNORECASE)
    return Lexicon(tuple(entries), pattern, by_phrase)


@cache
def default_lexicon() -> Lexicon:
    """The packaged lexicon, parsed and compiled once per process."""
    with resources.files("analysis").joinpath("data/hedge_lexicon.csv").open(encoding="utf-8") as fh:
        return build_lexicon(list(csv.DictReader(fh)))


def find_cues(text: str, lexicon: Lexicon | None = None) -> list[Cue]:
    """All cues in ``text``, in order, non-overlapping, longest match first."""
    lex = lexicon or default_lexicon()
    out = []
    for m in lex.pattern.finditer(text):
        entry = lex.by_phrase[_key(m.group(0))]
        out.append(Cue(m.start(), m.end(), m.group(0), entry.category, entry.subtype))
    return out


def cue_counts(cues: list[Cue], n_words: int) -> dict[str, float | int]:
    """Counts per category and rates per 100 words (NaN rates when ``n_words`` is 0)."""
    out: dict[str, float | int] = {}
    for cat in CATEGORIES:
        n = sum(1 for c in cues if c.category == cat)
        out[_PLURAL[cat]] = n
        out[f"{_PLURAL[cat]}_per_100w"] = 100.0 * n / n_words if n_words else float("nan")
    return out
