"""Releases, the computed "what's changed" log, and its feeds."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest

from plansite.history.log import history
from plansite.validate import check
from tests.conftest import SHIPPED, CheckRun, copy_data, copy_minimal, edit, release
from tests.site_helpers import build

PS = "partnerships/sample"
ATOM = "{http://www.w3.org/2005/Atom}"
EXPECTED = [
    "Action 1.1.1, “Find out which services people use”, is now complete (was: in progress).",
    "The phone number of Family support changed from 01234 000000 to 01234 111111.",
    "Sample Council leaves the partnership: its membership ends March 2018.",
]


def second_release(root: Path) -> None:
    done = "      - date: 2017-09-01\n        status: complete\n"
    started = "        note: Mapping has started.\n"
    edit(root, f"{PS}/plans/sample-plan/actions.yaml", started, started + done)
    edit(root, f"{PS}/services.yaml", "phone: 01234 000000", "phone: 01234 111111")
    edit(
        root,
        f"{PS}/partnership.yaml",
        "    since: 2017-04\n",
        "    since: 2017-04\n    until: 2018-03\n",
    )
    assert release(root, "2017-10-01") == 0


@pytest.fixture(scope="module")
def released_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The minimal data with a second release; the log needs no site."""
    data = copy_minimal(tmp_path_factory.mktemp("history"))
    second_release(data)
    return data


@pytest.fixture(scope="module")
def released(released_data: Path) -> tuple[Path, Path]:
    out = released_data.parent / "site"
    build(released_data, out)
    return released_data, out


def test_the_log_has_exactly_the_changed_lines(released_data: Path) -> None:
    pd = check(released_data).data.partnerships["sample"]
    log = history(pd.releases)
    assert [c.text for c in log if c.release == 2] == EXPECTED
    assert [c.text for c in log if c.release == 1] == [
        "Release note: First publication.",
        "First published: Sample Community Justice Outcome Improvement Plan, with 2 actions, "
        "1 services and 1 partners.",
        "The first action started on time.",
    ]


@pytest.mark.slow
def test_the_lines_show_on_the_changes_page_and_the_items_own_pages(
    released: tuple[Path, Path],
) -> None:
    _, out = released
    site = out / "sample"
    changes = (site / "changes/index.html").read_text()
    for line in EXPECTED:
        assert line.replace("“", "&ldquo;") in changes or line in changes, line
    assert '<time datetime="2017-10-01">1 October 2017</time>' in changes
    assert EXPECTED[0] in (site / "actions/a1/index.html").read_text()
    assert EXPECTED[1] in (site / "services/family-support/index.html").read_text()
    assert EXPECTED[2] in (site / "partners/sample-council/index.html").read_text()
    action = (site / "actions/a1/index.html").read_text()
    assert 'Published</dt><dd><time datetime="2017-05-01">' in action
    assert 'Last updated</dt><dd><time datetime="2017-10-01">' in action


@pytest.mark.slow
def test_changes_can_be_narrowed_to_one_kind_without_javascript(
    released: tuple[Path, Path],
) -> None:
    _, out = released
    services = (out / "sample/changes/services/index.html").read_text()
    assert EXPECTED[1] in services
    assert EXPECTED[0] not in services


@pytest.mark.slow
def test_the_atom_feed_is_valid_and_carries_the_lines(released: tuple[Path, Path]) -> None:
    _, out = released
    feed = ET.parse(out / "sample/changes/feed.xml").getroot()  # noqa: S314 - our own output
    assert feed.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated", "author"):
        assert feed.find(f"{ATOM}{required}") is not None, required
    entries = feed.findall(f"{ATOM}entry")
    titles = [e.findtext(f"{ATOM}title") for e in entries]
    for line in EXPECTED:
        assert line in titles
    for e in entries:
        assert (e.findtext(f"{ATOM}id") or "").startswith("urn:uuid:")
        assert e.findtext(f"{ATOM}updated", "").endswith("T00:00:00Z")
    html = (out / "sample/index.html").read_text()
    assert 'rel="alternate" type="application/atom+xml"' in html


@pytest.mark.slow
def test_the_json_feed_is_valid_1_1(released: tuple[Path, Path]) -> None:
    _, out = released
    feed = json.loads((out / "sample/changes/feed.json").read_text())
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["title"] and isinstance(feed["items"], list)
    assert {i["title"] for i in feed["items"]} >= set(EXPECTED)
    for item in feed["items"]:
        assert item["id"] and (item.get("content_text") or item.get("content_html"))
    ids = [i["id"] for i in feed["items"]]
    assert len(ids) == len(set(ids))


@pytest.mark.slow
def test_entry_ids_are_stable_across_rebuilds(released: tuple[Path, Path], tmp_path: Path) -> None:
    data, out = released
    again = tmp_path / "again"
    build(data, again)
    for name in ("changes/feed.xml", "changes/feed.json", "changes/index.html"):
        assert (again / "sample" / name).read_bytes() == (out / "sample" / name).read_bytes()


@pytest.mark.slow
def test_a_build_with_unreleased_changes_marks_every_page_as_a_draft(
    released: tuple[Path, Path], tmp_path: Path
) -> None:
    data, out = released
    assert not [p for p in out.rglob("*.html") if "plansite-draft" in p.read_text()]
    edited = copy_data(tmp_path, data)
    edit(edited, f"{PS}/services.yaml", "phone: 01234 111111", "phone: 01234 222222")
    site = tmp_path / "site"
    build(edited, site)
    pages = sorted(site.rglob("*.html"))
    unmarked = [p for p in pages if "Draft: not yet released" not in p.read_text()]
    # Only the pages that forward an old address to a new one, which nobody reads, are bare.
    assert all('<meta http-equiv="refresh"' in p.read_text() for p in unmarked), unmarked
    changes = (site / "sample/changes/index.html").read_text()
    assert "Not yet published" in changes
    assert "changed from 01234 111111 to 01234 222222" in changes
    service = (site / "sample/services/family-support/index.html").read_text()
    assert "<strong>Not yet published:</strong> The phone number of Family support" in service
    national = (site / "index.html").read_text()
    assert "not yet released by: Sample Community Justice Partnership" in national
    for feed in ("feed.xml", "feed.json"):  # feeds only ever carry released changes
        assert "01234 222222" not in (site / "sample/changes" / feed).read_text()
        assert "01234 222222" not in (site / feed).read_text()


def test_deleting_an_earlier_release_is_refused(
    released_data: Path, tmp_path: Path, run_check: Callable[..., CheckRun]
) -> None:
    copy = copy_data(tmp_path, released_data)
    (copy / f"{PS}/releases/0001-2017-05-01.json").unlink()
    result = run_check(copy)
    assert result.code == 1
    assert f"data/{PS}/releases/0002-2017-10-01.json:1:1: [release-tampered]" in result.err
    assert "a release before it is missing" in result.err


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda t: t.replace("The first action started on time.", "Rewritten."), "has been edited"),
        # What a note is about, or its date, is published as much as its words.
        (lambda t: t.replace('["action:a1"]', '["action:a2"]'), "has been edited"),
        (lambda t: t.replace("date: 2017-05-01", "date: 2017-04-30"), "has been edited"),
        (lambda t: "notes: []\n", "has been deleted"),
    ],
    ids=["words", "about", "date", "deleted"],
)
def test_editing_or_deleting_a_published_note_is_refused(
    change: Callable[[str], str], message: str, tmp_path: Path, run_check: Callable[..., CheckRun]
) -> None:
    data = copy_minimal(tmp_path)
    notes = data / f"{PS}/changes.yaml"
    notes.write_text(change(notes.read_text()))
    result = run_check(data)
    assert result.code == 1
    assert "[release-tampered]" in result.err
    assert f"change note 'first-note' was published in release 1 and {message}" in result.err


def test_a_release_is_refused_when_nothing_changed(tmp_path: Path) -> None:
    data = copy_minimal(tmp_path)
    assert release(data, "2018-01-01") == 1
    assert len(list((data / f"{PS}/releases").glob("0*.json"))) == 1


def test_the_example_partnership_shows_every_kind_of_change() -> None:
    pd = check(SHIPPED).data.partnerships["example"]
    assert pd.partnership.fictional
    assert len(pd.releases) >= 4
    text = "\n".join(c.text for c in history(pd.releases))
    for fragment in [
        "is now complete (was: in progress)",  # action status
        "is now due",  # timescale moved
        "is now led by",  # lead changed
        "New service:",  # service opened
        "is now paused",  # service paused
        "is now closed",  # service closed
        "now runs in",  # service moved
        "The phone number of",  # contact details changed
        "joined the partnership",  # membership began
        "leaves the partnership",  # membership ended
        "New figure for",  # indicator figure
        "is now approved (was: draft)",  # plan status
        "was removed from the plan",  # item removed
        "has a new web address",  # item renamed
        "New: Action",  # item added
    ]:
        assert fragment in text, fragment
