"""Tables whose two-line header groups columns under a 小计: each 小计 column is the sum of the
columns of its group, and a leading column the sum of the groups its header puts 其中 under.

    单位       | 全年中央补助资金 | 其中:免学费补助            | 其中:国家助学金
               |                  | 小计 | 提前下达 | 本次下达 | 小计 | 提前下达 | 本次下达
    乐昌市职校 | 7,548,150        | 7,074,550 | 6,728,925 | 345,625 | 473,600 | 414,400 | 59,200

The header states the arithmetic, so a table of one row is read too — but only when the
figures fit the header exactly: the second line is all names, opening with 小计; the first
line names the label column, the leading columns and one group head per 小计; each row
below has as many figures as those columns, with at most one leading column.  Otherwise
nothing is read.  (其中 may name only some of what the leading column holds: its groups may
only not exceed it.)
"""

from __future__ import annotations

from auditor import lazyre
from auditor.extract.model import Fact, GridFormula, ScoreTable
from auditor.extract.tables.cells import CELL, Cell
from auditor.extract.tables.grid import GridRow, cell_token, grid_table
from auditor.extract.tables.reader import cell_text
from auditor.normalise import Normalised

REASON = "table_subtotal_columns"
_SUBTOTAL = lazyre.compile(r"^小\s*计$")
_PARTS_HEAD = lazyre.compile(r"^其中")
_NOT_MONEY = lazyre.compile(r"人|户|数量|占比|比例|比重|率|标准|单价|%")


def _lines(cells: list[Cell]) -> list[list[Cell]]:
    """The run's cells line by line (by the line each stands on: a layout that writes a row a
    line may leave no mark between lines of one cell)."""
    out: list[list[Cell]] = []
    for c in cells:
        if c.kind != CELL or not cell_text(c):  # (not is_mark: a run's every cell, a call each)
            continue
        if out and out[-1][0].line == c.line:
            out[-1].append(c)
        else:
            out.append([c])
    return out


def read_group_headers(cells: list[Cell], norm: Normalised,
                       first_id: int) -> list[tuple[ScoreTable, list[Fact], tuple[int, int]]]:
    lines = _lines(cells)
    out = []
    for n in range(len(lines) - 2):
        found = _table_at(lines, n, norm, first_id + sum(len(f) for _, f, _ in out))
        if found is not None:
            out.append(found)
    return out


def _table_at(lines: list[list[Cell]], n: int, norm: Normalised, first_id: int):
    if not lines[n + 1] or not _SUBTOTAL.match(cell_text(lines[n + 1][0])):
        return None  # (the cheap test first: most lines open with no 小计, and their texts are not gathered)
    top, sub = [cell_text(c) for c in lines[n]], [cell_text(c) for c in lines[n + 1]]
    if not sub or not _SUBTOTAL.match(sub[0]) or any(cell_token(t, 0) is not None for t in [*top, *sub]):
        return None
    starts = [k for k, name in enumerate(sub) if _SUBTOTAL.match(name)]
    lead = len(top) - 1 - len(starts)  # (the label column, the leading columns, a head per group)
    if lead not in (0, 1):
        return None  # (columns after the groups, or several before them: where each stands is not told)
    width = lead + len(sub)
    rows: list[GridRow] = []
    for line in lines[n + 2:]:
        tokens = [cell_token(cell_text(c), c.start) for c in line[1:]]
        if len(line) != width + 1 or cell_token(cell_text(line[0]), 0) is not None or any(t is None for t in tokens):
            break
        rows.append(GridRow(cell_text(line[0]), line[0].start, line[0].line, tuple(tokens)))
    if not rows:
        return None
    formulas = []
    bounds = [*starts, len(sub)]
    for a, b in zip(bounds, bounds[1:]):
        # (a 小计 and at least two columns under it, all of money: not 人数, 占比, 标准 …)
        if b - a >= 3 and not any(_NOT_MONEY.search(name) for name in sub[a + 1:b]):
            formulas.append(GridFormula(kind="sum", target=lead + a, operands=tuple(range(lead + a + 1, lead + b)),
                                        reason=REASON))
    heads = top[1 + lead:]
    if lead == 1 and len(starts) >= 2 and all(_PARTS_HEAD.match(h) for h in heads):
        # (其中 may name only some of what the leading column holds: its groups may not exceed it)
        formulas.append(GridFormula(kind="sum", target=0, operands=tuple(lead + a for a in starts), reason=REASON,
                                    partial=True))
    if not formulas:
        return None
    table, facts = grid_table(rows, tuple(formulas), norm, first_id)
    return table, facts, (lines[n][0].line, rows[-1].line)
