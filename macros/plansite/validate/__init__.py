"""Check a data folder: read and validate every file, resolve references, then advise."""

from __future__ import annotations

from pathlib import Path

from plansite.load.loader import load
from plansite.validate.advise import advise
from plansite.validate.report import Report
from plansite.validate.resolve import check_dataset


def check(root: Path) -> Report:
    data, problems = load(root)
    problems += check_dataset(data)
    problems += advise(data)
    problems.sort(key=lambda d: (d.severity != "error", d.file, d.line, d.column, d.code))
    return Report(data, problems)
