"""The committed news baseline: figures only, loadable offline, reproducible from ../shared."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import analysis
from analysis import InputError
from analysis.cli import main
from analysis.corpus.baseline import BASELINE_COLUMNS, build, corpus_article, to_csv
from analysis.report.baseline import percentile_ranks
from analysis.tables import TEXT_COLUMNS

ROOT = Path(__file__).resolve().parent.parent
COMMITTED = ROOT / "data" / "baselines"


def test_baseline_loads_offline_without_text() -> None:
    paras = analysis.load_baseline()
    arts = analysis.load_baseline("onestopenglish-adv", level="article")
    assert len(arts) == 189 and arts["article_id"].is_unique
    assert set(paras["article_id"]) == set(arts["article_id"])
    assert (paras["role"] == "body").sum() > 2000 and set(paras["role"]) <= {"body", "headline"}
    for df in (paras, arts):
        assert not set(TEXT_COLUMNS) & set(df.columns)
        # No article text anywhere: the only string columns are slugs, roles and the file-name titles.
        text_like = [c for c in df.columns if not (pd.api.types.is_numeric_dtype(df[c]) or df[c].dtype == bool)]
        assert text_like == ["article_id", "role", "title", "outlet", "kind"]
        assert set(df["outlet"]) == {"The Guardian"} and set(df["kind"]) == {"news"}
        assert df["article_id"].str.fullmatch(r"[a-z0-9-]+").all()
    assert arts["n_words"].between(200, 3000).all()
    assert arts["flesch_kincaid_grade"].between(5, 20).all()


def test_baseline_errors() -> None:
    with pytest.raises(InputError, match="no baseline named 'nope'.*onestopenglish-adv"):
        analysis.load_baseline("nope")
    with pytest.raises(InputError, match="level"):
        analysis.load_baseline(level="sentence")
    with pytest.raises(InputError, match="not a baseline name"):
        analysis.load_baseline("../etc")


def test_percentile_ranks_place_a_value_in_the_distribution() -> None:
    arts = analysis.load_baseline(level="article")
    median_row = {"n_words": arts["n_words"].median(), "flesch_kincaid_grade": 1e9, "hedges_per_100w": -1.0}
    ranks = percentile_ranks(median_row).set_index("metric")
    assert 45 <= ranks.loc["n_words", "percentile"] <= 55
    assert ranks.loc["flesch_kincaid_grade", "percentile"] == 100.0
    assert ranks.loc["hedges_per_100w", "percentile"] == 0.0
    assert (ranks["n"] == 189).all()
    seed = analysis.article_metrics(analysis.load_article(analysis.seed_path()))
    seed_ranks = percentile_ranks(seed)
    assert len(seed_ranks) > 20 and seed_ranks["percentile"].between(0, 100).all()


def test_build_on_a_tiny_corpus_handles_title_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    lede = "The council voted on Tuesday to close the old library, and residents said they would appeal.\n"
    (corpus / "Library-adv.txt").write_text("\ufeff" + lede + "Officials said the decision could change.\n")
    (corpus / "WNL Lesson-adv.txt").write_text("Introduction\n" + lede + "The vote was close.\n")
    (corpus / "Question-adv.txt").write_text("Is the library worth saving?\n" + lede)
    (corpus / "ATTRIBUTION.md").write_text("not an article")
    assert corpus_article(corpus / "Library-adv.txt").title == "Library"
    paras, arts = build(corpus)
    assert list(arts["article_id"]) == ["library", "question", "wnl-lesson"]
    roles = paras.groupby("article_id")["role"].apply(list).to_dict()
    assert roles == {
        "library": ["body", "body"],
        "question": ["body", "body"],
        "wnl-lesson": ["headline", "body", "body"],
    }
    assert list(paras.columns) == list(BASELINE_COLUMNS)

    out = tmp_path / "out"
    assert main(["baseline", "build", str(corpus), "--out", str(out), "--name", "tiny"]) == 0
    assert "3 articles" in capsys.readouterr().out
    assert "residents" not in (out / "tiny.csv").read_text() + (out / "tiny.articles.csv").read_text()
    assert len(analysis.load_baseline("tiny", level="article", directory=out)) == 3
    assert main(["baseline", "build", str(tmp_path / "missing")]) == 2
    assert "corpus folder not found" in capsys.readouterr().err


def _assert_frames_match(fresh: pd.DataFrame, committed: pd.DataFrame, label: str) -> None:
    assert list(fresh.columns) == list(committed.columns), f"{label}: columns changed; run `make baseline`"
    assert len(fresh) == len(committed), f"{label}: row count changed; run `make baseline`"
    for col in fresh.columns:
        a, b = fresh[col], committed[col]
        if pd.api.types.is_numeric_dtype(a) and pd.api.types.is_numeric_dtype(b):
            ok = np.isclose(a.to_numpy(float), b.to_numpy(float), rtol=1e-5, atol=1e-9, equal_nan=True)
            assert ok.all(), f"{label}.{col} differs in {int((~ok).sum())} rows; run `make baseline`"
        else:
            assert (a.astype(str) == b.astype(str)).all(), f"{label}.{col} differs; run `make baseline`"


def test_committed_baseline_is_reproducible(shared_dir: Path) -> None:
    corpus = shared_dir / "corpus" / "onestopenglish-adv"
    if not corpus.is_dir():
        pytest.skip("../shared/corpus/onestopenglish-adv is absent")
    paras, arts = build(corpus)
    for fresh, name in ((paras, "onestopenglish-adv.csv"), (arts, "onestopenglish-adv.articles.csv")):
        # Round-trip through the committed CSV format so both sides carry the same rounding.
        fresh = pd.read_csv(io.StringIO(to_csv(fresh)))
        _assert_frames_match(fresh, pd.read_csv(COMMITTED / name), name)


def test_committed_baseline_holds_no_corpus_text(shared_dir: Path) -> None:
    corpus = shared_dir / "corpus" / "onestopenglish-adv"
    if not corpus.is_dir():
        pytest.skip("../shared/corpus/onestopenglish-adv is absent")
    published = "\n".join(p.read_text(encoding="utf-8") for p in sorted(COMMITTED.glob("*.csv"))).lower()
    checked = 0
    for path in sorted(corpus.glob("*.txt")):
        for line in path.read_text(encoding="utf-8-sig").lower().splitlines():
            line = line.strip()
            if len(line) >= 30:
                mid = len(line) // 2
                assert line[:30] not in published and line[mid : mid + 30] not in published, path.name
                checked += 1
    assert checked > 2000
