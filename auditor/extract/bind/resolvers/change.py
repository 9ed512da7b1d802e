"""较上年增加 d、增长 p%: a change, its subject, and the figures it compares.

    "支出100万元,比上年增加20万元,增长25%。"         → current 100, delta 20, growth 25 %
    "2019年…1262.92万元,2020年…1709.11万元,增加446.19万元" → previous and current by year
    "…收入382.17万元。较2020年度决算数减少157.86万元"  → the previous sentence's subject
    "收入276.06万元,…补助收入14.07万元,较上年增加42.19万元" → not the figure just before, smaller than
                                                       its increase: the sentence's first
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from auditor import lazyre
from auditor.extract.bind.candidate import Candidate
from auditor.extract.bind.lists import adds_up, adjustment_before, said_arrived
from auditor.extract.bind.resolvers import respective_changes
from auditor.extract.model import BUDGET_SCENARIOS, SPENT_SCENARIOS, Change, Fact, period_of, year_gap
from auditor.extract.readings import LABEL_YEAR, OPENERS, Reading, clean_label, part_start, said_before, words_before
from auditor.extract.vocabulary import LabelInfo, read_label

DIRECTIONS = {"increase": 1, "decrease": -1, "flat": 0}
GROWTHS = {"growth_up": 1, "growth_down": -1}
_LOOK_BACK = 200
RATES_IN_ORDER = "its rate the one of the 分别 rates after the changes in its place"


def resolve(r: Reading) -> Iterator[Candidate]:
    tree = r.tree
    consumed: set[int] = set()
    yield from respective_changes.resolve(r, consumed, other_basis, _other_base)  # (分别…分别: each subject's change, paired in order)
    # (分别由 a、b 调增至 c、d,分别增加 e、f: each subject's adjustment, in order)
    yield from respective_changes.respective_adjustments(r, consumed)
    # (subjects named alone, then 分别 their changes and rates: of the values their paragraph stated before)
    yield from respective_changes.named_subjects_changes(r, consumed, other_basis, _other_base)
    # (subjects each stated with its value in its own clause, then 分别 their changes and rates: in order)
    yield from respective_changes.listed_values_changes(r, consumed, other_basis, _other_base)
    # (subjects named before 分别 their values and 上年分别 last year's, then each named again with its change)
    yield from respective_changes.values_of_two_years_named_rates(r, consumed, other_basis)
    rate_of = respective_changes.rates_of_changes(r, consumed)  # (changes, then 分别 their rates: paired in order)
    consumed.update(rate_of.values())
    # (years, then 分别 their rates or changes: each on the year before)
    yield from respective_changes.year_series_rates(r, consumed, other_basis)
    last: tuple[int, str, Fact | None, str] | None = None  # the change before: node, subject, figure, reason
    for s in tree.of_kind(*DIRECTIONS, *GROWTHS):
        i = s.index
        if i in consumed:
            continue
        fact = r.facts[i]
        if s.kind in GROWTHS and (fact is None or fact.kind != "percent"):
            # ("岁入2098.01亿元,较上年度2044.18亿元,增幅2.63%": a growth rate no change amount comes with
            # is read here; one that does was consumed by that change, before it)
            continue
        direction = DIRECTIONS[s.kind] if s.kind in DIRECTIONS else GROWTHS[s.kind]
        delta = pct = None
        if fact is not None:
            if fact.kind == "percent":
                pct = None if other_basis(r, i) else fact  # "剔除留抵退税后同口径下降6.07%": not of these figures
                if i > 0 and tree[i - 1].kind == "words" and r.vocab.cue("average_rate").search(tree[i - 1].piece.label):
                    pct = None  # "由2019年的49.80亿元增加到2024年的57.86亿元,年均增长3.0%": a rate a year, not the whole
            elif fact.kind in {"amount", "count"}:
                delta = fact
        if i in rate_of and delta is not None:
            pct = None if other_basis(r, rate_of[i]) else r.facts[rate_of[i]]
        # a growth rate in the next clause of the same sentence completes it — past a bracket of other figures right
        # after the change ("比上年减少0.58万元(其中公务接待费0.55万元,比上年减少0.40万元),下降15.10%": the bracket is an
        # aside, the rate after it goes on with the change it is said of), never past the end of a bracket where the
        # change is a part's (that rate is of the clause the bracket is in)
        start = _aside_after(r, i) if i not in rate_of else i
        leaves_aside = None  # (asked once a change, when a node above its depth is met)
        for k in range(start + 1, min(start + 6, len(tree)) if i not in rate_of else 0):
            t = tree[k]
            if t.sentence != s.sentence:
                break
            if t.depth < s.depth:
                # ("减少0.58万元(其中:国内…减少0.40万元,外事…减少0.18万元),下降15.06%": a change in an aside of parts
                # leaves the rate after the bracket to the change before it)
                if leaves_aside is None:
                    leaves_aside = bool(_of_part_in_bracket(r, i) or _in_aside(r, s))
                if leaves_aside:
                    break
            g = r.facts[k]
            if t.kind in {"growth_up", "growth_down", "increase", "decrease"} and g is not None:
                t_dir = 1 if t.kind in {"growth_up", "increase"} else -1
                theirs, mine = _paired_reference(r, t.piece.keyword), _paired_reference(r, s.piece.keyword)
                compared_with = clean_label(tree[i - 1].piece.label) if i > 0 and tree[i - 1].kind == "labelled" \
                    and tree[i - 1].clause == s.clause else ""
                if not compared_with:
                    # ("…为414330.00万元,比年初人代会批准的预算增加25430.00万元": the words the keyword's own clause
                    # opens with, when they compare)
                    own = _COMPARED_CLAUSE.search(r.norm.text, max(0, s.start - 30), s.start)
                    compared_with = own.group().strip() if own else ""
                if not compared_with and i > 0 and tree[i - 1].kind == "words" and tree[i - 1].clause == s.clause \
                        and r.vocab.cue("compared_prefix").match(clean_label(tree[i - 1].piece.label)):
                    compared_with = clean_label(tree[i - 1].piece.label)  # ("比10月末增加215万元": a date with figures)
                if not mine and theirs and r.vocab.cue("compared_prefix").match(compared_with) \
                        and (_reference(r, compared_with, "") not in ("", theirs)
                             or r.vocab.cue("other_period_compared").search(compared_with)):
                    # "比预算430.0亿元增加8.6亿元,比上年增长6.4%", "比1-7月的265,947.3亿元增加38,571.3亿元,同比增长1.1%":
                    # the figure compared with says the first is against the budget or another period, the rate
                    # says it is against last year (a bare "下降8%" goes on with the comparison)
                    break
                before = r.norm.text[part_start(r.norm.text, s.start, "。\n"):s.start]
                if theirs == "previous" and _compares_with_other(r, compared_with + s.piece.keyword, t.piece.keyword,
                                                                 before):
                    break  # ("较上年末增加27.37亿元,同比增长10.0%", "比全国多1,436元,比上年增长5.6%": two comparisons)
                # (the words before a bare keyword say what it compares with: "比一季度末增加0.53亿元,比上年同期增长11.03%")
                if _other_base(r, compared_with + s.piece.keyword, t.piece.keyword, r.norm.text[s.end:t.start]):
                    break  # "比2022年增长11.6%,比2019年增加54.13亿元", "同比增长10.5%,环比增加8.45亿元": two comparisons
                if _other_years_compared(r, s.start, t):
                    break  # "2023年较2021年累计下降39.72%,较2022年减少6.36万元": each clause names its own year
                if theirs == "budget" and _AGAINST_INITIAL.search(t.piece.keyword) and _from_a_later_budget(r, i):
                    break  # ("由第一次調整後的61,480萬元調整為66,905萬元,調增5,425萬元,比年初預算增長27.93%": the change is
                    # against the budget adjusted once, the rate against the initial one — two comparisons)
                compared = mine == "budget" and not theirs and bool(
                    r.vocab.cue("compared_prefix").match(s.piece.keyword)
                    or _AGAINST_INITIAL_BUDGET.match(compared_with))  # ("较年初预算调减4,830万元,下降7.52%")
                if compared and r.vocab.cue("against_budget_word").search(s.piece.keyword):
                    # ("收入36.80亿元,比预算超收1.20亿元,增长9.2%", "比预算短收2.10亿元,下降12.4%": money over or short of
                    # the budget is said as such; the bare rate after it is the revenue's growth on last year, as revenue
                    # reports give it — a figure the text does not state, not a rate of the budget)
                    compared = False
                # (a bare rate after an adjustment by its two ends — "由362,000万元调整为416,000万元,调增54,000万元,增长18.3%" —
                # is no rate of the adjustment: adjustment reports give there the growth against last year's outturn)
                if theirs != mine and "budget" in (theirs, mine) and not compared:
                    # "调减86080万元,同比下降33.5%": against the plan, then against last year; a bare
                    # "下降9.7%" after "调减16000万元" does not say it is against the plan either
                    # (after "较年初预算数减少4万元" it goes on with that comparison)
                    break
                if g.kind == "percent" and pct is None and delta is not None and t_dir == direction:
                    if not _nothing_between(r, start, k):
                        break  # "增加76.4亿元,其中税收收入增长12.1%", "…,年均增长6.5%": another subject's rate
                    pct = None if other_basis(r, k) else g
                    consumed.add(k)
                elif (g.kind == "amount" and delta is None and pct is not None and t_dir == direction
                      and t.kind in {"increase", "decrease"} and all(tree[m].kind == "sep" for m in range(i + 1, k))):
                    delta = g  # "同比增长14.6%,增收4376万元": the amount the rate stands for
                    consumed.add(k)
                break
            if g is not None and t.kind == "labelled":
                if _bracketed_rate(r, i, k, g) and pct is None and delta is not None:
                    pct = None if other_basis(r, k) else g  # "增加53.83亿元(2.63%)": its rate, in a bracket
                    consumed.add(k)
                elif _about_rate_after(r, i, k, g) and pct is None and delta is not None:
                    pct = None if other_basis(r, k) else g  # "增加78,724,788元,約3.23%": its rate, about so much
                    consumed.add(k)
                break
        if delta is None and pct is None and direction != 0:
            continue  # (a flat change, "较上年无增减", states a change of nothing: the parts' changes count it)
        subject_label, current, previous, reason = _subject(r, i)
        if previous is not None and previous.kind == "count" and _OPENS_BRACKET_BEFORE.search(
                r.norm.text, max(0, previous.span.start - 10), previous.span.start):
            # "评为“优”的6个,较上年(16个部门中4个)增加2个": a part of a group — the group's size first, the figure
            # of the subject (the part) is the count drawn from it, the last one before the bracket closes
            previous = _part_of_group_in_bracket(r, previous)
        mean = r.vocab.cue("mean_a_year")
        if current is not None and mean.search(clean_label(current.label)) \
                and not mean.search(s.piece.keyword + (tree[i - 1].piece.label if i > 0 else "")):
            # ("…五年累计完成8413.8亿元,年均完成1682.8亿元,…。其中,2024年完成投资比2020年增加337.7亿元": a mean a year is
            # not the figure a change of one year's is of)
            current, subject_label = None, ""
        if delta is None and pct is not None and previous is not None \
                and _CHANGE_AT_END.search(clean_label(previous.label)):
            # "…申请财政奖补资金161.5万元,比上年财政奖补资金净增31.69万元,增长25.77%": the figure named as a change
            # is the change the rate is of, not last year's figure — unless the rate compares with
            # something else (then that figure is neither)
            delta, previous = (None, None) if _compares_otherwise(r, i, clean_label(previous.label)) \
                else (previous, None)
        if current is not None and previous is None and direction > 0 and delta is not None \
                and reason == "change_in_sentence" and current.unit == delta.unit and current.value < delta.value:
            # "财政拨款收入276.0605万元,…补助收入14.0723万元,较上年度决算数增加42.1949万元": the figure
            # just before is smaller than the increase, so it is not what grew; the sentence's first is
            subject = _first_in_sentence(r, i)
            if subject is not None and subject.unit == delta.unit and subject.value > delta.value:
                current, subject_label, reason = subject, subject.label, "change_of_sentence_subject"
        role_other = None
        if current is not None and previous is None and _reference(r, s.piece.keyword, "previous") == "previous" \
                and _names_another_role(r, current, i):
            # "全年完成固定资产投资92.4亿元,与年度计划100亿元相差7.6亿元,比上年增长5.8%,增加5.07亿元", "已完成投资3.60亿元,
            # …,剩余2.40亿元计划下半年完成,较上年同期多完成0.45亿元": a gap, a remainder, a target or a forecast (cue
            # figure_role_other) is not the figure the change is of when the sentence states the subject's own amount
            # before it — that one is; the figure so named stays a reading doubt tries (ALT024: "结转下年68.80万元,较上年
            # 增加12.30万元" may be of the carry-over)
            # (… or, the figure so named opening its sentence, the sentence right before's first amount: "…收入完成
            # 2104万元,完成年度目标的37.2%。距年度目标尚差3552万元,较上年同期增收310万元,增长17.3%")
            for subject in (_first_in_sentence(r, i), _sentence_subject(r, i)):
                if subject is not None and subject is not current and subject.unit == current.unit \
                        and not _names_another_role(r, subject, None, ("gap", "remainder", "target", "forecast")) \
                        and r.vocab.cue("figure_role_own").search(clean_label(subject.label)):
                    role_other, current, subject_label, reason = current, subject, subject.label, "change_of_own_amount"
                    break
        if current is not None and r.vocab.cue("against_budget_word").search(clean_label(current.label)) \
                and not r.vocab.cue("against_budget_word").search(s.piece.keyword) \
                and _reference(r, s.piece.keyword, "previous") == "previous":
            # "完成193,440.36万元,为预算的102.38%,超收4,488.17万元,比上年(195,242.11万元)下降0.92%": money over the
            # budget is no figure of the year a comparison with last year is of; the sentence's first is
            subject = _first_in_sentence(r, i)
            ok = subject is not None and subject.unit == current.unit and subject is not current \
                and subject is not previous \
                and not r.vocab.cue("against_budget_word").search(clean_label(subject.label))
            current, subject_label, reason = (subject, subject.label, "change_of_sentence_subject") if ok \
                else (None, "", reason)
            if previous is not None and (current is None or previous is current) and r.is_previous(previous) is False:
                previous = None  # ("實徵數X,超收Y,較上年度實徵數增加Z": X is this year's, no figure of last year)
        compared_words = _comparison_words(r, i) if current is None and last is not None else False
        if current is None and (not subject_label or compared_words) and last is not None \
                and _compares_again(r, last[0], i, compared_words):
            # "三公经费较上年决算减少1897.9万元,下降39.38%;较年初预算数减少1111.4万元,下降27.56%":
            # a second comparison with no subject of its own is of the first one's subject
            _, subject_label, current, reason = last
        if current is not None and previous is None \
                and _COMPARED_IN_BRACKET.search(r.norm.text, max(0, current.span.start - 40), current.span.start):
            # "资产总额较上年末(6,235.40万元)增加577.35万元,增长9.26%": the bracket holds what is compared with
            previous, current = current, None
        if current is not None:
            previous = _comparable_previous(r, i, current) or previous or _bracketed_last_year(r, i, current) \
                or _last_year_clause_after(r, i, current)
        based_names: dict[str, str] = {}
        based = _base_in_bracket_after(r, i, current if current is not None and not r.is_previous(current) else None)
        if based is not None:
            # "按自然口径计算下降9.2%(上年同期为137641亿元)", "环比下降14.9%(8月为31.42亿元)": the bracket right after the
            # change states the figure of the earlier period it names, of the change's own subject: its base
            current, previous = based
            subject_label, reason = current.label, "change_base_in_bracket"
            if r.vocab.cue("compared_month_before").search(s.piece.keyword):
                # (a 环比 is on the month the bracket names, not on last year: "本月 − 8月")
                based_names = {"current_name": "本月", "compared_name": clean_label(previous.label)}
        if previous is not None and delta is not None and _CHANGE_AT_END.search(clean_label(previous.label)) \
                and _COMPARED_OBJECT.match(clean_label(previous.label)):
            # ("…98,642元,较全国多9,284元,比上年增加6,456元": a gap to another reference, said as a change, is no
            # figure of last year)
            previous = None
        if previous is not None and "(" in r.norm.text[max(0, previous.span.start - 2):previous.span.start] \
                and _SEVERAL_IN_BRACKET.match(r.norm.text[previous.span.end:previous.span.end + 40]):
            # "分别为312.56万元、88.40万元,分别较上年(286.10万元、97.25万元)增长9.25%、下降9.10%": the bracket lists
            # each part's figure of last year, paired in order — not one figure this change compares with
            last = (i, subject_label, current, reason)
            continue
        if current is not None and previous is None and _budget_of_outturn_change(r, i, current):
            # "2023年年初预算:本年收入合计1980.00万元,…。决算与年初预算相比,收入增加176.80万元,增长8.93%": a change of the
            # outturn against the budget is measured from the budget the text states; the outturn is not in the sentence
            previous, current, reason = current, None, "change_from_stated_budget"
        if current is None and previous is not None:
            named = _year_and_kind_named(r, i, previous)
            if named is not None:
                # ("…实际支出18.46万元,2024年预算较2023年实际支出增加3.14万元": the subject named by its year and kind, its one
                # value stated elsewhere — the document layer looks it up, change_current)
                subject_label, reason = named, "change_of_unstated_figure"
        last = (i, subject_label, current, reason)
        if previous is not None and _other_scenario_compared(
                r.norm.text[part_start(r.norm.text, s.start):s.start] + s.piece.keyword, previous):
            previous = None  # ("上年执行数56739万元,比上年预算增长6.17%": compared with last year's budget, not that figure)
        if previous is not None and _not_the_budget_compared(r, s.piece.keyword, previous):
            previous = None  # ("…1,407.72万元,2022年为1,318.40万元,本年支出较年初预算增长4.20%": of the budget, not last year's)
        if previous is not None and r.is_previous(previous) \
                and r.vocab.cue("compared_month_before_said").search(said_before(r.tree, i) + s.piece.keyword):
            # ("8月当月…24.35亿元,上年同月为21.64亿元,比7月增长5.2%", "环比增长38.4%", "比上月下降4.3%": a growth on the
            # month before is never on the same month last year, nor on any figure of last year)
            previous = None
        if current is not None and previous is None and not current.is_bound:
            compared = _compared_year_and_kind(r, i, current)
            if compared is not None:
                # ("公务接待费预算4.20万元,较2023年实际支出增加0.56万元", 2023年 实际支出 stated in the section above: the one
                # figure of that year and kind, of the subject's concept and unit, stated before it — a look-up)
                previous, reason = compared, "change_against_named_figure"
        if previous is None or previous is _initial_after_history(r, i, s.piece.keyword, current):
            history = _initial_after_history(r, i, s.piece.keyword, current, with_end=True)
            if history is not None:
                # ("年初预算为52,300万元,第一次调整为61,480万元;本次由第一次调整后的61,480万元调整为66,905万元,调增5,425万元,
                # 比年初预算增长27.93%": the budget the adjustments arrive at against the initial one the sentence states)
                previous, current = history
                subject_label, reason = current.label, "change_against_initial_budget"
        # "约100万元" or a figure with a lost character is no base for exact arithmetic
        current = None if current is not None and current.is_bound else current
        previous = None if previous is not None and previous.is_bound else previous
        keyword = s.piece.keyword
        reference = _reference(r, keyword, "previous")
        if reference == "budget" and r.vocab.cue("compared_year_start").search(keyword) \
                and r.vocab.cue("closing_point_said").search(r.norm.text, max(0, s.start - 4), s.start):
            reference = "previous"  # ("年末比年初减少75.90万元": a stock at the year's end against its start, no budget)
        if reference == "budget" and current is not None and previous is not None \
                and _from_to(r, current, [current, previous]) is previous and _sole_change(r, i):
            # "由51.9亿元调整为111.65亿元,调增59.75亿元": an adjustment between the two figures the
            # sentence names, from the one to the other, is their difference as any change is — when it
            # is the sentence's one change ("共调增15000万元、调减5000万元,净增10000万元": gross amounts)
            reference, names = "previous", {"current_name": "调整后", "compared_name": "调整前"}
        elif reason == "change_against_initial_budget":
            reference, names = "previous", {"current_name": "调整后", "compared_name": "年初预算"}
        elif reason in ("change_against_budget", "change_from_stated_budget"):
            reference, names = "previous", {"current_name": "决算", "compared_name": "预算"}  # (the two figures' difference)
        else:
            names = based_names
        yield Candidate(Change.model_construct(
            direction=direction, delta=delta, percent=pct, current=current, previous=previous,
            role_other=role_other,
            subject_label=subject_label, reference=reference,
            direction_unstated=bool(r.vocab.cue("direction_unstated").search(keyword)),  # (增加(减少): a size only)
            keyword=r.norm.original[s.start:s.start + len(keyword)],  # (as written: "成長", not "成长")
            keyword_span=r.span(s.start, s.start + len(keyword)), reason=reason, via=(RATES_IN_ORDER,) if i in rate_of else (), rejected=(), **names,
        ))


_COMPARED_SCENARIO = lazyre.compile(r"(?:比|较|与)(?:上年度?|去年|上年同期)(?:的)?(年初预算|调整预算|预算|执行数|执行|决算数|决算)(?:数)?(?:增长|下降|增加|减少)?$")
_SCENARIO_FAMILIES = {"budget": {"budget", "budget_initial", "budget_adjusted"}, "actual": {"actual", "final"}}


_AGAINST_INITIAL = lazyre.compile(r"(?:比|较|与)年初")
_INITIAL_BUDGET_SAID = r"(?:比|较|与)年初(?:预算|批准的预算)数?"
_AGAINST_INITIAL_BUDGET = lazyre.compile(_INITIAL_BUDGET_SAID)
# (a second comparison after a comma: "…调减2,480万元,较年初预算调减…")
_SECOND_COMPARISON = lazyre.compile(r"[,，]\s*" + _INITIAL_BUDGET_SAID)


def _initial_after_history(r: Reading, i: int, keyword: str, current: Fact | None, with_end: bool = False):
    """A change at node i said against the initial budget (比年初预算, 较年初预算数) right after an adjustment from a budget
    not the initial one ("由第一次调整后的A1调整为B,调增C"): (the one figure its sentence states before as the initial
    budget, named 年初, and B). None when the sentence says otherwise (no such adjustment, or not one initial budget).
    Without `with_end`, the initial budget alone."""
    tree = r.tree
    said = keyword if _AGAINST_INITIAL_BUDGET.search(keyword) else None
    if said is None and i > 0 and tree[i - 1].kind == "words" and tree[i - 1].sentence == tree[i].sentence:
        said = tree[i - 1].piece.label if _AGAINST_INITIAL_BUDGET.search(clean_label(tree[i - 1].piece.label)) else None
    if said is None:
        return None
    figures = [k for k in tree.before(i, "sentence", limit=24) if r.facts[k] is not None]
    # the nearest adjustment written by its two ends, then its change right after the end
    for n, k in enumerate(figures[:-1]):
        to, frm = r.facts[k], r.facts[figures[n + 1]]
        if r.vocab.cue("from_figure").search(clean_label(frm.label)) and said_arrived(r, to):
            break
    else:
        return None
    if "年初" in clean_label(frm.label) or frm.scenario == "budget_initial":
        return None  # (from the initial budget itself: the change's own previous figure)
    initial = [r.facts[k] for k in figures[n + 2:] if r.facts[k].scenario == "budget_initial"
               and "年初" in clean_label(r.facts[k].label) and r.facts[k].unit == to.unit]
    if len(initial) != 1 or initial[0].is_bound or to.is_bound:
        return None
    return (initial[0], to) if with_end else initial[0]


def _from_a_later_budget(r: Reading, i: int) -> bool:
    """The two figures right before the change at node i are a change written by its two ends, from a budget not the
    initial one ("由第一次調整後的61,480萬元調整為66,905萬元": cues from_figure, to_figure; its label names no 年初)."""
    frm = adjustment_before(r, i)
    return frm is not None and "年初" not in clean_label(frm.label) and frm.scenario != "budget_initial"


def _other_scenario_compared(said: str, previous: Fact) -> bool:
    """The change names what it is compared with (比上年预算, 比上年执行数) and the figure taken as last year's is of the
    other kind (an execution against a budget named, or the reverse)."""
    m = _COMPARED_SCENARIO.search(said)
    if m is None or previous.scenario is None:
        return False
    named = "budget" if "预算" in m.group(1) else "actual"
    return previous.scenario not in _SCENARIO_FAMILIES[named] and any(
        previous.scenario in family for family in _SCENARIO_FAMILIES.values())


_YEAR_KIND_COMPARED = lazyre.compile(r"((?:19|20)\d{2})\s*年度?([^\d,;。]{1,8}?)(?:较|比|相较于?|与)\s*((?:19|20)\d{2})\s*年度?")


def _year_and_kind_named(r: Reading, i: int, previous: Fact) -> str | None:
    """The words of the change at node i name its subject by a later year and a kind of figure, and what it compares with
    by `previous`'s year ("2024年预算较2023年实际支出增加": "2024年预算"): those words, when they name no other subject
    than `previous`'s; else None."""
    m = _YEAR_KIND_COMPARED.match(said_before(r.tree, i).strip())
    if m is None or m.group(3) != previous.period or int(m.group(1)) <= int(m.group(3)):
        return None
    named = f"{m.group(1)}年{m.group(2)}"
    info = read_label(named, r.vocab)
    if info.scenario is None or info.concept not in (None, previous.concept):
        return None
    return named


# the words of a change that name what it compares with by an earlier year and a kind of figure ("较2023年实际支出增加",
# "较2023年执行数增长", "比2023年调整预算下降")
_COMPARED_YEAR_KIND = lazyre.compile(r"(?:较|比|相较于?|与)\s*((?:19|20)\d{2})\s*年度?([\u4e00-\u9fff]{1,8}?)(?:相比)?"
                                     r"(?:增长|下降|增加|减少|提高|降低|上升|增|减)?$")


def _compared_year_and_kind(r: Reading, i: int, current: Fact) -> Fact | None:
    """The change at node i names what it compares with by an earlier year than `current`'s and a kind of figure
    (预算, 年初预算, 调整预算, 执行数, 实际支出 …), its sentence stating no such figure: the one figure of that year and
    kind, of `current`'s concept and unit, stated before the change anywhere in the text; None when there is none, or
    several values."""
    m = _COMPARED_YEAR_KIND.search(said_before(r.tree, i) + r.tree[i].piece.keyword)
    if m is None or not current.concept or _listed_unchanged(r, current):
        return None
    year, kind = m.group(1), read_label(m.group(2), r.vocab)
    now = period_of(current, r.report_year)
    if kind.scenario is None or kind.concept is not None or not (now or "").isdigit() or int(year) >= int(now):
        return None  # (words naming a subject of their own, "较2023年项目支出", are the subject's, not a kind)
    kinds = _SCENARIO_FAMILIES.get(kind.scenario, {kind.scenario}) if kind.scenario in ("budget", "actual", "final") \
        else {kind.scenario}
    if kind.scenario == "final":
        kinds = _SCENARIO_FAMILIES["actual"]
    start = r.tree[i].start
    found = [f for f in r.facts_of_concept(current.concept) if f is not current and f.kind == "amount" and not f.is_bound
             and f.span.start < start and f.unit == current.unit
             and f.scenario in kinds and period_of(f, r.report_year) == year]
    if not found or any(abs(f.value - found[0].value) > f.tolerance + found[0].tolerance for f in found):
        return None
    return found[0]


def _listed_unchanged(r: Reading, current: Fact) -> bool:
    """`current` follows an amount of another subject in its sentence with no change said between them ("…预算安排7.50万元,
    其中公务用车运行维护费5.80万元,公务接待费1.70万元,比2023年预算减少0.50万元"): the change after it may be the list's
    whole's."""
    tree, k = r.tree, r.node_of(current)
    if k is None:
        return True
    for j in tree.before(k, "sentence", limit=_LOOK_BACK):
        if tree[j].kind in DIRECTIONS or tree[j].kind in GROWTHS:
            return False
        f = r.facts[j]
        if f is not None and tree[j].kind in {"labelled", "total"} and f.kind == "amount":
            return f.concept != current.concept  # (not the same subject's other year, "2023年…16.47万元,2024年…6.32万元")
    return False


def _not_the_budget_compared(r: Reading, keyword: str, previous: Fact) -> bool:
    """The change names this year's budget as what it compares with (cue compared_with_budget: 较年初预算, 比调整预算) and
    `previous` is a figure of an earlier year, or the other named budget: no base of it (the budget named is looked
    for elsewhere, or the change is left undecided)."""
    m = r.vocab.cue("compared_with_budget").search(keyword)
    if m is None or r.vocab.cue("reference_previous").search(keyword):
        return False
    other = "budget_adjusted" if m.group("initial") else "budget_initial" if m.group("adjusted") else None
    return r.is_previous(previous) or (other is not None and previous.scenario == other)


def _aside_after(r: Reading, i: int) -> int:
    """The node closing a bracket that opens right after the change at node i with the words that open its parts' changes
    (其中, 主要是: cue change_parts_marker) and holds figures of its own ("减少0.58万元(其中公务接待费0.55万元,比上年减少0.40万元)",
    "增加2.16万元(主要是物业管理费由10.80万元增至12.00万元)"): an aside, what follows it goes on with the change. Node i
    itself when there is none (nor for the change's own figures: "增加126.40万元(由2,318.60万元增至2,445.00万元)")."""
    tree = r.tree
    if i + 1 >= len(tree) or not tree[i + 1].separator("(") or tree[i + 1].depth <= tree[i].depth:
        return i
    end = next((m for m in range(i + 2, len(tree)) if tree[m].depth <= tree[i].depth), None)
    if end is None or tree[end].sentence != tree[i].sentence or not tree[end].separator(")"):
        return i
    if not _opens_aside(r, r.norm.text[tree[i + 1].end:tree[end].start]) \
            or not any(r.facts[m] is not None and r.facts[m].kind != "percent" for m in range(i + 2, end)):
        return i
    return end


def _in_aside(r: Reading, s) -> bool:
    """The change node `s` stands in a bracket that opens as an aside of its parts' changes (_opens_aside)."""
    text = r.norm.text
    opened = text.rfind("(", 0, s.start)
    if opened < 0 or text.rfind(")", opened, s.start) >= 0:
        return False
    return _opens_aside(r, text[opened + 1:s.start])


def _opens_aside(r: Reading, inside: str) -> bool:
    """A bracket's words open the parts' changes (其中, 主要是: cue change_parts_marker) or a part named before its own
    from/to ("(公务用车运行维护费由8.60万元减至7.20万元,…)"; not the change's own "(由2,318.60万元增至2,445.00万元)")."""
    inside = inside.lstrip()
    return bool(r.vocab.cue("change_parts_marker").match(inside) or _NAMED_FROM.match(inside))


_BARE_CHANGE = lazyre.compile(r"增加|减少|增长|下降|增收|减收|增支|减支")
_NAMED_FROM = lazyre.compile(r"[\u4e00-\u9fff()]{2,16}由\s*\d")


def _of_part_in_bracket(r: Reading, i: int) -> bool:
    """The change at node i stands in a bracket after an amount of its own ("(其中公务接待费0.55万元,比上年减少0.40万元)"):
    a part's change, not one of the figure the bracket is said of ("100万元(比上年增加10万元)")."""
    tree = r.tree
    for j in range(i - 1, -1, -1):
        if tree[j].depth < tree[i].depth or tree[j].sentence != tree[i].sentence:
            return False
        f = r.facts[j]
        if f is not None and tree[j].kind in {"labelled", "total"} and f.kind == "amount":
            return True
    return False


def _nothing_between(r: Reading, i: int, k: int) -> bool:
    """Only separators, or words that name no other subject or basis, stand between the change at
    node i and the rate at node k: "增加76.4亿元,增长9.8%" — not "…,其中税收收入增长12.1%",
    "…,年均增长6.5%", "…,可比增长6.2%", "…,剔除…影响后,同比增长2.1%"."""
    tree = r.tree
    for m in range(i + 1, k):
        node = tree[m]
        if node.is_separator:
            continue
        if node.kind == "words" and r.vocab.cue("change_rate_link").fullmatch(clean_label(node.piece.label)):
            continue
        return False
    return True


def _sole_change(r: Reading, i: int) -> bool:
    """The change at node i is the only change by an amount of its sentence (a rate, 同比下降33.5%, may
    follow), with no 其中 / 共 / 净 words before it — the changes of its parts said after it aside ("由年初預算17282.07萬元
    調整為20401.66萬元,調增3119.59萬元,主要由于:專項轉移支付收入調增1824.59萬元,…": cue change_explained), and the
    changes past a ';' aside (another statement: "收入由年初预算的A调整为B,调增C;支出由…调整为…,调增…,其中…")."""
    tree = r.tree
    text = r.norm.text
    explained = r.vocab.cue("change_explained")
    def apart(k: int) -> bool:  # (a ';' between: another statement of the sentence, "…调增2,636万元;…支出由…调整为…";
        # or a change after it that compares with something it names, a second comparison: "调减2,480万元,较年初预算调减…")
        a, b = (tree[i].end, tree[k].start) if k > i else (tree[k].end, tree[i].start)
        return ";" in text[a:b] or k > i and bool(_SECOND_COMPARISON.match(text, a, tree[k].end))

    if any(tree[k].kind in DIRECTIONS and r.facts[k] is not None and r.facts[k].kind == "amount"
           and not (k > i and explained.search(text, tree[i].end, tree[k].start)) and not apart(k)
           for k in tree.unit("sentence", i) if k != i):
        return False
    before = tree[i - 1] if i > 0 and tree[i - 1].sentence == tree[i].sentence else None
    return not (before is not None and (before.kind in OPENERS or
                                        (before.kind == "words" and r.vocab.cue("change_gross").search(before.piece.label))))


def _about_rate_after(r: Reading, i: int, k: int, g: Fact) -> bool:
    """Node k is a bare percent opening the clause right after the change at node i, only an about-word before it, its
    clause ending with it ("較預算數…,增加78,724,788元,約3.23%,主要係…"; cue about_rate_alone): the change's growth rate."""
    tree = r.tree
    if g.kind != "percent" or tree[k].piece.label.strip() or k != i + 2 or tree[k].depth != tree[i].depth \
            or not tree[i + 1].separator(","):
        return False
    if not r.vocab.cue("about_rate_alone").match(r.norm.text[tree[i + 1].end:g.span.start]):
        return False
    return k + 1 >= len(tree) or tree[k + 1].is_separator and tree[k + 1].sentence == tree[k].sentence \
        or tree[k + 1].sentence != tree[k].sentence


def _bracketed_rate(r: Reading, i: int, k: int, g: Fact) -> bool:
    """Node k is a bare percent alone in a bracket right after the change at node i ("增加53.83亿元(2.63%)"), or one
    the bracket says restates it ("减少44亿元(即2.1%)": cue restating_rate)."""
    tree = r.tree
    label = tree[k].piece.label
    if g.kind != "percent" or (label and not r.vocab.cue("restating_rate").match(label.strip())) \
            or tree[k].depth != tree[i].depth + 1:
        return False
    inside = [m for m in range(i + 1, len(tree)) if tree[m].depth > tree[i].depth]
    return all(m == k or tree[m].kind == "sep" for m in inside[:3]) and k in inside[:3] \
        and all(m in inside for m in range(i + 1, k))


def _subject(r: Reading, i: int) -> tuple[str, Fact | None, Fact | None, str]:
    """What changed: the figure just before, or the words the change follows."""
    tree = r.tree
    s = tree[i]
    words = ""
    if i > 0 and tree[i - 1].clause == s.clause and tree[i - 1].kind == "words":
        # ("财政拨款收入、支出总计各增加98.60万元": the subject, not the word that spreads the change over several)
        words = r.vocab.cue("distributive_tail").sub("", tree[i - 1].piece.label)
        if words.strip() == "次" and i > 1 and r.facts[i - 2] is not None and r.facts[i - 2].kind == "count" \
                and r.norm.text[tree[i - 2].end - 1:tree[i - 2].end] in "批场期":
            # ("比上年的41批次减少7批次": the 次 of a count in 批次 / 场次 is the tail of its unit, no words naming a subject)
            words = ""
    before: list[Fact] = []
    inner: list[bool] = []  # is the figure inside a bracket the change is not in
    against_budget = r.vocab.cue("against_budget_word")
    of_last_year = not against_budget.search(s.piece.keyword)  # (the change is no comparison with the budget itself)
    past_budget = False
    counted = r.facts[i] if r.facts[i] is not None and r.facts[i].kind == "count" else None
    for j in tree.before(i, "paragraph", limit=_LOOK_BACK):
        t = tree[j]
        if t.sentence != s.sentence and not (words and t.sentence == s.sentence - 1):
            break
        if t.kind in DIRECTIONS:
            if of_last_year and against_budget.fullmatch(t.piece.keyword.strip()):
                # "收入42100万元,完成预算49531万元的85.0%,短收7431万元,同比下降10.2%": money short of the budget is
                # a comparison of its own; the change with the year before is still of the figure before it
                # (not of the budget that shortfall is measured from: "比年初预算160.00亿元短收7.63亿元")
                past_budget = True
                continue
            break
        if t.kind == "labelled" and _listed_after_change(r, j):
            break  # ("分别比上年减少0.38万元、0.22万元,合计减少0.60万元": the bare figures after a change are changes too)
        f = r.facts[j]
        if of_last_year and f is not None and t.kind in {"labelled", "total"} and against_budget.search(clean_label(f.label)):
            # ("收入完成45230万元,较预算超收1230万元,较上年增收3120万元": money over the budget, said as a figure, is no
            # figure of either year)
            past_budget = True
            continue
        if past_budget and f is not None and r.vocab.cue("compared_prefix").match(clean_label(f.label)):
            continue
        if f is not None and t.kind in {"labelled", "total"} and (f.kind == "amount" or counted is not None and (
                f.kind, f.unit) == ("count", counted.unit) and t.sentence == s.sentence):
            # (a count too, of the unit of the count the change says, in its sentence: "在校学生48632人,比上学年增加
            # 1717人" — not the sentence before's: "年度计划完成人工造林1500亩,实际完成1200亩…。上年度完成人工造林1350亩,
            # 本年较上年减少150亩" leaves which of them is this year's open)
            before.append(f)
            # ("较去年同期(4,343亿元)增加147亿元": the figure compared with, in a bracket, is no detail)
            inner.append(t.depth > s.depth and not r.vocab.cue("compared_prefix").match(clean_label(f.label)))
    # "公务用车购置及运行维护费2.68万元(运行维护费2.68万元、购置费0元),较上年减少0.95万元":
    # the bracket details the figure before it; the change after the bracket is that figure's
    every = before
    if any(inner) and not all(inner):
        before = [f for f, deeper in zip(before, inner) if not deeper]
    current = previous = None
    reason = "change_in_sentence"
    summed = _changes_summed(r, i, words)
    if summed:
        # "支出100万元,其中基本支出60万元、项目支出40万元,分别比上年增加8万元、2万元,合计增加10万元": the sum of the
        # changes listed before is the change of the whole their parts make — the figure the sentence lists them
        # under, else a figure it does not state
        whole = _whole_of_listed(r, summed)
        if whole is None:
            return "", None, None, "change_of_unstated_figure"
        return whole.label, whole, None, "change_of_listed_whole"
    if words and r.vocab.cue("sum_named").fullmatch(clean_label(words)):
        # "…合计54.11万元,其中…;上年分别为23.67万元和27.71万元(合计51.38万元)。合计数较上年增加2.73万元":
        # the change of the 合计 is of the sum stated before, this year's against last year's
        sums = [f for f in every if r.vocab.cue("sum_named").search(clean_label(f.label))]
        this = next((f for f in sums if not _of_last_year(r, f)), None)
        if this is not None:
            last = next((f for f in sums if _of_last_year(r, f) and f.unit == this.unit), None)
            return this.label, this, last, "change_of_named_subject"
    if words and clean_label(words) in _FORMER_LATTER:
        # "岁入25,053亿元,岁出26,102亿元;前者较上年度增加550亿元(2.24%),后者较上年度增加672亿元": the first or
        # the second of the two figures stated before the changes
        pair = _two_before_changes(r, i)
        if pair is None:
            return words, None, None, "change_of_unstated_figure"
        current = pair[_FORMER_LATTER[clean_label(words)]]
        return current.label, current, None, "change_of_named_subject"
    if words:
        winfo = read_label(words, r.vocab)
        # "支出较去年增加": a fact before whose concept the words name ("基本支出180.5万元。支出较去年…";
        # doubt also tries a figure named exactly so, earlier in the paragraph: ALT001)
        matches = [f for f in before if same_subject(winfo, f)]
        roles = r.vocab.cue("figure_role_other")
        if len(matches) > 1 and not roles.search(words):
            # ("实际到位资金688万元,…,未到位资金172万元。到位资金较上年增加88万元": a figure its words name a gap, a
            # remainder, a target or a forecast — cue figure_role_other — is not the one the plain name is of)
            own = [f for f in matches if not roles.search(clean_label(f.label))]
            matches = own or matches
        # ("支出合计3256.80万元,其中:…资本性支出500.10万元。与上年相比,支出增加244.35万元": a bare name is of the figure
        # that sums under it, not of the nearest one whose name ends with it)
        sum_named = r.vocab.cue("sum_named")
        summed = [f for f in before for label in [clean_label(f.label)] if not winfo.known and winfo.text
                  and sum_named.search(label) and sum_named.sub("", label).endswith(winfo.text)]
        # ("…年初预算数646.16万元,其中:教育支出预算431.36万元,…住房保障支出预算23.20万元。支出预算较2021年增加40.62万元":
        # a name that several listed kinds end with names none of them — it is their whole's, the figure of that very
        # concept if one is stated, else a figure not stated)
        kinds = {f.concept for f in matches if f.concept != winfo.concept}
        several = len(kinds) > 1
        whole = next((f for f in matches if f.concept == winfo.concept), None) if several else None
        match = summed[0] if len(summed) == 1 else (whole if several else matches[0] if matches else None)
        # ("中标金额468万元,节约资金52万元,节约率10%。…结算金额为444.6万元,较中标金额减少5%": the figure named exactly
        # what the change is compared with, not a nearer one that took its concept from the list it stands in)
        # (… or named by the end of its label, "工程初步设计批复概算" for "比批复概算", when one figure only is)
        named = _COMPARED_LEAD.sub("", clean_label(words)) if r.vocab.cue("compared_prefix").match(words) else ""
        exact = [f for f in before if named and clean_label(f.label) == named] or \
            [f for f in before if len(named) >= 3 and clean_label(f.label).endswith(named)]
        if len(exact) == 1 and exact[0] is not before[0] and not several and not len(summed) == 1:
            match = exact[0]
        if match is not None and r.vocab.cue("compared_prefix").match(words) and before[0] is not match \
                and not read_label(_COMPARED_LEAD.sub("", clean_label(words)), r.vocab).known:
            # "112年度決算數85,230千元,本年度編列102,560千元,較112年度決算數增加17,330千元": the words name only
            # what the change is compared with; the figure right before is the one that changed (words naming
            # a subject after the comparison — "相較今年歲出增加" — name the one that changed instead)
            current, previous = before[0], match
            label = current.label
            return label, current, previous, reason
        if match is not None:
            current = match
            reason = "change_of_named_subject"
        elif several:
            pass
        elif before and (winfo.concept is None or (not winfo.known and len(winfo.text) <= 2)) \
                and not (_compared_with(r, before[0]) and len(before) == 1):
            current = before[0]
        elif before and not winfo.known and r.vocab.cue("compared_prefix").match(words):
            # "岁出计列1712.31亿元,较原预算案删减14.11亿元": words that only name what the figure
            # before is compared with
            current = before[0]
        elif not winfo.known and not any(f.sentence == s.sentence for f in before):
            # "…收入总计1234.56万元…。与2021年相比，收、支总计各增加100万元": the words do not
            # name a known concept; the sentence before says what changed
            subject = _sentence_subject(r, i)
            if subject is not None and (same_subject(winfo, subject) or re.search("总计|合计|总额", words)
                                        or _named_but_its_flow(winfo, subject)):
                current = subject
                reason = "change_continues_sentence"
        elif not winfo.known and before and all(f.sentence != s.sentence or r.vocab.cue("compared_prefix").match(
                clean_label(f.label)) for f in before):
            # "…决算总计均为3,614.74万元。与上年度决算数4,576.55万元相比,收、支总计各减少961.81万元": the sentence
            # opens with what it compares with; what changed is the sentence before's figure
            subject = _sentence_subject(r, i)
            was = next((f for f in before if f.sentence == s.sentence), None)
            if subject is not None and was is not None and subject.unit == was.unit \
                    and (same_subject(winfo, subject) or re.search("总计|合计|总额", words)):
                return subject.label, subject, was, "change_continues_sentence"
        if current is None and r.vocab.flow(clean_label(words)) == "both":
            # "收入预算2,358.62万元,…支出预算2,358.62万元,…。收支预算较上年增加125.30万元": both flows named, of one value
            current = _both_flows(r, i)
            reason = "change_of_named_subject" if current is not None else reason
        label = current.label if current is not None and not winfo.known else words
        if current is None:
            reason = "change_of_unstated_figure"
    elif before:
        current = before[0]
        bare = _compared_period(r, s.piece.keyword) is None  # (not "同比增长": a comparison of its own)
        if bare and _compared_with(r, current) and len(before) > 1 and before[1].unit == current.unit \
                and not _compared_with(r, before[1]):
            # "歲出編列1792.85億元,較第4期2008.04億元減少215.19億元": the figure right before the change is
            # what it is compared with; the one before that changed
            current, previous = before[1], current
        elif bare and _compared_with(r, current) and len(before) == 1 and r.tree.opens_sentence(
                next(j for j in r.tree.before(i, "sentence") if r.facts[j] is current)):
            # "…基金用途編列612.48億元,…。與一一二年度決算數574.30億元比較,增加38.18億元": the sentence opens with
            # what it compares with; what changed is the sentence before's figure
            subject = _sentence_subject(r, i)
            if subject is not None and subject.unit == current.unit:
                current, previous, reason = subject, current, "change_continues_sentence"
        label = current.label
    else:
        label = ""
        reason = "change_of_unstated_figure"
        again = _second_comparison(r, i)
        if again is not None:
            # "三公经费41万元,较上年减少19万元,…,较年初预算数减少4万元,下降2.2%": the sentence's subject
            current, label, reason = again, again.label, "change_in_sentence"
        elif r.tree.opens_sentence(i):
            # "1.一般公共预算财政拨款收入382.17万元,为…资金。较2020年度决算数减少157.86万元":
            # a sentence that opens with the change continues the previous sentence's subject
            subject = _sentence_subject(r, i)
            if subject is not None:
                current, label = subject, subject.label
                reason = "change_continues_sentence"
    # "去年…收入310682万元,同比增加23188万元", "2018年三公经费51万元,比上年减少17万元": a 比上年 /
    # 同比 change compares the one figure before it with the year before that figure's own year,
    # whatever year the report is about
    # (not when the change names this year as its subject: "上年…652.40万元,本年较上年增加97.46万元")
    # ("2022年…调整预算为836.00万元,2023年较上年增加76.50万元": a year after that figure's)
    this_year = i > 0 and (tree[i - 1].kind == "words"
                           and bool(r.vocab.cue("this_year").search(tree[i - 1].piece.label.rstrip()[-3:]))
                           or tree[i - 1].kind == "period" and current is not None
                           and _later_year(tree[i - 1].piece.keyword, current)
                           or current is not None and _later_year_opens_clause(r, i, current))
    if this_year and current is not None and previous is None and r.report_year is None \
            and ((current.period or "").isdigit() or LABEL_YEAR.search(clean_label(current.label))):
        # "113年度預算數3億5,200萬元,本年度增列3,421萬5千元,增幅9.72%": a figure its own year names, before a
        # change said of 本年度 in a text whose year is not known — another year's, the one compared with
        previous, current = current, None
        label = previous.label
    # ("去年中央财政支出43819.58亿元,增加8431.02亿元,增长23.8%": a bare change right after the one figure its sentence names, as
    # the year a news item speaks of, is that figure's own, on the year before it — not "上年同期为13884万元,减收1339万元": a base)
    relative_only = current is not None and r.is_previous(current) and not this_year and (
        len(before) == 1 and bool(r.vocab.cue("relative_change").search(s.piece.keyword)
                                  or _BARE_CHANGE.fullmatch(s.piece.keyword.strip()) and i > 1
                                  and tree[i - 1].kind == "sep" and r.facts[i - 2] is current
                                  and clean_label(current.label).startswith("去年"))
        or _after_named_year(current, s.piece.keyword) or _after_named_year(current, _comparison_before(r, i))
        or current.period == "previous" and i > 0 and tree[i - 1].kind == "words"
        and bool(_SHORT_YEAR_COMPARED.search(tree[i - 1].piece.label.rstrip())))
    # "…95亿元,较112年度法定预算53亿元增加42亿元": a figure named "较…" is what the change is
    # measured from, whatever its year is written as
    # (… or whose label ends with what it is compared as: "2022年实际支出较2021年的16,372.02万元增加…")
    compared = current is not None and bool(r.vocab.cue("compared_prefix").match(clean_label(current.label))
                                            or r.vocab.cue("compared_end").search(clean_label(current.label))
                                            or _compared_in_bracket(r, current))
    said = s.piece.keyword + (tree[i - 1].piece.label if i > 0 and tree[i - 1].kind == "words" else "")
    if compared and r.vocab.cue("other_period_compared").search(clean_label(current.label)) \
            and r.vocab.cue("year_on_year").search(said):
        # "5月524.64亿元,比4月份的498.23亿元有所增加,同比增长6.0%": the figure compared with is last month's; the
        # rate is on the same month last year, a figure the text does not state
        return label, None, None, "change_of_unstated_figure"
    if current is not None and (r.is_previous(current) or compared) and not relative_only:
        # "2019年…1262.92万元,本年度增加了446.19万元": that figure is the previous term.
        # ("去年…收入310682万元,同比增加23188万元" stays the current term of its own 同比.)
        previous, current = current, None
        # an explicit current figure of the same subject earlier in the sentence
        for f in before[1:]:
            # (of the same kind as last year's: "年初预算38.00万元,上年决算36.90万元,本年决算比上年减少1.08万元" — no budget
            # for this year's outturn)
            if f.concept == previous.concept and not r.is_previous(f) and not _named_other_kind(words, f):
                current = f
                if r.vocab.cue("compared_with").fullmatch(clean_label(label)):
                    label = f.label  # "三公经费1969万元,较2024年的2190万元减少": the subject is named first
                break
        if current is None and compared:
            current = _subject_before(r, i, like=previous) or _figure_right_before(r, i, previous)
            current = None if current is previous else current
        if current is None:
            current = _before_compare_frame(r, i, previous)
            label = current.label if current is not None else label
        if current is None and r.vocab.cue("from_figure").search(clean_label(previous.label)):
            # "…支出由年初预算590241万元调增29760万元,调整为620001万元": where the change from that figure arrives
            current = _arrived_at(r, i, previous)
        if current is not None and _names_another_kind_first(r, previous, current):
            current, reason = None, "change_of_unstated_figure"
    elif current is not None:
        current, of_year = _of_the_years_named(r, i, current, before, s.piece.keyword)
        previous = of_year or previous
        for f in before[1:] if of_year is None else ():
            if f is current:
                continue
            same_series = (f.concept == current.concept and f.concept) or _year_before(f, current)
            if same_series and r.is_previous(f) and f.scenario == current.scenario and f.unit == current.unit:
                previous = f
                break
        if previous is None:
            previous = _from_to(r, current, before, said)
        if previous is None:
            previous = _budget_compared(r, s.piece.keyword, current, before[1:])
            reason = "change_against_budget" if previous is not None else reason
    if current is not None and previous is None:
        # "總開支則由1,145.2億元減少82.3億元(7.2%)至1,062.9億元": the figure after 由 is where the change
        # starts from; the one it arrives at (至 / 達 …) comes after the change, if the sentence states it
        before_figure = r.norm.text[max(0, current.span.start - 24):current.span.start]
        plain = r.vocab.cue("from_figure").search(clean_label(current.label)) \
            or r.vocab.cue("from_figure").search(before_figure)
        named = r.vocab.cue("from_figure_named").search(before_figure)
        if (plain or named) and not r.vocab.cue("reference_previous").search(s.piece.keyword):
            # ("由省财政下达的300万元,较上年增加50万元": compared with last year, no from-to change)
            arrived = _arrived_at(r, i, current)
            if arrived is not None or plain:
                previous, current = current, arrived
                label = previous.label
    if current is not None and previous is None and r.vocab.cue("cut_change").match(s.piece.keyword) \
            and not r.vocab.cue("compared_prefix").match(words):
        # "总预算岁出1726.42亿元,议会删减14.11亿元,约减0.82%": a cut is of the figure before it, the
        # budget proposed ("较原预算案删减": of the figure compared with, the one before being the result)
        previous, current = current, None
    return label, current, previous, reason


def _listed_after_change(r: Reading, j: int) -> bool:
    """The bare figure at node j is listed by 、 after a change in its sentence ("分别比上年减少0.38万元、0.22万元",
    "分别增加5万元、3万元"): a change too, not a figure that changed."""
    tree = r.tree
    f = r.facts[j]
    if f is None or tree[j].piece.label:
        return False
    k = j
    while k >= 2 and tree[k - 1].separator("、") and tree[k - 2].sentence == tree[j].sentence:
        node, g = tree[k - 2], r.facts[k - 2]
        if node.kind in DIRECTIONS:
            return g is not None and g.kind == f.kind
        if node.kind != "labelled" or node.piece.label or g is None or g.kind != f.kind:
            return False
        k -= 2
    return False


def _changes_summed(r: Reading, i: int, words: str) -> list[int]:
    """The change at node i sums the changes listed right before it, joined by 、 (two or more), and its words say
    nothing but that (cue changes_summed: "合计减少", "共减少", "两项相抵合计增加" — not "…本年支出合计比上年减少", which
    names its subject): the nodes of those changes, in text order; else none."""
    tree = r.tree
    said = clean_label(words)
    m = r.vocab.cue("changes_summed").match(said + tree[i].piece.keyword)
    if m is None or m.end() < len(said):
        return []
    k = (i - 1 if words else i) - 1
    if k < 0 or not tree[k].separator(",;") or tree[k].sentence != tree[i].sentence:
        return []
    run: list[int] = []
    k -= 1
    while k >= 0 and tree[k].sentence == tree[i].sentence:
        node, f = tree[k], r.facts[k]
        if f is None or f.kind != "amount" or not (node.kind in DIRECTIONS or _listed_after_change(r, k)):
            break
        run.append(k)
        if k < 2 or not tree[k - 1].separator("、"):
            break
        k -= 2
    return run[::-1] if len(run) >= 2 and tree[run[-1]].kind in DIRECTIONS else []


def _whole_of_listed(r: Reading, changes: list[int]) -> Fact | None:
    """The figure the sentence of `changes` lists as many parts under, after 其中, right before those changes
    ("支出100万元,其中基本支出60万元、项目支出40万元,分别比上年…"), the parts adding up to it: what the changes' sum
    is the change of."""
    tree = r.tree
    first = changes[0]
    parts: list[Fact] = []
    for j in tree.before(first, "sentence"):
        node, f = tree[j], r.facts[j]
        if node.kind == "qizhong":
            whole_at = next((k for k in tree.before(j, "sentence") if not tree[k].is_separator), None)
            whole = r.facts[whole_at] if whole_at is not None else None
            if whole is None or tree[whole_at].kind not in {"labelled", "total"} or whole.kind != "amount" \
                    or tree[whole_at].depth != tree[first].depth or whole.is_bound or r.is_previous(whole) \
                    or r.vocab.cue("compared_prefix").match(clean_label(whole.label)):
                return None
            parts.reverse()
            ok = len(parts) == len(changes) and all(p.unit == whole.unit and not p.is_bound for p in parts) \
                and adds_up(whole, parts)
            return whole if ok else None
        if node.kind in DIRECTIONS or node.kind in GROWTHS or node.depth != tree[first].depth:
            return None
        if f is not None:
            if node.kind not in {"labelled", "total"} or f.kind != "amount":
                return None
            parts.append(f)
    return None


def _budget_of_outturn_change(r: Reading, i: int, figure: Fact) -> bool:
    """The change at node i says before it, in its sentence, that it compares the outturn with the budget (cue
    outturn_against_budget: "决算与年初预算相比", "决算数较预算") and `figure` is a budget: so read, or under a budget
    heading its sentence opens with (cue budget_heading: "2023年年初预算:本年收入合计1980.00万元")."""
    text = r.norm.text
    at = r.tree[i].start
    if not r.vocab.cue("outturn_against_budget").search(text, part_start(text, at, "。\n"), at):
        return False
    if figure.scenario in BUDGET_SCENARIOS:
        return True
    return bool(r.vocab.cue("budget_heading").match(text[part_start(text, figure.span.start, "。\n"):figure.span.start]))


_ADJUSTMENT = lazyre.compile(r"调增|调减|核增|核减|追加|追减")


def _names_another_kind_first(r: Reading, previous: Fact, current: Fact) -> bool:
    """The figure compared with names, before its 比 / 较, the kind of figure that changed, and `current` is of another
    kind ("一般公共预算支出完成4210.38万元,为调整预算的96.1%,调整预算比年初预算3960.00万元增加420.00万元": the 调整预算
    changed, a figure the sentence does not state — not the 完成数 before it)."""
    label = clean_label(previous.label)
    m = _COMPARED_LEAD_KIND.search(label)
    if m is None or m.start() == 0:
        return False
    named = read_label(label[:m.start()], r.vocab).scenario
    return named is not None and current.scenario != named


# the last 较 / 比 of a label, before a budget's or an outturn's word (as the vocabulary reads a compared label)
_COMPARED_LEAD_KIND = lazyre.compile(r"(?:较|比)(?![例重率较])(?=[^较比]*(?:预算|决算|执行|计划|实际|到位)[^较比]*$)")


def _named_other_kind(words: str, f: Fact) -> bool:
    """The words before the change name this year's figure as money spent (本年决算, 实际执行) and `f` is a budget, or the
    reverse: not the figure they name."""
    if _SPENT_WORDS.search(words):
        return f.scenario in BUDGET_SCENARIOS
    if _BUDGET_WORDS.search(words):
        return f.scenario in SPENT_SCENARIOS
    return False


_SPENT_WORDS = lazyre.compile(r"决算|执行数|实际执行|实际支出")
_BUDGET_WORDS = lazyre.compile(r"预算")


def _budget_compared(r: Reading, keyword: str, current: Fact, earlier: list[Fact]) -> Fact | None:
    """"三公经费年初预算26.87万元,实际支出16.62万元,比预算减少10.25万元": a change against the budget compares the money
    spent with the budget stated right before it — when the spending is named only as spending (实际支出, 决算数: of the
    budget's subject), the budget names itself a budget (of the kind the keyword names: 年初 / 调整) of the same year, and
    nothing stands between the two figures but their words. Anything else (another item's or year's budget, a wider
    whole's, money handed down) is no reading."""
    if _reference(r, keyword, "") != "budget" or current.scenario not in SPENT_SCENARIOS or _ADJUSTMENT.search(keyword) \
            or not earlier or not _BARE_SPENT.fullmatch(clean_label(current.label)):
        return None
    budget = earlier[0]
    kinds = {"budget_initial"} if "年初" in keyword else {"budget_adjusted"} if "调整" in keyword else BUDGET_SCENARIOS
    if budget.scenario not in kinds or "预算" not in budget.label or budget.unit != current.unit or budget.is_bound \
            or r.is_previous(budget):
        return None
    if kinds is BUDGET_SCENARIOS and any(f.scenario in BUDGET_SCENARIOS for f in earlier[1:]):
        return None  # ("年初预算26.87万元,调整后预算30.00万元,实际支出16.62万元,比预算减少…": which budget is not said)
    between = r.norm.text[budget.span.end:current.span.start]
    return budget if len(between) <= _BETWEEN and not _OTHER_STATEMENT.search(between) else None


_BARE_SPENT = lazyre.compile(r"(?:全年|本年|当年|年度)?(?:实际)?(?:支出|决算|执行|使用|支付)(?:决算|执行)?(?:数|金额)?(?:为|是)?")
_OTHER_STATEMENT = lazyre.compile(r"[;。]")
_BETWEEN = 8  # characters between the budget and the spending: a comma and the spending's name


def _arrived_at(r: Reading, i: int, start: Fact) -> Fact | None:
    """The amount a "由A…至C" change arrives at: the first after node i in its sentence, in A's unit,
    named by an arrival word (至, 到, 達, 增至 …; vocabulary to_figure, arrived_figure)."""
    tree = r.tree
    to, arrived = r.vocab.cue("to_figure"), r.vocab.cue("arrived_figure")
    for j in tree.after(i, "sentence", limit=_LOOK_BACK):
        f = r.facts[j]
        if tree[j].kind == "words" and not (arrived.search(clean_label(tree[j].piece.label))
                                            or to.search(clean_label(tree[j].piece.label))):
            return None  # (words of something else between: "…增长20%,年末实际支出达到280万元")
        if f is None or tree[j].kind not in {"labelled", "total"} or f.kind != "amount":
            continue
        label = clean_label(f.label)
        # ("…,達2兆8,817億元": 達 read as the copula leaves the figure no label; the text before it says it)
        if f.unit == start.unit and (to.search(label) or arrived.search(label)
                                     or arrived.search(r.norm.text, max(0, f.span.start - 12), f.span.start)):
            return f
        return None
    return None


def _compared_in_bracket(r: Reading, fact: Fact) -> bool:
    """"当年下达资金较上年(3,012.40万元)增加…": a figure alone in a bracket right after the words that
    say what is compared with."""
    tree = r.tree
    k = r.node_of(fact)
    if k is None or k < 2 or fact.label or tree[k - 1].kind != "sep" or tree[k - 1].piece.keyword != "(":
        return False
    words = tree[k - 2]
    return words.kind == "words" and bool(r.vocab.cue("compared_end").search(clean_label(words.piece.label)))


def _figure_right_before(r: Reading, i: int, previous: Fact) -> Fact | None:
    """"歲出規模277.31億元,較113年度法定預算數250.50億元,增加26.81億元": the amount right before the
    one compared with (no other figure between), in its unit, of this year — whatever each is named."""
    tree = r.tree
    seen = False
    for j in tree.before(i, "sentence", limit=_LOOK_BACK):
        t, f = tree[j], r.facts[j]
        if f is previous:
            seen = True
            continue
        if not seen or f is None:
            continue
        if t.kind in {"labelled", "total"} and f.kind == "amount" and f.unit == previous.unit \
                and t.depth == tree[i].depth and not r.is_previous(f) \
                and not r.vocab.cue("compared_prefix").match(clean_label(f.label)):
            return f
        return None
    return None


def _before_compare_frame(r: Reading, i: int, previous: Fact) -> Fact | None:
    """"…安排衔接资金1016万元,与2020年本级预算安排扶贫资金1006万元相比,净增加10万元": the figure the
    text sets in a "与…相比" frame is compared with the figure right before the frame, whatever each is
    named (a fund renamed from one year to the next): that one is the change's current term."""
    tree = r.tree
    k = next((j for j in tree.before(i, "sentence", limit=_LOOK_BACK) if r.facts[j] is previous), None)
    opener = compare_frame(r, k) if k is not None else None
    if opener is None:
        return None
    node = tree[k]
    for j in tree.before(opener, "sentence", limit=8):
        t, f = tree[j], r.facts[j]
        if t.kind == "sep" and t.piece.keyword in ",、":
            continue
        if f is not None and t.kind in {"labelled", "total"} and f.kind == previous.kind and f.unit == previous.unit \
                and t.depth == node.depth and not r.is_previous(f):
            return f
        return None
    return None


def compare_frame(r: Reading, k: int) -> int | None:
    """The node of the 与 / 同 / 和 / 跟 that opens a "与(year) X相比" frame around the figure at node k,
    or None: the figure compared with."""
    tree = r.tree
    opener = k - 1
    while opener >= 0 and tree[opener].kind == "period" and tree[opener].clause == tree[k].clause:
        opener -= 1
    after = k + 1
    if opener < 0 or after >= len(tree) or tree[opener].kind != "words" or tree[after].kind != "words" \
            or not _FRAME_OPENS.fullmatch(tree[opener].piece.label.strip()) \
            or not _FRAME_CLOSES.match(tree[after].piece.label.strip()):
        return None
    return opener


_FRAME_OPENS = lazyre.compile(r"(?:与|同|和|跟)")
_FRAME_CLOSES = lazyre.compile(r"(?:相比|相较|比较)")


def _from_to(r: Reading, current: Fact, before: list[Fact], said: str = "") -> Fact | None:
    """"由103年度3亿元到107年度1亿1,526万余元,减少61.58%": the figure after 由/从, right before the
    one after 到/至, is the previous term of the change — not of a change on the year before (`said`: the keyword and
    the words before it, "2024年当年增长", "较上年增长"), unless the two figures are of consecutive years
    ("由2019年的158.62亿元增至2024年的236.45亿元,2024年当年增长4.3%": of 2023, a figure not stated)."""
    if len(before) < 2 or before[0].id != current.id or before[1].unit != current.unit:
        return None
    start = before[1]
    to = clean_label(current.label)
    if r.norm.text[max(0, current.span.start - 1):current.span.start] == "为" and not to.endswith("为"):
        to += "为"  # ("由6.00万元减少为5.20万元": the 为 the label leaves to its copula)
    if r.vocab.cue("to_figure").match(to) and r.vocab.cue("from_figure").search(clean_label(start.label)):
        if said and (r.vocab.cue("reference_previous").search(said) or r.vocab.cue("this_year").search(said)) \
                and year_gap(start, current) != 1:
            return None
        return start
    return None


def _compares_again(r: Reading, before: int, i: int, compared_words: bool) -> bool:
    """The change at node i is a comparison (较…/比…, in its keyword or in the words before it:
    `compared_words`) that follows the change at node `before` in its paragraph with no figure or
    other words between them: the same subject compared again."""
    tree = r.tree
    if tree[before].paragraph != tree[i].paragraph:
        return False
    if not compared_words and not r.vocab.cue("compared_prefix").match(tree[i].piece.keyword):
        return False
    words = words_before(r.tree, i)
    return all(tree[k].kind in {"sep", *DIRECTIONS, "growth_up", "growth_down"} or k in words
               for k in range(before + 1, i))


def _comparison_words(r: Reading, i: int) -> bool:
    """"比2019年(疫情前)决算数减少": the words before the change say what it is compared with, not
    what changed."""
    text = said_before(r.tree, i)
    return bool(text) and bool(r.vocab.cue("compared_prefix").match(text))


def _second_comparison(r: Reading, i: int) -> Fact | None:
    """"X,较上年减少a,较年初预算数减少b": a comparison with no figure of its own after another
    change of the same sentence is of X, the figure that change was of."""
    if not r.vocab.cue("compared_prefix").match(r.tree[i].piece.keyword):
        return None
    return _subject_before(r, i, after_a_change=True)


_FORMER_LATTER = {"前者": 0, "后者": 1}


def _two_before_changes(r: Reading, i: int) -> tuple[Fact, Fact] | None:
    """The last two amounts of the sentence stated before its first change (of one unit, at the change's depth):
    what 前者 / 后者 name."""
    tree = r.tree
    seen: list[Fact] = []
    for j in tree.before(i, "sentence", limit=_LOOK_BACK):
        t, f = tree[j], r.facts[j]
        if t.kind in DIRECTIONS:
            seen = []  # (figures after a change are that change's: start again before it)
            continue
        if f is not None and t.kind in {"labelled", "total"} and f.kind == "amount" and t.depth == tree[i].depth:
            seen.append(f)
    if len(seen) < 2 or seen[0].unit != seen[1].unit:
        return None
    return seen[1], seen[0]  # (walked backwards: the nearest first)


def _subject_before(r: Reading, i: int, like: Fact | None = None, after_a_change: bool = False) -> Fact | None:
    """The nearest figure before node i in its sentence (and bracket depth) that a comparison is
    of: this year's, not one compared with ("较预算数1237万元"); with `like`, of its concept
    and unit ("三公经费1134万元,较上年1174万元减少40万元,较预算数1237万元减少103万元"); with
    `after_a_change`, only one stated before another change of the sentence."""
    tree = r.tree
    compared = r.vocab.cue("compared_prefix")
    seen_change = not after_a_change
    for j in tree.before(i, "sentence", limit=_LOOK_BACK):
        t, f = tree[j], r.facts[j]
        if t.kind in DIRECTIONS:
            seen_change = True
            continue
        if not seen_change or f is None or t.kind not in {"labelled", "total"} or f.kind != "amount" \
                or t.depth != tree[i].depth:
            continue
        if like is not None and (f.concept != like.concept or f.unit != like.unit):
            continue
        if not r.is_previous(f) and not compared.match(clean_label(f.label)):
            return f
    return None


_NAMED_YEAR = re.compile(r"(?:19|20)\d{2}")
# a year written short, compared with: "去年…收入1016.7億元,較一九年減少390.6億元" (2019), "较19年" — 去年 is the
# current term then, as with a year written in full
_SHORT_YEAR_COMPARED = lazyre.compile(r"(?:较|比|与|同)\s*(?:\d{2}|[〇○零一二三四五六七八九]{2})\s*年度?(?:同期)?$")
_COMPARED_LEAD = lazyre.compile(r"^(?:仍|但|而|且|也|均)?(?:较|比|相较于?|与|同)\s*(?:(?:19|20)?\d{2,3}\s*年度?|今年|本年|上一?年度?|去年)?")
_COMPARED_YEAR = lazyre.compile(r"(?:与|同|比|较)\s*(?:19|20)\d{2}\s*年度?(?:同期)?(?:相比|比较)")
_COMPARED_REACH = 60  # characters before a change its sentence's comparison may stand


def _comparison_before(r: Reading, i: int) -> str:
    """"与2019年相比,…财政拨款增加": the year the change's sentence compares with, said just before it
    (looked for in a bounded stretch: a long sentence of many changes is not searched again for each)."""
    tree = r.tree
    first = tree[tree.unit("sentence", i).start].start
    start = tree[i].start
    m = _COMPARED_YEAR.search(r.norm.text, max(first, start - _COMPARED_REACH), start)
    return m.group() if m else ""


def _later_year(keyword: str, fact: Fact) -> bool:
    """A year node ("2023年") later than the year `fact` is dated."""
    m = _NAMED_YEAR.search(keyword)
    return m is not None and bool(fact.period) and fact.period.isdigit() and int(m.group()) > int(fact.period)


def _later_year_opens_clause(r: Reading, i: int, fact: Fact) -> bool:
    """The clause of the change at node i opens with a year later than `fact`'s, then only the words naming its subject
    ("2023年该项目实际支出480.60万元,2024年支出较上年增加218.62万元": the change is of 2024, the figure before it the one
    compared with)."""
    tree = r.tree
    j = i - 1
    while j >= 0 and tree[j].clause == tree[i].clause and tree[j].kind == "words":
        j -= 1
    return j < i - 1 and j >= 0 and tree[j].clause == tree[i].clause and tree[j].kind == "period" \
        and _later_year(tree[j].piece.keyword, fact)


def _after_named_year(fact: Fact, keyword: str) -> bool:
    """"2021年…实际收入377841万元,比2020年增加": the change names the year it compares with,
    and the figure before it is of a later year — its current term.  So is a figure of 去年
    ("去年财政收益达1,105亿元,较2015年减少56亿元"): no one names a year to compare 去年 with itself."""
    m = _NAMED_YEAR.search(keyword)
    if m is None or not fact.period:
        return False
    if fact.period == "previous":
        return True
    return fact.period.isdigit() and int(fact.period) > int(m.group())


def _names_another_role(r: Reading, fact: Fact, i: int | None, roles: tuple[str, ...] = ("gap", "remainder")) -> bool:
    """Do a figure's own words name it something other than its subject's own amount — a gap or a remainder, or
    another of the `roles` of cue figure_role_other — when the words of the change at node i (if given) do not name
    the same? ("收支缺口5.60亿元。收支缺口较上年扩大1.20亿元": the change is the gap's; a target or a forecast may have
    a change of its own: "…;预计全年支出24.50亿元,增长4.0%,增支0.94亿元")"""
    role = r.vocab.cue("figure_role_other")
    # (every role its words name: "距年度目标尚差" names a target and a gap to it)
    named = {name for m in role.finditer(clean_label(fact.label)) for name, said in m.groupdict().items() if said}
    if not named & set(roles):
        return False
    if i is None:
        return True
    own = r.tree[i].piece.keyword + (r.tree[i - 1].piece.label if i > 0 and r.tree[i - 1].kind == "words" else "")
    return not role.search(own)


def _first_in_sentence(r: Reading, i: int) -> Fact | None:
    """The first labelled amount of node i's sentence before it, at its depth: this year's, not
    one compared with."""
    tree, compared = r.tree, r.vocab.cue("compared_prefix")
    first = None
    for j in tree.before(i, "sentence", limit=_LOOK_BACK):
        t, f = tree[j], r.facts[j]
        if f is not None and t.kind in {"labelled", "total"} and f.kind == "amount" and t.depth == tree[i].depth \
                and not r.is_previous(f) and not compared.match(clean_label(f.label)):
            first = f
    return first


def _sentence_subject(r: Reading, i: int) -> Fact | None:
    """The first labelled amount of the sentence before node i, in the same paragraph — the sentence right before,
    none between (not "…支出合计118.00万元。会议费严格按照标准执行。与年初预算50.00万元相比,节约7.32万元": a sentence
    stating no figure between turns to another subject)."""
    tree = r.tree
    if not r.follows_right_on(tree.unit("sentence", i)[0]):
        return None
    sentence = tree[i].sentence - 1
    first = None
    for j in tree.before(i, "paragraph", limit=_LOOK_BACK):
        t = tree[j]
        if t.sentence < sentence:
            break
        f = r.facts[j]
        if t.sentence == sentence and f is not None and t.kind in {"labelled", "total"} \
                and f.kind == "amount" and t.depth == 0:
            first = f
    return first


def same_subject(words: LabelInfo, fact: Fact) -> bool:
    if not fact.concept:
        return False
    if words.known and words.concept == fact.concept:
        return True
    core = words.concept or words.text
    return bool(core) and (fact.concept.endswith(core) or fact.label.endswith(core))


def _both_flows(r: Reading, i: int) -> Fact | None:
    """The figure of money out its paragraph states before node i with the one value a figure of money in states too
    (the change of 收支 is of that value) — the nearest, when the paragraph gives one such value, else None."""
    tree = r.tree
    ins: set = set()
    outs: list[Fact] = []
    for j in tree.before(i, "paragraph"):
        f = r.facts[j]
        if f is None or f.kind != "amount" or tree[j].kind not in {"labelled", "total"} or r.is_previous(f):
            continue
        flow = r.vocab.flow(clean_label(f.label))
        if flow == "in":
            ins.add((f.value, f.unit))
        elif flow == "out":
            outs.append(f)
    both = [f for f in outs if (f.value, f.unit) in ins]
    return both[0] if len({(f.value, f.unit) for f in both}) == 1 else None


def _named_but_its_flow(words: LabelInfo, fact: Fact) -> bool:
    """"一般公共预算财政拨款支出1264.92万元…。与2019年相比,一般公共预算财政拨款增加27.44万元": the
    words name the figure of the sentence before without saying 支出 or 收入 again."""
    core = words.text
    label = clean_label(fact.label)
    return len(core) >= 4 and (label.endswith(core + "支出") or label.endswith(core + "收入"))


def _of_the_years_named(r: Reading, i: int, current: Fact, before: list[Fact], keyword: str) -> tuple[Fact, Fact | None]:
    """A change after a series of years' figures (in one clause, each of its year: "2016年、2017年、2018年…分别为32.79万元、
    30.00万元、48.40万元"): its current figure is the series' figure of the year its clause names ("2022年支出较2021年增加…"),
    else the one before it; its previous, the series' figure of the year it says it compares with ("较2016年预算增加15.61万元"),
    if any (else None: found as for any change)."""
    tree = r.tree
    at = r.node_of(current)
    if at is None or not (current.period or "").isdigit():
        return current, None
    clause = tree[at].clause
    series = [f for f in before if (f.period or "").isdigit() and f.unit == current.unit and f.concept == current.concept
              and (k := r.node_of(f)) is not None and tree[k].clause == clause]
    if len({f.period for f in series}) < 2:
        return current, None  # (no series of years)
    year = r.facts[i].period if r.facts[i] is not None else None
    if year and year.isdigit() and year != current.period \
            and any(tree[j].kind == "period" and tree[j].piece.keyword.startswith(year) for j in tree.before(i, "clause")):
        current = next((f for f in series if f.period == year), current)
    compared = _compared_period(r, keyword)
    if compared is None:  # ("2022年比2020年累计下降11.73%": the year compared with written before the keyword)
        m = _YEAR_COMPARED.search(said_before(tree, i))
        compared = m.group(1) if m else None
    previous = next((f for f in series if f.period == compared), None) \
        if compared and compared.isdigit() and compared != current.period else None
    return current, previous


def _year_before(earlier: Fact, later: Fact) -> bool:
    """"2019年…1262.92万元，2020年…1709.11万元": explicit consecutive years."""
    if earlier.period and later.period and earlier.period.isdigit() and later.period.isdigit():
        return int(later.period) - int(earlier.period) == 1
    return False


def named_exactly(r: Reading, i: int, core: str) -> Fact | None:
    """The nearest amount before node i in its paragraph whose concept is exactly `core`."""
    if not core:
        return None
    for j in r.tree.before(i, "paragraph", limit=_LOOK_BACK):
        f = r.facts[j]
        if f is not None and f.kind == "amount" and r.tree[j].kind in {"labelled", "total"} and f.concept == core:
            return f
    return None


_COMPARED_CLAUSE = lazyre.compile(r"(?<=[,;:])\s*(?:比|较|与)[^,;。\d]{2,24}$")  # (a clause opening with 比…, up to its keyword)
_SEVERAL_IN_BRACKET = lazyre.compile(r"[^()]{0,6}、[^()]{0,30}\)")  # ("(286.10万元、97.25万元)": more than one figure)
# a bracket right after what a change compares with: "较上年末(", "较年初结转结余(", "比2022年度("
_COMPARED_IN_BRACKET = lazyre.compile(r"(?:较|比|与|相较于?)\s*(?:上年末|上年底|上年度?|去年|年初|期初|上期末?|上年同期|"
                                      r"去年同期|(?:19|20)\d{2}\s*年度?(?:末|底)?)[\u4e00-\u9fff]{0,10}\s*\(\s*$")


def _part_of_group_in_bracket(r: Reading, group: Fact) -> Fact | None:
    """The first count in a bracket of last year's figures, when a part drawn from it follows ("(16个部门中4个,占25.0%)",
    "(31个项目中3个)", "(共评价14个部门,其中“优”5个)", "(38个项目中“优”8个)"): the part, the last count of that unit before
    the bracket closes — the group's size is no figure of the subject. `group` itself where no part follows."""
    text = r.norm.text
    close = text.find(")", group.span.end)
    if close < 0 or not _PART_OF_GROUP.match(text, group.span.end, close):
        return group
    parts = [f for f in r.facts if f is not None and f.kind == "count" and f.unit == group.unit
             and group.span.end < f.span.start < close]
    return parts[-1] if parts else None


_OPENS_BRACKET_BEFORE = lazyre.compile(r"\([^()\d,;。]{0,8}$")  # ("(16个…", "(共评价14个…": the bracket's first figure)
# what follows a group's size in a bracket, up to the part drawn from it: "个部门中", "个乡镇中", "个部门,其中“优”"
_PART_OF_GROUP = lazyre.compile(r"[^()\d,;。]{0,10}?(?:中|,\s*其中|之中)")


def _bracketed_last_year(r: Reading, i: int, current: Fact) -> Fact | None:
    """"…收入45.6亿元(上年同期59.5亿元),降23.4%": the figure in the bracket right after the current one, said
    to be last year's, is what the change compares with."""
    tree = r.tree
    for j in tree.before(i, "sentence", limit=8):
        t, f = tree[j], r.facts[j]
        if f is current:
            return None
        if f is None or t.kind != "labelled":
            continue
        after_current = j > 0 and any(r.facts[k] is current for k in range(max(0, j - 3), j))
        # ("2023年度…决算24.84万元(2022年度56.24万元),比上年减少31.40万元": the bracket names the year before the
        # current figure's own by number)
        if after_current and t.depth > tree[i].depth and f.kind == current.kind and f.unit == current.unit \
                and (_LAST_YEAR.fullmatch(clean_label(f.label))
                     or _YEAR_ONLY.fullmatch(clean_label(f.label)) and _year_before(f, current)):
            return f
        return None
    return None


def _last_year_clause_after(r: Reading, i: int, current: Fact) -> Fact | None:
    """"…支出9860.20万元,比上年增长4.5%,上年支出10320.50万元。": the clause right after the change
    states one figure alone, named last year's (上年, 去年 …) and the subject's own name or none — what the
    change compares with (past the same change said again as a rate; the subject named with or without 合计/总计, and
    last year's figure too: "支出总计…,比上年增长4.5%,上年支出总计…,上年预算…").
    None when another figure follows in its clause (a list), a later one in its sub-sentence names last year's figure of
    the subject again, or the name is another subject's."""
    tree = r.tree
    s = tree[i]
    # (past the same change said again as a rate, "较上年减少289.40万元,下降4.4%,上年为6530.20万元")
    said_again = {j for j in tree.after(i, "sentence", limit=3) if tree[j].kind == s.kind and tree[j].depth == s.depth}
    k = next((j for j in tree.after(i, "sentence", limit=5) if not tree[j].is_separator and j not in said_again), None)
    if k is None or not all(tree[j].separator(",") or j in said_again for j in range(i + 1, k)):
        return None
    if tree[k].kind == "words" and k + 1 < len(tree) and tree[k + 1].kind == "total" \
            and tree[k + 1].clause == tree[k].clause:
        k += 1  # ("上年支出总计3493.01万元": the name before 总计 stands in a words node of the figure's own clause)
    if tree[k].kind not in {"labelled", "total"} or tree[k].clause == s.clause or tree[k].depth != s.depth:
        return None
    f = r.facts[k]
    if f is None or f.kind != current.kind or f.unit != current.unit or f.is_bound or f is current:
        return None
    named = _LAST_YEAR_NAMED.fullmatch(clean_label(f.label))
    name = _TOTAL_TAIL.sub("", named.group("name")) if named is not None else ""
    if named is None or (name and not _TOTAL_TAIL.sub("", clean_label(current.label)).endswith(name)):
        return None  # (支出总计 … 上年支出: the same total, named with or without 合计/总计)
    for j in tree.after(k, "sub"):
        if r.facts[j] is None:
            continue
        if tree[j].clause == tree[k].clause:
            return None  # (a list of last year's figures, "上年支出…、收入…": no single base)
        again = _LAST_YEAR_NAMED.fullmatch(clean_label(r.facts[j].label))
        if again is not None and _TOTAL_TAIL.sub("", again.group("name")) == name:
            return None  # (a second figure of last year under the same name: which one is the base is not said)
    # (later clauses that name other figures, "，上年预算9500.00万元，其中上年基本支出…", or what follows a ';', leave it)
    return f


_LAST_YEAR_NAMED = lazyre.compile(r"(?:上年|去年|上一年度?|上年度)(?:同期)?(?:为|是)?(?P<name>[\u4e00-\u9fff]{0,12})")
_TOTAL_TAIL = lazyre.compile(r"(?:总计|合计|总额)$")


def _base_in_bracket_after(r: Reading, i: int, current: Fact | None) -> tuple[Fact, Fact] | None:
    """The change at node i is followed right away by a bracket holding one amount alone, whose label names only an
    earlier period (上年同期, 上年9月; a month before for a 环比: cue base_period_last_year / base_period_month_before):
    (this period's figure, that base). This period's is `current`, else the nearest amount before the change in its
    sentence, outside brackets, of the base's unit and this period's. None when the change is on another basis
    (同口径, 扣除…因素后: other_basis), compares with something else than the bracket names, or the months disagree."""
    tree = r.tree
    s = tree[i]
    if i + 3 >= len(tree) or not tree[i + 1].separator("(") or not tree[i + 3].separator(")") \
            or tree[i + 2].kind != "labelled" or tree[i + 2].depth != s.depth + 1 or tree[i + 3].depth != s.depth:
        return None
    base = r.facts[i + 2]
    if base is None or base.kind != "amount" or base.is_bound or other_basis(r, i):
        return None
    label, keyword = clean_label(base.label), s.piece.keyword
    said = (tree[i - 1].piece.label if i > 0 and tree[i - 1].kind == "words" and tree[i - 1].clause == s.clause
            else "") + keyword
    month_before = r.vocab.cue("compared_month_before").search(said)
    if month_before:
        named = r.vocab.cue("base_period_month_before").match(label)
    else:
        named = r.vocab.cue("base_period_last_year").match(label)
        if named is not None and (_reference(r, said, "previous") != "previous" or LABEL_YEAR.search(said)
                                  or r.vocab.cue("compared_year_start").search(said)
                                  or r.vocab.cue("compared_period_end").search(said)):
            return None  # ("比预算增长", "比2019年增长", "比年初增加": not against the period the bracket names)
    if named is None:
        return None
    if current is not None and (at := r.node_of(current)) is not None and tree[at].depth > s.depth:
        # ("环比增长8.6%(11月份销售521.62亿元),同比增长4.0%(上年同期销售544.75亿元)": the base of the change before, in its
        # bracket, is not this period's figure — the one outside brackets is)
        current = None
    if current is None:
        current = _figure_of_subject_before(r, i, base)
    if current is None or current.unit != base.unit or current.kind != "amount" or current.is_bound:
        return None
    at = r.node_of(current)
    if at is None or any(tree[j].kind in OPENERS for j in tree.before(at, "sentence", limit=_LOOK_BACK)):
        # ("教育经费2614.38亿元,包括教育事业费…和教育费附加209.57亿元,比上年增长5.16%(上年2486.15亿元)": after a list, the
        # whole's change or its last part's — which, the text does not say)
        return None
    month = named.group("month") if "month" in named.groupdict() else None
    now = r.vocab.cue("month_named").search(r.norm.text, part_start(r.norm.text, current.span.start, "。\n"),
                                            current.span.start)
    if month_before and month is not None:
        # (a 环比 on the month named: "9月份,…环比下降14.9%(8月为…)" — the month before the sentence's own only)
        if now is None or int(month) % 12 != (int(now.group("month")) - 1) % 12:
            return None
    elif month is not None and now is not None and int(month) != int(now.group("month")):
        return None  # ("9月份…同比增长(上年8月为…)": not the same month of last year)
    return current, base


def _figure_of_subject_before(r: Reading, i: int, base: Fact) -> Fact | None:
    """The nearest amount before the change at node i in its sentence, outside brackets, in `base`'s unit: not a figure
    of last year, nor one named as compared with or as money over or short of the budget."""
    tree = r.tree
    for j in tree.before(i, "sentence", limit=_LOOK_BACK):
        t, f = tree[j], r.facts[j]
        if f is None or t.kind not in {"labelled", "total"} or t.depth > tree[i].depth or f.kind == "percent":
            continue
        label = clean_label(f.label)
        if f.kind != "amount" or f.unit != base.unit or r.is_previous(f) or f.is_bound \
                or r.vocab.cue("compared_prefix").match(label) or r.vocab.cue("against_budget_word").search(label):
            return None
        return f
    return None


def _comparable_previous(r: Reading, i: int, current: Fact) -> Fact | None:
    """"上年预算3410.00万元(剔除…380.00万元后,同口径为3030.00万元),较上年同口径增加256.40万元": a change said on
    the comparable basis is against the figure the sentence states on that basis."""
    cue = r.vocab.cue("comparable_basis")
    tree = r.tree
    said = tree[i - 1].piece.label if i > 0 and tree[i - 1].kind == "words" and tree[i - 1].clause == tree[i].clause \
        else ""
    if not cue.search(said + tree[i].piece.keyword):
        return None
    for j in tree.before(i, "sentence", limit=_LOOK_BACK):
        f = r.facts[j]
        if f is not None and f is not current and f.kind == current.kind and f.unit == current.unit \
                and cue.search(f.label):
            return f
    return None


# a clause that says a growth is at comparable or constant prices, then the rate's own clause, with no figure between
_PRICE_CLAUSE_BEFORE = lazyre.compile(r"(?:可比价|不变价|扣除价格因素)[^,;。\d]{0,6}[,;]\s*[^,;。]{0,16}$")
_REAL_RATES_NOTE = lazyre.compile(r"(?:增长速度|增速|增长率)[^。]{0,6}按(?:不变|可比)价格?计算")


@lru_cache(maxsize=4)
def _says_real_rates(text: str) -> bool:
    """The report notes that its growth rates are at constant prices — looked for once a text, not once a rate (a
    string's hash is kept with it: the cache costs nothing after the first call)."""
    return bool(_REAL_RATES_NOTE.search(text))


def other_basis(r: Reading, k: int) -> bool:
    """The words before a growth rate put it on another basis than the figures written
    ("剔除留抵退税后同口径下降6.07%", "按可比口径增长3%")."""
    cue = r.vocab.cue("adjusted_basis")
    for j in r.tree.before(k, "clause", limit=3):
        node = r.tree[j]
        if node.kind == "words" and cue.search(node.piece.label):
            return True
        if node.kind != "sep":
            break
    if cue.search(r.tree[k].piece.label) or _basis_after(r, k, cue):
        return True
    # ("…713.50亿元(上年为651.23亿元),按可比价格计算,比上年增长7.6%": a clause of its own before the rate's says its prices)
    at = r.tree[k].start
    if _PRICE_CLAUSE_BEFORE.search(r.norm.text, max(0, at - 30), at):
        return True
    # ("…总产值1048.20亿元,…,按可比价格计算,比上年增长4.3%。其中,农业产值578.94亿元,上年为562.30亿元,增长3.8%": the prices
    # said before in the paragraph hold for its later rates of value added and output)
    if _of_real_quantity(r, k) and _PRICE_SAID.search(r.norm.text, part_start(r.norm.text, at, "\n"), at):
        return True
    # ("注:地区生产总值、各产业增加值绝对数按现价计算,增长速度按不变价格计算": the report says its rates of value added are real)
    if _says_real_rates(r.norm.text):
        real = r.vocab.cue("real_growth_quantity")
        if any(r.facts[j] is not None and r.facts[j].kind == "amount" and real.search(clean_label(r.facts[j].label))
               for j in r.tree.before(k, "sentence")):
            return True
    # ("…;按同口径(上年同期剔除…后为79.95亿元)计算,增长7.9%": the part of the sentence the rate ends opens with it)
    at = r.tree[k].start
    return bool(_BASIS_OPENING.match(r.norm.text, part_start(r.norm.text, at), at))


_PRICE_SAID = lazyre.compile(r"按(?:可比|不变)价格?计算?|(?:可比|不变)价格计算")


def _of_real_quantity(r: Reading, k: int) -> bool:
    """A figure of value added or output (增加值, 生产总值, 产值) stands before the rate at node k in its sentence."""
    real = r.vocab.cue("real_growth_quantity")
    return any(r.facts[j] is not None and r.facts[j].kind == "amount" and real.search(clean_label(r.facts[j].label))
               for j in r.tree.before(k, "sentence"))


_BASIS_OPENING = lazyre.compile(r"\s*(?:按|以|在)(?:同口径|可比口径|可比)")


def _basis_after(r: Reading, k: int, cue) -> bool:
    """The words right after the rate put it on another basis: "增长6.8%(同口径)", "增长6.8%,剔除上年
    一次性收入因素" — a bracket, or the next clause, with no figure of its own."""
    tree = r.tree
    if k + 1 < len(tree) and tree[k + 1].kind == "words" and tree[k + 1].sentence == tree[k].sentence \
            and tree[k + 1].piece.label.startswith("(") and cue.search(tree[k + 1].piece.label):
        return True  # (a bracket of words only is one piece: "(同口径)")
    if k + 2 >= len(tree) or tree[k + 1].sentence != tree[k].sentence or not tree[k + 1].separator("(,"):
        return False
    words = []
    for j in range(k + 2, len(tree)):
        node = tree[j]
        if node.sentence != tree[k].sentence or r.facts[j] is not None:
            return False  # (a figure in it: the words are that figure's)
        if node.is_separator:
            # a clause after a comma is the rate's note only when it ends the statement ("增长6.8%,剔除
            # 一次性因素。"); before another clause it leads that one ("下降6.4%,剔除减税降费因素,同口径下降0.9%")
            if tree[k + 1].separator(",") and not node.separator("。;)"):
                return False
            break
        if node.kind != "words":
            return False
        words.append(node.piece.label)
    return bool(words) and bool(cue.search("".join(words)))


_CHANGE_AT_END = lazyre.compile(r"(?:净增|净减|净增加|净减少|增加|减少|新增|多收|少收|多支|少支|多|少)了?$|"
                                # ("比全市平均水平低3,840元": a gap to what the label compares with)
                                r"^(?:比|较)[^,;。]{1,20}?(?:高出|低于|高|低)了?$|"
                                # ("比上年同期多征1260万元", "较上年同期多完成0.45亿元": more or less of the verb the subject
                                # was said with — the change, no figure of last year)
                                r"^(?:比|较)[^,;。]{1,20}?(?:多|少)(?:征收?|收缴|缴|完成|实现|拨付?|发放|支出|入库|筹集)了?$")
_LAST_YEAR = lazyre.compile(r"上一?年度?(?:同期)?|去年(?:同期)?|上年同期")
_YEAR_ONLY = lazyre.compile(r"(?:19|20)\d{2}年度?(?:同期)?")  # (a label naming a year and nothing else)


def _of_last_year(r: Reading, f: Fact) -> bool:
    """The figure is last year's: so read, or its clause (up to ';' or '。') says so before it ("上年分别为
    23.67万元和27.71万元(合计51.38万元)")."""
    if r.is_previous(f):
        return True
    return bool(_LAST_YEAR.search(r.norm.text, part_start(r.norm.text, f.span.start), f.span.start))


def _compared_with(r: Reading, f: Fact) -> bool:
    """The figure is named as what something is compared with ("较第4期2008.04亿元", "与一一三年度预算数…")."""
    return bool(r.vocab.cue("compared_prefix").match(clean_label(f.label)))


def _compared_period(r: Reading, keyword: str) -> str | None:
    """The period a change keyword says it compares with: a year ("比2019年增加" → "2019"), the month
    before ("环比" → "month"), the year's start ("比年初" → "year_start"), last year ("同比", "比上年" → the year
    before the report's, or "previous").  (Read once a reading for each keyword: a sentence's changes ask it of the
    same few keywords again and again.)"""
    memo = r.memo("_compared_period", dict)
    found = memo.get(keyword, memo)
    if found is memo:
        found = memo[keyword] = _period_compared(r, keyword)
    return found


def _period_compared(r: Reading, keyword: str) -> str | None:
    m = LABEL_YEAR.search(keyword)
    if m is not None and len(m.group(1)) == 4:
        return m.group(1)
    if r.vocab.cue("compared_month_before").search(keyword):
        return "month"
    if r.vocab.cue("compared_year_start").search(keyword):
        return "year_start"  # ("比年初增加186.32亿元": a balance since the year began, not against last year)
    if r.vocab.cue("compared_period_end").search(keyword):
        return "period_end"  # ("比一季度末增加0.53亿元": since an earlier quarter's or month's end this year)
    if r.vocab.cue("reference_previous").search(keyword):
        return str(int(r.report_year) - 1) if r.report_year and r.report_year.isdigit() else "previous"
    return None


_YEAR_COMPARED = lazyre.compile(r"(?:较|比|与|同)\s*((?:19|20)\d{2})\s*年")
_CLAUSE_START = lazyre.compile(r"[,;:。]")


def _other_years_compared(r: Reading, start: int, t) -> bool:
    """The clause of the change at `start` and that of the keyword `t` after it each name the year they
    compare with ("2023年较2021年累计下降39.72%,较2022年减少6.36万元"), and the years differ: two comparisons."""
    text = r.norm.text
    opened = max((m.end() for m in _CLAUSE_START.finditer(text, max(0, start - 40), start)), default=max(0, start - 40))
    mine = _YEAR_COMPARED.findall(text, opened, start)
    later = max((m.end() for m in _CLAUSE_START.finditer(text, start, t.start)), default=start)
    theirs = _YEAR_COMPARED.findall(text, later, t.end)
    return bool(mine and theirs and mine[-1] != theirs[-1])


def _other_base(r: Reading, first: str, second: str, between: str) -> bool:
    """Two change keywords of one sentence that each name what they compare with, and name different
    periods: a rate and an amount of two comparisons, not one change's — unless the second restates
    the first ("较2015年减少56亿元,即同比降4.8%": 即, the same comparison said again)."""
    a, b = _compared_period(r, first), _compared_period(r, second)
    return a is not None and b is not None and a != b and not r.vocab.cue("restated_as").search(between)


def _compares_otherwise(r: Reading, i: int, change_label: str) -> bool:
    """"较原预算净增十二亿零七百四十万元,较113年度决算数成长6.77%": the rate's own clause says what it compares
    with, and that is not what the change named before it compares with (the budget, then last year's
    决算) — two comparisons, the rate no rate of that change."""
    if not r.vocab.cue("compared_prefix").match(change_label):
        return False
    own = clean_label(r.tree[i - 1].piece.label) if i > 0 and r.tree[i - 1].kind in ("words", "labelled") \
        and r.tree[i - 1].clause == r.tree[i].clause else ""
    # (… or its keyword says it: "比年初预期多1.12亿元,同比增长9.6%", "较全省平均水平多2,067元,同比增长5.2%")
    theirs = (_reference(r, own, "") if r.vocab.cue("compared_prefix").match(own) else "") \
        or _reference(r, r.tree[i].piece.keyword, "")
    before = r.norm.text[part_start(r.norm.text, r.tree[i].start, "。\n"):r.tree[i].start]
    mine = "other" if _compares_with_other(r, change_label, r.tree[i].piece.keyword, before) \
        else _reference(r, change_label, "")
    # (a gap to another reference — an average, a target, another group — is never what a growth rate is of, even a
    # bare one: "比城镇居民少27,656元,增长7.8%")
    return mine == "other" or bool(theirs and mine and theirs != mine)


# what a comparison names as compared with, its direction words aside: "比全国多" → 全国, "比一季度多收" → 一季度
_COMPARED_OBJECT = lazyre.compile(r"^(?:仍|但|而|且|也|均)?(?:较|比|相较于?)(?P<object>[\u4e00-\u9fff]{2,}?)"
                                  r"(?:的)?(?:净增加|净减少|增加|减少|新增|多收|少收|多支|少支|高出|低于|高|低|多|少)了?$")


_COMPARED_PART = lazyre.compile(r"(?:较|比)(?P<object>[^较比]*)$")
_WIDER_AREA = lazyre.compile(r"(?:全国|全省|全市|全州|全区|全县|全盟|全旗)")
_PERIOD_END = lazyre.compile(r"上年末|上年底|去年底|去年末|(?:19|20)\d{2}年(?:末|底)|上季末|上季度末")


def _other_area_or_end(label: str, keyword: str, before: str = "") -> bool:
    """A comparison with a wider area's figure of the same period ("较全省同期多"), or a balance's with last year's end
    beside a 同比 rate at a month's end within the year ("9月末,…较上年末增加27.37亿元,同比增长10.0%" — at the year's
    end the two are one comparison): another comparison than the rate's. `before`: its sentence up to it."""
    m = _COMPARED_PART.search(label)
    if m is None:
        return False
    return bool(_WIDER_AREA.match(m.group("object"))) or (bool(_PERIOD_END.match(m.group("object")))
                                                         and "同比" in keyword and bool(_WITHIN_YEAR.search(before)))


_WITHIN_YEAR = lazyre.compile(r"(?<![\d十])(?:[1-9]|1[01])月(?:末|底)|[一二三]季度末|季末|上半年末|前三季度末")


def _compares_with_other(r: Reading, said: str, rate_keyword: str, before: str) -> bool:
    """The words of a change say it compares with another reference than last year — one the vocabulary names
    (reference_other), a wider area's same period or last year's end beside 同比 (_other_area_or_end), or an object
    named that is no period and no budget (_named_object) —: no change a 同比 rate (`rate_keyword`) is of."""
    reference = _reference(r, said, "")
    return _other_area_or_end(said, rate_keyword, before) or reference == "other" \
        or not reference and _named_object(said)


def _named_object(label: str) -> bool:
    """The label compares with something it names that is no period and no budget the vocabulary knows ("比全国多",
    "较城区低", "比一季度多收", "比出口少"): another reference than last year."""
    return bool(_COMPARED_OBJECT.match(label))


def _paired_reference(r: Reading, keyword: str) -> str:
    """What a change keyword compares with, for pairing it with another of its sentence: as _reference
    says, and 短收 / 超收 against the budget ("比上年下降5.4%,短收16.43亿元": two comparisons)."""
    return _reference(r, keyword, "") or ("budget" if r.vocab.cue("against_budget_word").search(keyword) else "")


def _reference(r: Reading, keyword: str, default: str) -> str:
    """What a change keyword compares with: last year ("比2017年预算数减少", "同比"), a reference of
    another kind (an expectation, an average: "比年初预期", "较全省平均水平"), or the budget ("决算比预算减少",
    "调减"); `default` when it does not say."""
    if r.vocab.cue("reference_previous").search(keyword):
        return "previous"
    if r.vocab.cue("reference_other").search(keyword):
        return "other"
    if r.vocab.cue("reference_budget").search(keyword):
        return "budget"
    return default
