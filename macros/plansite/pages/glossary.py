"""The glossary: the abbreviations and terms the site's pages use."""

from __future__ import annotations

from dataclasses import dataclass

from plansite.i18n import gettext
from plansite.index.context import SiteIndex
from plansite.model.registry import GlossaryTerm
from plansite.pages.parts import Page, words
from plansite.pages.spec import PageSpec, index


@dataclass(frozen=True)
class GlossaryPage(Page):
    terms: list[GlossaryTerm]


def pages(site: SiteIndex) -> list[PageSpec]:
    return [index("glossary", gettext("Glossary"), gettext("Glossary"))]


def context(site: SiteIndex, spec: PageSpec) -> GlossaryPage:
    return GlossaryPage(site.partnership, words(site), terms=site.glossary_terms())
