"""``add FOLDER --manifest FILE``: metadata for a folder of files from one table, by file name."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis.cli import main
from analysis.sources.ingest import add_with_manifest, read_manifest
from analysis.sources.loading import load_article
from analysis.sources.store import article_files
from analysis.sources.table import TableColumns

TEXTS = {
    "ap_001.txt": "Officials said the plan may fail. Critics think it could cost more than expected this year.",
    "ap_002.txt": "The council approved the budget on Tuesday. It will fund three new schools and a library.",
    "cnn_001.txt": "It is clearly the best option, the minister said. Everyone knows the result is certain.",
}


def folder(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    for name, text in TEXTS.items():
        (d / name).write_text(text + "\n", encoding="utf-8")
    return d


def manifest(tmp_path: Path, rows: list[dict[str, str]] | None = None, name: str = "meta.csv") -> Path:
    rows = rows or [
        {"filename": "ap_001", "publisher": "AP", "date": "2016-03-01", "title": "10 Things to Know for Today"},
        {"filename": "ap_002", "publisher": "AP", "date": "2016-03-02", "title": "10 Things to Know for Today"},
        {"filename": "cnn_001.txt", "publisher": "CNN", "date": "2016-03-02", "title": "A Clear Choice"},
    ]
    p = tmp_path / name
    pd.DataFrame(rows).to_csv(p, index=False, sep="\t" if name.endswith(".tsv") else ",")
    return p


def test_manifest_metadata_ids_kept_same_title_both_stored(tmp_path: Path) -> None:
    results = add_with_manifest(
        folder(tmp_path), manifest(tmp_path), tmp_path / "store", columns=TableColumns(outlet="publisher")
    )
    assert [r.status for r in results] == ["added"] * 3
    articles = {a.article_id: a for a in map(load_article, article_files(tmp_path / "store"))}
    assert set(articles) == {"ap_001", "ap_002", "cnn_001"}
    assert articles["ap_001"].title == articles["ap_002"].title == "10 Things to Know for Today"
    assert articles["ap_002"].outlet == "AP" and articles["cnn_001"].date == "2016-03-02"


def test_cli_add_with_manifest_then_compare(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = tmp_path / "store"
    code = main(
        [
            "add",
            str(folder(tmp_path)),
            "--manifest",
            str(manifest(tmp_path, name="meta.tsv")),
            "--outlet-column",
            "publisher",
            "--store",
            str(store),
        ]
    )
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "3 added" in out
    code = main(["analyze", str(store), "--level", "article", "--format", "csv", "--no-cache", "-q"])
    out, err = capsys.readouterr()
    df = pd.read_csv(__import__("io").StringIO(out))
    assert sorted(df["article_id"]) == ["ap_001", "ap_002", "cnn_001"] and set(df["outlet"]) == {"AP", "CNN"}


def test_unnamed_file_and_missing_file_are_reported(tmp_path: Path) -> None:
    rows = [{"file": "ap_001.txt", "outlet": "AP"}, {"file": "gone.txt", "outlet": "AP"}]
    results = add_with_manifest(folder(tmp_path), manifest(tmp_path, rows), tmp_path / "store")
    statuses = {Path(r.source).name: (r.status, r.error) for r in results}
    assert statuses["ap_001.txt"][0] == "added"
    assert "not in the manifest" in statuses["ap_002.txt"][1]
    assert "1 row(s) name files not in" in statuses["meta.csv"][1] and "gone.txt" in statuses["meta.csv"][1]


@pytest.mark.parametrize(
    "args,expected",
    [
        (["--file-column", "nosuch"], "no column 'nosuch' naming each file"),
        (["--outlet-column", "paper"], "no column 'paper' for the outlet"),
        (["--outlet", "AP"], "--manifest gives each file's metadata; leave out --outlet"),
    ],
)
def test_manifest_mistakes_are_one_error_line(
    tmp_path: Path, args: list[str], expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        ["add", str(folder(tmp_path)), "--manifest", str(manifest(tmp_path)), "--store", str(tmp_path / "store"), *args]
    )
    out, err = capsys.readouterr()
    assert code == 2 and err.count("\n") == 1 and err.startswith("error: ") and expected in err, err
    assert not (tmp_path / "store").exists() or not list((tmp_path / "store").iterdir())


def test_manifest_without_file_column(tmp_path: Path) -> None:
    p = manifest(tmp_path, [{"name": "x", "outlet": "AP"}])
    with pytest.raises(Exception, match="naming each file"):
        read_manifest(p)
