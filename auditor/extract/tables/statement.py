"""An income and spending statement (收支表, 收支决算表, 综合收支表) set one cell a line, read by its sections.

    收入                                   a side opened by its name,
    政府补助金 ⏎ 6,123,456 ⏎ 5,987,654     its items, a label and one figure a column each,
    …
    总收入 ⏎ 10,518,513 ⏎ 10,026,281      closed by its total: the sum of the items, column by column;
    支出 … 总支出 …                         the other side the same way,
    年度盈余 ⏎ 1,637,047 ⏎ 1,482,692      and the balance after both: 收入 − 支出 (a 赤字 / 短绌: 支出 − 收入).

The side's name over its items and its total's name under them pin the reading, so a table of one or two columns,
which no formula of its columns can show (grid.py), is read too — but only where its own arithmetic agrees: more of
its sums and balances hold than fail.  A side whose items hold a 其中, a 小计 or a numbered sub-item, or a row
missing a figure, is not read (its items may be levels of their own).  No one wrote the sums down, so a failing one
warns (reason `income_statement`).  The cue words are the vocabulary's (statement_income, statement_spending,
statement_income_total, statement_spending_total; difference_surplus / difference_profit and difference_deficit /
difference_loss for the balance).
"""

from __future__ import annotations

from decimal import Decimal

from auditor.extract.model import Fact, GridFormula, ScoreTable
from auditor.extract.tables.grid import GridRow, Token, cell_items, grid_table
from auditor.extract.vocabulary import Vocabulary
from auditor.normalise import Normalised

REASON = "income_statement"
_ZERO = Decimal(0)
_SIDES = ("income", "spending")
_NESTED = ("其中", "小计", "含", "包括")


def _units(items) -> list[GridRow]:
    """A run of cells one a line folded into rows: a label and the figures below it (a label with none: a heading)."""
    out: list[GridRow] = []
    n = 0
    while n < len(items) and items[n][3] is not None:
        n += 1  # (figures before the run's first label: no row of a statement)
    while n < len(items):
        text, start, line, _ = items[n]
        m = n + 1
        while m < len(items) and items[m][3] is not None:
            m += 1
        out.append(GridRow(text, start, line, tuple(item[3] for item in items[n + 1:m])))
        n = m
    return out


def statements(lines: list[tuple[str, int]], taken: set[int], vocab: Vocabulary) -> list[tuple[list[GridRow], tuple[GridFormula, ...], int]]:
    """Every statement of the text set one cell a line, as its rows (items, totals, the balance), the formulas
    that relate them and the line of its first side's name."""
    cue = vocab.cue
    opener = {"income": cue("statement_income"), "spending": cue("statement_spending")}
    closer = {"income": cue("statement_income_total"), "spending": cue("statement_spending_total")}
    surplus = [cue("difference_surplus"), cue("difference_profit")]
    deficit = [cue("difference_deficit"), cue("difference_loss")]
    out = []
    for items in cell_items(lines, taken):
        units = _units(items)
        n = 0
        while n < len(units):
            found = _statement(units, n, opener, closer, surplus, deficit)
            if found is None:
                n += 1
                continue
            rows, formulas, end = found
            if formulas:
                out.append((rows, formulas, units[n].line))
            n = end
    return out


def _side(units: list[GridRow], n: int, opener, closer) -> tuple[str, list[GridRow], GridRow, int] | None:
    """The side opened at units[n] (its name alone on a line): its items and its total, and where it ends."""
    head = units[n]
    if head.tokens:
        return None
    side = next((s for s in _SIDES if opener[s].search(head.label)), None)
    if side is None:
        return None
    items: list[GridRow] = []
    m = n + 1
    while m < len(units):
        row = units[m]
        if not row.tokens or (items and len(row.tokens) != len(items[0].tokens)):
            return None  # (a heading or a row of another width before the total: sub-items, another table)
        if closer[side].search(row.label):
            return (side, items, row, m + 1) if len(items) >= 2 and len(row.tokens) == len(items[0].tokens) else None
        if any(word in row.label for word in _NESTED) or row.label[:1] in "(（" or row.label[:1].isdigit():
            return None
        items.append(row)
        m += 1
    return None


def _statement(units, n, opener, closer, surplus, deficit):
    first = _side(units, n, opener, closer)
    if first is None:
        return None
    sides = {first[0]: first}
    end = first[3]
    second = _side(units, end, opener, closer) if end < len(units) else None
    if second is not None and second[0] != first[0]:
        sides[second[0]] = second
        end = second[3]
    k = len(first[2].tokens)
    rows: list[GridRow] = []
    # (each relation: its kind, the rows it relates, and its verdict in each column — None where a figure is missing)
    relations: list[tuple[str, int, tuple[int, ...], tuple[int, ...], list[bool | None]]] = []
    totals: dict[str, int] = {}
    for side in _SIDES:
        if side not in sides:
            continue
        _, items, total, _ = sides[side]
        if len(items[0].tokens) != k:
            return None
        first_item = len(rows)
        rows.extend(items)
        rows.append(total)
        totals[side] = len(rows) - 1
        relations.append(("row_sum", len(rows) - 1, tuple(range(first_item, len(rows) - 1)), (),
                          [_sum_holds(total.tokens[c], [r.tokens[c] for r in items]) for c in range(k)]))
    balance = units[end] if end < len(units) and len(totals) == 2 else None
    if balance is not None and len(balance.tokens) == k:
        sign = 1 if any(p.search(balance.label) for p in surplus) else -1 if any(p.search(balance.label) for p in deficit) else 0
        if sign:
            plus, minus = (totals["income"], totals["spending"])[::sign]
            rows.append(balance)
            relations.append(("row_balance", len(rows) - 1, (plus,), (minus,),
                              [_difference_holds(balance.tokens[c], rows[plus].tokens[c], rows[minus].tokens[c])
                               for c in range(k)]))
            end += 1
    # a column in which nothing holds is no column of amounts (a rate, a change in %): left aside
    columns = [c for c in range(k) if any(verdicts[c] for *_, verdicts in relations)]
    holds = sum(1 for *_, verdicts in relations for c in columns if verdicts[c] is True)
    fails = sum(1 for *_, verdicts in relations for c in columns if verdicts[c] is False)
    if holds <= fails:
        return rows, (), end  # (its arithmetic does not bear the reading out: not read)
    formulas = []
    for kind, target, operands, taken, verdicts in relations:
        mine = tuple(c for c in columns if verdicts[c] is not None)
        if mine:
            formulas.append(GridFormula(kind=kind, target=target, operands=operands, taken=taken, columns=mine,
                                        reason=REASON, support=sum(1 for c in mine if verdicts[c]), rows=len(mine)))
    return rows, tuple(formulas), end


def _sum_holds(total: Token, parts: list[Token]) -> bool | None:
    """Does the column's total make the sum of its items (a dash: none)?  None when the total is not written."""
    if total.value is None:
        return None
    written = [p for p in parts if p.value is not None]
    if sum(1 for p in written if p.value) < 2:
        return None
    summed = sum((p.value for p in written), _ZERO)
    slack = sum((p.tolerance for p in written), total.tolerance)
    return abs(total.value - summed) <= slack


def _difference_holds(balance: Token, plus: Token, minus: Token) -> bool | None:
    if balance.value is None or plus.value is None or minus.value is None:
        return None
    return abs(balance.value - (plus.value - minus.value)) <= balance.tolerance + plus.tolerance + minus.tolerance


def read_statements(norm: Normalised, taken: set[int], vocab: Vocabulary,
                    first_id: int) -> list[tuple[ScoreTable, list[Fact], tuple[int, int]]]:
    """The statements of a text not on `taken` lines, each as a table of its rows with its formulas."""
    lines = norm.lines()
    out = []
    for rows, formulas, first in statements(lines, taken, vocab):
        table, facts = grid_table(rows, formulas, norm, first_id + sum(len(f) for _, f, _ in out))
        out.append((table, facts, (first, rows[-1].line + len(rows[-1].tokens))))
    return out
