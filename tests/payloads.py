"""Hostile text planted in every text field of a data set.

Each HTML payload would set ``window.plansite_canary`` if it ever ran; the template payloads
would show 49, a loop, or Python internals if data were ever evaluated as a template; the
formula payloads would run in a spreadsheet if a CSV cell began with them.
"""

from __future__ import annotations

import re

HTML_PAYLOADS = [
    "<script>window.plansite_canary=1</script>",
    "<SCRIPT>window.plansite_canary=1</SCRIPT>",
    "<img src=x onerror=window.plansite_canary=1>",
    "<svg onload=window.plansite_canary=1>",
    "<svg><script>window.plansite_canary=1</script></svg>",
    "<body onload=window.plansite_canary=1>",
    '<a href="javascript:window.plansite_canary=1">click</a>',
    '<a href="JaVaScRiPt:window.plansite_canary=1">click</a>',
    '<a href="&#106;avascript:window.plansite_canary=1">click</a>',
    '<a href="jav&#x09;ascript:window.plansite_canary=1">click</a>',
    "[click](javascript:window.plansite_canary=1)",
    "[click](JAVASCRIPT:window.plansite_canary=1)",
    "[click](data:text/html;base64,PHNjcmlwdD53aW5kb3cucGxhbnNpdGVfY2FuYXJ5PTE8L3NjcmlwdD4=)",
    "[click](vbscript:msgbox(1))",
    '<a href="data:text/html,<script>window.plansite_canary=1</script>">x</a>',
    "![x](javascript:window.plansite_canary=1)",
    'Text {: onclick="window.plansite_canary=1" }',
    '# Heading {: onmouseover="window.plansite_canary=1" }',
    '<iframe src="javascript:window.plansite_canary=1"></iframe>',
    '<iframe srcdoc="<script>parent.plansite_canary=1</script>"></iframe>',
    "<style>body{background:url(javascript:window.plansite_canary=1)}</style>",
    '<div style="background:url(javascript:window.plansite_canary=1)">x</div>',
    '<object data="javascript:window.plansite_canary=1"></object>',
    '<embed src="javascript:window.plansite_canary=1">',
    '<form action="javascript:window.plansite_canary=1"><button>x</button></form>',
    "<input autofocus onfocus=window.plansite_canary=1>",
    "<details open ontoggle=window.plansite_canary=1>",
    '<math><mi xlink:href="javascript:window.plansite_canary=1">x</mi></math>',
    "<scr<script>ipt>window.plansite_canary=1</scr</script>ipt>",
    '<img src="x" onerror="window.plansite_canary=1"',
    '"><script>window.plansite_canary=1</script>',
    "'><img src=x onerror=window.plansite_canary=1>",
    "</title><script>window.plansite_canary=1</script>",
    '<meta http-equiv="refresh" content="0;url=javascript:window.plansite_canary=1">',
    '<link rel=stylesheet href="https://evil.example/x.css">',
    # Markup that runs nothing: only the escaping, not the build's script scan, stops these.
    "<img src=x>",
    "<b>bold</b> <i>and</i> <u>more</u>",
]

TEMPLATE_PAYLOADS = [
    "{{ 7*7 }}",
    "{% for x in range(9**9) %}loop{% endfor %}",
    "{{ cycler.__init__.__globals__ }}",
    "{# unterminated comment",
    "[[ 7*7 ]]",
    "{{ config }}",
    "{%- raw %}{{ 7*7 }}{% endraw %}",
]

# Each starts a value, so it starts a CSV cell wherever the value fills one.
FORMULA_PAYLOADS = [
    '=HYPERLINK("http://evil.example","Click")',
    "+1+cmd|' /C calc'!A0",
    "-1+1",
    "@SUM(1+1)",
    "\t=1+1",
    "\r=1+1",
]

ALL_PAYLOADS = HTML_PAYLOADS + TEMPLATE_PAYLOADS + FORMULA_PAYLOADS

# --- Tagging: which field a payload was planted in, wherever it lands --------------------

# Every tagged value ends with a template expression between two markers unique to its field,
# so each output can be checked for the expression left as written, in the place it was put.
# The spaces keep Markdown from reading the asterisk as emphasis.
PROBE = "{{ 7 * 7 }}"
OPENING = re.compile(r"zq(\d{4})a")


def opening(n: int) -> str:
    return f"zq{n:04d}a"


def closing(n: int) -> str:
    return f"b{n:04d}qz"


def tagged(n: int, payload: str) -> str:
    """The value planted in field ``n``: the payload, then the field's tagged probe."""
    return f"{payload} {opening(n)}{PROBE}{closing(n)}"


def markdown_reads(payload: str) -> bool:
    """Payloads that rich-text fields render as Markdown by design (links, images, headings,
    strong text, character references), so their text is not shown exactly as written there."""
    return any(mark in payload for mark in ("](", "__", "&#")) or payload.startswith("#")
