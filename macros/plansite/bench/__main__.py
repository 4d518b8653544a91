"""``python -m plansite.bench`` runs the benchmark (see ``run``)."""

from plansite.bench.run import main

raise SystemExit(main())
