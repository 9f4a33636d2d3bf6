"""The analysed document: layers made once, one offset convention, read by every table and view."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest

import analysis
from analysis import AnalysedDocument, AnalysisConfig, analyze, article_from_text, load_article, seed_path
from analysis.cli import main
from analysis.corpus.batch import BatchWarning
from analysis.errors import InputError
from analysis.report.render import highlight
from analysis.tables import article_metrics, cues, paragraph_metrics, sentence_metrics

FLOOD = (
    "River rises again\n\n"
    'Officials said the dam could fail. "It is clear that we must act," the mayor said.\n\n'
    "Residents will probably return next week."
)


@pytest.fixture(scope="module")
def doc() -> AnalysedDocument:
    return analyze(load_article(seed_path()))


def test_public_api_is_small_and_lazy() -> None:
    assert len(analysis.__all__) <= 20
    for name in analysis.__all__:
        assert getattr(analysis, name) is not None, name


@pytest.mark.parametrize("layer", ["sentences", "quotes", "cues"])
def test_every_span_is_an_offset_into_the_article_text(doc: AnalysedDocument, layer: str) -> None:
    text = doc.article.text
    items = getattr(doc, layer)
    assert items
    for x in items:
        if layer == "quotes":
            assert text[x.start] in "“\"«„`" and x.start < x.end
        else:
            assert text[x.start : x.end] == x.text


def test_layers_are_aligned(doc: AnalysedDocument) -> None:
    n = len(doc.sentences)
    assert len(doc.counts) == len(doc.sentiment) == n
    assert len(doc.voice_words) == len(doc.article.paragraphs)
    assert all(0 <= i < n for i in doc.predictions)
    for c in doc.cues:
        s = doc.sentences[doc.sentence_range(c.paragraph)[c.sentence]]
        assert s.start <= c.start < s.end or c.start >= s.end  # a cue lies in (or after the start of) its sentence


def test_tables_and_highlight_read_layers_and_recompute_none(doc: AnalysedDocument, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import analysis.annotate.counts as counts_mod
    import analysis.annotate.hedging.matcher as matcher
    import analysis.annotate.quotes as quotes_mod
    import analysis.annotate.sentiment as sentiment_mod

    def boom(*args: object, **kwargs: object) -> None:
        raise AssertionError("a layer was recomputed")

    for module, name in [(counts_mod, "count"), (matcher, "find_cues"), (quotes_mod, "find_quotes"),
                         (sentiment_mod, "sentence_scores"), (sentiment_mod, "analyzer")]:
        monkeypatch.setattr(module, name, boom)
    paragraph_metrics(doc), article_metrics(doc), sentence_metrics(doc), cues(doc)
    assert "<mark" in highlight(doc)


def test_the_document_round_trips_through_json(doc: AnalysedDocument) -> None:
    again = AnalysedDocument.from_dict(json.loads(json.dumps(doc.to_dict())))
    assert again.article.paragraphs == doc.article.paragraphs
    layers = ("cues", "quotes", "counts", "sentiment", "predictions", "voice_words")
    assert all(getattr(again, n) == getattr(doc, n) for n in layers)
    pd.testing.assert_frame_equal(paragraph_metrics(again), paragraph_metrics(doc))
    assert highlight(again) == highlight(doc)


def test_a_cached_run_gives_the_same_tables_and_document(tmp_path: Path) -> None:
    src = tmp_path / "flood.md"
    src.write_text(f"---\noutlet: Example News\nevent: flood\n---\n{FLOOD}\n", encoding="utf-8")
    first = analysis.analyze_corpus([src], cache=tmp_path / "c")
    src.write_text(f"---\noutlet: Other News\nevent: flood\n---\n{FLOOD}\n", encoding="utf-8")
    second = analysis.analyze_corpus([src], cache=tmp_path / "c")
    assert second.attrs["n_cached"] == 1
    assert set(second["outlet"]) == {"Other News"}  # metadata stamped anew on a cache hit
    pd.testing.assert_frame_equal(first.drop(columns="outlet"), second.drop(columns="outlet"))
    assert set(second["event"]) == {"flood"}


LEXICON = "cue,category,subtype,rule,source,notes\nprobably,booster,test,,project,test lexicon\n"


def test_a_custom_lexicon_reaches_tables_runs_and_the_cache_key(tmp_path: Path) -> None:
    lex = tmp_path / "lex.csv"
    lex.write_text(LEXICON, encoding="utf-8")
    art = article_from_text(FLOOD)
    default, custom = paragraph_metrics(art), paragraph_metrics(art, AnalysisConfig(lexicon=lex))
    assert default["hedges"].sum() > 0 and custom["hedges"].sum() == 0
    assert custom["boosters"].sum() == 1  # only "probably", as this lexicon says
    src = tmp_path / "flood.txt"
    src.write_text(FLOOD, encoding="utf-8")
    a = analysis.analyze_corpus([src], cache=tmp_path / "c")
    b = analysis.analyze_corpus([src], cache=tmp_path / "c", config=AnalysisConfig(lexicon=lex))
    assert b.attrs["n_cached"] == 0 and a["hedges"].sum() != b["hedges"].sum()
    out = tmp_path / "out.csv"
    assert main(["analyze", str(src), "--lexicon", str(lex), "--format", "csv", "-o", str(out), "--no-cache"]) == 0
    assert pd.read_csv(out)["hedges"].sum() == 0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        ("cue,category\nx,hedge\n", "lacks the column.s. subtype"),
        ("cue,category,subtype\nx,maybe,modal\n", "unknown category"),
        ("cue,category,subtype\n", "has no rows"),
    ],
)
def test_a_bad_lexicon_is_one_error(tmp_path: Path, content: str | None, message: str, capsys) -> None:  # type: ignore[no-untyped-def]
    lex = tmp_path / "lex.csv"
    if content is not None:
        lex.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        AnalysisConfig(lexicon=lex).hedge_lexicon  # noqa: B018
    assert main(["analyze", str(seed_path()), "--lexicon", str(lex), "--no-cache"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("error:") and re.search(message, err[0])


def test_two_files_of_the_same_name_are_two_articles(tmp_path: Path) -> None:
    for folder in ("reuters", "bbc"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "article.md").write_text(FLOOD, encoding="utf-8")
    paths = [tmp_path / "reuters" / "article.md", tmp_path / "bbc" / "article.md"]
    with pytest.warns(BatchWarning, match="'article' is taken by an earlier input; this one is 'bbc-article'"):
        df = analysis.analyze_corpus(paths, level="article")
    assert list(df["article_id"]) == ["article", "bbc-article"]
    assert list(df["source_path"]) == [str(p) for p in paths]


@pytest.mark.parametrize(
    "value", [{"min_reliable_words": -1}, {"min_smog_sentences": 2.5}, {"min_reliable_words": True}]
)
def test_config_refuses_nonsense(value: dict[str, object]) -> None:
    with pytest.raises(ValueError, match="whole number"):
        AnalysisConfig(**value)  # type: ignore[arg-type]


def test_config_fingerprint_covers_every_setting(tmp_path: Path) -> None:
    lex = tmp_path / "lex.csv"
    lex.write_text(LEXICON, encoding="utf-8")
    prints = {AnalysisConfig().fingerprint(), AnalysisConfig(min_reliable_words=50).fingerprint(),
              AnalysisConfig(min_smog_sentences=10).fingerprint(), AnalysisConfig(lexicon=lex).fingerprint()}
    assert len(prints) == 4
    assert AnalysisConfig().fingerprint() == AnalysisConfig().fingerprint()


def test_cue_table_has_one_row_per_cue_with_voice(doc: AnalysedDocument) -> None:
    table = cues(doc)
    assert len(table) == len(doc.cues)
    assert list(table.columns[:11]) == ["article_id", "paragraph", "role", "sentence", "start", "end", "text",
                                        "category", "subtype", "voice", "speaker"]
    quoted = table[table.voice == "quoted"]
    assert len(quoted) >= 2 and (quoted.speaker != "").all()
