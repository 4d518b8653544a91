"""A service, project or programme a resident could use, and how to reach it."""

from __future__ import annotations

from datetime import date
from typing import Literal, get_args

from pydantic import Field

from plansite.model.common import (
    ContactPoint,
    Count,
    Day,
    Flag,
    FrameworkRef,
    PlainText,
    RichText,
    Slug,
    Source,
    Strict,
    When,
)

ServiceKind = Literal[
    "service",
    "project",
    "programme",
    "group",
    "helpline",
    "facility",
    "initiative",
    "network",
    # Not help a resident can ask for or take part in: listed apart from the help, as what
    # they are.
    "publication",
    "policy",
    "protocol",
    "tool",
    "arrangement",
    "campaign",
    "consultation",
]
# What each kind means, in plain words: the guide and the field reference say this.
KIND_MEANINGS: dict[str, str] = {
    "service": "help that an organisation gives people",
    "project": "a piece of work, often for a set time or place, that people can use or join",
    "programme": "a course or set of sessions that people take part in",
    "group": "a group that people can join or go to",
    "helpline": "a phone line that people can call",
    "facility": "a place that people can go to, such as a centre or a hospital",
    "initiative": "other local work that people can use or take part in",
    "network": "a network that people or organisations can join",
    "publication": "something to read or watch: a report, a plan, a directory, a leaflet or "
    "a video",
    "policy": "a policy or a pledge that partners have signed up to",
    "protocol": "a written agreement between partners on how they work together",
    "tool": "a tool or a toolkit that staff use",
    "arrangement": "a way agencies work together, such as MAPPA or a joined-up approach; "
    "people may be helped through it, but cannot ask for it themselves",
    "campaign": "a campaign, an awareness week or another way of telling the public about "
    "something",
    "consultation": "a way people are asked for their views or involved in planning, such "
    "as a survey, a panel or a consultation website",
}
# The kinds above that are not help to ask for or take part in: things to read or use, and
# ways partners work, tell people things or ask their views. Every help list leaves them
# out; the services page lists them under headings of their own (SECTIONS).
NOT_HELP_KINDS = frozenset(
    {"publication", "policy", "protocol", "tool", "arrangement", "campaign", "consultation"}
)
HELP_KINDS = frozenset(get_args(ServiceKind)) - NOT_HELP_KINDS


def N_(message: str) -> str:  # noqa: N802 - the name the message catalogue looks for
    """Marks a reader's word for the message catalogue; pages translate it where they show
    it. (The model does not depend on plansite.i18n, whose marker this is.)"""
    return message


# The headings the things that are not help are listed under, in order, with their kinds.
SECTIONS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("ways-of-working", N_("How partners work together"), ("arrangement", "protocol", "policy")),
    ("have-your-say", N_("Ways to have your say"), ("consultation",)),
    ("campaigns", N_("Campaigns and awareness"), ("campaign",)),
    ("resources", N_("Publications and tools"), ("publication", "tool")),
)
# A kind's name for a reader, shown before the summary of something that is not help.
KIND_LABELS: dict[str, str] = {
    "publication": N_("Publication"),
    "policy": N_("Policy"),
    "protocol": N_("Agreement between partners"),
    "tool": N_("Tool"),
    "arrangement": N_("Way of working together"),
    "campaign": N_("Campaign"),
    "consultation": N_("Way to have your say"),
}
# The same, for more than one: "2 ways of working together".
KIND_PLURALS: dict[str, str] = {
    "publication": "publications",
    "policy": "policies",
    "protocol": "agreements between partners",
    "tool": "tools",
    "arrangement": "ways of working together",
    "campaign": "campaigns",
    "consultation": "ways to have your say",
}
ServiceStatus = Literal["planned", "pilot", "active", "paused", "closed", "unknown"]
# What each status means for the help lists. A closed service is no longer offered as help
# anywhere: it keeps its page, which says it has closed, and the services page lists it under
# "No longer running". A paused or planned one is still listed (people can ask when it will
# run again, or start), marked as paused or planned wherever it is listed.
MARKED_STATUSES = frozenset({"planned", "paused", "closed"})
FundingStatus = Literal[
    "funded", "time-limited", "to-be-confirmed", "bid-pending", "shortfall", "ended", "unknown"
]
Route = Literal[
    "self-referral",
    "family-or-friend",
    "court",
    "social-work",
    "police",
    "prison",
    "health",
    "education",
    "housing",
    "third-sector",
    "professional",
    "other",
]


class ServiceStatusChange(Strict):
    status: ServiceStatus
    date: When | None = None
    note: PlainText | None = None


class Funding(Strict):
    status: FundingStatus
    funders: list[Slug] = Field(default_factory=list, description="Organisation ids.")
    raw: PlainText | None = Field(None, description="What the plan says about funding.")
    until: When | None = None
    date: When | None = Field(None, description="When this funding position was reported.")


class Eligibility(Strict):
    min_age: Count | None = None
    max_age: Count | None = None
    conditions: list[PlainText] = Field(
        default_factory=list, description="Who can use it, in plain words."
    )


class Provider(Strict):
    organisation: Slug
    role: Literal["provider", "lead", "partner", "funder", "host"] = "provider"


class Service(Strict):
    id: Slug
    name: PlainText
    aliases: list[PlainText] = Field(default_factory=list)
    kind: ServiceKind = Field(
        description="What it is. Help people can ask for or take part in: service, project, "
        "programme, group, helpline, facility, initiative or network. Listed apart from the "
        "help, as what they are: publication, policy, protocol, tool, arrangement (a way "
        "agencies work together), campaign or consultation (a way people are asked their "
        "views)."
    )
    summary: PlainText = Field(description="What it offers, in plain words.")
    details: RichText | None = None
    audiences: list[Slug] = Field(default_factory=list, description="Taxonomy ids: who it is for.")
    help: list[Slug] = Field(default_factory=list, description="Taxonomy ids: kinds of help.")
    eligibility: Eligibility | None = None
    routes: list[Route] = Field(default_factory=list, description="How people get to it.")
    how_to_get_it: PlainText | None = Field(None, description="How to get it, in plain words.")
    localities: list[Slug] = Field(
        default_factory=list, description="Ids of the partnership's localities."
    )
    places: list[PlainText] = Field(default_factory=list, description="Named places where it runs.")
    area_wide: Flag = Field(
        False,
        description="true when it covers the whole area (or more) rather than named localities.",
    )
    providers: list[Provider] = Field(default_factory=list)
    contact: ContactPoint = Field(
        description="How to reach it; write 'not_stated: true' when the plan gives no details."
    )
    checked: Day | None = Field(
        None,
        description="The day the service's details were last checked, YYYY-MM-DD; its page "
        "shows the month, and check warns once it is older than the partnership allows.",
    )
    status: list[ServiceStatusChange] = Field(
        default_factory=list,
        description="Status history, oldest first; the last is its status now, and its page "
        "shows them all. A closed service is no longer listed as help.",
    )
    funding: list[Funding] = Field(default_factory=list)
    outcomes: list[Slug] = Field(
        default_factory=list,
        description="Plan node ids it contributes to: it is listed on their pages, and on "
        "the pages of the outcomes above them.",
    )
    frameworks: list[FrameworkRef] = Field(default_factory=list)
    former_ids: list[Slug] = Field(default_factory=list)
    source: Source | None = None

    def details_checked(self) -> date | None:
        """When its details were last checked as a whole: the older of the service's own
        day and its contact's, as the older part is what may be out of date."""
        days = [d for d in (self.checked, self.contact.checked) if d is not None]
        return min(days) if days else None

    @property
    def latest(self) -> ServiceStatusChange | None:
        """Its status now: the last of its status history, when it has one."""
        return self.status[-1] if self.status else None

    @property
    def closed(self) -> bool:
        """It has closed: its latest status says so."""
        return self.latest is not None and self.latest.status == "closed"

    @property
    def is_help(self) -> bool:
        """Help people can ask for or take part in, by its kind (open or closed)."""
        return self.kind not in NOT_HELP_KINDS

    @property
    def offered(self) -> bool:
        """Help that is listed as help: of a kind that is help, and not closed."""
        return self.is_help and not self.closed


class ServicesFile(Strict):
    services: list[Service] = Field(max_length=5000)
