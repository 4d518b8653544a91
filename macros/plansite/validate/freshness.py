"""How fresh the details of services and contacts are: each may say the day it was last
checked (``checked:``), and check warns about each one older than the partnership allows.

Details with no ``checked:`` day are left alone: most plans give no such date, and a
warning for each would only hide the ones that matter.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from plansite.load.dataset import Dataset, PartnershipData
from plansite.load.errors import Diagnostic
from plansite.load.yaml_reader import Path_, YamlFile
from plansite.model.common import ContactPoint
from plansite.model.partnership import CheckLimits
from plansite.model.service import Service

# For contacts in the national organisations file, which no one partnership keeps.
DEFAULT_MONTHS = CheckLimits().old_after_months


def months_before(day: date, months: int) -> date:
    """The same day ``months`` calendar months earlier (the month's last day if it is shorter)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def months_between(earlier: date, later: date) -> int:
    """Whole calendar months from ``earlier`` to ``later``."""
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    return months - 1 if later.day < earlier.day else months


@dataclass(frozen=True)
class Dated:
    """Details that say when they were last checked, and where that day is written."""

    what: str  # "service 'drop-in'", "contact of service 'drop-in'"
    file: YamlFile
    path: Path_  # of the checked: field
    checked: date


def _contact(
    file: YamlFile | None, path: Path_, contact: ContactPoint | None, what: str
) -> Iterator[Dated]:
    if file is not None and contact is not None and contact.checked is not None:
        yield Dated(what, file, (*path, "checked"), contact.checked)


def _service(file: YamlFile | None, i: int, s: Service) -> Iterator[Dated]:
    if file is not None and s.checked is not None:
        yield Dated(f"service {s.id!r}", file, ("services", i, "checked"), s.checked)
    yield from _contact(file, ("services", i, "contact"), s.contact, f"contact of service {s.id!r}")


def dated(pd: PartnershipData) -> Iterator[Dated]:
    """Every service and contact of the partnership that says when it was last checked."""
    p, pfile = pd.partnership, pd.files.get("partnership")
    for i, c in enumerate(p.contacts):
        yield from _contact(pfile, ("contacts", i), c, f"partnership contact {i + 1}")
    if p.accessibility:
        where = ("accessibility", "contact")
        yield from _contact(pfile, where, p.accessibility.contact, "accessibility contact")
    ofile = pd.files.get("local-organisations")
    for i, org in enumerate(pd.organisations):
        path = ("organisations", i, "contact")
        yield from _contact(ofile, path, org.contact, f"contact of {org.id!r}")
    sfile = pd.files.get("services")
    for i, s in enumerate(pd.services):
        yield from _service(sfile, i, s)


def _old(records: Iterator[Dated], months: int, today: date) -> list[Diagnostic]:
    limit = months_before(today, months)
    return [
        r.file.diagnostic(
            "warn-details-old",
            r.path,
            f"the details of {r.what} were last checked on {r.checked.isoformat()}, more than "
            f"{months} month{'s' if months != 1 else ''} ago",
        )
        for r in records
        if r.checked < limit
    ]


def freshness(data: Dataset, today: date | None = None) -> list[Diagnostic]:
    """A warning for each service or contact last checked longer ago than its partnership
    allows (``checks: old_after_months``, twelve months unless it says otherwise)."""
    day = today or date.today()
    out: list[Diagnostic] = []
    for pd in data.partnerships.values():
        out += _old(dated(pd), pd.partnership.checks.old_after_months, day)
    ofile = data.files.get("organisations")
    national = (
        _contact(ofile, ("organisations", i, "contact"), org.contact, f"contact of {org.id!r}")
        for i, org in enumerate(data.organisation_list)
    )
    out += _old((r for records in national for r in records), DEFAULT_MONTHS, day)
    return out


@dataclass(frozen=True)
class ServiceAge:
    """A service of the directory and when its details were last checked."""

    service: Service
    checked: date | None  # the older of the service's own day and its contact's
    months: int | None  # how long ago, in whole months
    old: bool


def oldest_first(pd: PartnershipData, today: date | None = None) -> list[ServiceAge]:
    """The partnership's services, the ones never checked first, then oldest checked first."""
    day = today or date.today()
    limit = months_before(day, pd.partnership.checks.old_after_months)
    out = []
    for s in pd.services:
        checked = s.details_checked()
        months = months_between(checked, day) if checked else None
        out.append(ServiceAge(s, checked, months, checked is not None and checked < limit))
    return sorted(out, key=lambda a: (a.checked or date.min, a.service.name.lower()))
