"""Colour contrast computed from the palette in plansite.css, for every pair the site uses."""

from __future__ import annotations

import re

import pytest

from plansite.validate.colours import contrast
from tests.conftest import ROOT

CSS = (ROOT / "overrides/assets/stylesheets/plansite.css").read_text(encoding="utf-8")
SCHEMES = {"light": '[data-md-color-scheme="default"]', "dark": '[data-md-color-scheme="slate"]'}
# (foreground, background, minimum): text 4.5:1; focus indicators and large text 3:1.
PAIRS = [
    ("text", "bg", 4.5),
    ("muted", "bg", 4.5),
    ("link", "bg", 4.5),
    ("focus", "bg", 3.0),
    ("on-primary", "primary", 4.5),
    ("on-exit", "exit", 4.5),
    ("on-footer", "footer", 4.5),
    ("exit-edge", "bg", 3.0),  # the exit button's edge against the page
]


def palette(scheme: str) -> dict[str, str]:
    selector = re.escape(SCHEMES[scheme])
    block = re.search(selector + r"\s*\{(.*?)\}", CSS, re.S)
    assert block, f"no {scheme} palette in plansite.css"
    return dict(re.findall(r"--plansite-([a-z-]+):\s*(#[0-9a-fA-F]{6})\s*;", block.group(1)))


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize(("fg", "bg", "minimum"), PAIRS)
def test_every_pair_has_enough_contrast(scheme: str, fg: str, bg: str, minimum: float) -> None:
    colours = palette(scheme)
    ratio = contrast(colours[fg], colours[bg])
    assert ratio >= minimum, f"{scheme}: {fg} on {bg} is {ratio:.2f}:1, needs {minimum}:1"


def test_contrast_is_computed_as_wcag_defines_it() -> None:
    assert contrast("#ffffff", "#000000") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


def test_body_links_are_underlined() -> None:
    assert re.search(r"\.md-typeset a\s*\{[^}]*text-decoration:\s*underline", CSS)


def test_focus_is_never_removed() -> None:
    assert "outline: none" not in CSS and "outline: 0" not in CSS
    assert re.search(
        r":focus-visible[^{]*\{[^}]*outline: 3px solid var\(--plansite-focus\)", CSS, re.S
    )
