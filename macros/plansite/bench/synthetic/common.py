"""What every part of the synthetic data set shares: where it is written, the plan's
dates, the word banks of more than one part, and small helpers."""

from __future__ import annotations

import random
import re
import unicodedata
from datetime import date, timedelta
from pathlib import Path

from plansite.model.dates import PartialDate

# The national frameworks, glossary, taxonomy and partner groups are reused from the
# project's own data: they describe national policy, not any organisation.
PROJECT_DATA = Path(__file__).resolve().parents[4] / "data"
REGISTRIES = ("frameworks.yaml", "glossary.yaml", "partner-groups.yaml", "taxonomy.yaml")
MARKER = ".plansite-synthetic"
MAX_PARTNERSHIPS = 99
PLAN_ID = "cjoip-2025-28"
PLAN_END = date(2028, 3, 31)
RELEASE_DAYS = (date(2025, 4, 1), date(2025, 7, 1), date(2025, 10, 1), date(2026, 1, 15))
RELEASE_NOTES = (
    "First publication of the plan.",
    "Quarterly update.",
    "Quarterly update.",
    "Annual review of the plan.",
)
STREETS = ("High Street", "Station Road", "Church Lane", "Mill Road", "Market Square")
# Ofcom keeps these ranges for drama: they will never ring a real person.
PHONES = (
    "01632 960{:03d}",
    "0131 496 0{:03d}",
    "0141 496 0{:03d}",
    "07700 900{:03d}",
    "0808 157 0{:03d}",
)
PATHWAYS = (
    "arrest",
    "prosecution-and-remand",
    "community-disposal",
    "custody",
    "custody-to-community",
)


class SyntheticError(Exception):
    """The data set cannot be written there, or did not come out as it should."""


def slug(text: str) -> str:
    """An id from a name: 'Recovery café — North Kilvarrick' -> 'recovery-cafe-north-…'."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    plain = plain.lower().replace("'", "")
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:80].rstrip("-")


def day_between(rng: random.Random, first: date, last: date) -> date:
    return first + timedelta(days=rng.randint(0, (last - first).days))


def month_of(day: date) -> str:
    return f"{day.year}-{day.month:02d}"


def partial_date(text: str) -> PartialDate:
    return PartialDate.parse(text)


def drama_phone(rng: random.Random) -> str:
    return rng.choice(PHONES).format(rng.randint(0, 999))


def rounded(value: float, unit: str) -> float:
    return round(value, 1) if unit == "per cent" else float(round(value))
