"""占 X 的 p%: a part, its percentage, and the whole the text names.

    "基本支出60万元,占支出的60%"            → part 60, whole named 支出
    "A、B分别为a、b,占X的p%、q%"            → shares pair with the amounts in order
    "A a;B b;C c。占X的比重分别为p%、q%、r%" → shares pair with the parts of the list just before
    "887万元,占年初预算1600万元的55.4%"     → the whole is written inside the share
    "总保费1293.45万元,中央财政补贴47.5%为614.39万元" → p% of the sentence's total is a
"""

from __future__ import annotations

import re
from types import SimpleNamespace
from typing import Iterator, Sequence

from auditor import lazyre
from auditor.extract.bind.candidate import Candidate
from auditor.extract.bind.lists import sub_subject
from auditor.extract.bind.reasons import PART_NAMED_ABOVE
from auditor.extract.bind.resolvers import chart_shares
from auditor.extract.bind.resolvers.named_shares import names_before, structure_ratios
from auditor.extract.model import CHANGE_CONCEPTS, Breakdown, Fact, Share, period_of
from auditor.extract.readings import bracket_host, in_other_period_bracket, Reading, clean_label, sentence_start
from auditor.extract.vocabulary import DONE_LEAD, DONE_VERB, read_label


def resolve(r: Reading, lists: Sequence[Breakdown] = ()) -> Iterator[Candidate]:
    """`lists`: the lists read so far, whose parts a run of percentages may pair with."""
    yield from _urbanisation(r)
    tree = r.tree
    by_last: dict[int, list[Breakdown]] | None = None  # (the lists by their last part, built when first asked)
    for s in tree.of_kind("share"):
        if s.kind != "share":
            continue
        i = first = s.index
        if _OTHER_YEARS.search(r.norm.text, max(0, s.start - 16), s.start):
            continue  # "佔財政收入36.8%,比2022年(佔22.9%)大幅上升": that year's share, not of this year's figures
        if in_other_period_bracket(r.norm.text, s.start):
            continue  # ("…,占42.99%(上年支出13,008.40万元,项目支出占比40.12%)": last year's share, its part unstated)
        if in_other_scope_bracket(r, s.start):
            continue  # ("…税收占比73.8%,高于全省平均水平(税收占比71.2%)": the other place's share, its part unstated)
        if r.facts[i] is None and i + 2 < len(tree) and tree[i + 1].kind == "fenbie":
            first = i + 2  # "占X的比重分别为p%、q%": the run starts after 分别为
        fact = r.facts[first]
        if fact is None:
            yield from _share_of_bracketed_whole(r, i)
            yield from _respective_wholes(r, i)
            continue
        if fact.kind == "amount":
            yield from _share_of_stated_whole(r, i)
            continue
        if fact.kind != "percent":
            continue
        # "占财政总收入的比重为": the whole is 财政总收入
        whole_label = _SHARE_WORDS.sub("", _SPACES.sub("", s.piece.label))
        if r.vocab.cue("shares_sum_statement").search(whole_label):
            continue  # "(因四舍五入,各项占比之和不等于100%)": what the shares add to, no part's share
        pace = r.vocab.cue("pace_whole").search(whole_label)
        if pace is not None and not _pace_stated(r, pace.group("pace")):
            # ("完成2104万元,占年初预算月进度的37.2%,短月进度3533万元": the whole is a month's share of the budget, which the
            # text does not state — not the year's budget, nor a gap 短月进度 of another line: the share stays undecided,
            # unless the shortfall against that pace follows it — then the pace is the part and that shortfall)
            run = [first] + figure_run(r, first, +1)
            gap = _shortfall_after(r, run[-1], pace.group("pace")) if len(run) == 1 else None
            part = r.facts[_part_before(r, i)] if gap is not None and _part_before(r, i) is not None else None
            if part is not None and part.kind == "amount" and part.unit == gap.unit:
                yield Candidate(Share.model_construct(percent=fact, part=part, whole=None, whole_label=whole_label,
                                                      whole_of_parts=(part, gap), reason="share_of_pace_by_its_gap",
                                                      via=(), rejected=()))
                continue
            for k in run:
                yield Candidate(Share.model_construct(percent=r.facts[k], part=None, whole=None, whole_label=whole_label,
                                                      reason="share_of_named_whole", via=(), rejected=()))
            continue
        change = r.vocab.cue("share_of_the_change").match(whole_label) if first == i else None
        if change is not None:
            # ("…调增3,510.68万元,…专项转移支付收入调增2,210.40万元,占调增额的62.96%": of the one change before)
            yield from _share_of_the_change(r, i, "decrease" if change.group("down") else "increase")
            continue
        counted = r.vocab.cue("share_counted").match(_named_subject(r, i)) if first == i else None
        if counted is None and first == i:
            # ("…1.05万笔、58.20亿元,…笔数占发放笔数的83.3%": a whole named a count is no money's whole)
            before = [r.facts[k] for k in figure_run(r, _part_before(r, i), -1)]
            if before and before[-1].kind == "amount":
                counted = r.vocab.cue("whole_counted").search(whole_label)
        if counted is not None:
            # ("396户、1782万元,户数占13.85%": the share of the count it names, not of the amount beside it)
            yield from _share_of_count(r, i, counted.group(1) or counted.group(2), whole_label)
            continue
        percents = [fact] + [r.facts[k] for k in figure_run(r, first, +1)]
        amounts = [r.facts[k] for k in figure_run(r, _part_before(r, i), -1)]
        if len(percents) > 1:
            if r.vocab.cue("respective_wholes").search(whole_label):
                # ("分别占各自限额的92.8%和94.0%", "…分别占税收收入和一般公共预算收入的41.5%和70.0%": a whole each — read
                # when the parts are named before 分别, one for each whole named)
                yield from _respective_wholes(r, i)
                continue
            # "A、B分别为a、b,占X的p%、q%": pair in order, or not at all
            via = "paired in order"
            if len(amounts) != len(percents):
                if by_last is None:
                    by_last = _by_last_part(lists)
                amounts, via = _list_just_before(r, i, by_last, len(percents)), "paired with the list just before"
                if len(amounts) != len(percents):
                    amounts, via = _clauses_before(r, i, len(percents)), CLAUSES_BEFORE
            for percent, part in zip(percents, amounts) if len(amounts) == len(percents) else ():
                yield Candidate(Share.model_construct(percent=percent, part=part, whole=None, whole_label=whole_label,
                                                      reason="share_of_named_whole", via=(via,), rejected=()))
            continue
        if len(amounts) > 1 and _said_together(r, i):
            # ("A、B和C分别为a、b和c,合计占X的p%": the share of the three together, not of the last)
            yield Candidate(Share.model_construct(percent=fact, part=amounts[0], whole=None, whole_label=whole_label,
                                                  part_of_parts=tuple(amounts), reason="share_of_named_whole",
                                                  via=(TOGETHER,), rejected=()))
            continue
        part = amounts[-1] if amounts else None
        via: tuple[str, ...] = ()
        if part is not None and _taken_away(r, part, s.start):
            # ("扣除离退休人员经费612.40万元后,在职人员经费占基本支出的比重为58.87%": the share is of what is left, which
            # the text does not state — not of the amount taken away)
            yield Candidate(Share.model_construct(percent=fact, part=None, whole=None, whole_label=whole_label,
                                                  reason="share_of_named_whole", via=(), rejected=()))
            continue
        if part is None:  # ("第一产业增加值占地区生产总值的比重为29.5%": the part named, its figure stated before)
            # (not a share of another year: "…占本年收入合计的比重由上年的72.46%提高到84.69%")
            # (… or, none in its paragraph, the one figure the text names exactly so before it: "国家财政性教育经费…为50,433
            # 亿元" two paragraphs above "…国家财政性教育经费占国内生产总值比例为4.00%" — a look-up that warns, never accuses)
            earlier = None
            if not r.vocab.cue("reference_previous").search(whole_label):
                name = _named_subject(r, i)
                # ("…税收收入4.50亿元,…,税收占比91.4%": the tax part named short, the subject of a bare 占比)
                name = (whole_label in {"", "占", "占比"} and not tree[i].depth and revenue_named_in_full(r, name)) or name
                period = _subject_period(r, name)
                part = _named_part(r, i, name) if period is None else _other_period_part(r, i, name, period)
                if part is None and _whole_stated_before(r, i, whole_label):
                    part = earlier = _named_earlier(r, i, name)
            via = () if part is None else (PART_NAMED_EARLIER, PART_NAMED_ABOVE) if earlier is not None \
                else (PART_NAMED, PART_NAMED_ABOVE) if _above(r, i, part) \
                else (PART_NAMED_IN_SENTENCE,) if part.sentence == fact.sentence and clean_label(part.label) == name \
                else (PART_NAMED,)
        if whole_label in {"", "占", "占比"} and part is not None:
            whole_label = _opener_whole(r, s.start, part) or whole_label
        yield Candidate(Share.model_construct(percent=fact, part=part, whole=None, whole_label=whole_label,
                                              reason="share_of_named_whole", via=via, rejected=()))
    yield from _percent_of_total(r)
    yield from _percent_of_named_whole(r)
    yield from _share_named_by_its_part(r)
    yield from _structure_of_listed_parts(r, lists)
    yield from _bracketed_shares(r, lists)


# a share whose part is named, no figure so named in its paragraph: the one figure named exactly so before it in the
# text (of the whole the share names, no list's total: share_whole)
PART_NAMED_EARLIER = "its part named exactly so, the one figure so named before it"

# a share of the run of figures before it taken together ("…分别为a、b和c,合计占X的p%")
TOGETHER = "of the figures before it taken together"


def _pace_stated(r: Reading, pace: str) -> bool:
    """Does the text state the plan's pace a share names as its whole (cue pace_whole: "月进度", "序时进度"), a figure named
    so — not a gap against it ("短月进度3533万元", cue against_budget_word)?"""
    gap = r.vocab.cue("against_budget_word")
    return any(f is not None and f.kind == "amount" and clean_label(f.label).endswith(pace)
               and not gap.search(clean_label(f.label)) for f in r.facts)


def _shortfall_after(r: Reading, k: int, pace: str) -> Fact | None:
    """The amount right after share node k in its sentence named the shortfall against the pace the share is of (cue
    pace_gap: "短月进度3533万元" after "占年初预算月进度的37.2%"), else None."""
    tree = r.tree
    for j in range(k + 1, min(len(tree), k + 4)):
        t = tree[j]
        if t.sentence != tree[k].sentence:
            return None
        if t.kind == "sep":
            continue
        f = r.facts[j]
        m = r.vocab.cue("pace_gap").fullmatch(clean_label(f.label)) if f is not None and t.kind == "labelled" else None
        return f if m is not None and m.group("short") and m.group("pace") == pace and f.kind == "amount" else None
    return None


def _whole_stated_before(r: Reading, i: int, whole_label: str) -> bool:
    """The whole the share names is stated with its figure before it in its sentence ("2023年国内生产总值为1,260,582亿元,
    …占国内生产总值比例为4.00%"): the share speaks of that figure, not of a whole of its part's own document (a 基本支出
    of 财政拨款, not the one listed under 本年支出合计)."""
    named = whole_label.strip()
    return len(named) >= 2 and any(
        r.facts[k] is not None and r.facts[k].kind == "amount" and r.tree[k].kind in {"labelled", "total"}
        and clean_label(r.facts[k].label).endswith(named) for k in r.tree.before(i, "sentence"))


def _said_together(r: Reading, i: int) -> bool:
    """The words right before the share's 占, in its clause, say it is of the figures before taken together
    (cue share_together: "合计占", "三者共占")."""
    tree = r.tree
    return i > 0 and tree[i - 1].kind == "words" and tree[i - 1].clause == tree[i].clause \
        and bool(r.vocab.cue("share_together").match(clean_label(tree[i - 1].piece.label)))


def _share_of_the_change(r: Reading, i: int, direction: str) -> Iterator[Candidate]:
    """"上级补助收入由…调整为21,046.88万元,调增3,510.68万元,…主要由于专项转移支付收入调增2,210.40万元,占调增额的62.96%": a
    share whose whole is the bare change it names (调增额, 增加额, 增收额, 增量, 减少额: cue share_of_the_change) is of the
    change of that direction right before it in its sub-sentence (the part), over the one change of that direction stated
    before the part in its sentence (the whole) — two such before it, or any figure between the part and 占, and nothing
    is read."""
    tree = r.tree
    at = next((k for k in tree.before(i, "sub") if r.facts[k] is not None), None)
    if at is None or not _change_of(r, at, direction) or tree[at].depth > tree[i].depth:
        return
    part = r.facts[at]
    if part.kind != "amount" or r.is_previous(part):
        return
    before = list(tree.before(at, "sentence"))
    if not any(r.facts[k] is not None for k in before):
        # ("…比上年增加1526万元,增长8.32%。其中税收收入增加1124万元,占增加额的73.66%": a 其中 opening the part's sentence
        # speaks of the sentence right before)
        opener = before[-1] if before else at
        if not any(tree[k].kind == "qizhong" for k in before) or opener == 0:
            return
        before = list(tree.before(opener - 1, "sentence")) + [opener - 1]
    wholes = [r.facts[k] for k in before if r.facts[k] is not None and _change_of(r, k, direction)
              and r.facts[k].kind == "amount" and tree[k].depth <= tree[at].depth]
    if len(wholes) != 1 or wholes[0].value == part.value or wholes[0].unit != part.unit:
        return
    yield Candidate(Share.model_construct(percent=r.facts[i], part=part, whole=wholes[0],
                                          whole_label=clean_label(tree[i].piece.label),
                                          reason="share_of_the_change", via=(), rejected=()))


def _change_of(r: Reading, k: int, direction: str) -> bool:
    """Node k states a change of that direction: an increase (decrease) node, or a figure named so ("民生支出增量4312万元")."""
    node = r.tree[k]
    if node.kind == direction:
        return True
    words = _NAMED_INCREASE if direction == "increase" else _NAMED_DECREASE
    return node.kind == "labelled" and bool(words.search(clean_label(node.piece.label)))


_NAMED_INCREASE = lazyre.compile(r"(?:增量|增加额|增收额|增支额|调增额)$")
_NAMED_DECREASE = lazyre.compile(r"(?:减量|减少额|减收额|减支额|调减额)$")


def _share_of_count(r: Reading, i: int, unit: str, whole_label: str) -> Iterator[Candidate]:
    """"全县新发放…小额信贷2860户,共计1.32亿元,其中:发放给监测对象的贷款396户、1782万元,户数占13.85%": a share that
    names what it counts (户数, 人次 …, cue share_counted) is of the last count of that unit before it in its
    sub-sentence, and of the count of that unit the list's opener states before 其中 (in the 其中's sentence or the one
    before); none found, the share is of no amount."""
    tree = r.tree
    fact = r.facts[i]
    at = next((j for j in tree.before(i, "sub") if r.facts[j] is not None and r.facts[j].kind == "count"
               and tree[j].depth <= tree[i].depth), None)
    part = r.facts[at] if at is not None else None
    if part is None or part.unit != unit or r.is_previous(part):
        return
    whole = None
    opener = None  # (the 其中 the part's list opens with)
    for k in tree.before(at, "paragraph"):
        if tree[k].kind == "qizhong":
            opener = opener if opener is not None else tree[k].sentence
            continue
        f = r.facts[k]
        if opener is not None and tree[k].sentence < opener - 1:
            break
        if f is not None and f.kind == "count" and f.unit == unit and opener is not None:
            whole = f
            break
    if whole is not None and (whole.value <= part.value or r.is_previous(whole)):
        whole = None
    yield Candidate(Share.model_construct(percent=fact, part=part, whole=whole, whole_label=whole_label,
                                          reason="share_of_counted_total" if whole is not None else "share_of_named_whole",
                                          via=(), rejected=()))


def _structure_of_listed_parts(r: Reading, lists: Sequence[Breakdown]) -> Iterator[Candidate]:
    """"分产业看,第一产业增加值24.5亿元…;第二产业增加值261.7亿元…;第三产业增加值121亿元…。三次产业比例为6.0:64.3:29.7": a
    structure written as a ratio of percentages right after a list of as many parts (the last amount before it in its
    paragraph ends the list) states each part's share of the list's total, in order; not a structure it changed from."""
    by_last: dict[int, list[Breakdown]] | None = None
    for terms, earlier in structure_ratios(r):
        first = r.node_of(terms[0])
        if earlier or first is None:
            continue
        # (… and not the terms of the structure it changed from: "由上年的11.2:49.5:39.3调整为10.0:50.0:40.0")
        last = _last_figure_before(r, first, skipping={"percent", "number"})
        if last is None or last.kind != "amount":
            continue
        if by_last is None:
            by_last = _by_last_part(lists)
        b = next((b for b in by_last.get(last.id, ()) if len(b.parts) == len(terms)), None)
        for term, part in zip(terms, b.parts) if b is not None else ():
            yield Candidate(Share.model_construct(percent=term, part=part, whole=b.total, whole_label="",
                                                  reason="structure_of_listed_parts", via=(), rejected=()))


_SHARES_AT_MOST = 110  # (100 %, and room for one slip to be found)
_BARE_PERCENT_BRACKET = lazyre.compile(r"\s*[(（]\s*$")
_BRACKET_CLOSE = lazyre.compile(r"\s*[)）]")


def _bracketed_shares(r: Reading, lists: Sequence[Breakdown]) -> Iterator[Candidate]:
    """"在這395億元當中,280億元(71%)為經濟援助金,83億元(21%)為…,其餘25億元(6%)為部門開支": a bare percentage alone in
    the bracket right after a listed part, two parts of the list at least written so, is that part's share of the list's
    whole (its total: share_whole, share_of_list_total). Not when the sentence or the clause before the list speaks of
    a change (增长, 同比, 比上年 …: "税收收入80亿元(15%)" there may be its growth), nor a percentage over 100."""
    tree = r.tree
    text = r.norm.text
    part_of: dict[int, Breakdown] = {}
    for b in lists:
        # (or a chart's figures of no unit, the chart's own: chart_shares pairs them with their brackets)
        if b.subtracted or len(b.parts) < 2 or b.total.kind != ("number" if b.reason == chart_shares.REASON else "amount"):
            continue
        for p in b.parts:
            part_of.setdefault(p.id, b)
    if not part_of:
        return
    found: dict[int, list[tuple[Fact, Fact]]] = {}
    for i, node in enumerate(tree):
        fact = r.facts[i]
        if fact is None or fact.kind != "percent" or node.kind == "share" or node.depth == 0 or fact.approximate \
                or fact.value > 100:
            continue  # ("(占60%)": read as any share)
        j = bracket_host(r, i)
        if j is None or r.facts[j].id not in part_of or r.facts[j].kind != part_of[r.facts[j].id].total.kind:
            continue
        # the percentage alone in its bracket, right after the part's figure: "280億元(71%)"
        if not _BARE_PERCENT_BRACKET.fullmatch(text, tree[j].end, node.start) or not _BRACKET_CLOSE.match(text, node.end):
            continue
        b = part_of[r.facts[j].id]
        found.setdefault(b.total.id, []).append((fact, r.facts[j]))
    changed = r.vocab.cue("change_percent")
    yearly = r.vocab.cue("year_on_year")
    for b in (b for b in lists if b.total.id in found):
        pairs = found.pop(b.total.id)
        if len(pairs) < 2:
            continue
        at = r.node_of(b.total)
        if at is None:
            continue
        start = sentence_start(text, min(tree[at].start, tree[r.node_of(pairs[0][1])].start))
        end = max(tree[r.node_of(p)].end for p, _ in pairs)
        said = text[start:end]
        if changed.search(said) or yearly.search(said):
            continue  # ("收入100亿元,增长12%,其中税收80亿元(15%)、非税20亿元(5%)": the parts' growth, maybe)
        if sum(p.value for p, _ in pairs) > _SHARES_AT_MOST:
            continue  # (shares of one whole add to 100 at most: "(98%)", "(95%)" well past it are each part's own rate)
        # (a chart's figures are rounded to its unit, and its shares worked out before: within both roundings)
        rounded = b.reason == chart_shares.REASON
        if b.total.value <= 0 or sum(_fits(p, part, b.total, rounded) for p, part in pairs) < len(pairs) - 1:
            continue  # ("其中税收收入80亿元(15%)、非税收入20亿元(5%)" of 100: no bracket is its part's share — growth rates)
        for percent, part in pairs:
            yield Candidate(Share.model_construct(percent=percent, part=part, whole=None, whole_label="",
                                                  reason="share_of_named_whole", via=(), rejected=()))


def _fits(percent: Fact, part: Fact, whole: Fact, rounded: bool = False) -> bool:
    """Is the percentage its part's share of the whole, within the precision it is written to (a bracket whose
    percentages are shares has them all fit but a slip) — and, `rounded`, within the rounding of the figures too?"""
    if rounded and whole.value > whole.tolerance:
        low = (part.value - part.tolerance) * 100 / (whole.value + whole.tolerance)
        high = (part.value + part.tolerance) * 100 / (whole.value - whole.tolerance)
        return low - percent.tolerance <= percent.value <= high + percent.tolerance
    return abs(part.value * 100 / whole.value - percent.value) <= percent.tolerance


# a share whose part is named, its figure stated before: of the total of the list that part stands in, or of none
# ("基本支出占财政拨款支出的66.40%" after "支出合计…,其中:基本支出2,101.60万元": the 基本支出 of 财政拨款, another figure)
PART_NAMED = "its part named, stated before"
# … its figure stated in the share's own sentence, in no list ("提取额168.60亿元,同比增长15.22%;提取额占当年缴存额的79.69%"):
# the sentence names that figure again, of the whole the share names (share_whole)
PART_NAMED_IN_SENTENCE = "its part named, stated before in its sentence"


def in_other_scope_bracket(r: Reading, at: int) -> bool:
    """Offset `at` stands in a bracket that says another place's or an average's figure: after words of its clause,
    no figure among them, comparing with another scope ("税收占比73.8%,高于全省平均水平(税收占比71.2%)", "低于全市平均水平
    (非税占比29.5%)" — cue other_scope_compared), or opening with an average of another scope ("(全市平均税收占比68.9%)" —
    cues other_scope_mean and a 平均): that other's share, no share of this text's figures."""
    text = r.norm.text
    opened = max(text.rfind("(", max(0, at - 40), at), text.rfind("（", max(0, at - 40), at))
    if opened < 0 or any(c in text[opened + 1:at] for c in ")）;；。\n"):
        return False
    head = text[opened + 1:at]
    if "平均" in head and r.vocab.cue("other_scope_mean").search(head):
        return True
    start = max(text.rfind(c, 0, opened) for c in ",，;；。\n") + 1
    before = text[start:opened]
    return not any(c.isdigit() for c in before) and r.vocab.cue("other_scope_compared").search(before) is not None


def _share_named_by_its_part(r: Reading) -> Iterator[Candidate]:
    """"第二产业增加值比重为36.6%" after "…其中第一产业增加值88560万元;第二产业增加值109987万元;…": a percentage
    named by a part and 比重 / 占比, no whole named — the share of the amount its paragraph states by that name
    before it, of the whole that amount is a part of (the list it stands in)."""
    tree = r.tree
    share_of_part = r.vocab.cue("share_of_named_part")
    for s in tree.of_kind("labelled"):
        fact = r.facts[s.index]
        if fact is None or fact.kind != "percent" or fact.is_bound:
            continue
        if in_other_scope_bracket(r, fact.span.start):
            continue  # ("低于全市平均水平(非税占比29.5%)": the other place's share)
        label = clean_label(s.piece.label)
        short = _SHARE_WORD.match(label)
        name = short and revenue_named_in_full(r, short.group(1))
        if name:
            if tree[s.index].depth > 0:
                continue  # ("税收比重为61.5%(同口径税收比重64.8%)": a bracket's share on another basis, of no figure stated)
        else:
            named = share_of_part.match(label)
            if named is None:
                continue
            name = named.group(1)
        part = _named_part(r, s.index, name)
        if part is not None:
            via = (PART_NAMED, PART_NAMED_ABOVE) if _above(r, s.index, part) else (PART_NAMED,)
            yield Candidate(Share.model_construct(percent=fact, part=part, whole=None, whole_label="",
                                                  reason="share_of_named_whole", via=via, rejected=()))


# a share's name: what it is of, then 比重 / 占比 / 比 ("税收占比", "税收比重", "税性比")
_SHARE_WORD = lazyre.compile(r"^(.{2,6}?)(?:所占|的)?(?:比重|占比|比)$")


def revenue_named_in_full(r: Reading, name: str) -> str:
    """The full name of a revenue's tax or non-tax part named short (cue revenue_named_short: 税收 / 税性 → 税收收入,
    非税 → 非税收入), or ""."""
    short = r.vocab.cue("revenue_named_short").match(name)
    return "" if short is None else "税收收入" if short.group("tax") else "非税收入"


def _named_part(r: Reading, i: int, name: str) -> Fact | None:
    """The amount its paragraph states before node i under the name `name` (its label ends with it; one named exactly so
    before those only ending so: "财政拨款收入" beside "一般公共预算财政拨款收入"), of this period, not a change — one
    figure, or none when the name is said of two.  A share whose sentence opens its paragraph, its part not named in it,
    may name a part of the paragraph right before ("…财政拨款收入3,618.42万元,…;事业收入214.66万元…。⏎ 财政拨款收入占本年
    收入合计的93.49%,…")."""
    # ("本年度公益事业支出占…": the subject of this year, named so — a word of this period before its name says no more)
    current = next((words for period, words in r.vocab.periods if period == "current"), ())
    name = name[next((len(w) for w in sorted(current, key=len, reverse=True) if name.startswith(w)), 0):]
    # ("税收收入完成数占…的77%": the figure named, then what was done of it — 税收收入, stated "税收收入完成66840万元")
    name = _DONE_NAMED.sub("", name) if len(name) > 6 else name
    if len(name) == 3 and not _NO_NAME.match(name):
        # (a name of three characters only as the one figure of its sentence named exactly so: "提取额168.60亿元,同比增长
        # 15.22%;提取额占当年缴存额的79.69%" — not a figure ending so elsewhere in the paragraph)
        found = [f for f in _named_in(r, r.tree.before(i, "sentence"), name) if clean_label(f.label) == name]
        if len({f.value for f in found}) != 1 or r.is_previous(found[0]) or found[0].concept in CHANGE_CONCEPTS:
            return None
        return found[0]
    if len(name) < 4 or _NO_NAME.match(name):
        return None
    tree = r.tree
    found = _named_in(r, tree.before(i, "paragraph"), name)
    if not found and tree.opens_paragraph(tree.unit("sentence", i).start):
        above = tree[i].paragraph - 1
        if tree.has_paragraph(above) and tree.paragraph_lines.get(above, (0, -9))[1] + 1 \
                == tree.paragraph_lines.get(tree[i].paragraph, (0, 0))[0]:
            found = _named_in(r, reversed(tree.paragraph_nodes(above)), name)
    exact = [f for f in found if clean_label(f.label) == name]
    found = exact or found
    if len({f.value for f in found}) > 1:
        # (two figures so named in the paragraph: the one of the share's own sentence, when it states one — "…其中税收收入
        # 累计完成35.22亿元,…,税性比为84%。一般公共预算收入…。其中:地方税收收入累计完成18.32亿元,…,税性比为74%")
        found = [f for f in found if (k := r.node_of(f)) is not None and tree[k].sentence == tree[i].sentence]
    if len({f.value for f in found}) != 1:
        return None
    part = found[0]
    if r.is_previous(part) or part.concept in CHANGE_CONCEPTS:
        return None  # ("上年第一产业增加值…": last year's figure is no part of this year's share)
    return part


def _subject_period(r: Reading, subject: str) -> str | None:
    """The year a share's subject dates itself in when it is not the report's ("上年提取额", "去年…", "2024年…"; cue
    share_subject_other_period — 上期 and 前年 too, which no figure is dated by: those shares stay undecided), or None."""
    m = r.vocab.cue("share_subject_other_period").match(subject) if subject else None
    if m is None:
        return None
    period = read_label(subject, r.vocab).period
    if period in (None, "current"):
        return "other"  # (上期, 前年: another period no figure's own date names)
    year = period_of(SimpleNamespace(period=period), r.report_year)  # (period_of reads only the period)
    return None if year == r.report_year else year


def _other_period_part(r: Reading, i: int, name: str, period: str) -> Fact | None:
    """The part of a share its subject dates in another period ("上年提取额占当年缴存额的72.6%。上年缴存额172.35亿元、
    提取额125.18亿元"): the one amount of that period, its name the subject's without the period words, in the share's
    sentence or the next — else None (the share stays undecided, never of this year's figures)."""
    core = r.vocab.cue("period_prefix").sub("", name)
    if len(core) < 2 or _NO_NAME.match(core):
        return None
    tree = r.tree
    sentence = tree[i].sentence
    # (the share's paragraph's nodes, not the whole text's: a walk per share)
    nodes = [k for k in tree.unit("paragraph", i) if tree[k].sentence in (sentence, sentence + 1)
             and tree[k].paragraph == tree[i].paragraph]
    found = [f for f in _named_in(r, nodes, core)
             if period_of(f, r.report_year) == period and f.concept not in CHANGE_CONCEPTS
             and r.vocab.cue("period_prefix").sub("", clean_label(f.label)) == core]
    return found[0] if len({f.value for f in found}) == 1 else None


def _above(r: Reading, i: int, part: Fact) -> bool:
    """The part was looked up in the paragraph before node i's (a reading that may warn, never accuse)."""
    k = r.node_of(part)
    return k is not None and r.tree[k].paragraph != r.tree[i].paragraph


# … and said of a share's subject, with the figure's word ("税收收入完成数", "一般公共预算收入实现额")
_DONE_NAMED = lazyre.compile(rf"(?<=[\u4e00-\u9fff]{{4}})(?:累计)?{DONE_VERB}(?:数|额)?$")
# the verb of what was done, after the name of the figure done ("税收收入完成", "非税收入累计完成", "地方收入实现")
_DONE_AFTER_NAME = lazyre.compile(rf"(?<=[\u4e00-\u9fff]){DONE_LEAD}(?:{DONE_VERB}|入库)了?$")


def _named_in(r: Reading, nodes, name: str) -> list[Fact]:
    """The amounts of `nodes` whose labels end with `name`."""
    out: list[Fact] = []
    for k in nodes:
        f = r.facts[k]
        if f is None or f.kind != "amount" or r.tree[k].kind not in {"labelled", "total"}:
            continue
        label = clean_label(f.label)
        # (… its name said before the verb of what was done: "税收收入完成61347万元" is 税收收入)
        label = _DONE_AFTER_NAME.sub("", label) if label != name else label
        # (or named by a verb alone, after its subject: "住院救助3,265人次,支出1,128.45万元" is 住院救助支出)
        if label.endswith(name) or (label and name == sub_subject(r, k) + label):
            out.append(f)
    return out


_WHOLE_NAMED = lazyre.compile(r"占([^,;。\d]{1,20})的")  # (a share of the sentence naming its whole: "占本年支出合计的")
_SENTENCE_END = lazyre.compile(r"[。!?\n]")  # (the opener governs the parts after its ";" too)


def _opener_whole(r: Reading, at: int, part: Fact) -> str:
    """The whole of a bare 占 p% of `part` in a sentence that opens with a whole ("基本支出中,", "从支出总计的构成看,":
    cue whole_opener): the whole an earlier share after the opener names ("占基本支出的"), else the opener's — when a
    figure of that name stated before is no smaller than the part; "" otherwise."""
    text = r.norm.text
    start = max(0, at - 200)
    ends = [m.end() for m in _SENTENCE_END.finditer(text, start, at)]
    start = ends[-1] if ends else start
    # ("一般公共预算支出中,…占比76.8%;政府性基金支出中,专项债券安排支出76.51亿元,占比46.2%": the clause after a ';'
    # may open with a whole of its own)
    opener = r.vocab.cue("whole_opener")
    clause = text.rfind(";", start, at)
    if clause >= 0 and opener.match(text, clause + 1):
        start = clause + 1
    m = opener.match(text, start)
    if m is None:
        return ""
    named = None
    for named in _WHOLE_NAMED.finditer(text, m.end(), at):
        pass
    if named is not None:
        # an earlier share after the opener names its whole: "项目支出中,…,占本年支出合计的30.00%;…,占10.00%" goes
        # on with it
        return named.group(1)
    name = m.group(1)
    named = [f for f in r.facts if f is not None and f.kind == part.kind and f.unit == part.unit
             and f.span.end <= start and names_in_full(clean_label(f.label), name)]
    return name if named and named[-1].value + named[-1].tolerance >= part.value else ""


def names_in_full(label: str, name: str) -> bool:
    """`label` ends with `name`, or with it written in full ("政府性基金预算支出" for "政府性基金支出": the same head
    and ending, the middle left out)."""
    if label.endswith(name):
        return True
    if len(name) < 4:
        return False
    tail = label[-(len(name) + 4):]
    rest = iter(tail[tail.find(name[:2]):] if name[:2] in tail else "")
    return label.endswith(name[-2:]) and all(ch in rest for ch in name)


_SPACES = lazyre.compile(r"\s+")
_SHARE_WORDS = lazyre.compile(r"的?(?:比重|比例|份额)?(?:为|是|约|达到?)?$")  # "占财政总收入的比重为": what follows the whole
_OTHER_YEARS = lazyre.compile(r"(?:比|较|与|同)\s*(?:(?:19|20)\d{2}|上一?年|去年)\s*年?度?(?:同期)?\s*\(\s*$")


def _by_last_part(lists: Sequence[Breakdown]) -> dict[int, list[Breakdown]]:
    """The lists that subtract nothing, by their last part's id, in their order."""
    out: dict[int, list[Breakdown]] = {}
    for b in lists:
        if b.parts and not b.subtracted:
            out.setdefault(b.parts[-1].id, []).append(b)
    return out


def _last_figure_before(r: Reading, i: int, skipping: set[str]) -> Fact | None:
    """The last figure before node i in its paragraph, passing over figures of the kinds `skipping` (the parts' own
    growth rates may follow them: "…第三产业增加值25.1亿元,下降4%。一、二、三产业占…"), or None."""
    tree = r.tree
    last = next((j for j in range(i - 1, -1, -1) if r.facts[j] is not None and r.facts[j].kind not in skipping), None)
    return r.facts[last] if last is not None and tree[last].paragraph == tree[i].paragraph else None


# parts each stated in a clause of its own, right before "分别占…的p%和q%"
CLAUSES_BEFORE = "paired in order with the amounts of the clauses right before 分别"


def _clauses_before(r: Reading, i: int, count: int) -> list[Fact]:
    """"接收来自境内的捐赠款物934.61亿元,接收境外捐赠款物达135.39亿元,分别占…总额的86.6%和13.4%": the parts of a run of
    `count` percentages after 分别占 named each in a clause of its own right before 分别, one labelled amount a clause
    (commas between, nothing else), of one unit, named apart, none of another year — the last `count` such clauses of
    its sentence (a total may open it: "收入共计1070亿元,境内…,境外…,分别占…")."""
    tree = r.tree
    if i < 2 or tree[i - 1].kind != "fenbie" or not tree[i - 2].separator(",，"):
        return []
    found: list[Fact] = []
    k = i - 3
    while len(found) < count:
        f = r.facts[k] if k >= 0 else None
        if f is None or tree[k].kind != "labelled" or f.kind != "amount" or not clean_label(f.label) \
                or tree[k].sentence != tree[i].sentence or tree[k].depth != tree[i].depth or r.is_previous(f):
            return []
        found.append(f)
        if len(found) < count:
            if k < 2 or not tree[k - 1].separator(",，"):
                return []
            k -= 2
    if len({f.unit for f in found}) != 1 or len({clean_label(f.label) for f in found}) != count:
        return []
    return found[::-1]


def _list_just_before(r: Reading, i: int, by_last: dict[int, list[Breakdown]], count: int) -> list[Fact]:
    """The parts of a list of `count` parts whose last part is the last figure before node i
    in its paragraph, with no figure between: what "占…的比重分别为p%、q%…" is written about
    (`by_last`: the lists by their last part, _by_last_part)."""
    last = _last_figure_before(r, i, skipping={"percent"})
    if last is None:
        return []
    for b in by_last.get(last.id, ()):
        if len(b.parts) == count:
            return _in_the_order_named(r, last, i, list(b.parts))
    return []


_SENTENCE_STOP = lazyre.compile(r"[。;；!！?？\n]")
_LEADING_AND = lazyre.compile(r"^(?:以及|及|和|与|與|并|並|、)+")


def _in_the_order_named(r: Reading, last: Fact, i: int, parts: list[Fact]) -> list[Fact]:
    """The list's parts in the order the share's own words name them before 分别 ("其中,地方国有企业257,777.8亿元,中央
    企业345,678.9亿元。中央企业和地方国有企业营业总收入分别占全部国有企业的57.3%和42.7%": 57.3% is the 中央企业's) — each
    part found there by the longest start of its name (two characters at least: "乐透数字型、竞猜型…彩票销售量" for
    竞猜型彩票销售), once, no two overlapping; a part not found so and the list's own order stands."""
    words = r.norm.text[last.span.end:r.tree[i].start]
    stops = list(_SENTENCE_STOP.finditer(words))
    if stops:
        words = words[stops[-1].end():]
    found: list[tuple[int, int, Fact]] = []
    for part in parts:
        name = _LEADING_AND.sub("", clean_label(part.label))  # ("…及医疗用品及设备开支": the list's last joined on)
        at = None
        for n in range(len(name), 1, -1):
            where = _places(name[:n], words)
            if len(where) == 1:
                at = (where[0], where[0] + n)
                break
            if where:
                break  # (said twice: which is meant is not known)
        if at is None:
            return parts
        found.append((*at, part))
    found.sort(key=lambda x: x[0])
    if any(a[1] > b[0] for a, b in zip(found, found[1:])):
        return parts
    return [f[2] for f in found]


_OF_WHOLE = re.compile(r"[的之]?(?:比例|比重|比率)?(?:为|是)?")  # "…的52.3%", "…之比率为49.97%"


def _share_of_stated_whole(r: Reading, i: int) -> Iterator[Candidate]:
    """"887万元,占年初预算1600万元的52.3%": the whole is written inside the share."""
    tree = r.tree
    if i + 1 >= len(tree):
        return
    nxt = tree[i + 1]
    percent = r.facts[i + 1]
    if not (nxt.kind == "labelled" and percent is not None and percent.kind == "percent"
            and _OF_WHOLE.fullmatch(nxt.piece.label)):
        return
    whole = r.facts[i]
    if r.vocab.cue("change_named").search(clean_label(tree[i].piece.label)):
        # ("农林水支出1,102.84万元,比上年增加156.30万元(占…支出增加额210.78万元的74.15%)": a share of an increase is the
        # share of the part's increase, not of its level)
        j = next((k for k in tree.before(i, "sub") if tree[k].kind in {"increase", "decrease"}
                  and r.facts[k] is not None and r.facts[k].kind == "amount"), None)
    else:
        j = _part_before(r, i)
        if j is None or r.facts[j].kind == "percent":
            # ("完成…33.82亿元,为人大预算数37.1亿元的91.16%,为市下全年目标42亿元的80.52%": one figure's shares of several
            # wholes in a run — the share before, with nothing else between, names the part)
            before = next((k for k in tree.before(i, "sub") if tree[k].kind == "share"), None)
            if before is not None and r.facts[before] is not None and r.facts[before].kind == "amount" \
                    and all(r.facts[k] is None for k in range(before + 2, i)):
                j = _part_before(r, before)
    # ("教育a、社保b、卫生c、农林水d,分别占支出总额T的p%、q%、r%和s%": a run of percentages pairs with the run of
    # amounts, in order — or not at all)
    percents = [percent] + [r.facts[k] for k in figure_run(r, i + 1, +1)]
    via: tuple[str, ...] = ()
    if len(percents) > 1:
        amounts = [r.facts[k] for k in figure_run(r, j, -1)] if j is not None else []
        pairs = list(zip(percents, amounts[-len(percents):])) if len(amounts) >= len(percents) else []
    elif j is None:
        # ("本年度公益事业支出占上年总收入18,462.37万元的77.61%": the part named before 占, its figure stated before)
        part = _named_part(r, i, _named_subject(r, i))
        via = () if part is None else (PART_NAMED, PART_NAMED_ABOVE) if _above(r, i, part) else (PART_NAMED,)
        pairs = [(percent, part)]
    else:
        pairs = [(percent, r.facts[j])]
    for p, part in pairs:
        if part is not None and part.unit == whole.unit:
            yield Candidate(Share.model_construct(percent=p, part=part, whole=whole,
                                                  whole_label=tree[i].piece.label, reason="share_of_stated_whole",
                                                  via=via, rejected=()))


def _respective_wholes(r: Reading, i: int) -> Iterator[Candidate]:
    """"保险费收入和基本养老金支出分别占基金收入、基金支出的46.2%和97.7%": the parts named before 分别, each the share of its
    own whole named after 占, in order — as many names, wholes and percentages.  Each part's figure is looked up by its
    name (in the paragraph, on the line before, else the one figure named exactly so before it in the text): a share that
    may warn, never accuse, read only of a whole named as it names it (share_whole)."""
    tree = r.tree
    if i == 0 or tree[i - 1].kind != "fenbie":
        return
    names = names_before(r, i - 1)
    fact = r.facts[i]
    if fact is not None:
        if fact.kind != "percent":
            return
        label = _SHARE_WORDS.sub("", _SPACES.sub("", tree[i].piece.label))
        wholes = [w for w in _WHOLES_APART.split(label) if w]
        percents = [fact] + [r.facts[k] for k in figure_run(r, i, +1)]
    else:
        wholes, percents = [_SPACES.sub("", tree[i].piece.label)], []
        k = i + 1
        while k + 1 < len(tree) and tree[k].separator("、,和及") and tree[k + 1].kind == "labelled" \
                and r.facts[k + 1] is not None and r.facts[k + 1].kind == "percent" and tree[k + 1].clause == tree[i].clause:
            named = _SHARE_WORDS.sub("", _SPACES.sub("", tree[k + 1].piece.label))
            if named:  # ("占基金收入、基金支出的46.2%": the last whole's name stands before the first percentage)
                if percents:
                    return
                wholes.append(named)
            percents.append(r.facts[k + 1])
            k += 2
    if not 2 <= len(percents) == len(wholes) == len(names) or len(set(names)) != len(names) \
            or len(set(wholes)) != len(wholes) or r.vocab.cue("respective_own").search("".join(wholes)):
        return
    for name, whole, percent in zip(names, wholes, percents):
        part = _named_part(r, i, name) or _named_earlier(r, i, name)
        if part is not None:
            yield Candidate(Share.model_construct(percent=percent, part=part, whole=None, whole_label=whole,
                                                  reason="share_of_named_whole", via=(PART_NAMED, PART_NAMED_ABOVE)
                                                  if _above(r, i, part) else (PART_NAMED,), rejected=()))


_WHOLES_APART = lazyre.compile(r"[、和及与]")


def _named_earlier(r: Reading, i: int, name: str) -> Fact | None:
    """The one amount of this period the text states before node i under exactly the name `name` (none when it states
    two values so named, or the name is too short to tell)."""
    if len(name) < 4 or _NO_NAME.match(name):
        return None
    found = [f for k in range(i - 1, -1, -1) for f in [r.facts[k]] if f is not None and f.kind == "amount"
             and r.tree[k].kind in {"labelled", "total"} and clean_label(f.label) == name]
    if len({f.value for f in found}) != 1 or r.is_previous(found[0]) or found[0].concept in CHANGE_CONCEPTS:
        return None
    return found[0]


def _share_of_bracketed_whole(r: Reading, i: int) -> Iterator[Candidate]:
    """"赤字481亿元,占本地生产总值(32,150亿元)的1.5%": the whole in a bracket after its name; or right after it,
    "占本年支出合计3370.66万元的56.18%"."""
    tree = r.tree
    inline = i + 2 < len(tree) and tree[i + 1].kind in ("labelled", "total") and r.facts[i + 1] is not None \
        and (tree[i + 1].kind == "total" or not tree[i + 1].piece.label.strip())
    if inline:
        after, whole, percent = tree[i + 2], r.facts[i + 1], r.facts[i + 2]
        if not (whole.kind == "amount" and after.kind == "labelled" and percent is not None
                and percent.kind == "percent" and _OF_WHOLE.fullmatch(after.piece.label)):
            return
        percent_node = i + 2
    else:
        if i + 4 >= len(tree):
            return
        opened, inner, closed, after = tree[i + 1], tree[i + 2], tree[i + 3], tree[i + 4]
        whole, percent = r.facts[i + 2], r.facts[i + 4]
        if not (opened.separator("(") and closed.separator(")") and inner.kind == "labelled"
                and not inner.piece.label.strip() and whole is not None and whole.kind == "amount"
                and after.kind == "labelled" and percent is not None and percent.kind == "percent"
                and _OF_WHOLE.fullmatch(after.piece.label)):
            return
        percent_node = i + 4
    # ("基本支出a、项目支出b,分别占本年支出合计(T)的p%和q%": a run of percentages pairs with the run of amounts, in order)
    percents = [percent] + [r.facts[k] for k in figure_run(r, percent_node, +1)]
    amounts = [r.facts[k] for k in figure_run(r, _part_before(r, i), -1)]
    if len(percents) > 1 and len(amounts) != len(percents):
        return
    for p, part in zip(percents, amounts[-len(percents):] if len(percents) > 1 else amounts[-1:]):
        if part is not None and part.unit == whole.unit:
            yield Candidate(Share.model_construct(percent=p, part=part, whole=whole,
                                                  whole_label=tree[i].piece.label + (tree[i + 1].piece.keyword
                                                                                     if inline else ""),
                                                  reason="share_of_stated_whole",
                                                  via=(), rejected=()))


def _taken_away(r: Reading, part: Fact, at: int) -> bool:
    """The amount is taken away before the share (cue deduction on its label, and 后 between it and the share at `at`,
    in its sentence): "减去离退休人员经费3,216.80万元后,在职人员经费占…"."""
    between = r.norm.text[part.span.end:at]
    return bool(r.vocab.cue("deduction").match(clean_label(part.label))) and bool(_AFTER_TAKEN.match(between))


_AFTER_TAKEN = lazyre.compile(r"^[^。;；]{0,4}?[后後]")


def _part_before(r: Reading, i: int) -> int | None:
    """The amount a share's percentage is of: the last figure before 占 in its sub-sentence, at
    its own bracket depth ("奖补资金348万元(市262万元,区86万元),约占投资总额的40%": of 348), and not
    the figure another is compared with."""
    tree = r.tree
    compared = r.vocab.cue("compared_prefix")  # (nor what it is compared with: "比上年同期144987万元")
    subject = _named_subject(r, i)
    # (nor last year's figure, or the change, a change clause states before the share of this year's:
    # "本年支出12485.98万元,上年支出10634.78万元,增加1851.20万元,增长17.4%,占部门本年支出合计的87.8%")
    of_last_year = bool(r.vocab.cue("reference_previous").search(tree[i].piece.label))
    own_period = _subject_period(r, subject)
    for j in tree.before(i, "sub"):
        f = r.facts[j]
        if own_period is not None and f is not None and tree[j].kind in {"labelled", "total"} \
                and tree[j].clause != tree[i].clause and period_of(f, r.report_year) != own_period:
            # ("全年提取额132.60亿元,占…71.1%,上年提取额占当年缴存额的72.6%": a share its subject dates in another
            # period than the figure before it borrows no figure of that other period — _other_period_part)
            return None
        if f is not None and tree[j].kind in {"labelled", "total"} and tree[j].depth <= tree[i].depth \
                and (f.concept in _CHANGE_AMOUNTS or (r.is_previous(f) and not of_last_year)) \
                and _current_before(r, j, f):
            continue
        if f is not None and tree[j].kind in {"labelled", "total"} and tree[j].depth <= tree[i].depth \
                and not compared.match(clean_label(f.label)):
            if subject and tree[j].clause != tree[i].clause and not _same_name(subject, r.vocab, f):
                # "…村民捐资23.14万元,村民筹资捐资占工程总投资的19.18%": another subject's share — unless an
                # earlier figure of its sub-sentence is the one it names ("税收收入a,非税收入b,税收占比c%")
                return next((k for k in tree.before(j, "sub")
                             if r.facts[k] is not None and tree[k].kind in {"labelled", "total"}
                             and r.facts[k].kind == f.kind and tree[k].depth <= tree[i].depth
                             and _abbreviates(subject, r.facts[k])), None)
            return j if f.kind in {"amount", "count"} else None  # ("“优秀”的5个,占比10%")
    return None


_CHANGE_AMOUNTS = {"增减额", "预算差额"}


def _current_before(r: Reading, j: int, f: Fact) -> bool:
    """A figure of this year before node j in its sentence, of f's unit, not itself a change: the
    subject of the clause that states f as last year's or as the change."""
    for k in r.tree.before(j, "sentence"):
        g = r.facts[k]
        if g is not None and g.kind == f.kind and g.unit == f.unit and g.concept not in _CHANGE_AMOUNTS \
                and not r.is_previous(g):
            return True
    return False


def _named_subject(r: Reading, i: int) -> str:
    """The subject words a share's own clause names right before 占 ("村民筹资捐资占…"), or ""."""
    tree = r.tree
    if i == 0 or tree[i - 1].clause != tree[i].clause or tree[i - 1].kind != "words":
        return ""
    name = clean_label(tree[i - 1].piece.label)
    # ("仅占", "约占", "合计占": no name of its own; "税收占比": a name of two characters)
    return name if len(name) >= 3 or len(name) == 2 and not _NO_NAME.match(name) else ""


def _same_name(subject: str, vocab, fact) -> bool:
    """Does the share's subject name the figure (the same words, or one within the other, or the same
    concept)?"""
    label, subject = _TOTAL_WORD.sub("", clean_label(fact.label)), _TOTAL_WORD.sub("", subject)
    at = label.find(subject)
    mean = vocab.cue("mean_per_unit")
    if at > 0 and mean.search(label[:at]) and not mean.search(subject):
        # ("人均卫生总费用6425.3元,卫生总费用占GDP的7.2%": a mean per head of it is no part of a share of the total)
        return False
    # ("税收" names 税收收入, not 非税收入)
    return (at >= 0 and not label[:at].endswith("非")) or label in subject \
        or read_label(subject, vocab).concept == fact.concept


def _abbreviates(subject: str, fact) -> bool:
    """The share's subject is the start of the figure's name ("税收" of "税收收入"), not more than it."""
    core = _TOTAL_WORD.sub("", subject)
    return bool(core) and clean_label(fact.label).startswith(core)


_NO_NAME = lazyre.compile(r"^(?:合计|共计|累计|总计|分别|其中|大约|约为|均为|仅为|比重|比例|占比|左右|以上)$")
# ("授予中小企业合同总金额占…" names the "授予中小企业合同金额" before it)
_TOTAL_WORD = lazyre.compile(r"总|合计|共计|累计|全部")


def _percent_of_total(r: Reading) -> Iterator[Candidate]:
    """"总保费1293.45万元,中央财政补贴47.5%为614.39万元": p% of the sentence's total is a."""
    tree = r.tree
    last = len(tree) - 1
    for s in tree.of_kind("labelled"):  # (the percent is a labelled figure: in text order, as the nodes)
        i = s.index
        if i == last:
            break
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


def _percent_of_named_whole(r: Reading) -> Iterator[Candidate]:
    """"按国有资本经营预算收入的30%调出资金558万元": the amount a sum is reckoned at p% of a whole it names (按 X 的 p%,
    cue share_reckoned_of) and taken out so (调出, 提取, 计提: cue share_reckoned_taken), right after it, is that share of
    the whole the document states by that name (share_whole looks it up) — not a floor or a cap (不低于30%: a bound); or
the amount taken stated right before it, the rate saying where it goes (_taken_before)."""
    tree = r.tree
    reckoned, taken = r.vocab.cue("share_reckoned_of"), r.vocab.cue("share_reckoned_taken")
    for s in tree.of_kind("labelled"):
        i = s.index
        fact = r.facts[i]
        if fact is None or fact.kind != "percent" or fact.is_bound or s.kind != "labelled" or i + 1 >= len(tree):
            continue
        m = reckoned.match(clean_label(s.piece.label))
        if m is None:
            continue
        nxt, amount = tree[i + 1], r.facts[i + 1]
        if amount is None or nxt.kind != "labelled" or amount.kind != "amount" \
                or nxt.sentence != s.sentence or not taken.match(clean_label(nxt.piece.label)):
            amount = _taken_before(r, i)
            if amount is None:
                continue
        yield Candidate(Share.model_construct(percent=fact, part=amount, whole=None, whole_label=m.group("whole"),
                                              reason="share_of_named_whole", via=(RECKONED_AT,), rejected=()))


def _taken_before(r: Reading, i: int) -> Fact | None:
    """"调出资金4,400万元,按国有资本经营预算收入的34.2%调入一般公共预算", "按规定调出资金491.54万元(按收入的30%调入一般公共预算)":
    the amount taken out (cue share_reckoned_taken_before) right before the 按 X 的 p% — a comma or an opening bracket
    between, in its sentence — when the words right after the rate say where it goes (调入, 补充, 上缴: cue
    share_reckoned_into) and state no amount of their own."""
    tree = r.tree
    if i < 2 or i + 1 >= len(tree):
        return None
    sep, before, nxt = tree[i - 1], tree[i - 2], tree[i + 1]
    amount = r.facts[i - 2]
    if not (sep.separator(",，(（") and before.kind == "labelled" and amount is not None and amount.kind == "amount"
            and before.sentence == tree[i].sentence and nxt.kind == "words" and nxt.sentence == tree[i].sentence):
        return None
    if not r.vocab.cue("share_reckoned_taken_before").search(clean_label(before.piece.label)) \
            or not r.vocab.cue("share_reckoned_into").match(clean_label(nxt.piece.label)):
        return None
    return amount


# a sum reckoned at p% of a whole it names ("按…收入的30%调出资金558万元")
RECKONED_AT = "reckoned at p% of the whole it names (按 X 的 p%)"


def figure_run(r: Reading, i: int | None, step: int) -> list[int]:
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
    cut = None  # (backward: the run's figures after the first comma crossed)
    while 0 <= k + 2 * step < len(tree):
        sep, nxt = tree[k + step], tree[k + 2 * step]
        f = r.facts[k + 2 * step]
        # ("分别为8607.0亿元,15004.3亿元和9455.6亿元": bare figures a comma lists after 分别为 are the run too)
        comma = step < 0 and sep.separator(",，") and not nxt.piece.label and not tree[k].piece.label
        if not ((sep.separator("、") or comma) and nxt.kind == "labelled" and f is not None and f.kind == kind
                and (step < 0 or not nxt.piece.label)):
            break
        if comma and cut is None:
            cut = len(run)
        k += 2 * step
        run.append(k)
    if cut is not None and (k == 0 or tree[k - 1].kind != "fenbie"):
        run = run[:cut]  # (a comma lists only right after 分别为: else the run ends at it)
    return run if step > 0 else run[::-1]


_URBAN_RATE = lazyre.compile(r"(户籍|常住)?(?:人口)?城镇化率$")
_URBAN_PEOPLE = lazyre.compile(r"城镇(?:常住|户籍)?人口$")  # ("城镇常住人口15.14万人": its kind said inside)
_ALL_PEOPLE = lazyre.compile(r"(户籍|常住)?(?:总人口|人口)$")
_RURAL_PEOPLE = lazyre.compile(r"(?:乡村|农村)(?:常住|户籍)?人口$")


def _people_kind(r: Reading, k: int) -> str:
    """户籍 or 常住, as the figure at node k names it, or the population figure before it in its sentence (or the one
    before) does."""
    sentence = r.tree[k].sentence
    at = r.tree[k].start
    said = _SINCE_LAST_FIGURE.search(r.norm.text, max(0, at - 40), at)
    own = next((w for w in ("户籍", "常住") if said and w in said.group()), "")
    if own:
        return own  # ("户籍人口中,城镇人口201.23万人": the words since the figure before name the kind)
    for j in [k, *r.tree.before(k, "paragraph", limit=64)]:
        if r.tree[j].sentence < sentence - 1:
            break
        f = r.facts[j]
        if f is None or f.kind != "count":
            continue
        label = clean_label(f.label)
        kind = next((w for w in ("户籍", "常住") if w in label), "")
        if kind or (j != k and _ALL_PEOPLE.search(label)):
            return kind
    return ""


def _same_kind_and_year(r: Reading, rate: Fact, town: Fact) -> bool:
    """The rate is of the town figure's kind of people (户籍 / 常住, named on both or neither) and year (not "2020年第七次
    全国人口普查时…城镇化率", not 上年末's)."""
    rate_label = clean_label(rate.label)
    k = r.node_of(town)
    town_kind = _people_kind(r, k) if k is not None else ""
    rate_kind = next((w for w in ("户籍", "常住") if w in rate_label), "")
    if "户籍" in (rate_kind, town_kind) and rate_kind != town_kind:
        return False
    clause = _SINCE_LAST_FIGURE.search(r.norm.text, max(0, rate.span.start - 40), rate.span.start)
    if r.is_previous(rate) or (clause and _OTHER_TIME.search(clause.group())):
        return False  # (the words since the figure before the rate name another time: "上年末常住人口城镇化率为58.94%")
    said = clause.group() if clause else rate_label
    # (what the town figure's own words say before it: its place and year)
    town_said = r.norm.text[max(0, town.span.start - 60):town.span.start]
    year = _YEAR_BEFORE_CLAUSE.search(r.norm.text, max(0, rate.span.start - 48), rate.span.start)
    if year and year.group(1) not in town_said:
        return False  # ("…城镇化率47.60%。2022年末全区常住人口城镇化率为46.85%": another year's)
    scope = _OTHER_SCOPE.search(said)
    if scope and scope.group() not in town_said:
        # (… or another place, part or time: "全省常住人口城镇化率为64.27%", "其中主城区常住人口城镇化率为96.82%",
        # "2022年末…", "“十四五”规划目标为常住人口城镇化率55%")
        return False
    return period_of(rate, r.report_year) in (None, period_of(town, r.report_year))


_OTHER_TIME = lazyre.compile(r"普查|上年末|上年底|去年")
_YEAR_BEFORE_CLAUSE = lazyre.compile(r"((?:19|20)\d{2})\s*年[^\d。]*$")
_OTHER_SCOPE = lazyre.compile(r"全国|全省|全市|全州|全盟|全区|全县|全旗|主城区|中心城区|城区|市区|县域|规划|目标|预期")
_SINCE_LAST_FIGURE = lazyre.compile(r"[^\d。]*$")


def _urbanisation(r: Reading) -> Iterator[Candidate]:
    """"常住人口为6.81万人,其中:常住城镇人口为4.45万人,常住人口城镇化率为65.35%": an urbanisation rate is the share of
    the town population in the whole population its sentence (or the one before) states — of the same kind (户籍, 常住)
    when the rate names one; with no whole stated, of the town and the rural population together
    (urbanisation_of_parts); nothing when a figure is missing or stated twice."""
    tree = r.tree
    for s in tree.of_kind("labelled"):
        rate = r.facts[s.index]
        if rate is None or rate.kind != "percent" or rate.is_bound:
            continue
        named = _URBAN_RATE.search(clean_label(rate.label))
        if named is None:
            continue
        kind = named.group(1)
        towns: list[Fact] = []
        wholes: list[Fact] = []
        rural: list[Fact] = []
        for k in tree.before(s.index, "paragraph", limit=64):
            f = r.facts[k]
            if tree[k].sentence < s.sentence - 1:
                break
            if f is None or f.kind != "count" or f.is_bound or r.is_previous(f):
                continue
            label = clean_label(f.label)
            if kind and kind not in label and ("户籍" in label or "常住" in label):
                continue  # (the other kind of population's figures)
            own = _people_kind(r, k)
            if kind and own and own != kind:
                continue  # ("户籍人口612.35万人,其中城镇人口268.41万人…常住人口城镇化率": the town people of the other kind)
            if _URBAN_PEOPLE.search(label):
                towns.append(f)
            elif _RURAL_PEOPLE.search(label):
                rural.append(f)
            elif _ALL_PEOPLE.search(label) and "乡村" not in label and "农村" not in label:
                wholes.append(f)
        if len(towns) == 1 and not wholes and len(rural) == 1 and rural[0].unit == towns[0].unit \
                and _same_kind_and_year(r, rate, towns[0]):
            # ("城镇人口239.7万人,乡村人口48.1万人。常住人口城镇化率达到83.3%": the whole is the two together)
            yield Candidate(Share.model_construct(percent=rate, part=towns[0], whole=None, whole_label="",
                                                  wholes=(), whole_of_parts=(towns[0], rural[0]),
                                                  reason="urbanisation_of_parts", via=(), rejected=()))
            continue
        if len(towns) != 1 or len(wholes) != 1 or towns[0].unit != wholes[0].unit or not _same_kind_and_year(r, rate, towns[0]):
            continue
        yield Candidate(Share.model_construct(percent=rate, part=towns[0], whole=wholes[0], whole_label=wholes[0].label,
                                              wholes=(wholes[0],), whole_of_parts=(), reason="urbanisation_rate",
                                              via=(), rejected=()))


def _places(name: str, words: str) -> list[int]:
    """Where the name stands in the words, each place (a plain find: no pattern compiled a name, as re.finditer would)."""
    out, k = [], words.find(name)
    while k >= 0:
        out.append(k)
        k = words.find(name, k + len(name))
    return out
