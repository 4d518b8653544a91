"""Partial and relative dates as real plans write them.

Plans say "2017/18", "Dec 2017", "Year 1" or "ongoing". Each is kept as written and turned
into the first and last day it can mean, so the site can sort and filter on it. Relative
years ("year 2") only mean something once the plan says when each year falls.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from pydantic_core import PydanticCustomError

_FORMS = "YYYY, YYYY-MM, YYYY-MM-DD, a financial year such as 2017/18, 'year N' or 'ongoing'"


def parse_day(text: str) -> date:
    """A full date written YYYY-MM-DD that exists in the calendar."""
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text)
    if not match:
        raise PydanticCustomError(
            "date-invalid",
            "expected a date written YYYY-MM-DD, found {found}",
            {"found": repr(text)},
        )
    return _make_day(text, *(int(g) for g in match.groups()))


def _make_day(text: str, year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise PydanticCustomError(
            "date-invalid",
            "{found} is not a date that exists in the calendar",
            {"found": repr(text)},
        ) from None


@dataclass(frozen=True)
class PartialDate:
    """A date known to a year, month, day, financial year, plan year, or 'ongoing'."""

    text: str
    precision: str  # day | month | year | financial-year | plan-year | ongoing
    first: date | None  # None for plan years until resolved, and for 'ongoing'
    last: date | None
    plan_year: int | None = None

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        t = text.strip()
        if t == "ongoing":
            return cls(t, "ongoing", None, None)
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", t):
            d = _make_day(t, *(int(g) for g in m.groups()))
            return cls(t, "day", d, d)
        if m := re.fullmatch(r"(\d{4})-(\d{2})", t):
            year, month = int(m[1]), int(m[2])
            if not 1 <= month <= 12:
                raise PydanticCustomError(
                    "date-invalid",
                    "{found} has no month {month}",
                    {"found": repr(t), "month": month},
                )
            end = calendar.monthrange(year, month)[1]
            return cls(t, "month", date(year, month, 1), date(year, month, end))
        if re.fullmatch(r"\d{4}", t):
            year = int(t)
            return cls(t, "year", date(year, 1, 1), date(year, 12, 31))
        if m := re.fullmatch(r"(\d{4})/(\d{2})", t):
            year = int(m[1])
            if int(m[2]) != (year + 1) % 100:
                raise PydanticCustomError(
                    "date-invalid",
                    "a financial year runs into the next year, so expected {good}, found {found}",
                    {"good": repr(f"{year}/{(year + 1) % 100:02d}"), "found": repr(t)},
                )
            return cls(t, "financial-year", date(year, 4, 1), date(year + 1, 3, 31))
        if m := re.fullmatch(r"year (\d{1,2})", t):
            return cls(t, "plan-year", None, None, plan_year=int(m[1]))
        raise PydanticCustomError(
            "date-invalid", "expected {forms}, found {found}", {"forms": _FORMS, "found": repr(t)}
        )

    def resolved(self, years: dict[int, PartialDate]) -> PartialDate | None:
        """This date with a plan year replaced by the span the plan gives it (None if unknown)."""
        if self.plan_year is None:
            return self
        span = years.get(self.plan_year)
        if span is None:
            return None
        return PartialDate(self.text, "plan-year", span.first, span.last, self.plan_year)

    def words(self) -> str:
        """The date as a reader would say it: '14 June 2017', 'June 2017', 'Year 2'."""
        if self.precision == "ongoing":
            return "ongoing"
        if self.precision == "plan-year":
            return f"Year {self.plan_year}"
        if self.first and self.precision == "day":
            return f"{self.first.day} {calendar.month_name[self.first.month]} {self.first.year}"
        if self.first and self.precision == "month":
            return f"{calendar.month_name[self.first.month]} {self.first.year}"
        return self.text

    def __str__(self) -> str:
        return self.text
