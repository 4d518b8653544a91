"""Which pages a partnership's site has, and where they live.

The URLs here are a contract: partners link to them from their own sites and leaflets.
Entity pages are kept out of the navigation (indexes link to them), because Material
renders the whole navigation into every page and build time would grow with its square.
"""

from __future__ import annotations

from dataclasses import dataclass

from plansite.index.context import SiteIndex, shorten
from plansite.model.addresses import FACETS, url_for
from plansite.model.plan import Action

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

# Where the log narrowed to one kind of item lives: changes/<slug>/.
CHANGE_SLUGS = {
    "action": "actions",
    "service": "services",
    "partner": "partners",
    "measure": "indicators",
    "plan": "plan",
    "node": "outcomes",
}


@dataclass(frozen=True)
class PageSpec:
    kind: str  # names the template: overrides/partials/plansite/<kind>.html
    key: str  # what the page is about (an id), "" for index pages
    url: str  # directory URL relative to the site root, "" for home
    title: str  # plain text; escaped where it is shown
    nav: str | None = None  # title in the navigation, for top-level pages

    @property
    def src_uri(self) -> str:
        return f"{self.url}index.md"


def index(kind: str, title: str, nav: str | None = None) -> PageSpec:
    """A page about no one item, at the address of its kind."""
    return PageSpec(kind, "", url_for(kind), title, nav)


def item(kind: str, key: str, title: str) -> PageSpec:
    """A page about one item, at the address of its kind for that item."""
    return PageSpec(kind, key, url_for(kind, key), title)


def site_pages(site: SiteIndex) -> list[PageSpec]:
    words = site.kind_words()
    pages = [index("home", site.partnership.name, "Home")]
    if site.plan:
        plan = site.plan.plan
        pages.append(PageSpec("plan", plan.id, url_for("plan"), plan.title, "The plan"))
        pages.append(index("outcomes", site.outcomes_title, site.outcomes_title))
        pages += [item("outcome", n.id, n.title) for n in site.outcome_nodes()]
        pages += [PageSpec("national-outcome", key, nat.url, nat.item.title)
                  for key, nat in site.national.items()]  # fmt: skip
        pages += [item("action", a.id, _action_title(site, a)) for a in site.actions.values()]
        plural = site.level_name(site.action_level, plural=True)
        pages.append(index("actions", f"All {plural.lower()}", f"All {plural.lower()}"))
        pages += [PageSpec("actions-filter", status, url_for("actions-status", status),
                           f"{plural}: {words.lower()}")
                  for status, words in ACTION_STATUS_PAGES.items()
                  if site.actions_with_status(status)]  # fmt: skip
        if site.overdue():
            pages.append(PageSpec("actions-filter", "overdue", url_for("actions-overdue"),
                                  f"{plural}: overdue"))  # fmt: skip
    if site.earlier:
        pages.append(index("plans", "All plans"))
        pages += [item("earlier-plan", e.plan.id, e.plan.title) for e in site.earlier]
    pages.append(index("partners", "Partners", "Partners"))
    pages += [item("partner", k, v.name) for k, v in site.partners.items()]
    pages.append(index("services", "Services and support", "Get help"))
    pages += [item("service", k, s.name) for k, s in site.services.items()]
    facets = [
        ("audience", {k: f"Services for: {c.name}" for k, c in site.audiences.items()}),
        ("locality", {k: f"Services in {n}" for k, n in site.used_localities.items()}),
        ("help", {k: f"Services: {c.name}" for k, c in site.help.items()}),
    ]
    for facet, titles in facets:
        pages += [
            PageSpec("service-filter", f"{facet}:{k}", url_for(FACETS[facet], k), title)
            for k, title in titles.items()
        ]
    pages += [
        index("participation", "Who was involved", "Participation"),
        index("about", f"About {site.partnership.name}", "About us"),
        index("glossary", "Glossary", "Glossary"),
        index("changes", "What's changed", "What's changed"),
        index("data", "Open data", "Open data"),
        index("embed", "Put our service lists on your website"),
        *(PageSpec("removed", r.url, r.url, "No longer listed") for r in site.removed),
        *(PageSpec("changes", kind, url_for("changes-of", CHANGE_SLUGS[kind]),
                   f"What's changed: {words[kind]}") for kind in site.change_kinds()),
        index("accessibility", "Accessibility statement", "Accessibility"),
    ]  # fmt: skip
    return pages


def _action_title(site: SiteIndex, action: Action) -> str:
    """The action's name and, where the name is only its number, the start of its words."""
    name = site.action_name(action)
    if not action.number:
        return name
    return f"{name}: {shorten(action.summary or action.text, 90)}"
