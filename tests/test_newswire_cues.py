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
    assert parts == {"fit", "check", "blind", "frozen"}
    for art in data["articles"]:
        assert set(art) == {"article", "part", "text_sha256", "sentences", "cues"}
        assert len(art["text_sha256"]) == 64
        for j, start, end, kind in art["cues"]:
            a, b = art["sentences"][j]
            assert a <= start < end <= b and kind in data["kinds"]
            assert end - start < 40  # a cue, never a sentence


@pytest.mark.parametrize("part", ["fit", "check", "blind", "frozen"])
def test_committed_figures_reproduce(part: str) -> None:
    """The committed figures are what the benchmark gives. The frozen part's are compared by a digest, so a
    failing run does not show its figures to whoever is changing the rules."""
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
        found, expected = res["located_cues"], committed[f"{part}/{kinds}"]["located_cues"]
        if part == "frozen":
            found, expected = _digest(found), _digest(expected)
        assert found == expected, "rerun benchmarks/newswire_cues.py"


def _digest(figures: dict) -> str:
    return hashlib.sha256(json.dumps(figures, sort_keys=True).encode("utf-8")).hexdigest()[:12]
