"""收支相抵: the balance a text draws from the income and spending totals it stated just before.

    "…债务转贷收入39000万元,收入合计192496万元。
     政府性基金支出83173万元,…支出合计101788万元。
     上述收支相抵,年终结余90708万元。"                → 90708 = 192496 − 101788
    "…收入总量为198124.61亿元。…支出总量为221924.61亿元。收支总量相抵,赤字23800亿元" → spending − income
    "…上年结转3122万元,收入总计202266万元。…支出合计197030万元。收支相抵,结转下年支出5236万元"
                                                    → 5236 = 202266 − 197030 (the balance named as what is carried on
                                                      to be spent: cue offset_carried_forward)
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

import re
from bisect import bisect_left
from typing import Iterator

from auditor import lazyre
from auditor.extract.bind.candidate import Candidate
from auditor.extract.bind.lists import adds_up
from auditor.extract.model import Difference, Fact, period_of
from auditor.extract.readings import Reading, clean_label
from auditor.extract.vocabulary import FUND_NAME, fund_called

_REACH = 3  # paragraphs back


def resolve(r: Reading) -> Iterator[Candidate]:
    tree = r.tree
    offset, balance = r.vocab.cue("offset"), r.vocab.cue("offset_balance")
    deficit = r.vocab.cue("offset_deficit")
    carried_forward = r.vocab.cue("offset_carried_forward")  # ("收支相抵,结转下年支出5236万元")
    income, spending = r.vocab.cue("offset_income"), r.vocab.cue("offset_spending")
    for node in tree.of_kind("labelled"):
        fact = r.facts[node.index]
        if fact is None or fact.kind != "amount" or node.kind != "labelled":
            continue
        label = clean_label(node.piece.label)
        short = bool(deficit.search(label))
        if not short and not balance.search(label) and not carried_forward.search(label):
            continue
        if r.vocab.cue("carried_balance").search(label):
            continue  # ("收支相抵后差额35.69万元由年初结转和结余60.77万元弥补": the balance carried in, not the year's)
        said = "".join(tree[k].piece.label for k in tree.unit("sentence", node.index) if k <= node.index)
        if not offset.search(said):
            continue
        if r.vocab.cue("offset_other_factors").search(said):
            continue  # ("考虑收回结余资金等因素,收支相抵,期末余额825590万元": items the text does not state are in it)
        deduction = r.vocab.cue("deduction")
        if any(deduction.match(clean_label(tree[k].piece.label)) for k in tree.unit("sentence", node.index)
               if k < node.index and tree[k].paragraph == node.paragraph):
            continue  # ("总收入…,总支出…。剔除…收入A和…支出B后,收支结余C": a balance of adjusted totals)
        this_year = r.vocab.cue("offset_this_year").search(label)
        # (a balance of the year's own only: a 年末结余 may hold a balance carried in the text does not state)
        plus, minus = _totals(r, node.index, income, bool(this_year)), _totals(r, node.index, spending, bool(this_year))
        reason = "offset_balance"
        carried = _carried_in(r, node.index)
        named = len(plus) == 1 and _named_total(r, plus[0])
        if len(plus) == 1 and len(minus) == 1 and not named and not this_year:
            if carried:
                # ("上年结余1103万元。本年收入77963万元,本年支出73441万元。收支相抵,年末结余5625万元": a balance at the
                # year's end holds what was carried in — of every item when the text lists them all, else not read)
                plus = minus = []
            elif r.vocab.cue("balance_stock").search(label):
                continue  # ("本年收入…,本年支出…,收支相抵后,基金累计结余2419.60万元": a stock of every year, its start unstated)
        if len(plus) != 1 or len(minus) != 1:
            items = None if short or (carried and this_year) else _all_items(r, node.index, income, spending, fact)
            if items is None:
                continue
            (plus, minus), reason = items, "offset_balance_of_items"
        if any(f.unit != fact.unit for f in (*plus, *minus)):
            continue
        if not short and (carried_forward.search(label) or r.vocab.cue("offset_names_carried_on").search(label)) \
                and fact.value and len(minus) == 1 \
                and ((len(plus) == 1 and adds_up(plus[0], minus)) or _part_said_again(r, minus[0], fact)):
            # ("收入总计A,支出总计A(含结转下年支出),收支相抵,结转下年支出C": what is carried on is in the 支出总计;
            # "支出总计15110万元,其中:…结转下年支出870万元。收支相抵,结转870万元": that part said again)
            continue
        if short:  # a deficit is spending over income
            plus, minus = minus, plus
        yield Candidate(Difference.model_construct(
            difference=fact, minuends=tuple(plus), subtrahends=tuple(minus), name="赤字" if short else "结余",
            rate=None, base=None,
            rivals=(), reason=reason, via=(), rejected=()))


def _part_said_again(r: Reading, spent: Fact, balance: Fact) -> bool:
    """Between the spending total and a balance named 结转, a figure named as what is carried on (not one carried in) of
    the balance's value and unit: the balance repeats that part of the total ("支出总计15110万元,其中:本级支出12980万元,
    调出资金1260万元,结转下年支出870万元。收支相抵,结转870万元")."""
    carried_on, carried_in = r.vocab.cue("offset_names_carried_on"), r.vocab.cue("carried_balance")
    start, end = r.node_of(spent), r.node_of(balance)
    if start is None or end is None:
        return False
    for k in range(start + 1, end):
        f = r.facts[k]
        if f is None or f.kind != "amount" or f.unit != balance.unit or f.value != balance.value:
            continue
        label = clean_label(f.label)
        if carried_on.search(label) and not carried_in.search(label):
            return True
    return False


def _totals(r: Reading, i: int, cue, heads: bool = False) -> list[Fact]:
    """The figures before node i named by `cue`, back to the previous balance or heading: of the balance's year and
    scenario, its own sentence's first, then its paragraph's, then any.  Where that finds several, the one of the
    balance's section, if one: back to the last numbered heading line that states no figure (_section_start) — not
    otherwise, as the income and the spending may stand under headings of their own ("(一)收入决算情况 …(二)支出决算情况
    …总收支相抵后,结转结余为0.90亿元")."""
    found = _totals_after(r, i, cue, 0, heads)
    if len(found) > 1:
        own = _totals_after(r, i, cue, _section_start(r, r.facts[i].span.start), heads)
        if len(own) == 1:
            return own
    return found


def _totals_after(r: Reading, i: int, cue, section: int, heads: bool = False) -> list[Fact]:
    """_totals, the figures after offset `section` only; with `heads`, of several the one whose 其中 list names the others
    (_head_of_parts)."""
    tree = r.tree
    found: list[Fact] = []
    first = tree[i].paragraph - _REACH
    balance = r.facts[i]
    stop = -1
    for k in range(i - 1, -1, -1):
        t = tree[k]
        if t.paragraph < first or t.kind == "heading" or t.end <= section or k < stop:
            break
        f = r.facts[k]
        if f is None or t.kind not in {"labelled", "total"} or f.kind != "amount":
            continue
        label = clean_label(f.label)
        if (r.vocab.cue("offset_balance").search(label) or r.vocab.cue("offset_deficit").search(label)) and k != i:
            holder = _total_holding(r, k)
            if holder is None:
                break  # the previous balance (or deficit): its totals are its own
            # ("收入总计498107万元,其中:…上年结余2280万元,…": a balance carried in, one part of a total — the walk goes on
            # to that total and ends there)
            stop = holder
            continue
        if cue.search(label) and _same_year(r, balance, f):
            found.append(f)
    found = _of_its_kind(balance, found)
    for pool in ([f for f in found if f.sentence == balance.sentence],
                 [f for f in found for k in [r.node_of(f)] if k is not None and tree[k].paragraph == tree[i].paragraph],
                 found):
        if not pool:
            continue
        # a 合计/总计/总量 named as such is the total (else a 总收入); plain 收入/支出 only where none is ("2013年收入6873亿元…
        # 支出5667亿元。本年收支结余1206亿元"); of several, the year's own ("本年收入28519亿元,…其中:…收入22407亿元")
        named = [f for f in pool if r.vocab.cue("offset_total").search(clean_label(f.label))] or \
            [f for f in pool if r.vocab.cue("offset_gross").search(clean_label(f.label))]
        plain = [f for f in pool if r.vocab.cue("offset_own").search(clean_label(f.label))]
        return named or (plain if len(plain) == 1 else _head_of_parts(r, pool) if heads else pool)
    return []


def _head_of_parts(r: Reading, pool: list[Fact]) -> list[Fact]:
    """Of several incomes (or spendings), the one whose 其中 list, in its own sentence, names all the others: its parts are
    no total ("…基金收入43088.07亿元,其中:保险费收入31633.39亿元;财政补贴收入9741.75亿元。支出38463.97亿元。本年收支结余
    4624.1亿元" → the 基金收入); not where the list holds a balance carried in ("收入A,其中上年结余B,本年收入C": A is no
    year's income) — else the pool as it is."""
    if len(pool) < 2:
        return pool
    text = r.norm.text
    parts, carried = r.vocab.cue("offset_parts"), r.vocab.cue("carried_balance")
    heads = []
    for g in pool:
        between = [text[g.span.end:f.span.start] for f in pool if f is not g]
        if all(b and "。" not in b and "\n" not in b and parts.search(b) for b in between):
            heads.append(g)
    if len(heads) != 1:
        return pool
    g = heads[0]
    end = max(f.span.end for f in pool)
    stop = text.find("。", end)
    if carried.search(text[g.span.end:stop if stop >= 0 else len(text)]):
        return pool
    return heads


_BUDGETS = {"budget", "budget_initial", "budget_adjusted"}

# a line that is a numbered heading and states no figure ("（二）收支决算情况", "二、决算情况"): the section it opens is the
# balance's, the totals before it another's ("（一）预算调整情况 … 收入总计549,464万元 …（二）收支决算情况 … 收入总计540,185万元
# … 收支相抵,结转下年支出2,043万元": the final account's, not the adjusted budget's)
_HEADING_LINE = lazyre.compile(r"^[^\S\n]*(?:[(（][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、.．])[^\d\n]{2,30}$",
                               re.MULTILINE)


def _section_start(r: Reading, at: int) -> int:
    """Where the last heading line (_HEADING_LINE) before offset `at` ends, 0 if none: of the lines before `at`'s, the
    text's heading lines found once a text (a bisection of their ends, not a scan from the text's start for every
    balance); `at`'s own line read up to `at`, as a scan that stops there reads it."""
    text = r.norm.text
    ends = r.memo("_heading_line_ends", lambda: [m.end() for m in _HEADING_LINE.finditer(text)])
    line = text.rfind("\n", 0, at) + 1
    k = bisect_left(ends, line)  # (a heading line holds no line break: those before `at`'s line end before it)
    end = ends[k - 1] if k else 0
    for m in _HEADING_LINE.finditer(text, line, at):
        end = m.end()
    return end


def _same_year(r: Reading, balance: Fact, f: Fact) -> bool:
    """A figure of the balance's year, not another's ("2023年…收入总计…。2022年…收入…,收支结余…")."""
    year = period_of(balance, r.report_year)
    return year is None or period_of(f, r.report_year) in (None, year)


def _of_its_kind(balance: Fact, figures: list[Fact]) -> list[Fact]:
    """Where a figure's budget stands beside its actual ("预算收入156010万元,实际收入154138万元;…实际收支结余10303万元"),
    the one of the balance's kind; else all ("预算总收入" of a 预算执行 report is the revenue collected)."""
    names = [_SCENARIO_WORDS.sub("", clean_label(f.label)) for f in figures]
    kinds: dict[str, set[bool]] = {}
    for name, f in zip(names, figures):
        kinds.setdefault(name, set()).add(f.scenario in _BUDGETS)
    budget = balance.scenario in _BUDGETS
    return [f for name, f in zip(names, figures) if len(kinds[name]) == 1 or (f.scenario in _BUDGETS) == budget]


_SCENARIO_WORDS = lazyre.compile(r"预算|实际|决算|执行数|执行|完成|安排|年初|调整后?")


def _named_total(r: Reading, f: Fact) -> bool:
    label = clean_label(f.label)
    return bool(r.vocab.cue("offset_total").search(label) or r.vocab.cue("offset_gross").search(label))


def _total_holding(r: Reading, k: int) -> int | None:
    """The node of the income total that node k, a balance carried in (cue carried_balance), is listed among the parts of,
    said before it in its sentence ("财力收入总计498107万元,其中:一般公共预算收入…,上年结余2280万元,调入资金…"): the total
    holds it, so it is no balance of its own that the totals before it would belong to.  None if it is not so listed."""
    tree = r.tree
    f = r.facts[k]
    if not r.vocab.cue("carried_balance").search(clean_label(f.label)):
        return None
    income, parts = r.vocab.cue("offset_income"), r.vocab.cue("offset_parts")
    for j in tree.unit("sentence", k):
        g = r.facts[j]
        if j >= k or g is None or g.kind != "amount" or g.unit != f.unit or tree[j].kind not in {"labelled", "total"}:
            continue
        label = clean_label(g.label)
        if income.search(label) and (r.vocab.cue("offset_total").search(label)
                                     or r.vocab.cue("offset_gross").search(label)) \
                and parts.search(r.norm.text[g.span.end:f.span.start]):
            return j
    return None


def _carried_in(r: Reading, i: int) -> bool:
    """A balance carried in is stated around the balance: in the paragraphs before it (back to its heading) or the one
    after it ("上年结余1103万元", "年初滚存结余", "该基金2021年末滚存结余为4868万元")."""
    tree = r.tree
    here = tree[i].paragraph
    carried, balance_word = r.vocab.cue("carried_balance"), r.vocab.cue("offset_balance")
    # (the nodes of those paragraphs only: a balance looks at its neighbourhood, not the whole text)
    nodes = [k for p in range(here - _REACH, here + 2) for k in tree.paragraph_nodes(p)]
    found = False
    for k in nodes:
        t = tree[k]
        if t.kind == "heading":
            if k > i:
                break  # (the next section's)
            found = False  # (a heading before: its section starts here, what came before is another's)
            continue
        f = r.facts[k]
        if f is None or k == i or f.kind != "amount":
            continue
        label = clean_label(f.label)
        found = found or bool(carried.search(label) or (balance_word.search(label) and r.is_previous(f)))
    return found


def _all_items(r: Reading, i: int, income, spending, balance: Fact) -> tuple[list[Fact], list[Fact]] | None:
    """Every figure back to the previous balance or heading, when each is money coming in (income, a balance carried
    in, 调入资金) or going out (spending, 调出资金, 上解支出), of the balance's year, scenario and fund, and none a list of
    parts: (in, out); else None."""
    tree = r.tree
    plus: list[Fact] = []
    minus: list[Fact] = []
    first = tree[i].paragraph - _REACH
    parts = r.vocab.cue("offset_parts")
    inflow, outflow = r.vocab.cue("offset_inflow"), r.vocab.cue("offset_outflow")
    carried: set[int] = set()  # (a balance carried in may be said after the spending: "…收支相抵,加上上年滚存结余…")
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
            carried.add(f.id)
        elif r.vocab.cue("offset_balance").search(label) or r.vocab.cue("offset_deficit").search(label):
            break
        elif any(r.vocab.cue(c).search(x) for c in ("offset_total", "offset_gross") for x in (label, t.piece.label)):
            return None  # a total is stated: it is the reading, not the items
        elif income.search(label) or inflow.search(label):
            if minus and minus[-1].span.start > f.span.start and any(
                    p.span.start > minus[-1].span.start and p.id not in carried for p in plus):
                return None  # (收入a,支出b;收入c,支出d: two accounts one after the other)
            plus.append(f)
        elif spending.search(label) or outflow.search(label):
            minus.append(f)
        else:
            return None
    if len(plus) < 2 or not minus:
        return None
    items = (*plus, *minus)
    if not all(_same_year(r, balance, f) for f in items if f.id not in carried) \
            or len(_of_its_kind(balance, list(items))) < len(items):
        return None  # ("…2022年收入…,2023年收入…", "预算收入…,实际收入…": two years' or two kinds' accounts side by side)
    funds = {fund_called(m.group()) for f in (*plus, *minus) for m in [FUND_NAME.search(f.label)] if m}
    if len(funds) > 1:
        return None  # ("国有资本经营收入…、支出…;社会保险基金收入…,支出…,收支结余…": two funds' accounts)
    said = r.norm.text[min(f.span.start for f in (*plus, *minus)):r.facts[i].span.start]
    if parts.search(said):
        return None  # ("其中…", "包括…": parts of another figure among the items)
    return plus[::-1], minus[::-1]
