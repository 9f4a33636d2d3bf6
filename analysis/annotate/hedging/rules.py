"""Context rules deciding whether a lexicon match is a cue, and of which category.

At each position the longest form wins and no character is counted twice. Rules
look at a few neighbouring words in the same text (never across a sentence end):

``modal``
    "May" capitalised inside a sentence, or followed by a number, is the month or a
    name; "could not"/"couldn't" is inability, not a hedge; "may be" + participle
    ("may be used") is root possibility, i.e. "can be" (Coates 1983: root "may"
    goes with the passive); "would" before ``later/eventually/soon/often/usually/
    like/rather`` or after "later" is narrative, habitual or volitional, and after a
    reporting verb ("said he would") a reported intention. "will" and "should" are
    not in the lexicon: a future is not a hedge, and "should" is overwhelmingly
    deontic (advice, obligation) in news.
``approximator``
    "about/around/roughly" only before a number or quantity ("about 300", "around half").
``quantifier``
    "some 20" is an approximator; "some/many/most/several people/critics/experts"
    and "many believe" are weasels (a vague source); "some/many/several" before a
    plural noun, heading a clause, or partitive ("many of his works") are vague
    quantifiers (CoNLL-2010 weasels: how many is left unsaid); durations and
    measures ("for many years", "as many as") and "some bread" are no cue.
``vague_subject``
    "others" only as the subject of a saying or believing verb; "critics" as a bare
    subject ("critics say", "critics attack"), not "critics of the plan".
``epistemic_verb``
    believe/think/expect/consider/regard/assume...: first person ("I believe") is a
    hedge of that speaker; agentless passive ("is believed", "is widely regarded as",
    "a man thought to be") or a vague subject ("many think") is a weasel hedge; a
    specific subject ("Lukashenko expects to get", "he believes") is attribution (of
    intent / of belief); a noun use ("Western thought", "in this regard") is no cue.
``first_person``
    only "I/we feel".
``reporting``
    reporting verbs are attribution; agentless passive ("is said to", "was reported")
    and an unnamed plural source ("analysts say", "Western officials said") are
    weasel hedges; after a quantified source ("many analysts say") the quantifier
    is the weasel and the verb stays attribution.
``predicative``
    "clear/obvious/sure" only after a linking verb ("is clear", "I am sure", "made it clear").
``certain``
    predicative "certain" is a booster; "certain people" a weasel; "a certain extent" an approximator.
``possible``, ``supposed``, ``appear``, ``that``
    see the lexicon notes.
``booster`` (and every booster after its own rule)
    negation within two words before ("not clear", "isn't certain", "never really
    sure") turns a booster into a hedge (subtype ``negated booster``); cues that hold
    their own negation ("no doubt", "not surprisingly") stay boosters.

A rule is ``(text, start, end, form, entry) -> (category, subtype)`` or ``None`` (not a cue).
"""

from __future__ import annotations

from collections.abc import Callable

from analysis.annotate.hedging.context import (
    _at_sentence_start,
    _is_negator,
    _is_number,
    _is_participle,
    _is_plural,
    _skip_back,
    _tokens_after,
    _tokens_before,
    _words,
)
from analysis.annotate.hedging.lexicon import LexiconEntry
from analysis.annotate.hedging.words import WORDS

_ASSUMED_OBJECTS = WORDS['assumed_objects']
_BE = WORDS['be']
_DET = WORDS['det']
_FIRST = WORDS['first']
_HUMAN = WORDS['human']
_LINKING = WORDS['linking']
_PRONOUN = WORDS['pronoun']
_REPORTING_BEFORE_WOULD = WORDS['reporting_before_would']
_SAY_VERBS = WORDS['say_verbs']
_SKIP = WORDS['skip']
_TIME_AFTER_WOULD = WORDS['time_after_would']

Rule = Callable[[str, int, int, str, LexiconEntry], "tuple[str, str] | None"]


def _keep(entry: LexiconEntry) -> tuple[str, str]:
    return entry.category, entry.subtype


def _rule_modal(text: str, start: int, end: int, form: str, entry: LexiconEntry) -> tuple[str, str] | None:
    nxt = _words(_tokens_after(text, end, 4))
    prev = _words(_tokens_before(text, start, 5))
    if form == "may" and text[start] == "M" and (not _at_sentence_start(text, start) or (nxt and _is_number(nxt[0]))):
        return None  # the month, or a name ("Theresa May")
    if form == "could" and nxt and _is_negator(nxt[0]):
        return None  # inability ("could not", "could never"), not epistemic possibility
    if form == "may":
        rest = [t for t in nxt if t not in _SKIP and not _is_negator(t)]
        if len(rest) > 1 and rest[0] == "be" and _is_participle(rest[1]):
            return None  # root possibility, "may be used/combined" = "can be" (Coates 1983: passive)
    if form == "would":
        rest = [t for t in nxt if t not in ("also", "then", "not")]
        if rest and rest[0] in _TIME_AFTER_WOULD:
            return None
        if any(t in _REPORTING_BEFORE_WOULD for t in prev):
            return None  # backshifted reported intention: "he said he would ..."
        if any(t in ("later", "afterwards", "eventually", "subsequently") for t in prev):
            return None  # narrative future-in-the-past: "years later he would ..."
    return _keep(entry)


def _rule_approximator(text: str, start: int, end: int, form: str, entry: LexiconEntry) -> tuple[str, str] | None:
    nxt = _words(_tokens_after(text, end, 3))
    if nxt and nxt[0] in ("a", "an") and len(nxt) > 1:
        nxt = nxt[1:]
    if nxt and _is_number(nxt[0]):
        return "hedge", "approximator"
    return None


_CLAUSE_START = WORDS['clause_start']
_TIME_NOUNS = WORDS['time_nouns']


def _rule_quantifier(text: str, start: int, end: int, form: str, entry: LexiconEntry) -> tuple[str, str] | None:
    nxt = _tokens_after(text, end, 4)
    if not nxt:
        return None
    if form == "some" and _is_number(nxt[0]):
        return "hedge", "approximator"
    prev = _words(_tokens_before(text, start, 1))
    if prev and prev[-1] in ("the", "for", "and", "at") and form == "most":
        return None  # "the most ...": a superlative
    if prev and prev[-1] in ("as", "how", "so", "too", "very"):
        return None  # "as many as", "how many": a measure phrase
    words = _words(nxt)
    if words and words[0] in _TIME_NOUNS:
        return None  # "for many years", "several times": a duration or frequency, not a source
    partitive = bool(words) and words[0] == "of"
    if words and words[0] in ("of", "have", "had", "also"):
        words = words[1:]
        if words and words[0] in ("them", "these", "those", "whom", "the", "his", "her", "their", "its"):
            words = words[1:]
    if words and words[0] in _SAY_VERBS:
        return "hedge", "weasel"  # "many believe", "some have argued"
    if any(w in _HUMAN for w in words[:3]):
        return "hedge", "weasel"  # "some critics", "many of the observers"
    if form in ("some", "many", "several") and words and _is_plural(words[0]):
        return "hedge", "vague quantifier"
    if form in ("some", "many"):
        raw_prev = _tokens_before(text, start, 1)
        if not raw_prev or raw_prev[-1] in _CLAUSE_START or _at_sentence_start(text, start):
            return "hedge", "vague quantifier"  # heads a clause subject: "Some scholars ...", "..., many consider"
        if partitive:
            return "hedge", "vague quantifier"  # an unspecified subset: "many of his works"
    return None


def _rule_vague_subject(text: str, start: int, end: int, form: str, entry: LexiconEntry) -> tuple[str, str] | None:
    prev = _words(_tokens_before(text, start, 1))
    if prev and (prev[-1] in _DET or prev[-1] in ("some", "many", "most", "several", "the", "and")):
        return None
    nxt = [w for w in _words(_tokens_after(text, end, 4)) if w not in _SKIP and w not in ("have", "had", "has")]
    if nxt and nxt[0] in _SAY_VERBS:
        return "hedge", "weasel"
    if form == "critics" and nxt and nxt[0] not in ("of", "from", "at", "in", "including", "such", "like", "and"):
        return "hedge", "weasel"  # bare "critics" as a subject: a source nobody can check
    return None


def _by_agent(nxt: list[str]) -> str | None:
    """The word after a following "by", if any ("believed by many" -> "many")."""
    return nxt[1] if len(nxt) > 1 and nxt[0] == "by" else None


def _rule_epistemic_verb(text: str, start: int, end: int, form: str, entry: LexiconEntry) -> tuple[str, str] | None:
    raw_prev = _words(_tokens_before(text, start, 6))
    prev = _skip_back(raw_prev)
    nxt = _words(_tokens_after(text, end, 4))
    subj = prev[-1] if prev else ""
    lemma = form[:4]
    if lemma == "assu" and nxt and nxt[0] in _ASSUMED_OBJECTS:
        return None  # "assumed office": took on, not supposed
    if raw_prev and raw_prev[-1] in ("with", "in", "this") and lemma == "rega":
        return None  # "with regard to", "in this regard"
    if subj in _FIRST or (subj in ("am", "'m", "’m") and len(prev) > 1 and prev[-2] == "i"):
        return "hedge", "epistemic verb (first person)"
    if subj in _BE:
        agent = _by_agent(nxt)
        if agent is None or agent in ("some", "many", "most", "others", "critics", "several"):
            return "hedge", "weasel"
        return "attribution", "attribution of belief"
    if _unnamed_source(prev):
        return "hedge", "weasel"  # "analysts believe", "Western officials think"
    if _vague_source_cued(prev):
        return "attribution", "attribution of belief"  # "many believe": "many" is the weasel cue
    participle = form.endswith("ed") or form == "thought"
    if participle and nxt and nxt[0] in ("to", "as") and subj not in _PRONOUN:
        return "hedge", "weasel"  # reduced passive: "a man thought to be", "a book regarded as"
    if subj in _DET or not subj:
        return None  # noun use ("Western thought", "the expected ...") or no subject at all
    if form == "thought" and subj not in _PRONOUN and not (nxt and nxt[0] in ("that", "to", "of")):
        return None
    if form.startswith("think") and nxt and nxt[0] in ("tank", "tanks"):
        return None
    if lemma == "expe":
        return "attribution", "attribution of intent"
    return "attribution", "attribution of belief"


def _rule_first_person(text: str, start: int, end: int, form: str, entry: LexiconEntry) -> tuple[str, str] | None:
    prev = _skip_back(_words(_tokens_before(text, start, 4)))
    if prev and prev[-1] in _FIRST:
        return "hedge", "epistemic verb (first person)"
    return None


_HEARSAY = WORDS['hearsay']


def _rule_reporting(text: str, start: int, end: int, form: str, entry: LexiconEntry) -> tuple[str, str] | None:
    prev = _skip_back(_words(_tokens_before(text, start, 4)))
    nxt = _words(_tokens_after(text, end, 3))
    subj = prev[-1] if prev else ""
    if subj in _BE and form.endswith(("ed", "id", "ld", "ote")):
        if form not in _HEARSAY:
            return None  # "was added", "was declared a saint": not a report of speech
        if _by_agent(nxt):
            return "attribution", entry.subtype
        return "hedge", "weasel"  # "is said to", "was reported that", "has been claimed"
    if form.startswith("claim") and subj in _DET:
        return None  # the noun: "land claims", "his claim to the throne"
    if _unnamed_source(prev):
        return "hedge", "weasel"  # "analysts say", "Russian officials said": nobody named
    return _keep(entry)


_QUANTIFIERS = WORDS['quantifiers']
_DEFINITE = WORDS['definite']


def _unnamed_source(prev: list[str]) -> bool:
    """The subject (last of ``prev``) is a bare plural source noun: "analysts", "Western officials".

    A definite subject ("the analysts") names its source; a quantified one ("many
    analysts") is already a weasel cue on the quantifier; "critics"/"others" are cues
    themselves (rule ``vague_subject``).
    """
    if not prev or prev[-1] not in _HUMAN or prev[-1] in ("critics", "others"):
        return False
    before = [t for t in prev[:-1] if t not in _SKIP]
    return not before or (before[-1] not in _QUANTIFIERS and before[-1] not in _DEFINITE and before[-1] not in _DET)


def _vague_source_cued(prev: list[str]) -> bool:
    """The subject is a vague source already marked as a weasel ("some", "many experts", "critics")."""
    if not prev:
        return False
    subj = prev[-1]
    if subj in _QUANTIFIERS or subj in ("others", "critics"):
        return True
    return subj in _HUMAN and len(prev) > 1 and prev[-2] in _QUANTIFIERS


def _negated(text: str, start: int) -> bool:
    prev = _words(_tokens_before(text, start, 4))
    prev = [t for t in prev if t not in _SKIP or _is_negator(t)][-2:]
    return any(_is_negator(t) for t in prev)


def _rule_booster(text: str, start: int, end: int, form: str, entry: LexiconEntry) -> tuple[str, str] | None:
    return _keep(entry)  # negation is applied to every booster in find_cues


def _predicative(text: str, start: int) -> bool:
    prev = _words(_tokens_before(text, start, 5))
    for i in range(len(prev) - 1, -1, -1):
        t = prev[i].replace("’", "'")
        if t in _LINKING or (t.endswith("n't") and t[:-3] in _LINKING):
            return True  # "is clear", "isn't clear", "wasn't sure"
        if t == "it" and i > 0 and prev[i - 1] in ("made", "make", "makes", "making"):
            return True
        if not (t in _SKIP or _is_negator(t)):
            return False
    return False


def _rule_predicative(text: str, start: int, end: int, form: str, entry: LexiconEntry) -> tuple[str, str] | None:
    return _keep(entry) if _predicative(text, start) else None


def _rule_certain(text: str, start: int, end: int, form: str, entry: LexiconEntry) -> tuple[str, str] | None:
    if _predicative(text, start):
        return _keep(entry)
    nxt = _words(_tokens_after(text, end, 2))
    if nxt and nxt[0] in ("amount", "extent", "degree", "level", "number", "point", "percentage", "proportion"):
        return "hedge", "approximator"
    if nxt and nxt[0] in _HUMAN:
        return "hedge", "weasel"
    if nxt and _is_plural(nxt[0]):
        return "hedge", "vague quantifier"  # "certain controls": which ones is left unsaid
    return None


def _rule_possible(text: str, start: int, end: int, form: str, entry: LexiconEntry) -> tuple[str, str] | None:
    prev = _words(_tokens_before(text, start, 4))
    nxt = _words(_tokens_after(text, end, 1))
    blockers = {"as", "if", "where", "wherever", "whenever", "when", "every", "all"}
    if prev and (prev[-1] in blockers or prev[-1].endswith("est") or prev[-1] in ("best", "worst", "least", "most")):
        return None  # "as soon as possible", "the best possible": no likelihood
    if any(t in ("made", "make", "makes", "making") for t in prev):
        return None  # "made the project possible": enabled
    if prev and _is_number(prev[-1]) and prev[-1] != "one":
        return None  # "four possible patterns": a count of options, not a likelihood
    if _predicative(text, start) and not (nxt and nxt[0] == "that"):
        return None  # "X is possible": feasibility (root), unlike "it is possible that" and "a possible cause"
    if nxt and nxt[0] == "to":
        return None  # "it is possible to travel": ability, not likelihood
    return _keep(entry)


def _rule_supposed(text: str, start: int, end: int, form: str, entry: LexiconEntry) -> tuple[str, str] | None:
    nxt = _words(_tokens_after(text, end, 2))
    prev = _words(_tokens_before(text, start, 1))
    if nxt[:2] in (["to", "be"], ["to", "have"]):
        return _keep(entry)
    if prev and prev[-1] in ("the", "a", "an", "his", "her", "their", "its", "this"):
        return _keep(entry)
    return None


def _rule_appear(text: str, start: int, end: int, form: str, entry: LexiconEntry) -> tuple[str, str] | None:
    nxt = _words(_tokens_after(text, end, 2))
    prev = _words(_tokens_before(text, start, 1))
    if (nxt and nxt[0] in ("to", "that", "likely", "unlikely")) or nxt[:2] in (["as", "if"], ["as", "though"]):
        return _keep(entry)
    if prev and prev[-1] == "it":
        return _keep(entry)
    return None


def _rule_that(text: str, start: int, end: int, form: str, entry: LexiconEntry) -> tuple[str, str] | None:
    nxt = _words(_tokens_after(text, end, 1))
    return _keep(entry) if nxt and nxt[0] == "that" else None


RULES: dict[str, Rule] = {
    "modal": _rule_modal,
    "approximator": _rule_approximator,
    "quantifier": _rule_quantifier,
    "vague_subject": _rule_vague_subject,
    "epistemic_verb": _rule_epistemic_verb,
    "first_person": _rule_first_person,
    "reporting": _rule_reporting,
    "booster": _rule_booster,
    "predicative": _rule_predicative,
    "certain": _rule_certain,
    "possible": _rule_possible,
    "supposed": _rule_supposed,
    "appear": _rule_appear,
    "that": _rule_that,
}
