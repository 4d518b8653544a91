"""Every text a partnership's pages show, found by walking its data: for the checks of its
prose (acronyms, placeholders) and for the glossary, which lists only the terms in use."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel

from plansite.load.dataset import PartnershipData, referenced
from plansite.load.yaml_reader import YamlFile
from plansite.model.registry import GlossaryTerm, Organisation, PartnerGroup

# A word as a glossary term is written: letters, digits and the marks acronyms use, and
# hyphens between them ("LSI-R").
WORD_RE = re.compile(r"[\w&'’]+(?:-[\w&'’]+)*")
Named = Organisation | PartnerGroup


Texts = list[tuple[tuple[str | int, ...], str]]


def texts_in(model: BaseModel, path: tuple[str | int, ...] = ()) -> Texts:
    """Every text value in a model, with its path. Ids and references are skipped."""
    out: Texts = []
    _collect(model, path, out)
    return out


# This walks every value of every partnership, so it avoids generators and getattr, and
# tells values apart by their exact type (isinstance on a pydantic model class is slow).
_TEXT, _MODEL, _LIST, _OTHER = range(4)
_KINDS: dict[type, int] = {str: _TEXT, list: _LIST}


def _kind(value: object) -> int:
    kind = _KINDS.get(type(value))
    if kind is None:
        kind = _KINDS[type(value)] = (
            _MODEL
            if isinstance(value, BaseModel)
            else _LIST
            if isinstance(value, list)
            else _TEXT
            if isinstance(value, str)
            else _OTHER
        )
    return kind


def _collect(model: BaseModel, path: tuple[str | int, ...], out: Texts) -> None:
    values, known = model.__dict__, _KINDS
    for name, prose in _fields(type(model)):
        value = values[name]
        if value is None:
            continue
        kind = known.get(type(value))
        if kind is None:
            kind = _kind(value)
        if kind == _TEXT:
            if prose:
                out.append(((*path, name), value))
        elif kind == _MODEL:
            _collect(value, (*path, name), out)
        elif kind == _LIST and value:
            _collect_list(value, (*path, name), prose, out)


def _collect_list(items: list[Any], path: tuple[str | int, ...], prose: bool, out: Texts) -> None:
    for i, value in enumerate(items):
        kind = _kind(value)
        if kind == _TEXT:
            if prose:
                out.append(((*path, i), value))
        elif kind == _MODEL:
            _collect(value, (*path, i), out)
        elif kind == _LIST and value:
            _collect_list(value, (*path, i), prose, out)


@functools.cache
def _fields(model: type[BaseModel]) -> tuple[tuple[str, bool], ...]:
    """The model's fields in order, each with whether its texts are prose."""
    return tuple((name, name not in _NOT_PROSE) for name in model.model_fields)


# Fields that hold ids, addresses or verbatim names rather than prose a reader needs help with.
_NOT_PROSE = {
    "id",
    "level",
    "parent",
    "under",
    "leads",
    "partners",
    "services",
    "frameworks",
    "organisation",
    "organisations",
    "audiences",
    "help",
    "localities",
    "outcomes",
    "website",
    "url",
    "email",
    "phone",
    "colour",
    "logo",
    "former_ids",
    "about",
    "current_plan",
    "local_authority",
    "funders",
    "publisher",
    "term",
    "expansions",
    "acronyms",
    "aliases",
}


Source = tuple[YamlFile | None, tuple[str | int, ...], BaseModel]
FileTexts = list[tuple[YamlFile, Texts]]


def file_texts(sources: list[Source]) -> FileTexts:
    """The texts of each source that came from a file, with that file."""
    return [(file, texts_in(model, prefix)) for file, prefix, model in sources if file is not None]


def prose_sources(pd: PartnershipData) -> list[Source]:
    """The models whose text is shown on the partnership's pages, with their files."""
    sources: list[Source] = [(pd.files.get("partnership"), (), pd.partnership)]
    for plan in pd.plans.values():
        sources.append((plan.files.get("plan"), (), plan.plan))
        sources.append((plan.files.get("participation"), (), plan.participation))
        for kind, items in (
            ("actions", plan.actions),
            ("indicators", plan.indicators),
            ("statistics", plan.statistics),
        ):
            sources += [(plan.files.get(kind), (kind, i), item) for i, item in enumerate(items)]
    sources += [(pd.files.get("services"), ("services", i), s) for i, s in enumerate(pd.services)]
    return sources


Walked = list[tuple[YamlFile | None, Texts]]


def walked_prose(pd: PartnershipData) -> Walked:
    """The texts of each model ``prose_sources`` names, with its file: walked once for the
    checks that read them all."""
    return [(file, texts_in(model, prefix)) for file, prefix, model in prose_sources(pd)]


def prose_texts(pd: PartnershipData, walked: Walked | None = None) -> list[str]:
    """Every text of the partnership that its pages show, for finding the terms it uses
    (from ``walked``, when its prose was walked already)."""
    found = walked if walked is not None else walked_prose(pd)
    return [text for _, texts in found for _, text in texts]


def unused_terms(
    pd: PartnershipData,
    terms: list[GlossaryTerm],
    names: Mapping[str, Named],
    walked: Walked | None = None,
) -> list[GlossaryTerm]:
    """The terms that no text of the partnership's pages uses: its glossary leaves them out.
    Its texts are everything it writes, and the names of the organisations and groups it
    names (``names``: every organisation and group, by id)."""
    texts = [*prose_texts(pd, walked), *_strings(pd)]
    for org_id in referenced(pd):
        org = names.get(org_id)
        if org is not None:
            texts += [org.name, *getattr(org, "acronyms", []), *getattr(org, "aliases", [])]
    words = {w for text in texts for w in WORD_RE.findall(text)}
    # A term is used in its plural ("ADATs") and as part of a hyphenated word ("COVID-19").
    words |= {part for w in words if "-" in w for part in w.split("-")}
    words |= {w[:-1] for w in words if w.endswith("s") and w[:-1].isupper()}
    joined = "\n".join(texts).casefold()
    return [t for t in terms
            if not (t.term.casefold() in joined if " " in t.term else t.term in words)]  # fmt: skip


def _strings(pd: PartnershipData) -> list[str]:
    """Names and verbatim texts the pages show that are not prose (aliases, leads and
    statuses as printed), which may use a term too."""
    out: list[str] = []
    actions = [a for plan in pd.plans.values() for a in plan.actions]
    for value in [pd.partnership, *pd.services, *actions,
                  *(u for a in actions for u in a.updates)]:  # fmt: skip
        fields = value.__dict__  # not getattr: a model without the field raises, slowly
        for name in ("aliases", "leads_raw", "name", "short_name", "status_raw"):
            found = fields.get(name)
            out += found if isinstance(found, list) else [found] if isinstance(found, str) else []
    return out
