"""A rate whose sentence states no base: the base the document gives.

    "支出1741.75万元,完成年初预算103.3%,决算数大于预算数55.93万元" → the budget
        the sentence implies, 1741.75 − 55.93 (rate_implied_budget)
    "…项目支出95万元,执行率95%" with a budget of the same subject stated elsewhere
        → that budget (rate_base_in_document); and every amount of the document
        that gives the rate within a last digit, the readings doubt looks at
"""

from __future__ import annotations

from decimal import Decimal

from auditor.extract.bind.index import DocumentIndex
from auditor.extract.model import Change, Fact, Rate
from auditor.extract.vocabulary import read_label

_DELTA_CONCEPTS = {"增减额", "预算差额"}


def resolve(index: DocumentIndex, rates: list[Rate], changes: list[Change]) -> list[Rate]:
    by_sentence: dict[int, list[Change]] = {}
    for c in changes:
        if c.reference == "budget" and c.delta is not None:
            by_sentence.setdefault(c.delta.sentence, []).append(c)
    out = []
    for r in rates:
        if r.pairs or r.rate.is_bound:
            out.append(r)
        elif r.numerators:
            out.append(_in_document(index, r))
        else:
            out.append(_implied(index, r, by_sentence.get(r.rate.sentence, ())))
    return out


def _in_document(index: DocumentIndex, r: Rate) -> Rate:
    stated = r.rate
    value_pairs = tuple((num, d) for num in r.numerators for d in _bases_for(index, num, stated, slack_digits=1))
    num = r.numerators[0]
    # (not the numerator itself, nor an amount of its own scenario: "到位96万元,到位率80%" has no
    # base in the money received)
    bases = [f for f in index.budget_amounts if f.value >= num.value * Decimal("0.5") and f.id != num.id
             and (num.scenario is None or f.scenario != num.scenario)]
    # "公务用车…决算8.47万元,完成预算的60.50%" with no budget of 公务用车 in the text: the
    # 三公经费 budget is no base for it; "中央对地方转移支付…完成预算的98.9%": nor is the
    # budget of revenue.  A numerator that names something must find a base of the same
    # concept (or of none); one named only by scenario words ("预算执行金额") is the report's
    # own spending, and any budget may be its base.  A budget that names no subject
    # ("年初预算为34.70万元") is of the subject its own paragraph speaks of: the base of a named
    # numerator in that numerator's paragraph, or anywhere when the document states one such
    # budget (a project report's "年初预算1086.95万元" is the project's).
    if index.label_concept(num.label).concept is not None:
        bases = [f for f in bases if f.concept == num.concept
                 or (index.label_concept(f.label).concept is None and (index.one_bare_budget or f.window == num.window))]
    return r.model_copy(update={"value_pairs": value_pairs, "document_pairs": tuple((num, b) for b in bases),
                                "reason": "rate_base_in_document", "via": (*r.via, "numerator in its sentence")})


def _bases_for(index: DocumentIndex, num: Fact, stated: Fact, slack_digits: int = 0) -> list[Fact]:
    """Amounts that could be the base giving `stated` for `num` (a bisect, not a scan),
    within the rounding of both and, with slack_digits, that many last-digit units."""
    margin = stated.tolerance + Decimal(slack_digits) * Decimal(1).scaleb(-stated.decimals) * stated.scale
    low_rate, high_rate = stated.value - margin, stated.value + margin
    if high_rate <= 0:
        return []
    low = (num.value - num.tolerance) * 100 / high_rate
    high = (num.value + num.tolerance) * 100 / low_rate if low_rate > 0 else Decimal("Infinity")
    # the base's own rounding can only widen the range by its tolerance: pad generously
    pad = max(abs(low), abs(high)) * Decimal("0.001") if high != Decimal("Infinity") else Decimal(0)
    if high == Decimal("Infinity"):
        high = index.amounts_by_value[-1][0] if index.amounts_by_value else low
    return [f for f in index.amounts_between(low - pad, high + pad) if f is not num]


def bases_for(index: DocumentIndex, num: Fact, stated: Fact) -> list[Fact]:
    """Amounts anywhere that give `stated` for `num` within rounding: the base a report
    may have used instead of the one its sentence names."""
    return _bases_for(index, num, stated)


def _implied(index: DocumentIndex, r: Rate, budget_changes) -> Rate:
    """"支出1741.75万元…完成年初预算100%,决算数大于预算数55.93万元": the budget the
    sentence implies (1741.75 − 55.93) is the rate's base."""
    stated = r.rate
    for c in budget_changes:
        d = c.delta
        if d.kind != "amount":
            continue
        said = read_label(c.keyword, index.vocab).scenario
        if r.base and said and said != r.base and said != "budget":
            continue  # ("完成调整预算的96.6%,比年初预算增加33,279.64万元": the change is against another budget)
        # the spent figure: the one amount of the sentence, and not a budget (a budget stated
        # beside it makes the rate an ordinary one)
        amounts = [f for f in index.facts_by_sentence.get(stated.sentence, ()) if f.kind == "amount"
                   and f.concept not in _DELTA_CONCEPTS and not f.is_bound]
        if len(amounts) != 1 or (amounts[0].scenario or "").startswith("budget"):
            continue
        current = amounts[0]
        if current.unit != d.unit:
            continue
        return r.model_copy(update={"numerators": (current,), "excess": c, "reason": "rate_implied_budget"})
    return r
