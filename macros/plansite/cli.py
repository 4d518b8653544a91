"""The ``plansite`` command."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from plansite import schema
from plansite.validate import check

DEFAULT_DATA = Path("data")


def _data_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data",
        type=Path,
        default=DEFAULT_DATA,
        metavar="DIR",
        help="the data folder (default: ./data)",
    )


def cmd_check(args: argparse.Namespace) -> int:
    report = check(args.data)
    if args.partnership:
        report.only(args.partnership)
    if args.json:
        print(json.dumps(report.as_dict(), indent=2, ensure_ascii=False))
    else:
        for problem in report.problems:
            print(problem.format(), file=sys.stderr if problem.severity == "error" else sys.stdout)
        n_err, n_warn = len(report.errors), len(report.warnings)
        parts = ", ".join(
            f"{pid}: {sum(1 for _ in pd.plans)} plan(s)"
            for pid, pd in sorted(report.data.partnerships.items())
        )
        verdict = "failed" if n_err else "passed"
        print(
            f"check {verdict}: {n_err} error(s), {n_warn} warning(s)"
            + (f" — {parts}" if parts and not n_err else "")
        )
    return 0 if report.ok(strict=args.strict) else 1


def cmd_schema(args: argparse.Namespace) -> int:
    out = args.data / "schema"
    if args.check:
        stale = schema.stale(out)
        for name in stale:
            print(
                f"{out / name}: out of date — run `plansite schema` to regenerate it",
                file=sys.stderr,
            )
        return 1 if stale else 0
    for path in schema.write(out):
        print(f"wrote {path}")
    return 0


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of 1 or more")
    return int(text)


def _project(args: argparse.Namespace) -> Path:
    config = Path(args.config)
    if not config.is_file():
        raise SystemExit(
            f"plansite: {config} not found (run from the project folder or give --config)"
        )
    return config


def _log_to_terminal() -> None:
    """Show MkDocs' warnings and progress as `mkdocs` itself would, without plugin chatter."""
    import logging

    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.addHandler(handler)
    mkdocs_log.setLevel(logging.INFO)
    logging.getLogger("mkdocs.plugins.mkdocs_macros").setLevel(logging.WARNING)


def cmd_build(args: argparse.Namespace) -> int:
    from plansite.site.build import BuildError, build_all

    try:
        result = build_all(
            _project(args), args.data, args.site_dir, args.partnership, jobs=args.jobs
        )
    except BuildError as exc:
        print(f"build failed: {exc}", file=sys.stderr)
        print("the published output was not changed", file=sys.stderr)
        return 1
    rate = result.pages / result.seconds if result.seconds else 0
    print(
        f"built {result.sites} site(s), {result.pages:,} pages, in {result.seconds:.1f} s "
        f"with {result.jobs} job(s) ({rate:,.0f} pages/s) into {args.site_dir}"
    )
    return 0


def cmd_rollback(args: argparse.Namespace) -> int:
    from plansite.site.build import BuildError, rollback

    try:
        rollback(args.site_dir)
    except BuildError as exc:
        print(f"rollback failed: {exc}", file=sys.stderr)
        return 1
    print(f"restored the previous output of {args.site_dir}")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    import logging
    import os

    from mkdocs.commands.serve import serve

    from plansite.site.plugin import ENV_DATA, ENV_INCREMENTAL, ENV_PARTNERSHIP, ENV_PREVIEW
    from plansite.site.preview import QuietDirtyWarning

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    _log_to_terminal()
    logging.getLogger("mkdocs.commands.build").addFilter(QuietDirtyWarning())
    os.environ[ENV_DATA] = str(args.data.resolve())
    os.environ[ENV_PREVIEW] = "1"  # show unreleased changes, marked as such
    os.environ[ENV_INCREMENTAL] = "1"  # rebuild only what an edit changed
    if args.partnership:
        os.environ[ENV_PARTNERSHIP] = args.partnership
    serve(str(_project(args)), dev_addr=args.dev_addr, livereload=True, build_type="dirty")
    return 0


def cmd_release(args: argparse.Namespace) -> int:
    from datetime import date

    from plansite.history.store import snapshot, write_release

    report = check(args.data)
    if report.errors:
        for problem in report.errors:
            print(problem.format(), file=sys.stderr)
        print("release refused: fix the errors first; nothing was written", file=sys.stderr)
        return 1
    pd = report.data.partnerships.get(args.partnership)
    if pd is None:
        known = ", ".join(sorted(report.data.partnerships))
        print(
            f"release refused: no partnership {args.partnership!r} (there are: {known})",
            file=sys.stderr,
        )
        return 1
    try:
        day = date.fromisoformat(args.date) if args.date else date.today()
    except ValueError:
        print(
            f"release refused: --date {args.date!r} is not a date written YYYY-MM-DD",
            file=sys.stderr,
        )
        return 1
    snap = snapshot(report.data, pd)
    if pd.releases and pd.releases[-1].snapshot == snap and not args.note:
        print(
            f"release refused: nothing has changed since release {pd.releases[-1].number}",
            file=sys.stderr,
        )
        return 1
    try:
        path = write_release(pd.folder, pd.releases, snap, day, args.note)
    except (ValueError, FileExistsError) as exc:
        print(f"release refused: {exc}", file=sys.stderr)
        return 1
    print(f"released {args.partnership} as release {len(pd.releases) + 1} of {day}: {path}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="plansite", description="Publish plans as accessible websites."
    )
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("check", help="validate the data and report every problem")
    _data_arg(p)
    p.add_argument("--json", action="store_true", help="print a machine-readable report")
    p.add_argument("--strict", action="store_true", help="treat warnings as errors")
    p.add_argument("--partnership", metavar="ID", help="report only this partnership's problems")
    p.set_defaults(func=cmd_check)
    p = sub.add_parser("build", help="build every partnership's site and the national index")
    _data_arg(p)
    p.add_argument(
        "-d",
        "--site-dir",
        type=Path,
        default=Path("site"),
        metavar="OUT",
        help="where to publish the sites (default: ./site)",
    )
    p.add_argument("--partnership", metavar="ID", help="build only this partnership's site")
    p.add_argument("--config", default="mkdocs.yml", help="the MkDocs configuration to build with")
    p.add_argument(
        "-j",
        "--jobs",
        type=_positive,
        metavar="N",
        help="how many sites to build at once (default: one per core)",
    )
    p.set_defaults(func=cmd_build)
    p = sub.add_parser("rollback", help="put the previously published output back")
    p.add_argument("-d", "--site-dir", type=Path, default=Path("site"), metavar="OUT")
    p.set_defaults(func=cmd_rollback)
    p = sub.add_parser("serve", help="preview one partnership's site, rebuilt when data changes")
    _data_arg(p)
    p.add_argument("--partnership", metavar="ID", help="the partnership to preview")
    p.add_argument("-a", "--dev-addr", default="127.0.0.1:8000", metavar="IP:PORT")
    p.add_argument("--config", default="mkdocs.yml", help="the MkDocs configuration to build with")
    p.set_defaults(func=cmd_serve)
    p = sub.add_parser("release", help="record what is being published, as a new release")
    _data_arg(p)
    p.add_argument("--partnership", metavar="ID", required=True)
    p.add_argument("--date", metavar="YYYY-MM-DD", help="the publication date (default: today)")
    p.add_argument("--note", metavar="TEXT", help="a note about this release")
    p.set_defaults(func=cmd_release)
    p = sub.add_parser("schema", help="write the JSON Schemas of the data files into DIR/schema")
    _data_arg(p)
    p.add_argument("--check", action="store_true", help="fail if the written schemas are stale")
    p.set_defaults(func=cmd_schema)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
