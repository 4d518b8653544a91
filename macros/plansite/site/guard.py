"""Last checks on built pages before they are published, and the headers they are served with.

``finish`` reads each page of a built site once and:

- looks for anything that could run as script in a visitor's browser: an event-handler
  attribute, a script URL, a script from anywhere but the site itself (see ``pagecheck``);
- checks every internal link and fragment (see ``crawl``);
- writes into the page a Content-Security-Policy that allows only the site's own scripts and
  the page's own inline scripts, by hash.

``write_headers`` puts the same policy, allowing every page's scripts, into a ``_headers`` file
for hosts that read one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from plansite.site.crawl import CrawlReport, Tree, check_links
from plansite.site.pagecheck import PageFacts, read_page

CHARSET = re.compile(r"<meta charset=\"utf-8\">")


@dataclass
class Finished:
    """What the last checks found in one site."""

    crawl: CrawlReport
    unsafe: list[str] = field(default_factory=list)
    scripts: set[str] = field(default_factory=set)


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


def finish(root: Path, beside: bool = False) -> Finished:
    """Check a built site and give each page its policy; the caller stops on any finding.
    With ``beside``, other sites will be put beside its top folders (``check_links``)."""
    tree = Tree.read(root)
    facts: dict[str, PageFacts] = {}
    for rel in tree.html():
        path = root / rel
        html = path.read_text(encoding="utf-8")
        facts[rel] = found = read_page(html)
        protected = _protect(html, found)
        if protected != html:
            path.write_text(protected, encoding="utf-8")
    return Finished(
        crawl=check_links(tree, facts, beside),
        unsafe=[f"{rel}: {problem}" for rel, found in facts.items() for problem in found.unsafe],
        scripts={h for found in facts.values() for h in found.scripts},
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
