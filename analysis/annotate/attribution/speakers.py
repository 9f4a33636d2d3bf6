"""Pass 4, speakers: each source mention becomes a speaker (a name, a role, a pronoun's antecedent).

:func:`classify` reads a source noun phrase against the mention tracker; :func:`resolve` runs it
in reading order; :func:`finish` turns the relations into :class:`Attribution` records, dropping
speakers that cannot be a source ("While", "long").
"""

from __future__ import annotations

from bisect import bisect_right

from analysis.annotate.attribution.mentions import Entity, roles_of
from analysis.annotate.attribution.phrases import np_left, sentence_subject
from analysis.annotate.attribution.relations import Attribution
from analysis.annotate.attribution.state import Note, Parse, Raw
from analysis.annotate.attribution.tokens import (
    clean,
    tokens,
)


def classify(
    st: Parse, span: tuple[int, int], note: Note, para: int, at_sentence_start: bool
) -> tuple[str, Entity | None]:
    """The speaker of the source mention ``span`` and its entity (a name, a role's holder, a pronoun's antecedent).

    Unnamed and generic sources keep the words as written (a new entity); ``note`` may hold an
    appositive description, whose name wins."""
    c = st.W.cls
    tr = st.tracker
    toks = [t for t in tokens(st.text, *span)]
    words = [t for t in toks if t.word]
    if not words:
        return "", None
    if note.get("appos"):
        at = [t for t in tokens(st.text, *note["appos"]) if t.word]
        if (
            at
            and all(t.cap or t.low in st.W.cls["np_prep"] or t.low in c["determiner"] for t in at)
            and at[-1].cap
            and not any(clean(t.text) in c["org"] for t in at)
        ):
            head_text, ent = classify(st, note["appos"], {}, para, False)
            if ent is not None and ent.person:
                roles, affil = roles_of(toks, st.W)
                st.tracker.add_roles(ent, roles)
                return head_text, ent
        s, ent = classify(st, span, {}, para, at_sentence_start)
        if ent is not None and at:
            roles, affil = roles_of(at, st.W)
            st.tracker.add_roles(ent, roles)
            ent.affil |= affil
            ent.person = True
        return s, ent
    if len(words) == 1 and words[0].low in c["pron"]:
        ent = tr.pronoun(span[0], para, words[0].low)
        return (ent.canonical if ent else ""), ent
    # name run at the end: "Local organiser Pete Vance", "President Lukashenko", "Mr Morgan"
    # one capitalised word the article writes capitalised mid-sentence and never in lower case is a
    # name: "Sanders says", "King said" (not the plural "Engineers expect" nor the role "the king")
    name_like = (
        len(words) == 1 and words[0].cap and words[0].low in st.mid_capitals and words[0].low not in st.lower_vocab
    )
    first_lower = not name_like and (
        words[0].low in c["determiner"]
        or words[0].low in c["generic"]
        or words[0].low in c["role"]
        or (at_sentence_start and words[0].low in st.lower_vocab)
    )
    if (
        at_sentence_start
        and not name_like
        and len(words) == 1
        and words[0].low.endswith("s")
        and tr.find_name((clean(words[0].text),)) is None
    ):
        first_lower = True  # "Engineers expect ...": a sentence-initial plural noun, not a name
    preps = [k for k, t in enumerate(words) if t.low in st.W.cls["np_prep"]]
    if preps:
        # "Secretary of State John Kerry": a given name after the title's phrase starts the name
        k = next(
            (
                k
                for k in range(preps[-1] + 1, len(words) - 1)
                if clean(words[k].text) in c["first"] and all(w.cap for w in words[k:])
            ),
            None,
        )
        if k is not None:
            name_text, ent = classify(st, (words[k].start, words[-1].end), {}, para, False)
            if ent is not None and ent.person:
                st.tracker.add_roles(ent, roles_of(words[:k], st.W)[0])
                return name_text, ent
    head_part = words[: preps[0]] if preps else words
    tail = []
    for t in reversed(head_part):
        if t.cap and not (t is words[0] and first_lower):
            tail.append(t)
        else:
            break
    tail.reverse()
    titled = any(t.text in c["title_any"] for t in tail)
    body_name = not titled and len(tail) < len(head_part) and head_part[-len(tail) - 1].low in c["article"]
    if tail and not body_name and not any(clean(t.text) in c["org"] for t in tail):
        last_title = -1
        for k, t in enumerate(tail):
            if t.text in c["title_any"]:
                last_title = k
        name = tuple(clean(t.text) for t in tail[last_title + 1 :])
        gender = ""
        for t in tail[: last_title + 1]:
            gender = st.W.gender.get(t.text, gender)
        if name:
            ent = tr.name_entity(name, gender, True, False, create=True)
            if ent is not None:
                roles, affil = roles_of([t for t in head_part if t not in tail[last_title + 1 :]], st.W)
                st.tracker.add_roles(ent, roles)
                ent.affil |= affil
                return ent.canonical, ent
        if len(tail) == len(head_part) and not preps:
            head = tail[-1].low
            ent = tr.role(head, [t.text for t in tail[:-1]])
            if ent is not None:
                return ent.canonical, ent
    as_written = st.text[span[0] : span[1]]
    if first_lower or at_sentence_start and words[0].low in c["determiner"]:
        as_written = as_written[0].lower() + as_written[1:]
    named_body = any(clean(t.text) in c["org"] for t in words) or (
        all(t.cap or t.low in st.W.cls["np_prep"] or t.low in c["determiner"] for t in words) and not first_lower
    )
    head = head_part[-1].low if head_part else words[-1].low
    if named_body:
        ent = tr.name_entity(tuple(clean(t.text) for t in words if t.cap), "", False, True, create=True)
        if ent is not None:
            ent.label = as_written
            return as_written, ent
    definite = words[0].low in c["definite_det"]
    if definite and head in c["role"] | c["leader"]:
        ent = tr.role(head, [t.text for t in head_part[1:-1]])
        if ent is not None:
            return ent.canonical, ent
    ent = Entity(label=as_written)
    ent.plural = head in c["generic"] or (head.endswith("s") and not head.endswith("ss") and head not in c["role"])
    ent.person = not ent.plural and (head in c["role"] or head in c["leader"])  # "the council" is a body
    ent.org = not ent.person and not ent.plural
    ent.gender = st.W.gender.get(head, "")
    tr.entities.append(ent)
    return as_written, ent


def resolve(st: Parse, r: Raw, sentence_starts: set[int]) -> None:
    """Resolve the speaker of relation ``r`` (or take the one of the relation it shares a source with)."""
    if r.inherit is not None:
        if r.inherit.entity is None and not r.inherit.speaker and r.inherit.src:
            resolve(st, r.inherit, sentence_starts)
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
    if st.text[s0 : r.src[1]].lower() in st.W.cls["pron_pl"] | st.W.cls["pron_org"]:
        prev = previous_subject(st, r, s0)
        if prev is not None:
            r.src_note["antecedent"] = prev
    first = st.text[s0 : r.src[1]].split(maxsplit=1)
    if first and first[0].lower() in st.W.cls["relative"]:
        ante = relative_antecedent(st, s0)
        if ante is not None:
            r.src_note["antecedent"] = ante
    at_start = s0 in sentence_starts or st.text[max(0, s0 - 2) : s0].strip() in ("•", "“", '"', "«")
    para = st.para_of(s0)
    if "antecedent" in r.src_note:
        a, b = r.src_note["antecedent"]
        r.speaker, r.entity = classify(st, (a, b), {}, para, a in sentence_starts)
    else:
        r.speaker, r.entity = classify(st, r.src, r.src_note, para, at_start)
    if r.entity is not None:  # a source inside someone else's words is less salient
        embedded = st.in_content(s0, r)
        st.tracker.add(s0, para, r.entity, not embedded)


def relative_antecedent(st: Parse, pos: int) -> tuple[int, int] | None:
    """The noun phrase a relative pronoun at ``pos`` refers to: "Beck, who has said ..." -> "Beck"."""
    k = bisect_right(st.sent_starts, pos) - 1
    if k < 0:
        return None
    toks = st.sent_list[k][2]
    i = next((i for i, t in enumerate(toks) if t.start == pos), None)
    if i is None or i < 2 or toks[i - 1].text != ",":
        return None
    a = np_left(st, toks, i - 2)
    return None if a is None else (toks[a].start, toks[i - 2].end)


def previous_subject(st: Parse, r: Raw, pos: int) -> tuple[int, int] | None:
    """Subject of the sentence before ``pos`` (same paragraph) when it can be the antecedent of it/they.

    Subject continuity: "The finance ministry welcomed the decision. It said ..." and "Some
    economists disagree. They think ..." (a name there is left to the mention tracker).
    """
    k = bisect_right(st.sent_starts, pos) - 1
    if k < 1 or st.sent_list[k - 1][3] != st.para_of(pos):
        return None
    toks = st.sent_list[k - 1][2]
    sj = sentence_subject(st, toks)
    if sj is None:
        return None
    words = [t for t in toks[sj[0] : sj[1]] if t.word]
    if not words or words[-1].cap:
        return None
    head = words[-1].low
    c = st.W.cls
    plural = head in c["generic"] or (head.endswith("s") and not head.endswith("ss"))
    they = st.text[pos : r.src[1] if r.src else pos].lower() in c["pron_pl"]
    if they != plural or (not they and (head in c["role"] or head in c["leader"])):
        return None
    return toks[sj[0]].start, toks[sj[1] - 1].end


def finish(st: Parse) -> list[Attribution]:
    """The relations as :class:`Attribution` records in text order, with group ids and plausible speakers."""
    out = []
    groups: dict[object, int] = {}
    for n, r in enumerate(sorted(st.raws, key=lambda r: (r.start, r.end))):
        key = r.group if r.group is not None else ("r", n)
        gid = groups.setdefault(key, len(groups))
        speaker = r.entity.canonical if r.entity is not None and r.entity.names and r.entity.person else r.speaker
        if r.entity is not None and not r.entity.person and r.entity.label:
            speaker = r.entity.label
        cue = (st.text[r.cue[0] : r.cue[1]], r.cue[0], r.cue[1]) if r.cue else ("", -1, -1)
        src = (st.text[r.src[0] : r.src[1]], r.src[0], r.src[1]) if r.src else ("", -1, -1)
        if r.src and r.src_note.get("appos") and r.entity is not None and r.entity.names:
            # the name of "Description, Name," / "Name, description," is the source mention
            a, b = r.src_note["appos"]
            atext = st.text[a:b]
            if any(" ".join(n) in atext or n[-1] in atext for n in r.entity.names) and not any(
                n[-1] in src[0] for n in r.entity.names
            ):
                src = (atext, a, b)
        lead = speaker.split(" ", 1)
        first = lead[0].lower()
        if len(lead) == 2 and first in st.W.cls["function"] and first not in st.W.cls["determiner"]:
            speaker = lead[1]  # "While officials said": the subordinator is no part of the source
        if not plausible_speaker(st, speaker):
            speaker = ""  # "While", "explicitly", "long", "home": a word misread as a subject, not a source
        out.append(Attribution(r.kind, r.start, r.end, r.paragraph, gid, *cue, *src, speaker))
    return out


def plausible_speaker(st: Parse, speaker: str) -> bool:
    """Whether ``speaker`` can be a source: a name, a pronoun, a role, a plural noun or a noun phrase.

    A capitalised word the article also writes in lower case is a sentence-initial common word
    ("While", "Long"); a lower-case one must be a role, a generic source or a plural ("officials"),
    not a contraction ("he's", "let's"). Several words must not open with a lower-case auxiliary
    ("has in the past") or end in a lower-case function word ("running for the").
    """
    words = speaker.split()
    c = st.W.cls
    if not words:
        return True
    head, apostrophe, _ = words[0].lower().replace("’", "'").partition("'")
    if apostrophe and (head in c["pron"] or head in c["finite"]):
        return False  # "he's", "let's": a contraction of a pronoun or verb, not a source
    if len(words) > 1:
        first, last = words[0], words[-1]
        if first.islower() and first in c["finite"]:
            return False  # "has in the past": a verb phrase
        # not cut off mid-phrase: "running for the", "courts in their", "deputy sheriff in an"
        return not (last.islower() and (last in c["function"] or last in c["determiner"]))
    w = words[0]
    low = w.lower()
    if low in c["pron"] or low in c["generic"] or low in c["role"] or low in c["leader"]:
        return True
    if w[0].isupper():
        return low not in st.lower_vocab and low not in c["function"] and low not in c["determiner"]
    return low.endswith("s") and not low.endswith(("ss", "ly", "'s", "’s")) and low not in c["function"]
