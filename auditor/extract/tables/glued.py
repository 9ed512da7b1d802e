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
from auditor.extract.bind.reasons import SPLIT_BY_HEADER, SPLIT_BY_PARTS, TOTAL_BY_COLUMNS
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
    exhaustive: bool = True  # every reading of its cells was tried (none cut off by the limits)
    part: bool = False  # a 其中 row (a source of the row above it)
    maybe_run: bool = False  # its one figure may be figures run together, as the table's other rows write theirs
    common_size: bool = False  # a row of a common-size statement: its 百分比 may pass 100 (see common_size)
    readings: list[Reading] = field(default_factory=list)


# (a figure run into others is written to four decimals at most — 万元 to the 元 —: "4093.394258" is 4093.39 and the
# figure after it, not one figure; the walk over a long run stays within the readings it may have)
_FEW_DECIMALS = lazyre.compile(r"[^.]*(?:\.\d{1,4}[^\d]*)?")
_LONGEST = 24  # characters of one figure in a cell ("1,234,567,890.12万元")
_LONGEST_RUN = 240  # characters of a run of glued figures: ten long figures


@lru_cache(maxsize=512)
def _splits(text: str, most: int = _LONGEST_RUN) -> tuple[tuple[tuple[int, int], ...], ...]:
    """Every way to read `text` as figures written one after another (at most MAX_READINGS), in `most` figures
    at most (a row holds no more figures than its header has columns: the walk stops there, so the readings
    of a long run are not cut off by the ones of too many figures).

    The ways a figure may end at each position are found once, and the walk only steps to
    positions from which the rest of the text can still be read: without that, a run no
    reading completes (hundreds of digits) is tried in exponentially many ways."""
    n = len(text)
    if n > _LONGEST_RUN:
        return ()  # more figures run together than a row of a table holds: no reading
    ends: list[list[int]] = [[] for _ in range(n)]
    for pos in range(n):
        for end in range(min(n, pos + _LONGEST), pos, -1):
            if (end == n or text[end] not in ".,") and _ONE.fullmatch(text, pos, end) \
                    and _FEW_DECIMALS.fullmatch(text, pos, end):
                ends[pos].append(end)  # (a figure does not end right before its own decimal point)
    # (the fewest figures the rest of the text from each position can be read as: none, where it cannot)
    never = n + 1
    fewest = [never] * (n + 1)
    fewest[n] = 0
    for pos in range(n - 1, -1, -1):
        fewest[pos] = min((fewest[end] + 1 for end in ends[pos] if fewest[end] < never), default=never)
    out: list[tuple[tuple[int, int], ...]] = []
    # (the splits whose figures have two decimals at most — money to the 分, rates and scores — are walked first: where a
    # run has more readings than are kept, "2456.182456.182456.1810100%", those kept are not all of figures of three
    # and four decimals — "2456.1824 | 56.1824 | …" — with the row's own split among those cut off)
    plain = [[end for end in ends[pos] if _decimals(text[pos:end]) <= _PLAIN_DECIMALS] for pos in range(n)]

    def walk(pos: int, acc: list[tuple[int, int]], steps: list[list[int]], second: bool) -> None:
        if len(out) >= MAX_READINGS or len(acc) + fewest[pos] > most:
            return
        if pos == n:
            if not (second and all(_decimals(text[a:b]) <= _PLAIN_DECIMALS for a, b in acc)):
                out.append(tuple(acc))
            return
        for end in steps[pos]:
            if fewest[end] < never:
                acc.append((pos, end))
                walk(end, acc, steps, second)
                acc.pop()

    if fewest[0] < never:
        walk(0, [], plain, False)
        walk(0, [], ends, True)
    del walk  # (the walk calls itself through its closure: a cycle the collector would have to find)
    return tuple(out)


_PLAIN_DECIMALS = 2


def splits(text: str, start: int, most: int = _LONGEST_RUN) -> list[list[Piece]]:
    compact = text.replace(" ", "")
    if compact != text:  # glued runs are read without the spaces a PDF left in them
        return []
    return [[Piece(text[a:b], start + a, start + b) for a, b in s] for s in _splits(text, most)]


def base_role(key: str) -> str:
    """A column key's role: "actual#2" (a second 决算数 column) is an "actual"."""
    return key.split("#")[0]


def fits(piece: Piece, key: str | None, plain_rates: bool = True, common_size: bool = False) -> bool:
    """Can a figure stand in a column of this key?  A rate written without "%" is
    read as one only where the table writes its rates so; a share over 100 only in a
    common-size statement, written with its decimals (營業成本 118.37 of 營業收入)."""
    if key is None:
        return False
    r = base_role(key)
    if r in UNREAD_ROLES:
        return True
    if r == "share":
        return (piece.percent or not piece.unit) and \
            (piece.number <= 100 or (common_size and "." in piece.text and piece.number < 1000))
    if r in {"rate", "score_rate"}:
        return (piece.percent and piece.number < 1000) or (plain_rates and not piece.unit and piece.number <= 300)
    if piece.percent:
        return False
    if r == "weight":  # (a weight is written whole or to two decimals at most: "5.6410" is a split in the wrong place)
        return not piece.unit and piece.number <= 100 and len(piece.text.partition(".")[2]) <= 2
    if r == "score":
        return not piece.unit and piece.number <= 100
    return r in AMOUNT_ROLES


def alignments(pieces: list[Piece], roles: list[str | None], plain_rates: bool = False,
               common_size: bool = False) -> list[dict[str, Piece]]:
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
            if role is None or role in acc or not fits(pieces[i], role, plain_rates, common_size):
                continue
            acc[role] = pieces[i]
            walk(i + 1, k + 1, acc)
            del acc[role]
        if len(out) == found:
            dead.add((i, j))  # (columns are keyed one role each, so what is placed before does not matter)

    walk(0, 0, {})
    del walk  # (the walk calls itself through its closure: a cycle the collector would have to find)
    return out


def candidate_readings(row: RowFigures, roles: list[str | None], plain_rates: bool = False) -> list[Reading]:
    """Every reading of a row's figures under the header's columns (a part row, under
    其中, first without 分值 and 得分, which the template leaves to the total row, and
    with its rates written as rates)."""
    if row.part and not row.positional:
        reduced = _without_scores(roles)
        out = _readings(row, reduced, False)
        if out:
            return out
    return _readings(row, roles, plain_rates)


def _without_scores(roles: list[str | None]) -> list[str | None]:
    """The header's columns but its 分值 and 得分, which a 其中 row of a 自评表 leaves to the total row."""
    return [None if k is not None and base_role(k) in {"weight", "score"} else k for k in roles]


def _readings(row: RowFigures, roles: list[str | None], plain_rates: bool) -> list[Reading]:
    if row.positional and not row.glued:
        placed = {role: p for p, role in zip(row.cells, roles) if p is not None and role is not None}
        if all(fits(p, role, common_size=row.common_size) for role, p in placed.items()):
            return [Reading(placed)]
        return []
    options: list[list[list[Piece]]] = []
    columns = sum(1 for r in roles if r is not None)
    # (a cell's run holds no more figures than the columns the row's other cells leave it, one figure each at least)
    filled = sum(1 for cell in row.cells if cell is not None)
    for cell in row.cells:
        if cell is None:
            continue
        room = max(1, columns - (filled - 1))
        if _ONE.fullmatch(cell.text) and not (cell.percent and cell.number >= 1000):
            # ("当年财政拨款300300296.4———" under a run-together "年度资金总额300300296.41098.8%9.88": one figure, or the
            # row's figures run together — the sums with its total row say which)
            options.append([[cell], *(s for s in splits(cell.text, cell.start, room) if len(s) > 1)]
                           if row.maybe_run else [[cell]])
        else:
            split = splits(cell.text, cell.start, room)
            if not split:
                return []
            if len(split) >= MAX_READINGS:
                row.exhaustive = False
            options.append(split)
    out: list[Reading] = []
    via = ("run-together cells split by the row's arithmetic",) if row.glued else \
          ("cells placed in their columns by the row's arithmetic",)
    for tried, combo in enumerate(product(*options)):
        if tried >= MAX_COMBINATIONS:
            row.exhaustive = False
            break  # so many ways to split the cells that no reading of them is certain anyway
        pieces = [p for part in combo for p in part]
        if len(pieces) > columns:
            continue
        for placed in alignments(pieces, roles, plain_rates, row.common_size):
            out.append(Reading(placed, via))
            if len(out) >= MAX_READINGS:
                row.exhaustive = False
                return out
    return out


def _close(stated: Decimal, decimals: int, computed: Decimal) -> bool:
    return abs(stated - computed) <= Decimal(5).scaleb(-(decimals + 1))


def rate_pins(reading: Reading, base: str | None = None) -> bool:
    """执行率 = 执行数 / a budget of the row, with a rate above 0 (or, where the header names no base, / 到位数: some
    templates take 执行率 on the money that arrived, as the table's rate check allows)."""
    rate, actual = reading.roles.get("rate"), reading.roles.get("actual")
    if rate is None or actual is None or rate.number == 0:
        return False
    bases = [base] if base else [*BUDGET_ROLES, "received"]
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


def common_size(roles: list[str | None], first: Reading) -> bool:
    """Is this a common-size statement (a 損益表 of the dgbas: "金額 | % | 金額 | % …", every pair 100 in its first
    row)?  There each 百分比 is of the column's 100 row, which 營業成本 or 營業外收入 may pass: 118.37 stands in its
    column.  Elsewhere a share over 100 is no share (a split in the wrong place, or a figure of another column)."""
    pairs = [(roles[n - 1], key) for n, key in enumerate(roles) if n and key and base_role(key) == "share"
             and roles[n - 1] and base_role(roles[n - 1]) in AMOUNT_ROLES]
    return len(pairs) >= 2 and all(amount in first.roles and share in first.roles
                                   and first.roles[share].number == 100 for amount, share in pairs)


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
    full = _full(readings, roles) if row.glued and held else []
    if full and not _full(held, roles) \
            and min(map(_amount_decimals, full)) < min(map(_amount_decimals, held)):
        # the split the rate pins gives the amounts more decimals than a split that fills every column alike: the
        # plausible splits disagree.  The one whose amounts are of one size is the row's — "194.9194.9174.910100%10"
        # holds 100% only as 194.919 | 4.917 | 4.9, budgets of 3 and 1 whole digits, beside 194.9 | 194.9 | 174.9 | 10 |
        # 100% | 10 (not called consistent: read by its header's columns, it warns); "180.5176.25170.41096.68%9.67" is
        # 180.5 | 176.25 | 170.4 (170.40, its zero dropped), not the alike 180.5 | 176.2 | 5170.4 at 2934 %.  Neither
        # or both of one size: which split is the row's is open, and nothing is read of it.
        sized = [r for r in _filled(held, roles) if _one_size(r)]
        alike_sized = any(_one_size(r) for r in plainest(full))
        if sized and not alike_sized:
            held = sized
        elif not sized and alike_sized:
            held = []
        else:
            return None
    if not held and first_total is not None and not row.glued:
        return _total_placed(readings, roles, first_total)
    one = agreed(held)
    if one is None and len(held) > 1 and not score_rule:
        # ("年度资金总额300300296.41098.8%9.88": 296.4 | 10 or 296.41 | 0 — the rate holds in both; of those, the ones
        # whose 得分 is also 分值 × 执行率, the 自评表's rule for its funds row, where the header does not state it)
        one = agreed([r for r in held if score_pins(r)])
    if one is None and len(held) > 1:
        # (readings its rate holds in that split the amounts apart differently, "50.0050.0048.60…": those whose
        # amounts share their decimals, as a row's amounts do — "50.005 | 0.00" does not)
        one = agreed(plainest([r for r in held if alike_decimals(r)]))
    if one is None and len(held) > 1 and row.glued:
        # ("年度资金总额2002001801090%6": the rate holds in 200 | 200 | 180 | 10 | 90% | 6, and in splits that leave columns
        # empty, "200200180 | 1 | 0 | 90%" — the one split it holds in that fills every column, its amounts alike and of one
        # size, is the row's: read by the header's columns, what it states warns at most)
        whole = [r for r in _full(held, roles) if _one_size(r)]
        if len(whole) == 1:
            one = Reading(whole[0].roles, (BY_HEADER,))
    if one is None and not held and row.glued and row.exhaustive:
        if None not in row.cells:
            one = _by_header(readings, roles)
        elif row.part:
            # (a 其中 row that writes its 分值 and 得分 as dashes, "项目支出36.2050.1082.24—104.27%—": every column but
            # those filled, its amounts alike in decimals — not a split that fills the dashed columns)
            one = _by_header(readings, _without_scores(roles))  # (only over every reading there is: one not tried may be the one)
    return one


# the via of a row no arithmetic of its own pins, split by its header's columns alone: what it states may only warn
BY_HEADER = SPLIT_BY_HEADER


def alike_decimals(reading: Reading) -> bool:
    """Do the reading's amounts share one number of decimals (a row's money written alike)?"""
    return len({p.decimals for k, p in reading.roles.items() if base_role(k) in AMOUNT_ROLES}) <= 1


def _by_header(readings: list[Reading], roles: list[str | None]) -> Reading | None:
    """A run-together row no arithmetic of its own pins (its rate does not hold however it is split): the one
    reading that puts a figure in every column of the header, its amounts alike in decimals (and the fewest) and its
    rate written with "%", if only one does — and its amounts are more than one (two budgets, or a budget and 执行数,
    whose written decimals the split must keep)."""
    full = [r for r in _full(readings, roles) if any(p.decimals for k, p in r.roles.items() if base_role(k) in AMOUNT_ROLES)]
    one = agreed(plainest(full))
    return None if one is None else Reading(one.roles, (BY_HEADER,))


def plainest(readings: list[Reading]) -> list[Reading]:
    """Of readings whose amounts are alike in decimals, those with the fewest: a split that gives the amounts more
    takes digits of the figure after them ("1230.4521 | 69.7221 | 69.7210" beside "1230.45 | 2169.72 | 2169.72",
    "50.005 | 0.004 | 8.601" beside "50.00 | 50.00 | 48.60")."""
    fewest = min((_amount_decimals(r) for r in readings), default=0)
    return [r for r in readings if _amount_decimals(r) == fewest]


def _one_size(reading: Reading) -> bool:
    """Are the reading's amounts (those not zero) written with as many whole digits each, as a funds row's 年初预算,
    全年预算 and 执行数 mostly are ("180.5 | 176.25 | 170.4", not "180.5 | 176.2 | 5170.4")?"""
    return len({len(str(int(abs(p.number)))) for k, p in reading.roles.items()
                if base_role(k) in AMOUNT_ROLES and p.number}) <= 1


def _full(readings: list[Reading], roles: list[str | None]) -> list[Reading]:
    """The readings that put a figure in every column of the header, its amounts (two at least) alike in decimals and
    its rates written with "%"."""
    return [r for r in _filled(readings, roles) if alike_decimals(r)]


def _filled(readings: list[Reading], roles: list[str | None]) -> list[Reading]:
    """The readings that put a figure in every column of the header (its amounts two at least), its rates written
    with "%", whatever the amounts' decimals."""
    keys = [k for k in roles if k is not None]
    if sum(1 for k in keys if base_role(k) in AMOUNT_ROLES) < 2:
        return []
    return [r for r in readings if len(r.roles) == len(keys)
            and all(r.roles[k].percent for k in keys if base_role(k) == "rate")
            # (a rate of 0 beside money spent: its digits are the figures' around it — "390 | 30910 | 0%")
            and not any(base_role(k) == "rate" and not r.roles[k].number and "actual" in r.roles
                        and r.roles["actual"].number for k in keys)]


def by_parts(total: RowFigures, parts: list[Reading], roles: list[str | None]) -> Reading | None:
    """A run-together total row neither its own arithmetic nor its 其中 rows pin whole ("390309100%" over
    中央 390 | 390 | 100%, 地方 0 | 0 | 0%): of the readings that fill every column, the one in which the 其中 rows
    make the total in the most amount columns — at least one —, if only one does.  The columns where they do not
    are what the row states against them: it may only warn (the via says so)."""
    if not total.exhaustive:
        return None  # (a reading not tried may be the one)
    scored: list[tuple[int, Reading]] = []
    for r in _full(total.readings, roles):
        held = 0
        for key, whole in r.roles.items():
            if base_role(key) not in AMOUNT_ROLES:
                continue
            cells = [p.roles[k] for p in parts for k in p.roles
                     if k == key or (base_role(k) in BUDGET_ROLES and base_role(key) in BUDGET_ROLES)]
            if sum(1 for c in cells if c.number) < 1 or len(cells) < 2:
                continue
            value = sum((_amount(c) for c in cells), Decimal(0))
            held += abs(_amount(whole) - value) <= sum((_half(c) for c in cells), _half(whole))
        scored.append((held, r))
    most = max((h for h, _ in scored), default=0)
    if not most:
        return None
    one = agreed([r for h, r in scored if h == most])
    return None if one is None else Reading(one.roles, (SPLIT_BY_PARTS,))


def total_by_columns(total: RowFigures, parts: list[Reading]) -> Reading | None:
    """"合计 | 2413.65 | 2356.41 | 1929.20 | 77.63" under "预算数 | 到位数 | 支出数 | 执行率% | 得分 | 等级", its last cells
    dropped, no arithmetic of its own pinning it: of its readings, those in which the rows above make it in the most
    amount columns (two at least, and more than any other placement), and of them only the figures they all place
    alike — the amounts; a figure they place in different columns (a rate or a score) stays unplaced.  The columns
    where the rows do not make it are what the row states against them: it may only warn (the via says so)."""
    if not total.exhaustive or len(parts) < 2:
        return None
    scored: list[tuple[int, Reading]] = []
    for r in total.readings:
        held = 0
        for key, whole in r.roles.items():
            if base_role(key) not in AMOUNT_ROLES:
                continue
            cells = [p.roles[key] for p in parts if key in p.roles]
            if len(cells) < len(parts) or _amount(whole) is None or any(_amount(c) is None for c in cells):
                continue
            value = sum((_amount(c) for c in cells), Decimal(0))
            held += abs(_amount(whole) - value) <= sum((_half(c) for c in cells), _half(whole))
        scored.append((held, r))
    most = max((h for h, _ in scored), default=0)
    if most < 2:
        return None
    best = [r for h, r in scored if h == most]
    first = best[0]
    keep = {k: p for k, p in first.roles.items() if base_role(k) in AMOUNT_ROLES
            and all(k in r.roles and (r.roles[k].start, r.roles[k].end) == (p.start, p.end) for r in best)}
    placed = {(p.start, p.end) for p in keep.values()}
    if len(keep) < 2 or any((p.start, p.end) in placed and k not in keep for r in best for k, p in r.roles.items()):
        return None
    return Reading(keep, (TOTAL_BY_COLUMNS,))


def _amount_decimals(reading: Reading) -> int:
    return max((p.decimals for k, p in reading.roles.items() if base_role(k) in AMOUNT_ROLES), default=0)


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
