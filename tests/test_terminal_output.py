"""What ``plansite build`` and ``plansite serve`` print is for the person at the terminal: their
own lines, no third-party notices, no tracebacks, and a stop that stops."""

from __future__ import annotations

import contextlib
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.conftest import MINIMAL, ROOT, plansite, project_copy

pytestmark = pytest.mark.slow

# Notices other packages print for their own users, never for an editor.
NOISE = ("MkDocs 2", "Material for MkDocs team", "Traceback", "DeprecationWarning")
PREVIEW_LINE = re.compile(r"^INFO    -  ")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@dataclass
class Preview:
    process: subprocess.Popen[str]
    lines: list[str] = field(default_factory=list)
    serving: threading.Event = field(default_factory=threading.Event)
    listener: threading.Thread | None = None

    def printed(self) -> str:
        return "\n".join(self.lines)


def start_preview(port: int) -> Preview:
    process = subprocess.Popen(
        [sys.executable, "-m", "plansite.cli", "serve", "--data", str(MINIMAL),
         "--partnership", "sample", "-a", f"127.0.0.1:{port}"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    preview = Preview(process)

    def listen() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            preview.lines.append(line.rstrip("\n"))
            if "Serving on" in line:
                preview.serving.set()

    preview.listener = threading.Thread(target=listen, daemon=True)
    preview.listener.start()
    return preview


@pytest.fixture
def preview() -> Iterator[Preview]:
    running = start_preview(free_port())
    try:
        assert running.serving.wait(120), f"the preview did not start:\n{running.printed()}"
        yield running
    finally:
        if running.process.poll() is None:  # pragma: no cover - only when a test failed
            running.process.kill()
        running.process.wait()
        assert running.listener is not None
        running.listener.join(10)
        assert running.process.stdout is not None
        running.process.stdout.close()


def ctrl_c(process: subprocess.Popen[str]) -> None:
    with contextlib.suppress(ProcessLookupError):  # it may have stopped already
        process.send_signal(signal.SIGINT)


def test_the_preview_prints_its_own_lines_and_stops_at_ctrl_c(preview: Preview) -> None:
    ctrl_c(preview.process)
    assert preview.process.wait(timeout=30) == 0
    assert preview.listener is not None
    preview.listener.join(10)  # the last lines on their way through the pipe
    printed = preview.printed()
    assert not [n for n in NOISE if n in printed], printed
    assert all(PREVIEW_LINE.match(line) for line in preview.lines if line), printed
    assert "Shutting down" in printed


def test_ctrl_c_twice_stops_the_preview_at_once_without_a_traceback(preview: Preview) -> None:
    ctrl_c(preview.process)
    time.sleep(0.05)
    ctrl_c(preview.process)
    preview.process.wait(timeout=15)  # before, the file watcher's thread kept it alive
    assert preview.listener is not None
    preview.listener.join(10)
    assert "Traceback" not in preview.printed(), preview.printed()


def test_an_address_in_use_is_said_in_words(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = plansite("serve", "--data", str(MINIMAL), "--partnership", "sample",
                          "-a", f"127.0.0.1:{port}", timeout=120)  # fmt: skip
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"the address 127.0.0.1:{port} is in use" in result.stderr
    assert "-a 127.0.0.1:8001" in result.stderr


def test_a_preview_stopped_by_a_mkdocs_warning_says_so_after_the_warning(
    tmp_path: Path,
) -> None:
    project = project_copy(tmp_path)
    (project / "docs" / "notes.md").write_text("# Notes\n", encoding="utf-8")
    result = plansite("serve", "--config", str(project / "mkdocs.yml"), "--data", str(MINIMAL),
                      "--partnership", "sample", "-a", f"127.0.0.1:{free_port()}",
                      cwd=project, timeout=120)  # fmt: skip
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    warning = next(i for i, ln in enumerate(lines) if ln.startswith("WARNING -  "))
    assert "notes.md" in "\n".join(lines[warning : warning + 3])
    assert lines[-1] == (
        "plansite: the preview did not start: Aborted with 1 warnings in strict mode! "
        "Fix what the WARNING lines above say, then start it again."
    )
    assert "Traceback" not in result.stderr


def test_a_build_prints_its_progress_and_summary_only(tmp_path: Path) -> None:
    result = plansite("build", "--data", str(MINIMAL), "-d", str(tmp_path / "site"), "-j", "1")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert not [n for n in NOISE if n in result.stdout], result.stdout
    assert all(re.match(r"^  \d+/\d+  ", line) for line in lines[:-2]), result.stdout
    assert lines[-2] == "partnerships rebuilt: sample; reused unchanged: none"
    assert lines[-1].startswith("built 2 site(s), ")
