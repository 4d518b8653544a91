"""What the Community Justice (Scotland) Act 2016 asks a plan to say, checked.

A plan answers each nationally determined outcome of the framework it answers to (s19): it
either works towards the outcome (an item or action links to it) or says why the outcome is
not a local priority. And it says who took part in preparing it (s21, the participation
statement).

A plan whose time has passed cannot be changed any more, so for an ended or replaced plan a
missing answer is a note (what the record lacks), not a warning (what to fix before
publishing): ``check --strict`` stays usable for a partnership with an archive of old plans.
"""

from __future__ import annotations

from datetime import date

from plansite.load.dataset import Dataset, PartnershipData, PlanData, current_plan
from plansite.load.errors import Diagnostic
from plansite.load.writing import ReportYear
from plansite.model.era import began, standing

PAST = {"ended", "superseded", "archived"}


def duties(data: Dataset, today: date | None = None) -> list[Diagnostic]:
    day = today or date.today()
    out: list[Diagnostic] = []
    for pd in data.partnerships.values():
        for plan in pd.plans.values():
            out += _unanswered_outcomes(data, pd, plan, day)
            out += _no_participation(plan)
        out += _annual_reports(pd, day)
    return out


def _annual_reports(pd: PartnershipData, day: date) -> list[Diagnostic]:
    """Each reporting year that has ended while the current plan was in force has its report
    published by 31 December after it (s27): until then, how many days are left."""
    plan = current_plan(pd)
    start = began(plan.plan) if plan else None
    if plan is None or start is None or standing(pd.partnership, plan.plan, day) in PAST:
        return []
    published = {r.slug: r for r in pd.reports if r.facts.published}
    written = {r.slug: r for r in pd.reports}
    folder = pd.files["partnership"].rel.rsplit("/", 1)[0]
    first = start.year if start >= date(start.year, 4, 1) else start.year - 1
    out = []
    year = ReportYear(first)
    while year.last < day:
        if year.slug not in published:
            left = (year.due - day).days
            when = f"31 December {year.due.year}"
            if left >= 0:
                message = (f"the annual report for {year.slug} is due by {when}: "
                           f"{left} day{'s' if left != 1 else ''} left")  # fmt: skip
            else:
                message = f"the annual report for {year.slug} was due by {when}, {-left} days ago"
            found = written.get(year.slug)
            if found:
                rel, hint = found.rel, "add 'published: YYYY-MM-DD' to its facts once it is out"
            else:
                rel = f"{folder}/reports/{year.slug}.md"
                hint = f"write it in reports/{year.slug}.md: see the guide's yearly cycle"
            out.append(Diagnostic("warn-report-due", rel, 1, 1, "", message, hint))
        year = ReportYear(year.start + 1)
    return out


def _unanswered_outcomes(
    data: Dataset, pd: PartnershipData, pl: PlanData, day: date
) -> list[Diagnostic]:
    plan, file = pl.plan, pl.files["plan"]
    linked = {ref for n in plan.nodes for ref in n.frameworks}
    linked.update(ref for a in pl.actions for ref in a.frameworks)
    linked.update(ref for x in pl.indicators for ref in x.frameworks)
    answers = {a.outcome: (i, a) for i, a in enumerate(plan.national_outcomes)}
    past = standing(pd.partnership, plan, day) in PAST
    code = "note-outcome-unanswered" if past else "warn-outcome-unanswered"
    out: list[Diagnostic] = []
    for j, fw_id in enumerate(plan.answers_to):
        fw = data.frameworks.get(fw_id)
        if fw is None:  # reported as an unknown framework
            continue
        for item in fw.items:
            ref = f"{fw.id}:{item.id}"
            if ref in linked:
                continue
            name = f"outcome {item.number} of {fw.name}" if item.number else fw.name
            found = answers.get(ref)
            if found is None:
                why = "nothing in the plan links to it and no reason is given"
                path: tuple[str | int, ...] = ("answers_to", j)
                hint = (
                    f"link an item, action or indicator to {ref!r} in its frameworks:, or add "
                    f"{{outcome: {ref}, priority: false, reason: …}} to national_outcomes: "
                    "saying why it is not a local priority"
                )
            elif found[1].priority:
                why = "it is marked a priority, but nothing in the plan links to it"
                path = ("national_outcomes", found[0], "priority")
                hint = f"link the items or actions that work towards it to {ref!r}"
            elif not found[1].reason:
                why = "it is marked not a priority, but no reason is given"
                path = ("national_outcomes", found[0], "priority")
                hint = "add reason: saying why it is not a local priority"
            else:
                continue
            message = f"plan {plan.id!r} does not answer {name}, {item.title!r}: {why}"
            out.append(file.diagnostic(code, path, message, hint=hint))
    return out


def _no_participation(pl: PlanData) -> list[Diagnostic]:
    """An outcome improvement plan says who was involved in preparing it."""
    if pl.plan.kind != "outcome-improvement-plan" or pl.engagements:
        return []
    file = pl.files.get("participation")
    where, path = (file, ("records",)) if file else (pl.files["plan"], ("id",))
    message = f"plan {pl.plan.id!r} has no participation records"
    return [where.diagnostic("warn-no-participation", path, message)]
