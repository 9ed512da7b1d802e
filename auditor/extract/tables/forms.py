"""Forms: a 自评表's 资金 block written as labelled figures rather than a grid.

Columns flattened one after another (Hunan's 项目支出绩效自评表):

    计划安排资金(万元) 48 | 实际到位资金(万元) 48 | 实际支出(万元) 46.5 | 结余(万元) 1.5
    其中:中央财政 | 其中:中央财政 | 其中:中央财政 | 其中:中央财政
    …
    县市区财政 48 | 县市区财政 48 | 县市区财政 46.5 | 县市区财政 1.5

Flattened, each heading comes with its figure, and then each source is named once
per heading, the n-th time with the n-th heading's figure.  A form is read only
when every source is named exactly as many times as there are headings.

Blocks (Chongqing's 转移支付 自评表), one per project, after the block of their total:

    计划生育转移支付资金合计(万元) 年度预算资金总额: 1084.25
    其中:中央补助 668.00 / 市级资金 343.00 / 本级资金 73.25
    其中:
    农村部分计划生育家庭奖励扶助制度补助资金(万元)
    年度预算资金总额: 763.00
    其中:中央补助 502.00 / 市级资金 208.00 / 本级资金 53.00
    …

read as a table with one row per block: each row's total is the sum of its
sources, and each source of the 合计 block is at least the sum of the projects'.
"""

from __future__ import annotations


from auditor import lazyre
from auditor.extract.model import Fact, ScoreTable, Span, TableRow
from auditor.extract.tables import glued
from auditor.extract.tables.cells import CELL, Cell
from auditor.extract.tables.columns import AMOUNT_ROLES, UNIT_NOTE, clean, is_source, role_of
from auditor.extract.tables.reader import cell_fact, cell_text, is_empty, is_value, is_value_text
from auditor.extract.vocabulary import Vocabulary
from auditor.normalise import Normalised

_MIN_HEADINGS = 2
_BARE_UNIT = lazyre.compile(r"^(?:万元|元|亿元)$")
_PLAIN_SCORE = lazyre.compile(r"^\d{1,3}(?:\.\d{1,2})?$")


def read_forms(cells: list[Cell], norm: Normalised, vocab: Vocabulary,
               first_id: int) -> list[tuple[ScoreTable, list[Fact], tuple[int, int]]]:
    cells = [c for c in cells if c.kind == CELL]  # (not is_mark: a run's every cell, a call each)
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


# ------------------------------------------------------------------ blocks
_BLOCK_TOTAL = lazyre.compile(r"资金总额|资金合计")
_PARENT = lazyre.compile(r"合计|总计")
_OPENER = lazyre.compile(r"^其中[::]?$")
_GLOSS = lazyre.compile(r"\([^()]*\)")


def _kv(cells: list[Cell]) -> list[tuple[Cell, Cell | None]]:
    """The run as labelled figures: each label with the figure after it (or none)."""
    out: list[tuple[Cell, Cell | None]] = []
    marks = [c for c in cells if c.kind == CELL and c.text]
    k = 0
    while k < len(marks):
        c = marks[k]
        if is_value_text(c.text):  # (marks: CELLs only)
            k += 1
            continue
        value = marks[k + 1] if k + 1 < len(marks) and is_value_text(marks[k + 1].text) else None
        out.append((c, value))
        k += 2 if value is not None else 1
    return out


def _key(label: str) -> str:
    return _GLOSS.sub("", clean(label)).removeprefix("其中:").removeprefix("其中").rstrip(":")


def _block(items, n: int):
    """A block at items[n]: its total (a 资金总额 label) and the sources after it."""
    label, value = items[n]
    if not _BLOCK_TOTAL.search(clean(label.text)):
        return None
    sources = []
    m = n + 1
    while m < len(items) and (clean(items[m][0].text).startswith("其中") or is_source(_key(items[m][0].text))) \
            and not _OPENER.match(clean(items[m][0].text)):
        sources.append(items[m])
        m += 1
    if not sources:
        return None
    return (label, value, sources), m


def read_blocks(cells: list[Cell], norm: Normalised, vocab: Vocabulary,
                first_id: int) -> list[tuple[ScoreTable, list[Fact], tuple[int, int]]]:
    items = _kv(cells)
    out = []
    n = 0
    while n < len(items):
        found = _block(items, n)
        title = items[n - 1][0].text if n and items[n - 1][1] is None else ""
        # the 合计 block, then "其中:", then one block per project
        if found is None or not (_PARENT.search(clean(items[n][0].text)) or _PARENT.search(clean(title))):
            n += 1
            continue
        parent, m = found
        if m >= len(items) or not _OPENER.match(clean(items[m][0].text)):
            n += 1
            continue
        keys = [_key(label.text) for label, _ in parent[2]]
        children = []
        m += 1
        while m < len(items):
            if _OPENER.match(clean(items[m][0].text)):
                m += 1
                continue
            child_title = items[m][0] if items[m][1] is None and not _BLOCK_TOTAL.search(clean(items[m][0].text)) \
                else None
            at = m + 1 if child_title is not None else m
            child = _block(items, at) if at < len(items) else None
            if child is None or [_key(label.text) for label, _ in child[0][2]] != keys:
                break
            children.append((child_title, child[0]))
            m = child[1]
        if not children:
            n += 1
            continue
        fid = first_id + sum(len(f) for _, f, _ in out)
        out.append(_blocks_table(title or items[n][0].text, parent, children, keys, norm, vocab, fid))
        n = m
    return out


def _blocks_table(title: str, parent, children, keys: list[str], norm: Normalised, vocab: Vocabulary,
                  first_id: int) -> tuple[ScoreTable, list[Fact], tuple[int, int]]:
    columns = ["年度资金总额", *keys]
    slots = ["budget", *(f"budget#{n}" for n in range(2, len(keys) + 2))]
    facts: list[Fact] = []
    rows: list[TableRow] = []
    all_cells: list[Cell] = []
    for n, (row_title, (label, value, sources)) in enumerate([(None, parent), *children]):
        name = row_title.text if row_title is not None else title
        row_cells = {}
        for slot, column, cell in zip(slots, columns, [value, *(v for _, v in sources)]):
            if cell is None:
                continue
            text = cell_text(cell)
            fact = cell_fact(glued.Piece(text, cell.start, cell.start + len(text)), "budget", column, name, "万元",
                             norm, first_id + len(facts), vocab)
            facts.append(fact)
            row_cells[slot] = fact
        first = row_title or label
        all_cells.extend([first, label, *(c for c in [value, *(v for _, v in sources)] if c is not None)])
        line, column = norm.line_col(first.start)
        rows.append(TableRow.model_construct(
            label=clean(name), cells=row_cells, is_total=n == 0, labels=(name,), texts={}, dashed=(),
            part_of=None if n == 0 else 0, via=("blocks of labelled figures, one per project",),
            span=Span.model_construct(start=first.start, end=max(c.end for c in all_cells[-6:]), line=line,
                                      column=column)))
    first, last = min(all_cells, key=lambda c: c.start), max(all_cells, key=lambda c: c.end)
    line, column = norm.line_col(first.start)
    table = ScoreTable.model_construct(
        columns=tuple(columns), rows=tuple(rows),
        span=Span.model_construct(start=first.start, end=last.end, line=line, column=column),
        kind="funds", layout="blocks", base=None, score_rule="", complete=False, full_when_met="",
        column_sums=True)
    return table, facts, (first.line, last.line)
