"""What happened in one reporting year, from the data alone: the heart of an annual report.

For each outcome of the presented plan: the progress reports dated in the year, the actions
completed, delayed and started in it, and the indicator figures for periods that ended in it.
A date counts for the year its last day falls in: a figure for 2024 (to 31 December) counts
for 2024-25, a financial year 2024/25 for 2024-25.
"""

from __future__ import annotations

from dataclasses import dataclass

from plansite.index.context import SiteIndex
from plansite.load.writing import ReportYear
from plansite.model.dates import PartialDate
from plansite.model.plan import Action, Figure, Indicator, Measure, Node, Update


@dataclass(frozen=True)
class Progress:
    action: Action
    update: Update


@dataclass(frozen=True)
class Reading:
    indicator: Indicator
    measure: Measure
    figure: Figure


@dataclass(frozen=True)
class OutcomeYear:
    node: Node | None  # None: the plan's actions that sit under no outcome
    name: str  # "Priority 1: …", or plansite's words for the rest
    updates: list[Progress]  # oldest first
    completed: list[Action]
    delayed: list[Action]  # its last report in the year says delayed
    started: list[Action]  # its first report of work under way is in the year
    figures: list[Reading]

    @property
    def quiet(self) -> bool:
        return not (self.updates or self.figures)


@dataclass(frozen=True)
class YearInFigures:
    year: ReportYear
    outcomes: list[OutcomeYear]

    def count(self, what: str) -> int:
        return sum(len(getattr(o, what)) for o in self.outcomes)


UNDER_WAY = {"in-progress", "ongoing"}
# An outcome (None: the rest of the plan), its name, its actions and its indicators.
Group = tuple[Node | None, str, list[Action], list[Indicator]]


def in_year(when: PartialDate | None, year: ReportYear, years: dict[int, PartialDate]) -> bool:
    """The date (or period) ends within the year; a date the plan gives only by plan year is
    first made a real span."""
    resolved = when.resolved(years) if when else None
    last = resolved.last if resolved else None
    return last is not None and year.first <= last <= year.last


def year_in_figures(site: SiteIndex, year: ReportYear) -> YearInFigures:
    years = dict(site.plan.plan.years) if site.plan else {}
    groups: list[Group] = []
    placed: set[str] = set()
    for node in site.outcome_nodes():
        if node.parent and node.parent in {n.id for n in site.outcome_nodes()}:
            continue  # reported within the outcome above it
        actions = site.actions_within(node.id)
        placed.update(a.id for a in actions)
        indicators = [i for n in [node, *site.descendants(node.id)]
                      for i in site.indicators_under.get(n.id, [])]  # fmt: skip
        groups.append((node, site.node_name(node), actions, indicators))
    rest = [a for a in site.actions.values() if a.id not in placed]
    if rest or site.plan_indicators:
        plural = site.level_name(site.action_level, plural=True) if site.plan else "Actions"
        groups.append((None, f"The whole plan and other {plural.lower()}", rest,
                       site.plan_indicators))  # fmt: skip
    return YearInFigures(year, [_outcome_year(group, year, years) for group in groups])


def _outcome_year(group: Group, year: ReportYear, years: dict[int, PartialDate]) -> OutcomeYear:
    node, name, actions, indicators = group
    updates = [Progress(a, u) for a in actions for u in a.updates
               if in_year(u.date, year, years)]  # fmt: skip
    updates.sort(key=lambda p: p.update.date.first or year.first)
    said = {a.id: [p.update.status for p in updates if p.action is a and p.update.status]
            for a in actions}  # fmt: skip
    return OutcomeYear(
        node=node,
        name=name,
        updates=updates,
        completed=[a for a in actions if "complete" in said[a.id]],
        delayed=[a for a in actions if said[a.id][-1:] == ["delayed"]],
        started=[a for a in actions if _started_in(a, year, years)],
        figures=[
            Reading(i, m, f)
            for i in indicators
            for m in i.measures
            for f in m.figures
            if in_year(f.period, year, years)
        ],
    )


def _started_in(action: Action, year: ReportYear, years: dict[int, PartialDate]) -> bool:
    first = next((u for u in action.updates if u.status in UNDER_WAY), None)
    return first is not None and in_year(first.date, year, years)
