"""One options object from the command line down: :class:`RunOptions` and :func:`run_corpus`."""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

import pandas as pd
import pytest

from analysis import RunOptions, analyze_corpus, seed_path
from analysis.cli import build_parser, main
from analysis.config import AnalysisConfig
from analysis.corpus.batch import BatchWarning, iter_outcomes, stream_corpus
from analysis.corpus.run import resolved, run_corpus
from analysis.sources.loading import MAX_BYTES
from analysis.sources.table import TableColumns

DEMO = Path(__file__).resolve().parent.parent / "data" / "demo" / "articles.csv"


def _options(*argv: str) -> RunOptions:
    return RunOptions.from_args(build_parser().parse_args(list(argv)))


def test_every_analyze_flag_reaches_the_options(tmp_path: Path) -> None:
    lexicon = tmp_path / "lexicon.csv"
    options = _options(
        "analyze",
        "a.txt",
        "b.csv",
        "--store",
        "data/articles",
        "-o",
        "out.jsonl",
        "--force",
        "--format",
        "jsonl",
        "--level",
        "cue",
        "--all-roles",
        "--workers",
        "3",
        "--cache-dir",
        str(tmp_path),
        "--max-bytes",
        "1000",
        "--quiet",
        "--text-column",
        "body",
        "--title-column",
        "headline",
        "--id-column",
        "key",
        "--outlet-column",
        "source",
        "--date-column",
        "published",
        "--author-column",
        "by",
        "--delimiter",
        "\\t",
        "--lexicon",
        str(lexicon),
        "--min-reliable-words",
        "7",
        "--min-smog-sentences",
        "3",
        "--uncertainty-threshold",
        "0.4",
    )
    assert options == RunOptions(
        inputs=("a.txt", "b.csv"),
        store="data/articles",
        output="out.jsonl",
        force=True,
        format="jsonl",
        level="cue",
        body_only=False,
        workers=3,
        cache=str(tmp_path),
        max_bytes=1000,
        progress=False,
        columns=TableColumns(text="body", title="headline", id="key", outlet="source", date="published", author="by"),
        delimiter="\t",
        freeze_gc=True,
        config=AnalysisConfig(
            lexicon=str(lexicon), min_reliable_words=7, min_smog_sentences=3, uncertainty_threshold=0.4
        ),
    )


def test_the_defaults_of_the_command_line() -> None:
    options = _options("analyze")
    assert options.inputs == () and options.format is None and options.default_format == "table"
    assert options.body_only and options.cache is True and options.progress == "auto"
    assert options.max_bytes == MAX_BYTES and options.workers == 1 and options.columns == TableColumns()
    assert _options("analyze", "--no-cache").cache is None
    assert _options("analyze", "--excel-safe").excel_safe


def test_every_field_is_set_by_some_flag() -> None:
    """A new RunOptions field needs its flag (or a command that sets it): the test lists the exceptions."""
    not_flags = {"default_format", "freeze_gc"}  # cues and sources set the one; a command always freezes
    plain = _options("analyze")
    flags = ["x", "--store", "s", "-o", "o.csv", "--force", "--format", "csv", "--level", "cue", "--all-roles"]
    flags += ["--workers", "2", "--no-cache", "--max-bytes", "9", "--excel-safe", "--quiet", "--text-column", "t"]
    flags += ["--delimiter", ";", "--min-reliable-words", "1"]
    given = _options("analyze", *flags)
    changed = {f.name for f in dataclasses.fields(RunOptions) if getattr(given, f.name) != getattr(plain, f.name)}
    assert changed | not_flags == {f.name for f in dataclasses.fields(RunOptions)}


def test_commands_set_their_own_level() -> None:
    args = build_parser().parse_args(["analyze"])
    assert RunOptions.from_args(args, level="cue").level == "cue"


def test_format_from_the_output_suffix() -> None:
    assert resolved(RunOptions(output="x.parquet")).format == "parquet"
    assert resolved(RunOptions()).format == "table"
    assert resolved(RunOptions(default_format="csv")).format == "csv"


def test_options_are_checked() -> None:
    with pytest.raises(ValueError, match="max_bytes must be positive"):
        RunOptions(max_bytes=0)
    with pytest.raises(dataclasses.FrozenInstanceError):
        RunOptions().workers = 2  # type: ignore[misc]


def test_the_library_run_writes_what_the_command_writes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["analyze", str(seed_path()), str(DEMO), "--level", "article", "--format", "csv", "--no-cache", "-q"]
    assert main(argv) == 0
    from_cli = capsys.readouterr().out
    report = run_corpus(_options(*argv))
    assert capsys.readouterr().out == from_cli
    assert report.n_articles == report.n_inputs == 19 and not report.failures and not report.missing
    rows = pd.read_csv(io.StringIO(from_cli))
    assert len(rows) == 19 and rows["article_id"].iloc[0] == "could-russia-lose-belarus"


def test_the_library_run_writes_a_file_and_reports_it(tmp_path: Path) -> None:
    out = tmp_path / "cues.csv"
    lines: list[str] = []
    options = RunOptions(inputs=(str(seed_path()),), output=str(out), level="cue")
    report = run_corpus(options, report=lines.append)
    assert lines == [f"wrote {out}"] and report.n_articles == 1
    assert pd.read_csv(out)["category"].isin(["hedge", "booster", "attribution"]).all()


def test_a_missing_input_among_several_is_reported_not_fatal(capsys: pytest.CaptureFixture[str]) -> None:
    lines: list[str] = []
    options = RunOptions(inputs=(str(seed_path()), "/nonexistent.txt"), level="article", format="csv")
    report = run_corpus(options, report=lines.append)
    assert report.n_articles == 1 and report.n_failed == 1
    assert lines == ["error: /nonexistent.txt: no such file or directory"]


def test_stream_corpus_takes_the_options_or_the_keywords() -> None:
    paths = [seed_path()]
    by_options = stream_corpus(paths, options=RunOptions(level="cue", body_only=True))
    by_keywords = stream_corpus(paths, level="cue", body_only=True)
    assert by_options.rows == by_keywords.rows and by_options.n_articles == 1
    over = stream_corpus(paths, options=RunOptions(level="cue"), level="article")
    assert len(over.rows) == 1 and over.rows[0]["role"] == "article"
    outcomes = list(iter_outcomes(paths, RunOptions(), workers=1))
    assert [o.ok for o in outcomes] == [True]


def test_analyze_corpus_takes_the_options() -> None:
    with pytest.warns(BatchWarning, match="byte limit"):
        df = analyze_corpus([seed_path()], level="article", options=RunOptions(level="cue", max_bytes=10))
    assert df.attrs["n_articles"] == 0 and "larger than" in df.attrs["failures"][0][1]  # max_bytes from the options
    df = analyze_corpus([seed_path()], level="article", max_bytes=MAX_BYTES, options=RunOptions(max_bytes=10))
    assert df.attrs["n_articles"] == 1  # the keyword given wins, also when it is the default value


def test_the_command_offers_the_library_formats() -> None:
    from analysis.cli.analyze import FORMATS
    from analysis.corpus.writers import RUN_FORMATS

    assert FORMATS == RUN_FORMATS
