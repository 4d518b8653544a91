"""Writing the data set: each partnership's files and releases, in parallel processes."""

from __future__ import annotations

import json
import os
import shutil
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, fields
from itertools import repeat
from pathlib import Path

from pydantic import BaseModel

from plansite.bench.synthetic.area import Area
from plansite.bench.synthetic.common import (
    MARKER,
    MAX_PARTNERSHIPS,
    PLAN_ID,
    PROJECT_DATA,
    REGISTRIES,
    RELEASE_NOTES,
    SyntheticError,
)
from plansite.bench.synthetic.national import (
    copy_registries,
    national_organisations,
    partner_groups,
    site_file,
)
from plansite.bench.synthetic.yamltext import to_yaml
from plansite.history.store import snapshot, write_release
from plansite.load.dataset import Dataset
from plansite.model.changes import ChangesFile
from plansite.model.plan import ActionsFile, IndicatorsFile, StatisticsFile
from plansite.model.registry import GlossaryFile, OrganisationsFile, PartnerGroup
from plansite.model.release import Release
from plansite.model.service import ServicesFile


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


ANNUAL_REPORT = """---
published: 2026-09-30
summary: The first year of the plan, from April 2025 to March 2026.
---

## The year in brief

A fictional partnership's report, for measuring how plansite builds at national scale.

{{ progress() }}
"""


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
    # The annual report for the plan's first year, due by 31 December 2026, published.
    report = folder / "reports" / "2025-26.md"
    report.parent.mkdir(parents=True, exist_ok=True)
    report.write_text(ANNUAL_REPORT, encoding="utf-8")
    return len(files) + 1


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
    releases = _release_all(folder, area, partner_groups(root))
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
    copy_registries(registries, root)
    _write(root / "organisations.yaml", OrganisationsFile(organisations=national_organisations()))
    _write(root / "site.yaml", site_file())
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
