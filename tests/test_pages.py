"""The page layer: every kind of page has a typed context, and its template reads nothing else."""

from __future__ import annotations

import dataclasses
import typing
from pathlib import Path

import jinja2
import pytest
from jinja2 import meta, nodes

from plansite.exports.downloads import downloads
from plansite.exports.embed import fragments
from plansite.exports.hsds import Hsds
from plansite.index.context import SiteIndex, build_index
from plansite.pages import national, registry
from plansite.pages.data import Published
from plansite.pages.parts import Page
from plansite.pages.spec import PageSpec
from plansite.site.render import Renderer
from plansite.validate import check
from tests.conftest import ROOT, copy_minimal, edit

TEMPLATES = ROOT / "overrides" / "partials" / "plansite"
BUILDERS = {**registry.CONTEXTS, **registry.WITH_FILES}


def context_class(kind: str) -> type:
    """The dataclass a kind's context builder declares it returns."""
    if kind in national.CONTEXTS:
        return national.CONTEXTS[kind]
    hints = typing.get_type_hints(BUILDERS[kind])
    return typing.cast(type, hints["return"])


def template_names(kind: str) -> set[str]:
    """Every name the template of ``kind`` reads that it does not set itself."""
    env = Renderer(TEMPLATES).env
    tree = env.parse((TEMPLATES / f"{kind}.html").read_text(encoding="utf-8"))
    # Jinja counts a name set inside a condition as read from outside: it sets them itself.
    own = {n.name for n in tree.find_all(nodes.Name) if n.ctx in ("store", "param")}
    return set(meta.find_undeclared_variables(tree)) - own


KINDS = sorted([*BUILDERS, *national.CONTEXTS])


def test_every_template_is_a_kind_of_page_or_the_components() -> None:
    on_disk = {p.stem for p in TEMPLATES.glob("*.html")}
    assert on_disk == {*KINDS, "_components"}


@pytest.mark.parametrize("kind", KINDS)
def test_each_context_is_a_frozen_dataclass(kind: str) -> None:
    cls = context_class(kind)
    assert dataclasses.is_dataclass(cls), cls
    assert cls.__dataclass_params__.frozen, cls  # type: ignore[attr-defined]
    # The national site's pages are about no one partnership.
    assert issubclass(cls, Page) == (kind not in national.CONTEXTS), cls


@pytest.mark.parametrize("kind", KINDS)
def test_each_template_reads_only_its_context(kind: str) -> None:
    """A template may use its context's fields, the page and ``link``, and the renderer's
    formatting helpers and wording tables: never the whole site."""
    helpers = set(Renderer(TEMPLATES).env.globals)
    allowed = {f.name for f in dataclasses.fields(context_class(kind))} | {"page", "link"}
    unknown = template_names(kind) - allowed - helpers
    assert not unknown, f"{kind}.html reads {sorted(unknown)}, not in its context"
    assert "site" not in helpers and "p" not in helpers


def test_the_components_read_only_their_arguments() -> None:
    helpers = set(Renderer(TEMPLATES).env.globals)
    assert template_names("_components") <= helpers


def test_a_template_that_reaches_for_the_site_fails(tmp_path: Path) -> None:
    """The guard above is real: the renderer has no ``site`` for a template to find."""
    (tmp_path / "home.html").write_text("{{ site.partnership.name }}", encoding="utf-8")

    @dataclasses.dataclass(frozen=True)
    class Bare:
        title: str

    with pytest.raises(jinja2.UndefinedError, match="'site' is undefined"):
        Renderer(tmp_path).render(PageSpec("home", "", "", "Home"), Bare("Home"))


@pytest.fixture(scope="module")
def shipped() -> dict[str, SiteIndex]:
    data = check(ROOT / "data").public
    return {pid: build_index(data, pid) for pid in sorted(data.partnerships)}


def test_every_page_of_the_shipped_sites_gets_the_context_its_kind_declares(
    shipped: dict[str, SiteIndex],
) -> None:
    seen: set[str] = set()
    for site in shipped.values():
        files = Published(downloads(site), Hsds(site).files(), fragments(site))
        for spec in registry.site_pages(site):
            page = registry.context(site, spec, files)
            assert isinstance(page, context_class(spec.kind)), (spec.url, type(page))
            assert page.partnership is site.partnership
            seen.add(spec.kind)
    assert seen == set(BUILDERS), set(BUILDERS) - seen


def test_page_addresses_are_unique_and_from_the_map(shipped: dict[str, SiteIndex]) -> None:
    from plansite.model.addresses import PATTERNS

    for pid, site in shipped.items():
        urls = [spec.url for spec in registry.site_pages(site)]
        assert len(urls) == len(set(urls)), pid
        for spec in registry.site_pages(site):
            if spec.kind == "removed":
                continue  # the address it had when it was published
            pattern = PATTERNS[spec.kind if spec.kind in PATTERNS else _pattern_of(spec.kind)]
            prefix = pattern.split("{", 1)[0]
            assert spec.url.startswith(prefix), (pid, spec.kind, spec.url)


def _pattern_of(kind: str) -> str:
    """Kinds whose pages sit at several patterns, by the first of them."""
    return {"actions-filter": "actions", "service-filter": "services"}[kind]


def render(data: Path, kind: str) -> str:
    """The body of the minimal data's page of ``kind``, rendered from its context."""
    site = build_index(check(data).public, "sample")
    files = Published(downloads(site), Hsds(site).files(), fragments(site))
    spec = next(s for s in registry.site_pages(site) if s.kind == kind)
    return Renderer(TEMPLATES, site.terms).render(spec, registry.context(site, spec, files))


def render_home(data: Path) -> str:
    return render(data, "home")


def test_a_statement_that_no_other_format_is_offered_is_shown_and_not_warned_of(
    tmp_path: Path,
) -> None:
    data = copy_minimal(tmp_path)
    edit(data, "partnerships/sample/partnership.yaml",
         "  offered: true\n  statement: Ask us for large print or another language.\n"
         "  phone: 01234 567890\n",
         "  offered: false\n  statement: The partnership has closed; no other formats can be"
         " asked for.\n")  # fmt: skip
    report = check(data)
    assert "warn-no-alternative-formats" not in {p.code for p in report.problems}
    html = render_home(data)
    assert "The partnership has closed; no other formats can be asked for." in html
    assert "The plan does not say how to get it" not in html
    # With no statement, the page says the plan is silent, and check says so too.
    edit(
        data,
        "partnerships/sample/partnership.yaml",
        "  statement: The partnership has closed; no other formats can be asked for.\n",
        "",
    )
    assert "warn-no-alternative-formats" in {p.code for p in check(data).problems}
    assert "The plan does not say how to get it" in render_home(data)


def test_a_contact_whose_details_are_all_kept_back_says_so_truthfully(tmp_path: Path) -> None:
    data = copy_minimal(tmp_path)
    edit(data, "partnerships/sample/partnership.yaml",
         "    email: justice@sample.example.org\n",
         "    person: {role: Community Justice Coordinator}\n"
         "    email: justice@sample.example.org\n    not_public: [email]\n")  # fmt: skip
    html = render_home(data)
    assert "justice@sample.example.org" not in html
    # What is for whom stays; the page says the details are kept back, not that the plan
    # has none.
    assert "<dt>For</dt><dd>Community justice team</dd>" in html
    assert "<dt>Role</dt><dd>Community Justice Coordinator</dd>" in html
    assert "These contact details are kept private" in html
    assert "not published in the plan" not in html


def test_a_timescale_with_a_start_and_an_end_shows_both(tmp_path: Path) -> None:
    data = copy_minimal(tmp_path)
    plan = "partnerships/sample/plans/sample-plan/participation.yaml"
    edit(data, plan, "      raw: Sep/Oct 2016\n", "")
    said = render(data, "participation")
    assert '<td><time datetime="2016-09">September 2016</time> to <time datetime="2016-10">' \
        "October 2016</time></td>" in said  # fmt: skip
    edit(data, plan, "      due: 2016-10\n", "")
    assert '<td>From <time datetime="2016-09">September 2016</time></td>' in render(
        data, "participation"
    )
