"""Render a page's body from its template, with data passed only as values.

This Jinja environment is our own: autoescaping on, undefined names are errors, and no
data ever becomes template source.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable
from dataclasses import fields
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
from babel.dates import format_date
from markupsafe import Markup, escape

from plansite.exports.tables import figure_words, period_label, period_words, value_label
from plansite.history import cache
from plansite.i18n import ENGLISH, gettext, install, language, speaking
from plansite.model.addresses import relative, url_for
from plansite.model.common import Period
from plansite.model.dates import PartialDate
from plansite.model.plan import Update, says_the_same
from plansite.model.registry import GlossaryTerm
from plansite.model.service import KIND_LABELS, NOT_HELP_KINDS
from plansite.pages.spec import PageSpec
from plansite.pages.words import (
    ACTION_STATUS,
    CHANGE_SLUGS,
    FUNDING_STATUS,
    KIND_NOUNS,
    PLAN_STATUS,
    ROUTES,
    SERVICE_STATUS,
    partial_at,
    partial_words,
)
from plansite.site import charts
from plansite.site.keptparts import KeptParts
from plansite.site.text import Glossary, plain, rich

if TYPE_CHECKING:
    from _typeshed import DataclassInstance


def when(value: PartialDate | None, years: dict[int, PartialDate] | None = None) -> Markup:
    """A partial date as words inside <time>, or 'Not stated in the plan'."""
    if value is None:
        return not_stated()
    if value.precision == "ongoing":
        return escape(gettext("Ongoing"))
    resolved = value.resolved(years or {}) or value
    first = resolved.first
    words = partial_words(value)
    if value.precision == "plan-year" and years and value.plan_year in years:
        words += f" ({years[value.plan_year].text})"
    if first is None:
        return escape(words)
    stamp = first.isoformat() if value.precision == "day" else first.isoformat()[:7]
    if value.precision == "year":
        stamp = str(first.year)
    return Markup('<time datetime="{}">{}</time>').format(stamp, words)


def period(value: Period, years: dict[int, PartialDate] | None = None) -> Markup:
    """A plan's period written once: as the plan printed it ('2008-09'), else as the dates
    ('2008', or 'April 2017 to March 2020')."""
    if value.raw:
        return escape(value.raw)
    start = when(value.start, years)
    if value.start == value.end:
        return start
    # Translators: a period of time, from its first date to its last.
    words = escape(gettext("%(start)s to %(end)s"))  # a translator's words are text, not HTML
    return words % {"start": start, "end": when(value.end, years)}


def day(value: date) -> Markup:
    """A calendar day as words inside <time>: '15 January 2025'."""
    return Markup('<time datetime="{}">{}</time>').format(
        value.isoformat(), date_words(value, "d MMMM y")
    )


def month(value: date) -> Markup:
    """The month of a calendar day, as words inside <time> that keeps the whole day:
    'March 2026'."""
    return Markup('<time datetime="{}">{}</time>').format(
        value.isoformat(), date_words(value, "MMMM y")
    )


def date_words(value: date, pattern: str) -> str:
    """A date in the words of the language being spoken (a CLDR ``pattern``). English is
    written as it always has been, whatever the locale data says."""
    if language() == ENGLISH:
        words = value.strftime("%B %Y")
        return f"{value.day} {words}" if pattern.startswith("d ") else words
    # A month on its own takes its standalone form ("An Dàmhair 2026", not "dhen Dàmhair").
    standalone = pattern.replace("MMMM", "LLLL") if not pattern.startswith("d ") else pattern
    return format_date(value, standalone, locale=language())


def figures_url(indicator_id: str, measure_id: str) -> str:
    """Where a measure's figures are offered as CSV, from the site root."""
    return url_for("figures", indicator_id, measure_id)


def first_upper(text: str) -> str:
    """The text with its first letter in capitals and the rest as written: 'Statutory
    partner (for the Scottish Ministers)' keeps its capitals, where Jinja's ``capitalize``
    would write the rest in small letters."""
    return text[:1].upper() + text[1:]


def reported_status(update: Update) -> str:
    """How a report says an action stands: the plan's words where it gives them, with
    plansite's meaning beside them where they differ ('Amber (delayed)')."""
    if not update.status:
        return ""
    ours = gettext(ACTION_STATUS[update.status])
    if update.status_raw:  # status_words, with plansite's meaning in the language spoken
        raw = update.status_raw
        return raw if says_the_same(raw, update.status) else f"{raw} ({ours.lower()})"
    return ours


def not_stated(what: str | None = None, **values: object) -> Markup:
    """That the plan leaves something out: 'Not stated in the plan', or the message ``what``
    (with its ``values``, named as in newstyle gettext), in the language spoken. Templates
    pass the English message itself, which the catalogue finds by this function's name."""
    shown = gettext("Not stated in the plan") if what is None else gettext(what)
    return Markup('<span class="plansite-missing">{}</span>').format(
        shown % values if values else shown
    )


def translated(words: dict[str, str]) -> dict[str, str]:
    """A table of plansite's words (marked where it is defined) in the language spoken."""
    return {key: gettext(value) for key, value in words.items()}


@functools.lru_cache(maxsize=65536)
def _relative(path: str, start: str) -> str:
    """``addresses.relative``, asked the same thing many times a site."""
    return relative(path, start)


def link_from(here: str) -> Callable[[str], str]:
    """Links from the page at ``here`` (a directory URL from the site root)."""

    def link(target: str) -> str:
        """A link to ``target`` (a site-root URL), relative so the site works at a domain
        root and under any sub-path."""
        path, _, fragment = target.partition("#")
        rel = _relative(path or ".", here or ".")
        if not path or path.endswith("/"):  # a page: directory URL
            rel = "./" if rel == "." else rel + "/"
        return rel + (f"#{fragment}" if fragment else "")

    return link


class CompiledTemplates(jinja2.BytecodeCache):
    """Compiled templates, kept in memory for the life of the process and in the cache
    folder for the next one.

    MkDocs makes new Jinja environments for every site it builds, so without this a worker
    building many partnerships, or a preview rebuilding after each edit, would compile every
    template again each time; and each process of a build would compile them all (half a
    second, on the way of a rebuild of one partnership). Jinja checks an entry against the
    template's source, so an edited template is compiled afresh; the folder is named by the
    code, whose settings decide what a template compiles to. Compiled code is run, so an
    entry is read only from a file only the user could have written (``cache.trusted``)."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def _file(self, key: str) -> Path | None:
        base = cache.folder()
        return None if base is None else base / "templates" / cache.code_version()[:32] / key

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is None and (path := self._file(bucket.key)) and path.is_file():
            with contextlib.suppress(OSError):
                code = path.read_bytes() if cache.trusted(path) else None
        if code is not None:
            bucket.bytecode_from_string(code)  # ignored unless made from the same source

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._code[bucket.key] = bucket.bytecode_to_string()
        if path := self._file(bucket.key):
            cache.write_whole(path, lambda out: out.write(code))


COMPILED = CompiledTemplates()


class Renderer:
    """Renders page bodies from their contexts. The glossary's terms explain abbreviations
    where pages use them, and a plan's years give "year 2" its dates (none on the national
    index). Pages are written in ``language``: its catalogue translates the templates' words
    and the helpers' (see ``plansite.i18n``)."""

    def __init__(
        self,
        templates: Path,
        terms: list[GlossaryTerm] | None = None,
        years: dict[int, PartialDate] | None = None,
        language: str = ENGLISH,
        kept: KeptParts | None = None,
    ) -> None:
        self.language, self.kept = language, kept
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(templates)),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            bytecode_cache=COMPILED,
            extensions=["jinja2.ext.do"],
        )
        install(self.env, language)
        self.env.filters["first_upper"] = first_upper
        years = years or {}
        self.terms, self.years = terms, years  # what every page is made with, besides its own
        glossary = self.glossary = Glossary(terms) if terms is not None else None
        with speaking(language):  # the wording tables, in the page's language
            self.env.globals.update(
                plain=lambda t: plain(t, glossary),
                rich=lambda t, caption=None: rich(
                    t, glossary, gettext("Table") if caption is None else caption
                ),
                when=lambda d: when(d, years),
                period=lambda d: period(d, years),
                era_at=partial_at,
                not_stated=not_stated,
                day=day,
                month=month,
                chart=charts.svg,
                trend=charts.trend,
                period_label=period_label,
                value_label=value_label,
                figure_words=figure_words,
                period_words=period_words,
                figures_url=figures_url,
                action_status=translated(ACTION_STATUS),
                status_words=reported_status,
                service_status=translated(SERVICE_STATUS),
                plan_status=translated(PLAN_STATUS),
                routes=translated(ROUTES),
                change_slugs=CHANGE_SLUGS,
                not_help_kinds=NOT_HELP_KINDS,
                kind_labels=translated(KIND_LABELS),
                kind_nouns=translated(KIND_NOUNS),
                funding_status=translated(FUNDING_STATUS),
                url_for=url_for,
                kept_card=self.kept_card,
            )
        # Cards made once for every page at the same depth: (item, level, way to the root).
        self._cards: dict[tuple[int, int, str], tuple[object, Markup]] = {}

    def kept_card(
        self, macro: Callable[..., Markup], item: object, link: Callable[[str], str], level: int
    ) -> Markup:
        """``macro(item, link, level)``, the card of an item listed on many pages, made once
        per depth of page: its links, made relative by ``link``, are the same on every page
        as far from the site's root. A card that names a term of the glossary is made on each
        page, as a term is spelled out the first time a page uses it; any other is kept for
        the next build too, when the renderer was given ``kept``."""
        key = (id(item), level, link(""))
        if (found := self._cards.get(key)) is not None:
            return found[1]
        # Kept from the last build (``keptparts``), when what it is made from is the same.
        stored = self.kept.key(item, level, key[2]) if self.kept else None
        card = self.kept.get(stored) if self.kept and stored else None
        if card is not None:
            self._cards[key] = (item, card)
            return card
        marked = self.glossary.marked if self.glossary else 0
        card = macro(item, link, level)
        if (self.glossary.marked if self.glossary else 0) == marked:
            self._cards[key] = (item, card)  # the item is kept, so its id stays its own
            if self.kept and stored:
                self.kept.add(stored, card)
        return card

    def render(self, spec: PageSpec, page_context: DataclassInstance) -> str:
        """The body of page ``spec``: its template receives the fields of its context, the
        page itself and ``link``, and nothing else of the data."""
        template = self.env.get_template(f"{spec.kind}.html")
        if self.glossary:
            self.glossary.new_page()

        link = link_from(spec.url)
        own = {f.name: getattr(page_context, f.name) for f in fields(page_context)}
        context: dict[str, Any] = {"page": spec, "link": link, **own}
        with speaking(self.language):  # the helpers' own words, in the page's language
            return template.render(context)
