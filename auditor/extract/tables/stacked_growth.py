"""A table of two years and their growth set one cell a line under a header that names its columns:

    一级指标 | ⏎ 二级指标 | ⏎ 单位 | ⏎ 上年度 | ⏎ 本年度 | ⏎ 增长 |     the header, a name a line (bars kept or not),
    (2018年) | ⏎ (2019年) |                                      perhaps the years of the two columns,
    经济指标 | ⏎ 总收入 | ⏎ 万元 | ⏎ 2949.95 | ⏎ 2915.14 | ⏎ -1.19% |  then each row: its names (a group's name on
    总支出 | ⏎ 万元 | ⏎ 3164.66 | ⏎ 3158.76 | ⏎ -0.19% |            its first row only), its unit, its three cells

(a county hospital's 财务信息公开指标 as its web page leaves it).  The rows are rebuilt from the cells: a run of names
(as many as the header's columns of names at most), then the three cells of the named columns, each a figure or left
empty.  The growth is read as the header names it, (本年度 − 上年度) / 上年度, in the order the header gives the
columns — only where every growth is written in %, no row's growth that fails so is the difference of its two
figures instead (a column of points), and every row but one at most bears the column out: its growth holds, or it
is the change over the current year (the page's slip of the base, a contradiction still), its sign aside (reason
growth_header_cells).

The same table may be set one row a line ("一级指标 二级指标 单位 上年度 本年度 增长 ⏎ 经济指标 总收入 万元 21226.69
24309.16 14.52%"): each word of a line is a cell, a row and the header one line each, and a row's unit only a word
that is a unit (万元, 人次, %: the rows of 平均住院天数 write none).  Where rows of shares (their unit %) write their
growth bare, no %, beside rows writing it in % ("耗材收入占比 % 10.33 11.24 0.91"), those rows' growth is the
difference of their two shares in points: a fourth column (增长(百分点), CHG001), read where two such rows at least
stand, all but one hold and none that fails is a rate; a bare growth in a row of amounts leaves the table unread.
"""

from __future__ import annotations

from bisect import bisect_right
from decimal import Decimal

from auditor import lazyre
from auditor.extract.model import Fact, GridFormula, ScoreTable
from auditor.extract.tables.grid import GridRow, Token, cell_token, grid_table
from auditor.extract.vocabulary import Vocabulary
from auditor.normalise import Normalised

REASON = "growth_header_cells"
_HUNDRED = Decimal(100)
_MIN_ROWS = 3
_MAX_NAME = 30
_MAX_LEAD = 8  # (the most columns of names before 上年度 / 本年度 / 增长 a header may plausibly have)
_BARS = "|│｜ \t\u3000"
_GLOSS = lazyre.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")  # (a mirror's pinyin after a character: 增长(zhǎng))
_PREVIOUS = lazyre.compile(r"^(?:上年度?|上一年度?|上年数|上年同期|去年同期?)$")
_CURRENT = lazyre.compile(r"^(?:本年度?|本年数|本期|当年|今年)$")
_GROWTH = lazyre.compile(r"^(?:比上年|同比)?(?:增长|增减|增幅)(?:率|幅度)?(?:\(?[%％]\)?)?$")
_UNIT = lazyre.compile(r"^(?:单位|计量单位)$")
_YEAR = lazyre.compile(r"^[(（]?(?:19|20)\d{2}年度?[)）]?$")
_UNIT_CELL = lazyre.compile(r"^(?:%|％|‰|[万亿千百]?元|人次|人|天|日|次|个|床|张|户|项|家|所|台|件|吨|公里|米|平方米|小时|岁)$")
_WORD = lazyre.compile(r"[^\s|│｜]+")


def _cell(line: str) -> str:
    return _GLOSS.sub("", line.strip(_BARS)).replace(" ", "")


def _header(cells: list[tuple[str, int]], k: int, line_of=None) -> tuple[int, bool, dict[str, int], int] | None:
    """At cell k, a header naming 上年度, 本年度 and a growth as its last three columns: (the columns of names before
    them, whether one is the unit's, {"previous"|"current"|"growth": its place among the three}, the index of the
    first row's cell).  Given `line_of` (set a row a line), the header ends with its line.  The names are read up
    to _MAX_LEAD + 3 at most: tried at every cell, an unbounded scan of a long run of short words would cost the
    square of its length."""
    names, roles = [], None
    line = line_of(cells[k][1]) if line_of is not None and k < len(cells) else None
    while k + len(names) < len(cells) and len(names) < _MAX_LEAD + 3:
        text, start = cells[k + len(names)]
        if line is not None and line_of(start) != line:
            break  # (set a row a line, the header is one line)
        if not text or len(text) > _MAX_NAME or any(ch.isdigit() for ch in text) or cell_token(text, 0) is not None:
            break
        names.append(text)
        roles = _roles(names[-3:])
        if roles is not None:
            break  # (the header ends at its third named column: the first row's names follow)
    if len(names) < 4 or roles is None:
        return None
    lead = names[:-3]
    if any(_PREVIOUS.match(n) or _CURRENT.match(n) or _GROWTH.match(n) for n in lead):
        return None
    at = k + len(names)
    while at < len(cells) and _YEAR.match(cells[at][0]):
        at += 1
    return len(lead), any(_UNIT.match(n) for n in lead), roles, at


def _roles(last: list[str]) -> dict[str, int] | None:
    """Each of 上年度, 本年度 and the growth's place among these three names, or None."""
    roles = {}
    for place, name in enumerate(last):
        for role, pattern in (("previous", _PREVIOUS), ("current", _CURRENT), ("growth", _GROWTH)):
            if pattern.match(name):
                roles[role] = place
    return roles if len(roles) == 3 and len(set(roles.values())) == 3 else None


def _rows(cells: list[tuple[str, int]], at: int, lead: int, unit: bool, line_of,
          by_row: bool = False) -> list[tuple[GridRow, str]]:
    """The rows from cell `at` on, each with its unit ("" where none is written).  Set one cell a line, a row's last
    name is its unit where the header names one; set a row a line, only a name that is a unit (万元, 人次, %)."""
    rows = []
    while at < len(cells):
        names = []
        while at < len(cells) and cells[at][0] and cell_token(cells[at][0], 0) is None and len(names) <= lead:
            names.append(cells[at])
            at += 1
        if not names or len(names) > lead or at + 3 > len(cells):
            break
        slots = cells[at:at + 3]
        tokens = []
        for text, start in slots:
            token = Token("", start, None, 0, Decimal(1), Decimal(0)) if not text else cell_token(text, start)
            if token is None:
                break
            tokens.append(token)
        if len(tokens) < 3:
            break
        if by_row and len({line_of(start) for _, start in (*names, *slots)}) > 1:
            break  # (set a row a line, a row is one line)
        at += 3
        has_unit = unit and len(names) >= 2 and (not by_row or _UNIT_CELL.match(names[-1][0]) is not None)
        label, start = names[-2] if has_unit else names[-1]
        if len(label) > _MAX_NAME or any(ch.isdigit() for ch in label) or by_row and _UNIT_CELL.match(label):
            break
        rows.append((GridRow(label=label, start=start, line=line_of(start), tokens=tuple(tokens)),
                     names[-1][0] if has_unit else ""))
    return rows


def _explained(growth: Token, current: Token, previous: Token) -> str | None:
    """'holds' (on last year's figure), 'slip' (the change over the current year's, its sign aside), 'points' (the
    difference of the two figures) or None."""
    change = current.value - previous.value
    slack = current.tolerance + previous.tolerance
    if previous.value != 0:
        exact = change / previous.value * _HUNDRED
        spread = slack / abs(previous.value) * _HUNDRED * 2
        if abs(growth.value - exact) <= growth.tolerance + spread:
            return "holds"
    if abs(growth.value - change) <= growth.tolerance + slack and abs(change) > slack:
        return "points"
    if current.value != 0:
        slipped = abs(change / current.value * _HUNDRED)
        spread = slack / abs(current.value) * _HUNDRED * 2
        if abs(abs(growth.value) - slipped) <= growth.tolerance + spread:
            return "slip"
    return None


def read_stacked_growth(norm: Normalised, taken: set[int], vocab: Vocabulary,
                        first_id: int) -> list[tuple[ScoreTable, list[Fact], tuple[int, int]]]:
    """Every table of the text (not on `taken` lines) of a header naming 上年度 / 本年度 / 增长, a cell a line or a row
    a line."""
    if "增" not in norm.text:
        return []  # (every growth column's name holds 增: 增长, 增减, 增幅)
    lines = norm.lines()
    if not any("增" in line and (_GROWTH.match(_cell(line)) or _GROWTH.match(_cell(line.split()[-1])))
               for line, _ in lines):  # (the cheap test first: no growth column named — a line without 增 names none)
        return []
    starts = [start for _, start in lines]
    line_of = lambda s: bisect_right(starts, s) - 1  # noqa: E731
    cells = [(_cell(line), start + len(line) - len(line.lstrip(_BARS))) for n, (line, start) in enumerate(lines)
             if n not in taken and line.strip()]
    out = _tables(cells, norm, first_id, line_of, False)
    read = {n for _, _, (first, last) in out for n in range(first, last + 1)}
    # (set a row a line: "经济指标 总收入 万元 21226.69 24309.16 14.52%", each cell a word of its line)
    words = [(_cell(m.group()), start + m.start()) for n, (line, start) in enumerate(lines)
             if n not in taken and n not in read for m in _WORD.finditer(line)]
    return [*out, *_tables(words, norm, first_id + sum(len(f) for _, f, _ in out), line_of, True)]


def _tables(cells: list[tuple[str, int]], norm: Normalised, first_id: int, line_of,
            by_row: bool) -> list[tuple[ScoreTable, list[Fact], tuple[int, int]]]:
    out = []
    k = 0
    while k < len(cells):
        found = _header(cells, k, line_of if by_row else None)
        if found is None:
            k += 1
            continue
        lead, unit, roles, at = found
        if by_row and len({line_of(cells[i][1]) for i in range(k, k + lead + 3)}) > 1:
            k += 1
            continue  # (set a row a line, the header is one line)
        rows = _rows(cells, at, lead, unit, line_of, by_row)
        k = at + 1
        table = _table(rows, roles)
        if table is None:
            continue
        rows, formulas = table
        grid, facts = grid_table(rows, formulas, norm, first_id + sum(len(f) for _, f, _ in out),
                                 header=_names(roles, len(formulas) > 1))
        first, last = (line_of(s) for s in (rows[0].start, rows[-1].tokens[-1].start))
        out.append((grid, facts, (first, last)))
        end = rows[-1].tokens[-1].start  # (the cells run in the text's order: the table's last is at `at` or after)
        k = next((i for i in range(at, len(cells)) if cells[i][1] > end), len(cells))
    return out


def _names(roles: dict[str, int], points: bool) -> tuple[str, ...]:
    by_place = {place: role for role, place in roles.items()}
    return (*({"previous": "上年度", "current": "本年度", "growth": "增长(%)"}[by_place[p]] for p in range(3)),
            *(("增长(百分点)",) if points else ()))


def _table(rows: list[tuple[GridRow, str]], roles: dict[str, int]) -> tuple[list[GridRow], tuple[GridFormula, ...]] | None:
    """The rows and what their columns say: the growth over 上年度 in %; and where rows of shares (their unit %) write
    their growth bare, with no %, while the others write it in %, those rows' growth is the difference of their two
    shares in points (a column of its own, the fourth)."""
    g, c, p = roles["growth"], roles["current"], roles["previous"]
    # (a row of nothing last year, "0 | 0 | 0", bears out no base)
    full = [(r, u) for r, u in rows if all(t.value is not None for t in r.tokens) and r.tokens[p].value != 0]
    bare = [(r, u) for r, u in full if not r.tokens[g].text.endswith(("%", "％")) and r.tokens[g].value != 0]
    if bare and (any(u not in ("%", "％") for _, u in bare) or len(bare) < 2):
        return None  # (a growth with no % may be a difference of points)
    bare_ids = {id(r) for r, _ in bare}
    rated = [r for r, _ in full if id(r) not in bare_ids]
    if len(rated) < _MIN_ROWS:
        return None
    verdicts = [_explained(r.tokens[g], r.tokens[c], r.tokens[p]) for r in rated]
    if "points" in verdicts or sum(v is None for v in verdicts) > 1:
        return None
    held = verdicts.count("holds")
    growth = GridFormula(kind="growth", target=g, operands=(c, p), reason=REASON, support=held, rows=len(rated))
    if not bare:
        return [r for r, _ in rows], (growth,)
    # (the bare growths: the difference of the two shares in each but one at most, and none that fails is a rate)
    points = [_points(r.tokens[g], r.tokens[c], r.tokens[p]) for r, _ in bare]
    if sum(not ok for ok in points) > 1 or any(not ok and _explained(r.tokens[g], r.tokens[c], r.tokens[p])
                                               for ok, (r, _) in zip(points, bare)):
        return None
    empty = lambda t: Token("", t.start, None, 0, Decimal(1), Decimal(0))  # noqa: E731
    split = []
    for r, u in rows:
        t = r.tokens
        if id(r) in bare_ids:
            t = tuple(empty(x) if n == g else x for n, x in enumerate(t)) + (t[g],)
        else:
            t = (*t, empty(t[-1]))
        split.append(GridRow(label=r.label, start=r.start, line=r.line, tokens=t))
    change = GridFormula(kind="change", target=3, operands=(c, p), reason=REASON, support=sum(points),
                         rows=len(bare))
    return split, (growth, change)


def _points(growth: Token, current: Token, previous: Token) -> bool:
    """Whether a bare growth is the difference of the two figures (its sign aside)."""
    change = abs(current.value - previous.value)
    return abs(abs(growth.value) - change) <= growth.tolerance + current.tolerance + previous.tolerance
