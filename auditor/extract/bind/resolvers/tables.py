"""The relations a table's rows and columns state, each with its reason.

A 自评表 states, through its template:

- 年度资金总额 = Σ its 其中 rows (当年财政拨款 / 上年结转资金 / 其他资金), per
  column (`funds_sources`: complete when every source row is written, else
  the parts may not exceed it);
- 执行率 = 全年执行数 / the base the header names (`table_rate_named`: "执行率
  (B/A)" with "全年预算数(A)") or the template's (`table_rate`);
- 得分 = 分值 × 执行率, capped at 分值, for the funds row (`funds_score_stated`
  where the header or the text states it, else `funds_score_convention`);
- each indicator row's 分值 and 得分, 年度指标值 and 实际完成值 (`indicator_row`);
- Σ 分值 and Σ 得分 of the rows = the 总分 row, the funds row included
  (`score_table_total`);
- 结余 = 实际到位资金 (or 预算) − 实际支出 (`funds_balance`).

A table with last year's and this year's figures side by side and 增减额 /
增减率 columns states a change per row (`table_change_row`):
"项目 | 上年决算数 | 本年决算数 | 增减额 | 增减幅度".

Other tables state sums by their rows (`table_rows`): a 合计 row over numbered
rows, a row over its 其中 rows, a last 合计 row over every row above it.
"""

from __future__ import annotations

import itertools
from bisect import bisect_left
from dataclasses import field
from decimal import Decimal

from auditor import lazyre
from auditor.extract.model import (SUBTOTAL_VIA, UNLISTED_VIA, Breakdown, Change, CompoundGrowth, Difference, Fact, FundsScore, IndicatorScore, ScoreSum,
                                   ScoreTable, Share, TableRate, TableRow, Target, unsigned, year_gap)
from auditor.extract.bind.reasons import FLATTENED_FUNDS, POSITIONAL, POSITIONAL_TOTAL, UNHEADED_SCORES
from auditor.extract.bind.lists import adds_up, net_no_sum
from auditor.extract.bind.resolvers import column_agreement
from auditor.extract.bind.resolvers.column_agreement import _WRITTEN_FALL as _NEGATIVE, signed_rates
from auditor.extract.numbering import item_style, outline_depth
from auditor.extract.tables.grid import WHOLE_PLACE as _WHOLE_PLACE, part_mark_widths
from auditor.extract.tables.reader import (BASE_YEAR_MARK, GROUP_HEADING_START, SPAN_MARK, SUBTOTAL_ROW, TOTAL_ROW,
                                           YEAR_BEFORE_MARK, column_year)
from auditor.extract.tables.columns import (BUDGET_ROLES, TOTAL_NAME, UNIT_TAIL, UNREAD_ROLES, clean, column_keys, is_source,
                                            rate_column_base, role_in_table, role_of)
from auditor.extract.vocabulary import Vocabulary
from auditor.records import dataclass

_NUMBERED = lazyre.compile(r"^\s*(?:\d{1,2}[、.．]|\(\d{1,2}\)|[一二三四五六七八九十]{1,2}[、.])")
_SUBTOTAL = lazyre.compile(r"总额|合计|总计|小计|[::]$")
_SUM_ROLES = ("budget_initial", "budget_adjusted", "budget", "received", "actual", "balance", "amount")
_NEAR = 4000  # an indicator table this close after a 资金 grid is the same 自评表
_FUNDS_INDICATOR = lazyre.compile(r"(?:预算|资金)执行(?:率|情况)?$")  # (an indicator row that is the funds row)
_OWN_FUNDS_ROW = lazyre.compile(r"预算执行|资金执行|执行率|资金管理|资金使用|资金投入|项目资金")



@dataclass
class TableRelations:
    """The relations a table states by its layout (totals, rates, scores)."""

    breakdowns: list[Breakdown] = field(default_factory=list)
    rates: list[TableRate] = field(default_factory=list)
    funds_scores: list[FundsScore] = field(default_factory=list)
    indicators: list[IndicatorScore] = field(default_factory=list)
    score_sums: list[ScoreSum] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    shares: list[Share] = field(default_factory=list)
    differences: list[Difference] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    compound_growths: list[CompoundGrowth] = field(default_factory=list)


def resolve(tables: list[ScoreTable] | tuple[ScoreTable, ...], vocab: Vocabulary) -> TableRelations:
    out = TableRelations()
    average = vocab.cue("average_total")
    deducted = vocab.cue("deducted_row")
    previous: ScoreTable | None = None
    for table in tables:
        if table.kind == "grid":  # (bare figures: only what its columns agree on)
            breakdowns, shares, changes, differences = column_agreement.resolve(table, vocab)
            out.breakdowns.extend(breakdowns)
            out.shares.extend(shares)
            out.changes.extend(changes)
            out.differences.extend(differences)
            continue
        rows = list(table.rows)
        via = _via(table)
        parts_of = _partition(table, rows, vocab.cue("function_class"))
        if not table.averages and not table.two_sided:
            # (averages add up to nothing: "其中:农村" is another average, no part; a 收支平衡表's two sides read as one
            # column of rows are no list)
            out.breakdowns.extend(_sums(table, rows, via, parts_of, average, deducted, vocab))
            out.breakdowns.extend(_row_totals(table, rows, via))
            out.breakdowns.extend(_subtotal_blocks(rows, via))
            out.breakdowns.extend(_closing_totals(rows, via))
            out.breakdowns.extend(_balances(rows, via))
            out.breakdowns.extend(_surplus_rows(rows, via, vocab))
            out.breakdowns.extend(_deductions(rows, via))
            out.breakdowns.extend(_place_totals(table, rows, via, parts_of))
        out.rates.extend(_rates(table, rows))
        out.funds_scores.extend(_funds_scores(table, rows))
        out.changes.extend(_changes(table, rows))
        out.compound_growths.extend(_compound_growths(table, rows, vocab))
        if not table.averages and not table.two_sided:
            out.shares.extend(_column_shares(table, rows, parts_of))
        if table.kind == "indicators":
            out.indicators.extend(_indicators(rows, table.full_when_met, POSITIONAL.get(table.layout, "indicator_row")))
            out.targets.extend(_completions(rows, _via(table)))
            out.score_sums.extend(_level_weights(table))
            # (… unless a row of its own scores the funds: "| 预算执行率 | | | | 10 | 9.93 |" said again under 一级指标)
            own = any(_FUNDS_INDICATOR.search(_bare(r.label)) for r in table.rows)
            out.score_sums.extend(_score_sums(table, None if own else _funds_above(previous, table)))
        elif table.kind == "scores":
            # (a 自评表 whose indicator rows state only 分值 and 得分: its 资金 block above is its first row too —
            # unless its rows have a funds row of their own: "预算执行 | 10 | 9.62 | 9.73")
            own = any(_OWN_FUNDS_ROW.search(r.label) for r in table.rows)
            out.score_sums.extend(_score_sums(table, None if own else _funds_above(previous, table)))
        previous = table
    return out


def _funds_above(previous: ScoreTable | None, table: ScoreTable) -> ScoreTable | None:
    """The 资金 grid right above a score table: the same 自评表."""
    return previous if previous is not None and previous.kind == "funds" \
        and 0 <= table.span.start - previous.span.end <= _NEAR else None


# ------------------------------------------------------------------ changes
def _changes(table: ScoreTable, rows: list[TableRow]) -> list[Change]:
    """Each row's 增减额 / 增减率 against its last-year and this-year cells — not a column that
    compares the year's actual with its budget ("决算较预算增减", "决算与预算比较增减%")."""
    names = dict(zip(column_keys([role_of(n) for n in table.columns]), table.columns))
    headers = [clean(names.get(k) or "") for k in ("change", "change_rate")]
    if "*" in table.comparable or any(_COMPARABLE.search(h) for h in headers):
        return []  # (同口径 / 可比 growth: on a base the table does not show)
    against_budget = _against_budget(names, headers) or _adjustment_of_budget(names, headers)
    if against_budget is not None:
        return _changes_on_budget(table, rows, names, *against_budget)
    if any(_AGAINST_BUDGET.search(h) for h in headers):
        return []  # (决算较预算增减 beside two years' 决算: which budget it is of the table does not say)
    if any(_AVERAGE_RATE.search(h) for h in headers):
        return []  # ("2015年 | 2020年 | 年均增长(%)": a rate a year over the span, not the change between the columns)
    blocks = _year_blocks(table, names, headers)
    if blocks:
        return _block_changes(table, rows, blocks)
    # ("2019年 | 2020年 | 2020年比2015年增长(%)": against a year the header names, whose column may not be shown)
    base_year = next((m.group(1) for h in headers for m in [_BASE_YEAR.search(h)] if m), None)
    # ("2021年 | 2022年 | 2023年 | 2023年比2021年增长(%)": the two years it is between, named, among the columns shown)
    spanned = next((m.groups()[::-1] for h in headers for m in [_YEAR_ON_YEAR.search(h)] if m), None)
    on_year_before = any(_ON_YEAR_BEFORE.search(h) for h in headers) or YEAR_BEFORE_MARK in table.comparable
    # "比上年执行数增长%": the figure compared with is of the role the header names
    named = next((role_of(m.group(1) + "数") for h in headers for m in [_BASE_NAMED.search(h)] if m), None)
    # (change columns that name no figure they are of: between the two years the table shows, in each row)
    # ("比較增減(113-112)": the years it is between in a bracket, the later first — a change of the columns of those years)
    # (a 增减 column and a rate column each between two other years named: "2022年比2021年增减 | 2023年比2021年增长(%)" —
    # the rate is not of the change beside it; each is read between its own years, _later_year_pair_changes)
    apart = {k for k in ("change", "change_rate") for m in [_YEAR_ON_YEAR.search(clean(names.get(k) or ""))]
             if m and spanned is not None and m.groups()[::-1] != spanned}
    plain_growth = named is None and all(_PLAIN_GROWTH.match(_YEARS_BRACKET.sub("", h)) for h in headers if h)
    adjacent = _adjacent_pairs(rows)
    out = []
    for row in rows:
        if row.label in table.comparable:
            continue  # (the row the note names: "注:农林牧渔业总产值…增长速度按可比价格计算")
        by_role: dict[str, list[Fact]] = {}
        for key, fact in row.cells.items():
            by_role.setdefault(key.split("#")[0], []).append(fact)
        delta, percent = (by_role.get(r, [None])[0] if r not in apart else None for r in ("change", "change_rate"))
        if "Δ" + row.label in table.comparable:
            percent = None  # ("注:…收入比栏为比上年增减的绝对数": the row's change is a difference, no rate)
        if delta is not None and _NOT_AMOUNT.search(delta.text):
            delta = None  # ("比上年增减 | 0.6%", "0.89个百分点": a 增减 column that writes rates, no amount of the row's unit)
        if percent is not None and _RATIO_ROW.search(clean(row.label)):
            percent = None  # ("占GDP比例(%) | 4.01 | 4.05 | 0.04": a ratio's change, in percentage points as a rule)
        pair = [fs for r, fs in by_role.items() if r in _SUM_ROLES and len(fs) == 2 and (named is None or r == named)]
        if not pair and plain_growth:
            pair = _years_pair(by_role)  # (not "比上年预算增长%", "比2023年执行数增减%": on a figure not shown)
        if not pair and named is not None:
            pair = _named_base_pair(by_role, named)  # ("2023年决算数 | 2024年预算数 | 比上年决算增长%")
        if not pair and spanned is not None:
            pair = _named_years_pair(by_role, spanned)
        if (delta is None and percent is None) or len(pair) != 1:
            continue
        previous, current = adjacent[id(row)] if adjacent is not None and id(row) in adjacent \
            else _in_time_order(pair[0])
        if previous is None or (base_year is not None and previous.period != base_year):
            continue
        if on_year_before and year_gap(previous, current) not in (None, 1):
            continue  # ("2019年 | 2024年 | 2024年比上年增长(%)": against 2023, a column the table does not show)
        stated = delta if delta is not None else percent
        out.append(Change.model_construct(
            direction=_direction(stated, current, previous), delta=unsigned(delta), percent=unsigned(percent), current=current,
            previous=previous, subject_label=row.label, reference="previous", keyword=stated.text,
            keyword_span=stated.span, current_elsewhere=None, reason="table_change_row",
            via=tuple([*_via(table), *row.via]), rejected=()))
    out.extend(_later_year_pair_changes(table, rows, names, spanned, apart))
    return signed_rates(out, clean(names.get("change_rate") or ""))


def _later_year_pair_changes(table: ScoreTable, rows: list[TableRow], names: dict, spanned,
                             apart: set[str]) -> list[Change]:
    """"指标 | 2021年 | 2022年 | 2023年 | 2022年比2021年增长(%) | 2023年比2022年增长(%)": the second (third …) change
    column, each naming the two years it is between as the first does, is read as the first is — each row's change
    between the amounts of its two years, both shown, each once ([] when the first column names no two years); so is a
    first 增减 or rate column between other years than the first change column's (`apart`)."""
    if spanned is None:
        return []
    out: list[Change] = []
    for key, header in names.items():
        if not key or "#" not in key and key not in apart or key.split("#")[0] not in ("change", "change_rate"):
            continue
        m = _YEAR_ON_YEAR.search(clean(header or ""))
        if m is None or _COMPARABLE.search(clean(header)):
            continue
        years, rate = m.groups()[::-1], key.startswith("change_rate")
        for row in rows:
            stated = row.cells.get(key)
            if stated is None or row.label in table.comparable or rate and (
                    "Δ" + row.label in table.comparable or _RATIO_ROW.search(clean(row.label))) \
                    or not rate and _NOT_AMOUNT.search(stated.text):
                continue
            by_role: dict[str, list[Fact]] = {}
            for k, fact in row.cells.items():
                by_role.setdefault(k.split("#")[0], []).append(fact)
            pair = _named_years_pair(by_role, years)
            if len(pair) != 1:
                continue
            previous, current = pair[0]
            out.append(Change.model_construct(
                direction=_direction(stated, current, previous), delta=None if rate else unsigned(stated),
                percent=unsigned(stated) if rate else None, current=current, previous=previous,
                subject_label=row.label, reference="previous", keyword=stated.text, keyword_span=stated.span,
                current_elsewhere=None, reason="table_change_row", via=tuple([*_via(table), *row.via]), rejected=()))
    return out


def _compound_growths(table: ScoreTable, rows: list[TableRow], vocab: Vocabulary) -> list[CompoundGrowth]:
    """A column of rates a year (年均增长(%), 年均增速, "2020—2023年年均增长%") beside two columns of one role dated
    by two years ("2021年 | 2023年 | 年均增速(%)"): each row's rate compounds its earlier figure into its later one over
    the years between them (CHG006: end = start × (1 + p)^years).  Not on a basis the table does not show (a note's
    同口径 / 可比价格, the header's 可比 / 实际), nor a row of value added or output (生产总值, 增加值: real growth by
    custom, at comparable prices), nor a row of ratios; nor over years other than the two columns' when its name names
    them ("2019年 | 2023年 | 2021—2023年年均增长(%)"), or names a span by words (近三年, “十三五”时期, 以来), or a note under
    the table names its base year ("以2020年为基期计算")."""
    names = dict(zip(column_keys([role_of(n) for n in table.columns]), table.columns))
    keys = [k for k, n in names.items() if k and k.split("#")[0] == "change_rate" and _AVERAGE_RATE.search(clean(n))]
    if len(keys) != 1 or "*" in table.comparable or BASE_YEAR_MARK in table.comparable \
            or _COMPARABLE.search(clean(names[keys[0]])) \
            or _REAL_RATE.search(clean(names[keys[0]])):
        return []
    key = keys[0]
    named_years = _SPAN_YEAR.findall(clean(names[key]))
    if vocab.cue("vague_span").search(clean(names[key])):
        return []  # ("近三年年均增长(%)", "“十三五”时期年均增长", "2015年以来年均增长": a span the columns need not bound)
    direction = -1 if _FALL_RATE.search(clean(names[key])) else 1
    real = vocab.cue("real_growth_quantity")
    out = []
    for row in rows:
        rate = row.cells.get(key)
        if rate is None or row.label in table.comparable or real.search(row.label) \
                or _RATIO_ROW.search(clean(row.label)) or _NOT_AMOUNT.search(rate.text.rstrip("%")):
            continue
        by_role: dict[str, list[Fact]] = {}
        for k, fact in row.cells.items():
            by_role.setdefault(k.split("#")[0], []).append(fact)
        pair = [fs for r, fs in by_role.items() if r in _SUM_ROLES and len(fs) == 2] or _years_pair(by_role) \
            or _span_pair(by_role, named_years, table.comparable)
        if len(pair) != 1:
            continue
        start, end = _in_time_order(pair[0])
        if start is None or not (start.period and end.period and start.period.isdigit() and end.period.isdigit()) \
                or start.unit != end.unit or start.value <= 0:
            continue
        if named_years and sorted(named_years) != [start.period, end.period]:
            continue  # ("2019年 | 2023年 | 2021—2023年年均增长(%)": the rate names a span of its own, its start not shown)
        years = int(end.period) - int(start.period)
        if not 2 <= years <= 30:
            continue  # (one year's growth is a change of the two columns, read as such where the header says so)
        out.append(CompoundGrowth.model_construct(start=start, end=end, rate=rate, years=years, direction=direction,
                                                  reason="table_compound_growth", via=tuple([*_via(table), *row.via]),
                                                  rejected=()))
    return out


_REAL_RATE = lazyre.compile(r"实际|扣除|价格")
# the years a rate column names ("2019—2023年年均增长(%)": read only over the two dated columns' own years), or a span
# it names by words, bounded by no column ("近三年", "“十三五”时期", "2015年以来", "五年来": vocabulary cue vague_span)
_SPAN_YEAR = lazyre.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_FALL_RATE = lazyre.compile(r"下降|减少")


def _year_blocks(table: ScoreTable, names: dict, headers: list[str]) -> list[tuple[str, str, str]]:
    """The blocks of a header that repeats "year | later year | 增长(%)" under group headings ("生均教育事业费: 2022年 |
    2023年 | 增长(%) ‖ 生均公用经费: 2022年 | 2023年 | 增长(%)"): each block's (earlier key, later key, rate key) —
    every column in one, each rate column plain (增长, 增长(%): no base named) right after its two years.  [] for any
    other header."""
    keys = column_keys([role_of(n) for n in table.columns])
    if len(keys) < 6 or len(keys) % 3 or any(not k for k in keys) or any(h and not _PLAIN_GROWTH.match(h) for h in headers):
        return []
    out = []
    for a, b, c in zip(keys[0::3], keys[1::3], keys[2::3]):
        ya, yb = (column_year(clean(names.get(k) or "")) for k in (a, b))
        if a.split("#")[0] not in _SUM_ROLES or b.split("#")[0] not in _SUM_ROLES or c.split("#")[0] != "change_rate" \
                or not _PLAIN_GROWTH.match(clean(names.get(c) or "")) or not (ya and yb and ya.isdigit() and yb.isdigit()) \
                or int(yb) - int(ya) != 1:
            return []
        out.append((a, b, c))
    return out


def _block_changes(table: ScoreTable, rows: list[TableRow], blocks: list[tuple[str, str, str]]) -> list[Change]:
    """Each row's growth in each block of a header that repeats "year | next year | 增长(%)": the block's later year
    on its earlier (table_change_row, as a header of one block reads)."""
    out = []
    for a, b, c in blocks:
        changes = []
        for row in rows:
            previous, current, percent = (row.cells.get(k) for k in (a, b, c))
            if previous is None or current is None or percent is None or row.label in table.comparable \
                    or "Δ" + row.label in table.comparable or _RATIO_ROW.search(clean(row.label)):
                continue
            changes.append(Change.model_construct(
                direction=_direction(percent, current, previous), delta=None, percent=unsigned(percent),
                current=current, previous=previous, subject_label=row.label, reference="previous",
                keyword=percent.text, keyword_span=percent.span, current_elsewhere=None, reason="table_change_row",
                via=tuple([*_via(table), *row.via]), rejected=()))
        out.extend(signed_rates(changes, clean(dict(zip(column_keys([role_of(n) for n in table.columns]),
                                                          table.columns)).get(c) or "")))
    return out


# a change column that names no figure it is of ("增长%", "增长(%)", "增减率"): between the columns the table shows
# ("比较增减", "比较增减金额": a 比较 column of two years' figures, the same)
_YEARS_BRACKET = lazyre.compile(r"\((?:19|20)?\d{2,3}\s*[-－—−]\s*(?:19|20)?\d{2,3}\)$")
_PLAIN_GROWTH = lazyre.compile(r"^(?:比较)?(?:增长|增减|增幅|增\(减\))(?:金额|额|数|率|幅度)?(?:%|\(%\))?$")


def _years_pair(by_role: dict[str, list[Fact]]) -> list[list[Fact]]:
    """The row's two amounts of two roles, when they are its only amounts and their columns name two years:
    "2023年执行数 | 占比% | 2024年预算数 | 占比% | 增长%" — this year's budget grows on last year's actual, a change
    between the years the header names (the 占比 columns are shares, no amounts).  [] otherwise (one year, or a third
    amount: which two the change compares the header does not say)."""
    amounts = [f for r, fs in by_role.items() if r in _SUM_ROLES for f in fs]
    if len(amounts) != 2 or not all(f.period and f.period.isdigit() for f in amounts) \
            or amounts[0].period == amounts[1].period:
        return []
    return [amounts]


def _named_years_pair(by_role: dict[str, list[Fact]], years: tuple[str, ...]) -> list[list[Fact]]:
    """The row's two amounts of the years a column names (the earlier first), each the one amount of its year, when the
    row states more than two years of one role: "2021年 | 2022年 | 2023年 | 2023年比2021年增长(%)" — the growth between
    the two years named, not the year between.  [] otherwise (a year not shown, or said twice)."""
    amounts = [f for r, fs in by_role.items() if r in _SUM_ROLES for f in fs]
    picked = [[f for f in amounts if f.period == year] for year in years]
    if len(amounts) < 3 or any(len(fs) != 1 for fs in picked) or picked[0][0].unit != picked[1][0].unit:
        return []
    return [[picked[0][0], picked[1][0]]]


def _span_pair(by_role: dict[str, list[Fact]], named_years: list[str], marks: tuple[str, ...] = ()) -> list[list[Fact]]:
    """The row's first and last years' amounts, when it states three years or more of one role, each year once
    ("2019年 | 2020年 | … | 2023年 | 年均增长(%)": the rate over the span the columns show) — or those of the two
    years the rate's name names, both shown ("2019年 | … | 2023年 | 2021—2023年年均增长(%)").  [] otherwise, and []
    for a bare rate's name when the table's caption or note (`marks`, SPAN_MARK) names a span by words or a year the
    columns do not show ("表1 “十四五”以来…", "注:年均增长为2020—2023年…": over a span of its own)."""
    amounts = [f for r, fs in by_role.items() if r in _SUM_ROLES for f in fs]
    periods = [f.period for f in amounts]
    if len(amounts) < 3 or len({r for r, fs in by_role.items() if r in _SUM_ROLES}) != 1 \
            or not all(p and p.isdigit() for p in periods) or len(set(periods)) != len(periods) \
            or len({f.unit for f in amounts}) != 1:
        return []
    if named_years:
        if len(set(named_years)) != 2 or not set(named_years) <= set(periods):
            return []
        return [[f for f in amounts if f.period in named_years]]
    if SPAN_MARK in marks or any(m.startswith(SPAN_MARK) and m[len(SPAN_MARK):] not in periods for m in marks):
        return []  # (the caption or note names the span: "“十四五”以来", "年均增长为2020—2023年年均增长")
    return [[min(amounts, key=lambda f: int(f.period)), max(amounts, key=lambda f: int(f.period))]]


def _named_base_pair(by_role: dict[str, list[Fact]], named: str) -> list[list[Fact]]:
    """The row's two amounts of two years when the earlier is the one column of the role the change names and the other
    is of another role: "2023年决算数 | 2024年预算数 | 比上年决算增长%" — this year's budget on last year's 决算, the
    base the header names and the table shows.  [] otherwise (the named role is the later one, or not shown)."""
    pair = _years_pair(by_role)
    if not pair:
        return []
    roles = {id(f): r for r, fs in by_role.items() for f in fs}
    earlier, later = sorted(pair[0], key=lambda f: f.period)
    return pair if roles[id(earlier)] == named and roles[id(later)] != named else []


def _adjacent_pairs(rows: list[TableRow]) -> dict[int, tuple[Fact, Fact]] | None:
    """The two amounts right before each row's 增减额, when they make it in every row that writes one but one at most
    (that row's slip), and the pair read by the columns' roles and years does not in some row: a change column compares the columns to its left, and the
    arithmetic says which ("2023年预算数 | 2023年执行数 | 增减额 | 增减率 | 2024年预算数": 执行 − 预算, not 2024 − 2023;
    "上年度決算數 | 本年度預算數 | 本年度決算數 | 比較增減金額": 決算 − 預算).  None where it does not."""
    pairs: dict[int, tuple[Fact, Fact]] = {}
    rolled_fails = False
    against = 0
    for row in rows:
        cells = sorted(row.cells.items(), key=lambda kv: kv[1].span.start)
        delta = next((f for k, f in cells if k.split("#")[0] == "change"), None)
        if delta is None:
            continue
        before = [f for k, f in cells if k.split("#")[0] in _SUM_ROLES and f.span.start < delta.span.start]
        if len(before) < 2:
            return None
        a, b = before[-2], before[-1]
        if a.period and b.period and a.period.isdigit() and b.period.isdigit() and a.period != b.period:
            a, b = _in_time_order([a, b])  # ("113年度預算數 | 112年度決算數 | 比較增減": the later year less the earlier)
        slack = delta.tolerance + a.tolerance + b.tolerance
        pairs[id(row)] = (a, b)
        if abs(abs(delta.value) - abs(b.value - a.value)) > slack:
            against += 1  # (one row may break it: that row's slip)
            continue
        by_role: dict[str, list[Fact]] = {}
        for k, f in cells:
            by_role.setdefault(k.split("#")[0], []).append(f)
        two = [fs for r, fs in by_role.items() if r in _SUM_ROLES and len(fs) == 2]
        if len(two) == 1:
            p, c = _in_time_order(two[0])
            if p is not None and abs(abs(delta.value) - abs(c.value - p.value)) > slack:
                rolled_fails = True
        else:
            rolled_fails = True
    return pairs if len(pairs) - against >= 2 and against <= 1 and len(pairs) - against > 2 * against \
        and rolled_fails else None


def _against_budget(names: dict[str | None, str], headers: list[str]) -> tuple[str, str] | None:
    """The (budget, actual) keys a change column compares, where the table's amounts are one budget and this year's
    actual beside it: "本年度预算数 | 本年度决算数 | 比较增减金额 | 比较增减%" (the only two amounts a change column
    between them can compare), or "上年度决算数 | 本年度预算数 | 本年度决算数 | 决算较预算增减" (the header names the
    budget, the actual is this year's)."""
    if not any(headers):
        return None
    amounts = [k for k in names if k is not None and k.split("#")[0] in _SUM_ROLES]
    budgets = [k for k in amounts if k.split("#")[0] in BUDGET_ROLES]
    actuals = [k for k in amounts if k.split("#")[0] == "actual"]
    if len(budgets) != 1 or not actuals or len(amounts) != len(budgets) + len(actuals):
        return None
    if _PREVIOUS_YEAR_COLUMN.search(clean(names[budgets[0]])):
        return None  # ("上年预算数 | 本年决算数 | 增减": against last year's plan, a change of another kind)
    budget_year = column_year(clean(names[budgets[0]]))
    # (not "112年度決算數 | 113年度預算數 | 增減%": an actual of another year than the budget's is no execution of it —
    # the change is between the years, the later one this year's, whichever word either column says)
    this_year = [k for k in actuals if not _PREVIOUS_YEAR_COLUMN.search(clean(names[k]))
                 and column_year(clean(names[k])) in (None, budget_year)]
    if len(actuals) == 1 and len(this_year) == 1 and all(_PLAIN_CHANGE.match(h) for h in headers if h):
        return budgets[0], this_year[0]
    if len(this_year) == 1 and any(_AGAINST_BUDGET.search(h) for h in headers):
        return budgets[0], this_year[0]
    return None


def _adjustment_of_budget(names: dict[str | None, str], headers: list[str]) -> tuple[str, str] | None:
    """The (budget, adjusted budget) keys a plain change column compares where they are the table's only amounts: a
    预算调整表's "调整前预算数 | 调整后预算数 | 增减额 | 增减(%)" — 增减额 = 调整后 − 调整前, 增减% on the budget before."""
    if not any(headers) or not all(_PLAIN_CHANGE.match(h) for h in headers if h):
        return None
    amounts = [k for k in names if k is not None and k.split("#")[0] in _SUM_ROLES]
    before = [k for k in amounts if k == "budget"]
    after = [k for k in amounts if k == "budget_adjusted"]
    if len(amounts) != 2 or len(before) != 1 or len(after) != 1:
        return None
    return before[0], after[0]


# a change column that names nothing it compares ("比较增减金额", "增减额", "增减%"): not "完成变动预算%", a rate against a
# budget the table does not show
_PLAIN_CHANGE = lazyre.compile(r"^(?:比较)?(?:增减|增\(减\)|变动)(?:金额|额|数)?(?:%|\(%\)|率|幅度?|百分比)?$|^比较(?:金额|数)?$")
_PREVIOUS_YEAR_COLUMN = lazyre.compile(r"上年|上一年|去年|前年|(?:19|20)\d{2}")


def _changes_on_budget(table: ScoreTable, rows: list[TableRow], names: dict[str | None, str], budget_key: str,
                       actual_key: str) -> list[Change]:
    """Each row's 比较增减 / 增减% of its actual against its budget: 增减 = 决算 − 预算, 增减% on the budget (a change whose
    earlier term is the budget, named so)."""
    out = []
    for row in rows:
        budget, actual = row.cells.get(budget_key), row.cells.get(actual_key)
        delta, percent = row.cells.get("change"), row.cells.get("change_rate")
        if budget is None or actual is None or row.label in table.comparable:
            continue
        if delta is not None and _NOT_AMOUNT.search(delta.text):
            delta = None  # (a 增减 column that writes rates, no amount of the row's unit)
        if percent is not None and _RATIO_ROW.search(clean(row.label)):
            percent = None  # (a ratio's change, in percentage points as a rule)
        if delta is None and percent is None:
            continue
        stated = delta if delta is not None else percent
        out.append(Change.model_construct(
            direction=_direction(stated, actual, budget), delta=unsigned(delta), percent=unsigned(percent), current=actual, previous=budget,
            subject_label=row.label, reference="previous", keyword=stated.text, keyword_span=stated.span,
            compared_name=clean(names[budget_key]), current_name=clean(names[actual_key]),
            current_elsewhere=None, reason="table_change_row", via=tuple([*_via(table), *row.via]), rejected=()))
    return out


_FULL_YEAR_RATE = lazyre.compile(r"全年|调整")
_NOT_AMOUNT = lazyre.compile(r"[%‰]|百分点|千分点")
# a row of ratios, not amounts (比例, 比重, 投入强度, 执行率, a row in %)
_RATIO_ROW = lazyre.compile(r"比例|比重|占比|强度|率|\(%\)$|%$")
_COMPARABLE = lazyre.compile(r"同口径|可比")
_AVERAGE_RATE = lazyre.compile(r"年均|平均每年|年平均|每年平均|复合")
_ON_YEAR_BEFORE = lazyre.compile(r"(?:比|较)(?:上年|去年|上一年)|同比")


_BASE_YEAR = lazyre.compile(r"(?:比|较)((?:19|20)\d{2})年")
_YEAR_ON_YEAR = lazyre.compile(r"(?<!\d)((?:19|20)\d{2})年?(?:比|较)((?:19|20)\d{2})年")
_BASE_NAMED = lazyre.compile(r"(?:比|较)(?:上年|上一年|去年|上年度)?(执行|决算|预算)数?")
_AGAINST_BUDGET = lazyre.compile(r"(?:较|与|比)(?:年初|调整后?)?预算")


def _rate_columns(row: TableRow, own_bases: dict[str, str | None]) -> list[Fact]:
    """The row's 执行率 cells: the first, those of the other periods its columns name ("2022年执行率 | …
    2023年执行率"), and those whose bracket names another base than the first's ("执行率(年初) | 执行率(全年)")."""
    keyed = [(key, f) for key, f in row.cells.items() if key.split("#")[0] == "rate"]
    if not keyed:
        return []
    first_key, first = keyed[0]
    first_base = own_bases.get(first_key)
    # (not "决算数为上年决算数%": a ratio to last year's figure, no rate of execution)
    return [first] + [f for key, f in keyed[1:] if f.period and f.period.isdigit() and f.period != first.period
                      or first_base is not None and own_bases.get(key) not in (None, first_base)]


def _this_years(row: TableRow, role: str, like: Fact | None = None) -> Fact | None:
    """The row's cell of a role of the period of `like` (a rate column's), else of the latest period its columns
    name ("2022年执行数 | 2023年年初预算数 | 2023年执行数": the 2023 one; "上年执行数 | … | 执行数": the one not of
    last year)."""
    cells = [f for key, f in row.cells.items() if key.split("#")[0] == role]
    if len(cells) < 2:
        return cells[0] if cells else None
    if like is not None and like.period:
        same = [f for f in cells if f.period == like.period]
        if len(same) == 1:
            return same[0]
    current = [f for f in cells if f.period != "previous"]
    years = [f for f in current if f.period and f.period.isdigit()]
    unnamed = [f for f in current if not f.period]
    if years and len(unnamed) == 1 and len(years) == 1:
        # ("执行数 | 为调整预算% | 2011年决算数 | 增长%": a column naming no year is the table's own; the one beside it that
        # names a year, the year it is compared with)
        return unnamed[0]
    if years:
        return max(years, key=lambda f: f.period)
    return current[-1] if len(current) == 1 else None


def _in_time_order(pair: list[Fact]) -> tuple[Fact | None, Fact | None]:
    """(last year's, this year's) of two cells: a column named 上年…, or the earlier year."""
    a, b = pair
    if a.period == "previous" and b.period != "previous":
        return a, b
    if b.period == "previous" and a.period != "previous":
        return b, a
    if a.period and b.period and a.period.isdigit() and b.period.isdigit() and a.period != b.period:
        return (a, b) if a.period < b.period else (b, a)
    return None, None


def _via(table: ScoreTable) -> tuple[str, ...]:
    return {"line": ("a table flattened onto one line",),
            "spaced": ("a table's cells set apart by single spaces",),
            "unheaded": (UNHEADED_SCORES,), "flat_funds": (FLATTENED_FUNDS,)}.get(table.layout, ())


# -------------------------------------------------------------------- sums
def _partition(table: ScoreTable, rows: list[TableRow], classes=None) -> list[tuple[list[TableRow], bool, str]]:
    """Each row's parts among the rows (see _parts_of), worked out once a table for the sums and
    the shares that read them.  `classes`: the names of the top level of a classification (cue function_class)."""
    if len(rows) >= 4 and rows[-2].is_total and rows[-1].part_of is None and _MEAN_ROW.search(_bare(rows[-1].label)):
        # ("… ⏎ 合计 | 2,656.00 | … ⏎ 平均得分 | | 93.83": a row of the rows' mean right under a last 合计 is no row of
        # the table's parts, and sums nothing: the 合计 is the last row, as grid.row_sums reads it)
        return _partition(table, rows[:-1], classes) + [([], False, "")]
    children: dict[int, list[TableRow]] = {}  # each row's 其中 rows after it (looked up once, not per row)
    for m, r in enumerate(rows):
        if r.part_of is not None and r.part_of < m:
            children.setdefault(r.part_of, []).append(r)
    heads = [m for m, r in enumerate(rows) if GROUP_HEADING_START.match(_bare(r.label))]
    if heads and table.kind == "funds" and heads[0] == 1 and (
            not children.get(0) or all(r.part_of in (None, 0) for r in rows[1:])):
        # (… the 其中 rows under each heading the total's own: "按支出性质分： ⏎ 其中：基本支出 | … ⏎ 项目支出 | …")
        # "部门年度资金总额 | … ⏎ 按收入性质分 ⏎ 一般公共预算 | … ⏎ 按支出性质分 ⏎ 基本支出 | …": each group all of
        # the first row (its heading rows mark where a group starts)
        children[0] = [r for r in rows[1:] if r.part_of is None or r.part_of == 0]
    coded = any(r.level is not None for r in rows)
    small = [n for n, r in enumerate(rows) if _SMALL_TOTAL.search(_bare(r.label))]  # the 小计 rows, found once
    found: list = []  # (the 小计 blocks under a first 合计, searched once a table when a row asks: _subtotal_heads)

    def blocks() -> dict[int, list[TableRow]] | bool | None:
        if not found:
            found.append(_subtotal_heads(rows))
        return found[0]

    depths = {_depth(r) for r in rows} if table.unlisted else None  # (the rows' indentations, for _unlisted_children)
    found_parts = [_parts_of(table, rows, n, children.get(n, []), coded, small, classes, blocks, depths)
                   for n in range(len(rows))]
    # (a row after a 其中 row whose level nothing tells: a sum counting it as a row of its own is left unread)
    return [([], False, "") if any(p.level_unsure and p.part_of is None for p in parts) else (parts, closed, reason)
            for parts, closed, reason in found_parts]


def _sums(table: ScoreTable, rows: list[TableRow], via: tuple[str, ...],
          parts_of: list[tuple[list[TableRow], bool, str]], average, deducted=None, vocab=None) -> list[Breakdown]:
    out = []
    if table.column_sums:  # each block: 年度资金总额 = Σ its sources
        keys = [k for k in dict.fromkeys(k for r in rows for k in r.cells)]
        for row in rows:
            total, parts = row.cells.get(keys[0]), [row.cells[k] for k in keys[1:] if k in row.cells]
            if total is None or not parts:
                continue
            out.append(Breakdown.model_construct(
                total=total, parts=tuple(parts), marker="表格", complete=len(parts) == len(keys) - 1,
                reason="funds_sources", via=tuple(dict.fromkeys([*via, *row.via]))))
    # (a column its header writes in % holds no amounts that add up, whatever role its words give it: "占调整预算%")
    keys = column_keys([role_of(name) for name in table.columns])
    percents = {k for k, name in zip(keys, table.columns) if k and "%" in name}
    for row, (all_parts, all_complete, all_reason) in zip(rows, parts_of):
        for parts, complete, reason in _groups(table, all_parts, all_complete, all_reason, row):
            own = (*via, UNLISTED_VIA) if table.unlisted and not complete and reason == "table_rows" else via
            if vocab is not None and any(_bare(p.label).startswith("其中") for p in parts) \
                    and net_no_sum(vocab, _bare(row.label), [_bare(p.label) for p in parts], _columns(row, parts)):
                continue  # ("财务费用 | 1,265.30 ⏎ 其中:利息费用 | 1,402.18 ⏎ 利息收入 | 168.35": a net of its 其中 rows, no sum)
            signed = _signed_items(rows, row, parts)
            if signed is not None:
                parts, minus = signed
            else:
                minus = ()
            out.extend(_row_sums(row, parts, complete, reason, own, average, deducted,
                                 percents if reason in ("indented_rows", "layout_levels") else (), minus))
    return out


def _groups(table: ScoreTable, parts: list[TableRow], complete: bool, reason: str,
            total: TableRow | None = None) -> list[tuple[list[TableRow], bool, str]]:
    """A row's 其中 rows in the groups each 其中 opens: "年度资金总额 | 其中:财政拨款 | 其他资金 |
    其中:基本支出 | 项目支出" splits the total twice, by source and by kind of spending."""
    heads = [n for n, p in enumerate(parts) if GROUP_HEADING_START.match(_bare(p.label))]
    if heads:
        out = []
        for a, b in zip(heads, [*heads[1:], len(parts)]):
            group = [p for p in parts[a:b] if p.cells]  # (a heading on a line of its own has none)
            if len(group) >= 2:
                out.append((group, True, "table_rows"))
        return out
    starts = [n for n, p in enumerate(parts) if n and p.label.startswith("其中")]
    if not starts or reason not in {"funds_sources", "table_rows"} or not parts[0].label.startswith("其中"):
        return [(parts, complete, reason)] if parts else []
    if starts[0] == 1 and total is not None and not _INNER_ROW.match(parts[0].labels[0] if parts[0].labels else ""):
        # (… not under a statistics table's "内:" row, which has no rows of its own: "总收入 ⏎ 内:财政补助 ⏎ 其中:医疗机构
        # 总收入" — the 其中 opens another split)
        # "其中:财政拨款 | 其中:中央资金 | 地方资金 | 上年结转资金 | 其他资金": a 其中 right under a lone 其中
        # row opens that row's own parts, not another split of the total; where they end the layout does not
        # say, the arithmetic does (the lone row and the rows after its parts make the total in every column)
        return _nested_split(table, total, parts, complete, reason)
    out = []
    for a, b in zip([0, *starts], [*starts, len(parts)]):
        group = parts[a:b]
        funding = all(is_source(p.label) for p in group)
        out.append((group, funding and len(group) >= 2,
                    "funds_sources" if table.kind == "funds" and funding else "table_rows"))
    return out


_INNER_ROW = lazyre.compile(r"^\s*内\s*[:：]")


def _nested_split(table: ScoreTable, total: TableRow, parts: list[TableRow], complete: bool,
                  reason: str) -> list[tuple[list[TableRow], bool, str]]:
    """The total's parts when its first 其中 row has 其中 rows of its own right under it: the first row
    and the rows after its own parts, for the one end of those parts at which they make the total in
    every amount column (none, or more than one: the total's parts are not read)."""
    keys = [k for k in total.cells if k.split("#")[0] in _SUM_ROLES]
    runs = [[parts[0], *parts[end:]] for end in range(2, len(parts) + 1)
            if not any(p.label.startswith("其中") for p in parts[end:])]
    runs = [r for r in runs if len(r) >= 2]
    # (and the reading of the second 其中 as another split of the total: "其中:中央 | 地方 | 上年结转 | 其他资金")
    readings = [*runs, parts[1:]]
    fits = [r for r in readings
            if keys and all(adds_up(total.cells[k], [p.cells[k] for p in r if k in p.cells]) for k in keys)]
    # the template's reading (the inner rows end at its 上年结转 / 其他资金 rows) when it makes the total or
    # none does (then it is as wrong as any, and the one reported); else the first that makes it
    template = [r for r in runs if all(_TEMPLATE_SOURCE.match(_bare(p.label)) for p in r[1:])][:1]
    chosen = next((r for r in template if r in fits), None) or (fits[0] if fits else None) or \
        (template[0] if template else None)
    if chosen is None:
        return []
    funding = all(is_source(p.label) for p in chosen)
    return [(chosen, complete and funding, "funds_sources" if table.kind == "funds" and funding else reason)]


# a 自评表's 上年结转 row: where it is written and the template's 其他资金 row is not, the sources may be only some
_CARRIED_SOURCE = lazyre.compile(r"^(?:其中[:：])?上年结转(?:资金)?(?:[(（].*[)）])?$")
_OTHER_FUNDS = lazyre.compile(r"^(?:其中[:：])?其[他它](?:资金|来源)?(?:[(（].*[)）])?$")  # ("其他资金(失业保险基金)")


def _other_left_out(table: ScoreTable, subs: list[TableRow]) -> bool:
    """A 自评表's sources written as "其中:财政拨款 | 上年结转资金" with no 其他资金 row: the template's third source left
    out, the year-start column may hold other funds the rows do not name (tests/consistent self_assessment_hard_30/103:
    年初 7,398,800 over 财政拨款 6,980,000 and 上年结转 0.00) — the parts may not exceed the total, no more."""
    labels = [_bare(p.label) for p in subs]
    return table.kind == "funds" and any(_CARRIED_SOURCE.match(x) for x in labels) \
        and not any(_OTHER_FUNDS.match(x) for x in labels)


_TEMPLATE_SOURCE = lazyre.compile(r"^(?:其中[:：])?(?:上年结转(?:资金)?|其[他它](?:资金)?)$")  # a 自评表's own source rows


def _place_totals(table: ScoreTable, rows: list[TableRow], via: tuple[str, ...],
                  parts_of: list[tuple[list[TableRow], bool, str]]) -> list[Breakdown]:
    """A yearbook's table by place whose first or last row is the whole place (全省, 全市, 全县 …: "全  省 | 8983406 |
    8896384 ⏎ 省级 | 3186420 | … ⏎ 甲市 | 2871063 | …") over the rows of its parts, no other row of it a total nor a
    其中 of another (table_place_total).  A table may list only some of the places (the largest cities), so the whole
    is read as their sum only where the rows make it in one column of amounts at least: a column that breaks it beside
    one that holds is a slip.  Not a column in %, nor one of averages (人均, 均)."""
    if len(rows) < 4 or any(r.is_total or r.part_of is not None for r in rows) or any(p for p, _, _ in parts_of):
        return []
    ends = [n for n in (0, len(rows) - 1) if _WHOLE_PLACE.match(rows[n].label.replace(" ", "").replace("\u3000", ""))]
    if len(ends) != 1 or any(_WHOLE_PLACE.match(r.label.replace(" ", "")) for n, r in enumerate(rows) if n != ends[0]):
        return []
    whole = rows[ends[0]]
    parts = [r for n, r in enumerate(rows) if n != ends[0]]
    names = dict(zip(column_keys([role_of(n) for n in table.columns]), table.columns))
    keys = [k for k in whole.cells if k and k.split("#")[0] in _SUM_ROLES and "%" not in (names.get(k) or "")
            and not _AVERAGE_COLUMN.search(clean(names.get(k) or "")) and all(k in p.cells for p in parts)]
    if not keys or not any(adds_up(whole.cells[k], [p.cells[k] for p in parts]) for k in keys):
        return []
    return [Breakdown.model_construct(total=whole.cells[k], parts=tuple(p.cells[k] for p in parts), marker="表格",
                                      complete=True, reason="table_place_total",
                                      via=tuple(dict.fromkeys([*via, *whole.via, *(v for p in parts for v in p.via)])))
            for k in keys]


_AVERAGE_COLUMN = lazyre.compile(r"人均|均|平均|率")


# a row that opens with the direction of the numbered items it leads ("加：1.当期确认为收入但没有确认为预算收入",
# "减：1.当期确认为预算收入但没有确认为收入"): its own number and those after it of its style are added or taken away
_SIGNED_ITEM = lazyre.compile(r"^\s*(加|减|減)\s*[:：]\s*(?=\d{1,2}\s*[.、．])")
_PLAIN_ITEM = lazyre.compile(r"^\s*\d{1,2}\s*[.、．]")


def _signed_items(rows: list[TableRow], row: TableRow, parts: list[TableRow]) -> tuple[list[TableRow], tuple] | None:
    """The parts of a budget-surplus reconciliation (会政预04): "（一）重要事项的差异 ⏎ 加：1.… ⏎ 2.… ⏎ 减：1.… ⏎ 2.…" — the
    numbered items after 加： are added, those after 减： taken away, each run's first row (its 加：/减： before the number)
    one of them: (一) = 加1 + 加2 − 减1 − 减2.  None when the parts are no such run (no 加：/减： row of their numbers)."""
    if not parts or not all(_PLAIN_ITEM.match(_bare(p.label)) or _SIGNED_ITEM.match(_bare(p.label)) for p in parts):
        return None
    ids = {id(p) for p in parts}
    at = {id(r): n for n, r in enumerate(rows)}
    if id(row) not in at or any(id(p) not in at for p in parts):
        return None
    first, last = at[id(row)] + 1, max(at[id(p)] for p in parts)
    # (the run may end with a 减： row's own items after the last part the layout gave: taken on to the next row of
    # another outline, or the table's end)
    while last + 1 < len(rows) and (_PLAIN_ITEM.match(_bare(rows[last + 1].label))
                                    or _SIGNED_ITEM.match(_bare(rows[last + 1].label))):
        last += 1
    marks = [r for r in rows[first:last + 1] if _SIGNED_ITEM.match(_bare(r.label))]
    if not marks or _SIGNED_ITEM.match(_bare(rows[first].label)) is None:
        return None
    run = [r for r in rows[first:last + 1] if id(r) in ids or _SIGNED_ITEM.match(_bare(r.label))
           or _PLAIN_ITEM.match(_bare(r.label)) and r.part_of == parts[0].part_of]
    sign, minus = None, []
    for r in run:
        m = _SIGNED_ITEM.match(_bare(r.label))
        if m:
            sign = m.group(1) != "加"
        if sign:
            minus.append(r)
    return run, tuple(minus)


def _row_sums(row: TableRow, parts: list[TableRow], complete: bool, reason: str,
              via: tuple[str, ...], average, deducted=None, skip=(), minus=()) -> list[Breakdown]:
    """Each summed column's total and its parts; none where the rows are in other units or the row is an average
    (the vocabulary's cue average_total).  A row labelled "减：…" (cue deducted_row) is taken away, not added, and so
    is a row of `minus` (the items after a 减： row, _signed_items).  `skip`: columns not summed."""
    out = []
    taken = [p for p in parts if deducted is not None and deducted.search(_bare(p.label))
             or any(p is m for m in minus)]
    parts = [p for p in parts if p not in taken]
    for key in row.cells:
        if key.split("#")[0] not in _SUM_ROLES or key in skip:
            continue
        total = row.cells[key]
        values = [p.cells[key] for p in parts if key in p.cells]
        if not values:
            continue
        own = UNIT_TAIL.search(row.label)
        if own and any((m := UNIT_TAIL.search(p.label)) and m.group() != own.group() for p in parts):
            continue  # ("政府性基金预算收入 | 亿元 | 6.82 / 其中:…出让收入 | 万元 | 58260": rows in other units, as a unit column says)
        if average.search(row.label) and (sum(1 for v in values if v.value * 2 > total.value) >= 2
                                               or any(v.value > total.value for v in values)):
            continue  # ("全体居民人均可支配收入 | 35612 / 其中:城镇居民 | 45830": a group's average, no part of the whole's)
        # a source left blank may be money the table does not show: then the parts
        # may only not exceed the total; "—" or 0 says there was none
        full = complete and all(_written(p, key) for p in parts)
        none = sum(1 for p in parts if key not in p.cells and key in p.dashed)
        out.append(Breakdown.model_construct(
            total=total, parts=tuple(values), subtracted=tuple(p.cells[key] for p in taken if key in p.cells),
            marker="表格", complete=full, reason=reason, written_none=none,
            via=tuple(dict.fromkeys([*via, *row.via, *(v for p in parts for v in p.via)]))))
    return out


def _column_shares(table: ScoreTable, rows: list[TableRow],
                   parts_of: list[tuple[list[TableRow], bool, str]]) -> list[Share]:
    """"金額 | 百分比" column pairs: a row's 百分比 is its 金額 over the 金額 of the row it is a part
    of — where that row's own 百分比 is written 100 (the table says which row is the whole). A score table's
    "分值 | 占本部分权重" likewise: each row's 分值 over the 合计's."""
    keys = column_keys([role_of(name) for name in table.columns])
    pairs = [(keys[n - 1], key) for n, key in enumerate(keys)
             if n and key and key.split("#")[0] == "share" and keys[n - 1]
             and keys[n - 1].split("#")[0] in (*_SUM_ROLES, "weight", *UNREAD_ROLES)]
    if not pairs:
        return []
    out = []
    # (a part's own rows set in under it are shares of the whole too: "合计 | 6,194.11 | 100.00" over "基本支出 | … | 58.16",
    # "␣人员经费 | 2,954.54 | 47.70")
    indented = {id(r): found[0] for r, found in zip(rows, parts_of) if found[2] in ("indented_rows", "layout_levels")}

    def with_own_rows(parts: list[TableRow]) -> list[TableRow]:
        return [x for p in parts for x in (p, *with_own_rows(indented.get(id(p), [])))]

    wholes = [(row, with_own_rows(parts)) for row, (parts, _, _) in zip(rows, parts_of)]
    for amount, share in pairs:
        chosen = _share_part_column(table, keys, amount, share, wholes)
        if chosen is None:
            continue
        amount, others = chosen
        for row, parts in wholes:
            whole, hundred = row.cells.get(amount), row.cells.get(share)
            if whole is None or hundred is None or hundred.value != 100:
                continue
            for p in parts:
                if amount in p.cells and share in p.cells:
                    if any(_share_fits(p.cells[share], p.cells.get(k), row.cells.get(k)) for k in others):
                        continue  # (the share another amount column makes: no accusation)
                    out.append(Share.model_construct(
                        percent=p.cells[share], part=p.cells[amount], whole=whole, whole_label=row.label,
                        wholes=(whole,), reason="table_share", via=_via(table), rejected=()))
    own = [(a, b) for a, b in pairs if a.split("#")[0] not in UNREAD_ROLES]
    out.extend(_common_size_shares(table, rows, parts_of, own, {(id(s.part), id(s.percent)) for s in out}))
    return out


def _share_part_column(table: ScoreTable, keys: list[str | None], adjacent: str, share: str,
                       wholes: list[tuple[TableRow, list[TableRow]]]) -> tuple[str, tuple[str, ...]] | None:
    """The amount column a 占比 column is a share of, and the other amount columns it might be of.  With one amount
    column before it, that one; with two or more ("本年数 | 上年数 | 本年占比", "执行数 | 预算数 | 占比"), the one whose
    amounts over its 100 row's give the stated shares in the most rows — or, where none does in every row, the one the
    header names (本年占比 of 本年数, 2023年占比 of 2023年); where two columns fit equally and the header names neither,
    neither (the shares are not read)."""
    at = keys.index(share)
    candidates: list[str] = []
    passed: list[str] = []  # (a change column between: "本年数 | 上年数 | 增减额 | 占本年比重" — its figures no shares' parts
    # unless they fit as ones)
    for key in reversed(keys[:at]):
        if key and key.split("#")[0] in UNREAD_ROLES and not candidates:
            passed.append(key)
            continue
        if not key or key.split("#")[0] not in (*_SUM_ROLES, "weight"):
            break
        candidates.append(key)
    if not candidates:
        return None
    if len(candidates) < 2 and not passed:
        return adjacent, ()
    fits = {k: 0 for k in candidates}
    tried = 0
    for row, parts in wholes:
        hundred = row.cells.get(share)
        if hundred is None or hundred.value != 100:
            continue
        for p in parts:
            if share not in p.cells:
                continue
            tried += 1
            for k in candidates:
                fits[k] += _share_fits(p.cells[share], p.cells.get(k), row.cells.get(k))
    if not tried:
        return (adjacent, ()) if not passed else None
    best = max(fits.values())
    top = [k for k in candidates if fits[k] == best]
    named = _named_part_column(table, keys, candidates, share)
    if passed:
        # (past a change column the share's part is the column its figures show it is: all rows but one fit it)
        if len(top) != 1 or best < max(2, tried - 1):
            return None
        return top[0], tuple(k for k in (*candidates, *passed) if k != top[0])
    if best < tried and named is not None:
        chosen = named
    elif len(top) == 1:
        chosen = top[0]
    elif named in top:
        chosen = named
    else:
        return None
    return chosen, tuple(k for k in candidates if k != chosen)


_SHARE_WORDS = lazyre.compile(r"(?:所占|占|的)?(?:比重|比例|占比|构成|结构)(?:%|％)?$")


def _named_part_column(table: ScoreTable, keys: list[str | None], candidates: list[str], share: str) -> str | None:
    """The amount column a share column's header names by its head ("本年占比" → 本年数, "2023年占比" → 2023年)."""
    head = _SHARE_WORDS.sub("", clean(table.columns[keys.index(share)]))
    if not head:
        return None
    named = [k for k in candidates if (name := clean(table.columns[keys.index(k)])) and
             (name.startswith(head) or head.startswith(name.rstrip("数")))]
    return named[0] if len(named) == 1 else None


def _share_fits(percent: Fact, part: Fact | None, whole: Fact | None) -> bool:
    """The stated share is the part over the whole, within the rounding of all three."""
    if part is None or whole is None or whole.value - whole.tolerance <= 0:
        return False
    ends = [(part.value + a) / (whole.value + b) * 100 for a in (-part.tolerance, part.tolerance)
            for b in (-whole.tolerance, whole.tolerance)]
    return min(ends) - percent.tolerance <= percent.value <= max(ends) + percent.tolerance


def _common_size_shares(table: ScoreTable, rows: list[TableRow], parts_of: list[tuple[list[TableRow], bool, str]],
                        pairs: list[tuple[str, str]], read: set[tuple[int, int]]) -> list[Share]:
    """A common-size statement (a 損益表 / 盈虧撥補表 of the dgbas, "金額 | % | 金額 | % …" with the first row 100 in every
    pair): each row's 百分比 is its 金額 over the 金額 of the last top-level row above it whose 百分比 is 100 — 營業成本,
    營業毛利 and 營業費用 are of 營業收入 though no part of it; 分配之部 (100 again) opens a new whole.  A row that is a
    part of another row may be given as a share of that row instead: its amount is a second whole, so that only a share
    neither makes is against the reading.  A loss's 百分比 is its size, written with its sign or without."""
    if len(pairs) < 2:
        return []
    firsts = [next((r.cells.get(share) for r in rows if share in r.cells), None) for _, share in pairs]
    if any(f is None or f.value != 100 for f in firsts):
        return []
    parent: dict[int, TableRow] = {}
    for row, (parts, _, _) in zip(rows, parts_of):
        for p in parts:
            parent.setdefault(id(p), row)
    for row, run in _runs_summing_to_row_above(rows, [amount for amount, _ in pairs]):
        for p in run:
            parent.setdefault(id(p), row)
    out = []
    for amount, share in pairs:
        whole: TableRow | None = None
        earlier: list[TableRow] = []  # (the wholes of the column before the last: 賸餘之部 above 分配之部)
        for row in rows:
            part, percent = row.cells.get(amount), row.cells.get(share)
            if part is None or percent is None:
                continue
            if percent.value == 100 and (whole is None or not row.level or part.value == whole.cells[amount].value):
                if whole is not None:
                    earlier.append(whole)
                whole = row  # (a new whole: the first row, a top-level 100 row, or a part as large as the whole)
                continue
            if whole is None or (id(part), id(percent)) in read:
                continue
            # a row after a second 100 row may be of the first again (未分配賸餘 = 賸餘之部 − 分配之部, of 賸餘之部),
            # and a part of a row above of that row: each is a whole the share may be of
            over = parent.get(id(row))
            others = list({id(w): w for w in (*reversed(earlier), over)
                           if w is not None and w is not whole and amount in w.cells}.values())
            # (a finding names every whole tried: "占分配之部或賸餘之部的比例")
            label = "或".join(dict.fromkeys(w.label for w in (whole, *others) if w.label))
            out.append(Share.model_construct(
                percent=unsigned(percent), part=unsigned(part), whole=whole.cells[amount], whole_label=label,
                wholes=(whole.cells[amount], *(w.cells[amount] for w in others)), reason="table_share_of_column",
                via=_via(table), rejected=()))
    return out


def _runs_summing_to_row_above(rows: list[TableRow], amounts: list[str]) -> list[tuple[TableRow, list[TableRow]]]:
    """Rows whose parts the table does not show by indent (a box table flattened onto one line): the run of two or
    more rows right under a row whose amounts add up to that row's in every amount column they fill (營業外收入 over
    財務收入 and 其他營業外收入) — parts of it, whose 百分比 may be of it."""
    out = []
    for at, row in enumerate(rows):
        keys = [k for k in amounts if k in row.cells]
        if not keys:
            continue
        for end in range(at + 2, len(rows)):
            run = rows[at + 1:end + 1]
            if any(k not in r.cells for r in run for k in keys):
                break
            if all(adds_up(row.cells[k], [r.cells[k] for r in run]) for k in keys):
                out.append((row, run))
                break
    return out


def _written(row: TableRow, key: str) -> bool:
    """The row writes column `key`: a figure, or an explicit "—" / 0 for none (a blank may be
    money the table does not show)."""
    return key in row.cells or key in row.dashed


def _direction(stated: Fact, current: Fact, previous: Fact) -> int:
    """Which way a change column's figure goes: its sign, 0, or — a table may write a decrease without its sign —
    the way its two figures go."""
    if _NEGATIVE.match(stated.text) or stated.value < 0:
        return -1
    if stated.value == 0:
        return 0
    return -1 if current.value < previous.value - current.tolerance - previous.tolerance else 1


_TOTAL_COLUMN = lazyre.compile(r"^(?:合计|小计|总计|共计)")
_SUBTOTAL_ROW = lazyre.compile(r"(?:合计|小计)[::]?$")
_SMALL_TOTAL = lazyre.compile(r"^小计[::]?$")
_ENDS_TOTAL = lazyre.compile(r"(?:合计|总计)[::]?$")  # "本年收入合计": a total of the rows above it
_TWO_SIDES = lazyre.compile(r"收入|支出|岁入|岁出")  # (the sides of a 收支总表)


def _row_totals(table: ScoreTable, rows: list[TableRow], via: tuple[str, ...]) -> list[Breakdown]:
    """"地区 | 已预下达 | 本次下达 | 合计下达": the last money column, named 合计…, is the sum of
    the money columns before it, in every row; "科目名称 | 合计 | 基本支出 | 项目支出": so is a first
    column named 合计 of the money columns after it."""
    keys = column_keys([role_in_table(name) for name in table.columns])
    money = [(name, key) for name, key in zip(table.columns, keys) if key and key.split("#")[0] in _SUM_ROLES]
    names = [clean(n) for n, _ in money]  # ("合        计": a name spaced out to its column's width)
    if len(money) < 3:
        return []
    if _TOTAL_COLUMN.match(names[-1]) and not any(_TOTAL_COLUMN.match(n) for n in names[:-1]):
        total_key, part_keys = money[-1][1], [k for _, k in money[:-1]]
    elif TOTAL_NAME.search(names[0]) and not any(TOTAL_NAME.search(n) for n in names[1:]):
        # ("合计 | 基本支出 | 项目支出", "本年支出合计 | 基本支出 | 项目支出")
        total_key, part_keys = money[0][1], [k for _, k in money[1:]]
    else:
        return []
    out = []
    for row in rows:
        total = row.cells.get(total_key)
        parts = [row.cells[k] for k in part_keys if k in row.cells]
        # (one part, the others written as none: "| 2110199 | … | 252.53 | | 252.53 |" — the total is that part)
        if total is None or not parts or len(parts) < 2 and not all(_written(row, k) for k in part_keys):
            continue
        full = all(_written(row, k) for k in part_keys)
        out.append(Breakdown.model_construct(total=total, parts=tuple(parts), marker="表格", complete=full,
                                             reason="table_row_total", via=tuple(dict.fromkeys([*via, *row.via]))))
    return out


_NAMED_SUBTOTAL = lazyre.compile(r"小计[::]?$")


def _subtotal_heads(rows: list[TableRow]) -> dict[int, list[TableRow]] | bool | None:
    """Under a 合计 first row, the rows each 小计 row sums ("合计 ⏎ 本级 ⏎ 下属事业单位小计 ⏎ 图书馆 ⏎ 博物馆"): the fewest
    rows (two or more) right above it since the last block that make it in every column (a 小计 that closes them), or
    right below it (a 小计 that heads them). A row of no number may end either way: only one way of making it is read.
    None: no 小计 row; False: a 小计 made both ways, or neither."""
    def counted(r: TableRow) -> bool:
        return r.part_of is None and not r.label.startswith("其中") and not r.is_total

    heads = [k for k in range(1, len(rows)) if rows[k].part_of is None and _NAMED_SUBTOTAL.search(_bare(rows[k].label))
             and not _SMALL_TOTAL.search(_bare(rows[k].label))]  # (a bare 小计 closes the rows above it: _parts_of)
    if not heads:
        return None
    blocks: dict[int, list[TableRow]] = {}
    start = 1
    for j, k in enumerate(heads):
        stop = heads[j + 1] if j + 1 < len(heads) else len(rows)
        before = [r for r in rows[start:k] if counted(r)]
        after = [r for r in rows[k + 1:stop] if counted(r)]
        closing = next((before[-n:] for n in range(2, len(before) + 1) if _makes(rows[k], before[-n:])), None)
        heading = next((after[:n] for n in range(2, len(after) + 1) if _makes(rows[k], after[:n])), None)
        if (closing is None) == (heading is None):
            return False
        blocks[k] = closing or heading
        start = k + 1 if closing else rows.index(heading[-1]) + 1
    return blocks


def _makes(total: TableRow, parts: list[TableRow]) -> bool:
    """The rows add up to the total row in every column of amounts all of them state (one at least)."""
    sums = _columns(total, parts)
    return bool(sums) and all(adds_up(whole, figures) for whole, figures in sums)


def _columns(total: TableRow, parts: list[TableRow]) -> list[tuple[Fact, list[Fact]]]:
    """The total row's figure and its parts' in each column of amounts all of them state."""
    return [(total.cells[k], [p.cells[k] for p in parts])
            for k in total.cells if k.split("#")[0] in _SUM_ROLES and all(k in p.cells for p in parts)]


def _subtotal_blocks(rows: list[TableRow], via: tuple[str, ...]) -> list[Breakdown]:
    """"浙江省合计 | 杭州市合计 | 淳安县 | 温州市合计 | 永嘉县 | …": each "X合计" row sums the rows
    under it up to the next one, and the first row, a 合计 over such rows, sums the subtotals.
    The last block may go on past where the table stops (a page break, an excerpt's end), so
    it, and the first row with it, may only not be exceeded."""
    heads = [n for n, r in enumerate(rows) if n > 0 and _SUBTOTAL_ROW.search(r.label) and r.part_of is None]
    if len(heads) < 2 or heads[0] > 1:
        return []  # (rows before the first 合计 are a block it closes: each subtotal stands below its rows)
    out = []
    bounds = heads[1:] + [len(rows)]
    for head, stop in zip(heads, bounds):
        stop = _next_numbered(rows, head, stop)
        block = [r for r in rows[head + 1:stop] if r.part_of is None]
        if block:
            out.extend(_block_sums(rows[head], block, complete=stop < len(rows), via=via))
    first = rows[0]
    if (first.is_total or _SUBTOTAL_ROW.search(first.label)) and heads[0] == 1:
        out.extend(_block_sums(first, [rows[h] for h in heads], complete=False, via=via))
    return out


def _next_numbered(rows: list[TableRow], head: int, stop: int) -> int:
    """Where the block under a numbered 合计 row ends: at the next row numbered at its level of the outline or
    above ("三、本年支出合计 ⏎ 干部报酬 ⏎ … ⏎ 四、年末结余": the next section, no row of 三's), else at `stop`."""
    own = outline_depth(_bare(rows[head].label))
    if own is None:
        return stop
    return next((n for n in range(head + 1, stop)
                 if (depth := outline_depth(_bare(rows[n].label))) is not None and depth <= own), stop)


# a year's total of one side of a 收支总表, below its numbered rows ("一、一般公共预算财政拨款收入 … 八、其他收入 ⏎
# 本年收入合计"), above the rows that make the side's 总计
_CLOSING_TOTAL = lazyre.compile(r"^(?:本年|本期)?(?:收入|支出)合计$")
_CHINESE_NUMBERED = lazyre.compile(r"^([一二三四五六七八九十]{1,3})、")
_NUMERALS = "一二三四五六七八九十"


def _closing_totals(rows: list[TableRow], via: tuple[str, ...]) -> list[Breakdown]:
    """"一、…收入 | 4171.67 ⏎ … ⏎ 八、其他收入 | 47.01 ⏎ 本年收入合计 | 5401.49": a 本年收入合计 (本年支出合计) row
    that closes the numbered rows right above it, 一、 onwards with no number skipped, is their sum (a
    numbered list of a side's sources or 功能 classes names all of them)."""
    out = []
    for n, row in enumerate(rows):
        if n < 2 or not _CLOSING_TOTAL.match(_bare(row.label)):
            continue
        block: list[TableRow] = []
        for above in reversed(rows[:n]):
            if not _CHINESE_NUMBERED.match(_bare(above.label)):
                break
            block.insert(0, above)
        numbers = [_CHINESE_NUMBERED.match(_bare(r.label)).group(1) for r in block]
        if len(block) < 2 or numbers != list(_NUMERALS[:len(numbers)]) or any(r.part_of is not None for r in block):
            continue
        out.extend(Breakdown.model_construct(total=b.total, parts=b.parts, marker="表格", complete=b.complete,
                                             reason="table_rows", via=via)
                   for b in _block_sums(row, block, complete=True, via=via))
    return out


def _block_sums(head: TableRow, block: list[TableRow], complete: bool, via: tuple[str, ...]) -> list[Breakdown]:
    out = []
    for key, total in head.cells.items():
        if key.split("#")[0] not in _SUM_ROLES:
            continue
        values = [r.cells[key] for r in block if key in r.cells]
        if not values:
            continue
        full = complete and all(_written(r, key) for r in block)
        out.append(Breakdown.model_construct(total=total, parts=tuple(values), marker="表格", complete=full,
                                             reason="table_subtotal_rows", via=via))
    return out


_SPACES = lazyre.compile(r"\s+")
_MEAN_ROW = lazyre.compile(r"^平均|平均(?:数|值|水平)?$")  # a row of the rows' mean (平均得分, 各县平均)
_GRAND = lazyre.compile(r"总计$")  # the grand total of a side (收入总计), not its 本年收入合计


def _bare(label: str) -> str:
    """A row label without the spaces a layout spreads it with ("一、岁    入    合    计")."""
    return _SPACES.sub("", label)


def _parts_of(table: ScoreTable, rows: list[TableRow], n: int, subs: list[TableRow], coded: bool = False,
              small: list[int] = (), classes=None, blocks=None, depths=None) -> tuple[list[TableRow], bool, str]:
    """subs: the rows after row n that are its 其中 parts; coded: the table is a coded grid
    (some row has a level; found once a table by the caller, not once a row); small: the
    indices of the table's 小计 rows; classes: the top level's names (see _outermost); blocks: the table's
    _subtotal_heads, asked once; depths: the rows' indentations (under table.unlisted)."""
    row = rows[n]
    if coded:
        children, closed, reason = _coded_children(rows, n, table.complete)
        # ("…金额较小的款级科目未逐项列示": the coded rows under a row may be only some of it, as the note says)
        return children, closed and not (table.unlisted and reason == "code_levels"), reason
    if subs:
        funding = all(is_source(p.label) for p in subs)
        reason = "funds_sources" if table.kind == "funds" and funding else "table_rows"
        return subs, funding and len(subs) >= 2 and not _other_left_out(table, subs), reason
    above_n = bisect_left(small, n)  # how many 小计 rows stand above row n
    is_small = above_n < len(small) and small[above_n] == n
    if is_small and n >= 2:
        # "1.… | 2.… | 3.… | 小计": a subtotal below its block, the rows since the subtotal before it
        start = small[above_n - 1] + 1 if above_n else 0
        block = [r for r in rows[start:n] if r.part_of is None and not r.label.startswith("其中") and not r.is_total]
        if len(block) >= 2 and (start > 0 or not rows[0].is_total):
            return block, True, "table_rows"
    if n + 1 == len(rows):
        if row.is_total and n >= 2:
            if rows[n - 1].is_total and (_bare(rows[n - 1].label) == _bare(row.label) or (
                    _TWO_SIDES.search(_bare(rows[n - 1].label)) and _TWO_SIDES.search(_bare(row.label))
                    and _TWO_SIDES.search(_bare(rows[n - 1].label)).group() != _TWO_SIDES.search(_bare(row.label)).group())):
                # (or "… | 总计 | 3132.12 | 总计 | 3132.12": the two sides' totals, each named 总计)
                # ("… | 收入总计 | 1,595.00 | 支出总计 | 1,595.00": the two sides of a 收支总表 read as one
                # column; not the sum of every row above)
                return [], False, ""
            # ("收入 | … | 收入总计 | 2,913.82 | 支出 | … | 本年支出合计 | … | 支出总计 | 2,913.82": a 收支总表 set in one
            # column — the 支出总计 sums the 支出 side, the rows after the 收入 side's own 总计)
            # (… and a 支出合计 the rows after the 收入合计 above it: "收入合计 ⏎ 资助支出 ⏎ … ⏎ 支出合计" — the other side's
            # total, 合计 or 总计, is never a part of this side's)
            side = _TWO_SIDES.search(_bare(row.label))
            first = next((k + 1 for k in range(n - 1, 0, -1) if side and rows[k].part_of is None
                          and (rows[k].is_total or _ENDS_TOTAL.search(_bare(rows[k].label)))
                          and (other := _TWO_SIDES.search(_bare(rows[k].label))) and other.group() != side.group()), 0)
            above = [r for r in rows[first:n] if r.part_of is None and not r.label.startswith("其中")]
            totals = [k for k in range(max(first, 1), n) if rows[k].part_of is None and (
                rows[k].is_total or _ENDS_TOTAL.search(_bare(rows[k].label)))]
            if totals and not above_n:
                # "本年收入合计 | 1,550.00 | 上年结转 | 45.00 | 收入总计 | 1,595.00": the totals above and
                # the rows after the last, not the rows those totals already sum
                above = [rows[k] for k in totals] + [r for r in rows[totals[-1] + 1:n]
                                                     if r.part_of is None and not r.label.startswith("其中")]
            if above_n and not is_small:
                # "…| 小计 | …| 小计 | 绿能建设 | 总计": the subtotals and the rows under none of them
                above = [rows[k] for k in small[:above_n]] + [r for r in rows[small[above_n - 1] + 1:n]
                                                              if r.part_of is None and not r.label.startswith("其中")]
            if _depth(row) is not None:
                # ("年初结转和结余 ⏎ 318.25 ⏎ ␣␣一般公共预算财政拨款 ⏎ 318.25 ⏎ … ⏎ 总计", a cell a line: rows set in further than
                # the total are the parts of the row above them, not the total's)
                above = [r for r in above if _depth(r) is None or _depth(r) <= _depth(row)]
            return _outermost(table, above, classes), True, "table_rows"
        return [], False, ""
    nxt = rows[n + 1]
    side, next_side = _TWO_SIDES.search(_bare(row.label)), _TWO_SIDES.search(_bare(nxt.label))
    if row.is_total and n >= 2 and side and _GRAND.search(_bare(row.label)) and _NUMBERED.match(_bare(nxt.label)) \
            and next_side and next_side.group() != side.group():
        # ("…本年收入合计 ⏎ 年初结转和结余 ⏎ 收入总计 ⏎ 一、一般公共服务支出 ⏎ …", a 收支总表 set in one column: the 收入
        # side's 总计 closes its side — the 合计 above and the rows after it — not the 支出 side's rows that follow)
        totals = [k for k in range(1, n) if rows[k].part_of is None and (
            rows[k].is_total or _ENDS_TOTAL.search(_bare(rows[k].label)))]
        if above_n or any(_TWO_SIDES.search(_bare(rows[k].label)).group() != side.group()
                          for k in totals if _TWO_SIDES.search(_bare(rows[k].label))):
            return [], False, ""
        # (its side's rows from the table's top when no 合计 stands above: "一、一般公共预算拨款 ⏎ … ⏎ 上年结转 ⏎ 收入总计")
        after = totals[-1] + 1 if totals else 0
        return [rows[k] for k in totals] + [r for r in rows[after:n]
                                            if r.part_of is None and not r.label.startswith("其中")], True, "table_rows"
    if n == 0 and row.is_total and (not _NUMBERED.match(nxt.label) or GROUP_HEADING_START.match(_bare(nxt.label))):
        # "合计 | 30.8 | 25.7" first, then the rows it sums (their 其中 rows aside; under headings "一、按功能科目 ⏎ … ⏎
        # 二、按项目 ⏎ …", rows of their own, each heading's rows all of it: _groups)
        below = [r for r in rows[1:] if r.part_of is None and not r.label.startswith("其中")]
        heads = blocks()
        if heads:
            # ("合计 ⏎ 本级 ⏎ 下属事业单位小计 ⏎ 图书馆 ⏎ 博物馆": the 小计 and the rows it sums are not both its parts)
            inside = {id(r) for block in heads.values() for r in block}
            below = [r for r in below if id(r) not in inside]
        below = _outermost(table, below, classes)
        if heads is not False and len(below) >= 2 and not any(r.is_total for r in below):
            return below, True, "table_rows"
    if n > 0 and rows[0].is_total and _NAMED_SUBTOTAL.search(_bare(row.label)) and (heads := blocks()) \
            and n in heads:
        return heads[n], True, "table_rows"
    if _NUMBERED.match(_bare(nxt.label)) and (_SUBTOTAL.search(_bare(row.label)) or row.is_total):
        style = _NUMBERED.match(_bare(nxt.label)).group()[-1]
        own = _NUMBERED.match(_bare(row.label))
        out = []
        for r in itertools.islice(rows, n + 1, None):
            m = _NUMBERED.match(_bare(r.label))
            if m and own and item_style(m.group()) == item_style(own.group()):
                break  # "二、岁出合计" after "一、岁入合计 | 1.… | 2.…": the next total's own rows follow
            if m:
                if m.group()[-1] == style:
                    out.append(r)
            elif r.label.startswith("其中") or not _SUBTOTAL.search(_bare(r.label)):
                continue
            else:
                break
        return out, True, "table_rows"
    found = _outline_children(rows, n)
    if found[0]:
        return found
    if table.unlisted:
        return _unlisted_children(table, rows, n, classes, depths)
    found = _indented_children(rows, n)
    return found if found[0] else _indented_children(rows, n, _layout_depth, "layout_levels")


def _unlisted_children(table: ScoreTable, rows: list[TableRow], n: int, classes,
                       depths: set | None = None) -> tuple[list[TableRow], bool, str]:
    """Under a note that the rows under some rows are not all listed ("金额较小的款级科目未逐项列示"): the rows set in
    under row n, or, where no row is set in, the rows after a 类 row (cue function_class) up to the next 类 row that
    are none — some of its 款 only, which may not exceed it (as _outermost reads the table's total over the 类 rows)."""
    if n + 1 == len(rows):
        return [], False, ""
    if depths is None:
        depths = {_depth(r) for r in rows}
    if None not in depths and len(depths) >= 2:
        if _depth(rows[n + 1]) <= _depth(rows[n]):
            return [], False, ""
        children, _, _ = _children(rows, n, _depth, lambda r: False, least=1)
    elif classes is not None and classes.match(clean(rows[n].label)) and not rows[n].is_total:
        children = list(itertools.takewhile(lambda r: not r.is_total and not classes.match(clean(r.label)),
                                            rows[n + 1:]))
        if _exceeds(rows[n], children):
            return [], False, ""  # (rows adding up past the 类 row are not some of its 款: the names alone do not say)
    else:
        return [], False, ""
    if not children or any(_PARTIAL_CHILD.match(_bare(r.label)) or r.is_total or r.part_of is not None
                           for r in children):
        return [], False, ""
    return children, False, "table_rows"


def _depth(row: TableRow) -> int | None:
    """How far spaces set the row's label in: from its line's start (a cell a line, rows set apart by spaces) or
    within its bar cell ("|  普通教育 | 13,245.80 |")."""
    return row.indent if row.indent is not None else row.cell_indent


def _indent_depth(row: TableRow) -> int | None:
    return _depth(row)


def _layout_depth(row: TableRow) -> int | None:
    """A row's level as its layout states it, in a table that mixes two: set one cell a line (its name alone on its
    line, its figures each on one after: the upper level, 0) or one line (name and figures together: 1)."""
    return None if row.stacked is None else 0 if row.stacked else 1


def _layout_levels(rows: list[TableRow]) -> bool:
    """The rows are of two levels by their layout (_layout_depth): the first set one cell a line, and every run of
    rows set one line each (two at least) under such a row is its parts by the amounts (_indented_children) —
    one such run at least."""
    depths = [_layout_depth(r) for r in rows]
    if len(rows) < 3 or None in depths or depths[0] != 0 or set(depths) != {0, 1}:
        return False
    runs = 0
    for n, depth in enumerate(depths):
        if depth == 0 and n + 2 < len(rows) and depths[n + 1] == 1 and depths[n + 2] == 1:
            if not _indented_children(rows, n, _layout_depth)[0]:
                return False
            runs += 1
    return runs >= 1


def _outermost(table: ScoreTable, rows: list[TableRow], classes=None) -> list[TableRow]:
    """The rows of a total's that stand at the outermost level, when the layout or the note under the table says
    the others are the rows under them:
    - labels set in by spaces at two depths or more ("| 教育支出 | … ⏎ |  普通教育 | …"): the rows set in are the
      parts of the row above them, not the total's;
    - the note says the rows under some rows are not all listed ("金额较小的款级科目未逐项列示", table.unlisted) and
      the rows are the 类 of the classification (cue function_class, the first of them one) and rows under them
      that are none: the 类 rows, when each stands at least at the sum of the rows under it (only some of its 款) —
      otherwise none (the note says the rows are not each the total's, the layout does not say which are)."""
    depths = [_depth(r) for r in rows]
    if len(rows) >= 2 and None not in depths and len(set(depths)) >= 2:
        top = min(depths)
        return [r for r, d in zip(rows, depths) if d == top]
    if _layout_levels(rows):
        # ("學雜費收入 ⏎ 398,027,639元 ⏎ 28% ⏎ … ⏎ 學費收入 302,087,504元 21% … ⏎ 雜費收入 … ⏎ 推廣教育收入 ⏎ …": the rows
        # set one line each are the parts of the row set one cell a line above them, not the total's)
        return [r for r in rows if r.stacked]
    if not table.unlisted or classes is None or len(rows) < 2:
        return rows
    heads = [bool(classes.match(clean(r.label))) for r in rows]
    if sum(heads) == len(rows) or not any(heads):
        return rows
    if not heads[0] or sum(heads) < 2:
        return []
    tops = [n for n, h in enumerate(heads) if h]
    if any(_exceeds(rows[a], rows[a + 1:b]) for a, b in zip(tops, [*tops[1:], len(rows)])):
        return []
    return [rows[n] for n in tops]


def _exceeds(head: TableRow, under: list[TableRow]) -> bool:
    """The rows under a 类 row add up past it in some column (so they are not some of its 款)."""
    return any(sum((r.cells[key].value for r in under if key in r.cells), Decimal(0)) > total.value + total.tolerance
               for key, total in head.cells.items())


def _indented_children(rows: list[TableRow], n: int, depth=None, reason: str = "indented_rows"
                       ) -> tuple[list[TableRow], bool, str]:
    """A table set one cell a line whose labels stand in by spaces alone ("教学收入 ⏎ … ⏎ ␣学杂费收入 ⏎ … ⏎ ␣推广教育收入"):
    a row is the total of the rows set in one step further right below it, as the grid reader reads a row over its
    indented rows (reason indented_rows) — and as there, only where the amount columns bear it out: it holds in every
    column that adds up (the amounts and a 增减 column) but one at most, in more than twice as many as it fails.  A
    其中 / 含 row among them names only some: then none is read.  `depth`: the rows' levels another way (their layout:
    _layout_depth, reason layout_levels)."""
    _depth = depth or _indent_depth
    if _depth(rows[n]) is None or n + 1 == len(rows) or _depth(rows[n + 1]) is None \
            or _depth(rows[n + 1]) <= _depth(rows[n]):
        return [], False, ""  # (the cheap test first: the next row stands further in)
    if depth is None and _depth(rows[n + 1]) - _depth(rows[n]) in part_mark_widths(_bare(rows[n].label)):
        # (the next row stands under the name after the row's 其中 / 內 mark, "␣␣其中：人员支出 ⏎ ␣␣␣␣␣␣␣␣日常公用": the
        # mark's other parts, the row's siblings — no sum over them is the row's, whatever holds by chance)
        return [], False, ""
    children, closed, _ = _children(rows, n, _depth, lambda r: False, least=2)
    if not children or any(_PARTIAL_CHILD.match(_bare(r.label)) or r.is_total for r in children):
        return [], False, ""
    checked = against = 0
    for key, total in rows[n].cells.items():
        if key.split("#")[0] not in (*_SUM_ROLES, "change") or _NOT_AMOUNT.search(total.text):
            continue
        values = [r.cells[key] for r in children if key in r.cells]
        if sum(1 for v in values if v.value) < 2:
            continue
        checked += 1
        against += not adds_up(total, values)
    if not checked or against > 1 or checked <= 2 * against:
        return [], False, ""
    return children, closed, reason


_PARTIAL_CHILD = lazyre.compile(r"^(?:其中|含|包括)")


def _coded_children(rows: list[TableRow], n: int, read_whole: bool) -> tuple[list[TableRow], bool, str]:
    """A coded grid (款 | 項 | 目 | 節 | 名稱): a row is the sum of the rows coded one column to its
    right under it, up to the next row coded in its column or to its left.  A row with no code
    (合計, a bracketed group, a 政事別 name between "總統府" and its 目 rows) sums nothing and is
    no part: the rows around it keep their places.  `read_whole`: every row of the table was read."""
    if rows[n].is_total and rows[n].level is None and "小计" not in rows[n].label:
        # ("| | 合计 | 2,152.52 |" over "| 201 | 一般公共服务支出 | 327.52 |"…: the 类 rows, the top level)
        levels = [r.level for r in rows if r.level is not None]
        top = [r for r in rows if levels and r.level == min(levels)]
        # (a table whose reading stopped at a row it could not read may have 类 rows past it)
        return (top, read_whole, "table_rows") if len(top) >= 2 else ([], False, "")
    children, closed, _ = _children(rows, n, lambda r: r.level, lambda r: False, least=1)
    return children, closed, "code_levels" if children else ""


def _outline_children(rows: list[TableRow], n: int) -> tuple[list[TableRow], bool, str]:
    """"(一)實質收入 | 1.稅課… | 2.營業… | … | (二)融資財源": a numbered row followed by rows numbered
    one level deeper is their sum — those rows up to the next row of its own level or above (rows of
    deeper levels, and unnumbered ones such as a 百分比 line, are not its parts; a 合計 row ends them).
    In a table whose 总计 is the sum of its numbered rows ("总计 | 一、本级收入 | 税收 | 非税 | 二、转移性收入 | …"),
    the unnumbered rows under a numbered one are its parts."""
    found = _children(rows, n, lambda r: _signed_outline_depth(r.label),
                      lambda r: r.is_total or bool(_SUBTOTAL_ROW.search(r.label)), least=2)
    if found[0] or outline_depth(rows[n].label) is None:
        return found
    own = outline_depth(rows[n].label)
    below: list[TableRow] = []
    for r in itertools.islice(rows, n + 1, None):
        depth = outline_depth(r.label)
        if depth is not None and depth <= own or r.is_total or _SUBTOTAL_ROW.search(r.label):
            break
        if depth is not None or r.label.startswith("其中") or r.part_of is not None:
            return [], False, ""  # (rows numbered deeper, or 其中 rows, among them: another structure)
        below.append(r)
    if len(below) < 2 or not _numbered_rows_make_the_total(rows, own):
        return [], False, ""
    return below, True, "table_rows"


def _signed_outline_depth(label: str) -> int | None:
    """A label's outline depth, through the direction a numbered item opens with: "加：1.当期确认为收入…" is of 1.'s
    depth, its "（1）应收款项…" rows one deeper — the (1) items are its parts, not (一)'s (会政预04, _signed_items)."""
    m = _SIGNED_ITEM.match(_bare(label))
    return outline_depth(_bare(label)[m.end():]) if m else outline_depth(label)


def _numbered_rows_make_the_total(rows: list[TableRow], depth: int) -> bool:
    """The table's one 总计 / 合计 row is, in its first figure column, the sum of its rows numbered at `depth`."""
    totals = [r for r in rows if r.is_total]
    numbered = [r for r in rows if not r.is_total and outline_depth(r.label) == depth]
    if len(totals) != 1 or len(numbered) < 2:
        return False
    key = next(iter(totals[0].cells), None)
    if key is None or any(key not in r.cells for r in numbered):
        return False
    return sum(r.cells[key].value for r in numbered) == totals[0].cells[key].value


def _children(rows: list[TableRow], n: int, depth_of, ends, least: int) -> tuple[list[TableRow], bool, str]:
    """Row n's children in a hierarchy (at least `least` of them): the rows one level deeper under it
    (the level of the first deeper row), up to the next row of its own level or above, or a row of no
    level that `ends` them.
    A run of children that reaches the table's last row may be cut short (an excerpt, a page):
    then the parts may only not exceed the total."""
    own = depth_of(rows[n])
    if own is None:
        return [], False, ""
    children: list[TableRow] = []
    child = None
    closed = False
    for r in itertools.islice(rows, n + 1, None):
        depth = depth_of(r)
        if depth is None:
            if ends(r):
                closed = True
                break
            continue
        if depth <= own:
            closed = True
            break
        child = depth if child is None else child
        if depth == child:
            children.append(r)
    if len(children) < least:
        return [], False, ""
    return children, closed, "table_rows"


def _balances(rows: list[TableRow], via: tuple[str, ...]) -> list[Breakdown]:
    """结余 = 实际到位资金 (or the budget) − 实际支出, in a row that states all three."""
    out = []
    for row in rows:
        balance, actual = row.cells.get("balance"), row.cells.get("actual")
        bases = [f for f in (row.cells.get("received"), *(row.cells.get(b) for b in BUDGET_ROLES)) if f is not None]
        if balance is None or actual is None or not bases:
            continue
        # (templates take the balance on the money that arrived, or on the budget — "结转结余=全年预算数-实际支出" —:
        # the one that makes it, if one does, else the money that arrived)
        base = next((b for b in bases if abs(b.value - actual.value - balance.value)
                     <= b.tolerance + actual.tolerance + balance.tolerance), bases[0])
        out.append(Breakdown.model_construct(total=balance, parts=(base,), subtracted=(actual,), marker="结余",
                                             complete=True, reason="funds_balance", via=via))
    return out


_TOP_NUMBER = lazyre.compile(r"^([一二三四五六七八九十]{1,3})、")
_TOP_NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]


def _surplus_rows(rows: list[TableRow], via: tuple[str, ...], vocab: Vocabulary) -> list[Breakdown]:
    """A 收入费用表's balance row: "三、本期盈余" right after the sides it balances, "一、本期收入" and "二、本期费用" —
    the table's top-level rows numbered in turn, the income side (statement_income, …_total) then the spending side
    (statement_spending, …_total), the balance (statement_balance) numbered next — is 收入 − 费用, in each column the
    three rows all state (reason table_surplus_row).  A row numbered between them (三、限定性净资产转为非限定性净资产
    before 四、净资产变动额), sides in another order, or a balance row of no number: not read."""
    cues = [vocab.cue(name) for name in ("statement_income", "statement_income_total", "statement_spending",
                                          "statement_spending_total", "statement_balance")]
    top = []  # (number, row, bare label) of the rows numbered 一、二、三 …
    for row in rows:
        m = _TOP_NUMBER.match(clean(row.label))
        if m and m.group(1) in _TOP_NUMERALS:
            top.append((_TOP_NUMERALS.index(m.group(1)), row, clean(row.label)[m.end():]))
    out = []
    for (a, income, a_label), (b, spending, b_label), (c, balance, c_label) in zip(top, top[1:], top[2:]):
        if not (b == a + 1 and c == b + 1):
            continue
        if not ((cues[0].search(a_label) or cues[1].search(a_label))
                and (cues[2].search(b_label) or cues[3].search(b_label)) and cues[4].search(c_label)):
            continue
        for key, total in balance.cells.items():
            plus, minus = income.cells.get(key), spending.cells.get(key)
            if plus is None or minus is None or total.unit == "%" or plus.unit != total.unit \
                    or minus.unit != total.unit:
                continue
            out.append(Breakdown.model_construct(total=total, parts=(plus,), subtracted=(minus,), marker="盈余",
                                                 complete=True, reason="table_surplus_row",
                                                 via=(*via, *balance.via)))
    return out


def _deductions(rows: list[TableRow], via: tuple[str, ...]) -> list[Breakdown]:
    """扣分 = 分值 − 得分, in each row that states all three ("分值 | 得分 | 扣分": "产出质量 | 15 | 14 | 1", the 合计 row
    too — its 扣分 is what the rows lost)."""
    out = []
    for row in rows:
        taken, weight, score = (row.cells.get(k) for k in ("deduction", "weight", "score"))
        if taken is None or weight is None or score is None:
            continue
        out.append(Breakdown.model_construct(total=taken, parts=(weight,), subtracted=(score,), marker="扣分",
                                             complete=True, reason="table_rows", via=(*via, *row.via)))
    return out


# ------------------------------------------------------------------- rates
def _rates(table: ScoreTable, rows: list[TableRow]) -> list[TableRate]:
    out = []
    # (each rate column's own base, where its bracket names one: "执行率(年初) | 执行率(全年)")
    names = dict(zip(column_keys([role_of(n) for n in table.columns]), table.columns))
    own_bases = {k: rate_column_base(name) for k, name in names.items() if k and k.split("#")[0] == "rate"}
    for row, rate in ((row, rate) for row in rows for rate in _rate_columns(row, own_bases)):
        actual = _this_years(row, "actual", rate)
        cells = [(key.split("#")[0], f) for key, f in row.cells.items() if key.split("#")[0] in BUDGET_ROLES]
        if rate.period:  # ("2022年执行率": of the 2022 columns)
            cells = [(k, f) for k, f in cells if f.period == rate.period] or cells
        first: dict[str, Fact] = {}  # each budget role's cell (its first column)
        for role, f in cells:
            first.setdefault(role, f)
        budgets = [first[b] for b in BUDGET_ROLES if b in first]  # 全年预算数 before 年初预算数 (BUDGET_ROLES order)
        if actual is None or not budgets:
            continue
        own = own_bases.get(next((k for k, f in row.cells.items() if f is rate), ""))
        named = table.base is not None or own is not None
        base_role = own or table.base
        if named and base_role not in first:
            if set(first) != {"budget"}:
                continue  # ("完成调整预算%" in a table without the 调整预算, beside its 年初预算: the base is not in it)
            base_role = "budget"  # ("完成年初预算%" over the one 预算数 column: that budget)
        base = first[base_role] if named else budgets[0]
        # (some templates take 执行率 on the money that arrived, 执行数 / 到位数: a row's 到位 cell is another base)
        received = next((f for key, f in row.cells.items() if key.split("#")[0] == "received"), None)
        others = tuple(b for b in (*budgets, received) if b is not None and b is not base)
        out.append(TableRate.model_construct(
            rate=rate, actual=actual, base=base, others=others, named=named, row=row.label,
            reason="table_rate_named" if named else "table_rate", via=tuple([*_via(table), *row.via])))
    for row in rows:
        rate, score, weight = (row.cells.get(r) for r in ("score_rate", "score", "weight"))
        # (a table of several score columns, 上年得分 | 本年得分 | 本年得分率, 自评得分 | 复核得分 | 复核得分率: the
        # rate stands after the score it is of, the last one)
        score = [f for key, f in row.cells.items() if key.split("#")[0] == "score"][-1] if score is not None else None
        if rate is not None and score is not None and weight is not None:
            out.append(TableRate.model_construct(
                name="得分率", rate=rate, actual=score, base=weight, others=(), named=True, row=row.label,
                reason="score_rate_row", via=tuple([*_via(table), *row.via])))
    return out


def _funds_scores(table: ScoreTable, rows: list[TableRow]) -> list[FundsScore]:
    out = []
    names = dict(zip(column_keys([role_of(n) for n in table.columns]), table.columns))
    # (a row whose 分值 the other rows' 分值 make is their total, scored by adding their scores: "财政拨款 | … | 7 | 6.92 /
    # 其他资金 | … | 3 | 2.47 / 合计 | … | 10 | 9.39", "分别以执行率×权重分计分后加总")
    weights = [r.cells["weight"] for r in rows if "weight" in r.cells and "score" in r.cells]
    for row in rows:
        own = row.cells.get("weight")
        others = [w for w in weights if w is not own]
        if own is not None and len(others) >= 2 and all(0 < w.value < own.value for w in others) \
                and own.value == sum(w.value for w in others):
            continue
        score, weight, rate = (row.cells.get(r) for r in ("score", "weight", "rate"))
        rates = [(key, f) for key, f in row.cells.items() if key.split("#")[0] == "rate"]
        if len(rates) > 1:
            # ("年初预算执行率 | 全年预算执行率 | 分值 | 得分": the score is of the full year's rate, the template's; with no
            # column named so, which one is open)
            full_year = [f for key, f in rates if _FULL_YEAR_RATE.search(names.get(key) or "")]
            rate = full_year[0] if len(full_year) == 1 else None
        if score is None or weight is None or rate is None or row.part_of is not None:
            continue  # a 其中 row repeating the total's 分值 and 得分 is not scored again
        rule = table.score_rule if table.score_rule != "bands" else ""
        if table.score_rule == "bands":
            continue  # a banded rule the report states: not one we can compute
        out.append(FundsScore.model_construct(
            score=score, weight=weight, rate=rate, rule=rule, row=row.label,
            reason="funds_score_stated" if rule else "funds_score_convention",
            via=tuple([*_via(table), *row.via])))
    return out


# -------------------------------------------------------------- indicators
_COMPARE = lazyre.compile(r"^(?P<op>≥|>=|≧|大于等于|不低于|不少于|≤|<=|≦|小于等于|不高于|不超过|不多于|>|<|=|═|＝)?\s*"
                      r"(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>%|[\u4e00-\u9fff]{0,4})$")
_AT_LEAST = {"≥", ">=", "≧", "大于等于", "不低于", "不少于"}
_AT_MOST = {"≤", "<=", "≦", "小于等于", "不高于", "不超过", "不多于"}


def met(target: str, achieved: str) -> bool | None:
    """Does the 实际完成值 meet a quantitative 年度指标值? None: not comparable."""
    t, a = _COMPARE.match(target.replace(" ", "")), _COMPARE.match(achieved.replace(" ", ""))
    if t is None or a is None or a.group("op") not in (None, "=", "═", "＝"):
        return None
    if t.group("unit") != a.group("unit"):
        return None
    tv, av = Decimal(t.group("num")), Decimal(a.group("num"))
    op = t.group("op")
    if op in _AT_LEAST:
        return av >= tv
    if op in _AT_MOST:
        return av <= tv
    if op == ">":
        return av > tv
    if op == "<":
        return av < tv
    return av == tv if op else (av == tv or None)


def _indicators(rows: list[TableRow], full_when_met: str, reason: str) -> list[IndicatorScore]:
    out = []
    for row in rows:
        score, weight = row.cells.get("score"), row.cells.get("weight")
        if row.is_total or score is None or weight is None:
            continue
        target, achieved = row.texts.get("target", ""), row.texts.get("achieved", "")
        out.append(IndicatorScore.model_construct(
            score=score, weight=weight, target=target, achieved=achieved, met=met(target, achieved),
            full_when_met=full_when_met, row=row.label, reason=reason, via=row.via))
    return out


def _completions(rows: list[TableRow], via: tuple[str, ...]) -> list[Target]:
    """Each indicator row's 完成率 = 实际完成值 / 年度指标值, where a 完成率 column stands between them and 分值
    (`indicator_completion_row`):

        三级指标 | 年度指标值 | 实际完成值 | 完成率 | 分值 | 得分
        农村生活污水治理行政村 | 45个 | 41个 | 91.11% | 15 | 13.67     → 91.11 % = 41 / 45

    The 指标值's comparator says the indicator's direction (TGT001 reads each): ≥ — at most 100 % when met, as
    templates cap it —, ≤ — a ceiling (a cost, a time): met, 100 %, or the two figures' ratio either way —, none — a
    reverse indicator may be written so: either ratio, or 100 % under the target.  A row whose values are words (是,
    达标), dates or of two units has no such figures (TableRow.completion is None)."""
    out = []
    for row in rows:
        if row.completion is None or row.is_total:
            continue
        rate, target, achieved = row.completion
        if target.value <= 0:
            continue  # ("0人 | 0人 | 100%": an indicator of none, no ratio)
        m = _COMPARE.match(row.texts.get("target", "").replace(" ", ""))
        op = m.group("op") if m is not None else None
        direction = "at_least" if op in _AT_LEAST or op == ">" else "at_most" if op in _AT_MOST or op == "<" \
            else "unstated"
        out.append(Target.model_construct(percent=rate, target=target, actual=achieved, measure="completion",
                                          ceiling=direction == "at_most", direction=direction,
                                          reason="indicator_completion_row", via=tuple([*via, *row.via]), rejected=()))
    return out


def _level_weights(table: ScoreTable) -> list[ScoreSum]:
    """"产出指标(50分)" over its indicator rows: their 分值 add to the level's weight. A level's
    rows run to the next level or the 总分 row; levels nested in one row leave it open."""
    if any("levels nested in one row" in r.via for r in table.rows):
        return []
    out = []
    groups: list[tuple[TableRow, list[Fact]]] = []
    for row in table.rows:
        if row.is_total:
            break
        if "level" in row.cells:
            groups.append((row, []))
        if groups and "weight" in row.cells:
            groups[-1][1].append(row.cells["weight"])
    for row, weights in groups:
        if len(weights) >= 2:
            out.append(ScoreSum.model_construct(total=row.cells["level"], parts=tuple(weights), column="weight",
                                                complete=table.complete, row=row.labels[0] if row.labels else "",
                                                reason="level_weights", via=_via(table)))
    return out


_LEVEL_SUBTOTAL = lazyre.compile(r"^[\u4e00-\u9fff]{1,8}(?:合计|小计)[::]?$")


def _is_subtotal(row: TableRow) -> bool:
    """A level's 小计 row ("小计", "决策合计", "产出指标小计"), not the table's 总分."""
    return bool(SUBTOTAL_ROW.match(row.label) or _LEVEL_SUBTOTAL.match(row.label)
                and not TOTAL_ROW.match(row.label))


def _subtotal_sums(table: ScoreTable, blocks: list[tuple[TableRow, list[TableRow] | None]]) -> list[ScoreSum]:
    """"…| 50 | 48.5 ⏎ 小计 | 50 | 48.5": each level's 小计 row over the indicator rows since the one before (a higher
    level's over the lower subtotals, _score_subtotal_blocks). (The 总分 after them is left alone: rows the reading could not
    place may stand between.)"""
    if table.rows and _is_subtotal(table.rows[0]):
        return _subtotals_heading(table)
    return [s for head, block in blocks for s in _subtotal_row_sums(table, head, block or [], named=False)]


def _score_subtotal_blocks(table: ScoreTable) -> tuple[list[tuple[TableRow, list[TableRow] | None]], list[TableRow] | None]:
    """Each 小计 row with the rows it sums (None: not certain which), and the rows no subtotal took (None: a block
    was not certain).  A subtotal named for a level no row since the one before names ("绩效指标小计" after
    "产出指标小计") is one level up: it sums the lower subtotals and the rows under none of them, not only the rows since
    the last — taken where the 分值 make its own exactly; where neither those nor the rows since the last do, which
    rows it sums is not certain."""
    names = _subtotal_names(table)
    blocks: list[tuple[TableRow, list[TableRow] | None]] = []
    group: list[TableRow] = []
    taken: list[TableRow] | None = []  # (the rows and subtotals so far that no subtotal took)
    for row in table.rows:
        if not row.is_total and not _is_subtotal(row):
            group.append(row)
            continue
        if not _is_subtotal(row):
            if row is table.rows[-1]:
                break  # (the 总分: _total_over_subtotals)
            taken, group = None, []  # (a total row amid the subtotals: what follows is no longer placed)
            continue
        block = _named_block(row, group, names)
        if taken is not None and any(_is_subtotal(r) for r in taken) and block is group and _level_over(row, group):
            over = [*taken, *group]
            if _weights_make(row, over):
                blocks.append((row, over))
                taken, group = [row], []
                continue
            if not _weights_make(row, group):
                blocks.append((row, None))  # (neither reading's 分值 make the subtotal's: its rows are not certain)
                taken, group = None, []
                continue
        blocks.append((row, block))
        if taken is not None:
            taken = None if block is None else [*taken, *(r for r in group if r not in block), row]
        group = []
    return blocks, None if taken is None else [*taken, *group]


def _level_over(head: TableRow, group: list[TableRow]) -> bool:
    """"绩效指标小计": a subtotal named for a level that none of the rows above it names (a level over theirs)."""
    name = _SUBTOTAL_WORD.sub("", head.label)
    return bool(name and _LEVEL_SUBTOTAL.match(head.label) and not any(name in r.labels[:-1] for r in group))


def _weights_make(head: TableRow, rows: list[TableRow]) -> bool:
    """The rows' 分值 add up exactly to the subtotal's (every row states one)."""
    weight = head.cells.get("weight")
    return bool(rows) and weight is not None and all("weight" in r.cells for r in rows) \
        and sum(r.cells["weight"].value for r in rows) == weight.value


def _named_block(head: TableRow, group: list[TableRow], names: frozenset[str] = frozenset()) -> list[TableRow] | None:
    """The rows a subtotal named for a level ("效益指标小计") sums: of the rows since the subtotal before it, those of
    that level — a row naming none of the levels the table's subtotals name ("数量指标" under 产出指标) is of the level
    of the row above —, the last rows, together; where no row names it, the level is one over the rows' ("绩效指标小计"
    over 产出 / 效益 / 满意度): all of them.  None when the rows of that level are not the last ones together (the
    subtotal's block is not what the layout says).  `names`: the levels the table's subtotals name."""
    name = _SUBTOTAL_WORD.sub("", head.label)
    if not name or not _LEVEL_SUBTOTAL.match(head.label):
        return group
    levels, current = [], None
    for r in group:
        named = [w for w in r.labels[:-1] if w in names or w == name]
        current = named[-1] if named else current
        levels.append(current == name)
    if not any(levels):
        return group
    first = levels.index(True)
    return group[first:] if all(levels[first:]) else None


def _subtotal_names(table: ScoreTable) -> frozenset[str]:
    return frozenset(_SUBTOTAL_WORD.sub("", r.label) for r in table.rows if _is_subtotal(r))


def is_level_subtotal(row: TableRow) -> bool:
    """A subtotal named for a level ("产出指标小计"), not a bare "小计" (which, the table's only total, is its 总分)."""
    return bool(_LEVEL_SUBTOTAL.match(row.label) and not TOTAL_ROW.match(row.label))


_SUBTOTAL_WORD = lazyre.compile(r"(?:合计|小计)[::]?$")


def _subtotal_row_sums(table: ScoreTable, head: TableRow, group: list[TableRow], named: bool = True) -> list[ScoreSum]:
    """A 小计 row over its block's rows (two or more), in the 分值 and the 得分 column, where every row states it.
    `named`: the block is still to be narrowed to the subtotal's level (_named_block)."""
    out = []
    if named:
        group = _named_block(head, group, _subtotal_names(table)) or []
    if len(group) < 2:
        return out
    for column in ("weight", "score"):
        total, parts = head.cells.get(column), [r.cells[column] for r in group if column in r.cells]
        if total is not None and len(parts) == len(group):
            out.append(ScoreSum.model_construct(total=total, parts=tuple(parts), column=column, complete=True,
                                                row=head.label, reason="score_table_total",
                                                via=(*_via(table), SUBTOTAL_VIA)))
    return out


def _subtotals_heading(table: ScoreTable) -> list[ScoreSum]:
    """"决策小计 | 15 | 14 ⏎ 项目立项 | 6 | 6 ⏎ …": a table that opens with a 小计 row heads each block with its
    subtotal — each over the rows after it, up to the next subtotal or the 总分."""
    blocks: list[tuple[TableRow, list[TableRow]]] = []
    for row in table.rows:
        if _is_subtotal(row):
            blocks.append((row, []))
        elif row.is_total:
            break
        elif blocks:
            blocks[-1][1].append(row)
    return [s for head, group in blocks for s in _subtotal_row_sums(table, head, group)]


def _score_sums(table: ScoreTable, funds: ScoreTable | None) -> list[ScoreSum]:
    totals = [r for r in table.rows if r.is_total]
    subtotals = [r for r in table.rows[:-1] if _is_subtotal(r)]
    if subtotals and totals and totals[-1] is table.rows[-1] \
            and all(_is_subtotal(r) for r in table.rows[:-1] if r.is_total):
        blocks, unplaced = _score_subtotal_blocks(table)  # (once: both read it)
        return _subtotal_sums(table, blocks) + _total_over_subtotals(table, funds, unplaced)
    if len(totals) != 1 or totals[0] is not table.rows[-1]:
        return []
    total_row = totals[0]
    rows = [r for r in table.rows[:-1] if not r.is_total]
    lead: list[TableRow] = []
    # ("…| 10 | 10 ⏎ 产出指标小计 | — | 50 | 49.20": a table ending with a level's subtotal is that level's, no 总分 of 100
    # and no funds row in it)
    level = _is_subtotal(total_row)
    if funds is not None and not level:
        lead = _funds_lead(funds)
    out = []
    weights_add = None
    nested = _indented(rows)
    weight_sums = _indented_sums(rows, "weight", _via(table)) if nested is not None else []
    if nested is not None and not _levels_confirmed(weight_sums, nested[0], total_row):
        nested = None  # (labels at several indents that are no levels: centred cells of a flat table)
    # (a second score column, "分值 | 2022年得分 | 2023年得分", "自评得分 | 复核得分", adds up to its own total as the
    # first does — where every row, the funds row above included, has a cell in it)
    more = [key for key in total_row.cells if key.startswith("score#")
            and nested is None and all(key in r.cells for r in [*lead, *rows])]
    for column in ("weight", "score", *more):
        total = total_row.cells.get(column)
        if nested is not None and total is not None and all(column in r.cells for r in nested[0]):
            # (rows indented under others are their parts: the 总分 is of the least indented rows)
            out.extend(weight_sums if column == "weight" else _indented_sums(rows, column, _via(table)))
            parts = [r.cells[column] for r in [*lead, *nested[0]]]
            out.append(ScoreSum.model_construct(total=total, parts=tuple(parts), column=column, complete=True,
                                                row=total_row.label, reason="indented_levels", via=_via(table)))
            continue
        parts = [r.cells[column] for r in [*lead, *rows] if column in r.cells]
        if total is None or len(parts) < 2:
            continue
        if column == "weight":
            weights_add = sum(p.value for p in parts) == total.value
        complete = table.complete or bool(weights_add)
        reason = POSITIONAL_TOTAL.get(table.layout, "score_table_total")
        out.append(ScoreSum.model_construct(total=total, parts=tuple(parts), column=column.split("#")[0],
                                            complete=complete, row=total_row.label, reason=reason,
                                            via=(*_via(table), SUBTOTAL_VIA) if level else _via(table)))
    return out


def _funds_lead(funds: ScoreTable) -> list[TableRow]:
    """The funds table's own row (its 分值 and 得分, not one of its 其中 sources) that leads a score table's sum."""
    return [r for r in funds.rows if "weight" in r.cells and "score" in r.cells and r.part_of is None][:1]


def _total_over_subtotals(table: ScoreTable, funds: ScoreTable | None, rows: list[TableRow] | None) -> list[ScoreSum]:
    """"…| 90 | 88.33 (绩效指标小计) ⏎ 总分（含资金执行） | 100 | 95.04": the 总分 under 小计 rows is the sum of the subtotals,
    the rows under none of them (a level of one row, a 资金执行率得分 row after the 小计) and the funds row above the
    table (where the table holds none) — read where every row was read and the 分值 make the 总分's exactly (else some
    row may be missing or counted twice: the 总分 is left alone).  `rows`: those no subtotal took
    (_score_subtotal_blocks; None where a block was not certain)."""
    total_row = table.rows[-1]
    if _is_subtotal(total_row):
        return []
    if rows is None:
        return []
    if not any(_is_subtotal(r) for r in rows):
        return []
    if funds is not None and not any(_FUNDS_NAME.search(r.label) for r in rows):
        rows = [*_funds_lead(funds), *rows]
    if len(rows) < 2 or any("weight" not in r.cells or "score" not in r.cells for r in rows):
        return []
    weight = total_row.cells.get("weight")
    if weight is None or sum(r.cells["weight"].value for r in rows) != weight.value:
        return []
    return [ScoreSum.model_construct(total=total_row.cells[column], parts=tuple(r.cells[column] for r in rows),
                                     column=column, complete=True, row=total_row.label,
                                     reason=POSITIONAL_TOTAL.get(table.layout, "score_table_total"), via=_via(table))
            for column in ("weight", "score") if column in total_row.cells]


_FUNDS_NAME = lazyre.compile(r"(?:预算|资金)执行|资金总额")


def _indented(rows: list[TableRow]) -> tuple[list[TableRow]] | None:
    """The least indented rows of a table whose labels stand at several indents ("决策(20分)" over "    项目立项"
    over "        立项依据充分性"), when there are two of them or more; None for a table of one indent."""
    if any(r.indent is None or len(r.labels) != 1 for r in rows):
        # (a label after other cells or bars, or rows of two label cells over rows of one: merged cells of a grid,
        # not an indent)
        return None
    columns = {r.indent for r in rows}
    if len(columns) < 2:
        return None
    top = [r for r in rows if r.indent == min(columns)]
    return (top,) if len(top) >= 2 and rows[0] in top else None


def _levels_confirmed(sums: list[ScoreSum], top: list[TableRow], total: TableRow) -> bool:
    """Indents are levels when each row's 分值 is that of the rows indented right under it (`sums`: _indented_sums of
    the 分值), for one row or more, and
    the 合计's is that of the least indented rows (a flat table's centred labels may nest a row over two by chance,
    "10 = 5 + 5", but then its 合计 is of every row, not of the least indented)."""
    whole = total.cells.get("weight")
    return bool(sums) and all(sum(p.value for p in s.parts) == s.total.value for s in sums) \
        and whole is not None and all("weight" in r.cells for r in top) \
        and sum(r.cells["weight"].value for r in top) == whole.value


def _indented_sums(rows: list[TableRow], column: str, via: tuple[str, ...]) -> list[ScoreSum]:
    """Each row over the rows indented right under it, up to the next row at its indent or less."""
    out = []
    for n, row in enumerate(rows):
        below: list[TableRow] = []
        for r in rows[n + 1:]:
            if r.indent <= row.indent:
                break
            below.append(r)
        if not below or column not in row.cells:
            continue
        nearest = min(r.indent for r in below)
        children = [r for r in below if r.indent == nearest]
        if len(children) >= 2 and all(column in r.cells for r in children):
            out.append(ScoreSum.model_construct(total=row.cells[column], parts=tuple(r.cells[column] for r in children),
                                                column=column, complete=True, row=row.label, reason="indented_levels",
                                                via=(*via, SUBTOTAL_VIA)))
    return out
