"""Turn a saved web page, a text file or a URL into a stored article.

* ``.html`` / ``.htm`` / ``.xhtml``: trafilatura extracts the main text and the
  metadata (title, author, date, site name); navigation, comments, footers and
  share furniture are dropped, and each extracted block becomes one paragraph.
* ``.txt`` / ``.md`` (anything else that is text): read like
  :func:`analysis.load_article` reads it (optional YAML front matter; blocks between
  blank lines, or one paragraph per line when there is no blank line).
* ``http://`` / ``https://`` URLs: downloaded by :mod:`analysis.fetch`, then as HTML.

Explicit options (``outlet``, ``kind``, ``title``, ``date``, ...) override what was
extracted. trafilatura is imported only here, and only for HTML (it costs ~0.1 s).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from analysis.annotate.segmentation import assign_roles, split_blocks
from analysis.errors import InputError
from analysis.sources.loading import MAX_BYTES, read_text, split_front_matter
from analysis.sources.store import DEFAULT_STORE, AddResult, Store, utc_now

#: Fewer words than this extracted from a page means there was no article (e.g. only a menu).
MIN_HTML_WORDS = 20
HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
#: Metadata options a caller may set; they override extracted values.
OVERRIDABLE = ("title", "author", "outlet", "date", "url", "kind")
_HTML_SNIFF = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL)


@dataclass
class Extracted:
    """Paragraphs plus metadata ready for :meth:`analysis.store.Store.add`."""

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
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        raise InputError(f"{name}: no article text found in the page (only navigation, or rendered by scripts?)")
    paragraphs = [line for line in text.split("\n") if line.strip()]
    n_words = len(re.findall(r"\w+", text))
    if n_words < MIN_HTML_WORDS:
        raise InputError(f"{name}: only {n_words} words of main text found; not an article page")
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


def extract_text(text: str, *, name: str = "<text>") -> Extracted:
    """Paragraphs and front-matter metadata of a plain-text or Markdown article.

    Without a front-matter ``title``, a first paragraph that reads as a headline
    (see :func:`analysis.segmentation.assign_roles`) is the title.
    """
    from analysis import __version__

    fm, body = split_front_matter(text, name=name)
    body = body.replace("\r\n", "\n").replace("\r", "\n")
    paragraphs = [body[s:e] for s, e in split_blocks(body)]
    if not paragraphs:
        raise InputError(f"{name}: no article text (empty or whitespace only)")
    meta: dict[str, object] = {k: v for k, v in fm.items() if k not in ("sha256", "language")}
    if not meta.get("title") and assign_roles(paragraphs)[0] == "headline":
        meta["title"] = paragraphs[0].strip()  # as load_article reads it: the file is named after it
    meta.setdefault("extractor", "media-analysis")
    meta.setdefault("extractor_version", __version__)
    return Extracted(paragraphs, meta)


def looks_like_html(data: bytes) -> bool:
    """True when the bytes start like an HTML document."""
    return bool(_HTML_SNIFF.match(data[:4096]))


def extract_file(path: str | Path) -> Extracted:
    """Extract a saved ``.html`` page or a ``.txt``/``.md`` article file."""
    p = Path(path)
    if p.suffix.lower() in HTML_SUFFIXES:
        if not p.is_file():
            read_text(p)  # raises the standard one-line error for missing paths and directories
        data = p.read_bytes()[: MAX_BYTES * 2 + 1]
        if len(data) > MAX_BYTES * 2:
            raise InputError(f"{p}: larger than the {MAX_BYTES * 2 // 1048576} MiB limit for a saved page")
        if not data.strip():
            raise InputError(f"{p}: file is empty")
        return extract_html(data, name=str(p))
    text = read_text(p, allow_html=True)
    if looks_like_html(text.encode("utf-8")):
        return extract_html(text, name=str(p))
    return extract_text(text, name=str(p))


def extract_url(url: str, **fetch_options: object) -> Extracted:
    """Download ``url`` (see :func:`analysis.fetch.fetch_html`) and extract it."""
    from analysis.sources.fetch import fetch_html

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

    ``overrides`` are metadata (``title``, ``outlet``, ``kind``, ``date``, ...) that
    replace extracted values; ``None`` means "keep what was extracted".
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


__all__ = ["Extracted", "add", "extract_file", "extract_html", "extract_text", "extract_url", "is_url"]
