"""可支付 N 个月: the months a fund's balance pays at its monthly spending, N = 结余 / 月均支出.

    "累计结余96.58亿元,按当年月均支出3.68亿元计算,累计结余可支付26.2个月"       → 26.2 = 96.58 / 3.68
    "…支出88.37亿元,年末滚存结余152.60亿元,可支付20.7个月"                      → 20.7 = 152.60 / (88.37 / 12)
    "统筹基金支出98.65亿元…。…其中统筹基金累计结存178.43亿元,可支付21.7个月"      → 21.7 = 178.43 / (98.65 / 12)

The months are named so (cue months_payable: 可支付, 可保障支付 … before a count of months); the balance is the nearest
amount before them in their sentence, a stock (cue balance_stock: 累计结余, 滚存结余, 累计结存), with nothing between
but the monthly spending; the spending is a month's amount said in that stretch (cue monthly_spending: 月均支出), else
the year's spending of the balance's fund (统筹基金累计结存 → 统筹基金支出; a balance of no named fund → 支出, 基金支出)
stated once with one value in its sentence, else its paragraph, else — a fund named — anywhere before it in the text;
never when the sentence says the month's spending is of another stretch ("按1-9月月均支出测算": cue monthly_basis_other)."""

from __future__ import annotations

from typing import Iterator

from auditor import lazyre
from auditor.extract.bind.candidate import Candidate
from auditor.extract.model import Fact, MonthsPayable
from auditor.extract.readings import Reading, clean_label

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
        balance = monthly = None
        for k in tree.before(s.index, "sentence", limit=_LOOK):
            f = r.facts[k]
            if f is None or tree[k].kind not in {"labelled", "total"}:
                continue
            if f.kind != "amount" or f.is_bound:
                break  # (another figure between: which balance the months are of is open)
            label = clean_label(f.label)
            if monthly is None and monthly_cue.search(label):
                monthly = f
                continue
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
        spending = _spending(r, s.index, balance)
        if spending is not None:
            yield _candidate(balance, months, spending, False, "months_payable_of_year")


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
    reaches = ("sentence", "paragraph") if not fund else ("sentence", "paragraph", None)
    for within in reaches:
        ks = tree.before(i, within, limit=None) if within else range(i - 1, -1, -1)
        found = [f for k in ks for f in [r.facts[k]]
                 if f is not None and f.kind == "amount" and not f.is_bound and f.unit == balance.unit
                 and clean_label(f.label) in names and not r.is_previous(f)]
        if found:
            return found[0] if len({f.value for f in found}) == 1 and found[0].value > 0 else None
    return None
