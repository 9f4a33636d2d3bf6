"""Analysis never touches the network: run the whole seed analysis with sockets disabled."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from .conftest import OFFLINE_CLI


def test_seed_analysis_with_sockets_disabled_and_empty_caches(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("NLTK_DATA", "XDG_CACHE_HOME")}
    # A brand-new home and cache: nothing provisioned earlier can hide a download.
    env.update(HOME=str(tmp_path / "home"), MEDIA_ANALYSIS_CACHE=str(tmp_path / "cache"))
    proc = subprocess.run(
        [sys.executable, "-c", OFFLINE_CLI, "analyze", "--format", "csv", "--all-roles"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stderr
    assert "network access attempted" not in proc.stderr
    assert proc.stdout.startswith("article_id,") and proc.stdout.count("\n") == 26
    assert (tmp_path / "cache" / "nltk_data" / "corpora" / "cmudict" / "cmudict").stat().st_size > 3_000_000
    assert not (tmp_path / "home" / "nltk_data").exists()


def test_direct_textstat_calls_after_import_analysis_never_download(tmp_path: Path) -> None:
    code = OFFLINE_CLI.split("from analysis.cli")[0] + (
        "import analysis, textstat\n"
        "print(textstat.syllable_count('unification'), textstat.flesch_kincaid_grade('It is clear.'))\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("NLTK_DATA", "XDG_CACHE_HOME")}
    env.update(HOME=str(tmp_path / "home"), MEDIA_ANALYSIS_CACHE=str(tmp_path / "cache"))
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split()[0] == "5"  # Y UW2 N AH0 F AH0 K EY1 SH AH0 N in the CMU dictionary
