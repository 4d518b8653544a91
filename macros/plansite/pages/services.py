"""The service directory: every service, lists narrowed by who, where and what kind of help,
and a page per service that starts with how to get the help."""

from __future__ import annotations

from dataclasses import dataclass

from plansite.i18n import N_, gettext
from plansite.index.context import SiteIndex
from plansite.model.addresses import FACETS, url_for
from plansite.model.partnership import Locality
from plansite.model.registry import Category, Organisation
from plansite.model.service import NOT_HELP_KINDS, Service
from plansite.pages.parts import History, Link, Page, history, node_link, words
from plansite.pages.spec import PageSpec, index


@dataclass(frozen=True)
class ServicesPage(Page):
    audiences: dict[str, Category]
    localities: dict[str, str]  # the localities some service names
    help: dict[str, Category]
    services: list[Service]  # help people can ask for or take part in, by name
    closed: list[Service]  # help that is no longer running, by name
    # What is not help, under a heading for what it is: (heading id, heading, entries)
    not_help: list[tuple[str, str, list[Service]]]


@dataclass(frozen=True)
class ServiceFilterPage(Page):
    facet: str  # audience, locality or help
    about: Category | Locality  # what the list is narrowed to
    total: int
    services: list[Service]


@dataclass(frozen=True)
class ServicePage(Page):
    service: Service
    resource: bool  # not help: read, used, or a way partners work, tell or ask people
    live: bool  # the plan is current or a draft: what it says is running is said as today's
    contact_via: list[tuple[str, Organisation]]  # providers to ask, when it has no contact
    localities: dict[str, str]
    audiences: dict[str, Category]
    help: dict[str, Category]
    # The audiences, kinds of help and localities that have a list of help of their own: the
    # page links to those lists, and names the others without a link.
    lists: dict[str, set[str]]
    providers: dict[str, str]  # organisation id -> name
    funders: dict[str, str]
    outcomes: list[Link]
    history: History


def pages(site: SiteIndex) -> list[PageSpec]:
    out = [index("services", gettext("Services and support"), gettext("Get help"))]
    out += [PageSpec("service", k, url_for("service", k), s.name) for k, s in site.services.items()]
    # Each narrowed list is named by its message, with the category or place in it.
    facets = [
        ("audience", N_("Services for: %(name)s"),
         {k: c.name for k, c in site.audience_lists.items()}),
        ("locality", N_("Services in %(name)s"), dict(site.used_localities)),
        ("help", N_("Services: %(name)s"), {k: c.name for k, c in site.help_lists.items()}),
    ]  # fmt: skip
    for facet, message, names in facets:
        out += [
            PageSpec("service-filter", f"{facet}:{k}", url_for(FACETS[facet], k),
                     gettext(message) % {"name": name})
            for k, name in names.items()
        ]  # fmt: skip
    return out


def services(site: SiteIndex, spec: PageSpec) -> ServicesPage:
    return ServicesPage(
        site.partnership,
        words(site),
        audiences=site.audience_lists,
        localities=site.used_localities,
        help=site.help_lists,
        services=site.help_services(),
        closed=site.closed_services(),
        not_help=site.not_help(),
    )


def service_filter(site: SiteIndex, spec: PageSpec) -> ServiceFilterPage:
    facet, key = spec.key.split(":")
    about: Category | Locality
    if facet == "audience":
        about = site.audiences[key]
    elif facet == "help":
        about = site.help[key]
    else:
        about = next(loc for loc in site.partnership.localities if loc.id == key)
    return ServiceFilterPage(
        site.partnership,
        words(site),
        facet=facet,
        about=about,
        total=len(site.help_services()),
        services=site.services_matching(facet, key),
    )


def service(site: SiteIndex, spec: PageSpec) -> ServicePage:
    s = site.services[spec.key]
    funders = [f for fund in s.funding for f in fund.funders]
    return ServicePage(
        site.partnership,
        words(site),
        service=s,
        resource=s.kind in NOT_HELP_KINDS,
        live=site.standing in ("current", "draft"),
        # A closed service is not to be reached through its providers: it has no help to give.
        contact_via=[] if s.closed else site.contact_routes(s),
        localities=site.localities(),
        audiences=site.audiences,
        help=site.help,
        lists={
            "audience": set(site.audience_lists),
            "help": set(site.help_lists),
            "locality": set(site.used_localities),
        },
        providers={p.organisation: site.partners[p.organisation].name for p in s.providers},
        funders={f: site.name_of(f) for f in funders},
        outcomes=[node_link(site, site.nodes[o]) for o in s.outcomes if o in site.nodes],
        history=history(site, "service", s.id),
    )
