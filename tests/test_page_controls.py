"""The controls every page carries, tried in a browser as readers use them: the keys the theme
would take as shortcuts, the colour switch, the quick way out, the site's name in the header,
charts on a phone, and the page for an address that does not exist.

Each test uses the minimal data set, with a name long enough to wrap on a phone and a second
figure so that a chart is drawn.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.browser_helpers import serve
from tests.conftest import copy_minimal, edit
from tests.site_helpers import build

NAME = "Sample Clackmannanshire Community Justice Partnership"
EXIT = re.compile(r"^https://www\.bbc\.co\.uk/weather")
ELSEWHERE = re.compile(r"^https?://(?!127\.0\.0\.1)")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    where = tmp_path_factory.mktemp("controls")
    data = copy_minimal(where)
    edit(data, "partnerships/sample/partnership.yaml",
         "name: Sample Community Justice Partnership", f"name: {NAME}")  # fmt: skip
    figure = "          - value: {}\n            unit: per cent\n            period: {}\n"
    edit(data, "partnerships/sample/plans/sample-plan/indicators.yaml",
         "          - value: 85.5\n            period: 2017/18\n",
         figure.format(85.5, "2017/18") + figure.format(63, "2018/19"))  # fmt: skip
    build(data, where / "site")
    with serve(where / "site") as url:
        yield url


@pytest.fixture
def open_page(browser: Browser) -> Iterator[Any]:
    """Open a page of the site in a fresh window of the given width and colours; nothing
    leaves the machine ("Leave this site" gets a stand-in page)."""
    contexts: list[BrowserContext] = []

    def open_(url: str, width: int = 1280, scheme: str = "light") -> Page:
        ctx = browser.new_context(
            viewport={"width": width, "height": 720 if width >= 1024 else 800},
            color_scheme="dark" if scheme == "dark" else "light",
        )
        ctx.route(ELSEWHERE, lambda route: route.fulfill(body="elsewhere"))
        contexts.append(ctx)
        page = ctx.new_page()
        page.goto(url)
        return page

    yield open_
    for ctx in contexts:
        ctx.close()


def stays(page: Page, ms: int = 600) -> bool:
    """True if the page is still at its address after ``ms`` milliseconds."""
    start = page.url
    try:
        page.wait_for_url(lambda now: now != start, timeout=ms)
    except PlaywrightTimeout:
        return True
    return False


def active(page: Page) -> str:
    return str(page.evaluate("document.activeElement.outerHTML.slice(0, 80)"))


# --- Single-key shortcuts (WCAG 2.1.4) -------------------------------------------------------


def test_no_single_key_shortcut_acts(open_page: Any, site: str) -> None:
    """The theme's n, p, ., , go to the next or previous page and s, f, / jump into search:
    none of them may act. Typing them into a text box still types them."""
    page = open_page(f"{site}/sample/services/")
    assert page.locator("link[rel=next]").count() == 1  # there is a page for n to go to
    link = page.locator("article a[href]").first
    for key in ["n", ".", "p", ","]:
        link.focus()
        page.keyboard.press(key)
        assert stays(page, 400), f"pressing {key!r} with a link focused left the page"
    for key in ["s", "f", "/"]:
        link.focus()
        page.keyboard.press(key)
        assert "md-search__input" not in active(page), f"{key!r} moved focus into search"
        assert not page.evaluate("document.getElementById('__search').checked"), key
    box = page.locator("#service-filter")
    box.fill("")
    box.press_sequentially("np.,sf/")
    assert box.input_value() == "np.,sf/" and stays(page, 100)


# --- The colour switch (WCAG 4.1.2) ----------------------------------------------------------

SCHEME = {"light": "default", "dark": "slate"}


def switch_state(page: Page) -> dict[str, Any]:
    return dict(
        page.evaluate(
            """() => {
  const b = document.querySelector('[data-plansite-palette]');
  const s = getComputedStyle(b);
  return {scheme: document.body.dataset.mdColorScheme, pressed: b.getAttribute('aria-pressed'),
          focused: document.activeElement === b, outline: s.outlineStyle,
          width: parseFloat(s.outlineWidth)};
}"""
        )
    )


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_colour_switch_is_one_toggle_button_whose_state_matches_the_page(
    open_page: Any, site: str, scheme: str
) -> None:
    """One button, "Dark colours", pressed exactly while the page is dark, after Space and
    after Enter, from either scheme; no radio buttons whose names contradict the page."""
    page = open_page(f"{site}/sample/", scheme=scheme)
    switch = page.get_by_role("button", name="Dark colours", exact=True)
    assert switch.count() == 1 and switch.is_visible()
    assert page.get_by_role("radio").count() == 0
    assert not page.locator("input.md-option").first.is_visible()
    state = switch_state(page)
    assert state["scheme"] == SCHEME[scheme]
    assert state["pressed"] == ("true" if scheme == "dark" else "false"), state
    for _ in range(12):
        page.keyboard.press("Tab")
        if switch_state(page)["focused"]:
            break
    else:
        pytest.fail("the keyboard never reached the colour switch")
    for key in ["Space", "Enter", "Enter", "Space", "Space"]:
        before = switch_state(page)["scheme"]
        page.keyboard.press(key)
        page.wait_for_function(f"() => document.body.dataset.mdColorScheme !== '{before}'")
        state = switch_state(page)
        assert state["pressed"] == ("true" if state["scheme"] == "slate" else "false"), (key, state)
        assert state["focused"] and state["outline"] == "solid" and state["width"] >= 2, state
    page.reload()  # the choice is remembered, and the button still says so
    state = switch_state(page)
    assert state["scheme"] != SCHEME[scheme]
    assert state["pressed"] == ("true" if state["scheme"] == "slate" else "false"), state


# --- Leave this site -------------------------------------------------------------------------

EXIT_STATE = """() => {
  const a = document.querySelector('[data-plansite-exit]');
  const r = a.getBoundingClientRect();
  const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  return {width: r.width, height: r.height,
          inWindow: r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight,
          onTop: top !== null && a.contains(top), inert: a.closest('[inert]') !== null};
}"""


def exit_state(page: Page) -> dict[str, Any]:
    return dict(page.evaluate(EXIT_STATE))


@pytest.mark.parametrize("width", [320, 1280])
def test_leave_this_site_stays_on_screen_above_everything(
    open_page: Any, site: str, width: int
) -> None:
    """At least 44px each way, in the window however far the page is scrolled, and on top of
    the search panel and the open menu, where it still works."""
    page = open_page(f"{site}/sample/plan/", width)
    link = page.get_by_role("link", name="Leave this site", exact=True)
    assert link.count() == 1
    state = exit_state(page)
    assert state["width"] >= 44 and state["height"] >= 44, state
    assert state["inWindow"] and state["onTop"], state
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    assert page.evaluate("scrollY") > 200  # the page did scroll
    state = exit_state(page)
    assert state["inWindow"] and state["onTop"], f"scrolled away or covered: {state}"
    page.evaluate("window.scrollTo(0, 0)")
    page.evaluate("document.getElementById('__search').click()")  # as the search icon does
    page.wait_for_function("() => document.getElementById('__search').checked")
    page.locator(".md-search__input").focus()
    page.keyboard.type("family")
    state = exit_state(page)
    assert state["inWindow"] and state["onTop"], f"covered by search: {state}"
    page.keyboard.press("Escape")
    if width < 1220:  # where the navigation is a drawer behind a menu button
        page.get_by_role("button", name="Menu", exact=True).click()
        page.wait_for_function("() => document.getElementById('__drawer').checked")
        state = exit_state(page)
        assert state["onTop"] and not state["inert"], f"covered by the menu: {state}"
    link.click()
    page.wait_for_url(EXIT)


def test_leave_this_site_counts_separate_presses_of_shift_not_a_held_key(
    open_page: Any, site: str
) -> None:
    """A held Shift key repeats; only deliberate presses count, three of them, as the hint
    says; another key between them starts the count again."""
    page = open_page(f"{site}/sample/services/")
    for _ in range(6):  # after the first, each of these is a repeat of a held key
        page.keyboard.down("Shift")
    page.keyboard.up("Shift")
    assert stays(page), "a held Shift key left the site"
    page.keyboard.press("a")  # the held key was one press: start again
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.keyboard.press("n")
    page.keyboard.press("Shift")
    assert stays(page), "presses with another key between them were counted"
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(EXIT)


def test_the_hint_promises_what_leave_this_site_does_and_fits_a_phone(
    open_page: Any, site: str
) -> None:
    page = open_page(f"{site}/sample/", 320)
    hint = page.locator(".plansite-exit__hint")
    text = " ".join(hint.inner_text().split())
    # It is a link: the hint must not call it a button; and it names the Shift presses.
    assert "link “Leave this site”" in text and "button" not in text.lower(), text
    assert "press Shift three times" in text, text
    box = page.evaluate(
        """() => { const h = document.querySelector('.plansite-exit__hint');
        const r = h.getBoundingClientRect();
        return {left: r.left, right: r.right, scroll: h.scrollWidth, client: h.clientWidth,
                size: parseFloat(getComputedStyle(h).fontSize)}; }"""
    )
    assert box["left"] >= 0 and box["right"] <= 320 and box["scroll"] <= box["client"], box
    assert box["size"] >= 12, box


# --- The header ------------------------------------------------------------------------------

HEADER_NAME = """() => {
  const name = document.querySelector('.md-header__topic .md-ellipsis');
  const header = document.querySelector('.md-header');
  const r = name.getBoundingClientRect(), h = header.getBoundingClientRect();
  const s = getComputedStyle(name);
  const topic = name.closest('.md-header__topic');
  return {text: name.textContent.trim(), scroll: name.scrollWidth, client: name.clientWidth,
          inHeader: r.left >= h.left && r.right <= h.right && r.top >= h.top
                    && r.bottom <= h.bottom && r.right <= innerWidth,
          shown: getComputedStyle(topic).opacity === '1' && s.visibility !== 'hidden',
          size: parseFloat(s.fontSize), header: h.height,
          padding: parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop)};
}"""


@pytest.mark.parametrize("width", [320, 1024])
def test_the_header_shows_the_whole_name_of_the_site(open_page: Any, site: str, width: int) -> None:
    """Never cut off, at a readable size, and still there once the page has scrolled; the
    header it wraps in stays shallower than the room kept for it above keyboard focus."""
    page = open_page(f"{site}/sample/plan/", width)
    for scrolled in (False, True):
        if scrolled:
            page.evaluate("window.scrollTo(0, 1500)")
            page.wait_for_timeout(500)  # the theme's swap of titles is a transition
        state = page.evaluate(HEADER_NAME)
        assert state["text"] == NAME, state
        assert state["scroll"] <= state["client"] and state["inHeader"], f"cut off: {state}"
        assert state["shown"] and state["size"] >= 12, state
        assert state["header"] <= state["padding"], state


# --- Charts ----------------------------------------------------------------------------------

CHART_TEXT = """() => {
  const svg = document.querySelector('svg.plansite-chart');
  const box = svg.getBoundingClientRect();
  const scale = box.width / svg.viewBox.baseVal.width;
  return [...svg.querySelectorAll('text')].map(t => {
    const r = t.getBoundingClientRect();
    return {text: t.textContent, size: parseFloat(getComputedStyle(t).fontSize) * scale,
            inside: r.left >= box.left - 0.5 && r.right <= box.right + 0.5
                    && r.top >= box.top - 0.5 && r.bottom <= box.bottom + 0.5};
  });
}"""


@pytest.mark.parametrize("width", [320, 1280])
def test_chart_labels_are_whole_and_legible(open_page: Any, site: str, width: int) -> None:
    page = open_page(f"{site}/sample/outcomes/access-outcome/", width)
    labels = page.evaluate(CHART_TEXT)
    assert {"85.5 per cent", "63 per cent", "2017/18", "2018/19"} <= {t["text"] for t in labels}
    cut = [t for t in labels if not t["inside"]]
    assert not cut, f"labels cut off at {width}px: {cut}"
    small = [t for t in labels if t["size"] < 12]
    assert not small, f"labels under 12px at {width}px: {small}"


# --- The page for an address that does not exist ---------------------------------------------


def contrast(fg: str, bg: str) -> float:
    """WCAG contrast ratio of two computed rgb() colours."""

    def luminance(colour: str) -> float:
        channels = [int(c) / 255 for c in re.findall(r"\d+", colour)[:3]]
        lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    high, low = sorted([luminance(fg), luminance(bg)], reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("rel", ["404.html", "sample/404.html"])
def test_the_not_found_page_says_so_and_its_skip_link_can_be_read(
    open_page: Any, site: str, rel: str, scheme: str
) -> None:
    page = open_page(f"{site}/{rel}", scheme=scheme)
    assert page.title().startswith("Page not found - ")
    assert page.locator("h1").inner_text() == "Page not found"
    page.keyboard.press("Tab")
    skip = page.evaluate(
        """() => { const a = document.activeElement; const s = getComputedStyle(a);
        const r = a.getBoundingClientRect();
        return {text: a.textContent.trim(), fg: s.color, bg: s.backgroundColor,
                shown: r.width > 0 && r.top >= 0 && r.left >= 0}; }"""
    )
    assert skip["text"] == "Skip to content" and skip["shown"], skip
    assert contrast(skip["fg"], skip["bg"]) >= 4.5, skip
