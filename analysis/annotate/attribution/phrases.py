"""Phrases and clauses: reporting verbs, noun phrases, the subject of a verb, where a clause starts and ends.

Token-level tests shared by every pass. ``toks`` is the token list of one sentence (or of the
stretch before or after a quotation); indices are token positions, offsets come from the tokens.
"""

from __future__ import annotations

from analysis.annotate.attribution.state import Parse, Subject, VerbSubject
from analysis.annotate.attribution.tokens import (
    ACCORDING,
    CLOSERS,
    CONTRACTED_FINITE,
    QUOTE_CHARS,
    Tok,
    is_initial,
)


def verb_at(st: Parse, toks: list[Tok], i: int) -> tuple[str, int] | None:
    """The reporting verb starting at token ``i``: ``(class, number of words)``, or None (not after a capital)."""
    t = toks[i]
    if not t.word or t.cap and i > 0:
        return None
    for ws, c in st.W.verbs.get(t.low, ()):
        if all(i + k < len(toks) and toks[i + k].low == w for k, w in enumerate(ws)):
            return c, len(ws)
    return None


def np_left(st: Parse, toks: list[Tok], j: int, lo: int = 0) -> int | None:
    """Start index of a noun phrase ending at token ``j`` (inclusive), or None."""
    c = st.W.cls
    if j < lo or not toks[j].word:
        if j >= lo and toks[j].text in ("'", "’") and j > lo and toks[j - 1].low.endswith("s"):
            pass
        else:
            return None
    if toks[j].low in c["pron"] and toks[j].low not in c["pron_possessive"]:
        return j
    a = None
    k = j
    while k >= lo and j - k < 9:
        t = toks[k]
        if t.word:
            if t.low in c["determiner"]:
                a = k
                # "a spokesman for the Home Office": the phrase goes on before the preposition
                if (
                    k - 2 >= lo
                    and toks[k - 1].low in st.W.cls["np_prep"]
                    and toks[k - 2].word
                    and not st.is_fn(toks[k - 2])
                    and not verb_at(st, toks, k - 2)
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
                and not st.is_fn(toks[k - 1])
            ):
                k -= 1  # "Mark Ruiz and Helen Park"
                continue
            if (
                t.low in st.W.cls["np_prep"]
                and a is not None
                and k > lo
                and toks[k - 1].word
                and not st.is_fn(toks[k - 1])
            ):
                k -= 1
                continue
            stop = t.low in c["function"] or t.low in c["pron"] or verb_at(st, toks, k)
            if stop and not (t.cap and k == lo and t.low not in c["pron"] and t.low not in c["determiner"]):
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
            and (toks[k - 1].text in c["title_any"] or is_initial(toks[k - 1]))
        ):  # "Mr." and initials: "J.J. Goldberg", "Robert S. Ford"
            pass
        else:
            break
        k -= 1
    if a is None:
        return None
    if all(toks[x].low in c["determiner"] or not toks[x].word for x in range(a, j + 1)):
        return None
    if a < j and is_verb_adverb(st, toks[a]):
        return None  # "suddenly placed security": a predicate, not a noun phrase ("the newly elected" starts at "the")
    return a


def np_right(st: Parse, toks: list[Tok], i: int) -> int | None:
    """End index (exclusive) of a noun phrase starting at token ``i``."""
    c = st.W.cls
    if i >= len(toks) or not toks[i].word:
        return None
    possessive = toks[i].low in c["determiner"] and i + 1 < len(toks) and toks[i + 1].word and not st.is_fn(toks[i + 1])
    if toks[i].low in c["pron"] and not possessive:
        return i + 1
    k = i
    if toks[k].low in c["determiner"]:
        k += 1
    start_content = k
    while k < len(toks) and k - i < 8:
        t = toks[k]
        if t.word:
            nxt = toks[k + 1] if k + 1 < len(toks) else None
            # "the Royal College of Midwives", "a group of voters" (not "Ian Porter of the Forum")
            of_noun = t.low == "of" and nxt is not None and nxt.word and not nxt.cap and not st.is_fn(nxt)
            if t.low in st.W.cls["np_prep"] and nxt is not None and (nxt.cap or of_noun) and k > start_content:
                k += 1
                continue
            if st.is_fn(t) or t.low.endswith("ly") or verb_at(st, toks, k) or t.low in c["finite"]:
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
            and (
                toks[k - 1].text in c["title_any"]
                # an initial inside a name: "Robert S. Ford", "George W. Bush"
                or (is_initial(toks[k - 1]) and k + 1 < len(toks) and toks[k + 1].cap)
            )
            or t.text in ("'", "’")
            and toks[k - 1].low.endswith("s")
        ):
            pass
        else:
            break
        k += 1
    return k if k > start_content else None


def clause_start_ok(st: Parse, toks: list[Tok], k: int) -> bool:
    """Whether a full clause starts at token ``k``: a subject followed by a finite verb within eight words."""
    c = st.W.cls
    if k >= len(toks) or not toks[k].word:
        return k < len(toks) and toks[k].text in QUOTE_CHARS and k + 1 < len(toks) and clause_start_ok(st, toks, k + 1)
    t = toks[k]
    if t.low in st.W.cls["approx"] and t.low not in c["determiner"]:
        ok = k + 1 < len(toks) and (toks[k + 1].text[0].isdigit() or toks[k + 1].low in c["quantity_head"])
        if not ok:
            return False
    elif (
        t.low in c["function"]
        and t.low not in c["clause_pron"]
        and t.low not in c["determiner"]
        or t.low.endswith("ly")
        or (t.low == "to")
    ):
        return False
    if CONTRACTED_FINITE.search(t.low):
        return True  # "he’d build", "she’ll leave", "it’s": the subject carries its finite verb
    if (
        t.low in c["subject_pron"]
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
        if u.word and u.low in st.W.cls["prep"]:
            saw_prep = True
        if u.low in c["finite"] or CONTRACTED_FINITE.search(u.low):
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
            and (toks[x + 1].low in c["determiner"] or toks[x + 1].low in c["object_pron"])
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
            and (toks[x - 1].word or toks[x - 1].text in QUOTE_CHARS)
            and toks[x - 1].low not in c["determiner"]
            and x + 1 < len(toks)
            and toks[x + 1].word
        ):
            return True
    return False


def clause_end(st: Parse, start: int, sent_end: int) -> int:
    """End offset of a reported clause starting at ``start``: a clause break, ", according to" or the sentence end."""
    m = st.W.breaks.search(st.text, start, sent_end)
    end = m.start() if m else sent_end
    m2 = ACCORDING.search(st.text, start, end)
    if m2:
        end = m2.start()
    while end > start and st.text[end - 1].isspace():
        end -= 1
    if end > start and st.text[end - 1] in ".!?" and not (m and m.start() == end):
        end -= 1
    return end


def subject_left(st: Parse, toks: list[Tok], i: int, lo: int = 0) -> Subject | VerbSubject | None:
    """The source noun phrase of the reporting verb at token ``i`` (tokens ``[a, b)`` and a note).

    Returns a :class:`VerbSubject` when the verb reports nothing here or shares the clause's
    subject, None when no subject stands before it.
    """
    c = st.W.cls
    j = i - 1
    while j >= lo and toks[j].word and (toks[j].low in c["pre_verb"] or is_verb_adverb(st, toks[j])):
        j -= 1  # "has also said", "has long maintained", "later told"
    if j >= lo and (toks[j].low in c["neg"] or toks[j].low.endswith("n't") or toks[j].low.endswith("n’t")):
        return VerbSubject.NOT_REPORTING
    if j < lo:
        return None
    t = toks[j]
    if t.low == "to" or t.low in st.W.cls["be_form"]:
        return VerbSubject.NOT_REPORTING
    if t.text in CLOSERS or (t.text == "," and j > lo and toks[j - 1].text in CLOSERS):
        return VerbSubject.NOT_REPORTING
    if t.low in c["coordinator"] or (t.text == "," and toks[i].low.endswith("ing")):
        return VerbSubject.SHARED
    if t.text == ",":
        # "Paul Porter, a truck driver from Ava, Mo., who ..., said": a name opening the clause, then a
        # description with commas of its own
        for m in range(lo + 1, j):
            if (
                toks[m].text == ","
                and toks[m - 1].cap
                and toks[m - 1].word
                and (
                    toks[m + 1].low in c["determiner"]
                    or toks[m + 1].low in c["relative"]
                    or toks[m + 1].text[0].isdigit()
                )
            ):
                s = np_left(st, toks, m - 1, lo)
                if s is not None and toks[s].cap and (s == lo or toks[s - 1].text in (",", ":")):
                    return s, m, {"appos": (m + 1, j)}
                break
        k = j - 1
        while k > lo and toks[k].text != ",":
            k -= 1
        if k > lo and toks[k].text == ",":
            s = np_left(st, toks, k - 1, lo)
            if s is not None:
                if s - 2 >= lo and toks[s - 1].text == "," and toks[s - 2].cap and toks[s - 2].word:
                    # "J.J. Goldberg, editor at large of The Forward, an influential newspaper, wrote":
                    # the name before the first description is the subject
                    n = np_left(st, toks, s - 2, lo)
                    if n is not None and toks[n].cap and (n == lo or toks[n - 1].text in (",", ":")):
                        return n, s - 1, {"appos": (s, k)}
                return s, k, {"appos": (k + 1, j)}
        return None
    s = np_left(st, toks, j, lo)
    if s is None:
        return None
    if s > lo and toks[s - 1].text in CLOSERS:
        return VerbSubject.NOT_REPORTING
    return s, j + 1, {}


def is_verb_adverb(st: Parse, t: Tok) -> bool:
    """An adverb between a subject and its reporting verb ("also", "later", "repeatedly", "long")."""
    return not t.cap and (t.low in st.W.cls["verb_adverb"] or (t.low.endswith("ly") and len(t.low) > 4))


def sentence_subject(st: Parse, toks: list[Tok]) -> tuple[int, int] | None:
    """Token span of the subject of the sentence ``toks`` (after an opening adverbial clause), or None."""
    k = 0
    if toks and toks[0].word and (toks[0].low in st.W.cls["function"]) and toks[0].low not in st.W.cls["determiner"]:
        for x in range(min(len(toks), 7)):
            if toks[x].text == ",":
                k = x + 1
                break
    e = np_right(st, toks, k)
    if e is None:
        return None
    if e < len(toks) - 2 and toks[e].text == ",":
        e2 = np_right(st, toks, e + 1)
        if e2 and e2 < len(toks) and toks[e2].text == "," and toks[e + 1].cap:
            return e + 1, e2
    return k, e


def medium(st: Parse, toks: list[Tok], k: int) -> int | None:
    """Token index after a medium or addressee phrase at ``k`` ("on Twitter", "in a statement"), or None."""
    for m in st.W.media:
        if all(k + x < len(toks) and toks[k + x].low == w for x, w in enumerate(m)):
            return k + len(m)
    if k + 1 < len(toks) and toks[k].low == "on" and toks[k + 1].cap and toks[k + 1].word:
        return k + 2
    return None
