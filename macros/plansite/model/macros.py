"""The data macros a page or post may use, and what each of their arguments names.

``plansite.site.macros`` makes them; ``plansite check`` reads every call in the partnership's
pages against this table, so a wrong id is reported with the file and line it was written on.
"""

from __future__ import annotations

# macro -> its arguments in order, each with the kind of thing it names (None: any value).
MACROS: dict[str, tuple[tuple[str, str | None], ...]] = {
    "action": (("id", "action"),),
    "outcome": (("id", "node"),),
    "indicator": (("id", "indicator"),),
    "partner": (("id", "partner"),),
    "services": (
        ("audience", "audience"),
        ("help", "help"),
        ("locality", "locality"),
        ("partner", "partner"),
    ),
    "progress": (),
    "changes": (("since", "day"),),
    "contacts": (),
}

# Names mkdocs-macros itself gives every page, which a page may use too.
BUILT_IN = {"config", "page", "navigation", "files", "environment", "plugin", "git", "extra",
            "macros_info", "now", "fix_url", "context", "range", "dict", "lipsum", "cycler",
            "joiner", "namespace"}  # fmt: skip
