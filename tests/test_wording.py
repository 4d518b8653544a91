"""Words that tell one thing from another: table captions and page titles."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import copy_minimal
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
