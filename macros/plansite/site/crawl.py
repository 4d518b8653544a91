"""Offline checks of a built site: every internal link and fragment resolves.

Links are resolved as text against the list of files in the tree, read once: a national build
has hundreds of thousands of links, too many to ask the file system about each one.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from plansite.site.pagecheck import PageFacts, read_page

# The 404 page is served at whatever address was not found, so its links are written from
# the site root (set `site_url` when a site lives under a sub-path); it is not crawled.
NOT_CRAWLED = {"404.html"}


@dataclass
class CrawlReport:
    pages: int = 0
    links: int = 0
    broken: list[str] = field(default_factory=list)
    # Links that leave the tree checked, as (page, link, target relative to the tree): a
    # partnership's site is checked on its own, and these once every site is in place.
    outside: list[tuple[str, str, str]] = field(default_factory=list)


@dataclass
class Tree:
    """The files and folders under a root, as paths relative to it."""

    files: set[str]
    dirs: set[str]
    # Pages in one folder share most of their links (navigation, header, footer).
    _resolved: dict[tuple[str, str], tuple[str, str] | None] = field(default_factory=dict)

    @classmethod
    def read(cls, root: Path) -> Tree:
        files: set[str] = set()
        dirs = {"."}
        top = os.fspath(root)
        cut = len(os.path.join(top, ""))  # what each folder's path starts with  # noqa: PTH118
        for folder, subdirs, names in os.walk(top):
            rel = folder[cut:].replace(os.sep, "/")  # not relpath: it took a third of the time
            prefix = rel + "/" if rel else ""
            dirs.update(prefix + d for d in subdirs)
            files.update(prefix + n for n in names)
        return cls(files, dirs)

    def html(self) -> Iterator[str]:
        return iter(sorted(f for f in self.files if f.endswith(".html")))

    def target(self, page: str, href: str) -> tuple[str, str] | None:
        """The file (relative to the root) and fragment an internal link points at; None for
        links to other sites."""
        key = (posixpath.dirname(page), href)
        if key not in self._resolved:
            self._resolved[key] = self._resolve(*key)
        return self._resolved[key]

    def _resolve(self, folder: str, href: str) -> tuple[str, str] | None:
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or href.startswith(("mailto:", "tel:", "data:")):
            return None
        path = unquote(parts.path)
        if path.startswith("/"):
            return "/" + path, parts.fragment  # never valid: sites link relatively
        joined = posixpath.normpath(posixpath.join(folder, path))
        if path.endswith("/") or not path or joined in self.dirs:
            joined = posixpath.normpath(posixpath.join(joined, "index.html"))
        return joined, unquote(parts.fragment)


def check_links(tree: Tree, facts: dict[str, PageFacts], beside: bool = False) -> CrawlReport:
    """Check the links of the pages in ``facts``. With ``beside``, the other sites will be
    folders at the top of this one's tree: a link to a top folder it does not have leaves it."""
    report = CrawlReport()
    for page, found in sorted(facts.items()):
        if posixpath.basename(page) in NOT_CRAWLED:
            continue
        report.pages += 1
        for ident in sorted(found.duplicate_ids):
            report.broken.append(f"{page}: duplicate id {ident!r}")
        for href in found.links:
            target = tree.target(page, href)
            if target is None:
                continue
            report.links += 1
            file, fragment = target
            elsewhere = file.startswith("../") or (
                beside and file not in tree.files and file.partition("/")[0] not in tree.dirs
            )
            if elsewhere or (fragment and file in tree.files and file not in facts):
                report.outside.append((page, href, file))  # into a site not read here
            elif file not in tree.files:
                report.broken.append(f"{page}: link {href!r} points at nothing")
            elif fragment and file.endswith(".html") and fragment not in facts[file].ids:
                report.broken.append(f"{page}: link {href!r} has no anchor #{fragment}")
    return report


def check_outside(
    root: Path, files: Collection[str], outside: list[tuple[str, str, str]]
) -> list[str]:
    """Check links that crossed from one site into another, once all are under ``root``,
    whose files are ``files`` (as paths from ``root``)."""
    broken: list[str] = []
    ids: dict[str, set[str]] = {}
    for page, href, target in outside:
        if target.startswith("../") or target not in files:
            broken.append(f"{page}: link {href!r} points at nothing")
            continue
        fragment = unquote(urlsplit(href).fragment)
        if fragment and target.endswith(".html"):
            if target not in ids:
                ids[target] = read_page((root / target).read_text(encoding="utf-8")).ids
            if fragment not in ids[target]:
                broken.append(f"{page}: link {href!r} has no anchor #{fragment}")
    return broken


def crawl(root: Path) -> CrawlReport:
    """Check every link of every page under ``root``; links leaving it are broken."""
    tree = Tree.read(root)
    facts = {rel: read_page((root / rel).read_text(encoding="utf-8")) for rel in tree.html()}
    report = check_links(tree, facts)
    report.broken += [f"{page}: link {href!r} points at nothing" for page, href, _ in
                      report.outside]  # fmt: skip
    report.outside = []
    return report
