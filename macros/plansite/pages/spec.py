"""A page of a site: what kind it is, what it is about, where it lives and its title.

The addresses are a contract: partners link to them from their own sites and leaflets.
Entity pages are kept out of the navigation (indexes link to them), because Material
renders the whole navigation into every page and build time would grow with its square.
"""

from __future__ import annotations

from dataclasses import dataclass

from plansite.model.addresses import url_for

# Kinds of page that list part of what another page of the site lists in full (a directory
# narrowed to one need, actions of one status, posts with one tag). The search index has each
# by its title and description only: its list is found where every item is, and by each
# item's own page, rather than once more for every list the item is in.
PARTIAL_LISTS = frozenset({"directory-filter", "service-filter", "actions-filter", "news-tag"})


@dataclass(frozen=True)
class PageSpec:
    kind: str  # names the template: overrides/partials/plansite/<kind>.html
    key: str  # what the page is about (an id), "" for index pages
    url: str  # directory URL relative to the site root, "" for home
    title: str  # plain text; escaped where it is shown
    nav: str | None = None  # title in the navigation, for top-level pages

    @property
    def src_uri(self) -> str:
        return f"{self.url}index.md"


def index(kind: str, title: str, nav: str | None = None) -> PageSpec:
    """A page about no one item, at the address of its kind."""
    return PageSpec(kind, "", url_for(kind), title, nav)


def item(kind: str, key: str, title: str) -> PageSpec:
    """A page about one item, at the address of its kind for that item."""
    return PageSpec(kind, key, url_for(kind, key), title)
