"""A 部门整体 自评表's two breakdowns of its total set side by side, their rows read one after the other.

    "按收入性质分：1906.74按支出性质分：1906.74其中：一般公共预算：1780.54其中：基本支出：1420.36政府性基金拨款：126.20
     项目支出：486.38纳入专户管理的非税收入拨款：其他资金："
        → 1906.74 = 1780.54 + 126.20 (by income) and 1906.74 = 1420.36 + 486.38 (by spending)

The form sets the two groups side by side ("按收入性质分 | 按支出性质分" over "其中：一般公共预算 | 其中：基本支出"); a page
that runs its cells together (on one line, or with runs of spaces between the halves) reads them alternately, one of
each group a row.  The headings said one right after the other (nothing but a figure between them) tell the layout: each
row after them is a row of one group, the group its name says (基本支出, 项目支出 …: cue side_by_side_spending; the
sources of money: cue side_by_side_income), and each group adds up to the figure said after its heading.  A 其中 in the
rows is the form's (其中：一般公共预算, 其中：基本支出), no list of the figure before it (opener_list leaves them:
in_side_by_side)."""

from __future__ import annotations

from typing import Iterator

from auditor import lazyre
from auditor.extract.bind.candidate import Candidate
from auditor.extract.bind.lists import make_breakdown
from auditor.extract.readings import Reading, clean_label

# the two headings, one right after the other: "按收入性质分：1906.74按支出性质分：1906.74", "按收入性质分：  1250.58     按支出性质分：  1250.58",
# "按收入性质分：⏎按支出性质分："; the figure after each, if any, its group's total
_HEADINGS = lazyre.compile(r"按(?P<a>[\u4e00-\u9fff]{1,6}?)分(?:类)?[:：]?[ \t\u3000]*(?P<fa>-?[\d,]+(?:\.\d+)?)?\s*"
                           r"按(?P<b>[\u4e00-\u9fff]{1,6}?)分(?:类)?[:：]?[ \t\u3000]*(?P<fb>-?[\d,]+(?:\.\d+)?)?")
_MOST_ROWS = 12


def stretches(r: Reading) -> list[tuple[int, int]]:
    """Where the rows of side-by-side groups stand (text offsets from the headings to the last row's figure): the
    stretches opener_list reads no 其中 list in."""
    memo = r.__dict__.get("_side_by_side")
    if memo is None:
        memo = r.__dict__["_side_by_side"] = [(start, end) for start, end, *_ in _blocks(r)]
    return memo


def in_side_by_side(r: Reading, offset: int) -> bool:
    return any(start <= offset < end for start, end in stretches(r))


def resolve(r: Reading) -> Iterator[Candidate]:
    for _start, _end, totals, sides in _blocks(r):
        for total, parts in zip(totals, sides):
            if total is None or len(parts) < 2 or any(p.unit != total.unit for p in parts):
                continue
            made = make_breakdown(r, total, parts, "按…性质分", True, "side_by_side_groups")
            if made:
                yield made


def _blocks(r: Reading):
    text = r.norm.text
    if "按" not in text:
        return
    spending, income = r.vocab.cue("side_by_side_spending"), r.vocab.cue("side_by_side_income")
    located = [(f.span.start, f) for f in r.facts if f is not None]
    for m in _HEADINGS.finditer(text):
        a, b = m.group("a"), m.group("b")
        if a == b or not (("收入" in a or "来源" in a) and "支出" in b or ("收入" in b or "来源" in b) and "支出" in a):
            continue
        spend_side = 1 if "支出" in b else 0
        totals = [_fact_at(located, m.start(name), m.end(name)) if m.group(name) else None for name in ("fa", "fb")]
        sides: tuple[list, list] = ([], [])
        end = m.end()
        rows = 0
        for start, f in located:
            if start < m.end():
                continue
            label = clean_label(f.label)
            label = label[2:] if label.startswith("其中") else label
            gap = text[end:start]
            if spending.match(label):
                side = spend_side
            elif income.match(label):
                side = 1 - spend_side
            else:
                break
            if "\n\n" in gap or rows >= _MOST_ROWS or f.kind != "amount" and f.unit:
                break
            sides[side].append(f)
            end, rows = f.span.end, rows + 1
        if not sides[0] or not sides[1]:
            continue
        for side in _unread_rows(r, text, m.end(), end, located, spend_side):
            # ("…其他资金：60.00年度总体目标…": a row's figure the page runs into the next words, not read — its group is
            # not all there)
            totals[side] = None
        yield m.start(), end, totals, sides


def _unread_rows(r: Reading, text: str, start: int, end: int, located, spend_side: int) -> set[int]:
    """The groups with a row that holds a figure not read (a template row's name, then a digit no figure read starts
    at), among the rows read or right after the last."""
    stop = next((s for s, _ in located if s >= end), len(text))
    read = {s for s, _ in located}
    spending, income = r.vocab.cue("side_by_side_spending"), r.vocab.cue("side_by_side_income")
    out = set()
    for row in _ROW.finditer(text, start, stop):
        if row.group(2) and row.start(2) not in read:
            if spending.match(row.group(1)):
                out.add(spend_side)
            elif income.match(row.group(1)):
                out.add(1 - spend_side)
    return out


_ROW = lazyre.compile(r"(?:其中[:：]?)?([\u4e00-\u9fff]{2,16}?[:：])[ \t\u3000]*(\d)?")


def _fact_at(located, start: int, end: int):
    return next((f for s, f in located if start <= s < end), None)
