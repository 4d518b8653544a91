"""The theme's words, each looked up once a build.

Material's ``partials/language.html`` finds each of its words (a button's label, a landmark's
name) with a macro that makes a table of all of them for every word it finds: some forty
tables a page, a seventh of the time of the theme's page template. plansite's override of that
partial asks ``ThemeWords`` instead, which runs Material's own lookup the first time a word
is asked for and keeps what it gave.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

LookUp = Callable[[str], Any]


class ThemeWords:
    """``plansite_once`` of the theme's templates, for one build (MkDocs makes a new
    environment for each build, and the overrides it reads may have changed)."""

    def __init__(self) -> None:
        self.known: dict[str, dict[str, Any]] = {}  # language -> key -> what the lookup gave

    def __call__(self, language: str, look_up: LookUp) -> LookUp:
        known = self.known.setdefault(language, {})

        def word(key: str) -> Any:
            if key not in known:
                known[key] = look_up(key)
            return known[key]

        return word
