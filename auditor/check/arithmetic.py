"""Rounding-aware comparison with exact Decimal interval arithmetic.

A figure written with d decimals stands for the interval value ± 0.5×10^-d
(XBRL Calculations 1.1).  A relation holds when the stated figure's interval
meets the interval of what the other figures give.  When it does not, the miss
is *minor* if it is within one unit of the stated figure's last digit — what
truncation instead of rounding, a slip in the last digit, or nudging one share
so that shares add to 100 % produce — and *gross* otherwise (statcheck's split).
"""

from __future__ import annotations

import re
from dataclasses import field
from decimal import Decimal, localcontext
from typing import Literal

from auditor.extract.model import Fact
from auditor.records import dataclass

Verdict = Literal["ok", "minor", "gross"]
ZERO = Decimal(0)


@dataclass(slots=True)
class Value:
    """A computed value with its uncertainty (half-width), in base units.

    Never changed once made, but not a frozen dataclass (checks make them by the
    thousand: a frozen one sets each slot through its descriptor); compared and
    hashed by its fields, as the frozen one was."""

    value: Decimal
    tolerance: Decimal

    def __hash__(self) -> int:
        return hash((self.value, self.tolerance))

    @classmethod
    def of(cls, fact: Fact) -> "Value":
        return cls(fact.value, fact.tolerance)

    def __add__(self, other: "Value") -> "Value":
        return Value(self.value + other.value, self.tolerance + other.tolerance)

    def __sub__(self, other: "Value") -> "Value":
        return Value(self.value - other.value, self.tolerance + other.tolerance)

    @property
    def lo(self) -> Decimal:
        return self.value - self.tolerance

    @property
    def hi(self) -> Decimal:
        return self.value + self.tolerance


def at_precision(fact: Fact, stated: Fact | None) -> Value:
    """A figure used to compute `stated`, known at least as precisely as `stated` is written.

    "10万元 … 较上年增加2.27万元": a result written to 0.01 was computed from values known
    to 0.01, so 10 stands for 10.00 here, not 10 ± 0.5.
    """
    v = Value.of(fact)
    if stated is not None and stated.kind == fact.kind and stated.tolerance and stated.tolerance < v.tolerance \
            and stated.scale == fact.scale:
        return Value(v.value, stated.tolerance)
    return v


def total(values: list[Value]) -> Value:
    out = Value(ZERO, ZERO)
    for v in values:
        out = out + v
    return out


def product_value(count: Fact, standard: Fact) -> Value:
    """count × standard, in base units: a standard written as a whole number (每人600元) is a
    designed value, exact; one written with decimals or called an average (平均每辆2.08万元, 22.83
    万元 / 11 rounded, 综合单价259元: the spending over the area) stands for its interval, as does a count
    written with decimals (34.2万亩)."""
    tolerance = count.tolerance * abs(standard.value)
    if standard.decimals > 0 or "平均" in standard.label or "综合单价" in standard.label:
        tolerance += standard.tolerance * abs(count.value)
    return Value(count.value * standard.value, tolerance)


def ratio_percent(num: Value, den: Value) -> Value | None:
    """num / den × 100 as an interval; None when the denominator may be zero."""
    if den.lo <= 0 <= den.hi or den.value == 0:
        return None
    with localcontext() as ctx:
        ctx.prec = 28
        candidates = [
            a / b * 100
            for a in (num.lo, num.hi)
            for b in (den.lo, den.hi)
            if b != 0
        ]
        mid = num.value / den.value * 100
    lo, hi = min(candidates), max(candidates)
    return Value(mid, max(hi - mid, mid - lo))


@dataclass(frozen=True, slots=True)
class Comparison:
    """A stated figure against the computed one: the verdict, the difference and the slack rounding allows."""

    verdict: Verdict
    difference: Decimal  # stated − computed, base units
    slack: Decimal  # combined half-widths


def compare(stated: Fact, computed: Value) -> Comparison:
    difference = stated.value - computed.value
    slack = stated.tolerance + computed.tolerance
    gap = abs(difference) - slack
    if gap <= 0:
        return Comparison("ok", difference, slack)
    last_digit = Decimal(1).scaleb(-stated.decimals) * stated.scale
    return Comparison("minor" if gap <= last_digit else "gross", difference, slack)


def truncated(stated: Fact, computed: Value) -> bool:
    """The stated figure is the computed value cut, not rounded, after its last digit
    (1.1399 % written 1.13 %): its magnitude lies in [stated, stated + one last digit)."""
    unit = Decimal(1).scaleb(-stated.decimals) * stated.scale
    low, high = abs(stated.value), abs(stated.value) + unit
    value = abs(computed.value)
    return value + computed.tolerance >= low and value - computed.tolerance < high


def grouped(number: str) -> str:
    """"1241760.5" → "1,241,760.5": thousands separators, as a finance reviewer reads figures."""
    sign, rest = ("-", number[1:]) if number.startswith("-") else ("", number)
    whole, dot, fraction = rest.partition(".")
    if len(whole) <= 3 or not whole.isdigit():
        return number
    return f"{sign}{int(whole):,}{dot}{fraction}"


def show(value: Decimal, like: Fact, extra_decimals: int = 0) -> str:
    """A base-unit value written the way `like` is written (its unit and precision)."""
    decimals = like.decimals + extra_decimals
    shown = (value / like.scale).quantize(Decimal(1).scaleb(-decimals))
    return grouped(f"{shown}")


def written(fact: Fact, like: Fact | None = None) -> str:
    """The fact's number as written, or converted to `like`'s unit when they differ (a multiple,
    "2.48倍", in percent — every rate's message is in percent: "248")."""
    if fact.written_unit == "倍":
        return grouped(f"{fact.value.normalize():f}")
    if like is None or fact.scale == like.scale:
        text = f"{fact.written_value.normalize():f}" if fact.decimals == 0 else f"{fact.written_value:f}"
    else:
        text = f"{(fact.value / like.scale).normalize():f}"
    return grouped(text)


def sign_as_written(fact: Fact) -> str:
    """"-" for a figure written with its minus sign (a table's "-88.57") whose value the
    reading keeps unsigned, with the direction apart: what it should be is written so too."""
    return "-" if fact.value >= 0 and fact.text.lstrip().startswith(("-", "−")) else ""


def unit_of(like: Fact) -> str:
    """The unit a result in `like`'s terms is written with: 万元, 元, 亿元, 人 … ('' for %)."""
    if like.unit == "%":
        return ""
    return like.written_unit.strip()


def decimals_for(facts: list[Fact], like: Fact) -> int:
    """Enough decimals to show a result computed from `facts` in `like`'s unit."""
    most = like.decimals
    for f in facts:
        step = (Decimal(1).scaleb(-f.decimals) * f.scale / like.scale).normalize()
        most = max(most, -step.as_tuple().exponent)
    return min(most, 6)


@dataclass(frozen=True, slots=True)
class Equation:
    """A checked relation as arithmetic over its figures, so that it can be solved for
    any one of them (auditor/check/diagnose.py asks which figure is wrong).

    kind "linear": Σ coefficient × figure = 0 (a sum, a difference, a change);
    kind "ratio": figures = (stated %, numerator, denominator), stated = numerator / denominator × 100.
    """

    kind: str
    terms: tuple[tuple[Fact, Decimal], ...]
    # what to say when no one figure stands out, if not the kind's "the total or one of the
    # parts" ("the difference or one of its figures is wrong")
    blame: dict[str, str] | None = field(default=None, compare=False)
    # … and when the one figure left is a whole count that no whole number would mend (6架 × 7.50万元 ≠ 57.00万元)
    blame_uncounted: dict[str, str] | None = field(default=None, compare=False)

    @property
    def facts(self) -> tuple[Fact, ...]:
        return tuple(f for f, _ in self.terms)

    def solve(self, fact: Fact) -> Decimal | None:
        """The value `fact` would need for the relation to hold exactly (None: cannot tell)."""
        if self.kind == "linear":
            coefficient = next((c for f, c in self.terms if f.id == fact.id), None)
            if not coefficient:
                return None
            rest = sum((c * f.value for f, c in self.terms if f.id != fact.id), Decimal(0))
            return -rest / coefficient
        (stated, _), (num, _), (den, _) = self.terms
        with localcontext() as ctx:
            ctx.prec = 28
            if fact.id == stated.id:
                return num.value / den.value * 100 if den.value else None
            if fact.id == num.id:
                return stated.value * den.value / 100
            if fact.id == den.id:
                return num.value * 100 / stated.value if stated.value else None
        return None

    def solutions(self) -> list[tuple[Fact, Decimal | None]]:
        """`solve` for every figure, the terms of a linear relation summed once (a list of
        hundreds of parts is not summed again for each of them)."""
        if self.kind != "linear":
            return [(f, self.solve(f)) for f, _ in self.terms]
        whole = sum((c * f.value for f, c in self.terms), Decimal(0))
        own: dict[int, Decimal] = {}  # each figure's own terms (as solve leaves all of them out)
        first: dict[int, Decimal] = {}  # … and the coefficient solve divides by
        for f, c in self.terms:
            own[f.id] = own.get(f.id, Decimal(0)) + c * f.value
            first.setdefault(f.id, c)
        return [(f, -(whole - own[f.id]) / first[f.id] if first[f.id] else None) for f, _ in self.terms]

    def relative_gap(self) -> Decimal | None:
        """How far the relation misses, as a share of its larger side: |Σ added − Σ taken|
        over the larger of the two (a sum: |total − Σ parts| / max(total, Σ parts)); a
        ratio: |stated − computed| / the larger.  None when it cannot be told (no side)."""
        if self.kind == "linear":
            plus = sum((c * f.value for f, c in self.terms if c > 0), Decimal(0))
            minus = -sum((c * f.value for f, c in self.terms if c < 0), Decimal(0))
        else:
            stated = self.terms[0][0]
            computed = self.solve(stated)
            if computed is None:
                return None
            plus, minus = stated.value, computed
        larger = max(abs(plus), abs(minus))
        return abs(plus - minus) / larger if larger else None


def sum_equation(total_fact: Fact, parts, subtracted=()) -> Equation:
    """total = Σ parts − Σ subtracted."""
    one = Decimal(1)
    return Equation("linear", ((total_fact, one), *((p, -one) for p in parts), *((p, one) for p in subtracted)))


def ratio_equation(stated: Fact, num: Fact, den: Fact) -> Equation:
    return Equation("ratio", ((stated, Decimal(1)), (num, Decimal(1)), (den, Decimal(1))))


def leading_digits_cut(percent: Fact, shown: Decimal) -> bool:
    """A table cell whose digits are the computed rate's last ones, its first cut off by a column too narrow for it
    ("5279.56" of 45279.56, a share's "30.53" of 130.53, "03.66" of 103.66): a misprint of the layout."""
    if not percent.in_table:
        return False
    written_digits = re.sub(r"[^\d.]", "", percent.text)
    computed = re.sub(r"[^\d.]", "", str(abs(shown)))
    return "." in written_digits and len(computed) > len(written_digits) and computed.endswith(written_digits)
