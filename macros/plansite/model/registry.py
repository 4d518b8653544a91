"""Shared registries, defined once and referenced by every partnership.

Organisations, partner groups, national frameworks, the glossary and the taxonomy of
audiences and kinds of help live in ``data/`` at the top level. A partnership may add its
own local organisations and glossary entries in its folder; ids stay unique nationally.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from plansite.model.common import (
    ContactPoint,
    Day,
    Flag,
    FrameworkRef,
    PlainText,
    RichText,
    Slug,
    Source,
    Strict,
    Url,
    When,
)

OrganisationKind = Literal[
    "local-authority",
    "council-service",
    "health-board",
    "health-and-social-care-partnership",
    "integration-joint-board",
    "police",
    "fire-and-rescue",
    "prison-service",
    "prison",
    "court-service",
    "court",
    "prosecution",
    "government",
    "national-body",
    "scrutiny-body",
    "skills-agency",
    "third-sector",
    "third-sector-interface",
    "housing",
    "community-group",
    "faith-group",
    "education",
    "funder",
    "partnership-body",
    "private",
    "other",
]


class FormerName(Strict):
    name: PlainText
    until: When | None = Field(None, description="When the organisation stopped using this name.")


class Identifiers(Strict):
    """Public register numbers, where known. Never guessed."""

    scottish_charity_number: PlainText | None = Field(
        None, description="OSCR number, e.g. SC012345."
    )
    company_number: PlainText | None = None


class Organisation(Strict):
    id: Slug
    name: PlainText = Field(description="The current full name.")
    acronyms: list[PlainText] = Field(default_factory=list, description="Short forms, e.g. SPS.")
    aliases: list[PlainText] = Field(
        default_factory=list, description="Other spellings seen in plans, for matching lead cells."
    )
    former_names: list[FormerName] = Field(default_factory=list)
    former_ids: list[Slug] = Field(
        default_factory=list, description="Ids this organisation had before."
    )
    kind: OrganisationKind
    parent: Slug | None = Field(None, description="Id of the body this one belongs to.")
    valid_from: When | None = None
    valid_to: When | None = None
    website: Url | None = None
    identifiers: Identifiers | None = None
    summary: PlainText | None = Field(None, description="One or two sentences, in plain words.")
    contact: ContactPoint | None = None
    fictional: Flag = Field(False, description="true for made-up example organisations.")


class OrganisationsFile(Strict):
    organisations: list[Organisation] = Field(max_length=5000)


class PartnerGroup(Strict):
    """A set of partners named as one, e.g. 'All Partners' or 'Statutory Partners'."""

    id: Slug
    name: PlainText
    summary: PlainText | None = None
    members: list[Slug] = Field(
        default_factory=list, description="Organisation ids, where the group is a fixed list."
    )


class PartnerGroupsFile(Strict):
    groups: list[PartnerGroup] = Field(max_length=500)


class Citation(Strict):
    """The publication a framework comes from."""

    title: PlainText
    url: Url | None = None
    published: When | None = None
    note: PlainText | None = None


class FrameworkItem(Strict):
    id: Slug
    number: PlainText | None = Field(None, description="The number the framework prints, if any.")
    title: PlainText
    category: PlainText | None = Field(
        None, description="A grouping within the framework, e.g. 'structural' or 'person-centric'."
    )
    summary: PlainText | None = Field(None, description="What it means, in plain words.")
    aliases: list[PlainText] = Field(default_factory=list, description="Other wordings plans use.")
    serves: list[FrameworkRef] = Field(
        default_factory=list,
        description="Items of other frameworks it serves, e.g. the priority action an outcome "
        "delivers, as 'framework:item'.",
    )
    indicators: list[PlainText] = Field(
        default_factory=list, description="The national indicators that measure it, as printed."
    )
    source: Source | None = Field(None, description="Where in the publication it is printed.")


class Framework(Strict):
    """A versioned set of outcomes, priorities, aims or pathways that plans link to: national
    ones in ``data/frameworks.yaml``, a partnership's or its council's own in its folder."""

    id: Slug
    name: PlainText
    version: PlainText = Field(description="Which edition, e.g. '2016'.")
    publisher: Slug | None = Field(None, description="Organisation id of the publisher.")
    published: When | None = None
    kind: Literal["outcomes", "priorities", "aims", "pathways", "principles", "other"]
    outcome_pages: Flag = Field(
        False, description="true when each item gets an outcome page on sites whose plans use it."
    )
    summary: PlainText | None = None
    valid_from: When | None = Field(None, description="When partnerships began to use it.")
    valid_to: When | None = Field(
        None, description="When it was replaced: plans of later periods should not link to it."
    )
    source: Citation | None = Field(None, description="The publication it comes from.")
    items: list[FrameworkItem] = Field(min_length=1, max_length=500)


class FrameworksFile(Strict):
    frameworks: list[Framework] = Field(max_length=200)


class GlossaryTerm(Strict):
    term: PlainText = Field(description="The acronym or word as written, e.g. 'CJSW'.")
    expansions: list[PlainText] = Field(
        default_factory=list, description="What it stands for; more than one if plans differ."
    )
    do_not_expand: Flag = Field(
        False, description="true for names that are not abbreviations (e.g. 'Sacro')."
    )
    definition: PlainText | None = Field(None, description="What it means, in plain words.")
    stated_in_source: Flag = Field(
        True, description="false when the expansion was inferred, not printed in the plan."
    )
    valid_from: When | None = Field(
        None, description="When the term came into use; plans of earlier periods do not show it."
    )
    valid_to: When | None = Field(
        None, description="When it went out of use; plans of later periods do not show it."
    )


class GlossaryFile(Strict):
    terms: list[GlossaryTerm] = Field(max_length=5000)


class Category(Strict):
    id: Slug
    name: PlainText
    summary: PlainText | None = None


class TaxonomyFile(Strict):
    """Who services are for, and what kind of help they give: the directory's filters."""

    audiences: list[Category] = Field(min_length=1, max_length=500)
    help: list[Category] = Field(min_length=1, max_length=500)


class CouncilArea(Strict):
    """One of the council areas the national site lists, whether or not a plan is published."""

    id: Slug
    name: PlainText = Field(description="The council area's official name.")
    council: PlainText = Field(description="The council's name.")
    website: Url | None = Field(None, description="The council's website, where it is recorded.")


class CouncilAreasFile(Strict):
    """Every council area: the national site has a page for each, with the partnership that
    covers it or a plain note that no plan of it is published there."""

    areas: list[CouncilArea] = Field(min_length=1, max_length=100)


# Where "Leave this site" goes unless site.yaml says otherwise (GOV.UK's choice too).
NEUTRAL_EXIT_URL = "https://www.bbc.co.uk/weather"


class Licence(Strict):
    name: PlainText
    url: Url | None = None


class SiteFile(Strict):
    """Settings for the whole installation."""

    name: PlainText = Field(description="Name of the national index site.")
    base_url: Url | None = Field(
        None, description="Where the national index is published; makes feed links absolute."
    )
    summary: RichText | None = None
    licence: Licence | None = None
    updated: Day | None = None
    exit_url: Url = Field(
        NEUTRAL_EXIT_URL,
        description="A neutral site that 'Leave this site' goes to.",
    )
