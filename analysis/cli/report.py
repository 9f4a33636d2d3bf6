"""``report``: one self-contained HTML page about an article (the page is :mod:`analysis.report.page`'s)."""

from __future__ import annotations

import argparse
from pathlib import Path

from analysis.report.page import report_for_path


def cmd_report(args: argparse.Namespace) -> int:
    """``media-analysis report PATH -o FILE [--force] [--no-baseline]``: write the report page."""
    from analysis.io import atomic_write_text, check_output_path

    out = Path(args.output) if args.output else Path(Path(args.path).stem + ".report.html")
    check_output_path(out, overwrite=args.force)  # fail before the analysis, not after
    page = report_for_path(args.path, baseline=not args.no_baseline)
    atomic_write_text(out, page, overwrite=args.force)
    print(f"wrote {out}")
    return 0


def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:  # type: ignore[type-arg]
    """Register ``report PATH [-o FILE] [--force] [--no-baseline]`` on a subparsers object."""
    p = subparsers.add_parser(
        "report",
        help="one self-contained HTML page about an article, to share",
        description="Analyse the article file PATH and write one HTML page: title, outlet, author and date; "
        "the summary with percentiles against Guardian news articles as adapted for English learners "
        "(OneStopEnglish, advanced level); the charts; the text with every hedge, booster and attribution "
        "highlighted; who is quoted. The page loads nothing from the network. An existing file is replaced "
        "only with --force.",
    )
    p.add_argument("path", metavar="PATH", help=".txt/.md article file")
    p.add_argument("-o", "--output", metavar="FILE", help="the HTML file to write (default: PATH's name + "
                   ".report.html, in the current folder)")
    p.add_argument("--force", action="store_true", help="replace FILE if it exists")
    p.add_argument("--no-baseline", action="store_true", help="leave out the baseline percentiles and chart")
    p.set_defaults(func=cmd_report)
    return p
