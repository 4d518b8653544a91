"""The accessibility statement, in the form public bodies in Scotland publish it."""

from __future__ import annotations

from dataclasses import dataclass

from plansite.i18n import gettext
from plansite.index.context import SiteIndex
from plansite.pages.parts import Page, words
from plansite.pages.spec import PageSpec, index


@dataclass(frozen=True)
class AccessibilityPage(Page):
    plan_title: str | None
    archived: bool  # the partnership has ended: the site is kept as a record


def pages(site: SiteIndex) -> list[PageSpec]:
    return [index("accessibility", gettext("Accessibility statement"), gettext("Accessibility"))]


def context(site: SiteIndex, spec: PageSpec) -> AccessibilityPage:
    return AccessibilityPage(
        site.partnership,
        words(site),
        plan_title=site.plan.plan.title if site.plan else None,
        archived=site.standing == "archived",
    )
