"""One self-contained HTML page about a corpus compared by groups (outlets, kinds, months...).

``media-analysis report --by outlet STORE_OR_TABLE -o corpus.html`` writes it;
:func:`corpus_report_html` returns it as a string. The page holds what is compared and
how, one table per measure (n, median, IQR, mean with its bootstrap 95% interval; the
Kruskal-Wallis test; the pairs that differ after Holm's correction, with Cliff's delta),
the group chart, the distinctive hedges and boosters of each group (log-odds with an
informative Dirichlet prior), and a measure over time when the articles have dates.

Like the article report (:mod:`analysis.report.page`), nothing is fetched (images are
``data:`` URLs, a Content-Security-Policy forbids the rest) and every string from the
articles (group names, terms, titles) is escaped with :func:`html.escape`.
"""

from __future__ import annotations

import math

import pandas as pd

from analysis.compare.groups import MEASURES, GroupComparison, compare_groups
from analysis.report.page import CSP, CSS, esc, figure_img, fmt


def _p(p: float) -> str:
    if p is None or not math.isfinite(p):
        return "no test"
    return "&lt; 0.001" if p < 0.001 else f"{p:.3f}"


def measure_table_html(comparison: GroupComparison, measure: str, alpha: float = 0.05) -> str:
    """One measure's table (a row per group), its test across groups and the pairs that differ, escaped."""
    rows = comparison.summary[comparison.summary["measure"] == measure]
    body = "".join(
        f"<tr><td>{esc(r['group'])}</td><td>{int(r['n'])}</td><td>{fmt(r['median'])}</td><td>{fmt(r['iqr'])}</td>"
        f"<td>{fmt(r['mean'])}</td><td>{fmt(r['mean_low'])} – {fmt(r['mean_high'])}</td></tr>"
        for _, r in rows.iterrows()
    )
    t = comparison.tests.set_index("measure").loc[measure]
    test = (
        f"Kruskal-Wallis H = {fmt(t['statistic'])}, df {int(t['df'])}, p {_p(t['p'])}, "
        f"ε² = {fmt(t['epsilon_squared'], 3)}"
        if math.isfinite(t["statistic"])
        else "No test: every value is equal, or fewer than two groups have values."
    )
    pairs = comparison.pairs[(comparison.pairs["measure"] == measure) & (comparison.pairs["p_holm"] < alpha)]
    pairs = pairs.reindex(pairs["cliffs_delta"].abs().sort_values(ascending=False).index)
    items = []
    for _, r in pairs.iterrows():
        hi, lo = (r["group_a"], r["group_b"]) if r["cliffs_delta"] > 0 else (r["group_b"], r["group_a"])
        items.append(
            f"<li>{esc(hi)} &gt; {esc(lo)}: Cliff's delta {abs(r['cliffs_delta']):.2f}, "
            f"Holm-corrected p {_p(r['p_holm'])}</li>"
        )
    differ = (
        f"<ul>{''.join(items)}</ul>"
        if items
        else f'<p class="note">No pair of groups differs at Holm-corrected p &lt; {alpha}.</p>'
    )
    label = MEASURES.get(measure, measure)
    return (
        f'<h3>{esc(label)}</h3><table class="data"><thead><tr><th>Group</th><th>Articles</th><th>Median</th>'
        f"<th>IQR</th><th>Mean</th><th>95% interval of the mean</th></tr></thead><tbody>{body}</tbody></table>"
        f'<p class="note">{test}</p>{differ}'
    )


def corpus_report_html(
    articles: pd.DataFrame,
    by: str = "outlet",
    cues: pd.DataFrame | None = None,
    *,
    title: str = "",
    comparison: GroupComparison | None = None,
    n_boot: int = 2000,
) -> str:
    """The corpus report page as a string (a complete, self-contained HTML document).

    Args:
        articles: the article table (one row per article) with the ``by`` column (or ``date``).
        by: the grouping column, or ``month``/``week``.
        cues: the cue table of the same articles, for the distinctive hedges and boosters (optional).
        title: the page title (default: "Articles compared by BY").
        comparison: :func:`analysis.compare.compare_groups` of ``articles`` if already computed.
        n_boot: bootstrap resamples per interval (when computing the comparison here).

    Returns:
        The HTML page.

    Raises:
        ValueError: ``by`` is not a column (nor a period of ``date``), or no article has a group.
    """
    from analysis import __version__
    from analysis.report.groups import group_comparison

    comparison = comparison or compare_groups(articles, by, n_boot=n_boot)
    groups = list(dict.fromkeys(comparison.summary["group"]))
    title = title or f"Articles compared by {by}"
    figures = [
        figure_img(
            group_comparison(comparison, articles),
            f"Dot plots: each measure by {by}, one colour per group",
            "Dot and bar: mean and its 95% bootstrap interval; tick and line: median and quartiles; "
            "faint dots: articles.",
        )
    ]
    if cues is not None and len(cues) and by in cues:
        from analysis.compare import distinctive_cues
        from analysis.report.groups import distinctive_terms

        table = distinctive_cues(cues, by)
        for category in ("hedge", "booster"):
            if len(table) and (table["category"] == category).any():
                figures.append(
                    figure_img(
                        distinctive_terms(table, category=category, title=f"Distinctive {category}s by {by}"),
                        f"Bar charts: the {category}s each group uses more than the others",
                        "Bars: z-score of the log-odds ratio, group against the rest, with an informative "
                        "Dirichlet prior (Monroe, Colaresi & Quinn 2008); |z| > 1.96 is conventionally "
                        "distinctive, uncorrected for many terms. Labels: uses in the group / in the others.",
                    )
                )
    if "date" in articles and by not in ("month", "week") and articles["date"].notna().any():
        from analysis.compare import over_time
        from analysis.report.groups import measure_over_time

        timeline = over_time(articles, by, "month", n_boot=min(n_boot, 1000))
        if timeline["period"].nunique() > 1:
            figures.append(
                figure_img(
                    measure_over_time(timeline),
                    "Line charts: hedges per 100 words by month",
                    "Monthly mean with its 95% bootstrap interval (band); grey: the other groups.",
                )
            )
    tables = "".join(measure_table_html(comparison, m) for m in dict.fromkeys(comparison.summary["measure"]))
    notes = "".join(f'<p class="note">{esc(n)}</p>' for n in comparison.notes)
    n_articles = len(articles) - comparison.excluded
    group_list = ", ".join(esc(g) for g in groups)
    sections = [
        f'<header><p class="meta">media-analysis corpus report</p><h1>{esc(title)}</h1>'
        f'<p class="meta">{n_articles} articles in {len(groups)} groups: {group_list}</p></header>',
        "<section><h2>How the groups are compared</h2><p>Rates are per 100 words of body text, so long and short "
        "articles compare fairly; the author's hedges are per 100 words of the author's own text (quotations "
        "left out). Per group: the median and interquartile range, and the mean with a percentile bootstrap 95% "
        "interval. Across groups: the Kruskal-Wallis H test on ranks, with ε² as its effect size. Between two "
        "groups: the two-sided Mann-Whitney U test, p-values Holm-corrected over the pairs of a measure, and "
        "Cliff's delta (P(a &gt; b) − P(a &lt; b); |d| ≥ 0.47 is large). The tests treat articles as independent: "
        "read p-values as descriptive when many articles cover one event or share an author.</p>"
        f"{notes}</section>",
        f"<section><h2>Charts</h2>{''.join(figures)}</section>",
        f"<section><h2>Measures by {esc(by)}</h2>{tables}</section>",
        "<footer>Made with media-analysis " + esc(__version__) + ". Hedges, boosters and attributions: the "
        "project's lexicon with context rules, which flags candidates for a reader to check, not verdicts. "
        "Statistics: SciPy.</footer>",
    ]
    return (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)} - media-analysis corpus report</title>\n<style>{CSS}\nh3 {{ margin: 1.5em 0 0.4em; }}"
        "</style>\n</head>\n<body>\n<main>\n" + "\n".join(sections) + "\n</main>\n</body>\n</html>\n"
    )


__all__ = ["corpus_report_html", "measure_table_html"]
