"""执行率 / 完成率 / 到位率 …: a rate and the amounts its sentence gives.

    "年初预算100万元,全年执行95万元,执行率95%。" → numerator 95, denominator 100

The amounts before the rate in its sub-sentence are sorted by their labels'
scenarios into numerators (执行, 决算 …), denominators (预算, 到位 …) and others.
After a list, the rate is the list's total's: "执行金额403.18万元,其中A…、B…,预算执行率94.08%".
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Iterator

from auditor import lazyre
from auditor.extract.bind.candidate import Candidate
from auditor.extract.bind.resolvers.target import under_ceiling
from auditor.extract.bind.resolvers.total_after import _NUMERALS
from auditor.extract.model import CHANGE_CONCEPTS, Breakdown, Fact, Rate
from auditor.extract.vocabulary import FUNDING_SOURCE
from auditor.extract.readings import LABEL_YEAR, OPENERS, Reading, clean_label, sentence_start

_LOOK_BACK = 200
# (the via of a rate naming a list's part whose amounts were not found: restated from no rate of another subject)
SUBJECT_UNFOUND = "a list's part it names, that part's amounts not found"
# (the via of a completion naming its budget, of the one amount of its clause named by no scenario)
DONE_IN_CLAUSE = "the amount its clause states, what was done"
# (the via of a completion said only as what its figure is of the budget: "…支出完成799958.51万元,为调整预算的96.9%")
SAID_OF_BUDGET = "said as what its figure is of the budget (为…预算的)"
# (the via of a completion said with 为 right after a list's part: of that part's budget, unstated)
PART_BEFORE = "said with 为 right after a list's part: that part's own, its budget unstated"
SPENT_UNNAMED = "a saving's rate beside one amount not named as spent (cue spent_of_saving): its base unsaid"
_EARLIER = lazyre.compile(r"上一?年|去年|同期|前一年")  # (a figure of the year before, or of the same period then)
_BUDGETS = {"budget", "budget_initial", "budget_adjusted"}
# a rate that names one budget (年初 / 调整) is never of the other
OTHER_NAMED_BUDGET = {"budget_initial": "budget_adjusted", "budget_adjusted": "budget_initial"}
_AVAILABLE = lazyre.compile(r"可用|到位|收到|拨付|结余|结转")  # money available or received, no budget


# between the amount done and the completion of it: its clause's words, a change of it on the year before at most
# ("收入总量2970亿元,增长11.5%,为预算的141.3%")
_DONE_GAP = lazyre.compile(r"\s*(?:,\s*(?:同比|比上年|较上年)?(?:增长|下降|增加|减少)\s*\d+(?:\.\d+)?%\s*)?,?[^\d,;。()]*")
_LAST_YEARS_RATE = lazyre.compile(r"(?:较|比|由|从)(?:上一?年度?|去年|上年同期)的?$")


def resolve(r: Reading, lists: list[Breakdown]) -> Iterator[Candidate]:
    tree = r.tree
    before_sentence: dict[tuple[int, str | None], list[Fact]] = {}
    parts_of: dict[int, set[int]] = {}
    total_of: dict[int, Fact] = {}  # a part's id → the total of the list it is a part of
    for b in lists:
        parts_of.setdefault(b.total.id, set()).update(p.id for p in b.parts)
        for p in b.parts:
            total_of.setdefault(p.id, b.total)
    part_names = {n for b in lists for p in b.parts if len(n := _listed_name(p.label)) >= 2}
    read_rates: list[Rate] = []  # (the rates read so far, in their order: the items a combined rate after them may be of)
    listed_parts: tuple[list[int], dict[int, str], dict] | None = None  # (_listed_parts, their names: when a rate asks)
    for s in tree.of_kind("labelled"):
        fact, info = r.facts[s.index], r.labels[s.index]
        if s.kind != "labelled" or fact is None or fact.kind != "percent" or info is None or info.rate is None:
            continue
        if r.vocab.cue("compared_end").search(clean_label(fact.label)) or _LAST_YEARS_RATE.search(clean_label(fact.label)):
            continue  # "执行率由上年的91.62%提高到97.20%", "执行率较上年的93.85%有所提高": last year's rate
        if r.vocab.cue("history_to_next").match(r.norm.text, fact.span.end) \
                and r.vocab.cue("history_from").search(r.norm.text, max(0, fact.span.start - 12), fact.span.start):
            continue  # ("执行率由94.08%提高到98.41%": the rate it rose from, an earlier state — the one it rose to is read)
        if _on_adjusted_base(r, fact):
            continue
        if r.vocab.cue("target_completion").search(clean_label(fact.label)) and under_ceiling(r, s.index) is not None:
            continue  # ("年度指标值为不高于每亩1800元,实际为每亩1523元,完成率100%": a ceiling met, TGT001's — not 1523 / 1800)
        spec = r.vocab.rates[info.rate]
        used_bare: tuple[str, ...] = ()
        if spec["done_words"] and _bare_done_before(r, s.index, spec["done_words"]) > 1:
            # ("省级专项资金到位300万元,使用240万元;市级配套资金到位200万元,使用200万元,项目资金使用率88%": several funds' bare
            # 使用 before the rate — of which, or of all together, it is open: none of them is its numerator)
            used_bare, spec = spec["done_words"], {**spec, "done_words": ()}
        base = named_base(r, info.text)  # (the base the rate's name names, if any: asked once a rate)
        near, far = _groups(r, s.index, info.rate, base)
        after_list, before_list = list(near), list(far)  # (as read, before a list's parts are set aside)
        reason, subject = "rate_in_sentence", None
        # ("执行率95.36%(全年预算3,560.00万元,执行3,394.82万元)", "完成投资8.63亿元,完成率75.04%(年度计划11.5亿元)")
        own = _own_bracket(r, s.index)
        near = [*own, *near]
        if not near and not far:
            # "收到…资金118.92万元,全年发放108.61万元。…预算执行率91.33%": a rate whose sentence
            # states no amount, of the two amounts of the sentence right before it (found once a
            # sentence: a sentence of many rates does not read the one before again for each)
            first, named = tree.unit("sentence", s.index).start, base
            if (first, named) not in before_sentence:
                before_sentence[first, named] = _sentence_before(r, s.index, named)
            near = list(before_sentence[first, named])
            subject = part_subject(r, fact, info.rate, part_names)
            if near and (_other_subject(r, fact, info.rate, near)
                         or (subject is not None and not any(subject in clean_label(f.label) for f in near))):
                near = []  # (a list's part the rate names, none of the two amounts named so: not theirs)
            reason = "rate_after_its_amounts" if near else reason
            if not near:
                # ("全年预算数2000万元,其中财政拨款1800万元、…;全年执行数1900万元,其中财政拨款1750万元、…。…其中财政拨款执行
                # 率92.22%": a rate named for a part of the lists before, of that part's two amounts)
                if listed_parts is None:
                    listed_parts = _listed_parts(r, parts_of), {}, {}
                near = _named_part_before(r, s.index, fact, info.rate, listed_parts, subject)
                reason = "rate_of_named_part" if near else reason
        flow = r.vocab.flow(info.text)
        if flow == "both":
            continue  # "收支完成率为100%": no ratio of two of the amounts
        if flow:  # "收入完成率": not of the spending figures
            near, far = [f for f in near if r.vocab.flow(f.label) in (None, flow)], \
                        [f for f in far if r.vocab.flow(f.label) in (None, flow)]
        # "预算数13亿元(其中3.5亿元…)": a part listed under a figure of the group is no base
        listed = set().union(*(parts_of.get(f.id, set()) for f in near + far))
        # (… but what the list says was spent may be the numerator: "已拨付5,120万元,其中已支出4,316.80万元,支出率76.00%")
        spent_part = [f for f in near if f.id in listed and _BARE_SPENT.fullmatch(clean_label(f.label))]
        near = [f for f in near if f.id not in listed or f in spent_part]
        # ("…;剔除12月下达的中央资金380.00万元后,可执行指标2480.00万元,已用指标2,394.56万元,执行率96.55%": what
        # is taken away is no numerator or base of the rate said of what is left)
        # (nor is money still missing: "…县级配套资金尚差160.00万元),到位率88.57%(计划1,400.00万元)")
        deducted, short = r.vocab.cue("deduction"), r.vocab.cue("shortfall_label")
        near = [f for f in near if not deducted.match(clean_label(f.label)) and not short.search(clean_label(f.label))]
        far = [f for f in far if not deducted.match(clean_label(f.label)) and not short.search(clean_label(f.label))]

        # ("108至110年度分别编列1,200万元、1,350万元、1,420万元…。同期实际拨付1,168万元、1,302万元、1,395万元,合计3,865万元,
        # 执行率97.4%": a rate after a run of the years' figures is of their totals, never of one year's figure against
        # another's — the years' members are no numerator nor base)
        series = _years_series(r, fact, near)
        if series:
            near = [f for f in near if f.id not in series]
            far = [f for f in far if f.id not in series]
        # (the subject of a 完成率, when its words do not name one: "收入完成…,完成年初预算的98.21%")
        subject_flow = flow or (r.vocab.flow(fact.concept or "") if info.rate == "完成率" else None)
        if subject_flow is None and spec["subject_of_amounts"]:
            subject_flow = _amounts_flow(r, near)
        if used_bare:
            near = [f for f in near if not _said_bare(clean_label(f.label), used_bare)]
            far = [f for f in far if not _said_bare(clean_label(f.label), used_bare)]
        nums, dens, others = _classify(r, near, spec, subject_flow)
        if own and any(f in own for f in nums) and any(f in own for f in dens):
            # ("共支出4,612万元(含…),本年预算执行率93.91%(本年预算4,500万元,本年预算资金支出4,226万元)": a bracket
            # after the rate giving both its figures gives them)
            nums, dens, others = [f for f in nums if f in own], [f for f in dens if f in own], [f for f in others if f in own]
        # ("年初预算8000万元,2022年同期实收7200万元,本年执行率为97.5%": an amount of the year before, or of the
        # same period then, is no numerator of a rate on this year's budget)
        if dens and not any(_earlier(r, d) for d in dens) and any(_earlier(r, n) for n in nums):
            nums = [n for n in nums if not _earlier(r, n)]
        via: tuple[str, ...] = ()
        if not (nums and (dens or others)) and far:
            before = _classify(r, far, spec, subject_flow)  # the figures before the list
            if nums and all(f in spent_part for f in nums) and (before[1] or before[2]):
                # ("已下达5,680万元,已拨付5,120万元,其中已支出4,316.80万元,支出率76.00%": what the list says was spent,
                # of a base before it — the numerators before it are the list's total, no base)
                dens, others = before[1], [*before[2], *before[0]]  # (the list's total: a base its bracket may name)
                via = ("its base before the list",)
            elif _said_of_part_before(r, fact, after_list, listed):
                # ("累计支出498.37亿元,其中民生支出402.16亿元,为年度预算的78.6%": the rate said as what the list's part right
                # before it is of the budget is that part's, of its own budget — not the total's before the list)
                nums, dens, others = [], [], []
                via = (PART_BEFORE,)
            else:
                nums, dens, others = before
                via = ("amounts before the list",)
        if info.rate == "执行率" and not nums and not dens and len(others) == 1 and near and others[0] is near[0]:
            # "因公出国(境)费8657.78万元,预算执行比例为90.13%": the one amount of its clause, named by no
            # scenario, is what was executed (its budget is looked for in the document)
            nums, others = others, []
            via = (*via, "the amount its clause states")
        elif info.rate == "完成率" and base in _BUDGETS and not nums and len(dens) + len(others) == 1 and near \
                and (dens or others)[0] is near[-1] and near[-1].scenario is None and not via \
                and _DONE_GAP.fullmatch(r.norm.text, near[-1].span.end, fact.span.start):
            # "(1)收入总计10855万元,完成调整预算的109.9%": a completion naming the budget it completes, right after the one
            # amount of its clause, named by no scenario, is of that amount — what was done (money coming in, 收入, is
            # no base of it: the base it names is a budget, looked for in the document)
            nums, dens, others = [near[-1]], [], []
            via = (*via, DONE_IN_CLAUSE)
        nums, dens, others = _bracketed_bases_of_others(r, fact, nums, dens, others)
        if not nums and len(dens) == 1:
            done = _budget_in_own_bracket(r, s.index, info.text, dens[0], others)
            if done is not None:
                # ("公务用车运行维护费12.71万元(预算14.00万元),完成预算的90.79%": the amount whose bracket states its budget
                # is what was done of it)
                nums, others = [done], [f for f in others if f is not done]
                via = (*via, "the amount whose bracket states its budget")
        nums, dens, others = _added_to_numerator(r, nums, dens, others)
        if reason == "rate_in_sentence" and not nums and not others and len(dens) == 1 and not own and not via:
            done = _numerator_before(r, s.index, dens[0], spec, subject_flow, total_of)
            if done is not None:
                # ("…2023年到位5,706.00万元。2023年度计划到位6,340.00万元,年度到位率90.00%": its base in its sentence, what
                # was done that year the last amount of the sentence before)
                nums, reason = [done], "rate_numerator_before"
        if reason == "rate_in_sentence" and len(nums) == 1 and not dens and not others and not own and not via:
            whole = _base_named_whole_before(r, s.index, nums[0])
            if whole is not None:
                # ("本级已到位1,000万元。已到位资金中,实际使用资金850万元,使用率85%": the sentence opens on the money it is
                # of, 已到位资金中 — the amount named so in the sentence right before is its base)
                dens, reason = [whole], "rate_base_named_whole_before"
        computed_on = next((f for f in near if _COMPUTED_ON.match(clean_label(f.label))
                            and _COMPUTED_AFTER.match(r.norm.text, f.span.end)), None)
        if computed_on is not None and not any(f is not computed_on for f in nums):
            # ("全年实际支出651.05万元…;按本年可用资金653.62万元计算,执行率为99.61%": the base the clause names, of
            # what its sentence says was spent)
            spent = [f for f in _classify(r, _sentence_amounts(r, s.index), spec, subject_flow)[0] if f is not computed_on]
            nums, dens, others = spent[:1], [computed_on], []
            via = (*via, "the base it is computed on")
        said = _base_said_after(r, fact, [*nums, *dens, *others])
        if said is not None:
            # ("已拨付7,954.80万元,已使用6,760.58万元,资金使用率84.99%(按已拨付资金计算)": the bracket names its base)
            nums, dens, others = [f for f in nums if f is not said], [said], [f for f in others if f is not said]
            via = (*via, "the base its bracket names")
        if reason in ("rate_after_its_amounts", "rate_of_named_part") \
                and not (len(nums) == 1 and len(_of_named_budget(dens, base)) == 1):
            # which of the sentence before's amounts the rate is of is open: none is
            reason, nums, dens, others = "rate_in_sentence", [], [], []
        summed: tuple[tuple[Fact, Fact], ...] = ()
        combined = r.vocab.cue("combined_rate").search(clean_label(info.text or fact.label))
        if combined is not None:
            # ("基本支出预算3860.20万元、执行3791.55万元,项目支出预算2145.80万元、执行1856.37万元,…,合计执行率94.04%": a
            # rate named as the items' together is of their summed amounts, never of one item's — nor, its sentence
            # stating none, of the rates of the items said right before it)
            summed, nums, dens, others = _combined(r, combined.group(), nums, dens, others, base, spec["unnamed_base"])
            if not summed and not (nums or dens or others):
                summed = _items_before(r, fact, info.rate, combined.group(), read_rates, parts_of, total_of)
            if not summed and not (nums or dens or others):
                totals = _list_totals_before(r, fact, parts_of, total_of, spec, subject_flow)
                if totals is not None:
                    # ("全年预算数914.5万元(当年财政拨款850万元,上年结转资金64.5万元),全年执行数901.75万元,其中…执行率98.5%;…。
                    # 项目总体执行率98.61%": the items' summed amounts stated, the totals their lists hang from)
                    nums, dens, others = [totals[0]], [totals[1]], []
                    reason, via = "rate_after_its_amounts", (*via, "the totals of the lists in the sentence before")
            if summed:
                reason = "rate_of_summed_items"
        if used_bare and not summed and not nums and _of_the_whole(clean_label(info.text or fact.label), info.rate):
            funds = _funds_used_bare(r, s.index, used_bare)
            if funds and r.vocab.cue("rate_as_of").search(r.norm.text, max(p.span.end for pair in funds for p in pair),
                                                           fact.span.start):
                # (not a rate dated after the funds' amounts — "…使用300万元。截至2024年3月底,项目资金使用率达到95%" after
                # the funds' 到位 and 使用 at 12月31日: the rate of a later day, of amounts the text does not state)
                funds = ()
            if funds:
                # ("中央资金到位500万元,使用400万元;省级资金到位100万元,使用100万元;项目资金使用率83.33%": the project's rate, of the
                # funds' summed 使用 over their summed 到位 — or one fund's own, the other reading the check keeps)
                summed, nums, dens, others = funds, [], [], []
                reason, via = "rate_of_funds_used_together", (*via, "each fund's 到位 and bare 使用 before it")
        pairs = tuple(p for p in sentence_pairs(nums, dens, others, base, spec["unnamed_base"])
                      if not _other_sources(*p) and not _said_again(r, *p))
        local_pairs = tuple((a, b) for a in [*nums, *others] for b in [*dens, *others] if a is not b)
        included: tuple[Fact, ...] = ()
        named = r.vocab.cue("rate_includes").search(clean_label(info.text or fact.label))
        if named is not None:
            # ("实际执行543,210千元,另保留98,765千元…,执行率(含保留)94.56%": of what was spent and the amount it says it
            # includes; that amount not found in its sentence, which amounts the rate is of is open: none is)
            # (among the amounts before it too: "结转下年96.50万元" is no numerator nor base, and sorted into neither)
            classified = [*nums, *dens, *others]
            added = _included(named.group("named"), [*classified, *(f for f in near if f not in classified)])
            if added is not None and len(pairs) == 1 and added not in pairs[0]:
                included, others = (added,), [f for f in others if f is not added]
                via = (*via, "its numerator with the amount it says it includes")
            elif added is not None and not pairs and not dens and len(nums) == 1 and added is not nums[0]:
                # ("项目实际支出382.40万元,结转下年96.50万元,执行率(含结转)95.78%": what was spent and what it includes, its
                # base stated elsewhere — the document layer looks it up, as for any rate whose sentence states none)
                included, others = (added,), [f for f in others if f is not added]
                via = (*via, "its numerator with the amount it says it includes")
            else:
                nums, pairs = [], ()
            local_pairs = ()
        if summed:
            local_pairs = ()
        if reason == "rate_in_sentence" and not own and not summed and not included and said is None \
                and computed_on is None and via in ((), ("amounts before the list",)):
            read = _parts_before(r, s.index, after_list, before_list, total_of, spec, subject_flow)
            if read is not None:
                # ("全年预算1240万元,其中当年财政拨款1100万元;执行1186.2万元,其中当年财政拨款执行1046.2万元,执行率95.11%":
                # the rate right after a part is that part's, of its budget's part — or the totals': either may be meant)
                first, rest = read
                local_pairs = tuple(p for p in dict.fromkeys((*rest, *pairs, *local_pairs)) if p != first)
                pairs = (first,)
                nums, dens = [first[0]], [first[1]]
                others = [f for f in others if f not in first]
                of_part = total_of.get(first[0].id) is rest[0][0]  # (one part: the totals are the other reading)
                via = ("the list's part right before it, of the budget's part named alike",) if of_part \
                    else ("the totals of the lists of the parts right before it",)
        if subject is not None and reason != "rate_of_named_part" and not nums and not pairs and not summed:
            via = (*via, SUBJECT_UNFOUND)  # (a list's part's rate, that part's amounts not found: no other's, undecided)
        spent = None
        if spec["base_spent_plus_numerator"] and reason == "rate_in_sentence" and not pairs and not summed \
                and not included and not dens and len(nums) == 1 and combined is None:
            # (not a rate named as the items' together: "资金平均节约率达17.1%" may be the mean of the purchases' rates)
            spent = _spent_of_saving(r, nums[0], others)
            if spent is not None and not named_spent_of_saving(r, spent):
                spent, via = None, (*via, SPENT_UNNAMED)  # ("完成投资500万元,节约资金50万元,节约率9%": of what, unsaid)
            if spent is not None:
                # ("实现政府采购额14007万元,…,节约资金1668万元,资金节约率10.64%": the budget, unstated, was what was spent
                # and what was saved — 1668 / (14007 + 1668))
                reason = "rate_over_spent_and_saved"
        if info.rate == "完成率" and r.vocab.cue("said_of_budget").search(clean_label(fact.label)):
            via = (*via, SAID_OF_BUDGET)
        made = Rate.model_construct(
            rate=fact, name=info.rate, base=base,
            numerators=tuple(nums), denominators=tuple(dens), others=tuple(others),
            pairs=pairs, local_pairs=local_pairs, included=included, summed=summed,
            document_pairs=(), value_pairs=(), excess=None, spent=spent,
            reason=reason, via=via, rejected=(),
        )
        read_rates.append(made)
        yield Candidate(made)


def _said_of_part_before(r: Reading, rate: Fact, amounts: list[Fact], listed: set[int]) -> bool:
    """A completion said with 为 (为年度预算的, 为预算的) right after an amount of a list's part, nothing but words between."""
    if not clean_label(rate.label).startswith("为"):
        return False
    before = [f for f in amounts if f.span.end <= rate.span.start]
    return bool(before) and before[-1].id in listed \
        and _DONE_GAP.fullmatch(r.norm.text, before[-1].span.end, rate.span.start) is not None


def _spent_of_saving(r: Reading, saved: Fact, others: list[Fact]) -> Fact | None:
    """The amount spent a saving's rate is of, with the saving (节约率 with no budget in its sentence): the one amount of
    its sentence before the saving, of its unit, of this period (not 比去年同期2213万元: what it is compared with) and no
    change — none, or two, and the budget is left to the document (one not named as spent: see named_spent_of_saving)."""
    compared = r.vocab.cue("compared_prefix")
    found = [f for f in others if f.kind == "amount" and f.unit == saved.unit and f.span.end <= saved.span.start
             and f.sentence == saved.sentence and not f.approximate and f.scenario in (None, "actual")
             and f.concept not in CHANGE_CONCEPTS and not _earlier(r, f) and not compared.match(clean_label(f.label))]
    return found[0] if len(found) == 1 and found[0].value > 0 else None


def named_spent_of_saving(r: Reading, spent: Fact) -> bool:
    """The amount a saving's rate would be over with the saving is named as spent (cue spent_of_saving: 采购, 成交, 合同,
    中标, 实际支出, 结算): "实现政府采购额14007万元" is; "完成投资500万元", "送审金额500万元" are not — what the saving is
    of is then not said, and the rate is not read (SPENT_UNNAMED), over that amount neither with the saving nor alone."""
    return bool(r.vocab.cue("spent_of_saving").search(clean_label(spent.label)))


_SERIES_JOIN = lazyre.compile(r"\s*、\s*")


def _years_series(r: Reading, rate: Fact, amounts: list[Fact]) -> set[int]:
    """The ids of the amounts of a run joined by 、 (two or more, in the rate's sentence) after a span of years named in
    it or in the line before (cue years_series: "108至110年度", "2021—2023年"): each a year's figure, the run one per year."""
    text = r.norm.text
    line = text.rfind("\n", 0, rate.span.start)
    opened = text.rfind("\n", 0, line) + 1 if line >= 0 else 0
    if not r.vocab.cue("years_series").search(text, opened, rate.span.start):
        return set()
    ordered = sorted((f for f in amounts if f.span.start < rate.span.start), key=lambda f: f.span.start)
    out: set[int] = set()
    for a, b in zip(ordered, ordered[1:]):
        if a.unit == b.unit and _SERIES_JOIN.fullmatch(text, a.span.end, b.span.start):
            out |= {a.id, b.id}
    return out


_TOTAL_WORD = lazyre.compile(r"合计|总计|共计|总额|总数|小计")


def _items_counted(cue: str) -> int | None:
    """The number of items a combined rate's name counts ("两项合计" → 2), or None."""
    if not cue.endswith("项"):
        return None
    word = cue[:-1]
    return int(word) if word.isdigit() else _NUMERALS.get(word)


def _combined(r: Reading, cue: str, nums: list[Fact], dens: list[Fact], others: list[Fact], base: str | None,
              unnamed_base: bool):
    """A rate named as the items' together (cue combined_rate), with the amounts before it: (summed, nums, dens,
    others). One numerator is the total's own, with its bases ("三项合计预算8654.15万元,执行8201.74万元,合计执行率
    94.77%"), and so are those labelled a total among the items'; else as many numerators as bases, one each an
    item's, are summed; else the rate is of no one item's amounts: none is kept."""
    bases = dens or (others if unnamed_base and not base else [])
    if len(nums) < 2:
        # (one amount done: the subject's own, beside its budgets — "全年预算合计491.92万元,实际到位488.80万元,实际支出
        # 450.88万元,总体支出率92.24%")
        return (), nums, dens, others
    named = [f for f in (*nums, *bases) if _TOTAL_WORD.search(clean_label(f.label))]
    if any(f in nums for f in named) and any(f in bases for f in named):
        return (), [f for f in nums if f in named], [f for f in dens if f in named], [f for f in others if f in named]
    counted = _items_counted(cue)
    nums, bases = sorted(nums, key=lambda f: f.span.start), sorted(bases, key=lambda f: f.span.start)
    if len(nums) == len(bases) and (counted is None or counted == len(nums)) and not named \
            and len({f.unit for f in (*nums, *bases)}) == 1:
        return tuple(zip(nums, bases)), [], [], []
    return (), [], [], []


def _items_before(r: Reading, rate: Fact, name: str, cue: str, done: list[Rate],
                  parts_of: dict[int, set[int]], total_of: dict[int, Fact]) -> tuple[tuple[Fact, Fact], ...]:
    """The (numerator, base) of the items whose rates of the same name stand right before a combined rate that states
    no amount: in its sentence, else in the sentence right before in its paragraph ("…执行率98.22%;…执行率86.51%;合计
    执行率94.04%", "…支出进度76.3%;…支出进度58.5%。两项合计支出进度70.4%"). Each item's rate of one pair, no item's amounts
    a list's total or part (a total's own rate among its parts' is no item), as many as its name counts."""
    tree = r.tree
    items: list[Rate] = []
    for prior in reversed(done):
        f = prior.rate
        if tree[r.node_of(f)].paragraph != tree[r.node_of(rate)].paragraph or f.sentence < rate.sentence - 1:
            break
        if prior.name != name or prior.summed or len(prior.pairs) != 1:
            break
        items.append(prior)
    if len({f.sentence for f in (rate, *(p.rate for p in items))}) > 2 \
            or any(p.rate.sentence != items[0].rate.sentence for p in items):
        return ()
    counted = _items_counted(cue)
    pairs = [p.pairs[0] for p in reversed(items)]
    facts = [f for pair in pairs for f in pair]
    if len(pairs) < 2 or (counted is not None and counted != len(pairs)) or len({f.id for f in facts}) != len(facts) \
            or len({f.unit for f in facts}) != 1 or any(f.id in parts_of or f.id in total_of for f in facts):
        return ()
    return tuple(pairs)


def _list_totals_before(r: Reading, rate: Fact, parts_of: dict[int, set[int]], total_of: dict[int, Fact], spec,
                        flow: str | None) -> tuple[Fact, Fact] | None:
    """A combined rate (总体执行率) that states no amount, after a sentence of its paragraph that gives the items in lists:
    the (numerator, base) among that sentence's amounts that are a list's total and no list's part — one done, one its
    base, of one unit — if exactly so; else None."""
    tree = r.tree
    k = r.node_of(rate)
    first = tree.unit("sentence", k).start
    # (the sentence before in its paragraph, or — the rate's sentence opening its paragraph — the last of the line
    # right above: "…全年执行数901.75万元,其中…。⏎ 项目总体执行率98.61%")
    if first == 0 or (tree[first - 1].paragraph != tree[k].paragraph
                      and r.norm.line_col(r.facts[k].span.start)[0] - 1 != r.norm.line_col(tree[first - 1].start)[0]):
        return None
    amounts = [f for j in tree.unit("sentence", first - 1)
               if (f := r.facts[j]) is not None and f.kind == "amount" and f.id not in total_of]
    totals = [f for f in amounts if f.id in parts_of]  # (of them, the lists' totals)
    if len(totals) != 2 or len(amounts) != 2 or totals[0].unit != totals[1].unit:
        return None
    if another_item(r, rate, amounts):
        return None
    nums, dens, others = _classify(r, totals, spec, flow)
    return (nums[0], dens[0]) if len(nums) == 1 and len(dens) == 1 and not others else None


def _included(name: str, amounts: list[Fact]) -> Fact | None:
    """The one amount of a rate's sentence its name says the numerator includes ("保留" → "另保留98,765千元")."""
    found = [f for f in amounts if name in clean_label(f.label)]
    return found[0] if len(found) == 1 else None


def _added_to_numerator(r: Reading, nums: list[Fact], dens: list[Fact], others: list[Fact]):
    """"另保留數218,640千元,決算數加計保留數合計2,731,127千元,執行率95.95%", "決算數加計保留數218,640千元後合計2,731,127千元,
    執行率95.95%": a 合计 that says what it adds holds that amount, and an amount said added is a part of the 合计 after it
    (cue numerator_added) — the 合计 is the numerator, the amount added no base (its base is the budget, stated or not)."""
    cue = r.vocab.cue("numerator_added")
    amounts = sorted({f.id: f for f in (*nums, *dens, *others)}.values(), key=lambda f: f.span.start)
    added: set[int] = set()
    sums: list[Fact] = []
    bases: list[Fact] = []  # (a 合计 of the budget and an amount added to it: the base)
    unclear: list[Fact] = []  # (a 合计 whose side no word names: neither)
    for f in amounts:
        label = clean_label(f.label)
        m = cue.search(label)
        if m is None:
            continue
        side = _added_side(r, label[:m.start()], m.group("named"))
        if m.group("sum"):
            inside = [g for g in amounts if g is not f and m.group("named") in clean_label(g.label)]
            if inside:
                added |= {g.id for g in inside}
                {"done": sums, "base": bases}.get(side, unclear).append(f)
            continue
        total = next((g for g in amounts if g.span.start > f.span.start and g.unit == f.unit
                      and _SUM_AFTER.search(clean_label(g.label))), None)
        if total is not None:
            added.add(f.id)
            {"done": sums, "base": bases}.get(side, unclear).append(total)
    if not added:
        return nums, dens, others
    taken = added | {f.id for f in (*sums, *bases, *unclear)}
    if bases:  # (the budget before its enlarged 合计 is a part of it: "原预算数45,200千元,预算数加计追加…后合计52,000千元")
        taken |= {d.id for d in dens if d.span.start < max(b.span.start for b in bases)}
    return ([*dict.fromkeys(sums), *(f for f in nums if f.id not in taken)],
            [*dict.fromkeys(bases), *(f for f in dens if f.id not in taken)], [f for f in others if f.id not in taken])


def _added_side(r: Reading, before: str, named: str) -> str | None:
    """Whether an amount said added ("…加计X…") is added to what was done ("done": the 合计 a numerator) or to the budget
    ("base": the 合计 the base), by the words before the cue, else by the name of what is added; None when neither says."""
    to_base, to_done = r.vocab.cue("added_to_base"), r.vocab.cue("added_to_done")
    for words in (before, named):
        base, done = bool(to_base.search(words)), bool(to_done.search(words))
        if base != done:
            return "base" if base else "done"
        if base:
            return None
    return None


# (the 合计 after an amount said added: "…合计2,731,127千元", "加计保留数2163万元后为90378万元" — its label the bare 后)
_SUM_AFTER = lazyre.compile(r"^(?:(?:后|之后|以后)?(?:合计|共计|总计)|(?:后|之后|以后)(?:为|是|达到?)?$)")


def _bracketed_bases_of_others(r: Reading, rate: Fact, nums: list[Fact], dens: list[Fact], others: list[Fact]):
    """"中央…资金支出21368万元(年度预算21560万元),省级衔接资金支出6245万元,支出进度98.2%": a budget in a bracket right after an
    amount is that amount's; a rate whose own clause states another amount (the last before it, in no bracket) is not
    of that budget — its own is not stated. Such bases are dropped, with the amounts they belong to."""
    candidates = [f for f in (*nums, *others) if f.span.end <= rate.span.start]
    if not candidates or not dens:
        return nums, dens, others
    last = max(candidates, key=lambda f: f.span.start)
    tree = r.tree
    owner_of = {}
    for d in dens:
        k = r.node_of(d)
        if k is not None and tree[k].depth > 0:
            j = tree.before_bracket(k)
            if j >= 0 and r.facts[j] is not None:
                owner_of[d.id] = r.facts[j]
    if not owner_of or r.node_of(last) is None or tree[r.node_of(last)].depth > 0:
        return nums, dens, others
    away = {d.id for d in dens if d.id in owner_of and owner_of[d.id].id != last.id
            and owner_of[d.id].span.start < last.span.start}
    if not away:
        return nums, dens, others
    owners = {owner_of[i].id for i in away}
    return ([f for f in nums if f.id not in owners], [d for d in dens if d.id not in away],
            [f for f in others if f.id not in owners and f.id not in away])


_SAID_AGAIN_IN = lazyre.compile(r"\s*\(\s*(?:折合|约合|合|即|相当于)?\s*$")


def _said_again(r: Reading, num: Fact, den: Fact) -> bool:
    """The base is the numerator said again in a bracket, in another unit ("执行7,516,600.00元(折合751.66万元)")."""
    first, second = (num, den) if num.span.start < den.span.start else (den, num)
    return bool(_SAID_AGAIN_IN.fullmatch(r.norm.text, first.span.end, second.span.start))


def _other_sources(num: Fact, den: Fact) -> bool:
    """The numerator and the base name different sources of money ("中央资金3,456.78万元已全部支出,省级资金支出
    1,102.30万元,支出进度为89.29%": the 省级 money's spending is no share of the 中央 money)."""
    a, b = FUNDING_SOURCE.search(clean_label(num.label)), FUNDING_SOURCE.search(clean_label(den.label))
    return a is not None and b is not None and a.group() != b.group()


def _earlier(r: Reading, f: Fact) -> bool:
    return r.is_previous(f) or bool(_EARLIER.search(clean_label(f.label)))


def sentence_pairs(nums: list[Fact], dens: list[Fact], others: list[Fact], base: str | None,
                   unnamed_base: bool) -> tuple[tuple[Fact, Fact], ...]:
    """The (numerator, base) pairs the sentence states: a base of the scenario the rate
    names, else any base; an amount of no scenario stands in for the base only where
    the rate allows it (节约率 does not: the amount spent is no base of a saving)."""
    if base:
        # (a rate of a budget — 完成年初预算的p% — is not of the money available or received: those
        # stand in for a budget only when the rate names none)
        # (nor of the other named budget: "年初预算为412.60万元,支出决算为468.37万元,完成调整预算的98.62%" is of an
        # adjusted budget its sentence does not state — found elsewhere, or left undecided)
        dens = [d for d in dens if d.scenario == base] \
            or [d for d in dens if (base not in _BUDGETS or not _AVAILABLE.search(d.label))
                and d.scenario != OTHER_NAMED_BUDGET.get(base)]
    pairs = [(n, d) for n in nums for d in dens if n is not d]
    if not pairs and nums and others and unnamed_base and not base:
        # (a rate that names its base — 完成年初预算的63.61% — is not of an amount named otherwise:
        # "全年可用收入合计…,全年实际可用资金…,完成年初预算的63.61%" leaves its budget unstated)
        pairs = [(n, d) for n in nums for d in others]
    return tuple(pairs)


def _groups(r: Reading, i: int, name: str | None = None, base: str | None = None) -> tuple[list[Fact], list[Fact]]:
    """Amounts before a rate in its sub-sentence: after the last opener, and before it.

    A previous rate closes the group: "…执行403.18万元,执行率94.08%,其中基本支出…,执行率98.84%" — but not one of
    the same name right before it, on another base its label names: "…支出决算为873.42万元,完成年初预算的102.75%,
    完成调整后预算的97.85%" are two rates of the same amounts (`name`, `base`: the rate's own).
    """
    tree = r.tree
    near: list[Fact] = []
    far: list[Fact] = []
    target = near
    run: list[Fact] = []  # the amounts since the last node that is no amount nor separator
    parallel: set[int] = set()
    inside, rest = r.vocab.cue("inclusion_bracket"), r.vocab.cue("rest_bracket")
    skipped: set[str] = set()
    for k in tree.before(i, "sub", limit=_LOOK_BACK):
        t = tree[k]
        if t.kind == "fenbie" and len(run) >= 2:
            # "中央、省级、县级资金分别到位500万元、180万元、96万元": each amount another subject's,
            # none the base of another (the rate after them is of their total, not stated)
            parallel.update(f.id for f in run)
        if t.kind not in {"labelled", "total", "sep"}:
            run = []
        if t.kind in OPENERS:
            target = far
            continue
        f = r.facts[k]
        if f is None or t.kind not in {"labelled", "total"}:
            continue
        if r.labels[k] is not None and r.labels[k].rate is not None:
            other_base = named_base(r, r.labels[k].text) if base and not near and not far else None
            if other_base and other_base != base and r.labels[k].rate == name:
                # (a rate of the same amounts on another base, right before this one: its base is none of ours —
                # "年初预算850.07万元,支出决算873.42万元,完成年初预算的102.75%,完成调整后预算的97.85%" states no
                # adjusted budget)
                skipped.add(other_base)
                continue
            break
        if f.kind == "amount" and not f.is_bound:
            if t.depth > tree[i].depth and _in_bracket_of_rate(r, k):
                continue  # ("执行率95.36%(全年预算…,执行…),任务完成率97.50%(计划…40个,完成39个)": the other rate's)
            if t.depth > tree[i].depth and (inside.search(r.norm.text, max(0, f.span.start - 44), f.span.start)
                                            or rest.search(r.norm.text, max(0, f.span.start - 44), f.span.start)):
                continue  # ("完成投资8.63亿元(不含征地拆迁费用1.18亿元)": a part of the figure before it, no base; "实际到位
                # 3496万元(其余184万元于次年拨付到位)": the rest of the money, beside it)
            target.append(f)
            run.append(f)
    if parallel:
        near, far = [f for f in near if f.id not in parallel], [f for f in far if f.id not in parallel]
    if skipped:
        near, far = [f for f in near if f.scenario not in skipped], [f for f in far if f.scenario not in skipped]
    return near, far


# a base named as what a rate is computed on: "按已拨付资金计算", "以到位资金为基数"
_BASIS_END = r"(?:计算|为基数|为分母|计)"
_COMPUTED_ON = lazyre.compile(r"按|以")
_COMPUTED_AFTER = lazyre.compile(r"\s*" + _BASIS_END)


def _sentence_amounts(r: Reading, i: int) -> list[Fact]:
    """The amounts before node i in its sentence, nearest first, outside brackets of inclusion."""
    tree, inside = r.tree, r.vocab.cue("inclusion_bracket")
    out = []
    for k in tree.before(i, "sentence", limit=_LOOK_BACK):
        f = r.facts[k]
        if f is not None and tree[k].kind in {"labelled", "total"} and f.kind == "amount" and not f.is_bound \
                and not inside.search(r.norm.text, max(0, f.span.start - 44), f.span.start):
            out.append(f)
    return out


_BASE_SAID = lazyre.compile(r"\s*\(\s*(?:按|以)([\u4e00-\u9fff]{1,12}?)(?:资金|金额|数)?" + _BASIS_END + r"\s*\)")


def _base_said_after(r: Reading, rate: Fact, amounts: list[Fact]) -> Fact | None:
    """The one amount of the rate's sentence a bracket after the rate names as its base ("(按已拨付资金计算)")."""
    m = _BASE_SAID.match(r.norm.text, rate.span.end)
    if m is None:
        return None
    named = [f for f in amounts if m.group(1) in clean_label(f.label)]
    return named[0] if len(named) == 1 else None


def _own_bracket(r: Reading, i: int) -> list[Fact]:
    """The amounts of the bracket right after the rate at node i, nearest the rate last (as _groups gives them)."""
    tree = r.tree
    k = i + 1
    if k >= len(tree) or tree[k].depth <= tree[i].depth or not tree[k].separator("("):
        return []
    found = []
    while k < len(tree) and tree[k].depth > tree[i].depth:
        f = r.facts[k]
        if f is not None and tree[k].kind in {"labelled", "total"}:
            if f.kind != "amount" or f.is_bound:
                return []  # (counts, or another rate: not a rate of money of its own)
            found.append(f)
        k += 1
    return found[::-1]


def _in_bracket_of_rate(r: Reading, k: int) -> bool:
    """The figure at node k stands in a bracket right after a rate ("执行率95.36%(全年预算3,560.00万元,…)")."""
    j = r.tree.before_bracket(k)
    fact = r.facts[j] if j >= 0 else None
    return fact is not None and fact.kind == "percent" and r.labels[j] is not None and r.labels[j].rate is not None


def _base_named_whole_before(r: Reading, i: int, num: Fact) -> Fact | None:
    """The base of a rate (node i) whose sentence opens on the money its numerator is of, "X(资金)中," ("已到位资金中,实际使用
    资金850万元,使用率85%"), the numerator the sentence's one amount: the one amount of the sentence right before, in
    its paragraph, whose words end with X ("本级已到位1,000万元"); else None."""
    tree = r.tree
    first = tree.unit("sentence", i).start
    if first == 0 or tree[first - 1].paragraph != tree[i].paragraph:
        return None
    m = _WHOLE_OF.match(r.norm.text, tree[first].start)
    if m is None or num.span.start < m.end():
        return None
    named = m.group("name")
    found = [f for k in tree.unit("sentence", first - 1) if (f := r.facts[k]) is not None and f.kind == "amount"
             and _FUNDS_END.sub("", clean_label(f.label)).endswith(named)]
    if len(found) != 1 or found[0].is_bound or found[0].unit != num.unit:
        return None
    return found[0]


_FUNDS_END = lazyre.compile(r"(?:资金|款项|经费|金额)$")
# a sentence opening on the money what follows is of: "已到位资金中," "已拨付资金中,"
_WHOLE_OF = lazyre.compile(r"\s*(?:在|从)?(?P<name>[\u4e00-\u9fff]{2,8}?)(?:的)?(?:资金|款项|经费)?(?:当)?中\s*[,，]")


def _numerator_before(r: Reading, i: int, base: Fact, spec, flow: str | None,
                      total_of: dict[int, Fact] | None = None) -> Fact | None:
    """The numerator of a rate (node i) whose sentence states its base alone: the last amount of the sentence right
    before, in its paragraph, when it is of the rate's numerator and both name the same year in their labels ("2023年
    到位5,706.00万元。2023年度计划到位6,340.00万元,年度到位率90.00%"); else None.
    Where that sentence is a list and its last amount a part named by no year of the base's, the list's total stated
    in it is what was done, when it names the year the base names or neither names one ("…实际到位2,736.00万元,其中
    中央资金…、县级配套316.00万元。⏎项目计划总投资3,040.00万元,资金到位率90.00%": 2,736 / 3,040) — the sentence may
    then be the last of the line right above, when the rate's sentence opens its own (a reading across lines: it
    warns)."""
    tree = r.tree
    first = tree.unit("sentence", i).start
    if first == 0:
        return None
    above = tree[first - 1].paragraph != tree[i].paragraph
    if above and (tree[first - 1].paragraph != tree[i].paragraph - 1 or not tree.opens_paragraph(first)):
        return None
    sentence = tree.unit("sentence", first - 1)
    last = next((r.facts[k] for k in sentence[::-1] if r.facts[k] is not None), None)
    if last is None or last.kind != "amount" or last.is_bound or last.unit != base.unit:
        return None
    years = [LABEL_YEAR.findall(clean_label(f.label)) for f in (last, base)]
    if len(years[0]) != 1 or years[0] != years[1]:
        total = (total_of or {}).get(last.id)
        if total is None or total.is_bound or total.unit != base.unit or total.period != base.period \
                or not any(r.facts[k] is total for k in sentence) \
                or LABEL_YEAR.findall(clean_label(total.label)) != years[1]:
            return None
        last = total
    elif above:
        return None  # (a part named by its year on the line above: the reading is left as it was, to its paragraph)
    nums, _, _ = _classify(r, [last], spec, flow)
    return last if nums else None


def _of_named_budget(dens: list[Fact], base: str | None) -> list[Fact]:
    """The bases of the budget a rate names (年初 / 调整), of those given; all of them when it names neither."""
    return [d for d in dens if d.scenario == base] if base in OTHER_NAMED_BUDGET else dens


# the period a rate's label names before its name ("2023年度", "1-6月", "上半年", "截至6月底"): no subject of it
_SUBJECT_PERIOD = lazyre.compile(r"(?:19|20)\d{2}年度?|\d{1,4}\s*[-~至—]?\s*\d{0,2}月(?:份|底|末)?|本年度?|全年|年度|当年|"
                                 r"本期|上半年|下半年|前?[一二三四1-4]季度|截[至止]|期末|年底|年末")


def _words_before_name(label: str, name: str) -> str:
    """The words a rate's label puts before its name (its last), the period they name aside: its subject, or ""."""
    at = label.rfind(name)
    return _SUBJECT_PERIOD.sub("", label[:at]).rstrip("的") if at > 0 else ""


def _part_named(rate: Fact, name: str) -> str:
    """The subject a rate's words name before its name, a list's lead (其中, 另) aside: "其中财政拨款执行率" → 财政拨款."""
    return _LIST_LEAD.sub("", _words_before_name(_listed_name(rate.label), name))


def _other_subject(r: Reading, rate: Fact, name: str, amounts: list[Fact]) -> bool:
    """The rate names a subject before its name that is no money (cue rate_money_subject) and none of the amounts'
    labels names: "全年预算数4680万元,执行4512.86万元。新植乔木完成率95.83%。" — the trees' rate, not the money's."""
    subject = _words_before_name(clean_label(rate.label), name)
    if len(subject) < 2 or r.vocab.cue("rate_money_subject").search(subject):
        return False
    return not any(subject in clean_label(f.label) for f in amounts)


def _sentence_before(r: Reading, i: int, base: str | None = None) -> list[Fact]:
    """The two amounts of the sentence right before node i's, in its paragraph — nearest first —
    when that sentence states exactly two and no rate or list of its own; or, for a rate that names its budget
    (`base`: 年初 / 调整), its amounts when just one is of that budget ("年初预算846.30万元,…调整预算为1,027.56万元,
    支出决算962.14万元。…完成调整预算的98.63%": the other budget is no base of it)."""
    tree = r.tree
    first = tree.unit("sentence", i).start
    if first == 0 or tree[first - 1].paragraph != tree[i].paragraph:
        return []
    amounts = []
    for k in tree.unit("sentence", first - 1):
        t, f = tree[k], r.facts[k]
        if t.kind in OPENERS or (r.labels[k] is not None and r.labels[k].rate is not None):
            return []
        if f is not None and t.kind in {"labelled", "total"} and f.kind == "amount" and not f.is_bound:
            amounts.append(f)
    if another_item(r, r.facts[i], amounts):
        return []
    if len(amounts) == 2 or (base in OTHER_NAMED_BUDGET and len(_of_named_budget(amounts, base)) == 1):
        return amounts[::-1]
    return []


# an item marker opening a line or a sentence ("(二)", "二、", "2."): the next item of a list, another subject
_ITEM_OPENING = lazyre.compile(r"(?m)(?:^|[。;])[ \t|]*(?:\([一二三四五六七八九十\d]{1,3}\)|[一二三四五六七八九十]{1,3}、|\d{1,2}[.、](?!\d))")


def another_item(r: Reading, rate: Fact | None, amounts: list[Fact]) -> bool:
    """Between the amounts of a sentence before and a rate that states none, a numbered item opens ("(一)电子商务进农村
    项目:…执行646万元…。⏎(二)外贸企业稳增长项目:…项目总体执行率为82.5%") or a heading names a project the amounts'
    sentence does not (cue project_heading): the rate is of that other item, its amounts not stated."""
    if rate is None or not amounts:
        return False
    text = r.norm.text
    last = max(f.span.end for f in amounts)
    if last >= rate.span.start:
        return False
    if _ITEM_OPENING.search(text, last, rate.span.start):
        return True
    heading = r.vocab.cue("project_heading").search(text, last, rate.span.start)
    if heading is None:
        return False
    opened = max(text.rfind("\n", 0, min(f.span.start for f in amounts)) + 1, 0)
    return heading.group("name") not in text[opened:last]


def another_project(text: str, vocab, rate: Fact, source: Fact) -> bool:
    """The line of a rate opens with a heading naming a project (cue project_heading: "(二)外贸企业稳增长项目:…项目总体
    执行率为82.5%") that the line of another figure (a rate it might restate) does not name: another project's rate."""
    opened = text.rfind("\n", 0, rate.span.start) + 1
    heading = vocab.cue("project_heading").search(text, opened, rate.span.start)
    if heading is None:
        return False
    start = text.rfind("\n", 0, source.span.start) + 1
    end = text.find("\n", source.span.end)
    return heading.group("name") not in text[start:end if end >= 0 else len(text)]


_LIST_LEAD = lazyre.compile(r"^(?:其中|另|其余)[,:]?")


def _listed_name(label: str) -> str:
    """A list part's name: its label cleaned, a list's lead (其中, 另, 其余) aside ("其中财政拨款" → 财政拨款)."""
    return _LIST_LEAD.sub("", clean_label(label))


def _parts_before(r: Reading, i: int, after_list: list[Fact], before_list: list[Fact], total_of: dict[int, Fact],
                  spec, flow: str | None) -> tuple[tuple[Fact, Fact], list[tuple[Fact, Fact]]] | None:
    """A rate (node i) right after the parts done of a list hanging from a total of its sub-sentence, each part's budget a
    part of a budget list named alike ("全年预算1240万元,其中当年财政拨款1100万元;执行1186.2万元,其中当年财政拨款执行
    1046.2万元,执行率95.11%"): the (numerator, base) read first — the one part's own, else the lists' totals — and the
    other pairs its words may be of (the totals', each part's with its budget's). None when a part has no such budget."""
    parts = [f for f in after_list if f.id in total_of]
    if not parts or len(parts) != len(after_list):
        return None
    totals = {total_of[f.id].id for f in parts}
    if len(totals) != 1 or not any(f.id in totals for f in before_list):
        return None
    if not all(_classify(r, [f], spec, flow)[0] for f in parts):
        return None
    pairs = []
    for part in parts[::-1]:  # (in the text's order)
        budget = _budget_part_of(r, i, part, total_of, spec, flow)
        if budget is None:
            return None
        pairs.append((part, budget))
    spent, budget_total = total_of[parts[0].id], total_of[pairs[0][1].id]
    if any(total_of[b.id] is not budget_total for _, b in pairs) or spent.unit != budget_total.unit:
        return None
    whole = (spent, budget_total)
    return (pairs[0], [whole]) if len(pairs) == 1 else (whole, pairs)


def _budget_part_of(r: Reading, i: int, part: Fact, total_of: dict[int, Fact], spec, flow: str | None) -> Fact | None:
    """The one part of a budget list before `part`, in the sentence of node i or the one right before in its paragraph,
    named as `part` is (the same concept, or its label and a scenario word after it: 当年财政拨款 → 当年财政拨款执行)."""
    tree = r.tree
    sentence = tree.unit("sentence", i)
    nodes = list(sentence)
    if sentence.start > 0 and tree[sentence.start - 1].paragraph == tree[i].paragraph:
        nodes = [*tree.unit("sentence", sentence.start - 1), *nodes]
    own = _listed_name(part.label)
    found = []
    for k in nodes:
        f = r.facts[k]
        if f is None or f.kind != "amount" or f.is_bound or f.id not in total_of or f.unit != part.unit \
                or f.span.start >= part.span.start or total_of[f.id] is total_of[part.id] or _other_sources(part, f):
            continue
        label = _listed_name(f.label)
        if not ((f.concept and f.concept == part.concept)
                or (len(label) >= 2 and own.startswith(label) and r.vocab.scenario_words.fullmatch(own[len(label):]))):
            continue
        if _classify(r, [f], spec, flow)[1] or (f.scenario is None and _classify(r, [total_of[f.id]], spec, flow)[1]):
            found.append(f)
    return found[0] if len(found) == 1 else None



# a subject a sentence opens with is read up to its first figure only ("其他资金主要为…收入,执行率85.32%")
_FIGURE = lazyre.compile(r"\d")


def part_subject(r: Reading, rate: Fact, name: str, part_names: set[str]) -> str | None:
    """The part of a list of the document (其他资金, 财政拨款, 上年结转 …) a rate's own words name: before its name
    ("其中财政拨款执行率" → 财政拨款), or, its name bare, as the words its sentence opens with before any figure
    ("其他资金主要为幼儿园保育费收入,执行率85.32%" → 其他资金). Such a rate is that part's, never the totals'."""
    subject = _part_named(rate, name)
    if subject:
        return subject if subject in part_names else None
    text = r.norm.text
    opened = text[sentence_start(text, rate.span.start):rate.span.start].strip()
    if _FIGURE.search(opened):
        return None
    opened = _listed_name(opened)
    found = [p for p in part_names if opened.startswith(p)]
    return max(found, key=len) if found else None


def _listed_parts(r: Reading, parts_of: dict[int, set[int]]) -> list[int]:
    """The node indices, in text order, of the amounts that are parts of the lists (`parts_of`), not bounds: where
    `_named_part_before` looks, found once a text."""
    listed = set().union(*parts_of.values()) if parts_of else set()
    return [k for k, f in enumerate(r.facts[:len(r.tree)])
            if f is not None and f.kind == "amount" and not f.is_bound and f.id in listed]


_WALK = 16  # (the parts a rate walks back over, named one by one, before it looks the subject up by name)


def _by_name(r: Reading, nodes: list[int], names: dict[int, str]) -> dict[str, list[int]]:
    """For each name a list's part is listed by (_listed_name; `names`: those read so far, by node), the places in
    `nodes` (_listed_parts) of the parts so named, in text order."""
    by_name: dict[str, list[int]] = {}
    for j, k in enumerate(nodes):
        found = names.get(k)
        if found is None:
            found = names[k] = _listed_name(r.facts[k].label)
        by_name.setdefault(found, []).append(j)
    return by_name


def _named_part_before(r: Reading, i: int, rate: Fact, name: str,
                       listed_parts: tuple[list[int], dict[int, str], dict],
                       subject: str | None = None) -> list[Fact]:
    """The two amounts of the nearest sentence before node i's that are parts of two lists there and named exactly as
    the subject the rate's words name before its name ("其中财政拨款执行率" → 财政拨款), or `subject` (part_subject):
    one of the budget, one done (nearest first) — none when that subject names fewer or more there, or a numbered item
    or another project's heading opens between.  (`listed_parts`: the lists' parts, `_listed_parts`, and their places
    by name, `_by_name`.)"""
    if subject is None:
        subject = _part_named(rate, name)
    if len(subject) < 2:
        return []
    tree = r.tree
    first = tree.unit("sentence", i).start
    nodes, names, kept = listed_parts

    def named_so(k: int) -> bool:
        found = names.get(k)
        if found is None:
            found = names[k] = _listed_name(r.facts[k].label)
        return found == subject

    named: list[Fact] = []
    # (the nearest sentence before naming the subject among its lists' parts: the one of the last such part before —
    # looked for among the parts only, each named once a text; past the nearest few (_WALK), among the parts of that
    # name only (_by_name, once a text): a walk back over every part to the text's start, where no part is so named,
    # was quadratic in long texts)
    last = bisect_left(nodes, first) - 1
    stop = max(-1, last - _WALK)
    while last > stop and not named_so(nodes[last]):
        last -= 1
    if last == stop >= 0:  # (none of the nearest so named: the last so named before them, if any)
        if "by_name" not in kept:
            kept["by_name"] = _by_name(r, nodes, names)
        places = kept["by_name"].get(subject, [])
        p = bisect_right(places, stop) - 1
        last = places[p] if p >= 0 else -1
    if last >= 0:
        sentence = tree.unit("sentence", nodes[last])
        named = [r.facts[k] for k in nodes[bisect_left(nodes, sentence.start):last + 1] if named_so(k)]
    if another_item(r, rate, named):
        return []
    budgets = [f for f in named if f.scenario in _BUDGETS]
    done = [f for f in named if f.scenario not in _BUDGETS and f.scenario is not None]
    if len(named) != 2 or len(budgets) != 1 or len(done) != 1 or budgets[0].unit != done[0].unit:
        return []
    return named[::-1]


def _classify(r: Reading, amounts: list[Fact], spec, flow: str | None = None) -> tuple[list[Fact], list[Fact], list[Fact]]:
    # money received ("全年收入决算428.56万元", "到位资金") is a base, whatever its scenario —
    # of a rate of spending: of a rate of income ("收入完成34264万元,完成年初预算的98.21%") the
    # income done is the numerator;
    # what is left (未支703万元, 结余, 未拨付) is never a rate's base or numerator
    remainder, received_cue = r.vocab.cue("remainder"), r.vocab.cue("received")
    done = r.vocab.cue("label_end_actual")
    done_label = _SPENT_FUNDS.search
    done_bare = r.vocab.cue("label_done_bare")
    # (… named so after the figure too: "尚有2.35亿元直达资金未分配,…(已分配14.45亿元,分配率86.01%)")
    left = r.vocab.cue("left_after_figure")
    # (… nor a difference named so, "完成43540万元,超收3960万元,完成预算的110.01%": the budget is 43540 − 3960)
    gap = r.vocab.cue("difference_named")
    amounts = [f for f in amounts if not remainder.search(f.label) and not left.match(r.norm.text, f.span.end)
               and not gap.search(clean_label(f.label))]
    # (a label that ends naming money spent is spending, whatever scenario word stands before: "本年预算资金支出4,226万元")
    scenario = {f.id: ("actual" if done_label(f.label) else None) or f.scenario or _ending_scenario(r, f.label)
                or ("actual" if spec["spent_unnamed"] and _BARE_SPENT.fullmatch(clean_label(f.label)) else None)
                or ("actual" if spec["done_unnamed"] and done_bare.fullmatch(clean_label(f.label)) else None)
                or ("actual" if _said_bare(clean_label(f.label), spec["done_words"]) else None)
                for f in amounts}
    received = [f for f in amounts if (received_cue.search(f.label) and "available" in spec["denominator"]
                                       and not (flow == "in" and scenario[f.id] in spec["numerator"])
                                       and not done.search(f.label))
                or any(w in f.label for w in spec["base_words"])]
    nums = [f for f in amounts if scenario[f.id] in spec["numerator"] and f not in received]
    dens = [f for f in amounts if (scenario[f.id] in spec["denominator"] or f in received) and f not in nums]
    # (a figure named only as last year's, "上年同期为361,580万元", is what a change compares with: no amount of the rate —
    # "累计完成…38.42亿元,上年同期为361,580万元,同比增长6.3%,完成年度预算的52.6%")
    last_year = r.vocab.cue("base_period_last_year")
    others = [f for f in amounts if f not in nums and f not in dens and not last_year.match(clean_label(f.label))]
    return nums, dens, others


def _budget_in_own_bracket(r: Reading, at: int, said: str, budget: Fact, others: list[Fact]) -> Fact | None:
    """The amount of no scenario right before a bracket that opens on the budget ("12.71万元(预算14.00万元)", cue
    own_budget_bracket): the amount of which that is the budget — what was done of it.  Not when the rate at node `at`
    is said of a group (cue rate_of_group: "两项合计完成预算的87.73%", "以上两项费用") nor when another amount of its
    sentence has a budget in a bracket too ("会议费3.20万元(预算5.00万元),培训费6.45万元(预算6.00万元),完成预算的
    87.73%": the rate may be of both; items set apart by ';' each have their own)."""
    cue = r.vocab.cue("own_budget_bracket")
    text = r.norm.text
    group = r.vocab.cue("rate_of_group")
    if group.search(said) or group.search(text, max(0, r.facts[at].span.start - 12), r.facts[at].span.start):
        return None
    start = r.facts[at].span.start
    clause = text.rfind(";", 0, start)  # (items of a list set apart by ';' each have their own rate)
    bracketed = [k for k in r.tree.before(at, "sentence") if (g := r.facts[k]) is not None and g.kind == "amount"
                 and g.span.start > clause and cue.match(text, g.span.end)]
    if len(bracketed) > 1:
        return None
    for f in others:
        if f.kind == "amount" and f.unit == budget.unit and f.span.end <= budget.span.start and f.scenario is None \
                and cue.fullmatch(r.norm.text, f.span.end, budget.span.start):
            return f
    return None


def _amounts_flow(r: Reading, amounts: list[Fact]) -> str | None:
    """The one flow, in or out, the amounts' labels name (those naming none aside): a rate's subject its name leaves
    unsaid."""
    flows = {r.vocab.flow(f.label) for f in amounts} - {None}
    return flows.pop() if len(flows) == 1 and flows != {"both"} else None


def _bare_done_before(r: Reading, i: int, words: tuple[str, ...]) -> int:
    """How many amounts said by the rate's own verb bare ("使用240万元") stand before the rate at node i in its paragraph,
    back to the rate before it."""
    return sum(1 for f in _back_to_the_rate_before(r, i) if f.kind == "amount" and _said_bare(clean_label(f.label), words))


def _back_to_the_rate_before(r: Reading, i: int) -> Iterator[Fact]:
    """The figures before node i in its paragraph, nearest first, back to the rate before it (not included)."""
    for k in r.tree.before(i, "paragraph", limit=_LOOK_BACK):
        f, info = r.facts[k], r.labels[k]
        if f is None:
            continue
        if f.kind == "percent" and info is not None and info.rate is not None:
            return
        yield f


def _of_the_whole(label: str, name: str) -> bool:
    """Is a rate named for the whole project, or named by nothing but its own name ("项目资金使用率", "项目整体资金使用率",
    "项目资金总体使用率", "资金使用率") — no one fund's ("县级配套资金使用率")?"""
    return label.endswith(name) and _WHOLE_WORDS.fullmatch(label[:-len(name)]) is not None


_WHOLE_WORDS = lazyre.compile(r"(?:本|该)?(?:项目|整体|总体|合计|总|全部|综合|资金)*")


def _funds_used_bare(r: Reading, i: int, words: tuple[str, ...]) -> tuple[tuple[Fact, Fact], ...]:
    """The funds' (used, received) pairs before the rate at node i in its paragraph, back to the rate before it: each
    fund's money received (到位, 下达, 拨付 …) right followed by what was used of it, said by the rate's verb bare
    ("省级专项资金到位300万元,使用240万元;市级配套资金到位200万元,使用200万元") — two funds or more, nothing else between,
    all of one unit; else none."""
    amounts: list[Fact] = []
    received = r.vocab.cue("received")
    for f in _back_to_the_rate_before(r, i):
        if f.kind == "amount":
            amounts.append(f)
        elif f.kind == "percent":
            return ()
    amounts.reverse()
    if len(amounts) < 4 or len(amounts) % 2 or len({f.unit for f in amounts}) != 1:
        return ()
    out = []
    for got, used in zip(amounts[::2], amounts[1::2]):
        if not received.search(clean_label(got.label)) or _said_bare(clean_label(got.label), words) \
                or not _said_bare(clean_label(used.label), words) or got.is_bound or used.is_bound:
            return ()
        out.append((used, got))
    return tuple(out)


def _said_bare(label: str, words: tuple[str, ...]) -> bool:
    """Is the label the rate's own verb said bare ("使用", "已使用", "共使用资金" of a 使用率)?"""
    if not words:
        return False
    m = _BARE_DONE.fullmatch(label)
    return m is not None and m.group("verb") in words


# a label naming only what was done: the verb, with what may stand around it
_BARE_DONE = lazyre.compile(r"(?:已|累计|共|合计|共计|总计|实际)?(?P<verb>[\u4e00-\u9fff]+?)(?:资金|金额|额)?(?:为|是)?")
_SPENT_FUNDS = lazyre.compile(r"(?:资金|经费)支出$")
_BARE_SPENT = lazyre.compile(r"(?:全年|本年|当年|年度)?(?:已|累计|共|合计|共计|总计)?支出")  # (of a rate of spending: what was spent, "合计支出", "全年支出" too)

# cues of rules/vocabulary.toml for a scenario only the end of a label names, for a rate's amounts
_ENDINGS = (("budget_adjusted", "label_end_adjusted"), ("budget", "label_end_budget"), ("actual", "label_end_actual"))


def _ending_scenario(r: Reading, label: str) -> str | None:
    """"收入计划34888万元" (budget), "收入完成34264万元" (actual), "收入调整为368000万元" (adjusted)."""
    return next((name for name, cue in _ENDINGS if r.vocab.cue(cue).search(label)), None)


def named_base(r: Reading, rate_label: str) -> str | None:
    """The base a rate's own label names: 年初预算执行率, 调整预算执行率, 资金到位…"""
    if r.vocab.cue("base_initial").search(rate_label):
        return "budget_initial"
    if r.vocab.cue("base_adjusted").search(rate_label):
        return "budget_adjusted"
    if r.vocab.cue("base_available").search(rate_label) and "到位率" not in rate_label:
        return "available"
    return None


_CLAUSE_MARK = lazyre.compile(r"[,;。]")


def _on_adjusted_base(r: Reading, fact: Fact) -> bool:
    """Its clause, or the one before, puts the rate on an adjusted base ("剔除质保金后执行率为100%", "…;剔除年底收回的
    统筹资金60.44万元后,执行率100%", "若计入待结算资金,执行率可达96.10%"): no rate of the figures written."""
    text = r.norm.text
    start = fact.span.start
    marks = [m.start() for m in _CLAUSE_MARK.finditer(text, max(0, start - 80), start)]
    if marks and text[marks[-1]] == "。":
        marks = marks[-1:]
    opened = marks[-2] + 1 if len(marks) >= 2 and text[marks[-1]] != "。" else (marks[-1] + 1 if marks else max(0, start - 80))
    return bool(r.vocab.cue("hypothetical_basis").search(text, opened, start))
