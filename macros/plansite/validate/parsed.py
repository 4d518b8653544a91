"""Data files parsed once, kept in the cache folder by their bytes.

Parsing YAML, keeping the line and column of every value, is half the time of a national
check. After an edit, one file has changed and hundreds have not: each file's parse is kept
under a digest of its bytes, its name (which its diagnostics give) and the code that parsed
it, and a file read again with the same digest is read back instead of parsed. Only a file
that parsed without a problem is kept. Entries are pickles, read only from a file only the
user could have written (``cache.kept``).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from plansite.history.cache import code_version, folder, keep, kept
from plansite.load.errors import Diagnostic
from plansite.load.yaml_reader import MAX_BYTES, YamlFile, read_yaml, yaml_bytes

FORMAT = 1


def kept_yaml(path: Path, rel: str) -> tuple[YamlFile, list[Diagnostic]]:
    """``read_yaml(path, rel)``, read back from the cache folder when these bytes, under this
    name, were parsed by the same code before."""
    base = folder()
    if base is None or path.stat().st_size > MAX_BYTES:  # read_yaml refuses it, located
        return read_yaml(path, rel)
    raw = path.read_bytes()
    digest = hashlib.sha256(f"{FORMAT}\0{code_version()}\0{rel}\0".encode())
    digest.update(raw)
    key = digest.hexdigest()
    entry = base / "parsed" / f"{key}.pickle"
    if isinstance(found := kept(entry, key), YamlFile):
        return found, []
    file, problems = yaml_bytes(raw, rel)
    if not problems:
        keep(entry, key, file)
    return file, problems
