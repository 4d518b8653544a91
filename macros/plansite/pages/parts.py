"""Views that several kinds of page share, built from the index so templates need nothing else.

A component in ``_components.html`` takes one of these (an action table, the frameworks an
item works towards, an item's history) and nothing from the site: the page that shows it and
a macro in a hand-written page build it the same way, here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from plansite.history.log import Change
from plansite.i18n import gettext
from plansite.index.context import SiteIndex
from plansite.load.dataset import PlanData
from plansite.model.addresses import url_for
from plansite.model.partnership import Partnership
from plansite.model.plan import (
    Action,
    Column,
    Figure,
    Indicator,
    Node,
    PlanFile,
    Update,
    says_the_same,
)
from plansite.model.registry import Framework, FrameworkItem
from plansite.pages.words import ACTION_STATUS_PAGES


@dataclass(frozen=True)
class Words:
    """The plan's own names for things, or plansite's where it has none."""

    outcomes: str  # what the outcomes index lists: "Aims", "Outcomes"
    action: str  # one action: "Action", "Commitment"
    actions: str  # several: "Actions", "Commitments"
    text: str  # the headings of an action's known columns
    leads: str
    partners: str
    timescale: str
    completion: str
    status: str


def words(site: SiteIndex, plan: PlanData | None = None) -> Words:
    """The words of the presented plan (or of ``plan``, an earlier one)."""
    shown = plan or site.plan
    levels = shown.plan.levels if shown else []
    return Words(
        outcomes=site.outcomes_title,
        action=levels[-1].name if levels else "action",
        actions=levels[-1].plural if levels else "action",
        **{
            c: site.label(c, plan)
            for c in ("text", "leads", "partners", "timescale", "completion", "status")
        },
    )


@dataclass(frozen=True)
class Link:
    url: str  # from the site root
    text: str


def node_link(site: SiteIndex, node: Node) -> Link:
    return Link(site.node_url(node), site.node_name(node))


def successor(site: SiteIndex, plan: PlanFile) -> Link | None:
    """The plan of this site that replaced ``plan``, where it is one of the site's plans."""
    newer = plan.superseded_by
    if newer and newer.plan and newer.plan in site.pd.plans:
        return Link(site.plan_url(newer.plan), site.pd.plans[newer.plan].plan.title)
    return None


def partner_links(site: SiteIndex, ids: list[str]) -> list[Link]:
    return [Link(url_for("partner", i), site.partners[i].name) for i in ids]


@dataclass(frozen=True)
class FrameworkEntry:
    item: FrameworkItem
    url: str | None  # its outcome page on this site, where it has one


@dataclass(frozen=True)
class FrameworkGroup:
    framework: Framework
    entries: list[FrameworkEntry]


def framework_groups(site: SiteIndex, refs: list[str]) -> list[FrameworkGroup]:
    """What an item works towards, grouped by framework in the order it was written."""
    out = []
    for fw, items in site.frameworks_of(refs):
        entries = []
        order = {i.id: n for n, i in enumerate(fw.items)}  # as the framework numbers them
        for item in sorted(items, key=lambda i: order.get(i.id, 0)):
            nat = site.national.get(f"{fw.id}:{item.id}")
            entries.append(FrameworkEntry(item, nat.url if nat else None))
        out.append(FrameworkGroup(fw, entries))
    return out


@dataclass(frozen=True)
class IndicatorPart:
    """An indicator as every page shows it: with the framework items it reports on and the
    plan's items it is under, other than the page's own."""

    indicator: Indicator
    frameworks: list[FrameworkGroup]
    under: list[Link]


def indicator_parts(
    site: SiteIndex, indicators: list[Indicator], here: str | None = None
) -> list[IndicatorPart]:
    return [
        IndicatorPart(
            _figures_known(site, ind),
            framework_groups(site, ind.frameworks),
            [node_link(site, site.nodes[n]) for n in ind.under if n != here and n in site.nodes],
        )
        for ind in indicators
    ]


def _figures_known(site: SiteIndex, ind: Indicator) -> Indicator:
    """The indicator with only the figures for periods ended by ``site.as_at``, if set."""
    if site.as_at is None:
        return ind
    day, years = site.as_at, site.plan.plan.years if site.plan else {}

    def known(f: Figure) -> bool:
        period = f.period.resolved(years) or f.period if f.period else None
        return period is not None and period.last is not None and period.last <= day

    measures = [m.model_copy(update={"figures": [f for f in m.figures if known(f)]})
                for m in ind.measures]  # fmt: skip
    return ind.model_copy(update={"measures": measures})


@dataclass(frozen=True)
class ActionRow:
    action: Action
    lead_names: list[str]
    partner_names: list[str]
    framework_items: list[list[FrameworkItem]]  # one list per framework column of the table
    status: str | None  # by its latest report
    reported: Update | None  # that report: when, and in the plan's own words
    overdue: bool


@dataclass(frozen=True)
class ActionTable:
    """Actions as a table: a plan's further columns and its frameworks when ``full``."""

    caption: str
    words: Words
    rows: list[ActionRow]
    columns: list[Column] = field(default_factory=list)
    frameworks: list[Framework] = field(default_factory=list)
    with_partners: bool = False
    with_completion: bool = False


def action_table(
    site: SiteIndex, actions: list[Action], caption: str, full: bool = False
) -> ActionTable:
    columns = site.plan.plan.columns if full and site.plan else []
    refs = [r for a in actions for r in a.frameworks]
    fws = [fw for fw, _ in site.frameworks_of(refs)] if full else []
    rows = [
        ActionRow(
            action=a,
            lead_names=[site.partners[i].name for i in a.leads],
            partner_names=[site.partners[i].name for i in a.partners],
            framework_items=[site.items_in(a.frameworks, fw.id) for fw in fws],
            status=site.status_of(a),
            reported=site.status_update(a),
            overdue=site.is_overdue(a),
        )
        for a in actions
    ]
    return ActionTable(
        caption,
        words(site),
        rows,
        list(columns),
        fws,
        with_partners=full and any(a.partners for a in actions),
        with_completion=full and any(a.completion for a in actions),
    )


@dataclass(frozen=True)
class History:
    """When an item was first published and last changed, and its changes."""

    published: date | None
    updated: date | None
    changes: list[Change]


def history(site: SiteIndex, kind: str, ident: str) -> History:
    return History(
        site.published_on(kind, ident), site.updated_on(kind, ident), site.changes_for(kind, ident)
    )


@dataclass(frozen=True)
class Count:
    key: str  # a status, as in ACTION_STATUS_PAGES
    words: str
    count: int
    plan_words: list[str] = field(default_factory=list)  # the plan's own words for it, if any


@dataclass(frozen=True)
class Progress:
    """How the plan's actions stand: how many by their latest report, and overdue."""

    total: int
    show_overdue: bool  # the plan is in force, so "overdue" means something
    overdue: int
    statuses: list[Count]  # each status some action has, in plansite's order
    as_at: date | None  # counted as the site stood that day (an annual report's year end)


def progress(site: SiteIndex) -> Progress:
    return Progress(
        as_at=site.as_at,
        total=len(site.actions),
        show_overdue=site.standing in ("current", "draft"),
        overdue=len(site.overdue()),
        statuses=[
            Count(key, gettext(text), len(chosen), _plan_words(site, chosen, text))
            for key, text in ACTION_STATUS_PAGES.items()
            if (chosen := site.actions_with_status(key))
        ],
    )


def _plan_words(site: SiteIndex, actions: list[Action], ours: str) -> list[str]:
    """The words the latest reports of ``actions`` use for their status, where they say it
    otherwise than plansite (``ours``), each once, in the order of the actions."""
    said = [u.status_raw for a in actions if (u := site.status_update(a)) and u.status_raw]
    return [w for w in dict.fromkeys(said) if not says_the_same(w, ours)]


@dataclass(frozen=True)
class Page:
    """What every page of a partnership's site may show besides its own subject."""

    partnership: Partnership
    words: Words
