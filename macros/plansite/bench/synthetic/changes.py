"""What changes between releases: progress, slipped timescales, new and dropped actions,
services that close, move or change their name, partners that leave or join, new figures."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from plansite.bench.synthetic.common import (
    PLAN_END,
    PLAN_ID,
    RELEASE_DAYS,
    day_between,
    drama_phone,
    month_of,
    partial_date,
    rounded,
    slug,
)
from plansite.bench.synthetic.indicators import IndicatorsPart
from plansite.bench.synthetic.plans import PlanPart
from plansite.bench.synthetic.services import SERVICES, ServicesPart
from plansite.load.dataset import PlanData
from plansite.model.changes import ChangeNote
from plansite.model.common import Timescale
from plansite.model.plan import Action, Figure, StatusChange, Update
from plansite.model.service import ServiceStatusChange

PROGRESS = {
    "in-progress": ("Work has started with partners.", "A working group has met twice.",
                    "A draft has been shared with partners for comment.",
                    "Funding for the first year has been agreed."),
    "complete": ("Completed and reported to the partnership.",
                 "The new arrangement is now in place.", "Signed off at the partnership meeting."),
    "delayed": ("Delayed while staff are recruited.", "Delayed until funding is confirmed.",
                "Delayed by a change of lead officer."),
    "ongoing": ("Continuing as planned.", "Reviewed this quarter; no changes needed."),
    "withdrawn": ("Withdrawn: another partner already does this work.",),
}  # fmt: skip


class ChangesPart(PlanPart, ServicesPart, IndicatorsPart):
    """A partnership's data, changed the way a quarter changes it."""

    @property
    def plan_data(self) -> PlanData:
        return self.pd.plans[PLAN_ID]

    def releases(self) -> Iterator[tuple[int, date]]:
        """Step through two to four releases: each is yielded once its data is ready."""
        count = self.rng.randint(2, 4)
        for n, day in enumerate(RELEASE_DAYS[:count]):
            if n:
                self.change(n, RELEASE_DAYS[n - 1], day)
            yield n, day

    def change(self, step: int, since: date, day: date) -> None:
        """What a quarter brings to a partnership, released on ``day``."""
        window = (since + timedelta(days=1), day)
        rng = self.rng
        self._progress(window)
        self._slip(window)
        if rng.random() < 0.5:
            self._new_lead(window)
        if rng.random() < 0.3:
            self._drop_action(window)  # before adding: only published actions are dropped
        self._add_actions(window)
        self._new_phones(window)
        renamed = self._rename_service(window)
        self._close_services(window, keep=renamed)
        if rng.random() < 0.5:
            self._pause_service(window)
        if rng.random() < 0.6:
            self._add_service(window)
        self._end_membership(window)
        if rng.random() < 0.4:
            self._join(window)
        self._new_figures(day)
        if step == 1 and rng.random() < 0.5:
            self.plan.status.append(
                StatusChange(status="published", date=day_between(rng, *window).isoformat())
            )

    def _note(
        self,
        window: tuple[date, date],
        about: str,
        text: str,
        replaced_by: str | None = None,
    ) -> None:
        day = day_between(self.rng, *window)
        base = slug(f"{about.replace(':', '-')[:64]}-{month_of(day)}")
        ident, n = base, 1
        while ident in self.note_ids:
            n += 1
            ident = f"{base}-{n}"
        self.note_ids.add(ident)
        self.pd.notes.append(
            ChangeNote(id=ident, date=day, about=[about], text=text, replaced_by=replaced_by)
        )

    def _open_actions(self) -> list[Action]:
        done = {"complete", "withdrawn"}
        return [a for a in self.plan_data.actions if self._status(a) not in done]

    @staticmethod
    def _status(action: Action) -> str | None:
        statuses = [u.status for u in action.updates if u.status]
        return statuses[-1] if statuses else None

    def _progress(self, window: tuple[date, date]) -> None:
        rng = self.rng
        actions = self._open_actions()
        for action in rng.sample(actions, len(actions) // 4):
            now = self._status(action)
            if now == "ongoing":
                status = "ongoing"
            elif now == "in-progress":
                status = rng.choice(("complete", "complete", "delayed", "in-progress"))
            elif now != "delayed" and rng.random() < 0.05:
                status = "withdrawn"  # dropped before it started, but kept in the plan
            else:
                status = "in-progress"
            update = Update(
                date=day_between(rng, *window).isoformat(),
                status=status if status != now else None,
                note=rng.choice(PROGRESS[status]),
            )
            action.updates.append(update)

    def _slip(self, window: tuple[date, date]) -> None:
        rng = self.rng
        dated = [a for a in self._open_actions() if a.timescale and a.timescale.due]
        for action in rng.sample(dated, min(len(dated), rng.randint(1, 2))):
            assert action.timescale and action.timescale.due
            due = action.timescale.due.resolved(self.plan.years)
            if due is None or due.last is None or due.last >= PLAN_END:
                continue
            later = min(due.last + timedelta(days=120), PLAN_END)
            action.timescale = Timescale(raw=f"Revised to {later:%B %Y}", due=month_of(later))
            self._note(
                window,
                f"action:{action.id}",
                rng.choice(
                    (
                        "Recruitment took longer than planned, so this action will finish later.",
                        "Partners agreed to wait for national guidance before finishing this.",
                        "The lead officer changed, and the new lead asked for more time.",
                    )
                ),
            )

    def _new_lead(self, window: tuple[date, date]) -> None:
        single = [a for a in self._open_actions() if len(a.leads) == 1]
        if not single:
            return
        action = self.rng.choice(single)
        members = [m.organisation for m in self._current_members()]
        action.leads = [self.rng.choice([m for m in members if m not in action.leads])]
        action.leads_raw = None
        self._note(
            window, f"action:{action.id}", f"{self._name(action.leads[0])} took over this action."
        )

    def _add_actions(self, window: tuple[date, date]) -> None:
        actions = self.plan_data.actions
        for _ in range(self.rng.randint(1, 3)):
            if len(actions) >= 118:
                return
            action = self._action(self.rng.choice(self.outcomes), self.pd.services, new=True)
            actions.append(action)
        self._note(
            window,
            f"action:{actions[-1].id}",
            "Added after partners reviewed progress on the plan.",
        )

    def _drop_action(self, window: tuple[date, date]) -> None:
        actions = self.plan_data.actions
        if len(actions) <= 45:
            return
        action = self.rng.choice(self._open_actions())
        actions.remove(action)
        self._note(
            window,
            f"action:{action.id}",
            "This work is now part of a national programme, so it no longer needs its own action.",
        )

    def _new_phones(self, window: tuple[date, date]) -> None:
        rng = self.rng
        phoned = [s for s in self.pd.services if s.contact.phone]
        for service in rng.sample(phoned, min(len(phoned), rng.randint(1, 3))):
            service.contact.phone = drama_phone(rng)
            if rng.random() < 0.4:
                self._note(
                    window, f"service:{service.id}", "The service moved to a new phone system."
                )

    def _close_services(self, window: tuple[date, date], keep: str | None) -> None:
        """Close one or two services, but not ``keep``: its new id was never published."""
        rng = self.rng
        services = self.pd.services
        for _ in range(rng.randint(1, 2)):
            if len(services) <= 82:
                return
            gone = rng.choice([s for s in services if s.id != keep])
            services.remove(gone)
            self._forget_service(gone.id, None)
            similar = [s for s in services if set(s.help) & set(gone.help)]
            replacement = rng.choice(similar) if similar and rng.random() < 0.6 else None
            self._note(
                window,
                f"service:{gone.id}",
                f"{gone.name} closed when its funding ended."
                + (f" {replacement.name} offers similar help." if replacement else ""),
                f"service:{replacement.id}" if replacement else None,
            )

    def _forget_service(self, old: str, new: str | None) -> None:
        """Actions that named a service follow it to its new id, or let it go."""
        for action in self.plan_data.actions:
            if old in action.services:
                action.services = sorted(
                    s for s in [*action.services, *([new] if new else [])] if s != old
                )

    def _rename_service(self, window: tuple[date, date]) -> str | None:
        """Relaunch a service under a new name and id; return the new id."""
        rng = self.rng
        for service in rng.sample(self.pd.services, len(self.pd.services)):
            kind = next((k for k in SERVICES if service.name.startswith(k.name)), None)
            if kind is None:
                continue
            name = service.name.replace(kind.name, kind.renamed, 1)
            ident = slug(name)
            if ident in self.service_ids:
                continue
            self.service_ids.add(ident)
            old = service.id
            service.former_ids = [*service.former_ids, old]
            service.id, service.name = ident, name
            self._forget_service(old, ident)
            self._note(
                window,
                f"service:{ident}",
                f"Relaunched as {name}, with the same staff and the same support.",
            )
            return ident
        return None

    def _pause_service(self, window: tuple[date, date]) -> None:
        running = [s for s in self.pd.services if s.status and s.status[-1].status == "active"]
        service = self.rng.choice(running)
        day = day_between(self.rng, *window).isoformat()
        service.status.append(
            ServiceStatusChange(
                status="paused", date=day, note="Paused while a new venue is found."
            )
        )

    def _add_service(self, window: tuple[date, date]) -> None:
        while self.spare:
            kind, loc = self.spare.pop()
            if slug(f"{kind.name} — {loc.name}" if loc else kind.name) in self.service_ids:
                continue
            service = self._service(kind, loc)
            service.status = [ServiceStatusChange(status="pilot", date=month_of(window[1]))]
            self.pd.services.append(service)
            return

    def _end_membership(self, window: tuple[date, date]) -> None:
        staying = [
            m
            for m in self.memberships
            if m.until is None and m.role not in ("chair", "statutory-partner")
        ]
        if not staying:
            return
        membership = self.rng.choice(staying)
        membership.until = partial_date(month_of(day_between(self.rng, *window)))
        if self.rng.random() < 0.5:
            self._note(
                window,
                f"partner:{membership.organisation}",
                "The organisation has stopped working in the area.",
            )

    def _join(self, window: tuple[date, date]) -> None:
        if not self.spare_orgs or len(self.memberships) >= 60:
            return
        ident, name, kind = self.spare_orgs.pop()
        self.orgs.append(self._local_org(ident, name, kind))
        self.memberships.append(self._member(ident, since=month_of(window[1])))

    def _new_figures(self, day: date) -> None:
        rng = self.rng
        month = month_of(day.replace(day=1) - timedelta(days=1))
        for indicator in self.plan_data.indicators:
            for measure in indicator.measures:
                if rng.random() < 0.4 or not measure.figures or not measure.target:
                    continue
                last, target = measure.figures[-1], measure.target
                assert last.value is not None and target.value is not None
                unit = measure.unit or ""
                value = last.value + (target.value - last.value) * rng.uniform(-0.1, 0.4)
                measure.figures.append(
                    Figure(
                        value=max(0.0, rounded(value, unit)),
                        unit=unit,
                        period=month,
                        note=f"Quarter to {day.replace(day=1) - timedelta(days=1):%B %Y}.",
                    )
                )
        if rng.random() < 0.2:
            measure = rng.choice(self.plan_data.indicators).measures[0]
            if measure.target and measure.target.value is not None and measure.unit:
                raised = measure.target.value * 1.1
                if measure.unit == "per cent":
                    raised = min(raised, 99.0)
                measure.target = Figure(
                    value=rounded(raised, measure.unit),
                    unit=measure.unit,
                    period="2027/28",
                )
