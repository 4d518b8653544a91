"""Today's national framework beside the replaced ones, each with the years it was in use and
its sources; a plan is warned when it links to a framework of another time."""

from __future__ import annotations

from pathlib import Path

import yaml
from lxml import html as lhtml

from tests.conftest import SHIPPED, CheckRun, edit


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
