"""Parts of the theme's page rendered once a site: the same bytes, without the work.

Material renders every part of its page for every page: the navigation, the search box, the
colour switch. Many parts differ from page to page only in the addresses of their links,
which MkDocs' ``url`` filter makes relative to the page. ``SharedParts`` renders such a part
once, with each address the filter was given kept aside, and on each page puts in the
addresses the filter makes for that page.

- ``plansite_shared(name, macro)`` shares a part on every page (plansite's header shares its
  tools: the colour switch and the search box).
- ``plansite_nav_items(macro)`` shares the navigation's items on the pages that are not
  among them (most of plansite's pages: each service, action and partner), where no item is
  marked active: a sixth of the time of the theme's page template.

On the first two pages given a part, it is also rendered for the page itself and compared: a
part that depends on the page in some other way is rendered for every page from then on.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from jinja2 import pass_context
from jinja2.runtime import Context

UrlFilter = Callable[[Context, str], str]
CHECKED_PAGES = 2


@dataclass
class _Part:
    texts: list[str]  # text and the addresses given to the filter, in turn
    checks: int = CHECKED_PAGES  # pages left on which it is compared with the page's own
    shared: bool = True  # until a page's own rendering is found to differ


class SharedParts:
    """The ``url`` filter, ``plansite_shared`` and ``plansite_nav_items`` of one site's
    templates (MkDocs makes a new environment for each build)."""

    def __init__(self, url: UrlFilter) -> None:
        self._url = url
        mark = f"\x00plansite-address-{secrets.token_hex(8)}\x00"  # found in no page
        self._mark = mark
        self._split = re.compile(f"{re.escape(mark)}(.*?){re.escape(mark)}", re.S)
        self._marking = False
        self.parts: dict[str, _Part] = {}

    @pass_context
    def url(self, context: Context, value: str) -> str:
        if self._marking:
            return f"{self._mark}{value}{self._mark}"
        return self._url(context, value)

    @pass_context
    def part(self, context: Context, name: str, render: Callable[[], str]) -> str:
        """The part ``name`` of this page, from ``render`` (the part's macro)."""
        return self._filled(context, name, render)

    @pass_context
    def nav_items(self, context: Context, render: Callable[[], str]) -> str:
        """The navigation's items on this page, from ``render`` (the items' macro)."""
        nav, page = context.get("nav"), context.get("page")
        if nav is None or _in_navigation(nav, page):
            return render()
        return self._filled(context, "navigation", render)

    def _filled(self, context: Context, name: str, render: Callable[[], str]) -> str:
        if self._marking or context.get("page") is None:  # inside a part; or no page (404)
            return render()
        part = self.parts.get(name)
        if part is None:
            self._marking = True
            try:
                part = self.parts[name] = _Part(self._split.split(str(render())))
            finally:
                self._marking = False
        if not part.shared:
            return render()
        filled = "".join(text if i % 2 == 0 else self._url(context, text)
                         for i, text in enumerate(part.texts))  # fmt: skip
        if part.checks:
            part.checks -= 1
            own = render()
            if own != filled:
                part.shared = False
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
