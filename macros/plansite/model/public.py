"""What may be published: the data with every value marked not public taken out.

Two marks say that a value must stay in the data folder:

- a person's ``public: false`` (the default) keeps their name back; their role stays;
- ``not_public: [field, ...]`` on a contact or a progress update keeps those fields back.

Everything that publishes (pages, downloads, feeds, open data, release files) works from
``public_view`` of the data, never from the data itself, so no page type or export has to
remember the rule. ``private_texts`` lists what was kept back, so that the build can prove
that none of it reached any file it wrote.
"""

from __future__ import annotations

import dataclasses
import functools
import typing
from typing import Any, TypeVar

from pydantic import BaseModel

from plansite.model.dataset import Dataset

T = TypeVar("T")
# Texts this short ("Yes", a year) also appear in published text by chance: the build's scan
# for kept-back values looks only for longer ones. Every value is still kept back.
SCAN_MIN_LENGTH = 5


def withheld(model: BaseModel) -> list[str]:
    """Names of the fields of ``model`` itself that are not public."""
    from plansite.model.common import Person

    names = list(getattr(model, "not_public", None) or [])
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
        if issubclass(current, Person) or "not_public" in current.model_fields:
            return True
        for info in current.model_fields.values():
            todo += _model_types(info.annotation)
    return False


@functools.cache
def _marked_fields(cls: type[BaseModel]) -> tuple[str, ...]:
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
        for name in _marked_fields(cls):
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
        names = type(value).model_fields if inside else (*_marked_fields(type(value)), *kept_back)
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


def public_dataset(data: Dataset) -> Dataset:
    """The data set as it may be published. The files as read (which hold every value as
    written) are left behind: nothing that publishes may read them."""
    parts = {
        pid: dataclasses.replace(
            pd,
            partnership=public_view(pd.partnership),
            plans={
                plan_id: dataclasses.replace(
                    plan,
                    plan=public_view(plan.plan),
                    actions=public_view(plan.actions),
                    indicators=public_view(plan.indicators),
                    participation=public_view(plan.participation),
                    statistics=public_view(plan.statistics),
                    files={},
                )
                for plan_id, plan in pd.plans.items()
            },
            services=public_view(pd.services),
            notes=public_view(pd.notes),
            organisations=public_view(pd.organisations),
            glossary=public_view(pd.glossary),
            files={},
        )
        for pid, pd in data.partnerships.items()
    }
    return dataclasses.replace(
        data,
        site=public_view(data.site),
        organisations=public_view(data.organisations),
        groups=public_view(data.groups),
        frameworks=public_view(data.frameworks),
        organisation_list=public_view(data.organisation_list),
        group_list=public_view(data.group_list),
        framework_list=public_view(data.framework_list),
        glossary=public_view(data.glossary),
        partnerships=parts,
        files={},
    )


def private_in_dataset(data: Dataset) -> set[str]:
    """Every text of the data set that is marked not public."""
    out: set[str] = set()
    national: tuple[Any, ...] = (
        data.site,
        data.organisation_list,
        data.group_list,
        data.framework_list,
    )
    for value in national:
        _collect(value, out, inside=False)
    for pd in data.partnerships.values():
        parts: tuple[Any, ...] = (pd.partnership, pd.services, pd.notes, pd.organisations)
        for value in parts:
            _collect(value, out, inside=False)
        for plan in pd.plans.values():
            for part in (plan.plan, plan.actions, plan.indicators, plan.participation):
                _collect(part, out, inside=False)
            _collect(plan.statistics, out, inside=False)
    return out
