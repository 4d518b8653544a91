"""Structured metadata for pages: schema.org JSON-LD, and a plain description for Open Graph.

Everything here comes from the same values the page shows, so the metadata never says
something the page does not.
"""

from __future__ import annotations

import json
import posixpath
from typing import Any

from markupsafe import Markup

from plansite.exports.downloads import Download
from plansite.index.context import SiteIndex
from plansite.model.registry import Organisation, PartnerGroup
from plansite.pages.spec import PageSpec

GOVERNMENT_KINDS = {
    "local-authority", "council-service", "health-board", "health-and-social-care-partnership",
    "integration-joint-board", "police", "fire-and-rescue", "prison-service", "prison",
    "court-service", "court", "prosecution", "government", "national-body", "scrutiny-body",
    "skills-agency",
}  # fmt: skip


def script(data: dict[str, Any]) -> Markup:
    """JSON for a <script type="application/ld+json"> block that no data can break out of."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    for char, code in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(char, code)
    return Markup(text)  # noqa: S704 - no <, > or & remains in it


def _with(out: dict[str, Any], **fields: Any) -> dict[str, Any]:
    """``out`` with the fields that have a value: JSON-LD never states an empty fact."""
    out.update({k: v for k, v in fields.items() if v})
    return out


def _organisation(org: Organisation | PartnerGroup) -> dict[str, Any]:
    government = getattr(org, "kind", "") in GOVERNMENT_KINDS
    out = {"@type": "GovernmentOrganization" if government else "Organization", "name": org.name}
    if isinstance(org, Organisation):
        _with(out, url=org.website, alternateName=org.acronyms, description=org.summary)
    return out


def _contact(point: Any) -> dict[str, Any] | None:
    if point is None or not point.reachable():
        return None
    return _with({"@type": "ContactPoint"}, contactType=point.label, telephone=point.phone,
                 email=point.email, url=point.website)  # fmt: skip


def describe(
    site: SiteIndex, spec: PageSpec, downloads: list[Download] | None = None
) -> tuple[dict[str, Any] | None, str]:
    """JSON-LD (or None) and a one-sentence description for a page."""
    p = site.partnership
    partnership: dict[str, Any] = {"@type": "GovernmentOrganization", "name": p.name,
                                   "areaServed": p.area}  # fmt: skip
    if spec.kind == "home":
        data = {**partnership, "@context": "https://schema.org"}
        contacts = [c for c in (_contact(ct) for ct in p.contacts) if c]
        if contacts:
            data["contactPoint"] = contacts
        if p.website:
            data["url"] = p.website
        members = [
            site.partners[m.organisation] for m in p.memberships if m.organisation in site.partners
        ]
        if members:
            data["member"] = [_organisation(o) for o in members]
        return data, f"{p.name}: its community justice plan, partners and services."
    if spec.kind == "partner":
        org = site.partners[spec.key]
        data = {"@context": "https://schema.org", **_organisation(org)}
        if isinstance(org, Organisation) and (contact := _contact(org.contact)):
            data["contactPoint"] = contact
        return data, f"{org.name}: its part in {p.name}."
    if spec.kind == "service":
        s = site.services[spec.key]
        providers = [
            site.partners[pr.organisation] for pr in s.providers if pr.organisation in site.partners
        ]
        government = any(getattr(o, "kind", "") in GOVERNMENT_KINDS for o in providers)
        data = {
            "@context": "https://schema.org",
            "@type": "GovernmentService" if government else "Service",
            "name": s.name,
            "description": s.summary,
            "areaServed": [*(site.localities()[loc] for loc in s.localities), *s.places]
            or ([p.area] if s.area_wide else []),
            "audience": [{"@type": "Audience", "audienceType": site.audiences[a].name}
                         for a in s.audiences],
        }  # fmt: skip
        if providers:
            data["provider"] = [_organisation(o) for o in providers]
        # A closed service is not to be reached: no channel is offered for it.
        if not s.closed and (contact := _contact(s.contact)):
            data["availableChannel"] = {"@type": "ServiceChannel", "serviceContact": contact}
        return data, s.summary
    if spec.kind == "plan" and site.plan:
        plan = site.plan.plan
        span = f"{plan.period.start.first}/{plan.period.end.last}"
        data = {
            "@context": "https://schema.org",
            "@type": "CreativeWork",
            "name": plan.title,
            "publisher": partnership,
            "inLanguage": "en-GB",
            "temporalCoverage": span,
        }
        if plan.summary:
            data["abstract"] = plan.summary
        return data, f"{plan.title}: the whole plan, as it is organised."
    if spec.kind == "data":
        data = {"@context": "https://schema.org", "@type": "Dataset",
                "name": f"{p.name}: plan and service directory", "creator": partnership,
                "description": f"The {p.body}'s plan, actions, indicators, partners and "
                               "services as open data."}  # fmt: skip
        if p.licence:
            data["license"] = p.licence
        data["distribution"] = [
            {"@type": "DataDownload", "name": d.title, "encodingFormat": d.media,
             "contentUrl": posixpath.relpath(d.path, "data")}
            for d in downloads or []
        ]  # fmt: skip
        return data, f"Open data from {p.name}."
    if spec.kind == "post":
        post = next(x for x in site.pd.posts if x.slug == spec.key)
        data = {"@context": "https://schema.org", "@type": "NewsArticle",
                "headline": post.facts.title, "description": post.facts.summary,
                "datePublished": post.day.isoformat(), "publisher": partnership,
                "keywords": post.facts.tags, "inLanguage": "en-GB"}  # fmt: skip
        return _with({}, **data), post.facts.summary
    if spec.kind == "own-page":
        page = next(x for x in site.pd.pages if x.slug == spec.key)
        return None, page.facts.summary or spec.title
    return None, spec.title
