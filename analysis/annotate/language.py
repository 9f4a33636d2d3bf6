"""A small, dependency-free check that a text is English.

The readability formulas and VADER are English-only, so the question that matters
is binary: is this English prose? Two signals, both cheap and deterministic:

1. Script: the share of letters that are Latin (A-Z plus Latin-1/Extended-A).
   Cyrillic, Greek, CJK, Arabic, etc. fail here.
2. Function words: in English prose roughly 40-55% of word tokens are among the
   ~100 most frequent English function words ("the", "of", "and", "to", ...);
   in French, German, Spanish or Dutch text it is typically under 10%, because
   their function words differ ("le", "der", "el", "de"). A text is English when
   that share is at least :data:`MIN_FUNCTION_SHARE`.

Texts with fewer than :data:`MIN_WORDS` words are too short for a reliable share;
in Latin script they count as English unless they show positive evidence of
another language: at least two function words of French, German, Spanish, Italian
or Dutch (:data:`_FOREIGN_FUNCTION_WORDS`, chosen to exclude English homographs
such as "die", "van" or "den") and more of those than English ones. So
"Le président a dit que les négociations pourraient reprendre." is not English,
while a headline such as "Could Russia Lose Belarus?" still is.
"""

from __future__ import annotations

import re
import unicodedata

MIN_WORDS = 20
MIN_LATIN_SHARE = 0.8
MIN_FUNCTION_SHARE = 0.2

_FUNCTION_WORDS = frozenset(
    """a about above after again against all am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers him his how i if in into is it its itself just
    me more most my no nor not now of off on once only or other our out over own same she should
    so some such than that the their them then there these they this those through to too under
    until up very was we were what when where which while who whom why will with would you your
    has said says also its it's than""".split()
)
_FOREIGN_FUNCTION_WORDS = frozenset(
    """le la les des du et est une dans pour sur avec qui que pas cette sont aux leur
    der das und ist nicht ein eine mit sich auf für dem zum zur auch
    el los las y del por con para una es su al lo se pero
    il di che della gli sono nel alla anche
    het een niet zijn voor ook wordt""".split()
)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def _script(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return name.split(" ", 1)[0] if name else "UNKNOWN"


def detect_language(text: str, sample_chars: int = 20000) -> str:
    """Return ``"en"`` for English prose, otherwise a short code for what was seen.

    Non-English results: ``"cyrillic"``, ``"greek"``, ``"arabic"``, ``"cjk"``, ... for
    non-Latin scripts (lower-cased Unicode script name), ``"non-en-latin"`` for Latin
    script text with too few English function words, ``"und"`` with no letters.
    Only the first ``sample_chars`` characters are examined (bounded time).
    """
    sample = text[:sample_chars]
    letters = [c for c in sample if c.isalpha()]
    if not letters:
        return "und"
    scripts: dict[str, int] = {}
    for c in letters:
        s = "LATIN" if c.isascii() else _script(c)
        scripts[s] = scripts.get(s, 0) + 1
    latin = scripts.get("LATIN", 0)
    if latin / len(letters) < MIN_LATIN_SHARE:
        top = max((s for s in scripts if s != "LATIN"), key=scripts.__getitem__)
        return {"CJK": "cjk", "HIRAGANA": "cjk", "KATAKANA": "cjk", "HANGUL": "cjk"}.get(top, top.lower())
    words = [w.lower().replace("’", "'") for w in _WORD.findall(sample)]
    if len(words) < MIN_WORDS:
        foreign = sum(w in _FOREIGN_FUNCTION_WORDS for w in words)
        english = sum(w in _FUNCTION_WORDS for w in words)
        return "non-en-latin" if foreign >= 2 and foreign > english else "en"
    share = sum(w in _FUNCTION_WORDS for w in words) / len(words)
    return "en" if share >= MIN_FUNCTION_SHARE else "non-en-latin"
