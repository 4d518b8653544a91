"""The files ``plansite new`` writes, with every field explained for someone new to YAML.

Each is a file in ``templates/`` beside this module, named after its file kind.

Conventions the comments teach, and that tests rely on:

- a line starting ``##`` explains; the website never reads it;
- a line starting ``#`` and one space (possibly indented) is an example switched off: deleting
  the ``# `` makes it data, already indented where it belongs;
- a required list written ``key: []`` has its example items under it: change ``[]`` to nothing
  and switch the items on.

Words between ``@`` signs are filled in by ``plansite.scaffold``.
"""

from __future__ import annotations

from importlib.resources import files


def _template(name: str) -> str:
    return (files("plansite.scaffold") / "templates" / name).read_text(encoding="utf-8")


HOW_TO = _template("how-to.txt")
# By file kind name (see plansite.model.files), in the order they are written.
PARTNERSHIP_FILES = {
    kind: _template(f"{kind}.yaml")
    for kind in (
        "partnership",
        "local-organisations",
        "local-partner-groups",
        "local-frameworks",
        "local-glossary",
        "services",
        "changes",
    )
}
PLAN_FILES = {
    kind: _template(f"{kind}.yaml")
    for kind in ("plan", "actions", "indicators", "participation", "statistics")
}
