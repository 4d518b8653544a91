"""The national service directory: every partnership's services, and a page for each council
area, audience and kind of help, so that it can be narrowed with no script at all and each
narrowed list has an address a partner can link to."""

from __future__ import annotations

from dataclasses import dataclass

from plansite.exports.directory import Entry
from plansite.i18n import N_, gettext
from plansite.model.addresses import url_for
from plansite.model.registry import Category, CouncilArea
from plansite.pages.spec import PageSpec, index


@dataclass(frozen=True)
class Choice:
    """One way to narrow the directory: its name, its page and how many services it lists."""

    name: str
    url: str
    count: int


@dataclass(frozen=True)
class Facet:
    heading: str
    choices: tuple[Choice, ...]


@dataclass(frozen=True)
class DirectoryPage:
    """The context of the national directory's index."""

    title: str
    entries: tuple[Entry, ...]
    partnerships: int
    listings: int  # services as the partnerships list them, before merging
    facets: tuple[Facet, ...]
    downloads: tuple[tuple[str, str], ...]  # (file name, address)


@dataclass(frozen=True)
class DirectoryFilterPage:
    """The context of the directory narrowed to one area, audience or kind of help."""

    title: str
    facet: str  # "area", "audience" or "help"
    entries: tuple[Entry, ...]
    total: int  # services in the whole directory
    area: CouncilArea | None  # the area, for a list narrowed by area


TITLE = N_("Find a service anywhere in Scotland")
# The facets, with their address kinds and how a narrowed page names itself.
FACETS = {
    "area": ("directory-in", N_("By council area"), N_("Services in %(name)s")),
    "audience": ("directory-for", N_("By who it is for"), N_("Services for: %(name)s")),
    "help": ("directory-help", N_("By kind of help"), N_("Services: %(name)s")),
}
DOWNLOADS = ("services.csv", "services.json")


@dataclass(frozen=True)
class Directory:
    """Everything the directory's pages are made from."""

    entries: list[Entry]
    areas: list[CouncilArea]
    audiences: dict[str, Category]
    help: dict[str, Category]

    def options(self, facet: str) -> list[tuple[str, str]]:
        """(id, name) of each value of a facet, in the order they are offered."""
        if facet == "area":
            return [(a.id, a.name) for a in sorted(self.areas, key=lambda a: a.name)]
        chosen = self.audiences if facet == "audience" else self.help
        return [(k, c.name) for k, c in chosen.items()]

    def matching(self, facet: str, key: str) -> tuple[Entry, ...]:
        field = {"area": "areas", "audience": "audiences", "help": "help"}[facet]
        return tuple(e for e in self.entries if key in getattr(e, field))

    def pages(self) -> list[PageSpec]:
        specs = [index("directory", gettext(TITLE), gettext("Service directory"))]
        for facet, (kind, _, title) in FACETS.items():
            specs += [
                PageSpec(
                    "directory-filter",
                    f"{facet}:{key}",
                    url_for(kind, key),
                    gettext(title) % {"name": n},
                )
                for key, n in self.options(facet)
            ]
        return specs

    def index_page(self) -> DirectoryPage:
        facets = tuple(
            Facet(gettext(heading),
                  tuple(Choice(name, url_for(kind, key), len(self.matching(facet, key)))
                        for key, name in self.options(facet)))
            for facet, (kind, heading, _) in FACETS.items()
        )  # fmt: skip
        return DirectoryPage(
            gettext(TITLE),
            tuple(self.entries),
            len({li.pid for e in self.entries for li in e.listings}),
            sum(len(e.listings) for e in self.entries),
            facets,
            tuple((name, url_for("directory-download", name)) for name in DOWNLOADS),
        )

    def filter_page(self, spec: PageSpec) -> DirectoryFilterPage:
        facet, _, key = spec.key.partition(":")
        area = next((a for a in self.areas if a.id == key), None) if facet == "area" else None
        return DirectoryFilterPage(spec.title, facet, self.matching(facet, key),
                                   len(self.entries), area)  # fmt: skip
