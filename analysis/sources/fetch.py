"""Fetch every article listed in a manifest CSV into the article store (``media-analysis fetch``).

Each row is downloaded (:func:`analysis.sources.download.fetch_html`, the only module that
touches the network), extracted (:mod:`analysis.sources.ingest`) and added to the store.
A manifest row either adds a complete article file (atomic write) or writes nothing.
The download names are re-exported here (``analysis.sources.fetch.fetch_html``).
"""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from analysis.errors import InputError
from analysis.sources.download import (  # noqa: F401  (the public names of downloading, re-exported)
    DEFAULT_BACKOFF,
    DEFAULT_RETRIES,
    DEFAULT_TIMEOUT,
    HTML_CONTENT_TYPES,
    MAX_PAGE_BYTES,
    MAX_REDIRECTS,
    TRANSIENT_HTTP,
    Deadline,
    FetchError,
    Page,
    check_url,
    fetch_html,
    user_agent,
)
from analysis.sources.ingest import extract_url, merge_meta
from analysis.sources.loading import read_text
from analysis.sources.store import DEFAULT_STORE, Store

#: Manifest columns (as in ``data/comparables.csv``); only ``url`` is required.
MANIFEST_COLUMNS = ("url", "outlet", "date", "title", "language", "kind", "event")

# --------------------------------------------------------------------------- manifests


@dataclass(frozen=True)
class RowResult:
    """What happened to one manifest row: ``status`` is ``added``, ``skipped`` or ``failed``."""

    row: int
    url: str
    status: str
    detail: str
    path: Path | None = None


def read_manifest(path: str | Path) -> list[dict[str, str]]:
    """Rows of a manifest CSV as dicts with lower-case keys; ``url`` column required."""
    p = Path(path)
    text = read_text(p)
    try:
        reader = csv.DictReader(io.StringIO(text))
        fields = [f.strip().lower() for f in (reader.fieldnames or [])]
        if "url" not in fields:
            raise InputError(f"{p}: a manifest needs a 'url' column (expected columns: {','.join(MANIFEST_COLUMNS)})")
        rows = [{k.strip().lower(): (v or "").strip() for k, v in row.items() if isinstance(k, str)} for row in reader]
    except csv.Error as exc:
        raise InputError(f"{p}: not a valid CSV manifest ({exc})") from None
    if not rows:
        raise InputError(f"{p}: the manifest has a header but no rows")
    return rows


def fetch_manifest(
    manifest: str | Path,
    store: str | Path | Store = DEFAULT_STORE,
    *,
    force: bool = False,
    progress: bool | None = None,
    **fetch_options: object,
) -> list[RowResult]:
    """Fetch and store every row of ``manifest``; never raises for one bad row.

    Rows whose URL is already in the store are skipped without a request (unless
    ``force``, which fetches again and replaces that file, or only rewrites its
    metadata when the text is unchanged); the same text under another URL is
    skipped as a duplicate unless it is from another outlet (a syndicated copy,
    stored beside it); a different article whose title gives an existing file name
    is stored as ``<slug>--<outlet slug>.md`` when from another outlet, else as
    ``<slug>-<8 hex digits>.md``. Manifest
    ``outlet``, ``kind``, ``date`` and ``event`` are stored; its ``title`` is only
    a fallback label (the page's own title wins). ``progress`` defaults to "stderr
    is a terminal". Raises :class:`InputError` only for an unusable manifest.
    """
    from tqdm import tqdm

    rows = read_manifest(manifest)
    st = store if isinstance(store, Store) else Store(store)
    if progress is None:
        progress = sys.stderr.isatty()
    results: list[RowResult] = []
    first_row: dict[str, int] = {}
    bar = tqdm(total=len(rows), disable=not progress, unit="page", desc="fetch", file=sys.stderr, leave=True)
    try:
        for n, row in enumerate(rows, start=1):
            url = row.get("url", "")
            stored = st.find_url(url) if url and not force else None
            if not url:
                result = RowResult(n, url, "failed", "no url in this row")
            elif url in first_row:
                result = RowResult(n, url, "skipped", f"listed twice (first on row {first_row[url]})")
            elif stored is not None:
                result = RowResult(n, url, "skipped", f"already in the store as {stored}", stored)
            else:
                result = _fetch_row(n, url, row, st, force, fetch_options)
            first_row.setdefault(url, n)
            results.append(result)
            bar.update(1)
            bar.set_postfix_str(f"{result.status} {urlsplit(url).hostname or ''}", refresh=False)
    finally:
        bar.close()
    return results


def _fetch_row(
    n: int, url: str, row: Mapping[str, str], st: Store, force: bool, fetch_options: Mapping[str, object]
) -> RowResult:
    """Fetch, extract and store one manifest row; every failure becomes a ``failed`` result."""

    try:
        ex = extract_url(url, **fetch_options)
        overrides = {k: row.get(k) for k in ("outlet", "kind", "date", "event")}
        meta = merge_meta(ex.meta, overrides)
        if not meta.get("title") and row.get("title"):
            meta["title"] = row["title"]
        meta["url"] = url
        # --force replaces the file this URL was stored in; a new article whose title slug is taken
        # by another one gets a digest suffix rather than failing or replacing it.
        previous = st.find_url(url) if force else None
        res = st.add(ex.paragraphs, meta, force=previous is not None, rename=True, path=previous)
    except FetchError as exc:
        return RowResult(n, url, "failed", exc.reason)
    except InputError as exc:
        return RowResult(n, url, "failed", str(exc).removeprefix(f"{url}: "))
    if res.status == "duplicate":
        return RowResult(n, url, "skipped", f"same text already stored as {res.path}", res.path)
    if res.status == "updated":
        return RowResult(n, url, "added", f"updated metadata of {res.path} ({', '.join(res.changed)})", res.path)
    note = "" if res.is_english else f" (language {res.language}: stored, not analysed as English)"
    verb = "replaced " if res.status == "replaced" else ""
    return RowResult(n, url, "added", f"{verb}{res.path}{note}", res.path)


def format_results(results: list[RowResult], url_width: int = 60) -> str:
    """The final table of a manifest run, one row per manifest row, and a count line."""
    lines = [f"{'status':<8} {'row':>3}  {'url':<{url_width}}  detail"]
    for r in results:
        url = r.url if len(r.url) <= url_width else r.url[: url_width - 1] + "…"
        lines.append(f"{r.status:<8} {r.row:>3}  {url:<{url_width}}  {r.detail}")
    counts = {s: sum(r.status == s for r in results) for s in ("added", "skipped", "failed")}
    lines.append(", ".join(f"{v} {k}" for k, v in counts.items()) + f" (of {len(results)} rows)")
    failed = [r for r in results if r.status == "failed"]
    if failed and all(r.detail.startswith(("cannot resolve host", "network unreachable")) for r in failed):
        lines.append(
            "note: no host could be reached; this machine looks offline. Save the pages in a browser "
            "and add them with `media-analysis add page.html --outlet ... --kind ...`."
        )
    return "\n".join(lines) + "\n"
