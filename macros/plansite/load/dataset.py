"""The whole validated data set, with the files it was read from, as the pages will use it."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from plansite.load.writing import AnnualReport, NewsPost, WrittenPage
from plansite.load.yaml_reader import YamlFile
from plansite.model.changes import ChangeNote
from plansite.model.partnership import Partnership
from plansite.model.plan import (
    Action,
    Engagement,
    Indicator,
    ParticipationFile,
    PlanFile,
    Statistic,
)
from plansite.model.public import private_texts, public_view
from plansite.model.registry import (
    Category,
    CouncilArea,
    Framework,
    GlossaryTerm,
    Organisation,
    PartnerGroup,
    SiteFile,
)
from plansite.model.release import PublishedRelease
from plansite.model.service import Service
from plansite.model.translation import TranslationsFile


@dataclass
class PlanData:
    plan: PlanFile
    actions: list[Action] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    participation: ParticipationFile = field(default_factory=ParticipationFile)
    statistics: list[Statistic] = field(default_factory=list)
    files: dict[str, YamlFile] = field(default_factory=dict)  # by file kind name

    @property
    def engagements(self) -> list[Engagement]:
        return self.participation.records


@dataclass
class PartnershipData:
    partnership: Partnership
    plans: dict[str, PlanData] = field(default_factory=dict)
    services: list[Service] = field(default_factory=list)
    notes: list[ChangeNote] = field(default_factory=list)
    organisations: list[Organisation] = field(default_factory=list)  # local additions
    glossary: list[GlossaryTerm] = field(default_factory=list)  # local additions
    groups: list[PartnerGroup] = field(default_factory=list)  # local additions
    frameworks: list[Framework] = field(default_factory=list)  # local additions
    files: dict[str, YamlFile] = field(default_factory=dict)
    folder: Path = field(default_factory=Path)
    releases: list[PublishedRelease] = field(default_factory=list)  # oldest first
    pages: list[WrittenPage] = field(default_factory=list)  # its own pages, by file name
    posts: list[NewsPost] = field(default_factory=list)  # its news, by file name
    reports: list[AnnualReport] = field(default_factory=list)  # by year, oldest first
    # The data's words in other languages: translations/<code>.yaml, by language code.
    translations: dict[str, TranslationsFile] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return self.partnership.id


def current_plan(pd: PartnershipData) -> PlanData | None:
    """The plan a partnership's site presents: the one it names, else the one whose period
    ends last."""
    if pd.partnership.current_plan and pd.partnership.current_plan in pd.plans:
        return pd.plans[pd.partnership.current_plan]
    if not pd.plans:
        return None
    return max(pd.plans.values(), key=lambda p: p.plan.period.end.last or date.min)


def referenced(pd: PartnershipData) -> set[str]:
    """Ids of every organisation and partner group this partnership's data names."""
    p = pd.partnership
    ids = {m.organisation for m in p.memberships} | ({p.local_authority} - {None})
    for plan in pd.plans.values():
        for a in plan.actions:
            ids.update(a.leads, a.partners)
        for e in plan.engagements:
            ids.update(e.organisations)
    for s in pd.services:
        ids.update(pr.organisation for pr in s.providers)
        ids.update(f for fund in s.funding for f in fund.funders)
    return {i for i in ids if i}


@dataclass
class Dataset:
    site: SiteFile | None = None
    organisations: dict[str, Organisation] = field(default_factory=dict)  # national and local
    groups: dict[str, PartnerGroup] = field(default_factory=dict)
    frameworks: dict[str, Framework] = field(default_factory=dict)
    # The national registries in file order, duplicates included, for located checks.
    organisation_list: list[Organisation] = field(default_factory=list)
    group_list: list[PartnerGroup] = field(default_factory=list)
    framework_list: list[Framework] = field(default_factory=list)
    glossary: list[GlossaryTerm] = field(default_factory=list)
    audiences: dict[str, Category] = field(default_factory=dict)
    help: dict[str, Category] = field(default_factory=dict)
    council_areas: list[CouncilArea] = field(default_factory=list)  # in file order
    partnerships: dict[str, PartnershipData] = field(default_factory=dict)
    files: dict[str, YamlFile] = field(default_factory=dict)
    # File kinds that failed to load somewhere: references into them cannot be checked.
    failed: set[str] = field(default_factory=set)
    public: bool = False  # the public view (``public_dataset``), not the data as read


# The public view of a whole data set (see plansite.model.public for the rule).


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
            posts=[post for post in pd.posts if not post.facts.draft],
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
        council_areas=public_view(data.council_areas),
        partnerships=parts,
        files={},
        public=True,
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
        out |= private_texts(value)
    for pd in data.partnerships.values():
        parts: tuple[Any, ...] = (pd.partnership, pd.services, pd.notes, pd.organisations)
        for value in parts:
            out |= private_texts(value)
        for plan in pd.plans.values():
            for part in (plan.plan, plan.actions, plan.indicators, plan.participation):
                out |= private_texts(part)
            out |= private_texts(plan.statistics)
    return out
