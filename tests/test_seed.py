"""The bundled seed is byte-identical to the user's document and its recorded hash."""

from __future__ import annotations

import hashlib

import pytest
import yaml

from analysis import seed_path

from .conftest import ROOT


def test_seed_matches_recorded_sha256() -> None:
    meta = yaml.safe_load((ROOT / "seeds" / "could-russia-lose-belarus.meta.yaml").read_text())
    data = seed_path().read_bytes()
    assert hashlib.sha256(data).hexdigest() == meta["sha256"]
    assert meta["file"] == seed_path().name


def test_seed_is_byte_identical_to_shared_copy(shared_dir) -> None:  # type: ignore[no-untyped-def]
    original = shared_dir / "seeds" / "000_2f50ea4aba4b18f1.txt"
    if not original.exists():
        pytest.skip("shared seed missing")
    assert original.read_bytes() == seed_path().read_bytes()
