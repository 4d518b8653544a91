"""plansite's own words for the states an item can be in, shared by pages, feeds and tests."""

from __future__ import annotations

from babel.dates import format_date

from plansite.i18n import ENGLISH, N_, gettext, language
from plansite.model.dates import PartialDate
from plansite.model.plan import status_in_words

# How an action stands, in words, by its latest report ("not-reported": no report yet).
ACTION_STATUS = {
    "planned": N_("Planned"),
    "not-started": N_("Not started"),
    "in-progress": N_("In progress"),
    "ongoing": N_("Ongoing"),
    "delayed": N_("Delayed"),
    "complete": N_("Complete"),
    "withdrawn": N_("Withdrawn"),
}
# Marked for the message catalogue (N_): translated where a page shows them.
ACTION_STATUS_PAGES = {**ACTION_STATUS, "not-reported": N_("No progress reported")}


def status_words(status: str, raw: str | None = None) -> str:
    """How an action stands: in the plan's own words where it gives them, with plansite's
    meaning beside them where the two say different things ('Amber (delayed)'); else in
    plansite's words ('Delayed')."""
    return status_in_words(status, raw) if raw else ACTION_STATUS[status]


# Where the log narrowed to one kind of item lives: changes/<slug>/.
CHANGE_SLUGS = {
    "action": "actions",
    "service": "services",
    "partner": "partners",
    "measure": "indicators",
    "plan": "plan",
    "node": "outcomes",
}

SERVICE_STATUS = {
    "planned": N_("Planned"),
    "pilot": N_("Pilot"),
    "active": N_("Running"),
    "paused": N_("Paused"),
    "closed": N_("Closed"),
    "unknown": N_("Not known"),
}
# How a service is funded, as a page says it.
FUNDING_STATUS = {
    "funded": N_("Funded"),
    "time-limited": N_("Time limited"),
    "to-be-confirmed": N_("To be confirmed"),
    "bid-pending": N_("Bid pending"),
    "shortfall": N_("Shortfall"),
    "ended": N_("Ended"),
    "unknown": N_("Unknown"),
}
# A kind of service as a word in a sentence: "About this project in the plan".
KIND_NOUNS = {
    "service": N_("service"),
    "project": N_("project"),
    "programme": N_("programme"),
    "group": N_("group"),
    "helpline": N_("helpline"),
    "facility": N_("facility"),
    "initiative": N_("initiative"),
    "network": N_("network"),
    "publication": N_("publication"),
    "policy": N_("policy"),
    "protocol": N_("protocol"),
    "tool": N_("tool"),
    "arrangement": N_("arrangement"),
    "campaign": N_("campaign"),
    "consultation": N_("consultation"),
}
PLAN_STATUS = {
    "draft": N_("Draft"),
    "consultation": N_("Out for consultation"),
    "submitted": N_("Submitted"),
    "recommended": N_("Recommended for approval"),
    "approved": N_("Approved"),
    "published": N_("Published"),
    "superseded": N_("Replaced by a newer plan"),
}
ROUTES = {
    "self-referral": N_("You can refer yourself"),
    "family-or-friend": N_("A family member or friend can refer you"),
    "court": N_("Through the court"),
    "social-work": N_("Through social work"),
    "police": N_("Through the police"),
    "prison": N_("Through the prison"),
    "health": N_("Through health services"),
    "education": N_("Through school or college"),
    "housing": N_("Through housing services"),
    "third-sector": N_("Through a voluntary organisation"),
    "professional": N_("Through a professional who works with you"),
    "other": N_("Other routes"),
}


def partial_words(value: PartialDate) -> str:
    """A partial date as a reader would say it, in the language spoken: what
    ``PartialDate.words()`` says in English ('14 June 2017', 'June 2017', 'Year 2')."""
    if value.precision == "ongoing":
        return gettext("ongoing")
    if value.precision == "plan-year":
        return gettext("Year %(number)s") % {"number": value.plan_year}
    # In another language, a day or month in that language's own words (the locale's).
    if value.first and value.precision in ("day", "month") and language() != ENGLISH:
        pattern = "d MMMM y" if value.precision == "day" else "LLLL y"  # a month on its own
        return format_date(value.first, pattern, locale=language())
    return value.words()


def partial_at(value: PartialDate) -> str:
    """When, as a phrase, in the language spoken: 'on 31 March 2017', 'in October 2016'."""
    words = partial_words(value)
    if value.precision == "day":
        return gettext("on %(date)s") % {"date": words}
    return gettext("in %(date)s") % {"date": words}
