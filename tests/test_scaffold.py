"""``plansite new``: a new partnership that checks cleanly, explains every field, and says
what is still missing; bad ids and existing folders are refused with nothing written."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any, Literal, get_args, get_origin

import pytest
from pydantic import BaseModel

from plansite.cli import main
from plansite.load.fields import validate
from plansite.load.yaml_reader import read_yaml
from plansite.model.common import ContactPoint
from plansite.model.files import FileKind, kinds_for
from plansite.model.partnership import Partnership
from plansite.model.plan import Node
from plansite.scaffold import RESERVED_IDS, new_partnership, plan_id, refusal, render
from plansite.validate import check
from tests.conftest import ROOT, CheckRun, files, tree

KINDS = {k.name: k for scope in ("partnership", "plan") for k in kinds_for(scope).values()}
FILES = render("fresh", None, date(2025, 5, 1))
# Fields the comments explain but an example cannot show without contradicting itself:
# a contact that gives details cannot also say it has none, and an outcome in a two-level
# plan has no parent.
NOT_IN_EXAMPLES = {(ContactPoint, "not_stated"), (Node, "parent")}


def _path_of(kind: FileKind) -> str:
    return next(p for p in FILES if p.rsplit("/", 1)[-1] == kind.filename)


def _models(model: type[BaseModel]) -> Iterator[type[BaseModel]]:
    """The model and every model its fields can hold."""
    seen: list[type[BaseModel]] = []

    def held(tp: Any) -> Iterator[type[BaseModel]]:
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            yield tp
        for arg in get_args(tp):
            yield from held(arg)

    todo = [model]
    while todo:
        current = todo.pop()
        if current not in seen:
            seen.append(current)
            for info in current.model_fields.values():
                todo += list(held(info.annotation))
    yield from seen


def _literals(tp: Any) -> Iterator[str]:
    if get_origin(tp) is Literal:
        yield from (str(v) for v in get_args(tp))
    for arg in get_args(tp):
        yield from _literals(arg)


def _comments(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if line.lstrip().startswith("#"))


def _switched_on(text: str) -> str:
    """The file with every example switched on, as its comments tell the reader to do."""
    lines = text.splitlines()
    out = [lines[0]]  # the schema line stays a comment
    for i, line in enumerate(lines[1:], 1):
        follows = i + 1 < len(lines) and lines[i + 1].startswith("#   - ")
        if follows and line.endswith(": []"):
            line = line[: -len(" []")]
        out.append(re.sub(r"^(\s*)# ", r"\1", line))
    return "\n".join(out) + "\n"


def _fields_set(value: Any, into: dict[type[BaseModel], set[str]]) -> None:
    if isinstance(value, BaseModel):
        into.setdefault(type(value), set()).update(value.model_fields_set)
        for name in type(value).model_fields:
            _fields_set(getattr(value, name), into)
    elif isinstance(value, list | tuple):
        for item in value:
            _fields_set(item, into)
    elif isinstance(value, dict):
        for item in value.values():
            _fields_set(item, into)


@pytest.fixture
def new(minimal: Path, capsys: pytest.CaptureFixture[str]) -> Callable[..., CheckRun]:
    def run(*args: str) -> CheckRun:
        code = main(["new", "--data", str(minimal), *args])
        captured = capsys.readouterr()
        return CheckRun(code, captured.out, captured.err)

    return run


# --- A new partnership ---------------------------------------------------------------------


def test_a_new_partnership_has_no_errors_and_its_warnings_list_what_is_missing(
    minimal: Path, new: Callable[..., CheckRun]
) -> None:
    result = new("fresh")
    assert result.code == 0, result.text
    folder = minimal / "partnerships/fresh"
    assert set(tree(folder)) == {*FILES, "plans", "plans/fresh-plan"}
    report = check(minimal)
    assert report.errors == [], [e.format() for e in report.errors]
    mine = [w for w in report.warnings if "/partnerships/fresh/" in w.file]
    assert len(mine) == len(report.warnings), "the other partnership stays clean"
    found = {(w.code, w.path) for w in mine}
    assert found == {
        ("warn-placeholder", "name"),
        ("warn-placeholder", "area"),
        ("warn-placeholder", "title"),
        ("warn-no-contact", "contacts"),
        ("warn-no-alternative-formats", "alternative_formats"),
        ("warn-not-ready", "id"),
        ("warn-not-ready", "accessibility, prepared"),
        ("warn-not-ready", "memberships"),
        ("warn-not-ready", "services"),
        ("warn-not-ready", "nodes"),
        ("warn-not-ready", "actions"),
        ("warn-no-participation", "records"),
    }
    said = " ".join(w.message for w in mine)
    for missing in (
        "no release",
        "no local outcomes yet",
        "no actions yet",
        "when it was prepared",
        "no participation records",
    ):
        assert missing in said
    # The command prints the same list, so the first thing the user sees is what to do.
    assert result.out.count("\n  data/partnerships/fresh/") == len(mine)


def test_a_given_name_is_written_safely_and_is_no_placeholder(
    minimal: Path, new: Callable[..., CheckRun]
) -> None:
    name = 'Fife & Kinross: the "North" partnership # 1'
    assert new("fresh", "--name", name).code == 0
    report = check(minimal)
    assert report.errors == []
    assert report.data.partnerships["fresh"].partnership.name == name
    assert ("warn-placeholder", "name") not in {(w.code, w.path) for w in report.warnings}


def test_a_very_long_id_still_gets_a_plan_with_a_valid_id(minimal: Path) -> None:
    pid = "a" * 80
    assert plan_id(pid) == "plan"
    new_partnership(minimal, pid)
    assert check(minimal).errors == []


@pytest.mark.slow
def test_the_new_partnership_builds(minimal: Path, tmp_path: Path) -> None:
    new_partnership(minimal, "fresh", "Fresh Community Justice Partnership")
    out = tmp_path / "site"
    code = main(["build", "--data", str(minimal), "--partnership", "fresh", "-d", str(out),
                 "--config", str(ROOT / "mkdocs.yml")])  # fmt: skip
    assert code == 0
    home = (out / "fresh/index.html").read_text(encoding="utf-8")
    assert "Fresh Community Justice Partnership" in home
    assert (out / "fresh/guide/index.html").is_file()


# --- Every field explained ----------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS.values(), ids=KINDS)
def test_every_field_is_explained_in_the_comments(kind: FileKind) -> None:
    comments = _comments(FILES[_path_of(kind)])
    missing = [
        f"{model.__name__}.{name}"
        for model in _models(kind.model)
        for name in model.model_fields
        if not re.search(rf"^\s*#[# ]*-?\s*{name}\b", comments, re.MULTILINE)
    ]
    assert not missing, f"{kind.filename} does not explain {missing}"


@pytest.mark.parametrize("kind", KINDS.values(), ids=KINDS)
def test_every_allowed_value_is_listed(kind: FileKind) -> None:
    comments = _comments(FILES[_path_of(kind)])
    missing = [
        f"{model.__name__}.{name}: {value}"
        for model in _models(kind.model)
        for name, info in model.model_fields.items()
        for value in _literals(info.annotation)
        if not re.search(rf"(?<![\w-]){re.escape(value)}(?![\w-])", comments)
    ]
    assert not missing, f"{kind.filename} does not list {missing}"


@pytest.mark.parametrize("kind", KINDS.values(), ids=KINDS)
def test_the_examples_are_valid_and_show_every_field(kind: FileKind, tmp_path: Path) -> None:
    path = tmp_path / kind.filename
    path.write_text(_switched_on(FILES[_path_of(kind)]), encoding="utf-8")
    file, problems = read_yaml(path, kind.filename)
    assert problems == []
    model, problems = validate(kind.model, file)
    assert model is not None, [p.format() for p in problems]
    shown: dict[type[BaseModel], set[str]] = {}
    _fields_set(model, shown)
    missing = [
        f"{m.__name__}.{name}"
        for m in _models(kind.model)
        for name in m.model_fields
        if name not in shown.get(m, set()) and (m, name) not in NOT_IN_EXAMPLES
    ]
    assert not missing, f"the examples in {kind.filename} never show {missing}"


@pytest.mark.parametrize("kind", KINDS.values(), ids=KINDS)
def test_every_file_names_its_schema_for_editors(kind: FileKind) -> None:
    path = _path_of(kind)
    schema = "../" * (path.count("/") + 2) + f"schema/{kind.name}.schema.json"
    assert FILES[path].startswith(f"# yaml-language-server: $schema={schema}\n")
    assert (ROOT / "data/partnerships/example" / path).parent.joinpath(schema).resolve().is_file()


def test_every_blank_of_the_templates_is_filled() -> None:
    for path, text in FILES.items():
        assert not re.search(r"@[A-Z0-9_]+@", text), path
        assert "\t" not in text and all(len(line) <= 100 for line in text.splitlines()), path


# --- Refusals -------------------------------------------------------------------------------

BAD_IDS = ["Fife", "fife cjp", "fife_cjp", "-fife", "fife-", "fife--cjp", "../etc", "a" * 81, ""]


@pytest.mark.parametrize("pid", BAD_IDS)
def test_an_invalid_id_is_refused_and_nothing_is_written(
    pid: str, minimal: Path, new: Callable[..., CheckRun]
) -> None:
    before = tree(minimal)
    result = new("--", pid)  # "--": an id starting with a hyphen is not an option
    assert result.code == 1
    assert f"data/partnerships/{pid}".rstrip("/") + ": [slug-invalid]" in result.err
    assert "lower-case letters" in result.err and "nothing was written" in result.err
    assert tree(minimal) == before


@pytest.mark.parametrize("pid", sorted(RESERVED_IDS))
def test_a_reserved_id_is_refused(pid: str, minimal: Path, new: Callable[..., CheckRun]) -> None:
    before = tree(minimal)
    result = new(pid)
    assert result.code == 1 and "[id-reserved]" in result.err
    assert tree(minimal) == before


def test_an_existing_folder_is_refused_and_left_alone(
    minimal: Path, new: Callable[..., CheckRun]
) -> None:
    before = files(minimal)
    result = new("sample")
    assert result.code == 1
    assert "data/partnerships/sample: [id-duplicate]" in result.err
    assert "already exists" in result.err and " — " in result.err
    assert files(minimal) == before


def test_a_bad_name_is_refused(minimal: Path, new: Callable[..., CheckRun]) -> None:
    before = tree(minimal)
    for name, code in (("  ", "text-empty"), ("x" * 2001, "text-too-long"), ("a\nb", "type-wrong")):
        result = new("fresh", "--name", name)
        assert result.code == 1 and f"--name: [{code}]" in result.err
    assert tree(minimal) == before


def test_ids_are_judged_as_the_loader_judges_them(minimal: Path) -> None:
    base = {"name": "N", "area": "A"}
    for pid in [*BAD_IDS, "fife", "fife-2", "f", "a" * 80]:
        refused = refusal(minimal, pid, None)
        try:
            Partnership.model_validate({**base, "id": pid})
            loader_accepts = True
        except ValueError:
            loader_accepts = False
        assert (refused is None) == loader_accepts, pid


def test_reserved_ids_include_every_page_of_the_national_index() -> None:
    # Every docs page is also a page of the national index, at the root of the output.
    top = {p.stem if p.suffix == ".md" else p.name for p in (ROOT / "docs").iterdir()}
    assert top <= RESERVED_IDS


def test_a_failure_while_writing_leaves_nothing_behind(
    minimal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = tree(minimal)
    written: list[Path] = []
    original = Path.write_text

    def flaky(self: Path, *args: Any, **kwargs: Any) -> int:
        if written:
            raise OSError("disk full")
        written.append(self)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Path, "write_text", flaky)
    with pytest.raises(OSError, match="disk full"):
        new_partnership(minimal, "fresh")
    assert written, "the first file was written before the failure"
    assert tree(minimal) == before
