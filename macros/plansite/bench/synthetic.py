"""A synthetic national data set: fictional partnerships for benchmarking whole builds.

``python -m plansite.bench.synthetic --out DIR [--seed 2026] [--partnerships 32]`` writes a
complete data folder: the national registries and, for each partnership, every data file
and two to four releases. Everything in it is invented. Partnerships are called
"Fictional Partnership 07 — …", places are made of syllables that name nowhere real,
organisations are flagged ``fictional: true``, phone numbers come from the ranges Ofcom
keeps for drama, and addresses are on example.org and example.com.

The same seed and count give byte-identical files. Each partnership draws from its own
random stream, seeded from the seed and its number, so the first N partnerships are the
same whatever the count: builds of 1, 8 and 32 partnerships can be compared.

Releases are written by the project's own ``snapshot()`` and ``write_release()`` from the
same models the YAML files are written from. Between releases the data changes the way a
partnership's does: progress on actions, slipped timescales, new actions, services that
close, move or change their number, partners that leave or join, new indicator figures.
The YAML on disk is the state of the last release, so nothing is left unreleased.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import sys
import time
import unicodedata
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, fields
from datetime import date, timedelta
from itertools import repeat
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from plansite.history.store import snapshot, write_release
from plansite.load.dataset import Dataset, PartnershipData, PlanData
from plansite.load.texts import unused_terms
from plansite.load.yaml_reader import read_yaml
from plansite.model.changes import ChangeNote, ChangesFile
from plansite.model.common import ContactPoint, Period, Person, Source, Timescale
from plansite.model.dates import PartialDate
from plansite.model.partnership import (
    AccessibilityInfo,
    AlternativeFormats,
    Branding,
    Locality,
    Membership,
    Partnership,
)
from plansite.model.plan import (
    Action,
    ActionsFile,
    Comparator,
    Engagement,
    Figure,
    Indicator,
    IndicatorsFile,
    Level,
    Measure,
    Node,
    ParticipationFile,
    PlanFile,
    Section,
    SourceDocument,
    Statistic,
    StatisticsFile,
    StatusChange,
    Update,
)
from plansite.model.registry import (
    GlossaryFile,
    GlossaryTerm,
    Licence,
    Organisation,
    OrganisationsFile,
    PartnerGroup,
    PartnerGroupsFile,
    SiteFile,
)
from plansite.model.release import Release
from plansite.model.service import (
    Eligibility,
    Funding,
    Provider,
    Service,
    ServicesFile,
    ServiceStatusChange,
)

# The national frameworks, glossary, taxonomy and partner groups are reused from the
# project's own data: they describe national policy, not any organisation.
PROJECT_DATA = Path(__file__).resolve().parents[3] / "data"
REGISTRIES = ("frameworks.yaml", "glossary.yaml", "partner-groups.yaml", "taxonomy.yaml")
MARKER = ".plansite-synthetic"
MAX_PARTNERSHIPS = 99
PLAN_ID = "cjoip-2025-28"
PLAN_END = date(2028, 3, 31)
RELEASE_DAYS = (date(2025, 4, 1), date(2025, 7, 1), date(2025, 10, 1), date(2026, 1, 15))
RELEASE_NOTES = (
    "First publication of the plan.",
    "Quarterly update.",
    "Quarterly update.",
    "Annual review of the plan.",
)
# Most council areas are small and a few are large: sizes follow a skewed curve, ranked by a
# fixed shuffle of the partnership numbers so that the first few already mix sizes.
SIZE_SKEW = 4
SIZE_RANKS = 32
HEADER = (
    "# FICTIONAL: made up by plansite.bench.synthetic to benchmark whole builds.\n"
    "# No real place, organisation, person or service is described here.\n"
)
OGL = Licence(
    name="Open Government Licence v3.0",
    url="https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
)

# ---------------------------------------------------------------------------------------
# Word banks. Place names join a Scots-sounding head to an invented tail.

PLACE_HEADS = ("Ard", "Bal", "Dal", "Drum", "Glen", "Inver", "Kil", "Strath", "Auchen", "Tullie")
PLACE_TAILS = (
    "varrick", "molloch", "braxie", "quharrie", "thorlie",
    "wendle", "skellan", "corvie", "fennet", "drossie",
)  # fmt: skip
VILLAGE_HEADS = ("Birk", "Cairn", "Rowan", "Whin", "Heather", "Broom", "Moss", "Thistle")
VILLAGE_TAILS = ("quhan", "vennick", "brachie", "stoury", "moddle", "garvie")
LOCALITY_FORMS = (
    ("North {p}", "The north of the area."), ("South {p}", "The south of the area."),
    ("East {p}", "The east of the area."), ("West {p}", "The west of the area."),
    ("{p} Town", "The main town and its suburbs."),
    ("{p} Coast", "The coastal towns and villages."),
    ("Upper {p}", "The upland villages."), ("{p} Valley", "The villages along the valley."),
)  # fmt: skip
STREETS = ("High Street", "Station Road", "Church Lane", "Mill Road", "Market Square")
COLOURS = ("#1d4f91", "#00594f", "#6a1b4d", "#3d3d8f", "#8a2b0f", "#2e4a1f", "#5b2a86", "#243b53")
# Ofcom keeps these ranges for drama: they will never ring a real person.
PHONES = (
    "01632 960{:03d}",
    "0131 496 0{:03d}",
    "0141 496 0{:03d}",
    "07700 900{:03d}",
    "0808 157 0{:03d}",
)


@dataclass(frozen=True)
class NationalBody:
    key: str
    name: str
    kind: str
    summary: str
    parent: str | None = None


NATIONAL = (
    NationalBody("government", "Fictional National Government", "government",
                 "The made-up government that sets national justice policy in this data set."),
    NationalBody("community-justice-agency", "Fictional Community Justice Agency", "national-body",
                 "A made-up national body that supports and reports on community justice."),
    NationalBody("police-service", "Fictional Police Service", "police",
                 "A made-up national police service with a division in every area."),
    NationalBody("fire-and-rescue-service", "Fictional Fire and Rescue Service",
                 "fire-and-rescue", "A made-up national fire and rescue service."),
    NationalBody("prison-service", "Fictional Prison Service", "prison-service",
                 "A made-up national prison service."),
    NationalBody("prison-ardlinnie", "Ardlinnie Prison (fictional)", "prison",
                 "A made-up prison for men.", "prison-service"),
    NationalBody("prison-kilbrannoch", "Kilbrannoch Prison (fictional)", "prison",
                 "A made-up prison for women.", "prison-service"),
    NationalBody("prison-strathowie", "Strathowie Young People's Prison (fictional)", "prison",
                 "A made-up prison for young people.", "prison-service"),
    NationalBody("courts-service", "Fictional Courts Service", "court-service",
                 "A made-up service that runs the courts."),
    NationalBody("prosecution-service", "Fictional Prosecution Service", "prosecution",
                 "A made-up national prosecution service."),
    NationalBody("skills-agency", "Fictional Skills Agency", "skills-agency",
                 "A made-up national agency for careers, skills and training."),
    NationalBody("employment-service", "Fictional Employment Service", "government",
                 "A made-up public service for jobs and benefits.", "government"),
    NationalBody("care-regulator", "Fictional Care Regulator", "scrutiny-body",
                 "A made-up body that inspects care and justice social work."),
    NationalBody("parole-board", "Fictional Parole Board", "national-body",
                 "A made-up board that decides on the release of some people from prison."),
    NationalBody("victim-support-network", "Fictional Victim Support Network", "third-sector",
                 "A made-up charity that supports people affected by crime."),
    NationalBody("families-together", "Fictional Families Together", "third-sector",
                 "A made-up charity for families of people in prison."),
    NationalBody("recovery-network", "Fictional Recovery Network", "third-sector",
                 "A made-up network of recovery communities."),
    NationalBody("housing-charity", "Fictional Housing Charity", "third-sector",
                 "A made-up charity that helps people find and keep a home."),
    NationalBody("mentoring-trust", "Fictional Mentoring Trust", "third-sector",
                 "A made-up charity that trains volunteer mentors."),
    NationalBody("community-fund", "Fictional Community Fund", "funder",
                 "A made-up funder of community projects."),
    NationalBody("justice-innovation-fund", "Fictional Justice Innovation Fund", "funder",
                 "A made-up funder of new community justice work."),
)  # fmt: skip


def _national_id(key: str) -> str:
    return f"fictional-{key}"


# National bodies that every partnership has as statutory partners, and other members.
STATUTORY = (
    "police-service",
    "fire-and-rescue-service",
    "prison-service",
    "courts-service",
    "skills-agency",
)
OTHER_NATIONAL = (
    "prosecution-service",
    "employment-service",
    "community-justice-agency",
    "victim-support-network",
    "families-together",
    "recovery-network",
    "housing-charity",
    "mentoring-trust",
    "parole-board",
)
PRISONS = ("prison-ardlinnie", "prison-kilbrannoch", "prison-strathowie")
CHARITIES = (
    "victim-support-network",
    "families-together",
    "recovery-network",
    "housing-charity",
    "mentoring-trust",
)
FUNDERS = ("community-fund", "justice-innovation-fund")

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
PATHWAYS = (
    "arrest",
    "prosecution-and-remand",
    "community-disposal",
    "custody",
    "custody-to-community",
)

# Indicators: (title, measure, unit, kind, direction, lowest and highest baseline).
IndicatorKind = tuple[str, str, str, str, str, int, int]
INDICATORS: tuple[IndicatorKind, ...] = (
    ("Settled accommodation on release", "Share of people leaving prison with settled "
     "accommodation", "per cent", "rate", "up", 40, 70),
    ("Community sentences completed", "Share of CPOs completed successfully", "per cent",
     "rate", "up", 55, 80),
    ("Reconviction", "One-year reconviction rate", "per cent", "rate", "down", 20, 35),
    ("Unpaid work", "Hours of unpaid work completed", "hours", "count", "up", 8000, 60000),
    ("Bail supervision", "People given bail supervision", "people", "count", "up", 10, 120),
    ("Remand", "People remanded in custody on a typical day", "people", "count", "down", 15, 150),
    ("Registration with a GP", "Share of people leaving prison registered with a GP",
     "per cent", "rate", "up", 50, 85),
    ("Waiting times for drug and alcohol treatment", "Share who start treatment within three "
     "weeks", "per cent", "rate", "up", 70, 92),
    ("Work and training", "People with convictions starting work or training", "people",
     "count", "up", 20, 300),
    ("Victims' satisfaction", "Share of victims satisfied with the support they received",
     "per cent", "rate", "up", 60, 85),
    ("Diversion from prosecution", "Diversion cases started", "cases", "count", "up", 10, 200),
    ("Community awareness", "Residents who know what community justice is", "per cent", "rate",
     "up", 15, 40),
    ("Staff trained", "Staff trained in trauma-informed practice", "people", "count", "up",
     30, 600),
    ("Women's justice service", "Women using the women's justice service", "people", "count",
     "up", 15, 200),
    ("Families supported", "Families supported while a family member is in prison", "families",
     "count", "up", 10, 150),
    ("Homelessness after release", "Homeless applications from people leaving prison",
     "applications", "count", "down", 20, 250),
    ("Structured deferred sentences", "Structured deferred sentences imposed", "people",
     "count", "up", 5, 80),
    ("Electronic monitoring", "People on electronic monitoring instead of remand", "people",
     "count", "up", 5, 60),
    ("Benefits on release", "Share of people whose benefit claim starts on release", "per cent",
     "rate", "up", 30, 65),
    ("Lived experience panel", "Meetings of the lived experience panel", "meetings", "count",
     "maintain", 4, 4),
    ("Volunteering", "People who volunteer after finishing a community sentence", "people",
     "count", "up", 5, 60),
    ("Repeat domestic abuse", "Repeat referrals to MARAC", "per cent", "rate", "down", 20, 35),
    ("Arrest referral", "People in police custody seen by arrest referral", "people", "count",
     "up", 50, 900),
    ("Mental health at court", "Mental health assessments offered at court", "assessments",
     "count", "up", 10, 150),
    ("Stigma", "Residents who would employ someone with a conviction", "per cent", "rate", "up",
     25, 50),
    ("Money advice", "Money advice appointments for people in the justice system",
     "appointments", "count", "up", 50, 800),
    ("Young people diverted", "Young people referred to a diversion project", "people",
     "count", "up", 10, 160),
    ("Recovery community", "People taking part in recovery café sessions", "people", "count",
     "up", 20, 400),
    ("Partners taking part", "Share of partners at partnership meetings", "per cent", "rate",
     "maintain", 70, 90),
    ("Identification on release", "Share of people leaving prison with photo identification",
     "per cent", "rate", "up", 35, 70),
)  # fmt: skip

# Context statistics: (id, label, unit, lowest, highest, comparator label or None).
STATISTICS = (
    ("cpos", "Community Payback Orders imposed in a year", "orders", 80, 1500, None),
    ("reconviction", "One-year reconviction rate", "per cent", 20, 35, "All fictional areas"),
    ("remand", "People on remand on a typical day", "people", 10, 200, None),
    ("domestic-abuse", "Domestic abuse incidents recorded by the police", "incidents", 300,
     6000, None),
    ("homeless-prison", "Homeless applications from people leaving prison", "applications",
     20, 300, "All fictional areas"),
    ("deprivation", "Share of neighbourhoods among the most deprived fifth (SIMD)", "per cent",
     3, 40, "All fictional areas"),
    ("drug-treatment", "People in drug treatment", "people", 150, 3000, None),
    ("young-people", "Young people referred for offending", "people", 20, 400, None),
    ("unpaid-hours", "Hours of unpaid work ordered", "hours", 8000, 90000, None),
)  # fmt: skip
FINDINGS = (
    "Housing on release was the concern people raised most often.",
    "People said services are hard to find and hard to reach by bus.",
    "Families said they want to be told sooner when someone is released.",
    "Employers said they would hire people with convictions given support.",
)

# Participation: (title, kind, who took part, what came of it).
ENGAGEMENTS = (
    ("Community event", "event", "Residents, partners and local groups",
     "Housing and family support came out as the top priorities."),
    ("Online consultation on the draft plan", "online-consultation", "Anyone who lives or works "
     "in the area", "Comments led to clearer wording of two outcomes."),
    ("Survey of people on community sentences", "survey", "People on community sentences",
     "Most said they wanted more help finding work."),
    ("Focus group at the women's service", "focus-group", "Women using the service",
     "Women asked for childcare during appointments."),
    ("Meeting with victims' groups", "meeting", "Victims' support groups",
     "Victims asked to be kept informed about release dates."),
    ("Partner workshop", "workshop", "Staff of partner organisations",
     "Partners agreed the outcomes and who leads each action."),
    ("Briefing for councillors", "briefing", "Elected members",
     "Councillors asked for a yearly progress report."),
    ("Lived experience forum", "forum", "People with convictions and their families",
     "The forum will now meet every quarter to review progress."),
    ("Survey of residents", "survey", "A sample of residents",
     "Few residents knew what community justice means."),
    ("Workshop with young people", "workshop", "Young people from local youth groups",
     "Young people asked for more activities in the evenings."),
    ("Families' focus group", "focus-group", "Families of people in prison",
     "Families asked for help with the cost of visits."),
    ("Drop-in session at the library", "event", "Library users and passers-by",
     "People asked where to get advice about debt."),
)  # fmt: skip

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


# ---------------------------------------------------------------------------------------
# Small helpers.


def _slug(text: str) -> str:
    """An id from a name: 'Recovery café — North Kilvarrick' -> 'recovery-cafe-north-…'."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    plain = plain.lower().replace("'", "")
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:80].rstrip("-")


def _place(number: int) -> str:
    """The area's name: unique for each number up to 100, whatever the seed."""
    i = number - 1
    size = len(PLACE_HEADS)
    return PLACE_HEADS[i % size] + PLACE_TAILS[(i // size + i) % len(PLACE_TAILS)]


def _between(rng: random.Random, first: date, last: date) -> date:
    return first + timedelta(days=rng.randint(0, (last - first).days))


def _month(day: date) -> str:
    return f"{day.year}-{day.month:02d}"


def _when(text: str) -> PartialDate:
    return PartialDate.parse(text)


def _phone(rng: random.Random) -> str:
    return rng.choice(PHONES).format(rng.randint(0, 999))


def _round(value: float, unit: str) -> float:
    return round(value, 1) if unit == "per cent" else float(round(value))


# ---------------------------------------------------------------------------------------
# YAML: written by hand so that output is fast, stable and in the style of the shipped data.

_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9 .,;:()/'’—–?+@_-]*")
_FLOW = re.compile(r"[A-Za-z][A-Za-z0-9 '’-]*")
# Words that YAML 1.1 tools would read as true, false or null.
_RESERVED = {"y", "n", "yes", "no", "true", "false", "on", "off", "null"}


def _scalar(value: Any, pattern: re.Pattern[str] = _PLAIN) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    text = str(value)
    plain = pattern.fullmatch(text) and text.lower() not in _RESERVED
    # A colon is plain only inside a word, as in a web address.
    if plain and not text.endswith((" ", ":")) and ": " not in text:
        return text
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted one


def _inline(value: Any) -> str | None:
    """The value on one line after its key, or None when it needs a block."""
    if not isinstance(value, dict | list):
        return _scalar(value)
    if not value:
        return "[]" if isinstance(value, list) else "{}"
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        text = "[" + ", ".join(_scalar(v, _FLOW) for v in value) + "]"
        return text if len(text) <= 80 else None
    return None


def _block(value: dict[str, Any] | list[Any], indent: int) -> list[str]:
    pad = " " * indent
    lines: list[str] = []
    if isinstance(value, dict):
        for key, item in value.items():
            one_line = _inline(item)
            if one_line is not None:
                lines.append(f"{pad}{key}: {one_line}")
            else:
                lines.append(f"{pad}{key}:")
                lines += _block(item, indent + 2)
        return lines
    for item in value:
        one_line = _inline(item)
        if one_line is not None:
            lines.append(f"{pad}- {one_line}")
        else:
            inner = _block(item, indent + 2)
            lines.append(f"{pad}- {inner[0].lstrip()}")
            lines += inner[1:]
    return lines


def to_yaml(model: BaseModel) -> str:
    """The model as a data file, leaving out every field that holds its default."""
    data = model.model_dump(mode="json", exclude_defaults=True)
    return HEADER + "\n".join(_block(data, 0)) + "\n"


# ---------------------------------------------------------------------------------------
# The national files.


def national_organisations() -> list[Organisation]:
    return [
        Organisation(
            id=_national_id(b.key),
            name=b.name,
            kind=b.kind,
            parent=_national_id(b.parent) if b.parent else None,
            website=f"https://{b.key}.example.com/",
            summary=b.summary,
            fictional=True,
        )
        for b in NATIONAL
    ]


def _site() -> SiteFile:
    return SiteFile(
        name="Fictional national index of community justice plans",
        summary="Made-up community justice plans for testing how plansite builds every "
        "partnership in the country at once. Nothing here describes a real place, "
        "organisation or service.",
        licence=OGL,
    )


def _copy_registries(source: Path, out: Path) -> None:
    """Copy the national registries, without the real publisher each framework names."""
    for name in REGISTRIES:
        text = (source / name).read_text(encoding="utf-8")
        if name == "frameworks.yaml":
            text = "".join(
                line
                for line in text.splitlines(keepends=True)
                if not line.lstrip().startswith("publisher:")
            )
        (out / name).write_text(text, encoding="utf-8")


def _groups(out: Path) -> dict[str, PartnerGroup]:
    file, problems = read_yaml(out / "partner-groups.yaml", "partner-groups.yaml")
    if problems:
        raise SyntheticError(problems[0].format())
    return {g.id: g for g in PartnerGroupsFile.model_validate(file.data).groups}


# ---------------------------------------------------------------------------------------
# One partnership.


class SyntheticError(Exception):
    """The data set cannot be written there, or did not come out as it should."""


class Area:
    """One fictional partnership: built, then changed between its releases."""

    def __init__(self, number: int, seed: int) -> None:
        self.number = number
        # A stream of its own, so that partnership N is the same in sets of any size.
        self.rng = random.Random(f"plansite-synthetic:{seed}:{number}")  # noqa: S311 - made-up data
        self.place = _place(number)
        self.key = _slug(self.place)
        self.id = f"fictional-{number:02d}-{self.key}"
        self.domain = f"{self.key}.example.org"
        self.size = self._size()
        self.note_ids: set[str] = set()
        self.service_ids: set[str] = set()  # every id ever used: a published URL is never reused
        self.next_number: dict[str, int] = {}  # next action number under each outcome
        self.topics: dict[str, tuple[str, ...]] = {}  # the actions that suit each outcome
        self.texts: set[str] = set()  # action wordings used: no plan says the same thing twice
        self.used_topics: dict[str, set[str]] = {}  # action topics used under each outcome
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

    # -- building ---------------------------------------------------------------------

    def _size(self) -> float:
        """Where the area sits between the smallest (0) and the largest (1)."""
        rank = (self.number * 13) % SIZE_RANKS  # 13 and 32 share no factor: a permutation
        size = ((rank + 0.5) / SIZE_RANKS) ** SIZE_SKEW + self.rng.uniform(-0.02, 0.02)
        return min(1.0, max(0.0, size))

    def _scaled(self, low: int, high: int) -> int:
        return round(low + (high - low) * self.size)

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
                    id=_slug(name),
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
        orgs += [self._local_org(_slug(name), name, kind) for name, kind in slots[:extra]]
        self.spare_orgs = [(_slug(name), name, kind) for name, kind in slots[extra:]]
        memberships += [self._national_member(key) for key in national]
        memberships += [self._member(o.id) for o in orgs[len(CORE_LOCAL) :][:extra_members]]
        return orgs, memberships

    def _national_member(self, key: str) -> Membership:
        ident = _national_id(key)
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

    def _service_slots(self) -> list[tuple[ServiceKind, Locality | None]]:
        """Every service the area could list, shuffled; new services are taken from the end."""
        slots: list[tuple[ServiceKind, Locality | None]] = [
            (kind, loc) for kind in SERVICES for loc in [None, *self.localities]
        ]
        self.rng.shuffle(slots)
        return slots

    def _providers(self, count: int) -> list[str]:
        pool = [o.id for o in self.orgs[1:]] + [_national_id(k) for k in CHARITIES]
        return self.rng.sample(pool, count)

    def _has_website(self, org_id: str) -> bool:
        local = next((o for o in self.orgs if o.id == org_id), None)
        return local is None or local.website is not None  # national bodies all have one

    def _service(self, kind: ServiceKind, loc: Locality | None) -> Service:
        rng = self.rng
        name = f"{kind.name} — {loc.name}" if loc else kind.name
        ident = _slug(name)
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
            return ContactPoint(phone=_phone(rng), hours=hours)
        if roll < 0.45:
            return ContactPoint(phone=_phone(rng), email=f"{ident[:30].rstrip('-')}@{self.domain}")
        if roll < 0.6:
            return ContactPoint(label="Referrals", email=f"referrals@{self.domain}")
        if roll < 0.7:
            return ContactPoint(website=f"https://{self.domain}/services/{ident}/")
        if roll < 0.8:
            where = loc.name if loc else self.place
            return ContactPoint(
                phone=_phone(rng),
                address=f"{rng.randint(1, 120)} {rng.choice(STREETS)}, {where}",
            )
        if roll < 0.9:
            return ContactPoint(person=Person(role="Service coordinator"), phone=_phone(rng))
        if self._has_website(providers[0]):
            # The plan gives no details, but the provider's website is a way in.
            return ContactPoint(not_stated=True)
        return ContactPoint(phone=_phone(rng))

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
                    self.rng.choice([_national_id(f) for f in FUNDERS] + [f"{self.key}-council"])
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

    def _no_website(self) -> str:
        for org in self.orgs:
            if org.website is None:
                return org.id
        self.orgs[-1].website = None
        return self.orgs[-1].id

    def _leads(self) -> list[str]:
        rng = self.rng
        if rng.random() < 0.1:
            return [rng.choice(("all-partners", "statutory-partners", "third-sector-partners"))]
        members = self._current_members()
        core = [m.organisation for m in members if m.role in CORE_ROLES]
        pool = core if rng.random() < 0.6 else [m.organisation for m in members]
        return rng.sample(pool, 1 if rng.random() < 0.75 else 2)

    def _current_members(self) -> list[Membership]:
        return [m for m in self.memberships if m.until is None]

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

    def _name(self, ident: str) -> str:
        for org in self.orgs:
            if org.id == ident:
                return org.name
        for body in NATIONAL:
            if _national_id(body.key) == ident:
                return body.name
        return ident.replace("-", " ").capitalize()  # a partner group

    def _indicators(self) -> list[Indicator]:
        chosen = self.rng.sample(INDICATORS, self._scaled(10, 30))
        return [self._indicator(i, spec) for i, spec in enumerate(chosen, 1)]

    def _indicator(self, n: int, spec: IndicatorKind) -> Indicator:
        rng = self.rng
        title, text, unit, kind, direction, low, high = spec
        measures = [self._measure("main", text, unit, kind, direction, low, high)]
        if unit == "per cent" and rng.random() < 0.25:
            measures.append(
                self._measure("women", f"{text}: women", unit, kind, direction, low, high)
            )
        return Indicator(
            id=_slug(title),
            number=str(n),
            title=title,
            kind="Quantitative",
            under=[rng.choice(self.outcomes).id],
            measures=measures,
        )

    def _measure(
        self, ident: str, text: str, unit: str, kind: str, direction: str, low: int, high: int
    ) -> Measure:
        rng = self.rng
        base = _round(low + (high - low) * rng.random(), unit)
        step = {"up": 1.0, "down": -1.0}.get(direction, 0.0) * (0.15 if unit == "per cent" else 0.3)
        aim = base + step * (base if unit != "per cent" else 100)
        target = _round(min(aim, 99.0) if unit == "per cent" else aim, unit)
        source = "Partnership records (fictional)"
        return Measure(
            id=ident,
            text=text,
            kind=kind,
            unit=unit,
            direction=direction,
            baseline=Figure(value=base, unit=unit, period="2023/24", source=source),
            target=Figure(value=target, unit=unit, period="2027/28"),
            figures=[self._first_figure(base, target, unit, source)],
            caveat="Small numbers: figures vary a lot from year to year."
            if unit != "per cent" and high < 100
            else None,
        )

    def _first_figure(self, base: float, target: float, unit: str, source: str) -> Figure:
        value = _round(base + (target - base) * 0.1, unit)
        # Some sources round their figures in words; the value is kept beside the wording.
        raw = f"about {round(value):,}" if unit != "per cent" and self.rng.random() < 0.1 else None
        return Figure(value=value, unit=unit, period="2024/25", raw=raw, source=source)

    def _participation(self) -> ParticipationFile:
        rng = self.rng
        chosen = rng.sample(ENGAGEMENTS, self._scaled(4, 12))
        records = []
        for title, kind, who, result in chosen:
            month = rng.randint(6, 12)
            when = (
                Timescale(due=f"2024-{month:02d}")
                if rng.random() < 0.7
                else Timescale(raw="Autumn 2024", start="2024-09", due="2024-11")
            )
            records.append(
                Engagement(
                    id=_slug(title),
                    title=title,
                    kind=kind,
                    when=when,
                    stakeholders_raw=who,
                    organisations=rng.sample([o.id for o in self.orgs], rng.randint(0, 3)),
                    participants=rng.randint(8, 120) if rng.random() < 0.8 else None,
                    result=result,
                    people=[Person(role="Facilitator", organisation=f"{self.key}-voluntary-action")]
                    if rng.random() < 0.2
                    else [],
                )
            )
        return ParticipationFile(
            statement=f"We asked people who use justice services in {self.place}, their "
            "families, victims and local groups what the plan should do.",
            records=records,
        )

    def _statistics(self) -> list[Statistic]:
        rng = self.rng
        population = round(20_000 + 600_000 * self.size * rng.uniform(0.8, 1.2), -3)
        stats = [
            Statistic(
                id="population",
                label="People living in the area",
                value=population,
                unit="people",
                period="2024",
                source="Fictional census",
            )
        ]
        for ident, label, unit, low, high, comparator in rng.sample(STATISTICS, rng.randint(4, 8)):
            value = _round(low + (high - low) * self.size * rng.uniform(0.6, 1.4), unit)
            stats.append(
                Statistic(
                    id=ident,
                    label=label,
                    value=value,
                    unit=unit,
                    period=rng.choice(("2023/24", "2024")),
                    comparator=Comparator(label=comparator, value=_round((low + high) / 2, unit))
                    if comparator
                    else None,
                    source="Partnership records (fictional)",
                )
            )
        stats.append(
            Statistic(
                id="what-people-said",
                label="What people told us",
                finding=rng.choice(FINDINGS),
                period="2024",
            )
        )
        return stats

    def _glossary(self) -> list[GlossaryTerm]:
        picked = self.rng.sample(LOCAL_TERMS, self.rng.randint(2, 5))
        own = GlossaryTerm(term="CJP", expansions=["Community Justice Partnership"])
        return [own, *sorted(picked, key=lambda t: t.term)]

    def _partnership(self) -> Partnership:
        rng = self.rng
        p = self.place
        email = f"communityjustice@{self.domain}"
        phone = _phone(rng)
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

    # -- changes between releases -----------------------------------------------------

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
                StatusChange(status="published", date=_between(rng, *window).isoformat())
            )

    def _note(
        self,
        window: tuple[date, date],
        about: str,
        text: str,
        replaced_by: str | None = None,
    ) -> None:
        day = _between(self.rng, *window)
        base = _slug(f"{about.replace(':', '-')[:64]}-{_month(day)}")
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
                date=_between(rng, *window).isoformat(),
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
            action.timescale = Timescale(raw=f"Revised to {later:%B %Y}", due=_month(later))
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
            service.contact.phone = _phone(rng)
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
            ident = _slug(name)
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
        day = _between(self.rng, *window).isoformat()
        service.status.append(
            ServiceStatusChange(
                status="paused", date=day, note="Paused while a new venue is found."
            )
        )

    def _add_service(self, window: tuple[date, date]) -> None:
        while self.spare:
            kind, loc = self.spare.pop()
            if _slug(f"{kind.name} — {loc.name}" if loc else kind.name) in self.service_ids:
                continue
            service = self._service(kind, loc)
            service.status = [ServiceStatusChange(status="pilot", date=_month(window[1]))]
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
        membership.until = _when(_month(_between(self.rng, *window)))
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
        self.memberships.append(self._member(ident, since=_month(window[1])))

    def _new_figures(self, day: date) -> None:
        rng = self.rng
        month = _month(day.replace(day=1) - timedelta(days=1))
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
                        value=max(0.0, _round(value, unit)),
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
                    value=_round(raised, measure.unit),
                    unit=measure.unit,
                    period="2027/28",
                )


# ---------------------------------------------------------------------------------------
# Writing it all.


@dataclass
class Summary:
    partnerships: int = 0
    actions: int = 0
    services: int = 0
    partners: int = 0  # memberships
    indicators: int = 0
    releases: int = 0
    files: int = 0
    seconds: float = 0.0

    def add(self, other: Summary) -> None:
        for f in fields(self):
            if f.name != "seconds":
                setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))


def _prepare(out: Path) -> Path:
    """An empty folder to write into: never the project's data, never someone's files."""
    out = out.resolve()
    data = PROJECT_DATA.resolve()
    if out == data or data in out.parents or out in data.parents:
        raise SyntheticError(f"refusing to write into {out}: it is or holds the project's data")
    if out.exists():
        if not out.is_dir():
            raise SyntheticError(f"{out} is a file, not a folder")
        if (out / MARKER).is_file():
            shutil.rmtree(out)  # made by an earlier run: replaced as a whole
        elif any(out.iterdir()):
            raise SyntheticError(f"refusing to write into {out}: it is not empty")
    out.mkdir(parents=True, exist_ok=True)
    (out / MARKER).write_text(
        "Made by plansite.bench.synthetic. Everything in this folder is replaced when the "
        "generator is run here again.\n",
        encoding="utf-8",
    )
    return out


def _write(path: Path, model: BaseModel) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(to_yaml(model), encoding="utf-8")


def _write_area(root: Path, area: Area) -> int:
    """Write a partnership's YAML files; return how many."""
    pd = area.pd
    plan = area.plan_data
    folder = root / "partnerships" / area.id
    files: dict[str, BaseModel] = {
        "partnership.yaml": pd.partnership,
        "organisations.yaml": OrganisationsFile(organisations=pd.organisations),
        "glossary.yaml": GlossaryFile(terms=pd.glossary),
        "services.yaml": ServicesFile(services=pd.services),
        "changes.yaml": ChangesFile(notes=pd.notes),
        f"plans/{PLAN_ID}/plan.yaml": plan.plan,
        f"plans/{PLAN_ID}/actions.yaml": ActionsFile(actions=plan.actions),
        f"plans/{PLAN_ID}/indicators.yaml": IndicatorsFile(indicators=plan.indicators),
        f"plans/{PLAN_ID}/participation.yaml": plan.participation,
        f"plans/{PLAN_ID}/statistics.yaml": StatisticsFile(statistics=plan.statistics),
    }
    for name, model in files.items():
        _write(folder / name, model)
    return len(files)


def _release_all(folder: Path, area: Area, groups: dict[str, PartnerGroup]) -> int:
    """Publish the area's releases as ``plansite release`` would; return how many."""
    area.pd.folder = folder
    national = {o.id: o for o in national_organisations()}
    published: list[Release] = []
    for n, day in area.releases():
        orgs = {**national, **{o.id: o for o in area.pd.organisations}}
        snap = snapshot(Dataset(organisations=orgs, groups=groups), area.pd)
        path = write_release(folder, published, snap, day, RELEASE_NOTES[n])
        written = json.loads(path.read_text(encoding="utf-8"))
        # write_release needs only the number, date and checksum of what came before.
        published.append(
            Release.model_construct(
                number=written["number"],
                date=day,
                note=written["note"],
                previous=written["previous"],
                checksum=written["checksum"],
                snapshot=snap,
            )
        )
    return len(published)


def _one(root: Path, seed: int, number: int) -> Summary:
    """Generate, release and write partnership ``number``; independent of every other."""
    area = Area(number, seed)
    folder = root / "partnerships" / area.id
    releases = _release_all(folder, area, _groups(root))
    return Summary(
        partnerships=1,
        actions=len(area.plan_data.actions),
        services=len(area.pd.services),
        partners=len(area.memberships),
        indicators=len(area.plan_data.indicators),
        releases=releases,
        files=_write_area(root, area) + releases,
    )


def generate(
    out: Path,
    seed: int = 2026,
    partnerships: int = 32,
    workers: int | None = None,
    registries: Path = PROJECT_DATA,
) -> Summary:
    """Write a national data set of ``partnerships`` fictional partnerships into ``out``.

    Partnerships are written by ``workers`` processes (default: one per processor); each
    depends only on the seed and its number, so the files are the same however many.
    """
    if not 1 <= partnerships <= MAX_PARTNERSHIPS:
        raise SyntheticError(f"the number of partnerships must be 1 to {MAX_PARTNERSHIPS}")
    started = time.perf_counter()
    root = _prepare(out)
    _copy_registries(registries, root)
    _write(root / "organisations.yaml", OrganisationsFile(organisations=national_organisations()))
    _write(root / "site.yaml", _site())
    summary = Summary(files=len(REGISTRIES) + 2)
    numbers = range(1, partnerships + 1)
    workers = max(1, min(workers or os.cpu_count() or 1, partnerships))
    if workers == 1:
        parts = [_one(root, seed, n) for n in numbers]
    else:
        with ProcessPoolExecutor(workers) as pool:
            parts = list(pool.map(_one, repeat(root), repeat(seed), numbers))
    for part in parts:
        summary.add(part)
    summary.seconds = time.perf_counter() - started
    return summary


def count_pages(out: Path) -> tuple[dict[str, int], int, float]:
    """Pages per partnership as ``site_pages`` lists them, warnings, and seconds to check."""
    from plansite.index.context import build_index
    from plansite.pages.registry import site_pages
    from plansite.validate import check

    started = time.perf_counter()
    report = check(out)
    seconds = time.perf_counter() - started
    if report.errors:
        raise SyntheticError(
            f"the data set has {len(report.errors)} error(s):\n"
            + "\n".join(d.format() for d in report.errors[:20])
        )
    pages = {
        pid: len(site_pages(build_index(report.data, pid)))
        for pid in sorted(report.data.partnerships)
    }
    return pages, len(report.warnings), seconds


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m plansite.bench.synthetic",
        description="Write a synthetic national data set of fictional partnerships.",
    )
    parser.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar="DIR",
        help="the folder to write (empty, absent, or written here before)",
    )
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--partnerships", type=int, default=32, metavar="N")
    parser.add_argument(
        "--workers",
        type=int,
        metavar="N",
        help="processes to generate with (default: one per processor)",
    )
    parser.add_argument(
        "--no-pages", action="store_true", help="skip checking the result and counting its pages"
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        s = generate(args.out, args.seed, args.partnerships, args.workers)
    except SyntheticError as exc:
        print(f"synthetic: {exc}", file=sys.stderr)
        return 1
    print(
        f"generated {s.partnerships} partnerships in {s.seconds:.1f} s into {args.out}: "
        f"{s.actions:,} actions, {s.services:,} services, {s.partners:,} partners, "
        f"{s.indicators:,} indicators, {s.releases} releases, {s.files:,} files"
    )
    if not args.no_pages:
        try:
            pages, warnings, seconds = count_pages(args.out)
        except SyntheticError as exc:
            print(f"synthetic: {exc}", file=sys.stderr)
            return 1
        print(f"checked in {seconds:.1f} s: 0 errors, {warnings} warning(s)")
        print(
            f"pages: {sum(pages.values()):,} in all, {min(pages.values())} to "
            f"{max(pages.values())} per partnership"
        )
    print(f"took {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
