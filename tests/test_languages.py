"""A site in another language: the data's translations where they exist, English marked as
English where they do not, out-of-date translations flagged, the versions linked both ways,
and every promise about values kept back still kept."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import html as lhtml

from plansite.i18n import translations
from plansite.model.translation import MARKS, english, stale
from plansite.site.languages import mark_languages, name_of, versions
from plansite.validate import check
from tests.conftest import CheckRun, edit
from tests.site_helpers import build, page_body, words_in

PS = "partnerships/sample"
FLAG = "(out of date)"
ANY_MARK = re.compile(f"[{MARKS}]")


def test_english_left_in_a_page_is_marked_in_text_and_dropped_where_no_element_can_go() -> None:
    page = (
        f"<title>{english('Family support')} - x</title>"
        f"<h1>{english('Family support')}</h1>"
        f'<a href="#" aria-label="{english("Open it")}">{english("a <b>bold</b> word")}</a>'
        f"<script>var x = '{english('y')}';</script>"
        f"<p>{stale('Taic')}</p><!-- {english('z')} -->"
    )
    assert mark_languages(page, FLAG) == (
        "<title>Family support - x</title>"
        '<h1><span lang="en">Family support</span></h1>'
        '<a href="#" aria-label="Open it"><span lang="en">a </span><b><span lang="en">bold'
        '</span></b><span lang="en"> word</span></a>'
        "<script>var x = 'y';</script>"
        '<p><span class="plansite-stale">Taic</span><span class="plansite-stale-flag"> '
        "(out of date)</span></p><!--  z  -->".replace("  z  ", " z ")
    )


def test_a_mark_without_its_pair_leaves_no_mark_and_no_unclosed_element() -> None:
    cut = english("A very long name")[:8]  # cut short, as a summary of a summary might be
    done = mark_languages(f"<p>{cut}</p><p>after</p>", FLAG)
    assert done == '<p><span lang="en">A very </span></p><p>after</p>'
    assert not ANY_MARK.search(done)


def test_each_version_of_a_page_is_linked_from_every_other() -> None:
    from_gaelic = versions("outcomes/better-access/", "gd", ["gd"])
    assert [(v.code, v.name, v.href, v.current) for v in from_gaelic] == [
        ("en", "English", "../../../outcomes/better-access/", False),
        ("gd", "Gàidhlig", "../../../gd/outcomes/better-access/", True),
    ]
    home = versions("", "en", ["gd", "pl"])
    assert [(v.code, v.href) for v in home] == [("en", "./"), ("gd", "gd/"), ("pl", "pl/")]
    assert name_of("pl") == "Polski" and name_of("xx") == "xx"


# --- What check says ------------------------------------------------------------------------

GD = f"{PS}/translations/gd.yaml"


def _translations(root: Path, entries: str, declare: bool = True) -> None:
    folder = root / PS / "translations"
    folder.mkdir()
    (folder / "gd.yaml").write_text(f"language: gd\ntranslations:\n{entries}", encoding="utf-8")
    if declare:
        edit(root, f"{PS}/partnership.yaml", "id: sample\n", "id: sample\nlanguages: [gd]\n")


NAME = (
    "  - file: services.yaml\n    id: family-support\n    field: name\n"
    "    english: Family support\n    text: Taic do theaghlaichean\n"
)


def _codes(run: CheckRun) -> list[str]:
    return re.findall(r"\[([a-z-]+)\]", run.out + run.err)


def test_a_translation_whose_english_changed_is_reported_where_its_english_is(
    minimal: Path, run_check: object
) -> None:
    _translations(minimal, NAME)
    edit(minimal, f"{PS}/services.yaml", "name: Family support", "name: Family help")
    run = run_check(minimal)  # type: ignore[operator]
    line = next(ln for ln in run.out.splitlines() if "warn-translation-stale" in ln)
    assert line.startswith(f"data/{GD}:6:14: [warn-translation-stale]")
    assert "it now reads 'Family help', the translation was made from 'Family support'" in line


@pytest.mark.parametrize(
    ("entry", "says"),
    [
        (NAME.replace("family-support", "family-suport"), "no record with id 'family-suport'"),
        (NAME.replace("field: name", "field: id"), "'id' is not text to read"),
        (NAME.replace("file: services.yaml", "file: service.yaml"), "not a file a translation"),
        (NAME.replace("    id: family-support\n", ""), "give the id of one"),
    ],
)
def test_a_translation_of_nothing_is_an_error_at_its_entry(
    minimal: Path, entry: str, says: str
) -> None:
    _translations(minimal, entry)
    (found,) = [d for d in check(minimal).problems if d.code == "translation-target-unknown"]
    assert (found.file, found.line) == (f"data/{GD}", 3)
    assert says in found.message


def test_a_language_is_published_only_when_the_partnership_says_so(minimal: Path) -> None:
    _translations(minimal, NAME, declare=False)
    codes = [d.code for d in check(minimal).problems]
    assert "warn-language-not-published" in codes
    edit(minimal, f"{PS}/partnership.yaml", "id: sample\n", "id: sample\nlanguages: [en]\n")
    (wrong,) = [d for d in check(minimal).problems if d.severity == "error"]
    assert "English is the language the data is written in" in wrong.message


# --- A built site in Gaelic -----------------------------------------------------------------


SECRET = "Seinn an clag aig an doras chùil"  # noqa: S105 - a translation of a note kept back
KEPT = (
    "  - file: services.yaml\n    id: family-support\n    field: contact.note\n"
    f"    english: Ring the bell at the back door\n    text: {SECRET}\n"
)
OLD_SUMMARY = (
    "  - file: services.yaml\n    id: family-support\n    field: summary\n"
    "    english: Help for the families of people in prison.\n"  # it has changed since
    "    text: Cuideachadh do theaghlaichean\n"
)


def _keep_back_a_note(root: Path) -> None:
    edit(root, f"{PS}/services.yaml", "      phone: 01234 000000\n",
         "      phone: 01234 000000\n      note: Ring the bell at the back door\n"
         "      not_public: [note]\n")  # fmt: skip


def test_a_translation_of_a_value_kept_back_is_reported(minimal: Path) -> None:
    _keep_back_a_note(minimal)
    _translations(minimal, KEPT)
    (found,) = [d for d in check(minimal).problems if d.code == "warn-translation-not-public"]
    assert "services.yaml, 'family-support', contact.note is marked not public" in found.message


@pytest.fixture(scope="module")
def gaelic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The minimal site in English and Gaelic: a name translated, a summary translated from
    English that has changed since, and a translation of a note kept back."""
    from tests.conftest import copy_minimal

    where = tmp_path_factory.mktemp("gaelic")
    data = copy_minimal(where)
    _keep_back_a_note(data)
    _translations(data, NAME + OLD_SUMMARY + KEPT)
    build(data, where / "site", "sample")
    return where / "site" / "sample"


@pytest.mark.slow
def test_every_page_in_gaelic_says_so_and_marks_what_is_left_in_english(gaelic: Path) -> None:
    pages = sorted((gaelic / "gd").rglob("*.html"))
    assert len(pages) > 30
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert '<html lang="gd"' in text[:200], page
    service = page_body(gaelic, "gd/services/family-support")
    (title,) = service.xpath("//h1")
    assert words_in(title) == "Taic do theaghlaichean" and title.get("lang") is None
    assert not title.xpath(".//*[@lang]")  # in the page's own language
    # What has no translation is English, said so: the partnership's name, for one.
    marked = [words_in(e) for e in service.xpath('//*[@lang="en"]')]
    assert "Sample Community Justice Partnership" in " ".join(marked)
    # The summary was translated from English that has changed since: flagged.
    stale_one = service.xpath('//*[@class="plansite-stale"]')[0]
    assert words_in(stale_one) == "Cuideachadh do theaghlaichean"
    flag = translations("gd").gettext("(translation out of date: the English has changed)")
    assert flag != "(translation out of date: the English has changed)"  # said in Gaelic
    assert words_in(stale_one.getnext()) == flag


@pytest.mark.slow
def test_no_published_byte_keeps_a_mark_or_a_translation_kept_back(gaelic: Path) -> None:
    from tests.test_record import published_text

    files = [p for p in gaelic.rglob("*") if p.is_file()]
    assert any(p.parts[-2:] == ("search", "search_index.json") for p in files)
    for path in files:
        text = published_text(path)
        assert not ANY_MARK.search(text), path
        assert SECRET.casefold() not in text and "ring the bell" not in text, path


@pytest.mark.slow
def test_the_versions_link_to_each_other_from_every_page(gaelic: Path) -> None:
    for english_page in sorted(gaelic.rglob("index.html")):
        rel = english_page.relative_to(gaelic)
        if rel.parts[0] == "gd" or rel.parts[0] == "embed":
            continue
        for page, other in (
            (english_page, gaelic / "gd" / rel),
            (gaelic / "gd" / rel, english_page),
        ):
            root = lhtml.parse(str(page)).getroot()
            hrefs = {a.get("hreflang"): a.get("href") for a in
                     root.xpath('//nav[@class="plansite-languages"]//a')}  # fmt: skip
            alternates = {ln.get("hreflang"): ln.get("href") for ln in
                          root.xpath('//link[@rel="alternate"][@hreflang]')}  # fmt: skip
            assert set(alternates) == {"en", "gd"}, page
            (code,) = hrefs  # the other language: the current one is not a link
            target = (page.parent / hrefs[code] / "index.html").resolve()
            assert target == other.resolve(), (page, hrefs)
            assert (page.parent / alternates[code] / "index.html").resolve() == target


@pytest.fixture(scope="module")
def polish(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The minimal site in Polish, a language plansite has no catalogue for: its own words
    stay English, and say so."""
    from tests.conftest import copy_minimal

    where = tmp_path_factory.mktemp("polish")
    data = copy_minimal(where)
    folder = data / PS / "translations"
    folder.mkdir()
    entries = NAME.replace("Taic do theaghlaichean", "Wsparcie dla rodzin") + OLD_SUMMARY
    (folder / "pl.yaml").write_text(f"language: pl\ntranslations:\n{entries}", encoding="utf-8")
    edit(data, f"{PS}/partnership.yaml", "id: sample\n", "id: sample\nlanguages: [pl]\n")
    build(data, where / "site", "sample")
    return where / "site" / "sample"


@pytest.mark.slow
def test_in_a_language_with_no_catalogue_plansites_own_words_are_marked_english(
    polish: Path,
) -> None:
    service = lhtml.parse(str(polish / "pl/services/family-support/index.html")).getroot()
    assert service.get("lang") == "pl"
    (title,) = service.xpath('//div[contains(@class, "plansite-page")]//h1')
    assert words_in(title) == "Wsparcie dla rodzin" and not title.xpath(".//*[@lang]")
    # The breadcrumb's "Services and support" is plansite's English: said to be English.
    (crumb,) = service.xpath('//nav[@class="plansite-breadcrumbs"]//a[contains(., "Services")]')
    assert [words_in(e) for e in crumb.xpath('.//*[@lang="en"]')] == ["Services and support"]
    (flag,) = service.xpath('//*[@class="plansite-stale-flag"]')
    assert flag.get("lang") == "en" and "translation out of date" in words_in(flag)
    for path in polish.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".json", ".xml"}:
            assert not ANY_MARK.search(path.read_text(encoding="utf-8")), path


def test_a_message_no_catalogue_has_is_english_marked_as_english() -> None:
    from plansite.i18n import ENGLISH_END, ENGLISH_START

    assert translations("xx").gettext("Home") == f"{ENGLISH_START}Home{ENGLISH_END}"
    assert translations("en").gettext("Home") == "Home"
    # A catalogue that lacks a message falls back to English, marked.
    gaelic = translations("gd")
    assert gaelic.gettext("Home") != "Home" and ENGLISH_START not in gaelic.gettext("Home")
    assert gaelic.gettext("no such message") == f"{ENGLISH_START}no such message{ENGLISH_END}"


@pytest.mark.slow
def test_the_partnerships_own_pages_and_news_are_english_on_the_gaelic_site(
    shipped_site: Path,
) -> None:
    """Written in English, they say so: their titles in every list and heading, their text."""
    post = page_body(shipped_site, "example/gd/news/first-mentors-trained")
    (title,) = post.xpath("//h1")
    assert [words_in(e) for e in title.xpath('.//*[@lang="en"]')] == [
        "Our first volunteer mentors are ready"
    ]
    listed = page_body(shipped_site, "example/gd/news").xpath('//h2[@class="plansite-card-title"]')
    assert listed and all(h.xpath('.//*[@lang="en"]') for h in listed)
    assert post.xpath('//div[@lang="en"]//p'), "the post's own text is marked English"
