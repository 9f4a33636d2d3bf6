"""What people look at: charts (plots), the deterministic figure files, the highlighted text, the
shareable report page, the interactive explorer, baselines and percentile comparisons.
"""

from analysis.model import Article, set_html_view


def _highlighted(article: Article) -> str:
    """The Jupyter view of an article once this layer is loaded: highlighted (analysed on display)."""
    from analysis.report.render import highlight

    return highlight(article, standalone=False)


set_html_view(_highlighted)
