"""Import a workbook: check it, show what it changes, verify the result, then write it.

Nothing is written unless every row is valid and the data as it would be afterwards passes
the full ``plansite check``, tried on a copy of the data folder first. Files are then
replaced one by one, each atomically; a file whose text would not change is not touched.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TextIO

from plansite.load.errors import Diagnostic
from plansite.sheets import yamledit
from plansite.sheets.changes import Change, Documents, work_out
from plansite.sheets.export import load_context
from plansite.sheets.read import Book, read_book
from plansite.sheets.values import SheetError
from plansite.validate import check

APPLIED, REFUSED, NOT_WRITTEN = 0, 1, 3  # exit codes, as `plansite import-sheet --help` says


def new_texts(docs: Documents) -> dict[Path, str]:
    """The new text of every file whose text changes."""
    out: dict[Path, str] = {}
    for path, doc in docs.docs.items():
        text = yamledit.dump(doc)
        original = docs.original[path]
        if original is None:
            # A new file starts like the others, naming its schema for editors.
            kind = next(iter(doc))
            schema = Path(os.path.relpath(docs.root, path.parent)).as_posix()
            text = f"# yaml-language-server: $schema={schema}/schema/{kind}.schema.json\n" + text
        if text != original:
            out[path] = text
    return out


def verify(root: Path, partnership: str, texts: dict[Path, str]) -> list[Diagnostic]:
    """The errors ``plansite check`` would report for the partnership once ``texts`` are
    written, found on a copy of the data folder."""
    with tempfile.TemporaryDirectory(prefix="plansite-import-") as tmp:
        copy = Path(tmp) / root.resolve().name  # same name, so messages name the same paths
        shutil.copytree(root, copy)
        for path, text in texts.items():
            target = copy / path.resolve().relative_to(root.resolve())
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        report = check(copy)
        report.only(partnership)
        return report.errors


def write_atomic(path: Path, text: str) -> None:
    """Replace ``path`` in one step: readers see the old file or the new, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        Path(tmp).chmod(path.stat().st_mode & 0o777 if path.exists() else 0o644)
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _target(book: Book, partnership: str | None, plan: str | None) -> tuple[str, str | None]:
    for what, given, recorded in (
        ("partnership", partnership, book.partnership),
        ("plan", plan, book.plan),
    ):
        if given and recorded and given != recorded:
            raise SheetError(
                f"{book.file} was exported for {what} {recorded!r}, not {given!r}: "
                f"leave out --{what} or export a workbook for {given!r}"
            )
    pid = partnership or book.partnership
    if not pid:
        raise SheetError(
            f"{book.file} does not say which partnership it is for (a CSV never does): "
            "give --partnership ID"
        )
    return pid, plan or book.plan


def import_sheet(
    file: Path,
    root: Path,
    *,
    partnership: str | None = None,
    plan: str | None = None,
    yes: bool = False,
    dry_run: bool = False,
    today: date | None = None,
    interactive: bool | None = None,
    ask: Callable[[str], str] = input,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    """Run the import; returns the exit code."""
    out, err = out or sys.stdout, err or sys.stderr
    try:
        book = read_book(file)
        pid, plan_id = _target(book, partnership, plan)
        ctx = load_context(root, pid, plan_id)
    except SheetError as exc:
        print(f"import refused: {exc}", file=err)
        return REFUSED
    changes, problems = work_out(ctx, book, today or date.today())
    if problems:
        for problem in problems:
            print(problem.format(book.file), file=err)
        print(
            f"import refused: {len(problems)} problem(s) in {book.file}; nothing was written",
            file=err,
        )
        return REFUSED
    if not changes:
        print(f"{book.file}: nothing to change — the data already matches it", file=out)
        return APPLIED
    texts = _summarise_and_edit(root, changes, out)
    errors = verify(root, pid, texts)
    if errors:
        for diagnostic in errors:
            print(diagnostic.format(), file=err)
        print(
            "import refused: the data would not pass `plansite check` with these changes; "
            "nothing was written",
            file=err,
        )
        return REFUSED
    files = f"{len(texts)} file(s)"
    if dry_run:
        print(
            f"dry run: {len(changes)} change(s) to {files} checked; nothing was written", file=out
        )
        return APPLIED
    if not yes:
        if not (sys.stdin.isatty() if interactive is None else interactive):
            print(
                "nothing was written: there is no terminal to confirm on — run again with --yes "
                "to apply these changes",
                file=err,
            )
            return NOT_WRITTEN
        answer = ask(f"Apply these {len(changes)} change(s) to {files}? [y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            print("nothing was written", file=out)
            return NOT_WRITTEN
    for path, text in texts.items():
        write_atomic(path, text)
        print(f"wrote {path}", file=out)
    return APPLIED


def _summarise_and_edit(root: Path, changes: list[Change], out: TextIO) -> dict[Path, str]:
    docs = Documents(root)
    for change in changes:
        print(change.format(), file=out)
        change.edit(docs)
    return new_texts(docs)
