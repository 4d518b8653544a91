"""Parts of the national index kept from one build to the next: its directory's cards, and
each partnership's records in its Open Referral export.

The national index is made from every partnership, and a rebuild after one partnership
changed makes it again, though all but a few of its parts are the same as the last build's.
Two kinds of part are made from a few partnerships each, and are many:

- a card of the directory (some eight thousand, each made by a template macro), from its
  entry alone at its depth in the site. An entry is made from the data of the partnerships
  that list it, with the shared data, the templates, the code and the day: so a card is kept
  under the keys of those partnerships' sites (``reuse.site_keys``, a digest of all of
  these), with what the entry takes from other partnerships (its label, which adds the
  partnership's name where another has a service of the same name). Cards that spell out a
  term of the glossary are never kept (see ``Renderer.kept_card``).
- a partnership's records in each file of the national export (``hsds.national_part``),
  made from its site alone: kept under its site's key.

One entry of the cache is kept per data folder and configuration, holding the parts of the
last build only, so it does not grow.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from markupsafe import Markup

from plansite.exports.directory import Entry
from plansite.history import cache

FORMAT = 2


class KeptParts:
    """The parts of the last build, and those of this one as it goes."""

    def __init__(self, entry: Path | None, base: str, keys: dict[str, str]):
        """``entry``: where they are kept (None: nowhere); ``base``: what every part is made
        with; ``keys``: each partnership's site key."""
        self.store = cache.LastBuild(entry, f"{FORMAT}\0{base}")
        self.keys = keys

    def key(self, item: object, level: int, root: str) -> str | None:
        """The key of ``item``'s card at heading ``level``, ``root`` being the way from the page
        to the site's root; None if it is not to be kept."""
        if not isinstance(item, Entry) or any(li.pid not in self.keys for li in item.listings):
            return None
        made_from = [item.key, item.label, *(self.keys[li.pid] for li in item.listings)]
        return _digest("card", *made_from, str(level), root)

    def get(self, key: str) -> Markup | None:
        html = self.store.get(key)
        if not isinstance(html, str):
            return None
        return Markup(html)  # noqa: S704 - a card this code made, read back from the user's cache

    def add(self, key: str, card: Markup) -> None:
        self.store.add(key, str(card))

    def export(self, pid: str, make: Callable[[], dict[str, str]]) -> dict[str, str]:
        """Partnership ``pid``'s part of the national export: the last build's if its site is
        made from the same inputs, else ``make()``."""
        if pid not in self.keys:
            return make()
        key = _digest("export", self.keys[pid])
        part = self.store.get(key)
        if not (isinstance(part, dict) and all(isinstance(v, str) for v in part.values())):
            part = make()
            self.store.add(key, part)
        return part

    def save(self) -> None:
        """Keep this build's parts for the next; the last build's others are let go."""
        self.store.save()


def _digest(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def kept_parts(mkdocs_yml: Path, data: Path, keys: dict[str, str], base: str) -> KeptParts:
    """The kept parts of the national index built with ``mkdocs_yml`` from ``data``."""
    entry = cache.entry_for("national-parts", str(data.resolve()), str(mkdocs_yml.resolve()))
    return KeptParts(entry, base, keys)
