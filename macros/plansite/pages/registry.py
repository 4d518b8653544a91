"""Every kind of page of a partnership's site: which pages it has, and the context of each.

``site_pages`` lists a site's pages in the order of its navigation; ``context`` builds the
typed context of one page, the only values its template receives.
"""

from __future__ import annotations

from collections.abc import Callable

from plansite.index.context import SiteIndex
from plansite.pages import (
    about,
    accessibility,
    actions,
    changes,
    data,
    easyread,
    glossary,
    home,
    outcomes,
    participation,
    partners,
    plan,
    plans,
    reports,
    services,
    writing,
)
from plansite.pages.parts import Page
from plansite.pages.spec import PageSpec

# Which pages each kind of page adds, in the order the site lists them.
LISTS: list[Callable[[SiteIndex], list[PageSpec]]] = [
    home.pages,
    plan.pages,
    easyread.pages,
    outcomes.pages,
    actions.pages,
    plans.pages,
    reports.pages,
    partners.pages,
    services.pages,
    writing.news_pages,
    participation.pages,
    about.pages,
    writing.page_pages,
    glossary.pages,
    changes.index_pages,
    data.pages,
    changes.removed_pages,
    changes.kind_pages,
    accessibility.pages,
]

Build = Callable[[SiteIndex, PageSpec], Page]
CONTEXTS: dict[str, Build] = {
    "home": home.context,
    "plan": plan.context,
    "easy-read": easyread.context,
    "outcomes": outcomes.outcomes,
    "outcome": outcomes.outcome,
    "national-outcome": outcomes.national_outcome,
    "action": actions.action,
    "actions": actions.actions,
    "actions-filter": actions.actions_filter,
    "plans": plans.plans,
    "earlier-plan": plans.earlier_plan,
    "partners": partners.partners,
    "partner": partners.partner,
    "services": services.services,
    "service": services.service,
    "service-filter": services.service_filter,
    "participation": participation.context,
    "about": about.context,
    "glossary": glossary.context,
    "changes": changes.changes,
    "removed": changes.removed,
    "accessibility": accessibility.context,
    "news": writing.news,
    "news-tag": writing.news_tag,
    "own-page": writing.own_page,
    "post": writing.post,
    "reports": reports.reports,
    "report": reports.report,
}
# Pages that show the files the site publishes beside its pages.
WITH_FILES = {"data": data.data, "embed": data.embed}


def site_pages(site: SiteIndex) -> list[PageSpec]:
    return [spec for pages in LISTS for spec in pages(site)]


def context(site: SiteIndex, spec: PageSpec, files: data.Published) -> Page:
    if spec.kind in WITH_FILES:
        return WITH_FILES[spec.kind](site, spec, files)
    return CONTEXTS[spec.kind](site, spec)
