"""Pause Python's cycle collector during allocation-heavy pure work.

Grouping a million claims allocates millions of small objects and no reference cycles; the
collector would walk the whole heap again and again for nothing (a quarter of the time).
What such work builds (incidents, matrices) is kept for long, so on the way out it is moved
out of the collector's sight (`gc.freeze`) rather than walked by the next full collection,
which otherwise lands, seconds long, in whatever runs next. Those objects are still freed
by reference counting when dropped; only objects in a reference cycle at that moment would
wait for `gc.unfreeze` — the work paused here makes none.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

# Objects allocated inside the pause (net) above which they are frozen on the way out.
_BULK = 200_000


@contextmanager
def paused() -> Iterator[None]:
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if gc.get_count()[0] > _BULK:
            gc.freeze()
        if was:
            gc.enable()
