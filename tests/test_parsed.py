"""Data files are parsed once: a file with the same bytes, name and code is read back from
the cache folder, and says exactly what parsing it again would."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from plansite.history import cache
from plansite.validate import check, parsed
from tests.conftest import calls_to, copy_minimal, edit

SERVICES = "partnerships/sample/services.yaml"


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(cache.ENV, str(tmp_path / "cache"))
    return copy_minimal(tmp_path)


def count_parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files parsed afresh, from now on, by their names."""
    return calls_to(monkeypatch, parsed, "yaml_bytes", lambda raw, rel: rel)


def said(root: Path) -> tuple[list[str], list[dict[str, Any]]]:
    report = check(root)
    services = [s.model_dump() for pd in report.data.partnerships.values() for s in pd.services]
    return [d.format() for d in report.problems], services


def test_a_file_read_again_is_read_back_and_says_the_same(
    data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = count_parses(monkeypatch)
    first = said(data)
    files = len(made)
    assert files > 5
    again = said(data)
    assert len(made) == files  # nothing parsed the second time
    monkeypatch.setenv(cache.ENV, "off")
    assert again == first == said(data)


def test_only_an_edited_file_is_parsed_again(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    check(data)
    made = count_parses(monkeypatch)
    edit(data, SERVICES, "name: Family support", "name: Family help")
    _problems, services = said(data)
    assert made == [f"data/{SERVICES}"]
    assert any(s["name"] == "Family help" for s in services)


def test_a_file_with_a_problem_is_never_kept_and_its_problem_is_said_each_time(
    data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    edit(data, SERVICES, "name: Family support", "name: [Family support")
    made = count_parses(monkeypatch)
    for _ in range(2):
        problems, _services = said(data)
        assert [p for p in problems if f"data/{SERVICES}:" in p and "[yaml-syntax]" in p]
    assert made.count(f"data/{SERVICES}") == 2


def test_the_same_bytes_under_another_name_are_parsed_for_that_name(
    data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    check(data)
    made = count_parses(monkeypatch)
    (data / "partnerships" / "copy").mkdir()
    for name in ("partnership.yaml", "services.yaml"):
        text = (data / "partnerships" / "sample" / name).read_text(encoding="utf-8")
        (data / "partnerships" / "copy" / name).write_text(text, encoding="utf-8")
    problems, _services = said(data)
    assert "data/partnerships/copy/services.yaml" in made
    assert [p for p in problems if p.startswith("data/partnerships/copy/")]  # named as itself


def test_a_kept_parse_others_could_have_written_is_never_read(
    data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    check(data)
    for entry in (data.parent / "cache" / "parsed").glob("*.pickle"):
        entry.chmod(entry.stat().st_mode | 0o002)
    made = count_parses(monkeypatch)
    said(data)
    assert f"data/{SERVICES}" in made
