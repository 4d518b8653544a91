"""Offline checks of a built site: every internal link and fragment resolves.

Run on the output folder before it is published, and by the tests.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.duplicate_ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        ident = values.get("id")
        if ident:
            if ident in self.ids:
                self.duplicate_ids.add(ident)
            self.ids.add(ident)
        if tag == "a" and values.get("name"):
            self.ids.add(str(values["name"]))
        for attr in ("href", "src"):
            target = values.get(attr)
            if target and tag in ("a", "link", "script", "img"):
                self.links.append(target)


@dataclass
class PageScan:
    ids: set[str]
    duplicate_ids: set[str]
    links: list[str]


@dataclass
class CrawlReport:
    pages: int = 0
    links: int = 0
    broken: list[str] = field(default_factory=list)


def scan(path: Path) -> PageScan:
    collector = _Collector()
    collector.feed(path.read_text(encoding="utf-8"))
    return PageScan(collector.ids, collector.duplicate_ids, collector.links)


def _target(root: Path, page: Path, href: str) -> tuple[Path, str] | None:
    """The file and fragment an internal link points at; None for external links."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("mailto:", "tel:", "data:")):
        return None
    path = unquote(parts.path)
    if path.startswith("/"):
        return root / "__absolute__" / path, parts.fragment  # never valid: sites are relative
    base = page.parent
    target = base if not path else (base / path)
    resolved = Path(posixpath.normpath(target.as_posix()))
    if path.endswith("/") or resolved.is_dir():
        resolved = resolved / "index.html"
    return resolved, unquote(parts.fragment)


# The 404 page is served at whatever address was not found, so its links are written from
# the site root (set `site_url` when a site lives under a sub-path); it is not crawled.
NOT_CRAWLED = {"404.html"}


def crawl(root: Path) -> CrawlReport:
    report = CrawlReport()
    scans: dict[Path, PageScan] = {}
    pages = sorted(p for p in root.rglob("*.html") if p.name not in NOT_CRAWLED)
    for page in pages:
        scans[page] = scan(page)
    for page in pages:
        report.pages += 1
        rel = page.relative_to(root).as_posix()
        for ident in sorted(scans[page].duplicate_ids):
            report.broken.append(f"{rel}: duplicate id {ident!r}")
        for href in scans[page].links:
            target = _target(root, page, href)
            if target is None:
                continue
            report.links += 1
            file, fragment = target
            if not file.is_file() or root.resolve() not in file.resolve().parents:
                report.broken.append(f"{rel}: link {href!r} points at nothing")
                continue
            if fragment and file.suffix == ".html":
                ids = scans[file].ids if file in scans else scan(file).ids
                if fragment not in ids:
                    report.broken.append(f"{rel}: link {href!r} has no anchor #{fragment}")
    return report
