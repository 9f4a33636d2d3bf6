"""Read article files safely and turn text into an :class:`~analysis.model.Article`.

Accepted input: text files of any name (the extension is not trusted for
safety), optionally starting with YAML front matter between ``---`` lines.
``.md``/``.markdown`` files are parsed as Markdown (:mod:`analysis.sources.markdown`:
the Article's text is the prose they show, without link addresses or markup);
every other file is plain text. Decoded: UTF-8 with or without BOM, UTF-16 and
UTF-32 (LE/BE with a BOM, or without one when the pattern of NUL bytes clearly
says so); Windows-1251 and Windows-1252 only when the bytes
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
from typing import Any, BinaryIO

import yaml

from analysis.annotate.language import detect_language
from analysis.annotate.segmentation import TooManySegments, check_paragraph_count, is_name_line, segment
from analysis.errors import InputError, InputWarning
from analysis.model import EXTRA_METADATA, METADATA_FIELDS, Article, Paragraph

#: Largest accepted input, in bytes (5 MiB, about 800,000 words: far beyond any article).
MAX_BYTES = 5 * 1024 * 1024
#: Bytes of the size limit per sentence an article may have: at most ``max_bytes // 50`` sentences (and
#: paragraphs), 104,857 at the default 5 MiB. Prose has one sentence per 80-150 bytes; the limit bounds what
#: many tiny sentences or lines cost (about 3.6 KB and 0.3 ms per one-line paragraph: 1,000,000 lines of
#: "A b." are 5 MB, and would take some 3.6 GB).
BYTES_PER_SENTENCE = 50
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
#: Characters at the start of a text looked at to tell an HTML page (leading comments included).
HTML_SNIFF_CHARS = 65536
#: What starts an HTML document after its leading comments: read as text, it would be markup, not prose.
HTML_DOCUMENT_START = re.compile(r"<(?:!doctype\s+html|html[\s>])", re.IGNORECASE)
_SPACE = re.compile(r"\s*")
_CYRILLIC_1251 = re.compile(rb"[\xc0-\xff]{3,}")
_NEWLINES = re.compile(r"\r\n?")
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
    data = read_bytes_at_most(p, max_bytes, f"for one article ({SPLIT_HINT})")
    text = normalise_newlines(decode(data, name=str(p)))
    if not allow_html and starts_like_html(text):
        raise InputError(f"{p}: is an HTML page; extract its article with `media-analysis add {p}` first")
    return text


def starts_like_html(text: str, start: re.Pattern[str] = HTML_DOCUMENT_START) -> bool:
    """Whether ``text`` is an HTML document: a BOM, whitespace and ``<!-- -->`` comments, then ``start``.

    Only the first :data:`HTML_SNIFF_CHARS` characters are read, each at most twice (a
    comment's end is found with ``str.find``): linear time, unlike a regular expression
    repeating ``<!--.*?-->``, which backtracks exponentially on a run of empty comments.
    A comment still open at the end of that head is not a page start.
    """
    head = text[:HTML_SNIFF_CHARS]
    i = 1 if head.startswith("\ufeff") else 0
    while True:
        i = _SPACE.match(head, i).end()  # type: ignore[union-attr]  # \s* always matches
        if not head.startswith("<!--", i):
            return start.match(head, i) is not None
        end = head.find("-->", i + 4)
        if end < 0:
            return False
        i = end + 3


def read_bytes_at_most(path: Path, max_bytes: int, what: str = "for one article") -> bytes:
    """The bytes of the file ``path``, reading no more than ``max_bytes + 1`` of them.

    Raises :class:`InputError` when it cannot be read, or holds more than ``max_bytes``
    (``larger than the 5 MiB limit {what}``): a 3 GB file costs one extra byte of reading,
    not 3 GB of memory.
    """
    try:
        with Path(path).open("rb") as fh:
            data = _read_at_most(fh, max_bytes + 1)
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if len(data) > max_bytes:
        limit = f"{max_bytes / 1048576:.0f} MiB" if max_bytes >= 1048576 else f"{max_bytes:,} byte"
        raise InputError(f"{path}: larger than the {limit} limit {what}")
    return data


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


def _utf32_without_bom(head: bytes) -> str | None:
    """``"utf-32-le"``/``"utf-32-be"`` when two bytes of every four are NUL and the opposite one almost never is.

    A code point of the Basic Multilingual Plane (every letter of Latin, Cyrillic,
    Greek, CJK text) has a zero high half in UTF-32: bytes 2 and 3 of each unit in
    little-endian order, 0 and 1 in big-endian; the lowest byte is zero only for the
    rare code points ending in 00. UTF-16 text has NULs in every other byte instead.
    """
    units = len(head) // 4
    if units < 2:
        return None
    share = [head[i : units * 4 : 4].count(0) / units for i in range(4)]
    if share[2] >= 0.9 and share[3] >= 0.9 and share[0] <= 0.01:
        return "utf-32-le"
    if share[0] >= 0.9 and share[1] >= 0.9 and share[3] <= 0.01:
        return "utf-32-be"
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


#: Characters judged together when telling binary content from text; every window of the text is judged.
TEXT_WINDOW = 8192
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")  # not tab, newline, form feed, carriage return
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _check_text(text: str, name: str, wide: bool = False) -> str:
    """``text`` unless it is empty or holds control characters that no text file has, anywhere in it.

    The text is judged in windows of :data:`TEXT_WINDOW` characters: a NUL, or more
    control characters than 1% of a window (of the whole text when it is shorter),
    in any of them makes it binary, so binary content after the first 8 KiB of prose
    is found too. ``wide``: decoded from UTF-16/32, where binary data decodes
    "validly": private-use, unassigned or surrogate code points and byte-order marks
    in mid-text count as well.
    """
    if not text.strip():
        raise InputError(f"{name}: file is empty (no text, or only whitespace)")
    limit = 0.01 * min(len(text), TEXT_WINDOW)
    for start in range(0, len(text), TEXT_WINDOW):
        window = text[start : start + TEXT_WINDOW]
        if "\x00" in window or len(_CONTROL_CHARS.findall(window)) > limit:
            where = "" if start == 0 else f" after character {start:,}"
            raise InputError(f"{name}: binary file (control characters{where}), expected text")
        if wide and sum(1 for m in _NON_ASCII.finditer(window) if _junk(m.group())) > limit:
            raise InputError(f"{name}: binary file (not text in any encoding), expected text")
    return text


def _junk(c: str) -> bool:
    """A code point no one's text has: private use, unassigned, a surrogate, a byte-order mark in mid-text."""
    return c in "\ufeff\ufffe\uffff" or unicodedata.category(c) in ("Co", "Cn", "Cs")


def decode(data: bytes, name: str = "<text>") -> str:
    """Decode bytes as UTF-8, UTF-16 or UTF-32 (see the module docstring), or as
    Windows-1251/1252 only when that is clearly right. A byte-order mark is dropped."""
    if not data.strip():
        raise InputError(f"{name}: file is empty (no text, or only whitespace)")
    head = data[:8192]
    encoding = next((enc for bom, enc in _BOMS if data.startswith(bom)), None)
    if encoding is None and b"\x00" in head:
        for guess, unit in ((_utf32_without_bom, 4), (_utf16_without_bom, 2)):
            whole = head[: len(head) // unit * unit]
            encoding = guess(whole)
            if encoding is not None and _reads_as_text(whole, encoding):
                break
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
        decoded = _decode_or_none(data, "cp1251")  # None: a byte Windows-1251 leaves undefined (0x98)
        if decoded is not None:
            _check_text(decoded, name)
            warnings.warn(f"{name}: not UTF-8; decoded as Windows-1251 (Cyrillic)", InputWarning, stacklevel=2)
            return decoded
    # Windows-1252/Latin-1: English text with a few accented letters or smart quotes.
    if high / len(data) < 0.05:
        decoded = _decode_or_none(data, "cp1252")
        if decoded is not None:
            _check_text(decoded, name)
            warnings.warn(f"{name}: not UTF-8; decoded as Windows-1252 (Latin-1)", InputWarning, stacklevel=2)
            return decoded
    raise InputError(f"{name}: not valid UTF-8 and the encoding cannot be told; save it as UTF-8")


#: Deepest nesting of lists and mappings accepted in front matter or a metadata file.
MAX_METADATA_DEPTH = 20


class MetadataLoader(yaml.SafeLoader):
    """YAML for metadata written by hand: scalars kept as written, no aliases, bounded nesting.

    * Every scalar is the string written (``title: 12:30`` is ``"12:30"``, not 750;
      ``author: No`` is ``"No"``, not False; ``date: 010`` is ``"010"``, not 8;
      ``date: 2021-13-45`` is that string, not a crash in the timestamp constructor),
      except an empty value, ``~`` and ``null``, which are ``None``. An explicit tag
      (``!!int 5``, ``!!timestamp ...``) gives the string as well.
    * An alias (``*name``) is refused: nine nested ones expand a 482-byte file into
      gigabytes when the value is copied or printed ("billion laughs").
    * Lists and mappings nested more than :data:`MAX_METADATA_DEPTH` deep are refused
      (PyYAML composes them recursively: 2,000 levels overflowed the stack).

    Errors are :class:`yaml.YAMLError` with the problem and its position.
    """

    yaml_implicit_resolvers: dict[str, list[tuple[str, re.Pattern[str]]]] = {}

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:  # PyYAML: an int or a key node
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(
                None, None, f"aliases (*{event.anchor}) are not allowed in metadata", event.start_mark
            )
        self._depth += 1
        try:
            if self._depth > MAX_METADATA_DEPTH:
                raise yaml.composer.ComposerError(
                    None,
                    None,
                    f"lists and mappings nested over {MAX_METADATA_DEPTH} levels deep",
                    self.peek_event().start_mark,
                )
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


MetadataLoader.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]
)
for _tag in ("bool", "int", "float", "timestamp", "binary"):  # an explicit tag keeps the scalar as written
    MetadataLoader.add_constructor(  # the stubs want a method of MetadataLoader itself; this is an inherited one
        f"tag:yaml.org,2002:{_tag}",
        yaml.SafeLoader.construct_yaml_str,  # type: ignore[type-var]
    )


def load_metadata(text: str) -> object:
    """``text`` parsed by :class:`MetadataLoader` (``None`` for an empty document).

    Raises :class:`yaml.YAMLError` for malformed YAML, aliases and too deep nesting.
    """
    loader = MetadataLoader(text)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


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
        meta = load_metadata(m.group(1) or "") or {}
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
    """Lower-case slug: ``"Could Russia Lose Belarus?"`` -> ``"could-russia-lose-belarus"``.

    Accents are dropped (``"ünïcödé"`` -> ``"unicode"``, not ``"n-c-d"``); letters and
    digits of other scripts are kept (``"日本"``, ``"путин"``); every other run of
    characters is one ``-``. ``"article"`` when nothing is left; at most ``max_len``
    characters.
    """
    folded = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    s = re.sub(r"[\W_]+", "-", unicodedata.normalize("NFC", folded).lower()).strip("-")
    return s[:max_len].rstrip("-") or "article"


def is_markdown_name(name: str | os.PathLike[str] | None) -> bool:
    """Whether a file of this name is read as Markdown (``.md``, ``.markdown``; any case)."""
    from analysis.sources.markdown import MARKDOWN_SUFFIXES

    return name is not None and Path(name).suffix.lower() in MARKDOWN_SUFFIXES


def sentence_limit(max_bytes: int = MAX_BYTES) -> int:
    """The most sentences (and paragraphs) one article may have at the size limit ``max_bytes``."""
    return max(1, max_bytes // BYTES_PER_SENTENCE)


def check_length(body: str, name: str, max_sentences: int) -> None:
    """Raise :class:`InputError` when ``body`` (text after front matter) has more paragraphs than ``max_sentences``.

    Cheap (see :func:`~analysis.annotate.segmentation.check_paragraph_count`), so a corpus run
    refuses such a file before loading any dictionary; sentences are counted by
    :func:`article_from_text`.
    """
    try:
        check_paragraph_count(body, max_sentences)
    except TooManySegments as exc:
        raise InputError(f"{name}: {exc} ({SPLIT_HINT})") from None


def article_from_text(
    text: str,
    *,
    name: str = "<text>",
    markdown: bool | None = None,
    max_sentences: int | None = None,
    **metadata: object,
) -> Article:
    """Build an :class:`Article` from text (front matter allowed) plus metadata.

    Keyword metadata (``title``, ``author``, ``outlet``, ``date``, ``url``, ``kind``,
    ``article_id``, ``source_path``, anything else goes to ``extra``) overrides front
    matter. Raises :class:`InputError` for empty text or malformed front matter.
    The article's ``language`` is detected from the body unless given. A leading
    byte-order mark (U+FEFF, as ``str.read_text()`` leaves it) is dropped, as
    :func:`read_text` drops it: offsets count from the first real character.

    ``max_sentences``: more sentences or paragraphs than this are an :class:`InputError`
    (default :func:`sentence_limit` of :data:`MAX_BYTES`).

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
    try:
        paragraphs = segment(body, title=title, author=author, max_sentences=max_sentences or sentence_limit())
    except TooManySegments as exc:
        raise InputError(f"{name}: {exc} ({SPLIT_HINT})") from None
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


def load_article(path: str | Path, max_bytes: int = MAX_BYTES, **metadata: Any) -> Article:
    """Read ``path`` into an :class:`Article`.

    Args:
        path: a ``.txt`` (plain text) or ``.md``/``.markdown`` (Markdown) file, optionally
            with YAML front matter; a sidecar ``<stem>.meta.yaml`` beside it supplies
            metadata too (it overrides the front matter).
        max_bytes: larger files are refused, and so are files with more than
            :func:`sentence_limit` of it sentences or paragraphs.
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
    metadata.setdefault("max_sentences", sentence_limit(max_bytes))
    for key, value in sidecar_metadata(p).items():  # front matter < sidecar < keyword arguments
        metadata.setdefault(key, value)
    return article_from_text(text, name=str(p), **metadata)


def sidecar_metadata(path: str | Path) -> dict[str, object]:
    """Metadata recorded beside an article file in ``<stem>.meta.yaml`` (``.meta.yml``), e.g. the seed's.

    Only title, author, outlet, date, kind, event and url are taken; ``{}`` when there is none.
    Raises :class:`InputError` for a sidecar that is not YAML key: value pairs.
    """
    return {k: v for k, v in sidecar_meta(path).items() if v not in (None, "")}


def text_sha256(body: str) -> str:
    """Hex SHA-256 of ``body`` encoded as UTF-8 (the definition :class:`Article` uses)."""
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


#: Keys taken from a sidecar ``<name>.meta.yaml`` (others, like its ``sha256``, describe the file).
SIDECAR_KEYS = tuple(k for k in (*METADATA_FIELDS, *EXTRA_METADATA) if k != "language")


def sidecar_meta(path: str | Path, text: str | None = None) -> dict[str, object]:
    """Metadata recorded beside ``path`` in ``<stem>.meta.yaml`` (or ``.meta.yml``).

    Only :data:`SIDECAR_KEYS` are taken. Without a sidecar, a ``text`` identical to
    the bundled seed article (its sha256 is in the seed's sidecar) gets the seed's
    metadata, so a downloaded copy of the seed is stored as the seed. Raises
    :class:`InputError` for a sidecar that is not YAML key: value pairs.
    """
    p = Path(path)
    for suffix in (".meta.yaml", ".meta.yml"):
        sidecar = p.with_name(p.stem + suffix)
        if sidecar.is_file():
            return _read_sidecar(sidecar)
    if text is not None:
        seed = _seed_sidecar()
        if seed is not None and _sidecar_sha256(seed) == text_sha256(text):
            return _read_sidecar(seed)
    return {}


def _seed_sidecar() -> Path | None:
    from analysis import seed_path

    try:
        seed = seed_path()
    except InputError:
        return None
    sidecar = seed.with_name(seed.stem + ".meta.yaml")
    return sidecar if sidecar.is_file() else None


def _load_yaml_mapping(path: Path) -> dict[object, object]:
    try:
        data = load_metadata(read_text(path)) or {}
    except yaml.YAMLError as exc:
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise InputError(f"{path}: malformed metadata file ({problem})") from None
    if not isinstance(data, dict):
        raise InputError(f"{path}: a metadata file must be key: value pairs, got {type(data).__name__}")
    return data


def _sidecar_sha256(path: Path) -> str | None:
    try:
        value = _load_yaml_mapping(path).get("sha256")
    except InputError:
        return None
    return str(value) if value else None


def _read_sidecar(path: Path) -> dict[str, object]:
    data = _load_yaml_mapping(path)
    out: dict[str, object] = {}
    for key in SIDECAR_KEYS:
        value = data.get(key)
        if isinstance(value, (_dt.date, _dt.datetime)):
            value = value.isoformat()
        if value is None or value == "":
            continue
        if not isinstance(value, (str, int, float)):
            raise InputError(f"{path}: '{key}' must be a single value, got {type(value).__name__}")
        out[key] = str(value)
    return out


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
