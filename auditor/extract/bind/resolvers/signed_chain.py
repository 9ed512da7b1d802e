"""加 … 减 … , 结余 X: a balance worked out in the sentence itself, each term signed by its own word.

    "收入总计481342万元,减支出总计473796万元,财政滚存结余7546万元"          → 7546 = 481342 − 473796
    "上年结转结余0亿元,加一般公共预算总收入13.83亿元,减一般公共预算总支出13.6亿元,年末结余0.23亿元"
                                                                          → 0.23 = 0 + 13.83 − 13.6

The chain opens with the one amount of its sentence before the first signed term (a sentence that
states other amounts before it sums what the text does not say), goes on with amounts whose labels
open with 加 / 减 (cues plus_term, minus_term; at least one taken away) — or that follow one joined by 、, which carry
its sign ("减一般公共预算支出679170万元、上解上级支出9860万元") —, and ends at the next amount,
which must name a balance (cue chain_result: 结余, 余额, 净 …): a total after 加上 … 减去 … is a sum
(total_after). An amount of no sign that names no balance, a rate or a change between, and nothing
is read. The balance may open the next chain ("…,结余7546万元,减结转下年支出7546万元,净结余…").
"""

from __future__ import annotations

from typing import Iterator

from auditor.extract.bind.candidate import Candidate, difference_claim
from auditor.extract.model import Difference, Fact
from auditor.extract.readings import Reading, clean_label

_AMOUNTS = {"labelled", "total"}
# separators a sign carries over: 、 joining parts, and a bracket's edges (its details are no term)
_KEEP_SIGN = frozenset("、()（）")


def resolve(r: Reading) -> Iterator[Candidate]:
    tree = r.tree
    plus, minus, result = r.vocab.cue("plus_term"), r.vocab.cue("minus_term"), r.vocab.cue("chain_result")
    for node in tree.of_kind("labelled", "total"):
        if r.facts[node.index] is None or not minus.match(_label(r, node.index)):
            continue
        start = _opening(r, node.index)
        if start is None or plus.match(_label(r, start)):
            continue
        first = r.facts[start]
        # (a chain read from an earlier 减 of the same sentence already went past this one)
        if any(minus.match(_label(r, k)) for k in range(start + 1, node.index)
               if tree[k].depth == tree[start].depth and r.facts[k] is not None):
            continue
        while True:
            added, taken, end = _terms(r, start, plus, minus)
            if end is None or not taken:
                break
            balance = r.facts[end]
            if not result.search(_label(r, end)) or balance.is_bound:
                break
            if any(f.unit != balance.unit for f in (first, *added, *taken)):
                break
            yield difference_claim(Difference.model_construct(
                difference=balance, minuends=(first, *added), subtrahends=tuple(taken), name="加减后的余额",
                rate=None, base=None, rivals=(), reason="signed_chain", via=(), rejected=()))
            start, first = end, balance  # (the balance may open the next chain)


def _opening(r: Reading, cue_at: int) -> int | None:
    """The amount the chain opens with: the first of the signed term's sentence, with only signed terms (加 …), and the
    parts joined to one by 、, between it and the first 减; None when the sentence states another amount before it or
    none."""
    tree = r.tree
    plus, minus = r.vocab.cue("plus_term"), r.vocab.cue("minus_term")
    found = None
    carried = False  # (a part joined by 、 to the signed term before it: "加上级补助收入…、债务转贷收入…")
    for k in sorted(tree.before(cue_at, "sentence")):
        t, f = tree[k], r.facts[k]
        if t.depth > tree[cue_at].depth:
            continue
        if f is None:
            if t.kind == "sep" and t.piece.keyword.strip() not in _KEEP_SIGN:
                carried = False
            continue
        if t.kind not in _AMOUNTS or f.kind != "amount":
            return None
        label = _label(r, k)
        if minus.match(label):
            return None
        if found is None:
            found = k
        elif plus.match(label):
            carried = True
        elif not carried:
            return None  # (two unsigned amounts before the chain: "A X,B Y,减Z,结余W" sums what the text does not say)
    return found


def _terms(r: Reading, start: int, plus, minus) -> tuple[list[Fact], list[Fact], int | None]:
    """The signed terms after the amount at `start`, and the node of the amount that ends them (None if a figure of
    another kind comes first, or the sentence ends)."""
    tree = r.tree
    added: list[Fact] = []
    taken: list[Fact] = []
    last: list[Fact] | None = None  # (the side of the last signed term, while the parts after it are joined by 、)
    for k in range(start + 1, len(tree)):
        t, f = tree[k], r.facts[k]
        if t.sentence != tree[start].sentence:
            return added, taken, None
        if t.depth > tree[start].depth:
            continue  # (a bracket's details: "减上解支出53亿元(其中…)")
        if t.depth < tree[start].depth:
            return added, taken, None
        if f is None:
            if t.kind not in {"sep", "words"}:
                return added, taken, None
            if t.kind == "sep" and t.piece.keyword.strip() not in _KEEP_SIGN:
                last = None  # (past a comma each term says its own sign again; a bracket's details are no break)
            continue
        if t.kind not in _AMOUNTS or f.kind != "amount":
            return added, taken, None
        label = _label(r, k)
        if minus.match(label):
            last = taken
        elif plus.match(label):
            last = added
        elif last is None or result_word(r, label):
            return added, taken, k
        # ("减一般公共预算支出679170万元、上解上级支出9860万元、债务还本支出24000万元": the parts joined by 、 to a
        # signed term carry its sign)
        last.append(f)
    return added, taken, None


def result_word(r: Reading, label: str) -> bool:
    """The amount names a balance (cue chain_result): the chain's end, never a term joined to the one before."""
    return bool(r.vocab.cue("chain_result").search(label))


def _label(r: Reading, k: int) -> str:
    """An amount's label as its fact has it ("减支出总计": the words before a 总计 and the keyword)."""
    return clean_label(r.facts[k].label)
