"""A plan's own words are shown as the plan wrote them: its words for how an action stands
(beside plansite's meaning, and with the day they were reported), its heading for the status
column, a partner's role with its capitals, and findings reported in words, not numbers."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import html as lhtml

from plansite.model.plan import Measure, Update, status_in_words
from plansite.model.tracking import TRACKED
from plansite.pages.words import status_words
from plansite.site.charts import trend
from plansite.site.render import first_upper
from tests.conftest import CheckRun, copy_minimal, edit
from tests.site_helpers import build, page_body, words_in

PS = "partnerships/sample"
PLAN = f"{PS}/plans/sample-plan"
UPDATE = "status: in-progress\n        note: Mapping has started."
IN_WORDS = "status: delayed\n        status_raw: Some slippage\n        note: Mapping has started."
ROLE = "Statutory partner (for the Scottish Ministers)"


def test_the_plans_word_is_shown_with_its_meaning_where_they_differ() -> None:
    assert status_words("delayed") == "Delayed"
    assert status_words("delayed", "Amber") == "Amber (delayed)"
    assert status_words("delayed", "Some slippage") == "Some slippage (delayed)"
    # The plan's word that says the same as plansite's is not repeated.
    assert status_words("not-started", "NOT STARTED") == "NOT STARTED"
    assert status_words("in-progress", "In-progress") == "In-progress"
    assert status_in_words("complete", None) == "complete"
    assert status_in_words("complete", "Achieved") == "Achieved (complete)"


def test_the_log_says_a_status_in_the_plans_words() -> None:
    status = next(t for t in TRACKED["action"] if t.field == "status")

    class Reported:
        def __init__(self) -> None:
            red = {"date": "2024-05", "status": "delayed", "status_raw": "Red"}
            later = {"date": "2024-06", "note": "Still waiting."}
            self.updates = [Update.model_validate(red), Update.model_validate(later)]

    assert status.read(Reported(), {}) == "Red (delayed)"


def test_a_status_in_the_plans_words_passes_the_check(
    minimal: Path, run_check: Callable[..., CheckRun]
) -> None:
    edit(minimal, f"{PLAN}/actions.yaml", UPDATE, IN_WORDS)
    edit(minimal, f"{PLAN}/plan.yaml", "levels:\n", "labels:\n  status: RAG status\nlevels:\n")
    result = run_check(minimal)
    assert result.code == 0, result.text


def test_the_plans_word_needs_plansites_meaning_beside_it(
    minimal: Path, run_check: Callable[..., CheckRun]
) -> None:
    edit(minimal, f"{PLAN}/actions.yaml", UPDATE,
         "status_raw: Some slippage\n        note: Mapping has started.")  # fmt: skip
    result = run_check(minimal)
    assert result.code == 1
    assert "[field-missing]" in result.text
    assert "status_raw 'Some slippage' needs a status beside it" in result.text
    assert "actions.yaml:12:9: [field-missing]" in result.text  # the update itself


def test_first_upper_keeps_the_rest_as_written() -> None:
    assert first_upper(ROLE) == ROLE
    assert first_upper("statutory partner") == "Statutory partner"
    assert first_upper("") == ""


def _measure(*figures: dict[str, object]) -> Measure:
    return Measure.model_validate({"id": "m", "text": "What the evaluation found",
                                   "kind": "evidence", "figures": list(figures)})  # fmt: skip


def test_findings_in_words_are_never_said_to_be_missing() -> None:
    one = _measure({"raw": "Families said visits were easier to arrange", "period": "2023/24"})
    assert trend(one) == (
        "1 finding reported, in words rather than as a number: see the table below."
    )
    two = _measure(
        {"raw": "Early signs", "period": "2022/23"}, {"raw": "Better", "period": "2023/24"}
    )
    assert trend(two).startswith("2 findings reported, in words rather than as numbers")
    assert trend(_measure()) == "No figures have been published yet."


def test_a_number_followed_by_findings_in_words_is_not_called_the_latest() -> None:
    mixed = _measure({"value": 40, "period": "2022/23"}, {"raw": "Higher", "period": "2023/24"})
    assert trend(mixed) == (
        "The latest figure given as a number is 40 (2022/23). "
        "Later findings are reported in words: see the table below."
    )
    numbers = _measure({"value": 40, "period": "2022/23"}, {"value": 45, "period": "2023/24"})
    assert "Later findings" not in trend(numbers)


# --- From a real build ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The minimal site, with a status in the plan's words, the plan's heading for it, a role
    with capitals, and an evaluation's finding reported in words."""
    where = tmp_path_factory.mktemp("words")
    data = copy_minimal(where)
    edit(data, f"{PLAN}/actions.yaml", UPDATE, IN_WORDS)
    edit(data, f"{PLAN}/plan.yaml", "levels:\n", "labels:\n  status: RAG status\nlevels:\n")
    edit(data, f"{PS}/partnership.yaml", "role: statutory-partner\n",
         f"role: statutory-partner\n    role_raw: {ROLE}\n")  # fmt: skip
    last = "          - value: 85.5\n            period: 2017/18\n"
    edit(data, f"{PLAN}/indicators.yaml", last,
         f"{last}      - id: evaluation\n        text: What the evaluation found\n"
         "        kind: evidence\n        figures:\n"
         "          - raw: People found services sooner\n"
         "            period: 2018/19\n")  # fmt: skip
    build(data, where / "site", only="sample")
    return where / "site" / "sample"


@pytest.mark.slow
def test_the_action_page_shows_the_plans_word_and_when_it_was_reported(site: Path) -> None:
    page = page_body(site, "actions/a1")
    facts = dict(zip((words_in(d) for d in page.xpath(".//dl[1]/dt")),
                     (words_in(d) for d in page.xpath(".//dl[1]/dd")), strict=True))  # fmt: skip
    assert facts["RAG status"] == "Some slippage (delayed), as at 1 June 2017"
    (tag,) = page.xpath('.//dd//strong[contains(@class, "plansite-status--delayed")]')
    assert words_in(tag) == "Some slippage (delayed)"
    (report,) = page.xpath('.//ol[contains(@class, "plansite-history")]/li')
    assert words_in(report) == "1 June 2017: Some slippage (delayed). Mapping has started."


@pytest.mark.slow
def test_the_plans_tables_use_its_heading_and_words(site: Path) -> None:
    (table,) = page_body(site, "plan").xpath(".//table")
    assert words_in(table.xpath(".//thead//th")[-1]) == "RAG status"
    cells = table.xpath('.//td[@data-label="RAG status"]')
    assert [words_in(td) for td in cells] == [
        "Some slippage (delayed), as at 1 June 2017", "Not reported",
    ]  # fmt: skip
    listed = page_body(site, "actions")
    assert "Delayed (1): in the plan’s words, “Some slippage”" in words_in(listed)
    assert "Some slippage (delayed)" in words_in(page_body(site, "actions/status/delayed"))


@pytest.mark.slow
def test_the_download_keeps_the_plans_word_and_its_date(site: Path) -> None:
    rows = list(csv.DictReader(io.StringIO((site / "data/actions.csv").read_text("utf-8"))))
    assert rows[0]["RAG status"] == "delayed"
    assert rows[0]["RAG status as written in the plan"] == "Some slippage"
    assert rows[0]["RAG status as at"] == "2017-06-01"
    assert rows[1]["RAG status as written in the plan"] == rows[1]["RAG status as at"] == ""


@pytest.mark.slow
def test_a_role_in_the_plans_words_keeps_its_capitals(site: Path) -> None:
    assert ROLE in words_in(page_body(site, "partners/sample-council"))


@pytest.mark.slow
def test_a_finding_in_words_is_not_said_to_be_missing(site: Path) -> None:
    shown = [p for p in site.rglob("index.html") if "What the evaluation found" in p.read_text()]
    assert shown
    for path in shown:
        text = " ".join(lhtml.parse(str(path)).getroot().text_content().split())
        assert "No figures have been published yet" not in text, path
        if "People found services sooner" in text:
            assert "1 finding reported, in words rather than as a number" in text, path
