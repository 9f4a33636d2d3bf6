"""Pass 2, reported speech: "X said (that) CLAUSE", "According to X, CLAUSE", "CLAUSE, X said".

For each reporting verb outside quotation marks, finds its source (the subject noun phrase, or
the subject of a coordinated clause), its cue (verb plus medium or addressee) and the reported
clause, and records a :class:`~analysis.annotate.attribution.state.Raw` relation.
"""

from __future__ import annotations

from analysis.annotate.attribution.phrases import (
    clause_end,
    clause_start_ok,
    medium,
    np_right,
    sentence_subject,
    subject_left,
    verb_at,
)
from analysis.annotate.attribution.state import Parse, Raw, VerbSubject
from analysis.annotate.attribution.tokens import (
    CLOSERS,
    QUOTE_CHARS,
    Tok,
)


def reported_in(st: Parse, pi: int, ss: int, se: int, toks: list[Tok]) -> None:
    """Record the reported-speech relations of one sentence (tokens ``toks``, span ``[ss, se)``)."""
    c = st.W.cls
    n = len(toks)
    prev_in_sentence: Raw | None = None
    # According to X
    has_according = st.text.find("ccording", ss, se) >= 0 or st.text.find("CCORDING", ss, se) >= 0
    for k in range(n - 1 if has_according else 0):
        if toks[k].low == "according" and toks[k + 1].low == "to" and not st.in_quote(toks[k].start):
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
                r = Raw("reported", cs, clause_end(st, cs, se), pi, None, cue, src)
            elif k > 0 and toks[k - 1].text == ",":
                s0 = toks[0].start
                r = Raw("reported", s0, toks[k - 1].start, pi, None, cue, src)
            else:
                continue
            if r.end > r.start:
                st.raws.append(r)
                prev_in_sentence = r
    verbs = st.W.verbs
    for i in range(n):
        if toks[i].low not in verbs:  # what verb_at would say first, without the call
            continue
        v = verb_at(st, toks, i)
        if v is None or st.in_quote(toks[i].start):
            continue
        cls, nw = v
        if i + nw < n and toks[i + nw].low == "to" and cls != "directive":
            continue
        if toks[i].low in c["quantity_verb"] and _adds_a_quantity(st, toks, i + nw):
            continue  # "the plan adds 1,200 units", "the economy added nearly 200,000 jobs": increase, not speech
        subj = subject_left(st, toks, i)
        if subj is None and postposed(st, toks, i, nw, pi):
            continue  # "The race will be tight, said Dan Gerstein, director of ...": recorded there
        if subj == VerbSubject.NOT_REPORTING or subj is None:
            continue
        k = i + nw
        cue_end = toks[i + nw - 1].end
        # medium ("on Twitter", "in a statement") and addressee ("told reporters")
        med = medium(st, toks, k)
        if med:
            k, cue_end = med, toks[med - 1].end
        obj_end = None
        if cls in ("tell", "directive", "belief") and k < n and toks[k].word and toks[k].low != "that":
            obj = np_right(st, toks, k)
            if obj is not None and obj - k <= 4:
                obj_end = obj
        content_start = None
        split_subject: Raw | None = None
        addressee = k < n and (toks[k].low not in c["clause_pron"] or toks[k].low in c["object_pron"])
        if obj_end is not None and cls == "tell" and addressee:
            cue_end = toks[obj_end - 1].end
            k = obj_end
            med = medium(st, toks, k)
            if med:
                k, cue_end = med, toks[med - 1].end
        # "said on Friday that", "told reporters that", "argued in court last week that": only adjuncts
        # (a preposition, adverb or time word first; no verb) stand between the verb and "that"
        adjunct_first = k < n and (
            toks[k].low == "that"
            or toks[k].low in st.W.cls["prep"]
            or toks[k].low.endswith("ly")
            or toks[k].cap
            or toks[k].low in c["pre_verb"]
            or toks[k].low in c["time_adjunct"]
        )
        for x in range(k, min(n, k + 7)):
            if not adjunct_first:
                break
            if toks[x].low == "that":
                if all(toks[y].word for y in range(k, x)):
                    content_start = x + 1
                break
            if not toks[x].word or toks[x].low in c["finite"] or verb_at(st, toks, x):
                break
            if not toks[x].cap and toks[x].low.endswith("ed"):
                break
        # "recommends Belarusians to use", "expect the winds to strengthen": object + to-infinitive
        directive_object = (
            cls in ("directive", "belief") and obj_end is not None and obj_end < n and toks[obj_end].low == "to"
        )
        if content_start is None and (directive_object or clause_start_ok(st, toks, k)):
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
            r = Raw("reported", cs, clause_end(st, cs, se), pi, None, (toks[i].start, cue_end), None)
        elif (
            isinstance(subj, tuple)
            and subj[0] >= 2
            and toks[subj[0] - 1].text == ","
            and k + 1 < n
            and toks[k].text == ","
            and toks[subj[0] - 2].text not in CLOSERS
            and toks[k + 1].word
            and toks[k + 1].low not in c["coordinator"]
            and toks[k + 1].low not in c["continuing_verb"]
        ):
            # parenthetical: "The measures, he argued, were modest" (the subject before it is reported
            # too) and "Otherwise, she said, countries may ...": the report goes on after it
            cs = toks[k + 1].start
            r = Raw("reported", cs, clause_end(st, cs, se), pi, None, (toks[i].start, cue_end), None)
            if not clause_start_ok(st, toks, k + 1) and toks[0].start < toks[subj[0] - 1].start:
                split_subject = Raw(
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
            if a >= 2 and toks[a - 1].text == "," and rest_ok and toks[a - 2].text not in CLOSERS:
                end = toks[a - 1].start
                r = Raw("reported", toks[0].start, end, pi, None, (toks[i].start, cue_end), None)
            else:
                continue
        if r.end <= r.start:
            continue
        if subj == VerbSubject.SHARED:
            if prev_in_sentence is not None:
                r.inherit = prev_in_sentence
            else:
                sj = sentence_subject(st, toks)
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
        st.raws.append(r)
        prev_in_sentence = r
        if split_subject is not None and split_subject.end > split_subject.start:
            split_subject.src, split_subject.src_note = r.src, dict(r.src_note)
            split_subject.inherit = r.inherit
            st.raws.append(split_subject)


def postposed(st: Parse, toks: list[Tok], i: int, nw: int, pi: int) -> bool:
    """Record "CLAUSE, said NAME[, DESCRIPTION]" (the verb before its subject); True when recorded.

    The clause before the comma is the content (not a quotation: a closing mark before the comma
    makes it a quote introduction, which :meth:`quote_intro` reads); the noun phrase after the verb
    is the source.
    """
    if i < 3 or toks[i - 1].text != "," or toks[i - 2].text in CLOSERS or toks[i - 2].text in QUOTE_CHARS:
        return False
    e = np_right(st, toks, i + nw)
    if e is None or not (toks[i + nw].cap or toks[i + nw].low in st.W.cls["determiner"]):
        return False
    if e < len(toks) and toks[e].word and toks[e].low not in st.W.cls["source_prep"]:
        return False  # "..., said the plan would fail": a clause after the verb, not its subject
    content = Raw(
        "reported",
        toks[0].start,
        toks[i - 1].start,
        pi,
        None,
        (toks[i].start, toks[i + nw - 1].end),
        (toks[i + nw].start, toks[e - 1].end),
    )
    if e < len(toks) and toks[e].text == ",":
        f = e + 1
        while f < len(toks) and toks[f].text not in (",", ".", ";", ":") and f - e < 14:
            f += 1
        if f > e + 1:
            content.src_note["appos"] = (toks[e + 1].start, toks[f - 1].end)
    if content.end > content.start:
        st.raws.append(content)
        return True
    return False


def _adds_a_quantity(st: Parse, toks: list[Tok], k: int) -> bool:
    """The words from ``k`` after "add" are a quantity ("1,200 units", "nearly 200,000 jobs") or "up"."""
    if k < len(toks) and toks[k].low in st.W.cls["approx"] and toks[k].low not in st.W.cls["determiner"]:
        k += 1
    return k < len(toks) and (toks[k].text[0].isdigit() or toks[k].low == "up")
