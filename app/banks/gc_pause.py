"""Pausing Python's cycle collector while a whole bank is parsed, checked, built or stored.

Reading a 20,000-question bank allocates a few hundred thousand dicts, lists and dataclasses in
one go. Each burst of allocations makes the collector run, and its full passes walk every object
alive - the growing bank included - although none of them is garbage: the parsed document and
the Bank are freed by reference counting once the import is done (bank data holds no cycles).
On an import those passes took a quarter of the time. Pausing the collector skips them; the pause
nests and is shared between threads (the collector is process-wide), and the collector is
switched back on when the last pause ends, if it was on before the first began. Stdlib only.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_resume = False  # whether the collector was on when the first pause began


@contextmanager
def collector_paused() -> Iterator[None]:
    """Run the body with the cycle collector off (reference counting still frees memory)."""
    global _depth, _resume
    with _lock:
        if _depth == 0:
            _resume = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _resume:
                gc.enable()
