"""Every YAML snippet in the guide for editors can be copied as it is shown.

Each fenced ``yaml`` block in ``docs/guide/*.md`` (the generated ``fields.md`` aside) has a
marker: an HTML comment on the last non-blank line before the block, unseen on the built
page. The marker says what the snippet is and where it goes in the shipped data (paths
start with ``data/``, as an editor sees them from the project folder):

``<!-- example: add to FILE under KEY -->``
    New list items, pasted at the end of the top-level list ``KEY`` of ``FILE``.
``<!-- example: add to FILE under KEY of ID -->``
    New list items, pasted at the end of the list ``KEY`` of the item ``- id: ID``.
``<!-- example: set in FILE -->``
    Top-level fields of ``FILE``: each replaces the field of that name, or is added at the
    end of the file.
``<!-- example: set in FILE for ID -->``
    Fields of the item ``- id: ID``, indented as they are there: each replaces the field of
    that name, or is added at the end of the item. A snippet that starts ``- id: ID`` is the
    whole item, and replaces it.
``<!-- example: as in FILE -->``
    Lines shown as they are in ``FILE`` (indented the same, or all by the same amount
    less): nothing to apply. ``FILE`` may also be in ``docs/guide/examples/``, the guide's
    complete data folder of plans of other shapes (checked by ``tests/test_shapes.py``).
``<!-- mistake CODE: OPERATION -->``
    A deliberate mistake, applied as one of the operations above; ``plansite check`` must
    fail, and every error it reports must have the code ``CODE``.
``<!-- file: PATH -->``
    Not data: the whole of the project's file ``PATH``, word for word.

An example is applied to a fresh copy of the shipped ``data/`` folder, and the real
``plansite check`` must then report no errors. A ``text`` block marked ``<!-- output -->``
after a mistake is what the check prints for it: its error lines, which the page may wrap
(runs of spaces and line breaks count as one space).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import ROOT, CheckRun, copy_shipped

GUIDE = ROOT / "docs" / "guide"
GENERATED = {"fields.md"}  # written by `plansite schema`, from the model
EXAMPLE_DATA = "docs/guide/examples/"  # complete data folders of plans of other shapes

MARKER = re.compile(
    r"^<!--\s*(?:(?P<kind>example|file|output)|mistake\s+(?P<code>[a-z0-9-]+))"
    r"\s*(?::\s*(?P<op>.*?))?\s*-->$"
)
ADD = re.compile(r"^add to (?P<file>\S+) under (?P<key>[\w-]+)(?: of (?P<id>[\w-]+))?$")
SET = re.compile(r"^set in (?P<file>\S+?)(?: for (?P<id>[\w-]+))?$")
AS_IN = re.compile(r"^as in (?P<file>\S+)$")
FENCE = re.compile(r"^(?P<indent>\s*)```(?P<lang>[\w-]*)\s*$")
FIELD = re.compile(r"^(?P<indent> *)(?P<key>[A-Za-z_][\w-]*):(?:\s|$)")


@dataclass
class Block:
    page: str
    line: int  # of the opening fence, counted from 1
    lang: str
    text: str
    marker: re.Match[str] | None

    @property
    def name(self) -> str:
        return f"{self.page}:{self.line}"


def blocks(page: Path) -> list[Block]:
    """The fenced blocks of a page, each with the marker on the line before it, if any."""
    found, lines = [], page.read_text(encoding="utf-8").splitlines()
    i = 0
    while i < len(lines):
        fence = FENCE.match(lines[i])
        if not fence:
            i += 1
            continue
        end = next(j for j in range(i + 1, len(lines)) if lines[j].strip() == "```")
        before = [ln.strip() for ln in lines[:i] if ln.strip()]
        marker = MARKER.match(before[-1]) if before else None
        margin = len(fence["indent"])  # a block in a list item is indented with it
        text = "".join(ln[margin:] + "\n" for ln in lines[i + 1 : end])
        found.append(Block(page.name, i + 1, fence["lang"], text, marker))
        i = end + 1
    return found


PAGES = sorted(p for p in GUIDE.glob("*.md") if p.name not in GENERATED)
ALL = [b for page in PAGES for b in blocks(page)]
YAML = [b for b in ALL if b.lang in ("yaml", "yml")]
EXAMPLES = [b for b in YAML if b.marker and b.marker["kind"] == "example"]
MISTAKES = [b for b in YAML if b.marker and b.marker["code"]]
FILES = [b for b in YAML if b.marker and b.marker["kind"] == "file"]


def test_every_yaml_block_in_the_guide_has_a_marker() -> None:
    assert YAML, "the guide has no YAML blocks: has it moved?"
    unmarked = [b.name for b in YAML if b.marker is None]
    assert not unmarked, (
        "put an <!-- example: ... --> or <!-- mistake CODE: ... --> line before each YAML "
        f"block (see this test's docstring): {unmarked}"
    )
    bad = [b.name for b in YAML if b.marker and b.marker["kind"] == "output"]
    assert not bad, f"<!-- output --> marks a text block, not YAML: {bad}"


def test_every_output_block_follows_a_mistake() -> None:
    last: Block | None = None
    for b in ALL:
        if b.marker and b.marker["kind"] == "output":
            assert b.lang == "text", f"{b.name}: an output block is a ``text`` block"
            assert last is not None and last.page == b.page and last.marker, b.name
            assert last.marker["code"], f"{b.name}: output follows {last.name}, not a mistake"
        if b.lang in ("yaml", "yml"):
            last = b


def output_after(block: Block) -> Block | None:
    """The ``<!-- output -->`` block that shows what the check prints for ``block``."""
    later = ALL[ALL.index(block) + 1 :]
    for b in later:
        if b.page != block.page or b.lang in ("yaml", "yml"):
            return None
        if b.marker and b.marker["kind"] == "output":
            return b
    return None


# Applying a snippet to a file, as a person pasting it would.


def content(line: str) -> bool:
    return bool(line.strip()) and not line.lstrip().startswith("#")


def indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def trimmed_end(lines: list[str], start: int, end: int) -> int:
    """``end`` moved back over blank and comment lines, but not before ``start + 1``."""
    while end > start + 1 and not content(lines[end - 1]):
        end -= 1
    return end


def block_end(lines: list[str], start: int, deeper_than: int) -> int:
    """Where the block that starts at ``start`` ends: the next line of data indented
    ``deeper_than`` spaces or fewer."""
    end = start + 1
    while end < len(lines) and not (content(lines[end]) and indent(lines[end]) <= deeper_than):
        end += 1
    return trimmed_end(lines, start, end)


def find_field(lines: list[str], start: int, end: int, column: int, key: str) -> int | None:
    for i in range(start, end):
        field = FIELD.match(lines[i])
        if field and len(field["indent"]) == column and field["key"] == key:
            return i
    return None


def find_item(lines: list[str], item: str, rel: str) -> tuple[int, int, int]:
    """The item ``- id: ITEM``: its first line, its end, and the column of its fields."""
    pattern = re.compile(rf"^(?P<indent> *)- id: {re.escape(item)}\s*(?:#.*)?$")
    starts = [i for i, ln in enumerate(lines) if pattern.match(ln)]
    assert len(starts) == 1, f"{rel} must have one item '- id: {item}', has {len(starts)}"
    start = starts[0]
    hyphen = indent(lines[start])
    return start, block_end(lines, start, hyphen), hyphen + 2


def chunks(snippet: list[str], rel: str) -> Iterator[tuple[str, list[str]]]:
    """The snippet's fields at its own left margin, each as (name, its lines)."""
    margin = min(indent(ln) for ln in snippet if content(ln))
    key, lines = "", list[str]()
    for ln in snippet:
        field = FIELD.match(ln)
        if field and len(field["indent"]) == margin:
            if key:
                yield key, lines
                lines = []
            key = field["key"]
        elif not key and content(ln):
            raise AssertionError(f"the snippet for {rel} must start with a field, not {ln!r}")
        lines.append(ln)
    if key:
        yield key, lines


def set_fields(
    lines: list[str], start: int, end: int, column: int, snippet: list[str], rel: str
) -> list[str]:
    """Each field of the snippet replaces the field of that name in lines[start:end] at
    ``column``, or is added at ``end``."""
    for key, chunk in chunks(snippet, rel):
        at = find_field(lines, start, end, column, key)
        if at is None:
            lines[end:end] = chunk
            end += len(chunk)
        else:
            stop = block_end(lines, at, column)
            lines[at:stop] = chunk
            end += len(chunk) - (stop - at)
    return lines


def apply(data: Path, op: str, snippet_text: str, *, strict: bool) -> Path:
    """Apply the snippet to the data folder as ``op`` says; return the file it changes.
    ``strict``: the snippet must fit where it goes (an example, as opposed to a mistake)."""
    snippet = snippet_text.splitlines()
    if match := AS_IN.match(op):
        # The guide's own example data folders are shown as they are, too.
        shown = match["file"]
        path = ROOT / shown if shown.startswith(EXAMPLE_DATA) else target(data, shown)
        assert path.is_file(), f"{shown} is not a file"
        assert_shown_as_in(snippet, path.read_text(encoding="utf-8").splitlines(), op)
        return path
    match = ADD.match(op) or SET.match(op)
    assert match, f"unknown operation {op!r}: see the docstring of {__name__}"
    path = target(data, match["file"])
    rel, lines = match["file"], path.read_text(encoding="utf-8").splitlines()
    item = match["id"]
    if op.startswith("add "):
        if item:
            start, end, column = find_item(lines, item, rel)
            at = find_field(lines, start, end, column, match["key"])
            assert at is not None, f"{rel}: item {item} has no field {match['key']}"
            end = block_end(lines, at, column)
        else:
            at = find_field(lines, 0, len(lines), 0, match["key"])
            assert at is not None, f"{rel} has no top-level field {match['key']}"
            end = block_end(lines, at, 0)
        if strict:
            here = next(indent(ln) for ln in lines[at + 1 : end] if content(ln))
            mine = next(indent(ln) for ln in snippet if content(ln))
            assert mine == here, f"indent the snippet {here} spaces, like the list in {rel}"
        lines[end:end] = snippet
    elif item is None:
        lines = set_fields(lines, 0, len(lines), 0, snippet, rel)
    else:
        start, end, column = find_item(lines, item, rel)
        first = next(ln for ln in snippet if content(ln))
        if first.lstrip().startswith("- id:"):
            assert first.strip() == f"- id: {item}", f"the snippet is not the item {item}"
            if strict:
                assert indent(first) == column - 2, f"indent it like the item in {rel}"
            lines[start:end] = snippet
        else:
            if strict:
                margin = min(indent(ln) for ln in snippet if content(ln))
                assert margin == column, f"indent the fields {column} spaces, as in {rel}"
            lines = set_fields(lines, start, end, column, snippet, rel)
    path.write_text("".join(ln + "\n" for ln in lines), encoding="utf-8")
    return path


def target(data: Path, rel: str) -> Path:
    assert rel.startswith("data/"), f"name the file from the project folder: data/..., not {rel}"
    path = data / rel.removeprefix("data/")
    assert path.is_file(), f"{rel} is not a file of the shipped data"
    return path


def assert_shown_as_in(snippet: list[str], lines: list[str], op: str) -> None:
    """The snippet's lines are consecutive lines of the file, all indented alike."""
    width = len(snippet)
    for i in range(len(lines) - width + 1):
        window = lines[i : i + width]
        shift = indent(window[0]) - indent(snippet[0])
        if shift >= 0 and all(
            w == " " * shift + s if s else not w.strip()
            for w, s in zip(window, snippet, strict=True)
        ):
            return
    raise AssertionError(f"the snippet is not in the file, as it says ({op})")


# The shipped data, copied once: each snippet changes one file, which is put back after.


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_shipped(tmp_path_factory.mktemp("guide"))


@pytest.fixture
def fresh(data: Path) -> Iterator[Path]:
    """The copy of the shipped data, as shipped; any file a test changed is put back."""
    before = {p: p.read_bytes() for p in data.rglob("*.yaml")}
    yield data
    for path, text in before.items():
        if path.read_bytes() != text:
            path.write_bytes(text)
    for path in set(data.rglob("*.yaml")) - set(before):  # pragma: no cover - never made
        path.unlink()


def errors_of(run: CheckRun) -> list[str]:
    return [ln for ln in run.err.splitlines() if ln.strip()]


@pytest.mark.parametrize("block", EXAMPLES, ids=lambda b: b.name)
def test_each_example_passes_the_check_once_pasted(
    block: Block, fresh: Path, run_check: Callable[..., CheckRun]
) -> None:
    assert block.marker
    op = block.marker["op"] or ""
    apply(fresh, op, block.text, strict=True)
    result = run_check(fresh)
    assert result.code == 0 and not errors_of(result), (
        f"{block.name} ({op}) gives errors:\n" + "\n".join(errors_of(result))
    )


@pytest.mark.parametrize("block", MISTAKES, ids=lambda b: b.name)
def test_each_mistake_fails_the_check_with_its_code(
    block: Block, fresh: Path, run_check: Callable[..., CheckRun]
) -> None:
    assert block.marker
    code, op = block.marker["code"], block.marker["op"] or ""
    apply(fresh, op, block.text, strict=False)
    result = run_check(fresh)
    errors = errors_of(result)
    assert result.code == 1 and errors, f"{block.name} ({op}) passes the check"
    wrong = [e for e in errors if f": [{code}]" not in e]
    assert not wrong, f"{block.name} should give only [{code}], gives:\n" + "\n".join(wrong)
    shown = output_after(block)
    if shown:
        printed = "\n".join(errors).replace(str(fresh.parent) + "/", "")
        assert " ".join(shown.text.split()) == " ".join(printed.split()), (
            f"{shown.name} shows what the check printed before; now it prints:\n{printed}"
        )


def test_the_shipped_data_passes_the_check_as_the_guide_shows_it(
    fresh: Path, run_check: Callable[..., CheckRun]
) -> None:
    """Excerpts (``as in``) change nothing; the data they are taken from must pass."""
    excerpts = [b for b in EXAMPLES if b.marker and (b.marker["op"] or "").startswith("as in")]
    assert excerpts
    assert run_check(fresh).code == 0


@pytest.mark.parametrize("block", FILES, ids=lambda b: b.name)
def test_a_file_shown_in_the_guide_is_the_file_itself(block: Block) -> None:
    assert block.marker
    path = ROOT / (block.marker["op"] or "")
    assert path.is_file(), f"{block.name} shows {path}, which does not exist"
    assert block.text == path.read_text(encoding="utf-8"), (
        f"{block.name} and {path.relative_to(ROOT)} differ: copy the file into the page"
    )


# The publishing workflow that a partnership copying the project uses.

WORKFLOW = ROOT / ".github" / "workflows" / "publish.yml"
OFFICIAL = {
    "actions/checkout": "v7",
    "actions/setup-python": "v7",
    "actions/upload-pages-artifact": "v5",
    "actions/deploy-pages": "v5",
}


def steps(workflow: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for name, job in workflow["jobs"].items():
        for step in job["steps"]:
            yield name, step


def test_the_publishing_workflow_checks_proposals_and_publishes_the_main_branch() -> None:
    assert any(b.marker and b.marker["op"] == str(WORKFLOW.relative_to(ROOT)) for b in FILES), (
        "go-live.md shows the workflow"
    )
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads the key `on` as true
    assert "pull_request" in triggers
    assert triggers["push"]["branches"] == ["main"]
    used = {
        s["uses"].split("@")[0]: s["uses"].split("@")[1] for _, s in steps(workflow) if "uses" in s
    }
    assert used == OFFICIAL
    runs = [s["run"] for _, s in steps(workflow) if "run" in s]
    # Only what a partnership's data needs: no test tools, no system packages.
    assert runs == ["python -m pip install -e .", "plansite check", "plansite build"]
    main_only = "github.ref == 'refs/heads/main' && github.event_name != 'pull_request'"
    upload = next(s for _, s in steps(workflow) if "upload-pages-artifact" in s.get("uses", ""))
    assert upload["if"] == main_only and upload["with"]["path"] == "site/"
    publish = workflow["jobs"]["publish"]
    assert publish["if"] == main_only and publish["needs"] == "check"
    assert publish["permissions"] == {"pages": "write", "id-token": "write"}
    assert workflow["permissions"] == {"contents": "read"}
