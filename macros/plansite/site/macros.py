"""The mkdocs-macros pluglet: the data macros a hand-written page or news post may use.

Generated pages never pass through mkdocs-macros (see ``plugin``). Pages a partnership
writes do: these macros put live data in them, with the components the generated pages use
(``blocks``). Put each on a line of its own. ``plansite check`` reads every call against
``plansite.model.macros`` first, so a wrong id is reported with its file and line.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Any

from plansite.model.macros import MACROS
from plansite.site.blocks import Blocks


def define_env(env: Any) -> None:
    plugin = env.conf.plugins["plansite"]
    for name in MACROS:
        env.macro(_macro(plugin, env, name), name)


def _macro(plugin: Any, env: Any, name: str) -> Callable[..., str]:
    """The macro ``name``: the ``Blocks`` method of that name for the page being rendered
    (nothing on the national index, which shows no partnership's data)."""
    method = getattr(Blocks, name)

    @functools.wraps(method)
    def show(*args: Any, **kwargs: Any) -> str:
        blocks = plugin.blocks(env.page.url if env.page else "")
        return str(getattr(blocks, name)(*args, **kwargs)) if blocks else ""

    own = inspect.signature(method)  # a page calls it without ``self``
    show.__signature__ = own.replace(parameters=list(own.parameters.values())[1:])  # type: ignore[attr-defined]
    return show
