"""The national site's view of one partnership: a card that the overview and the area pages
share, with the plan it presents, where that plan stands and when its data last changed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from plansite.index.context import SiteIndex
from plansite.model.addresses import url_for
from plansite.model.common import ContactPoint
from plansite.model.plan import PlanFile
from plansite.pages.standing import HEADINGS


@dataclass(frozen=True)
class PartnershipCard:
    pid: str
    name: str
    url: str  # its site, from the national root
    services_url: str  # its service directory
    plan: PlanFile | None  # the plan its site presents
    standing: str  # where that plan stands, in words; "" without a plan
    updated: date | None  # its latest release of data
    area_ids: tuple[str, ...]  # the council areas it covers
    areas: tuple[str, ...]  # their names
    contacts: tuple[ContactPoint, ...]
    services: int
    fictional: bool
    outcomes: tuple[str, ...]  # the national outcomes its plan works towards


def card(site: SiteIndex, area_names: dict[str, str]) -> PartnershipCard:
    p = site.partnership
    home = url_for("partnership", p.id)
    releases = site.pd.releases
    return PartnershipCard(
        pid=p.id,
        name=p.name,
        url=home,
        services_url=home + url_for("services"),
        plan=site.plan.plan if site.plan else None,
        standing=HEADINGS[site.standing] if site.plan else "",
        updated=releases[-1].date if releases else None,
        area_ids=tuple(a for a in p.council_areas if a in area_names),
        areas=tuple(area_names[a] for a in p.council_areas if a in area_names),
        contacts=tuple(c for c in p.contacts if not c.not_stated),
        services=len(site.help_services()),
        fictional=p.fictional,
        # A council's own aims are frameworks of the partnership, not national outcomes.
        outcomes=tuple(
            nat.item.title
            for nat in site.national.values()
            if nat.framework.id not in {fw.id for fw in site.pd.frameworks}
        ),
    )
