"""Last checks on built pages before they are published, and the headers they are served with.

``finish`` reads each page of a built site once and:

- looks for anything that could run as script in a visitor's browser: an event-handler
  attribute, a script URL, a script from anywhere but the site itself (see ``pagecheck``);
- checks every internal link and fragment (see ``crawl``);
- writes into the page a Content-Security-Policy that allows only the site's own scripts and
  the page's own inline scripts, by hash.

``write_headers`` puts the same policy, allowing every page's scripts, into a ``_headers`` file
for hosts that read one.

What a page's check finds depends on its bytes alone (and the code): ``kept_facts`` keeps the
facts of each page a site's last build checked, under the digest of its bytes, and a page
with the very same bytes is not parsed again.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from plansite.history import cache
from plansite.site.crawl import CrawlReport, Tree, check_links
from plansite.site.pagecheck import PageFacts, read_page

CHARSET = re.compile(r"<meta charset=\"utf-8\">")
FORMAT = 1  # of the facts kept


@dataclass
class Finished:
    """What the last checks found in one site."""

    crawl: CrawlReport
    unsafe: list[str] = field(default_factory=list)
    scripts: set[str] = field(default_factory=set)
    files: list[str] = field(default_factory=list)  # every file of the site, from its root


def policy(hashes: Iterable[str]) -> str:
    scripts = " ".join(["'self'", *sorted(set(hashes))])
    return "; ".join([
        "default-src 'self'",
        f"script-src {scripts}",
        "style-src 'self' 'unsafe-inline'",  # the theme sets styles inline; styles cannot run code
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ])  # fmt: skip


def _protect(html: str, facts: PageFacts) -> str:
    if "Content-Security-Policy" in html:
        return html
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(facts.scripts)}">'
    return CHARSET.sub(lambda m: m.group(0) + meta, html, count=1)


def kept_facts(site: Path) -> cache.LastBuild:
    """The facts of the pages that the last build of the site at ``site`` checked."""
    entry = cache.entry_for("page-facts", str(site.resolve()))
    return cache.LastBuild(entry, f"{FORMAT}\0{cache.code_version()}")


def _facts(html: str, kept: cache.LastBuild | None) -> PageFacts:
    if kept is None:
        return read_page(html)
    key = hashlib.sha256(html.encode("utf-8")).hexdigest()
    found = kept.get(key)
    if not isinstance(found, PageFacts):
        found = read_page(html)
        kept.add(key, found)
    return found


def finish(root: Path, beside: bool = False, kept: cache.LastBuild | None = None) -> Finished:
    """Check a built site and give each page its policy; the caller stops on any finding.
    With ``beside``, other sites will be put beside its top folders (``check_links``); with
    ``kept``, a page's facts are those found in a page of the same bytes (``kept_facts``)."""
    tree = Tree.read(root)
    facts: dict[str, PageFacts] = {}
    for rel in tree.html():
        path = root / rel
        html = path.read_text(encoding="utf-8")
        facts[rel] = found = _facts(html, kept)
        protected = _protect(html, found)
        if protected != html:
            path.write_text(protected, encoding="utf-8")
    return Finished(
        crawl=check_links(tree, facts, beside),
        unsafe=[f"{rel}: {problem}" for rel, found in facts.items() for problem in found.unsafe],
        scripts={h for found in facts.values() for h in found.scripts},
        files=sorted(tree.files),
    )


def write_headers(root: Path, hashes: Iterable[str]) -> str:
    """The ``_headers`` file for the whole published tree; returns the policy."""
    csp = policy(hashes)
    (root / "_headers").write_text(
        "/*\n"
        f"  Content-Security-Policy: {csp}; frame-ancestors 'none'\n"
        "  X-Content-Type-Options: nosniff\n"
        "  Referrer-Policy: no-referrer\n"
        "  Permissions-Policy: camera=(), microphone=(), geolocation=(), interest-cohort=()\n",
        encoding="utf-8",
    )
    return csp
