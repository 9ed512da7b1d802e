"""Table-shaped text → runs of cells, with the row boundaries the layout states.

Reports reach us with their tables flattened in many ways; each line is read
for what its layout says:

- one cell per line, with blank lines between cells (a line of spaces is an
  empty cell) or with " |" after each cell ("|" alone is an empty cell, a
  line of bars "||||" ends a row);
- one row per line with "|" between cells (Word, HTML and spreadsheet loaders
  write rows this way; markdown adds an opening bar and a "|---|" rule);
- box-drawn grids ("│ a │ b │" with "─┼─" rules between rows; a row whose
  cells wrap over several lines between two rules is one row);
- one row per line with its cells separated by runs of spaces, or run
  together ("年度资金总额:40004000100%": a label and its figures);
- a whole 自评表 flattened onto one long line (its words and figures glued).

The result is a stream of cells per run of table-shaped lines; a `BREAK`
cell marks where the layout itself ends a row, an `EOL` cell the end of a line
that held several cells (a row, in layouts that keep one row per line), a `PAGE`
cell page furniture ("— 3 —", "第2页") between rows: a row cut by a page break
reads on after it, and a header repeated there does not start a new table.
"""

from __future__ import annotations

import re

from auditor import lazyre
from auditor.extract.numbering import OUTLINE_MARKER
from auditor.extract.scan import PAGE_FURNITURE
from auditor.records import dataclass

CELL, BREAK, EOL, PAGE = "cell", "break", "eol", "page"
BARRED = "|"  # the source of the EOL mark of a bar row that writes its empty cells ("| 5 | | 90% | |")
PADDED = "|…"  # … of a bar row whose empty cells at its end were dropped ("| 行政运行 | 357.88 | 357.88 | | |")
# … of a row set out of a two-sided block, its one figure placed in the column its group's sum names (grouped_sides)
PLACED = "|="

_BOX_BARS = "│┃║╎╏┆┇┊┋"
_BOX_VERTICAL = lazyre.compile(f"[{_BOX_BARS}]")
_BOX_CHARS = "─━═┄┅┈┉╌╍┼╋╬╪╫┌┐└┘├┤┬┴┏┓┗┛┣┫┳┻╔╗╚╝╠╣╦╩╒╓╕╖╘╙╛╜╞╟╡╢╤╥╧╨"
_RULE = lazyre.compile(rf"^[\s{_BOX_CHARS}│┃║|+:=\-—]*$")
# what a rule's first character may be, white space aside (_RULE's): the cheap test before the pattern
_RULE_FIRST = frozenset(f"{_BOX_CHARS}│┃║|+:=-—")
_HAS_RULE_CHAR = lazyre.compile(rf"[{_BOX_CHARS}]|-{{3}}|\|\s*:?-+")
_BARS_ONLY = lazyre.compile(r"^\|(?:\s*\|)+$")
_TABLE_CHAR = lazyre.compile(rf"[|│┃║╎╏┆┇┊┋{_BOX_CHARS}]")
PAGE_MARK = lazyre.compile(r"^(?:[-—–−~]{1,3}\s*\d{1,3}\s*[-—–−~]{1,3}|第\s*\d{1,3}\s*页(?:\s*[,/]?\s*共\s*\d{1,3}\s*页)?|"
                       r"共\s*\d{1,3}\s*页\s*第\s*\d{1,3}\s*页)$")
# the characters page furniture opens with (PAGE_MARK's first): the cheap test before the pattern
PAGE_MARK_FIRST = frozenset("-—–−~第共")
_MAX_CELL = 60
_ONE_LINE_TABLE = 300  # a line this long with a box header's rules may hold a whole table
# a title on its own line: "附件一", "2023年贯塘乡人民政府决算编制说明", "2023年度部门整体支出绩效评价基础数据表"
_TITLE = lazyre.compile(r"^(?:附件\s*[一二三四五六七八九十\d]{0,3}|[^|│\d]{0,30}(?:19|20)\d{2}\s*年[^|│]{2,40}"
                        r"(?:报告|说明|公开|[^,，;；。、]{2}表))[:：]?$")
# a line holding a label and its figures separated by spaces, or run together
# (a unit may stand a space apart from its number, as PDF text often leaves it: "100 %", "2476260.58 元")
_TOKEN = r"(?:-?\d[\d,.]*(?:[ \t]?(?:万元|万|亿元|元|%)(?![\u4e00-\u9fff]))?|[-—/]{1,2})"
_FIGURE_TOKEN = lazyre.compile(_TOKEN)
# (a row label may open with its item number: "1.因公出国(境)费   13.06   10.20")
# a 科目 code and the space after it, before a row's name (not an amount's unit: "100 万元", "20 人次")
_CODE_BEFORE_NAME = r"\d{3}(?:\d{2}){0,2}\s+(?=[\u4e00-\u9fff]{2})(?![万亿千]?元|[万亿个户次]|人次)"
# an indicator's target a word of its own, a comparator and its figure ("≥95%"): a 年度指标值, text, none of the row's
# figures
_TARGET = r"(?<=\s)[≥≤≧≦]\d[\d,.]*%?"
# (or with a 单位 column's cell, "%" a word of its own: "质量指标 验收合格率 % 100 100 10 10 10")
_UNIT_CELL = r"(?<=\s)%"
TARGET_AT_END = lazyre.compile(_TARGET + "$")
# a row's number under a 序号 column, a space before the row's name ("1 产出 数量 新增城市绿地面积 ≥25公顷 26.3公顷 15 15"):
# a cell of its own, under the header's 序号 (not a figure of the row)
_ROW_NUMBER = r"\d{1,2}[ \t](?=[\u4e00-\u9fff]{2})"
# (the label may end with that target: "时效指标 资助资金发放及时率 ≥95% 98% 15 15")
_SPACED_ROW = lazyre.compile(rf"^(?P<code>{_CODE_BEFORE_NAME})?(?P<number>{_ROW_NUMBER})?(?P<label>(?:\d{{1,2}}[.、．](?!\d))?\D.*?"
                             rf"(?:[^\d\s.,%\-—/]|{_TARGET}|{_UNIT_CELL}))[:\s]\s*(?P<figs>{_TOKEN}(?:\s+{_TOKEN})+)$")
# (the label may open with its item's number: "3.公务接待费8.206.65")
# (the figures may be followed by the dashes of the row's empty cells at its end, "当年财政拨款300300296.4———": a
# source row under the funds total leaves 分值, 执行率 and 得分 to the total)
_GLUED_ROW = lazyre.compile(r"^(?P<label>(?:\d{1,2}[.、．]\s*)?[^\d.、．\s].*?[\u4e00-\u9fff):])\s*"
                            r"(?P<figs>\d[\d,.%万元]*)(?P<dashes>[—－]*)$")
_DASH_RUN = lazyre.compile(r"[—－]+")
# a 自评表's funds row under 年度资金总额 glued whole, its empty cells dashes between its runs of figures
# ("其中:当年财政拨款120.00130.00127.30—97.92%—", "上年结转资金—20.0020.00—100.00%—", "项目支出36.2050.1052.24—104.27%—"):
# told by its label (a funds row's name) and its rate (the row's 执行率), so that a span of years ("2021—2025") is none
_FUNDS_DASHED_ROW = lazyre.compile(
    r"^(?P<label>(?:其中[:：]\s*)?(?:(?:本年|当年)?财政拨款(?:资金)?|上年结转(?:资金)?|其他资金|基本支出|项目支出)[:：]?)\s*"
    r"(?P<figs>[—－]*\d[\d,.%]*(?:[—－]+\d[\d,.%]*)*[—－]*)$")
_GLUED_END = lazyre.compile(r"[\d,.%万元—－]")  # (the last character of a line _GLUED_ROW can match)
_WHITE = lazyre.compile(r"\s")
_ROW_CODE = lazyre.compile(_CODE_BEFORE_NAME)  # a classification code opening a row line
_SPACES = lazyre.compile(r"\S+")
_GAPS = lazyre.compile(r"(?<=\S)[ \t]{2,}(?=\S)")
_PROSE_MARK = lazyre.compile(r"[。,，;；]")
_DIGIT = lazyre.compile(r"\d")
_GLUED_UNIT = lazyre.compile(r"[%万元.]")


# a count in brackets after an amount, "12.00（4）", "3.20(1)", "12.00（4次）", "25(3辆)": the number of trips, vehicles,
# meetings the 三公 and 会议/培训 tables give beside each amount — the row's count, not part of its amount (an amount with
# decimals, or a count that names what it counts; "50(30)" is left alone, and so is a bracket a space apart)
_COUNT_WORDS = "人次|次|辆|个|人|批|台|项|期|场|团|组"
COUNT_AFTER = lazyre.compile(rf"^((?:\d{{1,3}}(?:,\d{{3}})+|\d+)\.\d+)[(（]\d{{1,4}}\s*(?:{_COUNT_WORDS})?[)）]$|"
                             rf"^((?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?)[(（]\d{{1,4}}\s*(?:{_COUNT_WORDS})[)）]$")


# the same count after an amount in a line of cells, to blank out (offsets kept) before the line is cut into cells
_COUNT_IN_LINE = lazyre.compile(r"(?<![\d,.])(?:(?:\d{1,3}(?:,\d{3})+|\d+)\.\d+(?P<count>[(（]\d{1,4}[ \t]?"
                                rf"(?:{_COUNT_WORDS})?[)）])|(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?"
                                rf"(?P<named>[(（]\d{{1,4}}[ \t]?(?:{_COUNT_WORDS})[)）]))(?=[\s|│┃]|$)")


# (what every count after an amount holds: a digit, the opening bracket right after it, a digit — the cheap test before
# the pattern, for the many lines with a bracket and no such count)
_COUNT_OPENS = lazyre.compile(r"\d[(（]\d")


def without_counts(line: str) -> str:
    """The line with the counts after its amounts blanked out, "会议费  12.00(4次)" → "会议费  12.00    " (offsets kept)."""
    if ")" not in line and "）" not in line or not _COUNT_OPENS.search(line):
        return line
    return _COUNT_IN_LINE.sub(lambda m: m.group().replace(m.group("count") or m.group("named"),
                                                           " " * len(m.group("count") or m.group("named"))), line)


def amount_before_count(text: str) -> str:
    """The amount of a cell that writes a count after it ("12.00（4次）": "12.00"); any other cell as it is."""
    count = COUNT_AFTER.match(text) if text and text[-1] in ")）" else None
    return (count.group(1) or count.group(2)) if count else text


@dataclass(slots=True)
class Cell:
    """One cell of a table as the text lays it out, with where it stands.

    Never changed once made, but not a frozen dataclass: a frozen one sets each slot
    through its descriptor, a plain one with a store the interpreter specialises (every
    line of a text is read for cells).  Compared and hashed by its fields, as the frozen
    one was."""

    text: str
    start: int
    end: int
    line: int  # 0-based line index
    kind: str = CELL
    source: str | None = None  # the cell as written, when its text reads past pinyin glosses
    level: int | None = None  # a coded grid's row label: which code column (款 0, 項 1, 目 2, 節 3) numbers it

    def __hash__(self) -> int:
        return hash((self.text, self.start, self.end, self.line, self.kind, self.source, self.level))

    def offset(self, i: int) -> int:
        """Where the text's i-th character stands in the document."""
        if self.source is None:
            return self.start + i
        _, where = without_pinyin(self.source)
        return self.start + (where[i] if i < len(where) else len(self.source))

    @property
    def is_mark(self) -> bool:
        return self.kind != CELL


# the label of a row numbering the columns under a header ("栏次 | 1 | 2 | 3"): no figures
COLUMN_NUMBERS = lazyre.compile(r"(?:栏次|栏号|列次|列号|行次)$")


def cell_runs(text: str) -> list[list[Cell]]:
    """Runs of table-shaped lines, each as a stream of cells (with BREAK/EOL marks).

    A prose line ends a run; so do more than six blank lines.  In a box-drawn grid the
    lines between two rules are one row: a cell that wraps is joined again.
    """
    runs: list[list[Cell]] = []
    current: list[Cell] = []
    boxed: list[tuple[str, int, int]] = []  # box lines since the last rule: (line, start, index)
    split_codes = False  # a barred table whose code stands in three columns, 类 | 款 | 项
    coded: list[int] = []  # a coded grid's width and code columns, once its stacked header is read
    blank_run = 0
    pos = 0
    lines = text.split("\n")
    # (most texts draw no box: asked once of the text, not twice of every line — a bar at a time, str's own
    # search, not the pattern's scan of the text)
    boxes = any(bar in text for bar in _BOX_BARS)
    for index, line in enumerate(lines):
        start, pos = pos, pos + len(line) + 1
        if len(line) > _ONE_LINE_TABLE and "┴" in line and "┬" in line:
            from auditor.extract.tables.boxline import one_line_box  # (it builds on this module's cells)

            flattened = one_line_box(line, start, index)
            if flattened is not None:  # a whole box table flattened onto the line: a run of its own
                if boxed:
                    current.extend(box_row(boxed, coded))
                    boxed = []
                _close(runs, current)
                _close(runs, flattened)
                current = []
                coded = []
                continue
        if len(line.lstrip()) > _MAX_CELL + 20 and not _TABLE_CHAR.search(line) and not _spaced_row(line):
            # a prose line ends the run (a long row whose cells runs of spaces set apart is no prose, nor is a
            # short one a layout-keeping export indents far: "                指标值      完成值")
            if boxed:
                current.extend(box_row(boxed, coded))
                boxed = []
            _close(runs, current)
            current = []
            coded = []
            blank_run = 0
            continue
        if boxes and _BOX_VERTICAL.search(line) and not _RULE.match(line.strip()):
            boxed.append((line, start, index))
            continue
        if boxed:
            current.extend(box_row(boxed, coded))
            boxed = []
        if not line:
            blank_run += 1
            if blank_run > 6 and current:
                _close(runs, current)
                current = []
            continue
        blank_run = 0
        if ("年" in line or "附件" in line) and (_TITLE.match(line.strip()) or _year_over_bar_table(line, lines, index)):
            # a document's or table's title ends the table before it (a title names its year, or is an 附件: the cheap
            # test before the pattern)
            if boxed:
                current.extend(box_row(boxed, coded))
                boxed = []
            _close(runs, current)
            current = []
            coded = []
            continue
        stripped = line.strip()
        split = _SPLIT_RULE.match(stripped) if "├" in stripped and "┬" in stripped else None
        if split is not None and "┬" in split.group("rule"):  # a two-level header's split line
            lead = len(line) - len(line.lstrip())
            current.append(Cell(stripped, start + lead, start + lead + len(stripped), index))
            continue
        if "续" in stripped and _CONTINUED_LINE.match(stripped):
            # ("续表", "…分配表(续)": the table above goes on below, its header said again — a page's turn, no title
            # of a new table)
            current.append(Cell("", start, start, index, PAGE))
            continue
        if stripped.isdigit() and len(stripped) <= 3 and _page_number_line(lines, index):
            # ("|…|4|4|| ⏎ ⏎ 2 ⏎ ⏎ ||效益指标|…": a bare page number between two rows of a barred table)
            current.append(Cell("", start, start, index, PAGE))
            continue
        cells = cells_of_line(line, start, index, boxes)
        if cells is None:  # prose ends the run
            _close(runs, current)
            current = []
            coded = []
            split_codes = False
            continue
        if "|" in line:
            cells, split_codes = _split_code_columns(cells, split_codes)
        current.extend(cells)
    if boxed:
        current.extend(box_row(boxed, coded))
    _close(runs, current)
    return runs


# a year alone on its line ("2022年度"), the title of the barred table right under it
_YEAR_ALONE = lazyre.compile(r"^(?:19|20)\d{2}\s*年度?[:：]?$")


def _year_over_bar_table(line: str, lines: list[str], index: int) -> bool:
    """"2022年度 ⏎ | 指标 | 分值 | 得分 | ⏎ …": a year alone on its line right over a row with bars is that table's
    title (two tables of two years one under the other), no cell of the table before it nor of its header.  (A year
    a line of its own among cells set one a line, "项目 ⏎ 2022年 ⏎ 2023年", has no barred row under it.)"""
    if "|" in line or not _YEAR_ALONE.match(line.strip()) or index + 1 >= len(lines):
        return False
    below = lines[index + 1].strip()
    return below.startswith("|") and below.count("|") >= 3


_SPLIT_CODE_HEADER = ("类", "款", "项")
_CODE_PART = lazyre.compile(r"\d{2,3}")


def _split_code_columns(cells: list[Cell], split: bool) -> tuple[list[Cell], bool]:
    """"| 类 | 款 | 项 | 科目名称 | …" ⏎ "| 207 | 01 | 04 | 图书馆 | …": the 科目编码 written in three columns is one
    code (2070104) under one 科目编码 column, as the coded tables' reading expects; and whether the table goes on
    so."""
    texts = [c.text for c in cells[:3]]
    if tuple(texts) == _SPLIT_CODE_HEADER:
        return [Cell("科目编码", cells[0].start, cells[2].end, cells[0].line), *cells[3:]], True
    if not split or len(cells) < 4 or any(c.is_mark for c in cells[:3]):
        return cells, split
    if all(not t or _CODE_PART.fullmatch(t) for t in texts):
        return [Cell("".join(texts), cells[0].start, cells[2].end, cells[0].line), *cells[3:]], split
    if not texts[1] and not texts[2] and not cells[3].text:
        # ("| 合计 |  |  |  | 1,046.37 |": a 合计 or 栏次 row written under the code columns, its name cell empty)
        first = cells[0]
        return [Cell("", first.start, first.start, first.line), Cell(first.text, first.start, first.end, first.line),
                *cells[4:]], split
    return cells, split


def box_row(lines: list[tuple[str, int, int]], coded: list[int] | None = None) -> list[Cell]:
    """Box-drawn lines between two rules: one row, or one row per line when the lines
    do not have the same columns (a grid drawn without rules between its rows).
    `coded` holds a coded grid's width and code columns once its stacked header was read here."""
    split = [_box_cells(line, start, index) for line, start, index in lines]
    stacked = _stacked_header(split)
    if stacked is not None:
        cells, codes = stacked
        if coded is not None:  # (a header of another table ends the coded grid before it)
            coded[:] = [len(cells), codes] if codes else []
        return [*cells, Cell("", cells[-1].end, cells[-1].end, cells[-1].line, EOL)]
    if coded:
        return [c for row in split for c in _coded_row(row, *coded)]
    if len(split) == 1 or len({len(cells) for cells in split}) != 1 or not _wraps(split):
        out: list[Cell] = []
        for line, start, index in lines:
            out.extend(cells_of_line(line, start, index) or [])
        return out
    merged = []
    for column in zip(*split):
        parts = [c for c in column if c.text]
        if not parts:
            merged.append(Cell("", column[0].start, column[0].start, column[0].line))
            continue
        text = "".join(c.text for c in parts)
        merged.append(Cell(text, parts[0].start, parts[-1].end, parts[0].line,
                           source=None if len(parts) == 1 else text))
    while merged and not merged[-1].text:
        merged.pop()
    while merged and not merged[0].text:
        merged.pop(0)
    if len(merged) > 1:
        merged.append(Cell("", merged[-1].end, merged[-1].end, merged[-1].line, EOL))
    return merged


# the middle line of a stacked header: the label columns' split, then the figure columns' names
# ("─┬─┬─┬─┬───────┤ 本年度預算數 │ 上年度預算數 │本年度與上年度│ 說明")
_STACK_SPLIT = lazyre.compile(rf"^[{_BOX_CHARS}]*┤\s*")
# a coded grid's code columns: 款 › 項 › 目 › 節 (the row's place in the budget's hierarchy)
_CODE_NAMES = ("款", "项", "目", "节")


def _stacked_header(split: list[list[Cell]]) -> tuple[list[Cell], int] | None:
    """"科 目 │ │ │" over "─┬─┬─┤ 本年度預算數 │ 上年度預算數 │ 本年度與上年度" over
    "款│項│名 稱│ │ │比 較": one header whose names stand on several lines.  With code columns
    (款 項 目 節) opening the last line, every line above names the figure columns from the left,
    after the name column (the middle line after its "┤", a line above after its label cell), and
    a column's name is its names top to bottom ("本年度與上年度" + "比較"); without them the middle
    line's names stand over the last line's cells counted from the right.  Also how many code
    columns open it."""
    if len(split) < 2:
        return None
    mid = next((n for n, cells in enumerate(split) if n and cells and _STACK_SPLIT.match(cells[0].text)), None)
    if mid is None or mid != len(split) - 2:
        return None
    last = split[-1]
    codes = 0
    while codes < len(last) and last[codes].text in _CODE_NAMES:
        codes += 1
    mid_names = [Cell(_STACK_SPLIT.sub("", split[mid][0].text), split[mid][0].start, split[mid][0].end,
                      split[mid][0].line), *split[mid][1:]]
    if codes:
        first = codes + 1
        figure_columns = last[first:]
        uppers = [cells[1:] for cells in split[:mid]] + [mid_names]
        if len(figure_columns) < 2 or any(len(u) > len(figure_columns) for u in uppers):
            return None
        composed = []
        for k, below in enumerate(figure_columns):
            text = "".join(u[k].text for u in uppers if k < len(u)) + below.text
            composed.append(Cell(text, below.start, below.end, below.line))
        while composed and not composed[-1].text:
            composed.pop()
        # the code columns' names stay notes; the name column is the label
        return [Cell("", last[0].start, last[0].start, last[0].line), last[codes], *composed], codes
    # (a closing border on both lines adds an empty cell to each; the last line's alone is the
    # column under the middle line's last name)
    bordered = not split[mid][-1].text
    if bordered and not last[-1].text:
        last = last[:-1]
    names = mid_names[:len(mid_names) - bordered]
    if len(names) < 2 or len(names) >= len(last):
        return None
    out = list(last[:len(last) - len(names)])
    for above, below in zip(names, last[len(last) - len(names):]):
        out.append(Cell(f"{above.text}{below.text}", below.start, below.end, below.line))
    return out, 0


_DIGITS = lazyre.compile(r"^\d+$")


def _coded_row(cells: list[Cell], width: int, codes: int) -> list[Cell]:
    """A body line of a coded grid (its stacked header folded `codes` code columns into the label):
    "│ 1│  │考試院 │ 464,610 │…": the label 考試院, at the level of the code column that numbers it.
    A line naming only a budget code ("0006010000") or continuing a 說明 cell gives no row."""
    row = cells[:width + codes]
    if len(row) < codes + 1:
        return []
    code_cells, name = row[:codes], row[codes]
    figures = row[codes + 1:]
    level = next((n for n, c in enumerate(code_cells) if _DIGITS.match(c.text)), None)
    if not name.text or _DIGITS.match(name.text) and not any(c.text for c in figures[:-1]):
        return []  # a budget code line, or a 說明 continued
    label = Cell(name.text, name.start, name.end, name.line, level=level)
    out = [label, *figures]
    while out and not out[-1].text:
        out.pop()
    return [*out, Cell("", out[-1].end, out[-1].end, out[-1].line, EOL)]


def _wraps(split: list[list[Cell]]) -> bool:
    """Later lines only continue cells of the first (no figures of their own where the
    first line has none, and no second figure under a figure — a figure does not wrap):
    the lines are one row.  ("│ 3,160,840 │ 2,503,949 │" over "│ 2,053,747 │ 1,400,279 │"
    are two rows of a grid drawn without rules between them.)"""
    first = split[0]
    for cells in split[1:]:
        label = next((c.text for c in cells if c.text), "")
        if cells[0].text and OUTLINE_MARKER.match(cells[0].text) and label == cells[0].text:
            return False  # "一、經常門 │ │" over " (一)歲入 │ 1,295,182,922 │": a numbered line opens a row
        for a, b in zip(first, cells):
            if b.text and not a.text:
                return False
            if _BOX_FIGURE.match(a.text) and _BOX_FIGURE.match(b.text):
                return False
    return True


_BOX_FIGURE = lazyre.compile(r"^\s*-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s*$")


def _box_cells(line: str, start: int, index: int) -> list[Cell]:
    line = _BOX_VERTICAL.sub("|", line)
    out = []
    offset = 0
    for part in line.split("|"):
        stripped = part.strip()
        lead = len(part) - len(part.lstrip())
        out.append(Cell(stripped, start + offset + lead, start + offset + lead + len(stripped), index))
        offset += len(part) + 1
    return out


def _close(runs: list[list[Cell]], current: list[Cell]) -> None:
    if sum(1 for c in current if c.kind == CELL) >= 4:  # (not is_mark: a run's every cell, a call each)
        runs.append(_two_level_headers(current))


# the line between a two-level header's group names and their columns: the label column's name,
# then a rule that splits each group ("項  目 ├───┬───┼───┬───"): ┼ between groups, ┬ inside one
_SPLIT_RULE = lazyre.compile(r"^(?P<label>[^─━┼┬├┤│]*?)\s*├(?P<rule>[─━┬┼]+)┤?$")


def _two_level_headers(cells: list[Cell]) -> list[Cell]:
    """"│ 本年度預算數 │ 上年度預算數 │" over "項 目 ├───┬───┼───┬───" over "│ 金 額 │百分比│ 金 額 │百分比│":
    each column is named by its group and its own name ("本年度預算數金額", "本年度預算數百分比"),
    the label column by the split line's words.  Groups and columns are matched by count (the rule
    says how many columns each group has), not by position: spaces in such lines are not kept."""
    for n, cell in enumerate(cells):
        m = _SPLIT_RULE.match(cell.text) if cell.kind == CELL and "├" in cell.text else None
        if m is None or "┬" not in m.group("rule"):
            continue
        counts = [part.count("┬") + 1 for part in m.group("rule").split("┼")]
        above = [k for k in range(n) if cells[k].line == cell.line - 1 and cells[k].kind == CELL and cells[k].text]
        below = [k for k in range(n + 1, len(cells)) if cells[k].line == cell.line + 1 and cells[k].kind == CELL
                 and cells[k].text]
        if len(above) != len(counts) or len(below) != sum(counts) or not above or not below:
            continue
        names = []
        for group, count in zip(above, counts):
            names.extend([cells[group].text] * count)
        label = m.group("label").strip()
        head = [Cell(label, cell.start, cell.start + len(m.group("label").rstrip()), cell.line)] if label else []
        composed = [Cell(f"{name}{cells[k].text}", cells[k].start, cells[k].end, cells[k].line)
                    for name, k in zip(names, below)]
        end = below[-1] + 1
        tail = [cells[end]] if end < len(cells) and cells[end].kind == EOL else []
        return cells[:above[0]] + head + composed + (tail or [Cell("", composed[-1].end, composed[-1].end,
                                                                    composed[-1].line, EOL)]) \
            + _two_level_headers(cells[end + len(tail):])
    return cells


def _page_number_line(lines: list[str], index: int) -> bool:
    """A bare number's line is a page number of a table: the nearest lines above and below (blank lines aside,
    three at most) are rows of a barred table, or the line after it is blank and the nearest above a row of the
    table (bars or runs of spaces)."""
    def near(step: int) -> str:
        k = index + step
        while 0 <= k < len(lines) and abs(k - index) <= 3 and not lines[k].strip():
            k += step
        return lines[k].strip() if 0 <= k < len(lines) else ""
    above, below = near(-1), near(+1)
    if above.startswith("|") and above.endswith("|") and below.startswith("|") and below.endswith("|"):
        return True
    # ("  221   住房保障支出   287.15   287.15 ⏎ ⏎ 27 ⏎ ⏎ 财政拨款支出决算表(续)": a page's number, a blank line on
    # each side, after a row of the table)
    # (or right under the table's last row: "2210201|住房公积金|245.82|245.82| ⏎ 6 ⏎ ⏎ …")
    alone = index + 1 >= len(lines) or not lines[index + 1].strip()
    # (or any row of figures above, when the table goes on under a 续表 below it: "2101103 公务员医疗补助 17.04 17.04 ⏎
    # ⏎ 9 ⏎ ⏎ 续表")
    return alone and (above.count("|") >= 2 or len(_GAPS.findall(above)) >= 2 and bool(_DIGIT.search(above))
                      or bool(_DIGIT.search(above)) and bool(_CONTINUED_LINE.match(below)))


_CONTINUED_LINE = lazyre.compile(r"^(?:.{0,30}[(（]续(?:表|上表|前表)?[)）]|续(?:上|前)?表\s*\d*)$")


def cells_of_line(line: str, start: int, index: int, boxes: bool = True) -> list[Cell] | None:
    """The cells one line holds, or None for a line of prose (`boxes` False: the text draws no box)."""
    stripped = line.strip()
    if not stripped:  # a line of spaces between blank lines: an empty cell
        return [Cell("", start, start, index)]
    # (the first character before each pattern: most lines open with none that a rule or a page mark opens with)
    if stripped[0] in _RULE_FIRST and _RULE.match(stripped) and _HAS_RULE_CHAR.search(stripped):
        return [Cell("", start, start, index, BREAK)]
    if stripped[0] == "|" and _BARS_ONLY.match(stripped):
        return [Cell("", start, start, index, BREAK)]
    line = without_counts(line)  # ("12.00(4次)": the amount a cell, the count after it none)
    stripped = line.strip()
    if boxes and _BOX_VERTICAL.search(line):
        line = _BOX_VERTICAL.sub("|", line)  # one character for one: offsets hold
    if "|" in line:
        return _bar_cells(line, start, index)
    if stripped[0] in PAGE_MARK_FIRST and PAGE_MARK.match(stripped) or ("—" in stripped or "-" in stripped or "页" in stripped) \
            and PAGE_FURNITURE.match(line):  # (or a running header ending with the page number)
        return [Cell("", start, start, index, PAGE)]
    if "。" not in stripped and ("  " in stripped or "\t" in stripped) and len(_GAPS.findall(stripped)) >= 2 \
            and (_DIGIT.search(stripped) or not _PROSE_MARK.search(stripped)):
        # a row whose cells stand apart by runs of spaces (a layout-keeping PDF export: the
        # bars turned into spaces): read as a bar row, a gap for each bar (offsets kept)
        barred = _GAPS.sub(lambda m: "|" + m.group()[1:], line)
        cells = _bar_cells(barred, start, index)
        if cells is not None and all(len(c.text) <= 30 for c in cells):
            return _label_apart(cells, index)
    lead = len(line) - len(line.lstrip())
    if len(stripped) > _MAX_CELL or (stripped.count("。") and len(stripped) > 20):
        return None
    if _DIGIT.search(stripped) or stripped.count(" ") >= 2:  # a row on one line, or a spaced header
        split = _split_row_line(stripped, start + lead, index)
        if split is not None:
            return split
    return [_plain_cell(stripped, start + lead, index)]


# a row's label and its first figure one space apart, in a row whose other cells runs of spaces set apart
# ("其中:当年财政拨款 860.00        742.50"), or right after its closing bracket ("其他资金(失业保险基金)1,520.00",
# "上年结转资金(2022年)360,000.00", "2022年结转资金 45.00"): a
# figure with decimals, a unit or "%", so that a label's own
# number ("指标 1") stays in it
_LABEL_FIGURE = lazyre.compile(r"^(?P<label>(?=.*?[\u4e00-\u9fff])(?:[^()]|\([^()]*\))*?(?:[\u4e00-\u9fff:：]|\([^()]*\)))(?:[ \t]|(?<=[):：]))(?P<figure>-?\d[\d,]*\.\d+|-?\d[\d,]*(?:\.\d+)?(?:%|万元|亿元|元))$")


# a group of figures inside a row's label, between its name and the next group's name, one space each side: two groups
# set side by side on one line ("按收入性质分: 1712.40 1650.88 按支出性质分: 1712.40 1650.88", a 自评表's two breakdowns
# a row) — at least one with decimals, so that a name's own number ("指标 1 …") stays in it
_INNER_FIGURES = lazyre.compile(rf"(?<=[\u4e00-\u9fff:：)）])[ \t]+(?P<figs>{_TOKEN}(?:[ \t]+{_TOKEN})*)[ \t]+(?=[^\d\s.,%\-—/])")


def _side_groups(label: str, at: int, index: int) -> list[Cell]:
    """A row's label as cells: the label, or — where groups of a name and its figures stand side by side on the line —
    each group's name and its figures, a cell each."""
    cells, kept = [], 0
    for m in _INNER_FIGURES.finditer(label):
        if not _DECIMAL.search(m.group("figs")):
            continue
        name = label[kept:m.start()].rstrip(": ")
        if not name:
            return [Cell(label, at, at + len(label), index)]
        cells.append(Cell(name, at + kept, at + kept + len(name), index))
        for word in _FIGURE_TOKEN.finditer(m.group("figs")):
            cells.append(Cell(word.group(), at + m.start("figs") + word.start(), at + m.start("figs") + word.end(), index))
        kept = m.end()
    if not cells:
        return [Cell(label, at, at + len(label), index)]
    name = label[kept:].rstrip(": ")
    return [*cells, Cell(name, at + kept, at + kept + len(name), index)]


_DECIMAL = lazyre.compile(r"\d\.\d")


def _label_apart(cells: list[Cell], index: int) -> list[Cell]:
    """The first cell split into the label and the figure it runs into past one space or a closing bracket."""
    first = cells[0] if cells else None
    m = _LABEL_FIGURE.match(first.text) if first is not None and first.kind == CELL and first.source is None else None
    if m is None:
        return cells
    label = Cell(m.group("label"), first.start, first.start + m.end("label"), index)
    figure = Cell(m.group("figure"), first.start + m.start("figure"), first.start + m.end("figure"), index)
    return [label, figure, *cells[1:]]


def _spaced_row(line: str) -> bool:
    """"2080505    机关事业单位基本养老保险缴费支出    1,637.04    1,647.78 …": cells a layout-keeping
    export sets apart by runs of spaces, none of them a sentence."""
    if "  " not in line or "。" in line:
        return False
    gaps = len(_GAPS.findall(line.strip()))
    if gaps == 2:
        # ("总分                    100     96.12": a total row's label and its two figures, set far apart under their
        # columns — a short label, then figures alone)
        words = line.split()
        return len(words) == 3 and len(words[0]) <= 12 and not _DIGIT.search(words[0]) \
            and all(_FIGURE_TOKEN.fullmatch(w) and _DIGIT.search(w) for w in words[1:])
    if gaps < 3:
        return False
    if _DIGIT.search(line):
        return True
    from auditor.extract.tables.columns import role_of  # columns imports nothing from here

    # (a header: "项目资金      年初      全年      全年      分值      执行率      得分")
    return sum(1 for w in line.split() if role_of(w)) >= 2


def _plain_cell(text: str, start: int, index: int) -> Cell:
    view, _ = without_pinyin(text) if "(" in text and _PINYIN.search(text) else (text, None)
    return Cell(view, start, start + len(text), index, CELL, text if view != text else None)  # (by position: a call a cell)


def _bar_cells(line: str, start: int, index: int) -> list[Cell] | None:
    if line.strip() == "|":
        return [Cell("", start, start, index)]
    out: list[Cell] = []
    offset = 0
    for part in line.split("|"):
        stripped = part.strip()
        lead = len(part) - len(part.lstrip())
        out.append(_plain_cell(stripped, start + offset + lead, index))
        offset += len(part) + 1
    # "a |" is one cell and its bar
    cells = out[:-1] if not out[-1].text else out
    padded = False  # the line writes empty cells at its end
    if len(cells) > 1:  # a row on one line: drop padding empties at the end
        while len(cells) > 1 and not cells[-1].text:
            cells.pop()
            padded = True
        if not cells[0].text and len(cells) > 2 and line.lstrip().startswith("|"):
            cells = cells[1:]  # "| 年度资金总额 | 7.29 |": the bar that opens a markdown-style row
    if any(len(c.text) > _MAX_CELL * 3 for c in cells):
        return None
    cells = [c for c in cells if c.text[:1] not in PAGE_MARK_FIRST or not PAGE_MARK.match(c.text)]
    if len(cells) > 1:
        # ("| 177.80 | ||||": cells written left-aligned and padded, their columns not kept —
        # only a row that writes an empty cell between two others keeps its cells' places)
        full = [n for n, c in enumerate(cells) if c.text]
        kept = padded and any(not cells[n].text for n in range(full[0], full[-1])) if full else False
        cells.append(Cell("", cells[-1].end, cells[-1].end, index, EOL,
                          source=BARRED if kept else PADDED if padded else None))
    return cells


def _split_row_line(stripped: str, start: int, index: int) -> list[Cell] | None:
    """"年度资金总额: 2300.67 2300.67 100%" or "年度资金总额:40004000100%": a label and
    its figures on one line, as separate cells (the glued run stays one cell for the
    table reader to take apart)."""
    # (the cheap tests before the patterns, for the many short lines of prose with a figure: spaced
    # figures and spaced column names need white space in the line, a glued row ends with its figures)
    spaced = _WHITE.search(stripped) is not None
    m = _SPACED_ROW.match(stripped) if spaced else None
    if m is not None and _DIGIT.search(m.group("figs")):
        label = m.group("label").rstrip(": ")
        cells = []
        if m.group("code"):  # "2010101 行政运行 980.40": the row's code under 科目编码, a cell of its own
            code = m.group("code").rstrip()
            cells.append(Cell(code, start, start + len(code), index))
        if m.group("number"):  # "1 产出 数量 …": the row's number under 序号
            number = m.group("number").rstrip()
            at = start + m.start("number")
            cells.append(Cell(number, at, at + len(number), index))
        at = start + m.start("label")
        cells.extend(_side_groups(label, at, index))
        base = start + m.start("figs")
        for word in _FIGURE_TOKEN.finditer(m.group("figs")):
            cells.append(Cell(word.group(), base + word.start(), base + word.end(), index))
        cells.append(Cell("", start + len(stripped), start + len(stripped), index, EOL))
        return cells
    code = _ROW_CODE.match(stripped)
    if code is not None and _GLUED_END.match(stripped, len(stripped) - 1):
        # "2010101 行政运行 980.40": the row's code under 科目编码, then the label and its figure
        rest = _split_row_line(stripped[code.end():], start + code.end(), index)
        if rest is not None and len(rest) == 3 and rest[0].kind == CELL and rest[0].text:
            return [Cell(code.group().rstrip(), start, start + len(code.group().rstrip()), index), *rest]
    m = _GLUED_ROW.match(stripped) if _GLUED_END.match(stripped, len(stripped) - 1) else None
    if m is None and "%" in stripped and _DASH_RUN.search(stripped):
        m = _FUNDS_DASHED_ROW.match(stripped)
        if m is not None:
            return _dashed_runs(stripped, m, start, index)
    if m is not None and (len(m.group("label").rstrip(":")) <= 24 or (
            m.group("label").endswith(":") and len(m.group("label")) <= 48)) and (
            m.group("label").endswith(":") or _GLUED_UNIT.search(m.group("figs")) or m.group("dashes")):
        label = m.group("label").rstrip(":")
        cells = [Cell(label, start, start + len(label), index)]
        at = start + m.start("figs")
        for n, run in enumerate(_DASH_RUN.split(m.group("figs"))):
            if n:  # (the dashes before this run of figures: one empty cell)
                dash = _DASH_RUN.match(stripped, at - start)
                cells.append(Cell("—", at, at + len(dash.group()), index))
                at += len(dash.group())
            cells.append(Cell(run, at, at + len(run), index))
            at += len(run)
        return [*cells, Cell("", start + len(stripped), start + len(stripped), index, EOL)]
    # a header line whose column names are separated by spaces
    # (or a second header line of two that both name a column: "增、减金额   增、减幅度")
    if not spaced:
        return None  # (one word)
    words = [w for w in _SPACES.finditer(stripped)]
    if len(words) >= 2 and all(len(w.group()) <= 20 for w in words):
        from auditor.extract.tables.columns import role_of  # columns imports nothing from here

        named = sum(1 for w in words if role_of(w.group()))
        if named >= 2 and (len(words) >= 3 or named == len(words)) or _one_column_header(words):
            cells = [Cell(w.group(), start + w.start(), start + w.end(), index) for w in words]
            cells.append(Cell("", start + len(stripped), start + len(stripped), index, EOL))
            return cells
    return None


def _dashed_runs(stripped: str, m: re.Match, start: int, index: int) -> list[Cell]:
    """A funds row glued whole (_FUNDS_DASHED_ROW) as cells: its label, each run of figures, a "—" cell for each
    run of dashes (an empty cell)."""
    label = m.group("label").rstrip(":：")
    cells = [Cell(label, start, start + len(label), index)]
    at = m.start("figs")
    for piece in re.finditer(r"[—－]+|[^—－]+", m.group("figs")):
        a = start + at + piece.start()
        text = piece.group()
        cells.append(Cell("—" if text[0] in "—－" else text, a, a + len(text), index))
    return [*cells, Cell("", start + len(stripped), start + len(stripped), index, EOL)]


def _one_column_header(words: list[re.Match]) -> bool:
    """"科目编码 科目名称 决算数", "项目 金额": label columns, then one figure column, single spaces apart."""
    from auditor.extract.tables.columns import CODE_HEADER, is_label_header, role_of

    return 2 <= len(words) <= 4 and bool(CODE_HEADER.match(words[0].group()) or is_label_header(words[0].group())) \
        and role_of(words[-1].group()) is not None and not any(role_of(w.group()) for w in words[:-1]) \
        and all(len(w.group()) <= 8 for w in words[:-1])


# (an indicator's number stays in its name, "指标1:"; a count with its unit is one cell, "≥2400份")
_GLUED_TOKEN = lazyre.compile(r"指标\s*\d{1,2}\s*[:：]|(?P<counted>[≥≤><=]?\d[\d,.]*[场份个次人户项家天件台套辆所座名条篇期批](?=[\s\d]|$))|"
                              r"\([^()\n]{0,40}\)|\d[\d,.]*(?:万元|万|元|%)?|(?:(?!指标\s*\d|[≥≤><=]\d)[^\d(])+|\(")
_FIGURES = lazyre.compile(r"^\d[\d,.%万元]*$")


_PINYIN = lazyre.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\)")


def line_cells(line: str, start: int, index: int) -> list[Cell]:
    """A long line (a 自评表 flattened onto one line) as cells: runs of figures apart from
    the words around them; a bracketed gloss ("(B/A)", "(20分*执行率)") stays with its words.
    Pinyin a mirror page prints after characters ("预(yù)算") is read past."""
    view, where = without_pinyin(line)
    out: list[Cell] = []
    text_start: int | None = None
    for m in _GLUED_TOKEN.finditer(view):
        token = m.group()
        if m.group("counted") or _FIGURES.match(token):
            if text_start is not None:
                out.extend(_words(line, view, where, text_start, m.start(), start, index))
                text_start = None
            out.append(_cell(line, view, where, m.start(), m.end(), start, index))
        elif text_start is None:
            text_start = m.start()
    if text_start is not None:
        out.extend(_words(line, view, where, text_start, len(view), start, index))
    return out


def without_pinyin(line: str) -> tuple[str, list[int]]:
    """The line without pinyin glosses, and where each of its characters stands in the line.
    (The stretches between glosses a slice and a range each, not a step for every character: a
    line a 自评表 was flattened onto runs to thousands of them.)"""
    pieces: list[str] = []
    where: list[int] = []
    kept = 0  # (where the stretch after the last gloss begins)
    for m in _PINYIN.finditer(line):
        pieces.append(line[kept:m.start()])
        where.extend(range(kept, m.start()))
        kept = m.end()
    if not kept:
        return line, list(range(len(line)))
    pieces.append(line[kept:])
    where.extend(range(kept, len(line)))
    return "".join(pieces), where


def _words(line: str, view: str, where: list[int], a: int, b: int, start: int, index: int) -> list[Cell]:
    """The words between two figures of a flattened line, one cell each — a column name or a funds
    row's label run into the words before it ("禁毒支队项目资金(万元)年初预算数", "得分年度资金总额:")
    taken apart from them, as the cells they were."""
    from auditor.extract.tables.columns import COLUMN_WORD  # columns imports nothing from here

    out = []
    for w in _LINE_WORD.finditer(view, a, b):
        cuts = {w.start(), w.end()}
        # (a bracket is a gloss of the name before it, its spaces and the names it cites its own: "得分 (20 分*执行率)")
        glosses = [(g.start(), g.end()) for g in _BRACKET.finditer(view, w.start(), w.end()) if " " in g.group()]
        for pattern in (COLUMN_WORD, _FUNDS_ROW):
            for m in pattern.finditer(view, w.start(), w.end()):
                if not any(x < m.start() < y for x, y in glosses):
                    cuts.update((m.start(), m.end()))
                    if pattern is COLUMN_WORD and _RATE_THEN_SCORE.match(m.group()) \
                            and "权重" not in view[max(0, m.start() - _WEIGHT_BEFORE):m.start()]:
                        # ("分值执行率得分": 执行率 then 得分 run together — one column 执行率得分 only right after
                        # its 执行率权重, the template that weighs the rate, "执行率 执行率权重 执行率得分")
                        cuts.add(m.start() + len("执行率"))
        edges = sorted(cuts)
        for x, y in zip(edges, edges[1:]):
            if view[x:y].strip():
                out.append(_cell(line, view, where, x, y, start, index))
    return out


# a column name 执行率得分 (the 执行率权重 template's) and how far before it that 权重 is looked for ("执行率权重(%)执行率得分")
_RATE_THEN_SCORE = lazyre.compile(r"^执行率得分")
_WEIGHT_BEFORE = 8


# a word of a flattened line: a run of what is no space, a bracket with spaces in it whole ("(20 分*执行率)")
_LINE_WORD = lazyre.compile(r"(?:\([^()\n]{0,40}\)|[^\s(])+|\(")
_BRACKET = lazyre.compile(r"\([^()\n]{0,40}\)")


# a 自评表's funds rows, by the label each opens with (run into the cell before it on a flattened line)
_FUNDS_ROW = lazyre.compile(r"年度资金总额[:：]?|其中[:：]\s*(?:本年|当年)财政拨款|上年结转资金|其他资金")


def _cell(line: str, view: str, where: list[int], a: int, b: int, start: int, index: int) -> Cell:
    first, last = where[a], where[b - 1] + 1
    source = line[first:last]
    return Cell(view[a:b], start + first, start + last, index, source=source if source != view[a:b] else None)
