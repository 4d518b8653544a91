"""A hand-written page is converted once for every site that publishes it
(``plansite.site.samepage``): the same text at the same address, with the same settings and
the same files where its links lead, gives the same page; anything else is converted anew."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from plansite.site import plugin, samepage
from plansite.site.build import build_all
from plansite.site.samepage import SamePage
from tests.conftest import ROOT, calls_to, files
from tests.test_incremental import two_partnerships

GUIDE = "# Guide\n\nSee [the other page](other.md#steps) and [a heading](#guide).\n"


def site(tmp_path: Path, *names: str) -> tuple[MkDocsConfig, Files]:
    """A site's configuration and files: ``names`` under its docs folder."""
    docs = tmp_path / "docs"
    docs.mkdir(exist_ok=True)
    (tmp_path / "mkdocs.yml").write_text("site_name: t\nmarkdown_extensions: [toc]\n")
    config = load_config(str(tmp_path / "mkdocs.yml"))
    for name in names:
        (docs / name).write_text("# Other\n\n## Steps\n" if name == "other.md" else GUIDE)
    return config, Files([File(n, str(docs), str(tmp_path / "site"), True) for n in names])


def converted(config: MkDocsConfig, found: Files) -> SamePage:
    page = SamePage(None, found.get_file_from_path("guide.md"), config)  # type: ignore[arg-type]
    page.read_source(config)
    page.render(config, found)
    return page


@pytest.fixture(autouse=True)
def nothing_converted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No conversion made yet, in this process or in the cache."""
    monkeypatch.setattr(samepage, "_converted", {})
    monkeypatch.setenv("PLANSITE_CACHE_DIR", str(tmp_path / "cache"))


def test_a_second_site_with_the_same_page_is_given_the_first_conversion(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config, found = site(tmp_path, "guide.md", "other.md")
    made = calls_to(monkeypatch, Page, "render", lambda *args: True)
    first = converted(config, found)
    again = converted(*site(tmp_path, "guide.md", "other.md"))
    assert len(made) == 1
    assert again.content == first.content and 'href="../other/#steps"' in again.content
    assert [item.title for item in again.toc] == ["Guide"]
    assert again.toc is not first.toc and again.present_anchor_ids == {"guide"}
    # Links to anchors in other files are the new site's files.
    assert again.links_to_anchors is not None
    targets = {f.abs_src_path for f in again.links_to_anchors}
    assert targets == {str(tmp_path / "docs/other.md"), str(tmp_path / "docs/guide.md")}
    assert not set(map(id, again.links_to_anchors)) & set(map(id, first.links_to_anchors or {}))


def test_a_site_whose_files_answer_otherwise_converts_the_page_itself(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    converted(*site(tmp_path, "guide.md", "other.md"))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        page = converted(*site(elsewhere, "guide.md"))  # no other.md: the link leads nowhere
    assert "not found among documentation files" in caplog.text
    assert 'href="other.md#steps"' in (page.content or "")


def test_a_conversion_that_said_something_is_not_given_again(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = calls_to(monkeypatch, Page, "render", lambda *args: True)
    for _ in range(2):
        with caplog.at_level(logging.INFO, logger="mkdocs"):
            converted(*site(tmp_path, "guide.md"))
    said = [r for r in caplog.records if "not found among documentation files" in r.message]
    assert len(said) == len(made) == 2  # each site converts its page, and says it
    assert samepage._converted == {} and not (tmp_path / "cache").exists()


def test_the_next_process_reads_the_conversion_back_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = converted(*site(tmp_path, "guide.md", "other.md"))
    monkeypatch.setattr(samepage, "_converted", {})  # as a new process has it
    made = calls_to(monkeypatch, Page, "render", lambda *args: True)
    again = converted(*site(tmp_path, "guide.md", "other.md"))
    assert made == [] and again.content == first.content
    monkeypatch.setattr(samepage, "_converted", {})
    monkeypatch.setattr(samepage.cache, "code_version", lambda: "other code")
    converted(*site(tmp_path, "guide.md", "other.md"))
    assert len(made) == 1  # converted afresh by other code


@pytest.mark.slow
def test_sites_built_in_one_process_publish_what_each_converts_alone(tmp_path: Path) -> None:
    data = two_partnerships(tmp_path)
    given = calls_to(pytest.MonkeyPatch(), samepage, "_answers", lambda *args: True)
    build_all(ROOT / "mkdocs.yml", data, tmp_path / "converted-once", jobs=1, say=lambda _: None)
    assert len(given) > 20  # the guide's pages of the second and third sites
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(plugin, "SamePage", Page)
        build_all(ROOT / "mkdocs.yml", data, tmp_path / "alone", jobs=1, say=lambda _: None)
    ours, alone = files(tmp_path / "converted-once"), files(tmp_path / "alone")
    assert sorted(ours) == sorted(alone)
    assert [rel for rel in ours if ours[rel] != alone[rel]] == []
    shutil.rmtree(tmp_path / "alone")


def test_a_page_edited_again_and_again_keeps_one_conversion(tmp_path: Path) -> None:
    """As in a preview: each edit is converted, and only the last is kept."""
    config, found = site(tmp_path, "guide.md", "other.md")
    for n in range(3):
        (tmp_path / "docs/guide.md").write_text(f"# Guide, edit {n}\n")
        assert f"edit {n}" in (converted(config, found).content or "")
    assert len(samepage._converted) == 1
    assert len(list((tmp_path / "cache" / "pages").iterdir())) == 1
