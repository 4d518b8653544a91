"""The preview rebuilds a page only when its fingerprint changes, and fingerprints are taken
from what pages are made from, without rendering them. Here every page of the example
partnership is both fingerprinted and rendered, before and after edits of each kind: a page
whose fingerprint stays the same must render to the same body."""

from __future__ import annotations

from pathlib import Path

import pytest
from markupsafe import escape
from mkdocs.config import load_config

from plansite.site.plugin import PlansitePlugin, options
from plansite.site.preview import Digests
from tests.conftest import ROOT, copy_shipped, edit

MKDOCS_YML = ROOT / "mkdocs.yml"
PID = "example"
SERVICES = f"partnerships/{PID}/services.yaml"
PLAN = f"partnerships/{PID}/plans/example-plan-2024-27"


def pages(data: Path, site: Path) -> dict[str, tuple[str, str]]:
    """Each generated page's fingerprint and body, as a preview of ``data`` makes them."""
    config = load_config(str(MKDOCS_YML), site_dir=str(site),
                         **options(MKDOCS_YML, data, PID, incremental=True))  # fmt: skip
    plugin = config.plugins["plansite"]
    assert isinstance(plugin, PlansitePlugin)
    plugin.on_config(config)
    digests, out = Digests(), {}
    for i, spec in enumerate(plugin.pages):
        text = plugin.written(spec)
        own = escape(text) if text else None
        out[spec.src_uri] = (plugin.fingerprint(digests, i, own), plugin.render(i, own))
    plugin._quiet()  # as a build ends: the language the pages were written in is let go
    return out


EDITS = {
    "a service renamed": (SERVICES, "name: Money advice clinic", "name: Money and debt clinic"),
    "a partner renamed": (f"partnerships/{PID}/organisations.yaml",
                          "name: Example Health Board", "name: Example Health Authority"),
    "an outcome renamed": (f"{PLAN}/plan.yaml", "title: Better access to services",
                           "title: Easier access to services"),
    "an action's report": (f"{PLAN}/actions.yaml", "status: delayed", "status: complete"),
    "a glossary entry": (f"partnerships/{PID}/glossary.yaml",
                         "expansions: [Community Justice Partnership]",
                         "expansions: [Community Justice Partnership (CJP)]"),
}  # fmt: skip


@pytest.mark.parametrize("what", list(EDITS))
def test_a_page_whose_fingerprint_is_unchanged_renders_as_before(what: str, tmp_path: Path) -> None:
    data = copy_shipped(tmp_path)
    # Unreleased changes make every page a draft: after that, an edit changes what it shows.
    edit(data, SERVICES, "contact: {phone: 01632 960004}", "contact: {phone: 01632 960005}")
    before = pages(data, tmp_path / "site")
    edit(data, *EDITS[what])
    after = pages(data, tmp_path / "site")
    both = after.keys() & before.keys()  # an edit may add a page or take one away
    changed = {src for src in both if after[src][1] != before[src][1]}
    stale = {src for src in both if after[src][0] == before[src][0]} & changed
    assert not stale, f"{what}: rendered differently under the same fingerprint: {sorted(stale)}"
    assert changed, f"{what} changed no page: the edit did not take"
    if what != "a glossary entry":  # a term is spelled out on any page that uses it
        refingerprinted = {src for src in both if after[src][0] != before[src][0]}
        assert len(refingerprinted) < len(both) / 2, sorted(refingerprinted)
