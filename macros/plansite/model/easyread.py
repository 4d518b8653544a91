"""Easy Read: a plan, its items and its actions told in short sentences, one idea to a line,
each with a picture that shows it, for readers who find the plan's own words hard."""

from __future__ import annotations

from typing import Any

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from plansite.model.common import PlainText, Strict

# A picture's path inside the partnership's folder: folders and a name of letters, digits,
# hyphens and underscores (never '..'), then the kind of image.
IMAGE_PATH = r"^[A-Za-z0-9_-]{1,60}(/[A-Za-z0-9_-]{1,60}){0,3}\.(svg|png|jpg|jpeg)$"
POINTS_MAX = 40


class EasyReadPoint(Strict):
    """One point of an Easy Read version: one short sentence, and a picture if there is one."""

    text: PlainText = Field(
        max_length=300, description="One idea in one short sentence, in everyday words."
    )
    image: str | None = Field(
        None,
        pattern=IMAGE_PATH,
        description="A picture that shows the point: the path of an SVG, PNG or JPEG file in "
        "the partnership's folder, e.g. easy-read/house.svg.",
    )
    alt: PlainText | None = Field(
        None,
        max_length=300,
        description="What the picture shows, for people who cannot see it (needed with image).",
    )

    @model_validator(mode="after")
    def _picture_described(self) -> EasyReadPoint:
        if self.image and not self.alt:
            raise PydanticCustomError(
                "field-missing",
                "the picture {image} has no alternative text: add 'alt:' saying what it shows",
                {"image": repr(self.image)},
            )
        return self


def easy_read_field() -> Any:
    return Field(
        default_factory=list,
        max_length=POINTS_MAX,
        description="An Easy Read version: points of one short sentence each, in the order "
        "they are read, each with a picture if there is one.",
    )
