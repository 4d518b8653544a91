"""A hand-written page converted once for all the sites that publish it.

Every partnership's site publishes the guide (``docs/guide/``), the same Markdown at the
same address, and MkDocs converts each page anew for each site: the guide's pages are the
slowest kind of page there is, some twenty of them in every site. What a page's conversion
makes depends on its text, its address, the Markdown settings and MkDocs' checks of links,
and on the site's files only through the files its links name. So a process converts a page
once, noting the files its links asked for; a later site whose page has the same text,
address and settings, and whose files answer those questions the same, is given the same
conversion. A conversion that said anything (a broken link, say) is never given again:
each site converts such a page itself, and says so itself.

Conversions are also kept in plansite's cache, the last one at each place, under what it
was made from and the code that made it (which names the versions of MkDocs and Markdown),
so that the next build's processes need not convert the guide again either.
"""

from __future__ import annotations

import copy
import hashlib
import logging
from dataclasses import dataclass
from typing import Any, cast

from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents

from plansite.history import cache


@dataclass
class _Converted:
    content: str
    toc: TableOfContents
    title: str | None
    anchors: set[str]
    links_to_anchors: dict[str, dict[str, str]] | None  # by the path of the file they lead to
    asked: dict[str, str | None]  # each file a link named, and the address it had


# The last conversion made or read back in this process at each place (a page's path and
# address), with the digest of what it was made from: one a place, so that a preview, which
# converts an edited page again and again, keeps no more than the last.
_converted: dict[str, tuple[str, _Converted]] = {}


class _Asked:
    """The site's files, noting each one a conversion asks for and its address."""

    def __init__(self, files: Files) -> None:
        self._files = files
        self.asked: dict[str, str | None] = {}

    def get_file_from_path(self, path: str) -> File | None:
        found = self._files.get_file_from_path(path)
        self.asked[path] = None if found is None else found.url
        return found

    def __getattr__(self, name: str) -> Any:
        return getattr(self._files, name)


class _Said(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.said = False

    def emit(self, record: logging.LogRecord) -> None:
        self.said = True


def _answers(files: Files, asked: dict[str, str | None]) -> bool:
    """Whether ``files`` answer each question of a conversion as they answered then."""
    for path, url in asked.items():
        found = files.get_file_from_path(path)
        if (None if found is None else found.url) != url:
            return False
    return True


class SamePage(Page):
    def render(self, config: Any, files: Any) -> None:
        if self.markdown is None:  # as MkDocs says of it
            super().render(config, files)
            return
        place = f"{self.file.src_uri}\0{self.file.url}"
        made_from = "\0".join([cache.code_version(), place, self.markdown,
                               repr(config["markdown_extensions"]), repr(config["mdx_configs"]),
                               repr(config["validation"])])  # fmt: skip
        key = hashlib.sha256(made_from.encode()).hexdigest()
        done = _recalled(place, key)
        if done is not None and _answers(files, done.asked):
            self.content, self._title_from_render = done.content, done.title
            self.toc = copy.deepcopy(done.toc)  # each site's page its own
            self.present_anchor_ids = set(done.anchors)
            self.links_to_anchors = (
                None
                if done.links_to_anchors is None
                else {
                    files.get_file_from_path(path): dict(links)
                    for path, links in done.links_to_anchors.items()
                }
            )
            return
        asked, said = _Asked(files), _Said()
        log = logging.getLogger("mkdocs")
        log.addHandler(said)
        try:
            super().render(config, cast(Files, asked))
        finally:
            log.removeHandler(said)
        if not said.said:
            links = self.links_to_anchors
            made = _Converted(
                self.content or "", copy.deepcopy(self.toc), self._title_from_render,
                set(self.present_anchor_ids or ()),
                None if links is None else {f.src_uri: dict(to) for f, to in links.items()},
                asked.asked,
            )  # fmt: skip
            _converted[place] = (key, made)
            if (entry := cache.entry_for("pages", place)) is not None:
                cache.keep(entry, key, made)


def _recalled(place: str, key: str) -> _Converted | None:
    """The conversion at ``place`` made from what ``key`` digests: this process's, or one
    an earlier process kept in the cache."""
    if (mine := _converted.get(place)) is not None and mine[0] == key:
        return mine[1]
    entry = cache.entry_for("pages", place)
    found = None if entry is None else cache.kept(entry, key)
    if isinstance(found, _Converted):
        _converted[place] = (key, found)
        return found
    return None
