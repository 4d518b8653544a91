"""Read one YAML data file safely, keeping where every value was written.

The reader walks libyaml's parse events itself instead of using a YAML loader, so no
constructor ever runs: tags are refused, anchors and aliases are refused (no alias bombs),
duplicate keys are refused, and every scalar stays the string that was written (YAML 1.1
would turn ``no`` into False and ``0123`` into 83). The model converts strings to values.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
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
_LINE_BREAK = re.compile("\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")  # as splitlines()
_KEY = "\x00key"  # stands in the path of a value written as a key (always refused)
_CHECK = object()  # a node that needs more than counting
_SCALAR, _MAPPING_END, _SEQUENCE_END = yaml.ScalarEvent, yaml.MappingEndEvent, yaml.SequenceEndEvent

Path_ = tuple[str | int, ...]


# Where each node was written, as a tree beside the data: a mapping's marks are
# {key: (key position, value position, marks inside the value)}, a sequence's are
# [(item position, marks inside the item)], and a scalar has none. A position is
# line << 32 | column, both 0-based: a plain int, where libyaml's mark objects, kept by
# the hundred thousand, would take memory and the garbage collector's time.
# The value position is None when the file was refused right after the key.
_Marks = dict[str, tuple[int, int | None, Any]] | list[tuple[int, Any]] | None


@dataclass
class YamlFile:
    """A parsed file: its data and the line/column (1-based) of every key and value."""

    rel: str
    data: Any = None
    # (position of the top value, marks inside it); None until the top value was accepted.
    marks: tuple[int, _Marks] | None = field(default=None, repr=False)

    def locate(self, path: Path_, *, key: bool = False) -> tuple[int, int]:
        """Where ``path`` was written, or its nearest written ancestor."""
        if self.marks is None:
            return (1, 1)
        found, inner = self.marks
        for part in path:
            if isinstance(inner, dict) and isinstance(part, str) and part in inner:
                key_found, found_value, inner = inner[part]
                if key:
                    found = key_found
                elif found_value is None:
                    break
                else:
                    found = found_value
            elif isinstance(inner, list) and isinstance(part, int) and 0 <= part < len(inner):
                found, inner = inner[part]
            else:
                break
        return (found >> 32) + 1, (found & 0xFFFFFFFF) + 1

    def diagnostic(
        self, code: str, path: Path_, message: str, *, key: bool = False, hint: str = ""
    ) -> Diagnostic:
        line, col = self.locate(path, key=key)
        return Diagnostic(code, self.rel, line, col, format_path(path), message, hint)


def _tab_indent(text: str) -> tuple[int, int] | None:
    """Line and column of the first tab in the indentation of a line that holds data."""
    if "\t" not in text:  # nearly every file: no need to look at each line
        return None
    for number, line_text in enumerate(text.splitlines(), 1):
        indent = line_text[: len(line_text) - len(line_text.lstrip(" \t"))]
        if "\t" in indent and line_text.strip() and not line_text.lstrip().startswith("#"):
            return number, indent.index("\t") + 1
    return None


def _has_data(text: str) -> bool:
    """Whether a line holds more than blanks and comments."""
    return any(ln.strip() and not ln.lstrip().startswith("#") for ln in _lines(text))


def _lines(text: str) -> Iterator[str]:
    """``text.splitlines()``, one at a time: most files show data within a few lines."""
    start = 0
    for end in _LINE_BREAK.finditer(text):
        yield text[start : end.start()]
        start = end.end()
    if start < len(text):
        yield text[start:]


_FIELD = re.compile(r"^(?P<lead>\s*(?:-\s+)?)(?P<key>[A-Za-z_][\w-]*):\s+(?P<value>.*?)\s*$")


def syntax_hint(problem: str, text: str, line: int) -> str:
    """How to fix the mistake libyaml found, in an editor's terms: nearly always quotes
    around a text, or indentation that lines up with the field above."""
    lines = text.splitlines()
    here = lines[line - 1] if 0 < line <= len(lines) else ""
    field = _FIELD.match(here)
    unquoted = ("mapping values are not allowed", "cannot start any token")
    if field and any(words in problem for words in unquoted):
        value = field["value"].replace("\\", "\\\\").replace('"', '\\"')
        return (
            "put the text in double quotes, so that YAML reads all of it as text: "
            f'{field["key"]}: "{value}"'
        )
    mark = field["value"][:1] if field else ""
    if mark in ('"', "'") and field and field["value"].count(mark) > 2:
        instead = "'" if mark == '"' else '"'
        return (
            f"the text is in {mark} marks and has {mark} marks inside it: put it in {instead} "
            "marks instead, or use curly quotes (“ ”) inside the text"
        )
    misplaced = ("could not find expected ':'", "did not find expected", "expected <block end>")
    if any(words in problem for words in misplaced):
        data = [ln for ln in lines[: line - 1] if ln.strip() and not ln.lstrip().startswith("#")]
        above = data[-1] if data else ""
        indent, other = len(here) - len(here.lstrip(" ")), len(above) - len(above.lstrip(" "))
        compared = f" and the line above after {_spaces(other)}" if above else ""
        return (
            f"line {line} starts after {_spaces(indent)}{compared}: indent each field to line "
            "up with the other fields of the same item, and put a text that runs onto the next "
            "line in quotes"
        )
    if "found unexpected end of stream" in problem or "quoted scalar" in problem:
        return "close the quote: a text that starts with a quote mark must end with the same one"
    return ""


def _spaces(count: int) -> str:
    return "1 space" if count == 1 else f"{count} spaces"


class _RefusedError(Exception):
    def __init__(self, code: str, at: int, message: str) -> None:
        super().__init__(message)
        self.code, self.at, self.message = code, at, message


def _failed(
    out: YamlFile, code: str, message: str, line: int = 1, col: int = 1, hint: str = ""
) -> tuple[YamlFile, list[Diagnostic]]:
    """No data, and one located diagnostic."""
    return out, [Diagnostic(code, out.rel, line, col, "", message, hint)]


def read_yaml(path: Path, rel: str) -> tuple[YamlFile, list[Diagnostic]]:
    """Parse ``path``; on any problem return no data and one located diagnostic."""
    out = YamlFile(rel)
    fail = functools.partial(_failed, out)

    size = path.stat().st_size
    if size > MAX_BYTES:
        return fail(
            "file-too-large", f"the file is {size:,} bytes; the limit is {MAX_BYTES:,} bytes"
        )
    return yaml_bytes(path.read_bytes(), rel)


def yaml_bytes(raw: bytes, rel: str) -> tuple[YamlFile, list[Diagnostic]]:
    """Parse the bytes ``raw`` of the file ``rel`` (see ``read_yaml``)."""
    out = YamlFile(rel)
    fail = functools.partial(_failed, out)

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
    return parse_yaml(text, rel)


def parse_yaml(text: str, rel: str) -> tuple[YamlFile, list[Diagnostic]]:
    """Parse YAML ``text`` read from ``rel``; on any problem return no data and one located
    diagnostic."""
    out = YamlFile(rel)
    fail = functools.partial(_failed, out)

    if tab := _tab_indent(text):
        return fail("yaml-tab", "this line is indented with a tab", *tab)
    if not _has_data(text):
        return fail("file-empty", "the file has no data")
    try:
        out.data = _Builder(out).build(text)
    except _RefusedError as exc:
        return fail(exc.code, exc.message, (exc.at >> 32) + 1, (exc.at & 0xFFFFFFFF) + 1)
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow: say where
        line = text.count("\n", 0, exc.position) + 1
        col = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        message = f"the text holds the character U+{code:04X}, which YAML cannot read"
        hint = "delete it: it is usually invisible, so retype the words around it"
        return fail("yaml-syntax", message, line, col, hint)
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
        hint = syntax_hint(problem, text, line)
        return fail("yaml-syntax", f"the YAML cannot be read: {problem}", line, col, hint)
    if not isinstance(out.data, dict):
        return fail(
            "yaml-not-mapping", "expected keys at the top of the file, found a list or a value"
        )
    return out, []


class _Builder:
    """Turns parse events into dicts, lists and strings, keeping their marks.

    The loops run once per value of every file, so the common case, a scalar that needs
    no check but the count, takes the short way (``plain``, and ``_at`` written out);
    anything else goes through ``accept``, whose checks run in the order that decides which
    refusal is reported.
    """

    def __init__(self, out: YamlFile) -> None:
        self.out = out
        self.budget = MAX_NODES  # values still allowed, keys included
        self.next_event: Any = None

    def build(self, text: str) -> Any:
        parser = _Parser(text)
        self.next_event = parser.get_event
        try:
            self._expect(yaml.StreamStartEvent)
            if parser.check_event(yaml.StreamEndEvent):
                return None
            self._expect(yaml.DocumentStartEvent)
            event = self.next_event()
            self.accept(event, 0)
            value, inner = _open(event)
            self.out.marks = (_at(event), inner)
            self.fill(value, inner, ())
            self._expect(yaml.DocumentEndEvent)
            if not parser.check_event(yaml.StreamEndEvent):
                event = parser.get_event()
                raise _RefusedError(
                    "yaml-documents", _at(event), "the file holds more than one document"
                )
            return value
        finally:
            dispose = getattr(parser, "dispose", None)
            if dispose:
                dispose()

    def _expect(self, kind: type) -> None:
        event = self.next_event()
        if not isinstance(event, kind):  # pragma: no cover - libyaml guarantees the order
            raise _RefusedError("yaml-syntax", _at(event), "unexpected YAML structure")

    def accept(self, event: Any, depth: int) -> None:
        """Refuse a node the data may not hold."""
        self.budget -= 1
        if self.budget < 0:
            raise _RefusedError(
                "yaml-too-many", _at(event), f"the file has more than {MAX_NODES:,} values"
            )
        if type(event) is yaml.AliasEvent:
            raise _RefusedError("yaml-alias", _at(event), f"alias *{event.anchor} is not allowed")
        if event.anchor:
            raise _RefusedError("yaml-alias", _at(event), f"anchor &{event.anchor} is not allowed")
        tag = event.tag
        if tag and not (type(event) is yaml.ScalarEvent and tag == "!"):
            raise _RefusedError("yaml-tag", _at(event), f"tag {tag!r} is not allowed")
        if depth > MAX_DEPTH:
            raise _RefusedError(
                "yaml-too-deep", _at(event), f"values are nested more than {MAX_DEPTH} levels deep"
            )

    def fill(self, value: Any, inner: _Marks, path: Path_) -> None:
        """Read the contents of the mapping or sequence at ``path`` (a scalar has none)."""
        if isinstance(inner, dict):
            self.mapping(value, inner, path)
        elif isinstance(inner, list):
            self.sequence(value, inner, path)

    def plain(self, event: Any, kind: type, fast: bool) -> Any:
        """The value of ``event`` if it is a scalar that needs no check but the count (the
        common case), else ``_CHECK``."""
        if kind is not _SCALAR or not fast or not self.budget or event.anchor or event.tag:
            return _CHECK
        self.budget -= 1
        return _scalar(event)

    def mapping(self, data: dict[str, Any], marks: dict[str, Any], path: Path_) -> None:
        next_event, plain, child = self.next_event, self.plain, len(path) + 1
        fast = child <= MAX_DEPTH
        while True:
            event = next_event()
            kind = type(event)
            if kind is _MAPPING_END:
                return
            key_at = (mark := event.start_mark).line << 32 | mark.column
            key = plain(event, kind, fast)
            if key is _CHECK:
                self.accept(event, child)
                key, inner = _open(event)
                self.fill(key, inner, (*path, _KEY))
            if not isinstance(key, str):
                raise _RefusedError("yaml-syntax", key_at, "a key must be plain text")
            if key in data:
                raise _duplicate(key, key_at, marks[key][0], path)
            try:
                event = next_event()
            except yaml.YAMLError:  # the key was read, and diagnostics may point at it
                marks[key] = (key_at, None, None)
                raise
            value = plain(event, type(event), fast)
            if value is not _CHECK:
                data[key] = value
                marks[key] = (key_at, (mark := event.start_mark).line << 32 | mark.column, None)
                continue
            marks[key] = (key_at, None, None)
            self.accept(event, child)
            data[key], inner = _open(event)
            marks[key] = (key_at, _at(event), inner)
            self.fill(data[key], inner, (*path, key))

    def sequence(self, data: list[Any], marks: list[tuple[Any, Any]], path: Path_) -> None:
        next_event, plain, child = self.next_event, self.plain, len(path) + 1
        fast = child <= MAX_DEPTH
        while True:
            event = next_event()
            kind = type(event)
            if kind is _SEQUENCE_END:
                return
            value = plain(event, kind, fast)
            if value is not _CHECK:
                data.append(value)
                marks.append(((mark := event.start_mark).line << 32 | mark.column, None))
                continue
            self.accept(event, child)
            value, inner = _open(event)
            data.append(value)
            marks.append((_at(event), inner))
            self.fill(value, inner, (*path, len(data) - 1))


def _duplicate(key: str, at: int, first: int, path: Path_) -> _RefusedError:
    return _RefusedError(
        "yaml-duplicate-key",
        at,
        f"key {key!r} appears twice in {format_path(path) or 'the file'} "
        f"(first at line {(first >> 32) + 1})",
    )


def _at(event: Any) -> int:
    """Where ``event`` starts, as one int (see ``_Marks``)."""
    mark = event.start_mark
    at: int = mark.line << 32 | mark.column
    return at


def _open(event: Any) -> tuple[Any, _Marks]:
    """The value a node event starts: a scalar's value, or an empty mapping or sequence."""
    kind = type(event)
    if kind is yaml.ScalarEvent:
        return _scalar(event), None
    if kind is yaml.MappingStartEvent:
        return {}, {}
    if kind is yaml.SequenceStartEvent:
        return [], []
    raise _RefusedError(  # pragma: no cover - accept() let only node events through
        "yaml-syntax", _at(event), "unexpected YAML structure"
    )


def _scalar(event: Any) -> str | None:
    """The text as written; a plain empty, ``~`` or ``null`` is no value at all."""
    value: str = event.value
    if value in _NULLS and event.implicit[0] and not event.style:
        return None
    return value
