"""The guide's pictures, taken from the real thing.

``python -m plansite.bench.screenshots`` runs the real ``plansite`` commands on a copy of the
shipped data: it previews the example partnership with ``plansite serve`` and photographs the
preview in Debian's Chromium (through Playwright), before and after a mistake in a data file;
it draws what ``check`` and ``serve`` print as a terminal window, and the first rows of the
workbook ``export-sheet`` writes as a spreadsheet. The images go to ``docs/guide/images/``.
Run it again whenever the pages or the messages they show change.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from playwright.sync_api import Page, sync_playwright

ROOT = Path(__file__).resolve().parents[3]
IMAGES = ROOT / "docs" / "guide" / "images"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
PARTNERSHIP = "example"
VIEWPORT = {"width": 960, "height": 640}

# The mistake the pictures show: a text with a colon and a space, not in quotes (the guide's
# page "YAML in five minutes" shows the same one).
SERVICES = Path("partnerships") / PARTNERSHIP / "services.yaml"
GOOD = (
    "    summary: Free advice on debt and benefits for people with convictions and their families."
)
BAD = "    summary: Before court: what to expect, and where to get advice."


def plansite_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "plansite.cli", *args]


def environment() -> dict[str, str]:
    """This checkout's plansite first, whichever one is installed."""
    path = os.pathsep.join(p for p in (str(ROOT / "macros"), os.environ.get("PYTHONPATH")) if p)
    return {**os.environ, "PYTHONPATH": path}


def project_copy(where: Path) -> Path:
    """A project folder like an editor's: the configuration, pages, templates and data."""
    project = where / "project"
    project.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", project)
    for folder in ("docs", "overrides", "data"):
        shutil.copytree(ROOT / folder, project / folder)
    return project


def run(project: Path, *args: str) -> str:
    """What the command prints, as a terminal shows it (its errors first, then its summary)."""
    done = subprocess.run(
        plansite_command(*args),
        cwd=project,
        env=environment(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        check=False,
        timeout=300,
    )
    return done.stdout


def break_data(project: Path) -> None:
    path = project / "data" / SERVICES
    text = path.read_text(encoding="utf-8")
    assert GOOD in text, f"{SERVICES} has changed: choose the line the pictures break again"
    path.write_text(text.replace(GOOD, BAD, 1), encoding="utf-8")


def mend_data(project: Path) -> None:
    path = project / "data" / SERVICES
    path.write_text(path.read_text(encoding="utf-8").replace(BAD, GOOD, 1), encoding="utf-8")


# The preview, as `plansite serve` runs it.


@dataclass
class Preview:
    url: str
    printed: list[str] = field(default_factory=list)


PORT = 8000  # serve's own, as the guide shows it


def serve_command(port: int) -> list[str]:
    """``plansite serve`` as the guide gives it, with the address only if it is not the usual."""
    address = [] if port == PORT else ["-a", f"127.0.0.1:{port}"]
    return ["serve", "--partnership", PARTNERSHIP, *address]


def port_free(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) != 0


@contextlib.contextmanager
def preview(project: Path, port: int) -> Iterator[Preview]:
    """``plansite serve`` until it says where it serves; stopped with Ctrl+C."""
    if not port_free(port):
        raise SystemExit(f"stop what serves http://127.0.0.1:{port}/ first, or give --port")
    process = subprocess.Popen(
        plansite_command(*serve_command(port)),
        cwd=project,
        env=environment(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    shown = Preview(f"http://127.0.0.1:{port}/")
    ready = threading.Event()

    def listen() -> None:
        assert process.stdout is not None
        for line in process.stdout:  # read to the end, so that the preview never waits on it
            if not ready.is_set():  # what it prints later is not part of the picture
                shown.printed.append(line.rstrip("\n"))
            if "Serving on" in line:
                ready.set()

    listener = threading.Thread(target=listen, daemon=True)
    listener.start()
    try:
        if not ready.wait(120):
            raise RuntimeError("the preview did not start:\n" + "\n".join(shown.printed))
        yield shown
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=30)
        listener.join(10)
        assert process.stdout is not None
        process.stdout.close()


# Pictures of text: a terminal window and a spreadsheet, drawn as HTML.

FRAME = """<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><style>
body {{ margin: 0; padding: 16px; background: #fff; font: 15px/1.45 "DejaVu Sans Mono",
  monospace; }}
.window {{ width: 900px; border: 1px solid #555; border-radius: 8px; overflow: hidden; }}
.bar {{ background: #3b3b3b; color: #ddd; padding: 6px 12px; font-family: sans-serif; }}
pre {{ margin: 0; padding: 12px 14px; background: #1e1e1e; color: #e8e8e8;
  white-space: pre-wrap; overflow-wrap: anywhere; font: inherit; }}
.prompt {{ color: #8fd18f; }}
pre.file {{ background: #fff; color: #1b1b1b; padding: 8px 0; white-space: pre; }}
.n {{ display: inline-block; width: 3em; padding-right: 1em; text-align: right;
  color: #767676; }}
.here {{ background: #fff3c4; }}
.at {{ outline: 2px solid #b3261e; }}
table {{ border-collapse: collapse; font: 14px/1.3 sans-serif; background: #fff; }}
th, td {{ border: 1px solid #c8c8c8; padding: 4px 8px; text-align: left;
  vertical-align: top; max-width: 240px; }}
th {{ background: #eef0f3; color: #444; font-weight: normal; }}
thead th {{ text-align: center; }}
tr.head td {{ font-weight: bold; background: #e8eefc; }}
.tabs {{ font: 14px sans-serif; padding: 6px 8px; background: #eef0f3; }}
.tabs span {{ padding: 3px 10px; margin-right: 4px; border: 1px solid #c8c8c8; }}
.tabs .on {{ background: #fff; font-weight: bold; border-top: 3px solid #1d6f42; }}
</style></head><body>{body}</body></html>"""


def terminal(commands: list[tuple[str, str]]) -> str:
    """A terminal window in which each command was typed and printed what it printed."""
    shown = "".join(
        f'<span class="prompt">(.venv) $</span> {escape(command)}\n{escape(printed.rstrip())}\n'
        for command, printed in commands
    )
    body = f'<div class="window"><div class="bar">Terminal</div><pre>{shown}</pre></div>'
    return FRAME.format(body=body)


def editor(name: str, text: str, line: int, column: int, around: int = 5) -> str:
    """The lines of a file around ``line``, numbered as an editor numbers them, with the
    line a message names marked and the character at its ``column`` outlined."""
    lines = text.splitlines()
    first, last = max(1, line - around), min(len(lines), line + around)
    rows = []
    for n in range(first, last + 1):
        body = lines[n - 1]
        if n == line:
            at = column - 1
            body_html = (
                escape(body[:at])
                + f'<span class="at">{escape(body[at : at + 1])}</span>'
                + escape(body[at + 1 :])
            )
            rows.append(f'<span class="here"><span class="n">{n}</span>{body_html}</span>')
        else:
            rows.append(f'<span class="n">{n}</span>{escape(body)}')
    shown = "\n".join(rows)
    bar = f'<div class="bar">{escape(name)}</div>'
    body = f'<div class="window">{bar}<pre class="file">{shown}</pre></div>'
    return FRAME.format(body=body)


def where(printed: str) -> tuple[int, int]:
    """The line and column of the first problem the check printed."""
    found = re.search(r"\.yaml:(\d+):(\d+): \[", printed)
    assert found, f"the check named no place:\n{printed}"
    return int(found[1]), int(found[2])


def short(value: object, limit: int = 60) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def spreadsheet(workbook: Path, sheet_name: str, headings: list[str], rows: int = 6) -> str:
    """Some columns of one sheet of the workbook, under their own letters, with row numbers
    and the names of every sheet."""
    book = load_workbook(workbook, read_only=True)
    grid = list(book[sheet_name].iter_rows(max_row=rows, values_only=True))
    picked = [grid[0].index(h) for h in headings]
    letters = "".join(f"<th>{get_column_letter(i + 1)}</th>" for i in picked)
    body = "".join(
        f"<tr{' class=head' if n == 1 else ''}><th>{n}</th>"
        + "".join(f"<td>{escape(short(row[i]))}</td>" for i in picked)
        + "</tr>"
        for n, row in enumerate(grid, start=1)
    )
    tabs = "".join(
        f'<span class="{"on" if s.title == sheet_name else ""}">{escape(s.title)}</span>'
        for s in book.worksheets
    )
    book.close()
    table = f"<table><thead><tr><th></th>{letters}</tr></thead><tbody>{body}</tbody></table>"
    return FRAME.format(body=f'<div class="window">{table}<div class="tabs">{tabs}</div></div>')


# Small files: Chromium writes PNGs quickly rather than small; packed again at zlib's best.


def _chunks(png: bytes) -> Iterator[tuple[bytes, bytes]]:
    at = 8
    while at < len(png):
        (length,) = struct.unpack(">I", png[at : at + 4])
        yield png[at + 4 : at + 8], png[at + 8 : at + 8 + length]
        at += 12 + length


def _chunk(kind: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(kind + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


def squeeze(png: bytes) -> bytes:
    """The same image, its pixel data deflated again at the highest level."""
    chunks = list(_chunks(png))
    pixels = zlib.decompress(b"".join(data for kind, data in chunks if kind == b"IDAT"))
    out, packed = [png[:8]], False
    for kind, data in chunks:
        if kind == b"IDAT":
            if not packed:
                out.append(_chunk(b"IDAT", zlib.compress(pixels, 9)))
                packed = True
        elif kind in (b"IHDR", b"PLTE", b"tRNS", b"IEND"):  # no text or time stamps
            out.append(_chunk(kind, data))
    return b"".join(out)


def save(out: Path, name: str, png: bytes) -> None:
    small = squeeze(png)
    (out / name).write_bytes(small)
    print(f"wrote {out / name} ({len(small) // 1024} kB)")


def picture_of(page: Page, html: str) -> bytes:
    page.set_content(html)
    return page.locator(".window").screenshot()


def wait_for_title(page: Page, start: str, seconds: float = 90) -> None:
    """Reload until the preview shows the page whose title starts with ``start``."""
    deadline = time.monotonic() + seconds
    while not page.title().startswith(start):
        if time.monotonic() > deadline:
            raise RuntimeError(f"the preview never showed {start!r}; it shows {page.title()!r}")
        time.sleep(1)
        page.reload()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=IMAGES, help="where to write the pictures")
    parser.add_argument("--port", type=int, default=PORT, help="where to run the preview")
    args = parser.parse_args(argv)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    check = ("check", "--partnership", PARTNERSHIP)
    with tempfile.TemporaryDirectory() as tmp:
        project = project_copy(Path(tmp))
        passed = run(project, *check)
        run(project, "export-sheet", "--partnership", PARTNERSHIP, f"{PARTNERSHIP}.xlsx")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            page = browser.new_page(viewport=VIEWPORT)  # type: ignore[arg-type]
            with preview(project, args.port) as shown:
                page.goto(shown.url)
                save(out, "preview-home.png", page.screenshot())
                page.goto(shown.url + "services/money-advice-clinic/")
                save(out, "service-page.png", page.screenshot())
                break_data(project)
                failed = run(project, *check)
                broken = (project / "data" / SERVICES).read_text(encoding="utf-8")
                page.goto(shown.url)
                wait_for_title(page, "Preview stopped")
                save(out, "preview-stopped.png", page.screenshot())
                mend_data(project)
            typed = "plansite " + " ".join(check)
            save(out, "terminal-check-passed.png", picture_of(page, terminal([(typed, passed)])))
            save(out, "terminal-check-failed.png", picture_of(page, terminal([(typed, failed)])))
            file = editor("services.yaml", broken, *where(failed))
            save(out, "editor-mistake.png", picture_of(page, file))
            serving = " ".join(["plansite", *serve_command(args.port)])
            shown_text = "\n".join(shown.printed)
            save(out, "terminal-serve.png", picture_of(page, terminal([(serving, shown_text)])))
            workbook = project / f"{PARTNERSHIP}.xlsx"
            columns = ["Number", "Action", "Leads", "Due by", "Status", "Latest progress"]
            sheet = spreadsheet(workbook, "Actions", columns)
            save(out, "spreadsheet.png", picture_of(page, sheet))
            browser.close()
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
