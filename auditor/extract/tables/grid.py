"""Numeric grids: rows of bare figures under a header the reader does not know,
read by the arithmetic their columns agree on.

A yearbook's bilingual header, a budget table flattened one cell per line, an
allocation table with a row per township: the reader knows none of their
column names, yet each table states its arithmetic through its columns — one
column the sum of others, one the ratio of two, a column of shares of the total
row, a growth column — in every row.  A grid is read as rows of figures only;
the formulas that hold in every row, or all but one, are its reading, and a grid with
no such formula is not read at all.  No one wrote those formulas down, so a row
that breaks one can only warn (reason `column_agreement`).  A 合计 row, first or
last, over the other rows is read the same way, column by column (`row_sums`,
reason `grid_total_row`).

Layouts:

    1957 16358 10187 6171 6171 16212 37.7 38.1        a row per line (a label first, or none;
    棠香街道 8 1 7 0 0.75 0 0 24.5 0 24.5 0           bars between cells, a note after them,
    一、歲入合計 18,152,685,000 …   1.稅課收入 …       several rows set apart by wide gaps;
    乡镇卫生院改造512.30476.8535.456.92%              or run together, each figure of the last one's decimals)

    一、賸餘之部 / 7,796,429 / 100.00 / 6,001,850 / …  a cell per line: a label line and k
    105 / 145,723 / 45.53 / … / 320,085 / 106 / …     figures, or a year and k figures

    合计 4000 乐都区 819 平安区 100 …                  a one-column table on one line

    税目别,全年预算数,…,_id "49,101,781",总 计,…,1 …   CSV records glued onto one line by spaces, the
                                                      header's names first (_csv_line_rows)
"""

from __future__ import annotations

import itertools
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from auditor import lazyre
from auditor.extract.figures import read_figure
from auditor.extract.model import Fact, GridFormula, ScoreTable, Span, TableRow
from auditor.extract.numbering import YEAR_NAME
from auditor.extract.tables.cells import COLUMN_NUMBERS, PAGE_MARK, PAGE_MARK_FIRST, amount_before_count
from auditor.extract.tables.columns import SERIAL_HEADER, role_of
from auditor.extract.tables.roll_header import roll_formula
from auditor.normalise import Normalised
from auditor.records import dataclass
from auditor.widths import display_width

_NUMBER = lazyre.compile(r"[-−+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?")
# a sign marker a PDF column leaves after a figure ("14,535,197,049(-)"): which figure it signs the
# extraction does not keep, so the figure is read as written and a change column as unsigned
_SIGN_MARK = lazyre.compile(r"[(（][-−][)）]$")
_NOTHING = lazyre.compile(r"[-—–－]{1,2}|\.{2,3}")
# (a yearbook's ".." is a figure not available, no nil: a sum its part so left does not make may be made with it — it
# says nothing against the sum, _unknown)
# an amount in brackets is a loss, the accountants' minus ("(591)", "(1,205.30)"), but a year "(2023)" is none
_ACCOUNTING_NEGATIVE = lazyre.compile(r"[(（](?!(?:19|20)\d\d[)）])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)[)）]")
_ANY_DIGIT = lazyre.compile(r"\d")
_SENTENCE = lazyre.compile(r"[。;；，,]")
# (a label that is 总额 / Total alone is Hong Kong's and Taiwan's 合计; 进出口总额 is a quantity of its own)
_TOTAL_LABEL = lazyre.compile(r"(?:合|总|小)\s*计|^\s*(?:\d{4}\s*年?\s*)?(?:总\s*额|Total)(?![a-z])")
_TRAILING_GLOSS = lazyre.compile(r"(?<=[\u4e00-\u9fff)）])\s+[A-Za-z][A-Za-z ,.&'’()/\-:]*$")
_SIDE_TOTAL_LABEL = lazyre.compile(r"^(?:本年|本期|全年|年度)?(?:总(?:收入|支出|开支)|(?:收入|支出)(?:总额|总计))$")
_MIN_ROWS = 3  # a formula must hold in this many rows
_MIN_COLUMNS, _MAX_COLUMNS = 3, 16  # (a wider grid is not searched: about k³ formulas are tried)
_MAX_ROWS = 60  # a grid is searched in pieces of this many rows
_MAX_LABEL = 40
_HUNDRED = Decimal(100)
_ONE, _ZERO = Decimal(1), Decimal(0)
# A formula is read only when a coincidence this likely, over every formula tried on the grid,
# would explain less than this: each row's chance is the width of what it allows over its size.
_COINCIDENCE = 0.001


@dataclass(frozen=True, slots=True)
class Token:
    """One cell of a grid: its figure (None for a dash: nothing written), its last digit's
    unit and half of it (0 for a written zero), and where it stands."""

    text: str
    start: int
    value: Decimal | None
    decimals: int
    unit: Decimal
    tolerance: Decimal

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass(frozen=True, slots=True)
class GridRow:
    label: str
    start: int
    line: int
    tokens: tuple[Token, ...]
    padded: int = 0  # (cells added at the right of a short first row, nothing written in them: _labelled_rows)


def cell_token(text: str, start: int) -> Token | None:
    """A cell's figure (None when the cell is no figure; a Token of value None for a dash)."""
    figure = _cell_figure(text)
    return None if figure is None else Token(figure[0], start, *figure[1:])


@lru_cache(maxsize=8192)  # (the readers ask of the same cells: a line's figures are read by several layouts)
def _cell_figure(text: str) -> tuple[str, Decimal | None, int, Decimal, Decimal] | None:
    """cell_token's figure but its place: (the text it reads, value, decimals, unit, tolerance), or None."""
    if _NOTHING.fullmatch(text):
        return text, None, 0, _ONE, _ZERO
    if not _ANY_DIGIT.search(text):
        return None  # (no figure without a digit: the cheap test before the patterns — most cells are words)
    if (amount := amount_before_count(text)) is not text:
        return _cell_figure(amount)  # ("3.20(1)": the amount read, its start the cell's; the count no figure)
    bare = _SIGN_MARK.sub("", text)
    negative = _ACCOUNTING_NEGATIVE.fullmatch(bare)
    if negative:
        figure = _cell_figure("-" + negative.group(1))
        return figure and (bare, *figure[1:])
    if not _NUMBER.fullmatch(bare):
        return None
    digits = bare.replace(",", "").replace("−", "-").rstrip("%")
    try:
        value = Decimal(digits)
    except InvalidOperation:
        return None
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    unit = _ONE.scaleb(-decimals)
    return bare, value, decimals, unit, unit / 2 if value else _ZERO


def glued_pair(text: str, start: int) -> tuple[Token, Token] | None:
    """Two cells a PDF ran together, when only one split reads both as figures of the same
    decimals, one of them with thousands separators ("153,868,000.00-1,205,777.00",
    "-3.21144,433,496.00"); else None."""
    if "," not in text or "." not in text:
        return None  # (the cheap test: the pairs read here hold separators and decimals)
    found = None
    for cut in range(1, len(text)):
        if text[cut - 1] == "," or text[cut] in ",.":
            continue
        first, second = cell_token(text[:cut], start), cell_token(text[cut:], start + cut)
        if first is None or second is None or first.value is None or second.value is None \
                or not first.decimals or first.decimals != second.decimals \
                or "," not in first.text + second.text or first.text.endswith("%"):
            continue
        if found is not None:
            return None  # (two splits read: the cells' boundary is not known)
        found = (first, second)
    return found


# ------------------------------------------------------------------ layouts
# where one framed line of a box table ends and the next begins, when the box lost its line breaks:
# "… 66.12 │ │ │ │ 營 業 總 支 出 462,499.28 …" (each line was "│ … │": a closing bar, then an opening one)
_FRAMED_LINE_END = lazyre.compile(r"│[ \t\u3000]*│")
_MIN_FRAMED_LINES = 3  # (a bar table's empty cell, "| a │ │ b |", is one such pair; a flattened box has one a line)


def _line_rows(line: str, start: int, index: int) -> list[GridRow]:
    """The rows of a line: one, or several set apart by runs of three spaces or more
    ("一、歲入合計 18,152,685,000 …   1.稅課收入 8,115,835,000 …"), or, in a box table flattened onto
    one line between its corners ("┌───┐ │ 項 目 本 次 … │ │ 營 業 總 收 入 462,509.50 … │ │ … └───┘"),
    one a framed line."""
    if "┌" in line and "└" in line and len(_FRAMED_LINE_END.findall(line)) >= _MIN_FRAMED_LINES:
        rows = []
        at = 0
        for m in [*_FRAMED_LINE_END.finditer(line), None]:
            end = m.start() + 1 if m is not None else len(line)
            rows += _spaced_rows(line[at:end], start + at, index)
            at = m.end() - 1 if m is not None else end
        return rows
    return _spaced_rows(line, start, index)


def _spaced_rows(line: str, start: int, index: int) -> list[GridRow]:
    """_line_rows of a line that is no flattened box."""
    rows: list[GridRow] = []
    at = 0
    while True:
        found = _line_row(line, at, start, index)
        if found is None:
            return rows
        row, end = found
        rows.append(row)
        gap = end
        while gap < len(line) and line[gap] in " \t\u3000":
            gap += 1
        if gap - end < 3 or gap == len(line):
            return rows
        at = gap


def _line_row(line: str, at: int, start: int, index: int) -> tuple[GridRow, int] | None:
    """The row that starts at line[at:]: ≥ 3 figures after an optional label, and where its
    figures end (a note after them is left aside): "棠香街道 8 1 7 0 0.75 … 追减…",
    "教育专项 | 850 | 830 | 97.6% | 100% | 优秀 | …"."""
    tokens: list[Token] = []
    label: list[tuple[str, int]] = []
    end = at
    for m in _WORD.finditer(line, at):
        t = cell_token(m.group(), start + m.start())
        if t is not None:
            tokens.append(t)
            end = m.end()
            continue
        pair = glued_pair(m.group(), start + m.start()) if tokens else None
        if pair is not None:
            tokens.extend(pair)
            end = m.end()
            continue
        if len(tokens) >= _MIN_COLUMNS:
            break
        label += [(w.text, w.start - start) for w in tokens] + [(m.group(), m.start())]
        tokens = []
        if sum(len(w) for w, _ in label) > _MAX_LABEL + _MAX_GLOSS:
            return None
    if len(tokens) < _MIN_COLUMNS or sum(t.value is not None for t in tokens) < 2:
        return None
    text = " ".join(w for w, _ in label)
    name = label_name([w for w, _ in label])
    if len(name) > _MAX_LABEL or _SENTENCE.search(name) or (text and text[-1].isdigit()):
        return None
    if COLUMN_NUMBERS.search(text.replace(" ", "")):
        return None  # ("| 栏次 |  | 1 | 2 | 3 | 4 |": the columns' numbers under the header, no figures)
    return GridRow(text, start + label[0][1] if label else tokens[0].start, index, tuple(tokens)), end


# a yearbook's row label in two languages, its Chinese name and then its English one ("(一)地区生产总值(当年价格)(万元)  Gross
# Domestic Product(at Current Prices)  (10 000 yuan)", "保育项目  Conservation projects"): the gloss after the last
# word with a Chinese character, letters first, a unit's figures in brackets at most ("(10 000 yuan)")
_LABEL_GLOSS = lazyre.compile(r"[A-Za-z][A-Za-z0-9 ,.&'’()/\-:;+*]*")  # (+ *: a note's mark, "Administration+")
_GLOSS_WORD = lazyre.compile(r"[A-Za-z]{2,}")
_MAX_GLOSS = 100


def label_name(words: list[str]) -> str:
    """A row label's name without the English gloss after it (see _LABEL_GLOSS): what its length and its punctuation
    are judged by, as a sentence's would be — a gloss is as long as the name says in another language, and its commas
    part no clauses ("Water Conservancy, Environment and Public Facilities Management"). The whole label when it has
    no such gloss."""
    last = max((n for n, w in enumerate(words) if _CJK.search(w)), default=None)
    if last is None or last == len(words) - 1:
        return " ".join(words)
    gloss = " ".join(words[last + 1:])
    if len(gloss) > _MAX_GLOSS or not _LABEL_GLOSS.fullmatch(gloss) or not _GLOSS_WORD.search(gloss):
        return " ".join(words)
    return " ".join(words[:last + 1])


def _share_pair(line: str, start: int, index: int, share_word=None) -> list[GridRow]:
    """A row of an amount and its share set apart by spaces, "捐款收入 186,432 29.6%": its label and its two figures —
    only a share written with its %, after an amount written without one (two figures of a line of prose are no row).
    `share_word` (cue share_cell_word): a word the share's cell may open with, "在建工程　38,415.26　占比4.34%"."""
    words = list(_WORD.finditer(line))
    if len(words) < 3:
        return []
    amount, share = (cell_token(m.group(), start + m.start()) for m in words[-2:])
    said = share_word.match(words[-1].group()) if share is None and share_word is not None else None
    if said is not None:
        share = cell_token(words[-1].group()[said.end():], start + words[-1].start() + said.end())
    if amount is None or share is None or amount.value is None or share.value is None \
            or amount.text.endswith("%") or not share.text.endswith("%"):
        return []
    label = " ".join(m.group() for m in words[:-2])
    if any(cell_token(m.group(), 0) is not None for m in words[:-2]) or len(label) > _MAX_LABEL \
            or _SENTENCE.search(label) or label[-1].isdigit() or _UNIT_WORD.search(" " + label + " "):
        return []
    return [GridRow(label, start + words[0].start(), index, (amount, share))]


def _amount_pair(line: str, start: int, index: int) -> list[GridRow]:
    """A row of two figure columns set apart by single spaces, "快乐8 31.42 285.16": the whole line one name and two
    bare figures, neither a % (a line of prose says more; its rows are read only as a grid's, by a 合计 row or a
    column of shares)."""
    words = list(_WORD.finditer(line))
    if len(words) < 3:
        return []
    tokens = [cell_token(m.group(), start + m.start()) for m in words[-2:]]
    names = [m.group() for m in words[:-2]]
    label = name = names[0]
    if len(names) > 1:
        # (… or one name and its English gloss, a yearbook's row in two languages: "地方财政收入合计 Total Revenue of
        # Local Government 42374332 43079643" — not the header over its two years, "项 目 Item 2020 2021")
        label, name = " ".join(names), label_name(names)
        if name == label or any(cell_token(w, 0) is not None for w in names) \
                or all(_YEAR_CELL.fullmatch(t.text) for t in tokens if t is not None):
            return []
    if any(t is None or t.value is None or t.text.endswith(("%", "％")) for t in tokens) \
            or cell_token(name, 0) is not None or len(name) > _MAX_LABEL or _SENTENCE.search(name) \
            or label[-1].isdigit() or _UNIT_WORD.search(" " + name + " ") or COLUMN_NUMBERS.search(name):
        return []
    return [GridRow(label, start + words[0].start(), index, tuple(tokens))]


def _ends_in_count(line: str) -> bool:
    """The line's last cell is an amount with its count in brackets after it, "会议费 12.00 10.00（4）"."""
    if line[-1] not in ")）":
        return False
    last = line.rsplit(None, 1)[-1]
    return amount_before_count(last) is not last


# (a line with three figures set apart, or none of its rows can be one: most lines are passed over by this)
# (the first may be a dash, nothing written: "增长率(%) — 1.1 4.7", a growth over years with no year before the first)
_SPACED_FIGURES = lazyre.compile(r"(?:\d[\d,.%)]*|(?<!\S)(?:[-—–－]{1,2}|\.{2,3}))[\s|│┃]+[-−+(—–]*\d?[\d,.%()\-]*[\s|│┃]+[-−+(—–]*\d")
_WORD = lazyre.compile(r"[^\s|│┃]+")  # (a bar between cells is a space: "教育专项 | 850 | 830 | 97.6%")
# a unit or a change written as a word of its own: the figures of a sentence, not a table's cells
_UNIT_WORD = lazyre.compile(r"(?:^|\s)(?:万元|亿元|元|%|％|增长|下降|增加|减少|上年|同比)(?:\s|$)")


def _rows_by_line(lines: list[tuple[str, int]], taken: set[int], share_word=None) -> list[list[GridRow] | None]:
    """The rows of each line (None for a blank line or a page mark, which the layouts pass over); `share_word`: the
    words a share's cell may open with (_share_pair)."""
    out: list[list[GridRow] | None] = []
    for index, (line, start) in enumerate(lines):
        stripped = line.strip()
        if not stripped or stripped[0] in PAGE_MARK_FIRST and PAGE_MARK.match(stripped):
            out.append(None)
            continue
        # (figures in cells stand apart by white space or a bar inside the line: a line of prose without
        # either holds none, the cheap test before the pattern)
        if index in taken:
            out.append([])
            continue
        rows = _line_rows(line, start, index) \
            if (len(stripped.split(None, 1)) > 1 or "|" in stripped or "│" in stripped or "┃" in stripped) \
            and _SPACED_FIGURES.search(line) else []
        out.append(rows or (_bar_pair(line, start, index) if stripped[0] in _BARS
                            else _share_pair(line, start, index, share_word) if stripped[-1] in "%％"
                            else _amount_pair(line, start, index) if stripped[-1].isdigit() or _ends_in_count(stripped)
                            else [])
                   or _glued_row(line, start, index))
    return out


# a row written as its label and then its figures with nothing between them: "乡镇卫生院改造512.30476.8535.456.92%"
_GLUED_ROW = lazyre.compile(r"\s*([^\d\s|│┃,.%，。；;：:、()（）]{2,40})((?:\d[\d,]*\.\d+%?){2,})\s*")
_GLUED_FIGURE = lazyre.compile(r"(?:0|[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d*)\.\d+%?")


def _glued_row(line: str, start: int, index: int) -> list[GridRow]:
    """A row whose cells ran together, label and figures: split where every figure keeps as many decimals as the
    last one ("386.42351.2035.229.11%" is 386.42 | 351.20 | 35.22 | 9.11%, the one split in which each has two) —
    a split no other reading of the decimals competes with, and read only as any grid is: where its columns agree
    on a formula in three rows at least (a wrong split holds none)."""
    m = _GLUED_ROW.fullmatch(line)
    if m is None:
        return []
    run, at = m.group(2), start + m.start(2)
    decimals = len(run.rstrip("%").rpartition(".")[2])
    tokens: list[Token] = []
    pos = 0
    while pos < len(run):
        point = run.find(".", pos)
        if point < 0:
            return []
        end = point + 1 + decimals
        if end > len(run) or not run[point + 1:end].isdigit() or (end < len(run) and run[end] == "."):
            return []
        if end < len(run) and run[end] == "%":
            end += 1
        text = run[pos:end]
        if not _GLUED_FIGURE.fullmatch(text):
            return []
        token = cell_token(text, at + pos)
        if token is None or token.value is None:
            return []
        tokens.append(token)
        pos = end
    if len(tokens) < 2:
        return []
    return [GridRow(m.group(1), start + m.start(1), index, tuple(tokens))]


_BARS = "|│┃"
_BAR_CELL = lazyre.compile(r"[^|│┃]+")


def _bar_pair(line: str, start: int, index: int) -> list[GridRow]:
    """A row of a table of two figure columns set between bars, "| 合计 | 59,821.2 | 58,530.5 |": its label and its two
    figures (a row per line of a bar table only: two figures in a line of prose are no row; nor is a wider table's row
    whose other cells are empty)."""
    cells = [(m.group().strip(), m.start() + len(m.group()) - len(m.group().lstrip())) for m in _BAR_CELL.finditer(line)]
    if len(cells) != 3 or not all(text for text, _ in cells) or line.strip()[-1] not in _BARS:
        return []
    (label, at), *figures = cells
    tokens = [cell_token(text, start + where) for text, where in figures]
    if any(t is None or t.value is None for t in tokens) or cell_token(label, 0) is not None \
            or len(label) > _MAX_LABEL or _SENTENCE.search(label) or COLUMN_NUMBERS.search(label.replace(" ", "")):
        return []
    return [GridRow(label, start + at, index, tuple(tokens))]


def _row_lines(lines: list[tuple[str, int]], taken: set[int],
               by_line: list[list[GridRow] | None] | None = None) -> list[list[GridRow]]:
    """Runs of line rows with as many cells each (blank lines and page marks between them go);
    `by_line`: the rows of each line, when already found (_rows_by_line)."""
    if by_line is None:
        by_line = _rows_by_line(lines, taken)
    blocks: list[list[GridRow]] = []
    current: list[GridRow] = []
    heading = None  # (the line number a section's heading row in the run gave: the next row must take the one after)
    for index, rows in enumerate(by_line):
        if rows is None:
            continue
        if not rows:
            if heading is None and (number := _heading_row_number(lines[index][0], current)) is not None:
                heading = number
                continue
            if len(current) >= _MIN_ROWS or headed_roll(lines, current):
                blocks.append(current)
            current = []
            heading = None
            continue
        for row in rows:
            if heading is not None:
                first = row.tokens[0] if row.tokens else None
                if first is None or first.value != heading + 1:
                    if len(current) >= _MIN_ROWS or headed_roll(lines, current):
                        blocks.append(current)
                    current = []
                heading = None
            if current and len(row.tokens) != len(current[0].tokens):
                if len(current) >= _MIN_ROWS or headed_roll(lines, current):
                    blocks.append(current)
                current = []
            current.append(row)
    if len(current) >= _MIN_ROWS or headed_roll(lines, current):
        blocks.append(current)
    return [_years_split_off(block) for block in blocks]


def _heading_row_number(line: str, current: list[GridRow]) -> int | None:
    """A section's heading row inside a table of rows numbered in a column of their own (行号 / 行次: "3、收费水平 | 8 |
    | | |" between "其他支出 | 7 | …" and "门诊次均医药费用 | 9 | …"): its name and its row number alone, the number
    the one after the row above's in a run of numbered rows — its line number, so that the run goes on past it (the
    rows under it are the table's still); None for any other line."""
    m = _HEADING_ROW.fullmatch(line)
    if m is None or len(current) < 2 or any(not r.label or not r.tokens for r in current):
        return None
    numbers = [r.tokens[0] for r in current]
    if any(t.value is None or t.decimals or not t.text.isdigit() for t in numbers) \
            or any(b.value - a.value != 1 for a, b in zip(numbers, numbers[1:])):
        return None
    number = int(m.group(1))
    return number if number == numbers[-1].value + 1 else None


_HEADING_ROW = lazyre.compile(r"\s*[|│┃]?\s*(?:[一二三四五六七八九十\d]{1,3}[、.．]\s*)?[\u4e00-\u9fff][^|│┃\d]{0,38}"
                              r"[|│┃]\s*(\d{1,3})\s*(?:[|│┃]\s*)+")


def _interleaved_rows(lines: list[tuple[str, int]], taken: set[int],
                      by_line: list[list[GridRow] | None], note=None) -> list[list[GridRow]]:
    """A table whose rows stand among lines of their own: a label (or an account code) on the line
    above its figures ("學雜 費收 入" over "35,902,000.00 78,132.00 …", "451" over "財產處分收入
    100,000 …"), and rows that lost their empty cells among the full ones.  The rows of each width
    in such a stretch are one grid (read only when its columns agree on a formula, as any grid);
    a line of prose, or one read as another table, ends the stretch — but not a note between the rows (`note`: the
    vocabulary's table_note_line, "Note: figures for Social Welfare include …"): the rows below it are the table's still."""
    blocks: list[list[GridRow]] = []
    widths: dict[int, list[GridRow]] = {}
    label: tuple[str, int] | None = None  # (a label line waiting for the figures below it)
    carried = ""  # (a label's first words left at the end of the row above: "… -0.78 教" / "學收 入")

    def close() -> None:
        blocks.extend(rows for rows in widths.values() if len(rows) >= _MIN_ROWS)
        widths.clear()

    for index, ((line, start), rows) in enumerate(zip(lines, by_line)):
        if rows is None:
            continue
        if rows:
            for row in rows:
                if not row.label and label is not None:
                    row = GridRow(label[0], label[1], row.line, row.tokens)
                widths.setdefault(len(row.tokens), []).append(row)
            label = None
            rest = line[rows[-1].tokens[-1].end - start:].strip()
            carried = rest if rest and not _ANY_DIGIT.search(rest) and len(rest) <= _MAX_LABEL else ""
            continue
        stripped = line.strip()
        if index not in taken and note is not None and note.search(stripped):
            label, carried = None, ""
            continue
        if index in taken or _prose_line(stripped):
            close()
            label, carried = None, ""
            continue
        if _FIGURES_ALONE.match(stripped):
            # (a row that lost its cells among the full ones, "3,560,000.00 3,560,000.00": its thousands'
            # commas are no sentence, so it does not end the stretch, and a figure is no label)
            label, carried = None, ""
            continue
        at = start + line.index(stripped[0])
        label = (carried + " ".join(stripped.split()), at) if carried else (" ".join(stripped.split()), at)
        carried = ""
    close()
    return blocks


def _prose_line(stripped: str) -> bool:
    """A line between rows that ends their stretch: prose, not a row's label.  A label in Latin
    letters (the Portuguese or English of a bilingual Macau / Hong Kong table) is longer in
    characters and may hold a comma ("Cap 03 - Taxas, multas e outras penalidades"): it is prose
    when it runs past twice a label's length or ends a sentence ("… do ano.")."""
    if _FIGURES_ALONE.match(stripped):
        return False
    if _HAN.search(stripped) or not _LATIN_WORD.search(stripped):
        return len(stripped) > _MAX_LABEL or bool(_SENTENCE.search(stripped))
    return len(stripped) > 2 * _MAX_LABEL or bool(_LATIN_SENTENCE.search(stripped))


_HAN = lazyre.compile(r"[\u3400-\u9fff]")
_LATIN_WORD = lazyre.compile(r"[A-Za-zÀ-ÿ]{3}")
# (a dash is a cell of nothing: "185,000,000.00 — — —", a new item with no last year's figure, is a row of the table
# still, passed over — not prose that ends the stretch, so the rows below it are read with those above)
_FIGURES_ALONE = lazyre.compile(r"^[-−+\d,.%\s—–－]*\d,\d{3}[-−+\d,.%\s—–－]*$")
_LATIN_SENTENCE = lazyre.compile(r"[。;；，]|[a-z]{2}\.(?:\s|$)")


_PERCENT_WORD = lazyre.compile(r"[%％]")
_MIN_ONE_LINE_ROWS = 4  # (rows of a table flattened onto one line: fewer are a sentence's figures as often)


def _one_line_rows(lines: list[tuple[str, int]], taken: set[int]) -> list[list[GridRow]]:
    """A table flattened onto one line, each row a label then the same number of figures, a total row last:
    "政府資助 Government Subventions 5,536 45.6 % 5,413 49.7 % 學費… 2,298 18.9 % … 總額 Total 12,136 100.0 % 10,901
    100.0 %" (a % set apart after its figure belongs to it).  Read only as any grid is: when its columns agree."""
    out = []
    for index, (line, start) in enumerate(lines):
        if index in taken or len(line) < 60 or not _TOTAL_ROW_WORD.search(line):
            continue  # (the cheap tests first: a long line naming a total)
        groups: list[tuple[list[tuple[str, int]], list[Token]]] = []
        label: list[tuple[str, int]] = []
        figures: list[Token] = []
        for m in _WORD.finditer(line):
            word, at = m.group(), start + m.start()
            if _PERCENT_WORD.fullmatch(word) and figures and figures[-1].value is not None \
                    and not figures[-1].text.endswith("%"):
                last = figures[-1]
                written = line[last.start - start:m.end()]  # ("45.6 %": the token spans the figure and its sign)
                figures[-1] = Token(written, last.start, last.value, last.decimals, last.unit, last.tolerance)
                continue
            token = cell_token(word, at)
            if token is not None and label:
                figures.append(token)
                continue
            if figures:
                groups.append((label, figures))
                label, figures = [], []
            label.append((word, at))
        if figures:
            groups.append((label, figures))
        # (the rows: the groups of as many figures each that end with the first total row — what stands before them,
        # a title, the header's years, and the prose after the table, are no rows)
        last = next((n for n, (lab, _) in enumerate(groups) if _TOTAL_ROW_WORD.search(" ".join(w for w, _ in lab))),
                    None)
        if last is None or len(groups[last][1]) < 2:
            continue
        first = last
        while first > 0 and len(groups[first - 1][1]) == len(groups[last][1]) \
                and not _PROSE_LABEL.search(" ".join(w for w, _ in groups[first - 1][0])):
            first -= 1
        if last - first + 1 < _MIN_ONE_LINE_ROWS:
            continue
        out.append([GridRow(" ".join(w for w, _ in lab), lab[0][1], index, tuple(figs))
                    for lab, figs in groups[first:last + 1]])
    return out


_PROSE_LABEL = lazyre.compile(r"[。;；]")


# ------------------------------------------------------------------ CSV records glued onto one line
_MIN_CSV_COLUMNS = 3
_CSV_COMMAS = 20  # (the cheap test: a line of glued CSV records holds many commas)
# (the first field of a record may open with a quote: the last field of the record before ends at the space before it)
_CSV_BOUNDARY = lazyre.compile(r'^(?P<last>"[^"]*"|[^\s"]*) (?P<next>.*)$', flags=0)


def _csv_fields(line: str) -> list[tuple[int, int]] | None:
    """The fields of a comma-separated line as (start, end), the commas inside quotes ("17,929,660,241") kept; those
    before the field whose quote does not close, when the line was cut short in one ("…,\"2,700,")."""
    fields, at, quoted, opened = [], 0, False, 0
    for k, ch in enumerate(line):
        if ch == '"':
            quoted = not quoted
            opened = k
        elif ch == "," and not quoted:
            fields.append((at, k))
            at = k + 1
    # (a record cut in its first field leaves the last field of the record before it whole: "…,119.55 \"7,0")
    fields.append((at, len(line) if not quoted else opened))
    return fields


def _csv_cell(line: str, a: int, b: int) -> tuple[str, int]:
    """A field's text without its quotes and outer spaces, and where that text starts in the line."""
    text = line[a:b]
    inner = text.strip()
    at = a + text.index(inner) if inner else a
    if len(inner) >= 2 and inner[0] == inner[-1] == '"':
        inner, at = inner[1:-1].strip(), at + 1 + (len(inner[1:-1]) - len(inner[1:-1].lstrip()))
    return inner, at


def _csv_line_rows(lines: list[tuple[str, int]], taken: set[int]) -> list[tuple[list[GridRow], tuple[str, ...]]]:
    """A table exported as CSV whose records lost their line breaks, each joined to the next by a space, the header's
    names first ("稅目別,全年預算數,…,累計實徵淨額1減2 \"49,101,781\",47,總 計,\"38,159,030,000\",… 99 \"47,769,740\",…"):
    a record is as many fields as the header names, its last field and the next record's first parted by the space.
    Its one column of words (in any place) is the rows' label; a column numbering the rows (1, 2, 3 …: an export's
    _id) is none of their figures.  Read as any grid is: when its columns agree.  (rows, the figure columns' names)
    for each such line; a record cut short, at the end of a truncated export, is no row."""
    out = []
    for index, (line, start) in enumerate(lines):
        if index in taken or line.count(",") < _CSV_COMMAS or "。" in line:
            continue
        fields = _csv_fields(line)
        # the header: names up to the field whose name a record's first field follows after a space
        n = next((k + 1 for k, (a, b) in enumerate(fields)
                  if " " in line[a:b].strip() and cell_token(*_csv_cell(line, a + line[a:b].rindex(" ") + 1, b)[:1], 0)
                  is not None and '"' not in line[a:a + line[a:b].rindex(" ")]), None)
        if n is None or n < _MIN_CSV_COLUMNS:
            continue
        records: list[list[tuple[str, int]]] = []
        record: list[tuple[str, int]] = []
        broken = False
        for k, (a, b) in enumerate(fields):
            m = _CSV_BOUNDARY.match(line[a:b]) if len(record) == n - 1 else None
            if len(record) == n - 1 and (k + 1 < len(fields) or m is not None):
                if m is None:
                    broken = True
                    break
                record.append(_csv_cell(line, a, a + m.end("last")))
                records.append(record)
                record = [_csv_cell(line, a + m.start("next"), b)]
            else:
                record.append(_csv_cell(line, a, b))
        if broken or len(records) < 1 + _MIN_ROWS:
            continue
        if len(record) == n and line.rstrip().endswith('"'):
            records.append(record)  # (the last record, when its last field closes its quote: a line cut short may
            # have cut the last figure it holds, "…,98" of "98.5")
        names, body = [name for name, _ in records[0]], records[1:]
        if any(cell_token(name, 0) is not None for name in names):
            continue  # (a header names its columns: no figure among them)
        words = [c for c in range(n) if any(cell_token(r[c][0], 0) is None for r in body)]
        serial = [c for c in range(n) if c not in words
                  and all(cell_token(r[c][0], 0).value == Decimal(k + 1) for k, r in enumerate(body))]
        if len(words) != 1 or any(not r[words[0]][0] for r in body):
            continue  # (one column of words, the rows' names, and no other: every other cell a figure or a dash)
        figures = [c for c in range(n) if c not in words and c not in serial]
        if len(figures) < 2:
            continue
        label = words[0]
        rows = [GridRow(r[label][0], start + r[0][1], index,
                        tuple(cell_token(r[c][0], start + r[c][1]) for c in figures)) for r in body]
        out.append((rows, tuple(names[c] for c in figures)))
    return out


_TOTAL_ROW_WORD = lazyre.compile(r"(?:合|总|總|小)\s*计|總額|总额|Total")


def headed_roll(lines: list[tuple[str, int]], rows: list[GridRow]) -> GridFormula | None:
    """The balance's account the header right above the rows names column by column ("项目 | 年初结转和结余 | 本年收入 |
    本年支出 | 年末结转和结余": roll_header.py, on one line or one cell a line), which states the rows' arithmetic
    however few they are; else None."""
    if not rows or rows[0].line == 0:
        return None
    above = rows[0].line - 1
    while above > 0 and _RULE_LINE.fullmatch(lines[above][0]):
        above -= 1  # (past the rule under a bar table's header: "| 项目 | 年初结存 | … | 年末结存 | ⏎ |---|---|…")
    names = list(header_cells(lines, rows) or _WORD.findall(lines[above][0]))
    if not _year_column(rows):
        return roll_formula(names, len(rows[0].tokens))
    # ("年度 | 年初余额 | 当年发行 | 当年还本 | 年末余额" over "2018 | 0.00 | 15,000.00 | 0.00 | 15,000.00": the years are
    # the rows' labels, read as a first figure column — the account is over the columns after it)
    formula = roll_formula(names, len(rows[0].tokens) - 1)
    if formula is None:
        return None
    return formula.model_copy(update={"target": formula.target + 1, "operands": tuple(n + 1 for n in formula.operands),
                                      "taken": tuple(n + 1 for n in formula.taken)})


_YEAR_CELL = lazyre.compile(r"(?:19|20)\d{2}")


def _year_column(rows: list[GridRow]) -> bool:
    """Do the unlabelled rows open with a column of years, rising ("2018 ⏎ 2019 ⏎ …": the rows' labels)?"""
    if len(rows) < 2 or any(row.label or len(row.tokens) < 2 or not _YEAR_CELL.fullmatch(row.tokens[0].text)
                            for row in rows):
        return False
    years = [int(row.tokens[0].text) for row in rows]
    return all(_FIRST_YEAR <= y <= _LAST_YEAR for y in years) and all(0 < b - a <= _YEAR_STEP
                                                                      for a, b in zip(years, years[1:]))


def _cell_layout(lines: list[tuple[str, int]], row: GridRow) -> bool:
    """Does the row stand one cell a line (its figures on the lines below its label)?"""
    text, start = lines[row.line]
    return bool(row.tokens) and row.tokens[0].start > start + len(text)


def header_cells(lines: list[tuple[str, int]], rows: list[GridRow]) -> tuple[str, ...] | None:
    """The header of a table set one cell a line: the lines of one short name each right above its first row's label
    ("项目 ⏎ 年初结转结余 ⏎ 本年收入 ⏎ 本年支出 ⏎ 年末结转结余" over "基本支出 ⏎ 2.6 ⏎ …"), as many as the rows have
    figures, and the label column's name before them if it stands there; None for rows on lines of their own, or
    when fewer names stand above (a figure, a sentence or a line of several words ends them)."""
    if not rows or not _cell_layout(lines, rows[0]):
        return None
    k = len(rows[0].tokens)
    names: list[str] = []
    above = rows[0].line - 1
    while above >= 0 and len(names) <= k:
        line, start = lines[above]
        stripped = line.strip().strip(_BARS + " \t\u3000")  # (a bar table one cell a line: "| 111學年度 |")
        above -= 1
        if not stripped:
            continue
        if len(stripped) > _MAX_LABEL or _SENTENCE.search(stripped) or len(stripped.split()) > 1 \
                or cell_token(stripped, start) is not None:
            break
        names.append(stripped)
    if len(names) < k:
        return None
    return tuple(reversed(names))


_GLUED_YEAR = lazyre.compile(r"((?:19|20)\d{2})(\d{3,})")


def _years_split_off(block: list[GridRow]) -> list[GridRow]:
    """A yearbook's rows whose year lost the space after it in extraction ("199059137 339396 17.4",
    "20071166941 7168576 16.3"): when every row of the block opens so, with years rising a few at a time, the year is
    the row's label and the rest its first figure."""
    glued = [_GLUED_YEAR.fullmatch(row.tokens[0].text) if not row.label else None for row in block]
    if not all(glued):
        return block
    years = [int(m.group(1)) for m in glued]
    if not all(_FIRST_YEAR <= y <= _LAST_YEAR for y in years) \
            or not all(0 < b - a <= _YEAR_STEP for a, b in zip(years, years[1:])):
        return block
    out = []
    for row, m in zip(block, glued):
        first = row.tokens[0]
        rest = cell_token(m.group(2), first.start + 4)
        out.append(GridRow(m.group(1), first.start, row.line, (rest, *row.tokens[1:])))
    return out


_FIRST_YEAR, _LAST_YEAR, _YEAR_STEP = 1949, 2035, 5


def _pair_lines(lines: list[tuple[str, int]], taken: set[int]) -> list[list[GridRow]]:
    """A one-column table flattened onto one line, its rows label and figure in turn from its
    合计 on: "县区名称 资金分配额(万元) 合计 4000 乐都区 819 平安区 100 民和县 1226"."""
    out = []
    for index, (line, start) in enumerate(lines):
        # (a line of prose — "合计 4000 万元 , 上年 3800 万元 , 增长 5.3 % 。" — is no table of names and figures)
        if index in taken or "计" not in line or not _TOTAL_LABEL.search(line) or _SENTENCE.search(line) \
                or _UNIT_WORD.search(line):  # (计 first: a 合计 / 总计 / 小计 holds it, and most lines none)
            continue
        words = [(m.group(), m.start()) for m in _WORD.finditer(line)]
        at = next((n for n in range(len(words) - 1) if _TOTAL_LABEL.fullmatch(words[n][0].replace(" ", ""))
                   and cell_token(words[n + 1][0], start + words[n + 1][1]) is not None), None)
        if at is None:
            continue
        rows: list[GridRow] = []
        label: list[tuple[str, int]] = []
        for word, where in words[at:]:
            token = cell_token(word, start + where)
            if token is None:
                label.append((word, where))
                continue
            if not label or token.value is None:
                break  # (two figures in a row: no longer one figure a row)
            rows.append(GridRow(" ".join(w for w, _ in label), start + label[0][1], index, (token,)))
            label = []
        if len(rows) >= _MIN_ROWS:
            out.append(rows)
    return out


# (a bar of a chart: its year, a fiscal year "2018/19" or "2023-24" or a year, and its total, a legend's words after
# them; the bar's segments are the figures on the line right above, a legend's words after them)
_BAR_LINE = lazyre.compile(r"\s*((?:19|20)\d{2}(?:[/／-](?:(?:19|20)?\d{2}))?)\s+(\S+)(?:\s+([^\d]*))?")
_SEGMENTS_LINE = lazyre.compile(r"\s*((?:\S+\s+)+?\S+?)(?:\s+([^\d\s][^\d]*))?\s*")
_MAX_CHART_GAP = 4  # (legend lines between two bars of one chart: "Property leasing and ⏎ management ⏎ 物業租賃及管理")


def _chart_rows(lines: list[tuple[str, int]], taken: set[int]) -> list[list[GridRow]]:
    """The bars of a stacked bar chart flattened to text, each a row: the year and the bar's total on one line, its
    segments on the line right above ("12 1,910 853 9 ⏎ 2018/19 2,784 Property Sales ⏎ 物業銷售 ⏎ 23 1,760 3,588 12
    Property Leasing and ⏎ 2017/18 5,383 Management …", HK$ million of each year's income by source).  A row is
    the total first, then the segments, so that the grid's formulas find the total the sum of the segments where
    the bars agree on it, as a grid's columns must (a bar whose segments ran together, "283183", is of another width
    and not among them).  Bars of one chart stand a few legend lines apart at most; prose or a figure elsewhere ends
    the chart."""
    bars: list[GridRow] = []
    for index in range(1, len(lines)):
        line, start = lines[index]
        if index in taken or index - 1 in taken:
            continue
        m = _BAR_LINE.fullmatch(line)
        if not m:
            continue
        total = cell_token(m.group(2), start + m.start(2))
        above, at = lines[index - 1]
        n = _SEGMENTS_LINE.fullmatch(above)
        if total is None or total.value is None or not n \
                or any(words and _prose_line(words.strip()) for words in (n.group(2), m.group(3))):
            continue
        words = [(w.group(), at + n.start(1) + w.start()) for w in _WORD.finditer(n.group(1))]
        segments = [cell_token(w, where) for w, where in words]
        if len(segments) < 2 or any(t is None or t.value is None for t in segments) or _BAR_LINE.fullmatch(above):
            continue
        bars.append(GridRow(m.group(1), start + m.start(1), index, (total, *segments)))
    blocks: list[list[GridRow]] = []
    current: list[GridRow] = []
    for bar in bars:
        if current and (len(bar.tokens) != len(current[-1].tokens) or bar.line - current[-1].line > _MAX_CHART_GAP + 2
                        or any(_ANY_DIGIT.search(lines[n][0]) or _prose_line(lines[n][0].strip())
                               for n in range(current[-1].line + 1, bar.line - 1))):
            if len(current) >= _MIN_ROWS:
                blocks.append(current)
            current = []
        current.append(bar)
    if len(current) >= _MIN_ROWS:
        blocks.append(current)
    return blocks


def _cell_lines(lines: list[tuple[str, int]], taken: set[int]) -> list[list[GridRow]]:
    """Tables written one cell per line, folded back into rows."""
    blocks: list[list[GridRow]] = []
    # (a table whose empty cells are kept — a line of a space between blank lines, or a bar alone, "|" — read with each
    # cell in its column where every row is then as long; the English glosses under its labels passed over)
    read: set[int] = set()
    for cells in cell_items(lines, taken, glosses=True, blanks=True):
        rows = _year_rows_with_blanks(cells) or _labelled_rows_with_blanks(cells, lines)
        if rows:
            blocks.append(rows)
            read.update(range(cells[0][2], cells[-1][2] + 1))
    for items in cell_items(lines, taken):
        if any(item[2] in read for item in items):
            continue
        blocks.extend(run for block in _labelled_rows(_without_serials(items)) for run in _year_rows_apart(block))
        blocks.extend(_serial_rows(items))
    return blocks


def _labelled_rows_with_blanks(items, lines=()) -> list[GridRow]:
    """The rows of a bar table one cell a line (_rows_with_blanks): read with its last empty cells first (the last row's
    cells, "15308 | ⏎ 14926 | ⏎ |"), else without them (the bars under the table's last row)."""
    return _rows_with_blanks(items, lines, keep_last=True) or _rows_with_blanks(items, lines)


def _rows_with_blanks(items, lines=(), keep_last: bool = False) -> list[GridRow]:
    """A table one cell a line whose empty cells are kept (a bar alone, "|", in a bar table: "医疗救助人数 | ⏎ | ⏎ | ⏎
    32523 | ⏎ 40709 |", the first two years not written): each label and the cells after it a row, read only when every
    row is then as long (three cells at least, a figure in each row, an empty cell in one at least) — a first row of
    years alone is the header over the columns, not a row; else []."""
    while not keep_last and items and not items[-1][0] and items[-1][3] is None:
        items = items[:-1]  # (the bars under the table's last row)
    # (… or none empty, where every figure kept its bar: "45210 |")
    bars = bool(lines) and all(lines[item[2]][0].rstrip().endswith(tuple(_BARS)) for item in items if item[3] is not None)
    labels = [n for n, item in enumerate(items) if item[3] is None and item[0]]
    if len(labels) < _MIN_ROWS:
        return []
    rows = [GridRow(items[a][0], items[a][1], items[a][2],
                    tuple(item[3] if item[3] is not None else Token("", item[1], None, 0, _ONE, _ZERO)
                          for item in items[a + 1:b]))
            for a, b in zip(labels, [*labels[1:], len(items)])]
    # (a title or a header's words over the table: labels with no figure, "19-7 医疗救助情况 | ⏎ | ⏎ |" — and a first row
    # of years alone, the header over the columns, with the words of a last column's name after it on lines of their
    # own: "2021 | ⏎ 2022 | ⏎ 2022年比2021年 ⏎ 增长(%) |")
    while rows and (all(t.value is None for t in rows[0].tokens)
                    or all(t.value is not None and _YEAR_CELL.fullmatch(t.text) for t in rows[0].tokens)):
        rows = rows[1:]
    if len(rows) < _MIN_ROWS or len({len(row.tokens) for row in rows}) != 1 or len(rows[0].tokens) < _MIN_COLUMNS \
            or any(all(t.value is None for t in row.tokens) for row in rows):
        return []
    if not any(t.value is None and not t.text for row in rows for t in row.tokens) and not bars:
        return []
    return rows


_YEAR_SPAN_LABEL = lazyre.compile(r"(?:19|20)\d{2}\s*[-—–~至]\s*(?:19|20)\d{2}\s*年?")


def _year_rows_with_blanks(items) -> list[GridRow]:
    """A yearbook's table of years written one cell a line with its empty cells kept, each a line of a space between
    blank lines ("1983 ⏎ 1366.95 ⏎ 775.59 ⏎ 240.52 ⏎ ␠ ⏎ 93.00 ⏎ ␠ ⏎ ␠ ⏎ 257.84 ⏎ ␠"), its rows opened by their year
    and its spans' subtotals by the span in words ("1981-1985 ⏎ 7402.75 ⏎ …"): every row, the empty cells counted,
    as many cells long, so each cell stands in its column — the year the row's name, as the span is the subtotal's.
    Read only so when every row from the first year on is so (three years at least, rising, and one empty cell at
    least among them); else [] (the rows are read by _labelled_rows, without the empty cells)."""
    start = next((n for n, item in enumerate(items) if _year_opener(item)
                  or item[3] is None and _YEAR_SPAN_LABEL.fullmatch(item[0])), None)
    if start is None or not any(not item[0] and item[3] is None for item in items[start:]):
        return []
    rows: list[GridRow] = []
    years: list[int] = []
    for n in range(start, len(items)):
        item = items[n]
        if not _year_opener(item) and not (item[3] is None and _YEAR_SPAN_LABEL.fullmatch(item[0])):
            if item[3] is None and item[0]:
                return []  # (a label of another kind among the cells: no table of years)
            continue
        end = next((m for m in range(n + 1, len(items)) if _year_opener(items[m])
                    or items[m][3] is None and _YEAR_SPAN_LABEL.fullmatch(items[m][0])), len(items))
        cells = tuple(item[3] if item[3] is not None else Token("", item[1], None, 0, _ONE, _ZERO)
                      for item in items[n + 1:end])
        if item[3] is not None:
            years.append(int(item[3].text))
        rows.append(GridRow(item[0], item[1], item[2], cells))
    if len(years) < _MIN_ROWS or any(b <= a for a, b in zip(years, years[1:])) \
            or len({len(row.tokens) for row in rows}) != 1 or len(rows[0].tokens) < _MIN_COLUMNS \
            or any(sum(t.value is not None for t in row.tokens) < 1 for row in rows):
        return []
    return rows


def _year_opener(item) -> bool:
    """A cell that is a year written alone (1949 – 2035)."""
    token = item[3]
    return token is not None and bool(_YEAR_CELL.fullmatch(token.text)) and _FIRST_YEAR <= int(token.text) <= _LAST_YEAR


def _year_rows_apart(block: list[GridRow]) -> list[list[GridRow]]:
    """A block whose rows open with their year as a figure ("1985 ⏎ 2004.82 ⏎ 2040.79 …", no label) but for a row or two
    named in words ("1986-1990 ⏎ 12280.60 ⏎ 12170.82 …", a span's subtotal): the named row has no year cell, so its
    figures stand one column left of the others' — level with them only where it writes one more cell, which a cell
    per line cannot tell.  The runs of year rows are read, the named rows not."""
    years = [not row.label and bool(row.tokens) and bool(_YEAR_CELL.fullmatch(row.tokens[0].text)) for row in block]
    if sum(years) < _MIN_ROWS or all(years):
        return [block]
    runs: list[list[GridRow]] = [[]]
    for row, year in zip(block, years):
        if year:
            runs[-1].append(row)
        elif runs[-1]:
            runs.append([])
    return [run for run in runs if len(run) >= _MIN_ROWS]


# a label's English name on the line right under its Chinese one, as Hong Kong's bilingual statements set them ("學費、課程
# 及其他收費 ⏎ Tuition, Programmes and Other Fees ⏎ 497,499"): a gloss of the label, no cell of its own
_ENGLISH_GLOSS = lazyre.compile(r"[A-Za-z][A-Za-z ,.&'’()/\-:]{0,78}")
_CJK = lazyre.compile(r"[\u4e00-\u9fff]")
# (the English gloss of a label's unit in a bracket, on a line of its own under the label: "(10 000 yuan)", "(person)")
_UNIT_GLOSS = lazyre.compile(r"\(\s*[A-Za-z0-9 ,./\-]*[A-Za-z]{2,}[A-Za-z0-9 ,./\-]*\s*\)")


def cell_items(lines: list[tuple[str, int]], taken: set[int], glued=None, glosses: bool = False,
               blanks: bool = False):
    """The runs of short lines of one cell each (a figure, or a label of three words at most): each a list of
    (text, start, line, token or None for a label); a prose line ends a run.  Runs of fewer items than three rows
    of a label and a figure each are passed over.  `glued`: a function that splits a line of a label glued to its
    figure into the two items, or returns None (statement.py: "政府补助2,784,516").  `blanks`: the runs as they are,
    their empty cells kept (not only those that open a row: _empty_labels), a bar alone an empty cell too."""
    items: list[tuple[str, int, int, Token | None]] = []  # (text, start, line, token or None for a label)
    gloss = -2  # (the last line read as a gloss)
    for index, (line, start) in enumerate(lines + [("。", -1)]):
        stripped = line.strip()
        if not stripped:
            if line and items and _empty_cell(lines, index):
                items.append(("", start, index, None))  # (an empty label cell: the row's name was lost)
            continue
        bare = stripped.rstrip(_BARS + " \t\u3000") if blanks else stripped
        if glosses and items and items[-1][3] is None and (items[-1][2] == index - 1 or gloss == index - 1) \
                and index not in taken and _CJK.search(items[-1][0]) \
                and (_ENGLISH_GLOSS.fullmatch(bare) or blanks and len(bare) <= 80 and _LABEL_GLOSS.fullmatch(bare)
                     and _GLOSS_WORD.search(bare) or blanks and _UNIT_GLOSS.fullmatch(bare)) \
                and (bare[0].isupper() or gloss == index - 1 or blanks and _UNIT_GLOSS.fullmatch(bare)):
            # (`glosses`: the label's English name under it, "Government Subventions" — with `blanks`, over two lines
            # and with a bar after it too: "Total Number of Persons Attained ⏎ Medical Aid (person) |")
            gloss = index if blanks else gloss
            continue
        if blanks and not stripped.strip(_BARS + " \t\u3000") and index not in taken:
            items.append(("", start, index, None))  # (a bar alone: an empty cell of a bar table one cell a line)
            continue
        short = len(stripped) <= _MAX_LABEL and index not in taken  # (a prose line ends the cells at once)
        if short and (stripped[0] in _BARS or stripped[-1] in _BARS):
            # (a cell that kept its bars, a bar table written one cell a line: "| 111學年度 |", "714,976 |")
            inner = stripped.strip(_BARS + " \t\u3000")
            if inner and not any(bar in inner for bar in _BARS):
                stripped = inner
        if short:
            if stripped[0] in PAGE_MARK_FIRST and PAGE_MARK.match(stripped):
                continue
            at = start + line.index(stripped[0]) if start >= 0 else -1
            token = cell_token(stripped, at)
            if token is not None:
                items.append((stripped, at, index, token))
                continue
            pair = glued(stripped, at, index) if glued is not None else None
            if pair is not None:
                items.extend(pair)
                continue
            if not _SENTENCE.search(stripped) and len(stripped.split()) <= 3:
                items.append((stripped, at, index, None))
                continue
        if items:
            # (fewer items than three rows of a label and a figure each hold no grid: most runs of short
            # lines are a heading or two, not asked of the row readers)
            if len(items) >= 2 * _MIN_ROWS:
                yield items if blanks else _empty_labels(items)
            items = []


def _empty_cell(lines: list[tuple[str, int]], index: int) -> bool:
    """A line of spaces alone between two empty lines, where a table is written one cell a line with an empty line
    between cells ("82982.7 ⏎ ⏎ 75.5 ⏎ ⏎ ␠ ⏎ ⏎ 4723.9"): an empty cell — a row whose name was lost opens there, not
    the row above going on."""
    return 0 < index < len(lines) - 1 and not lines[index - 1][0] and not lines[index + 1][0]


def _empty_labels(items):
    """The run without the empty cells that stand in no label's place: an empty cell opens a row only where three
    figures at least follow it ("␠ ⏎ 4723.9 ⏎ 5.7 ⏎ 17.3 …"); one in a column left blank between a row's figures
    ("881,010 ⏎ ␠ ⏎ 3.7%") or before the next label is passed over, as a blank line is."""
    def opens(n: int) -> bool:
        following = items[n + 1:n + 1 + _MIN_COLUMNS]
        return len(following) == _MIN_COLUMNS and all(item[3] is not None for item in following)
    return [item for n, item in enumerate(items) if item[0] or item[3] is not None or opens(n)]


def _without_serials(items):
    """The cells without a 序号 column's numbers, under a header that names one ("序号 ⏎ 行业 ⏎ 项目个数 ⏎ …" over
    "1 ⏎ 教育 ⏎ 34 ⏎ …"): each a whole number alone right before a row's label, rising one by one from row to row
    (three rows at least) — else it is read as the last figure of the row above."""
    heads = [n for n, item in enumerate(items) if item[3] is None and SERIAL_HEADER.match(item[0].replace(" ", ""))]
    if not heads:
        return items
    serials = [n for n in range(heads[0] + 1, len(items) - 1)
               if items[n][3] is not None and items[n + 1][3] is None and items[n][0].isdigit()]
    run: list[int] = []
    for n in serials:
        if run and items[n][3].value != items[run[-1]][3].value + 1:
            break
        run.append(n)
    if len(run) < _MIN_ROWS:
        return items
    drop = set(run)
    return [item for n, item in enumerate(items) if n not in drop]


def _labelled_rows(items) -> list[list[GridRow]]:
    """A label line and k figure lines, again and again with the same k (label lines with no
    figure after them — a header — end the rows before them)."""
    groups: list[GridRow] = []
    out: list[list[GridRow]] = []
    n = 0
    while n < len(items):
        if items[n][3] is not None:
            n += 1
            continue
        label, start, line = items[n][0], items[n][1], items[n][2]
        m = n + 1
        while m < len(items) and items[m][3] is not None:
            m += 1
        tokens = tuple(item[3] for item in items[n + 1:m])
        row = GridRow(label, start, line, tokens) if tokens else None
        if row is not None and groups and len(tokens) == len(groups[0].tokens):
            groups.append(row)
        elif row is not None and len(groups) == 1 and 2 <= len(groups[0].tokens) < len(tokens):
            # (a first row shorter than the rows under it, "全国地方 | 82982.7 | … | 75.5" with its last columns not
            # written: kept, its cells the first columns, only where the columns' arithmetic bears it out — read_grids)
            head = groups[0]
            blank = Token("", head.tokens[-1].end, None, 0, _ONE, _ZERO)
            pad = len(tokens) - len(head.tokens)
            groups = [GridRow(head.label, head.start, head.line, head.tokens + (blank,) * pad, pad), row]
        else:
            if len(groups) >= _MIN_ROWS:
                out.append(groups)
            groups = [row] if row is not None else []
        n = m
    if len(groups) >= _MIN_ROWS:
        out.append(groups)
    return out


def _padded_row_fits(rows: list[GridRow], named: frozenset[int]) -> bool:
    """Whether a short first row (rows[0], padded at the right) stands in its columns: the formulas the other rows
    agree on hold in it wherever it writes their figures — one at least, and none breaks."""
    k = len(rows[0].tokens) - rows[0].padded
    written = [f for f in column_formulas(rows[1:], named=named)
               if f.kind in {"sum", "ratio", "growth", "change"} and max(f.target, *f.operands) < k]
    results = []
    for f in written:
        row = rows[0].tokens
        if f.kind == "sum":
            results.append(_sum_in(row, f.target, f.operands))
        elif f.kind == "change":
            results.append(_change_in(row[f.target], row[f.operands[0]], row[f.operands[1]]))
        else:
            results.append(_ratio_in(row[f.target], row[f.operands[0]], row[f.operands[1]],
                                     _HUNDRED if f.kind == "growth" else _ZERO))
    return any(r is not None and r is not False for r in results) and not any(r is False for r in results)


def _serial_rows(items) -> list[list[GridRow]]:
    """Figures only, each row opened by its year (105 / … / 106 / …): the row
    length is the period at which the opening numbers rise one by one."""
    out = []
    run_end = [0] * (len(items) + 1)  # where the run of figures from each item on ends
    run_end[len(items)] = len(items)
    for n in range(len(items) - 1, -1, -1):
        run_end[n] = run_end[n + 1] if items[n][3] is not None else n
    n = 0
    while n < len(items):
        found = _serial_block(items, n, run_end[n]) if _serial(items[n][3]) else None
        if found is None:
            n += 1
            continue
        rows, n = found
        out.append(rows)
    return out


def _serial_block(items, n: int, run: int) -> tuple[list[GridRow], int] | None:
    """The rows from items[n] on (figures up to items[run]), and where they end."""
    first = items[n][3].value
    for period in range(_MIN_COLUMNS + 1, _MAX_COLUMNS + 2):
        if run - n < _MIN_ROWS * period:
            return None
        if any(_serial(f[3]) and f[3].value == first + 1 for f in items[n + 1:n + period]):
            return None  # (the next number comes sooner: a shorter row, or no serial at all)
        count = 1
        while n + (count + 1) * period <= run and _serial(items[n + count * period][3]) \
                and items[n + count * period][3].value == first + count:
            count += 1
        if count >= _MIN_ROWS:
            rows = [GridRow(items[n + i * period][0], items[n + i * period][1], items[n + i * period][2],
                            tuple(f[3] for f in items[n + i * period + 1:n + (i + 1) * period]))
                    for i in range(count)]
            return rows, n + count * period
    return None


def _serial(token: Token | None) -> bool:
    """A year (民國 50–150, or 1900–2100) written alone, as a row of years opens."""
    return token is not None and token.value is not None and token.decimals == 0 and token.text.isdigit() \
        and (50 <= token.value <= 150 or 1900 <= token.value <= 2100)


# ------------------------------------------------------------------ formulas
def _chance(target: Token, point: Decimal) -> float:
    """How likely a figure of the target's size falls, by chance, as close to what the formula
    gives from the figures as written (`point`) as the target does, within its last digit."""
    width = 2 * abs(target.value - point) + 2 * target.tolerance + target.unit
    return min(1.0, float(width / max(abs(target.value), target.unit)))


def _sum_in(row: tuple[Token, ...], target: int, parts: tuple[int, ...]) -> float | bool | None:
    """The chance of a coincidence when the row's target is the sum of its parts, False when
    it is not (None: not all written, or a sum of one figure and zeros that holds, which says
    nothing — but one that does not hold speaks against the formula: 期末 = 期初 + 发行 breaks
    in the rows of 偿还 when nothing was issued)."""
    total = row[target]
    if total.value is None or not total.value:
        return None
    summed = slack = _ZERO
    nonzero = 0
    dashed = False  # (a dash says none: "年初 | 调增 — | 调减 30 | 调整后" — a part of nothing, that may speak against it)
    for p in parts:
        cell = row[p]
        if cell.value is None:
            # (… an empty cell of a table that keeps them — a bar alone, a line of a space — is a part not written that
            # year: a sum of the others that holds, two at least, holds as much as one over every cell written)
            dashed = dashed or bool(cell.text)
            continue
        if cell.value:
            nonzero += 1
            summed += cell.value
            slack += cell.tolerance
    if abs(total.value - summed) > total.tolerance + slack:
        return None if any(_unknown(row[p]) for p in parts) else False
    if nonzero < 2 or dashed:
        return None
    return _chance(total, summed)


def _unknown(token: Token) -> bool:
    """A cell written ".." (not available), or left empty in a table that keeps its empty cells (a bar alone: "城市 | ⏎
    | ⏎ 812.6 |", not counted that year): its figure is not known, not none."""
    return token.value is None and (token.text.startswith(".") or not token.text)


def _ratio_in(t: Token, num: Token, den: Token, minus: Decimal = _ZERO) -> float | bool | None:
    """The same for t = num / den × 100 − minus, num and den within their rounding."""
    if t.value is None or num.value is None or den.value is None or not num.value or den.value <= 0 \
            or num.value == den.value or den.value <= den.tolerance:
        return None
    low = (num.value - num.tolerance) / (den.value + den.tolerance) * _HUNDRED - minus
    high = (num.value + num.tolerance) / (den.value - den.tolerance) * _HUNDRED - minus
    if low > high:
        low, high = high, low
    point = num.value / den.value * _HUNDRED - minus
    if high < 0 <= t.value and not t.text.startswith("+"):  # (a fall written without its sign: "-38,788 … 35.28")
        low, high, point = -high, -low, -point
    if t.value + t.tolerance < low or t.value - t.tolerance > high:
        return False
    return _chance(t, point)


def _agreed(results, trials: int, least: int = _MIN_ROWS) -> tuple[int, int] | None:
    """(rows that hold, rows written) when a formula holds in every row that writes its
    figures but one at most, in _MIN_ROWS at least, and no coincidence over the `trials`
    formulas tried is likely to explain the rows.  A second row against it drops it: rows
    below a change of the table's columns (a yearbook adds a column pair from 1995 on)
    would otherwise each be accused."""
    held = against = 0
    chance = 1.0
    for result in results:
        if result is None:
            continue
        if result is False:
            against += 1
            if against > 1:
                return None
        else:
            held += 1
            chance *= result
    if held < least or chance * trials > _COINCIDENCE:
        return None
    return held, held + against


def _part_sets(k: int, target: int):
    """The sets of columns a column may be the sum of: any two, a run of neighbours, every
    second or third column of a run (amount / share pairs)."""
    others = [c for c in range(k) if c != target]
    seen = set()
    for a, b in itertools.combinations(others, 2):
        seen.add((a, b))
        yield (a, b)
    for step in (1, 2, 3):
        for first in range(k):
            for last in range(first + 2 * step, k, step):
                cols = tuple(c for c in range(first, last + 1, step))
                if target in cols or cols in seen:
                    continue
                seen.add(cols)
                yield cols


def _nested_part_sets(grid: list[tuple[Token, ...]], k: int, target: int, columns: list[int]):
    """Runs of neighbours with one inner block left out, the block the nested parts of the column before it
    ("业务支出合计 | 医疗支出 | 药品支出 | 内:药品费 | 其中:西药费 | 中药费 | 基本药物支出 | 其他支出": 合计 = 医疗 + 药品 + 其他,
    the 内:/其中: columns parts of 药品支出, no siblings): every cell of the block at most its parent's in every row
    that writes the parent, in _MIN_ROWS at least (a column some of those rows leave empty is not read as its part)."""
    def nested(parent: int, c: int) -> bool:
        both = [(r[parent].value, r[c].value) for r in grid if r[parent].value is not None]
        return len(both) >= _MIN_ROWS and all(v is not None and 0 <= v <= p for p, v in both) \
            and any(v < p for p, v in both)
    for first in range(k):
        for last in range(first + 3, k):
            for i in range(first + 1, last):
                if not nested(i - 1, i):
                    continue
                for j in range(i, last):
                    if not nested(i - 1, j):
                        break
                    cols = tuple(c for c in range(first, last + 1) if not i <= c <= j)
                    if len(cols) >= 3 and target not in range(first, last + 1) and all(c in columns for c in cols):
                        yield cols


def column_formulas(rows: list[GridRow], percents: frozenset[int] = frozenset(),
                    named: frozenset[int] = frozenset(), results: frozenset[int] = frozenset(),
                    part_named: dict[int, int] | None = None) -> tuple[GridFormula, ...]:
    """The formulas the grid's columns agree on (see the module docstring); `percents`: columns known to hold
    percentages though their cells write no % (their name says so: "提取率(%)"); `named`: columns the header names
    a rate or share ("福彩占比%"), the result of a ratio before any other column (12.36 | 4.51 | 36.5 holds as
    4.51 / 12.36 = 36.5 % and as 4.51 / 36.5 = 12.36 %: the header says which is the share); `results`: those of
    them that are a ratio's result, never its operand (a rate, a share, a change in % — not a 权重 the score is
    weighted by): a ratio the figures agree on with one of them as an operand is read with it as the result;
    `part_named`: share columns whose header names the column of their part (share_column_of_part), each to it."""
    k = len(rows[0].tokens)
    grid = [r.tokens for r in rows]
    columns = _distinct_columns(grid, k)
    trials = len(columns) ** 3  # (about as many formulas as are tried: every target, its part sets, ratios)
    percent_like = {c: _percent_like(grid, c, c in named) for c in columns}
    for c in percents & set(columns):
        percent_like[c] = (True, *percent_like[c][1:])
    found: list[GridFormula] = []
    covered: set[frozenset[int]] = set()
    targets: set[int] = set()
    rate_rows = {n for n, r in enumerate(rows) if r.label and _RATE_COLUMN.search(r.label)}
    for target in columns:
        sums: list[frozenset[int]] = []
        for parts in itertools.chain(_part_sets(k, target), _nested_part_sets(grid, k, target, columns)):
            if any(p not in columns for p in parts) or frozenset([target, *parts]) in covered \
                    or any(s <= frozenset(parts) for s in sums):
                continue
            if len({percent_like[c][0] for c in (target, *parts)}) > 1:
                continue  # (a column written in % is no sum of columns that are not: "分值 | 占本部分权重 24% | 得分")
            # (a row of rates, "增长(%) 0.52 1.34 -1.06", that breaks a sum of amounts says nothing against it: rates do
            # not add; read in the row only where it holds — resolvers/column_agreement.py)
            agreed = _agreed((None if result is False and n in rate_rows else result
                              for n, result in enumerate(_sum_in(r, target, parts) for r in grid)), trials)
            if agreed and agreed[0] < agreed[1] and len(parts) == 2 and any(
                    _agreed((_change_in(r[change], r[target], r[other]) for r in grid), trials) == (agreed[1], agreed[1])
                    for change, other in (parts, parts[::-1])):
                continue  # (a change column written unsigned: it holds in every row as a change, not as a sum)
            if agreed:
                sums.append(frozenset(parts))
                covered.add(frozenset([target, *parts]))
                found.append(GridFormula(kind="sum", target=target, operands=parts, support=agreed[0], rows=agreed[1]))
    # (of the ratios into one column, the one fewer rows break: "预算 | 到位 | 支出 | 执行率" whose 执行率 is 支出 / 到位
    # holds as 支出 / 预算 too in the rows where all was paid in — the row where it was not says which)
    ratios: dict[int, GridFormula] = {}
    for triple in itertools.combinations(columns, 3):
        if frozenset(triple) in covered:
            continue
        formula = _ratio_of(grid, triple, percent_like, trials, percents)
        if formula is None:
            formula = _named_share(grid, triple, percent_like, len(columns), part_named or {})
        if formula is None:
            continue
        had = ratios.get(formula.target)
        if had is None or formula.kind == had.kind == "ratio" and formula.rows - formula.support < had.rows - had.support \
                or had.kind == "growth" and formula.kind == "ratio" and _growth_misread(grid, had, formula, found):
            # (a growth column is also change / last year: the growth, found first, is kept — it ties the two years;
            # but not where it breaks in rows whose own figures agree otherwise: see _growth_misread)
            ratios[formula.target] = formula
    for target, formula in list(ratios.items()):
        # (not out of a column its cells write in %: "96.04%" is the result, whatever a header misplaced says)
        if formula.kind == "ratio" and target not in results and not percent_like[target][0] \
                and any(c in results for c in formula.operands):
            named_result = next(c for c in formula.operands if c in results)
            if named_result in ratios:
                del ratios[target]  # (the named column has a reading of its own)
            elif (turned := _ratio_into(grid, named_result, (target, *formula.operands))) is not None:
                del ratios[target]
                ratios[named_result] = turned
    for target, formula in list(ratios.items()):
        # (a ratio some row breaks gives way to shares of a total row that every row keeps: "金額 | 百分比 | 金額 |
        # 百分比" whose 累計 happens to be 3 × 本月 in three rows — 333,333 / 1,000,001 = 33.33 % there, but the 合計 row's
        # 100.00 says each 百分比 is of its own column's 合計)
        if formula.kind == "ratio" and formula.support < formula.rows:
            shares = _shares_of_rows(rows, grid, target, columns, trials)
            if shares is not None and shares.support == shares.rows:
                ratios[target] = shares
    for formula in sorted(ratios.values(), key=lambda f: sorted((f.target, *f.operands))):
        targets.add(formula.target)
        found.append(formula)
    for target in columns:
        if target in targets:
            continue
        formula = _shares_of_rows(rows, grid, target, columns, trials)
        if formula is not None:
            targets.add(target)
            found.append(formula)
    for strict, target in itertools.product((True, False), columns):  # (a reading every row agrees on first)
        if target in targets:
            continue
        for a, b in itertools.combinations([c for c in columns if c != target], 2):
            if frozenset((target, a, b)) in covered or any(f.kind == "change" and {a, b} <= {f.target, *f.operands}
                                                          for f in found):
                continue
            agreed = _agreed((_change_in(r[target], r[a], r[b]) for r in grid), trials)
            if agreed and agreed[0] < agreed[1] and any(
                    f.kind == "sum" and f.support == f.rows and target in (f.target, *f.operands) for f in found):
                continue  # (预算 = 支出 + 结余 in every row: the 结余 column is that sum's, not 到位 − 支出)
            if agreed and (not strict or agreed[0] == agreed[1]):
                # (a change written unsigned: against last year's, the base its growth is of)
                previous = next((f.operands[1] for f in found if f.kind == "growth" and set(f.operands) == {a, b}), a)
                found.append(GridFormula(kind="change", target=target, operands=(b if previous == a else a, previous),
                                         support=agreed[0], rows=agreed[1]))
                covered.add(frozenset((target, a, b)))
                break
    return tuple(found)


def _ratio_into(grid: list[tuple[Token, ...]], target: int, triple: tuple[int, ...]) -> GridFormula | None:
    """The ratio of three columns the figures agree on (one reading of it passed the coincidence test) read into
    `target`, the column the header names its result ("2023-24 修訂預算 | … | 增減 | 增減%": 4,213 / 105,632 = 4.0 %,
    not 105,632 = 4,213 / 4.0 %); None where it does not hold so in as many rows."""
    num, den = (c for c in triple if c != target)
    for a, b in ((num, den), (den, num)):
        agreed = _agreed((_ratio_in(r[target], r[a], r[b]) for r in grid), 0)
        if agreed:
            return GridFormula(kind="ratio", target=target, operands=(a, b), support=agreed[0], rows=agreed[1])
    return None


def _shares_of_rows(rows: list[GridRow], grid: list[tuple[Token, ...]], target: int, columns: list[int],
                    trials: int) -> GridFormula | None:
    """A column of shares of a total row: the row above whose share is written 100 (each block
    of rows opened by its total), else the first, last or 合计 row."""
    above: list[int | None] = []
    last = None
    for n, r in enumerate(grid):
        above.append(last if r[target].value != _HUNDRED else None)
        if r[target].value == _HUNDRED:
            last = n
    readings = [tuple(above)] if any(w is not None for w in above) else []
    readings += [tuple(None if n == w else w for n in range(len(grid)))
                 for w in _total_rows(rows) if grid[w][target].value == _HUNDRED]
    for wholes in readings:
        if grid[0][target].value != _HUNDRED and any(
                w is not None and r[target].value is not None and r[target].value > _HUNDRED for r, w in zip(grid, wholes)):
            # (a 100 in the middle of the column, rows before it of no whole, and "shares" of it above 100: a column of
            # scores, 因素得分 | 241 | 59 | 100 | 332, no shares — not 业务收入 100.00 opening a statement whose 业务成本
            # is 129.51 % of it)
            continue
        for amount in columns:
            if amount == target:
                continue
            agreed = _agreed((_ratio_in(r[target], r[amount], grid[w][amount]) if w is not None else None
                              for r, w in zip(grid, wholes)), trials)
            if agreed:
                return GridFormula(kind="share_of_row", target=target, operands=(amount,), wholes=wholes,
                                   support=agreed[0], rows=agreed[1])
    return None


def _change_in(t: Token, a: Token, b: Token) -> float | bool | None:
    """The chance of a coincidence when t is the change between a and b, written unsigned or
    signed either way (False when it is not; None when the row says nothing)."""
    if any(x.value is None for x in (t, a, b)):
        # (a dash says none: read as 0 it may still speak against the formula — "年初 | 调增 — | 调减 3,421.67 |
        # 调整后" breaks 年初 = 调整后 − 调增 —, never for it)
        if all(x.value is not None or x.text.strip() for x in (t, a, b)):
            tv, av, bv = (x.value if x.value is not None else _ZERO for x in (t, a, b))
            if abs(abs(tv) - abs(av - bv)) > t.tolerance + a.tolerance + b.tolerance:
                return False
        return None
    if t.value is None or a.value is None or b.value is None:
        return None
    gap = abs(a.value - b.value)
    if abs(abs(t.value) - gap) > t.tolerance + a.tolerance + b.tolerance:
        return False  # (a row with a zero that breaks it speaks against it too, as in _sum_in)
    if not t.value or not a.value or not b.value or a.value == b.value:
        return None
    return _chance(t, gap if t.value > 0 else -gap)


def _total_rows(rows: list[GridRow]) -> list[int]:
    """The rows a column of shares may be of: the first, the last, those named 合计 / 总计 / 小计."""
    return sorted({0, len(rows) - 1, *(n for n, r in enumerate(rows) if _TOTAL_LABEL.search(r.label))})


def _ratio_of(grid: list[tuple[Token, ...]], triple: tuple[int, ...], percent_like: dict, trials: int,
              named: frozenset[int] = frozenset()) -> GridFormula | None:
    """The ratio or growth three columns agree on, the column most like a percentage taken
    as the result: the same three figures also hold as part = whole × p% / 100.  A column that
    writes "%" is the only result there can be (到位 640 | 到位率 94.12%: not 680 = 640 / 94.12 %,
    even when the rows of 100 % leave too few to show the rate).  A ratio into a column its name says holds rates
    (`named`: an indicator table turned, "个贷率(%)" over three years) is read where it holds in two rows: such a table
    has as many rows as years, and one year's slip leaves two."""
    written = [c for c in triple if percent_like[c][0]]
    for target in sorted(written or triple, key=percent_like.__getitem__, reverse=True):
        num, den = (c for c in triple if c != target)
        for a, b in ((num, den), (den, num)):
            for kind, minus in (("ratio", Decimal(0)), ("growth", _HUNDRED)):
                if kind == "growth" and not _signed_growth(grid, target, a, b):
                    continue
                least = 2 if kind == "ratio" and target in named else _MIN_ROWS
                agreed = _agreed((_ratio_in(r[target], r[a], r[b], minus) for r in grid), trials, least)
                if agreed:
                    return GridFormula(kind=kind, target=target, operands=(a, b), support=agreed[0], rows=agreed[1])
    return None


def _named_share(grid: list[tuple[Token, ...]], triple: tuple[int, ...], percent_like: dict, trials: int,
                 part_named: dict[int, int]) -> GridFormula | None:
    """A share column whose header names its part column ("生活助學金人次 | 生活助學金人次所佔全校人數比例") is that
    column over a whole: the header pins the result and the part, only the whole is sought among the columns, so the
    coincidence test weighs `trials` (the columns) and not every formula of three (small counts over a large whole,
    44 / 3637 = 1.21 %, else fall below it).  Read only as the share of that part, written in %."""
    for target, part in part_named.items():
        if target not in triple or part not in triple or not percent_like[target][0]:
            continue
        whole = next(c for c in triple if c not in (target, part))
        agreed = _agreed((_ratio_in(r[target], r[part], r[whole]) for r in grid), trials)
        if agreed:
            return GridFormula(kind="ratio", target=target, operands=(part, whole), support=agreed[0], rows=agreed[1])
    return None


def _part_named(header: tuple[str, ...] | None, vocab) -> dict[int, int]:
    """The share columns whose header names another column as their part (vocabulary cue share_column_of_part), each
    to that column: the name before 所占 is the other column's whole header, its unit aside."""
    if header is None or vocab is None:
        return {}
    names = [_UNIT_NAME.sub("", name.replace(" ", "")) for name in header]
    share_of_part = vocab.cue("share_column_of_part")
    out = {}
    for n, name in enumerate(names):
        m = share_of_part.match(name)
        if m is None:
            continue
        parts = [c for c, other in enumerate(names) if c != n and other == m.group(1)]
        if len(parts) == 1:
            out[n] = parts[0]
    return out


def _growth_misread(grid: list[tuple[Token, ...]], growth: GridFormula, ratio: GridFormula,
                    found: list[GridFormula]) -> bool:
    """"送审 | 审定 | 审减(增) | 审减(增)率" with a 审增 row "413,208.00 | 421,836.50 | -8,628.50 | -2.09%": the rate is
    审减 / 送审, no growth of 审定 over a 送审 of last year — the growth breaks in that row alone, where the ratio holds and
    the row's sum (送审 = 审定 + 审减) holds too: a row whose figures all agree but for the growth is no slip of it.  A row
    where the sum breaks as well (a wrong figure of the year) leaves the growth read, to say which figure is wrong; the
    ratio must break in fewer rows than the growth."""
    current, previous = growth.operands
    broken = [r for r in grid if _ratio_in(r[growth.target], r[current], r[previous], _HUNDRED) is False]
    sums = [f for f in found if f.kind == "sum" and {current, previous} <= {f.target, *f.operands}
            and ratio.operands[0] in {f.target, *f.operands}]
    # (a row where the ratio breaks too has a slip in the rate itself: it says nothing of which reading is right)
    held = [r for r in broken if _ratio_in(r[ratio.target], r[ratio.operands[0]], r[ratio.operands[1]]) is not False]
    return bool(held) and bool(sums) and ratio.rows - ratio.support < growth.rows - growth.support \
        and all(_sum_in(r, f.target, f.operands) is not False for f in sums for r in held)


def _signed_growth(grid: list[tuple[Token, ...]], target: int, current: int, previous: int) -> bool:
    """A growth column has a rise in some row, or writes a fall with its sign: a column of
    falls all written unsigned is a share of the other figure (16358 = 10187 + 6171: 6171 is
    37.7 % of 16358, and 10187 is 37.7 % below it)."""
    return any(r[current].value is not None and r[previous].value is not None and r[current].value > r[previous].value
               or (r[target].value is not None and r[target].value < 0) for r in grid)


def _percent_like(grid: list[tuple[Token, ...]], column: int, named: bool = False) -> tuple[bool, bool, int, Decimal]:
    """Written with %, then named a rate by the header, then with more decimals, then smaller: how much a column
    looks like percentages."""
    cells = [r[column] for r in grid if r[column].value is not None]
    magnitudes = sorted(abs(c.value) for c in cells)
    return (any(c.text.endswith("%") for c in cells), named, max(c.decimals for c in cells),
            -magnitudes[len(magnitudes) // 2])


# a row naming the whole place (全省, 全市合计): the total of the rows of its parts (table_place_total, grid_total_row)
WHOLE_PLACE = lazyre.compile(r"^(?:全国|全省|全市|全县|全区|全州|全盟|全旗|全自治区)(?:合计|总计)?$")


def _bare_label(label: str) -> str:
    return label.replace(" ", "").replace("\u3000", "")


_MEAN_LABEL = lazyre.compile(r"平均(?:数|值|水平)?$|^平均")
# (a 含 / 包括 in a bracket after the row's name says what the row spans, no part of another row: "培训(含研讨会、工作坊)")
_NESTED_LABEL = lazyre.compile(r"其中|(?<![(（])(?:含|包括)|^\s*#\s*[\u4e00-\u9fff]|^\s*[(（]?\s*\d{1,2}\s*[)）.、．]|^\s*[(（][一二三四五六七八九十]")


def row_sums(rows: list[GridRow], formulas: tuple[GridFormula, ...], headed: bool = False,
             inner: frozenset[int] = frozenset()) -> tuple[GridFormula, ...]:
    """A 合计 row, first or last, over every other row, in each column that adds up (not a
    ratio, a change, a rate in % or an average): read when it holds in every such column but
    one at most (the rows below a 合计 that holds in none are not its parts — nested items,
    another block).  A row named 小计 / 其中 or a numbered item among the others may be a level
    of its own: then no row sum is read — unless those rows are `inner`, the parts of a subtotal row read by its
    arithmetic (stacked_sums), which the 合计 counts through that row and not again.  A row of the parts' mean right
    under a last 合计 ("合计 | 119.73 | … ⏎ 各县（区）平均 | 17.95 | …") is no part: the 合计 is the last row."""
    if len(rows) > _MIN_ROWS + 1 and _MEAN_LABEL.search(rows[-1].label.replace(" ", "")) \
            and _TOTAL_LABEL.search(rows[-2].label.replace(" ", "")) and len(rows) - 1 not in inner:
        return row_sums(rows[:-1], formulas, headed, inner)
    # (a table of one or two columns, its 合计 first: one whose rows above a last 合计 may start
    # where an excerpt was cut has nothing else to show it whole)
    # (… unless a column of shares of the last row, written 100, shows that row is the whole)
    # (… or a header line right above its first row, "游戏 9月 1-9月": the table starts there, no excerpt of one — `headed`)
    whole_last = any(f.kind == "share_of_row" and len(rows) - 1 in f.wholes for f in formulas)
    # (… or shares that are, row by row, of the sum of the rows above a last row written 100: that row is their whole
    # whatever its amount says — "总收入 21,602.02 100.0%" under rows of 75.9% … that are of 20,602.02)
    pinned = not whole_last and _shares_of_sum(rows, formulas)
    whole_last = whole_last or pinned
    wide = len(rows[0].tokens) >= _MIN_COLUMNS or whole_last or headed
    places = {0, len(rows) - 1} if wide else {0}
    ends = [n for n in places if _TOTAL_LABEL.search(rows[n].label.replace(" ", ""))]
    # (a row naming the whole place, first or last, over the rows of its parts — "全市 | 99.4 | 177,067 | …" under its
    # 区县 — as table_place_total reads it: the whole where the rows make it in one column at least; a list of some of
    # the places only, the largest, makes it in none)
    place = not ends and len(rows) > _MIN_ROWS \
        and len([n for n in range(len(rows)) if WHOLE_PLACE.match(_bare_label(rows[n].label))]) == 1
    if place:
        ends = [n for n in (0, len(rows) - 1) if WHOLE_PLACE.match(_bare_label(rows[n].label))]
    # (a row named by the whole of a side, "总收入" / "收入总额", is the table's total as a 合计 is — where the arithmetic
    # bears it out more than twice as often as it breaks it: the name alone is no 合计)
    named = not ends
    if named and wide and not place:
        # (last, under its items: "总收入, 总开支, 收支结余" is a statement, its first row no total of the others)
        # (… its English gloss after it aside: "收入總額 Total income")
        ends = [n for n in (len(rows) - 1,)
                if _SIDE_TOTAL_LABEL.match(_TRAILING_GLOSS.sub("", rows[n].label).replace(" ", ""))]
    if len(ends) != 1 or len(rows) < _MIN_ROWS:
        return ()
    total = ends[0]
    if total in inner:
        return ()
    parts = [n for n in range(len(rows)) if n != total and n not in inner]
    if any(_TOTAL_LABEL.search(rows[n].label.replace(" ", "")) or _NESTED_LABEL.search(rows[n].label)
           or (named and _SIDE_TOTAL_LABEL.match(rows[n].label.replace(" ", ""))) for n in parts):
        return ()
    checked, against = _summed_columns(rows, total, parts, formulas)
    if not checked or against > 1 or (named and not pinned and not place and len(checked) <= 2 * against) \
            or place and len(checked) - against < 1:
        return ()
    return (GridFormula(kind="row_sum", target=total, operands=tuple(parts), columns=tuple(checked),
                        support=len(checked) - against, rows=len(checked)),)


def _shares_of_sum(rows: list[GridRow], formulas: tuple[GridFormula, ...]) -> bool:
    """Is the last row, written 100 in a column of shares, the whole of the rows above it by their shares alone: each
    of them, in every row, the row's amount over the sum of the amounts above the last row (see _shares_of_rows)?"""
    last = len(rows) - 1
    if last < _MIN_ROWS:
        return False
    grid = [r.tokens for r in rows]
    taken = {f.target for f in formulas}
    for target in range(len(grid[0])):
        if target in taken or grid[last][target].value != _HUNDRED:
            continue
        for amount in range(len(grid[0])):
            cells = [r[amount] for r in grid[:last]]
            if amount == target or any(t.value is None for t in cells):
                continue
            whole = Token("", 0, sum((t.value for t in cells), _ZERO), 0, _ONE,
                          sum((t.tolerance for t in cells), _ZERO))
            agreed = _agreed((_ratio_in(r[target], r[amount], whole) for r in grid[:last]), len(grid[0]) ** 3)
            if agreed and agreed[0] == agreed[1] == last:
                return True
    return False


def _summed_columns(rows: list[GridRow], total: int, parts: list[int],
                    formulas: tuple[GridFormula, ...]) -> tuple[list[int], int]:
    """The columns in which row `total` may be the sum of the `parts` rows (those that add up: not a ratio, a change,
    a rate in % or an average), and in how many of them it is not."""
    # (a ratio, growth or change column does not add up over rows, nor does one written in %, nor
    # one whose 合计 is smaller than a part: a rate or an average)
    skip = {f.target for f in formulas if f.kind in {"ratio", "growth", "change"}}
    # (a column the header names a balance or a flow of the account adds up: its 合计 is a sum, even one that lies
    # among its rows' values or under one of them — 3.8 + 58.2 written 54 is no mean)
    amounts = {c for f in formulas if f.kind == "roll" for c in (f.target, *f.operands, *f.taken)}
    checked, against = [], 0
    for c in range(len(rows[0].tokens)):
        head = rows[total].tokens[c]
        cells = [t for t in (rows[n].tokens[c] for n in parts) if t.value is not None]
        unknown = any(_unknown(rows[n].tokens[c]) for n in parts)
        same_sign = head.value is not None and all((t.value >= 0) == (head.value >= 0) for t in cells)
        if c in skip or head.value is None or sum(1 for t in cells if t.value) < 2 \
                or any(t.text.endswith("%") for t in (head, *cells)) \
                or (same_sign and c not in amounts
                    and any(abs(head.value) < abs(t.value) - head.tolerance - t.tolerance for t in cells)) \
                or all(t.value == head.value for t in cells):
            # (… nor one whose rows all repeat the 合计's value, a standard: "补贴标准 | 106 | 106 … | 合计 | 106",
            # nor negative changes whose 合计 is nearer zero than one of them: "-10.1 | -8.7 | 合计 -9.5")
            continue
        summed = sum((t.value for t in cells), _ZERO)
        slack = sum((t.tolerance for t in cells), head.tolerance)
        if abs(head.value - summed) > slack and c not in amounts \
                and min(t.value for t in cells) <= head.value <= max(t.value for t in cells):
            continue  # (a 合计 among its rows' values is their mean, a rate: "增长% | 6.2 | 4.8 | -2.3 | 合计 3.5")
        if unknown and abs(head.value - summed) > slack:
            continue  # (a part not available, "..", may be what the 合计 has beyond the parts written)
        checked.append(c)
        against += abs(head.value - summed) > slack
    return checked, against


def indented_sums(lines: list[tuple[str, int]], rows: list[GridRow],
                  formulas: tuple[GridFormula, ...]) -> tuple[GridFormula, ...]:
    """A row whose label stands further left than those of the rows right below it is their total, as a 合计 row is
    of the others ("行政管理支出 ⏎ 153,772,397 ⏎ … ⏎ ␣␣人事費 ⏎ 111,892,611 ⏎ … ⏎ ␣␣業務費 ⏎ …", each year's column):
    read where it holds in every column that adds up but one at most.  Rows further in still are their own parts'
    total, not the row's; a 其中 / 含 row among them names only some (then none is read), and rows on one line
    show no indent."""
    if len({r.line for r in rows}) < len(rows):
        return ()
    # (a row opened by a yearbook's "#", its 其中 mark, stands where its name does: "␣# 增值税 ⏎ ␣␣企业所得税 …" are the
    # items of the row above, of which only some are listed, not its siblings — that row is summed by none of them)
    indent = [_indent(lines[r.line][0]) + _hash_mark_width(r.label) for r in rows]
    if len(set(indent)) < 2:
        return ()
    totals = {f.target for f in formulas if f.kind == "row_sum"}
    out = []
    for n, row in enumerate(rows):
        if n in totals:
            continue
        below = []
        for m in range(n + 1, len(rows)):
            if indent[m] <= indent[n]:
                break
            below.append(m)
        if not below or _PARTIAL_ROW.search(rows[below[0]].label):
            continue
        step = min(indent[m] for m in below)
        if step - indent[n] in part_mark_widths(lines[row.line][0][indent[n]:]):
            # (the rows below stand under the name after the row's 其中 / 內 mark, "␣␣內：薪酬 ⏎ ␣␣␣␣␣␣部門開支 ⏎
            # ␣␣␣␣␣␣其他費用": the mark's other parts, its siblings — not its parts, whatever sums hold by chance)
            continue
        parts = [m for m in below if indent[m] == step]
        if len(parts) < 2 or any(_TOTAL_LABEL.search(rows[m].label.replace(" ", ""))
                                 or _PARTIAL_ROW.search(rows[m].label) for m in parts):
            continue
        formula = _indented_total(rows, n, parts, formulas)
        if formula is not None:
            out.append(formula)
    # (a 合计 row first or last at the outer level, the rows at that level between it and the table's other end
    # its parts — the others set in under them are theirs: "全省合计 246.03 ⏎ 一、福利彩票 95.50 ⏎ 　乐透数字型 … ⏎
    # 二、体育彩票 150.53 ⏎ 　…")
    for n, others in ((0, range(1, len(rows))), (len(rows) - 1, range(len(rows) - 1))):
        if n in totals or any(f.target == n for f in out) or not _GRAND_TOTAL.search(rows[n].label.replace(" ", "")):
            continue
        outer = min(indent[m] for m in others)
        parts = [m for m in others if indent[m] == outer]
        if outer != indent[n] or len(parts) < 2 or len(parts) == len(others) \
                or any(_TOTAL_LABEL.search(rows[m].label.replace(" ", "")) or _PARTIAL_ROW.search(rows[m].label)
                       for m in parts):
            continue
        formula = _indented_total(rows, n, parts, formulas)
        if formula is not None:
            out.append(formula)
    return tuple(out)


def _indented_total(rows: list[GridRow], n: int, parts: list[int],
                    formulas: tuple[GridFormula, ...]) -> GridFormula | None:
    """Row n over the `parts` rows the layout sets under it, read where it holds in every column that adds up but one
    at most, and in more columns than it breaks."""
    checked, against = _summed_columns(rows, n, parts, formulas)
    if checked and against <= 1 and len(checked) > 2 * against:
        shares = _share_columns(rows, n, parts, checked)
        return GridFormula(kind="row_sum", target=n, operands=tuple(parts), columns=(*checked, *shares),
                           reason="indented_rows", support=len(checked) - against, rows=len(checked))
    return None


def _share_columns(rows: list[GridRow], total: int, parts: list[int], amounts: list[int]) -> list[int]:
    """The columns in % beside the amounts the `parts` rows make up: each row's share of one whole, so the row's share
    is the sum of theirs ("5120行政管理支出 206,363,581 16.56% ⏎ ␣␣5121人事費 92,990,827 7.46% ⏎ …", each year's
    column), read only where it holds to the rounding of the shares (the amounts decide the reading; these add no
    accusation). Not a column written 100 in the row (the whole itself), nor one whose parts make 100 (shares of the
    row above, not of the whole), nor one with a part left blank."""
    out = []
    for c in range(len(rows[0].tokens)):
        if c in amounts or not any(abs(c - a) == 1 for a in amounts):
            continue
        head = rows[total].tokens[c]
        cells = [rows[m].tokens[c] for m in parts]
        if head.value is None or head.value == _HUNDRED or any(t.value is None for t in cells) \
                or not all(t.text.endswith("%") for t in (head, *cells)):
            continue
        summed = sum((t.value for t in cells), _ZERO)
        slack = sum((t.tolerance for t in cells), head.tolerance)
        if abs(summed - _HUNDRED) <= slack - head.tolerance or abs(head.value - summed) > slack:
            continue
        out.append(c)
    return out


_MAX_STACKED_PARTS = 12  # (a subtotal row over more rows right below it than this is not looked for)


def stacked_sums(rows: list[GridRow], formulas: tuple[GridFormula, ...], named: frozenset[int] = frozenset(),
                 pair=None, header: tuple[str, ...] | None = None) -> tuple[GridFormula, ...]:
    """A row that is, in two columns of amounts at least, the sum of the rows right below it is their subtotal,
    however its label names it ("學雜費收入 336,989,962 … ⏎ 學費收入 257,752,718 … ⏎ 雜費收入 72,434,117 … ⏎ …", each
    year's amount): the fewest rows that make it so, found the way the columns' formulas are (no coincidence over
    the rows and lengths tried may explain it).  A column that breaks a subtotal is read there only when it adds up
    in all the others but that one, and in two at least: a column of codes, of growth rates or of years adds up in
    none, and the one subtotal a column of amounts or shares breaks is the slip.

    Two rows right below a row that name the two sides of one of the vocabulary's complement pairs (`pair`:
    税收收入 and 非税收入) split it whole: a subtotal that holds in one column, beyond coincidence, is read in every
    column of amounts (one the header names a rate, `named`, only where it holds), and where it breaks one a figure is
    wrong.

    A subtotal that holds in every column but one, and in two at least, is confirmed there: the one column of amounts
    that breaks it is a slip too, where no other subtotal breaks that column and the column is the others' kind — it
    holds another subtotal, or the header names it as it names a column that holds, but for its figures ("110學年度 |
    111學年度 | 112學年度": "學生人數 11,520 ≠ 大學部 9,615 + 研究所 2,405" in the one year).  Not a column in % or
    the header names a rate (`named`)."""
    columns = [c for c in range(len(rows[0].tokens))
               if c not in {f.target for f in formulas if f.kind in {"ratio", "growth", "change"}}]
    if len(columns) < 2 or len(rows) < _MIN_ROWS:
        return ()
    taken = {f.target for f in formulas if f.kind == "row_sum"}
    trials = len(rows) * _MAX_STACKED_PARTS
    groups: list[tuple[int, tuple[int, ...], dict[int, float | bool | None]]] = []  # (row, parts, column → result)
    for n in range(len(rows) - 2):
        if n in taken:
            continue
        # (a 其中 row under a part — "#税收收入" under 一般公共预算收入, "其中:女性" — is inside that part, no sibling of
        # it: the parts of the row above run on past it, "地方财政收入合计 = 一般公共预算收入 + 政府性基金收入")
        # (… not when the row right below is a 其中 row itself: its 其中 rows are then its parts, one after the other)
        partial = n + 1 < len(rows) and bool(_PARTIAL_ROW.search(rows[n + 1].label))
        below = [m for m in range(n + 1, len(rows)) if partial or not _PARTIAL_ROW.search(rows[m].label)]
        for k in range(2, min(_MAX_STACKED_PARTS, len(below)) + 1):
            parts = tuple(below[:k])
            results = {c: _sum_in((rows[n].tokens[c], *(rows[m].tokens[c] for m in parts)), 0, tuple(range(1, k + 1)))
                       for c in columns}
            held = [c for c, r in results.items() if r is not None and r is not False
                    and not rows[n].tokens[c].text.endswith("%")]
            chance = 1.0
            for c in held:
                # (a round figure — a quota "10.00 = 5.00 + 5.00" — falls so by design as often as by chance)
                chance *= _chance(_rounded(rows[n].tokens[c]), rows[n].tokens[c].value)
            # (two rows named as a pair's sides are singled out by their names, not tried among the other runs)
            whole = k == 2 and _complements(pair, rows[n + 1], rows[n + 2])
            if len(held) >= (1 if whole else 2) and chance * (1 if whole else trials) <= _COINCIDENCE:
                groups.append((n, parts, results))
                break
    # (rows that are parts of a subtotal that holds are siblings, no subtotal of one another: "会议费 10.00 = 培训费 5.00 +
    # 差旅费 5.00" under 商品和服务支出 43.00, which sums them all)
    groups = [g for g in groups if not any(o is not g and g[0] in o[1] and set(g[1]) <= set(o[1]) for o in groups)]
    read = []
    for c in columns:
        results = [g[2][c] for g in groups]
        held, against = sum(r is not None and r is not False for r in results), sum(r is False for r in results)
        if held >= 2 and against <= 1 and held > against:
            read.append(c)
    # (a column of shares whose subtotals' parts make 100 in one of them gives shares of each subtotal, not of one whole)
    one_whole = frozenset(c for c in (_whole_share_columns(rows, columns) if groups else ())
                          if not any(_hundred_in([rows[m].tokens[c] for m in parts]) for _, parts, _ in groups))
    out = []
    for n, parts, results in groups:
        # (what holds in the subtotal is read in it, what breaks it only in a column that adds up in the others — or in
        # a column the others make by a sum across the row, "2023年 = 2022年 + 增减额": a sum of columns in which the
        # subtotal holds holds in it too, so where it breaks a figure is wrong)
        whole = len(parts) == 2 and _complements(pair, rows[parts[0]], rows[parts[1]])
        checked = [c for c in columns if results[c] is not None
                   and (results[c] is not False or c in read or (whole and c not in named)
                        or _sum_of_holding(c, results, formulas)
                        or _confirmed_break(c, rows[n], results, [g[2] for g in groups], named, header,
                                            _evenly_spaced([rows[m] for m in (n, *parts)]))
                        or (c in one_whole and results[c - 1] is not None and results[c - 1] is not False))]
        against = sum(results[c] is False for c in checked)
        if len(checked) - against >= (1 if whole else 2):
            # (a column whose parts write ".." or "-", not available or nil, that adds up over the parts written holds
            # the subtotal the other columns read — a yearbook's "社会救济金 .. .." in one year; where it does not add
            # up the part not written may be the gap, and it is not read: _sum_in says nothing of it either way)
            checked += [c for c in columns if results[c] is None and c not in checked
                        and _sum_over_dashes(rows[n].tokens[c], [rows[m].tokens[c] for m in parts])]
            checked.sort()
            out.append(GridFormula(kind="row_sum", target=n, operands=parts, columns=tuple(checked),
                                   reason="stacked_rows", support=len(checked) - against, rows=len(checked)))
    return tuple(out)


def subtotal_shares(rows: list[GridRow], formulas: tuple[GridFormula, ...]) -> tuple[GridFormula, ...]:
    """The columns of shares beside the columns of amounts of a subtotal read from its rows (stacked_rows): where the
    subtotal writes 100 in a column whose parts make that 100 too (the subtotal holds in it), the column gives each
    part's share of the subtotal — of the column of amounts on the same side of every such column, the side on which
    one of them agrees with its amounts in every part ("社會福利支出 491,971 | 100.00 | 523,491 | 100.00 | 559,394 |
    100.00 ⏎ 1.社會保險支出 345,570 | 69.08 | … | 403,292 | 72.09 ⏎ …", each year's 預算數 | %).  The shares are then
    read in every such column, a part's that breaks its amount a slip (reason subtotal_shares), as the parts' shares
    making 100 and the neighbour's agreeing state them — not a guess from the figures of that column alone."""
    rated = {f.target for f in formulas if f.kind in {"ratio", "growth", "change", "share_of_row"}}
    out: list[GridFormula] = []
    for f in formulas:
        if f.kind != "row_sum" or f.reason != "stacked_rows" or len(f.operands) < 2:
            continue
        whole = rows[f.target].tokens
        # (a column the columns' agreement already reads as shares, of this subtotal or another row, may show the side)
        hundreds = [c for c in f.columns if whole[c].value == _HUNDRED
                    and all(rows[m].tokens[c].value is not None for m in f.operands)]
        if not any(c not in rated for c in hundreds):
            continue
        side = None
        for offset in (-1, 1):
            amounts = [c + offset for c in hundreds]
            if not all(0 <= a < len(whole) and a in f.columns and a not in hundreds and whole[a].value is not None
                       and whole[a].value > _HUNDRED for a in amounts):
                continue
            if any(all(_ratio_in(rows[m].tokens[c], rows[m].tokens[c + offset], whole[c + offset]) not in (None, False)
                       for m in f.operands) for c in hundreds):
                side = offset
                break
        if side is None:
            continue
        wholes = tuple(f.target if n in f.operands else None for n in range(len(rows)))
        for c in (c for c in hundreds if c not in rated):
            results = [_ratio_in(rows[m].tokens[c], rows[m].tokens[c + side], whole[c + side]) for m in f.operands]
            held, written = sum(r is not None and r is not False for r in results), sum(r is not None for r in results)
            out.append(GridFormula(kind="share_of_row", target=c, operands=(c + side,), wholes=wholes,
                                   reason="subtotal_shares", support=held, rows=written))
    return tuple(out)


_MIN_SHARE_ROWS = 4  # (rows whose amount and share agree on one whole, at the fewest, for a column of shares of it)


def _whole_share_columns(rows: list[GridRow], columns: list[int]) -> frozenset[int]:
    """The columns in % right after a column of amounts that give each row's share of one whole, the same for every
    row ("學雜費收入 336,989,962 63.44% ⏎ 學費收入 257,752,718 48.52% ⏎ …", each year's 金額 | 佔收入百分比): a whole W
    for which amount ÷ W, within the rounding of both figures, is the share written in half the rows at least, and in
    four rows at least (a page may round its shares loosely, or work out its subtotals' on another total: those are
    the slips).  In such a column a subtotal's share is the sum of its parts' wherever its amount is the sum of
    theirs — the shares of the parts of one whole add up as their amounts do —, so where it breaks there a figure is
    wrong.  Not a column of growth rates (no one whole); the caller leaves out one whose parts make 100 under a
    subtotal (shares of each row's parent)."""
    out = set()
    for c in columns:
        if c == 0 or c - 1 not in columns:
            continue
        spans = []
        for row in rows:
            share, amount = row.tokens[c], row.tokens[c - 1]
            if share.value is None or amount.value is None or amount.text.endswith("%"):
                continue
            if not share.text.endswith("%"):
                spans = []
                break
            if not share.value or not amount.value or (share.value < 0) != (amount.value < 0):
                continue
            s, a = abs(share.value), abs(amount.value)
            low = (a - amount.tolerance) / (s + share.tolerance) * _HUNDRED
            high = (a + amount.tolerance) / (s - share.tolerance) * _HUNDRED if s > share.tolerance else None
            spans.append((low, high))
        if len(spans) < _MIN_SHARE_ROWS:
            continue
        # (the whole that most rows agree on: the point most of their spans cover)
        points = sorted({low for low, _ in spans})
        best = max(sum(low <= w and (high is None or w <= high) for low, high in spans) for w in points)
        if best >= _MIN_SHARE_ROWS and 2 * best >= len(spans):
            out.add(c)
    return frozenset(out)


def _hundred_in(cells: list[Token]) -> bool:
    """Do the cells, all written, add up to 100 within their rounding?"""
    if any(t.value is None for t in cells):
        return False
    return abs(sum((t.value for t in cells), _ZERO) - _HUNDRED) <= sum((t.tolerance for t in cells), _ZERO)


def _sum_over_dashes(total: Token, cells: list[Token]) -> bool:
    """Is `total` the sum of the cells written, some of them left blank or "..", "-" (none, not available), two at
    least not zero — within the rounding of every figure?"""
    if total.value is None or not total.value or all(t.value is not None for t in cells):
        return False
    written = [t for t in cells if t.value]
    return len(written) >= 2 and not any(t.text.endswith("%") for t in (total, *written)) \
        and abs(total.value - sum((t.value for t in written), _ZERO)) \
        <= total.tolerance + sum((t.tolerance for t in written), _ZERO)


_UNIT_NAME = lazyre.compile(r"[(（][^()（）]{0,8}[)）]$")  # ("资产总额(亿元)": the unit is no part of the name)
_BALANCE_ROLES = ("assets", "liabilities", "equity")


def _balance_role(name: str, vocab) -> str | None:
    """The part of a balance sheet a row or column name says it is (资产总额, 负债合计, 基金权益 …: the vocabulary's
    statement cues, a section's name or its total), or None."""
    name = _UNIT_NAME.sub("", name.replace(" ", ""))
    return next((role for role in _BALANCE_ROLES
                 if vocab.cue(f"statement_{role}_total").search(name) or vocab.cue(f"statement_{role}").search(name)),
                None)


def balance_formulas(rows: list[GridRow], header: tuple[str, ...] | None, formulas: tuple[GridFormula, ...],
                     vocab) -> tuple[GridFormula, ...]:
    """资产 = 负债 + 权益, stated by the names: a header naming one column each (资产总额 | 负债总额 | 基金权益, a fund a
    row) makes it each row's; three rows named so one after another (a fund a column) make it each column's.  The names state the arithmetic,
    so it is read where it holds in two rows (columns) at least and breaks in one at most: the one that breaks is a
    slip to report — not a structure guessed from the figures, which one gross break rightly unmakes.  Not where the
    grid's own formulas already read it (reason balance_sheet)."""
    if vocab is None:
        return ()
    out: list[GridFormula] = []
    if header is not None and len(header) == len(rows[0].tokens):
        roles = [_balance_role(name, vocab) for name in header]
        at = {role: [c for c, r in enumerate(roles) if r == role] for role in _BALANCE_ROLES}
        if all(len(at[role]) == 1 for role in _BALANCE_ROLES):
            a, l, e = (at[role][0] for role in _BALANCE_ROLES)
            if not any(f.kind == "sum" and f.target == a and set(f.operands) == {l, e} for f in formulas):
                results = [_sum_in(r.tokens, a, (l, e)) for r in rows]
                held, against = sum(r is not None and r is not False for r in results), results.count(False)
                if held >= 2 and against <= 1:
                    out.append(GridFormula(kind="sum", target=a, operands=(l, e), reason="balance_sheet",
                                           support=held, rows=held + against))
    roles = [_balance_role(r.label, vocab) for r in rows]
    at = {role: [n for n, r in enumerate(roles) if r == role] for role in _BALANCE_ROLES}
    if all(len(at[role]) == 1 for role in _BALANCE_ROLES):
        a, l, e = (at[role][0] for role in _BALANCE_ROLES)
        # (the two right below the whole, as a stacked subtotal stands: a statement's sections, items between them, are
        # statement.py's)
        if a + 1 == l and l + 1 == e and not any(f.kind == "row_sum" and f.target == a for f in formulas):
            # (not in a column of rates or growths — "增减率 4.33 | 8.13 | 3.56" —, by its name, its % or the formula
            # the columns agree on)
            rated = {f.target for f in formulas if f.kind in {"ratio", "growth", "change", "share_of_row"}}
            results = {c: _sum_in((rows[a].tokens[c], rows[l].tokens[c], rows[e].tokens[c]), 0, (1, 2))
                       for c in range(len(rows[0].tokens))
                       if c not in rated and not (header is not None and len(header) == len(rows[0].tokens)
                                                  and (_RATE_COLUMN.search(header[c]) or _GROWTH_COLUMN.search(header[c])))
                       and not any(rows[x].tokens[c].text.endswith("%") for x in (a, l, e))}
            checked = [c for c, r in results.items() if r is not None]
            against = sum(results[c] is False for c in checked)
            if len(checked) - against >= 2 and against <= 1:
                out.append(GridFormula(kind="row_sum", target=a, operands=(l, e), columns=tuple(checked),
                                       reason="balance_sheet", support=len(checked) - against, rows=len(checked)))
    return tuple(out)


_NAMED_GROWTH = lazyre.compile(r"(?:增长|增减|增幅|增速|下降|降幅|变动|變動)[^额]*(?:[%％]|率)")  # (a rate: not 增减额)
_NAMED_PREVIOUS = lazyre.compile(r"上年|上期|去年|同期")
_NAMED_YEAR = lazyre.compile(r"((?:19|20)\d{2})年")


def growth_formulas(rows: list[GridRow], header: tuple[str, ...] | None,
                    formulas: tuple[GridFormula, ...]) -> tuple[GridFormula, ...]:
    """A growth column the header names (增长% | 增减(%)) of a current and a previous column it names too (上年数 |
    上年执行, or an earlier year: 2024年预算 over 2023年执行): the names state the arithmetic, so it is read where it
    holds in two rows at least and breaks in one at most — the one row that breaks is a slip to report, where the
    columns' agreement alone (column_formulas) needs every row.  Only the one pair of columns that holds so; a growth
    the figures alone suggest, under no such names, is not read here (reason growth_header)."""
    if header is None or len(header) != len(rows[0].tokens):
        return ()
    names = [name.replace(" ", "") for name in header]
    # (a ratio into a column the header names a growth is its change over the base: the growth the names state reads
    # it, and takes its place — read_grids)
    taken = {f.target for f in formulas if f.kind in {"ratio", "growth", "change", "share_of_row"}
             and not (f.kind == "ratio" and _NAMED_GROWTH.search(names[f.target]))}
    rated = {c for c, name in enumerate(names) if _RATE_COLUMN.search(name) or _NAMED_GROWTH.search(name)}
    years = [int(m.group(1)) if (m := _NAMED_YEAR.search(name) or _NAMED_FISCAL_YEAR.match(name)) else None
             for name in names]  # (a fiscal year, "2024-25預算", is of the year it opens in)
    out: list[GridFormula] = []
    for g in (c for c, name in enumerate(names) if _NAMED_GROWTH.search(name) and c not in taken):
        found = []
        for previous in (c for c in range(len(names)) if c not in rated):
            for current in (c for c in range(len(names)) if c not in rated and c != previous):
                if _NAMED_PREVIOUS.search(names[current]):
                    continue
                if _NAMED_PREVIOUS.search(names[previous]):
                    if years[current] is not None and years[previous] is not None and years[current] <= years[previous]:
                        continue
                elif years[current] is None or years[previous] is None or years[previous] >= years[current]:
                    continue
                results = [_ratio_in(r.tokens[g], r.tokens[current], r.tokens[previous], _HUNDRED) for r in rows]
                held, against = sum(r is not None and r is not False for r in results), results.count(False)
                if held >= 2 and against <= 1 and held > against:
                    found.append(GridFormula(kind="growth", target=g, operands=(current, previous),
                                             reason="growth_header", support=held, rows=held + against))
        if len(found) == 1:
            out.append(found[0])
    return tuple(out)


def series_formulas(lines: list[tuple[str, int]], rows: list[GridRow], vocab) -> tuple[GridFormula, ...]:
    """A table of a series of years, a row a year ("2018  43.89  7.1  42.13  -8.0", the year its label or its first
    cell, rising or falling a year or more a row), under a header that names a column of growths on the year before
    (cue series_growth_header: 比上年增长(%), 增长%, 年增率) or of indices on it (cue series_index_header: 上年=100):
    each year's figure in that column is the change of one amount column from the row of the year right before —
    the column the figures bear out, the one that holds in two such pairs of rows at least and breaks in one at most
    (three then), no other column so borne out (reason year_series_column).  A row whose year before
    is not in the table (1978, 1980, 1985 …) is read against nothing; no header so naming the column, nothing read;
    nor where the table says its growths are real (cue series_real_terms: 实际增长, 可比价格, 扣除价格因素)."""
    if vocab is None or len(rows) < _MIN_ROWS:
        return ()
    years, offset = _series_years(rows)
    if years is None:
        return ()
    before = {y: n for n, y in enumerate(years)}
    previous = tuple(before.get(y - 1) for y in years)
    if sum(p is not None for p in previous) < 2:
        return ()
    header = _series_header(lines, rows)
    real = vocab.cue("series_real_terms")
    if real.search(header) or any(real.search(text) for text, _ in lines):
        return ()  # (growths in real terms, at comparable prices, of amounts at current prices: no ratio of the column)
    modes = [minus for cue, minus in (("series_growth_header", _HUNDRED), ("series_index_header", _ZERO))
             if vocab.cue(cue).search(header)]
    if not modes:
        return ()
    k = len(rows[0].tokens)
    columns = range(offset, k)
    rated = [g for g in columns if not any(_GROUPED.search(r.tokens[g].text) or r.tokens[g].value is not None
                                           and abs(r.tokens[g].value) >= 1000 for r in rows)]
    # (a rate or an index: no amount written with its thousands grouped, none of four digits; the header names the
    # column, so the figures need only pick its amount column — as growth_formulas reads a named growth, with one
    # more pair that holds for a pair that breaks)
    found: dict[int, list[tuple[int, Decimal, tuple[int, int]]]] = {}
    for g in rated:
        for a in columns:
            if a == g:
                continue
            for minus in modes:
                results = [_ratio_in(rows[n].tokens[g], rows[n].tokens[a], rows[p].tokens[a], minus)
                           for n, p in enumerate(previous) if p is not None]
                held, against = sum(r is not None and r is not False for r in results), results.count(False)
                if held >= 2 + against and against <= 1:
                    found.setdefault(g, []).append((a, minus, (held, held + against)))
    amounts = {a for picks in found.values() for a, _, _ in picks}
    out = []
    for g, picks in found.items():
        if len(picks) != 1 or g in amounts:
            continue  # (two columns it may be the growth of, or a column another's growth is of: nothing read)
        a, minus, (held, written) = picks[0]
        out.append(GridFormula(kind="series_growth" if minus else "series_index", target=g, operands=(a,),
                               wholes=previous, reason="year_series_column", support=held, rows=written))
    return tuple(out)


def _series_years(rows: list[GridRow]) -> tuple[list[int] | None, int]:
    """Each row's year and the first column of figures: the year the row's label ("2018年", "2018") or, no row
    labelled, its first cell; the years all apart and running one way (None when not so)."""
    if all(r.label for r in rows):
        found = [_SERIES_YEAR.fullmatch(r.label.replace(" ", "")) for r in rows]
        offset = 0
    elif not any(r.label for r in rows) and all(len(r.tokens) >= 3 for r in rows):
        found = [_SERIES_YEAR.fullmatch(r.tokens[0].text) for r in rows]
        offset = 1
    else:
        return None, 0
    if not all(found):
        return None, 0
    years = [int(m.group(1)) for m in found]
    steps = [b - a for a, b in zip(years, years[1:])]
    if not (all(s > 0 for s in steps) or all(s < 0 for s in steps)) \
            or not all(_FIRST_YEAR - 50 <= y <= _LAST_YEAR for y in years):
        return None, 0
    return years, offset


_SERIES_YEAR = lazyre.compile(r"((?:19|20)\d{2})年?")
_SERIES_HEADER_LINES = 8


def _series_header(lines: list[tuple[str, int]], rows: list[GridRow]) -> str:
    """The words over a series' rows: the lines right above its first row, up to a sentence or a line of figures."""
    words = []
    above = rows[0].line - 1
    while above >= 0 and len(words) < _SERIES_HEADER_LINES:
        line = lines[above][0].strip()
        above -= 1
        if not line:
            continue
        if _SENTENCE_END.search(line) or (cell_token(line.split()[-1], 0) is not None
                                          and not _YEAR_CELL.fullmatch(line.split()[-1])):
            break
        words.append(line)
    return " ".join(reversed(words))


_SENTENCE_END = lazyre.compile(r"[。；;]")


def _complements(pair, a: GridRow, b: GridRow) -> bool:
    """The two rows are named as the two sides of one complement pair of the vocabulary (税收收入, 非税收入)."""
    if pair is None:
        return False
    sides = [pair.search(r.label.strip()) for r in (a, b)]
    return all(sides) and sides[0].lastgroup != sides[1].lastgroup and sides[0].lastgroup[1:] == sides[1].lastgroup[1:]


def _confirmed_break(c: int, row: GridRow, results: dict[int, float | bool | None],
                     others: list[dict[int, float | bool | None]], named: frozenset[int],
                     header: tuple[str, ...] | None, evenly_spaced: bool = True) -> bool:
    """Column c is the one column that breaks a subtotal holding in two others at least and breaking no other: a
    column of amounts (not in %, not one the header names a rate) that breaks no other subtotal, and that holds
    another or that the header names alike a column that holds here (the same name but for its figures) — or that
    breaks it beside three columns at least that hold it, all written with their thousands grouped, as amounts are,
    its rows evenly spaced (a row of the text between them that the grid left out may be the part the column misses)."""
    if c in named or row.tokens[c].text.endswith("%") or sum(r[c] is False for r in others) > 1:
        return False
    holding = [d for d, r in results.items() if d != c and r is not None]
    if len(holding) < 2 or any(results[d] is False for d in holding):
        return False
    if any(r[c] is not None and r[c] is not False for r in others):
        return True
    if evenly_spaced and len(holding) >= 3 and all(_GROUPED.search(row.tokens[d].text) for d in (c, *holding)):
        # (… or, with three others at least that hold it, a column written as they are, its thousands grouped — an
        # amount, as no code, year or row number is written: "2,033,790 | 1,852,113 | 1,983,475 | 1,809,567" over
        # "1,978,432 | …" and "55,358 | …", its header "2024 | 2023 | 2024 | 2023" over two lines or none)
        return True
    if header is None or len(header) != len(row.tokens):
        return False
    # (a year alone names a year's column, a town's or a county's name a place's: "2019 | 2020 | 2021 | 2022", "甲市 |
    # 乙市 | 丙县" — the same kind as the other years or places whose columns hold it)
    for alike in (_YEAR_ALONE, _PLACE_NAME):
        if alike.fullmatch(header[c].strip()):
            return any(alike.fullmatch(header[d].strip()) for d in holding)
    kind = _ANY_DIGIT.sub("", header[c])
    return bool(kind) and kind != header[c] and any(_ANY_DIGIT.sub("", header[d]) == kind for d in holding)


_YEAR_ALONE = lazyre.compile(r"(?:19|20)\d{2}\s*年?度?")
# (a place's name, "越秀区", "丙县", "甲市": two to five Han characters, the last one a division's)
_PLACE_NAME = lazyre.compile(r"[\u4e00-\u9fff]{1,4}(?:省|市|县|縣|区|區|州|盟|旗|镇|鎮|乡|鄉)")


_GROUPED = lazyre.compile(r"\d,\d{3}(?!\d)")


def _evenly_spaced(rows: list[GridRow]) -> bool:
    """The rows stand as many lines apart each: no line between two of them that the grid left out ("學雜費收入
    35,902,000 ⏎ 學雜費減免 ⏎ -20,437,000.00 0.00 … ⏎ 建教合作收入 14,722,000": a row with fewer cells, not in the
    grid, is still a part of the 教學收入 above them)."""
    steps = {b.line - a.line for a, b in zip(rows, rows[1:])}
    return len(steps) <= 1


def _sum_of_holding(c: int, results: dict[int, float | bool | None], formulas: tuple[GridFormula, ...]) -> bool:
    """Column c stands in a sum of columns the rows agree on (a target or an operand), and a subtotal holds in every
    other column of that sum."""
    return any(f.kind == "sum" and not f.partial and c in (f.target, *f.operands)
               and all(results.get(o) is not None and results.get(o) is not False
                       for o in (f.target, *f.operands) if o != c)
               for f in formulas)


def _rounded(token: Token) -> Token:
    """The token with the unit of its last digit that is not zero ("10.00": tens), as a chance is judged."""
    if not token.value:
        return token
    unit = token.unit
    while token.value % (unit * 10) == 0:
        unit *= 10
    return Token(token.text, token.start, token.value, token.decimals, unit, unit / 2)


_GRAND_TOTAL = lazyre.compile(r"(?:合|总|總)计|总额|總額")  # (the table's whole, not a section's 小计)
_PARTIAL_ROW = lazyre.compile(r"其中|^\s*含|包括|^\s*[內内]\s*[:：]|^\s*#\s*[\u4e00-\u9fff]")
_HASH_MARK = lazyre.compile(r"#\s*(?=[\u4e00-\u9fff])")  # (a statistics yearbook's 其中: "# 增值税", "#人民币存款")


def _hash_mark_width(label: str) -> int:
    """How far a label's opening "#" (a yearbook's 其中) sets its name in; 0 for a label with none."""
    m = _HASH_MARK.match(label)
    return m.end() if m else 0
_PART_MARK = lazyre.compile(r"(?:其中|[內内含]|包括)\s*[:：]\s*")


def part_mark_widths(label: str) -> set[int]:
    """How far the name after a label's 其中 / 內 mark stands from the label's start ("內：薪酬"), or nothing for a
    label with no mark: by characters, and by display width (wide characters two columns; the colon either way, as
    normalising made the full-width one "：" plain). Rows set in that far under it are the mark's other parts, its
    siblings, not its own parts."""
    m = _PART_MARK.match(label)
    if not m:
        return set()
    head = m.group()
    wide = display_width(head)
    return {len(head), wide, wide + head.count(":")}


def _indent(line: str) -> int:
    """How far the row's label stands in: from the line's start, or in a row with bars from the bar that opens it
    ("| 　乐透数字型 | 61.37 |": the first cell's own spaces)."""
    stripped = line.lstrip(" \t")
    if stripped[:1] in ("|", "│", "┃"):
        line = stripped[1:]
    return len(line) - len(line.lstrip(" \t\u3000"))


def _distinct_columns(grid: list[tuple[Token, ...]], k: int) -> list[int]:
    """The columns worth a formula: not all empty or zero, not a copy of a column before it."""
    out: list[int] = []
    for c in range(k):
        values = [r[c].value for r in grid]
        if not any(values):
            continue
        if any(all(r[c].value == r[d].value for r in grid) for d in out):
            continue
        out.append(c)
    return out


# ------------------------------------------------------------------ facts
def read_grids(norm: Normalised, taken: set[int], first_id: int,
               vocab=None) -> list[tuple[ScoreTable, list[Fact], tuple[int, int]]]:
    """The grids of a text that are not on `taken` lines (read as other tables), each with
    the formulas its columns agree on (or a 合计 row over the others); a grid with none is left
    unread.  `vocab`: its complement pairs name two rows that split the row above them (stacked_sums)."""
    lines = norm.lines()
    out = []
    used: set[int] = set()
    by_line = _rows_by_line(lines, taken, vocab.cue("share_cell_word") if vocab is not None else None)
    csv = _csv_line_rows(lines, taken)
    csv_rows, csv_headers = [rows for rows, _ in csv], {rows[0].line: header for rows, header in csv}
    interleaved = _interleaved_rows(lines, taken, by_line, vocab.cue("table_note_line") if vocab is not None else None)
    # (the rows of each width in a stretch of interleaved rows are a grid each, the one standing among the other's
    # rows — "教学收入" that lost its % over a 0.00 budget among the full rows of 业务收入: such a grid is read beside
    # the other where none of its rows is one of the other's, and no grid of another layout took its lines)
    interleaved = [chunk for block in interleaved for chunk in _chunks(block)]
    widths = {id(chunk) for chunk in interleaved}
    row_lines: set[int] = set()
    others: set[int] = set()  # (the lines grids of the other layouts span)
    for rows in [chunk for block in [*_row_lines(lines, taken, by_line), *_cell_lines(lines, taken),
                                                *_pair_lines(lines, taken), *_chart_rows(lines, taken)]
                 for chunk in _chunks(block)] + interleaved \
            + [chunk for block in [*_one_line_rows(lines, taken), *csv_rows] for chunk in _chunks(block)]:
        span_lines = range(rows[0].line, rows[-1].line + 1)
        among = id(rows) in widths
        if among:
            if any(r.line in row_lines for r in rows) or any(n in others for n in span_lines):
                continue
        elif any(n in used for n in span_lines):
            continue
        header = csv_headers[rows[0].line] if rows[0].line in csv_headers else _header(lines, rows)
        if len(rows) > _MIN_ROWS and _years_row(rows[0]):
            # (a first row of years alone, rising, is the header over the columns, no row: "项 目 Item 2021 2022 2023")
            header, rows = header or tuple(t.text for t in rows[0].tokens), rows[1:]
        named = frozenset(n for n, name in enumerate(header or ()) if _RATE_COLUMN.search(name))
        if rows[0].padded and not _padded_row_fits(rows, named):
            rows = rows[1:]
        results = frozenset(n for n in named if role_of(header[n]) != "weight")
        # (two columns hold no sum, ratio or change of columns: only a column of shares of a row, "金额 | 占比")
        formulas = column_formulas(rows, named=named, results=results, part_named=_part_named(header, vocab)) \
            if 2 <= len(rows[0].tokens) <= _MAX_COLUMNS \
            and len(rows) >= _MIN_ROWS else ()
        roll = headed_roll(lines, rows)
        if roll is not None:
            # (the header states the account: a sum its columns seem to agree on besides, "年初 = 偿还 + 年末" where
            # little was added, is a coincidence of the figures, no reading of the table)
            rolled = {roll.target, *roll.operands, *roll.taken}
            formulas = tuple(f for f in formulas if not (f.kind == "sum" and {f.target, *f.operands} <= rolled))
            formulas += (roll,)
        formulas += row_sums(rows, formulas, _header_line_above(lines, rows))
        formulas += indented_sums(lines, rows, formulas)
        formulas += balance_formulas(rows, header, formulas, vocab)
        grown = growth_formulas(rows, header, formulas)
        formulas = tuple(f for f in formulas if not (f.kind == "ratio" and any(g.target == f.target for g in grown)))
        formulas += grown
        # (… and a column of growth rates, "同比增长", does not add: a subtotal read by its rows' names checks neither)
        rates = named | frozenset(n for n, name in enumerate(header or ()) if _GROWTH_COLUMN.search(name))
        formulas += stacked_sums(rows, formulas, rates, vocab.cue("complement_pair") if vocab is not None else None,
                                 header)
        # ("| 公务用车购置及运行费 | 26.58 | ⏎ | 其中：公务用车购置费 | 13.29 | ⏎ | 公务用车运行费 | 13.29 | ⏎ … | 合计 | 54.52 |":
        # the 其中 rows that stopped the 合计 being read are the parts of a subtotal the arithmetic found; the 合计 is
        # the sum of the rest)
        inner = frozenset(m for f in formulas if f.kind == "row_sum" and f.reason == "stacked_rows" for m in f.operands)
        if inner and not any(f.kind == "row_sum" and f.reason != "stacked_rows" for f in formulas):
            formulas += row_sums(rows, formulas, _header_line_above(lines, rows), inner)
        formulas += subtotal_shares(rows, formulas)
        formulas += series_formulas(lines, rows, vocab)
        across = None
        if not formulas:
            across = _across(rows, header)
            formulas = column_formulas(across, frozenset(n for n, r in enumerate(rows) if _RATE_NAME.search(r.label))) \
                if across is not None else ()
            formulas = tuple(f for f in formulas if f.kind in _ACROSS_KINDS)
        if not formulas:
            continue
        used.update(span_lines)
        row_lines.update(r.line for r in rows)
        if not among:
            others.update(span_lines)
        first = first_id + sum(len(f) for _, f, _ in out)
        if across is not None:
            # (the indicators are the columns: each cell keeps its row's name, each year is a row)
            table, facts = grid_table(across, formulas, norm, first, tuple(r.label for r in rows), labels=True)
        else:
            table, facts = grid_table(rows, formulas, norm, first, header)
        out.append((table, facts, (rows[0].line, rows[-1].line)))
    return out


# what the rows of an indicator table say of each other, year by year: a rate row the ratio of two amount rows, a row
# the sum of others (a growth or change between rows is no formula of such a table: its growth rows are over the years)
_ACROSS_KINDS = frozenset({"ratio", "sum"})
_GROWTH_COLUMN = lazyre.compile(r"(?:增长|增幅|增速|下降|降幅)(?!额|金额|数)[^额]*$")  # (not 增长额: an amount)
_RATE_NAME = lazyre.compile(r"率|[(（][%％][)）]|百分比|比重|占比")  # (an indicator whose figures are percentages)
_RATE_COLUMN = lazyre.compile(r"率|[%％][)）]?$|百分比|比重|占比")  # (… and a column's: "福彩占比%", "增长(%)")


def _across(rows: list[GridRow], header: tuple[str, ...] | None) -> list[GridRow] | None:
    """An indicator table turned: its rows named (缴存额, 提取额, 提取率 …) and its columns the years (2021年 | 2022年 |
    2023年), each year a row of the indicators' figures — so that a rate row which is the ratio of two amount rows in
    every year is read as a grid's column is (提取率 = 提取额 / 缴存额).  None for a table not so shaped: rows without
    names, columns not each named by a year, or more rows or fewer columns than a grid may have."""
    k = len(rows[0].tokens)
    if not (_MIN_ROWS <= k and _MIN_COLUMNS <= len(rows) <= _MAX_COLUMNS) or not all(r.label for r in rows) \
            or len({r.line for r in rows}) < len(rows) or header is None or len(header) != k \
            or not all(YEAR_NAME.match(h.replace(" ", "")) for h in header):
        return None
    return [GridRow(header[c], rows[0].tokens[c].start, rows[0].line, tuple(r.tokens[c] for r in rows))
            for c in range(k)]


_YEAR_FIGURES_NAME = lazyre.compile(r"^(?:19|20)\d{2}年度?[\u4e00-\u9fff]{1,6}(?:[(（][\u4e00-\u9fff%％]{1,4}[)）])?$")
# (a column named by words and the years it compares or spans, each year written with 年: "2023年为2019年的(%)",
# "2020—2023年年均增长(%)", "2023年比2019年增长(%)" — a name, no figure)
_YEARS_WORDS_NAME = lazyre.compile(r"^(?:(?:19|20)\d{2}(?:\s*[-—–~至]\s*(?:19|20)\d{2})?年度?|[\u4e00-\u9fff“”]|[(（][\u4e00-\u9fff%％]{1,4}[)）]|[%％])+$")
_HAN_WORD = lazyre.compile(r"[\u4e00-\u9fff]{2}")
# (a column of a month or of months from the year's start: 10月, 1—10月累计, 2024年1-11月执行)
_MONTHS_NAME = lazyre.compile(r"^(?:(?:19|20)\d{2}年)?(?:1[0-2]|0?[1-9])(?:\s*[-—–~至]\s*(?:1[0-2]|0?[1-9]))?月份?"
                              r"[\u4e00-\u9fff()（）%％]*$")


def _header_line_above(lines: list[tuple[str, int]], rows: list[GridRow]) -> bool:
    """The line right above the grid's first row (past a rule "|---|") names its columns: no sentence, a word for
    the label column and each figure column at least, none of them a bare number ("游戏 9月 1-9月" over "快乐8 31.42
    285.16") — over rows each on a line of its own, one after the other."""
    if rows[-1].line - rows[0].line != len(rows) - 1 or len({r.line for r in rows}) != len(rows):
        return False
    above = rows[0].line - 1
    while 0 <= above < len(lines) and _RULE_LINE.fullmatch(lines[above][0]):
        above -= 1
    if 0 <= above < len(lines) and _UNITS_LINE.fullmatch(lines[above][0]):
        above -= 1  # (past a line of the columns' units under their names: "HK$'000  HK$'000")
    if not 0 <= above < len(lines):
        return False
    line = lines[above][0]
    words = _WORD.findall(line)
    return not _SENTENCE.search(line) and len(words) > len(rows[0].tokens) \
        and not any(_BARE_NUMBER.fullmatch(w) and not _YEAR_CELL.fullmatch(w) for w in words)  # (years name columns)


# a line of the columns' units alone, each the same ("HK$'000  HK$'000", "(万元) (万元)", "千元 千元")
_UNITS_LINE = lazyre.compile(r"\s*(?P<u>HK\$\s*'000|\$\s*'000|RMB\s*'000|[(（]?(?:千|万|亿)?元[)）]?)(?:\s+(?P=u))+\s*")
_BARE_NUMBER = lazyre.compile(r"[-−+(（]?[\d,.]+[%％)）]?")
_RULE_LINE = lazyre.compile(r"\s*[|│┃+]?(?:\s*:?[-─━=]{3,}:?\s*[|│┃+])*\s*:?[-─━=]{3,}:?\s*[|│┃+]?\s*")


def _header(lines: list[tuple[str, int]], rows: list[GridRow]) -> tuple[str, ...] | None:
    """The names of the figure columns, from the line above the grid (above the table's rows
    just before it too: a grid may be a piece of one) when it holds no digit and as many words as
    the rows have cells or more (the last ones name the figures, the first the label:
    "| 一级指标 | 二级指标 | 分值 | 自评分 | 复核分 |" over "| 决策 | 项目立项 | 8 | 8 | 8 |"); None
    when no such line."""
    cells = header_cells(lines, rows)
    if cells is not None:
        return cells[-len(rows[0].tokens):]
    years = _year_lines_above(lines, rows)
    if years is not None:
        return years
    over_labels = _header_over_labels(lines, rows)
    if over_labels is not None:
        return over_labels
    above = rows[0].line - 1
    while 0 <= above < len(lines) and rows[0].line - above <= _MAX_ROWS and (
            _SPACED_FIGURES.search(lines[above][0]) or _RULE_LINE.fullmatch(lines[above][0])):
        above -= 1  # (past the table's rows just before it, and the rule under a header: "|---|---|")
    if not 0 <= above < len(lines):
        return None
    line = lines[above][0]
    words = _WORD.findall(line)
    # (a line of figures is no header, one of years is: "指标 | 2021年 | 2022年 | 2023年")
    # (… nor is one of months: "项目 | 1—9月累计 | 上年同期 | 增减额 | 同比增长(%)")
    # (… nor one of a year's figures: "项目 2024年预算 2023年执行 比上年执行增长%")
    if any(_ANY_DIGIT.search(w) and not YEAR_NAME.match(w) and not _MONTHS_NAME.match(w)
           and not _YEAR_FIGURES_NAME.match(w) and not _years_words_name(w) for w in words) \
            or _SENTENCE.search(line):
        return None
    k = len(rows[0].tokens)
    return tuple(words[-k:]) if len(words) >= k else None


def _years_row(row: GridRow) -> bool:
    """The row's cells are years alone, rising, two at least (1949 – 2035)."""
    years = [int(t.text) if t.value is not None and _YEAR_CELL.fullmatch(t.text) else 0 for t in row.tokens]
    return len(years) >= 2 and all(_FIRST_YEAR <= y <= _LAST_YEAR for y in years) \
        and all(b > a for a, b in zip(years, years[1:]))


def _year_lines_above(lines: list[tuple[str, int]], rows: list[GridRow]) -> tuple[str, ...] | None:
    """The header of a table written one cell a line: the lines right above its first row's label, as many as the
    row has cells, each a year alone with its bar or none, rising ("2019 | ⏎ 2020 | ⏎ 2021 | ⏎ 2022 | ⏎ 最低生活保障人数
    (人) |"); None when the lines above are not so."""
    k = len(rows[0].tokens)
    first = rows[0].line
    if any(lines[n][1] <= rows[0].start < lines[n][1] + len(lines[n][0]) + 1 for n in range(max(first - k, 0), first)):
        return None
    # (… and after the years the words of the last column's name, on lines of their own: "2022年比2021年 ⏎ 增长(%) |")
    cells: list[str] = []
    n = first - 1
    while n >= 0 and len(cells) < k + 3:
        word = lines[n][0].strip().rstrip(_BARS).strip()
        if not word or len(word) > _MAX_LABEL or _SENTENCE.search(word) or (cells and not _YEAR_ALONE.fullmatch(word)
                                                                          and _YEAR_ALONE.fullmatch(cells[0])):
            break
        cells.insert(0, word)
        n -= 1
    years = [w for w in cells if _YEAR_ALONE.fullmatch(w)]
    if len(years) < 2 or cells[:len(years)] != years or any(int(b[:4]) <= int(a[:4]) for a, b in zip(years, years[1:])):
        return None
    rest = cells[len(years):]
    names = years + (["".join(rest)] if rest else [])
    return tuple(names) if len(names) == k else None


def _years_words_name(word: str) -> bool:
    """A column's name of words and the years it compares or spans ("2023年为2019年的(%)", "2020—2023年年均增长(%)"):
    every figure in it a year written with 年, and two Chinese characters at least besides (not "2023年" alone, a year's
    column YEAR_NAME reads, nor a date "2023年12月")."""
    return bool(_YEARS_WORDS_NAME.match(word)) and bool(_HAN_WORD.search(_YEARS_IN_NAME.sub("", word)))


_YEARS_IN_NAME = lazyre.compile(r"(?:19|20)\d{2}(?:\s*[-—–~至]\s*(?:19|20)\d{2})?年度?")


def _header_over_labels(lines: list[tuple[str, int]], rows: list[GridRow]) -> tuple[str, ...] | None:
    """The header of rows whose labels stand on lines of their own above the figures (_interleaved_rows): the line
    above the first row's label lines (one, or two of two languages: "教育" over "Education").  A bilingual header
    names each column in Chinese with an English gloss after it ("2023-24 修訂預算 Revised Estimate 2024-25 預算
    Estimate 增減 Change 增減% % change"): its words with Chinese in them are the names when they are as many as the
    columns, each with the fiscal year written before it ("2023-24修訂預算").  None for rows of a label on their
    own line, or when no such line stands there."""
    first = rows[0]
    at = next((n for n in range(first.line - 1, max(first.line - 3, -1), -1)
               if lines[n][1] <= first.start < lines[n][1] + len(lines[n][0]) + 1), None)
    if at is None or not first.label:
        return None
    above = at - 1
    if above >= 0 and (stripped := lines[above][0].strip()) and not _ANY_DIGIT.search(stripped) \
            and len(stripped) <= _MAX_LABEL and bool(_HAN.search(stripped)) != bool(_HAN.search(lines[at][0])):
        above -= 1  # (the label's other language)
    if above < 0:
        return None
    line = lines[above][0]
    if _SENTENCE.search(line):
        return None
    k = len(first.tokens)
    words = _WORD.findall(line)
    names: list[str] = []
    year = ""
    for w in words:
        if _FISCAL_YEAR.fullmatch(w):
            year = w
        elif _HAN.search(w):
            names.append(year + w)
            year = ""
    if len(names) != k:
        names = words if len(words) == k else []
    if not names or any(_ANY_DIGIT.search(w) and not _NAMED_YEAR.search(w) and not _NAMED_FISCAL_YEAR.match(w)
                        for w in names):
        return None
    return tuple(names)


# a fiscal year written before a column's name ("2023-24 修訂預算", "2024/25"), or alone
_FISCAL_YEAR = lazyre.compile(r"(?:19|20)\d{2}(?:\s*[-/–]\s*\d{2})?年?度?")
_NAMED_FISCAL_YEAR = lazyre.compile(r"((?:19|20)\d{2})\s*[-/–]\s*\d{2}(?!\d)")


def _chunks(rows: list[GridRow]) -> list[list[GridRow]]:
    """A long grid in pieces of at most _MAX_ROWS rows (the last one taking the rest when it would
    be too short to show a formula): the formulas are sought in each, in time linear in the rows."""
    if len(rows) <= _MAX_ROWS:
        return [rows]
    pieces = [rows[n:n + _MAX_ROWS] for n in range(0, len(rows), _MAX_ROWS)]
    if len(pieces[-1]) < _MIN_ROWS:
        pieces[-2:] = [pieces[-2] + pieces[-1]]
    return pieces


def grid_table(rows: list[GridRow], formulas: tuple[GridFormula, ...], norm: Normalised,
               first_id: int, header: tuple[str, ...] | None = None,
               labels: bool = False) -> tuple[ScoreTable, list[Fact]]:
    """The grid as a table of facts: the columns a ratio, growth or share gives are percentages,
    a growth's operands this year's and last year's; every other cell a bare number.  The columns
    are named by the header line above the grid when there is one (else 第N列).  `labels`: the
    header names each cell's quantity (an indicator table turned, its columns the indicators): its
    cells bear their column's name, not their row's."""
    percent = {f.target for f in formulas if f.kind in {"ratio", "growth", "share_of_row", "series_growth",
                                                         "series_index"}}
    period = {c: p for f in formulas if f.kind == "growth" for c, p in zip(f.operands, ("current", "previous"))}
    facts: list[Fact] = []
    table_rows = []
    for row in rows:
        cells = {}
        name = label_name(row.label.split(" "))  # (a row named in two languages is named by its Chinese name)
        for c, token in enumerate(row.tokens):
            if token.value is None:
                continue
            fact = _fact(token, c in percent, period.get(c), header[c] if labels and header else name, norm,
                         first_id + len(facts))
            facts.append(fact)
            cells[f"c{c}"] = fact
        line, column = norm.line_col(row.start)
        table_rows.append(TableRow.model_construct(
            label=name, cells=cells, span=Span.model_construct(start=row.start, end=row.tokens[-1].end,
                                                               line=line, column=column),
            is_total=bool(_TOTAL_LABEL.search(row.label)), labels=(name,), texts={},
            dashed=tuple(f"c{c}" for c, t in enumerate(row.tokens) if t.value is None), part_of=None,
            via=(), grade_span=None, level=None))
    if labels:  # (a table turned: its facts numbered in the order they are written, as every other table's)
        ordered = sorted(facts, key=lambda f: f.span.start)
        renumbered = {f.id: f.model_copy(update={"id": first_id + n}) for n, f in enumerate(ordered)}
        facts = [renumbered[f.id] for f in ordered]
        table_rows = [r.model_copy(update={"cells": {k: renumbered[f.id] for k, f in r.cells.items()}})
                      for r in table_rows]
    line, column = norm.line_col(rows[0].start)
    table = ScoreTable.model_construct(
        columns=header or tuple(f"第{c + 1}列" for c in range(len(rows[0].tokens))), rows=tuple(table_rows),
        span=Span.model_construct(start=rows[0].start, end=rows[-1].tokens[-1].end, line=line, column=column),
        kind="grid", layout="grid_across" if labels else "grid", base=None, score_rule="", complete=True, full_when_met="",
        column_sums=False, formulas=formulas)
    return table, facts


def _fact(token: Token, percent: bool, period: str | None, label: str, norm: Normalised, fact_id: int) -> Fact:
    text = token.text.replace("−", "-").removeprefix("+")
    if negative := _ACCOUNTING_NEGATIVE.fullmatch(text):
        text = "-" + negative.group(1)
    fig = read_figure("PERCENT", text if text.endswith("%") else text + "%") if percent \
        else read_figure("NUMBER", text.rstrip("%"))
    line, column = norm.line_col(token.start)
    return Fact.from_fields({  # (every field in order: a record a cell, made without matching keywords)
        "id": fact_id, "kind": fig.kind, "value": fig.value, "unit": fig.unit, "written_unit": fig.written_unit,
        "scale": fig.scale, "decimals": fig.decimals, "approximate": False, "about": False,
        "text": norm.original[token.start:token.end],
        "span": Span.from_fields({"start": token.start, "end": token.end, "line": line, "column": column}),
        "label": label, "concept": None, "period": period, "scenario": None, "fund": None, "window": 0,
        "sentence": 0, "in_table": True, "exact": False})
