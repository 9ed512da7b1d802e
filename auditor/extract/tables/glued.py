"""Figures that lost their cell boundaries: read only where arithmetic pins them down.

Two things go wrong when a table is flattened: cells run together
("194.9194.9100%", "1484631.00%"), and empty cells vanish, so a row of five
figures under six columns no longer says which column is empty.  Both leave
several readings of one row.  A reading is kept only when the row's own
arithmetic singles it out:

- 执行率 = 执行数 / 预算数 (a rate above 0: "0%" holds for any small 执行数 and
  pins nothing);
- 得分 = 分值 × 执行率 where the header states that rule ("得分(20分*执行率)");
- a 其中 row: the total row's figure = the sum of its parts (with at least two
  parts stated: one part equal to its total holds for any reading of both).

Readings that agree on every figure's column are one reading (a 年初 or 全年
预算数 left unresolved is read as "预算数").  When no reading, or more than one
disagreeing reading, holds, the row is refused: a table read wrongly is worse
than a table not read.
"""

from __future__ import annotations

from dataclasses import field
from decimal import Decimal
from functools import lru_cache
from itertools import product

from auditor import lazyre
from auditor.extract.tables.columns import AMOUNT_ROLES, BUDGET_ROLES, UNREAD_ROLES
from auditor.records import dataclass

# (a cell may leave a space before its unit, as PDF text does: "97.80 %")
_ONE = lazyre.compile(r"(?:0|[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d*)(?:\.\d+)?(?:[ \t]?(?:万元|万|亿元|元|%))?")
_NOT_DIGIT = lazyre.compile(r"[^\d.]")
_UNIT_END = lazyre.compile(r"[万元]$")
MAX_READINGS = 400
MAX_COMBINATIONS = 1000  # splits of a row's cells tried together


@dataclass(frozen=True, slots=True)
class Piece:
    """One figure of a row, where it stands in the original text."""

    text: str
    start: int
    end: int

    @property
    def percent(self) -> bool:
        return self.text.endswith("%")

    @property
    def unit(self) -> bool:
        return bool(_UNIT_END.search(self.text))

    @property
    def number(self) -> Decimal:
        return _number(self.text)

    @property
    def decimals(self) -> int:
        return _decimals(self.text)


# (a row's figures are asked for their number and decimals again for every reading tried: read once a text)
@lru_cache(maxsize=4096)
def _number(text: str) -> Decimal:
    return Decimal(_NOT_DIGIT.sub("", text))


@lru_cache(maxsize=4096)
def _decimals(text: str) -> int:
    digits = _NOT_DIGIT.sub("", text)
    return len(digits.split(".")[1]) if "." in digits else 0


@dataclass
class Reading:
    """Which column each figure of a row stands in."""

    roles: dict[str, Piece]
    via: tuple[str, ...] = ()

    def key(self) -> frozenset:
        return frozenset((p.start, p.end, r) for r, p in self.roles.items())


@dataclass
class RowFigures:
    """A row's figure cells as written: each a figure, a run of glued figures, or empty."""

    cells: list[Piece | None]  # None: an empty cell
    glued: bool = False
    positional: bool = False  # the cells stand in their columns (nothing was dropped)
    part: bool = False  # a 其中 row (a source of the row above it)
    readings: list[Reading] = field(default_factory=list)


_LONGEST = 24  # characters of one figure in a cell ("1,234,567,890.12万元")
_LONGEST_RUN = 240  # characters of a run of glued figures: ten long figures


@lru_cache(maxsize=512)
def _splits(text: str) -> tuple[tuple[tuple[int, int], ...], ...]:
    """Every way to read `text` as figures written one after another (at most MAX_READINGS).

    The ways a figure may end at each position are found once, and the walk only steps to
    positions from which the rest of the text can still be read: without that, a run no
    reading completes (hundreds of digits) is tried in exponentially many ways."""
    n = len(text)
    if n > _LONGEST_RUN:
        return ()  # more figures run together than a row of a table holds: no reading
    ends: list[list[int]] = [[] for _ in range(n)]
    for pos in range(n):
        for end in range(min(n, pos + _LONGEST), pos, -1):
            if (end == n or text[end] not in ".,") and _ONE.fullmatch(text, pos, end):
                ends[pos].append(end)  # (a figure does not end right before its own decimal point)
    finishes = [False] * (n + 1)
    finishes[n] = True
    for pos in range(n - 1, -1, -1):
        finishes[pos] = any(finishes[end] for end in ends[pos])
    out: list[tuple[tuple[int, int], ...]] = []

    def walk(pos: int, acc: list[tuple[int, int]]) -> None:
        if len(out) >= MAX_READINGS:
            return
        if pos == n:
            out.append(tuple(acc))
            return
        for end in ends[pos]:
            if finishes[end]:
                acc.append((pos, end))
                walk(end, acc)
                acc.pop()

    if finishes[0]:
        walk(0, [])
    return tuple(out)


def splits(text: str, start: int) -> list[list[Piece]]:
    compact = text.replace(" ", "")
    if compact != text:  # glued runs are read without the spaces a PDF left in them
        return []
    return [[Piece(text[a:b], start + a, start + b) for a, b in s] for s in _splits(text)]


def base_role(key: str) -> str:
    """A column key's role: "actual#2" (a second 决算数 column) is an "actual"."""
    return key.split("#")[0]


def fits(piece: Piece, key: str | None, plain_rates: bool = True) -> bool:
    """Can a figure stand in a column of this key?  A rate written without "%" is
    read as one only where the table writes its rates so."""
    if key is None:
        return False
    r = base_role(key)
    if r in UNREAD_ROLES:
        return True
    if r == "share":
        return (piece.percent or not piece.unit) and piece.number <= 100
    if r in {"rate", "score_rate"}:
        return (piece.percent and piece.number < 1000) or (plain_rates and not piece.unit and piece.number <= 300)
    if piece.percent:
        return False
    if r == "weight":  # (a weight is written whole or to two decimals at most: "5.6410" is a split in the wrong place)
        return not piece.unit and piece.number <= 100 and len(piece.text.partition(".")[2]) <= 2
    if r == "score":
        return not piece.unit and piece.number <= 100
    return r in AMOUNT_ROLES


def alignments(pieces: list[Piece], roles: list[str | None], plain_rates: bool = False) -> list[dict[str, Piece]]:
    """Every order-keeping placement of the figures in columns they fit."""
    out: list[dict[str, Piece]] = []
    dead: set[tuple[int, int]] = set()  # (figure, column) from which no placement completes

    def walk(i: int, j: int, acc: dict[str, Piece]) -> None:
        if len(out) >= MAX_READINGS or (i, j) in dead:
            return
        if i == len(pieces):
            out.append(dict(acc))
            return
        found = len(out)
        for k in range(j, len(roles) - (len(pieces) - i) + 1):
            role = roles[k]
            if role is None or role in acc or not fits(pieces[i], role, plain_rates):
                continue
            acc[role] = pieces[i]
            walk(i + 1, k + 1, acc)
            del acc[role]
        if len(out) == found:
            dead.add((i, j))  # (columns are keyed one role each, so what is placed before does not matter)

    walk(0, 0, {})
    return out


def candidate_readings(row: RowFigures, roles: list[str | None], plain_rates: bool = False) -> list[Reading]:
    """Every reading of a row's figures under the header's columns (a part row, under
    其中, first without 分值 and 得分, which the template leaves to the total row, and
    with its rates written as rates)."""
    if row.part and not row.positional:
        reduced = [None if k is not None and base_role(k) in {"weight", "score"} else k for k in roles]
        out = _readings(row, reduced, False)
        if out:
            return out
    return _readings(row, roles, plain_rates)


def _readings(row: RowFigures, roles: list[str | None], plain_rates: bool) -> list[Reading]:
    if row.positional and not row.glued:
        placed = {role: p for p, role in zip(row.cells, roles) if p is not None and role is not None}
        if all(fits(p, role) for role, p in placed.items()):
            return [Reading(placed)]
        return []
    options: list[list[list[Piece]]] = []
    for cell in row.cells:
        if cell is None:
            continue
        if _ONE.fullmatch(cell.text) and not (cell.percent and cell.number >= 1000):
            options.append([[cell]])
        else:
            split = splits(cell.text, cell.start)
            if not split:
                return []
            options.append(split)
    out: list[Reading] = []
    via = ("run-together cells split by the row's arithmetic",) if row.glued else \
          ("cells placed in their columns by the row's arithmetic",)
    columns = sum(1 for r in roles if r is not None)
    for tried, combo in enumerate(product(*options)):
        if tried >= MAX_COMBINATIONS:
            break  # so many ways to split the cells that no reading of them is certain anyway
        pieces = [p for part in combo for p in part]
        if len(pieces) > columns:
            continue
        for placed in alignments(pieces, roles, plain_rates):
            out.append(Reading(placed, via))
            if len(out) >= MAX_READINGS:
                return out
    return out


def _close(stated: Decimal, decimals: int, computed: Decimal) -> bool:
    return abs(stated - computed) <= Decimal(5).scaleb(-(decimals + 1))


def rate_pins(reading: Reading, base: str | None = None) -> bool:
    """执行率 = 执行数 / a budget of the row, with a rate above 0."""
    rate, actual = reading.roles.get("rate"), reading.roles.get("actual")
    if rate is None or actual is None or rate.number == 0:
        return False
    bases = [base] if base else list(BUDGET_ROLES)
    for b in bases:
        den = reading.roles.get(b)
        if den is None or den.number == 0:
            continue
        num_v, den_v = _amount(actual), _amount(den)
        if num_v is None or den_v is None or den_v == 0:
            continue
        # the amounts' own rounding widens what the rate may be
        lo = (num_v - _half(actual)) / (den_v + _half(den)) * 100
        hi = (num_v + _half(actual)) / max(den_v - _half(den), Decimal("1e-9")) * 100
        slack = Decimal(5).scaleb(-(rate.decimals + 1))
        if lo - slack <= rate.number <= hi + slack:
            return True
    return False


def score_pins(reading: Reading) -> bool:
    """得分 = 分值 × 执行率 (capped at 分值), for a header that states the rule."""
    score, weight, rate = (reading.roles.get(r) for r in ("score", "weight", "rate"))
    if score is None or rate is None or weight is None or rate.number == 0:
        return False
    expected = min(weight.number, weight.number * rate.number / 100)
    return _close(score.number, score.decimals, expected)


def _amount(p: Piece) -> Decimal | None:
    scale = Decimal(10000) if "万" in p.text else Decimal(1)
    return p.number * scale


def _half(p: Piece) -> Decimal:
    scale = Decimal(10000) if "万" in p.text else Decimal(1)
    return Decimal(5).scaleb(-(p.decimals + 1)) * scale


def agreed(readings: list[Reading]) -> Reading | None:
    """One reading all of `readings` agree on, generalising 年初/全年预算数 to 预算数."""
    if not readings:
        return None
    spans = {frozenset((p.start, p.end) for p in r.roles.values()) for r in readings}
    if len(spans) != 1:
        return None
    by_span: dict[tuple[int, int], set[str]] = {}
    pieces: dict[tuple[int, int], Piece] = {}
    for r in readings:
        for role, p in r.roles.items():
            by_span.setdefault((p.start, p.end), set()).add(role)
            pieces[(p.start, p.end)] = p
    roles: dict[str, Piece] = {}
    for span, names in by_span.items():
        if len(names) == 1:
            key = next(iter(names))
        elif all(n in BUDGET_ROLES for n in names):
            key = "budget"
        else:
            return None
        if key in roles:
            return None
        roles[key] = pieces[span]
    return Reading(roles, readings[0].via)


def resolve_row(row: RowFigures, roles: list[str | None], base: str | None, score_rule: bool,
                plain_rates: bool = False, first_total: str | None = None) -> Reading | None:
    """The one reading a row's own arithmetic allows, if there is one (a row whose cells
    were only dropped, with a single placement its figures and columns allow, needs no
    arithmetic; a run-together row always does)."""
    readings = candidate_readings(row, roles, plain_rates)
    row.readings = readings
    if len(readings) == 1 and not row.glued:
        return readings[0]
    held = [r for r in readings if rate_pins(r, base) or (score_rule and score_pins(r))]
    if not held and first_total is not None and not row.glued:
        return _total_placed(readings, roles, first_total)
    return agreed(held)


def _total_placed(readings: list[Reading], roles: list[str | None], total: str) -> Reading | None:
    """"合计 | 基本支出 | 项目支出" over "2010101 行政运行 980.40 980.40": a row that leaves some columns
    blank, its figures set apart by spaces.  The placements in which the first column is the sum of
    the others all put the row's first figure under 合计; which of the others the rest stand under
    the text does not say, so they stay unplaced (the row's total is read, its parts are not)."""
    parts = [k for k in roles if k is not None and k != total and base_role(k) in AMOUNT_ROLES]
    held = []
    for r in readings:
        whole = r.roles.get(total)
        placed = [r.roles[k] for k in parts if k in r.roles]
        if whole is None or not placed or any(_amount(p) is None for p in (whole, *placed)):
            continue
        gap = abs(_amount(whole) - sum(_amount(p) for p in placed))
        if gap <= _half(whole) + sum(_half(p) for p in placed):
            held.append(r)
    if not held or len({(r.roles[total].start, r.roles[total].end) for r in held}) != 1:
        return None
    keep = {k: p for k, p in held[0].roles.items()
            if all(h.roles.get(k) is not None and (h.roles[k].start, h.roles[k].end) == (p.start, p.end) for h in held)}
    return Reading(keep, ("blank cells: the row's total placed by the columns' sum, its other figures unplaced",)
                   if len(keep) < len(held[0].roles) else held[0].via)


def resolve_with_sums(total: RowFigures, parts: list[RowFigures], fixed: dict[int, Reading],
                      complete: bool) -> dict[int, Reading]:
    """Rows no reading of their own singles out, read together: the 其中 rows add to
    their total in every amount column where at least two parts are stated.

    `fixed` holds the readings already decided (0 = the total, n = parts[n - 1]).
    Returns the readings decided here (same numbering)."""
    rows = [total, *parts]
    open_rows = [n for n, r in enumerate(rows) if n not in fixed and r.readings]
    if not open_rows:
        return {}
    options = [rows[n].readings for n in open_rows]
    size = 1
    for o in options:
        size *= len(o)
    if size > 20000:
        return {}
    held: list[dict[int, Reading]] = []
    for combo in product(*options):
        chosen = dict(fixed)
        chosen.update(zip(open_rows, combo))
        pinned = _sums_hold(chosen, len(rows), complete)
        if pinned is not None and all(n in pinned for n in open_rows):
            held.append({n: chosen[n] for n in open_rows})
            if len(held) > 50:
                return {}
    out: dict[int, Reading] = {}
    for n in open_rows:
        one = agreed([h[n] for h in held])
        if one is None:
            return {}
        out[n] = one
    return out


def _sums_hold(chosen: dict[int, Reading], n_rows: int, complete: bool) -> set[int] | None:
    """The rows a holding sum pins, or None when a sum with at least two parts fails."""
    pinned: set[int] = set()
    total = chosen.get(0)
    if total is None:
        return None
    keys = {k for r in chosen.values() for k in r.roles if base_role(k) in AMOUNT_ROLES}
    for key in sorted(keys):
        t = total.roles.get(key)
        parts = [(n, chosen[n].roles[key]) for n in range(1, n_rows) if n in chosen and key in chosen[n].roles]
        if t is None or len(parts) < 2:
            continue
        value = sum((_amount(p) for _, p in parts), Decimal(0))
        slack = sum((_half(p) for _, p in parts), _half(t))
        ok = abs(_amount(t) - value) <= slack if complete else value <= _amount(t) + slack
        if not ok:
            return None
        if complete:
            pinned.add(0)
            pinned.update(n for n, _ in parts)
    return pinned
