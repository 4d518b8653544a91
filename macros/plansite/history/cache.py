"""Remember what verifying a release file established, by the SHA-256 of its bytes.

Release files are never edited, and verifying one means parsing megabytes of JSON,
re-serialising it for its checksum and validating it against the model. The facts that
verification yields (its header, the change notes and item ids it published, and that it
matches the model) depend only on the file's bytes and on the code that verified it, so
they are kept under the hash of those bytes, for one fingerprint of that code: an edited
file has another hash, a changed model or reader another fingerprint, and either is
verified afresh.
Entries are JSON, one file each, written atomically; an entry that cannot be read or is
not shaped as expected is ignored and written again.

A release's whole snapshot, which a site's change log reads, is kept the same way, as a
Python pickle of the validated model: reading it back takes a fifth of the time of
validating the file again. A pickle can run code when read, so one is read only from a file
that, with its folder, belongs to the user and that nobody else can write to (``trusted``).

The cache lives in ``$PLANSITE_CACHE_DIR``, else ``$XDG_CACHE_HOME/plansite``, else
``~/.cache/plansite``; ``PLANSITE_CACHE_DIR=off`` turns it off.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import hashlib
import json
import os
import pickle
import platform
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any, TypeVar

import pydantic_core

import plansite.history
import plansite.model

ENV = "PLANSITE_CACHE_DIR"
FORMAT = 1  # of an entry; the fingerprint covers how its facts are found
_DIGEST = re.compile(r"^[0-9a-f]{64}$")
T = TypeVar("T")


def folder() -> Path | None:
    """Where verified releases are remembered, or None when the cache is off."""
    setting = os.environ.get(ENV, "")
    if setting == "off":
        return None
    if setting:
        return Path(setting)
    xdg = Path(os.environ.get("XDG_CACHE_HOME", ""))
    if xdg.is_absolute():  # the XDG rule: a relative path is to be ignored
        return xdg / "plansite"
    try:
        return Path.home() / ".cache" / "plansite"
    except RuntimeError:  # no home folder to be found: work without a cache
        return None


@functools.cache
def code_fingerprint() -> str:
    """Changes whenever verifying a release could: the model, the code that reads
    releases, or pydantic."""
    digest = hashlib.sha256(pydantic_core.__version__.encode())
    for package in (plansite.model, plansite.history):
        for source in sorted(Path(package.__file__ or "").parent.glob("*.py")):
            digest.update(f"{package.__name__}.{source.name}".encode() + b"\0")
            digest.update(source.read_bytes())
    return digest.hexdigest()


# Distributions whose version can change what plansite makes of the same files.
_MAKERS = ("plansite", "pydantic", "pydantic_core", "PyYAML", "Babel", "mkdocs",
           "mkdocs-material", "mkdocs-macros-plugin", "Markdown", "Jinja2", "pymdown-extensions",
           "lxml", "nh3")  # fmt: skip


def files_under(root: Path, skip: Iterable[str] = ()) -> Iterator[tuple[str, str]]:
    """Every file under ``root`` (but the top-level names in ``skip``, and compiled Python),
    as its path from ``root`` (with ``/``) and its path, in an order that does not change.
    Paths are strings: a published site has tens of thousands of files."""
    skipped = set(skip)
    top = os.fspath(root)
    cut = len(os.path.join(top, ""))  # what each folder's path starts with  # noqa: PTH118
    for here, dirs, names in os.walk(top):
        if here == top:
            dirs[:] = [d for d in dirs if d not in skipped]
            names = [n for n in names if n not in skipped]
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        rel = here[cut:].replace(os.sep, "/")  # not relpath, which took a third of the time
        prefix = rel + "/" if rel else ""
        for name in sorted(names):
            yield prefix + name, os.path.join(here, name)  # noqa: PTH118 - many files


def add_tree(digest: Any, root: Path, skip: Iterable[str] = ()) -> None:
    """Every file under ``root`` (but the top-level names in ``skip``), by path and content."""
    if not root.is_dir():
        digest.update(b"\0absent\0")
        return
    for rel, path in files_under(root, skip):
        digest.update(rel.encode() + b"\0")
        with open(path, "rb") as file:  # noqa: PTH123 - a path from files_under
            digest.update(hashlib.sha256(file.read()).digest())


@functools.cache
def code_version() -> str:
    """The versions of what plansite uses, and a digest of plansite's own files: an edit to
    the code changes it, released or not."""
    digest = hashlib.sha256(platform.python_version().encode())
    for name in _MAKERS:
        with contextlib.suppress(PackageNotFoundError):
            digest.update(f"{name}={version(name)}\0".encode())
    add_tree(digest, Path(__file__).resolve().parent.parent)  # the plansite package
    return digest.hexdigest()


@contextlib.contextmanager
def no_collector() -> Iterator[None]:
    """Keep the cyclic garbage collector out of the way while many long-lived objects with
    no cycles among them are made (it would scan them again and again, finding nothing)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def trusted(path: Path) -> bool:
    """Whether only the user running plansite could have written ``path`` and its folder."""
    if not hasattr(os, "getuid"):  # no owners to compare: trust nothing
        return False
    try:
        for place in (path.parent, path):
            info = place.stat()
            if info.st_uid != os.getuid() or info.st_mode & 0o022:
                return False
    except OSError:
        return False
    return True


def write_whole(path: Path, write: Any) -> None:
    """Call ``write(handle)`` on a new file that replaces ``path`` once complete, so that a
    reader sees the old entry or the new, never half of one; a cache that cannot be written
    is skipped."""
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
        temporary = Path(name)
        try:
            with os.fdopen(handle, "wb") as out:
                write(out)
            temporary.replace(path)
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise
    except OSError:
        return


def _entry(kind: str, digest: str, suffix: str) -> Path | None:
    """Where the entry of ``kind`` for the file with this digest is kept; None when the
    cache is off."""
    base = folder()
    if base is None or not _DIGEST.match(digest):
        return None
    return base / kind / f"{digest}{suffix}"


def entry_for(kind: str, *place: str) -> Path | None:
    """Where the one entry of ``kind`` for ``place`` (a folder, and what narrows it) is kept,
    replaced by each new one; None when the cache is off."""
    base = folder()
    if base is None:
        return None
    return base / kind / f"{hashlib.sha256(chr(0).join(place).encode()).hexdigest()}.pickle"


def keep(path: Path, key: str, value: Any) -> None:
    """Keep ``value`` as a pickle at ``path``, under ``key`` (what it was made from)."""

    def write(out: Any) -> None:
        pickle.dump(key, out, protocol=pickle.HIGHEST_PROTOCOL)
        pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)

    write_whole(path, write)


def kept(path: Path, key: str) -> Any | None:
    """What ``keep`` put at ``path`` under the same ``key``: read only from a file that only
    the user could have written (``trusted``); None for any other file."""
    if not path.is_file() or not trusted(path):
        return None
    try:
        with path.open("rb") as handle:
            if pickle.load(handle) != key:  # noqa: S301  the user's own file (``trusted``)
                return None
            with no_collector():  # many objects, made to last, with no cycles among them
                return pickle.load(handle)  # noqa: S301  the user's own file
    except Exception:  # any unreadable entry is as good as none
        return None


def kept_or_made(entry: Path | None, key: str, make: Callable[[], T], kind: type[T]) -> T:
    """What ``keep`` put at ``entry`` under ``key``, if it is a ``kind``; else ``make()``,
    kept there for the next process."""
    if entry is not None and isinstance(found := kept(entry, key), kind):
        return found
    made = make()
    if entry is not None:
        keep(entry, key, made)
    return made


class LastBuild:
    """What the last build made, each value under a key of what it was made from; and what
    this build takes or makes, which replaces it once saved, so the entry does not grow."""

    def __init__(self, entry: Path | None, key: str) -> None:
        """``entry``: where they are kept (None: nowhere); ``key``: what every value is made
        with."""
        self.entry, self.key = entry, key
        found = kept(entry, key) if entry is not None else None
        self.before: dict[str, object] = found if isinstance(found, dict) else {}
        self.now: dict[str, object] = {}

    def get(self, key: str) -> object | None:
        """The last build's value under ``key`` (then kept for the next build too)."""
        value = self.before.get(key)
        if value is not None:
            self.now[key] = value
        return value

    def add(self, key: str, value: object) -> None:
        self.now[key] = value

    def save(self) -> None:
        if self.entry is not None and self.now != self.before:
            keep(self.entry, self.key, self.now)


def recall_snapshot(digest: str) -> Any | None:
    """The validated snapshot of the release file with this digest, if it was kept by this
    same code."""
    path = _entry("snapshots", digest, ".pickle")
    return None if path is None else kept(path, code_fingerprint())


def remember_snapshot(digest: str, snapshot: Any) -> None:
    if (path := _entry("snapshots", digest, ".pickle")) is not None:
        keep(path, code_fingerprint(), snapshot)


def recall(digest: str) -> dict[str, Any] | None:
    """What verifying the file with this digest established, if it was remembered."""
    path = _entry("releases", digest, ".json")
    if path is None:
        return None
    try:
        entry = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(entry, dict) or entry.get("format") != FORMAT:
        return None
    if entry.get("code") != code_fingerprint():
        return None
    facts = entry.get("facts")
    return facts if well_formed(facts) else None


def well_formed(facts: Any) -> bool:
    """Whether ``facts`` has the shape ``remember`` writes (values are validated later)."""
    if not isinstance(facts, dict) or not isinstance(facts.get("header"), dict):
        return False
    items = facts.get("items")
    return isinstance(items, list) and all(
        isinstance(i, list) and len(i) == 2 and all(isinstance(p, str) for p in i) for i in items
    )


def remember(digest: str, facts: dict[str, Any]) -> None:
    """Keep ``facts`` for the file with this digest; a cache that cannot be written is skipped."""
    path = _entry("releases", digest, ".json")
    if path is None:
        return
    entry = {"format": FORMAT, "code": code_fingerprint(), "facts": facts}
    text = json.dumps(entry, ensure_ascii=False).encode("utf-8")
    write_whole(path, lambda out: out.write(text))
