"""The whole validated data set, as the pages will use it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

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
from plansite.model.registry import (
    Category,
    Framework,
    GlossaryTerm,
    Organisation,
    PartnerGroup,
    SiteFile,
)
from plansite.model.release import PublishedRelease
from plansite.model.service import Service


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
    files: dict[str, YamlFile] = field(default_factory=dict)
    folder: Path = field(default_factory=Path)
    releases: list[PublishedRelease] = field(default_factory=list)  # oldest first

    @property
    def id(self) -> str:
        return self.partnership.id


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
    partnerships: dict[str, PartnershipData] = field(default_factory=dict)
    files: dict[str, YamlFile] = field(default_factory=dict)
    # File kinds that failed to load somewhere: references into them cannot be checked.
    failed: set[str] = field(default_factory=set)
