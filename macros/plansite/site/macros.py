"""The mkdocs-macros pluglet: what hand-written pages in ``docs/`` may use.

Generated pages never pass through mkdocs-macros (see ``plugin``); these macros are for pages
a partnership writes itself, such as ``about.md``. What they return is escaped HTML.
"""

from __future__ import annotations

from typing import Any


def define_env(env: Any) -> None:
    plugin = env.conf.plugins["plansite"]

    @env.macro  # type: ignore[untyped-decorator]
    def contacts() -> str:
        """The partnership's contact details, as on its home page; empty on the national
        index."""
        return str(plugin.contacts())
