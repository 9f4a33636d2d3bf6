"""Shared fixtures: the seed article and the optional ../shared material."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis import Article, load_article, seed_path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def seed() -> Article:
    return load_article(seed_path())


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared`` beside the checkout; tests using it skip on a user's machine."""
    if not SHARED.is_dir():
        pytest.skip("../shared (course material beside the checkout) is absent on this machine")
    return SHARED
