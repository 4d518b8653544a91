"""``python -m plansite.bench.rebuild``: how long a national host waits for one partnership's
change to be published, against a build from nothing.

For each count of partnerships it generates the fictional national data set, then times, each
as a separate ``plansite build`` into one output folder:

- a cold build (``--cold``) of every site;
- a rebuild with nothing changed (every partnership reused, the national index built);
- a rebuild after one service of one partnership was renamed (that partnership built).

Figures are printed as a Markdown table, ready for BENCHMARKS.md.
"""

from __future__ import annotations

import re
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


def _measure(config: Path, data: Path, out: Path, jobs: int) -> tuple[Run, Run, Run]:
    def build(*extra: str) -> Run:
        command = [sys.executable, "-m", "plansite.cli", "build", "--data", str(data),
                   "-d", str(out), "--config", str(config), "-j", str(jobs)]  # fmt: skip
        return timed([*command, *extra])

    cold = build("--cold")
    unchanged = build()
    _rename_a_service(data)
    one = build()
    return cold, unchanged, one


def main(argv: Sequence[str] | None = None) -> int:
    parser = arguments("python -m plansite.bench.rebuild", __doc__, counts="8,32")
    args = parser.parse_args(argv)
    counts, config = read_counts(parser, args)
    with working_folder("plansite-rebuild-", args.keep) as work:
        print(f"Machine: {machine()}\nSoftware: {versions()}\n")
        print("| partnerships | jobs | cold build s | nothing changed s | one partnership "
              "changed s | cold / one changed |")  # fmt: skip
        print("|---:|---:|---:|---:|---:|---:|")
        for count in counts:
            data = work / f"data-{count}"
            generate(data, args.seed, count)
            cold, unchanged, one = _measure(config, data, work / f"site-{count}", args.jobs)
            print(f"| {count} | {args.jobs} | {cold.seconds:.1f} | {unchanged.seconds:.1f} | "
                  f"{one.seconds:.1f} | {cold.seconds / one.seconds:.1f}× |")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
