"""Records (auditor.extract.model.Record) compare, hash and print as the dataclasses they are."""

from __future__ import annotations

import dataclasses
import pickle
from decimal import Decimal

import pytest

from auditor.extract.model import Bound, Breakdown, Fact, Record, Span
from auditor.findings import Evidence


def fact(n: int, value: str = "1.5") -> Fact:
    return Fact(id=n, kind="amount", value=Decimal(value), unit="元", written_unit="万元", scale=Decimal(10000),
                decimals=1, text=f"{value}万元", span=Span(start=n, end=n + 5, line=1, column=n + 1))


@dataclasses.dataclass(frozen=True, kw_only=True)
class TwinSpan:  # what @dataclass generates for Span's fields
    start: int
    end: int
    line: int
    column: int


class OneField(Record):
    text: str


class NoField(Record):
    pass


def test_equal_records_are_equal_and_hash_alike_as_generated_dataclasses_do():
    a, b, c = Span(start=1, end=2, line=1, column=2), Span(start=1, end=2, line=1, column=2), \
        Span(start=1, end=3, line=1, column=2)
    twin = TwinSpan(start=1, end=2, line=1, column=2)
    assert a == b and a != c and hash(a) == hash(b) == hash(twin)
    assert repr(a) == repr(twin).replace("TwinSpan", "Span")
    assert a != twin and (a == 1) is False and a.__eq__(twin) is NotImplemented  # another class: never equal
    assert OneField(text="x") == OneField(text="x") and hash(OneField(text="x")) == hash(("x",))
    assert NoField() == NoField() and hash(NoField()) == hash(()) and repr(NoField()) == "NoField()"


def test_records_of_subclasses_compare_by_all_their_fields():
    total, part = fact(0, "3"), fact(10, "3")
    first = Breakdown(total=total, parts=(part,), marker="其中", reason="list")
    assert first == Breakdown(total=total, parts=(part,), marker="其中", reason="list")
    assert first != Breakdown(total=total, parts=(part,), marker="其中", reason="other")  # a field of Bound
    assert first != Bound(reason="list") and len({first, first.model_copy()}) == 1
    assert repr(first).startswith("Breakdown(reason='list', via=(), rejected=(), total=Fact(id=0, ")


def test_records_stay_frozen_and_pickle():
    e = Evidence.of(fact(3), "total")
    with pytest.raises(dataclasses.FrozenInstanceError):
        e.role = "part"  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(e)) == e
    assert e.model_copy(update={"role": "part"}).role == "part" and e.role == "total"
