"""The layers of the analysed document, as registered components (the contract: :mod:`analysis.layers.base`).

Importing this package registers the built-in components, one module each, listed in
:data:`MODULES`. A new layer is one new module in this folder whose function is decorated
with :func:`component`, plus its name in :data:`MODULES` (see CONTRIBUTING.md).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

from analysis.layers.base import (
    GIVEN,
    Codec,
    Component,
    component,
    derived,
    layers_version,
    pipeline,
    plain,
    records,
    registered,
)

if TYPE_CHECKING:
    from analysis.config import AnalysisConfig

#: Modules that register the built-in components (registration order; :func:`pipeline` sorts by requirement).
MODULES = (
    "analysis.layers.segmentation",
    "analysis.layers.quotes",
    "analysis.layers.attributions",
    "analysis.layers.cues",
    "analysis.layers.predictions",
    "analysis.layers.sentiment",
    "analysis.layers.voice_words",
    "analysis.layers.uncertainty",
)

for _module in MODULES:
    import_module(_module)


def warm(config: AnalysisConfig | None = None) -> None:
    """Run every component's warm-up (dictionaries, lexicon, models), e.g. before forking workers."""
    from analysis.config import DEFAULT_CONFIG

    for c in pipeline():
        if c.warm is not None:
            c.warm(config or DEFAULT_CONFIG)


__all__ = [
    "GIVEN",
    "MODULES",
    "Codec",
    "Component",
    "component",
    "derived",
    "layers_version",
    "pipeline",
    "plain",
    "records",
    "registered",
    "warm",
]
