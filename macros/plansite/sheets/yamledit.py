"""Edit YAML data files in place, keeping comments, key order, quoting and layout.

The files are read and written in round-trip mode, set up like the data files are written:
two-space mappings, list dashes indented two spaces under their key, and no re-wrapping of
long lines (the files wrap their own text). Unchanged, every shipped data file comes back
byte for byte.

Comment lines between two items are kept by the YAML library on the last value before them.
Adding after that value would put the new item below a comment that introduces the next
one (or below the file's closing comment), so such lines are moved past whatever is added.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from datetime import date
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    FoldedScalarString,
    LiteralScalarString,
    SingleQuotedScalarString,
)
from ruamel.yaml.tokens import CommentToken

LINE = 100  # the data files keep folded text within this many columns
Container = CommentedMap | CommentedSeq


def _yaml() -> YAML:
    y = YAML(typ="rt")
    y.indent(mapping=2, sequence=4, offset=2)
    y.width = 4096  # never fold a line the file did not fold itself
    y.preserve_quotes = True
    y.brace_single_entry_mapping_in_flow_sequence = True  # keep [{organisation: x}] as written
    return y


def load(text: str) -> Any:
    return _yaml().load(text)


def dump(doc: Any) -> str:
    out = io.StringIO()
    _yaml().dump(doc, out)
    return out.getvalue()


def scalar(text: str) -> Any:
    """A value written as plainly as the files write it: a full date stays unquoted."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return date.fromisoformat(text)
    return text


def styled(text: str, like: Any, indent: int = 6) -> Any:
    """``text`` written in the same style as ``like`` (quoted, folded …) if it was styled."""
    for kind in (DoubleQuotedScalarString, SingleQuotedScalarString, LiteralScalarString):
        if isinstance(like, kind):
            return kind(text)
    if isinstance(like, FoldedScalarString) and "\n" not in text and len(text) > LINE - indent:
        return folded(text, indent)
    return scalar(text)


def folded(text: str, indent: int) -> FoldedScalarString:
    """Folded text broken at spaces so no line passes ``LINE`` columns."""
    out: FoldedScalarString = FoldedScalarString(text)
    limit = max(40, LINE - indent)
    breaks: list[int] = []
    start, space = 0, None
    for i, ch in enumerate(text):
        if i - start >= limit and space is not None:
            breaks.append(space)
            start, space = space + 1, None
        if ch == " " and 0 < i < len(text) - 1 and text[i - 1] != " " and text[i + 1] != " ":
            space = i
    out.fold_pos = breaks  # type: ignore[attr-defined]
    return out


def new_map(*, flow: bool = False) -> CommentedMap:
    m = CommentedMap()
    if flow:
        m.fa.set_flow_style()
    return m


def new_seq(values: Sequence[Any] = (), *, flow: bool = False) -> CommentedSeq:
    s = CommentedSeq(values)
    if flow:
        s.fa.set_flow_style()
    else:
        s.fa.set_block_style()
    return s


def is_flow(node: Any) -> bool:
    return isinstance(node, CommentedMap | CommentedSeq) and bool(node.fa.flow_style())


def content_indent(m: CommentedMap) -> int:
    """The column where a folded value of one of ``m``'s keys starts."""
    col = getattr(m.lc, "col", None)
    return (col if isinstance(col, int) else 4) + 2


def put(m: CommentedMap, key: str, value: Any, order: Sequence[str], like: Any = None) -> None:
    """Set ``m[key]``; a new key goes where the model's field ``order`` puts it."""
    if isinstance(value, str):
        value = styled(value, m.get(key, like), content_indent(m))
    if key in m:
        old = m[key]
        if isinstance(old, CommentedMap | CommentedSeq) and not is_flow(old):
            tail = take_tail(old)
            m[key] = value
            give_tail(m, tail)
        else:
            m[key] = value  # the key's own comments stay with it
        return
    rank = {k: i for i, k in enumerate(order)}
    here = rank.get(key, len(order))
    pos = 0
    for i, k in enumerate(m):
        if rank.get(k, len(order)) < here:
            pos = i + 1
    if pos >= len(m):
        tail = take_tail(m)
        m[key] = value
        give_tail(m, tail)
    else:
        m.insert(pos, key, value)


def drop(m: CommentedMap, key: str) -> None:
    """Remove ``m[key]``, keeping any comment lines written after its value."""
    if key not in m:
        return
    keys = list(m)
    at = keys.index(key)
    tail = _take(_holder(m, key))
    del m[key]
    m.ca.items.pop(key, None)
    if at > 0:
        give_tail(m, tail, keys[at - 1])
    elif m:
        # The first key's trailing comments now follow nothing: keep them after the new first.
        give_tail(m, tail, keys[1])


def append(seq: CommentedSeq, item: Any, after: int | None = None) -> None:
    """Add ``item`` after ``seq[after]`` (default: at the end), below the comment lines that
    follow that entry: they introduce the entry after it, or close the file."""
    at = len(seq) - 1 if after is None else after
    tail = _take(_holder(seq, at)) if seq else ""
    if isinstance(item, CommentedMap | CommentedSeq) and not is_flow(item) and is_flow(seq):
        seq.fa.set_block_style()  # e.g. `updates: []` becoming a list of updates
    seq.insert(at + 1, item)
    give_tail(seq, tail, at + 1)


def flow_fits(seq: CommentedSeq, key: str, item: CommentedMap, text: str) -> bool:
    """Whether a new value written ``text`` in flow style (``[a, b]``) suits ``item[key]``: the
    other items write it so (or none has it) and it fits on the line."""
    styles = [is_flow(x[key]) for x in seq if x is not item and isinstance(x, CommentedMap)
              and isinstance(x.get(key), CommentedMap | CommentedSeq)]  # fmt: skip
    if styles and not any(styles):
        return False
    return content_indent(item) - 2 + len(key) + 2 + len(text) <= LINE


def _last(node: Container) -> str | int:
    return list(node)[-1] if isinstance(node, CommentedMap) else len(node) - 1


def _holder(node: Container, key: str | int) -> tuple[Container, str | int]:
    """Where the comment after ``node[key]`` (and its last nested value) is kept."""
    while True:
        if _token(node, key) is not None:
            return node, key
        child = node[key]
        if isinstance(child, CommentedMap | CommentedSeq) and child and not is_flow(child):
            node, key = child, _last(child)
            continue
        return node, key


def _slot(node: Container) -> int:
    return 2 if isinstance(node, CommentedMap) else 0


def _token(node: Container, key: str | int) -> CommentToken | None:
    entry = node.ca.items.get(key)
    pos = _slot(node)
    if entry is None or len(entry) <= pos:
        return None
    token = entry[pos]
    return token if isinstance(token, CommentToken) else None


def _take(where: tuple[Container, str | int]) -> str:
    """Detach the full-line comments after a value, leaving its end-of-line comment."""
    node, key = where
    token = _token(node, key)
    if token is None:
        return ""
    text = token.value
    if text.startswith("#"):
        eol, _, rest = text.partition("\n")
        token.value = eol + "\n"
        return "\n" + rest if rest.strip() else ""
    node.ca.items[key][_slot(node)] = None
    return text


def take_tail(node: Container) -> str:
    """Detach the comment lines that follow the last value of ``node``."""
    if not node:
        return ""
    return _take(_holder(node, _last(node)))


def give_tail(node: Container, text: str, key: str | int | None = None) -> None:
    """Put comment lines ``text`` after ``node[key]`` (default: its last value)."""
    if not text or not node:
        return
    where, at = _holder(node, _last(node) if key is None else key)
    token = _token(where, at)
    if token is not None:
        token.value = token.value.rstrip("\n") + text
        return
    slot = _slot(where)
    entry = where.ca.items.setdefault(at, [None] * (4 if slot == 2 else 2))
    entry[slot] = CommentToken(text, CommentMark(0), None)
