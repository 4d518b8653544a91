"""Last checks on built pages before they are published, and the headers they are served with.

- ``scan`` looks for anything that could run as script in a visitor's browser: an event-handler
  attribute, a script URL, a script from anywhere but the site itself. Templates escape every
  value, so this finding anything means a bug, and the build stops.
- ``secure`` writes a Content-Security-Policy that allows only the site's own scripts and the
  theme's few inline scripts (by hash), into every page and into a ``_headers`` file.
"""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path

DANGEROUS_URL = re.compile(r"^\s*(javascript|vbscript|data):", re.IGNORECASE)
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "srcdoc"}
INLINE_SCRIPT = re.compile(
    r"<script(?![^>]*\bsrc=)(?![^>]*application/ld\+json)[^>]*>(.*?)</script>", re.S
)


class _Scanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=…>: an event-handler attribute")
            elif name in URL_ATTRIBUTES and value and DANGEROUS_URL.match(value):
                self.problems.append(f"<{tag} {name}={value[:40]!r}>: a script URL")
            elif tag == "script" and name == "src" and value and re.match(r"^(https?:)?//", value):
                self.problems.append(f"<script src={value[:60]!r}>: a script from another site")


def scan(root: Path) -> list[str]:
    problems = []
    for path in sorted(root.rglob("*.html")):
        scanner = _Scanner()
        scanner.feed(path.read_text(encoding="utf-8"))
        problems += [f"{path.relative_to(root).as_posix()}: {p}" for p in scanner.problems]
    return problems


def _hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def policy(root: Path) -> str:
    bodies = {
        body
        for path in root.rglob("*.html")
        for body in INLINE_SCRIPT.findall(path.read_text(encoding="utf-8"))
    }
    hashes = sorted(_hash(body) for body in bodies)
    return "; ".join([
        "default-src 'self'",
        "script-src 'self' " + " ".join(hashes) if hashes else "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",  # the theme sets styles inline; styles cannot run code
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ])  # fmt: skip


def secure(root: Path) -> str:
    """Put the policy into every page and a ``_headers`` file; return the policy."""
    csp = policy(root)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{csp}">'
    for path in root.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        if "Content-Security-Policy" not in html:
            html = re.sub(r"(<meta charset=\"utf-8\">)", lambda m: m.group(1) + meta, html, count=1)
            path.write_text(html, encoding="utf-8")
    (root / "_headers").write_text(
        "/*\n"
        f"  Content-Security-Policy: {csp}; frame-ancestors 'none'\n"
        "  X-Content-Type-Options: nosniff\n"
        "  Referrer-Policy: no-referrer\n"
        "  Permissions-Policy: camera=(), microphone=(), geolocation=(), interest-cohort=()\n",
        encoding="utf-8",
    )
    return csp
