"""The analysed document: layers made once, one offset convention, read by every table and view."""

from __future__ import annotations

import importlib
import json
import re
from pathlib import Path

import pandas as pd
import pytest

import analysis
import analysis.document as document
import analysis.layers as layers
from analysis import AnalysedDocument, AnalysisConfig, analyze, article_from_text, load_article, seed_path
from analysis.cli import main
from analysis.config import ANALYSIS_SETTINGS, DISPLAY_SETTINGS, SETTINGS
from analysis.corpus.batch import BatchWarning
from analysis.errors import InputError
from analysis.layers import Component, base
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
            assert text[x.start] in '“"«„`' and x.start < x.end
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


def _guarded() -> list[tuple[str, str, str]]:
    """``(component, module, function)`` of every annotator a registered component stores the results of."""
    return [(c.name, *use.split(":")) for c in layers.registered() for use in c.uses]


def test_every_layer_is_guarded() -> None:
    names = {c.name for c in layers.registered()}
    assert names >= {
        "segmentation",
        "quotes",
        "attributions",
        "cues",
        "predictions",
        "sentiment",
        "voice_words",
        "uncertainty",
    }
    assert {name for name, _, _ in _guarded()} == names  # every component names what must not recompute it


@pytest.mark.parametrize(("component", "module", "function"), _guarded())
def test_tables_and_highlight_read_layers_and_recompute_none(  # type: ignore[no-untyped-def]
    doc: AnalysedDocument, monkeypatch, component: str, module: str, function: str
) -> None:
    def boom(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"the {component} layer was recomputed ({module}.{function})")

    mod = importlib.import_module(module)
    assert callable(getattr(mod, function))
    monkeypatch.setattr(mod, function, boom)
    paragraph_metrics(doc), article_metrics(doc), sentence_metrics(doc), cues(doc)
    assert "<mark" in highlight(doc)


def test_the_document_round_trips_through_json(doc: AnalysedDocument) -> None:
    again = AnalysedDocument.from_dict(json.loads(json.dumps(doc.to_dict())))
    assert again.article.paragraphs == doc.article.paragraphs
    names = [n for c in layers.registered() for n in c.assigns]
    assert len(names) == len(set(names)) >= 11
    for name in names:
        assert again.layer(name) == doc.layer(name), name
    pd.testing.assert_frame_equal(paragraph_metrics(again), paragraph_metrics(doc))
    assert highlight(again) == highlight(doc)


def test_layers_are_stored_by_field_name(doc: AnalysedDocument) -> None:
    data = json.loads(json.dumps(doc.to_dict()))
    assert data["cues"]["fields"][:2] == ["start", "end"] and "text" not in data["cues"]["fields"]
    for name in ("cues", "attributions", "counts", "quotes"):  # columns in another order read the same
        block = data[name]
        order = list(reversed(range(len(block["fields"]))))
        block["fields"] = [block["fields"][i] for i in order]
        block["rows"] = [[row[i] for i in order] for row in block["rows"]]
    again = AnalysedDocument.from_dict(data)
    assert again.cues == doc.cues and again.attributions == doc.attributions and again.counts == doc.counts
    data["attributions"]["fields"][0] = "no_such_field"
    with pytest.raises(TypeError):
        AnalysedDocument.from_dict(data)


def test_the_version_is_made_of_the_components_and_old_entries_are_stale(doc: AnalysedDocument) -> None:
    from analysis.document import DOCUMENT_VERSION, document_version

    assert document_version() == DOCUMENT_VERSION
    for c in layers.pipeline():
        assert f"{c.name}@{c.version}" in DOCUMENT_VERSION
    with pytest.raises(ValueError, match="version"):
        AnalysedDocument.from_dict({**doc.to_dict(), "version": 4})  # an entry of the positional form


def test_components_run_in_dependency_order() -> None:
    made = set(layers.GIVEN)
    for c in layers.pipeline():
        assert made.issuperset(c.requires), c.name
        made.update(c.assigns)
    shuffled = [c.name for c in layers.pipeline(reversed(layers.registered()))]
    assert shuffled.index("cues") > shuffled.index("attributions") > shuffled.index("quotes")
    broken = Component("lonely", lambda a, c, x: {}, (), ("nothing",), 1, {})
    with pytest.raises(ValueError, match="no component assigns"):
        layers.pipeline([*layers.registered(), broken])


def test_a_new_layer_is_one_function_and_its_registration(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(base, "_REGISTRY", dict(base._REGISTRY))

    @layers.component(
        "exclamations",
        assigns=("exclamations",),
        requires=("sentences",),
        version=1,
        codecs={"exclamations": layers.plain(load=tuple, dump=list)},
    )
    def exclamations(article, config, made):  # type: ignore[no-untyped-def]
        return {"exclamations": tuple(s.text.count("!") for s in made["sentences"])}

    doc = analyze(article_from_text("Wow! It works!\n\nNo doubt."))
    assert doc.exclamations == (1, 1, 0) and document.document_version().endswith("exclamations@1")
    assert AnalysedDocument.from_dict(json.loads(json.dumps(doc.to_dict()))).exclamations == (1, 1, 0)


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


def test_config_fingerprint_covers_every_analysis_setting_and_no_display_setting(tmp_path: Path) -> None:
    lex = tmp_path / "lex.csv"
    lex.write_text(LEXICON, encoding="utf-8")
    prints = {
        AnalysisConfig().fingerprint(),
        AnalysisConfig(uncertainty_threshold=0.5).fingerprint(),
        AnalysisConfig(lexicon=lex).fingerprint(),
    }
    assert len(prints) == 3
    assert AnalysisConfig().fingerprint() == AnalysisConfig().fingerprint()
    # display thresholds are applied when tables are built: one cached document serves them all
    assert AnalysisConfig(min_reliable_words=50, min_smog_sentences=10).fingerprint() == AnalysisConfig().fingerprint()
    assert set(ANALYSIS_SETTINGS) | set(DISPLAY_SETTINGS) == set(SETTINGS)


def test_cue_table_has_one_row_per_cue_with_voice(doc: AnalysedDocument) -> None:
    table = cues(doc)
    assert len(table) == len(doc.cues)
    assert list(table.columns[:11]) == [
        "article_id",
        "paragraph",
        "role",
        "sentence",
        "start",
        "end",
        "text",
        "category",
        "subtype",
        "voice",
        "speaker",
    ]
    quoted = table[table.voice == "quoted"]
    assert len(quoted) >= 2 and (quoted.speaker != "").all()
