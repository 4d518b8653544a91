"""Warnings: what a publishable plan should have but this data lacks.

Warnings never stop a preview build; ``plansite check --strict`` treats them as errors.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pydantic import BaseModel

from plansite.load.errors import Diagnostic
from plansite.load.yaml_reader import YamlFile
from plansite.model.dataset import Dataset, PartnershipData

# Upper-case words of two or more letters, optionally with a trailing lower-case 's'
# (plurals such as "CPOs"); digits are allowed after the first letter (e.g. "S27" is not
# matched because it has one letter, "NHS24" is).
ACRONYM_RE = re.compile(r"\b([A-Z][A-Z0-9&]*[A-Z][A-Z0-9]*)s?\b")
# Words that are upper-case but are not acronyms a reader needs explained.
NOT_ACRONYMS = {"UK", "I", "OK", "TV", "AM", "PM", "NB", "ID", "FAQ"}
ROMAN_RE = re.compile(r"^[IVXLC]+$")


def _texts(
    model: BaseModel, path: tuple[str | int, ...] = ()
) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Every text value in a model, with its path. Ids and references are skipped."""
    for name in type(model).model_fields:
        value = getattr(model, name)
        yield from _walk(value, (*path, name), name)


def _walk(
    value: object, path: tuple[str | int, ...], name: str
) -> Iterator[tuple[tuple[str | int, ...], str]]:
    if isinstance(value, BaseModel):
        yield from _texts(value, path)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _walk(item, (*path, i), name)
    elif isinstance(value, str) and name not in _NOT_PROSE:
        yield path, value


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


def acronyms(text: str) -> set[str]:
    return {
        m.group(1)
        for m in ACRONYM_RE.finditer(text)
        if m.group(1) not in NOT_ACRONYMS and not ROMAN_RE.match(m.group(1))
    }


def known_terms(data: Dataset, pd: PartnershipData) -> set[str]:
    terms = {t.term for t in [*data.glossary, *pd.glossary]}
    for org in data.organisations.values():
        terms.update(org.acronyms)
    return terms


def advise(data: Dataset) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    for pd in data.partnerships.values():
        p = pd.partnership
        pfile = pd.files["partnership"]
        if not any(c.reachable() for c in p.contacts):
            out.append(
                pfile.diagnostic(
                    "warn-no-contact",
                    ("contacts",),
                    "the partnership has no contact route for the public",
                )
            )
        if p.alternative_formats is None or not p.alternative_formats.offered:
            out.append(
                pfile.diagnostic(
                    "warn-no-alternative-formats",
                    ("alternative_formats",),
                    "there is no offer of the plan in other formats or languages",
                )
            )
        for plan in pd.plans.values():
            afile = plan.files.get("actions")
            for i, a in enumerate(plan.actions):
                if afile and not a.leads:
                    out.append(
                        afile.diagnostic(
                            "warn-action-no-lead",
                            ("actions", i, "leads"),
                            f"action {a.id!r} has no lead partner",
                        )
                    )
                if afile and (
                    a.timescale is None
                    or not (a.timescale.due or a.timescale.start or a.timescale.ongoing)
                ):
                    out.append(
                        afile.diagnostic(
                            "warn-action-no-timescale",
                            ("actions", i, "timescale"),
                            f"action {a.id!r} has no timescale",
                        )
                    )
        sfile = pd.files.get("services")
        for i, s in enumerate(pd.services):
            provider_sites = [
                data.organisations[pr.organisation].website
                for pr in s.providers
                if pr.organisation in data.organisations
            ]
            if sfile and not s.contact.reachable() and not any(provider_sites):
                out.append(
                    sfile.diagnostic(
                        "warn-service-unreachable",
                        ("services", i, "contact"),
                        f"service {s.id!r} gives no way to reach it",
                    )
                )
        out += _unexplained_acronyms(data, pd)
    return out


def _unexplained_acronyms(data: Dataset, pd: PartnershipData) -> list[Diagnostic]:
    """One warning per unexplained acronym per partnership, at its first use."""
    known = known_terms(data, pd)
    reported: set[str] = set()
    out: list[Diagnostic] = []
    sources: list[tuple[YamlFile | None, tuple[str | int, ...], BaseModel]] = [
        (pd.files.get("partnership"), (), pd.partnership)
    ]
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
    for file, prefix, model in sources:
        if file is None:
            continue
        for path, text in _texts(model, prefix):
            for word in sorted(acronyms(text) - known - reported):
                reported.add(word)
                out.append(
                    file.diagnostic(
                        "warn-acronym-unexplained",
                        path,
                        f"{word!r} is not in the glossary (first use in this partnership's data)",
                    )
                )
    return out
