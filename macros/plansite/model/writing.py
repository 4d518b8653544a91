"""Pages and news posts a partnership writes itself, in Markdown with a few facts on top.

A page lives at ``data/partnerships/<id>/pages/<slug>.md`` and a post at
``data/partnerships/<id>/news/<YYYY-MM-DD>-<slug>.md``. Each starts with its facts between
two ``---`` lines (front matter), which these models check like any other data.
"""

from __future__ import annotations

from pydantic import Field

from plansite.model.common import Count, Day, Flag, PlainText, Slug, Strict

# A post's file name: the day it is dated, then its address.
POST_NAME = r"^(\d{4}-\d{2}-\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$"
PAGE_NAME = r"^([a-z0-9]+(?:-[a-z0-9]+)*)\.md$"
# An annual report's file name: its reporting year, 1 April to 31 March, as 2024-25.
REPORT_NAME = r"^((\d{4})-(\d{2}))\.md$"
# The page whose text joins the home page, below the sections plansite writes.
HOME_PAGE = "home"


class PageFacts(Strict):
    """The front matter of a page the partnership writes."""

    title: PlainText = Field(
        description="The page's main heading; also its title in the browser, unless it has nav:."
    )
    summary: PlainText | None = Field(
        None, description="One sentence about the page, shown by search engines and link previews."
    )
    nav: PlainText | None = Field(
        None,
        description="Its title in the site's menu. Without it the page is not in the menu; "
        "link to it from another page.",
    )
    order: Count = Field(
        0, description="Where it goes in the menu among the partnership's own pages: lower first."
    )


class PostFacts(Strict):
    """The front matter of a news post."""

    title: PlainText = Field(description="The post's headline.")
    summary: PlainText = Field(
        description="One or two sentences: shown in the list of news, in feeds and in previews."
    )
    date: Day | None = Field(
        None,
        description="The day it is published, YYYY-MM-DD; the date in the file name if left out.",
    )
    author_role: PlainText | None = Field(
        None, description="Who wrote it, by role rather than name: 'Community Justice Coordinator'."
    )
    tags: list[Slug] = Field(
        default_factory=list,
        description="Topics, each a lower-case word or words-with-hyphens; each has a page.",
    )
    draft: Flag = Field(
        False, description="true keeps it out of the published site until it is set to false."
    )


class ReportFacts(Strict):
    """The front matter of an annual report: the partnership's narrative is the text below."""

    published: Day | None = Field(
        None,
        description="The day the report was published, YYYY-MM-DD. Without it the report is "
        "shown as in progress, and check counts it as not yet published.",
    )
    summary: PlainText | None = Field(
        None, description="One or two sentences: shown in the list of reports and in feeds."
    )
