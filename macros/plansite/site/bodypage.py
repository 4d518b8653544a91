"""A page whose body plansite renders, with no Markdown for MkDocs to convert.

MkDocs converts every page's Markdown, making a converter with every extension for each
page. A page plansite makes from the data has none (its body is rendered from its context
when MkDocs hands the page over), so converting its empty text made nothing, a fifth of a
millisecond at a time for thousands of pages. ``BodyPage`` gives what the conversion of no
text gives, without the converter.
"""

from __future__ import annotations

from typing import Any

from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc


class BodyPage(Page):
    def render(self, config: Any, files: Any) -> None:
        if self.markdown:  # given text after all (by another plugin): converted as usual
            super().render(config, files)
            return
        self.content = ""
        self.toc = get_toc([])
        self._title_from_render = None
        self.present_anchor_ids = set()
        self.links_to_anchors = {}
