"""Value types shared by every data file: ids, references, dates, contacts, people.

YAML is read with every scalar kept as the string that was written, so each type here
decides for itself how a string becomes a value, and says clearly what it expected when
it cannot. Errors raised here carry a stable code (see ``plansite.load.errors``).
"""

from __future__ import annotations

import functools
import re
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    WithJsonSchema,
    model_validator,
)
from pydantic.config import JsonDict
from pydantic_core import PydanticCustomError

from plansite.model.dates import PartialDate, parse_day

SLUG_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
SLUG_MAX = 80
REF_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*:[a-z0-9]+(-[a-z0-9]+)*$")
SAFE_SCHEMES = ("http://", "https://")
EMAIL_RE = re.compile(r"[^@\s<>\"]+@[^@\s<>\"]+\.[^@\s<>\"]+")
PHONE_RE = re.compile(r"\+?[0-9 ()-]{3,25}( ?(ext\.?|extension) ?[0-9]+)?")
AMBIGUOUS_NUMBER_RES = (re.compile(r"-?0[0-9]+(\.[0-9]+)?"), re.compile(r"[0-9]+(:[0-9]+)+"))
NUMBER_RE = re.compile(r"-?[0-9]+(\.[0-9]+)?")

# A data set repeats the same ids, dates and contacts many times over (releases hold every
# one again), and each check below is pure, so its verdict on a text is remembered.
_remember = functools.lru_cache(maxsize=1 << 16)


class Strict(BaseModel):
    """Base for every model: unknown keys are errors, so typos never vanish silently."""

    # defer_build: a model's validator is built when first used, not on import. Checking
    # validates whole files, whose validators include every model nested in them, so the
    # validators of the nested models on their own are never built for `plansite check`.
    model_config = ConfigDict(extra="forbid", frozen=False, populate_by_name=True, defer_build=True)


@_remember
def _is_slug(value: str) -> bool:
    return len(value) <= SLUG_MAX and SLUG_RE.match(value) is not None


@_remember
def _is_ref(value: str) -> bool:
    return REF_RE.match(value) is not None


@_remember
def _is_safe_url(value: str) -> bool:
    return value.lower().startswith(SAFE_SCHEMES) and not any(c.isspace() for c in value)


@_remember
def _is_email(value: str) -> bool:
    return EMAIL_RE.fullmatch(value) is not None


@_remember
def _is_phone(value: str) -> bool:
    return PHONE_RE.fullmatch(value) is not None


@_remember
def _number_form(value: str) -> str:
    """'ambiguous' (YAML 1.1 would read another number), 'number', or 'other'."""
    if any(pattern.fullmatch(value) for pattern in AMBIGUOUS_NUMBER_RES):
        return "ambiguous"
    return "number" if NUMBER_RE.fullmatch(value) else "other"


# Dates are immutable, so one parsed value may stand wherever the same text was written.
_parse_day = _remember(parse_day)
_parse_partial = _remember(PartialDate.parse)


def _slug(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    if not _is_slug(value):
        raise PydanticCustomError(
            "slug-invalid",
            "expected an id of lower-case letters, digits and single hyphens "
            "(at most {max} characters), found {found}",
            {"max": SLUG_MAX, "found": repr(value)},
        )
    return value


def _framework_ref(value: Any) -> Any:
    if isinstance(value, str) and not _is_ref(value):
        raise PydanticCustomError(
            "ref-format",
            "expected a framework reference written 'framework-id:item-id', found {found}",
            {"found": repr(value)},
        )
    return value


def _item_ref(value: Any) -> Any:
    if isinstance(value, str) and not _is_ref(value):
        raise PydanticCustomError(
            "ref-format",
            "expected a reference written 'kind:id' (e.g. 'action:a1'), found {found}",
            {"found": repr(value)},
        )
    return value


def _url(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    if not _is_safe_url(value):
        raise PydanticCustomError(
            "url-unsafe",
            "expected a web address starting with https:// or http:// and without spaces, "
            "found {found}",
            {"found": repr(value)},
        )
    return value


def _email(value: Any) -> Any:
    if isinstance(value, str) and not _is_email(value):
        raise PydanticCustomError(
            "email-invalid", "expected an email address, found {found}", {"found": repr(value)}
        )
    return value


def _phone(value: Any) -> Any:
    if isinstance(value, str) and not _is_phone(value):
        raise PydanticCustomError(
            "phone-invalid",
            "expected a phone number of digits, spaces and an optional leading +, found {found}",
            {"found": repr(value)},
        )
    return value


def _flag(value: Any) -> Any:
    """Only ``true``/``false``: YAML 1.1's yes/no/on/off are refused, never guessed."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value in ("true", "false"):
        return value == "true"
    raise PydanticCustomError(
        "value-ambiguous",
        "expected true or false, found {found}",
        {"found": repr(value)},
    )


def _number(value: Any) -> Any:
    """Numbers as written: a leading zero ('0123') or a clock time ('1:30') is not a number."""
    if isinstance(value, str):
        form = _number_form(value)
        if form == "ambiguous":
            raise PydanticCustomError(
                "value-ambiguous",
                "expected a plain number such as 12 or 4.5, found {found} (YAML 1.1 would "
                "read it as a different number)",
                {"found": repr(value)},
            )
        if form == "other":
            raise PydanticCustomError(
                "type-wrong",
                "expected a number such as 12 or 4.5, found {found}",
                {"found": repr(value)},
            )
    return value


def _day(value: Any) -> Any:
    if isinstance(value, str):
        return _parse_day(value)
    if isinstance(value, date):
        return value
    raise PydanticCustomError(
        "type-wrong", "expected a date written YYYY-MM-DD, found {found}", {"found": repr(value)}
    )


def _partial(value: Any) -> Any:
    if isinstance(value, str):
        return _parse_partial(value)
    if isinstance(value, PartialDate):
        return value
    raise PydanticCustomError(
        "type-wrong", "expected a date such as 2017-06 or 2017/18, found {found}",
        {"found": repr(value)},
    )  # fmt: skip


Slug = Annotated[str, BeforeValidator(_slug), Field(json_schema_extra={"pattern": SLUG_RE.pattern})]
"""An id: used in URLs, so it never changes once published (record former ids instead)."""
FrameworkRef = Annotated[
    str, BeforeValidator(_framework_ref), Field(json_schema_extra={"pattern": REF_RE.pattern})
]
ItemRef = Annotated[
    str, BeforeValidator(_item_ref), Field(json_schema_extra={"pattern": REF_RE.pattern})
]
"""A reference to any item of a partnership, written 'kind:id'."""
Url = Annotated[str, BeforeValidator(_url), Field(json_schema_extra={"format": "uri"})]
Email = Annotated[str, BeforeValidator(_email), Field(json_schema_extra={"format": "email"})]
Phone = Annotated[str, BeforeValidator(_phone)]
Flag = Annotated[bool, BeforeValidator(_flag)]
Number = Annotated[float, BeforeValidator(_number)]
Count = Annotated[int, BeforeValidator(_number), Field(ge=0)]
Day = Annotated[
    Any,
    BeforeValidator(_day),
    PlainSerializer(lambda d: d.isoformat(), return_type=str),
    WithJsonSchema({"type": "string", "format": "date"}),
]
"""A calendar day written YYYY-MM-DD."""
When = Annotated[
    PartialDate,
    BeforeValidator(_partial),
    PlainSerializer(lambda d: d.text, return_type=str),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^(\d{4}(-\d{2}(-\d{2})?)?|\d{4}/\d{2}|year \d{1,2}|ongoing)$",
            "description": "YYYY, YYYY-MM, YYYY-MM-DD, a financial year YYYY/YY, "
            "'year N' (relative to the plan's years), or 'ongoing'",
        }
    ),
]
"""A date as precise as the source allows: a year, month, day, financial year or plan year."""

PlainText = Annotated[str, Field(min_length=1, max_length=2000)]
"""One line or paragraph shown as plain text; never interpreted as markup."""
RichText = Annotated[
    str, Field(min_length=1, max_length=20000, json_schema_extra={"x-plansite-text": "markdown"})
]
"""Longer text written in a small, safe subset of Markdown (paragraphs, lists, emphasis, links)."""

INTERNAL: JsonDict = {"x-plansite-internal": True}
"""Marks a field that no page or download shows: kept in the data folder for the people who
keep it. Every other field is published wherever it has a value (a test proves it), and
``plansite check`` lists the values held in internal fields."""


class Timescale(Strict):
    """When something is due, as the plan wrote it and as dates that can be sorted."""

    raw: PlainText | None = Field(None, description="The timescale exactly as the plan wrote it.")
    start: When | None = Field(None, description="When the work starts, if stated.")
    due: When | None = Field(None, description="When the work is due to be complete.")
    ongoing: Flag = Field(False, description="true when the plan says the work is continuous.")


class Period(Strict):
    """The span a plan covers."""

    raw: PlainText | None = Field(None, description="The period as printed, e.g. '2017-22'.")
    start: When
    end: When


class Person(Strict):
    """Someone named in a plan. Their name is published only when ``public`` is true."""

    role: PlainText = Field(
        description="Their role, e.g. 'Chair of the Community Justice Partnership'."
    )
    name: PlainText | None = None
    organisation: Slug | None = Field(None, description="Id of the organisation they work for.")
    public: Flag = Field(False, description="true only when the person agreed to be named.")


ContactField = Literal["label", "person", "phone", "email", "website", "address", "hours", "note"]


class ContactPoint(Strict):
    """A way to reach someone. ``not_stated: true`` says plainly that the plan gives none."""

    label: PlainText | None = Field(None, description="What this contact is for.")
    person: Person | None = None
    phone: Phone | None = None
    email: Email | None = None
    website: Url | None = None
    address: PlainText | None = None
    hours: PlainText | None = None
    note: PlainText | None = None
    checked: Day | None = Field(
        None,
        description="The day these details were last checked, YYYY-MM-DD; pages show the month, "
        "and check warns once it is older than the partnership allows.",
    )
    not_stated: Flag = Field(
        False, description="true when the source gives no contact details at all."
    )
    not_public: list[ContactField] | None = Field(
        None,
        description="Fields of this contact kept in the data folder and never published, "
        "e.g. [phone, note].",
    )

    def reachable(self) -> bool:
        return any((self.phone, self.email, self.website, self.address))

    @model_validator(mode="after")
    def _stated_or_not(self) -> ContactPoint:
        if self.not_stated and self.reachable():
            raise PydanticCustomError(
                "value-conflict",
                "the contact says not_stated: true but also gives contact details",
            )
        return self


class Source(Strict):
    """Where in a source document a fact comes from."""

    section: PlainText | None = None
    page: Count | None = None
    note: PlainText | None = Field(
        None, description="What was inferred or corrected, and why (e.g. garbled PDF text)."
    )
