"""Open data: the downloads, the service directory in Open Referral format, and service lists
for other websites to show."""

from __future__ import annotations

from dataclasses import dataclass

from plansite.exports.downloads import Download
from plansite.exports.embed import Fragment
from plansite.i18n import gettext
from plansite.index.context import SiteIndex
from plansite.model.release import PublishedRelease
from plansite.pages.parts import Page, words
from plansite.pages.spec import PageSpec, index

HSDS_TITLES = {
    "services.json": "Services, with their organisations, areas, places and categories (JSON)",
    "organizations.json": "Organisations that provide the services (JSON)",
    "taxonomies.json": "The two category lists: who services are for, and kinds of help (JSON)",
    "taxonomy_terms.json": "The categories themselves (JSON)",
    "csv/datapackage.json": "The same as CSV tables: a data package listing each table",
}


@dataclass(frozen=True)
class Published:
    """The files a partnership's site publishes beside its pages, made once per build."""

    downloads: list[Download]
    hsds: dict[str, str]  # file name -> content
    fragments: list[Fragment]


@dataclass(frozen=True)
class DataPage(Page):
    release: PublishedRelease | None  # the latest
    hsds_files: list[tuple[str, str]]  # file name, title: the tables' own files left out
    downloads: list[Download]


@dataclass(frozen=True)
class EmbedPage(Page):
    fragments: list[Fragment]


def pages(site: SiteIndex) -> list[PageSpec]:
    return [index("data", gettext("Open data"), gettext("Open data")),
            index("embed", gettext("Put our service lists on your website"))]  # fmt: skip


def data(site: SiteIndex, spec: PageSpec, files: Published) -> DataPage:
    return DataPage(
        site.partnership,
        words(site),
        release=site.pd.releases[-1] if site.pd.releases else None,
        hsds_files=[
            (name, HSDS_TITLES.get(name, name))
            for name in files.hsds
            if not name.startswith("csv/") or name == "csv/datapackage.json"
        ],
        downloads=files.downloads,
    )


def embed(site: SiteIndex, spec: PageSpec, files: Published) -> EmbedPage:
    return EmbedPage(site.partnership, words(site), fragments=files.fragments)
