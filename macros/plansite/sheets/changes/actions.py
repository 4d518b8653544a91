"""The Actions sheet: edits to actions, new actions, and progress updates."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from plansite.model.common import Timescale
from plansite.model.plan import Action, Update
from plansite.sheets import ids, yamledit
from plansite.sheets.changes.rows import (
    Change,
    Documents,
    Row,
    WorkBase,
    find,
    quoted,
    short,
    sibling,
    words,
)
from plansite.sheets.columns import ACTIONS, SHEET
from plansite.sheets.read import SheetRow
from plansite.sheets.values import action_values, latest_progress

ACTION_ORDER = list(Action.model_fields)
UPDATE_ORDER = list(Update.model_fields)
TIMESCALE_ORDER = list(Timescale.model_fields)


@dataclass(frozen=True)
class NewUpdate:
    """A progress update a row adds to an action."""

    date: str
    status: str | None = None
    status_raw: str | None = None  # the workbook has no column for the plan's word
    note: str | None = None
    not_public: list[str] | None = None  # a workbook row's note is meant for the site


class ActionRows(WorkBase):
    """Rows of the Actions sheet."""

    def _actions(self, rows: list[SheetRow]) -> None:
        sheet = SHEET[ACTIONS]
        by_id = {a.id: a for a in self.ctx.plan.actions}
        exported = {k for s, k in self.book.fingerprints or {} if s == ACTIONS}
        taken = {a.id for p in self.ctx.pd.plans.values() for a in p.actions}
        taken |= {r.cells.get("Action id", "") for r in rows} - {""}
        seen: dict[str, int] = {}
        for row in rows:
            r = Row(self, sheet, row, self._canon(sheet, row))
            key = r.get("Action id")
            if key and self._seen(r, seen, key, "Action id"):
                continue
            if key in by_id:
                self._action_edit(r, by_id[key])
            elif key in exported:
                r.error("Action id", f"there is no action {quoted(key)} in the plan any more")
            else:
                self._action_new(r, key, taken)

    def _outcome(self, r: Row) -> str:
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
                f"{quoted(under)} is not an outcome of this plan — choose one of: "
                + ", ".join(outcomes),
            )
        return under

    def _progress(self, r: Row, a: Action | None, edited: dict[str, str]) -> NewUpdate | None:
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

    def _action_edit(self, r: Row, a: Action) -> None:
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
            parts.append(f"text now {short(sets['text'])}")
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
            parts.append(f"timescale as written now {short(raw) if raw else 'none'}")
        update = self._progress(r, a, edited)
        if update is not None:
            if update.status:
                old = action_values(self.ctx, a)["Status"]
                dated = "" if update.note else f" (dated {update.date})"
                parts.append(f"status {words(old)} → {words(update.status)}{dated}")
            if update.note:
                parts.append(f"new progress {update.date} {short(update.note)}")
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

    def _action_new(self, r: Row, key: str, taken: set[str]) -> None:
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
        parts = [f"new action {key}" + (f" under {under}" if under else "") + f": {short(text)}"]
        if leads:
            parts.append(f"led by {self.ctx.names(leads)}")
        if due or raw:
            parts.append(f"due {due or raw}")
        if update is not None and update.status:
            parts.append(f"status {words(update.status)}")
        if update is not None and update.note:
            parts.append(f"progress {update.date} {short(update.note)}")

        def edit(docs: Documents) -> None:
            seq = docs.items(self.actions_file, "actions")
            item = yamledit.new_map()
            self._action_fields(item, seq, sets, due or None, raw or None, update)
            # With the other actions under the same outcome, else at the end; added once
            # filled, so comment lines moved past it land below it.
            beside = [i for i, x in enumerate(seq) if under and str(x.get("under")) == under]
            yamledit.append(seq, item, beside[-1] if beside else None)

        self.changes.append(Change(ACTIONS, r.row.number, f"new {key}", parts, edit))
