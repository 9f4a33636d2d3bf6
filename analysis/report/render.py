"""Highlighted HTML of an article: every hedge, booster and attribution marked.

Each cue is a ``<mark class="cue hedge author">`` (category, then voice) with a
tooltip (``title``) giving category, subtype and speaker; quoted passages are a
``<span class="quote">``. Article text is untrusted: every character of it goes
through :func:`html.escape` (``quote=True``), so the output holds no markup from
the article, and stripping the tags then unescaping gives back each paragraph's
text exactly.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import replace

from analysis.annotate.hedging import CATEGORIES, Cue
from analysis.document import AnalysedDocument
from analysis.model import Article

_LABELS = {
    ("hedge", "author"): "hedge (author)",
    ("hedge", "quoted"): "hedge (quoted speaker)",
    ("booster", "author"): "booster (author)",
    ("booster", "quoted"): "booster (quoted speaker)",
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
.ma-article mark.cue { border-radius: 3px; padding: 0 2px; color: inherit; cursor: help; }
.ma-article mark.hedge.author { background: #ffe08a; }
.ma-article mark.hedge.quoted { background: #fff4cc; border: 1px dashed #d4a500; }
.ma-article mark.booster.author { background: #ffb3b3; }
.ma-article mark.booster.quoted { background: #ffe3e3; border: 1px dashed #d44; }
.ma-article mark.attribution { background: #b9dcff; }
.ma-article .legend { font: 13px/1.8 system-ui, sans-serif; border: 1px solid #ddd; border-radius: 6px;
  padding: 0.5em 0.8em; margin: 0 0 1.5em 0; background: #fafafa; }
.ma-article .legend mark, .ma-article .legend .quote { margin-right: 0.8em; white-space: nowrap; }
.ma-article .summary-line { color: #555; font: 13px system-ui, sans-serif; }
.ma-article .prediction { text-decoration: underline wavy #7a4fc9; text-underline-offset: 4px; }
"""


def _esc(s: str) -> str:
    return html.escape(s, quote=True)


def _tooltip(c: Cue) -> str:
    parts = [c.category]
    if c.subtype:
        parts.append(c.subtype)
    parts.append("quoted: " + (c.speaker or "unknown speaker") if c.voice == "quoted" else "author")
    return " · ".join(parts)


def _clip(spans: Sequence[tuple[int, int]], n: int) -> list[tuple[int, int]]:
    return [(max(0, a), min(n, b)) for a, b in spans if min(n, b) > max(0, a)]


def render_paragraph(
    text: str,
    cues: Sequence[Cue],
    quotes: Sequence[tuple[int, int]] = (),
    predictions: Sequence[tuple[int, int]] = (),
) -> str:
    """HTML of one paragraph ``text``: cues as ``<mark>``, quoted ranges as ``<span class="quote">``.

    ``cues``, ``quotes`` and ``predictions`` (sentences with an unhedged prediction,
    ``<span class="prediction">``) are offsets into ``text``; out-of-range offsets
    are clipped, cues overlapping an earlier cue are dropped, and a quote or
    prediction edge inside a cue moves to the cue's end, so each cue is exactly one
    ``<mark>``. Nesting: prediction > quote > mark. Stripping the tags and
    unescaping returns ``text``.
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

    qspans = [(outside_cues(a), outside_cues(b)) for a, b in _clip(quotes, n)]
    pspans = [(outside_cues(a), outside_cues(b)) for a, b in _clip(predictions, n)]
    edges = {x for span in qspans + pspans for x in span} | {x for c in marks for x in (c.start, c.end)}
    points = sorted({0, n} | edges)
    out: list[str] = []
    state: tuple[bool, bool, Cue | None] = (False, False, None)
    ci = 0
    for a, b in zip(points, points[1:], strict=False):
        if a == b:
            continue
        while ci < len(marks) and marks[ci].end <= a:
            ci += 1
        cue = marks[ci] if ci < len(marks) and marks[ci].start <= a else None
        new = (any(x <= a < y for x, y in pspans), any(x <= a < y for x, y in qspans), cue)
        level = next((i for i in range(3) if new[i] != state[i]), 3)
        for i in (2, 1, 0):  # close the inner levels that change, innermost first
            if i >= level and state[i]:
                out.append("</mark>" if i == 2 else "</span>")
        for i in range(level, 3):  # open them again, outermost first
            if new[i]:
                out.append(_OPEN[i](new[i]))
        out.append(_esc(text[a:b]))
        state = new
    for i in (2, 1, 0):
        if state[i]:
            out.append("</mark>" if i == 2 else "</span>")
    return "".join(out)


def _open_mark(cue: object) -> str:
    assert isinstance(cue, Cue)
    cls = f"cue {cue.category} {cue.voice}"
    return f'<mark class="{_esc(cls)}" title="{_esc(_tooltip(cue))}">'


_OPEN = (
    lambda _: '<span class="prediction" title="unhedged prediction">',
    lambda _: '<span class="quote">',
    _open_mark,
)


def legend() -> str:
    """The colour legend as an HTML fragment."""
    items = [
        f'<mark class="cue {cat} {voice}" title="{_esc(label)}">{_esc(label)}</mark>'
        for (cat, voice), label in _LABELS.items()
    ]
    items.append('<span class="quote">quoted words</span>')
    items.append('<span class="prediction">unhedged prediction (author)</span>')
    return '<div class="legend">' + " ".join(items) + "<br>Hover over a highlighted cue for its subtype.</div>"


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
    cues = doc.paragraph_cues()
    quotes = doc.paragraph_quotes()
    predicted = set(doc.predictions)
    counts = {cat: sum(1 for c in doc.cues if c.category == cat) for cat in CATEGORIES}
    title = article.title or (article.paragraphs[0].text if article.paragraphs else article.article_id)
    parts = ['<div class="ma-article">']
    parts.append(
        f'<p class="summary-line">{counts["hedge"]} hedges, {counts["booster"]} boosters, '
        f'{counts["attribution"]} attributions in all paragraphs (metrics count body paragraphs only).</p>'
    )
    parts.append(legend())
    for p, pcues, pquotes in zip(article.paragraphs, cues, quotes, strict=True):
        local = [replace(c, start=c.start - p.start, end=c.end - p.start) for c in pcues]
        qs = [(q.start - p.start, q.end - p.start) for q in pquotes]
        ps = [(doc.sentences[i].start - p.start, doc.sentences[i].end - p.start) for i in doc.sentence_range(p.index)
              if i in predicted]
        role = _esc(p.role)
        tag = "" if p.role == "body" else f'<span class="role-tag">{role}</span>'
        parts.append(
            f'<p class="para role-{role}" id="p{p.index}"><span class="idx">{p.index}</span>'
            f"{render_paragraph(p.text, local, qs, ps)}{tag}</p>"
        )
    parts.append("</div>")
    body = "\n".join(parts)
    if not standalone:
        return f"<style>{CSS}</style>\n{body}"
    return (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{_esc(title)} - hedging</title>\n<style>{CSS}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )
