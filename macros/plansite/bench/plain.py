"""The benchmark's anchor: the same pages as plain Markdown, built by plain MkDocs.

A team without plansite would write each page by hand and run ``mkdocs build`` with Material.
This module makes that project from a site plansite built: for every page, the text of its
main column turned back into Markdown (headings, paragraphs, lists, tables, links between
pages as links to ``.md`` files), the same navigation, and the theme with its defaults.
"""

from __future__ import annotations

import os
import posixpath
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from lxml import etree, html

PLAIN_CONFIG = """\
site_name: {name}
use_directory_urls: true
theme:
  name: material
  language: en
  font: false
  features:
    - search.highlight
plugins:
  - search
markdown_extensions:
  - toc
  - tables
validation:
  omitted_files: info
  unrecognized_links: info
  anchors: info
nav:
{nav}
not_in_nav: |
  /**
"""

BLOCKS = {"p", "div", "section", "nav", "dl", "details", "figure", "header", "footer", "aside"}
SKIPPED = {"svg", "script", "style", "form", "input", "label", "button", "template"}


def source_for(url: str) -> str:
    """The Markdown file that MkDocs publishes at ``url`` (a directory URL)."""
    return "index.md" if url in ("", "./") else url.rstrip("/") + "/index.md"


class _Writer:
    """Turns the HTML of one page's main column into Markdown."""

    def __init__(self, url: str, pages: set[str]) -> None:
        self.url = url
        self.pages = pages

    def link(self, href: str) -> str:
        if "://" in href or href.startswith(("mailto:", "tel:", "#")):
            return href
        path, _, fragment = href.partition("#")
        target = posixpath.normpath(posixpath.join(self.url, path)) + "/"
        target = "" if target == "./" else target
        if target not in self.pages:
            return href
        rel = posixpath.relpath(source_for(target), posixpath.dirname(source_for(self.url)))
        return rel + (f"#{fragment}" if fragment else "")

    def inline(self, element: etree._Element) -> str:
        parts = [_escape(element.text or "")]
        for child in element:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag in SKIPPED or "visually-hidden" in (child.get("class") or ""):
                inner = ""
            elif tag == "a" and child.get("href"):
                inner = f"[{self.inline(child).strip()}]({self.link(str(child.get('href')))})"
            elif tag in ("strong", "b"):
                inner = f"**{self.inline(child).strip()}**"
            elif tag in ("em", "i"):
                inner = f"*{self.inline(child).strip()}*"
            elif tag == "br":
                inner = "  \n"
            else:
                inner = self.inline(child)
            parts.append(inner + _escape(child.tail or ""))
        return " ".join("".join(parts).split(" ")) if parts else ""

    def blocks(self, element: etree._Element, out: list[str], depth: int = 0) -> None:
        for child in element:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag in SKIPPED or child.get("hidden") is not None:
                continue
            if len(tag) == 2 and tag[0] == "h" and tag[1].isdigit():
                out.append("#" * int(tag[1]) + " " + _one_line(self.inline(child)))
            elif tag in ("ul", "ol"):
                self.items(child, out, depth, ordered=tag == "ol")
            elif tag == "table":
                self.table(child, out)
            elif tag == "dl":
                out.append(self.definitions(child))
            elif _has_blocks(child):
                if child.text and child.text.strip():
                    out.append(_one_line(_escape(child.text)))
                self.blocks(child, out, depth)
            else:
                text = _one_line(self.inline(child))
                if text:
                    out.append(text)
            if child.tail and child.tail.strip():
                out.append(_one_line(_escape(child.tail)))

    def items(self, element: etree._Element, out: list[str], depth: int, ordered: bool) -> None:
        lines: list[str] = []
        for n, item in enumerate(element.iterfind("li"), 1):
            marker = f"{n}." if ordered else "-"
            inner: list[str] = []
            if _has_blocks(item):
                if item.text and item.text.strip():
                    inner.append(_one_line(_escape(item.text)))
                self.blocks(item, inner, depth + 1)
            else:
                inner.append(_one_line(self.inline(item)))
            pad = " " * (len(marker) + 1)
            first, *rest = [line for block in inner for line in block.split("\n")] or [""]
            lines.append(f"{marker} {first}")
            lines += [pad + line if line else "" for line in rest]
        out.append("\n".join(lines))

    def definitions(self, element: etree._Element) -> str:
        """A list of terms as one "**term**: description" line each."""
        lines: list[str] = []
        for item in element:
            text = _one_line(self.inline(item))
            if item.tag == "dt" or not lines:
                lines.append(f"**{text}**:")
            else:
                lines[-1] += f" {text}"
        return "  \n".join(lines)

    def table(self, element: etree._Element, out: list[str]) -> None:
        caption = element.find("caption")
        if caption is not None:
            out.append("**" + _one_line(self.inline(caption)) + "**")
        rows = [
            [_one_line(self.inline(cell)).replace("|", "\\|") for cell in row
             if isinstance(cell.tag, str) and cell.tag in ("th", "td")]
            for row in element.iter("tr")
        ]  # fmt: skip
        rows = [row for row in rows if row]
        if not rows:
            return
        width = max(len(row) for row in rows)
        rows = [row + [""] * (width - len(row)) for row in rows]
        lines = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * width]
        lines += ["| " + " | ".join(row) + " |" for row in rows[1:]]
        out.append("\n".join(lines))


def _has_blocks(element: etree._Element) -> bool:
    return any(
        isinstance(c.tag, str) and (c.tag in BLOCKS or c.tag in ("ul", "ol", "table", "h2", "h3"))
        for c in element
    )


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_").replace("<", "&lt;")


def _one_line(text: str) -> str:
    return " ".join(text.split())


def page_markdown(page_html: str, url: str, pages: set[str]) -> tuple[str, str]:
    """The title and Markdown of one built page's main column."""
    document = html.fromstring(page_html)
    article = document.find(".//article")
    title = _one_line(document.findtext(".//h1") or url)
    out: list[str] = []
    if article is not None:
        _Writer(url, pages).blocks(article, out)
    return title, "\n\n".join(block for block in out if block.strip()) + "\n"


def write_plain_project(site: Path, dest: Path, name: str, nav: list[tuple[str, str]]) -> int:
    """Write a plain MkDocs project with the pages of the built ``site``; return how many."""
    urls = {
        "" if rel == "index.html" else rel[: -len("index.html")]
        for rel in (p.relative_to(site).as_posix() for p in site.rglob("index.html"))
    }
    # Forwarding pages for old addresses are not pages a team would write.
    urls = {u for u in urls if 'http-equiv="refresh"' not in (site / u / "index.html").read_text()}
    docs = dest / "docs"
    for url in sorted(urls):
        _title, text = page_markdown((site / url / "index.html").read_text(), url, urls)
        path = docs / source_for(url)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    nav_lines = "\n".join(f"  - {title!r}: {source_for(url)}" for title, url in nav if url in urls)
    (dest / "mkdocs.yml").write_text(
        PLAIN_CONFIG.format(name=repr(name), nav=nav_lines or "  - index.md"), encoding="utf-8"
    )
    return len(urls)


def build_projects(jobs: int, projects: list[Path]) -> None:
    """``mkdocs build`` each project, ``jobs`` at a time, the largest first."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}

    def build(project: Path) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml")]
        return subprocess.run(command, env=env, capture_output=True, text=True, check=False)

    ordered = sorted(projects, key=lambda p: -sum(1 for _ in (p / "docs").rglob("*.md")))
    with ThreadPoolExecutor(jobs) as pool:
        for project, result in zip(ordered, pool.map(build, ordered), strict=True):
            if result.returncode != 0:
                raise SystemExit(f"mkdocs build failed in {project}:\n{result.stderr[-2000:]}")


if __name__ == "__main__":
    build_projects(int(sys.argv[1]), [Path(p) for p in sys.argv[2:]])
