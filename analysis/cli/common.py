"""What every command shares: exit statuses, the one-line-error parser, output, common options."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

EXIT_OK, EXIT_SOME_FAILED, EXIT_BAD_INPUT, EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_TERMINATED = 0, 1, 2, 70, 130, 143


def seed_article_path() -> Path:
    from analysis import seed_path

    return seed_path()


def write_output(text: str, output: str | None, force: bool) -> None:
    """Print ``text`` or write it atomically to ``output`` (never clobbering without ``force``); see
    :func:`analysis.io.write_or_print`."""
    from analysis.io import write_or_print  # inside: this module imports the standard library only

    write_or_print(text, output, force, report=lambda line: print(line, file=sys.stderr))


def config_from_args(args: argparse.Namespace, check_lexicon: bool = True):  # type: ignore[no-untyped-def]
    """The :class:`~analysis.AnalysisConfig` of the command's options: ``--config FILE`` then the flags.

    ``check_lexicon``: read the lexicon file now (a bad one is one error before any work).

    Raises:
        InputError: a bad settings file, a bad value, an unreadable lexicon (one line, before any work).
    """
    from analysis.config import SETTINGS, AnalysisConfig

    config = AnalysisConfig.from_settings(
        getattr(args, "config", None), **{name: getattr(args, name, None) for name in SETTINGS}
    )
    if check_lexicon:
        config.hedge_lexicon  # noqa: B018 - a bad lexicon file is one error now, before any work
    return config


def _fraction(value: str) -> float:
    """An argparse ``type``: a number from 0 to 1."""
    try:
        x = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expects a number from 0 to 1, not {value!r}") from None
    if not 0.0 <= x <= 1.0:
        raise argparse.ArgumentTypeError(f"expects a number from 0 to 1, not {value!r}")
    return x


def add_config_options(p: argparse.ArgumentParser) -> None:
    """The settings of :class:`~analysis.AnalysisConfig`: the lexicon and uncertainty threshold change the
    analysed document (and the cache key); the reliability thresholds are applied when tables are built."""
    g = p.add_argument_group(
        "settings (flags override --config; --lexicon and --uncertainty-threshold are part of the cache key)"
    )
    g.add_argument(
        "--config",
        metavar="FILE",
        help="TOML file with an [analysis] table of these settings (lexicon, min_reliable_words, "
        "min_smog_sentences, uncertainty_threshold)",
    )
    g.add_argument(
        "--lexicon",
        metavar="FILE",
        help="hedge lexicon CSV to use instead of the packaged one (same columns: cue, category, subtype, rule, "
        "source, notes)",
    )
    g.add_argument(
        "--min-reliable-words",
        type=_whole_number(0, "words", "must be 0 or more"),
        metavar="N",
        help="readability_reliable needs at least N words (default 100)",
    )
    g.add_argument(
        "--min-smog-sentences",
        type=_whole_number(0, "sentences", "must be 0 or more"),
        metavar="N",
        help="smog_reliable needs at least N sentences (default 30)",
    )
    g.add_argument(
        "--uncertainty-threshold",
        type=_fraction,
        metavar="X",
        help="one threshold (0 to 1) for speculation and vagueness (default: each measure's own)",
    )


class Parser(argparse.ArgumentParser):
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


def nonempty(value: str) -> str:
    if not value.strip():
        raise argparse.ArgumentTypeError("needs a folder name, not an empty string")
    return value


def add_cache_options(p: argparse.ArgumentParser) -> None:
    """``--cache-dir DIR`` or ``--no-cache``: where analysed documents are kept (see :mod:`analysis.corpus.cache`)."""
    caching = p.add_mutually_exclusive_group()
    caching.add_argument(
        "--cache-dir",
        metavar="DIR",
        type=nonempty,
        help="keep results in DIR/results-v1.sqlite, keyed by article text and analysis versions "
        "(default: $MEDIA_ANALYSIS_CACHE or ~/.cache/media-analysis)",
    )
    caching.add_argument("--no-cache", action="store_true", help="neither read nor write cached results")


def add_paths_argument(p: argparse.ArgumentParser) -> None:
    """The ``PATH ...`` inputs of the commands that analyse articles (none: the bundled seed)."""
    p.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help=".txt/.md article files, directories of them, or tables of articles (.csv, .tsv, .jsonl, "
        ".json, .parquet; one article per row)",
    )


def add_run_options(p: argparse.ArgumentParser) -> None:
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
    # Corpus scale (issue 6): parallel workers and the content cache of analysis.corpus.cache.
    p.add_argument(
        "--workers",
        type=_worker_count,
        default=1,
        metavar="N",
        help="analyse with N processes (default 1; 0 = one per CPU; never more than the CPUs or the inputs); "
        "output order is the input order",
    )
    add_cache_options(p)
    p.add_argument(
        "--excel-safe",
        action="store_true",
        help="CSV only: start every text cell that begins with = + - @, a tab or a carriage return (a live formula "
        "in a spreadsheet) with an apostrophe; the apostrophe is then part of the value for other readers",
    )
    add_config_options(p)


def add_table_options(p: argparse.ArgumentParser) -> None:
    """Options naming the columns of a table input (.csv, .tsv, .jsonl, .json, .parquet: one article per row)."""
    g = p.add_argument_group(
        "table input",
        "a PATH ending in .csv, .tsv, .jsonl, .json or .parquet is a table, one article per row; every column "
        "not named below is carried into every output row",
    )
    for field, what in (
        ("text", "the article text; the table must have it (default: text)"),
        ("title", "the title (default: title)"),
        ("id", "the article's id, kept as article_id (default: id; without that column, the row number)"),
        ("outlet", "the outlet (default: outlet)"),
        ("date", "the date (default: date)"),
        ("author", "the author (default: author)"),
    ):
        g.add_argument(f"--{field}-column", metavar="NAME", default=field, help=f"column with {what}")
    g.add_argument("--delimiter", metavar="CHAR", help="CSV delimiter (default , and tab for .tsv)")


def table_columns(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    """The :class:`~analysis.sources.table.TableColumns` of the table options."""
    from analysis.sources.table import TABLE_FIELDS, TableColumns

    return TableColumns(**{f: getattr(args, f"{f}_column", f) for f in TABLE_FIELDS})


def add_quiet_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--quiet",
        "-q",
        action="store_true",
        help="no progress (by default: a bar on a terminal, else a line on stderr every few seconds during long runs)",
    )
