"""YAML written by hand, so that output is fast, stable and in the style of the shipped data."""

from __future__ import annotations

import json
import re
from typing import Any

from pydantic import BaseModel

HEADER = (
    "# FICTIONAL: made up by plansite.bench.synthetic to benchmark whole builds.\n"
    "# No real place, organisation, person or service is described here.\n"
)
_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9 .,;:()/'’—–?+@_-]*")
_FLOW = re.compile(r"[A-Za-z][A-Za-z0-9 '’-]*")
# Words that YAML 1.1 tools would read as true, false or null.
_RESERVED = {"y", "n", "yes", "no", "true", "false", "on", "off", "null"}


def _scalar(value: Any, pattern: re.Pattern[str] = _PLAIN) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    text = str(value)
    plain = pattern.fullmatch(text) and text.lower() not in _RESERVED
    # A colon is plain only inside a word, as in a web address.
    if plain and not text.endswith((" ", ":")) and ": " not in text:
        return text
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted one


def _inline(value: Any) -> str | None:
    """The value on one line after its key, or None when it needs a block."""
    if not isinstance(value, dict | list):
        return _scalar(value)
    if not value:
        return "[]" if isinstance(value, list) else "{}"
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        text = "[" + ", ".join(_scalar(v, _FLOW) for v in value) + "]"
        return text if len(text) <= 80 else None
    return None


def _block(value: dict[str, Any] | list[Any], indent: int) -> list[str]:
    pad = " " * indent
    lines: list[str] = []
    if isinstance(value, dict):
        for key, item in value.items():
            one_line = _inline(item)
            if one_line is not None:
                lines.append(f"{pad}{key}: {one_line}")
            else:
                lines.append(f"{pad}{key}:")
                lines += _block(item, indent + 2)
        return lines
    for item in value:
        one_line = _inline(item)
        if one_line is not None:
            lines.append(f"{pad}- {one_line}")
        else:
            inner = _block(item, indent + 2)
            lines.append(f"{pad}- {inner[0].lstrip()}")
            lines += inner[1:]
    return lines


def to_yaml(model: BaseModel) -> str:
    """The model as a data file, leaving out every field that holds its default."""
    data = model.model_dump(mode="json", exclude_defaults=True)
    return HEADER + "\n".join(_block(data, 0)) + "\n"
