"""What the last checks need from one built page, read in a single pass of an HTML parser.

A national build has thousands of pages, so each page is parsed once (by libxml2, through
lxml) and the facts are shared by the injection scan, the link check and the security policy.
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass, field

from lxml import etree

DANGEROUS_URL = re.compile(r"^\s*(javascript|vbscript|data):", re.IGNORECASE)
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "srcdoc"}
OTHER_SITE = re.compile(r"^\s*(https?:)?//", re.IGNORECASE)
# Inline scripts the browser runs (not JSON data blocks), exactly as written in the file: the
# policy's hashes must match the bytes between the tags.
INLINE_SCRIPT = re.compile(
    r"<script(?![^>]*\bsrc=)(?![^>]*application/(?:ld\+)?json)[^>]*>(.*?)</script>", re.S
)
LINKING = {"a", "link", "script", "img"}


@dataclass
class PageFacts:
    ids: set[str] = field(default_factory=set)
    duplicate_ids: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)
    unsafe: list[str] = field(default_factory=list)
    scripts: set[str] = field(default_factory=set)  # CSP hashes of the inline scripts


def script_hash(body: str) -> str:
    digest = hashlib.sha256(body.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def read_page(html: str) -> PageFacts:
    facts = PageFacts(scripts={script_hash(body) for body in INLINE_SCRIPT.findall(html)})
    if not html.strip():
        return facts
    root = etree.fromstring(html, etree.HTMLParser())
    if root is None:
        return facts
    # Elements only (no comments), and their attributes as plain pairs: the cheapest way
    # through libxml2's tree from Python, which matters over thousands of pages.
    for element in root.iter(etree.Element):
        pairs = element.items()
        if not pairs:
            continue
        tag = str(element.tag).lower()
        for raw_name, raw_value in pairs:
            name, value = str(raw_name).lower(), str(raw_value)
            _check_attribute(facts, tag, name, value)
            if name == "id" or (name == "name" and tag == "a"):
                if name == "id" and value in facts.ids:
                    facts.duplicate_ids.add(value)
                if value:
                    facts.ids.add(value)
            elif (name == "href" or name == "src") and tag in LINKING and value:
                facts.links.append(value)
    return facts


def _check_attribute(facts: PageFacts, tag: str, name: str, value: str) -> None:
    """Anything in a page that could run as script: the templates escape every value, so
    finding one means a bug, and the build stops."""
    if name.startswith("on"):
        facts.unsafe.append(f"<{tag} {name}=…>: an event-handler attribute")
    elif name in URL_ATTRIBUTES and DANGEROUS_URL.match(value):
        facts.unsafe.append(f"<{tag} {name}={value[:40]!r}>: a script URL")
    elif tag == "script" and name == "src" and OTHER_SITE.match(value):
        facts.unsafe.append(f"<script src={value[:60]!r}>: a script from another site")
