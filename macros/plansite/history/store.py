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
from plansite.load.dataset import Dataset, PartnershipData, referenced
from plansite.load.errors import Diagnostic
from plansite.model.plan import ActionsFile, IndicatorsFile, StatisticsFile
from plansite.model.public import private_texts, public_view
from plansite.model.release import (
    PlanSnapshot,
    PublishedRelease,
    Release,
    ReleaseHeader,
    ReleaseSummary,
    Snapshot,
)

RELEASES = "releases"
# The newest release's number, date and checksum, kept beside the releases: the chain of
# checksums shows a missing or changed earlier release, this shows a missing newest one.
LATEST = "latest.json"
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
    names = {k: every[k] for k in referenced(pd) if k in every}
    # A release file is committed and published: it holds only what may be published.
    return public_view(
        Snapshot(
            partnership=pd.partnership,
            plans=plans,
            services=pd.services,
            notes=pd.notes,
            names=dict(sorted(names.items())),
        )
    )


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
    _write_latest(target.parent, number, day.isoformat(), body["checksum"])
    return target


def _write_latest(where: Path, number: int, day: str, digest: str) -> None:
    record = {"number": number, "date": day, "checksum": digest}
    temporary = where / f".{LATEST}.tmp"
    temporary.write_text(json.dumps(record, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    temporary.replace(where / LATEST)


def reseal(folder: Path) -> list[str]:
    """Write a partnership's releases again with only what may be published in them, and
    record the newest one. Each release must first verify as written: resealing never
    launders a changed or missing release. Returns the names of the files that changed."""
    where = folder / RELEASES
    files = sorted(p for p in where.iterdir() if NAME_RE.match(p.name)) if where.is_dir() else []
    rewritten: list[tuple[Path, str]] = []
    old_previous: str | None = None
    new_previous: str | None = None
    for n, path in enumerate(files, 1):
        try:
            body = json.loads(_text(path.read_bytes()))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ValueError(f"{path.name}: the release cannot be read ({exc})") from None
        if not isinstance(body, dict) or body.get("checksum") != checksum(body):
            raise ValueError(f"{path.name}: the release was changed after it was published")
        try:
            _check_link(body, old_previous)
            release = Release.model_validate(body)
            _check_name(release, n, NAME_RE.match(path.name)[2])  # type: ignore[index]
        except (_RefusedError, ValidationError) as exc:
            raise ValueError(f"{path.name}: {exc}") from None
        old_previous = body["checksum"]
        body["snapshot"] = public_view(release.snapshot).model_dump(mode="json", exclude_none=True)
        body["previous"] = new_previous
        body["checksum"] = new_previous = checksum(body)
        text = json.dumps(body, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
        rewritten.append((path, text))
    changed = []
    for path, text in rewritten:
        if path.read_text(encoding="utf-8") != text:
            temporary = path.with_name(f".{path.name}.tmp")
            temporary.write_text(text, encoding="utf-8")
            temporary.replace(path)
            changed.append(path.name)
    if rewritten:
        last = json.loads(rewritten[-1][1])
        _write_latest(where, last["number"], last["date"], last["checksum"])
    return changed


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

    files = sorted(p for p in where.iterdir() if p.is_file() and p.name != LATEST)
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
    for message, hint in _check_latest(where, out.releases):
        problem(LATEST, message, hint)
    return out


def _check_latest(where: Path, found: list[PublishedRelease]) -> list[tuple[str, str]]:
    """Compare the releases found with the record of the newest one."""
    restore = "restore the releases folder from version control"
    path = where / LATEST
    if not path.is_file():
        if not found:
            return []
        return [(
            f"the record of the newest release is missing, so a removed newest release "
            f"would go unnoticed (release {found[-1].number:04d} is the last one found)",
            f"restore {LATEST} from version control; `plansite reseal` writes it again",
        )]  # fmt: skip
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
        number, day, digest = int(record["number"]), str(record["date"]), str(record["checksum"])
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        return [(f"{LATEST} cannot be read as the record of the newest release", restore)]
    last = found[-1] if found else None
    if last is None or number > last.number:
        first = last.number + 1 if last else 1
        which = f"{first:04d}" if first == number else f"{first:04d} to {number:04d}"
        return [(
            f"release {which} is missing: the newest release recorded is number {number:04d} "
            f"of {day} (checksum {digest[:12]}…)",
            restore,
        )]  # fmt: skip
    if number < last.number:
        return [(
            f"release {last.number:04d} is not the newest one recorded ({number:04d} of {day}): "
            "releases are only written by `plansite release`",
            restore,
        )]  # fmt: skip
    if digest != last.checksum or day != last.date.isoformat():
        return [(f"the newest release, {number:04d}, was replaced after it was published", restore)]
    return []


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
    if kept_back := private_texts(release.snapshot):
        raise _RefusedError(
            f"the release holds {len(kept_back)} value(s) marked not public, and release "
            "files are committed and published",
            "run `plansite reseal PARTNERSHIP` to write the releases again without them",
        )
    keys = published_keys(body["snapshot"])
    published = _published(release, frozenset(keys), path, digest)
    published.__dict__["snapshot"] = release.snapshot  # validated already: keep it for its users
    cache.remember_snapshot(digest, release.snapshot)
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


class KeptRelease(PublishedRelease):
    """A published release whose snapshot, when first used, is read from the cache where an
    earlier use kept it (see ``cache.recall_snapshot``), or else validated and kept. Its
    file is read either way: one changed since it was checked is refused."""

    def validated(self, raw: bytes) -> Snapshot:
        kept = cache.recall_snapshot(self.digest)
        if isinstance(kept, Snapshot):
            return kept
        read = super().validated(raw)
        cache.remember_snapshot(self.digest, read)
        return read


def _published(
    header: Release | ReleaseSummary, items: frozenset[tuple[str, str]], path: Path, digest: str
) -> PublishedRelease:
    return KeptRelease(
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
