"""What may be published: the data with every value marked not public taken out.

Three marks say that a value must stay in the data folder:

- a person's ``public: false`` (the default) keeps their name back; their role stays;
- ``not_public: [field, ...]`` on a contact or a progress update keeps those fields back;
- a field the model declares internal (such as a plan's ``internal_notes``) is never shown.

Everything that publishes (pages, downloads, feeds, open data, release files) works from
``public_view`` of the data, never from the data itself, so no page type or export has to
remember the rule. ``private_texts`` lists what was kept back, so that the build can prove
that none of it reached any file it wrote.
"""

from __future__ import annotations

import functools
import typing
from typing import Any, TypeVar

from pydantic import BaseModel

T = TypeVar("T")
# Texts this short ("Yes", a year) also appear in published text by chance: the build's scan
# for kept-back values looks only for longer ones. Every value is still kept back.
SCAN_MIN_LENGTH = 5


@functools.cache
def internal_fields(cls: type[BaseModel]) -> tuple[str, ...]:
    """Fields the model declares internal: kept for the people who keep the data."""
    return tuple(
        name
        for name, info in cls.model_fields.items()
        if isinstance(info.json_schema_extra, dict)
        and info.json_schema_extra.get("x-plansite-internal")
    )


def withheld(model: BaseModel) -> list[str]:
    """Names of the fields of ``model`` itself that are not public."""
    from plansite.model.common import Person

    names = [*(getattr(model, "not_public", None) or []), *internal_fields(type(model))]
    if isinstance(model, Person) and not model.public:
        names.append("name")
    return [n for n in names if getattr(model, n, None) not in (None, [], "")]


@functools.cache
def _reaches_mark(cls: type[BaseModel]) -> bool:
    """Whether values of this model can contain a mark, at any depth."""
    from plansite.model.common import Person

    seen: set[type[BaseModel]] = set()
    todo = [cls]
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        if (
            issubclass(current, Person)
            or "not_public" in current.model_fields
            or internal_fields(current)
        ):
            return True
        for info in current.model_fields.values():
            todo += _model_types(info.annotation)
    return False


@functools.cache
def marked_fields(cls: type[BaseModel]) -> tuple[str, ...]:
    """Fields of a model whose values can contain a mark: the only ones walked."""
    return tuple(
        name
        for name, info in cls.model_fields.items()
        if any(_reaches_mark(t) for t in _model_types(info.annotation))
    )


def _model_types(tp: Any) -> list[type[BaseModel]]:
    """The models a field's type can hold (in lists, dicts and unions too)."""
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return [tp]
    return [m for arg in typing.get_args(tp) for m in _model_types(arg)]


def public_view(value: T) -> T:
    """``value`` with every value marked not public taken out; parts that hold no such
    value are shared with ``value``, not copied."""
    return _public(value)  # type: ignore[no-any-return]


def _public(value: Any) -> Any:
    if isinstance(value, BaseModel):
        cls = type(value)
        update: dict[str, Any] = {}
        for name in marked_fields(cls):
            old = getattr(value, name)
            new = _public(old)
            if new is not old:
                update[name] = new
        for name in withheld(value):
            update[name] = [] if isinstance(getattr(value, name), list) else None
        return value.model_copy(update=update) if update else value
    if isinstance(value, list):
        items = [_public(v) for v in value]
        return items if any(a is not b for a, b in zip(items, value, strict=True)) else value
    if isinstance(value, dict):
        kept = {k: _public(v) for k, v in value.items()}
        return kept if any(kept[k] is not value[k] for k in value) else value
    return value


def private_texts(value: Any) -> set[str]:
    """Every text that ``public_view`` takes out of ``value``."""
    out: set[str] = set()
    _collect(value, out, inside=False)
    return out


def _collect(value: Any, out: set[str], inside: bool) -> None:
    if isinstance(value, BaseModel):
        kept_back = set(withheld(value))
        names = type(value).model_fields if inside else (*marked_fields(type(value)), *kept_back)
        for name in names:
            _collect(getattr(value, name), out, inside or name in kept_back)
    elif isinstance(value, list | tuple):
        for item in value:
            _collect(item, out, inside)
    elif isinstance(value, dict):
        for item in value.values():
            _collect(item, out, inside)
    elif inside and isinstance(value, str) and value.strip():
        out.add(value.strip())
