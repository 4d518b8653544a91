"""What every page says about the plan it belongs to: current, draft, ended, replaced or
kept as an archive, so that nobody reads a plan of 2008 as today's."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from plansite.i18n import N_, gettext
from plansite.index.context import SiteIndex
from plansite.load.dataset import PlanData
from plansite.model.era import NOT_ADOPTED, Standing, standing
from plansite.model.translation import unmarked
from plansite.pages.words import PLAN_STATUS, partial_at, partial_words

HEADINGS: dict[Standing, str] = {
    "current": N_("Current plan"),
    "draft": N_("Draft plan"),
    "ended": N_("Past plan"),
    "superseded": N_("Replaced plan"),
    "archived": N_("Archive"),
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
    if period.raw:
        return period.raw
    words = {"start": partial_words(period.start), "end": partial_words(period.end)}
    return gettext("%(start)s to %(end)s") % words


def last_status(plan: PlanData) -> str:
    latest = plan.plan.status[-1]
    return f"{gettext(PLAN_STATUS[latest.status]).lower()} {partial_at(latest.date)}"


def notice(site: SiteIndex, plan: PlanData) -> Notice:
    p = site.partnership
    kind = standing(p, plan.plan, site.today)
    period = period_words(plan)
    # "Area Plan 2008-11", not "Area Plan 2008-11 (2008-11)".
    title = plan.plan.title
    named = title if unmarked(period) in unmarked(title) else f"{title} ({period})"
    heading = gettext(HEADINGS[kind])
    if kind == "archived" and p.valid_to and p.valid_to.first and p.valid_to.first <= site.today:
        ended = {"name": p.name, "when": partial_at(p.valid_to), "plan": named}
        if p.succeeded_by:
            text = gettext(
                "%(name)s no longer exists: it ended %(when)s. Its work passed to "
                "%(successor)s. This site keeps its %(plan)s as a public record."
            )
            text %= {**ended, "successor": p.succeeded_by.name}
        else:
            text = (
                gettext(
                    "%(name)s no longer exists: it ended %(when)s. This site keeps its "
                    "%(plan)s as a public record."
                )
                % ended
            )
        href = str(p.succeeded_by.url) if p.succeeded_by and p.succeeded_by.url else ""
        return Notice(
            kind, heading, text, href=href, link_text=gettext("Where to go now") if href else ""
        )
    if kind == "archived":
        return Notice(
            kind,
            heading,
            gettext("%(plan)s is kept as a public record; it is no longer in use.")
            % {"plan": named},
        )
    if kind == "superseded":
        newer = plan.plan.superseded_by
        if newer and newer.plan and newer.plan in site.pd.plans:
            read = gettext("Read the %(plan)s") % {"plan": site.pd.plans[newer.plan].plan.title}
            link = site.plan_url(newer.plan)
            return Notice(
                kind,
                heading,
                gettext("%(plan)s has been replaced.") % {"plan": named},
                link,
                "",
                read,
            )
        if newer and (newer.title or newer.url):
            title = newer.title or gettext("newer plan")
            href = str(newer.url) if newer.url else ""
            text = gettext("%(plan)s has been replaced by the %(newer)s.") % {
                "plan": named,
                "newer": title,
            }
            return Notice(
                kind, heading, text, href=href, link_text=gettext("Read it") if href else ""
            )
        return Notice(
            kind, heading, gettext("%(plan)s has been replaced by a newer plan.") % {"plan": named}
        )
    if kind == "draft":
        return Notice(
            kind,
            heading,
            gettext("%(plan)s is not approved yet: %(status)s.")
            % {"plan": named, "status": last_status(plan)},
        )
    if kind == "ended":
        text = gettext(
            "%(plan)s: its period has ended, and no newer plan is recorded on this site."
        ) % {"plan": named}
        if plan.plan.status[-1].status in NOT_ADOPTED:
            text += " " + gettext("The last status recorded: %(status)s.") % {
                "status": last_status(plan)
            }
        return Notice(kind, heading, text)
    return Notice(
        kind, heading, named, link=site.plan_url(plan.plan.id), link_text=gettext("Read the plan")
    )
