"""Per-paragraph and per-article metrics as pandas objects, and the data dictionary.

:func:`paragraph_metrics` gives one row per paragraph (every role, so nothing is
hidden; filter on ``role == "body"`` for body text). :func:`article_metrics`
gives one Series per article computed on the *body* only: readability on the
whole body text (not a mean of paragraph values), sentiment as the mean of all
body sentences, cue rates per 100 body words.

:data:`DATA_DICTIONARY` defines every column once; the README table is generated
from it (``make docs``) and a test keeps the two in sync.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.annotate import hedging, sentiment
from analysis.annotate.quotes import article_quotes
from analysis.errors import InputError
from analysis.model import Article
from analysis.tables import readability

#: column -> (unit or range, definition). Order is the column order of the tables.
DATA_DICTIONARY: dict[str, tuple[str, str]] = {
    "article_id": ("text", "Identifier of the article (file stem, front-matter `id`, or title slug)."),
    "paragraph": ("int >= 0", "Paragraph index in the article, counting every role. Article rows: -1."),
    "role": ("category", "`headline`, `summary`, `body`, `byline` or `boilerplate`. Article rows: `article`."),
    "start": ("characters", "Offset of the paragraph in the article text (after front matter). Article rows: 0."),
    "end": ("characters", "End offset (exclusive) of the paragraph in the article text."),
    "n_words": ("words", "Word count (textstat `lexicon_count`, punctuation removed)."),
    "n_sentences": ("sentences", "Sentences found by the syntok segmenter."),
    "n_syllables": ("syllables", "Syllables (textstat; CMU Pronouncing Dictionary, Pyphen for unknown words)."),
    "words_per_sentence": ("words", "`n_words / n_sentences`."),
    "syllables_per_word": ("syllables", "`n_syllables / n_words`."),
    "n_polysyllabic": ("words", "Words of three or more syllables (textstat `polysyllabcount`)."),
    "n_difficult": ("words", "Words not on the Dale-Chall easy-word list (textstat `difficult_words`)."),
    "flesch_reading_ease": ("score, ~0-100", "Flesch Reading Ease; higher is easier (60-70 plain English)."),
    "flesch_kincaid_grade": ("US grade", "Flesch-Kincaid grade level."),
    "gunning_fog": ("US grade", "Gunning Fog index."),
    "smog_index": ("US grade", "SMOG grade; defined on 30-sentence samples, see `smog_reliable`."),
    "coleman_liau_index": ("US grade", "Coleman-Liau index (letters and sentences per 100 words)."),
    "automated_readability_index": ("US grade", "Automated Readability Index (characters per word)."),
    "dale_chall_readability_score": ("score, ~4.9-10", "New Dale-Chall score; 9-9.9 = college level."),
    "readability_reliable": ("bool", "True when the text has >= 100 words; shorter text makes every formula noisy."),
    "smog_reliable": ("bool", "True when the text has >= 30 sentences, the sample SMOG was defined on."),
    "sentiment_compound": ("-1..1", "Mean VADER compound score of the sentences."),
    "sentiment_pos": ("0..1", "Mean VADER positive proportion of the sentences."),
    "sentiment_neu": ("0..1", "Mean VADER neutral proportion of the sentences."),
    "sentiment_neg": ("0..1", "Mean VADER negative proportion of the sentences."),
    "sentiment_min": ("-1..1", "Compound score of the most negative sentence."),
    "sentiment_max": ("-1..1", "Compound score of the most positive sentence."),
    "most_negative_sentence": ("text", "The most negative sentence (empty when none scores below 0)."),
    "most_positive_sentence": ("text", "The most positive sentence (empty when none scores above 0)."),
    "hedges": ("count", "Hedge cues (withhold commitment: 'could', 'is expected to', 'there is a possibility')."),
    "boosters": ("count", "Booster cues (express certainty: 'it is clear that', 'in reality')."),
    "attributions": ("count", "Attribution cues (assign a claim to a source: 'according to', 'said')."),
    "hedges_per_100w": ("per 100 words", "`100 * hedges / n_words`."),
    "boosters_per_100w": ("per 100 words", "`100 * boosters / n_words`."),
    "attributions_per_100w": ("per 100 words", "`100 * attributions / n_words`."),
    "quoted_share": ("0..1", "Share of words inside quotation marks (a quote may span paragraphs)."),
    "author_hedges": ("count", "Hedge cues in the author's own words (outside quotations)."),
    "author_boosters": ("count", "Booster cues in the author's own words (outside quotations)."),
    "unhedged_predictions": (
        "count",
        "Sentences where the author predicts a third party's future ('will', 'is set to') with no hedge cue.",
    ),
}
COLUMNS: tuple[str, ...] = tuple(DATA_DICTIONARY)
#: Columns holding article text (left out of anything published from licensed corpora).
TEXT_COLUMNS: tuple[str, ...] = ("most_negative_sentence", "most_positive_sentence")


def require_english(article: Article) -> None:
    """Raise :class:`InputError` when the article is not English."""
    if not article.is_english:
        where = article.source_path or article.article_id
        raise InputError(
            f"{where}: text is not English (detected: {article.language}); "
            "readability formulas and VADER are English-only, so no scores are given"
        )


@dataclass(frozen=True)
class _Shared:
    """Per-paragraph work both tables need, done once: cues (with voice), voice rows, VADER scores."""

    cues: list[list[hedging.Cue]]
    voice: list[dict[str, float | int]]
    scores: list[list[dict[str, float]]]


def _shared(article: Article) -> _Shared:
    require_english(article)
    quotes = article_quotes(article)  # article-level: quotations may span paragraphs
    cues = hedging.article_cues(article, quotes)
    voice = hedging.voice_metrics(article, cues, quotes)
    scores = [sentiment.sentence_scores([s.text for s in p.sentences]) for p in article.paragraphs]
    return _Shared(cues, voice, scores)


def _unit_metrics(
    text: str, sentences: list[str], scores: list[dict[str, float]], cues: list[hedging.Cue]
) -> dict[str, object]:
    row: dict[str, object] = {}
    row.update(readability.readability(text, len(sentences)))
    row.update(sentiment.aggregate(sentences, scores))
    row.update(hedging.cue_counts(cues, int(row["n_words"])))
    return row


def _frame(rows: list[dict[str, object]], columns: tuple[str, ...]) -> pd.DataFrame:
    """``pd.DataFrame(rows, columns=columns)``, built column-wise (a quarter faster, same dtypes).

    A column whose values are all Python ``int``, ``float`` or ``bool`` becomes one
    typed array without per-row inference; any other column (strings, mixed types)
    is left to pandas' inference, as ``pd.DataFrame(rows)`` would do.
    """
    if not rows:
        return pd.DataFrame(rows, columns=list(columns))
    data: dict[str, object] = {}
    for col in columns:
        values = [r[col] for r in rows]
        kind = type(values[0])
        typed = kind in _DTYPES and all(type(v) is kind for v in values)
        data[col] = np.array(values, dtype=_DTYPES[kind]) if typed else values
    return pd.DataFrame(data)


_DTYPES = {bool: np.bool_, int: np.int64, float: np.float64}


def _paragraph_frame(article: Article, sh: _Shared) -> pd.DataFrame:
    rows = []
    for p, cues, voice, scores in zip(article.paragraphs, sh.cues, sh.voice, sh.scores, strict=True):
        row: dict[str, object] = {
            "article_id": article.article_id,
            "paragraph": p.index,
            "role": p.role,
            "start": p.start,
            "end": p.end,
        }
        row.update(_unit_metrics(p.text, [s.text for s in p.sentences], scores, cues))
        row.update({k: voice[k] for k in hedging.VOICE_COLUMNS})
        rows.append(row)
    return _frame(rows, COLUMNS)


def _article_row(article: Article, sh: _Shared) -> pd.Series:
    body = [i for i, p in enumerate(article.paragraphs) if p.is_body]
    sentences = [s.text for i in body for s in article.paragraphs[i].sentences]
    scores = [sc for i in body for sc in sh.scores[i]]
    cues = [c for i in body for c in sh.cues[i]]
    row: dict[str, object] = {
        "article_id": article.article_id,
        "paragraph": -1,
        "role": "article",
        "start": 0,
        "end": len(article.text),
    }
    row.update(_unit_metrics(article.body_text, sentences, scores, cues))
    row.update(hedging.body_voice_metrics(article, sh.voice))
    return pd.Series(row, index=list(COLUMNS), name=article.article_id)


def paragraph_metrics(article: Article) -> pd.DataFrame:
    """One row per paragraph (all roles), columns :data:`COLUMNS`.

    Raises :class:`InputError` for a non-English article.
    """
    return _paragraph_frame(article, _shared(article))


def article_metrics(article: Article) -> pd.Series:
    """Article-level metrics over the body paragraphs, indexed like :data:`COLUMNS`.

    Readability uses the body text (paragraphs joined by blank lines); sentiment
    is the mean over all body sentences; cues are summed over body paragraphs.
    An article with no body paragraph gets zero counts and NaN scores.
    """
    return _article_row(article, _shared(article))


def article_tables(article: Article) -> tuple[pd.DataFrame, pd.Series]:
    """``(paragraph_metrics(article), article_metrics(article))`` with the shared work done once.

    Quotations, cues and VADER sentence scores are computed once for both tables;
    use this when both are needed (batch runs, the baseline, the notebooks).
    """
    sh = _shared(article)
    return _paragraph_frame(article, sh), _article_row(article, sh)


#: Columns of :func:`sentence_metrics`.
SENTENCE_COLUMNS: tuple[str, ...] = (
    "article_id", "paragraph", "role", "sentence", "start", "end", "compound", "pos", "neu", "neg", "text",
)


def sentence_metrics(article: Article) -> pd.DataFrame:
    """One row per sentence: VADER scores and offsets (into the paragraph), every role.

    ``compound`` is in [-1, 1], ``pos``/``neu``/``neg`` in [0, 1]. Raises
    :class:`InputError` for a non-English article.
    """
    require_english(article)
    rows = []
    for p in article.paragraphs:
        scores = sentiment.sentence_scores([s.text for s in p.sentences])
        for s, sc in zip(p.sentences, scores, strict=True):
            rows.append({
                "article_id": article.article_id, "paragraph": p.index, "role": p.role, "sentence": s.index,
                "start": s.start, "end": s.end, "compound": sc["compound"], "pos": sc["pos"], "neu": sc["neu"],
                "neg": sc["neg"], "text": s.text,
            })
    return pd.DataFrame(rows, columns=list(SENTENCE_COLUMNS))


def data_dictionary_markdown() -> str:
    """The data dictionary as a Markdown table (pasted into the README)."""
    lines = ["| column | unit / range | definition |", "|---|---|---|"]
    lines += [f"| `{col}` | {unit} | {desc} |" for col, (unit, desc) in DATA_DICTIONARY.items()]
    return "\n".join(lines)


_DD_START, _DD_END = "<!-- data-dictionary:start -->", "<!-- data-dictionary:end -->"


def write_data_dictionary(readme: str | Path) -> bool:
    """Replace the table between the data-dictionary markers in ``readme``; True if changed."""
    path = Path(readme)
    text = path.read_text(encoding="utf-8")
    head, rest = text.split(_DD_START, 1)
    _, tail = rest.split(_DD_END, 1)
    new = f"{head}{_DD_START}\n{data_dictionary_markdown()}\n{_DD_END}{tail}"
    if new != text:
        path.write_text(new, encoding="utf-8")
    return new != text
