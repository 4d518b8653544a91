"""The services a partnership lists: who provides them, how to reach them, their funding."""

from __future__ import annotations

from dataclasses import dataclass

from plansite.bench.synthetic.common import PATHWAYS, STREETS, drama_phone, slug
from plansite.bench.synthetic.national import CHARITIES, FUNDERS, national_id
from plansite.bench.synthetic.partnership import PartnershipPart
from plansite.model.common import ContactPoint, Person, Source
from plansite.model.partnership import Locality
from plansite.model.service import Eligibility, Funding, Provider, Service, ServiceStatusChange


@dataclass(frozen=True)
class ServiceKind:
    """A kind of service that partnerships run, named with and without a locality."""

    name: str
    renamed: str  # what it is called after a relaunch
    kind: str
    summary: str
    audiences: tuple[str, ...]
    help: tuple[str, ...]
    routes: tuple[str, ...]


SERVICES = (
    ServiceKind("Money advice clinic", "Money and benefits clinic", "service",
                "Free, confidential advice on debt, benefits and budgeting.",
                ("people-with-convictions", "families"), ("money", "advice"),
                ("self-referral", "social-work")),
    ServiceKind("Housing support on release", "Home from prison service", "service",
                "Help to find and keep a home before and after leaving prison.",
                ("people-leaving-custody",), ("housing", "throughcare"), ("prison", "social-work")),
    ServiceKind("Women's drop-in", "Women's wellbeing drop-in", "group",
                "A weekly drop-in for women in contact with the justice system.",
                ("women", "people-on-community-sentences"), ("mentoring", "health"),
                ("self-referral",)),
    ServiceKind("Family support service", "Families first service", "service",
                "Support for the family of someone in prison or on a community sentence.",
                ("families", "children-and-young-people"), ("family-support",),
                ("self-referral", "family-or-friend")),
    ServiceKind("Recovery café", "Recovery community café", "group",
                "A relaxed space for people in recovery from alcohol or drug use.",
                ("people-with-substance-use-needs", "communities"),
                ("substance-use", "community-activities"), ("self-referral",)),
    ServiceKind("Employability programme", "Routes to work programme", "programme",
                "Training, work placements and help with job applications.",
                ("people-with-convictions", "people-on-community-sentences"),
                ("employment", "education"), ("social-work", "self-referral")),
    ServiceKind("Victim support helpline", "Victim and witness helpline", "helpline",
                "Confidential support for anyone affected by crime.", ("victims",),
                ("victim-support", "advice"), ("self-referral", "police")),
    ServiceKind("Youth diversion project", "Young people's diversion project", "project",
                "Activities and one-to-one work that steer young people away from offending.",
                ("children-and-young-people", "people-at-risk-of-offending"),
                ("mentoring", "court-and-bail"), ("police", "education")),
    ServiceKind("Mentoring service", "Peer mentoring service", "service",
                "A trained mentor who meets you before and after release.",
                ("people-leaving-custody", "men"), ("mentoring", "throughcare"), ("prison",)),
    ServiceKind("Bail supervision", "Bail support service", "service",
                "Supervision and support so that people can be bailed rather than remanded.",
                ("people-on-bail-or-remand",), ("court-and-bail", "justice-social-work"),
                ("court",)),
    ServiceKind("Unpaid work team", "Community payback team", "service",
                "Organises unpaid work placements for people on a CPO.",
                ("people-on-community-sentences",), ("justice-social-work", "community-activities"),
                ("court", "social-work")),
    ServiceKind("Domestic abuse advocacy", "Safety and advocacy service", "service",
                "Independent advocacy and safety planning for people experiencing domestic abuse.",
                ("people-affected-by-abuse", "women"), ("abuse-and-safety", "victim-support"),
                ("self-referral", "police")),
    ServiceKind("Mental health outreach", "Wellbeing outreach", "service",
                "Mental health support in the community for people in the justice system.",
                ("people-with-mental-health-needs", "people-with-convictions"),
                ("mental-health", "health"), ("health", "social-work")),
    ServiceKind("Community garden", "Growing together garden", "project",
                "Gardening and cooking sessions open to people on community sentences.",
                ("communities", "people-on-community-sentences"),
                ("community-activities", "health"), ("self-referral",)),
    ServiceKind("Throughcare support", "Release support service", "service",
                "Practical support in the weeks before and after release from prison.",
                ("people-leaving-custody", "people-in-custody"), ("throughcare", "housing"),
                ("prison",)),
    ServiceKind("Employer engagement scheme", "Fair chance employers scheme", "initiative",
                "Helps local employers recruit people with convictions.", ("employers",),
                ("employment",), ("professional",)),
    ServiceKind("Trauma training for staff", "Trauma-informed practice training", "programme",
                "Free training on trauma-informed practice for staff of partner organisations.",
                ("professionals",), ("training-for-staff",), ("professional",)),
    ServiceKind("Alcohol and drug service", "Substance use service", "service",
                "Assessment, treatment and support, commissioned by the ADP.",
                ("people-with-substance-use-needs", "people-with-convictions"),
                ("substance-use", "health"), ("self-referral", "health")),
    ServiceKind("Parenting group", "Parents together group", "group",
                "A friendly group for parents affected by the justice system.",
                ("families",), ("family-support", "education"), ("self-referral",)),
    ServiceKind("Men's shed", "Community shed", "facility",
                "A workshop where men meet, make and mend things together.",
                ("men", "communities"), ("community-activities", "mental-health"),
                ("self-referral",)),
    ServiceKind("Arrest referral", "Custody support service", "service",
                "Support offered to people held in police custody.",
                ("people-in-custody", "people-at-risk-of-offending"),
                ("court-and-bail", "substance-use", "advice"), ("police",)),
    ServiceKind("Restorative justice service", "Restorative practice service", "service",
                "Meetings between people harmed by crime and those responsible, when both agree.",
                ("victims", "people-with-convictions"), ("victim-support", "justice-social-work"),
                ("social-work", "self-referral")),
    ServiceKind("Community safety patrols", "Neighbourhood safety team", "initiative",
                "Wardens who work with residents to keep streets and parks safe.",
                ("communities",), ("community-safety",), ("self-referral",)),
    ServiceKind("Learning centre", "Adult learning centre", "facility",
                "Courses in reading, writing, numbers and computers.",
                ("people-with-convictions", "communities"), ("education",), ("self-referral",)),
    ServiceKind("Benefits helpline", "Money helpline", "helpline",
                "Phone advice on benefits, including claims started before release.",
                ("families", "people-leaving-custody"), ("money", "advice"), ("self-referral",)),
    ServiceKind("Sports and wellbeing programme", "Active lives programme", "programme",
                "Sport, fitness and outdoor activities with a trained coach.",
                ("children-and-young-people", "men"), ("health", "community-activities"),
                ("self-referral", "education")),
    ServiceKind("Women's justice service", "Women's support hub", "service",
                "Justice social work and support designed with and for women.",
                ("women", "people-on-community-sentences"), ("justice-social-work", "mentoring"),
                ("court", "social-work")),
    ServiceKind("Prison visits support", "Family visits service", "service",
                "Help for families to plan and pay for prison visits.", ("families",),
                ("family-support", "throughcare"), ("self-referral", "prison")),
    ServiceKind("Homelessness prevention service", "Housing options service", "service",
                "Advice for anyone at risk of losing their home.",
                ("people-at-risk-of-offending", "people-leaving-custody"), ("housing", "advice"),
                ("self-referral", "housing")),
    ServiceKind("Peer support network", "Lived experience network", "network",
                "People with convictions supporting each other.", ("people-with-convictions",),
                ("mentoring", "community-activities"), ("self-referral", "third-sector")),
    ServiceKind("Diversion from prosecution", "Early intervention service", "service",
                "Support instead of prosecution, arranged with the prosecutor.",
                ("people-at-risk-of-offending",), ("court-and-bail", "justice-social-work"),
                ("other",)),
    ServiceKind("Sexual violence support", "Survivors' support service", "service",
                "Specialist support for anyone affected by rape or sexual assault.",
                ("victims", "people-affected-by-abuse"), ("victim-support", "abuse-and-safety"),
                ("self-referral",)),
    ServiceKind("Food share", "Community pantry", "facility",
                "Free food and toiletries, with advice on money and benefits.",
                ("communities", "families"), ("money", "community-activities"),
                ("self-referral",)),
    ServiceKind("Structured deferred sentence support", "Deferred sentence support", "service",
                "Support while a court defers sentence to see how someone gets on.",
                ("people-on-community-sentences", "children-and-young-people"),
                ("court-and-bail", "mentoring"), ("court",)),
    ServiceKind("Volunteer befriending", "Befriending service", "service",
                "A volunteer who meets you every week for a chat and an outing.",
                ("people-with-mental-health-needs", "people-leaving-custody"),
                ("mentoring", "mental-health"), ("self-referral", "health")),
    ServiceKind("Community justice forum", "Community justice network", "network",
                "A meeting place for staff and residents to hear about community justice.",
                ("professionals", "communities"), ("training-for-staff", "community-safety"),
                ("professional",)),
)  # fmt: skip
HOW_TO_GET_IT = (
    "Phone or email to arrange a first meeting.",
    "Ask your justice social worker to refer you.",
    "Drop in during opening hours; no appointment is needed.",
    "Staff in prison can refer you before your release date.",
)
VENUES = ("Library", "Community Centre", "Health Centre", "Town Hall")


class ServicesPart(PartnershipPart):
    """The services the partnership lists."""

    spare: list[
        tuple[ServiceKind, Locality | None]
    ]  # services that may open later, taken from the end

    def _service_slots(self) -> list[tuple[ServiceKind, Locality | None]]:
        """Every service the area could list, shuffled; new services are taken from the end."""
        slots: list[tuple[ServiceKind, Locality | None]] = [
            (kind, loc) for kind in SERVICES for loc in [None, *self.localities]
        ]
        self.rng.shuffle(slots)
        return slots

    def _providers(self, count: int) -> list[str]:
        pool = [o.id for o in self.orgs[1:]] + [national_id(k) for k in CHARITIES]
        return self.rng.sample(pool, count)

    def _service(self, kind: ServiceKind, loc: Locality | None) -> Service:
        rng = self.rng
        name = f"{kind.name} — {loc.name}" if loc else kind.name
        ident = slug(name)
        self.service_ids.add(ident)
        providers = self._providers(1 if rng.random() < 0.8 else 2)
        contact = self._service_contact(ident, loc, providers)
        return Service(
            id=ident,
            name=name,
            aliases=[f"{loc.name} {kind.name.lower()}"] if loc and rng.random() < 0.1 else [],
            kind=kind.kind,
            summary=kind.summary,
            details="Sessions are free and confidential.\n\n- Interpreters on request\n"
            "- Step-free access"
            if rng.random() < 0.15
            else None,
            audiences=list(kind.audiences),
            help=list(kind.help),
            eligibility=self._eligibility(kind),
            routes=list(kind.routes),
            how_to_get_it=rng.choice(HOW_TO_GET_IT) if rng.random() < 0.5 else None,
            localities=[loc.id] if loc else [],
            places=[f"{loc.name} {rng.choice(VENUES)}"] if loc and rng.random() < 0.3 else [],
            area_wide=loc is None,
            providers=[
                Provider(
                    organisation=org, role="provider" if i == 0 else rng.choice(("partner", "host"))
                )
                for i, org in enumerate(providers)
            ],
            contact=contact,
            status=self._first_status(),
            funding=self._funding() if rng.random() < 0.4 else [],
            outcomes=[n.id for n in rng.sample(self.outcomes, rng.randint(1, 2))],
            frameworks=[f"justice-pathways-2016:{rng.choice(PATHWAYS)}"]
            if rng.random() < 0.2
            else [],
            source=Source(section="Appendix: services", page=rng.randint(30, 60))
            if rng.random() < 0.3
            else None,
        )

    def _service_contact(
        self, ident: str, loc: Locality | None, providers: list[str]
    ) -> ContactPoint:
        rng = self.rng
        roll = rng.random()
        hours = "Monday to Friday, 9am to 5pm"
        if roll < 0.3:
            return ContactPoint(phone=drama_phone(rng), hours=hours)
        if roll < 0.45:
            return ContactPoint(
                phone=drama_phone(rng), email=f"{ident[:30].rstrip('-')}@{self.domain}"
            )
        if roll < 0.6:
            return ContactPoint(label="Referrals", email=f"referrals@{self.domain}")
        if roll < 0.7:
            return ContactPoint(website=f"https://{self.domain}/services/{ident}/")
        if roll < 0.8:
            where = loc.name if loc else self.place
            return ContactPoint(
                phone=drama_phone(rng),
                address=f"{rng.randint(1, 120)} {rng.choice(STREETS)}, {where}",
            )
        if roll < 0.9:
            return ContactPoint(person=Person(role="Service coordinator"), phone=drama_phone(rng))
        if self._has_website(providers[0]):
            # The plan gives no details, but the provider's website is a way in.
            return ContactPoint(not_stated=True)
        return ContactPoint(phone=drama_phone(rng))

    def _eligibility(self, kind: ServiceKind) -> Eligibility | None:
        if "children-and-young-people" in kind.audiences:
            return Eligibility(min_age=12, max_age=25)
        if self.rng.random() < 0.15:
            return Eligibility(min_age=16, conditions=[f"Lives in {self.place}"])
        return None

    def _first_status(self) -> list[ServiceStatusChange]:
        if self.rng.random() < 0.15:
            return [
                ServiceStatusChange(status="pilot", date="2024-04"),
                ServiceStatusChange(status="active", date="2025-01", note="The pilot went well."),
            ]
        return [
            ServiceStatusChange(status="active", date=self.rng.choice(("2019", "2022-06", "2024")))
        ]

    def _funding(self) -> list[Funding]:
        status = self.rng.choice(("funded", "time-limited", "to-be-confirmed"))
        return [
            Funding(
                status=status,
                funders=[
                    self.rng.choice([national_id(f) for f in FUNDERS] + [f"{self.key}-council"])
                ],
                until="2027/28" if status != "to-be-confirmed" else None,
                raw="Funding beyond March 2026 is not yet agreed."
                if status == "to-be-confirmed"
                else None,
                date="2025-02",
            )
        ]

    def _gap(self, services: list[Service]) -> None:
        """Every tenth area lists one service with no way to reach it, as real plans do."""
        if self.number % 10 == 0:
            services[0].contact = ContactPoint(not_stated=True)
            services[0].providers = [Provider(organisation=self._no_website())]
