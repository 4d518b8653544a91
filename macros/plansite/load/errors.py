"""The catalogue of problems the validator reports.

Every problem has a stable code, a severity and a hint saying how to fix it. Codes never
change meaning once published: tools and people search for them.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "warning", "note"]


@dataclass(frozen=True)
class Problem:
    severity: Severity
    hint: str


CATALOGUE: dict[str, Problem] = {
    # Reading files
    "file-too-large": Problem(
        "error", "split the file, or remove pasted content; data files are small"
    ),
    "file-encoding": Problem("error", "save the file as UTF-8 text"),
    "file-bom": Problem("error", "save the file as UTF-8 without a byte order mark (BOM)"),
    "file-binary": Problem(
        "error", "this is not a text file: replace it with the YAML it should be"
    ),
    "file-empty": Problem("error", "fill the file in, or delete it if it is not needed"),
    "file-unknown": Problem(
        "error", "rename the file to one plansite reads, or move it out of the data folder"
    ),
    "file-missing": Problem("error", "create the file; `plansite new` writes a filled-in example"),
    "yaml-syntax": Problem("error", "check indentation, colons and quotes around this line"),
    "yaml-tab": Problem("error", "indent with spaces, not tabs"),
    "yaml-duplicate-key": Problem("error", "remove one of the two entries, or merge them"),
    "yaml-alias": Problem(
        "error", "write the value out in full; anchors (&) and aliases (*) are not allowed"
    ),
    "yaml-tag": Problem("error", "remove the '!' tag; write plain values and quote text if needed"),
    "yaml-too-deep": Problem("error", "flatten the structure; data files never nest this deeply"),
    "yaml-too-many": Problem("error", "split the data, or remove repeated items"),
    "yaml-documents": Problem("error", "keep one document per file: remove the '---' separators"),
    "yaml-not-mapping": Problem("error", "start the file with the expected top-level keys"),
    "page-facts-missing": Problem(
        "error", "start the file with '---', its facts such as 'title: ...', then '---'"
    ),
    "page-file-name": Problem("error", "rename the file: lower-case letters, digits, hyphens, .md"),
    "page-address-taken": Problem("error", "rename the file: its name is the page's address"),
    "page-heading": Problem(
        "error", "the title is the page's main heading: start the text's headings at ##"
    ),
    "page-template": Problem(
        "error", "check the {{ }} and {% %} around this line: each must be closed"
    ),
    "page-macro-unknown": Problem("error", "use one of the macros the guide lists"),
    "page-macro-argument": Problem("error", "give the macro the arguments the guide shows"),
    "page-macro-ref": Problem("error", "use an id that is in the data"),
    "page-link": Problem(
        "error", "link to a page by its file: end the address with index.md, as ../news/index.md"
    ),
    "warn-report-due": Problem("warning", "publish the year's annual report"),
    # Checking fields
    "field-missing": Problem("error", "add the field"),
    "field-unknown": Problem("error", "fix the spelling or remove the field"),
    "type-wrong": Problem("error", "write the value in the expected form"),
    "value-not-allowed": Problem("error", "use one of the allowed values"),
    "value-conflict": Problem(
        "error", "remove one of the two statements that contradict each other"
    ),
    "value-ambiguous": Problem("error", "write the value exactly as shown; quote it if it is text"),
    "text-empty": Problem("error", "write the text, or remove the field"),
    "text-too-long": Problem("error", "shorten the text, or move detail to a longer field"),
    "list-too-long": Problem("error", "split the list, or remove repeated items"),
    "slug-invalid": Problem(
        "error", "use lower-case letters, digits and hyphens only, e.g. 'womens-hub'"
    ),
    "language-invalid": Problem(
        "error", "write the language's short code, gd for Scottish Gaelic, and leave out en"
    ),
    "ref-format": Problem(
        "error",
        "write the reference as two ids joined by a colon, e.g. 'action:a1'",
    ),
    "url-unsafe": Problem("error", "use the full address starting with https://"),
    "email-invalid": Problem("error", "write one email address, such as name@example.org"),
    "phone-invalid": Problem(
        "error", "write the number with digits and spaces only, e.g. 01234 567890"
    ),
    "date-invalid": Problem("error", "write the date in one of the accepted forms"),
    # Checking the whole data set
    "id-duplicate": Problem("error", "give each item its own id"),
    "id-reserved": Problem(
        "error", "choose another id; this one is part of the site's own addresses"
    ),
    "id-mismatch": Problem("error", "make the id match the folder name, or rename the folder"),
    "ref-unknown": Problem("error", "fix the id, or add the item it refers to"),
    "period-invalid": Problem("error", "check that the start comes before the end"),
    "level-invalid": Problem(
        "error", "place the item at a level the plan declares, under its parent level"
    ),
    "year-unknown": Problem(
        "error", "add the year to the plan's 'years' map, e.g. years: {1: 2017/18}"
    ),
    "colour-contrast": Problem(
        "error", "choose a darker colour, so the white header text can be read"
    ),
    "logo-invalid": Problem(
        "error", "use a PNG or JPEG image under 500 kB in the partnership's folder"
    ),
    "image-invalid": Problem(
        "error",
        "use an SVG drawing of simple shapes, or a PNG or JPEG image under 300 kB, "
        "in the partnership's folder",
    ),
    "release-tampered": Problem("error", "restore the published release from version control"),
    # Warnings: what a publishable plan should have
    "warn-no-contact": Problem("warning", "add a contact with a phone, email, website or address"),
    "warn-no-alternative-formats": Problem(
        "warning",
        "add alternative_formats: say how to get the plan in another format or language, or"
        " in its statement that none is offered",
    ),
    "warn-action-no-lead": Problem("warning", "add the lead partner(s), or a partner group"),
    "warn-action-no-timescale": Problem("warning", "add a timescale, even 'ongoing'"),
    "warn-service-unreachable": Problem(
        "warning", "add a phone, email, website or address, or a provider with a website"
    ),
    "warn-acronym-unexplained": Problem("warning", "add the term to glossary.yaml"),
    # The same gaps in a plan whose time has passed: it is published as it was printed.
    "note-action-no-lead": Problem("note", "the plan as printed names no lead: nothing to fix"),
    "note-action-no-timescale": Problem(
        "note", "the plan as printed gives no date: nothing to fix"
    ),
    "warn-placeholder": Problem(
        "warning", "write the real text in place of the words in square brackets"
    ),
    "warn-out-of-period": Problem(
        "warning",
        "check the plan's period and the valid_from / valid_to dates of the body or framework, "
        "or name the body (or link to the framework) of the plan's time",
    ),
    "warn-outcome-unanswered": Problem(
        "warning",
        "link an item, action or indicator of the plan to the outcome, or add it to "
        "national_outcomes: with priority: false and a reason",
    ),
    "warn-no-participation": Problem(
        "warning",
        "add the plan's participation records to participation.yaml: who was involved in "
        "preparing it, how, when, and what came of it",
    ),
    "translation-target-unknown": Problem(
        "error",
        "name the value by its file (as named in the partnership's folder), the id of its "
        "record in that file, and the field",
    ),
    "warn-translation-stale": Problem(
        "warning",
        "put the translation of the new English in text:, and the new English in english:",
    ),
    "warn-translation-not-public": Problem(
        "warning", "remove the translation, or make the value public if it should be shown"
    ),
    "warn-language-not-published": Problem(
        "warning", "add the language to languages: in partnership.yaml, or remove the file"
    ),
    "note-language-untranslated": Problem(
        "note", "add translations/<code>.yaml with the data's words in that language"
    ),
    "note-language-no-catalogue": Problem(
        "note",
        "a catalogue of plansite's own words for the language can be added to plansite: "
        "see the guide's page on languages",
    ),
    "warn-details-old": Problem(
        "warning",
        "check the details with the service or contact, then set checked: to the day you did; "
        "`plansite stale` lists the directory oldest first",
    ),
    "warn-hard-to-read": Problem(
        "warning",
        "use shorter sentences and everyday words; `plansite readability` lists every "
        "text's grade, hardest first",
    ),
    "warn-not-ready": Problem(
        "warning",
        "fill this in before the first release; `plansite release` publishes when it is ready",
    ),
    # Notes: what the data holds that no page or download shows, and gaps in past plans
    "note-internal": Problem(
        "note",
        "internal fields are for the people who keep the data; move the text to a field "
        "that is shown if readers should see it",
    ),
    "note-outcome-unanswered": Problem(
        "note",
        "the plan's time has passed: record its answer to the outcome in national_outcomes: "
        "if the printed plan gives one",
    ),
    "note-unused-term": Problem(
        "note", "remove the term, or use it where the plan does (a glossary lists what is used)"
    ),
}


@dataclass(frozen=True)
class Diagnostic:
    """One problem, located in a file."""

    code: str
    file: str
    line: int
    column: int
    path: str
    message: str
    hint: str = ""
    severity: Severity = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "severity", CATALOGUE[self.code].severity)

    def format(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        path = f" {self.path}:" if self.path else ""
        hint = self.hint or CATALOGUE[self.code].hint
        return f"{where}: [{self.code}]{path} {self.message} — {hint}"

    def as_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "severity": self.severity,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "path": self.path,
            "message": self.message,
            "hint": self.hint or CATALOGUE[self.code].hint,
        }


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """' — did you mean 'x'?' when a close match exists, else ''."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"did you mean {close[0]!r}?" if close else ""


def format_path(path: tuple[str | int, ...]) -> str:
    """A field's place as an editor counts it: 'actions item 8, leads item 1' is the first
    lead of the eighth action (positions in lists count from 1, not from 0)."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f" item {part + 1}"
        else:
            out += f", {part}" if out else str(part)
    return out
