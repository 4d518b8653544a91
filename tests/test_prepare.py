"""The prepared build: everything a site publishes, worked out before MkDocs starts."""

from __future__ import annotations

import re

import pytest

from plansite.load.dataset import Dataset
from plansite.model.addresses import url_for
from plansite.site.prepare import national_build, partnership_build
from plansite.validate import check
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def data() -> Dataset:
    return check(ROOT / "data").public


def test_a_partnerships_build_lists_every_file_once(data: Dataset) -> None:
    build = partnership_build(data, "example")
    paths = [out.path for out in build.outputs]
    assert len(paths) == len(set(paths))
    for expected in (url_for("feed", url_for("changes")) + ".xml", url_for("hsds", "services.json"),
                     url_for("download", "actions.csv")):  # fmt: skip
        assert expected in paths, expected
    assert {spec.url for spec in build.pages}.isdisjoint(
        p.removesuffix("index.html") for p in paths
    )
    assert build.site is not None and build.national is None
    assert build.name == "Example Community Justice Partnership"


def test_the_theme_reads_every_setting_the_build_gives_and_no_other(data: Dataset) -> None:
    read = set()
    for path in (ROOT / "overrides").rglob("*.html"):
        read |= set(re.findall(r"config\.extra\.(plansite_[a-z_]+)", path.read_text()))
    given = set(partnership_build(data, "example").theme.extra()) | {"plansite_exit_url"}
    assert given == read, given ^ read


def test_the_national_build_has_its_own_pages_and_feed(data: Dataset) -> None:
    build = national_build(data)
    assert build.site is None and build.national is not None
    paths = [out.path for out in build.outputs]
    assert paths[:4] == ["feed.xml", "feed.json", "directory/services.csv",
                         "directory/services.json"]  # fmt: skip
    assert {p.removeprefix("directory/hsds/") for p in paths[4:]} == {
        "services.json",
        "organizations.json",
        "taxonomies.json",
        "taxonomy_terms.json",
    }
    assert {"areas/", "directory/"} <= {spec.url for spec in build.pages}
    assert build.theme.extra()["plansite_site"] is False
