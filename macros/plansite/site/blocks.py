"""What the data macros show: the same components as the generated pages, for one page.

Each method builds its view with the page layer (``plansite.pages.parts``), exactly as a
generated page does, and renders the component of ``_components.html`` that shows it. Every
value is escaped by the template; nothing from the data is ever read as a template.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from markupsafe import Markup

from plansite.index.context import SiteIndex
from plansite.load.errors import did_you_mean
from plansite.model.addresses import url_for
from plansite.pages.parts import action_table, indicator_parts, progress
from plansite.site.render import Renderer, link_from


class MacroError(Exception):
    """A macro was given something the data does not have; the message says what to write."""


def _pick(what: str, key: str, known: dict[str, Any]) -> Any:
    if key in known:
        return known[key]
    hint = did_you_mean(key, known) or f"there are {len(known)}: see the data"
    raise MacroError(f"no {what} {key!r} on this site; {hint}")


class Blocks:
    """The components a hand-written page at ``url`` may show."""

    def __init__(
        self, site: SiteIndex, renderer: Renderer, url: str, as_at: date | None = None
    ) -> None:
        # An annual report shows the plan as it stood at the end of its year.
        self.site = site.as_it_stood(as_at) if as_at else site
        self.link = link_from(url)
        self.c: Any = renderer.env.get_template("_components.html").module

    def _html(self, *parts: Any) -> str:
        # Blank lines round it: Markdown passes an HTML block through as it is.
        return "\n\n" + "".join(str(p) for p in parts) + "\n\n"

    # Each macro's arguments are named as a page writes them (model.macros.MACROS).

    def action(self, id: str) -> str:
        """One action: how it stands, who leads it, when it is due, its latest progress."""
        site = self.site
        a = _pick("action", id, site.actions)
        table = action_table(site, [a], site.action_name(a))
        latest = next(reversed(site.updates_of(a)), None)
        return self._html(self.c.action_table(table, self.link), self.c.latest_update(latest))

    def outcome(self, id: str) -> str:
        """An item of the plan with the actions under it."""
        site = self.site
        n = _pick("item of the plan", id, site.nodes)
        name = site.node_name(n)
        table = action_table(
            site,
            site.actions_within(n.id),
            f"{site.level_name(site.action_level, plural=True)}: {name}",
        )
        heading = Markup('<p class="plansite-lede"><a href="{}">{}</a></p>').format(
            self.link(site.node_url(n)), name
        )
        summary = Markup("<p>{}</p>").format(n.summary) if n.summary else ""
        return self._html(heading, summary, self.c.action_table(table, self.link))

    def indicator(self, id: str) -> str:
        """An indicator: its measures as a chart, a table of figures and a summary."""
        plan = self.site.plan
        found = {i.id: i for i in plan.indicators} if plan else {}
        (part,) = indicator_parts(self.site, [_pick("indicator", id, found)])
        return self._html(self.c.indicator_block(part, self.link, 3))

    def partner(self, id: str) -> str:
        """A partner, linked to its page, with the actions it leads and those it supports."""
        site = self.site
        org = _pick("partner", id, site.partners)
        plural = site.level_name(site.action_level, plural=True)
        heading = Markup('<p class="plansite-lede"><a href="{}">{}</a></p>').format(
            self.link(url_for("partner", id)), org.name
        )
        leads = action_table(site, site.leads.get(id, []), f"{plural} led by {org.name}")
        parts = [heading, self.c.action_table(leads, self.link)]
        if supports := site.supports.get(id):
            table = action_table(site, supports, f"{plural} supported by {org.name}")
            parts.append(self.c.action_table(table, self.link))
        return self._html(*parts)

    def services(
        self,
        audience: str | None = None,
        help: str | None = None,
        locality: str | None = None,
        partner: str | None = None,
    ) -> str:
        """Services for an audience, of a kind of help, in a locality or from a partner."""
        site = self.site
        facets = {"audience": audience, "help": help, "locality": locality, "partner": partner}
        chosen = site.help_services()  # the things that are not help are not listed as help
        for facet, key in facets.items():
            if key is None:
                continue
            if facet == "partner":
                _pick("partner", key, site.partners)
                chosen = [s for s in chosen if key in {p.organisation for p in s.providers}]
                continue
            lists: dict[str, dict[str, Any]] = {
                "audience": site.audiences,
                "help": site.help,
                "locality": site.localities(),
            }
            known = lists[facet]
            _pick(facet.replace("help", "kind of help"), key, known)
            chosen = [s for s in chosen if s in site.services_matching(facet, key)]
        chosen.sort(key=lambda s: s.name.lower())
        return self._html(self.c.service_list(chosen, self.link, "No services match.", 3))

    def progress(self) -> str:
        """How the plan's actions stand, counted, each count linked to its list."""
        return self._html(self.c.progress_list(progress(self.site), self.link))

    def changes(self, since: str | date) -> str:
        """What has changed since a day, YYYY-MM-DD, release by release, newest first."""
        day = since if isinstance(since, date) else date.fromisoformat(str(since))
        parts = []
        for _, published, changes in self.site.releases_newest_first():
            if published >= day:
                parts.append(Markup("<p><strong>Published {}</strong></p>").format(
                    f"{published.day} {published:%B %Y}"))  # fmt: skip
                parts.append(self.c.change_list(changes, self.link))
        return self._html(*parts) if parts else self._html(Markup("<p>No changes since then.</p>"))

    def contacts(self) -> str:
        """The partnership's contact details, as on its home page."""
        blocks = [self.c.contact_block(ct) for ct in self.site.partnership.contacts]
        return self._html(*blocks) if blocks else ""
