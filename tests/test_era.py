"""A plan is shown as a plan of its time: its standing on every page, bodies under the names
they had then, terms of its era, and past plans kept readable beside the current one."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from plansite.load.loader import load
from plansite.model.era import name_on, standing
from tests.conftest import MINIMAL, SHIPPED, CheckRun, copy_minimal, edit
from tests.site_helpers import build
from tests.test_history import PS

PLAN = f"{PS}/plans/sample-plan/plan.yaml"


def words(page: Path) -> str:
    text = re.sub(r"<script.*?</script>", " ", page.read_text(), flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", text)).split())


def standing_line(page: Path) -> str:
    found = re.search(r'<p class="plansite-standing[^"]*">(.*?)</p>', page.read_text(), re.S)
    assert found, f"{page} has no plan standing"
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", found[1])).split())


def pages(root: Path) -> list[Path]:
    return sorted(
        p for p in root.rglob("index.html") if '<meta http-equiv="refresh"' not in p.read_text()
    )


# --- Where a plan stands, judged on a given day --------------------------------------------


@pytest.fixture(scope="module")
def sample_plan():  # type: ignore[no-untyped-def]
    data, _ = load(MINIMAL)
    pd = data.partnerships["sample"]
    return data, pd.partnership, pd.plans["sample-plan"].plan


def test_a_plans_standing_follows_its_status_its_period_and_its_partnership(
    sample_plan,  # type: ignore[no-untyped-def]
) -> None:
    _, partnership, plan = sample_plan  # approved; runs 2017/18 to 2019/20
    assert standing(partnership, plan, date(2018, 6, 1)) == "current"
    assert standing(partnership, plan, date(2020, 4, 1)) == "ended"
    status = plan.status[-1]
    draft = plan.model_copy(update={"status": [status.model_copy(update={"status": "draft"})]})
    assert standing(partnership, draft, date(2018, 6, 1)) == "draft"
    # A draft whose period is over is not shown as a live draft.
    assert standing(partnership, draft, date(2021, 1, 1)) == "ended"
    replaced = plan.model_copy(
        update={"status": [status.model_copy(update={"status": "superseded"})]}
    )
    assert standing(partnership, replaced, date(2018, 6, 1)) == "superseded"
    gone = partnership.model_copy(update={"valid_to": plan.period.end})
    assert standing(gone, plan, date(2018, 6, 1)) == "current"
    assert standing(gone, plan, date(2021, 1, 1)) == "archived"


def test_an_organisation_is_named_as_it_was_on_a_day() -> None:
    data, _ = load(SHIPPED)
    riverside = data.organisations["riverside-families-project"]
    assert name_on(riverside, date(2021, 4, 1)) == "Riverside Family Support Group"
    assert name_on(riverside, date(2023, 4, 1)) == "Riverside Families Project"
    assert name_on(riverside, None) == "Riverside Families Project"


# --- A partnership that no longer exists ----------------------------------------------------


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("archive")
    data = copy_minimal(base)
    edit(data, f"{PS}/partnership.yaml", "local_authority: sample-council\n",
         "local_authority: sample-council\nbody: authority\nvalid_to: 2020-03-31\nsucceeded_by:\n"
         "  name: Sample Council's justice team\n"
         "  url: https://council.sample.example.org/\n")  # fmt: skip
    edit(data, "organisations.yaml", "    name: Sample Council\n",
         "    name: Sample Council\n    former_names:\n"
         "      - name: Sample Burgh Council\n        until: 2019-01-01\n")  # fmt: skip
    edit(data, "glossary.yaml", "terms:\n",
         "terms:\n  - term: NEWTERM\n    expansions: [A term first used in 2021]\n"
         "    valid_from: 2021-01\n")  # fmt: skip
    build(data, base / "site", only="sample")
    return base / "site" / "sample"


@pytest.mark.slow
def test_every_page_of_an_ended_partnership_says_it_is_an_archive(archive: Path) -> None:
    found = pages(archive)
    assert len(found) > 20
    for page in found:
        line = standing_line(page)
        assert line.startswith("Archive: Sample Community Justice Partnership no longer exists: "
                               "it ended on 31 March 2020."), (page, line)  # fmt: skip
        assert "Its work passed to Sample Council's justice team." in line
        assert "Where to go now" in line


@pytest.mark.slow
def test_an_archive_leads_with_its_plan_and_does_not_claim_to_run_the_site(archive: Path) -> None:
    home = words(archive / "index.html")
    assert home.index("About the plan") < home.index("Services listed in this plan's time")
    assert "Find help and support" not in home
    assert "for help today, contact Sample Council's justice team" in home
    statement = words(archive / "accessibility/index.html")
    assert "This website is run by" not in statement
    assert "is committed to making its website accessible" not in statement
    assert "ended on 31 March 2020 and its work passed to" in statement


@pytest.mark.slow
def test_a_past_plan_names_bodies_as_they_were_called_in_its_time(archive: Path) -> None:
    partner = words(archive / "partners/sample-council/index.html")
    assert "Sample Burgh Council" in partner
    assert "Its name today: Sample Council." in partner
    assert (
        "<title>Sample Burgh Council"
        in (archive / "partners/sample-council/index.html").read_text()
    )
    partners = words(archive / "partners/index.html")
    assert "Sample Burgh Council" in partners


@pytest.mark.slow
def test_terms_that_came_into_use_after_the_plan_are_not_explained_by_it(archive: Path) -> None:
    glossary = words(archive / "glossary/index.html")
    assert "CJSW" in glossary
    assert "NEWTERM" not in glossary


# --- A partnership with a current plan and a replaced one (the shipped example) -------------


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("example") / "site"
    build(SHIPPED, out, only="example")
    return out / "example"


@pytest.mark.slow
def test_every_page_says_where_its_plan_stands(example: Path) -> None:
    earlier = example / "plans/example-plan-2021-24/index.html"
    for page in pages(example):
        line = standing_line(page)
        if page == earlier:
            assert line.startswith("Replaced plan: Example Community Justice Outcome Improvement "
                                   "Plan 2021-24 has been replaced."), line  # fmt: skip
        elif page.relative_to(example).parts[0] == "gd":  # the plan's title in Gaelic
            assert "Plana Leasachaidh Bhuilean Ceartas Coimhearsnachd Eisimpleir 2024-27" in line
            assert "(" not in line, line  # the period is in the title: not said twice
        else:
            current = "Current plan: Example Community Justice Outcome Improvement Plan 2024-27"
            assert line.startswith(f"{current} Read the plan"), (page, line)


@pytest.mark.slow
def test_a_replaced_plan_is_kept_readable_with_the_names_of_its_time(example: Path) -> None:
    page = example / "plans/example-plan-2021-24/index.html"
    text = words(page)
    assert "Replaced by Example Community Justice Outcome Improvement Plan 2024-27" in text
    assert "Lead: Riverside Family Support Group (now Riverside Families Project)" in text
    assert "Action 1.1: Offer housing advice in prison" in text
    assert 'href="../../plan/"' in page.read_text()
    # The current plan names the same body by today's name.
    partner = words(example / "partners/riverside-families-project/index.html")
    assert "Riverside Families Project" in partner
    assert "Riverside Family Support Group" not in partner and "Its name today" not in partner
    listing = words(example / "plans/index.html")
    assert listing.index("2024-27") < listing.index("2021-24")
    assert "All 2 plans of Example Community Justice Partnership" in words(example / "index.html")


@pytest.mark.slow
def test_the_log_links_a_replaced_plans_items_to_where_they_are_shown(example: Path) -> None:
    changes = (example / "changes/index.html").read_text()
    assert "../plans/example-plan-2021-24/#example-plan-2021-24-prison-housing-advice" in changes
    assert "actions/prison-housing-advice/" not in changes
    feed = json.loads((example / "changes/feed.json").read_text())
    linked = [i["url"] for i in feed["items"] if "prison-housing-advice" in i.get("url", "")]
    assert linked == [
        "https://plans.example.org/example/plans/example-plan-2021-24/"
        "#example-plan-2021-24-prison-housing-advice"
    ]


@pytest.mark.slow
def test_past_plans_of_the_shipped_partnerships_say_their_period_has_ended(
    tmp_path: Path,
) -> None:
    build(SHIPPED, tmp_path / "site", only="clackmannanshire")
    line = standing_line(tmp_path / "site/clackmannanshire/index.html")
    assert line.startswith("Past plan: ")
    assert "its period has ended, and no newer plan is recorded on this site" in line
    assert "The last status recorded: recommended for approval on 9 March 2017." in line


# --- Abbreviations in the words of their time ------------------------------------------------


@pytest.mark.parametrize(
    ("until", "since", "clash"),
    [("2022-09-08", "2022-09-08", False), ("2022-09-09", "2022-09-08", True), (None, None, True)],
)
def test_a_term_is_written_again_only_for_another_period(
    tmp_path: Path, run_check: Callable[..., CheckRun], until: str | None, since: str | None,
    clash: bool,
) -> None:  # fmt: skip
    data = copy_minimal(tmp_path)
    dates = (
        f"\n    valid_to: {until}" if until else "",
        f"\n    valid_from: {since}" if since else "",
    )
    edit(data, "glossary.yaml", "terms:\n", "terms:\n"
         f"  - term: HMP\n    expansions: [Her Majesty's Prison]{dates[0]}\n"
         f"  - term: HMP\n    expansions: [His Majesty's Prison]{dates[1]}\n")  # fmt: skip
    result = run_check(data)
    if clash:
        assert result.code == 1
        line = 5 if until else 4  # the second HMP
        assert f"data/glossary.yaml:{line}:11: [id-duplicate] terms item 2, term: glossary term" \
            " id 'HMP' is already used at data/glossary.yaml:2 — give each item its own id, or" \
            " end one where the other begins (valid_to, valid_from)" in result.err  # fmt: skip
    else:
        assert result.code == 0, result.err


@pytest.mark.slow
def test_abbreviations_are_spelled_out_as_they_were_in_the_plans_time(shipped_site: Path) -> None:
    """The real plans are of the years before September 2022; the national directory lists
    what is on offer today."""
    service = "west-dunbartonshire/services/low-moss-turning-point-partnership/index.html"
    assert "HMP (Her Majesty's Prison) Low Moss" in words(shipped_site / service)
    national = words(shipped_site / "directory/index.html")
    assert "HMP (His Majesty's Prison) Addiewell" in national
    assert "HMYOI (His Majesty's Young Offenders Institution) Polmont" in national
    assert "Her Majesty" not in national


@pytest.mark.slow
def test_an_authority_is_spoken_of_as_an_authority(archive: Path) -> None:
    """`body: authority`: no page of a Community Justice Authority's plan calls it a
    partnership where the words are the site's own."""
    action = words(archive / "actions/a1/index.html")
    assert "“In the first year”: the authority reads this as due" in action
    assert "the partnership reads" not in action
    data = words(archive / "data/index.html")
    assert "Everything this website is built from: the authority, its plans" in data
    assert "One row per membership of the authority" in data
    for page in pages(archive):
        rel = page.relative_to(archive).parts
        if rel[0] in ("guide", "data"):
            continue  # the editors' guide and the data format speak of partnership files
        # The data's own words (its chair's title, its summary) may say "partnership"; the
        # site's do not.
        said = words(page).replace("Chair of the partnership", "")
        said = said.replace("The partnership brings local services together", "")
        assert not re.search(r"\b[Tt]he partnership\b", said), page
