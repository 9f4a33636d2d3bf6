"""``baseline build CORPUS_DIR``: regenerate a committed news baseline (figures only)."""

from __future__ import annotations

import argparse
from pathlib import Path

from analysis.cli.common import EXIT_OK
from analysis.report import BASELINE_NAME as DEFAULT_NAME
from analysis.report import BASELINE_OUT as DEFAULT_OUT


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register ``baseline build CORPUS_DIR [--out DIR] [--name NAME]``."""
    p = sub.add_parser(
        "baseline",
        help="rebuild a news baseline (figures only) from a corpus folder",
        description="Compute per-paragraph and per-article metrics for every .txt file of a corpus folder and "
        "write <out>/<name>.csv and <out>/<name>.articles.csv without any text column. Existing baseline files "
        "are replaced (they are generated).",
    )
    bsub = p.add_subparsers(dest="baseline_command", metavar="ACTION", required=True)
    b = bsub.add_parser("build", help="compute and write the baseline CSVs")
    b.add_argument("corpus", metavar="CORPUS_DIR", help="folder of .txt articles (one paragraph per line)")
    b.add_argument("--out", default=str(DEFAULT_OUT), metavar="DIR", help="output folder (default: %(default)s)")
    b.add_argument("--name", default=DEFAULT_NAME, help="baseline name, used for file names (default: %(default)s)")
    b.set_defaults(func=cmd_build)


def cmd_build(args: argparse.Namespace) -> int:
    """Build, write, and print one summary line; raises :class:`InputError` on bad input."""
    from analysis.corpus.baseline import write  # pandas and the analysis: imported only when run

    info = write(args.corpus, args.out, args.name)
    print(
        f"wrote {Path(args.out) / args.name}.csv ({info['paragraphs']} paragraphs, roles {info['roles']}) and "
        f"{args.name}.articles.csv ({info['articles']} articles) in {info['seconds']} s"
    )
    return EXIT_OK
