"""A page's table of contents, read from the HTML a template produced."""

from __future__ import annotations

import re

from markupsafe import Markup
from mkdocs.structure.toc import AnchorLink, TableOfContents

MAIN_HEADING = "main-heading"
_HEADING = re.compile(r'<h([12]) id="([^"]+)"[^>]*>(.*?)</h\1>', re.S)
_TAG = re.compile(r"<[^>]+>")


def outline(html: str) -> TableOfContents:
    """The h1 with the h2s under it. Titles stay escaped: the theme prints them as HTML."""
    top: AnchorLink | None = None
    for level, ident, inner in _HEADING.findall(html):
        # Text of the heading, tags removed; entities stay escaped.
        title = Markup(" ".join(_TAG.sub("", inner).split()))  # noqa: S704 - escaped already
        link = AnchorLink(title, ident, int(level))
        if level == "1" and top is None:
            top = link
        elif level == "2" and top is not None:
            top.children.append(link)
    return TableOfContents([top] if top else [])
