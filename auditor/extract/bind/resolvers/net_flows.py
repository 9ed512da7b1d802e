"""A balance's change and the flows its sentence says made it: what was added less what was paid off.

    "全区政府债务余额为148.36亿元,较上年末的129.71亿元增加18.65亿元,主要是当年新增发行政府债券26.30亿元、偿还到期
     债务本金7.65亿元"                                     → 18.65 = 26.30 − 7.65 (a fall: paid off less added)

The change (增加 / 减少 d) is of a balance its sentence names before it (余额, 结余: cue balance_of_flows); right after it,
opened by 主要是 / 其中 / 包括 … (cue flows_named), come the flows, each given its role as roll_forward gives it (新增,
发行, 举借 added; 偿还, 还本 taken away) — at least one of each, every amount to the sentence's end one of them, in the
change's unit, none in a bracket: a flow of one side alone ("主要是新增债券26.30亿元") is what mainly moved the balance,
no account of it, and a figure of no role among them (利息, 置换 …) says the flows named may not be all.
The flows may come first, every amount of the sentence before the balance the change is of ("新增地方政府债券96,500万元
(…),偿还到期债务本金42,360万元,年末余额较年初558,700万元净增加54,140万元": _flows_before).
"""

from __future__ import annotations

from typing import Iterator

from auditor.extract.bind.candidate import Candidate, difference_claim
from auditor.extract.bind.resolvers.net_change import amount_changes
from auditor.extract.bind.resolvers.roll_forward import flow_role
from auditor.extract.model import Difference, Fact
from auditor.extract.readings import Reading, clean_label


def resolve(r: Reading) -> Iterator[Candidate]:
    tree = r.tree
    balance_word = r.vocab.cue("balance_of_flows")
    for s, delta in amount_changes(r):
        i = s.index
        # (the balance it is a change of: an amount of its sentence before it, named a balance)
        if not any(r.facts[k] is not None and r.facts[k].kind == "amount" and tree[k].depth == s.depth
                   and balance_word.search(clean_label(r.facts[k].label)) for k in tree.before(i, "sentence")):
            continue
        flows = _flows(r, i)
        if flows is None:
            flows = _flows_before(r, i)
        if flows is None:
            continue
        added = tuple(f for f, role in flows if role == "added")
        taken = tuple(f for f, role in flows if role == "taken")
        if not added or not taken or any(f.unit != delta.unit for f, _ in flows):
            continue
        plus, minus = (taken, added) if s.kind == "decrease" else (added, taken)
        yield difference_claim(Difference.model_construct(
            difference=delta, minuends=plus, subtrahends=minus, name="余额增减",
            rate=None, base=None, rivals=(), reason="net_of_flows", via=(), rejected=()))


def _flows(r: Reading, i: int) -> list[tuple[Fact, str]] | None:
    """The amounts after the change at node i to its sentence's end, each with its role, the first opened by a cue
    flows_named; None when one has no role, stands in a bracket or is no amount, or nothing opens them."""
    tree = r.tree
    named = r.vocab.cue("flows_named")
    out: list[tuple[Fact, str]] = []
    opened = False
    for k in range(i + 1, len(tree)):
        t, f = tree[k], r.facts[k]
        if t.sentence != tree[i].sentence:
            break
        if f is None:
            if t.kind == "qizhong" and not out:
                opened = True  # ("减少4.20亿元,其中新增债券5.40亿元、偿还…9.60亿元")
            elif t.kind == "words" and not out:
                opened = opened or bool(named.match(clean_label(t.piece.label)))
            continue
        if t.depth != tree[i].depth or f.kind != "amount" or f.is_bound or t.kind != "labelled":
            return None
        label = clean_label(f.label)
        if not out:
            m = named.match(label)
            if m is None and not opened:
                return None
            label = label[m.end():] if m else label
        role = flow_role(label, r.vocab)
        if role not in ("added", "taken"):
            return None
        out.append((f, role))
    return out or None


def _flows_before(r: Reading, i: int) -> list[tuple[Fact, str]] | None:
    """"2023年新增地方政府债券96,500万元(…),偿还到期债务本金42,360万元,年末余额较年初558,700万元净增加54,140万元": the
    flows stated first, the balance and its change after them — every amount of the sentence before the balance, at its
    depth (a bracket's parts aside), each with its role; the balance is the one amount between them and the change.
    None when one has no role, or there is none."""
    tree = r.tree
    before = [k for k in tree.before(i, "sentence") if r.facts[k] is not None and tree[k].depth == tree[i].depth]
    if len(before) < 3:
        return None
    balance, *flows = before  # (nearest first: the balance right before the change)
    if not r.vocab.cue("balance_of_flows").search(clean_label(r.facts[balance].label)):
        return None
    out: list[tuple[Fact, str]] = []
    for k in reversed(flows):
        f = r.facts[k]
        if f.kind != "amount" or f.is_bound or tree[k].kind != "labelled":
            return None
        role = flow_role(clean_label(f.label), r.vocab)
        if role not in ("added", "taken"):
            return None
        out.append((f, role))
    return out
