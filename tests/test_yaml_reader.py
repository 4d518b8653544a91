"""The YAML reader: safe, exact, bounded."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest

from plansite.load.yaml_reader import read_yaml


def read(tmp_path: Path, content: str | bytes) -> tuple[object, list[str]]:
    path = tmp_path / "file.yaml"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    file, problems = read_yaml(path, "file.yaml")
    return file.data, [p.format() for p in problems]


def test_scalars_keep_the_text_that_was_written(tmp_path: Path) -> None:
    data, problems = read(
        tmp_path, "a: no\nb: on\nc: 1:30\nd: 0123\ne: 1e3\nf: 2017-04-01\ng: ~\nh:\ni: ''\n"
    )
    assert problems == []
    assert data == {
        "a": "no", "b": "on", "c": "1:30", "d": "0123", "e": "1e3", "f": "2017-04-01",
        "g": None, "h": None, "i": "",
    }  # fmt: skip


def test_positions_are_recorded_for_keys_and_values(tmp_path: Path) -> None:
    path = tmp_path / "f.yaml"
    path.write_text("top:\n  - name: x\n    kind: y\n", encoding="utf-8")
    file, _ = read_yaml(path, "f.yaml")
    assert file.locate(("top", 0, "kind")) == (3, 11)
    assert file.locate(("top", 0, "kind"), key=True) == (3, 5)
    # A path that was never written points at its nearest written parent.
    assert file.locate(("top", 0, "missing")) == (2, 5)


def test_a_nine_level_alias_bomb_is_refused_fast_and_small(tmp_path: Path) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 9):
        prev, cur = chr(96 + i), chr(97 + i)
        lines.append(f"{cur}: &{cur} [" + ",".join([f"*{prev}"] * 9) + "]")
    tracemalloc.start()
    _, problems = read(tmp_path, "\n".join(lines) + "\n")
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert problems and "[yaml-alias]" in problems[0]
    # Expanded, the bomb would hold 9**9 strings; refused, it costs almost nothing.
    assert peak < 20 * 2**20


def test_a_20_mb_file_is_refused_without_being_parsed(tmp_path: Path) -> None:
    text = "items:\n" + "  - x\n" * 3_500_000
    tracemalloc.start()
    _, problems = read(tmp_path, text)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert "[file-too-large]" in problems[0]
    # Parsed, 3.5 million list items would take hundreds of megabytes; refused unread, the
    # cost is about the file's own size.
    assert peak < 2 * len(text)


def test_python_tags_never_run(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    _, problems = read(tmp_path, f'a: !!python/object/apply:os.system ["touch {marker}"]\n')
    assert "[yaml-tag]" in problems[0]
    assert not marker.exists()


def test_deep_nesting_is_refused(tmp_path: Path) -> None:
    _, problems = read(tmp_path, "a: " + "[" * 5000 + "]" * 5000 + "\n")
    assert "[yaml-too-deep]" in problems[0]


def test_duplicate_keys_in_nested_mappings_name_the_first(tmp_path: Path) -> None:
    _, problems = read(tmp_path, "a:\n  b: 1\n  c: 2\n  b: 3\n")
    assert problems[0].startswith("file.yaml:4:3: [yaml-duplicate-key]")
    assert "first at line 2" in problems[0]


def test_non_utf8_is_located(tmp_path: Path) -> None:
    _, problems = read(tmp_path, b"a: 1\nb: caf\xe9\n")
    assert problems[0].startswith("file.yaml:2:1: [file-encoding]")


@pytest.mark.parametrize(
    ("content", "hint"),
    [
        # A colon and a space inside a text: the fix is quotes, written out in full.
        ("name: Phase 2: the pilot\n", 'put the text in double quotes, so that YAML reads all '
         'of it as text: name: "Phase 2: the pilot"'),
        ("- id: x\n  summary: @home visits\n", 'summary: "@home visits"'),
        ('note: "said "no" twice"\n', 'the text is in " marks and has " marks inside it: put it '
         "in ' marks instead"),
        ("services:\n  - id: a\n    name: b\n   note: c\n", "line 4 starts after 3 spaces and "
         "the line above after 4 spaces: indent each field to line up"),
        ("note: 'unclosed\nnext: 1\n", "close the quote"),
    ],
)  # fmt: skip
def test_syntax_errors_say_how_to_fix_the_line(tmp_path: Path, content: str, hint: str) -> None:
    _, problems = read(tmp_path, content)
    assert len(problems) == 1 and "[yaml-syntax]" in problems[0]
    assert hint in problems[0].split(" — ", 1)[1], problems[0]
