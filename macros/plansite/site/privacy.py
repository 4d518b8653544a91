"""The last check before publishing: no value marked not public is in any file written.

Pages, downloads and feeds are made from the public view of the data, so nothing marked
not public should reach them. This scan proves it for each build, whatever a template or an
export does: every file of the output is read as a reader or a program would read it
(entities decoded in HTML and XML, escapes decoded in JSON, compressed files opened) and
searched for every kept-back text.

A rebuild reuses most sites as they were published. A reused site whose files are the very
ones a scan found clean (the same stamp, ``reuse.stamp``), searched then for the same texts by
the same code, is not read again: the scan's answer for it can only be the same. Which sites
a scan found clean is kept in the user's cache, not in the output, as it is made from the
texts kept back.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import html
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from plansite.history import cache
from plansite.model.public import SCAN_MIN_LENGTH

FORMAT = 1


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


def _searched(texts: Iterable[str]) -> list[str]:
    """The texts long enough to look for, shortest first."""
    return sorted({t.strip() for t in texts if len(t.strip()) >= SCAN_MIN_LENGTH}, key=len)


def pattern(texts: Iterable[str]) -> re.Pattern[str] | None:
    """One search for every text long enough to look for, in any case, across line breaks."""
    words = _searched(texts)
    if not words:
        return None
    alternatives = (r"\s+".join(map(re.escape, w.split())) for w in reversed(words))
    return re.compile("|".join(alternatives), re.IGNORECASE)


def leaks(root: Path, texts: Iterable[str], skip: Iterable[str] = ()) -> list[str]:
    """Files under ``root`` (but its folders named in ``skip``) that contain a text marked not
    public. The texts themselves are not repeated: build logs are often public too."""
    search = pattern(texts)
    if search is None:
        return []
    return sorted(rel for rel, path in cache.files_under(root, skip)
                  if search.search(readable_text(Path(path))))  # fmt: skip


class Scans:
    """The sites the last scan of the output ``out`` found clean, if it searched for the same
    texts with the same code: each by its stamp."""

    def __init__(self, out: Path, texts: Iterable[str]) -> None:
        digest = hashlib.sha256(f"{FORMAT}\0{cache.code_version()}".encode())
        for text in sorted(_searched(texts)):
            digest.update(b"\0" + text.encode())
        self.key = digest.hexdigest()
        self.entry = cache.entry_for("scans", str(out.resolve()))
        found = cache.kept(self.entry, self.key) if self.entry is not None else None
        self.clean: dict[str, str] = found if isinstance(found, dict) else {}

    def unchanged(self, stamps: Mapping[str, str]) -> set[str]:
        """Of the sites with these stamps, those found clean as they are now."""
        return {pid for pid, stamp in stamps.items() if self.clean.get(pid) == stamp}

    def found_clean(self, stamps: Mapping[str, str]) -> None:
        """Note the sites with these stamps as found clean by this scan."""
        if self.entry is not None and dict(stamps) != self.clean:
            cache.keep(self.entry, self.key, dict(stamps))
