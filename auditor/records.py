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
unhashable), and so are a frozen class's guards against assignment.  Only
`__init__` is compiled per class, from the fields (a class with
`__post_init__`, or a dataclass base not made here, gets the standard
library's).
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
        slots = bool(options.get("slots"))
        if init and not has_init and _plain(cls):
            # the fields only: no generated method is compiled but the one __init__ below
            cls = dataclasses.dataclass(cls, init=False, repr=False, eq=False, frozen=False, **options)
            fields = dataclasses.fields(cls)
            cls.__init__ = _fields_init(cls, fields, slots, frozen)
            cls._made_here = True
            if frozen:
                _freeze(cls, fields, slots)
        else:
            cls = dataclasses.dataclass(cls, init=init, repr=False, eq=False, frozen=frozen, **options)
            fields = dataclasses.fields(cls)
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


def _plain(cls: type) -> bool:
    """A class whose `__init__` only stores its fields (made by a factory or not): no
    `__post_init__`, and no dataclass among its bases but those made here (whose frozen
    guards it shares)."""
    if hasattr(cls, "__post_init__"):
        return False
    return all("_made_here" in base.__dict__ for base in cls.__mro__[1:] if dataclasses.is_dataclass(base))


_FACTORY = object()  # the default of a parameter whose field is made by a factory


def _fields_init(cls: type, fields: tuple[dataclasses.Field, ...], slots: bool,
                 frozen: bool = False) -> Callable[..., None]:
    """An `__init__` with the generated one's parameters and defaults that stores the fields
    where the generated one ends up storing them — each slot through its descriptor, or the
    instance's `__dict__` in one update, in the fields' order — at a third of the cost for a
    frozen class (records come by the thousand: every figure is a Fact and a Span), and
    compiled once, not with a frozen class's guards beside it.  A slotted class that is not
    frozen (and keeps object's own `__setattr__`) stores each field with a plain assignment,
    as the generated one does: the interpreter specialises it to a slot store, a third of the
    cost of calling the slot's descriptor (a document has a Node per piece, a Cell per cell)."""
    names = [f.name for f in fields]
    me = "__dataclass_self__" if "self" in names else "self"
    namespace: dict[str, Any] = {"_FACTORY": _FACTORY}
    lines = []
    for n, f in enumerate(fields):  # a field made by a factory, or not a parameter: its value first
        if f.default_factory is not _MISSING:
            namespace[f"_make{n}"] = f.default_factory
            lines.append(f"    if {f.name} is _FACTORY: {f.name} = _make{n}()" if f.init else f"    {f.name} = _make{n}()")
        elif not f.init:
            namespace[f"_default{n}"] = f.default
            lines.append(f"    {f.name} = _default{n}")
    if slots and not frozen and all("__setattr__" not in c.__dict__ for c in cls.__mro__[:-1]):
        lines.extend(f"    {me}.{name} = {name}" for name in names)
    elif slots:
        for n, name in enumerate(names):
            slot = next((c.__dict__[name] for c in cls.__mro__ if name in c.__dict__), None)
            assert type(slot) is MemberDescriptorType, f"{cls.__qualname__}.{name}: no slot"
            namespace[f"_set{n}"] = slot.__set__
            lines.append(f"    _set{n}({me}, {name})")
    elif names:
        lines.append(f"    {me}.__dict__.update({{{', '.join(f'{name!r}: {name}' for name in names)}}})")
    positional = [f for f in fields if f.init and not f.kw_only]
    keyword = [f for f in fields if f.init and f.kw_only]
    params = ", ".join([me, *(f.name for f in positional), *(["*", *(f.name for f in keyword)] if keyword else [])])
    body = "\n".join(lines) or "    pass"
    exec(f"def __init__({params}):\n{body}\n", namespace)  # noqa: S102 - the fields' own names only
    init = namespace["__init__"]

    def default(f: dataclasses.Field) -> Any:
        return _FACTORY if f.default_factory is not _MISSING else f.default

    init.__defaults__ = tuple(default(f) for f in positional if default(f) is not _MISSING) or None
    init.__kwdefaults__ = {f.name: default(f) for f in keyword if default(f) is not _MISSING} or None
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    return init


def _freeze(cls: type, fields: tuple[dataclasses.Field, ...], slots: bool) -> None:
    """The frozen guards a frozen dataclass generates for each class, shared: assigning or
    deleting a field (or any attribute of an instance of the class itself) raises
    FrozenInstanceError; a slotted class pickles and copies through its fields, as
    dataclasses arranges for frozen slotted classes."""
    cls._frozen_class = cls
    cls._frozen_fields = frozenset(f.name for f in fields)
    cls.__setattr__ = _frozen_setattr
    cls.__delattr__ = _frozen_delattr
    if slots:
        cls._field_order = tuple(f.name for f in fields)
        cls.__getstate__ = _slots_getstate
        cls.__setstate__ = _slots_setstate


def _frozen_setattr(self, name: str, value: Any) -> None:
    owner = self._frozen_class
    if type(self) is owner or name in self._frozen_fields:
        raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")
    super(owner, self).__setattr__(name, value)


def _frozen_delattr(self, name: str) -> None:
    owner = self._frozen_class
    if type(self) is owner or name in self._frozen_fields:
        raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")
    super(owner, self).__delattr__(name)


def _slots_getstate(self) -> list:
    return [getattr(self, name) for name in self._field_order]


def _slots_setstate(self, state: list) -> None:
    for name, value in zip(self._field_order, state):
        object.__setattr__(self, name, value)


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
