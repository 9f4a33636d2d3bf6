"""Explore articles paragraph by paragraph in JupyterLab, or in any browser from one HTML file.

:func:`explore` gives a view with two drop-downs (the article, the metric), a bar per
body paragraph, a tooltip on hover (the paragraph's text, its cues with voice and
speaker, its word count) and, on click, the paragraph highlighted in the chart and
shown below it. In JupyterLab it is a widget: under the chart, the clicked paragraph
is printed with every cue marked as in :func:`analysis.report.render.highlight`.
:func:`export_view` writes the same view as one self-contained HTML file (every
script inline, no network needed) for people without Jupyter::

    from analysis.report.interactive import explore, export_view, store_tables
    t = store_tables()                       # or your own tables
    explore(t.paragraphs, t.cues, t.articles)
    export_view(t.paragraphs, t.cues, t.articles, path="view.html")

The chart is Vega-Lite, built with Altair: hover, selection and the drop-downs are
declarative (no hand-written JavaScript); the JavaScript that draws it is the
vl-convert bundle, inlined. Article text is untrusted: the spec is JSON with ``<``,
``>`` and ``&`` written as ``\\u003c``, ``\\u003e``, ``\\u0026`` (so no ``</script>``
can end the script block), Vega draws text as text (SVG text nodes), its tooltip
escapes HTML, and the Jupyter panel goes through :func:`html.escape`.

Inputs are tables, so they work for any source:

``paragraphs``
    the paragraph table (:func:`analysis.article_tables`), one or more articles: needs
    ``article_id, paragraph, role, start, end, n_words`` and the metric columns; the
    text comes from a ``text`` column when present, else from ``texts``.
``cues``
    the cue table: ``article_id, paragraph, start, end`` (offsets into ``Article.text``),
    ``text, category, subtype, voice, speaker`` (``sentence`` is not needed).
``articles``
    optional article rows with ``article_id`` and ``title`` (and ``outlet``): names
    in the drop-down; without it the paragraph table's ``title`` column or the id.
``texts``
    optional ``{article_id: Article or Article.text}`` when ``paragraphs`` has no ``text``.
"""

from __future__ import annotations

import html
import json
import textwrap
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from analysis.report.plots import COMPARABLE_COLOR, METRIC_LABELS, RATE_MIN_WORDS, SEED_COLOR

if TYPE_CHECKING:
    from analysis.model import Article

DEFAULT_METRIC = "flesch_kincaid_grade"
#: Cue table columns this module reads (the cue table has ``sentence`` too).
CUE_COLUMNS: tuple[str, ...] = ("article_id", "paragraph", "start", "end", "text", "category", "subtype", "voice",
                                "speaker")
#: Characters of paragraph text in a tooltip (the panel under the chart shows it all).
TOOLTIP_CHARS = 600
#: Characters per line of the paragraph text under the chart.
LINE_CHARS = 110
_TOOLTIP_CSS = """
#vg-tooltip-element { max-width: 460px; }
#vg-tooltip-element table tr td.value { max-width: 380px; max-height: none; white-space: normal; }
"""


@dataclass
class ViewTables:
    """Tables for :func:`explore`: paragraphs (with a ``text`` column), cues, article rows."""

    paragraphs: pd.DataFrame
    cues: pd.DataFrame
    articles: pd.DataFrame


def tables_for(articles: Iterable[Article]) -> ViewTables:
    """Paragraph table (with each paragraph's ``text``), cue table and article rows of ``articles``."""
    from analysis.document import analyze
    from analysis.tables import article_tables
    from analysis.tables import cues as cue_table

    paras, cues, rows = [], [], []
    for art in articles:
        doc = analyze(art)  # one analysis feeds every table
        p, a = article_tables(doc)
        p = p.copy()
        p["text"] = [par.text for par in art.paragraphs]
        paras.append(p)
        cues.append(cue_table(doc))
        a = a.copy()
        a["title"], a["outlet"] = art.title or art.article_id, art.outlet or ""
        rows.append(a)
    if not paras:
        raise ValueError("no articles to explore")
    return ViewTables(pd.concat(paras, ignore_index=True), pd.concat(cues, ignore_index=True),
                      pd.DataFrame(rows).reset_index(drop=True))


def store_tables(store: str | Path | None = None, include_seed: bool = True) -> ViewTables:
    """Tables of every English article in the store (and the bundled seed article first)."""
    from analysis import load_article, seed_path
    from analysis.sources.store import DEFAULT_STORE, load_corpus

    root = Path(store) if store else Path(DEFAULT_STORE)
    arts = [load_article(seed_path())] if include_seed else []
    if root.is_dir():
        arts += load_corpus(root, english_only=True)
    return tables_for(arts)


# --- the data behind the view ---------------------------------------------------------------------

def _paragraph_text(paragraphs: pd.DataFrame, texts: Mapping[str, Any] | None) -> pd.Series:
    if "text" in paragraphs:
        return paragraphs["text"].fillna("").astype(str)
    out = []
    for _, r in paragraphs.iterrows():
        src = (texts or {}).get(r["article_id"])
        full = getattr(src, "text", src)
        out.append(full[int(r["start"]):int(r["end"])] if isinstance(full, str) else "")
    return pd.Series(out, index=paragraphs.index, dtype=object)


def _titles(paragraphs: pd.DataFrame, articles: pd.DataFrame | None) -> dict[str, str]:
    titles: dict[str, str] = {}
    for frame in (paragraphs, articles):
        if frame is not None and "title" in frame:
            for aid, t in zip(frame["article_id"], frame["title"], strict=True):
                if isinstance(t, str) and t.strip():
                    titles.setdefault(str(aid), t.strip())
    return {str(a): titles.get(str(a), str(a)) for a in dict.fromkeys(paragraphs["article_id"])}


def _cue_phrase(c: Mapping[str, Any]) -> str:
    voice = str(c.get("voice") or "author")
    speaker = str(c.get("speaker") or "")
    who = "author" if voice == "author" else f"{voice}: {speaker or 'unknown speaker'}"
    sub = f", {c['subtype']}" if c.get("subtype") else ""
    return f"{c['category']} \u201c{c['text']}\u201d ({who}{sub})"


def view_data(
    paragraphs: pd.DataFrame, cues: pd.DataFrame, articles: pd.DataFrame | None = None,
    texts: Mapping[str, Any] | None = None,
) -> pd.DataFrame:
    """One row per body paragraph: ids, title, word count, metrics, ``text``, ``cue_list``, ``speakers``."""
    body = paragraphs[paragraphs["role"] == "body"].copy()
    body["text"] = _paragraph_text(body, texts)
    titles = _titles(paragraphs, articles)
    body["title"] = body["article_id"].astype(str).map(titles)
    by_para: dict[tuple[str, int], list[dict[str, Any]]] = {}
    for c in cues.sort_values(["article_id", "paragraph", "start"]).to_dict("records"):
        by_para.setdefault((str(c["article_id"]), int(c["paragraph"])), []).append(c)
    cue_list, speakers, n_cues = [], [], []
    for aid, par in zip(body["article_id"], body["paragraph"], strict=True):
        cs = by_para.get((str(aid), int(par)), [])
        cue_list.append("; ".join(_cue_phrase(c) for c in cs) or "none")
        names = dict.fromkeys(str(c["speaker"]) for c in cs if c.get("voice") != "author" and c.get("speaker"))
        speakers.append(", ".join(names) or "none named")
        n_cues.append(len(cs))
    body["cue_list"], body["speakers"], body["n_cues"] = cue_list, speakers, n_cues
    body["short"] = body["n_words"] < RATE_MIN_WORDS
    return body.reset_index(drop=True)


def _metrics(paragraphs: pd.DataFrame, metric: str) -> list[str]:
    metrics = [m for m in METRIC_LABELS if m in paragraphs]
    if metric not in paragraphs:
        raise ValueError(f"unknown metric {metric!r}; choose one of {', '.join(metrics)}")
    return metrics if metric in metrics else [metric, *metrics]


def _clip(text: str, n: int = TOOLTIP_CHARS) -> str:
    return text if len(text) <= n else text[: n - 1].rsplit(" ", 1)[0] + " …"


def _long_rows(data: pd.DataFrame, metrics: Sequence[str]) -> list[dict[str, Any]]:
    rows = []
    for r in data.to_dict("records"):
        for m in metrics:
            v = r.get(m)
            rows.append({
                "article_id": str(r["article_id"]), "title": r["title"], "paragraph": int(r["paragraph"]),
                "metric": m, "metric_label": METRIC_LABELS.get(m, m),
                "value": None if v is None or pd.isna(v) else round(float(v), 3),
                "n_words": int(r["n_words"]), "n_cues": int(r["n_cues"]),
                "words_note": f"{int(r['n_words'])}" + (" (short: rates swing widely)" if r["short"] else ""),
                "text": _clip(r["text"]), "cue_list": r["cue_list"], "speakers": r["speakers"],
            })
    return rows


def _detail_rows(data: pd.DataFrame, cues: pd.DataFrame) -> list[dict[str, Any]]:
    """Lines under the chart: the paragraph's text wrapped, then one line per cue."""
    rows = []
    grouped = {k: g for k, g in cues.groupby(["article_id", "paragraph"])} if len(cues) else {}
    for r in data.to_dict("records"):
        key = {"article_id": str(r["article_id"]), "paragraph": int(r["paragraph"])}
        lines = [("head", f"Paragraph {r['paragraph']} \u00b7 {r['n_words']} words \u00b7 speakers: {r['speakers']}")]
        lines += [("text", line) for line in textwrap.wrap(r["text"], LINE_CHARS)]
        g = grouped.get((r["article_id"], r["paragraph"]))
        cue_rows = g.sort_values("start").to_dict("records") if g is not None else []
        lines += [(str(c["category"]), "\u25a0 " + _cue_phrase(c)) for c in cue_rows]
        if not cue_rows:
            lines.append(("none", "no hedges, boosters or attributions in this paragraph"))
        rows += [{**key, "line": i, "kind": kind, "content": content} for i, (kind, content) in enumerate(lines)]
    return rows


# --- the chart ------------------------------------------------------------------------------------

def view_chart(
    paragraphs: pd.DataFrame, cues: pd.DataFrame, articles: pd.DataFrame | None = None,
    metric: str = DEFAULT_METRIC, texts: Mapping[str, Any] | None = None, article_id: str | None = None,
) -> Any:
    """The Altair chart of the view: drop-downs for article and metric, bars, tooltip, click to pick."""
    import altair as alt

    metrics = _metrics(paragraphs, metric)
    data = view_data(paragraphs, cues, articles, texts)
    if data.empty:
        raise ValueError("no body paragraphs to show")
    titles = dict(zip(data["article_id"].astype(str), data["title"], strict=False))
    ids = list(titles)
    first = str(article_id) if article_id is not None else ids[0]
    if first not in titles:
        raise ValueError(f"article {first!r} is not in the paragraph table")
    article = alt.param(name="article", value=first, bind=alt.binding_select(
        options=ids, labels=[titles[i] for i in ids], name="Article "))
    chosen = alt.param(name="metric", value=metric, bind=alt.binding_select(
        options=metrics, labels=[METRIC_LABELS.get(m, m) for m in metrics], name="Metric "))
    pick = alt.selection_point(name="pick", fields=["article_id", "paragraph"], on="click", clear="dblclick",
                               empty=False)
    hover = alt.selection_point(name="hover", fields=["article_id", "paragraph"], on="pointerover",
                                clear="pointerout", empty=False)
    label_expr = " : ".join(f"metric == {json.dumps(m)} ? {json.dumps(METRIC_LABELS.get(m, m))}" for m in metrics)
    tooltip = [
        alt.Tooltip("paragraph:O", title="Paragraph"),
        alt.Tooltip("metric_label:N", title="Metric"),
        alt.Tooltip("value:Q", title="Value", format=".2f"),
        alt.Tooltip("words_note:N", title="Words"),
        alt.Tooltip("text:N", title="Text"),
        alt.Tooltip("cue_list:N", title="Cues"),
        alt.Tooltip("speakers:N", title="Speakers"),
    ]
    bars = (
        alt.Chart(alt.Data(values=_long_rows(data, metrics)), title=alt.Title(
            alt.expr(f"({label_expr} : metric) + ' by paragraph'"),
            subtitle="Hover a bar for the paragraph's text and cues; click it to pick it (double-click clears).",
        ))
        .mark_bar()
        .encode(
            x=alt.X("paragraph:O", title="Paragraph number (body paragraphs)", axis=alt.Axis(labelAngle=0)),
            y=alt.Y("value:Q", title="value of the chosen metric"),
            color=alt.condition(pick, alt.value(SEED_COLOR), alt.value(COMPARABLE_COLOR)),
            opacity=alt.condition("datum.n_words < " + str(RATE_MIN_WORDS), alt.value(0.55), alt.value(1.0)),
            stroke=alt.condition(hover, alt.value("black"), alt.value(None)),
            strokeWidth=alt.condition(hover, alt.value(2), alt.value(0)),
            tooltip=tooltip,
        )
        .transform_filter("datum.article_id == article && datum.metric == metric")
        .add_params(pick, hover)
        .properties(width=720, height=280)
    )
    colors = {"head": "#333333", "text": "#111111", "none": "#777777",
              "hedge": "#0072B2", "booster": "#B36B00", "attribution": "#007A5A"}
    lines = _detail_rows(data, cues)
    n_lines = max(int(r["line"]) for r in lines) + 1
    # A fixed height (the longest paragraph's lines): a view that grows on click would be clipped.
    detail = (
        alt.Chart(alt.Data(values=lines), title=alt.Title(
            "Picked paragraph", subtitle="Click a bar above; lighter bars: paragraphs under "
            f"{RATE_MIN_WORDS} words, where rates per 100 words swing widely."))
        .mark_text(align="left", baseline="middle", fontSize=12, limit=900)
        .encode(
            x=alt.value(0),
            y=alt.Y("line:Q", axis=None, scale=alt.Scale(domain=[-0.5, n_lines - 0.5], reverse=True, nice=False)),
            text="content:N",
            color=alt.Color("kind:N", scale=alt.Scale(domain=list(colors), range=list(colors.values())), legend=None),
        )
        .transform_filter(pick)
        .transform_filter("datum.article_id == article")
        .properties(width=720, height=17 * n_lines)
    )
    # The drop-downs are top-level parameters: both views read them.
    chart = alt.vconcat(bars, detail, spacing=24).add_params(article, chosen)
    return chart.configure_view(stroke=None).configure_title(anchor="start")


# --- in Jupyter -----------------------------------------------------------------------------------

def paragraph_detail_html(
    paragraphs: pd.DataFrame, cues: pd.DataFrame, article_id: str, paragraph: int,
    texts: Mapping[str, Any] | None = None,
) -> str:
    """HTML of one paragraph with its cues marked (as in the highlighted article), escaped."""
    from analysis.annotate.hedging import Cue
    from analysis.report.render import CSS, legend, render_paragraph

    row = paragraphs[(paragraphs["article_id"].astype(str) == str(article_id))
                     & (paragraphs["paragraph"] == int(paragraph))]
    if row.empty:
        return "<p>No such paragraph.</p>"
    text = str(_paragraph_text(row, texts).iloc[0])
    start = int(row["start"].iloc[0])
    mine = cues[(cues["article_id"].astype(str) == str(article_id)) & (cues["paragraph"] == int(paragraph))]
    marks = [
        Cue(int(c["start"]) - start, int(c["end"]) - start, str(c["text"]), str(c["category"]),
            str(c.get("subtype") or ""), "author" if c.get("voice") == "author" else "quoted",
            str(c.get("speaker") or ""))
        for c in mine.to_dict("records")
    ]
    names = sorted({m.speaker for m in marks if m.voice != "author" and m.speaker})
    who = html.escape(", ".join(names) or "none named")
    return (
        f"<style>{CSS}</style><div class=\"ma-article\">{legend()}"
        f"<p class=\"summary-line\">Paragraph {int(paragraph)} \u00b7 {int(row['n_words'].iloc[0])} words \u00b7 "
        f"{len(marks)} cues \u00b7 speakers: {who}</p>"
        f"<p class=\"para\">{render_paragraph(text, marks)}</p></div>"
    )


def explore(
    paragraphs: pd.DataFrame, cues: pd.DataFrame, articles: pd.DataFrame | None = None,
    metric: str = DEFAULT_METRIC, texts: Mapping[str, Any] | None = None,
) -> Any:
    """The view for JupyterLab: the chart, and under it the clicked paragraph with its cues marked.

    Returns an ``ipywidgets.VBox`` (an Altair ``JupyterChart`` feeding its selection back to
    Python, and an ``HTML`` panel). Without ``anywidget`` it returns the plain chart, which
    still has the drop-downs, tooltips and picked paragraph text.
    """
    import altair as alt

    chart = view_chart(paragraphs, cues, articles, metric, texts)
    try:
        import ipywidgets as widgets

        alt.JupyterChart.enable_offline()  # scripts from vl-convert: works without network
        jchart = alt.JupyterChart(chart, embed_options={"actions": False})
    except ImportError:
        return chart
    panel = widgets.HTML(f"<style>{_TOOLTIP_CSS}</style><p><i>Click a bar to see its paragraph here.</i></p>")

    def show_paragraph(article_id: str, paragraph: int) -> None:
        panel.value = f"<style>{_TOOLTIP_CSS}</style>" + paragraph_detail_html(
            paragraphs, cues, article_id, paragraph, texts)

    def on_pick(change: Any) -> None:
        value = getattr(change.get("new"), "value", None) or []
        if value:
            show_paragraph(value[0]["article_id"], value[0]["paragraph"])

    jchart.selections.observe(on_pick, ["pick"])
    box = widgets.VBox([jchart, panel])
    box.show_paragraph = show_paragraph  # type: ignore[attr-defined]  # what a click does, callable from code
    box.panel = panel  # type: ignore[attr-defined]
    return box


def explore_store(store: str | Path | None = None, metric: str = DEFAULT_METRIC) -> Any:
    """:func:`explore` over the seed and every English article of the store."""
    t = store_tables(store)
    return explore(t.paragraphs, t.cues, t.articles, metric)


# --- standalone HTML ------------------------------------------------------------------------------

def _script_safe_json(obj: Any) -> str:
    """JSON that cannot end a ``<script>`` block or open a comment: ``<``, ``>``, ``&`` as escapes."""
    text = json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _vega_bundle() -> str:
    import vl_convert as vlc
    from altair.utils._importers import vl_version_for_vl_convert

    bundle = vlc.javascript_bundle(vl_version=vl_version_for_vl_convert())
    return bundle.replace("</script", "<\\/script")


def view_html(chart: Any, title: str = "Paragraph explorer", intro: str = "", element_id: str = "view") -> str:
    """A complete, self-contained HTML page drawing ``chart`` (an Altair chart) offline."""
    spec = chart.to_dict()
    return (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(title)}</title>\n"
        "<style>body{font:14px/1.5 system-ui,sans-serif;margin:1.5em;color:#1d1d1d}"
        "h1{font-size:1.3em;margin:0 0 .3em} .vega-bindings{margin:.5em 0}"
        ".vega-embed{display:flex!important;flex-direction:column} .vega-embed .vega-bindings{order:-1}"
        f".vega-bind{{margin-right:1.5em;display:inline-block}} {_TOOLTIP_CSS}</style>\n"
        f"<script>{_vega_bundle()}</script>\n</head>\n<body>\n"
        f"<h1>{html.escape(title)}</h1>\n" + (f"<p>{html.escape(intro)}</p>\n" if intro else "")
        + f'<div id="{html.escape(element_id)}"></div>\n'
        f"<script>const spec = {_script_safe_json(spec)};\n"
        f"vegaEmbed({json.dumps('#' + element_id)}, spec, {{renderer: 'svg', actions: false}})"
        ".then(function (r) { window.vegaView = r.view; }).catch(console.error);</script>\n</body>\n</html>\n"
    )


def export_view(
    paragraphs: pd.DataFrame, cues: pd.DataFrame, articles: pd.DataFrame | None = None,
    metric: str = DEFAULT_METRIC, *, path: str | Path, texts: Mapping[str, Any] | None = None,
    article_id: str | None = None, overwrite: bool = False,
) -> Path:
    """Write the view of :func:`explore` as one standalone HTML file at ``path``; return the path.

    Refuses to replace an existing file unless ``overwrite``.
    """
    from analysis.io import atomic_write_text

    chart = view_chart(paragraphs, cues, articles, metric, texts, article_id)
    page = view_html(chart, intro="Choose an article and a metric above the chart. Hover a bar for the paragraph's "
                     "text, cues and speakers; click a bar to pick the paragraph and read it under the chart.")
    atomic_write_text(Path(path), page, overwrite=overwrite)
    return Path(path)
