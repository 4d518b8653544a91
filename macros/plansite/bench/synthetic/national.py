"""The national files: fictional national bodies, the site's description, and the
registries reused from the project's own data."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from plansite.bench.synthetic.common import REGISTRIES, SyntheticError
from plansite.load.yaml_reader import read_yaml
from plansite.model.registry import Licence, Organisation, PartnerGroup, PartnerGroupsFile, SiteFile

OGL = Licence(
    name="Open Government Licence v3.0",
    url="https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
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


def national_id(key: str) -> str:
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


def national_organisations() -> list[Organisation]:
    return [
        Organisation(
            id=national_id(b.key),
            name=b.name,
            kind=b.kind,
            parent=national_id(b.parent) if b.parent else None,
            website=f"https://{b.key}.example.com/",
            summary=b.summary,
            fictional=True,
        )
        for b in NATIONAL
    ]


def site_file() -> SiteFile:
    return SiteFile(
        name="Fictional national index of community justice plans",
        summary="Made-up community justice plans for testing how plansite builds every "
        "partnership in the country at once. Nothing here describes a real place, "
        "organisation or service.",
        licence=OGL,
    )


def copy_registries(source: Path, out: Path) -> None:
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


def partner_groups(out: Path) -> dict[str, PartnerGroup]:
    file, problems = read_yaml(out / "partner-groups.yaml", "partner-groups.yaml")
    if problems:
        raise SyntheticError(problems[0].format())
    return {g.id: g for g in PartnerGroupsFile.model_validate(file.data).groups}
