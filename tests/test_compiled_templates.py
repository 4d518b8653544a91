"""Templates compiled by one process are read back by the next, from the cache folder, and
only when they were compiled from the same source and could only have been written by the
user."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest

from plansite.history import cache
from plansite.site.render import CompiledTemplates


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(cache.ENV, str(tmp_path / "cache"))
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "page.html").write_text("<p>{{ name }}</p>", encoding="utf-8")
    return templates


def compiling(folder: Path, compiled: CompiledTemplates) -> tuple[jinja2.Environment, list[str]]:
    """An environment like a new process's, and the names of the templates it compiles."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(folder)), autoescape=True,
                             bytecode_cache=compiled)  # fmt: skip
    made: list[str] = []
    compile_ = env.compile

    def counted(source: str, name: str | None = None, *args: object, **kwargs: object) -> object:
        made.append(str(name))
        return compile_(source, name, *args, **kwargs)  # type: ignore[call-overload]

    env.compile = counted  # type: ignore[method-assign]
    return env, made


def test_a_template_compiled_once_is_read_back_by_the_next_process(folder: Path) -> None:
    env, made = compiling(folder, CompiledTemplates())
    assert env.get_template("page.html").render(name="<b>") == "<p>&lt;b&gt;</p>"
    assert made == ["page.html"]
    env, made = compiling(folder, CompiledTemplates())  # nothing in memory: a new process
    assert env.get_template("page.html").render(name="a") == "<p>a</p>"
    assert made == []


def test_an_edited_template_is_compiled_afresh(folder: Path) -> None:
    env, _ = compiling(folder, CompiledTemplates())
    env.get_template("page.html")
    (folder / "page.html").write_text("<h1>{{ name }}</h1>", encoding="utf-8")
    env, made = compiling(folder, CompiledTemplates())
    assert env.get_template("page.html").render(name="a") == "<h1>a</h1>"
    assert made == ["page.html"]


def test_compiled_code_others_could_have_written_is_never_run(folder: Path) -> None:
    env, _ = compiling(folder, CompiledTemplates())
    env.get_template("page.html")
    [entry] = [p for p in (folder.parent / "cache" / "templates").rglob("*") if p.is_file()]
    entry.chmod(entry.stat().st_mode | 0o002)  # anyone may write it
    env, made = compiling(folder, CompiledTemplates())
    env.get_template("page.html")
    assert made == ["page.html"]


def test_with_the_cache_turned_off_templates_are_compiled_in_memory_only(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(cache.ENV, "off")
    compiled = CompiledTemplates()
    env, made = compiling(folder, compiled)
    env.get_template("page.html")
    env, again = compiling(folder, compiled)  # the same process: kept in memory
    env.get_template("page.html")
    assert made == ["page.html"] and again == []
    assert not (folder.parent / "cache").exists()
