"""The Services sheet: edits to services and new services, their providers, contact and status."""

from __future__ import annotations

from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from plansite.model.common import ContactPoint
from plansite.model.service import Service, ServiceStatusChange
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
)
from plansite.sheets.columns import SERVICES, SHEET
from plansite.sheets.read import SheetRow
from plansite.sheets.values import service_values

SERVICE_ORDER = list(Service.model_fields)
CONTACT_ORDER = list(ContactPoint.model_fields)
STATUS_ORDER = list(ServiceStatusChange.model_fields)
CONTACT_FIELDS = {"Phone": "phone", "Email": "email", "Website": "website", "Address": "address"}


class ServiceRows(WorkBase):
    """Rows of the Services sheet."""

    def _services(self, rows: list[SheetRow]) -> None:
        sheet = SHEET[SERVICES]
        by_id = {s.id: s for s in self.ctx.pd.services}
        exported = {k for s, k in self.book.fingerprints or {} if s == SERVICES}
        taken = set(by_id) | {r.cells.get("Service id", "") for r in rows} - {""}
        seen: dict[str, int] = {}
        for row in rows:
            r = Row(self, sheet, row, self._canon(sheet, row))
            key = r.get("Service id")
            if key and self._seen(r, seen, key, "Service id"):
                continue
            if key in by_id:
                s = by_id[key]
                self._service(r, s, self._edited(r, key, service_values(self.ctx, s)), taken)
            elif key in exported:
                r.error("Service id", f"there is no service {quoted(key)} any more")
            else:
                self._service(r, None, {h: t for h, t in r.cells.items() if t}, taken)

    def _service(self, r: Row, s: Service | None, edited: dict[str, str], taken: set[str]) -> None:
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
                    parts.append(f"{key} now {short(sets[key])}")
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
