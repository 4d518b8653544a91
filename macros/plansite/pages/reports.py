"""Annual reports: one a year, from 1 April to 31 March, as the Act asks partners to publish.

What happened in the year comes from the data (``plansite.index.reports``); the partnership
writes the narrative, with the data macros, in ``reports/<year>.md``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup

from plansite.i18n import gettext
from plansite.index.context import SiteIndex
from plansite.index.reports import YearInFigures, year_in_figures
from plansite.load.writing import AnnualReport
from plansite.model.addresses import url_for
from plansite.pages.parts import Page, words
from plansite.pages.spec import PageSpec


def title(report: AnnualReport) -> str:
    return gettext("Annual report %(year)s") % {"year": report.slug}


def newest_first(site: SiteIndex) -> list[AnnualReport]:
    return sorted(site.pd.reports, key=lambda r: r.year.start, reverse=True)


def latest(site: SiteIndex) -> AnnualReport | None:
    """The newest published report, else the newest in progress."""
    reports = newest_first(site)
    return next((r for r in reports if r.facts.published), reports[0] if reports else None)


def pages(site: SiteIndex) -> list[PageSpec]:
    reports = newest_first(site)
    if not reports:
        return []
    return [
        PageSpec(
            "reports", "", url_for("reports"), gettext("Annual reports"), gettext("Annual reports")
        ),
        *(PageSpec("report", r.slug, url_for("report", r.slug), title(r)) for r in reports),
    ]


@dataclass(frozen=True)
class ReportsPage(Page):
    reports: list[AnnualReport]  # newest first


@dataclass(frozen=True)
class ReportPage(Page):
    report: AnnualReport
    year: YearInFigures
    plan_title: str | None
    csv: str  # addresses of its figures
    json: str
    body: Markup = field(default_factory=Markup)  # the partnership's narrative, rendered


def reports(site: SiteIndex, spec: PageSpec) -> ReportsPage:
    return ReportsPage(site.partnership, words(site), reports=newest_first(site))


def report(site: SiteIndex, spec: PageSpec) -> ReportPage:
    found = next(r for r in site.pd.reports if r.slug == spec.key)
    return ReportPage(
        site.partnership,
        words(site),
        report=found,
        year=year_in_figures(site, found.year),
        plan_title=site.plan.plan.title if site.plan else None,
        csv=url_for("report-figures", found.slug, "csv"),
        json=url_for("report-figures", found.slug, "json"),
    )
