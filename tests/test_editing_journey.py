"""A communications officer's first weeks, end to end: start a partnership with `plansite new`,
fill it from the workbook, publish, report progress on three actions through the workbook,
publish again, and see exactly those three updates in the log and on the site."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from plansite.cli import main
from plansite.history.log import history
from plansite.validate import check
from tests.conftest import append, copy_shipped, release
from tests.site_helpers import build

PID = "fife"
OUTCOMES = """
nodes:
  - id: better-access
    level: outcome
    number: "1"
    title: Better access to services
  - id: safer-communities
    level: outcome
    number: "2"
    title: Safer communities
"""


def fill(book: Path, sheet: str, rows: list[dict[str, str]]) -> None:
    """Type ``rows`` into the first blank rows of ``sheet``, by column heading."""
    wb = load_workbook(book)
    ws = wb[sheet]
    heading = {str(c.value): c.column for c in ws[1] if c.value}
    first = next(r for r in range(2, ws.max_row + 2) if all(c.value is None for c in ws[r]))
    for n, row in enumerate(rows):
        for name, value in row.items():
            ws.cell(first + n, heading[name]).value = value
    wb.save(book)


def update(book: Path, progress: dict[str, str], day: str) -> None:
    """Type new progress over the rows of the given actions."""
    wb = load_workbook(book)
    ws = wb["Actions"]
    heading = {str(c.value): c.column for c in ws[1] if c.value}
    for r in range(2, ws.max_row + 1):
        key = str(ws.cell(r, heading["Action id"]).value)
        if key in progress:
            ws.cell(r, heading["Latest progress"]).value = progress[key]
            ws.cell(r, heading["Progress date"]).value = day
    wb.save(book)


def run(*words: str) -> None:
    assert main(list(words)) == 0, words


@pytest.mark.slow
def test_a_new_partnership_from_scaffold_to_second_release(tmp_path: Path) -> None:
    data = copy_shipped(tmp_path)
    run("new", PID, "--data", str(data), "--name", "Fife Community Justice Partnership")
    folder = data / "partnerships" / PID
    plan = folder / "plans" / f"{PID}-plan" / "plan.yaml"
    # The outcomes are written in the plan file, as the guide shows.
    append(plan, OUTCOMES)

    book = tmp_path / "fife.xlsx"
    run("export-sheet", "--data", str(data), "--partnership", PID, str(book))
    actions = [
        {"Outcome id": outcome, "Action": text, "Leads": lead, "Status": "planned"}
        for outcome, text, lead in [
            ("better-access", "Open a weekly advice drop-in", "Sacro"),
            ("better-access", "Agree a housing protocol for people leaving prison", "Sacro"),
            ("safer-communities", "Train staff in restorative practice", "Police Scotland"),
            ("safer-communities", "Review diversion from prosecution", "Police Scotland"),
        ]
    ]
    fill(book, "Actions", actions)
    fill(book, "Services", [{"Name": "Advice drop-in", "Kind": "service",
                             "Summary": "Walk-in advice on money and housing.",
                             "Phone": "01632 960123", "Status": "active"}])  # fmt: skip
    run("import-sheet", "--data", str(data), "--yes", str(book))
    # A new row's status is recorded as of the day it is imported: publish from today on.
    today = date.today().isoformat()
    assert release(data, today, PID) == 0

    # Later: progress on three of the four actions, through a fresh workbook.
    book = tmp_path / "fife-june.xlsx"
    run("export-sheet", "--data", str(data), "--partnership", PID, str(book))
    ids = [a.id for a in check(data).data.partnerships[PID].plans[f"{PID}-plan"].actions]
    assert len(ids) == 4
    progress = {ids[0]: "The drop-in opened in May.", ids[2]: "Twelve staff trained.",
                ids[3]: "The review has started."}  # fmt: skip
    update(book, progress, today)
    run("import-sheet", "--data", str(data), "--yes", str(book))
    assert release(data, today, PID) == 0

    report = check(data)
    assert not report.errors
    log = [c for c in history(report.data.partnerships[PID].releases) if c.release == 2]
    assert sorted(c.item for c in log) == sorted(progress)
    assert all(c.text.startswith("New progress on ") for c in log)

    site = tmp_path / "site"
    build(data, site, PID)
    changes = (site / PID / "changes" / "index.html").read_text(encoding="utf-8")
    for note in progress.values():
        assert note in changes
    assert "Advice drop-in" in (site / PID / "services" / "index.html").read_text()
