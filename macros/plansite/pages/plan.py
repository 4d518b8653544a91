"""The plan page: the whole presented plan, its items as a tree with their actions."""

from __future__ import annotations

from dataclasses import dataclass

from plansite.i18n import gettext
from plansite.index.context import SiteIndex
from plansite.model.addresses import url_for
from plansite.model.plan import Node, PlanFile
from plansite.model.registry import Framework
from plansite.pages import easyread
from plansite.pages.parts import (
    ActionTable,
    FrameworkGroup,
    IndicatorPart,
    Link,
    Page,
    action_table,
    framework_groups,
    indicator_parts,
    successor,
    words,
)
from plansite.pages.spec import PageSpec


@dataclass(frozen=True)
class PlanItem:
    """An item of the plan with everything the plan page shows under it."""

    node: Node
    name: str  # "Aim 2: …"
    outcome: bool  # an item of an outcome level: it has a page of its own
    more: str  # the link text to that page
    frameworks: list[FrameworkGroup]
    children: list[PlanItem]
    actions: ActionTable | None


@dataclass(frozen=True)
class PlanPage(Page):
    plan: PlanFile
    items: list[PlanItem]  # the top of the tree
    actions: ActionTable | None  # a plan with one level: all its actions in one table
    indicators: list[IndicatorPart]  # of the whole plan, or under items without a page
    answers_to: list[Framework]  # the national frameworks whose outcomes it answers
    newer_link: Link | None  # the plan of this site that replaced it
    easy_read: str | None  # the plan's Easy Read page, if it has one


def pages(site: SiteIndex) -> list[PageSpec]:
    if not site.plan:
        return []
    plan = site.plan.plan
    return [PageSpec("plan", plan.id, url_for("plan"), plan.title, gettext("The plan"))]


def _items(site: SiteIndex, parent: str | None) -> list[PlanItem]:
    out = []
    for n in site.children.get(parent, []):
        level = site.level_name(n.level)
        acts = site.actions_under.get(n.id, [])
        # The item's full name, so two tables under alike items have different captions.
        name = site.node_name(n)
        under = {"actions": site.level_name(site.action_level, plural=True),
                 "name": f"{name[:1].lower()}{name[1:]}"}  # fmt: skip
        caption = gettext("%(actions)s under %(name)s") % under
        out.append(
            PlanItem(
                node=n,
                name=name,
                outcome=n.level in site.outcome_levels,
                more=gettext("More about %(level)s %(name)s")
                % {"level": level.lower(), "name": n.number if n.number else f"“{n.title}”"},
                frameworks=framework_groups(site, n.frameworks),
                children=_items(site, n.id),
                actions=action_table(site, acts, caption, full=True) if acts else None,
            )
        )
    return out


def context(site: SiteIndex, spec: PageSpec) -> PlanPage:
    assert site.plan is not None
    plan = site.plan.plan
    single = len(plan.levels) == 1
    return PlanPage(
        site.partnership,
        words(site),
        plan=plan,
        items=_items(site, None),
        actions=action_table(site, list(site.actions.values()), plan.levels[-1].plural, full=True)
        if single
        else None,
        indicators=indicator_parts(site, site.plan_indicators),
        answers_to=[site.data.frameworks[f] for f in plan.answers_to if f in site.data.frameworks],
        newer_link=successor(site, plan),
        easy_read=url_for("easy-read") if easyread.published(site) else None,
    )
