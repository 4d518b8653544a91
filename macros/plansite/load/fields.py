"""Turn pydantic's validation errors into located, plain-language diagnostics."""

from __future__ import annotations

import calendar
import re
import types
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from plansite.load.errors import CATALOGUE, Diagnostic, did_you_mean
from plansite.load.yaml_reader import Path_, YamlFile

_EXPECTED = {
    "string_type": "text",
    "int_parsing": "a whole number",
    "int_type": "a whole number",
    "int_from_float": "a whole number",
    "float_parsing": "a number",
    "float_type": "a number",
    "bool_parsing": "true or false",
    "bool_type": "true or false",
    "list_type": "a list (lines starting with '- ')",
    "dict_type": "a group of fields (lines of 'key: value')",
    "model_type": "a group of fields (lines of 'key: value')",
    "model_attributes_type": "a group of fields (lines of 'key: value')",
    "greater_than_equal": "a number at least {ge}",
    "string_pattern_mismatch": "text matching {pattern}",
}


def describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a group of fields"
    if isinstance(value, list):
        return f"a list of {len(value)} item(s)"
    text = str(value)
    return repr(text if len(text) <= 60 else text[:57] + "...")


def _unwrap(tp: Any) -> list[Any]:
    """The model classes a field's annotation may hold (through Optional, list, dict …)."""
    origin = get_origin(tp)
    if origin is Annotated:
        return _unwrap(get_args(tp)[0])
    if origin in (Union, types.UnionType, list, dict, tuple):
        return [m for arg in get_args(tp) for m in _unwrap(arg)]
    return [tp] if isinstance(tp, type) and issubclass(tp, BaseModel) else []


def _model_at(root: type[BaseModel], path: Path_) -> type[BaseModel] | None:
    current: type[BaseModel] | None = root
    for part in path:
        if current is None:
            return None
        if isinstance(part, int):
            continue
        info = current.model_fields.get(part)
        if info is None:
            return None
        candidates = _unwrap(info.annotation)
        current = candidates[0] if candidates else None
    return current


def _data_path(data: Any, loc: tuple[Any, ...]) -> tuple[Path_, Path_]:
    """Split pydantic's loc into the part that exists in the data and the rest.

    pydantic adds entries of its own (union members, validator names) that the data never
    had; those are dropped. What remains after the last existing entry is the missing tail.
    """
    path: list[str | int] = []
    node = data
    for i, part in enumerate(loc):
        if isinstance(node, dict) and str(part) in node:
            path.append(str(part))
            node = node[str(part)]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            path.append(part)
            node = node[part]
        elif isinstance(part, str) and (
            part.startswith(("function-", "literal[", "[")) or part[:1].isupper()
        ):
            continue
        else:
            return tuple(path), tuple(str(p) for p in loc[i:])
    return tuple(path), ()


def diagnostics_from(
    exc: ValidationError, file: YamlFile, root: type[BaseModel]
) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    seen: set[tuple[str, Path_]] = set()
    for err in exc.errors(include_url=False):
        kind = err["type"]
        path, rest = _data_path(file.data, tuple(err["loc"]))
        full = path + rest
        ctx = err.get("ctx") or {}
        found = describe(err.get("input"))
        hint = ""
        if kind in CATALOGUE:
            code, message = kind, err["msg"]
            if kind == "date-invalid" and ("calendar" in message or "has no month" in message):
                hint = _impossible_date_hint(str(err.get("input")))
        elif kind == "missing":
            name = str(rest[-1]) if rest else ""
            code, message = "field-missing", f"required field {name!r} is missing"
            hint = _missing_hint(root, full, name)
        elif kind == "extra_forbidden":
            field = str(full[-1])
            model = _model_at(root, full[:-1])
            allowed = sorted(model.model_fields) if model else []
            hint = did_you_mean(field, allowed)
            if err.get("input") is None and " " in field.strip():
                # No field name has a space: a comma inside { } ended the text before it,
                # and YAML read the rest as a field of its own.
                hint = (
                    f"a comma inside {{ }} ends a value: put the whole text in quotes, "
                    f'e.g. "…, {field.strip()}"'
                )
            elif not hint and allowed:
                hint = "allowed fields here: " + ", ".join(allowed)
            diag = file.diagnostic(
                "field-unknown", full, f"unknown field {field!r}", key=True, hint=hint
            )
            out.append(diag)
            continue
        elif kind in ("literal_error", "enum"):
            expected = str(ctx.get("expected", ""))
            choices = [c.strip(" '") for c in expected.replace(" or ", ",").split(",")]
            hint = did_you_mean(str(err.get("input")), choices)
            msg = f"expected one of {expected}, found {found}"
            out.append(file.diagnostic("value-not-allowed", full, msg, hint=hint))
            continue
        elif kind == "string_too_short":
            code, message = "text-empty", "expected some text, found an empty value"
        elif kind == "string_too_long":
            code = "text-too-long"
            length = len(str(err.get("input")))
            message = f"expected at most {ctx.get('max_length')} characters, found {length}"
        elif kind == "too_long":
            code = "list-too-long"
            message = (
                f"expected at most {ctx.get('max_length')} items, found {ctx.get('actual_length')}"
            )
        elif kind == "too_short":
            code = "field-missing"
            message = f"expected at least {ctx.get('min_length')} item(s), found {found}"
        else:
            template = _EXPECTED.get(kind)
            expected = template.format(**ctx) if template else err["msg"].lower()
            code, message = "type-wrong", f"expected {expected}, found {found}"
        if (code, full) in seen:
            continue
        seen.add((code, full))
        out.append(file.diagnostic(code, full, message, hint=hint))
    return out


def _impossible_date_hint(text: str) -> str:
    """The form of the date was right: say which part does not exist, and what would."""
    match = re.fullmatch(r"\s*(\d{4})-(\d{2})(?:-(\d{2}))?\s*", text)
    if match is None:
        return "the form is right, but that day does not exist: check the day and month"
    year, month = int(match[1]), int(match[2])
    if not 1 <= month <= 12:
        return f"the month comes after the year and goes from 01 to 12, e.g. {year}-01"
    days = calendar.monthrange(year, month)[1]
    return f"{calendar.month_name[month]} {year} has days 01 to {days}: check the day and month"


def _missing_hint(root: type[BaseModel], full: tuple[str | int, ...], name: str) -> str:
    """Where the missing field goes and what to write in it, from the model itself."""
    model = _model_at(root, full[:-1])
    info = model.model_fields.get(name) if model else None
    what = ""
    if info is not None and get_origin(info.annotation) is Literal:
        what = f" (one of: {', '.join(map(str, get_args(info.annotation)))})"
    elif info is not None and info.description:
        what = f" ({info.description.rstrip('.')})"
    where = "at the top of the file" if len(full) == 1 else "to this item, beside its other fields"
    return f"add a line '{name}: …'{what} {where}; the guide's field reference lists them all"


def validate(model: type[BaseModel], file: YamlFile) -> tuple[BaseModel | None, list[Diagnostic]]:
    try:
        return model.model_validate(file.data), []
    except ValidationError as exc:
        return None, diagnostics_from(exc, file, model)
