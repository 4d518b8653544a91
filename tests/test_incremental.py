"""A national build reuses each partnership's published site whose inputs did not change, and
its output is the very output a build from nothing makes of the same inputs."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from markupsafe import Markup

from plansite.cli import main
from plansite.exports.hsds import Hsds
from plansite.site import prepare, privacy, reuse
from plansite.site.build import BuildError, BuildResult, build_all
from plansite.site.keptparts import KeptParts
from tests.conftest import ROOT, append, copy_minimal, edit, edit_file, files, project_copy

BEFORE = date(2019, 1, 1)  # the minimal plan runs from 2017/18 to 2019/20
AFTER = date(2025, 1, 1)  # ... and has ended


def two_partnerships(tmp_path: Path) -> Path:
    """The minimal data set with a second partnership, a copy of the first."""
    data = copy_minimal(tmp_path)
    shutil.copytree(data / "partnerships/sample", data / "partnerships/second")
    edit(data, "partnerships/second/partnership.yaml", "id: sample", "id: second")
    edit(data, "partnerships/second/partnership.yaml", "name: Sample Community",
         "name: Second Community")  # fmt: skip
    return data


class Builds:
    """Builds of one project and data set: again and again into one output, and once from
    nothing into a fresh folder to compare with."""

    def __init__(self, tmp_path: Path) -> None:
        self.tmp = tmp_path
        self.project = project_copy(tmp_path)
        self.data = two_partnerships(tmp_path)
        self.out = tmp_path / "site"
        self.today = BEFORE
        self.cold_builds = 0

    def build(self, out: Path, cold: bool = False) -> BuildResult:
        return build_all(self.project / "mkdocs.yml", self.data, out, say=lambda _: None,
                         cold=cold, today=self.today)  # fmt: skip

    def from_nothing(self, out: Path) -> None:
        """A cold build with a cache of its own: nothing made by an earlier build is read
        (the national index's kept parts, compiled templates, the checked data)."""
        with pytest.MonkeyPatch.context() as mp:
            mp.setenv("PLANSITE_CACHE_DIR", str(out.with_name(out.name + ".cache")))
            self.build(out, cold=True)

    def again(self, rebuilt: list[str], reused: list[str]) -> dict[str, bytes]:
        """Build into the output, expecting ``rebuilt`` built and ``reused`` reused; the output
        must be byte for byte what a cold build of the same inputs makes."""
        result = self.build(self.out)
        assert (result.rebuilt, result.reused) == (rebuilt, reused)
        self.cold_builds += 1
        fresh = self.tmp / f"cold-{self.cold_builds}"
        self.from_nothing(fresh)
        made = files(self.out)
        assert made == files(fresh)
        return made


@pytest.mark.slow
def test_each_kind_of_edit_rebuilds_what_it_depends_on_and_matches_a_cold_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    builds = Builds(tmp_path)
    first = builds.build(builds.out)
    assert (first.rebuilt, first.reused, first.sites) == (["sample", "second"], [], 3)
    assert (builds.out / reuse.RECORD).is_file()

    # Nothing changed: both reused, the national index built again.
    builds.again([], ["sample", "second"])

    # One partnership's data: that one alone.
    edit(builds.data, "partnerships/second/services.yaml", "name: Family support",
         "name: Family help")  # fmt: skip
    made = builds.again(["second"], ["sample"])
    assert b"Family help" in made["second/services/index.html"]
    assert b"Family help" in made["directory/index.html"]  # the national directory's card
    # The reused site shares its files with the output it came from, now the previous one.
    previous = tmp_path / ".site.previous"
    assert (builds.out / "sample/index.html").samefile(previous / "sample/index.html")
    assert not (builds.out / "second/index.html").samefile(previous / "second/index.html")

    # Shared data, templates and styles, the configuration, the code, the day: every site.
    every: list[str] = ["sample", "second"]
    edit(builds.data, "organisations.yaml", "name: Sample Charity", "name: Sample Trust")
    builds.again(every, [])
    append(builds.project / "overrides/assets/stylesheets/plansite.css", "\n/* edited */\n")
    builds.again(every, [])
    append(builds.project / "overrides/partials/plansite/service.html", "\n")
    builds.again(every, [])
    edit_file(builds.project / "mkdocs.yml", "accent: indigo", "accent: teal", count=None)
    builds.again(every, [])
    monkeypatch.setattr(reuse, "code_version", lambda: "plansite, edited")
    builds.again(every, [])
    before = builds.again([], every)
    builds.today = AFTER
    after = builds.again(every, [])
    assert after["sample/index.html"] != before["sample/index.html"]  # the plan has ended


@pytest.mark.slow
def test_a_published_file_edited_by_hand_is_built_again(tmp_path: Path) -> None:
    builds = Builds(tmp_path)
    builds.build(builds.out)
    append(builds.out / "sample/index.html", "<!-- edited -->")
    builds.again(["sample"], ["second"])


@pytest.mark.slow
def test_a_reused_site_is_known_unchanged_without_reading_its_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its files' sizes, times and inodes are what they were when it was published; a file
    changed since is not, and then the files are read."""
    builds = Builds(tmp_path)
    builds.build(builds.out)
    read: list[Path] = []
    real = reuse.stamp

    def counted(site: Path) -> str:
        read.append(site)
        return real(site)

    monkeypatch.setattr(reuse, "stamp", counted)
    builds.again([], ["sample", "second"])
    assert read == []
    page = builds.out / "second/index.html"
    page.write_bytes(page.read_bytes())  # the same bytes, written again: a new time
    builds.again([], ["sample", "second"])
    assert read == [builds.out / "second"]


@pytest.mark.slow
def test_a_reused_site_found_clean_is_read_again_only_when_other_texts_are_kept_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The scan for values not public reads a reused site only if the last scan did not find
    it clean as it is, searching for the same texts (``privacy.Scans``)."""
    builds = Builds(tmp_path)
    edit(builds.data, "partnerships/second/partnership.yaml",
         "    email: justice@sample.example.org\n",
         "    email: justice@sample.example.org\n    note: For the partnership's own files.\n"
         "    not_public: [note]\n")  # fmt: skip
    builds.build(builds.out)
    read: list[str] = []
    readable = privacy.readable_text

    def counted(path: Path) -> str:
        if path.is_relative_to(staging := tmp_path / ".site.staging"):  # not the cold build's
            read.append(path.relative_to(staging).parts[0])
        return readable(path)

    monkeypatch.setattr(privacy, "readable_text", counted)
    edit(builds.data, "partnerships/second/services.yaml", "name: Family support",
         "name: Family help")  # fmt: skip
    builds.again(["second"], ["sample"])
    assert "second" in read and "directory" in read and "sample" not in read
    # Kept back in the other partnership, a text its site shows: the reused site is read
    # again, and the build refused.
    read.clear()
    published = files(builds.out)
    edit(builds.data, "partnerships/second/partnership.yaml",
         "For the partnership's own files.", "Mapping has started.")  # fmt: skip
    with pytest.raises(BuildError, match="contain a value marked not public") as refused:
        builds.build(builds.out)
    assert "sample" in read
    assert "\nsample/" in str(refused.value)
    assert files(builds.out) == published


@pytest.mark.slow
def test_the_national_index_s_kept_parts_are_read_back_as_they_were_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A rebuild takes every card of the national directory and every partnership's part of
    the national export from the last build (``plansite.site.keptparts``), and publishes
    what a build from nothing makes."""
    builds = Builds(tmp_path)
    made: list[str] = []
    part = prepare.national_part

    def made_again(hsds: Hsds) -> dict[str, str]:
        made.append(hsds.pid)
        return part(hsds)

    monkeypatch.setattr(prepare, "national_part", made_again)

    def build() -> BuildResult:  # in this process, where the counting is
        return build_all(builds.project / "mkdocs.yml", builds.data, builds.out, jobs=1,
                         say=lambda _: None, today=builds.today)  # fmt: skip

    build()
    assert made == ["sample", "second"]
    made.clear()
    found: list[bool] = []
    get = KeptParts.get

    def counted(self: KeptParts, key: str) -> Markup | None:
        card = get(self, key)
        found.append(card is not None)
        return card

    monkeypatch.setattr(KeptParts, "get", counted)
    assert build().reused == ["sample", "second"]  # the national index alone built, here
    assert len(found) >= 2 and all(found)  # each card once a depth, all read back
    assert made == []
    builds.from_nothing(tmp_path / "cold")
    assert files(builds.out) == files(tmp_path / "cold")


@pytest.mark.slow
def test_a_site_reused_again_is_taken_whole_from_the_output_two_builds_back(
    tmp_path: Path,
) -> None:
    """Its folder in the output two builds back holds the very files published now: that
    folder is moved into the new build rather than deleted; one whose files were changed
    since is deleted, and the site linked anew from the published one."""
    builds = Builds(tmp_path)
    builds.build(builds.out)
    folder = (builds.out / "sample").stat().st_ino  # of the first output
    for _ in range(2):
        builds.build(builds.out)  # nothing changed: both reused, twice
    edit(builds.data, "partnerships/second/services.yaml", "name: Family support",
         "name: Family help")  # fmt: skip
    builds.again(["second"], ["sample"])
    assert (builds.out / "sample").stat().st_ino == folder
    spare = tmp_path / ".site.spare"
    assert not spare.exists()

    # The output two builds back is the second one now: a page of it replaced by another file.
    older = tmp_path / ".site.discarded"
    folder = (older / "sample").stat().st_ino
    page = older / "sample/index.html"
    text = page.read_bytes()
    page.unlink()
    page.write_bytes(text)
    builds.again([], ["sample", "second"])
    assert (builds.out / "sample").stat().st_ino != folder
    assert not spare.exists()
    assert not any(p.name.startswith(".site.discarded.") for p in tmp_path.iterdir())


@pytest.mark.slow
def test_the_command_names_what_it_reused_and_cold_reuses_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = two_partnerships(tmp_path)
    out = tmp_path / "site"
    command = ["build", "--data", str(data), "-d", str(out), "--config", str(ROOT / "mkdocs.yml")]
    assert main(command) == 0
    assert "partnerships rebuilt: sample, second; reused unchanged: none" in capsys.readouterr().out
    assert main(command) == 0
    said = capsys.readouterr().out
    assert "reused  sample: 50 pages, unchanged since the last build" in said
    assert "partnerships rebuilt: none; reused unchanged: sample, second" in said
    assert main([*command, "--cold"]) == 0
    assert "partnerships rebuilt: sample, second; reused unchanged: none" in capsys.readouterr().out
    # A build of one partnership takes it out of the record: the next build of all builds it.
    assert main([*command, "--partnership", "second"]) == 0
    assert set(reuse.read_record(out)) == {"sample"}
    capsys.readouterr()
    assert main(command) == 0
    assert "partnerships rebuilt: second; reused unchanged: sample" in capsys.readouterr().out
