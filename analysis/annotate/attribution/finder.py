"""The attribution passes in order over one article.

Reported speech per sentence, then quotations, then names and sources in reading order (a name
enters the tracker before the relations whose source follows it), then quotes without a source.
"""

from __future__ import annotations

from collections.abc import Sequence

from analysis.annotate.attribution.names import scan_names
from analysis.annotate.attribution.quotations import direct, fill_quotes
from analysis.annotate.attribution.relations import Attribution
from analysis.annotate.attribution.reported import reported_in
from analysis.annotate.attribution.spans import SpanIndex
from analysis.annotate.attribution.speakers import finish, resolve
from analysis.annotate.attribution.state import Parse, Raw
from analysis.annotate.attribution.tagger import TaggerModel, load_model, rule_marks, tagged_relations
from analysis.annotate.attribution.tokens import (
    PARA_WORD,
    Tok,
    tokens,
)
from analysis.annotate.quotes import Quote, find_quotes

SentenceTokens = list[tuple[int, int, int, list[Tok]]]
Events = list[tuple[int, int, tuple[int, list[Tok], bool] | Raw]]


def rules(st: Parse) -> tuple[Events, SentenceTokens]:
    """Passes 2 and 3 (reported speech per sentence, then quotations) into ``st.raws``.

    Returns:
        The reading-order events of each sentence's names, and each sentence's tokens
        ``(paragraph, start, end, tokens)``.
    """
    text = st.text
    # (offset, order, what): a sentence's names (paragraph, tokens, title case) or a relation's source
    events: Events = []
    sent_toks: SentenceTokens = []
    for pi, sents in enumerate(st.sentences):
        ps, pe = st.paragraphs[pi]
        words = PARA_WORD.findall(text[ps:pe])
        caps = sum(1 for w in words if w[0].isupper())
        title_case = len(words) >= 3 and caps / len(words) > 0.6
        for ss, se in sents:
            toks = tokens(text, ss, se)
            sent_toks.append((pi, ss, se, toks))
            events.append((ss, 0, (pi, toks, title_case)))
            st.sent_list.append((ss, se, toks, pi))
            reported_in(st, pi, ss, se, toks)
    st.sent_starts = [x[0] for x in st.sent_list]
    direct(st)
    return events, sent_toks


def rule_spans(st: Parse) -> dict[str, list[tuple[int, int]]]:
    """The rules' spans so far per layer: ``dir`` and ``rep`` contents, ``cue``, ``src``."""
    spans: dict[str, list[tuple[int, int]]] = {"dir": [], "rep": [], "cue": [], "src": []}
    for r in st.raws:
        spans["dir" if r.kind == "direct" else "rep"].append((r.start, r.end))
        if r.cue:
            spans["cue"].append(r.cue)
        if r.src:
            spans["src"].append(r.src)
    return spans


def tagger_inputs(st: Parse, sent_toks: SentenceTokens) -> list[tuple[int, list[Tok], list[set[str]]]]:
    """Per sentence: its paragraph, tokens and the rule layers over each token (the tagger's training input)."""
    marks = rule_marks([toks for _, _, _, toks in sent_toks], rule_spans(st))
    return [(pi, toks, m) for (pi, _, _, toks), m in zip(sent_toks, marks, strict=True)]


def run(st: Parse, model: TaggerModel | None = None) -> list[Attribution]:
    """Every pass over the article of ``st``, in order; the relations as records.

    With a ``model``, the tagger's relations (:mod:`.tagger`) join the rules' before speakers are resolved.
    """
    events, sent_toks = rules(st)
    if model is not None:
        st.raws += tagged_relations(st, model, [(pi, toks) for pi, _, _, toks in sent_toks], rule_spans(st))
    raws = sorted(st.raws, key=lambda r: (r.start, r.kind != "reported"))
    st.raws = raws
    st.by_para = {}
    for r in raws:
        st.by_para.setdefault(r.paragraph, []).append(r)
    st.para_starts = {pi: [r.start for r in rs] for pi, rs in st.by_para.items()}
    st.content_index = SpanIndex([(r.start, r.end, r) for r in raws])
    st.cue_index = SpanIndex([(r.cue[0], r.cue[1], r) for r in raws if r.cue])
    # resolution in reading order: names of a sentence, then the relations whose source lies there
    for r in raws:
        if r.src:
            events.append((r.src[0], 1, r))
        else:
            events.append((r.start, 1, r))
    events.sort(key=lambda e: (e[0], e[1]))
    sentence_starts = {ss for _, ss, _, _ in sent_toks}
    for _pos, _o, ev in events:
        if not isinstance(ev, Raw):
            pi, toks, title_case = ev
            n0 = len(st.tracker.mentions)
            scan_names(st, pi, toks, title_case)
            for m in st.tracker.mentions[n0:]:  # inside someone's words, or an addressee ("told Reuters")
                if st.in_content(m.pos) or st.cue_index.holding(m.pos, m.pos + 1) is not None:
                    m.salient = False
            continue
        resolve(st, ev, sentence_starts)
    # direct quotes without a source: paragraph runs, quote groups, neighbouring sentences
    fill_quotes(st, sent_toks)
    return finish(st)


def find_attributions(
    text: str,
    paragraphs: Sequence[tuple[int, int]],
    sentences: Sequence[Sequence[tuple[int, int]]] | None = None,
    quotes: Sequence[Quote] | None = None,
    *,
    tagger: bool = True,
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
        tagger: add the reported-speech tagger's relations to the rules' (False: the rules
            alone, as the tagger's training reads them).

    Returns:
        The relations, direct and reported, ordered by content start.
    """
    if sentences is None:
        from analysis.annotate.segmentation import split_sentences

        sentences = [[(ps + s.start, ps + s.end) for s in split_sentences(text[ps:pe])] for ps, pe in paragraphs]
    if quotes is None:
        quotes = find_quotes(text, list(paragraphs))
    model = load_model() if tagger else None
    return run(Parse(text, list(paragraphs), [list(s) for s in sentences], quotes), model)


def attributions(article) -> list[Attribution]:  # type: ignore[no-untyped-def]
    """:func:`find_attributions` over an :class:`analysis.model.Article` (all paragraphs)."""
    paragraphs = [(p.start, p.end) for p in article.paragraphs]
    sentences = [[(s.start, s.end) for s in p.sentences] for p in article.paragraphs]
    return find_attributions(article.text, paragraphs, sentences)
