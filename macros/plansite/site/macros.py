"""The mkdocs-macros pluglet: one macro that renders a generated page by number.

Pages hand only a number to the macro; the page module builds the values and the
template escapes them. mkdocs-macros never sees data as template source.
"""

from __future__ import annotations

from typing import Any


def define_env(env: Any) -> None:
    plugin = env.conf.plugins["plansite"]

    @env.macro  # type: ignore[untyped-decorator]
    def plansite_page(index: int) -> str:
        return str(plugin.render(index))
