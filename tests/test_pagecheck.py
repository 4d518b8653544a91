"""The last checks read each built page once: what they must find in it."""

from __future__ import annotations

from pathlib import Path

import pytest

from plansite.site import guard
from plansite.site.crawl import Tree, check_links, check_outside, crawl
from plansite.site.guard import Finished
from plansite.site.pagecheck import PageFacts, read_page, script_hash

PAGE = """<!doctype html><html><head><meta charset="utf-8">
<script>var a = 1 < 2;</script><script type="application/ld+json">{"a": 1}</script>
<script id="__config" type="application/json">{"b": 2}</script></head>
<body><H2 ONCLICK="x()" id="top">x</H2><!-- <a href="javascript:hidden"> -->
<svg><a xlink:href="javascript:alert(1)">y</a></svg>
<a href=" JaVaScript:void(0)" id="top">z</a><img src="//elsewhere.example/x.png">
<script src="https://elsewhere.example/x.js"></script><a name="here" href="#top">q</a>
</body></html>"""


def test_one_reading_finds_ids_links_scripts_and_anything_unsafe() -> None:
    facts = read_page(PAGE)
    assert facts.ids == {"__config", "top", "here"} and facts.duplicate_ids == {"top"}
    assert facts.links == [
        " JaVaScript:void(0)", "//elsewhere.example/x.png",
        "https://elsewhere.example/x.js", "#top",
    ]  # fmt: skip
    assert facts.unsafe == [
        "<h2 onclick=…>: an event-handler attribute",
        "<a xlink:href='javascript:alert(1)'>: a script URL",
        "<a href=' JaVaScript:void(0)'>: a script URL",
        "<script src='https://elsewhere.example/x.js'>: a script from another site",
    ]
    # Only the script the browser runs needs a hash in the policy; JSON blocks do not run.
    assert facts.scripts == {script_hash("var a = 1 < 2;")}


def test_links_are_checked_against_the_files_and_anchors_of_the_tree(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text(
        '<a href="a/">ok</a> <a href="a/#x">ok</a> <a href="a/#y">no anchor</a> '
        '<a href="b/">nothing</a> <a href="../out/">outside</a> <a href="/abs/">absolute</a> '
        '<a href="mailto:x@example.org">mail</a> <a href="https://example.org/">away</a>'
    )
    (tmp_path / "a" / "index.html").write_text('<h2 id="x">x</h2><a href="../">up</a>')
    report = crawl(tmp_path)
    assert report.pages == 2 and report.links == 7
    assert sorted(report.broken) == [
        "index.html: link '../out/' points at nothing",
        "index.html: link '/abs/' points at nothing",
        "index.html: link 'a/#y' has no anchor #y",
        "index.html: link 'b/' points at nothing",
    ]


def test_the_national_index_leaves_its_links_into_sites_beside_it_for_later(
    tmp_path: Path,
) -> None:
    """Built on its own, its links into the partnerships' sites (folders it does not have)
    are set aside, and checked once every site is beside it; a link into one of its own
    folders is checked at once."""
    national = tmp_path / "national"
    (national / "directory").mkdir(parents=True)
    (national / "index.html").write_text(
        '<a href="directory/">ok</a> <a href="directory/gone/">own, missing</a> '
        '<a href="sample/">a site</a> <a href="sample/services/#x">a site, an anchor</a> '
        '<a href="no-site/">no such site</a>'
    )
    (national / "directory/index.html").write_text('<a href="../sample/">a site</a>')
    pages = {rel: read_page((national / rel).read_text()) for rel in Tree.read(national).html()}
    report = check_links(Tree.read(national), pages, beside=True)
    assert report.broken == ["index.html: link 'directory/gone/' points at nothing"]
    assert sorted(target for _, _, target in report.outside) == [
        "no-site/index.html",
        "sample/index.html",
        "sample/index.html",
        "sample/services/index.html",
    ]
    # Every site in place: the national index's files at the top, the partnership beside.
    (national / "sample/services").mkdir(parents=True)
    (national / "sample/index.html").write_text("<p>sample</p>")
    (national / "sample/services/index.html").write_text('<h2 id="x">x</h2>')
    assert check_outside(national, Tree.read(national).files, report.outside) == [
        "index.html: link 'no-site/' points at nothing"
    ]


def test_a_page_of_the_same_bytes_as_one_checked_before_is_not_parsed_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the last build found in a page is found again in a page of the same bytes, and
    stops the build the same; a page changed since is read afresh."""
    monkeypatch.setenv("PLANSITE_CACHE_DIR", str(tmp_path / "cache"))
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "index.html").write_text(PAGE)
    (site / "a/index.html").write_text('<meta charset="utf-8"><a href="../">up</a>')
    parsed: list[str] = []

    def counted(html: str) -> PageFacts:
        parsed.append(html)
        return read_page(html)

    monkeypatch.setattr(guard, "read_page", counted)

    def checked() -> Finished:
        kept = guard.kept_facts(site)
        done = guard.finish(site, kept=kept)
        kept.save()
        return done

    def written() -> None:  # as built: before the policy is written into each page
        (site / "index.html").write_text(PAGE)
        (site / "a/index.html").write_text(f'<meta charset="utf-8"><a href="../">{label}</a>')

    label = "up"
    first = checked()
    assert len(parsed) == 2 and len(first.unsafe) == 4
    written()
    again = checked()
    assert len(parsed) == 2  # nothing parsed again
    assert (again.unsafe, again.scripts, again.crawl) == (first.unsafe, first.scripts, first.crawl)
    assert "Content-Security-Policy" in (site / "index.html").read_text()
    label = "back up"
    written()
    checked()
    assert parsed[2:] == ['<meta charset="utf-8"><a href="../">back up</a>']
