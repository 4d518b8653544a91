"""A check's result is remembered for the exact files, code and day it was made from, and
for nothing else."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from plansite.history import cache
from plansite.validate import check, remembered
from plansite.validate.remembered import remembered_check
from tests.conftest import ROOT, calls_to, copy_minimal, edit

SERVICES = "partnerships/sample/services.yaml"
MKDOCS_YML = ROOT / "mkdocs.yml"


def said(root: Path) -> list[str]:
    return [d.format() for d in check(root).problems]


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(cache.ENV, str(tmp_path / "cache"))
    return copy_minimal(tmp_path)


def entries(data: Path) -> list[Path]:
    return sorted((data.parent / "cache" / "checks").glob("*.pickle"))


def count_checks(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every check made afresh, from now on."""
    return calls_to(monkeypatch, remembered, "check", lambda root, *_: root)


def test_a_second_check_of_the_same_files_is_read_back_and_says_the_same(
    data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = count_checks(monkeypatch)
    first = remembered_check(data)
    again = remembered_check(data)
    assert len(made) == 1 and len(entries(data)) == 1
    assert [d.format() for d in again.problems] == [d.format() for d in first.problems]
    assert again.data.partnerships.keys() == first.data.partnerships.keys()
    sample = again.data.partnerships["sample"]
    assert [s.model_dump() for s in sample.services] == [
        s.model_dump() for s in first.data.partnerships["sample"].services
    ]


def test_any_edit_to_the_data_is_checked_afresh_and_replaces_the_entry(
    data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = count_checks(monkeypatch)
    remembered_check(data)
    text = (data / SERVICES).read_text(encoding="utf-8")
    name = next(line for line in text.splitlines() if line.strip().startswith("name:"))
    edit(data, SERVICES, name, name + " (renamed)")
    after = remembered_check(data)
    assert len(made) == 2 and len(entries(data)) == 1
    assert any(s.name.endswith("(renamed)") for s in after.data.partnerships["sample"].services)
    (data / "partnerships" / "sample" / "notes.txt").write_text("a new file\n", encoding="utf-8")
    remembered_check(data)
    assert len(made) == 3


def test_new_code_or_a_new_day_checks_afresh(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    made = count_checks(monkeypatch)
    remembered_check(data)
    monkeypatch.setattr(remembered, "code_version", lambda: "plansite, edited")
    remembered_check(data)
    assert len(made) == 2

    class Tomorrow:
        @staticmethod
        def today() -> object:
            from datetime import date, timedelta

            return date.today() + timedelta(days=1)

    monkeypatch.setattr(remembered, "date", Tomorrow)
    remembered_check(data)
    assert len(made) == 3


def test_an_unreadable_entry_is_ignored_and_written_again(
    data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = count_checks(monkeypatch)
    remembered_check(data)
    [entry] = entries(data)
    entry.write_bytes(entry.read_bytes()[:1000])  # cut short, as by a full disk
    assert said(data) == [d.format() for d in remembered_check(data).problems]
    with entry.open("rb") as handle:
        pickle.load(handle)  # noqa: S301  the key
        assert pickle.load(handle).problems is not None  # noqa: S301  whole again
    assert len(made) == 2


@pytest.mark.parametrize("where", ["entry", "folder"])
def test_an_entry_others_could_have_written_is_never_read(
    data: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    made = count_checks(monkeypatch)
    remembered_check(data)
    [entry] = entries(data)
    target = entry if where == "entry" else entry.parent
    target.chmod(target.stat().st_mode | 0o002)
    remembered_check(data)
    assert len(made) == 2


def test_the_cache_turned_off_checks_every_time(
    data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(cache.ENV, "off")
    made = count_checks(monkeypatch)
    remembered_check(data)
    remembered_check(data)
    assert len(made) == 2 and not entries(data)


def test_a_release_is_kept_without_its_snapshot_which_is_read_again_when_used(
    data: Path,
) -> None:
    [release, *_] = check(data).data.partnerships["sample"].releases
    assert release.snapshot is not None  # now held in memory
    kept = pickle.loads(pickle.dumps(release))  # noqa: S301
    assert "snapshot" not in kept.__dict__
    assert kept.snapshot == release.snapshot


@pytest.mark.slow
def test_a_build_reads_back_the_check_that_plansite_check_kept_and_keeps_none_itself(
    data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from plansite.site.build import build_all

    made = count_checks(monkeypatch)
    build_all(MKDOCS_YML, data, data.parent / "site", say=lambda _: None, jobs=1)
    assert len(made) == 1 and entries(data) == []
    remembered_check(data)
    assert len(made) == 2 and len(entries(data)) == 1
    build_all(MKDOCS_YML, data, data.parent / "site", say=lambda _: None, jobs=1)
    assert len(made) == 2


def test_a_full_check_serves_a_build_s_check_which_keeps_none(
    data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A build checks without advice (the checks that only advise): a full check kept by
    ``plansite check`` answers it; its own is not kept, as it could not answer the other."""
    made = count_checks(monkeypatch)
    assert not remembered_check(data, advice=False).advice
    assert len(made) == 1 and entries(data) == []
    assert remembered_check(data).advice and len(made) == 2
    assert remembered_check(data, advice=False).advice and len(made) == 2
