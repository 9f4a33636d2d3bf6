"""analyze_corpus: same rows as the per-article API, input order, workers, failures, streaming output."""

from __future__ import annotations

import contextlib
import dataclasses
import itertools
import os
from pathlib import Path

import pandas as pd
import pytest

import analysis.corpus.batch
import analysis.corpus.pool
import analysis.corpus.writers
from analysis import Article, analyze_corpus, article_from_text, article_metrics, load_article, paragraph_metrics
from analysis.cli import main
from analysis.corpus.batch import IN_FLIGHT_PER_WORKER, BatchWarning, analyze_paths, iter_outcomes
from analysis.corpus.pool import usable_cpus
from analysis.errors import InputError
from analysis.tables import COLUMNS

#: Tests of a real pool of two worker processes (``--workers`` is capped at the CPUs this process may use).
needs_two_cpus = pytest.mark.skipif(usable_cpus() < 2, reason="--workers 2 runs two processes only on 2+ CPUs")

TEXTS = {
    "zeta-budget": (
        "Budget talks stall again\n\n"
        "Ministers met on Tuesday but could not agree on the spending plan. According to officials, "
        "the gap between the two sides is still large.\n\n"
        "It is clear that the deadline will be missed. The finance minister said a deal was possible "
        "before the end of the month, although few observers expect one."
    ),
    "alpha-floods": (
        "Floods close the coast road\n\n"
        "Heavy rain flooded the coast road overnight, and police closed it in both directions. "
        "Residents were told to stay at home.\n\n"
        "The weather service said more rain is expected on Friday. There is a possibility that the river "
        "will burst its banks, according to the regional council."
    ),
    "mid-school": (
        "A new school opens\n\n"
        "The village school opened its doors on Monday to ninety pupils. Parents praised the bright "
        "classrooms and the large garden.\n\n"
        "The head teacher said she was delighted. Perhaps the best news, she added, is that the school "
        "bus will now stop in every hamlet."
    ),
}


def write_corpus(root: Path, names: list[str] | None = None) -> list[Path]:
    root.mkdir(parents=True, exist_ok=True)
    paths = []
    for name in names or list(TEXTS):
        p = root / f"{name}.txt"
        p.write_text(TEXTS[name], encoding="utf-8")
        paths.append(p)
    return paths


def expected_paragraphs(paths: list[Path]) -> pd.DataFrame:
    frames = [paragraph_metrics(load_article(p)) for p in paths]
    return pd.concat(frames, ignore_index=True)


def test_same_rows_as_paragraph_metrics_in_input_order(tmp_path: Path) -> None:
    paths = write_corpus(tmp_path)  # zeta, alpha, mid: not alphabetical, so order is really kept
    df = analyze_corpus(paths)
    pd.testing.assert_frame_equal(df, expected_paragraphs(paths))
    assert list(dict.fromkeys(df["article_id"])) == ["zeta-budget", "alpha-floods", "mid-school"]
    assert df.attrs["failures"] == [] and df.attrs["n_articles"] == 3


def test_article_level_equals_article_metrics(tmp_path: Path) -> None:
    paths = write_corpus(tmp_path)
    df = analyze_corpus(paths, level="article")
    expected = pd.DataFrame([article_metrics(load_article(p)).to_dict() for p in paths], columns=list(COLUMNS))
    pd.testing.assert_frame_equal(df, expected)


def test_two_workers_give_identical_table(tmp_path: Path) -> None:
    paths = write_corpus(tmp_path) * 3  # 9 inputs, more than one per worker
    one = analyze_corpus(paths, workers=1)
    two = analyze_corpus(paths, workers=2)
    pd.testing.assert_frame_equal(two, one)
    assert len(one) == 9 * 3


def test_article_objects_are_accepted(tmp_path: Path) -> None:
    arts = [article_from_text(TEXTS[n], article_id=n) for n in TEXTS]
    df = analyze_corpus(arts, workers=2)
    pd.testing.assert_frame_equal(df, pd.concat([paragraph_metrics(a) for a in arts], ignore_index=True))


@pytest.mark.parametrize("workers", [1, 2])
def test_bad_article_is_skipped_and_reported(tmp_path: Path, workers: int) -> None:
    good = write_corpus(tmp_path)
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n\n  ", encoding="utf-8")
    russian = tmp_path / "russian.txt"
    russian.write_text("Президент встретился с министрами в понедельник. " * 10, encoding="utf-8")
    missing = tmp_path / "missing.txt"
    inputs = [good[0], empty, good[1], russian, missing, good[2]]
    with pytest.warns(BatchWarning, match="3 of 6 articles failed"):
        df = analyze_corpus(inputs, workers=workers)
    pd.testing.assert_frame_equal(df, expected_paragraphs(good))
    failed = [source for source, _ in df.attrs["failures"]]
    assert failed == [str(empty), str(russian), str(missing)]
    messages = " ".join(m for _, m in df.attrs["failures"])
    assert "empty" in messages and "not English" in messages and "no such file" in messages


def test_unexpected_input_type_is_a_failure_not_a_crash(tmp_path: Path) -> None:
    paths = write_corpus(tmp_path, ["alpha-floods"])
    with pytest.warns(BatchWarning):
        df = analyze_corpus([42, paths[0]])
    assert df.attrs["n_articles"] == 1 and "not a path, an Article or a table row" in df.attrs["failures"][0][1]


@pytest.mark.parametrize("workers", [1, 2])
def test_generator_input_is_consumed_lazily(tmp_path: Path, workers: int) -> None:
    paths = write_corpus(tmp_path)
    consumed = 0

    def endless():  # a corpus that never ends: only streaming can return a first result
        nonlocal consumed
        for p in itertools.cycle(paths):
            consumed += 1
            yield p

    outcomes = iter_outcomes(endless(), workers=workers)
    first = [next(outcomes) for _ in range(5)]
    outcomes.close()
    assert [o.index for o in first] == [0, 1, 2, 3, 4] and all(o.ok for o in first)
    assert consumed <= 5 + IN_FLIGHT_PER_WORKER * workers + 1


@pytest.mark.parametrize("row_group", [2, 2000])
@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_output_file_streams_the_same_rows(
    tmp_path: Path, suffix: str, row_group: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(analysis.corpus.writers.TableWriter, "ROW_GROUP", row_group)  # 2: many appends
    if suffix == ".parquet":
        pytest.importorskip("pyarrow", reason="Parquet output needs pyarrow (extra media-analysis[dask])")
    paths = write_corpus(tmp_path / "in")
    out = tmp_path / "out" / f"paragraphs{suffix}"
    df = analyze_corpus(paths, output=out, workers=2)
    assert df.empty and list(df.columns) == list(COLUMNS) and df.attrs["n_articles"] == 3
    written = pd.read_csv(out) if suffix == ".csv" else pd.read_parquet(out)
    expected = expected_paragraphs(paths)
    assert list(written.columns) == list(COLUMNS) and len(written) == len(expected)
    for col in ("article_id", "paragraph", "role", "n_words", "hedges", "attributions"):
        assert written[col].tolist() == expected[col].tolist(), col
    pd.testing.assert_series_equal(written["sentiment_compound"], expected["sentiment_compound"], check_dtype=False)
    assert [p.name for p in out.parent.iterdir()] == [out.name]  # no temporary file left


def test_output_file_is_not_left_half_written_on_error(tmp_path: Path) -> None:
    paths = write_corpus(tmp_path / "in")
    out = tmp_path / "out" / "paragraphs.csv"

    def broken():
        yield paths[0]
        raise RuntimeError("disk on fire")

    with pytest.raises(RuntimeError):
        analyze_corpus(broken(), output=out)
    assert list(out.parent.iterdir()) == []


def test_output_suffix_is_checked(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"must end in \.csv, \.json, \.jsonl"):
        analyze_corpus([], output=tmp_path / "x.xls")


def test_no_progress_bar_when_stderr_is_not_a_terminal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paths = write_corpus(tmp_path)
    analyze_corpus(paths)
    assert capsys.readouterr().err == ""
    analyze_corpus(paths, progress=True)
    err = capsys.readouterr().err
    assert "3/3" in err and "article" in err


def test_windows_1252_file_warns_but_is_analysed(tmp_path: Path) -> None:
    p = tmp_path / "cafe.txt"
    p.write_bytes(("The caf\u00e9 owner said business was good. " * 5).encode("cp1252"))
    with pytest.warns(Warning, match="Windows-1252"):
        df = analyze_corpus([p], workers=1)
    assert df.attrs["n_articles"] == 1 and df["n_words"].sum() > 0


def test_analyze_paths_keeps_both_tables(tmp_path: Path) -> None:
    paths = write_corpus(tmp_path)
    result = analyze_paths(paths, workers=2)
    assert result.failures == []
    pd.testing.assert_frame_equal(result.paragraphs, expected_paragraphs(paths))
    assert result.articles["article_id"].tolist() == ["zeta-budget", "alpha-floods", "mid-school"]


def test_cli_workers_and_cache_flags(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paths = write_corpus(tmp_path / "in")
    bad = tmp_path / "in" / "empty.txt"
    bad.write_text("\n\n", encoding="utf-8")
    args = ["analyze", *map(str, paths), str(bad), "--workers", "2", "--format", "csv", "--level", "article"]
    code = main([*args, "--cache-dir", str(tmp_path / "cache")])
    out, err = capsys.readouterr()
    assert code == 1 and "1 of 4 inputs failed" in err and "empty.txt" in err
    assert [line.split(",")[0] for line in out.splitlines()[1:]] == ["zeta-budget", "alpha-floods", "mid-school"]
    assert (tmp_path / "cache" / "results-v1.sqlite").is_file()  # same name as the default cache
    # The warm run reads the cache and prints the same table; --no-cache recomputes the same table.
    assert main([*args, "--cache-dir", str(tmp_path / "cache")]) == 1
    assert capsys.readouterr().out == out
    assert main([*args, "--no-cache"]) == 1
    assert capsys.readouterr().out == out


class _WorkerKiller(Article):
    """An article whose analysis kills the process analysing it (a stand-in for a crash or OOM kill)."""

    @property
    def is_english(self) -> bool:
        os._exit(3)


@needs_two_cpus
def test_a_dying_worker_fails_only_its_article(tmp_path: Path) -> None:
    paths = write_corpus(tmp_path)
    good = [article_from_text(TEXTS[n], article_id=n) for n in TEXTS]
    bomb = _WorkerKiller(**{f.name: getattr(good[0], f.name) for f in dataclasses.fields(Article)})
    object.__setattr__(bomb, "article_id", "bomb")
    items = [*paths, bomb, *good, *paths]
    with pytest.warns(BatchWarning, match="1 of 10 articles failed"):
        df = analyze_corpus(items, workers=2)
    assert df.attrs["n_articles"] == 9
    assert df.attrs["failures"] == [("bomb", "bomb: the worker process died analysing it")]
    # the same texts given three times are three articles (ids made unique), never merged
    assert df["article_id"].nunique() == 9 and len(df) == 3 * len(expected_paragraphs(paths))


def test_one_path_is_a_file_or_a_folder_not_a_string_of_characters(tmp_path: Path) -> None:
    paths = write_corpus(tmp_path / "in")
    (tmp_path / "in" / "README.md").write_text("About this folder.\n")
    folder = analyze_corpus(tmp_path / "in")
    assert sorted(set(folder["article_id"])) == ["alpha-floods", "mid-school", "zeta-budget"]
    one = analyze_corpus(str(paths[0]))
    assert set(one["article_id"]) == {"zeta-budget"} and one.attrs["failures"] == []
    with pytest.raises(InputError, match="no such file"):
        analyze_corpus(str(tmp_path / "nope"))


def test_existing_output_is_kept_unless_overwrite(tmp_path: Path) -> None:
    paths = write_corpus(tmp_path / "in")
    out = tmp_path / "mine.csv"
    out.write_text("my own notes\n")
    with pytest.raises(InputError, match="already exists"):
        analyze_corpus(paths, output=out)
    assert out.read_text() == "my own notes\n"
    analyze_corpus(paths, output=out, overwrite=True)
    assert out.read_text().startswith("article_id,")


def test_workers_leave_the_callers_objects_collectable(tmp_path: Path) -> None:
    """gc.freeze() before forking must not outlive the run (a notebook's cycles would leak)."""
    import gc
    import weakref

    class Node:
        pass

    node = Node()
    node.me = node  # a reference cycle: only the cyclic collector frees it
    alive = weakref.ref(node)
    analyze_corpus(write_corpus(tmp_path / "in"), workers=2)
    del node
    gc.collect()
    assert alive() is None and gc.get_freeze_count() == 0


def test_cache_argument_a_dotted_folder_or_a_database_file(tmp_path: Path) -> None:
    paths = write_corpus(tmp_path / "in")
    analyze_corpus(paths, cache=tmp_path / "my.cache")
    assert (tmp_path / "my.cache" / "results-v1.sqlite").is_file()
    analyze_corpus(paths, cache=tmp_path / "results.sqlite")
    assert (tmp_path / "results.sqlite").is_file()


def test_unusable_cache_warns_once_and_the_run_goes_on_uncached(tmp_path: Path) -> None:
    from analysis import InputWarning

    paths = write_corpus(tmp_path / "in")
    expected = expected_paragraphs(paths)
    bad = tmp_path / "c" / "results-v1.sqlite"
    bad.parent.mkdir()
    bad.write_bytes(b"this is not a database" * 100)
    blocker = tmp_path / "afile"
    blocker.write_text("x")
    for cache in (tmp_path / "c", blocker / "sub", blocker):
        with pytest.warns(InputWarning, match="cannot use the result cache .*; running without it") as caught:
            df = analyze_corpus(paths, cache=cache)
        assert len([w for w in caught if "result cache" in str(w.message)]) == 1
        pd.testing.assert_frame_equal(df.reset_index(drop=True), expected.reset_index(drop=True), check_dtype=False)


@needs_two_cpus
@pytest.mark.parametrize(("delay", "twice"), [(1.2, False), (1.8, True), (2.4, True)])
def test_ctrl_c_with_workers_stops_promptly_and_leaves_no_worker(tmp_path: Path, delay: float, twice: bool) -> None:
    """Ctrl-C reaches the whole process group, workers included: exit 130, no hang, no orphan.

    ``twice``: the main process gets a second SIGINT while it shuts the pool down
    (as with ``timeout -s INT``, which signals the child and then its group).
    """
    import signal
    import subprocess
    import time

    proc = _start_long_run(tmp_path)
    time.sleep(delay)
    if twice:
        os.kill(proc.pid, signal.SIGINT)
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGINT)
    try:
        _, err = proc.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        pytest.fail("the run hung after Ctrl-C")
    assert proc.returncode == 130, err
    assert err.decode().strip().splitlines()[-1] == "error: interrupted" and b"Traceback" not in err
    time.sleep(0.5)
    group = _group(proc.pid)
    assert group == [], f"worker processes left behind: {group}"
    assert not (tmp_path / "o.csv").exists()  # nothing half-written under the output name


def _start_long_run(tmp_path: Path):  # type: ignore[no-untyped-def]
    """``media-analysis analyze`` of 1,500 small articles with two workers, in its own session."""
    import subprocess
    import sys

    corpus = tmp_path / "in"
    corpus.mkdir()
    base = list(TEXTS.values())
    for i in range(1500):  # a few seconds of work for two workers
        (corpus / f"a{i:04d}.txt").write_text(f"{base[i % 3]}\n\nItem {i} was filed on day {i}.", encoding="utf-8")
    exe = Path(sys.executable).with_name("media-analysis")
    out = str(tmp_path / "o.csv")
    args = [exe, "analyze", str(corpus), "--workers", "2", "--no-cache", "--format", "csv", "-o", out]
    return subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)


def _wait_for_workers(pgid: int) -> None:
    """Until the run's group holds the main process and two workers (30 s at most)."""
    import time

    deadline = time.monotonic() + 30
    while len(_group(pgid)) < 3 and time.monotonic() < deadline:
        time.sleep(0.1)
    assert len(_group(pgid)) >= 3, "the workers never started"


def _group(pgid: int) -> list[str]:
    """Live processes of a process group (zombies, exited and awaiting their reaper, do not count)."""
    return [d.name for d in Path("/proc").iterdir() if d.name.isdigit() and _pgid(d) == pgid and not _zombie(d)]


def _zombie(proc_dir: Path) -> bool:
    try:
        return (proc_dir / "stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
    except (OSError, IndexError):
        return True  # gone


@needs_two_cpus
def test_workers_exit_when_the_main_process_is_killed(tmp_path: Path) -> None:
    """``kill -9`` (or the OOM killer) on the main process leaves no worker running on its own."""
    import signal
    import time

    proc = _start_long_run(tmp_path)
    try:
        _wait_for_workers(proc.pid)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
        deadline = time.monotonic() + 10
        while _group(proc.pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert _group(proc.pid) == [], "workers outlived their parent"
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()


def test_sigterm_stops_a_run_cleanly_with_status_143(tmp_path: Path) -> None:
    """A batch scheduler's stop request (SIGTERM to the main process) is handled like Ctrl-C."""
    import signal
    import time

    proc = _start_long_run(tmp_path)
    try:
        _wait_for_workers(proc.pid)
        time.sleep(0.5)
        os.kill(proc.pid, signal.SIGTERM)
        _, err = proc.communicate(timeout=60)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == 143, err
    assert err.decode().strip().splitlines()[-1] == "error: interrupted" and b"Traceback" not in err
    time.sleep(0.5)
    assert _group(proc.pid) == [], "workers left running"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in"]  # no output, no temporary file


def _pgid(proc_dir: Path) -> int | None:
    try:
        return int((proc_dir / "stat").read_text().rsplit(")", 1)[1].split()[2])
    except (OSError, ValueError, IndexError):
        return None


def test_ctrl_c_while_a_job_is_submitted_or_the_pool_closes_is_not_lost() -> None:
    """Ctrl-C is held back in those critical sections, never dropped (the run would go on)."""
    import signal

    class Pool:
        _processes: dict[int, object] = {}

        def submit(self, fn: object, job: object) -> str:
            os.kill(os.getpid(), signal.SIGINT)  # its Python handler runs in this (main) thread, now
            return "future"

        def shutdown(self, wait: bool, cancel_futures: bool) -> None:
            os.kill(os.getpid(), signal.SIGINT)

    with pytest.raises(KeyboardInterrupt):
        analysis.corpus.pool.submit(Pool(), print, "a job")
    with pytest.raises(KeyboardInterrupt):
        analysis.corpus.pool.close_pool(Pool(), abort=False)  # a run finishing normally is interrupted
    analysis.corpus.pool.close_pool(Pool(), abort=True)  # already stopping: a second Ctrl-C changes nothing
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


@pytest.mark.parametrize(
    ("requested", "cpus", "inputs", "pool", "warned"),
    [  # (--workers, CPUs, inputs, processes started (0: no pool), warned about)
        (2, 4, 3, 2, False),
        (0, 4, 3, 3, False),  # one per CPU, but there are only three articles
        (100_000, 2, 10, 2, True),  # forked at once, this set off the out-of-memory killer
        (8, 8, 1, 0, False),  # one article: analysed in this process
        (4, 2, 1, 0, True),
        (1, 2, 10, 0, False),
    ],
)
def test_workers_are_capped_at_the_cpus_and_the_inputs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, requested: int, cpus: int, inputs: int, pool: int, warned: bool
) -> None:
    import warnings
    from concurrent.futures import ThreadPoolExecutor

    started: list[int] = []

    def make_pool(n: int) -> ThreadPoolExecutor:  # records the size asked for; threads stand in for processes
        started.append(n)
        return ThreadPoolExecutor(n)

    monkeypatch.setattr(analysis.corpus.batch, "usable_cpus", lambda: cpus)
    monkeypatch.setattr(analysis.corpus.batch, "make_pool", make_pool)
    paths = list(itertools.islice(itertools.cycle(write_corpus(tmp_path)), inputs))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        df = analyze_corpus((p for p in paths), workers=requested, level="article")  # a generator: length unknown
    assert started == ([pool] if pool else []) and len(df) == inputs
    messages = [str(w.message) for w in caught if "workers requested" in str(w.message)]
    assert messages == (
        [
            f"{requested} workers requested on {cpus} CPUs: using {cpus} (a worker beyond one per CPU "
            "adds about 170 MiB of memory, not speed)"
        ]
        if warned
        else []
    )


# --------------------------------------------------------------------------- many paragraphs or sentences


@pytest.mark.parametrize(
    ("text", "accepted", "message"),
    [  # --max-bytes 50000: at most 1,000 sentences (and paragraphs), one per 50 bytes of the limit
        ("A b.\n" * 1000, True, ""),
        ("A b.\n" * 1001, False, "1,001+ paragraphs, over the 1,000 one article may have"),
        ("A b. " * 1000 + "\n", True, ""),
        ("A b. " * 1001 + "\n", False, "1,001+ sentences, over the 1,000 one article may have"),
        ("A b. A b.\n\n" * 501, False, "1,001+ sentences, over the 1,000 one article may have"),
    ],
    ids=["1000-lines", "1001-lines", "1000-sentences", "1001-sentences", "1002-in-paragraphs"],
)
def test_paragraphs_and_sentences_are_limited_with_the_size(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, accepted: bool, message: str
) -> None:
    """1,000,000 lines of 'A b.' (5 MB, under the size limit) took 148 s and 5.1 GB."""
    p = tmp_path / "lines.txt"
    p.write_text(text)
    code = main(["analyze", str(p), "--format", "csv", "--level", "article", "--no-cache", "--max-bytes", "50000"])
    err = capsys.readouterr().err
    if accepted:
        assert code == 0 and err == ""
    else:
        hint = "(split it into articles, or raise the limit with --max-bytes)"
        assert code == 2 and err == f"error: {p}: {message} {hint}\n"


def test_too_many_lines_are_refused_before_any_dictionary_is_loaded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_warming(*args: object, **kwargs: object) -> None:
        raise AssertionError("the dictionaries were loaded for a file that is refused anyway")

    monkeypatch.setattr(analysis.corpus.batch, "warm", no_warming)
    p = tmp_path / "lines.txt"
    p.write_text("A b.\n" * 5000)
    with pytest.warns(BatchWarning, match="1 of 1 articles failed"):
        df = analyze_corpus([p], max_bytes=50_000)
    assert df.empty and "1,001+ paragraphs, over the 1,000 one article may have" in df.attrs["failures"][0][1]


def test_a_writer_holds_one_row_group_of_an_articles_rows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every paragraph row of an article was made, then buffered, before any was written."""
    import analysis.corpus.writers as writers

    held: list[int] = []
    real_flush = writers.TableWriter._flush

    def flush(self: writers.TableWriter, final: bool = False) -> None:
        held.append(len(self.buffer))
        real_flush(self, final)

    monkeypatch.setattr(writers.TableWriter, "_flush", flush)
    monkeypatch.setattr(writers.TableWriter, "ROW_GROUP", 100)
    p = tmp_path / "long.txt"
    p.write_text("The council met. Residents said they could appeal.\n" * 450)
    analyze_corpus([p], output=tmp_path / "rows.csv")
    assert max(held) == 100 and sum(held) == 450 and len(pd.read_csv(tmp_path / "rows.csv")) == 450


@pytest.mark.parametrize("level", ["article", "paragraph"])
def test_display_thresholds_apply_to_cached_results(tmp_path: Path, level: str) -> None:
    """The reliability thresholds are not in the cache key: a cached row or document gets the run's own."""
    from analysis import AnalysisConfig, seed_path

    strict = AnalysisConfig(min_reliable_words=10_000, min_smog_sentences=1)
    cache = tmp_path / "cache"
    analyze_corpus([seed_path()], level=level, cache=cache)  # fills the cache with the default thresholds
    cached = analyze_corpus([seed_path()], level=level, cache=cache, config=strict)
    fresh = analyze_corpus([seed_path()], level=level, config=strict)
    assert not cached["readability_reliable"].any() and cached["smog_reliable"].all()
    pd.testing.assert_frame_equal(cached, fresh)
    from analysis.corpus.cache import ResultCache, cache_location

    with ResultCache(cache_location(cache)) as store:
        assert len(store) == 1  # the second run was served by the first run's entry
