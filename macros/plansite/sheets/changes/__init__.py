"""Check every row of a workbook and work out what it changes in the data.

Each row is compared with the item it names, as the export would show that item today; only
the cells that differ are changes. A workbook (not a CSV) also carries a digest of each row as
exported, so a row nobody touched is left alone even if the data changed since, and a row
edited in both places is refused rather than silently undoing the other edit.

Nothing is written here: each change carries a function that edits the YAML documents, run
later by ``plansite.sheets.apply`` once every row has passed.
"""

from __future__ import annotations

from datetime import date

from plansite.sheets.changes.actions import ActionRows
from plansite.sheets.changes.indicators import IndicatorRows
from plansite.sheets.changes.rows import Change, Documents
from plansite.sheets.changes.services import ServiceRows
from plansite.sheets.columns import ACTIONS, INDICATORS, SERVICES
from plansite.sheets.read import Book, Problem
from plansite.sheets.values import Context

__all__ = ["Change", "Documents", "work_out"]


class Work(ActionRows, IndicatorRows, ServiceRows):
    """The rows of one workbook checked against one partnership's plan, sheet by sheet."""

    def run(self) -> None:
        self._actions(self.book.sheets.get(ACTIONS, []))
        self._indicators(self.book.sheets.get(INDICATORS, []))
        self._services(self.book.sheets.get(SERVICES, []))


def work_out(ctx: Context, book: Book, today: date) -> tuple[list[Change], list[Problem]]:
    """Every change the workbook makes, or every problem in it."""
    work = Work(ctx, book, today)
    work.run()
    return work.changes, work.problems
