"""The spreadsheet round trip: export a workbook, edit it as a person would, import it."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from plansite.cli import main
from plansite.history.log import history
from plansite.validate import check
from tests.conftest import SHIPPED, copy_shipped, edit, files, release

PARTNERSHIPS = sorted(p.name for p in (SHIPPED / "partnerships").iterdir() if p.is_dir())
CLACKS = "clackmannanshire"
CLACKS_ACTIONS = f"partnerships/{CLACKS}/plans/cjip-2017-18/actions.yaml"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A private copy of the shipped data."""
    return copy_shipped(tmp_path)


def export(data: Path, partnership: str, out: Path) -> Path:
    assert main(["export-sheet", "--data", str(data), "--partnership", partnership, str(out)]) == 0
    return out


def import_(data: Path, file: Path, *extra: str) -> int:
    return main(["import-sheet", "--data", str(data), *extra, str(file)])


def headings(ws: Worksheet) -> dict[str, int]:
    return {str(c.value): c.column for c in ws[1] if c.value}


def row_of(ws: Worksheet, key: str) -> int:
    return next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == key)


def first_blank(ws: Worksheet) -> int:
    return next(r for r in range(2, ws.max_row + 1) if all(c.value is None for c in ws[r]))


def set_cells(path: Path, sheet: str, row: int, **cells: str) -> None:
    wb = load_workbook(path)
    ws = wb[sheet]
    head = headings(ws)
    for heading, value in cells.items():
        ws.cell(row, head[heading.replace("_", " ")]).value = value
    wb.save(path)


@pytest.mark.parametrize("partnership", PARTNERSHIPS)
def test_every_partnership_round_trips_byte_for_byte(
    data: Path, tmp_path: Path, partnership: str
) -> None:
    before = files(data)
    book = export(data, partnership, tmp_path / f"{partnership}.xlsx")
    assert import_(data, book, "--yes") == 0
    assert files(data) == before
    # Without the workbook's record of each row, every value is compared with the data.
    wb = load_workbook(book)
    for name in ("Actions", "Indicators", "Services"):
        out = tmp_path / f"{name}.csv"
        with out.open("w", newline="", encoding="utf-8") as fh:
            writer = csv.writer(fh)
            for row in wb[name].iter_rows(values_only=True):
                if any(v is not None for v in row):
                    writer.writerow(["" if v is None else v for v in row])
        assert import_(data, out, "--partnership", partnership, "--yes") == 0
    assert files(data) == before


def test_the_workbook_offers_lists_and_locks_only_the_ids(data: Path, tmp_path: Path) -> None:
    wb = load_workbook(export(data, "example", tmp_path / "example.xlsx"))
    assert wb.sheetnames[0] == "How to use this workbook"
    assert wb["Lists"].sheet_state == "hidden"
    ws = wb["Actions"]
    head = headings(ws)
    assert {"Status", "Latest progress", "Progress date", "Leads", "Outcome id"} <= set(head)
    assert ws.protection.sheet and not ws.protection.password
    assert ws.freeze_panes == "A2"
    lists = {str(dv.sqref).split("2:")[0]: dv for dv in ws.data_validations.dataValidation}
    status = lists[ws.cell(1, head["Status"]).column_letter]
    assert status.type == "list" and status.formula1.startswith("Lists!")
    column = status.formula1.split("!$")[1][0]
    values = [c.value for c in wb["Lists"][column][1:] if c.value]
    assert values == [
        "planned",
        "not-started",
        "in-progress",
        "ongoing",
        "delayed",
        "complete",
        "withdrawn",
    ]
    partners = lists[ws.cell(1, head["Leads"]).column_letter]
    column = partners.formula1.split("!$")[1][0]
    assert "Example Council" in [c.value for c in wb["Lists"][column]]
    assert ws.column_dimensions["A"].width > 10
    last = row_of(ws, "mentoring-scheme")
    assert ws.cell(2, 1).value == "housing-protocol" and ws.cell(2, 1).protection.locked
    assert ws.cell(last, 1).protection.locked
    assert not ws.cell(2, head["Status"]).protection.locked
    assert not ws.cell(last + 1, 1).protection.locked  # a new row may be given its own id
    assert not ws.cell(last + 100, head["Action"]).protection.locked
    for name in ("Indicators", "Services"):
        assert wb[name].protection.sheet and wb[name].cell(2, 1).protection.locked


def test_three_progress_updates_change_three_actions_and_show_in_the_log(
    data: Path, tmp_path: Path
) -> None:
    before = files(data)
    old = {a.id: a for a in check(data).data.partnerships[CLACKS].plans["cjip-2017-18"].actions}
    book = export(data, CLACKS, tmp_path / "clacks.xlsx")
    ws = load_workbook(book)["Actions"]
    edited = ["a1-2", "a2-10", "a6-4"]
    for n, key in enumerate(edited, 1):
        set_cells(
            book,
            "Actions",
            row_of(ws, key),
            Latest_progress=f"Update {n}: work began.",
            Progress_date="2017-09-01",
        )
    assert import_(data, book, "--yes") == 0
    after = files(data)
    assert {k for k in after if after[k] != before.get(k)} == {CLACKS_ACTIONS}
    new = {a.id: a for a in check(data).data.partnerships[CLACKS].plans["cjip-2017-18"].actions}
    changed = [k for k in new if new[k] != old[k]]
    assert changed == edited
    for n, key in enumerate(edited, 1):
        assert new[key].updates[:-1] == old[key].updates
        assert new[key].updates[-1].note == f"Update {n}: work began."
        assert new[key].updates[-1].date.text == "2017-09-01"

    assert release(data, "2017-10-01", CLACKS) == 0
    log = [c for c in history(check(data).data.partnerships[CLACKS].releases) if c.release == 2]
    assert [c.item for c in log] == edited
    assert all(c.text.startswith("New progress on ") for c in log)
    assert "Update 2: work began. (1 September 2017)" in log[1].text


def test_bad_rows_are_refused_with_where_and_why_and_nothing_changes(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = export(data, "example", tmp_path / "actions.xlsx")
    ws = load_workbook(book)["Actions"]
    set_cells(book, "Actions", row_of(ws, "housing-protocol"), Leads="Acme Trust")
    set_cells(
        book,
        "Actions",
        row_of(ws, "victim-feedback"),
        Status="finished",
        Latest_progress="Done",
        Progress_date="2025-02-30",
    )
    set_cells(book, "Services", 3, Email="not an address")
    before = files(data)
    capsys.readouterr()
    assert import_(data, book, "--yes") == 1
    err = capsys.readouterr().err
    row = row_of(ws, "victim-feedback")
    assert (
        'actions.xlsx: sheet "Actions", row 2, column "Leads": "Acme Trust" is not a partner' in err
    )
    assert (
        f'actions.xlsx: sheet "Actions", row {row}, column "Status": "finished" is not a status '
        "— choose one of: planned, not-started, in-progress" in err
    )
    assert (
        f'sheet "Actions", row {row}, column "Progress date": '
        "'2025-02-30' is not a date that exists in the calendar" in err
    )
    assert 'sheet "Services", row 3, column "Email": expected an email address' in err
    assert "nothing was written" in err
    assert files(data) == before


def test_unknown_ids_are_refused(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = export(data, "example", tmp_path / "example.xlsx")
    blank = first_blank(load_workbook(book)["Indicators"])
    set_cells(
        book,
        "Indicators",
        blank,
        Indicator_id="no-such-indicator",
        Measure_id="share",
        Period="2025/26",
        Value="70",
    )
    blank = first_blank(load_workbook(book)["Actions"])
    set_cells(book, "Actions", blank, Outcome_id="no-such-outcome", Action="Something new")
    before = files(data)
    assert import_(data, book, "--yes") == 1
    err = capsys.readouterr().err
    assert f'row {blank}, column "Outcome id": "no-such-outcome" is not an outcome' in err
    assert 'column "Indicator id": "no-such-indicator" is not an indicator of this plan' in err
    assert files(data) == before


def test_a_csv_of_one_sheet_can_be_imported(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = tmp_path / "services.csv"
    sheet.write_text(
        "Service id,Name,Phone,Status\n"
        "money-advice-clinic,Money advice clinic,01632 960099,active\n"
        ",Tenancy help desk,01632 960123,pilot\n",
        encoding="utf-8",
    )
    assert import_(data, sheet, "--yes") == 1
    assert "give --partnership ID" in capsys.readouterr().err
    assert import_(data, sheet, "--partnership", "example", "--yes") == 1
    assert 'row 3, column "Kind": choose what kind of service it is' in capsys.readouterr().err
    sheet.write_text(
        "Service id,Name,Kind,Summary,Phone,Status\n"
        "money-advice-clinic,Money advice clinic,service,"
        "Free advice on debt and benefits for people with convictions and their families.,"
        "01632 960099,active\n"
        ",Tenancy help desk,service,Help to keep a tenancy.,01632 960123,pilot\n",
        encoding="utf-8",
    )
    assert import_(data, sheet, "--partnership", "example", "--yes") == 0
    out = capsys.readouterr().out
    assert "Services row 2 (money-advice-clinic): phone 01632 960004 → 01632 960099" in out
    assert "Services row 3 (new tenancy-help-desk)" in out
    services = {s.id: s for s in check(data).data.partnerships["example"].services}
    assert services["money-advice-clinic"].contact.phone == "01632 960099"
    assert services["tenancy-help-desk"].status[-1].status == "pilot"


def test_comments_and_layout_survive_an_edit(data: Path, tmp_path: Path) -> None:
    path = data / CLACKS_ACTIONS
    original = path.read_text(encoding="utf-8")
    book = export(data, CLACKS, tmp_path / "clacks.xlsx")
    ws = load_workbook(book)["Actions"]
    # The last action under priority 2: a comment line introduces priority 3 right after it.
    set_cells(book, "Actions", row_of(ws, "a2-10"), Status="in-progress")
    assert import_(data, book, "--yes") == 0
    text = path.read_text(encoding="utf-8")
    comments = [line for line in original.splitlines() if line.lstrip().startswith("#")]
    assert comments and [ln for ln in text.splitlines() if ln.lstrip().startswith("#")] == comments
    added = [ln for ln in text.splitlines() if ln not in original.splitlines()]
    assert added[0] == "    updates:" and added[2] == "        status: in-progress"
    assert len(text.splitlines()) == len(original.splitlines()) + 3
    head, _, rest = text.partition("  - id: a3-1\n")
    assert head.endswith(
        "\n\n  # --- Priority 3: Improved strategic planning and partnership "
        "working ----------------------\n"
    )
    assert "        status: in-progress\n" in head.rpartition("  - id: a2-10\n")[2]
    assert "id: a3-1" not in rest


def test_new_rows_get_ids_in_the_plans_pattern_and_pass_check(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = export(data, CLACKS, tmp_path / "clacks.xlsx")
    blank = first_blank(load_workbook(book)["Actions"])
    set_cells(
        book,
        "Actions",
        blank,
        Outcome_id="priority-2",
        Action="Run an awareness week",
        Leads="Apex Scotland; families-outside",
        Due_by="2018-03",
        Status="planned",
    )
    set_cells(book, "Actions", blank + 1, Outcome_id="priority-2", Action="Hold a second week")
    assert import_(data, book, "--yes") == 0
    out = capsys.readouterr().out
    assert f"Actions row {blank} (new a2-11): new action a2-11 under priority-2" in out
    assert f"Actions row {blank + 1} (new a2-12)" in out
    report = check(data)
    assert not report.errors
    actions = {a.id: a for a in report.data.partnerships[CLACKS].plans["cjip-2017-18"].actions}
    assert actions["a2-11"].leads == ["apex-scotland", "families-outside"]
    assert actions["a2-11"].updates[-1].status == "planned"
    ids = list(actions)
    assert ids.index("a2-12") == ids.index("a2-11") + 1 == ids.index("a2-10") + 2

    # Plans with descriptive ids and numbered actions: an id from the words, the next number.
    book = export(data, "example", tmp_path / "example.xlsx")
    blank = first_blank(load_workbook(book)["Actions"])
    set_cells(
        book,
        "Actions",
        blank,
        Outcome_id="safer-communities",
        Action="Train volunteers in restorative practice",
    )
    assert import_(data, book, "--yes") == 0
    report = check(data)
    assert not report.errors
    new = report.data.partnerships["example"].plans["example-plan-2024-27"].actions[-1]
    assert (new.id, new.number) == ("train-volunteers-in-restorative-practice", "3.4")


def test_a_new_figure_is_added_after_the_others(data: Path, tmp_path: Path) -> None:
    book = export(data, "example", tmp_path / "example.xlsx")
    blank = first_blank(load_workbook(book)["Indicators"])
    set_cells(
        book,
        "Indicators",
        blank,
        Indicator_id="settled-accommodation",
        Measure_id="share",
        Period="2025/26",
        Value="70",
        Unit="per cent",
    )
    assert import_(data, book, "--yes") == 0
    measure = check(data).data.partnerships["example"].plans["example-plan-2024-27"]
    figures = measure.indicators[0].measures[0].figures
    assert [(f.value, f.period.text if f.period else None) for f in figures][-1] == (70, "2025/26")
    assert len(figures) == 3


def test_a_brand_new_partnership_is_filled_from_the_workbook(data: Path, tmp_path: Path) -> None:
    plan = data / "partnerships" / CLACKS / "plans" / "cjip-2017-18"
    (plan / "actions.yaml").unlink()
    (data / "partnerships" / CLACKS / "services.yaml").unlink()
    book = export(data, CLACKS, tmp_path / "empty.xlsx")
    set_cells(
        book,
        "Actions",
        2,
        Outcome_id="priority-1",
        Action="Map the services people use",
        Leads="Clackmannanshire Council",
    )
    set_cells(
        book,
        "Services",
        2,
        Name="Recovery café",
        Kind="group",
        Summary="A café run by people in recovery.",
        Phone="01259 000000",
    )
    assert import_(data, book, "--yes") == 0
    text = (plan / "actions.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../../../schema/actions.schema.json")
    assert "  - id: map-the-services-people-use\n" in text
    report = check(data)
    assert not report.errors
    assert [s.id for s in report.data.partnerships[CLACKS].services] == ["recovery-cafe"]


def test_without_a_terminal_or_yes_nothing_is_written(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = export(data, "example", tmp_path / "example.xlsx")
    set_cells(book, "Services", 2, Phone="01632 960777")
    before = files(data)
    capsys.readouterr()
    assert import_(data, book) == 3
    captured = capsys.readouterr()
    assert "phone 01632 960004 → 01632 960777" in captured.out
    assert "run again with --yes" in captured.err
    assert import_(data, book, "--dry-run") == 0
    assert "nothing was written" in capsys.readouterr().out
    assert files(data) == before


def test_a_row_changed_in_both_places_is_refused(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = export(data, "example", tmp_path / "example.xlsx")
    set_cells(book, "Services", 2, Phone="01632 960777")
    set_cells(book, "Services", 3, Phone="01632 960888")
    edit(data, "partnerships/example/services.yaml", "01632 960004", "01632 960005")
    before = files(data)
    assert import_(data, book, "--yes") == 1
    assert 'sheet "Services", row 2: this row was edited here, and the data was changed too' in (
        capsys.readouterr().err
    )
    assert files(data) == before


def test_a_result_that_fails_check_is_not_written(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = export(data, "example", tmp_path / "example.xlsx")
    # A lead that is a real organisation passes the row checks; an id that is not a partner
    # anywhere is caught there. Here the check catches a timescale year the plan lacks.
    set_cells(book, "Actions", 2, Due_by="year 9")
    before = files(data)
    assert import_(data, book, "--yes") == 1
    err = capsys.readouterr().err
    assert "[year-unknown]" in err and "would not pass `plansite check`" in err
    assert files(data) == before


def test_on_a_terminal_the_changes_are_applied_once_confirmed(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from plansite.sheets.apply import import_sheet

    book = export(data, "example", tmp_path / "example.xlsx")
    set_cells(book, "Services", 2, Phone="01632 960777")
    before = files(data)
    questions: list[str] = []

    def answer(reply: str) -> Callable[[str], str]:
        def ask(question: str) -> str:
            questions.append(question)
            return reply

        return ask

    assert import_sheet(book, data, interactive=True, ask=answer("n")) == 3
    assert files(data) == before
    assert import_sheet(book, data, interactive=True, ask=answer("y")) == 0
    assert questions == ["Apply these 1 change(s) to 1 file(s)? [y/N] "] * 2
    assert "wrote " in capsys.readouterr().out
    services = {s.id: s for s in check(data).data.partnerships["example"].services}
    assert services["money-advice-clinic"].contact.phone == "01632 960777"
