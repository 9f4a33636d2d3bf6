"""What people look at: charts (plots), the deterministic figure files, the highlighted text, the
shareable report page, the interactive explorer, baselines and percentile comparisons.
"""

from pathlib import Path

from analysis.model import Article, set_html_view


def _highlighted(article: Article) -> str:
    """The Jupyter view of an article once this layer is loaded: highlighted (analysed on display)."""
    from analysis.report.render import highlight

    return highlight(article, standalone=False)


set_html_view(_highlighted)

#: Name of the committed news baseline and the folder ``baseline build`` writes to by default (relative to the
#: working directory, i.e. the checkout); defined here, not in :mod:`analysis.report.baseline`, so that the
#: command line's parser shows them without importing pandas.
BASELINE_NAME = "onestopenglish-adv"
BASELINE_OUT = Path("data/baselines")
