"""The outcomes the plan works towards: its own, and the national ones it links to."""

from __future__ import annotations

from dataclasses import dataclass

from plansite.history.log import Change
from plansite.index.context import FRAMEWORK_ITEM_WORDS, NationalOutcome, SiteIndex
from plansite.model.plan import Indicator, Node
from plansite.model.registry import Framework, FrameworkItem
from plansite.model.service import Service
from plansite.pages import easyread
from plansite.pages.parts import (
    ActionTable,
    FrameworkGroup,
    History,
    IndicatorPart,
    Link,
    Page,
    action_table,
    framework_groups,
    history,
    indicator_parts,
    node_link,
    partner_links,
    words,
)
from plansite.pages.spec import PageSpec, index, item


@dataclass(frozen=True)
class Answer:
    """The plan's answer to one outcome of a national framework it answers to."""

    item: FrameworkItem
    url: str | None  # its outcome page on this site, where the plan links to it
    priority: bool | None  # None: the plan does not say
    reason: str | None
    local: list[Link]  # the plan's items that work towards it
    actions: int  # how many actions work towards it, directly or through an item
    indicators: list[Link]  # the plan's indicators that report on it


@dataclass(frozen=True)
class Answers:
    framework: Framework
    answers: list[Answer]


@dataclass(frozen=True)
class OutcomesPage(Page):
    local: list[Node]
    names: dict[str, str]  # node id -> "Aim 2: …"
    national: list[FrameworkGroup]  # the frameworks the plan's items and actions link to
    plan_indicators: list[Indicator]
    answers: list[Answers]  # for each framework the plan answers to, outcome by outcome


@dataclass(frozen=True)
class OutcomePage(Page):
    node: Node
    level: str  # the plan's name for its level: "Aim"
    parent: Link | None
    frameworks: list[FrameworkGroup]
    within: list[Link]  # the items below it, at any depth
    actions: ActionTable
    indicators: list[IndicatorPart]
    partners: list[Link]  # leading or supporting its actions
    services: list[Service]  # linked to it or to anything under it
    changes: list[Change]  # the latest, of it and of everything under it
    history: History
    easy_read: str | None  # where the Easy Read page tells of it, if it does


@dataclass(frozen=True)
class NationalOutcomePage(Page):
    outcome: NationalOutcome
    word: str  # what one item of its framework is called: "outcome", "priority"
    serves: list[FrameworkGroup]  # what it serves in other frameworks
    local: list[Link]  # the plan's items that work towards it
    actions: ActionTable
    indicators: list[Link]  # the plan's indicators that report on it


def pages(site: SiteIndex) -> list[PageSpec]:
    if not site.plan:
        return []
    return [
        index("outcomes", site.outcomes_title, site.outcomes_title),
        *(item("outcome", n.id, n.title) for n in site.outcome_nodes()),
        *(PageSpec("national-outcome", key, nat.url, nat.item.title)
          for key, nat in site.national.items()),
    ]  # fmt: skip


def outcomes(site: SiteIndex, spec: PageSpec) -> OutcomesPage:
    local = site.outcome_nodes()
    return OutcomesPage(
        site.partnership,
        words(site),
        local=local,
        names={n.id: site.node_name(n) for n in local},
        national=framework_groups(site, site.national_refs()),
        plan_indicators=site.plan_indicators,
        answers=answers(site),
    )


def answers(site: SiteIndex) -> list[Answers]:
    """What the plan says of each outcome of the frameworks it answers to (``answers_to``)."""
    if not site.plan:
        return []
    plan = site.plan.plan
    said = {a.outcome: a for a in plan.national_outcomes}
    out = []
    for fw_id in plan.answers_to:
        fw = site.data.frameworks.get(fw_id)
        if fw is None:
            continue
        rows = []
        for entry in fw.items:
            key = f"{fw.id}:{entry.id}"
            answer = said.get(key)
            nat = site.national.get(key)
            local = [node_link(site, n) for n in site.nodes_for_national.get(key, [])]
            actions = len(site.national_actions(key))
            # Work linked to the outcome answers it: a local priority, unless said otherwise.
            priority = answer.priority if answer else (True if local or actions else None)
            rows.append(
                Answer(
                    item=entry,
                    url=nat.url if nat else None,
                    priority=priority,
                    reason=answer.reason if answer else None,
                    local=local,
                    actions=actions,
                    indicators=indicator_links(site, site.indicators_for_national.get(key, [])),
                )
            )
        out.append(Answers(fw, rows))
    return out


def outcome(site: SiteIndex, spec: PageSpec) -> OutcomePage:
    n = site.nodes[spec.key]
    level = site.level_name(n.level)
    actions = site.actions_within(n.id)
    involved = list(dict.fromkeys(i for a in actions for i in [*a.leads, *a.partners]))
    caption = f"{site.level_name(site.action_level, plural=True)} for this {level.lower()}"
    return OutcomePage(
        site.partnership,
        words(site),
        node=n,
        level=level,
        parent=node_link(site, site.nodes[n.parent]) if n.parent else None,
        frameworks=framework_groups(site, n.frameworks),
        within=[node_link(site, s) for s in site.descendants(n.id)],
        actions=action_table(site, actions, caption),
        indicators=indicator_parts(site, site.indicators_under.get(n.id, []), n.id),
        partners=partner_links(site, involved),
        services=site.services_within(n.id),
        changes=site.changes_under(n.id)[:20],
        history=history(site, "node", n.id),
        easy_read=easyread.link_for(site, n),
    )


def national_outcome(site: SiteIndex, spec: PageSpec) -> NationalOutcomePage:
    nat = site.national[spec.key]
    word = FRAMEWORK_ITEM_WORDS[nat.framework.kind]
    caption = f"{site.level_name(site.action_level, plural=True)} towards this {word}"
    return NationalOutcomePage(
        site.partnership,
        words(site),
        outcome=nat,
        word=word,
        serves=framework_groups(site, nat.item.serves),
        local=[node_link(site, n) for n in site.nodes_for_national.get(spec.key, [])],
        actions=action_table(site, site.national_actions(spec.key), caption),
        indicators=indicator_links(site, site.indicators_for_national.get(spec.key, [])),
    )


def indicator_links(site: SiteIndex, indicators: list[Indicator]) -> list[Link]:
    return [Link(site.indicator_url(i), f"{i.number}: {i.title}" if i.number else i.title)
            for i in indicators]  # fmt: skip
