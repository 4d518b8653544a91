"""What's changed: the log of every release, narrowed by kind of item, and the pages kept for
items that are no longer listed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from plansite.history.log import Change
from plansite.i18n import gettext
from plansite.index.context import Removed, SiteIndex
from plansite.model.addresses import url_for
from plansite.pages.parts import Page, words
from plansite.pages.spec import PageSpec, index
from plansite.pages.words import CHANGE_SLUGS


@dataclass(frozen=True)
class Release:
    number: int
    published: date
    changes: list[Change]  # of the kinds the page shows


@dataclass(frozen=True)
class ChangesPage(Page):
    only: str  # the kind of item the log is narrowed to; "" for all
    kinds: dict[str, str]  # each kind of item the log has -> the plan's word for it
    pending: list[Change]  # in the data, not yet released
    releases: list[Release]  # newest first, only those with changes shown here
    published: bool  # anything has been released at all


@dataclass(frozen=True)
class RemovedPage(Page):
    removed: Removed


def index_pages(site: SiteIndex) -> list[PageSpec]:
    return [index("changes", gettext("What's changed"), gettext("What's changed"))]


def kind_pages(site: SiteIndex) -> list[PageSpec]:
    words = site.kind_words()
    title = gettext("What's changed: %(kind)s")
    return [PageSpec("changes", kind, url_for("changes-of", CHANGE_SLUGS[kind]),
                     title % {"kind": words[kind]}) for kind in site.change_kinds()]  # fmt: skip


def removed_pages(site: SiteIndex) -> list[PageSpec]:
    return [PageSpec("removed", r.url, r.url, gettext("No longer listed")) for r in site.removed]


def changes(site: SiteIndex, spec: PageSpec) -> ChangesPage:
    every = site.kind_words()
    shown = {spec.key} if spec.key else set(every)
    releases = [
        Release(number, published, [c for c in log if c.kind in shown])
        for number, published, log in site.releases_newest_first()
    ]
    return ChangesPage(
        site.partnership,
        words(site),
        only=spec.key,
        kinds={kind: every[kind] for kind in site.change_kinds()},
        pending=[c for c in site.pending() if c.kind in shown],
        releases=[r for r in releases if r.changes],
        published=bool(releases),
    )


def removed(site: SiteIndex, spec: PageSpec) -> RemovedPage:
    return RemovedPage(
        site.partnership, words(site), next(r for r in site.removed if r.url == spec.key)
    )
