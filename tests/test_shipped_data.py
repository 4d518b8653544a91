"""The example data transcribed from the three real plans is valid and complete.

The expected counts come from the inventories of the source documents: they are facts
about the plans, so a transcription that loses an action or a service fails here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.conftest import SHIPPED, CheckRun


@pytest.fixture(scope="module")
def report() -> dict[str, Any]:
    from plansite.validate import check

    return check(SHIPPED).as_dict()


def test_the_shipped_data_has_no_errors(run_check: Callable[..., CheckRun]) -> None:
    result = run_check(SHIPPED)
    assert result.code == 0, result.err
    assert "check passed: 0 error(s)" in result.out


@pytest.mark.parametrize(
    ("partnership", "expected"),
    [
        ("clackmannanshire", {"plans": 1, "actions": 45}),
        ("west-dunbartonshire", {"plans": 1, "actions": 20, "indicators": 14, "measures": 23}),
        ("south-lanarkshire", {"plans": 1, "actions": 106, "statistics": 20}),
    ],
)
def test_counts_match_the_inventories(
    report: dict[str, Any], partnership: str, expected: dict[str, int]
) -> None:
    counts = report["partnerships"][partnership]
    assert {k: counts[k] for k in expected} == expected


@pytest.mark.parametrize(
    ("partnership", "at_least"),
    [
        ("clackmannanshire", {"services": 27, "plan_nodes": 6}),
        ("west-dunbartonshire", {"services": 80, "partners": 9, "plan_nodes": 5}),
        ("south-lanarkshire", {"services": 103, "partners": 12, "engagement_records": 35}),
    ],
)
def test_nothing_the_plans_name_is_left_out(
    report: dict[str, Any], partnership: str, at_least: dict[str, int]
) -> None:
    counts = report["partnerships"][partnership]
    short = {k: (counts[k], n) for k, n in at_least.items() if counts[k] < n}
    assert not short, f"found fewer than the plan names (found, expected): {short}"


def test_the_plans_name_well_over_a_hundred_services(report: dict[str, Any]) -> None:
    assert sum(p["services"] for p in report["partnerships"].values()) > 150
