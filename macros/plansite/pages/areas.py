"""The national site by council area: an index of every area, and a page per area saying which
partnership covers it, where its plan stands, how to get help and what services it lists."""

from __future__ import annotations

from dataclasses import dataclass

from plansite.exports.directory import Entry
from plansite.i18n import N_, gettext
from plansite.model.registry import CouncilArea
from plansite.pages.cards import PartnershipCard
from plansite.pages.spec import PageSpec, index, item


@dataclass(frozen=True)
class AreaRow:
    area: CouncilArea
    covered_by: tuple[PartnershipCard, ...]


@dataclass(frozen=True)
class AreasPage:
    """The context of the index of council areas."""

    title: str
    rows: tuple[AreaRow, ...]
    covered: int  # how many areas have a partnership on this site


@dataclass(frozen=True)
class AreaPage:
    """The context of one council area's page."""

    area: CouncilArea
    covered_by: tuple[PartnershipCard, ...]  # each partnership that covers it
    services: tuple[Entry, ...]  # the services listed for it


TITLE = N_("Find your council area")


def rows(areas: list[CouncilArea], cards: list[PartnershipCard]) -> tuple[AreaRow, ...]:
    return tuple(
        AreaRow(a, tuple(c for c in cards if a.id in c.area_ids))
        for a in sorted(areas, key=lambda a: a.name)
    )


def areas_page(area_rows: tuple[AreaRow, ...]) -> AreasPage:
    return AreasPage(gettext(TITLE), area_rows, sum(1 for r in area_rows if r.covered_by))


def area_page(row: AreaRow, entries: list[Entry]) -> AreaPage:
    return AreaPage(row.area, row.covered_by, tuple(e for e in entries if row.area.id in e.areas))


def pages(area_rows: tuple[AreaRow, ...]) -> list[PageSpec]:
    return [index("areas", gettext(TITLE), gettext("Council areas"))] + [
        item("area", r.area.id, gettext("Community justice in %(area)s") % {"area": r.area.name})
        for r in area_rows
    ]
