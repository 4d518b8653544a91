"""Ids (and plan numbers) for rows added in a spreadsheet, following the plan's own pattern.

Plans number their items in different ways: ``c001 … c106`` through the whole plan,
``a1-1 … a1-5`` within each outcome, or descriptive ids such as ``housing-protocol``. A new
item continues the pattern of the items beside it when they share one, else the plan's
pattern, else gets an id made from its words.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Collection, Iterable

from plansite.model.common import SLUG_MAX

_NUMBERED = re.compile(r"^(.*?)(\d+)$")


def _stem(values: Iterable[str]) -> str | None:
    """The text before the trailing number that at least half of ``values`` share."""
    values = list(values)
    stems = Counter(m[1] for v in values if (m := _NUMBERED.match(v)))
    if not stems:
        return None
    stem, count = stems.most_common(1)[0]
    return stem if count * 2 >= len(values) else None


def _next(stem: str, everyone: Iterable[str]) -> str:
    """``stem`` followed by one more than the highest number after it, padded alike."""
    numbers = [m[2] for v in everyone if (m := _NUMBERED.match(v)) and m[1] == stem]
    highest = max(int(n) for n in numbers)
    width = max(len(n) for n in numbers) if any(n.startswith("0") for n in numbers) else 0
    return f"{stem}{highest + 1:0{width}d}"


def continue_pattern(siblings: Collection[str], everyone: Collection[str]) -> str | None:
    """The next value after ``siblings`` (the items beside the new one), counting across
    ``everyone`` so a plan-wide sequence is never repeated; None when there is no pattern."""
    for group in (siblings, everyone):
        stem = _stem(group) if group else None
        if stem is not None:
            return _next(stem, everyone)
    return None


def slug(text: str, limit: int = 40) -> str:
    # 'Café' becomes 'cafe', not 'caf'.
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.sub(r"[^a-z0-9]+", " ", ascii_text.lower()).split()
    out = ""
    for word in words:
        if out and len(out) + 1 + len(word) > limit:
            break
        out = f"{out}-{word}" if out else word[:limit]
    return out or "item"


def new_id(
    siblings: Collection[str], everyone: Collection[str], taken: Collection[str], words: str
) -> str:
    """A fresh id: the plan's pattern continued if it has one, else one made from ``words``."""
    counted = list(everyone)
    candidate = continue_pattern(siblings, counted)
    while candidate is not None:
        if candidate not in taken:
            return candidate
        counted.append(candidate)  # typed on another new row: count past it
        candidate = continue_pattern(siblings, counted)
    base = slug(words)
    candidate, n = base, 2
    while candidate in taken:
        suffix = f"-{n}"
        candidate, n = base[: SLUG_MAX - len(suffix)] + suffix, n + 1
    return candidate
