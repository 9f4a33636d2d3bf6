"""Pipeline cost: ``paragraph_metrics`` against the bare textstat and VADER calls it wraps.

    .venv/bin/python benchmarks/bench_pipeline.py [--repeats 5]

The 189 Guardian articles of ../shared/corpus/onestopenglish-adv are loaded and
segmented once (not timed). Then, in one process and alternating order, each
pass times either

* ``paragraph_metrics(article)`` for every article (readability, sentiment,
  hedging and the DataFrame), or
* the bare calls on the same paragraphs: the eleven textstat functions the
  pipeline uses (``lexicon_count``, ``syllable_count``, ``polysyllabcount``,
  ``difficult_words`` and the seven formulas) on each paragraph text, and
  VADER's ``polarity_scores`` on each of its sentences.

textstat memoises its counts per text (``functools.lru_cache``); those caches are
cleared before every pass so no pass profits from an earlier one (the CMU and
Pyphen dictionaries stay loaded, as in any long run). Target: pipeline <= 1.3x bare.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys

from _common import corpus_paths, machine, table, timed

READABILITY_FUNCTIONS = (
    "lexicon_count",
    "syllable_count",
    "polysyllabcount",
    "difficult_words",
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau_index",
    "automated_readability_index",
    "dale_chall_readability_score",
)


def clear_textstat_text_caches() -> int:
    """Clear textstat's per-text lru caches (not the dictionary loaders in ``backend.utils``)."""
    n = 0
    for name, module in list(sys.modules.items()):
        if module is None or not name.startswith("textstat.backend") or ".utils" in name:
            continue
        for obj in vars(module).values():
            # Only caches defined here: modules also import ``get_cmudict`` & co. from ``utils``.
            if callable(getattr(obj, "cache_clear", None)) and getattr(obj, "__module__", None) == name:
                obj.cache_clear()
                n += 1
    return n


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=5, help="timed passes of each kind (default 5)")
    args = parser.parse_args()
    print(machine())

    import textstat

    from analysis import load_article, paragraph_metrics
    from analysis.batch import _warm
    from analysis.sentiment import analyzer

    paths = corpus_paths()
    articles = [load_article(p) for p in paths]
    _warm()
    sia = analyzer()
    fns = [getattr(textstat, f) for f in READABILITY_FUNCTIONS]
    units = [(p.text, [s.text for s in p.sentences]) for a in articles for p in a.paragraphs]
    n_par = len(units)
    n_sent = sum(len(s) for _, s in units)

    def bare() -> None:
        for text, sentences in units:
            for fn in fns:
                fn(text)
            for s in sentences:
                sia.polarity_scores(s)

    def pipeline() -> None:
        for a in articles:
            paragraph_metrics(a)

    from analysis import hedging, readability, sentiment, voice

    def cues_and_voice() -> None:  # as paragraph_metrics does it: quotations found once per article
        for a in articles:
            quotes = voice.article_quotes(a)
            hedging.voice_metrics(a, hedging.article_cues(a, quotes), quotes)

    def wrappers() -> None:
        for a in articles:
            for p in a.paragraphs:
                readability.readability(p.text, len(p.sentences))
                sentiment.sentiment([s.text for s in p.sentences])

    times: dict[str, list[float]] = {"bare": [], "pipeline": []}
    order = [("bare", bare), ("pipeline", pipeline)]
    for i in range(args.repeats):
        for name, fn in order if i % 2 == 0 else order[::-1]:
            clear_textstat_text_caches()
            gc.collect()
            times[name].append(timed(fn))
    parts: dict[str, list[float]] = {"readability() + sentiment() wrappers": [], "quotations, hedging cues + voice": []}
    for _ in range(args.repeats):
        for name, fn in zip(parts, (wrappers, cues_and_voice), strict=True):
            clear_textstat_text_caches()
            gc.collect()
            parts[name].append(timed(fn))
    ratios = [p / b for p, b in zip(times["pipeline"], times["bare"], strict=True)]
    rows = [
        [name, f"{min(ts):.3f}", f"{statistics.median(ts):.3f}", f"{n_par / statistics.median(ts):,.0f}"]
        for name, ts in times.items()
    ]
    print(f"{len(articles)} articles, {n_par} paragraphs, {n_sent} sentences; {args.repeats} passes each\n")
    print(table(["calls", "best s", "median s", "paragraphs/s (median)"], rows))
    print("\nparts of the pipeline, each timed alone:\n")
    print(table(["part", "best s", "median s"], [[k, f"{min(v):.3f}", f"{statistics.median(v):.3f}"] for k, v in
                                              parts.items()]))
    verdict = "meets" if statistics.median(ratios) <= 1.3 else "MISSES"
    print(
        f"\npipeline / bare: median {statistics.median(ratios):.3f}, best {min(ratios):.3f} "
        f"(target <= 1.3: {verdict})"
    )


if __name__ == "__main__":
    main()
