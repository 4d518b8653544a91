"""Check a data folder: read and validate every file, resolve references, then advise."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from plansite.history.store import read_releases
from plansite.load.loader import load
from plansite.load.texts import walked_prose
from plansite.validate.advise import advise
from plansite.validate.duties import duties
from plansite.validate.freshness import freshness
from plansite.validate.parsed import kept_yaml
from plansite.validate.pictures import check_pictures
from plansite.validate.readability import readability
from plansite.validate.report import Report
from plansite.validate.resolve import check_dataset
from plansite.validate.translations import translation_problems
from plansite.validate.unshown import unshown
from plansite.validate.writing import check_writing


def check(root: Path, only: str | None = None, advice: bool = True) -> Report:
    """Check the data folder ``root``; with ``only``, the national files and that one
    partnership (a preview's check: publishing always checks everything). Without
    ``advice``, the checks that give only warnings and notes, never an error (advise,
    duties, freshness, readability, unshown: ``tests/test_error_codes.py`` holds them to it)
    are left out: a build, which only errors stop, goes without them, and sooner."""
    with _building():
        data, problems = load(root, only, read=kept_yaml)
        for pd in data.partnerships.values():  # what each partnership has published so far
            published = read_releases(pd.folder, pd.folder.relative_to(root.parent).as_posix())
            pd.releases = published.releases
            problems += published.problems
        problems += check_dataset(data)
        problems += check_pictures(data)
        if advice:
            walked = {pd.id: walked_prose(pd) for pd in data.partnerships.values()}  # read twice
            problems += advise(data, walked)
            problems += duties(data)
            problems += freshness(data)
            problems += readability(data)
            problems += unshown(data, walked)
        problems += check_writing(data)
        problems += translation_problems(data)
    problems.sort(key=lambda d: (d.severity != "error", d.file, d.line, d.column, d.code))
    return Report(data, problems, advice)


@contextmanager
def _building() -> Iterator[None]:
    """Keep the cyclic garbage collector out of the way while the data set is built.

    Checking creates a million or so objects that all stay alive, with no reference
    cycles among them; the collector, run every few hundred allocations, would scan them
    again and again and find nothing (that was a third of the time of a national check).
    Afterwards they are moved straight to the oldest generation, where they are scanned
    only by the occasional full collection, as any long-lived data is.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        if not gc.get_freeze_count():  # unfreezing would also thaw what someone else froze
            gc.freeze()
            gc.unfreeze()
        gc.enable()
