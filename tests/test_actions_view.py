"""Every action of a plan on one page, narrowed by how it stands or by who leads it, with the
ones whose date has passed flagged as overdue while the plan is in force."""

from __future__ import annotations

from pathlib import Path

from lxml import html as lhtml

from tests.conftest import CheckRun, edit


def _page(site: Path, rel: str) -> lhtml.HtmlElement:
    root = lhtml.parse(str(site / rel / "index.html")).getroot()
    (body,) = root.xpath('//div[contains(@class, "plansite-page")]')
    return body


def _rows(page: lhtml.HtmlElement) -> list[str]:
    return [" ".join(th.text_content().split()) for th in page.xpath(".//tbody/tr/th")]


def test_all_actions_are_listed_with_ways_to_narrow_them(shipped_site: Path) -> None:
    page = _page(shipped_site, "example/actions")
    assert len(_rows(page)) == 5
    links = {" ".join(a.text_content().split()): a.get("href") for a in page.xpath(".//nav//a")}
    assert links["Complete (1)"] == "status/complete/"
    assert links["In progress (2)"] == "status/in-progress/"
    assert links["Delayed (1)"] == "status/delayed/"
    assert not any(text.startswith("No progress reported") for text in links)  # none is silent
    assert links["Example Council (3)"] == "../partners/example-council/#leads"
    home = lhtml.parse(str(shipped_site / "example/index.html")).getroot()
    menu = home.xpath(
        '//nav[contains(@class, "md-nav--primary")]//a[normalize-space()="All actions"]'
    )
    assert menu and menu[0].get("href").endswith("actions/")


def test_overdue_actions_of_a_plan_in_force_are_flagged(shipped_site: Path) -> None:
    # The example plan runs to 2027. "Register everyone leaving prison with a GP" was due in
    # December 2024 and was last reported delayed; the housing protocol was reported complete.
    page = _page(shipped_site, "example/actions/overdue")
    rows = _rows(page)
    assert "1.2: Register everyone leaving prison with a GP before release." in rows
    assert not any("protocol" in row for row in rows)
    flags = page.xpath('.//tbody//*[contains(@class, "plansite-status--overdue")]')
    assert len(flags) == len(rows) > 0
    action = _page(shipped_site, "example/actions/health-registration")
    assert "Overdue: its date has passed" in action.text_content()


def test_actions_of_a_plan_that_has_ended_are_never_overdue(shipped_site: Path) -> None:
    # Clackmannanshire's 2017-18 plan has ended: its unreported actions are history.
    assert not (shipped_site / "clackmannanshire/actions/overdue").exists()
    for path in (shipped_site / "clackmannanshire").rglob("*.html"):
        assert "plansite-status--overdue" not in path.read_text(encoding="utf-8"), path
    page = _page(shipped_site, "clackmannanshire/actions/status/not-reported")
    assert len(_rows(page)) == 45


def test_an_action_cannot_take_the_address_of_a_list(minimal: Path, run_check: object) -> None:
    edit(minimal, "partnerships/sample/plans/sample-plan/actions.yaml", "  - id: a2\n",
         "  - id: overdue\n")  # fmt: skip
    result: CheckRun = run_check(minimal)  # type: ignore[operator]
    assert result.code == 1
    assert "[id-reserved] actions item 2, id: actions/overdue/ holds a list of actions" in (
        result.err
    )
