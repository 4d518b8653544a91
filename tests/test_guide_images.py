"""The guide's pictures: each one it shows exists, says in words what it shows, and is small;
each one in its folder is shown. ``python -m plansite.bench.screenshots`` takes them."""

from __future__ import annotations

import re
import socket
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from plansite.bench.screenshots import IMAGES, squeeze, terminal
from tests.conftest import ROOT

GUIDE = ROOT / "docs" / "guide"
# ![alternative text](address), the text possibly over several lines of the page.
IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]+)\)")
MAX_BYTES = 150_000  # every partnership's site publishes the guide, and its pictures
MAX_WIDTH = 1000


def shown() -> list[tuple[str, str, str]]:
    """(page, alternative text, address) of every picture the guide shows."""
    return [
        (page.name, " ".join(m["alt"].split()), m["src"])
        for page in sorted(GUIDE.glob("*.md"))
        for m in IMAGE.finditer(page.read_text(encoding="utf-8"))
    ]


def size(png: bytes) -> tuple[int, int]:
    assert png[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    width, height = struct.unpack(">II", png[16:24])
    return width, height


def pixels(png: bytes) -> bytes:
    at, data = 8, b""
    while at < len(png):
        (length,) = struct.unpack(">I", png[at : at + 4])
        if png[at + 4 : at + 8] == b"IDAT":
            data += png[at + 8 : at + 8 + length]
        at += 12 + length
    return zlib.decompress(data)


def test_every_picture_the_guide_shows_exists_with_its_alternative_text() -> None:
    pictures = shown()
    assert len(pictures) >= 6, "the guide has lost its pictures"
    for page, alt, src in pictures:
        assert (GUIDE / src).is_file(), f"{page} shows {src}, which does not exist"
        assert src.startswith("images/"), f"{page}: keep the guide's pictures in images/"
        # Words that say what the picture shows, not a file name or a bare 'screenshot'.
        assert len(alt.split()) >= 8, f"{page}: say what {src} shows, not {alt!r}"


def test_every_picture_in_the_folder_is_shown_and_small() -> None:
    used = {src.removeprefix("images/") for _, _, src in shown()}
    files = {p.name for p in IMAGES.glob("*")}
    assert files == used, f"pictures nobody shows: {files - used}; missing: {used - files}"
    for name in files:
        png = (IMAGES / name).read_bytes()
        width, _ = size(png)
        assert width <= MAX_WIDTH, f"{name} is {width} pixels wide"
        assert len(png) <= MAX_BYTES, f"{name} is {len(png) // 1024} kB"


@pytest.mark.parametrize("name", sorted(p.name for p in IMAGES.glob("*.png")))
def test_a_squeezed_picture_has_the_same_pixels(name: str) -> None:
    png = (IMAGES / name).read_bytes()
    again = squeeze(png)
    assert pixels(again) == pixels(png) and size(again) == size(png)
    assert len(again) <= len(png)


def test_the_terminal_picture_shows_the_output_as_text_not_markup() -> None:
    page = terminal([("plansite check", "found '<b>' & more")])
    assert "found &#x27;&lt;b&gt;&#x27; &amp; more" in page
    assert "<b>" not in page


@pytest.mark.browser
@pytest.mark.slow
def test_the_script_takes_every_picture_the_guide_shows(tmp_path: Path) -> None:
    """The pictures can always be taken again: the script runs, and makes the same set."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    # Run as the guide says, in a process of its own: the browser tests keep a browser open
    # in this one, and Playwright drives one browser session per thread.
    command = [sys.executable, "-m", "plansite.bench.screenshots", "--out", str(tmp_path)]
    done = subprocess.run([*command, "--port", str(port)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    made = {p.name for p in tmp_path.glob("*.png")}
    assert made == {p.name for p in IMAGES.glob("*.png")}
    for name in made:
        png = (tmp_path / name).read_bytes()
        assert size(png)[0] <= MAX_WIDTH and len(png) <= MAX_BYTES, name
    assert f"wrote {tmp_path / 'terminal-serve.png'}" in done.stdout
