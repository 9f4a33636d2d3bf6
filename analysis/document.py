"""The analysed document: every layer of one article, computed once, in order.

:func:`analyze` is the one pass over an article; everything downstream (the
paragraph, article, sentence and cue tables, the highlight page, the figures,
corpus runs, Dask and the cache) reads its layers and recomputes none::

    text -> Article -> analyze() -> AnalysedDocument -> tables (pandas) -> plots, reports, exports

Layers, in the order they are made (each reads only the ones before it):

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
:meth:`AnalysedDocument.from_dict`), which is what the result cache stores.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import astuple, dataclass, field, replace
from typing import Any

from analysis.annotate import counts as counting
from analysis.annotate.attribution import Attribution, SpanIndex, find_attributions, relation_index, voice_of
from analysis.annotate.counts import Counts
from analysis.annotate.hedging import Cue, find_cues
from analysis.annotate.hedging.predictions import unhedged_predictions
from analysis.annotate.hedging.sentence_model import DECIDED, Driver, SentenceMeasures
from analysis.annotate.quotes import Quote, find_quotes, quoted_words
from analysis.annotate.sentiment import Scores, sentence_scores
from analysis.config import DEFAULT_CONFIG, AnalysisConfig
from analysis.errors import InputError
from analysis.model import Article, Paragraph, Sentence

#: Attribution cues in the body from which a document with no quotation is noticed (:meth:`AnalysedDocument.notices`).
NOTICE_MIN_ATTRIBUTIONS = 2
#: Marks that may open a quotation the quotation layer does not read.
_UNREAD_MARKS = re.compile(r"(?:^|[\s(\[])'(?=\w)|[‹›「」『』‚‛]|,,|<<|>>|^[—–] ", re.MULTILINE)

#: Bump when the layers or their JSON form change (part of the cache key).
DOCUMENT_VERSION = 4


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

    def paragraph_cues(self) -> list[list[Cue]]:
        """:attr:`cues` grouped by paragraph (one list per paragraph, article offsets)."""
        out: list[list[Cue]] = [[] for _ in self.article.paragraphs]
        for c in self.cues:
            out[c.paragraph].append(c)
        return out

    def paragraph_quotes(self) -> list[list[Quote]]:
        """:attr:`quotes` grouped by paragraph."""
        out: list[list[Quote]] = [[] for _ in self.article.paragraphs]
        for q in self.quotes:
            out[q.paragraph].append(q)
        return out

    def paragraph_attributions(self) -> list[list[Attribution]]:
        """:attr:`attributions` grouped by the paragraph their content starts in."""
        out: list[list[Attribution]] = [[] for _ in self.article.paragraphs]
        for r in self.attributions:
            out[r.paragraph].append(r)
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
        """Plain JSON-able form: the article's text and metadata, spans and every layer."""
        a = self.article
        return {
            "version": DOCUMENT_VERSION,
            "article": {
                **{k: v for k, v in a.metadata().items() if k != "sha256"},
                "text": a.text,
                "extra": _jsonable_extra(a.extra),
                "paragraphs": [
                    [p.start, p.end, p.role, [[s.start, s.end] for s in p.sentences]] for p in a.paragraphs
                ],
            },
            "counts": [
                [c.n_words, c.n_syllables, c.n_polysyllabic, sorted(c.difficult), c.n_fog_hard, c.n_dale_chall_hard,
                 c.n_letters, c.n_chars, c.n_tokens]
                for c in self.counts
            ],
            "quotes": [[q.start, q.end, q.paragraph, q.group, q.speaker] for q in self.quotes],
            "attributions": [list(astuple(r)) for r in self.attributions],
            "cues": [
                [c.start, c.end, c.category, c.subtype, c.voice, c.speaker, c.paragraph, c.sentence] for c in self.cues
            ],
            "predictions": list(self.predictions),
            "sentiment": [list(s) for s in self.sentiment],
            "voice_words": [list(v) for v in self.voice_words],
            "measures": [[m.speculation, m.vagueness, m.certainty] for m in self.measures],
            "uncertainty_drivers": {str(k): [list(x) for x in v] for k, v in self.uncertainty_drivers.items()},
            "thresholds": dict(self.thresholds),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any], config: AnalysisConfig | None = None) -> AnalysedDocument:
        """Rebuild a document from :meth:`to_dict` output.

        Raises:
            ValueError: ``data`` is not a document of this version.
        """
        import hashlib

        if data.get("version") != DOCUMENT_VERSION:
            raise ValueError("not an analysed document of this version")
        a = data["article"]
        text: str = a["text"]
        paragraphs = tuple(
            Paragraph(
                i, s, e, text[s:e], role,
                tuple(Sentence(j, ss, se, text[ss:se], i) for j, (ss, se) in enumerate(sents)),
            )
            for i, (s, e, role, sents) in enumerate(a["paragraphs"])
        )
        meta = {k: a.get(k) for k in ("article_id", "title", "author", "outlet", "date", "url", "kind", "source_path")}
        article = Article(
            text=text, paragraphs=paragraphs, sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
            language=a.get("language") or "en", extra=dict(a.get("extra") or {}), **meta,
        )
        sentences = tuple(s for p in paragraphs for s in p.sentences)
        return cls(
            article=article,
            config=config or DEFAULT_CONFIG,
            sentences=sentences,
            counts=tuple(Counts(c[0], c[1], c[2], frozenset(c[3]), *c[4:]) for c in data["counts"]),
            quotes=tuple(Quote(*q) for q in data["quotes"]),
            attributions=tuple(Attribution(*r) for r in data["attributions"]),
            cues=tuple(
                Cue(s, e, text[s:e], cat, sub, voice, speaker, para, sent)
                for s, e, cat, sub, voice, speaker, para, sent in data["cues"]
            ),
            predictions=tuple(data["predictions"]),
            sentiment=tuple(Scores(*s) for s in data["sentiment"]),
            voice_words=tuple((int(q_), int(r_), int(w_)) for q_, r_, w_ in data["voice_words"]),
            measures=tuple(SentenceMeasures(float(s), float(v), float(c)) for s, v, c in data["measures"]),
            uncertainty_drivers={
                int(k): tuple((str(m), str(f), float(c)) for m, f, c in v)
                for k, v in data["uncertainty_drivers"].items()
            },
            thresholds={k: float(v) for k, v in data["thresholds"].items()},
        )


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
        raise InputError(
            f"{where}: {said}; readability formulas and VADER are English-only, so no scores are given"
        )


def analyze(article: Article, config: AnalysisConfig | None = None) -> AnalysedDocument:
    """Annotate ``article`` once: sentences and counts, quotations, cues with voice, predictions, sentiment.

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
    lexicon = config.hedge_lexicon
    paragraphs = article.paragraphs
    sentences = tuple(s for p in paragraphs for s in p.sentences)
    counts = tuple(counting.count(s.text) for s in sentences)
    spans = [(p.start, p.end) for p in paragraphs]
    quotes = tuple(find_quotes(article.text, spans, speakers=False))  # speakers: the attribution layer's
    relations = tuple(
        find_attributions(article.text, spans, [[(s.start, s.end) for s in p.sentences] for p in paragraphs], quotes)
    )
    by_paragraph: list[list[Attribution]] = [[] for _ in paragraphs]
    for r in relations:  # a relation belongs to every paragraph its content overlaps
        for i in range(r.paragraph, len(paragraphs)):
            if paragraphs[i].start >= r.end:
                break
            by_paragraph[i].append(r)
    index = relation_index(relations)
    cues: list[Cue] = []
    predictions: list[int] = []
    voice_words: list[tuple[int, int, int]] = []
    first = 0
    for p, inside in zip(paragraphs, by_paragraph, strict=True):
        starts = [s.start for s in p.sentences]
        pcues = [_place(c, p, index if inside else None, starts) for c in find_cues(p.text, lexicon)]
        cues.extend(pcues)
        author_text = _blanked(p.text, p.start, inside) if inside else p.text  # only the author's words predict
        sentence_spans = [(s.start, s.end) for s in p.sentences]
        predictions.extend(first + i for i in unhedged_predictions(author_text, sentence_spans, pcues, p.start))
        if inside:
            direct = [r for r in inside if r.kind == "direct"]
            n_quoted, n_words = quoted_words(p.text, p.start, direct)
            n_either = quoted_words(p.text, p.start, inside)[0] if len(direct) < len(inside) else n_quoted
        else:  # nobody's words here (most paragraphs): count the words once
            n_quoted = n_either = 0
            n_words = quoted_words(p.text, p.start, ())[1]
        voice_words.append((n_quoted, n_either - n_quoted, n_words))
        first += len(p.sentences)
    scores, drivers, thresholds = _measures(sentences, cues, config)
    return AnalysedDocument(
        article=article,
        config=config,
        sentences=sentences,
        counts=counts,
        quotes=quotes,
        attributions=relations,
        cues=tuple(cues),
        predictions=tuple(predictions),
        sentiment=tuple(sentence_scores([s.text for s in sentences])),
        voice_words=tuple(voice_words),
        measures=scores,
        uncertainty_drivers=drivers,
        thresholds=thresholds,
    )


#: Drivers kept per measure of a speculative or vague sentence.
DRIVERS = 3


def _measures(
    sentences: Sequence[Sentence], cues: Sequence[Cue], config: AnalysisConfig
) -> tuple[tuple[SentenceMeasures, ...], dict[int, tuple[Driver, ...]], dict[str, float]]:
    """The measures of every sentence (its cues re-based to it), the drivers of the speculative or vague ones,
    and the thresholds used."""
    from analysis.annotate.hedging.sentence_model import load_model, score_and_explain

    per_sentence: list[list[Cue]] = [[] for _ in sentences]
    starts = [s.start for s in sentences]
    for c in cues:
        i = bisect_right(starts, c.start) - 1
        if i >= 0 and c.start < sentences[i].end:
            s = sentences[i].start
            per_sentence[i].append(Cue(c.start - s, c.end - s, c.text, c.category, c.subtype))
    u = config.uncertainty_threshold
    thresholds = dict(load_model().thresholds) if u is None else dict.fromkeys(DECIDED, float(u))
    scores, drivers = score_and_explain([s.text for s in sentences], per_sentence, thresholds, DRIVERS)
    return tuple(scores), drivers, thresholds


def _blanked(text: str, start: int, relations: Sequence[Attribution]) -> str:
    """``text`` (at ``start`` in the article) with the content of ``relations`` blanked out, offsets kept."""
    chars = list(text)
    for r in relations:
        a, b = max(r.start - start, 0), min(r.end - start, len(text))
        if a < b:
            chars[a:b] = " " * (b - a)
    return "".join(chars)


def _place(c: Cue, p: Paragraph, relations: SpanIndex | None, sentence_starts: list[int]) -> Cue:
    """Cue ``c`` found in ``p.text``: article offsets, paragraph, sentence, voice and speaker."""
    a, b = p.start + c.start, p.start + c.end
    sentence = max(bisect_right(sentence_starts, a) - 1, 0) if sentence_starts else -1
    voice, speaker = voice_of(a, b, relations) if relations is not None else ("author", "")
    return Cue(a, b, c.text, c.category, c.subtype, voice, speaker, p.index, sentence)


def article_cues(article: Article, config: AnalysisConfig | None = None) -> list[list[Cue]]:
    """Cues of every paragraph of ``article`` with their voice (one list per paragraph).

    Offsets index into ``article.text`` (``article.text[c.start:c.end] == c.text``).
    Prefer ``analyze(article).cues`` when other layers are needed too.
    """
    return analyze(article, config).paragraph_cues()
