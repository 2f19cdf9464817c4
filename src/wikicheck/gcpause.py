"""Pausing Python's cyclic garbage collector around work that makes no reference cycles."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_pause_lock = threading.Lock()
_pauses = 0
_collector_was_enabled = False


@contextmanager
def cycle_collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a page is parsed, walked and linted.

    Only the loops that own their process use it (the runner's jobs, the scan's pages): a
    library call such as ``wikicheck.parse()`` or ``wikicheck.lint()`` must not change
    process-wide state under its caller.

    Building the tree and the model allocates hundreds of thousands of objects that live
    until the page is done, so the collector's passes find nothing to free yet re-walk
    everything built so far: a tenth of mwparserfromhell's parse time on typical articles,
    more on large ones. Neither the tree, the model nor the findings hold reference cycles
    (tests/test_collector_pause.py checks the corpus), so reference counting frees them
    without the collector. Pauses from several threads nest: the collector resumes when the
    last one ends, and only if it was running before the first.
    """
    global _pauses, _collector_was_enabled
    with _pause_lock:
        if _pauses == 0:
            _collector_was_enabled = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _pause_lock:
            _pauses -= 1
            if _pauses == 0 and _collector_was_enabled:
                gc.enable()
