"""Which figure is wrong, and how: the slip classes a failing relation points to.

A relation that fails says that some figure is wrong, not which.  When one
figure, changed in a way typists and converters change figures, makes the
relation hold, the message names that figure and what it should be:

- a unit slip: 元 written for 万元 (or the reverse), a figure 10⁴ off;
- a decimal shift: a figure 10, 100 or 1000 times too large or small;
- transposed digits: two neighbouring digits swapped (1204.6 for 1240.6).

Every function is pure: figures in, a `Slip` (or None) out.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from typing import Callable

from auditor.check.arithmetic import Value, compare
from auditor.extract.model import Fact
from auditor.records import dataclass

_TEN_THOUSAND = Decimal(10000)


@dataclass(frozen=True)
class Slip:
    """A figure that looks mistyped (unit, decimal point, swapped digits) and how it should read."""

    figure: Fact
    kind: str  # "unit" | "decimal" | "transposed"
    should_be: str  # the figure as it should be written
    message: dict[str, str]  # language → "（471.23元的单位应为万元）"

    @property
    def fields(self) -> dict[str, str]:
        """The message's slip_zh / slip_en fields."""
        return {"slip_zh": self.message["zh"], "slip_en": self.message["en"]}


def _with_value(fact: Fact, value: Decimal) -> Fact:
    return fact.model_copy(update={"value": value})


def find_slip(figures: list[Fact], holds: Callable[[list[Fact]], bool]) -> Slip | None:
    """The one figure whose slip, undone, makes `holds(figures)` true (None if none or several)."""
    found: list[Slip] = []
    scales = Counter(g.scale for g in figures if g.kind == "amount")  # (counted once: a list may be long)
    amounts = sum(scales.values())
    for n, f in enumerate(figures):
        if f.kind != "amount":
            continue
        if amounts < 2 or scales[f.scale] > 1:
            continue  # a slip of unit shows as a unit unlike the figures around it
        for slip in _unit_readings(f):
            trial = list(figures)
            trial[n] = slip[0]
            if holds(trial):
                found.append(Slip(f, "unit", slip[1], slip[2]))
                break
    return found[0] if len(found) == 1 else None


def _unit_readings(f: Fact):
    """The figure read in the other money unit: 471.23元 as 471.23万元, 2089万元 as 2089元."""
    written = f.value / f.scale
    if f.scale == 1:  # 元 → 万元
        yield (f.model_copy(update={"value": written * _TEN_THOUSAND, "scale": _TEN_THOUSAND}),
               f"{f.text.rstrip('元').rstrip()}万元",
               {"zh": f"（{f.text}的单位应为万元）", "en": f" ({f.text} should be in 万元)"})
    elif f.scale == _TEN_THOUSAND:  # 万元 → 元
        yield (f.model_copy(update={"value": written, "scale": Decimal(1)}),
               f"{f.text.replace('万元', '元')}",
               {"zh": f"（{f.text}的单位应为元）", "en": f" ({f.text} should be in 元)"})


def sum_holds(total_index: int, subtracted_from: int | None = None) -> Callable[[list[Fact]], bool]:
    """figures[total_index] = Σ the others (those from `subtracted_from` on are subtracted)."""
    def holds(figures: list[Fact]) -> bool:
        total = figures[total_index]
        value = Value(Decimal(0), Decimal(0))
        for n, f in enumerate(figures):
            if n == total_index:
                continue
            v = Value.of(f)
            value = value - v if subtracted_from is not None and n >= subtracted_from else value + v
        return compare(total, value).verdict == "ok"
    return holds


# ------------------------------------------------------------ which figure is wrong
_ROLE_BLAME = {
    "linear": ({"zh": "总额或某一分项有误", "en": "the total or one of the parts is wrong"}),
    "ratio": ({"zh": "比率或所用金额有误", "en": "the rate or one of its amounts is wrong"}),
}


def assign(outcomes: list) -> list:
    """Name, in each failing relation's finding, the figure most likely wrong.

    A figure another relation confirms (it holds with it) is taken as right; a
    figure stated again with the same value is one figure (DUP001 holds).  If one
    figure of a failing relation is left, it is the suspect, and the message says
    what it should be and how it probably went wrong (transposed digits, 元 for
    万元, a shifted decimal point).  If several are left, but one of them also makes
    another failing relation hold at the same value, it is the suspect of both.
    Otherwise the message says that the total (rate) or one of the parts (amounts)
    is wrong, rather than always blaming the total.
    """
    failing = [o for o in outcomes if o.verdict == "fails" and o.finding is not None and o.equation is not None]
    if not failing:
        return outcomes
    same = _Same()
    for o in outcomes:  # the same figure stated again, with the same value
        if o.verdict == "holds" and o.rule == "DUP001" and o.equation is not None:
            a, b = o.equation.facts
            same.join(a.id, b.id)
    confirmed: set[int] = {same.find(f.id) for o in outcomes if o.verdict == "holds" and o.equation is not None
                           and o.rule != "DUP001" for f in o.equation.facts}
    suspects = {id(o): [f for f in o.equation.facts if same.find(f.id) not in confirmed] for o in failing}
    shared: dict[int, list] = {}
    for o in failing:
        for f in suspects[id(o)]:
            shared.setdefault(same.find(f.id), []).append(o)
    witnesses = _Witnesses(same)
    out = []
    for o in outcomes:
        if id(o) not in suspects:
            out.append(o)
            continue
        out.append(o.model_copy(update={"finding": _blame(o, suspects[id(o)], shared, witnesses)}))
    return out


class _Witnesses:
    """Each failing relation's figures by mention and what it needs each to be, worked out once:
    a document with many failing relations sharing figures is not examined pair by pair again."""

    def __init__(self, same: "_Same") -> None:
        self.same = same
        self._roots: dict[int, dict[int, Fact]] = {}
        self._solved: dict[tuple[int, int], Decimal | None] = {}

    def roots(self, o) -> dict[int, Fact]:
        """The relation's figures, keyed by the figure they mention."""
        key = id(o)
        if key not in self._roots:
            self._roots[key] = {self.same.find(f.id): f for f in o.equation.facts}
        return self._roots[key]

    def solve(self, o, fact: Fact) -> Decimal | None:
        key = (id(o), fact.id)
        if key not in self._solved:
            self._solved[key] = o.equation.solve(fact)
        return self._solved[key]


class _Same:
    """Union-find over fact ids: mentions of one figure."""

    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, x: int) -> int:
        while self.parent.get(x, x) != x:
            x = self.parent[x]
        return x

    def join(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _blame(o, candidates: list[Fact], shared: dict[int, list], witnesses: _Witnesses):
    f = o.finding
    culprit = candidates[0] if len(candidates) == 1 else _shared_culprit(o, candidates, shared, witnesses)
    if culprit is None:
        if o.alternative is not None:  # its reading in doubt (ALT008): no figure of it is blamed
            return f
        tail = o.equation.blame or _ROLE_BLAME.get(o.equation.kind)
        if tail is None or len(o.equation.facts) < 2:
            return f
        # no figure stands out: the total's "should be" would blame it without evidence
        return _with_tail(f, {"zh": f"（{tail['zh']}）", "en": f" ({tail['en']})"}).model_copy(update={"expected": None})
    value = o.equation.solve(culprit)
    if value is None:
        return f
    if not _countable(o.equation, culprit, value):
        # ("6架 × 7.50万元/架 ≠ 57.00万元": no whole number of drones makes it — the count is not what went wrong)
        tail = o.equation.blame_uncounted or o.equation.blame or _ROLE_BLAME.get(o.equation.kind)
        return _with_tail(f, {"zh": f"（{tail['zh']}）", "en": f" ({tail['en']})"}).model_copy(update={"expected": None}) \
            if tail else f
    should = _written(value, culprit, [x for x in o.equation.facts if x.id != culprit.id])
    slip = slip_class(culprit, value)
    note = {"zh": f"（疑为 {culprit.text.strip()} 有误，应为 {should}{('，' + slip['zh']) if slip else ''}）",
            "en": f" ({culprit.text.strip()} is likely wrong: should be {should}{('; ' + slip['en']) if slip else ''})"}
    f = _with_tail(f, note)
    s = culprit.span
    return f.model_copy(update={"stated": culprit.text.strip(), "expected": should, "start": s.start, "end": s.end,
                                "line": s.line, "column": s.column})


def _shared_culprit(o, candidates: list[Fact], shared: dict[int, list], witnesses: _Witnesses) -> Fact | None:
    """The one candidate that another failing relation also points to, at the same value."""
    found = []
    mine_set = witnesses.roots(o).keys()
    for c in candidates:
        root = witnesses.same.find(c.id)
        # another relation over the very same figures (an identity and the list stating it) is no
        # independent witness
        others = [x for x in shared.get(root, []) if x is not o and witnesses.roots(x).keys() != mine_set]
        if not others:
            continue
        mine = witnesses.solve(o, c)
        if mine is None:
            continue
        agree = True
        for x in others:
            mention = witnesses.roots(x).get(root)
            v = witnesses.solve(x, mention) if mention is not None else None
            if v is None or abs(v - mine) > c.tolerance + c.scale * Decimal("0.01"):
                agree = False
                break
        if agree:
            found.append(c)
            if len(found) > 1:
                return None  # two figures stand out: neither does
    return found[0] if len(found) == 1 else None


# units a count is read in that measure rather than count (a part of one is a quantity too: 2.5亩)
_MEASURES = frozenset({"吨", "亩", "公里", "千米", "平方米", "万平方米"})


def _countable(equation, culprit: Fact, value: Decimal) -> bool:
    """A whole count of things (6架, 1,200套) can only be wrong for a whole number: the value it would need is one, within
    the rounding of the relation's other figures. Any other figure may take any value."""
    if culprit.kind != "count" or culprit.decimals or culprit.unit in _MEASURES or equation.kind != "linear":
        return True
    coefficient = next((c for f, c in equation.terms if f.id == culprit.id), None)
    if not coefficient:
        return True
    slack = sum((abs(c) * f.tolerance for f, c in equation.terms if f.id != culprit.id), Decimal(0))
    return abs(coefficient) * abs(value - value.to_integral_value()) <= slack


def _with_tail(f, tail: dict[str, str]):
    messages = {lang: text + tail.get(lang, tail["zh"]) for lang, text in f.messages.items()}
    return f.model_copy(update={"messages": messages})


def _written(value: Decimal, like: Fact, others: list[Fact] = ()) -> str:
    """`value` in `like`'s unit, to the precision of the figures it was computed from."""
    from auditor.check.arithmetic import decimals_for, sign_as_written

    decimals = decimals_for([x for x in others if x.unit == like.unit], like) if others else like.decimals
    shown = (value / like.scale).quantize(Decimal(1).scaleb(-decimals))
    unit = like.written_unit if like.unit != "%" else "%"
    return f"{sign_as_written(like) if shown > 0 else ''}{shown}{unit}"


def slip_class(fact: Fact, value: Decimal) -> dict[str, str] | None:
    """How a figure written as `fact` may have come from `value`: transposed digits,
    a unit slip (×10⁴), a shifted decimal point (×10, ×100, ×1000)."""
    if fact.value == 0 or value == 0:
        return None
    ratio = value / fact.value
    for factor, zh, en in ((Decimal(10000), "疑为万元与元混用", "万元 and 元 mixed up"),
                           (Decimal(1000), "疑为小数点错位", "a shifted decimal point"),
                           (Decimal(100), "疑为小数点错位", "a shifted decimal point"),
                           (Decimal(10), "疑为小数点错位", "a shifted decimal point")):
        for r in (factor, 1 / factor):
            if abs(ratio - r) <= r * Decimal("0.001"):
                return {"zh": zh, "en": en}
    written, should, diff = _differing_digits(fact, value)
    if len(diff) == 2 and diff[1] == diff[0] + 1 and written[diff[0]] == should[diff[1]] \
            and written[diff[1]] == should[diff[0]]:
        return {"zh": "疑为数字颠倒", "en": "two digits transposed"}
    return None


def _differing_digits(fact: Fact, value: Decimal) -> tuple[str, str, list[int]]:
    """The figure's digits as written and as `value` would write them (at its precision),
    and where they differ (no position when their lengths differ)."""
    written = str((fact.value / fact.scale).quantize(Decimal(1).scaleb(-fact.decimals))).replace(".", "")
    should = str((value / fact.scale).quantize(Decimal(1).scaleb(-fact.decimals))).replace(".", "")
    if len(written) != len(should):
        return written, should, []
    return written, should, [k for k in range(len(written)) if written[k] != should[k]]


def slip_explains(equation) -> bool:
    """One figure of the relation, changed as typists and converters change figures — one
    digit mistyped, two swapped, a shifted decimal point, 元 for 万元, the stated result
    (a total, a share) left at 0 as in an unfilled form — makes it hold."""
    for n, (fact, value) in enumerate(equation.solutions()):
        if n == 0 and fact.value == 0 and value:
            return True
        if value is None or value < 0 or (value == 0) != (fact.value == 0):
            continue
        if slip_class(fact, value) is not None or len(_differing_digits(fact, value)[2]) == 1:
            return True
    return False
