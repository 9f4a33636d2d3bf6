"""Ingestion: saved HTML pages through trafilatura, text files, the ``add`` command, offline use."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from analysis import InputError, load_article, seed_path
from analysis.cli import main
from analysis.sources.ingest import add, extract_file, extract_html, source_files
from analysis.sources.loading import split_front_matter
from analysis.sources.store import comparable_paths, load_corpus

from .conftest import OFFLINE_CLI
from .html_pages import BOILERPLATE_MARKERS, MAIN_PARAGRAPHS, boilerplate_page, russian_page

ROOT = Path(__file__).resolve().parent.parent


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def page(tmp_path: Path) -> Path:
    p = tmp_path / "page.html"
    p.write_text(boilerplate_page(), encoding="utf-8")
    return p


def test_html_main_text_and_metadata_without_furniture(page: Path) -> None:
    ex = extract_file(page)
    body = [p for p in ex.paragraphs if p != "Ministers agree on new bridge"]
    assert body == list(MAIN_PARAGRAPHS)  # paragraph breaks kept, one block per <p>
    joined = "\n".join(ex.paragraphs)
    for marker in BOILERPLATE_MARKERS:
        assert marker not in joined, marker
    assert ex.meta["title"] == "Ministers agree on new bridge"
    assert ex.meta["author"] == "Jane Writer"
    assert ex.meta["outlet"] == "The Daily Example"
    assert ex.meta["date"] == "2021-02-22"
    assert ex.meta["extractor"] == "trafilatura" and ex.meta["extractor_version"]


def test_add_page_then_analyze_store_with_the_network_disabled(tmp_path: Path, page: Path) -> None:
    store = tmp_path / "articles"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    cmd = [sys.executable, "-c", OFFLINE_CLI]
    added = subprocess.run(
        [*cmd, "add", str(page), "--store", str(store), "--kind", "news"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    assert added.returncode == 0, added.stderr
    assert added.stdout.startswith(f"added {store}/ministers-agree-on-new-bridge.md")
    analysed = subprocess.run(
        [*cmd, "analyze", "--store", str(store), "--format", "csv", "--all-roles"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    assert analysed.returncode == 0, analysed.stderr
    assert "network access attempted" not in analysed.stderr + added.stderr
    rows = analysed.stdout.strip().split("\n")
    assert rows[0].startswith("article_id,") and len(rows) == 1 + 1 + len(MAIN_PARAGRAPHS)  # headline + body
    assert rows[1].split(",")[:3] == ["ministers-agree-on-new-bridge", "0", "headline"]
    assert all(r.split(",")[2] == "body" for r in rows[2:])
    art = load_article(store / "ministers-agree-on-new-bridge.md")
    assert art.kind == "news" and art.outlet == "The Daily Example" and art.extra["extractor"] == "trafilatura"


def add_page_once(tmp_path: Path, page: Path, capsys: pytest.CaptureFixture[str], *options: str) -> tuple[Path, Path]:
    """``add`` the bridge page to a fresh store; returns the store and the stored file."""
    store = tmp_path / "s"
    assert run(["add", str(page), "--store", str(store), *options], capsys)[0] == 0
    return store, store / "ministers-agree-on-new-bridge.md"


def test_duplicate_add_writes_nothing(tmp_path: Path, page: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store, stored = add_page_once(tmp_path, page, capsys)
    before = stored.read_bytes()
    copy = tmp_path / "same-text.html"
    copy.write_text(boilerplate_page(), encoding="utf-8")
    code, out, _ = run(["add", str(copy), "--store", str(store), "--title", "Other name"], capsys)
    assert code == 0 and out.startswith("duplicate:") and "nothing written" in out and str(stored) in out
    assert str(copy) in out and "its metadata differs: title; --force rewrites it" in out
    assert [p.name for p in store.iterdir()] == [stored.name] and stored.read_bytes() == before


def test_existing_file_not_overwritten_without_force(
    tmp_path: Path, page: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store, stored = add_page_once(tmp_path, page, capsys)
    before = stored.read_bytes()
    changed = tmp_path / "changed.html"
    changed.write_text(boilerplate_page(paragraphs=MAIN_PARAGRAPHS[:3]), encoding="utf-8")
    code, _, err = run(["add", str(changed), "--store", str(store)], capsys)
    assert code == 2 and err.startswith("error: ") and "--force" in err and err.count("\n") == 1
    assert stored.read_bytes() == before
    code, out, _ = run(["add", str(changed), "--store", str(store), "--force"], capsys)
    assert code == 0 and out.startswith("replaced ")
    assert MAIN_PARAGRAPHS[3] not in stored.read_text(encoding="utf-8")


def test_non_english_page_is_stored_and_marked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ru = tmp_path / "ru.html"
    ru.write_text(russian_page(), encoding="utf-8")
    code, out, _ = run(["add", str(ru), "--store", str(tmp_path / "s"), "--title", "Vstrecha v Sochi"], capsys)
    assert code == 0 and "language: ru" in out and "not English" in out
    stored = tmp_path / "s" / "vstrecha-v-sochi.md"
    fm, body = split_front_matter(stored.read_text(encoding="utf-8"))
    assert fm["language"] == "ru" and "Сочи" in body


def test_options_override_extracted_metadata(tmp_path: Path, page: Path) -> None:
    res = add(page, tmp_path, title="Bridge deal", outlet="Example Wire", kind="wire", date="2021-02-23", author=None)
    fm, _ = split_front_matter(res.path.read_text(encoding="utf-8"))
    assert res.path.name == "bridge-deal.md"
    assert (fm["title"], fm["outlet"], fm["kind"], fm["date"], fm["author"]) == (
        "Bridge deal",
        "Example Wire",
        "wire",
        "2021-02-23",
        "Jane Writer",
    )


def test_text_file_one_paragraph_per_line_and_front_matter(tmp_path: Path) -> None:
    src = tmp_path / "piece.txt"
    src.write_text("\n".join(MAIN_PARAGRAPHS) + "\n", encoding="utf-8")
    res = add(src, tmp_path / "s", title="A piece")
    assert [p.text for p in load_article(res.path).paragraphs] == list(MAIN_PARAGRAPHS)
    md = tmp_path / "note.md"
    md.write_text(
        "---\ntitle: Front matter title\noutlet: Blog\nsha256: bogus\n---\n\n" + MAIN_PARAGRAPHS[0] + "\n",
        encoding="utf-8",
    )
    res = add(md, tmp_path / "s")
    fm, _ = split_front_matter(res.path.read_text(encoding="utf-8"))
    assert res.path.name == "front-matter-title.md" and fm["outlet"] == "Blog"
    assert fm["sha256"] == res.sha256 != "bogus" and fm["extractor"] == "media-analysis"


def test_text_file_without_front_matter_is_named_after_its_headline(tmp_path: Path) -> None:
    src = tmp_path / "download (3).txt"
    src.write_bytes(seed_path().read_bytes())  # the seed: a headline line, no front matter
    res = add(src, tmp_path / "s")
    fm, _ = split_front_matter(res.path.read_text(encoding="utf-8"))
    assert res.path.name == "could-russia-lose-belarus.md" and fm["title"] == "Could Russia Lose Belarus?"
    assert fm["author"] == "Christina Kitova" and fm["kind"] == "opinion"  # a copy of the seed is the seed
    assert load_article(res.path).title == "Could Russia Lose Belarus?"
    # no headline (the first line is a sentence): named after the digest, as documented
    plain = tmp_path / "plain.txt"
    plain.write_text("\n".join(MAIN_PARAGRAPHS) + "\n", encoding="utf-8")
    res = add(plain, tmp_path / "s")
    assert split_front_matter(res.path.read_text(encoding="utf-8"))[0]["title"] is None
    assert res.path.name == f"{res.sha256[:12]}.md"


def test_html_saved_with_txt_extension_is_still_extracted(tmp_path: Path) -> None:
    src = tmp_path / "saved.txt"
    src.write_text(boilerplate_page(), encoding="utf-8")
    assert "Share on Facebook" not in "\n".join(extract_file(src).paragraphs)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.html", None, "no such file"),
        ("empty.html", b"", "empty"),
        ("nav.html", b"<html><body><nav><a href='/'>Home</a></nav></body></html>", "not an article page"),
        ("blank.txt", b"   \n\n ", "empty"),
        ("binary.txt", bytes(range(256)) * 4, "binary"),
        # no letters: refused as analyze refuses them (both were stored as 'und' before)
        ("emoji.txt", "😀🎉🔥 ".encode() * 50, "no words to analyse (no letters"),
        ("quotes.txt", b'"' * 50_000, "no words to analyse (no letters"),
        ("numbers.md", b"---\ntitle: Figures\n---\n2021 2022\n\n3.5 %\n", "no words to analyse (no letters"),
        ("emoji.html", "<html><body><p>😀 🎉 🔥 👍</p></body></html>".encode(), "not an article page"),
    ],
)
def test_bad_sources_are_one_line_errors_and_write_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: bytes | None, message: str
) -> None:
    src = tmp_path / name
    if content is not None:
        src.write_bytes(content)
    code, out, err = run(["add", str(src), "--store", str(tmp_path / "s")], capsys)
    assert code == 2 and out == "" and err.startswith("error: ") and message in err and err.count("\n") == 1
    assert not (tmp_path / "s").exists()


def test_non_http_url_is_refused_without_network(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["add", "ftp://example.org/a.html", "--store", str(tmp_path)], capsys)
    assert code == 2 and "only http:// and https://" in err


def test_extract_html_accepts_bytes_and_refuses_empty_pages() -> None:
    assert extract_html(boilerplate_page().encode("utf-8")).meta["title"] == "Ministers agree on new bridge"
    with pytest.raises(ValueError, match="no article text"):
        extract_html("<html><body></body></html>")


def test_cli_start_does_not_import_trafilatura() -> None:
    code = (
        "import sys; from analysis.cli import build_parser; build_parser(); "
        "import analysis.sources.ingest, analysis.sources.fetch, analysis.sources.store; "
        "print('trafilatura' in sys.modules)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0 and proc.stdout.strip() == "False", proc.stderr


# ------------------------------------------------------------------ several sources, sidecars, the seed


def test_the_seed_is_stored_with_its_metadata_and_can_be_left_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = tmp_path / "s"
    code, out, err = run(["add", str(ROOT / "seeds" / "could-russia-lose-belarus.txt"), "--store", str(store)], capsys)
    assert code == 0, err
    stored = store / "could-russia-lose-belarus.md"
    assert out.startswith(f"added {stored} from ")
    art = load_article(stored)
    assert (art.title, art.author, art.kind) == ("Could Russia Lose Belarus?", "Christina Kitova", "opinion")
    seed = load_article(seed_path())
    assert art.extra["source_sha256"] == seed.sha256 != art.sha256  # the store re-spaces its paragraphs
    assert comparable_paths(store) == [stored]
    assert comparable_paths(store, exclude_sha256={seed.sha256}) == []
    assert load_corpus(store, exclude_sha256={seed.sha256}) == []


def test_sidecar_metadata_overrides_the_file_and_options_override_both(tmp_path: Path, page: Path) -> None:
    (tmp_path / "page.meta.yaml").write_text(
        "outlet: Belarus Feed\nkind: news\nevent: sochi-2021-02\ndate: 2021-02-21\nsha256: ignored\n",
        encoding="utf-8",
    )
    res = add(page, tmp_path / "s", kind="wire")
    fm, _ = split_front_matter(res.path.read_text(encoding="utf-8"))
    assert (fm["outlet"], fm["kind"], fm["event"], fm["date"], fm["author"]) == (
        "Belarus Feed",
        "wire",
        "sochi-2021-02",
        "2021-02-21",
        "Jane Writer",
    )
    (tmp_path / "page.meta.yaml").write_text("- not a mapping\n", encoding="utf-8")
    with pytest.raises(InputError, match="page.meta.yaml: a metadata file must be key: value pairs"):
        add(page, tmp_path / "s2")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Saved pages and text files, plus what a folder must not stand for."""
    d = tmp_path / "saved"
    (d / "sub").mkdir(parents=True)
    (d / "page_files").mkdir()
    (d / ".cache").mkdir()
    (d / "b-page.html").write_text(boilerplate_page("Bridge talks resume"), encoding="utf-8")
    (d / "a-page.htm").write_text(boilerplate_page("Ministers meet"), encoding="utf-8")
    (d / "c.txt").write_text("\n".join(MAIN_PARAGRAPHS[:2]) + "\n", encoding="utf-8")
    (d / "sub" / "d.md").write_text("---\ntitle: Notes on the bridge\n---\n" + MAIN_PARAGRAPHS[2], encoding="utf-8")
    (d / "e.markdown").write_text("---\ntitle: More notes\n---\n" + MAIN_PARAGRAPHS[3], encoding="utf-8")
    for junk in ("README.md", "LICENSE.txt", "ATTRIBUTION.md", ".hidden.html", "notes.json", "e.meta.yaml"):
        (d / junk).write_text("kind: blog\n" if junk == "e.meta.yaml" else "not an article\n", encoding="utf-8")
    (d / ".cache" / "x.txt").write_text("cached\n", encoding="utf-8")
    (d / "page_files" / "ad.html").write_text(boilerplate_page("An advert"), encoding="utf-8")
    return d


def test_a_folder_stands_for_its_article_files(folder: Path) -> None:
    assert [p.relative_to(folder).as_posix() for p in source_files(folder)] == [
        "a-page.htm",
        "b-page.html",
        "c.txt",
        "e.markdown",
        "sub/d.md",
    ]


def test_add_several_sources_and_folders_one_line_each(
    tmp_path: Path, folder: Path, page: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = tmp_path / "s"
    code, out, err = run(["add", str(page), str(folder), "--store", str(store), "--event", "bridge"], capsys)
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert [line.split(" ", 1)[0] for line in lines[:-1]] == ["added"] * 6
    assert [line.rsplit(" from ", 1)[1] for line in lines[:-1]] == [str(page)] + [str(p) for p in source_files(folder)]
    assert lines[-1] == "6 added (of 6 sources)"
    arts = load_corpus(store)
    assert len(arts) == 6 and {a.extra["event"] for a in arts} == {"bridge"}
    assert next(a for a in arts if a.title == "More notes").kind == "blog"  # e.meta.yaml
    # again: every one a duplicate, still a success
    code, out, _ = run(["add", str(folder), "--store", str(store)], capsys)
    assert code == 0 and out.splitlines()[-1] == "5 duplicate (of 5 sources)"


@pytest.mark.parametrize(
    ("bad", "expected"),
    [(0, 0), (1, 1), (2, 1), (3, 2)],
    ids=["all-fine", "one-failed", "two-failed", "all-failed"],
)
def test_add_continues_past_failures_and_exit_status_counts_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], bad: int, expected: int
) -> None:
    good = []
    for n in range(3 - bad):
        f = tmp_path / f"good{n}.txt"
        f.write_text(f"Article number {n}\n\n{MAIN_PARAGRAPHS[n]}\n", encoding="utf-8")
        good.append(str(f))
    empty = tmp_path / "empty-folder"
    empty.mkdir()
    (tmp_path / "blank.txt").write_bytes(b"  \n")
    failing = [str(tmp_path / "missing.html"), str(empty), str(tmp_path / "blank.txt")][:bad]
    sources = [*failing[:1], *good, *failing[1:]]
    code, out, err = run(["add", *sources, "--store", str(tmp_path / "s")], capsys)
    assert code == expected
    errors = err.splitlines()
    assert len(errors) == bad and all(e.startswith("error: ") for e in errors)
    for message, source in zip(errors, failing, strict=True):
        assert message.startswith(f"error: {source}: ")
    assert sum(line.startswith("added ") for line in out.splitlines()) == 3 - bad
    assert out.splitlines()[-1].endswith("(of 3 sources)")
    if bad:
        assert f"{bad} failed" in out
    assert len(list((tmp_path / "s").glob("*.md")) if (tmp_path / "s").exists() else []) == 3 - bad


def test_title_with_several_sources_is_refused(
    tmp_path: Path, folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(["add", str(folder), "--title", "One title", "--store", str(tmp_path / "s")], capsys)
    assert code == 2 and out == "" and "--title names one article" in err and err.count("\n") == 1
    assert not (tmp_path / "s").exists()


@pytest.mark.parametrize(
    ("option", "value", "key"),
    [
        ("--outlet", "Example Wire", "outlet"),
        ("--kind", "wire", "kind"),
        ("--date", "2021-02-23", "date"),
        ("--author", "John Editor", "author"),
        ("--title", "Bridge deal agreed", "title"),
        ("--event", "sochi-2021-02", "event"),
    ],
)
def test_force_with_identical_text_updates_the_metadata(
    tmp_path: Path, page: Path, capsys: pytest.CaptureFixture[str], option: str, value: str, key: str
) -> None:
    store, stored = add_page_once(tmp_path, page, capsys, "--kind", "news")
    _, body_before = split_front_matter(stored.read_text(encoding="utf-8"))
    code, out, _ = run(["add", str(page), "--store", str(store), "--kind", "news", option, value, "--force"], capsys)
    assert code == 0 and out == f"updated metadata of {stored} ({key}) from {page}\n"
    fm, body = split_front_matter(stored.read_text(encoding="utf-8"))
    assert fm[key] == value and body == body_before
    assert [p.name for p in store.iterdir()] == [stored.name]
    code, out, _ = run(["add", str(page), "--store", str(store), "--kind", "news", option, value, "--force"], capsys)
    assert code == 0 and out.startswith("duplicate:")  # nothing left to rewrite


def test_a_syndicated_copy_is_stored_beside_the_original(
    tmp_path: Path, page: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store, original = add_page_once(tmp_path, page, capsys)
    before = original.read_bytes()
    code, out, _ = run(["add", str(page), "--store", str(store), "--outlet", "Belarus Feed"], capsys)
    copy = store / "ministers-agree-on-new-bridge--belarus-feed.md"
    assert code == 0 and out.startswith(f"added {copy} from {page}") and f"same text as {original}" in out
    assert original.read_bytes() == before
    assert split_front_matter(copy.read_text(encoding="utf-8"))[0]["outlet"] == "Belarus Feed"
    code, out, _ = run(["add", str(page), "--store", str(store), "--outlet", "Belarus Feed"], capsys)
    assert code == 0 and out.startswith("duplicate:") and str(copy) in out


def test_front_matter_goes_into_the_store_as_written(tmp_path: Path) -> None:
    """YAML 1.1 coercion changed metadata silently (``12:30`` became 750); lists were stored as Python reprs."""
    md = tmp_path / "note.md"
    md.write_text(
        "---\ntitle: 12:30\nauthor: No\noutlet: on\ndate: 010\ntags: [a, b]\nplace: {city: Oslo}\n---\n\n"
        + MAIN_PARAGRAPHS[0]
        + "\n",
        encoding="utf-8",
    )
    res = add(md, tmp_path / "s")
    stored = res.path.read_text(encoding="utf-8")
    fm, _ = split_front_matter(stored)
    assert res.path.name == "12-30.md" and "['a', 'b']" not in stored and "{'city'" not in stored
    assert {k: fm[k] for k in ("title", "author", "outlet", "date", "tags", "place")} == {
        "title": "12:30",
        "author": "No",
        "outlet": "on",
        "date": "010",
        "tags": ["a", "b"],
        "place": {"city": "Oslo"},
    }
    art = load_article(res.path)
    assert (art.title, art.author, art.outlet, art.date) == ("12:30", "No", "on", "010")


def test_billion_laughs_front_matter_is_refused_by_add(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.test_loading import LAUGHS

    md = tmp_path / "laughs.md"
    md.write_text(f"---\n{LAUGHS}---\n\n{MAIN_PARAGRAPHS[0]}\n", encoding="utf-8")
    code, out, err = run(["add", str(md), "--store", str(tmp_path / "s")], capsys)
    assert code == 2 and out == "" and len(err.splitlines()) == 1 and "aliases (*a) are not allowed" in err
    assert not (tmp_path / "s").exists()


def test_a_page_over_the_limit_is_refused_before_it_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``add big.html`` read all of a 3 GB file (3.3 GB of memory) before checking its size."""
    import analysis.sources.ingest as ingest

    monkeypatch.setattr(ingest, "MAX_PAGE_BYTES", 1000)
    big = tmp_path / "big.html"
    with big.open("wb") as fh:  # a sparse file: 64 MB long, nothing on disk
        fh.truncate(64 * 1024**2)
    read: list[int] = []
    real = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: read.append(1) or real(self))
    with pytest.raises(InputError, match="larger than the 1,000 byte limit for a saved page"):
        extract_file(big)
    assert read == []
