"""Shared fixtures: the shipped example data, a small complete data set, and a way to run
``plansite check`` in-process and read what it printed."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from plansite.cli import main
from tests.browser_helpers import browser  # noqa: F401 - a fixture for every test module

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "data"
MINIMAL = Path(__file__).resolve().parent / "fixtures" / "minimal"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that drives the browser, so the quick lane can leave them out."""
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)


@dataclass
class CheckRun:
    code: int
    out: str
    err: str

    @property
    def text(self) -> str:
        return self.out + self.err

    def json(self) -> Any:
        return json.loads(self.out)


@pytest.fixture
def run_check(capsys: pytest.CaptureFixture[str]) -> Callable[..., CheckRun]:
    def run(data: Path, *extra: str) -> CheckRun:
        code = main(["check", "--data", str(data), *extra])
        captured = capsys.readouterr()
        return CheckRun(code, captured.out, captured.err)

    return run


def plansite(
    *args: str, cwd: Path | None = ROOT, env: dict[str, str] | None = None, timeout: int = 300
) -> subprocess.CompletedProcess[str]:
    """The real command in its own process, as a person at a terminal runs it."""
    return subprocess.run(
        [sys.executable, "-m", "plansite.cli", *args],
        capture_output=True, text=True, cwd=cwd, env=env, check=False, timeout=timeout,
    )  # fmt: skip


def copy_minimal(where: Path) -> Path:
    """A private copy of the minimal data set at ``where/data``, free to break."""
    target = where / "data"
    shutil.copytree(MINIMAL, target)
    return target


def edit(root: Path, rel: str, old: str, new: str) -> None:
    """Replace the one occurrence of ``old`` in a data file (two would be a vague test)."""
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} must occur once in {rel}"
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture
def minimal(tmp_path: Path) -> Path:
    """A private copy of the minimal data set, free to break."""
    return copy_minimal(tmp_path)


@pytest.fixture(scope="session")
def shipped_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every example site and the national index, built once for the whole test run."""
    from tests.site_helpers import build

    out = tmp_path_factory.mktemp("shipped") / "site"
    build(SHIPPED, out)
    return out
