"""The ``plansite`` command."""

from __future__ import annotations

import argparse
import atexit
import errno
import json
import os
import signal
import sys
import threading
from collections.abc import Sequence
from pathlib import Path

from plansite import i18n
from plansite.load.dataset import PartnershipData
from plansite.validate import check
from plansite.validate.remembered import remembered_check

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
    report = remembered_check(args.data)
    if args.partnership:
        report.only(args.partnership)
    if args.json:
        print(json.dumps(report.as_dict(), indent=2, ensure_ascii=False))
    else:
        for problem in report.problems:
            print(problem.format(), file=sys.stderr if problem.severity == "error" else sys.stdout)
        n_err, n_warn, n_note = len(report.errors), len(report.warnings), len(report.notes)
        parts = ", ".join(
            f"{pid}: {sum(1 for _ in pd.plans)} plan(s)"
            for pid, pd in sorted(report.data.partnerships.items())
        )
        verdict = "failed" if n_err else "passed"
        print(
            f"check {verdict}: {n_err} error(s), {n_warn} warning(s)"
            + (f", {n_note} note(s) (notes need nothing done)" if n_note else "")
            + (f" — {parts}" if parts and not n_err else "")
        )
    return 0 if report.ok(strict=args.strict) else 1


def _chosen(args: argparse.Namespace) -> list[PartnershipData] | None:
    """The partnerships a listing is for: the one named, or all; None (after saying why)
    when the data has errors or the one named is not there."""
    report = remembered_check(args.data)
    if report.errors:
        for problem in report.errors:
            print(problem.format(), file=sys.stderr)
        print("fix the errors first: `plansite check` lists them", file=sys.stderr)
        return None
    found = report.data.partnerships
    if args.partnership and args.partnership not in found:
        known = ", ".join(sorted(found))
        print(f"no partnership {args.partnership!r} (there are: {known})", file=sys.stderr)
        return None
    return [found[args.partnership]] if args.partnership else [found[k] for k in sorted(found)]


def cmd_stale(args: argparse.Namespace) -> int:
    from plansite.validate.freshness import oldest_first

    chosen = _chosen(args)
    if chosen is None:
        return 1
    for pd in chosen:
        ages = oldest_first(pd)
        months = pd.partnership.checks.old_after_months
        old = sum(a.old for a in ages)
        never = sum(a.checked is None for a in ages)
        print(f"{pd.id}: {len(ages)} service(s), {old} last checked more than {months} "
              f"month(s) ago, {never} with no checked: day")  # fmt: skip
        for a in ages:
            when = a.checked.isoformat() if a.checked else "not recorded"
            age = f"{a.months} month(s) ago" if a.months is not None else ""
            flag = "OLD" if a.old else ""
            print(f"  {when:<12}  {age:<16}  {flag:<3}  {a.service.id}: {a.service.name}")
    return 0


def cmd_readability(args: argparse.Namespace) -> int:
    from plansite.validate.readability import scores

    chosen = _chosen(args)
    if chosen is None:
        return 1
    for pd in chosen:
        scored = scores(pd)
        limit = pd.partnership.checks.reading_grade
        said = f"limit: grade {limit:g}" if limit is not None else "no limit set"
        print(f"{pd.id}: {len(scored)} text(s), hardest first ({said})")
        for s in scored[: args.top or None]:
            line, _ = s.file.locate(s.path)
            words = s.text if len(s.text) <= 60 else s.text[:57] + "..."
            over = "*" if limit is not None and s.grade > limit else " "
            print(f"  {s.grade:5.1f}{over} {s.file.rel}:{line}  {s.what}: {words}")
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    from plansite import schema  # builds every JSON Schema: only this command needs them

    out = args.data / "schema"
    if args.check:
        stale = [out / name for name in schema.stale(out)]
        if schema.reference_stale(args.docs):
            stale.append(args.docs / schema.REFERENCE)
        for path in stale:
            print(f"{path}: out of date — run `plansite schema` to regenerate it", file=sys.stderr)
        return 1 if stale else 0
    for path in [*schema.write(out), schema.write_reference(args.docs)]:
        print(f"wrote {path}")
    return 0


def cmd_catalogue(args: argparse.Namespace) -> int:
    if args.check:
        stale = i18n.stale_catalogues()
        for path in stale:
            print(f"{path}: out of date — run `plansite catalogue` to update it", file=sys.stderr)
        return 1 if stale else 0
    for path in i18n.write_catalogues():
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
            _project(args), args.data, args.site_dir, args.partnership, jobs=args.jobs,
            cold=args.cold,
        )  # fmt: skip
    except BuildError as exc:
        print(f"build failed: {exc}", file=sys.stderr)
        print("the published output was not changed", file=sys.stderr)
        return 1
    rate = result.pages / result.seconds if result.seconds else 0
    if not args.partnership:
        print(
            f"partnerships rebuilt: {', '.join(result.rebuilt) or 'none'}; "
            f"reused unchanged: {', '.join(result.reused) or 'none'}"
        )
    print(
        f"built {result.sites} site(s), {result.pages:,} pages, in {result.seconds:.1f} s "
        f"with {result.jobs} job(s) ({rate:,.0f} pages/s) into {args.site_dir}"
    )
    if args.timings:
        print("\n" + result.timings.table())
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

    from mkdocs.commands.serve import serve
    from mkdocs.exceptions import MkDocsException

    from plansite.site.plugin import options
    from plansite.site.preview import QuietDirtyWarning

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    _log_to_terminal()
    logging.getLogger("mkdocs.commands.build").addFilter(QuietDirtyWarning())
    project = _project(args)
    # With no --partnership, mkdocs.yml says which partnership to preview.
    settings = options(project, args.data, args.partnership or None, incremental=True,
                       language=args.language or "", poll=args.poll)  # fmt: skip
    try:
        serve(str(project), dev_addr=args.dev_addr, livereload=True, build_type="dirty", **settings)
    except OSError as exc:
        if exc.errno != errno.EADDRINUSE:
            raise
        print(
            f"plansite: the address {args.dev_addr} is in use, perhaps by another preview: "
            "stop that one (Ctrl+C in its terminal), or give this one another address, "
            "e.g. -a 127.0.0.1:8001",
            file=sys.stderr,
        )
        return 1
    except MkDocsException as exc:
        # "Aborted with 1 warnings in strict mode!" comes after the warnings themselves,
        # and MkDocs leaves it unsaid: say it, and what to do.
        print(
            f"plansite: the preview did not start: {exc.format_message()} Fix what the "
            "WARNING lines above say, then start it again.",
            file=sys.stderr,
        )
        return 1
    except KeyboardInterrupt:
        # Ctrl+C again while the preview shuts down: stop now, without a traceback or a
        # wait for the file watcher.
        print("stopped", file=sys.stderr)
        sys.stderr.flush()
        sys.stdout.flush()
        os._exit(130)
    # Shut down: a Ctrl+C from now on ends the process at once, rather than interrupting
    # Python's wait for the file watcher with a traceback.
    signal.signal(signal.SIGINT, signal.SIG_DFL)
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


def cmd_reseal(args: argparse.Namespace) -> int:
    from plansite.history.store import reseal

    folder = args.data / "partnerships" / args.partnership
    if not folder.is_dir():
        print(f"reseal refused: there is no folder {folder}", file=sys.stderr)
        return 1
    try:
        changed = reseal(folder)
    except ValueError as exc:
        print(f"reseal refused: {exc}; nothing was written", file=sys.stderr)
        return 1
    if changed:
        print(f"wrote {len(changed)} release(s) again without values marked not public:")
        for name in changed:
            print(f"  {name}")
    else:
        print("every release already holds only what may be published")
    print("recorded the newest release; commit the releases folder")
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    from plansite.scaffold import RefusedError, new_partnership

    try:
        written = new_partnership(args.data, args.partnership, args.name)
    except RefusedError as exc:
        print(f"new refused: {exc}", file=sys.stderr)
        print("nothing was written", file=sys.stderr)
        return 1
    folder = args.data / "partnerships" / args.partnership
    print(f"created {folder} with {len(written)} files:")
    for path in written:
        print(f"  {path}")
    # The check's warnings about the new folder are the list of what is still to do.
    mine = f"/partnerships/{args.partnership}/"
    todo = [p for p in check(args.data, args.partnership).problems if mine in f"/{p.file}"]
    print(f"\nstill to do before the first release ({len(todo)}):")
    for problem in todo:
        print(f"  {problem.file}:{problem.line}: {problem.message}")
    print(
        f"\nEach file explains its fields: start with {folder / 'partnership.yaml'}.\n"
        f"Check your work with: plansite check --data {args.data} "
        f"--partnership {args.partnership}"
    )
    return 0


def cmd_export_sheet(args: argparse.Namespace) -> int:
    from plansite.sheets.export import export, load_context
    from plansite.sheets.values import SheetError

    try:
        ctx = load_context(args.data, args.partnership, args.plan)
    except SheetError as exc:
        print(f"export refused: {exc}", file=sys.stderr)
        return 1
    counts = export(ctx, args.file)
    print(
        f"wrote {args.file}: {counts['Actions']} actions, {counts['Indicators']} figure rows and "
        f"{counts['Services']} services of {ctx.pd.id}, plan {ctx.plan_id}"
    )
    return 0


def cmd_import_sheet(args: argparse.Namespace) -> int:
    from plansite.sheets.apply import import_sheet

    return import_sheet(
        args.file,
        args.data,
        partnership=args.partnership,
        plan=args.plan,
        yes=args.yes,
        dry_run=args.dry_run,
    )


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
    p = sub.add_parser(
        "stale",
        help="list the service directory oldest checked first",
        description="List each partnership's services by the day their details were last "
        "checked (checked: on the service or its contact): those with no day first, then the "
        "oldest. OLD marks those older than the partnership's checks: old_after_months.",
    )
    _data_arg(p)
    p.add_argument("--partnership", metavar="ID", help="list only this partnership's services")
    p.set_defaults(func=cmd_stale)
    p = sub.add_parser(
        "readability",
        help="list the reading grade of every plain-words text, hardest first",
        description="Score every plain-words summary and Easy Read point with the "
        "Flesch-Kincaid grade level (roughly the years of school a reader needs), hardest "
        "first. * marks those above the partnership's checks: reading_grade.",
    )
    _data_arg(p)
    p.add_argument("--partnership", metavar="ID", help="list only this partnership's texts")
    p.add_argument("--top", type=_positive, metavar="N", help="show only the N hardest texts")
    p.set_defaults(func=cmd_readability)
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
    p.add_argument(
        "--timings",
        action="store_true",
        help="print where the time went: by stage, and by kind of page",
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
    p.add_argument(
        "--cold",
        action="store_true",
        help="build every site afresh, reusing none of the published output "
        "(by default a partnership's site is reused when nothing it is made from changed)",
    )
    p.set_defaults(func=cmd_build)
    p = sub.add_parser("rollback", help="put the previously published output back")
    p.add_argument("-d", "--site-dir", type=Path, default=Path("site"), metavar="OUT")
    p.set_defaults(func=cmd_rollback)
    p = sub.add_parser("serve", help="preview one partnership's site, rebuilt when data changes")
    _data_arg(p)
    p.add_argument("--partnership", metavar="ID", help="the partnership to preview")
    p.add_argument(
        "-a",
        "--dev-addr",
        default="127.0.0.1:8000",
        metavar="IP:PORT",
        help="the address to preview on (default: 127.0.0.1:8000)",
    )
    p.add_argument("--config", default="mkdocs.yml", help="the MkDocs configuration to build with")
    p.add_argument(
        "--language",
        metavar="CODE",
        help="preview the site in one of the partnership's other languages, such as gd",
    )
    p.add_argument(
        "--poll",
        action="store_true",
        help="look for saved files every tenth of a second, for folders whose changes the "
        "system does not report (some network drives, and folders shared into containers)",
    )
    p.set_defaults(func=cmd_serve)
    p = sub.add_parser("release", help="record what is being published, as a new release")
    _data_arg(p)
    p.add_argument("--partnership", metavar="ID", required=True)
    p.add_argument("--date", metavar="YYYY-MM-DD", help="the publication date (default: today)")
    p.add_argument("--note", metavar="TEXT", help="a note about this release")
    p.set_defaults(func=cmd_release)
    p = sub.add_parser(
        "reseal",
        help="write a partnership's releases again without values marked not public",
    )
    _data_arg(p)
    p.add_argument("--partnership", metavar="ID", required=True)
    p.set_defaults(func=cmd_reseal)
    p = sub.add_parser("schema", help="write the JSON Schemas of the data files into DIR/schema")
    _data_arg(p)
    p.add_argument(
        "--docs",
        type=Path,
        default=Path("docs"),
        metavar="DIR",
        help="where the field reference goes, as DIR/guide/fields.md (default: ./docs)",
    )
    p.add_argument("--check", action="store_true", help="fail if the written schemas are stale")
    p.set_defaults(func=cmd_schema)
    p = sub.add_parser(
        "catalogue",
        help="write the messages pages say into the catalogue template (locale/plansite.pot) "
        "and add new ones to every language's catalogue",
    )
    p.add_argument("--check", action="store_true", help="fail if a catalogue is out of date")
    p.set_defaults(func=cmd_catalogue)
    p = sub.add_parser("new", help="start a new partnership: its files, every field explained")
    p.add_argument("partnership", metavar="PARTNERSHIP-ID", help="the new partnership's id")
    _data_arg(p)
    p.add_argument("--name", help="the partnership's full name")
    p.set_defaults(func=cmd_new)
    p = sub.add_parser(
        "export-sheet",
        help="write a plan's actions, indicators and services as a workbook to edit",
        description="Write a workbook (.xlsx) of one partnership's plan: its actions, the "
        "figures of its indicators and its services, with drop-down lists and locked ids. "
        "Give it back with `plansite import-sheet`.",
    )
    _data_arg(p)
    p.add_argument("--partnership", metavar="ID", required=True)
    p.add_argument(
        "--plan", metavar="ID", help="the plan (default: the current plan, or the only one)"
    )
    p.add_argument("file", type=Path, metavar="FILE.xlsx", help="where to write the workbook")
    p.set_defaults(func=cmd_export_sheet)
    p = sub.add_parser(
        "import-sheet",
        help="apply the edits made in an exported workbook (or a CSV of one of its sheets)",
        description="Check every row of a workbook written by `plansite export-sheet`, or of "
        "a CSV with the headings of one of its sheets, list what it changes, and write the "
        "changes into the YAML files once the result passes `plansite check`.",
        epilog="Without --yes, the changes are applied after you confirm them on the "
        "terminal; when there is no terminal (a script, a pipe) nothing is written. Exit "
        "status: 0 applied, nothing to change, or dry run; 1 refused (the problems are listed, "
        "nothing was written); 3 changes found but not written (declined, or no terminal and "
        "no --yes).",
    )
    _data_arg(p)
    p.add_argument(
        "--partnership",
        metavar="ID",
        help="the partnership (needed for a CSV; a workbook records its own)",
    )
    p.add_argument(
        "--plan", metavar="ID", help="the plan (default: the workbook's, else the current plan)"
    )
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--yes", action="store_true", help="apply the changes without asking")
    mode.add_argument(
        "--dry-run", action="store_true", help="only show and check the changes; write nothing"
    )
    p.add_argument("file", type=Path, metavar="FILE", help="the workbook (.xlsx) or CSV file")
    p.set_defaults(func=cmd_import_sheet)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.func(args))


def run() -> None:
    """The ``plansite`` command, as the terminal runs it: ``main``, then a quick exit.

    A national build ends holding millions of objects, and Python frees them one by one as
    it exits: a second of waiting in which nothing is left to do. Once the command has
    returned and no other thread runs, what must happen at exit (the exit functions,
    flushing the terminal) is done, and the process ends without the freeing."""
    code = main()
    if threading.active_count() > 1:  # a thread still works: let Python end it as usual
        sys.exit(code)
    atexit._run_exitfuncs()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":  # pragma: no cover
    run()
