"""Pass 1, names: every name, title and appositive of a sentence enters the mention tracker.

Titles are split from names ("President Lukashenko"), coordinated first names give two people
("Gareth and Linda Morgan"), and a description beside a name gives its roles and affiliations.
"""

from __future__ import annotations

from analysis.annotate.attribution.mentions import Entity, roles_of
from analysis.annotate.attribution.phrases import (
    np_left,
)
from analysis.annotate.attribution.state import Parse
from analysis.annotate.attribution.tokens import (
    QUOTE_CHARS,
    Tok,
    clean,
)


def scan_names(st: Parse, pi: int, toks: list[Tok], title_case: bool) -> None:
    """Enter every name run of the sentence ``toks`` (paragraph ``pi``) into the tracker, with its titles and roles."""
    W, c = st.W, st.W.cls
    tr = st.tracker
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
        det_before = first_idx > 0 and toks[first_idx - 1].low in c["determiner"]
        prep_before = (
            first_idx > 0
            and toks[first_idx - 1].low in c["function"]
            and toks[first_idx - 1].low not in c["name_intro"]
        )
        sent_initial = first_idx == 0 or toks[first_idx - 1].text in QUOTE_CHARS or toks[first_idx - 1].text == "•"
        keep_title = run[0].text in c["title_any"] and len(run) > 1
        if (
            sent_initial
            and run
            and not keep_title
            and (
                st.is_fn(run[0])
                or run[0].low in st.lower_vocab
                or run[0].low in c["generic"]
                or run[0].low in c["role"]
            )
        ):
            det_before = det_before or run[0].low in c["determiner"]
            run = run[1:]
        while run and (run[0].low == "of" or run[0].text == "."):
            run = run[1:]
        if not run:
            continue
        words = [x for x in run if x.word]
        org = any(clean(x.text) in c["org"] for x in words)
        # title / name split
        last_title = -1
        for k, x in enumerate(words):
            if x.text in c["title_any"]:
                last_title = k
            elif x.low == "of":
                break
        if org:
            name = tuple(clean(x.text) for x in words)
            tr_ent = tr.name_entity(name, "", False, True, create=not title_case)
            if tr_ent:
                tr.add(run[0].start, pi, tr_ent, not st.in_quote(run[0].start))
            continue
        titles = words[: last_title + 1]
        rest = words[last_title + 1 :]
        if rest and rest[0].low == "of":  # "President of Belarus": a role, not a name
            continue
        if any(x.low == "of" for x in rest):
            rest = rest[: [x.low for x in rest].index("of")]
        if not rest:
            continue
        name = tuple(clean(x.text) for x in rest)
        gender = ""
        for x in titles:
            gender = W.gender.get(x.text, gender)
        has_title = bool(titles)
        person = has_title or (len(name) >= 2 and not det_before and not prep_before) or name[0] in c["first"]
        # close apposition "her husband Mark", "Her colleague Dev Sharma": the role noun names a person
        role_before = first_idx > 0 and toks[first_idx - 1].low in c["role"] and not toks[first_idx - 1].cap
        if role_before:
            person = True
            gender = gender or st.W.gender.get(toks[first_idx - 1].low, "")
        create = (len(name) >= 2 or has_title or role_before or name[0] in c["first"]) and person and not title_case
        ent = tr.name_entity(name, gender, person, False, create=create)
        if ent is None:
            continue
        roles, affil = roles_of(titles, W)
        if role_before:
            roles.add(toks[first_idx - 1].low)
        st.tracker.add_roles(ent, roles)
        ent.affil |= affil
        appositive(st, toks, first_idx, j, ent)
        tr.add(rest[0].start, pi, ent, not st.in_quote(rest[0].start))
    coordinated(st, pi, toks)


def coordinated(st: Parse, pi: int, toks: list[Tok]) -> None:
    """Coordinated first names ("Gareth and Linda Morgan") name two people sharing the surname."""
    c = st.W.cls
    for k in range(len(toks) - 3):
        a, conj, b, s = toks[k : k + 4]
        if not (a.cap and conj.low == "and" and b.cap and s.cap and a.word and b.word and s.word):
            continue
        if st.is_fn(a) or st.is_fn(b) or (k + 4 < len(toks) and toks[k + 4].cap and toks[k + 4].word):
            continue
        if k > 0 and toks[k - 1].cap and toks[k - 1].word and not st.is_fn(toks[k - 1]):  # two full names
            continue
        if a.text in c["org"] or s.text in c["org"]:
            continue
        ent = st.tracker.name_entity((a.text, clean(s.text)), "", True, False, create=True)
        if ent:
            st.tracker.add(a.start, pi, ent, not st.in_quote(a.start))


def appositive(st: Parse, toks: list[Tok], a: int, b: int, ent: Entity) -> None:
    """Roles and affiliations from a description beside the name at tokens ``[a, b)`` (either side, in commas)."""
    c = st.W.cls
    n = len(toks)
    # NAME , DESCRIPTION ,
    if b < n - 1 and toks[b].text == ",":
        k = b + 1
        if toks[k].low in c["determiner"] or (toks[k].text[0].isdigit()) or toks[k].low in c["relative"]:
            e = k
            while e < n and toks[e].text not in (",", ".", ";", ":") and e - k < 14:
                e += 1
            ent.person = True
            if toks[k].low in c["determiner"]:
                roles, affil = roles_of(toks[k:e], st.W)
                st.tracker.add_roles(ent, roles)
                ent.affil |= affil
    # DESCRIPTION , NAME ,
    if a >= 2 and toks[a - 1].text == "," and b < n and toks[b].text == ",":
        k = a - 2
        s = np_left(st, toks, k)
        if s is None:
            # a title-only description: "The President of Belarus"
            s = k
            while s > 0 and toks[s - 1].text not in (",", ";", ":") and k - s < 8:
                s -= 1
        if s is not None and (toks[s].low in c["determiner"] or toks[s].text in c["title_any"] or s == 0):
            roles, affil = roles_of(toks[s : a - 1], st.W)
            if roles:
                ent.person = True
                st.tracker.add_roles(ent, roles)
                ent.affil |= affil
