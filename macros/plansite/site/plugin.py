"""The MkDocs plugin: thin glue between MkDocs events, the prepared build and the pages.

- ``on_config`` checks the data (all errors at once, or the build stops) and hands MkDocs
  what ``plansite.site.prepare`` worked out for this site: its name and address, the theme's
  settings and the navigation;
- ``on_files`` adds the files the site publishes beside its pages (feeds, downloads, the
  Open Referral export, forwarding pages, the logo) and one generated page per item;
- ``on_page_markdown`` gives a generated page no Markdown at all, and tells mkdocs-macros to
  leave it alone: its body is rendered HTML, so no data is ever Markdown or template source,
  and neither step spends time on thousands of pages that have nothing for it to do. A page
  the partnership wrote keeps its Markdown and its macros;
- ``on_page_content`` puts in the body, rendered by the page layer from the page's typed
  context, and gives each page its title, escaped, from the data.

Hand-written pages in ``docs/`` go through Markdown and mkdocs-macros as usual.
"""

from __future__ import annotations

import copy
import dataclasses
import gc
import os
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, cast

import jinja2
from jinja2 import TemplateError
from markupsafe import Markup, escape
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from plansite.i18n import ENGLISH, gettext, install, speaking
from plansite.index.context import SiteIndex
from plansite.load.errors import Diagnostic
from plansite.load.writing import AnnualReport, NewsPost, WrittenPage
from plansite.model.addresses import url_for
from plansite.model.registry import NEUTRAL_EXIT_URL
from plansite.model.release import PublishedRelease
from plansite.model.translation import unmarked
from plansite.pages import registry
from plansite.pages.spec import PARTIAL_LISTS, PageSpec
from plansite.pages.standing import notice
from plansite.pages.writing import WRITTEN, home_text
from plansite.site.blocks import Blocks
from plansite.site.bodypage import BodyPage
from plansite.site.cache import checked
from plansite.site.keptparts import KeptParts, kept_parts
from plansite.site.languages import (
    Version,
    mark_languages,
    page_language,
    theme_knows,
    versions,
)
from plansite.site.metadata import describe, script
from plansite.site.outline import MAIN_HEADING, outline
from plansite.site.prepare import SiteBuild, language_build, national_build, partnership_build
from plansite.site.preview import (
    Digests,
    KeptFile,
    begin,
    merge_search,
    preview_for,
    quicker_watch,
    remember,
    show_errors,
)
from plansite.site.render import COMPILED, Renderer
from plansite.site.reuse import shared_key, site_keys
from plansite.site.samepage import SamePage
from plansite.site.search import directory_entries, with_summaries
from plansite.site.searchparse import index_quickly
from plansite.site.shared import SharedParts
from plansite.site.themewords import ThemeWords
from plansite.site.timings import BODIES, FRAMES, SITE_STAGES, noted


@dataclass
class Prepared:
    """A generated page's body and the metadata the theme prints around it."""

    body: str
    jsonld: str
    description: str
    feeds: list[dict[str, str]]
    standing: dict[str, str] | None = None


class PageRenderError(Exception):
    """A generated page's template failed; the message names the page and the template."""


class PlansiteConfig(Config):
    """What one build is for, typed and checked by MkDocs like any other setting.

    mkdocs.yml gives defaults; `plansite build` and `plansite serve` give each build its own
    values through ``options`` (never through environment variables)."""

    # Named data_dir because `data` is taken by the config mapping itself.
    data_dir = c.Type(str, default="data")
    # The partnership this site is for; empty builds the national index.
    partnership = c.Type(str, default="")
    # A preview: rebuild only the pages an edit changed, and show data errors in the browser
    # (see ``preview``).
    incremental = c.Type(bool, default=False)
    # The day the site is built for, YYYY-MM-DD (empty: today): what is current, due or
    # overdue is judged on it. One build gives every site the same day.
    today = c.Type(str, default="")
    # A language of the partnership's besides English (its code): the site is built in it,
    # to be published under <code>/ of the English site. Empty: English.
    language = c.Type(str, default="")
    # A preview looks for saved files every tenth of a second, instead of being told of them
    # by the system: for folders whose changes the system does not report (on some network
    # drives, and shared into some containers).
    poll = c.Type(bool, default=False)


def options(
    mkdocs_yml: Path,
    data: Path,
    partnership: str | None,
    incremental: bool = False,
    today: date | None = None,
    language: str = "",
    poll: bool = False,
) -> dict[str, Any]:
    """Settings for MkDocs' ``load_config`` (and ``serve``) that point this project's plansite
    plugin at ``data`` and ``partnership`` (None: the one mkdocs.yml names): the plugin list
    of mkdocs.yml, with ours given its values."""
    from mkdocs.utils.yaml import yaml_load

    with mkdocs_yml.open(encoding="utf-8") as handle:
        listed = yaml_load(handle).get("plugins") or []
    ours: dict[str, Any] = {"data_dir": str(data.resolve()), "incremental": incremental}
    if partnership is not None:
        ours["partnership"] = partnership
    if today is not None:
        ours["today"] = today.isoformat()
    if language:
        ours["language"] = language
    if poll:
        ours["poll"] = True
    plugins: list[Any] = []
    for entry in listed:
        name = entry if isinstance(entry, str) else next(iter(entry))
        if name == "plansite":
            given = {} if isinstance(entry, str) else dict(entry[name] or {})
            entry = {name: {**given, **ours}}
        plugins.append(entry)
    return {"plugins": _Fresh(plugins)}


class _Fresh(list[Any]):
    """A plugin list that reads as new each time: MkDocs empties the entries it reads, and
    `mkdocs serve` reads the same settings again for every rebuild."""

    def __iter__(self) -> Iterator[Any]:
        return iter(copy.deepcopy(list(super().__iter__())))


def stale_flag() -> str:
    """What follows a translation made from English that has changed since."""
    return gettext("(translation out of date: the English has changed)")


class PlansitePlugin(BasePlugin[PlansiteConfig]):
    def __init__(self) -> None:
        self.pages: list[PageSpec] = []
        self.by_src: dict[str, int] = {}
        self.renderer: Renderer | None = None
        self.build: SiteBuild | None = None
        self.incremental = False
        self.errors: list[Diagnostic] = []
        self.page_urls: set[str] = set()
        self.started = 0.0  # when the page being built began its present pass
        self.releases: list[PublishedRelease] = []  # every partnership's, as published
        self.described: dict[str, str] = {}  # page address -> description, for search
        self.partial: dict[str, str] = {}  # address -> title of pages of PARTIAL_LISTS kinds
        # The language every page is written in: the one place it is chosen. Both the page
        # bodies (Renderer) and the theme's templates (on_env) speak it.
        self.language = ENGLISH
        self.languages: list[str] = []  # the site's other languages, for links between them
        self.speaking: ExitStack | None = None

    @property
    def site(self) -> SiteIndex | None:
        """The partnership's index; None for the national index and before a build."""
        return self.build.site if self.build else None

    def data_root(self, config: MkDocsConfig) -> Path:
        base = Path(config.config_file_path or ".").parent
        return (base / self.config.data_dir).resolve()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        with noted().stage(SITE_STAGES[0]):
            return self._configure(config)

    def _configure(self, config: MkDocsConfig) -> MkDocsConfig:
        root = self.data_root(config)
        if str(root) not in config.watch:
            config.watch.append(str(root))
        self.incremental = self.config.incremental
        self.partial = {}
        pid = self.config.partnership
        # A preview reads only the national files and its own partnership: seconds count.
        report = checked(root, pid if self.incremental and pid else None)
        # Everything published is made from the public view of the data (plansite.model.public).
        data = report.public
        self.releases = [r for pd in data.partnerships.values() for r in pd.releases]
        site_file = data.site
        config.extra["plansite_exit_url"] = site_file.exit_url if site_file else NEUTRAL_EXIT_URL
        if report.errors and self.incremental:  # the preview shows them (see on_post_build)
            self.errors = report.errors
            config.extra["plansite_site"] = False
            config.nav = []
            return config
        if report.errors:
            lines = [d.format() for d in report.errors]
            raise PluginError(f"the data has {len(lines)} error(s):\n" + "\n".join(lines))
        if pid and pid not in data.partnerships:
            folders = root / "partnerships"
            known = ", ".join(sorted(f.name for f in folders.glob("*/") if f.is_dir()))
            raise PluginError(f"no partnership {pid!r} in {root} (there are: {known})")
        day = date.fromisoformat(self.config.today) if self.config.today else None
        self.languages = data.partnerships[pid].partnership.languages if pid else []
        self.language = self.config.language or ENGLISH
        if self.language != ENGLISH and self.language not in self.languages:
            known = ", ".join(self.languages) or "none"
            raise PluginError(f"{pid or 'the national index'} is not published in "
                              f"{self.language!r} (its languages: {known})")  # fmt: skip
        self._speak(self.language)  # the product's words, from here to the end of the build
        kept = None if pid else self._kept_parts(config, root, sorted(data.partnerships), day)
        build = partnership_build(data, pid, day) if pid else national_build(data, day, kept)
        if self.language != ENGLISH:
            build = language_build(build, data, pid, self.language, day)
            theme_words = Path(config.theme.custom_dir or "overrides", "partials", "languages")
            if (theme_words / f"{self.language}.html").is_file() or theme_knows(self.language):
                config.theme["language"] = self.language
        self.build = build
        self.pages = build.pages
        config.site_name = escape(build.name)
        config.extra.update(build.theme.extra())
        if build.site_url:  # absolute addresses for the sitemap and canonical links
            config.site_url = build.site_url
            if self.language != ENGLISH:  # published under /<code>/ of the English site
                config.site_url = build.site_url.rstrip("/") + f"/{self.language}/"
        if build.logo:
            config.theme["logo"] = build.logo
        # Dates MkDocs writes (the sitemap's) come from the data, so two builds of the same
        # data are byte-identical. MkDocs reads them from this variable.
        os.environ["SOURCE_DATE_EPOCH"] = str(build.epoch)
        self.by_src = {spec.src_uri: i for i, spec in enumerate(self.pages)}
        site = build.site
        years = dict(site.plan.plan.years) if site and site.plan else None
        templates = Path(config.theme.custom_dir or "overrides") / "partials" / "plansite"
        self.renderer = Renderer(templates, build.terms, years, self.language, kept)
        # Navigation titles can come from data (a plan's word for its outcomes): escaped
        # once, as the theme prints them as they are.
        config.nav = [{str(escape(unmarked(spec.nav))): spec.src_uri}
                      for spec in self.pages if spec.nav]  # fmt: skip
        return config

    def _kept_parts(
        self, config: MkDocsConfig, root: Path, pids: list[str], day: date | None
    ) -> KeptParts:
        """The parts of the national index kept from the last build (``keptparts``)."""
        mkdocs_yml, today = Path(config.config_file_path), day or date.today()
        keys = site_keys(mkdocs_yml, root, pids, today)
        base = f"{shared_key(mkdocs_yml, root, today)}\0{self.language}"
        return kept_parts(mkdocs_yml, root, keys, base)

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        # After every plugin's on_config, where the search plugin makes its index afresh.
        index_quickly(config.plugins.get("material/search"))

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        for out in self.build.outputs if self.build else []:
            if out.source is not None:
                files.append(File.generated(config, out.path, abs_src_path=str(out.source)))
            else:
                files.append(File.generated(config, out.path, content=out.content or ""))
        state = preview_for(config.site_dir) if self.incremental else None
        if state is not None and not self.errors:
            begin(state, config, b.contacts() if (b := self.blocks("")) else "")
        fingerprints = {}
        digests = Digests()
        for i, spec in enumerate(self.pages):
            inclusion = InclusionLevel.INCLUDED if spec.nav else InclusionLevel.NOT_IN_NAV
            existing = files.get_file_from_path(spec.src_uri)
            if existing is not None:
                raise PluginError(f"docs/{spec.src_uri} would hide a generated page: rename it")
            kind = File
            text = self.written(spec)
            if state is not None:
                # A written page is framed once MkDocs has rendered its text: its own
                # text decides whether it changed.
                mark = self.fingerprint(digests, i, escape(text) if text else None)
                fingerprints[spec.src_uri] = mark
                if state.pages.get(spec.src_uri) == mark:
                    kind = KeptFile
            file = kind.generated(config, spec.src_uri, content=text or "", inclusion=inclusion)
            files.append(file)
            if not spec.nav and not text:  # MkDocs makes the page itself if it is in the nav
                BodyPage(None, file, config)
        # Pages written in Markdown, out of the navigation: the guide, the same in every site,
        # and a partnership's own pages and posts.
        for file in files.documentation_pages():
            if file.page is None and file.inclusion == InclusionLevel.NOT_IN_NAV:
                SamePage(None, file, config)
        if state is not None:
            self.page_urls = remember(state, files, fingerprints, Path(config.site_dir),
                                      keep=bool(self.errors))  # fmt: skip
        return files

    def _speak(self, language: str) -> None:
        self._quiet()
        self.speaking = ExitStack()
        self.speaking.enter_context(speaking(language))

    def _quiet(self) -> None:
        if self.speaking is not None:
            self.speaking.close()
            self.speaking = None

    def on_build_error(self, *, error: Exception) -> None:
        self._quiet()

    @event_priority(100)  # first: what follows is the time of this page's pass
    def on_pre_page(self, page: Page, /, *, config: MkDocsConfig, files: Files) -> Page:
        self.started = time.perf_counter()
        return page

    @event_priority(100)  # before the search plugin reads the page
    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        self.started = time.perf_counter()
        return context

    def _passed(self, page: Page, stage: str) -> None:
        """Note the time of the pass of ``page`` that started at ``self.started``."""
        seconds = time.perf_counter() - self.started
        index = self.by_src.get(page.file.src_uri)
        kind = self.pages[index].kind if index is not None else "page of docs/"
        noted().page(kind, seconds, first=stage == BODIES)
        noted().add(stage, seconds)

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        output = self._in_language(output)
        self._passed(page, FRAMES)
        return output

    def on_post_template(
        self, output_content: str, /, *, template_name: str, config: MkDocsConfig
    ) -> str:
        return self._in_language(output_content)  # 404.html, which is not a page

    def _in_language(self, html: str) -> str:
        """Every fragment still in English says so; the page says what language it is in."""
        if self.language == ENGLISH:
            return html
        return page_language(mark_languages(html, stale_flag()), self.language)

    @event_priority(50)  # before the search plugin writes its index
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self._quiet()
        # The snapshots of releases read for the site's log are read again if another site
        # needs them: a national build reads every one, and would otherwise keep them all.
        for release in self.releases:
            release.forget_snapshot()
        if self.renderer and self.renderer.kept:
            self.renderer.kept.save()
        search = config.plugins.get("material/search")
        if search is not None:
            index = search.search_index
            index.entries = with_summaries(index.entries, self.described, self.partial)
            if self.build and self.build.national:
                index.entries += directory_entries(self.build.national.directory.entries)
        if not self.incremental:
            return
        state = preview_for(config.site_dir)
        if self.errors:
            show_errors(Path(config.site_dir), state, self.errors)
            return
        if search is not None:
            index = search.search_index
            index.entries = merge_search(state, index.entries, self.page_urls)
            search.search_index_prev = None

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Callable[..., Any]
    ) -> LiveReloadServer:
        """Notice a saved file sooner: MkDocs looks for changes every half second, which is
        most of the wait for a preview of one edit.

        Called once the first build is done. What is alive then (the modules, the theme,
        compiled templates, the data read) mostly lasts as long as the preview: it is set
        aside from the collector, whose full passes over it took a third of a second in
        every other build of an edit."""
        gc.collect()
        gc.freeze()
        return quicker_watch(server, [config.docs_dir, config.config_file_path], self.config.poll)

    def on_env(self, env: jinja2.Environment, /, *, config: MkDocsConfig, files: Files) -> None:
        env.bytecode_cache = COMPILED  # the theme's templates, compiled once per process
        env.globals["url_for"] = url_for  # the theme's pages link by the same map of addresses
        env.globals["language_versions"] = self.versions
        env.globals["plansite_once"] = ThemeWords()  # read by overrides/partials/language.html
        shared = SharedParts(env.filters["url"])  # read by the overrides of nav and header
        env.filters["url"] = shared.url
        env.globals.update(plansite_shared=shared.part, plansite_nav_items=shared.nav_items)
        # Our overrides of the theme's templates say plansite's own words through the catalogue.
        install(env, self.language)

    def versions(self, page: Page | None) -> list[Version]:
        """The versions of ``page`` in each language of the site; none for a site in one
        language, or for a page served at any address (404.html)."""
        if not self.languages or page is None or page.url.endswith(".html"):
            return []
        return versions(page.url, self.language, self.languages)

    def written(self, spec: PageSpec) -> str | None:
        """The Markdown a partnership wrote for a page: a page or post of its own, or the
        text its home page adds; None for pages made from the data alone."""
        if self.site is None:
            return None
        if spec.kind in WRITTEN:
            pd = self.site.pd
            found: dict[str, list[WrittenPage] | list[NewsPost] | list[AnnualReport]] = {
                "own-page": pd.pages, "post": pd.posts, "report": pd.reports}  # fmt: skip
            texts: list[WrittenPage | NewsPost | AnnualReport] = [*found[spec.kind]]
            return next(w.body for w in texts if w.slug == spec.key)
        if spec.kind == "home" and (own := home_text(self.site)):
            return own.body
        return None

    def on_page_markdown(self, markdown: str, /, *, page: Page, **_: Any) -> str:
        index = self.by_src.get(page.file.src_uri)
        if index is not None and self.written(self.pages[index]) is None:
            page.meta["render_macros"] = False  # read by mkdocs-macros, which runs after us
        return markdown

    def on_page_content(self, html: str, /, *, page: Page, **_: Any) -> str:
        index = self.by_src.get(page.file.src_uri)
        if index is not None:
            if self.written(self.pages[index]) is not None:
                # The partnership's own text, rendered by Markdown and the macros, framed.
                if self.language != ENGLISH:  # the partnership's own text, in English
                    html = f'<div lang="{ENGLISH}">{html}</div>'
                prepared = self.prepare(index, Markup(html))  # noqa: S704 - MkDocs' output
            else:
                prepared = self.prepare(index)
            html = prepared.body
            if self.language != ENGLISH:  # before the outline and the search index read it
                html = mark_languages(html, stale_flag())
            # MkDocs read no headings from an empty source: give the page its table of
            # contents, which also gives the theme's "skip to content" link a target.
            page.toc = outline(html)
            page.meta["plansite_jsonld"] = unmarked(prepared.jsonld)
            page.meta["description"] = unmarked(prepared.description)
            self.described[page.url] = unmarked(prepared.description)
            if self.pages[index].kind in PARTIAL_LISTS or self.pages[index].kind == "directory":
                # Its own entry is added afterwards (and the directory's services, each its own).
                page.meta["search"] = {"exclude": True}
                self.partial[page.url] = str(escape(unmarked(self.pages[index].title)))
            page.meta["plansite_feeds"] = prepared.feeds
            if prepared.standing:  # an earlier plan's page says where that plan stands
                page.meta["plansite_standing"] = prepared.standing
        if index is not None and not self.pages[index].nav:
            # Pages in the navigation keep their short navigation title. This runs after
            # mkdocs-macros, which renders a page title it finds as a template. Escaped once
            # here; the theme prints titles without escaping them.
            page.title = escape(unmarked(self.pages[index].title))
        if index is None and self.language != ENGLISH:  # a page of docs/, written in English
            html = mark_languages(f'<div lang="{ENGLISH}">{html}</div>', stale_flag())
        self._passed(page, BODIES)
        return html

    def blocks(self, url: str) -> Blocks | None:
        """What the data macros of a hand-written page at ``url`` show; None on the national
        index, which has no partnership's data."""
        if self.renderer is None or self.site is None:
            return None
        spec = next((s for s in self.pages if s.url == url and s.kind == "report"), None)
        year = next((r.year for r in self.site.pd.reports if spec and r.slug == spec.key), None)
        return Blocks(self.site, self.renderer, url, year.last if year else None)

    def prepare(self, index: int, text: Markup | None = None) -> Prepared:
        return Prepared(self.render(index, text), *self.around(index))

    def around(self, index: int) -> tuple[str, str, list[dict[str, str]], dict[str, str] | None]:
        """What the theme prints around page ``index``'s body: its JSON-LD, its description,
        its feeds and, for an earlier plan, where that plan stands."""
        spec = self.pages[index]
        data, description = (
            describe(self.site, spec, self.build.files.downloads)
            if self.site and self.build
            else (None, spec.title)
        )
        feeds = [
            {"title": str(escape(feed.title)), "path": feed.path}
            for feed, _, _ in (self.build.feeds if self.build else [])
            if feed.page in (url_for("home"), url_for("changes")) or feed.page == spec.url
        ]
        jsonld = script(data) if data else ""
        standing = None
        if self.site is not None and spec.kind == "earlier-plan":
            standing = notice(self.site, self.site.pd.plans[spec.key]).as_dict()
        return jsonld, str(escape(description)), feeds, standing

    def fingerprint(self, digests: Digests, index: int, text: Markup | None = None) -> str:
        """What page ``index`` is made from, and what is printed around it, without
        rendering it: the same fingerprint, the same page."""
        assert self.renderer is not None
        made_with = (self.renderer.language, self.renderer.terms, self.renderer.years)
        return digests.page(self.pages[index], self.context(index, text), self.around(index),
                            made_with)  # fmt: skip

    def context(self, index: int, text: Markup | None = None) -> Any:
        """The typed context of generated page number ``index``; ``text``: what MkDocs made
        of the partnership's own Markdown for it."""
        if self.build is None or not 0 <= index < len(self.pages):
            raise PluginError(f"no generated page {index}")
        spec = self.pages[index]
        if self.site is None:
            assert self.build.national is not None
            return self.build.national.context(spec)
        page = registry.context(self.site, spec, self.build.files)
        if text is not None:
            own = "own" if spec.kind == "home" else "body"
            page = dataclasses.replace(cast(Any, page), **{own: text})
        return page

    def render(self, index: int, text: Markup | None = None) -> str:
        """The body of generated page number ``index`` (see ``context``)."""
        if self.renderer is None:
            raise PluginError(f"no generated page {index}")
        spec = self.pages[index]
        try:
            html = self.renderer.render(spec, self.context(index, text))
        except TemplateError as exc:
            where = f"{spec.url or 'the home page'} ({spec.kind}.html)"
            raise PageRenderError(f"{where} failed to render: {exc}") from exc
        return html.replace("<h1>", f'<h1 id="{MAIN_HEADING}">', 1)
