"""The committed seed tables in data/processed/ are what the code produces now."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis import seed_path
from analysis.cli import main

from .conftest import ROOT

PROCESSED = ROOT / "data" / "processed"


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("could-russia-lose-belarus.paragraphs.csv", ["--all-roles"]),
        ("could-russia-lose-belarus.article.csv", ["--level", "article"]),
    ],
)
def test_regenerating_seed_table_reproduces_committed_file(
    tmp_path: Path, name: str, args: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / name
    monkeypatch.chdir(ROOT)  # as `make run` names the seed: its source_path column is seeds/...
    seed = seed_path().relative_to(ROOT)
    assert main(["analyze", str(seed), "--format", "csv", "-o", str(out), *args]) == 0
    committed = (PROCESSED / name).read_text(encoding="utf-8")
    assert out.read_text(encoding="utf-8") == committed, f"stale {name}: run `make run` and commit data/processed"
