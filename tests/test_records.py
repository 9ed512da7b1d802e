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


# -- auditor.records.dataclass: the standard dataclass, with shared __eq__, __hash__ and __repr__

SHAPES = [  # (decorator options, class body) — the kinds of dataclass the pipeline defines
    ({"frozen": True}, "a: int\nb: str = 'x'\n"),
    ({}, "a: int\nb: list = dataclasses.field(default_factory=list)\n"),
    ({"frozen": True}, "a: int\nb: dict = dataclasses.field(default_factory=dict, hash=False)\n"),
    ({"frozen": True}, "a: int\nb: str = dataclasses.field(default='', compare=False, repr=False)\n"),
    ({"frozen": True, "slots": True}, "a: int\nb: tuple = ()\n"),
    ({"frozen": True, "slots": True, "kw_only": True}, "a: int\nb: int = 0\n"),
    ({"slots": True}, "a: int\nb: str = 'x'\n"),  # (Node, Cell: not frozen, slotted)
    ({"slots": True}, "a: int\nb: list = dataclasses.field(default_factory=list)\n"),
    ({"frozen": True, "eq": False}, "a: int\n"),
    ({"frozen": True, "kw_only": True}, "a: int\nb: int = 0\n"),
    ({"frozen": True}, "a: int\ndef __eq__(self, other):\n    return True\ndef __hash__(self):\n    return 7\n"),
]


def make(decorator, options: dict, body: str):
    namespace: dict = {"dataclasses": dataclasses}
    exec("class Shape:\n" + "".join(f"    {line}\n" for line in body.splitlines()), namespace)
    return decorator(**options)(namespace["Shape"])


@pytest.mark.parametrize("options,body", SHAPES)
def test_a_shared_dataclass_behaves_as_the_generated_one(options, body):
    from auditor import records

    ours, theirs = make(records.dataclass, options, body), make(dataclasses.dataclass, options, body)
    kw = options.get("kw_only", False)

    def build(cls, a, b=None):
        values = {"a": a} if b is None else {"a": a, "b": b}
        return cls(**values) if kw else cls(*values.values())

    samples = [(1, None), (1, None), (2, None)] + ([(1, "y"), (1, "z")] if "b:" in body and "list" not in body
                                                   and "dict" not in body else [])
    for (a1, b1) in samples:
        for (a2, b2) in samples:
            assert (build(ours, a1, b1) == build(ours, a2, b2)) == (build(theirs, a1, b1) == build(theirs, a2, b2))
        x, y = build(ours, a1, b1), build(theirs, a1, b1)
        assert repr(x) == repr(y)
        assert (ours.__hash__ is None) == (theirs.__hash__ is None)
        if theirs.__hash__ is not None and options.get("eq", True):  # (eq=False: hashed by identity)
            assert hash(x) == hash(y)
        assert (x == 1) == (y == 1)
    assert [f.name for f in dataclasses.fields(ours)] == [f.name for f in dataclasses.fields(theirs)]
    if options.get("frozen"):
        with pytest.raises(dataclasses.FrozenInstanceError):
            build(ours, 1).a = 2


@pytest.mark.parametrize("options", [{"frozen": True, "slots": True}, {"frozen": True, "slots": True, "kw_only": True},
                                     {"frozen": True}, {"frozen": True, "kw_only": True}])
def test_a_frozen_class_sets_its_fields_directly_with_the_same_parameters(options):
    """Its __init__ sets each slot through the slot's descriptor, or fills the instance's
    __dict__ in one update (no object.__setattr__ per field), and takes and refuses the same
    arguments as the generated one."""
    import inspect

    from auditor import records

    body = "a: int\nb: tuple = ()\nc: str = 'z'\n"
    ours, theirs = make(records.dataclass, options, body), make(dataclasses.dataclass, options, body)
    assert "__setattr__" not in ours.__init__.__code__.co_names
    def parameters(cls):
        return [(p.name, p.kind, p.default) for p in inspect.signature(cls.__init__).parameters.values()]

    assert parameters(ours) == parameters(theirs)
    assert repr(ours(a=1, c="y")) == repr(theirs(a=1, c="y"))
    if not options.get("slots"):  # the same attributes, in the same order
        assert list(vars(ours(a=1, c="y")).items()) == list(vars(theirs(a=1, c="y")).items()) == \
            [("a", 1), ("b", ()), ("c", "y")]
    for bad in ({}, {"a": 1, "d": 2}):
        with pytest.raises(TypeError):
            theirs(**bad)
        with pytest.raises(TypeError):
            ours(**bad)


def test_a_slotted_class_that_is_not_frozen_stores_its_fields_by_assignment():
    """Its __init__ assigns each field (the interpreter's slot store), as the generated one does,
    with the same parameters; a class with its own __setattr__ still has its fields stored
    through the slots' descriptors, past that __setattr__, as before."""
    import inspect

    from auditor import records

    body = "a: int\nb: tuple = ()\nc: str = 'z'\n"
    ours, theirs = make(records.dataclass, {"slots": True}, body), make(dataclasses.dataclass, {"slots": True}, body)
    assert "_set0" not in ours.__init__.__code__.co_names
    assert [p.name for p in inspect.signature(ours.__init__).parameters.values()] == \
        [p.name for p in inspect.signature(theirs.__init__).parameters.values()]
    x = ours(1, c="y")
    assert (x.a, x.b, x.c) == (1, (), "y") and repr(x) == repr(theirs(1, c="y"))

    seen = []
    body_guarded = body + "def __setattr__(self, name, value):\n    seen.append(name)\n    object.__setattr__(self, name, value)\n"
    namespace: dict = {"dataclasses": dataclasses, "seen": seen}
    exec("class Guarded:\n" + "".join(f"    {line}\n" for line in body_guarded.splitlines()), namespace)
    guarded = records.dataclass(slots=True)(namespace["Guarded"])
    g = guarded(2)
    assert (g.a, g.b, g.c) == (2, (), "z") and seen == []


def test_records_made_from_their_fields_are_the_constructors_records():
    """Record.from_fields (the figures' reading makes a Fact and a Span a figure with it): the record
    the constructor makes from the same fields — equal, hashed, shown and pickled alike, the same
    attributes in the same order, still frozen — and every figure the reading makes holds every field
    of its class, in order (the caller writes them out)."""
    made = fact(3)
    fields = {name: getattr(made, name) for name in Fact.field_names()}
    quick = Fact.from_fields(dict(fields))
    assert quick == made and hash(quick) == hash(made) and repr(quick) == repr(made)
    assert list(vars(quick)) == list(vars(made)) == list(Fact.field_names())
    assert pickle.loads(pickle.dumps(quick)) == made
    with pytest.raises(dataclasses.FrozenInstanceError):
        quick.value = Decimal(2)

    from auditor.pipeline import audit_text

    from auditor.findings import Outcome

    text = ("2023年支出预算100万元,其中:基本支出60万元,项目支出40万元,较上年增长5.2%。完成率约98%。\n"
            "项目 | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分\n"
            "年度资金总额 | 100 | 120 | 110 | 10 | 91.67% | 9.17\n\n"
            "项目  本年  上年  增长\n甲  10  8  25%\n乙  20  16  25%\n丙  30  24  25%\n合计  60  48  25%\n")
    result = audit_text(text)
    facts = result.extraction.facts
    assert any(f.in_table for f in facts) and any(not f.in_table for f in facts) and result.outcomes
    for f in facts:
        # (the values worked out once a fact, kept beside its fields — its tolerance — are no fields: Fact._derived)
        own = {k: v for k, v in vars(f).items() if k not in Fact._derived}
        assert list(own) == list(Fact.field_names()) and f == Fact(**own)
        assert list(vars(f.span)) == list(Span.field_names()) and f.span == Span(**vars(f.span))
    for o in result.outcomes:
        assert list(vars(o)) == list(Outcome.field_names()) and o == Outcome(**vars(o))
        for e in o.figures:
            assert list(vars(e)) == list(Evidence.field_names()) and e == Evidence(**vars(e))


def test_a_facts_tolerance_is_worked_out_again_in_a_copy():
    """A fact's tolerance is kept once worked out (model._computed_once), out of its equality and repr, and a copy
    with another precision works its own out."""
    made = fact(3)
    before = repr(made)
    assert made.tolerance == Decimal("0.05") * made.scale and "tolerance" in vars(made)
    assert repr(made) == before and made == Fact(**{k: v for k, v in vars(made).items() if k != "tolerance"})
    coarser = made.model_copy(update={"decimals": 0})
    assert "tolerance" not in vars(coarser) and coarser.tolerance == Decimal("0.5") * made.scale
