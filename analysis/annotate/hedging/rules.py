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
    to") stay epistemic hedges. "would" is a hedge only where it softens the speaker's
    own verb of saying or thinking into a tentative claim (``would_softened`` after
    I/we: "I would say", "we would argue"; Hyland 2005); in "it would seem", "this would
    suggest" the verb is the hedge, counted once; a plain hypothetical ("losing Belarus
    would be a danger") says what happens in a supposed world, without doubt about it.
    Nor is it one before
    ``later/eventually/soon/often/usually/like/rather`` or after "later" (narrative,
    habitual, volitional); in an indirect question ("asked whether he would"); in a
    sentence holding a condition (``conditional``: if, unless, otherwise, without; or
    an inverted one, a sentence opening with "had", ``had/were`` + a subject pronoun
    or a clause-initial ``had/were/should`` + a determiner: "would have won had he
    run", "Were it not for ...") it is the conditional's consequence, which newswire
    annotators do not mark; after a reporting verb anywhere earlier in the sentence
    ("officials said on Monday that they would ...") or before a tag attribution
    (", officials said") it is backshifted reported speech. So "Officials said it
    was fine" and "officials said they would focus" get the same cue: the
    attribution or weasel on "said", no hedge (``reporting_before_would`` also holds
    verbs of belief: "Trump believed he would win" is reported thought). Nor is
    "would" a hedge in a question or request ("Would you all encourage him!") or in
    a relative clause stating what a proposal does (``proposal_nouns``: "legislation
    that would repeal the measure"). "will" is not in the lexicon (a future is not a
    hedge).
``should``
    "should" is overwhelmingly deontic (advice, obligation) in news: a hedge only
    when epistemic, with a non-personal pronoun subject (``thing_pronouns``) and a
    verb of outcome (``should_outcomes``): "this should help", "it should mean"; or a
    subject that names no person and "be" + an outcome adjective
    (``outcome_adjectives``: "the race should be close", "results should be known by
    Tuesday"; Coates 1983: epistemic "should" is a reasonable expectation).
``approximator``
    "about/around/roughly/almost/nearly" only before a number or quantity ("about 300",
    "around half", "about an hour": one unit of a ``time_nouns`` measure); "almost/nearly"
    also before a universal ("almost every county", "nearly all"). "He nearly fell" is no
    cue. ``or_so``: "or so" after a number ("30 or so pastors").
``quantifier``
    "some 20" is an approximator; "some/many/most/several people/critics/experts",
    "many believe" and a quantifier + any plural + a saying verb ("many contractors
    say") are weasels (a vague source); "some/many/several" before a plural noun,
    heading a clause, or partitive ("many of his works") are vague quantifiers
    (CoNLL-2010 weasels: how many is left unsaid); durations and measures ("for many
    years", "as many as") and "some bread" are no cue. Not cues either: "some/many/several"
    in object position ("took some shots", "took several questions", "embrace some of his
    priorities": "some" there is the plural indefinite article, unstressed "sm", Quirk et
    al. 1985), which say how many, not who claims; and a quantifier heading the
    object of a preposition ("the frustration of many Americans", "in certain places"), a
    quantity rather than the source of a claim ("from many analysts", "according to
    many" stay vague sources).
``vague_subject``
    "others" only as the subject of a saying or believing verb; "critics" as a bare
    subject ("critics say", "critics attack"), not "critics of the plan".
``epistemic_verb``
    believe/think/expect/consider/regard/assume...: first person ("I believe") is a
    hedge of that speaker; agentless passive ("is believed", "is widely regarded as",
    "a man thought to be") or an unnamed source ("analysts think", see ``reporting``)
    is a weasel hedge; a specific subject ("Lukashenko expects to get", "he
    believes") is attribution (of intent / of belief); a noun use ("Western
    thought", "in this regard") is no cue. "I continue to believe" (through a control
    verb) is first person; "think of/about" (a thing, not a proposition) is no cue; a
    reduced passive after a comma ("the vote, expected next week") and "by" + a time
    (``time_words``: "expected by midnight") have no agent, so they are weasels. Not
    cues either: "believe" + a person or thing trusted ("I believe them this time", "I believe you.", "believe in God";
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
    inside a sentence elsewhere in the text. After a title abbreviation (``honorifics``:
    "Mr. Sanders said", "Sen. Cruz said") and as the speaker tag after a quotation
    ('"...." Sanders said') the capitalised word is a name. (A lone surname such as "Sanders said"
    opening a text that never names him otherwise is read as a plural: a known
    limit.) After an article or possessive the word is a noun or adjective ("the
    recommended dose"); "claim(s)" is the noun after a determiner, before
    "of/was/were/is/are/has/have/had/against", or as "a (bold) claim"; "argue
    about/with/over" is a quarrel. "warn" and "recommend" are reporting verbs
    ("experts warn": a weasel).
``evidential``
    "suggest/indicate": evidence that suggests a conclusion is an epistemic hedge
    (``evidence_subjects``: "the results suggest", "polls indicate", ", suggesting
    that"), and so is the speaker's own "I/we suggest"; a person or body that suggests
    puts forward a claim of their own, so the verb reports it (attribution: "He's
    suggesting that delegates ... should flip", "the campaign suggested",
    ``person_subjects``); an agentless passive ("it was suggested") and an unnamed
    source ("analysts suggest") are weasels. "indicate" with another subject hedges only
    before "that" ("indicated his support" is no cue).
``presumed``
    not before a title noun (``title_nouns``: "the presumed Republican nominee" is a title).
``chance``
    "chance(s) that/of" in its probability sense is an epistemic noun ("the remote chance
    that she may be indicted", "his chance of winning"); "no/zero chance" denies the
    possibility (no cue); "a chance to" (opportunity) is not in the lexicon.
``kind_of``
    the adverb "kind of/sort of" (Lakoff 1973: "it's kind of silly") is a hedge; after a
    determiner (``kind_determiners``: "a kind of bird", "what kind of") it is the noun.
``unknown``
    predicative, or before a noun of amount, cause, place or identity (``unknown_nouns``:
    "an unknown number of", "for unknown reasons"); "a relatively unknown candidate" is
    obscure, no cue.
``apprehension``
    "fear/worry/suggestion" before a clause, with or without "that" ("fears that the dam
    could break", "officials worry the deal could collapse", "the worry is that", "any
    suggestion he had lied"); "worried about his son", "worried voters" are emotions.
``dont_know``
    "don't know" of the speaker (I/we) before a question word or at a clause end.
``predicative``
    "clear/obvious/sure" only after a linking verb ("is clear", "I am sure",
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
    only before "that" (for custom lexicons; the packaged one uses the rules above).
``possible``
    likelihood, also predicative ("it's possible", "a deal is possible"); not ability
    ("possible to travel"), enabling ("made possible"), "as soon as possible", "the best
    possible", a count of options ("four possible patterns") or "every delegate possible".
``supposed``, ``appear``
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
    at_sentence_start,
    is_negator,
    is_number,
    is_plural,
    sentence_tokens,
    skip_back,
    spans_before,
    tokens_after,
    tokens_before,
    word_tokens,
)
from analysis.annotate.hedging.lexicon import LexiconEntry
from analysis.annotate.hedging.words import WORDS

_ASSUMED_OBJECTS = WORDS["assumed_objects"]
_BE = WORDS["be"]
_DET = WORDS["det"]
_FIRST = WORDS["first"]
_HUMAN = WORDS["human"]
_LINKING = WORDS["linking"]
_PRONOUN = WORDS["pronoun"]
_REPORTING_BEFORE_WOULD = WORDS["reporting_before_would"]
_SAY_VERBS = WORDS["say_verbs"]
_SKIP = WORDS["skip"]
_TIME_AFTER_WOULD = WORDS["time_after_would"]
_AUX = WORDS["aux"]
_SHOULD_OUTCOMES = WORDS["should_outcomes"]
_THING_PRONOUNS = WORDS["thing_pronouns"]
_ROOT_MAY_PARTICIPLES = WORDS["root_may_participles"]
_PROPOSAL_NOUNS = WORDS["proposal_nouns"]
_OUTCOME_ADJECTIVES = WORDS["outcome_adjectives"]
_TIME_WORDS = WORDS["time_words"]
_ARTICLES = WORDS["articles"]
_ATTENUATORS = WORDS["attenuators"]
_ATTRIBUTIVE_EPISTEMIC = WORDS["attributive_epistemic"]
_AGENT_SUFFIXES = tuple(WORDS["agent_suffixes"])
_CONDITIONAL = WORDS["conditional"]
_INVERSION = WORDS["inversion"]
_NOT_PLURAL = WORDS["not_plural"]
_NOUN_FOLLOWERS = WORDS["noun_followers"]
_OBJECT_PRONOUNS = WORDS["object_pronouns"]
_PAST_MARKS = WORDS["past_marks"]
_POTENTIAL_NOUN_AFTER = WORDS["potential_noun_after"]
_SUBJECT_PRONOUNS = WORDS["subject_pronouns"]
_TRUST_ADJUNCTS = WORDS["trust_adjuncts"]
_WOULD_SOFTENED = WORDS["would_softened"]

Rule = Callable[[str, int, int, str, LexiconEntry], "tuple[str, str] | None"]


def keep(entry: LexiconEntry) -> tuple[str, str]:
    return entry.category, entry.subtype


def _rule_modal(text: str, start: int, end: int, form: str, entry: LexiconEntry) -> tuple[str, str] | None:
    nxt = word_tokens(tokens_after(text, end, 4))
    prev = word_tokens(tokens_before(text, start, 5))
    if form == "may" and text[start] == "M" and (not at_sentence_start(text, start) or (nxt and is_number(nxt[0]))):
        return None  # the month, or a name ("Theresa May")
    if form == "could" and nxt and is_negator(nxt[0]):
        return None  # inability ("could not", "could never"), not epistemic possibility
    if form == "may":
        rest = [t for t in nxt if t not in _SKIP and not is_negator(t)]
        if len(rest) > 1 and rest[0] == "be" and rest[1] in _ROOT_MAY_PARTICIPLES:
            return None  # root possibility, "may be used/combined" = "can be" (Coates 1983: passive)
    if form == "would":
        softened = [t for t in nxt if t not in _SKIP]
        if not (softened and softened[0] in _WOULD_SOFTENED and prev and prev[-1] in _FIRST):
            # hypothetical: what happens in a supposed world ("losing Belarus would be a danger"); "would not
            # say" is a refusal; in "it would seem", "this would suggest" the verb is the hedge, counted once
            return None
        rest = [t for t in nxt if t not in ("also", "then", "not")]
        if rest and rest[0] in _TIME_AFTER_WOULD:
            return None
        if any(t in ("later", "afterwards", "eventually", "subsequently") for t in prev):
            return None  # narrative future-in-the-past: "years later he would ..."
        raw_prev = tokens_before(text, start, 2)
        if (
            nxt
            and nxt[0] in _SUBJECT_PRONOUNS
            and (not raw_prev or raw_prev[-1] in _CLAUSE_START or at_sentence_start(text, start))
        ):
            return None  # a question or request ("Would you all encourage him!"): no claim to hedge
        if len(prev) > 1 and prev[-1] in ("that", "which") and prev[-2] in _PROPOSAL_NOUNS:
            return None  # what a proposal would do ("legislation that would repeal it"): its content, not a doubt
        before, after = sentence_tokens(text, start, end)
        if "whether" in before:
            return None  # inside an indirect question ("asked whether Clinton would forsake ..."): asked, not claimed
        if _conditional(before, after):
            return None  # the consequence of a conditional or counterfactual: "if ..., it would ..."
        if _reported(before, after):
            return None  # backshifted reported speech: "officials said (on Monday) they would ..."
    return keep(entry)


def _rule_should(text: str, start: int, end: int, form: str, entry: LexiconEntry) -> tuple[str, str] | None:
    prev = skip_back(word_tokens(tokens_before(text, start, 3)))
    nxt = [t for t in word_tokens(tokens_after(text, end, 3)) if t not in _SKIP]
    if prev and prev[-1] in _THING_PRONOUNS and nxt and nxt[0] in _SHOULD_OUTCOMES:
        return keep(entry)  # an expected outcome: "this should help", "it should mean higher prices"
    if nxt[:1] == ["be"] and len(nxt) > 1 and nxt[1] in _OUTCOME_ADJECTIVES and _thing_subject(text, start):
        return keep(entry)  # an expected state: "the race should be close", "results should be known by noon"
    return None  # deontic: advice or obligation ("Russia should pay", "he should be ashamed")


def _thing_subject(text: str, start: int) -> bool:
    """The subject before ``start`` is not a person: a thing pronoun or a lower-case noun that names no person."""
    spans = [(w, i) for w, i in spans_before(text, start, 4) if w[0].isalpha() and w.lower() not in _SKIP]
    if not spans:
        return False
    w, pos = spans[-1]
    low = w.lower()
    if low in _THING_PRONOUNS:
        return True
    if w[0].isupper() and not at_sentence_start(text, pos):
        return False  # a name
    if low in _FIRST or low in _PRONOUN or low in _HUMAN or low in _PERSON_SUBJECTS:
        return False
    return low not in _DET and low not in _AUX and not low[:-1].endswith(_AGENT_SUFFIXES)


def _conditional(before: list[str], after: list[str]) -> bool:
    """The sentence holds a condition: if/unless/otherwise/without, or an inverted one ("had he run")."""
    if any(t in _CONDITIONAL for t in before) or any(t in _CONDITIONAL for t in after):
        return True
    sentence = [*before, "would", *after]
    first = next((t for t in sentence if t[0].isalpha()), "")
    if first == "had":
        return True  # a sentence opening with "had" is an inverted condition: "Had Sanders won, they would ..."
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
    nxt = word_tokens(tokens_after(text, end, 3))
    if nxt[:2] == ["the", "same"] and form in ("about", "roughly", "nearly", "almost"):
        return "hedge", "approximator"  # "about the same number": an equality, approximated
    if nxt and nxt[0] in ("a", "an") and len(nxt) > 1:
        if nxt[1] + "s" in _TIME_NOUNS or nxt[1] in _FRACTIONS:
            return "hedge", "approximator"  # "about an hour", "almost a mile", "just over a quarter": approximated
        nxt = nxt[1:]
    if nxt and is_number(nxt[0]):
        return "hedge", "approximator"
    if form in ("almost", "nearly", "virtually") and nxt and nxt[0] in _UNIVERSALS:
        return "hedge", "approximator"  # "almost every demographic", "nearly all": a universal, approximated
    if form in ("almost", "nearly", "virtually") and nxt and _degree_of_a_state(text, start, form, nxt[0]):
        return "hedge", "approximator"  # "is nearly unaffordable", "a nearly insurmountable lead": a degree
    return None


def _degree_of_a_state(text: str, start: int, form: str, word: str) -> bool:
    """``word`` after "almost/nearly" is a predicative or attributive adjective (or noun): after a linking verb or an
    article, not a participle ("was nearly killed": an event that did not happen, nothing approximated)."""
    prev = word_tokens(tokens_before(text, start, 1))
    if not prev or not (prev[-1] in _BE or prev[-1] in _LINKING or prev[-1] in _ARTICLES or prev[-1] == "as"):
        return False  # "as": a predicative complement ("described the push as nearly impossible")
    if word.endswith("ed") and form == "virtually":
        return True  # "virtually deadlocked": a state, never an event that nearly happened
    # not a participle, nor an adverb ("almost certainly", "nearly always" are attenuated boosters)
    return word.isalpha() and not word.endswith(("ed", "ly")) and word not in ("always", "never") and word not in _DET


_FRACTIONS = WORDS["fractions"]
#: Universal quantifiers "almost/nearly" approximate ("almost every", "nearly all", "almost always" is a booster's).
_UNIVERSALS = frozenset(
    {
        "all",
        "every",
        "everyone",
        "everybody",
        "everything",
        "each",
        "none",
        "no",
        "nobody",
        "nothing",
        "half",
        "twice",
        "double",
        "entirely",
        "completely",
        "totally",
    }
)
_CLAUSE_START = WORDS["clause_start"]
#: Prepositions whose object a quantifier heads as a quantity, not as a source ("by", "from", "among" are left out).
_PREPOSITIONS = frozenset({"about", "at", "for", "in", "into", "of", "on", "over", "to", "under", "with", "without"})
_TIME_NOUNS = WORDS["time_nouns"]


def _rule_quantifier(text: str, start: int, end: int, form: str, entry: LexiconEntry) -> tuple[str, str] | None:
    nxt = tokens_after(text, end, 4)
    if not nxt:
        return None
    if form == "some" and is_number(nxt[0]):
        return "hedge", "approximator"
    prev = word_tokens(tokens_before(text, start, 1))
    if prev and prev[-1] in ("the", "for", "and", "at") and form == "most":
        return None  # "the most ...": a superlative
    if prev and prev[-1] in ("as", "how", "so", "too", "very"):
        return None  # "as many as", "how many": a measure phrase
    words = word_tokens(nxt)
    if words and words[0] in _TIME_NOUNS:
        return None  # "for many years", "several times": a duration or frequency, not a source
    if _object_of_preposition(text, start):
        return None  # a quantity ("the frustration of many Americans"), not the source of a claim
    partitive = bool(words) and words[0] == "of"
    if words and words[0] in ("of", "have", "had", "also"):
        words = words[1:]
        if words and words[0] in ("them", "these", "those", "whom", "the", "his", "her", "their", "its"):
            words = words[1:]
    if words and words[0] in _SAY_VERBS:
        return "hedge", "weasel"  # "many believe", "some have argued"
    if words and (words[0] in _HUMAN or (len(words) > 1 and words[1] in _HUMAN and not is_plural(words[0]))):
        # the quantified noun is a source ("some critics", "many of the observers", "some Western officials"); in
        # "several questions from residents" it is "questions", and the people are only where they come from
        return "hedge", "weasel"
    if len(words) > 1 and is_plural(words[0]) and words[1] in _SAY_VERBS:
        return "hedge", "weasel"  # "many contractors say": a vague source, whatever the noun
    if form in ("some", "many", "several") and _after_a_verb(text, start):
        # in object position a quantifier says how many, not who claims: "took some shots" (the plural indefinite
        # article, unstressed "sm"), "took several questions", "deny many independents the right to vote",
        # "embrace some of his priorities"
        return None
    if form in ("some", "many", "several") and words and is_plural(words[0]):
        return "hedge", "vague quantifier"
    if form in ("some", "many"):
        raw_prev = tokens_before(text, start, 1)
        if not raw_prev or raw_prev[-1] in _CLAUSE_START or at_sentence_start(text, start):
            return "hedge", "vague quantifier"  # heads a clause subject: "Some scholars ...", "..., many consider"
        if partitive:
            return "hedge", "vague quantifier"  # an unspecified subset: "many of his works"
    return None


def _object_of_preposition(text: str, start: int) -> bool:
    """The word at ``start`` heads the object of a preposition ("of many Americans", "in certain places"), where
    a quantifier gives a quantity, not the source of a claim ("from many analysts", "according to many" are
    sources: "by", "from", "among" are not in :data:`_PREPOSITIONS`)."""
    raw_prev = tokens_before(text, start, 2)
    return bool(raw_prev) and raw_prev[-1] in _PREPOSITIONS and raw_prev[-2:] != ["according", "to"]


def _after_a_verb(text: str, start: int) -> bool:
    """The word before ``start`` is a verb or other word that takes an object, not a preposition, determiner,
    conjunction or the start of a sentence: the quantifier stands in object position ("took some shots")."""
    raw_prev = tokens_before(text, start, 1)
    if not raw_prev or at_sentence_start(text, start):
        return False
    p = raw_prev[-1]
    if p in _SAY_VERBS or p in _REPORTING_BEFORE_WOULD:
        return False  # a clause starts after a reporting verb: "officials said some roads may stay closed"
    return p[0].isalpha() and p not in _DET and p not in _CLAUSE_START and p not in _SKIP


def _rule_vague_subject(text: str, start: int, end: int, form: str, entry: LexiconEntry) -> tuple[str, str] | None:
    prev = word_tokens(tokens_before(text, start, 1))
    if prev and (prev[-1] in _DET or prev[-1] in ("some", "many", "most", "several", "the", "and")):
        return None
    nxt = [w for w in word_tokens(tokens_after(text, end, 4)) if w not in _SKIP and w not in ("have", "had", "has")]
    if nxt and nxt[0] in _SAY_VERBS:
        return "hedge", "weasel"
    if form == "critics" and nxt and nxt[0] not in ("of", "from", "at", "in", "including", "such", "like", "and"):
        return "hedge", "weasel"  # bare "critics" as a subject: a source nobody can check
    return None


def _by_agent(nxt: list[str]) -> str | None:
    """The word after a following "by", if any ("believed by many" -> "many"); a time ("by midnight") is none."""
    if len(nxt) > 1 and nxt[0] == "by":
        agent = nxt[2] if nxt[1] == "the" and len(nxt) > 2 else nxt[1]
        return None if agent in _TIME_WORDS or agent in ("end", "then", "now") or is_number(agent) else nxt[1]
    return None


def _rule_epistemic_verb(text: str, start: int, end: int, form: str, entry: LexiconEntry) -> tuple[str, str] | None:
    raw_prev = word_tokens(tokens_before(text, start, 6))
    prev = skip_back(raw_prev)
    nxt = word_tokens(tokens_after(text, end, 4))
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
    if lemma == "thin" and nxt and nxt[0] in ("of", "about"):
        return None  # "think of/about X": imagining or considering a thing, no proposition held
    if lemma == "beli" and _trust(word_tokens(tokens_after(text, end, 3))):
        return None  # "I believe them", "believe in God": trust or faith, not a hedged claim
    if form == "expected" and tokens_before(text, start, 1) == [","] and not _by_agent(nxt):
        return "hedge", "weasel"  # a reduced passive: "the vote, expected next week, ...": nobody named
    if form in _ATTRIBUTIVE_EPISTEMIC and raw_prev and raw_prev[-1] in _ARTICLES and nxt and nxt[0] not in _DET:
        return "hedge", "epistemic adjective"  # "the expected result", "a suspected militant"
    if subj in _FIRST and len(prev) > 1 and prev[-2] in ("do", "did"):
        return None  # a question ("Do I think we can get to number one?"): nothing is claimed
    if subj in _FIRST or (subj in ("am", "'m", "’m") and len(prev) > 1 and prev[-2] == "i"):
        return "hedge", "epistemic verb (first person)"
    if subj == "to" and len(prev) > 2 and skip_back(prev[:-2])[-1:] and skip_back(prev[:-2])[-1] in _FIRST:
        return "hedge", "epistemic verb (first person)"  # "I continue to believe", "we have come to think"
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
    if not any(is_negator(t) for t in near):
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
    prev = skip_back(word_tokens(tokens_before(text, start, 4)))
    if prev and prev[-1] in _FIRST:
        return "hedge", "epistemic verb (first person)"
    return None


_HEARSAY = WORDS["hearsay"]


def _rule_reporting(text: str, start: int, end: int, form: str, entry: LexiconEntry) -> tuple[str, str] | None:
    prev = skip_back(word_tokens(tokens_before(text, start, 4)))
    nxt = word_tokens(tokens_after(text, end, 3))
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
    return keep(entry)


def _claim_noun(prev: list[str], nxt: list[str], form: str, subj: str) -> bool:
    """ "claim(s)" is the noun: after a determiner, before "of/was/were...", or in "a bold claim"."""
    if subj in _DET or (nxt and nxt[0] in _NOUN_FOLLOWERS and form in ("claim", "claims")):
        return True
    if form == "claim":  # a base-form verb needs a plural or I/you/we subject; "a (bold) claim" has none
        for t in reversed(prev[-3:]):
            if t in _ARTICLES or t in ("this", "that"):
                return True
            if is_plural(t) or t in _HUMAN or t in _PRONOUN or t in _FIRST:
                return False
    return False


_QUANTIFIERS = WORDS["quantifiers"]
_CLOSING_QUOTES = ('"', "”", "»", "''")
_DEFINITE = WORDS["definite"]


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
    spans = spans_before(text, start, 30)
    popped: list[str] = []
    while spans and (
        spans[-1][0].lower() in _SKIP
        or spans[-1][0].lower() in ("have", "has", "had", ",")
        or is_negator(spans[-1][0].lower())
    ):
        popped.append(spans.pop()[0].lower().replace("’", "'"))
    if any(w in _SINGULAR_AUX for w in popped):
        return False  # "Sanders has said", "Sanders hasn't said": a singular subject, so a name or one person
    if popped and popped[0] == ",":
        # the verb follows a parenthesis ("Sanders, whose coalition includes independents, said"): the subject
        # is the word before its opening comma, not the last noun inside it
        opening = [i for i, (w, _) in enumerate(spans) if w == ","]
        if not opening:
            return False
        inside = spans[opening[-1] + 1 : opening[-1] + 2]
        if inside and inside[0][0].lower() in _ARTICLES:
            return False  # an appositive describes one subject: "Sanders, the senator from Vermont, said"
        spans = spans[: opening[-1]]
    spans = spans[-10:]
    if not spans:
        return False
    word, pos = spans[-1]
    low = word.lower()
    if low in ("critics", "others") or not low.isalpha():
        return False
    if low not in _HUMAN:
        if not is_plural(low) or low in _NOT_PLURAL or not low[:-1].endswith(_AGENT_SUFFIXES):
            return False  # not a plural person noun: "tests confirmed", "Jones said"
        if form.endswith("s") and not form.endswith("ss"):
            return False  # "Sanders says": a singular verb, so a singular subject (a name)
        if word[0].isupper():
            if text[max(0, pos - 4) : pos].rstrip().endswith(_CLOSING_QUOTES):
                return False  # the speaker tag after a quotation ('"...." Sanders said'): a name
            if not at_sentence_start(text, pos):
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


_SINGULAR_AUX = WORDS["singular_aux"]


def _capitalised_inside_a_sentence(text: str, word: str, pos: int) -> bool:
    """``word`` (as written) occurs elsewhere in ``text`` not at a sentence start (so it is a name)."""
    for m in re.finditer(rf"(?<![\w'’-]){re.escape(word)}(?![\w'’-])", text):
        if m.start() != pos and not at_sentence_start(text, m.start()):
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


def is_negated(text: str, start: int) -> bool:
    prev = word_tokens(tokens_before(text, start, 4))
    prev = [t for t in prev if t not in _SKIP or is_negator(t)][-2:]
    return any(is_negator(t) for t in prev)


def is_attenuated(text: str, start: int) -> int | None:
    """Offset of "almost/nearly" right before a booster ("almost certainly"), else ``None``."""
    spans = spans_before(text, start, 1)
    if spans and spans[-1][0].lower() in _ATTENUATORS:
        return spans[-1][1]
    return None


def _rule_booster(text: str, start: int, end: int, form: str, entry: LexiconEntry) -> tuple[str, str] | None:
    return keep(entry)  # negation is applied to every booster in find_cues


_CONTRACTED_SUBJECTS = _FIRST | _PRONOUN | {"that", "there", "what"}


def _predicative(text: str, start: int) -> bool:
    prev = word_tokens(tokens_before(text, start, 5))
    for i in range(len(prev) - 1, -1, -1):
        t = prev[i].replace("’", "'")
        if t in _LINKING or (t.endswith("n't") and t[:-3] in _LINKING):
            return True  # "is clear", "isn't clear", "wasn't sure"
        if "'" in t and t.split("'")[1] in ("m", "re", "s") and t.split("'")[0] in _CONTRACTED_SUBJECTS:
            return True  # "I'm sure", "it's clear", "we're convinced"
        if t == "it" and i > 0 and prev[i - 1] in ("made", "make", "makes", "making"):
            return True
        if not (t in _SKIP or is_negator(t)):
            return False
    return False


def _rule_predicative(text: str, start: int, end: int, form: str, entry: LexiconEntry) -> tuple[str, str] | None:
    return keep(entry) if _predicative(text, start) else None


def _rule_certain(text: str, start: int, end: int, form: str, entry: LexiconEntry) -> tuple[str, str] | None:
    if _predicative(text, start):
        return keep(entry)
    nxt = word_tokens(tokens_after(text, end, 2))
    if nxt and nxt[0] in ("amount", "extent", "degree", "level", "number", "point", "percentage", "proportion"):
        return "hedge", "approximator"
    if _object_of_preposition(text, start):
        return None  # "in certain places": a quantity, not a source
    if nxt and nxt[0] in _HUMAN:
        return "hedge", "weasel"
    if nxt and is_plural(nxt[0]):
        return "hedge", "vague quantifier"  # "certain controls": which ones is left unsaid
    return None


def _rule_convinced(text: str, start: int, end: int, form: str, entry: LexiconEntry) -> tuple[str, str] | None:
    if not _predicative(text, start):
        return None  # "convinced him to stay": persuaded, no stance
    prev = [t.replace("’", "'") for t in skip_back(word_tokens(tokens_before(text, start, 5)))]
    if prev and prev[-1] in ("i'm", "we're"):
        return "booster", "certainty adjective (first person)"
    if len(prev) > 1 and prev[-1] in _LINKING and prev[-2] in _FIRST:
        return "booster", "certainty adjective (first person)"  # "I am convinced", "we remain convinced"
    return "attribution", "attribution of belief"  # "he is convinced that": his certainty, reported


def _rule_stance_adverb(text: str, start: int, end: int, form: str, entry: LexiconEntry) -> tuple[str, str] | None:
    raw_prev = tokens_before(text, start, 1)
    nxt = tokens_after(text, end, 1)
    if not raw_prev or raw_prev[-1] in _CLAUSE_START or at_sentence_start(text, start):
        return keep(entry)  # a sentence adverb: "Frankly, ...", "but honestly it ..."
    if nxt and nxt[0] == ",":
        return keep(entry)  # parenthetical: "The plan, frankly, failed"
    p = raw_prev[-1].replace("’", "'")
    if p in _BE or p in _LINKING or p in _AUX or p in _PRONOUN or p in _FIRST or p.endswith("n't"):
        return keep(entry)  # before the predicate: "it is plainly wrong", "I honestly don't know"
    return None  # after its verb, a manner adverb: "spoke frankly", "answered honestly"


def _rule_potential(text: str, start: int, end: int, form: str, entry: LexiconEntry) -> tuple[str, str] | None:
    nxt = tokens_after(text, end, 1)
    if not nxt or not (nxt[0][0].isalpha() or is_number(nxt[0])) or nxt[0] in _POTENTIAL_NOUN_AFTER or nxt[0] in _BE:
        return None  # the noun: "the potential for growth", "its potential is", "full potential."
    return keep(entry)  # the adjective of possibility: "a potential risk", "potential buyers"


def _rule_chance(text: str, start: int, end: int, form: str, entry: LexiconEntry) -> tuple[str, str] | None:
    prev = word_tokens(tokens_before(text, start, 2))
    if prev and (prev[-1] in ("no", "zero") or is_negator(prev[-1])):
        return None  # "no chance that", "zero chance of": the possibility is denied, not left open
    return keep(entry)


def _rule_possible(text: str, start: int, end: int, form: str, entry: LexiconEntry) -> tuple[str, str] | None:
    prev = word_tokens(tokens_before(text, start, 4))
    nxt = word_tokens(tokens_after(text, end, 1))
    blockers = {"as", "if", "where", "wherever", "whenever", "when", "every", "all"}
    if prev and (prev[-1] in blockers or prev[-1].endswith("est") or prev[-1] in ("best", "worst", "least", "most")):
        return None  # "as soon as possible", "the best possible": no likelihood
    if any(t in ("made", "make", "makes", "making") for t in prev):
        return None  # "made the project possible": enabled
    if prev and is_number(prev[-1]) and prev[-1] != "one":
        return None  # "four possible patterns": a count of options, not a likelihood
    if len(prev) > 1 and prev[-2] in ("every", "all", "each", "any") and not _predicative(text, start):
        return None  # "every delegate possible": as many as can be had, no likelihood
    if nxt and nxt[0] == "to":
        return None  # "it is possible to travel": ability, not likelihood
    if prev[-1:] in (["what's"], ["what’s"]) or prev[-2:] in (["what", "is"], ["what", "was"]):
        return None  # "alter what's possible": the range of the achievable, not a likelihood
    return keep(entry)


_TITLE_NOUNS = WORDS["title_nouns"]


def _rule_presumed(text: str, start: int, end: int, form: str, entry: LexiconEntry) -> tuple[str, str] | None:
    nxt = [t for t in word_tokens(tokens_after(text, end, 4)) if t[0].isalpha()]
    for t in nxt[:3]:
        if t in _TITLE_NOUNS:
            return None  # "the presumed (Republican) nominee": a standard title, no claim withheld
    return keep(entry)  # "presumed dead", "the presumed killer", "is presumed to be"


_KIND_DETERMINERS = WORDS["kind_determiners"]


def _rule_kind_of(text: str, start: int, end: int, form: str, entry: LexiconEntry) -> tuple[str, str] | None:
    prev = word_tokens(tokens_before(text, start, 3))
    if prev and (prev[-1] in _KIND_DETERMINERS or prev[-1] in _ARTICLES or prev[-1] in ("same", "different", "new")):
        return None  # the noun "kind/sort" (a type): "a kind of bird", "what kind of plan", "this sort of thing"
    after_article = next((prev[i + 1 :] for i in range(len(prev) - 1, -1, -1) if prev[i] in _ARTICLES), None)
    if after_article and not any(t in _BE or t in _LINKING or t in _AUX for t in after_article):
        return None  # an article and adjectives before it: "a very special kind of ignorant" (the noun)
    nxt = word_tokens(tokens_after(text, end, 1))
    if not nxt:
        return None
    return keep(entry)  # the adverb (Lakoff 1973): "it's kind of silly", "I sort of agree"


def _rule_or_so(text: str, start: int, end: int, form: str, entry: LexiconEntry) -> tuple[str, str] | None:
    prev = word_tokens(tokens_before(text, start, 1))
    return keep(entry) if prev and is_number(prev[-1]) else None  # "30 or so pastors": approximate


_UNKNOWN_NOUNS = WORDS["unknown_nouns"]


def _rule_unknown(text: str, start: int, end: int, form: str, entry: LexiconEntry) -> tuple[str, str] | None:
    if _predicative(text, start):
        return keep(entry)  # "it is unknown whether", "remains unknown"
    nxt = word_tokens(tokens_after(text, end, 1))
    if nxt and nxt[0] in _UNKNOWN_NOUNS:
        return keep(entry)  # "an unknown number of", "for unknown reasons": the fact is not known
    return None  # "an unknown soldier", "a relatively unknown candidate": obscure, not a withheld claim


def _clause_follows(nxt: list[str]) -> bool:
    """The words after a noun or verb start a finite clause with its "that" left out: a subject pronoun or
    a determiner and noun, then a modal or auxiliary within three words ("the deal could collapse")."""
    if not nxt:
        return False
    if nxt[0] in _SUBJECT_PRONOUNS or nxt[0] == "there":
        return len(nxt) > 1 and (nxt[1] in _AUX or nxt[1] in _BE or nxt[1].endswith(("'ll", "’ll", "'d", "’d")))
    return nxt[0] in _ARTICLES and any(t in _AUX for t in nxt[2:4])


def _rule_apprehension(text: str, start: int, end: int, form: str, entry: LexiconEntry) -> tuple[str, str] | None:
    nxt = word_tokens(tokens_after(text, end, 5))
    if nxt and nxt[0] == "that":
        return keep(entry)  # "fears that the dam could break", "the suggestion that he lied"
    if nxt[:2] in (["is", "that"], ["was", "that"]):
        return keep(entry)  # "the worry is that turnout will fall"
    if _clause_follows(nxt):
        return keep(entry)  # "worried the deal could collapse", "any suggestion he had lied": "that" left out
    return None  # "worried about his son", "worried voters", "a suggestion for the menu": no possible event


_WH = frozenset({"if", "whether", "what", "how", "why", "when", "who", "where", "which"})


def _rule_dont_know(text: str, start: int, end: int, form: str, entry: LexiconEntry) -> tuple[str, str] | None:
    prev = skip_back(word_tokens(tokens_before(text, start, 3)))
    if not prev or prev[-1] not in _FIRST:
        return None  # "they don't know": a report about others' knowledge, not the speaker's hedge
    nxt = tokens_after(text, end, 1)
    if not nxt or nxt[0] in _WH or not nxt[0][0].isalnum():
        return keep(entry)  # "I don't know whether ...", "maybe there is, I don't know."
    return None  # "I don't know him": acquaintance, not uncertainty


def _rule_supposed(text: str, start: int, end: int, form: str, entry: LexiconEntry) -> tuple[str, str] | None:
    nxt = word_tokens(tokens_after(text, end, 2))
    prev = word_tokens(tokens_before(text, start, 1))
    if nxt[:2] in (["to", "be"], ["to", "have"]):
        return keep(entry)
    if prev and prev[-1] in ("the", "a", "an", "his", "her", "their", "its", "this"):
        return keep(entry)
    return None


def _rule_appear(text: str, start: int, end: int, form: str, entry: LexiconEntry) -> tuple[str, str] | None:
    nxt = word_tokens(tokens_after(text, end, 2))
    prev = word_tokens(tokens_before(text, start, 1))
    if (nxt and nxt[0] in ("to", "that", "likely", "unlikely")) or nxt[:2] in (["as", "if"], ["as", "though"]):
        return keep(entry)
    if prev and prev[-1] == "it":
        return keep(entry)
    if nxt and nxt[0].isalpha() and nxt[0] not in _DET and not nxt[0].endswith("ly") and nxt[0] not in _NOT_STATES:
        raw = tokens_after(text, end, 1)
        if raw and raw[0][0].islower():
            return keep(entry)  # "that forecast appeared accurate": a state that seems so (linking "appear")
    return None


_NOT_STATES = WORDS["appear_not_states"]
_POLLING_NOUNS = WORDS["polling_nouns"]


def _rule_likely(text: str, start: int, end: int, form: str, entry: LexiconEntry) -> tuple[str, str] | None:
    nxt = word_tokens(tokens_after(text, end, 4))
    prev = word_tokens(tokens_before(text, start, 1))
    if prev and (prev[-1] in _BE or prev[-1] in _LINKING or prev[-1] == "most"):
        return keep(entry)  # predicative: "it is likely", "seems likely", "most likely"
    if nxt and nxt[0] != "to" and any(w in _POLLING_NOUNS for w in nxt[:4]):
        return None  # the polling term: "likely Democratic primary voters" are a category of respondents
    return keep(entry)


_EVIDENCE = WORDS["evidence_subjects"]
_PERSON_SUBJECTS = WORDS["person_subjects"]
_PERSONAL_PRONOUNS = frozenset({"he", "she", "they", "you", "who"})


def _rule_evidential(text: str, start: int, end: int, form: str, entry: LexiconEntry) -> tuple[str, str] | None:
    """ "suggest/indicate": evidence suggesting a conclusion is a hedge, a person suggesting reports a claim."""
    raw = tokens_before(text, start, 5)
    prev = skip_back(word_tokens(raw))
    subj = prev[-1] if prev else ""
    base = subj.replace("’", "'").split("'")[0]
    that_follows = word_tokens(tokens_after(text, end, 1))[:1] == ["that"]
    shared_subject = (raw and raw[-1] == "," and form.endswith("ing")) or subj in ("and", "but")
    before = sentence_tokens(text, start, start)[0] if shared_subject else []
    if shared_subject and (
        any(t in _SPEECH_VERBS for t in before) or (subj in ("and", "but") and _person_opens(text, start, before))
    ):
        # the verb shares the subject of a verb of speaking before it: "Cuban complained that Cruz is too
        # principled, suggesting ...", "Hewitt argued that ..., but suggested ...": that speaker's claim
        return "attribution", "reporting verb"
    if raw and raw[-1] == "," and form.endswith("ing"):
        return keep(entry)  # ", suggesting that ...": the clause before is the evidence
    if base in _FIRST or (subj in ("am", "are", "'m", "’m", "'re", "’re") and len(prev) > 1 and prev[-2] in _FIRST):
        return "hedge", entry.subtype + " (first person)"  # "I suggest", "we're suggesting": the speaker's hedge
    if subj in _BE:
        if _by_agent(word_tokens(tokens_after(text, end, 3))):
            return "attribution", "reporting verb"
        return "hedge", "weasel"  # "it was suggested", "as has been indicated": nobody named
    if base in _PERSONAL_PRONOUNS or subj in ("of", "for", "by"):
        return "attribution", "reporting verb"  # "he's suggesting that", "accused him of suggesting": a claim reported
    if subj in _EVIDENCE:
        return keep(entry)  # "the results suggest", "polls indicate": evidence, the author's hedge
    if subj in _HUMAN or subj in _PERSON_SUBJECTS or subj.endswith(("'s", "’s")):
        return ("hedge", "weasel") if _unnamed_source(text, start, form) else ("attribution", "reporting verb")
    spans = [w for w, _ in spans_before(text, start, 6) if w[0].isalpha() and w.lower() not in _SKIP]
    if spans and spans[-1][0].isupper() and len(spans) > 1:
        return "attribution", "reporting verb"  # a name inside the sentence: "Lou Jiwei suggested"
    if form.startswith("indicat") and not that_follows:
        return None  # "indicate" without a clause: pointing, signalling ("indicated his support")
    return keep(entry)


#: Verbs of speaking or believing: one earlier in the sentence makes its subject a speaker.
_SPEECH_VERBS = WORDS["speech_verbs"] | _SAY_VERBS


def _person_opens(text: str, start: int, before: list[str]) -> bool:
    """The sentence (its lower-case tokens up to ``start``: ``before``) opens with a person: a personal pronoun, or
    a name (a capitalised singular word that is not a determiner, a thing pronoun or an evidence noun: "Trump
    blamed ... and suggested")."""
    words = [t for t in before if t[0].isalnum()]
    if not words:
        return False
    if words[0] in _PERSONAL_PRONOUNS or words[0] in _FIRST:
        return True
    spans = spans_before(text, start, 60)
    first = next(((w, i) for w, i in spans if w.lower() == words[0] and at_sentence_start(text, i)), None)
    return (
        first is not None
        and first[0][0].isupper()
        and words[0] not in _EVIDENCE
        and words[0] not in _DET
        and words[0] not in _THING_PRONOUNS
        and not is_plural(words[0])
    )


def _rule_that(text: str, start: int, end: int, form: str, entry: LexiconEntry) -> tuple[str, str] | None:
    nxt = word_tokens(tokens_after(text, end, 1))
    return keep(entry) if nxt and nxt[0] == "that" else None


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
    "likely": _rule_likely,
    "chance": _rule_chance,
    "should": _rule_should,
    "convinced": _rule_convinced,
    "stance_adverb": _rule_stance_adverb,
    "potential": _rule_potential,
    "supposed": _rule_supposed,
    "appear": _rule_appear,
    "that": _rule_that,
    "presumed": _rule_presumed,
    "kind_of": _rule_kind_of,
    "or_so": _rule_or_so,
    "unknown": _rule_unknown,
    "apprehension": _rule_apprehension,
    "dont_know": _rule_dont_know,
    "evidential": _rule_evidential,
}
