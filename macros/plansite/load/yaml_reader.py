"""Read one YAML data file safely, keeping where every value was written.

The reader walks libyaml's parse events itself instead of using a YAML loader, so no
constructor ever runs: tags are refused, anchors and aliases are refused (no alias bombs),
duplicate keys are refused, and every scalar stays the string that was written (YAML 1.1
would turn ``no`` into False and ``0123`` into 83). The model converts strings to values.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from plansite.load.errors import Diagnostic, format_path

MAX_BYTES = 2_000_000
MAX_DEPTH = 40
MAX_NODES = 200_000
_NULLS = {"", "~", "null", "Null", "NULL"}
_Parser = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

Path_ = tuple[str | int, ...]


@dataclass
class YamlFile:
    """A parsed file: its data and the line/column (1-based) of every key and value."""

    rel: str
    data: Any = None
    values: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def locate(self, path: Path_, *, key: bool = False) -> tuple[int, int]:
        """Where ``path`` was written, or its nearest written ancestor."""
        table = self.keys if key else self.values
        p = path
        while p:
            if p in table:
                return table[p]
            if p in self.values:
                return self.values[p]
            p = p[:-1]
        return self.values.get((), (1, 1))

    def diagnostic(
        self, code: str, path: Path_, message: str, *, key: bool = False, hint: str = ""
    ) -> Diagnostic:
        line, col = self.locate(path, key=key)
        return Diagnostic(code, self.rel, line, col, format_path(path), message, hint)


class _RefusedError(Exception):
    def __init__(self, code: str, mark: Any, message: str) -> None:
        super().__init__(message)
        self.code, self.mark, self.message = code, mark, message


def read_yaml(path: Path, rel: str) -> tuple[YamlFile, list[Diagnostic]]:
    """Parse ``path``; on any problem return no data and one located diagnostic."""
    out = YamlFile(rel)

    def fail(
        code: str, message: str, line: int = 1, col: int = 1
    ) -> tuple[YamlFile, list[Diagnostic]]:
        return out, [Diagnostic(code, rel, line, col, "", message)]

    size = path.stat().st_size
    if size > MAX_BYTES:
        return fail(
            "file-too-large", f"the file is {size:,} bytes; the limit is {MAX_BYTES:,} bytes"
        )
    raw = path.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        return fail("file-bom", "the file starts with a byte order mark")
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        return fail("file-binary", "the file contains a NUL byte", line)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return fail("file-encoding", f"byte 0x{raw[exc.start]:02x} is not valid UTF-8", line)
    for number, line_text in enumerate(text.splitlines(), 1):
        indent = line_text[: len(line_text) - len(line_text.lstrip(" \t"))]
        if "\t" in indent and line_text.strip() and not line_text.lstrip().startswith("#"):
            return fail(
                "yaml-tab", "this line is indented with a tab", number, indent.index("\t") + 1
            )
    if not text.strip() or all(
        not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()
    ):
        return fail("file-empty", "the file has no data")
    try:
        out.data = _Builder(out).build(text)
    except _RefusedError as exc:
        return fail(exc.code, exc.message, exc.mark.line + 1, exc.mark.column + 1)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        context, start = getattr(exc, "context", None), getattr(exc, "context_mark", None)
        if context and start and start is not mark:
            # libyaml notices an unclosed bracket or quote only later: say where it began.
            problem += f" ({context.removeprefix('while ')} that starts at line {start.line + 1})"
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        if "nesting depth" in problem:  # libyaml's own limit, met before ours in flow style
            return fail("yaml-too-deep", f"values are nested too deeply: {problem}", line, col)
        return fail("yaml-syntax", f"the YAML cannot be read: {problem}", line, col)
    if not isinstance(out.data, dict):
        return fail(
            "yaml-not-mapping", "expected keys at the top of the file, found a list or a value"
        )
    return out, []


class _Builder:
    """Turns parse events into dicts, lists and strings, recording positions."""

    def __init__(self, out: YamlFile) -> None:
        self.out = out
        self.nodes = 0

    def build(self, text: str) -> Any:
        parser = _Parser(text)
        try:
            self._expect(parser, yaml.StreamStartEvent)
            if parser.check_event(yaml.StreamEndEvent):
                return None
            self._expect(parser, yaml.DocumentStartEvent)
            value = self._node(parser, (), 0)
            self._expect(parser, yaml.DocumentEndEvent)
            if not parser.check_event(yaml.StreamEndEvent):
                event = parser.get_event()
                raise _RefusedError(
                    "yaml-documents", event.start_mark, "the file holds more than one document"
                )
            return value
        finally:
            dispose = getattr(parser, "dispose", None)
            if dispose:
                dispose()

    @staticmethod
    def _expect(parser: Any, kind: type) -> Any:
        event = parser.get_event()
        if not isinstance(event, kind):  # pragma: no cover - libyaml guarantees the order
            raise _RefusedError("yaml-syntax", event.start_mark, "unexpected YAML structure")
        return event

    def _node(self, parser: Any, path: Path_, depth: int) -> Any:
        event = parser.get_event()
        mark = event.start_mark
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise _RefusedError(
                "yaml-too-many", mark, f"the file has more than {MAX_NODES:,} values"
            )
        if isinstance(event, yaml.AliasEvent):
            raise _RefusedError("yaml-alias", mark, f"alias *{event.anchor} is not allowed")
        if getattr(event, "anchor", None):
            raise _RefusedError("yaml-alias", mark, f"anchor &{event.anchor} is not allowed")
        tag = getattr(event, "tag", None)
        if tag and not (isinstance(event, yaml.ScalarEvent) and tag == "!"):
            raise _RefusedError("yaml-tag", mark, f"tag {tag!r} is not allowed")
        if depth > MAX_DEPTH:
            raise _RefusedError(
                "yaml-too-deep", mark, f"values are nested more than {MAX_DEPTH} levels deep"
            )
        self.out.values[path] = (mark.line + 1, mark.column + 1)
        if isinstance(event, yaml.ScalarEvent):
            plain = event.implicit[0] and not event.style
            return None if plain and event.value in _NULLS else event.value
        if isinstance(event, yaml.SequenceStartEvent):
            items: list[Any] = []
            while not parser.check_event(yaml.SequenceEndEvent):
                items.append(self._node(parser, (*path, len(items)), depth + 1))
            parser.get_event()
            return items
        if isinstance(event, yaml.MappingStartEvent):
            mapping: dict[str, Any] = {}
            while not parser.check_event(yaml.MappingEndEvent):
                key_event = parser.peek_event()
                key = self._node(parser, (*path, "\x00key"), depth + 1)
                self.out.values.pop((*path, "\x00key"), None)
                if not isinstance(key, str):
                    raise _RefusedError(
                        "yaml-syntax", key_event.start_mark, "a key must be plain text"
                    )
                if key in mapping:
                    first = self.out.keys[(*path, key)]
                    raise _RefusedError(
                        "yaml-duplicate-key",
                        key_event.start_mark,
                        f"key {key!r} appears twice in {format_path(path) or 'the file'} "
                        f"(first at line {first[0]})",
                    )
                self.out.keys[(*path, key)] = (
                    key_event.start_mark.line + 1,
                    key_event.start_mark.column + 1,
                )
                mapping[key] = self._node(parser, (*path, key), depth + 1)
            parser.get_event()
            return mapping
        raise _RefusedError("yaml-syntax", mark, "unexpected YAML structure")  # pragma: no cover
