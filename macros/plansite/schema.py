"""JSON Schemas for the data files, generated from the model (the single definition).

Editors use them for autocompletion and validation: a data file's first line can be
``# yaml-language-server: $schema=../schema/services.schema.json``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from plansite.model.files import FILE_KINDS

SCHEMA_URI = "https://json-schema.org/draft/2020-12/schema"


def generate() -> dict[str, str]:
    """{file name: schema text} for every file kind."""
    out: dict[str, str] = {}
    for kind in FILE_KINDS:
        body: dict[str, Any] = kind.model.model_json_schema(mode="validation")
        body = {
            "$schema": SCHEMA_URI,
            "$id": f"{kind.name}.schema.json",
            "title": f"plansite {kind.filename} ({kind.scope})",
            "description": kind.about,
            **{k: v for k, v in body.items() if k not in ("title", "description")},
        }
        out[f"{kind.name}.schema.json"] = (
            json.dumps(body, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
        )
    return out


def write(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in generate().items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def stale(folder: Path) -> list[str]:
    """Names of schema files that are missing or differ from what the model generates."""
    return [
        name
        for name, text in generate().items()
        if not (folder / name).is_file() or (folder / name).read_text(encoding="utf-8") != text
    ]
