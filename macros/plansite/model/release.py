"""Releases: what a partnership published, kept as snapshots that are never edited.

``plansite release`` writes ``data/partnerships/<id>/releases/<number>-<date>.json``. Each
file holds the partnership's validated data as it was published, the names of the
organisations it referred to, and a checksum of itself and of the release before it, so an
edited, removed or reordered release is noticed.
"""

from __future__ import annotations

import datetime
import hashlib
import json
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

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


class ReleaseHeader(Strict):
    """Everything in a release file but its snapshot."""

    format: int = RELEASE_FORMAT
    number: int = Field(ge=1)
    date: Day
    note: PlainText | None = None
    previous: str | None = Field(None, description="Checksum of the release before this one.")
    checksum: str = Field(description="SHA-256 of this release without this field.")


class Release(ReleaseHeader):
    """A release file, as written."""

    snapshot: Snapshot

    def body(self) -> dict[str, Any]:
        """The release as written, without its checksum (the part the checksum covers)."""
        return self.model_dump(mode="json", exclude={"checksum"})


class PublishedNotes(BaseModel):
    """The part of a snapshot that checking the current data needs: its change notes."""

    model_config = ConfigDict(extra="ignore")
    notes: list[ChangeNote]


class ReleaseSummary(ReleaseHeader):
    """A release file read for checking: the header and the published change notes."""

    snapshot: PublishedNotes


class ReleaseFormatError(ValueError):
    """A verified release no longer matches the data format (or changed after checking)."""


@dataclass(eq=False)
class PublishedRelease:
    """A release whose file was verified: its name, place in the chain, checksum and data.

    Checking the current data needs only its header, its change notes and the ids it
    published. The whole snapshot, which only a site's change log reads, is kept when the
    file was verified in full, and otherwise read and validated again on first use.
    """

    number: int
    date: datetime.date
    note: str | None
    previous: str | None
    checksum: str
    notes: list[ChangeNote]
    items: frozenset[tuple[str, str]]  # (kind, id) of every item it published
    path: Path
    digest: str  # SHA-256 of the file as verified

    def forget_snapshot(self) -> None:
        """Let the snapshot go, if it was read: it is read again when next used."""
        self.__dict__.pop("snapshot", None)

    def __getstate__(self) -> dict[str, object]:
        """Kept without its snapshot, which is read again from the file when it is used."""
        return {k: v for k, v in self.__dict__.items() if k != "snapshot"}

    @cached_property
    def snapshot(self) -> Snapshot:
        raw = self.path.read_bytes()
        if hashlib.sha256(raw).hexdigest() != self.digest:
            raise ReleaseFormatError(f"{self.path}: the release file changed after it was checked")
        return self.validated(raw)

    def validated(self, raw: bytes) -> Snapshot:
        """The snapshot of the file's bytes ``raw``, which are the bytes verified."""
        try:
            return Snapshot.model_validate(json.loads(raw.decode("utf-8"))["snapshot"])
        except ValidationError as exc:
            raise ReleaseFormatError(
                f"{self.path}: the release does not match the data format: "
                f"{exc.errors()[0]['msg']} (at {'.'.join(map(str, exc.errors()[0]['loc']))})"
            ) from None
