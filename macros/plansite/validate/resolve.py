"""Cross-reference checks over the whole data set.

Each file was valid on its own; here every id is checked to be unique where it must be,
every reference to point at something that exists, and every period to make sense.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date
from pathlib import Path

from plansite.history.log import NOTE_KINDS
from plansite.history.store import check_notes_kept
from plansite.load.dataset import Dataset, PartnershipData
from plansite.load.errors import Diagnostic
from plansite.load.yaml_reader import YamlFile
from plansite.model.addresses import FACETS, NATIONAL_FOLDERS, PATTERNS, url_for
from plansite.model.registry import GlossaryTerm
from plansite.validate.checker import Checker
from plansite.validate.colours import TEXT_MIN, WHITE, contrast
from plansite.validate.plans import check_answers, check_plan

# services/for/…, services/in/… and services/help/… are the directory's filtered lists.
RESERVED_SERVICE_IDS = {PATTERNS[kind].split("/")[1] for kind in FACETS.values()}
# A partnership's site is published at OUT/<id>/, beside the national index's own pages and
# the theme's folders: an id equal to one of these would overwrite them.
RESERVED_PARTNERSHIP_IDS = frozenset({"about", "assets", "guide", "search", *NATIONAL_FOLDERS})


# Organisation ids are one register for the whole country, local additions included.
SHARED_ORGANISATION = (
    "an organisation two partnerships both name belongs in data/organisations.yaml, once; "
    "otherwise give this one its own id"
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
        c.unique(local, ("organisations",), (o.id for o in pdata.organisations), org_seen,
                 "organisation", hint=SHARED_ORGANISATION)  # fmt: skip
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
    _check_terms(c, data.files.get("glossary"), data.glossary)
    tfile = data.files.get("taxonomy")
    c.unique(tfile, ("audiences",), data.audiences, {}, "audience")
    c.unique(tfile, ("help",), data.help, {}, "kind of help")
    areas = data.files.get("council-areas")
    c.unique(areas, ("areas",), (a.id for a in data.council_areas), {}, "council area")


def _check_terms(c: Checker, file: YamlFile | None, terms: list[GlossaryTerm]) -> None:
    """A term is written once for any one time. It may be written again for another period
    ("Her Majesty's Prison" until September 2022, "His Majesty's" after), so that plans of
    each period are explained in the words of their time."""
    if file is None:  # pragma: no cover
        return
    for i, term in enumerate(terms):
        for j, earlier in enumerate(terms[:i]):
            if earlier.term == term.term and _overlap(earlier, term):
                line, _ = file.locate(("terms", j, "term"))
                c.add(
                    file,
                    "id-duplicate",
                    ("terms", i, "term"),
                    f"glossary term id {term.term!r} is already used at {file.rel}:{line}",
                    "give each item its own id, or end one where the other begins"
                    " (valid_to, valid_from)",
                )
                break


def _overlap(a: GlossaryTerm, b: GlossaryTerm) -> bool:
    """Whether two terms are in use at one time (a missing date: always, that way)."""

    def first(t: GlossaryTerm) -> date:
        return (t.valid_from.first if t.valid_from else None) or date.min

    def last(t: GlossaryTerm) -> date:
        return (t.valid_to.last if t.valid_to else None) or date.max

    return first(a) < last(b) and first(b) < last(a)


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


def framework_items(data: Dataset) -> set[str]:
    return {f"{fw.id}:{item.id}" for fw in data.frameworks.values() for item in fw.items}


def _check_partnership(c: Checker, data: Dataset, folder: str, pd: PartnershipData) -> None:
    """Everything of one partnership, in the order its diagnostics are reported."""
    orgs = data.organisations
    _check_partnership_file(c, folder, pd, orgs)
    areas = {a.id for a in data.council_areas}
    c.refs(pd.files.get("partnership"), ("council_areas",), pd.partnership.council_areas, areas,
           "council area", "council-areas.yaml")  # fmt: skip
    fw_items = framework_items(data)
    node_ids: dict[str, str] = {}
    action_ids: dict[str, str] = {}
    indicator_ids: dict[str, str] = {}
    engagement_ids: dict[str, str] = {}
    stat_ids: dict[str, str] = {}
    leaders = set(orgs) | set(data.groups)
    for plan_folder, plan in pd.plans.items():
        check_plan(
            c,
            data,
            plan_folder,
            plan,
            fw_items,
            leaders,
            (node_ids, action_ids, indicator_ids, engagement_ids, stat_ids),
        )
    check_answers(c, data, pd, fw_items)
    service_ids: dict[str, str] = {}
    _check_services(c, data, pd, fw_items, node_ids, service_ids)
    _check_services_of_actions(c, pd, service_ids)
    known: dict[str, Collection[str]] = {
        "action": action_ids,
        "service": service_ids,
        "outcome": node_ids,
        "node": node_ids,
        "indicator": indicator_ids,
        "partner": orgs,
        "organisation": orgs,
        "plan": pd.plans,
        "partnership": {pd.partnership.id},
    }
    _check_change_notes(c, pd, known)


def _check_partnership_file(
    c: Checker, folder: str, pd: PartnershipData, orgs: Collection[str]
) -> None:
    """partnership.yaml: its id, branding, chair, members, localities and plans."""
    p = pd.partnership
    pfile = pd.files.get("partnership")
    if p.id != folder:
        c.add(pfile, "id-mismatch", ("id",), f"id {p.id!r} differs from its folder name {folder!r}")
    if p.id in RESERVED_PARTNERSHIP_IDS:
        c.add(pfile, "id-reserved", ("id",),
              f"the national index publishes its own {p.id}/, so {p.id!r} cannot be a "
              "partnership id")  # fmt: skip
    c.ref(
        pfile, ("local_authority",), p.local_authority, orgs, "organisation", "organisations.yaml"
    )
    _check_branding(c, pfile, pd)
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


def _check_branding(c: Checker, pfile: YamlFile | None, pd: PartnershipData) -> None:
    """A colour white text is readable on, and a logo that is what it says it is."""
    branding = pd.partnership.branding
    if branding and branding.colour:
        ratio = contrast(branding.colour, WHITE)
        if ratio < TEXT_MIN:
            c.add(
                pfile,
                "colour-contrast",
                ("branding", "colour"),
                f"white text on {branding.colour} has a contrast of {ratio:.2f}:1; "
                f"at least {TEXT_MIN}:1 is needed",
            )
    if branding and branding.logo:
        _check_logo(c, pfile, pd.folder / branding.logo, branding.logo, pd.folder)


def _check_services(
    c: Checker,
    data: Dataset,
    pd: PartnershipData,
    fw_items: set[str],
    node_ids: dict[str, str],
    service_ids: dict[str, str],
) -> None:
    """services.yaml: unique ids free of the directory's addresses, and every reference."""
    orgs = data.organisations
    sfile = pd.files.get("services")
    c.unique(sfile, ("services",), (s.id for s in pd.services), service_ids, "service")
    localities = {loc.id for loc in pd.partnership.localities}
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


def _check_services_of_actions(
    c: Checker, pd: PartnershipData, service_ids: dict[str, str]
) -> None:
    """The services actions name, once every service id is known."""
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


def _check_change_notes(c: Checker, pd: PartnershipData, known: dict[str, Collection[str]]) -> None:
    """changes.yaml: published notes kept as they were, unique ids, and what each is about."""
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
