"""``plansite build``: check the data once, build every site into a fresh folder, crawl it,
and only then put it in place of the published output.

MkDocs empties its output folder before building, so building straight into the published
folder would take the live site down on any failure. Here a failure at any stage leaves
the published output as it was.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from plansite.site.cache import checked
from plansite.site.crawl import crawl
from plansite.site.guard import scan, secure
from plansite.site.plugin import ENV_DATA, ENV_PARTNERSHIP

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


class BuildError(Exception):
    """A build stopped; the message says why and where."""


@dataclass
class BuildResult:
    sites: int
    pages: int
    seconds: float


def build_site(mkdocs_yml: Path, data: Path, dest: Path, partnership: str) -> None:
    """Build one site (a partnership's, or the national index when ``partnership`` is '')."""
    os.environ[ENV_DATA] = str(data.resolve())
    os.environ[ENV_PARTNERSHIP] = partnership
    try:
        config = load_config(str(mkdocs_yml), site_dir=str(dest), strict=True)
        mkdocs_build(config)
    except MkDocsException as exc:
        raise BuildError(f"{partnership or 'national index'}: {exc}") from exc
    except SystemExit as exc:  # mkdocs-macros exits on a rendering error it has logged
        raise BuildError(
            f"{partnership or 'national index'}: a page failed to render (see the log above)"
        ) from exc


def build_all(
    mkdocs_yml: Path,
    data: Path,
    out: Path,
    only: str | None = None,
    say: Callable[[str], None] = print,
) -> BuildResult:
    started = time.perf_counter()
    report = checked(data.resolve())
    if report.errors:
        raise BuildError(
            f"the data has {len(report.errors)} error(s); nothing was built:\n"
            + "\n".join(d.format() for d in report.errors)
        )
    ids = sorted(report.data.partnerships)
    if only is not None and only not in ids:
        raise BuildError(f"no partnership {only!r} (there are: {', '.join(ids)})")
    out = out.resolve()
    staging = out.parent / f".{out.name}.staging"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    try:
        if only is None:
            # The national index first: MkDocs cleans its output folder, which holds the others.
            build_site(mkdocs_yml, data, staging, "")
            say("built national index")
        for n, pid in enumerate([only] if only else ids, 1):
            build_site(mkdocs_yml, data, staging / pid, pid)
            say(f"built {pid} ({n}/{1 if only else len(ids)})")
        unsafe = scan(staging)
        if unsafe:
            raise BuildError(
                f"{len(unsafe)} unsafe element(s) in the output:\n" + "\n".join(unsafe[:50])
            )
        result = crawl(staging)
        if result.broken:
            raise BuildError(
                f"{len(result.broken)} broken internal link(s):\n" + "\n".join(result.broken[:50])
            )
        secure(staging / only if only else staging)
        _publish(staging, out, only)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    sites = 1 if only else len(ids) + 1
    return BuildResult(sites, result.pages, time.perf_counter() - started)


def _publish(staging: Path, out: Path, only: str | None) -> None:
    """Swap the checked build into place, keeping the previous output beside it."""
    if only:
        source, target = staging / only, out / only
        out.mkdir(parents=True, exist_ok=True)
    else:
        source, target = staging, out
    previous = target.parent / f".{target.name}.previous"
    shutil.rmtree(previous, ignore_errors=True)
    if target.exists():
        target.rename(previous)
    source.rename(target)


def rollback(out: Path) -> None:
    """Put the previous output back in place (the current one becomes the previous)."""
    out = out.resolve()
    previous = out.parent / f".{out.name}.previous"
    if not previous.is_dir():
        raise BuildError(f"there is no previous output to go back to ({previous} does not exist)")
    swap = out.parent / f".{out.name}.swap"
    shutil.rmtree(swap, ignore_errors=True)
    if out.exists():
        out.rename(swap)
    previous.rename(out)
    if swap.exists():
        swap.rename(previous)
