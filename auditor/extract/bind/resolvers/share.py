"""占 X 的 p%: a part, its percentage, and the whole the text names.

    "基本支出60万元,占支出的60%"            → part 60, whole named 支出
    "A、B分别为a、b,占X的p%、q%"            → shares pair with the amounts in order
    "887万元,占年初预算1600万元的55.4%"     → the whole is written inside the share
    "总保费1293.45万元,中央财政补贴47.5%为614.39万元" → p% of the sentence's total is a
"""

from __future__ import annotations

import re
from typing import Iterator

from auditor.extract.bind.candidate import Candidate
from auditor.extract.model import Share
from auditor.extract.readings import Reading


def resolve(r: Reading) -> Iterator[Candidate]:
    tree = r.tree
    for s in tree.nodes:
        fact = r.facts[s.index]
        if s.kind != "share" or fact is None:
            continue
        i = s.index
        if fact.kind == "amount":
            yield from _share_of_stated_whole(r, i)
            continue
        if fact.kind != "percent":
            continue
        # "占财政总收入的比重为": the whole is 财政总收入
        whole_label = re.sub(r"的?(?:比重|比例|份额)?(?:为|是|约|达到?)?$", "", re.sub(r"\s+", "", s.piece.label))
        percents = [fact] + [r.facts[k] for k in _figure_run(r, i, +1)]
        amounts = [r.facts[k] for k in _figure_run(r, _part_before(r, i), -1)]
        if len(percents) > 1:
            # "A、B分别为a、b,占X的p%、q%": pair in order, or not at all
            pairs = zip(percents, amounts) if len(amounts) == len(percents) else []
            for percent, part in pairs:
                yield Candidate(Share.model_construct(percent=percent, part=part, whole=None, whole_label=whole_label,
                                                      reason="share_of_named_whole", via=("paired in order",),
                                                      rejected=()))
            continue
        part = amounts[-1] if amounts else None
        yield Candidate(Share.model_construct(percent=fact, part=part, whole=None, whole_label=whole_label,
                                              reason="share_of_named_whole", via=(), rejected=()))
    yield from _percent_of_total(r)


def _share_of_stated_whole(r: Reading, i: int) -> Iterator[Candidate]:
    """"887万元,占年初预算1600万元的52.3%": the whole is written inside the share."""
    tree = r.tree
    if i + 1 >= len(tree):
        return
    nxt = tree[i + 1]
    percent = r.facts[i + 1]
    if not (nxt.kind == "labelled" and percent is not None and percent.kind == "percent"
            and re.fullmatch(r"的?(?:比例|比重)?", nxt.piece.label)):
        return
    j = _part_before(r, i)
    part = r.facts[j] if j is not None else None
    whole = r.facts[i]
    if part is not None and part.unit == whole.unit:
        yield Candidate(Share.model_construct(percent=percent, part=part, whole=whole,
                                              whole_label=tree[i].piece.label, reason="share_of_stated_whole",
                                              via=(), rejected=()))


def _part_before(r: Reading, i: int) -> int | None:
    """The amount a share's percentage is of: the last figure before 占 in its sub-sentence."""
    tree = r.tree
    for j in tree.before(i, "sub"):
        f = r.facts[j]
        if f is not None and tree[j].kind in {"labelled", "total"}:
            return j if f.kind == "amount" else None
    return None


def _percent_of_total(r: Reading) -> Iterator[Candidate]:
    """"总保费1293.45万元,中央财政补贴47.5%为614.39万元": p% of the sentence's total is a."""
    tree = r.tree
    for s in tree.nodes[:-1]:
        i = s.index
        nxt = tree[i + 1]
        fact, amount = r.facts[i], r.facts[i + 1]
        if fact is None or fact.kind != "percent" or s.kind != "labelled":
            continue
        if not (nxt.kind == "labelled" and amount is not None and amount.kind == "amount"
                and not nxt.piece.label and nxt.piece.copula == "为"):
            continue
        whole = None
        for j in tree.before(i, "sentence"):
            t = tree[j]
            f = r.facts[j]
            if f is not None and t.kind == "labelled" and f.kind == "amount" \
                    and not (j > 0 and r.facts[j - 1] is not None and r.facts[j - 1].kind == "percent"):
                whole = f
                break
        if whole is not None and whole.unit == amount.unit:
            yield Candidate(Share.model_construct(percent=fact, part=amount, whole=whole, whole_label=whole.label,
                                                  reason="share_of_sentence_total", via=(), rejected=()))


def _figure_run(r: Reading, i: int | None, step: int) -> list[int]:
    """The figures listed with node i by "、" or "和", in text order.

    Forward (step +1, "8.1%、91.9%"): the bare figures after node i, which is excluded.
    Backward (step -1, "货物8607亿元、工程15004亿元"): the figures up to node i, included.
    """
    if i is None:
        return []
    tree = r.tree
    kind = r.facts[i].kind
    run = [] if step > 0 else [i]
    k = i
    while 0 <= k + 2 * step < len(tree):
        sep, nxt = tree[k + step], tree[k + 2 * step]
        f = r.facts[k + 2 * step]
        if not (sep.separator("、") and nxt.kind == "labelled" and f is not None and f.kind == kind
                and (step < 0 or not nxt.piece.label)):
            break
        k += 2 * step
        run.append(k)
    return run if step > 0 else run[::-1]
