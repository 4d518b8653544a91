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

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
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


@cache
def translations(language: str) -> _gettext.NullTranslations:
    """The catalogue of ``language``, read from its .po file; English (or a language with no
    catalogue) translates nothing."""
    path = catalogue_path(language)
    if language == ENGLISH or not path.is_file():
        return _gettext.NullTranslations()
    with path.open("rb") as handle:
        catalogue = read_po(handle, locale=language, domain=DOMAIN)
    compiled = BytesIO()
    write_mo(compiled, catalogue)  # fuzzy entries are left out: they still need a reviewer
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)


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
