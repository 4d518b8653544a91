"""Each row's values as the data holds them: what the export writes, and what the import
compares a row with to see what someone changed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from plansite.load.dataset import Dataset, PartnershipData, PlanData
from plansite.model.plan import Action, Figure, Indicator, Measure, Update
from plansite.model.service import Service
from plansite.sheets.columns import SEPARATOR, number_text


@dataclass
class Context:
    """What the rows of one partnership's plan refer to, and how each is written in a cell."""

    data: Dataset
    pd: PartnershipData
    plan_id: str
    labels: dict[str, str] = field(default_factory=dict)  # partner id -> label in a cell
    lookup: dict[str, str] = field(default_factory=dict)  # lower-cased id, label or name -> id

    def __post_init__(self) -> None:
        names = {o.id: o.name for o in self.data.organisations.values()}
        names.update({g.id: g.name for g in self.data.groups.values()})
        seen = Counter(n.casefold() for n in names.values())
        # A name shared by two partners is written with its id, so a cell always means one.
        self.labels = {
            pid: name if seen[name.casefold()] == 1 else f"{name} ({pid})"
            for pid, name in names.items()
        }
        acronyms = Counter(
            a.casefold() for o in self.data.organisations.values() for a in o.acronyms
        )
        for o in self.data.organisations.values():
            for a in o.acronyms:
                if acronyms[a.casefold()] == 1 and seen[a.casefold()] == 0:
                    self.lookup[a.casefold()] = o.id
        for pid, name in names.items():
            if seen[name.casefold()] == 1:
                self.lookup[name.casefold()] = pid
            self.lookup[self.labels[pid].casefold()] = pid
        for pid in names:
            self.lookup[pid] = pid

    @property
    def plan(self) -> PlanData:
        return self.pd.plans[self.plan_id]

    @property
    def parent_level(self) -> str | None:
        """The level whose items actions sit under (None when the plan has only actions)."""
        levels = self.plan.plan.levels
        return levels[-2].id if len(levels) > 1 else None

    def outcomes(self) -> dict[str, str]:
        """Nodes an action may sit under: id -> title."""
        return {n.id: n.title for n in self.plan.plan.nodes if n.level == self.parent_level}

    def partners(self) -> list[str]:
        """The partnership's own partners, for the drop-down: members, local organisations
        and everyone its data names."""
        ids = {m.organisation for m in self.pd.partnership.memberships}
        ids.update(o.id for o in self.pd.organisations)
        if self.pd.partnership.local_authority:
            ids.add(self.pd.partnership.local_authority)
        for plan in self.pd.plans.values():
            for a in plan.actions:
                ids.update(a.leads, a.partners)
        for s in self.pd.services:
            ids.update(p.organisation for p in s.providers)
        return sorted((self.labels[i] for i in ids if i in self.labels), key=str.casefold)

    def names(self, ids: list[str]) -> str:
        return SEPARATOR.join(self.labels.get(i, i) for i in ids)


def latest_status(updates: list[Update]) -> str:
    statuses = [u.status for u in updates if u.status]
    return statuses[-1] if statuses else ""


def latest_progress(updates: list[Update]) -> Update | None:
    notes = [u for u in updates if u.note]
    return notes[-1] if notes else None


def due_text(action: Action) -> str:
    t = action.timescale
    if t is None:
        return ""
    if t.due is not None:
        return t.due.text
    return "ongoing" if t.ongoing else ""


def action_values(ctx: Context, a: Action) -> dict[str, str]:
    progress = latest_progress(a.updates)
    outcomes = {n.id: n.title for n in ctx.plan.plan.nodes}
    return {
        "Action id": a.id,
        "Number": a.number or "",
        "Outcome id": a.under or "",
        "Outcome title": outcomes.get(a.under or "", ""),
        "Action": a.text,
        "Leads": ctx.names(a.leads),
        "Supporting partners": ctx.names(a.partners),
        "Due by": due_text(a),
        "Timescale as written": (a.timescale.raw or "") if a.timescale else "",
        "Status": latest_status(a.updates),
        "Latest progress": (progress.note or "") if progress else "",
        "Progress date": progress.date.text if progress else "",
    }


def figures(m: Measure) -> Iterator[tuple[str, Figure | None]]:
    """A measure's figures with the key each has in the Figure column. A measure with none
    still gets a row, so people can see it and fill in its first figure."""
    if m.baseline:
        yield "baseline", m.baseline
    if m.target:
        yield "target", m.target
    for n, f in enumerate(m.figures, 1):
        yield str(n), f
    if not m.figures:
        yield "", None


def figure_values(ind: Indicator, m: Measure, key: str, f: Figure | None) -> dict[str, str]:
    return {
        "Indicator id": ind.id,
        "Indicator": ind.title,
        "Measure id": m.id,
        "Measure": m.text,
        "Figure": key,
        **figure_fields(f),
    }


def figure_fields(f: Figure | None) -> dict[str, str]:
    if f is None:
        return dict.fromkeys(("Period", "Value", "Unit", "As written", "Note", "Source"), "")
    return {
        "Period": f.period.text if f.period else "",
        "Value": number_text(f.value) if f.value is not None else "",
        "Unit": f.unit or "",
        "As written": f.raw or "",
        "Note": f.note or "",
        "Source": f.source or "",
    }


def service_values(ctx: Context, s: Service) -> dict[str, str]:
    latest = s.status[-1] if s.status else None
    return {
        "Service id": s.id,
        "Name": s.name,
        "Kind": s.kind,
        "Summary": s.summary,
        "Provided by": ctx.names([p.organisation for p in s.providers]),
        "Phone": s.contact.phone or "",
        "Email": s.contact.email or "",
        "Website": s.contact.website or "",
        "Address": s.contact.address or "",
        "Status": latest.status if latest else "",
        "Status since": latest.date.text if latest and latest.date else "",
    }


def figure_key(indicator: str, measure: str, figure: str) -> str:
    return f"{indicator}/{measure}/{figure}"


class SheetError(Exception):
    """A problem that stops an export or import before any row is looked at."""


def choose_plan(pd: PartnershipData, plan_id: str | None) -> str:
    """The plan named, else the partnership's current plan, else its only plan."""
    plans = sorted(pd.plans)
    if plan_id:
        if plan_id not in pd.plans:
            raise SheetError(
                f"partnership {pd.id!r} has no plan {plan_id!r} (it has: {', '.join(plans)})"
            )
        return plan_id
    if pd.partnership.current_plan in pd.plans:
        return pd.partnership.current_plan
    if len(plans) == 1:
        return plans[0]
    if not plans:
        raise SheetError(f"partnership {pd.id!r} has no plan yet: add its plan.yaml first")
    raise SheetError(
        f"partnership {pd.id!r} has {len(plans)} plans and no current_plan: "
        f"choose one with --plan ({', '.join(plans)})"
    )
