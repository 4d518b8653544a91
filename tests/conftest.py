"""Shared fixtures: the shipped example data, a small complete data set, and a way to run
``plansite check`` in-process and read what it printed."""

from __future__ import annotations

import functools
import json
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import mkdocs.commands.build
import pytest

import plansite.site.build
from plansite.cli import main
from tests.browser_helpers import browser  # noqa: F401 - a fixture for every test module

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "data"
MINIMAL = Path(__file__).resolve().parent / "fixtures" / "minimal"


@pytest.fixture(scope="session", autouse=True)
def own_cache_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The cache of facts read from releases lives in this run's own folder, for every test
    and every process a test starts: nothing is read from, or left in, the user's cache."""
    folder = tmp_path_factory.mktemp("cache")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PLANSITE_CACHE_DIR", str(folder))
        yield folder


# Fixtures shared by many modules that build a whole site: a test that uses one is slow.
SITE_FIXTURES = {"shipped_site"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that drives the browser or uses a built site, so the quick lane
    (``-m "not browser and not slow"``) can leave them out."""
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        if "browser" in fixtures:
            item.add_marker(pytest.mark.browser)
        # A browser test loads pages from a server, and Chromium is slow to drive anyway.
        if "browser" in fixtures or fixtures & SITE_FIXTURES:
            item.add_marker(pytest.mark.slow)


# The quick lane holds only if every test that builds a site or runs a server says so. The
# test being set up or run is kept here, and each build or server checks it is marked slow.
_running: list[pytest.Item] = []


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item: pytest.Item) -> Iterator[None]:
    _running[:] = [item]
    try:
        return (yield)
    finally:
        _running.clear()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    _running[:] = [item]
    try:
        return (yield)
    finally:
        _running.clear()


def _must_be_slow(what: str) -> None:
    if _running and _running[0].get_closest_marker("slow") is None:
        raise RuntimeError(
            f"{_running[0].nodeid} {what} but is not marked slow: add @pytest.mark.slow"
        )


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if event == "socket.bind":
        _must_be_slow("runs a server")
    elif event == "subprocess.Popen":
        argv = [str(a) for a in args[1] or ()] if isinstance(args[1], list | tuple) else []
        if "plansite.cli" in argv and {"build", "serve"} & set(argv):
            _must_be_slow(f"runs `plansite {' '.join(a for a in argv if a in ('build', 'serve'))}`")


def _watched(build: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(build)
    def build_checked(*args: Any, **kwargs: Any) -> Any:
        _must_be_slow("builds a site")
        return build(*args, **kwargs)

    return build_checked


sys.addaudithook(_audit)
# Every site build, in-process or in a forked worker, ends in MkDocs' build.
mkdocs.commands.build.build = _watched(mkdocs.commands.build.build)
plansite.site.build.mkdocs_build = _watched(plansite.site.build.mkdocs_build)


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


def copy_data(where: Path, source: Path) -> Path:
    """A private copy of the data folder ``source`` at ``where/data``, free to break."""
    target = where / "data"
    shutil.copytree(source, target)
    return target


def copy_minimal(where: Path) -> Path:
    """A private copy of the minimal data set at ``where/data``, free to break."""
    return copy_data(where, MINIMAL)


def copy_shipped(where: Path) -> Path:
    """A private copy of the shipped example data at ``where/data``, free to break."""
    return copy_data(where, SHIPPED)


def project_copy(where: Path) -> Path:
    """The MkDocs project (configuration, templates, pages) at ``where/project``, free to edit.
    Its data folder is empty: MkDocs watches it, and the data comes from elsewhere."""
    project = where / "project"
    project.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    for folder in ("overrides", "docs"):
        shutil.copytree(ROOT / folder, project / folder)
    (project / "data").mkdir()
    return project


def edit_file(
    path: Path, old: str, new: str, *, count: int | None = 1, first: bool = False
) -> None:
    """Replace ``old`` in a file. ``count``: how many times it must occur (``None``: at least
    once); ``first``: replace only the first occurrence, not every one."""
    text = path.read_text(encoding="utf-8")
    if count is None:
        assert old in text, f"{old!r} must occur in {path}"
    else:
        assert text.count(old) == count, f"{old!r} must occur {count} time(s) in {path}"
    path.write_text(text.replace(old, new, 1 if first else -1), encoding="utf-8")


def edit(root: Path, rel: str, old: str, new: str) -> None:
    """Replace the one occurrence of ``old`` in a data file (two would be a vague test)."""
    edit_file(root / rel, old, new)


def files(root: Path) -> dict[str, bytes]:
    """Every file below ``root`` and its bytes, by its path from ``root``."""
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def tree(root: Path) -> list[str]:
    """Every file and folder below ``root``, by its path from ``root``, in order."""
    return sorted(path.relative_to(root).as_posix() for path in root.rglob("*"))


def append(path: Path, text: str) -> None:
    """Add ``text`` at the end of a file."""
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def release(data: Path, day: str, partnership: str = "sample") -> int:
    """``plansite release`` of one partnership's data on ``day`` (YYYY-MM-DD); its exit code."""
    return main(["release", "--data", str(data), "--partnership", partnership, "--date", day])


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


def calls_to(
    monkeypatch: pytest.MonkeyPatch, owner: object, name: str, noted: Callable[..., Any]
) -> list[Any]:
    """Every call of ``owner.name`` from now on, as ``noted`` (given the call's arguments)
    says it; each call still does what it did."""
    made: list[Any] = []
    work = getattr(owner, name)

    def counted(*args: Any, **kwargs: Any) -> Any:
        made.append(noted(*args, **kwargs))
        return work(*args, **kwargs)

    monkeypatch.setattr(owner, name, counted)
    return made
