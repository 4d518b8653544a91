"""How a plan measures itself: indicators and their figures, context statistics, and the
record of who was asked."""

from __future__ import annotations

from plansite.bench.synthetic.base import AreaBase
from plansite.bench.synthetic.common import rounded, slug
from plansite.model.common import Person, Timescale
from plansite.model.plan import (
    Comparator,
    Engagement,
    Figure,
    Indicator,
    Measure,
    ParticipationFile,
    Statistic,
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


class IndicatorsPart(AreaBase):
    """The plan's indicators, statistics and participation."""

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
            id=slug(title),
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
        base = rounded(low + (high - low) * rng.random(), unit)
        step = {"up": 1.0, "down": -1.0}.get(direction, 0.0) * (0.15 if unit == "per cent" else 0.3)
        aim = base + step * (base if unit != "per cent" else 100)
        target = rounded(min(aim, 99.0) if unit == "per cent" else aim, unit)
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
        value = rounded(base + (target - base) * 0.1, unit)
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
                    id=slug(title),
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
            value = rounded(low + (high - low) * self.size * rng.uniform(0.6, 1.4), unit)
            stats.append(
                Statistic(
                    id=ident,
                    label=label,
                    value=value,
                    unit=unit,
                    period=rng.choice(("2023/24", "2024")),
                    comparator=Comparator(label=comparator, value=rounded((low + high) / 2, unit))
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
