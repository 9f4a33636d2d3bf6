"""Command-line interface: ``media-analysis COMMAND ...``.

Every user-facing failure is one line on stderr (``error: ...``) and a non-zero
exit status: 2 for bad input or usage, 1 when some of several inputs failed,
70 for an internal error (set ``MEDIA_ANALYSIS_DEBUG=1`` to see its traceback).
Heavy libraries (matplotlib, trafilatura) are imported only by the commands that
need them.
"""

from __future__ import annotations

import argparse
import os
import sys
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from analysis.errors import InputError

EXIT_OK, EXIT_SOME_FAILED, EXIT_BAD_INPUT, EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_TERMINATED = 0, 1, 2, 70, 130, 143

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


def _seed_path() -> Path:
    from analysis import seed_path

    return seed_path()


def expand_inputs(paths: Sequence[str]) -> list[Path]:
    """See :func:`analysis.store.expand_inputs` (imported lazily: it loads YAML)."""
    from analysis.sources.store import expand_inputs as expand

    return expand(paths)


def _to_file(output: str | None) -> bool:
    """Whether ``--output`` names a file (``-`` or nothing: standard output)."""
    return output is not None and output != "-"


def write_output(text: str, output: str | None, force: bool) -> None:
    """Print ``text`` or write it atomically to ``output`` (never clobbering without ``force``)."""
    if not _to_file(output):
        sys.stdout.write(text)
        return
    from analysis.io import atomic_write_text

    atomic_write_text(Path(output), text, overwrite=force)
    print(f"wrote {output}", file=sys.stderr)


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


def cmd_analyze(args: argparse.Namespace) -> int:
    if _to_file(args.output):  # before any work: a refused output after an hour's run would waste the hour
        from analysis.io import check_output_path

        check_output_path(Path(args.output), args.force)
    missing: list[str] = []
    if len(args.paths) > 1 or args.store:
        # Several inputs: a missing path or an empty folder is reported with the other
        # failures at the end, not fatal.
        files: list[Path] = []
        for p in args.paths:
            try:
                files.extend(expand_inputs([p]))
            except InputError as exc:
                missing.append(str(exc))
    else:
        files = expand_inputs(args.paths)
    # --store adds its articles; with nothing given at all, the seed
    paths = [*files, *_store_articles(args.store)] if args.store else files or ([] if missing else [_seed_path()])
    for message in missing:
        print(f"error: {message}", file=sys.stderr)
    cache = None if args.no_cache else (Path(args.cache_dir) if args.cache_dir else True)
    # freeze_gc: a short-lived process; spares the collector (and the exit) the CMU dictionary.
    run = {"max_bytes": args.max_bytes, "workers": args.workers, "cache": cache, "freeze_gc": True,
           "config": _config(args)}
    if args.format == "table" and args.level in ("sentence", "cue", "source"):
        n_ok, failures = _rows_to_table(paths, args, run)
    elif args.format == "table":
        n_ok, failures = _analyze_to_table(paths, args, run)
    else:
        n_ok, failures = _analyze_streamed(paths, args, run)
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
    paths: list[Path], args: argparse.Namespace, run: dict[str, Any]
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
    "source": ("article_id", "speaker", "named", "direct", "reported", "words", "hedges", "boosters",
               "first_paragraph"),
    "cue": ("article_id", "paragraph", "sentence", "text", "category", "subtype", "voice", "speaker"),
    "sentence": ("article_id", "paragraph", "sentence", "n_words", "compound", "hedges", "boosters", "text"),
}


def _rows_to_table(
    paths: list[Path], args: argparse.Namespace, run: dict[str, Any]
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
    paths: list[Path], args: argparse.Namespace, run: dict[str, Any]
) -> tuple[int, list[tuple[str, str]]]:
    """CSV/JSON/JSON Lines rows written as articles finish (bounded memory); no file if all fail."""
    from analysis.corpus.batch import columns_of, stream_corpus
    from analysis.corpus.writers import TableWriter
    from analysis.io import FORCE_HINT

    to_file = _to_file(args.output)
    writer = TableWriter(
        args.output if to_file else None, columns_of(args.level), args.format, overwrite=args.force,
        exists_hint=FORCE_HINT,
    )
    result = stream_corpus(paths, writer, level=args.level, body_only=not args.all_roles, **run)
    if result.n_articles == 0:
        writer.abort()
    else:
        writer.close()
        if to_file:
            print(f"wrote {args.output}", file=sys.stderr)
    return result.n_articles, result.failures


def cmd_cues(args: argparse.Namespace) -> int:
    """``cues``: :func:`cmd_analyze` at ``--level cue``."""
    args.level = "cue"
    return cmd_analyze(args)


def cmd_sources(args: argparse.Namespace) -> int:
    """``sources``: :func:`cmd_analyze` at ``--level source``."""
    args.level, args.all_roles = "source", True
    return cmd_analyze(args)


def cmd_highlight(args: argparse.Namespace) -> int:
    from analysis.document import analyze
    from analysis.report.render import highlight
    from analysis.sources.loading import load_article

    output = args.output
    if _to_file(output) and not Path(output).suffix and not Path(output).is_dir():  # `-o out/news`
        output = f"{output}.html"
        print(f"note: {args.output} has no file name suffix; writing {output}", file=sys.stderr)
    if _to_file(output):  # before the work, as analyze does
        from analysis.io import check_output_path

        check_output_path(Path(output), args.force)
    article = load_article(Path(args.path) if args.path else _seed_path())
    write_output(highlight(analyze(article, _config(args)), standalone=True), output, args.force)
    return EXIT_OK


def _config(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    """The :class:`~analysis.AnalysisConfig` of the command's options (``--lexicon``)."""
    from analysis.config import AnalysisConfig

    config = AnalysisConfig(lexicon=getattr(args, "lexicon", None))
    config.hedge_lexicon  # noqa: B018 - a bad lexicon file is one error now, before any work
    return config


def _add_config_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--lexicon",
        metavar="FILE",
        help="hedge lexicon CSV to use instead of the packaged one (same columns: cue, category, subtype, rule, "
        "source, notes); part of the cache key",
    )


class _Parser(argparse.ArgumentParser):
    """argparse with a usage mistake reported in one line, like every other error (exit status 2)."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_BAD_INPUT, f"error: {message} (see '{self.prog} --help')\n")


def _whole_number(minimum: int, what: str, too_small: str) -> Callable[[str], int]:
    """An argparse ``type``: an int of at least ``minimum``, with messages naming ``what`` it counts."""

    def parse(value: str) -> int:
        try:
            n = int(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expects a whole number of {what}, not {value!r}") from None
        if n < minimum:
            raise argparse.ArgumentTypeError(f"{too_small}, not {n}")
        return n

    return parse


_byte_count = _whole_number(1, "bytes (e.g. 25000000)", "must be a positive number of bytes")
_worker_count = _whole_number(0, "processes", "must be 0 (one per CPU) or more")


def _nonempty(value: str) -> str:
    if not value.strip():
        raise argparse.ArgumentTypeError("needs a folder name, not an empty string")
    return value


def _add_run_options(p: argparse.ArgumentParser) -> None:
    """Options of every command that analyses a corpus: size limit, store, workers, cache, lexicon."""
    p.add_argument(
        "--max-bytes",
        type=_byte_count,
        default=None,
        metavar="N",
        help="refuse input files larger than N bytes (default 5 MiB)",
    )
    p.add_argument(
        "--store",
        metavar="DIR",
        help="analyse every article in the store DIR (e.g. data/articles), plus any PATHs given (the seed only "
        "when named); non-English ones are skipped with a note",
    )
    # Corpus scale (issue 6): parallel workers and the content cache of analysis.cache.
    p.add_argument(
        "--workers",
        type=_worker_count,
        default=1,
        metavar="N",
        help="analyse with N processes (default 1; 0 = one per CPU); output order is the input order",
    )
    caching = p.add_mutually_exclusive_group()
    caching.add_argument(
        "--cache-dir",
        metavar="DIR",
        type=_nonempty,
        help="keep results in DIR/results-v1.sqlite, keyed by article text and analysis versions "
        "(default: $MEDIA_ANALYSIS_CACHE or ~/.cache/media-analysis)",
    )
    caching.add_argument("--no-cache", action="store_true", help="neither read nor write cached results")
    _add_config_options(p)


def build_parser() -> argparse.ArgumentParser:
    from analysis import __version__

    parser = _Parser(
        prog="media-analysis",
        description="Per-paragraph readability, sentiment and hedging of news articles (offline).",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    p = sub.add_parser(
        "analyze",
        help="metrics per paragraph for one or more articles",
        description="Compute readability, sentiment and hedging per paragraph. With no PATH, analyse the "
        "bundled seed article. Prints an article summary and a paragraph table, or writes CSV/JSON.",
    )
    p.add_argument("paths", nargs="*", metavar="PATH", help=".txt/.md article files or directories of them")
    p.add_argument(
        "--format",
        choices=("table", "csv", "json", "jsonl"),
        default="table",
        help="table: readable summary (default); csv, json (an array) or jsonl (JSON Lines): every column, "
        "one row per paragraph or article, written as articles finish (memory stays bounded)",
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
    _add_run_options(p)
    p.set_defaults(func=cmd_analyze)
    from analysis.cli import cues as cues_command

    q = cues_command.add_parser(sub)
    _add_run_options(q)
    q.set_defaults(func=cmd_cues)
    q = cues_command.add_sources_parser(sub)
    _add_run_options(q)
    q.set_defaults(func=cmd_sources)

    c = sub.add_parser(
        "cache",
        help="show or empty the result cache",
        description="The result cache keeps analysed articles (keyed by text and analysis versions) so a "
        "re-run is fast. Entries made by an older version of the analysis (another lexicon, library or "
        "project version) are never read again but stay until 'prune' deletes them; 'clear' deletes all.",
    )
    c.add_argument(
        "action",
        choices=("info", "prune", "clear"),
        help="info: location, entries, size; prune: delete entries of other analysis versions; clear: delete all",
    )
    c.add_argument(
        "--cache-dir",
        metavar="DIR",
        type=_nonempty,
        help="as for analyze (default: $MEDIA_ANALYSIS_CACHE or ~/.cache/media-analysis)",
    )
    c.set_defaults(func=cmd_cache)
    h = sub.add_parser(
        "highlight",
        help="HTML page of an article with hedges, boosters and attributions marked",
        description="Write a standalone HTML page of the article with every cue highlighted by category "
        "(hedge, booster, attribution) and voice (author or quoted speaker). With no PATH, the bundled seed.",
    )
    h.add_argument("path", nargs="?", metavar="PATH", help=".txt/.md article file (default: the seed)")
    h.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write to FILE instead of standard output (.html added if it has no suffix)",
    )
    h.add_argument("--force", action="store_true", help="allow --output to replace an existing file")
    _add_config_options(h)
    h.set_defaults(func=cmd_highlight)
    _add_store_commands(sub)
    from analysis.report.baseline import add_cli_command as _add_baseline_command

    _add_baseline_command(sub)
    _add_figures_command(sub)
    from analysis.report.page import add_report_command

    add_report_command(sub)
    return parser


def cmd_cache(args: argparse.Namespace) -> int:
    from analysis.corpus.cache import ResultCache, cache_location, check_cache_folder

    path = cache_location(Path(args.cache_dir) if args.cache_dir else True)
    check_cache_folder(path.parent)
    if not path.exists():  # nothing to show or delete; and looking creates nothing
        print(f"{path}: no result cache yet (0 cached articles)")
        return EXIT_OK
    with ResultCache(path, required=True) as store:
        if args.action == "clear":
            n = store.clear()
            print(f"{store.path}: deleted {_articles(n)}")
        elif args.action == "prune":
            n = store.prune()
            print(f"{store.path}: deleted {_articles(n)} from other versions of the analysis; {len(store)} kept")
        else:
            stale = store.stale()
            note = f" ({stale} from other versions of the analysis: `cache prune` deletes them)" if stale else ""
            print(f"{store.path}: {_articles(len(store))}{note}, {store.size_bytes() / 1048576:.1f} MiB")
    return EXIT_OK


def _articles(n: int) -> str:
    return f"{n} cached article{'' if n == 1 else 's'}"


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


def cmd_add(args: argparse.Namespace) -> int:
    from analysis.sources.ingest import add_sources, summary

    meta = {k: getattr(args, k) for k in ("title", "outlet", "kind", "date", "author", "event")}
    results = add_sources(args.sources, args.store, force=args.force, **meta)
    for r in results:  # one line per source, as it is known: added/replaced/updated/duplicate or error
        if r.error is None:
            print(r.describe(), flush=True)
        else:
            print(f"error: {r.error}", file=sys.stderr, flush=True)
    if len(results) > 1:
        print(summary(results))
    n_failed = sum(r.error is not None for r in results)
    if n_failed == len(results):
        return EXIT_BAD_INPUT
    return EXIT_SOME_FAILED if n_failed else EXIT_OK


def cmd_fetch(args: argparse.Namespace) -> int:
    from analysis.sources.fetch import DEFAULT_RETRIES, DEFAULT_TIMEOUT, fetch_manifest, format_results

    timeout = DEFAULT_TIMEOUT if args.timeout is None else args.timeout
    retries = DEFAULT_RETRIES if args.retries is None else args.retries
    if timeout <= 0 or retries < 0:
        raise InputError("--timeout must be positive and --retries zero or more")
    results = fetch_manifest(args.manifest, args.store, force=args.force, timeout=timeout, retries=retries)
    sys.stdout.write(format_results(results))
    return EXIT_SOME_FAILED if any(r.status == "failed" for r in results) else EXIT_OK


def _add_store_commands(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """``add`` and ``fetch``: fill the local article store (issue 5)."""
    from analysis.sources.store import DEFAULT_STORE

    p = sub.add_parser(
        "add",
        help="add articles (URLs, saved .html pages, .txt/.md files, folders of them) to the local store",
        description="Extract each article and store it as Markdown with YAML front matter under a slug of its title. "
        "HTML goes through trafilatura (main text and metadata; navigation, comments and footers dropped). "
        "A folder stands for its .html/.htm/.txt/.md/.markdown files (sorted; hidden files, README, LICENSE and "
        "ATTRIBUTION left out). A file's sidecar NAME.meta.yaml (title, author, outlet, date, kind, event, url) "
        "overrides what the file says; the options override both. The same text from the same outlet is a "
        "duplicate and not written (--force rewrites its metadata); from another outlet (a syndicated copy) it is "
        "stored beside it, and so is another outlet's article with the same title (TITLE--OUTLET.md). One line per "
        "source; exit status 0 when all succeeded, 1 when some failed, 2 when none. Only URLs use the network.",
    )
    p.add_argument(
        "sources",
        nargs="+",
        metavar="SOURCE",
        help="http(s) URL, saved .html page, .txt/.md article file, or a folder of them",
    )
    p.add_argument("--title", help="title (default: the page's own; also names the file); one SOURCE file only")
    p.add_argument("--outlet", help="publication name (default: the page's site name)")
    p.add_argument("--kind", help="free label, e.g. news, wire, analysis, opinion, blog, state-media")
    p.add_argument("--date", help="publication date, e.g. 2021-02-22 (default: the page's own, if stated)")
    p.add_argument("--author", help="author (default: the page's own)")
    p.add_argument("--event", help="free label grouping coverage of one event, e.g. sochi-2021-02")
    p.add_argument("--store", default=str(DEFAULT_STORE), metavar="DIR", help="article store (default: %(default)s)")
    p.add_argument(
        "--force",
        action="store_true",
        help="replace a stored file of the same name and outlet with another text; for a text already stored, "
        "rewrite its metadata (title, outlet, author, date, kind, event; the file name stays)",
    )
    p.set_defaults(func=cmd_add)

    p = sub.add_parser(
        "fetch",
        help="download and store every article listed in a manifest CSV",
        description="For each row of MANIFEST (columns url,outlet,date,title,language,kind,event; only url is "
        "required) download the page (http/https only, HTML only, size cap, timeout, retries with backoff), "
        "extract it and add it to the store. URLs already stored are skipped without a request. Prints a table of "
        "what was added, skipped and failed; exit status 1 when any row failed.",
    )
    p.add_argument("manifest", metavar="MANIFEST.csv", help="manifest, e.g. data/comparables.csv")
    p.add_argument("--store", default=str(DEFAULT_STORE), metavar="DIR", help="article store (default: %(default)s)")
    p.add_argument("--force", action="store_true", help="fetch URLs already in the store again and replace files")
    p.add_argument("--timeout", type=float, metavar="SEC", help="seconds per attempt, body included (default 20)")
    p.add_argument("--retries", type=int, metavar="N", help="retries of timeouts, 429 and 5xx answers (default 2)")
    p.set_defaults(func=cmd_fetch)


def cmd_figures(args: argparse.Namespace) -> int:
    from analysis.report.figures import write_figures

    written = write_figures(args.out, store=args.store)
    for path in written:
        print(f"wrote {path}", file=sys.stderr)
    print(f"{len(written) // 2} figures (PNG and SVG) in {args.out}")
    return EXIT_OK


def _add_figures_command(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
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


def _format_warning(message, category, filename, lineno, line=None):  # type: ignore[no-untyped-def]
    return f"warning: {message}\n"


class Terminated(KeyboardInterrupt):
    """A stop request (SIGTERM) raised straight from its handler.

    A KeyboardInterrupt, so every clean-up a Ctrl-C gets (no half-written output
    or cache entry, workers stopped) runs for it too. It is raised directly,
    not by re-sending SIGINT: a background job of a non-interactive shell starts
    with SIGINT ignored, and a SIGTERM routed through SIGINT was lost there.
    """


def _interrupted(exc: BaseException) -> int:
    print("error: interrupted", file=sys.stderr)
    return EXIT_TERMINATED if isinstance(exc, Terminated) else EXIT_INTERRUPTED


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``media-analysis`` console script; returns the exit status."""
    try:
        parser = build_parser()
        if argv is None:
            argv = sys.argv[1:]
        if not argv:  # bare `media-analysis`: what it can do, not an error
            parser.print_help()
            return EXIT_OK
        args = parser.parse_args(argv)
        if getattr(args, "max_bytes", 0) is None:
            from analysis.sources.loading import MAX_BYTES

            args.max_bytes = MAX_BYTES
        warnings.formatwarning = _format_warning
        func: Callable[[argparse.Namespace], int] = args.func
        with warnings.catch_warnings():
            # A warning for the person running the tool is printed (as `warning: ...`), whatever
            # filters the caller set: e.g. "cannot use the result cache ...; running without it".
            from analysis.errors import InputWarning

            warnings.simplefilter("default", InputWarning)
            return func(args)
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt as exc:
        return _interrupted(exc)
    except BrokenPipeError:
        return EXIT_OK
    except OSError as exc:  # a file that cannot be written after all (disk full, removed folder, ...)
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"error: {where}{exc.strerror or exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except Exception as exc:  # noqa: BLE001 - last resort: one line, not a traceback
        if os.environ.get("MEDIA_ANALYSIS_DEBUG"):
            raise
        print(
            f"error: internal error: {type(exc).__name__}: {exc} (set MEDIA_ANALYSIS_DEBUG=1 for details)",
            file=sys.stderr,
        )
        return EXIT_INTERNAL


def run() -> NoReturn:
    """The console script: :func:`main`, then exit with its status.

    SIGTERM (a batch scheduler's or ``kill``'s stop request) stops a run as
    Ctrl-C does: its handler raises :class:`Terminated` (a KeyboardInterrupt),
    so the run is abandoned cleanly (no half-written output or cache entry,
    workers stopped), exit status 143; 130 for Ctrl-C. The handler is installed
    first, before anything heavy is imported (this module imports only the
    standard library and :mod:`analysis.errors`), and a Ctrl-C during the
    imports that follow is one ``error: interrupted`` line, never a traceback.
    After either, further ones are ignored while the process exits: the
    interpreter restores the default handlers during shutdown, and a signal
    arriving then would kill it mid-exit.
    """
    try:  # a Ctrl-C even while `signal` itself is imported is one line, not a traceback
        import signal
    except KeyboardInterrupt as exc:
        sys.exit(_interrupted(exc))

    def stop(signum: int, frame: object) -> None:
        quiet()
        raise Terminated

    def interrupt(signum: int, frame: object) -> None:
        quiet()  # the run is stopping: a second Ctrl-C must not land in the clean-up (a __del__, a finally)
        raise KeyboardInterrupt

    def quiet() -> None:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)

    try:
        signal.signal(signal.SIGTERM, stop)
        if signal.getsignal(signal.SIGINT) is signal.default_int_handler:  # not when started with Ctrl-C ignored
            signal.signal(signal.SIGINT, interrupt)
        status = main()
        signal.signal(signal.SIGTERM, signal.SIG_DFL)  # main is done: a stop request now just ends the process
    except KeyboardInterrupt as exc:  # landed outside main's own handling (just before or after it)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        status = _interrupted(exc)
    if status in (EXIT_INTERRUPTED, EXIT_TERMINATED):
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
    sys.exit(status)


if __name__ == "__main__":  # pragma: no cover
    run()
