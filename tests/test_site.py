"""The built websites: every page where the contract says, links that work, semantic HTML,
and nothing fetched from elsewhere. Hostile data is the subject of ``test_injection``."""

from __future__ import annotations

import html
import itertools
import json
import re
from pathlib import Path

import pytest

from plansite.load.loader import load
from plansite.site.crawl import crawl
from tests.conftest import MINIMAL, SHIPPED, copy_minimal, edit
from tests.site_helpers import build, pages, tree_hash


def test_every_partnership_and_the_national_index_are_built(shipped_site: Path) -> None:
    data, _ = load(SHIPPED)
    assert (shipped_site / "index.html").is_file()
    index = (shipped_site / "index.html").read_text()
    for pid, pd in data.partnerships.items():
        assert (shipped_site / pid / "index.html").is_file()
        assert f'href="{pid}/"' in index
        assert pd.partnership.name.split()[0] in index


def test_every_counted_item_has_its_page(shipped_site: Path) -> None:
    data, _ = load(SHIPPED)
    for pid, pd in data.partnerships.items():
        site = shipped_site / pid
        expected = ["", "plan/", "outcomes/", "partners/", "services/", "participation/",
                    "glossary/", "accessibility/", "changes/"]  # fmt: skip
        for plan in pd.plans.values():
            if len(pd.plans) > 1 and plan.plan.id != pd.partnership.current_plan:
                # Another plan of the partnership: one page keeps all of it.
                expected.append(f"plans/{plan.plan.id}/")
                continue
            expected += [f"actions/{a.id}/" for a in plan.actions]
            outcome_levels = {lv.id for lv in plan.plan.levels if lv.outcome}
            expected += [f"outcomes/{n.id}/" for n in plan.plan.nodes if n.level in outcome_levels]
        expected += [f"services/{s.id}/" for s in pd.services]
        expected += [f"partners/{m.organisation}/" for m in pd.partnership.memberships]
        missing = [url for url in expected if not (site / url / "index.html").is_file()]
        assert not missing, f"{pid}: no page at {missing[:10]}"


def test_national_outcomes_used_by_a_plan_have_pages(shipped_site: Path) -> None:
    page = shipped_site / "west-dunbartonshire/outcomes/cj-common-outcomes-2016/access-to-services"
    assert (page / "index.html").is_file()


def test_no_broken_internal_links_or_fragments(shipped_site: Path) -> None:
    report = crawl(shipped_site)
    # Every page was read (error pages are not crawled: they are shown at any address).
    html = [p for p in shipped_site.rglob("*.html") if p.name != "404.html"]
    assert report.pages == len(html) > 500 and report.links > 10_000
    assert report.broken == []


def test_pages_are_semantic(shipped_site: Path) -> None:
    for path, page in pages(shipped_site):
        rel = path.relative_to(shipped_site).as_posix()
        # A page in Gaelic says so; one that only forwards to a new address is in English.
        forwards = any(t == "meta" and v.get("http-equiv") == "refresh" for t, v in page.tags)
        gaelic = rel.startswith("example/gd/") and not forwards
        assert page.html_lang == ("gd" if gaelic else "en-GB"), rel
        if rel.endswith("404.html"):
            continue
        assert page.count("h1") == 1, f"{rel}: {page.count('h1')} h1 elements"
        levels = [int(t[1]) for t, _ in page.tags if re.fullmatch(r"h[1-6]", t)]
        skipped = [(a, b) for a, b in itertools.pairwise(levels) if b > a + 1]
        assert not skipped, f"{rel}: heading levels skip {skipped}"
        tables = page.count("table")
        assert page.count("caption") == tables, f"{rel}: a table without a caption"
        for tag, name, value in page.attrs():
            if tag == "th" and name == "scope":
                assert value in ("col", "row"), rel


FETCHED_LINKS = {"stylesheet", "icon", "preload", "modulepreload", "manifest", "prefetch"}


def test_no_page_requests_anything_from_another_site(shipped_site: Path) -> None:
    for path, page in pages(shipped_site):
        for tag, values in page.tags:
            fetched = {"script": "src", "img": "src", "iframe": "src", "source": "src"}.get(tag)
            if tag == "link" and set((values.get("rel") or "").split()) & FETCHED_LINKS:
                fetched = "href"
            value = values.get(fetched or "") or ""
            assert not re.match(r"(https?:)?//", value), f"{path}: {tag} {value}"
    for css in shipped_site.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        assert not re.search(
            r"@import\s+url\(\s*['\"]?(https?:)?//|url\(\s*['\"]?(https?:)?//", text
        ), css


def test_status_is_always_in_words(shipped_site: Path) -> None:
    html = (shipped_site / "clackmannanshire/actions/a1-1/index.html").read_text()
    assert "No progress has been reported yet" in html
    assert 'Due <time datetime="2017-11">November 2017</time>' in html


def test_missing_facts_are_said_not_left_blank(shipped_site: Path) -> None:
    # Said once, with somewhere to ask: the partnership's own contact details.
    html = (shipped_site / "south-lanarkshire/services/bail-supervision/index.html").read_text()
    assert html.count("The plan gives no way to contact this service.") == 1
    assert '<a href="../../#contact">Ask the partnership</a>' in html
    assert html.count("Not stated in the plan") <= 2  # status and provider, in the record


def test_a_service_page_leads_with_how_to_get_the_help(shipped_site: Path) -> None:
    # No contact of its own: its provider's public contact routes, from the register.
    html = (shipped_site / "south-lanarkshire/services/womens-hubs/index.html").read_text()
    body = html[html.index('class="plansite-page"') :]
    assert body.index('id="get-help"') < body.index('id="in-the-plan"')
    assert (
        "The plan gives no contact details for this group. Its provider can be reached here:"
        in body
    )
    assert '<a href="https://www.sacro.org.uk/" rel="noopener noreferrer">' in body


def test_a_failed_build_leaves_the_published_output_as_it_was(
    shipped_site: Path, tmp_path: Path
) -> None:
    out = tmp_path / "site"
    build(MINIMAL, out)
    before = tree_hash(out)
    broken = copy_minimal(tmp_path)
    edit(broken, "partnerships/sample/services.yaml", "kind: service", "kind: servce")
    from plansite.site.build import BuildError

    with pytest.raises(BuildError, match=r"services.yaml:4:11: \[value-not-allowed\]"):
        build(broken, out)
    assert tree_hash(out) == before


def test_the_guide_for_editors_is_out_of_residents_search(shipped_site: Path) -> None:
    # A resident searching for help must not get YAML examples; the guide is still published.
    for pid in ("example", "clackmannanshire"):
        assert (shipped_site / pid / "guide/plan-shapes/index.html").is_file()
        index = json.loads((shipped_site / pid / "search/search_index.json").read_text())
        locations = [doc["location"] for doc in index["docs"]]
        assert any(loc.startswith("services/") for loc in locations)
        assert not [loc for loc in locations if loc.startswith("guide/")], pid


def test_every_page_in_search_has_a_summary(shipped_site: Path) -> None:
    """A result leads with the page's heading and opening words, never an empty line, and the
    example's notice (on every page of it) is not what every result says."""
    for pid in ("example", "clackmannanshire"):
        docs = json.loads((shipped_site / pid / "search/search_index.json").read_text())["docs"]
        own = {d["location"]: d for d in docs if "#" not in d["location"]}
        assert {"", "services/", "plan/", "glossary/"} <= set(own)
        assert [loc for loc, d in own.items() if not d["text"].strip()] == [], pid
        # The first section is said by the page's own entry, not twice.
        assert not [d for d in docs if d["location"].endswith("#main-heading")], pid
        assert not [d for d in docs if "Example only" in d["text"]], pid
        # Breadcrumbs are links to pages of their own, not what a page says.
        assert not [d for d in docs if d["text"].startswith("<ol> <li>Home</li>")], pid
    docs = json.loads((shipped_site / "example/search/search_index.json").read_text())["docs"]
    services = next(d for d in docs if d["location"] == "services/")
    assert services["title"] == "Services and support"
    assert services["text"].startswith("<p>Services, projects and programmes named in the plan.")
    # A post's summary is what it says, not the way to the next post.
    post = next(d for d in docs if d["location"] == "news/earlier-plan-online/")
    assert post["text"].startswith("<p>Published 5 December 2026 by the Communications Officer.")


def test_a_list_of_part_of_what_another_page_lists_is_found_by_its_title_alone(
    shipped_site: Path,
) -> None:
    """A service is found once, on its own page and in the full list, not again in every list
    narrowed to one need, place or group that it is in; each narrowed list is found by its
    title and description."""
    sites = {"example/": "services/help/", "": "directory/help/"}
    for site, narrowed in sites.items():
        docs = json.loads((shipped_site / site / "search/search_index.json").read_text())["docs"]
        lists = [d for d in docs if d["location"].startswith(narrowed)]
        pages = {p.parent.relative_to(shipped_site / site).as_posix() + "/"
                 for p in (shipped_site / site / narrowed).glob("*/index.html")}  # fmt: skip
        assert pages and {d["location"] for d in lists} == pages, site
        for entry in lists:
            assert "<li>" not in entry["text"] and entry["text"].startswith("<p>"), entry
            assert entry["title"] and len(entry["text"]) > len("<p></p>"), entry
    docs = json.loads((shipped_site / "example/search/search_index.json").read_text())["docs"]
    assert any(d["location"].startswith("services/") and "<li>" in d["text"] for d in docs)
    [housing] = [d for d in docs if d["location"].startswith("services/help/housing/")]
    assert housing["title"] == "Services: Housing and homelessness"
    page = (shipped_site / "example/services/help/housing/index.html").read_text()
    said = re.search(r'<meta name="description" content="([^"]*)"', page)
    assert said and html.unescape(housing["text"]) == f"<p>{html.unescape(said[1])}</p>"


def test_the_national_search_finds_each_service_at_its_own_page(shipped_site: Path) -> None:
    """The national directory lists every service: a search finds each one, leading to its
    page on its partnership's site, rather than one entry holding the whole list."""
    docs = json.loads((shipped_site / "search/search_index.json").read_text())["docs"]
    listed = json.loads((shipped_site / "directory/services.json").read_text())["services"]
    entries: dict[str, list[dict[str, str]]] = {}
    for listing in listed:
        entries.setdefault(listing["directory_entry"], []).append(listing)
    found = {d["location"]: d for d in docs}
    for key, listings in entries.items():
        [here] = [u for u in (li["url"] for li in listings) if u in found]  # once, at one page
        assert (shipped_site / here / "index.html").is_file(), here
        assert html.unescape(found[here]["title"]).startswith(listings[0]["service"]), key
        assert html.unescape(listings[0]["summary"]) in html.unescape(found[here]["text"]), key
    directory = [d for d in docs if d["location"].startswith("directory/")]
    assert directory and not [d for d in directory if "<li>" in d["text"]]
    assert found["directory/"]["title"] == "Find a service anywhere in Scotland"
