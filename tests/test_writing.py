"""Pages and news a partnership writes: built into its site, with live data from the macros.

One site is built from the minimal data with a page, the home page's own text, three posts
(one a draft) using every macro, and hostile text in the data those macros show.
"""

from __future__ import annotations

import inspect
import json
import re
from pathlib import Path

import pytest

from plansite.model.macros import MACROS
from plansite.site import macros as macro_module
from tests.conftest import copy_minimal, edit
from tests.site_helpers import build

pytestmark = pytest.mark.slow

PS = "partnerships/sample"
SCRIPT = "<script>window.plansite_canary=1</script>"
EVERY_MACRO = """
{{ action("a1") }}

{{ outcome("access-outcome") }}

{{ indicator("access-indicator") }}

{{ partner("sample-council") }}

{{ services(audience="families", help="housing") }}

{{ services(locality="north") }}

{{ progress() }}

{{ changes(since="2000-01-01") }}

{{ contacts() }}
"""


def write(root: Path, rel: str, text: str) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    where = tmp_path_factory.mktemp("writing")
    data = copy_minimal(where)
    # Hostile text in values the macros show: the action's summary and the service's name.
    edit(data, f"{PS}/plans/sample-plan/actions.yaml",
         "summary: Find out which services people use.",
         f'summary: "Find out {{{{ 7*7 }}}} {SCRIPT}"')  # fmt: skip
    facts = "---\ntitle: Get involved\nnav: Get involved\nsummary: Ways to take part.\n---\n\n"
    own = "## Join the panel\n\nThe author's own template runs: {{ 6*7 }}.\n"
    write(data, f"{PS}/pages/get-involved.md", facts + own + EVERY_MACRO)
    write(
        data, f"{PS}/pages/home.md", "---\ntitle: Home\n---\n\n## Our week of action\n\nSee us.\n"
    )
    for day, slug in (("2025-01-10", "first"), ("2025-02-20", "second")):
        write(data, f"{PS}/news/{day}-{slug}.md",
              f"---\ntitle: \"News: {slug}\"\nsummary: The {slug} post.\n"
              f"author_role: Coordinator\ntags: [housing, families]\n---\n\n"
              f"Text of the {slug} post.\n\n{{{{ action(\"a1\") }}}}\n")  # fmt: skip
    write(
        data,
        f"{PS}/news/2025-03-01-not-yet.md",
        "---\ntitle: Secret draft headline\nsummary: Not ready.\ndraft: true\n---\n\nDraft.\n",
    )
    out = where / "site"
    assert build(data, out, "sample").sites == 1  # a build error raises
    return out / "sample"


def text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def test_a_written_page_is_built_at_its_address_and_in_the_menu(site: Path) -> None:
    page = text(site / "get-involved" / "index.html")
    assert '<h1 id="main-heading">Get involved</h1>' in page
    assert page.count("<h1") == 1
    assert '<h2 id="join-the-panel">Join the panel</h2>' in page
    assert "The author's own template runs: 42." in page
    menu = text(site / "index.html")
    assert re.search(r'href="get-involved/"[^>]*class="md-nav__link"|class="md-nav__link"'
                     r'[^>]*href="get-involved/"', menu)  # fmt: skip
    assert '<meta name="description" content="Ways to take part.">' in page


def test_every_macro_shows_the_component_generated_pages_use(site: Path) -> None:
    page = text(site / "get-involved" / "index.html")
    # action and outcome and partner: the action table of the generated pages
    assert page.count('<table class="plansite-table plansite-table--cards">') >= 3
    assert '<a href="../actions/a1/">1.1.1:' in page
    assert "Latest progress, <time" in page
    # indicator: the block of the outcome pages, with its chart and figures
    assert '<section class="plansite-indicator" aria-labelledby="ind-access-indicator">' in page
    # services: the directory's cards, narrowed
    assert '<ul class="plansite-cards">' in page and "../services/" in page
    # progress: the counts of the actions page, linked to their lists
    assert 'href="../actions/status/' in page
    # changes and contacts
    assert '<ul class="plansite-changes">' in page
    assert '<dl class="plansite-facts">' in page


def test_data_shown_through_a_macro_stays_text(site: Path) -> None:
    for path in site.rglob("*.html"):
        page = text(path)
        assert SCRIPT not in page, path
        assert "Find out 49" not in page, path
    page = text(site / "get-involved" / "index.html")
    assert "Find out {{ 7*7 }} &lt;script&gt;" in page


def test_the_home_page_takes_the_partnerships_own_sections(site: Path) -> None:
    home = text(site / "index.html")
    own = home.index('<h2 id="our-week-of-action">Our week of action</h2>')
    assert own < home.index('<h2 id="contact">Contact</h2>')
    assert not (site / "home").exists()


def test_news_is_listed_newest_first_with_tags_and_a_page_per_post(site: Path) -> None:
    index = text(site / "news" / "index.html")
    assert index.index("News: second") < index.index("News: first")
    post = text(site / "news" / "first" / "index.html")
    assert 'Published <time datetime="2025-01-10">10 January 2025</time> by the Coordinator' in post
    assert 'Newer: <a href="../second/">News: second</a>' in post
    tag = text(site / "news" / "tags" / "housing" / "index.html")
    assert "2 posts about housing" in tag
    ld = re.search(r'<script type="application/ld\+json">(.*?)</script>', post, re.S)
    assert ld and json.loads(ld.group(1))["@type"] == "NewsArticle"


def test_posts_are_in_the_feeds_and_a_draft_is_nowhere(site: Path) -> None:
    feed = json.loads(text(site / "changes" / "feed.json"))
    titles = [item["title"] for item in feed["items"]]
    assert "News: News: first" in titles and "News: News: second" in titles
    atom = text(site / "changes" / "feed.xml")
    assert "<title>News: News: second</title>" in atom
    for path in site.rglob("*"):
        if path.is_file():
            assert b"Secret draft headline" not in path.read_bytes(), path
    assert not (site / "news" / "not-yet").exists()


def test_the_macros_take_the_arguments_check_reads() -> None:
    made: dict[str, list[str]] = {}

    class Env:
        conf = type("Conf", (), {"plugins": {"plansite": None}})()
        page = None

        def macro(self, fn: object, name: str) -> None:
            made[name] = list(inspect.signature(fn).parameters)  # type: ignore[arg-type]

    macro_module.define_env(Env())
    assert made == {name: [p for p, _ in params] for name, params in MACROS.items()}
