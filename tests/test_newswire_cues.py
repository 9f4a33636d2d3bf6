"""The hand-annotated newswire cues (benchmarks/newswire_cues): offsets only, and the committed figures reproduce."""

from __future__ import annotations

import hashlib
import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ANNOTATIONS = ROOT / "benchmarks" / "newswire_cues" / "annotations.json"
TEXTS = ROOT.parent / "shared" / "dev" / "polnear-train" / "text"


def _annotations() -> dict:
    return json.loads(ANNOTATIONS.read_text(encoding="utf-8"))


def test_annotations_are_offsets_without_text() -> None:
    data = _annotations()
    assert set(data["kinds"]) == {"E", "A"}
    parts = {a["part"] for a in data["articles"]}
    assert parts == {"fit", "check"}
    for art in data["articles"]:
        assert set(art) == {"article", "part", "text_sha256", "sentences", "cues"}
        assert len(art["text_sha256"]) == 64
        for j, start, end, kind in art["cues"]:
            a, b = art["sentences"][j]
            assert a <= start < end <= b and kind in data["kinds"]
            assert end - start < 40  # a cue, never a sentence


@pytest.mark.parametrize("part", ["fit", "check"])
def test_committed_figures_reproduce(part: str) -> None:
    if not TEXTS.is_dir():
        pytest.skip(f"the PolNeAR texts ({TEXTS}) are absent on this machine")
    spec = importlib.util.spec_from_file_location("newswire_cues", ROOT / "benchmarks" / "newswire_cues.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    articles = [a for a in _annotations()["articles"] if a["part"] == part]
    for art in articles:
        text = (TEXTS / f"{art['article']}.txt").read_bytes()
        assert hashlib.sha256(text).hexdigest() == art["text_sha256"]
    committed = json.loads((ROOT / "data" / "benchmarks" / "newswire_cues.json").read_text(encoding="utf-8"))
    for kinds in ("EA", "E"):
        res = mod.score(articles, TEXTS, kinds)
        assert res["located_cues"] == committed[f"{part}/{kinds}"]["located_cues"], "rerun benchmarks/newswire_cues.py"
