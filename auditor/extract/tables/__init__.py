"""Read tables flattened to text: 自评表 资金 grids, indicator tables, score tables.

    cells    (text → runs of cells, with the row boundaries the layout states)
      → columns  (the header: label columns, figure columns, their roles, glosses)
      → reader   (rows: figures by position, or placed by arithmetic in `glued`;
                  indicator rows found by their 分值 and 得分)
      (forms: 资金 blocks written as labelled figures; family_grid: one-row tables
       whose header names a vocabulary family's members, the “三公”经费 table;
       grid: rows of bare figures under a header no reader knows, read by the
       formulas their columns agree on)
      → ScoreTable and its facts; the relations its rows state are bound by
        auditor/extract/bind/resolvers/tables.py like every other relation.

A table read wrongly is worse than a table not read: a row whose figures no
reading places for certain is refused, and the table ends there.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import field
from decimal import Decimal

from auditor.extract.model import Fact, ScoreTable, half_unit_of
from auditor import lazyre
from auditor.extract.tables.cells import BARRED, BREAK, CELL, EOL, PADDED, PLACED, Cell, cell_runs, line_cells
from auditor.extract.tables.columns import (CODE_CELL, CODE_HEADER, COLUMN_WORD, ROW_NUMBER_HEADERS, clean,
                                            is_label_header, role_of)
from auditor.extract.tables.family_grid import read_family_grids
from auditor.extract.tables.forms import read_blocks, read_forms
from auditor.extract.tables.grid import read_grids
from auditor.extract.tables.group_header import read_group_headers
from auditor.extract.tables.reader import GROUP_HEADING, ROW_NUMBER, TOTAL_ROW, read_run
from auditor.extract.tables.flat_funds import read_flat_funds
from auditor.extract.tables.labelled_row import read_labelled_rows
from auditor.extract.tables.score_rows import read_score_rows
from auditor.extract.tables.settlement import read_settlements
from auditor.extract.tables.net_assets import read_net_assets
from auditor.extract.tables.stacked_growth import read_stacked_growth
from auditor.extract.tables.stacked_levels import read_stacked_levels
from auditor.extract.tables.statement import read_statements
from auditor.extract.vocabulary import Vocabulary, strip_glosses
from auditor.normalise import Normalised
from auditor.widths import display_width
from auditor.records import dataclass

__all__ = ["TableResult", "read_tables", "TOTAL_ROW"]

_LONG_LINE = 180
_SHORT_FORM_LINE = 80
_FORM_TITLE = lazyre.compile(r"绩效自评表\s*项目名称")


@dataclass
class TableResult:
    """The tables of a text, the facts read from them and the lines they take."""

    tables: list[ScoreTable] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    lines: set[int] = field(default_factory=set)
    # the text after a table flattened onto one line, on that line (where the table's last row ends → the line's end):
    # no cell of the table, read as prose ("…得分年度资金总额1386.501472.301472.3010100%10按收入性质分:1472.30…": the
    # funds row a table, the two breakdowns after it side_by_side's)
    tails: list[tuple[int, int]] = field(default_factory=list)


def read_tables(norm: Normalised, vocab: Vocabulary) -> TableResult:
    result = TableResult()
    found: list[tuple[ScoreTable, list[Fact], tuple[int, int]]] = []
    sides = [side for run in cell_runs(norm.text) for half in side_by_side(run, norm.text, vocab)
             for side in sides_a_cell_a_line(half, norm.text) for coded in coded_halves_a_cell_a_line(side)
             for numbered in numbered_sides(coded, norm.text, vocab)
             for side in interleaved_sides(grouped_sides(numbered), norm.text, vocab)]
    runs = [part for side in sides for part in share_rows_apart(side)]
    # (a 收支结算表's closing rows, each side's 合计 its own: read by their balances, settlement.py)
    found.extend(read_settlements(sides, norm, vocab, 0))
    for cells in runs:  # fact ids are given below, in text order
        found.extend(read_run(cells, norm, vocab, 0, "cells"))
        found.extend(read_forms(cells, norm, vocab, 0))
        found.extend(read_blocks(cells, norm, vocab, 0))
        found.extend(read_family_grids(cells, norm, vocab, 0))
    for cells in flattened_lines(norm.text):
        found.extend(read_run(cells, norm, vocab, 0, "line"))
    # (an income and spending statement set one cell a line, read by its sides where its arithmetic bears that out:
    # it stands for whatever a reader above made of the same lines — rows whose labels ran into the side's name)
    # (one set a row a line is weighed after the grids: see _stands_for; a single section only its total names is
    # read last, where nothing else reads its lines)
    statements, by_lines, weak = [], [], []
    for table, facts, (a, b), layout in read_statements(norm, set(), vocab, 0):
        {"cells": statements, "lines": by_lines, "weak": weak}[layout].append((table, facts, (a, b)))
    if statements:
        spans = [(first, last) for _, _, (first, last) in statements]
        found = [t for t in found if not any(t[2][0] <= b and a <= t[2][1] and _rows_within(t[0], norm, a, b)
                                             for a, b in spans)]
    # (what no reader above placed by its header may still be grouped under 小计 columns, or a grid of
    # bare figures)
    taken = {line for _, _, (first, last) in found for line in range(first, last + 1)}
    for cells in runs:
        for table in read_group_headers(cells, norm, 0):
            if not any(line in taken for line in range(table[2][0], table[2][1] + 1)):
                found.append(table)
                taken.update(range(table[2][0], table[2][1] + 1))
    for table in [*statements, *read_score_rows(norm, taken, vocab, 0), *read_labelled_rows(norm, taken, vocab, 0),
                  *read_flat_funds(norm, taken, vocab, 0), *read_stacked_levels(norm, taken, vocab, 0),
                  *read_stacked_growth(norm, taken, vocab, 0), *read_net_assets(norm, taken, vocab, 0)]:
        # (a 收支表 by its sides; a score table with no header by its 分值 that make the 总分's; a funds row of labelled
        # cells, "项目资金(万元):年初预算数300 | … | 分值10 | 执行率100% | 得分10"; a funds block flattened from a PDF,
        # its header, then its rows' figures, then its source rows' names, flat_funds.py)
        if not any(line in taken for line in range(table[2][0], table[2][1] + 1)):
            found.append(table)
            taken.update(range(table[2][0], table[2][1] + 1))
    # (a table read by its header whose rows state nothing — "指标 | 2021年 | 2022年 | 2023年" over rows of indicators
    # whose rates are of other rows, "收入项目 金额 占比" (a column of shares) over rows whose whole is named 总收入 — leaves its lines to the
    # grid reader, which stands for it where it reads them; a table of years whose rows state only that a 其中 row is
    # within its total does too: its columns are no amounts of a kind, each row is an indicator of its own)
    # (only those two: the facts of another table that states nothing may still be the ones the text's other
    # relations name, by their concepts)
    silent = [t for t in found if t[0].kind in _ROWS_MAY_STATE_NOTHING and t[0].columns
              and ((years := all(_YEAR_COLUMN.match(clean(c)) for c in t[0].columns))
                   or any("share" in r.cells for r in t[0].rows))
              and _states_nothing(t[0], vocab, partial=years)]
    free = {line for _, _, (first, last) in silent for line in range(first, last + 1)}
    grids = read_grids(norm, taken - free, 0, vocab)
    read_again = {line for _, _, (first, last) in grids for line in range(first, last + 1)}
    stood_for = [t for t in silent if any(line in read_again for line in range(t[2][0], t[2][1] + 1))]
    found = [t for t in found if not any(t is x for x in stood_for)]
    found.extend(grids)
    for table in by_lines:
        a, b = table[2]
        over = [t for t in found if t[2][0] <= b and a <= t[2][1]]
        if all(_stands_for(t, norm, vocab, a, b) for t in over):
            found = [t for t in found if not any(t is x for x in over)]
            found.append(table)
    taken = {line for _, _, (first, last) in found for line in range(first, last + 1)}
    for table in weak:
        if not any(line in taken for line in range(table[2][0], table[2][1] + 1)):
            found.append(table)
            taken.update(range(table[2][0], table[2][1] + 1))
    found.sort(key=lambda t: t[0].span.start)
    fid = 0
    read_as_cells: set[int] = set()
    for table, facts, (first, last) in found:
        if table.layout == "line" and any(line in read_as_cells for line in range(first, last + 1)):
            continue  # the line was read as cells already (a flattened line may hold several tables)
        if table.layout != "line":
            read_as_cells.update(range(first, last + 1))
        renumbered = [f.model_copy(update={"id": fid + n}) for n, f in enumerate(facts)]
        fid += len(facts)
        remap = {f.span.start: g for f, g in zip(facts, renumbered)}
        rows = tuple(r.model_copy(update={"cells": {k: remap[v.span.start] for k, v in r.cells.items()}})
                     for r in table.rows)
        result.tables.append(table.model_copy(update={"rows": rows, "unlisted": _unlisted_note(norm.text, table, vocab)}))
        result.facts.extend(renumbered)
        result.lines.update(range(first, last + 1))
        if table.layout == "line" and first == last:
            end = norm.text.find("\n", table.span.end)
            end = len(norm.text) if end < 0 else end
            if end > table.span.end:
                result.tails.append((table.span.end, end))
    # (a line two flattened tables were read on: only the text after the later one)
    ends: dict[int, tuple[int, int]] = {}
    for a, b in result.tails:
        if b not in ends or a > ends[b][0]:
            ends[b] = (a, b)
    # (and after every cell read on that line: a table's span may leave out rows read beside it, "…得分年度资金总额…" then
    # the indicator rows of the same line)
    # (the cells by where they start, bisected for each tail's line: the lines are apart, so every cell is looked
    # at once at most — not every cell of the text for each line, quadratic in a text of many flattened tables)
    spans = sorted((f.span.start, f.span.end) for f in result.facts) if ends else []
    starts = [start for start, _ in spans]
    tails = []
    for a, b in sorted(ends.values()):
        begin = norm.text.rfind("\n", 0, a) + 1
        a = max([a, *(end for _, end in spans[bisect_left(starts, begin):bisect_left(starts, b)])])
        if a < b:
            tails.append((a, b))
    result.tails = tails
    return result


_ROWS_MAY_STATE_NOTHING = frozenset({"funds", "amounts"})
_YEAR_COLUMN = lazyre.compile(r"^(?:(?:19|20)\d{2}|1[0-4]\d)年度?(?:\((?:万元|亿元|元)\))?$")


def _unlisted_note(text: str, table: ScoreTable, vocab: Vocabulary) -> bool:
    """A note within the three lines under the table (注: …, 本表…) says some of its rows are not listed one by one
    ("注:本表按支出功能分类科目列示,金额较小的款级科目未逐项列示,合计数包含全部科目")."""
    note = vocab.cue("unlisted_rows_note")
    for line in text[table.span.end:table.span.end + 300].split("\n")[1:4]:
        line = line.strip()
        if line.startswith(("注", "说明", "备注", "本表", "表中")) and note.search(line):
            return True
    return False


def _states_nothing(table: ScoreTable, vocab: Vocabulary, partial: bool = False) -> bool:
    """Do the table's rows state no relation at all (no sum, rate, change, share, balance)?  `partial`: lists naming
    only some parts of their total (其中 rows) that stay within it count as nothing (one that exceeds it is kept)."""
    from auditor.extract.bind.lists import adds_up
    from auditor.extract.bind.resolvers import tables as table_resolver  # (the binder's reading of tables)
    found = table_resolver.resolve([table], vocab)
    breakdowns = [b for b in found.breakdowns if not (
        partial and not b.complete and not b.subtracted
        and (sum((p.value for p in b.parts), Decimal(0)) <= b.total.value or adds_up(b.total, b.parts)))]
    return not any((breakdowns, found.rates, found.funds_scores, found.indicators, found.score_sums,
                    found.changes, found.shares, found.differences, found.targets))


def _stands_for(found: tuple, norm: Normalised, vocab: Vocabulary, first: int, last: int) -> bool:
    """Does a statement set one row a line on lines first … last stand for this reading of its lines?  Only for a
    table within them whose rows state nothing, or a grid that reads only rows as sums of rows (stacked_rows: the
    statement's sections say which rows); a header reader's table that states its rows' changes or rates, or a grid
    whose columns agree on a formula, stands (and the statement is dropped)."""
    table = found[0]
    if table.kind == "grid" and table.formulas:
        # (a grid's rows that no formula relates — its years read as a row above the statement's first line,
        # "2024 2023 2024 2023" — say nothing the statement does not)
        related = {n for f in table.formulas for n in (f.target, *f.operands)}
        rows = [row for n, row in enumerate(table.rows) if n in related]
        if not all(first <= norm.line_col(row.span.start)[0] - 1 <= last for row in rows):
            return False
    elif not _rows_within(table, norm, first, last):
        return False
    if table.columns and all(_YEAR_COLUMN.match(clean(c)) for c in table.columns):
        # (a header of years alone, "项目 | 2022年度 | 2021年度", names no column's role: read as "2022 | 2021" is,
        # by the statement's sides — not a 合计 row over every row above it, the other side's total among them)
        return True
    if table.kind == "grid":
        return bool(table.formulas) and all(f.kind == "row_sum" and f.reason == "stacked_rows" for f in table.formulas)
    return _states_nothing(table, vocab)


def _rows_within(table: ScoreTable, norm: Normalised, first: int, last: int) -> bool:
    """Do all the table's rows stand on lines first … last (0-based)?"""
    return all(first <= norm.line_col(row.span.start)[0] - 1 <= last for row in table.rows)


_SIDE_LABEL = lazyre.compile(r"^(?:收入|支出|资产|负债|来源|用途)(?:项目|类别|科目)?$|^项目$")


def _halves_alike(row: list[Cell]) -> bool:
    """A header of two alike halves: "收入项目 | 决算数 | 支出项目 | 决算数", or with a 行次 column after each
    label ("项目 | 行次 | 金额 | 项目 | 行次 | 金额")."""
    if len(row) not in (4, 6):
        return False
    half = len(row) // 2
    left, right = row[:half], row[half:]
    if not (_SIDE_LABEL.match(clean(left[0].text)) and _SIDE_LABEL.match(clean(right[0].text))):
        return False
    if any(clean(a.text) != clean(b.text) for a, b in zip(left[1:], right[1:])):
        return False
    return role_of(left[-1].text) is not None and all(clean(c.text) in ROW_NUMBER_HEADERS for c in left[1:-1])


def side_by_side(cells: list[Cell], text: str, vocab: Vocabulary | None = None) -> list[list[Cell]]:
    """A table of two halves side by side ("收入项目 | 决算数 | 支出项目 | 决算数", a 收入支出决算总表):
    its left and right halves as two runs, each row split in two — by its cells when it has four, else
    by where its cells stand against the header's.  A row that cannot be split for certain (a cell
    across the middle) ends both halves there: no figure lands in the wrong one.  What follows a line of
    one name ("续表", the next table's title) is tried the same way: a 续表 repeats the header of two halves,
    and its rows are as two-sided as the page's before it."""
    out: list[list[Cell]] = []
    rest: list[Cell] | None = cells
    while rest:
        halves, rest = _side_by_side(rest, text, vocab)
        out.extend(halves)
    return out or [cells]


def _side_by_side(cells: list[Cell], text: str, vocab: Vocabulary | None) -> tuple[list[list[Cell]], list[Cell] | None]:
    """side_by_side up to the first line of one name: the halves read, and the cells from that line on (None
    when none)."""
    lines: dict[int, list[Cell]] = {}
    for c in cells:
        if c.kind == CELL:
            lines.setdefault(c.line, []).append(c)
    ends: dict[int, str | None] = {}  # each line's end mark's source (a bar row's: its empty cells kept or dropped)
    for c in cells:
        if c.kind == EOL:
            ends[c.line] = c.source
    header = next((line for line, row in lines.items() if _halves_alike(row)), None)
    if header is None:
        return [cells], None
    width = len(lines[header])  # (4: 项目 | 金额 twice; 6: 项目 | 行次 | 金额 twice)
    half_width = width // 2

    def at(c: Cell) -> int:  # (where a cell stands in its line)
        return c.start - text.rfind("\n", 0, c.start) - 1

    def at_wide(c: Cell) -> int:  # (where it stands on the page: wide characters take two columns)
        return display_width(text[text.rfind("\n", 0, c.start) + 1:c.start])

    head = lines[header]
    head_barred = text[text.rfind("\n", 0, head[0].start) + 1:head[0].start].strip().startswith("|")
    middle = (at(head[half_width - 1]) + len(head[half_width - 1].text) + at(head[half_width])) / 2
    middle_wide = (at_wide(head[half_width - 1]) + display_width(head[half_width - 1].text)
                   + at_wide(head[half_width])) / 2

    def split_at(row: list[Cell], where, width_of, mid: float) -> tuple[list[Cell], list[Cell]] | None:
        halves = ([x for x in row if where(x) + width_of(x.text) <= mid], [x for x in row if where(x) >= mid])
        if len(halves[0]) + len(halves[1]) != len(row) or len(halves[0]) > half_width \
                or len(halves[1]) > half_width or any(h and _is_figure(h[0]) for h in halves):
            return None
        return halves
    flows = _side_flows(lines, header, width, vocab)
    numbers = [0, 0]  # the last item number of each half ("一、" … "七、")
    done: list[list[Cell]] = []
    left: list[Cell] = []
    right: list[Cell] = []
    for n, c in enumerate(cells):
        row = lines.get(c.line)
        if c.line < header:  # (the title lines above the header: the left half's)
            left.append(c)
            continue
        if row is not None and c is row[0] and len(row) == 1 and not row[0].text[:1].isdigit() \
                and text[text.rfind("\n", 0, c.start) + 1:c.start].strip() != "|":
            # a line of one name after the rows ("支出决算表", "续表"): the next table, tried again
            return [*done, left, right], cells[n:]
        if row is None:  # (the marks between rows)
            left.append(c)
            right.append(c)
            continue
        if c is not row[0]:
            continue
        if len(row) != width:
            row = [piece for x in row for piece in _pieces(x)]  # ("0.00         公用经费": two cells run together)
        if len(row) < width and len(split := [piece for x in row for piece in _label_value(x)]) == width:
            row = split  # ("其中：人员经费 1,420.00": a value one space after its label is still that label's)
        if len(row) + 1 == width and not head_barred and text[text.rfind("\n", 0, c.start) + 1:c.start].strip() == "|":
            # (rows written without a bar that opens them, "项目 | 预算数 | 项目 | 预算数": a row " | | 其中：项目结转 | 40.00"
            # one cell short opens with an empty cell the bar after it does not open — which cell it lost is open: read
            # from the left it would put the 支出 side's 其中 row under the last 收入 row. Both halves end there, as at a
            # cell across the middle: silent, never read into the wrong half)
            done.extend(h for h in (left, right) if h)
            left, right = [], []
            continue
        if len(row) == width:
            halves = (row[:half_width], row[half_width:])
        elif len(row) < width and (text[text.rfind("\n", 0, c.start) + 1:c.start].strip() == "|"
                                   or ends.get(c.line) == PADDED or _barred_from_left(text, c.start)):
            # ("| 五、事业收入 | 5 | 12.19 | | | |", "六、其他收入 | 1.92 |  | ": a bar row whose empty cells at the end
            # were dropped — with or without the bar that opens it; "八、其他收入|8|0.00", tabs between cells and
            # none after them: its cells stand from the left)
            # (… unless the row is one side's name and figures whose money is the right half's, "|四、住房保障支出|854,381.60"
            # or "三、卫生健康支出|612,520.00" under 支出 once the 收入 side has run out of rows: never a 收入 row)
            side = _one_side(row, half_width, flows, numbers, vocab)
            halves = ([], row) if side == 1 else (row[:half_width], row[half_width:])
        else:
            halves = split_at(row, at, len, middle)
            if halves is None:
                # (a table set for the page, its columns aligned in display columns — a wide character takes two:
                # "一、一般公共预算财政拨款收入        1     12,486.35     一、一般公共服务支出    32" with its right-hand
                # amount empty stands split by where its cells stand on the page, not by their characters)
                halves = split_at(row, at_wide, display_width, middle_wide)
            if halves is None:
                side = _one_side(row, half_width, flows, numbers, vocab)
                halves = (row, []) if side == 0 else ([], row) if side == 1 else None
            if halves is None:
                # (a cell across the middle, "0.00  公用经费", or a half that would start with a figure — its label in
                # the other half, "四、上级补助收入      4      153.70" set loosely: the row is neither half's. Both
                # halves end there and the rows after it are split again as two new halves — never read whole,
                # where one side's rows would run into the other's)
                done.extend(h for h in (left, right) if h)
                left, right = [], []
                continue
        for k, half in enumerate(halves):
            if half and (number := _ITEM_NUMBER.match(clean(half[0].text))):
                numbers[k] = _CHINESE_NUMBERS.index(number.group(1)) + 1
        for half, out in zip(halves, (left, right)):
            if half:
                out.extend(half)
                # (each half's end mark says what the line's did: its empty cells at the end kept or dropped)
                out.append(Cell(text="", start=half[-1].end, end=half[-1].end, line=c.line, kind=EOL,
                                source=ends.get(c.line)))
    return [*done, left, right], None


def _side_flows(lines: dict[int, list[Cell]], header: int, width: int, vocab: Vocabulary | None) -> dict[str, int]:
    """Which half holds the money coming in and which the money going out, as the rows of both halves say
    ("本年收入合计 | … | 本年支出合计 | …"): {"in": 0, "out": 1} or the mirror, or {} where the rows do not say it
    or say both of one half."""
    if vocab is None:
        return {}
    seen: tuple[set, set] = (set(), set())
    for line, row in lines.items():
        if line <= header:
            continue
        if len(row) != width:
            row = [piece for x in row for piece in _pieces(x)]
        if len(row) == width:
            for k, half in enumerate((row[:width // 2], row[width // 2:])):
                seen[k].add(vocab.flow(clean(half[0].text)))
    if seen[0] & {"in", "out"} == {"in"} and seen[1] & {"in", "out"} == {"out"}:
        return {"in": 0, "out": 1}
    if seen[0] & {"in", "out"} == {"out"} and seen[1] & {"in", "out"} == {"in"}:
        return {"in": 1, "out": 0}
    return {}


def _one_side(row: list[Cell], half_width: int, flows: dict[str, int], numbers: list[int],
              vocab: Vocabulary | None) -> int | None:
    """The half a row of one side's cells belongs to where their places on the line do not say it ("八、其他收入   8
    28.32" set loosely): a name then figures, no more cells than a half, whose money (…收入, …支出) is the money of
    one half as the two-sided rows say, and whose item number, if any, continues that half's. None: not known."""
    if vocab is None or not flows or not row or len(row) > half_width or _is_figure(row[0]) \
            or not all(_is_figure(x) or clean(x.text) in ("", "-", "—", "/") for x in row[1:]):
        return None
    side = flows.get(vocab.flow(clean(row[0].text)) or "")
    number = _ITEM_NUMBER.match(clean(row[0].text))
    if side is None or number and _CHINESE_NUMBERS.index(number.group(1)) + 1 != numbers[side] + 1 and numbers[side]:
        return None
    return side


def _barred_from_left(text: str, start: int) -> bool:
    """The line from `start` (its first cell) is a bar row that opens with a cell, no bar ("八、其他收入|8|0.00"):
    its cells stand from the left, one column each."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    return "|" in line and not line.lstrip().startswith("|")


_FIGURE_CELL = lazyre.compile(r"^[-+]?[\d,，.]+%?$")


def _is_figure(cell: Cell) -> bool:
    return bool(_FIGURE_CELL.match(clean(cell.text)))


# the two sides of a 收支平衡表 set one cell a line: "收入 ⏎ 执行数 ⏎ 支出 ⏎ 执行数", each row four cells after it (a side
# that has run out writes its two cells empty)
_INCOME_SIDE = lazyre.compile(r"^收入(?:项目)?$")
_SPENDING_SIDE = lazyre.compile(r"^支出(?:项目)?$")


def _no_cell_holds(cells: list[Cell], *chars: str) -> bool:
    """Does no cell's text hold any of `chars`?  The whole-run test the readers of two sides set apart ask first: the
    header cell each needs (收入, 科目编码, 按…分, 合计 …) holds one of them in its text as written — `clean` only drops
    spaces and glosses, never adds a character — and most runs hold none (a character at a time, str's own search)."""
    return not any(ch in c.text for c in cells for ch in chars)


def sides_a_cell_a_line(cells: list[Cell], text: str) -> list[list[Cell]]:
    """A 收支平衡表 of two sides set one cell a line, each row its four cells on four lines (empty ones kept): its
    收入 side and its 支出 side as two runs, each under its own two header cells; the rows end at the first four
    cells that are no row of both sides (a mark, a cell of prose, a figure where a name stands), and what follows
    is read whole.  A table the text ends in is left whole (unread): an excerpt may have cut its last rows, and a
    side's 总计 would miss them."""
    if _no_cell_holds(cells, "收"):
        return [cells]  # (no 收入 cell: no side to set apart)
    plain = [n for n, c in enumerate(cells) if c.kind == CELL]
    for k in range(len(plain) - 3):
        a, b, c, d = (cells[plain[k + m]] for m in range(4))
        if not (_INCOME_SIDE.match(clean(a.text)) and _SPENDING_SIDE.match(clean(c.text)) and b.text
                and clean(b.text) == clean(d.text) and role_of(b.text)
                and plain[k + 3] - plain[k] == 3 and len({a.line, b.line, c.line, d.line}) == 4):
            continue
        if not _CONTENT.search(text, cells[plain[-1]].end):
            return [cells]  # (the text ends in the table: an excerpt may have cut its rows)
        start = plain[k]
        left, right = [a, b], [c, d]
        n = start + 4
        rows = 0
        while n + 3 < len(cells):
            row = cells[n:n + 4]
            if any(x.kind != CELL for x in row) or len({x.line for x in row}) != 4 \
                    or not all(_name_or_empty(row[m]) and _figure_or_empty(row[m + 1]) for m in (0, 2)) \
                    or all(not x.text for x in row):
                break
            for side, (name, figure) in ((left, row[:2]), (right, row[2:])):
                if name.text or figure.text:
                    side.extend((name, figure))
            rows += 1
            n += 4
        if rows < 2:
            continue
        return [cells[:start], left, right, cells[n:]]
    return [cells]


def coded_halves_a_cell_a_line(cells: list[Cell]) -> list[list[Cell]]:
    """Two coded tables side by side set one cell a line ("人员经费 | 公用经费" over "科目编码 ⏎ 科目名称 ⏎ 决算数 ⏎
    科目编码 ⏎ 科目名称 ⏎ 决算数"), each row six cells, three of each half: the halves as two runs under their own
    header cells.  The rows end at the first six cells that are not (code, name, figure) twice, or whose codes do not
    go on the codes of their own half (a 款 code under its half's 类: "303 ⏎ … ⏎ 30302" where the other half has run
    out is no row of both); what follows is tried again (a 续表). Rows under such a header that are no two halves' are
    left unread, never read whole."""
    if _no_cell_holds(cells, "码", "号"):
        return [cells]  # (no 科目编码 / 编码 / 代码 / 科目号 cell: no coded header)
    plain = [n for n, c in enumerate(cells) if c.kind == CELL]
    for k in range(len(plain) - 5):
        head = [cells[plain[k + m]] for m in range(6)]
        names = [clean(c.text) for c in head]
        if not (CODE_HEADER.match(names[0]) and names[:3] == names[3:] and role_of(head[2].text)
                and plain[k + 5] - plain[k] == 5 and len({c.line for c in head}) == 6):
            continue
        start = plain[k]
        left, right = head[:3], head[3:]
        classes = ["", ""]  # each half's current 类 code
        n = start + 6
        rows = 0
        while n + 5 < len(cells):
            row = cells[n:n + 6]
            if any(x.kind != CELL for x in row) or len({x.line for x in row}) != 6 \
                    or not all(CODE_CELL.match(row[m].text) and row[m + 1].text and not _FIGURE.match(row[m + 1].text)
                               and _FIGURE.match(row[m + 2].text) for m in (0, 3)):
                break
            codes = [row[0].text, row[3].text]
            if not all(len(code) == 3 and code not in classes or code[:3] == classes[h] and len(code) > 3
                       for h, code in enumerate(codes)):
                break
            classes = [code[:3] for code in codes]
            left.extend(row[:3])
            right.extend(row[3:])
            rows += 1
            n += 6
        if rows < 2:
            # (rows that are no two halves' — one half has run out, its cells dropped: which half each is, nothing
            # says; read whole, the halves' rows would run together)
            return [cells[:start]]
        return [cells[:start], left, right, *coded_halves_a_cell_a_line(cells[n:])]
    return [cells]


def interleaved_sides(cells: list[Cell], text: str, vocab: Vocabulary) -> list[list[Cell]]:
    """A 收支总表 of two sides set one cell a line with its empty cells dropped: "收入 ⏎ 支出 ⏎ 项目 ⏎ 决算数 ⏎ 项目 ⏎ 决算数",
    then each row's name and figure of the 收入 side and of the 支出 side in turn — a side that has run out writes none.
    Each (name, figure) goes to a side: by its numbering where it continues one side's items only ("四、" after the
    收入 side's "三、"), else by the money its name says comes in or goes out (…收入 left, …支出 right), else to the side
    whose turn it is; a name that says the other side's money is put where it cannot be, and nothing is split.  The
    two sides are read as two runs, each under its own two header cells, and what follows whole; a table the text ends
    in is left whole (an excerpt may have cut its last rows)."""
    if _no_cell_holds(cells, "收"):
        return [cells]  # (no 收入 cell: no side to set apart)
    plain = [n for n, c in enumerate(cells) if c.kind == CELL and c.text]
    for k in range(len(plain) - 5):
        six = [cells[plain[k + m]] for m in range(6)]
        a, b, c, d, e, f = six
        if not (_INCOME_SIDE.match(clean(a.text)) and _SPENDING_SIDE.match(clean(b.text)) and is_label_header(c.text)
                and clean(c.text) == clean(e.text) and role_of(d.text) and clean(d.text) == clean(f.text)
                and len({x.line for x in six}) == 6):
            continue
        pairs: list[tuple[Cell, Cell]] = []
        m = k + 6
        while m + 1 < len(plain):
            name, figure = cells[plain[m]], cells[plain[m + 1]]
            if _FIGURE.match(name.text) or not _FIGURE.match(figure.text) or name.line == figure.line \
                    or len(clean(name.text)) > 30:
                break
            pairs.append((name, figure))
            m += 2
        sides = _sides_of(pairs, vocab) if len(pairs) >= 4 else None
        if sides is None:
            continue
        last = pairs[-1][1]
        if not _CONTENT.search(text, last.end) and not (
                all(_GRAND_TOTAL.search(clean(side[-1][0].text)) for side in sides)
                and not _blank_between([x for x in cells[plain[k]:cells.index(last) + 1] if x.kind == CELL])):
            # (the text ends in the table: an excerpt may have cut its rows — unless each side ends in its 总计, after
            # which a side has no row, and no empty cell was kept among the rows: where some were, a pair's side is
            # not its turn, "上年结转 ⏎ … ⏎ 一般公共预算拨款 ⏎ 120.40 ⏎ ⏎ ⏎ 政府性基金预算拨款 ⏎ 56.00" are both 收入)
            return [cells]
        left = [c, d, *(x for pair in sides[0] for x in pair)]
        right = [e, f, *(x for pair in sides[1] for x in pair)]
        after = next((n for n in range(plain[k + 5], len(cells)) if cells[n].start > last.start), len(cells))
        return [cells[:plain[k]], left, right, cells[after:]]
    return [cells]


def share_rows_apart(cells: list[Cell]) -> list[list[Cell]]:
    """A 收支结算表 of two sides set one cell a line with its empty cells dropped, whose 支出 side gives each item its
    amount and share (and the cumulative amount and share: "主食 ⏎ 8412 ⏎ 6.62% ⏎ 31881 ⏎ 5.77%") while the 收入 side's
    rows, between them, write a name and one figure or none ("本月午餐费 ⏎ 86460"): the share rows as a run of their
    own under the header cells that name their columns ("项目 ⏎ 金额 ⏎ 百分比 ⏎ 金额 ⏎ 百分比"), ending in their total
    row, the one whose shares are 100 %.  Pinned by that: the header's figure columns as many as each row's figures,
    a share where the total writes 100 %, at least three share rows and another side's row among them.  Any row of
    two figures or more that is not of that shape (a cell dropped, a cell moved) leaves the table whole: a side
    short of a row would break its total."""
    if _no_cell_holds(cells, "%") or _no_cell_holds(cells, "计", "計"):
        return [cells]  # (no share, or no 合计 / 总计 row: no share rows to set apart)
    plain = [n for n, c in enumerate(cells) if c.kind == CELL and c.text.strip()]
    items: list[tuple[int, list[int]]] = []  # (name's index in plain, its figures' indices in plain)
    for k, n in enumerate(plain):
        if not _FIGURE_CELL.match(clean(cells[n].text)):
            items.append((k, []))
        elif items:
            items[-1][1].append(k)
    for t, (name, figures) in enumerate(items):
        shares = [clean(cells[plain[k]].text).endswith("%") for k in figures]
        if not (_SHARE_TOTAL.search(clean(cells[plain[name]].text)) and len(figures) >= 2 and any(shares)
                and all(_percent(cells[plain[k]].text) == 100 for k, s in zip(figures, shares) if s)
                and not shares[0]):
            continue
        width = len(figures)
        rows, others = [], 0
        for name_k, figs in reversed(items[:t]):
            if len(figs) == width:
                texts = [clean(cells[plain[k]].text) for k in figs]
                if not all(_FIGURE_CELL.match(x) and (x.endswith("%") or "." in x) if s else not x.endswith("%")
                           for x, s in zip(texts, shares)):
                    return [cells]  # (a row out of shape: a cell dropped or moved)
                rows.append((name_k, figs))
            elif len(figs) >= 2 or any(clean(cells[plain[k]].text).endswith("%") for k in figs):
                if rows:
                    return [cells]
                break
            elif role_of(cells[plain[name_k]].text) and not figs:
                break  # (the header's cells: the rows start below them)
            else:
                others += bool(rows) or bool(figs)
        rows.reverse()
        if len(rows) < 3 or not others:
            return [cells]
        first = rows[0][0]
        heads = [k for k in range(first) if is_label_header(cells[plain[k]].text)
                 and k + width < first and all(role_of(cells[plain[k + m]].text) for m in range(1, width + 1))]
        if not heads:
            return [cells]
        head = heads[-1]
        if any(head < name_k < first and len(figs) == width for name_k, figs in items):
            return [cells]  # (a row of the side above the first one read: the side would be short of it)
        # (the side's own name above the header, "支出部分", heads the run: the side read apart, not a 收支平衡表 whole)
        side = [k for k in range(head) if _SIDE_NAME.match(clean(cells[plain[k]].text))][-1:]
        taken = {*side, *range(head, head + width + 1), *(k for name_k, figs in [*rows, (name, figures)]
                                                          for k in (name_k, *figs))}
        if len({cells[plain[k]].line for k in taken}) != len(taken):
            return [cells]  # (one cell a line only: cells sharing a line are some other layout)
        # (the rest of the table is left unread: the other side's rows, its share rows taken out, would stand next to
        # rows that are no list with them — "本月合计 ⏎ 本月结存 ⏎ 合计", the 结存 the spending side's)
        return [cells[:plain[min(taken)]], [cells[plain[k]] for k in sorted(taken)]]
    return [cells]


def _percent(text: str) -> Decimal | None:
    number = clean(text).rstrip("%").replace(",", "")
    return Decimal(number) if _FIGURE.match(number) else None


_SIDE_NAME = lazyre.compile(r"^(?:收入|支出)(?:部分|项目)?$")
_SHARE_TOTAL = lazyre.compile(r"(?:合计|合計|总计|總計)$")


def numbered_sides(cells: list[Cell], text: str, vocab: Vocabulary) -> list[list[Cell]]:
    """A 收入支出决算总表 of two sides set one cell a line, each row's name, 行次 and figure on three lines and the two
    sides' rows in turn, "一、一般公共预算财政拨款收入 ⏎ 1 ⏎ 3,526.48 ⏎ 一、一般公共服务支出 ⏎ 32 ⏎ 2,410.35 ⏎ …": the 行次 say
    the side — each side's numbers go on by one (1, 2, 3 … and 32, 33 …) — and are no figures.  The two sides are read as
    two runs of (name, figure), under the header's 项目 and its figure column where the table writes one ("项目 ⏎ 行次 ⏎
    决算数" twice), else under the 项目 | 决算数 its title implies, when that title names the unit's account (cue
    unit_account) — and only where no name says the money of the other side (…收入 on the 支出 side) and each side
    has two rows at least."""
    if sum(1 for c in cells if len(c.text) <= 3 and c.text.isdigit()) < 4:
        return [cells]  # (fewer than four cells of a 行次 — ROW_NUMBER's one to three digits — than four rows need)
    plain = [n for n, c in enumerate(cells) if c.kind == CELL and c.text]
    for k in range(len(plain) - 8):
        triples = []
        m = k
        while m + 2 < len(plain):
            name, number, figure = (cells[plain[m + j]] for j in range(3))
            if _FIGURE.match(name.text) or not ROW_NUMBER.fullmatch(number.text) or not _FIGURE.match(figure.text) \
                    or ROW_NUMBER.fullmatch(figure.text) \
                    or len({name.line, number.line, figure.line}) != 3 or len(clean(name.text)) > 30:
                break
            triples.append((name, int(number.text), figure))
            m += 3
        if len(triples) < 4:
            continue
        sides: tuple[list, list] = ([], [])
        last = [triples[0][1] - 1, None]
        for name, number, figure in triples:
            if number == last[0] + 1 and number != (last[1] or -1) + 1:
                side = 0
            elif last[1] is None and number > last[0] + 1 or last[1] is not None and number == last[1] + 1:
                side = 1
            else:
                break  # (a number that goes on neither side: the rows are not known)
            flow = vocab.flow(clean(name.text))
            if (side == 0 and flow == "out") or (side == 1 and flow == "in"):
                break
            last[side] = number
            sides[side].append((name, figure))
        else:
            if not all(len(side) >= 2 for side in sides):
                continue
            heads = [[cells[plain[k - j]] for j in range(n, n - 3, -1)] for n in (6, 3) if k >= n]
            heads = [h for h in heads if is_label_header(h[0].text) and clean(h[1].text) in ROW_NUMBER_HEADERS
                     and role_of(h[2].text)]
            if len(heads) == 2:  # (each side's own: "收入 ⏎ 行次 ⏎ 决算数 ⏎ 支出 ⏎ 行次 ⏎ 决算数")
                left, right = [heads[0][0], heads[0][2]], [heads[1][0], heads[1][2]]
            elif heads:
                left = right = [heads[-1][0], heads[-1][2]]
            elif vocab.cue("unit_account").search(text, 0, triples[0][0].start):
                # (the two header cells it implies, each a line of its own above the rows, as a table's are)
                # (zero-width but for the line break before the first row, which the figure column's cell ends on)
                at, line = triples[0][0].start, triples[0][0].line
                if at < 1:
                    return [cells]
                left = right = [Cell("项目", at - 1, at - 1, line - 2), Cell("决算数", at - 1, at, line - 1)]
            else:
                return [cells]
            after = next((n for n in range(plain[m - 1], len(cells)) if cells[n].start > triples[-1][2].start), len(cells))
            before = plain[k] if left[0] not in cells else cells.index(left[0])
            return [cells[:before], [*left, *(x for pair in sides[0] for x in pair)],
                    [*right, *(x for pair in sides[1] for x in pair)], cells[after:]]
        return [cells]
    return [cells]



def _blank_between(cells: list[Cell]) -> bool:
    """Do empty cells stand among these, kept as empty ones or as blank lines (a cell a line)?"""
    return any(not c.text for c in cells) or any(b.line - a.line > 1 for a, b in zip(cells, cells[1:]))


def _sides_of(pairs: list[tuple[Cell, Cell]], vocab: Vocabulary) -> tuple[list, list] | None:
    """The (name, figure) pairs of the 收入 side and of the 支出 side (see interleaved_sides), or None when a name says
    the money of a side it cannot be put on, or a side has fewer than two rows."""
    sides: tuple[list, list] = ([], [])
    numbers = [0, 0]  # the last item number of each side ("一、" … "三、")
    turn = 0
    for name, figure in pairs:
        label = clean(name.text)
        flow = vocab.flow(label)
        number = _ITEM_NUMBER.match(label)
        value = _CHINESE_NUMBERS.index(number.group(1)) + 1 if number else None
        side = None
        if value is not None and (value == numbers[0] + 1) != (value == numbers[1] + 1):
            side = 0 if value == numbers[0] + 1 else 1
        elif flow in ("in", "out"):
            side = 0 if flow == "in" else 1
        else:
            side = turn
        if (side == 0 and flow == "out") or (side == 1 and flow == "in"):
            return None
        if value is not None:
            if value != numbers[side] + 1:
                return None  # (an item out of its side's order: the sides are not known)
            numbers[side] = value
        sides[side].append((name, figure))
        turn = 1 - side
    return sides if all(len(s) >= 2 for s in sides) else None


_GRAND_TOTAL = lazyre.compile(r"总计$")  # (a side's last row: 收入总计, 支出总计)
_ITEM_NUMBER = lazyre.compile(r"^([一二三四五六七八九十])[、.．]")
_CHINESE_NUMBERS = "一二三四五六七八九十"


def _name_or_empty(cell: Cell) -> bool:
    return not cell.text or not _FIGURE.match(cell.text)


def _figure_or_empty(cell: Cell) -> bool:
    return not cell.text or bool(_FIGURE.match(cell.text))


_FIGURE = lazyre.compile(r"^-?\d[\d,]*(?:\.\d+)?$")
_CONTENT = lazyre.compile(r"[^\s|]")  # (anything written after a run's last cell)
_GAP = lazyre.compile(r"\S+(?:\s\S+)*")  # (words apart by single spaces: one cell; two or more part cells)


def _pieces(cell: Cell) -> list[Cell]:
    """A cell whose text holds a wide gap, as the cells it is made of (plain cells only)."""
    if cell.source is not None or "  " not in cell.text.strip():
        return [cell]
    return [Cell(text=m.group(), start=cell.start + m.start(), end=cell.start + m.end(), line=cell.line)
            for m in _GAP.finditer(cell.text)]


_LABEL_VALUE = lazyre.compile(r"(\S*[^\W\d_][^\s\d]*)\s(-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)")


def _label_value(cell: Cell) -> list[Cell]:
    """A cell of a label and its value one space apart ("其中：人员经费 1,420.00", set in a half whose label ran
    long), as the two cells it is (plain cells only; a label that ends in a figure, "2023 年", or a value with
    words after it is left whole)."""
    if cell.source is not None or not (m := _LABEL_VALUE.fullmatch(cell.text)):
        return [cell]
    return [Cell(text=m.group(k), start=cell.start + m.start(k), end=cell.start + m.end(k), line=cell.line)
            for k in (1, 2)]


def flattened_lines(text: str):
    """Long lines that hold a 自评表 flattened onto one line (its column names run
    together or separated by spaces), each as a run of cells."""
    pos = 0
    for index, line in enumerate(text.split("\n")):
        start, pos = pos, pos + len(line) + 1
        if len(line) < _LONG_LINE and not (len(line) >= _SHORT_FORM_LINE and _FORM_TITLE.search(line)):
            continue  # (a shorter line flattened whole is one that names its form: "项目支出绩效自评表 项目名称 … 得分 …")
        view = strip_glosses(line)
        names = [m for m in COLUMN_WORD.finditer(view) if role_of(m.group()) in {"rate", "weight", "score", "actual",
                                                                                  "budget_adjusted", "budget"}]
        if len(names) >= 3:
            yield line_cells(line, start, index)


_GROUP_FIGURE = lazyre.compile(r"-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")


def grouped_sides(cells: list[Cell]) -> list[Cell]:
    """A 部门整体 自评表's two breakdowns of its total set side by side under the total row: "按收入性质分 | | |
    按支出性质分" over "一般公共预算 | 3126.48 | | 基本支出 | 1784.52", each row one figure a side, standing under no
    column of the header (the template merges the cells).  The block is set out one group under the other, each under
    its heading row, and each figure is placed in the one column of the total row that one of the groups makes (its
    figures adding to that cell, two at least): the other group is then all of that same cell.  Where no column, or
    more than one, is made so, the cells are left as they are (the block is not read).  The rows carry a via that
    makes what they state a warning: the column is the arithmetic's, not the layout's."""
    if _no_cell_holds(cells, "按"):
        return cells  # (no 按…分 heading: no groups)
    lines: dict[int, list[Cell]] = {}
    ends: dict[int, Cell] = {}
    for c in cells:
        if c.kind == CELL:
            lines.setdefault(c.line, []).append(c)
        elif c.kind == EOL:
            ends.setdefault(c.line, c)
    order = sorted(lines)
    for n, line in enumerate(order):
        row = lines[line]
        named = [k for k, c in enumerate(row) if c.text.strip()]
        if len(named) != 2 or named[0] != 0 or named[1] < 2 \
                or not all(GROUP_HEADING.match(clean(row[k].text)) for k in named) or n == 0:
            continue
        split = named[1]
        total = lines[order[n - 1]][1:]
        sides: tuple[list, list] = ([], [])
        last = n
        for index, later in enumerate(order[n + 1:], n + 1):
            cs = lines[later]
            halves = (cs[:split], cs[split:])
            found = []
            for half in halves:
                filled = [c for c in half if c.text.strip()]
                if not filled:
                    found.append(None)
                    continue
                if len(filled) != 2 or filled[0] is not half[0] or _GROUP_FIGURE.fullmatch(half[0].text.strip()) \
                        or not _GROUP_FIGURE.fullmatch(filled[1].text.strip()):
                    found = []
                    break
                found.append((filled[0], filled[1]))
            if len(found) != 2 or found == [None, None]:
                break
            for k, pair in enumerate(found):
                if pair is not None:
                    sides[k].append(pair)
            last = index
        if min(len(sides[0]), len(sides[1])) < 2:
            continue
        column = _made_column(total, sides)
        if column is None:
            continue
        first_line, last_line = line, order[last]
        out: list[Cell] = []
        emitted = False
        for c in cells:
            if first_line <= c.line <= last_line and c.kind in (CELL, EOL):
                if not emitted:
                    emitted = True
                    for k, heading in enumerate([row[named[0]], row[named[1]]]):
                        out += [heading, Cell(text="", start=heading.end, end=heading.end, line=heading.line, kind=EOL,
                                              source=BARRED)]
                        for label, figure in sides[k]:
                            out.append(label)
                            out += [Cell(text="", start=label.end, end=label.end, line=label.line) for _ in range(column)]
                            out += [figure, Cell(text="", start=figure.end, end=figure.end, line=figure.line, kind=EOL,
                                                 source=PLACED)]
                continue
            out.append(c)
        return out
    return cells


def _made_column(total: list[Cell], sides: tuple[list, list]) -> int | None:
    """The one column of the total row (counted after its label) whose figure one group's figures make exactly.  A 其中
    row ("基本支出 | 1208.6 ⏎ 其中：公用经费 | 186.4") is a part of the row above it, never of its group: it is left out
    of the group's sum (_group_rows)."""
    own = [_group_rows(side) for side in sides]
    made = set()
    for k, cell in enumerate(total):
        text = cell.text.strip()
        if not _GROUP_FIGURE.fullmatch(text):
            continue
        for side in own:
            parts = [f for _, f in side]
            if sum(1 for p in parts if _value(p)) >= 2 and _closes(cell, parts):
                made.add(k)
    return made.pop() if len(made) == 1 else None


def _group_rows(side: list[tuple[Cell, Cell]]) -> list[tuple[Cell, Cell]]:
    """The rows of one group of a two-sided block without its 其中 rows: a 其中 row is a part of the row above it, and so
    are the rows after it that add with it to that row ("基本支出 1124.9 ⏎ 其中：人员经费 986.3 ⏎ 公用经费 138.6");
    rows after it that do not are the group's own ("其中：公用经费 186.4 ⏎ 项目支出 403.78")."""
    out: list[tuple[Cell, Cell]] = []
    n = 0
    while n < len(side):
        if not clean(side[n][0].text).startswith("其中") or not out:
            out.append(side[n])
            n += 1
            continue
        head = out[-1][1]
        run, m = [side[n][1]], n + 1
        closes = _closes(head, run)
        while closes is False and m < len(side) and not clean(side[m][0].text).startswith("其中"):
            run.append(side[m][1])
            m += 1
            closes = _closes(head, run)
        n = m if closes else n + 1
    return out


def _value(cell: Cell) -> Decimal:
    return Decimal(cell.text.strip().replace(",", ""))


def _closes(whole_cell: Cell, parts: list[Cell]) -> bool | None:
    """True where the parts make the whole within the rounding of each figure; False while they fall short of it; None
    once they pass it."""
    whole = _value(whole_cell)
    value = sum((_value(p) for p in parts), Decimal(0))
    slack = sum((half_unit_of(p.text.strip()) for p in [*parts, whole_cell]), Decimal(0))
    if abs(value - whole) <= slack:
        return True
    return False if value < whole else None
