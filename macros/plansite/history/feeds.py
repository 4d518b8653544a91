"""Atom and JSON Feed versions of the log.

Entry ids come from the change itself (its release and wording), never from the build, so a
feed reader sees the same entry as the same entry after every rebuild.
"""

from __future__ import annotations

import json
import posixpath
import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from plansite.history.log import Change
from plansite.model.addresses import relative

JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"


@dataclass
class Feed:
    key: str  # stable identity of the feed, e.g. "south-lanarkshire" or "south-lanarkshire/x"
    title: str
    author: str
    path: str  # where the feed lives, from the site root, without extension: "changes/feed"
    page: str  # the HTML page the feed belongs to, from the site root: "changes/"
    base_url: str | None  # the site's public address, when known: links become absolute


def _uuid(text: str) -> str:
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'plansite:' + text)}"


def _href(feed: Feed, target: str) -> str:
    """A link from the feed document to a page of the site."""
    if feed.base_url:
        return feed.base_url.rstrip("/") + "/" + target
    here = posixpath.dirname(feed.path) or "."
    path, _, fragment = target.partition("#")
    rel = relative(path or ".", here)
    rel = "./" if rel == "." else rel + "/"
    return rel + (f"#{fragment}" if fragment else "")


def _stamp(change: Change) -> str:
    return f"{change.date.isoformat()}T00:00:00Z"


def _content(change: Change) -> str:
    if change.kind == "news":  # a post's note is its summary, not a reason
        return " ".join([change.text, *change.notes])
    return " ".join([change.text, *(f"Why: {n}" for n in change.notes)])


def published(changes: Sequence[Change]) -> list[Change]:
    """Released changes only, newest first (feeds never carry unpublished changes)."""
    done = [c for c in changes if c.release is not None]
    return sorted(done, key=lambda c: (c.date, c.release or 0), reverse=True)


# Characters XML 1.0 cannot hold at all, even escaped: one would make the whole feed unreadable.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml(text: str) -> str:
    return escape(_NOT_XML.sub("", text))


def atom(feed: Feed, changes: Sequence[Change], fallback_date: str) -> str:
    entries = published(changes)
    updated = _stamp(entries[0]) if entries else f"{fallback_date}T00:00:00Z"
    out = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB">',
        f"  <id>{_uuid(feed.key)}</id>",
        f"  <title>{_xml(feed.title)}</title>",
        f"  <updated>{updated}</updated>",
        f"  <author><name>{_xml(feed.author)}</name></author>",
        f'  <link rel="self" href={quoteattr(_href(feed, feed.path + ".xml").rstrip("/"))}/>',
        f'  <link rel="alternate" type="text/html" href={quoteattr(_href(feed, feed.page))}/>',
    ]
    for c in entries:
        out += [
            "  <entry>",
            f"    <id>{_uuid(feed.key + '/' + c.key)}</id>",
            f"    <title>{_xml(c.text)}</title>",
            f"    <updated>{_stamp(c)}</updated>",
            f"    <published>{_stamp(c)}</published>",
            f"    <category term={quoteattr(c.kind)} label={quoteattr(c.type)}/>",
        ]
        if c.url:
            out.append(
                f'    <link rel="alternate" type="text/html" href={quoteattr(_href(feed, c.url))}/>'
            )
        out += [f'    <content type="text">{_xml(_content(c))}</content>', "  </entry>"]
    out.append("</feed>")
    return "\n".join(out) + "\n"


def json_feed(feed: Feed, changes: Sequence[Change]) -> str:
    items = []
    for c in published(changes):
        item: dict[str, object] = {
            "id": _uuid(feed.key + "/" + c.key),
            "title": c.text,
            "content_text": _content(c),
            "date_published": _stamp(c),
            "tags": [c.kind, c.type],
        }
        if c.url:
            item["url"] = _href(feed, c.url)
        items.append(item)
    body = {
        "version": JSON_FEED_VERSION,
        "title": feed.title,
        "home_page_url": _href(feed, feed.page),
        "feed_url": _href(feed, feed.path + ".json").rstrip("/"),
        "language": "en-GB",
        "authors": [{"name": feed.author}],
        "items": items,
    }
    return json.dumps(body, indent=1, ensure_ascii=False, sort_keys=False) + "\n"
