"""Everything one partnership's site needs to know, worked out once per build.

The model stores each fact once (an action names its leads); pages need the reverse view
too (a partner's page lists the actions it leads). This module builds those indexes.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date

from plansite.history.cache import add_tree, code_version, entry_for, keep, kept, no_collector
from plansite.history.log import KIND_WORDS, Change, forget_items, history
from plansite.history.log import items as history_items
from plansite.history.store import snapshot
from plansite.i18n import gettext
from plansite.load.dataset import Dataset, PartnershipData, PlanData, current_plan
from plansite.load.texts import unused_terms
from plansite.model.addresses import url_for
from plansite.model.era import Standing, began, name_on, outside, standing
from plansite.model.plan import Action, Indicator, Node, Update
from plansite.model.registry import (
    Category,
    Framework,
    FrameworkItem,
    GlossaryTerm,
    Organisation,
    PartnerGroup,
)
from plansite.model.service import SECTIONS, Service


@dataclass
class NationalOutcome:
    """A framework item that the partnership's plans use, with its outcome page."""

    framework: Framework
    item: FrameworkItem

    @property
    def key(self) -> str:
        return f"{self.framework.id}:{self.item.id}"

    @property
    def url(self) -> str:
        return url_for("national-outcome", self.framework.id, self.item.id)


def shorten(text: str, limit: int) -> str:
    """``text`` cut at a word to at most ``limit`` characters, with an ellipsis if cut."""
    return text if len(text) <= limit else text[: limit - 3].rsplit(" ", 1)[0] + "…"


# plansite's own words for an action's columns, where the plan prints no heading of its own.
ACTION_LABELS = {
    "text": "What the plan says",
    "leads": "Lead",
    "partners": "Supported by",
    "timescale": "Timescale",
    "completion": "How we will know it is done",
    "status": "Status",
}
# What one item of each kind of framework is called.
FRAMEWORK_ITEM_WORDS = {
    "outcomes": "outcome",
    "priorities": "priority",
    "aims": "aim",
    "pathways": "pathway",
    "principles": "principle",
    "other": "item",
}


@dataclass
class Removed:
    """An item that was published once and is no longer listed: its page stays."""

    kind: str
    id: str
    url: str
    text: str  # the log's sentence about its removal
    day: date
    notes: list[str]
    replacement: str | None  # URL of the closest replacement, from a change note


@dataclass
class SiteIndex:
    data: Dataset
    pd: PartnershipData
    plan: PlanData | None
    nodes: dict[str, Node] = field(default_factory=dict)
    children: dict[str | None, list[Node]] = field(default_factory=lambda: defaultdict(list))
    actions: dict[str, Action] = field(default_factory=dict)
    actions_under: dict[str, list[Action]] = field(default_factory=lambda: defaultdict(list))
    indicators_under: dict[str, list[Indicator]] = field(default_factory=lambda: defaultdict(list))
    services: dict[str, Service] = field(default_factory=dict)
    services_for_node: dict[str, list[Service]] = field(default_factory=lambda: defaultdict(list))
    partners: dict[str, Organisation | PartnerGroup] = field(default_factory=dict)
    leads: dict[str, list[Action]] = field(default_factory=lambda: defaultdict(list))
    supports: dict[str, list[Action]] = field(default_factory=lambda: defaultdict(list))
    provides: dict[str, list[Service]] = field(default_factory=lambda: defaultdict(list))
    national: dict[str, NationalOutcome] = field(default_factory=dict)
    nodes_for_national: dict[str, list[Node]] = field(default_factory=lambda: defaultdict(list))
    actions_for_national: dict[str, list[Action]] = field(default_factory=lambda: defaultdict(list))
    indicators_for_national: dict[str, list[Indicator]] = field(
        default_factory=lambda: defaultdict(list)
    )
    # Indicators of the whole plan, reporting on no one item of it.
    plan_indicators: list[Indicator] = field(default_factory=list)
    audiences: dict[str, Category] = field(default_factory=dict)
    help: dict[str, Category] = field(default_factory=dict)
    log: list[Change] = field(default_factory=list)  # newest first
    item_log: dict[tuple[str, str], list[Change]] = field(default_factory=lambda: defaultdict(list))
    first_seen: dict[tuple[str, str], date] = field(default_factory=dict)
    removed: list[Removed] = field(default_factory=list)
    # Old URL -> new URL, for items whose id changed (their former_ids).
    redirects: dict[str, str] = field(default_factory=dict)
    # The data holds changes not yet released (or nothing was ever released): a draft.
    draft: bool = False
    # The day the site is built for: what is current, ended or archived is judged on it.
    today: date = field(default_factory=date.today)
    standing: Standing = "current"
    # The partnership's other plans, newest first; each has a page at plans/<id>/.
    earlier: list[PlanData] = field(default_factory=list)
    # Organisations shown under the name they had in the plan's time: id -> today's name.
    now_named: dict[str, str] = field(default_factory=dict)
    # The glossary terms in use during the plan's period, local ones first.
    terms: list[GlossaryTerm] = field(default_factory=list)
    # Where set, the site as it stood on this day: later progress reports are left out.
    as_at: date | None = None
    # help_services(), made once: every service page lists some of it.
    _help: list[Service] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def partnership(self):  # type: ignore[no-untyped-def]
        return self.pd.partnership

    @property
    def outcome_levels(self) -> set[str]:
        return {lv.id for lv in self.plan.plan.levels if lv.outcome} if self.plan else set()

    def outcome_nodes(self) -> list[Node]:
        return [n for n in self.nodes.values() if n.level in self.outcome_levels]

    def level_name(self, level_id: str, plural: bool = False) -> str:
        assert self.plan is not None
        for lv in self.plan.plan.levels:
            if lv.id == level_id:
                return lv.plural if plural else lv.name
        return level_id

    @property
    def action_level(self) -> str:
        return self.plan.plan.levels[-1].id if self.plan else "action"

    @property
    def outcomes_title(self) -> str:
        """The plan's word for what the outcomes index lists, e.g. 'Aims' or 'Outcomes'."""
        if self.plan:
            for lv in self.plan.plan.levels:
                if lv.outcome:
                    return lv.plural
        return "Outcomes"

    def label(self, column: str, plan: PlanData | None = None) -> str:
        """A plan's heading for one of an action's known columns (the presented plan's, unless
        ``plan`` is given), or plansite's words."""
        shown = plan or self.plan
        labels = shown.plan.labels if shown else None
        own = getattr(labels, column, None) if labels else None
        return own or ACTION_LABELS[column]

    def node_name(self, node: Node) -> str:
        """How a reader tells this item apart: 'Aim 2: …' or, unnumbered, 'Aim: …'. Where
        the plan gives two items the same name, each also says where in the plan it is."""
        number = f" {node.number}" if node.number else ""
        name = f"{self.level_name(node.level)}{number}: {node.title}"
        alike = [n for n in self.nodes.values() if n.level == node.level
                 and n.number == node.number and n.title == node.title]  # fmt: skip
        if len(alike) < 2:
            return name
        sections = [n.source.section if n.source else None for n in alike]
        if None not in sections and len(set(sections)) == len(sections):
            return f"{name} (in “{sections[alike.index(node)]}”)"
        return f"{name} ({alike.index(node) + 1} of {len(alike)})"

    def node_short(self, node: Node) -> str:
        """A short name for breadcrumbs: 'Aim 2', or unnumbered, 'Aim: Young people …'."""
        if node.number:
            return f"{self.level_name(node.level)} {node.number}"
        return f"{self.level_name(node.level)}: {shorten(node.title, 40)}"

    def action_name(self, action: Action) -> str:
        """'Action 4' where the plan numbers it; otherwise the start of its own words."""
        label = self.level_name(self.action_level)
        if action.number:
            return f"{label} {action.number}"
        return f"{label}: {shorten(action.summary or action.text, 90)}"

    def kind_words(self) -> dict[str, str]:
        """Each kind of item in the log, in the plan's own words where it has them."""
        words = dict(KIND_WORDS)
        if self.plan:
            levels = self.plan.plan.levels
            words["action"] = levels[-1].plural
            if len(levels) > 1:
                names = [lv.plural for lv in levels[:-1]]
                words["node"] = (
                    ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else names[0]
                )
        return words

    def frameworks_of(self, refs: list[str]) -> list[tuple[Framework, list[FrameworkItem]]]:
        """Framework references grouped by framework, in the order they were written."""
        groups: dict[str, tuple[Framework, list[FrameworkItem]]] = {}
        for ref in refs:
            fw_id, _, item_id = ref.partition(":")
            fw = self.data.frameworks.get(fw_id)
            item = next((i for i in fw.items if i.id == item_id), None) if fw else None
            if fw and item:
                groups.setdefault(fw_id, (fw, []))[1].append(item)
        return list(groups.values())

    def items_in(self, refs: list[str], framework_id: str) -> list[FrameworkItem]:
        """The items of one framework among ``refs``."""
        for fw, items in self.frameworks_of(refs):
            if fw.id == framework_id:
                return items
        return []

    def national_actions(self, key: str) -> list[Action]:
        """Actions that serve a framework item, directly or through an item above them."""
        chosen = {a.id for a in self.actions_for_national.get(key, [])}
        for node in self.nodes_for_national.get(key, []):
            chosen.update(a.id for a in self.actions_within(node.id))
        return [a for a in self.actions.values() if a.id in chosen]

    def node_url(self, node: Node) -> str:
        if node.level in self.outcome_levels:
            return url_for("outcome", node.id)
        return url_for("plan-item", node.id)

    def indicator_url(self, ind: Indicator) -> str:
        """Where an indicator is shown: on the page of the first outcome it reports on, or
        with the whole plan's indicators."""
        for node_id in ind.under:
            node = self.nodes.get(node_id)
            if node and node.level in self.outcome_levels:
                return f"{url_for('outcome', node_id)}#ind-{ind.id}"
        return f"{url_for('plan')}#ind-{ind.id}"

    def national_refs(self) -> list[str]:
        """Every national framework item the plan's items, actions or indicators link to,
        each once, in the order first met."""
        return list(dict.fromkeys([*self.nodes_for_national, *self.actions_for_national,
                                   *self.indicators_for_national]))  # fmt: skip

    def descendants(self, node_id: str) -> list[Node]:
        out: list[Node] = []
        for child in self.children.get(node_id, []):
            out.append(child)
            out += self.descendants(child.id)
        return out

    def actions_within(self, node_id: str) -> list[Action]:
        """Actions under this node or under any node below it, in plan order."""
        ids = {node_id, *(n.id for n in self.descendants(node_id))}
        return [a for a in self.actions.values() if a.under in ids]

    def services_within(self, node_id: str) -> list[Service]:
        """Services linked to this node or to any node below it, by name, each once: they
        roll up to an outcome as its actions do. A closed one is kept, as the plan's record,
        and marked closed where it is listed."""
        ids = {node_id, *(n.id for n in self.descendants(node_id))}
        chosen = {s.id: s for i in ids for s in self.services_for_node.get(i, [])}
        return sorted(chosen.values(), key=lambda s: s.name.lower())

    def localities(self) -> dict[str, str]:
        return {loc.id: loc.name for loc in self.partnership.localities}

    @property
    def used_localities(self) -> dict[str, str]:
        """Localities that at least one service offered as help names (of a kind that is help,
        and not closed): each gets a filtered list, which is never empty."""
        used = {loc for s in self.help_services() for loc in s.localities}
        return {k: v for k, v in self.localities().items() if k in used}

    @property
    def audience_lists(self) -> dict[str, Category]:
        """The audiences that at least one service offered as help is for: each gets a
        filtered list. (``audiences`` names every audience any entry gives.)"""
        used = {a for s in self.help_services() for a in s.audiences}
        return {k: v for k, v in self.audiences.items() if k in used}

    @property
    def help_lists(self) -> dict[str, Category]:
        """The kinds of help that at least one service offered as help gives: each gets a
        filtered list. (``help`` names every kind of help any entry gives.)"""
        used = {h for s in self.help_services() for h in s.help}
        return {k: v for k, v in self.help.items() if k in used}

    def changes_for(self, kind: str, ident: str) -> list[Change]:
        return self.item_log.get((kind, ident), [])

    def published_on(self, kind: str, ident: str) -> date | None:
        found = self.first_seen.get((kind, ident))
        if found is None and kind == "partner":
            # Organisations named as leads or providers, not as members, are not items of
            # the log; they were published with the first release that named them.
            found = next((r.date for r in self.pd.releases if ident in r.snapshot.names), None)
        return found

    def updated_on(self, kind: str, ident: str) -> date | None:
        dated = [c.date for c in self.changes_for(kind, ident) if c.release is not None]
        return max(dated) if dated else self.published_on(kind, ident)

    def changes_under(self, node_id: str) -> list[Change]:
        """Changes to a node and to everything that sits under it."""
        return [
            c for c in self.log if node_id in c.parents or (c.kind == "node" and c.item == node_id)
        ]

    def change_kinds(self) -> list[str]:
        return sorted({c.kind for c in self.log}, key=list(KIND_WORDS).index)

    def pending(self) -> list[Change]:
        return [c for c in self.log if c.release is None]

    def releases_newest_first(self) -> list[tuple[int, date, list[Change]]]:
        groups: dict[int, list[Change]] = defaultdict(list)
        for c in self.log:
            if c.release is not None:
                groups[c.release].append(c)
        dates = {r.number: r.date for r in self.pd.releases}
        return [(n, dates[n], groups[n]) for n in sorted(groups, reverse=True)]

    def contact_routes(self, service: Service) -> list[tuple[str, Organisation]]:
        """The providers of a service that gives no contact of its own, with their public
        contact details or website, from the register of organisations."""
        out = []
        for pr in service.providers:
            org = self.data.organisations.get(pr.organisation)
            if org and ((org.contact and org.contact.reachable()) or org.website):
                out.append((pr.organisation, org))
        return out

    def services_named(self, ids: list[str]) -> list[Service]:
        return [self.services[i] for i in ids]

    def help_services(self) -> list[Service]:
        """Help people can ask for or take part in, by name: not the things that are not help
        (publications, policies, protocols, tools, arrangements, campaigns, consultations),
        and not the services that have closed (``closed_services``)."""
        if self._help is None:
            chosen = [s for s in self.services.values() if s.offered]
            self._help = sorted(chosen, key=lambda s: s.name.lower())
        return list(self._help)

    def closed_services(self) -> list[Service]:
        """Help that is no longer running (its latest status is closed), by name: never
        offered as help, listed on the services page under "No longer running"."""
        chosen = [s for s in self.services.values() if s.is_help and s.closed]
        return sorted(chosen, key=lambda s: s.name.lower())

    def help_entries(self) -> list[Service]:
        """Every entry of a kind that is help, open or closed, by name: for exchange files
        that say a service has closed (HSDS marks it defunct), not for lists of help."""
        chosen = [s for s in self.services.values() if s.is_help]
        return sorted(chosen, key=lambda s: s.name.lower())

    def not_help(self) -> list[tuple[str, str, list[Service]]]:
        """The things the plan lists beside its services that are not help, under a heading
        for what they are: (heading id, heading, entries by name), headings with none left
        out."""
        out = []
        for anchor, heading, kinds in SECTIONS:
            chosen = [s for s in self.services.values() if s.kind in kinds]
            if chosen:
                out.append((anchor, gettext(heading), sorted(chosen, key=lambda s: s.name.lower())))
        return out

    def services_matching(self, facet: str, key: str) -> list[Service]:
        """Help for an audience, of a kind of help or in a locality, by name: the things that
        are not help are listed on the services page only, under their own headings, and the
        services that have closed under "No longer running"."""
        field_name = {"audience": "audiences", "help": "help", "locality": "localities"}[facet]
        return [s for s in self.help_services() if key in getattr(s, field_name)]

    def glossary_terms(self) -> list[GlossaryTerm]:
        """The terms this partnership's pages use, alphabetically: local terms before national
        ones of the same spelling, and only the terms in use during the plan's period."""
        names: dict[str, Organisation | PartnerGroup] = {
            **self.data.organisations,
            **self.data.groups,
        }
        unused = {id(t) for t in unused_terms(self.pd, self.terms, names)}
        chosen: dict[str, GlossaryTerm] = {}
        for t in self.terms:
            if id(t) not in unused:
                chosen.setdefault(t.term, t)
        return sorted(chosen.values(), key=lambda t: t.term.lower())

    def plan_url(self, plan_id: str) -> str:
        """Where a plan of this partnership is shown: the presented one at plan/, the others
        at plans/<id>/."""
        if self.plan and self.plan.plan.id == plan_id:
            return url_for("plan")
        return url_for("earlier-plan", plan_id)

    def plans_newest_first(self) -> list[PlanData]:
        return sorted(self.pd.plans.values(), key=lambda p: began(p.plan) or date.min, reverse=True)

    def name_then(self, org_id: str, plan: PlanData) -> str:
        """An organisation or group's name as it was when ``plan`` began."""
        org = self.data.organisations.get(org_id)
        return name_on(org, began(plan.plan)) if org else self.data.groups[org_id].name

    def outline_of(self, plan: PlanData) -> dict[str | None, list[Node | Action]]:
        """Any plan's items under each parent (None: the top), nodes before actions."""
        under: dict[str | None, list[Node | Action]] = defaultdict(list)
        for node in plan.plan.nodes:
            under[node.parent].append(node)
        for action in plan.actions:
            under[action.under].append(action)
        return under

    def name_of(self, org_id: str) -> str:
        """An organisation's name as this plan shows it (the name of the plan's time)."""
        partner = self.partners.get(org_id)
        if partner is not None:
            return partner.name
        return self.data.organisations[org_id].name

    def due_by(self, action: Action) -> date | None:
        """The last day the plan gives for an action, where it gives one."""
        t = action.timescale
        if t is None or t.due is None or self.plan is None:
            return None
        resolved = t.due.resolved(self.plan.plan.years)
        return resolved.last if resolved else None

    def is_overdue(self, action: Action) -> bool:
        """Its due date has passed and no report says it is complete or withdrawn, in a plan
        still in force (a plan that has ended is history: its actions are not overdue)."""
        due = self.due_by(action)
        return (
            self.standing in ("current", "draft")
            and due is not None
            and due < self.today
            and self.status_of(action) not in ("complete", "withdrawn")
        )

    def overdue(self) -> list[Action]:
        return [a for a in self.actions.values() if self.is_overdue(a)]

    def actions_with_status(self, status: str) -> list[Action]:
        """Actions whose latest report gives ``status`` ('not-reported': none has)."""
        wanted = None if status == "not-reported" else status
        return [a for a in self.actions.values() if self.status_of(a) == wanted]

    def status_of(self, action: Action) -> str | None:
        reported = self.status_update(action)
        return reported.status if reported else None

    def status_update(self, action: Action) -> Update | None:
        """The latest report that gives the action's status: its date says when the status
        was true, its own words how the plan put it."""
        return next((u for u in reversed(self.updates_of(action)) if u.status), None)

    def updates_of(self, action: Action) -> list[Update]:
        """An action's progress reports, oldest first: those made by ``as_at`` where the
        site is seen as it stood on a day."""
        if self.as_at is None:
            return action.updates
        day, years = self.as_at, self.plan.plan.years if self.plan else {}

        def made_by_then(u: Update) -> bool:
            last = (u.date.resolved(years) or u.date).last
            return last is not None and last <= day

        return [u for u in action.updates if made_by_then(u)]

    def as_it_stood(self, day: date) -> SiteIndex:
        """The same site seen on ``day``: reports made after it are not yet known, and what
        is overdue or current is judged on it. An annual report shows the plan so, at the end
        of its year, however long after it the site is built."""
        seen = replace(self, today=day, as_at=day)
        if self.plan:
            seen.standing = standing(self.pd.partnership, self.plan.plan, day)
        return seen


def build_index(
    data: Dataset, pid: str, today: date | None = None, history: SiteIndex | None = None
) -> SiteIndex:
    """Index one partnership: its current data, and its log with any changes not yet released
    (which every page then marks as a draft; feeds never carry them). ``history``: the index
    of the same data whose log this one shows (the English site, for a site in another
    language: its log compares releases, which are never translated)."""
    with no_collector():  # an index is made to last, and has no reference cycles
        try:
            return _build_index(data, pid, today, history)
        finally:
            forget_items()


def _build_index(
    data: Dataset, pid: str, today: date | None, history: SiteIndex | None
) -> SiteIndex:
    pd = data.partnerships[pid]
    plan = current_plan(pd)
    day = today or date.today()
    start, end = (began(plan.plan), plan.plan.period.end.last) if plan else (None, None)
    terms = [t for t in [*pd.glossary, *data.glossary]
             if outside(t.valid_from, t.valid_to, start, end) is None]  # fmt: skip
    site = SiteIndex(data, pd, plan, today=day, terms=terms)
    if plan:
        site.standing = standing(pd.partnership, plan.plan, day)
        site.earlier = sorted((p for p in pd.plans.values() if p is not plan),
                              key=lambda p: began(p.plan) or date.min, reverse=True)  # fmt: skip
    known_partners: dict[str, Organisation | PartnerGroup] = {**data.organisations, **data.groups}

    def partner(pid_: str) -> None:
        if pid_ in known_partners:
            site.partners.setdefault(pid_, known_partners[pid_])

    for m in pd.partnership.memberships:
        partner(m.organisation)
    if plan:
        for node in plan.plan.nodes:
            site.nodes[node.id] = node
            site.children[node.parent].append(node)
            for ref in node.frameworks:
                site.nodes_for_national[ref].append(node)
        for action in plan.actions:
            site.actions[action.id] = action
            if action.under:
                site.actions_under[action.under].append(action)
            for lead in action.leads:
                partner(lead)
                site.leads[lead].append(action)
            for sup in action.partners:
                partner(sup)
                site.supports[sup].append(action)
            for ref in action.frameworks:
                site.actions_for_national[ref].append(action)
        for ind in plan.indicators:
            for node_id in ind.under:
                site.indicators_under[node_id].append(ind)
            # Under no outcome (or only under items without a page): shown with the plan.
            if not any(site.nodes[n].level in site.outcome_levels
                       for n in ind.under if n in site.nodes):  # fmt: skip
                site.plan_indicators.append(ind)
            for ref in ind.frameworks:
                site.indicators_for_national[ref].append(ind)
    for service in pd.services:
        site.services[service.id] = service
        for prov in service.providers:
            partner(prov.organisation)
            site.provides[prov.organisation].append(service)
        for node_id in service.outcomes:
            site.services_for_node[node_id].append(service)
    for ref in site.national_refs():
        fw_id, _, item_id = ref.partition(":")
        fw = data.frameworks.get(fw_id)
        if fw and fw.outcome_pages:
            item = next(i for i in fw.items if i.id == item_id)
            site.national[ref] = NationalOutcome(fw, item)
    # Every audience and kind of help some entry gives, to name them wherever they are shown;
    # only those of help still offered get a list of their own (audience_lists, help_lists).
    used_aud = {a for s in pd.services for a in s.audiences}
    used_help = {h for s in pd.services for h in s.help}
    site.audiences = {k: v for k, v in data.audiences.items() if k in used_aud}
    site.help = {k: v for k, v in data.help.items() if k in used_help}
    if plan and site.standing not in ("current", "draft"):
        _name_of_the_time(site, began(plan.plan))
    if history is None:
        _remembered_history(site, data, pd)
    else:
        for name in HISTORY:
            setattr(site, name, getattr(history, name))
    return site


def _name_of_the_time(site: SiteIndex, day: date | None) -> None:
    """A plan no longer in force names bodies as they were called in its time."""
    for org_id, partner in list(site.partners.items()):
        if isinstance(partner, Organisation) and (then := name_on(partner, day)) != partner.name:
            site.partners[org_id] = partner.model_copy(update={"name": then})
            site.now_named[org_id] = partner.name


# What ``_index_history`` works out: the same for every language of a site.
HISTORY = ("draft", "log", "item_log", "first_seen", "redirects", "removed")
HISTORY_FORMAT = 1


def _remembered_history(site: SiteIndex, data: Dataset, pd: PartnershipData) -> None:
    """``_index_history``, read back from the cache folder when it was worked out from the
    same files (the partnership's and the national ones) by the same code on the same day.
    It compares every release's snapshot with the next: the national index, which shows
    every partnership's log, would otherwise read them all on every build."""
    entry = entry_for("history", str(pd.folder))
    if entry is None:
        _index_history(site, data, pd)
        return
    # The public view and the data as read give different histories from the same files.
    view = "public" if data.public else "as read"
    digest = hashlib.sha256(
        f"{HISTORY_FORMAT}\0{code_version()}\0{site.today.isoformat()}\0{view}".encode()
    )
    add_tree(digest, pd.folder.parent.parent, skip={"partnerships"})  # the national files
    add_tree(digest, pd.folder)
    key = digest.hexdigest()
    found = kept(entry, key)
    if isinstance(found, tuple) and len(found) == len(HISTORY):
        for name, value in zip(HISTORY, found, strict=True):
            setattr(site, name, value)
        return
    _index_history(site, data, pd)
    keep(entry, key, tuple(getattr(site, name) for name in HISTORY))


def _index_history(site: SiteIndex, data: Dataset, pd: PartnershipData) -> None:
    now = snapshot(data, pd)
    log = history(pd.releases, now)
    site.draft = not pd.releases or any(c.release is None for c in log)
    # Items of the partnership's other plans are shown on those plans' pages, wherever the
    # log placed them when they were recorded.
    moved = _earlier_addresses(site)
    log = [replace(c, url=moved[(c.kind, c.item)]) if c.url and (c.kind, c.item) in moved else c
           for c in log]  # fmt: skip
    site.log = sorted(log, key=lambda c: (c.release is None, c.date, c.release or 0), reverse=True)
    # An item keeps its history through renames, merges and splits: it lists the ids it
    # had (former_ids), and every change and first publication of those ids is its own.
    appeared: dict[tuple[str, str], date] = {}
    before: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
    for day, snap in [*((r.date, r.snapshot) for r in pd.releases), (None, now)]:
        for key, item in history_items(snap).items():
            if day is not None:
                appeared.setdefault(key, day)
            before[key].update((item.kind, former) for former in item.former_ids)
    own: dict[tuple[str, str], list[Change]] = defaultdict(list)
    for c in site.log:
        own[(c.kind, c.item)].append(c)
    for key in {*own, *before, *appeared}:
        lineage = _lineage(key, before)
        site.item_log[key] = sorted(
            (c for k in lineage for c in own.get(k, [])),
            key=lambda c: (c.release is None, c.date, c.release or 0),
            reverse=True,
        )
        if dates := [appeared[k] for k in lineage if k in appeared]:
            site.first_seen[key] = min(dates)
    _index_moves(site, data, pd, before)


def _earlier_addresses(site: SiteIndex) -> dict[tuple[str, str], str]:
    """Where each item of a plan other than the presented one is shown: its plan's page."""
    out: dict[tuple[str, str], str] = {}
    for e in site.earlier:
        pid = e.plan.id
        out[("plan", pid)] = site.plan_url(pid)
        out.update({("node", n.id): url_for("earlier-plan-item", pid, n.id) for n in e.plan.nodes})
        out.update({("action", a.id): url_for("earlier-plan-item", pid, a.id) for a in e.actions})
        out.update({("measure", f"{i.id}.{m.id}"): url_for("earlier-plan-indicator", pid, i.id)
                    for i in e.indicators for m in i.measures})  # fmt: skip
    return out


def _lineage(
    key: tuple[str, str], before: dict[tuple[str, str], set[tuple[str, str]]]
) -> set[tuple[str, str]]:
    """The item and every id it had before, however many renames back."""
    seen = {key}
    todo = [key]
    while todo:
        for earlier in before.get(todo.pop(), ()):
            if earlier not in seen:
                seen.add(earlier)
                todo.append(earlier)
    return seen


# Item kinds that have a page of their own, and where it lives.
PAGE_KIND = {"service": "service", "action": "action", "partner": "partner", "node": "outcome"}


def page_of(kind: str, ident: str) -> str:
    return url_for(PAGE_KIND[kind], ident)


def _index_moves(
    site: SiteIndex,
    data: Dataset,
    pd: PartnershipData,
    before: dict[tuple[str, str], set[tuple[str, str]]],
) -> None:
    """Old addresses keep working: renamed items redirect, removed items explain."""

    def former(kind: str, ident: str, own: list[str]) -> list[str]:
        """Every id the item had, however many renames back."""
        earlier = {i for k, i in _lineage((kind, ident), before) if k == kind} - {ident}
        return sorted(earlier | set(own))

    current = {
        "service": {s.id: former("service", s.id, s.former_ids) for s in pd.services},
        "action": {a.id: former("action", a.id, a.former_ids) for a in site.actions.values()},
        "partner": {k: former("partner", k, getattr(v, "former_ids", []))
                    for k, v in site.partners.items()},
        "node": {n.id: former("node", n.id, n.former_ids) for n in site.outcome_nodes()},
    }  # fmt: skip
    live_urls = {page_of(kind, i) for kind, ids in current.items() for i in ids}
    for kind, ids in current.items():
        for new_id, earlier in ids.items():
            for old in earlier:
                old_url = page_of(kind, old)
                if old_url not in live_urls:
                    site.redirects[old_url] = page_of(kind, new_id)
    replacements = {
        about: note.replaced_by for note in pd.notes if note.replaced_by for about in note.about
    }
    for change in site.log:
        if change.type != "removed" or change.kind not in PAGE_KIND:
            continue
        url = page_of(change.kind, change.item)
        if url in live_urls or url in site.redirects or any(r.url == url for r in site.removed):
            continue
        ref = replacements.get(f"{change.kind}:{change.item}")
        replacement = None
        if ref:
            kind, _, ident = ref.partition(":")
            if kind in PAGE_KIND and page_of(kind, ident) in live_urls:
                replacement = page_of(kind, ident)
        site.removed.append(Removed(change.kind, change.item, url, change.text, change.date,
                                    list(change.notes), replacement))  # fmt: skip
