"""One corpus run from a :class:`~analysis.RunOptions`: what ``media-analysis analyze`` (and ``cues``,
``sources``) does, as a library call.

:func:`run_corpus` expands the inputs (files, folders, tables, a store), then writes the rows at the
options' ``level`` in its ``format``: CSV, JSON, JSON Lines, Parquet or Excel streamed as articles
finish (:class:`~analysis.corpus.writers.TableWriter`, bounded memory), or the readable ``"table"``
text (held in memory: it is meant for reading, not for a corpus). Every article goes through
:func:`analysis.corpus.batch.stream_corpus`.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from analysis.corpus.writers import RUN_FORMATS
from analysis.errors import InputError
from analysis.io import output_to_file, write_or_print
from analysis.options import RunOptions

#: Paragraph-table columns shown by the ``"table"`` format (the CSV/JSON have all).
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

#: Columns shown by the ``"table"`` format for the row levels that have one.
LEVEL_TABLE_COLUMNS = {
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

#: Formats of :func:`run_corpus` (``table``: aligned text for reading).
FORMATS = RUN_FORMATS


@dataclass
class RunReport:
    """What :func:`run_corpus` did.

    Attributes:
        n_articles: articles analysed (or read from the cache) and written.
        failures: ``(source, message)`` of every input that failed in the analysis.
        missing: one message per input that could not be expanded (a missing path, an empty
            folder, an unusable table) when there were several inputs; reported, not fatal.
        n_inputs: inputs expanded (articles and table rows), ``missing`` not counted.
    """

    n_articles: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    n_inputs: int = 0

    @property
    def n_failed(self) -> int:
        """Inputs that failed, ``missing`` included."""
        return len(self.failures) + len(self.missing)


def _to_stderr(message: str) -> None:
    print(message, file=sys.stderr)


def resolved(options: RunOptions) -> RunOptions:
    """``options`` with its ``format`` settled (given, else ``output``'s suffix, else ``default_format``).

    Raises:
        InputError: the suffix names another format than ``format``, or one :func:`run_corpus` cannot write.
    """
    from analysis.corpus.writers import resolve_format

    fmt = resolve_format(options.format, options.output, options.default_format, FORMATS)
    return options if fmt == options.format else options.with_settings(format=fmt)


def run_corpus(options: RunOptions, report: Callable[[str], None] = _to_stderr) -> RunReport:
    """Analyse ``options.inputs`` (and ``options.store``) and write the rows to ``options.output``.

    Args:
        options: the run; ``format`` is settled with :func:`resolved`. Without inputs or a store,
            the bundled seed article is analysed.
        report: called with each line for the person running it, as it happens: ``note: ...`` (a
            store's non-English article skipped), ``error: ...`` (an input that could not be
            expanded, when there are several), ``wrote FILE``. Default: printed on standard error.

    Returns:
        A :class:`RunReport`. With no article analysed nothing is written (no file, no header).

    Raises:
        InputError: the only input is missing or unusable, a store has no English article, the
            lexicon cannot be read, ``output`` exists and ``force`` is off.
    """
    options = resolved(options)
    items, carry, missing = _expand(options, report)
    for message in missing:
        report(f"error: {message}")
    options.config.hedge_lexicon  # noqa: B018 - a bad lexicon file is one error before any work
    if options.format == "table" and options.level in LEVEL_TABLE_COLUMNS:
        result = _rows_to_table(items, options, report)
    elif options.format == "table":
        result = _analyze_to_table(items, options, report)
    else:
        result = _analyze_streamed(items, options, carry, report)
    result.missing = missing
    result.n_inputs = len(items)
    return result


def _expand(options: RunOptions, report: Callable[[str], None]) -> tuple[list[Any], tuple[str, ...], list[str]]:
    """The items to analyse, the tables' carried columns, and the messages of inputs that could not be read.

    With several inputs (or a store) a missing path or an empty folder is reported with the other
    failures at the end, not fatal (a malformed table too: its rows are not analysed).
    """
    from analysis.corpus.table import expand_sources

    missing: list[str] = []
    carry: tuple[str, ...] = ()
    files: list[Any]
    if len(options.inputs) > 1 or options.store:
        files = []
        for p in options.inputs:
            try:
                more_items, more = expand_sources([p], options.columns, delimiter=options.delimiter)
            except InputError as exc:
                missing.append(str(exc))
            else:
                files.extend(more_items)
                carry = (*carry, *(c for c in more if c not in carry))
    else:
        files, carry = expand_sources(list(options.inputs), options.columns, delimiter=options.delimiter)
    if options.store:  # --store adds its articles
        return [*files, *store_articles(options.store, report)], carry, missing
    if files or missing:
        return files, carry, missing
    from analysis import seed_path  # with nothing given at all, the seed

    return [seed_path()], carry, missing


def store_articles(store: str, report: Callable[[str], None] = _to_stderr) -> list[Path]:
    """The English articles of the store ``store``; reports a note for each non-English one.

    Raises:
        InputError: the store is missing, or has no English article.
    """
    from analysis.sources.store import partition_store

    english, skipped = partition_store(store)
    for path, language in skipped:
        from analysis.annotate.language import language_name

        report(
            f"note: skipped {path}: not English ({language_name(language)}, language: {language}); no English metrics"
        )
    if not english:
        raise InputError(f"{store}: no English article in the store ({len(skipped)} non-English skipped)")
    return english


def _write_text(text: str, options: RunOptions, report: Callable[[str], None]) -> None:
    """Print ``text`` or write it atomically to ``options.output`` (never clobbering without ``force``)."""
    write_or_print(text, options.output, options.force, report)


def format_table(paragraphs, articles, level: str = "paragraph", min_reliable_words: int = 100) -> str:  # type: ignore[no-untyped-def]
    """The readable summary of every article and, below paragraph level, its paragraph table.

    Args:
        paragraphs: the paragraph table (:data:`analysis.tables.COLUMNS`).
        articles: the article table.
        level: ``"article"``: the summaries only.
        min_reliable_words: the threshold behind ``readability_reliable``, named in the note of an
            article below it.

    Returns:
        The text, one block per article.
    """
    import pandas as pd

    parts = []
    for _, art in articles.iterrows():
        aid = art["article_id"]
        rel = "" if art["readability_reliable"] else f"  (under {min_reliable_words} words: indicative only)"
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


def _analyze_to_table(items: list[Any], options: RunOptions, report: Callable[[str], None]) -> RunReport:
    """The readable summary of paragraph or article level."""
    from analysis.corpus.batch import analyze_paths

    result = analyze_paths(items, options=options)
    if not result.articles.empty:
        paragraphs = result.paragraphs
        if options.body_only:
            paragraphs = paragraphs[paragraphs["role"] == "body"]
        text = format_table(paragraphs, result.articles, options.level, options.config.min_reliable_words)
        _write_text(text, options, report)
    return RunReport(len(result.articles), result.failures)


def _rows_to_table(items: list[Any], options: RunOptions, report: Callable[[str], None]) -> RunReport:
    """Aligned columns of sentence, cue or source rows."""
    import pandas as pd

    from analysis.corpus.batch import stream_corpus

    result = stream_corpus(items, options=options)
    if result.n_articles:
        df = pd.DataFrame(result.rows, columns=list(LEVEL_TABLE_COLUMNS[options.level]))
        with pd.option_context("display.width", 160, "display.max_rows", 10_000, "display.max_colwidth", 60):
            text = df.to_string(index=False) + "\n" if len(df) else f"no {options.level} rows\n"
        _write_text(text, options, report)
    return RunReport(result.n_articles, result.failures)


def _analyze_streamed(
    items: list[Any], options: RunOptions, carry: tuple[str, ...], report: Callable[[str], None]
) -> RunReport:
    """CSV/JSON/JSON Lines/Parquet/Excel rows written as articles finish (bounded memory); no file if all fail."""
    from analysis.corpus.batch import columns_of, stream_corpus
    from analysis.corpus.writers import TableWriter
    from analysis.io import FORCE_HINT

    to_file = output_to_file(options.output)
    columns = [*columns_of(options.level), *(c for c in carry if c not in columns_of(options.level))]
    writer = TableWriter(
        options.output if to_file else None,
        columns,
        options.format,
        overwrite=options.force,
        exists_hint=FORCE_HINT,
        excel_safe=options.excel_safe,
    )
    result = stream_corpus(items, writer, options=options, carry=carry)
    if result.n_articles == 0:
        writer.abort()
    else:
        writer.close()
        if to_file:
            report(f"wrote {options.output}")
    return RunReport(result.n_articles, result.failures)


__all__ = ["FORMATS", "RunReport", "format_table", "resolved", "run_corpus", "store_articles"]
