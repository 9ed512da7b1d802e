"""The relations of a grid of bare figures, row by row, from the formulas its columns
agree on (auditor/extract/tables/grid.py finds them).

    1957 16358 10187 6171 16212 37.7        c1 = c2 + c3 and c5 = c3 / c1 in every row:
    1965 17585 7008 10577 18738 60.1        each row states a sum and a share
    …

A 合计 row, first or last, is the sum of the other rows (reason `grid_total_row`).
A header naming a balance's account column by column (年初 | 收入 | 支出 | 年末, reason `roll_columns`,
auditor/extract/tables/roll_header.py) states each row's closing balance: a Difference.
A sum becomes a Breakdown, a ratio or a share of the total row a Share, a growth
or change column a Change, each with the reason `column_agreement` (a vocabulary-strength
reading: a row that breaks what the others agree on warns, it does not accuse).

A ratio no one wrote down has known exceptions, rows it is not read in when they break it:

    综合服务站单位造价（不高于） 12.0 11.4 100.0     a ceiling or 反向 indicator (cue ceiling_row): met
    户均改造工期（天） 反向 90 84 100.0              under its target, its 完成率 is 100, not 95 or 93
    教师培训人次（人次） 3600 3920 100.00             a rate capped at 100 ("超过100%的按100%列示"): written
                                                      100 where the figures give more
and a column the header names 分值 / 满分 (cue grid_points_column) is the points each row is
worth, no share of the scores beside it ("分值 10 | 自评分 9": near, not 10 % of the total 93).
"""

from __future__ import annotations

from decimal import Decimal

from auditor import lazyre
from auditor.extract.model import Breakdown, Change, Difference, Fact, GridFormula, ScoreTable, Share, TableRow, unsigned
from auditor.extract.numbering import YEAR_NAME
from auditor.extract.bind.lists import adds_up
from auditor.extract.tables.grid import _RATE_COLUMN, _ratio_in, cell_token

REASON = "column_agreement"
# a ratio column headed as an index ("指数", "定基"): each row over the base row, which later rows may pass
INDEX_VIA = "an index on its base row: no share of a whole"
TOTAL_ROW = "grid_total_row"


_HUNDRED = Decimal(100)


def resolve(table: ScoreTable, vocab=None) -> tuple[list[Breakdown], list[Share], list[Change], list[Difference]]:
    breakdowns: list[Breakdown] = []
    shares: list[Share] = []
    changes: list[Change] = []
    differences: list[Difference] = []
    ceiling = vocab.cue("ceiling_row") if vocab is not None else None
    points = vocab.cue("grid_points_column") if vocab is not None else None
    counts = vocab.cue("grid_count_column") if vocab is not None else None
    index = vocab.cue("grid_index_column") if vocab is not None else None
    for formula in table.formulas:
        if formula.kind == "row_sum":
            breakdowns.extend(_row_sum(formula, table, counts if formula.reason in _INFERRED_ROWS else None))
            continue
        if formula.kind == "row_balance":
            differences.extend(_row_balance(formula, table))
            continue
        if formula.kind == "roll":
            differences.extend(d for row in table.rows for d in _roll(formula, row))
            continue
        if formula.kind in {"series_growth", "series_index"}:
            read = _series(formula, table)
            if formula.kind == "series_growth":
                changes.extend(signed_rates(read, ""))
            else:
                shares.extend(read)
            continue
        header = table.columns[formula.target] if formula.target < len(table.columns) else None
        shared = header is not None and formula.kind in {"ratio", "share_of_row"}
        if shared and points is not None and points.search(header):
            continue  # (分值: the points a row is worth, no share)
        via = (f"the grid's columns agree on it in {formula.support} of {formula.rows} rows",)
        if shared and index is not None and index.search(header):
            via = (*via, INDEX_VIA)  # (指数: over a base row, no share of a whole — PLA001 does not bound it)
        moved = _change_part(formula, table.formulas)
        growths: list[Change] = []  # (the formula's rates, their signs read over the column: signed_rates)
        none_said = formula.kind == "sum" and _empty_parts_none(formula, table)
        below_zero: dict[int, bool] = {}  # (column → whether a row writes a figure below zero in it: read once a formula)
        for n, row in enumerate(table.rows):
            if moved is not None:
                changes.extend(_signed_change(formula, moved, row, via))
            elif formula.kind == "sum":
                if _rate_row(row) and not _sum_holds(formula, row):
                    continue  # (a row of rates, "增长(%) 0.52 1.34 -1.06", breaks a sum of amounts: rates do not add)
                breakdowns.extend(_sum(formula, row, via, table, none_said, below_zero))
            elif formula.kind == "ratio":
                if formula.support < formula.rows and _excepted(formula, row, ceiling):
                    continue
                # (an indicator table turned: the whole is named by its column, 缴存额, not by the year)
                whole = table.columns[formula.operands[1]] if table.layout == "grid_across" else row.label
                shares.extend(_ratio(formula, row, via, whole))
            elif formula.kind == "share_of_row" and formula.wholes[n] is not None:
                shares.extend(_share_of_row(formula, row, table.rows[formula.wholes[n]],
                                            (_VIA[formula.reason],) if formula.reason in _VIA else via))
            elif formula.kind == "growth":
                if formula.reason != REASON and _NOTE_MARK.search(row.label) and _breaks(formula, row):
                    continue  # (a row marked for a note, "非税收入*", states its growth on the note's basis: 可比口径)
                growths.extend(_growth(formula, row, (_VIA[formula.reason],) if formula.reason in _VIA else via))
            elif formula.kind == "change":
                changes.extend(_change(formula, row, via))
        if growths:
            changes.extend(signed_rates(growths, header or ""))
    if vocab is not None:
        changes.extend(_year_growths(table, vocab.cue("year_growth_row")))
    return breakdowns, shares, changes, differences


def signed_rates(changes: list[Change], header: str) -> list[Change]:
    """The rows' rates with the sign each is written with, where the column writes signed rates: a fall written with
    its minus in one row and every row's sign the way its two figures go but one at most ("-7.6 | 10.5 | 0.3" for a
    fall, a fall and a rise: the 10.5 a slip of its sign, CHG002), or where the column is named a growth alone
    ("增长(%) | 8.41 | 4.07 | 4.21", the last row a fall: a slip too).  A 增减 column that writes every rate as its size, or
    names a fall ("下降率", "减少%"), or whose rows disagree more, says nothing by its signs.  Read alike whether the
    table is read row by row (table_change_row) or by what its columns agree on (column_agreement)."""
    if _FALL_HEADER.search(header):
        return changes
    signs = []
    for c in changes:
        moved = c.current.value - c.previous.value if c.percent is not None and c.percent.value else Decimal(0)
        if abs(moved) <= c.current.tolerance + c.previous.tolerance or c.delta is not None and c.delta.value \
                and (-1 if _WRITTEN_FALL.match(c.delta.text) else 1) != (1 if moved > 0 else -1):
            signs.append(None)  # (flat, no rate, or a change amount that goes the other way: CHG001/CHG003's)
            continue
        signs.append((-1 if _WRITTEN_FALL.match(c.percent.text) else 1, 1 if moved > 0 else -1))
    read = [s for s in signs if s is not None]
    slips = sum(1 for written, moved in read if written != moved)
    # (a column named a growth alone, "增长(%)", "同比增长率": a rate of a fall is written with its minus there — the
    # size alone of every rate is a 增减 column's way; "个贷发放额 | 99.53 | 95.34 | 4.21" under 增长(%) is a slip)
    if not (any(written == moved == -1 for written, moved in read) or _GROWTH_ONLY_HEADER.fullmatch(header)) \
            or slips > 1 or len(read) - slips < 2:
        return changes
    return [c if s is None else c.model_copy(update={"rate_sign": s[0]}) for c, s in zip(changes, signs)]


_FALL_HEADER = lazyre.compile(r"减少|下降|降低|降幅|(?<!增)减幅|负增长")  # (not 增减幅度)
_WRITTEN_FALL = lazyre.compile(r"^\s*[-−–]")
_GROWTH_ONLY_HEADER = lazyre.compile(r"(?:同比|比上年|较上年|比上年度|较上年度)?(?:增长|增长率|增速)\s*(?:[(（]\s*%\s*[)）]|%)?")


_NOT_NAME = lazyre.compile(r"[(（][^()（）]*[)）]|^其中[:：]?|[:：]")


def _year_growths(table: ScoreTable, growth) -> list[Change]:
    """An indicator table over consecutive years ("指标 | 2021年 | 2022年 | 2023年", read as it stands or turned) with a
    row of growths ("增长率(%) | — | 1.1 | 4.7", cue year_growth_row): each year's growth is that of one amount row
    from the year before.  The row is the one the growth's own words name ("税收增长(%)": the row named 税收…), else
    any amount row, the figures picking it: the one row whose growths hold in a year at least and fail in one at most
    — and in more years than they fail, unless the row stands right above the growth rows or is named by them.  Read
    at the vocabulary's strength (reason column_agreement: a year that breaks it warns)."""
    across = table.layout == "grid_across"
    names = list(table.columns) if across else [r.label for r in table.rows]
    years = [r.label for r in table.rows] if across else list(table.columns)
    found = [YEAR_NAME.match(y.replace(" ", "")) for y in years]
    if len(years) < 3 or not all(found) or any(int(b.group(1)) - int(a.group(1)) != 1 for a, b in zip(found, found[1:])):
        return []

    def cell(indicator: int, year: int) -> Fact | None:
        return _cell(table.rows[year], indicator) if across else _cell(table.rows[indicator], year)

    rates = [n for n, name in enumerate(names) if _RATE_COLUMN.search(name)]
    amounts = [n for n in range(len(names)) if n not in rates]
    out: list[Change] = []
    for g in rates:
        if not growth.search(names[g]):
            continue
        stem = _NOT_NAME.sub("", growth.sub("", names[g])).strip()
        named = [a for a in amounts if stem and stem in _NOT_NAME.sub("", names[a])]
        above = max((a for a in amounts if a < g), default=None)
        picked = []
        for a in named or amounts:
            held = failed = 0
            for y in range(1, len(years)):
                tokens = _tokens((cell(g, y), cell(a, y), cell(a, y - 1)))
                if tokens is None:
                    continue
                result = _ratio_in(*tokens, _HUNDRED)
                held += result is not None and result is not False
                failed += result is False
            if held and failed <= 1 and (held > failed or named or a == above):
                picked.append(a)
        if len(picked) != 1:
            continue
        a = picked[0]
        via = (f"a growth row of an indicator table over years: {names[a]}'s change from the year before",)
        for y in range(1, len(years)):
            percent, current, previous = cell(g, y), cell(a, y), cell(a, y - 1)
            if percent is None or current is None or previous is None:
                continue
            direction = -1 if percent.value < 0 or current.value < previous.value else (0 if percent.value == 0 else 1)
            out.append(Change.model_construct(
                direction=direction, delta=None, percent=unsigned(percent), current=current, previous=previous,
                subject_label=names[a], reference="previous", keyword=percent.text, keyword_span=percent.span,
                current_elsewhere=None, previous_elsewhere=None, reason=REASON, via=via, rejected=()))
    return out


def _series(formula: GridFormula, table: ScoreTable) -> list[Change] | list[Share]:
    """A series of years' growth (or index) column: each row's figure in it is the change of the amount column from
    the row of the year before (`wholes`), or that amount over the year before's × 100 (year_series_column)."""
    target, (amount,) = formula.target, formula.operands
    via = (f"a column of a series of years, each row's change on the year before's row: it holds in {formula.support} "
           f"of {formula.rows} pairs of years",)
    out = []
    for row, before in zip(table.rows, formula.wholes):
        if before is None:
            continue
        rate, current, previous = _cell(row, target), _cell(row, amount), _cell(table.rows[before], amount)
        if rate is None or current is None or previous is None:
            continue
        if formula.kind == "series_index":
            out.append(Share.model_construct(percent=rate, part=current, whole=previous, whole_label=table.columns[amount]
                                             if amount < len(table.columns) else "", wholes=(previous,),
                                             reason=formula.reason, via=(*via, INDEX_VIA), rejected=()))
            continue
        direction = -1 if rate.value < 0 or current.value < previous.value else (0 if rate.value == 0 else 1)
        out.append(Change.model_construct(
            direction=direction, delta=None, percent=unsigned(rate), current=current, previous=previous,
            subject_label=row.label, reference="previous", keyword=rate.text, keyword_span=rate.span,
            current_elsewhere=None, previous_elsewhere=None, reason=formula.reason, via=via, rejected=()))
    return out


def _excepted(formula: GridFormula, row: TableRow, ceiling) -> bool:
    """Does the row break the ratio the other rows agree on for a reason known to the genre?  Its rate is written
    100 — the percent column, or the whole when the columns are read the other way round (目标 = 实际 / 完成率: the
    part is what was done either way, the third figure the target) — and either its indicator is a ceiling or 反向
    (the row's words, cue ceiling_row) met at or under its target, or it is no ceiling and went over its target
    (a rate capped at 100).  A ceiling overrun written 100 % (12.6 against 不高于 12.0) is no exception."""
    tokens = _tokens(_formula_cells(formula, row))
    if tokens is None or any(t.value is None for t in tokens) or _ratio_in(*tokens) is not False:
        return False  # (a row that holds, or says nothing, is read as the others)
    percent, done, whole = (t.value for t in tokens)
    if percent == _HUNDRED:
        target = whole
    elif whole == _HUNDRED:
        target = percent
    else:
        return False
    if ceiling is not None and any(ceiling.search(label) for label in (row.label, *row.labels)):
        return done <= target
    return done > target


_NOTE_MARK = lazyre.compile(r"[*＊※△#]\s*$|[(（]?注\s*\d*[)）]?\s*$")


def _breaks(formula: GridFormula, row: TableRow) -> bool:
    """The row's cells break the formula (growth or ratio: target = first / second × 100 − (100 for a growth))."""
    tokens = _tokens(_formula_cells(formula, row))
    return tokens is not None and _ratio_in(*tokens, _HUNDRED if formula.kind == "growth" else Decimal(0)) is False


def _rate_row(row: TableRow) -> bool:
    """The row's name says its figures are rates or percentages ("增长(%)", "执行率", "占比")."""
    return any(_RATE_COLUMN.search(label) for label in (row.label, *row.labels) if label)


def _sum_holds(formula: GridFormula, row: TableRow) -> bool:
    total, parts = _cell(row, formula.target), [_cell(row, c) for c in formula.operands]
    return total is None or any(p is None for p in parts) or adds_up(total, parts)


def _cell(row: TableRow, column: int | None) -> Fact | None:
    return row.cells.get(f"c{column}")


def _formula_cells(formula: GridFormula, row: TableRow) -> list[Fact | None]:
    """The row's cells the formula reads: its target's, then its operands'."""
    return [_cell(row, formula.target), *(_cell(row, c) for c in formula.operands)]


def _tokens(cells) -> list | None:
    """The cells' figures as the grid reads them (cell_token), for _ratio_in; None when a cell is missing or reads
    as no figure."""
    if any(c is None for c in cells):
        return None
    tokens = [cell_token(c.text.strip(), 0) for c in cells]
    return None if any(t is None for t in tokens) else tokens


def _empty_parts_none(formula: GridFormula, table: ScoreTable) -> bool:
    """Do the grid's rows that leave one of the sum's parts empty or dashed say, by their arithmetic, that such a
    cell is none (0)? Three of them at least add up over the parts they write, and one at most does not (a yearbook's
    years before a kind of revenue was levied: "1983 ⏎ 1366.95 ⏎ 775.59 ⏎ 240.52 ⏎ ␠ ⏎ 93.00 ⏎ …")."""
    held = broken = 0
    for row in table.rows:
        total, parts = _cell(row, formula.target), [_cell(row, c) for c in formula.operands]
        if total is None or all(p is not None for p in parts) \
                or any(p is None and f"c{c}" not in row.dashed for c, p in zip(formula.operands, parts)):
            continue
        written = [p for p in parts if p is not None]
        if len(written) < 2:
            continue
        if adds_up(total, written):
            held += 1
        else:
            broken += 1
    return held >= 3 and broken <= 1


def _sum(formula: GridFormula, row: TableRow, via: tuple[str, ...], table: ScoreTable | None = None,
         none_said: bool = False, below_zero: dict[int, bool] | None = None) -> list[Breakdown]:
    """The row's sum; in a row that leaves a part's cell empty or dashed, the parts written — their sum whole where the
    other such rows say an empty cell is none (_empty_parts_none); else only not over the total (the empty cell may be
    what the table does not show), and only when no row writes a figure below zero in an empty part's column (a
    deduction left out would make the written parts exceed the total). Two parts written at least."""
    total, parts = _cell(row, formula.target), [_cell(row, c) for c in formula.operands]
    if total is None:
        return []
    if any(p is None for p in parts):
        missing = [c for c, p in zip(formula.operands, parts) if p is None]
        written = tuple(p for p in parts if p is not None)
        if table is None or formula.partial or len(written) < 2 or total.value <= 0 \
                or any(f"c{c}" not in row.dashed for c in missing):
            return []
        if not none_said and any(_below_zero(table, c, {} if below_zero is None else below_zero) for c in missing):
            return []
        return [Breakdown.model_construct(total=total, parts=written, marker="表格", complete=none_said,
                                          reason=formula.reason, via=via if formula.reason == REASON else ())]
    return [Breakdown.model_construct(total=total, parts=tuple(parts), marker="表格", complete=not formula.partial,
                                      reason=formula.reason, via=via if formula.reason == REASON else ())]


def _below_zero(table: ScoreTable, c: int, kept: dict[int, bool]) -> bool:
    """Does a row of the table write a figure below zero in column c? (`kept`: the columns asked about so far: each
    column read once, not again for every row that leaves a cell empty.)"""
    found = kept.get(c)
    if found is None:
        found = kept[c] = any((cell := r.cells.get(f"c{c}")) is not None and cell.value < 0 for r in table.rows)
    return found


def _ratio(formula: GridFormula, row: TableRow, via: tuple[str, ...], whole_label: str) -> list[Share]:
    percent, part, whole = _cell(row, formula.target), *(_cell(row, c) for c in formula.operands)
    if percent is None or part is None or whole is None:
        return []
    return [Share.model_construct(percent=percent, part=part, whole=whole, whole_label=whole_label, wholes=(whole,),
                                  reason=REASON, via=via, rejected=())]


def _share_of_row(formula: GridFormula, row: TableRow, whole_row: TableRow, via: tuple[str, ...]) -> list[Share]:
    percent, part, whole = _cell(row, formula.target), _cell(row, formula.operands[0]), \
        _cell(whole_row, formula.operands[0])
    if percent is None or part is None or whole is None:
        return []
    return [Share.model_construct(percent=percent, part=part, whole=whole, whole_label=whole_row.label,
                                  wholes=(whole,), reason=REASON, via=via, rejected=())]


def _growth(formula: GridFormula, row: TableRow, via: tuple[str, ...]) -> list[Change]:
    percent, current, previous = _cell(row, formula.target), *(_cell(row, c) for c in formula.operands)
    if percent is None or current is None or previous is None:
        return []
    # (a fall may be written without its sign: the figures say which way)
    direction = -1 if percent.value < 0 or current.value < previous.value else (0 if percent.value == 0 else 1)
    size = unsigned(percent)
    return [Change.model_construct(
        direction=direction, delta=None, percent=size, current=current, previous=previous,
        subject_label=row.label, reference="previous", keyword=percent.text, keyword_span=percent.span,
        current_elsewhere=None, previous_elsewhere=None, reason=formula.reason, via=via, rejected=())]


def _change(formula: GridFormula, row: TableRow, via: tuple[str, ...]) -> list[Change]:
    delta, current, previous = _cell(row, formula.target), *(_cell(row, c) for c in formula.operands)
    if delta is None or current is None or previous is None:
        return []
    direction = -1 if current.value < previous.value else (0 if current.value == previous.value else 1)
    size = unsigned(delta)
    return [Change.model_construct(
        direction=direction, delta=size, percent=None, current=current, previous=previous,
        subject_label=row.label, reference="previous", keyword=delta.text, keyword_span=delta.span,
        current_elsewhere=None, previous_elsewhere=None, reason=REASON, via=via, rejected=())]


def _change_part(formula: GridFormula, formulas) -> int | None:
    """The part of a sum current = previous + d that is the change d: the sum's total and its other part are the
    current and the previous figure of a growth column ("1—9月累计 | 上年同期 | 增减额 | 同比增长(%)": 402.37 = 388.90
    + 13.47 says 402.37 − 388.90 = 13.47) — read as the change it is, not as a list of parts; else None."""
    if formula.kind != "sum" or len(formula.operands) != 2:
        return None
    for g in formulas:
        if g.kind == "growth" and g.operands[0] == formula.target and g.operands[1] in formula.operands:
            return next(c for c in formula.operands if c != g.operands[1])
    return None


def _signed_change(formula: GridFormula, moved: int, row: TableRow, via: tuple[str, ...]) -> list[Change]:
    """current − previous = the change column, its fall written with its sign (-6.43): the sign is the direction (a sum
    read it so, and a message shows the change as written)."""
    previous = next(c for c in formula.operands if c != moved)
    delta, current, previous = _cell(row, moved), _cell(row, formula.target), _cell(row, previous)
    if delta is None or current is None or previous is None:
        return []
    direction = -1 if delta.value < 0 else (0 if delta.value == 0 else 1)
    size = unsigned(delta)
    return [Change.model_construct(
        direction=direction, delta=size, percent=None, current=current, previous=previous,
        subject_label=row.label, reference="previous", keyword=delta.text, keyword_span=delta.span,
        current_elsewhere=None, previous_elsewhere=None, reason=REASON, via=via, rejected=())]


_INFERRED_ROWS = frozenset({"indented_rows", "stacked_rows"})


def _row_sum(formula: GridFormula, table: ScoreTable, counts=None) -> list[Breakdown]:
    """The 合计 row over the other rows, column by column (a dash is none: 0 in the sum).  `counts`: the cue of a
    column of counts, where a total the layout alone makes one (indented, stacked rows) is read only when it holds —
    a person may stand in two rows below it."""
    out = []
    total_row = table.rows[formula.target]
    for c in formula.columns:
        total = _cell(total_row, c)
        parts = [p for p in (_cell(table.rows[n], c) for n in formula.operands) if p is not None]
        if counts is not None and total is not None and parts and c < len(table.columns) \
                and counts.search(table.columns[c]) and not adds_up(total, parts):
            continue
        if total is not None and parts:
            out.append(Breakdown.model_construct(total=total, parts=tuple(parts), marker="合计", complete=True,
                                                 reason=TOTAL_ROW if formula.reason == REASON else formula.reason,
                                                 via=(_via(formula.reason, total_row),)))
    return out


def _via(reason: str, total_row: TableRow) -> str:
    """How a row sum was read: its reason's words (a balance's transfers closed by an unnamed row: their total)."""
    if reason == "statement_transfers" and not total_row.label:
        return "a statement's balance's transfers under their heading: their unnamed total, their sum"
    return _VIA.get(reason, "a grid's 合计 row over its other rows")


_VIA = {"income_statement": "a statement's side: its items between its name and its total",
        "statement_transfers": "a statement's balance after its transfers: the balance and each transfer, signed",
        "layout_levels": "a row set one cell a line over the rows set one line each under it",
        "balance_sheet": "a balance sheet's section: its items above its total, or 资产 = 负债 + 净资产",
        "net_assets_format": "a balance sheet in the net assets format: a part's items above its unnamed total, or "
                             "流动资产 − 流动负债, + 非流动资产, − 非流动负债 down its net rows",
        "indented_rows": "a row over the rows indented below it",
        "growth_header": "a growth column the header names, of the current and the previous column it names",
        "growth_header_cells": "a growth column a header names (上年度 | 本年度 | 增长: a cell or a row a line), of "
                               "the two years it names",
        "stacked_rows": "a row that is the sum of the rows right below it in every column of amounts",
        "subtotal_shares": "a column of shares written 100 at a subtotal its parts make, beside its amounts: each "
                           "part's share of the subtotal"}


def _row_balance(formula: GridFormula, table: ScoreTable) -> list[Difference]:
    """A statement's balance row: the rows `operands` less the rows `taken` (收入 − 支出, or 支出 − 收入 for a 赤字; a
    side set out in parts, its parts' totals), column by column."""
    out = []
    row = table.rows[formula.target]
    deficit = formula.operands[0] > formula.taken[0]  # (the spending side's total stands after the income side's)
    for c in formula.columns:
        balance = _cell(row, c)
        plus = [_cell(table.rows[x], c) for x in formula.operands]
        minus = [_cell(table.rows[x], c) for x in formula.taken]
        if balance is None or any(f is None for f in (*plus, *minus)):
            continue
        net = formula.reason == "net_assets_format"  # (流动资产净值, 资产净值: what is left of a balance sheet's part)
        out.append(Difference.model_construct(
            difference=balance, minuends=tuple(plus), subtrahends=tuple(minus),
            name="加减后的余额" if net else "赤字" if deficit else "收支差额", rate=None, base=None, rivals=(),
            reason=formula.reason, via=(_VIA[formula.reason] if net else
                                        "a statement's balance: its income total less its spending total",),
            rejected=()))
    return out


def _roll(formula: GridFormula, row: TableRow) -> list[Difference]:
    """年末 = 年初 + 收入 (新增) − 支出 (偿还), the columns as the header names them (a row missing one: nothing)."""
    closing = _cell(row, formula.target)
    plus, minus = [_cell(row, c) for c in formula.operands], [_cell(row, c) for c in formula.taken]
    if closing is None or any(f is None for f in (*plus, *minus)):
        return []
    return [Difference.model_construct(
        difference=closing, minuends=tuple(plus), subtrahends=tuple(minus), name="年末余额", rate=None, base=None,
        rivals=(), reason=formula.reason, via=("the header names the balance's account column by column",),
        rejected=())]
