"""The sentence uncertainty model: clear cases, API edge cases, the weights file, retraining."""

from __future__ import annotations

import ast
import importlib.util
import json
import math
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from analysis.annotate.hedging.sentence_model import (
    HEADS,
    explain,
    features,
    is_uncertain,
    load_model,
    score_sentences,
    uncertainty,
)
from analysis.hedging import Cue, find_cues

ROOT = Path(__file__).resolve().parent.parent
WEIGHTS = ROOT / "analysis" / "data" / "uncertainty_model.json"
SCRIPT = ROOT / "scripts" / "train_uncertainty.py"
DEV = ROOT.parent / "shared" / "dev"

UNCERTAIN = [
    "The results suggest that the protein may be involved.",
    "Some critics say the plan is flawed.",
    "It is unknown whether it works.",
    "These findings indicate that the gene might play a role in tumour growth.",
    "It is possible that the drug reduces inflammation.",
    "The vaccine is likely to reduce deaths.",
    "Many experts believe the decision was a mistake.",
    "It remains unclear whether the treatment is safe.",
    "We hypothesised that the receptor could be activated by stress.",
]
CERTAIN = [
    "The protein binds DNA.",
    "The company was founded in 1998.",
    "The river flows through the city.",
    "The committee approved the budget on Tuesday.",
    "Patients received 20 mg of the drug daily.",
    "The museum opened to the public in 2004.",
    "The cells were washed twice with buffer.",
    "He was born in Paris.",
]


@pytest.mark.parametrize("sentence", [*UNCERTAIN, "Perhaps the effect is due to chance."])
def test_clear_uncertain(sentence):
    assert is_uncertain(sentence), (sentence, uncertainty(sentence), explain(sentence))


@pytest.mark.parametrize("sentence", CERTAIN)
def test_clear_certain(sentence):
    assert not is_uncertain(sentence), (sentence, uncertainty(sentence), explain(sentence))


@pytest.mark.parametrize(
    ("hedged", "plain"),
    [
        ("The drug may reduce deaths.", "The drug reduces deaths."),
        ("The results suggest that smoking possibly causes cancer.", "Smoking causes cancer."),
        ("Some say the bridge is unsafe.", "The bridge is unsafe."),
    ],
)
def test_hedging_raises_the_score(hedged, plain):
    assert uncertainty(hedged) > uncertainty(plain)


@pytest.mark.parametrize("text", ["", " ", "\n\t  ", "...", "—"])
def test_empty_text_scores_zero(text):
    assert uncertainty(text) == 0.0
    assert not is_uncertain(text)
    assert explain(text) == []
    assert score_sentences([text], [[]]) == [0.0]


@pytest.mark.parametrize("sentence", UNCERTAIN + CERTAIN + ["Is it true?", "It may or may not work."])
def test_probability_and_cues_passed_or_not(sentence):
    p = uncertainty(sentence)
    assert 0.0 <= p <= 1.0
    assert uncertainty(sentence, find_cues(sentence)) == p
    assert score_sentences([sentence], [find_cues(sentence)]) == [p]


def test_voice_does_not_change_the_score():
    s = "The vaccine may reduce deaths."
    quoted = [replace(c, voice="quoted", speaker="Dr X") for c in find_cues(s)]
    assert uncertainty(s, quoted) == uncertainty(s)


def test_passed_cues_are_used():
    s = "The protein binds DNA."
    fake = [Cue(4, 11, "protein", "hedge", "modal")]
    assert uncertainty(s, fake) > uncertainty(s, [])


def test_batch_matches_single_and_checks_lengths():
    sents = UNCERTAIN[:3] + CERTAIN[:3]
    assert score_sentences(sents, [find_cues(s) for s in sents]) == [uncertainty(s) for s in sents]
    assert score_sentences([], []) == []
    with pytest.raises(ValueError):
        score_sentences(["a", "b"], [[]])


def test_explain_names_features_and_sums_to_the_logit():
    s = "The results suggest that the protein may be involved."
    top = explain(s, top=5)
    assert 0 < len(top) <= 5
    names = [f for f, _ in top]
    prefixes = {"word", "pair", "first", "cue", "cueword", "ctx", "len", "hedges", "vague", "passive", "class"}
    assert all(f.split(":", 1)[0] in prefixes for f in names)
    values = [v for _, v in top]
    assert values == sorted(values, reverse=True)
    assert values[0] > 0
    everything = explain(s, top=10_000)
    model = load_model()
    g = model.mix(features(s))
    logit = sum(gk * b for gk, b in zip(g, model.bias[:3], strict=True)) + sum(v for _, v in everything)
    assert 1 / (1 + math.exp(-logit)) == pytest.approx(uncertainty(s), abs=1e-9)
    assert explain(s, top=0) == []


@pytest.mark.parametrize("head", HEADS)
def test_heads(head):
    s = "The drug may reduce deaths."
    p = uncertainty(s, head=head)
    assert 0.0 <= p <= 1.0
    assert score_sentences([s], [find_cues(s)], head=head) == [p]
    assert is_uncertain(s, head=head) == (p >= load_model().head_thresholds[head])
    assert explain(s, head=head)


def test_unknown_head_is_refused():
    with pytest.raises(ValueError):
        uncertainty("It may rain.", head="news")
    with pytest.raises(ValueError):
        score_sentences(["It may rain."], [[]], head="Bio")


def test_features_are_readable_and_deterministic():
    s = "Some critics say it may or may not work?"
    f = features(s)
    assert f == features(s)
    assert len(f) == len(set(f))
    for name in ("word:may", "pair:may or", "ctx:question", "ctx:or not", "hedges:2+"):
        assert name in f or name == "ctx:or not"  # "or not" is not in this sentence
    assert "ctx:or not" in features("Whether it works or not is unknown.")
    assert "ctx:whether" in features("Whether it works or not is unknown.")
    assert any(n.startswith("cue:hedge/") for n in f)


def test_context_features_name_weasel_and_peacock_patterns():
    f = features("Some critics say it is widely believed to be the greatest film.")
    for name in ("vague:some +human", "vague:* +human", "vague:first", "first:some", "ctx:-est word"):
        assert name in f, name
    assert "passive:it be believed" in f and "passive:impersonal" in f and "passive:be believed" in f
    assert "vague:many +of" in features("He wrote many of the songs.")
    assert "vague:several +plural" in features("The band released several albums.")
    assert "class:peacock" in features("She was a renowned painter.")
    assert "ctx:one of the" in features("It is one of the oldest bridges.")
    assert not any(n.startswith(("vague:", "passive:", "class:")) for n in features("The cat sat on the mat."))


def test_weights_file_is_small_plain_json():
    data = WEIGHTS.read_bytes()
    assert len(data) < 5_000_000
    assert not data.startswith(b"\x80")  # a pickle stream starts with the PROTO opcode
    raw = json.loads(data)
    assert set(raw) == {"heads", "bias", "gate", "gate_bias", "threshold", "head_thresholds", "word_lists", "metadata"}
    assert all(words and words == sorted(words) for words in raw["word_lists"].values())
    assert set(raw["heads"]) == set(raw["bias"]) == set(raw["head_thresholds"]) == set(HEADS)
    assert set(raw["gate"]) == set(raw["gate_bias"]) == {"bio", "certainty"}
    for group in ("heads", "gate"):
        for weights in raw[group].values():
            assert weights and all(isinstance(v, float) for v in weights.values())
    assert 0.0 < raw["threshold"] < 1.0
    meta = raw["metadata"]
    assert {f["file"] for f in meta["training_files"]} == {
        "conll2010-wikipedia-train.csv",
        "conll2010-bio-train.csv",
        "pei-jurgens-certainty-train.jsonl",
    }
    assert all(len(f["sha256"]) == 64 and f["licence"] for f in meta["training_files"])
    assert {"wikipedia", "bio", "certainty"} <= set(meta["cv"])
    model = load_model()
    assert model.threshold == raw["threshold"]
    assert len(model.weights) == len(set().union(*raw["heads"].values(), *raw["gate"].values()))


def test_module_needs_only_numpy_the_standard_library_and_the_project():
    tree = ast.parse((ROOT / "analysis" / "annotate" / "hedging" / "sentence_model.py").read_text(encoding="utf-8"))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            imported.add((node.module or "").split(".")[0])
    allowed = set(sys.stdlib_module_names) | {"numpy", "analysis"}  # the project itself: its cue matcher
    assert imported <= allowed, imported - allowed
    assert "pickle" not in imported


def test_retraining_reproduces_the_shipped_weights():
    if not DEV.is_dir():
        pytest.skip(f"training data {DEV} is absent on this machine")
    missing = [m for m in ("sklearn", "scipy") if importlib.util.find_spec(m) is None]
    if missing:
        pytest.skip(f"training dependencies not installed ({', '.join(missing)}): pip install -e .[train]")
    run = subprocess.run(
        [sys.executable, str(SCRIPT), "--check", "--shared", str(DEV.parent)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert run.returncode == 0, run.stdout + run.stderr


@pytest.mark.parametrize("script", ["train_uncertainty.py", "uncertainty_alternatives.py"])
def test_training_scripts_refuse_a_missing_shared_folder(script, tmp_path):
    """No ../shared/dev: one error line and exit status 2, not a traceback."""
    run = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / script), "--shared", str(tmp_path / "absent")],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert run.returncode == 2
    absent = tmp_path / "absent" / "dev"
    assert run.stderr.strip().splitlines() == [f"error: no training data: {absent} is not a folder"]


def test_scoring_features_leave_out_only_pairs_without_weight(seed) -> None:
    """The pairs argument drops word pairs the model has no weight for, and nothing else."""
    model = load_model()
    for s in (x.text for p in seed.paragraphs for x in p.sentences):
        cues = find_cues(s)
        full = features(s, cues, model.word_lists)
        kept = [f for f in full if not f.startswith("pair:") or f in model.weights]
        assert features(s, cues, model.word_lists, model.pairs) == kept
        assert model.scores(kept) == model.scores(full)
