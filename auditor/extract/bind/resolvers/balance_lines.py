"""A finance board's balance, one line each: what was left before, what came in, what went out, what is left now.

    "一、上年结余资金1,284,536.20元。⏎二、本年收入3,926,480.00元,其中:…⏎三、本年支出4,015,226.75元,其中:…⏎
     四、年末结余资金1,195,789.45元"                       → 1,195,789.45 = 1,284,536.20 + 3,926,480.00 − 4,015,226.75
    "一、上季度结余:56218⏎二、本季度收入合计:128060⏎ 1.…⏎三、本季度支出合计:93075⏎ 1.…⏎四、本季度结余:91203"
                                                          → 91203 = 56218 + 128060 − 93075

A village's or a town's 财务公开 states its account on lines of their own, not in the one sentence the carry_over
resolver reads: the balance brought forward (上年结余, 上年结转, 上季度结余, 上期结余, 年初结余), the period's income and
its spending (本年收入, 本季度收入合计 — each the figure that opens its line, its 其中 parts after it), and the balance
carried on (年末结余, 本季度结余, 本期结余).  Read only where each of the four is named once in the document, opens its
line, in that order, of one period (a year, a quarter, a month or 本期) and one unit, and nothing between them names
another flow of the account (结余分配, 提取, 调入, 调出, 缴回, 上缴): the identity may then not be the whole story.
The reading is of the layout (balance_on_lines, structural: a warning at most).
"""

from __future__ import annotations

from typing import Iterator

from auditor import lazyre
from auditor.extract.bind.candidate import Candidate
from auditor.extract.model import Difference, Fact
from auditor.extract.readings import Reading, clean_label

_NUMBER = r"^(?:[一二三四五六七八九十]+、|\d{1,2}[.、．]|[(（][一二三四五六七八九十\d]+[)）])?\s*"
# (period family, role) by the label's words: 年, 季, 月, 期
_OPENING = lazyre.compile(_NUMBER + r"(?P<p>上年|年初|上季度|上季|季初|上月|月初|上期|期初)(?:末)?(?:结转)?(?:结余|结存)(?:资金)?$|"
                          + _NUMBER + r"(?P<q>上年|上季度|上月|上期)结转(?:资金)?$")
_INCOME = lazyre.compile(_NUMBER + r"(?P<p>本年|当年|本季度|本季|本月|当月|本期|当期)(?:总)?收入(?:合计|总额)?$")
_SPENDING = lazyre.compile(_NUMBER + r"(?P<p>本年|当年|本季度|本季|本月|当月|本期|当期)(?:总)?支出(?:合计|总额)?$")
_CLOSING = lazyre.compile(_NUMBER + r"(?P<p>年末|年底|本年|本季度|本季|季末|本月|月末|本期|期末)(?:结转)?(?:结余|结存)(?:资金)?$")
_FAMILY = {"上年": "年", "年初": "年", "本年": "年", "当年": "年", "年末": "年", "年底": "年",
           "上季度": "季", "上季": "季", "季初": "季", "本季度": "季", "本季": "季", "季末": "季",
           "上月": "月", "月初": "月", "本月": "月", "当月": "月", "月末": "月",
           "上期": "期", "期初": "期", "本期": "期", "当期": "期", "期末": "期"}
_OTHER_FLOWS = lazyre.compile(r"结余分配|提取|调入|调出|缴回|上缴")
_REACH = 30  # lines from the opening balance to the closing one


def resolve(r: Reading) -> Iterator[Candidate]:
    text = r.norm.text
    roles: list[list[tuple[Fact, str]]] = [[], [], [], []]
    for f in r.facts:
        if f is None or f.kind not in ("amount", "number") or f.in_table:
            continue
        label = clean_label(f.label)
        for n, pattern in enumerate((_OPENING, _INCOME, _SPENDING, _CLOSING)):
            m = pattern.match(label)
            if m is not None:
                roles[n].append((f, m.group("p") if m.group("p") else m.group("q")))
                break
    if any(len(found) != 1 for found in roles):
        return
    facts = [found[0][0] for found in roles]
    if len({_FAMILY[found[0][1]] for found in roles}) != 1 or len({f.unit for f in facts}) != 1 \
            or any(f.is_bound or r.is_previous(f) for f in facts[1:]) \
            or any(a.span.start >= b.span.start for a, b in zip(facts, facts[1:])):
        return
    # each opens its line (a numbered item's marker, a space or a colon before it at most)
    for f in facts:
        start = text.rfind("\n", 0, f.span.start) + 1
        if any(g is not None and g is not f and start <= g.span.start < f.span.start for g in r.facts):
            return
    if text.count("\n", facts[0].span.start, facts[-1].span.start) > _REACH \
            or _OTHER_FLOWS.search(text, facts[0].span.start, facts[-1].span.end):
        return
    opening, income, spending, closing = facts
    yield Candidate(Difference.model_construct(
        difference=closing, minuends=(opening, income), subtrahends=(spending,), name="结余",
        rate=None, base=None, rivals=(), reason="balance_on_lines", via=(), rejected=()))
