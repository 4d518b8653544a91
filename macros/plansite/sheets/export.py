"""Write a partnership's plan as a workbook that people can edit and give back."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from plansite.sheets.columns import (
    ACTIONS,
    EXPORTED,
    FORMAT,
    HOW_TO,
    INDICATORS,
    LIST_NAMES,
    LISTS,
    SERVICES,
    SHEET,
    SHEETS,
    STATIC_LISTS,
    Sheet,
    fingerprint,
)
from plansite.sheets.values import (
    Context,
    SheetError,
    action_values,
    choose_plan,
    figure_key,
    figure_values,
    figures,
    service_values,
)
from plansite.validate import check

BLANK_ROWS = 500  # unlocked, formatted rows below the data, so new rows can be typed in
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
REFERENCE_FILL = PatternFill("solid", fgColor="EDEDED")
KEY_FILL = PatternFill("solid", fgColor="F2F2F2")
LOCKED = Protection(locked=True)
UNLOCKED = Protection(locked=False)
TOP = Alignment(vertical="top")
WRAP = Alignment(vertical="top", wrap_text=True)

Row = dict[str, str]


def load_context(root: Path, partnership: str, plan: str | None) -> Context:
    """The partnership's validated data; refused while it has errors, since rows read from
    broken data could not be written back faithfully."""
    report = check(root)
    report.only(partnership)
    pd = report.data.partnerships.get(partnership)
    if pd is None:
        known = ", ".join(sorted(report.data.partnerships)) or "none"
        raise SheetError(f"no partnership {partnership!r} in {root} (there are: {known})")
    if report.errors:
        lines = "\n".join(p.format() for p in report.errors)
        raise SheetError(f"{lines}\nthe data has errors: run `plansite check` and fix them first")
    return Context(report.data, pd, choose_plan(pd, plan))


def rows(ctx: Context) -> dict[str, list[tuple[str, Row]]]:
    """Every sheet's rows, each with the key that identifies it."""
    plan = ctx.plan
    return {
        ACTIONS: [(a.id, action_values(ctx, a)) for a in plan.actions],
        INDICATORS: [
            (figure_key(ind.id, m.id, key), figure_values(ind, m, key, f))
            for ind in plan.indicators
            for m in ind.measures
            for key, f in figures(m)
        ],
        SERVICES: [(s.id, service_values(ctx, s)) for s in ctx.pd.services],
    }


def export(ctx: Context, out: Path, today: date | None = None) -> dict[str, int]:
    """Write the workbook to ``out``; return how many rows each sheet has."""
    wb = Workbook()
    how_to = wb.active
    assert how_to is not None  # a new workbook always has a sheet
    how_to.title = HOW_TO
    all_rows = rows(ctx)
    lists = _lists(wb, ctx)
    for sheet in SHEETS:
        _data_sheet(wb.create_sheet(sheet.name), sheet, all_rows[sheet.name], lists)
    _how_to(how_to, ctx, today or date.today())
    _exported(wb.create_sheet(EXPORTED), ctx, all_rows)
    wb.properties.title = f"{ctx.pd.partnership.name}: {ctx.plan.plan.title}"
    wb.properties.creator = "plansite"
    out.parent.mkdir(parents=True, exist_ok=True)
    wb.save(out)
    return {name: len(r) for name, r in all_rows.items()}


def _lists(wb: Workbook, ctx: Context) -> dict[str, str]:
    """The hidden sheet of drop-down values; returns each list's cell range."""
    ws = wb.create_sheet(LISTS)
    values: dict[str, Iterable[str]] = {
        **STATIC_LISTS,
        "Partners": ctx.partners(),
        "Outcomes": list(ctx.outcomes()),
        "Indicators": [i.id for i in ctx.plan.indicators],
        "Measures": sorted({m.id for i in ctx.plan.indicators for m in i.measures}),
    }
    ranges: dict[str, str] = {}
    for col, name in enumerate(LIST_NAMES, 1):
        items = list(values[name])
        ws.cell(1, col, name).font = Font(bold=True)
        for row, item in enumerate(items, 2):
            _text(ws, row, col, item)
        letter = get_column_letter(col)
        ws.column_dimensions[letter].width = 30
        if items:
            ranges[name] = f"{LISTS}!${letter}$2:${letter}${len(items) + 1}"
    ws.sheet_state = "hidden"
    ws.protection.sheet = True
    return ranges


def _text(ws: Worksheet, row: int, col: int, value: str) -> None:
    """Write text as text: never read as a formula, a date or a number by the app."""
    cell = ws.cell(row, col)
    cell.value = value
    cell.data_type = "s"


def _data_sheet(
    ws: Worksheet, sheet: Sheet, rows: list[tuple[str, Row]], lists: dict[str, str]
) -> None:
    last = len(rows) + 1 + BLANK_ROWS
    for col, column in enumerate(sheet.columns, 1):
        letter = get_column_letter(col)
        head = ws.cell(1, col, column.heading)
        head.font = Font(bold=True, italic=column.reference)
        head.fill = REFERENCE_FILL if column.reference else HEADER_FILL
        head.alignment = WRAP
        head.protection = LOCKED
        ws.column_dimensions[letter].width = column.width
        align = WRAP if column.width >= 30 else TOP
        for r in range(2, last + 1):
            cell = ws.cell(r, col)
            cell.alignment = align
            # Only the ids of rows that came from the data are locked: they match rows to items.
            cell.protection = LOCKED if column.key and r <= len(rows) + 1 else UNLOCKED
            if column.reference:
                cell.fill = REFERENCE_FILL
                cell.font = Font(italic=True)
            elif column.key and r <= len(rows) + 1:
                cell.fill = KEY_FILL
            if not column.number:
                cell.number_format = "@"  # so 2025-03 or 01234 stay as typed
        for r, (_, values) in enumerate(rows, 2):
            text = values[column.heading]
            if column.number and text:
                number = float(text)
                ws.cell(r, col).value = int(number) if number.is_integer() else number
            elif text:
                _text(ws, r, col, text)
        if column.choices and column.choices in lists:
            _drop_down(ws, column.choices, lists[column.choices], column.several, column.about,
                       f"{letter}2:{letter}{last}")  # fmt: skip
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(sheet.columns))}{len(rows) + 1}"
    protection = ws.protection
    protection.sheet = True  # no password: the lock guards against slips, not people
    protection.formatColumns = protection.formatRows = False
    protection.insertRows = protection.sort = protection.autoFilter = False


def _drop_down(ws: Worksheet, name: str, ref: str, several: bool, prompt: str, cells: str) -> None:
    dv = DataValidation(type="list", formula1=ref, allow_blank=True)
    dv.promptTitle = name[:32]
    dv.prompt = prompt[:255]
    dv.showInputMessage = True
    # Several partners in one cell cannot match a single list item, so those cells only offer
    # the list; the import checks every name.
    dv.showErrorMessage = not several
    dv.errorTitle = "Not in the list"
    dv.error = f"Choose one of the {name.lower()} from the drop-down list."
    dv.add(cells)
    ws.add_data_validation(dv)


def _how_to(ws: Worksheet, ctx: Context, today: date) -> None:
    p, plan = ctx.pd.partnership, ctx.plan.plan
    level = {lv.id: lv.name for lv in plan.levels}.get(ctx.parent_level or "", "outcome")
    lines: list[tuple[str, str, str] | str] = [
        HOW_TO,
        f"{p.name}: {plan.title}. Exported on {today.isoformat()}.",
        "",
        "The Actions, Indicators and Services sheets hold the plan as it is published. Change "
        "a cell, or add a row below the last one, then hand the workbook back to whoever "
        "publishes the website. Every change is listed and checked before anything is saved.",
        "The grey id cells are locked: they match each row to the plan. On a new row, leave "
        "the id blank and one is made for you.",
        f"'Outcome id' is the {level.lower()} the action sits under. Columns with a drop-down "
        "list take a value from it. For several partners, pick one and type the others after "
        "it, separated by semicolons.",
        "Progress: type the new update over 'Latest progress' and give its date in 'Progress "
        "date'. Earlier updates are kept, so the website shows the history.",
        "Figures: correct a figure on its row; add a new one on a new row with the 'Figure' "
        "cell left blank.",
        "Deleting a row does not remove anything. To stop an action, set its status to "
        "withdrawn; when a service closes, set its status to closed.",
        "Columns in grey italics (Outcome title, Indicator, Measure) are shown for reference "
        "and are not read back.",
        "Dates: 2025-03-01 for a day, 2025-03 for a month, 2025/26 for a financial year.",
        "",
        ("Sheet", "Column", "What to write"),
    ]
    lines += [(s.name, c.heading, c.about) for s in SHEETS for c in s.columns]
    for r, line in enumerate(lines, 1):
        if isinstance(line, str):
            ws.cell(r, 1, line).alignment = WRAP
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=3)
            # Merged cells do not grow to fit wrapped text, so give each line room for its text.
            ws.row_dimensions[r].height = 15 * max(1, -(-len(line) // 115))
        else:
            for c, text in enumerate(line, 1):
                ws.cell(r, c, text).alignment = WRAP
                if line[0] == "Sheet":
                    ws.cell(r, c).font = Font(bold=True)
    ws.cell(1, 1).font = Font(bold=True, size=14)
    ws.column_dimensions["A"].width = 14
    ws.column_dimensions["B"].width = 24
    ws.column_dimensions["C"].width = 80


def _exported(
    wb_sheet: Worksheet, ctx: Context, all_rows: dict[str, list[tuple[str, Row]]]
) -> None:
    """Which data the workbook came from, and a digest of each row as exported: the import
    uses it to leave untouched rows alone even if the data changed since."""
    ws = wb_sheet
    ws.append(["plansite workbook", FORMAT])
    ws.append(["partnership", ctx.pd.id])
    ws.append(["plan", ctx.plan_id])
    ws.append([])
    ws.append(["Sheet", "Key", "Fingerprint"])
    for name, rows_ in all_rows.items():
        for key, values in rows_:
            ws.append([name, key, fingerprint(values, SHEET[name])])
    ws.sheet_state = "veryHidden"
