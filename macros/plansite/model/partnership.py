"""A partnership: who it is, how to reach it, where it works and who its partners are."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from plansite.model.common import (
    ContactPoint,
    Count,
    Day,
    Email,
    Flag,
    Number,
    Person,
    Phone,
    PlainText,
    RichText,
    Slug,
    Strict,
    Url,
    When,
)
from plansite.model.translation import LanguageCode

MembershipRole = Literal[
    "chair",
    "statutory-partner",
    "core-member",
    "member",
    "representative",
    "invited",
    "observer",
    "other",
]


class Membership(Strict):
    """An organisation's place in the partnership, with when it began or ended."""

    organisation: Slug
    role: MembershipRole
    role_raw: PlainText | None = Field(None, description="The role as the plan describes it.")
    represented_by: PlainText | None = Field(
        None, description="Which part of the organisation takes part, if the plan says."
    )
    since: When | None = None
    until: When | None = None
    note: PlainText | None = None


class AlternativeFormats(Strict):
    """How to get the plan in another format or language."""

    offered: Flag
    statement: PlainText | None = Field(None, description="The offer in the partnership's words.")
    formats: list[PlainText] = Field(default_factory=list, description="e.g. large print, Braille.")
    languages: list[PlainText] = Field(default_factory=list)
    phone: Phone | None = None
    email: Email | None = None


class Locality(Strict):
    id: Slug
    name: PlainText
    summary: PlainText | None = None
    places: list[PlainText] = Field(default_factory=list, description="Towns and areas within it.")


class Branding(Strict):
    logo: str | None = Field(
        None,
        pattern=r"^[A-Za-z0-9_.-]{1,100}$",
        description="File name of a PNG or JPEG logo in the partnership's folder.",
    )
    colour: str | None = Field(
        None, pattern=r"^#[0-9a-fA-F]{6}$", description="Brand colour as #rrggbb."
    )


class AccessibilityInfo(Strict):
    """What the accessibility statement needs that only the partnership can say."""

    prepared: Day | None = Field(None, description="When the statement was first prepared.")
    reviewed: Day | None = Field(None, description="When it was last reviewed.")
    tested: Day | None = Field(None, description="When the website was last tested by people.")
    tested_by: PlainText | None = Field(None, description="Who carried out that test.")
    limitations: list[PlainText] = Field(
        default_factory=list, description="Parts of the site known not to be fully accessible."
    )
    contact: ContactPoint | None = Field(
        None, description="Where to report a problem or ask for another format."
    )
    reply_within_days: Count | None = Field(
        None, description="How soon you will reply, in working days."
    )


class CheckLimits(Strict):
    """Where the partnership draws the line for two of check's warnings."""

    old_after_months: Count = Field(
        12,
        ge=1,
        description="How many months after its 'checked:' day the details of a service or "
        "contact count as old: check warns about each one older than this.",
    )
    reading_grade: Number | None = Field(
        None,
        ge=0,
        description="The hardest reading grade (Flesch-Kincaid) a plain-words summary or Easy "
        "Read point may have: check warns about each one above it. None: no warnings.",
    )


class Successor(Strict):
    """The body that took on a partnership's work when it ended."""

    name: PlainText
    url: Url | None = None


class Partnership(Strict):
    id: Slug
    name: PlainText = Field(description="The partnership's full name.")
    body: PlainText = Field(
        "partnership",
        description="What the body that published the plan was, in one word as its pages "
        "speak of it: 'partnership', or 'authority' for a Community Justice Authority.",
    )
    short_name: PlainText | None = None
    languages: list[LanguageCode] = Field(
        default_factory=list,
        max_length=20,
        description="The languages the website is also published in, besides English, as "
        "short codes: gd for Scottish Gaelic. Each has its pages under /<code>/, the "
        "product's own words from its catalogue, and the data's words from "
        "translations/<code>.yaml where they are translated.",
    )
    aliases: list[PlainText] = Field(default_factory=list)
    area: PlainText = Field(description="The council area it serves.")
    local_authority: Slug | None = Field(None, description="Organisation id of the council.")
    council_areas: list[Slug] = Field(
        default_factory=list,
        max_length=32,
        description="Ids of the council areas it covers, from council-areas.yaml.",
    )
    community_planning_partnership: PlainText | None = Field(
        None, description="Name of the community planning partnership, if different."
    )
    summary: RichText | None = Field(None, description="What the partnership does, in plain words.")
    website: Url | None = None
    site_url: Url | None = Field(
        None, description="Where this plansite website is published; makes feed links absolute."
    )
    chair: Person | None = None
    contacts: list[ContactPoint] = Field(default_factory=list)
    alternative_formats: AlternativeFormats | None = None
    accessibility: AccessibilityInfo | None = None
    localities: list[Locality] = Field(default_factory=list)
    memberships: list[Membership] = Field(default_factory=list, max_length=1000)
    current_plan: Slug | None = Field(None, description="Id of the plan the home page presents.")
    valid_from: When | None = Field(None, description="When the partnership or body was set up.")
    valid_to: When | None = Field(
        None, description="When it was abolished or replaced; its site is then an archive."
    )
    succeeded_by: Successor | None = Field(None, description="Who took on its work, if it ended.")
    branding: Branding | None = None
    checks: CheckLimits = Field(
        default_factory=CheckLimits,
        description="Limits for check's warnings about old details and hard reading.",
    )
    licence: PlainText | None = Field(None, description="Licence for the published data.")
    fictional: Flag = Field(False, description="true for a made-up example partnership.")
    notes: list[PlainText] = Field(
        default_factory=list, description="Gaps and corrections in the source, said honestly."
    )
