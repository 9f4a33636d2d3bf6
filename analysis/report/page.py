"""One self-contained HTML page per article, for readers who do not use Jupyter.

``media-analysis report PATH -o report.html`` (:mod:`analysis.cli.report`, through
:func:`report_for_path`) and
:func:`write_report` write it; :func:`report_html` returns it as a string. The page
holds a header (title, outlet, author, date), the summary with percentiles against
the news baseline, the charts (PNG images inside the page as ``data:`` URLs), the
article with every cue highlighted (:func:`analysis.report.render.highlight`) and,
when given, the table of quoted and reported sources.

Nothing on the page is fetched: no script, no font, no image from elsewhere, and a
Content-Security-Policy that forbids them. Article text and metadata are untrusted:
every string goes through :func:`html.escape`, and a link to the source is written
only for an ``http(s)`` address.

Inputs are tables (so the page works for any source):

``paragraphs``
    the article's paragraph table (:func:`analysis.article_tables`): ``article_id,
    paragraph, role, n_words`` and the metric columns.
``article``
    its article row (same function), with ``title, outlet, author, date, url`` when
    the table carries metadata (else taken from ``document``).
``cues``
    the cue table (``article_id, paragraph, start, end, text, category, subtype, voice,
    speaker``; offsets into ``Article.text``): counted in the summary, and marked in the
    text when no ``document`` is given.
``sources``
    optional: one row per source (``speaker, direct, reported, words, hedges, boosters,
    first_paragraph``).
``baseline``
    optional article-level baseline (``analysis.load_baseline(level="article")``).
``sentences``
    optional sentence table (:func:`analysis.tables.sentence_metrics`) for the
    sentiment chart.
``document``
    optional :class:`~analysis.model.Article`: the highlighted text then comes from
    :func:`~analysis.report.render.highlight` (quotations and unhedged predictions too).
"""

from __future__ import annotations

import base64
import html
import io
import math
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pandas, matplotlib and the plots are imported when a page is made, not with the CLI's parser
    import pandas as pd
    from matplotlib.figure import Figure

    from analysis.document import AnalysedDocument
    from analysis.model import Article

#: The committed baseline, named for what it is (learner-adapted, not the Guardian as published).
BASELINE_NAME = "Guardian news articles as adapted for English learners"
BASELINE_CREDIT = (
    "OneStopEnglish corpus, advanced level: Guardian news articles as adapted by onestopenglish.com for "
    "advanced learners of English (Vajjala & Lučić 2018, CC BY-SA 4.0)"
)
#: Resolution of the charts inside the page.
DPI = 110
#: Rows of the summary table: column -> (label, what "higher" means).
SUMMARY: dict[str, tuple[str, str]] = {
    "n_words": ("Words (body text)", "longer"),
    "flesch_kincaid_grade": ("Flesch-Kincaid grade (US school years)", "harder to read"),
    "flesch_reading_ease": ("Flesch reading ease (0-100)", "easier to read"),
    "gunning_fog": ("Gunning Fog (grade)", "harder to read"),
    "words_per_sentence": ("Words per sentence", "longer sentences"),
    "sentiment_compound": ("Sentiment: mean VADER compound (-1..1)", "more positive"),
    "sentiment_neg": ("Sentiment: mean negative share (0..1)", "more negative words"),
    "hedges_per_100w": ("Hedges per 100 words", "more hedged"),
    "boosters_per_100w": ("Boosters per 100 words", "more emphatic"),
    "attributions_per_100w": ("Attributions per 100 words", "more attributed"),
}
CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'"
CSS = """
body { margin: 0; background: #f6f6f4; color: #1d1d1d; font: 15px/1.55 system-ui, 'Segoe UI', sans-serif; }
main { max-width: 60em; margin: 0 auto; padding: 1.5em 1.5em 3em; background: #fff; }
header h1 { font: bold 1.9em/1.25 Georgia, 'Times New Roman', serif; margin: 0.2em 0 0.3em; }
header .meta { color: #555; margin: 0 0 0.3em; }
header .meta span + span::before { content: " \\00b7 "; color: #aaa; }
h2 { font-size: 1.25em; margin: 2em 0 0.6em; border-bottom: 1px solid #e3e3e3; padding-bottom: 0.2em; }
table.data { border-collapse: collapse; width: 100%; font-size: 0.95em; }
table.data th, table.data td { padding: 0.35em 0.6em; border-bottom: 1px solid #eee; text-align: right; }
table.data th:first-child, table.data td:first-child { text-align: left; }
table.data td.pctcell, table.data th.pctcell { text-align: left; }
table.data thead th { background: #f3f3f3; font-weight: 600; }
.pct { display: inline-block; width: 5em; height: 0.6em; background: #e8e8e8; border-radius: 3px;
  vertical-align: middle; margin-right: 0.4em; position: relative; }
.pct i { position: absolute; top: -0.2em; width: 3px; height: 1em; background: #D55E00; }
.note { color: #555; font-size: 0.9em; }
figure { margin: 1.2em 0; }
figure img { max-width: 100%; height: auto; border: 1px solid #eee; }
figcaption { color: #555; font-size: 0.9em; }
.counts { display: flex; gap: 1em; flex-wrap: wrap; margin: 0.5em 0 1em; }
.counts div { background: #f3f6fa; border-radius: 6px; padding: 0.5em 0.9em; }
.counts b { font-size: 1.4em; display: block; }
footer { color: #666; font-size: 0.85em; margin-top: 3em; border-top: 1px solid #e3e3e3; padding-top: 0.8em; }
"""


def esc(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _meta(article: pd.Series, document: Article | AnalysedDocument | None, key: str) -> str:
    v = article.get(key) if key in article else None
    if (v is None or (isinstance(v, float) and math.isnan(v)) or v == "") and document is not None:
        v = getattr(getattr(document, "article", document), key, None)  # an analysed document or an Article
    return "" if v is None or (isinstance(v, float) and math.isnan(v)) else str(v)


def figure_img(fig: Figure, alt: str, caption: str = "") -> str:
    """``fig`` as a PNG inside an ``<img>`` (``data:`` URL): no file beside the page, no metadata."""
    import matplotlib as mpl

    from analysis.report import plots

    buf = io.BytesIO()
    with mpl.rc_context(plots.STYLE):
        fig.savefig(buf, format="png", dpi=DPI, metadata={"Software": None})
    data = base64.b64encode(buf.getvalue()).decode("ascii")
    cap = f"<figcaption>{esc(caption)}</figcaption>" if caption else ""
    return f'<figure><img src="data:image/png;base64,{data}" alt="{esc(alt)}">{cap}</figure>'


def fmt(v: float, digits: int = 2) -> str:
    if v is None or (isinstance(v, float) and not math.isfinite(v)):
        return "–"
    return f"{v:,.0f}" if abs(v) >= 100 else f"{v:.{digits}f}"


def summary_html(
    article: pd.Series,
    cues: pd.DataFrame,
    baseline: pd.DataFrame | None = None,
    paragraphs: pd.DataFrame | None = None,
    baseline_label: str | None = None,
) -> str:
    """The cue counts (body paragraphs, as the metrics), then the values with the baseline's median and percentile."""
    from analysis.report.compare import percentile_table

    if paragraphs is not None and len(cues):
        body = set(paragraphs.loc[paragraphs["role"] == "body", "paragraph"])
        cues = cues[cues["paragraph"].isin(body)]
    counts = {
        cat: int((cues["category"] == cat).sum()) if len(cues) else 0 for cat in ("hedge", "booster", "attribution")
    }
    quoted = int((cues["voice"] != "author").sum()) if len(cues) else 0
    boxes = "".join(
        f"<div><b>{n}</b>{esc(label)}</div>"
        for label, n in (
            ("hedges", counts["hedge"]),
            ("boosters", counts["booster"]),
            ("attributions", counts["attribution"]),
            ("cues in sources' words (quoted or reported)", quoted),
        )
    )
    boxes += (
        '<div class="note" style="background:none">in the body text<br>(headline, standfirst and<br>'
        "byline left out, as in the metrics)</div>"
    )
    metrics = [m for m in SUMMARY if m in article]
    n_base = len(baseline) if baseline is not None else 0
    has_base = n_base > 0
    pct = (
        percentile_table(article, baseline, [m for m in metrics if m in baseline])
        if baseline is not None and has_base
        else None
    )
    head = "<tr><th>Measure</th><th>This article</th>"
    if has_base:
        head += '<th>Baseline median</th><th class="pctcell">Percentile in the baseline</th>'
    rows = []
    for m in metrics:
        label, higher = SUMMARY[m]
        value = f"{float(article[m]):,.0f}" if m == "n_words" else fmt(float(article[m]))
        cells = f"<td>{esc(label)}</td><td>{esc(value)}</td>"
        if pct is not None and m in pct.index:
            p = float(pct.loc[m, "percentile"])
            bar = f'<span class="pct"><i style="left:{p:.0f}%"></i></span>' if math.isfinite(p) else ""
            words = f" ({esc(higher)} than {p:.0f}% of them)" if higher and math.isfinite(p) else ""
            cells += (
                f'<td>{esc(fmt(float(pct.loc[m, "median"])))}</td><td class="pctcell">{bar}{p:.0f}{words}</td>'
                if math.isfinite(p)
                else "<td>–</td><td>–</td>"
            )
        elif has_base:
            cells += "<td>–</td><td>–</td>"
        rows.append(f"<tr>{cells}</tr>")
    if has_base and baseline_label:
        note = (
            f'<p class="note">Percentiles compare this article with {n_base} {esc(baseline_label)}. '
            "50 means as many of them below as above.</p>"
        )
    elif has_base:
        note = (
            f'<p class="note">Percentiles compare this article with the {n_base} articles of the '
            f"{esc(BASELINE_CREDIT)}. Those texts were rewritten for language learners, so they are not the "
            "Guardian as published: read the percentiles as a rough guide, not a verdict. 50 means as many "
            "baseline articles below as above.</p>"
        )
    else:
        note = '<p class="note">No baseline was given, so no percentiles.</p>'

    return (
        f'<div class="counts">{boxes}</div><table class="data"><thead>{head}</tr></thead><tbody>'
        + "".join(rows)
        + f"</tbody></table>{note}"
    )


def sources_html(sources: pd.DataFrame) -> str:
    """The sources table (one row per speaker), escaped; columns as given, known ones labelled."""
    import pandas as pd

    labels = {
        "speaker": "Speaker",
        "direct": "Direct quotes",
        "reported": "Reported",
        "words": "Words quoted",
        "hedges": "Hedges",
        "boosters": "Boosters",
        "first_paragraph": "First paragraph",
    }
    cols = [c for c in labels if c in sources] or list(sources.columns)
    head = "".join(f"<th>{esc(labels.get(c, c))}</th>" for c in cols)
    body = "".join(
        "<tr>" + "".join(f"<td>{esc('' if pd.isna(r[c]) else r[c])}</td>" for c in cols) + "</tr>"
        for _, r in sources.iterrows()
    )
    if not len(sources):
        body = f'<tr><td colspan="{len(cols)}">No quoted or reported source found.</td></tr>'
    return f'<table class="data"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _text_from_tables(paragraphs: pd.DataFrame, cues: pd.DataFrame) -> str:
    """Highlighted text from the tables alone (needs a ``text`` column): cues marked, no quote spans."""
    from analysis.annotate.hedging import Cue
    from analysis.report.render import CSS as ARTICLE_CSS
    from analysis.report.render import legend, render_paragraph

    if "text" not in paragraphs:
        return '<p class="note">The paragraph table has no text column: no highlighted text.</p>'
    parts = [f"<style>{ARTICLE_CSS}</style>", '<div class="ma-article">', legend()]
    for r in paragraphs.to_dict("records"):
        mine = cues[cues["paragraph"] == r["paragraph"]] if len(cues) else cues
        marks = [
            Cue(
                int(c["start"]) - int(r["start"]),
                int(c["end"]) - int(r["start"]),
                str(c["text"]),
                str(c["category"]),
                str(c.get("subtype") or ""),
                str(c.get("voice") or "author"),
                str(c.get("speaker") or ""),
            )
            for c in mine.to_dict("records")
        ]
        role = esc(r["role"])
        parts.append(
            f'<p class="para role-{role}" id="p{int(r["paragraph"])}"><span class="idx">'
            f"{int(r['paragraph'])}</span>{render_paragraph(str(r['text']), marks)}</p>"
        )
    parts.append("</div>")
    return "\n".join(parts)


def _notices_html(document: Article | AnalysedDocument | None) -> str:
    """The analysed document's notices (an unread quotation convention, ...) as warning paragraphs."""
    notices = document.notices() if document is not None and hasattr(document, "notices") else ()
    return "".join(f'<p class="note warning">Warning: {esc(n.split(": ", 1)[-1])}</p>' for n in notices)


def report_figures(
    paragraphs: pd.DataFrame,
    article: pd.Series,
    sentences: pd.DataFrame | None = None,
    baseline: pd.DataFrame | None = None,
    baseline_label: str | None = None,
) -> list[tuple[Figure, str, str]]:
    """The page's charts: (figure, alt text, caption). ``baseline_label``: what a baseline of the user's
    own articles is (default: the packaged baseline, :data:`BASELINE_NAME`)."""
    from analysis.report import plots
    from analysis.report.compare import COMPARED_METRICS

    figs = [
        (
            plots.readability_by_paragraph(paragraphs, article),
            "Bar chart: Flesch-Kincaid grade of each body paragraph",
            "Hatched bars: paragraphs under 100 words, whose grade is indicative only.",
        ),
    ]
    if sentences is not None and len(sentences):
        figs.append(
            (
                plots.sentiment_arc(paragraphs, sentences),
                "Line chart: mean sentiment of each paragraph",
                "VADER compound score: -1 very negative, +1 very positive; dots are single sentences.",
            )
        )
    figs += [
        (
            plots.cues_by_paragraph(paragraphs),
            "Bar chart: hedges, boosters and attributions in each paragraph",
            "Bars count cues; the number on each bar is its rate per 100 words.",
        ),
        (
            plots.metric_heatstrip(paragraphs),
            "Heat map: every metric by paragraph",
            "Orange: harder to read (readability rows) or more than the article's average; purple: the opposite.",
        ),
    ]
    if baseline is not None and len(baseline):
        figs.append(
            (
                plots.comparable_distributions(
                    article,
                    baseline,
                    COMPARED_METRICS,
                    focus_label="this article",
                    comparables_label=baseline_label or BASELINE_NAME,
                ),
                "Histograms: the baseline's values of each metric, this article marked",
                f"Blue bars: {len(baseline)} {baseline_label or BASELINE_NAME}"
                + ("" if baseline_label else " (OneStopEnglish, advanced level)")
                + "; vermillion line: this article.",
            )
        )
    return figs


def report_html(
    paragraphs: pd.DataFrame,
    article: pd.Series,
    cues: pd.DataFrame,
    sources: pd.DataFrame | None = None,
    baseline: pd.DataFrame | None = None,
    *,
    sentences: pd.DataFrame | None = None,
    document: Article | AnalysedDocument | None = None,
    baseline_label: str | None = None,
) -> str:
    """The report page of one article as a string (a complete, self-contained HTML document).

    ``baseline_label``: what ``baseline`` is when it is the user's own articles (e.g. "articles of
    corpus.csv"); default the packaged learner-English baseline, named and credited as such.
    """
    from analysis import __version__
    from analysis.report.render import highlight

    title = _meta(article, document, "title") or str(article.get("article_id", "Article"))
    meta = [
        ("outlet", _meta(article, document, "outlet")),
        ("author", _meta(article, document, "author")),
        ("date", _meta(article, document, "date")),
    ]
    meta_html = "".join(f'<span class="{k}">{esc(v)}</span>' for k, v in meta if v)
    url = _meta(article, document, "url")
    link = ""
    if url.lower().startswith(("http://", "https://")):
        link = f'<p class="meta">Source: <a href="{esc(url)}" rel="noopener noreferrer">{esc(url)}</a></p>'
    figures = "\n".join(
        figure_img(f, a, c) for f, a, c in report_figures(paragraphs, article, sentences, baseline, baseline_label)
    )
    text = highlight(document, standalone=False) if document is not None else _text_from_tables(paragraphs, cues)
    sections = [
        f'<header><p class="meta">media-analysis report</p><h1>{esc(title)}</h1>'
        f'<p class="meta">{meta_html or "<span>outlet, author and date unknown</span>"}</p>{link}</header>',
        f"<section><h2>Summary</h2>{summary_html(article, cues, baseline, paragraphs, baseline_label)}</section>",
        f"<section><h2>Charts</h2>{figures}</section>",
        '<section><h2>The text, highlighted</h2><p class="note">Every hedge (withholding commitment), booster '
        "(expressing certainty) and attribution (a claim given to a source) is marked; cues inside quotations "
        "or reported speech are their source's, named at the end of each passage. Hover a mark for its kind "
        "and speaker.</p>" + _notices_html(document) + text + "</section>",
    ]
    if sources is not None:
        sections.append(f"<section><h2>Who is quoted or reported</h2>{sources_html(sources)}</section>")
    sections.append(
        "<footer>Made with media-analysis " + esc(__version__) + ". Readability: textstat (Flesch-Kincaid, "
        "reading ease, Gunning Fog), reliable on 100 words or more; sentiment: VADER; hedges, boosters and "
        "attributions: the project's lexicon with context rules, which flags candidates for a reader to check, "
        "not verdicts."
        + (f" Baseline: {esc(baseline_label or BASELINE_CREDIT)}." if baseline is not None and len(baseline) else "")
        + "</footer>"
    )
    return (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)} - media-analysis report</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>\n"
        + "\n".join(sections)
        + "\n</main>\n</body>\n</html>\n"
    )


def write_report(
    path: str | Path,
    paragraphs: pd.DataFrame,
    article: pd.Series,
    cues: pd.DataFrame,
    sources: pd.DataFrame | None = None,
    baseline: pd.DataFrame | None = None,
    *,
    overwrite: bool = False,
    **kwargs: Any,
) -> Path:
    """Write :func:`report_html` to ``path`` atomically; refuses an existing file unless ``overwrite``."""
    from analysis.io import atomic_write_text

    atomic_write_text(
        Path(path), report_html(paragraphs, article, cues, sources, baseline, **kwargs), overwrite=overwrite
    )
    return Path(path)


# --- one article file ---------------------------------------------------------------------------


def report_for_path(path: str | Path, baseline: bool | pd.DataFrame = True, baseline_label: str | None = None) -> str:
    """The report page of the article file ``path`` (analysed now).

    Args:
        path: the article file.
        baseline: ``True``: the packaged baseline; ``False``: none; an article table: rank against it.
        baseline_label: what that table is (see :func:`report_html`).
    """
    import pandas as pd

    from analysis.document import analyze
    from analysis.report.baseline import load_baseline
    from analysis.sources.loading import load_article
    from analysis.tables import article_tables, cues, sentence_metrics, sources

    doc = analyze(load_article(path))
    paragraphs, article = article_tables(doc)
    cue_rows = cues(doc)
    if isinstance(baseline, pd.DataFrame):
        base: pd.DataFrame | None = baseline
    else:
        base = load_baseline(level="article") if baseline else None
        baseline_label = None
    return report_html(
        paragraphs,
        article,
        cue_rows,
        sources(doc),
        base,
        sentences=sentence_metrics(doc),
        document=doc,
        baseline_label=baseline_label,
    )
