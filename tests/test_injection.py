"""Hostile data in every text field, and proof that every file the site writes shows it as text.

The data set is planted with payloads (``tests.payloads``), each value ending in a probe tagged
with a marker unique to its field. Every output is read with a real parser for its format,
every marker found is traced back to its field, and the value around it must read exactly as
planted: never markup, script, template code, a formula, or structure of its own.
"""

from __future__ import annotations

import csv
import gzip
import io
import itertools
import json
import re
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Union, get_args, get_origin

import pytest
from lxml import etree
from playwright.sync_api import Browser
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from plansite.load.fields import validate
from plansite.load.texts import unused_terms
from plansite.load.yaml_reader import read_yaml
from plansite.model.files import FILE_KINDS
from plansite.model.public import internal_fields
from plansite.site.text import rich as render_rich
from plansite.validate import check
from tests.browser_helpers import serve
from tests.conftest import copy_minimal, edit
from tests.payloads import (
    ALL_PAYLOADS,
    HTML_PAYLOADS,
    OPENING,
    PROBE,
    closing,
    markdown_reads,
    opening,
    tagged,
)
from tests.site_helpers import build, plant_everywhere

# --- The hostile site ------------------------------------------------------------------------


@dataclass(frozen=True)
class Planted:
    n: int
    payload: str
    field: str  # "Model.field"
    rich: bool  # rendered as Markdown on pages

    @property
    def value(self) -> str:
        return tagged(self.n, self.payload)

    @property
    def probe(self) -> str:
        return opening(self.n) + PROBE + closing(self.n)


@dataclass(frozen=True)
class Hostile:
    site: Path
    planted: dict[int, Planted]


def _rich(annotation: Any) -> bool:
    """True for RichText (marked as Markdown in its JSON Schema), or lists/optionals of it."""
    if isinstance(annotation, FieldInfo):
        extra = annotation.json_schema_extra
        return (isinstance(extra, dict) and "x-plansite-text" in extra) or any(
            _rich(m) for m in [annotation.annotation, *annotation.metadata]
        )
    if get_origin(annotation) in (Annotated, Union, list) or str(get_origin(annotation)) == (
        "<class 'types.UnionType'>"
    ):
        return any(_rich(a) for a in get_args(annotation))
    return False


def _tagged_values(model: BaseModel, file: str) -> Iterator[tuple[str, str, bool]]:
    """(field, value, rich) for every string in ``model`` that carries a marker."""
    for name, info in type(model).model_fields.items():
        value = getattr(model, name)
        label, rich = f"{file}: {type(model).__name__}.{name}", _rich(info)
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, BaseModel):
                yield from _tagged_values(item, file)
            elif isinstance(item, str) and OPENING.search(item):
                yield label, item, rich


def _number(value: str) -> int:
    return int(OPENING.findall(value)[-1])


def _payload(value: str) -> str:
    payload = value.removesuffix(tagged(_number(value), ""))
    assert tagged(_number(value), payload) == value, value
    return payload


def _enrich(source: Path) -> None:
    """Switch on the outputs the minimal data leaves off, so that each gets payloads too."""

    # A public address: embeddable lists, the sitemap and absolute feed links.
    edit(source, "partnerships/sample/partnership.yaml", "id: sample\n",
         "id: sample\nsite_url: https://plans.example.org/sample/\n")  # fmt: skip
    # National outcome pages; a former id, which leaves a forwarding page; the national settings.
    edit(source, "frameworks.yaml", "kind: outcomes\n", "kind: outcomes\n    outcome_pages: true\n")
    edit(source, "partnerships/sample/services.yaml", "kind: service\n",
         "kind: service\n    former_ids: [old-family-support]\n")  # fmt: skip
    (source / "site.yaml").write_text(
        "name: Plans\nbase_url: https://plans.example.org/\nsummary: All plans.\n"
        "licence:\n  name: Open Government Licence\n",
        encoding="utf-8",
    )


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Hostile:
    base = tmp_path_factory.mktemp("hostile")
    source = copy_minimal(base / "source")
    _enrich(source)
    payloads = (tagged(n, p) for n, p in enumerate(itertools.cycle(ALL_PAYLOADS)))
    count = plant_everywhere(source, base / "data", payloads)
    # Trace each planted value back to its field, reading the files as the build does.
    planted: dict[int, Planted] = {}
    kinds = {(k.scope, k.filename): k for k in FILE_KINDS}
    for path in sorted((base / "data").rglob("*.yaml")):
        rel = path.relative_to(base / "data")
        scope = {1: "national", 3: "partnership"}.get(len(rel.parts), "plan")
        model, problems = validate(kinds[(scope, path.name)].model, read_yaml(path, str(rel))[0])
        assert model is not None, problems
        for label, value, rich in _tagged_values(model, path.name):
            planted[_number(value)] = Planted(_number(value), _payload(value), label, rich)
    for release in (base / "data").glob("partnerships/*/releases/0*.json"):
        note = json.loads(release.read_text(encoding="utf-8"))["note"]
        planted[_number(note)] = Planted(_number(note), _payload(note), "release: note", False)
        count += 1
    assert len(planted) == count  # every value planted was traced to its field
    build(base / "data", base / "site")
    return Hostile(base / "site", planted)


# --- Reading every output --------------------------------------------------------------------

DANGEROUS_SCHEME = re.compile(r"^(javascript|vbscript|data):", re.IGNORECASE)
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "xlink:href", "poster",
                  "background", "srcset", "ping", "cite", "codebase"}  # fmt: skip
# Never on any page: the theme uses none of them, so one can only have come from data.
FORBIDDEN_TAGS = {"iframe", "frame", "frameset", "object", "embed", "applet", "base", "b", "i",
                  "u", "details", "math", "mi"}  # fmt: skip
JSON_SCRIPT = {"application/json", "application/ld+json"}
# Inline elements that may split one value's text: glossary acronyms anywhere, and Markdown's
# own emphasis in rich text.
INLINE = {"abbr"}
RICH_INLINE = {"abbr", "em", "strong", "code"}
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
# Atom elements whose text a feed reader may render as HTML, when marked so.
ATOM_TEXT = {f"{ATOM}{t}" for t in ("title", "summary", "content", "subtitle", "rights")}
# Strings that are HTML: the theme puts search titles and texts into the page as HTML, and
# JSON Feed's content_html is HTML.
HTML_KEYS = {"search": frozenset({"title", "text"}), "json-feed": frozenset({"content_html"})}


def norm(text: str) -> str:
    """Text as a reader sees it: pages fold runs of whitespace, and sentences lower-case a
    plan's own level names ("for this outcome"); neither can turn text into markup."""
    return " ".join(text.split()).casefold()


GUIDE_PICTURE = re.compile(r"^\.\./images/[a-z0-9-]+\.png$")


def _known_picture(page: str, src: str) -> bool:
    """The partnership's logo, or on a page of the guide for editors one of its own
    pictures (docs/guide/images/): no other image comes from the project, none from data."""
    on_guide_page = page.startswith("guide/") or "/guide/" in page
    return src.endswith("partnership-logo.png") or (
        on_guide_page and bool(GUIDE_PICTURE.match(src))
    )


def _url_scheme_is_dangerous(value: str) -> bool:
    # Browsers drop tabs and newlines anywhere in a URL and leading spaces and controls.
    cleaned = re.sub(r"[\t\n\r]", "", value).lstrip("\x00- ")
    return DANGEROUS_SCHEME.match(cleaned) is not None


def _strings(value: Any, path: str = "") -> Iterator[tuple[str, str, str]]:
    """(path, last key, string) for every string in parsed JSON, keys included."""
    if isinstance(value, str):
        yield path, path.rsplit(".", 1)[-1], value
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _strings(item, f"{path}[{i}]")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield f"{path}.{key}", "", key
            yield from _strings(item, f"{path}.{key}")


@dataclass
class Scan:
    """What reading every output found: problems by format, and where each value was shown."""

    planted: dict[int, Planted]
    problems: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    shown: dict[int, set[str]] = field(default_factory=lambda: defaultdict(set))
    files: Counter[str] = field(default_factory=Counter)
    guarded_cells: int = 0

    def check(self, fmt: str, where: str, n: int, text: str, *, exact: bool,
              rendered: bool = False) -> None:  # fmt: skip
        """Marker ``n`` was read in ``text``: its whole value must be there as planted. Only a
        rich-text field's Markdown (``rendered``) may change the payload before its probe."""
        p = self.planted.get(n)
        if p is None:
            self.problems[fmt].append(f"{where}: a marker that was never planted, {n}")
            return
        expected = p.probe if rendered and p.rich and markdown_reads(p.payload) else p.value
        if expected in text if exact else norm(expected) in norm(text):
            self.shown[n].add(fmt)
        else:
            self.problems[fmt].append(f"{where}: {p.field} planted {p.value!r}, read {text!r}")

    def string(self, fmt: str, where: str, text: str, *, exact: bool) -> int:
        markers = [int(m) for m in OPENING.findall(text)]
        for n in markers:
            self.check(fmt, where, n, text, exact=exact)
        return len(markers)

    # HTML: pages, embeddable fragments, and the HTML inside feeds and the search index.

    def html(self, text: str, where: str, fmt: str) -> int:
        """Nothing from data is markup, and every value reads as planted; returns markers read."""
        if not text.strip():
            return 0
        root = etree.fromstring(text, etree.HTMLParser())
        read = 0
        for el in root.iter():
            if isinstance(el.tag, str):  # not a comment, whose text no reader shows
                read += self._element(el, where, fmt)
            if el.tail and el.getparent() is not None:
                read += self._text(el.getparent(), el.tail, where, fmt)
        return read

    def _element(self, el: Any, where: str, fmt: str) -> int:
        tag, problems, read = str(el.tag).lower(), self.problems[fmt], 0
        if tag in FORBIDDEN_TAGS:
            problems.append(f"{where}: a <{tag}> element")
        for name, value in el.items():
            name = str(name).lower()
            if name.startswith("on"):  # the theme has no event-handler attributes at all
                problems.append(f"{where}: <{tag} {name}={value!r}>")
            if name in URL_ATTRIBUTES and _url_scheme_is_dangerous(value):
                problems.append(f"{where}: <{tag} {name}={value!r}>")
            read += self.string(fmt, f"{where} <{tag} {name}>", value, exact=False)
        if tag == "img" and not _known_picture(where, str(el.get("src", ""))):
            problems.append(f"{where}: <img src={el.get('src')!r}>")
        refresh = str(el.get("content", "")).lower().partition("url=")[2]
        if tag == "meta" and _url_scheme_is_dangerous(refresh):
            problems.append(f"{where}: <meta content={el.get('content')!r}>")
        if tag == "script":
            return read + self._script(el, where, fmt)
        return read + (self._text(el, el.text, where, fmt) if el.text else 0)

    def _text(self, owner: Any, text: str, where: str, fmt: str) -> int:
        """Markers in one text node, each checked against all the text of the element that
        holds the value (a glossary <abbr>, or Markdown's emphasis, may split it)."""
        markers = [int(m) for m in OPENING.findall(text)]
        if not markers:
            return 0
        rich = any(self.planted[n].rich for n in markers if n in self.planted)
        while owner.tag in (RICH_INLINE if rich else INLINE) and owner.getparent() is not None:
            owner = owner.getparent()
        words = "".join(owner.itertext())
        if owner.tag == "code" and words.lstrip().startswith("<"):
            # HTML shown as source for copying (the embeddable lists): read it as the HTML
            # it becomes once pasted into another site.
            return self.html(words, f"{where} <code>", fmt)
        for n in markers:
            self.check(fmt, f"{where} <{owner.tag}>", n, words, exact=False, rendered=True)
        return len(markers)

    def _script(self, el: Any, where: str, fmt: str) -> int:
        body, kind = el.text or "", str(el.get("type", "")).lower()
        if kind not in JSON_SCRIPT:
            if "plansite_canary" in body or OPENING.search(body):
                self.problems[fmt].append(f"{where}: data inside a script: {body[:300]!r}")
            return len(OPENING.findall(body))
        # A script ends at the first "</script"; a data block broken out of that way no longer
        # parses, and "<!--" or "<script" inside one changes how the rest of it is read.
        fmt = "json-ld" if kind == "application/ld+json" else fmt
        if re.search(r"<!--|<script|</script", body, re.IGNORECASE):
            self.problems[fmt].append(f"{where}: markup inside a {kind} block: {body[:300]!r}")
        try:
            value = json.loads(body)
        except json.JSONDecodeError as exc:
            self.problems[fmt].append(f"{where}: a {kind} block does not parse: {exc}")
            return len(OPENING.findall(body))
        self.files[fmt] += fmt == "json-ld"
        return self.json(value, where, fmt, html_keys=frozenset())

    # JSON, XML and CSV.

    def json(self, value: Any, where: str, fmt: str, html_keys: frozenset[str]) -> int:
        read = 0
        for path, key, text in _strings(value):
            if key in html_keys:
                read += self.html(f"<div>{text}</div>", f"{where} {path}", fmt)
            else:
                read += self.string(fmt, f"{where} {path}", text, exact=True)
        return read

    def xml(self, data: bytes, where: str, fmt: str) -> int:
        """A feed or sitemap: well-formed, no DTD, only its own elements, and text as planted."""
        parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
        try:
            root = etree.fromstring(data, parser)
        except etree.XMLSyntaxError as exc:
            self.problems[fmt].append(f"{where}: not well-formed: {exc}")
            return 0
        if root.getroottree().docinfo.doctype:
            self.problems[fmt].append(f"{where}: a document type declaration")
        own = ATOM if fmt == "atom" else SITEMAP
        read = 0
        for el in root.iter(etree.Element):
            tag = str(el.tag)
            if not tag.startswith(own):
                self.problems[fmt].append(f"{where}: a foreign element <{tag}>")
            for name, value in el.items():
                read += self.string(fmt, f"{where} <{tag} {name}>", value, exact=False)
            if el.get("type") == "html" and tag in ATOM_TEXT:  # escaped HTML a reader renders
                read += self.html(f"<div>{el.text or ''}</div>", f"{where} <{tag}>", fmt)
            elif el.text:
                read += self.string(fmt, f"{where} <{tag}>", el.text, exact=False)
            if el.tail and el.tail.strip():
                self.problems[fmt].append(f"{where}: text between elements: {el.tail[:80]!r}")
        return read

    def csv(self, text: str, where: str) -> int:
        """Every cell: nothing a spreadsheet would run, and each value as planted."""
        read = 0
        for r, row in enumerate(csv.reader(io.StringIO(text, newline=""))):
            for c, cell in enumerate(row):
                at = f"{where} row {r + 1} column {c + 1}"
                if cell.startswith(FORMULA_START):
                    self.problems["csv"].append(f"{at}: a cell a spreadsheet would run: {cell!r}")
                if cell.startswith("'") and cell[1:].startswith(FORMULA_START):
                    self.guarded_cells += bool(OPENING.search(cell))
                read += self.string("csv", at, cell, exact=True)
        return read


def _format(rel: str) -> str:
    name = rel.removesuffix(".gz").rsplit("/", 1)[-1]
    suffix = name.rpartition(".")[2]
    if suffix == "html":
        return "embed" if rel.split("/")[-2:-1] == ["embed"] else "html"
    if suffix == "xml":
        return "sitemap" if name == "sitemap.xml" else "atom"
    if suffix == "json":
        return {"feed.json": "json-feed", "search_index.json": "search"}.get(name, "json")
    return "csv" if suffix == "csv" else "other"


def scan_site(site: Path, planted: dict[int, Planted]) -> Scan:
    """Read every file the build wrote, each with the parser for its format."""
    scan = Scan(planted)
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        rel = path.relative_to(site).as_posix()
        data = path.read_bytes()
        data = gzip.decompress(data) if rel.endswith(".gz") else data
        text = data.decode("utf-8", errors="replace")
        fmt = _format(rel)
        scan.files[fmt] += 1
        if fmt in ("html", "embed"):
            read = scan.html(text, rel, fmt)
        elif fmt in ("atom", "sitemap"):
            read = scan.xml(data, rel, fmt)
        elif fmt == "csv":
            read = scan.csv(text, rel)
        elif fmt == "other":
            # Scripts, styles, images, headers: the site's own files, which never hold data.
            if "plansite_canary" in text or OPENING.search(text):
                scan.problems[fmt].append(f"{rel}: holds planted data")
            continue
        else:
            try:
                value = json.loads(text)
            except json.JSONDecodeError as exc:
                scan.problems[fmt].append(f"{rel}: does not parse: {exc}")
                continue
            read = scan.json(value, rel, fmt, HTML_KEYS.get(fmt, frozenset()))
        # A marker that the parser did not give back as text or as a value has become part
        # of the structure: a tag or attribute name, a comment, a key, or lost to a break-out.
        if (raw := len(OPENING.findall(text))) != read:
            scan.problems[fmt].append(f"{rel}: {raw} markers written, {read} read as values")
    return scan


@pytest.fixture(scope="module")
def scan(hostile: Hostile) -> Scan:
    return scan_site(hostile.site, hostile.planted)


# --- Every value reaches the output ----------------------------------------------------------


def _internal_fields() -> set[str]:
    """Every field the model declares internal, labelled as the planted values are."""
    out = set()
    for kind in FILE_KINDS:
        todo, seen = [kind.model], set()
        while todo:
            model = todo.pop()
            if model in seen:
                continue
            seen.add(model)
            out |= {f"{kind.filename}: {model.__name__}.{name}" for name in internal_fields(model)}
            for info in model.model_fields.values():
                todo += _models_in(info.annotation)
    return out


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in get_args(annotation) for m in _models_in(arg)]


@pytest.mark.slow
def test_every_planted_value_is_on_a_page_or_declared_internal(
    hostile: Hostile, scan: Scan
) -> None:
    # A download of all the data (plan.json) is not enough: each value must be on a page a
    # reader can reach, unless the data format declares its field internal.
    internal = _internal_fields()
    report = check(hostile.site.parent / "data")
    private = report.private  # names of people not to be named
    # A glossary lists the terms its partnership's texts use (`check` notes a local term that
    # no text uses): planted terms are payloads, which no text uses.
    (pd,) = report.data.partnerships.values()
    names = {**report.data.organisations, **report.data.groups}
    unused = unused_terms(pd, [*report.data.glossary, *pd.glossary], names)
    assert unused
    private |= {text for t in unused for text in (t.term, *t.expansions, t.definition or "")}
    planted = hostile.planted.values()
    fields = {p.field for p in planted}
    assert len(fields) > 80 and "plan.yaml: PlanFile.internal_notes" in internal & fields
    assert any(p.value in private for p in planted)
    lost = sorted(f"{p.field} ({p.value!r})" for p in planted
                  if "html" not in scan.shown[p.n] and p.field not in internal
                  and p.value not in private)  # fmt: skip
    assert not lost, "planted but found on no page:\n" + "\n".join(lost)
    leaked = sorted({p.field for p in planted if p.field in internal and scan.shown[p.n]})
    assert not leaked, f"declared internal but published in {leaked}"


# --- Each format -----------------------------------------------------------------------------


def _clean(scan: Scan, fmt: str, files: int) -> None:
    """The format was read (at least ``files`` files, and planted values found in them) and
    nothing in it was markup, script, template output or structure from data."""
    assert scan.files[fmt] >= files, scan.files
    assert sum(fmt in formats for formats in scan.shown.values()) > 0, f"no values in {fmt}"
    assert not scan.problems[fmt], "\n".join(scan.problems[fmt][:20])


@pytest.mark.slow
def test_pages_show_planted_values_as_text(hostile: Hostile, scan: Scan) -> None:
    # Every page, error and forwarding pages included: each value is one run of text (or one
    # attribute value) reading exactly as planted, and nothing on any page could run.
    pages = sorted(hostile.site.rglob("*.html"))
    assert any("old-family-support" in p.as_posix() for p in pages)  # the forwarding page
    _clean(scan, "html", len(pages) - scan.files["embed"])


@pytest.mark.slow
def test_embeddable_lists_show_planted_values_as_text(scan: Scan) -> None:
    # Checked as pasted into another site, and as shown for copying on the site's own page.
    _clean(scan, "embed", 4)


@pytest.mark.slow
def test_structured_data_keeps_planted_values_and_cannot_be_broken_out_of(scan: Scan) -> None:
    # JSON-LD parses, holds each value exactly, and never contains "</script" or "<!--".
    _clean(scan, "json-ld", 5)


@pytest.mark.slow
def test_atom_feeds_are_well_formed_with_planted_values_as_text(scan: Scan) -> None:
    _clean(scan, "atom", 4)  # the partnership's, each outcome's and the national feed


@pytest.mark.slow
def test_json_feeds_keep_planted_values_exactly(scan: Scan) -> None:
    _clean(scan, "json-feed", 4)


@pytest.mark.slow
def test_json_downloads_keep_planted_values_exactly(hostile: Hostile, scan: Scan) -> None:
    # plan.json, the releases, the HSDS files and their data package, the schemas.
    data = hostile.site / "sample/data"
    for name in ("plan.json", "releases.json", "hsds/services.json", "hsds/organizations.json"):
        assert (data / name).is_file(), name
    _clean(scan, "json", 20)


@pytest.mark.slow
def test_search_index_shows_planted_values_as_text(scan: Scan) -> None:
    # The theme puts search titles and texts into the page as HTML, so they are read as HTML.
    _clean(scan, "search", 2)


@pytest.mark.slow
def test_csv_cells_show_planted_values_and_never_run(scan: Scan) -> None:
    # Every CSV the site writes: no cell starts as a formula, each value is whole, and the
    # formula payloads were there to be neutralised (written after an apostrophe).
    _clean(scan, "csv", 14)
    assert scan.guarded_cells > 0


@pytest.mark.slow
def test_sitemaps_hold_only_addresses(hostile: Hostile, scan: Scan) -> None:
    assert not scan.problems["sitemap"], scan.problems["sitemap"]
    for path in [hostile.site / "sitemap.xml", hostile.site / "sample/sitemap.xml"]:
        root = etree.fromstring(path.read_bytes())
        locs = [str(el.text) for el in root.iter(f"{SITEMAP}loc")]
        assert locs and all(loc.startswith("https://plans.example.org/") for loc in locs), path
        assert {el.tag for el in root.iter(etree.Element)} <= {
            f"{SITEMAP}{t}" for t in ("urlset", "url", "loc", "lastmod")
        }


@pytest.mark.slow
def test_no_other_file_holds_planted_data(scan: Scan) -> None:
    # Scripts, styles, images and headers are the site's own; data reaches none of them.
    assert scan.files["other"] > 50
    assert not scan.problems["other"], scan.problems["other"]


@pytest.mark.slow
def test_template_payloads_never_ran(hostile: Hostile) -> None:
    # What the template payloads would have written had any of them been evaluated.
    for path in hostile.site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".xml", ".csv"):
            text = path.read_text(encoding="utf-8")
            assert "loop" * 3 not in text, path
            assert "__builtins__" not in text and "<function " not in text, path


@pytest.mark.slow
def test_titles_are_escaped(hostile: Hostile) -> None:
    for path in hostile.site.rglob("*.html"):
        head = path.read_text(encoding="utf-8").split("</head>")[0]
        titles = re.findall(r"<title>(.*?)</title>", head, re.S)
        assert len(titles) == 1, path  # embeddable lists too: they open as pages
        assert "<" not in titles[0], f"{path}: {titles[0]!r}"


@pytest.mark.slow
@pytest.mark.parametrize("payload", HTML_PAYLOADS[:3])
def test_payloads_are_escaped_in_service_names(payload: str, tmp_path: Path) -> None:
    data = copy_minimal(tmp_path)
    quoted = payload.replace("'", "''")
    edit(data, "partnerships/sample/services.yaml", "name: Family support", f"name: '{quoted}'")
    build(data, tmp_path / "site")
    html = (tmp_path / "site/sample/services/family-support/index.html").read_text()
    assert "plansite_canary=1" in html  # shown ...
    page_scripts = re.findall(r"<script(?![^>]*ld\+json)[^>]*>(.*?)</script>", html, re.S)
    assert not any("plansite_canary" in s for s in page_scripts)  # ... never run


def test_rich_text_shows_every_payload_as_text_or_as_safe_markdown() -> None:
    # Few fields are rich text, so the site build puts only a few payloads through Markdown:
    # here every payload goes through it, as each rich field's value does on the pages.
    planted = {n: Planted(n, payload, "rich", True) for n, payload in enumerate(ALL_PAYLOADS)}
    scan = Scan(planted)
    for p in planted.values():
        html = str(render_rich(p.value))
        assert scan.html(f"<div>{html}</div>", f"rich({p.value!r}) = {html!r}", "rich") == 1
    assert set(scan.shown) == set(planted)
    assert not scan.problems["rich"], "\n".join(scan.problems["rich"])


# --- In a browser ----------------------------------------------------------------------------

# Any payload that runs sets the canary; the setter reports it, even from a page that then
# moves on (the forwarding page) or from a frame.
CANARY = """Object.defineProperty(window, "plansite_canary", {
  configurable: false,
  get() { return undefined; },
  set(value) { window.plansite_ran(String(value)); },
});"""
# Handlers such as ontoggle and onfocus (autofocus) fire in the tasks after the load event.
SETTLE = "() => new Promise(done => requestAnimationFrame(() => setTimeout(done, 0)))"


def test_no_planted_script_runs_in_a_browser(browser: Browser, hostile: Hostile) -> None:
    pages = sorted(hostile.site.rglob("*.html"))
    ran: list[str] = []
    foreign: list[str] = []
    started = time.monotonic()
    # The pages' Content-Security-Policy would block an injected handler and so hide the
    # escaping bug that let it in: this checks the escaping itself.
    context = browser.new_context(bypass_csp=True)
    context.expose_binding("plansite_ran", lambda source, value: ran.append(source["frame"].url))
    context.add_init_script(CANARY)
    page = context.new_page()
    page.on("dialog", lambda dialog: (ran.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    with serve(hostile.site) as base:
        page.on("request", lambda r: None if r.url.startswith(base) else foreign.append(r.url))
        for path in pages:
            url = f"{base}/{path.relative_to(hostile.site).as_posix()}"
            page.goto(url, wait_until="load")
            if '<meta http-equiv="refresh"' in path.read_text(encoding="utf-8"):
                page.wait_for_url(lambda now, url=url: now != url)  # a forwarding page
                page.wait_for_load_state("load")
            page.evaluate(SETTLE)
    context.close()
    elapsed = time.monotonic() - started
    assert len(pages) > 50
    assert ran == [], ran
    assert foreign == [], foreign
    print(f"{len(pages)} pages in {elapsed:.1f}s")


# --- Reproducers for escaping bugs -----------------------------------------------------------


@pytest.mark.slow
def test_control_characters_in_data_leave_feeds_well_formed(tmp_path: Path) -> None:
    # Text may hold characters XML 1.0 forbids (written as escapes in YAML); a feed must still
    # parse, or feed readers drop all of it.
    data = copy_minimal(tmp_path)
    name = 'name: "Sample\\x01 partnership\\x0b"'  # YAML escapes: the file itself stays text
    edit(data, "partnerships/sample/partnership.yaml", "name: Sample Community Justice Partnership",
         name)  # fmt: skip
    build(data, tmp_path / "site")
    feeds = sorted((tmp_path / "site").rglob("feed.xml"))
    assert len(feeds) >= 2
    broken = []
    for feed in feeds:
        try:
            etree.fromstring(feed.read_bytes())
        except etree.XMLSyntaxError as exc:
            broken.append(f"{feed.relative_to(tmp_path)}: {exc}")
    assert not broken, broken


@pytest.mark.slow
def test_csv_header_cells_from_data_never_run(tmp_path: Path) -> None:
    # actions.csv names its first column after the plan's own level ("Action id"); a level
    # named like a formula must be neutralised there as in every other cell.
    data = copy_minimal(tmp_path)
    edit(data, "partnerships/sample/plans/sample-plan/plan.yaml",
         "  - id: action\n    name: Action\n", "  - id: action\n    name: '=1+1'\n")  # fmt: skip
    build(data, tmp_path / "site")
    text = (tmp_path / "site/sample/data/actions.csv").read_bytes().decode("utf-8")
    header = next(csv.reader(io.StringIO(text, newline="")))
    assert "1+1 id" in header[0]
    assert not header[0].startswith(FORMULA_START), header
