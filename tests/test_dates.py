"""Partial and relative dates."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic_core import PydanticCustomError

from plansite.model.dates import PartialDate, parse_day


@pytest.mark.parametrize(
    ("text", "precision", "first", "last"),
    [
        ("2017", "year", date(2017, 1, 1), date(2017, 12, 31)),
        ("2017-02", "month", date(2017, 2, 1), date(2017, 2, 28)),
        ("2016-02", "month", date(2016, 2, 1), date(2016, 2, 29)),
        ("2017-06-14", "day", date(2017, 6, 14), date(2017, 6, 14)),
        ("2017/18", "financial-year", date(2017, 4, 1), date(2018, 3, 31)),
        ("1999/00", "financial-year", date(1999, 4, 1), date(2000, 3, 31)),
        ("ongoing", "ongoing", None, None),
    ],
)
def test_forms(text: str, precision: str, first: date | None, last: date | None) -> None:
    d = PartialDate.parse(text)
    assert (d.precision, d.first, d.last, d.text) == (precision, first, last, text)


@pytest.mark.parametrize(
    "text", ["2017-02-30", "2017-13", "2017/19", "Sept 2017", "Nov 2106x", "", "year one"]
)
def test_impossible_or_unknown_forms_are_refused(text: str) -> None:
    with pytest.raises(PydanticCustomError) as err:
        PartialDate.parse(text)
    assert err.value.type == "date-invalid"
    assert repr(text) in str(err.value)


def test_plan_years_resolve_through_the_plan_map() -> None:
    year2 = PartialDate.parse("year 2")
    assert year2.first is None
    resolved = year2.resolved({2: PartialDate.parse("2018/19")})
    assert resolved is not None
    assert (resolved.first, resolved.last) == (date(2018, 4, 1), date(2019, 3, 31))
    assert year2.resolved({1: PartialDate.parse("2017/18")}) is None


def test_days_must_exist() -> None:
    assert parse_day("2016-02-29") == date(2016, 2, 29)
    with pytest.raises(PydanticCustomError):
        parse_day("2017-02-29")
