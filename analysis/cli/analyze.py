"""``analyze``, ``cues`` and ``sources``: tables of one or more articles, as text, CSV or JSON."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from analysis.cli.common import (
    EXIT_BAD_INPUT,
    EXIT_OK,
    EXIT_SOME_FAILED,
    add_paths_argument,
    add_quiet_option,
    add_run_options,
    add_table_options,
    config_from_args,
    expand_sources,
    output_to_file,
    progress_mode,
    seed_article_path,
    write_output,
)
from analysis.errors import InputError

#: Paragraph-table columns shown by ``--format table`` (the CSV/JSON have all).
TABLE_COLUMNS = (
    "paragraph",
    "role",
    "n_words",
    "flesch_kincaid_grade",
    "readability_reliable",
    "sentiment_compound",
    "hedges",
    "boosters",
    "attributions",
)


def _format_table(paragraphs, articles, level: str = "paragraph") -> str:  # type: ignore[no-untyped-def]
    import pandas as pd

    parts = []
    for _, art in articles.iterrows():
        aid = art["article_id"]
        rel = "" if art["readability_reliable"] else "  (under 100 words: indicative only)"
        about = ", ".join(str(art[k]) for k in ("outlet", "kind", "date") if art.get(k))
        heading = f"{art.get('title') or aid}" + (f" ({about})" if about else "") + f"  [{aid}]"
        parts.append(
            f"{heading}\n"
            f"  body: {int(art['n_words'])} words, {int(art['n_sentences'])} sentences{rel}\n"
            f"  Flesch-Kincaid grade {art['flesch_kincaid_grade']:.1f}, "
            f"Flesch reading ease {art['flesch_reading_ease']:.1f}, Gunning Fog {art['gunning_fog']:.1f}\n"
            f"  sentiment (mean VADER compound) {art['sentiment_compound']:+.3f}\n"
            f"  hedges {int(art['hedges'])} ({art['hedges_per_100w']:.2f}/100w), "
            f"boosters {int(art['boosters'])} ({art['boosters_per_100w']:.2f}/100w), "
            f"attributions {int(art['attributions'])} ({art['attributions_per_100w']:.2f}/100w)\n"
        )
        if level == "article":  # the summary above is the article-level result
            continue
        sub = paragraphs[paragraphs["article_id"] == aid].loc[:, list(TABLE_COLUMNS)]
        with pd.option_context("display.width", 120, "display.max_rows", 500, "display.float_format", "{:.2f}".format):
            parts.append(sub.to_string(index=False) + "\n")
    return "\n".join(parts)


#: Formats of ``analyze``, ``cues`` and ``sources`` (``table``: aligned text for reading).
FORMATS = ("table", "csv", "json", "jsonl", "parquet", "xlsx")


def cmd_analyze(args: argparse.Namespace) -> int:
    from analysis.corpus.writers import resolve_format

    args.format = resolve_format(args.format, args.output, getattr(args, "default_format", "table"), FORMATS)
    if args.excel_safe and args.format != "csv":
        raise InputError(f"--excel-safe is for CSV output (--format csv), not --format {args.format}")
    if args.format in ("parquet", "xlsx") and not output_to_file(args.output):
        raise InputError(f"{args.format} output needs a file: -o FILE.{args.format}")
    if output_to_file(args.output):  # before any work: a refused output after an hour's run would waste the hour
        from analysis.io import check_output_path

        check_output_path(Path(args.output), args.force)
    missing: list[str] = []
    carry: tuple[str, ...] = ()
    if len(args.paths) > 1 or args.store:
        # Several inputs: a missing path or an empty folder is reported with the other
        # failures at the end, not fatal (a malformed table too: its rows are not analysed).
        files: list[object] = []
        for p in args.paths:
            try:
                items, more = expand_sources([p], args)
            except InputError as exc:
                missing.append(str(exc))
            else:
                files.extend(items)
                carry = (*carry, *(c for c in more if c not in carry))
    else:
        files, carry = expand_sources(args.paths, args)
    # --store adds its articles; with nothing given at all, the seed
    paths = (
        [*files, *_store_articles(args.store)] if args.store else files or ([] if missing else [seed_article_path()])
    )
    for message in missing:
        print(f"error: {message}", file=sys.stderr)
    cache = None if args.no_cache else (Path(args.cache_dir) if args.cache_dir else True)
    # freeze_gc: a short-lived process; spares the collector (and the exit) the CMU dictionary.
    run = {
        "max_bytes": args.max_bytes,
        "workers": args.workers,
        "cache": cache,
        "freeze_gc": True,
        "config": config_from_args(args),
        "progress": progress_mode(args),
    }
    if args.format == "table" and args.level in ("sentence", "cue", "source"):
        n_ok, failures = _rows_to_table(paths, args, run)
    elif args.format == "table":
        n_ok, failures = _analyze_to_table(paths, args, run)
    else:
        n_ok, failures = _analyze_streamed(paths, args, run, carry)
    for _path, message in failures:
        print(f"error: {_with_flag_hint(message)}", file=sys.stderr)
    n_inputs, n_failed = len(paths) + len(missing), len(failures) + len(missing)
    if n_failed and n_inputs > 1:
        print(f"error: {n_failed} of {n_inputs} inputs failed", file=sys.stderr)
    if n_ok == 0:
        return EXIT_BAD_INPUT
    return EXIT_SOME_FAILED if n_failed else EXIT_OK


def _with_flag_hint(message: str) -> str:
    """A too-large file's message, with the ``analyze`` option that raises the limit."""
    from analysis.sources.loading import SPLIT_HINT

    return message.replace(f"({SPLIT_HINT})", f"({SPLIT_HINT}, or raise the limit with --max-bytes)")


def _analyze_to_table(
    paths: list[Any], args: argparse.Namespace, run: dict[str, Any]
) -> tuple[int, list[tuple[str, str]]]:
    """The readable summary (held in memory: it is meant for reading, not for a corpus)."""
    from analysis.corpus.batch import analyze_paths

    result = analyze_paths(paths, **run)
    if not result.articles.empty:
        paragraphs = result.paragraphs
        if not args.all_roles:
            paragraphs = paragraphs[paragraphs["role"] == "body"]
        write_output(_format_table(paragraphs, result.articles, args.level), args.output, args.force)
    return len(result.articles), result.failures


#: Columns shown by ``--format table`` for the row levels that have one.
_LEVEL_TABLE_COLUMNS = {
    "source": (
        "article_id",
        "speaker",
        "named",
        "direct",
        "reported",
        "words",
        "hedges",
        "boosters",
        "first_paragraph",
    ),
    "cue": ("article_id", "paragraph", "sentence", "text", "category", "subtype", "voice", "speaker"),
    "sentence": ("article_id", "paragraph", "sentence", "n_words", "compound", "hedges", "boosters", "text"),
}


def _rows_to_table(
    paths: list[Any], args: argparse.Namespace, run: dict[str, Any]
) -> tuple[int, list[tuple[str, str]]]:
    """Aligned columns of sentence, cue or source rows (held in memory: meant for reading)."""
    import pandas as pd

    from analysis.corpus.batch import stream_corpus

    result = stream_corpus(paths, level=args.level, body_only=not args.all_roles, **run)
    if result.n_articles:
        df = pd.DataFrame(result.rows, columns=list(_LEVEL_TABLE_COLUMNS[args.level]))
        with pd.option_context("display.width", 160, "display.max_rows", 10_000, "display.max_colwidth", 60):
            text = df.to_string(index=False) + "\n" if len(df) else f"no {args.level} rows\n"
        write_output(text, args.output, args.force)
    return result.n_articles, result.failures


def _analyze_streamed(
    paths: list[Any], args: argparse.Namespace, run: dict[str, Any], carry: tuple[str, ...] = ()
) -> tuple[int, list[tuple[str, str]]]:
    """CSV/JSON/JSON Lines rows written as articles finish (bounded memory); no file if all fail."""
    from analysis.corpus.batch import columns_of, stream_corpus
    from analysis.corpus.writers import TableWriter
    from analysis.io import FORCE_HINT

    to_file = output_to_file(args.output)
    columns = [*columns_of(args.level), *(c for c in carry if c not in columns_of(args.level))]
    writer = TableWriter(
        args.output if to_file else None,
        columns,
        args.format,
        overwrite=args.force,
        exists_hint=FORCE_HINT,
        excel_safe=args.excel_safe,
    )
    result = stream_corpus(paths, writer, level=args.level, body_only=not args.all_roles, carry=carry, **run)
    if result.n_articles == 0:
        writer.abort()
    else:
        writer.close()
        if to_file:
            print(f"wrote {args.output}", file=sys.stderr)
    return result.n_articles, result.failures


def cmd_cues(args: argparse.Namespace) -> int:
    """``cues``: :func:`cmd_analyze` at ``--level cue``."""
    args.level, args.default_format = "cue", "csv"
    return cmd_analyze(args)


def cmd_sources(args: argparse.Namespace) -> int:
    """``sources``: :func:`cmd_analyze` at ``--level source``."""
    args.level, args.all_roles, args.default_format = "source", True, "csv"
    return cmd_analyze(args)


def _store_articles(store: str) -> list[Path]:
    """The English articles of the store ``store``; notes non-English ones on stderr."""
    from analysis.sources.store import partition_store

    english, skipped = partition_store(store)
    for path, language in skipped:
        from analysis.annotate.language import language_name

        print(
            f"note: skipped {path}: not English ({language_name(language)}, language: {language}); no English metrics",
            file=sys.stderr,
        )
    if not english:
        raise InputError(f"{store}: no English article in the store ({len(skipped)} non-English skipped)")
    return english


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
