"""Plans of other shapes publish in their own words: uneven levels, unnumbered items, the plan's
own column headings and extra columns, links to national outcomes and to a council's own aims
from any level, indicators of the whole plan, and resources that are not services.

The two fictional partnerships in ``fixtures/shapes`` are modelled on real plans of 2008-09
and 2011-14: "Section > Sub-section > Aim > Objective" with a level missing in one branch, and
"Key priority > Outcome > Output > Action" where each action names outcomes of two frameworks.
"""

from __future__ import annotations

import csv
import io
import shutil
from collections import defaultdict
from pathlib import Path

import pytest
from lxml import html as lhtml

from plansite.site.privacy import readable_text
from tests.conftest import ROOT, CheckRun, edit
from tests.site_helpers import build, page_body, words_in

SHAPES = ROOT / "docs" / "guide" / "examples"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("shapes") / "site"
    build(SHAPES, out)
    return out


def _headers(table: lhtml.HtmlElement) -> list[str]:
    return [words_in(th) for th in table.xpath(".//thead//th")]


# --- Section > Sub-section > Aim > Objective, a level missing in one branch ------------------


@pytest.mark.slow
def test_objectives_are_headed_and_named_in_the_plans_own_words(site: Path) -> None:
    page = page_body(site, "uneven/actions/open-drop-in")
    assert words_in(page.xpath(".//h1")[0]) == (
        "Objective: Open a weekly evening drop-in at the harbour hall"
    )
    facts = dict(zip((words_in(d) for d in page.xpath(".//dt")),
                     (words_in(d) for d in page.xpath(".//dd")), strict=True))  # fmt: skip
    assert facts["Who"] == "Harbour Trust"
    assert facts["When"] == "“by March 2009”: the partnership reads this as due March 2009."
    assert facts["How progress is measured"] == "Drop-in open and attendance counted each week"
    assert facts["What is to be done"] == (
        "Find volunteers, agree the hall booking, advertise in schools"
    )
    assert facts["Part of"] == "Aim: Young people have safe places to meet"
    crumbs = [words_in(a) for a in page.xpath('.//nav[contains(@class, "breadcrumbs")]//a')]
    assert crumbs == ["Home", "The plan", "Aim: Young people have safe places to meet"]


@pytest.mark.slow
def test_the_plans_table_view_has_every_printed_column(site: Path) -> None:
    page = page_body(site, "uneven/plan")
    tables = page.xpath(".//table")
    assert len(tables) == 3  # one per aim, whichever level the aim sits under
    assert _headers(tables[0]) == [
        "Objective", "Who", "Supported by", "When", "How progress is measured",
        "What is to be done", "Status",
    ]  # fmt: skip
    assert "Northshire Youth Forum" in words_in(tables[0])
    # The plan leaves a cell empty: the table says so rather than showing nothing.
    (cell,) = tables[1].xpath('.//td[@data-label="What is to be done"]')
    assert words_in(cell) == "Not stated in the plan"
    cells = [words_in(td) for td in tables[2].xpath(".//td")]
    assert "Agree a referral form with housing officers" in cells
    # The aim that sits straight under a section and the one under a sub-section are both
    # there, each inside its own branch.
    heads = [words_in(h) for h in page.xpath(".//h3 | .//h4 | .//h5")]
    assert heads[:3] == ["Section 1: Young people",
                         "Aim: Young people have safe places to meet",
                         "Aim: Young people are heard by services"]  # fmt: skip
    assert "Sub-section 2a: Disputes between neighbours" in heads
    assert "Aim: Neighbours get help early" in heads


@pytest.mark.slow
def test_unnumbered_items_have_link_text_people_can_tell_apart(site: Path) -> None:
    for rel in ("uneven/plan", "uneven/outcomes", "keyed/plan", "keyed/outcomes"):
        targets: dict[str, set[str]] = defaultdict(set)
        for a in page_body(site, rel).xpath(".//a[@href]"):
            targets[words_in(a)].add(a.get("href").split("#")[0])
        assert not {t: h for t, h in targets.items() if len(h) > 1}, rel
    links = [words_in(a) for a in page_body(site, "uneven/plan").xpath(".//a")]
    assert "More about aim “Young people are heard by services”" in links
    assert not any(text in ("More about aim", "Aim", "Objective") for text in links)


@pytest.mark.slow
def test_the_outcome_level_names_the_index_the_navigation_and_the_log(site: Path) -> None:
    assert words_in(page_body(site, "uneven/outcomes").xpath(".//h1")[0]) == "Aims"
    home = lhtml.parse(str(site / "uneven/index.html")).getroot()
    nav = [words_in(a) for a in home.xpath('//nav[contains(@class, "md-nav--primary")]//a')]
    assert "Aims" in nav and "Outcomes" not in nav
    crumbs = page_body(site, "uneven/outcomes/aim-heard").xpath(".//nav//a")
    assert [words_in(a) for a in crumbs] == ["Home", "Aims"]


@pytest.mark.slow
def test_a_period_is_written_once(site: Path) -> None:
    for rel in ("uneven/plan", "uneven"):
        dl = page_body(site, rel).xpath(".//dl")[0]
        facts = dict(zip((words_in(d) for d in dl.xpath("./dt")),
                         (words_in(d) for d in dl.xpath("./dd")), strict=True))  # fmt: skip
        assert facts["Period"] == "2008-09", rel


@pytest.mark.slow
def test_the_actions_download_has_the_plans_headings_and_columns(site: Path) -> None:
    text = (site / "uneven/data/actions.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 3
    assert rows[0]["Objective"] == "Open a weekly evening drop-in at the harbour hall"
    assert rows[0]["Who"] == "Harbour Trust"
    assert rows[0]["When as written"] == "by March 2009"
    assert rows[0]["How progress is measured"] == "Drop-in open and attendance counted each week"
    assert rows[2]["What is to be done"] == "Agree a referral form with housing officers"


# --- Key priority > Outcome > Output > Action, links from each action ------------------------


@pytest.mark.slow
def test_each_action_shows_what_it_works_towards_in_both_frameworks(site: Path) -> None:
    page = page_body(site, "keyed/actions/run-night-buses")
    section = words_in(page).split("What it works towards", 1)[1].split("Progress", 1)[0]
    assert section.strip() == (
        "National outcomes of the time B: Streets feel safer after dark "
        "Riverside Council strategic aims SA1: A thriving riverside"
    )
    link = page.xpath('.//a[normalize-space()="B: Streets feel safer after dark"]')
    assert link and link[0].get("href").endswith("outcomes/era-outcomes/safer-streets/")
    assert words_in(page.xpath(".//h1")[0]) == (
        "Action: Run night buses from the town centre on Fridays and Saturdays"
    )


@pytest.mark.slow
def test_the_table_view_has_a_column_per_framework(site: Path) -> None:
    table = page_body(site, "keyed/plan").xpath(".//table")[1]  # the actions under "Dark paths"
    assert _headers(table) == ["Action", "Lead", "Supported by", "Timescale",
                               "National outcomes of the time",
                               "Riverside Council strategic aims", "Status"]  # fmt: skip
    cells = [words_in(td) for td in table.xpath(".//td")]
    assert "A: Fewer people become victims of crime" in cells
    assert "SA2: A caring riverside" in cells
    rows = list(csv.DictReader(io.StringIO(
        (site / "keyed/data/actions.csv").read_text(encoding="utf-8"))))  # fmt: skip
    assert rows[1]["National outcomes of the time"] == "B: Streets feel safer after dark"
    assert rows[1]["Riverside Council strategic aims"] == ""


@pytest.mark.slow
def test_a_national_outcome_linked_only_by_actions_has_its_page(site: Path) -> None:
    page = page_body(site, "keyed/outcomes/era-outcomes/safer-streets")
    actions = [words_in(a) for a in page.xpath(".//table//th[@scope='row']//a")]
    assert actions == ["Run night buses from the town centre on Fridays and Saturdays",
                       "Count passengers on each night bus and report every quarter"]  # fmt: skip
    assert "Plans also call it: “Safer streets at night”." in words_in(page)
    index = page_body(site, "keyed/outcomes")
    (aims,) = index.xpath('.//h2[@id="fw-riverside-aims-2011"]/following-sibling::ul[1]')
    assert [words_in(li) for li in aims.xpath("./li")] == [
        "SA1: A thriving riverside", "SA2: A caring riverside"]  # fmt: skip
    # The council's own aims are not national outcomes on the national index.
    national = words_in(lhtml.parse(str(site / "index.html")).getroot())
    assert "Streets feel safer after dark" in national and "A thriving riverside" not in national


@pytest.mark.slow
def test_indicators_of_the_whole_plan_are_on_the_plan_page(site: Path) -> None:
    page = page_body(site, "keyed/plan")
    words = words_in(page)
    assert "How progress on the whole plan is measured Recorded crime across the area" in words
    assert "4,210" in words and "read as" not in words  # 4,210 and 4210 say the same
    assert page.xpath('.//*[@id="ind-recorded-crime"]')


@pytest.mark.slow
def test_publications_and_protocols_are_listed_apart_from_help(site: Path) -> None:
    page = page_body(site, "keyed/services")
    words = words_in(page)
    help_part, rest = words.split("Also named in the plan, but not help to ask for")
    assert "All services (1)" in help_part and "Night bus project" in help_part
    assert "Information sharing protocol" not in help_part
    working, resources = rest.split("Publications and tools (1)")
    assert "How partners work together (1) Information sharing protocol" in working
    assert "(agreement between partners) Agreement between partners:" in working
    assert "Guide to local support (publication) Publication: A booklet" in resources


# --- Nothing unpublished without saying so ---------------------------------------------------


@pytest.mark.slow
def test_internal_notes_are_listed_by_check_and_reach_no_file(
    site: Path, run_check: object
) -> None:
    result: CheckRun = run_check(SHAPES)  # type: ignore[operator]
    assert result.code == 0
    assert "plan.yaml:16:17: [note-internal] internal_notes:" in result.out
    assert "1 note(s) (notes need nothing done)" in result.out
    kept_back = "Checked against the printed copy held in the office"
    assert (
        kept_back in (SHAPES / "partnerships/keyed/plans/area-plan-2011-14/plan.yaml").read_text()
    )
    found = [p for p in site.rglob("*") if p.is_file() and kept_back in readable_text(p)]
    assert found == []


# --- What the checker refuses ----------------------------------------------------------------


@pytest.fixture
def shapes(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(SHAPES, target)
    return target


PLAN = "partnerships/uneven/plans/action-plan-2008-09/plan.yaml"
ACTIONS = "partnerships/uneven/plans/action-plan-2008-09/actions.yaml"


def test_an_item_may_not_sit_under_an_item_of_its_own_level_or_below(
    shapes: Path, run_check: object
) -> None:
    edit(shapes, PLAN, "    parent: disputes\n", "    parent: aim-heard\n")
    result: CheckRun = run_check(shapes)  # type: ignore[operator]
    assert result.code == 1
    assert (
        "plan.yaml:57:13: [level-invalid] nodes item 6, parent: an Aim must sit under a Section "
        "or a Sub-section, found an Aim"
    ) in result.err


def test_a_cell_in_an_undeclared_column_is_refused_where_it_is(
    shapes: Path, run_check: object
) -> None:
    edit(shapes, ACTIONS, "      to-be-done: Agree a referral", "      to-do: Agree a referral")
    result: CheckRun = run_check(shapes)  # type: ignore[operator]
    assert result.code == 1
    assert "actions.yaml:30:14: [ref-unknown] actions item 3, columns, to-do: unknown column " in (
        result.err
    )
    assert "did you mean 'to-be-done'?" in result.err
