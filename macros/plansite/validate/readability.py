"""How hard the plain-words texts are to read: a score for each, and warnings above the limit
the partnership sets.

The score is the Flesch-Kincaid grade level (Kincaid, Fishburne, Rogers, Chissom and
Kincaid, 1975), which estimates the years of schooling a reader needs:

    grade = 0.39 × (words ÷ sentences) + 11.8 × (syllables ÷ words) − 15.59

Syllables are counted by rule, not from a dictionary: each run of vowels (a, e, i, o, u, y)
is a syllable, a final silent 'e' is not (but a final 'le' after a consonant is), and every
word has at least one. The count is sometimes one out on a word; over a sentence the grade
it gives is close to the published formula's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from plansite.load.dataset import Dataset, PartnershipData
from plansite.load.errors import Diagnostic
from plansite.load.yaml_reader import Path_, YamlFile
from plansite.model.easyread import EasyReadPoint

WORD_RE = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*")
VOWELS_RE = re.compile(r"[aeiouy]+")
# A sentence ends at . ! or ?, and at a line break (a list item or a new paragraph).
SENTENCE_END_RE = re.compile(r"[.!?]+(?=\s|$)|\n")
# A Markdown link's address is not read aloud: keep only its words.
LINK_RE = re.compile(r"\]\([^)]*\)")


def syllables(word: str) -> int:
    """The syllables of one word, counted by rule."""
    w = word.lower().replace("’", "'").split("'")[0]
    count = len(VOWELS_RE.findall(w))
    if w.endswith("e") and not w.endswith(("le", "ee", "ye")) and count > 1:
        count -= 1  # a silent final e: "home", "service"
    elif w.endswith("le") and len(w) > 2 and w[-3] in "aeiouy" and count > 1:
        count -= 1  # "while", "mile": the e is silent here too
    return max(count, 1)


def grade(text: str) -> float | None:
    """The Flesch-Kincaid grade of ``text``; None for a text with no words."""
    plain = LINK_RE.sub("", text)
    sentences = [s for s in SENTENCE_END_RE.split(plain) if WORD_RE.search(s)]
    words = WORD_RE.findall(plain)
    if not words:
        return None
    syllable_count = sum(syllables(w) for w in words)
    return 0.39 * len(words) / len(sentences) + 11.8 * syllable_count / len(words) - 15.59


@dataclass(frozen=True)
class Scored:
    """One plain-words text, where it was written, and its grade."""

    file: YamlFile
    path: Path_
    what: str  # "summary of action 'a1'"
    text: str
    grade: float


def _points(points: list[EasyReadPoint], path: Path_) -> Iterator[tuple[Path_, str, str]]:
    for j, point in enumerate(points):
        yield (*path, "easy_read", j, "text"), f"Easy Read point {j + 1}", point.text


def _texts(pd: PartnershipData) -> Iterator[tuple[YamlFile | None, Path_, str, str]]:
    """(file, path, what, text) for every plain-words field of the partnership."""
    for plan in pd.plans.values():
        pfile, p = plan.files.get("plan"), plan.plan
        if p.summary:
            yield pfile, ("summary",), f"summary of plan {p.id!r}", p.summary
        for path, what, text in _points(p.easy_read, ()):
            yield pfile, path, f"{what} of plan {p.id!r}", text
        for i, n in enumerate(p.nodes):
            if n.summary:
                yield pfile, ("nodes", i, "summary"), f"summary of item {n.id!r}", n.summary
            for path, what, text in _points(n.easy_read, ("nodes", i)):
                yield pfile, path, f"{what} of item {n.id!r}", text
        afile = plan.files.get("actions")
        for i, a in enumerate(plan.actions):
            if a.summary:
                yield afile, ("actions", i, "summary"), f"summary of action {a.id!r}", a.summary
            for path, what, text in _points(a.easy_read, ("actions", i)):
                yield afile, path, f"{what} of action {a.id!r}", text
    sfile = pd.files.get("services")
    for i, s in enumerate(pd.services):
        yield sfile, ("services", i, "summary"), f"summary of service {s.id!r}", s.summary
        if s.how_to_get_it:
            what = f"how to get service {s.id!r}"
            yield sfile, ("services", i, "how_to_get_it"), what, s.how_to_get_it


def scores(pd: PartnershipData) -> list[Scored]:
    """Every plain-words text of the partnership with its grade, hardest first."""
    out = [
        Scored(file, path, what, text, g)
        for file, path, what, text in _texts(pd)
        if file is not None and (g := grade(text)) is not None
    ]
    return sorted(out, key=lambda s: (-s.grade, s.file.rel, s.file.locate(s.path)))


def readability(data: Dataset) -> list[Diagnostic]:
    """A warning for each text harder than the partnership's limit, where it sets one."""
    out = []
    for pd in data.partnerships.values():
        limit = pd.partnership.checks.reading_grade
        if limit is None:
            continue
        for s in scores(pd):
            if s.grade > limit:
                out.append(
                    s.file.diagnostic(
                        "warn-hard-to-read",
                        s.path,
                        f"the {s.what} reads at grade {s.grade:.1f} (Flesch-Kincaid), above "
                        f"the partnership's limit of {limit:g}",
                    )
                )
    return out
