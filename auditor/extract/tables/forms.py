"""Forms whose columns were flattened one after another (Hunan's 项目支出绩效自评表).

    计划安排资金(万元) 48 | 实际到位资金(万元) 48 | 实际支出(万元) 46.5 | 结余(万元) 1.5
    其中:中央财政 | 其中:中央财政 | 其中:中央财政 | 其中:中央财政
    …
    县市区财政 48 | 县市区财政 48 | 县市区财政 46.5 | 县市区财政 1.5

Flattened, each heading comes with its figure, and then each source is named once
per heading, the n-th time with the n-th heading's figure.  A form is read only
when every source is named exactly as many times as there are headings.
"""

from __future__ import annotations

import re

from auditor.extract.model import Fact, ScoreTable, Span, TableRow
from auditor.extract.tables import glued
from auditor.extract.tables.cells import Cell
from auditor.extract.tables.columns import AMOUNT_ROLES, UNIT_NOTE, clean, role_of
from auditor.extract.tables.reader import cell_fact, cell_text, is_empty, is_value
from auditor.extract.vocabulary import Vocabulary
from auditor.normalise import Normalised

_MIN_HEADINGS = 2
_BARE_UNIT = re.compile(r"^(?:万元|元|亿元)$")
_PLAIN_SCORE = re.compile(r"^\d{1,3}(?:\.\d{1,2})?$")


def read_forms(cells: list[Cell], norm: Normalised, vocab: Vocabulary,
               first_id: int) -> list[tuple[ScoreTable, list[Fact], tuple[int, int]]]:
    cells = [c for c in cells if not c.is_mark]
    out = []
    i = 0
    while i < len(cells):
        block = _headings(cells, i)
        if block is None:
            i += 1
            continue
        headings, j = block
        if j < len(cells) and _PLAIN_SCORE.match(cells[j].text) and len(headings) == 2:
            j += 1  # "预算数: 2.38 执行数: 2.38 20": the block's score, in a column of its own
        sources = []
        while True:
            group = _source(cells, j, len(headings))
            if group is None:
                break
            sources.append(group[0])
            j = group[1]
        if not sources or (len(headings) == 2 and not all(_is_source(label.text) for label, _ in sources)):
            i += 1
            continue
        fid = first_id + sum(len(f) for _, f, _ in out)
        out.append(_table(headings, sources, cells[i], cells[j - 1], norm, vocab, fid))
        i = j
    return out


def _is_source(label: str) -> bool:
    from auditor.extract.bind.resolvers.tables import is_source

    return clean(label).startswith("其中") or is_source(clean(label)) or "/" in label and is_source(label.split("/")[0])


def _headings(cells: list[Cell], i: int) -> tuple[list[tuple[Cell, str, str, Cell | None]], int] | None:
    """Headings with an amount role, each with its unit note and its figure (or none)."""
    out: list[tuple[Cell, str, str, Cell | None]] = []
    j = i
    while j < len(cells):
        c = cells[j]
        role = role_of(c.text)
        if role not in AMOUNT_ROLES or any(role == r for _, r, _, _ in out):
            break
        unit = UNIT_NOTE.search(clean(c.text))
        j += 1
        if j < len(cells) and UNIT_NOTE.search(clean(cells[j].text)) and clean(cells[j].text).startswith("("):
            unit = UNIT_NOTE.search(clean(cells[j].text))
            j += 1
        value = None
        if j < len(cells) and (is_value(cells[j]) or is_empty(cells[j])):
            value = cells[j] if is_value(cells[j]) else None
            j += 1
        out.append((c, role, (unit.group(1) or unit.group(2)) if unit else "", value))
    if len(out) < _MIN_HEADINGS or not any(v is not None for *_, v in out):
        return None
    return out, j


def _source(cells: list[Cell], j: int, n: int) -> tuple[tuple[Cell, list[Cell | None]], int] | None:
    """One source named n times in a row, each time with its figure or none."""
    if j >= len(cells) or is_value(cells[j]) or is_empty(cells[j]):
        return None
    label = cells[j]
    values: list[Cell | None] = []
    k = j
    for _ in range(n):
        if k >= len(cells) or clean(cells[k].text) != clean(label.text):
            return None
        k += 1
        if k < len(cells) and (is_value(cells[k]) or is_empty(cells[k]) or _BARE_UNIT.match(cells[k].text)):
            values.append(cells[k] if is_value(cells[k]) else None)
            k += 1
        else:
            values.append(None)
    return (label, values), k


def _table(headings, sources, first: Cell, last: Cell, norm: Normalised, vocab: Vocabulary,
           first_id: int) -> tuple[ScoreTable, list[Fact], tuple[int, int]]:
    unit = next((u for *_, u, _ in headings if u), "万元")
    facts: list[Fact] = []
    rows: list[TableRow] = []

    def row(label: str, cells_by_role: list[tuple[str, str, Cell | None]], at: Cell, part_of: int | None):
        row_cells = {}
        for role, name, cell in cells_by_role:
            if cell is None:
                continue
            text = cell_text(cell)
            fact = cell_fact(glued.Piece(text, cell.start, cell.start + len(text)), role, name, label, unit, norm,
                             first_id + len(facts), vocab)
            facts.append(fact)
            row_cells[role] = fact
        line, column = norm.line_col(at.start)
        rows.append(TableRow.model_construct(
            label=label, cells=row_cells, span=Span.model_construct(start=at.start, end=at.end, line=line,
                                                                    column=column),
            is_total=False, labels=(label,), texts={}, dashed=(), part_of=part_of,
            via=("a form's columns flattened one after another",)))

    row("项目资金", [(role, h.text, v) for h, role, _, v in headings], headings[0][0], None)
    for label, values in sources:
        row(label.text, [(role, h.text, v) for (h, role, _, _), v in zip(headings, values)], label, 0)
    line, column = norm.line_col(first.start)
    table = ScoreTable.model_construct(
        columns=tuple(h.text for h, *_ in headings), rows=tuple(rows),
        span=Span.model_construct(start=first.start, end=last.end, line=line, column=column),
        kind="funds", layout="form", base=None, score_rule="", complete=True, full_when_met="")
    return table, facts, (first.line, last.line)
