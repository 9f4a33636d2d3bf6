"""The local article store: one Markdown file per article, with YAML front matter.

Layout (default :data:`DEFAULT_STORE`, ``data/articles/``, gitignored)::

    ---
    title: Putin and Lukashenko held talks in Sochi
    author: null
    outlet: Chernaya Kobra
    date: '2021-02-22'
    url: https://example.org/putin-and-lukashenko-held-talks-in-sochi/
    kind: news
    language: en
    retrieved_at: '2026-11-26T16:50:00Z'
    sha256: 3f0c...
    extractor: trafilatura
    extractor_version: 2.3.1
    ---
    First paragraph.

    Second paragraph.

Rules:

* The file name is a slug of the title (``<slug>.md``). An existing file is never
  replaced unless ``force`` is given; writes are atomic (temporary file + rename),
  so a reader or a crash never leaves half a file.
* ``sha256`` is the hex SHA-256 of the body exactly as :func:`analysis.load_article`
  sees it (UTF-8, after the front matter), so ``load_article(path).sha256`` equals it.
  Adding a text whose digest is already in the store writes nothing and reports
  the file that holds it (even with ``force``).
* ``language`` is ``"en"`` or what :func:`analysis.language.detect_language` saw
  (``"cyrillic"``, ``"non-en-latin"``, ...). Non-English articles are stored, but
  English metrics skip them (:func:`partition_store`).
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from analysis.annotate.language import detect_language
from analysis.errors import InputError
from analysis.io import atomic_write_text
from analysis.model import Article
from analysis.sources.loading import MAX_BYTES, load_article, read_text, slugify, split_front_matter

#: Default store, relative to the working directory.
DEFAULT_STORE = Path("data/articles")
#: Files the store (and ``analyze DIR``) reads as articles.
STORE_SUFFIXES = (".md", ".txt", ".markdown")
#: File stems (case-insensitive) that are a folder's documentation, never an article.
NOT_ARTICLES = frozenset(
    "readme attribution attributions license licence copying notice changelog authors contributing".split()
)


def article_files(directory: str | Path) -> list[Path]:
    """Article files under ``directory`` (recursive), sorted.

    Kept: ``.md``, ``.txt`` and ``.markdown`` files. Left out: hidden files and
    folders (``.gitkeep``, temporaries) and a folder's documentation
    (``README.md``, ``ATTRIBUTION.md``, ``LICENSE.txt``: :data:`NOT_ARTICLES`).
    """
    root = Path(directory)
    return sorted(
        p
        for p in root.rglob("*")
        if p.is_file()
        and p.suffix.lower() in STORE_SUFFIXES
        and p.stem.lower() not in NOT_ARTICLES
        and not any(part.startswith(".") for part in p.relative_to(root).parts)
    )
#: Front-matter keys, in the order they are written (``None`` is written as ``null``).
FRONT_MATTER_KEYS = (
    "title",
    "author",
    "outlet",
    "date",
    "url",
    "kind",
    "language",
    "retrieved_at",
    "sha256",
    "extractor",
    "extractor_version",
)


def expand_inputs(paths: Iterable[str | Path]) -> list[Path]:
    """Files to analyse: files as given, directories expanded to :func:`article_files`.

    Raises :class:`InputError` for a missing path or a directory without articles.
    """
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = article_files(p)
            if not found:
                raise InputError(f"{p}: directory has no article files ({', '.join(STORE_SUFFIXES)})")
            out.extend(found)
        elif p.exists():
            out.append(p)
        else:
            raise InputError(f"{p}: no such file or directory")
    return out


@dataclass(frozen=True)
class StoredEntry:
    """What the store knows about one file without segmenting it."""

    path: Path
    sha256: str
    language: str
    url: str | None


@dataclass(frozen=True)
class AddResult:
    """Outcome of :meth:`Store.add`: ``status`` is ``"added"``, ``"replaced"`` or ``"duplicate"``.

    For a duplicate, ``path`` is the file that already holds the same text and
    nothing was written.
    """

    status: str
    path: Path
    sha256: str
    language: str

    @property
    def is_english(self) -> bool:
        return self.language == "en"

    def describe(self) -> str:
        """One line for the terminal."""
        if self.status == "duplicate":
            return f"duplicate: same text (sha256 {self.sha256[:12]}) already stored as {self.path}; nothing written"
        note = (
            ""
            if self.is_english
            else (f" (language: {self.language}; not English: stored, but English metrics will skip it)")
        )
        return f"{self.status} {self.path}{note}"


def normalise_paragraphs(paragraphs: Iterable[str]) -> list[str]:
    """Strip each paragraph, collapse internal blank lines, drop empty ones.

    A paragraph never contains a blank line in the store (that would split it on
    reading); line breaks inside one paragraph are joined with a space.
    """
    out = []
    for p in paragraphs:
        lines = [line.strip() for line in p.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
        text = " ".join(line for line in lines if line)
        if text:
            out.append(text)
    return out


def body_from_paragraphs(paragraphs: Iterable[str]) -> str:
    """The stored body: paragraphs separated by one blank line, ending with a newline."""
    paras = normalise_paragraphs(paragraphs)
    if not paras:
        raise InputError("no article text to store (no paragraphs)")
    return "\n\n".join(paras) + "\n"


def text_sha256(body: str) -> str:
    """Hex SHA-256 of ``body`` encoded as UTF-8 (the definition :class:`Article` uses)."""
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def utc_now() -> str:
    """Current UTC time as ``YYYY-MM-DDTHH:MM:SSZ``."""
    return _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def render(meta: Mapping[str, object], body: str) -> str:
    """Front matter (keys of :data:`FRONT_MATTER_KEYS` first, then any extra keys) plus body."""
    ordered: dict[str, object] = {k: _plain(meta.get(k)) for k in FRONT_MATTER_KEYS}
    ordered.update({k: _plain(v) for k, v in meta.items() if k not in ordered and v is not None})
    head = yaml.safe_dump(ordered, sort_keys=False, allow_unicode=True, default_flow_style=False, width=10_000)
    return f"---\n{head}---\n{body}"


def _plain(v: object) -> object:
    if v is None or isinstance(v, (bool, int, float)):
        return v
    return str(v)


class Store:
    """A folder of article files. Nothing is read until needed; the index is cached."""

    def __init__(self, root: str | Path = DEFAULT_STORE) -> None:
        self.root = Path(root)
        self._index: dict[Path, StoredEntry] | None = None

    def __repr__(self) -> str:
        return f"Store({str(self.root)!r})"

    def paths(self) -> list[Path]:
        """Article files in the store, sorted (see :func:`article_files`).

        A missing store folder gives ``[]``; a path that is a file raises :class:`InputError`.
        """
        if not self.root.exists():
            return []
        if not self.root.is_dir():
            raise InputError(f"{self.root}: the article store must be a directory")
        return article_files(self.root)

    def entries(self) -> list[StoredEntry]:
        """Digest, language and URL of every stored file (read once, then cached).

        The digest is recomputed from the body; files that cannot be read are left
        out here (``analyze --store`` reports them when it loads them).
        """
        if self._index is None:
            index: dict[Path, StoredEntry] = {}
            for p in self.paths():
                try:
                    index[p] = _entry(p)
                except InputError:
                    continue
            self._index = index
        return list(self._index.values())

    def find_sha256(self, sha256: str) -> Path | None:
        """The stored file whose text has this digest, or ``None``."""
        return next((e.path for e in self.entries() if e.sha256 == sha256), None)

    def find_url(self, url: str) -> Path | None:
        """The stored file recorded with this URL, or ``None``."""
        return next((e.path for e in self.entries() if e.url and e.url == url), None)

    def path_for(self, title: str | None, sha256: str) -> Path:
        """``<store>/<slug of title>.md``; accents are dropped (``Café`` -> ``cafe``). A title
        with no ASCII letter or digit (e.g. Cyrillic), or no title, gives the first 12 hex
        digits of the digest instead."""
        ascii_title = unicodedata.normalize("NFKD", title or "").encode("ascii", "ignore").decode()
        slug = slugify(ascii_title) if re.search(r"[A-Za-z0-9]", ascii_title) else sha256[:12]
        return self.root / f"{slug}.md"

    def add(
        self,
        paragraphs: Iterable[str],
        meta: Mapping[str, object],
        *,
        force: bool = False,
        rename: bool = False,
        path: Path | None = None,
    ) -> AddResult:
        """Store an article given as paragraphs plus metadata.

        ``language`` and ``sha256`` are computed here (a given ``language`` is
        ignored: what is stored is what the analysis will see); ``retrieved_at``
        defaults to now. The file is ``path`` if given, else :meth:`path_for` the title.
        When that file exists: ``force`` replaces it; otherwise ``rename`` writes
        ``<slug>-<first 8 hex digits of the digest>.md`` instead (another article with
        the same title), and without either an :class:`InputError` is raised. A text
        already stored returns status ``"duplicate"`` and writes nothing.
        """
        body = body_from_paragraphs(paragraphs)
        sha = text_sha256(body)
        duplicate = self.find_sha256(sha)
        language = detect_language(body)
        if duplicate is not None:
            return AddResult("duplicate", duplicate, sha, _stored_language(duplicate, language))
        full = {k: v for k, v in meta.items() if v is not None and v != ""}
        full["language"] = language
        full["sha256"] = sha
        full.setdefault("retrieved_at", utc_now())
        title = full.get("title")
        target = Path(path) if path is not None else self.path_for(str(title) if title else None, sha)
        if target.exists() and not force and rename:
            target = target.with_name(f"{target.stem}-{sha[:8]}{target.suffix}")
        existed = target.exists()
        if existed and not force:
            raise InputError(
                f"{target}: already exists with a different text (use --force to replace it, or --title to rename)"
            )
        text = render(full, body)
        if len(text.encode("utf-8")) > MAX_BYTES:
            raise InputError(f"{target}: article larger than the {MAX_BYTES // 1048576} MiB limit; not stored")
        atomic_write_text(target, text, overwrite=force)
        if self._index is not None:
            self._index[target] = StoredEntry(target, sha, language, _str_or_none(full.get("url")))
        return AddResult("replaced" if existed else "added", target, sha, language)


def _entry(path: Path) -> StoredEntry:
    fm, body = split_front_matter(read_text(path), name=str(path))
    body = body.replace("\r\n", "\n").replace("\r", "\n")
    language = _str_or_none(fm.get("language")) or detect_language(body)
    if language.lower() in ("english",) or language.lower().startswith(("en-", "en_")):
        language = "en"
    return StoredEntry(path, text_sha256(body), language, _str_or_none(fm.get("url")))


def _stored_language(path: Path, default: str) -> str:
    try:
        return _entry(path).language
    except InputError:
        return default


def _str_or_none(v: object) -> str | None:
    return str(v) if v not in (None, "") else None


def partition_store(store: str | Path = DEFAULT_STORE) -> tuple[list[Path], list[tuple[Path, str]]]:
    """Split a store into English files and ``(path, language)`` of non-English ones.

    Uses the front-matter ``language`` (detected when missing). Files whose front
    matter cannot be read count as English so that the analysis reports their error.
    Raises :class:`InputError` when the store does not exist or has no article file.
    """
    st = Store(store)
    if not st.root.exists():
        raise InputError(f"{st.root}: no such article store (add articles with `media-analysis add SOURCE`)")
    paths = st.paths()
    if not paths:
        raise InputError(f"{st.root}: the article store is empty (add articles with `media-analysis add SOURCE`)")
    english: list[Path] = []
    other: list[tuple[Path, str]] = []
    for p in paths:
        try:
            lang = _entry(p).language
        except InputError:
            lang = "en"
        if lang == "en":
            english.append(p)
        else:
            other.append((p, lang))
    return english, other


def load_corpus(store: str | Path = DEFAULT_STORE, *, english_only: bool = False) -> list[Article]:
    """Every article in ``store`` as :class:`Article` objects, sorted by file name.

    Non-English articles are included with their ``language`` set (check
    ``article.is_english``) unless ``english_only``. Raises :class:`InputError` when
    the store is missing or a file is unreadable or malformed (the message names it);
    an empty store gives ``[]``.
    """
    st = Store(store)
    if not st.root.exists():
        raise InputError(f"{st.root}: no such article store")
    articles = [load_article(p) for p in st.paths()]
    return [a for a in articles if a.is_english] if english_only else articles
