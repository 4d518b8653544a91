"""One map of addresses: every page, file and link address comes from ``url_for``."""

from __future__ import annotations

import ast
import posixpath
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plansite.model.addresses import PATTERNS, relative, url_for
from tests.conftest import ROOT

PACKAGE = ROOT / "macros" / "plansite"
MAP = PACKAGE / "model" / "addresses.py"
# The first folder of every address the map makes: a literal starting with one of these
# anywhere else is an address written by hand.
FOLDERS = sorted({p.split("/")[0] for p in PATTERNS.values() if "/" in p} - {"{}feed"})
LITERAL = re.compile(rf"^(?:{'|'.join(map(re.escape, FOLDERS))})/")
IN_TEMPLATE = re.compile(rf"""['"](?:{"|".join(map(re.escape, FOLDERS))})/""")


def strings(path: Path) -> list[tuple[int, str]]:
    """The string literals of a module (f-string parts too), leaving out docstrings."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    ]


# The benchmark and the scaffold write data files, whose texts may name addresses in prose.
CODE = [
    p
    for p in sorted(PACKAGE.rglob("*.py"))
    if p != MAP and not {"bench", "scaffold"} & set(p.relative_to(PACKAGE).parts)
]
TEMPLATES = sorted((ROOT / "overrides").rglob("*.html"))


@pytest.mark.parametrize("path", CODE, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_no_module_writes_an_address_by_hand(path: Path) -> None:
    found = [f"line {line}: {text!r}" for line, text in strings(path) if LITERAL.match(text)]
    assert not found, f"use url_for from plansite.model.addresses: {found}"


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_no_template_writes_an_address_by_hand(path: Path) -> None:
    found = [
        f"line {n}: {line.strip()[:100]}"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if IN_TEMPLATE.search(line)
    ]
    assert not found, f"use url_for(...) in templates: {found}"


def test_addresses_are_folders_under_the_site_root() -> None:
    assert url_for("home") == ""
    assert url_for("service", "money-advice") == "services/money-advice/"
    assert url_for("national-outcome", "fw", "item") == "outcomes/fw/item/"
    assert url_for("earlier-plan-item", "plan-2021", "a1") == "plans/plan-2021/#plan-2021-a1"
    for kind, pattern in PATTERNS.items():
        address = url_for(kind, *["x"] * pattern.count("{"))
        assert not address.startswith("/") and "//" not in address, kind


def test_the_checks_see_a_hand_written_address() -> None:
    """The scan itself works: it finds what it must refuse."""
    assert LITERAL.match("services/for/") and LITERAL.match("actions/")
    assert IN_TEMPLATE.search("<a href=\"{{ link('partners/' ~ k ~ '/') }}\">")
    assert not LITERAL.match("the services/ folder") and not LITERAL.match("servicesx/")


# Addresses as pages and templates write them: folder names, "." and ".." among them, with or
# without a slash at either end.
PARTS = st.sampled_from(["a", "b", "services", "x-1", ".", "..", ""])
ADDRESSES = st.lists(PARTS, max_size=5).map("/".join) | st.lists(PARTS, max_size=5).map(
    lambda parts: "/" + "/".join(parts)
)


@settings(max_examples=600, deadline=None)
@given(path=ADDRESSES, start=ADDRESSES)
def test_relative_gives_what_relpath_gives(path: str, start: str) -> None:
    try:
        expected: str | type[Exception] = posixpath.relpath(path, start)
    except ValueError:
        expected = ValueError
    try:
        got: str | type[Exception] = relative(path, start)
    except ValueError:
        got = ValueError
    assert got == expected, (path, start)


def test_relative_links_between_sites() -> None:
    assert relative("fictional-01/services/x/", "directory/in/y/") == (
        "../../../fictional-01/services/x"
    )
    assert relative("directory/", "directory/") == "."
    assert relative(".", "areas/a/") == "../.."
