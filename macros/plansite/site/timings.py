"""Where a build's time goes: by stage, and by kind of page (``plansite build --timings``).

The plugin notes when each page starts and ends its two passes through MkDocs (its body:
plansite's template or the page's Markdown; then the theme's template and the search
entries), and how long its own preparation took; ``build_site`` and ``build_all`` note the
rest. The notes of a site built in a worker process go back to the parent with the site.
Noting costs two clock readings per page and pass, so it is always on.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

# The stages, in the order a build goes through them.
RUN_STAGES = (
    "check the data",
    "keys and reuse of unchanged sites",
    "build the sites (wall time)",
    "links between sites, national checks",
    "scan for values not public",
    "publish",
)
SITE_STAGES = (
    "data to pages (plugin configuration)",
    "page bodies (plansite's templates, Markdown)",
    "theme template and search entries",
    "rest of MkDocs (files, navigation, assets, search index, sitemap)",
    "last checks (script, links, security policy)",
)
BODIES, FRAMES = SITE_STAGES[1], SITE_STAGES[2]


@dataclass
class Timings:
    stages: dict[str, float] = field(default_factory=dict)
    kinds: dict[str, tuple[int, float]] = field(default_factory=dict)  # pages, seconds

    def add(self, stage: str, seconds: float) -> None:
        self.stages[stage] = self.stages.get(stage, 0.0) + seconds

    def page(self, kind: str, seconds: float, first: bool) -> None:
        """One pass of one page: ``first`` counts the page."""
        pages, total = self.kinds.get(kind, (0, 0.0))
        self.kinds[kind] = (pages + first, total + seconds)

    def merge(self, other: Timings) -> None:
        for stage, seconds in other.stages.items():
            self.add(stage, seconds)
        for kind, (pages, seconds) in other.kinds.items():
            have = self.kinds.get(kind, (0, 0.0))
            self.kinds[kind] = (have[0] + pages, have[1] + seconds)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.add(name, time.perf_counter() - started)

    def table(self) -> str:
        """The notes as Markdown tables: the run's stages, the sites' stages (summed over
        sites, which build side by side), and each kind of page."""
        lines = ["| stage of the run | s |", "|---|---:|"]
        lines += [f"| {s} | {self.stages[s]:.2f} |" for s in RUN_STAGES if s in self.stages]
        in_sites = sum(self.stages.get(s, 0.0) for s in SITE_STAGES)
        lines += ["", "| stage of each site, summed over sites | s | share |", "|---|---:|---:|"]
        lines += [f"| {s} | {self.stages[s]:.2f} | {self.stages[s] / in_sites:.0%} |"
                  for s in SITE_STAGES if s in self.stages]  # fmt: skip
        lines += ["", "| kind of page | pages | s | ms per page |", "|---|---:|---:|---:|"]
        for kind, (pages, seconds) in sorted(self.kinds.items(), key=lambda k: -k[1][1]):
            lines.append(f"| {kind} | {pages:,} | {seconds:.2f} | "
                         f"{1000 * seconds / max(pages, 1):.1f} |")  # fmt: skip
        return "\n".join(lines)


# What this process has noted since the last ``taken()``.
_noted = Timings()


def noted() -> Timings:
    return _noted


def taken() -> Timings:
    """What was noted, now handed over; noting starts again from nothing."""
    global _noted
    out, _noted = _noted, Timings()
    return out
