"""``media-analysis cues PATH...``: every cue, one row each, for checking the coding by hand."""

from __future__ import annotations

import argparse


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:  # type: ignore[type-arg]
    """Register the ``cues`` command."""
    p = sub.add_parser(
        "cues",
        help="export every hedge, booster and attribution cue (CSV or JSON Lines), one row per cue",
        description="One row per cue of every article: article id, paragraph, sentence index, offsets into the "
        "article text, the cue as written, category, subtype, voice (author, quoted or reported) and speaker, "
        "plus the article's metadata, so a researcher can check the coding by hand (as content analysts do "
        "when they measure agreement). Rows are written as articles finish. With no PATH, the bundled seed.",
    )
    p.add_argument("paths", nargs="*", metavar="PATH", help=".txt/.md article files or directories of them")
    p.add_argument("--format", choices=("csv", "jsonl", "json"), default="csv", help="output format (default csv)")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    p.add_argument("--force", action="store_true", help="allow --output to replace an existing file")
    p.add_argument("--all-roles", action="store_true", help="include cues outside body paragraphs")
    return p
