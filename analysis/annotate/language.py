"""Which language a text is in, told well enough to refuse non-English text and never English.

The readability formulas and VADER are English-only, so the question that matters
is whether this is English; the answer names the language when it is not (an
ISO 639-1 code, ``"fr"``, ``"ru"``; ``"und"`` for text without letters).

Two steps, both offline and deterministic:

1. Script. When under :data:`MIN_LATIN_SHARE` of the letters are Latin, the
   text is not English (this also refuses mixed Cyrillic/Latin text). Cyrillic
   text is told apart among the Cyrillic languages by lingua; other scripts are
   named by their script (Greek ``"el"``, Arabic ``"ar"``, Han ``"zh"``, ...).
2. Latin script: `lingua <https://pypi.org/project/lingua-language-detector/>`_
   (a maintained n-gram detector made for short text) among English and the
   Latin-script languages news in this project comes in (:data:`LATIN_LANGUAGES`).
   Its fast low-accuracy mode (trigrams, ~20 MB of models) answers first; English
   from it is final. A text it calls something else with confidence is checked
   by lingua's high-accuracy mode (1- to 5-grams, loaded only for such texts),
   and is refused only when that also names another language with confidence
   :data:`MIN_FOREIGN_CONFIDENCE` and gives English under
   :data:`MAX_ENGLISH_CONFIDENCE`. A headline, a list of names ("John Smith,
   Maria Garcia, ...") or ingredients has no such evidence and stays English;
   a sentence of French, German or Spanish has plenty.

Only the first ``sample_chars`` characters are examined (bounded time).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import Any

MIN_LATIN_SHARE = 0.8
#: Another language is believed only when lingua's high-accuracy mode gives it at least this...
MIN_FOREIGN_CONFIDENCE = 0.7
#: ... and English less than this.
MAX_ENGLISH_CONFIDENCE = 0.1
#: Below this, the fast mode's non-English answer is not worth a second look.
MIN_FAST_CONFIDENCE = 0.5
#: Latin-script languages English is told from (ISO 639-1).
LATIN_LANGUAGES = ("en", "fr", "de", "es", "it", "nl", "pt")
CYRILLIC_LANGUAGES = ("ru", "uk", "be", "bg", "sr", "mk")
#: Languages named by their script alone.
_SCRIPT_LANGUAGE = {
    "GREEK": "el",
    "ARABIC": "ar",
    "HEBREW": "he",
    "CJK": "zh",
    "HIRAGANA": "ja",
    "KATAKANA": "ja",
    "HANGUL": "ko",
    "DEVANAGARI": "hi",
    "THAI": "th",
    "ARMENIAN": "hy",
    "GEORGIAN": "ka",
}
#: English names of the codes :func:`detect_language` returns, for messages.
LANGUAGE_NAMES = {
    "en": "English",
    "fr": "French",
    "de": "German",
    "es": "Spanish",
    "it": "Italian",
    "nl": "Dutch",
    "pt": "Portuguese",
    "ru": "Russian",
    "uk": "Ukrainian",
    "be": "Belarusian",
    "bg": "Bulgarian",
    "sr": "Serbian",
    "mk": "Macedonian",
    "el": "Greek",
    "ar": "Arabic",
    "he": "Hebrew",
    "zh": "Chinese",
    "ja": "Japanese",
    "ko": "Korean",
    "hi": "Hindi",
    "th": "Thai",
    "hy": "Armenian",
    "ka": "Georgian",
    "und": "no identifiable language",
}
_NON_LETTERS = re.compile(r"[\W\d_]+")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
#: Every byte that is not an ASCII letter (deleted to count the letters).
_NOT_ASCII_LETTER = bytes(b for b in range(128) if not chr(b).isalpha())


#: Why a text without a single letter is refused, by ``analyze`` and by the store alike.
NO_WORDS = "no words to analyse (no letters: only digits, punctuation or symbols such as emoji)"


def has_letters(text: str) -> bool:
    """True when ``text`` has a letter of any script (emoji, quotation marks and digits are not letters)."""
    return any(c.isalpha() for c in text)


def language_name(code: str) -> str:
    """``"fr"`` -> ``"French"``; an unknown code is returned as it is."""
    return LANGUAGE_NAMES.get(code, code)


def _script(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return name.split(" ", 1)[0] if name else "UNKNOWN"


#: Characters of Latin-script text given to lingua (cut at a space): a few paragraphs.
LINGUA_CHARS = 2500


def _head(text: str, n: int) -> str:
    """The first ``n`` characters of ``text``, cut back to the last whitespace."""
    if len(text) <= n:
        return text
    cut = text.rfind(" ", 0, n)
    return text[: cut if cut > n // 2 else n]


#: Very frequent English function words that are not also common words of French, German, Spanish,
#: Italian or Dutch (so not "a", "in", "an", "so", "was", "die", "on"): in English prose a third
#: of the words or more, in those languages almost none.
_ENGLISH_FUNCTION_WORDS = frozenset(
    "the of and to is that for it with as by at be this are from he she they have has not but or which "
    "said were been their his her its would will there more than who".split()
)
#: Words (at least) and share (at least) of :data:`_ENGLISH_FUNCTION_WORDS` that make a text plainly
#: English prose without asking lingua (which reads short texts, headlines and lists of names).
PLAIN_ENGLISH_WORDS, PLAIN_ENGLISH_SHARE = 60, 0.25
#: Words of the text's beginning that :func:`_plainly_english` reads, and the characters searched for them.
_PLAIN_ENGLISH_TOKENS, _HEAD_CHARS = 400, 4000


def _words_head(sample: str) -> str:
    """The letters-only words of ``sample``; of its head alone when that holds more words than
    :func:`_plainly_english` reads (the answer is the same, the cost a fraction on long text)."""
    if len(sample) > _HEAD_CHARS:
        head = _NON_LETTERS.sub(" ", sample[:_HEAD_CHARS]).strip()
        if len(head.split(None, _PLAIN_ENGLISH_TOKENS)) > _PLAIN_ENGLISH_TOKENS:
            return head
    return _NON_LETTERS.sub(" ", sample).strip()


def _plainly_english(words: str) -> bool:
    """True for long English prose: many words, a quarter or more of them English function words."""
    tokens = words.lower().split(None, _PLAIN_ENGLISH_TOKENS)[:_PLAIN_ENGLISH_TOKENS]
    if len(tokens) < PLAIN_ENGLISH_WORDS:
        return False
    return sum(w in _ENGLISH_FUNCTION_WORDS for w in tokens) / len(tokens) >= PLAIN_ENGLISH_SHARE


@cache
def _detector(codes: tuple[str, ...], accurate: bool) -> Any:
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    languages = [Language.from_iso_code_639_1(getattr(IsoCode639_1, c.upper())) for c in codes]
    builder = LanguageDetectorBuilder.from_languages(*languages)
    if not accurate:
        builder = builder.with_low_accuracy_mode()
    return builder.build()


def _ranked(text: str, codes: tuple[str, ...], accurate: bool) -> list[tuple[str, float]]:
    values = _detector(codes, accurate).compute_language_confidence_values(text)
    return [(v.language.iso_code_639_1.name.lower(), float(v.value)) for v in values]


def detect_language(text: str, sample_chars: int = 20000) -> str:
    """The ISO 639-1 code of the language of ``text`` (``"en"``, ``"fr"``, ``"ru"``, ...).

    ``"und"`` for text without letters. See the module docstring for how.
    """
    sample = text[:sample_chars]
    if sample.isascii():  # the common case, decided without looking at every character's script
        if not any(c.isalpha() for c in sample):
            return "und"
        scripts = {"LATIN": 1}
        letters: list[str] | str = "a"
    else:  # ASCII letters counted in C; only the (few) other characters one by one
        ascii_bytes = sample.encode("ascii", "ignore")
        n_letters = len(ascii_bytes.translate(None, _NOT_ASCII_LETTER))  # the ASCII letters (the rest deleted)
        scripts = {"LATIN": n_letters} if n_letters else {}
        for c in _NON_ASCII.findall(sample):
            if c.isalpha():
                s = _script(c)
                scripts[s] = scripts.get(s, 0) + 1
                n_letters += 1
        if not n_letters:
            return "und"
        letters = "a" * n_letters
    if scripts.get("LATIN", 0) / len(letters) < MIN_LATIN_SHARE:
        top = max((s for s in scripts if s != "LATIN"), key=scripts.__getitem__)
        if top == "CYRILLIC":
            only = "".join(c for c in sample if _script(c) == "CYRILLIC" or not c.isalpha())
            ranked = _ranked(only, CYRILLIC_LANGUAGES, accurate=False)
            return ranked[0][0] if ranked else "ru"
        return _SCRIPT_LANGUAGE.get(top, "und")
    words = _words_head(sample)
    if not words:
        return "en"
    if _plainly_english(words):
        return "en"
    sample = _head(sample, LINGUA_CHARS)  # the language of prose is plain long before this; lingua's cost grows with it
    fast = _ranked(sample, LATIN_LANGUAGES, accurate=False)
    code, confidence = fast[0] if fast else ("en", 0.0)
    if code == "en" or confidence < MIN_FAST_CONFIDENCE:
        return "en"
    scores = dict(_ranked(sample, LATIN_LANGUAGES, accurate=True))
    top = max(scores, key=scores.__getitem__) if scores else "en"
    if top != "en" and scores[top] >= MIN_FOREIGN_CONFIDENCE and scores.get("en", 0.0) < MAX_ENGLISH_CONFIDENCE:
        return top
    return "en"
