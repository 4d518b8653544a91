"""The national site: every council area leads somewhere, the directory lists every service of
every partnership once, narrowed lists have pages of their own, and every link works."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from plansite.exports.directory import entries
from plansite.index.context import build_index
from plansite.load.dataset import Dataset
from plansite.model.addresses import url_for
from plansite.model.service import NOT_HELP_KINDS
from plansite.pages.national import National, national
from plansite.site.crawl import crawl
from plansite.site.pagecheck import read_page
from plansite.validate import check
from tests.conftest import ROOT, SHIPPED, edit

REAL = {"clackmannanshire", "south-lanarkshire", "west-dunbartonshire"}
CSS = ROOT / "overrides/assets/stylesheets/plansite.css"


def _national(data: Dataset) -> National:
    sites = [build_index(data, pid) for pid in sorted(data.partnerships)]
    return national(data, sites, "Community justice plans")


@pytest.fixture(scope="module")
def shipped() -> National:
    return _national(check(SHIPPED).public)


def test_all_32_council_areas_have_a_page(shipped: National) -> None:
    specs = [s for s in shipped.pages() if s.kind == "area"]
    assert len(specs) == 32 == len({s.url for s in specs})
    assert {s.url for s in specs} == {url_for("area", r.area.id) for r in shipped.area_rows}
    assert len({r.area.name for r in shipped.area_rows}) == 32


def test_the_real_partnerships_areas_lead_to_them_and_the_rest_to_none(shipped: National) -> None:
    covered = {r.area.id: [c.pid for c in r.covered_by] for r in shipped.area_rows}
    assert {a: p for a, p in covered.items() if p} == {pid: [pid] for pid in REAL}
    assert sum(1 for p in covered.values() if not p) == 29
    assert shipped.overview.covered == 3 and shipped.overview.areas == 32


def test_the_directory_lists_every_service_of_every_partnership(shipped: National) -> None:
    data = check(SHIPPED).public
    total = sum(1 for pd in data.partnerships.values() for s in pd.services if s.offered)
    found = shipped.directory.entries
    assert sum(len(e.listings) for e in found) == total
    assert len(found) == total  # the shipped partnerships share no service
    listed = {li.url for e in found for li in e.listings}
    expected = {f"{pid}/services/{s.id}/" for pid, pd in data.partnerships.items()
                for s in pd.services if s.offered}  # fmt: skip
    # Help still offered only: the rest, and what has closed, is on each partnership's
    # services page.
    assert listed == expected
    assert "west-dunbartonshire/services/cpc-domestic-abuse-development-sessions/" not in listed
    assert "example/services/victim-information-line/" not in listed


def test_a_service_two_partnerships_list_is_one_entry(tmp_path: Path) -> None:
    """Same name and same providers: one entry, linking to both partnerships' pages."""
    data = check(SHIPPED).public
    first = next(s for s in data.partnerships["clackmannanshire"].services
                 if s.providers and s.kind not in NOT_HELP_KINDS)  # fmt: skip
    copy = first.model_copy(update={"id": "shared-copy", "name": f"  {first.name.upper()} "})
    data.partnerships["west-dunbartonshire"].services.append(copy)
    sites = [build_index(data, pid) for pid in sorted(data.partnerships)]
    found = entries(sites)
    total = sum(1 for pd in data.partnerships.values() for s in pd.services if s.offered)
    assert len(found) == total - 1
    merged = next(e for e in found if len(e.listings) == 2)
    assert {li.url for li in merged.listings} == {
        f"clackmannanshire/services/{first.id}/",
        "west-dunbartonshire/services/shared-copy/",
    }
    assert merged.areas == {"clackmannanshire", "west-dunbartonshire"}
    # Without a provider, nothing says two listings are one service.
    lone = copy.model_copy(update={"providers": [], "id": "lone"})
    twin = first.model_copy(update={"providers": [], "id": "twin"})
    data.partnerships["west-dunbartonshire"].services += [lone, twin]
    sites = [build_index(data, pid) for pid in sorted(data.partnerships)]
    assert len(entries(sites)) == total + 1


def test_a_partnership_names_only_known_council_areas(minimal: Path) -> None:
    (minimal / "council-areas.yaml").write_text(
        "areas:\n  - id: fife\n    name: Fife\n    council: Fife Council\n", encoding="utf-8"
    )
    edit(
        minimal, "partnerships/sample/partnership.yaml", "\nname:", "\ncouncil_areas: [fyfe]\nname:"
    )
    problems = [d for d in check(minimal).errors if d.code == "ref-unknown"]
    assert len(problems) == 1
    assert problems[0].path == "council_areas item 1"
    assert "unknown council area 'fyfe'" in problems[0].message
    assert "fife" in problems[0].hint


def test_progress_per_national_outcome_of_the_current_framework(shipped: National) -> None:
    overview = shipped.overview
    assert overview.framework is not None
    assert overview.framework.id == "cj-performance-framework-2023"
    assert [p.item.id for p in overview.progress] == [i.id for i in overview.framework.items]
    # Only the example's plan answers to the 2023 framework; its actions.yaml and plan.yaml
    # link these actions to these outcomes, with these latest recorded statuses.
    example = ("Example Community Justice Partnership",)
    assert {p.item.id: (p.linked, p.priority, p.actions) for p in overview.progress} == {
        "diversion": ((), 0, ()),
        "police-custody-support": ((), 0, ()),
        "bail-supervision": ((), 0, ()),
        "community-sentences": (example, 1, (("In progress", 1), ("Ongoing", 1))),
        "health-and-social-care": (example, 1, (("Complete", 1), ("Delayed", 1))),
        "accommodation": (example, 1, (("Complete", 1), ("Delayed", 1))),
        "employability": ((), 0, ()),
        "voluntary-throughcare": (example, 1, (("In progress", 1),)),
        "understanding-and-confidence": ((), 0, ()),
    }


# --- The built national site ----------------------------------------------------------


def _text(path: Path) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", path.read_text(encoding="utf-8")))


@pytest.mark.slow
def test_each_area_page_leads_to_its_partnership_or_says_no_plan(
    shipped_site: Path, shipped: National
) -> None:
    for row in shipped.area_rows:
        page = shipped_site / url_for("area", row.area.id) / "index.html"
        html = page.read_text(encoding="utf-8")
        if row.area.id in REAL:
            assert f'href="../../{row.area.id}/services/"' in html, row.area.id
            assert "No plan for" not in html
        else:
            assert f"No plan for {row.area.name} is published on this site yet." in html
            assert f'href="{row.area.website}"' in html


@pytest.mark.slow
def test_filter_pages_exist_and_link_to_the_partnerships_pages(
    shipped_site: Path, shipped: National
) -> None:
    directory = shipped.directory
    for facet, kind in (("area", "directory-in"), ("audience", "directory-for"),
                        ("help", "directory-help")):  # fmt: skip
        for key, _ in directory.options(facet):
            page = shipped_site / url_for(kind, key) / "index.html"
            links = set(read_page(page.read_text(encoding="utf-8")).links)
            for e in directory.matching(facet, key):
                assert f"../../../{e.listings[0].url}" in links, (page, e.key)
    south = shipped_site / url_for("directory-in", "south-lanarkshire") / "index.html"
    # Help still offered only: not MAPPA, a protocol, … nor the two services that closed.
    assert "97 of 170 services" in _text(south)


@pytest.mark.slow
def test_the_directory_as_open_data(shipped_site: Path) -> None:
    data = check(SHIPPED).public
    total = sum(1 for pd in data.partnerships.values() for s in pd.services if s.offered)
    rows = list(csv.DictReader(io.StringIO(
        (shipped_site / "directory/services.csv").read_text(encoding="utf-8"))))  # fmt: skip
    assert len(rows) == total
    assert {r["partnership_id"] for r in rows} == set(data.partnerships)
    body = json.loads((shipped_site / "directory/services.json").read_text(encoding="utf-8"))
    assert len(body["services"]) == total
    assert all((shipped_site / r["url"] / "index.html").is_file() for r in rows)


@pytest.mark.slow
def test_the_national_feed_carries_news(shipped_site: Path) -> None:
    feed = json.loads((shipped_site / "feed.json").read_text(encoding="utf-8"))
    news = [i for i in feed["items"] if "News:" in i["title"]]
    assert news
    for item in news:  # relative to the national site, which names no address of its own
        assert item["url"].startswith("example/news/"), item["url"]
        assert (shipped_site / item["url"] / "index.html").is_file()


@pytest.mark.slow
def test_the_national_site_crawls_clean_and_its_error_page_too(shipped_site: Path) -> None:
    report = crawl(shipped_site)
    assert report.broken == []
    # The error page is served at any missing address, so it links from the root: each of
    # its links must lead to a page when the whole output is one site at that root.
    for page, root in [(shipped_site / "404.html", shipped_site)] + [
        (shipped_site / pid / "404.html", shipped_site / pid) for pid in REAL
    ]:  # each partnership's as if hosted on its own
        links = [h for h in read_page(page.read_text(encoding="utf-8")).links
                 if h.startswith("/") and not h.startswith("/assets/")]  # fmt: skip
        assert len(links) >= 3, page
        for href in links:
            path = href.split("#")[0].lstrip("/").removesuffix(".")
            target = root / path / "index.html" if not path or path.endswith("/") else root / path
            assert target.is_file(), f"{page.relative_to(shipped_site)}: {href} leads nowhere"


@pytest.mark.slow
def test_each_partnerships_site_hosted_on_its_own_crawls_clean(shipped_site: Path) -> None:
    """The other layout: each partnership's folder served as a site of its own, at its own
    address. No link may lead out of it (to the national pages beside it, say)."""
    sites = sorted(
        p for p in shipped_site.iterdir() if (p / "partnership" / "index.html").is_file()
    )
    assert len(sites) == 4
    for site in sites:
        report = crawl(site)
        assert report.pages > 50 and report.links > report.pages, site.name
        assert report.broken == [], site.name


def test_no_word_breaking_rule_reaches_a_name_on_the_national_pages() -> None:
    """Names broken mid-word ("Clackmannan shire") at phone width: no rule that breaks words
    anywhere may apply to the elements that hold the national pages' names."""
    css = re.sub(r"/\*.*?\*/", "", CSS.read_text(encoding="utf-8"), flags=re.S)
    assert css.count("{") == css.count("}")
    rule = re.compile(r"word-break:\s*break-all|overflow-wrap:\s*anywhere")
    breaking = [sel for sel, body in re.findall(r"([^{}]+)\{([^{}]*)\}", css) if rule.search(body)]
    names = ("plansite-card-title", "plansite-national", "plansite-cards", "plansite-card-facts",
             "plansite-table")  # fmt: skip
    for selector in breaking:
        assert not any(n in selector for n in names), selector
    national = (ROOT / "overrides/partials/plansite").glob("*.html")
    for template in national:
        if template.stem in ("national", "areas", "area", "directory", "directory-filter"):
            text = template.read_text(encoding="utf-8")
            assert "plansite-facts" not in text and "<table" not in text, template.name


@pytest.mark.slow
def test_a_card_made_once_for_many_pages_is_the_card_each_page_would_make(
    shipped_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The directory's cards are made once per depth of page; the national index is the same
    byte for byte as one whose every card is made on its page, and a term of the glossary is
    still spelled out the first time each page uses it."""
    from datetime import date

    from plansite.site.build import build_site
    from plansite.site.guard import finish
    from plansite.site.render import Renderer

    monkeypatch.setattr(Renderer, "kept_card", lambda self, macro, *args: macro(*args))
    fresh = tmp_path / "fresh"
    build_site(ROOT / "mkdocs.yml", SHIPPED, fresh, "", date.today())
    finish(fresh)  # each page's security policy, as in the published tree
    pages = sorted(p.relative_to(fresh) for p in fresh.rglob("*.html"))
    assert len([p for p in pages if p.parts[0] == "directory"]) > 10
    for page in pages:
        assert (shipped_site / page).read_bytes() == (fresh / page).read_bytes(), page
    spelled = [p for p in pages if p.parts[0] == "directory"
               and "<abbr title=" in (fresh / p).read_text(encoding="utf-8")]  # fmt: skip
    assert len(spelled) > 1  # a term used on several lists, spelled out on each
