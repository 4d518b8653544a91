"""What every sheet's rows share: the YAML documents being edited, a change said in words,
a row being checked, and the checks common to every sheet."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, get_args

from pydantic import TypeAdapter, ValidationError
from pydantic_core import PydanticCustomError
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from plansite.model.common import Email, Number, Phone, PlainText, Slug, Url
from plansite.model.dates import PartialDate
from plansite.model.plan import ActionStatus
from plansite.model.service import ServiceKind, ServiceStatus
from plansite.sheets import yamledit
from plansite.sheets.columns import ACTIONS, SERVICES, Sheet, fingerprint, number_text
from plansite.sheets.read import Book, Problem, SheetRow
from plansite.sheets.values import Context

Edit = Callable[["Documents"], None]
CHOICES = {
    (ACTIONS, "Status"): get_args(ActionStatus),
    (SERVICES, "Status"): get_args(ServiceStatus),
    (SERVICES, "Kind"): get_args(ServiceKind),
}
CHOICE_WORDS = {"Status": "a status", "Kind": "a kind of service"}
ADAPTERS: dict[str, TypeAdapter[Any]] = {
    "slug": TypeAdapter(Slug),
    "text": TypeAdapter(PlainText),
    "phone": TypeAdapter(Phone),
    "email": TypeAdapter(Email),
    "url": TypeAdapter(Url),
    "number": TypeAdapter(Number),
}


class Documents:
    """The YAML files being edited, each read once; the apply step writes those that changed."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.docs: dict[Path, Any] = {}
        self.original: dict[Path, str | None] = {}

    def items(self, path: Path, top: str) -> CommentedSeq:
        """The list under ``top`` in the file at ``path``, made if the file or list is new."""
        if path not in self.docs:
            text = path.read_text(encoding="utf-8") if path.exists() else None
            self.original[path] = text
            self.docs[path] = yamledit.load(text) if text is not None else CommentedMap()
        doc = self.docs[path]
        if not isinstance(doc.get(top), CommentedSeq):
            doc[top] = yamledit.new_seq()
        seq: CommentedSeq = doc[top]
        return seq


def find(seq: CommentedSeq, ident: str) -> CommentedMap:
    item: CommentedMap = next(x for x in seq if str(x.get("id")) == ident)
    return item


def sibling(seq: CommentedSeq, key: str, besides: object = None) -> Any:
    """The value another item of ``seq`` has for ``key``: new values copy its style."""
    return next(
        (
            item[key]
            for item in seq
            if item is not besides and key in item and item[key] is not None
        ),
        None,
    )


def short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return f"“{text if len(text) <= limit else text[: limit - 1] + '…'}”"


def quoted(text: str) -> str:
    return f'"{text}"'


def words(value: str) -> str:
    return value.replace("-", " ") if value else "none"


@dataclass
class Change:
    """What one row changes, said in words, and how to make the change."""

    sheet: str
    row: int
    label: str
    parts: list[str]
    edit: Edit

    def format(self) -> str:
        return f"{self.sheet} row {self.row} ({self.label}): {'; '.join(self.parts)}"


@dataclass
class Row:
    """One row being checked: its cells, with problems recorded against it."""

    work: WorkBase
    sheet: Sheet
    row: SheetRow
    cells: dict[str, str]
    count: int = field(init=False)

    def __post_init__(self) -> None:
        self.count = len(self.work.problems)

    def error(self, column: str | None, message: str) -> None:
        self.work.problems.append(Problem(self.sheet.name, self.row.number, column, message))

    @property
    def ok(self) -> bool:
        return len(self.work.problems) == self.count

    def get(self, heading: str, default: str = "") -> str:
        return self.cells.get(heading, default)

    def valid(self, heading: str, kind: str) -> str:
        """The cell's text if it is a valid ``kind``; else records the problem."""
        text = self.get(heading)
        try:
            ADAPTERS[kind].validate_python(text)
        except ValidationError as exc:
            self.error(heading, str(exc.errors()[0]["msg"]))
        return text

    def when(self, heading: str) -> PartialDate | None:
        text = self.get(heading)
        if not text:
            return None
        try:
            return PartialDate.parse(text)
        except PydanticCustomError as exc:
            self.error(heading, exc.message())
            return None

    def required(self, heading: str, what: str) -> str:
        text = self.get(heading)
        if not text:
            self.error(heading, f"{what} is needed: it cannot be left blank")
        elif len(text) > 2000:
            self.error(heading, "the text is longer than 2000 characters: shorten it")
        return text

    def partners(self, heading: str) -> list[str]:
        out = []
        for name in (n.strip() for n in self.get(heading).replace("\n", ";").split(";")):
            if not name:
                continue
            pid = self.work.ctx.lookup.get(name.casefold())
            if pid is None:
                self.error(
                    heading,
                    f"{quoted(name)} is not a partner — choose one from the drop-down list, or add "
                    "the organisation to organisations.yaml first",
                )
            elif pid not in out:
                out.append(pid)
        return out


class WorkBase:
    """The rows of one workbook checked against one partnership's plan: what every sheet uses."""

    def __init__(self, ctx: Context, book: Book, today: date) -> None:
        self.ctx, self.book, self.today = ctx, book, today
        self.problems: list[Problem] = list(book.problems)
        self.changes: list[Change] = []
        pd = ctx.pd
        self.plan_folder = pd.folder / "plans" / ctx.plan_id
        self.actions_file = self.plan_folder / "actions.yaml"
        self.indicators_file = self.plan_folder / "indicators.yaml"
        self.services_file = pd.folder / "services.yaml"

    def _canon(self, sheet: Sheet, row: SheetRow) -> dict[str, str]:
        """The row's cells in the form the export writes, so that 'In progress', an id in
        place of a name, or 63.0 for 63 are not taken for changes."""
        cells = dict(row.cells)
        for heading, text in cells.items():
            column = sheet.column(heading)
            choices = CHOICES.get((sheet.name, heading))
            if choices and text:
                word = "-".join(text.casefold().split())
                cells[heading] = word if word in choices else text
            elif column.several and text:
                names = [n.strip() for n in text.replace("\n", ";").split(";") if n.strip()]
                found = [self.ctx.lookup.get(n.casefold()) for n in names]
                if all(found):
                    cells[heading] = self.ctx.names(list(dict.fromkeys(f for f in found if f)))
            elif column.number and text:
                with contextlib.suppress(ValueError):  # not a number: reported when checked
                    cells[heading] = number_text(float(text))
        return cells

    def _edited(self, r: Row, key: str, current: dict[str, str]) -> dict[str, str]:
        """The cells of an existing item's row that differ from the data (none if the row
        was left as exported)."""
        diff = {
            h: t
            for h, t in r.cells.items()
            if not r.sheet.column(h).reference and t != current.get(h, "")
        }
        exported = (self.book.fingerprints or {}).get((r.sheet.name, key))
        if exported is None:
            return diff
        if fingerprint(r.row.cells, r.sheet) == exported:
            return {}
        if diff and fingerprint(current, r.sheet) != exported:
            r.error(
                None,
                "this row was edited here, and the data was changed too since the workbook was "
                "exported — export a fresh workbook and make the change there",
            )
            return {}
        return diff

    def _choice(self, r: Row, heading: str) -> str:
        text = r.get(heading)
        choices = CHOICES[(r.sheet.name, heading)]
        if text and text not in choices:
            r.error(
                heading,
                f"{quoted(text)} is not {CHOICE_WORDS[heading]} — choose one of: "
                + ", ".join(choices),
            )
        return text

    def _seen(self, r: Row, seen: dict[str, int], key: str, heading: str) -> bool:
        if key in seen:
            r.error(heading, f"{quoted(key)} is also on row {seen[key]}: give each item one row")
            return True
        seen[key] = r.row.number
        return False
