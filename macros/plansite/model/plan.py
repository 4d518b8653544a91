"""A plan and everything in it: its declared hierarchy, actions, indicators, participation
records, context statistics and narrative.

The hierarchy is data, not code: each plan names its own levels ("Priority > Outcome >
Action", "Local outcome > Action", "Section > Aim > Objective"). The last level is the one
whose items are actions (kept in ``actions.yaml``); the levels above are nodes.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from plansite.model.common import (
    INTERNAL,
    Count,
    Flag,
    FrameworkRef,
    Number,
    Period,
    Person,
    PlainText,
    RichText,
    Slug,
    Source,
    Strict,
    Timescale,
    Url,
    When,
)
from plansite.model.easyread import EasyReadPoint, easy_read_field

PlanKind = Literal["outcome-improvement-plan", "area-plan", "action-plan", "annual-report"]
PlanStatus = Literal[
    "draft",
    "consultation",
    "submitted",
    "recommended",
    "approved",
    "published",
    "superseded",
    "archived",
]
ActionStatus = Literal[
    "planned", "not-started", "in-progress", "ongoing", "delayed", "complete", "withdrawn"
]


class Level(Strict):
    """One level of a plan's hierarchy, named as the plan names it."""

    id: Slug
    name: PlainText = Field(description="Singular label, e.g. 'Priority' or 'Local outcome'.")
    plural: PlainText = Field(description="Plural label, e.g. 'Priorities'.")
    outcome: Flag = Field(
        False, description="true when items at this level are outcomes (each gets an outcome page)."
    )


class Column(Strict):
    """A column the plan prints for every action beyond the ones plansite knows, such as
    'What is to be done' or 'Resources'. Each action's cell is kept as printed."""

    id: Slug
    label: PlainText = Field(description="The column heading exactly as the plan prints it.")
    summary: PlainText | None = Field(None, description="What the column holds, in plain words.")


class ActionLabels(Strict):
    """The plan's own headings for the columns plansite knows, used on every page, table and
    download instead of plansite's words."""

    text: PlainText | None = Field(
        None,
        description="Heading of the action's wording, e.g. 'Objective' "
        "(default: 'What the plan says').",
    )
    leads: PlainText | None = Field(None, description="e.g. 'Who' (default: 'Lead').")
    partners: PlainText | None = Field(
        None, description="e.g. 'Partners' (default: 'Supported by')."
    )
    timescale: PlainText | None = Field(None, description="e.g. 'When' (default: 'Timescale').")
    completion: PlainText | None = Field(
        None,
        description="e.g. 'How progress is measured' (default: 'How we will know it is done').",
    )
    status: PlainText | None = Field(None, description="e.g. 'RAG status' (default: 'Status').")


class StatusChange(Strict):
    status: PlanStatus
    date: When
    note: PlainText | None = None


class NewerPlan(Strict):
    """The plan that replaced this one: a plan in the same folder, or one named by title."""

    plan: Slug | None = Field(None, description="Id of the newer plan, when it is in the data.")
    title: PlainText | None = Field(None, description="Its title, when it is not in the data.")
    url: Url | None = Field(None, description="Where it is published, when it is not in the data.")


class SourceDocument(Strict):
    title: PlainText
    url: Url | None = None
    published: When | None = None
    note: PlainText | None = None


class Section(Strict):
    """Narrative from the plan (foreword, vision, context), summarised in our own words."""

    id: Slug
    title: PlainText
    body: RichText
    signed_by: Person | None = None


class Node(Strict):
    """An item in the plan's hierarchy above the actions: a priority, outcome, aim …"""

    id: Slug
    level: Slug = Field(description="Id of one of the plan's levels.")
    parent: Slug | None = Field(None, description="Id of the node this one sits under.")
    number: PlainText | None = Field(
        None, description="The plan's own numbering, e.g. '3' or '2.1'."
    )
    title: PlainText = Field(description="The title as the plan words it.")
    aliases: list[PlainText] = Field(
        default_factory=list, description="Other wordings the plan uses for the same item."
    )
    summary: PlainText | None = Field(None, description="What it means, in plain words.")
    easy_read: list[EasyReadPoint] = easy_read_field()
    frameworks: list[FrameworkRef] = Field(
        default_factory=list, description="National framework items it serves, as 'framework:item'."
    )
    follows: list[Slug] = Field(
        default_factory=list,
        description="Ids of items of the partnership's earlier plans that this one carries "
        "forward, as the partnership maps its old outcomes to its new ones.",
    )
    former_ids: list[Slug] = Field(default_factory=list)
    source: Source | None = None


class OutcomeAnswer(Strict):
    """The plan's answer to one nationally determined outcome of a framework it answers to:
    whether the partnership made it a local priority and, if not, why."""

    outcome: FrameworkRef = Field(description="The national outcome, as 'framework:item'.")
    priority: Flag = Field(description="true when the partnership made it a local priority.")
    reason: PlainText | None = Field(
        None, description="Why it is not a local priority (needed when priority is false)."
    )


class PlanFile(Strict):
    id: Slug
    title: PlainText
    title_variants: list[PlainText] = Field(default_factory=list)
    kind: PlanKind
    period: Period
    years: dict[int, When] = Field(
        default_factory=dict,
        description="What 'year 1', 'year 2' … mean in this plan, e.g. {1: 2017/18}.",
    )
    status: list[StatusChange] = Field(
        min_length=1, description="Status history, oldest first; the last entry is current."
    )
    superseded_by: NewerPlan | None = Field(
        None, description="The plan that replaced this one, once it has been replaced."
    )
    summary: RichText | None = Field(None, description="What the plan is, in plain words.")
    easy_read: list[EasyReadPoint] = easy_read_field()
    source_document: SourceDocument | None = None
    answers_to: list[Slug] = Field(
        default_factory=list,
        description="Ids of the national frameworks whose outcomes the plan answers to, "
        "e.g. cj-performance-framework-2023: check asks for an answer to each outcome.",
    )
    national_outcomes: list[OutcomeAnswer] = Field(
        default_factory=list,
        max_length=500,
        description="For national outcomes of those frameworks: whether each is a local "
        "priority and, if not, why.",
    )
    levels: list[Level] = Field(min_length=1, max_length=8)
    nodes: list[Node] = Field(default_factory=list, max_length=2000)
    sections: list[Section] = Field(default_factory=list, max_length=100)
    notes: list[PlainText] = Field(
        default_factory=list,
        description="Gaps and corrections in the source, said honestly: shown on the plan page.",
    )
    internal_notes: list[PlainText] = Field(
        default_factory=list,
        description="Notes for the people who keep the data: never published.",
        json_schema_extra=INTERNAL,
    )
    labels: ActionLabels | None = Field(
        None, description="The plan's own headings for an action's wording, lead, timescale …"
    )
    columns: list[Column] = Field(
        default_factory=list,
        max_length=20,
        description="Further columns the plan prints for each action, in the plan's order.",
    )


class Update(Strict):
    """A dated progress report on an action; its status is the status from that date on."""

    date: When
    status: ActionStatus | None = None
    status_raw: PlainText | None = Field(
        None,
        description="The status in the plan's own words, e.g. 'Amber' or 'Some slippage'; "
        "status says what it means (needed with it).",
    )
    note: PlainText | None = None
    not_public: list[Literal["note"]] | None = Field(
        None, description="[note] keeps the note in the data folder: it is never published."
    )

    @model_validator(mode="after")
    def _raw_has_meaning(self) -> Update:
        if self.status_raw and not self.status:
            raise PydanticCustomError(
                "field-missing",
                f"status_raw {self.status_raw!r} needs a status beside it, the one of "
                "plansite's statuses it means, such as 'status: delayed'",
            )
        return self


def status_in_words(status: str, raw: str | None) -> str:
    """A status as a report gives it: the plan's own words, with plansite's meaning beside
    them where the two say different things ('Amber (delayed)'), else plansite's ('delayed')."""
    ours = status.replace("-", " ")
    if not raw:
        return ours
    return raw if says_the_same(raw, ours) else f"{raw} ({ours})"


def says_the_same(a: str, b: str) -> bool:
    """'Not started', 'not-started' and 'NOT STARTED' say the same."""
    return a.replace("-", " ").casefold().split() == b.replace("-", " ").casefold().split()


class Action(Strict):
    id: Slug
    number: PlainText | None = Field(None, description="The plan's own numbering.")
    under: Slug | None = Field(None, description="Id of the node this action belongs to.")
    text: PlainText = Field(description="The action in the plan's own words.")
    summary: PlainText | None = Field(None, description="The same in plain words, if needed.")
    easy_read: list[EasyReadPoint] = easy_read_field()
    leads: list[Slug] = Field(
        default_factory=list, description="Ids of the organisations or partner groups that lead it."
    )
    leads_raw: PlainText | None = Field(None, description="The lead cell exactly as printed.")
    partners: list[Slug] = Field(default_factory=list, description="Supporting partners.")
    timescale: Timescale | None = None
    completion: PlainText | None = Field(
        None, description="How the partnership will know the action is done."
    )
    updates: list[Update] = Field(default_factory=list, description="Progress, oldest first.")
    columns: dict[Slug, PlainText] = Field(
        default_factory=dict,
        description="This action's cells in the plan's further columns, by column id, as printed.",
    )
    frameworks: list[FrameworkRef] = Field(
        default_factory=list,
        description="National outcomes or local aims it serves, as 'framework:item'.",
    )
    services: list[Slug] = Field(default_factory=list, description="Services this action concerns.")
    former_ids: list[Slug] = Field(default_factory=list)
    source: Source | None = None


class ActionsFile(Strict):
    actions: list[Action] = Field(max_length=5000)


class Figure(Strict):
    """One value of a measure: a baseline, a target or an observation."""

    value: Number | None = None
    raw: PlainText | None = Field(None, description="The figure as the source wrote it.")
    unit: PlainText | None = None
    period: When | None = None
    period_raw: PlainText | None = None
    source: PlainText | None = None
    note: PlainText | None = None


class Measure(Strict):
    id: Slug
    text: PlainText = Field(description="The reporting measure as the plan words it.")
    kind: (
        Literal["data-source", "standard", "evidence", "in-development", "count", "rate"] | None
    ) = None
    unit: PlainText | None = None
    direction: Literal["up", "down", "maintain"] | None = Field(
        None, description="Which way is better, if the plan says."
    )
    baseline: Figure | None = None
    target: Figure | None = None
    figures: list[Figure] = Field(default_factory=list, description="Observations, oldest first.")
    caveat: PlainText | None = None


class Indicator(Strict):
    id: Slug
    number: PlainText | None = None
    title: PlainText
    kind: PlainText | None = Field(
        None, description="The plan's indicator type, e.g. 'Quantitative'."
    )
    under: list[Slug] = Field(
        default_factory=list,
        description="Ids of the nodes it reports on; none for an indicator of the whole plan.",
    )
    frameworks: list[FrameworkRef] = Field(default_factory=list)
    measures: list[Measure] = Field(default_factory=list, max_length=200)
    former_ids: list[Slug] = Field(default_factory=list)
    source: Source | None = None


class IndicatorsFile(Strict):
    indicators: list[Indicator] = Field(max_length=2000)


EngagementKind = Literal[
    "event",
    "consultation",
    "survey",
    "focus-group",
    "meeting",
    "workshop",
    "briefing",
    "online-consultation",
    "forum",
    "other",
]


class Engagement(Strict):
    """Who was involved in making the plan, when, and what came of it."""

    id: Slug
    title: PlainText = Field(description="What happened, e.g. 'Consultation event'.")
    kind: EngagementKind
    when: Timescale | None = None
    stakeholders_raw: PlainText | None = Field(None, description="Who took part, as the plan says.")
    organisations: list[Slug] = Field(default_factory=list)
    participants: Count | None = Field(None, description="How many took part, if stated.")
    result: PlainText | None = Field(None, description="What came of it.")
    people: list[Person] = Field(default_factory=list)
    source: Source | None = None


class ParticipationFile(Strict):
    statement: RichText | None = Field(None, description="The participation statement, summarised.")
    records: list[Engagement] = Field(default_factory=list, max_length=2000)


class Comparator(Strict):
    label: PlainText
    value: Number | None = None
    raw: PlainText | None = None
    area: PlainText | None = None


class Statistic(Strict):
    """A fact about the area the plan uses for context."""

    id: Slug
    label: PlainText = Field(description="What is counted, in plain words.")
    value: Number | None = None
    raw: PlainText | None = Field(None, description="The figure exactly as written.")
    unit: PlainText | None = None
    period: When | None = None
    period_raw: PlainText | None = None
    area: PlainText | None = None
    comparator: Comparator | None = None
    finding: PlainText | None = Field(
        None, description="A finding in words, for qualitative facts."
    )
    source: PlainText | None = None


class StatisticsFile(Strict):
    statistics: list[Statistic] = Field(max_length=2000)
