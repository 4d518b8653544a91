"""The sheets of the workbook and their columns, shared by the export and the import.

Headings are the interface: a CSV is matched to a sheet by them, and every error names one,
so they are plain English and never change lightly.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import get_args

from plansite.model.plan import ActionStatus
from plansite.model.service import ServiceKind, ServiceStatus

FORMAT = 1  # bumped if a workbook written before can no longer be read back
SEPARATOR = "; "  # between several partners in one cell

ACTIONS = "Actions"
INDICATORS = "Indicators"
SERVICES = "Services"
HOW_TO = "How to use this workbook"
LISTS = "Lists"
EXPORTED = "Exported"  # hidden: which data the workbook came from, and each row as exported


@dataclass(frozen=True)
class Column:
    heading: str
    width: int
    about: str
    key: bool = False  # identifies the row: locked on rows that came from the data
    reference: bool = False  # shown for context only, never read back
    choices: str | None = None  # the list on the Lists sheet its drop-down offers
    several: bool = False  # may hold several choices separated by semicolons
    number: bool = False


@dataclass(frozen=True)
class Sheet:
    name: str
    about: str
    columns: tuple[Column, ...]

    @property
    def headings(self) -> list[str]:
        return [c.heading for c in self.columns]

    @property
    def keys(self) -> list[str]:
        return [c.heading for c in self.columns if c.key]

    def column(self, heading: str) -> Column:
        return next(c for c in self.columns if c.heading == heading)

    def editable(self) -> list[str]:
        return [c.heading for c in self.columns if not c.reference]


# The drop-down lists, in the order of their columns on the Lists sheet.
STATIC_LISTS: dict[str, tuple[str, ...]] = {
    "Action statuses": get_args(ActionStatus),
    "Service statuses": get_args(ServiceStatus),
    "Service kinds": get_args(ServiceKind),
}
LIST_NAMES = (*STATIC_LISTS, "Partners", "Outcomes", "Indicators", "Measures")

SHEETS: tuple[Sheet, ...] = (
    Sheet(
        ACTIONS,
        "One row per action of the plan.",
        (
            Column(
                "Action id",
                16,
                "The action's permanent id. Leave it blank on a new row and one is made for you.",
                key=True,
            ),
            Column("Number", 9, "The plan's own numbering, e.g. 2.1 (optional)."),
            Column(
                "Outcome id",
                20,
                "The outcome (or priority, or theme) the action sits under: pick it from the list.",
                choices="Outcomes",
            ),
            Column(
                "Outcome title", 30, "The title of that outcome, for reference.", reference=True
            ),
            Column("Action", 60, "What will be done, in the plan's words."),
            Column(
                "Leads",
                30,
                "Who leads it: pick a partner from the list; separate several with semicolons.",
                choices="Partners",
                several=True,
            ),
            Column(
                "Supporting partners",
                30,
                "Who else takes part, in the same way as Leads.",
                choices="Partners",
                several=True,
            ),
            Column(
                "Due by",
                12,
                "When it is due: 2025-03-31, 2025-03, 2025/26, year 2 or ongoing.",
            ),
            Column("Timescale as written", 20, "The timescale in the plan's own words (optional)."),
            Column(
                "Status",
                14,
                "Where the action stands: pick it from the list.",
                choices="Action statuses",
            ),
            Column(
                "Latest progress",
                50,
                "The latest progress update. Write a new one (with its date) to add an update; "
                "earlier updates are kept.",
            ),
            Column("Progress date", 13, "The date of that update, written YYYY-MM-DD."),
        ),
    ),
    Sheet(
        INDICATORS,
        "One row per figure: a baseline, a target or an observed value of a measure.",
        (
            Column(
                "Indicator id",
                20,
                "The indicator the figure belongs to: pick it from the list.",
                key=True,
                choices="Indicators",
            ),
            Column("Indicator", 30, "The indicator's title, for reference.", reference=True),
            Column(
                "Measure id",
                12,
                "The indicator's measure the figure is for: pick it from the list.",
                key=True,
                choices="Measures",
            ),
            Column("Measure", 40, "What the measure counts, for reference.", reference=True),
            Column(
                "Figure",
                10,
                "baseline, target, or the number of an observed figure. Leave it blank on a "
                "new row to add a new observed figure.",
                key=True,
            ),
            Column("Period", 12, "The period the figure is for: 2024/25, 2024, 2024-06 …"),
            Column("Value", 10, "The figure as a plain number, e.g. 63 or 4.5.", number=True),
            Column("Unit", 12, "What the number counts, e.g. per cent (optional)."),
            Column(
                "As written",
                30,
                "The figure in words, if a number alone does not say it. Change or clear it when "
                "you change the Value.",
            ),
            Column("Note", 40, "Anything a reader should know about the figure (optional)."),
            Column("Source", 25, "Where the figure comes from (optional)."),
        ),
    ),
    Sheet(
        SERVICES,
        "One row per service in the partnership's directory.",
        (
            Column(
                "Service id",
                24,
                "The service's permanent id. Leave it blank on a new row and one is made from "
                "its name.",
                key=True,
            ),
            Column("Name", 30, "The service's name."),
            Column(
                "Kind",
                12,
                "What sort of thing it is: pick it from the list.",
                choices="Service kinds",
            ),
            Column("Summary", 50, "What it offers, in plain words."),
            Column(
                "Provided by",
                30,
                "Who provides it: pick a partner from the list; separate several with semicolons.",
                choices="Partners",
                several=True,
            ),
            Column("Phone", 16, "A phone number, digits and spaces, e.g. 01234 567890."),
            Column("Email", 26, "An email address."),
            Column("Website", 30, "A web address starting with https://."),
            Column("Address", 30, "Where to find it."),
            Column(
                "Status",
                12,
                "Whether it is running: pick it from the list.",
                choices="Service statuses",
            ),
            Column("Status since", 13, "When it took that status, e.g. 2025-03 or 2025-03-01."),
        ),
    ),
)
SHEET = {s.name: s for s in SHEETS}


def cell_text(value: object) -> str:
    """A cell's value as the text it stands for: what export wrote, whatever the app did to it."""
    if value is None:
        return ""
    if isinstance(value, bool):  # before int: bool is an int
        return "true" if value else "false"
    if isinstance(value, datetime):
        return (
            value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
        )
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int | float):
        return number_text(float(value))
    return str(value).replace("\r\n", "\n").strip()


def number_text(value: float) -> str:
    """12.0 as '12', 4.5 as '4.5': never exponent notation, which a reader would not expect."""
    if value.is_integer():
        return str(int(value))
    return format(value, "f").rstrip("0") if "e" in repr(value) else repr(value)


def fingerprint(values: Mapping[str, str], sheet: Sheet) -> str:
    """A short digest of a row's editable values, to tell later whether someone edited it."""
    body = [values.get(h, "") for h in sheet.editable()]
    return hashlib.sha256(json.dumps(body, ensure_ascii=False).encode()).hexdigest()[:16]
