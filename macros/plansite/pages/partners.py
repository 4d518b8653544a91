"""The partners: who makes up the partnership, and what each organisation leads and provides."""

from __future__ import annotations

from dataclasses import dataclass

from plansite.i18n import gettext
from plansite.index.context import SiteIndex
from plansite.model.addresses import url_for
from plansite.model.partnership import Membership
from plansite.model.registry import Organisation, PartnerGroup
from plansite.model.service import Service
from plansite.pages.parts import ActionTable, History, Link, Page, action_table, history, words
from plansite.pages.spec import PageSpec, index, item


@dataclass(frozen=True)
class PartnersPage(Page):
    members: list[Link]
    others: list[Link]  # named in the plan without being members, by name


@dataclass(frozen=True)
class PartnerPage(Page):
    organisation: Organisation | PartnerGroup
    now_named: str | None  # its name today, where the plan's time named it otherwise
    parent: Link | None  # the organisation it is part of; no url if it has no page here
    roles: list[Membership]
    leads: ActionTable
    supports: ActionTable | None
    services: list[Service]
    history: History


def pages(site: SiteIndex) -> list[PageSpec]:
    return [index("partners", gettext("Partners"), gettext("Partners")),
            *(item("partner", k, v.name) for k, v in site.partners.items())]  # fmt: skip


def partners(site: SiteIndex, spec: PageSpec) -> PartnersPage:
    members = list(dict.fromkeys(m.organisation for m in site.partnership.memberships))
    others = sorted(((k, v) for k, v in site.partners.items() if k not in members),
                    key=lambda kv: kv[1].name.lower())  # fmt: skip
    return PartnersPage(
        site.partnership,
        words(site),
        members=[Link(url_for("partner", m), site.partners[m].name) for m in members],
        others=[Link(url_for("partner", k), v.name) for k, v in others],
    )


def partner(site: SiteIndex, spec: PageSpec) -> PartnerPage:
    key = spec.key
    o = site.partners[key]
    plural = site.level_name(site.action_level, plural=True)
    parent_id = getattr(o, "parent", None)
    parent = None
    if parent_id:
        url = url_for("partner", parent_id) if parent_id in site.partners else ""
        parent = Link(url, site.name_of(parent_id))
    supports = site.supports.get(key)
    return PartnerPage(
        site.partnership,
        words(site),
        organisation=o,
        now_named=site.now_named.get(key),
        parent=parent,
        roles=[m for m in site.partnership.memberships if m.organisation == key],
        leads=action_table(site, site.leads.get(key, []), f"{plural} led by {o.name}"),
        supports=action_table(site, supports, f"{plural} supported by {o.name}")
        if supports
        else None,
        services=site.provides.get(key, []),
        history=history(site, "partner", key),
    )
