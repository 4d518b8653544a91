"""The Easy Read version of the plan: one page, the plan told in short sentences with
pictures, for the items and actions that have an Easy Read version.

It is published only when the presented plan has some Easy Read points; an item or action
without them is left out, and the page says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from plansite.index.context import SiteIndex
from plansite.model.addresses import url_for
from plansite.model.easyread import EasyReadPoint
from plansite.model.plan import Action, Node, PlanFile
from plansite.pages.parts import Page, words
from plansite.pages.spec import PageSpec, index


@dataclass(frozen=True)
class EasyReadItem:
    """An item or action of the plan, told in Easy Read."""

    anchor: str  # its id on the Easy Read page
    name: str  # its heading
    url: str  # where the full plan says it, from the site root
    depth: int  # 0 for the top of the plan's tree
    points: list[EasyReadPoint]


@dataclass(frozen=True)
class EasyReadPage(Page):
    plan: PlanFile
    points: list[EasyReadPoint]  # about the whole plan
    items: list[EasyReadItem]  # in the order of the plan, items before their actions
    covered: int  # items and actions with an Easy Read version
    total: int  # items and actions of the plan


def published(site: SiteIndex) -> bool:
    """Whether the presented plan has an Easy Read version at all."""
    if not site.plan:
        return False
    plan = site.plan
    return bool(
        plan.plan.easy_read
        or any(n.easy_read for n in plan.plan.nodes)
        or any(a.easy_read for a in plan.actions)
    )


def anchor(node: Node) -> str:
    return f"er-{node.id}"


def link_for(site: SiteIndex, node: Node) -> str | None:
    """Where the Easy Read page tells of ``node``, or None when it has no Easy Read version."""
    return f"{url_for('easy-read')}#{anchor(node)}" if node.easy_read else None


def pages(site: SiteIndex) -> list[PageSpec]:
    if not published(site):
        return []
    assert site.plan is not None
    return [index("easy-read", f"{site.plan.plan.title}: Easy Read")]


def _action(site: SiteIndex, a: Action, depth: int) -> EasyReadItem:
    name = site.action_name(a)
    return EasyReadItem(f"er-action-{a.id}", name, url_for("action", a.id), depth, a.easy_read)


def _items(site: SiteIndex, parent: str | None, depth: int) -> list[EasyReadItem]:
    out = []
    for n in site.children.get(parent, []):
        if n.easy_read:
            name = site.node_name(n)
            out.append(EasyReadItem(anchor(n), name, site.node_url(n), depth, n.easy_read))
        below = depth + 1 if n.easy_read else depth
        out += [_action(site, a, below) for a in site.actions_under.get(n.id, []) if a.easy_read]
        out += _items(site, n.id, below)
    return out


def context(site: SiteIndex, spec: PageSpec) -> EasyReadPage:
    assert site.plan is not None
    plan = site.plan.plan
    loose = [a for a in site.actions.values() if a.under is None and a.easy_read]
    items = [*(_action(site, a, 0) for a in loose), *_items(site, None, 0)]
    total = len(plan.nodes) + len(site.actions)
    return EasyReadPage(
        site.partnership,
        words(site),
        plan=plan,
        points=plan.easy_read,
        items=items,
        covered=len(items),
        total=total,
    )


def pictures(site: SiteIndex) -> dict[str, Path]:
    """The pictures the Easy Read page shows: where each is published -> its file."""
    if not published(site):
        return {}
    assert site.plan is not None
    plan = site.plan
    owners = [plan.plan.easy_read, *(n.easy_read for n in plan.plan.nodes),
              *(a.easy_read for a in plan.actions)]  # fmt: skip
    return {
        url_for("picture", p.image): site.pd.folder / p.image
        for points in owners
        for p in points
        if p.image
    }
