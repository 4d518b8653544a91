"""Fast previews: ``plansite serve`` rebuilds only the pages an edit changed.

MkDocs' dirty builds skip a page whose source file is older than its output. Generated pages
have no source file, so the plugin decides for them: a page whose typed context (everything
its template is given), title and metadata are what they were last time keeps its output,
without being rendered. A change to anything every page shows (the site's name and colour,
the navigation, the theme's templates, the glossary) rebuilds the whole site.

Material's search index only hears about the pages that were rebuilt, so the index entries
of the others are kept here and put back before it is written.

When the data has errors, the preview shows them, located, at every address of the site
instead of a stale page, and recovers by itself when the files are fixed.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import logging
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from pathlib import Path, PurePath
from typing import Any

import watchdog.observers
import watchdog.observers.polling
from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import File, Files
from pydantic import BaseModel
from watchdog.events import (
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
)
from watchdog.observers.api import BaseObserver

from plansite.load.errors import Diagnostic
from plansite.site.search import SearchEntry


@dataclass
class Preview:
    """What the previous preview build of one site left behind."""

    frame: str = ""
    pages: dict[str, str] = field(default_factory=dict)  # page source -> fingerprint
    outputs: dict[str, str] = field(default_factory=dict)  # page source -> output file
    search: dict[str, list[SearchEntry]] = field(default_factory=dict)  # page URL -> entries


_previews: dict[str, Preview] = {}


def preview_for(site_dir: str) -> Preview:
    return _previews.setdefault(site_dir, Preview())


class KeptFile(File):
    """A generated page whose output from the previous preview build still stands."""

    def is_modified(self) -> bool:
        return False


def fingerprint(*parts: Any) -> str:
    text = json.dumps(parts, default=str, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Digests:
    """Fingerprints of what pages are made from, to tell which pages an edit changed without
    rendering any. A page's body is its template applied to its typed context and nothing
    else of the data, so the same context gives the same body. A model shown on many pages
    (the partnership, an organisation) is read once per build."""

    def __init__(self) -> None:
        # Each model and record once, kept so that its id is not another's.
        self._seen: dict[int, tuple[object, Any]] = {}

    def page(self, *parts: Any) -> str:
        return fingerprint(self._plain(parts))

    def _once(self, value: Any) -> Any:
        """A model or a record (a dataclass instance), the first time it is met."""
        if isinstance(value, BaseModel):
            text = value.model_dump_json().encode("utf-8")
            plain: Any = [type(value).__name__, hashlib.sha256(text).hexdigest()]
        else:
            fields = dataclasses.fields(value)
            plain = [type(value).__name__, [[f.name, self._plain(getattr(value, f.name))]
                                            for f in fields]]  # fmt: skip
        self._seen[id(value)] = (value, plain)
        return plain

    def _plain(self, value: Any) -> Any:
        """``value`` as JSON that differs whenever a template could show it differently."""
        kind = type(value)  # the common kinds first, by type: this runs for every value
        if kind is str or kind is int or kind is bool or kind is float or value is None:
            return value
        if kind is list or kind is tuple:
            return [self._plain(v) for v in value]
        if isinstance(value, dict):
            return ["dict", [[self._plain(k), self._plain(v)] for k, v in value.items()]]
        if (found := self._seen.get(id(value))) is not None:
            return found[1]
        if isinstance(value, Markup):  # shown as it is, where a str is escaped
            return ["Markup", str(value)]
        if isinstance(value, str | int | float):  # the kinds above, or an enumeration of them
            return [kind.__name__, str(value)]
        if isinstance(value, BaseModel) or (
            dataclasses.is_dataclass(value) and not isinstance(value, type)
        ):
            return self._once(value)
        if isinstance(value, set | frozenset):
            return ["set", sorted((self._plain(v) for v in value), key=repr)]
        if isinstance(value, date | Enum | PurePath):  # a path names a file; a digest beside
            return [type(value).__name__, str(value)]  # it (a release's) says what it holds
        # A new kind of value in a page's context: say so, rather than guess it unchanged.
        raise TypeError(f"a page's context holds a {type(value).__name__}, which the preview "
                        "cannot fingerprint: add it to Digests._plain")  # fmt: skip


def theme_stamp(places: list[Path]) -> list[tuple[str, int, int]]:
    """Every template, asset and configuration file the pages are made with (the files
    given, and those under the folders given), by name, size and time."""
    stamp = []
    for place in places:
        for path in sorted(place.rglob("*")) if place.is_dir() else [place]:
            if path.is_file():
                st = path.stat()
                stamp.append((str(path), st.st_size, st.st_mtime_ns))
    return stamp


def begin(state: Preview, config: MkDocsConfig, contacts: str) -> None:
    """Start this preview build: afresh if anything every page shows has changed."""
    frame = fingerprint(
        str(config.site_name), config.extra, config.nav, contacts,
        theme_stamp([Path(d) for d in config.theme.dirs[:1]]),
        theme_stamp([Path(config.config_file_path or "mkdocs.yml")]),
    )  # fmt: skip
    if frame != state.frame:
        start_afresh(Path(config.site_dir), state)
        state.frame = frame


def remember(
    state: Preview, files: Files, fingerprints: dict[str, str], site_dir: Path, keep: bool
) -> set[str]:
    """Remember this build's pages and delete the output of pages that are gone (or, with
    ``keep``, remember every address so far); return the pages' URLs."""
    pages = files.documentation_pages()
    outputs = {f.src_uri: f.dest_uri for f in pages}
    if keep:
        state.outputs.update(outputs)
    else:
        for src in state.outputs.keys() - outputs.keys():
            (site_dir / state.outputs[src]).unlink(missing_ok=True)
        state.outputs, state.pages = outputs, fingerprints
    return {f.url for f in pages}


def start_afresh(site_dir: Path, state: Preview) -> None:
    """Something every page shows has changed: empty the output so all is rebuilt."""
    for entry in site_dir.iterdir() if site_dir.is_dir() else []:
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()
    state.pages.clear()
    state.outputs.clear()
    state.search.clear()


def merge_search(state: Preview, rebuilt: list[SearchEntry], pages: set[str]) -> list[SearchEntry]:
    """The whole search index: this build's entries, and the kept entries of the pages that
    were not rebuilt and still exist."""
    fresh: dict[str, list[SearchEntry]] = {}
    for entry in rebuilt:
        fresh.setdefault(str(entry["location"]).split("#", 1)[0], []).append(entry)
    state.search.update(fresh)
    for url in set(state.search) - pages:
        del state.search[url]
    return [entry for url in sorted(state.search) for entry in state.search[url]]


# How often the preview looks for saved files, in seconds, where it must look (``poll``).
# MkDocs looks every half second; each look lists the watched folders (a national data
# folder is some hundreds of files, a few milliseconds' work).
LOOK_EVERY = 0.1
# How long MkDocs waits, once told of a change, for more changes before it builds (its own
# 0.1 s). A file saved in place or by renaming is reported in a moment: a longer wait
# gathers nothing more.
SETTLE = 0.01
# What the preview builds again for.
CHANGES: list[type[FileSystemEvent]] = [
    FileCreatedEvent, FileModifiedEvent, FileClosedEvent, FileDeletedEvent, FileMovedEvent
]  # fmt: skip


def quicker_watch(
    server: LiveReloadServer, watched: list[str | None], poll: bool = False
) -> LiveReloadServer:
    """``server``, told of saved files by the system as they are saved, and building
    ``SETTLE`` seconds after. MkDocs instead looks for them every half second, and each look
    takes its turn at the interpreter from the build in progress. With ``poll``, or where the
    system cannot tell, it looks every ``LOOK_EVERY`` seconds.

    Called before the server starts, when it watches only ``watched`` (the pages and
    mkdocs.yml): they are watched again by the new observer, as is everything watched after
    this."""
    paths = [p for p in watched if p]
    for path in paths:
        server.unwatch(path)
    told: Callable[[], BaseObserver] = watchdog.observers.Observer  # this system's kind
    if poll or told is watchdog.observers.polling.PollingObserver:
        observer: BaseObserver = watchdog.observers.polling.PollingObserver(timeout=LOOK_EVERY)
    else:
        observer = told()
    # MkDocs builds again after any event it is told of: only changes to files count, not
    # the opening and reading of templates that every build does.
    observer.schedule = functools.partial(observer.schedule, event_filter=CHANGES)  # type: ignore[method-assign]
    server.observer = observer  # type: ignore[assignment]  # MkDocs names the polling kind
    server.build_delay = SETTLE
    for path in paths:
        server.watch(path)
    return server


class QuietDirtyWarning(logging.Filter):
    """MkDocs warns on every dirty build that navigation may be stale. Generated pages are
    rebuilt whenever what they show changes, so the warning does not apply, and strict mode
    would otherwise stop the preview on it."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


def error_page(errors: list[Diagnostic]) -> str:
    """A page listing every error, where it is and how to fix it."""
    items = "\n".join(
        f"<li><p><code>{escape(d.file)}:{d.line}:{d.column}</code> <strong>[{escape(d.code)}]"
        f"</strong>{' ' + str(escape(d.path)) if d.path else ''}</p>"
        f"<p>{escape(d.message)}</p>"
        + (f"<p>How to fix it: {escape(d.hint)}</p>" if d.hint else "")
        + "</li>"
        for d in errors
    )
    count = f"{len(errors)} error{'s' if len(errors) != 1 else ''}"
    return f"""<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Preview stopped: the data has {count}</title>
<style>
body {{ font: 1.1rem/1.5 system-ui, sans-serif; margin: 0; color: #1b1b1b; background: #fff; }}
main {{ max-width: 60rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }}
h1 {{ color: #8a1c1c; }}
li {{ margin-bottom: 1rem; border-left: 4px solid #8a1c1c; padding-left: 0.75rem; }}
li p {{ margin: 0.2rem 0; }}
code {{ font-size: 1rem; background: #f3f3f3; padding: 0 0.25rem; }}
</style>
</head>
<body>
<main>
<h1>Preview stopped: the data has {count}</h1>
<p>The site is not shown until these are fixed. This page updates by itself each time
you save a file.</p>
<ol>
{items}
</ol>
</main>
</body>
</html>
"""


def show_errors(site_dir: Path, state: Preview, errors: list[Diagnostic]) -> None:
    """Put the error list at every address the last good preview had, so whichever page
    the browser is showing reloads into it."""
    html = error_page(errors)
    targets = {"index.html", "404.html", *state.outputs.values()}
    for target in sorted(targets):
        path = site_dir / target
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(html, encoding="utf-8")
    state.frame = "errors"
