"""The layer contract: a component declares what it reads, what it assigns, its version and its JSON form.

Modelled on spaCy's ``Language.factory`` (``assigns``/``requires``, pipe analysis): a layer is a
pure function from the article, the settings and the layers made before it to the layers it
assigns, registered with :func:`component`::

    @component("sentiment", assigns=("sentiment",), requires=("sentences",), version=1,
               codecs={"sentiment": records(Scores)}, uses=("analysis.annotate.sentiment:sentence_scores",))
    def sentiment(article, config, layers):
        return {"sentiment": tuple(sentence_scores([s.text for s in layers["sentences"]]))}

:func:`pipeline` orders the registered components so each runs after the ones it requires;
:func:`analysis.document.analyze` runs them. Every assigned layer is stored *by field name*
(:func:`records`), never by position, and the document version (part of the cache key) is
derived from the components' names and versions (:func:`layers_version`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from analysis.config import AnalysisConfig
    from analysis.model import Article

#: A layer's function: ``(article, config, layers made so far) -> {assigned name: value}``.
LayerFunction = Callable[["Article", "AnalysisConfig", Mapping[str, Any]], dict[str, Any]]

#: Names every component may require without a component assigning them.
GIVEN = ("article", "config")


@dataclass(frozen=True)
class Codec:
    """How one assigned layer is written to JSON and read back (the article is given to rebuild text)."""

    dump: Callable[[Any], Any]
    load: Callable[[Any, Article], Any]
    #: ``False`` for a layer rebuilt from the article alone (not written).
    stored: bool = True


@dataclass(frozen=True)
class Component:
    """One layer of the analysed document (see the module docstring).

    Attributes:
        name: unique name of the component.
        func: the :data:`LayerFunction`.
        assigns: the layers (document attributes) it makes.
        requires: the layers it reads (assigned by other components, or :data:`GIVEN`).
        version: bump when what it assigns or their JSON form changes (part of the cache key).
        codecs: per assigned layer, its JSON form (every assigned layer has one).
        warm: loads what the component needs once per process (dictionaries, models), before forking.
        uses: ``"module:function"`` of the annotators whose results it stores: tables and views read
            the layer and must never call them (the test of the document checks it for every layer).
    """

    name: str
    func: LayerFunction
    assigns: tuple[str, ...]
    requires: tuple[str, ...]
    version: int
    codecs: Mapping[str, Codec]
    warm: Callable[[AnalysisConfig], None] | None = None
    uses: tuple[str, ...] = ()

    def run(self, article: Article, config: AnalysisConfig, layers: Mapping[str, Any]) -> dict[str, Any]:
        """The layers this component assigns (checked against :attr:`assigns`)."""
        out = self.func(article, config, layers)
        if set(out) != set(self.assigns):
            raise RuntimeError(f"component {self.name!r} assigned {sorted(out)}, declared {list(self.assigns)}")
        return out

    def dump(self, layers: Mapping[str, Any]) -> dict[str, Any]:
        """JSON form of the layers it assigned."""
        return {name: self.codecs[name].dump(layers[name]) for name in self.assigns if self.codecs[name].stored}

    def load(self, data: Mapping[str, Any], article: Article) -> dict[str, Any]:
        """The layers it assigned, read back from :meth:`dump` output (``KeyError`` when one is missing)."""
        return {
            name: codec.load(data[name] if codec.stored else None, article)
            for name, codec in ((n, self.codecs[n]) for n in self.assigns)
        }


_REGISTRY: dict[str, Component] = {}


def component(
    name: str,
    *,
    assigns: Iterable[str],
    requires: Iterable[str] = (),
    version: int,
    codecs: Mapping[str, Codec],
    warm: Callable[[AnalysisConfig], None] | None = None,
    uses: Iterable[str] = (),
) -> Callable[[LayerFunction], LayerFunction]:
    """Register the decorated function as the component ``name`` (see :class:`Component`)."""

    def register(func: LayerFunction) -> LayerFunction:
        made = Component(name, func, tuple(assigns), tuple(requires), version, dict(codecs), warm, tuple(uses))
        missing = set(made.assigns) - set(made.codecs)
        if missing:
            raise ValueError(f"component {name!r}: no codec for {sorted(missing)}")
        taken = {a: c.name for c in _REGISTRY.values() if c.name != name for a in c.assigns}
        clash = [a for a in made.assigns if a in taken]
        if clash:
            raise ValueError(f"component {name!r}: {clash} already assigned by {taken[clash[0]]!r}")
        _REGISTRY[name] = made
        return func

    return register


def registered() -> tuple[Component, ...]:
    """Every registered component, in registration order."""
    return tuple(_REGISTRY.values())


def pipeline(components: Iterable[Component] | None = None) -> tuple[Component, ...]:
    """``components`` (default: every registered one) so that each comes after those it requires.

    Registration order is kept where the requirements allow it.

    Raises:
        ValueError: a required layer is assigned by no component, or requirements go round in a circle.
    """
    todo = list(registered() if components is None else components)
    made = set(GIVEN)
    assigned = made | {a for c in todo for a in c.assigns}
    for c in todo:
        unknown = [r for r in c.requires if r not in assigned]
        if unknown:
            raise ValueError(f"component {c.name!r} requires {unknown}, which no component assigns")
    order: list[Component] = []
    while todo:
        ready = next((c for c in todo if made.issuperset(c.requires)), None)
        if ready is None:
            raise ValueError(f"components require each other in a circle: {[c.name for c in todo]}")
        order.append(ready)
        made.update(ready.assigns)
        todo.remove(ready)
    return tuple(order)


def layers_version(components: Iterable[Component] | None = None) -> str:
    """``name@version`` of every component, in pipeline order (the document version is made of it)."""
    return "+".join(f"{c.name}@{c.version}" for c in pipeline(components))


# --------------------------------------------------------------------------- codecs


def records(
    cls: type,
    dump: Mapping[str, Callable[[Any], Any]] | None = None,
    load: Mapping[str, Callable[[Any], Any]] | None = None,
    skip: Iterable[str] = (),
    rebuild: Callable[[dict[str, Any], Article], dict[str, Any]] | None = None,
) -> Codec:
    """A tuple of dataclass or named-tuple instances stored by field name: ``{"fields": [...], "rows": [...]}``.

    Rows are read back by the names stored with them, so reordering the class's fields never
    misreads an old entry; a field the class no longer has (or a missing one without default)
    makes the entry unreadable (``TypeError``), i.e. stale.

    Args:
        cls: the item class (a dataclass or a ``NamedTuple``).
        dump: per field, a function making its value JSON-able (e.g. ``sorted`` for a frozenset).
        load: per field, the inverse of ``dump``.
        skip: fields not stored (rebuilt by ``rebuild``, e.g. text sliced from the article).
        rebuild: ``(fields read, article) -> fields`` to restore the skipped ones.
    """
    names = [f.name for f in dataclasses.fields(cls)] if dataclasses.is_dataclass(cls) else list(cls._fields)  # type: ignore[attr-defined]
    stored = [n for n in names if n not in set(skip)]
    dump, load = dict(dump or {}), dict(load or {})

    def to_json(items: Iterable[Any]) -> dict[str, Any]:
        rows = [[dump[n](getattr(x, n)) if n in dump else getattr(x, n) for n in stored] for x in items]
        return {"fields": stored, "rows": rows}

    def from_json(data: Mapping[str, Any], article: Article) -> tuple[Any, ...]:
        out = []
        for row in data["rows"]:
            values = {n: load[n](v) if n in load else v for n, v in zip(data["fields"], row, strict=True)}
            out.append(cls(**(rebuild(values, article) if rebuild else values)))
        return tuple(out)

    return Codec(to_json, from_json)


def plain(load: Callable[[Any], Any] = lambda v: v, dump: Callable[[Any], Any] = lambda v: v) -> Codec:
    """A layer whose value is JSON already (numbers, lists): ``load`` restores tuples and types."""
    return Codec(dump, lambda data, _article: load(data))


def derived(rebuild: Callable[[Article], Any]) -> Codec:
    """A layer not stored at all: rebuilt from the article (e.g. its sentences)."""
    return Codec(lambda _value: None, lambda _data, article: rebuild(article), stored=False)


__all__ = [
    "GIVEN",
    "Codec",
    "Component",
    "LayerFunction",
    "component",
    "derived",
    "layers_version",
    "pipeline",
    "plain",
    "records",
    "registered",
]
