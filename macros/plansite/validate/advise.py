"""Warnings: what a publishable plan should have but this data lacks.

Warnings never stop a preview build; ``plansite check --strict`` treats them as errors.
"""

from __future__ import annotations

import functools
import re
from datetime import date

from plansite.load.dataset import Dataset, PartnershipData, PlanData
from plansite.load.errors import Diagnostic
from plansite.load.texts import FileTexts, Source, Walked, file_texts, walked_prose
from plansite.model.era import began, outside, standing
from plansite.model.service import NOT_HELP_KINDS
from plansite.validate.duties import PAST

# Upper-case words of two or more letters, optionally with a trailing lower-case 's'
# (plurals such as "CPOs") or hyphenated parts in capitals ("LSI-R"); digits are allowed
# after the first letter (e.g. "S27" is not matched because it has one letter, "NHS24" is).
ACRONYM_RE = re.compile(r"\b([A-Z][A-Z0-9&]*[A-Z][A-Z0-9]*(?:-[A-Z][A-Z0-9]*)*)s?\b")
# Words that are upper-case but are not acronyms a reader needs explained.
# The first half of a UK postcode (GL1, PA12, EH1 1AB's EH1) is not an acronym.
POSTCODE_RE = re.compile(r"[A-Z]{1,2}[0-9][0-9A-Z]?")
NOT_ACRONYMS = {"UK", "I", "OK", "TV", "AM", "PM", "NB", "ID", "FAQ"}
ROMAN_RE = re.compile(r"^[IVXLC]+$")
CAPITALS_RUN_RE = re.compile(r"\b[A-Z][A-Z0-9&'’-]*(?:[ \t]+[A-Z][A-Z0-9&'’-]*)+\b")
# `plansite new` fills the fields only the partnership can answer with text starting like this,
# so that a placeholder is reported until someone replaces it.
PLACEHOLDER = "[Replace"


def is_placeholder(text: str) -> bool:
    return text.lstrip().startswith(PLACEHOLDER)


def acronyms(text: str) -> set[str]:
    shouted = _shouted_spans(text)
    return {
        m.group(1)
        for m in ACRONYM_RE.finditer(text)
        if m.group(1) not in NOT_ACRONYMS
        and not POSTCODE_RE.fullmatch(m.group(1))
        and not ROMAN_RE.match(m.group(1))
        and not any(start <= m.start() < end for start, end in shouted)
    }


def _shouted_spans(text: str) -> list[tuple[int, int]]:
    """Where a text is set in capitals, as headings of printed plans often are: a run of
    capitalised words with at least one long word ("SOUTH LANARKSHIRE COMMUNITY JUSTICE")
    is not a row of acronyms."""
    return [
        m.span()
        for m in CAPITALS_RUN_RE.finditer(text)
        if any(len(word) >= 6 for word in m.group(0).split())
    ]


@functools.lru_cache(maxsize=1 << 16)
def _acronyms_in(text: str) -> frozenset[str]:
    """``acronyms``, remembered: the same texts recur across partnerships and plans."""
    return frozenset(acronyms(text))


def known_terms(data: Dataset, pd: PartnershipData) -> set[str]:
    terms = {t.term for t in [*data.glossary, *pd.glossary]}
    for org in data.organisations.values():
        terms.update(org.acronyms)
    return terms


def advise(data: Dataset, walked: dict[str, Walked] | None = None) -> list[Diagnostic]:
    """Warnings and notes on what the data leaves out (``walked``: each partnership's prose,
    if walked already)."""
    out: list[Diagnostic] = []
    for pd in data.partnerships.values():
        p = pd.partnership
        pfile = pd.files["partnership"]
        if not any(c.reachable() for c in p.contacts):
            out.append(
                pfile.diagnostic(
                    "warn-no-contact",
                    ("contacts",),
                    "the partnership has no contact route for the public",
                )
            )
        # A statement that none is offered is the partnership's answer, not an oversight.
        af = p.alternative_formats
        if af is None or not (af.offered or af.statement):
            out.append(
                pfile.diagnostic(
                    "warn-no-alternative-formats",
                    ("alternative_formats",),
                    "there is no offer of the plan in other formats or languages",
                )
            )
        for plan in pd.plans.values():
            out += _out_of_period(data, pd, plan)
            afile = plan.files.get("actions")
            # A plan whose time has passed is kept as it was printed: its gaps are notes.
            past = standing(pd.partnership, plan.plan, date.today()) in PAST
            for i, a in enumerate(plan.actions):
                if afile and not a.leads:
                    out.append(
                        afile.diagnostic(
                            "note-action-no-lead" if past else "warn-action-no-lead",
                            ("actions", i, "leads"),
                            f"action {a.id!r} has no lead partner",
                        )
                    )
                if afile and (
                    a.timescale is None
                    or not (a.timescale.due or a.timescale.start or a.timescale.ongoing)
                ):
                    out.append(
                        afile.diagnostic(
                            "note-action-no-timescale" if past else "warn-action-no-timescale",
                            ("actions", i, "timescale"),
                            f"action {a.id!r} has no timescale",
                        )
                    )
        sfile = pd.files.get("services")
        for i, s in enumerate(pd.services):
            provider_sites = [
                data.organisations[pr.organisation].website
                for pr in s.providers
                if pr.organisation in data.organisations
            ]
            # A publication or a protocol is read, not contacted.
            reachable = s.contact.reachable() or any(provider_sites)
            if sfile and not reachable and s.kind not in NOT_HELP_KINDS:
                out.append(
                    sfile.diagnostic(
                        "warn-service-unreachable",
                        ("services", i, "contact"),
                        f"service {s.id!r} gives no way to reach it",
                    )
                )
        # Walked once, read by both checks: the texts that came from a file.
        own = walked[pd.id] if walked is not None else walked_prose(pd)
        prose = [(file, texts) for file, texts in own if file is not None]
        out += _unexplained_acronyms(data, pd, prose)
        out += _placeholders(pd, prose)
        if not pd.releases:
            out += _not_ready(pd)
    return out


def _out_of_period(data: Dataset, pd: PartnershipData, plan: PlanData) -> list[Diagnostic]:
    """Bodies a plan names that did not exist while it ran (a 2008 plan led by a body set
    up in 2016 is a mistake in the data, or a later name used for an earlier body)."""
    start, end = began(plan.plan), plan.plan.period.end.last
    out: list[Diagnostic] = []
    p = pd.partnership
    if why := outside(p.valid_from, p.valid_to, start, end):
        message = f"plan {plan.plan.id!r} falls outside the partnership's existence: {why}"
        out.append(plan.files["plan"].diagnostic("warn-out-of-period", ("period",), message))
    # A plan links to the frameworks of its own time: an outcome set replaced before the
    # plan began (or one that came in after it ended) is most likely a slip.
    linking: list[tuple[str, tuple[str | int, ...], list[str]]] = [
        ("plan", ("nodes", i, "frameworks"), n.frameworks) for i, n in enumerate(plan.plan.nodes)
    ]
    linking.append(("plan", ("answers_to",), plan.plan.answers_to))  # framework ids
    linking += [("actions", ("actions", i, "frameworks"), a.frameworks)
                for i, a in enumerate(plan.actions)]  # fmt: skip
    linking += [("indicators", ("indicators", i, "frameworks"), x.frameworks)
                for i, x in enumerate(plan.indicators)]  # fmt: skip
    for kind, at, refs in linking:
        file = plan.files.get(kind)
        for j, ref in enumerate(refs):
            fw = data.frameworks.get(ref.partition(":")[0])
            # Without a recorded start, a framework was not in use before it was published.
            since = fw.valid_from or fw.published if fw else None
            if file and fw and (why := outside(since, fw.valid_to, start, end)):
                message = f"this links to {fw.name} ({fw.version}), but {why}"
                out.append(file.diagnostic("warn-out-of-period", (*at, j), message))
    afile = plan.files.get("actions")
    if afile is None:
        return out
    for i, a in enumerate(plan.actions):
        for role, ids in (("leads", a.leads), ("partners", a.partners)):
            for j, org_id in enumerate(ids):
                org = data.organisations.get(org_id)
                if org and (why := outside(org.valid_from, org.valid_to, start, end)):
                    message = f"action {a.id!r} names {org.name} ({org_id}), but {why}"
                    where = ("actions", i, role, j)
                    out.append(afile.diagnostic("warn-out-of-period", where, message))
    return out


def _placeholders(pd: PartnershipData, prose: FileTexts) -> list[Diagnostic]:
    sources: list[Source] = []
    local = (
        ("local-organisations", "organisations", pd.organisations),
        ("local-glossary", "terms", pd.glossary),
        ("changes", "notes", pd.notes),
    )
    for kind, key, items in local:
        sources += [(pd.files.get(kind), (key, i), item) for i, item in enumerate(items)]
    out: list[Diagnostic] = []
    for file, texts in prose + file_texts(sources):
        for path, text in texts:
            if is_placeholder(text):
                message = f"{text!r} is a placeholder written by `plansite new`"
                out.append(file.diagnostic("warn-placeholder", path, message))
    return out


def _not_ready(pd: PartnershipData) -> list[Diagnostic]:
    """What a partnership that has never been released still lacks to be worth publishing."""
    p = pd.partnership
    pfile = pd.files["partnership"]
    out = [
        pfile.diagnostic(
            "warn-not-ready",
            ("id",),
            "nothing has been published yet: the partnership has no release",
            hint=f"when the data is ready, run `plansite release --partnership {p.id}`",
        )
    ]
    if p.accessibility is None or p.accessibility.prepared is None:
        out.append(
            pfile.diagnostic(
                "warn-not-ready",
                ("accessibility", "prepared"),
                "the accessibility statement does not say when it was prepared",
                hint="add accessibility: with prepared: (and reviewed:) dates written YYYY-MM-DD",
            )
        )
    if not p.memberships:
        out.append(
            pfile.diagnostic(
                "warn-not-ready",
                ("memberships",),
                "no partner organisations are listed yet",
                hint="add the partners to memberships:",
            )
        )
    if not pd.services and (sfile := pd.files.get("services")):
        out.append(
            sfile.diagnostic(
                "warn-not-ready",
                ("services",),
                "the service directory is empty",
                hint="add the services people can use to services.yaml",
            )
        )
    for plan in pd.plans.values():
        plan_file = plan.files["plan"]
        levels = plan.plan.levels
        if len(levels) > 1 and not plan.plan.nodes:
            out.append(
                plan_file.diagnostic(
                    "warn-not-ready",
                    ("nodes",),
                    f"plan {plan.plan.id!r} has no {levels[0].plural.lower()} yet",
                    hint=f"add the plan's {levels[0].plural.lower()} to nodes: in plan.yaml",
                )
            )
        if not plan.actions:
            out.append(
                plan.files.get("actions", plan_file).diagnostic(
                    "warn-not-ready",
                    ("actions",),
                    f"plan {plan.plan.id!r} has no {levels[-1].plural.lower()} yet",
                    hint="add them to actions.yaml",
                )
            )
    return out


def _unexplained_acronyms(data: Dataset, pd: PartnershipData, prose: FileTexts) -> list[Diagnostic]:
    """One warning per unexplained acronym per partnership, at its first use."""
    known = known_terms(data, pd)
    reported: set[str] = set()
    out: list[Diagnostic] = []
    for file, texts in prose:
        for path, text in texts:
            found = _acronyms_in(text)
            # "LSI-R" is one term; "COVID-19" is explained by a term "COVID".
            unknown = {w for w in found if w.split("-")[0] not in known} - known
            for word in sorted(unknown - reported) if found else ():
                reported.add(word)
                out.append(
                    file.diagnostic(
                        "warn-acronym-unexplained",
                        path,
                        f"{word!r} is not in the glossary (first use in this partnership's data)",
                    )
                )
    return out
