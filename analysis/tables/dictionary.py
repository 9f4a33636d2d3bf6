"""The data dictionary: every column of every table, defined once.

Each metric family declares its own columns (``SPEC`` in
:mod:`analysis.tables.readability`, :mod:`analysis.tables.sentiment`,
:mod:`analysis.tables.hedging`); :data:`DATA_DICTIONARY` assembles them with the
identity and metadata columns, in table order. The README table is generated from
it (``make docs``) and a test keeps the two in sync.
"""

from __future__ import annotations

from pathlib import Path

from analysis.tables import hedging, readability, sentiment

IDENTITY: dict[str, tuple[str, str]] = {
    "article_id": (
        "text",
        "Identifier of the article, unique within a run (file stem, front-matter `id`, or title slug; "
        "a clash gets its folder prepended).",
    ),
    "paragraph": ("int >= 0", "Paragraph index in the article, counting every role. Article rows: -1."),
    "role": (
        "category",
        "`headline`, `summary`, `subheading` (a Markdown heading inside the text), `body`, `byline` or "
        "`boilerplate`. Article rows: `article`.",
    ),
    "start": ("characters", "Offset of the span in the article text (after front matter). Article rows: 0."),
    "end": ("characters", "End offset (exclusive) of the span in the article text."),
}
METADATA: dict[str, tuple[str, str]] = {
    "title": ("text", "Article title (front matter, or the headline paragraph)."),
    "outlet": ("text", "Publication (front matter or the store's metadata); empty when unknown."),
    "author": ("text", "Author (front matter, or the byline's name); empty when unknown."),
    "date": ("text", "Publication date as given (ISO 8601 when it was a YAML date); empty when unknown."),
    "kind": ("text", "Free label such as `news` or `opinion`; empty when unknown."),
    "event": ("text", "The event the article covers (front matter `event`), for grouping same-event coverage."),
    "url": ("text", "Address of the article; empty when unknown."),
    "source_path": ("text", "The file the article was read from; empty for text given directly."),
}
#: Columns of the paragraph table and the article row, in order: column -> (unit, definition).
DATA_DICTIONARY: dict[str, tuple[str, str]] = {
    **IDENTITY,
    **readability.SPEC,
    **sentiment.SPEC,
    **hedging.SPEC,
    **hedging.VOICE_SPEC,
    **hedging.UNCERTAINTY_SPEC,
    **METADATA,
}
COLUMNS: tuple[str, ...] = tuple(DATA_DICTIONARY)
#: Columns holding article text (left out of anything published from licensed corpora).
TEXT_COLUMNS: tuple[str, ...] = ("most_negative_sentence", "most_positive_sentence")

#: Sentence table: column -> (unit, definition).
SENTENCE_DICTIONARY: dict[str, tuple[str, str]] = {
    "article_id": IDENTITY["article_id"],
    "paragraph": ("int >= 0", "Index of the sentence's paragraph."),
    "role": IDENTITY["role"],
    "sentence": ("int >= 0", "Index of the sentence within its paragraph."),
    "start": IDENTITY["start"],
    "end": IDENTITY["end"],
    "n_words": readability.SPEC["n_words"],
    "n_syllables": readability.SPEC["n_syllables"],
    "compound": ("-1..1", "VADER compound score of the sentence."),
    "pos": ("0..1", "VADER positive proportion."),
    "neu": ("0..1", "VADER neutral proportion."),
    "neg": ("0..1", "VADER negative proportion."),
    "intensity": ("0..1", "Emotional intensity: the absolute VADER compound score (how loaded, either direction)."),
    "hedges": hedging.SPEC["hedges"],
    "boosters": hedging.SPEC["boosters"],
    "unhedged_prediction": ("bool", "True when the sentence is an unhedged author prediction."),
    "speculation": ("0..1", "Probability that the sentence hedges epistemically (see `speculation` above)."),
    "vagueness": ("0..1", "Probability that the sentence makes a vague or unsupported claim (see `vagueness`)."),
    "certainty": ("1..6", "How certain the sentence sounds to a reader (Pei & Jurgens 2021 scale)."),
    "speculative": ("bool", "True when `speculation` is at least its threshold."),
    "vague": ("bool", "True when `vagueness` is at least its threshold."),
    "uncertainty": ("0..1", "`max(speculation, vagueness)`."),
    "uncertain": ("bool", "True when the sentence is speculative or vague."),
    "uncertainty_drivers": (
        "text",
        "For a speculative or vague sentence, what drove each such measure: its features with their contribution "
        "to the measure's logit ('speculation: cueword:may +3.38, spec:whether +1.20; vagueness: vague:some +human "
        "+1.10'): cue features name the lexicon's cues. Empty otherwise.",
    ),
    "text": ("text", "The sentence."),
}
SENTENCE_COLUMNS: tuple[str, ...] = (*SENTENCE_DICTIONARY, *METADATA)

#: Cue table: column -> (unit, definition).
CUE_DICTIONARY: dict[str, tuple[str, str]] = {
    "article_id": IDENTITY["article_id"],
    "paragraph": ("int >= 0", "Index of the cue's paragraph."),
    "role": IDENTITY["role"],
    "sentence": ("int >= 0", "Index of the cue's sentence within its paragraph."),
    "start": ("characters", "Offset of the cue in the article text."),
    "end": ("characters", "End offset (exclusive) of the cue in the article text."),
    "text": ("text", "The cue as written."),
    "category": ("category", "`hedge`, `booster` or `attribution`."),
    "subtype": ("category", "e.g. `modal`, `weasel`, `epistemic verb`, `certainty`, `reporting verb`."),
    "voice": (
        "category",
        "`author` (the writer's own words), `quoted` (inside quotation marks) or `reported` (in reported speech "
        "or thought: 'X said that ...', 'according to X, ...').",
    ),
    "speaker": (
        "text",
        "The quoted or reported source, resolved ('Alexander Lukashenko', 'officials'); empty when unknown.",
    ),
    "speaker_id": (
        "text",
        "A key of a named speaker for grouping across articles ('Bernie Sanders' -> `bernie-sanders`; accents, case "
        "and a leading 'the' dropped); empty for unnamed sources. `analysis.tables.unify_speaker_ids` maps a lone "
        "surname to the one full name of a corpus ending with it.",
    ),
    "sentence_speculation": ("0..1", "The speculation of the cue's sentence (sentence table `speculation`)."),
    "sentence_vagueness": ("0..1", "The vagueness of the cue's sentence (sentence table `vagueness`)."),
    "sentence_certainty": ("1..6", "The perceived certainty of the cue's sentence (sentence table `certainty`)."),
    "sentence_uncertainty": ("0..1", "`max(sentence_speculation, sentence_vagueness)`."),
    "uncertainty_drivers": (
        "text",
        "When the cue's sentence is speculative or vague, what drove each measure (as in the sentence table), so "
        "a researcher sees whether this cue did.",
    ),
}
CUE_COLUMNS: tuple[str, ...] = (*CUE_DICTIONARY, *METADATA)

#: Sources table (one row per resolved source of an article): column -> (unit, definition).
SOURCE_DICTIONARY: dict[str, tuple[str, str]] = {
    "article_id": IDENTITY["article_id"],
    "speaker": (
        "text",
        "The source as resolved: a person ('Alexander Lukashenko'), a body ('the Russian Embassy in Moscow') "
        "or an unnamed source as written ('officials'); empty: passages whose source is unknown.",
    ),
    "speaker_id": ("text", "As in the cue table: the named speaker's key (`bernie-sanders`); empty when unnamed."),
    "named": ("bool", "True when the speaker names a person or body, False for unnamed sources ('analysts')."),
    "direct": ("count", "Direct quotations (a quotation running over paragraphs counts once)."),
    "reported": ("count", "Reported statements ('X said that ...', 'according to X, ...', 'X believes ...')."),
    "words": ("words", "Words in the source's quoted and reported content."),
    "hedges": ("count", "Hedge cues in the source's words."),
    "boosters": ("count", "Booster cues in the source's words."),
    "first_paragraph": ("int >= 0", "Paragraph of the source's first quotation or statement."),
}
SOURCE_COLUMNS: tuple[str, ...] = (*SOURCE_DICTIONARY, *METADATA)


#: Derived article column of the group comparison (:func:`analysis.compare.add_rates`).
RATE_DICTIONARY: dict[str, tuple[str, str]] = {
    "author_hedges_per_100w": (
        "per 100 words",
        "`100 * author_hedges / author_words`: the author's hedges per 100 words of their own text (NaN when "
        "the author wrote no words of their own).",
    ),
}
_GROUP = ("text", "The group: a value of the grouping column, or a period of `date` (`2016-03`, `2016-W09`).")
_MEASURE = ("column", "The article-table column compared (e.g. `hedges_per_100w`).")
_N = ("articles", "Articles with a value of the measure in the group (NaN values left out).")
_MEAN_LOW = ("as the measure", "Lower end of the bootstrap 95% interval of the mean (percentile method, seeded).")
_MEAN_HIGH = ("as the measure", "Upper end of the bootstrap 95% interval of the mean.")
#: Group comparison, one row per measure and group (:func:`analysis.compare.compare_groups`).
GROUP_SUMMARY_DICTIONARY: dict[str, tuple[str, str]] = {
    "measure": _MEASURE,
    "group": _GROUP,
    "n": _N,
    "median": ("as the measure", "Median of the group's articles."),
    "q1": ("as the measure", "First quartile (25th percentile, linear interpolation)."),
    "q3": ("as the measure", "Third quartile (75th percentile)."),
    "iqr": ("as the measure", "Interquartile range, `q3 - q1`."),
    "mean": ("as the measure", "Mean of the group's articles."),
    "mean_low": _MEAN_LOW,
    "mean_high": _MEAN_HIGH,
}
#: Group comparison, one row per measure: the test across all groups.
GROUP_TEST_DICTIONARY: dict[str, tuple[str, str]] = {
    "measure": _MEASURE,
    "test": ("text", "`Kruskal-Wallis` (H test on ranks, tie-corrected; scipy.stats.kruskal)."),
    "groups": ("count", "Groups with at least one value."),
    "n": ("articles", "Articles in those groups."),
    "statistic": ("H", "The Kruskal-Wallis H statistic (NaN when fewer than 2 groups or every value is equal)."),
    "df": ("count", "Degrees of freedom, groups - 1."),
    "p": (
        "0..1",
        "p-value (chi-squared approximation): how often groups drawn from one distribution differ this much.",
    ),
    "epsilon_squared": ("0..1", "Effect size `(H - k + 1) / (n - k)`: the share of rank variance between groups."),
}
#: Group comparison, one row per measure and pair of groups.
GROUP_PAIR_DICTIONARY: dict[str, tuple[str, str]] = {
    "measure": _MEASURE,
    "group_a": ("text", "First group of the pair."),
    "group_b": ("text", "Second group of the pair."),
    "n_a": ("articles", "Articles of group a with a value."),
    "n_b": ("articles", "Articles of group b with a value."),
    "test": ("text", "`Mann-Whitney U` (two-sided; scipy.stats.mannwhitneyu)."),
    "u": ("U", "The U statistic of group a."),
    "p": ("0..1", "Uncorrected p-value."),
    "median_difference": ("as the measure", "Median of group a minus median of group b."),
    "cliffs_delta": (
        "-1..1",
        "Cliff's delta (rank-biserial correlation), `2U / (n_a n_b) - 1`: P(a > b) - P(a < b) "
        "for one article of each; |d| < 0.15 negligible, >= 0.47 large (Romano et al. 2006).",
    ),
    "p_holm": ("0..1", "p-value Holm-corrected over all pairs of the measure: compare with 0.05."),
}
#: Distinctive cues and sources, one row per group and term (:mod:`analysis.compare.distinctive`).
DISTINCTIVE_DICTIONARY: dict[str, tuple[str, str]] = {
    "category": ("category", "Cue category compared (`hedge`, `booster`, `attribution`); cue tables only."),
    "group": _GROUP,
    "term": ("text", "The cue as written (lower-cased, spaces normalised), or the source (speaker)."),
    "count": ("count", "Uses of the term in the group (sources: passages, words or articles as chosen)."),
    "group_total": ("count", "All uses of the category's terms (sources: of all sources) in the group."),
    "count_rest": ("count", "Uses of the term in all other groups together."),
    "rest_total": ("count", "All uses in all other groups together."),
    "log_odds": (
        "log-odds",
        "Log-odds ratio of the term, group against the rest, smoothed by an informative "
        "Dirichlet prior (the pooled counts; Monroe, Colaresi & Quinn 2008). > 0: more in the "
        "group.",
    ),
    "se": ("log-odds", "Its standard error, `sqrt(1 / (count + prior) + 1 / (count_rest + prior))`."),
    "z": ("sd", "`log_odds / se`; |z| > 1.96 is conventionally distinctive (not corrected for many terms)."),
}
#: Measures over time, one row per measure, group and period (:func:`analysis.compare.over_time`).
TIMELINE_DICTIONARY: dict[str, tuple[str, str]] = {
    "measure": _MEASURE,
    "group": _GROUP,
    "period": ("text", "Month `YYYY-MM` or ISO week `YYYY-Www` of `date`."),
    "period_start": ("date", "First day of the period (a week's Monday)."),
    "n": ("articles", "Articles of the group in the period (0: a gap, values NaN)."),
    "mean": ("as the measure", "Mean over those articles."),
    "mean_low": _MEAN_LOW,
    "mean_high": _MEAN_HIGH,
    "median": ("as the measure", "Median over those articles."),
}
GROUP_SUMMARY_COLUMNS: tuple[str, ...] = tuple(GROUP_SUMMARY_DICTIONARY)
GROUP_TEST_COLUMNS: tuple[str, ...] = tuple(GROUP_TEST_DICTIONARY)
GROUP_PAIR_COLUMNS: tuple[str, ...] = tuple(GROUP_PAIR_DICTIONARY)
DISTINCTIVE_COLUMNS: tuple[str, ...] = tuple(c for c in DISTINCTIVE_DICTIONARY if c != "category")
TIMELINE_COLUMNS: tuple[str, ...] = tuple(TIMELINE_DICTIONARY)


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
