"""The theme's search index, with a summary for every page.

The theme indexes each page in sections, one per heading, and gives the page itself the text
before its first heading. Here that is at most the way around the site (breadcrumbs, the next
and previous post), and a result shows the page's own entry first, with its text as the
summary. So the page's entry takes the page's main heading and opening text, or where the
page opens straight onto its sections, the page's description; the section of the main
heading, now said by the page's entry, goes.

A page that lists part of what another lists in full (``PARTIAL_LISTS``) is kept out of the
theme's index and given one entry here: its title and description. So is the national
directory, which lists every service: each service is an entry of its own instead, leading
to its page, so a search finds the service rather than a list of thousands.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from markupsafe import escape

from plansite.exports.directory import Entry
from plansite.i18n import gettext, ngettext
from plansite.site.outline import MAIN_HEADING

SearchEntry = dict[str, Any]


def with_summaries(
    entries: list[SearchEntry], described: dict[str, str], partial: dict[str, str]
) -> list[SearchEntry]:
    """``described``: each page's description (escaped text), by the page's address;
    ``partial``: the title (escaped) of each page of a partial list, by its address."""
    out: list[SearchEntry] = []
    for entry in entries:
        page, _, anchor = str(entry["location"]).partition("#")
        summary = f"<p>{described[page]}</p>" if described.get(page) else ""
        if anchor == MAIN_HEADING and out and out[-1]["location"] == page:
            text = entry["text"] if str(entry["text"]).strip() else summary or out[-1]["text"]
            out[-1] = {**out[-1], "title": entry["title"], "text": text}
            continue
        if not anchor and not str(entry["text"]).strip() and summary:
            entry = {**entry, "text": summary}
        out.append(entry)
    out += [{"location": url, "title": title, "text": f"<p>{described.get(url, '')}</p>"}
            for url, title in partial.items()]  # fmt: skip
    return out


def directory_entries(entries: Sequence[Entry]) -> list[SearchEntry]:
    """The national directory's services, each found on its own and leading to its page (its
    first partnership's): its name, what it is, who provides it and who lists it."""
    out: list[SearchEntry] = []
    for e in entries:
        provided = gettext("Provided by %(providers)s.") % {"providers": ", ".join(e.providers)}
        listed = ngettext("Listed by %(num)s partnership:", "Listed by %(num)s partnerships:",
                          len(e.listings)) % {"num": len(e.listings)}  # fmt: skip
        said = [e.summary, *([provided] if e.providers else []),
                f"{listed} {', '.join(li.partnership for li in e.listings)}"]  # fmt: skip
        out.append({"location": e.listings[0].url, "title": str(escape(e.label)),
                    "text": "".join(f"<p>{escape(line)}</p>" for line in said)})  # fmt: skip
    return out
