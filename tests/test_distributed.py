"""analysis.corpus.distributed on a local dask.distributed cluster equals the single-process results."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis import analyze_corpus
from tests.test_batch import TEXTS

db = pytest.importorskip("dask.bag", reason="the optional extra media-analysis[dask] is not installed")
distributed = pytest.importorskip("dask.distributed", reason="the optional extra media-analysis[dask] is not installed")

from analysis.corpus.distributed import (  # noqa: E402
    analyze_bag,
    analyze_bag_outcomes,
    analyze_bag_with_failures,
    analyze_dataframe,
    analyze_item,
)


@pytest.fixture(scope="module")
def client():  # type: ignore[no-untyped-def]
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0", silence_logs=40
        ) as cluster,
        distributed.Client(cluster) as c,
    ):
        yield c


def _items() -> list[dict[str, str]]:
    # Repeat the texts under new ids so both workers get several articles.
    return [{"article_id": f"{name}-{i}", "text": TEXTS[name]} for i in range(3) for name in TEXTS]


def _single_process(tmp_path: Path, level: str) -> pd.DataFrame:
    paths = []
    for item in _items():
        p = tmp_path / f"{item['article_id']}.txt"
        p.write_text(item["text"], encoding="utf-8")
        paths.append(p)
    return analyze_corpus(paths, level=level)


@pytest.mark.parametrize("level", ["paragraph", "article"])
def test_cluster_results_equal_single_process(client, tmp_path: Path, level: str) -> None:  # type: ignore[no-untyped-def]
    bag = db.from_sequence(_items(), npartitions=4)
    got = analyze_bag(bag, level=level).compute().reset_index(drop=True)
    assert len(client.scheduler_info()["workers"]) == 2
    expected = _single_process(tmp_path, level)
    # the same rows; only where each came from differs (texts in the bag, files on disk)
    assert set(expected["source_path"]) == {str(tmp_path / f"{i['article_id']}.txt") for i in _items()}
    assert set(got["source_path"]) == {""}
    pd.testing.assert_frame_equal(got.drop(columns="source_path"), expected.drop(columns="source_path"))


def test_failures_are_reported_not_raised(client) -> None:  # type: ignore[no-untyped-def]
    items = [TEXTS["alpha-floods"], "   ", {"no": "text"}, "Президент встретился с министрами. " * 10]
    outcomes = analyze_bag_outcomes(db.from_sequence(items, npartitions=2)).compute()
    assert [o["error"] is None for o in outcomes] == [True, False, False, False]
    assert "not English" in outcomes[3]["error"]
    df = analyze_bag(db.from_sequence(items, npartitions=2)).compute()
    assert df["article_id"].nunique() == 1 and len(df) == len(outcomes[0]["paragraphs"])


def test_dask_dataframe_of_texts(client) -> None:  # type: ignore[no-untyped-def]
    import dask.dataframe as dd

    pdf = pd.DataFrame({"article_id": list(TEXTS), "body": list(TEXTS.values())})
    got = analyze_dataframe(dd.from_pandas(pdf, npartitions=2), text="body", level="article").compute()
    assert got["article_id"].tolist() == list(TEXTS)
    assert (got["n_words"] > 20).all()


def test_failures_come_with_the_rows_from_one_analysis(monkeypatch: pytest.MonkeyPatch) -> None:
    import dask

    import analysis.corpus.distributed as dist

    dist.meta_frame()  # built once per process from a sample text: not one of the items
    calls = []

    def counted(item, config=None):  # type: ignore[no-untyped-def]
        calls.append(item)
        return analyze_item(item, config)

    monkeypatch.setattr(dist, "analyze_item", counted)
    items = [TEXTS["alpha-floods"], "   ", TEXTS["mid-school"], "Президент встретился с министрами. " * 10]
    rows, failures = analyze_bag_with_failures(db.from_sequence(items, npartitions=2))
    got, failed = dask.compute(rows, failures, scheduler="synchronous")
    assert len(calls) == len(items)  # each article analysed once for both results
    assert got["article_id"].nunique() == 2 and len(failed) == 2
    assert list(failed.columns) == ["article_id", "error"]
    assert "no article text" in failed["error"].iloc[0] and "not English" in failed["error"].iloc[1]
    pd.testing.assert_frame_equal(
        got.reset_index(drop=True),
        analyze_bag(db.from_sequence(items)).compute(scheduler="synchronous").reset_index(drop=True),
    )


def test_a_text_with_a_byte_order_mark_gives_the_rows_of_its_file(tmp_path: Path) -> None:
    """``Path.read_text()`` keeps a BOM that reading the file as an article drops: same rows either way."""
    p = tmp_path / "bom.txt"
    p.write_bytes("\ufeff".encode() + TEXTS["alpha-floods"].encode())
    item = {"article_id": "bom", "text": p.read_text(encoding="utf-8"), "source_path": str(p)}
    got = analyze_bag(db.from_sequence([item])).compute(scheduler="synchronous").reset_index(drop=True)
    pd.testing.assert_frame_equal(got, analyze_corpus([p]))


def test_paths_are_read_on_the_workers_as_analyze_corpus_reads_them(client, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    paths = []
    for name, text in TEXTS.items():
        p = tmp_path / f"{name.title()}.txt"  # ids come from file names, slugified, as analyze_corpus makes them
        p.write_bytes("\ufeff".encode() + text.encode())
        paths.append(p)
    bad = tmp_path / "latin1.txt"
    bad.write_bytes(b"\xff\xfe\x00\x01 caf\xe9" * 50)  # binary: refused by the file rules
    rows, failures = analyze_bag_with_failures(db.from_sequence([*paths, bad], npartitions=2))
    got, failed = rows.compute().reset_index(drop=True), failures.compute()
    pd.testing.assert_frame_equal(got, analyze_corpus(paths))
    assert failed["article_id"].tolist() == ["latin1"] and "binary file" in failed["error"].iloc[0]
