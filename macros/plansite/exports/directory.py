"""The national service directory: every partnership's services in one list, as open data.

A service that several partnerships list is one entry, not one per partnership. Two listings
are the same service when they have the same name (ignoring case and spacing) and the same
providers, and both name at least one provider: a national body's service that each
partnership lists for its own area. A service with no provider named is never merged, as
nothing says two of them are the same. The entry keeps every listing, so it links to each
partnership's own page about the service.

The directory lists help a person can ask for or take part in. What a plan names beside its
services that is not help (publications, policies, protocols, tools, ways agencies work
together, campaigns and consultations: ``NOT_HELP_KINDS``) is listed on its partnership's
own services page, under a heading for what it is, and not here. Nor is a service that has
closed: its partnership's services page lists it under "No longer running".
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cached_property

from plansite.exports.tables import bulk_json, csv_text
from plansite.index.context import SiteIndex
from plansite.model.addresses import url_for
from plansite.model.service import Service


@dataclass(frozen=True)
class Listing:
    """One partnership's listing of a service."""

    pid: str
    partnership: str  # the partnership's name
    fictional: bool
    service: Service
    url: str  # its page, from the national site's root
    areas: tuple[str, ...]  # ids of the council areas the partnership covers


@dataclass(frozen=True)
class Entry:
    """A service in the national directory, with every partnership that lists it."""

    key: str  # "<pid>/<service id>" of its first listing: stable while that listing is
    name: str
    summary: str
    providers: tuple[str, ...]  # organisation names
    listings: tuple[Listing, ...]
    label: str  # its name, with its partnership's where another entry has the same name

    # Worked out once: every list of the directory narrowed to one value asks each entry.
    @cached_property
    def audiences(self) -> frozenset[str]:
        return frozenset(a for li in self.listings for a in li.service.audiences)

    @cached_property
    def help(self) -> frozenset[str]:
        return frozenset(h for li in self.listings for h in li.service.help)

    @cached_property
    def areas(self) -> frozenset[str]:
        return frozenset(a for li in self.listings for a in li.areas)


def same_service(service: Service) -> tuple[str, frozenset[str]] | None:
    """What makes two listings one service (see the module's note); None: never merged."""
    providers = frozenset(p.organisation for p in service.providers)
    if not providers:
        return None
    return " ".join(service.name.lower().split()), providers


def listings(sites: list[SiteIndex]) -> list[Listing]:
    """Every service of every partnership, partnership by partnership: help still offered
    only, as the things that are not help and the services that have closed (see the
    module's note) are listed on their partnership's site."""
    return [
        Listing(site.partnership.id, site.partnership.name, site.partnership.fictional, service,
                url_for("partnership", site.partnership.id) + url_for("service", service.id),
                tuple(site.partnership.council_areas))
        for site in sites
        for service in sorted(site.help_services(), key=lambda s: s.id)
    ]  # fmt: skip


def entries(sites: list[SiteIndex]) -> list[Entry]:
    """The directory's entries, by name; listings of one service (see above) merged."""
    names = {p.organisation: site.name_of(p.organisation)
             for site in sites for s in site.help_services() for p in s.providers}  # fmt: skip
    grouped: dict[object, list[Listing]] = {}
    for listing in listings(sites):
        same = same_service(listing.service)
        grouped.setdefault(same if same else (listing.pid, listing.service.id), []).append(listing)
    taken = Counter(" ".join(g[0].service.name.lower().split()) for g in grouped.values())
    out = []
    for group in grouped.values():
        first = group[0].service
        providers = tuple(sorted({names[p.organisation] for p in first.providers}))
        # Two links with one text must not lead to two places.
        shared = taken[" ".join(first.name.lower().split())] > 1 and len(group) == 1
        label = f"{first.name} ({group[0].partnership})" if shared else first.name
        out.append(Entry(f"{group[0].pid}/{first.id}", first.name, first.summary, providers,
                         tuple(group), label))  # fmt: skip
    return sorted(out, key=lambda e: (e.name.lower(), e.key))


COLUMNS = ["partnership_id", "partnership", "service_id", "service", "summary", "kind",
           "providers", "audiences", "help", "council_areas", "url", "directory_entry"]  # fmt: skip


def _rows(found: list[Entry], base: str) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for entry in found:
        for li in entry.listings:
            s = li.service
            rows.append({
                "partnership_id": li.pid, "partnership": li.partnership, "service_id": s.id,
                "service": s.name, "summary": s.summary, "kind": s.kind,
                "providers": sorted(p.organisation for p in s.providers),
                "audiences": list(s.audiences), "help": list(s.help),
                "council_areas": list(li.areas), "url": base + li.url,
                "directory_entry": entry.key,
            })  # fmt: skip
    return rows


def services_csv(found: list[Entry], base: str = "") -> str:
    """One row per partnership's listing of a service; lists joined with "; "."""
    rows = _rows(found, base)
    cells = [[("; ".join(v) if isinstance(v, list) else v) for v in r.values()] for r in rows]
    return csv_text(COLUMNS, cells)


def services_json(found: list[Entry], base: str = "") -> str:
    return bulk_json({"services": _rows(found, base)})
