"""Pass 3, quotations: each quotation's introduction ("..., X said" / "X said: "), and quotes without one.

A quotation inside reported content shares that relation's source; otherwise the trailing or
leading reporting clause gives its cue and source. :func:`fill_quotes` (after the speakers are
resolved) gives the rest the speaker of their quotation group, paragraph run or neighbouring sentence.
"""

from __future__ import annotations

from bisect import bisect_right

from analysis.annotate.attribution.phrases import (
    medium,
    np_right,
    sentence_subject,
    subject_left,
    verb_at,
)
from analysis.annotate.attribution.spans import SpanIndex
from analysis.annotate.attribution.state import Note, Parse, Raw, Subject, VerbSubject
from analysis.annotate.attribution.tokens import (
    Tok,
    tokens,
)


def quote_intro(st: Parse, qi: int) -> tuple[tuple[int, int] | None, tuple[int, int] | None, Note]:
    """(cue span, source span, note) introducing quote segment ``qi``."""
    q = st.quotes[qi]
    ps, pe = st.paragraphs[q.paragraph]
    prev_end = st.quotes[qi - 1].end if qi and st.quotes[qi - 1].paragraph == q.paragraph else ps
    nxt = st.quotes[qi + 1] if qi + 1 < len(st.quotes) else None
    next_start = nxt.start if nxt is not None and nxt.paragraph == q.paragraph else pe
    s_end = st.sentence_of(q.paragraph, max(q.end - 1, q.start))[1]
    # trailing
    tt = tokens(st.text, q.end, min(max(s_end, q.end), next_start))
    k = 1 if tt and tt[0].text == "," else 0
    if k < len(tt):
        v = verb_at(st, tt, k) if tt[k].word and not tt[k].cap else None
        if v:
            e = np_right(st, tt, k + v[1])
            if e:
                ce = tt[k + v[1] - 1].end
                return (tt[k].start, ce), (tt[k + v[1]].start, tt[e - 1].end), {}
        for x in range(k + 1, min(len(tt), k + 18)):
            v = verb_at(st, tt, x)
            if v:
                sj: Subject | VerbSubject | None = subject_left(st, tt, x, k)
                if isinstance(sj, tuple) and sj[0] == k:
                    ce = tt[x + v[1] - 1].end
                    m = medium(st, tt, x + v[1])
                    if v[0] == "tell":
                        e = np_right(st, tt, x + v[1])
                        if e:
                            ce = tt[e - 1].end
                    elif m:
                        ce = tt[m - 1].end
                    note = {"appos": (tt[sj[2]["appos"][0]].start, tt[sj[2]["appos"][1] - 1].end)} if sj[2] else {}
                    return (tt[x].start, ce), (tt[sj[0]].start, tt[sj[1] - 1].end), note
                break
    # leading
    s_start = st.sentence_of(q.paragraph, q.start)[0]
    lo = max(s_start, prev_end)
    lt = tokens(st.text, lo, q.start)
    bare = bool(lt) and lt[-1].word and verb_at(st, lt, len(lt) - 1) is not None  # "..., adding “...”"
    if lt and (lt[-1].text in (",", ":") or bare):
        last = len(lt) - 1 if bare else len(lt) - 2
        for x in range(last, max(-1, len(lt) - 10), -1):
            v = verb_at(st, lt, x)
            if v:
                sj = subject_left(st, lt, x)
                if sj is VerbSubject.SHARED:  # "Clinton tweeted congratulations to Sanders, adding “...”"
                    whole = sentence_subject(st, lt)
                    sj = (whole[0], whole[1], {}) if whole else None
                if isinstance(sj, tuple):
                    ce = lt[last].end
                    note = {"appos": (lt[sj[2]["appos"][0]].start, lt[sj[2]["appos"][1] - 1].end)} if sj[2] else {}
                    return (lt[x].start, ce), (lt[sj[0]].start, lt[sj[1] - 1].end), note
                break
        if lt[-1].text == ":":
            whole = sentence_subject(st, lt)
            if whole:
                return None, (lt[whole[0]].start, lt[whole[1] - 1].end), {}
    return None, None, {}


def direct(st: Parse) -> None:
    """Record one direct relation per quotation segment, with the introduction of its group."""
    segs: dict[int, list[int]] = {}
    for qi, q in enumerate(st.quotes):
        segs.setdefault(q.group, []).append(qi)
    reported = SpanIndex([(r.start, r.end + 2, r) for r in st.raws if r.kind == "reported"])
    for g, qis in segs.items():
        cue: tuple[int, int] | None = None
        src: tuple[int, int] | None = None
        note: Note = {}
        enclosing: Raw | None = None
        for qi in qis:
            q = st.quotes[qi]
            held = reported.holding(q.start, q.end)
            enclosing = held if isinstance(held, Raw) else None
            if enclosing:
                break
            cue, src, note = quote_intro(st, qi)
            if src:
                break
        for qi in qis:
            q = st.quotes[qi]
            r = Raw("direct", q.start, q.end, q.paragraph, ("q", g), cue, src, dict(note))
            if enclosing is not None:
                r.inherit = enclosing
                r.cue, r.src = enclosing.cue, enclosing.src
            st.raws.append(r)


def fill_quotes(st: Parse, sent_toks: list[tuple[int, int, int, list[Tok]]]) -> None:
    """Give quotes without a source the speaker of their group, paragraph run or neighbouring sentence."""
    direct = [r for r in st.raws if r.kind == "direct"]
    by_group: dict[object, list[Raw]] = {}
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
            cands = [x for x in st.starting_in(st.para_of(ps_), ps_, pe_) if x.speaker and x is not r]
            if cands and st.para_of(ps_) >= r.paragraph - 1:
                x = cands[-1]
                r.speaker, r.entity, r.src = x.speaker, x.entity, x.src
                continue
        if k + 1 < len(sents) and st.para_of(sents[k + 1][0]) == r.paragraph:
            ns, ne = sents[k + 1]
            cands = [x for x in st.starting_in(r.paragraph, ns, ne) if x.kind == "reported"]
            if cands and cands[0].src and cands[0].src[0] - sents[k + 1][0] < 3:
                x = cands[0]
                r.speaker, r.entity, r.src, r.cue = x.speaker, x.entity, x.src, x.cue
                continue
