"""``plansite new``: the folder of a new partnership, every field explained in its files.

The files pass ``plansite check`` with no errors; its warnings are the list of what is still
missing before the first release (placeholders, outcomes, actions, contacts ...).
"""

from __future__ import annotations

import json
import shutil
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pydantic import TypeAdapter, ValidationError

from plansite.load.errors import CATALOGUE
from plansite.model.common import SLUG_MAX, PlainText, Slug
from plansite.model.files import kinds_for
from plansite.scaffold.templates import HOW_TO, PARTNERSHIP_FILES, PLAN_FILES
from plansite.validate.resolve import RESERVED_PARTNERSHIP_IDS

RESERVED_IDS = RESERVED_PARTNERSHIP_IDS  # the check refuses them too
NAME_PLACEHOLDER = "[Replace with the partnership's full name]"
PLAN_SUFFIX = "-plan"

_SLUG: TypeAdapter[str] = TypeAdapter(Slug)
_TEXT: TypeAdapter[str] = TypeAdapter(PlainText)


@dataclass
class RefusedError(Exception):
    """Why nothing was written: where, the catalogue code, what is wrong, and the fix."""

    where: str
    code: str
    message: str
    hint: str = ""

    def __str__(self) -> str:
        hint = self.hint or CATALOGUE[self.code].hint
        return f"{self.where}: [{self.code}] {self.message} — {hint}"


def plan_id(pid: str) -> str:
    """The first plan's id: '<id>-plan', or 'plan' when that would be too long for an id."""
    return pid + PLAN_SUFFIX if len(pid) + len(PLAN_SUFFIX) <= SLUG_MAX else "plan"


def _shown(path: Path, data: Path) -> str:
    """A path as the loader reports it: from the data folder's parent."""
    try:
        return path.relative_to(data.parent).as_posix()
    except ValueError:  # pragma: no cover - both come from the same data folder
        return path.as_posix()


def refusal(data: Path, pid: str, name: str | None) -> RefusedError | None:
    """Why a partnership ``pid`` cannot be created in ``data``, or None when it can."""
    if not data.is_dir():
        return RefusedError(
            data.as_posix(),
            "file-missing",
            "the data folder does not exist",
            "give the folder that holds partnerships/ with --data DIR",
        )
    folder = data / "partnerships" / pid
    where = _shown(folder, data)
    try:
        _SLUG.validate_python(pid)
    except ValidationError as exc:
        # The loader's own check of an id, so the same ids are accepted and refused.
        return RefusedError(where, "slug-invalid", exc.errors()[0]["msg"])
    if pid in RESERVED_IDS:
        return RefusedError(
            where,
            "id-reserved",
            f"{pid!r} is the address of one of the national index's own pages",
        )
    if folder.exists() or folder.is_symlink():
        return RefusedError(
            where,
            "id-duplicate",
            f"a partnership with the id {pid!r} already exists",
            "choose another id, or edit the files already in that folder",
        )
    if name is not None:
        try:
            _TEXT.validate_python(name.strip())
        except ValidationError:
            empty = not name.strip()
            return RefusedError(
                "--name",
                "text-empty" if empty else "text-too-long",
                "the name is empty" if empty else "the name is too long to be a name",
                'give the name in quotes, e.g. --name "Fife Community Justice Partnership"',
            )
        if any(ch in name for ch in "\r\n\t"):
            return RefusedError("--name", "type-wrong", "the name must be on one line")
    return None


def _financial_year(year: int) -> str:
    return f"{year}/{(year + 1) % 100:02d}"


def render(pid: str, name: str | None, today: date) -> dict[str, str]:
    """{path inside the partnership's folder: text} for every file of a new partnership."""
    first = today.year if today.month >= 4 else today.year - 1  # financial years start in April
    values = {
        "@HOW_TO@": HOW_TO,
        "@ID@": pid,
        "@PLAN_ID@": plan_id(pid),
        # JSON's double-quoted string is also YAML's, so any name is written safely.
        "@NAME@": json.dumps(name.strip() if name else NAME_PLACEHOLDER, ensure_ascii=False),
        "@TODAY@": today.isoformat(),
        # The month three months on: an example approval that comes after the draft.
        "@LATER@": f"{today.year + today.month // 10}-{(today.month + 2) % 12 + 1:02d}",
        "@START@": _financial_year(first),
        "@END@": _financial_year(first + 2),
        "@PERIOD_RAW@": f"{first}-{(first + 3) % 100:02d}",
        "@Y1@": _financial_year(first),
        "@Y2@": _financial_year(first + 1),
        "@Y3@": _financial_year(first + 2),
    }
    partnership_kinds = {k.name: k for k in kinds_for("partnership").values()}
    plan_kinds = {k.name: k for k in kinds_for("plan").values()}
    files = {partnership_kinds[k].filename: t for k, t in PARTNERSHIP_FILES.items()}
    files |= {f"plans/{plan_id(pid)}/{plan_kinds[k].filename}": t for k, t in PLAN_FILES.items()}
    out = {}
    for path, template in files.items():
        text = template
        for token, value in values.items():  # HOW_TO first: it holds @ID@ itself
            text = text.replace(token, value)
        out[path] = text
    return out


def new_partnership(
    data: Path, pid: str, name: str | None = None, today: date | None = None
) -> list[Path]:
    """Write a new partnership's folder into ``data/partnerships``; return the files written.

    Raises ``RefusedError`` (having written nothing) when the id or the name cannot be used.
    """
    problem = refusal(data, pid, name)
    if problem is not None:
        raise problem
    files = render(pid, name, today or date.today())
    parent = data / "partnerships"
    parent.mkdir(exist_ok=True)
    # Written aside, then moved into place in one step: a failure halfway leaves nothing
    # that the loader would read. A dot-folder in data/ is ignored by the loader.
    staging = Path(tempfile.mkdtemp(prefix=".plansite-new-", dir=data))
    try:
        for rel, text in files.items():
            path = staging / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        staging.rename(parent / pid)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return [parent / pid / rel for rel in files]
