"""Every reader: the plan in Easy Read, a reading grade for each plain-words text, and
service details that say when they were last checked."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from plansite.cli import main
from plansite.exports.downloads import downloads
from plansite.exports.hsds import Hsds
from plansite.index.context import SiteIndex, build_index
from plansite.pages import easyread
from plansite.site.render import Renderer
from plansite.validate import check
from plansite.validate.freshness import freshness, months_before
from plansite.validate.pictures import svg_problem
from plansite.validate.readability import grade, syllables
from tests.conftest import ROOT, SHIPPED, CheckRun, edit
from tests.site_helpers import build

PS = "partnerships/sample"
PLAN = f"{PS}/plans/sample-plan/plan.yaml"
SERVICES = f"{PS}/services.yaml"
TODAY = date(2026, 12, 6)
SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">{}</svg>'


@pytest.fixture(scope="module")
def example() -> SiteIndex:
    return build_index(check(SHIPPED).public, "example")


# --- Reading grade ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "count"),
    [("cat", 1), ("home", 1), ("people", 2), ("table", 2), ("while", 1), ("service", 2),
     ("families", 3), ("the", 1), ("free", 1), ("imprisonment", 4), ("we'll", 1)],
)  # fmt: skip
def test_syllables_are_counted_by_rule(word: str, count: int) -> None:
    assert syllables(word) == count


def test_the_grade_is_flesch_kincaid_on_known_sentences() -> None:
    # 6 words, 1 sentence, 6 syllables: 0.39 × 6 + 11.8 × 1 − 15.59 = −1.45
    assert grade("The cat sat on the mat.") == pytest.approx(-1.45)
    # 7 words, 1 sentence, 8 syllables (peo-ple): 0.39 × 7 + 11.8 × 8/7 − 15.59 = 0.6257…
    assert grade("We will help people find a home.") == pytest.approx(2.73 + 11.8 * 8 / 7 - 15.59)
    # 6 words in 2 sentences, 6 syllables: 0.39 × 3 + 11.8 − 15.59 = −2.62
    assert grade("I am here. We go now.") == pytest.approx(-2.62)
    # 4 words, 1 sentence, 10 syllables (com-mu-ni-ty, jus-tice, part-ner-ship, works):
    # 0.39 × 4 + 11.8 × 10/4 − 15.59 = 15.47; a link's address is not read
    assert grade("Community justice [partnership](https://example.org/a-b-c) works.") == (
        pytest.approx(15.47)
    )
    assert grade("2024 – 27") is None


def _warnings(root: Path, code: str) -> list[str]:
    return [d.format() for d in check(root).problems if d.code == code]


def test_hard_reading_is_warned_only_above_the_limit_the_partnership_sets(minimal: Path) -> None:
    # The sample's service summary reads at grade 5.7: "Help for families of people in prison."
    assert _warnings(minimal, "warn-hard-to-read") == []  # no limit set: no warnings
    limit = 'colour: "#1d4f91"\n'
    edit(minimal, f"{PS}/partnership.yaml", limit, limit + "checks:\n  reading_grade: 6\n")
    assert _warnings(minimal, "warn-hard-to-read") == []
    edit(minimal, f"{PS}/partnership.yaml", "reading_grade: 6", "reading_grade: 5.5")
    (found,) = _warnings(minimal, "warn-hard-to-read")
    assert f"data/{SERVICES}:5:" in found
    assert "reads at grade 5.7 (Flesch-Kincaid), above the partnership's limit of 5.5" in found


def test_the_readability_listing_puts_the_hardest_first(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["readability", "--data", str(SHIPPED), "--partnership", "example"]) == 0
    lines = [ln for ln in capsys.readouterr().out.splitlines() if ln.startswith("  ")]
    grades = [float(ln.split()[0].rstrip("*")) for ln in lines]
    assert len(grades) > 20 and grades == sorted(grades, reverse=True)
    assert any("Easy Read point 1 of plan 'example-plan-2024-27'" in ln for ln in lines)
    assert sum(ln.split()[0].endswith("*") for ln in lines) == 2  # above the example's limit


# --- Freshness ----------------------------------------------------------------------------


def test_months_before_keeps_the_day_or_the_end_of_a_shorter_month() -> None:
    assert months_before(date(2026, 12, 6), 12) == date(2025, 12, 6)
    assert months_before(date(2026, 3, 31), 1) == date(2026, 2, 28)
    assert months_before(date(2026, 1, 15), 13) == date(2024, 12, 15)


def _old(root: Path) -> list[str]:
    return [d.format() for d in freshness(check(root).data, TODAY)]


def test_details_older_than_the_partnership_allows_are_warned_at_their_checked_line(
    minimal: Path,
) -> None:
    assert _old(minimal) == []  # no checked: days, no warnings
    phone = "      phone: 01234 000000\n"
    edit(minimal, SERVICES, phone, phone + "      checked: 2025-12-06\n    checked: 2025-12-05\n")
    (found,) = _old(minimal)  # the contact's day is exactly twelve months old: not yet
    assert found.startswith(f"data/{SERVICES}:14:")
    assert (
        "[warn-details-old] services item 1, checked: the details of service 'family-support' "
        "were last checked on 2025-12-05, more than 12 months ago"
    ) in found
    edit(minimal, f"{PS}/partnership.yaml", "current_plan:", "checks:\n  old_after_months: 6\n"
         "current_plan:")  # fmt: skip
    found_six = _old(minimal)
    assert len(found_six) == 2 and all("more than 6 months ago" in f for f in found_six)
    assert "contact of service 'family-support'" in found_six[1]


def test_the_example_has_one_service_checked_too_long_ago(example: SiteIndex) -> None:
    found = [d for d in freshness(check(SHIPPED).data, TODAY) if "example" in d.file]
    assert [d.message for d in found] == [
        "the details of service 'housing-support-on-release' were last checked on 2025-06-30, "
        "more than 12 months ago"
    ]


def test_the_stale_listing_is_oldest_first(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stale", "--data", str(SHIPPED), "--partnership", "example"]) == 0
    rows = [ln.split() for ln in capsys.readouterr().out.splitlines() if ln.startswith("  ")]
    assert rows[0][:3] == ["not", "recorded", "victim-information-line:"]  # never checked
    days = [r[0] for r in rows[1:]]
    assert days == sorted(days) and len(days) == 4
    assert rows[1][:4] == ["2025-06-30", "17", "month(s)", "ago"] and rows[1][4] == "OLD"
    assert all("OLD" not in r for r in rows[2:])


def test_the_real_partnerships_give_no_checked_days() -> None:
    for pid in ("clackmannanshire", "south-lanarkshire", "west-dunbartonshire"):
        text = (SHIPPED / "partnerships" / pid / "services.yaml").read_text(encoding="utf-8")
        assert "checked:" not in text


def test_exports_carry_the_day_details_were_checked(example: SiteIndex) -> None:
    hsds = {s["name"]: s for s in Hsds(example).services}
    assert hsds["Money advice clinic"]["assured_date"] == "2026-09-14"
    assert hsds["Women's drop-in"]["assured_date"] == "2026-11-02"  # its contact's day
    assert "assured_date" not in hsds["Victim information line"]
    table = next(d for d in downloads(example) if d.path.endswith("services.csv"))
    rows = {r["Service id"]: r for r in csv.DictReader(io.StringIO(table.content))}
    assert rows["housing-support-on-release"]["Details checked"] == "2025-06-30"
    assert rows["victim-information-line"]["Details checked"] == ""
    hsds_csv = Hsds(example).tables()["services.csv"]
    assert "assured_date" in hsds_csv.splitlines()[0] and "2026-09-14" in hsds_csv


def test_pages_say_when_details_were_checked(example: SiteIndex) -> None:
    renderer = Renderer(ROOT / "overrides/partials/plansite")
    from plansite.pages import registry

    def body(kind: str, key: str) -> str:
        spec = next(s for s in registry.site_pages(example) if (s.kind, s.key) == (kind, key))
        return renderer.render(spec, registry.CONTEXTS[kind](example, spec))

    shown = body("service", "money-advice-clinic")
    assert 'Details checked in <time datetime="2026-09-14">September 2026</time>.' in shown
    contact = body("service", "womens-drop-in")
    assert '<dt>Details checked</dt><dd><time datetime="2026-11-02">November 2026</time>' in (
        contact
    )
    assert "Details checked" not in body("service", "victim-information-line")


# --- Easy Read ----------------------------------------------------------------------------


def test_a_picture_needs_its_alternative_text(
    minimal: Path, run_check: Callable[..., CheckRun]
) -> None:
    summary = "summary: The plan for *Sample*.\n"
    edit(minimal, PLAN, summary, summary + "easy_read:\n  - text: Our plan.\n"
         "    image: easy-read/plan.svg\n")  # fmt: skip
    result = run_check(minimal)
    assert result.code == 1
    assert (
        f"data/{PLAN}:15:5: [field-missing] easy_read item 1: the picture 'easy-read/plan.svg' "
        "has no alternative text: add 'alt:' saying what it shows"
    ) in result.err


@pytest.mark.parametrize(
    ("inside", "said"),
    [
        ("<script>alert(1)</script>", "<script>"),
        ('<rect width="5" height="5" onload="alert(1)"/>', "'onload'"),
        ('<foreignObject><p xmlns="http://www.w3.org/1999/xhtml">x</p></foreignObject>',
         "<foreignObject>"),
        ('<image href="https://example.org/x.png"/>', "<image>"),
        ('<rect width="5" height="5" fill="url(https://example.org/x)"/>', "points outside"),
        ("<rect", "not a well-formed SVG"),
    ],
)  # fmt: skip
def test_a_drawing_that_could_run_or_load_something_is_refused(inside: str, said: str) -> None:
    problem = svg_problem(SVG.format(inside).encode())
    assert problem is not None and said in problem


def test_a_drawing_with_an_entity_is_refused() -> None:
    doc = '<!DOCTYPE svg [<!ENTITY a "aaaa">]>' + SVG.format("<title>&a;</title>")
    assert "'<!doctype'" in (svg_problem(doc.encode()) or "")


def test_the_example_drawings_are_simple_shapes() -> None:
    drawings = sorted((SHIPPED / "partnerships/example/easy-read").glob("*.svg"))
    assert len(drawings) >= 5
    assert {p.name: svg_problem(p.read_bytes()) for p in drawings} == {
        p.name: None for p in drawings
    }


def test_the_easy_read_page_holds_the_points_in_the_plans_order(example: SiteIndex) -> None:
    (spec,) = easyread.pages(example)
    assert spec.url == "plan/easy-read/"
    page = easyread.context(example, spec)
    assert page.points[0].text == "This is our plan for the next three years."
    assert [i.anchor for i in page.items] == [
        "er-better-access", "er-stronger-families", "er-safer-communities"]  # fmt: skip
    assert page.covered == 3 and page.total > 3  # the actions have no Easy Read version
    html = Renderer(ROOT / "overrides/partials/plansite").render(spec, page)
    assert "tells you about some parts of the plan, not all of them" in html
    assert (
        '<img src="../pictures/easy-read/calendar.svg" alt="A calendar" width="96" height="96">'
        "<p>This is our plan for the next three years.</p>"
    ) in html
    assert '<a href="../../outcomes/better-access/">' in html
    assert easyread.pictures(example)["plan/pictures/easy-read/house.svg"] == (
        example.pd.folder / "easy-read/house.svg"
    )


def test_without_easy_read_points_there_is_no_page(minimal: Path) -> None:
    site = build_index(check(minimal).public, "sample")
    assert easyread.pages(site) == [] and easyread.pictures(site) == {}


@pytest.mark.slow
def test_the_easy_read_page_is_linked_and_its_pictures_published(tmp_path: Path) -> None:
    out = tmp_path / "site"
    build(SHIPPED, out, "example")
    site = out / "example"
    plan = (site / "plan/index.html").read_text(encoding="utf-8")
    assert '<a href="easy-read/">Read the plan in Easy Read</a>' in plan
    outcome = (site / "outcomes/stronger-families/index.html").read_text(encoding="utf-8")
    assert '<a href="../../plan/easy-read/#er-stronger-families">' in outcome
    page = (site / "plan/easy-read/index.html").read_text(encoding="utf-8")
    assert 'id="er-stronger-families"' in page
    for name in ("house", "family", "speech", "calendar", "safe", "helping"):
        published = site / f"plan/pictures/easy-read/{name}.svg"
        source = SHIPPED / f"partnerships/example/easy-read/{name}.svg"
        assert published.read_bytes() == source.read_bytes()
    feed = json.loads((site / "data/hsds/services.json").read_text(encoding="utf-8"))
    assert {s["name"]: s.get("assured_date") for s in feed}["Family visits support"] == (
        "2026-03-10"
    )
