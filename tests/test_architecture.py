"""The layers import one way: no import circles between the packages of ``analysis/``, and the layering rules.

Imports are read from the source with :mod:`ast` (every ``import``, at module level or inside a
function, except under ``if TYPE_CHECKING:``), so a lazy import counts as much as an eager one.
Nodes of the package graph are ``analysis.<first part>`` (``analysis.report``, ``analysis.model``);
the package root (``analysis/__init__.py``, the public facade that re-exports lazily) is left out.
See ARCHITECTURE.md for the layers.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "analysis"


def module_name(path: Path, root: Path = PACKAGE) -> str:
    """``analysis/report/page.py`` -> ``analysis.report.page`` (``__init__`` -> the package)."""
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _type_checking_nodes(tree: ast.AST) -> set[int]:
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skip.update(id(x) for x in ast.walk(node))
    return skip


def imports(root: Path = PACKAGE) -> dict[str, set[str]]:
    """Module -> the modules of the package it imports (runtime imports only)."""
    modules = {module_name(p, root) for p in root.rglob("*.py")}
    out: dict[str, set[str]] = {}
    for path in sorted(root.rglob("*.py")):
        name = module_name(path, root)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip = _type_checking_nodes(tree)
        found: set[str] = set()
        for node in ast.walk(tree):
            if id(node) in skip:
                continue
            if isinstance(node, ast.Import):
                found.update(a.name for a in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.add(node.module)
                found.update(f"{node.module}.{a.name}" for a in node.names)  # `from analysis import document`
        out[name] = {m for m in found if m in modules and m != name}
    return out


def package_of(module: str) -> str:
    """``analysis.report.page`` -> ``analysis.report``; ``analysis.model`` -> itself."""
    return ".".join(module.split(".")[:2])


def package_graph(root: Path = PACKAGE) -> dict[str, dict[str, list[str]]]:
    """Package -> package it imports -> the ``module -> module`` imports that make the edge."""
    graph: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    top = root.name
    for module, targets in imports(root).items():
        for target in targets:
            a, b = package_of(module), package_of(target)
            if a != b and top not in (a, b):
                graph[a][b].append(f"{module} -> {target}")
    return graph


def cycles(graph: dict[str, dict[str, list[str]]]) -> list[list[str]]:
    """Every strongly connected group of more than one node (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, {}):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for v in sorted(set(graph) | {w for ws in graph.values() for w in ws}):
        if v not in index:
            visit(v)
    return found


def _explain(graph: dict[str, dict[str, list[str]]], group: list[str]) -> str:
    return "; ".join(f"{a} -> {b} ({graph[a][b][0]})" for a in group for b in group if b in graph.get(a, {}))


def test_the_packages_import_each_other_in_no_circle() -> None:
    graph = package_graph()
    assert {"analysis.annotate", "analysis.document", "analysis.report", "analysis.sources"} <= set(graph)
    found = cycles(graph)
    assert not found, "import circles: " + " | ".join(_explain(graph, g) for g in found)


def test_no_module_imports_itself_back_within_sources_or_report() -> None:
    """Inside the packages that had circles (sources: loading -> ingest -> fetch -> ingest; report:
    coverage <-> figures), modules import one way too."""
    mods = imports()
    for package in ("analysis.sources", "analysis.report", "analysis.layers", "analysis.tables"):
        graph = {
            m: {t: [f"{m} -> {t}"] for t in ts if t.startswith(package + ".")}
            for m, ts in mods.items()
            if m.startswith(package + ".")
        }
        found = cycles(graph)
        assert not found, f"import circles in {package}: " + " | ".join(_explain(graph, g) for g in found)


#: (modules, what they must not import, why): prefixes of module names.
RULES: list[tuple[str, tuple[str, ...], str]] = [
    ("analysis.model", ("analysis.",), "the model is plain data: it knows no renderer, no layer above it"),
    (
        "analysis.annotate",
        (
            "analysis.document",
            "analysis.layers",
            "analysis.tables",
            "analysis.report",
            "analysis.corpus",
            "analysis.sources",
            "analysis.cli",
            "analysis.config",
        ),
        "annotators work on text and know no document",
    ),
    (
        "analysis.layers",
        (
            "analysis.document",
            "analysis.tables",
            "analysis.report",
            "analysis.corpus",
            "analysis.sources",
            "analysis.cli",
        ),
        "components know only annotators and the model",
    ),
    (
        "analysis.sources.loading",
        (
            "analysis.sources.store",
            "analysis.sources.ingest",
            "analysis.sources.fetch",
            "analysis.sources.download",
            "analysis.corpus",
        ),
        "reading an article knows nothing of adding to the store",
    ),
    (
        "analysis.sources.download",
        ("analysis.sources.store", "analysis.sources.ingest", "analysis.sources.fetch"),
        "downloading a page knows nothing of the store",
    ),
    (
        "analysis.sources",
        ("analysis.corpus", "analysis.report", "analysis.cli", "analysis.document"),
        "sources read and store articles; they analyse nothing",
    ),
    (
        "analysis.tables",
        ("analysis.corpus", "analysis.report", "analysis.cli", "analysis.sources"),
        "tables are built from analysed documents",
    ),
    ("analysis.report", ("analysis.corpus", "analysis.cli"), "reports take tables and run no corpora"),
    ("analysis.corpus", ("analysis.report", "analysis.cli"), "the corpus engine draws nothing"),
    (
        "analysis.options",
        ("analysis.corpus", "analysis.report", "analysis.cli", "analysis.document", "analysis.tables"),
        "a run's options are plain data: the command line builds them, the corpus engine reads them",
    ),
]


def _matches(module: str, prefix: str) -> bool:
    return module == prefix or module.startswith(prefix if prefix.endswith(".") else prefix + ".")


@pytest.mark.parametrize(("owner", "forbidden", "why"), RULES, ids=[r[0] for r in RULES])
def test_layering_rule(owner: str, forbidden: tuple[str, ...], why: str) -> None:
    broken = sorted(
        f"{m} -> {t}"
        for m, targets in imports().items()
        if _matches(m, owner)
        for t in targets
        if any(_matches(t, f) for f in forbidden) and not _matches(t, owner)
    )
    assert not broken, f"{why}: {broken}"


def test_commands_are_defined_only_in_cli() -> None:
    """argparse (a command's parser) is imported only by the command-line package."""
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        name = module_name(path)
        if _matches(name, "analysis.cli"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip = _type_checking_nodes(tree)
        for node in ast.walk(tree):
            if id(node) in skip:
                continue
            parser = isinstance(node, ast.Import) and any(a.name == "argparse" for a in node.names)
            command = isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "add_parser"
            if parser or command:
                offenders.append(name)
    assert not offenders, f"commands outside analysis/cli: {sorted(set(offenders))}"


def test_the_checks_can_fail(tmp_path: Path) -> None:
    """The graph sees lazy imports and circles: a two-module package importing itself back fails."""
    pkg = tmp_path / "analysis"
    (pkg / "model").mkdir(parents=True)
    (pkg / "report").mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "model" / "__init__.py").write_text("def show():\n    from analysis.report.render import highlight\n")
    (pkg / "report" / "__init__.py").write_text("")
    (pkg / "report" / "render.py").write_text("from analysis.model import show\nhighlight = show\n")
    graph = package_graph(pkg)
    assert cycles(graph) == [["analysis.model", "analysis.report"]]


def _private_imports(root: Path) -> list[str]:
    """``file: from analysis.x import _name`` for every private name imported from another module."""
    found = []
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("analysis"):
                for alias in node.names:
                    private = alias.name.startswith("_") and not alias.name.startswith("__")
                    if private and alias.name != "_cmudict":  # the CMU dictionary's module, named private
                        found.append(f"{path.name}: from {node.module} import {alias.name}")
    return found


@pytest.mark.parametrize("folder", ["analysis", "tests", "benchmarks", "scripts"])
def test_helpers_used_across_modules_have_public_names(folder: str) -> None:
    """A helper another module imports is public in the module that owns it (tests use public names too)."""
    assert _private_imports(PACKAGE.parent / folder) == []


def test_the_private_import_check_can_fail(tmp_path: Path) -> None:
    (tmp_path / "m.py").write_text("from analysis.annotate.hedging.rules import _secret\n")
    assert _private_imports(tmp_path) == ["m.py: from analysis.annotate.hedging.rules import _secret"]
