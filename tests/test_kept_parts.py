"""The national index's directory cards and each partnership's part of its export are kept
from one build to the next, under what each is made from (``plansite.site.keptparts``): read
back when that is the same, made afresh when it is not."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from markupsafe import Markup

from plansite.exports.directory import Entry, Listing
from plansite.model.service import Service
from plansite.site.keptparts import KeptParts, kept_parts
from plansite.site.render import Renderer, link_from
from tests.conftest import ROOT

TEMPLATES = ROOT / "overrides/partials/plansite"
KEYS = {"east": "key of east", "west": "key of west"}


def entry(label: str = "Money advice", *pids: str) -> Entry:
    service = Service.model_construct(id="money", name="Money advice", summary="Help with debt.")
    listings = tuple(
        Listing(pid, pid.title(), False, service, f"{pid}/services/money/", ())
        for pid in pids or ("east",)
    )
    return Entry(f"{listings[0].pid}/money", "Money advice", "Help with debt.", (), listings,
                 label)  # fmt: skip


class Cards:
    """Builds of the national index as far as its cards go: a renderer with the kept cards,
    and a card macro that counts what it makes."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.made: list[str] = []

    def macro(self, e: Entry, link: Callable[[str], str], level: int) -> Markup:
        self.made.append(e.label)
        return Markup('<h{0}><a href="{1}">{2}</a></h{0}>').format(
            level, link(e.listings[0].url), e.label
        )

    def build(self, keys: dict[str, str], base: str = "common inputs") -> Renderer:
        kept = kept_parts(self.folder / "mkdocs.yml", self.folder / "data", keys, base)
        return Renderer(TEMPLATES, kept=kept)


@pytest.fixture
def cards(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Cards:
    monkeypatch.setenv("PLANSITE_CACHE_DIR", str(tmp_path / "cache"))
    return Cards(tmp_path)


def saved(renderer: Renderer) -> None:
    assert isinstance(renderer.kept, KeptParts)
    renderer.kept.save()


def test_a_card_made_once_is_read_back_by_the_next_build(cards: Cards) -> None:
    first = cards.build(KEYS)
    made = first.kept_card(cards.macro, entry(), link_from("directory/"), 2)
    assert made == '<h2><a href="../east/services/money/">Money advice</a></h2>'
    saved(first)
    again = cards.build(KEYS)
    assert again.kept_card(cards.macro, entry(), link_from("directory/"), 2) == made
    assert cards.made == ["Money advice"]
    # At another depth, its links and heading are its own.
    deeper = again.kept_card(cards.macro, entry(), link_from("directory/in/fife/"), 3)
    assert deeper == '<h3><a href="../../../east/services/money/">Money advice</a></h3>'
    assert len(cards.made) == 2


@pytest.mark.parametrize(
    "change",
    [
        "the partnership's data",
        "another partnership listing it",
        "its label",
        "what every site is made from",
    ],
)
def test_a_card_is_made_afresh_when_what_it_is_made_from_changed(cards: Cards, change: str) -> None:
    first = cards.build(KEYS)
    first.kept_card(cards.macro, entry(), link_from("directory/"), 2)
    saved(first)
    keys, base, e = dict(KEYS), "common inputs", entry()
    if change == "the partnership's data":
        keys["east"] = "another key of east"
    elif change == "another partnership listing it":
        e = entry("Money advice", "east", "west")
    elif change == "its label":
        e = entry("Money advice (East)")
    else:
        base = "other common inputs"
    cards.build(keys, base).kept_card(cards.macro, e, link_from("directory/"), 2)
    assert len(cards.made) == 2


def test_only_this_build_s_cards_are_kept(cards: Cards) -> None:
    first = cards.build(KEYS)
    first.kept_card(cards.macro, entry("Money advice"), link_from("directory/"), 2)
    first.kept_card(cards.macro, entry("Housing"), link_from("directory/"), 2)
    saved(first)
    second = cards.build(KEYS)
    second.kept_card(cards.macro, entry("Housing"), link_from("directory/"), 2)
    saved(second)
    third = cards.build(KEYS)
    assert isinstance(third.kept, KeptParts)
    assert len(third.kept.store.before) == 1


def test_a_partnership_s_part_of_the_export_is_read_back_while_its_site_key_is_the_same(
    cards: Cards,
) -> None:
    made: list[str] = []

    def export(keys: dict[str, str], pid: str) -> dict[str, str]:
        kept = kept_parts(cards.folder / "mkdocs.yml", cards.folder / "data", keys, "common")

        def make() -> dict[str, str]:
            made.append(pid)
            return {"services.json": f'{{"made for":"{keys.get(pid)}"}}'}

        part = kept.export(pid, make)
        kept.save()
        return part

    first = export(KEYS, "east")
    assert export(KEYS, "east") == first and made == ["east"]
    changed = export({**KEYS, "east": "another key of east"}, "east")
    assert changed == {"services.json": '{"made for":"another key of east"}'}
    assert made == ["east", "east"]
    export({}, "east")  # no key known for it: made, and not kept
    export({}, "east")
    assert made == ["east", "east", "east", "east"]
