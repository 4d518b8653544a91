"""Tables for download: CSV that spreadsheets show as text, and how figures are labelled
in them (and on the pages that show the same figures)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

from plansite.model.plan import Figure, Measure, Statistic

# A figure of an indicator, or a statistic about the area: both keep the printed text beside
# the reading.
Printed = Figure | Statistic


def bulk_json(value: Any) -> str:
    """A large export as JSON without indentation: read by programs, and written by Python's
    fast encoder, which indentation turns off (for the national directory, seconds)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n"


def period_label(f: Figure) -> str:
    if f.period is not None:
        return str(f.period.words())
    return f.period_raw or "Period not stated"


def value_label(f: Figure, unit: str | None) -> str:
    if f.raw:
        return f.raw
    number = f"{f.value:g}" if f.value is not None else "not stated"
    unit = f.unit or unit
    return f"{number} {unit}" if unit else number


def figure_words(f: Printed, unit: str | None) -> str:
    """A figure as the source printed it, followed by the reading kept for charts where the
    two differ: '63% (read as 63 per cent)'."""
    unit = f.unit or unit
    reading = (f"{f.value:g} {unit}" if unit else f"{f.value:g}") if f.value is not None else None
    # '4,210' and '4210' say the same: the reading is repeated only where it says more.
    if f.raw and reading and f.raw.replace(",", "") != reading:
        return f"{f.raw} (read as {reading})"
    if f.raw and unit and f.value is None:
        return f"{f.raw} ({unit})"
    return f.raw or reading or "not stated"


def period_words(f: Printed) -> str:
    """A figure's period as printed, with the reading used for sorting where they differ."""
    reading = str(f.period.words()) if f.period is not None else None
    if f.period_raw and reading and f.period_raw != reading:
        return f"{f.period_raw} (read as {reading})"
    return f.period_raw or reading or "Period not stated"


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    """A CSV cell that a spreadsheet will show as text, never run as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def csv_text(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([safe_cell(h) for h in header])  # headers can hold a plan's words
    for row in rows:
        writer.writerow([safe_cell(v) for v in row])
    return out.getvalue()


def figures_csv(indicator_title: str, measure: Measure) -> str:
    header = ["Indicator", "Measure", "Period", "Value", "Value as written", "Unit", "Source",
              "Note"]  # fmt: skip
    rows = [
        [indicator_title, measure.text, period_label(f), "" if f.value is None else f"{f.value:g}",
         f.raw or "", f.unit or measure.unit or "", f.source or "", f.note or ""]
        for f in measure.figures
    ]  # fmt: skip
    return csv_text(header, rows)
