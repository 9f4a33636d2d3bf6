"""Analysis settings from the command line: flags and ``--config FILE`` reach :class:`AnalysisConfig`."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest

from analysis import seed_path
from analysis.cli import build_parser, main
from analysis.cli.common import config_from_args
from analysis.config import AnalysisConfig
from analysis.errors import InputError


def _args(*argv: str):  # type: ignore[no-untyped-def]
    return build_parser().parse_args(["analyze", str(seed_path()), *argv])


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], AnalysisConfig()),
        (["--min-reliable-words", "10"], AnalysisConfig(min_reliable_words=10)),
        (["--min-smog-sentences", "5"], AnalysisConfig(min_smog_sentences=5)),
        (["--uncertainty-threshold", "0.5"], AnalysisConfig(uncertainty_threshold=0.5)),
    ],
)
def test_flags_reach_the_config(argv: list[str], expected: AnalysisConfig) -> None:
    assert config_from_args(_args(*argv)).settings() == expected.settings()


def test_config_file_then_flags(tmp_path: Path) -> None:
    packaged = Path(__file__).parents[1] / "analysis" / "data" / "hedge_lexicon.csv"
    (tmp_path / "lex.csv").write_bytes(packaged.read_bytes())
    settings = tmp_path / "settings.toml"
    settings.write_text('[analysis]\nlexicon = "lex.csv"\nmin_reliable_words = 50\nuncertainty_threshold = 0.4\n')
    config = config_from_args(_args("--config", str(settings)))
    assert (config.lexicon, config.min_reliable_words, config.uncertainty_threshold) == (
        str(tmp_path / "lex.csv"),  # relative to the settings file
        50,
        0.4,
    )
    config = config_from_args(_args("--config", str(settings), "--min-reliable-words", "7"))
    assert config.min_reliable_words == 7 and config.uncertainty_threshold == 0.4  # the flag wins
    assert config.fingerprint() != AnalysisConfig().fingerprint()  # in the cache key


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[analysis]\nmin_reliable_wrods = 5\n", "unknown settings min_reliable_wrods"),
        ("[analysys]\nmin_reliable_words = 5\n", "unknown settings analysys"),
        ("[analysis]\nuncertainty_threshold = 2\n", "must be between 0 and 1"),
        ("[analysis]\nmin_reliable_words = -1\n", "whole number >= 0"),
        ("[analysis\n", "not a TOML settings file"),
        (None, "cannot read the settings file"),
    ],
)
def test_bad_settings_file_is_one_error(tmp_path: Path, content: str | None, message: str) -> None:
    path = tmp_path / "settings.toml"
    if content is not None:
        path.write_text(content)
    with pytest.raises(InputError, match=message):
        config_from_args(_args("--config", str(path)))


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--uncertainty-threshold", "1.5"], "expects a number from 0 to 1"),
        (["--min-reliable-words", "many"], "expects a whole number of words"),
    ],
)
def test_bad_flag_is_one_usage_line(argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        build_parser().parse_args(["analyze", *argv])
    err = capsys.readouterr().err
    assert exit_.value.code == 2 and err.startswith("error:") and message in err and err.count("\n") == 1


def test_a_setting_changes_the_results(capsys: pytest.CaptureFixture[str]) -> None:
    """The seed (about 600 words) is readable-reliable by default, not when 100,000 words are needed."""
    rows = []
    for argv in ([], ["--min-reliable-words", "100000"]):
        code = main(["analyze", str(seed_path()), "--level", "article", "--format", "csv", "--no-cache", *argv])
        assert code == 0
        rows.append(pd.read_csv(io.StringIO(capsys.readouterr().out)).iloc[0])
    assert bool(rows[0]["readability_reliable"]) and not bool(rows[1]["readability_reliable"])


def test_the_readable_table_names_the_threshold_in_force(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["analyze", str(seed_path()), "--level", "article", "--no-cache", "--min-reliable-words", "5000"])
    assert code == 0 and "(under 5000 words: indicative only)" in capsys.readouterr().out
