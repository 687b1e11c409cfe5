"""Map a pure function over a few large pieces of work in forked processes.

Grouping claims is independent per event type: on a million claims the pieces take tens of
seconds each, so spreading them over the machine's cores pays for the forks and for sending
the results back. Forked children read the parent's data as it is (nothing is pickled on the
way in); only results travel. Where fork is unavailable, or one core is, the map runs here.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

# the function and pieces of the map in progress, read by the forked children
_TASK: tuple[Callable[[Any], Any], Sequence[Any]] | None = None


def cores() -> int:
    """The cores this process may run on; TOCSIN_WORKERS caps it (1: never fork)."""
    try:
        found = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        found = os.cpu_count() or 1
    cap = os.environ.get("TOCSIN_WORKERS", "")
    return max(1, min(found, int(cap))) if cap.isdigit() else found


def fork_map(
    fn: Callable[[T], R],
    pieces: Sequence[T],
    workers: int,
    size: Callable[[T], int] = lambda _: 0,
) -> list[R]:
    """[fn(p) for p in pieces] in up to `workers` processes, largest `size` first so that
    the longest piece does not start last."""
    global _TASK
    if workers < 2 or len(pieces) < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return [fn(p) for p in pieces]
    order = sorted(range(len(pieces)), key=lambda k: -size(pieces[k]))
    _TASK = (fn, pieces)
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(min(workers, len(pieces)), mp_context=context) as pool:
            done = dict(zip(order, pool.map(_piece, order, chunksize=1), strict=True))
    finally:
        _TASK = None
    return [done[k] for k in range(len(pieces))]


def _piece(k: int) -> Any:
    assert _TASK is not None, "run in a child forked by fork_map"
    fn, pieces = _TASK
    return fn(pieces[k])
