"""The local article store: file format, no-clobber, duplicates, non-English articles, load_corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

import analysis
from analysis import InputError, load_article
from analysis.cli import main
from analysis.sources.loading import split_front_matter
from analysis.sources.store import (
    FRONT_MATTER_KEYS,
    Store,
    article_digests,
    comparable_paths,
    load_corpus,
    partition_store,
)

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
    assert fm["added"].endswith("Z") and fm["retrieved_at"] is None  # retrieved: only when downloaded
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
    again = Store(tmp_path).add(MAIN_PARAGRAPHS, {**META, "title": "Another title entirely"})
    assert again.status == "duplicate" and again.path == first.path and again.changed == ("title",)
    assert "nothing written" in again.describe() and "--force rewrites it" in again.describe()
    same = Store(tmp_path).add(MAIN_PARAGRAPHS, META, force=True)  # force, but nothing to rewrite
    assert same.status == "duplicate" and same.changed == () and "--force" not in same.describe()
    assert sorted(p.name for p in tmp_path.iterdir()) == [first.path.name]
    assert first.path.read_bytes() == before


def test_front_matter_has_the_documented_fields() -> None:
    for key in ("title", "outlet", "author", "date", "kind", "event", "url", "language", "sha256", "added"):
        assert key in FRONT_MATTER_KEYS
    assert FRONT_MATTER_KEYS[:6] == ("title", "outlet", "author", "date", "kind", "event")


@pytest.mark.parametrize(
    ("stored", "given"),
    [
        ("The Daily Example", "The Daily Example"),
        ("The Daily Example", "the daily example!"),  # compared by slug
        ("The Daily Example", None),  # an unknown outlet may be any outlet: not a copy
        (None, "The Daily Example"),
        (None, None),
    ],
)
def test_same_text_from_the_same_outlet_is_a_duplicate(tmp_path: Path, stored: str | None, given: str | None) -> None:
    first = Store(tmp_path).add(MAIN_PARAGRAPHS, {**META, "outlet": stored})
    again = Store(tmp_path).add(MAIN_PARAGRAPHS, {**META, "outlet": given})
    assert again.status == "duplicate" and again.path == first.path
    assert [p.name for p in tmp_path.iterdir()] == [first.path.name]


@pytest.mark.parametrize("same_text", [True, False], ids=["syndicated-copy", "other-text"])
def test_same_title_from_another_outlet_is_stored_beside(tmp_path: Path, same_text: bool) -> None:
    st = Store(tmp_path)
    first = st.add(MAIN_PARAGRAPHS, META)
    before = first.path.read_bytes()
    paragraphs = MAIN_PARAGRAPHS if same_text else MAIN_PARAGRAPHS[:2]
    copy = st.add(paragraphs, {**META, "outlet": "Example Wire Service"})
    assert copy.status == "added" and copy.path.name == "ministers-agree-a-new-bridge--example-wire-service.md"
    assert (copy.copy_of == first.path) is same_text
    assert ("from another outlet" in copy.describe()) is same_text
    assert first.path.read_bytes() == before  # not overwritten
    assert Store(tmp_path).add(paragraphs, {**META, "outlet": "Example Wire Service"}).status == "duplicate"
    assert {(a.article_id, a.outlet) for a in load_corpus(tmp_path)} == {
        ("ministers-agree-a-new-bridge", "The Daily Example"),
        ("ministers-agree-a-new-bridge-example-wire-service", "Example Wire Service"),
    }


def test_same_title_same_outlet_other_text_still_needs_force_or_rename(tmp_path: Path) -> None:
    st = Store(tmp_path)
    st.add(MAIN_PARAGRAPHS, META)
    st.add(MAIN_PARAGRAPHS, {**META, "outlet": "Wire"})
    with pytest.raises(InputError, match="same outlet.*--force"):
        st.add(MAIN_PARAGRAPHS[:1], {**META, "outlet": "Wire"})
    renamed = st.add(MAIN_PARAGRAPHS[:1], {**META, "outlet": "Wire"}, rename=True)
    assert renamed.path.name == f"ministers-agree-a-new-bridge--wire-{renamed.sha256[:8]}.md"


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("outlet", "Example Wire Service"),
        ("kind", "wire"),
        ("date", "2021-02-23"),
        ("author", "Jane Writer"),
        ("title", "Bridge deal agreed"),
        ("event", "bridge-2021"),
    ],
)
def test_force_with_the_same_text_rewrites_only_the_metadata(tmp_path: Path, key: str, value: str) -> None:
    st = Store(tmp_path)
    first = st.add(MAIN_PARAGRAPHS, {**META, "event": "bridge"})
    fm0, body0 = split_front_matter(first.path.read_text(encoding="utf-8"))
    res = Store(tmp_path).add(MAIN_PARAGRAPHS, {**META, key: value}, force=True)
    assert res.status == "updated" and res.path == first.path and res.changed == (key,)
    assert res.describe().startswith(f"updated metadata of {first.path} ({key})")
    fm, body = split_front_matter(first.path.read_text(encoding="utf-8"))
    assert fm[key] == value and body == body0 and fm["sha256"] == fm0["sha256"] == res.sha256
    assert {k: v for k, v in fm.items() if k != key} == {k: v for k, v in fm0.items() if k != key}
    assert fm["event"] == (value if key == "event" else "bridge")  # kept when not given again
    assert [p.name for p in tmp_path.iterdir()] == [first.path.name]  # the name (the article id) stays
    assert load_article(first.path).sha256 == res.sha256


def test_force_picks_the_copy_to_correct(tmp_path: Path) -> None:
    st = Store(tmp_path)
    original = st.add(MAIN_PARAGRAPHS, META)
    copy = st.add(MAIN_PARAGRAPHS, {**META, "outlet": "Wire"})
    # an exact outlet match is the one rewritten
    assert st.add(MAIN_PARAGRAPHS, {**META, "outlet": "Wire", "kind": "wire"}, force=True).path == copy.path
    # no copy from this outlet: the one the title names
    res = st.add(MAIN_PARAGRAPHS, {**META, "outlet": "The Daily Exemple"}, force=True)
    assert res.status == "updated" and res.path == original.path and res.changed == ("outlet",)
    with pytest.raises(InputError, match="stored 2 times"):
        st.add(MAIN_PARAGRAPHS, {"title": "Unrelated", "outlet": "Third"}, force=True)
    assert len(list(tmp_path.iterdir())) == 2


def test_article_ids_stay_unique_in_the_store(tmp_path: Path) -> None:
    st = Store(tmp_path)
    paths = [
        st.add(MAIN_PARAGRAPHS, {"title": "Talks in Sochi", "outlet": "Reuters"}).path,
        st.add(MAIN_PARAGRAPHS, {"title": "Talks in Sochi", "outlet": "TASS"}).path,  # id talks-in-sochi-tass
        st.add(MAIN_PARAGRAPHS[:2], {"title": "Talks in Sochi TASS", "outlet": "Reuters"}).path,  # would clash
        st.add(MAIN_PARAGRAPHS[:3], {"title": "Talks in Sochi", "outlet": "TASS!"}, rename=True).path,
        st.add(MAIN_PARAGRAPHS[1:], {"title": "Talks in Sochi", "outlet": "Новости"}).path,  # no ASCII outlet slug
    ]
    assert len(set(paths)) == len(paths) == len(list(tmp_path.iterdir()))
    assert paths[2].name == "talks-in-sochi-tass--reuters.md"
    ids = [a.article_id for a in load_corpus(tmp_path)]
    assert len(ids) == len(set(ids)) == len(paths)


def test_comparable_paths_leave_out_other_languages_and_the_focus_text(tmp_path: Path) -> None:
    st = Store(tmp_path)
    a = st.add(MAIN_PARAGRAPHS, META)
    b = st.add(MAIN_PARAGRAPHS[:2], {"title": "Second"})
    st.add(RUSSIAN_PARAGRAPHS, {"title": "Vstrecha v Sochi"})
    src = st.add(MAIN_PARAGRAPHS[2:], {"title": "From a file", "source_sha256": "f" * 64})
    assert comparable_paths(tmp_path) == sorted([a.path, b.path, src.path])
    assert comparable_paths(tmp_path, exclude_sha256={b.sha256}) == sorted([a.path, src.path])
    assert comparable_paths(tmp_path, {"f" * 64, a.sha256}) == [b.path]  # the source text's digest counts
    kept = load_corpus(tmp_path, english_only=True, exclude_sha256={a.sha256, "f" * 64})
    assert [x.article_id for x in kept] == ["second"]
    (tmp_path / "broken.md").write_text("---\ntitle: [unclosed\n---\nText.\n", encoding="utf-8")
    assert tmp_path / "broken.md" in comparable_paths(tmp_path)  # kept: loading it reports the error
    assert comparable_paths(tmp_path / "missing") == []


def test_article_digests_find_the_stored_form_of_a_text(tmp_path: Path) -> None:
    seed = load_article(analysis.seed_path())  # one paragraph per line: the store re-spaces it
    stored = Store(tmp_path).add([p.text for p in seed.paragraphs], {"title": seed.title})
    assert stored.sha256 != seed.sha256 and article_digests(seed) == {seed.sha256, stored.sha256}
    assert comparable_paths(tmp_path, {seed.sha256}) == [stored.path]  # no source_sha256 recorded here
    assert comparable_paths(tmp_path, article_digests(seed)) == []


def test_existing_file_is_not_overwritten_without_force(tmp_path: Path) -> None:
    st = Store(tmp_path)
    first = st.add(MAIN_PARAGRAPHS, META)
    before = first.path.read_bytes()
    with pytest.raises(InputError, match="already exists.*same outlet.*--force"):
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


@pytest.mark.parametrize("paragraphs", [["😀🎉🔥 " * 50], ['"' * 50_000], ["2021", "* * *", "3.5 %"]])
def test_text_without_letters_is_refused_as_analyze_refuses_it(tmp_path: Path, paragraphs: list[str]) -> None:
    """Issue 20, item 15: emoji-only text and 50,000 quotation marks were stored (as 'und') but not analysed."""
    with pytest.raises(InputError, match=r"^no words to analyse \(no letters"):
        Store(tmp_path).add(paragraphs, META)
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


def test_rewriting_metadata_counts_only_the_given_keys(tmp_path: Path) -> None:
    body = "\n\n".join(MAIN_PARAGRAPHS) + "\n"
    hand = tmp_path / "hand-written.md"
    hand.write_text(f"---\ntitle: Hand written\nextractor: by hand\n---\n{body}", encoding="utf-8")
    st = Store(tmp_path)
    meta = {"title": "Hand written", "extractor": "trafilatura", "extractor_version": "9"}
    same = st.add(MAIN_PARAGRAPHS, meta, force=True)  # no language/sha256 in the file: not a change
    assert same.status == "duplicate" and same.changed == ()
    res = st.add(MAIN_PARAGRAPHS, {**meta, "kind": "blog"}, force=True)
    assert res.status == "updated" and res.path == hand and res.changed == ("kind",)
    fm, stored_body = split_front_matter(hand.read_text(encoding="utf-8"))
    assert fm["kind"] == "blog" and fm["extractor"] == "by hand" and fm["extractor_version"] is None
    assert fm["sha256"] == res.sha256 and fm["language"] == "en" and stored_body == body


@pytest.mark.parametrize("title", ["Notice", "README", "License", "Authors", "Changelog", "Copying"])
def test_an_article_titled_like_a_folders_documentation_is_stored_where_it_is_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], title: str
) -> None:
    """Stored as notice.md it was skipped by every reader; adding it again said 'a different text'."""
    st = Store(tmp_path)
    res = st.add(MAIN_PARAGRAPHS, {**META, "title": title})
    assert res.status == "added" and res.path.name == f"{title.lower()}-article.md"
    assert st.paths() == [res.path] == Store(tmp_path).paths() and load_corpus(tmp_path)[0].title == title
    assert Store(tmp_path).add(MAIN_PARAGRAPHS, {**META, "title": title}).status == "duplicate"
    assert main(["analyze", "--store", str(tmp_path), "--level", "article", "--format", "csv", "--no-cache"]) == 0
    assert f"{title.lower()}-article" in capsys.readouterr().out


def test_lookups_read_the_store_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``add FOLDER`` was quadratic: every source globbed and re-read the whole store."""
    import analysis.sources.store as store_module

    for i in range(5):
        Store(tmp_path).add([f"{MAIN_PARAGRAPHS[0]} Item {i}."], {**META, "title": f"Story {i}", "url": f"u{i}"})
    reads: list[Path] = []
    globs: list[Path] = []
    real_entry, real_files = store_module._entry, store_module.article_files
    monkeypatch.setattr(store_module, "_entry", lambda p: reads.append(p) or real_entry(p))
    monkeypatch.setattr(store_module, "article_files", lambda *a: globs.append(a[0]) or real_files(*a))
    st = Store(tmp_path)
    for i in range(5, 25):
        st.add([f"{MAIN_PARAGRAPHS[0]} Item {i}."], {**META, "title": f"Story {i}", "url": f"u{i}"})
        assert st.find_url(f"u{i}") is not None and st.find_url(f"u{i - 3}") is not None
    assert len(globs) == 1 and sorted(reads) == sorted(set(reads)) and len(reads) == 5  # each stored file read once
    assert st.add([f"{MAIN_PARAGRAPHS[0]} Item 7."], META).path == tmp_path / "story-7.md"  # found by its text


def test_a_name_taken_by_another_process_meanwhile_is_chosen_again(tmp_path: Path) -> None:
    """Two outlets adding one title at once: the loser got 'already exists' instead of its own file."""

    class Racing(Store):
        """Another process stores the same title from its outlet just after this one chose the name."""

        raced = False

        def target_for(self, *args: object, **kwargs: object) -> tuple[Path, bool]:
            chosen = super().target_for(*args, **kwargs)  # type: ignore[arg-type]
            if not self.raced:
                self.raced = True
                Store(tmp_path).add(MAIN_PARAGRAPHS[:2], {**META, "outlet": "Other Outlet"})
            return chosen

    res = Racing(tmp_path).add(MAIN_PARAGRAPHS, META)
    assert res.status == "added" and res.path.name == "ministers-agree-a-new-bridge--the-daily-example.md"
    assert {a.outlet for a in load_corpus(tmp_path)} == {"Other Outlet", "The Daily Example"}


def _add_at_once(barrier: object, folder: str, paragraphs: list[str], outlet: str) -> None:
    """A child process: wait for the other, then add the title from ``outlet``; exit 0 when it was stored."""
    import os

    barrier.wait()  # type: ignore[attr-defined]
    try:
        status = Store(Path(folder)).add(paragraphs, {**META, "outlet": outlet}).status
    except Exception as exc:  # noqa: BLE001 - reported through the exit status
        print(f"{outlet}: {exc}")
        os._exit(1)
    os._exit(0 if status == "added" else 1)


def test_two_processes_adding_one_title_at_once_each_get_their_own_file(tmp_path: Path) -> None:
    """Issue 20, item 15: in 1 of 20 real races of two ``add``s, the loser got 'already exists'.

    Twenty rounds of two forked processes released together by a barrier, each into an empty store, adding
    the same story (a syndicated copy) under one title from two outlets: with the code before the fix the
    loser said 'already exists' in the first round of each of two runs.
    """
    import multiprocessing

    ctx = multiprocessing.get_context("fork")
    for round_ in range(20):
        folder = tmp_path / f"store{round_}"
        folder.mkdir()
        barrier = ctx.Barrier(2)
        children = [
            ctx.Process(target=_add_at_once, args=(barrier, str(folder), list(paragraphs), outlet))
            for paragraphs, outlet in ((MAIN_PARAGRAPHS, "The Daily Example"), (MAIN_PARAGRAPHS, "Other Outlet"))
        ]
        for child in children:
            child.start()
        for child in children:
            child.join(60)
        assert [child.exitcode for child in children] == [0, 0], f"round {round_}"
        assert {a.outlet for a in load_corpus(folder)} == {"Other Outlet", "The Daily Example"}, f"round {round_}"
        assert not list(folder.glob(".*.tmp")), f"round {round_}"
