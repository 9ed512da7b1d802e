"""预决算差异率: how far the final account is from the budget, as a rate of the budget.

    "“三公经费”财政拨款支出合计预算数1691.24万元,决算数1645.14万元,预决算差异率-2.72%。"
        → |1645.14 − 1691.24| / 1691.24 = 2.73 % (budget_variance_in_sentence)
    "其中基本支出预决算差异率0.38%(预算845.00万元,决算841.75万元)"
        → the two figures in the bracket right after it

A rate named a variance (cue variance_rate) is read only where its sentence states, since the variance rate before it
(or in the bracket right after it), exactly one budget (预算, 调整后预算 …) and one final or spent amount (决算, 执行数)
in one unit: two budgets (年初 and 全年) leave the base open, and nothing is read.  Reports write the rate's sign
either way (决算 − 预算, or the shortfall 预算 − 决算, "执行数较预算数少29.04万元,差异率1.57%"): only its size is
compared — the change's percent is read unsigned.
"""

from __future__ import annotations

from typing import Iterator

from auditor.extract.bind.candidate import Candidate
from auditor.extract.model import BUDGET_SCENARIOS, SPENT_SCENARIOS, Change, Fact
from auditor.extract.readings import Reading, clean_label

_BUDGETS = BUDGET_SCENARIOS - {"available"}


def resolve(r: Reading) -> Iterator[Candidate]:
    variance = r.vocab.cue("variance_rate")
    text = r.norm.text
    for facts in r.facts_by_sentence(prose_only=True):
        since = -1  # (the figures after the variance rate before this one in the sentence)
        for k, rate in enumerate(facts):
            if rate.kind != "percent" or rate.is_bound or not variance.search(clean_label(rate.label)):
                continue
            before = [f for f in facts[since + 1:k] if f.kind == "amount"]
            since = k
            pair = _budget_and_final(before)
            if pair is None and text[rate.span.end:rate.span.end + 1] in "((":
                close = text.find(")", rate.span.end)
                inside = [f for f in facts[k + 1:] if f.kind == "amount" and close > 0 and f.span.end <= close]
                pair = _budget_and_final(inside)
            if pair is None:
                continue
            budget, final = pair
            yield Candidate(Change.model_construct(
                direction=0, delta=None, percent=rate.model_copy(update={"value": abs(rate.value)}), current=final,
                previous=budget, subject_label=clean_label(rate.label), reference="budget", keyword=rate.text,
                keyword_span=rate.span, reason="budget_variance_in_sentence", via=(), rejected=()))


def _budget_and_final(amounts: list[Fact]) -> tuple[Fact, Fact] | None:
    """The one budget and the one final (or spent) amount among `amounts`, in one unit, the budget above zero."""
    budgets = [f for f in amounts if f.scenario in _BUDGETS]
    finals = [f for f in amounts if f.scenario in SPENT_SCENARIOS]
    if len(budgets) != 1 or len(finals) != 1 or budgets[0].unit != finals[0].unit or budgets[0].value <= 0 \
            or budgets[0].is_bound or finals[0].is_bound:
        return None
    return budgets[0], finals[0]
