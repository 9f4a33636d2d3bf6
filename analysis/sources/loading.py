"""Read article files safely and turn text into an :class:`~analysis.model.Article`.

Accepted input: text files of any name (the extension is not trusted for
safety), optionally starting with YAML front matter between ``---`` lines.
``.md``/``.markdown`` files are parsed as Markdown (:mod:`analysis.sources.markdown`:
the Article's text is the prose they show, without link addresses or markup);
every other file is plain text. Decoded: UTF-8 with or without BOM, UTF-16
(LE/BE with a BOM, or without one when the pattern of NUL bytes clearly says
so), UTF-32 with a BOM; Windows-1251 and Windows-1252 only when the bytes
clearly fit them, with an :class:`~analysis.errors.InputWarning`. Line endings
(``\r\n``, a lone ``\r``) become ``\n`` before anything else, front matter
included. Rejected with :class:`~analysis.errors.InputError`: missing files,
directories, files over :data:`MAX_BYTES`, binary data, bytes that fit no
encoding above, empty or whitespace-only text, and malformed front matter.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import os
import re
import stat
import unicodedata
import warnings
from pathlib import Path
from typing import BinaryIO

import yaml

from analysis.annotate.language import detect_language
from analysis.annotate.segmentation import is_name_line, segment
from analysis.errors import InputError, InputWarning
from analysis.model import Article, Paragraph

#: Largest accepted input, in bytes (5 MiB, about 800,000 words: far beyond any article).
MAX_BYTES = 5 * 1024 * 1024
#: Metadata keys with a dedicated Article field; other front-matter keys go to ``extra``.
METADATA_FIELDS = ("title", "author", "outlet", "date", "url", "kind", "language")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_HTML_START = re.compile(r"\A\ufeff?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.IGNORECASE | re.DOTALL)
_CYRILLIC_1251 = re.compile(rb"[\xc0-\xff]{3,}")
_NEWLINES = re.compile(r"\r\n?")
#: PyYAML's safe loader, in C when PyYAML was built with libyaml (ten times faster: a store of 1,000 files is
#: read in a second, not ten). Both implement YAML 1.1 safe loading; the loading tests pass with either.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
#: What a too-large file's message suggests (the CLI's ``analyze`` adds its ``--max-bytes``).
SPLIT_HINT = "split it into articles"
#: Byte-order marks, longest first (a UTF-32-LE BOM starts like a UTF-16-LE one).
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def normalise_newlines(text: str) -> str:
    """``\\r\\n`` and a lone ``\\r`` (old Mac files) become ``\\n``."""
    return _NEWLINES.sub("\n", text) if "\r" in text else text


def read_text(path: str | Path, max_bytes: int = MAX_BYTES, allow_html: bool = False) -> str:
    """Read and decode a text file, refusing anything that is not usable text.

    The text has ``\\n`` line endings and no byte-order mark. An HTML page is
    refused (its markup is not article text) unless ``allow_html``.
    """
    p = Path(path)
    if not p.exists():
        raise InputError(f"{p}: no such file or directory")
    if p.is_dir():
        raise InputError(f"{p}: is a directory, not an article file")
    try:
        with p.open("rb") as fh:
            data = _read_at_most(fh, max_bytes + 1)
    except OSError as exc:
        raise InputError(f"{p}: cannot read ({exc.strerror or exc})") from None
    if len(data) > max_bytes:
        limit = f"{max_bytes / 1048576:.0f} MiB" if max_bytes >= 1048576 else f"{max_bytes:,} byte"
        raise InputError(f"{p}: larger than the {limit} limit for one article ({SPLIT_HINT})")
    text = normalise_newlines(decode(data, name=str(p)))
    if not allow_html and _HTML_START.match(text):
        raise InputError(f"{p}: is an HTML page; extract its article with `media-analysis add {p}` first")
    return text


def _read_at_most(fh: BinaryIO, limit: int) -> bytes:
    """Up to ``limit`` bytes of ``fh``, allocating what the file holds, not ``limit``.

    ``fh.read(limit)`` allocates all of ``limit`` up front (a gigabyte for a raised
    ``--max-bytes``). A regular file is read in one call sized by its length (and
    a file over the limit is read no further than the limit); a pipe or device in
    1 MiB chunks.
    """
    st = os.fstat(fh.fileno())
    if stat.S_ISREG(st.st_mode):
        want = min(st.st_size + 1, limit)  # one byte more than expected: has the file grown?
        data = fh.read(want)
        if len(data) < want or want == limit:
            return data
        return data + _read_chunks(fh, limit - len(data))
    return _read_chunks(fh, limit)


def _read_chunks(fh: BinaryIO, limit: int) -> bytes:
    chunks: list[bytes] = []
    got = 0
    while got < limit:
        chunk = fh.read(min(limit - got, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        got += len(chunk)
    return b"".join(chunks)


def _decode_or_none(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding, errors="strict")
    except UnicodeDecodeError:
        return None


def _utf16_without_bom(head: bytes) -> str | None:
    """``"utf-16-le"``/``"utf-16-be"`` when NUL bytes fill one byte of most pairs and almost none of the other.

    Text saved as UTF-16 without a BOM has a zero high byte in every ASCII code
    unit (all of Latin text, the spaces and punctuation of Cyrillic or Greek text)
    and practically never a zero low byte; binary data has NULs in both positions,
    UTF-8 text none at all. What this lets through must still decode and hold no
    control characters (:func:`_check_text`).
    """
    even, odd = head[0::2], head[1::2]
    if len(odd) < 2:
        return None
    even_nul, odd_nul = even.count(0) / len(even), odd.count(0) / len(odd)
    if odd_nul >= 0.1 and even_nul <= 0.01:
        return "utf-16-le"
    if even_nul >= 0.1 and odd_nul <= 0.01:
        return "utf-16-be"
    return None


def _reads_as_text(head: bytes, encoding: str) -> bool:
    """Whether ``head`` decoded as ``encoding`` looks like words: it decodes, and has spaces between them.

    Guards the BOM-less UTF-16 guess: ``00 FF`` repeated is valid UTF-16-BE ("ÿÿÿ...")
    but not text anyone wrote.
    """
    sample = head.decode(encoding, errors="replace")
    if "\ufffd" in sample[:-2]:  # the last code unit may be half of a pair cut by the 8 KiB sample
        return False
    return sum(c.isspace() for c in sample) * 40 >= len(sample)


def _check_text(text: str, name: str, wide: bool = False) -> str:
    """``text`` unless it is empty or holds control characters that no text file has.

    ``wide``: decoded from UTF-16/32, where binary data decodes "validly" too.
    """
    if not text.strip():
        raise InputError(f"{name}: file is empty (no text, or only whitespace)")
    head = text[:8192]
    controls = sum(1 for c in head if ord(c) < 32 and c not in "\t\n\f\r")
    if controls > len(head) * 0.01 or "\x00" in head:
        raise InputError(f"{name}: binary file (control characters), expected text")
    # Bytes that decode but are no one's text: private-use, unassigned or surrogate code
    # points, byte-order marks in mid-text (binary data behind a UTF-16 BOM gives these).
    if not wide:
        return text
    junk = sum(1 for c in head if c in "\ufeff\ufffe\uffff" or unicodedata.category(c) in ("Co", "Cn", "Cs"))
    if junk > len(head) * 0.01:
        raise InputError(f"{name}: binary file (not text in any encoding), expected text")
    return text


def decode(data: bytes, name: str = "<text>") -> str:
    """Decode bytes as UTF-8, UTF-16 or UTF-32 (see the module docstring), or as
    Windows-1251/1252 only when that is clearly right. A byte-order mark is dropped."""
    if not data.strip():
        raise InputError(f"{name}: file is empty (no text, or only whitespace)")
    head = data[:8192]
    encoding = next((enc for bom, enc in _BOMS if data.startswith(bom)), None)
    if encoding is None and b"\x00" in head:
        encoding = _utf16_without_bom(head[: len(head) // 2 * 2])
        if encoding is not None and not _reads_as_text(head[: len(head) // 2 * 2], encoding):
            encoding = None
        if encoding is None:
            raise InputError(f"{name}: binary file (contains NUL bytes), expected text")
    if encoding is not None and encoding != "utf-8":
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            what = encoding[:6].upper()
            raise InputError(f"{name}: not valid {what} text (damaged or binary); save it as UTF-8") from None
        return _check_text(text.removeprefix("\ufeff"), name, wide=True)
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    if controls > len(head) * 0.01:
        raise InputError(f"{name}: binary file (control bytes), expected text")
    try:
        return _check_text(data.decode("utf-8-sig"), name)
    except UnicodeDecodeError:
        pass
    high = sum(1 for b in data if b >= 0x80)
    # Windows-1251: Cyrillic letters are 0xC0-0xFF and come in runs (whole words).
    cyr_runs = sum(len(m) for m in _CYRILLIC_1251.findall(data))
    if high and cyr_runs / high > 0.6:
        text = _decode_or_none(data, "cp1251")  # None: a byte Windows-1251 leaves undefined (0x98)
        if text is not None:
            warnings.warn(f"{name}: not UTF-8; decoded as Windows-1251 (Cyrillic)", InputWarning, stacklevel=2)
            return text
    # Windows-1252/Latin-1: English text with a few accented letters or smart quotes.
    if high / len(data) < 0.05:
        text = _decode_or_none(data, "cp1252")
        if text is not None:
            warnings.warn(f"{name}: not UTF-8; decoded as Windows-1252 (Latin-1)", InputWarning, stacklevel=2)
            return text
    raise InputError(f"{name}: not valid UTF-8 and the encoding cannot be told; save it as UTF-8")


def split_front_matter(text: str, name: str = "<text>") -> tuple[dict[str, object], str]:
    """Return ``(metadata, body)``; text without front matter gives ``({}, text)``.

    Line endings are normalised first (``\\r\\n`` and ``\\r`` become ``\\n``), so
    the body has ``\\n`` line endings. Raises :class:`InputError` when a ``---``
    block is opened but not closed, is not valid YAML, or is not a mapping.
    """
    text = normalise_newlines(text.removeprefix("\ufeff"))
    if not text.startswith("---"):
        return {}, text
    first_line = text.split("\n", 1)[0].strip()
    if first_line != "---":
        return {}, text  # e.g. a "-----" rule, not front matter
    m = _FRONT_MATTER.match(text)
    if not m:
        raise InputError(f"{name}: front matter opened with '---' but never closed")
    try:
        meta = yaml.load(m.group(1) or "", Loader=_YAML_LOADER) or {}
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        line = f" (line {where.line + 2})" if where is not None else ""
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise InputError(f"{name}: malformed front matter{line}: {problem}") from None
    if not isinstance(meta, dict):
        raise InputError(f"{name}: front matter must be key: value pairs, got {type(meta).__name__}")
    clean: dict[str, object] = {}
    for key, value in meta.items():
        if not isinstance(key, str):
            raise InputError(f"{name}: front matter key {key!r} is not a string")
        if isinstance(value, (_dt.date, _dt.datetime)):
            value = value.isoformat()
        if key in METADATA_FIELDS and value is not None and not isinstance(value, (str, int, float)):
            raise InputError(f"{name}: front matter '{key}' must be a single value, got {type(value).__name__}")
        clean[key] = str(value) if key in METADATA_FIELDS and value is not None else value
    return clean, text[m.end() :]


def byline_author(paragraphs: tuple[Paragraph, ...]) -> str | None:
    """The name on the first byline paragraph that is a bare name ("By Jane Doe" -> "Jane Doe"), else None."""
    for p in paragraphs:
        if p.role == "byline" and is_name_line(p.text.strip()):
            return re.sub(r"^By\s+", "", p.text.strip())
    return None


def slugify(s: str, max_len: int = 60) -> str:
    """Lower-case ASCII slug: ``"Could Russia Lose Belarus?"`` -> ``"could-russia-lose-belarus"``."""
    s = re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")
    return s[:max_len].rstrip("-") or "article"


def is_markdown_name(name: str | os.PathLike[str] | None) -> bool:
    """Whether a file of this name is read as Markdown (``.md``, ``.markdown``; any case)."""
    from analysis.sources.markdown import MARKDOWN_SUFFIXES

    return name is not None and Path(name).suffix.lower() in MARKDOWN_SUFFIXES


def article_from_text(text: str, *, name: str = "<text>", markdown: bool | None = None, **metadata: object) -> Article:
    """Build an :class:`Article` from text (front matter allowed) plus metadata.

    Keyword metadata (``title``, ``author``, ``outlet``, ``date``, ``url``, ``kind``,
    ``article_id``, ``source_path``, anything else goes to ``extra``) overrides front
    matter. Raises :class:`InputError` for empty text or malformed front matter.
    The article's ``language`` is detected from the body unless given. A leading
    byte-order mark (U+FEFF, as ``str.read_text()`` leaves it) is dropped, as
    :func:`read_text` drops it: offsets count from the first real character.

    ``markdown``: parse the body as Markdown (see :mod:`analysis.sources.markdown`);
    ``None`` (the default) decides by the ``source_path`` (else ``name``) suffix:
    ``.md`` and ``.markdown`` are Markdown. The Article's ``text`` is then the
    clean text, ``extra["markup"]`` is ``"markdown"`` and ``extra["source_offsets"]``
    maps it back to the body of the file. ``sha256`` is always the digest of the
    body as written (after front matter, ``\\n`` line endings): for plain text that
    is ``text``; for Markdown it is the source the clean text came from, so it
    matches the digest the article store records for the file.
    """
    fm, body = split_front_matter(text, name=name)
    meta = {**fm, **{k: v for k, v in metadata.items() if v is not None}}
    if markdown is None:
        markdown = is_markdown_name(_opt_str(meta.get("source_path")) or name)
    # The digest identifies the input: the body as the file holds it (so the store's
    # recorded sha256 and the corpus cache's key agree with it), for Markdown too.
    sha = hashlib.sha256(body.encode("utf-8")).hexdigest()
    blocks: tuple[object, ...] = ()
    if markdown:
        from analysis.sources.markdown import to_text

        parsed = to_text(body)
        body, blocks = parsed.text, parsed.blocks
        meta["markup"] = "markdown"
        meta["source_offsets"] = [list(run) for run in parsed.source_offsets]
    if not body.strip():
        raise InputError(f"{name}: no article text (empty or whitespace only)")
    title = _opt_str(meta.pop("title", None))
    author = _opt_str(meta.pop("author", None))
    paragraphs = segment(body, title=title, author=author)
    if markdown:
        paragraphs = _markdown_roles(paragraphs, blocks)
    if title is None and paragraphs and paragraphs[0].role == "headline":
        title = paragraphs[0].text.strip()
    if title is None:
        title = next((p.text.strip() for p in paragraphs if p.role == "headline"), None)
    if author is None:
        author = byline_author(paragraphs)
    source_path = _opt_str(meta.pop("source_path", None))
    article_id = _opt_str(meta.pop("article_id", None) or meta.pop("id", None))
    if not article_id:
        article_id = slugify(Path(source_path).stem) if source_path else (slugify(title) if title else sha[:12])
    language = _normalise_language(meta.pop("language", None)) or detect_language(
        "\n\n".join(p.text for p in paragraphs if p.role == "body") or body
    )
    meta.pop("sha256", None)  # recomputed; a stored value is only informative
    return Article(
        text=body,
        paragraphs=paragraphs,
        article_id=article_id,
        sha256=sha,
        title=title,
        author=author,
        outlet=_opt_str(meta.pop("outlet", None)),
        date=_opt_str(meta.pop("date", None)),
        url=_opt_str(meta.pop("url", None)),
        kind=_opt_str(meta.pop("kind", None)),
        language=language,
        source_path=source_path,
        extra=meta,
    )


def _markdown_roles(paragraphs: tuple[Paragraph, ...], blocks: tuple[object, ...]) -> tuple[Paragraph, ...]:
    """Roles the Markdown structure tells: ``#`` headline, other headings ``subheading``, leading items ``summary``.

    The first level-1 heading is the headline (a paragraph the plain-text rules
    took for one is then body); every other heading is a ``subheading``, except a
    first-paragraph heading the plain-text rules already made the headline in a
    document without a level-1 heading. List items before the first body
    paragraph are the summary (a Markdown bullet lede).
    """
    from dataclasses import replace

    from analysis.sources.markdown import Block

    kinds = {b.start: b for b in blocks if isinstance(b, Block)}

    def block(p: Paragraph) -> Block | None:
        return kinds.get(p.start)

    first_h1 = next((p.index for p in paragraphs if (b := block(p)) and b.kind == "heading" and b.level == 1), None)
    out: list[Paragraph] = []
    seen_body = False
    for p in paragraphs:
        b, role = block(p), p.role
        if b is not None and b.kind == "heading":
            if p.index == first_h1:
                role = "headline"
            elif not (first_h1 is None and role == "headline"):
                role = "subheading"
        elif role == "headline" and first_h1 is not None:
            role = "body"
        elif b is not None and b.kind == "item" and role == "body" and not seen_body:
            role = "summary"
        seen_body = seen_body or role == "body"
        out.append(p if role == p.role else replace(p, role=role))
    return tuple(out)


def load_article(path: str | Path, max_bytes: int = MAX_BYTES, **metadata: object) -> Article:
    """Read ``path`` into an :class:`Article`.

    Args:
        path: a ``.txt`` (plain text) or ``.md``/``.markdown`` (Markdown) file, optionally
            with YAML front matter; a sidecar ``<stem>.meta.yaml`` beside it supplies
            metadata too (it overrides the front matter).
        max_bytes: larger files are refused.
        **metadata: title, author, outlet, date, url, kind, article_id, ... (override both).

    Returns:
        The article, segmented, its language detected.

    Raises:
        InputError: the file is missing, unreadable, too large, binary or empty, or its
            front matter or sidecar is malformed (one line, naming the file).
    """
    p = Path(path)
    text = read_text(p, max_bytes=max_bytes)
    metadata.setdefault("source_path", str(p))
    for key, value in sidecar_metadata(p).items():  # front matter < sidecar < keyword arguments
        metadata.setdefault(key, value)
    return article_from_text(text, name=str(p), **metadata)


def sidecar_metadata(path: str | Path) -> dict[str, object]:
    """Metadata recorded beside an article file in ``<stem>.meta.yaml`` (``.meta.yml``), e.g. the seed's.

    Only title, author, outlet, date, kind, event and url are taken; ``{}`` when there is none.
    Raises :class:`InputError` for a sidecar that is not YAML key: value pairs.
    """
    from analysis.sources.ingest import sidecar_meta

    return {k: v for k, v in sidecar_meta(path).items() if v not in (None, "")}


def _normalise_language(v: object) -> str | None:
    """``"en"``, ``"en-GB"``, ``"English"`` -> ``"en"``; other values lower-cased."""
    s = _opt_str(v)
    if s is None:
        return None
    s = s.lower()
    return "en" if s == "english" or re.match(r"en(?:[-_]|$)", s) else s


def _opt_str(v: object) -> str | None:
    if v is None:
        return None
    s = str(v).strip()
    return s or None
