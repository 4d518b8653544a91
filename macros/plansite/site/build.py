"""``plansite build``: check the data once, build every site into a fresh folder, check it,
and only then put it in place of the published output.

MkDocs empties its output folder before building, so building straight into the published
folder would take the live site down on any failure. Here a failure at any stage leaves
the published output as it was.

Partnerships are separate MkDocs sites, so they build in parallel processes. The data is
checked once, in this process, before the workers start: forked workers share it.

A partnership's site whose inputs are the same as when the published one was built is
reused from it rather than built again (see ``reuse``); the national index reads every
partnership, and is always built.
"""

from __future__ import annotations

import contextlib
import gc
import glob
import json
import logging
import os
import posixpath
import shutil
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from plansite.exports.downloads import RELEASES_JSON
from plansite.load.dataset import PartnershipData
from plansite.site.cache import checked
from plansite.site.crawl import check_outside
from plansite.site.guard import finish, kept_facts, write_headers
from plansite.site.languages import marks_left
from plansite.site.plugin import PageRenderError, options
from plansite.site.privacy import Scans, leaks
from plansite.site.reuse import (
    RECORD,
    Kept,
    known_signatures,
    read_record,
    reuse,
    site_keys,
    stamp,
    take_spare,
    unchanged,
    write_record,
    write_signatures,
)
from plansite.site.timings import RUN_STAGES, SITE_STAGES, Timings, noted, taken
from plansite.site.workers import BuildError as BuildError  # where callers look for it
from plansite.site.workers import Pool, default_jobs, exclusive

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


@dataclass
class BuildResult:
    sites: int
    pages: int
    seconds: float
    jobs: int = 1
    rebuilt: list[str] = field(default_factory=list)  # partnerships built afresh
    reused: list[str] = field(default_factory=list)  # taken unchanged from the previous output
    timings: Timings = field(default_factory=Timings)  # where the time went


@dataclass
class SiteBuilt:
    """One site built and checked, as a worker reports it."""

    pid: str  # '' for the national index
    pages: int
    seconds: float
    unsafe: list[str] = field(default_factory=list)
    broken: list[str] = field(default_factory=list)
    outside: list[tuple[str, str, str]] = field(default_factory=list)
    scripts: set[str] = field(default_factory=set)
    timings: Timings = field(default_factory=Timings)
    files: list[str] = field(default_factory=list)  # as paths in the published tree


class _Warnings(logging.Handler):
    """MkDocs' own warnings, kept so that a build stopped by them can say what they were."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.seen: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.seen.append(record.getMessage())

    def said(self) -> str:
        return "".join(f"\n  {w}" for w in self.seen)


def build_site(
    mkdocs_yml: Path,
    data: Path,
    dest: Path,
    partnership: str,
    today: date | None = None,
    language: str = "",
) -> None:
    """Build one site (a partnership's, or the national index when ``partnership`` is ''),
    in English or in one of the partnership's other ``language``s."""
    which = partnership or "national index"
    warnings = _Warnings()
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.addHandler(warnings)
    try:
        config = load_config(
            str(mkdocs_yml),
            site_dir=str(dest),
            strict=True,
            **options(mkdocs_yml, data, partnership, today=today, language=language),
        )
        started, before = time.perf_counter(), _in_plugin()
        mkdocs_build(config)
        # MkDocs' own work: all of the build but the plugin's stages and the pages' passes.
        plugin = _in_plugin() - before
        noted().add(SITE_STAGES[3], time.perf_counter() - started - plugin)
    except PageRenderError as exc:
        raise BuildError(f"{which}: {exc}") from exc
    except MkDocsException as exc:
        # "Aborted with 2 warnings in strict mode!" says nothing of what was wrong: the
        # warnings themselves do, each naming its file.
        raise BuildError(f"{which}: {exc}{warnings.said()}") from exc
    except SystemExit as exc:  # mkdocs-macros exits on a rendering error it has logged
        raise BuildError(f"{which}: a page failed to render{warnings.said()}") from exc
    finally:
        mkdocs_log.removeHandler(warnings)


def _in_plugin() -> float:
    """Seconds noted so far in the stages the plugin notes itself."""
    return sum(noted().stages.get(stage, 0.0) for stage in SITE_STAGES[:3])


# The national index is built beside the partnership sites, then moved to the top: MkDocs
# empties its output folder, which would otherwise hold the others while they build.
NATIONAL = ".national"


Task = tuple[Path, Path, Path, str, date, list[str]]


def _build_and_check(task: Task) -> SiteBuilt:
    mkdocs_yml, data, dest, pid, today, languages = task
    started = time.perf_counter()
    build_site(mkdocs_yml, data, dest, pid, today)
    for code in languages:  # each language's site in its folder, checked with the English
        beside = dest.parent / f".{dest.name}.{code}"
        build_site(mkdocs_yml, data, beside, pid, today, code)
        if left := marks_left(beside):  # a value reached a page without passing the marking
            raise BuildError(f"{pid} ({code}): {len(left)} file(s) keep a language mark: "
                             + ", ".join(left[:20]))  # fmt: skip
        beside.rename(dest / code)
    # The national index's links into the partnerships' sites, which will be folders beside
    # its own, are checked with the links between sites once all are in place.
    with noted().stage(SITE_STAGES[4]):
        kept = kept_facts(dest)
        done = finish(dest, beside=not pid, kept=kept)
        kept.save()
    at = f"{pid}/" if pid else ""  # where the site will be in the published tree
    return SiteBuilt(
        pid,
        done.crawl.pages,
        time.perf_counter() - started,
        unsafe=[f"{at}{problem}" for problem in done.unsafe],
        broken=[f"{at}{problem}" for problem in done.crawl.broken],
        outside=[(f"{at}{page}", href, posixpath.normpath(f"{at}{target}"))
                 for page, href, target in done.crawl.outside],
        scripts=done.scripts,
        timings=taken(),
        files=[f"{at}{rel}" for rel in done.files],
    )  # fmt: skip


def _weight(pd: PartnershipData) -> int:
    """Roughly how many pages a partnership has: the largest start first, so that no worker
    is left with a big one at the end."""
    plans = pd.plans.values()
    return (
        len(pd.services)
        + len(pd.partnership.memberships)
        + sum(len(p.actions) + len(p.indicators) + len(p.plan.nodes) for p in plans)
    )


def build_all(
    mkdocs_yml: Path,
    data: Path,
    out: Path,
    only: str | None = None,
    say: Callable[[str], None] = print,
    jobs: int | None = None,
    cold: bool = False,
    today: date | None = None,
) -> BuildResult:
    """Build, check and publish every site (or ``only`` one partnership's) into ``out``.

    A partnership's site is reused from the published output when nothing it is made from
    changed, unless ``cold``; ``today`` is the day the sites are built for."""
    # The output two builds back, set aside by the last publishing, is deleted while the data
    # is checked, which keeps one core busy and leaves the other idle; but for the sites in
    # it that are the ones published now, kept for the reusing (``reuse.take_spare``).
    keep = None if only is not None or cold else out.resolve()
    deleted = _deleting(_discarded(out.resolve(), only), keep)
    try:
        return _build_all(mkdocs_yml, data, out, only, say, jobs, cold, today)
    finally:
        deleted()


def _build_all(
    mkdocs_yml: Path,
    data: Path,
    out: Path,
    only: str | None,
    say: Callable[[str], None],
    jobs: int | None,
    cold: bool,
    today: date | None,
) -> BuildResult:
    started = time.perf_counter()
    today = today or date.today()  # one day for every site, even across midnight
    run = Timings()
    alongside = _Alongside()
    with run.stage(RUN_STAGES[0]):
        report = checked(data.resolve(), remember=True)
    if report.errors:
        raise BuildError(
            f"the data has {len(report.errors)} error(s); nothing was built:\n"
            + "\n".join(d.format() for d in report.errors)
        )
    partnerships = report.data.partnerships
    if only is not None and only not in partnerships:
        raise BuildError(f"no partnership {only!r} (there are: {', '.join(sorted(partnerships))})")
    out = out.resolve()
    staging = out.parent / f".{out.name}.staging"
    with exclusive(out.parent / f".{out.name}.lock", f"another build is writing to {out}"):
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir(parents=True)
        try:
            pids = [only] if only else sorted(partnerships, key=lambda p: -_weight(partnerships[p]))
            with run.stage(RUN_STAGES[1]):
                keys = site_keys(mkdocs_yml, data, pids, today)
                # A build of one partnership publishes a site laid out for its own host (with
                # its own _headers): never one to reuse in a build of them all.
                same = _same_inputs(out, keys) if only is None and not cold else {}
            # The sites made from the same inputs are made sure of and put in place while the
            # others build (a rebuild leaves the cores idle most of the time).
            reusing = _Reusing(out, staging, same, say)
            alongside.work = reusing.run

            def task(pid: str) -> Task:
                languages = list(partnerships[pid].partnership.languages) if pid else []
                return (mkdocs_yml, data, staging / (pid or NATIONAL), pid, today, languages)

            tasks = [task(pid) for pid in ([""] if only is None else []) + pids if pid not in same]
            allowed = jobs or default_jobs()
            jobs = max(1, min(allowed, len(tasks)))
            # Sites are reused in this process while the others build: those build in a worker
            # even when there is only one (the national index), rather than take turns with
            # the reusing at this process's interpreter.
            apart = allowed > 1 and bool(same)
            with run.stage(RUN_STAGES[2]), _frozen():
                built = _build_sites(tasks, Pool(jobs, apart), started, say, alongside)
                if reusing.rejected:  # published files changed by hand: built after all
                    again = [task(pid) for pid in reusing.rejected]
                    built += _build_sites(again, Pool(jobs), started, say, _Alongside())
            kept, signed = reusing.kept, reusing.signed
            for site in built:
                run.merge(site.timings)
            # A reused site was checked when it was built, and its files are those checked
            # (``_Reusing`` compared them with the record): what it found then still holds.
            # Its links into other sites are checked again below with everyone else's.
            built += [SiteBuilt(pid, k.pages, 0.0, scripts=set(k.scripts), outside=k.outside,
                                files=[f"{pid}/{rel}" for rel in reusing.files[pid]])
                      for pid, k in kept.items()]  # fmt: skip
            with run.stage(RUN_STAGES[3]):
                pages = _check_tree(staging, only, built)
            record = {**kept, **{
                s.pid: Kept(keys[s.pid], stamp(staging / s.pid), s.pages, sorted(s.scripts),
                            sorted(s.outside))
                for s in built if s.pid and s.pid not in kept}}  # fmt: skip
            if only is None:
                write_record(staging, record)  # before the scan below, which reads it too
            # Every file, reused ones too: a value marked not public since a site was built
            # is still found in it. Only a site found clean by the last scan, and searched
            # for the same texts, is not read again (``privacy.Scans``).
            with run.stage(RUN_STAGES[4]):
                scans = Scans(out, report.private) if only is None else None
                stamps = {pid: k.stamp for pid, k in record.items()}
                clean = scans.unchanged({p: k.stamp for p, k in kept.items()}) if scans else set()
                found = leaks(staging, report.private, skip=clean)
            if found:
                raise BuildError(
                    f"{len(found)} file(s) of the output contain a value marked not public; "
                    "nothing was published. Either the value is also written in text that is "
                    "published (a description, a note), or it is marked not public by mistake:\n"
                    + "\n".join(found[:50])
                )
            if scans:
                scans.found_clean(stamps)
            for pid in pids:
                _keeps_published_history(out / pid, partnerships[pid])
            if only is not None and (out / RECORD).is_file():
                # The record no longer speaks for this partnership's published site.
                write_record(out, {p: k for p, k in read_record(out).items() if p != only})
            with run.stage(RUN_STAGES[5]):
                _publish(staging, out, only)
                if only is None:
                    write_signatures(out, record, signed)
        finally:
            alongside.wait()
            shutil.rmtree(staging, ignore_errors=True)
    rebuilt = sorted(s.pid for s in built if s.pid and s.pid not in kept)
    return BuildResult(
        len(built), pages, time.perf_counter() - started, jobs, rebuilt, sorted(kept), run
    )


@contextlib.contextmanager
def _frozen() -> Iterator[None]:
    """The checked data lasts to the end of the build: the collector need not look at it
    again while the sites build, and a worker that did would copy every page of memory it
    shares with this process."""
    if gc.get_freeze_count():  # someone else froze what they had: leave it to them
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _same_inputs(out: Path, keys: dict[str, str]) -> dict[str, Kept]:
    """The published partnership sites made from the same inputs as this build's."""
    return {pid: kept for pid, kept in read_record(out).items() if keys.get(pid) == kept.key}


class _Reusing:
    """Sites made from the same inputs as this build's, each reused (put in place in the
    new build) once its published files are found to be the ones recorded; one whose files
    were changed since is to be built again. ``run`` does this beside the workers, then
    deletes the spare sites it did not take."""

    def __init__(
        self, out: Path, staging: Path, same: dict[str, Kept], say: Callable[[str], None]
    ) -> None:
        self.out, self.staging, self.same, self.say = out, staging, same, say
        self.kept: dict[str, Kept] = {}
        self.signed: dict[str, str] = {}  # each reused site's signature (``reuse.unchanged``)
        self.files: dict[str, list[str]] = {}  # each reused site's files, found signing it
        self.rejected: list[str] = []

    def run(self) -> None:
        known, spare = known_signatures(self.out), _spare(self.out)
        try:
            for pid, kept in sorted(self.same.items()):
                target = self.staging / pid
                files: list[str] = []
                signed = take_spare(spare, pid, kept, known, target, files)
                if signed is None:  # linked file by file from the published site
                    signed = unchanged(self.out, pid, kept, known, files)
                    if signed is not None:
                        reuse(self.out / pid, target)
                if signed is None:
                    self.say(f"  {pid}: the published files were changed since they were "
                             "built; rebuilding")  # fmt: skip
                    self.rejected.append(pid)
                    continue
                self.kept[pid], self.signed[pid], self.files[pid] = kept, signed, files
                self.say(f"reused  {pid}: {kept.pages:,} pages, unchanged since the last build")
        finally:
            _deleting(spare)()


def _deleting(folder: Path, keep: Path | None = None) -> Callable[[], None]:
    """Start deleting ``folder`` (and what an interrupted build left of one being deleted);
    return what waits until they are gone. With ``keep``, the published output, its sites
    that are the very sites ``keep`` has are first moved to ``_spare(keep)``.

    The folder is first renamed, so that this needs no lock: publishing may set another
    output aside under its name meanwhile. ``rm`` deletes where there is one, in a process of
    its own: a thread would take its turns at this process's interpreter from the check."""
    aside = folder.with_name(f"{folder.name}.{os.getpid()}")
    if folder.exists():
        with contextlib.suppress(OSError):  # another build took it first
            folder.rename(aside)
    if keep is not None and aside.is_dir():
        _keep_spares(aside, keep)
    doomed = [str(p) for p in folder.parent.glob(f"{glob.escape(folder.name)}.*")]
    if not doomed:
        return lambda: None

    def delete() -> None:  # all of it, or after rm whatever it could not delete
        for path in doomed:
            shutil.rmtree(path, ignore_errors=True)

    if rm := shutil.which("rm"):
        deleting = subprocess.Popen(
            [rm, "-rf", "--", *doomed], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )

        def done() -> None:
            deleting.wait()
            delete()

        return done
    thread = threading.Thread(target=delete)
    thread.start()
    return thread.join


def _spare(out: Path) -> Path:
    """Where sites of an older output wait to be reused (see ``reuse.take_spare``)."""
    return out.parent / f".{out.name}.spare"


def _keep_spares(older: Path, out: Path) -> None:
    """Move the sites of ``older`` whose files are those published now in ``out`` (the same
    stamp: reused since) to ``_spare(out)``, out of the way of the deleting. A spare left
    by an interrupted build is deleted with ``older``."""
    then, now = read_record(older), read_record(out)
    same = [pid for pid, kept in then.items() if pid in now and now[pid].stamp == kept.stamp]
    spare = _spare(out)
    with contextlib.suppress(OSError):  # none, or another build's: it will go
        spare.rename(older / f".spare.{os.getpid()}")
    for pid in same:
        with contextlib.suppress(OSError):  # another build is taking it: it can have it
            spare.mkdir(exist_ok=True)
            (older / pid).rename(spare / pid)


class _Alongside:
    """``work`` done in a thread of this process while the workers build the sites. It starts
    once they are forked (a fork copies no thread), and its error is raised by ``join``."""

    def __init__(self, work: Callable[[], object] | None = None) -> None:
        self.work = work
        self.thread: threading.Thread | None = None
        self.error: BaseException | None = None

    def start(self) -> None:
        if self.work is not None:
            self.thread = threading.Thread(target=self._run, args=(self.work,))
            self.thread.start()

    def _run(self, work: Callable[[], object]) -> None:
        try:
            work()
        except BaseException as exc:  # raised again by join
            self.error = exc

    def wait(self) -> None:
        if self.thread is not None:
            self.thread.join()

    def join(self) -> None:
        self.wait()
        if self.error is not None:
            raise self.error


def _build_sites(
    tasks: list[Task],
    pool: Pool,
    started: float,
    say: Callable[[str], None],
    alongside: _Alongside,
) -> list[SiteBuilt]:
    built: list[SiteBuilt] = []
    with pool:
        alongside.start()
        for site in pool.run(_build_and_check, tasks):
            built.append(site)
            so_far = sum(s.pages for s in built)
            say(
                f"{len(built):>3}/{len(tasks)}  {site.pid or 'national index'}: "
                f"{site.pages:,} pages in {site.seconds:.1f} s  ·  {so_far:,} pages so far, "
                f"{time.perf_counter() - started:.0f} s elapsed"
            )
    alongside.join()
    return built


def _check_tree(staging: Path, only: str | None, built: list[SiteBuilt]) -> int:
    """Put the national index in place, check what crosses between sites, write the headers;
    return the number of pages."""
    unsafe = [problem for site in built for problem in site.unsafe]
    broken = [problem for site in built for problem in site.broken]
    scripts = {h for site in built for h in site.scripts}
    pages = sum(site.pages for site in built)
    if only is None:
        national = staging / NATIONAL
        for entry in sorted(national.iterdir()):
            entry.rename(staging / entry.name)
        national.rmdir()
        outside = [o for site in built for o in site.outside]
        # The files each site's checks or reusing found: a walk of the whole tree took 0.2 s.
        files = {f for site in built for f in site.files}
        broken += check_outside(staging, files, outside)
    else:  # only one site is in the tree: a link leaving it leads nowhere that is checked
        broken += [f"{page}: link {href!r} points at nothing"
                   for site in built for page, href, _ in site.outside]  # fmt: skip
    if unsafe:
        raise BuildError(
            f"{len(unsafe)} unsafe element(s) in the output:\n" + "\n".join(unsafe[:50])
        )
    if broken:
        raise BuildError(
            f"{len(broken)} broken internal link(s):\n" + "\n".join(sorted(broken)[:50])
        )
    write_headers(staging / only if only else staging, scripts)
    return pages


def _keeps_published_history(published: Path, pd: PartnershipData) -> None:
    """Refuse to publish a site whose data has lost a release the live site has shown.

    The release files check one another, and the record of the newest release checks the
    last of them; if the releases folder was rewritten as a whole, the site already out
    there is the one witness left."""
    record = published / RELEASES_JSON
    if not record.is_file():
        return
    try:
        shown = json.loads(record.read_text(encoding="utf-8"))["releases"]
        shown = [(int(r["number"]), str(r["date"]), str(r["checksum"])) for r in shown]
    except (ValueError, KeyError, TypeError):
        raise BuildError(
            f"{record} cannot be read: it records the releases already published"
        ) from None
    have = {(r.number, r.date.isoformat(), r.checksum) for r in pd.releases}
    lost = [f"release {n:04d} of {day} (checksum {digest[:12]}…)"
            for n, day, digest in shown if (n, day, digest) not in have]  # fmt: skip
    if lost:
        raise BuildError(
            f"{pd.id}: the published site at {published} shows "
            + ", ".join(lost)
            + f", which the data no longer has in {pd.folder / 'releases'}; nothing was "
            "published. Restore the releases folder from version control."
        )


def _published(out: Path, only: str | None) -> Path:
    """Where the build publishes: the whole output, or one partnership's folder of it."""
    return out / only if only else out


def _discarded(out: Path, only: str | None) -> Path:
    """Where the output before the previous one waits to be deleted."""
    target = _published(out, only)
    return target.parent / f".{target.name}.discarded"


def _publish(staging: Path, out: Path, only: str | None) -> None:
    """Swap the checked build into place, keeping the previous output beside it; the one
    before that is set aside, to be deleted by the next build while it works."""
    target = _published(out, only)
    source = staging / only if only else staging
    if only:
        out.mkdir(parents=True, exist_ok=True)
    previous = target.parent / f".{target.name}.previous"
    discarded = _discarded(out, only)
    shutil.rmtree(discarded, ignore_errors=True)  # gone already, unless the last build failed
    if previous.exists():
        previous.rename(discarded)
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
