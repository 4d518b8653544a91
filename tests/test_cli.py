"""The real ``plansite`` command, as a user runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
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


def test_the_quick_exit_still_runs_the_exit_functions_and_delivers_all_output(
    tmp_path: Path,
) -> None:
    # The command ends without freeing its objects (plansite.cli.run); what a normal exit
    # does that matters must still happen: buffered output written, exit functions run.
    script = (
        "import atexit, sys\n"
        "atexit.register(lambda: print('exit functions ran', file=sys.stderr))\n"
        f"sys.argv = ['plansite', 'check', '--data', {str(tmp_path / 'nowhere')!r}]\n"
        "from plansite.cli import run\n"
        "run()\n"
    )
    # Written to a pipe, output waits in a buffer unless Python is told not to buffer it.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            env=env, check=False, timeout=120)  # fmt: skip
    assert result.returncode == 1
    assert "[file-missing]" in result.stderr
    assert result.stderr.rstrip().endswith("exit functions ran")
    assert "check failed" in result.stdout
