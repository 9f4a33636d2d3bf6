"""The same analysis over a Dask bag or dataframe of texts (optional extra ``media-analysis[dask]``).

Any Dask scheduler runs it unchanged: threads, processes, or a ``dask.distributed``
cluster spanning machines (each worker needs ``pip install media-analysis``)::

    from pathlib import Path

    import dask
    import dask.bag as db
    from dask.distributed import Client
    from analysis.corpus.distributed import analyze_bag, analyze_bag_with_failures

    client = Client("tcp://scheduler:8786")          # or Client() for a local cluster
    texts = db.from_sequence(sorted(Path("corpus").glob("*.txt")), npartitions=64)  # or texts, or dicts
    paragraphs = analyze_bag(texts)                   # lazy dask.dataframe, one row per paragraph
    paragraphs.to_parquet("paragraphs/")              # or .compute() for a pandas DataFrame

    # the same, and a frame of the articles that failed (each article analysed once)
    paragraphs, failures = analyze_bag_with_failures(texts)
    _, failed = dask.compute(paragraphs.to_parquet("paragraphs/", compute=False), failures)

Bag items are article texts (``str``, front matter allowed), dicts with a
``text`` key plus optional metadata (``article_id``, ``title``, ``author``,
``outlet``, ``date``, ``url``, ``kind``, ``language``), or :class:`pathlib.Path`
objects of article files (read on the workers, which must see the same files,
exactly as ``analyze_corpus`` reads them; unreadable files become failures).
Rows are exactly those of :func:`analysis.paragraph_metrics` /
:func:`analysis.article_metrics`, in bag order. An article that fails (empty,
non-English, ...) contributes no rows: :func:`analyze_bag` drops it silently (the graph runs on workers; nothing is
warned), so use :func:`analyze_bag_with_failures` to get the failure messages
too, or :func:`analyze_bag_outcomes` for every article's outcome.
The content cache of :mod:`analysis.corpus.cache` is not used here (it is a local file).
Every function takes ``config=`` (an :class:`~analysis.AnalysisConfig`, shipped to the workers).
Ids are not made unique across a bag (partitions run apart): give dict items their own ``article_id``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

from analysis.config import AnalysisConfig
from analysis.corpus.batch import analyze_article, check_level
from analysis.errors import InputError
from analysis.model import EXTRA_METADATA, METADATA_FIELDS
from analysis.sources.loading import article_from_text, load_article, slugify
from analysis.tables import COLUMNS

if TYPE_CHECKING:
    import dask.bag
    import dask.dataframe
    import pandas as pd

#: Metadata keys taken from dict items (others are ignored).
METADATA_KEYS = ("article_id", *METADATA_FIELDS, *EXTRA_METADATA, "source_path")
_SAMPLE = (
    "Officials said the talks could resume next week.\n\n"
    "It is clear that both sides want a deal, according to diplomats."
)


def analyze_item(item: str | PurePath | Mapping[str, Any], config: AnalysisConfig | None = None) -> dict[str, Any]:
    """Analyse one bag item; return ``{"article_id", "error", "paragraphs", "article"}`` (never raises).

    ``item``: an article text (``str``), a dict with ``text`` and metadata, or a
    :class:`pathlib.Path` to an article file, read where this runs (the worker)
    with the rules of :func:`analysis.load_article`: size limit, encodings,
    front matter, and the id from the file name, as ``analyze_corpus`` gives it.
    ``error`` is ``None`` on success, else a one-line message; ``paragraphs`` is a
    list of paragraph rows and ``article`` the article row (``None`` on failure).
    """
    meta: dict[str, Any] = {}
    name = "<text>"
    try:
        if isinstance(item, PurePath):
            name, meta = str(item), {"article_id": slugify(item.stem)}  # the id a failure is reported under
            article = load_article(str(item))
        elif isinstance(item, str):
            article = article_from_text(item, name=name)
        elif isinstance(item, Mapping) and isinstance(item.get("text"), str):
            meta = {k: item[k] for k in METADATA_KEYS if item.get(k) is not None}
            name = str(meta.get("source_path") or meta.get("article_id") or name)
            article = article_from_text(item["text"], name=name, **meta)
        else:
            return _failure(None, f"not a text, a path or a dict with 'text': {item!r:.60}")
        paragraphs, art = analyze_article(article, config)
    except InputError as exc:
        return _failure(meta.get("article_id"), str(exc))
    except Exception as exc:  # noqa: BLE001 - one broken article must not fail the whole graph
        return _failure(meta.get("article_id"), f"{name}: internal error: {type(exc).__name__}: {exc}")
    return {"article_id": article.article_id, "error": None, "paragraphs": paragraphs, "article": art}


def _failure(article_id: object, message: str) -> dict[str, Any]:
    return {"article_id": article_id, "error": message, "paragraphs": [], "article": None}


def _rows(
    items: Iterable[str | Mapping[str, Any]], level: str, config: AnalysisConfig | None = None
) -> list[dict[str, Any]]:
    return _outcome_rows((analyze_item(i, config) for i in items), level)


def _outcome_rows(outcomes: Iterable[dict[str, Any]], level: str) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for result in outcomes:
        if result["error"] is None:
            out.extend(result["paragraphs"] if level == "paragraph" else [result["article"]])
    return out


@cache
def meta_frame() -> pd.DataFrame:
    """An empty frame with the real column dtypes (Dask's ``meta``), from a two-paragraph sample."""
    import pandas as pd

    rows = _rows([_SAMPLE], "paragraph")
    return pd.DataFrame(rows, columns=list(COLUMNS)).iloc[:0]


def analyze_bag_outcomes(bag: dask.bag.Bag, config: AnalysisConfig | None = None) -> dask.bag.Bag:
    """A bag of :func:`analyze_item` results, one per input item, failures included."""
    return bag.map(analyze_item, config=config)


def analyze_bag(
    bag: dask.bag.Bag, *, level: str = "paragraph", config: AnalysisConfig | None = None
) -> dask.dataframe.DataFrame:
    """Lazy Dask DataFrame of paragraph rows (``level="paragraph"``) or article rows (``"article"``).

    Failed articles contribute no rows and no message (see :func:`analyze_bag_with_failures`).
    """
    check_level(level)
    rows = bag.map_partitions(_rows, level, config)
    return rows.to_dataframe(meta=meta_frame())


def analyze_bag_with_failures(
    bag: dask.bag.Bag, *, level: str = "paragraph", config: AnalysisConfig | None = None
) -> tuple[dask.dataframe.DataFrame, dask.dataframe.DataFrame]:
    """``(rows, failures)``: the :func:`analyze_bag` frame, and a frame of the articles that failed.

    ``failures`` has columns ``article_id`` (``None`` when the item gave none) and
    ``error`` (the one-line message). Both frames come from one bag of outcomes:
    computed together (``dask.compute(rows_or_a_write_of_them, failures)``) each
    article is analysed once.
    """
    import pandas as pd

    check_level(level)
    outcomes = analyze_bag_outcomes(bag, config)
    # optimize_graph=False keeps the outcome tasks under their own keys in both frames,
    # so a graph holding both runs them once (an optimised graph fuses them away).
    rows = outcomes.map_partitions(_outcome_rows, level).to_dataframe(meta=meta_frame(), optimize_graph=False)
    meta = pd.DataFrame({"article_id": pd.Series(dtype=object), "error": pd.Series(dtype=object)})
    failures = outcomes.map_partitions(_failure_rows).to_dataframe(meta=meta, optimize_graph=False)
    return rows, failures


def _failure_rows(outcomes: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{"article_id": o["article_id"], "error": o["error"]} for o in outcomes if o["error"] is not None]


def analyze_dataframe(
    ddf: dask.dataframe.DataFrame, *, text: str = "text", level: str = "paragraph", config: AnalysisConfig | None = None
) -> dask.dataframe.DataFrame:
    """:func:`analyze_bag` for a Dask DataFrame with a ``text`` column (metadata columns optional)."""
    keep = [c for c in (text, *METADATA_KEYS) if c in ddf.columns]
    bag = ddf[keep].to_bag(format="dict")
    if text != "text":
        bag = bag.map(lambda d: {**d, "text": d[text]})
    return analyze_bag(bag, level=level, config=config)
