"""``highlight``: the article as an HTML page with every cue and source marked."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from analysis.cli.common import (
    EXIT_OK,
    add_config_options,
    config_from_args,
    seed_article_path,
    write_output,
)
from analysis.io import output_to_file


def cmd_highlight(args: argparse.Namespace) -> int:
    from analysis.document import analyze
    from analysis.report.render import highlight
    from analysis.sources.loading import load_article

    output = args.output
    if (
        output_to_file(output) and not Path(output).suffix and not os.path.lexists(output)
    ):  # `-o out/news`, not /dev/full
        output = f"{output}.html"
        print(f"note: {args.output} has no file name suffix; writing {output}", file=sys.stderr)
    if output_to_file(output):  # before the work, as analyze does
        from analysis.io import check_output_path

        check_output_path(Path(output), args.force)
    article = load_article(Path(args.path) if args.path else seed_article_path())
    write_output(highlight(analyze(article, config_from_args(args)), standalone=True), output, args.force)
    return EXIT_OK


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register ``highlight``."""
    h = sub.add_parser(
        "highlight",
        help="HTML page of an article with hedges, boosters and attributions marked",
        description="Write a standalone HTML page of the article with every cue highlighted by category "
        "(hedge, booster, attribution) and voice (author, quoted or reported), each quoted or reported passage "
        "named with its source, each uncertain sentence with its score. With no PATH, the bundled seed.",
    )
    h.add_argument("path", nargs="?", metavar="PATH", help=".txt/.md article file (default: the seed)")
    h.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write to FILE instead of standard output (.html added if it has no suffix)",
    )
    h.add_argument("--force", action="store_true", help="allow --output to replace an existing file")
    add_config_options(h)
    h.set_defaults(func=cmd_highlight)
