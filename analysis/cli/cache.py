"""``cache info|prune|clear``: see or empty the result cache."""

from __future__ import annotations

import argparse
from pathlib import Path

from analysis.cli.common import EXIT_OK, nonempty


def cmd_cache(args: argparse.Namespace) -> int:
    import sqlite3

    from analysis.corpus.cache import ResultCache, cache_location, check_cache_folder, clear_cache, damage_message
    from analysis.errors import InputError

    path = cache_location(Path(args.cache_dir) if args.cache_dir else True)
    check_cache_folder(path.parent)
    if not path.exists():  # nothing to show or delete; and looking creates nothing
        print(f"{path}: no result cache yet (0 cached articles)")
        return EXIT_OK
    if args.action == "clear":  # also the way out of a damaged cache
        n, damage = clear_cache(path)
        print(
            f"{path}: deleted {_articles(n)}"
            if damage is None
            else f"{path}: damaged ({damage}); replaced with an empty cache"
        )
        return EXIT_OK
    with ResultCache(path, required=True) as store:
        try:
            store.check_quickly()
            if args.action == "prune":
                n = store.prune()
                print(f"{store.path}: deleted {_articles(n)} from other versions of the analysis; {len(store)} kept")
            else:
                stale = store.stale()
                note = f" ({stale} from other versions of the analysis: `cache prune` deletes them)" if stale else ""
                print(f"{store.path}: {_articles(len(store))}{note}, {store.size_bytes() / 1048576:.1f} MiB")
        except sqlite3.DatabaseError as exc:
            raise InputError(damage_message(store.path, exc)) from None
    return EXIT_OK


def _articles(n: int) -> str:
    return f"{n} cached article{'' if n == 1 else 's'}"


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register ``cache``."""
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
        type=nonempty,
        help="as for analyze (default: $MEDIA_ANALYSIS_CACHE or ~/.cache/media-analysis)",
    )
    c.set_defaults(func=cmd_cache)
