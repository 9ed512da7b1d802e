"""A balance beside a rate whose base the document gives: the base minus the rate's numerator.

    "项目年初预算500.76万元。…实际支出419.29万元,预算执行率为83.73%,结余资金81.47万元"
        → 81.47 = 500.76 − 419.29 (balance_of_rate: the rate confirms which budget the balance is of)
"""

from __future__ import annotations

from decimal import Decimal

from auditor.extract.bind.index import DocumentIndex
from auditor.extract.model import Difference, Fact, Rate


def resolve(index: DocumentIndex, rates: list[Rate], differences: list[Difference]) -> list[Difference]:
    """`differences`: those read already — a balance one of them reads is not read again."""
    unspent = index.vocab.cue("unspent")
    taken = {d.difference.id for d in differences}
    by_sentence: dict[int, list[Rate]] = {}
    for r in rates:
        by_sentence.setdefault(r.rate.sentence, []).append(r)
    out = []
    for sentence, group in by_sentence.items():
        group.sort(key=lambda r: r.rate.span.start)
        for f in index.facts_by_sentence.get(sentence, ()):
            if f.kind != "amount" or f.is_bound or f.id in taken or not unspent.search(f.label):
                continue
            # the rate right before the balance: "…执行率95.97%,其中其他资金执行55.40万元,执行率92.33%,其他资金
            # 结余4.60万元" — of the 其他资金, not of the whole
            # (or the rate right after it, of a numerator before it: "已支出604.37万元,未支出100.08万元,支出进度88.30%")
            before = [r for r in group if r.rate.span.start < f.span.start]
            after = [r for r in group if r.rate.span.start > f.span.start and r.numerators
                     and r.numerators[0].span.start < f.span.start]
            rate = before[-1] if before else after[0] if after else None
            made = _balance(index, rate, f) if rate is not None else None
            if made is not None:
                out.append(made)
    return out


def _balance(index: DocumentIndex, r: Rate, balance: Fact) -> Difference | None:
    """`balance` = the one base that gives the rate − the rate's numerator, when the rate is of money spent."""
    if r.reason != "rate_base_in_document" or not r.numerators or r.rate.is_bound \
            or "actual" not in index.vocab.rates[r.name]["numerator"]:
        return None  # (a 到位率 is of the money received: what is left of it is no balance of the budget)
    num = r.numerators[0]
    if (num.kind, num.unit) != (balance.kind, balance.unit):
        return None
    bases = {b.value: b for n, b in (*r.document_pairs, *r.value_pairs) if n is num and _gives(r.rate, num, b)}
    if len(bases) != 1:
        return None  # (no budget gives the rate, or several do: which one the balance is of is open)
    base = next(iter(bases.values()))
    if balance.id in (num.id, base.id):
        return None
    return Difference.model_construct(difference=balance, minuends=(base,), subtrahends=(num,), name="结余",
                                      rate=None, base=None, rivals=(), reason="balance_of_rate", via=(), rejected=())


def _gives(rate: Fact, num: Fact, base: Fact) -> bool:
    """num / base × 100 is the stated rate, within the rounding of the three figures."""
    if base.value - base.tolerance <= 0:
        return False
    computed = num.value / base.value * 100
    slack = rate.tolerance + (num.tolerance + computed / 100 * base.tolerance) / (base.value - base.tolerance) * 100
    return abs(computed - rate.value) <= slack + Decimal("1e-9")
