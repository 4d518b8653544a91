"""The service directory as Open Referral HSDS 3.0, the standard for exchanging directories.

Ids are UUIDs derived from the partnership's own ids, so they stay the same from one build
to the next and a directory that imports the file can update its copy instead of adding
duplicates. Only what the data says is exported: a service with no published phone number
has no phone here.

HSDS describes services: help that organisations give people. What a plan names beside its
services that is not help (publications, policies, protocols, tools, ways agencies work
together, campaigns and consultations: ``NOT_HELP_KINDS``) is not a service in that sense, and
a directory that imported it would offer it as help, so it is left out of the file. It stays
in the partnership's services CSV, with its kind, and on its services page. A service that
has closed stays in the file with the status "defunct", so that a directory that imported it
learns that it has closed; the site no longer lists it as help.
"""

from __future__ import annotations

import json
import uuid
from typing import Any

from plansite.exports.tables import bulk_json, csv_text
from plansite.index.context import SiteIndex
from plansite.model.service import Service

HSDS_VERSION = "3.0"
STATUS = {
    "planned": "inactive",
    "pilot": "active",
    "active": "active",
    "paused": "temporarily closed",
    "closed": "defunct",
    "unknown": "active",
}
ROUTE_WORDS = {
    "self-referral": "You can refer yourself.",
    "family-or-friend": "A family member or friend can refer you.",
    "court": "Through the court.",
    "social-work": "Through social work.",
    "police": "Through the police.",
    "prison": "Through the prison.",
    "health": "Through health services.",
    "education": "Through school or college.",
    "housing": "Through housing services.",
    "third-sector": "Through a voluntary organisation.",
    "professional": "Through a professional who works with you.",
    "other": "Other routes are available.",
}


def uid(pid: str, kind: str, ident: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"plansite:{pid}:{kind}:{ident}"))


class Hsds:
    """The HSDS records of one partnership's directory."""

    def __init__(self, site: SiteIndex) -> None:
        self.site = site
        self.pid = site.partnership.id
        self.taxonomies = [
            {"id": uid(self.pid, "taxonomy", "audiences"), "name": "plansite audiences",
             "description": "Who a service is for.", "version": "1"},
            {"id": uid(self.pid, "taxonomy", "help"), "name": "plansite kinds of help",
             "description": "What kind of help a service gives.", "version": "1"},
        ]  # fmt: skip
        self.terms: dict[str, dict[str, Any]] = {}
        for facet, cats in (("audiences", site.audiences), ("help", site.help)):
            for key, cat in cats.items():
                self.terms[f"{facet}:{key}"] = {
                    "id": uid(self.pid, "term", f"{facet}:{key}"),
                    "code": key,
                    "name": cat.name,
                    "description": cat.summary or cat.name,
                    "taxonomy_id": uid(self.pid, "taxonomy", facet),
                }
        self.organizations = {
            org_id: self.organization(org_id)
            for s in site.help_entries()
            for org_id in [p.organisation for p in s.providers]
        }
        # A closed service stays, marked defunct, so that a directory that imported it
        # before learns that it has closed.
        self.services = [self.service(s) for s in site.help_entries()]

    def organization(self, org_id: str) -> dict[str, Any]:
        org = self.site.data.organisations[org_id]
        record: dict[str, Any] = {
            "id": uid(self.pid, "organization", org_id),
            "name": org.name,
            "description": org.summary or f"{org.name}: no description is published in the plan.",
        }
        if org.acronyms:
            record["alternate_name"] = ", ".join(org.acronyms)
        if org.website:
            record["website"] = org.website
        if org.parent and org.parent in self.site.data.organisations:
            record["parent_organization_id"] = uid(self.pid, "organization", org.parent)
        if org.identifiers and org.identifiers.scottish_charity_number:
            record["organization_identifiers"] = [{
                "id": uid(self.pid, "identifier", org_id),
                "organization_id": record["id"],
                "identifier_scheme": "GB-SC",
                "identifier_type": "Scottish Charity Number",
                "identifier": org.identifiers.scottish_charity_number,
            }]  # fmt: skip
        return record

    def service(self, s: Service) -> dict[str, Any]:
        sid = uid(self.pid, "service", s.id)
        status = STATUS[s.status[-1].status] if s.status else "active"
        record: dict[str, Any] = {
            "id": sid,
            "name": s.name,
            "description": s.summary,
            "status": status,
        }
        if s.aliases:
            record["alternate_name"] = "; ".join(s.aliases)
        if s.contact.website:
            record["url"] = s.contact.website
        if s.contact.email:
            record["email"] = s.contact.email
        how = " ".join([*(ROUTE_WORDS[r] for r in s.routes), s.how_to_get_it or ""]).strip()
        if how:
            record["application_process"] = how
        if s.eligibility:
            if s.eligibility.conditions:
                record["eligibility_description"] = " ".join(s.eligibility.conditions)
            if s.eligibility.min_age is not None:
                record["minimum_age"] = s.eligibility.min_age
            if s.eligibility.max_age is not None:
                record["maximum_age"] = s.eligibility.max_age
        providers = [p.organisation for p in s.providers]
        if providers:
            record["organization_id"] = uid(self.pid, "organization", providers[0])
            record["organization"] = self.organizations[providers[0]]
        if s.contact.phone:
            record["phones"] = [{"id": uid(self.pid, "phone", s.id), "service_id": sid,
                                 "number": s.contact.phone, "type": "voice"}]  # fmt: skip
        areas = [self.site.localities()[loc] for loc in s.localities]
        if s.area_wide:
            areas.append(self.site.partnership.area)
        record["service_areas"] = [
            {"id": uid(self.pid, "area", f"{s.id}:{name}"), "service_id": sid, "name": name}
            for name in areas
        ]
        record["service_at_locations"] = [
            {
                "id": uid(self.pid, "service-at-location", f"{s.id}:{place}"),
                "service_id": sid,
                "location_id": uid(self.pid, "location", place),
                "location": {
                    "id": uid(self.pid, "location", place),
                    "location_type": "physical",
                    "name": place,
                },
            }
            for place in s.places
        ]
        record["attributes"] = [
            {
                "id": uid(self.pid, "attribute", f"{s.id}:{facet}:{key}"),
                "link_id": sid,
                "link_type": "service",
                "link_entity": "service",
                "taxonomy_term_id": self.terms[f"{facet}:{key}"]["id"],
                "taxonomy_term": self.terms[f"{facet}:{key}"],
                "value": key,
            }
            for facet, keys in (("audiences", s.audiences), ("help", s.help))
            for key in keys
        ]
        checked = s.details_checked()
        if checked:
            record["assured_date"] = checked.isoformat()
        if s.contact.not_stated or not s.contact.reachable():
            record["alert"] = "Contact details for this service are not published in the plan."
        return record

    # --- Files -------------------------------------------------------------------------

    def files(self) -> dict[str, str]:
        """File name (under data/hsds/) -> content."""
        out = {
            "services.json": bulk_json(self.services),
            "organizations.json": bulk_json(list(self.organizations.values())),
            "taxonomies.json": bulk_json(self.taxonomies),
            "taxonomy_terms.json": bulk_json(list(self.terms.values())),
        }
        out.update({f"csv/{name}": text for name, text in self.tables().items()})
        return out

    def tables(self) -> dict[str, str]:
        """The HSDS tabular form: one CSV per table, plus its data package description."""
        tables: dict[str, tuple[list[str], list[list[Any]]]] = {
            "organizations.csv": (["id", "name", "alternate_name", "description", "website",
                                   "parent_organization_id"], []),
            "services.csv": (["id", "organization_id", "name", "alternate_name", "description",
                              "url", "email", "status", "application_process",
                              "eligibility_description", "minimum_age", "maximum_age",
                              "assured_date", "alert"], []),
            "phones.csv": (["id", "service_id", "number", "type"], []),
            "service_areas.csv": (["id", "service_id", "name"], []),
            "locations.csv": (["id", "location_type", "name"], []),
            "service_at_locations.csv": (["id", "service_id", "location_id"], []),
            "taxonomies.csv": (["id", "name", "description", "version"], []),
            "taxonomy_terms.csv": (["id", "code", "name", "description", "taxonomy_id"], []),
            "attributes.csv": (["id", "link_id", "link_type", "link_entity", "taxonomy_term_id",
                                "value"], []),
        }  # fmt: skip

        def add(table: str, record: dict[str, Any]) -> None:
            header, rows = tables[table]
            rows.append([record.get(column, "") for column in header])

        for org in self.organizations.values():
            add("organizations.csv", org)
        locations: dict[str, dict[str, Any]] = {}
        for s in self.services:
            add("services.csv", s)
            for phone in s.get("phones", []):
                add("phones.csv", phone)
            for area in s["service_areas"]:
                add("service_areas.csv", area)
            for sal in s["service_at_locations"]:
                add("service_at_locations.csv", sal)
                locations[sal["location"]["id"]] = sal["location"]
            for attribute in s["attributes"]:
                add("attributes.csv", attribute)
        for location in locations.values():
            add("locations.csv", location)
        for taxonomy in self.taxonomies:
            add("taxonomies.csv", taxonomy)
        for term in self.terms.values():
            add("taxonomy_terms.csv", term)
        out = {name: csv_text(header, rows) for name, (header, rows) in tables.items()}
        package = {
            "name": f"{self.pid}-services",
            "title": f"{self.site.partnership.name}: service directory (HSDS {HSDS_VERSION})",
            "profile": "tabular-data-package",
            "resources": [
                {
                    "name": name.removesuffix(".csv"),
                    "path": name,
                    "profile": "tabular-data-resource",
                    "format": "csv",
                    "mediatype": "text/csv",
                    "encoding": "utf-8",
                    "schema": {"fields": [{"name": column, "type": "string"} for column in header]},
                }
                for name, (header, _) in tables.items()
            ],
        }
        out["datapackage.json"] = json.dumps(package, indent=1, ensure_ascii=False) + "\n"
        return out


# The files of the national export: each partnership's records, one list per kind.
NATIONAL_FILES = ("services.json", "organizations.json", "taxonomies.json", "taxonomy_terms.json")


def national_part(hsds: Hsds) -> dict[str, str]:
    """One partnership's records in each file of the national export, as the items of its
    JSON list (``national_files`` joins them)."""
    lists = {
        "services.json": hsds.services,
        "organizations.json": list(hsds.organizations.values()),
        "taxonomies.json": hsds.taxonomies,
        "taxonomy_terms.json": list(hsds.terms.values()),
    }
    return {name: bulk_json(lists[name]).rstrip("\n")[1:-1] for name in NATIONAL_FILES}


def national_files(parts: list[dict[str, str]]) -> dict[str, str]:
    """Every partnership's directory in one HSDS export, from each one's ``national_part``.
    Each record keeps the id its own partnership publishes (made from that partnership's
    ids), so none collide and a directory that imports both the national and a local file
    sees the same records; a body that provides services in several areas has one
    organisation record per partnership."""
    return {name: "[" + ",".join(p[name] for p in parts if p[name]) + "]\n"
            for name in NATIONAL_FILES}  # fmt: skip
