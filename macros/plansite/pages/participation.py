"""The participation statement: who was involved in making the plan, and what came of it."""

from __future__ import annotations

from dataclasses import dataclass

from plansite.i18n import gettext
from plansite.index.context import SiteIndex
from plansite.model.addresses import url_for
from plansite.model.plan import ParticipationFile
from plansite.pages.parts import Link, Page, words
from plansite.pages.spec import PageSpec, index


@dataclass(frozen=True)
class ParticipationPage(Page):
    participation: ParticipationFile | None
    organisations: dict[str, Link]  # those taking part; no url without a partner page


def pages(site: SiteIndex) -> list[PageSpec]:
    return [index("participation", gettext("Who was involved"), gettext("Participation"))]


def context(site: SiteIndex, spec: PageSpec) -> ParticipationPage:
    part = site.plan.participation if site.plan else None
    ids = [o for r in part.records for o in r.organisations] if part else []
    return ParticipationPage(
        site.partnership,
        words(site),
        participation=part,
        organisations={
            i: Link(url_for("partner", i) if i in site.partners else "", site.name_of(i))
            for i in ids
        },
    )
