"""Same-event coverage: the article in focus against the store's articles about the same event.

The comparison notebook (``notebooks/02_comparables.ipynb``) and the explorer notebook
call this module; it only reads tables (:mod:`analysis.tables.bundle`, filled by
:mod:`analysis.corpus.bundles`, which runs the analysis)::

    from analysis.corpus.bundles import comparable_store, load_tables
    from analysis.report import coverage
    focus = load_tables("my-article.md")
    cov = coverage.coverage(focus, comparable_store(focus, "data/articles"))  # the focus's event, else all
    coverage.article_table(cov.articles(), sort_by="hedges_per_100w")
    coverage.group_table(cov.articles())                  # comparables' means by outlet and kind
    other = cov.pick()                                    # or cov.pick("article-id"), cov.pick("path.md")
    coverage.cue_mix_side_by_side([focus, other])         # cue counts by category and voice

Which articles are comparable: the ``event`` front-matter field (column ``event``). A
focus article with an event is set against the store's articles with the same event
(compared without case or surrounding spaces); one without an event against every
English article of the store. An explicit ``event`` overrides the focus's own. The
focus article is never its own comparable (same text, same article), so a focus taken
from the store works as well as one from elsewhere.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from analysis.annotate.hedging import CATEGORIES, VOICES
from analysis.errors import InputError
from analysis.tables.bundle import ArticleTables, Comparables, LazyArticleTables, StoreTables

#: Columns of :func:`article_table`, in order: column -> short label (for display).
TABLE_COLUMNS: dict[str, str] = {
    "title": "title",
    "outlet": "outlet",
    "kind": "kind",
    "date": "date",
    "n_words": "words",
    "flesch_kincaid_grade": "FK grade",
    "sentiment_compound": "sentiment",
    "hedges_per_100w": "hedges /100w",
    "boosters_per_100w": "boosters /100w",
    "attributions_per_100w": "attributions /100w",
    "author_hedges": "author hedges",
    "author_boosters": "author boosters",
    "quoted_share": "quoted share",
}
#: The numeric columns of :data:`TABLE_COLUMNS` (what :func:`group_table` averages).
METRIC_COLUMNS: tuple[str, ...] = tuple(TABLE_COLUMNS)[4:]
UNKNOWN = "(unknown)"


def _key(value: object) -> str:
    return "" if value is None or pd.isna(value) else str(value).strip().casefold()


def _date(value: object) -> pd.Timestamp | None:
    """A date as a Timestamp (its first 10 characters as ISO ``YYYY-MM-DD``), None when missing or unreadable."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    stamp = pd.to_datetime(str(value).strip()[:10], errors="coerce", format="%Y-%m-%d")
    return None if pd.isna(stamp) else stamp


def _number(value: object) -> float:
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return float("nan")


@dataclass
class Coverage:
    """The focus article, the store's articles, and the ones comparable with the focus.

    Attributes:
        focus: tables of the article in focus.
        store_tables: every English article of the store, analysed (the focus left out).
        others: the comparable ones among them (same event, or all; see the module docstring).
        event: the event used to choose ``others`` ("" = none: every store article).
        store: the store folder.
        notes: what is missing, in plain words (no store, empty store, no same-event article).
    """

    focus: ArticleTables
    store_tables: list[ArticleTables]
    others: list[ArticleTables]
    event: str
    store: Path
    notes: list[str] = field(default_factory=list)

    @property
    def tables(self) -> list[ArticleTables]:
        """The focus first, then the comparable articles."""
        return [self.focus, *self.others]

    def articles(self) -> pd.DataFrame:
        """One article row per article (focus first), with a boolean ``focus`` column first."""
        from analysis.tables import COLUMNS
        from analysis.tables.build import article_row

        rows = []
        for t in self.tables:
            row = article_row(t.doc) if isinstance(t, LazyArticleTables) else t.article.to_dict()
            if not str(row.get("title") or "").strip():
                row["title"] = t.title
            rows.append(row)
        df = pd.DataFrame(rows, columns=[*COLUMNS, *(c for c in rows[0] if c not in COLUMNS)])
        df.insert(0, "focus", [True] + [False] * len(self.others))
        return df

    def paragraphs(self) -> pd.DataFrame:
        """The paragraph tables of the focus and the comparable articles, one after the other."""
        from analysis.tables import COLUMNS
        from analysis.tables.build import frame, paragraph_rows

        return _stacked(self.tables, "paragraphs", paragraph_rows, lambda rows: frame(rows, COLUMNS))

    def cues(self) -> pd.DataFrame:
        """The cue tables of the focus and the comparable articles."""
        from analysis.tables import CUE_COLUMNS
        from analysis.tables.build import cue_rows, frame

        return _stacked(
            self.tables,
            "cues",
            cue_rows,
            lambda rows: frame(rows, CUE_COLUMNS) if rows else pd.DataFrame(columns=list(CUE_COLUMNS)),
        )

    def comparables(self, baseline_name: str = "onestopenglish-adv") -> Comparables:
        """The comparable articles and a committed baseline, in the form :mod:`analysis.report.figures` takes."""
        from analysis.report.baseline import load_baseline
        from analysis.tables import COLUMNS

        arts = self.articles()
        others = arts[~arts["focus"]].drop(columns="focus").reset_index(drop=True)
        paragraphs = (
            pd.concat([t.paragraphs for t in self.others], ignore_index=True)
            if self.others
            else pd.DataFrame(columns=list(COLUMNS))
        )
        return Comparables(
            paragraphs,
            others,
            load_baseline(baseline_name),
            load_baseline(baseline_name, level="article"),
            baseline_name,
            list(self.notes),
        )

    def pick(self, ref: str | Path | None = None) -> ArticleTables | None:
        """The article to set beside the focus (:meth:`choose` without the reason)."""
        return self.choose(ref)[0]

    def choose(self, ref: str | Path | None = None) -> tuple[ArticleTables | None, str]:
        """The article to set beside the focus, and in plain words why that one.

        Args:
            ref: an article id of the store (the file name without ``.md``), or the path of
                an article file; ``None`` chooses among the comparable articles: those from
                another outlet than the focus (all of them if none is), the nearest in date
                to the focus (when both have a date), then the nearest in body length, then
                the first by id.

        Returns:
            ``(tables, reason)``; ``(None, reason)`` when ``ref`` is ``None`` and nothing is comparable.

        Raises:
            InputError: ``ref`` names no stored article and no file.
        """
        hint = "set compare_with to another article id (or a file) to choose it"
        if ref is None or str(ref).strip() == "":
            if not self.others:
                return None, "no comparable article in the store"
            outlet = _key(self.focus.article.get("outlet"))
            other_outlet = [t for t in self.others if _key(t.article.get("outlet")) != outlet]
            pool = other_outlet or self.others
            when = _date(self.focus.article.get("date"))
            words = _number(self.focus.article.get("n_words"))

            def distance(t: ArticleTables) -> tuple[float, float, str]:
                d = _date(t.article.get("date"))
                days = abs((d - when).days) if d is not None and when is not None else float("inf")
                n = _number(t.article.get("n_words"))
                return days, abs(n - words) if n == n and words == words else float("inf"), str(t.article["article_id"])

            best = min(pool, key=distance)
            days, gap, _ = distance(best)
            where = (
                f"{len(pool)} comparable article{'s' if len(pool) != 1 else ''} from other outlets"
                if other_outlet
                else f"{len(pool)} comparable article{'s' if len(pool) != 1 else ''} (none from another outlet)"
            )
            why = [f"nearest in date ({int(days)} day{'s' if days != 1 else ''} apart)"] if days != float("inf") else []
            if gap != float("inf"):
                why.append(
                    f"{'then ' if why else ''}nearest in length ({int(_number(best.article.get('n_words')))} "
                    f"against {int(words)} body words)"
                )
            reason = f"chosen from {where}: {' and '.join(why) or 'the first by id'}; {hint}"
            return best, reason
        for t in self.store_tables:
            if str(t.article["article_id"]) == str(ref):
                return t, f"compare_with={str(ref)!r}, an article of the store"
        if Path(ref).is_file():  # one article analysed now (no corpus run)
            from analysis.document import analyze
            from analysis.sources.loading import load_article
            from analysis.tables.bundle import document_tables

            config = self.focus.document.config if self.focus.document else None
            return document_tables(analyze(load_article(ref), config)), f"compare_with={str(ref)!r}, an article file"
        known = ", ".join(str(t.article["article_id"]) for t in self.store_tables[:20]) or "none"
        more = f" and {len(self.store_tables) - 20} more" if len(self.store_tables) > 20 else ""
        raise InputError(
            f"compare_with={str(ref)!r}: no article with that id in {self.store} (ids: {known}{more}) and no such file"
        )

    def describe(self) -> str:
        """A few lines: the store, the event rule, how many articles are comparable, what is missing."""
        n = len(self.store_tables)
        lines = [f"store {self.store}: {n} English article{'' if n == 1 else 's'} besides the focus article"]
        if n and self.event:
            lines.append(f"event {self.event!r}: {len(self.others)} of them cover it")
        elif n:
            lines.append(f"no event to match: all {n} are compared")
        return "\n".join(lines + [f"note: {note}" for note in self.notes])


def _stacked(tables: Sequence[ArticleTables], kind: str, rows_of: object, build: object) -> pd.DataFrame:
    """One table of every article's ``kind`` table: lazy articles contribute rows (one DataFrame for all of
    them, not one each), the others their table."""
    frames, rows = [], []
    for t in tables:
        if isinstance(t, LazyArticleTables) and kind not in t.__dict__:
            rows += rows_of(t.document)  # type: ignore[operator]
            continue
        if rows:
            frames.append(build(rows))  # type: ignore[operator]
            rows = []
        table = getattr(t, kind)
        if table is not None and len(table):
            frames.append(table)
    if rows:
        frames.append(build(rows))  # type: ignore[operator]
    return pd.concat(frames, ignore_index=True) if frames else build([])  # type: ignore[operator]


def coverage(focus: ArticleTables, stored: StoreTables, event: str | None = None) -> Coverage:
    """The focus article against the comparable articles of a store.

    Args:
        focus: tables of the focus article (:func:`analysis.corpus.bundles.load_tables`).
        stored: the store's tables (:func:`analysis.corpus.bundles.comparable_store`, which
            leaves stored copies of the focus out; this function leaves out any it is given).
        event: compare with the store's articles of this event; ``None`` = the focus
            article's own ``event`` (and every store article when it has none).

    Returns:
        The :class:`Coverage`.
    """
    from analysis.sources.store import article_digests

    exclude = article_digests(focus.document.article) if focus.document is not None else set()
    tables = [t for t in stored.tables if t.document is None or t.document.article.sha256 not in exclude]
    notes = list(stored.notes)
    chosen = str(event if event is not None else (focus.article.get("event") or "")).strip()
    others = [t for t in tables if _key(t.article.get("event")) == chosen.casefold()] if chosen else list(tables)
    if tables and chosen and not others:
        notes.append(f"no article in the store covers the event {chosen!r}")
    return Coverage(focus, tables, others, chosen, Path(stored.store), notes)


def article_table(articles: pd.DataFrame, sort_by: str | None = None, ascending: bool | None = None) -> pd.DataFrame:
    """One row per article: :data:`TABLE_COLUMNS` (and ``focus``), indexed by ``article_id``.

    Args:
        articles: article rows (e.g. :meth:`Coverage.articles`).
        sort_by: any column of ``articles``; ``None`` keeps the focus first and groups
            the others by outlet, kind and date.
        ascending: sort direction; default highest first for numbers, A-Z for text.

    Raises:
        ValueError: ``sort_by`` is not a column.
    """
    df = articles.set_index("article_id")
    cols = [c for c in ("focus", *TABLE_COLUMNS) if c in df.columns]
    if sort_by is None:
        key = df.assign(_others=~df["focus"] if "focus" in df else True)
        order = key.sort_values(["_others", "outlet", "kind", "date"], kind="stable").index
        return df.loc[order, cols]
    if sort_by not in df.columns:
        raise ValueError(f"sort_by={sort_by!r} is not a column; choose one of {', '.join(cols[1:])}")
    numeric = pd.api.types.is_numeric_dtype(df[sort_by])
    up = (not numeric) if ascending is None else ascending
    out = df.sort_values(sort_by, ascending=up, kind="stable", na_position="last")
    return out[cols if sort_by in cols else [*cols, sort_by]]


def group_table(articles: pd.DataFrame, metrics: Sequence[str] = METRIC_COLUMNS) -> pd.DataFrame:
    """The comparable articles (``focus`` False) by outlet and kind: how many, and each metric's mean.

    Unknown outlets and kinds are grouped as ``(unknown)``. Empty when nothing is comparable.
    """
    others = articles[~articles["focus"]] if "focus" in articles else articles
    if others.empty:
        return pd.DataFrame(columns=["articles", *metrics])
    keys = others[["outlet", "kind"]].fillna("").astype(str).replace("", UNKNOWN)
    frame = pd.concat([keys, others[list(metrics)].astype(float)], axis=1)
    grouped = frame.groupby(["outlet", "kind"], sort=True)
    return pd.concat([grouped.size().rename("articles"), grouped[list(metrics)].mean()], axis=1)


def cue_mix(cues: pd.DataFrame | None, roles: Sequence[str] | None = ("body",)) -> pd.DataFrame:
    """Cue counts: one row per category (hedge, booster, attribution), one column per voice and ``all``.

    Voices are the library's (:data:`analysis.annotate.hedging.VOICES`: the author's own
    words, quoted speech, reported speech), so a zero is a count, not a gap. Only cues in
    paragraphs of ``roles`` are counted (default: the body, as the article-level columns
    count them); ``None`` counts every paragraph.
    """
    voices = list(VOICES)
    if cues is not None and roles is not None and len(cues):
        cues = cues[cues["role"].isin(list(roles))]
    if cues is None or cues.empty:
        mix = pd.DataFrame(0, index=list(CATEGORIES), columns=voices)
    else:
        voices += sorted(set(cues["voice"]) - set(voices))
        mix = pd.crosstab(cues["category"], cues["voice"]).reindex(index=list(CATEGORIES), columns=voices, fill_value=0)
    mix["all"] = mix.sum(axis=1)
    mix.index.name, mix.columns.name = "category", "voice"
    return mix.astype(int)


def cue_mix_side_by_side(tables: Sequence[ArticleTables], roles: Sequence[str] | None = ("body",)) -> pd.DataFrame:
    """:func:`cue_mix` of each article, side by side under its title (columns: article, voice)."""
    mixes = {}
    for t in tables:
        name = t.title if t.title not in mixes else f"{t.title} ({t.article['article_id']})"
        mixes[name] = cue_mix(t.cues, roles)
    return pd.concat(mixes, axis=1, names=["article", "voice"])


__all__ = [
    "METRIC_COLUMNS",
    "TABLE_COLUMNS",
    "Coverage",
    "article_table",
    "coverage",
    "cue_mix",
    "cue_mix_side_by_side",
    "group_table",
]
