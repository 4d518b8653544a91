"""What one build publishes, worked out from the checked data before MkDocs starts.

The MkDocs plugin receives a ``SiteBuild`` and only hands it to MkDocs: the site's name and
address, the settings the theme's templates read, the pages (rendered from their contexts
by the page layer), and every other file the site publishes (feeds, downloads, the Open
Referral export, embeddable lists, forwarding pages, the logo).
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

from markupsafe import escape

from plansite.exports.directory import services_csv, services_json
from plansite.exports.downloads import downloads
from plansite.exports.embed import fragments, standalone
from plansite.exports.hsds import Hsds, national_files, national_part
from plansite.exports.tables import figures_csv
from plansite.history.feeds import atom, json_feed
from plansite.i18n import gettext
from plansite.index.context import SiteIndex, build_index
from plansite.load.dataset import Dataset
from plansite.load.translations import in_language
from plansite.model.addresses import url_for
from plansite.model.era import outside
from plansite.model.registry import GlossaryTerm
from plansite.model.translation import english
from plansite.pages import easyread, registry
from plansite.pages.data import Published
from plansite.pages.national import National, national
from plansite.pages.spec import PageSpec
from plansite.pages.standing import notice
from plansite.site.feeds import FeedSpec, national_feeds, site_feeds
from plansite.site.keptparts import KeptParts
from plansite.site.redirects import redirect_page
from plansite.site.render import date_words

LOGO_URI = "assets/images/partnership-logo"


@dataclass(frozen=True)
class Output:
    """A file the site publishes beside its pages: its text, or a file copied as it is."""

    path: str  # from the site root
    content: str | None = None
    source: Path | None = None


@dataclass(frozen=True)
class Theme:
    """What the templates in ``overrides/`` read, as ``config.extra.plansite_<name>``."""

    site: bool  # a partnership's site, not the national index
    colour: str = ""
    draft: str = ""  # what every page says of changes not yet released; escaped
    draft_pending: str = ""  # where those changes are listed
    standing: dict[str, str] = field(default_factory=dict)  # where the presented plan stands
    body: str = ""  # what published the plan ("partnership", "authority"); none nationally
    language: str = "en"  # the language of the pages

    def extra(self) -> dict[str, Any]:
        return {f"plansite_{name}": value for name, value in asdict(self).items()}


@dataclass
class SiteBuild:
    name: str  # plain text; escaped where MkDocs shows it
    site_url: str | None  # the public address, for the sitemap and canonical links
    theme: Theme
    epoch: int  # the last publication date in the data: the sitemap's dates
    pages: list[PageSpec]
    outputs: list[Output]
    feeds: list[FeedSpec]
    site: SiteIndex | None = None  # None for the national index
    national: National | None = None
    files: Published = field(default_factory=lambda: Published([], {}, []))
    logo: str | None = None  # the theme's logo, where the partnership has one
    terms: list[GlossaryTerm] = field(default_factory=list)  # abbreviations pages explain


def _epoch(data: Dataset, pid: str) -> int:
    """The last publication date in the data (of one partnership, or of all), as a timestamp."""
    chosen = [data.partnerships[pid]] if pid else list(data.partnerships.values())
    days = [r.date for pd in chosen for r in pd.releases] or [date(2000, 1, 1)]
    return int(datetime.combine(max(days), time(), tzinfo=UTC).timestamp())


def _draft_notice(sites: list[SiteIndex], national: bool = False) -> str:
    """What every page says when the data holds changes not yet released, escaped; empty
    when all of it is released. The same for every edit until the next release, so that a
    preview does not rebuild every page for each one."""
    drafts = [s for s in sites if s.draft]
    if not drafts:
        return ""
    if national:
        names = ", ".join(s.partnership.name for s in drafts)
        return escape(gettext("This index includes changes not yet released by: %(names)s.")
                      % {"names": names})  # fmt: skip
    releases = drafts[0].pd.releases
    if not releases:
        return gettext("Nothing on this site has been released yet.")
    last = releases[-1]
    since = {"number": last.number, "date": date_words(last.date, "d MMMM y")}
    return gettext("This site shows changes made since release %(number)s of %(date)s. They are "
                   "marked where they appear.") % since  # fmt: skip


def _feed_files(feeds: list[FeedSpec]) -> list[Output]:
    out = []
    for feed, changes, fallback in feeds:
        out.append(Output(feed.path + ".xml", atom(feed, changes, fallback)))
        out.append(Output(feed.path + ".json", json_feed(feed, changes)))
    return out


def partnership_build(
    data: Dataset, pid: str, today: date | None = None, site: SiteIndex | None = None
) -> SiteBuild:
    """One partnership's site, from the public view of the checked data, as of ``today``
    (indexed already as ``site``, if given)."""
    site = site or build_index(data, pid, today)
    p = site.partnership
    files = Published(downloads(site), Hsds(site).files(), fragments(site))
    feeds = site_feeds(site)
    name = str(escape(p.name))
    outputs = _feed_files(feeds)
    outputs += [Output(old + "index.html", redirect_page(old, new, name))
                for old, new in site.redirects.items()]  # fmt: skip
    outputs += [Output(f.path, standalone(f, p.name)) for f in files.fragments]
    outputs += [Output(d.path, d.content) for d in files.downloads]
    outputs += [Output(url_for("hsds", n), content) for n, content in files.hsds.items()]
    plans = [site.plan, *site.earlier] if site.plan else []
    outputs += [Output(url_for("figures", ind.id, m.id), figures_csv(ind.title, m))
                for plan in plans for ind in plan.indicators for m in ind.measures
                if m.figures]  # fmt: skip
    outputs += [Output(uri, source=picture) for uri, picture in easyread.pictures(site).items()]
    logo = None
    if p.branding and p.branding.logo:
        source = site.pd.folder / p.branding.logo
        logo = LOGO_URI + source.suffix.lower()
        outputs.append(Output(logo, source=source))
    theme = Theme(
        site=True,
        colour=(p.branding.colour if p.branding else None) or "",
        draft=_draft_notice([site]),
        draft_pending=url_for("changes") if site.pending() else "",
        standing=notice(site, site.plan).as_dict() if site.plan else {},
        body=p.body,
    )
    return SiteBuild(
        name=p.name,
        site_url=str(p.site_url) if p.site_url else None,
        theme=theme,
        epoch=_epoch(data, pid),
        pages=registry.site_pages(site),
        outputs=outputs,
        feeds=feeds,
        site=site,
        files=files,
        logo=logo,
        terms=site.terms,
    )


def language_build(english_build: SiteBuild, data: Dataset, pid: str, language: str,
                   today: date | None = None) -> SiteBuild:  # fmt: skip
    """The same site in ``language``: its pages show the data's translations, and everything
    else of the data marked as English. The files beside the pages (downloads, feeds, the
    Open Referral export) are the English site's: data files are not translated."""
    assert english_build.site is not None
    translated = in_language(data, pid, language)
    site = build_index(translated, pid, today, history=english_build.site)
    # The log is written from releases, in English: said so wherever it is shown.
    marked = {id(c): dataclasses.replace(c, text=english(c.text),
                                         notes=[english(n) for n in c.notes])
              for c in site.log}  # fmt: skip
    site.log = [marked[id(c)] for c in site.log]
    site.item_log = defaultdict(
        list, {k: [marked.get(id(c), c) for c in v] for k, v in site.item_log.items()}
    )
    site.removed = [
        dataclasses.replace(r, text=english(r.text), notes=[english(n) for n in r.notes])
        for r in site.removed
    ]
    shown = partnership_build(translated, pid, today, site)
    files = english_build.files
    downloads = [dataclasses.replace(d, title=english(d.title), about=english(d.about))
                 for d in files.downloads]  # fmt: skip
    return dataclasses.replace(
        shown,
        theme=dataclasses.replace(shown.theme, language=language),
        outputs=english_build.outputs,
        feeds=english_build.feeds,
        files=dataclasses.replace(files, downloads=downloads),
    )


def _indexed(data: Dataset, pid: str, today: date) -> SiteIndex:
    """A partnership's index for the national site, which shows its log and nothing else of
    its releases: their snapshots are let go once the log is made, so that a national build
    holds one partnership's at a time (read again from the cache if anything needs them)."""
    site = build_index(data, pid, today)
    for release in data.partnerships[pid].releases:
        release.forget_snapshot()
    return site


def _export_part(site: SiteIndex, kept: KeptParts | None) -> dict[str, str]:
    """A partnership's part of the national export, read back from ``kept`` if it can be."""

    def make() -> dict[str, str]:
        return national_part(Hsds(site))

    return kept.export(site.partnership.id, make) if kept else make()


def national_build(
    data: Dataset, today: date | None = None, kept: KeptParts | None = None
) -> SiteBuild:
    """The national site: the overview of every partnership, the council areas and the
    national service directory; each partnership's part of its export taken from ``kept``
    where it was made from the same inputs."""
    name = data.site.name if data.site else "Community justice plans"
    today = today or date.today()
    sites = [_indexed(data, p, today) for p in sorted(data.partnerships)]
    feeds = national_feeds(data, sites, name)
    base = str(data.site.base_url) if data.site and data.site.base_url else None
    found = national(data, sites, name)
    entries = found.directory.entries
    outputs = _feed_files(feeds)
    absolute = base or ""  # addresses in the lists are absolute where the base is known
    outputs += [
        Output(url_for("directory-download", "services.csv"), services_csv(entries, absolute)),
        Output(url_for("directory-download", "services.json"), services_json(entries, absolute)),
    ]
    hsds = national_files([_export_part(site, kept) for site in sites])
    outputs += [
        Output(url_for("directory-download", f"hsds/{n}"), text) for n, text in hsds.items()
    ]
    return SiteBuild(
        name=name,
        site_url=base,
        theme=Theme(site=False, draft=_draft_notice(sites, national=True)),
        epoch=_epoch(data, ""),
        pages=found.pages(),
        outputs=outputs,
        feeds=feeds,
        national=found,
        # The national pages list what is on offer now, in the words in use today.
        terms=[t for t in data.glossary if outside(t.valid_from, t.valid_to, today, today) is None],
    )
