"""收支相抵: the balance a text draws from the income and spending totals it stated just before.

    "…债务转贷收入39000万元,收入合计192496万元。
     政府性基金支出83173万元,…支出合计101788万元。
     上述收支相抵,年终结余90708万元。"                → 90708 = 192496 − 101788
    "…收入总量为198124.61亿元。…支出总量为221924.61亿元。收支总量相抵,赤字23800亿元" → spending − income
    "…预算总收入为3424.8亿元。…预算总支出为3332亿元。预算总收入减去预算总支出,当年结余92.8亿元"
    "本年收入28519亿元,…其中:…收入22407亿元…。本年支出25782亿元,…。本年收支结余2737亿元" → the year's own
    "国有资本经营收入1493万元,上级补助收入44万元,上年结余140万元,国有资本经营支出1459万元。
     上述收支相抵,年终结余218万元。"            → 218 = 1493 + 44 + 140 − 1459 (no total stated:
                                                   offset_balance_of_items)

The totals are the nearest 收入合计 / 支出合计 (or 总计; else 总收入) before the balance, within the
paragraphs since the previous balance or heading; else the plain 收入 / 支出 of the year; either
missing, or stated twice, and nothing is read. Where no total is stated and every figure since
the previous balance or heading is income, a balance carried in or spending, with no list of
parts among them, the balance is of them all.
"""

from __future__ import annotations

from typing import Iterator

from auditor.extract.bind.candidate import Candidate
from auditor.extract.model import Difference, Fact
from auditor.extract.readings import Reading, clean_label

_REACH = 3  # paragraphs back


def resolve(r: Reading) -> Iterator[Candidate]:
    tree = r.tree
    offset, balance = r.vocab.cue("offset"), r.vocab.cue("offset_balance")
    deficit = r.vocab.cue("offset_deficit")
    income, spending = r.vocab.cue("offset_income"), r.vocab.cue("offset_spending")
    for node in tree.of_kind("labelled"):
        fact = r.facts[node.index]
        if fact is None or fact.kind != "amount" or node.kind != "labelled":
            continue
        short = bool(deficit.search(clean_label(node.piece.label)))
        if not short and not balance.search(clean_label(node.piece.label)):
            continue
        if r.vocab.cue("carried_balance").search(clean_label(node.piece.label)):
            continue  # ("收支相抵后差额35.69万元由年初结转和结余60.77万元弥补": the balance carried in, not the year's)
        said = "".join(tree[k].piece.label for k in tree.unit("sentence", node.index) if k <= node.index)
        if not offset.search(said):
            continue
        deduction = r.vocab.cue("deduction")
        if any(deduction.match(clean_label(tree[k].piece.label)) for k in tree.unit("sentence", node.index)
               if k < node.index and tree[k].paragraph == node.paragraph):
            continue  # ("总收入…,总支出…。剔除…收入A和…支出B后,收支结余C": a balance of adjusted totals)
        plus, minus = _totals(r, node.index, income), _totals(r, node.index, spending)
        reason = "offset_balance"
        if len(plus) != 1 or len(minus) != 1:
            items = None if short else _all_items(r, node.index, income, spending)
            if items is None:
                continue
            (plus, minus), reason = items, "offset_balance_of_items"
        if any(f.unit != fact.unit for f in (*plus, *minus)):
            continue
        if short:  # a deficit is spending over income
            plus, minus = minus, plus
        yield Candidate(Difference.model_construct(
            difference=fact, minuends=tuple(plus), subtrahends=tuple(minus), name="赤字" if short else "结余",
            rate=None, base=None,
            rivals=(), reason=reason, via=(), rejected=()))


def _totals(r: Reading, i: int, cue) -> list[Fact]:
    """The figures before node i named by `cue`, back to the previous balance or heading."""
    tree = r.tree
    found: list[Fact] = []
    first = tree[i].paragraph - _REACH
    for k in range(i - 1, -1, -1):
        t = tree[k]
        if t.paragraph < first or t.kind == "heading":
            break
        f = r.facts[k]
        if f is None or t.kind not in {"labelled", "total"} or f.kind != "amount":
            continue
        label = clean_label(f.label)
        if (r.vocab.cue("offset_balance").search(label) or r.vocab.cue("offset_deficit").search(label)) and k != i:
            break  # the previous balance (or deficit): its totals are its own
        if cue.search(label):
            found.append(f)
    # a 合计/总计/总量 named as such is the total; plain 收入/支出 only where none is ("2013年收入6873亿元…
    # 支出5667亿元。本年收支结余1206亿元")
    # (合计 / 总计 / 总量 before 总收入: "总收入410338万元,…加上级补助收入…,收入合计514601万元")
    named = [f for f in found if r.vocab.cue("offset_total").search(clean_label(f.label))] or \
        [f for f in found if r.vocab.cue("offset_gross").search(clean_label(f.label))]
    # … else the year's own 收入 / 支出, named by nothing else ("本年收入28519亿元,…其中:基本养老保险费收入…")
    plain = [f for f in found if r.vocab.cue("offset_own").search(clean_label(f.label))]
    found = named or (plain if len(plain) == 1 else found)
    # (the balance's own paragraph first: "…基金收入6873億元,…;支出5667億元,…。本年收支結余1206億元" after a
    # paragraph of another fund's 收入 and 支出)
    own = [f for f in found for k in [r.node_of(f)] if k is not None and tree[k].paragraph == tree[i].paragraph]
    return own or found


def _all_items(r: Reading, i: int, income, spending) -> tuple[list[Fact], list[Fact]] | None:
    """Every figure back to the previous balance or heading, when each is income, a balance carried in or spending
    and none a list of parts: (income and carried, spending); else None."""
    tree = r.tree
    plus: list[Fact] = []
    minus: list[Fact] = []
    first = tree[i].paragraph - _REACH
    parts = r.vocab.cue("offset_parts")
    for k in range(i - 1, -1, -1):
        t = tree[k]
        if t.paragraph < first or t.kind == "heading":
            break
        f = r.facts[k]
        if f is None:
            continue
        label = clean_label(f.label)
        if f.kind != "amount" or t.kind != "labelled":
            return None  # (a total, or a figure of another kind: no account of items)
        if r.vocab.cue("carried_balance").search(label):
            plus.append(f)
        elif r.vocab.cue("offset_balance").search(label) or r.vocab.cue("offset_deficit").search(label):
            break
        elif any(r.vocab.cue(c).search(x) for c in ("offset_total", "offset_gross") for x in (label, t.piece.label)):
            return None  # a total is stated: it is the reading, not the items
        elif income.search(label):
            plus.append(f)
        elif spending.search(label):
            minus.append(f)
        else:
            return None
    if len(plus) < 2 or not minus:
        return None
    said = r.norm.text[min(f.span.start for f in (*plus, *minus)):r.facts[i].span.start]
    if parts.search(said):
        return None  # ("其中…", "包括…": parts of another figure among the items)
    return plus[::-1], minus[::-1]
