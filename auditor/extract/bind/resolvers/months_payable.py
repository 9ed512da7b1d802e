"""可支付 N 个月: the months a fund's balance pays at its monthly spending, N = 结余 / 月均支出.

    "累计结余96.58亿元,按当年月均支出3.68亿元计算,累计结余可支付26.2个月"       → 26.2 = 96.58 / 3.68
    "…支出88.37亿元,年末滚存结余152.60亿元,可支付20.7个月"                      → 20.7 = 152.60 / (88.37 / 12)
    "统筹基金支出98.65亿元…。…其中统筹基金累计结存178.43亿元,可支付21.7个月"      → 21.7 = 178.43 / (98.65 / 12)

The months are named so (cue months_payable: 可支付, 可保障支付 … before a count of months); the balance is the nearest
amount before them in their sentence, a stock (cue balance_stock: 累计结余, 滚存结余, 累计结存), with nothing between
but the monthly spending; the spending is a month's amount said in that stretch (cue monthly_spending: 月均支出), else
the year's spending of the balance's fund (统筹基金累计结存 → 统筹基金支出; a balance of no named fund → 支出, 基金支出)
stated once with one value in its sentence, else its paragraph, else — a fund named — anywhere before it in the text;
never when the sentence says the month's spending is of another stretch ("按1-9月月均支出测算": cue monthly_basis_other).
What the months' own words say they are reckoned by (cue reckoned_by) is honoured: a year ("按2022年全年支出的月均水平计算
可支付18.6个月": that year's spending, stated anywhere before), a spending named ("按待遇支出计算": the 待遇支出, not the
whole 支出); anything else, or nothing so named stated, and nothing is read. A second count of months of the same
balance on another reckoning ("…,按2023年计算可支付15.8个月") is of that balance too; a bracket between the balance and
the months ("(其中个人账户累计储存额98.34亿元)") is said of the balance; a balance opening its line goes on with the
account of the line right before it (its 支出 there); the year's spending named bare between the balance and the months
("累计结余92.85亿元,当年支出24.83亿元,按当年支出水平可支付44.9个月") is the one they are reckoned by — only when the
words between say nothing more or say that year's (cue months_basis_this_year): not "按上年支出水平", "按近三年平均…"."""

from __future__ import annotations

from typing import Iterator

from auditor import lazyre
from auditor.extract.bind.candidate import Candidate
from auditor.extract.model import Fact, MonthsPayable
from auditor.extract.readings import Reading, clean_label, part_start

_LOOK = 32
_MONTHS_UNIT = lazyre.compile(r"个?月$")
# the balance's own words, after its fund's name: "统筹基金累计结存" → 统筹基金, "年末滚存结余" → ""
_STOCK_WORDS = lazyre.compile(r"^(?:年末|年底|期末)?(?P<fund>[\u4e00-\u9fff]*?)(?:年末|年底|期末)?"
                              r"(?:累计|滚存|累积|历年)?(?:结存|结余)(?:资金|金额)?$")


def resolve(r: Reading) -> Iterator[Candidate]:
    tree, text = r.tree, r.norm.text
    named, stock, monthly_cue = r.vocab.cue("months_payable"), r.vocab.cue("balance_stock"), r.vocab.cue("monthly_spending")
    for s in tree.of_kind("labelled"):
        months = r.facts[s.index]
        if months is None or months.kind not in {"count", "number"} or months.is_bound or months.value <= 0 \
                or not named.search(clean_label(months.label)) or not _in_months(text, months):
            continue
        balance = monthly = spent = None
        said_from = None  # (where the words of these months' own reckoning begin: after the figure before them)
        skipped = False
        parts_spent: list[Fact] = []  # (a part of the year's spending said between: "其中基本养老金支出142.60亿元")
        for k in tree.before(s.index, "sentence", limit=_LOOK):
            f = r.facts[k]
            if f is None or tree[k].kind not in {"labelled", "total"}:
                continue
            if said_from is None:
                said_from = f.span.end
            label = clean_label(f.label)
            if tree[k].depth > tree[s.index].depth and not monthly_cue.search(label):
                continue  # (a bracket said of the balance: "年末滚存结余152.60亿元(其中个人账户累计储存额98.34亿元),可支付…")
            if not skipped and monthly is None and _months_of_another_basis(r, f, months, said_from):
                skipped = True  # ("累计结余31.20亿元,按2022年…计算可支付18.6个月,按2023年计算可支付15.8个月": the
                continue  # months of another reckoning of the same balance, said before these)
            if f.kind != "amount" or f.is_bound:
                break  # (another figure between: which balance the months are of is open)
            if monthly is None and monthly_cue.search(label):
                if skipped:
                    break  # (the month's spending of the months before, not of these)
                monthly = f
                continue
            if monthly is None and spent is None and not skipped and r.vocab.cue("months_part_spending").match(label) \
                    and "其中" in text[part_start(text, f.span.start, ",;。\n"):f.span.start]:
                parts_spent.append(f)  # ("当年基金支出158.20亿元,其中基本养老金支出142.60亿元,按基本养老金月支出水平测算可支付
                continue  # 15.7个月": the spending the months name, one of the two said between the balance and them)
            if monthly is None and spent is None and not skipped and r.vocab.cue("months_year_spending").match(label):
                spent = f  # ("累计结余92.85亿元,当年支出24.83亿元,按当年支出水平可支付44.9个月": the year's spending, said
                continue  # between the balance and its months)
            if stock.search(label) and not monthly_cue.search(label):
                balance = f
            break
        if balance is None or r.is_previous(balance):
            continue
        sentence = tree.unit("sentence", s.index)
        said = text[tree[sentence[0]].start:months.span.start]
        if monthly is not None:
            if monthly.unit == balance.unit and monthly.value < balance.value:
                yield _candidate(balance, months, monthly, True, "months_payable_stated")
            continue
        if r.vocab.cue("monthly_basis_other").search(said):
            continue  # ("按1-9月月均支出7.78亿元测算": a month of another stretch than the year's)
        basis = _basis(r, text[said_from:months.span.start])
        if basis is None:
            continue  # (reckoned by something not a year's spending: "按近三年平均支出测算" — nothing read)
        year, name = basis
        if parts_spent and (spent is None or name in (None, "支出")):
            continue  # (a part of the spending said between, the months naming no spending: which is open)
        if spent is not None and not parts_spent:
            years_said = set(_YEAR.findall(text, spent.span.end, months.span.start))
            if (year is None or year == _year_of(r, balance)) and name in (None, "支出") \
                    and _said_of_the_year(r, text[spent.span.end:months.span.start]) \
                    and years_said <= {_year_of(r, balance)} and spent.unit == balance.unit and spent.value > 0:
                yield _candidate(balance, months, spent, False, "months_payable_of_year")
            continue  # (reckoned by another year or another spending than the one said between — "按2022年支出水平可支付…",
            # "按上年支出水平可支付…", "按近三年平均支出水平可支付…", their 计算 left unsaid — nothing read)
        if year is not None and year == _year_of(r, balance):
            year, name = None, (None if name == "支出" else name)  # ("按2023年月均支出…" of a 2023 balance: its own year's)
        spending = _spending(r, s.index, balance) if year is None and name is None \
            else _spending_named(r, s.index, balance, year, name)
        if spending is not None:
            yield _candidate(balance, months, spending, False, "months_payable_of_year")


def _months_of_another_basis(r: Reading, f: Fact, months: Fact, said_from: int | None) -> bool:
    """f is a count of months payable said right before `months`, which say their own reckoning (按…计算): the same
    balance's months on another basis."""
    if f.kind not in {"count", "number"} or not r.vocab.cue("months_payable").search(clean_label(f.label)) \
            or not _in_months(r.norm.text, f) or said_from is None:
        return False
    return bool(r.vocab.cue("reckoned_by").search(r.norm.text, said_from, months.span.start))


def _basis(r: Reading, said: str) -> tuple[str | None, str | None] | None:
    """What the months' own words say they are reckoned by ("按2022年全年支出的月均水平计算", "按待遇支出计算"): the year
    (None: the balance's) and the spending named (None: the fund's 支出); (None, None) when they say nothing of either,
    None when they name a basis that is no spending."""
    found = None
    for found in r.vocab.cue("reckoned_by").finditer(said):
        pass
    if found is None:
        return None, None
    basis = found.group("basis")
    year = _YEAR.search(basis)
    name = r.vocab.cue("months_basis_filler").sub("", basis)
    if name in {"", "支出", "基金支出"}:
        return (year.group(1) if year else None), (None if year is None else "支出")
    if not r.vocab.cue("months_basis_spending").search(name):
        return None
    return (year.group(1) if year else None), name


def _said_of_the_year(r: Reading, between: str) -> bool:
    """The words between the year's spending and its months say nothing of their reckoning (",可支付"), or say it is
    that year's spending ("，按当年支出水平可支付"; cue months_basis_this_year): any other words ("按上年支出水平",
    "按近三年平均支出水平") and the months are not read as of that spending."""
    payable = r.vocab.cue("months_payable").search(between)
    return payable is not None and bool(r.vocab.cue("months_basis_this_year").match(between[:payable.start()]))


_YEAR = lazyre.compile(r"((?:19|20)\d{2})\s*年")


def _line_before(r: Reading, i: int, balance: Fact) -> range:
    """The nodes of the paragraph on the line right before node i's, when the balance opens node i's paragraph."""
    tree = r.tree
    first = tree.paragraph_nodes(tree[i].paragraph).start
    if first == 0 or next((f for f in r.facts[first:i] if f is not None), None) is not balance:
        return range(0)  # (the balance is its paragraph's first figure)
    before = tree[first - 1].paragraph
    if tree.paragraph_lines[before][1] + 1 != tree.paragraph_lines[tree[i].paragraph][0]:
        return range(0)
    return range(first - 1, tree.paragraph_nodes(before).start - 1, -1)


def _spending_named(r: Reading, i: int, balance: Fact, year: str | None, name: str) -> Fact | None:
    """The spending the months' words name (its name ends so: "失业保险金等待遇支出" for 待遇支出), of the year they name
    (else the balance's), one value: in the sentence of node i, else its paragraph, else — a year named, "2022年全市工伤
    保险基金支出20.16亿元" — the text before it."""
    m = _STOCK_WORDS.match(clean_label(balance.label))
    fund = m.group("fund") if m else ""
    ends = (fund + name) if fund and name == "支出" else name
    tree = r.tree
    for within in ("sentence", "paragraph", None) if year else ("sentence", "paragraph"):
        ks = tree.before(i, within, limit=None) if within else range(i - 1, -1, -1)
        found = [f for k in ks for f in [r.facts[k]]
                 if f is not None and f.kind == "amount" and not f.is_bound and f.unit == balance.unit
                 and clean_label(f.label).endswith(ends) and not (f.scenario or "").startswith("budget")
                 and (_year_of(r, f) == year if year else _year_of(r, f) == _year_of(r, balance))]
        if found:
            return found[0] if len({f.value for f in found}) == 1 and found[0].value > 0 else None
    return None


def _year_of(r: Reading, f: Fact) -> str | None:
    """The year a figure is of: its own, or the report's (this year's, unnamed), or the one before it (上年)."""
    if f.period and f.period.isdigit():
        return f.period
    year = r.report_year if r.report_year and r.report_year.isdigit() else None
    if f.period == "previous" or r.is_previous(f):
        return str(int(year) - 1) if year else "previous"
    return year or "current"


def _candidate(balance: Fact, months: Fact, spending: Fact, monthly: bool, reason: str) -> Candidate:
    return Candidate(MonthsPayable.model_construct(balance=balance, months=months, spending=spending, monthly=monthly,
                                                   reason=reason, via=(), rejected=()))


def _in_months(text: str, f: Fact) -> bool:
    """The figure counts months: "21.7个月", "25个月" (read as 个 with 月 after it)."""
    unit = f.written_unit or f.unit or ""
    return bool(_MONTHS_UNIT.search(unit)) or unit.endswith("个") and text.startswith("月", f.span.end)


def _spending(r: Reading, i: int, balance: Fact) -> Fact | None:
    """The year's spending of the balance's fund, one value under its name: in the sentence of node i, else its
    paragraph, else (a fund named) the text before it."""
    m = _STOCK_WORDS.match(clean_label(balance.label))
    if m is None:
        return None
    fund = m.group("fund")
    names = {fund + "支出"} if fund else {"支出", "基金支出"}
    tree = r.tree
    reaches = ("sentence", "paragraph", "line_before") if not fund else ("sentence", "paragraph", None)
    for within in reaches:
        if within == "line_before":
            # (a balance opening its line goes on with the account of the line right before it: "…支出88.37亿元,当期结余
            # 8.47亿元。⏎年末滚存结余152.60亿元(…),可支付20.7个月")
            ks = _line_before(r, i, balance)
        else:
            ks = tree.before(i, within, limit=None) if within else range(i - 1, -1, -1)
        ks = list(ks)
        found = [f for k in ks for f in [r.facts[k]]
                 if f is not None and f.kind == "amount" and not f.is_bound and f.unit == balance.unit
                 and clean_label(f.label) in names and not r.is_previous(f)]
        if not found and fund.endswith("基金") and within in ("sentence", "paragraph"):
            found = _fund_spending_unnamed(r, ks, balance, fund)
        if found:
            return found[0] if len({f.value for f in found}) == 1 and found[0].value > 0 else None
    return None


def _fund_spending_unnamed(r: Reading, ks: list[int], balance: Fact, fund: str) -> list[Fact]:
    """The 基金支出 of a sentence (or paragraph) whose figures go on with the fund the balance names: "全年城镇职工基本养老
    保险基金收入70506亿元,…;基金支出63757亿元。年末城镇职工基本养老保险基金累计结存66200亿元" — the spending says only
    基金, an earlier figure of that stretch names the fund in full."""
    found = [f for k in ks for f in [r.facts[k]]
             if f is not None and f.kind == "amount" and not f.is_bound and f.unit == balance.unit
             and clean_label(f.label) == "基金支出" and not r.is_previous(f)]
    if len(fund) < 4 or not found:
        return []
    named = [f for k in ks for f in [r.facts[k]] if f is not None and f is not balance and fund in clean_label(f.label)
             and f.span.start < found[-1].span.start]
    return found if named else []
