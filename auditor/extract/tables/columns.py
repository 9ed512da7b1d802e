"""Column headers: what each column of a table holds, and the header a table starts with.

A header is a run of column names: the label columns (项目, 一级指标 / 二级指标 /
三级指标 …) and then the figure columns (年初预算数, 全年执行数, 执行率, 分值, 得分,
年度指标值, 实际完成值 …), perhaps followed by text columns (偏差原因, 备注).
A header may span two lines ("年初" / "预算数" as PDF flattening leaves it), carry
glosses ("全年预算数(A)", "执行率(B/A)", "得分(20分*执行率)"), or be run together
("全年预算数(A)全年执行数(B)预算执行率(B/A)"); all of these are read here.
"""

from __future__ import annotations

from itertools import takewhile

import re
from dataclasses import field
from functools import lru_cache

from auditor import lazyre
from auditor.extract.tables.cells import BARRED, BREAK, CELL, EOL, PAGE, Cell
from auditor.extract.vocabulary import FUNDING_SOURCE, strip_glosses
from auditor.records import dataclass
from auditor.widths import display_width

COLUMN_ROLES: tuple[tuple[str, re.Pattern[str]], ...] = (
    # a change of each row's share ("占比增减(百分点)", "比重变动"): percentage points of the whole, never the change of
    # the row's amounts beside it (79.6 − 77.3 = 2.3, not 86.42 − 82.15) — a figure column, not read
    ("points_change", lazyre.compile(r"(?:占比|比重|构成|百分比)(?:增减|变动|变化|增加|减少|提高|下降|升降)")),
    # a change on last year ("支出减少情况(万元)", "支出减少率"): a figure column, not read
    ("change_rate", lazyre.compile(r"增长率|增加率|减少率|增减率|下降率|增幅|降幅|变动率|增减幅度|变动幅度")),
    ("change", lazyre.compile(r"增减|增加情况|减少情况|增加额|减少额|变动额|变动情况|比较(?:金额|数)?$")),
    # points taken off a row ("分值 | 得分 | 扣分"): a figure column beside the score, not read
    ("deduction", lazyre.compile(r"^扣分(?:值|数|情况)?$|^扣减分(?:值)?$")),
    # a column of each row's share of the column's total ("本年度预算数 | 金额 | 百分比"): percents, no money
    # ("占本部分权重": each row's 分值 as a share of its part's, beside the 分值 column — no second 分值)
    ("share", lazyre.compile(r"(?:百分比|占比|比重)(?:[(（]%[)）]|%)?$|^占[\u4e00-\u9fff]{0,8}权重(?:[(（]%[)）]|%)?$")),
    ("score_rate", lazyre.compile(r"得分率")),
    ("weight", lazyre.compile(r"^(?:指标)?分值|权重|标准分|满分|^分数$")),
    # (a score named by the evaluation that gave it, without 得: "分值 | 自评分 | 复核分" as 自评得分 | 复核得分)
    ("score", lazyre.compile(r"得分|评分|(?:复核|复评|考核|审核|核定|审定|终评|初评)分数?$")),
    ("rate", lazyre.compile(r"执行率|完成率")),
    ("target", lazyre.compile(r"指标值|目标值")),
    ("achieved", lazyre.compile(r"完成值|实际值")),
    ("budget_initial", lazyre.compile(r"年初预算")),
    ("budget_adjusted", lazyre.compile(r"全年预算|调整后预算|调整预算|全年\(调整\)预算")),
    ("received", lazyre.compile(r"实际到位|到位资金|到位数")),
    ("balance", lazyre.compile(r"^结余|^结转结余")),
    ("actual", lazyre.compile(r"执行数|全年执行|实际支出|决算数|支出数|(?:年度|本年|当年)支出|支出决算|决算支出|实际使用")),
    ("budget", lazyre.compile(r"预算数|计划安排|计划投资|预算安排|安排资金")),
    # money the column names no more of: "金额", "补助资金", "资金分配额度(万元)" (a 资金安排表's one column)
    # ("项目资金", "资金情况": the label column of a 自评表's 资金 grid, not a column of figures)
    # ("已预下达 | 本次下达 | 合计下达": a 资金分配表's columns of money handed down, each an amount)
    ("amount", lazyre.compile(r"^(?:资金)?(?:(?:分配|补助|下达|拨付|奖补|奖励|投资)?金额|(?:分配|补助|下达|拨付|奖补|奖励)额度|"
                              r"(?:分配|补助|下达|拨付|奖补|奖励)资金(?:数|额)?|"
                              r"(?:已预|已|预|提前|本次|此次|本批|再次|首批|第[一二三四五六七八九十\d]批|合计|共计|累计)"
                              r"(?:下达|分配|拨付)(?:资金|金额|数|额)?|"
                              # ("经常门预算数 | 资本门预算数 | 合计": the row's total, a column of money like the others)
                              r"合计|总计|共计|"
                              # ("本年收入合计 | 财政拨款收入 | 事业收入 | 其他收入": a 收入决算表's total, the sources after it)
                              r"(?:本年|当年)?收入(?:合计|总计)|"
                              # ("合计 | 基本支出 | 项目支出": a 决算表's split by kind of spending)
                              r"基本支出|项目支出|"
                              # ("计划名称 | 112年度 | 113年度 | 合计": a column of each year's money)
                              r"(?:19|20)\d{2}年度?|1[0-2]\d年度|"
                              # ("指标 | 本年 | 上年 | 比上年增长%": this year's and last year's figures)
                              r"本年度?数?|本期数?|上年度?(?:数|同期)?|上期数?|去年(?:同期)?)"
                              r"(?:\(万元\)|\(元\))?$")),
    # ("项目 | 本期完成（万元） | 同比增长（%）": money done in the period, its unit of money said — not an indicator's 完成值)
    ("amount", lazyre.compile(r"^(?:本期|本年度?|当期|本月|当月|累计)完成(?:数|额)?\((?:万元|亿元|元)\)$")),
)
AMOUNT_ROLES = ("budget_initial", "budget_adjusted", "budget", "received", "actual", "balance", "amount")
BUDGET_ROLES = ("budget_adjusted", "budget_initial", "budget")
UNREAD_ROLES = {"change", "change_rate", "deduction", "points_change"}
_TEXT_COLUMN = lazyre.compile(r"原因|备注|说明|措施|情况|分析|依据|评价标准|凭证|计算方法|评分标准|扣分|"
                              r"机关$|(?:执行|实施|承办|主办)单位$")  # ("编列机关": who budgets each row)
LEVEL_COLUMN = lazyre.compile(r"^(?:绩效)?(?:一级|二级|三级)指标(?:名称)?$|^指标名称$|^指标内容$")
_LABEL_HEADER = lazyre.compile(r"^(?:项目|科目|名称|指标|类别|类型|内容|项目名称|科目名称|资金来源|收入|支出|经费项目|经费名称"
                           r"|支出内容|资金投入情况|资金情况|项目资金|预算执行情况|单位|地区|市县|区县|地市|县区|县\(市、区\)|市\(县、区\))")
# a numbering column ("序号 | 乡镇名称 | 项目名称 | 金额"): its cells are row numbers, not figures
SERIAL_HEADER = lazyre.compile(r"^(?:序号|编号)$")
# a label column of the classification's codes ("科目编码 | 科目名称 | 决算数": 201, 20101, 2010101)
CODE_HEADER = lazyre.compile(r"^(?:(?:功能|经济)?(?:分类)?科目(?:编码|代码)|编码|代码|科目号)$")
# the unit a row's label ends with, when a unit column was read into it ("政府性基金预算收入亿元", "猪肉吨")
UNIT_TAIL = lazyre.compile(r"(?:万|亿|千|百)?(?:元|吨|人|户|公顷|亩|只|头|千瓦时|千瓦|平方米|公里|个|千克|公斤|%|‰)$")
# (the units of other columns may follow the money's: "单位:万元、分" over a table of amounts and scores)
UNIT_NOTE = lazyre.compile(r"[(]\s*(?:单位[::])?\s*(万元|元|亿元|千元)\s*[)]|^(?:金额|货币)?单位[::]\s*(万元|元|亿元|千元)"
                           r"(?:\s*[、,;/]\s*(?:分|%|人|人次|个|户|项))*$")
_GLOSS = lazyre.compile(r"\(([^()]{0,30})\)")
_SPACES = lazyre.compile(r"\s+")

# column names as they stand run together in one cell or line
COLUMN_WORD = lazyre.compile(
    r"(?:年初预算数|全年\(调整\)预算数|全年预算数|调整后预算数|预算数|决算数|全年执行数|执行数|实际支出数?|"
    r"预算执行率|执行率权重|执行率得分|执行率|指标分值|分值|权重|自评得分|得分|"
    r"年度指标值|年初目标值|全年实际完成值|实际完成指标值|实际完成值|指标值|完成值|"
    r"偏差原因分析及改进措施|未完成原因和改进措施|未完成原因分析)"
    r"(?:\([^()]{0,20}\)|\([A-Z/×x*%0-9\s]{0,12}(?=[\u4e00-\u9fff]))?")


_BARE_TOTAL = lazyre.compile(r"^(?:合计|总计|共计|小计)$")
ROW_NUMBER_HEADERS = frozenset({"行次", "栏次"})  # a column of the rows' numbers beside their labels
_MONEY_NAME = lazyre.compile(r"(?:支出|收入|资金|经费)$")  # a column of money no role names ("上缴上级支出")
TOTAL_NAME = lazyre.compile(r"(?:合计|总计|共计|小计)$")  # ("本年支出合计 | 基本支出 | 项目支出": the first column the total)
_OTHER_SOURCE = lazyre.compile(r"^其[它他](?:资金|来源)?$")


def is_source(label: str) -> bool:
    """A row naming where money comes from (其中:当年财政拨款, 上年结转资金, 其他资金, 省财政 …)."""
    return bool(FUNDING_SOURCE.search(label) or _OTHER_SOURCE.match(label.strip()))


def is_label_header(text: str) -> bool:
    """A name of a label column: 项目, 科目名称, 地区 …"""
    return bool(_LABEL_HEADER.match(clean(text)))


@lru_cache(maxsize=8192)
def clean(text: str) -> str:
    return _SPACES.sub("", strip_glosses(text))


# a column that compares the quantity it names with another and says it grew (增长, 增幅, 下降 — no 额): a rate
_COMPARED_GROWTH = lazyre.compile(r"(?:比|较|同比)[^增减]{0,10}(?:增长|增幅|增速|下降|降幅)(?:率|幅度)?$")
_TEXT_END = lazyre.compile(r"(?:方法|原因|说明|标准|依据|措施|备注|分析|情况)$")


@lru_cache(maxsize=8192)
def role_of(header: str) -> str | None:
    """The role of a column named `header` (None: not a figure column)."""
    name = clean(header).replace("、", "")  # "增、减金额"
    if not name or len(name) > 30 or _TEXT_END.search(_GLOSS.sub("", name)) or _GLOSS_CELL.fullmatch(name):
        return None  # (a gloss in a cell of its own, "(执行数/到位数)" under 执行率, names no column)
    role = next((role for role, pattern in COLUMN_ROLES if pattern.search(name)), None)
    if role in ("change", "change_rate") and _IN_POINTS.search(header):
        return "points_change"  # ("增减(百分点)": a change of a share or a rate in points, no amount of the row's unit)
    if role in AMOUNT_ROLES and _COMPARED_GROWTH.search(name):
        return "change_rate"  # ("调整预算比上年执行增长": a growth against another figure, not the budget it names)
    if "%" in header and name.startswith("占"):
        if role in AMOUNT_ROLES:
            # ("占预算数%" beside 预算数 | 决算数: each row's 决算 over its own 预算, a rate; "占决算数%" of money whose
            # row the header leaves unsaid: percents all the same — never a column of money to be summed)
            return "rate" if role.startswith("budget") else None
        return role  # ("占业务收入%": each row's share of one row, not a rate of the row's own figures)
    if "%" in header and (role is None and _NAMES_CHANGE_OR_MONEY.search(name) or role == "change"
                          or role in AMOUNT_ROLES):
        # a column its header writes in % holds percents, whatever money it names: "增减%", "增减(%)",
        # "执行数比上年增长%" a change's rate; "执行数为预算数的%", "完成调整预算%" a rate of the row
        return "change_rate" if _CHANGE_WORD.search(name) else "rate"
    return role


# a 执行率 column's bracket naming its base alone ("执行率(年初)", "执行率(调整后)")
_GLOSS_BASE = lazyre.compile(r"^[(（]?(?:(?P<initial>年初)|全年|调整后?)(?:预算)?数?[)）]?$")
_RATE_OF = lazyre.compile(r"(?:为|完成|占)(年初预算|调整后?预算|全年预算)")
_IN_POINTS = lazyre.compile(r"百分点")
_CHANGE_WORD = lazyre.compile(r"增|减|比上年|同比|较上年|变动")
# a name of no role that a "%" makes a column of percents: a change, or money done against a plan
_NAMES_CHANGE_OR_MONEY = lazyre.compile(r"增|减|比上年|同比|较上年|变动|完成|预算|执行|决算|收入|支出")


@lru_cache(maxsize=8192)
def is_text_column(header: str) -> bool:
    return (bool(_TEXT_COLUMN.search(clean(header))) or is_grade_column(header)) and role_of(header) is None


# a column of the grade each row's score earns ("序号 | 项目名称 | 自评得分 | 评价等级"): words, beside a score
_GRADE_COLUMN = lazyre.compile(r"^(?:绩效)?(?:评价|自评|考评|考核)?(?:等级|等次|评级)$")


def is_grade_column(header: str) -> bool:
    return bool(_GRADE_COLUMN.match(clean(header)))


def role_in_table(header: str) -> str | None:
    """The role a table's column named `header` was read with: role_of's, or an amount for a column of money
    the header took in after its figure block ("上缴上级支出", "经营支出")."""
    return role_of(header) or ("amount" if _MONEY_NAME.search(clean(header)) else None)


def column_keys(roles: list[str | None]) -> list[str | None]:
    """The key of each column's cells in a row: its role, "role#2" for the second of that role."""
    seen: dict[str, int] = {}
    out: list[str | None] = []
    for role in roles:
        if role is None:
            out.append(None)
            continue
        seen[role] = seen.get(role, 0) + 1
        out.append(role if seen[role] == 1 else f"{role}#{seen[role]}")
    return out


@dataclass
class Column:
    """A column a table's header names, and the role its figures play."""

    name: str
    role: str | None  # None: a text column (原因, 备注 …)
    cell: Cell

    @property
    def gloss(self) -> str:
        m = _GLOSS.search(clean(self.name))
        return m.group(1) if m else ""


def rate_column_base(name: str) -> str | None:
    """The budget a 执行率 column's bracket names alone: "执行率(年初)" → 年初预算, "执行率(调整后)" → 全年预算."""
    m = _GLOSS.search(clean(name))
    glossed = _GLOSS_BASE.match(m.group(1)) if m else None
    if glossed is None:
        return None
    return "budget_initial" if glossed.group("initial") else "budget_adjusted"


@dataclass
class Header:
    """A table's header row(s): where they stand and the columns they name."""

    first: int  # index of the header's first cell in the stream
    after: int  # index of the first cell after the header
    columns: list[Column]  # the figure and text columns, after the label columns
    label_columns: int  # how many label columns the header names (at least 1)
    unit: str | None = None  # 万元 / 元 when a unit note names it
    notes: list[str] = field(default_factory=list)  # words of the header not a column (glosses, titles)
    serial: bool = False  # the first label column numbers the rows (序号): each row is as wide as the header
    coded: bool = False  # the first label column holds the classification's codes (科目编码): a row's level

    @property
    def label_names(self) -> int:
        """How many label columns the header names (序号, 单位名称 …; a unit note is none)."""
        return sum(1 for n in self.notes if n and not UNIT_NOTE.search(clean(n)))

    @property
    def numbered_rows(self) -> bool:
        """A 行次 (栏次) column after the label column ("| 项目 | 行次 | 金额 |"): each row's number, no figure."""
        return any(clean(n) in ROW_NUMBER_HEADERS for n in self.notes[1:] if n)

    @property
    def merged_label_columns(self) -> int:
        """How many columns the row labels span when the header's label name spans more than one, the
        cells after it left empty ("项目资金(万元) | | 年初预算数 | …": 2); 0 when it spans one."""
        empty = len(self.notes) - len(list(takewhile(lambda n: n, self.notes)))
        if not empty or any(self.notes[len(self.notes) - empty:]) or len(self.notes) == empty:
            return 0
        return empty + 1

    @property
    def roles(self) -> list[str | None]:
        return [c.role for c in self.columns]

    @property
    def keys(self) -> list[str | None]:
        """One key per column: its role, and "role#2" … for a second column of the same
        role (决算数 of two years)."""
        return column_keys(self.roles)

    @property
    def trailing_text(self) -> int:
        """Text columns (原因, 备注) after the last figure column."""
        n = 0
        for c in reversed(self.columns):
            if c.role is not None:
                break
            n += 1
        return n

    @property
    def kind(self) -> str:
        roles = set(self.roles)
        if roles & {"target", "achieved"} and roles & {"weight", "score"}:
            return "indicators"
        if roles & set(AMOUNT_ROLES):
            return "funds" if roles & {"rate", "weight", "score"} or len(roles & set(AMOUNT_ROLES)) >= 2 else "amounts"
        return "scores"

    @property
    def first_total(self) -> str | None:
        """The key of a first money column named 合计 over at least two money columns after it
        ("合计 | 基本支出 | 项目支出"): each row's total of the others."""
        money = [(clean(c.name), k) for c, k in zip(self.columns, self.keys) if k and c.role in AMOUNT_ROLES]
        if len(money) < 3 or not TOTAL_NAME.search(money[0][0]) or any(TOTAL_NAME.search(n) for n, _ in money[1:]):
            return None
        return money[0][1]

    def base(self) -> str | None:
        """The role of the base the 执行率 column names: "执行率(B/A)" with "全年预算数(A)"."""
        rate = next((c for c in self.columns if c.role == "rate"), None)
        if rate is None:
            return None
        m = re.search(r"([A-Z])\s*/\s*([A-Z])", rate.gloss)
        glossed = rate_column_base(rate.name) if m is None else None
        if glossed is not None:  # ("执行率(年初)", "执行率(全年)": the budget its bracket names)
            return glossed
        if m is None:
            # ("完成调整预算%", "执行数为年初预算的%": the budget the column's own name says it is of)
            named = _RATE_OF.search(clean(rate.name))
            return role_of(named.group(1)) if named else None
        for c in self.columns:
            if c.role in BUDGET_ROLES and re.fullmatch(rf"\s*{m.group(2)}\s*", c.gloss):
                return c.role
        return None

    def score_rule(self) -> str:
        """The funds score rule the 得分 column states: "得分(20分*执行率)"."""
        for c in self.columns:
            if c.role == "score" and re.search(r"执行率", c.gloss) and re.search(r"[*×xX]", c.gloss):
                return clean(c.name)
        return ""


def split_glued_header(cell: Cell) -> tuple[str, list[Cell], str] | None:
    """"全年预算数(A)全年执行数(B)预算执行率(B/A)" → the column names as cells, with the
    words before the first (a label-column name, a title) and after the last (the first
    row's label, in a 自评表 flattened onto one line)."""
    text = cell.text
    matches = list(COLUMN_WORD.finditer(text))
    run: list[re.Match] = []
    best: list[re.Match] = []
    for m in matches:
        if run and text[run[-1].end():m.start()].strip():
            run = []
        run.append(m)
        if len(run) > len(best):
            best = list(run)
    if len(best) < 2 or sum(1 for m in best if role_of(m.group()) in {"rate", "weight", "score", *AMOUNT_ROLES}) < 2:
        return None
    # ("…全年执行数分值执行率得分": the template's 执行率 | 得分 run together, not one column of the score its rate gives —
    # when the header has no 执行率 column else)
    apart = not any(role_of(m.group()) == "rate" for m in best)
    names = []
    for m in best:
        if apart and m.group() == _RATE_AND_SCORE:
            names += [Cell("执行率", cell.offset(m.start()), cell.offset(m.start() + 2) + 1, cell.line),
                      Cell("得分", cell.offset(m.start() + 3), cell.offset(m.end() - 1) + 1, cell.line)]
        else:
            names.append(Cell(m.group().strip(), cell.offset(m.start()), cell.offset(m.end() - 1) + 1, cell.line))
    return text[:best[0].start()].strip(), names, text[best[-1].end():].strip()


_RATE_AND_SCORE = "执行率得分"


_MAX_HEADER = 40  # cells a header may have: the scan stays linear in the text


def _running_title(cells: list[Cell], j: int) -> bool:
    """cells[j] comes right after a page break (a page mark, blank lines aside) and a column name follows it: the
    title a report repeats at the head of each page, not the first row's label."""
    before = next((c for c in reversed(cells[max(0, j - 4):j]) if c.text or c.kind == PAGE), None)
    after = next((c for c in cells[j + 1:j + 4] if c.text), None)
    return before is not None and before.kind == PAGE and after is not None and role_of(after.text) is not None


def find_header(cells: list[Cell], i: int) -> Header | None:
    """A header starting at cells[i]: label columns, then at least two figure columns."""
    first = cells[i]
    if first.is_mark or not first.text or _is_figure(first.text) and not in_year_run(cells, i) \
            or _never_before_figures(first.text):
        return None
    j = i
    raw: list[Cell] = []
    padded: set[int] = set()  # lines whose empty cells at their end were dropped, their cells' places kept
    has_role = False
    while j < len(cells):
        c = cells[j]
        if c.kind == BREAK:
            if has_role and not _group_goes_on(cells, j, raw):
                break
            j += 1
            continue
        if c.kind == EOL:
            if c.source == BARRED:
                padded.add(c.line)
            j += 1
            continue
        if _is_figure(c.text) and not (in_year_run(cells, j) and all(_BARE_YEAR.fullmatch(x.text.strip()[:4])
                                                                      for x in raw if x.text and x.text[:1].isdigit())) \
                or len(clean(c.text)) > 30 or len(raw) > _MAX_HEADER:
            break
        year_column = _is_figure(c.text)
        if year_column:  # (a year of a run of bare years: the column of that year's figures, "2004" as "2004年")
            c = Cell(c.text.strip() + "年", c.start, c.end, c.line, c.kind, c.source, c.level)
        if c.text and has_role and not _headerish(c.text) and _running_title(cells, j):
            j += 1  # ("分值 ⏎ 第 10 页 ⏎ 执行率 ⏎ 第11页 ⏎ 部门决算公开 ⏎ 得分": the next page's running title)
            continue
        if c.text and has_role and not _headerish(c.text) and not _splits_name(cells, j) \
                and not _ends_name(raw, c) and not _GLOSS_CELL.fullmatch(clean(c.text)) \
                and _change_group_at(raw + [c], len(raw) - 1) is None:
            # a cell that is no column name after the figure columns: the first row's label
            break
        if c.text and has_role and not year_column and _ALSO_A_ROW.match(clean(c.text)) and _opens_row(cells, j, raw):
            # "| 项目 | 2022年决算数 | 2023年决算数 | 增减 | ⏎ | 基本支出 | 500.00 |": a name on a line of its own
            # that a figure follows is the first row's label, though it names a column elsewhere
            break
        if c.text and role_of(c.text) == "rate" and {"weight", "score"} <= {role_of(x.text) for x in raw}:
            break  # "评价指标 / 分值 / 得分 / 预算执行率 / 10 / 9.54": the first row's label, a funds row
        # (the last named cell looked for only before a 合计: an empty cell opening the 合计 row is no column
        # name; a list of the named cells made before every cell cost a header's scan its length squared)
        if has_role and _BARE_TOTAL.match(clean(c.text)) \
                and (named := next((x for x in reversed(raw) if x.text), None)) is not None \
                and c.line != named.line and not _names_after(cells, j):
            # "预算数 | 决算数 | 合计 | 30.8 | 25.7", a cell a line: the 合计 is the first row's label;
            # a 合计 column stands on its header's line ("经常门预算数 │ 资本门预算数 │ 合  计"), or
            # another column's name follows it ("112年度 / 113年度 / 合计 / 编列机关", a cell a line)
            break
        raw.append(c)
        has_role = has_role or role_of(c.text) is not None
        j += 1
    if not has_role and not any(c.text and len(clean(c.text)) <= 3 for c in raw):
        # no cell names a figure column, and none is short enough to be the head of a name split over
        # two cells (every join below starts with such a head, every other step with a named column):
        # no figure column would be found
        return None
    names = _join_split_names(raw, frozenset(padded))
    # figure columns come together; the label columns come before them
    roles = [role_of(c.text) for c in names]
    if "weight" in roles or "score" in roles:
        # ("资金来源 | 年初预算数 | 调整数 | 调整后预算数 | 全年执行数 | 执行率 | 分值 | 得分": a 自评表's funds block): the
        # adjustment of the year's budget, what was added or cut, is a change beside the budgets, not read
        roles = ["change" if r is None and _ADJUSTMENT_COLUMN.match(clean(c.text)) else r for c, r in zip(names, roles)]
    # "年度预算数(万元)" over "年初预算 / 调整后预算数 / 预算执行数": a name over the columns below it
    known = [n for n, r in enumerate(roles) if r]
    if len(known) >= 3 and UNIT_NOTE.search(clean(names[known[0]].text)) and \
            not any(UNIT_NOTE.search(clean(names[n].text)) for n in known[1:]):
        roles[known[0]] = None
    known = [n for n, r in enumerate(roles) if r]
    # (a unit note may stand first: "单位:万元 | 序号 | 乡镇名称 | 金额")
    first_name = next((c for c in names if not UNIT_NOTE.search(clean(c.text))), None)
    head = names.index(first_name) if first_name is not None else -1
    if 0 <= head < len(names) - 2 and SERIAL_HEADER.match(clean(names[head + 1].text)) \
            and not SERIAL_HEADER.match(clean(first_name.text)) and not _LABEL_HEADER.match(clean(first_name.text)) \
            and first_name.line < names[head + 1].line != names[head + 2].line \
            and len(clean(first_name.text)) <= _TITLE_SKIPPED:  # (a longer title is refused at once: found from 序号 on)
        # ("三、评价结果汇总 ⏎ 序号 ⏎ 项目名称 ⏎ 预算数 …", a cell a line: the title on the line above 序号 is no column;
        # the header starts at 序号, whose rows are numbered — not a title over a header of one line, "扣分明细表 ⏎
        # 序号|指标名称|分值|得分|扣分", which stays read as it was)
        start = next((k for k in range(i, len(cells)) if cells[k] is names[head + 1]), None)
        if start is not None:
            return find_header(cells, start)
    serial = first_name is not None and bool(SERIAL_HEADER.match(clean(first_name.text)))
    labelled = bool(names) and (serial or bool(_LABEL_HEADER.match(clean(names[0].text))))
    if not known or len(known) < 2 and not (len(known) == 1 and labelled and known[0] > 0):
        return None
    # the figure columns are the first block of them (text columns may stand between);
    # what follows the block is a second header line or the first row
    lo = hi = known[0]
    j = lo
    while j < len(names) and (roles[j] or not names[j].text or is_text_column(names[j].text)):
        if roles[j]:
            hi = j
        j += 1
    if sum(1 for n in range(lo, hi + 1) if roles[n]) < 2 and not (len(known) >= 1 and labelled and lo > 0):
        return None
    # the cells before the figure columns: level names, a label-column name, units, blanks
    before = names[:lo]
    unit = None
    notes = []
    for c in names:
        m = UNIT_NOTE.search(clean(c.text))
        if m:
            unit = m.group(1) or m.group(2)
    for c in before:
        if c.text and not (LEVEL_COLUMN.match(clean(c.text)) or _LABEL_HEADER.match(clean(c.text))
                           or UNIT_NOTE.search(clean(c.text)) or len(clean(c.text)) <= 12):
            return None
        notes.append(c.text)
    levels = sum(1 for c in before if LEVEL_COLUMN.match(clean(c.text)))
    end = hi + 1
    while end < len(names) and names[end].text and is_text_column(names[end].text):
        end += 1
    columns = [Column(c.text, roles[n] if n <= hi else None, c) for n, c in enumerate(names[lo:end], lo)]
    # the index just after the last header cell used
    last = columns[-1].cell
    # (a header may end the text: then no row follows it)
    after = next((k for k in range(i, len(cells)) if cells[k] is last or (cells[k].start >= last.end
                                                                           and not cells[k].is_mark)), len(cells)) + 1
    if after > len(cells) or cells[after - 1] is not last:
        after = next((k for k in range(i, len(cells)) if cells[k].start >= last.end and cells[k] is not last),
                     len(cells))
    # "| 本年支出合计 | 基本支出 | 项目支出 | 上缴上级支出 | 经营支出 |": names of money after the figure block that
    # say no role, to the end of the header's own line (a line of no figure): the header's, columns of amounts
    k = after
    extra = []
    while k < len(cells) and cells[k].line == last.line and cells[k].kind == CELL \
            and (not cells[k].text or _MONEY_NAME.search(clean(cells[k].text))) and not role_of(cells[k].text) \
            and len(clean(cells[k].text)) <= 12:
        if not cells[k].text and any(c.line == last.line and c.kind == CELL and c.text for c in cells[k + 1:k + 3]):
            break  # (an empty header cell between two names: the columns' places are not certain)
        extra.append(cells[k])
        k += 1
    if extra and any(c.text for c in extra) and (k == len(cells) or cells[k].kind == EOL):
        columns.extend(Column(c.text, "amount", c) for c in extra if c.text)  # (money, of no role the reader knows)
        after = k
    # (only a header whose names were joined may be one: the two tests are not run on every other one)
    stacked = _stacked(raw) if len(names) < len(raw) else None
    two_lines = _cell_stacked(raw, frozenset(padded)) if len(names) < len(raw) and stacked is None else None
    if stacked is not None or two_lines is not None:
        # names completed by the line below ("年初 | 全年 ⏎ 预算数 | 执行数"): that line is the header's too
        below = raw[stacked[1][0]].line if stacked is not None else two_lines[1][-1][0].line
        while after < len(cells) and cells[after].line <= below and not _is_figure(cells[after].text):
            after += 1
    after = _gloss_line_after(cells, after)
    columns = _weighted_scores(_adjustment_column(columns))
    # (the codes' column among the label columns, after a title or unit note the header took in: "收入决算表 ⏎
    # 单位:万元 ⏎ | 科目编码 | 科目名称 | 合计 | …")
    return Header(first=i, after=after, columns=columns, label_columns=max(levels, 1), unit=unit, notes=notes,
                  serial=serial, coded=any(CODE_HEADER.match(clean(n)) for n in notes if n))


def _gloss_line_after(cells: list[Cell], after: int) -> int:
    """"| 资金投入情况 | 全年预算数 | 全年执行数 | 执行率 |" over "| | （A） | （B） | （B/A） |": a line of nothing but the
    columns' glosses (two at least) right under the header is the header's, no row (its cells name no row)."""
    k = after
    while k < len(cells) and cells[k].kind in (EOL, BREAK):
        k += 1
    if k >= len(cells) or cells[k].line == cells[after - 1].line:
        return after
    line = cells[k].line
    end = k
    glosses = 0
    while end < len(cells) and cells[end].line == line:
        c = cells[end]
        if c.kind == CELL and c.text.strip():
            if not _GLOSS_CELL.fullmatch(clean(c.text)):
                return after
            glosses += 1
        end += 1
    return end if glosses >= 2 else after


_WEIGHTED_SCORE = lazyre.compile(r"加权(?:后)?(?:得分|分)")


def _weighted_scores(columns: list[Column]) -> list[Column]:
    """"权重(%) | 评分(百分制) | 加权得分": beside a weighted score (or beside the one said to be out of 100), the
    other score column is out of 100, not of the weight — not read as the row's score."""
    scores = [c for c in columns if c.role == "score"]
    if len(scores) < 2:
        return columns
    # ("评价得分(百分制) | 综合得分": the one out of 100 says so)
    hundred = [c for c in scores if _OUT_OF_HUNDRED.search(clean(c.name))]
    if hundred and len(hundred) < len(scores):
        out_of_hundred = hundred
    elif any(_WEIGHTED_SCORE.search(clean(c.name)) for c in scores):
        out_of_hundred = [c for c in scores if not _WEIGHTED_SCORE.search(clean(c.name))]
    else:
        return columns
    return [Column(c.name, None, c.cell) if c in out_of_hundred else c for c in columns]


_OUT_OF_HUNDRED = lazyre.compile(r"百分制")


# the year's adjustment of a budget, beside the budgets ("调整数", "年中调整数", "调增调减数")
_ADJUSTMENT_COLUMN = lazyre.compile(r"^(?:年中|年度|本年|预算)?(?:调整|调增调减|调增减|追加追减|追加调减)(?:数|额|金额)$")
_ADJUSTMENT_NAME = lazyre.compile(r"^调整预算(?:数|额)?$")
_ADJUSTED_NAME = lazyre.compile(r"调整后|全年")


def _adjustment_column(columns: list[Column]) -> list[Column]:
    """"年初预算数 | 调整预算数 | 调整后预算数": beside a 调整后 / 全年 budget, a 调整预算数 column holds the adjustment (追加或
    追减), no budget: a change, not read as a base."""
    adjusted = [c for c in columns if c.role == "budget_adjusted"]
    if len(adjusted) < 2 or not any(_ADJUSTED_NAME.search(clean(c.name)) for c in adjusted):
        return columns
    return [Column(c.name, "change", c.cell) if c.role == "budget_adjusted" and _ADJUSTMENT_NAME.match(clean(c.name))
            else c for c in columns]


CODE_CELL = lazyre.compile(r"^\d{3}(?:\d{2}){0,2}$")  # a row's code under 科目编码: 201, 20101, 2010101
# names of a column in one table, of a row in another ("本年收入合计 | 31,955.17 | …" under "项目 | 2023年决算数 | …"; a
# year, "| 2022年 | 90.0 | 81.0 | 90% |" under "| 年度 | 全年预算数 | 全年执行数 | 执行率 |": a year's row)
_ALSO_A_ROW = lazyre.compile(r"^(?:基本支出|项目支出|(?:本年|当年)?收入(?:合计|总计)|(?:19|20)\d{2}\s*年度?)$")


def _opens_row(cells: list[Cell], j: int, before: list[Cell]) -> bool:
    """cells[j] stands on a line after the header's last name and a figure follows it: a row's label."""
    named = next((x for x in reversed(before) if x.text), None)
    if named is None or cells[j].line == named.line:
        return False
    after = [c for c in cells[j + 1:j + 5] if not c.is_mark and c.text][:2]
    if not after or not _is_figure(after[0].text):
        return False
    # ("项目支出 ⏎ 208 ⏎ 社会保障和就业支出", a cell a line: the first row's 科目 code and name follow the header)
    return not (CODE_CELL.match(after[0].text) and len(after) > 1 and not _is_figure(after[1].text))


def _names_after(cells: list[Cell], j: int) -> bool:
    """The next cell after cells[j] names a text column ("编列机关", "备注"): cells[j] is a column's name too."""
    k = next((k for k in range(j + 1, len(cells)) if not cells[k].is_mark and cells[k].text), None)
    return k is not None and is_text_column(cells[k].text)


# the longest title above a 序号 header, a cell a line, that find_header skips to the header (a longer one — more
# than _never_before_figures' 12 characters — is refused at once, and its header found when asked from 序号)
_TITLE_SKIPPED = 12


@lru_cache(maxsize=8192)
def _never_before_figures(text: str) -> bool:
    """A first cell that no header can start with: text of more than 12 characters that names
    no column, no level, no label column and no unit.  It stays the header's first name (no
    join takes it: it is too long to be a split name's head and has no role for a gloss; the
    stacked and group joins keep the first cell first), it stands before the figure columns,
    and find_header refuses such a cell there: asked first, the cells after it are not read
    (a table's title before its header, tried at each of its cells)."""
    name = clean(text)
    return len(name) > 12 and role_of(text) is None and not (
        LEVEL_COLUMN.match(name) or _LABEL_HEADER.match(name) or UNIT_NOTE.search(name))


_NAME_TAILS = {"数", "额", "值", "率", "分"}


def _ends_name(before: list[Cell], cell: Cell) -> bool:
    """"年初预算" / "数": a one-character end of the column name just before it, on a line of its own."""
    prev = next((c for c in reversed(before) if c.text), None)
    return prev is not None and clean(cell.text) in _NAME_TAILS and cell.line != prev.line \
        and role_of(prev.text) is not None and role_of(prev.text + cell.text) == role_of(prev.text)


def _splits_name(cells: list[Cell], j: int) -> bool:
    """"年初" / "预算数": the first half of a column name split over two cells."""
    nxt = next((c for c in cells[j + 1:j + 3] if not c.is_mark), None)
    return nxt is not None and len(clean(cells[j].text)) <= 3 and role_of(cells[j].text + nxt.text) is not None \
        and (not role_of(nxt.text) or clean(cells[j].text) in _NAME_HEADS)


@lru_cache(maxsize=8192)
def _headerish(text: str) -> bool:
    name = clean(text)
    return bool(role_of(text) or LEVEL_COLUMN.match(name) or _LABEL_HEADER.match(name) or UNIT_NOTE.search(name)
                or is_text_column(text) or name in {"(万元)", "(元)"} or _ADJUSTMENT_COLUMN.match(name))


_UNIT_WORD = lazyre.compile(r"\((?:单位[:：]?)?(?:万元|元|亿元|千元)\)|(?:单位[:：]?)?(?:万元|元|亿元|千元)")
_NAME_HEADS = {"年初", "全年", "年度", "实际", "调整后", "调整", "预算", "执行", "指标", "完成", "本年", "当年"}


def _stacked(raw: list[Cell]) -> tuple[list[int], list[int], list[str]] | None:
    """A header on two lines: "年度 实际 分值 得分" over "指标值 完成值" — the head words of the first line
    ("年度", "实际"), the cells of the line below, and the word completing each head, in order; None when
    the header is no such pair of lines."""
    heads = [n for n, c in enumerate(raw) if clean(c.text) in _NAME_HEADS and not role_of(c.text)]
    if len(heads) < 2 or any(raw[n].line != raw[heads[0]].line for n in heads):
        return None
    below = [n for n, c in enumerate(raw) if c.line == raw[heads[0]].line + 1 and c.text]
    if not below or below[0] < heads[-1]:
        return None
    # ("指标值 完成值": one cell, one space apart; "(万元)" under the label column's name is a unit, no name's end)
    words = [w for n in below for w in raw[n].text.split() if not _UNIT_WORD.fullmatch(clean(w))]
    if len(words) > len(heads):
        # ("年度 实际 分值 得分 偏差原因分析" over "指标值 完成值 及改进措施": the end of a text column's name,
        # after the heads' ends, completes no head)
        extra = words[len(heads):]
        last_top = max(n for n, c in enumerate(raw) if c.line == raw[heads[0]].line)
        if any(role_of(w) for w in extra) or not is_text_column(raw[last_top].text):
            return None
        words = words[:len(heads)]
    if len(words) != len(heads) or not all(role_of(raw[h].text + w) for h, w in zip(heads, words)):
        return None
    return heads, below, words


def _cell_stacked(raw: list[Cell], padded: frozenset[int] = frozenset()) -> tuple[list[Cell], list[list[Cell]]] | None:
    """A header of bar cells on two lines (or three), as many on each, whose names the lines below complete
    column by column ("| 一级 | 二级 | 三级指标 | 年度 | 实际 | 分值 |" over "| 指标 | 指标 | | 指标值 | 完成值 | |";
    "| 项目 | 2023年 | 2022年 |" over "|  | 决算数 | 决算数 |"): the cells of the lines above it, each a line of one
    cell (a title, "项目名称:…"), and the stack's lines, top first; None otherwise.  A line whose empty cells at its
    end were dropped though it keeps its cells' places (`padded`: "| 指标 | 指标 | | 指标值 | 完成值 | | |") is as
    wide as the line above it."""
    lines = sorted({c.line for c in raw})
    for depth in (3, 2):
        stack = lines[-depth:]
        if len(stack) != depth or stack[-1] - stack[0] != depth - 1:
            continue
        above = [c for c in raw if c.line < stack[0]]
        if any(sum(1 for c in above if c.line == line) != 1 for line in lines[:-depth]):
            continue  # (a line above of more than one cell: no title, the stack is not certain)
        rows = [[c for c in raw if c.line == line] for line in stack]
        width = len(rows[0])
        rows = [row + [Cell("", row[-1].end, row[-1].end, row[-1].line)] * (width - len(row))
                if row[-1].line in padded and len(row) < width else row for row in rows]
        if any(len(row) != width for row in rows) or width < 3 \
                or any(sum(1 for c in row if c.text) < 2 for row in rows[1:]):
            continue
        columns = list(zip(*rows))
        # (a name written under an empty cell belongs to no name above: the columns are not stacked)
        if any(c.text and not up.text for col in columns for up, c in zip(col, col[1:])):
            continue
        names = [_stacked_name(col) for col in columns]
        completed = sum(1 for col, name in zip(columns, names) if name != col[0].text and role_of(name))
        lost = any(role_of(c.text) and not role_of("".join(x.text for x in col)) for col in columns for c in col[1:]
                   if c.text)
        if completed >= 1 and not lost:
            return above, rows
    return None


_YEAR_ALONE = lazyre.compile(r"^(?:19|20)\d{2}\s*年度?$")


def _stacked_name(column: tuple[Cell, ...]) -> str:
    """A column's name on stacked lines: each line's cell completes a name that says no role yet, or a year alone
    ("2023年" over "决算数": "2023年决算数")."""
    name = column[0].text
    for c in column[1:]:
        if c.text and (not role_of(name) or _YEAR_ALONE.match(clean(name)) and role_of(name + c.text)):
            name += c.text
    return name


def _join_stacked_names(raw: list[Cell], padded: frozenset[int] = frozenset()) -> list[Cell]:
    """A header on two lines ("年度 实际" over "指标值 完成值", see _stacked): each head completed by its
    word below ("年度指标值", "实际完成值"), the line below dropped."""
    cells = _cell_stacked(raw, padded)
    if cells is not None:
        above, rows = cells
        return [*above, *(Cell(_stacked_name(col), col[0].start, col[0].end, col[0].line) for col in zip(*rows))]
    stacked = _stacked(raw)
    if stacked is None:
        return raw
    heads, below, words = stacked
    out = list(raw)
    for h, w in zip(heads, words):
        out[h] = Cell(raw[h].text + w, raw[h].start, raw[h].end, raw[h].line)
    drop = set(below)
    return [c for n, c in enumerate(out) if n not in drop]


def _group_goes_on(cells: list[Cell], j: int, raw: list[Cell]) -> bool:
    """A rule after a group name ("较上年增减情况 | ─── | 增、减额 | 增、减幅度", one cell per
    line): the group's columns come after the rule, and the header goes on."""
    last = next((c for c in reversed(raw) if c.text), None)
    if last is None or role_of(last.text) or not is_text_column(last.text):
        return False
    after = [c for c in cells[j + 1:j + 8] if not c.is_mark and c.text][:2]
    return len(after) == 2 and all(role_of(c.text) in UNREAD_ROLES for c in after)


def _expand_group_name(raw: list[Cell]) -> list[Cell]:
    """A group name over the columns below it: "比上年增、减情况" over "增、减金额 | 增、减幅度" —
    the columns of the next line stand where the group name stands."""
    top = next((c.line for c in raw if role_of(c.text)), None)
    if top is None:
        return raw
    if len({c.line for c in raw}) > 3:  # one cell per line: the group's columns follow it
        named = [n for n, c in enumerate(raw) if c.text]
        g = next((n for n in named if not role_of(raw[n].text) and is_text_column(raw[n].text)
                  and any(role_of(raw[m].text) for m in named if m < n)), None)
        first = [n for n in named if g is not None and n <= g]
        below = [n for n in named if g is not None and n > g]
    else:
        first = [n for n, c in enumerate(raw) if c.line == top and c.text]
        below = [n for n, c in enumerate(raw) if c.line == top + 1 and c.text]
    groups = [n for n in first if not role_of(raw[n].text) and is_text_column(raw[n].text)
              and any(role_of(raw[m].text) for m in first if m < n)]
    if len(groups) != 1 or groups[0] != first[-1] or len(below) < 2 \
            or not all(role_of(raw[n].text) for n in below):
        return raw
    g = groups[0]
    return [*raw[:g], *(raw[n] for n in below), *(c for n, c in enumerate(raw) if n > g and n not in below)]


_GLOSS_CELL = lazyre.compile(r"\([^()]{0,20}\)")


# the columns a change's name stands over, written after it on its line ("比較增減 金額 %"): its amount and its percent
_CHANGE_AMOUNT_WORDS = {"金额", "数额", "增减数", "增减额"}
_CHANGE_PERCENT_WORDS = {"%", "(%)", "百分比", "增减率", "增减%"}


def _change_group_at(raw: list[Cell], n: int) -> tuple[Cell, Cell] | None:
    """"科目 本年度預算數 本年度決算數 比較增減 金額 %": a change column's name (比較增減) followed on its line by the names
    of the two columns under it, its amount and its percent — the two columns' names ("比较增减金额", "比较增减%");
    None when raw[n] is no such name."""
    if n < 1 or n + 1 >= len(raw):
        return None
    group, amount, percent = raw[n - 1], raw[n], raw[n + 1]
    if role_of(group.text) != "change" or not (group.line == amount.line == percent.line) \
            or clean(amount.text) not in _CHANGE_AMOUNT_WORDS or clean(percent.text) not in _CHANGE_PERCENT_WORDS:
        return None
    return (Cell(group.text + amount.text, group.start, amount.end, group.line),
            Cell(group.text + clean(percent.text).strip("()"), percent.start, percent.end, percent.line))


def _join_split_names(raw: list[Cell], padded: frozenset[int] = frozenset()) -> list[Cell]:
    """"年初" / "预算数": a column name PDF flattening split over two cells is one name."""
    raw = _expand_group_name(_join_stacked_names(raw, padded))
    out: list[Cell] = []
    n = 0
    while n < len(raw):
        c = raw[n]
        pair = _change_group_at(raw, n + 1)
        if pair is not None:  # ("比較增減 金額 %": the change's amount and percent columns)
            out.extend(pair)
            n += 3
            continue
        if n + 1 < len(raw) and len(clean(c.text)) <= 3 and c.text and not role_of(c.text) \
                and role_of(c.text + raw[n + 1].text) and raw[n + 1].text \
                and (not role_of(raw[n + 1].text) or clean(c.text) in _NAME_HEADS):
            nxt = raw[n + 1]
            out.append(Cell(c.text + nxt.text, c.start, nxt.end, c.line))
            n += 2
            continue
        # "年初预算" / "数": the end of a name split over two cells
        if out and _ends_name(out, c):
            prev = out[-1]
            out[-1] = Cell(prev.text + c.text, prev.start, c.end, prev.line)
            n += 1
            continue
        # "全年预算数" / "(A)": a gloss on its own cell belongs to the name before it
        if out and c.text and role_of(out[-1].text) and _GLOSS_CELL.fullmatch(clean(c.text)):
            prev = out[-1]
            out[-1] = Cell(prev.text + c.text, prev.start, c.end, prev.line)
            n += 1
            continue
        out.append(c)
        n += 1
    return out


_FIGURE = lazyre.compile(r"^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s*(?:%|万元|万|元|亿元)?$")


# a bare year naming a column ("单位:亿元 ⏎ 2004 ⏎ 2005 ⏎ 2006 ⏎ 卫生机构 ⏎ 总收入 304.2 407.5 417.3"): a figure's
# look, but in a run of two years or more each one after the other, a statistics table's year columns
_BARE_YEAR = lazyre.compile(r"(?:19|20)\d{2}")


def in_year_run(cells: list[Cell], j: int) -> bool:
    """cells[j] is a bare year next to another bare year one apart (each year one after the other, cells on lines of
    their own or side by side): a header's year column, no figure. Figures right after the run (a row with no label)
    make it no header."""
    if not _BARE_YEAR.fullmatch(cells[j].text.strip()):
        return False
    near = [k for k in range(max(0, j - 12), min(len(cells), j + 13)) if cells[k].text and cells[k].kind not in (BREAK, EOL)]
    at = near.index(j)
    run = [j]
    for step in (-1, 1):
        k = at + step
        while 0 <= k < len(near) and _BARE_YEAR.fullmatch(cells[near[k]].text.strip()) and \
                int(cells[near[k]].text.strip()) - int(cells[near[k - step]].text.strip()) == step:
            run.append(near[k])
            k += step
        if step == 1 and 0 <= k < len(near) and _is_figure(cells[near[k]].text):
            return False
    return len(run) >= 2


@lru_cache(maxsize=8192)
def _is_figure(text: str) -> bool:
    return bool(_FIGURE.match(text.strip()))


def _display_column(text: str, at: int) -> int:
    """Where offset `at` of the text stands on its line, in display columns (a CJK character two)."""
    return display_width(text[text.rfind("\n", 0, at) + 1:at])


def join_spaced_stacked_header(cells: list[Cell], text: str) -> list[Cell]:
    """A header set out by spaces on two lines, the upper line's words standing over some of the lower line's cells:

                             年初       调整后                   为年初    为调整     上年
        项    目             预算数     预算数      执行数       预算%     预算%      执行数     增长%

    each upper word completes the one cell under it (its display columns overlap that cell's and no other's): "年初预算数",
    "调整后预算数", "执行数", "为年初预算%" …, as the header says them on one line.  Only two lines of no figure and no
    bar, each upper word over exactly one cell of its own, each join naming a column the upper word alone does not;
    otherwise the cells stay as they are."""
    lines: dict[int, list[int]] = {}
    for n, c in enumerate(cells):
        if c.kind == CELL:
            lines.setdefault(c.line, []).append(n)
    drop: set[int] = set()
    joined: dict[int, Cell] = {}
    for line, top in lines.items():
        below = lines.get(line + 1)
        if below is None or len(top) < 2 or len(below) <= len(top) or top[0] in drop:
            continue
        if any(not cells[n].text or _is_figure(cells[n].text) for n in top) \
                or any(_is_figure(cells[n].text) for n in below):
            continue
        row_text = text[text.rfind("\n", 0, cells[top[0]].start) + 1:cells[below[-1]].end]
        if "|" in row_text or "│" in row_text or "\n" not in row_text:
            continue
        spans = {n: (col := _display_column(text, cells[n].start), col + display_width(cells[n].text))
                 for n in (*top, *below)}
        pairs = {}
        for t in top:
            under = [b for b in below if cells[b].text and spans[b][0] < spans[t][1] and spans[t][0] < spans[b][1]]
            if len(under) != 1:
                break
            pairs[t] = under[0]
        if len(pairs) != len(top) or len(set(pairs.values())) != len(top):
            continue
        names = {t: cells[t].text + cells[b].text for t, b in pairs.items()}
        # (an upper word of no role, or of a bare amount's — "上年", "2023年" — that the join names more closely)
        if not all(role_of(names[t]) and (not role_of(cells[t].text) or role_of(cells[t].text) == "amount"
                                          and role_of(names[t]) != "amount") for t in top):
            continue
        drop.update(top)
        for t, b in pairs.items():
            c = cells[b]
            joined[b] = Cell(names[t], c.start, c.end, c.line, c.kind, c.source, c.level)
    if not drop:
        return cells
    out = []
    for n, c in enumerate(cells):
        if n in drop or (c.kind == EOL and n - 1 in drop):
            continue  # (the upper line's cells and its end)
        out.append(joined.get(n, c))
    return out
