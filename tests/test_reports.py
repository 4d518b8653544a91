"""Annual reports: the year's figures recomputed from the data, the 31 December check, the
printed layout, and years with nothing to report."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from plansite.load.writing import ReportYear
from plansite.validate import check
from plansite.validate.duties import duties
from tests.browser_helpers import serve
from tests.conftest import ROOT, copy_minimal, edit
from tests.site_helpers import build, page_body, words_in

EXAMPLE = ROOT / "data" / "partnerships" / "example"
PS = "partnerships/sample"


def test_a_reporting_year_runs_from_april_to_march_and_is_due_in_december() -> None:
    year = ReportYear(2024)
    assert (year.slug, year.first, year.last, year.due) == (
        "2024-25", date(2024, 4, 1), date(2025, 3, 31), date(2025, 12, 31))  # fmt: skip
    assert ReportYear(1999).slug == "1999-00"


def recount(year: ReportYear) -> dict[str, int]:
    """The example's year counted straight from its YAML, independently of the product."""
    import yaml

    plan = EXAMPLE / "plans" / "example-plan-2024-27"
    actions = yaml.safe_load((plan / "actions.yaml").read_text())["actions"]

    def day(value: object) -> date:
        return value if isinstance(value, date) else date.fromisoformat(str(value))

    inside = [(a["id"], u) for a in actions for u in a.get("updates", [])
              if year.first <= day(u["date"]) <= year.last]  # fmt: skip
    completed = {ident for ident, u in inside if u.get("status") == "complete"}
    started = set()
    for a in actions:
        first = next((u for u in a.get("updates", [])
                      if u.get("status") in ("in-progress", "ongoing")), None)  # fmt: skip
        if first and year.first <= day(first["date"]) <= year.last:
            started.add(a["id"])
    indicators = yaml.safe_load((plan / "indicators.yaml").read_text())["indicators"]
    end = f"{year.start}/{(year.start + 1) % 100:02d}"  # the example gives financial years
    figures = [f for i in indicators for m in i["measures"] for f in m.get("figures", [])
               if str(f.get("period")) == end]  # fmt: skip
    return {"updates": len(inside), "completed": len(completed), "started": len(started),
            "figures": len(figures)}  # fmt: skip


@pytest.mark.slow
def test_each_reports_figures_are_those_of_the_data(shipped_site: Path) -> None:
    reports = sorted((EXAMPLE / "reports").glob("*.md"))
    assert len(reports) == 2  # one published, one in progress
    for path in reports:
        year = ReportYear(int(path.stem[:4]))
        site = shipped_site / "example" / "reports" / year.slug
        counted = json.loads((site / "figures.json").read_text())
        expected = recount(year)
        assert {k: counted["totals"][k] for k in expected} == expected, year.slug
        page = (site / "index.html").read_text()
        assert f"<li>{expected['updates']} progress report" in page
        rows = (site / "figures.csv").read_text().splitlines()
        assert len(rows) == 1 + expected["figures"]


@pytest.mark.slow
def test_the_home_page_and_the_feeds_carry_the_published_report(shipped_site: Path) -> None:
    home = (shipped_site / "example" / "index.html").read_text()
    assert 'href="reports/2024-25/">Annual report 2024-25</a>: published' in home
    feed = json.loads((shipped_site / "example" / "changes" / "feed.json").read_text())
    titles = [i["title"] for i in feed["items"]]
    assert "Annual report 2024-25 published" in titles
    assert not any("2025-26" in t for t in titles)  # in progress: not yet news


def test_check_counts_the_days_left_and_the_days_late() -> None:
    data = check(ROOT / "data", "example").data
    pd = data.partnerships["example"]
    published = [r for r in pd.reports if r.facts.published]
    assert [r.slug for r in published] == ["2024-25"]

    def said(today: date) -> list[str]:
        return [d.message for d in duties(data, today) if d.code == "warn-report-due"]

    assert said(date(2025, 3, 31)) == []  # no year of the plan has ended yet
    assert said(date(2026, 12, 6)) == [
        "the annual report for 2025-26 is due by 31 December 2026: 25 days left"]  # fmt: skip
    assert said(date(2027, 1, 2)) == [
        "the annual report for 2025-26 was due by 31 December 2026, 2 days ago"]  # fmt: skip
    pd.reports = [r for r in pd.reports if r.slug != "2024-25"]
    assert said(date(2026, 12, 31))[0] == (
        "the annual report for 2024-25 was due by 31 December 2025, 365 days ago"
    )


@pytest.fixture(scope="module")
def quiet_year(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The minimal site with a report for a year in which nothing was reported."""
    where = tmp_path_factory.mktemp("quiet")
    data = copy_minimal(where)
    folder = data / PS / "reports"
    folder.mkdir()
    (folder / "2030-31.md").write_text("---\npublished: 2031-06-01\n---\n\nA quiet year.\n")
    out = where / "site"
    assert build(data, out, "sample").sites == 1
    return out / "sample" / "reports" / "2030-31"


@pytest.mark.slow
def test_a_year_with_no_updates_and_no_figures_says_so(quiet_year: Path) -> None:
    page = (quiet_year / "index.html").read_text()
    assert "A quiet year." in page
    assert "<li>0 progress reports</li>" in page and "<li>0 indicator figures</li>" in page
    assert "Nothing was reported for this in the year." in page
    counted = json.loads((quiet_year / "figures.json").read_text())
    assert set(counted["totals"].values()) == {0}
    assert (quiet_year / "figures.csv").read_text().count("\n") == 1  # the header alone


@pytest.mark.browser
def test_a_report_prints_without_navigation_a_page_per_outcome_and_links_written_out(
    shipped_site: Path, browser: Browser
) -> None:
    with serve(shipped_site) as base:
        page = browser.new_page()
        page.goto(f"{base}/example/reports/2024-25/")
        page.emulate_media(media="print")
        hidden = page.evaluate(
            """() => ['.md-header', '.md-sidebar--primary', '.md-footer', '.plansite-exit']
                .map(s => document.querySelector(s))
                .filter(e => e && getComputedStyle(e).display !== 'none').length"""
        )
        assert hidden == 0
        breaks = page.evaluate(
            """() => [...document.querySelectorAll('.plansite-report-outcome')]
                .map(e => getComputedStyle(e).breakBefore)"""
        )
        assert len(breaks) >= 3 and set(breaks) == {"page"}
        written = page.evaluate(
            """() => getComputedStyle(document.querySelector(
                '.plansite-report-outcome a[href]'), '::after').content"""
        )
        assert "actions/" in written or "outcomes/" in written
        page.close()


@pytest.mark.slow
def test_a_reports_macros_show_the_plan_as_it_stood_at_the_end_of_its_year(
    tmp_path: Path,
) -> None:
    """Built years later, a report still counts, reports and measures as at 31 March of its
    year; the plan's own pages show how things stand on the day of the build."""
    data = copy_minimal(tmp_path)
    plan = f"{PS}/plans/sample-plan"
    edit(data, f"{plan}/actions.yaml", "        note: Mapping has started.\n",
         "        note: Mapping has started.\n      - date: 2018-06-01\n"
         "        status: complete\n        note: The map is out.\n")  # fmt: skip
    later = "          - value: 91\n            period: 2018/19\n"
    edit(data, f"{plan}/indicators.yaml", "            period: 2017/18\n",
         "            period: 2017/18\n" + later)  # fmt: skip
    folder = data / PS / "reports"
    folder.mkdir()
    (folder / "2017-18.md").write_text(
        "---\npublished: 2018-09-01\n---\n\n{{ progress() }}\n\n{{ action('a1') }}\n\n"
        "{{ indicator('access-indicator') }}\n", encoding="utf-8")  # fmt: skip
    build(data, tmp_path / "site", "sample")
    site = tmp_path / "site/sample"
    report = words_in(page_body(site, "reports/2017-18"))
    assert "As at 31 March 2018, by the progress reports made by then:" in report
    assert "Latest progress, 1 June 2017: In progress. Mapping has started." in report
    assert "The map is out" not in report and "Complete (" not in report
    periods = '//section[@class="plansite-indicator"]//tbody/tr/th/text()'
    assert page_body(site, "reports/2017-18").xpath(periods) == ["2017/18"]
    # The plan itself is shown as it stands today.
    outcome = page_body(site, "outcomes/access-outcome")
    assert "The map is out" in words_in(outcome)
    assert outcome.xpath(periods) == ["2017/18", "2018/19"]
