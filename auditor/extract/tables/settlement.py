"""A 收支结算表 of two sides (收入部分 | 支出部分, a school's 午餐费 month by month) set one cell a line, its closing rows
read by the balances they carry:

    上月结存 ⏎ 242644                       the income side opens with the balance brought forward,
    本月午餐费 ⏎ 86460 … 其他 ⏎ 119691       its items, a name and one figure (or none),
    本月合计 ⏎ 215391                       this month's income: the sum of the items;
    支出合计 ⏎ 127127 ⏎ 100% ⏎ 552352 ⏎ 100%  the spending side's total (this month, cumulative; shares aside),
    本月结存 ⏎ 330908 ⏎ 330908              the balance carried forward,
    合计 ⏎ 458035                           income side: 上月结存 + 本月合计,
    合计 ⏎ 458038 ⏎ 100% ⏎ 883260 ⏎ 100%    spending side: 支出合计 + 本月结存, column by column.

The two 合计 rows are no sum of the rows above them read side by side (合计 ≠ 本月合计 + 本月结存): each is its own side's.
Pinned by the sides' names (收入部分, 支出部分), the opening and closing balances and this month's income total; read only
where the income side's items make its 本月合计, and of the two 合计 read so (each column of the spending side's) more
hold than fail and one breaks at most, so a 合计 that is not those parts (a grand total, 本月合计 + 本月结存 read side by
side) is left unread.  The shares of the spending side are not read here (share_rows_apart reads them).  The cue words are the
vocabulary's (settlement_opening, settlement_closing, settlement_income_total, settlement_spending_total,
settlement_total).
"""

from __future__ import annotations

from auditor.extract.model import Fact, GridFormula, ScoreTable
from auditor.extract.tables.cells import CELL, Cell
from auditor.extract.tables.columns import clean
from auditor.extract.tables.grid import GridRow, cell_token, grid_table
from auditor.extract.tables.statement import REASON, _sum_holds
from auditor.extract.vocabulary import Vocabulary
from auditor.normalise import Normalised
from auditor import lazyre

_FIGURE_CELL = lazyre.compile(r"^[-+]?[\d,，.]+%?$")
_SIDE = lazyre.compile(r"^(收入|支出)(?:部分|项目|項目)?$")


def _items(cells: list[Cell]) -> list[tuple[Cell, list[Cell]]]:
    items: list[tuple[Cell, list[Cell]]] = []
    for c in cells:
        if c.kind != CELL or not c.text.strip():
            continue
        if not _FIGURE_CELL.match(clean(c.text)):
            items.append((c, []))
        elif items:
            items[-1][1].append(c)
    return items


def _row(name: Cell, figures: list[Cell]) -> GridRow | None:
    tokens = [cell_token(clean(f.text), f.start) for f in figures]
    if any(t is None or t.value is None for t in tokens):
        return None
    return GridRow(label=clean(name.text), start=name.start, line=name.line, tokens=tuple(tokens))


def read_settlements(runs: list[list[Cell]], norm: Normalised, vocab: Vocabulary,
                     first_id: int) -> list[tuple[ScoreTable, list[Fact], tuple[int, int]]]:
    out = []
    for cells in runs:
        read = _settlement(cells, vocab)
        if read is None:
            continue
        for rows, formulas in read:
            table, facts = grid_table(rows, formulas, norm, first_id)
            out.append((table, facts, (rows[0].line, rows[-1].line)))
    return out


def _settlement(cells: list[Cell], vocab: Vocabulary):
    cue = vocab.cue
    items = _items(cells)
    names = [clean(c.text) for c, _ in items]
    sides = {m.group(1) for n in names if (m := _SIDE.match(n))}
    if sides != {"收入", "支出"}:
        return None
    opening = [k for k, n in enumerate(names) if cue("settlement_opening").search(n)]
    month = [k for k, n in enumerate(names) if cue("settlement_income_total").search(n)]
    spent = [k for k, n in enumerate(names) if cue("settlement_spending_total").search(n)]
    closing = [k for k, n in enumerate(names) if cue("settlement_closing").search(n)]
    totals = [k for k, n in enumerate(names) if cue("settlement_total").search(n)]
    if not (len(opening) == len(month) == len(spent) == len(closing) == 1 and len(totals) == 2):
        return None
    o, m, s, c, (t_in, t_out) = opening[0], month[0], spent[0], closing[0], totals
    if not (o < m < t_in < t_out and o < s < c < t_out and max(m, s) < c):
        return None
    # (the income side's items: between the opening balance and this month's total, a name and one figure; rows of
    # more figures are the other side's, rows of none are unfilled or notes)
    income = [(name, figs) for name, figs in items[o + 1:m] if len(figs) == 1]
    if any(clean(f.text).endswith("%") for _, figs in income for f in figs) or len(income) < 2:
        return None
    if any(len(items[k][1]) != 1 for k in (o, m, t_in)):
        return None
    rows_in = [_row(*it) for it in [*income, items[m], items[o], items[t_in]]]
    if any(r is None for r in rows_in):
        return None
    n = len(income)
    sum_items = _sum_holds(rows_in[n].tokens[0], [r.tokens[0] for r in rows_in[:n]])
    sum_total = _sum_holds(rows_in[n + 2].tokens[0], [rows_in[n + 1].tokens[0], rows_in[n].tokens[0]], least=1)
    if not sum_items:
        return None  # (the income side's items do not make its 本月合计: not a 结算表 of these rows)
    # (the spending side's amounts, its shares aside: as many in its total, its balance and its 合计)
    amounts = {k: [f for f in items[k][1] if not clean(f.text).endswith("%")] for k in (s, c, t_out)}
    width = len(amounts[s])
    if width == 0 or any(len(v) != width for v in amounts.values()):
        return None
    rows_out = [_row(items[k][0], amounts[k]) for k in (s, c, t_out)]
    if any(r is None for r in rows_out):
        return None
    verdicts = [_sum_holds(rows_out[2].tokens[col], [rows_out[0].tokens[col], rows_out[1].tokens[col]], least=1)
                for col in range(width)]
    # (the two 合计 read so: more of them hold than fail, and one breaks at most — a 合计 that is not those parts, a
    # grand total or 本月合计 + 本月结存 read side by side, breaks in more than one and leaves the rows unread)
    closing = [sum_total, *verdicts]
    if sum(v is True for v in closing) <= sum(v is False for v in closing) or sum(v is False for v in closing) > 1:
        return None
    income_formulas = (
        GridFormula(kind="row_sum", target=n, operands=tuple(range(n)), columns=(0,), reason=REASON,
                    support=1, rows=1),
        GridFormula(kind="row_sum", target=n + 2, operands=(n + 1, n), columns=(0,), reason=REASON,
                    support=1, rows=1))
    mine = tuple(col for col in range(width) if verdicts[col] is not None)
    spending_formulas = (GridFormula(kind="row_sum", target=2, operands=(0, 1), columns=mine, reason=REASON,
                                     support=sum(1 for col in mine if verdicts[col]), rows=len(mine)),)
    return [(rows_in, income_formulas), (rows_out, spending_formulas)]
