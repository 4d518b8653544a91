"""Every problem code, triggered by breaking a copy of the minimal data set.

Each case names the file it breaks, how, and the line where the report must point. The last
test checks that the corpus covers the whole catalogue, so a new code cannot ship untested.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from plansite.load.errors import CATALOGUE
from plansite.validate import check
from tests.conftest import CheckRun, copy_minimal, edit, plansite

PS = "partnerships/sample"
PLAN = f"{PS}/plans/sample-plan"


@dataclass
class Case:
    code: str
    file: str  # relative to the data folder
    line: int
    breaks: Callable[[Path], None]
    says: str = ""  # a fragment the message or hint must contain


def replace(rel: str, old: str, new: str) -> Callable[[Path], None]:
    return lambda root: edit(root, rel, old, new)


def write(rel: str, content: str | bytes) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")

    return apply


def delete(rel: str) -> Callable[[Path], None]:
    return lambda root: (root / rel).unlink()


GD = f"{PS}/translations/gd.yaml"
TRANSLATION = (
    "language: gd\ntranslations:\n  - file: services.yaml\n    id: family-support\n"
    "    field: name\n    english: Family support\n    text: Taic do theaghlaichean\n"
)


def both(*steps: Callable[[Path], None]) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        for step in steps:
            step(root)

    return apply


DECLARE_GD = replace(f"{PS}/partnership.yaml", "id: sample\n", "id: sample\nlanguages: [gd]\n")


def nested(depth: int) -> str:
    return "items: " + "[" * depth + "]" * depth + "\n"


MEMBERS = "memberships:\n" + "".join(
    "  - {organisation: sample-council, role: member}\n" for _ in range(1001)
)

# A national outcome the sample plan does not link to, and the plan answering to its framework.
SECOND_OUTCOME = replace(
    "frameworks.yaml",
    "        title: People have better access to services\n",
    "        title: People have better access to services\n"
    '      - id: housing\n        number: "5"\n        title: People have somewhere to live\n',
)
# The sample plan ended in 2020; this one runs on, so its gaps are warnings, not notes.
CURRENT = replace(f"{PLAN}/plan.yaml", "end: 2019/20", "end: 2039/40")
ANSWERS_TO = replace(f"{PLAN}/plan.yaml", "levels:\n", "answers_to: [common-outcomes]\nlevels:\n")

NEWS = f"{PS}/news/2025-01-10-update.md"
PAGE = f"{PS}/pages/get-involved.md"
FACTS = "---\ntitle: Get involved\n---\n"


def post(text: str) -> Callable[[Path], None]:
    return write(NEWS, "---\ntitle: An update\nsummary: What is new.\n---\n\n" + text)


CASES = [
    Case("page-facts-missing", PAGE, 1, write(PAGE, "# Get involved\n"), "three hyphens"),
    Case(
        "page-file-name",
        f"{PS}/news/update.md",
        1,
        write(f"{PS}/news/update.md", FACTS),
        "YYYY-MM-DD-a-short-name.md",
    ),
    Case(
        "page-address-taken",
        f"{PS}/pages/services.md",
        1,
        write(f"{PS}/pages/services.md", FACTS),
        "services/ belongs to a page plansite makes",
    ),
    Case("page-heading", NEWS, 8, post("Hello.\n\n# A second title\n"), "level 1"),
    Case("page-template", NEWS, 6, post('{{ action("a1") \n'), "unexpected"),
    Case(
        "page-macro-unknown", NEWS, 7, post('Text.\n{{ acton("a1") }}\n'), "did you mean 'action'"
    ),
    Case(
        "page-macro-argument",
        NEWS,
        6,
        post('{{ services(audiance="families") }}\n'),
        "did you mean 'audience'",
    ),
    Case("page-macro-ref", NEWS, 6, post('{{ action("a3") }}\n'), "no action 'a3'"),
    Case(
        "page-link",
        NEWS,
        7,
        post("See\n[all news](../index.md) and [services](../../services/).\n"),
        "'../../services/' names a folder",
    ),
    Case(
        "warn-report-due",
        f"{PS}/reports/2017-18.md",
        1,
        both(
            replace(f"{PLAN}/plan.yaml", "end: 2019/20", "end: 2039/40"),
            write(f"{PS}/reports/2017-18.md", "---\nsummary: Not out yet.\n---\n\nDraft.\n"),
        ),
        "the annual report for 2017-18 was due by 31 December 2018",
    ),
    Case(
        "file-too-large",
        "organisations.yaml",
        1,
        write("organisations.yaml", "# " + "x" * 2_100_000 + "\n"),
        "limit is 2,000,000 bytes",
    ),
    Case(
        "file-encoding",
        "organisations.yaml",
        3,
        write("organisations.yaml", b"organisations:\n  - id: x\n    name: \xff\xfe\n"),
        "not valid UTF-8",
    ),
    Case(
        "file-bom",
        "glossary.yaml",
        1,
        write("glossary.yaml", "\ufeffterms: []\n"),
        "byte order mark",
    ),
    Case("file-binary", "glossary.yaml", 2, write("glossary.yaml", "terms:\n\x00\n"), "NUL"),
    Case("file-empty", "glossary.yaml", 1, write("glossary.yaml", "# nothing yet\n\n"), "no data"),
    Case(
        "file-unknown",
        f"{PS}/servces.yaml",
        1,
        write(f"{PS}/servces.yaml", "services: []\n"),
        "did you mean 'services.yaml'",
    ),
    Case("file-missing", f"{PLAN}/plan.yaml", 1, delete(f"{PLAN}/plan.yaml"), "needs plan.yaml"),
    Case(
        "yaml-syntax",
        f"{PS}/partnership.yaml",
        3,
        replace(f"{PS}/partnership.yaml", "name: Sample Community", "name: [Sample Community"),
        "flow sequence that starts at line 2",
    ),
    Case(
        "yaml-tab",
        f"{PS}/partnership.yaml",
        6,
        replace(f"{PS}/partnership.yaml", "  - label:", "\t- label:"),
        "tab",
    ),
    Case(
        "yaml-duplicate-key",
        f"{PS}/partnership.yaml",
        3,
        replace(f"{PS}/partnership.yaml", "area: Sample\n", "name: Again\narea: Sample\n"),
        "key 'name' appears twice",
    ),
    Case(
        "yaml-alias",
        "glossary.yaml",
        1,
        write(
            "glossary.yaml",
            "a: &a [x, x, x, x, x, x, x, x, x]\n"
            + "".join(
                f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
                for i in range(8)
            ),
        ),
        "anchor &a",
    ),
    Case(
        "yaml-tag",
        f"{PS}/services.yaml",
        5,
        replace(
            f"{PS}/services.yaml", "summary: Help", "summary: !!python/object/apply:os.system Help"
        ),
        "python/object/apply:os.system",
    ),
    Case(
        "yaml-too-deep", "glossary.yaml", 1, write("glossary.yaml", nested(60)), "nested more than"
    ),
    Case(
        "yaml-too-many",
        "glossary.yaml",
        1,
        write("glossary.yaml", "terms: [" + "x," * 200_001 + "]\n"),
        "more than 200,000 values",
    ),
    Case(
        "yaml-documents",
        "glossary.yaml",
        2,
        write("glossary.yaml", "terms: []\n---\nterms: []\n"),
        "more than one document",
    ),
    Case(
        "yaml-not-mapping", "glossary.yaml", 1, write("glossary.yaml", "- CJSW\n- MAPPA\n"), "top"
    ),
    Case(
        "field-missing",
        f"{PS}/services.yaml",
        2,
        replace(f"{PS}/services.yaml", "    kind: service\n", ""),
        "'kind' is missing — add a line 'kind: …' (one of: service, ",
    ),
    Case(
        "field-unknown",
        f"{PS}/partnership.yaml",
        3,
        replace(f"{PS}/partnership.yaml", "area: Sample", "araa: Sample\narea: Sample"),
        "did you mean 'area'",
    ),
    Case(
        "type-wrong",
        f"{PLAN}/participation.yaml",
        11,
        replace(f"{PLAN}/participation.yaml", "participants: 21", "participants: many"),
        "expected a number",
    ),
    Case(
        "value-not-allowed",
        f"{PS}/services.yaml",
        4,
        replace(f"{PS}/services.yaml", "kind: service", "kind: servce"),
        "did you mean 'service'",
    ),
    Case(
        "value-ambiguous",
        f"{PLAN}/participation.yaml",
        11,
        replace(f"{PLAN}/participation.yaml", "participants: 21", "participants: 021"),
        "'021'",
    ),
    Case(
        "value-conflict",
        f"{PS}/services.yaml",
        12,
        replace(
            f"{PS}/services.yaml",
            "phone: 01234 000000",
            "phone: 01234 000000\n      not_stated: true",
        ),
        "not_stated: true but also",
    ),
    Case(
        "text-empty",
        f"{PS}/services.yaml",
        3,
        replace(f"{PS}/services.yaml", "name: Family support", 'name: ""'),
        "empty",
    ),
    Case(
        "text-too-long",
        f"{PS}/services.yaml",
        5,
        replace(
            f"{PS}/services.yaml",
            "summary: Help for families of people in prison.",
            "summary: " + "word " * 450,
        ),
        "at most 2000 characters",
    ),
    Case(
        "list-too-long",
        f"{PS}/partnership.yaml",
        16,
        replace(
            f"{PS}/partnership.yaml",
            "memberships:\n  - organisation: sample-council\n    role: statutory-partner\n"
            "    since: 2017-04\n",
            MEMBERS,
        ),
        "at most 1000 items",
    ),
    Case(
        "slug-invalid",
        f"{PS}/services.yaml",
        2,
        replace(f"{PS}/services.yaml", "id: family-support", "id: ../../etc"),
        "'../../etc'",
    ),
    Case(
        "ref-format",
        f"{PLAN}/plan.yaml",
        48,
        replace(f"{PLAN}/plan.yaml", '"common-outcomes:access"', '"common-outcomes/access"'),
        "'framework-id:item-id'",
    ),
    Case(
        "url-unsafe",
        "organisations.yaml",
        9,
        replace("organisations.yaml", "https://charity.example.org/", "JaVaScRiPt:alert(1)"),
        "https://",
    ),
    Case(
        "email-invalid",
        f"{PS}/partnership.yaml",
        7,
        replace(f"{PS}/partnership.yaml", "justice@sample.example.org", "justice at sample"),
        "email address",
    ),
    Case(
        "phone-invalid",
        f"{PS}/services.yaml",
        12,
        replace(f"{PS}/services.yaml", "phone: 01234 000000", "phone: call the office"),
        "phone number",
    ),
    Case(
        "date-invalid",
        f"{PS}/partnership.yaml",
        18,
        replace(f"{PS}/partnership.yaml", "since: 2017-04", "since: 2017-02-30"),
        "calendar — February 2017 has days 01 to 28: check the day and month",
    ),
    Case(
        "id-duplicate",
        f"{PLAN}/actions.yaml",
        19,
        replace(f"{PLAN}/actions.yaml", "id: a2", "id: a1"),
        "already used at",
    ),
    Case(
        "id-reserved",
        f"{PS}/services.yaml",
        2,
        replace(f"{PS}/services.yaml", "id: family-support", "id: help"),
        "holds the directory's filtered lists",
    ),
    Case(
        "colour-contrast",
        f"{PS}/partnership.yaml",
        27,
        replace(f"{PS}/partnership.yaml", '"#1d4f91"', '"#ffcc00"'),
        "contrast of 1.",
    ),
    Case(
        "logo-invalid",
        f"{PS}/partnership.yaml",
        26,
        replace(f"{PS}/partnership.yaml", "logo: logo.png", "logo: logo.gif"),
        "expected a .png or .jpg file in this folder",
    ),
    Case(
        "image-invalid",
        f"{PLAN}/plan.yaml",
        16,
        replace(
            f"{PLAN}/plan.yaml",
            "summary: The plan for *Sample*.\n",
            "summary: The plan for *Sample*.\neasy_read:\n  - text: This is our plan.\n"
            "    image: easy-read/plan.svg\n    alt: A plan\n",
        ),
        "picture 'easy-read/plan.svg': there is no such file in the partnership's folder",
    ),
    Case(
        "release-tampered",
        f"{PS}/releases/0001-2017-05-01.json",
        1,
        replace(
            f"{PS}/releases/0001-2017-05-01.json", "Help for families", "Help for all families"
        ),
        "changed after it was published",
    ),
    Case(
        "id-mismatch",
        f"{PS}/partnership.yaml",
        1,
        replace(f"{PS}/partnership.yaml", "id: sample\n", "id: sampel\n"),
        "folder name 'sample'",
    ),
    Case(
        "ref-unknown",
        f"{PLAN}/actions.yaml",
        6,
        replace(f"{PLAN}/actions.yaml", "leads: [sample-council]", "leads: [sample-councl]"),
        "did you mean 'sample-council'",
    ),
    Case(
        "period-invalid",
        f"{PLAN}/plan.yaml",
        7,
        replace(f"{PLAN}/plan.yaml", "end: 2019/20", "end: 2015/16"),
        "comes after the end",
    ),
    Case(
        "level-invalid",
        f"{PLAN}/plan.yaml",
        44,
        replace(f"{PLAN}/plan.yaml", "level: outcome", "level: outcme"),
        "did you mean 'outcome'",
    ),
    Case(
        "year-unknown",
        f"{PLAN}/actions.yaml",
        10,
        replace(f"{PLAN}/actions.yaml", "due: year 1", "due: year 3"),
        "'years' map",
    ),
    Case(
        "warn-no-contact",
        f"{PS}/partnership.yaml",
        6,
        replace(f"{PS}/partnership.yaml", "email: justice@sample.example.org", "note: none"),
        "no contact route",
    ),
    Case(
        "warn-no-alternative-formats",
        f"{PS}/partnership.yaml",
        9,
        replace(
            f"{PS}/partnership.yaml",
            "  offered: true\n  statement: Ask us for large print or another language.\n",
            "  offered: false\n",
        ),
        "other formats",
    ),
    Case(
        "warn-action-no-lead",
        f"{PLAN}/actions.yaml",
        19,
        both(CURRENT, replace(f"{PLAN}/actions.yaml", "    leads: [all-partners]\n", "")),
        "'a2' has no lead",
    ),
    Case(
        "note-action-no-lead",
        f"{PLAN}/actions.yaml",
        19,
        replace(f"{PLAN}/actions.yaml", "    leads: [all-partners]\n", ""),
        "'a2' has no lead",
    ),
    Case(
        "note-action-no-timescale",
        f"{PLAN}/actions.yaml",
        19,
        replace(
            f"{PLAN}/actions.yaml", "    timescale:\n      raw: Dec 2017\n      due: 2017-12\n", ""
        ),
        "'a2' has no timescale",
    ),
    Case(
        "warn-action-no-timescale",
        f"{PLAN}/actions.yaml",
        19,
        both(
            CURRENT,
            replace(
                f"{PLAN}/actions.yaml",
                "    timescale:\n      raw: Dec 2017\n      due: 2017-12\n",
                "",
            ),
        ),
        "'a2' has no timescale",
    ),
    Case(
        "warn-service-unreachable",
        f"{PS}/services.yaml",
        12,
        both(
            replace(f"{PS}/services.yaml", "phone: 01234 000000", "not_stated: true"),
            replace(
                f"{PS}/services.yaml",
                "organisation: sample-charity",
                "organisation: sample-council",
            ),
        ),
        "no way to reach",
    ),
    Case(
        "warn-acronym-unexplained",
        f"{PS}/services.yaml",
        5,
        replace(f"{PS}/services.yaml", "Help for families", "Help from QRST for families"),
        "'QRST' is not in the glossary",
    ),
    Case(
        "warn-placeholder",
        f"{PS}/partnership.yaml",
        2,
        replace(
            f"{PS}/partnership.yaml",
            "name: Sample Community Justice Partnership",
            'name: "[Replace with the partnership\'s full name]"',
        ),
        "placeholder written by `plansite new`",
    ),
    Case(
        "warn-out-of-period",
        f"{PLAN}/actions.yaml",
        6,
        replace(
            "organisations.yaml",
            "    kind: local-authority\n",
            "    kind: local-authority\n    valid_to: 2016-03-31\n",
        ),
        "names Sample Council (sample-council), but it ended on 31 March 2016, before the plan",
    ),
    Case(
        "warn-outcome-unanswered",
        f"{PLAN}/plan.yaml",
        26,
        both(
            SECOND_OUTCOME,
            ANSWERS_TO,
            replace(f"{PLAN}/plan.yaml", "end: 2019/20", "end: 2098/99"),  # still running
        ),
        "plan 'sample-plan' does not answer outcome 5 of Common outcomes, 'People have "
        "somewhere to live': nothing in the plan links to it and no reason is given",
    ),
    Case(
        "warn-no-participation",
        f"{PLAN}/participation.yaml",
        2,
        write(f"{PLAN}/participation.yaml", "statement: We asked.\nrecords: []\n"),
        "plan 'sample-plan' has no participation records",
    ),
    Case(
        "warn-details-old",
        f"{PS}/services.yaml",
        13,
        replace(
            f"{PS}/services.yaml",
            "      phone: 01234 000000\n",
            "      phone: 01234 000000\n    checked: 2001-02-03\n",
        ),
        "the details of service 'family-support' were last checked on 2001-02-03, more than "
        "12 months ago",
    ),
    Case(
        "warn-hard-to-read",
        f"{PS}/services.yaml",
        5,
        replace(
            f"{PS}/partnership.yaml", "current_plan:", "checks:\n  reading_grade: 5\ncurrent_plan:"
        ),
        "the summary of service 'family-support' reads at grade 5.7 (Flesch-Kincaid), above "
        "the partnership's limit of 5",
    ),
    Case(
        "warn-not-ready",
        f"{PS}/partnership.yaml",
        1,
        both(delete(f"{PS}/releases/0001-2017-05-01.json"), delete(f"{PS}/releases/latest.json")),
        "does not say when it was prepared",
    ),
    Case(
        "note-internal",
        f"{PLAN}/plan.yaml",
        26,
        replace(
            f"{PLAN}/plan.yaml",
            "notes: [Some tables were garbled.]\n",
            "notes: [Some tables were garbled.]\ninternal_notes: [Ask about table 3.]\n",
        ),
        "the internal notes here are kept in the data and never published",
    ),
    Case(
        "note-outcome-unanswered",
        f"{PLAN}/plan.yaml",
        26,
        both(SECOND_OUTCOME, ANSWERS_TO),  # the plan ended in 2020
        "plan 'sample-plan' does not answer outcome 5 of Common outcomes",
    ),
    Case(
        "language-invalid",
        f"{PS}/partnership.yaml",
        2,
        replace(f"{PS}/partnership.yaml", "id: sample\n", "id: sample\nlanguages: [Gaelic]\n"),
        "expected a language as the short code of BCP 47",
    ),
    Case(
        "translation-target-unknown",
        f"{PS}/translations/gd.yaml",
        3,
        both(DECLARE_GD, write(GD, TRANSLATION.replace("family-support", "family-suport"))),
        "there is no record with id 'family-suport' in it",
    ),
    Case(
        "warn-translation-stale",
        f"{PS}/translations/gd.yaml",
        6,
        both(DECLARE_GD, write(GD, TRANSLATION.replace("Family support\n", "Family help\n"))),
        "it now reads 'Family support', the translation was made from 'Family help'",
    ),
    Case(
        "warn-translation-not-public",
        f"{PS}/translations/gd.yaml",
        3,
        both(
            DECLARE_GD,
            replace(
                f"{PS}/services.yaml",
                "      phone: 01234 000000\n",
                "      phone: 01234 000000\n      note: Ring twice\n      not_public: [note]\n",
            ),
            write(
                GD,
                TRANSLATION.replace("field: name", "field: contact.note").replace(
                    "Family support", "Ring twice"
                ),
            ),
        ),
        "contact.note is marked not public: its translation is not published",
    ),
    Case(
        "warn-language-not-published",
        f"{PS}/translations/gd.yaml",
        1,
        write(GD, TRANSLATION),
        "translations into 'gd' are not published",
    ),
    Case(
        "note-language-untranslated",
        f"{PS}/partnership.yaml",
        2,
        DECLARE_GD,
        "nothing of the data is translated into 'gd'",
    ),
    Case(
        "note-language-no-catalogue",
        f"{PS}/partnership.yaml",
        2,
        replace(f"{PS}/partnership.yaml", "id: sample\n", "id: sample\nlanguages: [pl]\n"),
        "plansite has no catalogue for 'pl'",
    ),
    Case(
        "note-unused-term",
        f"{PS}/glossary.yaml",
        4,
        write(
            f"{PS}/glossary.yaml",
            "terms:\n  - term: SC\n    expansions: [Sample Charity]\n"
            "  - term: QXZ\n    expansions: [Quiet Example Zone]\n",
        ),
        "no text of this partnership uses 'QXZ', so its glossary leaves it out",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.code for c in CASES])
def test_each_code_is_reported_where_the_problem_is(
    case: Case, minimal: Path, run_check: Callable[..., CheckRun]
) -> None:
    case.breaks(minimal)
    result = run_check(minimal)
    expected_file = f"data/{case.file}"
    located = [line for line in result.text.splitlines() if f"[{case.code}]" in line]
    assert located, f"no [{case.code}] in:\n{result.text}"
    matching = [line for line in located if line.startswith(f"{expected_file}:{case.line}:")]
    assert matching, f"expected {expected_file}:{case.line}, got:\n" + "\n".join(located)
    assert case.says in matching[0], matching[0]
    assert " — " in matching[0], "every message ends with how to fix it"
    assert "Traceback" not in result.text
    severity = CATALOGUE[case.code].severity
    if severity == "error":
        assert result.code == 1
    else:
        assert result.code == 0
        # Notes say what is kept off the website by choice: never a reason to stop.
        assert run_check(minimal, "--strict").code == (1 if severity == "warning" else 0)


@pytest.mark.parametrize("case", CASES, ids=[c.code for c in CASES])
def test_a_build_s_check_without_advice_finds_every_error_a_full_check_finds(
    case: Case, minimal: Path
) -> None:
    """A build leaves out the checks that only advise (``check`` without advice): none
    may find an error, for any code of the catalogue."""
    case.breaks(minimal)
    full, build = check(minimal), check(minimal, advice=False)
    assert [d.format() for d in build.errors] == [d.format() for d in full.errors]
    assert {d.format() for d in build.problems} <= {d.format() for d in full.problems}
    if CATALOGUE[case.code].severity == "error":
        assert case.code in {d.code for d in build.errors}


def test_the_corpus_covers_every_code() -> None:
    assert {c.code for c in CASES} == set(CATALOGUE)


def test_the_minimal_data_set_is_clean(minimal: Path, run_check: Callable[..., CheckRun]) -> None:
    result = run_check(minimal, "--strict")
    assert result.code == 0, result.text
    assert "0 error(s), 0 warning(s)" in result.text


@pytest.mark.parametrize("reserved", ["about", "assets", "guide", "search"])
def test_a_partnership_cannot_take_an_address_of_the_national_index(
    minimal: Path, run_check: Callable[..., CheckRun], reserved: str
) -> None:
    folder = minimal / "partnerships" / reserved
    (minimal / PS).rename(folder)
    edit(folder, "partnership.yaml", "id: sample", f"id: {reserved}")
    result = run_check(minimal)
    assert result.code == 1
    assert f"partnerships/{reserved}/partnership.yaml:" in result.err
    assert "[id-reserved] id: the national index publishes its own" in result.err


def test_a_comma_inside_braces_gets_the_quoting_hint(
    minimal: Path, run_check: Callable[..., CheckRun]
) -> None:
    block = "    timescale:\n      raw: Dec 2017\n      due: 2017-12\n"
    edit(minimal, f"{PLAN}/actions.yaml", block,
         "    timescale: {raw: Dec 2017, or later, due: 2017-12}\n")  # fmt: skip
    result = run_check(minimal)
    assert result.code == 1
    assert (
        "actions.yaml:24:32: [field-unknown] actions item 2, timescale, or later: unknown field "
        "'or later' — a comma inside { } ends a value: put the whole text in quotes, "
        'e.g. "…, or later"'
    ) in result.err


@pytest.mark.slow
def test_a_data_folder_outside_the_project_is_checked_and_built(tmp_path: Path) -> None:
    # An editor's data often lives elsewhere (a shared drive, another repository).
    data = copy_minimal(tmp_path / "elsewhere")
    assert plansite("check", "--data", str(data)).returncode == 0
    out = tmp_path / "site"
    built = plansite("build", "--data", str(data), "-d", str(out))
    assert built.returncode == 0, built.stderr
    assert "Sample Community Justice Partnership" in (out / "sample/index.html").read_text()


@pytest.mark.parametrize(
    ("written", "hint"),
    [
        ("2017-02-30", "February 2017 has days 01 to 28: check the day and month"),
        ("2016-02-30", "February 2016 has days 01 to 29: check the day and month"),
        ("2017-04-31", "April 2017 has days 01 to 30: check the day and month"),
        ("2017-13-01", "the month comes after the year and goes from 01 to 12, e.g. 2017-01"),
        ("2017-13", "the month comes after the year and goes from 01 to 12, e.g. 2017-01"),
    ],
)
def test_a_date_that_is_not_in_the_calendar_says_which_part_is_wrong(
    minimal: Path, run_check: Callable[..., CheckRun], written: str, hint: str
) -> None:
    replace(f"{PS}/partnership.yaml", "since: 2017-04", f"since: {written}")(minimal)
    result = run_check(minimal)
    assert result.code == 1
    (line,) = [ln for ln in result.err.splitlines() if "[date-invalid]" in ln]
    assert line.endswith(f"— {hint}"), line
    assert "accepted forms" not in line  # the form was right
