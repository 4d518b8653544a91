"""The "what's changed" log, computed by comparing consecutive releases.

Every item of a snapshot (action, service, partner, measure, plan, plan node) is reduced to
the values of its tracked fields (``plansite.model.tracking``); comparing two snapshots
gives a plain-language line for each item added, removed, renamed or changed. Notes that
people wrote are attached to the lines they are about, or stand on their own.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from plansite.model.addresses import url_for
from plansite.model.changes import ChangeNote
from plansite.model.release import PublishedRelease, Snapshot
from plansite.model.service import KIND_LABELS, KIND_PLURALS, NOT_HELP_KINDS
from plansite.model.tracking import TRACKED

KIND_WORDS = {
    "action": "Actions",
    "service": "Services",
    "partner": "Partners",
    "measure": "Indicators",
    "plan": "The plan itself",
    "node": "Outcomes and priorities",
}
# What a change note's 'about' may name, and the item kind it means.
NOTE_KINDS = {
    "action": "action", "service": "service", "partner": "partner", "organisation": "partner",
    "indicator": "measure", "outcome": "node", "node": "node", "plan": "plan",
    "partnership": "plan",
}  # fmt: skip


@dataclass
class Item:
    kind: str
    id: str
    label: str
    url: str | None
    values: dict[str, str | None]
    former_ids: list[str] = field(default_factory=list)
    parents: list[str] = field(default_factory=list)  # node ids it sits under (for feeds)
    # What an entry of services.yaml is when it is not help ("campaign"); "" for help.
    not_help: str = ""


@dataclass
class Change:
    release: int | None  # None: not yet published (preview builds only)
    date: date
    type: str  # added | changed | removed
    kind: str
    item: str
    url: str | None
    text: str
    notes: list[str] = field(default_factory=list)
    parents: list[str] = field(default_factory=list)
    key: str = ""  # stable identity for feeds

    def __post_init__(self) -> None:
        if not self.key:
            digest = hashlib.sha256(
                f"{self.release}|{self.kind}|{self.item}|{self.text}".encode()
            ).hexdigest()
            self.key = digest[:20]


def _short(text: str, limit: int = 70) -> str:
    """A title short enough to quote in a sentence, without its closing full stop."""
    text = text.rstrip(" .")
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _node_url(nodes: dict[str, Any], outcome_levels: set[str], node_id: str) -> str:
    n = nodes[node_id]
    return url_for("outcome", n.id) if n.level in outcome_levels else url_for("plan-item", n.id)


def _ancestry(nodes: dict[str, Any], node_id: str | None) -> list[str]:
    """The node and every node above it."""
    chain = []
    while node_id:
        chain.append(node_id)
        node_id = nodes[node_id].parent if node_id in nodes else None
    return chain


# The items of the snapshots read lately, by the snapshot's identity (each is kept with its
# items, so that the identity stays its own): while a site's log is made, a release's
# snapshot is compared with the one before it and the one after, and its items are listed
# again for its pages' histories. ``forget_items`` lets them go once the log is made.
_ITEMS: dict[int, tuple[Snapshot, dict[tuple[str, str], Item]]] = {}
_KEEP = 16  # more than any partnership's releases, and few enough to hold


def forget_items() -> None:
    _ITEMS.clear()


def items(snap: Snapshot) -> dict[tuple[str, str], Item]:
    """Every tracked item of ``snap``, by kind and id. Shared between callers: not to be
    changed."""
    if (found := _ITEMS.get(id(snap))) is not None and found[0] is snap:
        return found[1]
    made = _items(snap)
    if len(_ITEMS) >= _KEEP:
        del _ITEMS[next(iter(_ITEMS))]  # the oldest
    _ITEMS[id(snap)] = (snap, made)
    return made


def _items(snap: Snapshot) -> dict[tuple[str, str], Item]:
    names = {**snap.names, **{loc.id: loc.name for loc in snap.partnership.localities}}
    out: dict[tuple[str, str], Item] = {}

    def add(
        kind: str,
        ident: str,
        label: str,
        url: str | None,
        model: Any,
        former: list[str] | None = None,
        parents: list[str] | None = None,
    ) -> None:
        values = {t.field: t.read(model, names) for t in TRACKED[kind]}
        out[(kind, ident)] = Item(kind, ident, label, url, values, former or [], parents or [])

    for plan_id, ps in snap.plans.items():
        plan = ps.plan
        outcome_levels = {lv.id for lv in plan.levels if lv.outcome}
        action_name = plan.levels[-1].name
        level_names = {lv.id: lv.name for lv in plan.levels}
        nodes = {n.id: n for n in plan.nodes}

        add("plan", plan_id, f"The plan, “{_short(plan.title)}”", url_for("plan"), plan)
        for n in plan.nodes:
            label = f"{level_names.get(n.level, n.level)} {n.number or ''}".strip()
            add(
                "node",
                n.id,
                f"{label}, “{_short(n.title)}”",
                _node_url(nodes, outcome_levels, n.id),
                n,
                n.former_ids,
                _ancestry(nodes, n.id),
            )
        for a in ps.actions.actions:
            label = f"{action_name} {a.number}" if a.number else action_name
            add(
                "action",
                a.id,
                f"{label}, “{_short(a.summary or a.text)}”",
                url_for("action", a.id),
                a,
                a.former_ids,
                _ancestry(nodes, a.under),
            )
        for ind in ps.indicators.indicators:
            url = _node_url(nodes, outcome_levels, ind.under[0]) if ind.under else url_for("plan")
            parents = [p for u in ind.under for p in _ancestry(nodes, u)]
            for m in ind.measures:
                add("measure", f"{ind.id}.{m.id}", f"“{_short(m.text)}”", url, m, [], parents)
    for s in snap.services:
        add("service", s.id, s.name, url_for("service", s.id), s, s.former_ids, list(s.outcomes))
        if s.kind in NOT_HELP_KINDS:
            out[("service", s.id)].not_help = s.kind
    roles: dict[str, list[Any]] = {}
    for membership in snap.partnership.memberships:
        roles.setdefault(membership.organisation, []).append(membership)
    for org, memberships in roles.items():
        first = memberships[0]
        add("partner", org, names.get(org, org), url_for("partner", org), first)
        if len(memberships) > 1:
            out[("partner", org)].values["role"] = ", ".join(
                sorted({ms.role.replace("-", " ") for ms in memberships})
            )
    return out


def published_keys(snapshot: Any) -> set[tuple[str, str]]:
    """The keys ``items`` gives, read from a snapshot as written in its release file.

    Checking needs only which items a release published, not the whole validated snapshot.
    Ids are kept as written by validation, so these are the keys of ``items(snapshot)``;
    whatever is not shaped like a snapshot is skipped (validating it fails on first use).
    """
    keys: set[tuple[str, str]] = set()
    plans = _get(snapshot, "plans", {})
    for plan_id, ps in plans.items() if isinstance(plans, dict) else ():
        keys.add(("plan", plan_id))
        keys.update(("node", i) for i in _ids(_get(_get(ps, "plan", {}), "nodes", [])))
        keys.update(("action", i) for i in _ids(_get(_get(ps, "actions", {}), "actions", [])))
        for ind in _list(_get(_get(ps, "indicators", {}), "indicators", [])):
            measures = _ids(_get(ind, "measures", []))
            keys.update(("measure", f"{_get(ind, 'id', '')}.{m}") for m in measures)
    keys.update(("service", i) for i in _ids(_get(snapshot, "services", [])))
    for membership in _list(_get(_get(snapshot, "partnership", {}), "memberships", [])):
        if isinstance(org := _get(membership, "organisation"), str):
            keys.add(("partner", org))
    return keys


def _get(raw: Any, key: str, default: Any = None) -> Any:
    return raw.get(key, default) if isinstance(raw, dict) else default


def _list(raw: Any) -> list[Any]:
    return raw if isinstance(raw, list) else []


def _ids(raw: Any) -> list[str]:
    return [i for item in _list(raw) if isinstance(i := _get(item, "id"), str)]


def _added(item: Item) -> str:
    if item.kind == "service" and item.not_help:
        return f"New: {item.label} ({KIND_LABELS[item.not_help].lower()})."
    return {
        "action": f"New: {item.label}.",
        "service": f"New service: {item.label}.",
        "partner": f"{item.label} joined the partnership as a {item.values.get('role')}.",
        "measure": f"New measure: {item.label}.",
        "plan": f"New plan: {item.label}.",
        "node": f"New: {item.label}.",
    }[item.kind]


def _removed(item: Item) -> str:
    return {
        "action": f"{item.label} was removed from the plan.",
        "service": f"{item.label} is no longer listed.",
        "partner": f"{item.label} left the partnership.",
        "measure": f"The measure {item.label} was removed.",
        "plan": f"{item.label} was withdrawn.",
        "node": f"{item.label} was removed from the plan.",
    }[item.kind]


def diff(old: Snapshot | None, new: Snapshot, release: int | None, day: date) -> list[Change]:
    """What changed from ``old`` to ``new``, as plain-language lines."""
    after = items(new)
    if old is None:
        counts = {
            k: sum(1 for (kind, _) in after if kind == k) for k in ("action", "service", "partner")
        }
        # Only help counts as services; the entries that are not help are named for what
        # they are. (A log of data with no such entries reads as it always has.)
        others = Counter(i.not_help for i in after.values() if i.not_help)
        counts["service"] -= others.total()
        titles = [ps.plan.title for ps in new.plans.values()]
        # A partnership that lists no members still names partners: count those, as its
        # partners page does.
        partners = counts["partner"] or len(new.names)
        text = (
            f"First published: {'; '.join(titles) or 'the partnership'}, with "
            f"{counts['action']} actions, {counts['service']} services and "
            f"{partners} partners"
        )
        if others:
            named = [f"{n} {KIND_PLURALS[k] if n > 1 else KIND_LABELS[k].lower()}"
                     for k, n in sorted(others.items())]  # fmt: skip
            text += "; also " + (" and ".join([", ".join(named[:-1]), named[-1]])
                                 if len(named) > 1 else named[0])  # fmt: skip
        text += "."
        return [Change(release, day, "added", "plan", "", url_for("plan") if titles else "", text)]
    before = items(old)
    # An item whose id changed is the same item: it lists its old id in former_ids.
    renamed_from = {
        key: (item.kind, former)
        for key, item in after.items()
        for former in item.former_ids
        if (item.kind, former) in before and key not in before
    }
    changes: list[Change] = []

    def line(item: Item, kind_of_change: str, text: str) -> None:
        url = None if kind_of_change == "removed" else item.url
        changes.append(Change(release, day, kind_of_change, item.kind, item.id, url,
                              text[0].upper() + text[1:], parents=item.parents))  # fmt: skip

    for key, item in after.items():
        was = before.get(key) or before.get(renamed_from.get(key, ("", "")))
        if was is None:
            line(item, "added", _added(item))
            continue
        if was.id != item.id:
            line(
                item,
                "changed",
                f"{item.label} has a new web address (it was listed as “{was.id}”).",
            )
        # Name the item as readers knew it before this release.
        subject = was.label + "," if was.label.endswith("”") else was.label
        for tracked in TRACKED[item.kind]:
            old_value, new_value = was.values.get(tracked.field), item.values.get(tracked.field)
            if old_value == new_value:
                continue
            if old_value is None:
                template = tracked.started or tracked.changed
            elif new_value is None:
                template = tracked.stopped or tracked.changed
            else:
                template = tracked.changed
            line(item, "changed", template.format(item=subject, name=was.label,
                                                  old=old_value or "not stated",
                                                  new=new_value or "not stated"))  # fmt: skip
    for key in sorted(set(before) - set(after) - set(renamed_from.values())):
        line(before[key], "removed", _removed(before[key]))
    return changes


def attach_notes(
    changes: list[Change], notes: Iterable[ChangeNote], release: int | None, day: date
) -> list[Change]:
    """Put each note beside the changes it is about; a note about nothing else stands alone."""
    for note in notes:
        targets = []
        for about in note.about:
            kind, _, ident = about.partition(":")
            mapped = NOTE_KINDS.get(kind, kind)
            targets += [
                c
                for c in changes
                if c.kind == mapped and (c.item == ident or c.item.startswith(ident + "."))
            ]
        if targets:
            for c in targets:
                c.notes.append(note.text)
        else:
            first = note.about[0].partition(":") if note.about else ("plan", "", "")
            changes.append(
                Change(
                    release,
                    day,
                    "changed",
                    NOTE_KINDS.get(first[0], "plan"),
                    first[2],
                    None,
                    note.text,
                )
            )
    return changes


def history(releases: Sequence[PublishedRelease], current: Snapshot | None = None) -> list[Change]:
    """The whole log, oldest first; with ``current``, unreleased changes are added last."""
    log: list[Change] = []
    previous: PublishedRelease | None = None
    for release in releases:
        prior = previous.date if previous else date.min
        notes = [n for n in release.snapshot.notes if prior < n.date <= release.date]
        found = diff(
            previous.snapshot if previous else None, release.snapshot, release.number, release.date
        )
        if release.note:  # what the partnership said when it published, first in the release
            text = f"Release note: {release.note}"
            found.insert(0, Change(release.number, release.date, "changed", "plan", "", None, text))
        log += attach_notes(found, notes, release.number, release.date)
        previous = release
    if current is not None and previous is not None:
        pending_notes = [n for n in current.notes if n.date > previous.date]
        today = max([previous.date, *(n.date for n in pending_notes)])
        found = diff(previous.snapshot, current, None, today)
        log += attach_notes(found, pending_notes, None, today)
    return log
