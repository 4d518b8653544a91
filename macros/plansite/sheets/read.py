"""Read a workbook, or one sheet saved as CSV, into rows of text keyed by column heading."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from plansite.load.errors import did_you_mean
from plansite.sheets.columns import EXPORTED, FORMAT, SHEET, SHEETS, Sheet, cell_text
from plansite.sheets.values import SheetError


@dataclass(frozen=True)
class Problem:
    """Something wrong with one cell, one row or one sheet of what was read."""

    sheet: str
    row: int | None
    column: str | None
    message: str

    def format(self, file: str) -> str:
        where = f'{file}: sheet "{self.sheet}"'
        if self.row is not None:
            where += f", row {self.row}"
        if self.column:
            where += f', column "{self.column}"'
        return f"{where}: {self.message}"


@dataclass
class SheetRow:
    number: int  # as the spreadsheet app numbers it: the headings are row 1
    cells: dict[str, str]  # heading -> text, for the headings the sheet has


@dataclass
class Book:
    file: str
    sheets: dict[str, list[SheetRow]] = field(default_factory=dict)
    partnership: str | None = None
    plan: str | None = None
    # (sheet, key) -> digest of the row as exported; None when the file is a CSV.
    fingerprints: dict[tuple[str, str], str] | None = None
    problems: list[Problem] = field(default_factory=list)


def read_book(path: Path) -> Book:
    suffix = path.suffix.lower()
    if not path.is_file():
        raise SheetError(f"{path}: no such file")
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    if suffix == ".csv":
        return _read_csv(path)
    raise SheetError(f"{path}: expected a workbook (.xlsx) or a CSV file (.csv)")


def _read_xlsx(path: Path) -> Book:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as exc:
        raise SheetError(f"{path}: cannot be read as a workbook ({exc})") from None
    book = Book(path.name)
    try:
        for sheet in SHEETS:
            if sheet.name in wb.sheetnames:
                ws = wb[sheet.name]
                book.sheets[sheet.name] = _rows(book, sheet, ws.iter_rows(values_only=True))
        if EXPORTED in wb.sheetnames:
            _exported(book, wb[EXPORTED].iter_rows(values_only=True))
    finally:
        wb.close()
    if not book.sheets:
        names = ", ".join(s.name for s in SHEETS)
        raise SheetError(f"{path}: the workbook has none of the sheets {names}")
    return book


def _exported(book: Book, rows: Iterable[Sequence[object]]) -> None:
    book.fingerprints = {}
    for row in rows:
        cells = [cell_text(v) for v in row[:3]] + ["", "", ""]
        label, value, digest = cells[:3]
        if label == "plansite workbook" and value.isdigit() and int(value) > FORMAT:
            raise SheetError(
                f"{book.file} was written by a newer plansite (format {value}): update plansite"
            )
        if label == "partnership":
            book.partnership = value or None
        elif label == "plan":
            book.plan = value or None
        elif label in SHEET and value:
            book.fingerprints[(label, value)] = digest


def _rows(book: Book, sheet: Sheet, rows: Iterable[Sequence[object]]) -> list[SheetRow]:
    it = iter(rows)
    header = [cell_text(v) for v in next(it, ())]
    columns: dict[int, str] = {}
    for i, heading in enumerate(header):
        if not heading:
            continue
        if heading not in sheet.headings:
            hint = did_you_mean(heading, sheet.headings)
            book.problems.append(
                Problem(
                    sheet.name,
                    1,
                    heading,
                    "this column is not one plansite reads"
                    + (f" — {hint}" if hint else f"; the columns are: {', '.join(sheet.headings)}"),
                )
            )
        elif heading in columns.values():
            book.problems.append(Problem(sheet.name, 1, heading, "this column appears twice"))
        else:
            columns[i] = heading
    if sheet.keys[0] not in columns.values():
        book.problems.append(
            Problem(sheet.name, 1, sheet.keys[0], "this column is missing: put it back")
        )
    out: list[SheetRow] = []
    editable = set(sheet.editable())
    for number, row in enumerate(it, 2):
        cells = {h: cell_text(row[i]) if i < len(row) else "" for i, h in columns.items()}
        if any(cells[h] for h in cells if h in editable):
            out.append(SheetRow(number, cells))
    return out


def _read_csv(path: Path) -> Book:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Spreadsheet apps on Windows save "CSV" in the Windows code page, not UTF-8.
        text = raw.decode("cp1252", errors="replace")
    records = list(csv.reader(io.StringIO(text, newline="")))
    if not records:
        raise SheetError(f"{path}: the file is empty")
    headings = {cell_text(h) for h in records[0]} - {""}
    sheet = max(SHEETS, key=lambda s: len(headings & set(s.headings)))
    if not headings & set(sheet.headings):
        expected = "; ".join(f"{s.name}: {', '.join(s.headings)}" for s in SHEETS)
        raise SheetError(
            f"{path}: its headings match none of the sheets; the first line should hold the "
            f"headings of one of them ({expected})"
        )
    book = Book(path.name)
    book.sheets[sheet.name] = _rows(book, sheet, records)
    return book
