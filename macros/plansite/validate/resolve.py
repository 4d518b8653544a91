"""Cross-reference checks over the whole data set.

Each file was valid on its own; here every id is checked to be unique where it must be,
every reference to point at something that exists, and every period to make sense.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import date
from pathlib import Path
from typing import Any

from plansite.history.log import NOTE_KINDS
from plansite.history.store import check_notes_kept
from plansite.load.dataset import Dataset, PartnershipData, PlanData
from plansite.load.errors import Diagnostic, did_you_mean
from plansite.load.yaml_reader import Path_, YamlFile
from plansite.model.addresses import FACETS, NATIONAL_FOLDERS, PATTERNS, url_for
from plansite.model.dates import PartialDate
from plansite.model.era import began
from plansite.validate.colours import TEXT_MIN, WHITE, contrast

# What a reference may point at, by the file kinds that define it. When one of those files
# failed to load, its ids are unknown, and reporting every reference to them would only
# bury the real error.
DEFINED_IN = {
    "organisation": {"organisations", "local-organisations"},
    "organisation or partner group": {
        "organisations",
        "local-organisations",
        "partner-groups",
        "local-partner-groups",
    },
    "framework item": {"frameworks", "local-frameworks"},
    "framework": {"frameworks", "local-frameworks"},
    "item of an earlier plan": {"plan"},
    "column": {"plan"},
    "audience": {"taxonomy"},
    "council area": {"council-areas"},
    "kind of help": {"taxonomy"},
    "locality": {"partnership"},
    "plan": {"plan"},
    "plan item": {"plan"},
    "outcome": {"plan"},
    "node": {"plan"},
    "partner": {"organisations", "local-organisations"},
    "service": {"services"},
    "action": {"actions"},
    "indicator": {"indicators"},
}


# services/for/…, services/in/… and services/help/… are the directory's filtered lists.
RESERVED_SERVICE_IDS = {PATTERNS[kind].split("/")[1] for kind in FACETS.values()}
# actions/status/… and actions/overdue/ list actions by how they stand.
RESERVED_ACTION_IDS = {
    PATTERNS[kind].split("/")[1] for kind in ("actions-status", "actions-overdue")
}
# A partnership's site is published at OUT/<id>/, beside the national index's own pages and
# the theme's folders: an id equal to one of these would overwrite them.
RESERVED_PARTNERSHIP_IDS = frozenset({"about", "assets", "guide", "search", *NATIONAL_FOLDERS})


class Checker:
    def __init__(self, failed: set[str] | None = None) -> None:
        self.problems: list[Diagnostic] = []
        self.failed = failed or set()

    def add(
        self, file: YamlFile | None, code: str, path: Path_, message: str, hint: str = ""
    ) -> None:
        if file is None:  # pragma: no cover - every checked model came from a file
            return
        self.problems.append(file.diagnostic(code, path, message, hint=hint))

    def ref(
        self,
        file: YamlFile | None,
        path: Path_,
        value: str | None,
        known: Collection[str],
        what: str,
        where: str,
    ) -> None:
        if value is None or value in known or DEFINED_IN.get(what, set()) & self.failed:
            return
        hint = did_you_mean(value, known) or f"add it to {where}, or fix the id"
        self.add(file, "ref-unknown", path, f"unknown {what} {value!r}", hint)

    def refs(
        self,
        file: YamlFile | None,
        path: Path_,
        values: Iterable[str],
        known: Collection[str],
        what: str,
        where: str,
    ) -> None:
        for i, value in enumerate(values):
            self.ref(file, (*path, i), value, known, what, where)

    def unique(
        self,
        file: YamlFile | None,
        path: Path_,
        ids: Iterable[str],
        seen: dict[str, str],
        what: str,
        field: str = "id",
    ) -> None:
        """Report an id already in ``seen`` (which maps id -> where it was first defined)."""
        if file is None:  # pragma: no cover
            return
        for i, item_id in enumerate(ids):
            first = seen.get(item_id)
            if first is not None:
                self.add(
                    file,
                    "id-duplicate",
                    (*path, i, field),
                    f"{what} id {item_id!r} is already used at {first}",
                )
            else:
                line, _ = file.locate((*path, i, field))
                seen[item_id] = f"{file.rel}:{line}"

    def order(
        self,
        file: YamlFile | None,
        path: Path_,
        first: PartialDate | date | None,
        last: PartialDate | date | None,
        what: str,
    ) -> None:
        a = first.first if isinstance(first, PartialDate) else first
        b = last.last if isinstance(last, PartialDate) else last
        if a is not None and b is not None and a > b:
            self.add(
                file,
                "period-invalid",
                path,
                f"{what}: the start ({first}) comes after the end ({last})",
            )


def check_dataset(data: Dataset) -> list[Diagnostic]:
    c = Checker(data.failed)
    orgs_file = data.files.get("organisations")
    org_seen: dict[str, str] = {}
    c.unique(
        orgs_file,
        ("organisations",),
        (o.id for o in data.organisation_list),
        org_seen,
        "organisation",
    )
    for pdata in data.partnerships.values():
        local = pdata.files.get("local-organisations")
        c.unique(
            local, ("organisations",), (o.id for o in pdata.organisations), org_seen, "organisation"
        )
    groups_seen = dict(org_seen)
    c.unique(
        data.files.get("partner-groups"),
        ("groups",),
        (g.id for g in data.group_list),
        groups_seen,
        "partner group (ids are shared with organisations)",
    )
    frameworks_seen: dict[str, str] = {}
    c.unique(
        data.files.get("frameworks"),
        ("frameworks",),
        (fw.id for fw in data.framework_list),
        frameworks_seen,
        "framework",
    )
    for pdata in data.partnerships.values():
        c.unique(
            pdata.files.get("local-partner-groups"),
            ("groups",),
            (g.id for g in pdata.groups),
            groups_seen,
            "partner group (ids are shared with organisations)",
        )
        c.unique(
            pdata.files.get("local-frameworks"),
            ("frameworks",),
            (fw.id for fw in pdata.frameworks),
            frameworks_seen,
            "framework",
        )
    _check_registries(c, data)
    for pid, pdata in data.partnerships.items():
        _check_partnership(c, data, pid, pdata)
    return c.problems


def _check_registries(c: Checker, data: Dataset) -> None:
    orgs = data.organisations
    org_sources = [(data.files.get("organisations"), data.organisation_list)]
    for pdata in data.partnerships.values():
        org_sources.append((pdata.files.get("local-organisations"), pdata.organisations))
    for file, items in org_sources:
        for i, o in enumerate(items):
            c.ref(
                file,
                ("organisations", i, "parent"),
                o.parent,
                orgs,
                "organisation",
                "organisations.yaml",
            )
            c.order(file, ("organisations", i, "valid_to"), o.valid_from, o.valid_to, o.id)
    group_sources = [(data.files.get("partner-groups"), data.group_list)]
    framework_sources = [(data.files.get("frameworks"), data.framework_list)]
    for pdata in data.partnerships.values():
        group_sources.append((pdata.files.get("local-partner-groups"), pdata.groups))
        framework_sources.append((pdata.files.get("local-frameworks"), pdata.frameworks))
    for gfile, groups in group_sources:
        for i, g in enumerate(groups):
            c.refs(
                gfile,
                ("groups", i, "members"),
                g.members,
                orgs,
                "organisation",
                "organisations.yaml",
            )
    every_item = framework_items(data)
    for ffile, frameworks in framework_sources:
        for i, fw in enumerate(frameworks):
            c.unique(
                ffile, ("frameworks", i, "items"), (it.id for it in fw.items), {}, f"{fw.id} item"
            )
            c.order(ffile, ("frameworks", i, "valid_to"), fw.valid_from, fw.valid_to, fw.id)
            for j, item in enumerate(fw.items):
                at = ("frameworks", i, "items", j, "serves")
                c.refs(ffile, at, item.serves, every_item, "framework item", "frameworks.yaml")
            c.ref(
                ffile,
                ("frameworks", i, "publisher"),
                fw.publisher,
                orgs,
                "organisation",
                "organisations.yaml",
            )
    terms_seen: dict[str, str] = {}
    c.unique(
        data.files.get("glossary"),
        ("terms",),
        (t.term for t in data.glossary),
        terms_seen,
        "glossary term",
        field="term",
    )
    tfile = data.files.get("taxonomy")
    c.unique(tfile, ("audiences",), data.audiences, {}, "audience")
    c.unique(tfile, ("help",), data.help, {}, "kind of help")
    areas = data.files.get("council-areas")
    c.unique(areas, ("areas",), (a.id for a in data.council_areas), {}, "council area")


LOGO_TYPES = {".png": b"\x89PNG\r\n\x1a\n", ".jpg": b"\xff\xd8\xff", ".jpeg": b"\xff\xd8\xff"}
LOGO_MAX = 500_000


def _check_logo(c: Checker, file: YamlFile | None, path: Path, written: str, folder: Path) -> None:
    """A logo is a PNG or JPEG image inside the partnership's folder (SVG can carry script)."""
    at = ("branding", "logo")
    inside = folder.resolve() in path.resolve().parents
    kind = LOGO_TYPES.get(path.suffix.lower())
    if not inside or kind is None:
        c.add(
            file,
            "logo-invalid",
            at,
            f"expected a .png or .jpg file in this folder, found {written!r}",
        )
    elif not path.is_file():
        c.add(file, "logo-invalid", at, f"there is no file {written!r} in this folder")
    elif path.stat().st_size > LOGO_MAX:
        c.add(file, "logo-invalid", at, f"{written!r} is larger than {LOGO_MAX:,} bytes")
    elif path.read_bytes()[: len(kind)] != kind:
        c.add(file, "logo-invalid", at, f"{written!r} is not a {path.suffix.lower()} image")


def _rel_folder(pd: PartnershipData) -> str:
    rel = pd.files["partnership"].rel
    return rel.rsplit("/", 1)[0]


def _a(name: str) -> str:
    """'an Aim', 'a Section': a level named as the plan names it."""
    return f"{'an' if name[:1].lower() in 'aeiou' else 'a'} {name}"


def _any(level_ids: list[str], names: dict[str, str]) -> str:
    return " or ".join(_a(names.get(i, i)) for i in level_ids)


def framework_items(data: Dataset) -> set[str]:
    return {f"{fw.id}:{item.id}" for fw in data.frameworks.values() for item in fw.items}


def _check_partnership(c: Checker, data: Dataset, folder: str, pd: PartnershipData) -> None:
    p = pd.partnership
    pfile = pd.files.get("partnership")
    orgs = data.organisations
    leaders = set(orgs) | set(data.groups)
    if p.id != folder:
        c.add(pfile, "id-mismatch", ("id",), f"id {p.id!r} differs from its folder name {folder!r}")
    if p.id in RESERVED_PARTNERSHIP_IDS:
        c.add(pfile, "id-reserved", ("id",),
              f"the national index publishes its own {p.id}/, so {p.id!r} cannot be a "
              "partnership id")  # fmt: skip
    c.ref(
        pfile, ("local_authority",), p.local_authority, orgs, "organisation", "organisations.yaml"
    )
    area_ids = {a.id for a in data.council_areas}
    c.refs(
        pfile, ("council_areas",), p.council_areas, area_ids, "council area", "council-areas.yaml"
    )
    if p.branding and p.branding.colour:
        ratio = contrast(p.branding.colour, WHITE)
        if ratio < TEXT_MIN:
            c.add(
                pfile,
                "colour-contrast",
                ("branding", "colour"),
                f"white text on {p.branding.colour} has a contrast of {ratio:.2f}:1; "
                f"at least {TEXT_MIN}:1 is needed",
            )
    if p.branding and p.branding.logo:
        _check_logo(c, pfile, pd.folder / p.branding.logo, p.branding.logo, pd.folder)
    if p.chair:
        c.ref(
            pfile,
            ("chair", "organisation"),
            p.chair.organisation,
            orgs,
            "organisation",
            "organisations.yaml",
        )
    for i, m in enumerate(p.memberships):
        c.ref(
            pfile,
            ("memberships", i, "organisation"),
            m.organisation,
            orgs,
            "organisation",
            "organisations.yaml",
        )
        c.order(
            pfile, ("memberships", i, "until"), m.since, m.until, f"membership of {m.organisation}"
        )
    c.unique(pfile, ("localities",), (loc.id for loc in p.localities), {}, "locality")
    c.ref(
        pfile, ("current_plan",), p.current_plan, pd.plans, "plan", f"partnerships/{folder}/plans/"
    )
    c.order(pfile, ("valid_to",), p.valid_from, p.valid_to, "partnership's existence")
    for plan_id, plan in pd.plans.items():
        newer = plan.plan.superseded_by
        if newer is not None:
            others, where = set(pd.plans) - {plan_id}, f"partnerships/{folder}/plans/"
            path = ("superseded_by", "plan")
            c.ref(plan.files.get("plan"), path, newer.plan, others, "plan", where)

    fw_items = framework_items(data)
    node_ids: dict[str, str] = {}
    action_ids: dict[str, str] = {}
    indicator_ids: dict[str, str] = {}
    engagement_ids: dict[str, str] = {}
    stat_ids: dict[str, str] = {}
    for plan_folder, plan in pd.plans.items():
        _check_plan(
            c,
            data,
            plan_folder,
            plan,
            fw_items,
            leaders,
            (node_ids, action_ids, indicator_ids, engagement_ids, stat_ids),
        )
    _check_answers(c, data, pd, fw_items)
    service_ids: dict[str, str] = {}
    sfile = pd.files.get("services")
    c.unique(sfile, ("services",), (s.id for s in pd.services), service_ids, "service")
    localities = {loc.id for loc in p.localities}
    for i, s in enumerate(pd.services):
        at = ("services", i)
        if s.id in RESERVED_SERVICE_IDS:
            c.add(
                sfile,
                "id-reserved",
                (*at, "id"),
                f"{url_for('service', s.id)} holds the directory's filtered lists, so {s.id!r} "
                "cannot be a service id",
            )
        c.refs(sfile, (*at, "audiences"), s.audiences, data.audiences, "audience", "taxonomy.yaml")
        c.refs(sfile, (*at, "help"), s.help, data.help, "kind of help", "taxonomy.yaml")
        c.refs(sfile, (*at, "localities"), s.localities, localities, "locality", "partnership.yaml")
        for j, prov in enumerate(s.providers):
            c.ref(
                sfile,
                (*at, "providers", j, "organisation"),
                prov.organisation,
                orgs,
                "organisation",
                "organisations.yaml",
            )
        for j, fund in enumerate(s.funding):
            c.refs(
                sfile,
                (*at, "funding", j, "funders"),
                fund.funders,
                orgs,
                "organisation",
                "organisations.yaml",
            )
        c.refs(sfile, (*at, "outcomes"), s.outcomes, node_ids, "plan item", "a plan's nodes")
        c.refs(
            sfile, (*at, "frameworks"), s.frameworks, fw_items, "framework item", "frameworks.yaml"
        )
        if (
            s.eligibility
            and s.eligibility.min_age is not None
            and s.eligibility.max_age is not None
            and s.eligibility.min_age > s.eligibility.max_age
        ):
            c.add(
                sfile,
                "period-invalid",
                (*at, "eligibility", "max_age"),
                f"the minimum age ({s.eligibility.min_age}) is above "
                f"the maximum ({s.eligibility.max_age})",
            )
    for plan in pd.plans.values():
        afile = plan.files.get("actions")
        for i, a in enumerate(plan.actions):
            c.refs(
                afile,
                ("actions", i, "services"),
                a.services,
                service_ids,
                "service",
                "services.yaml",
            )
    known: dict[str, Collection[str]] = {
        "action": action_ids,
        "service": service_ids,
        "outcome": node_ids,
        "node": node_ids,
        "indicator": indicator_ids,
        "partner": orgs,
        "organisation": orgs,
        "plan": pd.plans,
        "partnership": {p.id},
    }
    nfile = pd.files.get("changes")
    note_index = {n.id: i for i, n in enumerate(pd.notes)}
    c.problems += check_notes_kept(
        pd.notes,
        pd.releases,
        f"{_rel_folder(pd)}",
        lambda ident: nfile.locate(("notes", note_index[ident], "id")) if nfile else (1, 1),
    )
    c.unique(nfile, ("notes",), (n.id for n in pd.notes), {}, "change note")
    # A note may be about something that was published once and has since been removed.
    released = frozenset().union(*(r.items for r in pd.releases))
    for i, note in enumerate(pd.notes):
        for j, about in enumerate(note.about):
            kind, _, item = about.partition(":")
            if kind not in known:
                c.add(
                    nfile,
                    "ref-format",
                    ("notes", i, "about", j),
                    f"expected 'kind:id' with kind one of {', '.join(sorted(known))}, "
                    f"found {about!r}",
                )
            elif (NOTE_KINDS[kind], item) not in released:
                c.ref(nfile, ("notes", i, "about", j), item, known[kind], kind, "the data")


def _check_answers(c: Checker, data: Dataset, pd: PartnershipData, fw_items: set[str]) -> None:
    """A plan's declared framework, its answers to the national outcomes, and the items of
    earlier plans its own carry forward."""
    where = "frameworks.yaml"
    for plan_id, pl in pd.plans.items():
        f, plan = pl.files.get("plan"), pl.plan
        c.refs(f, ("answers_to",), plan.answers_to, data.frameworks, "framework", where)
        for i, answer in enumerate(plan.national_outcomes):
            path = ("national_outcomes", i, "outcome")
            c.ref(f, path, answer.outcome, fw_items, "framework item", where)
        # Node ids are unique across a partnership's plans, so an id names its plan too.
        start = began(plan) or date.max
        earlier = {n.id for other, p in pd.plans.items()
                   if other != plan_id and (began(p.plan) or date.min) < start
                   for n in p.plan.nodes}  # fmt: skip
        for i, n in enumerate(plan.nodes):
            c.refs(f, ("nodes", i, "follows"), n.follows, earlier, "item of an earlier plan",
                   "the nodes of another of this partnership's plans")  # fmt: skip


def _check_plan(
    c: Checker,
    data: Dataset,
    folder: str,
    pl: PlanData,
    fw_items: set[str],
    leaders: set[str],
    seen: tuple[dict[str, str], ...],
) -> None:
    node_ids, action_ids, indicator_ids, engagement_ids, stat_ids = seen
    plan = pl.plan
    f = pl.files.get("plan")
    if plan.id != folder:
        c.add(f, "id-mismatch", ("id",), f"id {plan.id!r} differs from its folder name {folder!r}")
    years = dict(plan.years.items())
    c.order(f, ("period", "end"), plan.period.start, plan.period.end, "plan period")
    whens: list[tuple[YamlFile | None, Path_, Any]] = [
        (f, ("period", "start"), plan.period.start),
        (f, ("period", "end"), plan.period.end),
    ]
    for i, change in enumerate(plan.status):
        whens.append((f, ("status", i, "date"), change.date))
    levels = [lv.id for lv in plan.levels]
    names = {lv.id: lv.name for lv in plan.levels}
    c.unique(f, ("levels",), levels, {}, "level")
    node_levels = levels[:-1]
    c.unique(f, ("nodes",), (n.id for n in plan.nodes), node_ids, "plan item")
    nodes = {n.id: n for n in plan.nodes}
    for i, n in enumerate(plan.nodes):
        if n.level not in node_levels:
            c.add(
                f,
                "level-invalid",
                ("nodes", i, "level"),
                f"expected one of the levels above actions ({', '.join(node_levels) or 'none'}), "
                f"found {n.level!r}",
                did_you_mean(n.level, node_levels),
            )
            continue
        # Plans are uneven: a level may be missing in some branches, so an item may sit under
        # any item of a level above its own, never beside or below it.
        depth = node_levels.index(n.level)
        above = node_levels[:depth]
        if depth == 0 and n.parent is not None:
            c.add(
                f,
                "level-invalid",
                ("nodes", i, "parent"),
                f"{_a(names[n.level])} is at the top and has no parent",
            )
        elif depth > 0 and n.parent is None:
            c.add(
                f,
                "level-invalid",
                ("nodes", i, "parent"),
                f"{_a(names[n.level])} must sit under {_any(above, names)}: add 'parent'",
            )
        elif n.parent is not None:
            c.ref(f, ("nodes", i, "parent"), n.parent, nodes, "plan item", "this plan's nodes")
            parent = nodes.get(n.parent)
            if parent and parent.level not in above:
                c.add(
                    f,
                    "level-invalid",
                    ("nodes", i, "parent"),
                    f"{_a(names[n.level])} must sit under {_any(above, names)}, "
                    f"found {_a(names.get(parent.level, parent.level))}",
                )
        c.refs(
            f,
            ("nodes", i, "frameworks"),
            n.frameworks,
            fw_items,
            "framework item",
            "frameworks.yaml",
        )

    af = pl.files.get("actions")
    c.unique(af, ("actions",), (a.id for a in pl.actions), action_ids, "action")
    columns = {col.id for col in plan.columns}
    c.unique(f, ("columns",), (col.id for col in plan.columns), {}, "column")
    for i, a in enumerate(pl.actions):
        at = ("actions", i)
        if not node_levels and a.under is not None:
            c.add(
                af,
                "level-invalid",
                (*at, "under"),
                "this plan declares no levels above its actions",
            )
        elif node_levels:
            if a.under is None:
                c.add(
                    af,
                    "level-invalid",
                    (*at, "under"),
                    f"{_a(names[levels[-1]])} must sit under {_any(node_levels, names)}: "
                    "add 'under'",
                )
            else:
                c.ref(af, (*at, "under"), a.under, nodes, "plan item", "plan.yaml nodes")
        if a.id in RESERVED_ACTION_IDS:
            c.add(
                af,
                "id-reserved",
                (*at, "id"),
                f"{url_for('action', a.id)} holds a list of actions, so {a.id!r} "
                "cannot be an action id",
            )
        for key in a.columns:
            c.ref(af, (*at, "columns", key), key, columns, "column", "plan.yaml columns")
        c.refs(
            af,
            (*at, "leads"),
            a.leads,
            leaders,
            "organisation or partner group",
            "organisations.yaml",
        )
        c.refs(
            af,
            (*at, "partners"),
            a.partners,
            leaders,
            "organisation or partner group",
            "organisations.yaml",
        )
        c.refs(af, (*at, "frameworks"), a.frameworks, fw_items, "framework item", "frameworks.yaml")
        if a.timescale:
            c.order(af, (*at, "timescale", "due"), a.timescale.start, a.timescale.due, "timescale")
            whens += [
                (af, (*at, "timescale", "start"), a.timescale.start),
                (af, (*at, "timescale", "due"), a.timescale.due),
            ]
        whens += [(af, (*at, "updates", j, "date"), u.date) for j, u in enumerate(a.updates)]

    inf = pl.files.get("indicators")
    c.unique(inf, ("indicators",), (x.id for x in pl.indicators), indicator_ids, "indicator")
    for i, ind in enumerate(pl.indicators):
        c.refs(inf, ("indicators", i, "under"), ind.under, nodes, "plan item", "plan.yaml nodes")
        c.refs(
            inf,
            ("indicators", i, "frameworks"),
            ind.frameworks,
            fw_items,
            "framework item",
            "frameworks.yaml",
        )
        c.unique(inf, ("indicators", i, "measures"), (m.id for m in ind.measures), {}, "measure")
    pf = pl.files.get("participation")
    c.unique(
        pf, ("records",), (e.id for e in pl.engagements), engagement_ids, "participation record"
    )
    for i, e in enumerate(pl.engagements):
        c.refs(
            pf,
            ("records", i, "organisations"),
            e.organisations,
            data.organisations,
            "organisation",
            "organisations.yaml",
        )
        if e.when:
            c.order(pf, ("records", i, "when", "due"), e.when.start, e.when.due, "date range")
    sf = pl.files.get("statistics")
    c.unique(sf, ("statistics",), (s.id for s in pl.statistics), stat_ids, "statistic")
    for file, path, when in whens:
        if (
            isinstance(when, PartialDate)
            and when.plan_year is not None
            and when.resolved(years) is None
        ):
            c.add(file, "year-unknown", path, f"{when.text!r} is not in this plan's 'years' map")
