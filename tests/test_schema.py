"""The JSON Schemas are generated from the model, current, and usable by editors."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from plansite import schema
from plansite.model.files import FILE_KINDS
from tests.conftest import MINIMAL, SHIPPED


def test_the_shipped_schemas_are_current() -> None:
    assert schema.stale(SHIPPED / "schema") == [], "run `plansite schema` and commit the result"


def test_a_changed_schema_is_detected(tmp_path: Path) -> None:
    schema.write(tmp_path)
    assert schema.stale(tmp_path) == []
    victim = tmp_path / "services.schema.json"
    victim.write_text(victim.read_text().replace('"summary"', '"summery"'))
    assert schema.stale(tmp_path) == ["services.schema.json"]


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
             "plan": [MINIMAL / "partnerships/sample/plans/sample-plan"]}[kind.scope]  # fmt: skip
    for folder in scope:
        path = folder / kind.filename
        if path.is_file() and not (kind.scope == "national" and kind.name.startswith("local")):
            document = yaml.load(path.read_text(), Loader=_SafeEditorLoader)  # noqa: S506
            jsonschema.validate(_string_keys(document), body)


def _string_keys(value: object) -> object:
    if isinstance(value, dict):
        return {str(k): _string_keys(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_string_keys(v) for v in value]
    return value
