"""``python -m plansite.bench.synthetic --out DIR`` writes the data set (see ``cli``)."""

from plansite.bench.synthetic.cli import main

raise SystemExit(main())
