"""Notes on what the data holds that no page or download will show.

Every field of the data is published wherever it has a value, except the fields the model
declares internal (``INTERNAL`` in ``plansite.model.common``) and values marked not public.
Internal values are listed by ``plansite check`` so that nobody believes they are on the site,
and so are a partnership's own glossary terms that none of its texts uses (its glossary lists
only the terms in use).
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel

from plansite.load.dataset import Dataset
from plansite.load.errors import Diagnostic
from plansite.load.texts import Walked, unused_terms
from plansite.load.yaml_reader import Path_, YamlFile
from plansite.model.public import internal_fields, marked_fields
from plansite.model.registry import Organisation, PartnerGroup


def _internal(value: object, path: Path_) -> Iterator[Path_]:
    """Paths of the internal fields that hold a value, anywhere in ``value``."""
    if isinstance(value, BaseModel):
        cls = type(value)
        for name in internal_fields(cls):
            if getattr(value, name) not in (None, "", [], {}):
                yield (*path, name)
        for name in marked_fields(cls):
            yield from _internal(getattr(value, name), (*path, name))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _internal(item, (*path, i))


def unshown(data: Dataset, walked: dict[str, Walked] | None = None) -> list[Diagnostic]:
    """Notes on what is kept in the data and never shown (``walked``: as ``advise``)."""
    out: list[Diagnostic] = []

    def note(file: YamlFile | None, root: Path_, value: object) -> None:
        if file is None:
            return
        for path in _internal(value, root):
            field = str(path[-1]).replace("_", " ")
            out.append(file.diagnostic(
                "note-internal", path, f"the {field} here are kept in the data and never published"
            ))  # fmt: skip

    names: dict[str, Organisation | PartnerGroup] = {**data.organisations, **data.groups}
    for pd in data.partnerships.values():
        gfile = pd.files.get("local-glossary")
        own = walked[pd.id] if walked is not None else None
        for term in unused_terms(pd, pd.glossary, names, own):
            if gfile:
                says = (
                    f"no text of this partnership uses {term.term!r}, so its glossary leaves it out"
                )
                at = ("terms", pd.glossary.index(term), "term")
                out.append(gfile.diagnostic("note-unused-term", at, says))
        for plan in pd.plans.values():
            note(plan.files.get("plan"), (), plan.plan)
            note(plan.files.get("actions"), ("actions",), plan.actions)
            note(plan.files.get("indicators"), ("indicators",), plan.indicators)
    return out
