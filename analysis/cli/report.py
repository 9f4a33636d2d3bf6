"""``report``: one self-contained HTML page about an article, or about a corpus compared by groups.

The pages are :mod:`analysis.report.page`'s (an article) and :mod:`analysis.report.corpus_page`'s
(a corpus); this module reads the inputs, runs the analyses and writes the file.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pandas and the page are imported when the command runs, not with the parser
    import pandas as pd

    from analysis.options import RunOptions


def _corpus_run(path: str, options: RunOptions, level: str, items: Any = None) -> pd.DataFrame:
    """The table (or store) ``path`` analysed at ``level`` (cached results reused), carried columns included.

    ``items``: ``(items, carried columns)`` of :func:`analysis.corpus.table.expand_sources` if already read.
    """
    from analysis.corpus.batch import analyze_corpus
    from analysis.corpus.table import expand_sources

    inputs, carry = items if items is not None else expand_sources([path], options.columns, delimiter=options.delimiter)
    df = analyze_corpus(inputs, level=level, carry=carry, cache=options.cache, progress=options.progress)
    if not df.attrs.get("n_articles"):
        from analysis.errors import InputError

        raise InputError(f"{path}: no article could be analysed")
    return df


def cmd_report(args: argparse.Namespace) -> int:
    """``media-analysis report PATH [-o FILE] [--force] [--no-baseline | --baseline CORPUS] [--by COLUMN]``."""
    from analysis.errors import InputError
    from analysis.io import atomic_write_text, check_output_path
    from analysis.report.page import report_for_path
    from analysis.sources.table import is_table

    if args.by and (args.baseline or args.no_baseline):
        raise InputError("--baseline and --no-baseline are for an article's report; --by compares a corpus")
    if args.baseline and args.no_baseline:
        raise InputError("give --baseline CORPUS or --no-baseline, not both")
    if not args.by and (is_table(args.path) or Path(args.path).is_dir()):
        raise InputError(f"{args.path}: a corpus; for its report give --by COLUMN (e.g. --by outlet)")
    suffix = f".by-{args.by}.html" if args.by else ".report.html"
    out = Path(args.output) if args.output else Path(Path(args.path).stem + suffix)
    check_output_path(out, overwrite=args.force)  # fail before the analysis, not after
    if args.by:
        page = _corpus_page(args)
    elif args.baseline:
        from analysis.options import RunOptions

        base = _corpus_run(args.baseline, RunOptions.from_args(args), "article")
        page = report_for_path(args.path, base, f"articles of {Path(args.baseline).name}")
    else:
        page = report_for_path(args.path, baseline=not args.no_baseline)
    atomic_write_text(out, page, overwrite=args.force)
    print(f"wrote {out}")
    return 0


def _corpus_page(args: argparse.Namespace) -> str:
    from analysis.cli.compare import check_by
    from analysis.compare.groups import compare_groups
    from analysis.corpus.table import expand_sources
    from analysis.errors import InputError
    from analysis.options import RunOptions
    from analysis.report.corpus_page import corpus_report_html

    options = RunOptions.from_args(args)
    items = expand_sources([args.path], options.columns, delimiter=options.delimiter)  # errors before any analysis
    check_by(args.by, items[1])
    articles = _corpus_run(args.path, options, "article", items)
    try:
        comparison = compare_groups(articles, args.by)
    except ValueError as exc:
        raise InputError(str(exc)) from None
    groups = sorted(set(comparison.summary.loc[comparison.summary["n"] > 0, "group"]))
    if len(groups) < 2:
        raise InputError(f"--by {args.by}: the articles have only one {args.by}; nothing to compare")
    cues = _corpus_run(args.path, options, "cue", items)
    return corpus_report_html(
        articles, args.by, cues, comparison=comparison, title=f"{Path(args.path).name}: articles compared by {args.by}"
    )


def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:  # type: ignore[type-arg]
    """Register ``report PATH [-o FILE] [--force] [--no-baseline | --baseline CORPUS] [--by COLUMN]``."""
    from analysis.cli.common import add_cache_options, add_quiet_option, add_table_options

    p = subparsers.add_parser(
        "report",
        help="one self-contained HTML page about an article, or about a corpus compared by groups, to share",
        description="Analyse the article file PATH and write one HTML page: title, outlet, author and date; "
        "the summary with percentiles against Guardian news articles as adapted for English learners "
        "(OneStopEnglish, advanced level), or against your own articles with --baseline; the charts; the text "
        "with every hedge, booster and attribution highlighted; who is quoted. With --by COLUMN, PATH is a table "
        "of articles or a folder (a store) and the page compares its groups: statistics per group with "
        "intervals and tests, the group chart, distinctive hedges and boosters, a measure by month. The page "
        "loads nothing from the network. An existing file is replaced only with --force.",
    )
    p.add_argument("path", metavar="PATH", help=".txt/.md article file; with --by, a table or a folder of articles")
    p.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="the HTML file to write (default: PATH's name + "
        ".report.html, or .by-COLUMN.html with --by, in the current folder)",
    )
    p.add_argument("--force", action="store_true", help="replace FILE if it exists")
    p.add_argument("--no-baseline", action="store_true", help="leave out the baseline percentiles and chart")
    p.add_argument(
        "--baseline",
        metavar="STORE_OR_TABLE",
        help="rank the article against these articles (a table or a folder) instead of the packaged baseline",
    )
    p.add_argument(
        "--by",
        metavar="COLUMN",
        help="a corpus report: compare the groups of COLUMN (outlet, kind, author, month, week or any "
        "column of the table)",
    )
    add_table_options(p)
    add_cache_options(p)
    add_quiet_option(p)
    p.set_defaults(func=cmd_report)
    return p
