"""Lists of scores and the total score they make.

    "项目立项6分,绩效目标5分,…,满意度15分,总得分96"                 → 96 = 6 + 5 + … + 15 (score_list)
    "自评总得分95.2分,其中:预算执行率得分9.2分,产出指标得分42分,…"   → 95.2 = 9.2 + 42 + … (score_list_opened)
    "…得分91.5分。其中:预算执行率得分9.5分;产出指标满分50分,得46分;…"  → 91.5 = 9.5 + 46 + … (the same: levels
                                                                           said alone and with their full marks mixed)
    "(1)预算执行:分值10分,得分10分;\\n(2)产出指标:分值50分,得分35.5分;…\\n合计得分66.5分"
                                                                        → 66.5 = 10 + 35.5 + … (level_scores)
    "项目自评总分94.95分。…四类指标分别得9.45分、48分、…,分值分别为10分、50分、…"
                                                                        → 94.95 = 9.45 + 48 + … (score_list_respectively_after)
    "产出指标40分得39分,效益指标30分得29分,…,合计97.7分"              → 97.7 = 39 + 29 + … (level_scores: each
                                                                           level's weight, then its score named by 得)
    "过程指标(30分)得27.5分,其中预算执行12分得11分、…"                → 27.5 = 11 + … (sub_level_scores)
    "决策指标15分,扣1分,得14分;…合计扣8分,总得分92分"               → 8 = 1 + … (level_deductions)
    "1.预算执行率92.4%,…扣0.76分;⏎2.…扣0.6分;⏎3.…扣1.5分;⏎以上共扣2.86分"   → 2.86 = 0.76 + 0.6 + 1.5 (deductions_above)

What was taken off (扣 x 分) is no score: "过程指标扣2分,效益指标扣1.5分,综合得分96.5分" lists no parts, and a bracket
of deductions after a level's score ("得分22.5分(…扣1.5分、…扣1分)") explains that score, it does not end the list.

A list that names only some levels (and whose weights do not make the whole score) may be a part
of the total: only more than the total is wrong.

The weights of a framework said before a total score ("绩效自评实行百分制,其中资金执行率10分、产出指标50分…。
项目总得分92.6分,其中…得分9.6分…") are no levels' scores: no part of it (_framework_weights).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Iterator

from auditor import lazyre
from auditor.extract.bind.candidate import Candidate
from auditor.extract.bind.lists import make_breakdown
from auditor.extract.model import Fact
from auditor.extract.numbering import NUMBERED_LINE, item_style
from auditor.extract.readings import (LABEL_YEAR, OPENERS, Reading, clean_label, score_list_before, scores_after_opener,
                                     scores_on_lines_after_total)

_FULL_MARKS = Decimal(100)
_SCORED = lazyre.compile(r"得分?$|得分")  # (a score's name that says it was scored)


def resolve(r: Reading) -> Iterator[Candidate]:
    tree = r.tree
    total_name, weight = r.vocab.cue("score_total"), r.vocab.cue("score_weight")
    got = r.vocab.cue("score_got")
    for s in tree.of_kind("labelled"):
        total = r.facts[s.index]
        if total is None or total.kind != "score":
            continue
        if not total_name.search(clean_label(s.piece.label)):
            if _OWN_SCORE.fullmatch(clean_label(s.piece.label)):
                made = _respective_after(r, s.index, total)  # ("本项目自评得分94.95分。…四类指标分别得…")
                if made:
                    yield made
            continue
        parts = score_list_before(tree, r.facts, s.index, r.vocab)
        labels = [clean_label(p.label) for p in parts]
        if parts and _sums_names_joined(r, s.index, labels):
            continue  # ("决策类指标得分19.5分,过程类指标得分19分,产出、效益指标合计得分56.5分": the 合计 of the levels it names)
        first = r.node_of(parts[0]) if parts else None
        if first is not None and first > 0 and tree[first - 1].kind == "fenbie":
            made = _respective_scores(r, s.index, total)  # ("…得分分别为42.0分、23.5分,综合得分93.0分")
        elif len(parts) >= 2 and not any(weight.search(x) or total_name.search(x) or not x for x in labels) \
                and not any(n and got.match(x) and not _SCORED.search(labels[n - 1]) and parts[n - 1].sentence == parts[n].sentence
                            for n, x in enumerate(labels)) \
                and not any(r.vocab.cue("score_deducted").search(x) for x in labels):
            # ("预算执行率指标10分,得9.68分,总分99.68分": a score named by 得 alone is the one before it scored — that
            # one its weight, no part; "过程指标扣2分,效益指标扣1.5分,综合得分96.5分": what was taken off, no parts)
            made = make_breakdown(r, total, parts, "合计", not _unfigured_level(r, first, s.index), "score_list")
        else:  # weights beside the scores, or the levels on lines of their own, or in a 分别 list after it
            made = _levels_before(r, s.index, total) or _respective_scores(r, s.index, total) \
                or _respective_after(r, s.index, total)
        if made:
            yield made
    for opener in tree.of_kind("qizhong"):
        made = _levels_after(r, opener.index)
        if made:
            yield made
    for words in tree.of_kind("words"):
        made = _respective_of_named(r, words.index)
        if made:
            yield made
    yield from _levels_on_lines_below(r)
    yield from _levels_named_after(r)
    yield from _outline_weights(r)
    yield from _deductions_taken(r)
    yield from _deductions_listed(r)
    yield from _deductions_above(r)
    yield from _deductions_items_before(r)
    yield from _deductions_in_section(r)
    for s in tree.of_kind("total"):
        made = level_total(r, s.index)
        if made:
            yield made


def _sums_names_joined(r: Reading, i: int, labels: list[str]) -> bool:
    """The 合计 at node i is of names joined to its own by 、 right before it, none a part's ("产出、效益指标合计得分":
    the 合计 of 产出 and 效益, the levels it names — not of the scores of other names before it)."""
    tree = r.tree
    if i < 2 or not r.vocab.cue("total_of_names").search(clean_label(tree[i].piece.label)):
        return False
    names = []
    k = i - 1
    while k >= 1 and tree[k].kind == "sep" and tree[k].piece.keyword == "、" and tree[k - 1].kind == "words":
        names.append(clean_label(tree[k - 1].piece.label))
        k -= 2
    return bool(names) and all(n and not any(n in x for x in labels) for n in names)


def _unfigured_level(r: Reading, first: int | None, i: int) -> bool:
    """Between the list's first score (node `first`) and its total (node i) a clause names a level without its
    figure (cue score_part_unfigured: "…,满意度指标得9.5分,加上预算执行得分,总分96.78分"): the scores given are
    some of the parts — the one named may be stated elsewhere —, so only more than the total is wrong."""
    if first is None:
        return False
    unfigured = r.vocab.cue("score_part_unfigured")
    tree = r.tree
    return any(tree[j].kind == "words" and tree[j].depth == tree[i].depth
               and unfigured.search(clean_label(tree[j].piece.label)) for j in range(first + 1, i))


def level_total(r: Reading, i: int) -> Candidate | None:
    """"产出指标40分得39分,…,决策与管理10分得10分,合计97.7分": a 合计 score (node i) after levels said with their
    weights is the sum of the levels' scores — two lists, the weights and the scores, never one list of them all
    (total_after leaves such a 合计 to this reading)."""
    total = r.facts[i]
    if total is None or total.kind != "score" or not _levels(r, _scores_before(r, i))[1]:
        return None
    return _levels_before(r, i, total)


def _deductions_taken(r: Reading) -> Iterator[Candidate]:
    """"决策指标15分,扣1分,得14分;…;效益指标30分,扣2.5分,得27.5分。合计扣8分,总得分92分": the total deduction
    said right after the levels (cue score_deducted_total) is the sum of what was taken off each — all of it when
    the levels' weights make full marks."""
    taken = r.vocab.cue("score_deducted_total")
    for s in r.tree.of_kind("labelled"):
        total = r.facts[s.index]
        if total is None or total.kind != "score" or not taken.search(clean_label(total.label)):
            continue
        found = _scores_before(r, s.index)
        scores, weights, deductions = _levels(r, found)
        if len(scores) < 2 or len(deductions) < 2 or _framework_weights(r, found):
            continue
        first = r.node_of(found[0])
        start = r.tree.paragraph_start(r.tree[first].paragraph) if first is not None else found[0].span.start
        total, deductions = _counted(total, deductions)
        made = make_breakdown(r, total, deductions, "合计", _whole(r, weights, r.norm.text[start:found[-1].span.end]),
                              "level_deductions")
        if made:
            yield made


_LIST_COLON = ":"


def _counted(total: Fact, parts: list[Fact]) -> tuple[Fact, list[Fact]]:
    """Points taken off by a scoring rule, in whole or half points (decimals ≤ 1), are counted, not rounded: the total
    and its parts marked exact (1 + 3 + 1.5 + 2.5 is no 9); a deduction worked out from a rate ("扣0.62分") is rounded,
    and the figures are left as they are."""
    if all(f.decimals <= 1 for f in (total, *parts)):
        return total.model_copy(update={"exact": True}), [f.model_copy(update={"exact": True}) for f in parts]
    return total, parts


def _deductions_listed(r: Reading) -> Iterator[Candidate]:
    """"项目共扣减4.60分,其中:预算执行率扣0.40分;…扣2分;…扣1.2分;…扣1分。", "过程指标扣3.1分:资金到位率86.5%,扣1.35分;
    部分工程款支付凭证不全,扣1.75分。": a deduction (cue score_deducted) that opens a list — 其中 or a colon right after
    it — is the sum of the deductions its sentence lists after it.  The figures said of what each is for (a rate, a
    count) are passed over; a score that is no deduction, a deduction rule (每…扣, 最多扣) or a total of its own
    among them, and nothing is read."""
    tree = r.tree
    deducted, rule = r.vocab.cue("score_deducted"), r.vocab.cue("score_deducted_rule")
    taken = r.vocab.cue("score_deducted_total")
    for s in tree.of_kind("labelled"):
        total = r.facts[s.index]
        if total is None or total.kind != "score" or s.depth != 0:
            continue
        label = clean_label(total.label)
        if not deducted.search(label) or rule.search(label):
            continue
        k = _opens_list(r, s.index)
        if not k:
            continue
        marker = "其中" if tree[k].kind == "qizhong" else _LIST_COLON
        parts: list[Fact] = []
        for j in tree.after(k, "sentence"):
            t, f = tree[j], r.facts[j]
            if t.kind == "total" or t.kind in OPENERS:
                parts = []
                break
            if f is None or t.depth != s.depth or f.kind != "score":
                continue  # (what a deduction is for: "资金到位率86.5%,扣1.35分")
            part = clean_label(f.label)
            if not deducted.search(part) or rule.search(part) or taken.search(part) or _opens_list(r, j):
                # (a deduction that opens a list of its own is the first's sibling: "预算编制扣1分:年初预算…;预算执行扣1.4分:
                # 执行率未达到…" — each its reason after a colon, none the parts of another)
                parts = []
                break
            parts.append(f)
        if len(parts) < 2:
            continue
        total, parts = _counted(total, parts)
        made = make_breakdown(r, total, parts, marker, True, "deductions_listed")
        if made:
            yield made


def _deductions_above(r: Reading) -> Iterator[Candidate]:
    """"主要扣分情况如下:⏎1.预算执行率92.4%,…得9.24分,扣0.76分;⏎2.…完成率94%,扣0.6分;⏎3.…扣1.5分;⏎4.…扣0.5分。⏎
    以上共扣3.36分": a deduction the line opens by naming the items above it (以上共扣, 上述各项合计扣: cue
    deductions_above) is the sum of the numbered lines right above it, each stating one deduction taken (扣 d 分).  A
    numbered line stating none, or more than one, or a rule (每…扣, 最多扣), and nothing is read: the items are then
    not one deduction each.  The items stand on lines of their own: a structural reading, which warns."""
    tree, text = r.tree, r.norm.text
    above, deducted = r.vocab.cue("deductions_above"), r.vocab.cue("score_deducted")
    rule = r.vocab.cue("score_deducted_rule")
    for s in tree.of_kind("labelled"):
        total = r.facts[s.index]
        if total is None or total.kind != "score" or total.is_bound:
            continue
        line = text.rfind("\n", 0, total.span.start) + 1
        if not above.match(text, line, total.span.start):
            continue
        items: list[tuple[int, int]] = []  # the numbered lines right above, nearest first
        end = line - 1
        while end > 0:
            start = text.rfind("\n", 0, end) + 1
            if not NUMBERED_LINE.match(text, start, end):
                break
            items.append((start, end))
            end = start - 1
        if len(items) < 2:
            continue
        # (the deductions said on the lines, found in one pass over the figures, not one a line)
        first, last = items[-1][0], items[0][1]
        near = [f for f in r.facts if f is not None and f.kind == "score" and first <= f.span.start < last
                and deducted.search(clean_label(f.label))]
        yield from _sum_of_items(r, total, near, reversed(items), lambda label: not rule.search(label),
                                 "deductions_above")


_INLINE_ITEM = lazyre.compile(r"[(（](\d{1,2})[)）]")  # an item's number in brackets within a line: (1), （2）
_CLAUSE_END = lazyre.compile(r"[。;；]")


def _deductions_items_before(r: Reading) -> Iterator[Candidate]:
    """"扣分情况:(1)…计划60个、完成54个,扣1.2分;(2)…为90%,扣0.8分;(3)…为88%,扣0.5分。以上合计扣2.5分,最终自评得分97.5分":
    a deduction whose clause opens by naming the items before it (以上合计扣: cue deductions_above), in the line that
    numbers them in brackets from (1), is the sum of those items, each stating one deduction taken (扣 d 分) — the
    inline form of _deductions_above.  An item stating none, or more than one, or a rule (每…扣, 最多扣), and nothing is
    read."""
    tree, text = r.tree, r.norm.text
    above, deducted = r.vocab.cue("deductions_above"), r.vocab.cue("score_deducted")
    for s in tree.of_kind("labelled"):
        total = r.facts[s.index]
        if total is None or total.kind != "score" or total.is_bound:
            continue
        line = text.rfind("\n", 0, total.span.start) + 1
        ends = [m.end() for m in _CLAUSE_END.finditer(text, line, total.span.start)]
        if not ends or not above.match(text, ends[-1], total.span.start):
            continue  # (a line it opens: _deductions_above's)
        clause = ends[-1]
        marks = list(_INLINE_ITEM.finditer(text, line, clause))
        if len(marks) < 2 or [int(m.group(1)) for m in marks] != list(range(1, len(marks) + 1)):
            continue
        near = [f for f in r.facts if f is not None and f.kind == "score" and marks[0].start() <= f.span.start < clause]
        spans = [(m.start(), nxt.start() if nxt else clause) for m, nxt in zip(marks, [*marks[1:], None])]
        yield from _sum_of_items(r, total, near, spans, deducted.search, "deductions_items_before")


def _sum_of_items(r: Reading, total: Fact, near: list[Fact], spans, keeps, reason: str) -> Iterator[Candidate]:
    """The deduction `total` as the sum of its items, each stretch of text in `spans` stating one deduction taken (a
    score of `near` whose name `keeps` keeps); an item stating none, or more than one, or a total taken (cue
    score_deducted_total), or a rule (每…扣, 最多扣: cue score_deducted_rule), and nothing is read."""
    text = r.norm.text
    rule, taken = r.vocab.cue("score_deducted_rule"), r.vocab.cue("score_deducted_total")
    parts: list[Fact] = []
    for start, end in spans:
        said = [f for f in near if start <= f.span.start < end]
        label = clean_label(said[0].label) if len(said) == 1 else ""
        if len(said) != 1 or not keeps(label) or taken.search(label) or rule.search(text, start, end):
            return
        parts.append(said[0])
    if len(parts) < 2:
        return
    total, parts = _counted(total, parts)
    made = make_breakdown(r, total, parts, "以上", True, reason)
    if made:
        yield made


# a section that lists the points taken off: "三、扣分情况。(1)…扣1.5分;(2)…扣2分;…", "（二）扣分明细"
_DEDUCTIONS_SECTION = lazyre.compile(r"(?m)^[ \t]*(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）])\s*"
                                     r"(?:主要)?扣分(?:情况|明细|说明|原因)[。:：]?")
_SECTION_ITEM = lazyre.compile(r"[(（]\d{1,2}[)）]|(?<![\d.])\d{1,2}[.、](?!\d)")
_NEXT_SECTION = lazyre.compile(r"\n[ \t]*(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）])")


def _deductions_in_section(r: Reading) -> Iterator[Candidate]:
    """"一、自评得分。…本项目满分100分,共扣分6.5分,自评得分93.5分。…三、扣分情况。(1)…扣1.5分;(2)…扣2分;(3)…扣1分;
    (4)…扣2分。": the one deduction in all the text said to be all that was taken (共扣, 合计扣: cue score_deducted_total)
    is the sum of the numbered items of the section that lists the points taken off (扣分情况, 扣分明细), each item
    stating one deduction.  An item stating none or more than one, or a rule (每…扣, 最多扣), another total deduction,
    or two such sections, and nothing is read.  Said sections apart: a structural reading, which warns."""
    text = r.norm.text
    sections = list(_DEDUCTIONS_SECTION.finditer(text))
    if len(sections) != 1:
        return
    deducted, rule = r.vocab.cue("score_deducted"), r.vocab.cue("score_deducted_rule")
    taken = r.vocab.cue("score_deducted_total")
    scores = [f for f in r.facts if f is not None and f.kind == "score" and not f.is_bound]
    totals = [f for f in scores if taken.search(clean_label(f.label))]
    start = sections[0].end()
    end = _NEXT_SECTION.search(text, start)
    end = end.start() if end else len(text)
    if len(totals) != 1 or start <= totals[0].span.start < end or rule.search(text, start, end):
        return
    marks = list(_SECTION_ITEM.finditer(text, start, end))
    if len(marks) < 2 or text[start:marks[0].start()].strip(" \t\n"):
        return  # (the items open the section: no words of another kind before them)
    bounds = [(m.start(), nxt.start() if nxt else end) for m, nxt in zip(marks, [*marks[1:], None])]
    parts: list[Fact] = []
    for a, b in bounds:
        said = [f for f in scores if a <= f.span.start < b]
        if len(said) != 1 or not deducted.search(clean_label(said[0].label)) or taken.search(clean_label(said[0].label)):
            return
        parts.append(said[0])
    total = totals[0]
    total, parts = _counted(total, parts)
    made = make_breakdown(r, total, parts, "扣分情况", True, "deductions_in_section")
    if made:
        yield made


def _opens_list(r: Reading, i: int) -> int:
    """The node of the marker right after node i that opens a list — 其中 (after a comma or not) or a colon — in its
    sentence; 0 when none does."""
    tree, text = r.tree, r.norm.text
    k = i + 1
    if k < len(tree) and tree[k].kind == "sep" and text[tree[k].start:tree[k].end].strip() == "," \
            and k + 1 < len(tree) and tree[k + 1].kind == "qizhong":
        k += 1
    if k >= len(tree) or tree[k].sentence != tree[i].sentence:
        return 0
    if tree[k].kind == "qizhong" or (tree[k].kind == "sep" and text[tree[k].start:tree[k].end].strip() == _LIST_COLON):
        return k
    return 0


# the weight a heading of an evaluation framework's outline carries right after its name: "(一)项目立项(8分):"
_HEADING_WEIGHT = lazyre.compile(r"[\u4e00-\u9fff、]{2,20}\($")
_BONUS = lazyre.compile(r"加分|附加分|扣分项")


def _outline_weights(r: Reading) -> Iterator[Candidate]:
    """"一、投入(14分)\n(一)项目立项(8分):…\n(二)资金落实(6分):…\n二、过程(…": the weight of a heading is the sum of
    its sub-headings' — those of the next level down, up to the next heading of its own level or above (a group the
    text ends in may be cut off: only more is wrong then). Every sub-heading must carry its weight; a group that
    speaks of bonus points (加分) is left alone."""
    text = r.norm.text
    weights = {}  # line start → the weight its heading carries
    for f in r.facts:
        if f is not None and f.kind == "score" and not f.in_table:
            start = text.rfind("\n", 0, f.span.start) + 1
            m = NUMBERED_LINE.match(text, start)
            named = _HEADING_WEIGHT.fullmatch(text, m.end(), f.span.start) if m else None
            if named and text.startswith(")", f.span.end) and start not in weights:
                # (a weight is designed, not rounded: 2 + 3 + 4 is no 8; named by its heading)
                weights[start] = f.model_copy(update={"exact": True, "label": named.group()[:-1]})
    if len(weights) < 3:  # (a framework's outline: a heading and two sub-headings at least)
        return
    headings = []  # (line start, style, weight or None) of every numbered line, in order
    for m in NUMBERED_LINE.finditer(text):
        start = text.rfind("\n", 0, m.start()) + 1
        headings.append((start, item_style(m.group().strip(" \t|")), weights.get(start)))
    rank: dict[str, int] = {}
    for _, style, _ in headings:
        rank.setdefault(style, len(rank))  # (the outline's levels, in the order they first appear)
    for n, (start, style, weight) in enumerate(headings):
        if weight is None:
            continue
        children: list[Fact | None] = []
        child_style = None
        closed = False
        for later_start, later_style, later_weight in headings[n + 1:]:
            if rank[later_style] <= rank[style]:
                closed = True
                break
            if child_style is None:
                child_style = later_style
            if later_style == child_style:
                children.append(later_weight)
        end = later_start if closed else len(text)
        if len(children) < 2 or any(c is None for c in children) or _BONUS.search(text, start, end):
            continue
        yield make_breakdown(r, weight, children, "分值", closed, "outline_weights")


def _levels_before(r: Reading, i: int, total: Fact) -> Candidate | None:
    """The scores (with or without their weights) on the lines right before a total score, each line
    holding nothing but scores: "(2)产出指标:分值50分,得分35.5分;" … "合计得分66.5分" — or in the total's own
    sentence, each score beside its weight ("产出指标40分得39分,…,合计97.7分").  A deduction said in brackets after a
    score ("得分22.5分(预算执行率未达100%扣1.5分、…扣1分)") explains it; the total of the deductions said right before
    the total score ("合计扣8分,总得分92分") is theirs (_deductions_taken); neither is a level's score."""
    found = _scores_before(r, i)
    if not found:
        return _levels_past_subtotal(r, i, total)
    if _claimed_by_opened_total(r, found[0]):
        return None  # ("项目一自评总分93分,其中:决策19分,…效益24分。项目二自评总分78分": the levels are 93's, not 78's)
    taken = r.vocab.cue("score_deducted_total")
    while found and taken.search(clean_label(found[-1].label)):
        found.pop()
    if not found or (found[0].sentence == total.sentence and not _levels(r, found)[1]):
        return None  # (a list in the total's own sentence, with no weights, is the score list's)
    if _framework_weights(r, found):
        return None
    tree = r.tree
    first = r.node_of(found[0])
    start = tree.paragraph_start(tree[first].paragraph) if first is not None else found[0].span.start
    text = r.norm.text[start:found[-1].span.end]
    funds = _funds_score_before(r, found, total, text)
    if funds is not None:
        found, text = [funds, *found], f"{clean_label(funds.label)} {text}"
    return _breakdown(r, total, found, text, "合计", "level_scores")


def _claimed_by_opened_total(r: Reading, first: Fact) -> bool:
    """The levels whose first score is `first` follow a 其中 (or 包括) right after a total score: "项目一自评总分93分,
    其中:⏎决策19分⏎…⏎效益24分⏎项目二自评总分78分" — they are that total's list (score_list_opened), no parts of a
    later total (another project's, year's, a reviewer's: 78, "上年自评总分88分", "财政复核总分90分")."""
    tree = r.tree
    k = r.node_of(first)
    if k is None:
        return False
    j = k - 1
    while j >= 0 and tree[j].kind == "sep":
        j -= 1
    if j < 0 or tree[j].kind not in OPENERS:
        return False
    before = next((m for m in range(j - 1, -1, -1) if r.facts[m] is not None), None)
    if before is None or r.facts[before].kind != "score" or tree[before].paragraph < tree[j].paragraph - 1:
        return False
    label = clean_label(r.facts[before].label)
    return bool(r.vocab.cue("score_total").search(label) or _OWN_SCORE.fullmatch(label)
                or r.vocab.cue("evaluation_score").search(label))


def _levels_past_subtotal(r: Reading, i: int, total: Fact) -> Candidate | None:
    """"资金执行率指标分值10分,资金得分9.40分;产出指标分值50分,得分46分;…满意度指标分值10分,得分9分。绩效指标得分合计82.5分,
    自评总得分91.90分": a total score (node i) right after a 合计 of some of the levels, in its own sentence, is the sum
    of the levels before that 合计 — only when their weights make full marks: then they are all of the total whatever the
    合计 counts (levels that make less may be the 合计's alone, the total that plus a level said elsewhere).  The total
    must be named as the evaluation's own (cue own_total_score: not last year's, another project's, one revised after
    review); and a 合计 that is already the levels' sum leaves the figure after it another score, not read."""
    tree = r.tree
    j = i - 1
    while j >= 0 and tree[j].kind == "sep" and tree[j].sentence == tree[i].sentence:
        j -= 1
    if j < 0 or tree[j].kind != "total" or tree[j].sentence != tree[i].sentence or tree[j].depth != tree[i].depth:
        return None
    subtotal = r.facts[j]
    if subtotal is None or subtotal.kind != "score":
        return None
    if not r.vocab.cue("own_total_score").search(clean_label(total.label)):
        return None
    found = _scores_before(r, j)
    scores, weights, deductions = _levels(r, found)
    if len(scores) < 2 or deductions or sum(w.value for w in weights) != _FULL_MARKS or _framework_weights(r, found):
        return None
    if abs(sum(f.value for f in scores) - subtotal.value) <= sum(f.tolerance for f in (subtotal, *scores)):
        return None  # (the 合计 is the levels' sum itself: "合计94.13分,上年自评总得分89.6分")
    return make_breakdown(r, total, scores, "合计", True, "level_scores", via=(_PAST_SUBTOTAL,))


_PAST_SUBTOTAL = "the levels before a subtotal of some of them"
_OF_INDICATORS = lazyre.compile(r"指标")  # (a total named by the indicators is theirs: "绩效指标总得分")


def _funds_score_before(r: Reading, found: list[Fact], total: Fact, text: str) -> Fact | None:
    """"项目全年预算275万元,…,预算执行得分9.76分。⏎产出、效益、满意度指标分值分别为50分、30分、10分,得分分别为48.5分、
    29分、9.6分。⏎项目总得分96.86分": the funds score (cue funds_score_label) that ends the sentence right before the levels'
    is their missing level, when with it the text names every level of a framework — and the levels do not name it, nor
    does their weights' sum leave no room for it.  None otherwise."""
    if r.vocab.names_every_score_level(text):
        return None  # (the levels are all of it already)
    if _OF_INDICATORS.search(clean_label(total.label)):
        return None  # ("绩效指标总得分…": the indicators' score, no funds level in it)
    tree = r.tree
    first = r.node_of(found[0])
    if first is None:
        return None
    sentence = tree.unit("sentence", first)
    k = sentence.start - 1
    while k >= 0 and r.facts[k] is None and tree[k].sentence == tree[sentence.start - 1].sentence:
        k -= 1
    if k < 0 or r.facts[k] is None or tree[k].depth != tree[first].depth:
        return None
    funds = r.facts[k]
    if funds.kind != "score" or funds.is_bound or not r.vocab.cue("funds_score_label").search(clean_label(funds.label)):
        return None
    if tree.paragraph_lines[tree[k].paragraph][1] + 1 < tree.paragraph_lines[tree[first].paragraph][0]:
        return None  # (the lines of one block only)
    _, weights, _ = _levels(r, found)
    if weights and sum(w.value for w in weights) >= _FULL_MARKS:
        return None
    if not r.vocab.names_every_score_level(f"{clean_label(funds.label)} {text}"):
        return None
    return funds


def _scores_before(r: Reading, i: int) -> list[Fact]:
    """The scores right before node i, back over the lines of its block, in text order: up to a total, a list
    opener, a figure that is no score or one in brackets — but for a bracket of deductions after a score, which
    explains that score (_explains_score)."""
    tree = r.tree
    node = tree[i]
    found: list[Fact] = []
    paragraph = node.paragraph
    j = i - 1
    while j >= 0:
        t = tree[j]
        if t.paragraph != paragraph:
            if t.paragraph != paragraph - 1 or \
                    tree.paragraph_lines[t.paragraph][1] + 1 != tree.paragraph_lines[paragraph][0]:
                break  # (the lines of one block only)
            paragraph = t.paragraph
        if t.kind == "total" or t.kind in OPENERS:
            break
        if t.depth > node.depth:
            said_of = tree.before_bracket(j)
            if said_of >= 0 and _explains_score(r, said_of, j):
                j = said_of
                continue
        fact = r.facts[j]
        j -= 1
        if fact is None:
            continue
        if fact.kind != "score" or t.depth != node.depth:
            break
        found.append(fact)
    found.reverse()
    return found


def _explains_score(r: Reading, said_of: int, last: int) -> bool:
    """The bracket that ends at node `last` and stands right after node `said_of` is said of a score and holds what
    was deducted from it: scores labelled 扣 (cue score_deducted), beside the figures they are for ("预算执行率未达
    100%扣1.5分"), and no other score."""
    if r.facts[said_of] is None or r.facts[said_of].kind != "score":
        return False
    deducted = r.vocab.cue("score_deducted")
    scores = [f for f in (r.facts[k] for k in range(said_of + 1, last + 1)) if f is not None and f.kind == "score"]
    return bool(scores) and all(deducted.search(clean_label(f.label)) for f in scores)


def _framework_weights(r: Reading, found: list[Fact]) -> bool:
    """"绩效自评实行百分制,其中资金执行率10分、产出指标50分…。项目总得分92.6分,其中…": the levels' figures of a
    sentence that states the framework they are weighed in (百分制, 满分, 分值 — the cue score_framework, before the
    first of them), none said to be scored, are the levels' weights: no part of a score obtained.  ("(1)预算执行:
    分值10分,得分10分" names its scores: they are read.)"""
    if any(_SCORED.search(clean_label(f.label)) for f in found):
        return False
    first = r.node_of(found[0])
    if first is None:
        return False
    tree = r.tree
    said = r.norm.text[tree[tree.unit("sentence", first).start].start:found[0].span.start]
    # (not after a score obtained: "绩效指标得分79.5分(满分90分),其中产出指标45.5分…" lists that score's parts)
    return bool(r.vocab.cue("score_framework").search(said)) and not _SCORED.search(said)


def _respective_scores(r: Reading, i: int, total: Fact) -> Candidate | None:
    """"…四类指标分值分别为20分、45分、25分、10分,实际得分分别为18.5分、42.0分、23.5分、9.0分,综合得分86.0分":
    the scores of a 分别为 list right before a total score, beside a 分别为 list of as many weights (which tell
    whether the levels are all of them: they make 100)."""
    tree = r.tree
    lists: list[tuple[str, list[Fact]]] = []  # (the words before each 分别为, its scores), nearest first
    figures: list[Fact] = []
    for j in tree.before(i, "sentence"):
        t = tree[j]
        fact = r.facts[j]
        if t.kind == "fenbie":
            words = tree[j - 1].piece.label if j > 0 and tree[j - 1].kind == "words" else ""
            lists.append((clean_label(words), list(reversed(figures))))
            figures = []
            if len(lists) == 2:
                break
            continue
        if fact is not None:
            if fact.kind != "score" or t.depth != tree[i].depth:
                return None
            figures.append(fact)
    if not lists or figures:
        return None
    (said, scores), *rest = lists
    if len(scores) < 2:
        return None  # ("分别为总分85分、75分": the scores follow the 分别为 that names them, none before it)
    weight = r.vocab.cue("score_weight")
    named = r.norm.text[tree[tree.unit("sentence", i).start].start:scores[0].span.start]  # (what the list names)
    if weight.search(said) or LABEL_YEAR.search(named):
        return None  # ("2021年至2023年绩效自评得分分别为88分、90分、92分": years' scores, no levels)
    weights = rest[0][1] if rest and weight.search(rest[0][0]) and len(rest[0][1]) == len(scores) else []
    return make_breakdown(r, total, scores, "分别为", _whole(r, weights, named), "score_list_respectively")


def _respective_after(r: Reading, i: int, total: Fact) -> Candidate | None:
    """"项目自评总分94.95分,等级为“优”。预算执行、产出、效益、满意度四类指标分别得9.45分、48分、25.5分、9分,分值分别为
    10分、50分、30分、10分。": a total score ending its sentence's figures, and in the sentence right after it (its
    paragraph's) nothing but the levels' scores in a 分别 list — with a 分别为 list of as many weights beside it.  Read
    only when they are all of it: the weights make full marks, or the text names every level of a framework (three
    sub-projects' scores "分别得…" after a department's are no parts of it)."""
    tree = r.tree
    if any(r.facts[j] is not None for j in tree.after(i, "sentence")):
        return None  # (more figures after the total in its own sentence)
    following = tree.unit("sentence", i)[-1] + 1
    if following >= len(tree) or tree[following].paragraph != tree[i].paragraph:
        return None
    return _respective_list(r, following, tree[i].depth, total, "score_list_respectively_after")


def _respective_of_named(r: Reading, k: int) -> Candidate | None:
    """"…最终得分为88分,较上年(85.5分)提高2.5分,等级为“良”。⏎最终得分中,决策、过程、产出、效益四个一级指标分别得17分、
    18分、27.5分、25.5分。": a sentence opening with the words "<a total score's name>中" (cue score_named_whole) and
    nothing but the levels' scores in a 分别 list — the parts of the one score of that name stated before it in its
    paragraph or the one above (初评 86.5 is another).  Read only when they are all of it, as _respective_after's."""
    tree = r.tree
    m = r.vocab.cue("score_named_whole").fullmatch(clean_label(tree[k].piece.label))
    if m is None or not tree.opens_sentence(k):
        return None
    name = m.group("name")
    here = tree[k].paragraph
    first = tree.unit("paragraph", k).start
    nodes = list(tree.before(k, "paragraph"))
    if tree.opens_paragraph(k) and first > 0 and tree[first - 1].paragraph == here - 1:
        nodes.extend(reversed(tree.unit("paragraph", first - 1)))
    named = [r.facts[j] for j in nodes if r.facts[j] is not None and r.facts[j].kind == "score"
             and not r.facts[j].in_table and _SAID_AS.sub("", clean_label(r.facts[j].label)) == name]
    if len(named) != 1 or named[0].is_bound:
        return None
    return _respective_list(r, k, tree[k].depth, named[0], "score_list_respectively_after")


_SAID_AS = lazyre.compile(r"(?:为|是|达到?)$")


def _respective_list(r: Reading, following: int, depth: int, total: Fact, reason: str) -> Candidate | None:
    """The levels' scores of the 分别 list that is all the sentence starting at node `following` states (with a 分别为
    list of as many weights beside it), as the parts of `total` — when they are all of it."""
    tree = r.tree
    lists: list[tuple[str, list[Fact]]] = []  # (the words before each 分别, its figures)
    open_list = False
    for j in tree.unit("sentence", following):
        t, fact = tree[j], r.facts[j]
        if t.kind == "fenbie":
            words = tree[j - 1].piece.label if j > following and tree[j - 1].kind == "words" else ""
            lists.append((clean_label(words), []))
            open_list = True
        elif fact is not None:
            if not open_list or fact.kind != "score" or t.depth != depth:
                return None  # (a figure of no 分别 list, or no score: the sentence says more than the levels' scores)
            lists[-1][1].append(fact)
        elif t.kind == "words":
            open_list = False
    weight = r.vocab.cue("score_weight")
    scores = [figures for said, figures in lists if not weight.search(said)]
    weights = [figures for said, figures in lists if weight.search(said)]
    if len(scores) != 1 or len(weights) > 1 or len(scores[0]) < 2 \
            or (weights and len(weights[0]) != len(scores[0])):
        return None
    named = r.norm.text[tree[following].start:scores[0][0].span.start]  # (what the list names)
    if LABEL_YEAR.search(named) or not _whole(r, weights[0] if weights else [], named):
        return None  # ("2022年、2023年分别得90分、92分": years' scores, no levels; a list of some levels: open)
    return make_breakdown(r, total, scores[0], "分别", True, reason)


# the score a project's evaluation gives itself, said before 其中 and its levels' scores ("本项目自评得分92.50分,其中决策…",
# "本部门2024年度整体支出绩效自评得分97.40分")
_OWN_SCORE = lazyre.compile(r"(?:经综合评价,?)?(?:本|该)?(?:项目|部门|单位)?(?:(?:19|20)\d{2}年度?)?(?:整体支出|项目支出|整体)?"
                            r"(?:绩效)?(?:自评|评价)得分(?:为)?")


def own_score_name(label: str) -> bool:
    """The label names the score an evaluation gives itself: "本项目自评得分", "评价得分为"."""
    return bool(_OWN_SCORE.fullmatch(label))


def _levels_after(r: Reading, i: int) -> Candidate | None:
    """A total score, 其中, and the levels' scores in the same sentence — or a 其中 that opens the sentence right
    after the total's, the total its last figure: "…自评总分为92.6分。其中,预算执行得分9.71分,产出指标得分48分,…"."""
    before, found = scores_after_opener(r.tree, r.facts, i, r.report_year, r.norm.text)
    if before is None or not found:
        return None
    total = r.facts[before]
    label = clean_label(total.label)
    text = r.norm.text[r.tree[i].end:found[-1].span.end]
    via = (LEVELS_ON_LINES,) if r.tree[i].sentence != r.tree[r.node_of(found[0])].sentence else ()
    if r.vocab.cue("score_got").fullmatch(label) and (_levels(r, found)[1] or _bracketed_weights(r, _levels(r, found)[0])):
        # ("2.过程指标(30分)得27.5分,其中预算执行12分得11分、预算管理10分得9.5分、资产管理8分得7分": a level's score and
        # its sub-levels', each beside its weight — all of it when their weights make the level's own)
        weight = _level_weight(r, before)
        name = _level_name(r, before)
        if name:  # (named by its level, not by 得: "过程指标得分的分项之和…")
            total = total.model_copy(update={"label": f"{name}得分", "concept": None})
        return _breakdown(r, total, found, text, "其中", "sub_level_scores",
                          weight.value if weight is not None else None, via)
    if not (r.vocab.cue("score_total").search(label) or _OWN_SCORE.fullmatch(label)):
        return None
    return _breakdown(r, total, found, text, "其中", "score_list_opened", via=via)


LEVELS_ON_LINES = "the levels' scores on the lines after it, one a line"
# the words before the lines say every level's score follows ("各项指标得分情况如下", "各一级指标得分如下", "各部分得分如下")
_EVERY_LEVEL = lazyre.compile(r"各(?:项|类|部分|一级|级|个一级)?(?:指标|评价指标|部分|维度|方面)?得分")


LEVELS_NAMED_AFTER = "the levels' scores in the sentence after it, under words naming them, their weights making 100"
# words opening a sentence that name the levels' scores after them ("各部分得分情况:", "一级指标得分明细:", "各项指标得分如下:")
_SCORES_INTRO = lazyre.compile(r"(?:各(?:部分|项|级|一级|二级|类)?|(?:一|二)级|分项)?(?:指标|评价指标)?得分(?:情况|明细)?(?:如下)?")


def _levels_named_after(r: Reading) -> Iterator[Candidate]:
    """A total score, the last figure before a sentence (of its paragraph or the next) opening with words that name the
    levels' scores
    ("…综合自评得分93分。各部分得分情况:项目决策(20分)得18分,项目过程(20分)得19分,…", "本项目年度自评总分85.5分,自评等级为
    良好。⏎一级指标得分明细:决策类(20分)17分,…"): nothing but the levels' scores, each with its weight in brackets,
    the weights making 100 — all of the total (score_list_opened, via LEVELS_NAMED_AFTER)."""
    tree, text = r.tree, r.norm.text
    for w in tree.of_kind("words"):
        if not _SCORES_INTRO.fullmatch(clean_label(w.piece.label)) or not tree.opens_sentence(w.index) \
                or not text.startswith(":", w.end) and not text[w.end:w.end + 2].strip().startswith(":"):
            continue
        found: list[Fact] = []
        ok = True
        for k in tree.after(w.index, "sentence"):
            fact = r.facts[k]
            if fact is None or tree[k].depth != w.depth:
                continue
            if fact.kind != "score":
                ok = False
                break
            found.append(fact)
        if not ok or len(found) < 2:
            continue
        before = next((k for k in range(w.index - 1, -1, -1) if r.facts[k] is not None), None)
        if before is None or tree[before].paragraph < w.paragraph - 1 or tree[before].depth != w.depth:
            continue
        total = r.facts[before]
        label = clean_label(total.label)
        if total.kind != "score" or total.in_table or not (r.vocab.cue("score_total").search(label)
                                                            or _OWN_SCORE.fullmatch(label)
                                                            or r.vocab.cue("evaluation_score").search(label)):
            continue
        scores, weights, _ = _levels(r, found)
        if len(scores) < 2:
            continue
        weights = weights or _bracketed_weights(r, scores)
        if not weights or sum(x.value for x in weights) != _FULL_MARKS:
            continue
        made = make_breakdown(r, total, scores, "得分情况", True, "score_list_opened", (LEVELS_NAMED_AFTER,))
        if made:
            yield made


def _levels_on_lines_below(r: Reading) -> Iterator[Candidate]:
    """A total score ending its line with words saying the levels' scores follow, and those scores on the lines after
    it, one level a line: "本部门整体支出绩效自评综合得分为94.5分。各项指标得分情况如下:⏎(1)部门预算执行率指标得分9.5分,
    …;⏎(2)履职效能指标得分38分;⏎…" → 94.5 = 9.5 + 38 + … (score_list_opened: the 如下 of the lines, as a 其中)."""
    for k, found in scores_on_lines_after_total(r.tree, r.facts, r.norm.text):
        total = r.facts[k]
        label = clean_label(total.label)
        if not (r.vocab.cue("score_total").search(label) or _OWN_SCORE.fullmatch(label)):
            continue
        text = r.norm.text[total.span.end:found[-1].span.end]
        # ("各项指标得分情况如下", "各一级指标得分如下": every level's score follows, all of the total)
        every = _EVERY_LEVEL.search(r.norm.text, total.span.end, r.norm.text.find("\n", total.span.end)) is not None
        made = _breakdown(r, total, found, text, "如下", "score_list_opened", via=(LEVELS_ON_LINES,), every=every)
        if made:
            yield made


def _level_name(r: Reading, k: int) -> str:
    """The name of the level whose score, named by 得 alone, is node k: the words that open its clause
    ("2.过程指标(30分)得27.5分") or the label of its weight ("过程指标30分,得27.5分"); "" when none is said."""
    tree = r.tree
    for j in tree.before(k, "clause"):
        t = tree[j]
        if t.kind == "words" and t.depth == tree[k].depth:
            return clean_label(t.piece.label)
        fact = r.facts[j]
        if fact is not None and t.depth == tree[k].depth:
            label = clean_label(fact.label)
            return "" if r.vocab.cue("score_weight").search(label) else label
    return ""


def _level_weight(r: Reading, k: int) -> Fact | None:
    """The weight said right before node k, a level's score named by 得 alone: in brackets after the level's name
    ("过程指标(30分)得27.5分") or the level named with it ("过程指标30分,得27.5分")."""
    tree = r.tree
    for j in tree.before(k, "sub"):
        fact = r.facts[j]
        if fact is None:
            continue
        if fact.kind != "score":
            return None
        label = clean_label(fact.label)
        if tree[j].depth == tree[k].depth + 1 and not label and tree.before_bracket(j) >= 0 \
                and r.facts[tree.before_bracket(j)] is None:
            return fact
        if tree[j].depth == tree[k].depth and label and not _SCORED.search(label) \
                and not r.vocab.cue("score_deducted").search(label):
            return fact
        return None
    return None


def _breakdown(r: Reading, total: Fact, found: list[Fact], text: str, marker: str, reason: str,
               full_marks: Decimal | None = _FULL_MARKS, via: tuple[str, ...] = (), every: bool = False) -> Candidate | None:
    total_name = r.vocab.cue("score_total")
    if any(total_name.search(clean_label(f.label)) for f in found):
        return None  # a subtotal among them
    scores, weights, _ = _levels(r, found)
    if len(scores) < 2:
        return None
    if not weights:
        weights = _bracketed_weights(r, scores)
    return make_breakdown(r, total, scores, marker, every or _whole(r, weights, text, full_marks), reason, via)


def _bracketed_weights(r: Reading, scores: list[Fact]) -> list[Fact]:
    """The weight each level's score has in brackets after its name ("其中:前期工作(20分)得17.6分,实施过程(30分)得26.5分,
    绩效目标实现(50分)得42.3分"), one for every score and none below it; [] otherwise."""
    # (each figure's last node, gathered once a reading: r.facts is the reading's, the dict the same for every call)
    nodes = r.memo("_score_nodes", lambda: {id(f): j for j, f in enumerate(r.facts) if f is not None})
    out = []
    for f in scores:
        j = nodes.get(id(f))
        w = _level_weight(r, j) if j is not None else None
        if w is None or w.value < f.value:
            return []
        out.append(w)
    return out


def _whole(r: Reading, weights: list[Fact], text: str, full_marks: Decimal | None = _FULL_MARKS) -> bool:
    """The levels' scores are all of the total: their weights make full marks (100, or the weight of the level they
    are the sub-levels of; None when it is not said), or the text names every level of a framework."""
    return (bool(weights) and full_marks is not None and sum(w.value for w in weights) == full_marks) \
        or r.vocab.names_every_score_level(text)


def _levels(r: Reading, facts: list[Fact]) -> tuple[list[Fact], list[Fact], list[Fact]]:
    """The levels' scores, their weights and what was deducted from them, of a run of scores; none when they do not
    pair.  A level whose score is named by 得 alone (cue score_got) is said by its weight — 分值 10分, or the level
    named with its figure, 产出指标40分 —, then what was taken off it, then that score: "产出指标40分得39分",
    "决策指标15分,扣1分,得14分", "分值15分,得分14分" (a list of such "分值a分,得b分" pairs is two lists, never one).
    Otherwise scores and weights alternate by the weight cue, in either order (_scores_and_weights); a deduction
    that fits no level leaves the run unread."""
    got, deducted = r.vocab.cue("score_got"), r.vocab.cue("score_deducted")
    labels = [clean_label(f.label) for f in facts]
    scores: list[Fact] = []
    weights: list[Fact] = []
    deductions: list[Fact] = []
    n = 0
    while n < len(facts):
        if got.fullmatch(labels[n]) or deducted.search(labels[n]) or \
                (_SCORED.search(labels[n]) and not r.vocab.cue("score_weight").search(labels[n])):
            break  # (a level opens with its weight: not a score, nor a deduction)
        k = n + 1
        while k < len(facts) and deducted.search(labels[k]):
            k += 1
        if k >= len(facts) or not got.fullmatch(labels[k]):
            break
        weights.append(facts[n])
        deductions.extend(facts[n + 1:k])
        scores.append(facts[k])
        n = k + 1
    if n == len(facts) and scores:
        return scores, weights, deductions
    if any(deducted.search(x) for x in labels):
        return [], [], []
    mixed = _mixed_levels(r, facts, labels)
    if mixed is not None:
        return (*mixed, [])
    paired = _scores_and_weights(r, facts)
    return (*paired, []) if paired is not None else ([], [], [])



def _mixed_levels(r: Reading, facts: list[Fact], labels: list[str]) -> tuple[list[Fact], list[Fact]] | None:
    """Levels said some with their score alone, named and scored ("预算执行率指标得9.76分"), the others by their weight
    and then the score got ("预算编制指标满分10分,得10分"): each level's score, and the weights (none unless every
    level says its own); None when the run is not of these two shapes, or is of one alone (_levels reads those)."""
    got, weight = r.vocab.cue("score_got"), r.vocab.cue("score_weight")
    scores: list[Fact] = []
    weights: list[Fact] = []
    alone = paired = 0
    n = 0
    while n < len(facts):
        if weight.search(labels[n]):
            if n + 1 >= len(facts) or not got.fullmatch(labels[n + 1]) or facts[n + 1].value > facts[n].value:
                return None
            weights.append(facts[n])
            scores.append(facts[n + 1])
            paired += 1
            n += 2
        elif _SCORED.search(labels[n]) and not got.fullmatch(labels[n]):
            scores.append(facts[n])
            alone += 1
            n += 1
        else:
            return None
    if not alone or not paired:
        return None
    return scores, []


def _scores_and_weights(r: Reading, facts: list[Fact]) -> tuple[list[Fact], list[Fact]] | None:
    """The scores and, beside each, its weight (分值 10分, 得分 9分 — in either order, one of each a
    level); None when they do not pair."""
    weight = r.vocab.cue("score_weight")
    kinds = [bool(weight.search(clean_label(f.label))) for f in facts]
    if not any(kinds):
        return facts, []
    if len(facts) % 2 or len(set(kinds[0::2])) != 1 or len(set(kinds[1::2])) != 1 or kinds[0] == kinds[1]:
        return None
    return [f for f, w in zip(facts, kinds) if not w], [f for f, w in zip(facts, kinds) if w]
