"""The result of checking a data folder: problems, and what each partnership contains."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any

from plansite.load.dataset import Dataset, PartnershipData, private_in_dataset, public_dataset
from plansite.load.errors import Diagnostic
from plansite.load.translations import kept_back


def counts(data: Dataset, pd: PartnershipData) -> dict[str, int]:
    """Entities of each kind in one partnership, as ``plansite check --json`` reports them."""
    plans = list(pd.plans.values())
    referenced: set[str] = {m.organisation for m in pd.partnership.memberships}
    for plan in plans:
        for action in plan.actions:
            referenced.update(
                x for x in (*action.leads, *action.partners) if x in data.organisations
            )
        for record in plan.engagements:
            referenced.update(record.organisations)
    for service in pd.services:
        referenced.update(p.organisation for p in service.providers)
        referenced.update(f for funding in service.funding for f in funding.funders)
    return {
        "plans": len(plans),
        "plan_nodes": sum(len(p.plan.nodes) for p in plans),
        "actions": sum(len(p.actions) for p in plans),
        "indicators": sum(len(p.indicators) for p in plans),
        "measures": sum(len(i.measures) for p in plans for i in p.indicators),
        "partners": len(pd.partnership.memberships),
        "organisations_referenced": len(referenced),
        "services": len(pd.services),
        "engagement_records": sum(len(p.engagements) for p in plans),
        "statistics": sum(len(p.statistics) for p in plans),
    }


@dataclass
class Report:
    data: Dataset
    problems: list[Diagnostic] = field(default_factory=list)
    advice: bool = True  # False: the advisory checks were left out (``validate.check``)

    @functools.cached_property
    def public(self) -> Dataset:
        """The data as it may be published: what everything that publishes works from."""
        return public_dataset(self.data)

    @functools.cached_property
    def private(self) -> frozenset[str]:
        """Every text of the data that is marked not public, and its translations."""
        return frozenset(private_in_dataset(self.data) | kept_back(self.data, self.public))

    @property
    def errors(self) -> list[Diagnostic]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [p for p in self.problems if p.severity == "warning"]

    @property
    def notes(self) -> list[Diagnostic]:
        return [p for p in self.problems if p.severity == "note"]

    def ok(self, strict: bool = False) -> bool:
        return not self.errors and not (strict and self.warnings)

    def only(self, partnership: str) -> None:
        """Keep problems in this partnership's folder and in the shared files."""
        mine = f"/partnerships/{partnership}/"
        self.problems = [
            p for p in self.problems if mine in f"/{p.file}" or "/partnerships/" not in f"/{p.file}"
        ]
        self.data.partnerships = {
            k: v for k, v in self.data.partnerships.items() if k == partnership
        }
        self.__dict__.pop("public", None)
        self.__dict__.pop("private", None)

    def as_dict(self) -> dict[str, Any]:
        return {
            "ok": not self.errors,
            "errors": [d.as_dict() for d in self.errors],
            "warnings": [d.as_dict() for d in self.warnings],
            "notes": [d.as_dict() for d in self.notes],
            "partnerships": {
                pid: counts(self.data, pd) for pid, pd in sorted(self.data.partnerships.items())
            },
        }
