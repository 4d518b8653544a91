"""Building at national scale: parallel builds that match serial ones, progress as it goes,
one build per output folder at a time, and previews that rebuild only what an edit changed."""

from __future__ import annotations

import json
import logging
import os
import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

from plansite.bench.preview import preview_edits
from plansite.site.build import BuildError, build_all
from plansite.site.plugin import options
from plansite.site.preview import QuietDirtyWarning
from plansite.site.workers import exclusive
from tests.conftest import MINIMAL, ROOT, copy_minimal, edit, plansite
from tests.site_helpers import MKDOCS_YML, tree_hash

SERVICES = "partnerships/sample/services.yaml"


def test_a_parallel_build_is_byte_identical_to_a_serial_one(
    shipped_site: Path, tmp_path: Path
) -> None:
    """The shipped site is built with one job per core; build it again with one job."""
    serial = tmp_path / "site"
    lines: list[str] = []
    result = build_all(MKDOCS_YML, ROOT / "data", serial, say=lines.append, jobs=1)
    assert result.jobs == 1 and result.sites == 5
    assert tree_hash(serial) == tree_hash(shipped_site)
    # One progress line per site, each with the sites done, pages so far and time elapsed.
    assert len(lines) == 5
    assert lines[-1].lstrip().startswith("5/5")
    assert f"{result.pages:,} pages so far" in lines[-1] and "s elapsed" in lines[-1]


@pytest.mark.slow
def test_the_build_command_reports_progress_and_a_summary(tmp_path: Path) -> None:
    out = tmp_path / "site"
    done = plansite("build", "--data", str(MINIMAL), "-d", str(out),
                    "--config", str(MKDOCS_YML), "--jobs", "2")  # fmt: skip
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert [line.split()[0] for line in lines[:2]] == ["1/2", "2/2"]
    assert lines[-1].startswith("built 2 site(s),") and "with 2 job(s)" in lines[-1]
    assert "pages/s" in lines[-1]


@pytest.mark.slow
def test_jobs_must_be_a_positive_number(tmp_path: Path) -> None:
    done = plansite("build", "--data", str(MINIMAL), "--jobs", "0")
    assert done.returncode == 2 and "'0' is not a whole number of 1 or more" in done.stderr


def test_a_second_build_into_the_same_folder_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "site"
    held = exclusive(tmp_path / ".site.lock", "busy")  # another build holds the folder
    with held, pytest.raises(BuildError, match="another build is writing to"):
        build_all(MKDOCS_YML, MINIMAL, out, say=lambda _: None)
    assert not out.exists() and not (tmp_path / ".site.staging").exists()


# Previews, built the way `plansite serve` builds them: dirty, incremental, in one process.


@pytest.fixture
def previewing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    data = copy_minimal(tmp_path)
    quiet = QuietDirtyWarning()
    logging.getLogger("mkdocs.commands.build").addFilter(quiet)
    yield data
    logging.getLogger("mkdocs.commands.build").removeFilter(quiet)


def preview_build(site: Path, data: Path) -> None:
    settings = options(MKDOCS_YML, data, "sample", incremental=True)
    config = load_config(str(MKDOCS_YML), site_dir=str(site), **settings)
    mkdocs_build(config, serve_url="http://127.0.0.1:8000/", dirty=True)


def written(site: Path) -> dict[str, int]:
    return {p.relative_to(site).as_posix(): p.stat().st_mtime_ns for p in site.rglob("*.html")}


@pytest.mark.slow
def test_a_preview_rebuilds_only_the_pages_an_edit_changed(
    previewing: Path, tmp_path: Path
) -> None:
    site = tmp_path / "preview"
    preview_build(site, previewing)
    released = json.loads((site / "search/search_index.json").read_text())["docs"]
    # The first edit after a release makes the data a draft, which every page says.
    edit(previewing, SERVICES, "phone: 01234 000000", "phone: 01234 000001")
    preview_build(site, previewing)
    assert all("Draft: not yet released" in p.read_text() for p in site.rglob("index.html"))
    before = written(site)
    index = json.loads((site / "search/search_index.json").read_text())["docs"]
    edit(previewing, SERVICES, "name: Family support", "name: Family help")
    preview_build(site, previewing)
    after = written(site)
    rebuilt = {page for page, stamp in after.items() if before.get(page) != stamp}
    assert "services/family-support/index.html" in rebuilt
    assert "Family help" in (site / "services/family-support/index.html").read_text()
    assert "Family help" in (site / "services/index.html").read_text()
    # Pages that do not show the service keep their output.
    assert "glossary/index.html" not in rebuilt and "accessibility/index.html" not in rebuilt
    assert len(rebuilt) < len(after) / 2, sorted(rebuilt)
    # The search index still covers every page, with the new name in it, and the changes
    # listed as not yet published.
    again = json.loads((site / "search/search_index.json").read_text())["docs"]
    assert {e["location"] for e in index} == {e["location"] for e in again}
    assert {e["location"] for e in released} < {e["location"] for e in again}
    assert any("Family help" in e["title"] for e in again)
    assert "changes/#pending" in {e["location"] for e in again}


@pytest.mark.slow
def test_a_preview_shows_data_errors_and_recovers_when_they_are_fixed(
    previewing: Path, tmp_path: Path
) -> None:
    site = tmp_path / "preview"
    preview_build(site, previewing)
    pages = sorted(written(site))
    edit(previewing, SERVICES, "id: family-support", "id: Family Support!")
    preview_build(site, previewing)
    for page in pages:  # whatever page the browser shows reloads into the error list
        html = (site / page).read_text()
        assert "Preview stopped: the data has 1 error" in html, page
        assert f"data/{SERVICES}:" in html and "[slug-invalid]" in html
    edit(previewing, SERVICES, "id: Family Support!", "id: family-support")
    preview_build(site, previewing)
    assert "Preview stopped" not in (site / "services/family-support/index.html").read_text()
    assert "Preview stopped" not in (site / "index.html").read_text()
    assert sorted(written(site)) == pages


@pytest.mark.slow
def test_a_preview_reads_only_its_own_partnership(previewing: Path, tmp_path: Path) -> None:
    """Another partnership's broken file does not stop this one's preview (publishing still
    checks everything)."""
    other = previewing / "partnerships" / "other"
    other.mkdir()
    (other / "partnership.yaml").write_text("id: other\nname: [unclosed\n")
    site = tmp_path / "preview"
    preview_build(site, previewing)
    assert "Preview stopped" not in (site / "index.html").read_text()
    with pytest.raises(BuildError, match="yaml-syntax"):
        build_all(MKDOCS_YML, previewing, tmp_path / "site", say=lambda _: None)


@pytest.mark.slow
def test_an_edit_shows_in_plansite_serve(tmp_path: Path) -> None:
    """The real command, served over HTTP: each edit reaches the page by itself."""
    data = copy_minimal(tmp_path)
    env_before = dict(os.environ)
    edits = preview_edits(MKDOCS_YML, data, edits=2)
    assert os.environ == env_before
    assert edits.partnership == "sample" and len(edits.seconds) == 2
    assert "(edit 2)" in (data / SERVICES).read_text()


def test_a_change_to_the_configuration_rebuilds_the_whole_preview(tmp_path: Path) -> None:
    from plansite.site.preview import theme_stamp

    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: a\n")
    before = theme_stamp([config])
    config.write_text("site_name: ab\n")
    assert before and theme_stamp([config]) != before


@pytest.mark.slow
@pytest.mark.parametrize("poll", [False, True], ids=["told", "polling"])
def test_the_preview_builds_as_soon_as_a_file_is_saved_and_still_watches_the_pages(
    tmp_path: Path, poll: bool
) -> None:
    """MkDocs looks every half second and waits a tenth more; the preview is told of a saved
    file by the system (or, with ``poll``, looks every tenth), at everything MkDocs watched
    and everything watched after, and builds as soon as it has seen a change: here, a real
    server builds after a data file is saved in place and after one is saved by renaming,
    and not after one is only read."""
    import threading

    import watchdog.observers
    from mkdocs.livereload import LiveReloadServer
    from watchdog.observers.polling import PollingObserver

    from plansite.site.preview import LOOK_EVERY, SETTLE, quicker_watch

    docs, config, data = tmp_path / "docs", tmp_path / "mkdocs.yml", tmp_path / "data"
    docs.mkdir(), data.mkdir(), config.write_text("site_name: a\n")
    (data / "services.yaml").write_text("services: []\n")
    built = threading.Semaphore(0)
    server = LiveReloadServer(builder=built.release, host="127.0.0.1", port=0, root=str(tmp_path))
    server.watch(str(docs)), server.watch(str(config))
    quicker_watch(server, [str(docs), str(config)], poll)
    server.watch(str(data))  # as MkDocs does with the plugin's watch list, afterwards
    assert server.build_delay == SETTLE < 0.1
    watched = [Path(e.watch.path) for e in server.observer.emitters]
    assert len(watched) == 3 and {docs, data} <= set(watched)
    assert set(watched) - {docs, data} <= {config, config.parent}  # a file, or its folder
    if poll or watchdog.observers.Observer is PollingObserver:
        assert type(server.observer) is PollingObserver
        assert LOOK_EVERY < 0.5 and {e.timeout for e in server.observer.emitters} == {LOOK_EVERY}
    else:
        assert not isinstance(server.observer, PollingObserver)
    serving = threading.Thread(target=server.serve)
    serving.start()
    try:
        time.sleep(0.3)  # the observer's first look, which finds nothing to report
        (data / "services.yaml").read_text()  # as every build reads the templates it watches
        assert not built.acquire(timeout=0.5), "a build after a file was only read"
        (data / "services.yaml").write_text("services: [a]\n")
        assert built.acquire(timeout=5), "no build after a file was saved in place"
        saved = data / ".services.yaml.tmp"
        saved.write_text("services: [b]\n")
        saved.replace(data / "services.yaml")  # as editors that save safely do
        assert built.acquire(timeout=5), "no build after a file was saved by renaming"
    finally:
        server.shutdown()
        serving.join(timeout=10)
    assert not serving.is_alive()


@pytest.mark.slow
def test_a_build_says_where_its_time_went_by_stage_and_by_kind_of_page(tmp_path: Path) -> None:
    from plansite.site.timings import RUN_STAGES, SITE_STAGES

    out = tmp_path / "site"
    done = plansite("build", "--data", str(MINIMAL), "-d", str(out), "--timings", "-j", "1")
    assert done.returncode == 0, done.stderr
    rows = dict(re.findall(r"^\| ([^|]+?) \| ([\d.,]+) \|", done.stdout, re.M))
    assert set(RUN_STAGES) | set(SITE_STAGES) <= set(rows), done.stdout
    built = float(rows["build the sites (wall time)"])
    in_sites = sum(float(rows[stage]) for stage in SITE_STAGES)
    assert 0 < in_sites <= built * 1.05  # one job: the sites' stages fit in the wall time
    kinds = {kind: int(pages.replace(",", "")) for kind, pages in
             re.findall(r"^\| ([a-z][\w /.-]*?) \| ([\d,]+) \| [\d.]+ \| [\d.]+ \|$",
                        done.stdout, re.M)}  # fmt: skip
    services = len(list((out / "sample" / "services").glob("*/index.html")))
    assert services and kinds["service"] == services
    assert kinds["home"] == 1 and kinds["national"] == 1  # the site and the national index
    pages = sum(1 for p in out.rglob("*.html") if p.name != "404.html")
    assert sum(kinds.values()) <= pages  # forwarding pages and fragments are not pages


@pytest.mark.slow
def test_the_rebuild_benchmark_times_each_rebuild_several_times_and_gives_the_median(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from plansite.bench.rebuild import main as rebuild_benchmark

    argv = ["--counts", "1", "--jobs", "1", "--repeat", "2", "--config", str(ROOT / "mkdocs.yml")]
    assert rebuild_benchmark(argv) == 0
    row = re.search(r"^\| 1 \| 1 \| ([\d.]+) \| (.+?) \| (.+?) \| ([\d.]+)× \|$",
                    capsys.readouterr().out, re.M)  # fmt: skip
    assert row, "no row for one partnership"
    spread = re.compile(r"([\d.]+) \(([\d.]+)–([\d.]+)\)")  # a median, the quickest, the slowest
    for cell in (row[2], row[3]):
        found = spread.fullmatch(cell)
        assert found, cell
        median, low, high = map(float, found.groups())
        assert 0 < low <= median <= high
    assert float(row[4]) == pytest.approx(float(row[1]) / float(row[3].split()[0]), rel=0.1)
