"""The real ``plansite`` command, as a user runs it."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import MINIMAL, copy_minimal, edit, plansite


def test_broken_data_exits_1_with_every_error_and_no_traceback(tmp_path: Path) -> None:
    data = copy_minimal(tmp_path)
    edit(data, "partnerships/sample/services.yaml", "kind: service", "kind: servce")
    (data / "glossary.yaml").write_text("terms:\n  - term: A\n    term: B\n", encoding="utf-8")
    result = plansite("check", "--data", str(data))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert "data/partnerships/sample/services.yaml:4:11: [value-not-allowed]" in result.stderr
    assert "data/glossary.yaml:3:5: [yaml-duplicate-key]" in result.stderr
    assert "check failed: 2 error(s)" in result.stdout


def test_json_report_lists_problems_and_counts(tmp_path: Path) -> None:
    result = plansite("check", "--data", str(MINIMAL), "--json")
    assert result.returncode == 0
    report = json.loads(result.stdout)
    assert report["ok"] is True
    assert report["errors"] == [] and report["warnings"] == []
    assert report["partnerships"]["sample"] == {
        "plans": 1, "plan_nodes": 2, "actions": 2, "indicators": 1, "measures": 1,
        "partners": 1, "organisations_referenced": 2, "services": 1,
        "engagement_records": 1, "statistics": 1,
    }  # fmt: skip


def test_json_report_of_errors_is_machine_readable(tmp_path: Path) -> None:
    data = copy_minimal(tmp_path)
    (data / "taxonomy.yaml").write_text("audiences: []\nhelp: []\n", encoding="utf-8")
    result = plansite("check", "--data", str(data), "--json")
    assert result.returncode == 1
    errors = json.loads(result.stdout)["errors"]
    # The empty lists are the error; references into the broken file are not reported again.
    assert {e["code"] for e in errors} == {"field-missing"}
    first = errors[0]
    assert set(first) == {"code", "severity", "file", "line", "column", "path", "message", "hint"}


def test_a_missing_data_folder_is_an_error_not_a_crash(tmp_path: Path) -> None:
    result = plansite("check", "--data", str(tmp_path / "nowhere"))
    assert result.returncode == 1
    assert "[file-missing]" in result.stderr
    assert "Traceback" not in result.stderr
