"""Check every row of a workbook and work out what it changes in the data.

Each row is compared with the item it names, as the export would show that item today; only
the cells that differ are changes. A workbook (not a CSV) also carries a digest of each row as
exported, so a row nobody touched is left alone even if the data changed since, and a row
edited in both places is refused rather than silently undoing the other edit.

Nothing is written here: each change carries a function that edits the YAML documents, run
later by ``plansite.sheets.apply`` once every row has passed.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, get_args

from pydantic import TypeAdapter, ValidationError
from pydantic_core import PydanticCustomError
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from plansite.model.common import (
    ContactPoint,
    Email,
    Number,
    Phone,
    PlainText,
    Slug,
    Timescale,
    Url,
)
from plansite.model.dates import PartialDate
from plansite.model.plan import Action, ActionStatus, Figure, Indicator, Measure, Update
from plansite.model.service import Service, ServiceKind, ServiceStatus, ServiceStatusChange
from plansite.sheets import ids, yamledit
from plansite.sheets.columns import (
    ACTIONS,
    INDICATORS,
    SERVICES,
    SHEET,
    Sheet,
    fingerprint,
    number_text,
)
from plansite.sheets.read import Book, Problem, SheetRow
from plansite.sheets.values import (
    Context,
    action_values,
    figure_fields,
    figure_key,
    figure_values,
    figures,
    latest_progress,
    service_values,
)

Edit = Callable[["Documents"], None]
ACTION_ORDER = list(Action.model_fields)
UPDATE_ORDER = list(Update.model_fields)
TIMESCALE_ORDER = list(Timescale.model_fields)
SERVICE_ORDER = list(Service.model_fields)
CONTACT_ORDER = list(ContactPoint.model_fields)
STATUS_ORDER = list(ServiceStatusChange.model_fields)
FIGURE_ORDER = list(Figure.model_fields)
MEASURE_ORDER = list(Measure.model_fields)
CONTACT_FIELDS = {"Phone": "phone", "Email": "email", "Website": "website", "Address": "address"}
FIGURE_FIELDS = {
    "Period": "period",
    "Value": "value",
    "Unit": "unit",
    "As written": "raw",
    "Note": "note",
    "Source": "source",
}
CHOICES = {
    (ACTIONS, "Status"): get_args(ActionStatus),
    (SERVICES, "Status"): get_args(ServiceStatus),
    (SERVICES, "Kind"): get_args(ServiceKind),
}
CHOICE_WORDS = {"Status": "a status", "Kind": "a kind of service"}
_ADAPTERS: dict[str, TypeAdapter[Any]] = {
    "slug": TypeAdapter(Slug),
    "text": TypeAdapter(PlainText),
    "phone": TypeAdapter(Phone),
    "email": TypeAdapter(Email),
    "url": TypeAdapter(Url),
    "number": TypeAdapter(Number),
}


class Documents:
    """The YAML files being edited, each read once; the apply step writes those that changed."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.docs: dict[Path, Any] = {}
        self.original: dict[Path, str | None] = {}

    def items(self, path: Path, top: str) -> CommentedSeq:
        """The list under ``top`` in the file at ``path``, made if the file or list is new."""
        if path not in self.docs:
            text = path.read_text(encoding="utf-8") if path.exists() else None
            self.original[path] = text
            self.docs[path] = yamledit.load(text) if text is not None else CommentedMap()
        doc = self.docs[path]
        if not isinstance(doc.get(top), CommentedSeq):
            doc[top] = yamledit.new_seq()
        seq: CommentedSeq = doc[top]
        return seq


def find(seq: CommentedSeq, ident: str) -> CommentedMap:
    item: CommentedMap = next(x for x in seq if str(x.get("id")) == ident)
    return item


def sibling(seq: CommentedSeq, key: str, besides: object = None) -> Any:
    """The value another item of ``seq`` has for ``key``: new values copy its style."""
    return next(
        (
            item[key]
            for item in seq
            if item is not besides and key in item and item[key] is not None
        ),
        None,
    )


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return f"“{text if len(text) <= limit else text[: limit - 1] + '…'}”"


def _q(text: str) -> str:
    return f'"{text}"'


def _words(value: str) -> str:
    return value.replace("-", " ") if value else "none"


@dataclass(frozen=True)
class NewUpdate:
    """A progress update a row adds to an action."""

    date: str
    status: str | None = None
    note: str | None = None
    not_public: list[str] | None = None  # a workbook row's note is meant for the site


@dataclass
class Change:
    """What one row changes, said in words, and how to make the change."""

    sheet: str
    row: int
    label: str
    parts: list[str]
    edit: Edit

    def format(self) -> str:
        return f"{self.sheet} row {self.row} ({self.label}): {'; '.join(self.parts)}"


@dataclass
class _Row:
    """One row being checked: its cells, with problems recorded against it."""

    work: Work
    sheet: Sheet
    row: SheetRow
    cells: dict[str, str]
    count: int = field(init=False)

    def __post_init__(self) -> None:
        self.count = len(self.work.problems)

    def error(self, column: str | None, message: str) -> None:
        self.work.problems.append(Problem(self.sheet.name, self.row.number, column, message))

    @property
    def ok(self) -> bool:
        return len(self.work.problems) == self.count

    def get(self, heading: str, default: str = "") -> str:
        return self.cells.get(heading, default)

    def valid(self, heading: str, kind: str) -> str:
        """The cell's text if it is a valid ``kind``; else records the problem."""
        text = self.get(heading)
        try:
            _ADAPTERS[kind].validate_python(text)
        except ValidationError as exc:
            self.error(heading, str(exc.errors()[0]["msg"]))
        return text

    def when(self, heading: str) -> PartialDate | None:
        text = self.get(heading)
        if not text:
            return None
        try:
            return PartialDate.parse(text)
        except PydanticCustomError as exc:
            self.error(heading, exc.message())
            return None

    def required(self, heading: str, what: str) -> str:
        text = self.get(heading)
        if not text:
            self.error(heading, f"{what} is needed: it cannot be left blank")
        elif len(text) > 2000:
            self.error(heading, "the text is longer than 2000 characters: shorten it")
        return text

    def partners(self, heading: str) -> list[str]:
        out = []
        for name in (n.strip() for n in self.get(heading).replace("\n", ";").split(";")):
            if not name:
                continue
            pid = self.work.ctx.lookup.get(name.casefold())
            if pid is None:
                self.error(
                    heading,
                    f"{_q(name)} is not a partner — choose one from the drop-down list, or add the "
                    "organisation to organisations.yaml first",
                )
            elif pid not in out:
                out.append(pid)
        return out


class Work:
    """The rows of one workbook checked against one partnership's plan."""

    def __init__(self, ctx: Context, book: Book, today: date) -> None:
        self.ctx, self.book, self.today = ctx, book, today
        self.problems: list[Problem] = list(book.problems)
        self.changes: list[Change] = []
        pd = ctx.pd
        self.plan_folder = pd.folder / "plans" / ctx.plan_id
        self.actions_file = self.plan_folder / "actions.yaml"
        self.indicators_file = self.plan_folder / "indicators.yaml"
        self.services_file = pd.folder / "services.yaml"

    def run(self) -> None:
        self._actions(self.book.sheets.get(ACTIONS, []))
        self._indicators(self.book.sheets.get(INDICATORS, []))
        self._services(self.book.sheets.get(SERVICES, []))

    # -- shared -------------------------------------------------------------------------

    def _canon(self, sheet: Sheet, row: SheetRow) -> dict[str, str]:
        """The row's cells in the form the export writes, so that 'In progress', an id in
        place of a name, or 63.0 for 63 are not taken for changes."""
        cells = dict(row.cells)
        for heading, text in cells.items():
            column = sheet.column(heading)
            choices = CHOICES.get((sheet.name, heading))
            if choices and text:
                word = "-".join(text.casefold().split())
                cells[heading] = word if word in choices else text
            elif column.several and text:
                names = [n.strip() for n in text.replace("\n", ";").split(";") if n.strip()]
                found = [self.ctx.lookup.get(n.casefold()) for n in names]
                if all(found):
                    cells[heading] = self.ctx.names(list(dict.fromkeys(f for f in found if f)))
            elif column.number and text:
                with contextlib.suppress(ValueError):  # not a number: reported when checked
                    cells[heading] = number_text(float(text))
        return cells

    def _edited(self, r: _Row, key: str, current: dict[str, str]) -> dict[str, str]:
        """The cells of an existing item's row that differ from the data (none if the row
        was left as exported)."""
        diff = {
            h: t
            for h, t in r.cells.items()
            if not r.sheet.column(h).reference and t != current.get(h, "")
        }
        exported = (self.book.fingerprints or {}).get((r.sheet.name, key))
        if exported is None:
            return diff
        if fingerprint(r.row.cells, r.sheet) == exported:
            return {}
        if diff and fingerprint(current, r.sheet) != exported:
            r.error(
                None,
                "this row was edited here, and the data was changed too since the workbook was "
                "exported — export a fresh workbook and make the change there",
            )
            return {}
        return diff

    def _choice(self, r: _Row, heading: str) -> str:
        text = r.get(heading)
        choices = CHOICES[(r.sheet.name, heading)]
        if text and text not in choices:
            r.error(
                heading,
                f"{_q(text)} is not {CHOICE_WORDS[heading]} — choose one of: {', '.join(choices)}",
            )
        return text

    def _seen(self, r: _Row, seen: dict[str, int], key: str, heading: str) -> bool:
        if key in seen:
            r.error(heading, f"{_q(key)} is also on row {seen[key]}: give each item one row")
            return True
        seen[key] = r.row.number
        return False

    # -- actions ------------------------------------------------------------------------

    def _actions(self, rows: list[SheetRow]) -> None:
        sheet = SHEET[ACTIONS]
        by_id = {a.id: a for a in self.ctx.plan.actions}
        exported = {k for s, k in self.book.fingerprints or {} if s == ACTIONS}
        taken = {a.id for p in self.ctx.pd.plans.values() for a in p.actions}
        taken |= {r.cells.get("Action id", "") for r in rows} - {""}
        seen: dict[str, int] = {}
        for row in rows:
            r = _Row(self, sheet, row, self._canon(sheet, row))
            key = r.get("Action id")
            if key and self._seen(r, seen, key, "Action id"):
                continue
            if key in by_id:
                self._action_edit(r, by_id[key])
            elif key in exported:
                r.error("Action id", f"there is no action {_q(key)} in the plan any more")
            else:
                self._action_new(r, key, taken)

    def _outcome(self, r: _Row) -> str:
        under = r.get("Outcome id")
        outcomes = self.ctx.outcomes()
        if self.ctx.parent_level is None:
            if under:
                r.error("Outcome id", "this plan has nothing above its actions: leave it blank")
        elif not under:
            r.error("Outcome id", "choose the outcome the action sits under, from the list")
        elif under not in outcomes:
            r.error(
                "Outcome id",
                f"{_q(under)} is not an outcome of this plan — choose one of: "
                + ", ".join(outcomes),
            )
        return under

    def _progress(self, r: _Row, a: Action | None, edited: dict[str, str]) -> NewUpdate | None:
        """The update a row adds: new progress, a new status, or both; None if neither."""
        status_changed = "Status" in edited
        progress_changed = "Latest progress" in edited or "Progress date" in edited
        if not (status_changed or progress_changed):
            return None
        status = self._choice(r, "Status") if status_changed else None
        if status_changed and not status:
            r.error("Status", "a status cannot be cleared: choose one of the list")
        note, day = r.get("Latest progress"), r.get("Progress date")
        if not progress_changed:
            return NewUpdate(self.today.isoformat(), status=status or None)
        had = latest_progress(a.updates) if a else None
        if not note:
            r.error(
                "Latest progress",
                "an update cannot be removed here (correct it in actions.yaml)"
                if had
                else "write the progress update, or clear its date",
            )
        elif len(note) > 2000:
            r.error("Latest progress", "the text is longer than 2000 characters: shorten it")
        when = r.when("Progress date")
        if not day:
            r.error("Progress date", "give the date of this progress update, e.g. 2025-03-01")
        elif when and a and a.updates:
            last = a.updates[-1].date
            if when.first and last.first and when.first < last.first:
                r.error(
                    "Progress date",
                    f"{day} is before the action's latest update ({last.text}): updates are "
                    "added in date order",
                )
        if not r.ok or when is None:
            return None
        return NewUpdate(when.text, status=status or None, note=note)

    def _action_edit(self, r: _Row, a: Action) -> None:
        edited = self._edited(r, a.id, action_values(self.ctx, a))
        if not edited:
            return
        parts: list[str] = []
        sets: dict[str, Any] = {}  # field -> new value; None removes it
        if "Number" in edited:
            sets["number"] = edited["Number"] or None
            parts.append(f"number {a.number or 'none'} → {edited['Number'] or 'none'}")
        if "Outcome id" in edited:
            sets["under"] = self._outcome(r)
            parts.append(f"moved from {a.under} to {sets['under']}")
        if "Action" in edited:
            sets["text"] = r.required("Action", "the action's text")
            parts.append(f"text now {_short(sets['text'])}")
        for heading, key in (("Leads", "leads"), ("Supporting partners", "partners")):
            if heading in edited:
                sets[key] = r.partners(heading)
                before = self.ctx.names(getattr(a, key)) or "none"
                parts.append(f"{heading.lower()} {before} → {edited[heading] or 'none'}")
        due = raw = None
        if "Due by" in edited:
            due = edited["Due by"]
            r.when("Due by")
            parts.append(f"due {action_values(self.ctx, a)['Due by'] or 'none'} → {due or 'none'}")
        if "Timescale as written" in edited:
            raw = edited["Timescale as written"]
            parts.append(f"timescale as written now {_short(raw) if raw else 'none'}")
        update = self._progress(r, a, edited)
        if update is not None:
            if update.status:
                old = action_values(self.ctx, a)["Status"]
                dated = "" if update.note else f" (dated {update.date})"
                parts.append(f"status {_words(old)} → {_words(update.status)}{dated}")
            if update.note:
                parts.append(f"new progress {update.date} {_short(update.note)}")
        if not r.ok or not parts:
            return

        def edit(docs: Documents) -> None:
            seq = docs.items(self.actions_file, "actions")
            item = find(seq, a.id)
            self._action_fields(item, seq, sets, due, raw, update)

        self.changes.append(Change(ACTIONS, r.row.number, a.id, parts, edit))

    def _action_fields(
        self,
        item: CommentedMap,
        seq: CommentedSeq,
        sets: dict[str, Any],
        due: str | None,
        raw: str | None,
        update: NewUpdate | None,
    ) -> None:
        for key, value in sets.items():
            if value is None or value == []:
                yamledit.drop(item, key)
            elif isinstance(value, list):
                old = item.get(key)
                flow = (
                    yamledit.is_flow(old)
                    if old is not None
                    else yamledit.flow_fits(seq, key, item, f"[{', '.join(value)}]")
                )
                yamledit.put(item, key, yamledit.new_seq(value, flow=flow), ACTION_ORDER)
            else:
                yamledit.put(item, key, value, ACTION_ORDER, like=sibling(seq, key, item))
        if due is not None or raw is not None:
            self._timescale(item, seq, due, raw)
        if update is not None:
            entry = yamledit.new_map()
            for key in UPDATE_ORDER:
                value = getattr(update, key)
                if value is not None:
                    entry[key] = yamledit.scalar(value)
            if isinstance(item.get("updates"), CommentedSeq):
                yamledit.append(item["updates"], entry)
            else:
                yamledit.put(item, "updates", yamledit.new_seq([entry]), ACTION_ORDER)

    def _timescale(
        self, item: CommentedMap, seq: CommentedSeq, due: str | None, raw: str | None
    ) -> None:
        ts = item.get("timescale")
        fresh = not isinstance(ts, CommentedMap)
        if fresh:
            ts = yamledit.new_map(flow=yamledit.is_flow(sibling(seq, "timescale", item)))
        if due is not None:
            if not due:
                yamledit.drop(ts, "due")
                yamledit.drop(ts, "ongoing")
            elif due == "ongoing":
                yamledit.drop(ts, "due")
                yamledit.put(ts, "ongoing", True, TIMESCALE_ORDER)
            else:
                yamledit.put(ts, "due", due, TIMESCALE_ORDER)
                yamledit.drop(ts, "ongoing")
        if raw is not None:
            if raw:
                yamledit.put(ts, "raw", raw, TIMESCALE_ORDER)
            else:
                yamledit.drop(ts, "raw")
        if not ts:
            yamledit.drop(item, "timescale")
        elif fresh:
            yamledit.put(item, "timescale", ts, ACTION_ORDER)

    def _action_new(self, r: _Row, key: str, taken: set[str]) -> None:
        if key:
            r.valid("Action id", "slug")
        under = self._outcome(r)
        text = r.required("Action", "the action's text")
        number = r.get("Number")
        leads, partners = r.partners("Leads"), r.partners("Supporting partners")
        due, raw = r.get("Due by"), r.get("Timescale as written")
        r.when("Due by")
        edited = {
            h: r.cells[h] for h in ("Status", "Latest progress", "Progress date") if r.cells.get(h)
        }
        update = self._progress(r, None, edited)
        if not r.ok:
            return
        plan = self.ctx.plan
        beside = [a for a in plan.actions if a.under == under]
        if not key:
            key = ids.new_id([a.id for a in beside], [a.id for a in plan.actions], taken, text)
            taken.add(key)
        if not number and beside and all(a.number for a in beside):
            number = (
                ids.continue_pattern(
                    [a.number for a in beside if a.number],
                    [a.number for a in plan.actions if a.number],
                )
                or ""
            )
        sets: dict[str, Any] = {"id": key, "number": number or None, "under": under or None}
        sets |= {"text": text, "leads": leads, "partners": partners}
        parts = [f"new action {key}" + (f" under {under}" if under else "") + f": {_short(text)}"]
        if leads:
            parts.append(f"led by {self.ctx.names(leads)}")
        if due or raw:
            parts.append(f"due {due or raw}")
        if update is not None and update.status:
            parts.append(f"status {_words(update.status)}")
        if update is not None and update.note:
            parts.append(f"progress {update.date} {_short(update.note)}")

        def edit(docs: Documents) -> None:
            seq = docs.items(self.actions_file, "actions")
            item = yamledit.new_map()
            self._action_fields(item, seq, sets, due or None, raw or None, update)
            # With the other actions under the same outcome, else at the end; added once
            # filled, so comment lines moved past it land below it.
            beside = [i for i, x in enumerate(seq) if under and str(x.get("under")) == under]
            yamledit.append(seq, item, beside[-1] if beside else None)

        self.changes.append(Change(ACTIONS, r.row.number, f"new {key}", parts, edit))

    # -- indicators ---------------------------------------------------------------------

    def _indicators(self, rows: list[SheetRow]) -> None:
        sheet = SHEET[INDICATORS]
        by_id = {i.id: i for i in self.ctx.plan.indicators}
        seen: dict[str, int] = {}
        for row in rows:
            r = _Row(self, sheet, row, self._canon(sheet, row))
            ind_id, m_id, fig = r.get("Indicator id"), r.get("Measure id"), r.get("Figure")
            ind = by_id.get(ind_id)
            if ind is None:
                r.error(
                    "Indicator id",
                    f"{_q(ind_id)} is not an indicator of this plan — choose one from the list"
                    if ind_id
                    else "choose the indicator the figure belongs to",
                )
                continue
            measure = next((m for m in ind.measures if m.id == m_id), None)
            if measure is None:
                known = ", ".join(m.id for m in ind.measures) or "none"
                r.error(
                    "Measure id",
                    f"{_q(m_id)} is not a measure of {ind_id} (its measures: {known})"
                    if m_id
                    else f"choose the measure of {ind_id} the figure is for ({known})",
                )
                continue
            have = dict(figures(measure))
            if fig and fig not in have and fig not in ("baseline", "target"):
                r.error(
                    "Figure",
                    f"{_q(fig)} is not a figure of {ind_id} / {m_id}: write baseline, target, the "
                    "number of one of its figures, or leave it blank to add a new figure",
                )
                continue
            if fig and self._seen(r, seen, figure_key(ind_id, m_id, fig), "Figure"):
                continue
            self._figure(r, ind, measure, fig, have.get(fig))

    def _figure(self, r: _Row, ind: Indicator, m: Measure, fig: str, f: Figure | None) -> None:
        current = figure_fields(f)
        new = f is None
        if new:
            edited = {h: r.cells[h] for h in FIGURE_FIELDS if r.cells.get(h)}
            if not edited:
                return  # the empty row offered for a measure's first figure
        else:
            edited = self._edited(r, figure_key(ind.id, m.id, fig), figure_values(ind, m, fig, f))
        if not edited:
            return
        after = {**current, **{h: r.get(h, current[h]) for h in edited}}
        if "Value" in edited and after["Value"]:
            r.valid("Value", "number")
        if "Period" in edited:
            r.when("Period")
        for heading in ("Unit", "As written", "Note", "Source"):
            if heading in edited and after[heading]:
                r.valid(heading, "text")
        if not (after["Value"] or after["As written"]):
            r.error("Value", "a figure needs a value, or its wording under 'As written'")
        if not r.ok:
            return
        label = f"{ind.id} / {m.id}" + (f" / {fig}" if fig else "")
        what = {"baseline": "new baseline", "target": "new target"}.get(fig, "new figure")
        if new:
            shown = after["As written"] or " ".join(x for x in (after["Value"], after["Unit"]) if x)
            parts = [f"{what} {shown}" + (f" for {after['Period']}" if after["Period"] else "")]
        else:
            parts = [
                f"{h.lower()} {current[h] or 'none'} → {after[h] or 'none'}"
                if len(after[h]) < 40
                else f"{h.lower()} now {_short(after[h])}"
                for h in edited
            ]

        def edit(docs: Documents) -> None:
            seq = docs.items(self.indicators_file, "indicators")
            measure = next(x for x in find(seq, ind.id)["measures"] if str(x.get("id")) == m.id)
            if fig in ("baseline", "target") and new:
                target = yamledit.new_map()
                yamledit.put(measure, fig, target, MEASURE_ORDER)
            elif fig in ("baseline", "target"):
                target = measure[fig]
            elif new:
                target = yamledit.new_map()
                if isinstance(measure.get("figures"), CommentedSeq):
                    yamledit.append(measure["figures"], target)
                else:
                    yamledit.put(measure, "figures", yamledit.new_seq([target]), MEASURE_ORDER)
            else:
                target = measure["figures"][int(fig) - 1]
            for heading in edited:
                key, text = FIGURE_FIELDS[heading], after[heading]
                if not text:
                    yamledit.drop(target, key)
                elif key == "value":
                    number = float(text)
                    yamledit.put(
                        target, key, int(number) if number.is_integer() else number, FIGURE_ORDER
                    )
                else:
                    yamledit.put(target, key, text, FIGURE_ORDER)

        self.changes.append(Change(INDICATORS, r.row.number, label, parts, edit))

    # -- services -----------------------------------------------------------------------

    def _services(self, rows: list[SheetRow]) -> None:
        sheet = SHEET[SERVICES]
        by_id = {s.id: s for s in self.ctx.pd.services}
        exported = {k for s, k in self.book.fingerprints or {} if s == SERVICES}
        taken = set(by_id) | {r.cells.get("Service id", "") for r in rows} - {""}
        seen: dict[str, int] = {}
        for row in rows:
            r = _Row(self, sheet, row, self._canon(sheet, row))
            key = r.get("Service id")
            if key and self._seen(r, seen, key, "Service id"):
                continue
            if key in by_id:
                s = by_id[key]
                self._service(r, s, self._edited(r, key, service_values(self.ctx, s)), taken)
            elif key in exported:
                r.error("Service id", f"there is no service {_q(key)} any more")
            else:
                self._service(r, None, {h: t for h, t in r.cells.items() if t}, taken)

    def _service(self, r: _Row, s: Service | None, edited: dict[str, str], taken: set[str]) -> None:
        if not edited:
            return
        current = service_values(self.ctx, s) if s else {}
        parts: list[str] = []
        sets: dict[str, Any] = {}
        for heading, key, what in (
            ("Name", "name", "the name"),
            ("Summary", "summary", "a summary"),
        ):
            if heading in edited or s is None:
                sets[key] = r.required(heading, what)
                if s is not None:
                    parts.append(f"{key} now {_short(sets[key])}")
        if "Kind" in edited or s is None:
            sets["kind"] = self._choice(r, "Kind")
            if not sets["kind"]:
                r.error("Kind", "choose what kind of service it is, from the list")
            if s is not None:
                parts.append(f"kind {s.kind} → {sets['kind']}")
        providers = None
        if "Provided by" in edited:
            providers = r.partners("Provided by")
            if s is not None:
                parts.append(f"provided by {current['Provided by'] or 'none'} → "
                             f"{self.ctx.names(providers) or 'none'}")  # fmt: skip
        contact: dict[str, str] = {}
        for heading, key in CONTACT_FIELDS.items():
            if heading in edited:
                text = edited[heading]
                kind = {"phone": "phone", "email": "email", "website": "url"}.get(key, "text")
                if text:
                    r.valid(heading, kind)
                contact[key] = text
                if s is not None:
                    parts.append(f"{key} {current[heading] or 'none'} → {text or 'none'}")
        status = None
        if "Status" in edited or "Status since" in edited:
            status = self._choice(r, "Status") if r.get("Status") else ""
            when = r.when("Status since")
            if not status:
                r.error("Status", "choose the service's status, from the list")
            since = r.get("Status since") if "Status since" in edited and when else None
            if s is not None and status:
                parts.append(f"status {current['Status'] or 'none'} → {status}"
                             f" (since {since or self.today.isoformat()})")  # fmt: skip
        if not r.ok:
            return
        key = r.get("Service id")
        if s is None:
            if key:
                r.valid("Service id", "slug")
                if not r.ok:
                    return
            else:
                key = ids.new_id([], [], taken, sets["name"])
                taken.add(key)
            parts = [f"new service {key}: {sets['name']}"]
            parts += [f"{k} {v}" for k, v in contact.items() if v]
            if status:
                parts.append(f"status {status}")
        if not parts:
            return
        entry = None
        if status:
            day = r.get("Status since") if "Status since" in edited else ""
            entry = {"status": status, "date": day or self.today.isoformat()}
        service_id = key

        def edit(docs: Documents) -> None:
            seq = docs.items(self.services_file, "services")
            if s is None:
                item = yamledit.new_map()
                item["id"] = service_id
            else:
                item = find(seq, service_id)
            for field_name, value in sets.items():
                yamledit.put(
                    item, field_name, value, SERVICE_ORDER, like=sibling(seq, field_name, item)
                )
            if providers is not None:
                self._providers(item, seq, providers)
            self._contact(item, seq, contact)
            if entry is not None:
                change = yamledit.new_map()
                for k in STATUS_ORDER:
                    if k in entry:
                        change[k] = yamledit.scalar(entry[k])
                if isinstance(item.get("status"), CommentedSeq):
                    yamledit.append(item["status"], change)
                else:
                    yamledit.put(item, "status", yamledit.new_seq([change]), SERVICE_ORDER)
            if s is None:
                yamledit.append(seq, item)

        label = service_id if s else f"new {service_id}"
        self.changes.append(Change(SERVICES, r.row.number, label, parts, edit))

    def _providers(self, item: CommentedMap, seq: CommentedSeq, ids_: list[str]) -> None:
        """Providers in the new order; those kept keep their role and layout."""
        old = item.get("providers")
        kept = {str(p.get("organisation")): p for p in old or []}
        flow = (
            yamledit.is_flow(old)
            if old
            else yamledit.flow_fits(
                seq, "providers", item, f"[{', '.join(f'{{organisation: {i}}}' for i in ids_)}]"
            )
        )
        entries = []
        for pid in ids_:
            entry = kept.get(pid)
            if entry is None:
                entry = yamledit.new_map(flow=flow)
                entry["organisation"] = pid
            entries.append(entry)
        if entries:
            yamledit.put(item, "providers", yamledit.new_seq(entries, flow=flow), SERVICE_ORDER)
        else:
            yamledit.drop(item, "providers")

    def _contact(self, item: CommentedMap, seq: CommentedSeq, changes: dict[str, str]) -> None:
        if not changes and "contact" in item:
            return
        contact = item.get("contact")
        if not isinstance(contact, CommentedMap):
            contact = yamledit.new_map(flow=yamledit.is_flow(sibling(seq, "contact", item)))
            yamledit.put(item, "contact", contact, SERVICE_ORDER)
        for key, text in changes.items():
            if text:
                yamledit.put(contact, key, text, CONTACT_ORDER)
            else:
                yamledit.drop(contact, key)
        reachable = any(contact.get(k) for k in CONTACT_FIELDS.values())
        if reachable:
            yamledit.drop(contact, "not_stated")  # it now states a way to get in touch
        elif not contact or all(k == "not_stated" for k in contact):
            yamledit.put(contact, "not_stated", True, CONTACT_ORDER)


def work_out(ctx: Context, book: Book, today: date) -> tuple[list[Change], list[Problem]]:
    """Every change the workbook makes, or every problem in it."""
    work = Work(ctx, book, today)
    work.run()
    return work.changes, work.problems
