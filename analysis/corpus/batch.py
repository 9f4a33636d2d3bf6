"""Analyse a corpus: streaming, in input order, on several cores, with a content cache.

:func:`analyze_corpus` is the entry point for many articles::

    from analysis import analyze_corpus
    df = analyze_corpus(paths, workers=4, cache=True)          # paragraph table, all roles
    analyze_corpus(paths, workers=4, output="corpus.parquet")  # streamed to disk, bounded memory

* Inputs are file paths (``.txt``/``.md``, read with :func:`analysis.load_article`'s
  rules), :class:`~analysis.model.Article` objects or table rows
  (:class:`~analysis.sources.table.TableRow`: text and metadata, built into an Article
  in the worker like a file), from any iterable: a generator is consumed lazily, so a
  corpus larger than memory streams through.
* ``carry``: metadata columns (a table's other columns) written into every output row
  after the table's own columns, from each article's ``extra`` (empty when it has none).
* ``workers > 1`` uses a process pool (``fork`` where available, so workers start
  with the dictionaries the parent loaded). At most ``4 * workers`` articles are
  in flight; results come back in input order.
* An article that fails (bad input, non-English, even an unexpected exception,
  or with ``workers > 1`` a worker process that dies on it) is skipped and
  reported; the others are kept. Failures are listed at the end in
  one :class:`BatchWarning` and in ``df.attrs["failures"]`` as ``(source, message)``.
* A tqdm progress bar is shown on a terminal or in Jupyter, only for runs that
  last more than :data:`analysis.corpus.progress.PROGRESS_DELAY_S` seconds, and never when stderr is not
  a terminal (logs, pipes, CI).
* ``cache``: see :mod:`analysis.corpus.cache`. A hit reads the stored analysed document; at
  ``level="article"`` it reads the article row stored beside it instead (when the entry has one:
  entries written since it existed), with the identity stamped anew, so a comparison of 1,000
  cached articles does not rebuild 1,000 documents it would only sum up.
* ``config``: an :class:`~analysis.AnalysisConfig`, used for every article and part of the cache key.
* ``article_id`` is unique within a run: a clash gets the input's folder name (then a number) in front.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import json
import os
import sys
import warnings
from collections import deque
from collections.abc import Generator, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from analysis.config import AnalysisConfig
from analysis.corpus.pool import close_pool, make_pool, run_isolated, submit, usable_cpus
from analysis.corpus.progress import progress_bar
from analysis.corpus.writers import TableWriter
from analysis.errors import InputError, InputWarning, interruption
from analysis.model import METADATA_FIELDS, Article
from analysis.sources.loading import (
    article_from_text,
    check_length,
    is_markdown_name,
    read_text,
    sentence_limit,
    sidecar_metadata,
    slugify,
    split_front_matter,
)
from analysis.sources.table import TableRow

if TYPE_CHECKING:
    import pandas as pd

    from analysis.corpus.cache import ResultCache
    from analysis.document import AnalysedDocument
    from analysis.options import RunOptions

#: Articles in flight per worker (bounds memory and keeps every worker busy).
IN_FLIGHT_PER_WORKER = 4
#: Row levels of a corpus table: one row per paragraph, one body-level row per article, one per sentence
#: or one per cue (columns: :func:`columns_of`).
LEVELS = ("paragraph", "article", "sentence", "cue", "source")


def columns_of(level: str) -> tuple[str, ...]:
    """The columns of a table at ``level`` (see :data:`LEVELS`)."""
    from analysis.tables import COLUMNS, CUE_COLUMNS, SENTENCE_COLUMNS, SOURCE_COLUMNS

    check_level(level)
    return {"sentence": SENTENCE_COLUMNS, "cue": CUE_COLUMNS, "source": SOURCE_COLUMNS}.get(level, COLUMNS)


def rows_of(outcome: Outcome, level: str, body_only: bool = False, carry: Sequence[str] = ()) -> list[dict[str, Any]]:
    """The table rows of a successful ``outcome`` at ``level``; ``body_only`` keeps body-paragraph rows only.

    ``carry``: metadata keys of the article's ``extra`` added to every row (``None`` when absent).
    """
    return list(iter_rows_of(outcome, level, body_only, carry))


def iter_rows_of(
    outcome: Outcome, level: str, body_only: bool = False, carry: Sequence[str] = ()
) -> Iterator[dict[str, Any]]:
    """:func:`rows_of`, paragraph rows made one at a time (for a writer: see ``iter_paragraph_rows``)."""
    from analysis.tables.build import cue_rows, iter_paragraph_rows, sentence_rows, source_rows

    if outcome.document is None:
        return iter(())
    if level == "article":
        new: Iterable[dict[str, Any]] = [outcome.article or {}]
    else:
        rows = {"sentence": sentence_rows, "cue": cue_rows, "source": source_rows}.get(level)
        if rows is not None:
            new = rows(outcome.document)
        elif "paragraphs" in outcome.__dict__:  # already made (and kept) for this outcome
            new = outcome.paragraphs
        else:
            new = iter_paragraph_rows(outcome.document)
        if body_only and level != "source":
            new = (row for row in new if row["role"] == "body")
    if carry:
        extra = outcome.document.article.extra
        carried = {c: extra.get(c) for c in carry}
        return ({**row, **carried} for row in new)
    return iter(new)


class BatchWarning(UserWarning):
    """Some articles of a batch failed and were skipped (the message lists them)."""


@dataclass
class BatchResult:
    """Paragraph rows and article rows of every article that succeeded, plus failures."""

    paragraphs: pd.DataFrame
    articles: pd.DataFrame
    failures: list[tuple[str, str]] = field(default_factory=list)
    #: The analysed documents, when asked for (``keep_documents=True``).
    documents: list[AnalysedDocument] = field(default_factory=list)


@dataclass(frozen=True)
class Outcome:
    """What became of one input: its analysed document on success, ``error`` (one line) on failure.

    :attr:`paragraphs` and :attr:`article` are the document's table rows (dicts keyed
    by :data:`analysis.tables.COLUMNS`), built from its layers on first use.
    """

    index: int
    source: str
    document: AnalysedDocument | None = None
    error: str | None = None
    warnings: tuple[str, ...] = ()
    cached: bool = False

    @property
    def ok(self) -> bool:
        return self.error is None

    @cached_property
    def paragraphs(self) -> list[dict[str, Any]]:
        """Paragraph rows (every role); ``[]`` on failure."""
        from analysis.tables.build import paragraph_rows

        return paragraph_rows(self.document) if self.document is not None else []

    @cached_property
    def article(self) -> dict[str, Any] | None:
        """The body-level row; ``None`` on failure."""
        from analysis.tables.build import article_row

        return article_row(self.document) if self.document is not None else None


#: Article-row columns stamped anew on a cached row (the identity and the metadata; not part of the analysis).
def _row_metadata_columns() -> tuple[str, ...]:
    from analysis.tables.dictionary import METADATA

    return tuple(METADATA)


@dataclass(frozen=True)
class _RowDocument:
    """What a cached article row needs of its document: the article's identity and metadata, the notices.

    Stands in for an :class:`~analysis.document.AnalysedDocument` in a run that only writes article rows
    (no text, no layers: the layers were summed up when the row was stored).
    """

    article: Article
    notes: tuple[str, ...] = ()

    def with_identity(self, **metadata: Any) -> _RowDocument:
        return replace(self, article=replace(self.article, **metadata))

    def notices(self) -> tuple[str, ...]:
        return self.notes


@dataclass(frozen=True)
class _RowOutcome(Outcome):
    """A cache hit at article level: the stored metric columns, the metadata taken from the (stand-in) document."""

    row: dict[str, Any] = field(default_factory=dict)

    @cached_property
    def article(self) -> dict[str, Any] | None:
        from analysis.tables.build import metadata

        if self.document is None:
            return None
        out = dict(self.row)
        out["article_id"] = self.document.article.article_id
        out.update(metadata(self.document))  # type: ignore[arg-type]
        return out


def _cached_row(outcome: Outcome) -> dict[str, Any]:
    """What is stored beside a document for :class:`_RowOutcome`: the article row without its metadata,
    the title and author the analysis settled on, small metadata extras (``event``), the notices."""
    doc = outcome.document
    assert doc is not None
    skip = set(_row_metadata_columns())
    a = doc.article
    extra = {k: v for k, v in a.extra.items() if isinstance(v, (str, int, float, bool)) or v is None}
    return {
        "row": {k: v for k, v in (outcome.article or {}).items() if k not in skip},
        "title": a.title,
        "author": a.author,
        "extra": extra,
        "notices": list(doc.notices()),
    }


def _row_from_cache(job: _Job, value: dict[str, Any]) -> Outcome | None:
    """``job``'s article row from the cache (identity stamped anew); ``None`` when the entry has none."""
    from analysis.tables.readability import reliability

    try:
        row, title, author = dict(value["row"]), value.get("title"), value.get("author")
        notes = tuple(str(n) for n in value.get("notices") or ())
        extra = dict(value.get("extra") or {})
        # the display thresholds are not in the key: applied anew to the stored counts
        row.update(reliability(int(row["n_words"]), int(row["n_sentences"]), job.config))
    except (KeyError, TypeError, ValueError):
        return None
    identity = dict(job.identity)
    identity["extra"] = {**extra, **identity.get("extra", {})}
    article = Article(
        text="",
        paragraphs=(),
        article_id=str(identity.pop("article_id") or job.article_id),
        sha256="",
        title=title,
        author=author,
        **identity,
    )
    return _RowOutcome(
        job.index,
        job.source,
        _RowDocument(article, notes),  # type: ignore[arg-type]
        warnings=notes,
        cached=True,
        row=row,
    )


@dataclass(frozen=True)
class _Job:
    """One article ready for analysis: either decoded file text or an Article."""

    index: int
    source: str
    config: AnalysisConfig
    key: str | None = None
    article_id: str | None = None
    text: str | None = None
    article: Article | None = None
    #: Metadata re-stamped on a cached document (it does not change the analysis).
    identity: dict[str, Any] = field(default_factory=dict)
    #: Metadata from a sidecar ``<stem>.meta.yaml`` (applied over the front matter).
    sidecar: dict[str, Any] = field(default_factory=dict)
    #: A table row's carried columns, set in the Article's ``extra`` as they are (any name).
    carried: dict[str, Any] = field(default_factory=dict)
    #: Most sentences (and paragraphs) the text may have (:func:`analysis.sources.loading.sentence_limit`).
    max_sentences: int | None = None


# --------------------------------------------------------------------------- one article


def analyze_article(
    article: Article, config: AnalysisConfig | None = None
) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Paragraph rows and the article row of one article, as plain dicts (one analysis).

    Raises :class:`InputError` for a non-English article.
    """
    from analysis.document import analyze
    from analysis.tables.build import article_row, paragraph_rows

    doc = analyze(article, config)
    return paragraph_rows(doc), article_row(doc)


def _run_job(job: _Job) -> Outcome:
    """Analyse one job (in a worker or in-process); never raises for a bad article."""
    from analysis.document import analyze

    caught: list[warnings.WarningMessage] = []
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            article = job.article
            if article is None:
                assert job.text is not None
                article = article_from_text(
                    job.text,
                    name=job.source,
                    max_sentences=job.max_sentences,
                    **{**job.sidecar, "source_path": job.source, "article_id": job.article_id},
                )
                if job.carried:
                    article = replace(article, extra={**article.extra, **job.carried})
            document = analyze(article, job.config)
    except InputError as exc:
        return Outcome(job.index, job.source, error=str(exc), warnings=_messages(caught))
    except Exception as exc:  # noqa: BLE001 - one broken article must not stop a corpus run
        stop = interruption(exc)
        if stop is not None:  # a stop request a C extension reported as its own error: the run stops
            raise stop from None
        return Outcome(job.index, job.source, error=f"{job.source}: internal error: {type(exc).__name__}: {exc}")
    return Outcome(job.index, job.source, document, warnings=_messages(caught) + document.notices())


def _messages(caught: Sequence[warnings.WarningMessage]) -> tuple[str, ...]:
    return tuple(str(w.message) for w in caught if issubclass(w.category, InputWarning))


def _emit(message: str) -> None:
    """Re-issue a worker's or reader's :class:`InputWarning` here, shown once per message.

    Shown even where InputWarning is configured as an error: it describes a guess
    about one input of many, which must not stop the batch.
    """
    tqdm_module = sys.modules.get("tqdm")  # a progress bar may be on screen: lift it while writing
    pause = tqdm_module.tqdm.external_write_mode(file=sys.stderr) if tqdm_module else contextlib.nullcontext()
    with pause, warnings.catch_warnings():
        warnings.simplefilter("default")
        warnings.warn(message, InputWarning, stacklevel=4)


def warm(freeze: bool = False, config: AnalysisConfig | None = None) -> None:
    """Load the dictionaries every article needs (once, before forking workers).

    With ``freeze``, then call :func:`gc.freeze`: the ~400,000 dictionary objects
    live as long as the process, so the cyclic collector need never traverse them
    again (that includes the final collection at interpreter exit, ~0.6 s), and
    forked workers keep sharing their memory pages (the pattern the :mod:`gc`
    docs recommend before ``fork``). Side effect: objects alive at this moment are
    exempt from cyclic collection, so it is used only before forking (and undone with
    :func:`gc.unfreeze` when the run ends, see :func:`iter_outcomes`) and by the CLI.
    """
    import gc

    from analysis import layers

    enabled = gc.isenabled()
    gc.disable()  # no collection may traverse the fresh dictionaries before they are frozen
    try:
        layers.warm(config)  # each component's own: dictionaries, lexicon and matcher, models, word lists
        # (lingua's models are not loaded here: only text that is not plainly English prose needs them)
        if freeze:
            gc.freeze()
    finally:
        if enabled:
            gc.enable()


# --------------------------------------------------------------------------- preparing inputs


def _structure_digest(article: Article) -> str:
    """Digest of an Article's segmentation (spans, roles, sentence spans) and language."""
    doc = [
        article.language,
        [(p.start, p.end, p.role, [(s.start, s.end) for s in p.sentences]) for p in article.paragraphs],
    ]
    return hashlib.sha256(json.dumps(doc).encode()).hexdigest()


#: Metadata that changes the analysis (a byline is recognised by the author's name, a headline by the title,
#: only English is analysed): part of the cache key.
KEYED_FIELDS = ("title", "author", "language")
#: Article fields that do not change the analysis: stamped anew on a document read from the cache.
IDENTITY_FIELDS = ("article_id", "source_path", *(f for f in METADATA_FIELDS if f not in KEYED_FIELDS))


def _prepare(index: int, item: object, max_bytes: int, keyed: bool, config: AnalysisConfig) -> _Job | Outcome:
    """Read and key one input in the parent process (cheap: no segmentation)."""
    from analysis.corpus.cache import cache_key

    if isinstance(item, Article):
        source = item.source_path or item.article_id
        key = None
        if keyed:
            key = cache_key(
                item.sha256,
                structure=_structure_digest(item),
                title=item.title,
                author=item.author,
                config=config.fingerprint(),
            )
        identity = {k: getattr(item, k) for k in IDENTITY_FIELDS}
        identity["extra"] = item.extra
        return _Job(index, source, config, key=key, article_id=item.article_id, article=item, identity=identity)
    row = item if isinstance(item, TableRow) else None
    if row is None and not isinstance(item, (str, os.PathLike)):
        return Outcome(index, repr(item)[:80], error=f"{item!r:.80}: not a path, an Article or a table row")
    source = row.source if row is not None else os.fspath(item)  # type: ignore[call-overload]
    caught: list[warnings.WarningMessage] = []
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            if row is not None:  # a table row: its text as a file's, its fields as a sidecar's
                text = row.text
                side = dict(row.metadata)
                if len(text.encode("utf-8")) > max_bytes:
                    raise InputError(f"{source}: larger than the {max_bytes:,} byte limit for one article")
            else:
                text = read_text(source, max_bytes=max_bytes)
                side = sidecar_metadata(source)
            meta, body = split_front_matter(text, name=source)
            if not is_markdown_name(source):  # (Markdown's paragraphs are counted once it is rendered)
                check_length(body, source, sentence_limit(max_bytes))  # refused before any dictionary is loaded
            meta = {**meta, **side}
    except InputError as exc:
        return Outcome(index, source, error=str(exc), warnings=_messages(caught))
    for message in _messages(caught):
        _emit(message)
    key = None
    if keyed:
        body = body.replace("\r\n", "\n").replace("\r", "\n")
        sha = hashlib.sha256(body.encode("utf-8")).hexdigest()
        markdown = Path(source).suffix.lower() in (".md", ".markdown")  # parsed as Markdown, not plain text
        key = cache_key(
            sha,
            config=config.fingerprint(),
            markdown=str(markdown),
            **{k: _opt(meta.get(k)) for k in KEYED_FIELDS},
        )
    explicit = _opt(meta.get("article_id") or meta.get("id"))
    article_id = explicit or slugify(Path(source).stem)
    identity = {k: _opt(meta.get(k)) for k in IDENTITY_FIELDS}
    identity.update(article_id=article_id, source_path=source)
    carried = dict(row.carried) if row is not None else {}
    identity["extra"] = {**_extras(meta), **carried}  # front matter and sidecar, read once above
    return _Job(
        index,
        source,
        config,
        key=key,
        article_id=article_id,
        text=text,
        identity=identity,
        sidecar=side,
        carried=carried,
        max_sentences=sentence_limit(max_bytes),
    )


def _opt(v: object) -> str | None:
    s = "" if v is None else str(v).strip()
    return s or None


def _from_cache(job: _Job, value: dict[str, Any]) -> Outcome | None:
    """The cached document of ``job``, its identity stamped anew; ``None`` when the entry is unusable."""
    from analysis.document import AnalysedDocument

    try:
        doc = AnalysedDocument.from_dict(value["document"], job.config)
    except (KeyError, TypeError, ValueError, IndexError):
        return None
    identity = dict(job.identity)
    identity["extra"] = {**doc.article.extra, **identity.get("extra", {})}  # what the analysis kept, plus metadata
    doc = doc.with_identity(**identity)
    return Outcome(job.index, job.source, doc, warnings=doc.notices(), cached=True)


def _extras(meta: dict[str, Any]) -> dict[str, Any]:
    """Metadata keys without an Article field (``event`` and the like), stamped on a cached document."""
    skip = {*METADATA_FIELDS, "article_id", "id", "source_path", "sha256"}
    return {k: v for k, v in meta.items() if k not in skip}


# --------------------------------------------------------------------------- the engine


def check_level(level: str) -> None:
    """``ValueError`` unless ``level`` is one of :data:`LEVELS`."""
    if level not in LEVELS:
        raise ValueError(f"level must be one of {', '.join(map(repr, LEVELS))}, not {level!r}")


def _open_cache(cache: object) -> tuple[ResultCache | None, bool]:
    """``(cache, owned)`` for the ``cache`` argument (see :func:`analyze_corpus`)."""
    from analysis.corpus.cache import ResultCache, cache_location

    if cache is None or cache is False:
        return None, False
    if isinstance(cache, ResultCache):
        return cache, False
    if cache is True or isinstance(cache, (str, os.PathLike)):
        return ResultCache(cache_location(cache)), True  # folders created if need be
    raise TypeError(f"cache must be a ResultCache, a path, True or None, not {type(cache).__name__}")


def _options(options: RunOptions | None, settings: dict[str, Any]) -> RunOptions:
    """``options`` (default: :class:`~analysis.RunOptions`' defaults) with the keyword ``settings`` over it."""
    from analysis.options import RunOptions

    return (options or RunOptions()).with_settings(**settings)


def iter_outcomes(
    items: Iterable[object],
    options: RunOptions | None = None,
    *,
    rows_only: bool = False,
    **settings: Any,
) -> Generator[Outcome, None, None]:
    """Yield one :class:`Outcome` per input, in input order (the engine behind :func:`analyze_corpus`).

    ``options``: the run's :class:`~analysis.RunOptions` (its ``workers``, ``cache``, ``max_bytes``,
    ``freeze_gc`` and ``config`` are used here); ``**settings``: those fields given as keywords,
    over ``options`` (``iter_outcomes(paths, workers=4, cache=True)``; one given as ``None`` is left
    as it is).

    ``rows_only``: the caller needs article rows only: a cache hit with a stored article row
    yields it without rebuilding the document (its ``document`` is then a stand-in with the
    article's identity and metadata only).

    Consumes ``items`` lazily; at most ``IN_FLIGHT_PER_WORKER * workers`` articles
    are held at once. ``workers < 1`` means one per CPU; never more than the CPUs or the
    inputs (:func:`_worker_count`). ``freeze_gc``: see
    :func:`warm` (always done before forking workers).
    """
    options = _options(options, settings)
    config, max_bytes, freeze_gc = options.config, options.max_bytes, options.freeze_gc
    config.hedge_lexicon  # noqa: B018 - a bad lexicon file is one error before any work
    workers, items = _worker_count(options.workers, items)
    store, owned = _open_cache(options.cache)
    pool = None
    warmed = False
    # Workers fork from a frozen heap (shared pages stay shared); a library caller gets
    # its heap back afterwards (gc.unfreeze), or its own cycles would never be freed.
    thaw = workers > 1 and not freeze_gc
    completed = False
    window: deque[Outcome | Any] = deque()
    limit = IN_FLIGHT_PER_WORKER * workers

    def finish(entry: Outcome | Any) -> Outcome:
        from concurrent.futures.process import BrokenProcessPool

        if isinstance(entry, Outcome):
            return entry
        job, fut = entry
        try:
            outcome: Outcome = fut.result()
        except BrokenProcessPool:  # a worker died: this job, or another in flight, killed it
            died = f"{job.source}: the worker process died analysing it"
            outcome = run_isolated(_run_job, job, lambda: Outcome(job.index, job.source, error=died))
        return _stored(job, outcome)

    def _stored(job: _Job, outcome: Outcome) -> Outcome:
        if store is not None and job.key is not None and outcome.ok and outcome.document is not None:
            store.put(job.key, {"document": outcome.document.to_dict(), "article_row": _cached_row(outcome)})
        for message in outcome.warnings:
            _emit(message)
        return outcome

    try:
        for index, item in enumerate(items):
            prepared = _prepare(index, item, max_bytes, keyed=store is not None, config=config)
            if isinstance(prepared, Outcome):
                window.append(prepared)
            else:
                hit = store.get(prepared.key) if store is not None and prepared.key else None
                outcome = None
                cached_row = hit.get("article_row") if hit is not None else None
                if rows_only and isinstance(cached_row, dict):
                    outcome = _row_from_cache(prepared, cached_row)
                if hit is not None and outcome is None:
                    outcome = _from_cache(prepared, hit)
                if outcome is not None:
                    for message in outcome.warnings:
                        _emit(message)
                    window.append(outcome)
                else:
                    if not warmed:
                        warm(freeze=freeze_gc or workers > 1, config=config)
                        warmed = True
                    if workers == 1:
                        window.append(_stored(prepared, _run_job(prepared)))
                    else:
                        if pool is None or getattr(pool, "_broken", False):
                            if pool is not None:
                                pool.shutdown(wait=False, cancel_futures=True)
                            pool = make_pool(workers)
                        window.append((prepared, submit(pool, _run_job, prepared)))
            while window and (isinstance(window[0], Outcome) or len(window) > limit):
                yield finish(window.popleft())
        while window:
            yield finish(window.popleft())
        completed = True
    finally:
        try:
            if pool is not None:
                close_pool(pool, abort=not completed)  # may raise a Ctrl-C it held back
        finally:
            if owned and store is not None:
                store.close()
            if thaw and warmed:
                import gc

                gc.unfreeze()


def _worker_count(requested: int, items: Iterable[object]) -> tuple[int, Iterable[object]]:
    """``(workers, items)``: ``requested`` capped at the usable CPUs and at the number of inputs.

    ``requested < 1`` means one per CPU. Every worker is a process holding its own
    copy of the dictionaries (about 170 MiB), all forked at once: more workers than
    CPUs add memory, not speed (``--workers 100000`` set off the out-of-memory killer),
    so a larger request is cut to the CPU count with a warning. The inputs are counted
    by reading at most ``workers`` of them ahead (``items`` is returned with them put
    back), so one article is analysed in this process, not by a pool.
    """
    cpus = usable_cpus()
    workers = cpus if requested < 1 else requested
    if workers > cpus:
        warnings.warn(
            f"{requested} workers requested on {cpus} CPU{'s' if cpus > 1 else ''}: using {cpus} "
            "(a worker beyond one per CPU adds about 170 MiB of memory, not speed)",
            stacklevel=3,
        )
        workers = cpus
    if workers > 1:
        if isinstance(items, Sequence):
            workers = min(workers, max(1, len(items)))
        else:
            iterator = iter(items)
            head = list(itertools.islice(iterator, workers))
            workers = min(workers, max(1, len(head)))
            items = itertools.chain(head, iterator)
    return workers, items


def _summarise(failures: Sequence[tuple[str, str]], total: int) -> None:
    if not failures:
        return
    shown = "\n".join(f"  {message}" for _source, message in failures[:20])
    more = f"\n  ... and {len(failures) - 20} more" if len(failures) > 20 else ""
    warnings.warn(
        f"{len(failures)} of {total} articles failed and were skipped:\n{shown}{more}", BatchWarning, stacklevel=3
    )


@dataclass
class CorpusRun:
    """What :func:`stream_corpus` did: rows kept in memory (when not written), failures, counts."""

    rows: list[dict[str, Any]] = field(default_factory=list)
    articles: list[dict[str, Any]] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)
    n_articles: int = 0
    n_cached: int = 0
    n_inputs: int = 0
    documents: list[AnalysedDocument] = field(default_factory=list)
    renamed: list[tuple[str, str, str]] = field(default_factory=list)


class _UniqueIds:
    """Gives every article of a run its own ``article_id``, deterministically, in input order.

    The first input keeps its id; a later one with the same id gets its folder's name
    in front (``news/article`` -> ``news-article``), then a number (``-2``, ``-3``...)
    if that is taken too. Each rename is warned about once (:class:`BatchWarning`).
    """

    def __init__(self) -> None:
        self.seen: set[str] = set()

    def unique(self, outcome: Outcome) -> Outcome:
        doc = outcome.document
        if doc is None:
            return outcome
        aid = doc.article.article_id
        if aid not in self.seen:
            self.seen.add(aid)
            return outcome
        folder = slugify(Path(doc.article.source_path).parent.name) if doc.article.source_path else ""
        new = f"{folder}-{aid}" if folder and folder != "article" else aid
        n = 2
        while new in self.seen:
            new, n = f"{folder + '-' if folder else ''}{aid}-{n}", n + 1
        self.seen.add(new)
        warnings.warn(
            f"{outcome.source}: article_id {aid!r} is taken by an earlier input; this one is {new!r}",
            BatchWarning,
            stacklevel=4,
        )
        return replace(outcome, document=doc.with_identity(article_id=new))  # a fresh copy: rows made anew


def stream_corpus(
    items: Iterable[object],
    writer: TableWriter | None = None,
    options: RunOptions | None = None,
    *,
    keep_articles: bool = False,
    keep_documents: bool = False,
    carry: Sequence[str] = (),
    **settings: Any,
) -> CorpusRun:
    """Analyse ``items`` (as :func:`iter_outcomes`), sending rows to ``writer`` or keeping them.

    ``options``: the run's :class:`~analysis.RunOptions`: its ``level`` (one of :data:`LEVELS`),
    ``body_only`` (rows of body paragraphs only), ``progress`` and what :func:`iter_outcomes` uses;
    ``**settings``: those fields as keywords, over ``options`` (``level="cue", workers=4``).
    ``keep_articles``: also keep every article row in ``run.articles`` (for a paragraph
    table and its article summaries); ``keep_documents``: the analysed documents in
    ``run.documents``; ``carry``: metadata columns added to every row (:func:`rows_of`). The caller
    closes ``writer``; it is aborted here if the run raises (Ctrl-C included).
    Failures are collected, not warned about.
    """
    options = _options(options, settings)
    level, body_only = options.level, options.body_only
    check_level(level)
    run = CorpusRun()
    total = len(items) if isinstance(items, Sequence) else None
    update = progress_bar(total, options.progress)
    outcomes = iter_outcomes(items, options, rows_only=level == "article" and not keep_documents)
    try:
        names = _UniqueIds()
        for outcome in outcomes:
            run.n_inputs += 1
            if update is not None:
                update(1)
            if not outcome.ok:
                run.failures.append((outcome.source, outcome.error or "failed"))
                continue
            outcome = names.unique(outcome)
            run.n_articles += 1
            run.n_cached += outcome.cached
            if keep_documents and outcome.document is not None:
                run.documents.append(outcome.document)
            if keep_articles:
                run.articles.append(outcome.article or {})
            if writer is not None:
                writer.add(iter_rows_of(outcome, level, body_only, carry))  # written a row group at a time
            else:
                run.rows.extend(rows_of(outcome, level, body_only, carry))
    except BaseException:
        if writer is not None:
            writer.abort()
        raise
    finally:
        outcomes.close()  # workers stopped now, not whenever the suspended generator is collected
        if update is not None:
            update(-1)
    return run


def analyze_corpus(
    articles_or_paths: Iterable[object],
    *,
    workers: int | None = None,
    cache: object = None,
    output: str | os.PathLike[str] | None = None,
    level: str = "paragraph",
    max_bytes: int | None = None,
    progress: bool | str | None = None,
    overwrite: bool = False,
    config: AnalysisConfig | None = None,
    excel_safe: bool = False,
    carry: Sequence[str] = (),
    options: RunOptions | None = None,
) -> pd.DataFrame:
    """Analyse many articles; return the paragraph table (or article table) in input order.

    ``articles_or_paths``: file paths and/or :class:`Article` objects (any iterable,
    consumed lazily), or one path: a file, or a folder standing for its article files
    (:func:`analysis.sources.store.article_files`). ``workers``: processes (default 1 = in this process;
    0 = one per CPU). ``max_bytes``: the largest input, in bytes (default 5 MiB).
    ``cache``: ``None``/``False`` (no cache), ``True`` (default location), a
    directory or ``.sqlite`` path, or a :class:`~analysis.corpus.cache.ResultCache`.
    ``level``: ``"paragraph"`` (one row per paragraph, every role), ``"article"``
    (one body-level row per article), ``"sentence"``, ``"cue"`` (one row per cue:
    where it is, category, subtype, voice, speaker) or ``"source"`` (one row per quoted or
    reported source). ``progress``: ``None`` = automatic (see module docstring), ``True``/``False``
    to force. ``config``: an
    :class:`~analysis.AnalysisConfig` for every article (default settings when ``None``).
    ``carry``: metadata columns (a table's own columns, :func:`analysis.sources.table.read_table`)
    added after the table's columns, from each article's ``extra``.

    With ``output`` (``.csv``, ``.json``, ``.jsonl``, ``.parquet`` or ``.xlsx``; see
    :mod:`analysis.corpus.writers`), rows are appended to that file as articles finish
    (memory stays bounded whatever the corpus size; the file appears under its
    name only when the run completes) and an *empty* frame with the table's
    columns is returned. Either way ``df.attrs`` holds ``failures`` (list of
    ``(source, message)``), ``n_articles`` (succeeded) and ``n_cached``.
    Failures are also summarised in one :class:`BatchWarning`. An existing
    ``output`` file is an :class:`InputError` unless ``overwrite``. ``excel_safe`` (a
    ``.csv`` output): text cells a spreadsheet would run as formulas start with ``'``
    (:func:`analysis.corpus.writers.spreadsheet_safe`). ``options``: a :class:`~analysis.RunOptions`
    for ``workers``, ``cache``, ``max_bytes``, ``progress`` and ``config`` instead of the keywords
    (a keyword given, not ``None``, wins; ``output``, ``level`` and ``excel_safe`` are always the keywords').
    """
    import pandas as pd

    from analysis.options import RunOptions

    check_level(level)
    columns = (*columns_of(level), *(c for c in carry if c not in columns_of(level)))
    options = replace(
        (options or RunOptions()).with_settings(
            workers=workers, cache=cache, max_bytes=max_bytes, progress=progress, config=config
        ),
        level=level,
        body_only=False,
        excel_safe=excel_safe,
    )
    if isinstance(articles_or_paths, (str, os.PathLike)):
        from analysis.sources.store import expand_inputs

        articles_or_paths = expand_inputs([articles_or_paths])
    writer = TableWriter(output, columns, overwrite=overwrite, excel_safe=excel_safe) if output is not None else None
    run = stream_corpus(articles_or_paths, writer, options, carry=carry)
    if writer is not None:
        writer.close()
    df = pd.DataFrame(run.rows, columns=list(columns))
    df.attrs.update(failures=run.failures, n_articles=run.n_articles, n_cached=run.n_cached)
    _summarise(run.failures, run.n_inputs)
    return df


def analyze_paths(
    paths: Iterable[str | os.PathLike[str]],
    max_bytes: int | None = None,
    *,
    options: RunOptions | None = None,
    keep_documents: bool = False,
    **settings: Any,
) -> BatchResult:
    """Paragraph and article tables for ``paths`` (all in memory, as the CLI needs both).

    ``options`` and ``**settings`` (``workers``, ``cache``, ``progress``, ``config``, ...) as in
    :func:`stream_corpus`; the paragraph table has every role whatever ``options.body_only`` says.
    An :class:`InputError` (or any other failure) for one file is recorded in
    ``failures``, not raised.
    """
    import pandas as pd

    from analysis.tables import COLUMNS

    options = _options(options, {**settings, "max_bytes": max_bytes}).with_settings(level="paragraph", body_only=False)
    run = stream_corpus(paths, options=options, keep_articles=True, keep_documents=keep_documents)
    cols = list(COLUMNS)
    return BatchResult(
        pd.DataFrame(run.rows, columns=cols), pd.DataFrame(run.articles, columns=cols), run.failures, run.documents
    )
