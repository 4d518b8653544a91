"""What ``check`` says of translations: each names a value that exists and is text, once; its
English is the English the data has now; it is published (its language is declared, and the
value is public); and each declared language has what its pages need."""

from __future__ import annotations

from plansite.i18n import shipped_languages
from plansite.load.dataset import Dataset, PartnershipData, public_dataset
from plansite.load.errors import Diagnostic
from plansite.load.translations import same_english, target
from plansite.model.translation import Translation


def _kind(file: str) -> str:
    """The kind of data file a translation names: 'services', 'actions'."""
    name = file.rsplit("/", 1)[-1]
    return {"changes.yaml": "changes"}.get(name, name.removesuffix(".yaml"))


def _what(t: Translation) -> str:
    where = f"{t.file}, {t.id!r}" if t.id else t.file
    return f"{where}, {t.field}"


def _quote(text: str) -> str:
    """Quoted whole, on one line: what to copy into english: once translated."""
    return repr(" ".join(text.split()))


def translation_problems(data: Dataset) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    public: Dataset | None = None
    for pid, pd in data.partnerships.items():
        out += _declared(pd)
        if not pd.translations:
            continue
        public = public or public_dataset(data)
        for code, chosen in sorted(pd.translations.items()):
            file = pd.files[f"translations/{code}"]
            seen: dict[tuple[str, str | None, str], int] = {}
            for i, t in enumerate(chosen.translations):
                if _kind(t.file) in data.failed:
                    continue  # its file could not be read: reported there
                at = ("translations", i)
                key = (t.file, t.id, t.field)
                if key in seen:
                    message = f"{_what(t)} is translated twice (first at item {seen[key] + 1})"
                    hint = "keep one of the two entries"
                    out.append(file.diagnostic("id-duplicate", (*at, "field"), message, hint=hint))
                    continue
                seen[key] = i
                try:
                    now = target(pd, t).value or ""
                except LookupError as why:
                    message = f"the translation of {_what(t)} names nothing: {why}"
                    out.append(file.diagnostic("translation-target-unknown", at, message))
                    continue
                try:
                    target(public.partnerships[pid], t)
                except LookupError:
                    message = f"{_what(t)} is marked not public: its translation is not published"
                    out.append(file.diagnostic("warn-translation-not-public", at, message))
                    continue
                if not same_english(t.english, now):
                    message = (
                        f"the English of {_what(t)} has changed since it was translated: it "
                        f"now reads {_quote(now)}, the translation was made from "
                        f"{_quote(t.english)}; pages show the translation marked out of date"
                    )
                    out.append(file.diagnostic("warn-translation-stale", (*at, "english"), message))
            if code not in pd.partnership.languages:
                message = f"translations into {code!r} are not published: the partnership's "
                message += "languages: do not include it"
                hint = f"add {code} to languages: in {pd.files['partnership'].rel}"
                out.append(
                    file.diagnostic(
                        "warn-language-not-published", ("language",), message, hint=hint
                    )
                )
    return out


def _declared(pd: PartnershipData) -> list[Diagnostic]:
    """Each language the partnership publishes in has its words: its own translations, and
    a catalogue of the product's words."""
    out: list[Diagnostic] = []
    file = pd.files.get("partnership")
    if file is None:
        return out
    for j, code in enumerate(pd.partnership.languages):
        at = ("languages", j)
        if code not in pd.translations:
            message = f"nothing of the data is translated into {code!r}: its pages show the "
            message += "data in English"
            out.append(file.diagnostic("note-language-untranslated", at, message))
        if code not in shipped_languages():
            message = f"plansite has no catalogue for {code!r}: its pages' own words (headings, "
            message += "labels, dates) are in English"
            out.append(file.diagnostic("note-language-no-catalogue", at, message))
    return out
