"""Publishing never takes a live site down: atomic swaps, rollback, identical rebuilds,
hostile files refused fast, and a Content-Security-Policy the pages keep to."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from plansite.site.build import BuildError, build_all, rollback
from tests.browser_helpers import serve
from tests.conftest import (
    MINIMAL,
    ROOT,
    CheckRun,
    copy_minimal,
    edit,
    edit_file,
    plansite,
    project_copy,
    tree,
)
from tests.site_helpers import build, tree_hash

PS = "partnerships/sample"


def published(tmp_path: Path) -> tuple[Path, str]:
    out = tmp_path / "site"
    build(MINIMAL, out)
    return out, tree_hash(out)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("stage", "name", "old", "new", "message"),
    [
        (
            "render",
            "service.html",
            "<h1>{{ s.name }}</h1>",
            "<h1>{{ s.no_such_field }}</h1>",
            "failed to render",
        ),
        (
            "link check",
            "home.html",
            '<h2 id="get-help">',
            '<a href="nowhere/">x</a><h2 id="get-help">',
            "broken internal link",
        ),
        (
            "link check between sites",
            "home.html",
            '<h2 id="get-help">',
            '<a href="../no-such-site/">x</a><h2 id="get-help">',
            "broken internal link",
        ),
        (
            "link check of the national index into a site",
            "national.html",
            '<h2 id="partnerships">',
            '<a href="sample/no-such-page/">x</a><h2 id="partnerships">',
            "broken internal link",
        ),
        (
            "link check of the national index within itself",
            "national.html",
            '<h2 id="partnerships">',
            '<a href="directory/no-such-list/">x</a><h2 id="partnerships">',
            "broken internal link",
        ),
        (
            "injection scan",
            "home.html",
            '<h2 id="get-help">',
            '<h2 onclick="x()" id="get-help">',
            "unsafe element",
        ),
    ],
)
def test_a_failure_at_any_stage_leaves_the_published_output_as_it_was(
    tmp_path: Path, stage: str, name: str, old: str, new: str, message: str
) -> None:
    out, before = published(tmp_path)
    project = project_copy(tmp_path)
    edit_file(project / "overrides/partials/plansite" / name, old, new, count=None, first=True)
    with pytest.raises(BuildError, match=message):
        build_all(project / "mkdocs.yml", MINIMAL, out, say=lambda _: None)
    assert tree_hash(out) == before, stage


@pytest.mark.slow
def test_a_page_mkdocs_warns_about_stops_the_build_with_its_warning_in_full(
    tmp_path: Path,
) -> None:
    out, before = published(tmp_path)
    project = project_copy(tmp_path)
    (project / "docs/about.md").write_text("# About\n\nSee [the plan](missing-page.md).\n")
    with pytest.raises(BuildError) as caught:
        build_all(project / "mkdocs.yml", MINIMAL, out, say=lambda _: None)
    message = str(caught.value)
    assert "Aborted with 1 warnings in strict mode!" in message
    assert "Doc file 'about.md' contains a link 'missing-page.md'" in message
    assert tree_hash(out) == before


@pytest.mark.slow
def test_a_build_killed_midway_leaves_the_published_output_as_it_was(tmp_path: Path) -> None:
    out, before = published(tmp_path)
    command = [sys.executable, "-m", "plansite.cli", "build", "--data", str(ROOT / "data"),
               "-d", str(out), "--config", str(ROOT / "mkdocs.yml")]  # fmt: skip
    process = subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    staging = out.parent / f".{out.name}.staging"
    deadline = time.monotonic() + 60
    while not list(staging.glob("*/index.html")) and time.monotonic() < deadline:
        time.sleep(0.05)  # wait until it is writing pages
    assert list(staging.glob("*/index.html")), "the build never started writing"
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert tree_hash(out) == before
    # The next build clears what the killed one left and publishes normally.
    build(MINIMAL, out)
    assert not staging.exists()


@pytest.mark.slow
def test_rollback_restores_the_previous_output(tmp_path: Path) -> None:
    out, first = published(tmp_path)
    data = copy_minimal(tmp_path)
    edit(data, f"{PS}/services.yaml", "name: Family support", "name: Family help")
    build(data, out)
    second = tree_hash(out)
    assert second != first
    rollback(out)
    assert tree_hash(out) == first
    rollback(out)  # and forward again
    assert tree_hash(out) == second


def test_rollback_with_nothing_to_go_back_to_is_refused(tmp_path: Path) -> None:
    with pytest.raises(BuildError, match="no previous output"):
        rollback(tmp_path / "site")


@pytest.mark.slow
def test_two_builds_of_the_same_data_are_byte_identical(tmp_path: Path) -> None:
    outs = []
    for n, seed in enumerate(["1", "987654"]):
        out = tmp_path / f"build-{n}" / "site"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = plansite("build", "--data", str(MINIMAL), "-d", str(out),
                        "--config", str(ROOT / "mkdocs.yml"), env=env)  # fmt: skip
        assert done.returncode == 0, done.stderr
        outs.append(out)
    assert tree_hash(outs[0]) == tree_hash(outs[1])


HOSTILE = [
    ("100,000 items", "glossary.yaml", "terms:\n" + "  - term: X\n" * 100_000, "[yaml-too-many]"),
    ("path traversal id", f"{PS}/services.yaml", None, "[slug-invalid]"),
    ("reserved device name", f"{PS}/services.yaml", "CON", "[slug-invalid]"),
    ("look-alike letters", f"{PS}/services.yaml", "fаmily-support", "[slug-invalid]"),
    ("absolute path", f"{PS}/services.yaml", "/etc/passwd", "[slug-invalid]"),
]


@pytest.mark.parametrize(("what", "rel", "content", "code"), HOSTILE, ids=[h[0] for h in HOSTILE])
def test_hostile_files_fail_fast_and_write_nothing(
    tmp_path: Path,
    run_check: Callable[..., CheckRun],
    what: str,
    rel: str,
    content: str | None,
    code: str,
) -> None:
    data = copy_minimal(tmp_path)
    path = data / rel
    if rel.endswith("services.yaml"):
        bad = content if content is not None else "../../x"
        edit(data, rel, "id: family-support", f"id: '{bad}'")
    else:
        path.write_text(content or "")
    result = run_check(data)
    assert result.code == 1 and code in result.err, result.err[:500]
    before = tree(tmp_path)
    with pytest.raises(BuildError):
        build(data, tmp_path / "site")
    assert tree(tmp_path) == before, "a refused build wrote files"


def test_pages_keep_to_their_content_security_policy(browser: Browser, tmp_path: Path) -> None:
    out, _ = published(tmp_path)
    headers = (out / "_headers").read_text()
    assert "Content-Security-Policy:" in headers
    script_src = next(d for d in headers.split(";") if "script-src" in d)
    assert "unsafe-inline" not in script_src and "unsafe-eval" not in script_src
    ctx = browser.new_context()
    ctx.add_init_script(
        "window.__violations = [];"
        "document.addEventListener('securitypolicyviolation',"
        " e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));"
    )
    page = ctx.new_page()
    checked = 0
    with serve(out) as base:
        for path in sorted((out / "sample").rglob("index.html")):
            html = path.read_text()
            assert 'http-equiv="Content-Security-Policy"' in html
            page.goto(f"{base}/{path.parent.relative_to(out).as_posix()}/")
            page.wait_for_load_state("load")
            assert page.evaluate("window.__violations") == [], path
            checked += 1
    ctx.close()
    assert checked > 15


@pytest.mark.slow
def test_the_output_two_builds_back_is_set_aside_then_deleted_by_the_next_build(
    tmp_path: Path,
) -> None:
    out = tmp_path / "site"
    for _ in range(2):
        build(MINIMAL, out)
    discarded = tmp_path / ".site.discarded"
    assert not discarded.exists()  # there was no output two builds back
    first_of_the_previous = (tmp_path / ".site.previous" / "index.html").stat().st_ino
    build(MINIMAL, out)
    assert (discarded / "index.html").stat().st_ino == first_of_the_previous
    assert (tmp_path / ".site.previous").is_dir()
    # What a build stopped while deleting left behind goes with the next one.
    left = tmp_path / ".site.discarded.4242" / "partly" / "deleted"
    left.mkdir(parents=True)
    build(MINIMAL, out)
    assert (discarded / "index.html").stat().st_ino != first_of_the_previous
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".site.")) == [
        ".site.discarded",
        ".site.lock",
        ".site.previous",
        ".site.signatures.json",
    ]
    rollback(out)
    assert tree_hash(out) == tree_hash(tmp_path / ".site.previous")
