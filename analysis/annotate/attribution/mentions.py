"""Mentions and entities: the people and bodies an article names, tracked in reading order.

An :class:`Entity` gathers every name, role and affiliation one person or body is given; the
:class:`Tracker` finds the entity a name, a pronoun or a definite role ("the mayor") refers to.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from analysis.annotate.attribution.tokens import Tok, clean
from analysis.annotate.attribution.words import Words, load_words

__all__ = ["Entity", "Mention", "Tracker", "affil_match", "roles_of"]


@dataclass
class Entity:
    """One person or body: its names (tuples of words), gender, kind, roles and affiliations."""

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
        """The fullest name, or the label of an unnamed source."""
        fullest: tuple[str, ...] = ()
        for name in self.names:  # the first of the longest
            if len(name) > len(fullest):
                fullest = name
        # an initial is written with its full stop: "Robert S. Ford", "J. J. Goldberg"
        return " ".join(w + "." if len(w) == 1 and w.isupper() else w for w in fullest) if fullest else self.label


@dataclass
class Mention:
    """One mention of an entity at offset ``pos`` of paragraph ``paragraph``."""

    pos: int
    paragraph: int
    entity: Entity
    salient: bool  # outside anyone's words, or the source of a relation


def affil_match(mod: str, affil: set[str]) -> bool:
    """Whether an adjective ("Belarusian") agrees with one of the affiliations ("Belarus"): 4+ shared letters."""
    m = mod.lower()
    for a in affil:
        a = a.lower()
        n = 0
        while n < min(len(a), len(m)) and a[n] == m[n]:
            n += 1
        if n >= 4:
            return True
    return False


class Tracker:
    """Entities and their mentions, built in reading order."""

    #: Mentions a pronoun looks back over at most (within the current and two previous paragraphs).
    WINDOW = 200

    def __init__(self, text: str) -> None:
        self.text = text
        self.entities: list[Entity] = []
        self.mentions: list[Mention] = []
        self.by_last: dict[str, list[Entity]] = {}  # entities by the last word of each of their names
        self.by_role: dict[str, list[Entity]] = {}  # entities by each of their role words
        self.W = load_words()

    def add(self, pos: int, para: int, ent: Entity, salient: bool) -> None:
        self.mentions.append(Mention(pos, para, ent, salient))
        ent.last = max(ent.last, pos)

    def find_name(self, name: tuple[str, ...], gender: str = "") -> Entity | None:
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

    def _last(self, ent: Entity) -> int:
        return ent.last

    def name_entity(self, name: tuple[str, ...], gender: str, person: bool, org: bool, create: bool) -> Entity | None:
        ent = self.find_name(name, gender)
        if ent is None:
            if not create:
                return None
            ent = Entity(org=org)
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

    def pronoun(self, pos: int, para: int, low: str) -> Entity | None:
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

    def add_roles(self, ent: Entity, roles: set[str]) -> None:
        """Give ``ent`` the role words ``roles`` ("mayor", "finance minister"), indexed for :meth:`role`."""
        for r in roles - ent.roles:
            self.by_role.setdefault(r, []).append(ent)
        ent.roles |= roles

    def role(self, head: str, mods: list[str]) -> Entity | None:
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
            agree = all(affil_match(c, ent.affil) for c in caps) if caps else True
            if caps and not agree:
                continue
            key = self._last(ent)
            if best_key is None or key > best_key:
                best, best_key = ent, key
        return best


def roles_of(toks: Sequence[Tok], W: Words) -> tuple[set[str], set[str]]:
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
                affil.add(clean(t.text))
            continue
        if t.text in W.cls["title_any"] or (
            not t.cap and t.low not in W.cls["determiner"] and t.low not in W.cls["function"]
        ):
            roles.add(clean(t.low))
        elif t.cap and t.low not in W.cls["determiner"]:
            affil.add(clean(t.text))  # nationality or body adjective: "Belarusian", "Republican"
    if len(roles) > 1:
        roles.add(" ".join(clean(t.low) for t in toks if t.word and clean(t.low) in roles))
    return roles, affil


# --- the finder ---------------------------------------------------------------------------------
