"""Timing a command and the memory of its whole process tree, and describing the machine."""

from __future__ import annotations

import argparse
import contextlib
import os
import platform
import shutil
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Run:
    seconds: float
    # The most memory the command and all its workers held at one moment: resident (each
    # process counting in full the pages it shares with others), and proportional (each
    # shared page divided among the processes sharing it: what the machine gave them).
    peak_mb: float
    peak_pss_mb: float = 0.0
    output: str = ""  # what it printed, when asked for


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        try:
            found += [int(c) for c in task.read_text().split()]
        except OSError:
            continue  # ended while we looked
    return found


def _tree(root: int) -> list[int]:
    """A process and its descendants."""
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo += _children(pid)
    return found


def _memory(pids: list[int]) -> tuple[int, int]:
    """Resident and proportional memory, in kB, of these processes (Linux /proc)."""
    rss = pss = 0
    for pid in pids:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
            rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
        except OSError:
            continue  # ended while we looked
        rss += _kb(status, "VmRSS:")
        pss += _kb(rollup, "Pss:")
    return rss, pss


def _kb(text: str, field: str) -> int:
    return next((int(line.split()[1]) for line in text.splitlines() if line.startswith(field)), 0)


def timed(
    command: list[str],
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    keep_output: bool = False,
) -> Run:
    """Run ``command`` to the end; fail loudly if it fails."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, env=env, text=True, stderr=subprocess.PIPE,
        stdout=subprocess.PIPE if keep_output else subprocess.DEVNULL,
    )  # fmt: skip
    peak = peak_pss = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak, peak_pss
        before: set[int] = set()
        while not done.is_set():
            if Path("/proc").is_dir():
                now = _tree(process.pid)
                # A process seen for the first time is counted from the next look on. The
                # commands a build runs for a moment (mkdocs-macros asks git about the
                # project on every site) start as a copy of their parent's memory, which
                # /proc shows as theirs until they exec: counted at once, each would count
                # its parent twice.
                rss, pss = _memory([pid for pid in now if pid in before or pid == process.pid])
                peak, peak_pss = max(peak, rss), max(peak_pss, pss)
                before = set(now)
            done.wait(0.25)  # often enough for builds that take seconds; light on the CPU

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    output, errors = process.communicate()
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{errors[-3000:]}")
    return Run(seconds, peak / 1024, peak_pss / 1024, output or "")


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    memory = ""
    if Path("/proc/cpuinfo").is_file():
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    if Path("/proc/meminfo").is_file():
        total = Path("/proc/meminfo").read_text().split()[1]
        memory = f", {int(total) / 1024 / 1024:.0f} GB memory"
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return (
        f"{cpu}, {cores} core(s) available{memory}; {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}"
    )


def versions() -> str:
    from importlib.metadata import version

    names = ("mkdocs", "mkdocs-material", "mkdocs-macros-plugin", "pydantic", "lxml")
    return ", ".join(f"{name} {version(name)}" for name in names)


def arguments(prog: str, description: str | None, counts: str) -> argparse.ArgumentParser:
    """The options every benchmark takes: what to build, how, and whether to keep it."""
    from plansite.site.workers import default_jobs  # the benchmarks build; the timer does not

    parser = argparse.ArgumentParser(
        prog=prog, description=description, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--counts", default=counts, help="partnership counts to build")
    parser.add_argument("--jobs", type=int, default=default_jobs(), help="sites built at once")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--config", default="mkdocs.yml", help="plansite's MkDocs configuration")
    parser.add_argument("--keep", action="store_true", help="keep the working folder")
    return parser


def read_counts(
    parser: argparse.ArgumentParser, args: argparse.Namespace
) -> tuple[list[int], Path]:
    """The partnership counts, smallest first, and the MkDocs configuration, which must exist."""
    config = Path(args.config).resolve()
    if not config.is_file():
        parser.error(f"{config} not found: run from the project folder or give --config")
    return sorted({int(n) for n in args.counts.split(",")}), config


@contextlib.contextmanager
def working_folder(prefix: str, keep: bool) -> Iterator[Path]:
    """A folder for generated data and sites, removed afterwards unless it is to be kept."""
    work = Path(tempfile.mkdtemp(prefix=prefix))
    try:
        yield work
    finally:
        if keep:
            print(f"\nworking folder kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
