"""Which file holds what: each data file kind, its place in ``data/`` and its model.

This table is the single list of file kinds: the loader, the JSON Schema generator and the
field reference all read it.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel

from plansite.model.changes import ChangesFile
from plansite.model.partnership import Partnership
from plansite.model.plan import (
    ActionsFile,
    IndicatorsFile,
    ParticipationFile,
    PlanFile,
    StatisticsFile,
)
from plansite.model.registry import (
    CouncilAreasFile,
    FrameworksFile,
    GlossaryFile,
    OrganisationsFile,
    PartnerGroupsFile,
    SiteFile,
    TaxonomyFile,
)
from plansite.model.service import ServicesFile
from plansite.model.translation import TranslationsFile


@dataclass(frozen=True)
class FileKind:
    name: str  # also the schema file name: data/schema/<name>.schema.json
    scope: str  # "national", "partnership" or "plan"
    filename: str
    model: type[BaseModel]
    required: bool
    about: str


FILE_KINDS: tuple[FileKind, ...] = (
    FileKind(
        "site", "national", "site.yaml", SiteFile, False, "The national index: name and licence."
    ),
    FileKind(
        "organisations",
        "national",
        "organisations.yaml",
        OrganisationsFile,
        False,
        "Organisations, defined once and referenced by id.",
    ),
    FileKind(
        "partner-groups",
        "national",
        "partner-groups.yaml",
        PartnerGroupsFile,
        False,
        "Named sets of partners, such as 'All Partners'.",
    ),
    FileKind(
        "frameworks",
        "national",
        "frameworks.yaml",
        FrameworksFile,
        False,
        "National outcome sets, priorities and pathways, versioned.",
    ),
    FileKind(
        "glossary",
        "national",
        "glossary.yaml",
        GlossaryFile,
        False,
        "Acronyms and terms, with their expansions.",
    ),
    FileKind(
        "taxonomy",
        "national",
        "taxonomy.yaml",
        TaxonomyFile,
        False,
        "Who services are for and what kind of help they give.",
    ),
    FileKind(
        "council-areas",
        "national",
        "council-areas.yaml",
        CouncilAreasFile,
        False,
        "Every council area, for the national site's pages by area.",
    ),
    FileKind(
        "partnership",
        "partnership",
        "partnership.yaml",
        Partnership,
        True,
        "The partnership: identity, contacts, localities, partners.",
    ),
    FileKind(
        "local-organisations",
        "partnership",
        "organisations.yaml",
        OrganisationsFile,
        False,
        "Local organisations added to the national list.",
    ),
    FileKind(
        "local-partner-groups",
        "partnership",
        "partner-groups.yaml",
        PartnerGroupsFile,
        False,
        "Local partner groups, such as the partnership's own working groups.",
    ),
    FileKind(
        "local-frameworks",
        "partnership",
        "frameworks.yaml",
        FrameworksFile,
        False,
        "The partnership's or its council's own aims and priorities that plans link to.",
    ),
    FileKind(
        "local-glossary",
        "partnership",
        "glossary.yaml",
        GlossaryFile,
        False,
        "Local acronyms and terms.",
    ),
    FileKind(
        "services", "partnership", "services.yaml", ServicesFile, False, "The service directory."
    ),
    FileKind(
        "changes",
        "partnership",
        "changes.yaml",
        ChangesFile,
        False,
        "Notes that say why something changed.",
    ),
    FileKind(
        "plan", "plan", "plan.yaml", PlanFile, True, "A plan: period, status, hierarchy, narrative."
    ),
    FileKind("actions", "plan", "actions.yaml", ActionsFile, False, "The plan's actions."),
    FileKind(
        "indicators",
        "plan",
        "indicators.yaml",
        IndicatorsFile,
        False,
        "Indicators and their measures and figures.",
    ),
    FileKind(
        "participation",
        "plan",
        "participation.yaml",
        ParticipationFile,
        False,
        "The participation statement and its records.",
    ),
    FileKind(
        "translations",
        "translations",
        "<language>.yaml",
        TranslationsFile,
        False,
        "The data's words in one language besides English, named by its code: gd.yaml.",
    ),
    FileKind(
        "statistics",
        "plan",
        "statistics.yaml",
        StatisticsFile,
        False,
        "Context statistics about the area.",
    ),
)


def kinds_for(scope: str) -> dict[str, FileKind]:
    return {k.filename: k for k in FILE_KINDS if k.scope == scope}
