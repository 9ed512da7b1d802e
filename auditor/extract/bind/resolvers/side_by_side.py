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
in_side_by_side).  A spending row's own 其中 (其中：基本支出…其中：人员经费：590.12公用经费：111.73项目支出：…, cue
side_by_side_spending_detail) lists that row's parts, the group going on after them; a table's cell holds no label, the
row's name is the cell before its figure."""

from __future__ import annotations

from bisect import bisect_left
from decimal import Decimal
from typing import Iterator

from auditor import lazyre
from auditor.extract.bind.candidate import Candidate
from auditor.extract.bind.lists import make_breakdown
from auditor.extract.model import Repeat
from auditor.extract.readings import Reading, clean_label

# the two headings, one right after the other: "按收入性质分：1906.74按支出性质分：1906.74", "按收入性质分：  1250.58     按支出性质分：  1250.58",
# "按收入性质分：⏎按支出性质分："; the figure after each, if any, its group's total
# (a heading may say its column or unit in a bracket, "按支出性质分（全年执行数）：1523.64", "按收入性质分（万元）：", or be
# named by another wording, "按资金来源分 … 按支出经济分类分"; its figure may stand on the next line)
_HEADINGS = lazyre.compile(r"按(?P<a>[\u4e00-\u9fff]{1,8}?)分(?:类)?(?=[:：（(\s\d按]|$)(?:[（(](?P<ca>[^（()）\n]{1,10})[）)])?[:：]?"
                           r"[\s|]*(?P<fa>-?[\d,]+(?:\.\d+)?)?[\s|]*"
                           r"按(?P<b>[\u4e00-\u9fff]{1,8}?)分(?:类)?(?=[:：（(\s\d其]|$)(?:[（(](?P<cb>[^（()）\n]{1,10})[）)])?[:：]?"
                           r"[ \t\u3000|]*\n?[ \t\u3000]*(?P<fb>-?[\d,]+(?:\.\d+)?)?")
_MOST_ROWS = 12


def stretches(r: Reading) -> list[tuple[int, int]]:
    """Where the rows of side-by-side groups stand (text offsets from the headings to the last row's figure): the
    stretches opener_list reads no 其中 list in."""
    return [(start, end) for start, end, *_ in _blocks(r)]


def in_side_by_side(r: Reading, offset: int) -> bool:
    return any(start <= offset < end for start, end in stretches(r))


def resolve(r: Reading) -> Iterator[Candidate]:
    closed = r.vocab.cue("side_by_side_detail_closed")
    for _start, _end, totals, sides, details, _same in _blocks(r):
        for total, parts in zip(totals, sides):
            if total is None or len(parts) < 2 or any(p.unit != total.unit for p in parts):
                continue
            made = make_breakdown(r, total, parts, "按…性质分", True, "side_by_side_groups")
            if made:
                yield made
        for head, parts in details:
            # (人员经费 and 公用经费 are all of 基本支出; 工资福利支出, 商品和服务支出 … may be some of the kinds it spent on)
            if len(parts) < 2 or any(p.unit != head.unit for p in parts):
                continue
            whole = all(closed.match(clean_label(p.label).removeprefix("其中")) for p in parts)
            made = make_breakdown(r, head, parts, "其中", whole, "side_by_side_groups")
            if made:
                yield made


def _blocks(r: Reading) -> list:
    """The side-by-side blocks of the text, each (start, end, totals, sides, details), found once per reading."""
    return r.memo("_side_by_side", lambda: list(_find_blocks(r)))


def _find_blocks(r: Reading):
    text = r.norm.text
    if "按" not in text:
        return
    spending, income = r.vocab.cue("side_by_side_spending"), r.vocab.cue("side_by_side_income")
    detail = r.vocab.cue("side_by_side_spending_detail")
    located = sorted(((f.span.start, f) for f in r.facts if f is not None), key=lambda x: x[0])
    starts = [s for s, _ in located]
    read = set(starts)
    for m in _HEADINGS.finditer(text):
        a, b = m.group("a"), m.group("b")
        if a == b or not (("收入" in a or "来源" in a) and "支出" in b or ("收入" in b or "来源" in b) and "支出" in a):
            continue
        spend_side = 1 if "支出" in b else 0
        totals = [_fact_at(located, starts, m.start(name), m.end(name)) if m.group(name) else None for name in ("fa", "fb")]
        # (a page that sets each cell apart by a blank line, the headings too: "按收入性质分:2030.12⏎⏎按支出性质分:1925.67⏎⏎
        # 其中: 一般公共预算:1325.68⏎⏎其中:基本支出:900.47": a blank line between its rows is no end of the block)
        spaced = "\n\n" in text[m.start():m.end()]
        sides: tuple[list, list] = ([], [])
        end = m.end()
        rows = 0
        details: list[tuple[object, list]] = []
        for start, f in located[bisect_left(starts, m.end()):]:
            gap = text[end:start]
            # (a table's cell holds no label of its figure: the row's name is the cell before it, "| 项目支出： | 497.64 |")
            label = clean_label(f.label or next((c.strip() for c in reversed(gap.split("|")) if c.strip()), ""))
            opened = label.startswith("其中") or gap.strip().startswith("其中")
            label = label[2:] if label.startswith("其中") else label
            if "\n\n" in gap and not (spaced and _rows_only(gap)) or rows >= _MOST_ROWS or f.kind != "amount" and f.unit:
                break
            if spending.match(label):
                side = spend_side
            elif income.match(label):
                side = 1 - spend_side
            elif detail.match(label) and sides[spend_side] and (
                    opened or details and details[-1][0] is sides[spend_side][-1]):
                # ("其中：基本支出：701.85政府性基金拨款：64.30其中：人员经费：590.12公用经费：111.73项目支出：340.65":
                # the spending row's own 其中, its parts — the group goes on after them)
                head = sides[spend_side][-1]
                if not details or details[-1][0] is not head:
                    details.append((head, []))
                details[-1][1].append(f)
                end, rows = f.span.end, rows + 1
                continue
            else:
                break
            sides[side].append(f)
            end, rows = f.span.end, rows + 1
        if not sides[0] or not sides[1]:
            continue
        for side in _unread_rows(r, text, m.end(), end, located, starts, read, spend_side):
            # ("…其他资金：60.00年度总体目标…": a row's figure the page runs into the next words, not read — its group is
            # not all there)
            totals[side] = None
        yield m.start(), end, totals, sides, details, _one_total(r, m, located, starts)


def same_total(r: Reading) -> list[Repeat]:
    """The figures after the two headings: the one total the form splits twice, by the sources of its money and by
    what it was spent on (年度资金总额 … 按收入性质分：1906.74 按支出性质分：1906.74) — one quantity stated twice."""
    out = []
    for n, (*_, totals, _sides, _details, same) in enumerate(_blocks(r)):
        if same and totals[0] is not None and totals[1] is not None:
            out.append(Repeat.model_construct(first=totals[0], other=totals[1], concept="年度资金总额", group=GROUP - n,
                                              reason="side_by_side_totals", via=(), rejected=()))
    return out


GROUP = -10000  # (the pairs' groups count down from here, apart from the other resolvers' repeats)
# what a heading's bracket may say of its column: "按支出性质分（全年执行数）"
_COLUMN = lazyre.compile(r"预算|执行|决算|到位|支出数|收入数")


def _one_total(r: Reading, m, located, starts: list[int]) -> bool:
    """Do the two headings split one total?  Not where their brackets name different columns ("按收入性质分（全年预算数）
    … 按支出性质分（全年执行数）"), nor where their figures differ and each is a figure of its own in the lines right
    above them (the total row's 全年预算数 and 全年执行数: the page may split one column by income and another by
    spending without saying so)."""
    ca, cb = (_COLUMN.findall(m.group(k) or "") for k in ("ca", "cb"))
    if ca != cb:
        return False
    fa, fb = (_fact_at(located, starts, m.start(k), m.end(k)) if m.group(k) else None for k in ("fa", "fb"))
    if fa is None or fb is None or fa.value == fb.value:
        return True
    # (the figures as written in the lines above, a table's cells among them)
    above = {Decimal(n.group().replace(",", "")) for n in _NUMBER.finditer(r.norm.text, max(0, m.start() - 400), m.start())}
    return not (fa.written_value in above and fb.written_value in above)


_NUMBER = lazyre.compile(r"(?<![\d.])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\d.])")


def _unread_rows(r: Reading, text: str, start: int, end: int, located, starts: list[int], read: set[int],
                 spend_side: int) -> set[int]:
    """The groups with a row that holds a figure not read (a template row's name, then a digit no figure read starts
    at), among the rows read or right after the last."""
    at = bisect_left(starts, end)
    stop = starts[at] if at < len(starts) else len(text)
    spending, income = r.vocab.cue("side_by_side_spending"), r.vocab.cue("side_by_side_income")
    out = set()
    for row in _ROW.finditer(text, start, stop):
        if row.group(2) and row.start(2) not in read:
            if spending.match(row.group(1)):
                out.add(spend_side)
            elif income.match(row.group(1)):
                out.add(1 - spend_side)
    return out


# a line of a blank-spaced block between two figures: nothing, or a row's name (a template row left empty, the next
# figure's own name)
_ROW_NAME = lazyre.compile(r"[ \t\u3000|]*(?:其中[:：]?[ \t\u3000]*)?[\u4e00-\u9fff]{2,16}[:：]?[ \t\u3000|]*")


def _rows_only(gap: str) -> bool:
    """Is the gap between two figures of a blank-spaced block nothing but blank lines and rows' names?"""
    return all(not line.strip() or _ROW_NAME.fullmatch(line) for line in gap.split("\n"))


_ROW = lazyre.compile(r"(?:其中[:：]?)?([\u4e00-\u9fff]{2,16}?[:：])[ \t\u3000]*(\d)?")


def _fact_at(located, starts: list[int], start: int, end: int):
    at = bisect_left(starts, start)
    return located[at][1] if at < len(starts) and starts[at] < end else None
