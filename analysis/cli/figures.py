"""``figures``: regenerate every figure the notebooks show."""

from __future__ import annotations

import argparse
import sys

from analysis.cli.common import EXIT_OK


def cmd_figures(args: argparse.Namespace) -> int:
    from analysis.corpus.bundles import seed_store
    from analysis.report.figures import write_figures

    written = write_figures(*seed_store(args.store), outdir=args.out)
    for path in written:
        print(f"wrote {path}", file=sys.stderr)
    print(f"{len(written) // 2} figures (PNG and SVG) in {args.out}")
    return EXIT_OK


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """``figures``: regenerate every notebook figure without Jupyter."""
    p = sub.add_parser(
        "figures",
        help="regenerate every figure the notebooks show (PNG 150 dpi and SVG)",
        description="Draw the seed's charts and its comparison with the news baseline and the local store into "
        "OUT as PNG and SVG, with the same plot functions the notebooks use. Same input, byte-identical files. "
        "Files in OUT with the same names are replaced (they are generated).",
    )
    p.add_argument("--out", default="data/figures", metavar="DIR", help="output directory (default: %(default)s)")
    p.add_argument(
        "--store", default=None, metavar="DIR", help="article store to compare with (default: data/articles)"
    )
    p.set_defaults(func=cmd_figures)
