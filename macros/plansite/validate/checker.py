"""The checker that cross-reference checks report through: located diagnostics for unknown
references, repeated ids and periods that end before they start."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import date

from plansite.load.errors import Diagnostic, did_you_mean
from plansite.load.yaml_reader import Path_, YamlFile
from plansite.model.dates import PartialDate

# What a reference may point at, by the file kinds that define it. When one of those files
# failed to load, its ids are unknown, and reporting every reference to them would only
# bury the real error.
DEFINED_IN = {
    "organisation": {"organisations", "local-organisations"},
    "organisation or partner group": {
        "organisations",
        "local-organisations",
        "partner-groups",
        "local-partner-groups",
    },
    "framework item": {"frameworks", "local-frameworks"},
    "framework": {"frameworks", "local-frameworks"},
    "item of an earlier plan": {"plan"},
    "column": {"plan"},
    "audience": {"taxonomy"},
    "council area": {"council-areas"},
    "kind of help": {"taxonomy"},
    "locality": {"partnership"},
    "plan": {"plan"},
    "plan item": {"plan"},
    "outcome": {"plan"},
    "node": {"plan"},
    "partner": {"organisations", "local-organisations"},
    "service": {"services"},
    "action": {"actions"},
    "indicator": {"indicators"},
}


class Checker:
    def __init__(self, failed: set[str] | None = None) -> None:
        self.problems: list[Diagnostic] = []
        self.failed = failed or set()

    def add(
        self, file: YamlFile | None, code: str, path: Path_, message: str, hint: str = ""
    ) -> None:
        if file is None:  # pragma: no cover - every checked model came from a file
            return
        self.problems.append(file.diagnostic(code, path, message, hint=hint))

    def ref(
        self,
        file: YamlFile | None,
        path: Path_,
        value: str | None,
        known: Collection[str],
        what: str,
        where: str,
    ) -> None:
        if value is None or value in known or DEFINED_IN.get(what, set()) & self.failed:
            return
        hint = did_you_mean(value, known) or f"add it to {where}, or fix the id"
        self.add(file, "ref-unknown", path, f"unknown {what} {value!r}", hint)

    def refs(
        self,
        file: YamlFile | None,
        path: Path_,
        values: Iterable[str],
        known: Collection[str],
        what: str,
        where: str,
    ) -> None:
        for i, value in enumerate(values):
            self.ref(file, (*path, i), value, known, what, where)

    def unique(
        self,
        file: YamlFile | None,
        path: Path_,
        ids: Iterable[str],
        seen: dict[str, str],
        what: str,
        field: str = "id",
        hint: str = "",
    ) -> None:
        """Report an id already in ``seen`` (which maps id -> where it was first defined)."""
        if file is None:  # pragma: no cover
            return
        for i, item_id in enumerate(ids):
            first = seen.get(item_id)
            if first is not None:
                self.add(
                    file,
                    "id-duplicate",
                    (*path, i, field),
                    f"{what} id {item_id!r} is already used at {first}",
                    hint,
                )
            else:
                line, _ = file.locate((*path, i, field))
                seen[item_id] = f"{file.rel}:{line}"

    def order(
        self,
        file: YamlFile | None,
        path: Path_,
        first: PartialDate | date | None,
        last: PartialDate | date | None,
        what: str,
    ) -> None:
        a = first.first if isinstance(first, PartialDate) else first
        b = last.last if isinstance(last, PartialDate) else last
        if a is not None and b is not None and a > b:
            self.add(
                file,
                "period-invalid",
                path,
                f"{what}: the start ({first}) comes after the end ({last})",
            )
