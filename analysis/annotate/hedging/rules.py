"""Context rules deciding whether a lexicon match is a cue, and of which category.

At each position the longest form wins and no character is counted twice. Rules
look at a few neighbouring words in the same text (never across a sentence end);
the word lists they consult are data (``hedge_word_classes.csv``, named below in
``code``):

``modal``
    "May" capitalised inside a sentence, or followed by a number, is the month or a
    name; "could not"/"couldn't" is inability, not a hedge; "may be" + a participle
    of using, making, naming or perceiving (``root_may_participles``: "may be used",
    "may be called") is root possibility, i.e. "can be" (Coates 1983: root "may"
    goes with the passive), while other passives ("may be delayed", "may be linked
    to") stay epistemic hedges. "would" is a hedge only outside these: before
    ``later/eventually/soon/often/usually/like/rather`` or after "later" (narrative,
    habitual, volitional); in a sentence holding a condition (``conditional``: if,
    unless, otherwise, without; or an inverted one, ``had/were`` + a subject pronoun
    or a clause-initial ``had/were/should`` + a determiner: "would have won had he
    run", "Were it not for ...") it is the conditional's consequence, which newswire
    annotators do not mark; after a reporting verb anywhere earlier in the sentence
    ("officials said on Monday that they would ...") or before a tag attribution
    (", officials said") it is backshifted reported speech. So "Officials said it
    was fine" and "officials said they would focus" get the same cue: the
    attribution or weasel on "said", no hedge. "will" is not in the lexicon (a
    future is not a hedge).
``should``
    "should" is overwhelmingly deontic (advice, obligation) in news: a hedge only
    when epistemic, with a non-personal pronoun subject (``thing_pronouns``) and a
    verb of outcome (``should_outcomes``): "this should help", "it should mean".
``approximator``
    "about/around/roughly" only before a number or quantity ("about 300", "around half").
``quantifier``
    "some 20" is an approximator; "some/many/most/several people/critics/experts",
    "many believe" and a quantifier + any plural + a saying verb ("many contractors
    say") are weasels (a vague source); "some/many/several" before a plural noun,
    heading a clause, or partitive ("many of his works") are vague quantifiers
    (CoNLL-2010 weasels: how many is left unsaid); durations and measures ("for many
    years", "as many as") and "some bread" are no cue.
``vague_subject``
    "others" only as the subject of a saying or believing verb; "critics" as a bare
    subject ("critics say", "critics attack"), not "critics of the plan".
``epistemic_verb``
    believe/think/expect/consider/regard/assume...: first person ("I believe") is a
    hedge of that speaker; agentless passive ("is believed", "is widely regarded as",
    "a man thought to be") or an unnamed source ("analysts think", see ``reporting``)
    is a weasel hedge; a specific subject ("Lukashenko expects to get", "he
    believes") is attribution (of intent / of belief); a noun use ("Western
    thought", "in this regard") is no cue. Not cues either: "believe" + a person or
    thing trusted ("I believe them this time", "I believe you.", "believe in God";
    but "believe them to be" is a judgement, and "I believe you are right" has its
    clause); a negated past expectation ("I did not expect that", "we never
    expected", "I wasn't expecting"), which reports surprise at what happened, so
    the event is not in doubt (a negated present one, "I don't expect that he will
    come", is a neg-raised prediction and stays a hedge); "than expected" (a
    comparison). Attributive "expected/suspected" after an article ("the expected
    result", "a suspected militant") is a hedge (epistemic adjective).
``first_person``
    only "I/we feel".
``reporting``
    reporting verbs are attribution; agentless passive ("is said to", "was reported")
    and an unnamed source are weasel hedges; after a quantified source ("many
    analysts say") the quantifier is the weasel and the verb stays attribution. An
    unnamed source is a bare plural subject: no determiner, possessive or
    preposition in its noun phrase, not a name. Plural: a listed source noun
    (``human``: "people", "police") or any ``-s`` plural (not ``not_plural``) whose
    singular ends like a person or agent noun (``agent_suffixes``: "contractors",
    "residents", "doctors", not "tests confirmed"). Not a name: capitalised only at a
    sentence start, not before a singular verb ("Sanders says"), and not capitalised
    inside a sentence elsewhere in the text. (A lone surname such as "Sanders said"
    opening a text that never names him otherwise is read as a plural: a known
    limit.) After an article or possessive the word is a noun or adjective ("the
    recommended dose"); "claim(s)" is the noun after a determiner, before
    "of/was/were/is/are/has/have/had/against", or as "a (bold) claim"; "argue
    about/with/over" is a quarrel. "warn" and "recommend" are reporting verbs
    ("experts warn": a weasel).
``predicative``
    "clear/obvious/sure/unknown" only after a linking verb ("is clear", "I am sure",
    "I'm sure", "it's clear", "remains unknown", "made it clear").
``convinced``
    predicative only: first person ("I am convinced", "we remain convinced") is a
    booster of that speaker, another subject ("he is convinced that") attribution of
    belief; "convinced him to stay" (persuaded) is no cue.
``stance_adverb``
    "plainly/frankly/honestly" are boosters at clause level: opening a sentence or
    clause ("Frankly, ..."), parenthetical (", frankly,"), or before the predicate
    after a subject, auxiliary or linking verb ("it is plainly wrong", "I honestly
    don't know"); after their verb they are manner adverbs ("spoke frankly",
    "answered honestly"), no cue. "honestly" stays in ``skip`` so "I honestly
    believe" is still a first-person hedge.
``potential``
    the adjective of possibility ("a potential risk", "potential buyers") is a hedge;
    the noun ("the potential for", "his full potential.") is not.
``certain``
    predicative "certain" is a booster; "certain people" a weasel; "a certain extent" an approximator.
``that``
    "indicate", "suggestion" and "fear/worry" only before "that" ("the suggestion
    that he lied", "fears that the dam could break", "residents worry that": the
    claim is put forward or apprehended, not asserted).
``possible``, ``supposed``, ``appear``
    see the lexicon notes.
``booster`` (and every booster after its own rule)
    negation within two words before ("not clear", "isn't certain", "never really
    sure", "not beyond doubt") turns a booster into a hedge (subtype ``negated
    booster``); cues that hold their own negation ("no doubt", "without doubt", "not
    surprisingly") stay boosters. "almost/nearly" right before a booster
    (``attenuators``) lower it to a hedge of high probability, the cue spanning both
    words ("almost certainly", "nearly always"; subtype ``attenuated booster``).

A first-person cue (subtype ending "(first person)") starts at its pronoun when the
pronoun, with or without "am/are" or "'m/'re", stands right before it ("I believe",
"I am convinced").

A rule is ``(text, start, end, form, entry) -> (category, subtype)`` or ``None`` (not a cue).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from analysis.annotate.hedging.context import (
    _at_sentence_start,
    _is_negator,
    _is_number,
    _is_plural,
    _sentence_tokens,
    _skip_back,
    _spans_before,
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
_AUX = WORDS['aux']
_SHOULD_OUTCOMES = WORDS['should_outcomes']
_THING_PRONOUNS = WORDS['thing_pronouns']
_ROOT_MAY_PARTICIPLES = WORDS['root_may_participles']
_ARTICLES = WORDS['articles']
_ATTENUATORS = WORDS['attenuators']
_ATTRIBUTIVE_EPISTEMIC = WORDS['attributive_epistemic']
_AGENT_SUFFIXES = tuple(WORDS['agent_suffixes'])
_CONDITIONAL = WORDS['conditional']
_INVERSION = WORDS['inversion']
_NOT_PLURAL = WORDS['not_plural']
_NOUN_FOLLOWERS = WORDS['noun_followers']
_OBJECT_PRONOUNS = WORDS['object_pronouns']
_PAST_MARKS = WORDS['past_marks']
_POTENTIAL_NOUN_AFTER = WORDS['potential_noun_after']
_SUBJECT_PRONOUNS = WORDS['subject_pronouns']
_TRUST_ADJUNCTS = WORDS['trust_adjuncts']

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
        if len(rest) > 1 and rest[0] == "be" and rest[1] in _ROOT_MAY_PARTICIPLES:
            return None  # root possibility, "may be used/combined" = "can be" (Coates 1983: passive)
    if form == "would":
        rest = [t for t in nxt if t not in ("also", "then", "not")]
        if rest and rest[0] in _TIME_AFTER_WOULD:
            return None
        if any(t in ("later", "afterwards", "eventually", "subsequently") for t in prev):
            return None  # narrative future-in-the-past: "years later he would ..."
        before, after = _sentence_tokens(text, start, end)
        if _conditional(before, after):
            return None  # the consequence of a conditional or counterfactual: "if ..., it would ..."
        if _reported(before, after):
            return None  # backshifted reported speech: "officials said (on Monday) they would ..."
    return _keep(entry)


def _rule_should(text: str, start: int, end: int, form: str, entry: LexiconEntry) -> tuple[str, str] | None:
    prev = _skip_back(_words(_tokens_before(text, start, 3)))
    nxt = [t for t in _words(_tokens_after(text, end, 3)) if t not in _SKIP]
    if prev and prev[-1] in _THING_PRONOUNS and nxt and nxt[0] in _SHOULD_OUTCOMES:
        return _keep(entry)  # an expected outcome: "this should help", "it should mean higher prices"
    return None  # deontic: advice or obligation ("Russia should pay")


def _conditional(before: list[str], after: list[str]) -> bool:
    """The sentence holds a condition: if/unless/otherwise/without, or an inverted one ("had he run")."""
    if any(t in _CONDITIONAL for t in before) or any(t in _CONDITIONAL for t in after):
        return True
    sentence = [*before, "would", *after]
    for i, t in enumerate(sentence[:-1]):
        if t not in _INVERSION:
            continue
        nxt = sentence[i + 1]
        clause_start = i == 0 or sentence[i - 1] in _CLAUSE_START
        if i and sentence[i - 1] in _SUBJECT_PRONOUNS | {"who", "which", "that"}:
            continue  # "they had it": "had" after its subject, no inversion
        if (t != "should" and nxt in _SUBJECT_PRONOUNS and nxt != "you") or (clause_start and nxt in _ARTICLES):
            return True  # "had he run", "were it not for", "Should the talks fail, ..."
    return False


def _reported(before: list[str], after: list[str]) -> bool:
    """A reporting verb introduces the clause ("said ... they would") or tags it (", officials said")."""
    if any(t in _REPORTING_BEFORE_WOULD for t in before):
        return True
    return any(t in _REPORTING_BEFORE_WOULD and "," in after[max(0, i - 4) : i] for i, t in enumerate(after))


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
    if len(words) > 1 and _is_plural(words[0]) and words[1] in _SAY_VERBS:
        return "hedge", "weasel"  # "many contractors say": a vague source, whatever the noun
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
    if lemma == "expe" and raw_prev and raw_prev[-1] == "than":
        return None  # "faster than expected": a comparison with expectations, no claim withheld
    if lemma == "expe" and _negated_past(raw_prev, form):
        return None  # "I did not expect that": surprise at what happened, the event is not in doubt
    if lemma == "beli" and _trust(_words(_tokens_after(text, end, 3))):
        return None  # "I believe them", "believe in God": trust or faith, not a hedged claim
    if form in _ATTRIBUTIVE_EPISTEMIC and raw_prev and raw_prev[-1] in _ARTICLES and nxt and nxt[0] not in _DET:
        return "hedge", "epistemic adjective"  # "the expected result", "a suspected militant"
    if subj in _FIRST or (subj in ("am", "'m", "’m") and len(prev) > 1 and prev[-2] == "i"):
        return "hedge", "epistemic verb (first person)"
    if subj in _BE:
        agent = _by_agent(nxt)
        if agent is None or agent in ("some", "many", "most", "others", "critics", "several"):
            return "hedge", "weasel"
        return "attribution", "attribution of belief"
    if _unnamed_source(text, start, form):
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


def _negated_past(raw_prev: list[str], form: str) -> bool:
    """A negated past expectation ("did not expect", "had never expected", "wasn't expecting")."""
    near = raw_prev[-4:]
    if not any(_is_negator(t) for t in near):
        return False
    if form == "expecting":
        return any(t.startswith(("was", "were")) for t in near)
    if form == "expected" and any(t in _BE for t in near):
        return False  # "is not expected to": a prediction, still a hedge
    return any(t in _PAST_MARKS for t in near) or (form == "expected" and "never" in near)


def _trust(nxt: list[str]) -> bool:
    """What follows "believe" is a person or thing trusted, not a clause ("believe them", "believe in")."""
    if not nxt:
        return False
    if nxt[0] == "in":
        return True  # "believe in democracy": faith or a value
    if nxt[0] in _OBJECT_PRONOUNS and nxt[0] != "her":
        return len(nxt) < 2 or nxt[1] not in ("to", "be")  # but "believe them to be": a judgement
    if nxt[0] in ("it", "you", "her", "this"):
        return len(nxt) < 2 or nxt[1] in _TRUST_ADJUNCTS  # "I believe you." vs "I believe you are right"
    return False


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
    if subj in _ARTICLES:
        return None  # after an article or possessive, a noun or adjective: "the recommended dose"
    if form.startswith("argu") and nxt and nxt[0] in ("about", "with", "over", "among"):
        return None  # "argue about/with": quarrel, no claim reported
    if form.startswith("claim") and _claim_noun(prev, nxt, form, subj):
        return None  # the noun: "land claims", "his claim to the throne", "a bold claim"
    if _unnamed_source(text, start, form):
        return "hedge", "weasel"  # "analysts say", "contractors say", "Russian officials said": nobody named
    return _keep(entry)


def _claim_noun(prev: list[str], nxt: list[str], form: str, subj: str) -> bool:
    """ "claim(s)" is the noun: after a determiner, before "of/was/were...", or in "a bold claim"."""
    if subj in _DET or (nxt and nxt[0] in _NOUN_FOLLOWERS and form in ("claim", "claims")):
        return True
    if form == "claim":  # a base-form verb needs a plural or I/you/we subject; "a (bold) claim" has none
        for t in reversed(prev[-3:]):
            if t in _ARTICLES or t in ("this", "that"):
                return True
            if _is_plural(t) or t in _HUMAN or t in _PRONOUN or t in _FIRST:
                return False
    return False


_QUANTIFIERS = WORDS['quantifiers']
_DEFINITE = WORDS['definite']


def _unnamed_source(text: str, start: int, form: str = "") -> bool:
    """The subject of the verb at ``start`` is a bare plural noun: "analysts", "contractors", "Western officials".

    Any plural noun counts, not only source nouns: a bare plural (no determiner, not a
    name) names nobody. A plural by form (``-s``, not ``-ss/-us/-is/-ous``, not in
    ``not_plural``) or a listed source noun (``human``: "people", "police" are not
    ``-s``). Not a name: a capitalised word inside a sentence ("Reuters", "Sanders"),
    one before a singular verb ("Jones says": agreement), one capitalised at a
    sentence start unless its singular ends like a person noun (``agent_suffixes``:
    "Contractors say", not "Jones said") and it is not capitalised inside a sentence
    elsewhere in the text. A definite subject ("the analysts", "Russia's officials")
    names its source; a quantified one ("many analysts") is already a weasel cue on
    the quantifier; "critics"/"others" are cues themselves (rule ``vague_subject``).
    """
    spans = _spans_before(text, start, 10)
    while spans and (spans[-1][0].lower() in _SKIP or spans[-1][0].lower() in ("have", "has", "had", ",")
                     or _is_negator(spans[-1][0].lower())):
        spans.pop()
    if not spans:
        return False
    word, pos = spans[-1]
    low = word.lower()
    if low in ("critics", "others") or not low.isalpha():
        return False
    if low not in _HUMAN:
        if not _is_plural(low) or low in _NOT_PLURAL or not low[:-1].endswith(_AGENT_SUFFIXES):
            return False  # not a plural person noun: "tests confirmed", "Jones said"
        if form.endswith("s") and not form.endswith("ss"):
            return False  # "Sanders says": a singular verb, so a singular subject (a name)
        if word[0].isupper():
            if not _at_sentence_start(text, pos):
                return False  # a name ("Reuters reported", "Bernie Sanders said")
            if _capitalised_inside_a_sentence(text, word, pos):
                return False  # "Sanders" at a sentence start, and elsewhere inside one: a name
    for t, _ in reversed(spans[-6:-1]):
        t = t.lower()
        if t in _CLAUSE_START:
            break
        if t in _QUANTIFIERS or t in _DEFINITE or t in _DET or t.endswith(("'s", "’s")):
            return False  # "the analysts", "Russia's officials", "many analysts"; "transfection of ... constructs"
    return True


def _capitalised_inside_a_sentence(text: str, word: str, pos: int) -> bool:
    """``word`` (as written) occurs elsewhere in ``text`` not at a sentence start (so it is a name)."""
    for m in re.finditer(rf"(?<![\w'’-]){re.escape(word)}(?![\w'’-])", text):
        if m.start() != pos and not _at_sentence_start(text, m.start()):
            return True
    return False


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


def _attenuated(text: str, start: int) -> int | None:
    """Offset of "almost/nearly" right before a booster ("almost certainly"), else ``None``."""
    spans = _spans_before(text, start, 1)
    if spans and spans[-1][0].lower() in _ATTENUATORS:
        return spans[-1][1]
    return None


def _rule_booster(text: str, start: int, end: int, form: str, entry: LexiconEntry) -> tuple[str, str] | None:
    return _keep(entry)  # negation is applied to every booster in find_cues


_CONTRACTED_SUBJECTS = _FIRST | _PRONOUN | {"that", "there", "what"}


def _predicative(text: str, start: int) -> bool:
    prev = _words(_tokens_before(text, start, 5))
    for i in range(len(prev) - 1, -1, -1):
        t = prev[i].replace("’", "'")
        if t in _LINKING or (t.endswith("n't") and t[:-3] in _LINKING):
            return True  # "is clear", "isn't clear", "wasn't sure"
        if "'" in t and t.split("'")[1] in ("m", "re", "s") and t.split("'")[0] in _CONTRACTED_SUBJECTS:
            return True  # "I'm sure", "it's clear", "we're convinced"
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


def _rule_convinced(text: str, start: int, end: int, form: str, entry: LexiconEntry) -> tuple[str, str] | None:
    if not _predicative(text, start):
        return None  # "convinced him to stay": persuaded, no stance
    prev = [t.replace("’", "'") for t in _skip_back(_words(_tokens_before(text, start, 5)))]
    if prev and prev[-1] in ("i'm", "we're"):
        return "booster", "certainty adjective (first person)"
    if len(prev) > 1 and prev[-1] in _LINKING and prev[-2] in _FIRST:
        return "booster", "certainty adjective (first person)"  # "I am convinced", "we remain convinced"
    return "attribution", "attribution of belief"  # "he is convinced that": his certainty, reported


def _rule_stance_adverb(text: str, start: int, end: int, form: str, entry: LexiconEntry) -> tuple[str, str] | None:
    raw_prev = _tokens_before(text, start, 1)
    nxt = _tokens_after(text, end, 1)
    if not raw_prev or raw_prev[-1] in _CLAUSE_START or _at_sentence_start(text, start):
        return _keep(entry)  # a sentence adverb: "Frankly, ...", "but honestly it ..."
    if nxt and nxt[0] == ",":
        return _keep(entry)  # parenthetical: "The plan, frankly, failed"
    p = raw_prev[-1].replace("’", "'")
    if p in _BE or p in _LINKING or p in _AUX or p in _PRONOUN or p in _FIRST or p.endswith("n't"):
        return _keep(entry)  # before the predicate: "it is plainly wrong", "I honestly don't know"
    return None  # after its verb, a manner adverb: "spoke frankly", "answered honestly"


def _rule_potential(text: str, start: int, end: int, form: str, entry: LexiconEntry) -> tuple[str, str] | None:
    nxt = _tokens_after(text, end, 1)
    if not nxt or not nxt[0][0].isalpha() or nxt[0] in _POTENTIAL_NOUN_AFTER or nxt[0] in _BE:
        return None  # the noun: "the potential for growth", "its potential is", "full potential."
    return _keep(entry)  # the adjective of possibility: "a potential risk", "potential buyers"


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
    "should": _rule_should,
    "convinced": _rule_convinced,
    "stance_adverb": _rule_stance_adverb,
    "potential": _rule_potential,
    "supposed": _rule_supposed,
    "appear": _rule_appear,
    "that": _rule_that,
}
