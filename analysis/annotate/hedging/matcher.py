"""Finding cues: the lexicon's matcher, each match judged by its rule."""

from __future__ import annotations

import re

from analysis.annotate.hedging.cues import Cue
from analysis.annotate.hedging.lexicon import Lexicon, default_lexicon, lexicon_key
from analysis.annotate.hedging.rules import RULES, is_attenuated, is_negated, keep

#: "I"/"we" right before a first-person cue, also with "am/are" ("I am convinced", "I'm convinced").
_FIRST_PERSON_BEFORE = re.compile(r"(?<![\w'’-])(?:I|[Ww]e)(?:\s+(?:am|are)|['’](?:m|re))?\s+$")
#: Boosters whose form holds its own negation (never flipped to a hedge); "beyond doubt" is not
#: one of them: "not beyond doubt" is a hedge.
_SELF_NEGATED = ("no ", "not ", "without ", "there is no", "unsurprisingly")


def lowers_exactly(text: str, lowered: str) -> bool:
    """True when matching ``lowered`` case-sensitively finds what ``re.IGNORECASE`` finds in ``text``.

    Not so when lower-casing moves offsets ("İ" lowers to two characters) or for the
    two letters ``re.IGNORECASE`` equates with an ASCII one that ``str.lower`` keeps
    apart (dotless "ı" ~ "i", long "ſ" ~ "s").
    """
    return len(lowered) == len(text) and "ı" not in text and "ſ" not in text


def find_cues(text: str, lexicon: Lexicon | None = None) -> list[Cue]:
    """All cues in ``text``, in order, non-overlapping, longest match first.

    Offsets index into ``text``; every cue's voice is ``"author"`` (this function
    sees no quotation context; an analysed document gives each cue its voice). Empty text -> ``[]``.
    """
    lex = lexicon or default_lexicon()
    lowered = text.lower()
    matches = lex.lower_pattern.finditer(lowered) if lowers_exactly(text, lowered) else lex.pattern.finditer(text)
    out: list[Cue] = []
    for m in matches:
        found = m.group(0)
        entry = lex.by_phrase.get(found)
        form = found if entry is not None else lexicon_key(found)
        entry = entry or lex.by_phrase[form]
        if entry.category == "none":
            continue
        verdict = RULES[entry.rule](text, m.start(), m.end(), form, entry) if entry.rule else keep(entry)
        if verdict is None:
            continue
        category, subtype = verdict
        start = m.start()
        if category == "booster" and not form.startswith(_SELF_NEGATED) and is_negated(text, m.start()):
            category, subtype = "hedge", "negated booster"
        elif (
            category == "booster"
            and (attenuator := is_attenuated(text, start)) is not None
            and (not out or out[-1].end <= attenuator)
        ):
            category, subtype, start = "hedge", "attenuated booster", attenuator  # "almost certainly"
        if subtype.endswith("(first person)"):
            pronoun = _FIRST_PERSON_BEFORE.search(text, max(0, start - 14), start)
            if pronoun and (not out or out[-1].end <= pronoun.start()):
                start = pronoun.start()  # the cue is "I believe", "we think"
        out.append(Cue(start, m.end(), text[start : m.end()], category, subtype))
    return out
