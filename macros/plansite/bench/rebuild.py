"""``python -m plansite.bench.rebuild``: how long a national host waits for one partnership's
change to be published, against a build from nothing.

For each count of partnerships it generates the fictional national data set, then times, each
as a separate ``plansite build`` into one output folder:

- a cold build (``--cold``) of every site;
- a rebuild with nothing changed (every partnership reused, the national index built);
- a rebuild after one service of one partnership was renamed (that partnership built).

The two rebuilds are timed ``--repeat`` times each, in turn (a new name each time), and
their median is printed with the quickest and slowest: one run of a few seconds on a shared
machine says little on its own. Figures are printed as a Markdown table, ready for
BENCHMARKS.md.
"""

from __future__ import annotations

import re
import statistics
import sys
from collections.abc import Sequence
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
from plansite.bench.synthetic import generate
from plansite.validate import check


def _rename_a_service(data: Path) -> str:
    """Rename the first service of the first partnership; return the partnership's id."""
    dataset = check(data).data
    pid = sorted(dataset.partnerships)[0]
    pd = dataset.partnerships[pid]
    service = pd.services[0]
    path = pd.folder / "services.yaml"
    pattern = re.compile(rf"^(\s*name:\s*){re.escape(service.name)}\s*$", re.M)
    edited, count = pattern.subn(lambda m: f"{m.group(1)}{service.name} (renamed)",
                                 path.read_text(encoding="utf-8"), count=1)  # fmt: skip
    if count != 1:
        raise RuntimeError(f"could not find the name of {service.id} in {path}")
    path.write_text(edited, encoding="utf-8")
    return pid


def _measure(
    config: Path, data: Path, out: Path, jobs: int, repeat: int
) -> tuple[Run, list[Run], list[Run]]:
    def build(*extra: str) -> Run:
        command = [sys.executable, "-m", "plansite.cli", "build", "--data", str(data),
                   "-d", str(out), "--config", str(config), "-j", str(jobs)]  # fmt: skip
        return timed([*command, *extra])

    cold = build("--cold")
    unchanged, one = [], []
    for _ in range(repeat):
        unchanged.append(build())
        _rename_a_service(data)
        one.append(build())
    return cold, unchanged, one


def _spread(runs: list[Run]) -> str:
    """The median of ``runs``, then the quickest and slowest where there are several."""
    seconds = sorted(r.seconds for r in runs)
    middle = statistics.median(seconds)
    return f"{middle:.1f}" + (f" ({seconds[0]:.1f}–{seconds[-1]:.1f})" if len(runs) > 1 else "")


def main(argv: Sequence[str] | None = None) -> int:
    parser = arguments("python -m plansite.bench.rebuild", __doc__, counts="8,32")
    parser.add_argument("--repeat", type=int, default=3, help="times each rebuild is timed")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be 1 or more")
    counts, config = read_counts(parser, args)
    with working_folder("plansite-rebuild-", args.keep) as work:
        print(f"Machine: {machine()}\nSoftware: {versions()}\n")
        print("| partnerships | jobs | cold build s | nothing changed s, median (range) | one "
              "partnership changed s, median (range) | cold / one changed |")  # fmt: skip
        print("|---:|---:|---:|---:|---:|---:|")
        for count in counts:
            data = work / f"data-{count}"
            generate(data, args.seed, count)
            cold, unchanged, one = _measure(config, data, work / f"site-{count}", args.jobs,
                                            args.repeat)  # fmt: skip
            ratio = cold.seconds / statistics.median(r.seconds for r in one)
            print(f"| {count} | {args.jobs} | {cold.seconds:.1f} | {_spread(unchanged)} | "
                  f"{_spread(one)} | {ratio:.1f}× |")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
