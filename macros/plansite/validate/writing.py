"""Check the pages and news a partnership writes: their addresses, headings and macros.

The text of a page is the author's own and is evaluated as a template when the site is
built. Before that, every macro call written in it is read here against the data: a wrong
id or argument is reported with the file and line it is on, and a did-you-mean.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

import jinja2
from jinja2 import nodes

from plansite.load.dataset import Dataset, PartnershipData, current_plan, referenced
from plansite.load.errors import Diagnostic, did_you_mean
from plansite.load.writing import NewsPost, WrittenPage
from plansite.model.addresses import NEWS_RESERVED, RESERVED, url_for
from plansite.model.macros import BUILT_IN, MACROS

FENCE_RE = re.compile(r"^\s*(```|~~~)")
# [words](target): a link written in Markdown (not an image, which starts with "!").
LINK_RE = re.compile(r"(?<!!)\[[^\]]*\]\(([^)\s]+)")
_ENV = jinja2.Environment(autoescape=True)  # only parses, with mkdocs-macros' delimiters


def check_writing(data: Dataset) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    for pd in data.partnerships.values():
        known = _known(data, pd)
        seen: dict[str, str] = {}
        for page in pd.pages:
            out += _address(page, page.slug in RESERVED, seen, url_for("own-page", page.slug))
            out += _text(page, known)
        for post in pd.posts:
            out += _address(post, post.slug in NEWS_RESERVED, seen, url_for("post", post.slug))
            out += _text(post, known)
    return out


def _address(
    written: WrittenPage | NewsPost, reserved: bool, seen: dict[str, str], url: str
) -> list[Diagnostic]:
    if reserved:
        message = f"the address {url} belongs to a page plansite makes"
    elif url in seen:
        message = f"the address {url} is taken by {seen[url]}"
    else:
        seen[url] = written.rel
        return []
    return [Diagnostic("page-address-taken", written.rel, 1, 1, "", message)]


def _known(data: Dataset, pd: PartnershipData) -> dict[str, set[str]]:
    """The ids each kind of macro argument may name on this partnership's site."""
    plan = current_plan(pd)
    return {
        "action": {a.id for a in plan.actions} if plan else set(),
        "node": {n.id for n in plan.plan.nodes} if plan else set(),
        "indicator": {i.id for i in plan.indicators} if plan else set(),
        "partner": referenced(pd),
        "audience": set(data.audiences),
        "help": set(data.help),
        "locality": {loc.id for loc in pd.partnership.localities},
    }


def _lines_outside_code(text: str) -> Iterator[tuple[int, str]]:
    fenced = False
    for number, line in enumerate(text.split("\n"), start=1):
        if FENCE_RE.match(line):
            fenced = not fenced
        elif not fenced:
            yield number, line


def _text(written: WrittenPage | NewsPost, known: dict[str, set[str]]) -> list[Diagnostic]:
    rel = written.rel
    lines = list(_lines_outside_code(written.body))
    out = [
        Diagnostic("page-heading", rel, n, 1, "", "a heading of level 1 ('# ') in the text")
        for n, line in lines
        if line.startswith("# ")
    ]
    folder = "names a folder of the site, which MkDocs cannot follow"
    out += [
        Diagnostic("page-link", rel, n, m.start(1) + 1, "", f"the link {m.group(1)!r} {folder}")
        for n, line in lines
        for m in LINK_RE.finditer(line)
        if _site_folder(m.group(1))
    ]
    try:
        tree = _ENV.parse(written.body)
    except jinja2.TemplateSyntaxError as exc:
        return [*out, Diagnostic("page-template", rel, exc.lineno, 1, "", exc.message or "")]
    own = {n.name for n in tree.find_all(nodes.Name) if n.ctx in ("store", "param")}
    called = set()
    for call in tree.find_all(nodes.Call):
        if isinstance(call.node, nodes.Name):
            called.add(id(call.node))
            out += _call(call, call.node.name, rel, known, own)
    for name in tree.find_all(nodes.Name):  # a value named but never given: {{ acton }}
        if id(name) in called or name.ctx != "load" or name.name in own | BUILT_IN:
            continue
        hint = did_you_mean(name.name, MACROS) or "write a macro as {{ name(...) }}"
        message = f"there is no macro or value {name.name!r}"
        if name.name in MACROS:
            message, hint = f"{name.name} is a macro: call it", f"write it as {_usage(name.name)}"
        out.append(Diagnostic("page-macro-unknown", rel, name.lineno, 1, "", message, hint))
    return out


def _site_folder(target: str) -> bool:
    """A link to a page of this site written as its address (``../news/``) rather than its
    file (``../news/index.md``)."""
    if ":" in target or target.startswith(("#", "{")):
        return False  # another site, mail or phone, an anchor, or a macro's value
    path = target.split("#", 1)[0]
    return not path.endswith(".md") and "." not in path.rsplit("/", 1)[-1]


def _call(
    call: nodes.Call, name: str, rel: str, known: dict[str, set[str]], own: set[str]
) -> list[Diagnostic]:
    def problem(code: str, message: str, hint: str = "") -> Diagnostic:
        return Diagnostic(code, rel, call.lineno, 1, "", message, hint)

    if name not in MACROS:
        if name in BUILT_IN or name in own:
            return []
        hint = did_you_mean(name, MACROS) or "the macros are: " + ", ".join(sorted(MACROS))
        return [problem("page-macro-unknown", f"there is no macro {name!r}", hint)]
    params = MACROS[name]
    names = [p for p, _ in params]
    given: list[tuple[str, nodes.Expr]] = []
    if len(call.args) > len(params):
        return [problem("page-macro-argument",
                        f"{name}() takes {len(params) or 'no'} argument(s), given {len(call.args)}",
                        f"write it as {_usage(name)}")]  # fmt: skip
    given += [(names[i], arg) for i, arg in enumerate(call.args)]
    for kw in call.kwargs:
        if kw.key not in names:
            hint = did_you_mean(kw.key, names) or f"write it as {_usage(name)}"
            return [problem("page-macro-argument", f"{name}() has no argument {kw.key!r}", hint)]
        given.append((kw.key, kw.value))
    out = []
    for param, value in given:
        kind = dict(params)[param]
        if not isinstance(value, nodes.Const) or kind is None:
            continue  # worked out when the page is built
        text = str(value.value)
        if kind == "day":
            try:
                date.fromisoformat(text)
            except ValueError:
                wrong = f"{name}(): {text!r} is not a day written YYYY-MM-DD"
                out.append(problem("page-macro-argument", wrong))
            continue
        if text not in known[kind]:
            hint = did_you_mean(text, known[kind]) or f"no {kind} of this site has that id"
            out.append(problem("page-macro-ref", f"{name}(): no {kind} {text!r}", hint))
    if name in ("action", "outcome", "indicator", "partner", "changes") and not given:
        out.append(problem("page-macro-argument", f"{name}() needs an argument",
                           f"write it as {_usage(name)}"))  # fmt: skip
    return out


def _usage(name: str) -> str:
    args = ", ".join(f'{p}="..."' for p, _ in MACROS[name])
    return "{{ " + f"{name}({args})" + " }}"
