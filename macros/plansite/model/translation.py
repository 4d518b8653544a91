"""The data's own words in another language: one file per language, beside the English.

Each entry names the value it translates (the file, the record's id, the field) and keeps the
English it was made from. When the English changes, the entry no longer matches it: the page
shows the translation flagged as out of date, and ``check`` says so.

A page in another language shows every value of the data that has no translation in
English, marked so that a screen reader reads it with an English voice. The marks are
characters of Unicode's private use area, put round a value before the page is rendered and
turned into ``lang`` attributes after (``plansite.site.languages``); no published byte keeps
them.
"""

from __future__ import annotations

import re
from functools import cache
from types import UnionType
from typing import Annotated, Any, Union, get_args, get_origin

from annotated_types import MaxLen
from pydantic import BaseModel, BeforeValidator, Field
from pydantic.fields import FieldInfo
from pydantic_core import PydanticCustomError

from plansite.i18n import ENGLISH_END, ENGLISH_START
from plansite.model.common import Slug, Strict

# An untranslated value is marked as English (the marks are plansite.i18n's); a translation
# whose English has changed since is marked as out of date.
STALE_START, STALE_END = "\ue002", "\ue003"
MARKS = ENGLISH_START + ENGLISH_END + STALE_START + STALE_END
_MARKS = re.compile(f"[{MARKS}]")

# A language as BCP 47 writes it, in the short form plansite publishes: 'gd', 'pl', 'pt-BR'.
LANGUAGE_RE = re.compile(r"^[a-z]{2,3}(-[A-Z]{2}|-[A-Za-z]{4})?$")


def _language(value: object) -> object:
    if value == "en":
        raise PydanticCustomError(
            "language-invalid",
            "English is the language the data is written in: every site is published in it, "
            "so list only the other languages",
        )
    if isinstance(value, str) and not LANGUAGE_RE.match(value):
        raise PydanticCustomError(
            "language-invalid",
            "expected a language as the short code of BCP 47, such as gd (Scottish Gaelic), "
            "pl (Polish) or pt-BR, found {found}",
            {"found": repr(value)},
        )
    return value


LanguageCode = Annotated[str, BeforeValidator(_language)]


def english(text: str) -> str:
    """``text`` marked as English on a page in another language."""
    return f"{ENGLISH_START}{text}{ENGLISH_END}"


def stale(text: str) -> str:
    """A translation marked as made from English that has changed since."""
    return f"{STALE_START}{text}{STALE_END}"


def unmarked(text: str) -> str:
    return _MARKS.sub("", text)


def is_english(text: str) -> bool:
    return text.startswith(ENGLISH_START) and text.endswith(ENGLISH_END)


class Translation(Strict):
    """One value of the data in another language."""

    file: str = Field(
        description="The data file that holds the value, from the partnership's folder: "
        "partnership.yaml, services.yaml, changes.yaml, or plans/<plan id>/plan.yaml, "
        "actions.yaml, indicators.yaml or participation.yaml."
    )
    id: Slug | None = Field(
        None,
        description="The id of the record in that file (a service, an item of the plan, an "
        "action, an indicator); left out for the file's own fields, such as the plan's title.",
    )
    field: str = Field(
        pattern=r"^[a-z_]+(\.[a-z0-9_-]+)*$",
        description="The field translated, such as summary or name; a field inside another "
        "is written with dots (contact.note), and an entry of a list by its id "
        "(measures.wait.text).",
    )
    english: str = Field(
        min_length=1,
        description="The English the translation was made from, copied as it was: when the "
        "English changes, the translation is shown as out of date.",
    )
    text: str = Field(min_length=1, max_length=20000, description="The translation.")


class TranslationsFile(Strict):
    """translations/<language>.yaml: the data's words in one language."""

    language: LanguageCode = Field(description="The language, as its file is named: gd.")
    translations: list[Translation] = Field(default_factory=list, max_length=20000)


def _is_text(annotation: Any) -> bool:
    """PlainText or RichText (a str with a length limit), or an optional one."""
    origin = get_origin(annotation)
    if origin is Annotated:
        base, *meta = get_args(annotation)
        limits = [m for m in meta if isinstance(m, MaxLen)]
        limits += [x for m in meta if isinstance(m, FieldInfo) for x in m.metadata
                   if isinstance(x, MaxLen)]  # fmt: skip
        return (base is str and bool(limits)) or _is_text(base)
    if origin is Union or isinstance(annotation, UnionType):
        return any(_is_text(a) for a in get_args(annotation))
    return False


@cache
def text_fields(model: type[BaseModel]) -> frozenset[str]:
    """The fields of ``model`` that hold words to read (one text, or a list of texts), as
    opposed to ids, codes, addresses and numbers: what a translation may replace."""
    out = set()
    for name, info in model.model_fields.items():
        annotation = info.annotation
        if get_origin(annotation) is list:
            annotation = get_args(annotation)[0]
        own = info.annotation is str and any(isinstance(m, MaxLen) for m in info.metadata)
        if own or _is_text(annotation):
            out.add(name)
    return frozenset(out)
