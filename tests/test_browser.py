"""The service directory's filter in a real browser: Debian's Chromium, driven by Playwright.

Planted scripts are tried in the browser with the rest of the hostile data, in
tests/test_injection.py."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser

from tests.browser_helpers import serve
from tests.conftest import MINIMAL
from tests.site_helpers import build


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
