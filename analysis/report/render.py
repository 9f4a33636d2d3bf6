"""Highlighted HTML of an article: every hedge, booster and attribution marked.

Each cue is a ``<mark class="cue hedge author">`` (category, then voice) with a
tooltip (``title``) giving category, subtype and speaker; quoted passages are a
``<span class="quote">``, reported speech a ``<span class="reported">``, and
each passage ends with an empty ``<span class="who" data-speaker="...">`` that
the page shows as a small label with the source's name (CSS generated content).
Article text is untrusted: every character of it goes through :func:`html.escape`
(``quote=True``), so the output holds no markup from the article, and stripping the
tags then unescaping gives back each paragraph's text exactly.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import replace

from analysis.annotate.hedging import CATEGORIES, Cue
from analysis.annotate.hedging.sentence_model import drivers_text
from analysis.document import AnalysedDocument
from analysis.model import Article

_LABELS = {
    ("hedge", "author"): "hedge (author)",
    ("hedge", "quoted"): "hedge (quoted)",
    ("hedge", "reported"): "hedge (reported)",
    ("booster", "author"): "booster (author)",
    ("booster", "quoted"): "booster (quoted)",
    ("booster", "reported"): "booster (reported)",
    ("attribution", "author"): "attribution",
}

CSS = """
.ma-article { font: 16px/1.6 Georgia, 'Times New Roman', serif; color: #1d1d1d; max-width: 46em; margin: 0 auto; }
.ma-article p { margin: 0 0 0.9em 0; }
.ma-article .para { position: relative; padding-left: 40px; }
.ma-article .para .idx { position: absolute; left: 0; top: 0.3em; width: 28px; text-align: right; color: #999;
  font: 11px/1.6 system-ui, sans-serif; }
.ma-article .role-headline { font-size: 1.6em; font-weight: bold; line-height: 1.3; }
.ma-article .role-summary { font-style: italic; }
.ma-article .role-byline, .ma-article .role-boilerplate { color: #777; font-size: 0.9em; }
.ma-article .role-tag { font: 10px system-ui, sans-serif; color: #888; text-transform: uppercase;
  letter-spacing: 0.05em; margin-left: 0.5em; }
.ma-article .quote { background: #f1f1f1; border-bottom: 1px dotted #aaa; }
.ma-article .reported { background: #eef6ee; border-bottom: 2px solid #8fbf8f; }
.ma-article .who::after { content: attr(data-speaker); font: 600 10.5px/1 system-ui, sans-serif; color: #35673a;
  background: #e3f0e3; border-radius: 3px; padding: 1px 4px; margin-left: 3px; vertical-align: 2px;
  white-space: nowrap; }
.ma-article .who.quoted::after { color: #555; background: #e8e8e8; }
.ma-article .unc::after { content: attr(data-label); font: 600 10.5px/1 system-ui, sans-serif; color: #5b3b8c;
  border: 1px solid #b9a3dd; border-radius: 3px; padding: 0 4px; margin-left: 3px; vertical-align: 2px;
  white-space: nowrap; cursor: help; }
.ma-article mark.cue { border-radius: 3px; padding: 0 2px; color: inherit; cursor: help; }
.ma-article mark.hedge.author { background: #ffe08a; }
.ma-article mark.hedge.quoted, .ma-article mark.hedge.reported { background: #fff4cc; border: 1px dashed #d4a500; }
.ma-article mark.booster.author { background: #ffb3b3; }
.ma-article mark.booster.quoted, .ma-article mark.booster.reported { background: #ffe3e3; border: 1px dashed #d44; }
.ma-article mark.attribution { background: #b9dcff; }
.ma-article .legend { font: 13px/1.8 system-ui, sans-serif; border: 1px solid #ddd; border-radius: 6px;
  padding: 0.5em 0.8em; margin: 0 0 1.5em 0; background: #fafafa; }
.ma-article .legend mark, .ma-article .legend .quote, .ma-article .legend .reported { margin-right: 0.8em;
  white-space: nowrap; }
.ma-article .summary-line { color: #555; font: 13px system-ui, sans-serif; }
.ma-article .prediction { text-decoration: underline wavy #7a4fc9; text-underline-offset: 4px; }
"""


def _esc(s: str) -> str:
    return html.escape(s, quote=True)


def _tooltip(c: Cue) -> str:
    parts = [c.category]
    if c.subtype:
        parts.append(c.subtype)
    if c.voice == "author":
        parts.append("author")
    else:
        parts.append(f"{c.voice}: " + (c.speaker or "unknown source"))
    return " · ".join(parts)


def _clip(spans: Sequence[tuple[int, int]], n: int) -> list[tuple[int, int]]:
    return [(max(0, a), min(n, b)) for a, b in spans if min(n, b) > max(0, a)]


def render_paragraph(
    text: str,
    cues: Sequence[Cue],
    quotes: Sequence[tuple[int, int]] = (),
    predictions: Sequence[tuple[int, int]] = (),
    reported: Sequence[tuple[int, int]] = (),
    speakers: Sequence[tuple[int, str, str]] = (),
) -> str:
    """HTML of one paragraph ``text``: cues as ``<mark>``, quoted and reported passages as ``<span>``.

    Args:
        text: the paragraph.
        cues: cues with offsets into ``text``.
        quotes: ``(start, end)`` of quoted passages (``<span class="quote">``).
        predictions: sentences with an unhedged prediction (``<span class="prediction">``).
        reported: reported-speech passages (``<span class="reported">``).
        speakers: ``(offset, voice, speaker)``: an empty ``<span class="who">`` there whose
            ``data-speaker`` the page shows (CSS ``::after``), so each passage names its source on
            the page while the text content stays the paragraph's text.

    Returns:
        The HTML. Out-of-range offsets are clipped, cues overlapping an earlier cue are
        dropped, and a passage or prediction edge inside a cue moves to the cue's end, so
        each cue is exactly one ``<mark>``. Nesting: prediction > reported > quote > mark.
        Stripping the tags and unescaping returns ``text``.
    """
    n = len(text)
    marks: list[Cue] = []
    for c in sorted(cues, key=lambda c: c.start):
        if 0 <= c.start < c.end <= n and (not marks or c.start >= marks[-1].end):
            marks.append(c)

    def outside_cues(pos: int) -> int:
        for c in marks:
            if c.start < pos < c.end:
                return c.end
        return pos

    levels = [
        [(outside_cues(a), outside_cues(b)) for a, b in _clip(spans, n)] for spans in (predictions, reported, quotes)
    ]
    labels: dict[int, list[tuple[str, str]]] = {}
    for pos, voice, who in speakers:
        labels.setdefault(min(max(outside_cues(pos), 0), n), []).append((voice, who))
    edges = {x for spans in levels for span in spans for x in span} | {x for c in marks for x in (c.start, c.end)}
    points = sorted({0, n} | edges | set(labels))
    out: list[str] = []
    state: tuple[object, ...] = (False, False, False, None)
    ci = 0

    def close(level: int) -> None:
        for i in (3, 2, 1, 0):  # innermost first
            if i >= level and state[i]:
                out.append("</mark>" if i == 3 else "</span>")

    for a, b in zip(points, points[1:], strict=False):
        if a == b:
            continue
        while ci < len(marks) and marks[ci].end <= a:
            ci += 1
        cue = marks[ci] if ci < len(marks) and marks[ci].start <= a else None
        new = (*(any(x <= a < y for x, y in spans) for spans in levels), cue)
        level = 0 if a in labels else next((i for i in range(4) if new[i] != state[i]), 4)
        close(level)
        out.extend(_label(v, w) for v, w in labels.get(a, ()))
        for i in range(level, 4):  # open them again, outermost first
            if new[i]:
                out.append(_OPEN[i](new[i]))
        out.append(_esc(text[a:b]))
        state = new
    close(0)
    out.extend(_label(v, w) for v, w in labels.get(n, ()))
    return "".join(out)


def _label(voice: str, speaker: str) -> str:
    """An empty marker the page labels with CSS: a passage's source, or (voice ``uncertain``) a sentence's score."""
    if voice == "uncertain":
        label, _, drivers = speaker.partition("\n")
        return f'<span class="unc" data-label="{_esc(label)}" title="{_esc(drivers)}"></span>'
    return f'<span class="who {_esc(voice)}" data-speaker="{_esc(speaker)}"></span>'


def _open_mark(cue: object) -> str:
    assert isinstance(cue, Cue)
    cls = f"cue {cue.category} {cue.voice}"
    return f'<mark class="{_esc(cls)}" title="{_esc(_tooltip(cue))}">'


_OPEN = (
    lambda _: '<span class="prediction" title="unhedged prediction">',
    lambda _: '<span class="reported" title="reported speech or thought">',
    lambda _: '<span class="quote">',
    _open_mark,
)


def legend() -> str:
    """The colour legend as an HTML fragment."""
    items = [
        f'<mark class="cue {cat} {voice}" title="{_esc(label)}">{_esc(label)}</mark>'
        for (cat, voice), label in _LABELS.items()
    ]
    items.append('<span class="quote">quoted words</span>' + _label("quoted", "speaker"))
    items.append('<span class="reported">reported speech or thought</span>' + _label("reported", "source"))
    items.append('<span class="prediction">unhedged prediction (author)</span>')
    example = "speculation 0.72: may\nthe measures over their thresholds, and hedges"
    items.append("sentence" + _label("uncertain", example))
    return (
        '<div class="legend">' + " ".join(items) + "<br>Each quoted or reported passage ends with the name of "
        "its source (\u201cunknown\u201d when none is found); dashed cues are in someone else's words. "
        "A speculative or vague sentence ends with the measure(s) over threshold and its hedges; hover over the "
        "scores for the features that drove each, over a cue for its subtype.</div>"
    )


def highlight(item: Article | AnalysedDocument, standalone: bool = True) -> str:
    """HTML of an article with every cue marked by category and voice, a legend and tooltips.

    Args:
        item: an analysed document (its layers are read, nothing is recomputed) or an
            article (analysed here with the default settings).
        standalone: ``True`` gives a complete page (``<!doctype html>``, CSS in ``<head>``);
            ``False`` a ``<div>`` fragment with scoped CSS for Jupyter (``Article._repr_html_``).

    Returns:
        The HTML; every piece of article text in it is escaped.
    """
    from analysis.document import analyze

    doc = item if isinstance(item, AnalysedDocument) else analyze(item)
    article = doc.article
    cues = doc.by_paragraph("cues")
    relations = doc.by_paragraph("attributions")
    predicted = set(doc.predictions)
    counts = {cat: sum(1 for c in doc.cues if c.category == cat) for cat in CATEGORIES}
    title = article.title or (article.paragraphs[0].text if article.paragraphs else article.article_id)
    parts = ['<div class="ma-article">']
    parts.append(
        f'<p class="summary-line">{counts["hedge"]} hedges, {counts["booster"]} boosters, '
        f"{counts['attribution']} attributions in all paragraphs (metrics count body paragraphs only).</p>"
    )
    parts.append(legend())
    for p, pcues, prel in zip(article.paragraphs, cues, relations, strict=True):
        local = [replace(c, start=c.start - p.start, end=c.end - p.start) for c in pcues]
        qs = [(r.start - p.start, r.end - p.start) for r in prel if r.kind == "direct"]
        rs = [(r.start - p.start, r.end - p.start) for r in prel if r.kind == "reported"]
        voice = {"direct": "quoted", "reported": "reported"}
        who = [(min(r.end, p.end) - p.start, voice[r.kind], r.speaker or "unknown") for r in prel]
        for i in doc.sentence_range(p.index):
            if doc.is_uncertain(i):
                m = doc.measures[i]
                scores = [f"speculation {m.speculation:.2f}"] if doc.is_speculative(i) else []
                scores += [f"vagueness {m.vagueness:.2f}"] if doc.is_vague(i) else []
                cues_in = [
                    c.text
                    for c in pcues
                    if doc.sentences[i].start <= c.start < doc.sentences[i].end and c.category == "hedge"
                ]
                label = " · ".join(scores) + (f": {', '.join(cues_in)}" if cues_in else "")
                drivers = drivers_text(doc.uncertainty_drivers.get(i, ()))
                who.append((doc.sentences[i].end - p.start, "uncertain", f"{label}\ndriven by {drivers}"))
        ps = [
            (doc.sentences[i].start - p.start, doc.sentences[i].end - p.start)
            for i in doc.sentence_range(p.index)
            if i in predicted
        ]
        role = _esc(p.role)
        tag = "" if p.role == "body" else f'<span class="role-tag">{role}</span>'
        parts.append(
            f'<p class="para role-{role}" id="p{p.index}"><span class="idx">{p.index}</span>'
            f"{render_paragraph(p.text, local, qs, ps, rs, who)}{tag}</p>"
        )
    parts.append("</div>")
    body = "\n".join(parts)
    if not standalone:
        return f"<style>{CSS}</style>\n{body}"
    return (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{_esc(title)} - hedging</title>\n<style>{CSS}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )
