"""The plan as open data: the whole validated data as JSON, tables as CSV, and the schemas.

Every CSV starts with a header row in plain words; every cell that a spreadsheet could read
as a formula is written so that it is shown as text instead.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass

from plansite.exports.reports import report_csv, report_json
from plansite.exports.tables import csv_text, period_label
from plansite.history import cache
from plansite.history.store import snapshot
from plansite.index.context import SiteIndex
from plansite.index.reports import year_in_figures
from plansite.model.addresses import url_for
from plansite.model.files import FILE_KINDS
from plansite.model.release import PublishedRelease
from plansite.schema import generate as generate_schemas


def _schemas() -> dict[str, str]:
    """The data files' JSON Schemas, kept in the cache for the code that made them: they
    take 0.4 s to generate, in every process that builds a site, on the way of a rebuild."""
    entry = cache.entry_for("schemas", "data files")
    return cache.kept_or_made(entry, cache.code_version(), generate_schemas, dict)


# The same for every site: made once per process.
schemas_once = functools.cache(_schemas)


@dataclass(frozen=True)
class Download:
    path: str  # from the site root
    title: str
    about: str
    content: str
    media: str


RELEASES_JSON = url_for("download", "releases.json")


def releases_json(releases: list[PublishedRelease]) -> str:
    records = [
        {"number": r.number, "date": r.date.isoformat(), "note": r.note,
         "previous": r.previous, "checksum": r.checksum}
        for r in releases
    ]  # fmt: skip
    return json.dumps({"releases": records}, indent=1, ensure_ascii=False) + "\n"


def _names(site: SiteIndex, ids: list[str]) -> str:
    return "; ".join(site.partners[i].name if i in site.partners else i for i in ids)


def downloads(site: SiteIndex) -> list[Download]:
    pd = site.pd
    out = [
        Download(
            url_for("download", "plan.json"),
            "The whole plan as JSON",
            f"Everything this website is built from: the {pd.partnership.body}, its plans, "
            "actions, indicators, participation records, statistics, services and change notes, "
            "in the data format described by the JSON Schemas below.",
            snapshot(site.data, pd).model_dump_json(indent=1, exclude_none=True) + "\n",
            "application/json",
        )
    ]
    if site.plan:
        level = site.level_name(site.action_level)
        columns = site.plan.plan.columns
        frameworks = site.frameworks_of([r for a in site.actions.values() for r in a.frameworks])
        reported = {a.id: site.status_update(a) for a in site.actions.values()}
        rows = [
            [a.id, a.number or "", site.nodes[a.under].title if a.under else "", a.text,
             a.summary or "", _names(site, a.leads), a.leads_raw or "", _names(site, a.partners),
             a.timescale.raw if a.timescale and a.timescale.raw else "",
             a.timescale.due.text if a.timescale and a.timescale.due else "",
             a.completion or "",
             *(a.columns.get(col.id, "") for col in columns),
             *("; ".join(f"{i.number}: {i.title}" if i.number else i.title
                         for i in site.items_in(a.frameworks, fw.id))
               for fw, _ in frameworks),
             site.status_of(a) or "not reported",
             (u.status_raw or "") if (u := reported[a.id]) else "",
             u.date.text if u else "",
             a.updates[-1].note or "" if a.updates else ""]
            for a in site.actions.values()
        ]  # fmt: skip
        out.append(Download(
            url_for("download", "actions.csv"),
            f"{site.level_name(site.action_level, plural=True)} (CSV)",
            f"One row per {level.lower()}: what it is, who leads it, when it is due, its status.",
            csv_text([f"{level} id", "Number", "Part of", site.label("text"), "In plain words",
                      site.label("leads"), f"{site.label('leads')} as written in the plan",
                      site.label("partners"), f"{site.label('timescale')} as written",
                      "Due (YYYY, YYYY-MM or YYYY/YY)", site.label("completion"),
                      *(col.label for col in columns), *(fw.name for fw, _ in frameworks),
                      site.label("status"), f"{site.label('status')} as written in the plan",
                      f"{site.label('status')} as at", "Latest progress"], rows),
            "text/csv"))  # fmt: skip
        ind_rows = [
            [ind.id, ind.title, ind.kind or "", m.id, m.text, m.unit or "",
             f.value if f.value is not None else "", f.raw or "", period_label(f), f.source or ""]
            for ind in site.plan.indicators
            for m in ind.measures
            for f in m.figures
        ] + [
            [ind.id, ind.title, ind.kind or "", m.id, m.text, m.unit or "", "", "", "", ""]
            for ind in site.plan.indicators
            for m in ind.measures
            if not m.figures
        ]  # fmt: skip
        out.append(Download(
            url_for("download", "indicators.csv"), "Indicators and their figures (CSV)",
            "One row per figure of each measure; measures with no figures yet have one empty row.",
            csv_text(["Indicator id", "Indicator", "Type", "Measure id", "Measure", "Unit",
                      "Value", "Value as written", "Period", "Source"], ind_rows),
            "text/csv"))  # fmt: skip
    partner_rows = [
        [m.organisation, site.partners[m.organisation].name if m.organisation in site.partners
         else m.organisation, m.role, m.role_raw or "", m.since.text if m.since else "",
         m.until.text if m.until else ""]
        for m in pd.partnership.memberships
    ]  # fmt: skip
    out.append(Download(
        url_for("download", "partners.csv"), "Partners (CSV)",
        f"One row per membership of the {pd.partnership.body}: the organisation, its role and "
        "its dates.",
        csv_text(["Organisation id", "Organisation", "Role", "Role as written", "Member since",
                  "Member until"], partner_rows),
        "text/csv"))  # fmt: skip
    service_rows = [
        [s.id, s.name, s.kind, s.summary, _names(site, [p.organisation for p in s.providers]),
         "; ".join(site.audiences[a].name for a in s.audiences),
         "; ".join(site.help[h].name for h in s.help),
         "; ".join([*(site.localities()[loc] for loc in s.localities), *s.places]),
         s.contact.phone or "", s.contact.email or "", s.contact.website or "",
         "not published in the plan" if not s.contact.reachable() else "",
         s.status[-1].status if s.status else "not stated",
         d.isoformat() if (d := s.details_checked()) else ""]
        for s in site.services.values()
    ]  # fmt: skip
    out.append(Download(
        url_for("download", "services.csv"), "Services (CSV)",
        "One row per service: what it offers, who it is for, where, how to contact it, and "
        "when its details were last checked.",
        csv_text(["Service id", "Name", "Kind", "What it offers", "Provided by", "Who it is for",
                  "Kinds of help", "Where", "Phone", "Email", "Website", "Contact note",
                  "Status", "Details checked"], service_rows),
        "text/csv"))  # fmt: skip
    out.append(Download(
        RELEASES_JSON, "Releases (JSON)",
        "Every release of this website's data, oldest first: its number, date and note, and the "
        "checksum that links it to the release before, so that anyone can tell if the record "
        "was later changed.",
        releases_json(pd.releases),
        "application/json"))  # fmt: skip
    for report in pd.reports:
        year = year_in_figures(site, report.year)
        label = f"Annual report {report.slug}"
        out.append(Download(
            url_for("report-figures", report.slug, "csv"), f"{label}: indicator figures (CSV)",
            "The figures of the year the report gives, one row per figure.",
            report_csv(year), "text/csv"))  # fmt: skip
        out.append(Download(
            url_for("report-figures", report.slug, "json"), f"{label}: what it counts (JSON)",
            "Per outcome: the progress reports, the actions completed, delayed and started, "
            "and the figures of the year.",
            report_json(pd.partnership.id, year), "application/json"))  # fmt: skip
    schemas = schemas_once()
    for kind in FILE_KINDS:
        name = f"{kind.name}.schema.json"
        out.append(Download(
            url_for("download", f"schema/{name}"),
            f"JSON Schema for {kind.filename} ({kind.scope} file)",
            kind.about, schemas[name],
            "application/schema+json"))  # fmt: skip
    return out
