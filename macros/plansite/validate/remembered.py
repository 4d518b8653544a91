"""A check's result, remembered for the data it was made from.

Checking a national data folder means reading megabytes of YAML into the model, which takes
longer than anything else a warm ``plansite check`` does. The result depends only on the
files in the data folder, the day (some warnings are about dates), the code that checked
them and the versions of what it uses; so it is kept under a digest of all of these, and a
check of the same files with the same code on the same day reads it back instead.

Any edit to any file of the data folder (or to the code, or a new day) changes the digest,
and the data is checked afresh. One entry is kept per data folder, replaced by each new
result, so the cache does not grow with edits. Entries are Python pickles, which can run
code when read, so an entry is read only when it, and the folder it is in, belong to the
user running the check and nobody else can write to them (see ``cache.kept``); a file that
cannot be read is ignored and written again.
"""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

from plansite.history.cache import add_tree, code_version, entry_for, keep, kept
from plansite.validate import check
from plansite.validate.report import Report

FORMAT = 2


def remembered_check(root: Path, only: str | None = None, advice: bool = True) -> Report:
    """``check(root, only, advice)``, read back when the same files were checked by the same
    code today. A check without advice (a build's) reads back a full check but keeps none of
    its own: it would serve only another build of the very same files, and writing it takes
    longer (0.5 s at national scale, beside the build's workers) than it would save."""
    root = root.resolve()
    entry = entry_for("checks", str(root), only or "")
    if entry is None or not root.is_dir():
        return check(root, only, advice)
    digest = hashlib.sha256(f"{FORMAT}\0{code_version()}\0{date.today().isoformat()}".encode())
    add_tree(digest, root)
    key = digest.hexdigest()
    if isinstance(found := kept(entry, key), Report):
        return found
    report = check(root, only, advice)
    if advice:
        keep(entry, key, Report(report.data, report.problems))  # not what was derived from it
    return report
