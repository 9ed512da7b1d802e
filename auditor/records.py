"""`dataclass` as the standard library's, with equality, hashing and repr shared by all classes.

For every class it decorates, `dataclasses.dataclass` writes the source of
each method it adds and compiles it: `__init__`, `__repr__`, `__eq__` and,
for a frozen class, `__hash__`, `__setattr__` and `__delattr__`.  Compiling
them is most of the cost of defining a dataclass, and the ~70 classes of the
pipeline are defined on every start of `audit`.  This `dataclass` takes the
same arguments and gives the same classes, except that `__repr__`, `__eq__`
and `__hash__` are the functions below, written once: by the fields, in
order, exactly as the generated ones (the fields a dataclass compares, hashes
and shows; equal only to an instance of the very same class; a mutable class
unhashable).  Only `__init__` and a frozen class's guards are compiled per
class.
"""

from __future__ import annotations

import dataclasses
from operator import attrgetter
from reprlib import recursive_repr
from types import MemberDescriptorType
from typing import Any, Callable

__all__ = ["dataclass", "field"]

field = dataclasses.field
_MISSING = dataclasses.MISSING


def dataclass(cls: type | None = None, /, *, init: bool = True, repr: bool = True, eq: bool = True,  # noqa: A002
              frozen: bool = False, **options: Any):
    """@dataclasses.dataclass(...) with the shared `__repr__`, `__eq__` and `__hash__`."""

    def wrap(cls: type) -> type:
        own = cls.__dict__
        has_eq, has_hash, has_repr, has_init = "__eq__" in own, "__hash__" in own, "__repr__" in own, "__init__" in own
        cls = dataclasses.dataclass(cls, init=init, repr=False, eq=False, frozen=frozen, **options)
        fields = dataclasses.fields(cls)
        if init and frozen and not has_init:
            cls.__init__ = _frozen_init(cls, fields, bool(options.get("slots"))) or cls.__init__
        if repr and not has_repr:
            cls.__repr__ = _repr
        if eq and not has_eq:
            cls._compared = staticmethod(_getter([f.name for f in fields if f.compare]))
            cls.__eq__ = _eq
            if frozen and not has_hash:
                cls._hashed = staticmethod(_getter([f.name for f in fields if (f.compare if f.hash is None else f.hash)]))
                cls.__hash__ = _hash
            elif not has_hash:
                cls.__hash__ = None  # a mutable class that compares by value: unhashable
        return cls

    return wrap if cls is None else wrap(cls)


def _frozen_init(cls: type, fields: tuple[dataclasses.Field, ...], slots: bool) -> Callable[..., None] | None:
    """For a frozen class: an `__init__` that stores the fields where the generated one's
    `object.__setattr__` per field ends up storing them — each slot through its descriptor, or
    the instance's `__dict__` in one update, in the fields' order — at a third of the cost
    (records come by the thousand: every figure is a Fact and a Span).  The same parameters
    and defaults; None (keep the generated one) where it does more than set the fields."""
    original = cls.__init__
    code = original.__code__
    if hasattr(cls, "__post_init__") or any(not f.init or f.default_factory is not _MISSING for f in fields):
        return None
    names = code.co_varnames[1:code.co_argcount + code.co_kwonlyargcount]
    if list(names) != [f.name for f in fields]:
        return None
    me = code.co_varnames[0]
    namespace = {}
    if slots:
        for n, name in enumerate(names):
            slot = next((c.__dict__[name] for c in cls.__mro__ if name in c.__dict__), None)
            if type(slot) is not MemberDescriptorType:
                return None
            namespace[f"_set{n}"] = slot.__set__
        body = "\n".join(f"    _set{n}({me}, {name})" for n, name in enumerate(names))
    else:
        if not cls.__dictoffset__:
            return None
        body = f"    {me}.__dict__.update({{{', '.join(f'{name!r}: {name}' for name in names)}}})" if names else ""
    positional, keyword = names[:code.co_argcount - 1], names[code.co_argcount - 1:]
    params = ", ".join([me, *positional, *(["*", *keyword] if keyword else [])])
    exec(f"def __init__({params}):\n{body or '    pass'}\n", namespace)  # noqa: S102 - the fields' own names only
    init = namespace["__init__"]
    init.__defaults__, init.__kwdefaults__ = original.__defaults__, original.__kwdefaults__
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    return init


def _getter(names: list[str]) -> Callable[[Any], tuple]:
    """The values of these attributes, as a tuple (also of one attribute, or of none)."""
    if not names:
        return lambda obj: ()
    get = attrgetter(*names)
    return (lambda obj: (get(obj),)) if len(names) == 1 else get


def _eq(self, other: object) -> bool:
    if other.__class__ is self.__class__:
        return self._compared(self) == other._compared(other)
    return NotImplemented


def _hash(self) -> int:
    return hash(self._hashed(self))


@recursive_repr()
def _repr(self) -> str:
    shown = ", ".join(f"{f.name}={getattr(self, f.name)!r}" for f in dataclasses.fields(self) if f.repr)
    return f"{self.__class__.__qualname__}({shown})"
