"""A record people can trust: values marked not public never reach a published byte, and no
loss of recorded history goes unnoticed."""

from __future__ import annotations

import contextlib
import gzip
import html
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser

from plansite.cli import main
from plansite.site.build import BuildError
from plansite.validate import check
from tests.browser_helpers import serve
from tests.conftest import SHIPPED, CheckRun, copy_data, copy_minimal, edit, edit_file, release
from tests.site_helpers import build, tree_hash
from tests.test_accessibility import AXE_JS, axe, describe
from tests.test_history import PS, second_release

# Kept-back values of every kind, planted in a copy of the minimal data set.
# ruff: noqa: S105 - these are texts kept back from publishing, not passwords
SECRET_NAME = "Morag Quillfeather"
SECRET_PHONE = "01632 960999"
SECRET_NOTE = "Door code is 4417, ring twice"
SECRET_PROGRESS = "Delayed because the lead officer is on sick leave"
SECRET_PARTICIPANT = "Hamish Obbleworth"
SECRETS = [SECRET_NAME, SECRET_PHONE, SECRET_NOTE, SECRET_PROGRESS, SECRET_PARTICIPANT]


def plant_secrets(root: Path) -> None:
    edit(
        root,
        f"{PS}/partnership.yaml",
        "    email: justice@sample.example.org\n",
        "    email: justice@sample.example.org\n"
        f"    phone: {SECRET_PHONE}\n"
        f"    note: {SECRET_NOTE}\n"
        "    not_public: [phone, note]\n"
        "    person:\n"
        "      role: Community justice coordinator\n"
        f"      name: {SECRET_NAME}\n"
        "      public: false\n",
    )
    edit(
        root,
        f"{PS}/plans/sample-plan/actions.yaml",
        "        note: Mapping has started.\n",
        "        note: Mapping has started.\n"
        "      - date: 2017-07-01\n"
        "        status: delayed\n"
        f"        note: {SECRET_PROGRESS}\n"
        "        not_public: [note]\n",
    )
    edit(
        root,
        f"{PS}/plans/sample-plan/participation.yaml",
        "    result: Priorities were agreed.\n",
        "    result: Priorities were agreed.\n"
        "    people:\n"
        "      - role: Facilitator\n"
        f"        name: {SECRET_PARTICIPANT}\n",  # public is false unless said
    )


def published_text(path: Path) -> str:
    """A file as any reader could read it: decoded entities, JSON escapes, compression.
    Written apart from the build's own scan, so that the two check each other."""
    raw = path.read_bytes()
    if raw[:2] == b"\x1f\x8b":
        raw = gzip.decompress(raw)
    text = raw.decode("utf-8", errors="replace")
    readings = [text, html.unescape(text)]
    with contextlib.suppress(ValueError):  # not JSON: read as text only
        readings.append(json.dumps(json.loads(text), ensure_ascii=False))
    return " ".join(" ".join(r.split()) for r in readings).casefold()


def hits(root: Path, secrets: list[str]) -> list[tuple[str, str]]:
    found = []
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        text = published_text(path)
        found += [(path.relative_to(root).as_posix(), s) for s in secrets
                  if " ".join(s.split()).casefold() in text]  # fmt: skip
    return found


def committed_release_files(data: Path) -> Iterator[Path]:
    yield from data.glob("partnerships/*/releases/*")


@pytest.fixture(scope="module")
def secret_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The minimal data with values marked not public, released; no site yet."""
    data = copy_minimal(tmp_path_factory.mktemp("secrets"))
    plant_secrets(data)
    assert release(data, "2017-08-01") == 0
    return data


@pytest.fixture(scope="module")
def secret_site(secret_data: Path) -> tuple[Path, Path]:
    out = secret_data.parent / "site"
    build(secret_data, out)
    return secret_data, out


def test_the_planted_values_are_what_the_data_marks_not_public(secret_data: Path) -> None:
    assert set(SECRETS) <= check(secret_data).private


@pytest.mark.slow
def test_no_output_of_a_site_holds_a_value_marked_not_public(
    secret_site: tuple[Path, Path],
) -> None:
    _, out = secret_site
    files = [p for p in out.rglob("*") if p.is_file()]
    kinds = {p.suffix for p in files}
    assert {".html", ".json", ".csv", ".xml"} <= kinds  # pages, data, feeds, sitemap
    assert (out / "sample/search/search_index.json").is_file()
    assert hits(out, SECRETS) == []
    # What is not marked stays published: the contact's email, the update's date and status.
    home = (out / "sample/index.html").read_text()
    assert "justice@sample.example.org" in home
    assert "Community justice coordinator" in home


def test_release_files_hold_only_what_may_be_published(secret_data: Path) -> None:
    releases = list(committed_release_files(secret_data))
    assert len(releases) == 3  # two releases and the record of the newest
    for path in releases:
        text = published_text(path)
        assert [s for s in SECRETS if s.casefold() in text] == [], path.name
    # ...while the progress update itself, its date and status, was released.
    newest = json.loads(sorted(releases)[-2].read_text())
    updates = newest["snapshot"]["plans"]["sample-plan"]["actions"]["actions"][0]["updates"]
    assert updates[-1] == {"date": "2017-07-01", "status": "delayed", "not_public": ["note"]}


def test_no_output_of_any_shipped_site_holds_a_value_marked_not_public(
    shipped_site: Path,
) -> None:
    private = sorted(check(SHIPPED).private)
    assert "Cherie Jarvie" in private  # the shipped data does mark names as not public
    assert hits(shipped_site, private) == []
    for path in committed_release_files(SHIPPED):
        text = published_text(path)
        assert [s for s in private if s.casefold() in text] == [], path


@pytest.mark.slow
def test_a_kept_back_value_written_in_published_text_stops_the_build(
    secret_data: Path, tmp_path: Path
) -> None:
    copy = copy_data(tmp_path, secret_data)
    site = tmp_path / "site"
    build(copy, site)  # a good build to protect
    before = tree_hash(site)
    edit(copy, f"{PS}/services.yaml", "Runs **weekly**", f"Ask {SECRET_NAME}. Runs **weekly**")
    with pytest.raises(BuildError, match="contain a value marked not public") as refused:
        build(copy, site)
    assert SECRET_NAME not in str(refused.value)  # the message does not repeat it
    assert "sample/services/" in str(refused.value)
    assert tree_hash(site) == before


def test_a_release_written_before_values_were_kept_back_is_refused_until_resealed(
    tmp_path: Path, run_check: Callable[..., CheckRun], capsys: pytest.CaptureFixture[str]
) -> None:
    data = copy_minimal(tmp_path)
    release = data / f"{PS}/releases/0001-2017-05-01.json"
    body = json.loads(release.read_text())
    contact = body["snapshot"]["partnership"]["contacts"][0]
    contact["person"] = {"role": "Coordinator", "name": SECRET_NAME, "public": False}
    _sign(body)
    release.write_text(json.dumps(body, indent=1, sort_keys=True) + "\n")
    _record_newest(data, body)
    result = run_check(data)
    assert result.code == 1
    assert "[release-tampered]" in result.err and "1 value(s) marked not public" in result.err
    assert main(["reseal", "--data", str(data), "--partnership", "sample"]) == 0
    assert "0001-2017-05-01.json" in capsys.readouterr().out
    assert SECRET_NAME not in release.read_text()
    assert run_check(data).code == 0


def test_resealing_never_launders_a_changed_release(tmp_path: Path) -> None:
    data = copy_minimal(tmp_path)
    second_release(data)
    first = data / f"{PS}/releases/0001-2017-05-01.json"
    edit_file(first, "Sample Council", "Sampled Council", count=None, first=True)
    before = tree_hash(data)
    assert main(["reseal", "--data", str(data), "--partnership", "sample"]) == 1
    assert tree_hash(data) == before


def _sign(body: dict[str, Any]) -> None:
    from plansite.history.store import checksum

    body["checksum"] = checksum(body)


def _record_newest(data: Path, body: dict[str, Any]) -> None:
    latest = data / f"{PS}/releases/latest.json"
    record = {"number": body["number"], "date": body["date"], "checksum": body["checksum"]}
    latest.write_text(json.dumps(record))


# --- Recorded history cannot be lost quietly ----------------------------------------------


@pytest.fixture
def two_releases(tmp_path: Path) -> Path:
    data = copy_minimal(tmp_path)
    second_release(data)
    return data


FIRST = f"{PS}/releases/0001-2017-05-01.json"
NEWEST = f"{PS}/releases/0002-2017-10-01.json"
LATEST = f"{PS}/releases/latest.json"


def _delete(path: Path) -> None:
    path.unlink()


def _truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def _edit_value(path: Path) -> None:
    edit_file(path, '"phone": "01234 ', '"phone": "09999 ', count=None, first=True)


def _empty(path: Path) -> None:
    path.write_text("")


TAMPERING = [
    (NEWEST, _delete, "release 0002 is missing: the newest release recorded is number 0002"),
    (NEWEST, _truncate, "the release cannot be read"),
    (NEWEST, _edit_value, "the release was changed after it was published"),
    (FIRST, _edit_value, "the release was changed after it was published"),
    (FIRST, _delete, "a release before it is missing"),
    (LATEST, _delete, "the record of the newest release is missing"),
    (LATEST, _empty, "cannot be read as the record of the newest release"),
]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("rel", "damage", "message"),
    TAMPERING,
    ids=[f"{r.rsplit('/')[-1]}-{d.__name__[1:]}" for r, d, _ in TAMPERING],
)
def test_damage_to_any_release_file_fails_check_and_build(
    two_releases: Path,
    tmp_path: Path,
    run_check: Callable[..., CheckRun],
    rel: str,
    damage: Callable[[Path], None],
    message: str,
) -> None:
    site = tmp_path / "site"
    build(two_releases, site, only="sample")
    before = tree_hash(site)
    damage(two_releases / rel)
    result = run_check(two_releases)
    assert result.code == 1, result.text
    assert f"/{PS}/releases/" in result.err and "[release-tampered]" in result.err
    assert message in result.err
    with pytest.raises(BuildError):
        build(two_releases, site, only="sample")
    assert tree_hash(site) == before


def test_reordered_releases_are_refused(
    two_releases: Path, run_check: Callable[..., CheckRun]
) -> None:
    folder = two_releases / PS / "releases"
    first, second = folder / "0001-2017-05-01.json", folder / "0002-2017-10-01.json"
    first.rename(folder / "swap")
    second.rename(folder / "0001-2017-10-01.json")
    (folder / "swap").rename(folder / "0002-2017-05-01.json")
    result = run_check(two_releases)
    assert result.code == 1
    assert "[release-tampered]" in result.err


def test_an_earlier_release_rewritten_with_a_fresh_checksum_is_refused(
    two_releases: Path, run_check: Callable[..., CheckRun]
) -> None:
    # The rewritten file is whole again, but the release after it names the old one.
    first = two_releases / FIRST
    body = json.loads(first.read_text())
    body["snapshot"]["partnership"]["name"] = "Rewritten Partnership"
    _sign(body)
    first.write_text(json.dumps(body, indent=1, sort_keys=True) + "\n")
    result = run_check(two_releases)
    assert result.code == 1
    assert (
        f"data/{NEWEST}:1:1: [release-tampered] the release before this one was changed or replaced"
    ) in result.err


@pytest.mark.slow
def test_a_newest_release_removed_with_its_record_is_caught_by_the_published_site(
    two_releases: Path, tmp_path: Path, run_check: Callable[..., CheckRun]
) -> None:
    site = tmp_path / "site"
    build(two_releases, site)
    published = json.loads((site / "sample/data/releases.json").read_text())["releases"]
    assert [r["number"] for r in published] == [1, 2]
    before = tree_hash(site)
    # The whole folder put back as it was after release 1: the files agree with each other.
    (two_releases / NEWEST).unlink()
    first = json.loads((two_releases / FIRST).read_text())
    _record_newest(two_releases, first)
    assert run_check(two_releases).code == 0
    with pytest.raises(BuildError, match=r"shows release 0002 of 2017-10-01 \(checksum"):
        build(two_releases, site)
    assert tree_hash(site) == before


def test_plansite_release_keeps_the_record_of_the_newest_release(two_releases: Path) -> None:
    record = json.loads((two_releases / LATEST).read_text())
    newest = json.loads((two_releases / NEWEST).read_text())
    assert record == {"number": 2, "date": "2017-10-01", "checksum": newest["checksum"]}
    assert sorted(p.name for p in (two_releases / PS / "releases").iterdir()) == [
        "0001-2017-05-01.json",
        "0002-2017-10-01.json",
        "latest.json",
    ]


# --- Items keep their history through renames, merges and splits ------------------------


def _history_of(page: Path) -> str:
    """The words of a page's history section."""
    text = page.read_text()
    text = text[text.index('id="history"') : text.index("</article>")]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", text)).split())


@pytest.mark.slow
def test_a_renamed_merged_or_split_item_keeps_its_first_publication_and_history(
    two_releases: Path, tmp_path: Path
) -> None:
    actions = f"{PS}/plans/sample-plan/actions.yaml"
    # Release 3: a1 renamed; the service split in two; a2 and a new action merged later.
    edit(two_releases, actions, "  - id: a1\n", "  - id: map-services\n    former_ids: [a1]\n")
    services = two_releases / f"{PS}/services.yaml"
    text = services.read_text()
    first = text.split("\n", 1)[1]  # the one service, as a list item
    split = first.replace("id: family-support", "id: family-support-north\n    former_ids: "
                          "[family-support]").replace("name: Family support", "name: Family "
                          "support (north)")  # fmt: skip
    other = first.replace("id: family-support", "id: family-support-south\n    former_ids: "
                          "[family-support]").replace("name: Family support", "name: Family "
                          "support (south)")  # fmt: skip
    services.write_text("services:\n" + split + other)
    edit(two_releases, actions, "services: [family-support]", "services: [family-support-north]")
    assert release(two_releases, "2018-02-01") == 0
    edit(
        two_releases,
        actions,
        "  - id: a2\n",
        "  - id: directory-and-map\n    former_ids: [a2, map-services]\n",
    )
    text = (two_releases / actions).read_text()
    start = text.index("  - id: map-services")
    end = text.index("  - id: directory-and-map")
    (two_releases / actions).write_text(text[:start] + text[end:])
    assert release(two_releases, "2018-06-01") == 0
    site = tmp_path / "site"
    build(two_releases, site, only="sample")
    out = site / "sample"

    merged = _history_of(out / "actions/directory-and-map/index.html")
    assert "Published 1 May 2017" in merged  # a2 and a1 were both first published then
    assert "is now complete (was: in progress)" in merged  # a1's change in release 2
    assert "has a new web address" in merged
    assert "Last updated 1 June 2018" in merged
    for half in ("north", "south"):
        page = _history_of(out / f"services/family-support-{half}/index.html")
        assert "Published 1 May 2017" in page, half
        assert "changed from 01234 000000 to 01234 111111" in page, half
    # Old addresses lead on; the feed carries each change exactly once.
    feed = json.loads((out / "changes/feed.json").read_text())
    texts = [entry["title"] for entry in feed["items"]]
    assert len(texts) == len(set(texts))
    assert sum("is now complete" in t for t in texts) == 1
    assert (out / "actions/a1/index.html").is_file()


@pytest.mark.slow
def test_release_notes_are_shown_on_the_changes_page_and_in_both_feeds(
    secret_site: tuple[Path, Path],
) -> None:
    _, out = secret_site
    note = "Release note: First publication."
    assert note in html.unescape((out / "sample/changes/index.html").read_text())
    atom = (out / "sample/changes/feed.xml").read_text()
    assert f"<title>{note}</title>" in atom
    items = json.loads((out / "sample/changes/feed.json").read_text())["items"]
    assert [i["date_published"][:10] for i in items if i["title"] == note] == ["2017-05-01"]
    releases = json.loads((out / "sample/data/releases.json").read_text())["releases"]
    assert [r["note"] for r in releases] == ["First publication.", None]


# --- Drafts are marked, in a real browser -------------------------------------------------


@pytest.fixture(scope="module")
def draft_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    base = tmp_path_factory.mktemp("draft")
    data = copy_minimal(base)
    edit(data, f"{PS}/services.yaml", "phone: 01234 000000", "phone: 01234 333333")
    out = base / "site"
    build(data, out)
    with serve(out) as url:
        yield url


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [320, 1280])
@pytest.mark.parametrize("path", ["sample/", "sample/services/family-support/", ""])
def test_a_draft_is_marked_visibly_on_every_page_and_passes_axe(
    browser: Browser, draft_site: str, path: str, width: int, scheme: str
) -> None:
    ctx = browser.new_context(viewport={"width": width, "height": 800}, color_scheme=scheme)
    ctx.add_init_script(AXE_JS)
    page = ctx.new_page()
    page.goto(f"{draft_site}/{path}")
    notice = page.locator(".plansite-draft")
    assert notice.is_visible()
    assert notice.inner_text().startswith("Draft: not yet released.")
    box = notice.bounding_box()
    assert box is not None and box["y"] < 400 and box["x"] >= 0
    assert box["x"] + box["width"] <= width
    if path == "sample/":  # the notice leads to the list of what is not yet released
        notice.get_by_role("link").click()
        page.wait_for_url("**/changes/#pending")
        assert page.locator("#pending").is_visible()
        assert "01234 333333" in page.locator(".plansite-pending").inner_text()
        # Scrolled down, the theme fades the header's title in: let it finish first.
        page.evaluate("() => Promise.all(document.getAnimations().map(a => a.finished))")
    found = axe(page)
    assert not found, describe(found)
    ctx.close()
