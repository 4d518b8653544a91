"""An action's own page, and every action in one list with ways to narrow it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from plansite.i18n import gettext
from plansite.index.context import SiteIndex, shorten
from plansite.model.addresses import url_for
from plansite.model.plan import Action, Column, Update
from plansite.model.service import Service
from plansite.pages.parts import (
    ActionTable,
    FrameworkGroup,
    History,
    Link,
    Page,
    Progress,
    action_table,
    framework_groups,
    history,
    partner_links,
    progress,
    words,
)
from plansite.pages.spec import PageSpec, index, item
from plansite.pages.words import ACTION_STATUS_PAGES


@dataclass(frozen=True)
class ActionPage(Page):
    action: Action
    name: str  # "Action 4"
    parent: Link | None  # the item it sits under
    parent_short: str  # that item's short name, for the breadcrumbs
    leads: list[Link]
    partners: list[Link]
    columns: list[Column]  # the plan's further columns
    with_completion: bool  # the plan says how it will know an action is done, for some
    status: str | None
    reported: Update | None  # the latest report that gives its status
    overdue: bool
    frameworks: list[FrameworkGroup]
    services: list[Service]
    history: History


@dataclass(frozen=True)
class ActionsPage(Page):
    progress: Progress
    leads: list[tuple[Link, int]]  # each lead, with how many actions it leads
    actions: ActionTable


@dataclass(frozen=True)
class ActionsFilterPage(Page):
    total: int
    today: date  # the day "overdue" is judged on
    actions: ActionTable


def pages(site: SiteIndex) -> list[PageSpec]:
    if not site.plan:
        return []
    plural = site.level_name(site.action_level, plural=True)
    out = [item("action", a.id, _title(site, a)) for a in site.actions.values()]
    every_one = gettext("All %(actions)s") % {"actions": plural.lower()}
    out.append(index("actions", every_one, every_one))
    out += [PageSpec("actions-filter", status, url_for("actions-status", status),
                     f"{plural}: {gettext(words).lower()}")
            for status, words in ACTION_STATUS_PAGES.items()
            if site.actions_with_status(status)]  # fmt: skip
    if site.overdue():
        out.append(PageSpec("actions-filter", "overdue", url_for("actions-overdue"),
                            f"{plural}: overdue"))  # fmt: skip
    return out


def _title(site: SiteIndex, action: Action) -> str:
    """The action's name and, where the name is only its number, the start of its words."""
    name = site.action_name(action)
    if not action.number:
        return name
    return f"{name}: {shorten(action.summary or action.text, 90)}"


def action(site: SiteIndex, spec: PageSpec) -> ActionPage:
    a = site.actions[spec.key]
    parent = site.nodes[a.under] if a.under else None
    return ActionPage(
        site.partnership,
        words(site),
        action=a,
        name=site.action_name(a),
        parent=Link(site.node_url(parent), site.node_name(parent)) if parent else None,
        parent_short=site.node_short(parent) if parent else "",
        leads=partner_links(site, a.leads),
        partners=partner_links(site, a.partners),
        columns=site.plan.plan.columns if site.plan else [],
        with_completion=any(x.completion for x in site.actions.values()),
        status=site.status_of(a),
        reported=site.status_update(a),
        overdue=site.is_overdue(a),
        frameworks=framework_groups(site, a.frameworks),
        services=site.services_named(a.services),
        history=history(site, "action", a.id),
    )


def actions(site: SiteIndex, spec: PageSpec) -> ActionsPage:
    every = list(site.actions.values())
    plural = site.level_name(site.action_level, plural=True)
    return ActionsPage(
        site.partnership,
        words(site),
        progress=progress(site),
        leads=[
            (Link(url_for("partner", pid), site.partners[pid].name), len(acts))
            for pid, acts in site.leads.items()
        ],
        actions=action_table(site, every, gettext("All %(actions)s") % {"actions": plural.lower()}),
    )


def actions_filter(site: SiteIndex, spec: PageSpec) -> ActionsFilterPage:
    chosen = site.overdue() if spec.key == "overdue" else site.actions_with_status(spec.key)
    return ActionsFilterPage(
        site.partnership,
        words(site),
        total=len(site.actions),
        today=site.today,
        actions=action_table(site, chosen, spec.title),
    )
