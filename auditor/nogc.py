"""A guard for the stages that build many small objects and no reference cycles."""

from __future__ import annotations

import gc
from contextlib import contextmanager


@contextmanager
def without_cycle_collection():
    """Extraction and checking create many small objects and no reference cycles;
    Python's cycle collector would keep re-scanning all of them, which makes large
    documents slower than linear.  It runs again as soon as the stage is done."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            if not gc.get_freeze_count():
                # what the stage made is still young: the first collection after it would walk all of it (the whole
                # document read and checked, alive) — ~3 % of a 20 KB report.  Moved to the oldest generation
                # (frozen and thawed: nothing else was frozen), it waits for a full collection like any long-lived
                # object, and what of it is dropped goes by its reference count (the stage makes no cycles)
                gc.freeze()
                gc.unfreeze()
            gc.enable()
