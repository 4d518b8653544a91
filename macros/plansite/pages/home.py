"""The home page: help first while the plan is in force, the plan first once it has ended."""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup

from plansite.i18n import gettext
from plansite.index.context import SiteIndex
from plansite.load.writing import AnnualReport
from plansite.model.plan import PlanFile
from plansite.model.registry import Category
from plansite.pages.parts import Page, words
from plansite.pages.reports import latest
from plansite.pages.spec import PageSpec, index


@dataclass(frozen=True)
class HomePage(Page):
    live: bool  # the plan is current or a draft: the page leads with help
    audiences: dict[str, Category]
    plan: PlanFile | None
    plans: int  # how many plans the site keeps, when more than one
    report: AnnualReport | None  # the latest annual report
    own: Markup = field(
        default_factory=Markup
    )  # the sections the partnership wrote for it (pages/home.md)


def pages(site: SiteIndex) -> list[PageSpec]:
    return [index("home", site.partnership.name, gettext("Home"))]


def context(site: SiteIndex, spec: PageSpec) -> HomePage:
    return HomePage(
        site.partnership,
        words(site),
        live=site.standing in ("current", "draft"),
        audiences=site.audience_lists,
        plan=site.plan.plan if site.plan else None,
        plans=len(site.earlier) + 1 if site.earlier else 0,
        report=latest(site),
    )
