"""About the partnership: its area, council, chair, localities and the area in figures."""

from __future__ import annotations

from dataclasses import dataclass

from plansite.i18n import gettext
from plansite.index.context import SiteIndex
from plansite.model.addresses import url_for
from plansite.model.plan import PlanFile, Statistic
from plansite.pages.parts import Link, Page, words
from plansite.pages.spec import PageSpec, index


@dataclass(frozen=True)
class AboutPage(Page):
    council: Link | None  # no url when the council has no partner page
    partners: int  # how many organisations and groups the partners page lists
    plan: PlanFile | None
    statistics: list[Statistic]


def pages(site: SiteIndex) -> list[PageSpec]:
    return [
        index(
            "about",
            gettext("About %(partnership)s") % {"partnership": site.partnership.name},
            gettext("About us"),
        )
    ]


def context(site: SiteIndex, spec: PageSpec) -> AboutPage:
    council_id = site.partnership.local_authority
    council = None
    if council_id:
        url = url_for("partner", council_id) if council_id in site.partners else ""
        council = Link(url, site.name_of(council_id))
    return AboutPage(
        site.partnership,
        words(site),
        council=council,
        partners=len(site.partners),
        plan=site.plan.plan if site.plan else None,
        statistics=site.plan.statistics if site.plan else [],
    )
