"""Pages at old addresses that send readers on to where an item lives now."""

from __future__ import annotations

import posixpath

from markupsafe import escape


def redirect_page(old: str, new: str, site_name: str) -> str:
    """A small, accessible page at ``old`` that forwards to ``new`` (both from the site root).

    ``site_name`` is already escaped. The link is relative, like every link on the site.
    """
    target = posixpath.relpath(new, old) + "/"
    href = escape(target)
    statement = escape(posixpath.relpath("accessibility", old) + "/")
    return (
        "<!doctype html>\n"
        '<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width,initial-scale=1">\n'
        f'<meta http-equiv="refresh" content="0; url={href}">\n'
        f'<link rel="canonical" href="{href}">\n'
        f"<title>This page has moved - {site_name}</title>\n</head>\n<body>\n<main>\n"
        "<h1>This page has moved</h1>\n"
        f'<p><a href="{href}">Go to the new page</a>.</p>\n'
        f'</main>\n<footer><p><a href="{statement}">Accessibility statement</a></p></footer>\n'
        "</body>\n</html>\n"
    )
