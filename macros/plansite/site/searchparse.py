"""The theme's search index, reading each page in about half the time.

Material's search plugin cuts every page into sections, one per heading, with Python's HTML
parser and a handler that asks, for each tag and each run of text, which of the open tags are
excluded from search: a tenth of a national build. ``QuickIndex`` is Material's own index
with its own entries, made from the same sections found two ways quicker:

- ``Sections`` is Material's parser with its bookkeeping kept as counts of the open tags.
  Material compares its open elements by tag name alone, so an excluded ``div`` excludes every
  ``div`` open with it, and a count of each open tag gives the same answers as its sets.
- ``_feed_plain`` reads markup of the plain shape MkDocs and plansite write (tags with quoted
  attributes, text between them) with one regular expression, and hands anything else
  (comments, script, unquoted attributes, a stray ``<``) to Python's parser unchanged.

That both give Material's sections is a test: the example sites' search indexes, byte for
byte, and generated markup of every shape, read both ways.
"""

from __future__ import annotations

import re
from collections import Counter
from html import escape, unescape
from html.parser import HTMLParser
from typing import Any

from material.plugins.search.plugin import (  # type: ignore[import-untyped]
    Element,
    Parser,
    SearchIndex,
    Section,
    void,
)

HEADINGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))
ALWAYS_SKIPPED = ("object", "script", "style")  # Material's, never taken off its skip list

_SPACE = "[ \t\n\r\f]"
TOKEN = re.compile(
    rf"""(?P<text>[^<]+)
    |<(?P<end>/?)(?P<name>[a-zA-Z][-a-zA-Z0-9]*)
      (?P<attrs>(?:{_SPACE}+[a-zA-Z_:][-a-zA-Z0-9_:.]*(?:="[^"]*")?)*)
      {_SPACE}*(?P<close>/?)>""",
    re.VERBOSE,
)
ATTRIBUTE = re.compile(r'([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:="([^"]*)")?')
# Elements whose content Python's parser reads as text, not tags: its own lists (which newer
# Python releases lengthen), and the rest of HTML's raw-text elements to be sure.
RAW_TEXT = frozenset((
    *HTMLParser.CDATA_CONTENT_ELEMENTS, *getattr(HTMLParser, "RCDATA_CONTENT_ELEMENTS", ()),
    "script", "style", "textarea", "xmp", "iframe", "noembed", "noframes", "noscript",
    "plaintext",
))  # fmt: skip


class Sections(Parser):  # type: ignore[misc]
    """Material's parser, answering its questions from counts of the open tags."""

    def __init__(self) -> None:
        super().__init__()
        self.skipped = set(ALWAYS_SKIPPED)  # tags whose content is left out while open
        self.open: Counter[str] = Counter()
        self.permalinks = 0  # open headerlink anchors, whose text a title leaves out

    def _skipping(self) -> bool:
        return any(self.open[tag] for tag in self.skipped)

    def _in_title(self) -> bool:
        return self.open[self.section.el.tag] > 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag in void:
            return
        element = Element(tag, attributes)
        self.context.append(element)
        self.open[tag] += 1
        if tag == "a" and attributes.get("class") == "headerlink":
            self.permalinks += 1
        if tag in HEADINGS:
            depth = len(self.context)
            if "id" in attributes:
                if tag != "h1" and not self.data:
                    self.section = Section(Element("hx"), depth)
                    self.data.append(self.section)
                self.section = Section(element, depth)
                if self.data:
                    self.section.id = attributes["id"]
                self.data.append(self.section)
        if not self.section:
            self.section = Section(Element("hx"))
            self.data.append(self.section)
        for key, value in attributes.items():
            if key == "data-search-exclude" or (key == "class" and value == "linenodiv"):
                self.skipped.add(tag)
                return
        if tag in self.keep and not self._skipping():
            (self.section.title if self._in_title() else self.section.text).append(f"<{tag}>")

    def handle_endtag(self, tag: str) -> None:
        context = self.context
        if not context or context[-1].tag != tag:
            return
        if self.section.depth > len(context):  # leaving a heading nested in another element
            for section in reversed(self.data):
                if section.depth <= len(context):
                    self.section.depth = float("inf")
                    self.section = section
                    break
        element = context.pop()
        self.open[tag] -= 1
        if tag == "a" and element.attrs.get("class") == "headerlink":
            self.permalinks -= 1
        if tag in self.skipped:
            if tag not in ALWAYS_SKIPPED:
                self.skipped.remove(tag)
            return
        if tag in self.keep and not self._skipping():
            data = self.section.title if self._in_title() else self.section.text
            index = data.index(f"<{tag}>")
            if all(part.isspace() for part in data[index + 1 :]):
                del data[index:]  # an element with nothing in it
            else:
                data.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        if self._skipping():
            return
        pre = self.open["pre"]
        if not pre:
            data = " " if data.isspace() else data.replace("\n", " ")
        if not self.section:
            self.section = Section(Element("hx"))
            self.data.append(self.section)
        section = self.section
        if self._in_title():
            if not self.permalinks:
                section.title.append(escape(data, quote=False))
        elif data.isspace():
            text = section.text
            if not text or not text[-1].isspace() or pre:
                text.append(data)
        else:
            section.text.append(escape(data, quote=False))


def sections(html: str) -> list[Any]:
    """The sections Material's parser finds in ``html``."""
    parser = Sections()
    if not _feed_plain(parser, html):
        parser = Sections()
        parser.feed(html)
        parser.close()
    return list(parser.data)


def _feed_plain(parser: Sections, html: str) -> bool:
    """Give ``parser`` the tags and text of ``html`` as Python's parser would; False, having
    given it part, if the markup is not of the plain shape read here."""
    at = 0
    for match in TOKEN.finditer(html):
        if match.start() != at:
            return False
        at = match.end()
        text = match["text"]
        if text is not None:
            parser.handle_data(unescape(text) if "&" in text else text)
            continue
        tag = match["name"].lower()
        if tag in RAW_TEXT:
            return False
        if match["end"]:
            if match["attrs"] or match["close"]:
                return False
            parser.handle_endtag(tag)
            continue
        parser.handle_starttag(tag, [_attribute(a) for a in ATTRIBUTE.finditer(match["attrs"])])
        if match["close"]:
            parser.handle_endtag(tag)
    return at == len(html)


def _attribute(match: re.Match[str]) -> tuple[str, str | None]:
    """A name in lower case, and its value with references replaced (None if it has none)."""
    value = match[2]
    return match[1].lower(), unescape(value) if value and "&" in value else value


class QuickIndex(SearchIndex):  # type: ignore[misc]
    """Material's search index, whose pages are cut into sections by ``sections``."""

    def add_entry_from_context(self, page: Any) -> None:
        search = page.meta.get("search") or {}
        if search.get("exclude"):
            return
        for section in sections(page.content):
            if not section.is_excluded():
                self.create_entry_for_section(section, page.toc, page.url, page)


def index_quickly(search: Any) -> None:
    """Give Material's search plugin, if it is indexing this build, a ``QuickIndex`` in place
    of its index, before any page is read (its settings are the same)."""
    if type(getattr(search, "search_index", None)) is SearchIndex:
        search.search_index = QuickIndex(**search.config)
