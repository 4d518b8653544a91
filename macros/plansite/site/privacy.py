"""The last check before publishing: no value marked not public is in any file written.

Pages, downloads and feeds are made from the public view of the data, so nothing marked
not public should reach them. This scan proves it for each build, whatever a template or an
export does: every file of the output is read as a reader or a program would read it
(entities decoded in HTML and XML, escapes decoded in JSON, compressed files opened) and
searched for every kept-back text.
"""

from __future__ import annotations

import contextlib
import gzip
import html
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from plansite.model.public import SCAN_MIN_LENGTH


def readable_text(path: Path) -> str:
    """A file's content as text, with the encodings of its format undone."""
    raw = path.read_bytes()
    if path.suffix == ".gz":
        raw = gzip.decompress(raw)
    text = raw.decode("utf-8", errors="replace")
    parts = [text, html.unescape(text)]
    if path.suffix == ".json" or path.name.endswith(".json.gz"):
        with contextlib.suppress(json.JSONDecodeError):  # not JSON after all: read as text
            parts.append("\n".join(_strings(json.loads(text))))
    return "\n".join(parts)


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
        yield html.unescape(value)
    elif isinstance(value, dict):
        for k, v in value.items():
            yield str(k)
            yield from _strings(v)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def pattern(texts: Iterable[str]) -> re.Pattern[str] | None:
    """One search for every text long enough to look for, in any case, across line breaks."""
    words = sorted({t.strip() for t in texts if len(t.strip()) >= SCAN_MIN_LENGTH}, key=len)
    if not words:
        return None
    alternatives = (r"\s+".join(map(re.escape, w.split())) for w in reversed(words))
    return re.compile("|".join(alternatives), re.IGNORECASE)


def leaks(root: Path, texts: Iterable[str]) -> list[str]:
    """Files under ``root`` that contain a text marked not public. The texts themselves are
    not repeated: build logs are often public too."""
    search = pattern(texts)
    if search is None:
        return []
    return [
        path.relative_to(root).as_posix()
        for path in sorted(root.rglob("*"))
        if path.is_file() and search.search(readable_text(path))
    ]
