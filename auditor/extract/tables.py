"""Read tables flattened to text: score tables and 自评表 budget grids.

Real reports arrive with their tables flattened in several ways: one cell per
line (with blank lines between cells, or with " |" after each cell and "|" for
an empty one), or one row per line with "|" between cells.  The reader turns
every such stretch into a stream of cells, finds a header row by its column
words (分值/权重, 得分, 年初预算数, 全年预算数, 全年执行数, 执行率), and reads the
rows after it: a label (at most two cells) followed by figures, aligned to the
header's figure columns.  A row whose figures do not fit their columns (a
percentage under 分值, more figures than columns) ends the table: a table read
wrongly is worse than a table not read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from auditor import lazyre
from auditor.extract.figures import read_figure
from auditor.extract.model import Breakdown, Fact, ScoreTable, Span, TableRow
from auditor.extract.vocabulary import FUNDING_SOURCE, Vocabulary, read_label, strip_glosses
from auditor.normalise import Normalised

COLUMN_ROLES: tuple[tuple[str, re.Pattern[str]], ...] = (
    # a change on last year ("支出减少情况(万元)", "支出减少率"): a figure column, not read
    ("change_rate", re.compile(r"增长率|减少率|增减率|下降率|增幅|降幅|变动率")),
    ("change", re.compile(r"增减|增加情况|减少情况|增加额|减少额|变动额|变动情况")),
    ("rate", re.compile(r"执行率|完成率")),
    ("weight", re.compile(r"分值|权重|标准分|满分")),
    ("score", re.compile(r"得分|评分|自评分")),
    ("budget_initial", re.compile(r"年初预算")),
    ("budget_adjusted", re.compile(r"全年预算|调整后预算|调整预算")),
    ("actual", re.compile(r"执行数|全年执行|实际支出|决算数|支出数|(?:年度|本年|当年)支出|支出决算|决算支出")),
    ("budget", re.compile(r"预算数")),
)
_TEXT_COLUMN = lazyre.compile(r"原因|备注|说明|措施|情况|分析|依据")
TOTAL_ROW = lazyre.compile(r"^(?:合计|总计|总分|小计|总分值|得分合计|合\s*计)[::]?$")
_CELL_VALUE = lazyre.compile(r"^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s*(?:%|万元|万|元|亿元)?$")
_EMPTY = {"", "/", "-", "—", "--", "——", "\\", "无"}
_MAX_CELL = 60


@dataclass
class Cell:
    text: str
    start: int
    end: int
    line: int  # 0-based line index

    @property
    def is_value(self) -> bool:
        return bool(_CELL_VALUE.match(self.text))

    @property
    def is_empty(self) -> bool:
        return self.text in _EMPTY


@dataclass
class TableResult:
    tables: list[ScoreTable] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    lines: set[int] = field(default_factory=set)
    breakdowns: list[Breakdown] = field(default_factory=list)


def _role(header: str) -> str | None:
    header = strip_glosses(header)
    for role, pattern in COLUMN_ROLES:
        if pattern.search(header):
            return role
    return None


def cell_stream(text: str) -> list[list[Cell]]:
    """Runs of table-shaped lines, each run as a flat list of cells."""
    runs: list[list[Cell]] = []
    current: list[Cell] = []
    blank_run = 0
    pos = 0
    for index, line in enumerate(text.split("\n")):
        start, pos = pos, pos + len(line) + 1
        stripped = line.strip()
        if not stripped:
            blank_run += 1
            if blank_run > 6 and current:
                runs.append(current)
                current = []
            continue
        blank_run = 0
        cells = _cells_of_line(line, start, index)
        if cells is None:  # prose: ends the run
            if len(current) >= 4:
                runs.append(current)
            current = []
            continue
        current.extend(cells)
    if len(current) >= 4:
        runs.append(current)
    return runs


def _cells_of_line(line: str, start: int, index: int) -> list[Cell] | None:
    if "|" in line:
        out = []
        offset = 0
        for part in line.split("|"):
            stripped = part.strip()
            lead = len(part) - len(part.lstrip())
            out.append(Cell(stripped, start + offset + lead, start + offset + lead + len(stripped), index))
            offset += len(part) + 1
        # "a |" is one cell and its bar; "|" alone is an empty cell
        if line.strip() == "|":
            return [Cell("", start, start, index)]
        cells = out[:-1] if not out[-1].text else out
        if len(cells) > 1:  # a row on one line: drop padding empties at the end
            while len(cells) > 1 and not cells[-1].text:
                cells.pop()
            if not cells[0].text and len(cells) > 2:
                cells = cells[1:]  # "| 年度资金总额 | 7.29 |": the bar that opens a markdown-style row
        if any(len(c.text) > _MAX_CELL * 3 for c in cells):
            return None
        return cells
    stripped = line.strip()
    if len(stripped) > _MAX_CELL or (stripped.count("。") and len(stripped) > 20):
        return None
    lead = len(line) - len(line.lstrip())
    return [Cell(stripped, start + lead, start + lead + len(stripped), index)]


def read_tables(norm: Normalised, vocab: Vocabulary) -> TableResult:
    result = TableResult()
    for cells in cell_stream(norm.text):
        _read_run(cells, norm, result, vocab)
    return result


def _read_run(cells: list[Cell], norm: Normalised, result: TableResult, vocab: Vocabulary) -> None:
    i = 0
    while i < len(cells):
        header = _header_at(cells, i)
        if header is None:
            i += 1
            continue
        first, columns, after = header
        rows, end = _rows_after(cells, after, columns)
        if not rows:
            i += 1  # "预算执行情况(10分)" / "年度预算数(万元)" / 年初预算 …: the next cell may head it
            continue
        if rows:
            table = _make_table(cells, first, after, columns, rows, norm, result, vocab)
            result.tables.append(table)
            result.breakdowns.extend(table_breakdowns(table, norm))
            for line in range(cells[first].line, cells[end - 1].line + 1):
                result.lines.add(line)
        i = max(end, i + 1)


_UNIT_NOTE = lazyre.compile(r"[(（](?:万元|元|亿元|千元)[)）]?$")
_LABEL_HEADER = lazyre.compile(r"^(?:项目|科目|名称|指标|类别|类型|内容|项目名称|科目名称|资金来源|收入|支出|经费项目|经费名称)")
_UNREAD_ROLES = {"change", "change_rate"}


def _header_at(cells: list[Cell], i: int) -> tuple[int, list[str], int] | None:
    """A header: a label-column cell, then figure-column cells, all words.

    Returns (index of the label-column cell, column names, index of the first
    row's cell).  A column name split over two cells ("年初" / "预算数", as PDF
    flattening leaves it) is joined again.
    """
    label = cells[i].text
    if cells[i].is_value or not label or len(label) > 16:
        return None
    if _role(label) and not _UNIT_NOTE.search(label):  # "年度预算数(万元)" heads the columns below it
        return None
    raw: list[Cell] = []
    j = i + 1
    while j < len(cells) and not cells[j].is_value and cells[j].text and len(cells[j].text) <= 20:
        raw.append(cells[j])
        j += 1
    columns: list[str] = []
    consumed: list[int] = []  # raw cells used by each column
    n = 0
    while n < len(raw):
        text = raw[n].text
        if n + 1 < len(raw) and len(text) <= 3 and not _role(text) and _role(text + raw[n + 1].text):
            columns.append(text + raw[n + 1].text)
            consumed.append(2)
            n += 2
        else:
            columns.append(text)
            consumed.append(1)
            n += 1
    roles = [_role(c) for c in columns]
    known = [n for n, r in enumerate(roles) if r]
    enough = len(known) >= 2 or (len(known) == 1 and _LABEL_HEADER.match(strip_glosses(cells[i].text)))
    if not enough or roles[0] is None or known != list(range(len(known))):
        return None  # figure columns come together, right after the label column
    # after the last figure column only text columns (原因, 备注 …) belong to the
    # header; anything else is the first row's label
    end = known[-1] + 1
    while end < len(columns) and _TEXT_COLUMN.search(strip_glosses(columns[end])):
        end += 1
    return i, columns[:end], i + 1 + sum(consumed[:end])


def _rows_after(cells: list[Cell], k: int, columns: list[str]) -> tuple[list[tuple[list[Cell], list[Cell]]], int]:
    """Rows after a header, and the index just past the last row read.

    Cells after the last row (a heading, a prose line that happened to be short)
    are not the table's: they go back to the prose reader.
    """
    roles = [_role(c) for c in columns]
    rows = []
    last = k
    while k < len(cells):
        labels: list[Cell] = []
        while k < len(cells) and not cells[k].is_value and not cells[k].is_empty:
            labels.append(cells[k])
            k += 1
        values: list[Cell] = []
        while k < len(cells) and (cells[k].is_value or cells[k].is_empty):
            values.append(cells[k])
            k += 1
        # a long text right after the figures fills the row's 原因/说明 column
        while k < len(cells) and len(values) < len(roles) and roles[len(values)] is None \
                and not cells[k].is_value and len(cells[k].text) > 20:
            values.append(Cell("", cells[k].start, cells[k].start, cells[k].line))
            k += 1
        while values and values[-1].is_empty and len(values) > len(roles):
            values.pop()
        if not labels:
            break
        if not any(v.is_value for v in values):
            if len(labels) > 3 or _header_like(labels):
                k -= len(labels) + len(values)
                break
            if len(labels) <= 2 and all(len(c.text) <= 20 for c in labels) \
                    and (values or FUNDING_SOURCE.search("".join(c.text for c in labels))):
                rows.append((labels, []))  # a template row left empty (其他资金 | | |)
            continue
        is_total = bool(TOTAL_ROW.match(strip_glosses("".join(c.text for c in labels)).replace(" ", "")))
        if len(labels) > 2 or len(values) > len(roles) or not _fits(values, roles, is_total):
            k -= len(labels) + len(values)
            break
        rows.append((labels, values))
        last = k
    return rows, last


def _header_like(labels: list[Cell]) -> bool:
    return sum(1 for c in labels if _role(c.text)) >= 2


def _fits(values: list[Cell], roles: list[str | None], is_total: bool = False) -> bool:
    for cell, role in zip(values, roles):
        if cell.is_empty:
            continue
        percent = cell.text.endswith("%")
        if role == "rate" and not percent and cell.text.strip("0.") != "":
            return False  # a rate column holds percentages (a bare 0 is a zero rate)
        if role not in {"rate", "change_rate"} and percent:
            return False
        if role in {"weight", "score"} and not is_total:  # a wrong 合计 is what we look for
            if Decimal(cell.text.replace(",", "")) > 100:
                return False
    return True


def _make_table(cells, first, after, columns, rows, norm: Normalised, result: TableResult,
                vocab: Vocabulary) -> ScoreTable:
    roles = [_role(c) for c in columns]
    context = norm.text[max(0, cells[first].start - 300): cells[after - 1].end]
    money_unit = "元" if ("元" in context and "万元" not in context) else "万元"
    # A column is written to one precision; authoring tools drop trailing zeros,
    # so "19" in a column of "14.4"s stands for 19.0, not 19 ± 0.5.
    precision = [0] * len(roles)
    for _, values in rows:
        for n, cell in enumerate(values):
            if cell.is_value and "." in cell.text:
                precision[n] = max(precision[n], len(re.sub(r"[^\d.]", "", cell.text).split(".")[1]))
    table_rows = []
    for labels, values in rows:
        label = "".join(c.text for c in labels)
        row_cells: dict[str, Fact] = {}
        for n, (cell, role, header) in enumerate(zip(values, roles, columns)):
            if cell.is_empty or role is None or role in row_cells or role in _UNREAD_ROLES:
                continue
            fact = _cell_fact(cell, role, header, label, money_unit, norm, len(result.facts), vocab)
            if fact.decimals < precision[n]:
                fact = fact.model_copy(update={"decimals": precision[n]})
            result.facts.append(fact)
            row_cells[role] = fact
        first_cell = labels[0]
        line, column = norm.line_col(first_cell.start)
        last = values[-1] if values else labels[-1]
        table_rows.append(TableRow.model_construct(
            label=label, cells=row_cells,
            span=Span.model_construct(start=first_cell.start, end=last.end, line=line, column=column),
            is_total=bool(TOTAL_ROW.match(strip_glosses(label).replace(" ", ""))),
        ))
    head = cells[first]
    line, column = norm.line_col(head.start)
    return ScoreTable.model_construct(columns=tuple(columns), rows=tuple(table_rows),
                      span=Span.model_construct(start=head.start, end=table_rows[-1].span.end, line=line, column=column))


def _cell_fact(cell: Cell, role: str, header: str, row_label: str, money_unit: str,
               norm: Normalised, fact_id: int, vocab: Vocabulary) -> Fact:
    if role == "rate":
        token_type, text = "PERCENT", cell.text if cell.text.endswith("%") else cell.text + "%"
    elif role in {"weight", "score"}:
        token_type, text = "SCORE", cell.text + "分"
    elif re.search(r"[万元亿]$", cell.text):  # "150万": the cell carries its own unit
        token_type, text = "AMOUNT", cell.text
    else:
        token_type, text = "AMOUNT", cell.text + money_unit
    fig = read_figure(token_type, text)
    line, column = norm.line_col(cell.start)
    scenario = role if role in {"budget_initial", "budget_adjusted", "actual", "budget"} else None
    year = re.search(r"((?:19|20)\d{2})\s*年", header)
    return Fact.model_construct(
        id=fact_id, kind=fig.kind, value=fig.value, unit=fig.unit, written_unit=fig.written_unit,
        scale=fig.scale, decimals=fig.decimals, text=norm.original[cell.start:cell.end],
        span=Span.model_construct(start=cell.start, end=cell.end, line=line, column=column),
        label=f"{row_label}{header}", concept=_row_concept(row_label, vocab),
        period=year.group(1) if year else None, scenario=scenario, in_table=True,
        exact=role == "weight",
    )


def _row_concept(row_label: str, vocab: Vocabulary) -> str | None:
    """A row the vocabulary knows ("公务用车购置及运行维护费") takes its concept; any other
    row is known by its label."""
    if not row_label:
        return None
    info = read_label(row_label, vocab)
    return info.concept if info.known else row_label


# ------------------------------------------------------------ table totals
AMOUNT_ROLES = ("budget_initial", "budget_adjusted", "budget", "actual")
_NUMBERED = lazyre.compile(r"^\s*(?:\d{1,2}[、.．]|\(\d{1,2}\)|[一二三四五六七八九十]{1,2}[、.])")
_SUBTOTAL = lazyre.compile(r"总额|合计|总计|小计|[::]$")
def table_breakdowns(table: ScoreTable, norm: Normalised) -> list[Breakdown]:
    """Totals and parts a table's row structure states, per money column.

    - a row named 合计/总额/…: followed by numbered rows (1、2、3、) — those are its parts;
    - a row followed by rows that start with 其中 — the 其中 row and its siblings are
      its parts (complete when they are the funding rows of a 自评表, else partial);
    - a last row named 合计 — every row above it that is not a 其中 sub-row.
    """
    rows = list(table.rows)
    out: list[Breakdown] = []
    for n, row in enumerate(rows):
        parts, complete = _parts_of(rows, n)
        if not parts:
            continue
        for role in AMOUNT_ROLES:
            total = row.cells.get(role)
            values = [p.cells[role] for p in parts if role in p.cells]
            if total is None or not values:
                continue
            out.append(Breakdown.model_construct(total=total, parts=tuple(values), marker="表格", complete=complete,
                                                 reason="table_rows"))
    return out


def _parts_of(rows: list[TableRow], n: int) -> tuple[list[TableRow], bool]:
    row = rows[n]
    following = rows[n + 1:]
    if not following:
        if row.is_total and n >= 2:
            above = [r for r in rows[:n] if not r.label.startswith("其中")]
            return above, True
        return [], False
    nxt = following[0]
    if _NUMBERED.match(nxt.label) and (_SUBTOTAL.search(row.label) or row.is_total):
        style = _NUMBERED.match(nxt.label).group()[-1]
        parts = [r for r in following if _NUMBERED.match(r.label) and _NUMBERED.match(r.label).group()[-1] == style]
        # stop at the first row that is neither numbered nor a sub-row of a numbered one
        out = []
        for r in following:
            if _NUMBERED.match(r.label):
                out.append(r)
            elif r.label.startswith("其中") or not _SUBTOTAL.search(r.label):
                continue
            else:
                break
        return [r for r in out if r in parts], True
    if nxt.label.startswith("其中"):
        parts = [nxt]
        for r in following[1:]:
            if _NUMBERED.match(r.label) or _SUBTOTAL.search(r.label) or r.label.startswith("其中"):
                break
            parts.append(r)
        funding = all(FUNDING_SOURCE.search(p.label) for p in parts)
        return parts, funding and len(parts) >= 2
    return [], False
