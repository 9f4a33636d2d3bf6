"""Plain data classes for an analysed article.

Data flows one way: text -> :class:`Article` (paragraphs, sentences, roles) ->
:class:`analysis.AnalysedDocument` (layers computed once, :func:`analysis.analyze`) ->
tables (pandas, :mod:`analysis.tables`) -> plots, reports, exports.

All offsets are Python ``str`` indices (code points), half-open ``[start, end)``, and
all index into :attr:`Article.text` (paragraphs, sentences, quotations, attributions,
cues): ``article.text[x.start:x.end] == x.text`` for every one of them.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass, field, fields

#: Paragraph roles, in the order they usually appear in a web article.
ROLES: tuple[str, ...] = ("headline", "summary", "subheading", "body", "byline", "boilerplate")


@dataclass(frozen=True)
class Sentence:
    """One sentence; ``start``/``end`` index into :attr:`Article.text`.

    ``index`` counts sentences within the paragraph (from 0); ``paragraph`` is the
    paragraph's index (-1 for a sentence split from loose text).
    """

    index: int
    start: int
    end: int
    text: str
    paragraph: int = -1


@dataclass(frozen=True)
class Paragraph:
    """One paragraph (a block between blank lines, or one bullet item).

    ``start``/``end`` index into :attr:`Article.text`; ``role`` is one of :data:`ROLES`.
    """

    index: int
    start: int
    end: int
    text: str
    role: str
    sentences: tuple[Sentence, ...] = ()

    @property
    def is_body(self) -> bool:
        return self.role == "body"


@dataclass(frozen=True)
class Article:
    """An article: metadata plus ordered paragraphs.

    ``text`` is the article text after front matter was removed and line endings
    were normalised to ``\\n``; ``sha256`` is the hex digest of ``text`` encoded as
    UTF-8. ``language`` is ``"en"`` when the text reads as English, otherwise the
    detected script or ``"und"``; non-English articles get no English metrics.
    """

    text: str
    paragraphs: tuple[Paragraph, ...]
    article_id: str
    sha256: str
    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    date: str | None = None
    url: str | None = None
    kind: str | None = None
    language: str = "en"
    source_path: str | None = None
    extra: dict[str, object] = field(default_factory=dict, compare=False)

    @property
    def body(self) -> tuple[Paragraph, ...]:
        """Paragraphs whose role is ``body``."""
        return tuple(p for p in self.paragraphs if p.is_body)

    @property
    def body_text(self) -> str:
        """Body paragraphs joined by blank lines (what article-level metrics see)."""
        return "\n\n".join(p.text for p in self.body)

    @property
    def is_english(self) -> bool:
        return self.language == "en"

    def metadata(self) -> dict[str, object]:
        """Metadata as a plain dict (no text), e.g. for front matter or tables: the id,
        :data:`METADATA_FIELDS`, where the text was read from and its digest."""
        return {
            "article_id": self.article_id,
            **{name: getattr(self, name) for name in METADATA_FIELDS},
            "source_path": self.source_path,
            "sha256": self.sha256,
        }

    def __repr__(self) -> str:
        return (
            f"Article(article_id={self.article_id!r}, title={self.title!r}, language={self.language!r}, "
            f"paragraphs={len(self.paragraphs)}, body={len(self.body)}, sha256={self.sha256[:12]!r}...)"
        )

    def _repr_html_(self) -> str:  # pragma: no cover - exercised in notebooks
        """Jupyter display: the view set with :func:`set_html_view` (see there), else :func:`text_html`."""
        return (_HTML_VIEW[0] if _HTML_VIEW else text_html)(self)


#: :class:`Article` fields that are not metadata: the text, its structure and digest, the id, where it was
#: read from, and ``extra`` (metadata without a field of its own).
NOT_METADATA = ("text", "paragraphs", "article_id", "sha256", "source_path", "extra")
#: The article's metadata fields, in :class:`Article`'s order (``title``, ``author``, ``outlet``, ``date``, ``url``,
#: ``kind``, ``language``): what front matter, a sidecar, a table row or a manifest may set, each a string or
#: ``None``. Defined once here; every reader, writer and table takes the list from this constant.
METADATA_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Article) if f.name not in NOT_METADATA)
#: Metadata without an :class:`Article` field, kept in :attr:`Article.extra` (and a column of the tables).
EXTRA_METADATA: tuple[str, ...] = ("event",)


#: The Jupyter view of an article (at most one); empty: its text only.
_HTML_VIEW: list[Callable[[Article], str]] = []


def set_html_view(view: Callable[[Article], str]) -> None:
    """Show articles in Jupyter with ``view`` (an HTML fragment of the article).

    The model knows no renderer: loading the report layer (``import analysis.report``, as the
    notebooks do) sets its highlighted view, which analyses the article when it is shown;
    without it an article shows its text only (:func:`text_html`).
    """
    _HTML_VIEW[:] = [view]


def text_html(article: Article) -> str:
    """The article's paragraphs as an HTML fragment, text only (escaped, one ``<p>`` per paragraph, role as class)."""
    paras = "".join(
        f'<p class="para role-{p.role}" id="p{p.index}">{html.escape(p.text)}</p>' for p in article.paragraphs
    )
    return f'<div class="ma-article">{paras}</div>'
