"""The mkdocs-macros pluglet: the data macros a hand-written page or news post may use.

Generated pages never pass through mkdocs-macros (see ``plugin``). Pages a partnership
writes do: these macros put live data in them, with the components the generated pages use
(``blocks``). Put each on a line of its own. ``plansite check`` reads every call against
``plansite.model.macros`` first, so a wrong id is reported with its file and line.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from plansite.site.blocks import Blocks


def define_env(env: Any) -> None:
    plugin = env.conf.plugins["plansite"]

    def blocks() -> Blocks | None:
        found: Blocks | None = plugin.blocks(env.page.url if env.page else "")
        return found

    def macro(fn: Any) -> Any:
        env.macro(fn)
        return fn

    @macro
    def contacts() -> str:
        """The partnership's contact details, as on its home page; empty on the national
        index."""
        b = blocks()
        return b.contacts() if b else ""

    @macro
    def action(id: str) -> str:
        """One action: how it stands, who leads it, when it is due, its latest progress."""
        b = blocks()
        return b.action(id) if b else ""

    @macro
    def outcome(id: str) -> str:
        """An item of the plan with the actions under it."""
        b = blocks()
        return b.outcome(id) if b else ""

    @macro
    def indicator(id: str) -> str:
        """An indicator: its measures as a chart, a table of figures and a summary."""
        b = blocks()
        return b.indicator(id) if b else ""

    @macro
    def partner(id: str) -> str:
        """A partner, linked to its page, with the actions it leads."""
        b = blocks()
        return b.partner(id) if b else ""

    @macro
    def services(
        audience: str | None = None,
        help: str | None = None,
        locality: str | None = None,
        partner: str | None = None,
    ) -> str:
        """Services for an audience, of a kind of help, in a locality or from a partner."""
        b = blocks()
        return (
            b.services(audience=audience, help=help, locality=locality, partner=partner)
            if b
            else ""
        )

    @macro
    def progress() -> str:
        """How the plan's actions stand, counted, each count linked to its list."""
        b = blocks()
        return b.progress() if b else ""

    @macro
    def changes(since: str | date) -> str:
        """What has changed since a day, YYYY-MM-DD."""
        b = blocks()
        return b.changes(since) if b else ""
