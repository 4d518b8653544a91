"""Pages and news a partnership writes itself, around the Markdown it wrote.

Their text goes through Markdown and the data macros like any page in ``docs/``; what this
module adds is the frame: the heading, the post's date, author and topics, the list of
news ten posts a page, and a page per topic.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from markupsafe import Markup

from plansite.i18n import gettext
from plansite.index.context import SiteIndex
from plansite.load.writing import NewsPost, WrittenPage
from plansite.model.addresses import url_for
from plansite.model.writing import HOME_PAGE, PageFacts
from plansite.pages.parts import Link, Page, words
from plansite.pages.spec import PageSpec

PER_PAGE = 10
# Kinds whose text is Markdown the partnership wrote: rendered by MkDocs, then framed here.
WRITTEN = {"own-page", "post", "report"}


def own_pages(site: SiteIndex) -> list[WrittenPage]:
    """The partnership's pages, in the order of its menu (the home page's text is not one)."""
    chosen = [p for p in site.pd.pages if p.slug != HOME_PAGE]
    return sorted(chosen, key=lambda p: (p.facts.order, p.facts.title.lower()))


def home_text(site: SiteIndex) -> WrittenPage | None:
    return next((p for p in site.pd.pages if p.slug == HOME_PAGE), None)


def newest_first(site: SiteIndex) -> list[NewsPost]:
    return sorted(site.pd.posts, key=lambda p: (p.day, p.slug), reverse=True)


def tags(site: SiteIndex) -> list[str]:
    return sorted({t for post in site.pd.posts for t in post.facts.tags})


def page_pages(site: SiteIndex) -> list[PageSpec]:
    return [
        PageSpec("own-page", p.slug, url_for("own-page", p.slug), p.facts.title, p.facts.nav)
        for p in own_pages(site)
    ]


def news_pages(site: SiteIndex) -> list[PageSpec]:
    posts = newest_first(site)
    if not posts:
        return []
    count = math.ceil(len(posts) / PER_PAGE)
    out = [PageSpec("news", "1", url_for("news"), gettext("News"), gettext("News"))]
    paged = gettext("News: page %(number)s of %(count)s")
    out += [PageSpec("news", str(n), url_for("news-page", str(n)),
                     paged % {"number": n, "count": count})
            for n in range(2, count + 1)]  # fmt: skip
    out += [PageSpec("post", p.slug, url_for("post", p.slug), p.facts.title) for p in posts]
    about = gettext("News about %(topic)s")
    out += [PageSpec("news-tag", t, url_for("news-tag", t), about % {"topic": t.replace("-", " ")})
            for t in tags(site)]  # fmt: skip
    return out


@dataclass(frozen=True)
class PostCard:
    """A post as lists of news show it."""

    url: str
    post: NewsPost
    tags: list[Link]


def card(post: NewsPost) -> PostCard:
    return PostCard(url_for("post", post.slug), post, _tag_links(post.facts.tags))


def _tag_links(names: list[str]) -> list[Link]:
    return [Link(url_for("news-tag", t), t.replace("-", " ")) for t in names]


@dataclass(frozen=True)
class NewsPage(Page):
    posts: list[PostCard]
    number: int  # which page of the list
    count: int  # of how many
    newer: str | None  # the address of the page of newer posts
    older: str | None
    tags: list[Link]


@dataclass(frozen=True)
class NewsTagPage(Page):
    tag: str
    posts: list[PostCard]


@dataclass(frozen=True)
class OwnPage(Page):
    """The frame of a page the partnership wrote; its text is rendered by MkDocs."""

    facts: PageFacts
    body: Markup = field(default_factory=Markup)  # the page's own text, as MkDocs rendered it


@dataclass(frozen=True)
class PostPage(Page):
    post: PostCard
    newer: Link | None  # the next post in time
    older: Link | None
    body: Markup = field(default_factory=Markup)


def _page_url(n: int) -> str:
    return url_for("news") if n == 1 else url_for("news-page", str(n))


def news(site: SiteIndex, spec: PageSpec) -> NewsPage:
    posts = newest_first(site)
    number = int(spec.key)
    count = math.ceil(len(posts) / PER_PAGE)
    shown = posts[(number - 1) * PER_PAGE : number * PER_PAGE]
    return NewsPage(
        site.partnership,
        words(site),
        posts=[card(p) for p in shown],
        number=number,
        count=count,
        newer=_page_url(number - 1) if number > 1 else None,
        older=_page_url(number + 1) if number < count else None,
        tags=_tag_links(tags(site)),
    )


def news_tag(site: SiteIndex, spec: PageSpec) -> NewsTagPage:
    chosen = [card(p) for p in newest_first(site) if spec.key in p.facts.tags]
    return NewsTagPage(site.partnership, words(site), tag=spec.key.replace("-", " "), posts=chosen)


def own_page(site: SiteIndex, spec: PageSpec) -> OwnPage:
    page = next(p for p in site.pd.pages if p.slug == spec.key)
    return OwnPage(site.partnership, words(site), facts=page.facts)


def post(site: SiteIndex, spec: PageSpec) -> PostPage:
    posts = newest_first(site)
    at = next(i for i, p in enumerate(posts) if p.slug == spec.key)
    newer = posts[at - 1] if at > 0 else None
    older = posts[at + 1] if at + 1 < len(posts) else None

    def link(p: NewsPost | None) -> Link | None:
        return Link(url_for("post", p.slug), p.facts.title) if p else None

    return PostPage(
        site.partnership, words(site), post=card(posts[at]), newer=link(newer), older=link(older)
    )
