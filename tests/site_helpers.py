"""Helpers for tests of built sites: building, parsing pages, planting payloads in data."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Iterator
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Annotated, Any, Union, get_args, get_origin

import yaml
from annotated_types import MaxLen
from lxml import html as lhtml
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from plansite.history.store import snapshot, write_release
from plansite.load.fields import validate
from plansite.load.yaml_reader import read_yaml
from plansite.model.files import FILE_KINDS
from plansite.model.public import internal_fields
from plansite.site.build import BuildResult, build_all
from plansite.validate import check
from tests.conftest import ROOT

MKDOCS_YML = ROOT / "mkdocs.yml"


def build(data: Path, out: Path, only: str | None = None) -> BuildResult:
    return build_all(MKDOCS_YML, data, out, only, say=lambda _: None)


def tree_hash(root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        digest.update(path.relative_to(root).as_posix().encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


class Page(HTMLParser):
    """The parts of a built page the tests look at."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.scripts: list[str] = []
        self._in_script = False
        self.html_lang: str | None = None
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        self.tags.append((tag, values))
        if tag == "html":
            self.html_lang = values.get("lang")
        # Scripts that run; JSON-LD is data the browser never executes.
        self._in_script = tag == "script" and values.get("type") != "application/ld+json"
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data
        else:
            self.text.append(data)

    def count(self, tag: str) -> int:
        return sum(1 for t, _ in self.tags if t == tag)

    def attrs(self) -> Iterator[tuple[str, str, str]]:
        for tag, values in self.tags:
            for name, value in values.items():
                yield tag, name, value or ""


def page_body(site: Path, rel: str) -> lhtml.HtmlElement:
    """The part of the page at ``rel`` that plansite wrote: what is between header and footer."""
    root = lhtml.parse(str(site / rel / "index.html")).getroot()
    (body,) = root.xpath('//div[contains(@class, "plansite-page")]')
    return body


def words_in(el: lhtml.HtmlElement) -> str:
    """The text of an element, as a reader hears it: runs of white space as one space."""
    return " ".join(el.text_content().split())


def pages(root: Path) -> Iterator[tuple[Path, Page]]:
    """Every page of a built site. Embeddable fragments (embed/services-*.html) are not pages;
    the page about them (data/embed/index.html) is."""
    for path in sorted(root.rglob("*.html")):
        if path.parent.name == "embed" and path.name != "index.html":
            continue
        yield path, Page(path.read_text(encoding="utf-8"))


# --- Planting payloads in every text field -------------------------------------------


def _is_text(annotation: Any) -> bool:
    """True for PlainText/RichText (str with a length limit), or lists/optionals of them."""
    origin = get_origin(annotation)
    if origin is Annotated:
        base, *meta = get_args(annotation)
        limits = [m for m in meta if isinstance(m, MaxLen)]
        limits += [
            x for m in meta if isinstance(m, FieldInfo) for x in m.metadata if isinstance(x, MaxLen)
        ]
        return (base is str and bool(limits)) or _is_text(base)
    if origin in (Union, list) or str(origin) == "<class 'types.UnionType'>":
        return any(_is_text(a) for a in get_args(annotation))
    return False


def _field_is_text(model: BaseModel, name: str) -> bool:
    info = type(model).model_fields[name]
    if info.annotation is str and any(isinstance(m, MaxLen) for m in info.metadata):
        return True
    return _is_text(info.annotation)


def _is_optional_str(model: BaseModel, name: str) -> bool:
    """A text field that may be left out: filling it in reaches more of every template."""
    info = type(model).model_fields[name]
    return type(None) in get_args(info.annotation)


def plant(model: BaseModel, payloads: Iterator[str], internal: bool = True) -> int:
    """Replace every text value in ``model`` with the next payload; return how many.
    ``internal``: fill the fields the model declares internal too."""
    planted = 0
    skipped = () if internal else internal_fields(type(model))
    for name in type(model).model_fields:
        value = getattr(model, name)
        if name in skipped:
            continue
        if isinstance(value, BaseModel):
            planted += plant(value, payloads, internal)
        elif value is None and _field_is_text(model, name) and _is_optional_str(model, name):
            setattr(model, name, next(payloads))
            planted += 1
        elif isinstance(value, list):
            if not value and _field_is_text(model, name):
                value.append(next(payloads))
                planted += 1
                continue
            for i, item in enumerate(value):
                if isinstance(item, BaseModel):
                    planted += plant(item, payloads, internal)
                elif isinstance(item, str) and _field_is_text(model, name):
                    value[i] = next(payloads)
                    planted += 1
        elif isinstance(value, str) and _field_is_text(model, name):
            setattr(model, name, next(payloads))
            planted += 1
    return planted


def plant_everywhere(
    source: Path, target: Path, payloads: Iterator[str], internal: bool = True
) -> int:
    """Copy a data folder, putting payloads into every text field of every file (and of the
    fields declared internal, unless ``internal`` is false)."""
    shutil.copytree(source, target)
    # Published releases cannot take payloads (editing them is refused); release the
    # planted data afresh instead, so the log and feeds carry payloads too.
    for releases in target.glob("partnerships/*/releases"):
        shutil.rmtree(releases)
    kinds = {(k.scope, k.filename): k for k in FILE_KINDS}
    planted = 0
    for path in sorted(target.rglob("*.yaml")):
        rel = path.relative_to(target)
        scope = (
            "national" if len(rel.parts) == 1 else "partnership" if len(rel.parts) == 3 else "plan"
        )
        kind = kinds[(scope, path.name)]
        file, problems = read_yaml(path, rel.as_posix())
        assert not problems, problems
        model, problems = validate(kind.model, file)
        assert model is not None, problems
        planted += plant(model, payloads, internal)
        dumped = model.model_dump(mode="json", exclude_none=True, by_alias=True)
        path.write_text(
            yaml.safe_dump(dumped, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
    report = check(target)
    assert not report.errors, [e.format() for e in report.errors]
    for pd in report.data.partnerships.values():
        write_release(pd.folder, [], snapshot(report.data, pd), date(2020, 1, 1), next(payloads))
    return planted
