"""Find, read and validate every data file, and assemble the data set.

Every file is read and checked even after a failure, so one run reports every problem.
Cross-references are checked afterwards, in ``plansite.validate``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel

from plansite.load.dataset import Dataset, PartnershipData, PlanData
from plansite.load.errors import Diagnostic, did_you_mean
from plansite.load.fields import validate
from plansite.load.writing import read_writing
from plansite.load.yaml_reader import YamlFile, read_yaml
from plansite.model.files import FileKind, kinds_for
from plansite.model.translation import TranslationsFile

# Folders in data/ that hold no plan data: generated schemas.
SKIPPED_DIRS = {"schema"}
YAML_SUFFIXES = {".yaml", ".yml"}
M = TypeVar("M", bound=BaseModel)


# Reads one data file: its path, and its name as diagnostics give it.
ReadYaml = Callable[[Path, str], tuple[YamlFile, list[Diagnostic]]]


class _Reader:
    def __init__(self, root: Path, read: ReadYaml) -> None:
        self.root = root
        self.read_yaml = read
        self.problems: list[Diagnostic] = []
        self.failed: set[str] = set()

    def rel(self, path: Path) -> str:
        try:
            return path.relative_to(self.root.parent).as_posix()
        except ValueError:  # pragma: no cover - paths always come from under root
            return path.as_posix()

    def unknown(self, path: Path, known: dict[str, FileKind]) -> None:
        hint = did_you_mean(path.name, known) or "files read here: " + ", ".join(sorted(known))
        self.problems.append(
            Diagnostic(
                "file-unknown",
                self.rel(path),
                1,
                1,
                "",
                f"plansite does not read {path.name!r}",
                hint,
            )
        )

    def missing(self, path: Path, what: str) -> None:
        self.problems.append(
            Diagnostic("file-missing", self.rel(path), 1, 1, "", f"{what} needs {path.name}")
        )

    def read(self, path: Path, model: type[BaseModel]) -> tuple[YamlFile, BaseModel | None]:
        """One data file, read and validated as ``model``; its problems are kept."""
        file, problems = self.read_yaml(path, self.rel(path))
        self.problems += problems
        if problems:
            return file, None
        checked, problems = validate(model, file)
        self.problems += problems
        return file, checked

    def translations(self, folder: Path) -> dict[str, tuple[YamlFile, TranslationsFile | None]]:
        """Read translations/<code>.yaml files: {code: (file, model or None)}."""
        found: dict[str, tuple[YamlFile, TranslationsFile | None]] = {}
        for path in sorted(folder.iterdir()) if folder.is_dir() else []:
            if path.is_dir() or path.suffix.lower() not in YAML_SUFFIXES:
                continue
            file, checked = self.read(path, TranslationsFile)
            model = checked if isinstance(checked, TranslationsFile) else None
            if model is not None and model.language != path.stem:
                self.problems.append(file.diagnostic(
                    "id-mismatch", ("language",),
                    f"the file {path.name} holds language {model.language!r}",
                    hint=f"name the file {model.language}.yaml, or write language: {path.stem}",
                ))  # fmt: skip
                model = None
            found[path.stem] = (file, model)
        return found

    def folder(self, folder: Path, scope: str) -> dict[str, tuple[YamlFile, Any]]:
        """Read the YAML files of one folder; return {kind name: (file, model or None)}."""
        known = kinds_for(scope)
        found: dict[str, tuple[YamlFile, Any]] = {}
        for path in sorted(folder.iterdir()):
            if path.is_dir() or path.suffix.lower() not in YAML_SUFFIXES:
                continue
            kind = known.get(path.name)
            if kind is None:
                self.unknown(path, known)
                continue
            file, model = self.read(path, kind.model)
            found[kind.name] = (file, model)
            if model is None:
                self.failed.add(kind.name)
        for kind in known.values():
            if kind.required and kind.name not in found:
                self.failed.add(kind.name)
                self.missing(folder / kind.filename, f"the folder {self.rel(folder)}")
        return found


def _model(found: dict[str, tuple[YamlFile, Any]], name: str, model: type[M]) -> M | None:
    entry = found.get(name)
    return entry[1] if entry and isinstance(entry[1], model) else None


def _files(found: dict[str, tuple[YamlFile, Any]]) -> dict[str, YamlFile]:
    return {name: file for name, (file, _) in found.items()}


def load(
    root: Path, only: str | None = None, read: ReadYaml = read_yaml
) -> tuple[Dataset, list[Diagnostic]]:
    """Read the data folder ``root`` (the national files and, with ``only``, that one
    partnership), each file with ``read``. Problems are returned, never raised."""
    from plansite.model import changes, partnership, plan, registry, service

    reader = _Reader(root, read)
    data = Dataset()
    if not root.is_dir():
        reader.problems.append(
            Diagnostic("file-missing", str(root), 1, 1, "", "the data folder does not exist")
        )
        return data, reader.problems
    national = reader.folder(root, "national")
    data.files = _files(national)
    data.site = _model(national, "site", registry.SiteFile)
    if orgs := _model(national, "organisations", registry.OrganisationsFile):
        data.organisation_list = orgs.organisations
        data.organisations = {o.id: o for o in orgs.organisations}
    if groups := _model(national, "partner-groups", registry.PartnerGroupsFile):
        data.group_list = groups.groups
        data.groups = {g.id: g for g in groups.groups}
    if frameworks := _model(national, "frameworks", registry.FrameworksFile):
        data.framework_list = frameworks.frameworks
        data.frameworks = {f.id: f for f in frameworks.frameworks}
    if glossary := _model(national, "glossary", registry.GlossaryFile):
        data.glossary = list(glossary.terms)
    if taxonomy := _model(national, "taxonomy", registry.TaxonomyFile):
        data.audiences = {c.id: c for c in taxonomy.audiences}
        data.help = {c.id: c for c in taxonomy.help}
    if areas := _model(national, "council-areas", registry.CouncilAreasFile):
        data.council_areas = list(areas.areas)

    for path in sorted(root.iterdir()):
        if (
            path.is_dir()
            and path.name not in SKIPPED_DIRS | {"partnerships"}
            and not path.name.startswith(".")
        ):
            reader.unknown(path, {"partnerships": kinds_for("national")["site.yaml"]})
    parts_dir = root / "partnerships"
    for folder in sorted(parts_dir.iterdir()) if parts_dir.is_dir() else []:
        if not folder.is_dir() or (only is not None and folder.name != only):
            continue
        found = reader.folder(folder, "partnership")
        p = _model(found, "partnership", partnership.Partnership)
        plans_dir = folder / "plans"
        plans: dict[str, PlanData] = {}
        for plan_folder in sorted(plans_dir.iterdir()) if plans_dir.is_dir() else []:
            if not plan_folder.is_dir():
                continue
            pf = reader.folder(plan_folder, "plan")
            meta = _model(pf, "plan", plan.PlanFile)
            if meta is None:
                continue
            acts = _model(pf, "actions", plan.ActionsFile)
            inds = _model(pf, "indicators", plan.IndicatorsFile)
            stats = _model(pf, "statistics", plan.StatisticsFile)
            plans[plan_folder.name] = PlanData(
                plan=meta,
                actions=acts.actions if acts else [],
                indicators=inds.indicators if inds else [],
                participation=_model(pf, "participation", plan.ParticipationFile)
                or plan.ParticipationFile(),
                statistics=stats.statistics if stats else [],
                files=_files(pf),
            )
        if p is None:
            continue
        svc = _model(found, "services", service.ServicesFile)
        notes = _model(found, "changes", changes.ChangesFile)
        local_orgs = _model(found, "local-organisations", registry.OrganisationsFile)
        local_terms = _model(found, "local-glossary", registry.GlossaryFile)
        local_groups = _model(found, "local-partner-groups", registry.PartnerGroupsFile)
        local_frameworks = _model(found, "local-frameworks", registry.FrameworksFile)
        translations = reader.translations(folder / "translations")
        writing, problems = read_writing(folder, reader.rel(folder))
        reader.problems += problems
        data.partnerships[folder.name] = PartnershipData(
            partnership=p,
            plans=plans,
            services=svc.services if svc else [],
            notes=notes.notes if notes else [],
            organisations=local_orgs.organisations if local_orgs else [],
            glossary=local_terms.terms if local_terms else [],
            groups=local_groups.groups if local_groups else [],
            frameworks=local_frameworks.frameworks if local_frameworks else [],
            files=_files(found)
            | {f"translations/{code}": file for code, (file, _) in translations.items()},
            folder=folder,
            pages=writing.pages,
            posts=writing.posts,
            reports=writing.reports,
            translations={t.language: t for _, t in translations.values() if t},
        )
    # Local organisations, groups and frameworks join the national registers (duplicates
    # are reported by validate).
    for pd in data.partnerships.values():
        for org in pd.organisations:
            data.organisations.setdefault(org.id, org)
        for group in pd.groups:
            data.groups.setdefault(group.id, group)
        for fw in pd.frameworks:
            data.frameworks.setdefault(fw.id, fw)
    data.failed = reader.failed
    return data, reader.problems
