"""审减 / 结余 / 节约 / 超支 / 尚需: a difference the text names, and the two figures it is of.

    "送审金额1250.36万元,审定金额1180.20万元,审减70.16万元,审减率5.61%。"
        → 70.16 = 1250.36 − 1180.20, 5.61 % = 70.16 / 1250.36
    "总收入266.98万元,上年结转171.6万元,总支出405.43万元,结余33.15万元。"
        → 33.15 = 266.98 + 171.6 − 405.43
    "本级留用1024.90万元,上年结余464.14万元,体育部门支出656.90万元,财政部门支出362.14万元,
     年末结余470.00万元。"     → 470.00 = 1024.90 + 464.14 − 656.90 − 362.14
    "项目预算100万元,实际支出112万元,超支12万元。"  → 12 = 112 − 100
    "已支付9600万元,…应承担增加投资共9925万元,还需拨付325万元" → 325 = 9925 − 9600
    "营业总收入原列3兆5507亿7998万8千元,减列993亿2600万元,改列3兆4514亿5398万8千元" → 减列 = 原列 − 改列
    "资产总额96.9亿元,增长17.2%;负债总额53.94亿元,增长9.5%;所有者权益总额42.96亿元" → 42.96 = 96.9 − 53.94

The difference names itself (its label ends in 审减, 结余, 节约, 超支 …: the cues
of rules/vocabulary.toml); its operands are the nearest figures before it in its
sentence whose labels (or scenarios) give their role, read nearest first and no
further back than the previous difference; a role still missing may follow it
("审减70.16万元,审定金额1180.20万元").  A role claimed twice before the other is
found (two budgets, two amounts spent) leaves the reading open: nothing is bound.  A difference whose sentence states no
figure before it may take them from the sentences before, in its paragraph, when its family says so (差短, 余绌, a fund's
收支缺口) or its label names the budget it is against ("…。实际采购较预算节约28.43万元") — not when its clause, or the one
before, says another basis ("扣除财政补贴后,当期收支缺口…": cue difference_basis).
"""

from __future__ import annotations

from decimal import Decimal

from typing import Iterator

from auditor import lazyre
from auditor.textsearch import last_of
from auditor.extract.bind.candidate import Candidate
from auditor.extract.bind.reasons import PACE_BY_MONTHS
from auditor.extract.bind.lists import adjustment_before, gap_to_other_subject
from auditor.extract.model import BUDGET_SCENARIOS, SPENT_SCENARIOS, Breakdown, Difference, Fact, half_unit_of, period_of
from auditor.extract.readings import Reading, clean_label
from auditor.extract.vocabulary import FUNDING_SOURCE
from auditor.records import dataclass

_FIGURES = {"labelled", "total"}
_DIFFERENCE_PIECES = {"labelled", "increase", "decrease"}  # "节约40万元", "超支12万元" read as changes
_CARRIED = lazyre.compile(r"(?:上年度?|上一年度?|以前年度|历年|年初)(?:结转|结余|结存|滚存)")
_LOOK_BACK = 64
# a difference named as against a budget ("支出较预算数结余", "比计划节约")
_AGAINST_BUDGET_NAMED = lazyre.compile(r"(?:较|比)[^,;。]{0,8}(?:预算|计划)数?[^,;。]{0,2}(?:结余|节约|节支|节省|少支)$")
_GLOSS_TAIL = lazyre.compile(r"\([^()]{1,6}\)$")
_NAMES = lazyre.compile(r"增值收益|净归集|限额空间|举债空间|净资产|权益|缺口|年末结转|超收|超征|多收|短收|短征|少收|欠收|审减|核减|结余|结存|剩余|賸余|余额|[仅尚只还]余|[尚仍还]欠|超计划|超额完成|超目标|未收|未征|未缴|净利|盈余|节约|节支|节省|超支|超出|超过|超预算|超合同|需|应|未|减列|删减|删列|余绌|差短|短差|短绌|赤字|净增|增列|调减|调增|净损|净亏|亏损|亏蚀")


@dataclass(frozen=True)
class _Family:
    """One kind of difference (审减, 结余 …): its name and which figures it is taken between."""

    name: str
    cue: str  # the difference's own name
    plus: str  # cue of the figure the difference is taken from
    minus: str  # cue of the figure taken away
    plus_scenarios: frozenset[str]
    minus_scenarios: frozenset[str]
    rate_base: str  # "plus" or "minus": what a 审减率 / 超支率 is of
    several_plus: bool = False  # 结余 = 收入 + 上年结转 − 支出, 中央资金 + 省级资金 − 支出
    paragraph: bool = False  # its figures may stand in the sentences before it, in its paragraph (差短 of 岁入 and 岁出)
    # its budget may be the base of a rate said with it: "为年初预算54,340.31万元的103.2%,超收1,733.18万元"
    share_bases: bool = False
    follows: bool = True  # a figure still missing may follow it ("审减70.16万元,审定金额1180.20万元")
    # its budget may stand in the sentences before it, in its paragraph, when its own sentence states what was spent
    budget_in_paragraph: bool = False
    # the balance of an account's two sides, each of them perhaps a part of a total too ("1.中央企业资产总额…" under
    # the group's), and itself perhaps written as a total ("所有者权益合计514249亿元")
    sides: bool = False
    # its sides are stocks, one named 余额 (a debt's balance): not the 结余 difference that word names elsewhere
    stocks: bool = False
    counts: bool = False  # its figures may be counts of a unit (公里, 人次), not money only
    # its sides may each open a paragraph of their own right before it, as it opens its own ("1.业务收入。…⏎2.业务支出。…⏎
    # 3.增值收益。…": a report's sections, one figure each)
    sections: bool = False


FAMILIES = (
    _Family("审减", "difference_review", "review_submitted", "review_approved", frozenset(), frozenset(), "plus"),
    _Family("结余", "difference_leftover", "leftover_from", "leftover_spent", BUDGET_SCENARIOS, SPENT_SCENARIOS,
            "plus", several_plus=True, share_bases=True, budget_in_paragraph=True),
    # the money carried on of funds that arrived: "资金到位3,647.28万元,支出3,515.91万元,结转结余131.37万元" (the money
    # that arrived counts what was carried in; a 年末结转结余 after a year's 收入 and 支出 need not be their difference)
    # … said at the year's end, after the money there was to use and what was paid of it, in the sentences before it:
    # "可使用…补贴资金1436.42万元,其中上年结转…。全年兑付补贴资金1318.75万元,…。年末结转117.67万元" (年末结转 = 可使用 − 兑付)
    _Family("结余", "difference_carried_on_year_end", "carried_on_from", "leftover_spent", frozenset(), SPENT_SCENARIOS,
            "plus", paragraph=True),
    _Family("结余", "difference_carried_on", "carried_on_from", "leftover_spent", frozenset(), SPENT_SCENARIOS, "plus"),
    _Family("节约", "difference_saved", "saved_from", "saved_spent", BUDGET_SCENARIOS - {"available"},
            SPENT_SCENARIOS, "plus"),
    # a target passed: "养护里程计划412公里,实际完成428公里,超计划16公里" (超计划 = 实际 − 计划), of counts too
    _Family("超计划", "difference_over_plan", "over_plan_done", "over_plan_target", frozenset(), frozenset(), "minus",
            follows=False, counts=True),
    _Family("超支", "difference_overspent", "overspent_spent", "overspent_budget", SPENT_SCENARIOS,
            BUDGET_SCENARIOS - {"available"}, "minus"),
    _Family("尚需", "difference_remaining", "remaining_total", "remaining_done", frozenset(), frozenset(), "plus"),
    # money that has not arrived: "计划投入资金4,800万元,实际到位资金4,536万元…。未到位资金264万元…" (未到位 = 计划 − 到位)
    # revenue due not collected: "本年应征…收入3265.40万元,实际征收入库2918.75万元,…;应收未收346.65万元" (应征 − 实际)
    _Family("应收未收", "difference_uncollected", "uncollected_due", "uncollected_done", frozenset(), frozenset(), "plus",
            follows=False),
    _Family("未到位", "difference_unarrived", "arrived_planned", "arrived_actual", frozenset(), frozenset(), "plus",
            paragraph=True, follows=False),
    # revenue against its budget: "收入完成56,073.49万元,为年初预算54,340.31万元的103.2%,超收1,733.18万元"
    # (超收 = 完成 − 预算) and "…完成预算38,420万元的96.5%,短收1,345万元" (短收 = 预算 − 完成)
    _Family("超收", "difference_over_collected", "collected_actual", "collected_budget", SPENT_SCENARIOS,
            BUDGET_SCENARIOS - {"available"}, "minus", share_bases=True, follows=False),
    _Family("短收", "difference_short_collected", "collected_budget", "collected_actual",
            BUDGET_SCENARIOS - {"available"}, SPENT_SCENARIOS, "plus", share_bases=True, follows=False),
    # the room left under a debt limit: "政府债务余额612.38亿元,为省核定限额648.50亿元的94.4%,限额空间36.12亿元"
    # (限额空间 = 限额 − 余额; the balance, named 余额, is a stock here, not a difference of its own)
    _Family("限额空间", "difference_headroom", "headroom_limit", "headroom_balance", frozenset(), frozenset(), "plus",
            share_bases=True, follows=False, stocks=True),
    # a budget's review: "营业总收入原列3兆5507亿…元,减列993亿2600万元,改列3兆4514亿…元" (减列 = 原列 − 改列)
    _Family("减列", "difference_cut", "cut_from", "cut_to", frozenset(), frozenset(), "plus"),
    # a fund's year short of its income: "基金收入23.45亿元,…。基金支出28.76亿元,…。当年收支缺口5.31亿元" (支出 − 收入)
    _Family("收支缺口", "difference_shortfall", "surplus_spending", "surplus_income", frozenset(), frozenset(), "plus",
            paragraph=True),
    # a project's money still missing: "总投资15万元,…共筹集资金7.5万元…。缺口资金7.5万元…" (缺口 = 所需 − 已筹)
    _Family("缺口", "difference_gap", "remaining_total", "gap_raised", frozenset(), frozenset(), "plus", paragraph=True),
    # … or raised in it: "歲入原列1599.84億元,最後計列1608.47億元,淨增8.63億元" (净增 = 计列 − 原列)
    _Family("净增", "difference_raise", "cut_to", "cut_from", frozenset(), frozenset(), "minus"),
    # a government's year: "歲入決算數405億9,629萬元,歲出決算數390億7,285萬元,歲入歲出餘絀數15億2,344萬元"
    # (余绌 = 岁入 − 岁出) and "歲出2142.05億元,歲入2098.01億元,差短44.04億元" (差短 = 岁出 − 岁入)
    _Family("余绌", "difference_surplus", "surplus_income", "surplus_spending", frozenset(), frozenset(), "plus",
            paragraph=True),
    _Family("差短", "difference_deficit", "surplus_spending", "surplus_income", frozenset(), frozenset(), "plus",
            paragraph=True),
    # a business's year: "原列營業總收入3兆5507億…元，營業總支出3兆3255億…元，稅後淨利2252億…元" (净利 = 收入 − 支出)
    _Family("净利", "difference_profit", "surplus_income", "surplus_spending", frozenset(), frozenset(), "plus",
            paragraph=True),
    # … or its loss: "总收入15亿9,855万余元,总支出16亿4,892万余元,净损为5,037万余元" (净损 = 支出 − 收入)
    _Family("净损", "difference_loss", "surplus_spending", "surplus_income", frozenset(), frozenset(), "plus",
            paragraph=True),
    # a 住房公积金 centre's year: "业务收入18.64亿元,…;业务支出9.23亿元,…。两者相抵,实现增值收益9.41亿元" (增值收益 = 业务收入 −
    # 业务支出: 住房公积金财务管理办法 — the year's interest earned less the interest and fees paid)
    _Family("增值收益", "difference_value_added", "value_added_income", "value_added_spending", frozenset(), frozenset(),
            "plus", paragraph=True, sections=True),
    # … and what it collected net: "缴存额156.78亿元,提取额112.46亿元,净归集资金44.32亿元" (净归集 = 缴存 − 提取)
    _Family("净归集", "difference_net_collected", "net_collected_paid_in", "net_collected_drawn", frozenset(),
            frozenset(), "plus", paragraph=True),
    # an account's balance: "资产总额19,046.87亿元,增长8.3%;负债总额13,697.44亿元,…;所有者权益总额5,349.43亿元"
    # (净资产 = 资产 − 负债), both sides before it in its sentence
    _Family("净资产", "difference_equity", "equity_assets", "equity_debts", frozenset(), frozenset(), "plus",
            follows=False, sides=True),
)


def family_of(r: Reading, fact: Fact) -> _Family | None:
    if not _NAMES.search(fact.label):
        return None  # (the cheap test first: most figures name no difference)
    label = clean_label(_GLOSS_TAIL.sub("", fact.label))  # "本期淨利(賸餘)110億元": named twice
    if r.vocab.cue("carried_balance").search(label):
        return None  # "上年结余资金15万元": money carried over, not a difference of the sentence
    return next((fam for fam in FAMILIES if r.vocab.cue(fam.cue).search(label)), None)


_CAUSE = lazyre.compile(r"^(?:其中)?(?:因(?![而此])|由于|主要因|主要是因为?)")
_QUALIFIED = lazyre.compile(r"\s*\((?:已|未)?(?:计及|计入|包括|包含|含|不含|扣除|剔除|未计|已扣)")
_RECORDED = lazyre.compile(r"(?:录得|出现|产生|形成)$")
# … or had, said right before the figure (the verb, which its label drops): "…收入1263億元,因此有424億元的赤字"
_HAD = lazyre.compile(r"(?:因此|因而|所以|故|于是|从而|遂)有\s*$")
# a deficit or surplus the words name as the budgeted or foreseen one compared with ("较原来预算的赤字399亿元为佳"; not
# "预计短绌8,709萬元" of a budget's income and spending, a difference of its own)
_BUDGETED_RESULT = lazyre.compile(r"^(?:较|比|与|相较于?|相比于?)[\u4e00-\u9fff]{0,6}?(?:预算|预计|估计|预测|原来|原先|原本|原定)[\u4e00-\u9fff]{0,3}?(?:赤字|盈余|差短|短绌)$")
_NAMED_AFTER = lazyre.compile(r"^(?:的)?(?:财政|综合)?(赤字|盈余)")


def _named_after(r: Reading, i: int) -> _Family | None:
    """"开支3192亿元,收入1162亿元,录得1830亿元赤字" (or "因此有424億元的赤字"): a deficit (or surplus) named after its
    figure."""
    tree = r.tree
    fact = r.facts[i]
    if i + 1 >= len(tree) or tree[i + 1].kind != "words":
        return None
    if not _RECORDED.search(clean_label(fact.label)) and not _HAD.search(r.norm.text[max(0, fact.span.start - 6):
                                                                                     fact.span.start]):
        return None
    m = _NAMED_AFTER.match(tree[i + 1].piece.label.strip())
    if m is None:
        return None
    name = "差短" if m.group(1) == "赤字" else "余绌"
    return next((fam for fam in FAMILIES if fam.name == name), None)


def _continues_a_chain(r: Reading, i: int) -> bool:
    """The first amount of node i's sentence is a term added (cue plus_term): "加上级补助收入8,216.50万元、…上年结余
    12,408.77万元,减去债务还本支出30,000.00万元…,年终结余20,442.85万元" goes on from the income and spending stated in the
    sentences before — its own figures are the middle of the balance, no difference of theirs (signed_chain reads it when
    it opens in its sentence)."""
    tree = r.tree
    first = next((k for k in tree.unit("sentence", i) if r.facts[k] is not None and tree[k].kind in _FIGURES
                  and r.facts[k].kind == "amount"), None)
    return first is not None and first < i and bool(r.vocab.cue("plus_term").match(clean_label(r.facts[first].label)))


def resolve(r: Reading, lists: list[Breakdown]) -> Iterator[Candidate]:
    yield from _natural_growth(r)
    yield from _gap_to_other_subject(r)
    tree = r.tree
    # (a 差短 carried along with the debt repaid into the money to raise is still the year's 差短)
    listed = {p.id for b in lists if b.reason != "together_with_total" for p in (*b.parts, *b.subtracted)}
    for s in tree.of_kind(*_DIFFERENCE_PIECES, "total"):
        fact = r.facts[s.index]
        if s.kind not in _DIFFERENCE_PIECES | {"total"} or fact is None or fact.kind not in ("amount", "count") \
                or fact.is_bound:
            continue
        fam = family_of(r, fact)
        if fact.kind == "count" and (fam is None or not fam.counts):
            continue
        if s.kind == "total" and (fam is None or not fam.sides):
            continue  # (a 合计 is a difference only of an account's sides: "所有者权益合计…")
        after = fam is None  # (a deficit named after its figure is its sentence's, never the paragraph's)
        fam = fam or _named_after(r, s.index)
        if fam is None or fact.id in listed:
            continue  # (a 年终结余 listed among the items of a 支出总计 is an item, not a stated difference)
        if _CAUSE.match(clean_label(fact.label)):
            continue  # ("因政府采购节约资金65.65万元,实际支出…": one cause of what was left, not all of it)
        if _reckoned_on(r, fact):
            continue  # ("增值收益率1.64%(按月均缴存余额2236.71亿元计算)": the base a rate is reckoned on, no difference)
        if _continues_a_chain(r, s.index):
            continue
        if fam.plus in ("cut_from", "cut_to") and _after_from_to(r, s.index):
            continue
        if _other_years_bracket(r, s.index):
            continue
        if _QUALIFIED.match(r.norm.text, fact.span.end):
            continue  # ("赤字為481億元(已計及發行債券的收入)": a difference the text says counts more than its two figures)
        # ("结余48.98万元(预算723.37万元,执行674.39万元)": the two figures in the bracket right after it, before any further back)
        operands = _bracketed_operands(r, s.index, fam) or _operands(r, s.index, fam, listed)
        reason = "difference_in_sentence"
        if operands is None and fam.paragraph and not after:
            # "…歲入編列2098.01億元,…;歲出編列2142.05億元,…。歲入歲出差短44.04億元": the year's income and
            # spending stated in the sentences before, in its paragraph
            operands = _operands(r, s.index, fam, listed, "paragraph")
            reason = "difference_in_paragraph"
        if operands is None and fam.paragraph and not after and {fam.plus, fam.minus} == _YEARS_ACCOUNT \
                and _opens_its_line(r, s.index):
            # "…歲入編列1286.37億元,…;歲出編列1342.86億元,…。⏎歲入歲出差短56.49億元": a year's difference of income and
            # spending opening its line, those two stated on the line right before it (as in its paragraph: a warning)
            operands = _operands(r, s.index, fam, listed, "line_before")
            if operands is not None and (operands[2] or any(r.is_previous(f) for f in (*operands[0], *operands[1]))):
                operands = None  # (other incomes or spendings there — a 分别 list of funds' —, or last year's
                # "(上年收入、支出合计分别为1690.45万元、1673.20万元)": which year's two figures it is of is open)
            reason = "difference_in_paragraph"
        if operands is None and fam.sections and not after:
            # "1.业务收入。2023年,业务收入186,432.57万元,…⏎2.业务支出。2023年,业务支出92,316.44万元。…⏎3.增值收益。2023年,增值收益
            # 94,116.13万元": each side the first figure of a paragraph of its own right before the difference's
            operands = _operands_in_sections(r, s.index, fam)
            reason = "difference_in_paragraph"
        if operands is None and not after and _AGAINST_BUDGET_NAMED.search(clean_label(fact.label)) \
                and not _amounts_before(r, s.index):
            # "…政府采购预算526.80万元,实际政府采购支出总额498.37万元,…。实际采购较预算节约28.43万元": a difference
            # that names the budget it is against, its sentence stating no figure before it — the budget and what
            # was spent stand in the sentences before, in its paragraph
            operands = _operands(r, s.index, fam, listed, "paragraph")
            reason = "difference_in_paragraph"
        if operands is None and fam.budget_in_paragraph and not after and _spent_in_sentence(r, s.index, fam) \
                and not r.vocab.cue("balance_stock").search(clean_label(fact.label)):
            # (not a fund's running balance, "年末滚存结余62万元": last year's balance and the year's income are in it)
            # "…补助资金预算总额为59000万元,…。2017年实际支出47317.66万元,结余资金11682.34万元": the sentence states
            # what was spent; the one budget it is left from stands earlier in its paragraph
            operands = _operands(r, s.index, fam, listed, "paragraph")
            reason = "difference_in_paragraph"
        if operands is None and not after:
            # "…“三公”经费支出合计42.68万元,其中:…。⏎与年初预算50.00万元相比,节约7.32万元": a sentence opening with the
            # budget compared against, what is compared being the total the sentence right before opens with
            operands = _compared_with_the_total_before(r, s.index, fam, listed)
            reason = "difference_against_the_total_before"
        if operands is None and not after and fam.cue == "difference_leftover" \
                and _UNDONE.match(clean_label(fact.label)):
            # "全年调整后预算720万元(年初预算800万元,年中调减80万元),实际执行684万元,预算执行率95%,未执行的36万元…": the
            # budget not spent of what was done, the 执行率 said between them pinning which budget (684 / 720, not / 800)
            operands = _budget_of_rate(r, s.index, fam, listed)
            reason = "leftover_of_rate_base"
        if operands is None:
            continue
        if reason in _ACROSS_SENTENCES and r.vocab.cue("difference_basis").search(_clauses_before(r, s.index)):
            # ("…基金支出2,987.65亿元。扣除财政补贴后,当期收支缺口376.54亿元": figures of the sentences before, the
            # difference said on another basis — in its sentence, "扣除已支付的83.31万元后,尚余20.83万元" names its operand)
            continue
        if fam.name in ("超收", "短收") and r.vocab.cue("difference_against_last_year").search(_own_clause(r, s.index)):
            continue  # ("…低于序时进度4.3个百分点,较上年同期(19101万元)短收1236万元": short of last year's figure, a change)
        months, pace = 0, ""
        if fam.name in ("超收", "短收") and r.vocab.cue("difference_against_pace").search(_clauses_before(r, s.index)):
            # ("…占年初预算22600万元的79.0%,较序时进度(83.3%)短4.3个百分点,短收968万元": short of the plan's pace,
            # 22600 × 10/12 − 17865, not of the year's budget — read so when the months gone are said, else not read)
            months, pace = _months_gone(r, s.index)
            if not months or len(operands[0]) != 1 or len(operands[1]) != 1:
                continue
            at = Decimal(pace) / 100 if pace else Decimal(months) / 12
            budget, done = (operands[0][0], operands[1][0]) if fam.name == "短收" else (operands[1][0], operands[0][0])
            if (done.value - budget.value * at) * (1 if fam.name == "超收" else -1) <= 0:
                continue  # (a 超收 the reading finds short of the pace, or a 短收 past it: the pace misread, not the figure)
        plus, minus, rivals = operands
        if r.is_previous(fact) and not any(r.is_previous(f) for f in (*plus, *minus)):
            continue  # ("…收入為2,842億元,因此有618億元的赤字;上年同期則為赤字326億元": last year's result, not one of this
            # year's spending and income)
        if _undone_after(r, fam, fact, [*plus, *minus]):
            continue
        if fam.plus in ("cut_from", "cut_to") and _respectively_after(r, s.index, [*plus, *minus]):
            continue  # ("…原列40億元刪減1,000萬元,分別修正通過84億7,000萬元、…": each cut's in the order 分别 says: budget_cut)
        if reason in _ACROSS_SENTENCES and _another_flow_between(r, s.index, [*plus, *minus], listed):
            continue
        if _years_apart(r, [*plus, *minus]):
            continue  # ("上年公务接待费预算3.00万元,本年…实际支出4.86万元,超出预算0.86万元": last year's budget, this year's spending)
        if _BUDGETED_RESULT.search(clean_label(fact.label)) and not all(p.scenario in BUDGET_SCENARIOS for p in [*plus, *minus]):
            continue  # ("收入为3,184亿元,因此有259亿元的盈余,较原来预算的赤字399亿元为佳": the deficit budgeted, compared with the
            # one done — no difference of the income and spending done)
        if _AGAINST_BUDGET_NAMED.search(clean_label(fact.label)) and not any(p.scenario in BUDGET_SCENARIOS for p in plus):
            continue  # ("…收入251306万元,支出236285万元,支出较预算数结余3325万元": against a budget the text does not state)
        stock = r.vocab.cue("balance_stock")
        if (stock.search(clean_label(fact.label)) or stock.match(r.norm.text, fact.span.end + 1, fact.span.end + 8)
                and r.norm.text[fact.span.end:fact.span.end + 1] == "(") \
                and not any(_CARRIED.search(clean_label(p.label)) for p in plus) \
                and not any(p.scenario in BUDGET_SCENARIOS for p in plus):  # (a project's budget less all it spent is one)
            continue  # ("…收入8.62亿元,支出7.34亿元,9月末基金滚存结余1.95亿元": a stock, the year's surplus added to
            # a balance the sentence does not state)
        via: tuple[str, ...] = ()
        swap = _rival_that_gives_it(r, fam, fact, plus, minus, rivals)
        if swap is not None:
            # ("批复1,500万元,已拨付1,420万元,实际支出1,380万元,结余120万元,结余率8.00%": of the two sums one may
            # take the 结余 of, the one that gives it — and so the base of its rate)
            plus, rivals = [swap], [*plus, *(f for f in rivals if f is not swap)]
            via = ("the funds that give it",)
        if pace:
            via = (*via, f"the budget at {pace}%, the time pace the text states or implies")
        elif months:
            via = (*via, f"the budget at {months}/12, the time pace", PACE_BY_MONTHS)
        rate = _rate_after(r, s.index)
        base = None
        if rate is not None:
            bases = plus if fam.rate_base == "plus" else minus
            base = bases[0] if len(bases) == 1 else None
            rate = rate if base is not None else None
        yield Candidate(Difference.model_construct(
            difference=fact, minuends=tuple(plus), subtrahends=tuple(minus), name=fam.name, rate=rate, base=base,
            rivals=tuple(rivals), reason=reason, via=via, rejected=(), months=months, pace=pace))


# the months of the year gone, said in the sentence before the figure: "1-10月", "截至11月底", "前三季度", "上半年"
_MONTHS_SPAN = lazyre.compile(r"(?<![\d.])1\s*[-—–~～至到]\s*(1[01]|[2-9])\s*月(?![\d份])|截[至止](?:\d{4}年)?(1[01]|[1-9])\s*月(?:底|末)"
                              r"|(?<![\d-])(1[01]|[1-9])\s*月(?:底|末)|前(三)季度|(上)半年")
# a pace stated as a share of the year: "序时进度(83.3%)", "时间进度为91.7%", "序时进度(按近三年均衡入库规律测算为70.0%)"
_PACE_STATED = lazyre.compile(r"进度\s*(?:为|是)?\s*(?:\([^()%]{0,24}?)?(\d{1,2}(?:\.\d+)?)%")
# a pace implied by the share done and its gap to the pace: "占预算12800万元的72.8%,高于按均衡入库规律测算的序时进度2.8个
# 百分点" (70.0%), "完成年度预算的80.0%,低于序时进度3.0个百分点" (83.0%)
_PACE_GAP = lazyre.compile(r"(\d{1,3}(?:\.\d+)?)%(?P<mid>(?:(?!\d+(?:\.\d+)?%[^)])[^。;；])*?进度[^。;；,，]*?)"
                           r"(\d{1,2}(?:\.\d+)?)个百分点")
_PACE_UP = lazyre.compile(r"快|高于|高出|超过|超出|领先")
_PACE_DOWN = lazyre.compile(r"低于|慢|落后|短|差|低")


def _own_clause(r: Reading, i: int) -> str:
    """The words of the clause of node i up to it (from the last ,;，； of its sentence before it)."""
    text = r.norm.text
    start = r.tree[r.tree.unit("sentence", i)[0]].start
    end = r.facts[i].span.start
    cut = max(text.rfind(c, start, end) for c in ",;，；")
    return text[max(start, cut + 1):end]


def _months_gone(r: Reading, i: int) -> tuple[int, str]:
    """The months of the year gone, at the time pace (序时进度, 时间进度: cue time_pace) the difference at node i is
    against, said once in its sentence before it ("1-10月累计完成17865万元,…,较序时进度(83.3%)短4.3个百分点,短收968万元":
    10) and agreeing with the pace's share when it is stated (83.3% = 10/12) — 0 when the pace is another (月进度, a
    month's), or the months are unsaid or said twice over. When the text states the pace as another share or implies one by
    the share done and its gap to the pace ("占预算12800万元的72.8%,高于按均衡入库规律测算的序时进度2.8个百分点": 70.0%, not
    9/12), that share (in percent, as written), the stated and the implied agreeing — else not read."""
    text = r.norm.text
    start = r.tree[r.tree.unit("sentence", i)[0]].start
    before = text[start:r.facts[i].span.start]
    if not r.vocab.cue("time_pace").search(_clauses_before(r, i)):
        return 0, ""
    found = {int(g) if g.isdigit() else {"三": 9, "上": 6}[g]
             for m in _MONTHS_SPAN.finditer(before) for g in m.groups() if g}
    if len(found) != 1:
        return 0, ""
    months = found.pop()
    share = Decimal(months * 100) / 12
    if r.vocab.cue("pace_amount_stated").search(before):
        return 0, ""  # ("按序时进度应完成18500万元,…较序时进度短收635万元": the pace's own amount, not the budget × months / 12)
    paces: list[tuple[Decimal, Decimal, str]] = []  # (share, its tolerance, as written)
    for m in _PACE_STATED.finditer(before):
        paces.append((Decimal(m.group(1)), half_unit_of(m.group(1)), m.group(1)))
    for m in _PACE_GAP.finditer(before):
        done, gap = Decimal(m.group(1)), Decimal(m.group(3))
        tol = half_unit_of(m.group(1)) + half_unit_of(m.group(3))
        signs = [s for s, cue in ((-1, _PACE_UP), (1, _PACE_DOWN)) if cue.search(m.group("mid"))]
        if len(signs) != 1:
            if all(abs(done + sign * gap - share) > tol for sign in (-1, 1)):
                return 0, ""  # (another pace, which way unsaid)
            continue
        implied = done + signs[0] * gap
        places = max(len(m.group(1).partition(".")[2]), len(m.group(3).partition(".")[2]))
        paces.append((implied, tol, f"{implied:.{places}f}"))
    if all(abs(p - share) <= max(Decimal("0.1"), tol) for p, tol, _ in paces):
        # (read at the pace as written, to its last digit, when one is: "较序时进度(83.3%)短4.3个百分点,短收972万元"
        # reckons 22600 × 83.3%, not × 10/12; with none written, at months / 12)
        return months, min(paces, key=lambda p: p[1])[2] if paces else ""
    # (a pace that is not that share of the year: its own reckoning, read at it when all that is said of it agrees)
    if len(paces) >= 1 and all(abs(p - paces[0][0]) <= tol + paces[0][1] for p, tol, _ in paces):
        return months, min(paces, key=lambda p: p[1])[2]
    return 0, ""


def _undone_after(r: Reading, fam: _Family, diff: Fact, operands: list[Fact]) -> bool:
    """A cut (or a raise) of a budget's review taken back before the figure after it that it would be the difference
    to (cue budget_cut_refused): "原編列5億3,260萬元,經審查會刪減1,200萬元,嗣經大會覆議後恢復原列,修正通過5億3,260萬元"
    — what passed is what was proposed, the cut was not made."""
    if fam.name not in ("减列", "净增"):
        return False
    refused = r.vocab.cue("budget_cut_refused")
    return any(f.span.start > diff.span.end and refused.search(r.norm.text, diff.span.end, f.span.start)
               for f in operands)


def _respectively_after(r: Reading, i: int, operands: list[Fact]) -> bool:
    """A 分别 stands between node i and an operand after it: the figures after it are said one of each name before."""
    tree = r.tree
    ends = [f.span.start for f in operands if f.span.start > r.facts[i].span.end]
    return bool(ends) and any(tree[k].kind == "fenbie" and tree[k].start < max(ends)
                              for k in tree.after(i, "sentence", limit=16))


def _after_from_to(r: Reading, i: int) -> bool:
    """The two figures right before node i in its sentence are a change written by its two ends ("由第一次調整後的61,480萬元
    調整為66,905萬元,調增5,425萬元": cues from_figure, to_figure): the 调增 / 调减 after them is that change's (read as a change
    of the two), not a difference of a budget's review further back ("年初預算為52,300萬元,第一次調整為61,480萬元;…")."""
    return adjustment_before(r, i) is not None


def _reckoned_on(r: Reading, fact: Fact) -> bool:
    """The figure stands inside a 按…计算 frame of its clause (cue reckoned_by): what something is reckoned on."""
    text = r.norm.text
    start = text.rfind("按", max(0, fact.span.start - 24), fact.span.start)
    if start < 0 or any(c in text[start:fact.span.start] for c in ",;。，；()（）"):
        return False
    m = r.vocab.cue("reckoned_by").match(text, start)
    return m is not None and m.end() > fact.span.end


def _clauses_before(r: Reading, i: int) -> str:
    """The words of the clause of node i up to it, and of the clause before it in its sentence."""
    tree, text = r.tree, r.norm.text
    start = tree[tree.unit("sentence", i)[0]].start
    end = r.facts[i].span.start
    cut = [k for k in (max(text.rfind(c, start, end) for c in ",;，；"),) if k >= 0]
    if cut:
        before = max(text.rfind(c, start, cut[0]) for c in ",;，；")
        start = max(start, before + 1)
    return text[start:end]


def _another_flow_between(r: Reading, i: int, operands: list[Fact], listed: set[int]) -> bool:
    """Between the first of a difference's operands, taken from the sentences before it, and the difference at node i, the
    text states another amount of its unit that it took in no role and that names a flow of money (cue
    flow_beside_difference: "…全年兑付补助资金792.16万元。资金专户全年取得利息收入3.28万元。年末结转76.52万元" — the
    interest is carried on with what was not paid out): which flows the difference is of is open."""
    tree = r.tree
    diff = r.facts[i]
    first = min(f.span.start for f in operands)
    used = {f.id for f in operands}
    flow = r.vocab.cue("flow_beside_difference")
    for k in tree.before(i, "paragraph", limit=_LOOK_BACK):
        f = r.facts[k]
        if f is None:
            continue
        if f.span.start <= first:
            break
        if f.id not in used and f.id not in listed and f.kind == "amount" and f.unit == diff.unit \
                and tree[k].kind in _FIGURES and flow.search(clean_label(f.label)):
            return True
    return False


def _operands_in_sections(r: Reading, i: int, fam: _Family) -> tuple[list[Fact], list[Fact], list[Fact]] | None:
    """The difference at node i is the first figure of its paragraph, and the two paragraphs right before it each open with
    a figure of the difference's unit naming one side (the other side named nowhere in it): those two, one each — the
    sections a report gives each side ("1.业务收入。…⏎2.业务支出。…⏎3.增值收益。…"); None otherwise."""
    tree = r.tree
    diff = r.facts[i]
    if any(r.facts[k] is not None for k in tree.before(i, "paragraph")):
        return None
    sides: dict[str, Fact] = {}
    first = tree.paragraph_nodes(tree[i].paragraph).start
    for _ in range(2):
        if first == 0:
            return None
        nodes = tree.paragraph_nodes(tree[first - 1].paragraph)
        first = nodes.start
        figures = [r.facts[k] for k in nodes if r.facts[k] is not None and tree[k].kind in _FIGURES]
        if not figures or figures[0].kind != "amount" or figures[0].unit != diff.unit or figures[0].is_bound:
            return None
        role = _role(r, fam, figures[0])
        if role is None or role in sides or r.is_previous(figures[0]) \
                or any(_role(r, fam, f) not in (None, role) for f in figures[1:]):
            return None
        sides[role] = figures[0]
    return [sides["plus"]], [sides["minus"]], []


def _amounts_before(r: Reading, i: int) -> bool:
    """An amount of the unit of the difference at node i stands before it in its sentence."""
    tree, unit = r.tree, r.facts[i].unit
    return any(f is not None and tree[k].kind in _FIGURES and f.kind == "amount" and f.unit == unit
               for k in tree.before(i, "sentence", limit=_LOOK_BACK) for f in [r.facts[k]])


_UNDONE = lazyre.compile(r"^(?:尚|仍)?未(?:执行|支出)")
_RATE_DONE = lazyre.compile(r"(?:预算)?执行率$")


def _budget_of_rate(r: Reading, i: int, fam: _Family, listed: set[int]) -> tuple[list[Fact], list[Fact], list[Fact]] | None:
    """未执行 (node i) right after a 执行率, right after the amount done, in its sentence ("实际执行684万元,预算执行率95%,
    未执行的36万元"): the budget it is left from is the one budget of its sentence or the sentences before in its
    paragraph that gives the rate with that amount within the rate's last digit — none or two, and nothing is read."""
    tree = r.tree
    diff = r.facts[i]
    near = [k for k in tree.before(i, "sentence", limit=_LOOK_BACK) if r.facts[k] is not None][:2]
    if len(near) != 2:
        return None
    rate, done = r.facts[near[0]], r.facts[near[1]]
    if rate.kind != "percent" or rate.is_bound or not _RATE_DONE.search(clean_label(rate.label)) \
            or done.kind != "amount" or done.unit != diff.unit or done.is_bound or done.id in listed \
            or _role(r, fam, done) != "minus" or not rate.value:
        return None
    budgets = []
    for k in tree.before(near[1], "paragraph", limit=_LOOK_BACK):
        f = r.facts[k]
        if f is None or tree[k].kind not in _FIGURES or f.kind != "amount" or f.unit != diff.unit or f.is_bound \
                or f.id in listed or _role(r, fam, f) != "plus" or not f.value:
            continue
        # (the amount done over the budget, within the rate's last digit and the amounts' own rounding)
        exact = done.value / f.value * 100
        slack = rate.tolerance + (done.tolerance + exact / 100 * f.tolerance) / f.value * 100
        if abs(exact - rate.value) <= slack:
            budgets.append(f)
    if len(budgets) != 1:
        return None
    return [budgets[0]], [done], []


def _spent_in_sentence(r: Reading, i: int, fam: _Family) -> bool:
    """The sentence of the difference at node i states before it one amount, in its family's spent role, and its
    paragraph before that sentence states one amount in the role it is taken from: no other reading of either."""
    tree = r.tree
    unit = r.facts[i].unit
    amounts = [f for k in tree.before(i, "sentence", limit=_LOOK_BACK)
               for f in [r.facts[k]] if f is not None and tree[k].kind in _FIGURES and f.kind == "amount"]
    if len(amounts) != 1 or amounts[0].unit != unit or _role(r, fam, amounts[0]) != "minus":
        return False
    sentence = tree[i].sentence
    budgets = [f for k in tree.before(i, "paragraph", limit=_LOOK_BACK) if tree[k].sentence != sentence
               for f in [r.facts[k]] if f is not None and tree[k].kind in _FIGURES | {"share"} and f.kind == "amount"
               and f.unit == unit and _role(r, fam, f) == "plus"]
    return len(budgets) == 1


def _years_apart(r: Reading, figures: list[Fact]) -> bool:
    """Last year's figure and one the text says is this year's ("上年公务接待费预算3.00万元,本年度…实际支出4.86万元"):
    no difference of one year's figures."""
    last = [f for f in figures if r.is_previous(f)]
    this = [f for f in figures if not r.is_previous(f)]
    this_year = r.vocab.cue("this_year")
    return any(f.period == "current" or this_year.search(r.norm.text, min(p.span.end, f.span.start), f.span.start)
               for p in last for f in this if p.span.end <= f.span.start) if last and this else False


def _rival_that_gives_it(r: Reading, fam: _Family, diff: Fact, plus: list[Fact], minus: list[Fact],
                         rivals: list[Fact]) -> Fact | None:
    """The one figure further back in the role of the single plus under which the difference holds, when it does
    not with the nearest."""
    if len(plus) != 1 or not rivals:
        return None

    def holds(p: Fact) -> bool:
        gap = p.value - sum((m.value for m in minus), Decimal(0)) - diff.value
        return abs(gap) <= p.tolerance + diff.tolerance + sum((m.tolerance for m in minus), Decimal(0))

    if holds(plus[0]):
        return None
    giving = [f for f in rivals if _role(r, fam, f) == "plus" and holds(f)]
    return giving[0] if len(giving) == 1 else None


_BIRTH, _DEATH = lazyre.compile(r"出生率$"), lazyre.compile(r"死亡率$")
_NATURAL = lazyre.compile(r"自然增长率(?:为|是|达到?|仅为)?\s*-?$")  # (the words right before the figure: read as a growth)


def _natural_growth(r: Reading) -> Iterator[Candidate]:
    """"出生率为6.68‰;死亡率为5.42‰;人口自然增长率为1.27‰": the natural growth of a population is its birth rate less
    its death rate — the nearest two stated before it in its sentence or the one before, one of each."""
    tree, text = r.tree, r.norm.text
    for s in tree.of_kind("labelled", "growth_up", "growth_down"):
        growth = r.facts[s.index]
        if growth is None or growth.kind != "percent" or growth.is_bound \
                or not _NATURAL.search(text, max(0, growth.span.start - 12), growth.span.start):
            continue
        birth = death = None
        for k in tree.before(s.index, "sentence", limit=_LOOK_BACK):
            f = r.facts[k]
            if f is None or f.kind != "percent" or f.is_bound or f.unit != growth.unit or f.scale != growth.scale:
                continue
            label = clean_label(f.label)
            if _NATURAL.search(text, max(0, f.span.start - 12), f.span.start):
                break  # (the growth of another population, or of another year: its rates are its own)
            if _BIRTH.search(label) and birth is None:
                birth = f
            elif _DEATH.search(label) and death is None:
                death = f
        if birth is not None and death is not None and not _another_scope(text, birth, growth):
            yield Candidate(Difference.model_construct(
                difference=growth, minuends=(birth,), subtrahends=(death,), name="人口自然增长率", rate=None, base=None,
                rivals=(), reason="natural_growth", via=(), rejected=()))


def _gap_to_other_subject(r: Reading) -> Iterator[Candidate]:
    """"2023年度项目支出1836.50万元,比基本支出(1268.40万元)多568.10万元": the gap (多 / 少 / 高出 / 低于, cue compared_gap)
    to a figure of another subject compared with (lists.gap_to_other_subject: no year, budget or plan of the subject's
    own) is the subject's figure, the nearest amount of their unit before it in its sentence, less the other one
    (568.10 = 1836.50 − 1268.40; a 少 the other way) — no other amount between them, neither of another year."""
    tree = r.tree
    for s in tree.of_kind("labelled"):
        gap = r.facts[s.index]
        if gap is None or gap.kind != "amount" or gap.is_bound:
            continue
        other = gap_to_other_subject(r, s.index)
        if other is None or other.is_bound:
            continue
        subject = None
        for k in tree.before(s.index, "sentence", limit=_LOOK_BACK):
            f = r.facts[k]
            if f is None or f is other or f.kind == "percent" or tree[k].depth > s.depth:
                continue
            if f.kind == "amount" and f.unit == gap.unit and tree[k].kind in _FIGURES and not f.is_bound:
                subject = f
            break
        if subject is None or any(r.is_previous(f) for f in (subject, other, gap)):
            continue
        plus, minus = (other, subject) if _LESS.match(clean_label(gap.label)) else (subject, other)
        yield Candidate(Difference.model_construct(
            difference=gap, minuends=(plus,), subtrahends=(minus,), name="相差", rate=None, base=None,
            rivals=(), reason="gap_to_compared_subject", via=(), rejected=()))


_LESS = lazyre.compile(r"^(?:少|低)")


_SCOPE = lazyre.compile(r"户籍|常住|城镇|乡村|农村|全国|全省|全市|全区|全县|全州|全盟|全旗|上年|去年|(?:19|20)\d{2}年")


def _another_scope(text: str, rate: Fact, growth: Fact) -> bool:
    """The growth's own clause names a population, a place or a year its rates' clause does not ("…出生率为6.93‰,死亡率为
    8.41‰;全省人口自然增长率为-0.93‰": the province's, not the rates' own)."""
    def clause(f: Fact) -> str:
        start = last_of(text, ",;。\n", f.span.start) + 1
        return text[start:f.span.start]
    own = set(_SCOPE.findall(clause(growth)))
    return bool(own - set(_SCOPE.findall(clause(rate))))


def _names_a_difference(r: Reading, fam: _Family, fact: Fact) -> bool:
    """The figure names a difference of its own — a debt's 余额 is a side of a difference of stocks (限额空间), not a 结余."""
    other = family_of(r, fact)
    if other is None:
        return False
    return not (fam.stocks and other.cue == "difference_leftover" and bool(r.vocab.cue(fam.minus).search(clean_label(fact.label))))


def _role(r: Reading, fam: _Family, fact: Fact) -> str | None:
    """"plus", "minus" or None: what `fact` is in a difference of family `fam`."""
    label = clean_label(fact.label)
    if _names_a_difference(r, fam, fact) or r.vocab.cue("difference_rate").search(label):
        return None
    if r.vocab.cue("remainder").search(label) and not (fam.several_plus and _CARRIED.search(label)) \
            and not (fam.stocks and r.vocab.cue(fam.minus).search(label)):
        return None  # what is left (未支, 结转下年) is neither side of a difference
    plus = bool(r.vocab.cue(fam.plus).search(label))
    minus = bool(r.vocab.cue(fam.minus).search(label))
    if plus != minus:
        return "plus" if plus else "minus"
    if fact.scenario in fam.plus_scenarios:
        return "plus"
    if fact.scenario in fam.minus_scenarios:
        return "minus"
    return None


def _other_years_bracket(r: Reading, i: int) -> bool:
    """The bracket right after the difference gives amounts of other years than its own ("本年度業務賸餘127,113千元
    (上年度預算數262,775千元,前年度決算數240,241千元)"): the same difference in those years, none an operand of it."""
    inside = _amounts_in_bracket_after(r, i)
    if not inside:
        return False
    own = period_of(r.facts[i], r.report_year)
    return all(period_of(f, r.report_year) != own for f in inside)


def _amounts_in_bracket_after(r: Reading, i: int) -> list[Fact]:
    """The amounts of the bracket that opens right after the figure at node i ([] when none opens there)."""
    tree = r.tree
    if i + 1 >= len(tree) or not tree[i + 1].separator("(") or r.facts[i] is None:
        return []
    inside = []
    for k in range(i + 2, len(tree)):
        if tree[k].depth <= tree[i].depth:
            break
        f = r.facts[k]
        if f is not None and f.kind == "amount":
            inside.append(f)
    return inside


def _bracketed_operands(r: Reading, i: int, fam: _Family) -> tuple[list[Fact], list[Fact], list[Fact]] | None:
    """The difference's two figures, one of each role, alone in the bracket that opens right after it."""
    inside = _amounts_in_bracket_after(r, i)
    roles = [_role(r, fam, f) for f in inside]
    if len(inside) != 2 or set(roles) != {"plus", "minus"} or any(f.unit != r.facts[i].unit or f.is_bound for f in inside):
        return None
    if _SIGN_BETWEEN.search(r.norm.text, inside[0].span.end, inside[1].span.start):
        return None  # ("(基金收入12682万元-基金支出12044万元)": the arithmetic written out, bracket_list's)
    plus = [f for f, role in zip(inside, roles) if role == "plus"]
    minus = [f for f, role in zip(inside, roles) if role == "minus"]
    return plus, minus, []


_SIGN_BETWEEN = lazyre.compile(r"[-－−+＋]")


def _said_against(r: Reading, f: Fact) -> bool:
    """The figure is named as what the difference after it is against ("较全年预算数618.87万元结余…")."""
    return bool(r.vocab.cue("compared_prefix").match(clean_label(f.label)))


# the roles of a year's account: what came in and what went out (差短, 余绌, 收支缺口, 净利, 净损)
_YEARS_ACCOUNT = {"surplus_income", "surplus_spending"}


def _opens_its_line(r: Reading, i: int) -> bool:
    """The difference at node i is the first figure of its paragraph, which starts on the line right after the
    paragraph before it ends."""
    tree = r.tree
    first = tree.paragraph_nodes(tree[i].paragraph).start
    if first == 0 or any(r.facts[k] is not None for k in range(first, i)):
        return False
    before = tree[first - 1].paragraph
    return tree.paragraph_lines[before][1] + 1 == tree.paragraph_lines[tree[i].paragraph][0]


def _through_line_before(r: Reading, i: int) -> Iterator[int]:
    """The nodes before node i, nearest first, through the paragraph on the line before its own."""
    tree = r.tree
    first = tree.paragraph_nodes(tree[i].paragraph).start
    return iter(range(i - 1, tree.paragraph_nodes(tree[first - 1].paragraph).start - 1, -1))


_DONE_OF_BUDGET = lazyre.compile(r"[,，]\s*(?:完成|为|达到?|占)(?:年初|年度|调整后?|全年)?(?:预算|计划)(?:数)?\s*$")
_RATE_OF_IT = lazyre.compile(r"\s*的\s*\d")


def _done_of_budget(r: Reading, f: Fact, budget: Fact) -> bool:
    """`f` is what was done of `budget`, said right after it as its rate of it ("收入46900万元,完成预算46508万元的
    100.8%", "其中市本级完成32.16亿元,占年初预算40.08亿元的80.2%"): the amount the budget's rate is of, whatever its name."""
    return f.span.end < budget.span.start and bool(_DONE_OF_BUDGET.fullmatch(r.norm.text, f.span.end, budget.span.start)) \
        and bool(_RATE_OF_IT.match(r.norm.text, budget.span.end))


def _operands(r: Reading, i: int, fam: _Family, listed: set[int],
              within: str = "sentence") -> tuple[list[Fact], list[Fact], list[Fact]] | None:
    """The figures before the difference at node i (a missing one may follow it), and
    the rivals further back in its sentence (or paragraph); None when the reading is open."""
    tree = r.tree
    diff = r.facts[i]
    plus: list[Fact] = []
    minus: list[Fact] = []
    figures = _FIGURES | {"share"} if fam.share_bases else _FIGURES
    voted: set[int] = set()  # the cuts and the amounts proposed before the amounts voted after them, taken already

    def take(k: int) -> bool | None:
        """Record node k's figure; False when the reading is ambiguous, None to stop."""
        f = r.facts[k]
        if f is None or tree[k].kind not in figures | _DIFFERENCE_PIECES or f.id in voted:
            return True
        if tree[k].kind in _DIFFERENCE_PIECES and _names_a_difference(r, fam, f):
            return None  # the previous (or next) difference: its figures are its own
        done = (minus and fam.minus == "collected_budget" and _done_of_budget(r, f, minus[0])
                or plus and fam.plus == "collected_budget" and _done_of_budget(r, f, plus[0]))
        # (a debt's limit and its balance of one kind: 一般 with 一般, 专项 with 专项, the total's with the total's — a
        # balance listed as a part of the total is that kind's, when the side taken names it)
        taken = (plus or minus)[0] if fam.stocks and (plus or minus) else None
        kind = _debt_kind(r, f) if fam.stocks else ""
        of_kind = taken is not None and bool(kind) and kind == _debt_kind(r, taken)
        if tree[k].kind not in figures or f.kind != diff.kind or f.unit != diff.unit \
                or (f.id in listed and not fam.sides and not done and not of_kind):
            return True
        if taken is not None and kind != _debt_kind(r, taken):
            return True
        role = _role(r, fam, f)
        if role is None:
            role = _subject_compared(r, fam, k, plus, minus)
        chain = _voted_after_cut(r, fam, k) if {fam.plus, fam.minus} == _YEARS_ACCOUNT else None
        if chain is not None and role in (None, chain[0]):
            role = chain[0]
            voted.update(chain[1])
        if role is None and done:
            # ("其中:一般公共预算收入46900万元,完成预算46508万元的100.8%,超收392万元": what was done of the budget, its
            # rate of it said right after it — a part of a list too)
            role = "plus" if minus else "minus"
        if role is None or _compared_year(r, f, diff):
            return True
        if f.is_bound:
            return False  # "约100万元" is no operand of exact arithmetic
        # ("…,较全年预算数618.87万元结余1.03万元": a balance said against one figure is of that figure alone)
        if role == "plus" and (not plus or (fam.several_plus and not _said_against(r, plus[0])
                                            and _added_together(r, plus + [f]))):
            plus.append(f)
        elif role == "minus" and (not minus or (fam.several_plus and _spent_apart(minus + [f]))):
            minus.append(f)
        else:
            return False  # a role claimed twice before the reading is complete: which one is open
        return True

    def complete() -> bool:
        if not (plus and minus):
            return False
        return not fam.several_plus or any(not _CARRIED.search(clean_label(p.label)) for p in plus)

    back = _through_line_before(r, i) if within == "line_before" else tree.before(i, within, limit=_LOOK_BACK)
    for k in back:
        if (plus or minus) and _clause_break(tree, k, i) and _rest_in_clause(r, i, fam, "minus" if plus else "plus"):
            # "司法院原列…,减列…,改列为157万6千元;外交部主管原列…,减列15亿5,000万元,改列为…": a clause
            # that states the other figure after the difference takes it there, not from the clause before
            break
        went = take(k)
        if went is False:
            return None
        if went is None or complete():
            break
    rivals: list[Fact] = []
    if complete():  # figures further back in a role the nearest reading took: another reading
        for k in back:
            f = r.facts[k]
            if f is None or tree[k].kind not in figures | _DIFFERENCE_PIECES or f.id in voted:
                continue  # (an amount proposed is no rival of what was voted after its cut)
            if tree[k].kind in _DIFFERENCE_PIECES and family_of(r, f) is not None:
                break
            if tree[k].kind in figures and f.kind == "amount" and f.unit == diff.unit and f.id not in listed \
                    and not f.is_bound and _role(r, fam, f) is not None and not _compared_year(r, f, diff):
                if not rivals and fam.several_plus and _role(r, fam, f) == "plus" \
                        and _added_together(r, plus + [f]):
                    plus.append(f)  # "中央到位资金100万元,省级到位资金50万元": the sources add up
                else:
                    rivals.append(f)
    if not complete() and fam.follows:
        none_before = not (plus or minus)
        after = tree.after(i, "sentence", limit=_LOOK_BACK)
        for k in after:
            if plus and minus and none_before:
                # "节约资金7.54亿元,…如某项目,采购预算为1.26亿元,中标金额为5380万,节约资金7220万": both
                # figures after the difference, and the next figure a difference of its kind: they are its own
                nxt = next((j for j in [k, *after] if r.facts[j] is not None), None)
                if nxt is not None and tree[nxt].kind in _DIFFERENCE_PIECES and family_of(r, r.facts[nxt]) is fam:
                    return None
                break
            if plus and minus:
                break
            went = take(k)
            if went is False:
                return None
            if went is None:
                break
    if not complete():
        return None
    if len(minus) > 1 and not any(_CARRIED.search(clean_label(p.label)) for p in plus):
        return None  # several amounts spent out of a budget: which the 结余 is of is open — unless the
        # sentence is an account of a fund (上年结余 + 收入 − each spending = 年末结余)
    return sorted(plus, key=lambda f: f.span.start), minus, rivals


def _debt_kind(r: Reading, f: Fact) -> str:
    """一般 or 专项: the kind of debt a limit or a balance names ("一般债务限额"); "" for the total's ("政府债务余额")."""
    m = r.vocab.cue("headroom_kind").search(clean_label(f.label))
    return m.group(1) if m else ""


_SPENT_TOTAL = lazyre.compile(r"合计|总计|共计|支出")
# the readings of a difference whose operands stand in the sentences before its own
_ACROSS_SENTENCES = ("difference_in_paragraph", "difference_against_the_total_before")


def _compared_with_the_total_before(r: Reading, i: int, fam: _Family,
                                    listed: set[int]) -> tuple[list[Fact], list[Fact], list[Fact]] | None:
    """The one figure before the difference at node i in its sentence opens it and is named as compared against
    ("与年初预算50.00万元相比,节约7.32万元"), in one role; the sentence right before opens with a total spent (its first
    amount: a 合计 or 支出 of the difference's unit, no budget) — that total takes the other role."""
    tree = r.tree
    diff = r.facts[i]
    before = [k for k in tree.before(i, "sentence", limit=_LOOK_BACK) if r.facts[k] is not None]
    if len(before) != 1:
        return None
    g = r.facts[before[0]]
    role = _role(r, fam, g)
    if g.kind != "amount" or g.unit != diff.unit or g.is_bound or g.id in listed or role is None \
            or not _said_against(r, g) or g.scenario not in BUDGET_SCENARIOS:
        return None
    first = tree.unit("sentence", before[0])[0]
    if first == 0:
        return None
    if not r.follows_right_on(first):
        return None  # (the total's sentence not the one right before: a sentence between, even one stating no figure
        # ("…支出合计43.68万元。⏎二、“三公”经费…本单位未安排“三公”经费。⏎三、会议费支出情况⏎与年初预算50.00万元相比,节约
        # 7.32万元": the 会议费's saving, not the total's), a heading, or a paragraph between)
    amounts = [r.facts[k] for k in tree.unit("sentence", first - 1)
               if r.facts[k] is not None and r.facts[k].kind == "amount"]
    total = amounts[0] if amounts else None
    if any(f.id not in listed for f in amounts[1:]):
        return None  # (another amount there, no part of the total: "收入合计80万元,支出合计60万元" — which is compared is open)
    if total is None or total.unit != diff.unit or total.is_bound or total.scenario in BUDGET_SCENARIOS \
            or r.is_previous(total) != r.is_previous(g) or _names_a_difference(r, fam, total) \
            or _role(r, fam, total) == role or not _SPENT_TOTAL.search(clean_label(total.label)):
        return None
    return ([g], [total], []) if role == "plus" else ([total], [g], [])


def _subject_compared(r: Reading, fam: _Family, k: int, plus: list[Fact], minus: list[Fact]) -> str | None:
    """The role of node k's figure when it is what the one figure taken so far, right after it, is named as compared
    against, of the same concept ("税收收入74.65亿元,比年初预算71.00亿元超收3.65亿元": the revenue collected, against its
    budget — 超收 = 74.65 − 71.00; "支出105万元,较预算100万元超支5万元"): the other role; None otherwise."""
    taken = plus or minus
    if len(taken) != 1 or (plus and minus):
        return None
    f, g = r.facts[k], taken[0]
    if not _said_against(r, g) or f.concept is None or f.concept != g.concept or f.scenario in BUDGET_SCENARIOS \
            or r.is_previous(f) != r.is_previous(g):
        return None
    between = r.norm.text[f.span.end:g.span.start]
    if any(c in between for c in ";。()") \
            or any(x is not None and f.span.end <= x.span.start < g.span.start for x in r.facts[k + 1:k + 16]):
        return None  # (another figure, or another clause, between the two: what is compared is open)
    return "minus" if plus else "plus"


def _voted_after_cut(r: Reading, fam: _Family, k: int) -> tuple[str, tuple[int, ...]] | None:
    """Node k's figure is what a council voted right after a cut of an amount proposed ("歲出原列3億2千萬元,刪減1千5百萬元,
    通過3億500萬元"; cue budget_cut_passed, the cut named budget_cut or difference_cut): it is the year's spending (or
    income) the proposed amount was — (its role, the ids of the cut and the proposed amount it stands for)."""
    f = r.facts[k]
    if not r.vocab.cue("budget_cut_passed").search(clean_label(f.label)):
        return None
    before = [j for j in r.tree.before(k, "sentence", limit=16) if r.facts[j] is not None][:2]
    if len(before) != 2:
        return None
    cut, proposed = (r.facts[j] for j in before)
    cut_label = clean_label(cut.label)
    if not (cut.kind == proposed.kind == "amount" and cut.unit == proposed.unit == f.unit) \
            or not (r.vocab.cue("budget_cut").search(cut_label) or r.vocab.cue("difference_cut").search(cut_label)):
        return None
    role = _role(r, fam, proposed)
    return (role, (cut.id, proposed.id)) if role is not None else None


def _compared_year(r: Reading, f: Fact, diff: Fact) -> bool:
    """"歲入計列2098億元,較上年度歲入2044億元,…;歲出…;差短44億元": last year's figure, named as what this
    year's is compared with, is no side of this year's difference."""
    return r.is_previous(f) and not r.is_previous(diff) \
        and bool(r.vocab.cue("compared_prefix").search(clean_label(f.label)))


def _clause_break(tree, k: int, i: int) -> bool:
    """Node k is a ";" at the depth of node i or above (the normaliser writes "；" as ";")."""
    return tree[k].kind == "sep" and tree[k].piece.keyword == ";" and tree[k].depth <= tree[i].depth


def _rest_in_clause(r: Reading, i: int, fam: _Family, role: str) -> bool:
    """Does the difference's own clause (up to the next ";") state a figure of `role` after it?"""
    tree = r.tree
    for k in tree.after(i, "sentence", limit=_LOOK_BACK):
        if _clause_break(tree, k, i):
            return False
        f = r.facts[k]
        if f is not None and tree[k].kind in _FIGURES and f.kind == "amount" and _role(r, fam, f) == role:
            return True
    return False


def _spent_apart(minus: list[Fact]) -> bool:
    """"体育部门支出656.90万元,财政部门支出362.14万元": money going out by different names,
    none a total of the others (kept only in an account that starts from a balance carried over)."""
    labels = [clean_label(m.label) for m in minus]
    return len(set(labels)) == len(labels) and not any(_TOTAL_WORD.search(x) for x in labels)


_TOTAL_WORD = lazyre.compile(r"合计|总计|共计|累计")


def _added_together(r: Reading, plus: list[Fact]) -> bool:
    """收入 and 上年结转, or the funds of each level or source (中央…, 省级…): figures that add
    up to the money there was (at most one carried over; never two of one source)."""
    labels = [clean_label(p.label) for p in plus]
    carried = [x for x in labels if _CARRIED.search(x)]
    if len(carried) > 1:
        return False
    rest = [x for x in labels if not _CARRIED.search(x)]
    if len(rest) <= 1:
        return True
    level = r.vocab.cue("funding_level")
    sources = [level.search(x) or FUNDING_SOURCE.search(x) for x in rest]
    return all(sources) and len({m.group() for m in sources}) == len(rest)


def _rate_after(r: Reading, i: int) -> Fact | None:
    """"审减70.16万元,审减率5.61%": the difference's rate, right after it in its sentence (or after the
    figure it leaves: "删减14.11亿元后,三读通过1712.31亿元,删减幅度0.82%")."""
    tree = r.tree
    skipped = False  # the one amount (the figure the difference leaves) passed over
    for k in tree.after(i, "sentence", limit=8):
        f = r.facts[k]
        if f is None:
            continue
        if f.kind == "amount" and not skipped and family_of(r, f) is None:
            skipped = True
            continue
        if f.kind == "percent" and tree[k].kind == "labelled" and not f.is_bound \
                and r.vocab.cue("difference_rate").search(clean_label(f.label)):
            return f
        return None
    return None
