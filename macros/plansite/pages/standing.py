"""What every page says about the plan it belongs to: current, draft, ended, replaced or
kept as an archive, so that nobody reads a plan of 2008 as today's."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from plansite.index.context import SiteIndex
from plansite.load.dataset import PlanData
from plansite.model.era import NOT_ADOPTED, Standing, at, standing
from plansite.model.translation import unmarked
from plansite.pages.words import PLAN_STATUS

HEADINGS: dict[Standing, str] = {
    "current": "Current plan",
    "draft": "Draft plan",
    "ended": "Past plan",
    "superseded": "Replaced plan",
    "archived": "Archive",
}


@dataclass(frozen=True)
class Notice:
    """Plain text; the page template escapes it and makes the link."""

    kind: Standing
    heading: str
    text: str
    link: str = ""  # a site-root address on this site …
    href: str = ""  # … or an address elsewhere
    link_text: str = ""

    def as_dict(self) -> dict[str, str]:
        return asdict(self)


def period_words(plan: PlanData) -> str:
    period = plan.plan.period
    return period.raw or f"{period.start.words()} to {period.end.words()}"


def last_status(plan: PlanData) -> str:
    latest = plan.plan.status[-1]
    return f"{PLAN_STATUS[latest.status].lower()} {at(latest.date)}"


def notice(site: SiteIndex, plan: PlanData) -> Notice:
    p = site.partnership
    kind = standing(p, plan.plan, site.today)
    period = period_words(plan)
    # "Area Plan 2008-11", not "Area Plan 2008-11 (2008-11)".
    title = plan.plan.title
    named = title if unmarked(period) in unmarked(title) else f"{title} ({period})"
    heading = HEADINGS[kind]
    if kind == "archived" and p.valid_to and p.valid_to.first and p.valid_to.first <= site.today:
        after = f" Its work passed to {p.succeeded_by.name}." if p.succeeded_by else ""
        text = f"{p.name} no longer exists: it ended {at(p.valid_to)}.{after} "
        text += f"This site keeps its {named} as a public record."
        href = str(p.succeeded_by.url) if p.succeeded_by and p.succeeded_by.url else ""
        return Notice(kind, heading, text, href=href, link_text="Where to go now" if href else "")
    if kind == "archived":
        return Notice(kind, heading, f"{named} is kept as a public record; it is no longer in use.")
    if kind == "superseded":
        newer = plan.plan.superseded_by
        if newer and newer.plan and newer.plan in site.pd.plans:
            read = f"Read the {site.pd.plans[newer.plan].plan.title}"
            link = site.plan_url(newer.plan)
            return Notice(kind, heading, f"{named} has been replaced.", link, "", read)
        if newer and (newer.title or newer.url):
            title = newer.title or "newer plan"
            href = str(newer.url) if newer.url else ""
            text = f"{named} has been replaced by the {title}."
            return Notice(kind, heading, text, href=href, link_text="Read it" if href else "")
        return Notice(kind, heading, f"{named} has been replaced by a newer plan.")
    if kind == "draft":
        return Notice(kind, heading, f"{named} is not approved yet: {last_status(plan)}.")
    if kind == "ended":
        text = f"{named}: its period has ended, and no newer plan is recorded on this site."
        if plan.plan.status[-1].status in NOT_ADOPTED:
            text += f" The last status recorded: {last_status(plan)}."
        return Notice(kind, heading, text)
    return Notice(kind, heading, named, link=site.plan_url(plan.plan.id), link_text="Read the plan")
