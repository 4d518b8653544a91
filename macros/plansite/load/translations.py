"""Find the value each translation names, and make the data as a page in that language shows it.

``target`` follows an entry's file, id and field to the value it translates, or says why it
cannot. ``in_language`` copies one partnership's data (and the national registers its pages
read) with every translation in place of its English and every other text marked as English
(``plansite.model.translation``). It works on the public view of the data, so a translation
of a value kept back finds nothing to replace and is never published.
"""

from __future__ import annotations

import copy
import dataclasses
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from plansite.load.dataset import Dataset, PartnershipData
from plansite.model.translation import Translation, english, stale, text_fields, unmarked

# The files a translation may name, from the partnership's folder, and what each holds.
PARTNERSHIP_FILES = {"partnership.yaml": "partnership", "services.yaml": "services",
                     "changes.yaml": "notes"}  # fmt: skip
PLAN_FILES = {"plan.yaml": "plan", "actions.yaml": "actions", "indicators.yaml": "indicators",
              "participation.yaml": "participation"}  # fmt: skip


@dataclass(frozen=True)
class Target:
    owner: BaseModel
    field: str
    index: int | None  # the entry of a list of texts (aliases.1), else None

    @property
    def value(self) -> str | None:
        value = getattr(self.owner, self.field)
        if self.index is None:
            return value if isinstance(value, str) else None
        return value[self.index] if self.index < len(value) else None

    def put(self, text: str) -> None:
        if self.index is None:
            setattr(self.owner, self.field, text)
        else:
            getattr(self.owner, self.field)[self.index] = text


def _root(pd: PartnershipData, file: str) -> Any:
    parts = file.split("/")
    if len(parts) == 1 and parts[0] in PARTNERSHIP_FILES:
        return getattr(pd, PARTNERSHIP_FILES[parts[0]])
    if len(parts) == 3 and parts[0] == "plans" and parts[2] in PLAN_FILES:
        plan = pd.plans.get(parts[1])
        if plan is None:
            known = ", ".join(sorted(pd.plans)) or "none"
            raise LookupError(f"there is no plan {parts[1]!r} (plans: {known})")
        return getattr(plan, PLAN_FILES[parts[2]])
    raise LookupError(
        f"{file!r} is not a file a translation can name: {', '.join(PARTNERSHIP_FILES)}, or "
        f"{', '.join(PLAN_FILES)} in a plan's folder, written with the folder: "
        "plans/<the plan's id>/plan.yaml"
    )


def _by_id(within: Any, ident: str) -> Any:
    """The record with id ``ident`` in a list, or in any list of a record (a plan's items)."""
    lists = [within] if isinstance(within, list) else [
        getattr(within, name) for name in type(within).model_fields
        if isinstance(getattr(within, name), list)]  # fmt: skip
    for records in lists:
        for record in records:
            if isinstance(record, BaseModel) and getattr(record, "id", None) == ident:
                return record
    raise LookupError(f"there is no record with id {ident!r} in it")


def target(pd: PartnershipData, t: Translation) -> Target:
    """The value ``t`` translates; LookupError saying why when there is none."""
    record = _root(pd, t.file)
    if t.id is not None:
        record = _by_id(record, t.id)
    elif isinstance(record, list):
        raise LookupError(f"{t.file} holds a list of records: give the id of one")
    *path, last = t.field.split(".")
    index = None
    if path and last.isdigit():  # aliases.1: the second entry of a list of texts
        index, last = int(last), path.pop()
    for step in path:  # contact.note; measures.wait.text: a list's record by its id
        if isinstance(record, list):
            record = _by_id(record, step)
        elif isinstance(record, BaseModel) and step in type(record).model_fields:
            record = getattr(record, step)
        else:
            raise LookupError(f"{step!r} is not a field there")
        if record is None:
            raise LookupError(f"{step!r} is not given there")
    if isinstance(record, list):
        raise LookupError(f"{t.field!r} names a list: name one of its records by id")
    if not isinstance(record, BaseModel) or last not in type(record).model_fields:
        raise LookupError(f"{last!r} is not a field of that record")
    if last not in text_fields(type(record)):
        raise LookupError(f"{last!r} is not text to read (an id, a code, a date or a number)")
    found = Target(record, last, index)
    if found.value is None:
        raise LookupError(f"{t.field!r} has no value there to translate")
    return found


def same_english(written: str, now: str) -> bool:
    """Whether the English a translation was made from is the English the data has now;
    differences of spacing and line breaks alone do not count."""
    return written.split() == now.split()


def in_language(data: Dataset, pid: str, language: str) -> Dataset:
    """The data that partnership ``pid``'s pages in ``language`` show (see the module's
    docstring); the other partnerships are left out."""
    pd = copy.deepcopy(dataclasses.replace(data.partnerships[pid], releases=[]))
    # Releases are not copied: the log comes from the English site's index (``build_index``
    # with ``history``), marked as English there.
    pd.releases = data.partnerships[pid].releases
    national = {name: copy.deepcopy(getattr(data, name)) for name in (
        "organisations", "groups", "frameworks", "organisation_list", "group_list",
        "framework_list", "glossary", "audiences", "help", "council_areas")}  # fmt: skip
    done: set[tuple[int, str, int | None]] = set()
    chosen = pd.translations.get(language)
    for t in chosen.translations if chosen else []:
        try:
            found = target(pd, t)
        except LookupError:
            continue  # reported by check; a value kept back is not in the public data at all
        now = found.value or ""
        found.put(t.text if same_english(t.english, now) else stale(t.text))
        done.add((id(found.owner), found.field, found.index))
    # The facts of the partnership's own pages, news and reports too (their titles); their
    # bodies are marked whole when the page is written.
    for value in [pd.partnership, pd.plans, pd.services, pd.notes, pd.organisations,
                  pd.glossary, pd.groups, pd.frameworks, pd.pages, pd.posts, pd.reports,
                  *national.values()]:  # fmt: skip
        _mark(value, done)
    return dataclasses.replace(data, partnerships={pid: pd}, **national)


def _mark(value: Any, done: set[tuple[int, str, int | None]]) -> None:
    """Mark every text in ``value`` as English, except those translated (``done``)."""
    if isinstance(value, dict):
        for item in value.values():
            _mark(item, done)
    elif isinstance(value, list):
        for item in value:
            _mark(item, done)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            if f.name not in ("files", "folder", "releases"):
                _mark(getattr(value, f.name), done)
    elif isinstance(value, BaseModel):
        texts = text_fields(type(value))
        for name in type(value).model_fields:
            current = getattr(value, name)
            if name in texts and isinstance(current, str):
                if (id(value), name, None) not in done:
                    setattr(value, name, english(unmarked(current)))
            elif name in texts and isinstance(current, list):
                for i, item in enumerate(current):
                    if isinstance(item, str) and (id(value), name, i) not in done:
                        current[i] = english(unmarked(item))
            else:
                _mark(current, done)


def kept_back(data: Dataset, public: Dataset) -> set[str]:
    """The translations of values marked not public: never published, like their English."""
    out = set()
    for pid, pd in data.partnerships.items():
        shown = public.partnerships[pid]
        for t in (t for f in pd.translations.values() for t in f.translations):
            try:
                target(pd, t)
            except LookupError:
                continue
            try:
                target(shown, t)
            except LookupError:
                out.add(t.text)
    return out
