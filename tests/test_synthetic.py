"""The synthetic national data set: valid, repeatable, fictional, and with a history."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from plansite.bench.synthetic import (
    MARKER,
    PROJECT_DATA,
    Area,
    SyntheticError,
    count_pages,
    generate,
    main,
)
from plansite.history.store import snapshot
from plansite.index.context import build_index
from plansite.validate import check
from plansite.validate.report import Report
from tests.conftest import files

# Ofcom's ranges for drama, the only phone numbers the data set may use.
DRAMA_PHONE = re.compile(r"01632 960\d{3}|01[34]1 496 0\d{3}|07700 900\d{3}|0808 157 0\d{3}")


@pytest.fixture(scope="module")
def two(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("synthetic") / "data"
    generate(out, partnerships=2, workers=1)
    return out


@pytest.fixture(scope="module")
def report(two: Path) -> Report:
    return check(two)


def test_the_data_set_checks_clean(report: Report) -> None:
    assert [p.format() for p in report.problems] == []
    assert len(report.data.partnerships) == 2


def test_the_same_seed_gives_the_same_bytes(two: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    generate(again, partnerships=2, workers=2)  # however many processes write it
    assert files(again) == files(two)


def test_another_seed_gives_other_partnerships(two: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    generate(other, seed=7, partnerships=2, workers=1)
    mine, theirs = files(two), files(other)
    assert {k: v for k, v in theirs.items() if "/" not in k} == {
        k: v for k, v in mine.items() if "/" not in k
    }
    assert (
        mine["partnerships/fictional-01-ardvarrick/services.yaml"]
        != (theirs["partnerships/fictional-01-ardvarrick/services.yaml"])
    )


def test_the_first_partnerships_do_not_depend_on_the_count(two: Path, tmp_path: Path) -> None:
    three = tmp_path / "three"
    generate(three, partnerships=3, workers=1)
    small, large = files(two), files(three)
    assert {k: large[k] for k in small} == small
    extra = {k.split("/")[1] for k in large.keys() - small.keys()}
    assert extra == {"fictional-03-dalbraxie"}


@pytest.mark.parametrize("number", range(1, 33))
def test_every_partnership_is_within_the_sizes_asked_for(number: int) -> None:
    area = Area(number, 2026)
    releases = [day for _, day in area.releases()]
    plan = area.plan_data
    outcome_levels = {lv.id for lv in plan.plan.levels if lv.outcome}
    assert 2 <= len(releases) <= 4
    assert 7 <= sum(n.level in outcome_levels for n in plan.plan.nodes) <= 15
    assert 40 <= len(plan.actions) <= 120
    assert 20 <= len(area.memberships) <= 60
    assert 80 <= len(area.pd.services) <= 300
    assert 10 <= len(plan.indicators) <= 30
    assert all(m.figures for i in plan.indicators for m in i.measures)
    assert len(area.localities) >= 3
    assert plan.engagements and plan.statistics and area.pd.glossary


def our_text(root: Path) -> str:
    """Everything the generator wrote itself: organisations and partnerships."""
    ours = [root / "organisations.yaml", *sorted(root.glob("partnerships/*/**/*.yaml"))]
    return "\n".join(p.read_text(encoding="utf-8") for p in ours)


def test_everything_is_fictional(two: Path, report: Report) -> None:
    assert all(pd.partnership.fictional for pd in report.data.partnerships.values())
    assert all(org.fictional for org in report.data.organisations.values())
    text = our_text(two)
    phones = re.findall(r'phone: "?([^"\n]+)', text)
    assert phones and all(DRAMA_PHONE.fullmatch(phone) for phone in phones)
    hosts = re.findall(r"https?://([^/\s\"]+)|@([a-z0-9.-]+)", text)
    assert hosts and all(h.endswith((".example.org", ".example.com")) for h in map(max, hosts))


def test_no_real_organisation_is_named(two: Path) -> None:
    shipped = [PROJECT_DATA / "organisations.yaml"]
    shipped += PROJECT_DATA.glob("partnerships/*/organisations.yaml")
    names = {
        org["name"]
        for path in shipped
        for org in yaml.safe_load(path.read_text(encoding="utf-8"))["organisations"]
        if not org.get("fictional")
    }
    text = our_text(two)
    named = [n for n in sorted(names) if n in text and re.search(rf"\b{re.escape(n)}\b", text)]
    assert named == []


def test_the_files_on_disk_are_the_last_release(report: Report) -> None:
    for pd in report.data.partnerships.values():
        assert 2 <= len(pd.releases) <= 4
        last = sorted((pd.folder / "releases").glob("0*.json"))[-1]
        published = json.loads(last.read_text(encoding="utf-8"))["snapshot"]
        now = snapshot(report.data, pd).model_dump(mode="json", exclude_none=True)
        assert now == published, "the data has changes that were never released"


def test_the_log_tells_what_changed_between_releases(report: Report) -> None:
    for pid in report.data.partnerships:
        log = [c for c in build_index(report.data, pid).log if c.release and c.release > 1]
        kinds = {(c.kind, c.type) for c in log}
        assert {
            ("action", "added"),
            ("action", "changed"),
            ("service", "changed"),
            ("service", "removed"),
            ("measure", "changed"),
            ("partner", "changed"),
        } <= kinds
        texts = " ".join(c.text for c in log)
        assert "has a new web address" in texts
        assert "The phone number of" in texts
        assert "leaves the partnership" in texts
        assert any(c.notes for c in log)


def test_the_whole_country_gives_at_least_8000_pages(tmp_path: Path) -> None:
    generate(tmp_path / "data")
    pages, warnings, _ = count_pages(tmp_path / "data")
    assert len(pages) == 32
    assert sum(pages.values()) >= 8000
    assert warnings == 3  # one service out of reach in partnerships 10, 20 and 30


def test_it_refuses_a_folder_it_did_not_make(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(SyntheticError, match="not empty"):
        generate(tmp_path, partnerships=1, workers=1)
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


@pytest.mark.parametrize("target", [PROJECT_DATA, PROJECT_DATA / "partnerships" / "x"])
def test_it_never_writes_into_the_project_data(target: Path) -> None:
    with pytest.raises(SyntheticError, match="project's data"):
        generate(target, partnerships=1, workers=1)
    assert not (PROJECT_DATA / MARKER).exists()
    assert not (PROJECT_DATA / "partnerships" / "x").exists()


def test_the_command_replaces_its_own_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "data"
    generate(out, partnerships=2, workers=1)
    assert main(["--out", str(out), "--partnerships", "1", "--workers", "1"]) == 0
    printed = capsys.readouterr().out
    assert "generated 1 partnerships" in printed
    assert "0 errors, 0 warning(s)" in printed
    assert re.search(r"pages: \d+ in all", printed)
    assert [p.name for p in (out / "partnerships").iterdir()] == ["fictional-01-ardvarrick"]
