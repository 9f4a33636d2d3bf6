"""The local article store: one Markdown file per article, with YAML front matter.

Layout (default :data:`DEFAULT_STORE`, ``data/articles/``, gitignored)::

    ---
    title: Putin and Lukashenko held talks in Sochi
    outlet: Chernaya Kobra
    author: null
    date: '2021-02-22'
    kind: news
    event: sochi-2021-02
    url: https://example.org/putin-and-lukashenko-held-talks-in-sochi/
    language: en
    sha256: 3f0c...
    added: '2026-11-26T16:50:02Z'
    retrieved_at: '2026-11-26T16:50:00Z'
    extractor: trafilatura
    extractor_version: 2.3.1
    ---
    First paragraph.

    Second paragraph.

Rules:

* The file name is a slug of the title (``<slug>.md``). Another outlet's article
  with the same title goes beside it as ``<slug>--<outlet slug>.md``; another text
  from the same outlet under the same title is refused unless ``force`` (replace it)
  or ``rename`` (``<slug>-<8 hex digits of the digest>.md``) is given. No two files
  of a store load with the same ``article_id`` (the slug of the file stem). Writes
  are atomic (temporary file + rename), so a reader or a crash never leaves half a file.
* ``sha256`` is the hex SHA-256 of the body exactly as :func:`analysis.load_article`
  sees it (UTF-8, after the front matter), so ``load_article(path).sha256`` equals it.
  ``source_sha256`` (written only when it differs) is the digest of the text file
  it came from, as ``load_article`` sees that file: the store re-spaces paragraphs,
  so the two differ for, e.g., the seed (one paragraph per line).
* The same text from the same outlet is a duplicate: nothing is written, and with
  ``force`` only its metadata is rewritten (status ``"updated"``). The same text
  from another outlet (a syndicated copy) is stored as its own entry.
* ``added`` is when the text was stored; ``retrieved_at`` when it was downloaded
  (URLs only). ``event`` is a free label grouping coverage of one event.
* ``language`` is ``"en"`` or what :func:`analysis.annotate.language.detect_language` saw
  (``"cyrillic"``, ``"non-en-latin"``, ...). Non-English articles are stored, but
  English metrics skip them (:func:`partition_store`, :func:`comparable_paths`).
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from analysis.annotate.language import NO_WORDS, detect_language, has_letters
from analysis.errors import InputError
from analysis.io import OutputExists, atomic_write_text
from analysis.model import Article
from analysis.sources import DEFAULT_STORE
from analysis.sources.loading import MAX_BYTES, load_article, read_text, slugify, split_front_matter, text_sha256

#: Files the store (and ``analyze DIR``) reads as articles.
STORE_SUFFIXES = (".md", ".txt", ".markdown")
#: File stems (case-insensitive) that are a folder's documentation, never an article.
NOT_ARTICLES = frozenset(
    "readme attribution attributions license licence copying notice changelog authors contributing".split()
)


def article_files(directory: str | Path, suffixes: Iterable[str] = STORE_SUFFIXES) -> list[Path]:
    """Article files under ``directory`` (recursive), sorted.

    Kept: files ending in one of ``suffixes`` (default ``.md``, ``.txt`` and
    ``.markdown``, any case). Left out: hidden files and folders (``.gitkeep``,
    temporaries) and a folder's documentation (``README.md``, ``ATTRIBUTION.md``,
    ``LICENSE.txt``: :data:`NOT_ARTICLES`).
    """
    root = Path(directory)
    wanted = tuple(s.lower() for s in suffixes)
    return sorted(
        p
        for p in root.rglob("*")
        if p.is_file()
        and p.suffix.lower() in wanted
        and p.stem.lower() not in NOT_ARTICLES
        and not any(part.startswith(".") for part in p.relative_to(root).parts)
    )


#: Front-matter keys, in the order they are written (``None`` is written as ``null``);
#: other keys (``source_sha256``, ``final_url``, ...) follow them.
FRONT_MATTER_KEYS = (
    "title",
    "outlet",
    "author",
    "date",
    "kind",
    "event",
    "url",
    "language",
    "sha256",
    "added",
    "retrieved_at",
    "extractor",
    "extractor_version",
)
#: Times :meth:`Store.add` chooses a file name again when another process takes the one it chose.
_NAME_ATTEMPTS = 5
#: Keys the store computes, or that describe how the stored text was made; they are never
#: taken from a caller's metadata when only the metadata of a stored text is rewritten.
_KEPT = ("language", "sha256", "added", "retrieved_at", "source_sha256", "extractor", "extractor_version")


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
    outlet: str | None = None
    #: Digest of the text file the entry was made from, when it differs from ``sha256``.
    source_sha256: str | None = None

    @property
    def digests(self) -> frozenset[str]:
        """``sha256`` and, when recorded, ``source_sha256``: the texts this entry is identical to."""
        return frozenset(d for d in (self.sha256, self.source_sha256) if d)


@dataclass(frozen=True)
class AddResult:
    """Outcome of :meth:`Store.add`.

    ``status`` is ``"added"``, ``"replaced"``, ``"updated"`` (same text: only the
    metadata was rewritten; ``changed`` names the keys) or ``"duplicate"`` (same
    text from the same outlet already stored at ``path``; nothing written;
    ``changed`` names the keys ``force`` would rewrite). ``copy_of`` is set for a
    new entry whose text is already stored from another outlet (a syndicated copy).
    """

    status: str
    path: Path
    sha256: str
    language: str
    changed: tuple[str, ...] = ()
    copy_of: Path | None = None

    @property
    def is_english(self) -> bool:
        return self.language == "en"

    def describe(self, source: str | Path | None = None) -> str:
        """One line for the terminal; ``source`` (what was added) is named when given."""
        if self.status == "duplicate":
            what = f"{source} has the same text" if source is not None else "same text"
            hint = f" (its metadata differs: {', '.join(self.changed)}; --force rewrites it)" if self.changed else ""
            return f"duplicate: {what} (sha256 {self.sha256[:12]}) already stored as {self.path}; nothing written{hint}"
        origin = f" from {source}" if source is not None else ""
        if self.status == "updated":
            return f"updated metadata of {self.path} ({', '.join(self.changed)}){origin}"
        notes = []
        if self.copy_of is not None:
            notes.append(f"same text as {self.copy_of}, from another outlet")
        if not self.is_english:
            notes.append(f"language: {self.language}; not English: stored, but English metrics will skip it")
        note = f" ({'; '.join(notes)})" if notes else ""
        return f"{self.status} {self.path}{origin}{note}"


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
    """The stored body: paragraphs separated by one blank line, ending with a newline.

    A text without a single letter (emoji, quotation marks, numbers only) is refused as
    ``analyze`` refuses it, so the store never holds an article nothing can read.
    """
    paras = normalise_paragraphs(paragraphs)
    if not paras:
        raise InputError("no article text to store (no paragraphs)")
    if not any(has_letters(p) for p in paras):
        raise InputError(f"{NO_WORDS}; not stored")
    return "\n\n".join(paras) + "\n"


def article_digests(article: Article) -> set[str]:
    """The digests under which a store may hold ``article``'s text.

    ``article.sha256`` plus the ``sha256`` the store gives the same text (its
    paragraphs re-spaced, as :meth:`Store.add` writes them). Pass the result to
    :func:`comparable_paths` or :func:`load_corpus` to leave the article out even
    from a store filled before ``source_sha256`` was recorded.
    """
    from analysis.annotate.segmentation import split_blocks

    out = {article.sha256}
    paragraphs = normalise_paragraphs(article.text[s:e] for s, e in split_blocks(article.text))
    if paragraphs:
        out.add(text_sha256("\n\n".join(paragraphs) + "\n"))
    return out


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
    """A front-matter value as YAML writes it: scalars as they are or as strings, lists and mappings kept as such
    (not their Python repr), their contents made plain too."""
    if v is None or isinstance(v, (bool, int, float)):
        return v
    if isinstance(v, Mapping):
        return {str(k): _plain(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [_plain(x) for x in v]
    return str(v)


def _ascii(s: str) -> str:
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()


def outlet_slug(outlet: object) -> str:
    """The outlet as it names a file and compares: ``"Belarus Feed"`` -> ``"belarus-feed"``.

    Accents are dropped; an outlet with no ASCII letter or digit is its lower-cased,
    stripped name; no outlet is ``""``.
    """
    name = str(outlet).strip() if outlet not in (None, "") else ""
    ascii_name = _ascii(name)
    if re.search(r"[A-Za-z0-9]", ascii_name):
        return slugify(ascii_name, max_len=40)
    return name.lower()


class _Index:
    """What a store holds, read once: entries by file, and the files by digest, URL and article id.

    Every lookup of :class:`Store` is a dictionary access, so adding N files to a store
    of M costs N + M file reads, not N * M (``add FOLDER`` globbed the whole store for
    every source). :meth:`remember` keeps it current as the store writes.
    """

    def __init__(self, paths: list[Path]) -> None:
        self.entries: dict[Path, StoredEntry] = {}
        self.by_sha: dict[str, list[Path]] = {}
        self.by_url: dict[str, list[Path]] = {}
        #: Article id (the slug of a file's stem) -> the files with it, readable or not.
        self.ids: dict[str, set[Path]] = {}
        for p in paths:
            self.ids.setdefault(slugify(p.stem), set()).add(p)
            try:
                self.remember(_entry(p))
            except InputError:
                continue  # unreadable: left out here (``analyze --store`` reports it when it loads it)

    def remember(self, entry: StoredEntry) -> None:
        """Record ``entry`` (a file just written, or read), replacing what was known of its path."""
        old = self.entries.get(entry.path)
        if old is not None:
            self.by_sha[old.sha256].remove(old.path)
            if old.url:
                self.by_url[old.url].remove(old.path)
        self.entries[entry.path] = entry
        self.by_sha.setdefault(entry.sha256, []).append(entry.path)
        if entry.url:
            self.by_url.setdefault(entry.url, []).append(entry.path)
        self.ids.setdefault(slugify(entry.path.stem), set()).add(entry.path)

    def same_text(self, sha256: str) -> list[StoredEntry]:
        return [self.entries[p] for p in self.by_sha.get(sha256, ())]


class Store:
    """A folder of article files. Nothing is read until needed; the index is read once, then kept current."""

    def __init__(self, root: str | Path = DEFAULT_STORE) -> None:
        self.root = Path(root)
        self._index: _Index | None = None

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
        """Digest, language, URL and outlet of every stored file (read once, then cached).

        The digest is recomputed from the body; files that cannot be read are left
        out here (``analyze --store`` reports them when it loads them).
        """
        return list(self._read().entries.values())

    def _read(self) -> _Index:
        if self._index is None:
            self._index = _Index(self.paths())
        return self._index

    def find_url(self, url: str) -> Path | None:
        """The stored file recorded with this URL, or ``None``."""
        return next(iter(self._read().by_url.get(url, ())), None) if url else None

    def path_for(self, title: str | None, sha256: str) -> Path:
        """``<store>/<slug of title>.md``; accents are dropped (``Café`` -> ``cafe``). A title
        with no ASCII letter or digit (e.g. Cyrillic), or no title, gives the first 12 hex
        digits of the digest instead. A slug that every reader of a folder takes for its
        documentation (:data:`NOT_ARTICLES`: an article titled "Notice" or "README") gets
        ``-article`` (``notice-article.md``), or the article would be stored and never read."""
        ascii_title = _ascii(title or "")
        slug = slugify(ascii_title) if re.search(r"[A-Za-z0-9]", ascii_title) else sha256[:12]
        if slug in NOT_ARTICLES:
            slug = f"{slug}-article"
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
        ignored: what is stored is what the analysis will see); ``added`` is now.
        A ``source_sha256`` in ``meta`` (the digest of the text file it came from)
        is kept when it differs from ``sha256``.

        Same text already stored from the same outlet (:func:`outlet_slug`; an
        unknown outlet on either side counts as the same): status ``"duplicate"``,
        nothing written; with ``force``, that file's metadata is rewritten instead
        (``"updated"``; its file name, hence its ``article_id``, stays). With
        ``force`` and no stored copy from exactly this outlet, the only stored copy
        (or the one the title names) is updated: that is how a wrong outlet is
        corrected. Same text from another outlet, without ``force``: stored as a
        new entry (a syndicated copy; ``copy_of`` names the first).

        The file is ``path`` if given, else chosen by :meth:`target_for`: when the
        title's file holds another text from the same outlet, ``force`` replaces it,
        ``rename`` writes ``<slug>-<8 hex digits>.md``, and without either an
        :class:`InputError` is raised.
        """
        body = body_from_paragraphs(paragraphs)
        sha = text_sha256(body)
        language = detect_language(body)
        new = {k: v for k, v in meta.items() if v is not None and v != "" and k not in ("language", "sha256")}
        if new.get("source_sha256") == sha:
            del new["source_sha256"]
        outlet = outlet_slug(new.get("outlet"))
        title = str(new["title"]) if new.get("title") else None
        same_text = self._read().same_text(sha)
        # an unknown outlet (either side) is taken to be the same; exact matches first, then the title's file
        named = self.path_for(title, sha)
        same_outlet = sorted(
            (e for e in same_text if _same_outlet(outlet_slug(e.outlet), outlet)),
            key=lambda e: (outlet_slug(e.outlet) != outlet, e.path != named),
        )
        if path is not None:  # the caller names the file: only that one may be updated
            mine = [e for e in same_text if e.path == Path(path)]
            if mine or same_outlet:
                return self._rewrite_metadata((mine or same_outlet)[0], new, write=force and bool(mine))
        elif force and same_text:
            exact = bool(same_outlet) and bool(outlet) and outlet_slug(same_outlet[0].outlet) == outlet
            entry = same_outlet[0] if exact or len(same_outlet) == 1 else self._copy_to_correct(same_text, title, sha)
            return self._rewrite_metadata(entry, new, write=True)
        elif same_outlet:
            return self._rewrite_metadata(same_outlet[0], new, write=False)
        full = dict(new)
        full["language"] = language
        full["sha256"] = sha
        full["added"] = utc_now()
        text = render(full, body)
        for attempt in range(_NAME_ATTEMPTS):
            if path is None:
                target, existed = self.target_for(title, new.get("outlet"), sha, force=force, rename=rename)
            else:
                target, existed = Path(path), Path(path).exists()
                if existed and not force:
                    raise InputError(f"{target}: already exists with a different text (use --force to replace it)")
            if len(text.encode("utf-8")) > MAX_BYTES:
                raise InputError(f"{target}: article larger than the {MAX_BYTES // 1048576} MiB limit; not stored")
            try:
                atomic_write_text(target, text, overwrite=existed)
                break
            except OutputExists:  # another process stored a file under that name since it was chosen
                if path is not None or attempt == _NAME_ATTEMPTS - 1:
                    raise
                self._refresh(target)  # and choose again, knowing what is there now
        self._read().remember(_entry_of(target, full, body))
        copy_of = same_text[0].path if same_text else None
        return AddResult("replaced" if existed else "added", target, sha, language, copy_of=copy_of)

    def _refresh(self, path: Path) -> None:
        """Read ``path`` again into the index (it changed under this process)."""
        index = self._read()
        index.ids.setdefault(slugify(path.stem), set()).add(path)
        with contextlib.suppress(InputError):  # unreadable (half a file of another writer?): target_for skips it
            index.remember(_entry(path))

    def target_for(
        self, title: str | None, outlet: object, sha256: str, *, force: bool = False, rename: bool = False
    ) -> tuple[Path, bool]:
        """``(file, exists)`` for a new text with this title and outlet.

        Tried in order: :meth:`path_for` the title, then ``<slug>--<outlet slug>.md``.
        A name is skipped while it holds another (known) outlet's article, or while another
        file of the store loads with the same ``article_id`` (the slug of its stem);
        when every name is skipped, the last gets ``-<8 hex digits of the digest>``.
        A name holding another text of the same outlet is replaced with ``force``,
        suffixed with the digest with ``rename``, and an :class:`InputError` otherwise.
        """
        base = self.path_for(title, sha256)
        key = outlet_slug(outlet)
        candidates = [base]
        if re.fullmatch(r"[a-z0-9-]+", key):  # an outlet with an ASCII name (else only the digest tells them apart)
            candidates.append(base.with_name(f"{base.stem}--{key}.md"))
        index = self._read()

        def id_taken(p: Path) -> bool:
            return bool(index.ids.get(slugify(p.stem), set()) - {p})

        def with_digest(p: Path) -> Path:
            q = p.with_name(f"{p.stem}-{sha256[:8]}{p.suffix}")
            if q.exists() or id_taken(q):
                raise InputError(f"{q}: already exists; give another --title")
            return q

        for p in candidates:
            if id_taken(p):
                continue
            if not p.exists():
                return p, False
            try:
                held = index.entries.get(p) or _entry(p)
            except InputError:
                continue  # unreadable: not ours to replace
            if not _same_outlet(outlet_slug(held.outlet), key):
                continue  # another outlet's article with the same title: store beside it
            if force:
                return p, True
            if rename:
                return with_digest(p), False
            raise InputError(
                f"{p}: already exists with a different text from the same outlet "
                "(use --force to replace it, or --title to store it under another name)"
            )
        return with_digest(candidates[-1]), False

    def _copy_to_correct(self, same_text: list[StoredEntry], title: str | None, sha: str) -> StoredEntry:
        """The stored copy ``force`` rewrites when none is from the given outlet."""
        if len(same_text) == 1:
            return same_text[0]
        named = [e for e in same_text if e.path == self.path_for(title, sha)]
        if named:
            return named[0]
        listed = ", ".join(str(e.path) for e in same_text)
        raise InputError(
            f"this text is stored {len(same_text)} times ({listed}) and none is from this outlet; "
            "give the --outlet and --title of the copy whose metadata --force should rewrite"
        )

    def _rewrite_metadata(self, entry: StoredEntry, new: Mapping[str, object], *, write: bool) -> AddResult:
        """Merge ``new`` into the front matter of ``entry``; write it when ``write`` and something changed."""
        path = entry.path
        old, body = split_front_matter(read_text(path), name=str(path))
        body = body.replace("\r\n", "\n").replace("\r", "\n")
        given = {k: v for k, v in new.items() if k not in _KEPT}
        changed = tuple(sorted(k for k, v in given.items() if _plain(old.get(k)) != _plain(v)))
        if not write or not changed:
            return AddResult("duplicate", path, entry.sha256, entry.language, changed=changed)
        merged = {**old, **given, "sha256": entry.sha256, "language": entry.language}
        if new.get("source_sha256") and not old.get("source_sha256"):
            merged["source_sha256"] = new["source_sha256"]
        atomic_write_text(path, render(merged, body), overwrite=True)
        self._read().remember(_entry_of(path, merged, body))
        return AddResult("updated", path, entry.sha256, entry.language, changed=changed)


def _same_outlet(a: str, b: str) -> bool:
    """Outlet slugs that may be one outlet: equal, or either unknown (``""``)."""
    return not a or not b or a == b


def _entry(path: Path) -> StoredEntry:
    fm, body = split_front_matter(read_text(path), name=str(path))
    return _entry_of(path, fm, body.replace("\r\n", "\n").replace("\r", "\n"))


def _entry_of(path: Path, fm: Mapping[str, object], body: str) -> StoredEntry:
    language = _str_or_none(fm.get("language")) or detect_language(body)
    if language.lower() in ("english",) or language.lower().startswith(("en-", "en_")):
        language = "en"
    return StoredEntry(
        path,
        text_sha256(body),
        language,
        _str_or_none(fm.get("url")),
        _str_or_none(fm.get("outlet")),
        _str_or_none(fm.get("source_sha256")),
    )


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


def comparable_paths(store: str | Path = DEFAULT_STORE, exclude_sha256: Iterable[str] | None = None) -> list[Path]:
    """The English articles of ``store`` to compare a focus article with, sorted.

    Left out: non-English articles, and every article whose text digest
    (``sha256``, or the ``source_sha256`` of the file it was added from) is in
    ``exclude_sha256``, so a focus article is never counted against itself (pass
    ``{focus.sha256}``, or :func:`article_digests` of it). A file whose front matter
    cannot be read is kept, so that loading it reports the error. A missing or
    empty store gives ``[]``; a store path that is a file raises :class:`InputError`.
    """
    excluded = set(exclude_sha256 or ())
    out: list[Path] = []
    for p in Store(store).paths():
        try:
            entry = _entry(p)
        except InputError:
            out.append(p)
            continue
        if entry.language == "en" and not entry.digests & excluded:
            out.append(p)
    return out


def load_corpus(
    store: str | Path = DEFAULT_STORE, *, english_only: bool = False, exclude_sha256: Iterable[str] | None = None
) -> list[Article]:
    """Every article in ``store`` as :class:`Article` objects, sorted by file name.

    Non-English articles are included with their ``language`` set (check
    ``article.is_english``) unless ``english_only``. Articles whose ``sha256`` or
    front-matter ``source_sha256`` is in ``exclude_sha256`` are left out (see
    :func:`comparable_paths`). Raises :class:`InputError` when the store is missing
    or a file is unreadable or malformed (the message names it); an empty store gives ``[]``.
    """
    st = Store(store)
    if not st.root.exists():
        raise InputError(f"{st.root}: no such article store")
    excluded = set(exclude_sha256 or ())
    articles = [load_article(p) for p in st.paths()]
    if excluded:
        articles = [a for a in articles if not {a.sha256, str(a.extra.get("source_sha256"))} & excluded]
    return [a for a in articles if a.is_english] if english_only else articles
