"""Shared fixtures: the seed article and the optional ../shared material."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis import Article, load_article, seed_path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"

#: ``python -c OFFLINE_CLI ARGS...`` runs the CLI with every way out to the network refused.
OFFLINE_CLI = r"""
import socket, sys
def _refuse(*a, **k):
    raise RuntimeError("network access attempted")
socket.socket.connect = _refuse
socket.socket.connect_ex = _refuse
socket.create_connection = _refuse
socket.getaddrinfo = _refuse
import nltk
nltk.download = _refuse
from analysis.cli import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.fixture(scope="session")
def seed() -> Article:
    return load_article(seed_path())


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared`` beside the checkout; tests using it skip on a user's machine."""
    if not SHARED.is_dir():
        pytest.skip("../shared (course material beside the checkout) is absent on this machine")
    return SHARED
