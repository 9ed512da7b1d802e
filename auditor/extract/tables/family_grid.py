"""Family grids: a one-row table whose header names the members of a vocabulary family.

The “三公”经费 table every 部门预算/决算 publishes, flattened to text:

    “三公”经费合计 | 因公出国(境)费 | 公务用车购置及运行费 | 公务接待费
                                  | 小计 | 公务用车购置费 | 公务用车运行费 |
    328.7          | 10             | 78.7 | 43            | 35.7          | 240

The header's first line names the columns; a name whose vocabulary family has parts
named on its second line ("小计" first, then the parts) spans those columns.  The
figures follow, one per column, left to right.  The grid is read as a table of one
column: the total first, then each member, a spanning member's parts under it as its
其中 rows — the table resolver binds 合计 = 出国 + 公车 + 接待 and 公车 ≥ 购置 + 运行.

A grid is read only when every header cell names a column (a member, 合计 or 小计) and
exactly as many figures follow as the columns the header names.
"""

from __future__ import annotations

from auditor import lazyre
from auditor.extract.model import Fact, ScoreTable, Span, TableRow
from auditor.extract.tables import glued
from auditor.extract.tables.cells import CELL, Cell
from auditor.extract.tables.columns import UNIT_NOTE, clean
from auditor.extract.tables.reader import cell_fact, cell_text, is_value, is_value_text
from auditor.extract.vocabulary import Vocabulary, read_label
from auditor.normalise import Normalised

_TOTAL = lazyre.compile(r"^(?:合计|总计)$")
_SUBTOTAL = lazyre.compile(r"^小计$")
_MIN_MEMBERS = 3
_MAX_HEADER = 16


def read_family_grids(cells: list[Cell], norm: Normalised, vocab: Vocabulary,
                      first_id: int) -> list[tuple[ScoreTable, list[Fact], tuple[int, int]]]:
    cells = [c for c in cells if c.kind == CELL and c.text]  # (not is_mark: a run's every cell, a call each)
    may_start = _may_start(cells)
    out = []
    i = 0
    while i < len(cells):
        found = _grid_at(cells, i, norm, vocab, first_id + sum(len(f) for _, f, _ in out)) if may_start(i) else None
        if found is None:
            i += 1
            continue
        table, facts, lines, end = found
        out.append((table, facts, lines))
        i = end
    return out


def _may_start(cells: list[Cell]):
    """Whether a grid may start at cells[i], from where the figures stand alone: its header
    runs up to the next figure, and exactly one figure a column follows it (at least
    _MIN_MEMBERS + 1: the total and the members).  The header's names, one or two cells
    each, are as many as the columns (one more with 小计), so the names take between V and
    2V + 2 cells for V figures.  Most cells fail this, and their labels are not read."""
    n = len(cells)
    figures = [0] * (n + 1)  # figures in a row from here (0: no figure here)
    next_figure = [n] * (n + 1)  # the first figure from here on
    for k in range(n - 1, -1, -1):
        if is_value_text(cells[k].text):  # (cells: CELLs only)
            figures[k] = figures[k + 1] + 1
            next_figure[k] = k
        else:
            next_figure[k] = next_figure[k + 1]

    def may_start(i: int) -> bool:
        k = next_figure[i]
        v = figures[k]
        return v > _MIN_MEMBERS and v <= k - i <= 2 * v + 2

    return may_start


def _concept(name: str, vocab: Vocabulary) -> str | None:
    info = read_label(name, vocab)
    return info.concept if info.known else None


def _header(cells: list[Cell], i: int, vocab: Vocabulary) -> tuple[list[tuple[str, Cell]], int] | None:
    """The header cells from i on, as (name, first cell): names split over two cells
    ("公务" / "接待费") joined; None unless every cell names a column."""
    names: list[tuple[str, Cell]] = []
    k = i
    while k < len(cells) and not is_value(cells[k]) and len(names) <= _MAX_HEADER:
        text = clean(cells[k].text).replace("“", "").replace("”", "").replace('"', "")  # the label, unquoted
        if UNIT_NOTE.search(text):
            return None
        if _TOTAL.match(text) or _SUBTOTAL.match(text) or _concept(text, vocab):
            names.append((text, cells[k]))
            k += 1
            continue
        nxt = cells[k + 1] if k + 1 < len(cells) else None
        if nxt is not None and not is_value(nxt) and _concept(text + clean(nxt.text), vocab):
            names.append((text + clean(nxt.text), cells[k]))
            k += 2
            continue
        return None
    return names, k


def _grid_at(cells: list[Cell], i: int, norm: Normalised, vocab: Vocabulary, first_id: int):
    header = _header(cells, i, vocab)
    if header is None:
        return None
    names, k = header
    concepts = [_concept(n, vocab) for n, _ in names]
    family = next((f for f in vocab.families.values() if not f.open
                   and sum(1 for c in concepts if c in f.parts) >= _MIN_MEMBERS), None)
    if family is None:
        return None
    columns = _columns(names, concepts, family, vocab)
    if columns is None:
        return None
    figures = []
    while k < len(cells) and is_value(cells[k]) and len(figures) < len(columns):
        figures.append(cells[k])
        k += 1
    if len(figures) != len(columns) or (k < len(cells) and is_value(cells[k])):
        return None
    facts: list[Fact] = []
    rows: list[TableRow] = []
    notes = [UNIT_NOTE.search(clean(c.text)) for c in cells[max(0, i - 3):i]]  # "单位:万元" above it
    unit = next((m.group(1) or m.group(2) for m in reversed(notes) if m), "万元")
    group_row: int | None = None
    for (name, level, written), cell in zip(columns, figures):
        text = cell_text(cell)
        piece = glued.Piece(text, cell.start, cell.start + len(text))
        fact = cell_fact(piece, "amount", "", written, unit, norm, first_id + len(facts), vocab)
        facts.append(fact)
        line, column = norm.line_col(cell.start)
        part_of = group_row if level == 2 else None
        if level == 1:
            group_row = None
        elif level == 0:
            group_row = len(rows)
        rows.append(TableRow.model_construct(
            label=name, cells={"amount": fact}, is_total=name == "合计", labels=(name,), texts={}, dashed=(),
            part_of=part_of, via=("a grid whose header names a family's members",), grade_span=None,
            span=Span.model_construct(start=cell.start, end=cell.end, line=line, column=column)))
    head = cells[i]
    line, column = norm.line_col(head.start)
    table = ScoreTable.model_construct(
        columns=("金额",), rows=tuple(rows),
        span=Span.model_construct(start=head.start, end=figures[-1].end, line=line, column=column),
        kind="amounts", layout="cells", base=None, score_rule="", complete=True, full_when_met="",
        column_sums=False)
    return table, facts, (head.line, figures[-1].line), k


def _columns(names: list[tuple[str, Cell]], concepts: list[str | None], family, vocab: Vocabulary):
    """The columns in order, each (name, level): 1 a member or the total, 0 a member spanning
    its parts (named 小计 on the header's second line), 2 one of those parts.  None when the
    names do not make such a header."""
    subtotal = next((n for n, (name, _) in enumerate(names) if _SUBTOTAL.match(name)), None)
    top = names if subtotal is None else names[:subtotal]
    below = [] if subtotal is None else names[subtotal + 1:]
    top_concepts = concepts[:len(top)]
    below_concepts = concepts[subtotal + 1:] if subtotal is not None else []
    if any(c is None for c in below_concepts):
        return None
    spanning = None
    if below:
        spanning = next((n for n, c in enumerate(top_concepts) if c in family.members and any(
            c in f.totals and all(b in f.members for b in below_concepts) for f in vocab.families.values())), None)
        if spanning is None:
            return None
    # (name, level, the name as its figure's label: the total's names its family, "“三公”经费合计")
    out: list[tuple[str, int, str]] = []
    for n, (name, _) in enumerate(top):
        c = top_concepts[n]
        if name in {"合计", "总计"} or c in family.totals:
            out.append(("合计", 1, family.totals[0] if name in {"合计", "总计"} else name))
        elif c in family.members:
            if n == spanning:
                out.append((name, 0, name))
                out.extend((b, 2, b) for b, _ in below)
            else:
                out.append((name, 1, name))
        else:
            return None
    if sum(1 for name, level, _ in out if level == 1 and name != "合计") + (spanning is not None) < _MIN_MEMBERS \
            or [name for name, _, _ in out].count("合计") != 1 or out[0][0] != "合计":
        return None
    return out
