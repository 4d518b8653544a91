"""Writing and reading release files, and checking that none was changed or removed."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Protocol

from pydantic import ValidationError

from plansite.history import cache
from plansite.history.log import published_keys
from plansite.load.errors import Diagnostic
from plansite.model.dataset import Dataset, PartnershipData
from plansite.model.plan import ActionsFile, IndicatorsFile, StatisticsFile
from plansite.model.release import (
    PlanSnapshot,
    PublishedRelease,
    Release,
    ReleaseHeader,
    ReleaseSummary,
    Snapshot,
)

RELEASES = "releases"
NAME_RE = re.compile(r"^(\d{4})-(\d{4}-\d{2}-\d{2})\.json$")
MAX_BYTES = 20_000_000


def canonical(body: dict[str, Any]) -> bytes:
    return json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def checksum(body: dict[str, Any]) -> str:
    return hashlib.sha256(canonical({k: v for k, v in body.items() if k != "checksum"})).hexdigest()


def file_name(number: int, day: date) -> str:
    return f"{number:04d}-{day.isoformat()}.json"


def snapshot(data: Dataset, pd: PartnershipData) -> Snapshot:
    """The partnership's data as it stands, ready to be published as a release."""
    plans = {
        pid: PlanSnapshot(
            plan=p.plan,
            actions=ActionsFile(actions=p.actions),
            indicators=IndicatorsFile(indicators=p.indicators),
            participation=p.participation,
            statistics=StatisticsFile(statistics=p.statistics),
        )
        for pid, p in sorted(pd.plans.items())
    }
    every = {k: v.name for k, v in data.organisations.items()}
    every.update({k: v.name for k, v in data.groups.items()})
    names = {k: every[k] for k in _referenced(pd) if k in every}
    return Snapshot(
        partnership=pd.partnership,
        plans=plans,
        services=pd.services,
        notes=pd.notes,
        names=dict(sorted(names.items())),
    )


def _referenced(pd: PartnershipData) -> set[str]:
    """Ids of every organisation and partner group this partnership's data names."""
    p = pd.partnership
    ids = {m.organisation for m in p.memberships} | ({p.local_authority} - {None})
    for plan in pd.plans.values():
        for a in plan.actions:
            ids.update(a.leads, a.partners)
        for e in plan.engagements:
            ids.update(e.organisations)
    for s in pd.services:
        ids.update(pr.organisation for pr in s.providers)
        ids.update(f for fund in s.funding for f in fund.funders)
    return {i for i in ids if i}


class _Previous(Protocol):
    """What a new release needs of the one before it."""

    @property
    def date(self) -> date: ...
    @property
    def checksum(self) -> str: ...


def write_release(
    folder: Path, previous: Sequence[_Previous], snap: Snapshot, day: date, note: str | None
) -> Path:
    """Append a release; earlier files are never touched."""
    if previous and day < previous[-1].date:
        raise ValueError(f"the release date {day} is before the last release ({previous[-1].date})")
    number = len(previous) + 1
    body: dict[str, Any] = {
        "format": 1,
        "number": number,
        "date": day.isoformat(),
        "note": note,
        "previous": previous[-1].checksum if previous else None,
        "snapshot": snap.model_dump(mode="json", exclude_none=True),
    }
    body["checksum"] = checksum(body)
    target = folder / RELEASES / file_name(number, day)
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("x", encoding="utf-8") as out:  # never overwrite
        out.write(json.dumps(body, indent=1, sort_keys=True, ensure_ascii=False) + "\n")
    return target


@dataclass
class Loaded:
    releases: list[PublishedRelease]
    problems: list[Diagnostic]


class _RefusedError(Exception):
    """A release file failed verification; the message and hint say why."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message, self.hint = message, hint


def read_releases(folder: Path, rel: str) -> Loaded:
    """Read and verify a partnership's releases: names, checksums, and the chain."""
    out = Loaded([], [])
    where = folder / RELEASES
    if not where.is_dir():
        return out

    def problem(name: str, message: str, hint: str = "") -> None:
        out.problems.append(
            Diagnostic("release-tampered", f"{rel}/{RELEASES}/{name}", 1, 1, "", message, hint)
        )

    files = sorted(p for p in where.iterdir() if p.is_file())
    expected_previous: str | None = None
    for n, path in enumerate(files, 1):
        match = NAME_RE.match(path.name)
        if not match:
            problem(
                path.name,
                "this is not a release file written by `plansite release`",
                "remove it; releases are only written by `plansite release`",
            )
            continue
        try:
            release = _verify(path, n, match[2], expected_previous)
        except _RefusedError as refused:
            problem(path.name, refused.message, refused.hint)
            return out
        out.releases.append(release)
        expected_previous = release.checksum
    return out


def _verify(path: Path, n: int, day: str, expected_previous: str | None) -> PublishedRelease:
    """Release number ``n``, written on ``day``, checked as the next link of the chain."""
    if int(path.name[:4]) != n:
        raise _RefusedError(
            f"expected release number {n:04d} here: a release before it is missing",
            "restore the missing release from version control",
        )
    if path.stat().st_size > MAX_BYTES:
        raise _RefusedError("the release file is too large to be one")
    raw = path.read_bytes()
    digest = hashlib.sha256(raw).hexdigest()
    facts = cache.recall(digest)
    if facts is not None:
        try:
            return _from_facts(facts, path, digest, n, day, expected_previous)
        except _RefusedError:
            pass  # say only what the file itself shows, whatever the cache held
    release, facts = _from_file(raw, path, digest, n, day, expected_previous)
    cache.remember(digest, facts)
    return release


def _from_file(
    raw: bytes, path: Path, digest: str, n: int, day: str, expected: str | None
) -> tuple[PublishedRelease, dict[str, Any]]:
    """Verify a release file in full (JSON, checksum, link, data format, name); return it
    with the facts that let ``_from_facts`` rebuild it without reading the file again."""
    try:
        body = json.loads(_text(raw))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise _RefusedError(
            f"the release cannot be read ({exc})", "restore the file from version control"
        ) from None
    if not isinstance(body, dict) or body.get("checksum") != checksum(body):
        raise _RefusedError(
            "the release was changed after it was published",
            "restore the file from version control; record corrections in a new release",
        )
    _check_link(body, expected)
    try:
        release = Release.model_validate(body)
    except ValidationError as exc:
        raise _RefusedError(
            f"the release does not match the data format: {exc.errors()[0]['msg']}"
        ) from None
    _check_name(release, n, day)
    keys = published_keys(body["snapshot"])
    published = _published(release, frozenset(keys), path, digest)
    published.__dict__["snapshot"] = release.snapshot  # validated already: keep it for its users
    header = {k: v for k, v in body.items() if k != "snapshot"}
    header["snapshot"] = {"notes": body["snapshot"]["notes"]}
    return published, {"header": header, "items": sorted([list(key) for key in keys])}


def _from_facts(
    facts: dict[str, Any], path: Path, digest: str, n: int, day: str, expected: str | None
) -> PublishedRelease:
    """The release as an earlier verification of these very bytes, by this same code,
    established it."""
    _check_link(facts["header"], expected)
    try:
        summary = ReleaseSummary.model_validate(facts["header"])
    except ValidationError:
        raise _RefusedError("the remembered verification does not fit the model") from None
    _check_name(summary, n, day)
    items = frozenset((kind, ident) for kind, ident in facts["items"])
    return _published(summary, items, path, digest)


def _text(raw: bytes) -> str:
    """The file as ``Path.read_text`` reads it, so that error positions stay the same."""
    text = raw.decode("utf-8")
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def _check_link(header: dict[str, Any], expected: str | None) -> None:
    if header.get("previous") != expected:
        raise _RefusedError(
            "the release before this one was changed or replaced",
            "restore the earlier releases from version control",
        )


def _check_name(header: ReleaseHeader, n: int, day: str) -> None:
    if header.number != n or header.date.isoformat() != day:
        raise _RefusedError("the file name does not match the release it holds")


def _published(
    header: Release | ReleaseSummary, items: frozenset[tuple[str, str]], path: Path, digest: str
) -> PublishedRelease:
    return PublishedRelease(
        number=header.number,
        date=header.date,
        note=header.note,
        previous=header.previous,
        checksum=header.checksum,
        notes=header.snapshot.notes,
        items=items,
        path=path,
        digest=digest,
    )


def check_notes_kept(
    current: list[Any], releases: list[PublishedRelease], rel: str, locate: Any
) -> list[Diagnostic]:
    """A change note that was published may not be edited or deleted afterwards."""
    if not releases:
        return []
    problems = []
    now = {n.id: n for n in current}
    for note in releases[-1].notes:
        kept = now.get(note.id)
        if kept is None:
            problems.append(
                Diagnostic(
                    "release-tampered",
                    f"{rel}/changes.yaml",
                    1,
                    1,
                    "notes",
                    f"change note {note.id!r} was published in release {releases[-1].number} "
                    "and has been deleted",
                    "put it back; add a new note to correct it",
                )
            )
        elif kept.model_dump() != note.model_dump():
            line, col = locate(note.id)
            problems.append(
                Diagnostic(
                    "release-tampered",
                    f"{rel}/changes.yaml",
                    line,
                    col,
                    "notes",
                    f"change note {note.id!r} was published in release {releases[-1].number} "
                    "and has been edited",
                    "restore its published wording; add a new note instead",
                )
            )
    return problems
