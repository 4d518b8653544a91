"""``python -m plansite.bench``: how fast plansite builds the national data set, side by side
with plain MkDocs building the same pages, in one run on one machine.

It generates the fictional national data set, then measures, each as a separate command:

- ``plansite check`` over all of it;
- ``plansite build`` of the first 1, 8 and 32 partnerships, with one job and with one job
  per core, to show that the time per page stays flat as the country grows;
- plain ``mkdocs build`` of the same pages written as Markdown, one site per partnership,
  one at a time and one per core, as the anchor;
- ``plansite serve``: how long an edit to one service takes to show in the preview.

Figures are printed as Markdown tables, ready for BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from plansite.bench.measure import (
    Run,
    arguments,
    machine,
    read_counts,
    timed,
    versions,
    working_folder,
)
from plansite.bench.plain import write_plain_project
from plansite.bench.preview import preview_edits
from plansite.bench.synthetic import generate
from plansite.site.crawl import Tree


@dataclass
class Row:
    what: str
    partnerships: int
    jobs: int
    pages: int
    run: Run

    @property
    def ms_per_page(self) -> float:
        return 1000 * self.run.seconds / self.pages

    def line(self) -> str:
        rate = self.pages / self.run.seconds
        return (
            f"| {self.what} | {self.partnerships} | {self.jobs} | {self.pages:,} | "
            f"{self.run.seconds:.1f} | {rate:,.0f} | {self.ms_per_page:.2f} | "
            f"{self.run.peak_mb:,.0f} | {self.run.peak_pss_mb:,.0f} |"
        )


def _pages(site: Path) -> int:
    return sum(1 for page in Tree.read(site).html() if not page.endswith("404.html"))


def _plansite(*words: str) -> list[str]:
    return [sys.executable, "-m", "plansite.cli", *words]


def _plain_projects(site: Path, work: Path) -> tuple[list[Path], int]:
    """One plain MkDocs project per site plansite built (the national index included)."""
    from plansite.index.context import build_index
    from plansite.pages.registry import site_pages
    from plansite.validate import check

    data = check(work / "data").data
    pids = sorted(data.partnerships)
    projects = []
    national = work / "plain" / "national-index"
    national_site = work / "national-only"
    national_site.mkdir()
    shutil.copy(site / "index.html", national_site / "index.html")
    shutil.copytree(site / "about", national_site / "about")
    pages = write_plain_project(national_site, national, "National index", [("Partnerships", "")])
    projects.append(national)
    for pid in pids:
        nav = [(s.nav, s.url) for s in site_pages(build_index(data, pid)) if s.nav]
        dest = work / "plain" / pid
        name = data.partnerships[pid].partnership.name
        pages += write_plain_project(site / pid, dest, name, nav)
        projects.append(dest)
    return projects, pages


def main(argv: Sequence[str] | None = None) -> int:
    parser = arguments("python -m plansite.bench", __doc__, counts="1,8,32")
    parser.add_argument("--no-plain", action="store_true", help="skip the plain MkDocs anchor")
    parser.add_argument("--no-preview", action="store_true", help="skip the preview timing")
    args = parser.parse_args(argv)
    counts, config = read_counts(parser, args)
    with working_folder("plansite-bench-", args.keep) as work:
        _report(args, counts, config, work)
    return 0


def _report(args: argparse.Namespace, counts: list[int], config: Path, work: Path) -> None:
    largest = counts[-1]
    print(f"Machine: {machine()}\nSoftware: {versions()}\n")
    summary = generate(work / "data", args.seed, largest)
    print(
        f"Data: {summary.partnerships} fictional partnerships (seed {args.seed}): "
        f"{summary.actions:,} actions, {summary.services:,} services, {summary.partners:,} "
        f"partners, {summary.indicators:,} indicators, {summary.releases} releases; "
        f"generated in {summary.seconds:.1f} s\n"
    )
    # A cache of its own, empty at first: the first check is what a fresh machine sees.
    os.environ["PLANSITE_CACHE_DIR"] = str(work / "cache")
    checks = [timed(_plansite("check", "--data", str(work / "data"))) for _ in range(4)]
    again = [c.seconds for c in checks[1:]]
    print(
        f"`plansite check` over all {largest}: {checks[0].seconds:.2f} s the first time (empty "
        f"cache); then {min(again):.2f} s best, {statistics.median(again):.2f} s median of 3\n"
    )

    rows: list[Row] = []
    for count in counts:
        data = work / "data" if count == largest else work / f"data-{count}"
        if count != largest:
            generate(data, args.seed, count)
        for jobs in sorted({1, args.jobs}):
            out = work / f"site-{count}-{jobs}"
            # Each a build from nothing: not with what the build before kept for a rebuild
            # (the national index's parts, plansite.site.keptparts; the facts of the pages
            # checked, plansite.site.guard.kept_facts).
            for kept in ("national-parts", "page-facts"):
                shutil.rmtree(work / "cache" / kept, ignore_errors=True)
            run = timed(_plansite("build", "--data", str(data), "-d", str(out), "--timings",
                                  "--config", str(config), "-j", str(jobs)),
                        keep_output=True)  # fmt: skip
            rows.append(Row("plansite", count, jobs, _pages(out), run))
            print(rows[-1].line(), file=sys.stderr)
    if not args.no_plain:
        projects, pages = _plain_projects(work / f"site-{largest}-1", work)
        for jobs in sorted({1, args.jobs}):
            command = [sys.executable, "-m", "plansite.bench.plain", str(jobs)]
            run = timed(command + [str(p) for p in projects])
            rows.append(Row("plain MkDocs", largest, jobs, pages, run))
            print(rows[-1].line(), file=sys.stderr)
    _print_tables(rows, largest, counts)
    last = next(r for r in reversed(rows) if r.what == "plansite")
    print(f"Where the time went in the build of {last.partnerships} partnerships with "
          f"{last.jobs} job(s) (`plansite build --timings`):\n")  # fmt: skip
    print(last.run.output[last.run.output.index("| stage of the run") :])
    if not args.no_preview:
        _print_preview(config, work / "data")


def _print_tables(rows: list[Row], largest: int, counts: list[int]) -> None:
    print("| builder | partnerships | jobs | pages | wall s | pages/s | ms/page | peak MB, "
          "resident | peak MB, proportional |")  # fmt: skip
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for row in rows:
        print(row.line())
    print()

    def find(what: str, count: int, jobs: int) -> Row | None:
        return next((r for r in rows if (r.what, r.partnerships, r.jobs) == (what, count, jobs)),
                    None)  # fmt: skip

    for jobs in sorted({r.jobs for r in rows}):
        ours, plain = find("plansite", largest, jobs), find("plain MkDocs", largest, jobs)
        if ours and plain:  # the same pages: plansite also writes feeds, downloads, redirects
            print(f"- plansite / plain MkDocs, {largest} partnerships, {jobs} job(s): "
                  f"{ours.run.seconds / plain.run.seconds:.2f}× the wall time")  # fmt: skip
        one, every = find("plansite", counts[0], jobs), find("plansite", largest, jobs)
        if one and every and one is not every:
            print(f"- plansite, {jobs} job(s): time per page at {largest} partnerships is "
                  f"{every.ms_per_page / one.ms_per_page:.2f}× the time per page at "
                  f"{counts[0]}")  # fmt: skip
    print()


def _print_preview(config: Path, data: Path) -> None:
    edits = preview_edits(config, data)
    print(
        f"`plansite serve --partnership {edits.partnership}` over the national data: first "
        f"build {edits.first:.1f} s; an edit to one service shown in the browser's page after "
        + ", ".join(f"{s:.1f}" for s in edits.seconds)
        + " s"
    )


if __name__ == "__main__":
    raise SystemExit(main())
