"""One fictional partnership, built from its parts."""

from __future__ import annotations

from plansite.bench.synthetic.changes import ChangesPart
from plansite.bench.synthetic.common import PLAN_ID
from plansite.load.dataset import PartnershipData, PlanData
from plansite.load.texts import unused_terms


class Area(ChangesPart):
    """One fictional partnership: built, then changed between its releases."""

    def __init__(self, number: int, seed: int) -> None:
        super().__init__(number, seed)
        self.localities = self._localities()
        self.orgs, self.memberships = self._organisations()
        self.plan = self._plan()
        self.outcomes = [n for n in self.plan.nodes if n.level == self._action_parent()]
        self.spare = self._service_slots()
        services = [self._service(*self.spare.pop()) for _ in range(self._scaled(86, 286))]
        self._gap(services)
        actions = self._actions(services)
        self.pd = PartnershipData(
            partnership=self._partnership(),
            plans={
                PLAN_ID: PlanData(
                    plan=self.plan,
                    actions=actions,
                    indicators=self._indicators(),
                    participation=self._participation(),
                    statistics=self._statistics(),
                )
            },
            services=services,
            organisations=self.orgs,
        )
        # Only the local terms this partnership's texts use: a glossary lists what is used.
        terms = self._glossary()
        unused = {id(t) for t in unused_terms(self.pd, terms, {o.id: o for o in self.orgs})}
        self.pd.glossary = [t for t in terms if id(t) not in unused]
