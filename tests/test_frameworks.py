"""Today's national framework beside the replaced ones, each with the years it was in use and
its sources; a plan is warned when it links to a framework of another time, when it leaves a
national outcome of the framework it answers to without an answer, and when it has no
participation records; a plan may map its items to those of the partnership's earlier plans."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml
from lxml import html as lhtml

from plansite.load.errors import Diagnostic
from plansite.validate import check
from plansite.validate.duties import duties
from tests.conftest import SHIPPED, CheckRun, edit, edit_file
from tests.site_helpers import build, page_body, words_in

PLAN = "partnerships/sample/plans/sample-plan"
# What the minimal data's one framework gains: an outcome its sample plan does not link to.
HOUSING = '      - id: housing\n        number: "5"\n        title: People have somewhere to live\n'


def _frameworks() -> dict[str, dict]:
    data = yaml.safe_load((SHIPPED / "frameworks.yaml").read_text(encoding="utf-8"))
    return {f["id"]: f for f in data["frameworks"]}


def test_the_current_framework_is_shipped_with_a_source_for_every_entry() -> None:
    fws = _frameworks()
    aims = fws["cj-strategy-aims-2022"]
    assert [i["number"] for i in aims["items"]] == ["1", "2", "3", "4"]
    outcomes = fws["cj-performance-framework-2023"]
    assert [i["number"] for i in outcomes["items"]] == [str(n) for n in range(1, 10)]
    assert outcomes["items"][0]["title"] == (
        "More people successfully complete diversion from prosecution"
    )
    for fw_id in ("cj-strategy-aims-2022", "cj-strategy-priority-actions-2022",
                  "cj-performance-framework-2023"):  # fmt: skip
        fw = fws[fw_id]
        assert fw["source"]["url"].startswith("https://www.gov.scot/publications/")
        assert all(item.get("source") for item in fw["items"]), fw_id
    # What could not be confirmed is said, never guessed: the missing priority actions.
    actions = fws["cj-strategy-priority-actions-2022"]
    assert "9, 10, 12 and 13" in actions["source"]["note"]
    assert "9" not in [i["number"] for i in actions["items"]]
    # The replaced sets say when they stopped being used.
    assert fws["cj-common-outcomes-2016"]["valid_to"] == "2023-03-31"
    assert fws["cj-strategy-priorities-2016"]["valid_to"] == "2022-06-30"


def test_a_current_outcome_page_names_what_it_serves_and_its_source(shipped_site: Path) -> None:
    page = shipped_site / "example/outcomes/cj-performance-framework-2023/community-sentences"
    root = lhtml.parse(str(page / "index.html")).getroot()
    words = " ".join(
        root.xpath('//div[contains(@class, "plansite-page")]')[0].text_content().split()
    )
    assert "An outcome of Community Justice Performance Framework nationally determined" in words
    assert "Community Justice Performance Framework, published 31 March 2023" in words
    link = root.xpath('//a[normalize-space()="Community Justice Performance Framework"]')
    assert link[0].get("href") == (
        "https://www.gov.scot/publications/community-justice-performance-framework/"
    )


def test_a_plan_linking_to_a_replaced_framework_is_warned(minimal: Path, run_check: object) -> None:
    edit(minimal, "frameworks.yaml", "    kind: outcomes\n",
         "    kind: outcomes\n    valid_to: 2016-03-31\n")  # fmt: skip
    result: CheckRun = run_check(minimal)  # type: ignore[operator]
    assert result.code == 0
    assert (
        "plan.yaml:48:18: [warn-out-of-period] nodes item 2, frameworks item 1: this links to "
        "Common outcomes (2016), but it ended on 31 March 2016, before the plan began"
    ) in result.out


def test_a_framework_with_no_start_is_not_of_a_time_before_it_was_published(
    minimal: Path, run_check: object
) -> None:
    # A plan of 2017-20 linking to outcomes first published in 2021, with no valid_from.
    edit(minimal, "frameworks.yaml", "    kind: outcomes\n",
         "    kind: outcomes\n    published: 2021-06\n")  # fmt: skip
    result: CheckRun = run_check(minimal)  # type: ignore[operator]
    assert (
        "plan.yaml:48:18: [warn-out-of-period] nodes item 2, frameworks item 1: this links to "
        "Common outcomes (2016), but it began in June 2021, after the plan ended"
    ) in result.out


def test_the_framework_counts_match_the_publications() -> None:
    fws = _frameworks()
    assert len(fws["cj-strategy-aims-2022"]["items"]) == 4
    assert len(fws["cj-performance-framework-2023"]["items"]) == 9
    actions = fws["cj-strategy-priority-actions-2022"]
    numbers = {int(i["number"]) for i in actions["items"]}
    # The strategy has thirteen; each one not listed is named in the source note.
    missing = sorted(set(range(1, 14)) - numbers)
    assert numbers <= set(range(1, 14))
    assert missing == [9, 10, 12, 13]
    assert "9, 10, 12 and 13" in actions["source"]["note"]
    # Every link between the sets points at an item that exists.
    every = {f"{fw['id']}:{i['id']}" for fw in fws.values() for i in fw["items"]}
    served = [ref for fw in fws.values() for i in fw["items"] for ref in i.get("serves", [])]
    assert served and set(served) <= every


def _answering(root: Path, *, running: bool = False) -> None:
    """The sample plan answers to its framework, which has an outcome the plan ignores."""
    edit(root, "frameworks.yaml", "        title: People have better access to services\n",
         "        title: People have better access to services\n" + HOUSING)  # fmt: skip
    edit(root, f"{PLAN}/plan.yaml", "levels:\n", "answers_to: [common-outcomes]\nlevels:\n")
    if running:
        edit(root, f"{PLAN}/plan.yaml", "end: 2019/20", "end: 2098/99")


def _answer(root: Path, text: str) -> None:
    edit(root, f"{PLAN}/plan.yaml", "levels:\n", f"national_outcomes:\n{text}levels:\n")


def _codes(problems: list[Diagnostic], *codes: str) -> list[Diagnostic]:
    return [p for p in problems if p.code in codes]


UNANSWERED = ("warn-outcome-unanswered", "note-outcome-unanswered")


def test_a_running_plan_is_warned_of_an_outcome_it_neither_addresses_nor_explains(
    minimal: Path,
) -> None:
    _answering(minimal, running=True)
    found = _codes(check(minimal).problems, *UNANSWERED)
    assert [(d.code, d.path) for d in found] == [("warn-outcome-unanswered", "answers_to item 1")]
    assert "'People have somewhere to live'" in found[0].message
    assert "common-outcomes:housing" in found[0].hint  # says exactly what to write


def test_an_outcome_linked_or_explained_is_answered(minimal: Path) -> None:
    _answering(minimal, running=True)
    _answer(minimal, "  - outcome: common-outcomes:housing\n    priority: false\n"
            "    reason: The council's housing plan covers it.\n")  # fmt: skip
    assert _codes(check(minimal).problems, *UNANSWERED) == []


def test_a_linked_outcome_needs_no_entry(minimal: Path) -> None:
    edit(minimal, f"{PLAN}/plan.yaml", "levels:\n", "answers_to: [common-outcomes]\nlevels:\n")
    assert _codes(check(minimal).problems, *UNANSWERED) == []  # its one outcome is linked


@pytest.mark.parametrize(
    ("entry", "says"),
    [
        ("    priority: false\n", "marked not a priority, but no reason is given"),
        ("    priority: true\n", "marked a priority, but nothing in the plan links to it"),
    ],
)
def test_an_answer_without_substance_is_reported_at_the_answer(
    minimal: Path, entry: str, says: str
) -> None:
    _answering(minimal, running=True)
    _answer(minimal, f"  - outcome: common-outcomes:housing\n{entry}")
    found = _codes(check(minimal).problems, *UNANSWERED)
    assert [d.path for d in found] == ["national_outcomes item 1, priority"]
    assert says in found[0].message


def test_a_plan_whose_time_has_passed_gets_a_note_not_a_warning(minimal: Path) -> None:
    _answering(minimal)  # the sample plan ran from 2017/18 to 2019/20
    report = check(minimal)
    data = report.data
    assert [d.code for d in _codes(report.problems, *UNANSWERED)] == ["note-outcome-unanswered"]
    assert report.ok(strict=True)  # a past plan cannot be changed: never a reason to stop
    # The day decides: while the plan ran, the same gap was a warning.
    while_running = duties(data, date(2018, 6, 1))
    assert [d.code for d in _codes(while_running, *UNANSWERED)] == ["warn-outcome-unanswered"]


def test_a_plan_answers_to_a_framework_that_exists_and_is_of_its_time(minimal: Path) -> None:
    edit(minimal, f"{PLAN}/plan.yaml", "levels:\n", "answers_to: [common-outcome]\nlevels:\n")
    (unknown,) = _codes(check(minimal).problems, "ref-unknown")
    assert unknown.message == "unknown framework 'common-outcome'"
    assert "did you mean 'common-outcomes'" in unknown.hint
    edit(minimal, f"{PLAN}/plan.yaml", "[common-outcome]", "[common-outcomes]")
    edit(minimal, "frameworks.yaml", "    kind: outcomes\n",
         "    kind: outcomes\n    valid_from: 2023-04\n")  # fmt: skip
    late = [d for d in _codes(check(minimal).problems, "warn-out-of-period")
            if d.path == "answers_to item 1"]  # fmt: skip
    assert late and "it began in April 2023, after the plan ended" in late[0].message


def test_an_answer_names_an_outcome_that_exists(minimal: Path) -> None:
    _answer(minimal, "  - outcome: common-outcomes:houses\n    priority: true\n")
    (unknown,) = _codes(check(minimal).problems, "ref-unknown")
    assert unknown.path == "national_outcomes item 1, outcome"


def test_a_plan_without_participation_records_is_warned(minimal: Path) -> None:
    path = minimal / PLAN / "participation.yaml"
    assert _codes(check(minimal).problems, "warn-no-participation") == []
    path.write_text("statement: We asked.\nrecords: []\n", encoding="utf-8")
    (found,) = _codes(check(minimal).problems, "warn-no-participation")
    assert (found.file.endswith("participation.yaml"), found.line) == (True, 2)
    path.unlink()  # no file at all: the plan itself is pointed at
    (found,) = _codes(check(minimal).problems, "warn-no-participation")
    assert found.file.endswith("plan.yaml")
    # Participation statements are asked of outcome improvement plans only.
    edit(minimal, f"{PLAN}/plan.yaml", "kind: outcome-improvement-plan", "kind: action-plan")
    assert _codes(check(minimal).problems, "warn-no-participation") == []


def test_the_example_plan_answers_every_outcome_of_the_2023_framework() -> None:
    report = check(SHIPPED)
    assert _codes(report.problems, *UNANSWERED, "warn-no-participation") == []
    pl = report.data.partnerships["example"].plans["example-plan-2024-27"]
    assert pl.plan.answers_to == ["cj-performance-framework-2023"]
    linked = {r for n in pl.plan.nodes for r in n.frameworks}
    linked |= {r for a in pl.actions for r in a.frameworks}
    explained = {a.outcome for a in pl.plan.national_outcomes if not a.priority and a.reason}
    outcomes = {f"cj-performance-framework-2023:{i['id']}"
                for i in _frameworks()["cj-performance-framework-2023"]["items"]}  # fmt: skip
    assert len(outcomes) == 9
    assert outcomes <= linked | explained
    # Every answer is whole: each outcome once, a priority linked, a non-priority explained.
    assert {a.outcome for a in pl.plan.national_outcomes} == outcomes
    assert {a.outcome for a in pl.plan.national_outcomes if a.priority} <= linked


def test_an_item_follows_an_item_of_an_earlier_plan_only(minimal: Path) -> None:
    later = minimal / "partnerships/sample/plans/later-plan"
    later.mkdir()
    for name in ("plan.yaml", "participation.yaml"):
        shutil.copy(minimal / PLAN / name, later)
    edit_file(later / "plan.yaml", "2017/18", "2020/21", count=2)
    for old, new in [
        ("id: sample-plan", "id: later-plan"),
        ("end: 2019/20", "end: 2022/23"),
        ("id: access-priority", "id: later-priority"),
        ("id: access-outcome", "id: later-outcome"),
        ("parent: access-priority", "parent: later-priority"),
        ("    title: Access to services\n",
         "    title: Access to services\n    follows: [access-priority]\n"),
    ]:  # fmt: skip
        edit(later, "plan.yaml", old, new)
    edit(later, "participation.yaml", "event-1", "event-2")
    (later / "actions.yaml").write_text("actions: []\n", encoding="utf-8")
    assert check(minimal).errors == []
    # An item of a later plan, or of the same plan, is not something to carry on from.
    edit(
        minimal,
        f"{PLAN}/plan.yaml",
        "    title: Access to services\n",
        "    title: Access to services\n    follows: [later-priority, access-outcome]\n",
    )
    bad = [(d.code, d.path) for d in check(minimal).errors]
    assert bad == [("ref-unknown", "nodes item 1, follows item 1"),
                   ("ref-unknown", "nodes item 1, follows item 2")]  # fmt: skip


def test_an_earlier_plan_page_says_where_its_items_carried_on(shipped_site: Path) -> None:
    page = shipped_site / "example/plans/example-plan-2021-24/index.html"
    root = lhtml.parse(str(page)).getroot()
    section = root.xpath('//section[@aria-labelledby="example-plan-2021-24-housing-on-release"]')
    words = " ".join(section[0].text_content().split())
    assert "Carried on in the current plan as Priority 1: Better access to services." in words
    link = section[0].xpath('.//a[normalize-space()="Priority 1: Better access to services"]')
    assert link[0].get("href").endswith("outcomes/better-access/")


def test_an_outcome_measured_by_an_indicator_is_answered(minimal: Path) -> None:
    _answering(minimal, running=True)
    edit(minimal, f"{PLAN}/indicators.yaml", "    under: [access-outcome]\n",
         '    under: [access-outcome]\n    frameworks: ["common-outcomes:housing"]\n')  # fmt: skip
    assert _codes(check(minimal).problems, *UNANSWERED) == []


@pytest.mark.slow
def test_every_page_shows_what_an_indicator_reports_on(tmp_path: Path, minimal: Path) -> None:
    """An indicator's links to national outcomes are shown with it, on the national outcome's
    own page, and in the plan's answer to that outcome: none is kept in the data alone."""
    _answering(minimal, running=True)
    edit(minimal, f"{PLAN}/indicators.yaml", "    under: [access-outcome]\n",
         '    under: [access-outcome, access-priority]\n'
         '    frameworks: ["common-outcomes:housing"]\n')  # fmt: skip
    edit(
        minimal,
        "frameworks.yaml",
        "    kind: outcomes\n",
        "    kind: outcomes\n    outcome_pages: true\n",
    )
    build(minimal, tmp_path / "site")
    site = tmp_path / "site/sample"
    block = page_body(site, "outcomes/access-outcome").xpath(
        '//section[@class="plansite-indicator"]'
    )[0]
    said = words_in(block)
    assert "Common outcomes: 5: People have somewhere to live" in said
    # It is under two items: the other is named, the page's own is not.
    assert "It reports on: Priority 1: Access to services." in said
    national = page_body(site, "outcomes/common-outcomes/housing")
    (listed,) = national.xpath('//h2[@id="local-indicators"]/following-sibling::ul[1]//a')
    assert (listed.text_content(), listed.get("href")) == (
        "Speed of access to services",
        "../../access-outcome/#ind-access-indicator",
    )
    answer = page_body(site, "outcomes").xpath('//tr[th[contains(., "somewhere to live")]]')[0]
    assert "measured by Speed of access to services" in words_in(answer)
    assert "Nothing in the plan" not in words_in(answer)
