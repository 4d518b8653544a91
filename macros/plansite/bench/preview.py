"""How long an edit takes to show in ``plansite serve``: as a communications officer sees it,
from saving the file to the page the browser reloads carrying the change."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from plansite.validate import check


@dataclass
class Edits:
    partnership: str
    first: float = 0.0  # seconds until the first preview was served
    seconds: list[float] = field(default_factory=list)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - our own server
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _wait_for(url: str, text: str, limit: float) -> float:
    started = time.perf_counter()
    while time.perf_counter() - started < limit:
        page = _fetch(url)
        if page is not None and text in page:
            return time.perf_counter() - started
        time.sleep(0.05)
    raise RuntimeError(f"{url} did not show {text!r} within {limit:.0f} s")


def _literal(text: str) -> str:
    """``text`` as a regular-expression replacement that inserts it unchanged."""
    return text.replace("\\", "\\\\")


def preview_edits(config: Path, data: Path, edits: int = 3) -> Edits:
    """Serve the largest partnership of ``data`` and rename one of its services ``edits``
    times, timing each until the service's page shows the new name."""
    dataset = check(data).data
    pid = max(dataset.partnerships, key=lambda p: len(dataset.partnerships[p].services))
    service = dataset.partnerships[pid].services[len(dataset.partnerships[pid].services) // 2]
    services = dataset.partnerships[pid].folder / "services.yaml"
    port = _free_port()
    command = [sys.executable, "-m", "plansite.cli", "serve", "--data", str(data), "--partnership",
               pid, "--config", str(config), "-a", f"127.0.0.1:{port}"]  # fmt: skip
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    result = Edits(pid)
    url = f"http://127.0.0.1:{port}/services/{service.id}/"
    try:
        result.first = _wait_for(url, "<h1", 600)
        name = service.name
        for n in range(1, edits + 1):
            time.sleep(1.0)  # let the watcher settle, as between two real edits
            new = f"{service.name} (edit {n})"
            text = services.read_text(encoding="utf-8")
            pattern = re.compile(rf"^(\s*name:\s*){re.escape(name)}\s*$", re.M)
            edited, count = pattern.subn(rf"\g<1>{_literal(new)}", text, count=1)
            if count != 1:
                raise RuntimeError(f"could not find the name of {service.id} in {services}")
            services.write_text(edited, encoding="utf-8")
            result.seconds.append(_wait_for(url, new, 120))
            name = new
    finally:
        server.terminate()
        server.wait(timeout=30)
    return result
