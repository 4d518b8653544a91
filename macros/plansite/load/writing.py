"""Read the pages and news posts a partnership writes: Markdown with facts on top.

The facts between the two ``---`` lines are read by the same YAML reader as every data file
and checked by the models in ``plansite.model.writing``, so a mistake in them is located
like any other. The Markdown below is kept as written; its first line keeps its line number
in the file, so that an error in a macro on line 12 is reported on line 12.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from plansite.load.errors import Diagnostic
from plansite.load.fields import validate
from plansite.load.yaml_reader import parse_yaml
from plansite.model.writing import (
    PAGE_NAME,
    POST_NAME,
    REPORT_NAME,
    PageFacts,
    PostFacts,
    ReportFacts,
)

MAX_BYTES = 200_000
FENCE = "---"


@dataclass
class WrittenPage:
    slug: str
    facts: PageFacts
    body: str  # Markdown; the front matter's lines left blank, so line numbers hold
    rel: str  # the file, from the data folder's parent: data/partnerships/x/pages/y.md


@dataclass
class ReportYear:
    """A reporting year: 1 April to 31 March."""

    start: int  # the year it begins in

    @property
    def slug(self) -> str:
        return f"{self.start}-{(self.start + 1) % 100:02d}"

    @property
    def first(self) -> date:
        return date(self.start, 4, 1)

    @property
    def last(self) -> date:
        return date(self.start + 1, 3, 31)

    @property
    def due(self) -> date:
        """The Act asks for the report by 31 December after the year ends."""
        return date(self.start + 1, 12, 31)


@dataclass
class AnnualReport:
    year: ReportYear
    facts: ReportFacts
    body: str  # the partnership's narrative, Markdown with the data macros
    rel: str

    @property
    def slug(self) -> str:
        return self.year.slug


@dataclass
class NewsPost:
    slug: str
    day: date
    facts: PostFacts
    body: str
    rel: str


def split(text: str) -> tuple[str, str] | None:
    """The front matter and the body of a page; None without front matter. The body keeps
    its place: the lines above it are blank."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != FENCE:
        return None
    for i, line in enumerate(lines[1:], start=1):
        if line.strip() == FENCE:
            facts = "\n".join(["", *lines[1:i]])
            return facts, "\n" * (i + 1) + "\n".join(lines[i + 1 :])
    return None


def _read(path: Path, rel: str, model: type, problems: list[Diagnostic]) -> tuple[object, str]:
    """The checked facts and the body of one file, or (None, '') with its problems listed."""

    def fail(code: str, message: str, hint: str = "", line: int = 1) -> tuple[object, str]:
        problems.append(Diagnostic(code, rel, line, 1, "", message, hint))
        return None, ""

    raw = path.read_bytes()
    if len(raw) > MAX_BYTES:
        return fail("file-too-large", f"the file is {len(raw):,} bytes; the limit is {MAX_BYTES:,}")
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff").replace("\r\n", "\n")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return fail("file-encoding", f"byte 0x{raw[exc.start]:02x} is not valid UTF-8", line=line)
    parts = split(text)
    if parts is None:
        return fail(
            "page-facts-missing",
            "the file does not start with its facts between two lines of three hyphens",
            "start the file with a line '---', then 'title: ...' and the other facts, then "
            "another line '---', then the text",
        )
    facts_text, body = parts
    file, found = parse_yaml(facts_text, rel)
    if found:
        problems.extend(found)
        return None, ""
    facts, found = validate(model, file)
    problems.extend(found)
    return facts, body


@dataclass
class Writing:
    """Everything a partnership writes in Markdown."""

    pages: list[WrittenPage]
    posts: list[NewsPost]
    reports: list[AnnualReport]


FORMS = {"news": "YYYY-MM-DD-a-short-name.md", "reports": "2024-25.md", "pages": "a-short-name.md"}


def read_writing(folder: Path, rel: str) -> tuple[Writing, list[Diagnostic]]:
    """The pages in ``folder/pages``, the posts in ``folder/news`` and the annual reports in
    ``folder/reports``; ``rel`` names the folder in messages."""
    problems: list[Diagnostic] = []
    found = Writing([], [], [])
    for sub, pattern in (("pages", PAGE_NAME), ("news", POST_NAME), ("reports", REPORT_NAME)):
        where = folder / sub
        for path in sorted(where.iterdir()) if where.is_dir() else []:
            if path.name.startswith(".") or path.is_dir():
                continue
            path_rel = f"{rel}/{sub}/{path.name}"
            named = re.match(pattern, path.name)
            if named is None or (sub == "reports" and (int(named[2]) + 1) % 100 != int(named[3])):
                problems.append(
                    Diagnostic(
                        "page-file-name", path_rel, 1, 1, "",
                        f"plansite reads only files named like {FORMS[sub]} in {sub}/",
                        "use lower-case letters, digits and hyphens, and end the name with .md",
                    )
                )  # fmt: skip
                continue
            if sub == "pages":
                facts, body = _read(path, path_rel, PageFacts, problems)
                if isinstance(facts, PageFacts):
                    found.pages.append(WrittenPage(named[1], facts, body, path_rel))
                continue
            if sub == "reports":
                facts, body = _read(path, path_rel, ReportFacts, problems)
                if isinstance(facts, ReportFacts):
                    year = ReportYear(int(named[2]))
                    found.reports.append(AnnualReport(year, facts, body, path_rel))
                continue
            facts, body = _read(path, path_rel, PostFacts, problems)
            try:
                day = date.fromisoformat(named[1])
            except ValueError:
                problems.append(
                    Diagnostic("page-file-name", path_rel, 1, 1, "",
                               f"{named[1]} in the file name is not a day of the calendar")
                )  # fmt: skip
                continue
            if isinstance(facts, PostFacts):
                found.posts.append(NewsPost(named[2], facts.date or day, facts, body, path_rel))
    return found, problems
