"""The plan: how it is organised, its outcomes, its sections and its actions."""

from __future__ import annotations

from dataclasses import dataclass

from plansite.bench.synthetic.common import PATHWAYS, PLAN_ID, SyntheticError
from plansite.bench.synthetic.partnership import CORE_ROLES, PartnershipPart
from plansite.model.common import Period, Person, Source, Timescale
from plansite.model.plan import (
    Action,
    Level,
    Node,
    PlanFile,
    Section,
    SourceDocument,
    StatusChange,
    Update,
)
from plansite.model.service import Service

# Actions: (topic, wording, how completion is known). {where} is a locality or the area.
ACTIONS = (
    ("housing-protocol", "Agree a protocol so that nobody leaves prison without somewhere to "
     "stay in {where}.", "A signed protocol is in use by all partners."),
    ("gp-registration", "Register everyone leaving prison with a GP before release.",
     "Every person released has a named GP practice."),
    ("family-visits", "Review how families in {where} are supported to visit prisons.",
     "A review report with recommendations is agreed."),
    ("victim-feedback", "Ask victims in {where} what they think of the support they receive.",
     "Feedback is gathered every quarter and reported to the partnership."),
    ("mentoring-scheme", "Start a volunteer mentoring scheme for young people leaving custody.",
     "Twenty mentors are trained and matched."),
    ("cpo-placements", "Increase the range of unpaid work placements for people on a CPO in "
     "{where}.", "Ten new placements are available."),
    ("employer-pledge", "Recruit employers in {where} to a fair recruitment pledge.",
     "Fifteen employers have signed the pledge."),
    ("diversion-guidance", "Publish local guidance on diversion from prosecution.",
     "The guidance is published and used by all partners."),
    ("bail-review", "Review the use of bail supervision and remand in {where}.",
     "Findings are reported to the partnership."),
    ("service-map", "Map the services available to people in the justice system in {where}.",
     "The map is published on this website."),
    ("trauma-training", "Train front-line staff in {where} in trauma-informed practice.",
     "Eighty per cent of front-line staff are trained."),
    ("women-service", "Develop a one-stop service for women in contact with the justice system.",
     "The service is open five days a week."),
    ("mappa-housing", "Strengthen links between MAPPA and local housing services.",
     "A joint housing pathway is agreed."),
    ("substance-pathway", "Agree a pathway with the ADP for people leaving custody who use drugs.",
     "The pathway is in place and reviewed every year."),
    ("court-mental-health", "Make mental health assessment available at court.",
     "Assessments are offered at every court sitting."),
    ("community-events", "Hold community events in {where} to explain community justice.",
     "Four events are held each year."),
    ("residents-survey", "Run an annual survey of residents' views on community justice.",
     "The survey results are published each year."),
    ("information-sharing", "Agree how partners share information about people leaving prison.",
     "An information sharing agreement is signed."),
    ("benefits-before-release", "Help people apply for benefits before they leave prison.",
     "Benefit claims start on the day of release."),
    ("identity-documents", "Make sure people leaving prison have the identification they need.",
     None),
    ("education-young-people", "Keep young people in the justice system in education or "
     "training.", "Fewer young people leave school with no plan."),
    ("marac-support", "Work with MARAC partners to support people affected by domestic abuse "
     "in {where}.", None),
    ("restorative-justice", "Offer restorative justice to victims who want it.",
     "Every victim who asks is offered a meeting."),
    ("throughcare-hub", "Open a throughcare hub in {where}.", "The hub is open and staffed."),
    ("volunteering", "Create volunteering opportunities for people on community sentences.",
     "Twenty-five people a year take up volunteering."),
    ("lived-experience-panel", "Set up a panel of people with lived experience to advise the "
     "partnership.", "The panel meets every quarter."),
    ("annual-report", "Publish an annual report on progress against this plan.",
     "The report is published each autumn."),
    ("funding-review", "Review how community justice services in {where} are funded.", None),
    ("electronic-monitoring", "Promote electronic monitoring as an alternative to remand.",
     "More people are bailed with electronic monitoring."),
    ("arrest-referral", "Extend arrest referral to every custody suite serving {where}.",
     "Arrest referral is offered in every custody suite."),
    ("health-checks", "Offer a health check to everyone starting a community sentence.", None),
    ("library-access", "Give people on community sentences free access to libraries in {where}.",
     "Library cards are offered at induction."),
    ("peer-support", "Fund peer support workers in the recovery community in {where}.",
     "Three peer support workers are in post."),
    ("stigma-campaign", "Run a campaign to reduce the stigma faced by people with convictions.",
     "The campaign reaches ten thousand residents."),
    ("children-affected", "Identify and support children affected by a parent's imprisonment.",
     "Every school has a named contact."),
    ("hdc-housing", "Support people released on HDC in {where} to find settled housing.", None),
    ("tsi-forum", "Work with the TSI to involve voluntary groups in planning.",
     "Voluntary groups take part in every planning cycle."),
    ("membership-review", "Review the partnership's membership and terms of reference.",
     "New terms of reference are agreed."),
    ("digital-access", "Help people leaving prison get online and use digital services.",
     "Every person leaving prison is offered a device and data."),
    ("travel-passes", "Help people in {where} reach appointments by providing travel passes.",
     None),
)  # fmt: skip


@dataclass(frozen=True)
class OutcomeKind:
    id: str
    title: str
    summary: str
    common: str  # the nationally determined outcome (2023) it serves
    topics: tuple[str, ...]  # the actions that belong under it


OUTCOMES = (
    OutcomeKind("settled-home", "People leaving prison have a safe, settled home",
                "Nobody leaves prison without somewhere to live.", "accommodation",
                ("housing-protocol", "hdc-housing", "throughcare-hub", "mappa-housing")),
    OutcomeKind("health-care", "People in the justice system get the health care they need",
                "Health problems are picked up and treated early.", "health-and-social-care",
                ("gp-registration", "health-checks", "court-mental-health", "substance-pathway")),
    OutcomeKind("families", "Families affected by imprisonment get the support they need",
                "Children and families are not left to cope alone.", "employability",
                ("family-visits", "children-affected", "travel-passes")),
    OutcomeKind("reoffending", "Fewer people offend again",
                "Support and supervision help people stop offending.", "community-sentences",
                ("mentoring-scheme", "cpo-placements", "restorative-justice", "arrest-referral")),
    OutcomeKind("victims", "Victims of crime are supported and heard",
                "Victims know where to get help and are listened to.", "health-and-social-care",
                ("victim-feedback", "restorative-justice", "marac-support")),
    OutcomeKind("young-people", "Young people are steered away from offending",
                "Young people get help early, before they are charged.", "community-sentences",
                ("education-young-people", "mentoring-scheme", "diversion-guidance")),
    OutcomeKind("women", "Women in the justice system get support that fits their needs",
                "Services for women are designed with women.", "health-and-social-care",
                ("women-service", "marac-support", "health-checks")),
    OutcomeKind("work-and-learning", "People find work, training and learning",
                "People with convictions get into jobs and courses.", "employability",
                ("employer-pledge", "library-access", "volunteering", "digital-access")),
    OutcomeKind("community-understanding",
                "Communities understand and take part in community justice",
                "Residents know what community justice is and have a say.",
                "understanding-and-confidence",
                ("community-events", "residents-survey", "stigma-campaign")),
    OutcomeKind("working-together", "Partners plan and work together",
                "Partners share plans, money and information.", "understanding-and-confidence",
                ("information-sharing", "membership-review", "annual-report", "funding-review",
                 "tsi-forum", "service-map")),
    OutcomeKind("money", "People get help with money and benefits",
                "Nobody is left without an income after release.", "accommodation",
                ("benefits-before-release", "identity-documents", "travel-passes")),
    OutcomeKind("recovery", "People in recovery from alcohol and drugs are supported",
                "Recovery is supported in prison and in the community.", "voluntary-throughcare",
                ("substance-pathway", "peer-support", "arrest-referral")),
    OutcomeKind("community-sentences", "Community sentences are used well and completed",
                "Courts trust community sentences and people complete them.",
                "community-sentences", ("cpo-placements", "volunteering", "library-access")),
    OutcomeKind("stigma", "People with convictions face less stigma",
                "Employers and neighbours give people a fair chance.",
                "understanding-and-confidence",
                ("stigma-campaign", "employer-pledge", "community-events")),
    OutcomeKind("wellbeing", "People's mental health and wellbeing improve",
                "People get support for their mental health when they need it.",
                "voluntary-throughcare",
                ("court-mental-health", "trauma-training", "peer-support")),
    OutcomeKind("safety", "People at risk of harm are kept safe",
                "Partners act together to protect people at risk.", "accommodation",
                ("mappa-housing", "marac-support", "information-sharing")),
    OutcomeKind("lived-experience", "Services are shaped by people with lived experience",
                "People who use services help design them.", "understanding-and-confidence",
                ("lived-experience-panel", "residents-survey", "service-map")),
    OutcomeKind("bail", "Fewer people are remanded when they could be bailed",
                "Bail with support is offered wherever it is safe.", "community-sentences",
                ("bail-review", "electronic-monitoring", "diversion-guidance")),
)  # fmt: skip


@dataclass(frozen=True)
class Hierarchy:
    """How a plan is organised: its levels, and the groups above its outcomes, if any."""

    levels: tuple[tuple[str, str, str, bool], ...]  # id, name, plural, holds outcomes
    groups: tuple[tuple[str, str], ...] = ()  # title, the framework item it follows


ACTION = ("action", "Action", "Actions", False)
HIERARCHIES = (
    Hierarchy((("priority", "Priority", "Priorities", True), ACTION)),
    Hierarchy((("local-outcome", "Local outcome", "Local outcomes", True), ACTION)),
    Hierarchy(
        (("priority", "Priority", "Priorities", False), ("outcome", "Outcome", "Outcomes", True),
         ACTION),
        (("Diversion and early intervention", "cj-strategy-aims-2022:aim-1"),
         ("Community interventions and public protection", "cj-strategy-aims-2022:aim-2"),
         ("Access to services", "cj-strategy-aims-2022:aim-3"),
         ("Leadership and partnership working", "cj-strategy-aims-2022:aim-4")),
    ),
    Hierarchy(
        (("section", "Section", "Sections", False), ("aim", "Aim", "Aims", True),
         ("objective", "Objective", "Objectives", False)),
        (("Prevention and early intervention", "public-service-reform-pillars:prevention"),
         ("Support in the community", "public-service-reform-pillars:people"),
         ("Working together", "public-service-reform-pillars:partnership")),
    ),
)  # fmt: skip


class PlanPart(PartnershipPart):
    """The plan, its outcomes and its actions."""

    def _action_parent(self) -> str:
        return self.plan.levels[-2].id

    def _plan(self) -> PlanFile:
        hierarchy = self.rng.choice(HIERARCHIES)
        levels = [Level(id=i, name=n, plural=pl, outcome=o) for i, n, pl, o in hierarchy.levels]
        count = self.rng.randint(7, 15)
        chosen = self.rng.sample(OUTCOMES, count)
        outcome_level = levels[-2].id
        tops = [
            Node(
                id=f"{levels[0].id}-{g}",
                level=levels[0].id,
                number=str(g),
                title=title,
                frameworks=[ref],
            )
            for g, (title, ref) in enumerate(hierarchy.groups, 1)
        ]
        nodes: list[Node] = []
        for g, top in enumerate(tops):
            # Each group is followed by its own outcomes, as the printed plan lists them.
            nodes.append(top)
            mine = chosen[g :: len(tops)]
            nodes += [self._outcome(spec, outcome_level, top, k) for k, spec in enumerate(mine, 1)]
        if not tops:
            nodes = [
                self._outcome(spec, outcome_level, None, k) for k, spec in enumerate(chosen, 1)
            ]
        return PlanFile(
            id=PLAN_ID,
            title=f"{self.place} Community Justice Outcome Improvement Plan 2025–28",
            title_variants=[f"{self.place} CJOIP 2025-28"],
            kind="outcome-improvement-plan",
            period=Period(raw="2025-28", start="2025/26", end="2027/28"),
            years={1: "2025/26", 2: "2026/27", 3: "2027/28"},
            status=[
                StatusChange(status="draft", date="2024-11"),
                StatusChange(status="consultation", date="2025-01"),
                StatusChange(
                    status="approved",
                    date=f"2025-03-{self.rng.randint(3, 28):02d}",
                    note="Approved by the partnership board.",
                ),
            ],
            summary=f"How partners in {self.place} will improve community justice over three "
            "years. This plan is fictional.",
            source_document=SourceDocument(
                title=f"{self.place} Community Justice Outcome Improvement Plan 2025–28",
                url=f"https://{self.domain}/plan-2025-28.pdf",
                published="2025-03",
            ),
            levels=levels,
            nodes=nodes,
            sections=self._sections(),
            notes=["Every name, figure and date in this plan is invented."],
        )

    def _outcome(self, spec: OutcomeKind, level: str, parent: Node | None, k: int) -> Node:
        self.topics[spec.id] = spec.topics
        return Node(
            id=spec.id,
            level=level,
            parent=parent.id if parent else None,
            number=f"{parent.number}.{k}" if parent else str(k),
            title=spec.title,
            summary=spec.summary,
            frameworks=[f"cj-performance-framework-2023:{spec.common}"],
            source=Source(section="Our outcomes", page=self.rng.randint(8, 30))
            if self.rng.random() < 0.3
            else None,
        )

    def _sections(self) -> list[Section]:
        return [
            Section(
                id="foreword",
                title="Foreword",
                body=f"Welcome to the community justice plan for {self.place}. It sets out "
                "what partners will do together over the next three years.",
                signed_by=Person(
                    role="Chair of the Community Justice Partnership",
                    organisation=f"{self.key}-council",
                ),
            ),
            Section(
                id="vision",
                title="Our vision",
                body=f"A safer {self.place} where people are supported to stop offending, "
                "victims are heard, and everyone has a fair chance.",
            ),
            Section(
                id="context",
                title="About the area",
                body=f"{self.place} has {len(self.localities)} localities:\n\n"
                + "\n".join(f"- {loc.name}" for loc in self.localities),
            ),
        ]

    def _leads(self) -> list[str]:
        rng = self.rng
        if rng.random() < 0.1:
            return [rng.choice(("all-partners", "statutory-partners", "third-sector-partners"))]
        members = self._current_members()
        core = [m.organisation for m in members if m.role in CORE_ROLES]
        pool = core if rng.random() < 0.6 else [m.organisation for m in members]
        return rng.sample(pool, 1 if rng.random() < 0.75 else 2)

    def _timescale(self) -> Timescale:
        rng = self.rng
        forms = (
            lambda: Timescale(raw="By the end of year 1", due="year 1"),
            lambda: Timescale(raw="Year 2", due="year 2"),
            lambda: Timescale(raw="In the third year", due="year 3"),
            lambda: Timescale(due=rng.choice(("2025-12", "2026-03", "2026-09", "2027-03"))),
            lambda: Timescale(due=rng.choice(("2025/26", "2026/27", "2027/28"))),
            lambda: Timescale(start="2025-04", due=rng.choice(("2026-03-31", "2025-12-31"))),
            lambda: Timescale(raw="Ongoing", ongoing=True),
            lambda: Timescale(raw="Spring 2026", due="2026-05"),
            lambda: Timescale(due=rng.choice(("2026", "2027"))),
            lambda: Timescale(raw="Within six months", start="2025-04", due="2025-09"),
        )
        return rng.choice(forms)()

    def _action(self, node: Node, services: list[Service], new: bool = False) -> Action:
        rng = self.rng
        k = self.next_number.get(node.id, 1)
        self.next_number[node.id] = k + 1
        number = f"{node.number}.{k}"
        topic, text, completion = self._wording(node)
        leads = self._leads()
        members = [m.organisation for m in self._current_members()]
        action = Action(
            id=f"{topic}-{number.replace('.', '-')}",
            number=number,
            under=node.id,
            text=text,
            leads=leads,
            leads_raw=" and ".join(self._name(i) for i in leads) if rng.random() < 0.2 else None,
            partners=[p for p in rng.sample(members, rng.randint(0, 3)) if p not in leads],
            timescale=self._timescale(),
            completion=completion,
            frameworks=[f"justice-pathways-2016:{rng.choice(PATHWAYS)}"]
            if rng.random() < 0.2
            else [],
            services=sorted(s.id for s in rng.sample(services, rng.randint(1, 2)))
            if rng.random() < 0.3
            else [],
            source=Source(section=f"Section {node.number}", page=rng.randint(10, 40))
            if rng.random() < 0.3 and not new
            else None,
        )
        if not new and rng.random() < 0.5:
            action.updates.append(self._first_update(action))
        return action

    def _wording(self, node: Node) -> tuple[str, str, str | None]:
        """An action for this outcome: a topic that suits it and is not yet used under it,
        worded for a place so that no two actions of the plan read the same."""
        rng = self.rng
        used = self.used_topics.setdefault(node.id, set())
        suits = self.topics[node.id]
        tiers = (
            [a for a in ACTIONS if a[0] in suits and a[0] not in used],
            [a for a in ACTIONS if a[0] not in suits and a[0] not in used],
            list(ACTIONS),
        )
        places = [self.place, *(loc.name for loc in self.localities)]
        for tier in tiers:
            for topic, wording, completion in rng.sample(tier, len(tier)):
                for where in rng.sample(places, len(places)):
                    text = wording.format(where=where)
                    if text not in self.texts:
                        self.texts.add(text)
                        used.add(topic)
                        return topic, text, completion
        raise SyntheticError(f"{self.id}: every action wording is used")  # over 100 are possible

    def _first_update(self, action: Action) -> Update:
        day = f"2025-03-{self.rng.randint(3, 31):02d}"
        if action.timescale and action.timescale.ongoing:
            return Update(date=day, status="ongoing", note="Already under way.")
        status = self.rng.choice(("planned", "not-started", "in-progress"))
        note = "Work has started with partners." if status == "in-progress" else None
        return Update(date=day, status=status, note=note)

    def _actions(self, services: list[Service]) -> list[Action]:
        total = self._scaled(40, 110)
        # Two under each outcome, the rest anywhere, listed in plan order.
        under = [n for n in self.outcomes for _ in range(2)]
        under += [self.rng.choice(self.outcomes) for _ in range(total - len(under))]
        order = {n.id: i for i, n in enumerate(self.outcomes)}
        under.sort(key=lambda n: order[n.id])
        return [self._action(node, services) for node in under]
