"""plansite's own words for the states an item can be in, shared by pages, feeds and tests."""

from __future__ import annotations

from plansite.model.plan import status_in_words

# How an action stands, in words, by its latest report ("not-reported": no report yet).
ACTION_STATUS = {
    "planned": "Planned",
    "not-started": "Not started",
    "in-progress": "In progress",
    "ongoing": "Ongoing",
    "delayed": "Delayed",
    "complete": "Complete",
    "withdrawn": "Withdrawn",
}
ACTION_STATUS_PAGES = {**ACTION_STATUS, "not-reported": "No progress reported"}


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
    "planned": "Planned",
    "pilot": "Pilot",
    "active": "Running",
    "paused": "Paused",
    "closed": "Closed",
    "unknown": "Not known",
}
PLAN_STATUS = {
    "draft": "Draft",
    "consultation": "Out for consultation",
    "submitted": "Submitted",
    "recommended": "Recommended for approval",
    "approved": "Approved",
    "published": "Published",
    "superseded": "Replaced by a newer plan",
}
ROUTES = {
    "self-referral": "You can refer yourself",
    "family-or-friend": "A family member or friend can refer you",
    "court": "Through the court",
    "social-work": "Through social work",
    "police": "Through the police",
    "prison": "Through the prison",
    "health": "Through health services",
    "education": "Through school or college",
    "housing": "Through housing services",
    "third-sector": "Through a voluntary organisation",
    "professional": "Through a professional who works with you",
    "other": "Other routes",
}
