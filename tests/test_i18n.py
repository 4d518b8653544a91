"""The product's own words go through the message catalogue: the catalogue template is
current, every message comes from somewhere, a catalogue translates the pages, and English
pages are the same whether or not they go through one."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

import plansite.i18n
from plansite.cli import main
from plansite.i18n import TEMPLATE, speaking, translations
from plansite.pages.spec import PageSpec
from plansite.site.render import Renderer, day, month, not_stated
from tests.conftest import ROOT, SHIPPED
from tests.site_helpers import build, tree_hash

TEMPLATES = ROOT / "overrides" / "partials" / "plansite"


def template() -> Catalog:
    with TEMPLATE.open("rb") as handle:
        return read_po(handle)


def use_catalogue(
    monkeypatch: pytest.MonkeyPatch, folder: Path, code: str, catalogue: Catalog
) -> None:
    """Make ``catalogue`` the one plansite reads for ``code``, from ``folder``."""
    path = folder / code / "LC_MESSAGES" / "plansite.po"
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        write_po(handle, catalogue)
    monkeypatch.setattr(plansite.i18n, "LOCALE", folder)
    translations.cache_clear()


@pytest.fixture(autouse=True)
def fresh_catalogues() -> Iterator[None]:
    """Catalogues are read once and kept: each test starts and ends with none read."""
    translations.cache_clear()
    yield
    translations.cache_clear()


def test_the_catalogue_template_is_current(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["catalogue", "--check"]) == 0, capsys.readouterr().err


def test_every_message_comes_from_the_code_or_the_templates() -> None:
    messages = [m for m in template() if m.id]
    assert messages
    for message in messages:
        assert message.locations, message.id
        for filename, _ in message.locations:
            assert (ROOT / filename).is_file(), (message.id, filename)
            assert filename.startswith(("macros/plansite/", "overrides/")), filename


@dataclass(frozen=True)
class Sample:
    count: int
    name: str


def test_a_catalogue_translates_the_pages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    catalogue = Catalog(locale="de", domain="plansite")
    catalogue.add("Not stated in the plan", "Im Plan nicht angegeben")
    catalogue.add("Planned", "Geplant")
    catalogue.add(
        ("%(count)s action for %(name)s", "%(count)s actions for %(name)s"),
        ("%(count)s Maßnahme für %(name)s", "%(count)s Maßnahmen für %(name)s"),
    )
    use_catalogue(monkeypatch, tmp_path / "locale", "de", catalogue)
    pages = tmp_path / "templates"
    pages.mkdir()
    (pages / "home.html").write_text(
        "{{ not_stated() }} {{ action_status['planned'] }} {{ _('Planned') }}"
        " {% trans count=count, name=name %}{{ count }} action for {{ name }}"
        "{% pluralize %}{{ count }} actions for {{ name }}{% endtrans %}",
        encoding="utf-8",
    )
    html = Renderer(pages, language="de").render(PageSpec("home", "", "", "Home"), Sample(3, "<A>"))
    assert html == (
        '<span class="plansite-missing">Im Plan nicht angegeben</span> Geplant Geplant'
        " 3 Maßnahmen für &lt;A&gt;"
    )
    english = Renderer(pages).render(PageSpec("home", "", "", "Home"), Sample(1, "B"))
    missing = '<span class="plansite-missing">Not stated in the plan</span>'
    assert english == f"{missing} Planned Planned 1 action for B"


def test_dates_are_written_in_the_language_spoken() -> None:
    assert str(day(date(2025, 1, 15))) == '<time datetime="2025-01-15">15 January 2025</time>'
    assert str(month(date(2026, 3, 2))) == '<time datetime="2026-03-02">March 2026</time>'
    with speaking("fr"):
        assert "15 janvier 2025" in day(date(2025, 1, 15))
        assert "mars 2026" in month(date(2026, 3, 2))
        assert "Not stated in the plan" in not_stated()  # no French catalogue: English


@pytest.mark.slow
def test_english_pages_are_the_same_through_a_catalogue(
    shipped_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every message given back as itself by a real catalogue makes the same site, byte for
    byte: no message is %-formatted, escaped or spaced differently through gettext."""
    same = Catalog(locale="en", domain="plansite")
    for message in template():
        if message.id:
            same.add(message.id, message.id, message.locations, flags=message.flags)
    shutil.copytree(plansite.i18n.LOCALE / "gd", tmp_path / "locale" / "gd")  # as shipped
    use_catalogue(monkeypatch, tmp_path / "locale", "en", same)
    monkeypatch.setattr(plansite.i18n, "ENGLISH", "no English")  # read English's catalogue
    assert translations("en").gettext("Planned") == "Planned"
    assert type(translations("en")).__name__ == "Translations"
    out = tmp_path / "site"
    build(SHIPPED, out)
    assert tree_hash(out) == tree_hash(shipped_site)


PLACEHOLDER = re.compile(r"%\([a-z_]+\)s|%%|</?[a-z]+[^>]*>")


def test_the_gaelic_catalogue_says_everything_and_asks_for_review() -> None:
    """Every message has its Gaelic, no guess is left (a fuzzy entry would show English), and
    each keeps the values and tags of its English."""
    path = plansite.i18n.catalogue_path("gd")
    assert "reviewed by a Gaelic speaker" in path.read_text(encoding="utf-8")[:2000]
    with path.open("rb") as handle:
        gaelic = read_po(handle)
    wanted = {m.id for m in template() if m.id}
    messages = [m for m in gaelic if m.id]
    assert {m.id for m in messages} == wanted
    for m in messages:
        english = m.id if isinstance(m.id, tuple) else (m.id,)
        forms = m.string if isinstance(m.string, tuple) else (m.string,)
        assert not m.fuzzy and all(forms), m.id
        names = sorted(set(PLACEHOLDER.findall(english[0])))
        for form in forms:
            assert sorted(set(PLACEHOLDER.findall(form))) == names, (m.id, form)
