"""A partnership: its localities, organisations, members, glossary and partnership file."""

from __future__ import annotations

from plansite.bench.synthetic.base import AreaBase
from plansite.bench.synthetic.common import PLAN_ID, STREETS, drama_phone, slug
from plansite.bench.synthetic.national import (
    NATIONAL,
    OTHER_NATIONAL,
    PRISONS,
    STATUTORY,
    national_id,
)
from plansite.model.common import ContactPoint, Person
from plansite.model.partnership import (
    AccessibilityInfo,
    AlternativeFormats,
    Branding,
    Locality,
    Membership,
    Partnership,
)
from plansite.model.registry import GlossaryTerm, Organisation

VILLAGE_HEADS = ("Birk", "Cairn", "Rowan", "Whin", "Heather", "Broom", "Moss", "Thistle")
VILLAGE_TAILS = ("quhan", "vennick", "brachie", "stoury", "moddle", "garvie")
LOCALITY_FORMS = (
    ("North {p}", "The north of the area."), ("South {p}", "The south of the area."),
    ("East {p}", "The east of the area."), ("West {p}", "The west of the area."),
    ("{p} Town", "The main town and its suburbs."),
    ("{p} Coast", "The coastal towns and villages."),
    ("Upper {p}", "The upland villages."), ("{p} Valley", "The villages along the valley."),
)  # fmt: skip
COLOURS = ("#1d4f91", "#00594f", "#6a1b4d", "#3d3d8f", "#8a2b0f", "#2e4a1f", "#5b2a86", "#243b53")
# The partnership's own bodies: (id suffix, name, kind, seat at the table).
CORE_LOCAL = (
    ("council", "{p} Council", "local-authority", "chair"),
    ("justice-social-work", "{p} Justice Social Work", "council-service", "core-member"),
    ("health-and-social-care-partnership", "{p} Health and Social Care Partnership",
     "health-and-social-care-partnership", "statutory-partner"),
    ("health-board", "{p} Health Board", "health-board", "statutory-partner"),
    ("voluntary-action", "{p} Voluntary Action", "third-sector-interface", "representative"),
)  # fmt: skip
# Who leads most actions: the bodies with a duty to plan community justice.
CORE_ROLES = ("chair", "statutory-partner", "core-member")
# Local groups, named after the area or one of its localities: (name, kind).
LOCAL_GROUPS = (
    ("{l} Housing Association", "housing"), ("{l} Families Project", "third-sector"),
    ("{l} Recovery Community", "third-sector"), ("{l} Women's Centre", "third-sector"),
    ("{l} Youth Trust", "third-sector"), ("{l} Advice Centre", "third-sector"),
    ("{l} Men's Shed", "community-group"), ("{l} Food Share", "community-group"),
    ("{l} Credit Union", "other"), ("{l} Churches Together", "faith-group"),
    ("{l} Mental Health Association", "third-sector"), ("{l} Carers Centre", "third-sector"),
    ("{l} Employment Hub", "third-sector"), ("{l} Community Garden", "community-group"),
    ("{l} Befriending Scheme", "third-sector"), ("{l} Tenants' Forum", "community-group"),
    ("{l} Training Ltd", "private"), ("{l} Learning Centre", "education"),
    ("{l} Homeless Project", "third-sector"), ("{l} Sports Trust", "third-sector"),
    ("{l} College", "education"),
)  # fmt: skip
MEMBER_ROLES = ("member",) * 6 + ("core-member", "invited", "observer", "other")
LOCAL_TERMS = (
    GlossaryTerm(term="Throughcare hub", definition="A place where people leaving prison can get "
                 "help with housing, money and health in one visit."),
    GlossaryTerm(term="Lived experience panel", definition="A group of people who have been "
                 "through the justice system and advise the partnership."),
    GlossaryTerm(term="Recovery café", definition="An alcohol-free café run by and for people "
                 "in recovery."),
    GlossaryTerm(term="Unpaid work", definition="Work for the community that a court orders as "
                 "part of a community sentence."),
    GlossaryTerm(term="Bail supervision", definition="Support and checks that let a court grant "
                 "bail instead of remanding someone."),
    GlossaryTerm(term="Arrest referral", definition="Support offered to someone in police "
                 "custody, usually for drugs, alcohol or housing."),
    GlossaryTerm(term="Restorative justice", definition="A meeting, when both agree, between "
                 "someone harmed by a crime and the person responsible."),
)  # fmt: skip


class PartnershipPart(AreaBase):
    """The partnership and who takes part in it."""

    def _localities(self) -> list[Locality]:
        forms = self.rng.sample(LOCALITY_FORMS, self._scaled(3, 8))
        out = []
        for form, summary in forms:
            name = form.format(p=self.place)
            villages = self.rng.sample(
                [h + t for h in VILLAGE_HEADS for t in VILLAGE_TAILS], self.rng.randint(0, 3)
            )
            out.append(
                Locality(
                    id=slug(name),
                    name=name,
                    summary=summary if self.rng.random() < 0.5 else None,
                    places=sorted(villages),
                )
            )
        return out

    def _local_org(
        self, ident: str, name: str, kind: str, parent: str | None = None
    ) -> Organisation:
        website = f"https://{ident}.example.com/" if self.rng.random() < 0.75 else None
        return Organisation(
            id=ident, name=name, kind=kind, parent=parent, website=website, fictional=True
        )

    def _organisations(self) -> tuple[list[Organisation], list[Membership]]:
        p = self.place
        council = f"{self.key}-council"
        orgs = [
            self._local_org(
                f"{self.key}-{suffix}",
                name.format(p=p),
                kind,
                council if kind == "council-service" else None,
            )
            for suffix, name, kind, _ in CORE_LOCAL
        ]
        orgs[0].website = f"https://{self.domain}/"  # the council always has a website
        memberships = [
            Membership(
                organisation=f"{self.key}-{suffix}",
                role=role,
                role_raw="Chair" if role == "chair" else None,
                represented_by="Its community justice forum" if role == "representative" else None,
                since="2017-04",
            )
            for suffix, _, _, role in CORE_LOCAL
        ]
        names = [loc.name for loc in self.localities] + [p]
        slots = [(name.format(l=n), kind) for name, kind in LOCAL_GROUPS for n in names]
        self.rng.shuffle(slots)
        wanted = self._scaled(21, 56)
        national = [
            *STATUTORY,
            *self.rng.sample(OTHER_NATIONAL, self.rng.randint(3, 6)),
            self.rng.choice(PRISONS),
        ]
        extra_members = max(0, wanted - len(CORE_LOCAL) - len(national))
        # Some organisations only provide services; they are partners without a seat.
        extra = extra_members + self.rng.randint(2, 6)
        orgs += [self._local_org(slug(name), name, kind) for name, kind in slots[:extra]]
        self.spare_orgs = [(slug(name), name, kind) for name, kind in slots[extra:]]
        memberships += [self._national_member(key) for key in national]
        memberships += [self._member(o.id) for o in orgs[len(CORE_LOCAL) :][:extra_members]]
        return orgs, memberships

    def _national_member(self, key: str) -> Membership:
        ident = national_id(key)
        if key == "police-service":
            return Membership(
                organisation=ident,
                role="statutory-partner",
                represented_by=f"The {self.place} policing division",
                since="2017-04",
            )
        role = "statutory-partner" if key in STATUTORY else self.rng.choice(MEMBER_ROLES)
        return Membership(organisation=ident, role=role, since=self.rng.choice(("2017-04", "2019")))

    def _member(self, ident: str, since: str | None = None) -> Membership:
        return Membership(
            organisation=ident,
            role=self.rng.choice(MEMBER_ROLES),
            since=since or self.rng.choice(("2017-04", "2019", "2021-06", "2023", "2024-09")),
            note="Joined to represent local voluntary groups."
            if self.rng.random() < 0.05
            else None,
        )

    def _current_members(self) -> list[Membership]:
        return [m for m in self.memberships if m.until is None]

    def _name(self, ident: str) -> str:
        for org in self.orgs:
            if org.id == ident:
                return org.name
        for body in NATIONAL:
            if national_id(body.key) == ident:
                return body.name
        return ident.replace("-", " ").capitalize()  # a partner group

    def _has_website(self, org_id: str) -> bool:
        local = next((o for o in self.orgs if o.id == org_id), None)
        return local is None or local.website is not None  # national bodies all have one

    def _no_website(self) -> str:
        for org in self.orgs:
            if org.website is None:
                return org.id
        self.orgs[-1].website = None
        return self.orgs[-1].id

    def _glossary(self) -> list[GlossaryTerm]:
        picked = self.rng.sample(LOCAL_TERMS, self.rng.randint(2, 5))
        own = GlossaryTerm(term="CJP", expansions=["Community Justice Partnership"])
        return [own, *sorted(picked, key=lambda t: t.term)]

    def _partnership(self) -> Partnership:
        rng = self.rng
        p = self.place
        email = f"communityjustice@{self.domain}"
        phone = drama_phone(rng)
        return Partnership(
            id=self.id,
            name=f"Fictional Partnership {self.number:02d} — {p}",
            short_name=f"{p} CJP",
            aliases=[f"{p} Community Justice Partnership"],
            area=f"{p} (a fictional council area)",
            local_authority=f"{self.key}-council",
            community_planning_partnership=f"{p} Community Planning Partnership",
            summary=f"A made-up partnership for the made-up area of {p}, used to test how "
            "plansite builds every partnership in the country at once. Nothing on this site "
            "describes a real place, organisation or service.",
            website=f"https://{self.domain}/",
            site_url=f"https://plans.example.org/{self.id}/",
            chair=Person(
                role="Chair of the Community Justice Partnership",
                organisation=f"{self.key}-council",
            ),
            contacts=[
                ContactPoint(
                    label="Community justice team",
                    email=email,
                    phone=phone,
                    address=f"{p} Council, {rng.randint(1, 40)} {rng.choice(STREETS)}, {p}",
                    hours="Monday to Friday, 9am to 5pm",
                )
            ],
            alternative_formats=AlternativeFormats(
                offered=True,
                statement="Ask us for this plan in large print, easy read, audio or another "
                "language.",
                formats=["Large print", "Easy read", "Audio"],
                languages=rng.sample(["Polish", "Arabic", "Urdu", "Gaelic", "Ukrainian"], 2),
                email=email,
            ),
            accessibility=AccessibilityInfo(
                prepared="2025-03-20",
                reviewed="2025-03-31",
                tested="2025-03-25",
                tested_by="the partnership's staff, using a screen reader and keyboard only",
                contact=ContactPoint(label="Accessibility problems", email=email, phone=phone),
                reply_within_days=10,
            ),
            localities=self.localities,
            memberships=self.memberships,
            current_plan=PLAN_ID,
            branding=Branding(colour=rng.choice(COLOURS)),
            licence="Open Government Licence v3.0",
            fictional=True,
            notes=["This partnership, its plan and every figure in it are invented."],
        )
