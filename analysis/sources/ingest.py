"""Turn saved web pages, text files or URLs into stored articles.

* ``.html`` / ``.htm`` / ``.xhtml``: trafilatura extracts the main text and the
  metadata (title, author, date, site name); navigation, comments, footers and
  share furniture are dropped, and each extracted block becomes one paragraph.
* ``.txt`` / ``.md`` (anything else that is text): read like
  :func:`analysis.load_article` reads it (optional YAML front matter; blocks between
  blank lines, or one paragraph per line when there is no blank line).
* ``http://`` / ``https://`` URLs: downloaded by :mod:`analysis.sources.fetch`, then as HTML.
* A folder: its article files (:func:`source_files`), each added on its own.

Metadata, later sources winning: what the file says (page metadata, front matter,
a text's headline line as title), then a sidecar ``<name>.meta.yaml`` beside the
file (as the bundled seed has; a byte-identical copy of the seed is recognised
wherever it lies), then explicit options (``outlet``, ``kind``, ``title``, ``date``,
``author``, ``event``). trafilatura is imported only here, and only for HTML (~0.1 s).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from analysis.annotate.segmentation import assign_roles, split_blocks
from analysis.errors import InputError
from analysis.sources.loading import (
    HTML_SNIFF_CHARS,
    MAX_BYTES,
    SIDECAR_KEYS,  # noqa: F401  (re-exported: its home is loading)
    read_bytes_at_most,
    read_text,
    sidecar_meta,
    split_front_matter,
    starts_like_html,
    text_sha256,
)
from analysis.sources.store import (
    DEFAULT_STORE,
    STORE_SUFFIXES,
    AddResult,
    Store,
    article_files,
    utc_now,
)
from analysis.sources.table import TableColumns

#: Largest saved page ``add`` reads, in bytes (twice an article's limit: pages carry markup).
MAX_PAGE_BYTES = MAX_BYTES * 2
#: Fewer words than this extracted from a page means there was no article (e.g. only a menu).
MIN_HTML_WORDS = 20
HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
#: Files a folder given to ``add`` stands for (sorted; hidden files, README/LICENSE/... left out).
SOURCE_SUFFIXES = (*HTML_SUFFIXES, *STORE_SUFFIXES)
#: What starts a page that ``add`` extracts with trafilatura (after leading comments; see ``starts_like_html``).
_PAGE_START = re.compile(r"<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE)


@dataclass
class Extracted:
    """Paragraphs plus metadata ready for :meth:`analysis.sources.store.Store.add`."""

    paragraphs: list[str]
    meta: dict[str, object] = field(default_factory=dict)


def is_url(source: str) -> bool:
    """True for strings that look like a URL (``scheme://...``), whatever the scheme."""
    return bool(re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", source))


def trafilatura_version() -> str:
    import trafilatura

    return str(trafilatura.__version__)


def extract_html(html: str | bytes, *, url: str | None = None, name: str = "<html>") -> Extracted:
    """Main text and metadata of an HTML page (trafilatura, comments and tables excluded).

    Raises :class:`InputError` when no main text can be found (e.g. an empty page,
    a page that is only navigation, or a script-rendered page).
    """
    import trafilatura
    from trafilatura.settings import Document

    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            include_links=False,
            favor_precision=True,
        )
    except Exception as exc:  # noqa: BLE001 - trafilatura/lxml raise many types on broken markup
        raise InputError(f"{name}: cannot parse the HTML ({type(exc).__name__}: {exc})") from None
    text = doc.text if isinstance(doc, Document) else None  # None: nothing found (a dict only when asked for)
    if doc is None or isinstance(doc, dict) or not text or not text.strip():
        raise InputError(f"{name}: no article text found in the page (only navigation, or rendered by scripts?)")
    paragraphs = [line for line in text.split("\n") if line.strip()]
    n_words = len(re.findall(r"\w+", text))
    if n_words < MIN_HTML_WORDS:
        words = "1 word" if n_words == 1 else f"{n_words} words"
        raise InputError(f"{name}: only {words} of main text found; not an article page")
    meta: dict[str, object] = {
        "title": doc.title,
        "author": doc.author,
        "outlet": doc.sitename,
        "date": doc.date,
        "url": url or doc.url,
        "extractor": "trafilatura",
        "extractor_version": trafilatura_version(),
    }
    return Extracted(paragraphs, {k: v for k, v in meta.items() if v})


def extract_text(text: str, *, name: str = "<text>", defaults: Mapping[str, object] | None = None) -> Extracted:
    """Paragraphs and front-matter metadata of a plain-text or Markdown article.

    ``defaults`` (a sidecar's metadata) override the front matter. Without a
    ``title`` from either, a first paragraph that reads as a headline (see
    :func:`analysis.annotate.segmentation.assign_roles`) is the title. ``source_sha256`` is
    the digest of the body as :func:`analysis.load_article` sees this text (kept
    from the front matter when it has one: a file copied from a store).
    """
    from analysis import __version__

    fm, body = split_front_matter(text.removeprefix("\ufeff"), name=name)
    body = body.replace("\r\n", "\n").replace("\r", "\n")
    paragraphs = [body[s:e] for s, e in split_blocks(body)]
    if not paragraphs:
        raise InputError(f"{name}: no article text (empty or whitespace only)")
    meta: dict[str, object] = {k: v for k, v in fm.items() if k not in ("sha256", "language")}
    meta.update({k: v for k, v in (defaults or {}).items() if v not in (None, "")})
    if not meta.get("title") and assign_roles(paragraphs)[0] == "headline":
        meta["title"] = paragraphs[0].strip()  # as load_article reads it: the file is named after it
    meta.setdefault("source_sha256", text_sha256(body))
    meta.setdefault("extractor", "media-analysis")
    meta.setdefault("extractor_version", __version__)
    return Extracted(paragraphs, meta)


def looks_like_html(data: str | bytes) -> bool:
    """True when the text (or UTF-8 bytes) starts like an HTML document, in linear time (``starts_like_html``)."""
    head = data[:HTML_SNIFF_CHARS]
    text = head.decode("utf-8", errors="replace") if isinstance(head, bytes) else head
    return starts_like_html(text, _PAGE_START)


def extract_file(path: str | Path) -> Extracted:
    """Extract a saved ``.html`` page or a ``.txt``/``.md`` article file (plus its sidecar metadata)."""
    p = Path(path)
    if p.suffix.lower() in HTML_SUFFIXES:
        if not p.is_file():
            read_text(p)  # raises the standard one-line error for missing paths and directories
        data = read_bytes_at_most(p, MAX_PAGE_BYTES, "for a saved page")  # checked before it is read
        if not data.strip():
            raise InputError(f"{p}: file is empty")
        return _with_sidecar(extract_html(data, name=str(p)), sidecar_meta(p))
    text = read_text(p, allow_html=True)
    if looks_like_html(text):
        return _with_sidecar(extract_html(text, name=str(p)), sidecar_meta(p))
    return extract_text(text, name=str(p), defaults=sidecar_meta(p, text))


def _with_sidecar(ex: Extracted, sidecar: Mapping[str, object]) -> Extracted:
    ex.meta.update({k: v for k, v in sidecar.items() if v not in (None, "")})
    return ex


def extract_url(url: str, **fetch_options: object) -> Extracted:
    """Download ``url`` (see :func:`analysis.sources.download.fetch_html`) and extract it."""
    from analysis.sources.download import fetch_html

    page = fetch_html(url, **fetch_options)  # type: ignore[arg-type]
    retrieved_at = utc_now()
    ex = extract_html(page.text_or_bytes(), url=url, name=url)
    ex.meta["retrieved_at"] = retrieved_at
    if page.url != url:
        ex.meta["final_url"] = page.url
    return ex


def add(
    source: str | Path,
    store: str | Path | Store = DEFAULT_STORE,
    *,
    force: bool = False,
    **overrides: object,
) -> AddResult:
    """Add one article (URL, saved HTML page, or text file) to ``store``.

    ``overrides`` are metadata (``title``, ``outlet``, ``kind``, ``date``,
    ``author``, ``event``, ...) that replace extracted values; ``None`` means "keep
    what was extracted". See :meth:`analysis.sources.store.Store.add` for
    duplicates, ``force`` and file names. Raises :class:`InputError` on failure.
    """
    src = str(source)
    ex = extract_url(src) if is_url(src) else extract_file(src)
    st = store if isinstance(store, Store) else Store(store)
    return st.add(ex.paragraphs, merge_meta(ex.meta, overrides), force=force)


def merge_meta(extracted: Mapping[str, object], overrides: Mapping[str, object]) -> dict[str, object]:
    """Extracted metadata with non-empty ``overrides`` on top."""
    merged = dict(extracted)
    merged.update({k: v for k, v in overrides.items() if v not in (None, "")})
    return merged


def source_files(folder: str | Path) -> list[Path]:
    """The files a folder given to ``add`` stands for, sorted (recursive).

    Suffixes :data:`SOURCE_SUFFIXES` (``.html``, ``.htm``, ``.txt``, ``.md``,
    ``.markdown``, ...); hidden files and folders and a folder's documentation
    (README, LICENSE, ATTRIBUTION, ...) are left out, as
    :func:`analysis.sources.store.article_files` does, and so are the ``*_files``
    folders a browser saves beside a page (its frames and adverts).
    """
    root = Path(folder)
    return [
        p
        for p in article_files(root, SOURCE_SUFFIXES)
        if not any(part.endswith("_files") for part in p.relative_to(root).parts[:-1])
    ]


@dataclass(frozen=True)
class SourceResult:
    """What became of one source given to :func:`add_sources`: a result, or the one-line error."""

    source: str
    result: AddResult | None = None
    error: str | None = None

    @property
    def status(self) -> str:
        """``"added"``, ``"replaced"``, ``"updated"``, ``"duplicate"`` or ``"failed"``."""
        return self.result.status if self.result is not None else "failed"

    def describe(self) -> str:
        """One line: the result naming the source, or ``failed SOURCE: reason``."""
        if self.result is not None:
            return self.result.describe(self.source)
        return f"failed {self.error}"


def add_sources(
    sources: Iterable[str | Path],
    store: str | Path | Store = DEFAULT_STORE,
    *,
    force: bool = False,
    **overrides: object,
) -> list[SourceResult]:
    """Add every source (URL, file, or folder: :func:`source_files`) to ``store``, in order.

    One :class:`SourceResult` per file (a folder without article files is one
    failed result); a failure never stops the others. ``overrides`` apply to every
    source, so a ``title`` is refused (:class:`InputError`, before anything is
    read) when the sources are more than one file.
    """
    items: list[str | SourceResult] = []
    for raw in sources:
        src = str(raw)
        if not is_url(src) and Path(src).is_dir():
            found = source_files(src)
            if not found:
                suffixes = ", ".join(SOURCE_SUFFIXES)
                items.append(SourceResult(src, error=f"{src}: folder has no article files ({suffixes})"))
            items.extend(str(p) for p in found)
        else:
            items.append(src)
    if overrides.get("title") and len(items) > 1:
        raise InputError("--title names one article: give a single SOURCE file with it")
    st = store if isinstance(store, Store) else Store(store)
    out: list[SourceResult] = []
    for item in items:
        if isinstance(item, SourceResult):
            out.append(item)
            continue
        try:
            out.append(SourceResult(item, add(item, st, force=force, **overrides)))
        except InputError as exc:
            out.append(SourceResult(item, error=_naming(item, str(exc))))
        except OSError as exc:  # the store cannot be written (disk full, permissions, ...)
            where = f"{exc.filename}: " if exc.filename and str(exc.filename) != item else ""
            out.append(SourceResult(item, error=_naming(item, f"{where}{exc.strerror or exc}")))
    return out


#: Manifest columns that may name each file, tried in this order when none is given.
MANIFEST_FILE_COLUMNS = ("file", "filename", "file_name", "path")


def read_manifest(
    path: str | Path, columns: TableColumns | None = None, file_column: str | None = None
) -> dict[str, dict[str, object]]:
    """Metadata per file name from a manifest table (CSV, TSV, JSON Lines, JSON or Parquet).

    Args:
        path: the manifest, one row per article file.
        columns: which columns hold the title, id, outlet, date and author (defaults: those names;
            ``kind``, ``event`` and ``url`` columns are taken as they are).
        file_column: the column naming each file (its name, with or without the suffix, or a path
            ending in it); default the first of :data:`MANIFEST_FILE_COLUMNS` present.

    Returns:
        ``{file name or stem: metadata}``; the metadata's ``article_id`` is the id column's value,
        else the file's stem: the user's name for the article.

    Raises:
        InputError: unreadable manifest, no file column, a renamed column missing, a file named twice.
    """
    import math

    import pandas as pd

    from analysis.sources.table import TABLE_SUFFIXES, TableColumns

    columns = columns or TableColumns()
    p = Path(path)
    fmt = TABLE_SUFFIXES.get(p.suffix.lower())
    if fmt is None:
        raise InputError(f"{p}: a manifest is a table; use one of {', '.join(TABLE_SUFFIXES)}")
    if not p.is_file():
        raise InputError(f"{p}: no such file")
    try:
        if fmt in ("csv", "tsv"):
            df = pd.read_csv(p, sep="\t" if fmt == "tsv" else ",", dtype=str, keep_default_na=False)
        elif fmt == "parquet":
            df = pd.read_parquet(p)
        else:
            df = pd.read_json(p, lines=fmt == "jsonl", dtype=False)
    except (ValueError, OSError, pd.errors.ParserError, ImportError) as exc:
        raise InputError(f"{p}: cannot be read as a manifest ({' '.join(str(exc).split())[:200]})") from None
    names = [str(c) for c in df.columns]
    chosen = file_column or next((c for c in MANIFEST_FILE_COLUMNS if c in names), None)
    if chosen is None or chosen not in names:
        wanted = repr(file_column) if file_column else " or ".join(repr(c) for c in MANIFEST_FILE_COLUMNS)
        raise InputError(
            f"{p}: no column {wanted} naming each file (columns: {', '.join(names[:12])}); name it with --file-column"
        )
    mapping = {
        "title": columns.title,
        "article_id": columns.id,
        "outlet": columns.outlet,
        "date": columns.date,
        "author": columns.author,
        **{k: k for k in ("kind", "event", "url")},
    }
    defaults = TableColumns()
    for key, col in mapping.items():
        default = getattr(defaults, "id" if key == "article_id" else key, col)
        if col not in names and col != default:
            raise InputError(f"{p}: no column {col!r} for the {key} (columns: {', '.join(names[:12])})")
    out: dict[str, dict[str, object]] = {}
    for n, record in enumerate(df.to_dict("records"), start=1):
        raw = record.get(chosen)
        if raw is None or (isinstance(raw, float) and math.isnan(raw)) or not str(raw).strip():
            raise InputError(f"{p}: row {n} names no file in column {chosen!r}")
        name = Path(str(raw).strip()).name
        meta: dict[str, object] = {}
        for key, col in mapping.items():
            value = record.get(col)
            if value is None or (isinstance(value, float) and math.isnan(value)) or not str(value).strip():
                continue
            meta[key] = str(value).strip()
        meta.setdefault("article_id", Path(name).stem if Path(name).suffix.lower() in SOURCE_SUFFIXES else name)
        if name in out:
            raise InputError(f"{p}: row {n} names the file {name!r} again; one row per file")
        out[name] = meta
    return out


def add_with_manifest(
    folder: str | Path,
    manifest: str | Path,
    store: str | Path | Store = DEFAULT_STORE,
    *,
    columns: TableColumns | None = None,
    file_column: str | None = None,
    force: bool = False,
) -> list[SourceResult]:
    """Add every article file of ``folder`` to ``store`` with its metadata from ``manifest`` (by file name).

    Each article is stored as ``<store>/<its id>.md`` with ``article_id`` in its front matter: the
    user's id (the manifest's id column, else the file's stem), so two articles with the same
    title are two articles. The manifest's metadata overrides what the file says. A file the
    manifest does not name is a failed result; so are, together, the manifest rows whose
    file is not in the folder (the others are added).

    Args:
        folder: the article files (:func:`source_files`).
        manifest: see :func:`read_manifest`.
        store: the article store.
        columns: the manifest's column names.
        file_column: the manifest's file column.
        force: as for :func:`add`.

    Returns:
        One :class:`SourceResult` per file, and one for any unmatched manifest rows.
    """
    from analysis.sources.store import slugify

    meta_by_name = read_manifest(manifest, columns, file_column)
    root = Path(folder)
    if not root.is_dir():
        raise InputError(f"{root}: not a folder; --manifest attaches metadata to a folder of article files")
    files = source_files(root)
    st = store if isinstance(store, Store) else Store(store)
    out: list[SourceResult] = []
    used: set[str] = set()
    ids: dict[str, str] = {}
    for f in files:
        key = f.name if f.name in meta_by_name else f.stem if f.stem in meta_by_name else None
        if key is None:
            out.append(SourceResult(str(f), error=f"{f}: not in the manifest {Path(manifest).name}; not added"))
            continue
        used.add(key)
        meta = dict(meta_by_name[key])
        slug = slugify(str(meta["article_id"])) or slugify(f.stem)
        if slug in ids:
            out.append(SourceResult(str(f), error=f"{f}: its id {meta['article_id']!r} is also {ids[slug]}'s"))
            continue
        ids[slug] = str(f)
        try:
            ex = extract_file(f)
            result = st.add(ex.paragraphs, merge_meta(ex.meta, meta), force=force, path=st.root / f"{slug}.md")
            out.append(SourceResult(str(f), result))
        except InputError as exc:
            out.append(SourceResult(str(f), error=_naming(str(f), str(exc))))
        except OSError as exc:
            out.append(SourceResult(str(f), error=_naming(str(f), f"{exc.strerror or exc}")))
    unmatched = [name for name in meta_by_name if name not in used]
    if unmatched:  # one line, not one per row: a manifest of a whole corpus for part of its files
        more = f" and {len(unmatched) - 3} more" if len(unmatched) > 3 else ""
        out.append(
            SourceResult(
                str(manifest),
                error=f"{manifest}: {len(unmatched)} row(s) name files not in {root}: {', '.join(unmatched[:3])}{more}",
            )
        )
    return out


def _naming(source: str, message: str) -> str:
    """``message`` starting with ``source:`` (most errors already name it)."""
    return message if message.startswith(source) else f"{source}: {message}"


def summary(results: Iterable[SourceResult]) -> str:
    """``"3 added, 1 duplicate, 1 failed (of 5 sources)"`` (statuses that occurred, in a fixed order)."""
    results = list(results)
    counts = [(s, sum(r.status == s for r in results)) for s in ("added", "replaced", "updated", "duplicate", "failed")]
    parts = [f"{n} {status}" for status, n in counts if n]
    return f"{', '.join(parts)} (of {len(results)} source{'' if len(results) == 1 else 's'})"


__all__ = [
    "Extracted",
    "SourceResult",
    "add",
    "add_sources",
    "add_with_manifest",
    "read_manifest",
    "extract_file",
    "extract_html",
    "extract_text",
    "extract_url",
    "is_url",
    "sidecar_meta",
    "source_files",
    "summary",
]
