"""The service directory: every service, lists narrowed by who, where and what kind of help,
and a page per service that starts with how to get the help."""

from __future__ import annotations

from dataclasses import dataclass

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
    contact_via: list[tuple[str, Organisation]]  # providers to ask, when it has no contact
    localities: dict[str, str]
    audiences: dict[str, Category]
    help: dict[str, Category]
    providers: dict[str, str]  # organisation id -> name
    funders: dict[str, str]
    outcomes: list[Link]
    history: History


def pages(site: SiteIndex) -> list[PageSpec]:
    out = [index("services", "Services and support", "Get help")]
    out += [PageSpec("service", k, url_for("service", k), s.name) for k, s in site.services.items()]
    facets = [
        ("audience", {k: f"Services for: {c.name}" for k, c in site.audiences.items()}),
        ("locality", {k: f"Services in {n}" for k, n in site.used_localities.items()}),
        ("help", {k: f"Services: {c.name}" for k, c in site.help.items()}),
    ]
    for facet, titles in facets:
        out += [
            PageSpec("service-filter", f"{facet}:{k}", url_for(FACETS[facet], k), title)
            for k, title in titles.items()
        ]
    return out


def services(site: SiteIndex, spec: PageSpec) -> ServicesPage:
    return ServicesPage(
        site.partnership,
        words(site),
        audiences=site.audiences,
        localities=site.used_localities,
        help=site.help,
        services=site.help_services(),
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
        contact_via=site.contact_routes(s),
        localities=site.localities(),
        audiences=site.audiences,
        help=site.help,
        providers={p.organisation: site.partners[p.organisation].name for p in s.providers},
        funders={f: site.name_of(f) for f in funders},
        outcomes=[node_link(site, site.nodes[o]) for o in s.outcomes if o in site.nodes],
        history=history(site, "service", s.id),
    )
