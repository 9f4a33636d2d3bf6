"""Pipeline cost: the whole per-article analysis against the bare library calls a user would make.

    .venv/bin/python benchmarks/bench_pipeline.py [--repeats 5]

The 189 articles of ../shared/corpus/onestopenglish-adv are read once (not timed).
Each pass then runs every article both ways, back to back, in alternating order
(paired timing: a slow spell of a shared machine hits both sides alike), and sums
the times per side:

* pipeline: ``article_from_text(text)`` (front matter, paragraphs, roles, syntok
  sentences, language), ``analyze()`` (counts, quotations, cues with voice,
  predictions, VADER on every sentence), and the paragraph table, the article row
  and the sentence table built from the document;
* bare: on the same paragraph texts (split beforehand, not timed), syntok's
  ``segmenter.analyze`` on each paragraph, VADER's ``polarity_scores`` on each
  sentence, and the nine textstat functions giving the table's readability values
  (``lexicon_count``, ``syllable_count`` and the seven formulas) on each paragraph
  and again on the whole body text.

Before each article, on both sides, the per-text and per-word memo caches are
cleared (textstat's ``lru_cache`` functions; the pipeline's word memo in
:mod:`analysis.annotate.counts`): neither side profits from an earlier article or
from the other side. The dictionaries themselves (CMU, Pyphen, VADER's lexicon)
stay loaded, as in any long run. Target (issue 11): pipeline <= 0.8x bare.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys

from _common import corpus_paths, machine, table, timed

from analysis.tables.readability import FORMULAS

#: The textstat calls giving the table's readability values: the counts, then the seven formulas
#: (the same list the tables compute, analysis.tables.readability.FORMULAS).
READABILITY_FUNCTIONS = ("lexicon_count", "syllable_count", *FORMULAS)
TARGET = 0.8


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
    from syntok import segmenter

    from analysis.annotate import counts
    from analysis.annotate.sentiment import analyzer
    from analysis.corpus.batch import warm
    from analysis.document import analyze
    from analysis.sources.loading import article_from_text, read_text
    from analysis.tables.build import article_series, paragraph_table, sentence_table

    texts = [read_text(p) for p in corpus_paths()]
    articles = [article_from_text(t) for t in texts]
    warm()
    sia = analyzer()
    fns = [getattr(textstat, f) for f in READABILITY_FUNCTIONS]
    units = [([p.text for p in a.paragraphs], a.body_text) for a in articles]
    n_par = sum(len(a.paragraphs) for a in articles)
    n_sent = sum(len(p.sentences) for a in articles for p in a.paragraphs)

    def bare(paragraphs: list[str], body: str) -> None:
        for text in paragraphs:
            for para in segmenter.analyze(text):
                for sentence in para:
                    sia.polarity_scores("".join(t.spacing + t.value for t in sentence).strip())
            for fn in fns:
                fn(text)
        for fn in fns:
            fn(body)

    def pipeline(text: str) -> None:
        doc = analyze(article_from_text(text))
        paragraph_table(doc)
        article_series(doc)
        sentence_table(doc)

    def clear() -> None:
        clear_textstat_text_caches()
        counts._word.cache_clear()

    times: dict[str, list[float]] = {"bare": [], "pipeline": []}
    for i in range(args.repeats):
        gc.collect()
        total = {"bare": 0.0, "pipeline": 0.0}
        for j, (text, (paragraphs, body)) in enumerate(zip(texts, units, strict=True)):
            runs = [("bare", lambda p=paragraphs, b=body: bare(p, b)), ("pipeline", lambda t=text: pipeline(t))]
            for name, fn in runs if (i + j) % 2 == 0 else runs[::-1]:
                clear()
                total[name] += timed(fn)
        for name, t in total.items():
            times[name].append(t)
    ratios = [p / b for p, b in zip(times["pipeline"], times["bare"], strict=True)]
    print("passes (s): " + "; ".join(f"{k} " + " ".join(f"{t:.2f}" for t in v) for k, v in times.items()))
    print("pipeline / bare per pass: " + " ".join(f"{r:.3f}" for r in ratios) + "\n")
    rows = [
        [name, f"{min(ts):.3f}", f"{statistics.median(ts):.3f}", f"{n_par / statistics.median(ts):,.0f}"]
        for name, ts in times.items()
    ]
    print(f"{len(articles)} articles, {n_par} paragraphs, {n_sent} sentences; {args.repeats} passes each\n")
    print(table(["calls", "best s", "median s", "paragraphs/s (median)"], rows))
    verdict = "meets" if statistics.median(ratios) <= TARGET else "MISSES"
    print(
        f"\npipeline / bare: median {statistics.median(ratios):.3f}, best {min(ratios):.3f} "
        f"(target <= {TARGET}: {verdict})"
    )


if __name__ == "__main__":
    main()
