"""Releases are verified once, remembered by the hash of their bytes, and read in full only
when a site needs their snapshots."""

from __future__ import annotations

import gc
import json
import pickle
import tempfile
from pathlib import Path
from typing import Any

import pytest

from plansite.history import cache, store
from plansite.history.log import items, published_keys
from plansite.model.release import Release, ReleaseFormatError, Snapshot
from plansite.validate import check
from plansite.validate.report import Report
from tests.conftest import MINIMAL, SHIPPED, copy_minimal, edit

RELEASE = "partnerships/sample/releases/0001-2017-05-01.json"


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(cache.ENV, str(folder))
    return folder


def outcome(report: Report) -> list[Any]:
    """Everything a check established, releases included."""
    releases = [
        (pid, r.number, r.date, r.note, r.previous, r.checksum, sorted(r.items), r.notes)
        for pid, pd in sorted(report.data.partnerships.items())
        for r in pd.releases
    ]
    return [[d.format() for d in report.problems], releases]


def entries(folder: Path) -> list[Path]:
    return sorted((folder / "releases").glob("*.json"))


def never_read_in_full(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object) -> None:
        raise AssertionError("a remembered release was read in full")

    monkeypatch.setattr(store, "_from_file", refuse)


def test_a_remembered_check_reports_exactly_what_a_fresh_one_does(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(cache.ENV, "off")
    fresh = outcome(check(SHIPPED))
    assert not cache_dir.exists()
    monkeypatch.setenv(cache.ENV, str(cache_dir))
    assert outcome(check(SHIPPED)) == fresh
    assert len(entries(cache_dir)) == len(list(SHIPPED.glob("partnerships/*/releases/0*.json")))
    never_read_in_full(monkeypatch)
    assert outcome(check(SHIPPED)) == fresh


def test_the_cache_folder_follows_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(cache.ENV, "off")
    assert cache.folder() is None
    monkeypatch.setenv(cache.ENV, str(tmp_path / "mine"))
    assert cache.folder() == tmp_path / "mine"
    monkeypatch.delenv(cache.ENV)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.folder() == tmp_path / "xdg" / "plansite"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache.folder() == tmp_path / "home" / ".cache" / "plansite"


@pytest.mark.parametrize(
    "damage",
    [
        "{",
        "[]",
        json.dumps({"format": cache.FORMAT, "facts": {"header": "no", "items": []}}),
        json.dumps({"format": cache.FORMAT, "facts": {"header": {}, "items": [["a"]]}}),
    ],
)
def test_an_unreadable_or_misshapen_entry_is_ignored_and_written_again(
    damage: str, cache_dir: Path
) -> None:
    fresh = outcome(check(SHIPPED))
    for entry in entries(cache_dir):
        entry.write_text(damage, encoding="utf-8")
    assert outcome(check(SHIPPED)) == fresh
    for entry in entries(cache_dir):
        written = json.loads(entry.read_text(encoding="utf-8"))
        assert written["format"] == cache.FORMAT and cache.well_formed(written["facts"])
    assert not list((cache_dir / "releases").glob(".*.tmp"))


def test_what_an_entry_says_cannot_change_a_diagnostic(cache_dir: Path, minimal: Path) -> None:
    fresh = outcome(check(minimal))
    for entry in entries(cache_dir):
        written = json.loads(entry.read_text(encoding="utf-8"))
        written["facts"]["header"]["number"] = 7
        written["facts"]["header"]["previous"] = "0" * 64
        entry.write_text(json.dumps(written), encoding="utf-8")
    assert outcome(check(minimal)) == fresh


def test_an_edited_release_is_verified_afresh(cache_dir: Path, minimal: Path) -> None:
    assert not check(minimal).errors
    edit(minimal, RELEASE, "Help for families", "Help for all families")
    (problem,) = check(minimal).errors
    assert (problem.code, problem.file) == ("release-tampered", f"data/{RELEASE}")
    assert problem.message == "the release was changed after it was published"


def test_a_changed_model_verifies_every_release_again(
    cache_dir: Path, minimal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    check(minimal)
    assert cache.recall(entries(cache_dir)[0].stem) is not None
    monkeypatch.setattr(cache, "code_fingerprint", lambda: "another model")
    assert cache.recall(entries(cache_dir)[0].stem) is None


def test_the_ids_a_release_published_are_the_keys_of_its_items() -> None:
    for path in sorted(SHIPPED.glob("partnerships/*/releases/0*.json")):
        body = json.loads(path.read_text(encoding="utf-8"))
        snapshot = Release.model_validate(body).snapshot
        assert published_keys(body["snapshot"]) == set(items(snapshot)), path


def test_a_remembered_snapshot_is_read_on_first_use(
    cache_dir: Path, minimal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    check(minimal)
    never_read_in_full(monkeypatch)
    (release,) = check(minimal).data.partnerships["sample"].releases
    assert "snapshot" not in release.__dict__
    body = json.loads((minimal / RELEASE).read_text(encoding="utf-8"))
    assert release.snapshot == Release.model_validate(body).snapshot


def test_a_release_changed_after_checking_is_refused_when_used(
    cache_dir: Path, minimal: Path
) -> None:
    (release,) = check(minimal).data.partnerships["sample"].releases
    release.__dict__.pop("snapshot", None)
    path = minimal / RELEASE
    path.write_bytes(path.read_bytes() + b"\n")
    with pytest.raises(ReleaseFormatError, match="changed after it was checked"):
        _ = release.snapshot


def test_checking_leaves_the_garbage_collector_as_it_was() -> None:
    assert gc.isenabled()
    check(MINIMAL)
    assert gc.isenabled()
    gc.disable()
    try:
        check(MINIMAL)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_cache_that_cannot_be_written_is_no_obstacle(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv(cache.ENV, str(blocker / "cache"))
    data = copy_minimal(tmp_path)
    assert not check(data).errors


def test_the_suite_keeps_its_cache_in_its_own_folder(own_cache_folder: Path) -> None:
    """No test reads facts another run left in the user's cache, or leaves any there."""
    assert cache.folder() == own_cache_folder
    assert str(own_cache_folder).startswith(tempfile.gettempdir())


def snapshot_used_without_validating(minimal: Path, monkeypatch: pytest.MonkeyPatch) -> bool:
    """Whether the release's snapshot, not yet used in a fresh check, is had without being
    validated again."""
    (release,) = check(minimal).data.partnerships["sample"].releases
    assert "snapshot" not in release.__dict__
    validated: list[object] = []
    real = Snapshot.model_validate

    def counted(*args: Any, **kwargs: Any) -> Snapshot:
        validated.append(args)
        return real(*args, **kwargs)

    with monkeypatch.context() as m:
        m.setattr(Snapshot, "model_validate", counted)
        body = json.loads((minimal / RELEASE).read_text(encoding="utf-8"))
        assert release.snapshot == real(body["snapshot"])
    return not validated


def test_a_verified_snapshot_is_kept_and_read_back_without_validating_it_again(
    cache_dir: Path, minimal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    check(minimal)  # verified in full, and its snapshot kept
    assert len(list((cache_dir / "snapshots").glob("*.pickle"))) == 1
    assert snapshot_used_without_validating(minimal, monkeypatch)


@pytest.mark.parametrize("spoilt", ["other code", "others may write", "cut short"])
def test_a_kept_snapshot_is_not_read_unless_it_is_sound_and_only_the_user_could_write_it(
    cache_dir: Path, minimal: Path, monkeypatch: pytest.MonkeyPatch, spoilt: str
) -> None:
    check(minimal)
    [kept] = (cache_dir / "snapshots").glob("*.pickle")
    if spoilt == "other code":  # kept by another version of the model
        with kept.open("rb") as handle:
            pickle.load(handle)  # noqa: S301  the test's own file
            snapshot = pickle.load(handle)  # noqa: S301
        with kept.open("wb") as handle:
            pickle.dump("another model", handle)
            pickle.dump(snapshot, handle)
    elif spoilt == "others may write":
        kept.chmod(kept.stat().st_mode | 0o002)
    else:
        kept.write_bytes(kept.read_bytes()[:50])
    assert not snapshot_used_without_validating(minimal, monkeypatch)
