"""Every plan of the partnership, and each earlier plan kept whole on a page of its own."""

from __future__ import annotations

from dataclasses import dataclass

from plansite.i18n import gettext
from plansite.index.context import SiteIndex
from plansite.load.dataset import PlanData
from plansite.model.addresses import url_for
from plansite.model.plan import Action, Node, Update
from plansite.pages.parts import (
    FrameworkGroup,
    IndicatorPart,
    Link,
    Page,
    Words,
    framework_groups,
    successor,
    words,
)
from plansite.pages.spec import PageSpec, index, item


@dataclass(frozen=True)
class PlansPage(Page):
    plans: list[tuple[Link, PlanData]]  # newest first


@dataclass(frozen=True)
class OrgThen:
    """An organisation as an earlier plan names it, and its name today if that differs."""

    name: str
    url: str | None  # its partner page, where it has one
    now: str | None


@dataclass(frozen=True)
class EarlierPlanPage(Page):
    earlier: PlanData
    plan_words: Words  # that plan's own headings, not the presented plan's
    newer_link: Link | None  # the plan of this site that replaced it
    under: dict[str | None, list[Node | Action]]  # its items under each parent
    orgs: dict[str, OrgThen]
    frameworks: dict[str, list[FrameworkGroup]]  # by item id
    reported: dict[str, Update]  # action id -> its latest report that gives its status
    carried_on: dict[str, list[Link]]  # its item id -> the current plan's items that follow it
    indicators: list[IndicatorPart]  # under that plan's own items, linked on this page


def pages(site: SiteIndex) -> list[PageSpec]:
    if not site.earlier:
        return []
    return [index("plans", gettext("All plans")),
            *(item("earlier-plan", e.plan.id, e.plan.title) for e in site.earlier)]  # fmt: skip


def plans(site: SiteIndex, spec: PageSpec) -> PlansPage:
    return PlansPage(
        site.partnership,
        words(site),
        plans=[
            (Link(site.plan_url(e.plan.id), e.plan.title), e) for e in site.plans_newest_first()
        ],
    )


def _org(site: SiteIndex, org_id: str, e: PlanData) -> OrgThen:
    then = site.name_then(org_id, e)
    today = site.data.organisations.get(org_id)
    return OrgThen(
        then,
        url_for("partner", org_id) if org_id in site.partners else None,
        today.name if today and today.name != then else None,
    )


def earlier_plan(site: SiteIndex, spec: PageSpec) -> EarlierPlanPage:
    e = site.pd.plans[spec.key]
    items: list[Node | Action] = [*e.plan.nodes, *e.actions]
    named = dict.fromkeys(i for a in e.actions for i in [*a.leads, *a.partners])
    return EarlierPlanPage(
        site.partnership,
        words(site),
        earlier=e,
        plan_words=words(site, e),
        newer_link=successor(site, e.plan),
        under=site.outline_of(e),
        orgs={i: _org(site, i, e) for i in named},
        frameworks={i.id: framework_groups(site, i.frameworks) for i in items},
        reported={a.id: u for a in e.actions if (u := site.status_update(a))},
        carried_on=_carried_on(site),
        indicators=_indicators(site, e, spec.url),
    )


def _indicators(site: SiteIndex, e: PlanData, here: str) -> list[IndicatorPart]:
    """That plan's indicators, with the items of that plan they report on."""
    nodes = {n.id: n for n in e.plan.nodes}
    names = {lv.id: lv.name for lv in e.plan.levels}

    def item_link(n: Node) -> Link:
        name = names.get(n.level, n.level) + (f" {n.number}" if n.number else "")
        return Link(f"{here}#{e.plan.id}-{n.id}", f"{name}: {n.title}")

    return [
        IndicatorPart(
            ind,
            framework_groups(site, ind.frameworks),
            [item_link(nodes[n]) for n in ind.under if n in nodes],
        )
        for ind in e.indicators
    ]


def _carried_on(site: SiteIndex) -> dict[str, list[Link]]:
    """Where the partnership says an earlier plan's item is carried on (``follows``); only
    items with a page of their own are linked."""
    out: dict[str, list[Link]] = {}
    for m in site.nodes.values():
        url = url_for("outcome", m.id) if m.level in site.outcome_levels else ""
        for old in m.follows:
            out.setdefault(old, []).append(Link(url, site.node_name(m)))
    return out
