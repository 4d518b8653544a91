"""The theme's search index, read quicker (plansite.site.searchparse): Material's own sections,
for markup of every shape. A whole build's indexes: tests/test_theme_shortcuts.py."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from material.plugins.search.plugin import Parser

from plansite.site.searchparse import Sections, _feed_plain, sections

# Hypothesis's report of a failure loads libcst where it is installed, and older libcst warns
# as it loads: with warnings as errors, that would hide the failure behind an internal error.
pytestmark = pytest.mark.filterwarnings(
    "ignore:mypy_extensions.TypedDict is deprecated:DeprecationWarning"
)

Found = list[tuple[str, float, Any, list[str], list[str]]] | str


def found(parts: list[Any]) -> list[tuple[str, float, Any, list[str], list[str]]]:
    return [(s.el.tag, s.depth, s.id, s.title, s.text) for s in parts]


def outcome(read: Callable[[str], list[Any]], html: str) -> Found:
    """The sections ``read`` finds, or the name of the error it stops with."""
    try:
        return found(read(html))
    except Exception as exc:  # the kind of error is what is compared
        return type(exc).__name__


def material_sections(html: str) -> list[Any]:
    parser = Parser()
    parser.feed(html)
    parser.close()
    return list(parser.data)


def materials(html: str) -> Found:
    """Material's own parser's sections, or the error it stops with."""
    return outcome(material_sections, html)


def quick(html: str) -> Found:
    return outcome(sections, html)


# Each is a way Material's parser behaves that a simpler reading would get wrong.
CASES = {
    "a page": '<h1 id="top">Housing <em>first</em></h1><p>Somewhere to live.</p>'
    '<h2 id="who">Who it is for<a class="headerlink" href="#who">¶</a></h2>'
    "<ul>\n<li>People leaving prison</li>\n<li>Families</li>\n</ul>",
    "text before any heading": '<p>Opening words</p><h2 id="a">A</h2><p>Then</p>',
    "a heading without an id": "<h2>Not a section</h2><p>text</p>",
    "an id with no value": '<h2 id>Odd</h2><p>text</p><h3 id="">Odder</h3>',
    "an excluded block, nested in its own kind": "<div data-search-exclude><div>in</div>"
    "after the inner one closes</div><p>kept</p>",
    "an excluded element excludes every open one of its tag": "<div><p>a<div "
    "data-search-exclude>b</div>c</p></div>",
    "line numbers": '<div class="linenodiv"><pre>1\n2</pre></div><p>code</p>',
    "preformatted text keeps its spaces": "<pre><code>a  b\n\n   c</code></pre><p> x \n y </p>",
    "empty kept elements go": "<p> </p><ul><li>\n</li></ul><p><code></code>x</p>",
    "nested lists": "<ul><li>one<ul><li>two</li></ul></li></ul>",
    "a heading nested in a block": '<div><h2 id="in">In</h2><p>x</p></div><p>after</p>',
    "references in text and attributes": '<h2 id="a&amp;b">Fish &amp; chips &lt;3</h2>'
    "<p>&copy; &#169; &#xa9; &nbsp;&notanentity; & alone</p>",
    "self-closing tags": '<p>a<br/>b<br />c<img src="x.png" alt="y"/><span/>d</p>',
    "tags in capitals": '<H2 ID="Up">Up</H2><P>Text</P>',
    "an SVG title": '<svg viewBox="0 0 1 1"><title>Chart</title><rect width="1"/></svg><p>x</p>',
    "script and style are never indexed": "<p>a</p><script>var x = '<p>no</p>';</script>"
    "<style>p { color: red }</style><p>b</p>",
    "a comment": "<p>a<!-- not <p>this</p> --> b</p>",
    "an unquoted attribute": "<h2 id=bare>Bare</h2><p class=x>text</p>",
    "a stray less-than sign": "<p>1 < 2 and 3 <4</p>",
    "an end tag that closes nothing": "<p>a</span>b</p></div>",
    "an unclosed element": '<p>a<span>b</p><h2 id="x">X</h2>',
    "a kept element closed in another section": '<p>a<h2 id="x">X</h2>b</p>',
    "a headerlink inside the title": '<h3 id="h">Title <a class="headerlink" href="#h">'
    "link text</a> more</h3>",
    "nothing": "",
    "only text": "just words & more",
}


@pytest.mark.parametrize("html", CASES.values(), ids=CASES.keys())
def test_the_sections_are_materials_own(html: str) -> None:
    assert quick(html) == materials(html)


def test_plain_markup_is_read_without_python_s_parser() -> None:
    """The quick reading is what a page of MkDocs' and plansite's markup gets; anything
    else goes to Python's parser, which is what the comparisons above check."""
    assert _feed_plain(Sections(), CASES["a page"])
    assert _feed_plain(Sections(), CASES["self-closing tags"])
    for other in ("a comment", "an unquoted attribute", "a stray less-than sign",
                  "script and style are never indexed"):  # fmt: skip
        assert not _feed_plain(Sections(), CASES[other]), other


TAGS = ["p", "div", "span", "h1", "h2", "h3", "pre", "code", "ul", "li", "em", "br", "img",
        "a", "sub", "title", "object", "hx"]  # fmt: skip
ATTRIBUTES = ['id="s"', 'id="t"', "id", 'id=""', 'class="headerlink"', 'class="linenodiv"',
              "data-search-exclude", 'title="a &amp; b"', 'data-x="1"']  # fmt: skip
TEXTS = ["word", "two words", " ", "\n", "  \n ", "&amp;", "&lt;", "a&b", "&#169;", "x\ny", "Ü"]
# What only Python's parser reads: half the cases have some, half are plain markup.
OTHER_TAGS = ["script", "style", "textarea"]
OTHER_ATTRIBUTES = ["id=bare", "id = 's'", "class='headerlink'"]
OTHER_TEXTS = ["<", "<!-- c -->", "<!DOCTYPE html>", "</ >", "&"]


@st.composite
def markup(draw: st.DrawFn) -> str:
    plain = draw(st.booleans())
    tags, attributes, texts = (TAGS, ATTRIBUTES, TEXTS) if plain else (
        TAGS + OTHER_TAGS, ATTRIBUTES + OTHER_ATTRIBUTES, TEXTS + OTHER_TEXTS)  # fmt: skip
    parts = []
    for _ in range(draw(st.integers(0, 40))):
        kind = draw(st.sampled_from(["open", "close", "text", "selfclosing"]))
        tag = draw(st.sampled_from(tags))
        if kind == "text":
            parts.append(draw(st.sampled_from(texts)))
        elif kind == "close":
            parts.append(f"</{tag}>")
        else:
            inside = "".join(f" {a}" for a in draw(st.lists(st.sampled_from(attributes),
                                                             max_size=2)))  # fmt: skip
            parts.append(f"<{tag}{inside}{' /' if kind == 'selfclosing' else ''}>")
    return "".join(parts)


@settings(max_examples=800, deadline=None, derandomize=True, database=None)
@given(markup())
def test_markup_of_any_shape_gives_materials_sections(html: str) -> None:
    assert quick(html) == materials(html)
