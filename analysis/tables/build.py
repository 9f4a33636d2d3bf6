"""Tables of an analysed document: paragraphs, the article, sentences and cues (pandas).

Every function reads the layers of an :class:`~analysis.document.AnalysedDocument`;
none recomputes one. Paragraph and article values come from the same per-sentence
counts: a paragraph's readability is the formula on its sentences' summed counts,
the article's the formula on all body sentences' counts (not a mean of paragraphs).
Sentiment is the mean over the unit's sentences; cues are counted per unit.
Columns: :mod:`analysis.tables.dictionary`.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any

import numpy as np
import pandas as pd

from analysis.annotate.counts import total
from analysis.annotate.hedging.sentence_model import drivers_text
from analysis.document import AnalysedDocument
from analysis.model import EXTRA_METADATA
from analysis.tables import hedging, readability, sentiment
from analysis.tables.dictionary import COLUMNS, CUE_COLUMNS, METADATA, SENTENCE_COLUMNS, SOURCE_COLUMNS


def metadata(doc: AnalysedDocument) -> dict[str, str]:
    """The :data:`~analysis.tables.dictionary.METADATA` columns of ``doc``'s article ('' when unknown)."""
    a = doc.article
    values = {k: a.extra.get(k) if k in EXTRA_METADATA else getattr(a, k) for k in METADATA}
    return {k: "" if v is None else str(v) for k, v in values.items()}


def _unit(
    doc: AnalysedDocument, positions: list[int], cues: list[Any], voice_words: tuple[int, int, int]
) -> dict[str, Any]:
    """Metric columns of the sentences at ``positions`` with ``cues``."""
    c = total(doc.counts[i] for i in positions)
    row: dict[str, Any] = readability.readability(c, len(positions), doc.config)
    row.update(sentiment.aggregate([doc.sentences[i].text for i in positions], [doc.sentiment[i] for i in positions]))
    row.update(hedging.cue_counts(cues, c.n_words))
    predicted = set(doc.predictions)
    quoted, reported, words = voice_words
    row.update(hedging.voice_columns(cues, quoted, reported, words, sum(1 for i in positions if i in predicted)))
    row.update(hedging.uncertainty_columns([doc.measures[i] for i in positions], doc.thresholds))
    return row


def paragraph_rows(doc: AnalysedDocument) -> list[dict[str, Any]]:
    """One dict per paragraph (every role), keyed by :data:`~analysis.tables.dictionary.COLUMNS`."""
    return list(iter_paragraph_rows(doc))


def iter_paragraph_rows(doc: AnalysedDocument) -> Iterator[dict[str, Any]]:
    """:func:`paragraph_rows` one at a time: a writer holds a row group, not the rows of every paragraph
    (about 1.4 KB each: 140 MB for 100,000 one-line paragraphs)."""
    a = doc.article
    meta = metadata(doc)
    for p, pcues, voice_words in zip(a.paragraphs, doc.by_paragraph("cues"), doc.voice_words, strict=True):
        row: dict[str, Any] = {
            "article_id": a.article_id,
            "paragraph": p.index,
            "role": p.role,
            "start": p.start,
            "end": p.end,
        }
        row.update(_unit(doc, list(doc.sentence_range(p.index)), pcues, voice_words))
        row.update(meta)
        yield row


def article_row(doc: AnalysedDocument) -> dict[str, Any]:
    """The body-level row: formulas on all body sentences' counts, sentiment over them, cues summed.

    An article with no body paragraph gets zero counts and NaN scores.
    """
    a = doc.article
    body = [p.index for p in a.paragraphs if p.is_body]
    positions = [i for b in body for i in doc.sentence_range(b)]
    by_paragraph = doc.by_paragraph("cues")
    cues = [c for b in body for c in by_paragraph[b]]
    voice_words = (
        sum(doc.voice_words[b][0] for b in body),
        sum(doc.voice_words[b][1] for b in body),
        sum(doc.voice_words[b][2] for b in body),
    )
    row: dict[str, Any] = {
        "article_id": a.article_id,
        "paragraph": -1,
        "role": "article",
        "start": 0,
        "end": len(a.text),
    }
    row.update(_unit(doc, positions, cues, voice_words))
    row.update(metadata(doc))
    return row


def frame(rows: list[dict[str, Any]], columns: tuple[str, ...]) -> pd.DataFrame:
    """``pd.DataFrame(rows, columns=columns)``, built column-wise (a third faster, same dtypes).

    A column whose values are all Python ``int``, ``float`` or ``bool`` becomes one
    typed array; the columns whose values are all ``str`` share one string array (pandas'
    ``str`` dtype, as it infers for each), sliced; any other column is left to pandas' inference.
    """
    if not rows:
        return pd.DataFrame(rows, columns=list(columns))
    n = len(rows)
    data: dict[str, object] = {}
    text_columns: list[str] = []
    texts: list[str] = []
    for col in columns:
        values = [r[col] for r in rows]
        kind = type(values[0])
        if kind in _DTYPES and all(type(v) is kind for v in values):
            data[col] = np.array(values, dtype=_DTYPES[kind])
        elif kind is str and all(type(v) is str for v in values):
            data[col] = None  # keeps the column's place; filled below
            text_columns.append(col)
            texts.extend(values)
        else:
            data[col] = values
    if text_columns:  # one string array for all text columns (what pandas infers for each), sliced
        joined = pd.array(texts, dtype="str")
        for i, col in enumerate(text_columns):
            data[col] = joined[i * n : (i + 1) * n]
    return pd.DataFrame(data)


_DTYPES = {bool: np.bool_, int: np.int64, float: np.float64}


def paragraph_table(doc: AnalysedDocument) -> pd.DataFrame:
    """One row per paragraph (every role; filter ``role == "body"`` for body text)."""
    return frame(paragraph_rows(doc), COLUMNS)


def article_series(doc: AnalysedDocument) -> pd.Series:
    """The body-level values as a Series indexed like :data:`~analysis.tables.dictionary.COLUMNS`."""
    row = article_row(doc)
    # values in column order (a dict with index= costs five times more; the dtype is object either way)
    return pd.Series([row[c] for c in COLUMNS], index=_column_index(), name=doc.article.article_id, dtype=object)


@cache
def _column_index() -> pd.Index:
    """:data:`~analysis.tables.dictionary.COLUMNS` as an Index, made once (pandas Indexes are immutable)."""
    return pd.Index(COLUMNS)


def sentence_table(doc: AnalysedDocument) -> pd.DataFrame:
    """One row per sentence (every role): offsets into the article text, counts, VADER scores, cues."""
    return frame(sentence_rows(doc), SENTENCE_COLUMNS)


def sentence_rows(doc: AnalysedDocument) -> list[dict[str, Any]]:
    """Rows of :func:`sentence_table` as dicts."""
    a = doc.article
    meta = metadata(doc)
    predicted = set(doc.predictions)
    per_sentence: dict[tuple[int, int], list[str]] = {}
    for cue in doc.cues:
        per_sentence.setdefault((cue.paragraph, cue.sentence), []).append(cue.category)
    rows = []
    for i, (s, c, sc, m) in enumerate(zip(doc.sentences, doc.counts, doc.sentiment, doc.measures, strict=True)):
        cats = per_sentence.get((s.paragraph, s.index), [])
        speculative, vague = doc.is_speculative(i), doc.is_vague(i)
        rows.append(
            {
                "article_id": a.article_id,
                "paragraph": s.paragraph,
                "role": a.paragraphs[s.paragraph].role,
                "sentence": s.index,
                "start": s.start,
                "end": s.end,
                "n_words": c.n_words,
                "n_syllables": c.n_syllables,
                "compound": sc.compound,
                "pos": sc.pos,
                "neu": sc.neu,
                "neg": sc.neg,
                "intensity": abs(sc.compound),
                "hedges": cats.count("hedge"),
                "boosters": cats.count("booster"),
                "unhedged_prediction": i in predicted,
                "speculation": m.speculation,
                "vagueness": m.vagueness,
                "certainty": m.certainty,
                "speculative": speculative,
                "vague": vague,
                "uncertainty": m.uncertainty,
                "uncertain": speculative or vague,
                "uncertainty_drivers": _drivers(doc, i),
                "text": s.text,
                **meta,
            }
        )
    return rows


def _drivers(doc: AnalysedDocument, position: int) -> str:
    """What drove a speculative or vague sentence's measures, as text:
    ``"speculation: cueword:may +3.38, cue:hedge/modal +0.61; vagueness: vague:some +human +1.10"``."""
    return drivers_text(doc.uncertainty_drivers.get(position, ()))


def cue_table(doc: AnalysedDocument) -> pd.DataFrame:
    """One row per cue: where it is (paragraph, sentence, offsets), what it is, whose voice."""
    rows = cue_rows(doc)
    return frame(rows, CUE_COLUMNS) if rows else pd.DataFrame(columns=list(CUE_COLUMNS))


def cue_rows(doc: AnalysedDocument) -> list[dict[str, Any]]:
    """Rows of :func:`cue_table` as dicts."""
    from analysis.annotate.attribution import speaker_id

    a = doc.article
    meta = metadata(doc)
    rows = []
    for c in doc.cues:
        position = doc.sentence_range(c.paragraph)[c.sentence]
        rows.append(
            {
                "article_id": a.article_id,
                "paragraph": c.paragraph,
                "role": a.paragraphs[c.paragraph].role,
                "sentence": c.sentence,
                "start": c.start,
                "end": c.end,
                "text": c.text,
                "category": c.category,
                "subtype": c.subtype,
                "voice": c.voice,
                "speaker": c.speaker,
                "speaker_id": speaker_id(c.speaker),
                "sentence_speculation": doc.measures[position].speculation,
                "sentence_vagueness": doc.measures[position].vagueness,
                "sentence_certainty": doc.measures[position].certainty,
                "sentence_uncertainty": doc.measures[position].uncertainty,
                "uncertainty_drivers": _drivers(doc, position),
                **meta,
            }
        )
    return rows


def source_rows(doc: AnalysedDocument) -> list[dict[str, Any]]:
    """One dict per resolved source of ``doc`` (see :data:`~analysis.tables.dictionary.SOURCE_DICTIONARY`).

    Sources appear in order of their first passage; passages with no known source are
    one row with an empty ``speaker``. Words are counted as in ``quoted_share``.
    """
    from analysis.annotate.attribution import is_named, speaker_id
    from analysis.annotate.quotes import quoted_words

    a = doc.article
    meta = metadata(doc)
    rows: dict[str, dict[str, Any]] = {}
    groups: dict[str, set[int]] = {}
    for r in doc.attributions:
        row = rows.setdefault(
            r.speaker,
            {
                "article_id": a.article_id,
                "speaker": r.speaker,
                "speaker_id": speaker_id(r.speaker),
                "named": is_named(r.speaker),
                "direct": 0,
                "reported": 0,
                "words": 0,
                "hedges": 0,
                "boosters": 0,
                "first_paragraph": r.paragraph,
                **meta,
            },
        )
        if r.kind == "direct":
            seen = groups.setdefault(r.speaker, set())
            if r.group not in seen:
                seen.add(r.group)
                row["direct"] += 1
        else:
            row["reported"] += 1
        row["words"] += quoted_words(a.text[r.start : r.end], r.start, [r])[0]
    for c in doc.cues:
        if c.voice != "author" and c.category in ("hedge", "booster") and c.speaker in rows:
            rows[c.speaker][c.category + "s"] += 1
    return list(rows.values())


def source_table(doc: AnalysedDocument) -> pd.DataFrame:
    """One row per resolved source: its quotations, reported statements, words, hedges and boosters."""
    rows = source_rows(doc)
    return frame(rows, SOURCE_COLUMNS) if rows else pd.DataFrame(columns=list(SOURCE_COLUMNS))


def unify_speaker_ids(table: pd.DataFrame, column: str = "speaker_id") -> pd.DataFrame:
    """``table`` with a lone surname key mapped to the one full name of the table that ends with it.

    Within an article every mention of a person already has one canonical name; across articles one
    may say "Trump" only and another "Donald Trump". A one-word key (``trump``) becomes the multi-word
    key ending in it (``donald-trump``) when exactly one such key is in ``table``; with two (``bill-
    clinton``, ``hillary-clinton``) it stays as it is, since the surname alone cannot tell them apart.

    Args:
        table: rows with a ``column`` of keys from :func:`analysis.annotate.attribution.speaker_id`.
        column: the key column.

    Returns:
        A copy of ``table`` with ``column`` unified (other columns unchanged).
    """
    keys = {k for k in table[column].dropna().unique() if k}
    full: dict[str, set[str]] = {}
    for k in keys:
        parts = k.split("-")
        if len(parts) > 1:
            full.setdefault(parts[-1], set()).add(k)
    mapping = {k: next(iter(full[k])) for k in keys if "-" not in k and len(full.get(k, ())) == 1}
    out = table.copy()
    out[column] = out[column].map(lambda k: mapping.get(k, k))
    return out


__all__ = [
    "METADATA",
    "article_row",
    "article_series",
    "cue_rows",
    "cue_table",
    "frame",
    "metadata",
    "paragraph_rows",
    "paragraph_table",
    "sentence_rows",
    "sentence_table",
    "source_rows",
    "source_table",
    "unify_speaker_ids",
]
