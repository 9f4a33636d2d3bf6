"""Analyse many articles: load, compute, collect failures without losing the rest."""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .errors import InputError
from .loading import MAX_BYTES, load_article
from .metrics import COLUMNS, article_metrics, paragraph_metrics


@dataclass
class BatchResult:
    """Paragraph rows and article rows of every article that succeeded, plus failures."""

    paragraphs: pd.DataFrame
    articles: pd.DataFrame
    failures: list[tuple[str, str]] = field(default_factory=list)


def analyze_paths(paths: Sequence[str | Path], max_bytes: int = MAX_BYTES) -> BatchResult:
    """Analyse each file; an :class:`InputError` for one file is recorded, not raised."""
    para_frames, art_rows, failures = [], [], []
    for path in paths:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("default")
                article = load_article(path, max_bytes=max_bytes)
            para_frames.append(paragraph_metrics(article))
            art_rows.append(article_metrics(article))
        except InputError as exc:
            failures.append((str(path), str(exc)))
    paragraphs = pd.concat(para_frames, ignore_index=True) if para_frames else pd.DataFrame(columns=list(COLUMNS))
    articles = pd.DataFrame(art_rows, columns=list(COLUMNS)).reset_index(drop=True)
    return BatchResult(paragraphs, articles, failures)
