"""Every address on a partnership's site, made in one place.

Addresses are a promise: partners link to them from their own sites and leaflets, and the
"what's changed" log, the feeds, the downloads and the pages all point at them. So each
pattern is written once, here, and everything else asks ``url_for``. Addresses are relative
to the site's root; a page turns them into links relative to itself.
"""

from __future__ import annotations

import posixpath

PATTERNS: dict[str, str] = {
    "home": "",
    "plan": "plan/",
    "plan-item": "plan/#{}",  # an item of the plan without a page of its own
    "easy-read": "plan/easy-read/",  # the plan in Easy Read
    "picture": "plan/pictures/{}",  # an Easy Read picture, by its path in the data folder
    "plans": "plans/",
    "earlier-plan": "plans/{}/",  # another plan of the partnership, all on one page
    "earlier-plan-item": "plans/{0}/#{0}-{1}",
    "earlier-plan-indicator": "plans/{}/#ind-{}",
    "outcomes": "outcomes/",
    "outcome": "outcomes/{}/",
    "national-outcome": "outcomes/{}/{}/",  # framework, item
    "action": "actions/{}/",
    "actions": "actions/",  # every action, with ways to narrow the list
    "actions-status": "actions/status/{}/",  # by how they stand
    "actions-overdue": "actions/overdue/",
    "partners": "partners/",
    "partner": "partners/{}/",
    "services": "services/",
    "service": "services/{}/",
    "services-for": "services/for/{}/",  # by audience
    "services-in": "services/in/{}/",  # by locality
    "services-help": "services/help/{}/",  # by kind of help
    "participation": "participation/",
    "about": "partnership/",
    "glossary": "glossary/",
    "changes": "changes/",
    "changes-of": "changes/{}/",  # the log narrowed to one kind of item
    "feed": "{}feed",  # beside its page: changes/feed.xml, outcomes/x/feed.json
    "data": "data/",
    "download": "data/{}",
    "figures": "data/figures/{}-{}.csv",  # indicator, measure
    "hsds": "data/hsds/{}",
    "embed": "data/embed/",
    "accessibility": "accessibility/",
    "own-page": "{}/",  # a page the partnership writes itself
    "news": "news/",
    "news-page": "news/page/{}/",  # older news, ten posts a page
    "post": "news/{}/",
    "news-tag": "news/tags/{}/",
    "reports": "reports/",  # annual reports, one per year from 1 April
    "report": "reports/{}/",
    "report-figures": "reports/{}/figures.{}",  # year, csv or json
    # The national site, at the root of the output, with each partnership's site beside it.
    "national": "",
    "partnership": "{}/",  # a partnership's site, or "{pid}/{page}" for one of its pages
    "areas": "areas/",  # every council area
    "area": "areas/{}/",
    "directory": "directory/",  # every partnership's services
    "directory-in": "directory/in/{}/",  # by council area
    "directory-for": "directory/for/{}/",  # by audience
    "directory-help": "directory/help/{}/",  # by kind of help
    "directory-download": "directory/{}",
}
# Kinds of the national site only: their folders sit beside the partnerships' sites.
NATIONAL_KINDS = {"national", "partnership", "areas", "area", "directory", "directory-in",
                  "directory-for", "directory-help", "directory-download"}  # fmt: skip
# The national site's own folders: no partnership may take one as its id.
NATIONAL_FOLDERS = {PATTERNS[k].split("/", 1)[0] for k in NATIONAL_KINDS} - {"", "{}"}

# The first part of every address plansite makes: a page a partnership writes cannot take one.
RESERVED = {
    p.split("/", 1)[0]
    for kind, p in PATTERNS.items()
    if p and not p.startswith("{") and kind not in NATIONAL_KINDS
} | {
    "assets",
    "search",
    "404.html",
    "sitemap.xml",
}
# Under news/, the addresses of the lists: a post cannot take one.
NEWS_RESERVED = {"page", "tags"}

# The service directory narrowed by a facet of a service.
FACETS = {"audience": "services-for", "locality": "services-in", "help": "services-help"}


def url_for(kind: str, *parts: str) -> str:
    """The address of a page (or file) of ``kind``, for the item the ``parts`` name."""
    return PATTERNS[kind].format(*parts)


def relative(path: str, start: str) -> str:
    """``posixpath.relpath(path, start)`` for two addresses from the site's root: the same
    answer, a fifth of the time (a national build asks some hundred thousand of them).
    Anything but plain folder names (``..``, a leading ``/``) is left to ``relpath``."""
    if not path:
        raise ValueError("no path specified")  # as relpath says
    if path.startswith("/") or start.startswith("/") or ".." in path or ".." in start:
        return posixpath.relpath(path, start)
    to = [part for part in path.split("/") if part and part != "."]
    at = [part for part in start.split("/") if part and part != "."]
    common = 0
    for mine, theirs in zip(to, at, strict=False):  # as far as the shorter goes
        if mine != theirs:
            break
        common += 1
    return "/".join([".."] * (len(at) - common) + to[common:]) or "."
