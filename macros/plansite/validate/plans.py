"""Cross-reference checks of one plan: its levels and items, actions, indicators,
participation, and the years its dates are written in."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from plansite.load.dataset import Dataset, PartnershipData, PlanData
from plansite.load.errors import did_you_mean
from plansite.load.yaml_reader import Path_, YamlFile
from plansite.model.addresses import PATTERNS, url_for
from plansite.model.dates import PartialDate
from plansite.model.era import began
from plansite.model.plan import Node
from plansite.validate.checker import Checker

# actions/status/… and actions/overdue/ list actions by how they stand.
RESERVED_ACTION_IDS = {
    PATTERNS[kind].split("/")[1] for kind in ("actions-status", "actions-overdue")
}


def a_level(name: str) -> str:
    """'an Aim', 'a Section': a level named as the plan names it."""
    return f"{'an' if name[:1].lower() in 'aeiou' else 'a'} {name}"


def any_level(level_ids: list[str], names: dict[str, str]) -> str:
    return " or ".join(a_level(names.get(i, i)) for i in level_ids)


@dataclass(frozen=True)
class _Levels:
    """How a plan is organised: its levels in order, their names, and its items by id."""

    ids: list[str]  # from the top down to the actions' level
    names: dict[str, str]
    nodes: dict[str, Node]

    @property
    def above_actions(self) -> list[str]:
        return self.ids[:-1]


def check_plan(
    c: Checker,
    data: Dataset,
    folder: str,
    pl: PlanData,
    fw_items: set[str],
    leaders: set[str],
    seen: tuple[dict[str, str], ...],
) -> None:
    """One plan's files, in the order their diagnostics are reported."""
    node_ids, action_ids, indicator_ids, engagement_ids, stat_ids = seen
    plan = pl.plan
    f = pl.files.get("plan")
    if plan.id != folder:
        c.add(f, "id-mismatch", ("id",), f"id {plan.id!r} differs from its folder name {folder!r}")
    c.order(f, ("period", "end"), plan.period.start, plan.period.end, "plan period")
    levels = _check_levels_and_nodes(c, pl, fw_items, node_ids)
    _check_actions(c, pl, levels, fw_items, leaders, action_ids)
    _check_indicators(c, pl, levels, fw_items, indicator_ids)
    _check_participation(c, data, pl, engagement_ids)
    sf = pl.files.get("statistics")
    c.unique(sf, ("statistics",), (s.id for s in pl.statistics), stat_ids, "statistic")
    _check_plan_years(c, pl)


def _check_levels_and_nodes(
    c: Checker, pl: PlanData, fw_items: set[str], node_ids: dict[str, str]
) -> _Levels:
    """plan.yaml's levels and items: each item sits under an item of a level above its own."""
    plan = pl.plan
    f = pl.files.get("plan")
    levels = _Levels(
        [lv.id for lv in plan.levels],
        {lv.id: lv.name for lv in plan.levels},
        {n.id: n for n in plan.nodes},
    )
    names, nodes, node_levels = levels.names, levels.nodes, levels.above_actions
    c.unique(f, ("levels",), levels.ids, {}, "level")
    c.unique(f, ("nodes",), (n.id for n in plan.nodes), node_ids, "plan item")
    for i, n in enumerate(plan.nodes):
        if n.level not in node_levels:
            c.add(
                f,
                "level-invalid",
                ("nodes", i, "level"),
                f"expected one of the levels above actions ({', '.join(node_levels) or 'none'}), "
                f"found {n.level!r}",
                did_you_mean(n.level, node_levels),
            )
            continue
        # Plans are uneven: a level may be missing in some branches, so an item may sit under
        # any item of a level above its own, never beside or below it.
        depth = node_levels.index(n.level)
        above = node_levels[:depth]
        if depth == 0 and n.parent is not None:
            c.add(
                f,
                "level-invalid",
                ("nodes", i, "parent"),
                f"{a_level(names[n.level])} is at the top and has no parent",
            )
        elif depth > 0 and n.parent is None:
            c.add(
                f,
                "level-invalid",
                ("nodes", i, "parent"),
                f"{a_level(names[n.level])} must sit under {any_level(above, names)}: add 'parent'",
            )
        elif n.parent is not None:
            c.ref(f, ("nodes", i, "parent"), n.parent, nodes, "plan item", "this plan's nodes")
            parent = nodes.get(n.parent)
            if parent and parent.level not in above:
                c.add(
                    f,
                    "level-invalid",
                    ("nodes", i, "parent"),
                    f"{a_level(names[n.level])} must sit under {any_level(above, names)}, "
                    f"found {a_level(names.get(parent.level, parent.level))}",
                )
        c.refs(
            f,
            ("nodes", i, "frameworks"),
            n.frameworks,
            fw_items,
            "framework item",
            "frameworks.yaml",
        )
    return levels


def _check_actions(
    c: Checker,
    pl: PlanData,
    levels: _Levels,
    fw_items: set[str],
    leaders: set[str],
    action_ids: dict[str, str],
) -> None:
    """actions.yaml: where each action sits, its id, columns, leads, partners and timescale.
    The plan's own columns are checked here too, beside the actions that fill them."""
    names, node_levels = levels.names, levels.above_actions
    af = pl.files.get("actions")
    c.unique(af, ("actions",), (a.id for a in pl.actions), action_ids, "action")
    plan = pl.plan
    columns = {col.id for col in plan.columns}
    c.unique(pl.files.get("plan"), ("columns",), (col.id for col in plan.columns), {}, "column")
    for i, a in enumerate(pl.actions):
        at = ("actions", i)
        if not node_levels and a.under is not None:
            c.add(
                af,
                "level-invalid",
                (*at, "under"),
                "this plan declares no levels above its actions",
            )
        elif node_levels:
            if a.under is None:
                c.add(
                    af,
                    "level-invalid",
                    (*at, "under"),
                    f"{a_level(names[levels.ids[-1]])} must sit under "
                    f"{any_level(node_levels, names)}: add 'under'",
                )
            else:
                c.ref(af, (*at, "under"), a.under, levels.nodes, "plan item", "plan.yaml nodes")
        if a.id in RESERVED_ACTION_IDS:
            c.add(
                af,
                "id-reserved",
                (*at, "id"),
                f"{url_for('action', a.id)} holds a list of actions, so {a.id!r} "
                "cannot be an action id",
            )
        for key in a.columns:
            c.ref(af, (*at, "columns", key), key, columns, "column", "plan.yaml columns")
        c.refs(
            af,
            (*at, "leads"),
            a.leads,
            leaders,
            "organisation or partner group",
            "organisations.yaml",
        )
        c.refs(
            af,
            (*at, "partners"),
            a.partners,
            leaders,
            "organisation or partner group",
            "organisations.yaml",
        )
        c.refs(af, (*at, "frameworks"), a.frameworks, fw_items, "framework item", "frameworks.yaml")
        if a.timescale:
            c.order(af, (*at, "timescale", "due"), a.timescale.start, a.timescale.due, "timescale")


def _check_indicators(
    c: Checker,
    pl: PlanData,
    levels: _Levels,
    fw_items: set[str],
    indicator_ids: dict[str, str],
) -> None:
    """indicators.yaml: unique ids and measures, and what each indicator is under."""
    inf = pl.files.get("indicators")
    c.unique(inf, ("indicators",), (x.id for x in pl.indicators), indicator_ids, "indicator")
    for i, ind in enumerate(pl.indicators):
        c.refs(
            inf, ("indicators", i, "under"), ind.under, levels.nodes, "plan item", "plan.yaml nodes"
        )
        c.refs(
            inf,
            ("indicators", i, "frameworks"),
            ind.frameworks,
            fw_items,
            "framework item",
            "frameworks.yaml",
        )
        c.unique(inf, ("indicators", i, "measures"), (m.id for m in ind.measures), {}, "measure")


def _check_participation(
    c: Checker, data: Dataset, pl: PlanData, engagement_ids: dict[str, str]
) -> None:
    """participation.yaml: unique records, who took part, and when."""
    pf = pl.files.get("participation")
    c.unique(
        pf, ("records",), (e.id for e in pl.engagements), engagement_ids, "participation record"
    )
    for i, e in enumerate(pl.engagements):
        c.refs(
            pf,
            ("records", i, "organisations"),
            e.organisations,
            data.organisations,
            "organisation",
            "organisations.yaml",
        )
        if e.when:
            c.order(pf, ("records", i, "when", "due"), e.when.start, e.when.due, "date range")


def _plan_dates(pl: PlanData) -> Iterator[tuple[YamlFile | None, Path_, Any]]:
    """Every date of the plan and its actions that may be written as a year of the plan."""
    plan = pl.plan
    f = pl.files.get("plan")
    yield f, ("period", "start"), plan.period.start
    yield f, ("period", "end"), plan.period.end
    for i, change in enumerate(plan.status):
        yield f, ("status", i, "date"), change.date
    af = pl.files.get("actions")
    for i, a in enumerate(pl.actions):
        at = ("actions", i)
        if a.timescale:
            yield af, (*at, "timescale", "start"), a.timescale.start
            yield af, (*at, "timescale", "due"), a.timescale.due
        for j, u in enumerate(a.updates):
            yield af, (*at, "updates", j, "date"), u.date


def _check_plan_years(c: Checker, pl: PlanData) -> None:
    """A date written as 'year 2' must be one of the years the plan's 'years' map names."""
    years = dict(pl.plan.years.items())
    for file, path, when in _plan_dates(pl):
        if (
            isinstance(when, PartialDate)
            and when.plan_year is not None
            and when.resolved(years) is None
        ):
            c.add(file, "year-unknown", path, f"{when.text!r} is not in this plan's 'years' map")


def check_answers(c: Checker, data: Dataset, pd: PartnershipData, fw_items: set[str]) -> None:
    """A plan's declared framework, its answers to the national outcomes, and the items of
    earlier plans its own carry forward."""
    where = "frameworks.yaml"
    for plan_id, pl in pd.plans.items():
        f, plan = pl.files.get("plan"), pl.plan
        c.refs(f, ("answers_to",), plan.answers_to, data.frameworks, "framework", where)
        for i, answer in enumerate(plan.national_outcomes):
            path = ("national_outcomes", i, "outcome")
            c.ref(f, path, answer.outcome, fw_items, "framework item", where)
        # Node ids are unique across a partnership's plans, so an id names its plan too.
        start = began(plan) or date.max
        earlier = {n.id for other, p in pd.plans.items()
                   if other != plan_id and (began(p.plan) or date.min) < start
                   for n in p.plan.nodes}  # fmt: skip
        for i, n in enumerate(plan.nodes):
            c.refs(f, ("nodes", i, "follows"), n.follows, earlier, "item of an earlier plan",
                   "the nodes of another of this partnership's plans")  # fmt: skip
