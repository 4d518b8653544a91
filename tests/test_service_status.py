"""What a service's status means for the site: a closed service is never offered as help, yet
keeps its page and is listed under "No longer running"; a service shows its whole status
history; an audience, kind of help or locality gets a list only if help still offered names
it; services roll up to the outcomes above them; a plan that has ended does not say that its
services run today; and the log counts only help as services."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from plansite.exports.directory import entries
from plansite.exports.embed import fragments
from plansite.exports.hsds import Hsds
from plansite.history.log import history
from plansite.index.context import SiteIndex, build_index
from plansite.model.addresses import url_for
from plansite.pages import registry
from plansite.site.blocks import Blocks
from plansite.site.render import Renderer
from plansite.validate import check
from tests.conftest import ROOT, SHIPPED, append, copy_data, copy_minimal, edit, release
from tests.site_helpers import build

PS = "partnerships/sample"
TAXONOMY = """\
audiences:
  - id: families
    name: Families
  - id: victims
    name: Victims of crime
  - id: communities
    name: Local communities and residents
help:
  - id: housing
    name: Housing
  - id: court-support
    name: Support at court
  - id: awareness
    name: Awareness and information
"""
# A service that ran as a pilot and closed, the only one for victims, in the south and of
# support at court; and a campaign, the only entry for local communities.
ENTRIES = """\
  - id: court-help-desk
    name: Court help desk
    kind: service
    summary: Help for victims on the day they go to court.
    audiences: [victims]
    help: [court-support]
    localities: [south]
    routes: [court]
    providers:
      - organisation: sample-charity
    contact: {not_stated: true}
    outcomes: [access-outcome]
    status:
      - status: pilot
        date: 2023-05
      - status: closed
        date: 2024-06
        note: The pilot ended and was not renewed.
  - id: speak-up-week
    name: Speak up week
    kind: campaign
    summary: A week of events telling residents about community justice.
    audiences: [communities]
    help: [awareness]
    area_wide: true
    providers:
      - organisation: sample-council
    contact: {not_stated: true}
"""
CLOSED = "court-help-desk"


def with_entries(root: Path) -> Path:
    """The minimal data with a closed service, a campaign and a service that began as a
    pilot: the cases people met when encoding plans."""
    (root / "taxonomy.yaml").write_text(TAXONOMY, encoding="utf-8")
    edit(root, f"{PS}/partnership.yaml", "    name: North\n",
         "    name: North\n  - id: south\n    name: South\n")  # fmt: skip
    append(root / PS / "services.yaml", ENTRIES)
    edit(root, f"{PS}/services.yaml", "    status:\n      - status: active\n",
         "    status:\n      - status: pilot\n        date: 2016-10\n"
         "        note: Began as a pilot in the north.\n      - status: active\n")  # fmt: skip
    return root


@pytest.fixture(scope="module")
def data_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return with_entries(copy_minimal(tmp_path_factory.mktemp("status")))


def index(root: Path, today: date = date(2025, 1, 1)) -> SiteIndex:
    result = check(root)
    assert not result.errors, result.errors
    return build_index(result.public, "sample", today=today)


@pytest.fixture(scope="module")
def site(data_root: Path) -> SiteIndex:
    return index(data_root)


def render(site: SiteIndex, kind: str, key: str = "") -> str:
    renderer = Renderer(ROOT / "overrides/partials/plansite")
    spec = next(
        s for s in registry.site_pages(site) if s.kind == kind and (s.key == key or not key)
    )
    return renderer.render(spec, registry.CONTEXTS[kind](site, spec))


# --- A closed service is not offered as help -----------------------------------------------


def test_a_closed_service_is_in_no_list_of_help(site: SiteIndex) -> None:
    assert [s.id for s in site.help_services()] == ["family-support"]
    assert [s.id for s in site.closed_services()] == [CLOSED]
    assert site.services_matching("audience", "victims") == []
    assert site.services_matching("locality", "south") == []
    assert site.services_matching("help", "court-support") == []
    # Nor does it, or the campaign, make a list of its own that would be empty.
    assert set(site.audience_lists) == {"families"}
    assert set(site.help_lists) == {"housing"}
    assert set(site.used_localities) == {"north"}
    # Both still name what they are for, on their own pages.
    assert {"victims", "communities"} <= set(site.audiences)
    filters = {s.key for s in registry.site_pages(site) if s.kind == "service-filter"}
    assert filters == {"audience:families", "help:housing", "locality:north"}


def test_a_closed_service_keeps_its_page(site: SiteIndex) -> None:
    assert CLOSED in {s.key for s in registry.site_pages(site) if s.kind == "service"}


def test_no_macro_embed_or_directory_offers_a_closed_service(data_root: Path) -> None:
    site = index(data_root)  # its own: it is given a web address below
    blocks = Blocks(site, Renderer(ROOT / "overrides/partials/plansite"), "about/")
    assert "Court help desk" not in blocks.services()
    shown = blocks.services(audience="victims")  # named on the site: an empty list, no error
    assert "Court help desk" not in shown and "No services match." in shown
    pd = site.pd
    pd.partnership = pd.partnership.model_copy(update={"site_url": "https://sample.example.org/"})
    lists = fragments(site)
    assert lists and not any("court-help-desk" in str(f.html) for f in lists)
    assert {f.path for f in lists} == {
        "embed/services-all.html",
        "embed/services-for-families.html",
        "embed/services-in-north.html",
        "embed/services-help-housing.html",
    }
    assert [li.service.id for e in entries([site]) for li in e.listings] == ["family-support"]


def test_hsds_keeps_a_closed_service_as_defunct(site: SiteIndex) -> None:
    """A directory that imported it learns that it has closed; no list offers it."""
    status = {s["name"]: s["status"] for s in Hsds(site).services}
    assert status == {"Family support": "active", "Court help desk": "defunct"}


def test_the_services_page_lists_it_under_no_longer_running(site: SiteIndex) -> None:
    html = render(site, "services")
    offered, closed = html.split('<h2 id="closed">No longer running (1)</h2>')
    assert "All services (1)" in offered and "Court help desk" not in offered
    assert "Victims of crime" not in offered and "Local communities" not in offered
    assert "South" not in offered and "Support at court" not in offered
    closed = closed.split('id="not-help"')[0]
    assert "Court help desk" in closed and "Closed:</span>" in closed
    assert "Speak up week" not in closed  # a campaign is listed as what it is
    assert "Speak up week" in html.split('id="not-help"')[1]


def test_a_closed_services_page_says_so_and_offers_no_way_in(site: SiteIndex) -> None:
    html = render(site, "service", CLOSED)
    assert "Closed</strong> since" in html and "The pilot ended and was not renewed." in html
    assert "is no longer running, so it is not listed as help." in html
    assert "How to get this help" not in html
    # It gives no contact of its own, and its provider is not offered as a way to it.
    reached = html.split("How it could be reached when it ran</h2>")[1].split("<h2")[0]
    assert "<li>Through the court</li>" in reached  # the route the plan gives
    assert "can be reached here" not in html and "charity.example.org" not in html
    assert "Who provided it" in html
    # Its audience, help and locality have no list to lead to: named, not linked.
    assert "Victims of crime" in html and url_for("services-for", "victims") not in html


def test_a_paused_or_planned_service_is_listed_and_marked(data_root: Path, tmp_path: Path) -> None:
    root = copy_data(tmp_path, data_root)
    running = "        note: Running since April 2017.\n"
    edit(root, f"{PS}/services.yaml", running,
         running + "      - status: paused\n        date: 2018-01\n"
         "        note: Paused while the hall is repaired.\n")  # fmt: skip
    site = index(root)
    assert [s.id for s in site.help_services()] == ["family-support"]
    listed = render(site, "services").split('<h2 id="closed">')[0]
    assert "Family support" in listed and "Paused:</span>" in listed
    page = render(site, "service", "family-support")
    assert "How to get this help" in page and "Paused while the hall is repaired." in page


# --- Status history ------------------------------------------------------------------------


def test_a_services_page_shows_its_whole_status_history(site: SiteIndex) -> None:
    html = render(site, "service", "family-support")
    listed = html.split('<h3 id="status-history">Status over time</h3>')[1].split("</ol>")[0]
    assert listed.index("October 2016") < listed.index("April 2017")  # oldest first
    assert "Pilot. Began as a pilot in the north." in listed
    assert "Running. Running since April 2017." in listed
    closed = render(site, "service", CLOSED)
    assert "May 2023</time>: Pilot</li>" in closed
    assert "June 2024</time>: Closed. The pilot ended and was not renewed.</li>" in closed


# --- A past plan's services ----------------------------------------------------------------


def test_a_past_plans_service_is_not_said_to_run_today(data_root: Path) -> None:
    past = index(data_root, today=date(2025, 1, 1))  # the plan ran 2017-20
    assert past.standing == "ended"
    html = render(past, "service", "family-support")
    assert "Listed in the plan as <strong" in html and ">running</strong> since" in html
    current = index(data_root, today=date(2018, 1, 1))
    assert current.standing == "current"
    html = render(current, "service", "family-support")
    assert ">Running</strong> since" in html and "Listed in the plan as" not in html


# --- Services roll up to outcomes ----------------------------------------------------------


def test_services_roll_up_to_the_outcomes_above_them(site: SiteIndex) -> None:
    """Both services name the outcome under the priority; the priority lists them too."""
    assert [s.id for s in site.services_within("access-priority")] == [CLOSED, "family-support"]
    html = render(site, "outcome", "access-priority")
    part = html.split('<h2 id="services">')[1].split('<h2 id="changes">')[0]
    assert "Family support" in part and "Court help desk" in part
    assert "Closed:</span>" in part  # a closed one is there, as the plan's record, marked
    assert "No services are linked" not in part


# --- The log counts help as services -------------------------------------------------------


def test_the_log_counts_only_help_as_services(tmp_path: Path) -> None:
    root = with_entries(copy_minimal(tmp_path))
    shutil.rmtree(root / PS / "releases")
    assert release(root, "2017-05-01") == 0
    extra = """\
  - id: joint-working
    name: Joint working
    kind: arrangement
    summary: How the council and the charity share cases.
    contact: {not_stated: true}
"""
    append(root / PS / "services.yaml", extra)
    assert release(root, "2017-10-01") == 0
    log = history(check(root).data.partnerships["sample"].releases)
    first = [c.text for c in log if c.text.startswith("First published")]
    assert first == [
        "First published: Sample Community Justice Outcome Improvement Plan, with 2 actions, "
        "2 services and 1 partners; also 1 campaign."
    ]
    assert "New: Joint working (way of working together)." in [c.text for c in log]


def test_the_shipped_logs_read_as_before() -> None:
    """The shipped releases name no entry that is not help: their lines are unchanged."""
    data = check(SHIPPED).data
    first = {
        pid: next(c.text for c in history(pd.releases) if c.text.startswith("First published"))
        for pid, pd in data.partnerships.items()
    }
    assert first["example"] == (
        "First published: Example Community Justice Outcome Improvement Plan 2024-27, with 5 "
        "actions, 4 services and 3 partners."
    )
    assert first["west-dunbartonshire"].endswith("with 20 actions, 80 services and 9 partners.")


# --- From a real build ---------------------------------------------------------------------


@pytest.mark.slow
def test_a_built_site_offers_no_closed_service(data_root: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    build(data_root, out)
    services = out / "sample/services"
    assert (services / CLOSED / "index.html").is_file()
    assert sorted(p.relative_to(services).as_posix() for p in services.glob("*/*/index.html")) == [
        "for/families/index.html",
        "help/housing/index.html",
        "in/north/index.html",
    ]
    home = (out / "sample/index.html").read_text(encoding="utf-8")
    assert "Victims of crime" not in home and "Local communities" not in home
    hsds = json.loads((out / "sample/data/hsds/services.json").read_text(encoding="utf-8"))
    assert {s["name"]: s["status"] for s in hsds}["Court help desk"] == "defunct"


@pytest.mark.slow
def test_the_shipped_closed_services_are_not_help(shipped_site: Path) -> None:
    for pid, ident in [
        ("example", "victim-information-line"),
        ("west-dunbartonshire", "cpc-domestic-abuse-development-sessions"),
    ]:
        index_html = (shipped_site / pid / "services/index.html").read_text(encoding="utf-8")
        offered, rest = index_html.split('<h2 id="closed">No longer running (1)</h2>')
        link = f'href="{ident}/"'
        assert link not in offered and link in rest.split('id="not-help"')[0], pid
        page = (shipped_site / pid / "services" / ident / "index.html").read_text(encoding="utf-8")
        assert "is no longer running, so it is not listed as help." in page, pid
        assert "How to get this help" not in page, pid
        for filtered in (shipped_site / pid / "services").glob("*/*/index.html"):
            assert link not in filtered.read_text(encoding="utf-8"), filtered
    # The victim line was the example's only service for victims: no empty list is left.
    assert not (shipped_site / "example/services/for/victims").exists()
    page = (shipped_site / "example/services/victim-information-line/index.html").read_text()
    assert "Replaced by the national victim support line." in page
    assert "How it could be reached when it ran" in page and "01632 960003" in page
    womens = (shipped_site / "example/services/womens-drop-in/index.html").read_text()
    assert "Paused while a new venue is found." in womens  # an earlier status, with its note
    past = (shipped_site / "west-dunbartonshire/services").glob("*/index.html")
    assert not any(">Running</strong> since" in p.read_text(encoding="utf-8") for p in past)
