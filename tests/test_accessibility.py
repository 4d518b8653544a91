"""WCAG 2.2 AA in a real browser: axe-core on every page, and what axe cannot see.

The gate runs Deque's axe-core (the copy bundled in the axe-playwright-python package) in
Debian's Chromium over every page of every example site at 1280px in light colours. One page
of every kind the product makes is then checked again at phone width and in dark colours,
walked through by keyboard at phone width and at 1280px, and shown in dark and forced colours;
the menu that the navigation becomes on narrow screens is worked by keyboard, and without
JavaScript; the embeddable service lists are checked inside a stand-in page of another website.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from posixpath import normpath
from typing import Any

import axe_playwright_python
import pytest
import yaml
from lxml import html as lhtml
from playwright.sync_api import Browser, BrowserContext, Page, Route

from plansite.index.context import SiteIndex, build_index
from plansite.pages.national import national
from plansite.pages.registry import site_pages
from plansite.pages.words import CHANGE_SLUGS
from plansite.validate import check
from tests.browser_helpers import serve
from tests.conftest import ROOT, SHIPPED
from tests.site_helpers import pages

AXE_JS = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
RULES_OFF: list[str] = yaml.safe_load(
    (ROOT / "tests/accessibility/axe-rules-off.yaml").read_text(encoding="utf-8")
)["rules_off"]
# Everything outside the machine is answered with a stand-in ("Leave this site" among it).
ELSEWHERE = re.compile(r"^https?://(?!127\.0\.0\.1)")


# --- One page of every kind -----------------------------------------------------------

OVERRIDES = ROOT / "overrides"
DOCS = ROOT / "docs"
# Written by plansite/site/redirects.py at an item's old address; it has no template.
FORWARDING = "forwarding"


def kinds_in_the_product() -> list[str]:
    """Every kind of page the product can make, read from where each kind is defined:
    a template per generated kind (PageSpec.kind names it), the theme's own pages beside
    main.html (404), a Markdown file or folder of hand-written pages in docs/, and the
    pages that forward from an old address."""
    generated = sorted(
        p.stem for p in (OVERRIDES / "partials/plansite").glob("*.html") if p.stem[0] != "_"
    )
    theme = sorted(p.stem for p in OVERRIDES.glob("*.html") if p.stem != "main")
    written = sorted(
        f"docs/{p.stem}"
        for p in DOCS.iterdir()
        if p.suffix == ".md" or (p.is_dir() and any(p.rglob("*.md")))
    )
    return [*generated, *theme, *written, FORWARDING]


PAGE_KINDS = kinds_in_the_product()
# Pages in the theme's frame (skip link, "Leave this site"); a forwarding page is bare HTML.
THEMED_KINDS = [k for k in PAGE_KINDS if k != FORWARDING]


@pytest.fixture(scope="module")
def shipped_index() -> dict[str, SiteIndex]:
    """Each shipped partnership indexed as the build indexes it, from the public data."""
    data = check(SHIPPED).public
    return {pid: build_index(data, pid) for pid in sorted(data.partnerships)}


@pytest.fixture(scope="module")
def built_kinds(shipped_site: Path, shipped_index: dict[str, SiteIndex]) -> dict[str, list[str]]:
    """Every built page of the shipped sites, by kind, as the product itself lists them."""
    data = check(SHIPPED).public
    front = national(data, list(shipped_index.values()), "national")
    listed = {f"{spec.url}index.html": spec.kind for spec in front.pages()}
    for pid, site in shipped_index.items():
        # A site in other languages has the same pages again under /<code>/.
        for root in [f"{pid}/", *(f"{pid}/{code}/" for code in site.partnership.languages)]:
            listed |= {f"{root}{spec.url}index.html": spec.kind for spec in site_pages(site)}
            listed |= {f"{root}{old}index.html": FORWARDING for old in site.redirects}
    found: dict[str, list[str]] = defaultdict(list)
    for path in sorted(shipped_site.rglob("*.html")):
        rel = path.relative_to(shipped_site).as_posix()
        kind = listed.get(rel)
        if kind is None and path.parent.name == "embed":
            continue  # a list for other websites, not a page: see the embed tests
        if kind is None:
            parts = rel.split("/")
            if parts[0] in shipped_index:
                languages = shipped_index[parts[0]].partnership.languages
                parts = parts[2:] if parts[1] in languages else parts[1:]
            if parts == ["404.html"]:
                kind = "404"
            elif (DOCS / f"{parts[0]}.md").is_file() or (DOCS / parts[0]).is_dir():
                kind = f"docs/{parts[0]}"
            else:
                kind = "unknown"
        found[kind].append(rel)
    return dict(found)


def in_english(rel: str, shipped_index: dict[str, SiteIndex]) -> bool:
    """A page of a site's English version, not of its copy in another language."""
    pid, _, rest = rel.partition("/")
    site = shipped_index.get(pid)
    return site is None or rest.split("/")[0] not in site.partnership.languages


@pytest.fixture(scope="module")
def chosen(
    shipped_site: Path, built_kinds: dict[str, list[str]], shipped_index: dict[str, SiteIndex]
) -> dict[str, str]:
    """For each kind, the built English page with the most links: the most for every check
    to see (pages in other languages have their own, below)."""

    def links(rel: str) -> int:
        return (shipped_site / rel).read_text(encoding="utf-8").count("<a ")

    return {
        kind: max(sorted(r for r in rels if in_english(r, shipped_index)), key=links)
        .removesuffix("index.html")
        for kind, rels in built_kinds.items()
    }  # fmt: skip


def test_one_page_of_every_kind_is_chosen(built_kinds: dict[str, list[str]]) -> None:
    """A kind of page the shipped sites never show would go unchecked; so would a page the
    product makes that belongs to no known kind."""
    assert "unknown" not in built_kinds, f"pages of no known kind: {built_kinds['unknown'][:5]}"
    missing = sorted(set(PAGE_KINDS) - set(built_kinds))
    assert not missing, f"kinds of page no shipped site has, so nothing checks them: {missing}"
    assert sorted(built_kinds) == sorted(PAGE_KINDS)
    # Kinds known to exist, so that a mistake in how kinds are read is noticed.
    for kind in ["plans", "earlier-plan", "removed", "service-filter", "embed", "404", FORWARDING]:
        assert kind in PAGE_KINDS
    assert "example/plans/example-plan-2021-24/index.html" in built_kinds["earlier-plan"]


@pytest.fixture(scope="module")
def site_url(shipped_site: Path) -> Iterator[str]:
    with serve(shipped_site) as url:
        yield url


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    ctx = browser.new_context()
    ctx.add_init_script(AXE_JS)  # as the browser's own script, so the pages' CSP allows it
    # Nothing leaves the machine: "Leave this site" goes to a stand-in page.
    ctx.route(ELSEWHERE, lambda route: route.fulfill(body="elsewhere"))
    yield ctx
    ctx.close()


@dataclass(frozen=True)
class View:
    """How a reader sees the site: the window's width and the colours asked for."""

    width: int
    scheme: str = "light"
    forced: bool = False

    @property
    def height(self) -> int:
        return 720 if self.width >= 1024 else 800


VIEWS = {
    "1280-light": View(1280),
    "1280-dark": View(1280, "dark"),
    "320-light": View(320),
    "320-dark": View(320, "dark"),
    "640-light": View(640),
    "1024-light": View(1024),  # a laptop at 125% zoom: the navigation is a drawer
    "1280-forced": View(1280, forced=True),
}


@pytest.fixture(scope="module")
def tab(browser: Browser) -> Iterator[Callable[[str], Page]]:
    """One open page per view, shared by every test that uses that view: a context costs
    more than a page load, and the tests below load hundreds of pages between them."""
    open_pages: dict[str, Page] = {}

    def get(view: str) -> Page:
        if view not in open_pages:
            v = VIEWS[view]
            ctx = browser.new_context(
                viewport={"width": v.width, "height": v.height},
                color_scheme="dark" if v.scheme == "dark" else "light",
                forced_colors="active" if v.forced else "none",
            )
            ctx.add_init_script(AXE_JS)
            ctx.route(ELSEWHERE, lambda route: route.fulfill(body="elsewhere"))
            open_pages[view] = ctx.new_page()
        return open_pages[view]

    yield get
    for page in open_pages.values():
        page.context.close()


def answer_with(html: str) -> Callable[[Route], None]:
    """A route handler that answers with this HTML, for a page no server holds."""

    def fulfil(route: Route) -> None:
        route.fulfill(body=html, content_type="text/html; charset=utf-8")

    return fulfil


def _without_refresh(route: Route) -> None:
    response = route.fetch()
    body = re.sub(r'<meta http-equiv="refresh"[^>]*>', "", response.text())
    route.fulfill(response=response, body=body)


def visit(page: Page, url: str, kind: str) -> None:
    """Open a page; a forwarding page is held, as a reader sees it whose browser does not
    follow automatic refreshes (an option some people need), since it forwards at once."""
    if kind != FORWARDING:
        page.goto(url)
        return
    page.route(url, _without_refresh)
    try:
        page.goto(url)
    finally:
        page.unroute(url)
    assert page.url == url and page.locator("h1").inner_text() == "This page has moved"


def open_kind(tab: Callable[[str], Page], view: str, chosen: dict[str, str], site_url: str,
              kind: str) -> Page:  # fmt: skip
    assert kind in chosen, f"no shipped page of kind {kind!r} to check"
    page = tab(view)
    visit(page, f"{site_url}/{chosen[kind]}", kind)
    if kind != FORWARDING:  # the theme's palette follows the reader's colour preference
        scheme = page.evaluate("document.body.dataset.mdColorScheme")
        assert scheme == ("slate" if VIEWS[view].scheme == "dark" else "default")
    return page


def axe(page: Page, only: list[str] | None = None) -> list[dict[str, Any]]:
    options: dict[str, Any] = {
        "runOnly": {"type": "rule", "values": only}
        if only
        else {"type": "tag", "values": WCAG_TAGS},
        "resultTypes": ["violations"],
        "rules": {rule: {"enabled": False} for rule in RULES_OFF},
    }
    assert page.evaluate("typeof window.axe") == "object", "axe-core was not loaded"
    result = page.evaluate("(options) => axe.run(document, options)", options)
    return list(result["violations"])


def describe(violations: list[dict[str, Any]]) -> str:
    """Each rule broken, where first, and on how many elements in all."""
    return "; ".join(
        f"{v['id']} at {v['nodes'][0]['target']}: {v['nodes'][0]['html'][:120]}"
        + (f" (and {len(v['nodes']) - 1} more)" if len(v["nodes"]) > 1 else "")
        for v in violations
    )


# --- The gate -------------------------------------------------------------------------


def test_every_page_passes_axe(
    browser: Browser, built_kinds: dict[str, list[str]], site_url: str
) -> None:
    """Every page of every kind at 1280px in light colours (other views: per kind, below)."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 720}, color_scheme="light")
    ctx.add_init_script(AXE_JS)
    page = ctx.new_page()
    # Recorded on the way: no page may ask another site for anything (privacy).
    foreign: list[str] = []
    page.on("request", lambda r: None if r.url.startswith(site_url) else foreign.append(r.url))
    failures = []
    checked = Counter[str]()
    schemes: set[str] = set()
    for kind, rels in sorted(built_kinds.items()):
        for rel in rels:
            visit(page, f"{site_url}/{rel}", kind)
            if kind != FORWARDING:  # light colours, as asked for
                schemes.add(page.evaluate("document.body.dataset.mdColorScheme"))
            found = axe(page)
            if found:
                failures.append(f"{rel}: {describe(found)}")
            checked[kind] += 1
    ctx.close()
    assert checked == Counter({kind: len(rels) for kind, rels in built_kinds.items()})
    assert sorted(checked) == sorted(PAGE_KINDS)
    assert schemes == {"default"}
    assert not failures, f"{len(failures)} page(s) fail axe:\n" + "\n".join(failures[:40])
    assert foreign == []


@pytest.mark.parametrize("view", ["320-light", "320-dark", "1280-dark"])
@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_every_kind_of_page_passes_axe_at_phone_width_and_in_dark_colours(
    tab: Callable[[str], Page], chosen: dict[str, str], site_url: str, kind: str, view: str
) -> None:
    """With the gate's 1280px in light colours, every kind is seen at both widths in both."""
    page = open_kind(tab, view, chosen, site_url, kind)
    found = axe(page)
    assert not found, f"/{chosen[kind]} at {view}: {describe(found)}"


@pytest.fixture(scope="module")
def chosen_in_gaelic(shipped_site: Path, built_kinds: dict[str, list[str]]) -> dict[str, str]:
    """For each kind of page the Gaelic site has, its Gaelic page with the most links."""
    gaelic = {kind: [r for r in rels if r.startswith("example/gd/")]
              for kind, rels in built_kinds.items()}  # fmt: skip
    return {
        kind: max(sorted(rels), key=lambda r: (shipped_site / r).read_text().count("<a "))
        .removesuffix("index.html")
        for kind, rels in gaelic.items() if rels
    }  # fmt: skip


GAELIC_KINDS = ["home", "plan", "outcome", "services", "service", "action", "easy-read",
                "partner", "report", "changes", "accessibility", "404"]  # fmt: skip


@pytest.mark.parametrize("view", ["320-light", "320-dark"])
@pytest.mark.parametrize("kind", GAELIC_KINDS)
def test_pages_in_gaelic_pass_axe_at_phone_width(
    tab: Callable[[str], Page], chosen_in_gaelic: dict[str, str], site_url: str, kind: str,
    view: str,
) -> None:  # fmt: skip
    """The gate sees every Gaelic page at 1280px; here the main kinds at 320px, where the
    language list and longer words have least room."""
    page = open_kind(tab, view, chosen_in_gaelic, site_url, kind)
    assert page.evaluate("document.documentElement.lang") == "gd"
    found = axe(page)
    assert not found, f"/{chosen_in_gaelic[kind]} at {view}: {describe(found)}"


# --- What axe cannot see ------------------------------------------------------------


@pytest.mark.parametrize("kind", THEMED_KINDS)
def test_the_first_tab_stop_is_a_working_skip_link(
    tab: Callable[[str], Page], chosen: dict[str, str], site_url: str, kind: str
) -> None:
    page = open_kind(tab, "1280-light", chosen, site_url, kind)
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "() => { const a = document.activeElement;"
        " return {cls: a.className, text: a.textContent.trim(), href: a.getAttribute('href')}; }"
    )
    assert "md-skip" in focused["cls"] and focused["text"] == "Skip to content"
    target = focused["href"].split("#")[1]
    assert page.locator(f"#{target}").count() == 1
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == f"#{target}"


@pytest.mark.parametrize("kind", THEMED_KINDS)
def test_leave_this_site_is_the_next_tab_stop_and_works(
    tab: Callable[[str], Page], chosen: dict[str, str], site_url: str, kind: str
) -> None:
    page = open_kind(tab, "1280-light", chosen, site_url, kind)
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Leave this site"
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(re.compile(r"^https://www\.bbc\.co\.uk/weather"))


def test_leave_this_site_works_without_javascript(browser: Browser, site_url: str) -> None:
    ctx = browser.new_context(java_script_enabled=False)
    ctx.route(ELSEWHERE, lambda route: route.fulfill(body="elsewhere"))
    page = ctx.new_page()
    page.goto(f"{site_url}/example/services/")
    page.get_by_role("link", name="Leave this site").click()
    page.wait_for_url(re.compile(r"^https://www\.bbc\.co\.uk/weather"))
    ctx.close()


# Before the first Tab: every element the keyboard should reach (a Tab stop, in the window's
# layout, not inert, not hidden), numbered in document order, and how each is drawn while
# it does not have focus, so that focus is seen to change it.
TAB_STOPS = """() => {
  const stops = [...document.querySelectorAll(
      'a[href], button, input, select, textarea, summary, iframe, [tabindex], [contenteditable]')]
    .filter(e => e.tabIndex >= 0 && !e.disabled && !e.closest('[inert]')
                 && e.getClientRects().length && getComputedStyle(e).visibility === 'visible'
                 && !(e.type === 'radio' && !e.checked && e.name));
  window.plansiteStops = new Map(stops.map((e, i) => {
    const s = getComputedStyle(e);
    return [e, {n: i, outline: [s.outlineStyle, s.outlineWidth, s.outlineColor].join(' '),
                shadow: s.boxShadow}];
  }));
  return stops.map(e => (e.getAttribute('href') || e.getAttribute('aria-label')
                         || e.textContent.trim() || e.tagName).slice(0, 60));
}"""
# Where keyboard focus is after a Tab, once any transition it set off (a panel sliding in)
# has finished. On screen means some of it is inside the window; inside means all of it is
# (something taller than the room below the header, less its focus outline's 6px above and
# below, starts in its upper half). Hidden by
# names what is drawn over any of nine points of each of its boxes, 2px in from their edges
# (the sticky header, "Leave this site", a panel or overlay; WCAG 2.4.11): what is found
# there must be the focused element or inside it.
FOCUS_STATE = """async () => {
  if ('__md_get' in window)  // the theme's scripts ran: let what they set off start first
    await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
  await Promise.all(document.getAnimations()
    .filter(a => a.effect && a.effect.getComputedTiming().endTime !== Infinity)
    .map(a => a.finished.catch(() => null)));
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const r = el.getBoundingClientRect();
  const s = getComputedStyle(el);
  const w = document.documentElement.clientWidth, h = document.documentElement.clientHeight;
  const header = document.querySelector('.md-header')?.offsetHeight ?? 0;
  const hiddenBy = new Set();
  for (const box of el.getClientRects()) {
    const left = Math.max(box.left, 0), right = Math.min(box.right, w);
    const top = Math.max(box.top, 0), bottom = Math.min(box.bottom, h);
    if (right - left < 1 || bottom - top < 1) continue;
    const edge = (a, b) => Math.min(2, (b - a) / 2);
    const inset = (a, b) => [a + edge(a, b), (a + b) / 2, b - edge(a, b)];
    for (const x of inset(left, right)) for (const y of inset(top, bottom)) {
      const hit = document.elementFromPoint(x, y);
      if (hit !== el && !el.contains(hit))
        hiddenBy.add(hit ? (hit.closest('[class]') || hit).className.toString().slice(0, 40)
                           || hit.tagName : 'nothing');
    }
  }
  const before = (window.plansiteStops && window.plansiteStops.get(el)) || null;
  const outline = [s.outlineStyle, s.outlineWidth, s.outlineColor].join(' ');
  const clear = c => /rgba\\(.*, 0\\)$/.test(c) || c === 'transparent';
  return {tag: el.tagName, id: el.id, href: el.getAttribute('href'),
          text: (el.textContent.trim() || el.getAttribute('aria-label') || '').slice(0, 40),
          n: before ? before.n : null,
          outline: s.outlineStyle, width: parseFloat(s.outlineWidth),
          outlineClear: clear(s.outlineColor),
          changed: !before || before.outline !== outline
                   || (before.shadow !== s.boxShadow && s.boxShadow !== 'none'),
          visible: r.width > 0 && r.height > 0 && s.visibility !== 'hidden',
          onScreen: r.right > 0 && r.bottom > 0 && r.left < w && r.top < h,
          inside: (r.left >= -1 && r.right <= w + 1 || r.width > w && r.left <= 0 && r.right >= w)
                  && (r.top >= -1 && r.bottom <= h + 1
                      || r.height > h - header - 12 && r.top < h / 2),
          hiddenBy: [...hiddenBy], box: [r.left, r.top, r.right, r.bottom].map(Math.round),
          header: header};
}"""
VISIBLE_CONTENT_LINKS = (
    "() => [...document.querySelectorAll('article a[href]')]"
    ".filter(a => a.offsetParent !== null).map(a => a.getAttribute('href'))"
)


def shows_focus(state: dict[str, Any], kind: str) -> bool:
    """The site's focus outline, 3px and solid. A forwarding page has no stylesheet: the
    browser's own focus ring (outline-style auto), drawn two colours thick, shows there."""
    if kind == FORWARDING and state["outline"] == "auto":
        return True
    return bool(state["outline"] != "none" and state["width"] >= 2)


def check_stop(state: dict[str, Any], kind: str, where: str) -> None:
    """One Tab stop: drawn, wholly in the window, nothing over any of it, its focus shown."""
    assert state["visible"], f"{where}: focus on an invisible element: {state}"
    assert state["inside"], f"{where}: focus on something not wholly in the window: {state}"
    assert not state["hiddenBy"], f"{where}: focus partly or wholly hidden: {state}"
    assert shows_focus(state, kind), f"{where}: no visible focus: {state}"
    assert kind == FORWARDING or (state["changed"] and not state["outlineClear"]), (
        f"{where}: focus does not change how it is drawn: {state}"
    )


def stop_key(state: dict[str, Any]) -> tuple[Any, ...]:
    return (state["n"], state["tag"], state["id"], state["href"], state["text"])


# Shift+Tab from the end of the page scrolls each stop in at the top of the window, where the
# sticky header is: the walk goes back this far (all of most pages, the end of the longest).
BACK_STOPS = 60


# Focus in dark and forced colours is checked on every control below, more quickly. At 320
# and 1024px the navigation is a drawer; at 1280px it is a sidebar beside the content.
@pytest.mark.parametrize("view", ["1280-light", "1024-light", "320-light"])
@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_keyboard_reaches_everything_forwards_and_back_never_hidden_and_no_trap(
    tab: Callable[[str], Page], chosen: dict[str, str], site_url: str, kind: str, view: str
) -> None:
    """Tab from the top to the end of the page and Shift+Tab back up: every stop is wholly in
    the window, nothing (the header, "Leave this site", an overlay) is drawn over any part of
    it, and its focus is shown; every Tab stop of the page is reached, nothing traps focus."""
    page = open_kind(tab, view, chosen, site_url, kind)
    where = f"/{chosen[kind]} at {view}"
    hrefs = page.evaluate(VISIBLE_CONTENT_LINKS)
    stops = page.evaluate(TAB_STOPS)
    seen: list[tuple[Any, ...]] = []
    for _ in range(len(stops) + 20):
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUS_STATE)
        if state is None:
            break  # focus left the document: it cycled round, so nothing traps it
        check_stop(state, kind, f"{where}, Tab {len(seen) + 1}")
        if seen and stop_key(state) == seen[0]:
            break
        seen.append(stop_key(state))
    else:
        pytest.fail(f"{where}: focus never came back round: a keyboard trap or too many stops")
    reached = {key[3] for key in seen if key[1] == "A"}
    missed = [h for h in hrefs if h not in reached]
    assert not missed, f"{where}: links the keyboard never reached: {missed[:5]}"
    numbers = {key[0] for key in seen}
    unreached = [name for n, name in enumerate(stops) if n not in numbers]
    assert not unreached, f"{where}: Tab stops the keyboard never reached: {unreached[:5]}"
    assert len(seen) >= 2
    # Back up the page from its end.
    back = []
    if state is not None:  # focus came round to the first stop: one step back leaves it
        page.keyboard.press("Shift+Tab")
    for _ in range(min(BACK_STOPS, len(seen))):
        page.keyboard.press("Shift+Tab")
        state = page.evaluate(FOCUS_STATE)
        assert state is not None, f"{where}: Shift+Tab left the page after {len(back)} stops"
        check_stop(state, kind, f"{where}, Shift+Tab {len(back) + 1}")
        back.append(stop_key(state))
    assert back == seen[::-1][: len(back)], f"{where}: Shift+Tab is not Tab reversed"


# Below the theme's 1220px breakpoint the navigation is a drawer, opened by a checkbox.
DRAWER = ".md-sidebar--primary"
DRAWER_STATE = """async () => {
  await Promise.all(document.getAnimations()
    .filter(a => a.effect && a.effect.getComputedTiming().endTime !== Infinity)
    .map(a => a.finished.catch(() => null)));
  const drawer = document.querySelector('.md-sidebar--primary');
  const r = drawer.getBoundingClientRect();
  const el = document.activeElement;
  return {
    open: document.getElementById('__drawer').checked,
    inert: drawer.inert,
    onScreen: r.right > 0 && r.left < innerWidth && r.width > 0,
    behind: ['.md-header', '.md-content', '.md-footer']
      .map(s => document.querySelector(s).closest('[inert]') !== null),
    focus: el ? (el.getAttribute('aria-label') || el.textContent.trim()).slice(0, 60) : null,
    inDrawer: drawer.contains(el),
    elsewhere: !!el && el !== document.body && !drawer.contains(el)
      && !el.matches('[data-plansite-exit]'),
    links: [...drawer.querySelectorAll('a[href]')]
      .filter(a => a.getClientRects().length && getComputedStyle(a).visibility !== 'hidden')
      .map(a => a.getAttribute('href')),
    href: el ? el.getAttribute('href') : null,
  };
}"""


def drawer_state(page: Page) -> dict[str, Any]:
    """The drawer once any sliding has finished: open or not, inert or not, on screen or
    not; whether what it covers is inert; where focus is."""
    return dict(page.evaluate(DRAWER_STATE))


def tab_to(page: Page, name: str) -> None:
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('aria-label')") == name:
            return
    pytest.fail(f"the keyboard never reached {name!r}")


@pytest.mark.parametrize("width", [320, 1000])
def test_the_menu_button_opens_and_closes_the_drawer_by_keyboard(
    browser: Browser, site_url: str, width: int
) -> None:
    """A real button, named and saying whether the drawer is open; the closed drawer is out of
    the Tab order, the open one holds it; Escape or its close button shuts it and puts focus
    back on the button."""
    ctx = browser.new_context(viewport={"width": width, "height": 800})
    ctx.add_init_script(AXE_JS)
    ctx.route(ELSEWHERE, lambda route: route.fulfill(body="elsewhere"))
    page = ctx.new_page()
    page.goto(f"{site_url}/example/services/")
    menu = page.get_by_role("button", name="Menu", exact=True)
    assert menu.is_visible() and menu.get_attribute("aria-expanded") == "false"
    assert menu.get_attribute("aria-controls") == page.locator(DRAWER).get_attribute("id")
    assert not page.locator("label.md-header__button[for=__drawer]").is_visible()
    closed = drawer_state(page)
    assert closed["inert"] and not closed["open"] and not closed["onScreen"], closed
    assert not any(closed["behind"]), closed
    tab_to(page, "Menu")
    page.keyboard.press("Enter")
    opened = drawer_state(page)
    assert menu.get_attribute("aria-expanded") == "true"
    assert opened["open"] and not opened["inert"] and opened["onScreen"], opened
    assert all(opened["behind"]), f"the page behind the open drawer is not inert: {opened}"
    assert opened["focus"] == "Close the menu" and opened["inDrawer"], opened
    found = axe(page)  # the open drawer, with its close button, and nothing else
    assert not found, f"the open drawer at {width}px: {describe(found)}"
    # Tab goes round the drawer's links and the way out of the site, nowhere else.
    reached = []
    for _ in range(len(opened["links"]) + 2):
        page.keyboard.press("Tab")
        state = drawer_state(page)
        assert not state["elsewhere"], f"focus left the open drawer: {state}"
        reached.append(state["href"])
    assert len(opened["links"]) >= 8 and set(opened["links"]) <= set(reached), reached
    page.keyboard.press("Escape")
    closed = drawer_state(page)
    assert not closed["open"] and closed["inert"] and not closed["onScreen"], closed
    assert closed["focus"] == "Menu" and not any(closed["behind"]), closed
    assert menu.get_attribute("aria-expanded") == "false"
    page.keyboard.press("Space")
    assert drawer_state(page)["open"] and menu.get_attribute("aria-expanded") == "true"
    page.keyboard.press("Enter")  # on the drawer's close button, where focus went
    closed = drawer_state(page)
    assert not closed["open"] and closed["inert"] and closed["focus"] == "Menu", closed
    page.keyboard.press("Enter")
    assert drawer_state(page)["open"]
    for _ in range(3):  # the quick way out works from the open drawer too
        page.keyboard.press("Shift")
    page.wait_for_url(re.compile(r"^https://www\.bbc\.co\.uk/weather"))
    ctx.close()


def test_the_drawer_is_inert_only_while_it_is_a_closed_drawer(
    browser: Browser, site_url: str
) -> None:
    """The window's width changes while the page is open (a phone turned, a window resized):
    at 1280px the navigation is a sidebar, always usable, and there is no menu button."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 800})
    page = ctx.new_page()
    page.goto(f"{site_url}/example/services/")
    menu = page.get_by_role("button", name="Menu", exact=True)
    wide = drawer_state(page)
    assert not menu.is_visible() and not wide["inert"] and wide["onScreen"], wide
    assert len(wide["links"]) >= 8
    page.set_viewport_size({"width": 320, "height": 800})
    page.wait_for_function(f"() => document.querySelector('{DRAWER}').inert")
    assert menu.is_visible() and not drawer_state(page)["onScreen"]
    menu.click()
    opened = drawer_state(page)
    assert opened["open"] and not opened["inert"] and all(opened["behind"]), opened
    page.set_viewport_size({"width": 1280, "height": 800})
    page.wait_for_function("() => !document.querySelector('.md-header').closest('[inert]')")
    wide = drawer_state(page)
    assert not wide["inert"] and not any(wide["behind"]) and wide["onScreen"], wide
    page.set_viewport_size({"width": 320, "height": 800})
    page.wait_for_function("() => document.querySelector('.md-header').closest('[inert]')")
    page.keyboard.press("Escape")
    closed = drawer_state(page)
    assert closed["inert"] and not any(closed["behind"]) and closed["focus"] == "Menu", closed
    ctx.close()


def test_without_javascript_the_drawer_opens_by_pointer_and_keyboard_focus_stays_on_screen(
    browser: Browser, site_url: str
) -> None:
    """Without JavaScript the theme's label opens the drawer by pointer (the menu buttons stay
    hidden), and the closed drawer's links, still Tab stops, slide into view with focus."""
    ctx = browser.new_context(java_script_enabled=False, viewport={"width": 320, "height": 800})
    page = ctx.new_page()
    page.goto(f"{site_url}/example/services/")
    buttons = page.locator("[data-plansite-menu], [data-plansite-menu-close]")
    assert buttons.count() == 2 and not any(b.is_visible() for b in buttons.all())
    closed = drawer_state(page)
    assert not closed["open"] and not closed["onScreen"] and not closed["inert"], closed
    page.locator("label.md-header__button[for=__drawer]").click()
    opened = drawer_state(page)
    assert opened["open"] and opened["onScreen"] and len(opened["links"]) >= 8, opened
    page.reload()
    for _ in range(20):
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUS_STATE)
        if page.evaluate("document.activeElement.closest('.md-sidebar--primary') !== null"):
            break
    else:
        pytest.fail("the keyboard never reached the navigation")
    assert state["onScreen"] and not drawer_state(page)["open"], state
    ctx.close()


@pytest.mark.parametrize("view", ["320-light", "640-light"])
@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_no_horizontal_scrolling_at_400_and_200_percent_zoom(
    tab: Callable[[str], Page], chosen: dict[str, str], site_url: str, kind: str, view: str
) -> None:
    page = open_kind(tab, view, chosen, site_url, kind)
    width = VIEWS[view].width
    overflow = page.evaluate("document.documentElement.scrollWidth")
    assert overflow <= width, f"/{chosen[kind]} is {overflow}px wide at a {width}px viewport"


# Focus moved by script after a Tab shows as keyboard focus (:focus-visible), so the focus of
# every Tab stop can be read in one pass, far quicker than a walk.
FOCUS_EVERY_STOP = """() => {
  const stops = [...document.querySelectorAll(
      'a[href], button, input, select, textarea, summary, [tabindex]')]
    .filter(e => e.tabIndex >= 0 && !e.disabled && e.getClientRects().length);
  const states = [];
  for (const el of stops) {
    el.focus();
    if (document.activeElement !== el) continue;  // hidden as things stand: not a stop
    const r = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    states.push({html: el.outerHTML.slice(0, 100), keyboard: el.matches(':focus-visible'),
                 outline: s.outlineStyle, width: parseFloat(s.outlineWidth),
                 visible: r.width > 0 && r.height > 0 && s.visibility !== 'hidden'});
  }
  return states;
}"""


# Each word of each name on a page, and on how many lines it is drawn: a word on two lines
# was broken in the middle ("Clackmannan shire").
SPLIT_WORDS = """() => {
  const split = [];
  for (const el of document.querySelectorAll('article h1, article h2, article h3, article a')) {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const m of node.textContent.matchAll(/\\S+/g)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
        if (tops.size > 1) split.push(m[0]);
      }
    }
  }
  return split;
}"""
NATIONAL_KINDS = ["national", "areas", "area", "directory", "directory-filter"]


@pytest.mark.parametrize("kind", NATIONAL_KINDS)
def test_national_names_are_never_broken_mid_word_at_phone_width(
    tab: Callable[[str], Page], chosen: dict[str, str], site_url: str, kind: str
) -> None:
    page = open_kind(tab, "320-light", chosen, site_url, kind)
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert page.evaluate(SPLIT_WORDS) == [], f"/{chosen[kind]}: words broken across lines"


@pytest.mark.parametrize("view", ["1280-dark", "1280-forced"])
@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_focus_shows_on_every_stop_in_dark_and_forced_colours(
    tab: Callable[[str], Page], chosen: dict[str, str], site_url: str, kind: str, view: str
) -> None:
    """Dark colours change the focus colour; forced colours drop backgrounds and shadows, so
    focus must be an outline there."""
    page = open_kind(tab, view, chosen, site_url, kind)
    page.keyboard.press("Tab")
    states = page.evaluate(FOCUS_EVERY_STOP)
    assert len(states) >= 2 and all(s["keyboard"] for s in states)
    unseen = [s["html"] for s in states if not (s["visible"] and shows_focus(s, kind))]
    assert not unseen, f"/{chosen[kind]} at {view}: no visible focus on {unseen[:5]}"


@pytest.mark.parametrize("kind", THEMED_KINDS)
def test_forced_colours_keep_an_edge_on_boxed_controls(
    tab: Callable[[str], Page], chosen: dict[str, str], site_url: str, kind: str
) -> None:
    """Forced colours drop backgrounds: what is told apart by a background needs an edge."""
    page = open_kind(tab, "1280-forced", chosen, site_url, kind)
    assert page.evaluate("matchMedia('(forced-colors: active)').matches")
    edges = page.evaluate(
        "() => [...document.querySelectorAll("
        "'.plansite-exit__link, .md-typeset a.plansite-button, .plansite-status')]"
        ".filter(e => e.getClientRects().length)"
        ".map(e => [e.className, getComputedStyle(e).borderTopStyle])"
    )
    assert edges and edges[0][0] == "plansite-exit__link"
    assert all(style == "solid" for _, style in edges), f"/{chosen[kind]}: {edges}"


# --- Lists for other websites ---------------------------------------------------------

HOST_PAGE = """<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>Support near you - a partner's website</title></head>
<body><header><p>A partner's website</p></header>
<main><h1>Support near you</h1>
{fragment}
</main></body></html>"""


@pytest.fixture(scope="module")
def fragments(shipped_site: Path) -> dict[str, str]:
    """Each embeddable list, found as a person about to embed one finds it: from the links
    on a site's page about them (data/embed/)."""
    found: dict[str, str] = {}
    for guide in sorted(shipped_site.glob("*/data/embed/index.html")):
        html = guide.read_text(encoding="utf-8")
        for href in re.findall(r'<a href="([^"]+)">Open the fragment', html):
            target = (guide.parent / href).resolve()
            page = target.read_text(encoding="utf-8")
            # Opened on its own, a list is a page with a title and a language; what is
            # copied into another website is the list inside it.
            assert page.startswith('<!doctype html>\n<html lang="en-GB">'), target
            assert re.search(r"<title>[^<]+</title>", page), target
            (fragment,) = re.findall(r"<section .*?</section>", page, re.S)
            found[target.relative_to(shipped_site.resolve()).as_posix()] = fragment
    published = {
        p.relative_to(shipped_site).as_posix() for p in shipped_site.glob("*/embed/*.html")
    }
    assert set(found) == published, "every published list is offered, and only those"
    assert len(found) >= 10
    return found


# The lists carry no colours of their own: the host page's colours are the host's, so the
# lists are checked at both widths in a page that keeps the browser's own styles.
@pytest.mark.parametrize("view", ["320-light", "1280-light"])
def test_embedded_lists_pass_axe_inside_another_website(
    tab: Callable[[str], Page], fragments: dict[str, str], view: str
) -> None:
    page = tab(view)
    width = VIEWS[view].width
    failures = []
    for rel, fragment in fragments.items():
        host = f"https://partner.example/{rel}"
        page.route(host, answer_with(HOST_PAGE.format(fragment=fragment)))
        try:
            page.goto(host)
        finally:
            page.unroute(host)
        assert page.locator("main section[aria-labelledby] > h2").count() == 1, rel
        found = axe(page)
        if found:
            failures.append(f"{rel}: {describe(found)}")
        overflow = page.evaluate("document.documentElement.scrollWidth")
        if overflow > width:
            failures.append(f"{rel}: {overflow}px wide at {width}px")
    assert not failures, f"at {view}:\n" + "\n".join(failures)


@pytest.mark.parametrize("view", ["320-light", "1280-light"])
def test_embedded_lists_opened_on_their_own_pass_axe(
    tab: Callable[[str], Page], site_url: str, fragments: dict[str, str], view: str
) -> None:
    page = tab(view)
    failures = []
    for rel in fragments:
        page.goto(f"{site_url}/{rel}")
        assert page.title().startswith("Services"), rel
        assert page.evaluate("document.documentElement.lang") == "en-GB", rel
        if found := axe(page):
            failures.append(f"{rel}: {describe(found)}")
    assert not failures, "\n".join(failures)


def test_search_works_by_keyboard_and_announces_results(
    context: BrowserContext, site_url: str
) -> None:
    page = context.new_page()
    page.goto(f"{site_url}/south-lanarkshire/")
    tab_to(page, "Search this site")
    page.keyboard.type("bail supervision")
    status = page.locator(".md-search-result__meta[role=status][aria-live=polite]")
    status.wait_for()
    page.wait_for_function(
        "() => /\\d+ matching/.test(document.querySelector('.md-search-result__meta').textContent)"
    )
    assert page.locator("form[role=search][aria-label='Search this site']").count() == 1
    page.keyboard.press("ArrowDown")
    assert "bail" in (page.evaluate("document.activeElement.textContent") or "").lower()


def test_focus_that_leaves_search_on_a_narrow_screen_stays_in_view(
    browser: Browser, site_url: str
) -> None:
    """Below 960px the theme holds the page still while search is open, and a moment after
    search closes scrolls it back to where it was: focus that has moved on by then, by Tab out
    of the search box, must still be in view, however long the reader paused."""
    ctx = browser.new_context(viewport={"width": 320, "height": 800})
    page = ctx.new_page()
    page.goto(f"{site_url}/example/about/")
    tab_to(page, "Search this site")
    page.wait_for_timeout(600)  # a reader's pause: by now the theme holds the page still
    assert page.evaluate("document.body.hasAttribute('data-md-scrolllock')")
    page.keyboard.press("Tab")
    page.wait_for_timeout(300)  # longer than the theme waits before it lets the page go
    state = page.evaluate(FOCUS_STATE)
    below_the_fold = page.evaluate(
        "document.activeElement.getBoundingClientRect().top + scrollY > innerHeight"
    )
    assert state["tag"] == "A" and below_the_fold, state
    assert state["onScreen"], f"focus left search for something out of view: {state}"
    ctx.close()


def test_print_hides_navigation_chrome(context: BrowserContext, site_url: str) -> None:
    page = context.new_page()
    page.goto(f"{site_url}/clackmannanshire/plan/")
    page.emulate_media(media="print")
    hidden = page.evaluate(
        "() => ['.md-header', '.md-sidebar--primary', '.md-footer', '.md-banner']"
        ".map(s => getComputedStyle(document.querySelector(s)).display)"
    )
    assert set(hidden) == {"none"}
    pdf = page.pdf()
    assert pdf.startswith(b"%PDF") and len(pdf) > 20_000


# --- Charts, statements and HTML ------------------------------------------------------


def test_indicator_figures_have_a_chart_a_table_a_summary_and_a_csv(shipped_site: Path) -> None:
    html = (shipped_site / "example/outcomes/better-access/index.html").read_text()
    assert re.search(
        r'<svg class="plansite-chart"[^>]*role="img"[^>]*aria-labelledby="chart-', html
    )
    assert "From 2024/25 to 2024/25 the figure rose, from 58 per cent to 63 per cent." in html
    assert (
        "<caption>Figures: Share of people leaving prison who have settled accommodation</caption>"
        in html
    )
    link = re.search(r'href="([^"]+\.csv)" download', html)
    assert link
    csv_path = (shipped_site / "example/outcomes/better-access" / link.group(1)).resolve()
    rows = list(csv.reader(io.StringIO(csv_path.read_text(encoding="utf-8"))))
    assert rows[0][:4] == ["Indicator", "Measure", "Period", "Value"]
    assert [r[3] for r in rows[1:]] == ["58", "63"]


STATEMENT_SECTIONS = [
    "Using this website", "Known limitations", "Feedback and contact information",
    "Enforcement procedure", "Technical information about this website",
    "Compliance status", "Non-accessible content", "How we tested this website",
    "Preparation of this accessibility statement",
]  # fmt: skip


@pytest.mark.parametrize(
    "pid", ["example", "clackmannanshire", "south-lanarkshire", "west-dunbartonshire"]
)
def test_every_site_has_a_complete_accessibility_statement(shipped_site: Path, pid: str) -> None:
    html = (shipped_site / pid / "accessibility/index.html").read_text()
    for section in STATEMENT_SECTIONS:
        assert f">{section}</h" in html, section
    assert "axe-core" in html
    home = (shipped_site / pid / "index.html").read_text()
    assert 'href="accessibility/">Accessibility statement</a>' in home


def test_every_page_links_the_statement_from_its_footer(shipped_site: Path) -> None:
    example = shipped_site / "example"
    for path, page in pages(example):
        if path.name == "404.html":  # served anywhere, so its links start at the site root
            continue
        # A page in Gaelic links the statement in Gaelic.
        in_gaelic = path.relative_to(example).parts[0] == "gd"
        statement = (example / ("gd/accessibility" if in_gaelic else "accessibility")).resolve()
        hrefs = [v for t, n, v in page.attrs() if t == "a" and n == "href"]
        assert any((path.parent / h).resolve() == statement for h in hrefs), path


def test_no_two_links_with_the_same_text_go_to_different_places(shipped_site: Path) -> None:
    """Two places on one page count as different (two items of a plan with the same name).
    The theme's navigation and tables of contents repeat the page's headings and are left
    out: a heading used twice is a matter for the page, not its links."""
    for path, _page in pages(shipped_site):
        tree = lhtml.parse(str(path)).getroot()
        targets: dict[str, set[str]] = {}
        for a in tree.xpath("//a[@href][not(ancestor::nav)]"):
            text = " ".join(a.text_content().split())
            if text:
                page, _, fragment = a.get("href").partition("#")
                resolved = normpath(f"{path.parent}/{page}") if page else str(path.parent)
                targets.setdefault(text, set()).add(f"{resolved}#{fragment}")
        clashes = {t: h for t, h in targets.items() if len(h) > 1}
        assert not clashes, f"{path}: {clashes}"


def test_every_table_of_a_plan_page_has_its_own_caption(shipped_site: Path) -> None:
    """Each table of actions names the item it belongs to, so no two captions are alike."""
    for plan in sorted(shipped_site.glob("*/plan/index.html")):
        captions = [
            " ".join(c.text_content().split())
            for c in lhtml.parse(str(plan)).getroot().iter("caption")
        ]
        assert captions, plan
        repeated = [c for c, n in Counter(captions).items() if n > 1]
        assert not repeated, f"{plan}: {repeated}"
    south = (shipped_site / "south-lanarkshire/plan/index.html").read_text(encoding="utf-8")
    assert "<caption>Commitments under theme: Health (in “6. Common outcomes" in south


def times(html: str) -> Counter[str]:
    """How often each date is marked up as a date (``<time datetime>``) in a page."""
    return Counter(re.findall(r'<time datetime="([^"]*)">', html))


def test_dates_are_marked_up_as_dates(
    shipped_site: Path, shipped_index: dict[str, SiteIndex]
) -> None:
    """The dates that pages show, counted from the data, are each in a <time> element."""
    dated = statement_dates = removed = 0
    for pid, site in shipped_index.items():
        root = shipped_site / pid

        def page(rel: str, root: Path = root) -> str:
            return (root / rel / "index.html").read_text(encoding="utf-8")

        # What's changed: each release that changed something is a heading with its date.
        releases = [
            (number, day) for number, day, changes in site.releases_newest_first()
            if any(c.kind in CHANGE_SLUGS for c in changes)
        ]  # fmt: skip
        headings = re.findall(
            r'<h2 id="release-(\d+)">Published <time datetime="([^"]+)">', page("changes")
        )
        assert headings == [(str(n), d.isoformat()) for n, d in releases], pid
        dated += len(headings)
        # An item's history: when it was published and last updated, and each change.
        for kind, folder, keys in [
            ("service", "services", site.services),
            ("action", "actions", site.actions),
            ("partner", "partners", site.partners),
        ]:
            for key in keys:
                expected = Counter(
                    d.isoformat()
                    for d in [
                        site.published_on(kind, key),
                        site.updated_on(kind, key),
                        *(c.date for c in site.changes_for(kind, key) if c.release is not None),
                    ]
                    if d
                )
                shown = times(page(f"{folder}/{key}"))
                assert not expected - shown, f"{pid}/{folder}/{key}/: {expected - shown}"
                dated += sum(expected.values())
        # Open data: when it was last released.
        if site.pd.releases:
            last = site.pd.releases[-1].date.isoformat()
            assert re.search(rf'Last updated</dt><dd><time datetime="{last}">', page("data"))
            dated += 1
        # The accessibility statement: when it was prepared, reviewed and tested.
        acc = site.partnership.accessibility
        days = [d for d in (acc.prepared, acc.reviewed, acc.tested) if d] if acc else []
        statement = times(page("accessibility"))
        assert all(statement[d.isoformat()] for d in days), f"{pid}/accessibility/"
        dated += len(days)
        statement_dates += len(days)
        # A page kept for something no longer listed says when it went.
        for gone in site.removed:
            assert times(page(gone.url))[gone.day.isoformat()] >= 1, gone.url
            dated += 1
            removed += 1
    # Only the example's statement is dated (prepared, reviewed, tested), and only it has a
    # page kept for a removed item: so those checks above did run.
    assert (statement_dates, removed) == (3, 1)
    # Hundreds of items have a publication date: a count this low means dates went missing.
    assert dated >= 500
    for path, parsed in pages(shipped_site):
        for tag, values in parsed.tags:
            if tag == "time":
                assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", values.get("datetime") or ""), path


BROKEN_PAGE = """<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>Broken on purpose</title></head>
<body><main><h1>Broken on purpose</h1>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="40" height="40">
<p style="color: #bbbbbb; background: #ffffff">Text too faint to read.</p>
<form><input type="text" name="where"></form>
</main></body></html>"""


def unexplained(rules: list[str], text: str) -> list[str]:
    """The rules switched off that no comment in the file gives a reason for."""
    return [r for r in rules if not re.search(rf"#.*\b{re.escape(r)}\b.*\S", text)]


def test_the_disabled_rules_file_is_honest(context: BrowserContext) -> None:
    """Every rule switched off carries a reason, and the gate, run with its own options on a
    page broken on purpose, reports what is broken: a gate that was switched off, had its
    tags mistyped or had these rules listed as off would pass that page."""
    text = (ROOT / "tests/accessibility/axe-rules-off.yaml").read_text(encoding="utf-8")
    assert unexplained(RULES_OFF, text) == []
    assert "rules_off:" in text
    # The reason check itself, on a list with one rule explained and one not.
    sample = (
        "# region: the page has no landmarks of its own, by design\nrules_off: [region, list]\n"
    )
    assert unexplained(["region", "list"], sample) == ["list"]
    page = context.new_page()
    page.route("https://broken.example/", answer_with(BROKEN_PAGE))
    page.goto("https://broken.example/")
    found = {v["id"] for v in axe(page)}
    assert {"image-alt", "color-contrast", "label"} <= found, found


def test_very_long_text_and_empty_fields_still_pass(browser: Browser, tmp_path: Path) -> None:
    """Every text field filled with very long words: nothing overflows at 320px, axe passes."""
    from itertools import cycle

    from tests.conftest import MINIMAL
    from tests.site_helpers import build, plant_everywhere

    long_words = cycle(["Community" * 12, "A very long name " * 20, "Partnership" * 9 + " plan"])
    # Internal fields stay out: they are never published, and a value kept back that is
    # also published elsewhere stops the build.
    plant_everywhere(MINIMAL, tmp_path / "data", long_words, internal=False)
    out = tmp_path / "site"
    build(tmp_path / "data", out)
    ctx = browser.new_context(viewport={"width": 320, "height": 800})
    ctx.add_init_script(AXE_JS)
    page = ctx.new_page()
    failures = []
    checked = []
    with serve(out) as base:
        for path, _ in pages(out / "sample"):
            rel = path.relative_to(out).as_posix()
            checked.append(rel)
            page.goto(f"{base}/{rel}")
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > 320:
                failures.append(f"{rel}: {width}px wide")
            found = axe(page)
            if found:
                failures.append(f"{rel}: {describe(found)}")
    ctx.close()
    # The page about the embeddable lists sits in a folder named embed/, like the lists.
    assert "sample/data/embed/index.html" in checked and len(checked) > 20
    assert not failures, "\n".join(failures)
