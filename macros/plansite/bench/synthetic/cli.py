"""``python -m plansite.bench.synthetic``: write the data set and say what it holds."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from plansite.bench.synthetic.common import SyntheticError
from plansite.bench.synthetic.write import generate


def count_pages(out: Path) -> tuple[dict[str, int], int, float]:
    """Pages per partnership as ``site_pages`` lists them, warnings, and seconds to check."""
    from plansite.index.context import build_index
    from plansite.pages.registry import site_pages
    from plansite.validate import check

    started = time.perf_counter()
    report = check(out)
    seconds = time.perf_counter() - started
    if report.errors:
        raise SyntheticError(
            f"the data set has {len(report.errors)} error(s):\n"
            + "\n".join(d.format() for d in report.errors[:20])
        )
    pages = {
        pid: len(site_pages(build_index(report.data, pid)))
        for pid in sorted(report.data.partnerships)
    }
    return pages, len(report.warnings), seconds


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m plansite.bench.synthetic",
        description="Write a synthetic national data set of fictional partnerships.",
    )
    parser.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar="DIR",
        help="the folder to write (empty, absent, or written here before)",
    )
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--partnerships", type=int, default=32, metavar="N")
    parser.add_argument(
        "--workers",
        type=int,
        metavar="N",
        help="processes to generate with (default: one per processor)",
    )
    parser.add_argument(
        "--no-pages", action="store_true", help="skip checking the result and counting its pages"
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        s = generate(args.out, args.seed, args.partnerships, args.workers)
    except SyntheticError as exc:
        print(f"synthetic: {exc}", file=sys.stderr)
        return 1
    print(
        f"generated {s.partnerships} partnerships in {s.seconds:.1f} s into {args.out}: "
        f"{s.actions:,} actions, {s.services:,} services, {s.partners:,} partners, "
        f"{s.indicators:,} indicators, {s.releases} releases, {s.files:,} files"
    )
    if not args.no_pages:
        try:
            pages, warnings, seconds = count_pages(args.out)
        except SyntheticError as exc:
            print(f"synthetic: {exc}", file=sys.stderr)
            return 1
        print(f"checked in {seconds:.1f} s: 0 errors, {warnings} warning(s)")
        print(
            f"pages: {sum(pages.values()):,} in all, {min(pages.values())} to "
            f"{max(pages.values())} per partnership"
        )
    print(f"took {time.perf_counter() - started:.1f} s")
    return 0
