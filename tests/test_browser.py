"""The built sites in a real browser: Debian's Chromium, driven by Playwright."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from tests.browser_helpers import serve
from tests.conftest import MINIMAL
from tests.payloads import ALL_PAYLOADS
from tests.site_helpers import build, plant_everywhere


@pytest.fixture(scope="module")
def minimal_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    out = tmp_path_factory.mktemp("browser") / "site"
    build(MINIMAL, out)
    with serve(out) as url:
        yield url


def test_the_directory_filter_narrows_the_list_and_says_so(
    browser: Browser, minimal_site: str
) -> None:
    page = browser.new_page()
    page.goto(f"{minimal_site}/sample/services/")
    box = page.locator("#service-filter")
    assert box.is_visible()
    box.fill("nothing-matches-this")
    assert page.locator("#all-services > li:visible").count() == 0
    assert page.text_content(".plansite-filter [role=status]") == "0 of 1 services shown"
    box.fill("families")
    assert page.locator("#all-services > li:visible").count() == 1
    page.close()


def test_without_javascript_the_filtered_lists_do_the_job(
    browser: Browser, minimal_site: str
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{minimal_site}/sample/services/")
    assert not page.locator("#service-filter").is_visible()
    page.get_by_role("link", name="Families", exact=True).first.click()
    assert page.url.endswith("/sample/services/for/families/")
    assert page.get_by_role("link", name="Family support").is_visible()
    context.close()


def _visit_all(page: Page, base: str, root: Path) -> Iterator[str]:
    for path in sorted(root.rglob("index.html")):
        url = f"{base}/{path.parent.relative_to(root).as_posix()}/".replace("/./", "/")
        page.goto(url)
        yield url


def test_planted_scripts_never_run_and_nothing_is_fetched_from_elsewhere(
    browser: Browser, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    # Payloads repeat: an internal field holding one that is also published would stop the
    # build, so internal fields (never published) are left empty.
    plant_everywhere(MINIMAL, data, itertools.cycle(ALL_PAYLOADS), internal=False)
    out = tmp_path / "site"
    build(data, out)
    page = browser.new_page()
    foreign: list[str] = []
    visited = 0
    with serve(out) as base:
        page.on("request", lambda r: None if r.url.startswith(base) else foreign.append(r.url))
        page.on("dialog", lambda d: d.dismiss())
        for url in _visit_all(page, base, out):
            page.wait_for_load_state("load")
            assert page.evaluate("typeof window.plansite_canary") == "undefined", url
            visited += 1
    page.close()
    assert visited > 20
    assert foreign == []
