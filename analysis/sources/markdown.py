"""Markdown articles read as the prose they show, not as the markup they are written in.

A ``.md``/``.markdown`` file is parsed with markdown-it-py (CommonMark, a
maintained parser) and turned into *clean text*: one block per paragraph,
heading, list item or quoted paragraph, blocks separated by a blank line, each
block the text a reader sees:

* a link keeps its text and loses its address (``[could fail](https://...)`` ->
  ``could fail``); an autolink keeps the address, which is its text;
* emphasis (``*``, ``_``, ``**``), heading (``#``), quote (``>``) and list
  (``-``, ``*``, ``1.``) markers, backslash escapes and entities are gone;
* images, raw HTML, code blocks and thematic breaks (``* * *``, ``---``) are
  dropped: they are not prose;
* line breaks inside a paragraph are kept as ``\\n``.

**Offsets.** The clean text is what is analysed: it is the Article's ``text``
(its ``sha256`` stays the digest of the Markdown source, which identifies the
file as the article store records it), every paragraph and sentence offset indexes
into it, and highlighting renders it, so a highlighted cue is exactly the
analysed text. The original file is still named by ``source_path``. For going
back to the file, :attr:`MarkdownText.source_offsets` (stored by the loader as
``Article.extra["source_offsets"]``) lists runs ``(clean_start, source_start,
length)``: ``clean[c:c+n] == body[s:s+n]`` for each run, where ``body`` is the
file's text after front matter with ``\\n`` line endings. A character of the
clean text inside no run (a decoded entity or escape, a joined line break) has
no exact source position.

**Blocks.** :attr:`MarkdownText.blocks` gives each block's ``(start, kind,
level)``: kind ``"heading"`` (level 1-6), ``"item"`` (a list item's paragraph),
``"quote"`` or ``"paragraph"``. The loader gives a level-1 heading the
``headline`` role and lower headings ``subheading``; list items before the first
body paragraph are the ``summary``, as bullet items are in plain text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

#: File name endings read as Markdown; anything else (``.txt``) is plain text.
MARKDOWN_SUFFIXES = (".md", ".markdown")


@dataclass(frozen=True)
class Block:
    """One block of clean text: where it starts in the clean text, what it was, and a heading's level."""

    start: int
    kind: str
    level: int = 0


@dataclass(frozen=True)
class MarkdownText:
    """Clean text of a Markdown document, its blocks, and the runs mapping it back to the source."""

    text: str
    blocks: tuple[Block, ...] = ()
    source_offsets: tuple[tuple[int, int, int], ...] = field(default=(), repr=False)


@cache
def _parser() -> Any:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("strikethrough")


def _line_starts(source: str) -> list[int]:
    starts = [0]
    for i, ch in enumerate(source):
        if ch == "\n":
            starts.append(i + 1)
    return starts


def to_text(source: str) -> MarkdownText:
    """Parse ``source`` (Markdown with ``\\n`` line endings, no front matter) into :class:`MarkdownText`."""
    tokens = _parser().parse(source)
    starts = _line_starts(source)
    pieces: list[str] = []
    blocks: list[Block] = []
    runs: list[tuple[int, int, int]] = []
    length = 0
    stack: list[str] = []  # open container tokens: list_item, blockquote
    heading_level = 0
    for tok in tokens:
        if tok.type in ("list_item_open", "blockquote_open"):
            stack.append(tok.type)
        elif tok.type in ("list_item_close", "blockquote_close"):
            if stack:
                stack.pop()
        elif tok.type == "heading_open":
            heading_level = int(tok.tag[1:]) if tok.tag[1:].isdigit() else 1
        elif tok.type == "inline":
            if heading_level:
                kind = "heading"
            elif "list_item_open" in stack:
                kind = "item"
            elif "blockquote_open" in stack:
                kind = "quote"
            else:
                kind = "paragraph"
            cursor = starts[tok.map[0]] if tok.map else 0
            text, local_runs = _inline_text(tok.children or [], source, cursor)
            lead = len(text) - len(text.lstrip())
            text = text.strip()
            if text:
                if pieces:
                    pieces.append("\n\n")
                    length += 2
                blocks.append(Block(length, kind, heading_level))
                for c, s, n in local_runs:
                    c -= lead
                    if c < 0:  # a run starting in the stripped whitespace
                        s, n, c = s - c, n + c, 0
                    n = min(n, len(text) - c)
                    if n > 0:
                        runs.append((length + c, s, n))
                pieces.append(text)
                length += len(text)
            heading_level = 0
    return MarkdownText("".join(pieces), tuple(blocks), tuple(runs))


def _inline_text(children: list[Any], source: str, cursor: int) -> tuple[str, list[tuple[int, int, int]]]:
    """Text of an inline token's children, and runs of it found verbatim in ``source`` from ``cursor``."""
    out: list[str] = []
    runs: list[tuple[int, int, int]] = []
    pos = 0
    for child in children:
        t = child.type
        if t in ("text", "code_inline"):
            piece = child.content
        elif t in ("softbreak", "hardbreak"):
            piece = "\n"
        else:  # link/emphasis/strikethrough open and close, raw HTML, an image (alt text is not prose)
            continue
        if not piece:
            continue
        if piece != "\n":
            found = source.find(piece, cursor)
            if found >= 0:
                runs.append((pos, found, len(piece)))
                cursor = found + len(piece)
        out.append(piece)
        pos += len(piece)
    return "".join(out), runs
