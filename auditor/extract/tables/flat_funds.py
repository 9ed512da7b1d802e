"""A 自评表's funds block flattened from a PDF onto one line, its header first, then the figures of its two
first rows, and only then the names of its source rows with their (empty) figures:

    … 年初预算数 全年预算数 全年执行数 分值 执行率 得分 250000.00 250000.00 215,457.6 10 8.62
    250000.00 250000.00 215457.6 — 上年结转资金 0 0 — 其他资金 0 0 — 年度资金总额 … 其中:当年财政拨款 …

The template fixes the order of its rows: 年度资金总额 (the one row carrying the 分值, 执行率 and 得分), 其中:当年财政拨款
(its 分值 and 得分 a dash), 上年结转资金, 其他资金.  The figures before the first dash are read as the first row's
amounts, its 分值 (执行率) 得分, then the second row's amounts — as many as the first's: of n figures, n = 2k + 2 or
2k + 3 (with a rate between 分值 and 得分) fixes k, the amount columns, with no choice.  Read only when

- the header names the columns (全年预算数 全年执行数 分值 执行率 得分, 年初预算数 before them when k is three);
- the 分值 is a whole score of at most 100 and the 得分 after it no more than it;
- the 上年结转资金 and 其他资金 rows that follow hold nothing but 0 or a dash: the 当年财政拨款 row is then the whole of
  the total (年度资金总额 = 当年财政拨款 in each column, funds_sources), the 执行率 its amounts' (RAT004) and its 得分
  its 分值 × 执行率 (SCO006).

Which figure stands in which cell no header pins (a PDF's text order), so every relation read here travels with
reasons.FLATTENED_FUNDS: a failing one warns, never accuses.
"""

from __future__ import annotations

from decimal import Decimal

from auditor import lazyre
from auditor.extract.model import Fact, ScoreTable, Span, TableRow
from auditor.extract.tables import glued
from auditor.extract.tables.columns import role_of
from auditor.extract.tables.reader import cell_fact
from auditor.extract.vocabulary import Vocabulary
from auditor.normalise import Normalised

LAYOUT = "flat_funds"
_FIG = r"(?:\d[\d,]*(?:\.\d+)?%?|[—－-]{1,2})"
_BLOCK = lazyre.compile(
    r"(?P<first>年初预算数\s+)?全年预算数(?:\s*\(A\))?\s+全年执行数(?:\s*\(B\))?\s+分值\s+执行率(?:\s*\(B/A\))?\s+得分"
    rf"(?P<figures>(?:\s+{_FIG})+?)\s+上年结转资金(?P<carry>(?:\s+{_FIG})*)\s+其[他它]资金(?P<other>(?:\s+{_FIG})*)"
    r"(?=\s|$)")
_TOKEN = lazyre.compile(r"\S+")
_DASH = lazyre.compile(r"^[—－-]{1,2}$")
_AMOUNT = lazyre.compile(r"^\d[\d,]*(?:\.\d+)?$")
_ZERO = lazyre.compile(r"^0(?:\.0+)?$")
_MONEY_UNIT = lazyre.compile(r"项目资金\s*[(（]\s*(万元|元|亿元)\s*[)）]|[(（]\s*(万元|元|亿元)\s*[)）]")
_TOTAL, _GIVEN = "年度资金总额", "其中:当年财政拨款"


def read_flat_funds(norm: Normalised, taken: set[int], vocab: Vocabulary,
                    first_id: int) -> list[tuple[ScoreTable, list[Fact], tuple[int, int]]]:
    out = []
    for index, (line, start) in enumerate(norm.lines()):
        if index in taken or "上年结转资金" not in line or _TOTAL not in line or "当年财政拨款" not in line:
            continue
        m = _BLOCK.search(line)
        if m is None:
            continue
        read = _rows(m)
        if read is None:
            continue
        columns, total, given = read
        unit = _MONEY_UNIT.search(line)
        unit = (unit.group(1) or unit.group(2)) if unit else ""
        facts: list[Fact] = []
        rows = []
        for label, cells in ((_TOTAL, total), (_GIVEN, given)):
            row_cells: dict[str, Fact] = {}
            for role, name, (text, at) in cells:
                piece = glued.Piece(text, start + at, start + at + len(text))
                fact = cell_fact(piece, role, name, label, unit, norm,
                                 first_id + sum(len(f) for _, f, _ in out) + len(facts), vocab)
                facts.append(fact)
                row_cells[role] = fact
            first_at = start + cells[0][2][1]
            last = cells[-1][2]
            line_no, column = norm.line_col(first_at)
            rows.append(TableRow.model_construct(
                label=label, cells=row_cells, is_total=False, labels=(label,), texts={}, dashed=(),
                part_of=0 if label == _GIVEN else None, level=None, indent=None, via=(), grade_span=None,
                span=Span.model_construct(start=first_at, end=start + last[1] + len(last[0]), line=line_no,
                                          column=column)))
        first = rows[0].span
        table = ScoreTable.model_construct(
            columns=columns, rows=tuple(rows),
            span=Span.model_construct(start=first.start, end=rows[-1].span.end, line=first.line, column=first.column),
            kind="funds", layout=LAYOUT, base=None, score_rule="", complete=True, full_when_met="",
            column_sums=False, formulas=())
        out.append((table, facts, (index, index)))
    return out


def _tokens(m, group: str) -> list[tuple[str, int]]:
    base = m.start(group)
    return [(t.group(), base + t.start()) for t in _TOKEN.finditer(m.group(group))]


def _rows(m):
    """(the amount columns' names, the total row's cells, the 当年财政拨款 row's cells), each cell as (role, column, (text,
    offset in the line)); None unless the figures fall into the template's two rows in one way only and the other
    sources hold nothing."""
    for group in ("carry", "other"):
        found = _tokens(m, group)
        if not found or not all(_DASH.match(t) or _ZERO.match(t) for t, _ in found):
            return None  # (a source holding money: where its figures stand among the others is not pinned)
    figures = _tokens(m, "figures")
    dash = next((n for n, (t, _) in enumerate(figures) if _DASH.match(t)), None)
    if dash is None:
        return None
    before = figures[:dash]
    n = len(before)
    middle = 3 if (n - 3) % 2 == 0 else 2
    k = (n - middle) // 2
    if k not in (2, 3) or (k == 3 and not m.group("first")):
        return None
    amounts, scored, given = before[:k], before[k:k + middle], before[k + middle:]
    if not all(_AMOUNT.match(t) for t, _ in [*amounts, *given]):
        return None
    if middle == 3 and not scored[1][0].endswith("%"):
        return None
    if any(t.endswith("%") for t, _ in (scored[0], scored[-1])) or not all(
            _AMOUNT.match(t) for t, _ in (scored[0], scored[-1])):
        return None
    # (the 分值 of a 自评表's funds row is a whole score of at most 100: a figure like 250000.00 there is an amount)
    weight = scored[0][0]
    if "." in weight or "," in weight or int(weight) > 100 or Decimal(scored[-1][0].replace(",", "")) > int(weight):
        return None  # (nor one scoring above it: then which figure is the 分值 and which the 得分 is not pinned)
    names = ("年初预算数", "全年预算数", "全年执行数")[3 - k:]
    roles = [(role_of(name), name) for name in names]
    if any(r is None for r, _ in roles) or len({r for r, _ in roles}) != k:
        return None
    total = [(r, name, fig) for (r, name), fig in zip(roles, amounts)]
    total.append(("weight", "分值", scored[0]))
    if middle == 3:
        total.append(("rate", "执行率", scored[1]))
    total.append(("score", "得分", scored[-1]))
    given_cells = [(r, name, fig) for (r, name), fig in zip(roles, given)]
    return names, total, given_cells
