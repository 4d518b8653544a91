"""An annual report's figures as open data: a CSV of the indicator figures of the year, and
JSON of everything the report counts, so anyone can check the report against the data."""

from __future__ import annotations

import json
from typing import Any

from plansite.exports.tables import csv_text, period_label, value_label
from plansite.index.reports import OutcomeYear, YearInFigures


def report_csv(year: YearInFigures) -> str:
    rows = [
        [o.name, r.indicator.title, r.measure.text, period_label(r.figure),
         r.figure.value if r.figure.value is not None else "", r.figure.raw or "",
         value_label(r.figure, r.measure.unit), r.figure.source or ""]
        for o in year.outcomes
        for r in o.figures
    ]  # fmt: skip
    header = ["Outcome", "Indicator", "Measure", "Period", "Value", "As written", "Shown as",
              "Source"]  # fmt: skip
    return csv_text(header, rows)


def report_json(partnership: str, year: YearInFigures) -> str:
    def outcome(o: OutcomeYear) -> dict[str, Any]:
        return {
            "outcome": o.node.id if o.node else None,
            "name": o.name,
            "completed": [a.id for a in o.completed],
            "delayed": [a.id for a in o.delayed],
            "started": [a.id for a in o.started],
            "updates": [
                {
                    "action": p.action.id,
                    "date": p.update.date.text,
                    "status": p.update.status,
                    "status_raw": p.update.status_raw,
                    "note": p.update.note,
                }
                for p in o.updates
            ],
            "figures": [
                {
                    "indicator": r.indicator.id,
                    "measure": r.measure.id,
                    "period": period_label(r.figure),
                    "value": r.figure.value,
                    "raw": r.figure.raw,
                    "unit": r.measure.unit,
                }
                for r in o.figures
            ],
        }

    body = {
        "partnership": partnership,
        "year": year.year.slug,
        "from": year.year.first.isoformat(),
        "to": year.year.last.isoformat(),
        "totals": {
            what: year.count(what)
            for what in ("updates", "completed", "delayed", "started", "figures")
        },
        "outcomes": [outcome(o) for o in year.outcomes],
    }
    return json.dumps(body, indent=1, ensure_ascii=False) + "\n"
