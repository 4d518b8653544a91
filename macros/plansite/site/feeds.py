"""Which feeds each site publishes: the partnership's log, each outcome's, and the national one."""

from __future__ import annotations

from plansite.history.feeds import Feed
from plansite.history.log import Change
from plansite.index.context import SiteIndex
from plansite.load.dataset import Dataset
from plansite.model.addresses import url_for

FeedSpec = tuple[Feed, list[Change], str]  # the feed, its changes, and a date if it has none


def _fallback(site: SiteIndex) -> str:
    if site.pd.releases:
        return str(site.pd.releases[0].date.isoformat())
    plan = site.plan.plan if site.plan else None
    first = plan.status[0].date.first if plan else None
    return first.isoformat() if first else "1970-01-01"


def news(site: SiteIndex) -> list[Change]:
    """The partnership's news posts and published annual reports, as feed entries. They
    belong to no release of the data (0): they are published when the site is."""
    posts = [Change(0, post.day, "added", "news", post.slug, url_for("post", post.slug),
                    f"News: {post.facts.title}", [post.facts.summary], key=f"post:{post.slug}")
             for post in site.pd.posts]  # fmt: skip
    reports = [Change(0, r.facts.published, "added", "news", r.slug, url_for("report", r.slug),
                      f"Annual report {r.slug} published", [r.facts.summary or ""],
                      key=f"report:{r.slug}")
               for r in site.pd.reports if r.facts.published]  # fmt: skip
    return posts + reports


def site_feeds(site: SiteIndex) -> list[FeedSpec]:
    p = site.partnership
    base = str(p.site_url) if p.site_url else None
    feeds: list[FeedSpec] = [
        (Feed(p.id, f"{p.name}: what's changed", p.name, url_for("feed", url_for("changes")),
              url_for("changes"), base),
         site.log + news(site), _fallback(site)),
    ]  # fmt: skip
    for node in site.outcome_nodes():
        page = url_for("outcome", node.id)
        feed = Feed(f"{p.id}/{node.id}", f"{p.name}: {node.title}", p.name,
                    url_for("feed", page), page, base)  # fmt: skip
        feeds.append((feed, site.changes_under(node.id), _fallback(site)))
    return feeds


def national_feeds(data: Dataset, sites: list[SiteIndex], name: str) -> list[FeedSpec]:
    """One feed of every partnership's published changes and news, each linked into its own
    site."""
    changes: list[Change] = []
    fallback = "1970-01-01"
    for site in sites:
        pid = site.partnership.id
        fallback = max(fallback, _fallback(site))
        for c in site.log + news(site):
            prefixed = Change(c.release, c.date, c.type, c.kind, c.item,
                              f"{pid}/{c.url or url_for('changes')}",
                              f"{site.partnership.name}: {c.text}", list(c.notes), c.parents,
                              key=f"{pid}/{c.key}")  # fmt: skip
            changes.append(prefixed)
    base = str(data.site.base_url) if data.site and data.site.base_url else None
    return [
        (
            Feed(
                "national",
                f"{name}: what's changed",
                name,
                url_for("feed", url_for("home")),
                url_for("home"),
                base,
            ),
            changes,
            fallback,
        )
    ]
