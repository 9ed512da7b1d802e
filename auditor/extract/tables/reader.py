"""Header and rows → a `ScoreTable` and its facts.

Two kinds of rows follow a header:

- figure rows (资金 grids, score tables, amount tables): a label (one to three
  cells) and then the figures, one per column.  Where the layout keeps every
  cell (a full row, or empty cells written as "|") the figures stand in their
  columns by position; where cells vanished or ran together, `glued` places
  them by the row's arithmetic or refuses the row.  A row of figures cut by a
  page break reads on after it; a header repeated on the next page is skipped.
- indicator rows (一级 / 二级 / 三级指标, 年度指标值, 实际完成值, 分值, 得分): the
  level cells of a row are merged over the rows below them, and 指标值 and
  完成值 may be words ("已完成"), so a row is found by its end: the last two
  numbers (分值, 得分) before the next row's words, with 指标值 and 完成值 the two
  cells before them.
"""

from __future__ import annotations

from collections import Counter
from itertools import takewhile

import re
import unicodedata
from dataclasses import field
from decimal import Decimal
from functools import lru_cache

from auditor import lazyre
from auditor.extract.figures import read_figure
from auditor.extract.model import Fact, ScoreTable, Span, TableRow
from auditor.extract.numbering import OUTLINE_MARKER, YEAR_SAID, item_number, item_style
from auditor.extract.structure import GRADE_WORDS
from auditor.extract.tables import glued
from auditor.extract.bind.reasons import PLACED_BY_GROUP
from auditor.extract.bind.lists import complement_names
from auditor.extract.tables.cells import (BARRED, BREAK, CELL, COLUMN_NUMBERS, EOL, PADDED, PAGE, PLACED, PAGE_MARK, PAGE_MARK_FIRST,
                                          TARGET_AT_END, Cell, amount_before_count)
from auditor.extract.tables.columns import (CODE_CELL, in_year_run, join_spaced_stacked_header, CODE_HEADER, LEVEL_COLUMN, UNIT_TAIL, Header, clean, find_header,
                                            is_grade_column, is_label_header, role_of, split_glued_header)
from auditor.extract.vocabulary import FUNDING_SOURCE, Vocabulary, read_label, strip_glosses
from auditor.normalise import Normalised
from auditor.records import dataclass

# a row naming how the rows below it split the total above ("按收入性质分", "按支出性质分"): each such group
# is all of the total
GROUP_HEADING = lazyre.compile(r"^按[\u4e00-\u9fff]{1,6}?分(?:类)?[::]?$")
# … or that heading run together with the first row of its group ("按收入性质分一般公共预算" as a layout of
# runs of spaces leaves it)
# ("按经济性质分类:", "一、按功能科目", "(二)按项目": a heading over one breakdown of the total, the next over another)
GROUP_HEADING_START = lazyre.compile(r"^按[\u4e00-\u9fff]{1,6}?性质分(?:类)?[::]?|^按[\u4e00-\u9fff]{1,6}?分(?:类)?[::]?$|"
                                     r"^(?:[一二三四五六七八九十]{1,2}、|\([一二三四五六七八九十]{1,2}\))\s*按[\u4e00-\u9fff]{1,8}[::]?$")
_NUMBERED_GROUP_HEADING = lazyre.compile(r"^(?:[一二三四五六七八九十]{1,2}、|\([一二三四五六七八九十]{1,2}\))\s*按[\u4e00-\u9fff]{1,8}[::]?$")
TOTAL_ROW = lazyre.compile(r"^(?:支出|收入|经费|资金|费用|金额)?(?:合计|总计)[::]?$|"
                       r"^(?:总分|小计|总分值|得分合计|合\s*计|总\s*分|自评总分|综合得分)[::]?$")
SUBTOTAL_ROW = lazyre.compile(r"^小\s*计[::]?$")
_VALUE = lazyre.compile(r"^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s*(?:%|万元|万|元|亿元|分)?$")
# an amount in brackets, the accountants' minus: "(7,118)", "(1,205.30)" — grouped in thousands or with decimals (not an
# item's number "(1)", nor a year "(2023)")
_BRACKET_NEGATIVE = lazyre.compile(r"^[(（](\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+)[)）]$")
_GLUED = lazyre.compile(r"^\d[\d,.%万元]*$")  # one character class: no backtracking on long runs
_DASH = {"—", "-", "--", "——", "/", "\\", "无", "-—", "—-", "─"}
_NOISE = lazyre.compile(r"[?\ufffd]+$")  # "3,724,055.00?": a character the page could not show
_SERIAL = lazyre.compile(r"^\d{1,3}$")
# a level of an indicator table named with its weight: "产 出 指 标 (50分)", "项目决策(20分)"
LEVEL_WEIGHT = lazyre.compile(r"^(?P<name>[\u4e00-\u9fff]{2,12})[(（](?P<weight>\d{1,3}(?:\.\d{1,2})?)分[)）]$")
_LEVEL_FIGURE = lazyre.compile(r"\d{1,3}(?:\.\d{1,2})?(?=\s*分\s*[)）]\s*$)")
_SCENARIO = {"budget_initial": "budget_initial", "budget_adjusted": "budget_adjusted", "budget": "budget",
             "actual": "actual", "received": "available"}
# (searched over a whole report: each alternative opens with a literal, so that the engine skips at
# once to where one of their first characters stands; written as "(?:预算)?执行率…|(?:分值|权重)…" it
# tried the pattern at every character, 8× slower — the same matches, alternatives in the same order)
_SCORE_RULE = lazyre.compile(r"预算执行率\s*[×*xX]\s*(?:该项|该指标)?(?:分值|权重)|执行率\s*[×*xX]\s*(?:该项|该指标)?(?:分值|权重)|"
                             r"分值\s*[×*xX]\s*(?:预算)?执行率|权重\s*[×*xX]\s*(?:预算)?执行率")
_BAND_RULE = lazyre.compile(r"执行率.{0,12}(?:以上|以下|之间|低于|不足|每[降低少]|[≥≤><]|\(含\)).{0,12}(?:得|扣|计)")  # ("执行率≥95%得满分")
_FULL_WHEN_MET = lazyre.compile("|".join(
    rf"{verb}(?:年度)?(?:指标值|目标值?|绩效目标)(?:的)?[,]?(?:得|计|给予?)满分" for verb in ("完成", "达到", "实现"))
    + r"|全部完成(?:的)?(?:得|计)满分|足额完成(?:的)?(?:得|计)满分")


def cell_text(cell: Cell) -> str:
    return _without_noise(cell.text)


@lru_cache(maxsize=8192)
def _without_noise(text: str) -> str:
    if not text:
        return text
    text = _NOISE.sub("", text)
    return amount_before_count(text)  # ("12.00（4）": the amount, the count left out)


@lru_cache(maxsize=8192)
def _is_value(text: str) -> bool:
    text = _without_noise(text)
    return bool(_VALUE.match(text) or _BRACKET_NEGATIVE.match(text)) and not _big_rate(text)


@lru_cache(maxsize=8192)
def _is_glued(text: str) -> bool:
    text = _without_noise(text)
    return bool(_GLUED.match(text)) and (not _is_value(text) or _big_rate(text))


def is_value(cell: Cell) -> bool:
    return cell.kind == CELL and _is_value(cell.text)


# is_value of a cell known to be a CELL, asked of its text (the loops over a run's cells left after the marks)
is_value_text = _is_value


def _big_rate(text: str) -> bool:
    return text.endswith("%") and Decimal(re.sub(r"[^\d.]", "", text) or 0) >= 1000


def is_glued(cell: Cell) -> bool:
    """Figures run together ("194.9194.9100%"); a "rate" of 1000 % or more is such a run."""
    return cell.kind == CELL and _is_glued(cell.text)


def is_empty(cell: Cell) -> bool:
    return not cell.is_mark and (not cell.text or cell.text in _DASH)


def is_label(cell: Cell) -> bool:
    return not cell.is_mark and bool(cell.text) and not is_empty(cell) and not is_value(cell) and not is_glued(cell)


@dataclass
class RawRow:
    """A row's cells before they are read: its label cells and the cells under the columns."""

    labels: list[Cell]
    slots: list[Cell]
    via: list[str] = field(default_factory=list)
    barred: bool = False  # one bar row that writes its empty cells: the cells after its last are empty
    padded: bool = False  # one bar row whose empty cells at its end were dropped (its columns kept if the table's are)
    grade: Cell | None = None  # the grade its cell under a 评价等级 column gives the row's score
    grade_column: int = 0  # … and that column's index


@dataclass
class Read:
    """What reading one header's rows gave."""

    rows: list[TableRow]
    facts: list[Fact]
    end: int  # index just past the last cell read
    complete: bool


def expand_glued_headers(cells: list[Cell]) -> list[Cell]:
    """Column names run together in one cell become one cell each (and the words
    before and after them cells of their own)."""
    out: list[Cell] = []
    for c in cells:
        if c.kind != CELL or len(c.text) < 6 or is_value(c) or TARGET_AT_END.search(c.text):
            # (not is_mark: a run's every cell, a call each; a label that ends in its row's target, "预算执行率
            # 执行数/全年预算数 ≥95%", names no columns)
            out.append(c)
            continue
        split = split_glued_header(c)
        if split is None:
            out.append(c)
            continue
        before, names, after = split
        if before:
            out.append(Cell(before, c.start, c.offset(len(before) - 1) + 1, c.line))
        out.extend(names)
        if after:
            out.append(Cell(after, c.offset(len(c.text) - len(after)), c.end, c.line))
    return out


# ------------------------------------------------------------------ figure rows
def figure_rows(cells: list[Cell], header: Header) -> tuple[list[RawRow], int, bool]:
    """Rows after a header: label cells, then figure slots; and whether every row
    between the header and the last row was read."""
    roles = header.roles
    n_cols = len(roles)
    rows: list[RawRow] = []
    complete = True
    coded = header.coded or _codes_open_rows(cells, header.after)  # (or said by a numbering row under the header)
    k = header.after
    last = k
    page = False  # a page break since the last row
    while k < len(cells):
        # a row opens: skip the marks and the empty cells of merged label columns
        while k < len(cells) and (cells[k].is_mark or not cells[k].text
                                  or page and _CONTINUED_TITLE.search(clean(cells[k].text))):
            # (after a page break, the table's title said again with 续: "- 15 - ⏎ 支出决算表(续)")
            page |= cells[k].kind == PAGE
            k += 1
        if k >= len(cells):
            break
        again = find_header(cells, k)
        if again is not None and any(cells[j].kind == PAGE for j in range(k, again.after)):
            again = None  # (a row's name, a page break, then the header said again: the row first)
        if again is not None and [c.name for c in again.columns] == [c.name for c in header.columns]:
            if not page:
                break  # the same header without a page break: the next table
            k = last = again.after  # the header again at the top of the next page
            continue
        if again is not None and rows and header.notes and _ROW_IN_HEADER.match(clean(cells[header.first].text)):
            break  # ("年度资金总额 | 年初预算数 | … ⏎ | 582.60 | … ⏎ 绩效指标 | 年度指标值 | …": the next table's header)
        page = False
        if rows and _wraps_row_above(cells, k, rows[-1]):
            # ("208 社会保障和   234028.44 ⏎ 就业支出 ⏎ 20805 行政事业单 …": the rest of the coded row's name above,
            # wrapped onto a line of its own — not the start of the next row's)
            rows[-1].labels.append(cells[k])
            k += 1
            continue
        start = k
        numbered = header.serial and _SERIAL.match(cells[k].text) and k + 1 < len(cells) and is_label(cells[k + 1])
        if numbered:
            k += 1  # the row's number under 序号: no figure of the row
        code = CODE_CELL.match(cells[k].text) if coded and k + 1 < len(cells) and is_label(cells[k + 1]) else None
        if code:
            k += 1  # the row's code under 科目编码 ("201", "20101", "2010101"): its level, no figure of the row
        labels: list[Cell] = []
        heading = False  # "一、經常門" over "(一)歲入 | 1,295,182,922 | …": a numbered line of no figures
        while k < len(cells) and (is_label(cells[k]) or cells[k].kind == EOL) and len(labels) <= 4:
            # (in a layout of a row a line: the numbered label shares its line with its figures)
            if labels and cells[k].kind == CELL and cells[k].line != labels[-1].line \
                    and OUTLINE_MARKER.match(cells[k].text) and k + 1 < len(cells) and cells[k + 1].line == cells[k].line:
                heading = True
                break
            if labels and cells[k].kind == CELL and cells[k].line != labels[-1].line \
                    and (GROUP_HEADING.match(clean(labels[-1].text))
                         or _NUMBERED_GROUP_HEADING.match(clean("".join(c.text for c in labels)))):
                # ("| 按支出功能分类： | | ⏎ | 一般公共服务支出 | 1,214.36 |", "一、按支出功能分类 ⏎ 2013101 行政运行 | 3536.74":
                # a heading over one breakdown of the total, a row of its own — not the first label of the row under it)
                heading = True
                break
            if not cells[k].is_mark:
                labels.append(cells[k] if not (code and not labels) else
                              Cell(cells[k].text, cells[k].start, cells[k].end, cells[k].line,
                                   level=(len(code.group()) - 3) // 2))
            k += 1
        if any(_RUN_IN_LABEL.search(c.text) for c in labels):
            # ("其中：当年财政拨款194.9194.9194.9—100%—": a line whose figures ran together in a way no cell reading took
            # apart — no label of the row after it: the table ends before it)
            k = start
            break
        merged = header.merged_label_columns
        total_in_levels = header.label_columns >= 2 and len(labels) == 1 and bool(TOTAL_ROW.match(clean(labels[0].text))) \
            and (header.label_columns == 2 or _fills_its_line(cells, k, header.label_columns - 1, n_cols))
        if header.serial or merged or total_in_levels:
            # "合计 | | 250": the label columns the row's label spans, left empty ("| 项目资金(万元) | |
            # 年初预算数 | …" over "| 年度资金总额 | | 268.00 | …": a label merged over two columns; "| 合计 | | 100 |
            # 95.5 |" under "| 一级指标 | 二级指标 | 分值 | 得分 |": the total named in the first of two level columns —
            # under three, whose rows the reader does not tell apart by their column, it stays unread)
            width = (header.label_names if header.serial else merged or header.label_columns) - len(labels) \
                - bool(numbered)
            while width > 0 and k < len(cells) and cells[k].kind == CELL and is_empty(cells[k]):
                k += 1
                width -= 1
        row_numbered = False  # (the row's 行次 stated on its label's line)
        if header.numbered_rows and labels and k < len(cells) and cells[k].kind == CELL \
                and (is_empty(cells[k]) or ROW_NUMBER.fullmatch(cells[k].text.strip())):
            row_numbered = not is_empty(cells[k]) and cells[k].line == labels[-1].line
            k += 1  # ("| 一、一般公共预算财政拨款收入 | 1 | 2273.17 |" under "| 项目 | 行次 | 金额 |": the row's number)
        slots: list[Cell] = []
        grade: Cell | None = None
        grade_column = 0
        ruled = False  # the row ends at a rule: a row the table leaves blank is still a row
        barred = padded = placed = False
        while k < len(cells):
            c = cells[k]
            if header.serial and len(slots) == n_cols:
                break  # numbered rows one cell per line: a row is as wide as the header
            if c.kind == BREAK or (c.kind == EOL and (slots or c.source in (PADDED, BARRED) and labels
                                                      or row_numbered and c.line == labels[-1].line)):
                # (and a row set by spaces whose line ends after its 行次, "三、上级补助收入    3": its amount left empty)
                # (a bar row whose empty cells were all dropped ends at its line's end: "| 六、经营收入 | 6 | | |")
                ruled = c.kind == BREAK
                one_line = all(s.line == c.line for s in (*labels, *slots))
                barred, padded = c.source in (BARRED, PLACED) and one_line, c.source == PADDED and one_line
                placed = c.source == PLACED
                k += 1
                break
            if c.kind == EOL:
                k += 1
                continue
            if coded and CODE_CELL.match(c.text) and k + 1 < len(cells) and is_label(cells[k + 1]) \
                    and labels and (slots or all(CODE_HEADER.match(clean(x.text)) or is_label_header(x.text)
                                                 for x in labels)) and c.line != labels[-1].line \
                    and not TOTAL_ROW.match(clean(cells[k + 1].text)):
                break  # ("… 499.48 ⏎ 20805 ⏎ 行政事业单位养老支出", a cell a line: the next row's code)
            if is_value(c) or is_glued(c) or is_empty(c):
                slots.append(c)
                k += 1
                continue
            # words in a text column (原因, 凭证号) after the figures — not the next row's
            # label, which figures follow
            after = cells[k + 1] if k + 1 < len(cells) else None
            graded = slots and len(slots) < n_cols and roles[len(slots)] is None \
                and is_grade_column(header.columns[len(slots)].name) and clean(c.text) in GRADE_WORDS
            if slots and len(slots) < n_cols and roles[len(slots)] is None and (
                    graded or len(c.text) > 20 or after is None or not (is_value(after) or is_glued(after))):
                # (a grade word under 评价等级, though the next row's number follows it: "98.2 ⏎ 优 ⏎ 2 ⏎ …")
                if graded:
                    grade, grade_column = c, len(slots)
                slots.append(Cell("", c.start, c.start, c.line))
                k += 1
                continue
            break
        while slots and is_empty(slots[-1]) and len(slots) > n_cols:
            slots.pop()
        if not labels and not rows and any(not is_empty(s) for s in slots) and header.first < len(cells) \
                and _ROW_IN_HEADER.match(clean(cells[header.first].text)):
            # "年度资金总额 | 年初预算数 | … ⏎ | 582.60 | 582.60 | …": the header's first cell names the row below
            labels = [cells[header.first]]
        if not labels:
            if any(not is_empty(s) for s in slots):
                if rows and _continues(rows[-1], slots, n_cols):
                    rows[-1].slots.extend(slots)
                    rows[-1].via.append("continued after a page break")
                    last = k
                    continue
                k = start
                break
            continue
        label = clean("".join(c.text for c in labels))
        if _numbers_the_columns(label, slots):
            last = k  # "栏次 | 1 | 2 | 3": the columns' numbers under the header, no figures
            # ("| 科目编码 | 科目名称 | 1 | 2 | 3 |": and the rows below open with their 科目 codes)
            coded = coded or any(CODE_HEADER.match(clean(c.text)) for c in labels)
            continue
        if not any(not is_empty(s) for s in slots):
            if _repeats_header(labels, header, _rest_of_line(cells, k, labels[-1].line)) or coded and all(
                    CODE_HEADER.match(clean(x.text)) or is_label_header(x.text) for x in labels):
                last = k  # the header again, after a page break (or its second line, "科目编码 科目名称")
                continue
            if rows and len(labels) <= 2 and len(label) <= 24 and (any(x.kind == PAGE for x in slots)
                                                                    or _page_follows(cells, k)) \
                    and _figures_open_next_page(cells, k, header):
                # ("对个人和家庭的补助| ⏎ — 11 — ⏎ 经济分类科目|预算数|… ⏎ |128.44|128.44|100.00": a row's name at a page's
                # end, its figures on the next page under the header said again — kept, for them to continue)
                rows.append(RawRow(labels, [], via=["cut by a page break"]))
                last = k
                continue
            if len(labels) <= 2 and len(label) <= 24 and (slots or ruled or heading or padded or barred or row_numbered
                                                          or FUNDING_SOURCE.search(label)
                                                          or GROUP_HEADING.match(label)
                                                          or _NUMBERED_GROUP_HEADING.match(label)):
                # a template row left empty (其他资金 | | |), or a heading of the rows below ("按收入性质分")
                rows.append(RawRow(labels, slots))
                last = k
                continue
            k = start
            break
        if len(labels) > 3 or len(label) > 40 or len(slots) > n_cols:
            k = start
            break
        rows.append(RawRow(labels, slots, barred=barred, padded=padded, grade=grade, grade_column=grade_column,
                           via=[PLACED_BY_GROUP] if placed else []))
        last = k
    return rows, last, complete


def _fills_its_line(cells: list[Cell], k: int, empties: int, n_cols: int) -> bool:
    """From cells[k] to its line's end: `empties` empty cells, then `n_cols` figures, no more — "| 合计 | | | 100 |
    98.36 |" under "| 一级指标 | 二级指标 | 三级指标 | 分值 | 得分 |", every cell of the row kept in its column (not
    "合计||||87.1": which column its one figure stands in is the count of its bars alone)."""
    line = cells[k].line if k < len(cells) else None
    row = []
    while k < len(cells) and cells[k].kind == CELL and cells[k].line == line:
        row.append(cells[k])
        k += 1
    return len(row) == empties + n_cols and all(is_empty(c) for c in row[:empties]) \
        and all(is_value(c) for c in row[empties:])


_CODE_IN_LABEL = lazyre.compile(r"(\d{3}(?:\d{2}){0,2})\s+[\u4e00-\u9fff\u3000]")


def _stacked(row: RawRow, first: Cell, text: str) -> bool | None:
    """How the row is set: one cell a line (True: its name alone on its line, each figure on a line of its own after
    it), one line (False: name and figures on one line, no bars), or neither clearly (None)."""
    filled = [s for s in row.slots if s.text]
    if not filled or any(c.line != first.line for c in row.labels):
        return None
    start = text.rfind("\n", 0, first.start) + 1
    end = text.find("\n", first.start)
    if any(bar in text[start:end if end >= 0 else len(text)] for bar in "|│┃"):
        return None
    if all(s.line == first.line for s in filled):
        return False
    if all(s.line > first.line for s in filled) and len({s.line for s in filled}) == len(filled):
        return True
    return None


def _level_of(cell: Cell, coded_labels: bool) -> int | None:
    """A row's level: its code column's, or the code its label opens with when the table's labels carry them."""
    if cell.level is not None or not coded_labels:
        return cell.level
    m = _CODE_IN_LABEL.match(cell.text)
    return (len(m.group(1)) - 3) // 2 if m else None


_CONTINUED_TITLE = lazyre.compile(r"^(?:.{0,30}\(续(?:表|上表|前表)?\)|续表\d*)$")
ROW_NUMBER = lazyre.compile(r"\d{1,3}")


def _numbers_the_columns(label: str, slots: list[Cell]) -> bool:
    """"栏次 | 1 | 2 | 3", "科目编码 | 科目名称 | 1 | 2 | 3": a row under the header numbering its columns."""
    numbers = [s.text.strip() for s in slots if not is_empty(s)]
    if not numbers or not all(n.isdigit() for n in numbers):
        return False
    if len(numbers) == 1 and CODE_CELL.match(numbers[0]) and "科目编码" in label and not COLUMN_NUMBERS.search(label):
        return False  # ("科目编码   科目名称 ⏎ 206   科学技术支出 …", a header line said again: the next row's 类 code)
    if COLUMN_NUMBERS.search(label) or "科目编码" in label:
        return True  # ("功能分类科目编码 科目名称 栏次 | 1 | 2 | 3")
    return len(numbers) >= 2 and numbers == [str(n) for n in range(1, len(numbers) + 1)] \
        and bool(CODE_HEADER.match(label) or is_label_header(label) or CODE_HEADER.match(label[:4]))
_PERCENT_ROW = lazyre.compile(r"\(%\)|比例|比重|占比|率")  # a row of rates, no amounts
_ROW_IN_HEADER = lazyre.compile(r"^(?:年度|项目)?资金总额(?:\(万元\))?$")


def _continues(row: RawRow, slots: list[Cell], n_cols: int) -> bool:
    """Figures without a label right after a row short of figures: the rest of that row,
    cut by a page break."""
    if "cut by a page break" in row.via and not any(not is_empty(s) for s in row.slots):
        return len(slots) <= n_cols  # (a row's name at a page's end: all its figures on the next page)
    return 0 < len(row.slots) < n_cols and len(row.slots) + len(slots) <= n_cols


def _codes_open_rows(cells: list[Cell], k: int) -> bool:
    """Under a header that names no 科目编码 column, rows still open with their 科目 codes, a name after each on its
    line ("205 教育支出 666.01 ⏎ 20502 普通教育 666.01"): three such rows at least, a 款 code among them under the 类
    code it extends — the codes are the rows' levels, no figures (never the rest of the row before)."""
    firsts: list[str] = []
    line = None
    while k < len(cells):
        c = cells[k]
        if c.kind == CELL and c.line != line:
            line = c.line
            if CODE_CELL.match(c.text) and k + 1 < len(cells) and cells[k + 1].line == line and is_label(cells[k + 1]):
                firsts.append(c.text)
        k += 1
    classes = {code for code in firsts if len(code) == 3}
    return len(firsts) >= 3 and any(len(code) == 5 and code[:3] in classes for code in firsts)


def _wraps_row_above(cells: list[Cell], k: int, above: RawRow) -> bool:
    """cells[k] is words alone on their line, right under a row whose name opens with its 科目 code and whose
    figures were read, and the next line opens the next coded row: the end of that row's name, wrapped."""
    c = cells[k]
    if not is_label(c) or not above.labels or not any(not is_empty(s) for s in above.slots) \
            or not (_CODE_IN_LABEL.match(above.labels[0].text) or CODE_CELL.match(above.labels[0].text)):
        return False
    last_line = max(x.line for x in (*above.labels, *above.slots))
    if c.line != last_line + 1 or _CODE_IN_LABEL.match(c.text) or CODE_CELL.match(c.text):
        return False
    n = k + 1
    while n < len(cells) and cells[n].is_mark:
        n += 1
    return n < len(cells) and cells[n].line == c.line + 1 and bool(
        _CODE_IN_LABEL.match(cells[n].text) or CODE_CELL.match(cells[n].text))


def _figures_open_next_page(cells: list[Cell], k: int, header: Header) -> bool:
    """After the page break from cells[k] on (and the header said again), the first cell is a figure: a row's
    rest, no row of its own."""
    while k < len(cells) and (cells[k].is_mark or not cells[k].text):
        k += 1
    again = find_header(cells, k) if k < len(cells) else None
    if again is not None and [c.name for c in again.columns] == [c.name for c in header.columns]:
        k = again.after
    while k < len(cells) and (cells[k].is_mark or not cells[k].text):
        k += 1
    return k < len(cells) and is_value(cells[k])


def _page_follows(cells: list[Cell], k: int) -> bool:
    """After cells[k - 1], the row's last cell: a page break before any other cell with text."""
    while k < len(cells) and (cells[k].is_mark or not cells[k].text):
        if cells[k].kind == PAGE:
            return True
        k += 1
    return False


def _same_header(again: Header, header: Header) -> bool:
    """A header that names the same figure columns as the table's own: the table's header repeated."""
    return [(clean(c.name), c.role) for c in again.columns] == [(clean(c.name), c.role) for c in header.columns]


def _rest_of_line(cells: list[Cell], k: int, line: int) -> list[Cell]:
    """The cells from cells[k] to the end of their line, when it is `line` (a row's names beyond the five read)."""
    rest = []
    while k < len(cells) and cells[k].kind == CELL and cells[k].line == line:
        rest.append(cells[k])
        k += 1
    return rest


def _repeats_header(labels: list[Cell], header: Header, rest: list[Cell] = ()) -> bool:
    """A row of names only, two of them the header's column names: the header said again (after a page break) —
    unless the row, its last names (`rest`: those of its line beyond the labels read) standing one for one under the
    header's columns, names one of them otherwise: the header of another table stacked under this one, its period
    columns the same, its last column its own ("项目 | 2023年 | 2022年 | 增长%" under "项目 | 2023年 | 2022年 | 增减额")."""
    names = [clean(c.name) for c in header.columns]
    if sum(1 for c in labels if clean(c.text) in names) < 2:
        return False
    row = [clean(c.text) for c in (*labels, *rest)]
    if len(row) - min(n for n, t in enumerate(row) if t in names) > len(names):
        return False  # (from its first column name on, more columns than the header's: "2022年 | 2023年 | 增减额 | 增减%")
    said = row[-len(names):]
    return len(said) < len(names) or all(t == name for t, name in zip(said, names)) \
        or sum(1 for t, name in zip(said, names) if t == name) < 2


def _figures_of(row: RawRow, header: Header, part: bool, keeps_columns: bool = False) -> glued.RowFigures:
    n_cols = len(header.columns)
    pieces: list[glued.Piece | None] = []
    is_glued_row = False
    for s in row.slots:
        if is_empty(s) or not s.text:
            pieces.append(None)
            continue
        text = cell_text(s)
        is_glued_row |= is_glued(s)
        pieces.append(glued.Piece(text, s.start, s.start + len(text)))
    # every cell kept (text columns at the end may be left out)
    positional = len(row.slots) == n_cols or (
        header.trailing_text and len(row.slots) == n_cols - header.trailing_text) or (
        row.barred and len(row.slots) < n_cols) or (
        # (a bar row whose end was dropped, in a table whose bar rows write their empty cells between figures:
        # the export keeps the columns, the row's figures stand from the first)
        keeps_columns and row.padded and len(row.slots) < n_cols)
    while len(pieces) < n_cols and positional:
        pieces.append(None)
    return glued.RowFigures(pieces, glued=is_glued_row, positional=positional and not is_glued_row, part=part)


def _one_plain_run(row: glued.RowFigures) -> bool:
    """A row whose one figure is bare digits (no unit, no thousands separator) long enough to be several."""
    cells = [c for c in row.cells if c is not None]
    return len(cells) == 1 and len(cells[0].text) >= 3 and all(ch.isdigit() or ch == "." for ch in cells[0].text)


def _plain_rates(raw: list[RawRow], header: Header) -> bool:
    """Does the table write its 执行率 without "%" ("96.85" under 执行率)?"""
    if "rate" not in header.roles:
        return False
    at = header.roles.index("rate")
    if header.columns[at].name.rstrip().endswith(("%", "%)", "％", "％)", "(%)")):
        return True  # ("执行率%", "执行率(%)": the header says its figures are percentages)
    return any(len(r.slots) == len(header.columns) and is_value(r.slots[at]) and not r.slots[at].text.endswith("%")
               for r in raw)


def read_figure_rows(cells: list[Cell], header: Header, norm: Normalised, vocab: Vocabulary,
                     first_id: int, context: str) -> Read | None:
    raw, end, complete = figure_rows(cells, header)
    if not raw:
        return None
    keys = header.keys
    base = header.base()
    rule = bool(header.score_rule())
    plain = _plain_rates(raw, header)
    labels = [clean("".join(c.text for c in r.labels)) for r in raw]
    implied = _implied_sources(labels, vocab)
    labels = ["其中" + label if n in implied else _INNER_PART.sub("其中:", label, count=1) for n, label in enumerate(labels)]
    groups = _groups(labels)
    parts_at = {n for _, parts, _ in groups for n in parts}
    keeps = any(r.barred for r in raw)
    figures = [_figures_of(r, header, n in parts_at, keeps) for n, r in enumerate(raw)]
    if any(f.glued for f in figures):
        for n, f in enumerate(figures):
            # (a 其中 row of one figure in a table that runs its rows' figures together: it may be a run too)
            f.maybe_run = n in parts_at and not f.glued and not f.positional and _one_plain_run(f)
    readings: dict[int, glued.Reading] = {}
    first = True  # (the first row of figures says whether the table is a common-size statement)
    for n, f in enumerate(figures):
        if not any(p is not None for p in f.cells):
            continue
        one = glued.resolve_row(f, keys, base, rule, plain, header.first_total)
        if one is not None:
            readings[n] = one
        if first:
            first = False
            if one is not None and glued.common_size(keys, one):
                for later in figures[n + 1:]:
                    later.common_size = True
    # rows their own arithmetic leaves open: read with their 其中 rows
    for total, parts, full in groups:
        rows_here = [total, *parts]
        if all(n in readings or not figures[n].readings for n in rows_here):
            continue
        fixed = {m: readings[n] for m, n in enumerate(rows_here) if n in readings}
        decided = glued.resolve_with_sums(figures[total], [figures[n] for n in parts], fixed, full)
        for m, reading in decided.items():
            readings[rows_here[m]] = reading
        if full and total not in readings and figures[total].glued and parts:
            # (a run-together total the sums do not pin whole: the reading they make in the most columns, if one —
            # its parts as decided, or as the one way their figures read: "000%" is 0 | 0 | 0%)
            own = {n: readings.get(n) or glued.agreed(figures[n].readings) for n in parts}
            one = glued.by_parts(figures[total], list(own.values()), keys) if all(own.values()) else None
            if one is not None:
                readings[total] = one
                readings.update((n, r) for n, r in own.items() if n not in readings)
    readings.update(_placed_by_position(figures, readings, norm))
    last = len(raw) - 1
    if last >= 2 and last not in readings and figures[last].readings and not figures[last].glued \
            and TOTAL_ROW.match(labels[last]) and all(n in readings for n in range(last)):
        # (a 合计 row last, its empty cells dropped, that no arithmetic of its own pins: placed where the rows above
        # make it in the most amount columns)
        one = glued.total_by_columns(figures[last], [readings[n] for n in range(last)])
        if one is not None:
            readings[last] = one
    read_rows = [n for n in range(len(raw)) if n in readings or not any(p is not None for p in figures[n].cells)]
    if not any(n in readings for n in read_rows):
        return None
    complete = complete and len(read_rows) == len(raw)
    # a row not read ends the table there (its cells may not be the table's)
    read_set = set(read_rows)  # a set: one look-up per row, not a scan of the list
    stop = next((n for n in range(len(raw)) if n not in read_set), len(raw))
    stop = _text_after_rows(raw, readings, stop)
    unit = _money_unit(header, context, _written_units([readings[n] for n in range(stop) if n in readings]))
    last_row = raw[max(stop, 1) - 1]
    row_end = max((c.end for c in [*last_row.labels, *last_row.slots] if c is not None), default=len(norm.text))
    own_units = _column_units(header, context, _note_under(norm.text, row_end))
    precision = _column_precision([readings[n] for n in range(stop) if n in readings])
    facts: list[Fact] = []
    rows: list[TableRow] = []
    parent = None
    heading_of = None  # the row the group headings ("按收入性质分", "按支出性质分") split
    # (codes written in the label cells of most rows, "2080801 死亡抚恤": the rows' levels, as a code column's)
    coded_labels = sum(1 for r in raw[:stop] if r.labels and _CODE_IN_LABEL.match(r.labels[0].text)) * 2 > stop >= 3
    inner_rows: dict[int, bool] = {}  # (the rows written "内:")
    for n in range(stop):
        r = raw[n]
        label = "".join(c.text for c in r.labels)
        inner = bool(_INNER_PART.match(label))
        if inner:  # ("内:财政补助": a 其中 row of the row right above it)
            label = _INNER_PART.sub("其中:", label, count=1)
        reading = readings.get(n)
        row_cells: dict[str, Fact] = {}
        if reading is not None:
            # (a row that writes every figure of it to one precision, fewer decimals than its columns' — a 合计 row kept
            # to one decimal, "支出合计 45.6 48.3 50.9", over items of two —, is rounded so: no trailing zeros dropped)
            written = {p.decimals for p in reading.roles.values() if "." in p.text and not p.text.rstrip().endswith("%")}
            own_precision = next(iter(written)) if len(written) == 1 and sum(
                1 for p in reading.roles.values() if "." in p.text and not p.text.rstrip().endswith("%")) >= 2 else None
            for key, piece in reading.roles.items():
                role = glued.base_role(key)
                name = _column_name(header, key)
                fact = cell_fact(piece, role, name, label, own_units.get(key, unit), norm, first_id + len(facts), vocab)
                if fact.decimals < precision.get(key, 0) and not piece.text.rstrip().endswith("%") \
                        and fact.decimals != own_precision:
                    # (a rate written "97%" beside "96.14%"s is rounded to a whole percent on purpose)
                    fact = fact.model_copy(update={"decimals": precision[key]})
                facts.append(fact)
                row_cells[key] = fact
        if "score" in row_cells and "rate" in row_cells and "weight" not in row_cells:
            weight = _weight_in_rule(header, norm.text)  # "得分(20分*执行率)": the 分值 the header states
            if weight is not None:
                fact = cell_fact(weight, "weight", "分值", label, unit, norm, first_id + len(facts), vocab)
                facts.append(fact)
                row_cells["weight"] = fact
        dashed = _dashed(r, keys, header.first_total) if figures[n].positional else ()
        is_total = bool(TOTAL_ROW.match(clean(strip_glosses(label))))
        if inner and rows and (above := next((m for m in range(len(rows) - 1, -1, -1) if not inner_rows.get(m)), None)) \
                is not None:
            # a statistics table's "内:" row is of the row right above it, 其中 row or not ("其中:医疗机构总收入 ⏎ 内:财政补助"):
            # its own split, no sibling of the 其中 row's
            part_of = above
        elif clean(label).startswith("其中") or n in implied:
            part_of = parent
            if parent is not None and _PERCENT_ROW.search(rows[parent].label) and not _PERCENT_ROW.search(label) \
                    and parent > 0 and not _PERCENT_ROW.search(rows[parent - 1].label):
                # ("查出问题金额(亿元) | … ⏎ 占审计资金比例(%) | … ⏎ 其中:违规金额(亿元) | …": the amount row above
                # the rate row is the one it is a part of)
                part_of = parent - 1
        elif parent is not None and rows and rows[-1].part_of == parent and not _next_item(rows[parent].label, label) and (
                # (… not the item numbered after the total: "1.一般公共预算财政拨款" … "2.政府性基金预算财政拨款", its sibling)
                FUNDING_SOURCE.search(clean(label)) or _next_item(rows[-1].label, label)
                or _same_family(vocab, rows[parent].label, rows[-1].label, label)
                or _spending_pair([rows[-1].label, label], [0], 1)
                or not FUNDING_SOURCE.search(clean(rows[-1].label)) and _indented_under(rows, parent, r.labels[0], norm)):
            # "其中:(1)公务用车购置费" then "(2)公务用车运行费"; "其中:普通小学" then "　　　普通初中", set in under its total
            # (not after sources of funds, which the other rule follows: "其中:财政拨款 … 其他资金 … 基本支出" is another split)
            part_of = parent
        elif parent is not None and rows and (under := _set_in_under_opener(rows, parent, r.labels[0], norm)) is not None:
            part_of = under  # ("其中：税收收入 ⏎ ␣␣␣␣国内增值税": the 其中 row's own parts, set in under it)
        else:
            part_of = None
            if reading is None and GROUP_HEADING.match(clean(label)):
                # (a heading row of no figures, "按支出性质分：", opens a group of the rows of the total above the first
                # such heading: the 其中 rows under it are that total's, not the heading's nor the last group's)
                if heading_of is None and rows and rows[-1].part_of is None:
                    heading_of = len(rows) - 1
                parent = heading_of
            else:
                parent = len(rows)
        first_cell = r.labels[0]
        line, column = norm.line_col(first_cell.start)
        end_at = max([first_cell.end, *(s.end for s in r.slots)])
        # (the grade is of the score in the columns right before it, this year's: "自评得分 | 复核得分 | 评价等级" grades
        # the 复核得分, "自评得分 | 上年得分 | 等级" the 自评得分; "得分 | 得分率 | 等级" a rate — no score of the row graded)
        scored = None
        for key in reversed(keys[:r.grade_column] if r.grade is not None else ()):
            if key is None or glued.base_role(key) != "score" or key not in row_cells:
                break
            if row_cells[key].period is None:
                scored = key
                break
        graded = scored is not None
        inner_rows[len(rows)] = inner
        rows.append(TableRow.model_construct(
            label=label, cells=row_cells, is_total=is_total, labels=tuple(c.text for c in r.labels),
            texts={"grade": r.grade.text, "graded": scored} if graded else {}, dashed=dashed, part_of=part_of,
            level=_level_of(first_cell, coded_labels),
            indent=column if not norm.text[first_cell.start - column:first_cell.start].strip() else None,
            cell_indent=_in_cell(norm, first_cell.start),
            stacked=_stacked(r, first_cell, norm.text),
            via=tuple(dict.fromkeys([*r.via, *(reading.via if reading else ())])),
            grade_span=(r.grade.start, r.grade.end) if graded else None,
            span=Span.model_construct(start=first_cell.start, end=end_at, line=line, column=column)))
    end_index = end if stop == len(raw) else _index_after(cells, raw[stop - 1]) if stop else header.after
    rows = _rows_after_qizhong(rows, vocab)
    rows, facts = _fraction_weights(rows, facts, header, vocab)
    return Read(rows, facts, end_index, complete and stop == len(raw))


def _placed_by_position(figures: list[glued.RowFigures], readings: dict[int, glued.Reading],
                        norm: Normalised) -> dict[int, glued.Reading]:
    """Rows of a table whose cells runs of spaces set apart, short of a cell and read by no arithmetic: each figure
    in the column it stands under on the page — the column whose figures in the full rows it overlaps, and no other
    ("公务用车购置及运行费   43.00   40.00 ⏎   其中:公务用车购置费            24.38": 24.38 a 决算数, its 预算数 left
    blank).  Widths as a page shows them (a Chinese character two columns), on the original's lines; a line with a
    tab or a bar keeps no such columns."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for n, reading in readings.items():
        if not figures[n].positional:
            continue
        for key, piece in reading.roles.items():
            at = _page_span(norm, piece.start, piece.end)
            if at is None:
                return {}
            spans.setdefault(key, []).append(at)
    if len(spans) < 2:
        return {}

    def under(piece: glued.Piece, key: str) -> bool:
        at = _page_span(norm, piece.start, piece.end)
        return at is not None and any(_overlap(at, s) for s in spans.get(key, ())) and not any(
            _overlap(at, s) for other, ss in spans.items() if other != key for s in ss)

    # (rows that share a line are name-and-figure pairs set side by side, "按收入性质分：  1250.58    按支出性质分：
    # 1250.58": no column places them)
    lines = Counter(norm.line_col(f.cells[0].start)[0] for f in figures if f.cells and f.cells[0] is not None)
    out: dict[int, glued.Reading] = {}
    for n, f in enumerate(figures):
        if n in readings or f.glued or f.positional or len(f.readings) < 2:
            continue
        if f.cells and f.cells[0] is not None and lines[norm.line_col(f.cells[0].start)[0]] > 1:
            continue
        placed = [r for r in f.readings if all(under(p, key) for key, p in r.roles.items())]
        one = glued.agreed(placed)
        if one is not None:
            out[n] = glued.Reading(one.roles, ("cells placed in the columns they stand under",))
    return out


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _page_span(norm: Normalised, start: int, end: int) -> tuple[int, int] | None:
    """Where text[start:end] stands on its line as a page shows it (a wide character two columns), or None on a line
    whose columns that does not tell (a tab, a bar)."""
    line_start = norm.original.rfind("\n", 0, start) + 1
    line_end = norm.original.find("\n", end)
    line = norm.original[line_start:line_end if line_end >= 0 else len(norm.original)]
    if "\t" in line or _BARS_IN_LINE.search(line):
        return None
    before = _page_width(norm.original[line_start:start])
    return before, before + _page_width(norm.original[start:end])


_BARS_IN_LINE = lazyre.compile(r"[|│┃║]")


def _page_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _fraction_weights(rows: list[TableRow], facts: list[Fact], header: Header,
                      vocab: Vocabulary) -> tuple[list[TableRow], list[Fact]]:
    """"权重 | 专家评分(10分制) | 加权得分" with 权重 0.15, 0.25 … and 合计 1.00: a weight column (cue weight_fraction)
    whose rows are each under 1 and make 1 (its 合计 row's, or their own sum) gives each row its fraction of the
    whole, and the 加权得分 is that fraction times the row's rating — no 分值 a score stays under (1.35 > 0.15 is no
    slip) and no 100 a 合计 is out of. The column is not read (its cells and their facts dropped)."""
    names = [c.name for c in header.columns if c.role == "weight"]
    if len(names) != 1 or not vocab.cue("weight_fraction").search(clean(names[0])):
        return rows, facts
    parts = [r.cells["weight"] for r in rows if not r.is_total and "weight" in r.cells]
    wholes = [r.cells["weight"] for r in rows if r.is_total and "weight" in r.cells]
    whole = wholes[-1].value if wholes else sum((p.value for p in parts), Decimal(0))
    if len(parts) < 2 or whole != 1 or any(p.value >= 1 for p in parts):
        return rows, facts
    dropped = {id(r.cells["weight"]) for r in rows if "weight" in r.cells}
    rows = [r.model_copy(update={"cells": {k: v for k, v in r.cells.items() if k != "weight"}}) for r in rows]
    return rows, [f for f in facts if id(f) not in dropped]


_WRITTEN_UNIT = lazyre.compile(r"[万亿]?元$")


def _rows_after_qizhong(rows: list[TableRow], vocab: Vocabulary) -> list[TableRow]:
    """The rows after a 其中 row that nothing above placed ("人员经费 ⏎ 其中：工资福利支出 ⏎ 对个人和家庭的补助 ⏎ 公用经费
    ⏎ 其中：办公费 ⏎ 水电费 ⏎ …"): each run of them, up to the next row of the level above — one with 其中 rows of its
    own, a total, a heading, a row numbered or set in as the row above the 其中 row, or named with it in a family
    (人员经费 | 公用经费) —, may be more parts of that row (the first rows of the run) or rows of their own (the rest).
    The split taken is the one that makes every sum hold (the row over its parts exactly, where any run row is one of
    them; the table's one total over the rows of the level above); failing that, the one split the total alone makes,
    or else the one each row's own sum makes, or else the one split whose parts pass no row.  Where none is single
    the run's rows are marked `level_unsure`: no sum that counts them as rows of their own is read (a wrong level
    would accuse a right table)."""
    runs: list[tuple[int, list[int], list[int]]] = []  # (the row, its 其中 rows, the run after them)
    funds = vocab.cue("funds_total_row")
    children: dict[int, list[int]] = {}  # each row's later rows that are parts of it, in order
    for m, r in enumerate(rows):
        if r.part_of is not None and r.part_of < m:
            children.setdefault(r.part_of, []).append(m)
    for p, row in enumerate(rows):
        subs = children.get(p, [])
        if row.is_total or funds.search(clean(row.label)) or not subs or subs != list(range(p + 1, subs[-1] + 1)) \
                or not clean(rows[subs[0]].label).startswith("其中"):
            continue  # (a total's 其中 rows, a 自评表's sources of funds or not, are read as they always were)
        # (the run starts after the 其中 rows' own parts, set in under them: "其中：税收收入 ⏎ ␣␣␣␣国内增值税 ⏎ 非税收入")
        inner = set(subs)
        start = subs[-1] + 1
        while start < len(rows) and rows[start].part_of in inner:
            inner.add(start)
            start += 1
        run = []
        for m in range(start, len(rows)):
            if _level_above(rows, p, subs[0], m, vocab):
                break
            run.append(m)
        if run:
            runs.append((p, subs, run))
    if not runs:
        return rows
    totals = [n for n, r in enumerate(rows) if r.is_total]
    total = totals[0] if len(totals) == 1 and totals[0] in (0, len(rows) - 1) and rows[totals[0]].part_of is None \
        else None
    def inside(choice) -> dict[int, int]:
        return {m: p for (p, _, run), k in zip(runs, choice) for m in run[:k]}

    choices = [()]
    for p, subs, run in runs:
        # (a run row named as the other side of the 其中 row — 非税收入 after 其中：税收收入, vocabulary complement_pair — is
        # the parent's other part, whatever its figures: the split takes it and the rows before it)
        least = max((n + 1 for n, m in enumerate(run) if any(
            complement_names(clean(rows[m].label), _QIZHONG_LEAD.sub("", clean(rows[s].label), count=1), vocab)
            for s in subs)), default=0)
        choices = [(*c, k) for c in choices for k in range(least, len(run) + 1)]
        if len(choices) > 256:
            return rows
    if len(choices) == 1 and any(choices[0]):
        attached = inside(choices[0])
        return [r.model_copy(update={"part_of": attached[n]}) if n in attached else r for n, r in enumerate(rows)]

    def groups_hold(choice) -> bool:
        for (p, subs, run), k in zip(runs, choice):
            verdict = _sums(rows[p], [rows[m] for m in [*subs, *run[:k]]])
            if verdict is None or (k and verdict != "equal") or (not k and verdict == "over"):
                return False
        return True

    def total_holds(choice) -> bool:
        if total is None:
            return False
        attached = inside(choice)
        parts = [r for n, r in enumerate(rows) if n != total and r.part_of is None and n not in attached
                 and not clean(r.label).startswith("其中") and r.cells]
        return _sums(rows[total], parts) == "equal"

    def plausible(choice) -> bool:  # (no row's parts pass it)
        return all(_sums(rows[p], [rows[m] for m in [*subs, *run[:k]]]) not in ("over", None)
                   for (p, subs, run), k in zip(runs, choice))

    found = [c for c in choices if groups_hold(c) and total_holds(c)]
    if not found:
        # (… the total's split, where each row's own 其中 rows do not pass it: a slip in a part is then found)
        found = [c for c in choices if total_holds(c)] if all(
            _sums(rows[p], [rows[m] for m in subs]) not in ("over", None) for p, subs, _ in runs) else []
    if not found:
        each = [[k for k in range(1, len(run) + 1) if _sums(rows[p], [rows[m] for m in [*subs, *run[:k]]]) == "equal"]
                for p, subs, run in runs]
        found = [tuple(ks[0] for ks in each)] if all(len(ks) == 1 for ks in each) else []
    if not found:
        # (no split makes a sum: the one split in which no row's parts pass it, if one — the run's rows no parts)
        found = [c for c in choices if plausible(c)]
    if len(found) == 1:
        attached = inside(found[0])
        return [r.model_copy(update={"part_of": attached[n]}) if n in attached else r for n, r in enumerate(rows)]
    unsure = {m for _, _, run in runs for m in run}
    return [r.model_copy(update={"level_unsure": True}) if n in unsure else r for n, r in enumerate(rows)]


def _level_above(rows: list[TableRow], parent: int, opener: int, m: int, vocab: Vocabulary) -> bool:
    """Row m, after the 其中 rows of row `parent`, is a row of the parent's level (or above) by what it is or how it is
    written: it has 其中 rows of its own, it is a total or a heading, a part of a row already, numbered as the parent,
    set in no further than the parent where the 其中 row is set in further, named with the parent in a family, or named
    as an account's own item beside its 收入 / 支出 (cues offset_inflow, offset_outflow, statement_head)."""
    row, above = rows[m], rows[parent]
    if row.part_of is not None or row.is_total or not row.cells or GROUP_HEADING.match(clean(row.label)) \
            or clean(row.label).startswith("其中") or (m + 1 < len(rows) and rows[m + 1].part_of == m):
        return True
    a, b = OUTLINE_MARKER.match(clean(above.label)), OUTLINE_MARKER.match(clean(row.label))
    if a is not None and b is not None and item_style(a.group().strip()) == item_style(b.group().strip()):
        return True
    depth = [r.indent if r.indent is not None else r.cell_indent for r in (above, rows[opener], row)]
    if None not in depth and depth[1] > depth[0] >= depth[2]:
        return True
    if any(vocab.cue(cue).search(clean(row.label)) for cue in ("offset_inflow", "offset_outflow", "statement_head")):
        return True  # (an account's own items beside its 收入 / 支出: 调出资金, 债务还本支出, 年终结余)
    one, other = _row_concept(above.label, vocab), _row_concept(row.label, vocab)
    return one != other and any(one in fam.members and other in fam.members for fam in vocab.families.values())


def _sums(whole: TableRow, parts: list[TableRow]) -> str | None:
    """How the parts' figures stand to the whole's in every column all of them fill: "equal" (within the rounding of
    each figure), "under" (short of it in one at least, over it in none), "over"; None where no column is filled."""
    keys = [k for k, f in whole.cells.items() if f.unit != "%" and all(k in p.cells for p in parts)]
    if not keys or not parts:
        return None
    verdicts = set()
    for k in keys:
        value = sum((p.cells[k].value for p in parts), Decimal(0))
        slack = whole.cells[k].tolerance + sum((p.cells[k].tolerance for p in parts), Decimal(0))
        gap = value - whole.cells[k].value
        verdicts.add("equal" if abs(gap) <= slack else "over" if gap > 0 else "under")
    return "over" if "over" in verdicts else "under" if "under" in verdicts else "equal"


def _indented_under(rows: list[TableRow], parent: int, first_cell: Cell, norm: Normalised) -> bool:
    """The row's label stands as far in as the name of the 其中 row under its total ("其中:普通小学" then "　　　普通初中"):
    another of the total's 其中 rows, set in under it (not a row back at the level of the 其中 rows' marker).  In a bar
    table the label is set in within its cell ("| 二、基金支出 | … ⏎ | 其中:基础养老金支出 | … ⏎ | 　　个人账户养老金支出 |"):
    a row set in further than its total, whose 其中 row stands at the total's own place, is another of its 其中 rows."""
    opener = next((row for row in rows[parent + 1:] if row.part_of == parent and _QIZHONG_LEAD.match(
        norm.text, row.span.start)), None)
    if opener is not None and opener.indent is None:
        own, total, lead = (_in_cell(norm, at) for at in (first_cell.start, rows[parent].span.start,
                                                           opener.span.start))
        return None not in (own, total, lead) and own > total and lead <= total
    if opener is None or opener.indent is None:
        return False
    line_start = norm.text.rfind("\n", 0, first_cell.start) + 1
    if norm.text[line_start:first_cell.start].strip():
        return False
    # (as a page shows them, a wide character two columns: "其中：税收收入" then "    国内增值税", four spaces, stands short of
    # the name — the 其中 row's own parts, set in under it; "  其中：人员支出" then "        日常公用" stands at it)
    # (or as many characters in as the name: a text counted by characters, not by a page's columns)
    opener_line = norm.text.rfind("\n", 0, opener.span.start) + 1
    name_end = opener.span.start + len(_QIZHONG_LEAD.match(norm.text, opener.span.start).group())
    return _page_width(norm.original[line_start:first_cell.start]) >= _page_width(norm.original[opener_line:name_end]) \
        or first_cell.start - line_start == name_end - opener_line


def _set_in_under_opener(rows: list[TableRow], parent: int, first_cell: Cell, norm: Normalised) -> int | None:
    """The 其中 row of row `parent` whose own parts this row is: it stands set in further than that 其中 row on the page but
    short of the name after its mark ("其中：税收收入 ⏎ ␣␣␣␣国内增值税 ⏎ ␣␣␣␣个人所得税 ⏎ 非税收入": the taxes under 税收收入, not
    more of the total's 其中 rows), and every row since it is such a part: the 其中 row's index, or None."""
    opener = next((m for m in range(len(rows) - 1, parent, -1) if rows[m].part_of == parent), None)
    if opener is None or not _QIZHONG_LEAD.match(norm.text, rows[opener].span.start) \
            or any(rows[m].part_of != opener for m in range(opener + 1, len(rows))):
        return None
    line_start = norm.text.rfind("\n", 0, first_cell.start) + 1
    opener_line = norm.text.rfind("\n", 0, rows[opener].span.start) + 1
    if norm.text[line_start:first_cell.start].strip() or norm.text[opener_line:rows[opener].span.start].strip():
        return None
    own = _page_width(norm.original[line_start:first_cell.start])
    lead = _page_width(norm.original[opener_line:rows[opener].span.start])
    name_end = rows[opener].span.start + len(_QIZHONG_LEAD.match(norm.text, rows[opener].span.start).group())
    return opener if lead < own < _page_width(norm.original[opener_line:name_end]) else None


# a statistics table's "内:" row ("总收入 | 304.2 ⏎ 　内:财政补助 | 36.1"): "of which", a 其中 row, read as one
_INNER_PART = lazyre.compile(r"^\s*内\s*[:：]\s*(?=\S)")
_QIZHONG_LEAD = lazyre.compile(r"其中\s*[:：]?\s*")


def _in_cell(norm: Normalised, at: int) -> int | None:
    """How many spaces stand before offset `at` in its bar cell ("|   财政补贴收入": 3); None when something else does,
    or no bar opens the cell."""
    line_start = norm.text.rfind("\n", 0, at) + 1
    before = norm.text[line_start:at]
    bar = max(before.rfind(b) for b in "|│┃")
    if bar < 0 or before[bar + 1:].strip():
        return None
    return len(before) - bar - 1


def _text_after_rows(raw: list[RawRow], readings: dict[int, glued.Reading], stop: int) -> int:
    """Rows whose figures are bare numbers (the header gives the unit) end where a line writes
    its figure with a unit: "福鼎 | 8 |", "合计 | 51 |", then "二、省级福彩公益金3237.15万元" or
    "(四)农村养老服务改革试点补助50万元" is the report's text again, not a row."""
    bare = False
    for n in range(stop):
        reading = readings.get(n)
        if reading is None:
            continue
        written = [bool(_WRITTEN_UNIT.search(p.text.strip())) for p in reading.roles.values()]
        if any(written):
            if bare:
                return n
            return stop  # the table writes units in its cells: nothing to tell rows from text by
        bare = bare or bool(written)
    return stop


_RULE_WEIGHT = lazyre.compile(r"(\d+(?:\.\d+)?)\s*分\s*[*×xX]")


def _weight_in_rule(header: Header, text: str) -> glued.Piece | None:
    column = next((c for c in header.columns if c.role == "score"), None)
    if column is None or not header.score_rule():
        return None
    m = _RULE_WEIGHT.search(text, column.cell.start, column.cell.end)
    if m is None:
        return None
    return glued.Piece(m.group(1), m.start(1), m.end(1))


def _index_after(cells: list[Cell], row: RawRow) -> int:
    last = max([*(c.end for c in row.labels), *(s.end for s in row.slots)])
    return next((k for k, c in enumerate(cells) if c.start >= last and not c.is_mark and c.end > last), len(cells))


_ITEM_MARKER = lazyre.compile(r"^(?:其中[::]?)?(\([一二三四五六七八九十\d]{1,3}\)|\d{1,2}[.、]|[\u2460-\u2473\u2474-\u2487])")


def _same_family(vocab: Vocabulary, parent: str, previous: str, label: str) -> bool:
    """`label` names another member of the family that makes up `parent`, of which `previous`
    (a 其中 row) is one: "公务用车购置及运行维护费 | 其中:公务用车运行维护费 | 公务用车购置费"."""
    whole, one, other = (_row_concept(x, vocab) for x in (parent, previous, label))
    return any(whole in fam.totals and one in fam.members and other in fam.members and one != other
               for fam in vocab.families.values())


def _next_item(previous: str, label: str) -> bool:
    """`label` is numbered as the item after `previous`, in the same style ("(1)…" → "(2)…")."""
    a, b = _ITEM_MARKER.match(clean(previous)), _ITEM_MARKER.match(clean(label))
    if a is None or b is None or item_style(a.group(1)) != item_style(b.group(1)):
        return False
    m, n = item_number(a.group(1)), item_number(b.group(1))
    return m is not None and n == m + 1


def _implied_sources(labels: list[str], vocab: Vocabulary) -> set[int]:
    """The first source row under a 自评表's funds total that the text leaves without its "其中": "年度资金总额 ⏎
    当年财政拨款 ⏎ 上年结转资金 ⏎ 其他资金" — the template's sources of the total, two at least, right under it (cue
    funds_total_row), none of them said to be 其中 (where one is, the text says itself where its parts start)."""
    total = vocab.cue("funds_total_row")
    out = set()
    for n, label in enumerate(labels[:-2]):
        if not total.search(label):
            continue
        run = 0
        for after in labels[n + 1:]:
            if after.startswith("其中") or not FUNDING_SOURCE.search(after):
                break
            run += 1
        if run >= 2 and not labels[n + 1 + run:n + 2 + run] or run >= 2 and not labels[n + 1 + run].startswith("其中"):
            out.add(n + 1)
    return out


# a 部门整体 自评表's funds total split by spending kind: "年度资金总额 | 其中:基本支出 | 项目支出", the two all of it
_SPENDING_KIND = lazyre.compile(r"^(?:其中[:：]?)?(?:基本支出|项目支出)[:：]?$")


def _spending_pair(labels: list[str], parts: list[int], m: int) -> bool:
    """Row `m` is 项目支出 right after a first 其中 row 基本支出 (or the other way): the second of the pair."""
    if len(parts) != 1:
        return False
    a, b = _SPENDING_KIND.match(clean(labels[parts[0]])), _SPENDING_KIND.match(clean(labels[m]))
    return a is not None and b is not None and clean(labels[parts[0]])[-4:] != clean(labels[m])[-4:]


def _groups(labels: list[str]) -> list[tuple[int, list[int], bool]]:
    """(total row, its 其中 rows, complete) for every row followed by 其中 rows."""
    out = []
    for n, label in enumerate(labels):
        if label.startswith("其中") or n + 1 >= len(labels) or not labels[n + 1].startswith("其中"):
            continue
        parts = [n + 1]
        for m in range(n + 2, len(labels)):
            if labels[m].startswith("其中") or not (FUNDING_SOURCE.search(labels[m]) or _spending_pair(labels, parts, m)):
                break
            parts.append(m)
        full = len(parts) >= 2 and (all(FUNDING_SOURCE.search(labels[m]) for m in parts)
                                    or [_SPENDING_KIND.match(clean(labels[m])) is not None for m in parts] == [True, True])
        out.append((n, parts, full))
    return out


def _dashed(row: RawRow, keys: list[str | None], first_total: str | None = None) -> tuple[str, ...]:
    """The columns a row writes as none: a dash — or, under "合计 | 基本支出 | 项目支出" (a total first), a
    part's cell the row leaves empty in its place (a 决算 table's blank is nothing spent that way)."""
    # (a row whose columns are kept but whose empty cells at its end were dropped: those are empty too)
    slots = [*row.slots, *[None] * (len(keys) - len(row.slots))]
    return tuple(key for s, key in zip(slots, keys)
                 if key and (s is not None and s.text in _DASH or first_total and key != first_total
                             and (s is None or not s.text.strip() and s.kind == CELL)))


def _column_name(header: Header, key: str) -> str:
    for c, k in zip(header.columns, header.keys):
        if k == key:
            return c.name
    return {"budget": "预算数"}.get(key, key)


def _column_precision(readings: list[glued.Reading]) -> dict[str, int]:
    """A column is written to one precision; authoring tools drop trailing zeros, so "19"
    in a column of "14.4"s stands for 19.0, not 19 ± 0.5: the precision most of its figures with
    a decimal point are written to (a row in points, "1.10" among growth rates "-0.3", is its own)."""
    counts: dict[str, Counter[int]] = {}
    for r in readings:
        for role, p in r.roles.items():
            if "." in p.text:
                counts.setdefault(role, Counter())[p.decimals] += 1
    return {role: max(c.items(), key=lambda kv: (kv[1], kv[0]))[0] for role, c in counts.items()}


def _written_units(readings: list[glued.Reading]) -> set[str]:
    """The units the table's own money cells write ("398,027,639元": 元), percentages aside."""
    return {m.group() for r in readings for p in r.roles.values() if not p.percent
            for m in [_CELL_UNIT.search(p.text)] if m}


_CELL_UNIT = lazyre.compile(r"(?:万元|亿元|千元|万|元)$")


def _money_unit(header: Header, context: str, written: set[str] = frozenset()) -> str:
    """The unit of the table's bare money cells: its header's or the note over it, else the one its other cells write
    (a column of "398,027,639元" with a bare "407,087,723" among them: 元 too), else 元 or 万元 by the text before it."""
    if header.unit:
        return header.unit
    note = _last_match(_UNIT_NOTE_BEFORE, context)
    if note is not None:  # "单位:亿元" over the table (or over the table it continues)
        return note.group(1)
    if written == {"元"}:
        return "元"
    return "元" if ("元" in context and "万元" not in context and "万" not in context) else "万元"


def _column_units(header: Header, context: str, under: str = "") -> dict[str, str]:
    """The unit each money column states when the columns state different ones: "预算数(千元) | 决算数(元)" in the
    header, "预算数单位:千元;决算数单位:元" or "单位:万元(“上年决算数”栏为亿元)" over the table, or
    "注:本年决算数单位为万元,上年决算数单位为亿元" under it — each column's bare cells in its own unit, not all in
    the last one named; a column that states none, in the unit the table's own note states ("单位:万元" over
    "本年决算数 | 上年决算数(亿元)": 本年 in 万元).  Empty when no two columns name different units."""
    notes, named = {}, []
    for m in _COLUMN_UNIT_NOTE.finditer(context + "\n" + under):  # (the column's name the longest end of the words before 单位)
        role = next((role_of(m.group(1)[k:]) for k in range(len(m.group(1)) - 1) if role_of(m.group(1)[k:])), None)
        if role:
            notes[role] = m.group(2)
            named.append((m.group(1), m.group(2)))
    roles = [c.role for c in header.columns]
    by_name: dict[str, str] = {}  # (each note to the column whose whole name ends its words: the longest that does)
    for words, u in named:
        ends = [(len(clean(c.name)), key) for c, key in zip(header.columns, header.keys)
                if key is not None and len(clean(c.name)) >= 2 and words.endswith(clean(c.name))]
        if ends:
            by_name[max(ends)[1]] = u
    units: dict[str, str] = {}
    unstated = []
    for c, key in zip(header.columns, header.keys):
        if key is None or c.role in {"rate", "score_rate", "change_rate", "share", "weight", "score", "deduction"}:
            continue
        m = _UNIT_GLOSS.search(c.name)
        # (a note names the column by its name — "本年决算数单位为万元,上年决算数单位为亿元", two columns of one role — or
        # by its role when no other column is of it)
        unit = (m.group(1) or m.group(2)) if m else by_name.get(key) or (
            notes.get(c.role) if roles.count(c.role) == 1 else None)
        if unit:
            units[key] = unit
        else:
            unstated.append(key)
    if units and unstated:
        table = _last_match(_TABLE_UNIT_NOTE, context)
        if table is not None:
            units.update({key: table.group(1) for key in unstated})
    return units if len(set(units.values())) > 1 else {}


def _last_match(pattern, text: str):
    """The last match of `pattern` in `text` (the note nearest the table over it), None if none."""
    last = None
    for last in pattern.finditer(text):
        pass
    return last


def _note_under(text: str, end: int) -> str:
    """The note right under a table ("注:本年决算数单位为万元…"): its first line after the last row, if it is one."""
    after = text[end:end + 200].lstrip(" \t|")
    line = after.lstrip("\n").split("\n", 1)[0] if after.startswith("\n") else ""
    return line if _NOTE_START.match(line.strip()) else ""


_NOTE_START = lazyre.compile(r"^(?:注|说明|备注)")
# "预算数单位:新台币千元;决算数单位:新台币元", "“上年决算数”栏为亿元", "上年决算数单位为亿元": the unit of each column a
# note names
_COLUMN_UNIT_NOTE = lazyre.compile(r"([\u4e00-\u9fff]{2,8}?)[\"“”'‘’」]?\s*(?:单位\s*(?:[:：]|为|是)|[栏列](?:单位)?\s*(?:[:：]|为|是))"
                                   r"\s*(?:新台币|人民币)?\s*(亿元|万元|千元|元)")
# "单位:万元" over the table, of the table as a whole (not "决算数单位:元", a column's)
_TABLE_UNIT_NOTE = lazyre.compile(r"(?:(?<![\u4e00-\u9fff])|(?<=金额)|(?<=货币))单位\s*[:：]\s*(?:新台币|人民币)?\s*(亿元|万元|千元|元)")
# "预算数(千元)", "执行数（亿元）", "决算数 单位:元": a column's name with its unit
_UNIT_GLOSS = lazyre.compile(r"[(（]\s*(?:单位\s*[:：]\s*)?(?:新台币|人民币)?\s*(亿元|万元|千元|元)\s*[)）]"
                             r"|单位\s*[:：]\s*(?:新台币|人民币)?\s*(亿元|万元|千元|元)")


_UNIT_NOTE_BEFORE = lazyre.compile(r"单位\s*[:：]\s*(?:新台币|人民币)?\s*(亿元|万元|千元|元)")


_FRACTION = lazyre.compile(r"0\.\d+|1\.0*")


def _percent_of(text: str) -> str:
    """A rate cell without "%": "96.85" is 96.85 %, but "0.958" (or "1.00") is a fraction,
    95.8 % — no 执行率 is written as a number of percent below 1 with three decimals."""
    if _FRACTION.fullmatch(text):
        decimals = max(len(text.split(".")[1]) - 2, 0)
        return f"{Decimal(text) * 100:.{decimals}f}%"
    return text + "%"


_OWN_UNIT = lazyre.compile(r"[万元亿]$")


def cell_fact(piece: glued.Piece, role: str, header: str, row_label: str, money_unit: str,
              norm: Normalised, fact_id: int, vocab: Vocabulary) -> Fact:
    text = piece.text
    negative = _BRACKET_NEGATIVE.match(text)
    if negative:
        text = "-" + negative.group(1)  # ("(7,118)": −7,118)
    if role in {"rate", "score_rate"}:
        token_type, text = "PERCENT", text if text.endswith("%") else _percent_of(text)
    elif role in {"change_rate", "share"}:
        # (a 百分比 or 增减率 column writes small shares and changes as they are: "0.25" is 0.25 %)
        token_type, text = "PERCENT", text if text.endswith("%") else text + "%"
    elif role in {"weight", "score", "deduction"}:
        token_type, text = "SCORE", text.removesuffix("分") + "分"
    elif _OWN_UNIT.search(text):  # "150万": the cell carries its own unit
        token_type = "AMOUNT"
    else:
        token_type, text = "AMOUNT", text + money_unit
    fig = read_figure(token_type, text)
    line, column = norm.line_col(piece.start)
    named = clean(header)  # ("上 年 度 預 算 數": a name spaced out to its column's width)
    year = column_year(named)
    period = year or ("previous" if _LAST_YEAR.search(named) else None)
    return Fact.from_fields({  # (every field in order: a record a cell, made without matching keywords)
        "id": fact_id, "kind": fig.kind, "value": fig.value, "unit": fig.unit, "written_unit": fig.written_unit,
        "scale": fig.scale, "decimals": fig.decimals, "approximate": False, "about": False,
        "text": norm.original[piece.start:piece.end],
        "span": Span.from_fields({"start": piece.start, "end": piece.end, "line": line, "column": column}),
        "label": f"{row_label}{header}", "concept": _CHANGE_CONCEPT.get(role) or _row_concept(row_label, vocab),
        "period": period, "scenario": _SCENARIO.get(role), "fund": None, "window": 0, "sentence": 0,
        "in_table": True, "exact": role == "weight",
    })


def column_year(named: str) -> str | None:
    """The year a column's (cleaned) name is of: "2023年决算数" 2023, "113年度決算數" 113 (Taiwan's years count from
    1912: compared with another column's of the same count, the later year is the larger); None when it names none."""
    year = YEAR_SAID.search(named) or _ROC_YEAR.search(named)
    return year.group(1) if year else None


# a column of a year Taiwan counts ("112年度決算數 | 113年度決算數 | 比較增減(113-112)"): the years' order is the columns'
_ROC_YEAR = lazyre.compile(r"(?<![\d.])(1[0-4]\d)\s*年度?(?!\d)")
# "上年决算数" is last year's figure; "上年结转" is money carried over into this year
_LAST_YEAR = lazyre.compile(r"(?:上年|上一年|去年|上次)(?!度?结转|度?结余)")
# a change column's cells are changes, not figures of the row's subject
_CHANGE_CONCEPT = {"change": "增减额", "change_rate": "增减率"}


def _row_concept(row_label: str, vocab: Vocabulary) -> str | None:
    """A row the vocabulary knows ("公务用车购置及运行维护费") takes its concept; any other
    row is known by its label."""
    if not row_label:
        return None
    info = read_label(row_label, vocab)
    return info.concept if info.known else row_label


# --------------------------------------------------------------- indicator rows
_PLAIN = lazyre.compile(r"^\d{1,3}(?:\.\d{1,2})?(?:分)?$")


def _plain(cell: Cell) -> bool:
    return not cell.is_mark and bool(_PLAIN.match(cell_text(cell))) and \
        Decimal(cell_text(cell).removesuffix("分")) <= 100


def read_indicator_rows(cells: list[Cell], header: Header, norm: Normalised, vocab: Vocabulary,
                        first_id: int) -> Read | None:
    """Indicator rows, each found by its 分值 and 得分: the last two numbers before words."""
    roles = [r for r in header.roles if r is not None]
    if roles[:4] == ["weight", "target", "achieved", "score"]:
        return _weight_first_rows(cells, header, norm, vocab, first_id)
    # a 完成率 column between 实际完成值 and 分值 ("年度指标值 | 实际完成值 | 完成率 | 分值 | 得分"): each row's cell there
    # is passed over — it is 完成值 ÷ 指标值, no 完成值 (a 满意度 row's 104.67% is no satisfaction rate), and no 分值
    # a 实际值 column with no 指标值 before it ("三级指标 | 实际值 | 分值 | 得分", a section of a 部门整体 table): each row's
    # cell there is its 完成值 alone, 分值 and 得分 after it as in a full row
    targetless = roles[:3] == ["achieved", "weight", "score"]
    if targetless:
        roles = ["target", *roles]
    between = len(list(takewhile(lambda role: role == "rate", roles[2:]))) if roles[:2] == ["target", "achieved"] else 0
    roles = roles[:2] + roles[2 + between:]
    if roles[:4] != ["target", "achieved", "weight", "score"]:
        return None
    # figure columns after 得分 ("分值 | 得分 | 扣分", "得分 | 上年得分"): each row's 分值 and 得分 stand that many
    # numbers before its end, not last; a second score column among them ("分值 | 自评得分 | 复核得分") is read as the
    # row's score#2 (it adds up to its own total), the others passed over
    trailing = len(roles) - 4
    trailing_keys = [key for key in header.keys if key is not None][-trailing:] if trailing else []
    # an unnamed column between 分值 and 得分 ("分值 |  | 自评得分", a 执行率 column of the funds block above the
    # indicator rows, blank in theirs): a row's empty cell there is passed over, not its end
    gap = _unnamed_between(header, "weight", "score")
    unit_column = any(_UNIT_COLUMN.match(clean(n)) for n in header.notes if n)
    rows: list[TableRow] = []
    facts: list[Fact] = []
    pending: list[Cell] = []
    complete = True
    k = header.after
    end = k
    paged = False  # a page break since the last row (a header after it is the table's, repeated)
    while k < len(cells):
        c = cells[k]
        paged = paged or c.kind == PAGE
        if c.kind == BREAK:
            if any(not is_empty(p) for p in pending):
                complete = False  # a row with no 分值 / 得分 of its own
            pending = []
            k += 1
            continue
        if c.is_mark:
            k += 1
            continue
        if not pending and _row_number(cells, k, header):
            # ("| 1 | 产出 | 数量 | … | 15 | 15 | ⏎ | 2 | 产出 | …": under 序号, the number that opens a row's line is its
            # number, a word of the row — not the 得分 of the row before, whose 分值 and 得分 end its line)
            pending.append(c)
            k += 1
            continue
        nxt = _next_cell(cells, k)
        totals = _plain(c) and pending and all(_score_total_label(p.text) for p in pending if p.text)
        if totals or gap and _plain(c) and nxt is not None and not cells[nxt].text:
            nxt = _next_filled_in_row(cells, k)  # "总分 | | | | 100 | | 90.50": the empty cells hold no figure
        after = _next_cell(cells, nxt) if nxt is not None else None
        extra, last = 0, nxt
        more: dict[str, Cell] = {}
        while extra < trailing and after is not None and _plain(cells[after]) and not _row_number(cells, after, header):
            if trailing_keys[extra].startswith("score#") or trailing_keys[extra] == "deduction":
                more[trailing_keys[extra]] = cells[after]
            extra, last = extra + 1, after  # (the row's 扣分 / 上年得分: passed over)
            after = _next_cell(cells, after)
        if _plain(c) and nxt is not None and _plain(cells[nxt]) \
                and (after is None or not _plain(cells[after]) or _row_number(cells, after, header)) \
                and extra in (0, trailing) and (not between or totals or _rates_end(pending, between)):
            # (with a 完成率 column, "45 | 41 | 91.11%" are 指标值 and 完成值: 分值 and 得分 follow the percent; a 合计
            # row has none)
            if len(pending) >= 2 and _plain(pending[-1]) and _plain(pending[-2]) and not (
                    unit_column and len(pending) >= 3 and not _plain(pending[-3])):
                # four numbers in a row: 指标值, 完成值, 分值, 得分 — or two rows' ends (not under a 单位 column, whose
                # rows write their 指标值 and 完成值 without a unit: "验收合格率 | % | 100 | 100 | 10 | 10")
                complete = False
                if _plain(pending[-3]) if len(pending) >= 3 else False:
                    pending = []
                    k = nxt + 1
                    continue
            whole = [p.line for p in pending if p.line < c.line and _ROW_KEPT_WHOLE.search(p.text)]
            kept = _rows_with_their_reasons(pending, whole, header, norm, vocab, first_id + len(facts), unit_column)
            if kept:
                # (rows whose text column after 得分 holds their reason, "数量指标 入住老人 ≥300人 288人 10 9.6 少12人，
                # 按比例扣0.4分", each kept as one cell: read by their words, the names before each its own)
                for kept_row, kept_facts in kept:
                    rows.append(kept_row)
                    facts.extend(kept_facts)
                pending = [p for p in pending if p.line > max(whole)]
            elif whole:
                # (a line above kept as one cell that ends like a row of its own, "时效指标 完工及时率 100% 92% 10 9.2
                # 2处游园…推迟开工": a row not placed — and none of this row's names)
                complete = False
                pending = [p for p in pending if p.line > max(whole)]
            row = _indicator_row(_without_rates(pending, between), c, cells[nxt], norm, vocab, first_id + len(facts),
                                 rate=_rate_cell(pending, between), more=more if extra == trailing else {},
                                 unit_column=unit_column, targetless=targetless)
            pending = []
            k = last + 1
            if row is None:
                complete = False
                continue
            table_row, row_facts = row
            grade = _next_cell(cells, nxt)
            if table_row.is_total and grade is not None and clean(cells[grade].text) in GRADE_WORDS:
                # "总分 | 100 | 96 | 优": the grade the table gives its total
                g = cells[grade]
                table_row = table_row.model_copy(update={"texts": {**table_row.texts, "grade": g.text},
                                                         "grade_span": (g.start, g.end)})
                k = grade + 1
            rows.append(table_row)
            facts.extend(row_facts)
            end = k
            paged = False
            if _closes_table(table_row):
                break
            continue
        again = find_header(cells, k) if rows else None
        if again is not None and _funds_row_names(cells, k, again):
            again = None  # ("| 预算执行 | 预算执行率 | 预算执行率 | 100% | 96.84% | 10 | 9.68 |": the funds row's names)
        if again is not None and _same_header(again, header) and (not pending or paged):
            k = again.after  # the header again, after a page break: the rows read on
            pending = []  # (the text cells of the row before it: a reason, no row's figures)
            continue
        if again is not None and not pending:
            break  # another table starts
        # (with nothing pending, `nxt` is the cell after c)
        if not rows and not pending and _subheader(c) \
                and not (nxt is not None and _is_value(cells[nxt].text) and role_of(c.text) == "rate"):
            k += 1  # "指标性质 | 指标值 | 度量单位": the header's second line (not "预算执行率 | 100% | 90.90% | 10 | 9.09")
            continue
        if sum(1 for p in pending if p.text) > 8:
            break  # too many words for one row: the indicator rows ended
        if c.text:
            pending.append(c)
        k += 1
    if not rows:
        return None
    return Read(rows, facts, end, complete)


_SERIAL_NUMBER = lazyre.compile(r"\d{1,3}")
# a score table's total or subtotal row under other names: "绩效指标小计", "产出指标小计" (a level's or the indicators'
# subtotal), "总分（含资金执行）" (a total with a note of what it holds)
# figures run together inside a label cell: a run of digits with two decimal points or a "%" between digits
_RUN_IN_LABEL = lazyre.compile(r"\d[\d,]*\.\d+[\d,]*\.\d|\d[\d.,]*%[\d.,]*\d")
_NAMED_SUBTOTAL = lazyre.compile(r"[\u4e00-\u9fff]{1,8}小计[:：]?")
_TOTAL_NOTE = lazyre.compile(r"[(（][^()（）]{1,12}[)）]$")


def _closes_table(row: TableRow) -> bool:
    """A total row ends the score table; a level's 小计 closes its rows, not the table ("小计 | | | | | 50 | 48.5",
    "绩效指标小计 | … | 90 | 88.33")."""
    return row.is_total and not SUBTOTAL_ROW.match(row.label) and not _NAMED_SUBTOTAL.fullmatch(row.label)


def _score_total_label(text: str) -> bool:
    """A label of a score table's total row: TOTAL_ROW's, a named 小计, or either with a bracketed note after it."""
    label = clean(text)
    if TOTAL_ROW.match(label) or _NAMED_SUBTOTAL.fullmatch(label):
        return True
    bare = _TOTAL_NOTE.sub("", label)
    return bare != label and bool(TOTAL_ROW.match(bare) or _NAMED_SUBTOTAL.fullmatch(bare))


def _row_number(cells: list[Cell], k: int, header: Header) -> bool:
    """Cell k is a row's number under the header's 序号: a small whole number that opens its line ("| 1 | 产出 | …")."""
    if not header.serial or not _SERIAL_NUMBER.fullmatch(cells[k].text.strip()):
        return False
    before = cells[k - 1] if k > header.after else None
    return before is None or before.is_mark or before.line < cells[k].line


_UNIT_COLUMN = lazyre.compile(r"^(?:计量|度量|指标)?单位$")  # (a label column of each indicator's unit)
# a cell under it: "%", "艘", "万立方米", "元/人"
_UNIT_WORD_CELL = lazyre.compile(r"^(?:%|‰|[万亿千百]?(?:元|吨|人次|人|户|公顷|亩|只|头|千瓦时|千瓦|平方米|立方米|公里|米|个|千克|"
                                 r"公斤|艘|起|家|项|次|天|日|月|年|辆|台|套|所|座|名|条|篇|期|批|场|份|件|株|棵|册|处|间|张|床|"
                                 r"分|小时|例|块|门|支)(?:/[\u4e00-\u9fff]{1,2})?)$")


def _unnamed_between(header: Header, first: str, second: str) -> bool:
    """The header has a column of no name between its `first` and `second` roles' columns."""
    roles = header.roles
    if first not in roles or second not in roles:
        return False
    a, b = roles.index(first), roles.index(second)
    return any(not clean(c.name) and c.role is None for c in header.columns[a + 1:b])


def _funds_row_names(cells: list[Cell], k: int, again: Header) -> bool:
    """A "header" whose every name is the funds row's ("预算执行 | 预算执行率 | 预算执行率", its 一级, 二级 and 三级 cells,
    columns named 执行率 elsewhere): the indicator table's funds row, its figures after it — no other table's header."""
    names = [c for c in cells[k:again.after] if not c.is_mark and c.text]
    # (its 三级 cell may say the row's money in words: "预算执行（10分） | 预算执行率 | 全年预算542.4万元，执行542.4万元 |
    # 100% | …" — a cell stating an amount names no column)
    return bool(names) and _FUNDS_ROW_NAME.fullmatch(clean(names[0].text)) is not None \
        and all(_FUNDS_ROW_NAME.fullmatch(clean(c.text)) or _AMOUNT_SAID.search(c.text) for c in names)


_AMOUNT_SAID = lazyre.compile(r"\d(?:[\d,]*\d)?(?:\.\d+)?\s*(?:万元|亿元|元)")


# a line kept as one cell that ends like an indicator row: two plain numbers (its 分值 and 得分), words after them or none
_ROW_KEPT_WHOLE = lazyre.compile(r"\s\d+(?:\.\d+)?\s+\d+(?:\.\d+)?(?:\s+\S[^\n]*)?$")
# … its 分值 and 得分, then one word of reason (the text column after 得分: "少12人，按比例扣0.4分")
_ROW_WITH_REASON = lazyre.compile(r"^(?P<words>.*\S)\s+(?P<weight>\d+(?:\.\d+)?)\s+(?P<score>\d+(?:\.\d+)?)"
                                  r"\s+(?P<reason>[^\s\d][^\s]*|\d+[^\s\d.%][^\s]*)$")


def _rows_with_their_reasons(pending: list[Cell], whole: list[int], header: Header, norm: Normalised,
                             vocab: Vocabulary, first_id: int, unit_column: bool) -> list[tuple[TableRow, list[Fact]]]:
    """The lines above kept as one cell each, rows that end in their 分值, 得分 and a reason of one word, under a header
    whose last column is a text one (偏差原因): those rows, each read by the words of its line (its 年度指标值 and 实际
    完成值 the last two before the figures) and the names pending above it — all of them, or none."""
    if not whole or not header.trailing_text or header.roles[-1 - header.trailing_text] != "score":
        return []
    out: list[tuple[TableRow, list[Fact]]] = []
    since = 0
    for line in sorted(whole):
        at = next(n for n, p in enumerate(pending) if p.line == line and _ROW_KEPT_WHOLE.search(p.text))
        cell = pending[at]
        m = _ROW_WITH_REASON.match(cell.text)
        if m is None or not _plain(Cell(m.group("weight"), 0, 0, 0)) or not _plain(Cell(m.group("score"), 0, 0, 0)):
            return []
        words = _spaced_words([Cell(m.group("words"), cell.start, cell.start + m.end("words"), cell.line)])
        weight = Cell(m.group("weight"), cell.start + m.start("weight"), cell.start + m.end("weight"), cell.line)
        score = Cell(m.group("score"), cell.start + m.start("score"), cell.start + m.end("score"), cell.line)
        row = _indicator_row([*pending[since:at], *words], weight, score, norm, vocab,
                             first_id + sum(len(f) for _, f in out), unit_column=unit_column)
        if row is None:
            return []
        out.append(row)
        since = at + 1
    return out


def _rates_end(pending: list[Cell], between: int) -> bool:
    """A row's cells before its 分值 end in `between` percents (its 完成率 cells), words before them."""
    filled = [c for c in pending if c.text]
    return len(filled) > between and all(_PERCENT_CELL.match(cell_text(c)) for c in filled[-between:])


def _without_rates(pending: list[Cell], between: int) -> list[Cell]:
    """A row's cells before its 分值 without its last `between` (the 完成率 cells, each a percent)."""
    if not between or not _rates_end(pending, between):
        return pending  # (a 合计 row: no 完成率)
    filled = [n for n, c in enumerate(pending) if c.text]
    return pending[:filled[-between]]


def _rate_cell(pending: list[Cell], between: int) -> Cell | None:
    """The one 完成率 cell of a row ("45 | 41 | 91.11% | 15 | 13.67"), when the table has one such column."""
    if between != 1 or not _rates_end(pending, between):
        return None
    return [c for c in pending if c.text][-1]


_PERCENT_CELL = lazyre.compile(r"^\d{1,4}(?:\.\d+)?%$")


def _weight_first_rows(cells: list[Cell], header: Header, norm: Normalised, vocab: Vocabulary,
                       first_id: int) -> Read | None:
    """Indicator rows whose 分值 comes before 指标值 and 完成值 ("三级指标 | 分值 | 年度指标值 |
    全年实际值 | 得分"), one row a line: a row is found by its 分值 and 得分, three cells apart.
    A line that is no such row (a 其中 line under an indicator, a level name) is passed over."""
    rows: list[TableRow] = []
    facts: list[Fact] = []
    k = header.after
    end = k
    line: list[Cell] = []
    levels: list[Cell] = []
    while k <= len(cells):
        c = cells[k] if k < len(cells) else None
        if c is not None and not c.is_mark:
            if rows and not line:
                again = find_header(cells, k)
                if again is not None and _same_header(again, header):
                    k = again.after  # the header again, after a page break: the rows read on
                    continue
                if again is not None:
                    break  # another table starts
            line.append(c)
            k += 1
            continue
        named = [x for x in line if x.text]
        while line and not line[-1].text:
            line.pop()  # the empty cells of the text columns at the end
        at = max((n for n, x in enumerate(line) if _plain(x)), default=None)
        if at is not None and at >= 4 and _plain(line[at - 3]) and any(x.text for x in line[:at - 3]):
            row = _indicator_row(levels + [x for x in line[:at - 3] if x.text] + line[at - 2:at], line[at - 3],
                                 line[at], norm, vocab, first_id + len(facts))
            levels = []
            if row is not None:
                rows.append(row[0])
                facts.extend(row[1])
                end = k
                if _closes_table(row[0]):
                    break
        elif len(named) > 8:
            break  # too many words for one row: the table ended
        else:  # "产 出 指 标 (50分)" on a line of its own: the level of the rows after it
            levels += [x for x in named if LEVEL_WEIGHT.match(clean(x.text))]
        line = []
        if c is None:
            break
        k += 1
    if not rows:
        return None
    return Read(rows, facts, end, False)


def spaced_indicator_rows(cells: list[Cell], header: Header, read: Read | None, norm: Normalised,
                          vocab: Vocabulary, first_id: int) -> tuple[Read, int] | None:
    """Indicator rows below the run of cells their header (and first rows) stand in: rows set
    one a line with single spaces between their cells, whose long cells (a target written as a
    sentence, "本着节约的原则,控制在预算中。") read as prose and cut the run.  A line that ends
    with two plain numbers is a row, its 分值 and 得分 (a text column after 得分 may follow
    them, as its header names it); its words, split at the spaces, with those of the lines above
    it since the last row, are its names, 指标值 and 完成值.  Returns the rows read in the run and
    below it, and the last line read."""
    done = read.rows if read is not None else []
    after = read.end if read is not None else header.after
    if (done and _closes_table(done[-1])) or any(c.text for c in cells[after:] if not c.is_mark
                                            and not (read is None and _subheader(c))):
        return None  # the run goes on past its rows: they were not cut by a long cell
    last_cell = max((c for c in cells if not c.is_mark), key=lambda c: c.end)  # more rows start on the next line
    rows, facts, last = _rows_below(norm, last_cell, header.roles[-1] is None, vocab,
                                    first_id + (len(read.facts) if read is not None else 0))
    if not rows:
        return None
    return Read([*done, *rows], [*(read.facts if read is not None else []), *facts], len(cells), False), last


def _rows_below(norm: Normalised, above: Cell, trailing_text: bool, vocab: Vocabulary,
                first_id: int) -> tuple[list[TableRow], list[Fact], int]:
    text = norm.text
    line = above.line
    pos = text.find("\n", above.end) + 1
    if pos == 0:
        return [], [], line
    rows: list[TableRow] = []
    facts: list[Fact] = []
    pending: list[Cell] = []
    last = line
    for index in range(line + 1, line + 1 + _MAX_SPACED_LINES):
        if pos > len(text):
            break
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        words = [w for w in _spaced_words([Cell(text[pos:end], pos, end, index)]) if w.text]
        pos = end + 1
        if not words:
            continue
        at = len(words) - 1
        if trailing_text:
            while at >= 0 and not _plain(words[at]) and not _HAS_DIGIT.search(words[at].text):
                at -= 1  # the reasons column after 得分
        if at >= 1 and _plain(words[at]) and _plain(words[at - 1]):
            row = _indicator_row(pending + words[:at - 1], words[at - 1], words[at], norm, vocab, first_id + len(facts))
            pending = []
            last = index
            if row is not None:
                rows.append(row[0])
                facts.extend(row[1])
                if _closes_table(row[0]):
                    break
            continue
        pending.extend(words)
        if len(pending) > _MAX_SPACED_WORDS:
            break  # prose: the table ended
    return rows, facts, last


_HAS_DIGIT = lazyre.compile(r"\d")
_MAX_SPACED_LINES = 80
_MAX_SPACED_WORDS = 12


_SUBHEADER = lazyre.compile(r"^(?:指标性质|度量单位|计量单位|单位|指标方向|权重)$")


def _subheader(cell: Cell) -> bool:
    name = clean(cell.text)
    return bool(LEVEL_COLUMN.match(name) or role_of(cell.text) or _SUBHEADER.match(name))


_COMPARATOR = lazyre.compile(r"^(?:≥|>=|≧|≤|<=|≦|>|<|=|═|大于等于|小于等于|不低于|不高于|不少于|不超过)$")
_UNIT_WORD = lazyre.compile(r"^(?:%|[\u4e00-\u9fff]{1,3})$")


def _target_cells(cells: list[Cell]) -> list[Cell]:
    """The cells of 年度指标值, right before 实际完成值: one cell, or a value a table split
    into comparator, number and unit ("≧ | 100 | %")."""
    if len(cells) >= 2 and _UNIT_WORD.match(cells[-1].text) and re.fullmatch(r"\d+(?:\.\d+)?", cells[-2].text):
        out = cells[-2:]
        if len(cells) >= 3 and _COMPARATOR.match(cells[-3].text):
            out = cells[-3:]
        return out
    return cells[-1:]


def _next_cell(cells: list[Cell], k: int) -> int | None:
    """The next cell on from k, across the end of a line (not across a row break)."""
    j = k + 1
    while j < len(cells) and cells[j].kind == EOL:
        j += 1
    if j >= len(cells) or cells[j].is_mark:
        return None
    return j


def _next_filled_in_row(cells: list[Cell], k: int) -> int | None:
    """The next cell on from k holding a figure or a word, skipping a row's empty cells (not past its end)."""
    j = k + 1
    while j < len(cells) and cells[j].kind == CELL and not cells[j].text:
        j += 1
    if j >= len(cells) or cells[j].kind != CELL:
        return None
    return j


def _spaced_words(pending: list[Cell]) -> list[Cell]:
    """A row's words the layout left in one cell, one word per cell: the label words, then
    指标值 and 完成值 (each written without a space, as a value usually is)."""
    out: list[Cell] = []
    for c in pending:
        if not c.text or c.source is not None:
            out.append(c)
            continue
        out.extend(Cell(m.group(), c.start + m.start(), c.start + m.end(), c.line) for m in _WORD.finditer(c.text))
    return out


_WORD = lazyre.compile(r"\S+")


def _indicator_row(pending: list[Cell], weight: Cell, score: Cell, norm: Normalised,
                   vocab: Vocabulary, first_id: int, rate: Cell | None = None,
                   more: dict[str, Cell] | None = None,
                   unit_column: bool = False, targetless: bool = False) -> tuple[TableRow, list[Fact]] | None:
    words = [c for c in pending if c.text]
    target_cells: list[Cell] = []
    total = any(_score_total_label(c.text) for c in words)
    if total:
        labels, target, achieved = [c for c in words if _score_total_label(c.text)], None, None
    elif words and len(words) <= 2 and _FUNDS_ROW_NAME.fullmatch(clean(words[-1].text)):
        # ("预算执行率 | | | | 10 | 8.86": the funds row, no 指标值 of its own; a word before it is the row above's reason)
        labels, target, achieved = words[-1:], None, None
    elif targetless:
        # (no 指标值 column: the cell before 分值 is the 完成值, the words before it the row's names)
        if len(words) < 2:
            return None
        achieved, target = words[-1], None
        labels = words[:-1]
        if clean(achieved.text).endswith("指标"):
            return None
    else:
        if len([c for c in pending if c.text]) < 3:
            pending = _spaced_words(pending)  # "修缮建筑面积 6000平方米 6000平方米 | 7 | 7"
        if len(pending) < 3:
            return None  # no room for 指标值 and 完成值: not a row we can place
        achieved = pending[-1]
        target_cells = _target_cells(pending[:-1])
        target = Cell("".join(c.text for c in target_cells), target_cells[0].start, target_cells[-1].end,
                      target_cells[0].line)
        labels = [c for c in pending[:-1 - len(target_cells)] if c.text]
        if not labels or clean(achieved.text).endswith("指标") or clean(target.text).endswith("指标"):
            return None
    if unit_column and labels and not total:
        # (the last label word the 单位 column's, "渔港清淤 | 万立方米": no name of the row)
        head, _, tail = labels[-1].text.rstrip().rpartition(" ")
        if head.strip() and _UNIT_WORD_CELL.match(tail):
            labels = [*labels[:-1], Cell(head.rstrip(), labels[-1].start, labels[-1].start + len(head.rstrip()),
                                         labels[-1].line)]
        elif len(labels) > 1 and _UNIT_WORD_CELL.match(clean(labels[-1].text)):
            labels = labels[:-1]
    named = [c for c in labels if len(re.findall(r"[\u4e00-\u9fff]", c.text)) >= 2]
    label = clean((named or labels)[-1].text)
    facts = []
    row_cells = {}
    for role, cell in (("weight", weight), ("score", score), *(more or {}).items()):
        text = cell_text(cell)
        piece = glued.Piece(text, cell.start, cell.start + len(text))
        fact = cell_fact(piece, glued.base_role(role), glued.base_role(role), label, "万元", norm,
                         first_id + len(facts), vocab)
        facts.append(fact)
        row_cells[role] = fact
    via: tuple[str, ...] = ()
    levels = [c for c in labels if c.source is None and LEVEL_WEIGHT.match(clean(c.text))]
    if len(levels) == 1 and not total:  # "产出指标(50分)": the weight of this row and the rows after it
        m = _LEVEL_FIGURE.search(levels[0].text)
        piece = glued.Piece(m.group(), levels[0].start + m.start(), levels[0].start + m.end())
        name = LEVEL_WEIGHT.match(clean(levels[0].text)).group("name")
        fact = cell_fact(piece, "weight", "分值", name, "万元", norm, first_id + len(facts), vocab)
        facts.insert(0, fact)
        facts = [f.model_copy(update={"id": first_id + n}) for n, f in enumerate(facts)]
        row_cells = {"level": facts[0], **{key: f for key, f in zip(row_cells, facts[1:])}}
    elif len(levels) > 1:
        via = ("levels nested in one row",)
    texts = {}
    completion = None
    if target is not None and achieved is not None:
        texts = {"target": target.text, "achieved": achieved.text}
        if rate is not None:
            completion = _completion(rate, target_cells, achieved, label, norm)
    first = labels[0]
    line, column = norm.line_col(first.start)
    row = TableRow.model_construct(
        label=label, cells=row_cells, is_total=total, labels=tuple(c.text for c in labels), texts=texts,
        dashed=(), part_of=None, via=via, completion=completion,
        span=Span.model_construct(start=first.start, end=score.end, line=line, column=column))
    return row, facts


_FUNDS_ROW_NAME = lazyre.compile(r"(?:预算|资金)执行(?:率|情况)?(?:得分)?(?:\(\d+(?:\.\d+)?分\))?")

# a quantitative 年度指标值 or 实际完成值 cell: a comparator, a number, its unit ("≥95%", "2,400", "≤1.5万元", "46.8公里")
_QUANTITY_CELL = lazyre.compile(r"^(?P<op>≥|>=|≧|大于等于|不低于|不少于|≤|<=|≦|小于等于|不高于|不超过|不多于|=|＝)?\s*"
                                r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(?P<unit>%|[\u4e00-\u9fff]{0,4})$")


_DATE_UNIT = lazyre.compile(r"^(?:年|年底|年末|月|月底|月末|月前|日|日前|号)$")


def _completion(rate: Cell, target_cells: list[Cell], achieved: Cell, label: str,
                norm: Normalised) -> tuple[Fact, Fact, Fact] | None:
    """(完成率, 年度指标值, 实际完成值) of an indicator row as figures, when both values are quantities of one unit
    ("45 | 41 | 91.11%", "≥95% | 97.3% | 102.42%", "≤8个月 | 8.5个月 | 94.12%"); None for a value in words (是, 完成,
    达标), a date, or two units.  The figures are no facts of the document (a 满意度 row's 104.67% is no satisfaction
    rate, its 年度指标值 90 no satisfaction either): only the row's 完成率 relation uses them.  Their ids are negative,
    apart from every fact's: -(1 + where the cell starts)."""
    joined = "".join(c.text for c in target_cells).replace(" ", "")
    t, a = _QUANTITY_CELL.match(joined), _QUANTITY_CELL.match(achieved.text.strip())
    if t is None or a is None or a.group("op") or t.group("unit") != a.group("unit"):
        return None
    unit = t.group("unit")
    if _DATE_UNIT.search(unit):
        return None  # ("2023年12月", "12月底": a date, no quantity)
    number = next((c for c in target_cells if re.search(r"\d", c.text)), None)
    if number is None:
        return None
    out = []
    for cell, m, role in ((rate, _PERCENT_CELL.match(rate.text.strip()), "完成率"), (number, t, "年度指标值"),
                          (achieved, a, "实际完成值")):
        if m is None:
            return None
        if role == "完成率":
            written, figure = m.group(), m.group()
            where = cell.start + cell.text.find(written)
        else:
            num = m.group("num")
            where = cell.start + cell.text.find(num)
            # (the unit written in the cell, right after the number: "46.8公里"; a 单位 column's is elsewhere)
            written = num + unit if cell.text[cell.text.find(num) + len(num):].startswith(unit) else num
            figure = num + unit
        kind = "PERCENT" if role == "完成率" or unit == "%" else "AMOUNT" if unit.endswith("元") else "COUNT"
        fig = read_figure(kind, figure)
        end = where + len(written)
        line, column = norm.line_col(where)
        out.append(Fact.from_fields({
            "id": -1 - where, "kind": fig.kind, "value": fig.value, "unit": fig.unit, "written_unit": fig.written_unit,
            "scale": fig.scale, "decimals": fig.decimals, "approximate": False, "about": False,
            "text": norm.original[where:end],
            "span": Span.from_fields({"start": where, "end": end, "line": line, "column": column}),
            "label": f"{label}{role}", "concept": None, "period": None, "scenario": None, "fund": None, "window": 0,
            "sentence": 0, "in_table": True,
            "exact": fig.kind == "count" and fig.scale == 1 and fig.decimals == 0,  # (a count, as in prose)
        }))
    return tuple(out)


# ------------------------------------------------------------------ the tables
def read_run(cells: list[Cell], norm: Normalised, vocab: Vocabulary, first_id: int,
             layout: str) -> list[tuple[ScoreTable, list[Fact], tuple[int, int]]]:
    """Every table in one run of cells: (table, its facts, (first, last) line)."""
    cells = [c for c in join_spaced_stacked_header(expand_glued_headers(cells), norm.text)
             if c.kind != CELL or c.text[:1] not in PAGE_MARK_FIRST or not PAGE_MARK.match(c.text)]
    # where a header could start: a column word before the next figure (most cells have none)
    role_ahead = [False] * (len(cells) + 1)
    for n in range(len(cells) - 1, -1, -1):
        c = cells[n]
        if c.kind != CELL or not c.text:
            role_ahead[n] = role_ahead[n + 1]
        elif is_value(c):
            role_ahead[n] = in_year_run(cells, n)  # (a run of bare years: a statistics table's year columns)
        else:
            nxt = cells[n + 1].text if n + 1 < len(cells) else ""
            role_ahead[n] = role_ahead[n + 1] or bool(role_of(c.text)) or (
                len(c.text) <= 3 and bool(role_of(c.text + nxt)))
    out = []
    i = 0
    while i < len(cells):
        header = find_header(cells, i) if role_ahead[i] else None
        if header is None or (layout == "line" and not _named_exactly(header)):
            i += 1
            continue
        context = norm.text[max(0, cells[header.first].start - 300): cells[header.after - 1].end]
        fid = first_id + sum(len(f) for _, f, _ in out)
        spaced_last = None
        if header.kind == "indicators":
            read = read_indicator_rows(cells, header, norm, vocab, fid)
            if layout == "cells":
                spaced = spaced_indicator_rows(cells, header, read, norm, vocab, fid)
                if spaced is not None:
                    read, spaced_last = spaced
            if layout == "line" and read is not None and not all(_NAMED.search(r.label) for r in read.rows):
                read = None  # a row with no name: the line's text is out of order (a PDF's cells scrambled)
        else:
            read = read_figure_rows(cells, header, norm, vocab, fid, context)
        if read is None or not read.rows:
            i = max(i + 1, header.after)  # not again from inside the same header
            continue
        head = cells[header.first]
        line, column = norm.line_col(head.start)
        table = ScoreTable.model_construct(
            columns=tuple(c.name for c in header.columns), rows=tuple(read.rows),
            span=Span.model_construct(start=head.start, end=read.rows[-1].span.end, line=line, column=column),
            kind=header.kind, layout=layout if spaced_last is None else "spaced",
            base=header.base() or _stated_base(norm.text[head.start:read.rows[-1].span.end + 600]),
            score_rule=header.score_rule() or stated_score_rule(norm.text), complete=read.complete,
            full_when_met=_full_when_met(norm.text) if header.kind == "indicators" else "",
            comparable=(*_comparable_note(norm.text, read.rows[-1].span.end, read.rows),
                        *_spans_named(norm.text, head.start, read.rows[-1].span.end, vocab)),
            averages=_of_averages(norm.text, head.start, cells[header.after - 1].end, vocab),
            # (a side read apart — sides_a_cell_a_line — heads its run alone: the other side's header above is none of it)
            two_sided=not _one_side(cells[max(0, header.first - 2):header.after + 2])
            and _two_sided(norm.text[max(0, head.start - 40):read.rows[0].span.start]))
        last_line = max(c.line for c in cells[header.first:max(read.end, header.after)] if not c.is_mark) \
            if read.end > header.first else head.line
        if spaced_last is not None:
            last_line = spaced_last
        out.append((table, read.facts, (head.line, last_line)))
        i = max(read.end, i + 1)
    return out


_NAMED = lazyre.compile(r"[\u4e00-\u9fff]{2}")
_BASE_RULE = lazyre.compile(r"执行率\s*=\s*[\u4e00-\u9fff()]{2,10}?\s*[/÷]\s*(?P<base>[\u4e00-\u9fff()]{2,10}?数)")


# the note under a table that says its changes are on a comparable basis ("注:表中增长率均按同口径计算", "说明:绝对数按现价
# 计算,增长速度按不变价格计算")
_COMPARABLE_NOTE = lazyre.compile(r"(?:增长|增幅|增减|比上年|同比)[^。\n]{0,12}(?:同口径|可比口径|可比价|不变价)|"
                                  r"(?:同口径|可比口径|可比价|不变价)[^。\n]{0,12}(?:增长|增幅|计算)")


_ON_YEAR_BEFORE_NOTE = lazyre.compile(r"(?:增速|增长|增幅|增减)[^。;\n]{0,12}(?:比上年|较上年|同比)")
YEAR_BEFORE_MARK = "^上年"  # (in a table's `comparable`: its changes are on the year before, as its note says)
BASE_YEAR_MARK = "^基期"  # (… its rates a year are reckoned from a base year the note names: "以2020年为基期计算")
_BASE_YEAR_NOTE = lazyre.compile(r"基期|基年")
_BRACKETS = lazyre.compile(r"\([^()]*\)")
_EVERY_ROW = lazyre.compile(r"表中|本表|上表|均按|均为|各")
# a note saying some rows' changes are differences, not rates ("…栏为比上年增减的绝对数", "为增减百分点")
_DIFFERENCE_NOTE = lazyre.compile(r"增减(?:的)?(?:绝对数|绝对值|百分点|千分点|量|数)|绝对数|百分点|差值")


SPAN_MARK = "^跨度"  # (in a table's `comparable`: its caption or note names a span of years by words — "“十四五”以来" —,
# or, followed by the year, a year it names: "注:年均增长为2020—2023年年均增长")
_NOTE_YEAR = lazyre.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")


def _spans_named(text: str, start: int, end: int, vocab: Vocabulary) -> tuple[str, ...]:
    """The spans of years the table's caption (the line or two right above its header, as _of_averages reads it) or
    the note right under it (注, 说明, 备注) name: SPAN_MARK for a span named by words (cue vague_span), SPAN_MARK and
    the year for each year named — so that a bare 年均增长 column over three years' columns or more is read over the
    span they show only when nothing near the table says another ("表1 “十四五”以来主要财政指标", "注:年均增长为
    2020—2023年年均增长")."""
    captions = [x.strip() for x in text[max(0, start - 200):start].split("\n")[-4:-1]]
    captions = [x for x in captions if x and not x.startswith("单位")][-2:]
    lines = [x for x in captions if x.startswith("表") or not x.endswith(("。", ":", "："))]
    lines += [x.strip() for x in text[end:end + 300].split("\n")[1:4]
              if x.strip().startswith(("注", "说明", "备注"))]
    vague = vocab.cue("vague_span")
    out = [SPAN_MARK] if any(vague.search(x) for x in lines) else []
    return (*out, *sorted({SPAN_MARK + y for x in lines for y in _NOTE_YEAR.findall(x)}))


def _comparable_note(text: str, end: int, rows) -> tuple[str, ...]:
    """A note right under the table (注: …, 表中…) saying its changes are on a comparable basis: the labels of the rows
    it names ("注:农林牧渔业总产值…增长速度按可比价格计算"), or ("*",) for every row when it names none; and, marked
    "Δ", the rows whose change it says is a difference, no rate ("…收入比栏为比上年增减的绝对数")."""
    for line in text[end:end + 300].split("\n")[1:4]:
        line = line.strip()
        if line and (line.startswith(("注", "说明", "备注")) or "表中" in line or "本表" in line or "上表" in line):
            # ("注:城乡居民收入比、恩格尔系数栏为比上年增减的绝对数": those rows' changes are differences, no rates)
            clauses = [c for c in re.split(r"[;。]", line) if _DIFFERENCE_NOTE.search(c)]
            differences = tuple("Δ" + r.label for r in rows for name in [_BRACKETS.sub("", UNIT_TAIL.sub("", r.label))]
                                if len(name) >= 2 and any(name in c or len(name) >= 5 and name[-4:] in c for c in clauses))
            # ("注:增速为2024年比上年增长": the change column is on the year before, whatever years the columns show)
            on_year_before = (YEAR_BEFORE_MARK,) if _ON_YEAR_BEFORE_NOTE.search(line) else ()
            if _BASE_YEAR_NOTE.search(line):
                on_year_before = (*on_year_before, BASE_YEAR_MARK)
            if not _COMPARABLE_NOTE.search(line):
                return (*differences, *on_year_before)
            if _EVERY_ROW.search(line):
                return ("*",)  # ("注:表中增长率均按同口径计算…其中税收收入…": every row's, whatever rows it names after)
            named = tuple(r.label for r in rows for name in [UNIT_TAIL.sub("", r.label)] if len(name) >= 2 and name in line)
            return (*named, *differences) if named else ("*",)
    return ()


# a header naming both sides of an account, each with its own figure column ("收入 | 执行数 | 支出 | 执行数"): a 收支平衡表
# whose two sides a reader of one label column takes for one list of rows
# (set one cell a line; side by side on one line, the two sides are read apart)
_TWO_SIDED = lazyre.compile(r"收入(?:项目)?([\u4e00-\u9fff]{2,6})支出(?:项目)?\1")
_SEPARATORS = lazyre.compile(r"[\s|]+")


def _one_side(cells: list[Cell]) -> bool:
    """A header naming 收入 or 支出, not both: one side of a 收支平衡表 read apart."""
    named = [clean(c.text) for c in cells if c.kind == CELL]
    income = any(x.startswith("收入") for x in named)
    spending = any(x.startswith("支出") for x in named)
    return income != spending


def _two_sided(header: str) -> bool:
    """The header names 收入 and 支出 on lines of their own, each followed by the same figure column."""
    at = header.find("收入")
    to = header.find("支出", max(at, 0))
    return 0 <= at < to and "\n" in header[at:to] and bool(_TWO_SIDED.search(_SEPARATORS.sub("", header)))


def _of_averages(text: str, start: int, end: int, vocab) -> bool:
    """A table of averages (生均, 人均, 次均 … figures): its caption, the line or two right above its header, or its
    header (start to end) names one ("表2 2017年全省各级各类学校生均一般公共预算教育事业费", "次均门诊费用(元)")."""
    average = vocab.cue("table_average")
    if average.search(text, start, end):
        return True
    captions = [x.strip() for x in text[max(0, start - 200):start].split("\n")[-4:-1]]
    captions = [x for x in captions if x and not x.startswith("单位")][-2:]
    return any(average.search(x) for x in captions if x.startswith("表") or not x.endswith(("。", ":", ":")))


def _stated_base(text: str) -> str | None:
    """"预算执行率=预算执行数/调整后预算数" written by the table: the base it names."""
    from auditor.extract.tables.columns import BUDGET_ROLES, role_of

    m = _BASE_RULE.search(text)
    if m is None:
        return None
    base = role_of(m.group("base"))
    return base if base in BUDGET_ROLES else None


def _named_exactly(header: Header) -> bool:
    """On a flattened line only column names as a 自评表 writes them make a header (not
    prose that happens to say 预算数 and 执行数)."""
    from auditor.extract.tables.columns import COLUMN_WORD

    figures = [c for c in header.columns if c.role]
    return len(figures) >= 2 and all(COLUMN_WORD.fullmatch(clean(c.name)) for c in figures)


@lru_cache(maxsize=4)  # once per document: the text's hash is kept by the string
def stated_score_rule(text: str) -> str:
    """得分 = 执行率 × 分值 as the report states it; "bands" when it states a banded rule — also when the
    product is only the rule below a threshold ("达到95%(含)以上的,该项得满分;低于95%的,按“执行率×分值”计分")."""
    if _BAND_RULE.search(text):
        return "bands"
    m = _SCORE_RULE.search(text)
    return m.group() if m else ""


@lru_cache(maxsize=4)
def _full_when_met(text: str) -> str:
    m = _FULL_WHEN_MET.search(text)
    return m.group() if m else ""
