"""The theme's words, looked up once a build (overrides/partials/language.html and
plansite.site.themewords): the words Material's own partial gives, in every language."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import jinja2
import material
import pytest

from plansite.site.themewords import ThemeWords
from tests.conftest import ROOT

MATERIAL = Path(material.__file__).parent / "templates"
KEYS = sorted(set(re.findall(r'^  "([\w.]+)":', (MATERIAL / "partials/languages/en.html")
                                                  .read_text(encoding="utf-8"), re.M)))  # fmt: skip


def words(language: str, *, ours: bool, once: bool = False) -> dict[str, Any]:
    """Every word of the theme in ``language``, by key, through plansite's partial (``ours``)
    or Material's own; ``once``: with the cache plansite's builds give the templates."""
    loader = jinja2.FileSystemLoader([ROOT / "overrides", MATERIAL])
    if not ours:
        own = (MATERIAL / "partials/language.html").read_text(encoding="utf-8")
        loader = jinja2.ChoiceLoader([jinja2.DictLoader({"partials/language.html": own}), loader])
    env = jinja2.Environment(loader=loader, autoescape=False)  # noqa: S701 - as MkDocs sets it
    if once:
        env.globals["plansite_once"] = ThemeWords()
    config = SimpleNamespace(theme={"language": language})
    module = env.get_template("partials/language.html").make_module({"config": config})
    return {key: module.t(key) for key in [*KEYS, *KEYS]}  # twice: the second from the cache


def test_material_has_words_to_compare() -> None:
    assert len(KEYS) > 50 and "search.placeholder" in KEYS


@pytest.mark.parametrize("language", ["en", "en-gb", "gd", "fr", "de"])
@pytest.mark.parametrize("once", [True, False], ids=["once", "each-time"])
def test_each_word_is_the_one_material_s_partial_gives(language: str, once: bool) -> None:
    assert words(language, ours=True, once=once) == words(language, ours=False)


def test_a_word_is_looked_up_once_in_each_language() -> None:
    asked: list[str] = []

    def look_up(key: str) -> str:
        asked.append(key)
        return key.upper()

    once = ThemeWords()
    english, gaelic = once("en", look_up), once("gd", look_up)
    assert [english("nav"), english("nav"), gaelic("nav"), english("toc")] == ["NAV"] * 3 + ["TOC"]
    assert asked == ["nav", "nav", "toc"]


def test_the_partial_runs_the_language_s_lookup_once_for_each_word() -> None:
    asked: list[str] = []
    language = "{% macro t(key) %}{{ asked(key) }}{% endmacro %}"
    env = jinja2.Environment(  # noqa: S701
        loader=jinja2.ChoiceLoader([
            jinja2.DictLoader({"partials/languages/xx.html": language}),
            jinja2.FileSystemLoader([ROOT / "overrides", MATERIAL]),
        ])
    )  # fmt: skip
    env.globals.update(plansite_once=ThemeWords(), asked=lambda key: asked.append(key) or key)
    config = SimpleNamespace(theme={"language": "xx"})
    for _ in range(3):  # three pages
        module = env.get_template("partials/language.html").make_module({"config": config})
        assert [module.t("nav"), module.t("toc"), module.t("nav")] == ["nav", "toc", "nav"]
    assert asked == ["nav", "toc"]
