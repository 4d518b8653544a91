"""The code's layers point one way, read from the imports themselves (macros/ARCHITECTURE.md)."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT

PACKAGE = ROOT / "macros" / "plansite"

# What each layer may import, besides itself. The data flows upwards: YAML is read into the
# model (load), its releases kept and compared (history), checked (validate), indexed for
# one partnership (index), then written as downloads (exports) and pages (site).
MAY_IMPORT: dict[str, set[str]] = {
    "i18n": set(),
    "model": {"i18n"},  # the product's own words in other languages: used by what writes pages
    "schema": {"model"},
    "load": {"model"},
    "history": {"model", "load"},
    "validate": {"model", "i18n", "load", "history"},
    "index": {"model", "i18n", "load", "history"},
    "exports": {"model", "i18n", "load", "history", "index", "schema"},
    "pages": {"model", "i18n", "load", "history", "index", "exports"},
    "site": {"model", "i18n", "load", "history", "validate", "index", "exports", "pages", "schema"},
    "sheets": {"model", "load", "history", "validate"},
    "scaffold": {"model", "load", "validate"},
    "bench": {"model", "i18n", "load", "history", "validate", "index", "exports", "pages", "site",
              "schema"},
    "cli": {"model", "i18n", "load", "history", "validate", "index", "exports", "pages", "site",
            "schema", "sheets", "scaffold", "bench"},
}  # fmt: skip


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "package"


def imports(path: Path) -> Iterator[tuple[int, str]]:
    """Every plansite module this file imports, at any depth (imports inside functions
    are dependencies too)."""
    package = module_name(path).rsplit(".", 0 if path.name == "__init__.py" else 1)[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("plansite"):
                    yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: from the file's own package
                base = ".".join([*package.split(".")[: len(package.split(".")) - node.level + 1],
                                 *([base] if base else [])])  # fmt: skip
            if base.startswith("plansite"):
                for alias in node.names:  # `from plansite.site import charts` names a module
                    candidate = f"{base}.{alias.name}"
                    yield node.lineno, candidate if candidate in MODULES else base


SOURCES = sorted(PACKAGE.rglob("*.py"))
MODULES = {module_name(p) for p in SOURCES}


def graph() -> dict[str, set[str]]:
    return {
        module_name(p): {m for _, m in imports(p) if m in MODULES and m != module_name(p)}
        for p in SOURCES
    }


def test_every_module_belongs_to_a_known_layer() -> None:
    layers = {layer(m) for m in MODULES} - {"package"}
    assert layers == set(MAY_IMPORT), layers ^ set(MAY_IMPORT)


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: module_name(p))
def test_each_module_imports_only_the_layers_below_it(path: Path) -> None:
    own = layer(module_name(path))
    if own == "package":
        return
    wrong = [
        f"line {line}: {target}"
        for line, target in imports(path)
        if layer(target) not in MAY_IMPORT[own] | {own}
    ]
    assert not wrong, f"{module_name(path)} ({own}) reaches up: {wrong}"


def test_no_module_imports_itself_round_a_cycle() -> None:
    edges = graph()
    cycles: list[list[str]] = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(module: str, path: list[str]) -> None:
        state[module] = 1
        for target in sorted(edges[module]):
            if state.get(target) == 1:
                cycles.append([*path[path.index(target) :], target])
            elif target not in state:
                visit(target, [*path, target])
        state[module] = 2

    for module in sorted(edges):
        if module not in state:
            visit(module, [module])
    assert not cycles, cycles


def test_the_rules_are_those_the_architecture_map_states() -> None:
    text = (ROOT / "macros/ARCHITECTURE.md").read_text(encoding="utf-8")
    bullets = " ".join(text.split()).split(" - ")  # one string per list item, unwrapped
    for name, allowed in MAY_IMPORT.items():
        item = next((b for b in bullets if b.startswith(f"`{name}` may import:")), "")
        assert item, f"macros/ARCHITECTURE.md does not say what {name} may import"
        said = item.split("may import:", 1)[1].split(".", 1)[0]
        listed = {part.strip(" `") for part in said.split(",")}
        assert listed == (allowed or {"nothing"}), (name, listed)
