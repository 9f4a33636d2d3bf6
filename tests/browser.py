"""Headless Chromium for page tests: skips with the reason when Playwright or Chromium is missing."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

#: Chromium from the system packages (``apt-get install chromium``); Playwright's own download is not used.
CHROMIUM = os.environ.get("MEDIA_ANALYSIS_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
#: Set to a folder to keep the screenshots the browser tests take (they go to tmp_path otherwise).
SHOTS = os.environ.get("MEDIA_ANALYSIS_SCREENSHOTS")


@contextmanager
def page(width: int = 1100, height: int = 900) -> Iterator[Any]:
    """A Playwright page in headless Chromium that refuses every request leaving the file system."""
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install playwright)")
    if not Path(CHROMIUM).is_file():
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium, or set MEDIA_ANALYSIS_CHROMIUM)")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            pg = browser.new_page(viewport={"width": width, "height": height})
            pg.outside: list[str] = []  # type: ignore[attr-defined, misc]
            pg.errors: list[str] = []  # type: ignore[attr-defined, misc]
            pg.dialogs: list[str] = []  # type: ignore[attr-defined, misc]

            def route(r: Any) -> None:
                if r.request.url.startswith(("file:", "data:", "about:")):
                    r.continue_()
                else:
                    pg.outside.append(r.request.url)  # type: ignore[attr-defined]
                    r.abort()

            pg.route("**/*", route)
            pg.on("pageerror", lambda e: pg.errors.append(str(e)))  # type: ignore[attr-defined]

            def dialog(d: Any) -> None:
                pg.dialogs.append(d.message)  # type: ignore[attr-defined]
                d.dismiss()

            pg.on("dialog", dialog)
            yield pg
        finally:
            browser.close()


def screenshot(pg: Any, tmp_path: Path, name: str) -> Path:
    """Full-page PNG in ``$MEDIA_ANALYSIS_SCREENSHOTS`` (when set) or ``tmp_path``."""
    folder = Path(SHOTS) if SHOTS else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    out = folder / name
    pg.screenshot(path=str(out), full_page=True)
    return out
