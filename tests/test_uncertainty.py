"""The sentence measures (speculation, vagueness, certainty): clear cases, API edge cases, the weights file,
retraining and the frozen split."""

from __future__ import annotations

import ast
import hashlib
import importlib.util
import json
import math
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from analysis.annotate.hedging.sentence_model import (
    EMPTY,
    HEAD_ALIASES,
    MEASURES,
    certainty,
    drivers_text,
    explain,
    feature_words_text,
    features,
    is_uncertain,
    load_model,
    measure_sentences,
    measures,
    score_and_explain,
    score_sentences,
    speculation,
    uncertainty,
    vagueness,
)
from analysis.hedging import Cue, find_cues

ROOT = Path(__file__).resolve().parent.parent
WEIGHTS = ROOT / "analysis" / "data" / "sentence_measures.json"
SCRIPT = ROOT / "scripts" / "train_uncertainty.py"
DEV = ROOT.parent / "shared" / "dev"

SPECULATIVE = [
    "The results suggest that the protein may be involved.",
    "It is unknown whether it works.",
    "These findings indicate that the gene might play a role in tumour growth.",
    "It is possible that the drug reduces inflammation.",
    "We hypothesized that the receptor could be activated by stress.",
    "It remains unclear whether the treatment is safe.",
]
VAGUE = [
    "Some critics say the plan is flawed.",
    "Many experts believe the decision was a mistake.",
    "It is widely believed that he was murdered.",
    "Some people consider it the greatest film ever made.",
]
CERTAIN = [
    "The protein binds DNA.",
    "The company was founded in 1998.",
    "The river flows through the city.",
    "The committee approved the budget on Tuesday.",
    "Patients received 20 mg of the drug daily.",
    "The cells were washed twice with buffer.",
    "He was born in Paris.",
]


@pytest.mark.parametrize("sentence", SPECULATIVE)
def test_speculative_sentences(sentence):
    model = load_model()
    assert speculation(sentence) >= model.thresholds["speculation"], (sentence, explain(sentence, head="speculation"))
    assert is_uncertain(sentence)


@pytest.mark.parametrize("sentence", VAGUE)
def test_vague_sentences(sentence):
    assert vagueness(sentence) >= load_model().thresholds["vagueness"], (sentence, explain(sentence, head="vagueness"))
    assert is_uncertain(sentence)


@pytest.mark.parametrize("sentence", CERTAIN)
def test_certain_sentences(sentence):
    assert not is_uncertain(sentence), (sentence, measures(sentence), explain(sentence))
    assert certainty(sentence) > 4.5


@pytest.mark.parametrize(
    ("hedged", "plain"),
    [
        ("The drug may reduce deaths.", "The drug reduces deaths."),
        ("The results suggest that smoking possibly causes cancer.", "Smoking causes cancer."),
        ("Perhaps the effect is due to chance.", "The effect is due to chance."),
    ],
)
def test_hedging_raises_speculation_and_lowers_certainty(hedged, plain):
    assert speculation(hedged) > speculation(plain)
    assert certainty(hedged) < certainty(plain)
    assert uncertainty(hedged) > uncertainty(plain)


@pytest.mark.parametrize(
    ("vague", "plain"),
    [("Some say the bridge is unsafe.", "The bridge is unsafe."), ("He is a renowned painter.", "He is a painter.")],
)
def test_weasel_and_peacock_wording_raise_vagueness(vague, plain):
    assert vagueness(vague) > vagueness(plain)


@pytest.mark.parametrize("text", ["", " ", "\n\t  ", "...", "—"])
def test_empty_text(text):
    assert measures(text) == EMPTY
    assert uncertainty(text) == 0.0
    assert certainty(text) == 6.0
    assert not is_uncertain(text)
    assert explain(text) == []
    assert score_sentences([text], [[]]) == [0.0]


@pytest.mark.parametrize("sentence", SPECULATIVE + VAGUE + CERTAIN + ["Is it true?", "It may or may not work."])
def test_ranges_and_cues_passed_or_not(sentence):
    m = measures(sentence)
    assert 0.0 <= m.speculation <= 1.0 and 0.0 <= m.vagueness <= 1.0 and 1.0 <= m.certainty <= 6.0
    assert m.uncertainty == max(m.speculation, m.vagueness) == uncertainty(sentence)
    assert measures(sentence, find_cues(sentence)) == m
    assert measure_sentences([sentence], [find_cues(sentence)]) == [m]


def test_voice_does_not_change_the_measures():
    s = "The vaccine may reduce deaths."
    quoted = [replace(c, voice="quoted", speaker="Dr X") for c in find_cues(s)]
    assert measures(s, quoted) == measures(s)


def test_passed_cues_are_used():
    s = "The protein binds DNA."
    fake = [Cue(4, 11, "protein", "hedge", "modal")]
    assert speculation(s, fake) > speculation(s, [])


def test_batch_matches_single_and_checks_lengths():
    sents = SPECULATIVE[:3] + CERTAIN[:3]
    assert score_sentences(sents, [find_cues(s) for s in sents]) == [uncertainty(s) for s in sents]
    assert score_sentences([], []) == []
    with pytest.raises(ValueError):
        score_sentences(["a", "b"], [[]])
    with pytest.raises(ValueError):
        score_and_explain(["a"], [], load_model().thresholds)


@pytest.mark.parametrize("measure", ["speculation", "vagueness"])
def test_explain_sums_to_the_logit(measure):
    s = "Some critics say the results suggest that the protein may be involved."
    model = load_model()
    everything = explain(s, top=10_000, head=measure)
    k = MEASURES.index(measure)
    logit = model.bias[k] + sum(v for _, v in everything)
    assert 1 / (1 + math.exp(-logit)) == pytest.approx(getattr(measures(s), measure), abs=1e-9)
    top = explain(s, top=3, head=measure)
    assert 0 < len(top) <= 3 and [v for _, v in top] == sorted((v for _, v in top), reverse=True)
    prefixes = {"cue", "cueword", "hedges", "vague", "passive", "class", "ctx", "spec"}
    assert all(f.split(":", 1)[0] in prefixes for f, _ in everything)
    assert explain(s, top=0) == []


def test_certainty_contributions_raise_the_rating():
    """Certainty's contributions are signed so that a positive one raises the rating."""
    contributions = dict(explain("The drug may reduce deaths.", top=100, head="certainty"))
    assert contributions["cueword:may"] < 0


def test_default_explanation_is_of_the_leading_measure():
    assert explain("Some critics say the plan is flawed.") == explain(
        "Some critics say the plan is flawed.", head="vagueness"
    )
    s = "It is unknown whether it works."
    assert explain(s) == explain(s, head="speculation")


@pytest.mark.parametrize(("old", "new"), sorted(HEAD_ALIASES.items()))
def test_old_head_names_name_the_measures(old, new):
    s = "Some analysts say the drug may reduce deaths."
    assert uncertainty(s, head=old) == uncertainty(s, head=new)
    assert is_uncertain(s, head=old) == is_uncertain(s, head=new)


@pytest.mark.parametrize("head", MEASURES)
def test_heads(head):
    s = "The drug may reduce deaths."
    p = uncertainty(s, head=head)
    assert 0.0 <= p <= 1.0
    assert score_sentences([s], [find_cues(s)], head=head) == [p]
    assert explain(s, head=head)
    if head == "certainty":
        assert p == pytest.approx((6 - certainty(s)) / 5)
        assert is_uncertain(s, head=head) == (certainty(s) < 3.5)
    else:
        assert is_uncertain(s, head=head) == (p >= load_model().thresholds[head])


def test_unknown_head_is_refused():
    with pytest.raises(ValueError):
        uncertainty("It may rain.", head="news")
    with pytest.raises(ValueError):
        score_sentences(["It may rain."], [[]], head="Bio")


def test_score_and_explain_names_each_measure_over_its_threshold():
    sents = ["Some critics say the plan is flawed.", "It is unknown whether it works.", "He was born in Paris."]
    thresholds = load_model().thresholds
    scores, drivers = score_and_explain(sents, [find_cues(s) for s in sents], thresholds)
    assert scores == measure_sentences(sents, [find_cues(s) for s in sents])
    assert 2 not in drivers
    for i, found in drivers.items():
        flagged = {m for m in ("speculation", "vagueness") if getattr(scores[i], m) >= thresholds[m]}
        assert {m for m, _, _ in found} == flagged
    assert drivers_text((("speculation", "cueword:may", 3.4), ("vagueness", "vague:some +human", 1.1))) == (
        "speculation: cueword:may +3.40; vagueness: vague:some +human +1.10"
    )


def test_features_are_general_and_deterministic():
    s = "Some critics say it may or may not work?"
    f = features(s)
    assert f == features(s) and len(f) == len(set(f))
    assert "hedges:2+" in f and "spec:or" in f and any(n.startswith("cue:hedge/") for n in f)
    assert not any(n.startswith(("word:", "pair:", "first:", "len:")) for n in f)  # no word features
    assert "spec:whether" in features("Whether it works is unknown.")


def test_context_features_name_weasel_and_peacock_patterns():
    f = features("Some critics say it is widely believed to be the greatest film.")
    for name in ("vague:some +human", "vague:* +human", "vague:first", "ctx:-est word"):
        assert name in f, name
    assert "passive:it be believed" in f and "passive:impersonal" in f and "passive:be believed" in f
    assert "vague:many +of" in features("He wrote many of the songs.")
    assert "vague:several +plural" in features("The band released several albums.")
    assert "class:peacock" in features("She was a renowned painter.")
    assert "ctx:one of the" in features("It is one of the oldest bridges.")
    assert not any(n.startswith(("vague:", "passive:", "class:", "spec:")) for n in features("The cat sat on the mat."))


def test_weights_file_is_small_plain_json_and_matches_its_word_classes():
    data = WEIGHTS.read_bytes()
    assert len(data) < 200_000
    raw = json.loads(data)
    assert set(raw) == {"weights", "bias", "thresholds", "certainty_scale", "metadata"}
    assert set(raw["weights"]) == set(raw["bias"]) == set(MEASURES)
    assert set(raw["thresholds"]) == {"speculation", "vagueness"}
    assert all(0.0 < t < 1.0 for t in raw["thresholds"].values())
    assert all(weights and all(isinstance(v, float) for v in weights.values()) for weights in raw["weights"].values())
    meta = raw["metadata"]
    # the features computed at run time are those the weights were fitted on
    assert meta["feature_words_sha256"] == hashlib.sha256(feature_words_text().encode("utf-8")).hexdigest()
    assert {f["file"] for f in meta["training_files"]} == {
        "conll2010-wikipedia-train.csv",
        "conll2010-bio-train.csv",
        "pei-jurgens-certainty-train.jsonl",
    }
    assert all(len(f["sha256"]) == 64 and f["source"] and f["dev_rows"] < f["rows"] for f in meta["training_files"])
    model = load_model()
    assert model.thresholds == raw["thresholds"]
    assert len(model.weights) == len(set().union(*raw["weights"].values()))


def test_module_needs_only_the_standard_library_and_the_project():
    tree = ast.parse((ROOT / "analysis" / "annotate" / "hedging" / "sentence_model.py").read_text(encoding="utf-8"))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            imported.add((node.module or "").split(".")[0])
    allowed = set(sys.stdlib_module_names) | {"analysis"}  # the project itself: its cue matcher
    assert imported <= allowed, imported - allowed
    assert "pickle" not in imported


def _shared_or_skip() -> None:
    if not DEV.is_dir():
        pytest.skip(f"training data {DEV} is absent on this machine")
    missing = [m for m in ("sklearn", "scipy") if importlib.util.find_spec(m) is None]
    if missing:
        pytest.skip(f"training dependencies not installed ({', '.join(missing)}): pip install -e .[train]")


def test_retraining_reproduces_the_shipped_weights():
    _shared_or_skip()
    run = subprocess.run(
        [sys.executable, str(SCRIPT), "--check", "--shared", str(DEV.parent)], capture_output=True, text=True, cwd=ROOT
    )
    assert run.returncode == 0, run.stdout + run.stderr


def test_frozen_split_is_the_committed_one():
    """The hold-out rule gives the test rows it gave when the split was frozen (counts per file)."""
    _shared_or_skip()
    sys.path.insert(0, str(ROOT / "scripts"))
    import train_uncertainty

    data = train_uncertainty.load(DEV)
    counts = {m: (int((d["part"] == "dev").sum()), int((d["part"] == "test").sum())) for m, d in data.items()}
    assert counts == {"speculation": (9900, 1965), "vagueness": (5843, 1520), "certainty": (861, 223)}
    assert all(set(d["fold"][d["part"] == "dev"]) == set(range(5)) for d in data.values())


def test_training_script_refuses_a_missing_shared_folder(tmp_path):
    """No ../shared/dev: one error line and exit status 2, not a traceback."""
    run = subprocess.run(
        [sys.executable, str(SCRIPT), "--shared", str(tmp_path / "absent")], capture_output=True, text=True, cwd=ROOT
    )
    assert run.returncode == 2
    absent = tmp_path / "absent" / "dev"
    assert run.stderr.strip().splitlines() == [f"error: no training data: {absent} is not a folder"]
