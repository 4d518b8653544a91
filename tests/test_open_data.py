"""Open data and links that last: HSDS, downloads, structured metadata, redirects, embeds."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from plansite.exports.hsds import NATIONAL_FILES, Hsds, national_files, national_part
from plansite.exports.tables import bulk_json
from plansite.index.context import build_index
from plansite.load.loader import load
from plansite.model.release import Snapshot
from plansite.model.service import NOT_HELP_KINDS
from plansite.validate import check
from tests.conftest import SHIPPED, append, copy_minimal, edit, release
from tests.site_helpers import build

# The published HSDS 3.0 schemas, kept in the repository with their licence.
HSDS = Path(__file__).resolve().parent / "fixtures/hsds-3.0"
PARTNERSHIPS = ["clackmannanshire", "example", "south-lanarkshire", "west-dunbartonshire"]


@pytest.fixture(scope="module")
def hsds_validators() -> dict[str, Draft202012Validator]:
    schemas = {p.name: json.loads(p.read_text()) for p in HSDS.glob("*.json")}
    assert {"service.json", "organization.json", "taxonomy_term.json"} <= schemas.keys()
    registry: Registry = Registry().with_resources(  # type: ignore[type-arg]
        (name, Resource.from_contents(body, default_specification=DRAFT202012))
        for name, body in schemas.items()
    )
    return {name: Draft202012Validator(body, registry=registry) for name, body in schemas.items()}


@pytest.mark.parametrize("pid", PARTNERSHIPS)
def test_the_hsds_export_validates_and_holds_every_service(
    shipped_site: Path, hsds_validators: dict[str, Draft202012Validator], pid: str
) -> None:
    folder = shipped_site / pid / "data/hsds"
    services = json.loads((folder / "services.json").read_text())
    data, _ = load(SHIPPED)
    # HSDS is for help: what is not help (MAPPA, a campaign, …) stays out of it.
    entries = data.partnerships[pid].services
    assert {s["name"] for s in services} == {
        s.name for s in entries if s.kind not in NOT_HELP_KINDS
    }
    pairs = [
        ("service.json", "services.json"),
        ("organization.json", "organizations.json"),
        ("taxonomy.json", "taxonomies.json"),
        ("taxonomy_term.json", "taxonomy_terms.json"),
    ]
    for kind, name in pairs:
        records = json.loads((folder / name).read_text())
        for record in records:
            errors = list(hsds_validators[kind].iter_errors(record))
            assert not errors, f"{pid} {name} {record.get('name')}: {errors[0].message}"
    ids = [s["id"] for s in services]
    assert len(set(ids)) == len(ids)


def test_the_national_hsds_export_holds_every_partnerships_records(
    shipped_site: Path, hsds_validators: dict[str, Draft202012Validator]
) -> None:
    folder = shipped_site / "directory/hsds"
    services = json.loads((folder / "services.json").read_text())
    data, _ = load(SHIPPED)
    help_only = [s for pd in data.partnerships.values() for s in pd.services
                 if s.kind not in NOT_HELP_KINDS]  # fmt: skip
    assert len(services) == len(help_only)  # what is not help is not an HSDS service
    ids = [s["id"] for s in services]
    assert len(set(ids)) == len(ids)
    for pid in PARTNERSHIPS:  # the same records as each partnership's own export
        own = json.loads((shipped_site / pid / "data/hsds/services.json").read_text())
        assert {s["id"] for s in own} <= set(ids)
    kinds = [("service.json", "services.json"), ("organization.json", "organizations.json"),
             ("taxonomy_term.json", "taxonomy_terms.json")]  # fmt: skip
    for kind, name in kinds:
        for record in json.loads((folder / name).read_text()):
            errors = list(hsds_validators[kind].iter_errors(record))
            assert not errors, f"{name} {record.get('name')}: {errors[0].message}"


def test_the_national_export_is_each_partnership_s_part_joined_as_one_list() -> None:
    """The national build keeps each partnership's part (``site.keptparts``) and joins them:
    the file is the one JSON list of all their records, whatever part is empty."""
    data = check(SHIPPED).public
    exports = [Hsds(build_index(data, pid)) for pid in sorted(data.partnerships)]
    none = dict.fromkeys(NATIONAL_FILES, "")  # a partnership without services
    joined = national_files([none, *(national_part(h) for h in exports), none])
    assert joined["services.json"] == bulk_json([s for h in exports for s in h.services])
    organizations = [o for h in exports for o in h.organizations.values()]
    assert joined["organizations.json"] == bulk_json(organizations)
    assert joined["taxonomies.json"] == bulk_json([t for h in exports for t in h.taxonomies])
    terms = [t for h in exports for t in h.terms.values()]
    assert joined["taxonomy_terms.json"] == bulk_json(terms)
    assert all(json.loads(text) for text in joined.values())
    assert national_files([none]) == dict.fromkeys(NATIONAL_FILES, "[]\n")


def test_hsds_ids_are_stable_across_builds(shipped_site: Path, tmp_path: Path) -> None:
    build(SHIPPED, tmp_path / "again", only="example")
    for name in ("services.json", "csv/services.csv", "csv/datapackage.json"):
        a = (shipped_site / "example/data/hsds" / name).read_bytes()
        assert a == (tmp_path / "again/example/data/hsds" / name).read_bytes()


def _csv_files(root: Path) -> list[Path]:
    return sorted([*root.glob("*/data/*.csv"), *root.glob("*/data/hsds/csv/*.csv"),
                   *root.glob("*/data/figures/*.csv")])  # fmt: skip


def test_every_csv_round_trips_through_the_csv_module(shipped_site: Path) -> None:
    files = _csv_files(shipped_site)
    assert len(files) > 40
    for path in files:
        text = path.read_text(encoding="utf-8")
        rows = list(csv.reader(io.StringIO(text)))
        assert rows and all(cell.strip() for cell in rows[0]), f"{path}: header row"
        assert all(len(r) == len(rows[0]) for r in rows), f"{path}: ragged rows"
        out = io.StringIO()
        csv.writer(out, lineterminator="\r\n").writerows(rows)
        assert list(csv.reader(io.StringIO(out.getvalue()))) == rows


@pytest.mark.slow
def test_csv_cells_never_become_formulas(tmp_path: Path) -> None:
    data = copy_minimal(tmp_path)
    edit(data, "partnerships/sample/services.yaml",
         "summary: Help for families of people in prison.",
         "summary: '=HYPERLINK(\"http://evil.example\",\"Click\")'")  # fmt: skip
    build(data, tmp_path / "site")
    for name in ("data/services.csv", "data/hsds/csv/services.csv"):
        rows = list(csv.reader(io.StringIO((tmp_path / "site/sample" / name).read_text())))
        cells = [c for r in rows for c in r if "HYPERLINK" in c]
        assert cells and all(c.startswith("'=") for c in cells), (name, cells)


def test_the_data_page_lists_every_download_with_licence_and_date(shipped_site: Path) -> None:
    html = (shipped_site / "example/data/index.html").read_text()
    for target in ("plan.json", "actions.csv", "indicators.csv", "partners.csv", "services.csv",
                   "hsds/services.json", "schema/services.schema.json"):  # fmt: skip
        assert f'href="{target}"' in html, target
    assert "Open Government Licence v3.0" in html
    newest = check(SHIPPED).data.partnerships["example"].releases[-1].date
    assert f'<time datetime="{newest.isoformat()}">' in html  # the date of the newest release
    snapshot = json.loads((shipped_site / "example/data/plan.json").read_text())
    Snapshot.model_validate(snapshot)


def _jsonld(html: str) -> dict[str, Any]:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1
    parsed: dict[str, Any] = json.loads(blocks[0])
    return parsed


def test_service_and_partner_json_ld_agree_with_the_page(shipped_site: Path) -> None:
    data, _ = load(SHIPPED)
    checked = 0
    for pid, pd in data.partnerships.items():
        for service in pd.services:
            html = (shipped_site / pid / "services" / service.id / "index.html").read_text()
            ld = _jsonld(html)
            assert ld["@type"] in ("Service", "GovernmentService") and ld["name"] == service.name
            for provider in ld.get("provider", []):
                assert provider["name"].replace("&", "&amp;").replace("'", "&#39;") in html
            assert len(ld.get("provider", [])) == len(service.providers)
            channel = ld.get("availableChannel", {}).get("serviceContact", {})
            if service.closed:  # no longer to be reached: no channel is offered
                assert "availableChannel" not in ld
            elif service.contact.phone:
                assert (
                    channel["telephone"] == service.contact.phone and service.contact.phone in html
                )
            else:
                assert "telephone" not in channel
            checked += 1
        for membership in pd.partnership.memberships:
            html = (
                shipped_site / pid / "partners" / membership.organisation / "index.html"
            ).read_text()
            ld = _jsonld(html)
            assert ld["@type"] in ("Organization", "GovernmentOrganization")
    assert checked > 200


def test_pages_carry_open_graph_and_a_description(shipped_site: Path) -> None:
    html = (shipped_site / "example/services/money-advice-clinic/index.html").read_text()
    assert '<meta property="og:title" content="Money advice clinic' in html
    assert '<meta name="description" content="Free advice on debt and benefits' in html


@pytest.mark.parametrize("language", ["", "gd/"])
def test_a_sitemap_lists_every_page_when_the_address_is_known(
    shipped_site: Path, language: str
) -> None:
    """The site in English and its copy in Gaelic each have a sitemap of their own pages."""
    root = shipped_site / "example" / language
    sitemap = (root / "sitemap.xml").read_text()
    base = f"https://plans.example.org/example/{language}"
    assert f"<loc>{base}services/money-advice-clinic/</loc>" in sitemap
    # Every page but the ones that only forward to a new address.
    expected = {
        base + p.parent.relative_to(root).as_posix() + "/"
        for p in root.rglob("index.html")
        if '<meta http-equiv="refresh"' not in p.read_text(encoding="utf-8")
        and (language or p.relative_to(root).parts[0] != "gd")
    }
    found = set(re.findall(r"<loc>([^<]*)</loc>", sitemap))
    assert found == {u.replace("/./", "/") for u in expected}
    assert sitemap.count("<loc>") == len(found)


def test_a_renamed_service_redirects_from_its_old_address(shipped_site: Path) -> None:
    old = (shipped_site / "example/services/housing-advice-on-release/index.html").read_text()
    assert '<meta http-equiv="refresh" content="0; url=../housing-support-on-release/">' in old
    assert '<a href="../housing-support-on-release/">' in old


@pytest.mark.slow
def test_a_removed_item_leaves_a_no_longer_listed_page(tmp_path: Path) -> None:
    data = copy_minimal(tmp_path)
    services = data / "partnerships/sample/services.yaml"
    edit(data, "partnerships/sample/services.yaml", "services:\n",
         "services:\n  - id: new-family-hub\n"
         "    name: New family hub\n    kind: service\n"
         "    summary: Support for families, in one place.\n"
         "    contact: {not_stated: true}\n")  # fmt: skip
    edit(data, "partnerships/sample/plans/sample-plan/actions.yaml",
         "    services: [family-support]\n", "")  # fmt: skip
    kept = services.read_text()
    start = kept.index("  - id: family-support")
    services.write_text(kept[:start])
    append(data / "partnerships/sample/changes.yaml",
           "  - id: family-support-ends\n    date: 2018-01-10\n"
           '    about: ["service:family-support"]\n    replaced_by: service:new-family-hub\n'
           "    text: The family support service merged into the new family hub.\n")  # fmt: skip
    assert release(data, "2018-01-15") == 0
    build(data, tmp_path / "site")
    html = (tmp_path / "site/sample/services/family-support/index.html").read_text()
    assert "No longer listed" in html
    assert "Family support is no longer listed." in html
    assert "merged into the new family hub" in html
    assert 'href="../new-family-hub/">See what replaces it</a>' in html


def test_embeddable_lists_have_no_script_and_absolute_links(shipped_site: Path) -> None:
    fragments = sorted((shipped_site / "example/embed").glob("*.html"))
    assert len(fragments) > 5
    for path in fragments:
        html = path.read_text()
        assert "<script" not in html and "<iframe" not in html and "<style" not in html
        # No style that could clash with the host page: only the one on each listed link that
        # keeps it a target at least 24px square (WCAG 2.5.8), and no colours or fonts.
        links = re.findall(r"<li><a ([^>]*)>", html)
        assert links and html.count("style=") == len(links), path
        for attrs in links:
            assert attrs.endswith(' style="display:inline-block;min-width:24px;min-height:24px"')
        assert re.search(r'<section aria-labelledby="([^"]+)"><h2 id="\1">', html)
        for href in re.findall(r'href="([^"]+)"', html):
            assert href.startswith("https://plans.example.org/example/"), href
