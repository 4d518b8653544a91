"""The national site: an overview of every partnership and of progress towards the current
national outcomes, and the pages by council area and the service directory (``areas``,
``directory``), all made from the same indexes of the partnerships."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from plansite.exports.directory import Entry, entries
from plansite.i18n import gettext
from plansite.index.context import SiteIndex
from plansite.load.dataset import Dataset
from plansite.model.registry import Framework, FrameworkItem, Licence
from plansite.pages import areas
from plansite.pages.cards import PartnershipCard, card
from plansite.pages.directory import Directory, DirectoryFilterPage, DirectoryPage
from plansite.pages.spec import PageSpec
from plansite.pages.words import ACTION_STATUS_PAGES


@dataclass(frozen=True)
class OutcomeProgress:
    """One national outcome across Scotland: who works towards it, and how their actions stand."""

    item: FrameworkItem
    linked: tuple[str, ...]  # names of the partnerships whose plans link to it
    priority: int  # how many plans answer that it is a local priority
    actions: tuple[tuple[str, int], ...]  # (status in words, how many actions), largest first


@dataclass(frozen=True)
class NationalIndex:
    """The context of the national overview."""

    name: str
    summary: str | None
    licence: Licence | None
    cards: tuple[PartnershipCard, ...]
    framework: Framework | None  # the current national outcomes, if the data has them
    progress: tuple[OutcomeProgress, ...]
    areas: int  # council areas listed
    covered: int  # of them, those with a partnership on this site
    services: int  # entries in the national directory


def current_framework(data: Dataset) -> Framework | None:
    """The national outcomes in use now: of the national frameworks of outcomes not replaced,
    the one partnerships began to use last."""
    found = [
        (fw.valid_from.first, fw)
        for fw in data.framework_list
        if fw.kind == "outcomes" and fw.valid_to is None and fw.valid_from and fw.valid_from.first
    ]
    return max(found, key=lambda pair: pair[0])[1] if found else None


def progress(framework: Framework, sites: list[SiteIndex]) -> tuple[OutcomeProgress, ...]:
    out = []
    for item in framework.items:
        key = f"{framework.id}:{item.id}"
        linked = [s for s in sites if key in s.national]
        priority = sum(1 for s in sites if s.plan for answer in s.plan.plan.national_outcomes
                       if answer.outcome == key and answer.priority)  # fmt: skip
        counts = Counter(gettext(ACTION_STATUS_PAGES[s.status_of(a) or "not-reported"])
                         for s in linked for a in s.national_actions(key))  # fmt: skip
        by_status = tuple(sorted(counts.items(), key=lambda c: (-c[1], c[0])))
        names = tuple(s.partnership.name for s in linked)
        out.append(OutcomeProgress(item, names, priority, by_status))
    return tuple(out)


NationalContext = (
    NationalIndex | areas.AreasPage | areas.AreaPage | DirectoryPage | DirectoryFilterPage
)


# The context each kind of page of the national site receives.
CONTEXTS: dict[str, type] = {
    "national": NationalIndex,
    "areas": areas.AreasPage,
    "area": areas.AreaPage,
    "directory": DirectoryPage,
    "directory-filter": DirectoryFilterPage,
}


@dataclass(frozen=True)
class National:
    """Every page of the national site and the context of each."""

    overview: NationalIndex
    area_rows: tuple[areas.AreaRow, ...]
    directory: Directory

    def pages(self) -> list[PageSpec]:
        home = PageSpec("national", "", "", self.overview.name, gettext("Partnerships"))
        return [home, *areas.pages(self.area_rows), *self.directory.pages()]

    def context(self, spec: PageSpec) -> NationalContext:
        if spec.kind == "national":
            return self.overview
        if spec.kind == "areas":
            return areas.areas_page(self.area_rows)
        if spec.kind == "area":
            row = next(r for r in self.area_rows if r.area.id == spec.key)
            return areas.area_page(row, self.directory.entries)
        if spec.kind == "directory":
            return self.directory.index_page()
        return self.directory.filter_page(spec)


def national(data: Dataset, sites: list[SiteIndex], name: str) -> National:
    area_names = {a.id: a.name for a in data.council_areas}
    cards = [card(site, area_names) for site in sites]
    found: list[Entry] = entries(sites)
    area_rows = areas.rows(data.council_areas, cards)
    framework = current_framework(data)
    overview = NationalIndex(
        name,
        data.site.summary if data.site else None,
        data.site.licence if data.site else None,
        tuple(cards),
        framework,
        progress(framework, sites) if framework else (),
        len(area_rows),
        sum(1 for r in area_rows if r.covered_by),
        len(found),
    )
    return National(overview, area_rows, Directory(found, data.council_areas, data.audiences,
                                                   data.help))  # fmt: skip
