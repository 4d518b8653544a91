"""The national directory's cards, kept from one build to the next.

The national index lists every partnership's services, each as a card made by a template
macro: some eight thousand cards at national scale, the longest part of a rebuild after one
partnership changed, and all but a few the same as the last build's. A card is made from
its entry of the directory alone, at its depth in the site; an entry is made from the data
of the partnerships that list it, with the shared data, the templates, the code and the day.
So a card is kept under the keys of those partnerships' sites (``reuse.site_keys``, a digest
of all of these), with what the entry takes from other partnerships (its label, which adds
the partnership's name where another has a service of the same name).

One entry of the cache is kept per data folder and configuration, holding the cards of the
last build only, so it does not grow. Cards that spell out a term of the glossary are never
kept (see ``Renderer.kept_card``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from markupsafe import Markup

from plansite.exports.directory import Entry
from plansite.history import cache

FORMAT = 1


class KeptCards:
    """The cards of the last build, and those of this one as it goes."""

    def __init__(self, entry: Path | None, base: str, identity: Callable[[object], str | None]):
        """``entry``: where they are kept (None: nowhere); ``base``: what every card is made
        with; ``identity``: what one item's card is made from, or None for an item whose
        card is not to be kept."""
        self.entry, self.base, self.identity = entry, f"{FORMAT}\0{base}", identity
        found = cache.kept(entry, self.base) if entry is not None else None
        self.before: dict[str, str] = found if isinstance(found, dict) else {}
        self.now: dict[str, str] = {}

    def key(self, item: object, level: int, root: str) -> str | None:
        """The key of ``item``'s card at heading ``level``, ``root`` being the way from the page
        to the site's root; None if it is not to be kept."""
        made_from = self.identity(item)
        if made_from is None:
            return None
        return hashlib.sha256(f"{made_from}\0{level}\0{root}".encode()).hexdigest()

    def get(self, key: str) -> Markup | None:
        html = self.before.get(key)
        if html is None:
            return None
        self.now[key] = html
        return Markup(html)  # noqa: S704 - a card this code made, read back from the user's cache

    def add(self, key: str, card: Markup) -> None:
        self.now[key] = str(card)

    def save(self) -> None:
        """Keep this build's cards for the next; the last build's others are let go."""
        if self.entry is not None and self.now != self.before:
            cache.keep(self.entry, self.base, self.now)


def directory_entries(keys: dict[str, str]) -> Callable[[object], str | None]:
    """What a directory entry's card is made from, given each partnership's site key."""

    def identity(item: object) -> str | None:
        if not isinstance(item, Entry) or any(li.pid not in keys for li in item.listings):
            return None
        return "\0".join([item.key, item.label, *(keys[li.pid] for li in item.listings)])

    return identity


def kept_cards(mkdocs_yml: Path, data: Path, keys: dict[str, str], base: str) -> KeptCards:
    """The kept cards of the national index built with ``mkdocs_yml`` from ``data``."""
    entry = cache.entry_for("cards", str(data.resolve()), str(mkdocs_yml.resolve()))
    return KeptCards(entry, base, directory_entries(keys))
