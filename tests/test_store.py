"""The local article store: file format, no-clobber, duplicates, non-English articles, load_corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

import analysis
from analysis import InputError, load_article
from analysis.cli import main
from analysis.sources.loading import split_front_matter
from analysis.sources.store import FRONT_MATTER_KEYS, Store, load_corpus, partition_store

from .html_pages import MAIN_PARAGRAPHS, RUSSIAN_PARAGRAPHS

META = {"title": "Ministers agree: a new bridge", "outlet": "The Daily Example", "kind": "news", "date": "2021-02-22"}


def test_add_writes_markdown_with_front_matter_and_matching_digest(tmp_path: Path) -> None:
    st = Store(tmp_path / "store")
    res = st.add(MAIN_PARAGRAPHS, META)
    assert res.status == "added" and res.path == tmp_path / "store" / "ministers-agree-a-new-bridge.md"
    text = res.path.read_text(encoding="utf-8")
    fm, body = split_front_matter(text)
    assert tuple(fm)[: len(FRONT_MATTER_KEYS)] == FRONT_MATTER_KEYS
    assert fm["title"] == "Ministers agree: a new bridge"  # the colon survives YAML quoting
    assert fm["language"] == "en" and fm["outlet"] == "The Daily Example" and fm["author"] is None
    assert fm["retrieved_at"].endswith("Z")
    assert body == "\n\n".join(MAIN_PARAGRAPHS) + "\n"
    art = load_article(res.path)
    assert art.sha256 == fm["sha256"] == res.sha256
    assert [p.text for p in art.paragraphs] == list(MAIN_PARAGRAPHS)
    assert art.date == "2021-02-22" and art.kind == "news"
    assert [p.name for p in res.path.parent.iterdir()] == [res.path.name]  # no temporary file left


def test_line_breaks_inside_a_paragraph_are_joined_and_empty_ones_dropped(tmp_path: Path) -> None:
    res = Store(tmp_path).add(["First line\nsame paragraph.", "  ", "\n\nSecond paragraph.\r\n"], {"title": "t"})
    assert res.path.read_text(encoding="utf-8").endswith("---\nFirst line same paragraph.\n\nSecond paragraph.\n")


def test_duplicate_text_is_reported_and_nothing_written(tmp_path: Path) -> None:
    st = Store(tmp_path)
    first = st.add(MAIN_PARAGRAPHS, META)
    before = first.path.read_bytes()
    again = Store(tmp_path).add(MAIN_PARAGRAPHS, {**META, "title": "Another title entirely"}, force=True)
    assert again.status == "duplicate" and again.path == first.path
    assert "nothing written" in again.describe()
    assert sorted(p.name for p in tmp_path.iterdir()) == [first.path.name]
    assert first.path.read_bytes() == before


def test_existing_file_is_not_overwritten_without_force(tmp_path: Path) -> None:
    st = Store(tmp_path)
    first = st.add(MAIN_PARAGRAPHS, META)
    before = first.path.read_bytes()
    with pytest.raises(InputError, match="already exists.*--force"):
        st.add(MAIN_PARAGRAPHS[:2], META)
    assert first.path.read_bytes() == before
    replaced = st.add(MAIN_PARAGRAPHS[:2], META, force=True)
    assert replaced.status == "replaced" and replaced.path == first.path
    assert load_article(first.path).paragraphs[-1].text == MAIN_PARAGRAPHS[1]


def test_no_title_or_no_ascii_title_names_the_file_by_digest(tmp_path: Path) -> None:
    res = Store(tmp_path).add(MAIN_PARAGRAPHS, {})
    assert res.path.name == f"{res.sha256[:12]}.md"
    res = Store(tmp_path).add(RUSSIAN_PARAGRAPHS, {"title": "Встреча в Сочи"})
    assert res.path.name == f"{res.sha256[:12]}.md"
    res = Store(tmp_path).add(MAIN_PARAGRAPHS[:2], {"title": "Café société: déjà vu"})
    assert res.path.name == "cafe-societe-deja-vu.md"


def test_empty_text_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no article text"):
        Store(tmp_path).add(["  ", ""], META)
    assert list(tmp_path.iterdir()) == []


def test_non_english_is_stored_marked_and_partitioned_out(tmp_path: Path) -> None:
    st = Store(tmp_path)
    ru = st.add(RUSSIAN_PARAGRAPHS, {"title": "Vstrecha v Sochi"})
    en = st.add(MAIN_PARAGRAPHS, META)
    assert ru.language == "ru" and not ru.is_english and "not English" in ru.describe()
    assert split_front_matter(ru.path.read_text(encoding="utf-8"))[0]["language"] == "ru"
    english, skipped = partition_store(tmp_path)
    assert english == [en.path] and skipped == [(ru.path, "ru")]
    arts = load_corpus(tmp_path)
    assert [a.language for a in arts] == ["en", "ru"]  # sorted by file name: ministers..., vstrecha...
    assert [a.article_id for a in load_corpus(tmp_path, english_only=True)] == ["ministers-agree-a-new-bridge"]


def test_load_corpus_is_exported_and_ignores_hidden_files(tmp_path: Path) -> None:
    Store(tmp_path).add(MAIN_PARAGRAPHS, META)
    (tmp_path / ".gitkeep").write_text("")
    (tmp_path / ".half-written.md.tmp").write_text("partial")
    (tmp_path / "notes.json").write_text("{}")
    assert analysis.load_corpus is load_corpus
    arts = analysis.load_corpus(tmp_path)
    assert len(arts) == 1 and arts[0].title == META["title"] and arts[0].outlet == META["outlet"]


def test_load_corpus_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such article store"):
        load_corpus(tmp_path / "missing")
    assert load_corpus(tmp_path) == []
    (tmp_path / "bad.md").write_text("---\ntitle: [unclosed\n---\nText here.\n", encoding="utf-8")
    with pytest.raises(InputError, match="bad.md"):
        load_corpus(tmp_path)


def test_analyze_store_skips_non_english_with_a_note(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    st = Store(tmp_path)
    st.add(RUSSIAN_PARAGRAPHS, {"title": "Vstrecha v Sochi"})
    st.add(MAIN_PARAGRAPHS, META)
    code = main(["analyze", "--store", str(tmp_path), "--format", "csv"])
    out, err = capsys.readouterr()
    assert code == 0
    assert "note: skipped" in err and "vstrecha-v-sochi.md" in err and "ru" in err
    assert "ministers-agree-a-new-bridge" in out and "vstrecha" not in out
    assert out.count("\n") == 1 + len(MAIN_PARAGRAPHS)  # header + body paragraphs of the English article


def test_analyze_store_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", "--store", str(tmp_path / "nope")]) == 2
    assert "no such article store" in capsys.readouterr().err
    assert main(["analyze", "--store", str(tmp_path)]) == 2
    assert "store is empty" in capsys.readouterr().err
    Store(tmp_path).add(RUSSIAN_PARAGRAPHS, {"title": "ru"})
    assert main(["analyze", "--store", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "no English article" in err and "Traceback" not in err


def test_analyze_store_reports_a_malformed_file_and_analyses_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Store(tmp_path).add(MAIN_PARAGRAPHS, META)
    (tmp_path / "broken.md").write_text("---\ntitle: [unclosed\n---\nSome text here.\n", encoding="utf-8")
    code = main(["analyze", "--store", str(tmp_path), "--format", "csv"])
    out, err = capsys.readouterr()
    assert code == 1
    assert "broken.md" in err and "malformed front matter" in err
    assert "ministers-agree-a-new-bridge" in out
