"""Hedges, boosters and attribution cues, located in the text.

The lexicon is a data file, ``analysis/data/hedge_lexicon.csv``, with columns

``cue``
    one or more forms separated by ``/`` (inflections: ``believe/believes/believed``);
    a form is a word or phrase, matched case-insensitively, whole-word, any run of
    whitespace between words, straight or curly apostrophes.
``category``
    ``hedge`` (withholds commitment), ``booster`` (expresses certainty),
    ``attribution`` (assigns a claim to a source), or ``none``: a *blocker*, a
    phrase that contains a cue word but is not a cue ("it should be noted", "make
    sure"); it is matched so that the shorter cue inside it is not.
``subtype``
    e.g. modal, epistemic verb, approximator, weasel, certainty adverb, reporting verb.
``rule``
    name of a context rule (below) deciding whether a match is a cue, and of which
    category; empty = always a cue.
``source``, ``notes``
    Hyland (2005) *Metadiscourse*; the CoNLL-2010 shared-task annotation guidelines
    (Farkas et al. 2010); or ``project`` with the reason in ``notes``.

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

Every cue is a :class:`Cue` with offsets into the text given to :func:`find_cues`.
:func:`article_cues` adds the voice ("author" or "quoted", see :mod:`analysis.voice`).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache, cached_property
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas

    from analysis.annotate.quotes import Quote
    from analysis.model import Article

CATEGORIES: tuple[str, ...] = ("hedge", "booster", "attribution")
#: Lexicon categories: the cue categories plus ``none`` (blocker phrases).
LEXICON_CATEGORIES: tuple[str, ...] = (*CATEGORIES, "none")
VOICES: tuple[str, ...] = ("author", "quoted")
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
    """One cue occurrence; ``text[start:end]`` of the analysed text is ``self.text``.

    ``voice`` is ``"author"`` or ``"quoted"`` (inside a quotation); ``speaker`` is the
    quoted speaker when known (e.g. ``"President Lukashenko"``), else ``""``.
    """

    start: int
    end: int
    text: str
    category: str
    subtype: str = ""
    voice: str = "author"
    speaker: str = ""


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

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """Case-insensitive matcher for any text (compiled on first use)."""
        return re.compile(self.source, re.IGNORECASE)

    @cached_property
    def lower_pattern(self) -> re.Pattern[str]:
        """The same matcher, case-sensitive, for ``text.lower()`` (about twice as fast as ``pattern``).

        Usable only when lower-casing keeps every offset and letter (:func:`_lowers_exactly`).
        """
        return re.compile(self.source)


#: Letters ``re.IGNORECASE`` equates with an ASCII letter that ``str.lower`` does not give.
_FOLD = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})


def _key(phrase: str) -> str:
    """Lexicon key of a phrase or match: lower case, ``'`` for ``’``, single spaces."""
    return " ".join(phrase.translate(_FOLD).lower().replace("’", "'").split())


def _trie_alternation(phrases: Iterable[str]) -> str:
    """Regex matching any of ``phrases`` (``_key`` forms), longest first, as a prefix trie.

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
    entries = []
    by_phrase: dict[str, LexiconEntry] = {}
    for row in rows:
        cat = row["category"].strip()
        if cat not in LEXICON_CATEGORIES:
            raise ValueError(f"lexicon: unknown category {cat!r} for cue {row['cue']!r}")
        rule = (row.get("rule") or "").strip()
        if rule and rule not in RULES:
            raise ValueError(f"lexicon: unknown rule {rule!r} for cue {row['cue']!r}")
        forms = tuple(_key(f) for f in row["cue"].split("/") if f.strip())
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
    return Lexicon(tuple(entries), by_phrase, rf"(?<![\w'’-])(?:{body})(?![\w'’-])")


@cache
def default_lexicon() -> Lexicon:
    """The packaged lexicon, parsed and compiled once per process."""
    with resources.files("analysis").joinpath("data/hedge_lexicon.csv").open(encoding="utf-8") as fh:
        return build_lexicon(list(csv.DictReader(fh)))


def lexicon_table(lexicon: Lexicon | None = None) -> pandas.DataFrame:
    """The lexicon as a DataFrame: cue, category, subtype, rule, source, notes (one row per entry)."""
    import pandas as pd

    lex = lexicon or default_lexicon()
    cols = ["cue", "category", "subtype", "rule", "source", "notes"]
    return pd.DataFrame([[getattr(e, c) for c in cols] for e in lex.entries], columns=cols)


# --- context -----------------------------------------------------------------------------------

_TOKEN = re.compile(r"[$£€]?\d[\d,.]*%?|[A-Za-z]+(?:['’][A-Za-z]+)*|[^\sA-Za-z0-9]")
_WINDOW = 80
#: Tokens that end the context a rule may look at (clause and sentence punctuation, quotes).
_STOP = frozenset(".!?;:\"“”()[]—–") | {"``", "''"}

_BE = frozenset("is are was were be been being am 's 're 'm ’s ’re ’m get gets got getting become became".split())
_FIRST = frozenset(["i", "we"])
_PRONOUN = frozenset("he she they it you who which one".split())
_DET = frozenset(
    "the a an this that these those his her their its our my your no any every each of in on at for with "
    "without by from to into about under such".split()
)
_NEGATORS = frozenset("not never no hardly scarcely barely nor neither".split())
#: Adverbs skipped when looking for a verb's subject or a booster's negator.
_SKIP = frozenset(
    "also still really strongly firmly truly personally genuinely honestly sincerely now long just even do does did "
    "widely generally commonly often sometimes usually traditionally popularly once originally previously "
    "mistakenly erroneously wrongly falsely initially certainly actually always already further later "
    "very quite entirely absolutely fairly so too all abundantly perfectly completely yet fully altogether "
    "at particularly immediately".split()
)
_LINKING = frozenset(
    "is are was were be been being am 's 're 'm ’s ’re ’m seems seem seemed become becomes became remain remains "
    "remained appear appears appeared feel feels felt looks look looked".split()
)
_SAY_VERBS = frozenset(
    "say says said believe believes believed think thinks thought argue argues argued claim claims claimed "
    "suggest suggests suggested consider considers considered contend contends contended maintain maintain "
    "maintained speculate speculated suspect suspected fear feared feel felt insist insisted allege alleged "
    "assert asserted regard regarded view viewed see saw describe described call called question questioned "
    "doubt doubted believe accuse accused charge charged worry worried".split()
)
#: Human or source nouns that make a quantifier a vague source ("some critics").
_HUMAN = frozenset(
    "people persons individuals critics scholars experts historians observers analysts commentators researchers "
    "scientists sources officials authors writers economists theorists reviewers academics sociologists "
    "linguists philosophers theologians biologists archaeologists journalists authorities reports accounts "
    "studies estimates others believers supporters opponents skeptics sceptics diplomats politicians "
    "lawmakers insiders residents locals fans listeners readers viewers users members groups countries "
    "governments states nations leaders citizens voters americans europeans russians westerners "
    "theories versions legends traditions stories sources witnesses investigators specialists".split()
)
_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty sixty "
    "seventy eighty ninety hundred hundreds thousand thousands million millions billion billions trillion "
    "dozen dozens half third quarter score".split()
)
_TIME_AFTER_WOULD = frozenset(
    "later eventually soon subsequently afterwards afterward often usually sometimes frequently regularly "
    "typically always like rather prefer love hate go".split()
)
_REPORTING_BEFORE_WOULD = frozenset(
    "said says told announced promised vowed pledged stated insisted declared warned added hoped decided "
    "agreed threatened".split()
)
_ASSUMED_OBJECTS = frozenset(
    "office power control command responsibility responsibilities leadership role name names title throne "
    "presidency duties position post identity form shape charge".split()
)


def _tokens_before(text: str, start: int, n: int = 6) -> list[str]:
    """Up to ``n`` lower-case tokens before ``start``, nearest last; stops at a clause/sentence break.

    Only the :data:`_WINDOW` characters before ``start`` are read.
    """
    out: list[str] = []
    for t in reversed(_TOKEN.findall(text, max(0, start - _WINDOW), start)):
        if t in _STOP:
            break
        out.append(t.lower())
        if len(out) == n:
            break
    return out[::-1]


def _tokens_after(text: str, end: int, n: int = 6) -> list[str]:
    """Up to ``n`` lower-case tokens after ``end``; stops at a clause/sentence break.

    Only the :data:`_WINDOW` characters after ``end`` are read.
    """
    out: list[str] = []
    for m in _TOKEN.finditer(text, end, end + _WINDOW):
        t = m.group()
        if t in _STOP:
            break
        out.append(t.lower())
        if len(out) == n:
            break
    return out


def _words(tokens: list[str]) -> list[str]:
    return [t for t in tokens if t[0].isalnum() or t[0] in "$£€'’"]


def _skip_back(prev: list[str]) -> list[str]:
    """``prev`` without trailing skippable adverbs and negators (so "I do not really think" -> "I")."""
    out = list(prev)
    while out and (out[-1] in _SKIP or _is_negator(out[-1]) or out[-1] == ","):
        out.pop()
    return out


def _is_negator(tok: str) -> bool:
    return tok in _NEGATORS or tok.endswith(("n't", "n’t")) or tok == "cannot"


def _is_number(tok: str) -> bool:
    return tok[0].isdigit() or tok[0] in "$£€" or tok in _NUMBER_WORDS


_IRREGULAR_PARTICIPLES = frozenset(
    "made found seen done built held given known taken shown put set cut kept sold bought told paid run read heard "
    "said left brought caught taught thought sent spent won lost born worn drawn grown thrown broken chosen spoken "
    "written eaten hidden beaten driven ridden stolen sworn torn frozen forgotten understood bound split spread".split()
)


def _is_plural(tok: str) -> bool:
    return len(tok) > 3 and tok.endswith("s") and not tok.endswith(("ss", "us", "is", "ous"))


def _is_participle(tok: str) -> bool:
    """Past participle by form: regular ``-ed`` (``used``) or a common irregular one."""
    return (tok.endswith("ed") and len(tok) > 4) or tok in _IRREGULAR_PARTICIPLES


def _at_sentence_start(text: str, start: int) -> bool:
    before = text[max(0, start - 4) : start].rstrip(" \t\"“'‘([`")
    return not before or before[-1] in ".!?\n"


# --- rules: (text, start, end, form, entry) -> (category, subtype) or None (not a cue) ----------

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


_CLAUSE_START = frozenset(
    ", and but or while whereas although though because as since that which who whom where when if "
    "however yet nor".split()
)
_TIME_NOUNS = frozenset(
    "time times years months weeks days hours minutes decades centuries seasons generations miles kilometres "
    "kilometers ways".split()
)


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


_HEARSAY = frozenset("said reported claimed argued asserted alleged rumored rumoured stated".split())


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


_QUANTIFIERS = frozenset("some many most several various numerous certain".split())
_DEFINITE = frozenset("the these those this that his her their its our my your both all each".split())


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
_FIRST_PERSON_BEFORE = re.compile(r"(?<![\w'’-])(?:I|[Ww]e)\s+$")
#: Boosters whose form holds its own negation (never flipped to a hedge).
_SELF_NEGATED = ("no ", "not ", "without ", "beyond ", "there is no", "unsurprisingly")


def _lowers_exactly(text: str, lowered: str) -> bool:
    """True when matching ``lowered`` case-sensitively finds what ``re.IGNORECASE`` finds in ``text``.

    Not so when lower-casing moves offsets ("İ" lowers to two characters) or for the
    two letters ``re.IGNORECASE`` equates with an ASCII one that ``str.lower`` keeps
    apart (dotless "ı" ~ "i", long "ſ" ~ "s").
    """
    return len(lowered) == len(text) and "ı" not in text and "ſ" not in text


def find_cues(text: str, lexicon: Lexicon | None = None) -> list[Cue]:
    """All cues in ``text``, in order, non-overlapping, longest match first.

    Offsets index into ``text``; every cue's voice is ``"author"`` (this function
    sees no quotation context; use :func:`article_cues` for voice). Empty text -> ``[]``.
    """
    lex = lexicon or default_lexicon()
    lowered = text.lower()
    matches = lex.lower_pattern.finditer(lowered) if _lowers_exactly(text, lowered) else lex.pattern.finditer(text)
    out = []
    for m in matches:
        found = m.group(0)
        entry = lex.by_phrase.get(found)
        form = found if entry is not None else _key(found)
        entry = entry or lex.by_phrase[form]
        if entry.category == "none":
            continue
        verdict = RULES[entry.rule](text, m.start(), m.end(), form, entry) if entry.rule else _keep(entry)
        if verdict is None:
            continue
        category, subtype = verdict
        if category == "booster" and not form.startswith(_SELF_NEGATED) and _negated(text, m.start()):
            category, subtype = "hedge", "negated booster"
        start = m.start()
        if subtype.endswith("(first person)"):
            pronoun = _FIRST_PERSON_BEFORE.search(text, max(0, start - 12), start)
            if pronoun and (not out or out[-1].end <= pronoun.start()):
                start = pronoun.start()  # the cue is "I believe", "we think"
        out.append(Cue(start, m.end(), text[start : m.end()], category, subtype))
    return out


def article_cues(article: Article, quotes: Sequence[Quote] | None = None) -> list[list[Cue]]:
    """Cues of every paragraph of ``article`` (one list per paragraph, same order).

    Offsets index into each paragraph's text. Cues inside a quotation (which may
    span paragraphs, see :mod:`analysis.voice`) get ``voice="quoted"`` and the
    speaker when known; all others ``voice="author"``. ``quotes`` defaults to
    :func:`analysis.voice.article_quotes` (pass it to avoid computing it twice).
    """
    from analysis.annotate.quotes import article_quotes, quotes_by_paragraph

    quotes = article_quotes(article) if quotes is None else quotes
    out: list[list[Cue]] = []
    for p, inside in zip(article.paragraphs, quotes_by_paragraph(article, quotes), strict=True):
        cues = find_cues(p.text)
        if not inside:
            out.append(cues)
            continue
        marked = []
        for c in cues:
            a, b = p.start + c.start, p.start + c.end
            q = next((q for q in inside if q.start <= a and b <= q.end), None)
            marked.append(replace(c, voice="quoted", speaker=q.speaker) if q else c)
        out.append(marked)
    return out


def cue_counts(cues: Sequence[Cue], n_words: int) -> dict[str, float | int]:
    """Counts per category and rates per 100 words (NaN rates when ``n_words`` is 0)."""
    out: dict[str, float | int] = {}
    for cat in CATEGORIES:
        n = sum(1 for c in cues if c.category == cat)
        out[_PLURAL[cat]] = n
        out[f"{_PLURAL[cat]}_per_100w"] = 100.0 * n / n_words if n_words else float("nan")
    return out


# --- unhedged predictions -----------------------------------------------------------------------

_FUTURE_SOURCE = (
    r"(?<![\w'’-])(?:will|shall|won['’]t|(?:is|are|['’]s|['’]re)\s+(?:going|set|bound|poised|due)\s+to)(?![\w'’-])"
)
_FUTURE = re.compile(_FUTURE_SOURCE, re.IGNORECASE)
_FUTURE_LOWER = re.compile(_FUTURE_SOURCE)  # for text.lower(), as in find_cues
_CONDITIONAL = re.compile(r"(?<![\w'’-])(?:if|unless|whether)(?![\w'’-])", re.IGNORECASE)
_PREDICTION_SOURCES = re.compile(
    r"(?<![\w'’-])(?:forecasts?|forecasted|predicts?|predicted|projects|projected|hopes?|hoped|fears?|feared"
    r"|expects?|expected|estimates?|estimated|believes?|warns?|warned|insists?|insisted|promises?|promised|vows?"
    r"|vowed|pledges?|pledged|plans?|planned|intends?|intended|wants?|wanted)(?![\w'’-])",
    re.IGNORECASE,
)
_NOT_MODAL_WILL = frozenset("the a an his her their its our my your free political good ill own popular of".split())


#: Words one of which every :data:`_FUTURE` match contains (lower case).
_FUTURE_WORDS = ("will", "shall", "won", "going", "set", "bound", "poised", "due")


def _may_predict(text: str) -> bool:
    """True when ``text`` has a :data:`_FUTURE` match; substring tests rule most text out first."""
    lowered = text.lower()
    if not _lowers_exactly(text, lowered):
        return _FUTURE.search(text) is not None
    return any(w in lowered for w in _FUTURE_WORDS) and _FUTURE_LOWER.search(lowered) is not None


def is_prediction(sentence: str) -> bool:
    """True when ``sentence`` has a future construction about a third party.

    Future constructions: "will/shall/won't + verb", "is going/set/bound/poised/due
    to". Not counted: the noun "will" ("the political will"), first or second
    person subjects ("I will", "we will", "you will": promises, not predictions),
    conditional sentences ("if/unless ...": the prediction is conditioned, not
    asserted; "If you sell food, the company will take 4%" is a rule) and questions.
    "was due to"/"was set to" is a past plan, not a prediction.
    """
    futures = list(_FUTURE.finditer(sentence))
    if not futures or _CONDITIONAL.search(sentence) or sentence.rstrip(" \"”’)").endswith("?"):
        return False  # nothing about the future, conditioned, or asked rather than asserted
    for m in futures:
        prev = _skip_back(_words(_tokens_before(sentence, m.start(), 3)))
        nxt = _words(_tokens_after(sentence, m.end(), 1))
        if m.group(0).lower() == "will" and ((prev and prev[-1] in _NOT_MODAL_WILL) or not nxt or nxt[0] == "of"):
            continue
        if prev and prev[-1] in ("i", "we", "you"):
            continue
        return True
    return False


def article_unhedged_predictions(
    article: Article, cues: Sequence[Sequence[Cue]] | None = None, quotes: Sequence[Quote] | None = None
) -> list[list[int]]:
    """Per paragraph, indices of sentences that predict a third party's future unhedged.

    Only the author's words count: quoted text is blanked out before looking for a
    future construction (a quoted prediction is the speaker's); a sentence with an
    attribution cue or a verb crediting the forecast to someone ("forecast",
    "hopes", "warns", "expects", "plans") is reported, not asserted. A sentence with
    any hedge cue is hedged. ``cues`` defaults to :func:`article_cues`.
    """
    from analysis.annotate.quotes import article_quotes, quotes_by_paragraph

    quotes = article_quotes(article) if quotes is None else quotes
    cues = article_cues(article, quotes) if cues is None else cues
    out: list[list[int]] = []
    for p, pcues, inside in zip(article.paragraphs, cues, quotes_by_paragraph(article, quotes), strict=True):
        author_text = p.text
        for q in inside:  # blank quoted text, keeping offsets
            a, b = max(q.start, p.start) - p.start, min(q.end, p.end) - p.start
            author_text = author_text[:a] + " " * (b - a) + author_text[b:]
        hits = []
        if _may_predict(author_text):  # most paragraphs predict nothing: skip the sentence checks
            for s in p.sentences:
                sentence = author_text[s.start : s.end]
                if not is_prediction(sentence) or _PREDICTION_SOURCES.search(sentence):
                    continue
                # a hedged prediction is not unhedged; one credited to a source ("Oxfam has
                # forecast that ...", "he said prices will rise") is reported, not asserted
                if not any(s.start <= c.start < s.end and c.category in ("hedge", "attribution") for c in pcues):
                    hits.append(s.index)
        out.append(hits)
    return out


# --- per-paragraph voice columns (used by analysis.metrics) --------------------------------------

VOICE_COLUMNS: tuple[str, ...] = ("quoted_share", "author_hedges", "author_boosters", "unhedged_predictions")


def voice_metrics(
    article: Article, cues: Sequence[Sequence[Cue]] | None = None, quotes: Sequence[Quote] | None = None
) -> list[dict[str, float | int]]:
    """Per paragraph: :data:`VOICE_COLUMNS` (quoted word share, author-only counts, unhedged predictions).

    ``quoted_share`` is words inside quotation marks / all words (0..1, NaN for a
    paragraph without words); the counts are integers. ``cues`` defaults to
    :func:`article_cues`.
    """
    from analysis.annotate.quotes import article_quotes, quoted_words, quotes_by_paragraph

    quotes = article_quotes(article) if quotes is None else quotes
    cues = article_cues(article, quotes) if cues is None else cues
    predictions = article_unhedged_predictions(article, cues, quotes)
    out: list[dict[str, float | int]] = []
    for p, pcues, preds, inside in zip(
        article.paragraphs, cues, predictions, quotes_by_paragraph(article, quotes), strict=True
    ):
        n_in, n_all = quoted_words(p.text, p.start, inside)
        out.append(
            {
                "quoted_share": n_in / n_all if n_all else float("nan"),
                "author_hedges": sum(1 for c in pcues if c.category == "hedge" and c.voice == "author"),
                "author_boosters": sum(1 for c in pcues if c.category == "booster" and c.voice == "author"),
                "unhedged_predictions": len(preds),
                "_quoted_words": n_in,
                "_words": n_all,
            }
        )
    return out


def body_voice_metrics(article: Article, rows: Sequence[dict[str, float | int]]) -> dict[str, float | int]:
    """Article-level :data:`VOICE_COLUMNS` over the body paragraphs (``rows`` from :func:`voice_metrics`).

    Counts are summed; ``quoted_share`` is quoted body words / body words (NaN with no body).
    """
    body = [r for p, r in zip(article.paragraphs, rows, strict=True) if p.is_body]
    n_in = sum(int(r["_quoted_words"]) for r in body)
    n_all = sum(int(r["_words"]) for r in body)
    out: dict[str, float | int] = {"quoted_share": n_in / n_all if n_all else float("nan")}
    for col in VOICE_COLUMNS[1:]:
        out[col] = sum(int(r[col]) for r in body)
    return out
