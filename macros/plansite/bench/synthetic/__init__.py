"""A synthetic national data set: fictional partnerships for benchmarking whole builds.

``python -m plansite.bench.synthetic --out DIR [--seed 2026] [--partnerships 32]`` writes a
complete data folder: the national registries and, for each partnership, every data file
and two to four releases. Everything in it is invented. Partnerships are called
"Fictional Partnership 07 — …", places are made of syllables that name nowhere real,
organisations are flagged ``fictional: true``, phone numbers come from the ranges Ofcom
keeps for drama, and addresses are on example.org and example.com.

The same seed and count give byte-identical files. Each partnership draws from its own
random stream, seeded from the seed and its number, so the first N partnerships are the
same whatever the count: builds of 1, 8 and 32 partnerships can be compared.

Releases are written by the project's own ``snapshot()`` and ``write_release()`` from the
same models the YAML files are written from. Between releases the data changes the way a
partnership's does: progress on actions, slipped timescales, new actions, services that
close, move or change their number, partners that leave or join, new indicator figures.
The YAML on disk is the state of the last release, so nothing is left unreleased.
"""

from plansite.bench.synthetic.area import Area
from plansite.bench.synthetic.cli import count_pages, main
from plansite.bench.synthetic.common import MARKER, PROJECT_DATA, SyntheticError
from plansite.bench.synthetic.national import national_organisations
from plansite.bench.synthetic.write import Summary, generate
from plansite.bench.synthetic.yamltext import to_yaml

__all__ = [
    "MARKER",
    "PROJECT_DATA",
    "Area",
    "Summary",
    "SyntheticError",
    "count_pages",
    "generate",
    "main",
    "national_organisations",
    "to_yaml",
]
