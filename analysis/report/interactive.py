"""Explore articles paragraph by paragraph in JupyterLab, or in any browser from one HTML file.

Above the chart, the controls: a group drop-down (outlets, by default), a search box for
titles, the matching articles, the metric. Then a bar per body paragraph of the chosen
article, a tooltip on hover (the paragraph's text, its cues with voice and speaker, its
word count) and, on click, the paragraph highlighted in the chart and shown below it.
:func:`explore` is the JupyterLab widget (controls are ipywidgets; the chart holds only
the chosen article, so an executed notebook over 1,000 articles stays small, and the
clicked paragraph is printed with every cue marked as in
:func:`analysis.report.render.highlight`). :func:`export_view` writes the whole view as
one self-contained HTML file (every script inline, no network needed; every article's
paragraphs in it once) for people without Jupyter::

    from analysis.corpus.bundles import store_view_tables
    from analysis.report.interactive import explore, export_view
    t = store_view_tables()                  # the seed and the store, analysed; or your own tables
    explore(t.paragraphs, t.cues, t.articles)
    export_view(t.paragraphs, t.cues, t.articles, path="view.html")

The chart is Vega-Lite, built with Altair: hover, selection, the search and the drop-downs
of the page are declarative (no hand-written JavaScript); the JavaScript that draws it is the
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
    optional article rows with ``article_id`` and ``title`` (and ``outlet``, or the
    ``group_by`` column): names and groups in the list; without it the paragraph table's
    ``title`` (and ``outlet``) column or the id.
``texts``
    optional ``{article_id: Article or Article.text}`` when ``paragraphs`` has no ``text``.
"""

from __future__ import annotations

import html
import json
import textwrap
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from analysis.report.plots import COMPARABLE_COLOR, METRIC_LABELS, RATE_MIN_WORDS, SEED_COLOR
from analysis.tables.bundle import ViewTables  # noqa: F401  (its old home)

if TYPE_CHECKING:
    pass

DEFAULT_METRIC = "flesch_kincaid_grade"
#: Cue table columns this module reads (the cue table has ``sentence`` too).
CUE_COLUMNS: tuple[str, ...] = (
    "article_id",
    "paragraph",
    "start",
    "end",
    "text",
    "category",
    "subtype",
    "voice",
    "speaker",
)
#: Characters of paragraph text in a tooltip (the panel under the chart shows it all).
TOOLTIP_CHARS = 600
#: Characters per line of the paragraph text under the chart.
LINE_CHARS = 110
_TOOLTIP_CSS = """
#vg-tooltip-element { max-width: 460px; }
#vg-tooltip-element table tr td.value { max-width: 380px; max-height: none; white-space: normal; }
"""


# --- the data behind the view ---------------------------------------------------------------------


def _paragraph_text(paragraphs: pd.DataFrame, texts: Mapping[str, Any] | None) -> pd.Series:
    if "text" in paragraphs:
        return paragraphs["text"].fillna("").astype(str)
    out = []
    for aid, start, end in zip(paragraphs["article_id"], paragraphs["start"], paragraphs["end"], strict=True):
        src = (texts or {}).get(aid)
        full = getattr(src, "text", src)
        out.append(full[int(start) : int(end)] if isinstance(full, str) else "")
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
    paragraphs: pd.DataFrame,
    cues: pd.DataFrame,
    articles: pd.DataFrame | None = None,
    texts: Mapping[str, Any] | None = None,
) -> pd.DataFrame:
    """One row per body paragraph: ids, title, word count, metrics, ``text``, ``cue_list``, ``speakers``,
    ``n_cues``, ``short`` and ``cue_lines`` (one line per cue, for the panel under the chart)."""
    body = paragraphs[paragraphs["role"] == "body"].copy()
    body["text"] = _paragraph_text(body, texts)
    titles = _titles(paragraphs, articles)
    body["title"] = body["article_id"].astype(str).map(titles)
    by_para: dict[tuple[str, int], list[dict[str, Any]]] = {}
    for c in cues.sort_values(["article_id", "paragraph", "start"]).to_dict("records"):
        by_para.setdefault((str(c["article_id"]), int(c["paragraph"])), []).append(c)
    cue_list, speakers, n_cues, lines = [], [], [], []
    for aid, par in zip(body["article_id"], body["paragraph"], strict=True):
        cs = by_para.get((str(aid), int(par)), [])
        phrases = [_cue_phrase(c) for c in cs]
        cue_list.append("; ".join(phrases) or "none")
        lines.append(["\u25a0 " + ph for ph in phrases])
        names = dict.fromkeys(str(c["speaker"]) for c in cs if c.get("voice") != "author" and c.get("speaker"))
        speakers.append(", ".join(names) or "none named")
        n_cues.append(len(cs))
    body["cue_list"], body["speakers"], body["n_cues"], body["cue_lines"] = cue_list, speakers, n_cues, lines
    body["short"] = body["n_words"] < RATE_MIN_WORDS
    return body.reset_index(drop=True)


def _metrics(paragraphs: pd.DataFrame, metric: str) -> list[str]:
    metrics = [m for m in METRIC_LABELS if m in paragraphs]
    if metric not in paragraphs:
        raise ValueError(f"unknown metric {metric!r}; choose one of {', '.join(metrics)}")
    return metrics if metric in metrics else [metric, *metrics]


def _groups(data: pd.DataFrame, articles: pd.DataFrame | None, group_by: str | None) -> pd.Series:
    """The group (``group_by`` value, e.g. the outlet) of each row of ``data``; ``(unknown)`` when empty."""
    values: dict[str, str] = {}
    for frame in (data, articles):
        if group_by and frame is not None and group_by in frame:
            for aid, g in zip(frame["article_id"], frame[group_by], strict=True):
                if isinstance(g, str) and g.strip():
                    values.setdefault(str(aid), g.strip())
    return data["article_id"].astype(str).map(lambda a: values.get(a, UNKNOWN_GROUP))


def _paragraph_rows(data: pd.DataFrame, metrics: Sequence[str]) -> list[dict[str, Any]]:
    """One record per body paragraph: ids, every metric (the chart picks one), text wrapped once, cues."""
    rows = []
    for r in data.to_dict("records"):
        row: dict[str, Any] = {
            "article_id": str(r["article_id"]),
            "paragraph": int(r["paragraph"]),
            "n_words": int(r["n_words"]),
            "words_note": f"{int(r['n_words'])}" + (" (short: rates swing widely)" if r["short"] else ""),
            "head": f"Paragraph {r['paragraph']} \u00b7 {r['n_words']} words \u00b7 speakers: {r['speakers']}",
            "text": "\n".join(textwrap.wrap(r["text"], LINE_CHARS)),
            "cue_list": r["cue_list"],
            "speakers": r["speakers"],
            "cue_lines": "\n".join(r["cue_lines"]) or "no hedges, boosters or attributions in this paragraph",
        }
        for m in metrics:
            v = r.get(m)
            row[m] = None if v is None or pd.isna(v) else round(float(v), 3)
        rows.append(row)
    return rows


#: Titles listed under the search box at most (the first matches, in table order).
LIST_ROWS = 12
ALL_GROUPS = "(all groups)"
UNKNOWN_GROUP = "(unknown)"


# --- the chart ------------------------------------------------------------------------------------


def view_chart(
    paragraphs: pd.DataFrame,
    cues: pd.DataFrame,
    articles: pd.DataFrame | None = None,
    metric: str = DEFAULT_METRIC,
    texts: Mapping[str, Any] | None = None,
    article_id: str | None = None,
    group_by: str | None = "outlet",
    controls: bool = True,
) -> Any:
    """The Altair chart of the view: bars of one article's paragraphs, tooltip, click to read a paragraph.

    With ``controls`` (the standalone page): a group drop-down (``group_by`` values), a title
    search box and a metric drop-down, and above the bars the first :data:`LIST_ROWS`
    matching titles: clicking one shows that article. Without (the Jupyter view, whose
    controls are widgets): the bars of ``article_id`` (default the first article) for ``metric``.
    Each paragraph is one record (every metric in it; the chart computes the chosen one),
    so the data reach the chart once.
    """
    import altair as alt

    metrics = _metrics(paragraphs, metric)
    data = view_data(paragraphs, cues, articles, texts)
    if data.empty:
        raise ValueError("no body paragraphs to show")
    titles = dict(zip(data["article_id"].astype(str), data["title"], strict=False))
    first = str(article_id) if article_id is not None else next(iter(titles))
    if first not in titles:
        raise ValueError(f"article {first!r} is not in the paragraph table")
    if not controls:
        data = data[data["article_id"].astype(str) == first].reset_index(drop=True)
    records = _paragraph_rows(data, metrics)
    labels = {m: METRIC_LABELS.get(m, m) for m in metrics}
    label_expr = " : ".join(f"metric == {json.dumps(m)} ? {json.dumps(lab)}" for m, lab in labels.items())
    pick = alt.selection_point(
        name="pick", fields=["article_id", "paragraph"], on="click", clear="dblclick", empty=False
    )
    hover = alt.selection_point(
        name="hover", fields=["article_id", "paragraph"], on="pointerover", clear="pointerout", empty=False
    )
    tooltip = [
        alt.Tooltip("paragraph:O", title="Paragraph"),
        alt.Tooltip("value:Q", title="Value", format=".2f"),
        alt.Tooltip("words_note:N", title="Words"),
        alt.Tooltip("tip:N", title="Text"),
        alt.Tooltip("cue_list:N", title="Cues"),
        alt.Tooltip("speakers:N", title="Speakers"),
    ]
    chosen = (
        alt.param(
            name="metric",
            value=metric,
            bind=alt.binding_select(options=metrics, labels=list(labels.values()), name="Metric "),
        )
        if controls
        else None
    )
    metric_expr = "metric" if controls else json.dumps(metric)
    title_text = (
        alt.expr(f"({label_expr} : metric) + ' by paragraph'")
        if controls
        else f"{labels[metric]} by paragraph: {titles[first]}"
    )
    base = alt.Chart()  # the paragraphs are the data of the whole view, given once (below), read by both charts
    paragraphs_data = alt.Data(values=records)
    bars = (
        base.transform_calculate(
            value=f"datum[{metric_expr}]",
            tip=f"length(datum.text) > {TOOLTIP_CHARS} ? substring(datum.text, 0, "
            f"{TOOLTIP_CHARS - 2}) + ' \u2026' : datum.text",
        )
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
        .add_params(pick, hover)
        .properties(
            width=720,
            height=280,
            title=alt.Title(
                title_text,
                subtitle="Hover a bar for the paragraph's text and cues; click it to pick it (double-click clears).",
            ),
        )
    )
    n_lines = max(r["text"].count("\n") + r["cue_lines"].count("\n") + 4 for r in records)
    detail = (
        base.transform_filter(pick)
        .transform_calculate(detail="datum.head + '\\n' + datum.text + '\\n\\n' + datum.cue_lines")
        .mark_text(align="left", baseline="top", fontSize=12, lineBreak="\n", limit=900, lineHeight=17)
        .encode(x=alt.value(0), y=alt.value(0), text="detail:N")
        .properties(
            width=720,
            height=17 * n_lines,
            title=alt.Title(
                "Picked paragraph",
                subtitle="Click a bar above; lighter bars: paragraphs under "
                f"{RATE_MIN_WORDS} words, where rates per 100 words swing widely.",
            ),
        )
    )
    if not controls:
        chart = alt.vconcat(bars, detail, spacing=24, data=paragraphs_data)
        return chart.configure_view(stroke=None).configure_title(anchor="start")
    groups = _groups(data, articles, group_by)
    names = sorted(set(groups) - {UNKNOWN_GROUP}) + ([UNKNOWN_GROUP] if UNKNOWN_GROUP in set(groups) else [])
    group = alt.param(
        name="group",
        value=ALL_GROUPS,
        bind=alt.binding_select(options=[ALL_GROUPS, *names], name=f"{(group_by or 'group').capitalize()} "),
    )
    search = alt.param(
        name="search",
        value="",
        bind=alt.binding(input="search", placeholder="words of the title", name="Search titles "),
    )
    listing = pd.DataFrame({"article_id": data["article_id"].astype(str), "group": groups})
    listing = listing.drop_duplicates("article_id")
    listing["title"] = listing["article_id"].map(titles)
    listing["label"] = [f"{t} \u2014 {g}" for t, g in zip(listing["title"], listing["group"], strict=True)]
    article = alt.selection_point(
        name="article", fields=["article_id"], on="click", clear=False, toggle=False, value=[{"article_id": first}]
    )
    matching = (
        alt.Chart(alt.Data(values=listing[["article_id", "group", "title", "label"]].to_dict("records")))
        .transform_filter(
            f"(group == {json.dumps(ALL_GROUPS)} || datum.group == group) && "
            "(!search || indexof(lower(datum.title), lower(search)) >= 0)"
        )
        .transform_window(rank="row_number()")
        .transform_joinaggregate(matches="count()")
        .transform_filter(f"datum.rank <= {LIST_ROWS}")
    )
    titles_list = (
        matching.mark_text(align="left", baseline="middle", fontSize=12, limit=700, cursor="pointer")
        .encode(
            x=alt.value(0),
            y=alt.Y("rank:Q", axis=None, scale=alt.Scale(domain=[-0.5, LIST_ROWS + 0.5], reverse=True, nice=False)),
            text="label:N",
            color=alt.condition(article, alt.value(SEED_COLOR), alt.value("#1d1d1d")),
            tooltip=[alt.Tooltip("title:N", title="Title"), alt.Tooltip("group:N", title="Group")],
        )
        .add_params(article)
    )
    how_many = (
        matching.transform_filter("datum.rank == 1")
        .transform_calculate(
            line=f"datum.matches + ' matching' + (datum.matches > {LIST_ROWS} ? ', the first "
            f"{LIST_ROWS} listed: narrow the search' : '')"
        )
        .mark_text(align="left", baseline="middle", fontSize=11, fontStyle="italic", color="#555555")
        .encode(x=alt.value(0), y=alt.value(0), text="line:N")
    )
    titles_list = alt.layer(titles_list, how_many).properties(
        width=720,
        height=18 * (LIST_ROWS + 1),
        title=alt.Title(
            f"Articles: the first {LIST_ROWS} matching the group and the search (click one)",
            subtitle="Choose a group and type words of a title in the boxes above; the chosen article is in "
            "vermillion.",
        ),
    )
    shown = (
        bars.transform_filter(article),
        detail.transform_filter(article),
    )
    assert chosen is not None  # made with the controls
    chart = alt.vconcat(titles_list, *shown, spacing=20, data=paragraphs_data).add_params(group, search, chosen)
    return chart.configure_view(stroke=None).configure_title(anchor="start")


# --- in Jupyter -----------------------------------------------------------------------------------


def paragraph_detail_html(
    paragraphs: pd.DataFrame,
    cues: pd.DataFrame,
    article_id: str,
    paragraph: int,
    texts: Mapping[str, Any] | None = None,
) -> str:
    """HTML of one paragraph with its cues marked (as in the highlighted article), escaped."""
    from analysis.annotate.hedging import Cue
    from analysis.report.render import CSS, legend, render_paragraph

    row = paragraphs[
        (paragraphs["article_id"].astype(str) == str(article_id)) & (paragraphs["paragraph"] == int(paragraph))
    ]
    if row.empty:
        return "<p>No such paragraph.</p>"
    text = str(_paragraph_text(row, texts).iloc[0])
    start = int(row["start"].iloc[0])
    mine = cues[(cues["article_id"].astype(str) == str(article_id)) & (cues["paragraph"] == int(paragraph))]
    marks = [
        Cue(
            int(c["start"]) - start,
            int(c["end"]) - start,
            str(c["text"]),
            str(c["category"]),
            str(c.get("subtype") or ""),
            "author" if c.get("voice") == "author" else "quoted",
            str(c.get("speaker") or ""),
        )
        for c in mine.to_dict("records")
    ]
    names = sorted({m.speaker for m in marks if m.voice != "author" and m.speaker})
    who = html.escape(", ".join(names) or "none named")
    return (
        f'<style>{CSS}</style><div class="ma-article">{legend()}'
        f'<p class="summary-line">Paragraph {int(paragraph)} \u00b7 {int(row["n_words"].iloc[0])} words \u00b7 '
        f"{len(marks)} cues \u00b7 speakers: {who}</p>"
        f'<p class="para">{render_paragraph(text, marks)}</p></div>'
    )


def explore(
    paragraphs: pd.DataFrame,
    cues: pd.DataFrame,
    articles: pd.DataFrame | None = None,
    metric: str = DEFAULT_METRIC,
    texts: Mapping[str, Any] | None = None,
    group_by: str | None = "outlet",
) -> Any:
    """The view for JupyterLab: controls, the chart of one article, the clicked paragraph under it.

    Above the chart: a group drop-down (``group_by`` values, e.g. outlets), a title search
    box, the list of matching articles and the metric. The chart holds only the chosen
    article's paragraphs (a new chart is drawn on each choice), so a notebook over 1,000
    articles stays small whether or not widget state is saved. Returns an
    ``ipywidgets.VBox`` with attributes ``chart`` (the Altair ``JupyterChart``), ``panel``,
    ``show_paragraph(article_id, paragraph)`` and ``choose(article_id)``; without
    ``anywidget``, the chart with its own (Vega) controls.
    """
    import altair as alt

    body = paragraphs[paragraphs["role"] == "body"]
    if body.empty:
        raise ValueError("no body paragraphs to show")
    metrics = _metrics(paragraphs, metric)
    try:
        import ipywidgets as widgets

        alt.JupyterChart.enable_offline()  # scripts from vl-convert: works without network
    except ImportError:
        return view_chart(paragraphs, cues, articles, metric, texts, group_by=group_by)
    ids = pd.DataFrame({"article_id": list(dict.fromkeys(body["article_id"].astype(str)))})
    titles = _titles(body, articles)  # one entry per article, in table order
    first_rows = body.drop_duplicates("article_id")
    groups = dict(
        zip(
            ids["article_id"],
            _groups(first_rows.assign(article_id=first_rows["article_id"].astype(str)), articles, group_by),
            strict=True,
        )
    )
    names = sorted(set(groups.values()) - {UNKNOWN_GROUP}) + (
        [UNKNOWN_GROUP] if UNKNOWN_GROUP in set(groups.values()) else []
    )
    by_article = {aid: g for aid, g in paragraphs.groupby(paragraphs["article_id"].astype(str), sort=False)}
    cues_by = {aid: g for aid, g in cues.groupby(cues["article_id"].astype(str), sort=False)} if len(cues) else {}
    layout = widgets.Layout(width="auto")
    group = widgets.Dropdown(
        options=[ALL_GROUPS, *names], value=ALL_GROUPS, description=(group_by or "group").capitalize(), layout=layout
    )
    search = widgets.Text(
        value="", placeholder="words of the title", description="Search", layout=layout, continuous_update=True
    )
    chosen_metric = widgets.Dropdown(
        options=[(METRIC_LABELS.get(m, m), m) for m in metrics], value=metric, description="Metric", layout=layout
    )
    listing = widgets.Select(options=[], rows=8, description="Article", layout=widgets.Layout(width="95%"))
    count = widgets.HTML()
    first = next(iter(titles))

    def chart_for(article_id: str) -> Any:
        return view_chart(
            by_article[article_id],
            cues_by.get(article_id, cues.iloc[0:0]),
            articles,
            chosen_metric.value,
            texts,
            article_id=article_id,
            controls=False,
        )

    jchart = alt.JupyterChart(chart_for(first), embed_options={"actions": False})
    panel = widgets.HTML(f"<style>{_TOOLTIP_CSS}</style><p><i>Click a bar to see its paragraph here.</i></p>")

    def matches() -> list[str]:
        words = search.value.strip().casefold()
        return [
            a
            for a, t in titles.items()
            if (group.value == ALL_GROUPS or groups[a] == group.value) and (not words or words in t.casefold())
        ]

    def refilter(_change: object = None) -> None:
        found = matches()
        options = [(f"{titles[a]} \u2014 {groups[a]}", a) for a in found]
        current = listing.value
        listing.options = options
        if current in found:
            listing.value = current
        count.value = f"<small>{len(found)} of {len(titles)} articles match</small>"

    def choose(article_id: str | None = None, *_args: object) -> None:
        aid = article_id if isinstance(article_id, str) else listing.value
        if aid is None or aid not in by_article:
            return
        jchart.chart = chart_for(aid)
        jchart.selections.observe(on_pick, ["pick"])  # a new chart brings new selection traits
        panel.value = f"<style>{_TOOLTIP_CSS}</style><p><i>Click a bar to see its paragraph here.</i></p>"

    def show_paragraph(article_id: str, paragraph: int) -> None:
        panel.value = f"<style>{_TOOLTIP_CSS}</style>" + paragraph_detail_html(
            paragraphs, cues, article_id, paragraph, texts
        )

    def on_pick(change: Any) -> None:
        value = getattr(change.get("new"), "value", None) or []
        if value:
            show_paragraph(value[0]["article_id"], value[0]["paragraph"])

    group.observe(refilter, "value")
    search.observe(refilter, "value")
    refilter()
    listing.value = first
    listing.observe(lambda change: choose(change["new"]), "value")
    chosen_metric.observe(lambda _change: choose(listing.value), "value")
    jchart.selections.observe(on_pick, ["pick"])
    controls = widgets.VBox([widgets.HBox([group, search, chosen_metric]), count, listing])
    box = widgets.VBox([controls, jchart, panel])
    box.chart = jchart  # type: ignore[attr-defined]
    box.panel = panel  # type: ignore[attr-defined]
    box.show_paragraph = show_paragraph  # type: ignore[attr-defined]  # what a click does, callable from code
    box.choose = choose  # type: ignore[attr-defined]
    box.controls = {"group": group, "search": search, "article": listing, "metric": chosen_metric}  # type: ignore[attr-defined]
    return box


# --- standalone HTML ------------------------------------------------------------------------------


def _script_safe_json(obj: Any) -> str:
    """JSON that cannot end a ``<script>`` block or open a comment: ``<``, ``>``, ``&`` as escapes."""
    text = json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _vega_bundle() -> str:
    import vl_convert as vlc
    from altair.utils._importers import vl_version_for_vl_convert

    # the stub marks the optional snippet as required
    bundle = vlc.javascript_bundle(vl_version=vl_version_for_vl_convert())  # type: ignore[call-arg]
    return bundle.replace("</script", "<\\/script")


def view_html(chart: Any, title: str = "Paragraph explorer", intro: str = "", element_id: str = "view") -> str:
    """A complete, self-contained HTML page drawing ``chart`` (an Altair chart) offline."""
    spec = chart.to_dict(validate=False)  # validating every inline record costs seconds at 1,000 articles
    return (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(title)}</title>\n"
        "<style>body{font:14px/1.5 system-ui,sans-serif;margin:1.5em;color:#1d1d1d}"
        "h1{font-size:1.3em;margin:0 0 .3em} .vega-bindings{margin:.5em 0}"
        ".vega-embed{display:flex!important;flex-direction:column} .vega-embed .vega-bindings{order:-1}"
        f".vega-bind{{margin-right:1.5em;display:inline-block}} {_TOOLTIP_CSS}</style>\n"
        f"<script>{_vega_bundle()}</script>\n</head>\n<body>\n"
        f"<h1>{html.escape(title)}</h1>\n"
        + (f"<p>{html.escape(intro)}</p>\n" if intro else "")
        + f'<div id="{html.escape(element_id)}"></div>\n'
        f"<script>const spec = {_script_safe_json(spec)};\n"
        f"vegaEmbed({json.dumps('#' + element_id)}, spec, {{renderer: 'svg', actions: false}})"
        ".then(function (r) { window.vegaView = r.view; }).catch(console.error);</script>\n</body>\n</html>\n"
    )


def export_view(
    paragraphs: pd.DataFrame,
    cues: pd.DataFrame,
    articles: pd.DataFrame | None = None,
    metric: str = DEFAULT_METRIC,
    *,
    path: str | Path,
    texts: Mapping[str, Any] | None = None,
    article_id: str | None = None,
    overwrite: bool = False,
) -> Path:
    """Write the view of :func:`explore` as one standalone HTML file at ``path``; return the path.

    Refuses to replace an existing file unless ``overwrite``.
    """
    from analysis.io import atomic_write_text

    chart = view_chart(paragraphs, cues, articles, metric, texts, article_id)
    page = view_html(
        chart,
        intro="Choose a group, search the titles and click an article in the list; choose the "
        "metric. Hover a bar for the paragraph's text, cues and speakers; click a bar to pick the "
        "paragraph and read it under the chart.",
    )
    atomic_write_text(Path(path), page, overwrite=overwrite)
    return Path(path)
