"""Typed facts and the statements that relate them.

A `Fact` is one figure as the report states it: exact `Decimal` value in base
units (元 for money, percent points for %, 分 for scores), the precision it was
written with, where it stands, and what it is about (concept, period, scenario)
as far as its label says.  Statements (`Breakdown`, `Change`, `Rate`, `Share`,
`ScoreTable`, `Grade`, `Heading`) record which facts the text itself puts in
relation; rules only ever check relations the text states.
"""

from __future__ import annotations

import dataclasses
from copy import copy
from decimal import Decimal
from functools import lru_cache
from typing import Any, Literal

from auditor import records

_MISSING: Any = dataclasses.MISSING
_new_object, _set_attribute = object.__new__, object.__setattr__  # (Record.from_fields)
_MUTABLE = (dict, list, set)


def Field(default: Any = _MISSING, *, description: str = "") -> Any:
    """A record field with its description (pydantic's spelling, kept for readability)."""
    if isinstance(default, _MUTABLE):
        return dataclasses.field(default_factory=lambda d=default: copy(d), metadata={"description": description})
    return dataclasses.field(default=default, metadata={"description": description})


class _computed_once:
    """A read-only property worked out once a record, then kept in the record's own dict, where the next look-up finds
    it as a plain attribute (no call): for a value of the fields asked for again and again (a fact's tolerance, ~7
    times a fact).  Not a field: equality, hashing and repr stay the fields'; `model_copy` drops it (the class's
    `_derived`), so a copy with other fields works it out again."""

    def __init__(self, fn) -> None:
        self.fn, self.name, self.__doc__ = fn, fn.__name__, fn.__doc__

    def __get__(self, obj, cls=None):
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.fn(obj)
        return value


class Record:
    """A frozen, keyword-only record: a plain dataclass, cheap to build on the hot path.

    Every subclass becomes a frozen dataclass when it is defined.  Records are
    made only by the pipeline from values it has already typed, so nothing is
    validated; `model_construct` and `model_copy` keep the spelling the code
    uses (the first is the class itself, the second copies the attributes).

    Equality, hashing and repr are shared by all records (auditor/records.py):
    a class compiles only its `__init__` and frozen guards when it is defined.
    """

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        for name in cls.__dict__.get("__annotations__", {}):
            value = cls.__dict__.get(name, _MISSING)
            if isinstance(value, _MUTABLE):  # "arithmetic: dict[str, str] = {}"
                setattr(cls, name, Field(value))
        records.dataclass(cls, frozen=True, kw_only=True)
        # `Fact.model_construct(...)` is `Fact(...)`: the same record, without a classmethod's
        # call and second packing of every keyword in between (a quarter of building a Fact)
        cls.model_construct = cls

    @classmethod
    def model_construct(cls, **values: Any):
        return cls(**values)

    @classmethod
    def from_fields(cls, fields: dict[str, Any]):
        """The record `cls(**fields)` makes, from a dict that holds every field in the fields' order
        (defaults written out): the dict becomes the record's own, as __init__ would have filled it.
        For the places that make a record per figure: a call with twenty keywords costs more than
        the record (each keyword is matched to its parameter).  The caller writes every field, in
        order — tests/test_records.py checks the records so made against the constructor's."""
        record = _new_object(cls)
        _set_attribute(record, "__dict__", fields)
        return record

    @classmethod
    def field_names(cls) -> tuple[str, ...]:
        """The record's fields, in order (looked up once a class: copies are on the hot path)."""
        names = cls.__dict__.get("_field_names")
        if names is None:
            names = tuple(f.name for f in dataclasses.fields(cls))
            type.__setattr__(cls, "_field_names", names)
        return names

    @classmethod
    def field_set(cls) -> frozenset[str]:
        """The record's field names as a set (made once a class: every copy checks its update against it)."""
        names = cls.__dict__.get("_field_set")
        if names is None:
            names = frozenset(cls.field_names())
            type.__setattr__(cls, "_field_set", names)
        return names

    def model_copy(self, update: dict[str, Any] | None = None):
        """A copy with some fields changed — what dataclasses.replace gives, without running
        __init__ again (records have no __post_init__ to run)."""
        update = update or {}
        if not update.keys() <= self.field_set():
            unknown = update.keys() - self.field_set()
            raise TypeError(f"{type(self).__name__} has no field(s) {sorted(unknown)}")
        new = object.__new__(type(self))
        new.__dict__.update(self.__dict__)
        new.__dict__.update(update)
        for name in self._derived:  # (what a field changed may change: worked out again when asked)
            new.__dict__.pop(name, None)
        return new

    # the names of the values worked out from the fields once and kept in the record's own dict (_computed_once)
    _derived = ()


Kind = Literal["amount", "percent", "score", "count", "number"]
# the concepts of a figure that is a change (较上年增加 d, 增长 p%), not a quantity of its own
CHANGE_CONCEPTS = frozenset({"增减额", "增减率"})
Scenario = Literal["budget_initial", "budget_adjusted", "budget", "actual", "available", "final"]


class Span(Record):
    """A stretch of the original text: 0-based offsets, 1-based line and column."""

    start: int
    end: int
    line: int
    column: int


class Fact(Record):
    """One figure as the report states it (see the module docstring)."""

    _derived = ("tolerance",)  # (not a field: see _computed_once)
    id: int
    kind: Kind
    value: Decimal = Field(description="exact value in base units (元, %, 分, 人 …)")
    unit: str = Field(description="base unit")
    written_unit: str = Field(description="unit as written, e.g. 万元")
    scale: Decimal = Field(description="base units per written unit (万元 → 10000)")
    decimals: int = Field(description="decimals as written")
    approximate: bool = False
    about: bool = Field(False, description="an approximate figure known to within one unit of its last digit, and "
                                           "checked so: a rate written as about (约增2.63%, 5%左右), an amount cut "
                                           "below its last unit (405亿9,629万余元); other approximate figures (近, 逾, "
                                           "100余万元, 以上, 约100万元) are never checked")
    text: str = Field(description="the figure exactly as in the original text")
    span: Span
    label: str = Field("", description="normalised label text the figure belongs to")
    concept: str | None = None
    period: str | None = Field(None, description="'2020', 'previous', 'current' or None")
    scenario: Scenario | None = None
    fund: str | None = Field(None, description="the budget fund the paragraph speaks of (一般公共预算, 政府性基金 …)")
    window: int = 0
    sentence: int = 0
    in_table: bool = False
    exact: bool = Field(False, description="a designed value (a score table's 分值), not a rounded one")

    @property
    def is_bound(self) -> bool:
        """An approximate figure that only bounds the value (近5%, 逾100万元): nothing to check it against."""
        return self.approximate and not self.about

    @property
    def written_value(self) -> Decimal:
        """The number as written, in its written unit."""
        return self.value / self.scale

    @_computed_once
    def tolerance(self) -> Decimal:
        """Half a unit of the last written digit, in base units (±0.5×10^-d).

        A written zero is exact: reports write 0 when there was nothing, not to
        round a small amount away (“因公出国(境)费0万元”) — but a rate written to a decimal, “增长0.0%”, is a
        small rate rounded (0.04 %), and so is a table's 0 % among percentages written to the unit (a share column
        of 28 %, 7 %, 0 %: a part under half a percent).  An about-figure (“约增2.63%”) stands for a whole unit either side: the
        writer says it is rounded loosely.
        """
        if (self.value == 0 and not (self.kind == "percent" and (self.decimals or self.in_table))) or self.exact:
            return Decimal(0)
        if self.about:
            return 2 * _half_unit(self.decimals, self.scale)
        return _half_unit(self.decimals, self.scale)


def half_unit_of(number: str) -> Decimal:
    """Half a unit of the last decimal a number is written with ("83.3" → 0.05, "12" → 0.5): the interval a figure
    written so stands for, when it is no Fact (a pace or a cell read as text)."""
    return Decimal(5).scaleb(-(len(number.partition(".")[2]) + 1))


@lru_cache(maxsize=256)
def _half_unit(decimals: int, scale: Decimal) -> Decimal:
    """0.5×10^-decimals written units, in base units: a handful of values, asked for by the
    ten thousand (one digit times a power of ten, so exact in any decimal context)."""
    return Decimal(5).scaleb(-(decimals + 1)) * scale


# the scenarios of money planned or made available, and of money spent: a budget and what was spent of it never add up
BUDGET_SCENARIOS = frozenset({"budget", "budget_initial", "budget_adjusted", "available"})
SPENT_SCENARIOS = frozenset({"actual", "final"})


def unsigned(fact: "Fact | None") -> "Fact | None":
    """A change written with its sign (-0.36亿元, -2.3%), as the size its direction goes with."""
    return fact.model_copy(update={"value": abs(fact.value)}) if fact is not None and fact.value < 0 else fact


def period_of(fact: "Fact", report_year: str | None) -> str | None:
    """The year a figure is of: its own (2021年, 上年), else the report's (None when unknown)."""
    if fact.period in (None, "current"):
        return report_year
    if fact.period == "previous":
        return str(int(report_year) - 1) if report_year else "previous"
    if fact.period == "earlier":  # (前年度: the year before last)
        return str(int(report_year) - 2) if report_year else "earlier"
    return fact.period


def year_gap(earlier: "Fact", later: "Fact") -> int | None:
    """How many years the later figure's year is after the earlier's, as their labels date them (None when either
    names no year)."""
    if earlier.period and later.period and earlier.period.isdigit() and later.period.isdigit():
        return int(later.period) - int(earlier.period)
    return None


def is_previous(fact: "Fact", report_year: str | None) -> bool:
    """Last year's figure (上年, or a year before the report's: 前年度 too, the year before last)."""
    if fact.period in ("previous", "earlier"):
        return True
    if fact.period and report_year and fact.period.isdigit():
        return int(fact.period) < int(report_year)
    return False


class Bound(Record):
    """What every relation the binder states carries: why it was bound, and what it beat.

    `reason` names the resolver's reading (auditor/extract/bind/reasons.py: an
    explicit 其中 marker, a table's rows, numbered items, a vocabulary identity,
    a document-wide look-up …); `via` how the reading was extended (parts found
    on the following lines …); `rejected` the competing readings the arbiter
    dropped, each as "reason: what it proposed".
    """

    reason: str = ""
    via: tuple[str, ...] = ()
    rejected: tuple[str, ...] = ()


class Breakdown(Bound):
    """A total and the parts the text lists under it."""

    total: Fact
    parts: tuple[Fact, ...]
    subtracted: tuple[Fact, ...] = Field((), description="parts written as 减…")
    marker: str = Field(description="其中 | 分别为 | 包括 | 合计 | items | identity")
    complete: bool = True
    family: str | None = Field(None, description="the vocabulary family of an identity (支出构成 …)")
    core: int | None = Field(None, description="parts[:core] stand in the list's own sentence; the rest were "
                                               "found by extending it (next sentences, paragraphs, lines)")
    written_none: int = Field(0, description="members a table writes as none (—) in this column: 0 in the sum, "
                                             "but they may still state a change, which the parts then lack")


class Change(Bound):
    """较上年增加 d、增长 p%: a change of `subject` against a reference."""

    direction: int = Field(description="+1 increase, -1 decrease, 0 flat")
    delta: Fact | None = None
    percent: Fact | None = None
    current: Fact | None = None
    previous: Fact | None = None
    subject_label: str = ""
    reference: str = "previous"
    keyword: str = ""
    keyword_span: Span
    compared_name: str = Field("", description="what the previous term is when it is no earlier figure of the "
                                               "subject: 全省平均增幅 in \"高于全省平均增幅(11%)8.9个百分点\", 调整前")
    current_name: str = Field("", description="what the current term is when it is no figure of this year: 调整后")
    current_elsewhere: Fact | None = Field(None, description="no current figure in the sentence: the subject's "
                                                             "one value this year, stated elsewhere")
    previous_elsewhere: Fact | None = Field(None, description="with `current_elsewhere`: the subject's one value "
                                                              "the year before, stated before the change")
    role_other: Fact | None = Field(None, description="the figure the change was said right after, whose words name it "
                                                     "a gap, a remainder, a target or a forecast (cue figure_role_other): "
                                                     "`current` is the sentence's own amount instead; doubt tries this "
                                                     "one (ALT024)")
    direction_unstated: bool = Field(False, description="the direction word is followed by its opposite in brackets "
                                                        "(a template's 增加(减少)0.11万元, 下降(增加)6%): a size only — "
                                                        "`direction` is the first word's, no check rests on it")
    rate_sign: int = Field(0, description="a table row's rate as its sign is written (+1, −1) where the table writes "
                                          "signed rates (another row's fall with its minus); 0 where the sign says "
                                          "nothing (every rate a size)")


class ChangeList(Bound):
    """A change of a total followed by a list of the changes of its parts.

    "基本支出较上年增17.1万元。1.工资福利支出较上年增18.67万元 2.商品和服务支出较上年减0.04万元 …",
    or the changes stated for a complete list's total and each of its parts (`breakdown`).
    """

    total: Change
    parts: tuple[Change, ...]
    breakdown: Breakdown | None = None


class Rate(Bound):
    """A rate such as 执行率, with the amounts its sentence gives."""

    rate: Fact
    name: str = Field(description="执行率, 完成率, 到位率 …")
    base: Scenario | None = Field(None, description="the base the text names, if any")
    numerators: tuple[Fact, ...] = Field((), description="local amounts whose label reads as a numerator")
    denominators: tuple[Fact, ...] = Field((), description="local amounts whose label reads as a base")
    others: tuple[Fact, ...] = Field((), description="other amounts of the rate's clause group")
    pairs: tuple[tuple[Fact, Fact], ...] = Field((), description="(numerator, base) the sentence states")
    local_pairs: tuple[tuple[Fact, Fact], ...] = Field((), description="every (numerator, base) the sentence's "
                                                                       "own amounts allow")
    document_pairs: tuple[tuple[Fact, Fact], ...] = Field((), description="no base in the sentence: budgets of "
                                                                          "the numerator's subject elsewhere")
    value_pairs: tuple[tuple[Fact, Fact], ...] = Field((), description="no base in the sentence: amounts anywhere "
                                                                       "that give the rate within a last digit")
    excess: "Change | None" = Field(None, description="决算数大于预算数 d: the budget is the figure minus d")
    included: tuple[Fact, ...] = Field((), description="执行率(含保留): amounts the rate says its numerator includes, "
                                                       "added to it")
    summed: tuple[tuple[Fact, Fact], ...] = Field((), description="合计执行率, 总体到位率: a rate named as the items' "
                                                                 "together, of the summed (numerator, base) of each item")
    spent: "Fact | None" = Field(None, description="节约率 whose sentence states no budget: the amount spent, which with "
                                                   "the numerator (the saving) makes the base — 采购额 + 节约 = 预算")


class Share(Bound):
    """占 X 的 p%: `part` is p% of `whole`."""

    percent: Fact
    part: Fact | None = None
    whole: Fact | None = None
    whole_label: str = ""
    wholes: tuple[Fact, ...] = Field((), description="the wholes the share may be of, most likely first")
    whole_of_parts: tuple[Fact, ...] = Field((), description="no whole stated, but the shares of these parts add "
                                                              "to 100 %: the whole is their sum")
    part_of_parts: tuple[Fact, ...] = Field((), description="the part is the sum of these (a survey's 满意 and 基本满意 "
                                                            "answers); `part` is the first of them")


class SharePartition(Bound):
    """The shares of all the parts of one whole: they add to 100 % (at most 100 % when the parts named may not
    be all of them: `complete` False)."""

    label: str
    shares: tuple[Fact, ...]
    complete: bool = True


class Repeat(Bound):
    """One quantity (concept, year, scenario, funds) stated again: `other` against `first`."""

    first: Fact
    other: Fact
    concept: str
    group: int = Field(description="pairs of one quantity share a group: one finding per quantity")


class Difference(Bound):
    """审减 = 送审 − 审定, 结余 = 预算 − 支出, 节约 = 预算 − 实际, 超支 = 实际 − 预算: a
    difference the text names, of figures its sentence states."""

    difference: Fact
    minuends: tuple[Fact, ...] = Field(description="added: 送审, 预算 (and 上年结转 …), 实际 for 超支")
    subtrahends: tuple[Fact, ...] = Field(description="taken away: 审定, 支出, 实际, 预算 for 超支")
    name: str = Field(description="审减 | 结余 | 节约 | 超支")
    rate: Fact | None = Field(None, description="审减率 / 结余率 …: the difference over `base`")
    base: Fact | None = None
    rivals: tuple[Fact, ...] = Field((), description="figures further back in the sentence in one of the roles "
                                                     "(a second budget): another reading may take them")
    months: int = Field(0, description="a 超收 / 短收 against the plan's pace (序时进度): the months of the year gone, "
                                       "its budget counted at months / 12 (0: the whole budget)")
    pace: str = Field("", description="… the pace's share of the year as the text states or implies it, in percent, when "
                                      "it is not months / 12 (\"较序时进度(按均衡入库规律测算为70.0%)快2.8个百分点\": \"70.0\"): "
                                      "the budget counted at that share")


class Product(Bound):
    """户数 × 标准 = 金额, 人数 × 每人 = 合计: an amount its sentence states as a count times a rate."""

    product: Fact
    count: Fact
    standard: Fact = Field(description="the amount per unit (每人600元, 500元/户)")
    per: str = Field(description="what the standard is per: 人, 户, 亩 …")
    rivals: tuple[Fact, ...] = Field((), description="other counts of that unit and other amounts of the "
                                                     "sentence: another reading may take them")
    periods: int = Field(1, description="the months a standard per month is paid for (每人每月120元 … 12个月, 全年)")
    periods_text: str = Field("", description="where the months are said: \"12个月\", \"全年\"")
    fewer_below: bool = Field(False, description="a product below count × standard × periods may be of fewer people "
                                                 "or months (全年 with entries through the year, N名X中的Y): only more "
                                                 "contradicts it")


class Average(Bound):
    """年平均 A over the N years of a total T its sentence states: "1958~1965年,…投资共计1050万元,每年平均131万元"."""

    total: Fact
    mean: Fact
    years: tuple[int, ...] = Field(description="the counts of years the text allows (a span 1949~1985 may be said "
                                               "to be 36 years or 37): the mean holds with any")
    years_text: str = Field(description="where the count is said: \"的36年\", \"1958~1965年\"")
    years_span: Span
    per: str = Field("", description="a mean per unit (户均, 人均): the unit, the count of it in `years` — '' for a "
                                     "mean a year")
    count_tolerance: Decimal = Field(Decimal(0), description="half a unit of the count's last digit when it is "
                                                            "rounded (门急诊人次98.76万): the mean is known less well")


class MonthsPayable(Bound):
    """可支付 N 个月: how many months a fund's balance pays at its monthly spending — "统筹基金累计结存178.43亿元,可支付21.7个月"
    with 统筹基金支出98.65亿元 for the year: N = 178.43 / (98.65 / 12)."""

    balance: Fact
    months: Fact
    spending: Fact
    monthly: bool = Field(False, description="the spending is a month's (月均支出 stated), not the year's (÷ 12)")


class CompoundGrowth(Bound):
    """年均增长 p% from a figure of one year to a figure of a later one: end = start × (1 + p)^years; or, with no
    figures, the growth over those years it compounds to: 1 + total = (1 + p)^years ("年均增长12.3%,2020年达到9410.76元,
    比2015年增长76.48%")."""

    start: Fact | None = None
    end: Fact | None = None
    rate: Fact
    years: int
    direction: int = Field(1, description="+1 年均增长, -1 年均下降")
    total: Fact | None = Field(None, description="the growth over the years (比2015年增长 q%), when no figures are given")
    total_direction: int = Field(1, description="+1 增长, -1 下降: the total growth's")


class Target(Bound):
    """完成目标任务数 X 的 p%, 超任务 p%: a physical target and what was done against it."""

    percent: Fact
    target: Fact
    actual: Fact
    measure: Literal["completion", "excess"] = Field(description="completion: actual / target; "
                                                                 "excess: (actual − target) / target")
    ceiling: bool = Field(False, description="the target is a ceiling (不高于, ≤, 以内: a cost, a time limit), met by "
                                             "any figure under it: a completion of 100 %")
    direction: Literal["", "at_least", "at_most", "unstated"] = Field(
        "", description="an indicator table row's: its 年度指标值 written with ≥ (at_least), ≤ (at_most) or no "
                        "comparator (unstated: a reverse indicator — a cost, a time — may be one); '' in prose")


class Enumeration(Bound):
    """直属事业单位10个,即 A、B、C …: a count followed by the names it counts."""

    count: Fact
    names: tuple[str, ...]
    span: Span = Field(description="where the names stand")
    text: str = Field("", description="the names as written")
    joined: str = Field("", description="the word (和, 及 …) that joined the last two names, which may be one name")


class UnitSlip(Bound):
    """One quantity written in 元 in one place and in 万元 in another, 10⁴ apart."""

    slipped: Fact
    others: tuple[Fact, ...] = Field(description="the other mentions, in the unit the slipped figure lacks")
    concept: str


class TableRow(Record):
    """A row of a score or budget table: its label and its figures by column."""

    label: str
    cells: dict[str, Fact]
    span: Span
    is_total: bool = False
    labels: tuple[str, ...] = Field((), description="every label cell of the row (一级 / 二级 / 三级指标)")
    texts: dict[str, str] = Field({}, description="text in figure columns: 年度指标值 '≥200平方米', 实际完成值 '已完成'")
    dashed: tuple[str, ...] = Field((), description="columns whose cell is an explicit '—' / '无' / '/' (nothing)")
    part_of: int | None = Field(None, description="the index of the row this row is a 其中 part of")
    level_unsure: bool = Field(False, description="a row after a 其中 row that may be one more part of that row or a "
                                                  "row of its own, neither its layout, its name nor the sums telling: "
                                                  "no sum that counts it as a row of its own is read")
    via: tuple[str, ...] = Field((), description="how the row was read beyond its plain cells (run-together "
                                                 "cells split, cells placed by the row's arithmetic)")
    grade_span: tuple[int, int] | None = Field(None, description="where a 总分 row gives its grade ('总分 | 100 | 96 | 优')")
    level: int | None = Field(None, description="in a coded grid (款 | 項 | 目 | 節 | 名稱), the code column numbering the row")
    indent: int | None = Field(None, description="how far spaces alone set the row's label in from its line's start "
                                                 "(None: other cells or bars stand before it)")
    cell_indent: int | None = Field(None, description="how many spaces set the row's label in within its bar cell "
                                                      "('|  普通教育 |': 2; None: no bar opens the cell)")
    stacked: bool | None = Field(None, description="the row set one cell a line, its figures on lines after its "
                                                   "name's (True), or on its name's line (False); None: no figure")
    completion: tuple[Fact, Fact, Fact] | None = Field(None, description="an indicator row's 完成率, 年度指标值 and "
                                                       "实际完成值 cells as figures, where a 完成率 column stands between "
                                                       "实际完成值 and 分值 (read apart: none of the document's facts)")


class GridFormula(Record):
    """What a grid's columns agree on, row by row: `target` (a column index) is the sum of the
    `operands` columns (sum), operands[0] / operands[1] × 100 (ratio), operands[0] over the same
    column's figure in the row `wholes` names for each row × 100 (share_of_row),
    (operands[0] − operands[1]) / operands[1] × 100 (growth), or the change from operands[1] to
    operands[0], written unsigned (change); or row `target` (a 合计) is the sum of the `operands`
    rows in each of `columns` (row_sum); or `target` (the balance at the end) is the sum of the `operands` (the
    balance at the start, what was added) less the `taken` columns (roll: a header naming a balance's account)."""

    kind: str
    target: int
    operands: tuple[int, ...]
    wholes: tuple[int | None, ...] = Field((), description="share_of_row: each row's total row (None: none)")
    columns: tuple[int, ...] = Field((), description="row_sum: the columns in which row `target` is the sum of the "
                                                     "`operands` rows")
    taken: tuple[int, ...] = Field((), description="roll: the columns taken away (支出, 偿还)")
    reason: str = Field("column_agreement", description="why: the columns agree on it in (nearly) every row, or the "
                                                        "header states it (table_subtotal_columns, roll_columns)")
    partial: bool = Field(False, description="sum: the operands may name only some of the target (其中 groups)")
    support: int = Field(0, description="rows in which the formula holds")
    rows: int = Field(0, description="rows in which all its figures are written")


class ScoreTable(Record):
    """A score table or 自评表 grid read from table-shaped text."""

    columns: tuple[str, ...]
    rows: tuple[TableRow, ...]
    span: Span
    kind: str = Field("", description="funds (资金 grid), indicators (绩效指标), scores, amounts")
    layout: str = Field("", description="how it was written: cells (one per line), rows (one per line), "
                                        "line (a table flattened onto one line), spaced (rows whose cells stand apart by single "
                                        "spaces, read line by line)")
    base: Scenario | None = Field(None, description="the 执行率 base the header names (B/A, A = 全年预算数)")
    score_rule: str = Field("", description="the funds score rule the header states ('得分(20分*执行率)')")
    complete: bool = Field(False, description="every row between the header and the last row was read")
    full_when_met: str = Field("", description="where the report says a met indicator scores full marks")
    column_sums: bool = Field(False, description="the first figure column is the sum of the others, in every row "
                                                 "(a block of 年度资金总额 and its sources, one block per row)")
    formulas: tuple["GridFormula", ...] = Field((), description="a grid of bare figures: the arithmetic its columns "
                                                                "agree on in (nearly) every row (tables/grid.py)")
    comparable: tuple[str, ...] = Field((), description="the note under the table says its changes are on a comparable "
                                                       "basis (同口径, 可比价格): on bases the table does not show — the "
                                                       "labels of the rows it names, or '*' for all; "
                                                       "'Δ' and a row's label: its change is a difference, no rate")
    averages: bool = Field(False, description="its figures are averages (生均, 人均, 次均 …: its caption or a column says "
                                              "so): no row is a sum of others")
    two_sided: bool = Field(False, description="its header names both sides of an account, each with its figure column "
                                               "(收入 | 执行数 | 支出 | 执行数), read as one column of rows: no row sums")
    unlisted: bool = Field(False, description="the note under it says some rows are not listed one by one (金额较小的款级"
                                              "科目未逐项列示): a row's coded rows under it may be only some of it")


class TableRate(Bound):
    """执行率 of a table row: 执行数 over the base its template names (or 得分率: 得分 / 分值)."""

    name: str = "执行率"
    rate: Fact
    actual: Fact
    base: Fact | None = Field(None, description="the base the header or the template names")
    others: tuple[Fact, ...] = Field((), description="the row's other budget figures")
    named: bool = Field(False, description="the header names the base (执行率(B/A), A = 全年预算数)")
    row: str = ""


class FundsScore(Bound):
    """得分 of a funds row = 分值 × 执行率, capped at 分值."""

    score: Fact
    weight: Fact
    rate: Fact
    rule: str = Field("", description="the rule as the header or text states it; '' when only the convention")
    row: str = ""


class ScoreCap(Bound):
    """A score said with its full marks in prose ("产出指标满分50分,得49分"): the score is at most the full marks."""

    score: Fact
    weight: Fact
    row: str = Field("", description="what is scored, as the sentence names it")


class IndicatorScore(Bound):
    """An indicator row: 年度指标值 / 实际完成值 / 分值 / 得分."""

    score: Fact
    weight: Fact
    target: str = ""
    achieved: str = ""
    met: bool | None = Field(None, description="a quantitative target the 实际完成值 meets (None: not comparable)")
    full_when_met: str = Field("", description="where the template says a met indicator scores full marks")
    row: str = ""


# the `via` of a ScoreSum of a level's 小计 row over that level's rows (one block of the score, not all of it)
SUBTOTAL_VIA = "a level's subtotal"
# a table row's own rows under it, only some of them as the note under the table says ("金额较小的款级科目未逐项列示"):
# the table goes on past them by design, no row of it dropped (check/doubt.py, rows_go_on)
UNLISTED_VIA = "some of the row's own rows: the note under the table says the small ones are not listed"


class ScoreSum(Bound):
    """The 分值 or 得分 of a score table's rows add to its 合计 / 总分 row."""

    total: Fact
    parts: tuple[Fact, ...]
    column: Literal["weight", "score"]
    complete: bool = Field(True, description="every row was read (or the weights add to their total)")
    row: str = Field("", description="the total row's label (总分, 合计, 小计 …)")


class Grade(Record):
    """自评等级为“优”: a grade word and the score it is said to follow from."""

    grade: str
    text: str
    span: Span
    score: Fact | None = None
    bands: tuple[tuple[str, Decimal], ...] = Field((), description="the lower bounds of the grades the report "
                                                                   "itself states (\"85分（含）以上为优\"), if any")
    own_scale: bool = Field(False, description="the report describes grade bands of its own that were not read "
                                               "(\"分别对应总分85分以上、75～84分…\"): the default bands are not its")
    respective: bool = Field(False, description="one of a run of grades said 分别 after as many scores said so "
                                                "(\"得分分别为96分、88分,评价等级分别为优、良\"): paired by order")


class Heading(Record):
    """A numbered heading (一、二、…): its numbers are checked to run on."""

    number: int | None  # None: a line opening with "、", its numeral lost in extraction
    text: str
    span: Span


class Operation(Record):
    """One node of written-out arithmetic: a figure, or an operator over two operands."""

    op: Literal["figure", "+", "-", "×", "÷"]
    figure: Fact | None = None
    left: "Operation | None" = None
    right: "Operation | None" = None


class Calculation(Record):
    """Arithmetic the report writes out, "(63.46-32)÷32=98.31%": every side is equal."""

    sides: tuple[Operation, ...]
    text: str
    span: Span


class Extraction(Record):
    """Everything the grammar and binder read from one document."""

    facts: tuple[Fact, ...] = ()
    breakdowns: tuple[Breakdown, ...] = ()
    changes: tuple[Change, ...] = ()
    change_lists: tuple[ChangeList, ...] = ()
    rates: tuple[Rate, ...] = ()
    shares: tuple[Share, ...] = ()
    tables: tuple[ScoreTable, ...] = ()
    grades: tuple[Grade, ...] = ()
    headings: tuple[Heading, ...] = ()
    calculations: tuple[Calculation, ...] = ()
    report_year: str | None = None
    identities: tuple[Breakdown, ...] = ()
    partitions: tuple[SharePartition, ...] = ()
    repeats: tuple[Repeat, ...] = ()
    differences: tuple[Difference, ...] = ()
    products: tuple[Product, ...] = ()
    averages: tuple[Average, ...] = ()
    months_payable: tuple[MonthsPayable, ...] = ()
    compound_growths: tuple[CompoundGrowth, ...] = ()
    targets: tuple[Target, ...] = ()
    enumerations: tuple[Enumeration, ...] = ()
    unit_slips: tuple[UnitSlip, ...] = ()
    named_repeats: tuple[Repeat, ...] = Field((), description="an amount named by a project or a document "
                                                              "(文号) stated twice")
    table_rates: tuple[TableRate, ...] = ()
    funds_scores: tuple[FundsScore, ...] = ()
    indicator_scores: tuple[IndicatorScore, ...] = ()
    score_sums: tuple[ScoreSum, ...] = ()
    score_caps: tuple[ScoreCap, ...] = Field((), description="a score said with its full marks in prose")
