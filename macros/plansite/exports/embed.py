"""Service lists that partners can paste into their own websites.

Each fragment is plain, accessible HTML: a heading, a list of links and a line saying where
it comes from. No script, no frame, no styles that could clash with the host page: its only
style, on each link in the list, keeps the link a target at least 24 by 24 CSS pixels
(WCAG 2.5.8), whatever the host's fonts. Links are absolute, so the site's public address
(``site_url``) must be known.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from plansite.index.context import SiteIndex
from plansite.model.addresses import url_for

# On the fragment's own links, so no rule of the host page's is needed and none is changed.
# Without it a list of links in a browser's default styles is about 18px from one to the next.
LINK_STYLE = "display:inline-block;min-width:24px;min-height:24px"


@dataclass(frozen=True)
class Fragment:
    path: str  # from the site root, e.g. "embed/services-for-families.html"
    title: str
    html: Markup


def fragments(site: SiteIndex) -> list[Fragment]:
    base = str(site.partnership.site_url or "")
    if not base:
        return []
    base = base.rstrip("/") + "/"
    lists: list[tuple[str, str, str]] = [("all", "", "Services and support")]
    lists += [
        (f"for-{k}", f"audience:{k}", f"Services for: {c.name}") for k, c in site.audiences.items()
    ]
    lists += [
        (f"in-{k}", f"locality:{k}", f"Services in {n}") for k, n in site.used_localities.items()
    ]
    lists += [(f"help-{k}", f"help:{k}", f"Services: {c.name}") for k, c in site.help.items()]
    out = []
    for slug, facet_key, title in lists:
        facet, _, key = facet_key.partition(":")
        chosen = site.services_matching(facet, key) if facet else site.help_services()
        items = "".join(
            f'<li><a href="{escape(base + url_for("service", s.id))}" style="{LINK_STYLE}">'
            f"{escape(s.name)}</a></li>"
            for s in chosen
        )
        heading_id = f"plansite-{site.partnership.id}-{slug}"
        html = (
            f'<section aria-labelledby="{heading_id}">'
            f'<h2 id="{heading_id}">{escape(title)}</h2>'
            f"<ul>{items}</ul>"
            f'<p>From <a href="{escape(base)}">{escape(site.partnership.name)}</a>.</p>'
            "</section>"
        )
        out.append(Fragment(f"embed/services-{slug}.html", title, Markup(html)))  # noqa: S704
    return out


def standalone(fragment: Fragment, partnership: str) -> str:
    """The file a list is published in: a page of its own, with a title and a language, so
    that it reads well when opened directly; the list inside is the fragment to copy."""
    title = escape(f"{fragment.title}: {partnership}")
    return (
        '<!doctype html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n</head>\n<body>\n<main>\n{fragment.html}\n</main>\n"
        "</body>\n</html>\n"
    )
