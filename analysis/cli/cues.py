"""``media-analysis cues PATH...`` and ``sources PATH...``: one row per cue, or per source, of every article."""

from __future__ import annotations

import argparse

from analysis.cli.common import add_paths_argument


def _rows_command(
    sub: argparse._SubParsersAction,
    name: str,
    help: str,
    description: str,  # type: ignore[type-arg]
) -> argparse.ArgumentParser:
    """A command writing one kind of row for articles: PATHs, --format, --output and --force."""
    p = sub.add_parser(name, help=help, description=description + " With no PATH, the bundled seed.")
    add_paths_argument(p)
    p.add_argument(
        "--format",
        choices=("csv", "jsonl", "json", "parquet", "xlsx", "table"),
        default=None,
        help="output format (default: from the -o suffix, else csv; table: aligned columns for reading)",
    )
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    p.add_argument("--force", action="store_true", help="allow --output to replace an existing file")
    return p


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:  # type: ignore[type-arg]
    """Register the ``cues`` command."""
    p = _rows_command(
        sub,
        "cues",
        "export every hedge, booster and attribution cue (CSV or JSON Lines), one row per cue",
        "One row per cue of every article: article id, paragraph, sentence index, offsets into the article "
        "text, the cue as written, category, subtype, voice (author, quoted or reported) and speaker, the "
        "uncertainty of its sentence and what drove it, plus the article's metadata, so a researcher can check "
        "the coding by hand (as content analysts do when they measure agreement). Rows are written as articles "
        "finish.",
    )
    p.add_argument("--all-roles", action="store_true", help="include cues outside body paragraphs")
    return p


def add_sources_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:  # type: ignore[type-arg]
    """Register the ``sources`` command."""
    return _rows_command(
        sub,
        "sources",
        "who is quoted or reported in each article, and how much they hedge (one row per source)",
        "One row per resolved source of every article: the speaker (a person, a body, or an unnamed source as "
        "written), whether it is named, its direct quotations and reported statements, the words in them, the "
        "hedges and boosters in its words, and the paragraph it first appears in.",
    )
