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

from dataclasses import dataclass
from decimal import Decimal
from typing import Callable

from auditor.check.arithmetic import Value, compare
from auditor.extract.model import Fact

_TEN_THOUSAND = Decimal(10000)


@dataclass(frozen=True)
class Slip:
    figure: Fact
    kind: str  # "unit" | "decimal" | "transposed"
    should_be: str  # the figure as it should be written
    message: dict[str, str]  # language → "（471.23元的单位应为万元）"


def _with_value(fact: Fact, value: Decimal) -> Fact:
    return fact.model_copy(update={"value": value})


def find_slip(figures: list[Fact], holds: Callable[[list[Fact]], bool]) -> Slip | None:
    """The one figure whose slip, undone, makes `holds(figures)` true (None if none or several)."""
    found: list[Slip] = []
    for n, f in enumerate(figures):
        if f.kind != "amount":
            continue
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
