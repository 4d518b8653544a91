"""Damaged data, at random: every case is a clean pass or located errors, and a failed build
publishes nothing.

Each case copies the minimal data set, damages one or more of its YAML files (lines deleted,
duplicated, swapped or re-indented, files cut short, values of the wrong type, ids that
name nothing, odd characters, very long text), then runs ``plansite check`` as the command
line does. It must exit 0 or 1, print no traceback, and print every problem as
``data/<file>:<line>:<column>: [<code>] ...`` with a code from the catalogue, pointing inside
the file it names. When the check fails, ``plansite build`` into an already published output
must raise BuildError and leave that output exactly as it was.

The suite runs a few hundred cases, the same ones on every run. For a long run set
``PLANSITE_FUZZ_EXAMPLES``, for example::

    PLANSITE_FUZZ_EXAMPLES=5000 python -m pytest -q tests/test_fuzz.py
"""

from __future__ import annotations

import io
import itertools
import json
import os
import re
import tempfile
import time
from collections.abc import Iterator
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from plansite.cli import main
from plansite.load.errors import CATALOGUE
from plansite.site.build import BuildError
from tests.conftest import MINIMAL, append, copy_minimal, edit
from tests.site_helpers import build, tree_hash

# Hypothesis's report of a failure loads libcst where it is installed, and older libcst warns
# as it loads: with warnings as errors, that would hide the failure behind an internal error.
pytestmark = pytest.mark.filterwarnings(
    "ignore:mypy_extensions.TypedDict is deprecated:DeprecationWarning"
)

EXAMPLES = int(os.environ.get("PLANSITE_FUZZ_EXAMPLES", "300"))
# Builds of data that passes take seconds each, so only a few are tried, however long the run.
PASSING_BUILDS = 3

FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,  # the same cases on every run and every machine
    database=None,
    # Very long strings are part of the damage, and checking them is the point.
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

YAML_FILES = sorted(p.relative_to(MINIMAL).as_posix() for p in MINIMAL.rglob("*.yaml"))
ORIGINALS = {rel: (MINIMAL / rel).read_text(encoding="utf-8") for rel in YAML_FILES}

# Fields whose values name something else in the data.
REFERENCE_KEYS = frozenset(
    ["under", "leads", "organisation", "local_authority", "parent", "level", "current_plan",
     "services", "outcomes", "audiences", "help", "localities", "funders", "organisations",
     "frameworks", "about"]
)  # fmt: skip
KEY_VALUE = re.compile(r"^(?P<lead>[ \t]*(?:-[ \t]+)?)(?P<key>[\w-]+):(?P<value>.*)$")

LOCATED = re.compile(r"^(?P<file>data/[^:]+):(?P<line>\d+):(?P<column>\d+): \[(?P<code>[a-z-]+)\] ")
# What would make one printed line show as more than one, or rewrite what a terminal shows.
CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
SUMMARY = re.compile(
    r"^check (passed|failed): (\d+) error\(s\), (\d+) warning\(s\)(?:, (\d+) note\(s\))?"
)


# --- Damage ------------------------------------------------------------------------------
# Each kind of damage holds plain numbers and strings, and positions are taken modulo the
# file's size when applied: a failing case shrinks to a small, readable description.


def _lines(text: str) -> list[str]:
    return text.split("\n")


@dataclass(frozen=True)
class DeleteLine:
    at: int

    def apply(self, text: str) -> str:
        lines = _lines(text)
        del lines[self.at % len(lines)]
        return "\n".join(lines)


@dataclass(frozen=True)
class DuplicateLine:
    at: int

    def apply(self, text: str) -> str:
        lines = _lines(text)
        i = self.at % len(lines)
        lines.insert(i, lines[i])
        return "\n".join(lines)


@dataclass(frozen=True)
class SwapLines:
    a: int
    b: int

    def apply(self, text: str) -> str:
        lines = _lines(text)
        i, j = self.a % len(lines), self.b % len(lines)
        lines[i], lines[j] = lines[j], lines[i]
        return "\n".join(lines)


@dataclass(frozen=True)
class Reindent:
    at: int
    indent: str

    def apply(self, text: str) -> str:
        lines = _lines(text)
        i = self.at % len(lines)
        lines[i] = self.indent + lines[i].lstrip(" \t")
        return "\n".join(lines)


@dataclass(frozen=True)
class Truncate:
    at: int

    def apply(self, text: str) -> str:
        return text[: self.at % (len(text) + 1)]


@dataclass(frozen=True)
class Insert:
    at: int
    odd: str

    def apply(self, text: str) -> str:
        i = self.at % (len(text) + 1)
        return text[:i] + self.odd + text[i:]


def _replace_value(text: str, at: int, value: str, only: frozenset[str] | None) -> str:
    lines = _lines(text)
    found = [
        (i, m)
        for i, line in enumerate(lines)
        if (m := KEY_VALUE.match(line)) and (only is None or m["key"] in only)
    ]
    if not found:
        return text
    i, m = found[at % len(found)]
    lines[i] = f"{m['lead']}{m['key']}: {value}"
    return "\n".join(lines)


@dataclass(frozen=True)
class WrongType:
    """A field's value replaced by a value of another kind (a flow value: JSON is YAML)."""

    at: int
    value: str

    def apply(self, text: str) -> str:
        return _replace_value(text, self.at, self.value, None)


@dataclass(frozen=True)
class UnknownId:
    """A reference to something, as a single id and as a list, naming an id that may not
    exist."""

    at: int
    name: str
    as_list: bool

    def apply(self, text: str) -> str:
        value = f"[{self.name}]" if self.as_list else self.name
        return _replace_value(text, self.at, value, REFERENCE_KEYS)


Damage = (
    DeleteLine | DuplicateLine | SwapLines | Reindent | Truncate | Insert | WrongType | UnknownId
)

positions = st.integers(min_value=0, max_value=10_000)

indents = st.one_of(
    st.sampled_from(["", " ", "   ", "\t", "\t\t", "  \t", "\t  ", " " * 12]),
    st.text(alphabet=" \t", max_size=10),
)

# Characters that are easy to miss and hard to print: controls, NUL, bidi controls and
# overrides, zero-width and invisible characters, other line breaks, noncharacters.
ODD_CHARACTERS = [
    "\x00", "\x01", "\x07", "\x08", "\x0b", "\x0c", "\r", "\x1b[31m", "\x7f", "\x85",
    "\u00a0", "\u00ad", "\u061c", "\u200b", "\u200c", "\u200d", "\u200e", "\u200f",
    "\u2028", "\u2029", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2060",
    "\u2066", "\u2067", "\u2068", "\u2069", "\ufeff", "\ufffd", "\ufffe", "\uffff",
    "\ue000", "\U0010ffff", "e\u0301", "\U0001f600", "\U0001d54f", "\u0130",
]  # fmt: skip

odd_text = st.one_of(
    st.sampled_from(ODD_CHARACTERS),
    st.lists(st.sampled_from(ODD_CHARACTERS), min_size=2, max_size=6).map("".join),
    st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=20),
    # Very long text: past the limit of a text field, and once past the limit of a file.
    st.builds(
        lambda char, n: char * n,
        st.sampled_from(["x", "é", "\u200b", "word ", "\U0001f600"]),
        st.sampled_from([2_001, 20_000, 2_100_000]),
    ),
)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=6,
)

# Values of another kind than a field expects, or that YAML reads as something else.
WRONG_VALUES = [
    "[]", "{}", "[1, 2]", "{a: 1}", "[[]]", "{id: x}", "42", "-1", "0", "3.5", "1e400",
    ".nan", "-.inf", "true", "false", "yes", "no", "null", "~", "", '""', "''", "2017-02-30",
    "99999-01-01", "0x1F", "0o17", '"\\ud800"', '"\\x00"', "'", '"', "[", "{", "- x",
    "? x", "&a x", "*a", "!!str x", "|", ">-", "%", "@x", "`x`",
]  # fmt: skip

wrong_values = st.one_of(st.sampled_from(WRONG_VALUES), json_values.map(json.dumps))

ids = st.from_regex(r"[a-z][a-z0-9-]{0,30}", fullmatch=True) | st.text(max_size=12)

damages: st.SearchStrategy[Damage] = st.one_of(
    st.builds(DeleteLine, positions),
    st.builds(DuplicateLine, positions),
    st.builds(SwapLines, positions, positions),
    st.builds(Reindent, positions, indents),
    st.builds(Truncate, positions),
    st.builds(Insert, positions, odd_text),
    st.builds(WrongType, positions, wrong_values),
    st.builds(UnknownId, positions, ids, st.booleans()),
)

# One or more files, each with one or more kinds of damage, applied in order.
damaged_files = st.lists(st.tuples(st.sampled_from(YAML_FILES), damages), min_size=1, max_size=4)


# --- Running the real commands ------------------------------------------------------------


class Workspace:
    """A data folder and a published output, both reused from case to case.

    The data folder keeps one path, so that the build's check, which it keeps while no file's
    time or size changes, is not kept once per case. Every case stamps its files with a time
    of its own: the clock that stamps files can tick more slowly than cases run."""

    def __init__(self, root: Path) -> None:
        self.data = root / "data"
        self.out = root / "published" / "site"
        self.published = ""  # tree_hash of the output as last published
        self.beside: list[str] = []  # what lies next to it (the previous output, the lock)
        self._stamps = itertools.count(time.time_ns(), 1_000_000)
        copy_minimal(root)

    def damage(self, damage: list[tuple[str, Damage]]) -> None:
        """Make the data the minimal data set with ``damage`` done to it."""
        texts = dict(ORIGINALS)
        for rel, harm in damage:
            texts[rel] = harm.apply(texts[rel])
        stamp = next(self._stamps)
        for rel, text in texts.items():
            path = self.data / rel
            path.write_text(text, encoding="utf-8", newline="")
            os.utime(path, ns=(stamp, stamp))

    def published_now(self) -> None:
        """Remember the output as it stands: what a failed build must leave."""
        self.published = tree_hash(self.out)
        self.beside = self.next_to_output()

    def next_to_output(self) -> list[str]:
        return sorted(p.name for p in self.out.parent.iterdir())


@dataclass
class Checked:
    code: int
    out: str
    err: str


def run_check(data: Path) -> Checked:
    """``plansite check --data DIR`` in this process, printing to UTF-8 streams as a terminal
    would: text that cannot be written as UTF-8 fails here as it would there."""
    raw_out, raw_err = io.BytesIO(), io.BytesIO()
    out = io.TextIOWrapper(raw_out, encoding="utf-8", newline="\n", write_through=True)
    err = io.TextIOWrapper(raw_err, encoding="utf-8", newline="\n", write_through=True)
    with redirect_stdout(out), redirect_stderr(err):
        code = main(["check", "--data", str(data)])
    return Checked(code, raw_out.getvalue().decode("utf-8"), raw_err.getvalue().decode("utf-8"))


def assert_located(line: str, data: Path, *severities: str) -> str:
    """Hold one printed problem to the promise; return its severity."""
    m = LOCATED.match(line)
    assert m, f"not located: {line!r}"
    assert m["code"] in CATALOGUE, f"unknown code: {line!r}"
    severity = CATALOGUE[m["code"]].severity
    assert severity in severities, f"printed among the {severities}: {line!r}"
    where = data.parent / m["file"]
    assert where.is_file() or m["code"] == "file-missing", f"names no file: {line!r}"
    lineno, column = int(m["line"]), int(m["column"])
    assert lineno >= 1 and column >= 1, line
    if where.is_file():
        # Counted as generously as any line break could be: the place is inside the file.
        lines = where.read_text(encoding="utf-8", errors="replace").splitlines()
        assert lineno <= len(lines) + 1, f"past the end of a file of {len(lines)} lines: {line!r}"
    return severity


def check_reports_properly(data: Path) -> list[str]:
    """Run the check and hold its output to the promise: located problems, no traceback.
    Returns the errors."""
    result = run_check(data)
    text = result.out + result.err
    assert result.code in (0, 1), text[-2000:]
    assert "Traceback" not in text, text[-2000:]
    assert not CONTROLS.search(text), f"a control character in: {text[-2000:]!r}"
    errors = [line for line in result.err.split("\n") if line]
    for line in errors:
        assert_located(line, data, "error")
    printed = [line for line in result.out.split("\n") if line]
    assert printed, "no summary line"
    *located, summary = printed
    severities = [assert_located(line, data, "warning", "note") for line in located]
    counts = SUMMARY.match(summary)
    assert counts, f"no summary line: {summary!r}"
    told = (int(counts[2]), int(counts[3]), int(counts[4] or 0))
    found = (len(errors), severities.count("warning"), severities.count("note"))
    assert told == found, text[-2000:]
    assert result.code == (1 if errors else 0), text[-2000:]
    return errors


# --- The tests ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def workspace() -> Iterator[Workspace]:
    """Real output, built once from the undamaged data."""
    with tempfile.TemporaryDirectory(prefix="plansite-fuzz-") as root:
        space = Workspace(Path(root))
        build(space.data, space.out)
        space.published_now()
        yield space


@pytest.mark.slow
@FUZZ
@given(damage=damaged_files)
def test_damaged_data_gives_located_errors_and_publishes_nothing(
    workspace: Workspace, damage: list[tuple[str, Damage]]
) -> None:
    workspace.damage(damage)
    errors = check_reports_properly(workspace.data)
    if not errors:
        return
    with pytest.raises(BuildError) as failed:
        build(workspace.data, workspace.out)
    # The build says why, in the check's own words.
    for line in errors:
        assert line in str(failed.value)
    assert tree_hash(workspace.out) == workspace.published
    assert workspace.next_to_output() == workspace.beside


@pytest.mark.slow
@settings(FUZZ, max_examples=PASSING_BUILDS)
@given(damage=st.lists(st.tuples(st.sampled_from(YAML_FILES), damages), min_size=1, max_size=1))
def test_damaged_data_that_passes_check_publishes_whole_or_not_at_all(
    workspace: Workspace, damage: list[tuple[str, Damage]]
) -> None:
    workspace.damage(damage)
    assume(not check_reports_properly(workspace.data))
    try:
        result = build(workspace.data, workspace.out)
    except BuildError:
        assert tree_hash(workspace.out) == workspace.published
        assert workspace.next_to_output() == workspace.beside
        return
    # Published whole, with the output it replaced kept for `plansite rollback`.
    assert result.pages > 0
    assert (workspace.out / "index.html").is_file()
    assert (workspace.out / "sample" / "index.html").is_file()
    assert (
        tree_hash(workspace.out.parent / f".{workspace.out.name}.previous") == workspace.published
    )
    workspace.published_now()


# --- Cases the fuzzing found ----------------------------------------------------------------


@pytest.fixture
def data() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="plansite-fuzz-") as root:
        yield copy_minimal(Path(root))


def test_a_character_yaml_does_not_allow_is_one_error_on_its_line(data: Path) -> None:
    # Was printed at 1:1, with libyaml's 'in "<unicode string>", position N' on a second line.
    edit(data, "glossary.yaml", "term: CJSW", "term: CJSW\x01")
    errors = check_reports_properly(data)
    assert len(errors) == 1 and errors[0].startswith("data/glossary.yaml:2:"), errors


@pytest.mark.parametrize("value", ["", "null", "[]", "[2017-05-01]", "{day: 1}"])
def test_a_change_note_date_that_is_not_a_date_is_an_error(data: Path, value: str) -> None:
    # Was accepted as it stood, and the check then stopped with a traceback comparing the note
    # with the release that published it.
    edit(data, "partnerships/sample/changes.yaml", "date: 2017-05-01", f"date: {value}")
    errors = check_reports_properly(data)
    assert any(e.startswith("data/partnerships/sample/changes.yaml:3:") for e in errors), errors


def test_an_accessibility_date_that_is_not_a_date_is_an_error(data: Path) -> None:
    # Was accepted by the check; the build then stopped with a serialisation error, not
    # BuildError.
    append(data / "partnerships/sample/partnership.yaml", "accessibility:\n  prepared: []\n")
    errors = check_reports_properly(data)
    assert any(e.startswith("data/partnerships/sample/partnership.yaml:29:") for e in errors)
