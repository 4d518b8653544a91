"""Check the data once per process while it is unchanged.

``plansite build`` builds several sites in one process and ``mkdocs serve`` rebuilds on
every edit: both reuse the checked data until a file in the data folder changes. Both
check only for what stops them (``check`` without advice: only errors do). A build,
which starts a new process each time, also reads back a result that ``plansite check``
kept on disk (``remembered_check``).
"""

from __future__ import annotations

import os
from pathlib import Path

from plansite.validate import check
from plansite.validate.remembered import remembered_check
from plansite.validate.report import Report

_cache: dict[tuple[Path, str | None], tuple[tuple[tuple[str, float, int], ...], Report]] = {}


def _stamp(root: Path) -> tuple[tuple[str, float, int], ...]:
    out = []
    for folder, _dirs, names in os.walk(root):
        for name in names:
            st = (Path(folder) / name).stat()
            out.append((str(Path(folder) / name), st.st_mtime, st.st_size))
    return tuple(sorted(out))


def checked(root: Path, only: str | None = None, remember: bool = False) -> Report:
    """The data of ``root`` checked for what would stop a build (``check`` without advice),
    once per process while it is unchanged; with ``remember``, read back from a check kept
    on disk by ``plansite check`` (``remembered_check``)."""
    stamp = _stamp(root)
    hit = _cache.get((root, only))
    if hit and hit[0] == stamp:
        return hit[1]
    if remember:
        report = remembered_check(root, only, advice=False)
    else:
        report = check(root, only, advice=False)
    _cache[(root, only)] = (stamp, report)
    return report
