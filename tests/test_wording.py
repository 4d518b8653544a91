"""Words that tell one thing from another: table captions and page titles."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import copy_minimal, edit
from tests.site_helpers import build

PLAN = "partnerships/sample/plans/sample-plan/plan.yaml"


def captions(page: Path) -> list[str]:
    return re.findall(r"<caption>(.*?)</caption>", page.read_text(), re.S)


@pytest.mark.slow
def test_tables_of_unnumbered_items_are_told_apart_by_their_titles(tmp_path: Path) -> None:
    """Plans that do not number their themes still get a caption per table that says which
    theme it belongs to."""
    data = copy_minimal(tmp_path)
    plan = data / PLAN
    plan.write_text(re.sub(r"(?m)^\s+number: .*\n", "", plan.read_text()))
    build(data, tmp_path / "site", only="sample")
    found = captions(tmp_path / "site/sample/plan/index.html")
    assert found == ["Actions under outcome: People get the services they need"]


def test_the_page_not_found_says_so_in_its_title(shipped_site: Path) -> None:
    for page in [shipped_site / "404.html", *shipped_site.glob("*/404.html")]:
        title = re.search(r"<title>(.*?)</title>", page.read_text(), re.S)
        assert title and title[1].startswith("Page not found - "), page


def test_an_acronym_is_spelled_out_once_per_page() -> None:
    from plansite.model.registry import GlossaryTerm
    from plansite.site.text import Glossary, plain

    glossary = Glossary([
        GlossaryTerm(term="HMP", expansions=["His Majesty's Prison"]),
        GlossaryTerm(term="CJSW", expansions=["Criminal Justice Social Work"]),
    ])  # fmt: skip
    first = str(plain("Visits at HMP Glenochil and HMP Low Moss", glossary))
    assert first.count("(His Majesty&#39;s Prison)") == 1
    assert first.count('<abbr title="His Majesty&#39;s Prison">HMP</abbr>') == 2
    # Where the text spells it out itself, it is not spelled out again.
    said = str(plain("Criminal Justice Social Work (CJSW) leads", glossary))
    assert said.count("Criminal Justice Social Work") == 2  # the text's own, and the title
    assert "(Criminal Justice Social Work)" not in said
    assert "(His Majesty" not in str(plain("HMP again", glossary))  # same page
    glossary.new_page()
    assert "(His Majesty&#39;s Prison)" in str(plain("HMP on the next page", glossary))


def test_a_plural_acronym_is_marked_and_spelled_out_as_a_whole() -> None:
    from plansite.model.registry import GlossaryTerm
    from plansite.site.text import Glossary, plain

    glossary = Glossary([GlossaryTerm(term="ADAT", expansions=["Alcohol and Drug Action Team"])])
    said = str(plain("Work with the ADATs and each ADAT", glossary))
    assert said == (
        'Work with the <abbr title="Alcohol and Drug Action Team">ADATs</abbr> (Alcohol and '
        'Drug Action Team) and each <abbr title="Alcohol and Drug Action Team">ADAT</abbr>'
    )


def test_plural_and_hyphenated_acronyms_count_as_uses_of_their_term(tmp_path: Path) -> None:
    """A term the plan uses only in its plural, or one written with a hyphen, is in the
    glossary, and check neither calls it unused nor asks for its first part."""
    from plansite.validate import check

    data = copy_minimal(tmp_path)
    actions = "partnerships/sample/plans/sample-plan/actions.yaml"
    edit(data, actions, "    summary: Find out which services people use.\n",
         "    summary: Ask the ADATs, and score risk with the LSI-R tool.\n")  # fmt: skip
    # The partnership's own glossary: terms no text uses are left out of it, with a note.
    (data / "partnerships/sample/glossary.yaml").write_text(
        "terms:\n  - term: ADAT\n    expansions: [Alcohol and Drug Action Team]\n"
        "  - term: LSI-R\n    expansions: [Level of Service Inventory - Revised]\n",
        encoding="utf-8",
    )
    report = check(data)
    said = {(p.code, p.message) for p in report.problems}
    assert not [m for c, m in said if c == "note-unused-term"], said
    assert not [m for c, m in said if c == "warn-acronym-unexplained"], said
    # Without the terms, both are asked for, each as written.
    edit(data, "partnerships/sample/glossary.yaml", "  - term: LSI-R\n    expansions: [Level"
         " of Service Inventory - Revised]\n", "")  # fmt: skip
    asked = [m for c, m in {(p.code, p.message) for p in check(data).problems}
             if c == "warn-acronym-unexplained"]  # fmt: skip
    assert len(asked) == 1 and "'LSI-R' is not in the glossary" in asked[0], asked
