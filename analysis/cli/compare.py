"""``compare``: do groups of articles (outlets, kinds, authors, months) differ? A table and a figure.

Thin: the articles are analysed (or read from the result cache) at article level by
:func:`analysis.corpus.batch.stream_corpus`, compared by :func:`analysis.compare.compare_groups`
and drawn by :func:`analysis.report.groups.group_comparison`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from analysis.cli.common import (
    EXIT_OK,
    EXIT_SOME_FAILED,
    add_quiet_option,
    add_run_options,
    add_table_options,
    write_output,
)
from analysis.errors import InputError
from analysis.io import output_to_file

#: The tables ``-o`` can hold (``--table``).
TABLES = ("summary", "tests", "pairs")
#: Formats of ``-o`` (the suffix decides without ``--format``).
FORMATS = ("text", "csv", "json", "jsonl", "parquet", "xlsx")
#: Figure formats by suffix.
FIGURE_SUFFIXES = {".png": "png", ".svg": "svg", ".pdf": "pdf"}


def check_by(by: str, carry: tuple[str, ...]) -> None:
    """Refuse an unknown ``--by`` before any analysis (the article columns, the carried ones, month, week)."""
    from analysis.compare.groups import PERIODS
    from analysis.corpus.batch import columns_of

    known = [*columns_of("article"), *carry]
    if by not in known and by not in PERIODS:
        listed = ", ".join(["outlet", "kind", "author", "event", "month", "week", *carry])
        raise InputError(f"--by {by}: no such column; group by one of {listed} (or another article column)")


def _figure_format(path: str) -> str:
    fmt = FIGURE_SUFFIXES.get(Path(path).suffix.lower())
    if fmt is None:
        raise InputError(f"--figure {path}: the figure must end in {', '.join(FIGURE_SUFFIXES)}")
    return fmt


def cmd_compare(args: argparse.Namespace) -> int:
    """Analyse the inputs at article level, compare them by ``--by``, print and write the results."""
    import pandas as pd

    from analysis.compare.groups import compare_groups, format_comparison
    from analysis.corpus.batch import columns_of, stream_corpus
    from analysis.corpus.table import expand_sources
    from analysis.corpus.writers import resolve_format
    from analysis.io import check_output_path
    from analysis.options import RunOptions

    fmt = resolve_format(args.format, args.output, "text", FORMATS)
    if args.excel_safe and fmt != "csv":
        raise InputError(f"--excel-safe is for CSV output, not {fmt}")
    if fmt in ("parquet", "xlsx") and not output_to_file(args.output):
        raise InputError(f"{fmt} output needs a file: -o FILE.{fmt}")
    for out in (args.output, args.figure):  # before any work
        if output_to_file(out):
            check_output_path(Path(out), args.force)
    if args.figure:
        _figure_format(args.figure)
    options = RunOptions.from_args(args, level="article", format=fmt)
    paths = [*options.inputs, *([options.store] if options.store else [])]
    if not paths:
        raise InputError("name a table (.csv, .jsonl, .parquet, ...) or a folder of articles (a store) to compare")
    items, carry = expand_sources(paths, options.columns, delimiter=options.delimiter)
    check_by(args.by, carry)
    options.config.hedge_lexicon  # noqa: B018 - a bad lexicon file is one error before any work
    run = stream_corpus(items, options=options, carry=carry)
    for _source, message in run.failures:
        print(f"error: {message}", file=sys.stderr)
    if not run.n_articles:
        raise InputError(f"no article could be analysed ({len(run.failures)} failed)")
    columns = [*columns_of("article"), *(c for c in carry if c not in columns_of("article"))]
    articles = pd.DataFrame(run.rows, columns=columns)
    try:
        comparison = compare_groups(articles, args.by, n_boot=args.bootstrap)
    except ValueError as exc:
        raise InputError(str(exc)) from None
    groups = sorted(set(comparison.summary.loc[comparison.summary["n"] > 0, "group"]))
    if len(groups) < 2:
        only = f" ({groups[0]})" if groups else ""
        raise InputError(
            f"--by {args.by}: the {run.n_articles} articles have only one {args.by}{only}; nothing to "
            "compare (group by another column)"
        )
    head = (
        f"{run.n_articles} articles by {args.by}: {len(groups)} groups"
        + (f"; {len(run.failures)} failed" if run.failures else "")
        + "\n\n"
    )
    text = head + format_comparison(comparison)
    if fmt == "text":
        write_output(text, args.output, args.force)
    else:
        sys.stdout.write(text)
        _write_table(getattr(comparison, args.table), args, fmt)
    if args.figure:
        _write_figure(comparison, articles, args)
    return EXIT_SOME_FAILED if run.failures else EXIT_OK


def _write_table(df, args: argparse.Namespace, fmt: str) -> None:  # type: ignore[no-untyped-def]
    from analysis.corpus.writers import TableWriter
    from analysis.io import FORCE_HINT

    to_file = output_to_file(args.output)
    with TableWriter(
        args.output if to_file else None,
        list(df.columns),
        fmt,
        overwrite=args.force,
        exists_hint=FORCE_HINT,
        excel_safe=args.excel_safe,
    ) as writer:
        writer.add(df.to_dict("records"))
    if to_file:
        print(f"wrote {args.output} ({args.table}: {len(df)} rows)", file=sys.stderr)


def _write_figure(comparison, articles, args: argparse.Namespace) -> None:  # type: ignore[no-untyped-def]
    import io

    from analysis.io import atomic_write_bytes
    from analysis.report.figures import DPI
    from analysis.report.groups import group_comparison

    fig = group_comparison(comparison, articles)
    buf = io.BytesIO()
    fmt = _figure_format(args.figure)
    fig.savefig(buf, format=fmt, dpi=DPI, metadata={"Software": None} if fmt == "png" else None)
    atomic_write_bytes(Path(args.figure), buf.getvalue(), overwrite=args.force)
    print(f"wrote {args.figure}", file=sys.stderr)


def _bootstrap_count(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expects a whole number of resamples, not {value!r}") from None
    if n < 100:
        raise argparse.ArgumentTypeError(f"needs at least 100 resamples, not {n}")
    return n


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:  # type: ignore[type-arg]
    """Register ``compare``."""
    p = sub.add_parser(
        "compare",
        help="compare groups of articles (outlets, kinds, authors, months): statistics and a figure",
        description="Analyse the articles of a table or a store (cached results are reused) and compare the "
        "groups of --by on hedges, boosters and attributions per 100 words, the author's hedges per 100 of their "
        "own words, reading grade and sentiment: per group n, median, IQR, mean with a bootstrap 95% interval; "
        "across groups a Kruskal-Wallis test; between every two groups a Mann-Whitney U test (Holm-corrected) "
        "and Cliff's delta. Articles that cannot be analysed (e.g. not English) are left out with one error line "
        "each (exit status 1). Prints the comparison; -o writes a table (format from the suffix: .csv, .json, "
        ".jsonl, .parquet, .xlsx), --figure a chart (.png, .svg, .pdf). Articles are treated as independent: "
        "read p-values as descriptive when many cover one event or share an author.",
    )
    p.add_argument(
        "paths",
        nargs="*",
        metavar="STORE_OR_TABLE",
        help="a table of articles (.csv, .tsv, .jsonl, .json, .parquet), or a folder of article files",
    )
    p.add_argument(
        "--by",
        default="outlet",
        metavar="COLUMN",
        help="group by this column: outlet (default), kind, author, event, month or week (from date), "
        "or any column of the table",
    )
    p.add_argument("-o", "--output", metavar="FILE", help="write the table to FILE (default: print the comparison)")
    p.add_argument(
        "--format",
        choices=FORMATS,
        default=None,
        help="format of -o (default: from its suffix; text when it has none of those)",
    )
    p.add_argument(
        "--table",
        choices=TABLES,
        default="summary",
        help="what -o holds: summary (one row per measure and group, default), tests (one per measure: "
        "Kruskal-Wallis) or pairs (one per measure and pair: Mann-Whitney U, Holm, Cliff's delta)",
    )
    p.add_argument("--figure", metavar="FILE", help="draw the groups (points, median, mean and interval) to FILE")
    p.add_argument(
        "--bootstrap",
        type=_bootstrap_count,
        default=2000,
        metavar="N",
        help="bootstrap resamples per interval (default 2000)",
    )
    p.add_argument("--force", action="store_true", help="allow -o and --figure to replace existing files")
    add_table_options(p)
    add_run_options(p)
    add_quiet_option(p)
    p.set_defaults(func=cmd_compare)
    return p
