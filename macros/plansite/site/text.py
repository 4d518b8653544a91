"""Turning data text into safe HTML.

Plain-text fields are escaped. Rich-text fields go through their own small Markdown
instance (no raw HTML, no attribute lists) and then an allowlist sanitiser, so nothing a
data file contains can become markup the site did not intend. Acronyms found in either
are marked up with their expansion from the glossary.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import markdown
import nh3
from markupsafe import Markup, escape

from plansite.model.registry import GlossaryTerm

_TAGS = {"p", "ul", "ol", "li", "em", "strong", "a", "br", "blockquote", "code", "table",
         "thead", "tbody", "tr", "th", "td", "caption", "abbr"}  # fmt: skip
_ATTRIBUTES = {"a": {"href"}, "th": {"scope"}, "abbr": {"title"}}
_SCHEMES = {"http", "https", "mailto", "tel"}


def _markdown() -> markdown.Markdown:
    md = markdown.Markdown(extensions=["tables", "sane_lists"], output_format="html")
    # Raw HTML in data is never passed through: it is shown as text.
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    return md


_MD = _markdown()


def rich(text: str | None, glossary: Glossary | None = None, caption: str = "Table") -> Markup:
    """Render a rich-text field: small Markdown, then an allowlist sanitiser.

    Tables written in data get a caption (``caption``, usually the section title), column
    header scopes and a scrollable, keyboard-focusable wrapper, as every table on the site has.
    """
    if not text:
        return Markup("")
    _MD.reset()
    html = _MD.convert(text)
    # Headings written in data would break the page outline: show them as paragraphs.
    html = re.sub(r"<(/?)h[1-6]>", r"<\1p>", html)
    clean = nh3.clean(
        html,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        url_schemes=_SCHEMES,
        link_rel="noopener noreferrer",
    )
    clean = _accessible_tables(clean, caption)
    # nh3 has sanitised the markup; it is safe to mark as such.
    safe = Markup(clean)  # noqa: S704
    return glossary.mark(safe) if glossary else safe


def _accessible_tables(html: str, caption: str) -> str:
    if "<table>" not in html:
        return html
    label = escape(caption)
    html = html.replace("<th>", '<th scope="col">')
    return html.replace(
        "<table>",
        f'<div class="plansite-table-wrap" role="region" aria-label="{label}" tabindex="0">'
        f'<table class="plansite-table"><caption>{label}</caption>',
    ).replace("</table>", "</table></div>")


def plain(text: str | None, glossary: Glossary | None = None) -> Markup:
    """Escape a plain-text field, marking up known acronyms."""
    escaped = escape(text or "")
    return glossary.mark(escaped) if glossary else escaped


class Glossary:
    """Acronym expansions for one site. On each page an acronym is spelled out in words the
    first time it is used, and marked up with its expansion every time."""

    def __init__(self, terms: Iterable[GlossaryTerm]) -> None:
        self.seen: set[str] = set()  # acronyms spelled out on the page being rendered
        self.marked = 0  # acronyms marked so far, on every page
        self.expansions: dict[str, str] = {}
        for term in terms:
            if term.expansions and not term.do_not_expand:
                self.expansions.setdefault(term.term, " or ".join(term.expansions))
        words = sorted(self.expansions, key=len, reverse=True)
        self.pattern = (
            # A term in its plural ("ADATs") is marked as a whole.
            re.compile(r"(?<![\w&;/#])(" + "|".join(re.escape(w) for w in words) + r")(s?)(?![\w])")
            if words
            else None
        )

    def mark(self, html: Markup) -> Markup:
        """Wrap acronyms in escaped text with <abbr>. Only text outside tags is touched."""
        if self.pattern is None:
            return html
        parts = re.split(r"(<[^>]*>)", str(html))
        inside_abbr = False
        for i, part in enumerate(parts):
            if part.startswith("<"):
                inside_abbr = part.startswith("<abbr") or (inside_abbr and part != "</abbr>")
                continue
            if not inside_abbr:
                parts[i] = self.pattern.sub(lambda m, text=part: self._abbr(m, text), part)
        return Markup("".join(parts))  # noqa: S704 - only escaped text and our <abbr> tags

    def new_page(self) -> None:
        self.seen.clear()

    def _abbr(self, match: re.Match[str], text: str) -> str:
        word = match.group(1)
        self.marked += 1
        expansion = escape(self.expansions[word])
        marked = f'<abbr title="{expansion}">{word}{match.group(2)}</abbr>'
        # Spelled out once per page, unless the text already does ("Sacro Women's Hub
        # (SWH)" needs no second spelling).
        if word in self.seen or str(expansion).casefold() in text.casefold():
            self.seen.add(word)
            return marked
        self.seen.add(word)
        return f"{marked} ({expansion})"
