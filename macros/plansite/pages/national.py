"""The national index: every partnership, its current plan, and the national outcomes it uses."""

from __future__ import annotations

from dataclasses import dataclass, field

from plansite.index.context import SiteIndex
from plansite.load.dataset import Dataset
from plansite.model.plan import PlanFile
from plansite.model.registry import Licence
from plansite.pages.spec import PageSpec
from plansite.pages.standing import HEADINGS


@dataclass(frozen=True)
class NationalRow:
    name: str
    url: str
    plan: PlanFile | None  # its current plan
    standing: str  # where that plan stands, in words
    outcomes: list[str]  # the national outcomes it links to
    fictional: bool


@dataclass
class NationalIndex:
    """The context of the national index page."""

    name: str
    summary: str | None
    licence: Licence | None = None
    rows: list[NationalRow] = field(default_factory=list)


def national_rows(data: Dataset, sites: list[SiteIndex], name: str) -> NationalIndex:
    index = NationalIndex(
        name,
        data.site.summary if data.site else None,
        data.site.licence if data.site else None,
    )
    for site in sites:
        pid = site.partnership.id
        local = {fw.id for fw in site.pd.frameworks}  # a council's own aims are not national
        outcomes = [nat.item.title for nat in site.national.values()
                    if nat.framework.id not in local]  # fmt: skip
        index.rows.append(
            NationalRow(
                name=site.partnership.name,
                url=f"{pid}/",
                plan=site.plan.plan if site.plan else None,
                standing=HEADINGS[site.standing] if site.plan else "",
                outcomes=outcomes,
                fictional=site.partnership.fictional,
            )
        )
    return index


def pages(name: str) -> list[PageSpec]:
    return [PageSpec("national", "", "", name, "Partnerships")]
