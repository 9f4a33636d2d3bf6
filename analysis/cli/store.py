"""``add`` and ``fetch``: fill the local article store."""

from __future__ import annotations

import argparse
import sys

from analysis.cli.common import EXIT_BAD_INPUT, EXIT_OK, EXIT_SOME_FAILED
from analysis.errors import InputError


def cmd_add(args: argparse.Namespace) -> int:
    from analysis.sources.ingest import add_sources, add_with_manifest, summary

    meta = {k: getattr(args, k) for k in ("title", "outlet", "kind", "date", "author", "event")}
    if args.manifest:
        from analysis.cli.common import table_columns

        given = [f"--{k}" for k, v in meta.items() if v]
        if given:
            raise InputError(f"--manifest gives each file's metadata; leave out {', '.join(given)}")
        if len(args.sources) != 1:
            raise InputError("--manifest attaches metadata to one folder of article files: give that folder only")
        results = add_with_manifest(
            args.sources[0],
            args.manifest,
            args.store,
            columns=table_columns(args),
            file_column=args.file_column,
            force=args.force,
        )
    else:
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


def add_parsers(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """``add`` and ``fetch``: fill the local article store (issue 5)."""
    from analysis.sources import DEFAULT_STORE  # not the store module: YAML and the reader load on use

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
    m = p.add_argument_group(
        "manifest",
        "metadata for a folder of files from one table (CSV, TSV, JSON Lines, JSON or Parquet), one row per "
        "file; each article is stored under its id (the id column, else its file name), so articles with the "
        "same title stay apart",
    )
    m.add_argument("--manifest", metavar="FILE", help="the table of file names and their metadata")
    m.add_argument(
        "--file-column",
        metavar="NAME",
        help="manifest column naming each file (default: file, filename, file_name or path)",
    )
    for field in ("id", "title", "outlet", "date", "author"):
        m.add_argument(
            f"--{field}-column",
            metavar="NAME",
            default=field,
            help=f"manifest column with the {field} (default: {field})",
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
