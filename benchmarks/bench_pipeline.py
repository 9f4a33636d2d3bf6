"""Pipeline cost: ``paragraph_metrics`` against the bare textstat and VADER calls it wraps.

    .venv/bin/python benchmarks/bench_pipeline.py [--repeats 5]

The 189 Guardian articles of ../shared/corpus/onestopenglish-adv are loaded and
segmented once (not timed). Each pass then runs every article both ways, back to
back, in alternating order (paired timing: a slow spell of a shared machine hits
both sides alike), and sums the times per side:

* ``paragraph_metrics(article)`` (readability, sentiment, hedging, quotations and
  the DataFrame), and
* the bare calls on the same paragraphs: the eleven textstat functions the
  pipeline uses (``lexicon_count``, ``syllable_count``, ``polysyllabcount``,
  ``difficult_words`` and the seven formulas) on each paragraph text, and
  VADER's ``polarity_scores`` on each of its sentences.

textstat memoises its counts per text (``functools.lru_cache``); those caches are
cleared before every timed call so neither side profits from the other (the CMU
and Pyphen dictionaries stay loaded, as in any long run). Target: pipeline <= 1.3x bare.
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

    from analysis import Article, load_article, paragraph_metrics
    from analysis.annotate.sentiment import analyzer
    from analysis.corpus.batch import _warm

    paths = corpus_paths()
    articles = [load_article(p) for p in paths]
    _warm()
    sia = analyzer()
    fns = [getattr(textstat, f) for f in READABILITY_FUNCTIONS]
    n_par = sum(len(a.paragraphs) for a in articles)
    n_sent = sum(len(p.sentences) for a in articles for p in a.paragraphs)

    by_article = [[(p.text, [s.text for s in p.sentences]) for p in a.paragraphs] for a in articles]

    def bare(units: list[tuple[str, list[str]]]) -> None:
        for text, sentences in units:
            for fn in fns:
                fn(text)
            for s in sentences:
                sia.polarity_scores(s)

    from analysis import hedging, voice
    from analysis.annotate import sentiment
    from analysis.tables import readability

    def cues_and_voice(a: Article) -> None:  # as paragraph_metrics does it: quotations found once
        quotes = voice.article_quotes(a)
        hedging.voice_metrics(a, hedging.article_cues(a, quotes), quotes)

    def wrappers(a: Article) -> None:
        for p in a.paragraphs:
            readability.readability(p.text, len(p.sentences))
            sentiment.sentiment([s.text for s in p.sentences])

    # Paired timing: within every pass each article is run both ways back to back (order
    # alternating), so a slow spell of a shared machine hits both sides alike.
    times: dict[str, list[float]] = {"bare": [], "pipeline": []}
    for i in range(args.repeats):
        gc.collect()
        total = {"bare": 0.0, "pipeline": 0.0}
        for j, (a, units) in enumerate(zip(articles, by_article, strict=True)):
            runs = [("bare", lambda u=units: bare(u)), ("pipeline", lambda a=a: paragraph_metrics(a))]
            for name, fn in runs if (i + j) % 2 == 0 else runs[::-1]:
                clear_textstat_text_caches()
                total[name] += timed(fn)
        for name, t in total.items():
            times[name].append(t)
    parts: dict[str, list[float]] = {"readability() + sentiment() wrappers": [], "quotations, hedging cues + voice": []}
    for _ in range(args.repeats):
        for name, fn in zip(parts, (wrappers, cues_and_voice), strict=True):
            gc.collect()
            total_s = 0.0
            for a in articles:
                clear_textstat_text_caches()
                total_s += timed(lambda a=a, fn=fn: fn(a))
            parts[name].append(total_s)
    ratios = [p / b for p, b in zip(times["pipeline"], times["bare"], strict=True)]
    print("passes (s): " + "; ".join(f"{k} " + " ".join(f"{t:.2f}" for t in v) for k, v in times.items()))
    print("pipeline / bare per pass: " + " ".join(f"{r:.3f}" for r in ratios) + "\n")
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
