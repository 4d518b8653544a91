"""The page layer: what each kind of page shows, as a typed context, and where it lives.

One module per kind of page. Each lists its pages (``pages(site)``) and builds the context
its template receives (``context(site, spec)``): a frozen dataclass whose fields are the only
values the template can reach. Hand-written pages reach the same views through the macros
(``plansite.site.macros``), so a component shows an action the same way wherever it is used.
"""
