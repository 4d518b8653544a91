"""WCAG 2.2 AA in a real browser: axe-core on every page, and what axe cannot see.

The gate runs Deque's axe-core (the copy bundled in the axe-playwright-python package) in
Debian's Chromium over every page of every example site.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path
from posixpath import normpath
from typing import Any

import axe_playwright_python
import pytest
import yaml
from playwright.sync_api import Browser, BrowserContext, Page

from tests.browser_helpers import serve
from tests.conftest import ROOT
from tests.site_helpers import pages

AXE_JS = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
RULES_OFF: list[str] = yaml.safe_load(
    (ROOT / "tests/accessibility/axe-rules-off.yaml").read_text(encoding="utf-8")
)["rules_off"]

# One page of each type, from the example sites.
PAGE_TYPES = {
    "home": "south-lanarkshire/",
    "plan": "clackmannanshire/plan/",
    "outcome": "example/outcomes/better-access/",
    "action": "clackmannanshire/actions/a1-1/",
    "partner": "example/partners/example-council/",
    "service": "south-lanarkshire/services/bail-supervision/",
    "directory": "south-lanarkshire/services/",
    "changes": "example/changes/",
    "glossary": "west-dunbartonshire/glossary/",
    "accessibility": "example/accessibility/",
    "404": "example/404.html",
    "national index": "",
}


@pytest.fixture(scope="module")
def site_url(shipped_site: Path) -> Iterator[str]:
    with serve(shipped_site) as url:
        yield url


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    ctx = browser.new_context()
    ctx.add_init_script(AXE_JS)  # as the browser's own script, so the pages' CSP allows it
    # Nothing leaves the machine: "Leave this site" goes to a stand-in page.
    ctx.route(
        re.compile(r"^https?://(?!127\.0\.0\.1)"), lambda route: route.fulfill(body="elsewhere")
    )
    yield ctx
    ctx.close()


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
    return "; ".join(f"{v['id']}: {v['nodes'][0]['html'][:120]}" for v in violations)


# --- The gate -------------------------------------------------------------------------


def test_every_page_passes_axe(browser: Browser, shipped_site: Path, site_url: str) -> None:
    ctx = browser.new_context()
    ctx.add_init_script(AXE_JS)
    page = ctx.new_page()
    # Recorded on the way: no page may ask another site for anything (privacy).
    foreign: list[str] = []
    page.on("request", lambda r: None if r.url.startswith(site_url) else foreign.append(r.url))
    failures = []
    checked = 0
    for path, parsed in pages(shipped_site):
        rel = path.relative_to(shipped_site).as_posix()
        if any(v.get("http-equiv") == "refresh" for t, v in parsed.tags if t == "meta"):
            # A forwarding page leaves at once, so axe cannot hold it: check it as HTML.
            assert (
                parsed.html_lang == "en-GB"
                and parsed.count("h1") == 1
                and parsed.count("title") == 1
            )
            continue
        page.goto(f"{site_url}/{rel}", wait_until="load")
        found = axe(page)
        if found:
            failures.append(f"{rel}: {describe(found)}")
        checked += 1
    ctx.close()
    assert checked > 700
    assert not failures, f"{len(failures)} page(s) fail axe:\n" + "\n".join(failures[:40])
    assert foreign == []


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_dark_palette_and_phone_width_pass_axe(
    context: BrowserContext, site_url: str, kind: str
) -> None:
    page = context.new_page()
    page.emulate_media(color_scheme="dark")
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(f"{site_url}/{PAGE_TYPES[kind]}")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    found = axe(page)
    assert not found, describe(found)


# --- What axe cannot see ------------------------------------------------------------


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_the_first_tab_stop_is_a_working_skip_link(
    context: BrowserContext, site_url: str, kind: str
) -> None:
    page = context.new_page()
    page.goto(f"{site_url}/{PAGE_TYPES[kind]}")
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


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_leave_this_site_is_the_next_tab_stop_and_works(
    context: BrowserContext, site_url: str, kind: str
) -> None:
    page = context.new_page()
    page.goto(f"{site_url}/{PAGE_TYPES[kind]}")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Leave this site"
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(re.compile(r"^https://www\.bbc\.co\.uk/weather"))


def test_leave_this_site_works_without_javascript(browser: Browser, site_url: str) -> None:
    ctx = browser.new_context(java_script_enabled=False)
    ctx.route(
        re.compile(r"^https?://(?!127\.0\.0\.1)"), lambda route: route.fulfill(body="elsewhere")
    )
    page = ctx.new_page()
    page.goto(f"{site_url}/example/services/")
    page.get_by_role("link", name="Leave this site").click()
    page.wait_for_url(re.compile(r"^https://www\.bbc\.co\.uk/weather"))
    ctx.close()


FOCUS_STATE = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const s = getComputedStyle(el);
  const r = el.getBoundingClientRect();
  const text = (el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 40);
  return {tag: el.tagName, text: text, outline: s.outlineStyle, width: parseFloat(s.outlineWidth),
          visible: r.width > 0 && r.height > 0, id: el.id, href: el.getAttribute('href')};
}"""
FOCUS_ON_LABEL = """() => {
  const label = document.activeElement.nextElementSibling;
  if (!label || label.tagName !== 'LABEL') return null;
  const s = getComputedStyle(label);
  const r = label.getBoundingClientRect();
  return {tag: 'LABEL', text: label.title, outline: s.outlineStyle,
          width: parseFloat(s.outlineWidth), visible: r.width > 0 && r.height > 0,
          id: label.htmlFor, href: null};
}"""
VISIBLE_CONTENT_LINKS = (
    "() => [...document.querySelectorAll('article a[href]')]"
    ".filter(a => a.offsetParent !== null).length"
)


@pytest.mark.parametrize(
    "kind", ["home", "outcome", "service", "directory", "changes", "national index"]
)
def test_keyboard_reaches_everything_with_visible_focus_and_no_trap(
    context: BrowserContext, site_url: str, kind: str
) -> None:
    page = context.new_page()
    page.goto(f"{site_url}/{PAGE_TYPES[kind]}")
    content_links = page.evaluate(VISIBLE_CONTENT_LINKS)
    seen = []
    for _ in range(600):
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUS_STATE)
        if state is None:
            break  # focus left the document: it cycled round, so nothing traps it
        if not state["visible"]:
            # A hidden radio button (the theme's palette switch) shows focus on its label.
            state = page.evaluate(FOCUS_ON_LABEL) or state
        assert state["visible"], f"focus on an invisible element: {state}"
        assert state["outline"] != "none" and state["width"] >= 2, f"no visible focus: {state}"
        key = (state["tag"], state["id"], state["href"], state["text"])
        if seen and key == seen[0]:
            break
        seen.append(key)
    else:
        pytest.fail("focus never came back round: a keyboard trap or too many stops")
    reached = {key[2] for key in seen if key[0] == "A"}
    hrefs = page.evaluate(
        "() => [...document.querySelectorAll('article a[href]')]"
        ".filter(a => a.offsetParent !== null).map(a => a.getAttribute('href'))"
    )
    assert len(hrefs) == content_links
    missed = [h for h in hrefs if h not in reached]
    assert not missed, f"links the keyboard never reached: {missed[:5]}"


@pytest.mark.parametrize("kind", PAGE_TYPES)
@pytest.mark.parametrize("width", [320, 640])
def test_no_horizontal_scrolling_at_400_and_200_percent_zoom(
    context: BrowserContext, site_url: str, kind: str, width: int
) -> None:
    page = context.new_page()
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{site_url}/{PAGE_TYPES[kind]}")
    overflow = page.evaluate("document.documentElement.scrollWidth")
    assert overflow <= width, f"the page is {overflow}px wide at a {width}px viewport"


@pytest.mark.parametrize("kind", ["home", "service", "changes"])
def test_forced_colours_keep_controls_visible(
    context: BrowserContext, site_url: str, kind: str
) -> None:
    page = context.new_page()
    page.emulate_media(forced_colors="active")
    page.goto(f"{site_url}/{PAGE_TYPES[kind]}")
    style = page.evaluate(
        "() => getComputedStyle(document.querySelector('.plansite-exit__link')).borderTopStyle"
    )
    assert style == "solid"
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"


def test_search_works_by_keyboard_and_announces_results(
    context: BrowserContext, site_url: str
) -> None:
    page = context.new_page()
    page.goto(f"{site_url}/south-lanarkshire/")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Search this site"
    page.keyboard.type("bail supervision")
    status = page.locator(".md-search-result__meta[role=status][aria-live=polite]")
    status.wait_for()
    page.wait_for_function(
        "() => /\\d+ matching/.test(document.querySelector('.md-search-result__meta').textContent)"
    )
    assert page.locator("form[role=search][aria-label='Search this site']").count() == 1
    page.keyboard.press("ArrowDown")
    assert "bail" in (page.evaluate("document.activeElement.textContent") or "").lower()


def test_print_hides_navigation_chrome(context: BrowserContext, site_url: str) -> None:
    page = context.new_page()
    page.goto(f"{site_url}/{PAGE_TYPES['plan']}")
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
    statement = (shipped_site / "example/accessibility").resolve()
    for path, page in pages(shipped_site / "example"):
        if path.name == "404.html":  # served anywhere, so its links start at the site root
            continue
        hrefs = [v for t, n, v in page.attrs() if t == "a" and n == "href"]
        assert any((path.parent / h).resolve() == statement for h in hrefs), path


def test_no_two_links_with_the_same_text_go_to_different_places(shipped_site: Path) -> None:
    for path, _page in pages(shipped_site):
        html = path.read_text(encoding="utf-8")
        targets: dict[str, set[str]] = {}
        for href, inner in re.findall(r'<a [^>]*href="([^"]*)"[^>]*>(.*?)</a>', html, re.S):
            text = " ".join(re.sub(r"<[^>]+>", " ", inner).split())
            if text:
                target = href.split("#")[0]
                resolved = normpath(f"{path.parent}/{target}") if target else "#"
                targets.setdefault(text, set()).add(resolved)
        clashes = {t: h for t, h in targets.items() if len(h) > 1}
        assert not clashes, f"{path}: {clashes}"


def test_dates_are_marked_up_as_dates(shipped_site: Path) -> None:
    for path, page in pages(shipped_site):
        for tag, values in page.tags:
            if tag == "time":
                assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", values.get("datetime") or ""), path


def test_the_disabled_rules_file_is_honest() -> None:
    """Every rule switched off must carry a reason in the file's comments."""
    text = (ROOT / "tests/accessibility/axe-rules-off.yaml").read_text(encoding="utf-8")
    for rule in RULES_OFF:
        assert re.search(rf"#.*\b{re.escape(rule)}\b.*\S", text), f"{rule} has no reason"
    assert "rules_off:" in text


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
    with serve(out) as base:
        for path, _ in pages(out / "sample"):
            rel = path.relative_to(out).as_posix()
            page.goto(f"{base}/{rel}")
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > 320:
                failures.append(f"{rel}: {width}px wide")
            found = axe(page)
            if found:
                failures.append(f"{rel}: {describe(found)}")
    ctx.close()
    assert not failures, "\n".join(failures)
