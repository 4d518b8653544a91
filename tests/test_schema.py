"""The JSON Schemas are generated from the model, current, and usable by editors."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import get_args

import jsonschema
import pytest
import yaml
from pydantic import BaseModel

from plansite import schema
from plansite.cli import main
from plansite.exports import downloads
from plansite.model.files import FILE_KINDS
from tests.conftest import MINIMAL, ROOT, SHIPPED, edit_file


def test_the_shipped_schemas_are_current() -> None:
    assert schema.stale(SHIPPED / "schema") == [], "run `plansite schema` and commit the result"


def test_the_schemas_a_site_publishes_are_read_back_by_the_next_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Generated once for the code, then read from the cache; made afresh for other code."""
    monkeypatch.setenv("PLANSITE_CACHE_DIR", str(tmp_path))
    made = schema.generate()
    assert downloads._schemas() == made

    def not_again() -> dict[str, str]:
        raise AssertionError("generated again")

    monkeypatch.setattr(downloads, "generate_schemas", not_again)
    assert downloads._schemas() == made
    monkeypatch.setattr(downloads.cache, "code_version", lambda: "other code")
    with pytest.raises(AssertionError, match="generated again"):
        downloads._schemas()


def test_a_changed_schema_is_detected(tmp_path: Path) -> None:
    schema.write(tmp_path)
    assert schema.stale(tmp_path) == []
    victim = tmp_path / "services.schema.json"
    edit_file(victim, '"summary"', '"summery"', count=None)
    assert schema.stale(tmp_path) == ["services.schema.json"]


def test_the_field_reference_in_the_guide_is_current() -> None:
    assert not schema.reference_stale(ROOT / "docs"), "run `plansite schema` and commit the result"


def test_schema_check_covers_the_field_reference(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data, docs = tmp_path / "data", tmp_path / "docs"
    args = ["schema", "--data", str(data), "--docs", str(docs)]
    assert main(args) == 0
    assert main([*args, "--check"]) == 0
    page = docs / "guide" / "fields.md"
    edit_file(page, "`summary`", "`summery`", count=None)
    capsys.readouterr()
    assert main([*args, "--check"]) == 1
    assert f"{page}: out of date" in capsys.readouterr().err


def _models(model: type[BaseModel]) -> list[type[BaseModel]]:
    found = [model]
    for m in found:
        for info in m.model_fields.values():
            found += [x for x in _held(info.annotation) if x not in found]
    return found


def _held(tp: object) -> list[type[BaseModel]]:
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return [tp]
    return [m for arg in get_args(tp) for m in _held(arg)]


def test_the_field_reference_describes_every_field_of_every_file() -> None:
    text = schema.reference()
    sections = dict(re.findall(r"^#{3,4} (.+)\n((?:(?!#).*\n)*)", text, re.MULTILINE))
    for kind in FILE_KINDS:
        first = next(k for k in FILE_KINDS if k.model is kind.model)
        own = [h for h in sections if h.split(" (")[0] == first.filename]
        assert own, f"no section for {kind.filename}"
        for model in _models(kind.model):
            heading = own[0] if model is kind.model else schema._title(model)
            for name, info in model.model_fields.items():
                need = "required" if info.is_required() else "optional"
                assert f"- `{name}` ({need}" in sections[heading], f"{heading}: {name}"
    # Every docs page is also read as a template: nothing may look like one.
    assert not re.search(r"\{[{%#]", text)


class _SafeEditorLoader(yaml.SafeLoader):
    """Reads YAML as an editor's language server does (YAML 1.2 core: dates stay text)."""


_SafeEditorLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@pytest.mark.parametrize("kind", FILE_KINDS, ids=[k.name for k in FILE_KINDS])
def test_schemas_are_valid_and_accept_the_minimal_data(kind: schema.Any) -> None:
    body = json.loads((SHIPPED / "schema" / f"{kind.name}.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(body)
    scope = {"national": [MINIMAL], "partnership": [MINIMAL / "partnerships/sample"],
             "plan": [MINIMAL / "partnerships/sample/plans/sample-plan"]}  # fmt: skip
    paths = [folder / kind.filename for folder in scope.get(kind.scope, [])]
    if kind.scope == "translations":  # named by their language: the example's are shipped
        paths = sorted(SHIPPED.glob("partnerships/*/translations/*.yaml"))
        assert paths
    for path in paths:
        if path.is_file() and not (kind.scope == "national" and kind.name.startswith("local")):
            document = yaml.load(path.read_text(), Loader=_SafeEditorLoader)  # noqa: S506
            jsonschema.validate(_string_keys(document), body)


def _string_keys(value: object) -> object:
    if isinstance(value, dict):
        return {str(k): _string_keys(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_string_keys(v) for v in value]
    return value
