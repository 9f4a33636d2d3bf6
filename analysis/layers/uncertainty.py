"""Layer 8: per sentence, its speculation, vagueness and perceived certainty, and what drove them.

From :mod:`analysis.annotate.hedging.sentence_model` (its cues, re-based to the sentence, and
context words). For each sentence speculative or vague at the thresholds, the features that
drove each of those measures are kept (``uncertainty_drivers``), so a number is never a black box.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping
from typing import Any

from analysis.annotate.hedging import Cue
from analysis.annotate.hedging.sentence_model import DECIDED, SentenceMeasures
from analysis.config import AnalysisConfig
from analysis.layers.base import component, plain, records
from analysis.model import Article

#: Drivers kept per measure of a speculative or vague sentence.
DRIVERS = 3


def warm(config: AnalysisConfig) -> None:
    """Load the uncertainty model's weights."""
    from analysis.annotate.hedging.sentence_model import load_model

    load_model()


def _drivers_load(data: Mapping[str, Any]) -> dict[int, tuple[tuple[str, str, float], ...]]:
    return {int(k): tuple((str(m), str(f), float(c)) for m, f, c in v) for k, v in data.items()}


def _drivers_dump(value: Mapping[int, Any]) -> dict[str, Any]:
    return {str(k): [list(x) for x in v] for k, v in value.items()}


@component(
    "uncertainty",
    assigns=("measures", "uncertainty_drivers", "thresholds"),
    requires=("sentences", "cues"),
    version=1,
    codecs={
        "measures": records(SentenceMeasures, load=dict.fromkeys(("speculation", "vagueness", "certainty"), float)),
        "uncertainty_drivers": plain(load=_drivers_load, dump=_drivers_dump),
        "thresholds": plain(load=lambda d: {k: float(v) for k, v in d.items()}, dump=dict),
    },
    warm=warm,
    uses=("analysis.annotate.hedging.sentence_model:score_and_explain",),
)
def uncertainty(article: Article, config: AnalysisConfig, layers: Mapping[str, Any]) -> dict[str, Any]:
    """The measures of every sentence, the drivers of the speculative or vague ones, and the thresholds used."""
    from analysis.annotate.hedging.sentence_model import load_model, score_and_explain

    sentences = layers["sentences"]
    per_sentence: list[list[Cue]] = [[] for _ in sentences]
    starts = [s.start for s in sentences]
    for c in layers["cues"]:
        i = bisect_right(starts, c.start) - 1
        if i >= 0 and c.start < sentences[i].end:
            s = sentences[i].start
            per_sentence[i].append(Cue(c.start - s, c.end - s, c.text, c.category, c.subtype))
    u = config.uncertainty_threshold
    thresholds = dict(load_model().thresholds) if u is None else dict.fromkeys(DECIDED, float(u))
    scores, drivers = score_and_explain([s.text for s in sentences], per_sentence, thresholds, DRIVERS)
    return {"measures": tuple(scores), "uncertainty_drivers": drivers, "thresholds": thresholds}
