"""The analysed document: every layer of one article, computed once, in order.

:func:`analyze` is the one pass over an article; everything downstream (the
paragraph, article, sentence and cue tables, the highlight page, the figures,
corpus runs, Dask and the cache) reads its layers and recomputes none::

    text -> Article -> analyze() -> AnalysedDocument -> tables (pandas) -> plots, reports, exports

Each layer is a registered component (:mod:`analysis.layers`: name, requires, assigns,
version, warm-up, JSON form by field name); :func:`analyze` runs them in dependency order.
The built-in layers, in the order they are made (each reads only the ones before it):

1. ``sentences`` (every paragraph's, in reading order) and ``counts``: words,
   syllables, polysyllables, letters, difficult words of each sentence
   (:mod:`analysis.annotate.counts`);
2. ``quotes``: quotation-mark segments (:mod:`analysis.annotate.quotes`);
3. ``attributions``: who says what, direct quotations and reported speech with
   their cue, source and resolved speaker (:mod:`analysis.annotate.attribution`);
4. ``cues``: hedges, boosters and attributions, each with its voice (``author``,
   ``quoted`` or ``reported``) and speaker (:mod:`analysis.annotate.hedging`);
5. ``predictions``: sentences where the author predicts unhedged (the author's
   own words only: quoted and reported content is not theirs);
6. ``sentiment``: VADER scores of each sentence;
7. ``voice_words``: per paragraph, words in quotations, words in reported content
   (outside quotations) and all words;
8. ``measures``: per sentence, its speculation, vagueness and perceived certainty
   (:mod:`analysis.annotate.hedging.sentence_model`, from its cues and context words), and for
   each sentence speculative or vague at the thresholds, the features that drove each of those
   measures (``uncertainty_drivers``), so a number is never a black box.

Every span is an offset into ``Article.text`` (one convention throughout).
A document round-trips through JSON (:meth:`AnalysedDocument.to_dict`,
:meth:`AnalysedDocument.from_dict`), which is what the result cache stores; its version
(:data:`DOCUMENT_VERSION`, part of the cache key) is made of the components' versions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields, replace
from typing import Any

from analysis.annotate.attribution import Attribution
from analysis.annotate.counts import Counts
from analysis.annotate.hedging import Cue
from analysis.annotate.hedging.sentence_model import DECIDED, Driver, SentenceMeasures
from analysis.annotate.quotes import Quote
from analysis.annotate.sentiment import Scores
from analysis.config import DEFAULT_CONFIG, AnalysisConfig
from analysis.errors import InputError
from analysis.layers import layers_version, pipeline
from analysis.model import METADATA_FIELDS, Article, Paragraph, Sentence

#: Attribution cues in the body from which a document with no quotation is noticed (:meth:`AnalysedDocument.notices`).
NOTICE_MIN_ATTRIBUTIONS = 2
#: Marks that may open a quotation the quotation layer does not read.
_UNREAD_MARKS = re.compile(r"(?:^|[\s(\[])'(?=\w)|[‹›「」『』‚‛]|,,|<<|>>|^[—–] ", re.MULTILINE)

#: Bump when the JSON form of the article (not of a layer) changes.
FRAME_VERSION = 5


def document_version() -> str:
    """Version of the document's JSON form (part of the cache key): the frame's and every registered
    component's ``name@version``. A component's version bump, or a component added, makes every
    older entry unreadable, so it is recomputed, never misread."""
    return f"{FRAME_VERSION}/{layers_version()}"


#: :func:`document_version` with the built-in components (components registered later are in the function's).
DOCUMENT_VERSION = document_version()


@dataclass(frozen=True)
class AnalysedDocument:
    """One article and its layers (see the module docstring); build it with :func:`analyze`.

    Attributes:
        article: the input.
        config: the settings it was analysed with.
        sentences: every sentence in reading order (``Sentence.paragraph`` says whose).
        counts: per sentence (same order), its :class:`~analysis.annotate.counts.Counts`.
        quotes: quotation segments, one per paragraph a quotation spans (spans only: the
            speaker of each is in :attr:`attributions`).
        attributions: every relation (direct and reported), in reading order.
        cues: every cue in text order, ``paragraph``/``sentence`` set, voice and speaker given.
        predictions: positions in ``sentences`` of unhedged author predictions.
        sentiment: per sentence, VADER :class:`~analysis.annotate.sentiment.Scores`.
        voice_words: per paragraph, ``(quoted words, reported words, all words)``.
        measures: per sentence, its :class:`~analysis.annotate.hedging.sentence_model.SentenceMeasures`
            (speculation 0..1, vagueness 0..1, certainty 1..6).
        uncertainty_drivers: ``{sentence position: ((measure, feature, contribution to the
            measure's logit), ...)}`` for the sentences speculative or vague at :attr:`thresholds`:
            for each such measure its strongest features.
        thresholds: the decision thresholds of speculation and vagueness used (the model's, or the
            config's ``uncertainty_threshold`` for both).
    """

    article: Article
    config: AnalysisConfig
    sentences: tuple[Sentence, ...]
    counts: tuple[Counts, ...]
    quotes: tuple[Quote, ...]
    attributions: tuple[Attribution, ...]
    cues: tuple[Cue, ...]
    predictions: tuple[int, ...]
    sentiment: tuple[Scores, ...]
    voice_words: tuple[tuple[int, int, int], ...]
    measures: tuple[SentenceMeasures, ...] = ()
    uncertainty_drivers: dict[int, tuple[Driver, ...]] = field(default_factory=dict)
    thresholds: dict[str, float] = field(default_factory=lambda: dict.fromkeys(DECIDED, 0.5))
    #: layers of components beyond the built-in ones (name -> value), also read as attributes.
    other_layers: dict[str, Any] = field(default_factory=dict)

    def __getattr__(self, name: str) -> Any:
        other = self.__dict__.get("other_layers") or {}
        if name in other:
            return other[name]
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    @classmethod
    def from_layers(cls, article: Article, config: AnalysisConfig, layers: dict[str, Any]) -> AnalysedDocument:
        """A document of ``article`` from its layers (name -> value, as the components assigned them)."""
        own = {f.name for f in fields(cls)} - {"article", "config", "other_layers"}
        return cls(
            article=article,
            config=config,
            **{k: v for k, v in layers.items() if k in own},
            other_layers={k: v for k, v in layers.items() if k not in own},
        )

    def layer(self, name: str) -> Any:
        """The layer ``name`` (a built-in attribute or another component's)."""
        return getattr(self, name)

    @property
    def uncertainty(self) -> tuple[float, ...]:
        """Per sentence, ``max(speculation, vagueness)`` (the old name's stated combination)."""
        return tuple(m.uncertainty for m in self.measures)

    def is_speculative(self, position: int) -> bool:
        """Whether the sentence at ``position`` of :attr:`sentences` is at or over the speculation threshold."""
        return self.measures[position].speculation >= self.thresholds["speculation"]

    def is_vague(self, position: int) -> bool:
        """Whether the sentence at ``position`` is at or over the vagueness threshold."""
        return self.measures[position].vagueness >= self.thresholds["vagueness"]

    def is_uncertain(self, position: int) -> bool:
        """Whether the sentence at ``position`` is speculative or vague."""
        return self.is_speculative(position) or self.is_vague(position)

    def sentence_range(self, paragraph: int) -> range:
        """Positions in :attr:`sentences` of paragraph ``paragraph``'s sentences."""
        return self._ranges[paragraph]

    @property
    def _ranges(self) -> list[range]:
        ranges = self.__dict__.get("_ranges_cache")
        if ranges is None:
            ranges, i = [], 0
            for p in self.article.paragraphs:
                ranges.append(range(i, i + len(p.sentences)))
                i += len(p.sentences)
            object.__setattr__(self, "_ranges_cache", ranges)
        return ranges

    def by_paragraph(self, layer: str) -> list[list[Any]]:
        """The items of ``layer`` (``"cues"``, ``"quotes"``, ``"attributions"``...) grouped by their
        ``paragraph`` (one list per paragraph, in order; an attribution goes with the paragraph its
        content starts in)."""
        out: list[list[Any]] = [[] for _ in self.article.paragraphs]
        for x in self.layer(layer):
            out[x.paragraph].append(x)
        return out

    def notices(self) -> tuple[str, ...]:
        """One-line notices about what the layers could not read, for the person running the analysis.

        Today one: the body has attributions ("said", "told", "critics say") and marks that may open
        quotations in a convention the quotation layer does not read (a straight single quote before a
        word, ‹ ›, 「 」, ,, << >>, a dialogue dash), but no quotation it reads: words quoted that way
        count as the author's. An unknown convention is never silent; plain reported speech is no news.
        """
        if self.quotes:
            return ()
        body = [p for p in self.article.paragraphs if p.is_body]
        if not any(_UNREAD_MARKS.search(p.text) for p in body):
            return ()
        index = {p.index for p in body}
        said = sum(c.paragraph in index and (c.category == "attribution" or c.subtype == "weasel") for c in self.cues)
        if said < NOTICE_MIN_ATTRIBUTIONS:
            return ()
        where = self.article.source_path or self.article.article_id
        return (
            f"{where}: {said} attributions but no quotation marks this tool reads "
            "(\" “ ” « » `` '' ‘ ’); words quoted in another convention are counted as the author's",
        )

    def with_identity(self, **metadata: Any) -> AnalysedDocument:
        """The same layers with the article's identity fields replaced (``article_id``, ``source_path``...)."""
        return replace(self, article=replace(self.article, **metadata))

    # ------------------------------------------------------------------ JSON form (the cache)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-able form: the article's text and metadata, spans and every layer (by field name)."""
        a = self.article
        out: dict[str, Any] = {
            "version": document_version(),
            "article": {
                **{k: v for k, v in a.metadata().items() if k != "sha256"},
                "text": a.text,
                "extra": _jsonable_extra(a.extra),
                "paragraphs": [[p.start, p.end, p.role, [[s.start, s.end] for s in p.sentences]] for p in a.paragraphs],
            },
        }
        layers = {name: self.layer(name) for c in pipeline() for name in c.assigns}
        for c in pipeline():
            out.update(c.dump(layers))
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any], config: AnalysisConfig | None = None) -> AnalysedDocument:
        """Rebuild a document from :meth:`to_dict` output.

        Raises:
            ValueError: ``data`` is not a document of this version (of every component).
            KeyError, TypeError: a layer is missing or its fields are not the class's.
        """
        import hashlib

        if data.get("version") != document_version():
            raise ValueError("not an analysed document of this version")
        a = data["article"]
        text: str = a["text"]
        paragraphs = tuple(
            Paragraph(
                i,
                s,
                e,
                text[s:e],
                role,
                tuple(Sentence(j, ss, se, text[ss:se], i) for j, (ss, se) in enumerate(sents)),
            )
            for i, (s, e, role, sents) in enumerate(a["paragraphs"])
        )
        meta = {k: a.get(k) for k in ("article_id", *METADATA_FIELDS, "source_path") if k != "language"}
        article = Article(
            text=text,
            paragraphs=paragraphs,
            sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
            language=a.get("language") or "en",
            extra=dict(a.get("extra") or {}),
            **meta,
        )
        layers: dict[str, Any] = {}
        for c in pipeline():
            layers.update(c.load(data, article))
        return cls.from_layers(article, config or DEFAULT_CONFIG, layers)


def _jsonable_extra(extra: dict[str, object]) -> dict[str, object]:
    return {k: v for k, v in extra.items() if isinstance(v, (str, int, float, bool)) or v is None}


def require_english(article: Article) -> None:
    """Raise :class:`InputError` when the article is not English (no English metrics for it).

    The message names the language: "text is in French, not English (language: fr)"; text
    without a single letter (emoji, quotation marks, numbers) has "no words to analyse".
    """
    if not article.is_english:
        from analysis.annotate.language import NO_WORDS, has_letters, language_name

        where = article.source_path or article.article_id
        name = language_name(article.language)
        if article.language == "und" and not has_letters(article.text):
            raise InputError(f"{where}: {NO_WORDS}")
        said = (
            "text is not English (no language could be told)"
            if article.language == "und"
            else f"text is in {name}, not English (language: {article.language})"
            if name != article.language
            else f"text is not English (language: {article.language})"
        )
        raise InputError(f"{where}: {said}; readability formulas and VADER are English-only, so no scores are given")


def analyze(article: Article, config: AnalysisConfig | None = None) -> AnalysedDocument:
    """Annotate ``article`` once: run every registered component (:mod:`analysis.layers`) in dependency order.

    Args:
        article: from :func:`analysis.load_article` or :func:`analysis.article_from_text`.
        config: settings (lexicon, reliability thresholds); ``None`` = the defaults.

    Returns:
        The :class:`AnalysedDocument`; every table and view is built from it.

    Raises:
        InputError: the article is not English, or the configured lexicon cannot be read.
    """
    config = config or DEFAULT_CONFIG
    require_english(article)
    layers: dict[str, Any] = {"article": article, "config": config}
    for c in pipeline():
        layers.update(c.run(article, config, layers))
    del layers["article"], layers["config"]
    return AnalysedDocument.from_layers(article, config, layers)


def article_cues(article: Article, config: AnalysisConfig | None = None) -> list[list[Cue]]:
    """Cues of every paragraph of ``article`` with their voice (one list per paragraph).

    Offsets index into ``article.text`` (``article.text[c.start:c.end] == c.text``).
    Prefer ``analyze(article).cues`` when other layers are needed too.
    """
    return analyze(article, config).by_paragraph("cues")
