"""What every part of a fictional partnership shares: its number, name, size and random
stream, and the state its parts build up."""

from __future__ import annotations

import random

from plansite.bench.synthetic.common import slug
from plansite.load.dataset import PartnershipData
from plansite.model.partnership import Locality, Membership
from plansite.model.plan import Node, PlanFile
from plansite.model.registry import Organisation

# Most council areas are small and a few are large: sizes follow a skewed curve, ranked by a
# fixed shuffle of the partnership numbers so that the first few already mix sizes.
SIZE_SKEW = 4
SIZE_RANKS = 32
# Place names join a Scots-sounding head to an invented tail.
PLACE_HEADS = ("Ard", "Bal", "Dal", "Drum", "Glen", "Inver", "Kil", "Strath", "Auchen", "Tullie")
PLACE_TAILS = (
    "varrick", "molloch", "braxie", "quharrie", "thorlie",
    "wendle", "skellan", "corvie", "fennet", "drossie",
)  # fmt: skip


def place_name(number: int) -> str:
    """The area's name: unique for each number up to 100, whatever the seed."""
    i = number - 1
    size = len(PLACE_HEADS)
    return PLACE_HEADS[i % size] + PLACE_TAILS[(i // size + i) % len(PLACE_TAILS)]


class AreaBase:
    """A partnership's identity and random stream. Every part draws from the one stream, in
    the order ``Area`` builds them, so the same seed gives the same bytes."""

    # Built by the parts, in this order (see ``Area.__init__``).
    localities: list[Locality]
    orgs: list[Organisation]
    memberships: list[Membership]
    spare_orgs: list[tuple[str, str, str]]  # organisations that may join later
    plan: PlanFile
    outcomes: list[Node]  # the plan's nodes that actions sit under
    pd: PartnershipData

    def __init__(self, number: int, seed: int) -> None:
        self.number = number
        # A stream of its own, so that partnership N is the same in sets of any size.
        self.rng = random.Random(f"plansite-synthetic:{seed}:{number}")  # noqa: S311 - made-up data
        self.place = place_name(number)
        self.key = slug(self.place)
        self.id = f"fictional-{number:02d}-{self.key}"
        self.domain = f"{self.key}.example.org"
        self.size = self._size()
        self.note_ids: set[str] = set()
        self.service_ids: set[str] = set()  # every id ever used: a published URL is never reused
        self.next_number: dict[str, int] = {}  # next action number under each outcome
        self.topics: dict[str, tuple[str, ...]] = {}  # the actions that suit each outcome
        self.texts: set[str] = set()  # action wordings used: no plan says the same thing twice
        self.used_topics: dict[str, set[str]] = {}  # action topics used under each outcome

    def _size(self) -> float:
        """Where the area sits between the smallest (0) and the largest (1)."""
        rank = (self.number * 13) % SIZE_RANKS  # 13 and 32 share no factor: a permutation
        size = ((rank + 0.5) / SIZE_RANKS) ** SIZE_SKEW + self.rng.uniform(-0.02, 0.02)
        return min(1.0, max(0.0, size))

    def _scaled(self, low: int, high: int) -> int:
        return round(low + (high - low) * self.size)
