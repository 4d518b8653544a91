"""Things a plan names that are not help (ways agencies work together, campaigns, ways to have
your say, publications, policies, protocols, tools) are never listed as help, and are still
shown: each on its own page, and on the services page under a heading for what it is."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import get_args
from urllib.parse import urljoin, urlparse

import pytest

from plansite.exports.embed import fragments
from plansite.index.context import build_index
from plansite.model.service import (
    HELP_KINDS,
    KIND_LABELS,
    KIND_MEANINGS,
    NOT_HELP_KINDS,
    SECTIONS,
    ServiceKind,
)
from plansite.validate import check
from tests.conftest import SHIPPED

REAL = ("clackmannanshire", "south-lanarkshire", "west-dunbartonshire")
# Clackmannanshire's entries that residents found under "Get help", and what they are.
CLACKMANNANSHIRE = {
    "mappa-arrangements": "arrangement",  # multi-agency public protection arrangements
    "vanguard-system": "arrangement",  # the housing service's way of working
    "whole-systems-approach": "arrangement",
    "citizen-space": "consultation",  # the council's online consultation website
    "community-justice-web-presence": "consultation",  # with a rolling perception survey
    "communications-plan-and-ambassador-toolkit": "campaign",
    "just-like-you-campaign": "campaign",
    "see-me": "campaign",
    "recovery-messages": "campaign",
    "directory-of-services": "publication",
    "training-directory": "publication",
}
HREF = re.compile(r'href="([^"#]*)')


def test_the_kinds_split_into_help_and_the_rest() -> None:
    kinds = set(get_args(ServiceKind))
    assert kinds == HELP_KINDS | NOT_HELP_KINDS and not HELP_KINDS & NOT_HELP_KINDS
    assert {"arrangement", "campaign", "consultation", "protocol", "publication"} <= NOT_HELP_KINDS
    assert {"service", "project", "programme", "group", "helpline"} <= HELP_KINDS
    assert set(KIND_MEANINGS) == kinds and all(KIND_MEANINGS.values())
    assert set(KIND_LABELS) == NOT_HELP_KINDS
    sectioned = [k for _, _, ks in SECTIONS for k in ks]
    assert sorted(sectioned) == sorted(NOT_HELP_KINDS)  # each under exactly one heading


def test_clackmannanshires_entries_that_are_not_help_say_what_they_are() -> None:
    data = check(SHIPPED).public
    kinds = {s.id: s.kind for s in data.partnerships["clackmannanshire"].services}
    assert {k: kinds[k] for k in CLACKMANNANSHIRE} == CLACKMANNANSHIRE


@pytest.fixture(scope="module")
def not_help() -> dict[str, dict[str, str]]:
    """Each shipped partnership's entries that are not help: id -> kind."""
    data = check(SHIPPED).public
    return {
        pid: {s.id: s.kind for s in pd.services if s.kind in NOT_HELP_KINDS}
        for pid, pd in data.partnerships.items()
    }


def _targets(html: str, page: str) -> set[str]:
    """The site paths a piece of HTML links to, for a page at `page` (a path in the site)."""
    out = set()
    for href in HREF.findall(html):
        path = urlparse(urljoin("https://site.invalid/" + page, href)).path
        out.add(path.lstrip("/"))
    return out


def _page(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix().removesuffix("index.html")


def test_every_real_plan_has_entries_that_are_not_help(
    not_help: dict[str, dict[str, str]],
) -> None:
    for pid in REAL:
        assert not_help[pid], pid


def test_no_help_list_lists_what_is_not_help(
    shipped_site: Path, not_help: dict[str, dict[str, str]]
) -> None:
    for pid, entries in not_help.items():
        banned = {f"{pid}/services/{i}/" for i in entries}
        index = (shipped_site / pid / "services/index.html").read_text(encoding="utf-8")
        help_part = index.split('id="not-help"')[0]
        assert not _targets(help_part, f"{pid}/services/") & banned, pid
        filters = sorted((shipped_site / pid / "services").glob("*/*/index.html"))
        assert filters, pid
        for page in filters:  # by audience, locality and kind of help
            html = page.read_text(encoding="utf-8")
            assert not _targets(html, _page(shipped_site, page)) & banned, page
        for page in sorted((shipped_site / pid).glob("**/embed/services-*.html")):
            assert not _targets(page.read_text(encoding="utf-8"), "") & banned, page
        own = json.loads((shipped_site / pid / "data/hsds/services.json").read_text())
        names = {s["name"] for s in own}
        data = check(SHIPPED).public.partnerships[pid]
        assert not {s.name for s in data.services if s.id in entries} & names, pid
    everywhere = {f"{pid}/services/{i}/" for pid, e in not_help.items() for i in e}
    directory = sorted((shipped_site / "directory").glob("**/index.html"))
    assert len(directory) > 10
    for page in directory:
        html = page.read_text(encoding="utf-8")
        assert not _targets(html, _page(shipped_site, page)) & everywhere, page
    national = json.loads((shipped_site / "directory/services.json").read_text())
    listed = {(r["partnership_id"], r["service_id"]) for r in national["services"]}
    assert not {(pid, i) for pid, e in not_help.items() for i in e} & listed


def test_what_is_not_help_has_its_page_and_its_own_heading(
    shipped_site: Path, not_help: dict[str, dict[str, str]]
) -> None:
    heading_of = {k: (anchor, heading) for anchor, heading, ks in SECTIONS for k in ks}
    for pid, entries in not_help.items():
        if not entries:
            continue
        index = (shipped_site / pid / "services/index.html").read_text(encoding="utf-8")
        rest = index.split('id="not-help"')[1]
        sections = {
            part.split('"', 1)[0]: part for part in rest.split('<h3 id="')[1:]
        }  # heading id -> its heading and its list
        for ident, kind in entries.items():
            anchor, heading = heading_of[kind]
            assert f'<h3 id="{anchor}">{heading} (' in rest, (pid, ident)
            listed = _targets(sections[anchor], f"{pid}/services/")
            assert f"{pid}/services/{ident}/" in listed, (pid, ident)
            page = shipped_site / pid / "services" / ident / "index.html"
            text = page.read_text(encoding="utf-8")
            assert f"{KIND_LABELS[kind]}: not help to ask for." in text, (pid, ident)


def test_the_embeddable_lists_list_only_help(not_help: dict[str, dict[str, str]]) -> None:
    """The shipped real partnerships give no web address, so their lists are not built with
    the site: each is made here with an address, as it would be once they go live."""
    data = check(SHIPPED).public
    for pid in REAL:
        pd = data.partnerships[pid]
        pd.partnership = pd.partnership.model_copy(
            update={"site_url": f"https://plans.example.org/{pid}/"}
        )
        lists = fragments(build_index(data, pid))
        assert len(lists) > 5, pid
        listed = {t for f in lists for t in _targets(str(f.html), "")}
        assert any(t.startswith(f"{pid}/services/") for t in listed), pid
        assert not {f"{pid}/services/{i}/" for i in not_help[pid]} & listed, pid


def test_mappa_is_not_help_anywhere_in_clackmannanshire(shipped_site: Path) -> None:
    """The case residents reported: MAPPA, the housing service's way of working and the
    consultation website under "Get help"."""
    root = shipped_site / "clackmannanshire/services"
    index = (root / "index.html").read_text(encoding="utf-8")
    help_part, rest = index.split('id="not-help"')
    for name in ("MAPPA arrangements", "Vanguard System (housing)", "Citizen Space"):
        assert name not in help_part and name in rest
    assert "How partners work together (" in rest and "Ways to have your say (" in rest
