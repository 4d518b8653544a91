"""Releases: what a partnership published, kept as snapshots that are never edited.

``plansite release`` writes ``data/partnerships/<id>/releases/<number>-<date>.json``. Each
file holds the partnership's validated data as it was published, the names of the
organisations it referred to, and a checksum of itself and of the release before it, so an
edited, removed or reordered release is noticed.
"""

from __future__ import annotations

from typing import Any

from pydantic import Field

from plansite.model.changes import ChangeNote
from plansite.model.common import Day, PlainText, Strict
from plansite.model.partnership import Partnership
from plansite.model.plan import (
    ActionsFile,
    IndicatorsFile,
    ParticipationFile,
    PlanFile,
    StatisticsFile,
)
from plansite.model.service import Service

RELEASE_FORMAT = 1


class PlanSnapshot(Strict):
    plan: PlanFile
    actions: ActionsFile
    indicators: IndicatorsFile
    participation: ParticipationFile
    statistics: StatisticsFile


class Snapshot(Strict):
    """A partnership's data as published."""

    partnership: Partnership
    plans: dict[str, PlanSnapshot]
    services: list[Service]
    notes: list[ChangeNote]
    # Names of every organisation and partner group the data refers to, so the log can
    # say "lead changed from X to Y" even after X has left the registry.
    names: dict[str, str]


class Release(Strict):
    format: int = RELEASE_FORMAT
    number: int = Field(ge=1)
    date: Day
    note: PlainText | None = None
    previous: str | None = Field(None, description="Checksum of the release before this one.")
    checksum: str = Field(description="SHA-256 of this release without this field.")
    snapshot: Snapshot

    def body(self) -> dict[str, Any]:
        """The release as written, without its checksum (the part the checksum covers)."""
        return self.model_dump(mode="json", exclude={"checksum"})
