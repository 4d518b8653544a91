"""What plansite does quicker than the theme would on its own, on every page of the example
sites: the search index read quicker (plansite.site.searchparse), the theme's words looked
up once (plansite.site.themewords), the navigation and the header's tools rendered once a
site (plansite.site.shared), no Markdown converted for pages that have none
(plansite.site.bodypage), and the guide's pages converted once for every site
(plansite.site.samepage). Built without them, every published file is the same."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
import pytest
from mkdocs.structure.pages import Page

from plansite.site import plugin, searchparse
from plansite.site.bodypage import BodyPage
from plansite.site.plugin import PlansitePlugin
from plansite.site.shared import SharedParts
from plansite.site.themewords import ThemeWords
from tests.conftest import SHIPPED, calls_to, files
from tests.site_helpers import build


@pytest.mark.slow
def test_every_file_is_the_one_the_theme_makes_on_its_own(
    shipped_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    on_env = PlansitePlugin.on_env

    def theme_alone(self: PlansitePlugin, env: jinja2.Environment, /, **kwargs: Any) -> None:
        url = env.filters["url"]
        on_env(self, env, **kwargs)
        env.filters["url"] = url  # the overrides fall back to the theme's own ways
        for name in ("plansite_once", "plansite_shared", "plansite_nav_items"):
            del env.globals[name]

    monkeypatch.setattr(PlansitePlugin, "on_env", theme_alone)
    monkeypatch.setattr(plugin, "index_quickly", lambda search: None)
    monkeypatch.setattr(plugin, "BodyPage", Page)  # each page's empty text converted
    monkeypatch.setattr(plugin, "SamePage", Page)  # the guide converted for each site
    theirs = tmp_path / "site"
    build(SHIPPED, theirs)
    ours, alone = files(shipped_site), files(theirs)
    record = ".plansite-build.json"  # the times of the files it records differ
    assert sorted(ours) == sorted(alone)
    assert len(ours) > 1000
    differ = [rel for rel in ours if rel != record and ours[rel] != alone[rel]]
    assert not differ, differ[:10]


@pytest.mark.slow
def test_a_build_takes_each_shortcut(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    read = calls_to(monkeypatch, searchparse, "sections", lambda html: html)
    words: list[ThemeWords] = []
    shared: list[SharedParts] = []

    class Words(ThemeWords):
        def __init__(self) -> None:
            super().__init__()
            words.append(self)

    class Shared(SharedParts):
        def __init__(self, url: Any) -> None:
            super().__init__(url)
            shared.append(self)

    class Bodies(BodyPage):
        def render(self, config: Any, files: Any) -> None:
            bodies.append(self.markdown)
            super().render(config, files)

    bodies: list[str | None] = []
    monkeypatch.setattr(plugin, "BodyPage", Bodies)
    monkeypatch.setattr(plugin, "ThemeWords", Words)
    monkeypatch.setattr(plugin, "SharedParts", Shared)
    build(SHIPPED, tmp_path / "site", only="clackmannanshire")
    assert len(read) > 100  # every page indexed by plansite's reading
    assert len(bodies) > 100 and not any(bodies)  # pages with no Markdown to convert
    assert len(words) == 1 and len(words[0].known["en-gb"]) > 10
    assert len(shared) == 1 and sorted(shared[0].parts) == ["header-tools", "navigation"]
    assert all(part.shared and not part.checks for part in shared[0].parts.values())


# The shared navigation, in a theme of a few lines.
@dataclass
class Item:
    title: str
    url: str
    active: bool = False
    children: list[Item] = field(default_factory=list)


@dataclass
class Navigation:
    items: list[Item]


NAV = """{% macro items() %}{% for item in nav.items %}<a href="{{ item.url | url }}"
{%- if item.active %} class="active"{% endif %}>{{ item.title }}</a>{{ extra }}{% endfor %}
{%- endmacro %}{{ plansite_nav_items(items) if plansite_nav_items is defined else items() }}"""


def relative(context: Any, value: str) -> str:
    """A stand-in for MkDocs' filter: the address from the page's folder."""
    depth = context["page"].url.count("/") if context["page"] else 0
    return "../" * depth + value if value else "./"


def env() -> tuple[jinja2.Environment, SharedParts]:
    environment = jinja2.Environment(loader=jinja2.DictLoader({"nav.html": NAV}))  # noqa: S701
    shared = SharedParts(jinja2.pass_context(relative))
    environment.filters["url"] = shared.url
    environment.globals["plansite_nav_items"] = shared.nav_items
    return environment, shared


def pages(*urls: str) -> list[Item]:
    return [Item(url, url) for url in urls]


def render(environment: jinja2.Environment, nav: Navigation, page: Item, **extra: Any) -> str:
    return environment.get_template("nav.html").render(nav=nav, page=page, **extra)


def own(nav: Navigation, page: Item, **extra: Any) -> str:
    """The navigation as the theme renders it on the page, without sharing."""
    environment, _ = env()
    environment.filters["url"] = jinja2.pass_context(relative)
    del environment.globals["plansite_nav_items"]  # the template falls back to its own loop
    return render(environment, nav, page, **extra)


def test_pages_not_in_the_navigation_share_its_items_with_their_own_addresses() -> None:
    nav = Navigation([Item("Home", ""), Item("Services", "services/"), Item("Plan", "plan/")])
    environment, shared = env()
    visited = pages("services/a/", "services/b/", "actions/c/d/", "e/", "services/f/")
    for page in visited:
        assert render(environment, nav, page) == own(nav, page)
    # Rendered once with the addresses set aside, and on the first two pages in full.
    assert shared.parts["navigation"].shared and shared.parts["navigation"].checks == 0


def test_a_page_in_the_navigation_has_its_own_items_rendered() -> None:
    nav = Navigation([Item("Home", ""), Item("Services", "services/")])
    environment, _ = env()
    render(environment, nav, Item("x", "a/"))
    nav.items[1].active = True  # as MkDocs marks the page it renders, and its sections
    page = nav.items[1]
    assert render(environment, nav, page) == own(nav, page)
    assert 'class="active"' in render(environment, nav, page)


def test_items_that_depend_on_the_page_otherwise_are_rendered_for_every_page() -> None:
    nav = Navigation([Item("Home", ""), Item("Services", "services/")])
    environment, shared = env()
    for i, page in enumerate(pages("a/", "b/", "c/")):
        assert render(environment, nav, page, extra=i) == own(nav, page, extra=i)
    assert not shared.parts["navigation"].shared


TOOLS = """{% macro logo() %}<img src="{{ 'logo.svg' | url }}">{% endmacro %}
{%- macro tools() %}<a href="{{ 'search/' | url }}">{{ plansite_shared("logo", logo) }}</a>
{%- endmacro %}{{ plansite_shared("tools", tools) }}|{{ plansite_shared("logo", logo) }}"""


def test_a_part_is_shared_on_every_page_even_inside_another() -> None:
    environment = jinja2.Environment(loader=jinja2.DictLoader({"t.html": TOOLS}))  # noqa: S701
    shared = SharedParts(jinja2.pass_context(relative))
    environment.filters["url"] = shared.url
    environment.globals["plansite_shared"] = shared.part
    rendered = [environment.get_template("t.html").render(page=page)
                for page in pages("a/", "b/c/", "d/e/f/", "g/")]  # fmt: skip
    up = ["../", "../../", "../../../", "../"]
    assert rendered == [f'<a href="{u}search/"><img src="{u}logo.svg"></a>|<img src="{u}logo.svg">'
                        for u in up]  # fmt: skip
    assert sorted(shared.parts) == ["logo", "tools"]
    assert all(part.shared for part in shared.parts.values())
    # A page served at any address (404.html) has no page: it is rendered as it is.
    assert environment.get_template("t.html").render(page=None) == (
        '<a href="search/"><img src="logo.svg"></a>|<img src="logo.svg">'
    )
