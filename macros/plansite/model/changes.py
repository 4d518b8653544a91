"""Change notes: what a person says about why something changed.

The "what's changed" log is computed from the data; these notes add the reasons.
"""

from __future__ import annotations

from pydantic import Field

from plansite.model.common import Day, ItemRef, PlainText, Slug, Strict


class ChangeNote(Strict):
    """A note written by a person to say why something changed."""

    id: Slug
    date: Day
    about: list[ItemRef] = Field(
        default_factory=list,
        description="What it concerns, written 'kind:id', e.g. 'action:cl-1-1' or 'service:x'.",
    )
    text: PlainText
    replaced_by: ItemRef | None = Field(
        None, description="For a removed item, what replaces it, written 'kind:id'."
    )


class ChangesFile(Strict):
    notes: list[ChangeNote] = Field(default_factory=list, max_length=10000)
