"""Reusing a partnership's site from the previous output when nothing it is made from changed.

A partnership's site is made from its own data folder, the shared data files, the MkDocs
configuration with the pages and templates it names, the code, and the day it is built for;
nothing else. Its key is a digest of all of these; a site whose key is the one recorded
beside the published output is linked into the new build instead of being built again (or
taken whole from the output two builds back, when that has the very same files:
``take_spare``).

The record is ``.plansite-build.json`` at the top of the output. It moves with the output it
describes (publishing and rollback swap whole folders), so it never speaks for another
build's files. It is published with the sites but tells a reader nothing new: digests, and
the links and script hashes the published pages themselves carry. It is made from contents
alone, so two builds of the same inputs stay byte-identical, record and all.

A reused site is not checked again page by page: it was checked when it was built, and a
digest of its files' contents, recorded then, shows they are the same files. A site whose
files differ from the record is built again.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from plansite.history.cache import add_tree, code_version, files_under

RECORD = ".plansite-build.json"
FORMAT = 1


@dataclass
class Kept:
    """What the record says of one partnership's published site."""

    key: str
    stamp: str  # the files as they were checked and published (see ``stamp``)
    pages: int
    scripts: list[str] = field(default_factory=list)
    # Links leaving the site, as ``crawl.CrawlReport.outside``: checked again in each build
    # against the sites around it.
    outside: list[tuple[str, str, str]] = field(default_factory=list)


def _project_folders(mkdocs_yml: Path) -> list[Path]:
    """The pages and templates folders mkdocs.yml names."""
    from mkdocs.utils.yaml import yaml_load

    with mkdocs_yml.open(encoding="utf-8") as handle:
        config = yaml_load(handle) or {}
    theme = config.get("theme") or {}
    custom = theme.get("custom_dir") if isinstance(theme, dict) else None
    base = mkdocs_yml.resolve().parent
    return [base / config.get("docs_dir", "docs"), *([base / custom] if custom else [])]


def _shared(mkdocs_yml: Path, data: Path, today: date, code: str | None = None) -> Any:
    """A digest of what every site is made from: all but the partnerships' own folders."""
    shared = hashlib.sha256(f"format {FORMAT}\0today {today.isoformat()}\0".encode())
    shared.update((code or code_version()).encode())
    shared.update(mkdocs_yml.read_bytes())
    for folder in _project_folders(mkdocs_yml):
        shared.update(f"\0{folder.name}\0".encode())
        add_tree(shared, folder)
    shared.update(b"\0data\0")
    add_tree(shared, data, skip={"partnerships"})
    return shared


def shared_key(mkdocs_yml: Path, data: Path, today: date) -> str:
    """The key of what every site is made from (each partnership's key adds its own data)."""
    return str(_shared(mkdocs_yml, data, today).hexdigest())


def site_keys(
    mkdocs_yml: Path, data: Path, pids: Iterable[str], today: date, code: str | None = None
) -> dict[str, str]:
    """Each partnership's key: a digest of everything its site is made from."""
    shared = _shared(mkdocs_yml, data, today, code)
    keys = {}
    for pid in pids:
        own = shared.copy()
        own.update(f"\0partnership {pid}\0".encode())
        add_tree(own, data / "partnerships" / pid)
        keys[pid] = own.hexdigest()
    return keys


def stamp(site: Path) -> str:
    """Every file of a built site by path and content: changed by any edit made to the
    published files since they were checked."""
    digest = hashlib.sha256()
    add_tree(digest, site)
    return digest.hexdigest()


def signature(site: Path, files: list[str] | None = None) -> str:
    """Every file of a site by path, size, time of its last change and inode: what
    ``os.stat`` says, without reading a byte. The files' paths are added to ``files``."""
    digest = hashlib.sha256()
    for rel, path in files_under(site):
        if files is not None:
            files.append(rel)
        st = os.stat(path)  # noqa: PTH116 - a path from files_under
        digest.update(f"{rel}\0{st.st_size}\0{st.st_mtime_ns}\0{st.st_ino}\0".encode())
    return digest.hexdigest()


def _signatures_file(out: Path) -> Path:
    return out.parent / f".{out.name}.signatures.json"


def known_signatures(out: Path) -> dict[str, list[str]]:
    """Each published site's stamp and signature, as ``write_signatures`` noted them."""
    try:
        found = json.loads(_signatures_file(out).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


def unchanged(
    out: Path, pid: str, kept: Kept, known: dict[str, list[str]], files: list[str] | None = None
) -> str | None:
    """The signature of the published site of ``pid`` if it still has the files its stamp
    was made of; None if it does not.

    Reading every file of every site for its stamp would take a second or more at national
    scale; so beside the output (never published) each site's stamp is kept with the site's
    ``signature`` (``known``), which reads no file. The same signature says the files are
    those the stamp was made of: a file edited since has another size, time or inode.
    Without it, the stamp is made again. The site's files are added to ``files``."""
    now = signature(out / pid, files)
    if known.get(pid) == [kept.stamp, now] or stamp(out / pid) == kept.stamp:
        return now
    return None


def take_spare(
    spare: Path,
    pid: str,
    kept: Kept,
    known: dict[str, list[str]],
    target: Path,
    files: list[str] | None = None,
) -> str | None:
    """Move ``pid``'s site from ``spare`` to ``target`` if it has the very files of the
    published site as they were checked (the same signature: the same files, sizes, times
    and inodes); its signature (its files added to ``files``), or None, leaving it where
    it is.

    ``spare`` holds sites of the output two builds back that a later build reused: their
    files are the published ones, hard-linked. Taking such a folder whole is one rename,
    where linking a site's files anew is a thousand calls to the file system."""
    folder = spare / pid
    noted = known.get(pid)
    if noted is None or noted[0] != kept.stamp or not folder.is_dir():
        return None
    listed: list[str] = []
    if signature(folder, listed) != noted[1]:
        return None
    if files is not None:
        files += listed
    folder.rename(target)
    return noted[1]


def write_signatures(out: Path, kept: dict[str, Kept], signed: dict[str, str]) -> None:
    """Note each published site's signature with its stamp (see ``unchanged``): ``signed``
    has those of the sites reused, whose files were linked as they were; the others' are
    made now."""
    found = {pid: [k.stamp, signed.get(pid) or signature(out / pid)]
             for pid, k in sorted(kept.items())}  # fmt: skip
    partial = _signatures_file(out).with_suffix(".partial")
    partial.write_text(json.dumps(found, indent=1) + "\n", encoding="utf-8")
    partial.replace(_signatures_file(out))


def read_record(out: Path) -> dict[str, Kept]:
    """The record beside the published output; empty when there is none or it is unreadable
    (everything is then built afresh)."""
    try:
        found = json.loads((out / RECORD).read_text(encoding="utf-8"))
        if found.get("format") != FORMAT:
            return {}
        return {
            pid: Kept(
                key=str(k["key"]),
                stamp=str(k["stamp"]),
                pages=int(k["pages"]),
                scripts=[str(h) for h in k["scripts"]],
                outside=[(str(a), str(b), str(c)) for a, b, c in k["outside"]],
            )
            for pid, k in found["partnerships"].items()
        }
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def write_record(out: Path, kept: dict[str, Kept]) -> None:
    """Write the record, whole or not at all: a half-written one must not be read."""
    text = json.dumps(
        {"format": FORMAT, "partnerships": {pid: asdict(kept[pid]) for pid in sorted(kept)}},
        indent=1,
        sort_keys=True,
    )
    partial = out / f"{RECORD}.partial"
    partial.write_text(text + "\n", encoding="utf-8")
    partial.replace(out / RECORD)


def _link_or_copy(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:  # another file system, or one without hard links
        shutil.copy2(source, target)


def reuse(published: Path, target: Path) -> None:
    """Put a published site's files in the new build, by hard link where the file system
    allows: the two outputs then share the files, which nothing writes to again (the checks
    of the new build leave a reused site's pages alone)."""
    _link_tree(str(published), str(target))


def _link_tree(source: str, target: str) -> None:
    # Not shutil.copytree, which also copies each folder's times and modes: a national
    # rebuild links some 16,000 files in 11,000 folders, and that took as long again.
    os.mkdir(target)  # noqa: PTH102 - string paths, as above
    with os.scandir(source) as entries:
        for entry in entries:
            there = os.path.join(target, entry.name)  # noqa: PTH118
            if entry.is_dir(follow_symlinks=False):
                _link_tree(entry.path, there)
            else:
                _link_or_copy(entry.path, there)
