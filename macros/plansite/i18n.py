"""The product's own words in the reader's language: message catalogues, one per language.

Every sentence plansite writes on a page (not the data's words: see ``plansite.translate``)
is an English message; a catalogue at ``locale/<code>/LC_MESSAGES/plansite.po`` gives it in
another language. English needs no catalogue. A message a catalogue lacks is shown in
English. Templates call ``_()`` and ``{% trans %}``; Python code calls ``gettext`` and
``ngettext`` here, which answer in the language of the site being built (``speaking``).
"""

from __future__ import annotations

import gettext as _gettext
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from io import BytesIO
from pathlib import Path

import jinja2
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po
from babel.support import Translations

LOCALE = Path(__file__).resolve().parent / "locale"
DOMAIN = "plansite"
ENGLISH = "en"

_language: ContextVar[str] = ContextVar("plansite_language", default=ENGLISH)


def catalogue_path(language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def shipped_languages() -> list[str]:
    """The languages a catalogue ships for, besides English."""
    return sorted(p.parent.parent.name for p in LOCALE.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


# Marks round words left in English on a page in another language: put round a message here
# or a value of the data (``plansite.model.translation``), turned into ``lang="en"`` when the
# page is written (``plansite.site.languages``). Unicode's private use area: never in text.
ENGLISH_START, ENGLISH_END = "\ue000", "\ue001"


class InEnglish(_gettext.NullTranslations):
    """The messages of a language its catalogue does not translate (or of a language with no
    catalogue): said in English, and marked as English so that a screen reader says so."""

    def gettext(self, message: str) -> str:
        return f"{ENGLISH_START}{message}{ENGLISH_END}"

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return self.gettext(msgid1 if n == 1 else msgid2)


@cache
def translations(language: str) -> _gettext.NullTranslations:
    """The catalogue of ``language``, read from its .po file. English translates nothing; in
    another language, a message its catalogue lacks is said in English, marked as English."""
    path = catalogue_path(language)
    if language == ENGLISH:
        return _gettext.NullTranslations()
    if not path.is_file():
        return InEnglish()
    with path.open("rb") as handle:
        catalogue = read_po(handle, locale=language, domain=DOMAIN)
    compiled = BytesIO()
    write_mo(compiled, catalogue)  # fuzzy entries are left out: they still need a reviewer
    compiled.seek(0)
    found = Translations(compiled, domain=DOMAIN)
    found.add_fallback(InEnglish())
    return found


def install(env: jinja2.Environment, language: str) -> None:
    """Give a Jinja environment's templates ``_()``, ``{% trans %}`` and ``ngettext`` in
    ``language``. Newstyle: a message's values are given by name and escaped, never glued on
    (so a message's own ``%`` is written ``%%``)."""
    env.add_extension("jinja2.ext.i18n")
    env.install_gettext_translations(translations(language), newstyle=True)  # type: ignore[attr-defined]


@contextmanager
def speaking(language: str) -> Iterator[None]:
    """Python code within answers in ``language``."""
    token = _language.set(language)
    try:
        yield
    finally:
        _language.reset(token)


def language() -> str:
    return _language.get()


def gettext(message: str) -> str:
    return translations(_language.get()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return translations(_language.get()).ngettext(singular, plural, n)


def N_(message: str) -> str:  # noqa: N802 - the usual name for "marked, translated later"
    """Marks a message for the catalogue where it is defined; it is translated where used."""
    return message


# The catalogue template (.pot): every message, read from the code and the templates.
SOURCES = Path(__file__).resolve().parents[2]  # the folder babel.cfg's paths start from
TEMPLATE = LOCALE / f"{DOMAIN}.pot"
MAPPING = LOCALE / "babel.cfg"
# Lines a catalogue would change on every run or with every Babel release: left out, so the
# written files change only when the messages do.
HEADER = """\
# The words plansite writes on its pages, to translate into another language.
# Made by `plansite catalogue` from the code and the templates: do not edit by hand."""
_UNSTABLE = ("POT-Creation-Date:", "Generated-By:")


def extracted() -> Catalog:
    """Every message the code and the templates give, with where each comes from."""
    from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
    from babel.messages.frontend import parse_mapping_cfg

    with MAPPING.open(encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle, str(MAPPING))  # type: ignore[no-untyped-call]
    template = Catalog(project=DOMAIN, domain=DOMAIN, charset="utf-8", header_comment=HEADER)
    # not_stated("…") takes its message in English and translates it (plansite.site.render).
    keywords = {**DEFAULT_KEYWORDS, "not_stated": None}
    found = extract_from_dir(
        str(SOURCES), method_map, options_map, keywords, ("Translators:",),
        strip_comment_tags=True,
    )  # fmt: skip
    for filename, lineno, message, comments, context in found:
        template.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return template


def catalogue_text(catalogue: Catalog) -> str:
    """A catalogue as the .po (or .pot) file it is kept in."""
    written = BytesIO()
    write_po(written, catalogue)
    lines = written.getvalue().decode("utf-8").splitlines(keepends=True)
    return "".join(line for line in lines if not line.startswith(tuple(f'"{u}' for u in _UNSTABLE)))


def catalogues() -> dict[Path, str]:
    """The catalogue template and every language's catalogue, as they should be written:
    each language keeps its translations and gains the new messages, untranslated."""
    template = extracted()
    out = {TEMPLATE: catalogue_text(template)}
    for code in shipped_languages():
        path = catalogue_path(code)
        with path.open("rb") as handle:
            catalogue = read_po(handle, locale=code, domain=DOMAIN)
        catalogue.update(template, update_creation_date=False)
        out[path] = catalogue_text(catalogue)
    return out


def stale_catalogues(texts: dict[Path, str] | None = None) -> list[Path]:
    """The catalogue files whose messages are not the code's and the templates' now."""
    texts = catalogues() if texts is None else texts
    return [p for p, text in texts.items() if not p.is_file() or p.read_text("utf-8") != text]


def write_catalogues() -> list[Path]:
    """Write the catalogue template and update every language's catalogue from it; the files
    written (those that changed)."""
    texts = catalogues()
    stale = stale_catalogues(texts)
    for path in stale:
        path.write_text(texts[path], encoding="utf-8")
    return stale
