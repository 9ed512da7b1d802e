"""A 自评表's funds row written on one line as labelled cells, each cell its column's name and its figure:

    项目资金(万元):年初预算数300 | 全年预算数300 | 全年执行数300 | 分值10 | 执行率100% | 得分10

No header row says which figure is which, but every cell names its own column (role_of), so the row is read as a
funds grid of one row: its 执行率 against its amounts (RAT004), its 得分 against 分值 × 执行率 (SCO006), and — the
table right under it being the same 自评表's indicator rows — its 分值 and 得分 as that table's first row
(score_table_total).  Read only when every cell is so named, and the cells name an amount, the 分值 and the 得分.
"""

from __future__ import annotations

from auditor import lazyre
from auditor.extract.model import Fact, ScoreTable, Span, TableRow
from auditor.extract.tables import glued
from auditor.extract.tables.columns import AMOUNT_ROLES, UNIT_NOTE, clean, role_of
from auditor.extract.tables.reader import cell_fact
from auditor.extract.vocabulary import Vocabulary
from auditor.normalise import Normalised

LAYOUT = "labelled"
# a cell: the column's name, then its figure ("全年执行数300", "执行率100%", "分值10"); the first may open with the
# row's name and a colon ("项目资金(万元):年初预算数300")
_CELL = lazyre.compile(r"^\s*(?:(?P<row>[^|:\d]{2,20}):)?\s*(?P<name>[\u4e00-\u9fff()]{2,12}?)\s*"
                       r"(?P<figure>\d[\d,]*(?:\.\d+)?%?)\s*$")
_MIN_CELLS = 4


def read_labelled_rows(norm: Normalised, taken: set[int], vocab: Vocabulary,
                       first_id: int) -> list[tuple[ScoreTable, list[Fact], tuple[int, int]]]:
    out = []
    for index, (line, start) in enumerate(norm.lines()):
        if index in taken or line.count("|") < _MIN_CELLS - 1:
            continue
        read = _row(line, start)
        if read is None:
            continue
        label, unit, cells = read
        facts: list[Fact] = []
        row_cells: dict[str, Fact] = {}
        for role, name, at, text in cells:
            piece = glued.Piece(text, at, at + len(text))
            fact = cell_fact(piece, role, name, label, unit, norm, first_id + sum(len(f) for _, f, _ in out) + len(facts),
                             vocab)
            facts.append(fact)
            row_cells[role] = fact
        line_no, column = norm.line_col(start)
        row = TableRow.model_construct(
            label=label, cells=row_cells, is_total=False, labels=(label,), texts={}, dashed=(), part_of=None,
            level=None, indent=None, via=(), grade_span=None,
            span=Span.model_construct(start=start, end=cells[-1][2] + len(cells[-1][3]), line=line_no, column=column))
        table = ScoreTable.model_construct(
            columns=tuple(name for _, name, _, _ in cells), rows=(row,),
            span=Span.model_construct(start=start, end=row.span.end, line=line_no, column=column),
            kind="funds", layout=LAYOUT, base=None, score_rule="", complete=True, full_when_met="",
            column_sums=False, formulas=())
        out.append((table, facts, (index, index)))
    return out


def _row(line: str, start: int) -> tuple[str, str, list[tuple[str, str, int, str]]] | None:
    """The row's name, its money unit and its cells (role, column name, where the figure starts, the figure); None
    unless every cell names a column of its own and they name an amount, the 分值 and the 得分."""
    cells = []
    label, unit = "", ""
    offset = 0
    for n, part in enumerate(line.split("|")):
        at = start + offset
        offset += len(part) + 1
        if not part.strip():
            if n == 0 or offset > len(line):
                continue  # (the bars that open or close the line)
            return None
        m = _CELL.match(part)
        if m is None or (m.group("row") and n):
            return None
        if m.group("row"):
            head = clean(m.group("row"))
            note = UNIT_NOTE.search(head)
            unit = (note.group(1) or note.group(2)) if note else ""
            label = UNIT_NOTE.sub("", head) or head
        name = m.group("name")
        role = role_of(name)
        if role is None or any(role == r for r, _, _, _ in cells):
            return None
        cells.append((role, name, at + m.start("figure"), m.group("figure")))
    roles = {r for r, _, _, _ in cells}
    if len(cells) < _MIN_CELLS or not label or not {"weight", "score"} <= roles or not roles & set(AMOUNT_ROLES):
        return None
    return label, unit, cells
