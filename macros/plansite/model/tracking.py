"""Which fields the "what's changed" log follows, declared once.

Each tracked field names how to read its value from an item of the model, in words a
resident understands, and how to say that it changed. The log compares these values
between releases; a change to any of them appears whether or not anyone wrote a note.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from plansite.model.plan import status_in_words


@dataclass(frozen=True)
class Tracked:
    field: str
    read: Callable[[Any, dict[str, str]], str | None]  # (item, names) -> value in words
    # Sentences: {item} is the item as the subject of a sentence ("Action 3.2, “…”,"),
    # {name} the item elsewhere ("Action 3.2, “…”"); {old} and {new} are the values.
    changed: str
    started: str = ""  # sentence when the value appears for the first time
    stopped: str = ""  # sentence when the value is removed


def _names(ids: list[str], names: dict[str, str]) -> str | None:
    return ", ".join(names.get(i, i) for i in ids) or None


def _action_status(a: Any, _: dict[str, str]) -> str | None:
    """In the plan's words where the report gives them: 'Amber (delayed)', else 'delayed'."""
    reported = [u for u in a.updates if u.status]
    return status_in_words(reported[-1].status, reported[-1].status_raw) if reported else None


def _latest_progress(a: Any, _: dict[str, str]) -> str | None:
    notes = [u for u in a.updates if u.note]
    return f"{notes[-1].note} ({notes[-1].date.words()})" if notes else None


def _due(a: Any, _: dict[str, str]) -> str | None:
    t = a.timescale
    if t is None:
        return None
    if t.due is not None:
        return str(t.due.words())
    return t.raw or ("ongoing" if t.ongoing else None)


def _service_status(s: Any, _: dict[str, str]) -> str | None:
    return {"active": "running"}.get(s.status[-1].status, s.status[-1].status) if s.status else None


def _contact(field: str) -> Callable[[Any, dict[str, str]], str | None]:
    def read(s: Any, _: dict[str, str]) -> str | None:
        return getattr(s.contact, field) if s.contact else None

    return read


def _where(s: Any, names: dict[str, str]) -> str | None:
    return "; ".join([*s.places, *(names.get(loc, loc) for loc in s.localities)]) or None


def _latest_figure(m: Any, _: dict[str, str]) -> str | None:
    if not m.figures:
        return None
    f = m.figures[-1]
    value = f.raw or (f"{f.value:g}{' ' + f.unit if f.unit else ''}" if f.value is not None else "")
    period = f.period.words() if f.period else (f.period_raw or "")
    return f"{value} ({period})" if period else value


TRACKED: dict[str, tuple[Tracked, ...]] = {
    "action": (
        Tracked(
            "status", _action_status, "{item} is now {new} (was: {old}).", "{item} is now {new}."
        ),
        Tracked(
            "timescale",
            _due,
            "{item} is now due {new} (was: {old}).",
            "{item} now has a timescale: {new}.",
        ),
        Tracked(
            "leads",
            lambda a, n: _names(a.leads, n),
            "{item} is now led by {new} (was: {old}).",
            "{item} is now led by {new}.",
            "{item} no longer has a named lead (was: {old}).",
        ),
        Tracked(
            "progress",
            _latest_progress,
            "New progress on {name}: {new}",
            "New progress on {name}: {new}",
        ),
        Tracked("text", lambda a, _: a.text, "The wording of {name} changed."),
    ),
    "service": (
        Tracked(
            "status", _service_status, "{item} is now {new} (was: {old}).", "{item} is now {new}."
        ),
        Tracked(
            "phone",
            _contact("phone"),
            "The phone number of {name} changed from {old} to {new}.",
            "{item} now has a phone number: {new}.",
            "{item} no longer lists a phone number.",
        ),
        Tracked(
            "email",
            _contact("email"),
            "The email address of {name} changed from {old} to {new}.",
            "{item} now has an email address: {new}.",
            "{item} no longer lists an email address.",
        ),
        Tracked(
            "website",
            _contact("website"),
            "The website of {name} changed from {old} to {new}.",
            "{item} now has a website: {new}.",
            "{item} no longer lists a website.",
        ),
        Tracked(
            "address",
            _contact("address"),
            "{item} moved from {old} to {new}.",
            "{item} now has an address: {new}.",
            "{item} no longer lists an address.",
        ),
        Tracked(
            "where", _where, "{item} now runs in {new} (was: {old}).", "{item} now runs in {new}."
        ),
        Tracked(
            "providers",
            lambda s, n: _names([p.organisation for p in s.providers], n),
            "{item} is now provided by {new} (was: {old}).",
            "{item} is now provided by {new}.",
        ),
        Tracked("name", lambda s, _: s.name, "“{old}” is now called “{new}”."),
    ),
    "partner": (
        Tracked(
            "role",
            lambda m, _: m.role.replace("-", " "),
            "{item} is now a {new} of the partnership (was: {old}).",
        ),
        Tracked(
            "until",
            lambda m, _: m.until.words() if m.until else None,
            "{item} now leaves the partnership {new} (was: {old}).",
            "{item} leaves the partnership: its membership ends {new}.",
        ),
    ),
    "measure": (
        Tracked(
            "figure",
            _latest_figure,
            "New figure for {name}: {new} (previous: {old}).",
            "New figure for {name}: {new}.",
        ),
        Tracked(
            "target",
            lambda m, _: (
                m.target.raw
                or (f"{m.target.value:g}" if m.target and m.target.value is not None else None)
                if m.target
                else None
            ),
            "The target for {name} changed from {old} to {new}.",
            "{item} now has a target: {new}.",
        ),
    ),
    "plan": (
        Tracked(
            "status",
            lambda p, _: p.status[-1].status.replace("-", " "),
            "{item} is now {new} (was: {old}).",
        ),
        Tracked("title", lambda p, _: p.title, "The plan's title changed from {old} to {new}."),
    ),
    "node": (Tracked("title", lambda n, _: n.title, "{item} is now called “{new}”."),),
}
