"""What every list resolver shares: which figures may be parts, the total a list hangs
from, where a list ends, and how a proposed list becomes a `Breakdown`."""

from __future__ import annotations

from bisect import bisect_right
from decimal import Decimal
from itertools import chain
from operator import attrgetter

from auditor import lazyre
from auditor.extract.bind.candidate import Candidate
from auditor.extract.bind.standards import per_unit
from auditor.extract.discourse import Node
from auditor.extract.model import Breakdown, Fact, period_of
from auditor.extract.numbering import YEAR_SAID, YEAR_SPAN, item_number, item_style
from auditor.extract.readings import in_other_period_bracket, OPENERS, Reading, bracket_host, clean_label, part_start
from auditor.extract.vocabulary import read_label
from auditor.textsearch import last_of

MARKERS = {"qizhong": "其中", "fenbie": "分别为", "include": "包括", "classify": "分类", "dimension": "分类"}
REASON_OF_OPENER = {"qizhong": "qizhong_list", "fenbie": "respectively_list", "include": "include_list",
                    "classify": "classify_list", "dimension": "dimension_split"}
_LOOK_BACK = 200  # pieces a list's total is looked for across at most


def is_part(r: Reading, node: Node) -> bool:
    """A labelled, exact figure that is not a later state of another ("追加到9564.38万元") nor a standard
    per unit ("城市低保对象60人,每人每月补助600元,全年发放43.20万元": the 43.20 is the part) nor a price per
    item ("公务用车购置费48.60万元,购置2辆,单价24.30万元": a factor of the part it details): what a list
    may hold."""
    fact = r.facts[node.index]
    return fact is not None and (node.kind == "labelled" or node.kind == "total" and rest_of_list(r, node.index)) \
        and not fact.is_bound \
        and not r.vocab.cue("history").search(node.piece.label) and per_unit(r, fact) is None \
        and not (fact.kind == "amount" and r.vocab.cue("unit_price").search(clean_label(fact.label))) \
        and not (r.vocab.cue("history_to_next").match(r.norm.text, fact.span.end)  # (anchored: the cheap test first)
                 and r.vocab.cue("history_from").search(r.norm.text, max(0, fact.span.start - 12), fact.span.start))


def list_family(r: Reading, total: str | None, concepts: set[str | None]) -> set[str]:
    """Concepts that may continue a list: the members of the total's own family, if it
    has one, else every sibling of the parts."""
    own = [fam.members for fam in r.vocab.families_of_total(total)] if total else []
    if own:
        return set().union(*own)
    return set().union(*(r.vocab.siblings(c) for c in concepts))


def family_complete(r: Reading, total: Fact, parts: list[Fact]) -> bool:
    concepts = [f.concept for f in parts]
    if any(c is None for c in concepts):
        return False
    family = r.vocab.family_of(concepts)
    return family is not None and (not family.open or total.concept in family.totals)


def choose_total(r: Reading, candidates: list[Fact], parts: list[Fact]) -> Fact | None:
    """The nearest figure before the list, unless the parts add up to another one.

    When the parts exceed the nearest figure and add up to no other, which
    figure the list belongs to is unclear: nothing is bound.
    """
    current = [c for c in candidates if not r.is_previous(c)] or candidates
    # a figure of another kind ("1-5月" before "财政总收入4348万元") is no rival
    current = [c for c in current if (c.kind, c.unit) == (parts[0].kind, parts[0].unit)] or current
    nearest = current[0]
    total = sum((p.value for p in parts), Decimal(0))
    slack = sum((p.tolerance for p in parts), Decimal(0))
    same_sentence = [c for c in current if c.sentence == nearest.sentence]
    if total <= nearest.value + nearest.tolerance + slack or len(current) == 1:
        # (the parts add up to another figure of that sentence and not to the nearest: theirs —
        # "决算支出4,368.05万元,调整预算4,520.00万元,…。其中基本支出1,526.30万元…项目支出2,841.75万元")
        if len(parts) >= 2 and not adds_up(nearest, parts):
            # (of the parts' flow: "财政拨款4,368.05万元,支出总额4,520.00万元。其中基本支出…,项目支出…" are 支出's)
            flows = {r.vocab.flow(p.label) for p in parts} - {None}
            exact = [c for c in same_sentence if c is not nearest and adds_up(c, parts)
                     and (not flows or r.vocab.flow(c.label) in flows)]
            if len(exact) == 1:
                return exact[0]
        return nearest
    matching = [c for c in same_sentence if adds_up(c, parts)]
    if not matching and _named_by_its_parts(nearest, parts):
        # ("省本级还本付息343.9亿元,其中还本286.5亿元、付息57.4亿元": a name made of the parts' names, in their order,
        # is the figure they make — whatever they add up to)
        return nearest
    if not matching and any(adds_up(nearest, parts[:n]) for n in range(2, len(parts))):
        # ("第一产业…;第二产业241.45亿元,…,其中工业175.44亿元,…,建筑业66.01亿元,…;第三产业171.60亿元": the list
        # runs on past its parts, which make the nearest figure; make_breakdown ends it there)
        return nearest
    if not matching and names_every_part(r, parts):
        # ("政府采购预算A元,实际采购B元,节约资金C元,节约率r。其中货物类…、工程类…、服务类…": every kind the vocabulary
        # splits a whole into, named, is all of one figure — adding to none of the sentence's, one is wrong, whichever
        # it is of; the nearest that is no difference (节约, 结余: what was not spent is no total of kinds)
        unspent = r.vocab.cue("unspent")
        whole = next((c for c in same_sentence if c.scenario != "saved" and not unspent.search(clean_label(c.label))),
                     None)
        if whole is not None:
            return whole
    return matching[0] if matching else None


def _whole_name(r: Reading, total: Fact) -> str:
    """The whole's name, or — a figure in a row's later column, named by none of its own ("财务费用        126.45
    98.30", a table set out with spaces) — the words that open its line."""
    own = clean_label(total.label)
    text = r.norm.text
    head = text[text.rfind("\n", 0, total.span.start) + 1:total.span.start]
    return f"{own} {head}" if len(head) <= 40 else own


def net_of_directions(vocab, whole: str, parts: list[str]) -> bool:
    """The whole is a net (cue net_whole: 财务费用, 净额, 净利润, 差额 …) and its parts run in opposite directions — one
    money coming in (cue part_income: 利息收入), another going out (cue part_expense: 利息费用) —: "财务费用1,265.30万元,其中
    利息费用1,402.18万元、利息收入168.35万元" is 利息费用 − 利息收入 + the rest, a net; its parts may exceed it, and they are
    no sum of it (lists and tables' 其中 rows alike; a list that makes its whole exactly is read still, by the caller).
    (Not a net's parts of one direction, "净利润…,其中归属于母公司…、少数股东损益…", a sum; nor a whole that is no net, whose
    list the readings of a minus sign, a loss or a list's end read: "结余638万元(基金收入12682万元-基金支出12044万元)".)"""
    if not parts or not vocab.cue("net_whole").search(whole):
        return False
    income, expense = vocab.cue("part_income"), vocab.cue("part_expense")
    ins = [bool(income.search(x)) and not expense.search(x) for x in parts]
    outs = [bool(expense.search(x)) and not income.search(x) for x in parts]
    if len(parts) == 1:
        # ("财务费用 | -52.30 | 18.40 ⏎ 其中：利息收入 | 86.70 | 21.60": the one side of a net its 其中 names, money in or
        # out, is no sum of it — the other side, unnamed, offsets it; "净利润…,其中归属于母公司…" names no direction, a part)
        return ins[0] or outs[0]
    return any(ins) and any(outs)


def net_no_sum(vocab, whole: str, parts: list[str], sums: list[tuple[Fact, list[Fact]]]) -> bool:
    """A net whole over parts running both ways (net_of_directions) that are no sum of it: unless they make it exactly
    (`sums`: the whole's figure and its parts' in each column stated, one at least; a list that adds up exactly is
    read still).  The one test of prose lists and tables' 其中 rows alike."""
    if sums and all(adds_up(total, figures) for total, figures in sums):
        return False
    return net_of_directions(vocab, whole, parts)


def names_every_part(r: Reading, parts: list[Fact]) -> bool:
    """The parts name every part of one vocabulary family (open or not: 货物, 工程 and 服务 all named), nothing else."""
    concepts = [p.concept for p in parts]
    if len(parts) < 2 or any(c is None for c in concepts) or len(set(concepts)) != len(concepts):
        return False
    family = r.vocab.family_of(concepts)
    return family is not None and set(family.parts) <= set(concepts) and set(concepts) <= set(family.parts)


def _named_by_its_parts(total: Fact, parts: list[Fact]) -> bool:
    """The total's name ends with its parts' names, each of two characters at least, one after the other (还本付息 of
    还本 and 付息)."""
    names = [clean_label(p.label) for p in parts]
    return len(names) >= 2 and all(len(n) >= 2 for n in names) and clean_label(total.label).endswith("".join(names))


def _opens_the_items(r: Reading, total: Fact, first: Fact) -> bool:
    """The total ends its line with a colon, and the line after it opens with the first part's item ("…新增政府债券资金安排
    245.80亿元:⏎(一)一般债券38.60亿元,…⏎(二)专项债券…"): the items are that figure's, whatever they add up to."""
    return bool(_COLON_THEN_ITEM.fullmatch(r.norm.text, total.span.end, first.span.start))


_COLON_THEN_ITEM = lazyre.compile(r"\s*[:]\s*\n[^\n,;。:\d]{0,4}[^\n,;。:]{0,20}?")


def adds_up(total: Fact, parts: list[Fact] | tuple[Fact, ...]) -> bool:
    """The parts add up to the total within the rounding of every figure."""
    slack = total.tolerance + sum((p.tolerance for p in parts), Decimal(0))
    return abs(sum((p.value for p in parts), Decimal(0)) - total.value) <= slack


def measures_of(r: Reading, words: str) -> tuple[str | None, str | None, str | None]:
    """What a list's or a total's name says its figures measure, one answer per way a name tells it (None where it does
    not): 送审 or 审定 (cues review_submitted, review_approved); its scenario — a budget (预算, 安排, 下达 …), money that
    arrived, or what was spent or done (拨付, 执行, 决算 …; a bare 支出 too) —; and the flow it names (收入 or 支出)."""
    review = "submitted" if r.vocab.cue("review_submitted").search(words) \
        else "approved" if r.vocab.cue("review_approved").search(words) else None
    flow = r.vocab.flow(words)
    scenario = read_label(words, r.vocab).scenario
    scenario = _MEASURE_OF_SCENARIO.get(scenario, scenario) if scenario else "actual" if flow == "out" else None
    return review, scenario, flow if flow in ("in", "out") else None


_MEASURE_OF_SCENARIO = {"budget_initial": "budget", "budget_adjusted": "budget", "final": "actual", "realized": "actual"}


def other_measures(r: Reading, one: str, other: str) -> bool:
    """Two names of figures say they measure different things ("送审金额分别为…" and "审定金额合计", 预算 and 支出, 安排 and
    拨付): a list under one is no breakdown of a total under the other."""
    return any(a is not None and b is not None and a != b for a, b in zip(measures_of(r, one), measures_of(r, other)))


# units of measure the grammar reads as bare figures (no money, no head count)
# (with its magnitude: "2.36亿只, 其中…1.98亿只, …3800万只" and "52.46万公顷, …46.8千公顷" write parts in other units)
_UNIT_WORD = lazyre.compile(r"\s*((?:亿|万|千)?(?:平方公里|平方千米|平方米|公顷|立方米|公里|千米|千瓦|吨|米|只|头|羽|匹|株|亩))")


def _unit_word(r: Reading, fact: Fact) -> str:
    """The unit of measure written right after a bare figure ('' when none is)."""
    m = _UNIT_WORD.match(r.norm.text, fact.span.end)
    return m.group(1) if m else ""


def _in_other_units(r: Reading, total: Fact, parts: list[Fact]) -> bool:
    """Some part names a unit of measure other than the one the total names."""
    unit = _unit_word(r, total)
    return bool(unit) and any(_unit_word(r, p) not in {"", unit} for p in parts)


def _counts_other_things(r: Reading, total: Fact, parts: list[Fact]) -> bool:
    """Does a part count another thing than the total, by the nouns written right after the counts
    ("14个镇区", "68个村", "72个项目")?  A count with no noun after it counts what its label names."""
    def noun(f: Fact) -> str:
        m = _COUNTED_NOUN.match(r.norm.text, f.span.end)
        return m.group() if m else ""

    own = noun(total)
    return bool(own) and any((n := noun(p)) and not set(n) & set(own) for p in parts)


_COUNTED_NOUN = lazyre.compile(r"[\u4e00-\u9fff]{1,4}")


def _outcomes(r: Reading, parts: list[Fact]) -> bool:
    """The parts are named by outcomes of one set that exclude each other (赞成 / 反对 / 弃权,
    男 / 女, 已整改 / 正在整改 / 未整改), every closing member of the set among them: they
    partition what they count."""
    labels = [clean_label(p.label) for p in parts]
    matches = [r.vocab.cue("outcome_parts").match(label) for label in labels]
    sets = {m.lastgroup for m in matches if m}
    if not all(matches) or len(sets) != 1:
        return False
    closing = r.vocab.cue("outcome_closing")
    prefix = f"{sets.pop()}_"
    needed = {g for g in closing.groupindex if g.startswith(prefix)}
    named = {m.lastgroup for m in map(closing.match, labels) if m}
    return needed <= named


def difference_of(total: Fact, parts: list[Fact]) -> bool:
    """The total is the difference of the two figures (within their rounding)."""
    a, b = parts
    return abs(abs(a.value - b.value) - total.value) <= total.tolerance + a.tolerance + b.tolerance


def in_respectively_run(r: Reading, fact: Fact) -> bool:
    """`fact` ends a run of figures said one each ("依次为5.49万元、9.60万元、18.35万元", cue run_said_respectively): the
    figure of the run's last name, not a whole of what follows it."""
    return r.vocab.cue("run_said_respectively").search(r.norm.text, max(0, fact.span.start - _RUN_REACH),
                                                       fact.span.start) is not None


_RUN_REACH = 200  # characters before a figure its run may take


def _net_of_rest(r: Reading, total: Fact, parts: list[Fact]) -> bool:
    """A loss (cue loss_part) whose parts, losses too, exceed it, and the rest said after them in the sentence to have
    made a profit (cue rest_profit) that leaves exactly it: the total is a net of the members' losses and profits."""
    if total.kind != "amount" or not parts or not r.vocab.cue("loss_part").search(clean_label(total.label)) \
            or adds_up(total, parts):
        return False
    k = r.node_of(parts[-1])
    if k is None:
        return False
    profit = r.vocab.cue("rest_profit")
    tree = r.tree
    rest = [r.facts[j] for j in tree.after(k, "sentence") if r.facts[j] is not None
            and (r.facts[j].kind, r.facts[j].unit) == (total.kind, total.unit)
            and profit.fullmatch(r.norm.text, parts[-1].span.end, r.facts[j].span.start)]
    if not rest:
        return False
    net = sum(p.value for p in parts) - sum(f.value for f in rest)
    return abs(net - total.value) <= total.tolerance + sum(p.tolerance for p in (*parts, *rest))


def _share_said_of(r: Reading, fact: Fact) -> str | None:
    """The whole a share said right after `fact` is of ("935亿元,占总销量的56.2%": 总销量), or None."""
    m = r.vocab.cue("share_said_after").match(r.norm.text, fact.span.end)
    return m.group(1) if m else None


def _after_semicolon(r: Reading, before: Fact, fact: Fact) -> bool:
    """`fact` opens a clause after a ';' that follows `before`."""
    return ";" in r.norm.text[before.span.end:fact.span.start]


_WITHIN = lazyre.compile(r"(?:^|[,;。,;])\s*(?:在)?([\u4e00-\u9fff]{2,12})中[,:,:]")
# a minus sign between two parts, the second taken away ("(基金收入12682万元-基金支出12044万元)")
_MINUS_BETWEEN = lazyre.compile(r"\s*[-−–]\s*[\u4e00-\u9fff]{0,12}\s*")
# cells set side by side on one line, apart by a run of blanks, or a pipe cell that opens another 其中
_COLUMN_GAP = lazyre.compile(r"[^\S\n]{6,}|\t|\|[^|\n]*其中")


def _within_part(r: Reading, before: list[Fact], fact: Fact) -> bool:
    """`fact` opens a clause "X中," whose X names a part before it."""
    m = _WITHIN.search(r.norm.text, before[-1].span.end, fact.span.start)
    if m is None:
        return False
    name = m.group(1)
    return any(clean_label(p.label).startswith(name) for p in before)


def _ends_against_budget(r: Reading, fact: Fact) -> bool:
    """Is the figure named by a word of money over or short of its budget or plan (超收, 短收, 溢收, 超额完成, 节支, 少支,
    超支 …: cue against_budget_word), the word ending its name?"""
    label = clean_label(fact.label)
    return any(m.end() == len(label) for m in r.vocab.cue("against_budget_word").finditer(label))


def _without_distances_from_budget(r: Reading, total: Fact, parts: list[Fact]) -> tuple[list[Fact], bool]:
    """"其中,税收收入132.67亿元,超收2.45亿元;非税收入53.78亿元,超收1.74亿元": an amount named by a word of money over or
    short of the budget, right after a part that is a level, is that part's distance from its budget — no part of a total
    that is a level too (the list is still whole: its levels are all named). A total named so itself (比预算超收…,其中,
    中央…超收…,地方…超收…) keeps such parts: they are its parts."""
    if total.kind != "amount" or _ends_against_budget(r, total) or len(parts) < 2:
        return parts, False
    kept: list[Fact] = []
    for p in parts:
        if kept and _ends_against_budget(r, p) and not _ends_against_budget(r, kept[-1]) and p.unit == kept[-1].unit:
            continue
        kept.append(p)
    return kept, len(kept) < len(parts)


def _short_of(r: Reading, fact: Fact) -> bool:
    """Money still missing: "…尚差160.00万元", "…150.00万元未到位"."""
    if r.vocab.cue("shortfall_label").search(clean_label(fact.label)):
        return True
    i = r.node_of(fact)
    return i is not None and i + 1 < len(r.tree) and r.tree[i + 1].kind == "words" \
        and bool(r.vocab.cue("shortfall_after").match(r.tree[i + 1].piece.label))


_CLAUSE_STOPS = ",，;；。:：、\n"
_LEFT_AFTER = lazyre.compile(r"\s*[后後]")


def netted_out(text: str, start: int, end: int, vocab) -> bool:
    """The figure at text[start:end] is said to be taken out of the whole it stands in: deducted or eliminated in a
    merge ("合并时已扣除两项基金之间的转移收支35.00亿元", "两项基金之间的往来款200万元已在合并时抵销"; cues netted_before,
    netted_after) — not "扣除…后", which opens what is left (resolver deduction)."""
    if _LEFT_AFTER.match(text, end):
        return False
    clause = last_of(text, _CLAUSE_STOPS, start) + 1  # (max of rfind back to 0, in windows)
    return bool(vocab.cue("netted_before").search(text[clause:start])
                or vocab.cue("netted_after").match(text, end))


def _opens_deduction(r: Reading, fact: Fact) -> bool:
    """"剔除…380.00万元后": a figure taken away, its clause closed by 后 (what is left follows)."""
    if not r.vocab.cue("deduction").match(clean_label(fact.label)):
        return False
    i = r.node_of(fact)
    tree = r.tree
    for k in range(i + 1, min(i + 4, len(tree))) if i is not None else ():
        if tree[k].kind == "sep" and tree[k].piece.keyword in ",;。":
            return False
        if tree[k].piece.label.lstrip().startswith(("后", "後")):
            return True
    return False


_JOINED = lazyre.compile(r"\s*(?:、|和|以及|及|与)")  # (matched where a part ends: what joins the next to it)
_ADDED = lazyre.compile(r"^(?:调增|核增|增列|追加|增加|加上|加)")


# the share of a total that the main kinds named like it may leave to the rest, unnamed (doubt's WIDE_GAP: a list
# short by more leaves out a part a reviewer should see)
_UNNAMED_REST = Decimal("0.2")
HEAD_UNITS = {"人", "人次", "户", "户次"}  # (head counts)
ONE_COUNTED = "one part of a count"  # (via of a count's one part named under 其中: a subset, no list a share's whole is of)
OCCURRENCE_UNITS = {"人次", "户次"}  # (head counts of occasions: one person twice is counted twice)


def _years_apart(r: Reading, total: Fact, first: Fact) -> bool:
    """A run of figures said of a span of years ("2021年至2023年分别为…") named after a total of one year outside that
    span ("增加到2024年的137.13亿元"): one figure a year, of other years than the total's."""
    if not _YEAR_PERIOD.fullmatch(total.period or "") or SPAN_TOTAL.search(total.label):
        return False
    spans = list(YEAR_SPAN.finditer(r.norm.text, total.span.end, first.span.start))
    return bool(spans) and not _CLAUSE_BREAK.search(r.norm.text, spans[-1].end(), first.span.start) \
        and not int(spans[-1].group(1)) <= int(total.period) <= int(spans[-1].group(2))


def _another_years_values(r: Reading, total: Fact, parts: list[Fact]) -> bool:
    """A 分别 run whose own clause opens with one year other than the total's ("…其中税收收入325.17亿元;2022年分别为
    412.36亿元和298.57亿元"): that year's values of the figures named before, no parts of this year's one."""
    if not _YEAR_PERIOD.fullmatch(total.period or "") or SPAN_TOTAL.search(total.label):
        return False
    text, first = r.norm.text, parts[0].span.start
    said = text[max(total.span.end, last_of(text, ",，;；。:：\n", first) + 1):first]
    years = {m.group(1) for m in YEAR_SAID.finditer(said)}
    return len(years) == 1 and total.period not in years and all(p.period in years for p in parts)


_CLAUSE_BREAK = lazyre.compile(r"[,，;；。:：\n]")


_YEAR_PERIOD = lazyre.compile(r"(?:19|20)\d{2}")
SPAN_TOTAL = lazyre.compile(r"累计|合计|共计|总计|\d\s*[-—–~至]\s*\d")  # ("2021—2024年县级累计投入": of several years)


def _from_to_pairs(r: Reading, parts: list[Fact]) -> bool:
    """A part the change from it names ("由49522.92万元") followed by the part it arrives at ("调整为50527.66万元"): the
    list's items are changes written by their two ends, no amounts of the total."""
    frm, to = r.vocab.cue("from_figure"), r.vocab.cue("to_figure")
    return any(frm.search(clean_label(a.label)) and to.match(clean_label(b.label)) for a, b in zip(parts, parts[1:]))


def said_arrived(r: Reading, f: Fact) -> bool:
    """`f` is said as the figure a change arrives at, its copula counted ("调整为63,150万元", "调减至412,600万元",
    "减为1.90亿元"): what the budget is after the change — never a part taken away, whatever its verb."""
    k = r.node_of(f)
    copula = r.tree[k].piece.copula if k is not None else ""
    return bool(r.vocab.cue("to_figure").match(clean_label(f.label) + (copula or "")))


def adjustment_before(r: Reading, i: int) -> Fact | None:
    """The figure a change starts from, when the two figures right before node i in its sentence are a change written
    by its two ends ("由第一次調整後的61,480萬元調整為66,905萬元,調增5,425萬元": cues from_figure, to_figure); else None."""
    before = [k for k in r.tree.before(i, "sentence", limit=12) if r.facts[k] is not None][:2]
    if len(before) != 2:
        return None
    to, frm = (r.facts[k] for k in before)
    return frm if r.vocab.cue("from_figure").search(clean_label(frm.label)) and said_arrived(r, to) else None


# a part said of each of several names joined before it ("援藏援疆各50万元", "A、B各20万元")
_EACH_OF_SEVERAL = lazyre.compile(r"[、和与及][\u4e00-\u9fff]{1,12}各$|^[\u4e00-\u9fff]{4,12}各$")


# (the list says it names only some parts: "其中主要…", "…等", "…,其余为…")
PARTIAL_SAID = "the list says it names only some parts"
# (each part of a list under 其中 states a second measure, read as a list of its own: via of that list)
SECOND_MEASURE = "a second measure of each part"
# (… whose other measure makes its total exactly: the parts are one split of the total)
OTHER_MEASURE_EXACT = "the parts' other measure makes its total"


def sub_subject(r: Reading, k: int) -> str:
    """The name the sub-sentence of node k opens with, when node k, a figure named by a verb alone, continues it
    ("住院救助3,265人次,支出1,128.45万元": 住院救助, the subject of that 支出): the label of the sub-sentence's first figure,
    a figure of another kind (a count) before it at its depth; "" otherwise."""
    tree = r.tree
    first = next((j for j in tree.unit("sub", k) if r.facts[j] is not None), None)
    if first is None or first == k or tree[first].depth != tree[k].depth or r.facts[first].kind == r.facts[k].kind:
        return ""
    return clean_label(r.facts[first].label)


def _name_of(r: Reading, fact: Fact) -> str:
    """A figure's label, or when it has none the words right before it in its part of the sentence, back to the
    figure before ("总人口性别比(以女性为100,男性对女性的比例)为102.82": the remark cut the label off)."""
    named = clean_label(fact.label)
    if named:
        return named
    return _FIGURE_END.split(r.norm.text[part_start(r.norm.text, fact.span.start):fact.span.start])[-1]


_FIGURE_END = lazyre.compile(r"[\d%]")


def _per_unit_run(r: Reading, fact: Fact) -> bool:
    """A figure after a standard per unit in a run joined by 、 ("特优每个5万元、甲等3万元"): a standard too."""
    tree, k = r.tree, r.node_of(fact)
    while k is not None and k >= 2 and tree[k - 1].kind == "sep" and tree[k - 1].piece.keyword == "、" \
            and tree[k - 2].kind == "labelled" and r.facts[k - 2] is not None and r.facts[k - 2].kind == fact.kind:
        if per_unit(r, r.facts[k - 2]) is not None:
            return True
        k -= 2
    return False


_NODE_START = attrgetter("start")  # (made_elsewhere's bisection key)
_OTHER_TOTAL_LINES = 3  # lines after the list (and before its total) where another total of its parts may stand


def made_elsewhere(r: Reading, total: Fact, parts: list[Fact]) -> Fact | None:
    """Another figure of the parts' kind and unit, stated near the list (from a line before its total to three lines
    after its last part), that the parts make exactly while they do not make `total`; else None.  "采购预算7,650,000元,
    共采购1,320台。其中:…800台,…金额3,920,000元;…400台,…2,540,000元;…120台,…1,032,000元。中标总金额7,492,000元":
    the counts make the 1,320台, but the amounts are the 中标's (the 中标总金额 they make), not the budget's — a
    second measure's completeness says nothing of which money total the amounts are of."""
    if len(parts) < 2 or adds_up(total, parts):
        return None
    ids = {total.id, *(p.id for p in parts)}
    first = r.norm.line_col(min(total.span.start, parts[0].span.start))[0] - 1
    last = r.norm.line_col(max(p.span.end for p in parts))[0] + _OTHER_TOTAL_LINES
    # (only the nodes of those lines, and a node either side: the facts are in text order, by node — a walk over every
    # figure of the text for each list was quadratic in long texts)
    tree = r.tree
    lo = max(0, bisect_right(tree, r.norm.line_offset(first), key=_NODE_START) - 2)
    hi = bisect_right(tree, r.norm.line_offset(last + 1), key=_NODE_START) + 1
    for fact in chain(r.facts[lo:hi], r.facts[len(tree):]):
        if fact is None or fact.id in ids or (fact.kind, fact.unit) != (parts[0].kind, parts[0].unit):
            continue
        if first <= r.norm.line_col(fact.span.start)[0] <= last and adds_up(fact, parts):
            return fact
    return None


def telling_ends(names: list[str]) -> list[str] | None:
    """The shortest end (two characters at least) of each name that no other name ends with; None when
    a name has none."""
    out = []
    for n, name in enumerate(names):
        others = names[:n] + names[n + 1:]
        end = next((name[-k:] for k in range(2, len(name) + 1) if not any(o.endswith(name[-k:]) for o in others)), None)
        if end is None:
            return None
        out.append(end)
    return out


def make_breakdown(r: Reading, total: Fact, parts: list[Fact], marker: str, strict: bool, reason: str,
                   via: tuple[str, ...] = (), inline: set[int] | None = None) -> Candidate | None:
    """A proposed list as a `Breakdown`, or None when it cannot be one.

    Parts written as 减… are subtracted; a part larger than a total found in
    another sentence means the list hangs from another figure; a list that may
    name only some parts ends where a prefix of it adds up; head counts under
    其中 overlap unless every part is the same kind of thing as the total or they
    add up to it exactly.
    """
    named = len(parts)  # (the parts the text lists, before any is left out)
    if any(_EACH_OF_SEVERAL.search(clean_label(p.label)) for p in parts):
        return None  # ("援藏援疆各50万元、扶贫200万元": a figure said of each of several names stands for more than one part)
    parts, away = _without_distances_from_budget(r, total, parts)
    if away:
        via = (*via, "leaves out amounts measured against the budget")
        if len(parts) < 2 and not adds_up(total, parts):
            return None
    if total.kind in ("percent", "number") and r.vocab.cue("ratio_total").search(_name_of(r, total)) \
            and not any(r.vocab.cue("ratio_contribution").search(clean_label(p.label)) for p in parts):
        return None  # ("…进度100%;…进度74.61%;两项合计支出进度92.32%", "性别比107.39,其中城镇…"): a whole's rate adds no rates
    mean = r.vocab.cue("mean_per_unit")
    if total.kind == "amount" and not mean.search(clean_label(total.label)) \
            and any(mean.search(clean_label(p.label)) and p.scale < total.scale for p in parts):
        # ("住院救助3,265人次,支出1,128.45万元,人次均救助3,456.20元": a mean per visit, written in a smaller unit, is no
        # part of the money — "生均公用经费98.91万元", money of that name, is)
        parts = [p for p in parts if not (mean.search(clean_label(p.label)) and p.scale < total.scale)]
        if not parts:
            return None
    if total.kind == "number" and _in_other_units(r, total, parts):
        return None  # "面积89.9平方公里,其中耕地面积4744.4公顷": bare figures in different units
    if total.kind == "count" and _counts_other_things(r, total, parts):
        return None  # "涉及14个镇区68个村,共72个项目": towns and villages are no part of the projects
    if total.kind == "score" and sum(1 for p in parts if p.value * 2 > total.value) >= 2 and reason not in {"deductions_listed", "deductions_in_section"}:
        # (not a deduction's own list, opened by it: "过程指标扣3.1分:…扣2.35分;…扣1.75分" lists what it is made of)
        return None  # "综合得分90.10分…91.20分、88.45分": two scores each over half of it are others' scores, no parts
    if total.kind == "score":
        # ("效益指标满分20分,得分15分": the weight said beside a part's score is no part of the total score)
        weight = r.vocab.cue("score_weight")
        weights = [p for p in parts if weight.search(clean_label(p.label)[-4:])]
        if weights and max(p.span.start for p in parts) == weights[-1].span.start and total.span.start > weights[-1].span.end:
            return None  # ("产出和效益指标满分60分,合计得57.5分": a total of the weight just named, a part's own)
        parts = [p for p in parts if p not in weights]
        if len(parts) < 2:
            return None
    if parts and parts[0].span.start > total.span.end and "\n" not in r.norm.text[total.span.end:parts[0].span.start] \
            and _COLUMN_GAP.search(r.norm.text, total.span.end, parts[0].span.start):
        return None  # "其中:一般公共预算:6,835,201.45      其中:基本支出:4,986,214.37": a column beside it, another cut
    if reason == "respectively_list" and len({p.period for p in parts}) == len(parts) \
            and _YEAR_PERIOD.fullmatch(total.period or "") and all(_YEAR_PERIOD.fullmatch(p.period or "") for p in parts) \
            and total.period not in {p.period for p in parts} and not SPAN_TOTAL.search(total.label):
        return None  # ("2019年…58,214万元;2020年、2021年、2022年分别完成61,032万元、…": later years' figures, no parts of it)
    if reason == "respectively_list" and parts and _another_years_values(r, total, parts):
        return None  # ("2023年…收入436.50亿元,其中税收收入325.17亿元;2022年分别为412.36亿元和298.57亿元": last year's values)
    if reason == "respectively_list" and parts and _years_apart(r, total, parts[0]):
        return None  # ("…增加到2024年的137.13亿元…;2021年至2023年分别为134.25亿元、…": the span's years', none of it)
    if not adds_up(total, parts) and _from_to_pairs(r, parts):
        return None  # "调增支出2441.71万元,其中:教育支出由49522.92万元调整为50527.66万元,…": each part a change, said by its ends
    if r.vocab.cue("average_total").search(clean_label(total.label)) and \
            sum(1 for p in parts if p.value * 2 > total.value) >= 2:
        return None  # "次均医药费用286.4元…其中,三级医院352.8元,二级医院214.6元": groups' averages, no parts of it
    if total.kind == "amount" and per_unit(r, total) is not None and any(per_unit(r, p) is None for p in parts):
        return None  # "…可用财力56.69亿元,人均可用财力12534元": an amount per head sums no amounts of the whole
    if total.kind == "amount" and per_unit(r, total) is None:
        # ("奖励金总计1,090,000元(特优每个5万元、甲等3万元、乙等2万元)": the 每个 of the run's first figure is every
        # figure's joined to it by 、 — standards, no parts of the money)
        # ("资助学生1846人,每生每年2000元,共369.2万元": a standard per unit is a rate of its own unit, 元/人 — no part of
        # a sum of totals, whichever list reader met it)
        standards = [p for p in parts if per_unit(r, p) is not None or _per_unit_run(r, p)]
        if standards:
            parts = [p for p in parts if p not in standards]
            if len(parts) < 2:
                return None
    if len(parts) >= 2 and not adds_up(total, parts) and _overlap_said(r, total, parts):
        # "其中:上级转移支付资金安排的支出…,用于乡村振兴方面的支出…(两者按不同口径统计,存在交叉)", "社會福利開支(包括經常及
        # 非經常開支)" beside 經常開支: the text says the parts are cut two ways — no partition unless they make the total
        return None
    if len(parts) == 2 and not adds_up(total, parts) and difference_of(total, parts) and (
            r.vocab.cue("balance_named").search(clean_label(total.label))
            or r.vocab.cue("balance_after").match(r.norm.text, total.span.end)):
        # "錄得505億元赤字,其中整體支出為1139億,收入為634億": the two sides a balance is the difference of,
        # not its parts ("录得279亿元盈余,其中62亿元拨转…、217亿元划入…" splits it, and adds up)
        return None
    if reason in ("qizhong_list", "bracket_list") and total.kind in ("amount", "number") \
            and net_no_sum(r.vocab, _whole_name(r, total), [clean_label(p.label) for p in parts], [(total, parts)]):
        return None  # ("财务费用0.52亿元,其中利息费用0.61亿元、利息收入0.11亿元": a net of its parts, no sum of them)
    if len(parts) >= 2:
        # ("总计调整28億2878萬;其中鐵路地下化原本編列20億元,現在刪除10億": the amount it was, no part of the change;
        # "歲入歲出合計…,其中歲入原列預算為…,刪減二億…;歲出原列預算…,遭刪減…": the cuts, no parts of the levels)
        original, change = r.vocab.cue("original_amount"), r.vocab.cue("change_amount")
        labels = [clean_label(p.label) for p in parts]
        if any(original.search(x) for x in labels) and any(change.search(x) for x in labels):
            named = clean_label(total.label)
            of_change = bool(change.search(named) or r.vocab.cue("total_of_changes").search(named))
            drop = change if not of_change else original
            parts = [p for p, x in zip(parts, labels) if not drop.search(x)]
            if len(parts) < 2 and not adds_up(total, parts):
                return None
    if _net_of_rest(r, total, parts):
        return None  # ("稅前虧損186.05億元,其中台電虧損398.20億元,其餘…三家公司合計獲利212.15億元": 398.20 − 212.15, a net)
    parts = _without_included(r, parts)
    # ("…3,280万元(上年2,950万元,其中…860万元)。其中,…": a bracket of another period holds that period's figures —
    # no part of a total outside it, nor a total of parts outside it)
    other = in_other_period_bracket(r.norm.text, total.span.start)
    # ("实际到位资金1,580万元(中央资金1,200万元已全额到位,省级资金尚有150万元未到位)": how each source stands —
    # the money still missing is no part of what arrived, and the sources named need not be all of it)
    for away, note in ((lambda p: in_other_period_bracket(r.norm.text, p.span.start) != other,
                        "leaves out another period's bracket"),
                       (lambda p: _short_of(r, p), "leaves out money still missing")):
        kept = [p for p in parts if not away(p)]
        if len(kept) < len(parts):
            # (what is left out makes the list one that may name only some parts)
            parts, strict, via = kept, False, (*via, note)
            if not parts:
                return None
    if reason in ("qizhong_list", "bracket_list") and total.kind == "amount" and len(parts) >= 2 and strict \
            and not adds_up(total, parts) \
            and all(r.vocab.cue("upper_level_part").match(clean_label(p.label)) for p in parts):
        # ("政府补贴收入48.29亿元(其中中央补助14.52亿元、省级补助9.86亿元)": only the levels above are named — what the
        # city's and county's own budgets gave may be the rest, unnamed; more than the total is wrong, less is not —
        # a total said of them, "中央资金100万元,省级资金50万元,共计160万元", is theirs alone)
        strict, via = False, (*via, "names the upper levels only")
    subtracted_cue = r.vocab.cue("subtracted")
    refund = r.vocab.cue("tax_refund") if r.vocab.cue("tax_total").search(clean_label(total.label)) else None
    # ("税前损益合计-186.05亿元,其中台湾电力公司预计亏损398.20亿元,…分别获利…": a loss counts against a net result)
    net = r.vocab.cue("net_result").search(clean_label(total.label))
    # ("減列服務費用1,300萬元、管理費用100萬元…,共計1,495萬元": a cue on the list's first part is the verb of all
    # of them — there is nothing before it to take it from)
    # (… when no other part says its own direction: "净调减…,其中调减a、调减b、调增c" is a − … signs each)
    verb = bool(parts) and subtracted_cue.match(parts[0].label) is not None \
        and not any(subtracted_cue.match(p.label) or _ADDED.match(p.label) for p in parts[1:])
    # ("自然增长-1.27万人(出生人口5.61万人,死亡人口6.88万人)", "净增1343人(出生2014人,死亡2387人,迁入4862人,迁出3146人)":
    # people coming in and going out make a net change, those going out taken away)
    people_out = r.vocab.cue("people_out")
    # (of a net change only: "迁移人口5000人,其中迁入3000人,迁出2000人" counts both)
    flows = bool(r.vocab.cue("people_net").search(clean_label(total.label))) and \
        any(r.vocab.cue("people_in").search(clean_label(p.label)) for p in parts) and \
        any(people_out.search(clean_label(p.label)) for p in parts)
    # ("结余638万元(基金收入12682万元-基金支出12044万元)": a part after a minus sign is taken away)
    minus = {b.id for a, b in zip(parts, parts[1:]) if _MINUS_BETWEEN.fullmatch(r.norm.text, a.span.end, b.span.start)}
    # ("收入3241.97亿元,其中企业职工…2864.37亿元、城乡居民…412.60亿元,合并时已扣除两项基金之间的转移收支35.00亿元": what
    # the merge took out of the whole is taken away from its members, not a member of it)
    if total.kind == "amount":
        minus |= {p.id for p in parts[1:] if netted_out(r.norm.text, p.span.start, p.span.end, r.vocab)}
    # ("减去调出资金6500.00万元、专项债务还本支出4200.00万元": the parts joined by 、/和 to one taken away are taken away
    # too, until a part says its own direction or a comma ends the run)
    loose: set[int] = set()  # (carried over 和 / 及: "由A、扣减B和C组成" may take C away, or end the list with it)
    for a, b in zip(parts, parts[1:]):
        joined = _JOINED.match(b.label)
        own = b.label[joined.end():] if joined else b.label  # ("…及增列奖补助费2.50亿元": a part that says its own direction)
        joiner = _JOINED.match(r.norm.text, a.span.end, b.span.start)
        if (a.id in minus or not verb and subtracted_cue.match(a.label)) and not subtracted_cue.match(own) \
                and not _ADDED.match(own) and joiner:
            minus.add(b.id)
            if "、" not in joiner.group():
                loose.add(b.id)
    subtracted = tuple(p for p in parts if not verb and subtracted_cue.match(p.label) and not said_arrived(r, p)
                       or p.id in minus
                       or flows and people_out.search(clean_label(p.label))
                       or refund is not None and refund.match(clean_label(p.label))
                       or net is not None and r.vocab.cue("loss_part").search(clean_label(p.label)))
    added = [p for p in parts if p not in subtracted]
    if loose and _gap(total, [p for p in parts if p in added or p.id in loose],
                      [p for p in subtracted if p.id not in loose]) < _gap(total, added, subtracted):
        # (both readings are plausible: the one that adds the parts after 和 comes nearer the total — holds, or fails
        # by less, as a slip in one figure does)
        subtracted = tuple(p for p in subtracted if p.id not in loose)
        added = [p for p in parts if p not in subtracted]
    if not added or total in parts:
        return None
    if not subtracted and total.sentence != added[0].sentence and reason != "deductions_in_section" \
            and not (reason == "numbered_items" and _opens_the_items(r, total, added[0])) \
            and any(p.value > total.value + total.tolerance + p.tolerance for p in added):
        # (not the deductions of the section that lists them, beside the one total deduction said: no other figure
        # they may hang from)
        return None  # a part larger than a total found in another sentence: the list hangs from another figure
    if not strict and total.kind == "amount" and not subtracted and reason in ("dimension_split", "qizhong_list") \
            and whole_split(added, _LEVEL_SPLITS):
        # ("分级次看,省级收入402.15亿元,…;市县级收入1,444.22亿元": every level named — all of the province's figure)
        strict, via = True, (*via, WHOLE_LEVELS)
    counted = total.kind == "count" and not strict
    if not strict and (subtracted or not adds_up(total, added)):
        # "18人,其中:事业编制18人,年初实有18人…": the list ended where a prefix adds up (when the
        # whole list does not: "220万元。用于A 219.09万元,B 0.72万元,C 0.19万元" is all of it)
        running = -sum((p.value for p in subtracted), Decimal(0))
        slack = total.tolerance + sum((p.tolerance for p in subtracted), Decimal(0))
        for n, p in enumerate(added, 1):
            running += p.value
            slack += p.tolerance
            if abs(running - total.value) <= slack and n < len(added):
                added = added[:n]
                strict = True
                via = (*via, "ends where its parts add up")
                break
    # "总收入44.47万元,其中上年结转36.97万元,本年支出36.97万元": money going out is no part of money
    # coming in; the list ended before it.  (Spending is broken down by the income that funds it:
    # "项目支出1241.76万元(财政拨款1235.28万元,其他收入6.48万元)".)
    if r.vocab.flow(total.concept or total.label) == "in":
        cut = next((n for n, p in enumerate(added) if r.vocab.flow(p.concept or p.label) == "out"), None)
        if cut == 0:
            return None
        if cut is not None:
            added = added[:cut]
            via = (*via, "ends before money going out")
    # "年末滚存结余65,850.15万元。其中,城乡居民基本养老保险基金收入15,236.48万元,支出13,980.12万元,当年结余1,256.36万元":
    # one part's income beside its spending are that part's measures, each of the like measure above — no parts of the
    # money left (unless they make it)
    elif total.kind == "amount" and not subtracted and not adds_up(total, added) \
            and r.vocab.cue("unspent").search(clean_label(total.label)) \
            and any(r.vocab.flow(p.concept or p.label) == "in" for p in added) \
            and any(r.vocab.flow(p.concept or p.label) == "out" for p in added):
        return None
    # ("年末流动资产18,642.30万元,其中存货6,218.75万元;流动负债12,480.16万元", "净资产…,其中限定性净资产…;负债…", "捐赠收入…,
    # 其中现金捐赠…;管理费用…": a clause after a ';' that names what is owed or spent opens the next item of the statement — no
    # part of what is held or came in; the list ended before it (cues held_side, owed_side)
    held, owed = r.vocab.cue("held_side"), r.vocab.cue("owed_side")
    whole = clean_label(total.label)
    if total.kind == "amount" and held.search(whole) and not owed.search(whole) and not adds_up(total, added):
        cut = next((n for n, p in enumerate(added) if n and _after_semicolon(r, added[n - 1], p)
                    and owed.search(clean_label(p.label)) and not held.search(clean_label(p.label))), None)
        if cut is not None:
            added, strict = added[:cut], False
            via = (*via, "ends before what is owed or spent")
    # ("乐透型彩票销售935亿元,占总销量的56.2%,其中超级大乐透261亿元;竞猜型彩票销售589亿元,占总销量的35.4%": a figure after
    # a ';' whose share is said of the same whole as the total's own is a sibling of the total, no part of it — the list
    # ended before it (cue share_said_after)
    if total.kind == "amount" and not adds_up(total, added):
        whole_share = _share_said_of(r, total)
        cut = whole_share and next((n for n, p in enumerate(added) if n and _after_semicolon(r, added[n - 1], p)
                                    and _share_said_of(r, p) == whole_share), None)
        if cut:
            added, strict = added[:cut], False
            via = (*via, "ends before a sibling of its whole")
    # "社会保险基金收入23614万元,其中保险费收入15200万元,上年结余9127万元": a balance carried in is no part of the
    # year's income (it is of a 总收入 / 收入总计, "总收入44.47万元,其中上年结转36.97万元"); the list ended before it —
    # unless the parts with it make the total ("一般公共预算收入4619.84万元:1、税收收入…5、上年结余270.5万元" counts it)
    if r.vocab.cue("year_income").search(clean_label(total.label)) and not adds_up(total, added):
        carried = r.vocab.cue("carried_balance")
        cut = next((n for n, p in enumerate(added) if n and carried.search(clean_label(p.label))), None)
        if cut is not None:
            added = added[:cut]
            via = (*via, "ends before a balance carried in")
    # ("…,其中中央资金1,620.00万元;剔除12月下达的中央资金380.00万元后,可执行指标…": an amount taken away
    # before what is left opens another statement; the list ended before it)
    cut = next((n for n, p in enumerate(added) if n and _opens_deduction(r, p)), None)
    if cut is not None:
        added, strict = added[:cut], False
        via = (*via, "ends before a deduction")
    # ("2022年,全市卫生健康支出42.18亿元,其中公共卫生支出9.64亿元;2021年卫生健康支出38.75亿元,其中…", "(上年…10.48亿元,
    # 其中…4.71亿元;本年…4.92亿元)": a figure said of another year than the total's opens that year's statement)
    year = period_of(total, r.report_year)
    # (the total before its list, and the figure the first of a clause after ';': not the years a total adds up,
    # "(2021年1,286.00万元、2022年1,650.00万元…)", "2016年…45.20亿元,2017年…80.65亿元,合计125.76亿元")
    cut = next((n for n, p in enumerate(added) if n and year and total.span.start < added[0].span.start
                and period_of(p, r.report_year) not in (None, year) and p.period is not None and (total.period or "") != p.period
                and _after_semicolon(r, added[n - 1], p)), None)
    if cut is not None:
        added, strict = added[:cut], False
        via = (*via, "ends before another year's figure")
    # ("其中制造业增加值651.20亿元,占87.7%;制造业中,高技术制造业增加值118.64亿元": a clause opened by a part's name and
    # 中 speaks of that part's own parts, a level below; the list ended before it)
    cut = next((n for n, p in enumerate(added) if n and _within_part(r, added[:n], p)), None)
    if cut is not None:
        added, strict = added[:cut], False
        via = (*via, "ends before a part's own parts")
    forecast = r.vocab.cue("forecast")
    if not forecast.search(clean_label(total.label)) and not forecast.search(clean_label(added[0].label)):
        # "财政总收入4.27亿元,…,其中地方财政收入1.92亿元,…,预计全年财政总收入将达7亿元": a figure expected is no
        # part of the figures that are; the list ended before it
        cut = next((n for n, p in enumerate(added) if forecast.search(clean_label(p.label))), None)
        if cut is not None:
            added, strict = added[:cut], False
            via = (*via, "ends before a forecast")
    if total.scenario == "actual" and r.vocab.flow(total.concept or total.label) != "in":
        # (money coming in holds what was left last year: "实际收入1699.12万元,其中…上年结转结余263.90万元")
        # "全年执行927.58万元,…,其中其他资金执行55.40万元,执行率92.33%,其他资金结余4.60万元": what is left
        # unspent is no part of what was spent; the list ended before it
        cut = next((n for n, p in enumerate(added) if r.vocab.cue("unspent").search(clean_label(p.label))), None)
        if cut == 0:
            return None
        if cut is not None:
            added, strict = added[:cut], False  # (what the list named as all its parts held the balance too)
            via = (*via, "ends before money left unspent")
    # ("全年城镇新增就业4.3万人,其中城镇失业人员再就业0.7万人", "肉类总产量9091吨。其中,猪肉产量7905吨": one part of a
    # count named alone is a subset of it — more than the count is wrong, less is the rest unnamed)
    # (… when the text names one: not the one left of a longer list, "二级预算单位0个,其中行政单位7个,…,其他事业单位4个")
    one = counted and not subtracted and len(added) == 1 and named == 1
    if counted and not subtracted and len(added) == 1 and named > 1:
        return None
    if one:
        if not _one_counted_part(r, total, added[0]):
            return None
        via = (*via, ONE_COUNTED)
    if counted and not strict and not one:
        # head counts under 其中 overlap (职称, 工种, 退休 …) — unless every part is
        # the same kind of thing as the total ("编制22人,其中:行政编制8人,事业编制14人")
        suffix = clean_label(total.label)[-2:]
        # (one part alone is a subset: "接待312批次(其中外事接待0批次)"; not one taken from another, "(出生…,死亡…)")
        if len(added) + len(subtracted) < 2:
            return None
        # (a part named 其他… is the rest of them: "动力机械52台,…,其他机械15台" partition the total)
        rest = r.vocab.cue("remainder_part")
        # (… nor are groups of people named by what marks them: "新增就业2770人,其中下岗失业人员再就业1811人,就业困难
        # 人员就业659人" — the same people may be in both, and others in neither)
        marked, designation = r.vocab.cue("attribute_group"), r.vocab.cue("overlapping_designation")
        alike = suffix and all(clean_label(p.label).endswith(suffix) for p in added) \
            and not any(marked.search(clean_label(p.label)) for p in added)
        # (… and people coming in and going out are the whole of a net change: "净增1343人(出生2014人,死亡2387人,…)")
        closed = any(rest.match(clean_label(p.label)) for p in added[1:]) or _outcomes(r, added) or flows \
            or whole_split(added)
        split = False
        if not alike and not closed:
            # "共遴选11家培训机构,其中砀山3家、萧县3家…": counts that add up to their total
            # exactly are its partition, whatever they are named; counts that do not may overlap
            # or name only some, and are no relation we can hold the report to
            if any(p.unit != total.unit for p in added):
                return None
            if adds_up(total, added):
                via = (*via, "counts that add up")
            elif _in_bracket_after(r, total, added) and (complementary(added, r.vocab) or not any(
                    marked.search(x) or designation.search(x) for x in (clean_label(p.label) for p in added))):
                # (… unless they stand in a bracket right after the count, members of one split or kinds none named by a mark
                # that may overlap another: "编制22人(行政8人、事业15人)", "卫生技术人员412人(执业医师136人、注册护士218人)",
                # "房屋建筑面积46820平方米(门诊医技楼18640平方米、住院楼22180平方米)" name some of them, perhaps the main ones
                # (工勤 unnamed, other buildings) — a doctor is no nurse, a building no other: more than the count is wrong,
                # less is not)
                split, via = True, (*via, "some kinds named in a bracket")
            else:
                return None
        # (parts named like their total may still be only the main kinds: "全县共有幼儿园86所,其中公办幼儿园37所,普惠性
        # 民办幼儿园41所", "肉类总产量…,其中猪肉…、牛肉…、羊肉…" — more than the total is wrong, a little less is the
        # rest unnamed; far less is a part left out, which the reading of a wide gap weighs: a warning)
        # (head counts named so are all of them: "编制22人,其中:行政编制8人,事业编制14人")
        short = total.value - sum((p.value for p in added), Decimal(0))
        # (… but not a population's: "常住人口469.99万人,其中市区人口162.29万人,城镇人口304.28万人" — a place's people cut
        # by area and by town and country, two cuts that overlap: only what makes the total exactly is all of it)
        population = r.vocab.cue("population_count").search(clean_label(total.label))
        # (… nor a few kinds in a bracket after the count: "医院42个(其中三甲医院3个、三乙医院5个)" names some of them)
        # (… nor bands and levels, which name some of them: "亿元以上重点项目56个,其中10亿元以上项目8个,5亿元至10亿元项目
        # 15个", "家庭农场1256个,其中省级示范家庭农场23个,市级示范家庭农场86个")
        banded = any(r.vocab.cue("count_band").search(r.norm.text, max(0, p.span.start - 16), p.span.start)
                     or designation.search(clean_label(p.label)) for p in added)
        strict = not split and (closed or not alike or (total.unit in HEAD_UNITS and not population and PARTIAL_SAID not in via)
                                or short <= 0
                                or (short > total.value * _UNNAMED_REST and not population and not banded
                                    and not _in_bracket_after(r, total, added) and PARTIAL_SAID not in via)
                                or adds_up(total, added))
    if not counted and reason in ("qizhong_list", "dimension_split") and len(added) >= 2 and not adds_up(total, added) \
            and (sum(1 for p in added if r.vocab.cue("overlapping_designation").search(clean_label(p.label))) >= 2
                 or r.vocab.cue("overlapping_total").search(clean_label(total.label))
                 and not complementary(added, r.vocab)):
        # "各项贷款余额386.52亿元,其中涉农贷款251.36亿元,普惠小微贷款97.63亿元,个人住房贷款58.21亿元": kinds one loan may
        # be several of — no partition, unless they make the total exactly
        return None
    if reason == "qizhong_list" and not strict and not subtracted and not counted:
        more = _list_continued(r, total, added)
        if more:
            # ("支出2846.55万元。其中：一般公共服务支出…，…卫生健康支出146.72万元。此外，住房保障支出764.25万元": the list
            # goes on in the next sentence — its parts are the list's too, and more than the total is wrong)
            added = [*added, *more]
            strict = adds_up(total, added)
            via = (*via, "goes on in the next sentence")
            if inline is not None:
                inline = {*inline, *(p.id for p in more)}  # (said to go on: no list read past its sentence, ALT002)
    core = None
    if inline is not None and any(p.id not in inline for p in added):
        core = next((n for n, p in enumerate(added) if p.id not in inline), len(added))
    breakdown = Breakdown.model_construct(total=total, parts=tuple(added), subtracted=subtracted, marker=marker,
                                          complete=strict, family=None, reason=reason, via=tuple(via), rejected=(),
                                          core=core)
    return Candidate(breakdown, total=total.id, parts=tuple(p.id for p in added))


def _one_counted_part(r: Reading, total: Fact, part: Fact) -> bool:
    """One count named under a count is a subset of it: counted in the same unit, of the same period, neither a change
    ("比上年增加3.31萬人,其中市区…增加1.71萬人": a part's gain may pass the whole's when another part falls) nor one side
    of a net change ("净增1343人(出生2014人)"), nor a count a bracket sets beside it ("(上年…)")."""
    if not total.unit or part.unit != total.unit or (part.period or total.period) != (total.period or part.period):
        return False
    net = r.vocab.cue("people_net")
    if net.search(clean_label(total.label)) or net.search(clean_label(part.label)):
        return False
    if any(per_unit(r, f) is not None for f in (total, part)):
        return False
    # (more than the count, with a count before it in the sentence that holds it: the 其中 may hang from that one —
    # "单位共2个,包括部门本级和1个下属单位,其中:行政单位2个")
    return part.value <= total.value + total.tolerance + part.tolerance or not any(
        f is not None and f.id != total.id and f.kind == "count" and f.unit == total.unit and f.sentence == total.sentence
        and f.span.end <= total.span.start and f.value + f.tolerance >= part.value - part.tolerance for f in r.facts)


def _list_continued(r: Reading, total: Fact, parts: list[Fact]) -> list[Fact]:
    """The amounts of the sentence right after the list's last part when it opens with 此外 / 另外 / 另有 / 还有
    (vocabulary list_goes_on) and every figure in it is an amount of the total's kind and unit, none in a table, of one
    vocabulary family with the parts, or named by class as they are (cue function_class: 住房保障支出 after 卫生健康支出):
    the list goes on there.  Else none."""
    if total.in_table or any(p.in_table for p in parts):
        return []
    text = r.norm.text
    last = max(parts, key=lambda p: p.span.end)
    stop = text.find("\n", last.span.end)
    stop = len(text) if stop < 0 else stop
    end = text.find("。", last.span.end, stop)
    if end < 0:
        return []
    m = r.vocab.cue("list_goes_on").match(text[end + 1:stop])
    if m is None:
        return []
    opened = end + 1 + m.end()
    close = text.find("。", opened, stop)
    close = stop if close < 0 else close
    more = sorted((f for f in r.facts if f is not None and opened <= f.span.start < close), key=lambda f: f.span.start)
    if not more or any(f.kind != total.kind or f.unit != total.unit or f.in_table for f in more):
        return []
    concepts = [f.concept for f in (*parts, *more)]
    if all(concepts) and r.vocab.family_of(concepts) is not None:
        return more
    kind = r.vocab.cue("function_class")
    if all(kind.search(clean_label(f.label)) for f in (*parts, *more)):
        return more  # (支出 by 功能分类 or 经济分类, every one of them)
    return []  # ("此外，政府性基金预算支出…": a figure of another kind of money, no part of this list)


def complementary(parts: list[Fact], vocab=None) -> bool:
    """Parts that split their total one way by their names: 出口 and 进口, 短期 and 中长期, 住户 and 企(事)业, or periods;
    with the vocabulary, two that end as the two sides of one of its pairs (complement_pair: 税收收入 and 非税收入)."""
    names = [clean_label(p.label) for p in parts]
    if vocab is not None and len(parts) == 2:
        sides = [vocab.cue("complement_pair").search(x) for x in names]
        if all(sides) and sides[0].lastgroup != sides[1].lastgroup and sides[0].lastgroup[1:] == sides[1].lastgroup[1:]:
            return True
    if all(_PERIOD_PART.match(x) for x in names):
        return True  # ("其中:上半年完成5.80亿元,7月份完成1.20亿元…": periods one after another; the three industries)
    if len(parts) == 2 and bool(_PAIRS.search(names[0])) and bool(_PAIRS.search(names[1])) \
            and _PAIRS.search(names[0]).lastgroup != _PAIRS.search(names[1]).lastgroup:
        return True
    # (a kind and its negation, "普惠性民办幼儿园" and "非普惠性民办幼儿园"; or each part one member of a set that splits
    # a thing one way: 以上/以下, 公办/民办, 大型/中型/小微, 男/女)
    if any("非" in b and b.replace("非", "", 1) in names for b in names):
        return True
    for members in _SPLITS:
        found = [next((m for m in members if m in x), None) for x in names]
        if all(found) and len(set(found)) >= 2:
            return True
    return False


def whole_split(parts: list[Fact], splits: tuple[tuple[str, ...], ...] | None = None) -> bool:
    """Each part is one side of a split that has no other ("在职人员38人、离退休人员14人": a staff is in service or
    retired, 离退休 being 离休 and 退休), and every side is named: the parts are all of the total.  (`splits`: other
    splits than the head counts' — _LEVEL_SPLITS, of money.)"""
    names = [clean_label(p.label) for p in parts]
    for sides in _WHOLE_SPLITS if splits is None else splits:
        found = [next((side for side in sorted(sides, key=len, reverse=True) if x.startswith(side)), None) for x in names]
        if all(found) and len(found) == len(sides) and set(found) == set(sides):
            return True
    return False


# splits whose sides, named together, leave no one out
WHOLE_LEVELS = "every level named (省级 and 市县级)"

_WHOLE_SPLITS = (("在职", "离退休"), ("在职", "离休", "退休"))

# … and of money: a province's figure cut by level, "分级次看,省级收入402.15亿元,…;市县级收入1,444.22亿元" — the
# province's own level and every level below it
_LEVEL_SPLITS = (("省级", "市县级"), ("省本级", "市县级"))


_SPLITS = (("以上", "以下"), ("公办", "民办"), ("大型", "中型", "小型", "小微", "微型"), ("男", "女"), ("国有", "非国有", "民营"),
           ("新建", "续建", "改扩建"), ("行政", "事业", "工勤"), ("在职", "退休", "离休", "离退休"), ("城镇", "农村", "乡村"),
           ("城市", "农村"), ("小学", "初中", "高中", "幼儿园"), ("赞成", "同意", "反对", "弃权"))


_PERIOD_PART = lazyre.compile(r"^(?:第[一二三]产业|[上下]半年|\d{1,2}(?:[-—至~]\d{1,2})?月份?|第?[一二三四1-4]季度|[一二三四]季度)")


_PAIRS = lazyre.compile(r"(?P<out>(?<!进)出口)|(?P<inward>进口)|(?P<short>短期)|(?P<long>中长期)|(?P<household>住户|个人)|"
                        r"(?P<firm>企业|企\(事\)业|非金融企业)|(?P<town>城镇|城市|城区)|(?P<country>农村|乡村)")


_INCLUDES_AFTER = lazyre.compile(r"\s*\(\s*(?:其中\s*)?(?:含|包含|包括)([^()]{0,60})\)")


def _in_bracket_after(r: Reading, total: Fact, parts: list[Fact]) -> bool:
    """Every part stands in a bracket deeper than the total's own place."""
    node = r.node_of(total)
    if node is None:
        return False
    depth = r.tree[node].depth
    nodes = [r.node_of(p) for p in parts]
    return all(k is not None and r.tree[k].depth > depth for k in nodes)


def _overlap_said(r: Reading, total: Fact, parts: list[Fact]) -> bool:
    """The text from the total to the end of its list's sentence (and a note in brackets right after it) says the
    parts overlap (交叉, 口径不同 …), or a part's bracket says it includes the kind another part is named by
    ("社會福利開支(包括經常及非經常開支)" beside "經常開支")."""
    text = r.norm.text
    end = max(p.span.end for p in parts)
    # (the sentence's end, within reach: a table's cells or a text without stops is not searched to its end per list)
    stop = text.find("。", end, end + _SENTENCE_REACH)
    stop = min(len(text), end + _SENTENCE_REACH) if stop < 0 else stop + 1
    note = _NOTE_AFTER.match(text, stop)
    if note:
        stop = note.end()
    if r.vocab.cue("overlap_said").search(text, total.span.start, stop):
        return True
    labels = [clean_label(p.label) for p in parts]
    for p in parts:
        inside = _INCLUDES_BEFORE.search(text, max(total.span.end, p.span.start - 30), p.span.start)
        if inside is None:
            continue
        for q, label in zip(parts, labels):
            kind = label[:-2] if len(label) > 3 else ""  # (经常开支 → 经常: the kind its name says)
            if q is not p and kind and kind in inside.group(1):
                return True
    return False


_SENTENCE_REACH = 400  # characters after a list's last part where its sentence may end
# a note in brackets right after a sentence: "(注:医保结算收入按付费方式统计,…二者口径不同。)"
_NOTE_AFTER = lazyre.compile(r"\s*[(（]\s*注[^)）]{0,120}[)）]")
# a part's bracket that says what it includes, right before its figure: "社会福利开支(包括经常及非经常开支)为"
_INCLUDES_BEFORE = lazyre.compile(r"\((?:包括|包含|含)([^()]{1,30})\)[^,;。()]{0,6}$")


def _without_included(r: Reading, parts: list[Fact]) -> list[Fact]:
    """The parts less one a later part's bracket says it includes: "授予中小企业3,376.92万元,…;全部授予中小企业
    合同金额9,684.50万元(含预留份额采购项目3,376.92万元)" — the first is inside the second, no sibling of it."""
    included: set = set()
    for q in parts:
        m = _INCLUDES_AFTER.match(r.norm.text, q.span.end)
        if m is not None:
            included |= {p.id for p in parts if p is not q and p.span.start < q.span.start
                         and p.text.strip() and p.text.strip() in m.group(1)}
    return [p for p in parts if p.id not in included] if included else parts


def total_candidates(r: Reading, i: int) -> list[Fact]:
    """Figures a list opener at node i may refer to, nearest first.

    When words name the subject right before the opener ("支出按经济分类为:"),
    the first figure of the paragraph with that subject leads the list.
    """
    adjustment = adjustment_listed(r, i)
    if adjustment is None:
        return _total_candidates(r, i)
    # (an addition's or a cut's parts: "年中追加80.00万元(其中项目支出50.00万元、基本支出30.00万元)" — of 80, not of the
    # budget before it; after a comma, "由年初预算590241万元调增29760万元,其中教育支出12000万元", the 其中 may be of the
    # whole budget too: the addition leads, the figures before it stay behind it — parts that exceed it bind to one of
    # them they make exactly, or to none)
    if r.tree[i].depth > r.tree[adjustment_node(r, i)].depth:
        return [adjustment]
    return [adjustment, *(f for f in _total_candidates(r, i) if f is not adjustment)]


def _total_candidates(r: Reading, i: int) -> list[Fact]:
    tree = r.tree
    opener = tree[i]
    host = _figure_bracketed(r, i)
    out: list[Fact] = []
    subject = ""
    if i > 0 and tree[i - 1].clause == opener.clause and tree[i - 1].kind == "words" \
            and not _GLOSS.fullmatch(tree[i - 1].piece.label.strip()):  # ("247台(套),其中:": a unit's gloss)
        subject = read_label(tree[i - 1].piece.label, r.vocab).text
        subject = subject_before_list(subject)
    opens = tree.opens_sentence(i)
    unstated = False  # (a change's figure compared with names its subject: this year's figure is unstated)
    aside = False  # (the sentence right before states last year's figures only: the list reaches over it)
    for j in tree.before(i, "paragraph", limit=_LOOK_BACK):
        s = tree[j]
        if s.sentence != opener.sentence and not (opens or subject):
            break
        if s.kind in OPENERS and not subject and (s.depth <= opener.depth
                                                   or _figure_bracketed(r, j) is None and adjustment_listed(r, j) is None):
            if s.depth > opener.depth and not _bracket_figures(r, j):
                # ("總收入為79799.0百萬澳門元(不包括從財政儲備轉撥的款項),其中…": a note in a bracket that states no figure
                # lists nothing — the figure before it goes on to the list after it)
                continue
            break  # (a list in a bracket right after a figure lists that figure's parts: the figures outside it go on)
        fact = r.facts[j]
        if fact is not None and s.kind in {"labelled", "total"} and fact.kind in {"amount", "count", "number"}:
            # (a standard per unit, "按每人600元", is no list's total)
            # (nor is what a figure is compared with, "较预算数1237万元减少103万元")
            # (nor an average, "平均每年265百万元;其中113年度补助295百万元": each year's figure is no part of it)
            compared = _compared_figure(r, fact)
            if compared == "named" and s.depth <= opener.depth and not out and not subject:
                # ("资助计划预算较2024年度的330,000,000元增加26,000,000元…。其中…": the figure compared with names the
                # subject of the change, whose figure this year — the one the list is of — is left unstated there: no
                # figure before it is that one)
                unstated = True
                break
            if s.depth <= opener.depth and not fact.is_bound and per_unit(r, fact) is None and not compared \
                    and not r.vocab.cue("average_amount").search(clean_label(fact.label)) \
                    and not (gap_to_other_subject(r, j) is not None and not _parts_compared(r, i)):
                out.append(fact)
        if not subject and out and s.sentence < opener.sentence - 1:
            if s.sentence < opener.sentence - 2 or not opens or host is not None \
                    or not _other_year_aside(r, i, [f for f in out if f.sentence == opener.sentence - 1]):
                break
            aside = True  # (look one sentence further back: see _other_year_aside)
    if not out and not unstated and tree.opens_paragraph(i):
        # "年度预算资金总额: 763.00" / "其中:中央补助 502.00": the total on the line before
        # (or a blank line apart: "用于群众体育支出476万元。⏎⏎其中:用于…")
        previous = figure_line(r, opener.paragraph - 1)
        if previous is not None and (tree.paragraph_lines.get(opener.paragraph - 1, (0, -9))[1] + 1
                                     == tree.paragraph_lines.get(opener.paragraph, (0, 0))[0]
                                     or _BLANK_GAP.fullmatch(r.norm.text, previous.span.end, opener.start)):
            out.append(previous)
    if host is not None:
        # (the figure the bracket is said of leads, the others of its year after it: a list that adds up to none of
        # them stays unbound, as any list does)
        return [host, *(f for f in out if f is not host and r.is_previous(f) == r.is_previous(host))]
    if subject and len(subject) >= 2:
        named = [f for f in out if f.label.endswith(subject) or (f.concept or "").endswith(subject)
                 or _counted_subject(r, f, i - 1)]
        return [named[-1]] if named else []
    if out and out[0].sentence != opener.sentence and not opens:
        return []
    if aside:
        # (of the parts' flow, where both name one: not "2023年全市收入…" over a list of 支出 after an aside)
        flows = {r.vocab.flow(f.label) for f in _parts_after(r, i)} & {"in", "out"}
        own = [f for f in out if f.sentence == opener.sentence - 2 and not r.is_previous(f)
               and (len(flows) != 1 or r.vocab.flow(f.label) not in {"in", "out"} - flows)]
        if own:
            return own
        out = [f for f in out if f.sentence == opener.sentence - 1]
    return [f for f in out if f.sentence >= out[0].sentence] if out else []


def gap_to_other_subject(r: Reading, j: int) -> Fact | None:
    """The figure at node j is the gap (cue compared_gap: 多, 少, 高出 …) to the figure right before it in its sentence
    that names another subject it is compared with (compared_prefix, no year, budget or plan among its words, cue
    compared_other_period): "全年政府性基金预算支出64380万元,比一般公共预算支出(186520万元)少122140万元" — that compared
    figure (186520), or None.  No list after it is of the gap: "…少122140万元;其中专项债券安排的支出38600万元,占基金支出的
    60.0%" lists the fund's own spending (64380)."""
    tree = r.tree
    fact = r.facts[j]
    if fact is None or not r.vocab.cue("compared_gap").match(clean_label(fact.label)):
        return None
    for k in tree.before(j, "sentence", limit=4):
        other = r.facts[k]
        if other is None:
            continue
        label = clean_label(other.label)
        if other.kind != fact.kind or other.unit != fact.unit or tree[k].depth < tree[j].depth \
                or not r.vocab.cue("compared_prefix").match(label) \
                or r.vocab.cue("compared_other_period").search(label):
            return None
        return other
    return None


def _parts_compared(r: Reading, i: int) -> bool:
    """A figure after the opener at node i in its sentence is itself a change or a gap (its label says 多, 少, 增, 减)."""
    end = r.tree.unit("sentence", i).stop
    return any(r.facts[k] is not None and (r.tree[k].kind in {"increase", "decrease"}
                                           or _COMPARED_PART.search(clean_label(r.facts[k].label)))
               for k in range(i + 1, end))


_COMPARED_PART = lazyre.compile(r"[多少增减高低]")


def _other_year_aside(r: Reading, i: int, out: list[Fact]) -> bool:
    """"2023年,全市政府性基金预算支出126.40亿元,增长50.1%。上年全市政府性基金预算支出84.20亿元。⏎其中,城乡社区支出
    63.75亿元,占政府性基金预算支出的50.4%;…": the sentence right before a 其中 that opens its own sentence states only
    figures its words mark as another year's (上年, 去年, 2022年 in a report of 2023: is_previous), and the parts after the
    opener are marked so by none of theirs — an aside comparing with last year; the list is of its own year's figure, in
    the sentence before the aside (its shares, 50.4 % = 63.75 / 126.40, say so too) — unless the parts make one of the
    aside's figures exactly.  (Only one sentence further back, and only a figure there not marked so itself.)"""
    if not out or not all(r.is_previous(f) for f in out):
        return False
    parts = _parts_after(r, i)
    if not parts or any(r.is_previous(f) for f in parts):
        return False
    # (the parts make one of those figures exactly: theirs — "前三季度,全省累计销售彩票312.46亿元。2023年全年,全省销售彩票
    # 398.17亿元。其中,体育彩票销售250.00亿元;福利彩票销售148.17亿元。")
    return not any(adds_up(f, [p for p in parts if (p.kind, p.unit) == (f.kind, f.unit)]) for f in out)


def _parts_after(r: Reading, i: int) -> list[Fact]:
    """The figures after the opener at node i in its sentence, shares left out: its parts, roughly."""
    end = r.tree.unit("sentence", i).stop
    return [r.facts[k] for k in range(i + 1, end) if r.facts[k] is not None and r.facts[k].kind != "percent"]


def _counted_subject(r: Reading, fact: Fact, words: int) -> bool:
    """The subject named before the opener is what the figure right before it counts or costs: "220只口罩分别给…150只,
    …50只" — the figure written before its noun, so that its label does not name it."""
    # (a bare noun, a measure word at most before it: not a span of years, "108至110年度该比率分别为…")
    return fact.span.end == r.tree[words].start and fact.kind in {"amount", "count", "number"} \
        and _BARE_NOUN.fullmatch(r.tree[words].piece.label.strip()) is not None


_BARE_NOUN = lazyre.compile(r"[\u4e00-\u9fff]{1,6}")


def _bracket_figures(r: Reading, i: int) -> bool:
    """Does the bracket node i stands in (the nodes around it set in as deep or deeper) state a figure?"""
    tree, depth = r.tree, r.tree[i].depth
    k = i
    while k > 0 and tree[k - 1].depth >= depth:
        k -= 1
    while k < len(tree) and tree[k].depth >= depth:
        if r.facts[k] is not None:
            return True
        k += 1
    return False


def _figure_bracketed(r: Reading, i: int) -> Fact | None:
    """The figure a bracket opened by the opener at node i right follows, when the bracket's first figure is of its kind:
    "比上年决算数4,210.50万元(其中基本支出3,120.20万元、项目支出1,090.30万元)" lists the parts of the figure it is said of
    — even one compared with, or last year's, which no list after it in the sentence hangs from."""
    tree = r.tree
    if tree[i].depth == 0 or i == 0 or tree[i - 1].kind != "sep" or tree[i - 1].piece.keyword not in "([【" \
            or tree[i - 1].depth != tree[i].depth:
        return None
    j = bracket_host(r, i)
    if j is None:
        return None
    host = r.facts[j]
    if host.kind not in {"amount", "count"} or host.is_bound or per_unit(r, host) is not None \
            or r.vocab.cue("average_amount").search(clean_label(host.label)):
        return None
    first = next((r.facts[k] for k in tree.after(i, "sentence", limit=8)
                  if tree[k].depth == tree[i].depth and r.facts[k] is not None and tree[k].kind == "labelled"), None)
    return host if first is not None and (first.kind, first.unit) == (host.kind, host.unit) else None


def adjustment_listed(r: Reading, i: int) -> Fact | None:
    """The change a list opener at node i right follows (a bracket or a comma between them, in its sentence) when that
    change is an adjustment said by its own word (cue adjustment_listed: 追加, 调增, 调减, 追减, 增拨 …) and no part of the
    list carries a change of its own: "年中追加80.00万元(其中项目支出50.00万元、基本支出30.00万元)", "年中调减45.00万元,
    其中公用经费25.00万元、项目支出20.00万元" list the addition's or the cut's parts, not the budget's before it.  A
    change against another year, "比上年减少0.58万元(其中公务接待费0.55万元,比上年减少0.40万元)", is no such word: the
    bracket lists the parts of the figure before the change, each with its change."""
    j = adjustment_node(r, i)
    if j is None:
        return None
    tree = r.tree
    change = tree[j]
    if change.kind not in {"increase", "decrease"} or change.sentence != tree[i].sentence \
            or change.depth != (tree[i - 1].depth - 1 if tree[i - 1].separator("([【") else tree[i - 1].depth) \
            or r.facts[j] is None or r.facts[j].kind != "amount" \
            or not r.vocab.cue("adjustment_listed").match(change.piece.keyword or ""):
        return None
    depth = tree[i].depth
    stated = r.vocab.cue("stated_as_change")
    for k in range(i + 1, len(tree)):
        node = tree[k]
        if node.sentence != tree[i].sentence or node.depth < depth or node.separator("。;；"):
            break
        if node.kind in {"increase", "decrease"} or r.facts[k] is not None and stated.match(clean_label(r.facts[k].label)):
            return None  # (a part with a change of its own: "调增6350万元，其中调减城乡社区支出1200万元")
    return r.facts[j]


def adjustment_node(r: Reading, i: int) -> int | None:
    """The node right before the separator before node i (a bracket or a comma, '(' '[' '【' ',' ':'), or None."""
    tree = r.tree
    if i < 2 or not tree[i - 1].separator("([【,，:：") or not tree[i - 1].piece.keyword:
        return None
    return i - 2


def _compared_figure(r: Reading, fact: Fact) -> str | None:
    """Is the figure named as what a change compares with? "bare" when its label only says so ("较预算数1237万元": the
    change is of the figure before it), "named" when the label names the subject before the comparison ("资助计划预算较
    2024年度的330,000,000元", "建教合作收入决算数较112年度之1,987,654千元": that subject's figure this year is not this one);
    None when it is no such figure."""
    label = clean_label(fact.label)
    if r.vocab.cue("compared_prefix").match(label):
        return "bare"
    end = r.vocab.cue("compared_end").search(label)
    if end is None:
        return None
    return "named" if _SUBJECT_WORDS.search(_YEAR_WORDS.sub("", label[:end.start()])) else "bare"


_YEAR_WORDS = lazyre.compile(r"(?:19|20)?\d{2,4}\s*年度?|[上本今去]一?年度?")
_SUBJECT_WORDS = lazyre.compile(r"[\u4e00-\u9fff]")


_BLANK_GAP = lazyre.compile(r"[。;,:]?[ \t]*\n(?:[ \t]*\n){1,2}[ \t]*")


_GLOSS = lazyre.compile(r"\([^()]{1,6}\)")


def subject_before_list(words: str) -> str:
    """"支出按经济分类" → "支出": the subject named before a list opener."""
    for cut in ("按", "主要", "具体"):
        words = words.split(cut)[0]
    return words


def outer_opener(r: Reading, i: int) -> int | None:
    """The opener of the list whose item the list opened at `i` details: "其中:财政拨款收入751.8万元,
    包括一般公共预算收入751.8万元;其他收入7000万元" — the 包括 list lies inside the 其中 list's
    first item.  A list opened after a ";" ("…;其中:公务用车购置…") opens the next item's
    own list, not a detail of one: the outer list ends there as before."""
    tree = r.tree
    opener = tree[i]
    seen_part = False
    for j in range(i - 1, -1, -1):
        t = tree[j]
        if t.sentence != opener.sentence or t.paragraph != opener.paragraph:
            return None
        if t.depth != opener.depth:
            continue
        if t.kind in OPENERS:
            return j if seen_part and t.kind != "dimension" else None
        if t.kind == "labelled" and r.facts[j] is not None and t.sub == opener.sub:
            seen_part = True  # the item it details stands in its own clause (";" ends an item)
    return None


def inner_nodes(r: Reading, i: int, end: int) -> set[int]:
    """The nodes of the lists nested in the items of the list opened at `i` (see `list_end`)."""
    tree = r.tree
    out: set[int] = set()
    k = i + 1
    while k < end:
        s = tree[k]
        if s.kind in OPENERS and s.depth == tree[i].depth and outer_opener(r, k) == i:
            inner, inner_at = s.sub, k
            while k < end and (tree[k].sub == inner or (tree[k].sub == inner + 1 and inner_list_goes_on(r, inner_at, k))):
                inner = tree[k].sub  # (… and the clauses after ';' that go on with it: "…;非税收入3.69亿元")
                out.add(k)
                k += 1
            continue
        k += 1
    return out


def _gap(total: Fact, added: list[Fact], subtracted) -> Decimal:
    """How far Σ added − Σ subtracted is from the total, beyond the rounding of every figure (0: it holds)."""
    value = sum((p.value for p in added), Decimal(0)) - sum((p.value for p in subtracted), Decimal(0))
    slack = total.tolerance + sum((p.tolerance for p in (*added, *subtracted)), Decimal(0))
    return max(Decimal(0), abs(value - total.value) - slack)


_COMPOSED_CLOSER = lazyre.compile(r"(?:共同)?(?:组成|构成)(?![\u4e00-\u9fff])")


def list_end(r: Reading, i: int) -> int:
    """A list runs to the end of its sentence (across ';'), its bracket, or to the next opener.

    A list inside an item of another ends with that item, at the next ';'; the outer list
    steps over it and goes on.  A list inside a numbered item ends where the next item
    begins ("1、档案管理…30万元,其中国重档案10万元;2、县档案馆建设项目…427.36万元")."""
    tree = r.tree
    opener = tree[i]
    # (an inner list announced with a colon, "其中财政拨款支出…,主要用于以下方面:A…;B…", runs to the sentence's end)
    nested = outer_opener(r, i) is not None and not (opener.kind == "include" and opener.piece.keyword.rstrip().endswith(":"))
    following = _next_item(r, i)
    named_only = opener.kind == "include"  # (an include list of names only, no figure yet)
    # ("收入总计465512万元,由本级收入83684万元和转移性收入381828万元构成;转移性收入中,…": a list opened by 由 ends at
    # the 构成 / 组成 that closes it)
    closer = _COMPOSED_CLOSER.search(r.norm.text, opener.piece.end, opener.piece.end + 160) \
        if opener.kind == "classify" and opener.piece.keyword.startswith("由") else None
    k = i + 1
    sub = opener.sub
    while k < len(tree):
        s = tree[k]
        if s.sentence != opener.sentence or s.paragraph != opener.paragraph:
            break
        if closer is not None and s.piece.start >= closer.start():
            break
        if named_only and s.sub != opener.sub:
            break  # "…,主要包括基本工资、津贴补贴等;公用经费300.00万元": a list of names ends at its ';'
        named_only = named_only and r.facts[k] is None
        if following is not None and s.kind == "item" and (item_style(s.piece.keyword), item_number(
                s.piece.keyword)) == following:
            break
        if nested and s.sub != sub:
            if not inner_list_goes_on(r, i, k):
                break
            sub = s.sub
        if s.kind in OPENERS and s.depth == opener.depth:
            if s.kind == "include" and s.piece.keyword.rstrip().endswith(":") and outer_opener(r, k) == i \
                    and any(r.facts[m] is not None for m in range(k + 1, list_end(r, k))):
                # "其中财政拨款支出2,512.60万元,主要用于以下方面:A…,占40.00%;B…": the figures the inner list
                # gives, to the sentence's end, are that part's; the outer list ends where it opens
                break
            if outer_opener(r, k) == i:  # an inner list: its parts are not this list's
                inner, inner_at = s.sub, k
                while k < len(tree) and tree[k].sentence == opener.sentence and (
                        tree[k].sub == inner or (tree[k].sub == inner + 1 and inner_list_goes_on(r, inner_at, k))):
                    inner = tree[k].sub
                    k += 1
                continue
            break
        if s.depth < opener.depth:  # "(其中3.5亿元…)": the bracket closes the list
            break
        if s.kind == "total" and not rest_of_list(r, k):
            break
        k += 1
    return k


def inner_list_goes_on(r: Reading, i: int, k: int) -> bool:
    """The clause after a ';' that opens at node k goes on with the inner list opened at `i` (a 其中 inside an item of
    another list): its first figure names the rest of that list (其他支出, 其余…) or the other side of its first part
    (税收收入 / 非税收入) — "全市…86.40亿元。其中,全县…12.30亿元,其中:税收收入8.61亿元,占70.0%;非税收入3.69亿元,
    占30.0%": 3.69 is 全县's, no part of 全市's list."""
    tree = r.tree
    first_inner = next((m for m in range(i + 1, k) if r.facts[m] is not None and tree[m].depth == tree[i].depth), None)
    nxt = next((m for m in range(k, min(len(tree), k + 8)) if r.facts[m] is not None and tree[m].sub == tree[k].sub), None)
    if first_inner is None or nxt is None or tree[nxt].kind != "labelled" or tree[nxt].depth != tree[i].depth:
        return False
    a, b = r.facts[first_inner], r.facts[nxt]
    if a.kind != b.kind or a.unit != b.unit:
        return False
    name = clean_label(b.label)
    if complementary([a, b], r.vocab):
        return True
    if r.vocab.cue("remainder_part").match(name):
        # (the rest of the inner list, not of the outer, when both inner parts carry a share and the item they detail
        # none: "市本级…92.50亿元,其中:民生支出74.00亿元,占80.0%;其他支出18.50亿元,占20.0%" — but "财政拨款收入783.26万元,
        # 占…10.1%,包括…;其他收入7000万元,占…89.9%" goes on with the outer list)
        item = next((m for m in range(i - 1, -1, -1) if r.facts[m] is not None and tree[m].depth == tree[i].depth), None)
        text = r.norm.text
        return item is not None and all(_SHARE_AFTER.match(text, f.span.end) for f in (a, b)) \
            and not _SHARE_AFTER.match(text, r.facts[item].span.end)
    pair = r.vocab.cue("complement_pair")  # (the names as said with a verb after them: "税收收入完成")
    sides = [pair.search(_SAID_VERB.sub("", x)) for x in (clean_label(a.label), name)]
    return all(sides) and sides[0].lastgroup != sides[1].lastgroup and sides[0].lastgroup[1:] == sides[1].lastgroup[1:]


_SHARE_AFTER = lazyre.compile(r"\s*[,，]\s*占")
_SAID_VERB = lazyre.compile(r"(?:完成|实现|达到|共计|合计)(?:为|了)?$")


def rest_of_list(r: Reading, k: int) -> bool:
    """The total at node k sums the rest of a list, named so at its clause's start ("其中:甲镇420万元,乙镇310万元,其余8个乡镇
    合计270万元"): the list's last part, not its end (vocabulary remainder_part)."""
    tree = r.tree
    start = tree.unit("clause", k).start
    return bool(r.vocab.cue("remainder_part").match(r.norm.text[tree[start].start:tree[k].start].lstrip(",;、 ")))


_ITEM_REACH = 60  # nodes looked back for the item a list stands in


def _next_item(r: Reading, i: int) -> tuple[str, int] | None:
    """(style, number) of the item after the one node i stands in, in its paragraph: "1、…其中" → ("1、", 2)."""
    tree = r.tree
    for k in range(i - 1, max(-1, i - 1 - _ITEM_REACH), -1):  # (bounded: a paragraph may be a whole file)
        s = tree[k]
        if s.paragraph != tree[i].paragraph:
            return None
        if s.kind == "item":
            n = item_number(s.piece.keyword)
            return (item_style(s.piece.keyword), n + 1) if n is not None else None
    return None


def partial_marker(r: Reading, i: int, last: int) -> bool:
    """主要/部分 right after the opener, or 等 (or 其余为…, the rest named without a figure) right
    after the last part."""
    tree = r.tree
    if "主要" in tree[i].piece.keyword:
        return True
    if i + 1 < len(tree) and tree[i + 1].kind in {"words", "labelled"}:
        if r.vocab.cue("partial_opener").match(tree[i + 1].piece.label):
            return True
    after = last + 1
    # ("…180.00万元,其余为县级配套资金": past the comma; "…2980万元,占23.5%;其余为市级配套资金": past the part's own
    # share too; "三级文物42件(套),其余为一般文物": past its unit's gloss)
    while after + 1 < len(tree) and tree[after + 1].sentence == tree[last].sentence and (
            tree[after].kind == "sep" or tree[after].kind == "share"
            or tree[after].kind == "words" and _GLOSS.fullmatch(tree[after].piece.label.strip())
            or r.facts[after] is not None and r.facts[after].kind == "percent" and not tree[after].piece.label.strip()):
        after += 1
    if after < len(tree) and tree[after].kind == "words":
        if r.vocab.cue("partial_closer").match(tree[after].piece.label):
            return True
    # (a remark in a bracket right after the last part: "…180人(分类统计,其余为一般种养大户和家庭农场主)")
    rest = _BRACKET_AFTER.match(r.norm.text, r.facts[last].span.end) if r.facts[last] is not None else None
    return rest is not None and any(r.vocab.cue("partial_closer").match(c.strip()) for c in _CLAUSES.split(rest.group(1)))


_BRACKET_AFTER = lazyre.compile(r"\s*[(（]([^()（）\d]{2,40})[)）]")
_CLAUSES = lazyre.compile(r"[,，;；]")


def figure_line(r: Reading, paragraph: int) -> Fact | None:
    """The one labelled figure of a paragraph, if that is all the paragraph holds besides
    percentages ("用于群众体育支出205.875万元,占总数的74.17%。": the share is of it)."""
    tree = r.tree
    facts = [k for k in tree.paragraph_nodes(paragraph) if r.facts[k] is not None and r.facts[k].kind != "percent"]
    if len(facts) == 1 and tree[facts[0]].kind in {"labelled", "total"} and r.facts[facts[0]].label:
        return r.facts[facts[0]]
    return None


def paragraph_list(r: Reading, paragraph: int, like: Fact) -> list[tuple[int, Fact]]:
    """Parts that each open a paragraph of their own, right after the opener's line."""
    tree = r.tree
    out: list[tuple[int, Fact]] = []
    last_line = tree.paragraph_lines.get(paragraph, (0, 0))[1]
    subtotal = r.vocab.cue("subtotal")
    w = paragraph + 1
    while w in tree.paragraph_lines and tree.paragraph_lines[w][0] == last_line + 1:
        nodes = tree.paragraph_nodes(w)
        first = next((k for k in nodes if r.facts[k] is not None), None)
        if first is None or tree[first].kind != "labelled":
            break
        if tree[nodes[0]].kind == "item":
            break  # "2. 项目支出…": the next item of an outer list, not a part
        fact = r.facts[first]
        if fact.kind != like.kind or fact.unit != like.unit or not fact.label or subtotal.search(fact.label):
            break
        out.append((first, fact))
        last_line = tree.paragraph_lines[w][1]
        w += 1
    return out


def line_list(r: Reading, paragraph: int, like: Fact) -> list[Fact]:
    """"其中:中央补助 668.00 / 市级资金 343.00 / 本级资金 73.25": a list that goes on
    one "label figure" line at a time, as flattened tables leave it."""
    tree = r.tree
    out: list[Fact] = []
    last_line = tree.paragraph_lines.get(paragraph, (0, 0))[1]
    subtotal = r.vocab.cue("subtotal")
    w = paragraph + 1
    while tree.has_paragraph(w):
        nodes = [tree[k] for k in tree.paragraph_nodes(w) if tree[k].kind != "sep"]
        facts = [s for s in nodes if r.facts[s.index] is not None]
        first_line = tree.paragraph_lines[w][0]
        if first_line != last_line + 1 or len(facts) != 1 or facts[0].kind != "labelled":
            break
        fact = r.facts[facts[0].index]
        if fact.kind != like.kind or fact.unit != like.unit or not fact.label:
            break
        if subtotal.search(fact.label) or fact.label.endswith(":") or any(p.kind in OPENERS for p in nodes):
            break
        if nodes[0].kind == "item":
            break  # "1、档案整理费5万元…": a numbered list of its own, not more lines of this one
        out.append(fact)
        last_line = tree.paragraph_lines[w][1]
        w += 1
    return out


def continue_list(r: Reading, last: int, parts: list[Fact], total: str | None) -> list[Fact]:
    """"其中基本支出180.5万元。…项目支出667.9万元": siblings in the next sentences.

    When the total names a family, only its members continue the list: 公务接待费 is a
    sibling of 公务用车运行费 in 三公经费, not a part of 公务用车购置及运行费.
    """
    tree = r.tree
    concepts = {f.concept for f in parts}
    family = list_family(r, total, concepts) - concepts
    if not family:
        return _complement_continues(r, last, parts)
    paragraph = tree[last].paragraph
    sentence = tree[last].sentence
    out = list(parts)
    k = last + 1
    while k < len(tree) and tree[k].paragraph == paragraph:
        s = tree[k]
        if s.sentence == sentence:
            k += 1
            continue
        sentence = s.sentence
        first = next((tree[m] for m in tree.unit("sentence", k) if m >= k and is_part(r, tree[m])), None)
        if first is None:
            k += 1
            continue
        fact = r.facts[first.index]
        # ("全年公务用车购置数为7辆" names a member, but counts no money)
        if fact.concept in family and fact.concept not in concepts \
                and (fact.kind, fact.unit) == (parts[0].kind, parts[0].unit):
            out.append(fact)
            concepts.add(fact.concept)
            family.discard(fact.concept)
            k += 1
            continue
        break
    return out


def _complement_continues(r: Reading, last: int, parts: list[Fact]) -> list[Fact]:
    """"其中:税收收入3.68亿元,…;其中增值税…,企业所得税…。非税收入15581万元": the first part of the next sentence of the
    paragraph, named as the complement of a part listed (非 + its name, or the other side of a complement_pair), of its
    kind and unit, is the part beside it — the list goes on after the list nested in that part."""
    tree = r.tree
    sentence = tree[last].sentence
    k = next((k for k in range(last + 1, len(tree)) if tree[k].sentence != sentence), None)
    if k is None or tree[k].paragraph != tree[last].paragraph:
        return parts
    first = next((m for m in tree.unit("sentence", k) if m >= k and r.facts[m] is not None), None)
    if first is None or not is_part(r, tree[first]):
        return parts
    fact = r.facts[first]
    if (fact.kind, fact.unit, fact.period) != (parts[0].kind, parts[0].unit, parts[0].period):
        return parts
    label = clean_label(fact.label)
    names = [clean_label(p.label) for p in parts]
    if any(complement_names(label, name, r.vocab) for name in names) and r.vocab.flow(label) == r.vocab.flow(names[0]) \
            and not any(complement_names(a, b, r.vocab) for a in names for b in names):
        return [*parts, fact]
    return parts


def halves_of_total(total: Fact, parts: list[Fact]) -> bool:
    """Two parts named A and 非A, A ending with the total's name ("负债总额…,其中流动负债…、非流动负债…"): between them every
    part of it."""
    if len(parts) != 2:
        return False
    a, b = (clean_label(p.label) for p in parts)
    if a.startswith("非"):
        a, b = b, a
    whole = _WHOLE_TAIL.sub("", clean_label(total.label))
    return b == "非" + a and len(whole) >= 2 and a.endswith(whole) and a != whole


_WHOLE_TAIL = lazyre.compile(r"(?:总额|合计|总计|总数)$")


def money_and_goods(total: Fact, parts: list[Fact], vocab) -> bool:
    """A whole its name says is money and goods together (善款善物, 款物: cue money_and_goods_total) and two parts, one
    money and one goods ("其中资金3862.45万元、物资折价517.30万元"): between them all of it."""
    if len(parts) != 2 or vocab is None or not vocab.cue("money_and_goods_total").search(clean_label(total.label)):
        return False
    names = [clean_label(p.label) for p in parts]
    money, goods = vocab.cue("money_part"), vocab.cue("goods_part")
    return any(money.search(a) and goods.search(b) for a, b in (names, names[::-1]))


def complement_names(label: str, other: str, vocab) -> bool:
    """"非税收入" of "税收收入" (非 + the other's name), or the two sides of one vocabulary complement_pair."""
    if label.startswith("非") and len(label) >= 3 and label[1:] == other:
        return True
    pair = vocab.cue("complement_pair")
    a, b = pair.search(label), pair.search(other)
    return a is not None and b is not None and a.lastgroup != b.lastgroup and a.lastgroup[1:] == b.lastgroup[1:]
