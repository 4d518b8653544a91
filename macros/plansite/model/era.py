"""What was true when: where a plan stands today, and what bodies were called in its time.

A plan of 2008 is shown as a plan of 2008. Its standing (draft, current, ended, replaced or
archived) is worked out from the data and today's date; the organisations it names are
shown under the names they had when it began.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from plansite.model.dates import PartialDate
from plansite.model.partnership import Partnership
from plansite.model.plan import PlanFile
from plansite.model.registry import Organisation

Standing = Literal["draft", "current", "ended", "superseded", "archived"]
# A plan whose latest status is one of these has not been adopted yet.
NOT_ADOPTED = {"draft", "consultation", "submitted", "recommended"}


def ended_by(when: PartialDate | None, today: date) -> bool:
    return when is not None and when.first is not None and when.first <= today


def standing(partnership: Partnership, plan: PlanFile, today: date) -> Standing:
    """Where the plan stands today: archived when its partnership no longer exists."""
    latest = plan.status[-1].status
    if latest == "archived" or ended_by(partnership.valid_to, today):
        return "archived"
    if latest == "superseded" or plan.superseded_by is not None:
        return "superseded"
    end = plan.period.end.last
    if end is not None and end < today:
        return "ended"  # whatever was last recorded, its time has passed
    return "draft" if latest in NOT_ADOPTED else "current"


def began(plan: PlanFile) -> date | None:
    return plan.period.start.first


def name_on(org: Organisation, day: date | None) -> str:
    """The name the organisation used on ``day`` (its current name when unknown)."""
    if day is None:
        return org.name
    dated = [(f.until.first, f.name) for f in org.former_names if f.until and f.until.first]
    for until, name in sorted(dated):
        if day < until:
            return name
    return org.name


def outside(
    valid_from: PartialDate | None,
    valid_to: PartialDate | None,
    start: date | None,
    end: date | None,
) -> str | None:
    """Why a body that existed from ``valid_from`` to ``valid_to`` cannot have taken part
    in a plan running from ``start`` to ``end``, or None when the two overlap."""
    if valid_to and valid_to.last and start and valid_to.last < start:
        return f"it ended {at(valid_to)}, before the plan began"
    if valid_from and valid_from.first and end and valid_from.first > end:
        return f"it began {at(valid_from)}, after the plan ended"
    return None


def at(when: PartialDate) -> str:
    """'on 31 March 2017', 'in October 2016', 'in 2017/18'."""
    return f"{'on' if when.precision == 'day' else 'in'} {when.words()}"
