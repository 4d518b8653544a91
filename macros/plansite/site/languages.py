"""A partnership's site in its other languages: where each lives, how they link, and the
``lang`` of every fragment left in English.

A site published in Scottish Gaelic as well as English has its Gaelic pages under ``gd/``,
built by MkDocs from the same data with the translations in place (``load.translations``).
Every value of the data that has no translation reaches the page between two marks; here the
marks become ``<span lang="en">`` in text, and vanish where no element can carry them (in
an attribute, a title, a script). A translation made from English that has changed since
is flagged beside it.
"""

from __future__ import annotations

import importlib.util
import re
from dataclasses import dataclass
from html import escape
from pathlib import Path

from babel import Locale, UnknownLocaleError

from plansite.i18n import ENGLISH, ENGLISH_END, ENGLISH_START
from plansite.model.translation import (
    MARKS,
    STALE_END,
    STALE_START,
    is_english,
    unmarked,
)


def theme_knows(code: str) -> bool:
    """Whether Material for MkDocs has its own words in the language."""
    spec = importlib.util.find_spec("material")
    if spec is None or spec.origin is None:
        return False
    words = Path(spec.origin).parent / "templates" / "partials" / "languages"
    return (words / f"{code}.html").is_file()


def name_of(code: str) -> str:
    """A language's name in the language itself, as a reader looks for it: 'Gàidhlig'."""
    try:
        name = Locale.parse(code.replace("-", "_")).get_display_name(code.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return code
    return (name[:1].upper() + name[1:]) if name else code


@dataclass(frozen=True)
class Version:
    """The same page in one language: what the switcher and the alternate links show."""

    code: str
    name: str
    href: str  # relative to the page it is linked from
    current: bool


def versions(url: str, here: str, languages: list[str]) -> list[Version]:
    """Every language version of the page at ``url`` (from its site's root), linked from that
    page in language ``here``. English is at the root, every other language under /<code>/."""
    up = "../" * (url.count("/") + (0 if here == ENGLISH else 1))
    out = []
    for code in [ENGLISH, *languages]:
        prefix = "" if code == ENGLISH else f"{code}/"
        out.append(Version(code, name_of(code), (up + prefix + url) or "./", code == here))
    return out


# A tag, a comment, or an element whose text is not markup: none of them can hold a <span>.
_TOKEN = re.compile(
    r"<!--.*?-->|<(script|style|title|textarea|option)\b[^>]*>.*?</\1\s*>|<[^>]*>",
    re.DOTALL | re.IGNORECASE,
)
_MARK = re.compile(f"[{MARKS}]")
# The end of an element that holds a block of text: no value's mark outlives it.
_BLOCK_END = re.compile(
    r"</(?:p|li|h[1-6]|td|th|dd|dt|div|section|nav|ul|ol|dl|table|tr|caption|figcaption"
    r"|blockquote|header|footer|main|article|aside|label|button|summary|details)\s*>",
    re.IGNORECASE,
)


def mark_languages(html: str, flag: str) -> str:
    """Turn the marks in ``html`` into ``lang`` attributes in text and drop them elsewhere.

    A span never crosses a tag: one that is open where a tag comes is closed before it and
    opened again after, so whatever the marks enclose, the result nests correctly. ``flag``
    is what follows an out-of-date translation, in the page's language."""
    if not _MARK.search(html):
        return html
    out: list[str] = []
    inside: list[str] = []  # the open marks, innermost last
    said_in = ' lang="en"' if is_english(flag) else ""  # no catalogue has the flag's words
    flagged = f'<span class="plansite-stale-flag"{said_in}> {escape(unmarked(flag))}</span>'

    def opening(mark: str) -> str:
        if mark == ENGLISH_START:
            return '<span lang="en">'
        return '<span class="plansite-stale">'

    def text(run: str) -> None:
        if not run:
            return
        out.extend(opening(m) for m in inside)  # reopened after a tag
        for piece in re.split(f"([{MARKS}])", run):
            if piece in (ENGLISH_START, STALE_START):
                inside.append(piece)
                out.append(opening(piece))
            elif piece in (ENGLISH_END, STALE_END):
                wanted = ENGLISH_START if piece == ENGLISH_END else STALE_START
                if inside and inside[-1] == wanted:
                    inside.pop()
                    out.append("</span>")
                    if piece == STALE_END:
                        out.append(flagged)
            else:
                out.append(piece)
        out.extend("</span>" for _ in inside)  # closed before the next tag

    at = 0
    for token in _TOKEN.finditer(html):
        text(html[at : token.start()])
        out.append(unmarked(token.group(0)))
        if _BLOCK_END.match(token.group(0)):
            inside.clear()  # a value cut short ends with its block, not the page
        at = token.end()
    text(html[at:])
    return "".join(out)


_HTML_LANG = re.compile(r'<html lang="[^"]*"')


def page_language(html: str, code: str) -> str:
    """The page's own language on its root element, whatever the theme knows of it."""
    return _HTML_LANG.sub(f'<html lang="{code}"', html, count=1)


def marks_left(folder: Path) -> list[str]:
    """The files of a built site that still hold a mark: none may be published."""
    texts = {".html", ".json", ".xml", ".txt", ".csv", ".js"}
    return [
        path.relative_to(folder).as_posix()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
        and path.suffix in texts
        and _MARK.search(path.read_text(encoding="utf-8", errors="replace"))
    ]
