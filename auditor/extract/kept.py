"""Results kept per object, computed once: what a resolver looks up again and again in one document (the figures by
sentence or concept, the starts of the figures) is worked out the first time it is asked, on the object that holds
the document's reading, and handed out after."""
from __future__ import annotations

from typing import Callable, TypeVar

T = TypeVar("T")
_UNSET = object()  # (a result kept may be None)


class KeptOnce:
    """Gives `memo(key, make)`: `make()` the first time `key` is asked, the same object after.  (Kept in the
    instance's `__dict__`, not in a field: a record's equality and repr stay its fields'.)"""

    __slots__ = ()

    def memo(self, key: str, make: Callable[[], T]) -> T:
        kept = self.__dict__
        found = kept.get(key, _UNSET)
        if found is _UNSET:
            found = kept[key] = make()
        return found
