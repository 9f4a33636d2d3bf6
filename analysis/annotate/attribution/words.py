"""The attribution word lists: ``analysis/data/attribution_words.csv`` (word, class, source, notes), read once.

Each row gives one or more forms (``/``-separated) of a word class: reporting verbs by frame
(``say``, ``tell``, ``belief``, ``directive``), determiners, titles (with gender), role nouns,
clause breaks, media ("on Twitter") and the small closed classes the passes test against. No
word list lives in the code.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

__all__ = ["Words", "load_words"]


@dataclass(frozen=True)
class Words:
    """The word classes, indexed for the passes."""

    verbs: dict[str, tuple[tuple[tuple[str, ...], str], ...]]  # first word -> ((words, class), ...)
    cls: dict[str, frozenset[str]]
    gender: dict[str, str]  # title / role noun / first name / pronoun -> "m" | "f"
    media: tuple[tuple[str, ...], ...]
    breaks: re.Pattern[str]


@cache
def load_words() -> Words:
    """The word lists, read from the package data once per process."""
    rows = resources.files("analysis").joinpath("data/attribution_words.csv").read_text(encoding="utf-8")
    by_cls: dict[str, set[str]] = {}
    verbs: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    gender: dict[str, str] = {}
    for row in csv.DictReader(rows.splitlines()):
        c = row["class"]
        for form in row["word"].split("/"):
            form = form.strip()
            if not form:
                continue
            key = form if c in ("title", "org") or c.startswith(("title_", "first_")) else form.lower()
            by_cls.setdefault(c, set()).add(key)
            if c in ("say", "tell", "belief", "directive"):
                ws = tuple(key.split())
                verbs.setdefault(ws[0], []).append((ws, c))
            if c.endswith("_m") or c.endswith("_f"):
                gender[key] = c[-1]
    cls = {c: frozenset(v) for c, v in by_cls.items()}
    cls["title_any"] = cls["title"] | cls["title_m"] | cls["title_f"]
    cls["first"] = cls["first_m"] | cls["first_f"]
    cls["pron"] = cls["pron_m"] | cls["pron_f"] | cls["pron_pl"] | cls["pron_org"]
    media = tuple(sorted((tuple(m.split()) for m in cls["medium"]), key=len, reverse=True))
    alts = []
    for b in sorted(cls["clause_break"], key=len, reverse=True):
        alts.append(re.escape(b) if b == ";" else r",\s+" + r"\s+".join(map(re.escape, b.split())) + r"\b(?!\s+that\b)")
    breaks = re.compile("|".join(alts), re.IGNORECASE)
    return Words({k: tuple(v) for k, v in verbs.items()}, cls, gender, media, breaks)
