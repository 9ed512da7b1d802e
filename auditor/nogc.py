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
            gc.enable()
