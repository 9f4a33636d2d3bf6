"""Layer 1: the sentences of every paragraph, in reading order, and their counts.

``sentences`` come with the article (its segmentation); ``counts`` are the words,
syllables, polysyllables, letters and difficult words of each sentence
(:mod:`analysis.annotate.counts`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from analysis.annotate.counts import Counts, count
from analysis.config import AnalysisConfig
from analysis.layers.base import component, derived, records
from analysis.model import Article, Sentence


def article_sentences(article: Article) -> tuple[Sentence, ...]:
    """Every sentence of ``article``, in reading order."""
    return tuple(s for p in article.paragraphs for s in p.sentences)


def warm(config: AnalysisConfig) -> None:
    """Load the CMU pronouncing dictionary, Pyphen and textstat's easy-word list."""
    import textstat

    from analysis.annotate._cmudict import ensure_cmudict

    ensure_cmudict()
    textstat.syllable_count("warm")
    count("warm")


@component(
    "segmentation",
    assigns=("sentences", "counts"),
    requires=("article",),
    version=1,
    codecs={
        "sentences": derived(article_sentences),
        "counts": records(Counts, dump={"difficult": sorted}, load={"difficult": frozenset}),
    },
    warm=warm,
    uses=("analysis.annotate.counts:count",),
)
def segmentation(article: Article, config: AnalysisConfig, layers: Mapping[str, Any]) -> dict[str, Any]:
    """Sentences of the article and the counts of each."""
    sentences = article_sentences(article)
    return {"sentences": sentences, "counts": tuple(count(s.text) for s in sentences)}
