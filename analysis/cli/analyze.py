"""``analyze``, ``cues`` and ``sources``: tables of one or more articles, as text, CSV or JSON."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from analysis.cli.common import (
    EXIT_BAD_INPUT,
    EXIT_OK,
    EXIT_SOME_FAILED,
    add_paths_argument,
    add_quiet_option,
    add_run_options,
    add_table_options,
)
from analysis.errors import InputError
from analysis.io import output_to_file

if TYPE_CHECKING:
    from analysis.options import RunOptions

#: Formats of ``analyze`` (``table``: aligned text for reading): :data:`analysis.corpus.writers.RUN_FORMATS`,
#: spelled out so that building the parser imports no writer (``--help`` stays fast; a test checks they agree).
FORMATS = ("table", "csv", "json", "jsonl", "parquet", "xlsx")


def cmd_analyze(args: argparse.Namespace) -> int:
    """``analyze``: rows of every article, at ``--level``."""
    from analysis.options import RunOptions

    return run_command(RunOptions.from_args(args))


def cmd_cues(args: argparse.Namespace) -> int:
    """``cues``: :func:`cmd_analyze` at ``--level cue``, CSV by default."""
    from analysis.options import RunOptions

    return run_command(RunOptions.from_args(args, level="cue", default_format="csv"))


def cmd_sources(args: argparse.Namespace) -> int:
    """``sources``: :func:`cmd_analyze` at ``--level source`` (every role), CSV by default."""
    from analysis.options import RunOptions

    return run_command(RunOptions.from_args(args, level="source", body_only=False, default_format="csv"))


def run_command(options: RunOptions) -> int:
    """Check the output of ``options``, run :func:`analysis.corpus.run.run_corpus`, report; the exit status."""
    from analysis.corpus.run import resolved, run_corpus

    options = resolved(options)
    if options.excel_safe and options.format != "csv":
        raise InputError(f"--excel-safe is for CSV output (--format csv), not --format {options.format}")
    if options.format in ("parquet", "xlsx") and not output_to_file(options.output):
        raise InputError(f"{options.format} output needs a file: -o FILE.{options.format}")
    if output_to_file(options.output):  # before any work: a refused output after an hour's run would waste the hour
        from analysis.io import check_output_path

        check_output_path(Path(str(options.output)), options.force)
    result = run_corpus(options)
    for _path, message in result.failures:
        print(f"error: {_with_flag_hint(message)}", file=sys.stderr)
    n_inputs = result.n_inputs + len(result.missing)
    if result.n_failed and n_inputs > 1:
        print(f"error: {result.n_failed} of {n_inputs} inputs failed", file=sys.stderr)
    if result.n_articles == 0:
        return EXIT_BAD_INPUT
    return EXIT_SOME_FAILED if result.n_failed else EXIT_OK


def _with_flag_hint(message: str) -> str:
    """A too-large file's message, with the ``analyze`` option that raises the limit."""
    from analysis.sources.loading import SPLIT_HINT

    return message.replace(f"({SPLIT_HINT})", f"({SPLIT_HINT}, or raise the limit with --max-bytes)")


def add_parsers(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register ``analyze``, ``cues`` and ``sources``."""
    p = sub.add_parser(
        "analyze",
        help="metrics per paragraph for one or more articles",
        description="Compute readability, sentiment and hedging per paragraph. With no PATH, analyse the "
        "bundled seed article. Prints an article summary and a paragraph table, or writes CSV/JSON.",
    )
    add_paths_argument(p)
    p.add_argument(
        "--format",
        choices=FORMATS,
        default=None,
        help="table: readable summary (the default without -o, or with an -o of another suffix); csv, json (an "
        "array), jsonl (JSON Lines), parquet or xlsx: every column, one row per paragraph or article, written "
        "as articles finish (xlsx: at the end). Default with -o: from its suffix",
    )
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    p.add_argument("--force", action="store_true", help="allow --output to replace an existing file")
    p.add_argument(
        "--all-roles",
        action="store_true",
        help="include headline, summary, subheading, byline and boilerplate paragraphs (default: body only)",
    )
    p.add_argument(
        "--level",
        choices=("paragraph", "article", "sentence", "cue", "source"),
        default="paragraph",
        help="csv/json rows: one per paragraph (default), per article (body-level values), per sentence, per "
        "cue (as the cues command) or per source (as the sources command)",
    )
    add_table_options(p)
    add_run_options(p)
    add_quiet_option(p)
    p.set_defaults(func=cmd_analyze)
    from analysis.cli import cues as cues_command

    q = cues_command.add_parser(sub)
    add_table_options(q)
    add_run_options(q)
    add_quiet_option(q)
    q.set_defaults(func=cmd_cues)
    q = cues_command.add_sources_parser(sub)
    add_table_options(q)
    add_run_options(q)
    add_quiet_option(q)
    q.set_defaults(func=cmd_sources)
