"""JSON Schemas for the data files, generated from the model (the single definition).

Editors use them for autocompletion and validation: a data file's first line can be
``# yaml-language-server: $schema=../schema/services.schema.json``. The same model also
gives the editors' guide its field reference (``docs/guide/fields.md``), in plain words.
"""

from __future__ import annotations

import inspect
import json
import re
import types
from collections import Counter
from pathlib import Path
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from annotated_types import MaxLen
from markdown.extensions.toc import slugify
from pydantic import BaseModel, BeforeValidator, WithJsonSchema
from pydantic.fields import FieldInfo

from plansite.model import common
from plansite.model.files import FILE_KINDS
from plansite.model.writing import PageFacts, PostFacts, ReportFacts

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


# --- The field reference: the same model, as a page of the editors' guide ----------------

REFERENCE = Path("guide") / "fields.md"  # inside the docs folder


def _marks(alias: Any) -> list[Any]:
    """The validators and schema overrides that make an ``Annotated`` alias what it is."""
    return [m for m in get_args(alias)[1:] if isinstance(m, BeforeValidator | WithJsonSchema)]


# The model's value types in plain words, one and many, found by the validator objects that
# the aliases in plansite.model.common attach to a field.
_VALUE_WORDS: dict[int, tuple[str, str]] = {
    id(mark): words
    for alias, words in (
        (common.Slug, ("an [id](#ids)", "[ids](#ids)")),
        (
            common.FrameworkRef,
            (
                "a national outcome, written `framework:item`",
                "national outcomes, written `framework:item`",
            ),
        ),
        (common.ItemRef, ("a reference written `kind:id`", "references written `kind:id`")),
        (common.Url, ("a web address, starting with https", "web addresses")),
        (common.Email, ("an email address", "email addresses")),
        (common.Phone, ("a phone number", "phone numbers")),
        (common.Flag, ("`true` or `false`", "`true` or `false` values")),
        (common.Number, ("a number", "numbers")),
        (common.Count, ("a whole number", "whole numbers")),
        (common.Day, ("a day, written YYYY-MM-DD", "days, written YYYY-MM-DD")),
        (common.When, ("a [date](#dates)", "[dates](#dates)")),
    )
    for mark in _marks(alias)
}
_PLAIN_TYPES = {int: ("a whole number", "whole numbers"), float: ("a number", "numbers"),
                bool: ("`true` or `false`", "`true` or `false` values"),
                str: ("text", "pieces of text")}  # fmt: skip
RICH_MAX = 20000  # RichText's length limit tells it apart from PlainText


def _md(text: str) -> str:
    """Text from the model, made inert for Markdown and for the template engine pages use.

    Words quoted as code in a docstring (``like this``) stay code.
    """
    out = []
    for i, part in enumerate(re.split(r"``(.+?)``", text)):
        if i % 2:
            out.append(f"`{part}`")
        else:
            escaped = "".join("\\" + ch if ch in "\\`*_{}[]" else ch for ch in part)
            out.append(escaped.replace("<", "&lt;"))
    return "".join(out)


def _title(model: type[BaseModel]) -> str:
    words = re.findall(r"[A-Z][a-z]*", model.__name__)
    return " ".join([words[0], *(w.lower() for w in words[1:])])


def _limit(meta: list[Any]) -> int | None:
    for m in meta:
        if isinstance(m, MaxLen):
            return int(m.max_length)
        if isinstance(m, FieldInfo) and (inner := _limit(list(m.metadata))) is not None:
            return inner
    return None


class _Reference:
    def __init__(self) -> None:
        self.anchors: dict[type[BaseModel], str] = {}

    def anchor(self, model: type[BaseModel]) -> str:
        return self.anchors.setdefault(model, slugify(_title(model), "-"))

    def words(self, tp: Any, meta: list[Any], many: bool = False) -> str:
        """A field's type in plain words (``many``: as the items of a list)."""
        origin = get_origin(tp)
        if origin is Annotated:
            base, *more = get_args(tp)
            return self.words(base, [*meta, *more], many)
        for m in meta:
            if id(m) in _VALUE_WORDS:
                return _VALUE_WORDS[id(m)][many]
        if origin in (Union, types.UnionType):
            options = [a for a in get_args(tp) if a is not type(None)]
            return " or ".join(self.words(a, meta, many) for a in options)
        if origin is Literal:
            values = ", ".join(f"`{v}`" for v in get_args(tp))
            return f"values, each one of {values}" if many else f"one of {values}"
        if origin is list:
            return "a list of " + self.words(get_args(tp)[0], [], many=True)
        if origin is dict:
            key, value = get_args(tp)
            return f"pairs of {self.words(key, [])} and {self.words(value, [])}"
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            link = f"[{_title(tp)}](#{self.anchor(tp)})"
            return f"groups of fields: {link}" if many else f"a group of fields: {link}"
        if tp is str and _limit(meta) == RICH_MAX:
            return "text, with [simple formatting](#formatting)" + ("s" if many else "")
        return _PLAIN_TYPES.get(tp, ("a value", "values"))[many]

    def fields(self, model: type[BaseModel]) -> list[str]:
        lines = []
        for name, info in model.model_fields.items():
            need = "required" if info.is_required() else "optional"
            if not info.is_required() and isinstance(info.default, bool | str):
                default = (
                    str(info.default).lower() if isinstance(info.default, bool) else info.default
                )
                need += f", `{default}` if left out"
            text = info.description or ""
            about = f" {_md(text[:1].upper() + text[1:])}" if text else ""
            lines.append(
                f"- `{name}` ({need}): {self.words(info.annotation, info.metadata)}.{about}"
            )
        return lines

    @staticmethod
    def held(tp: Any) -> list[type[BaseModel]]:
        """The models an annotation holds, through optionals, lists and maps."""
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            return [tp]
        return [m for arg in get_args(tp) for m in _Reference.held(arg)]

    @staticmethod
    def nested(model: type[BaseModel]) -> list[type[BaseModel]]:
        """The models a model's fields hold, depth first, in field order."""
        out: list[type[BaseModel]] = []
        for info in model.model_fields.values():
            for inner in _Reference.held(info.annotation):
                if inner not in out:
                    out.append(inner)
                    out += [m for m in _Reference.nested(inner) if m not in out]
        return out


REFERENCE_INTRO = """\
---
search:
  exclude: true
---

# Field reference

Every field of every data file, with the kind of value it takes, whether it must be given
and what it is for. This page is made from the same description of the data that
`plansite check` uses, so it always matches what the check accepts. The [guide for
editors](index.md) explains how to change the files.

## Ids

An id is the short name of something in web addresses and in other files: lower-case
letters, digits and single hyphens, such as `money-advice-clinic`. Once a page is
published, keep its id: people link to it. If an id must change, put the old one in
`former_ids`, so that old links still work.

## Dates

A date is written as exactly as the plan gives it:

- a day: `2025-06-30`
- a month: `2025-06`
- a year: `2025`
- a financial year, 1 April to 31 March: `2025/26`
- a year of the plan: `year 2` (the plan's `years` say when each year is)
- `ongoing`

## Formatting

Longer text fields (such as a partnership's `summary` or a section's `body`) can use a
little formatting: `*italics*`, `**bold**`, lists with each line starting `- `, and links
written `[the words to show](https://www.example.org/)`.
"""

WRITTEN_INTRO = (
    "Markdown files in a partnership's folder. Each starts with its facts between two lines "
    "of three hyphens (`---`); the text below them is the page."
)
# (folder, file name, facts): folders in the data, not addresses on the site.
WRITTEN_FILES = (
    ("pages", "<name>.md", PageFacts),
    ("news", "<YYYY-MM-DD>-<name>.md", PostFacts),
    ("reports", "<2025-26>.md", ReportFacts),
)

SCOPES = (
    ("partnership", "Partnership files", "In a partnership's folder, `data/partnerships/<id>/`."),
    ("plan", "Plan files", "In a plan's folder, `data/partnerships/<id>/plans/<plan-id>/`."),
    (
        "translations",
        "Translation files",
        "In a partnership's `translations/` folder, one file per language: "
        "`data/partnerships/<id>/translations/gd.yaml`.",
    ),
    ("national", "National files", "In `data/`, shared by every partnership."),
)


def reference() -> str:
    """The field reference page, in Markdown."""
    ref = _Reference()
    out = [REFERENCE_INTRO]
    names = Counter(kind.filename for kind in FILE_KINDS)
    documented: dict[type[BaseModel], str] = {}
    for scope, heading, where in SCOPES:
        out += [f"## {heading}", "", where, ""]
        for kind in FILE_KINDS:
            if kind.scope != scope:
                continue
            title = kind.filename if names[kind.filename] == 1 else f"{kind.filename} ({scope})"
            out += [
                f"### {title}",
                "",
                _md(kind.about) + (" The file must exist." if kind.required else ""),
                "",
            ]
            if kind.model in documented:
                same = documented[kind.model]
                out += [f"The same fields as [{same}](#{slugify(same, '-')}).", ""]
                continue
            documented[kind.model] = title
            out += [*ref.fields(kind.model), ""]
            for model in ref.nested(kind.model):
                if model in documented:
                    continue
                documented[model] = _title(model)
                doc = inspect.cleandoc(model.__dict__.get("__doc__") or "").split("\n\n")[0]
                out += [f"#### {_title(model)}", ""]
                out += [_md(" ".join(doc.split())), ""] if doc else []
                out += [*ref.fields(model), ""]
    out += ["## Pages, news and annual reports", "", WRITTEN_INTRO, ""]
    for folder, filename, model in WRITTEN_FILES:
        out += [f"### `{folder}/{filename}`", "", *ref.fields(model), ""]
    text = "\n".join(out).rstrip() + "\n"
    # Every docs page is also a template of the site's macros: nothing here may look like one.
    assert not re.search(r"\{[{%#]", text), "the field reference would be read as a template"
    return text


def write_reference(docs: Path) -> Path:
    path = docs / REFERENCE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(reference(), encoding="utf-8")
    return path


def reference_stale(docs: Path) -> bool:
    path = docs / REFERENCE
    return not path.is_file() or path.read_text(encoding="utf-8") != reference()
