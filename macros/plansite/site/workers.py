"""Running builds side by side: a pool of worker processes, and a lock on the output folder.

Workers are forked where the system allows, so they start with the checked data already in
memory; elsewhere they start afresh and check it again. With one job, or one site, nothing is
forked, unless the caller has other work for this process meanwhile.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar


class BuildError(Exception):
    """A build stopped; the message says why and where."""


T = TypeVar("T")
R = TypeVar("R")


def default_jobs() -> int:
    """One job per core this process may use."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def _die_with_parent() -> None:
    """A worker whose parent is killed stops at once, instead of writing on into a staging
    folder the next build is using."""
    if sys.platform.startswith("linux"):
        pr_set_pdeathsig = 1
        ctypes.CDLL(None).prctl(pr_set_pdeathsig, signal.SIGKILL)


class Pool:
    """``jobs`` workers; none with one job, unless ``apart``: then one, which leaves this
    process free for other work while it builds."""

    def __init__(self, jobs: int, apart: bool = False) -> None:
        self.jobs, self.apart = jobs, apart
        self._pool: Any = None

    def __enter__(self) -> Pool:
        if self.jobs > 1 or self.apart:
            method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
            context = multiprocessing.get_context(method)
            self._pool = context.Pool(self.jobs, initializer=_die_with_parent)
        return self

    def run(self, func: Callable[[T], R], tasks: Iterable[T]) -> Iterator[R]:
        """Results as each task finishes (in the order given, with one job)."""
        if self._pool is None:
            return map(func, tasks)
        return iter(self._pool.imap_unordered(func, tasks))

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._pool is not None:
            if error is None:
                self._pool.close()
            else:
                self._pool.terminate()
            self._pool.join()


@contextmanager
def exclusive(lock: Path, busy: str) -> Iterator[None]:
    """Hold ``lock`` for the duration, or stop with ``busy`` if another process holds it."""
    try:
        import fcntl
    except ImportError:  # no advisory locks here: go on unlocked
        yield
        return
    lock.parent.mkdir(parents=True, exist_ok=True)
    with lock.open("w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BuildError(busy) from None
        yield
