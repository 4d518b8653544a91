"""A partnership's history (its log, what each item's changes were, its old addresses) is
worked out by comparing every release with the next. It is remembered for the files, code
and day it was worked out from: read back, it is what working it out again would give."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from plansite.history import cache
from plansite.index import context
from plansite.index.context import HISTORY, build_index
from plansite.validate import check
from tests.conftest import calls_to, copy_shipped, edit

DAY = date(2026, 12, 7)


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(cache.ENV, str(tmp_path / "cache"))
    return copy_shipped(tmp_path)


def worked_out(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The partnerships whose history is worked out afresh, from now on."""
    return calls_to(monkeypatch, context, "_index_history", lambda site, *_: site.pd.id)


def histories(root: Path, pid: str) -> tuple[Any, ...]:
    site = build_index(check(root).public, pid, DAY)
    return tuple(getattr(site, name) for name in HISTORY)


def test_a_history_read_back_is_the_history_worked_out_afresh(
    data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = worked_out(monkeypatch)
    first = histories(data, "example")
    again = histories(data, "example")
    assert made == ["example"]  # the second was read back
    monkeypatch.setenv(cache.ENV, "off")
    assert histories(data, "example") == again == first
    assert made == ["example", "example"]
    assert len(first[HISTORY.index("log")]) > 10  # five releases of changes, and drafts


def test_an_edit_to_the_partnership_or_to_the_national_files_works_it_out_again(
    data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    histories(data, "example")
    histories(data, "clackmannanshire")
    made = worked_out(monkeypatch)
    edit(data, "partnerships/example/services.yaml", "name: Money advice clinic",
         "name: Money and debt clinic")  # fmt: skip
    edited = histories(data, "example")
    histories(data, "clackmannanshire")  # another partnership's edit changes nothing of it
    assert made == ["example"]
    assert any("Money and debt clinic" in str(c) for c in edited[HISTORY.index("log")])
    edit(data, "organisations.yaml", "name: Scottish Government", "name: The Scottish Government")
    histories(data, "clackmannanshire")
    assert made == ["example", "clackmannanshire"]


def test_a_history_of_the_data_as_read_is_never_read_back_for_the_public_view(
    data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Values marked not public are in the data as read: its history must not reach a page."""
    made = worked_out(monkeypatch)
    report = check(data)
    build_index(report.data, "example", DAY)
    build_index(report.public, "example", DAY)
    assert made == ["example", "example"]
    build_index(report.public, "example", DAY)
    assert made == ["example", "example"]  # the public view's own, read back
