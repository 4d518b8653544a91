"""The theme's navigation, rendered once a site for the pages that are not in it.

Material renders the site's navigation for every page: a third of the time of its page
template, for a list that differs between two pages only where one of them is in it (the
item is marked active) and in the addresses of its links, which MkDocs' ``url`` filter
makes relative to the page. Most of plansite's pages (each service, action and partner) are
in no navigation. For those, ``SharedNavigation`` renders the items once, with each address
the filter was given kept aside, and on each page puts in the addresses the filter makes for
that page: the same bytes as rendering the items again.

On the first two pages given them, the items are also rendered for the page itself and
compared: a site whose templates make them depend on the page in some other way has them
rendered for every page.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable
from typing import Any

from jinja2 import pass_context
from jinja2.runtime import Context

UrlFilter = Callable[[Context, str], str]


class SharedNavigation:
    """The ``url`` filter and ``plansite_nav_items`` of one site's templates."""

    def __init__(self, url: UrlFilter) -> None:
        self._url = url
        mark = f"\x00plansite-address-{secrets.token_hex(8)}\x00"  # found in no page
        self._mark = mark
        self._split = re.compile(f"{re.escape(mark)}(.*?){re.escape(mark)}", re.S)
        self._marking = False
        self._parts: list[str] | None = None  # text and addresses in turn
        self._checks = 2  # pages left on which the shared items are compared with their own
        self.shared = True  # until a page's own items are found to differ

    @pass_context
    def url(self, context: Context, value: str) -> str:
        if self._marking:
            return f"{self._mark}{value}{self._mark}"
        return self._url(context, value)

    @pass_context
    def items(self, context: Context, render: Callable[[], str]) -> str:
        """The navigation's items on this page, from ``render`` (the items' macro)."""
        nav, page = context.get("nav"), context.get("page")
        if not self.shared or page is None or nav is None or _in_navigation(nav, page):
            return render()
        if self._parts is None:
            self._marking = True
            try:
                self._parts = self._split.split(str(render()))
            finally:
                self._marking = False
        filled = "".join(part if i % 2 == 0 else self._url(context, part)
                         for i, part in enumerate(self._parts))  # fmt: skip
        if self._checks:
            self._checks -= 1
            own = render()
            if own != filled:
                self.shared = False
                return own
        return filled


def _in_navigation(nav: Any, page: Any) -> bool:
    """Whether ``page`` is in the navigation (MkDocs marks it, and each section it is in,
    active), or the navigation has items that list pages of their own, which the theme
    compares with the page (a blog's views)."""
    items = list(nav.items)
    while items:
        item = items.pop()
        if item.active or item == page or hasattr(item, "pages"):
            return True
        items += item.children or []
    return False
