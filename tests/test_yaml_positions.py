"""Where the YAML reader says a value was written, including in a file it refused."""

from __future__ import annotations

from pathlib import Path

from plansite.load.errors import Diagnostic
from plansite.load.yaml_reader import YamlFile, read_yaml

TEXT = """\
# a comment
top:
  - name: x
    tags: [a, "b", {c: d}]
  -
    - deep
other: ~
"""


def located(tmp_path: Path, text: str) -> tuple[YamlFile, list[Diagnostic]]:
    path = tmp_path / "f.yaml"
    path.write_text(text, encoding="utf-8")
    return read_yaml(path, "f.yaml")


def test_every_key_and_value_has_its_position(tmp_path: Path) -> None:
    file, problems = located(tmp_path, TEXT)
    assert problems == []
    assert file.locate(()) == (2, 1)
    assert file.locate(("top",)) == (3, 3)
    assert file.locate(("top",), key=True) == (2, 1)
    assert file.locate(("top", 0)) == (3, 5)
    assert file.locate(("top", 0), key=True) == (3, 5)  # a list item has no key
    assert file.locate(("top", 0, "tags", 1)) == (4, 15)
    assert file.locate(("top", 0, "tags", 2, "c")) == (4, 24)
    assert file.locate(("top", 0, "tags", 2, "c"), key=True) == (4, 21)
    assert file.locate(("top", 1, 0)) == (6, 7)
    assert file.locate(("other",)) == (7, 8)


def test_a_path_never_written_points_at_its_nearest_written_parent(tmp_path: Path) -> None:
    file, _ = located(tmp_path, TEXT)
    assert file.locate(("top", 0, "tags", 9)) == (4, 11)
    assert file.locate(("top", 0, "tags", -1)) == (4, 11)
    assert file.locate(("top", "0")) == (3, 3)  # a list is not indexed by text
    assert file.locate(("other", "below")) == (7, 8)
    assert file.locate(("missing", "below"), key=True) == (2, 1)


def test_a_refused_file_keeps_the_positions_read_before_the_refusal(tmp_path: Path) -> None:
    text = "actions:\n  - id: a1\n  - id: a2\n    id: a3\n"
    file, problems = located(tmp_path, text)
    assert [p.code for p in problems] == ["yaml-duplicate-key"]
    assert file.data is None
    assert file.locate(("actions",)) == (2, 3)
    assert file.locate(("actions", 1, "id")) == (3, 9)
    # The value after a key that libyaml could not read: the key is still known.
    file, problems = located(tmp_path, "a: 1\nb: {x\n")
    assert [p.code for p in problems] == ["yaml-syntax"]
    assert file.locate(("b",), key=True) == (2, 1)
    assert file.locate(("b",)) == (2, 4)
