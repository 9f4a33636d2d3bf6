"""Attribution: who is responsible for each stretch of an article, the author or a source.

Two kinds of relation (after the PARC scheme, Pareti 2015):

``direct``
    words inside quotation marks (every style :mod:`analysis.voice` reads; a
    quotation running over paragraphs gives one relation per paragraph, sharing
    ``group``). The content span runs from the opening mark to just after the
    closing mark.
``reported``
    indirect speech or thought: "X said/told reporters/added/warned (that) CLAUSE",
    "X believes/thinks/fears (that) CLAUSE", "X recommends/urges Y to ...",
    "According to X, CLAUSE", "CLAUSE, according to X", "CLAUSE, X said",
    headlines "X says Y". The content is the reported clause only.

The reporting expression (``cue``: "said", "told reporters", "wrote on Twitter",
"according to") and the source mention are *not* inside the content: they are
the author's. :func:`voice_of` gives the innermost relation holding a span.

Rules (all linguistic; none names a sentence):

* **Where a reported clause ends.** At the sentence end, or where a new clause
  in the author's voice starts: ``;`` or a comma followed by a contrastive or
  concessive conjunction ("but", "yet", "whereas", "although", "though",
  "while", "when in reality", "in fact", "however"; the ``clause_break``
  words), or ", according to". "..., and that ..." continues the reported
  clause (coordinated that-clauses) and so does ", but that ..."; ", but warned
  that ..." starts a second relation of the same source (a coordinated verb
  phrase inherits the source).
* **Where it starts.** After "that" (adjuncts may stand between the verb and
  "that": "said on Friday that", "told reporters that", "argued in court last
  week that"; a full clause may not: in "said the evidence showed that ..." the
  content starts at "the evidence"); with "that" left out, at a word that can
  start a clause (determiner, pronoun, name, number, quantity such as "about
  half") followed by a finite verb within eight words ("-s"/"-ed" words inside a
  prepositional phrase do not count: "admits failings over maternity deaths" is
  no relation); at "whether/if" (reported questions: "asked whether ...");
  at the object of "recommend/urge X to ..." and "expect X to ...". A
  reporting verb right before "to" ("expects to get"), after a form of "be"
  ("is said", "It should be noted"), negated ("did not say"), or right after a
  closing quotation mark (a quote introduction) gives no reported relation.
  "The measures, he argued, were modest": the content is what follows the
  parenthetical reporting clause. "CLAUSE, officials said." / "..., polls
  suggest": the content is the clause before the comma. A relative clause with a
  subject gap ("a move analysts said could push prices up") reports the
  predicate after the verb.
* **Sources.** The subject noun phrase of the reporting verb ("a spokesman for
  the Home Office", "traders in Valka", "Lawyers for Mark Ruiz and Helen Park");
  with an appositive ("Scott Pruitt, the Republican attorney general of
  Oklahoma, said"; "The town's mayor, Janis Liepa, told") the name wins over the
  description; an -ing participle after a comma ("..., ruling that") and a verb
  after "and"/"but" take the clause subject.
* **Quotes.** Speaker from, in order: a reported clause holding the quote (a
  quoted fragment); a trailing introduction ("...," X said / said X / he said /
  X, the ..., said); a leading one ("X told reporters: ", "He added, "); a colon
  introduction without a reporting verb ("The mayor was blunt: "), whose subject
  is the source (cue ``""``); the previous quote in the same paragraph (runs of
  quotes from one speaker; a vox-pop run gives each quote its own trailing
  "said Ann, 34"); the other paragraphs of the same quotation; a relation in
  the sentence just before (same or previous paragraph); "X said/explained ..."
  opening the next sentence of the paragraph.
* **Speakers** (a small mention tracker in reading order). Names: titles,
  modifiers before titles and the possessive are stripped, and every mention of
  one person maps to the fullest name ("President Lukashenko", "Mr Lukashenko",
  "Lukashenko" -> "Alexander Lukashenko"); "Gareth and Linda Morgan" are two
  people, told apart later by "Mr"/"Mrs". **Pronoun window:** he/she go to the
  most recent *compatible* person mentioned in the current or the two previous
  paragraphs (gender from titles, gendered role nouns, a list of common first
  names, and he/she already used for that person); mentions that are sources or
  stand outside quoted/reported content and outside reporting cues ("told
  Reuters") are preferred over mentions inside someone's words. "it"/"they"
  first take the subject of the previous sentence when it agrees ("The ministry
  welcomed it. It said ...", "Some economists disagree. They think ..."),
  else a body / plural source in the same window. Nothing found: ``""`` (never a
  guess from further back). A definite role ("the mayor", "the Belarusian
  leader") goes to the person introduced with that role (title "Mayor Jane Roe"
  or appositive "Jane Roe, the mayor of ..."); "leader" also matches presidents,
  prime ministers, chancellors ...; a nationality adjective must agree with the
  person's affiliation ("President of Belarus", "Belarusian Prime Minister").
  An indefinite description ("a student") is a new, unnamed source.
* **Unnamed and generic sources keep the source as written** ("officials",
  "analysts", "the minister" when no minister was named, "a student", "her
  Republican counterpart"), with a sentence-initial capital lowered; they are
  never replaced by a guess. :func:`is_named` tells them from resolved names and
  named bodies ("Network Rail", "the Environment Agency").
  **Spokespeople**: "a spokesman for the Treasury said" has source and speaker
  "a spokesman for the Treasury" (the person is unnamed; the body stays in the
  phrase, and :func:`is_named` counts it as named because it names the body).
* Reported speech *inside* a direct quote is not split out: the quote's speaker
  owns all of it.

Word lists are data: ``analysis/data/attribution_words.csv`` (word, class,
source, notes), read once.
"""

from __future__ import annotations

import csv
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import NamedTuple

from analysis.annotate.quotes import Quote, find_quotes

__all__ = [
    "Attribution",
    "SpanIndex",
    "attributions",
    "find_attributions",
    "is_named",
    "relation_index",
    "speaker_id",
    "voice_of",
]


@dataclass(frozen=True)
class Attribution:
    """One attribution relation; all offsets index into the article text."""

    kind: str
    start: int
    end: int
    paragraph: int
    group: int
    cue: str
    cue_start: int
    cue_end: int
    source: str
    source_start: int
    source_end: int
    speaker: str


# --- word lists ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Words:
    verbs: dict[str, tuple[tuple[tuple[str, ...], str], ...]]  # first word -> ((words, class), ...)
    cls: dict[str, frozenset[str]]
    gender: dict[str, str]  # title / role noun / first name / pronoun -> "m" | "f"
    media: tuple[tuple[str, ...], ...]
    breaks: re.Pattern[str]


@cache
def _words() -> _Words:
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
    return _Words({k: tuple(v) for k, v in verbs.items()}, cls, gender, media, breaks)


# --- tokens -------------------------------------------------------------------------------------

_ACCORDING = re.compile(r",\s+according\s+to\b", re.IGNORECASE)
_TOK = re.compile(r"\w+(?:[’'\-&]\w+)*|``|''|[^\w\s]")
_QUOTE_CHARS = set('“”„«»"') | {"``", "''"}
_CLOSERS = set('”»"') | {"''"}


class _Tok(NamedTuple):
    """One token: its text and offsets, lower-cased form, whether it is a word and capitalised."""

    text: str
    start: int
    end: int
    low: str
    word: bool
    cap: bool


def _tokens(text: str, start: int, end: int) -> list[_Tok]:
    """The tokens of ``text[start:end]`` (offsets into ``text``)."""
    new = tuple.__new__  # what _Tok._make does, without its call
    return [
        new(_Tok, (t, m.start(), m.end(), t.lower(), t[0].isalnum(), t[0].isupper()))
        for m in _TOK.finditer(text, start, end)
        for t in (m.group(0),)
    ]


_POSSESSIVE = re.compile(r"[’']s$")
_SUBJECT_PRONOUNS = frozenset({"i", "you", "he", "she", "it", "we", "they"})
#: A pronoun with a contracted finite verb: "he’d", "she’ll", "they’re", "we’ve", "I’m" ("'s" is left out: possessive).
_CONTRACTED_FINITE = re.compile(r"^(?:i|you|he|she|it|we|they|there|that)[’'](?:d|ll|re|ve|m)$")
#: Words of a paragraph (to tell a title-case headline) and lower-case words (the article's vocabulary).
_PARA_WORD = re.compile(r"\b\w[\w’'-]*")
_LOWER_WORD = re.compile(r"\b[a-z][a-z’'-]*\b")


def _clean(t: str) -> str:
    """``t`` without a possessive "'s" ("Smith's" -> "Smith")."""
    return _POSSESSIVE.sub("", t) if "s" in t else t


# --- spans by offset -----------------------------------------------------------------------------


class SpanIndex:
    """Spans ``[start, end)`` with an item each; which one holds a range, in O(log n).

    Built once per article, so that asking for every cue, mention or source which span holds
    it takes time linear in the text, not quadratic in a long paragraph. The boundaries of all
    spans cut the text into elementary pieces, each covered by a fixed set of spans; a sweep
    with a heap finds the smallest covering span of every piece.
    """

    #: Spans looked at for a range that crosses a piece boundary (rare: a cue cut by a quote mark).
    FALLBACK = 64

    def __init__(self, spans: Sequence[tuple[int, int, object]]) -> None:
        import heapq

        self.spans = sorted((x for x in spans if x[1] > x[0]), key=lambda x: (x[0], x[1]))
        self.starts = [s for s, _, _ in self.spans]
        self.bounds = sorted({p for s, e, _ in self.spans for p in (s, e)})
        self.smallest: list[int] = []
        heap: list[tuple[int, int, int]] = []
        k = 0
        for x in self.bounds:
            while k < len(self.spans) and self.spans[k][0] == x:
                s, e, _ = self.spans[k]
                heapq.heappush(heap, (e - s, k, e))
                k += 1
            while heap and heap[0][2] <= x:
                heapq.heappop(heap)
            self.smallest.append(heap[0][1] if heap else -1)

    def holding(self, start: int, end: int, exclude: object = None) -> object | None:
        """The smallest item whose span holds ``[start, end)`` (other than ``exclude``), or None."""
        k = bisect_right(self.bounds, start) - 1
        if k < 0:
            return None
        i = self.smallest[k]
        if i >= 0:
            s, e, item = self.spans[i]
            if s <= start and end <= e and item is not exclude:
                return item
            if item is not exclude and (end <= e or self.bounds[min(k + 1, len(self.bounds) - 1)] >= end):
                return None
        best = None
        j = bisect_right(self.starts, start)
        for s, e, item in reversed(self.spans[max(0, j - self.FALLBACK) : j]):
            if s <= start and end <= e and item is not exclude and (best is None or e - s < best[1] - best[0]):
                best = (s, e, item)
        return best[2] if best else None


# --- mentions and entities ----------------------------------------------------------------------


@dataclass
class _Entity:
    names: list[tuple[str, ...]] = field(default_factory=list)
    gender: str = ""
    person: bool = False
    org: bool = False
    plural: bool = False
    roles: set[str] = field(default_factory=set)
    affil: set[str] = field(default_factory=set)
    label: str = ""  # unnamed source as written
    last: int = -1  # position of the latest mention

    @property
    def canonical(self) -> str:
        if self.names:
            return " ".join(max(self.names, key=len))
        return self.label


@dataclass
class _Mention:
    pos: int
    paragraph: int
    entity: _Entity
    salient: bool  # outside anyone's words, or the source of a relation


@dataclass
class _Raw:
    kind: str
    start: int
    end: int
    paragraph: int
    group: object
    cue: tuple[int, int] | None
    src: tuple[int, int] | None  # token-free character span of the source mention
    src_note: dict[str, object] = field(default_factory=dict)  # appositive/name details
    speaker: str = ""
    entity: _Entity | None = None
    inherit: _Raw | None = None


def _affil_match(mod: str, affil: set[str]) -> bool:
    m = mod.lower()
    for a in affil:
        a = a.lower()
        n = 0
        while n < min(len(a), len(m)) and a[n] == m[n]:
            n += 1
        if n >= 4:
            return True
    return False


class _Tracker:
    """Entities and their mentions, built in reading order."""

    #: Mentions a pronoun looks back over at most (within the current and two previous paragraphs).
    WINDOW = 200

    def __init__(self, text: str) -> None:
        self.text = text
        self.entities: list[_Entity] = []
        self.mentions: list[_Mention] = []
        self.by_last: dict[str, list[_Entity]] = {}  # entities by the last word of each of their names
        self.by_role: dict[str, list[_Entity]] = {}  # entities by each of their role words
        self.W = _words()

    def add(self, pos: int, para: int, ent: _Entity, salient: bool) -> None:
        self.mentions.append(_Mention(pos, para, ent, salient))
        ent.last = max(ent.last, pos)

    def find_name(self, name: tuple[str, ...], gender: str = "") -> _Entity | None:
        best = None
        for ent in self.by_last.get(name[-1], ()):
            if ent.org and len(name) == 1:
                continue
            for n in ent.names:
                if (
                    n == name
                    or (len(name) < len(n) and n[-len(name) :] == name)
                    or (len(n) < len(name) and name[-len(n) :] == n)
                ):
                    if gender and ent.gender and ent.gender != gender:
                        break
                    best = ent if best is None or self._last(ent) > self._last(best) else best
                    break
        return best

    def _last(self, ent: _Entity) -> int:
        return ent.last

    def name_entity(self, name: tuple[str, ...], gender: str, person: bool, org: bool, create: bool) -> _Entity | None:
        ent = self.find_name(name, gender)
        if ent is None:
            if not create:
                return None
            ent = _Entity(org=org)
            self.entities.append(ent)
        if name not in ent.names:
            ent.names.append(name)
            same = self.by_last.setdefault(name[-1], [])
            if ent not in same:
                same.append(ent)
        if gender and not ent.gender:
            ent.gender = gender
        if not ent.gender and not org and name[0] in self.W.gender and len(name) > 1:
            ent.gender = self.W.gender[name[0]]
        ent.person = ent.person or person
        ent.org = ent.org or org
        return ent

    def pronoun(self, pos: int, para: int, low: str) -> _Entity | None:
        W = self.W.cls
        want = "m" if low in W["pron_m"] else "f" if low in W["pron_f"] else ""
        fallback = None
        for m in reversed(self.mentions[-self.WINDOW :]):
            if m.pos >= pos:
                continue
            if m.paragraph < para - 2:
                break
            e = m.entity
            if low in W["pron_pl"]:
                ok = e.plural or (e.org and not e.person)
            elif low in W["pron_org"]:
                ok = e.org and not e.person
            else:
                ok = e.person and not e.plural and (not e.gender or e.gender == want)
            if ok:
                if m.salient:
                    return e
                fallback = fallback or e
        return fallback

    def add_roles(self, ent: _Entity, roles: set[str]) -> None:
        """Give ``ent`` the role words ``roles`` ("mayor", "finance minister"), indexed for :meth:`role`."""
        for r in roles - ent.roles:
            self.by_role.setdefault(r, []).append(ent)
        ent.roles |= roles

    def role(self, head: str, mods: list[str]) -> _Entity | None:
        leaders = self.W.cls["leader"]
        caps = [m for m in mods if m[:1].isupper()]
        best, best_key = None, None
        heads = [head, *(leaders if head in leaders else ())]
        candidates = {id(e): e for h in heads for e in self.by_role.get(h, ())}.values()
        for ent in candidates:
            if not ent.person:
                continue
            if not (head in ent.roles or (head in leaders and ent.roles & leaders)):
                continue
            agree = all(_affil_match(c, ent.affil) for c in caps) if caps else True
            if caps and not agree:
                continue
            key = self._last(ent)
            if best_key is None or key > best_key:
                best, best_key = ent, key
        return best


def _roles_of(toks: Sequence[_Tok], W: _Words) -> tuple[set[str], set[str]]:
    """Role words and affiliations in a description ("the Democratic chair of the X committee")."""
    roles: set[str] = set()
    affil: set[str] = set()
    after_prep = False
    for t in toks:
        if not t.word:
            continue
        if t.low in W.cls["np_prep"]:
            after_prep = True
            continue
        if after_prep:
            if t.cap and t.low not in W.cls["function"]:
                affil.add(_clean(t.text))
            continue
        if t.text in W.cls["title_any"] or (not t.cap and t.low not in W.cls["det"] and t.low not in W.cls["function"]):
            roles.add(_clean(t.low))
        elif t.cap and t.low not in W.cls["det"]:
            affil.add(_clean(t.text))  # nationality or body adjective: "Belarusian", "Republican"
    if len(roles) > 1:
        roles.add(" ".join(_clean(t.low) for t in toks if t.word and _clean(t.low) in roles))
    return roles, affil


# --- the finder ---------------------------------------------------------------------------------


class _Finder:
    def __init__(
        self,
        text: str,
        paragraphs: Sequence[tuple[int, int]],
        sentences: Sequence[Sequence[tuple[int, int]]],
        quotes: Sequence[Quote],
    ) -> None:
        self.text = text
        self.paragraphs = paragraphs
        self.sentences = sentences
        self.W = _words()
        self.quotes = list(quotes)
        self.pstarts = [ps for ps, _ in paragraphs]
        self.quote_index = SpanIndex([(q.start, q.end, q) for q in self.quotes])
        self.sentence_starts = [[s for s, _ in sents] for sents in sentences]
        self.content_index = SpanIndex([])
        self.cue_index = SpanIndex([])
        self.lower_vocab = set(_LOWER_WORD.findall(text))
        self.tracker = _Tracker(text)
        self.raws: list[_Raw] = []
        self.sent_list: list[tuple[int, int, list[_Tok], int]] = []
        self.sent_starts: list[int] = []

    # helpers
    def in_quote(self, pos: int) -> bool:
        return self.quote_index.holding(pos, pos + 1) is not None

    def in_content(self, pos: int, other_than: _Raw | None = None) -> bool:
        """Whether ``pos`` lies inside the content of a relation (other than ``other_than``)."""
        return self.content_index.holding(pos, pos + 1, other_than) is not None

    def is_fn(self, t: _Tok) -> bool:
        c = self.W.cls
        return t.low in c["function"] or t.low in c["det"] or t.low in c["pron"]

    def verb_at(self, toks: list[_Tok], i: int) -> tuple[str, int] | None:
        t = toks[i]
        if not t.word or t.cap and i > 0:
            return None
        for ws, c in self.W.verbs.get(t.low, ()):
            if all(i + k < len(toks) and toks[i + k].low == w for k, w in enumerate(ws)):
                return c, len(ws)
        return None

    def np_left(self, toks: list[_Tok], j: int, lo: int = 0) -> int | None:
        """Start index of a noun phrase ending at token ``j`` (inclusive), or None."""
        c = self.W.cls
        if j < lo or not toks[j].word:
            if j >= lo and toks[j].text in ("'", "’") and j > lo and toks[j - 1].low.endswith("s"):
                pass
            else:
                return None
        if toks[j].low in c["pron"] and toks[j].low not in ("her",):
            return j
        a = None
        k = j
        while k >= lo and j - k < 9:
            t = toks[k]
            if t.word:
                if t.low in c["det"]:
                    a = k
                    # "a spokesman for the Home Office": the phrase goes on before the preposition
                    if (
                        k - 2 >= lo
                        and toks[k - 1].low in self.W.cls["np_prep"]
                        and toks[k - 2].word
                        and not self.is_fn(toks[k - 2])
                        and not self.verb_at(toks, k - 2)
                    ):
                        k -= 2
                        a = k
                        continue
                    break
                if (
                    t.low == "and"
                    and a is not None
                    and toks[a].cap
                    and k > lo
                    and toks[k - 1].cap
                    and not self.is_fn(toks[k - 1])
                ):
                    k -= 1  # "Mark Ruiz and Helen Park"
                    continue
                if (
                    t.low in self.W.cls["np_prep"]
                    and a is not None
                    and k > lo
                    and toks[k - 1].word
                    and not self.is_fn(toks[k - 1])
                ):
                    k -= 1
                    continue
                stop = t.low in c["function"] or t.low in c["pron"] or self.verb_at(toks, k)
                if stop and not (t.cap and k == lo and t.low not in c["pron"] and t.low not in c["det"]):
                    break
                if t.low in c["neg"]:
                    break
                a = k
            elif (
                t.text in ("'", "’")
                and k > lo
                and toks[k - 1].low.endswith("s")
                and a is not None
                or t.text == "."
                and k > lo
                and toks[k - 1].text in c["title_any"]
            ):
                pass
            else:
                break
            k -= 1
        if a is None:
            return None
        if all(toks[x].low in c["det"] or not toks[x].word for x in range(a, j + 1)):
            return None
        return a

    def np_right(self, toks: list[_Tok], i: int) -> int | None:
        """End index (exclusive) of a noun phrase starting at token ``i``."""
        c = self.W.cls
        if i >= len(toks) or not toks[i].word:
            return None
        possessive = toks[i].low in c["det"] and i + 1 < len(toks) and toks[i + 1].word and not self.is_fn(toks[i + 1])
        if toks[i].low in c["pron"] and not possessive:
            return i + 1
        k = i
        if toks[k].low in c["det"]:
            k += 1
        start_content = k
        while k < len(toks) and k - i < 8:
            t = toks[k]
            if t.word:
                nxt = toks[k + 1] if k + 1 < len(toks) else None
                # "the Royal College of Midwives", "a group of voters" (not "Ian Porter of the Forum")
                of_noun = t.low == "of" and nxt is not None and nxt.word and not nxt.cap and not self.is_fn(nxt)
                if t.low in self.W.cls["np_prep"] and nxt is not None and (nxt.cap or of_noun) and k > start_content:
                    k += 1
                    continue
                if self.is_fn(t) or t.low.endswith("ly") or self.verb_at(toks, k) or t.low in c["finite"]:
                    break
                prev = toks[k - 1]
                if (  # after a plural head a lower-case word is its verb: "Some economists disagree"
                    k > start_content
                    and not t.cap
                    and not t.low.endswith("s")
                    and prev.word
                    and prev.low.endswith("s")
                    and not prev.low.endswith("ss")
                ):
                    break
                if t.low.endswith("ed") and not t.cap and k > start_content:
                    break
            elif (
                t.text == "."
                and k > i
                and toks[k - 1].text in c["title_any"]
                or t.text in ("'", "’")
                and toks[k - 1].low.endswith("s")
            ):
                pass
            else:
                break
            k += 1
        return k if k > start_content else None

    def clause_start_ok(self, toks: list[_Tok], k: int) -> bool:
        c = self.W.cls
        if k >= len(toks) or not toks[k].word:
            return (
                k < len(toks)
                and toks[k].text in _QUOTE_CHARS
                and k + 1 < len(toks)
                and self.clause_start_ok(toks, k + 1)
            )
        t = toks[k]
        if t.low in self.W.cls["approx"] and t.low not in c["det"]:
            ok = k + 1 < len(toks) and (toks[k + 1].text[0].isdigit() or toks[k + 1].low in ("half", "a", "one"))
            if not ok:
                return False
        elif (
            t.low in c["function"]
            and t.low not in c["clause_pron"]
            and t.low not in c["det"]
            or t.low.endswith("ly")
            or (t.low == "to")
        ):
            return False
        if _CONTRACTED_FINITE.search(t.low):
            return True  # "he’d build", "she’ll leave", "it’s": the subject carries its finite verb
        if (
            t.low in _SUBJECT_PRONOUNS
            and k + 1 < len(toks)
            and not toks[k + 1].cap
            and toks[k + 1].low.endswith(("s", "ed"))
            and not toks[k + 1].low.endswith("ss")
        ):
            return True  # "he supports", "they wanted": a subject pronoun and its verb
        saw_prep = False
        for x in range(k + 1, min(len(toks), k + 9)):
            u = toks[x]
            if u.text in (";", ":", "?", "!") or (u.text == "." and not (x > 0 and toks[x - 1].cap)):
                return False  # (a dot after a capital is an abbreviation's: "the U.S. needs")
            if u.word and u.low in self.W.cls["prep"]:
                saw_prep = True
            if u.low in c["finite"] or _CONTRACTED_FINITE.search(u.low):
                return True
            if not u.cap and u.low.endswith("ed") and not saw_prep:
                return True
            # an -s verb with its object after a prepositional phrase: "Trump's use of social media gives his ..."
            if (
                saw_prep
                and x > k + 2
                and not u.cap
                and u.low.endswith("s")
                and not u.low.endswith(("ss", "ics"))
                and x + 1 < len(toks)
                and (toks[x + 1].low in c["det"] or toks[x + 1].low in c["object_pron"])
            ):
                return True
            # a present-tense verb in -s ("the farm now supplies ..."): after the subject, before more words,
            # and not inside a prepositional phrase ("failings over maternity deaths")
            if (
                x > k + 1
                and not saw_prep
                and not u.cap
                and u.low.endswith("s")
                and not u.low.endswith("ss")
                and (toks[x - 1].word or toks[x - 1].text in _QUOTE_CHARS)
                and toks[x - 1].low not in c["det"]
                and x + 1 < len(toks)
                and toks[x + 1].word
            ):
                return True
        return False

    def clause_end(self, start: int, sent_end: int) -> int:
        m = self.W.breaks.search(self.text, start, sent_end)
        end = m.start() if m else sent_end
        m2 = _ACCORDING.search(self.text, start, end)
        if m2:
            end = m2.start()
        while end > start and self.text[end - 1].isspace():
            end -= 1
        if end > start and self.text[end - 1] in ".!?" and not (m and m.start() == end):
            end -= 1
        return end

    # --- pass 1: names ---
    def scan_names(self, pi: int, toks: list[_Tok], title_case: bool) -> None:
        W, c = self.W, self.W.cls
        tr = self.tracker
        i = 0
        n = len(toks)
        while i < n:
            t = toks[i]
            if not (t.word and t.cap):
                i += 1
                continue
            j = i
            while j < n:
                u = toks[j]
                if (
                    u.word
                    and (u.cap or (u.low in c["name_particle"]))
                    or u.text == "."
                    and j > i
                    and toks[j - 1].text in c["title_any"]
                    or u.low == "of"
                    and j + 1 < n
                    and toks[j + 1].cap
                    and j > i
                ):
                    j += 1
                else:
                    break
            run = toks[i:j]
            first_idx = i
            i = j
            det_before = first_idx > 0 and toks[first_idx - 1].low in c["det"]
            prep_before = (
                first_idx > 0
                and toks[first_idx - 1].low in c["function"]
                and toks[first_idx - 1].low not in c["name_intro"]
            )
            sent_initial = first_idx == 0 or toks[first_idx - 1].text in _QUOTE_CHARS or toks[first_idx - 1].text == "•"
            keep_title = run[0].text in c["title_any"] and len(run) > 1
            if (
                sent_initial
                and run
                and not keep_title
                and (
                    self.is_fn(run[0])
                    or run[0].low in self.lower_vocab
                    or run[0].low in c["generic"]
                    or run[0].low in c["role"]
                )
            ):
                det_before = det_before or run[0].low in c["det"]
                run = run[1:]
            while run and (run[0].low == "of" or run[0].text == "."):
                run = run[1:]
            if not run:
                continue
            words = [x for x in run if x.word]
            org = any(_clean(x.text) in c["org"] for x in words)
            # title / name split
            last_title = -1
            for k, x in enumerate(words):
                if x.text in c["title_any"]:
                    last_title = k
                elif x.low == "of":
                    break
            if org:
                name = tuple(_clean(x.text) for x in words)
                tr_ent = tr.name_entity(name, "", False, True, create=not title_case)
                if tr_ent:
                    tr.add(run[0].start, pi, tr_ent, not self.in_quote(run[0].start))
                continue
            titles = words[: last_title + 1]
            rest = words[last_title + 1 :]
            if rest and rest[0].low == "of":  # "President of Belarus": a role, not a name
                continue
            if any(x.low == "of" for x in rest):
                rest = rest[: [x.low for x in rest].index("of")]
            if not rest:
                continue
            name = tuple(_clean(x.text) for x in rest)
            gender = ""
            for x in titles:
                gender = W.gender.get(x.text, gender)
            has_title = bool(titles)
            person = has_title or (len(name) >= 2 and not det_before and not prep_before) or name[0] in c["first"]
            # close apposition "her husband Mark", "Her colleague Dev Sharma": the role noun names a person
            role_before = first_idx > 0 and toks[first_idx - 1].low in c["role"] and not toks[first_idx - 1].cap
            if role_before:
                person = True
                gender = gender or self.W.gender.get(toks[first_idx - 1].low, "")
            create = (len(name) >= 2 or has_title or role_before or name[0] in c["first"]) and person and not title_case
            ent = tr.name_entity(name, gender, person, False, create=create)
            if ent is None:
                continue
            roles, affil = _roles_of(titles, W)
            if role_before:
                roles.add(toks[first_idx - 1].low)
            self.tracker.add_roles(ent, roles)
            ent.affil |= affil
            self.appositive(toks, first_idx, j, ent)
            tr.add(rest[0].start, pi, ent, not self.in_quote(rest[0].start))
        self.coordinated(pi, toks)

    def coordinated(self, pi: int, toks: list[_Tok]) -> None:
        """Coordinated first names ("Gareth and Linda Morgan") name two people sharing the surname."""
        c = self.W.cls
        for k in range(len(toks) - 3):
            a, conj, b, s = toks[k : k + 4]
            if not (a.cap and conj.low == "and" and b.cap and s.cap and a.word and b.word and s.word):
                continue
            if self.is_fn(a) or self.is_fn(b) or (k + 4 < len(toks) and toks[k + 4].cap and toks[k + 4].word):
                continue
            if k > 0 and toks[k - 1].cap and toks[k - 1].word and not self.is_fn(toks[k - 1]):  # two full names
                continue
            if a.text in c["org"] or s.text in c["org"]:
                continue
            ent = self.tracker.name_entity((a.text, _clean(s.text)), "", True, False, create=True)
            if ent:
                self.tracker.add(a.start, pi, ent, not self.in_quote(a.start))

    def appositive(self, toks: list[_Tok], a: int, b: int, ent: _Entity) -> None:
        c = self.W.cls
        n = len(toks)
        # NAME , DESCRIPTION ,
        if b < n - 1 and toks[b].text == ",":
            k = b + 1
            if toks[k].low in c["det"] or (toks[k].text[0].isdigit()) or toks[k].low in ("who",):
                e = k
                while e < n and toks[e].text not in (",", ".", ";", ":") and e - k < 14:
                    e += 1
                ent.person = True
                if toks[k].low in c["det"]:
                    roles, affil = _roles_of(toks[k:e], self.W)
                    self.tracker.add_roles(ent, roles)
                    ent.affil |= affil
        # DESCRIPTION , NAME ,
        if a >= 2 and toks[a - 1].text == "," and b < n and toks[b].text == ",":
            k = a - 2
            s = self.np_left(toks, k)
            if s is None:
                # a title-only description: "The President of Belarus"
                s = k
                while s > 0 and toks[s - 1].text not in (",", ";", ":") and k - s < 8:
                    s -= 1
            if s is not None and (toks[s].low in c["det"] or toks[s].text in c["title_any"] or s == 0):
                roles, affil = _roles_of(toks[s : a - 1], self.W)
                if roles:
                    ent.person = True
                    self.tracker.add_roles(ent, roles)
                    ent.affil |= affil

    # --- pass 2: relations ---
    def subject_left(self, toks: list[_Tok], i: int, lo: int = 0) -> tuple[int, int, dict] | None | str:
        """Source tokens [a, b) of the verb at ``i``; "inherit" / "skip" / None."""
        c = self.W.cls
        j = i - 1
        while j >= lo and toks[j].word and (toks[j].low in c["aux"] or self.is_verb_adverb(toks[j])):
            j -= 1  # "has also said", "has long maintained", "later told"
        if j >= lo and (toks[j].low in c["neg"] or toks[j].low.endswith("n't") or toks[j].low.endswith("n’t")):
            return "skip"
        if j < lo:
            return None
        t = toks[j]
        if t.low == "to" or t.low in self.W.cls["be"]:
            return "skip"
        if t.text in _CLOSERS or (t.text == "," and j > lo and toks[j - 1].text in _CLOSERS):
            return "skip"
        if t.low in ("and", "but") or (t.text == "," and toks[i].low.endswith("ing")):
            return "inherit"
        if t.text == ",":
            # "Paul Porter, a truck driver from Ava, Mo., who ..., said": a name opening the clause, then a
            # description with commas of its own
            for m in range(lo + 1, j):
                if (
                    toks[m].text == ","
                    and toks[m - 1].cap
                    and toks[m - 1].word
                    and (toks[m + 1].low in c["det"] or toks[m + 1].low == "who" or toks[m + 1].text[0].isdigit())
                ):
                    s = self.np_left(toks, m - 1, lo)
                    if s is not None and toks[s].cap and (s == lo or toks[s - 1].text in (",", ":")):
                        return s, m, {"appos": (m + 1, j)}
                    break
            k = j - 1
            while k > lo and toks[k].text != ",":
                k -= 1
            if k > lo and toks[k].text == ",":
                s = self.np_left(toks, k - 1, lo)
                if s is not None:
                    appos = (k + 1, j)
                    return s, k, {"appos": appos}
            return None
        s = self.np_left(toks, j, lo)
        if s is None:
            return None
        if s > lo and toks[s - 1].text in _CLOSERS:
            return "skip"
        return s, j + 1, {}

    def is_verb_adverb(self, t: _Tok) -> bool:
        """An adverb between a subject and its reporting verb ("also", "later", "repeatedly", "long")."""
        return not t.cap and (t.low in self.W.cls["verb_adverb"] or (t.low.endswith("ly") and len(t.low) > 4))

    def sentence_subject(self, toks: list[_Tok]) -> tuple[int, int] | None:
        k = 0
        if toks and toks[0].word and (toks[0].low in self.W.cls["function"]) and toks[0].low not in self.W.cls["det"]:
            for x in range(min(len(toks), 7)):
                if toks[x].text == ",":
                    k = x + 1
                    break
        e = self.np_right(toks, k)
        if e is None:
            return None
        if e < len(toks) - 2 and toks[e].text == ",":
            e2 = self.np_right(toks, e + 1)
            if e2 and e2 < len(toks) and toks[e2].text == "," and toks[e + 1].cap:
                return e + 1, e2
        return k, e

    def reported_in(self, pi: int, ss: int, se: int, toks: list[_Tok]) -> None:
        c = self.W.cls
        n = len(toks)
        prev_in_sentence: _Raw | None = None
        # According to X
        has_according = self.text.find("ccording", ss, se) >= 0 or self.text.find("CCORDING", ss, se) >= 0
        for k in range(n - 1 if has_according else 0):
            if toks[k].low == "according" and toks[k + 1].low == "to" and not self.in_quote(toks[k].start):
                e = k + 2
                while e < n and toks[e].text not in (",", ".", ";", "?", "!") and e - k < 14:
                    e += 1
                if e == k + 2:
                    continue
                src = (toks[k + 2].start, toks[e - 1].end)
                cue = (toks[k].start, toks[k + 1].end)
                at_front = k == 0 or (toks[k - 1].text == "," and k <= 3)
                if at_front and e < n and toks[e].text == ",":
                    cs = toks[e + 1].start if e + 1 < n else se
                    r = _Raw("reported", cs, self.clause_end(cs, se), pi, None, cue, src)
                elif k > 0 and toks[k - 1].text == ",":
                    s0 = toks[0].start
                    r = _Raw("reported", s0, toks[k - 1].start, pi, None, cue, src)
                else:
                    continue
                if r.end > r.start:
                    self.raws.append(r)
                    prev_in_sentence = r
        verbs = self.W.verbs
        for i in range(n):
            if toks[i].low not in verbs:  # what verb_at would say first, without the call
                continue
            v = self.verb_at(toks, i)
            if v is None or self.in_quote(toks[i].start):
                continue
            cls, nw = v
            if i + nw < n and toks[i + nw].low == "to" and cls != "directive":
                continue
            subj = self.subject_left(toks, i)
            if subj is None and self.postposed(toks, i, nw, pi):
                continue  # "The race will be tight, said Dan Gerstein, director of ...": recorded there
            if subj == "skip" or subj is None:
                continue
            k = i + nw
            cue_end = toks[i + nw - 1].end
            # medium ("on Twitter", "in a statement") and addressee ("told reporters")
            med = self.medium(toks, k)
            if med:
                k, cue_end = med, toks[med - 1].end
            obj_end = None
            if cls in ("tell", "directive", "belief") and k < n and toks[k].word and toks[k].low != "that":
                e = self.np_right(toks, k)
                if e is not None and e - k <= 4:
                    obj_end = e
            content_start = None
            split_subject: _Raw | None = None
            addressee = k < n and (toks[k].low not in c["clause_pron"] or toks[k].low in c["object_pron"])
            if obj_end is not None and cls == "tell" and addressee:
                cue_end = toks[obj_end - 1].end
                k = obj_end
                med = self.medium(toks, k)
                if med:
                    k, cue_end = med, toks[med - 1].end
            # "said on Friday that", "told reporters that", "argued in court last week that": only adjuncts
            # (a preposition, adverb or time word first; no verb) stand between the verb and "that"
            adjunct_first = k < n and (
                toks[k].low == "that"
                or toks[k].low in self.W.cls["prep"]
                or toks[k].low.endswith("ly")
                or toks[k].cap
                or toks[k].low in c["aux"]
                or toks[k].low in c["time_adjunct"]
            )
            for x in range(k, min(n, k + 7)):
                if not adjunct_first:
                    break
                if toks[x].low == "that":
                    if all(toks[y].word for y in range(k, x)):
                        content_start = x + 1
                    break
                if not toks[x].word or toks[x].low in c["finite"] or self.verb_at(toks, x):
                    break
                if not toks[x].cap and toks[x].low.endswith("ed"):
                    break
            # "recommends Belarusians to use", "expect the winds to strengthen": object + to-infinitive
            directive_object = (
                cls in ("directive", "belief") and obj_end is not None and obj_end < n and toks[obj_end].low == "to"
            )
            if content_start is None and (directive_object or self.clause_start_ok(toks, k)):
                content_start = k
            if content_start is None and k < n and toks[k].low in c["wh_comp"]:
                content_start = k  # reported question: "asked whether the state had considered ..."
            gap = (
                content_start is None
                and isinstance(subj, tuple)
                and k == i + nw
                and k < n
                and toks[k].low in c["finite"]
                and subj[1] - subj[0] > 1
            )
            if gap and isinstance(subj, tuple):
                # relative clause with a subject gap: "a move [analysts said] could push prices up"
                a, b, _ = subj
                last = b - 1
                while last - 1 >= a and toks[last - 1].cap and toks[last].cap:
                    last -= 1
                subj = (last, b, {})
                content_start = k
            if content_start is not None and content_start < n:
                cs = toks[content_start].start
                r = _Raw("reported", cs, self.clause_end(cs, se), pi, None, (toks[i].start, cue_end), None)
            elif (
                isinstance(subj, tuple)
                and subj[0] >= 2
                and toks[subj[0] - 1].text == ","
                and k + 1 < n
                and toks[k].text == ","
                and toks[subj[0] - 2].text not in _CLOSERS
                and toks[k + 1].word
                and toks[k + 1].low not in ("and", "but", "adding", "saying")
            ):
                # parenthetical: "The measures, he argued, were modest" (the subject before it is reported
                # too) and "Otherwise, she said, countries may ...": the report goes on after it
                cs = toks[k + 1].start
                r = _Raw("reported", cs, self.clause_end(cs, se), pi, None, (toks[i].start, cue_end), None)
                if not self.clause_start_ok(toks, k + 1) and toks[0].start < toks[subj[0] - 1].start:
                    split_subject = _Raw(
                        "reported", toks[0].start, toks[subj[0] - 2].end, pi, None, (toks[i].start, cue_end), None
                    )
            else:
                # trailing: "CLAUSE, polls suggest." / "..., leaders warn"
                if not isinstance(subj, tuple):
                    continue
                a = subj[0]
                rest_ok = n - k <= 8 and all(
                    (toks[x].word and toks[x].low not in c["finite"]) or toks[x].text in ".!?" for x in range(k, n)
                )
                if a >= 2 and toks[a - 1].text == "," and rest_ok and toks[a - 2].text not in _CLOSERS:
                    end = toks[a - 1].start
                    r = _Raw("reported", toks[0].start, end, pi, None, (toks[i].start, cue_end), None)
                else:
                    continue
            if r.end <= r.start:
                continue
            if subj == "inherit":
                if prev_in_sentence is not None:
                    r.inherit = prev_in_sentence
                else:
                    sj = self.sentence_subject(toks)
                    if sj is None:
                        continue
                    r.src = (toks[sj[0]].start, toks[sj[1] - 1].end)
            else:
                a, b, note = subj
                r.src = (toks[a].start, toks[b - 1].end)
                if note.get("appos"):
                    x, y = note["appos"]
                    if y > x:
                        r.src_note["appos"] = (toks[x].start, toks[y - 1].end)
            self.raws.append(r)
            prev_in_sentence = r
            if split_subject is not None and split_subject.end > split_subject.start:
                split_subject.src, split_subject.src_note = r.src, dict(r.src_note)
                split_subject.inherit = r.inherit
                self.raws.append(split_subject)

    def postposed(self, toks: list[_Tok], i: int, nw: int, pi: int) -> bool:
        """Record "CLAUSE, said NAME[, DESCRIPTION]" (the verb before its subject); True when recorded.

        The clause before the comma is the content (not a quotation: a closing mark before the comma
        makes it a quote introduction, which :meth:`quote_intro` reads); the noun phrase after the verb
        is the source.
        """
        if i < 3 or toks[i - 1].text != "," or toks[i - 2].text in _CLOSERS or toks[i - 2].text in _QUOTE_CHARS:
            return False
        e = self.np_right(toks, i + nw)
        if e is None or not (toks[i + nw].cap or toks[i + nw].low in self.W.cls["det"]):
            return False
        if e < len(toks) and toks[e].word and toks[e].low not in ("of", "at", "for"):
            return False  # "..., said the plan would fail": a clause after the verb, not its subject
        content = _Raw("reported", toks[0].start, toks[i - 1].start, pi, None, (toks[i].start, toks[i + nw - 1].end),
                       (toks[i + nw].start, toks[e - 1].end))
        if e < len(toks) and toks[e].text == ",":
            f = e + 1
            while f < len(toks) and toks[f].text not in (",", ".", ";", ":") and f - e < 14:
                f += 1
            if f > e + 1:
                content.src_note["appos"] = (toks[e + 1].start, toks[f - 1].end)
        if content.end > content.start:
            self.raws.append(content)
            return True
        return False

    def medium(self, toks: list[_Tok], k: int) -> int | None:
        for m in self.W.media:
            if all(k + x < len(toks) and toks[k + x].low == w for x, w in enumerate(m)):
                return k + len(m)
        if k + 1 < len(toks) and toks[k].low == "on" and toks[k + 1].cap and toks[k + 1].word:
            return k + 2
        return None

    # --- quotes ---
    def sentence_of(self, pi: int, pos: int) -> tuple[int, int]:
        k = bisect_right(self.sentence_starts[pi], pos) - 1
        if k >= 0 and pos < self.sentences[pi][k][1]:
            return self.sentences[pi][k]
        return self.paragraphs[pi]

    def quote_intro(self, qi: int) -> tuple[tuple[int, int] | None, tuple[int, int] | None, dict]:
        """(cue span, source span, note) introducing quote segment ``qi``."""
        q = self.quotes[qi]
        ps, pe = self.paragraphs[q.paragraph]
        prev_end = self.quotes[qi - 1].end if qi and self.quotes[qi - 1].paragraph == q.paragraph else ps
        nxt = self.quotes[qi + 1] if qi + 1 < len(self.quotes) else None
        next_start = nxt.start if nxt is not None and nxt.paragraph == q.paragraph else pe
        s_end = self.sentence_of(q.paragraph, max(q.end - 1, q.start))[1]
        # trailing
        tt = _tokens(self.text, q.end, min(max(s_end, q.end), next_start))
        k = 1 if tt and tt[0].text == "," else 0
        if k < len(tt):
            v = self.verb_at(tt, k) if tt[k].word and not tt[k].cap else None
            if v:
                e = self.np_right(tt, k + v[1])
                if e:
                    ce = tt[k + v[1] - 1].end
                    return (tt[k].start, ce), (tt[k + v[1]].start, tt[e - 1].end), {}
            for x in range(k + 1, min(len(tt), k + 18)):
                v = self.verb_at(tt, x)
                if v:
                    sj = self.subject_left(tt, x, k)
                    if isinstance(sj, tuple) and sj[0] == k:
                        ce = tt[x + v[1] - 1].end
                        m = self.medium(tt, x + v[1])
                        if v[0] == "tell":
                            e = self.np_right(tt, x + v[1])
                            if e:
                                ce = tt[e - 1].end
                        elif m:
                            ce = tt[m - 1].end
                        note = {"appos": (tt[sj[2]["appos"][0]].start, tt[sj[2]["appos"][1] - 1].end)} if sj[2] else {}
                        return (tt[x].start, ce), (tt[sj[0]].start, tt[sj[1] - 1].end), note
                    break
        # leading
        s_start = self.sentence_of(q.paragraph, q.start)[0]
        lo = max(s_start, prev_end)
        lt = _tokens(self.text, lo, q.start)
        bare = bool(lt) and lt[-1].word and self.verb_at(lt, len(lt) - 1) is not None  # "..., adding “...”"
        if lt and (lt[-1].text in (",", ":") or bare):
            last = len(lt) - 1 if bare else len(lt) - 2
            for x in range(last, max(-1, len(lt) - 10), -1):
                v = self.verb_at(lt, x)
                if v:
                    sj = self.subject_left(lt, x)
                    if sj == "inherit":  # "Clinton tweeted congratulations to Sanders, adding “...”"
                        whole = self.sentence_subject(lt)
                        sj = (whole[0], whole[1], {}) if whole else None
                    if isinstance(sj, tuple):
                        ce = lt[last].end
                        note = {"appos": (lt[sj[2]["appos"][0]].start, lt[sj[2]["appos"][1] - 1].end)} if sj[2] else {}
                        return (lt[x].start, ce), (lt[sj[0]].start, lt[sj[1] - 1].end), note
                    break
            if lt[-1].text == ":":
                sj = self.sentence_subject(lt)
                if sj:
                    return None, (lt[sj[0]].start, lt[sj[1] - 1].end), {}
        return None, None, {}

    def direct(self) -> None:
        segs: dict[int, list[int]] = {}
        for qi, q in enumerate(self.quotes):
            segs.setdefault(q.group, []).append(qi)
        reported = SpanIndex([(r.start, r.end + 2, r) for r in self.raws if r.kind == "reported"])
        for g, qis in segs.items():
            cue = src = None
            note: dict = {}
            enclosing = None
            for qi in qis:
                q = self.quotes[qi]
                enclosing = reported.holding(q.start, q.end)  # type: ignore[assignment]
                if enclosing:
                    break
                cue, src, note = self.quote_intro(qi)
                if src:
                    break
            for qi in qis:
                q = self.quotes[qi]
                r = _Raw("direct", q.start, q.end, q.paragraph, ("q", g), cue, src, dict(note))
                if enclosing is not None:
                    r.inherit = enclosing
                    r.cue, r.src = enclosing.cue, enclosing.src
                r.src_note["qi"] = qi
                self.raws.append(r)

    # --- resolution ---
    def classify(
        self, span: tuple[int, int], note: dict, para: int, at_sentence_start: bool
    ) -> tuple[str, _Entity | None]:
        c = self.W.cls
        tr = self.tracker
        toks = [t for t in _tokens(self.text, *span)]
        words = [t for t in toks if t.word]
        if not words:
            return "", None
        if note.get("appos"):
            at = [t for t in _tokens(self.text, *note["appos"]) if t.word]
            if (
                at
                and all(t.cap or t.low in self.W.cls["np_prep"] or t.low in c["det"] for t in at)
                and at[-1].cap
                and not any(_clean(t.text) in c["org"] for t in at)
            ):
                head_text, ent = self.classify(note["appos"], {}, para, False)
                if ent is not None and ent.person:
                    roles, affil = _roles_of(toks, self.W)
                    self.tracker.add_roles(ent, roles)
                    return head_text, ent
            s, ent = self.classify(span, {}, para, at_sentence_start)
            if ent is not None and at:
                roles, affil = _roles_of(at, self.W)
                self.tracker.add_roles(ent, roles)
                ent.affil |= affil
                ent.person = True
            return s, ent
        if len(words) == 1 and words[0].low in c["pron"]:
            ent = tr.pronoun(span[0], para, words[0].low)
            return (ent.canonical if ent else ""), ent
        # name run at the end: "Local organiser Pete Vance", "President Lukashenko", "Mr Morgan"
        first_lower = (
            words[0].low in c["det"]
            or words[0].low in c["generic"]
            or words[0].low in c["role"]
            or (at_sentence_start and words[0].low in self.lower_vocab)
        )
        if (
            at_sentence_start
            and len(words) == 1
            and words[0].low.endswith("s")
            and tr.find_name((_clean(words[0].text),)) is None
        ):
            first_lower = True  # "Engineers expect ...": a sentence-initial plural noun, not a name
        preps = [k for k, t in enumerate(words) if t.low in self.W.cls["np_prep"]]
        head_part = words[: preps[0]] if preps else words
        tail = []
        for t in reversed(head_part):
            if t.cap and not (t is words[0] and first_lower):
                tail.append(t)
            else:
                break
        tail.reverse()
        titled = any(t.text in c["title_any"] for t in tail)
        body_name = not titled and len(tail) < len(head_part) and head_part[-len(tail) - 1].low in ("the", "a", "an")
        if tail and not body_name and not any(_clean(t.text) in c["org"] for t in tail):
            last_title = -1
            for k, t in enumerate(tail):
                if t.text in c["title_any"]:
                    last_title = k
            name = tuple(_clean(t.text) for t in tail[last_title + 1 :])
            gender = ""
            for t in tail[: last_title + 1]:
                gender = self.W.gender.get(t.text, gender)
            if name:
                ent = tr.name_entity(name, gender, True, False, create=True)
                if ent is not None:
                    roles, affil = _roles_of([t for t in head_part if t not in tail[last_title + 1 :]], self.W)
                    self.tracker.add_roles(ent, roles)
                    ent.affil |= affil
                    return ent.canonical, ent
            if len(tail) == len(head_part) and not preps:
                head = tail[-1].low
                ent = tr.role(head, [t.text for t in tail[:-1]])
                if ent is not None:
                    return ent.canonical, ent
        as_written = self.text[span[0] : span[1]]
        if first_lower or at_sentence_start and words[0].low in c["det"]:
            as_written = as_written[0].lower() + as_written[1:]
        named_body = any(_clean(t.text) in c["org"] for t in words) or (
            all(t.cap or t.low in self.W.cls["np_prep"] or t.low in c["det"] for t in words) and not first_lower
        )
        head = head_part[-1].low if head_part else words[-1].low
        if named_body:
            ent = tr.name_entity(tuple(_clean(t.text) for t in words if t.cap), "", False, True, create=True)
            if ent is not None:
                ent.label = as_written
                return as_written, ent
        definite = words[0].low in c["definite"]
        if definite and head in c["role"] | c["leader"]:
            ent = tr.role(head, [t.text for t in head_part[1:-1]])
            if ent is not None:
                return ent.canonical, ent
        ent = _Entity(label=as_written)
        ent.plural = head in c["generic"] or (head.endswith("s") and not head.endswith("ss") and head not in c["role"])
        ent.person = not ent.plural and (head in c["role"] or head in c["leader"])  # "the council" is a body
        ent.org = not ent.person and not ent.plural
        ent.gender = self.W.gender.get(head, "")
        tr.entities.append(ent)
        return as_written, ent

    def run(self) -> list[Attribution]:
        text = self.text
        events: list[tuple[int, int, object]] = []
        sent_toks: list[tuple[int, int, int, list[_Tok]]] = []
        for pi, sents in enumerate(self.sentences):
            ps, pe = self.paragraphs[pi]
            words = _PARA_WORD.findall(text[ps:pe])
            caps = sum(1 for w in words if w[0].isupper())
            title_case = len(words) >= 3 and caps / len(words) > 0.6
            for ss, se in sents:
                toks = _tokens(text, ss, se)
                sent_toks.append((pi, ss, se, toks))
                events.append((ss, 0, ("names", pi, toks, title_case)))
                self.sent_list.append((ss, se, toks, pi))
                self.reported_in(pi, ss, se, toks)
        self.sent_starts = [x[0] for x in self.sent_list]
        self.direct()
        raws = sorted(self.raws, key=lambda r: (r.start, r.kind != "reported"))
        self.raws = raws
        self.by_para: dict[int, list[_Raw]] = {}
        for r in raws:
            self.by_para.setdefault(r.paragraph, []).append(r)
        self.para_starts = {pi: [r.start for r in rs] for pi, rs in self.by_para.items()}
        self.content_index = SpanIndex([(r.start, r.end, r) for r in raws])
        self.cue_index = SpanIndex([(r.cue[0], r.cue[1], r) for r in raws if r.cue])
        # resolution in reading order: names of a sentence, then the relations whose source lies there
        for r in raws:
            if r.src:
                events.append((r.src[0], 1, ("source", r)))
            else:
                events.append((r.start, 1, ("source", r)))
        events.sort(key=lambda e: (e[0], e[1]))
        sentence_starts = {ss for _, ss, _, _ in sent_toks}
        for _pos, _o, ev in events:
            if ev[0] == "names":
                _, pi, toks, title_case = ev
                n0 = len(self.tracker.mentions)
                self.scan_names(pi, toks, title_case)
                for m in self.tracker.mentions[n0:]:  # inside someone's words, or an addressee ("told Reuters")
                    if self.in_content(m.pos) or self.cue_index.holding(m.pos, m.pos + 1) is not None:
                        m.salient = False
                continue
            r = ev[1]
            self.resolve(r, sentence_starts)
        # direct quotes without a source: paragraph runs, quote groups, neighbouring sentences
        self.fill_quotes(sent_toks)
        return self.finish()

    def resolve(self, r: _Raw, sentence_starts: set[int]) -> None:
        if r.inherit is not None:
            if r.inherit.entity is None and not r.inherit.speaker and r.inherit.src:
                self.resolve(r.inherit, sentence_starts)
            r.speaker, r.entity, r.src, r.cue = (
                r.inherit.speaker,
                r.inherit.entity,
                r.inherit.src,
                r.cue or r.inherit.cue,
            )
            return
        if not r.src:
            return
        s0 = r.src[0]
        if self.text[s0 : r.src[1]].lower() in self.W.cls["pron_pl"] | self.W.cls["pron_org"]:
            prev = self.previous_subject(r, s0)
            if prev is not None:
                r.src_note["antecedent"] = prev
        at_start = s0 in sentence_starts or self.text[max(0, s0 - 2) : s0].strip() in ("•", "“", '"', "«")
        para = self.para_of(s0)
        if "antecedent" in r.src_note:
            a, b = r.src_note["antecedent"]
            r.speaker, r.entity = self.classify((a, b), {}, para, a in sentence_starts)
        else:
            r.speaker, r.entity = self.classify(r.src, r.src_note, para, at_start)
        if r.entity is not None:  # a source inside someone else's words is less salient
            embedded = self.in_content(s0, r)
            self.tracker.add(s0, para, r.entity, not embedded)

    def previous_subject(self, r: _Raw, pos: int) -> tuple[int, int] | None:
        """Subject of the sentence before ``pos`` (same paragraph) when it can be the antecedent of it/they.

        Subject continuity: "The finance ministry welcomed the decision. It said ..." and "Some
        economists disagree. They think ..." (a name there is left to the mention tracker).
        """
        k = bisect_right(self.sent_starts, pos) - 1
        if k < 1 or self.sent_list[k - 1][3] != self.para_of(pos):
            return None
        toks = self.sent_list[k - 1][2]
        sj = self.sentence_subject(toks)
        if sj is None:
            return None
        words = [t for t in toks[sj[0] : sj[1]] if t.word]
        if not words or words[-1].cap:
            return None
        head = words[-1].low
        c = self.W.cls
        plural = head in c["generic"] or (head.endswith("s") and not head.endswith("ss"))
        they = self.text[pos : r.src[1]].lower() in c["pron_pl"]
        if they != plural or (not they and (head in c["role"] or head in c["leader"])):
            return None
        return toks[sj[0]].start, toks[sj[1] - 1].end

    def starting_in(self, pi: int, start: int, end: int) -> list[_Raw]:
        """Relations of paragraph ``pi`` whose content starts in ``[start, end)``, in text order."""
        rs, starts = self.by_para.get(pi, []), self.para_starts.get(pi, [])
        return rs[bisect_left(starts, start) : bisect_left(starts, end)]

    def para_of(self, pos: int) -> int:
        return max(bisect_right(self.pstarts, pos) - 1, 0)

    def fill_quotes(self, sent_toks: list[tuple[int, int, int, list[_Tok]]]) -> None:
        direct = [r for r in self.raws if r.kind == "direct"]
        by_group: dict[object, list[_Raw]] = {}
        for r in direct:
            by_group.setdefault(r.group, []).append(r)
        for rs in by_group.values():  # a speaker found on one paragraph of a quotation holds for all
            known = next((r for r in rs if r.speaker), None)
            if known:
                for r in rs:
                    if not r.speaker and not r.src:
                        r.speaker, r.entity, r.src, r.cue = known.speaker, known.entity, known.src, known.cue
        sents = [(ss, se) for _, ss, se, _ in sent_toks]
        starts = [ss for ss, _ in sents]
        for idx, r in enumerate(direct):
            if r.speaker or r.src:
                continue
            prev = direct[idx - 1] if idx else None
            if prev is not None and prev.paragraph == r.paragraph and prev.speaker:
                r.speaker, r.entity, r.src = prev.speaker, prev.entity, prev.src
                continue
            # neighbouring sentences
            k = bisect_right(starts, r.start) - 1
            if k < 0 or r.start >= sents[k][1]:
                continue
            if k > 0:
                ps_, pe_ = sents[k - 1]
                cands = [x for x in self.starting_in(self.para_of(ps_), ps_, pe_) if x.speaker and x is not r]
                if cands and self.para_of(ps_) >= r.paragraph - 1:
                    x = cands[-1]
                    r.speaker, r.entity, r.src = x.speaker, x.entity, x.src
                    continue
            if k + 1 < len(sents) and self.para_of(sents[k + 1][0]) == r.paragraph:
                ns, ne = sents[k + 1]
                cands = [x for x in self.starting_in(r.paragraph, ns, ne) if x.kind == "reported"]
                if cands and cands[0].src and cands[0].src[0] - sents[k + 1][0] < 3:
                    x = cands[0]
                    r.speaker, r.entity, r.src, r.cue = x.speaker, x.entity, x.src, x.cue
                    continue

    def finish(self) -> list[Attribution]:
        out = []
        groups: dict[object, int] = {}
        for n, r in enumerate(sorted(self.raws, key=lambda r: (r.start, r.end))):
            key = r.group if r.group is not None else ("r", n)
            gid = groups.setdefault(key, len(groups))
            speaker = r.entity.canonical if r.entity is not None and r.entity.names and r.entity.person else r.speaker
            if r.entity is not None and not r.entity.person and r.entity.label:
                speaker = r.entity.label
            cue = (self.text[r.cue[0] : r.cue[1]], r.cue[0], r.cue[1]) if r.cue else ("", -1, -1)
            src = (self.text[r.src[0] : r.src[1]], r.src[0], r.src[1]) if r.src else ("", -1, -1)
            if r.src and r.src_note.get("appos") and r.entity is not None and r.entity.names:
                # the name of "Description, Name," / "Name, description," is the source mention
                a, b = r.src_note["appos"]
                atext = self.text[a:b]
                if any(" ".join(n) in atext or n[-1] in atext for n in r.entity.names) and not any(
                    n[-1] in src[0] for n in r.entity.names
                ):
                    src = (atext, a, b)
            lead = speaker.split(" ", 1)
            first = lead[0].lower()
            if len(lead) == 2 and first in self.W.cls["function"] and first not in self.W.cls["det"]:
                speaker = lead[1]  # "While officials said": the subordinator is no part of the source
            if not self.plausible_speaker(speaker):
                speaker = ""  # "While", "explicitly", "long", "home": a word misread as a subject, not a source
            out.append(Attribution(r.kind, r.start, r.end, r.paragraph, gid, *cue, *src, speaker))
        return out

    def plausible_speaker(self, speaker: str) -> bool:
        """Whether a one-word ``speaker`` can be a source: a name, a pronoun, a role or a plural noun.

        A capitalised word the article also writes in lower case is a sentence-initial common word
        ("While", "Long"); a lower-case one must be a role, a generic source or a plural ("officials").
        """
        words = speaker.split()
        if len(words) != 1:
            return True
        c = self.W.cls
        w = words[0]
        low = w.lower()
        if low in c["pron"] or low in c["generic"] or low in c["role"] or low in c["leader"]:
            return True
        if w[0].isupper():
            return low not in self.lower_vocab and low not in c["function"] and low not in c["det"]
        return low.endswith("s") and not low.endswith(("ss", "ly")) and low not in c["function"]


# --- public API ---------------------------------------------------------------------------------


def find_attributions(
    text: str,
    paragraphs: Sequence[tuple[int, int]],
    sentences: Sequence[Sequence[tuple[int, int]]] | None = None,
    quotes: Sequence[Quote] | None = None,
) -> list[Attribution]:
    """Every attribution relation in ``text``, in reading order.

    Args:
        text: the article text.
        paragraphs: ``(start, end)`` spans into ``text``.
        sentences: per paragraph, ``(start, end)`` sentence spans into ``text`` (split
            with syntok when ``None``).
        quotes: the quotation segments of ``text`` (found with
            :func:`analysis.annotate.quotes.find_quotes` when ``None``; the analysed
            document passes its own layer).

    Returns:
        The relations, direct and reported, ordered by content start.
    """
    if sentences is None:
        from analysis.annotate.segmentation import split_sentences

        sentences = [[(ps + s.start, ps + s.end) for s in split_sentences(text[ps:pe])] for ps, pe in paragraphs]
    if quotes is None:
        quotes = find_quotes(text, list(paragraphs))
    return _Finder(text, list(paragraphs), [list(s) for s in sentences], quotes).run()


def attributions(article) -> list[Attribution]:  # type: ignore[no-untyped-def]
    """:func:`find_attributions` over an :class:`analysis.model.Article` (all paragraphs)."""
    paragraphs = [(p.start, p.end) for p in article.paragraphs]
    sentences = [[(s.start, s.end) for s in p.sentences] for p in article.paragraphs]
    return find_attributions(article.text, paragraphs, sentences)


def voice_of(start: int, end: int, relations: Sequence[Attribution] | SpanIndex) -> tuple[str, str]:
    """Voice of the span ``[start, end)``: ``("author" | "quoted" | "reported", speaker)``.

    The innermost relation whose content holds the span wins (a quoted fragment
    inside reported content is ``"quoted"``). Reporting cues and sources lie
    outside every content span, so they are the author's. For many spans of one
    article, pass :func:`relation_index` of its relations (each call is then O(log n)).
    """
    index = relations if isinstance(relations, SpanIndex) else relation_index(relations)
    best = index.holding(start, end)
    if best is None:
        return "author", ""
    assert isinstance(best, Attribution)
    return ("quoted" if best.kind == "direct" else "reported"), best.speaker


def relation_index(relations: Sequence[Attribution]) -> SpanIndex:
    """The relations' content spans, indexed for :func:`voice_of`."""
    return SpanIndex([(r.start, r.end, r) for r in relations])


def speaker_id(speaker: str) -> str:
    """A normalised key of a named ``speaker`` for grouping sources across articles; ``""`` when unnamed.

    The speaker is already one canonical name per person within an article ("Mr. Sanders",
    "Sanders" and "Bernie Sanders" -> "Bernie Sanders"); the key folds accents, case and
    punctuation and drops a leading "the": "Bernie Sanders" -> ``bernie-sanders``, "the
    Environment Agency" -> ``environment-agency``. Unnamed sources ("officials") get no key.
    Across articles, :func:`analysis.tables.unify_speaker_ids` maps a lone surname to the one
    full name of the corpus that ends with it.
    """
    import unicodedata

    if not is_named(speaker):
        return ""
    folded = unicodedata.normalize("NFKD", speaker).encode("ascii", "ignore").decode().lower()
    words = re.findall(r"[a-z0-9]+", folded.replace("'s ", " ").replace("’s ", " "))
    if words and words[0] == "the":
        words = words[1:]
    return "-".join(words)


def is_named(speaker: str) -> bool:
    """True when ``speaker`` names a person or a body, not an unnamed source ("officials", "a student").

    Named: a capitalised speaker ("Jane Roe", "Network Rail"), one whose head word is a name ("the
    Environment Agency"), or a description tied to a named body ("a spokesman for the Treasury").
    """
    words = speaker.split()
    if not words:
        return False
    if speaker[0].isupper() or words[-1][0].isupper():
        return True
    return any(w in ("for", "of") and i + 1 < len(words) for i, w in enumerate(words)) and any(
        x[0].isupper() for x in words[1:]
    )
