"""A a、B b,合计 T: the figures before 合计 in its sentence are its parts.

    "办公费60万元,印刷费40万元,合计100万元。" → 100 = 60 + 40
    "…收入1229269万元。加上中央财政收入752382万元,合计财政总收入1981651万元" → the base before 加上
    "节约A 110.37万元,节约B 248.85万元,共节约C 366.84万元" → 共 and a verb, every part named by the
        same scenario (节约) as the total: "年初预算100万元,追加20万元,共支出110万元" is no sum
    "支出220906.07亿元,增长8.7%。加上补充稳定调节基金1018.54亿元,支出总量为221924.61亿元" → a sentence
        adding with 加上 arrives at a 总量 / 总计 / 可支配收入: the nearest amount before 加上 and the addends
"""

from __future__ import annotations

from typing import Iterator

from auditor import lazyre
from auditor.extract.bind.candidate import Candidate
from auditor.extract.bind.resolvers import score_list
from auditor.extract.bind.standards import listed_per_unit, per_unit
from auditor.extract.bind.index import named_part
from auditor.extract.bind.reasons import BASE_NAMED_ABOVE
from auditor.extract.bind.lists import adds_up, make_breakdown, said_arrived
from auditor.extract.model import Fact
from auditor.extract.readings import OPENERS, Reading, clean_label, part_start
from auditor.textsearch import last_of


def resolve(r: Reading) -> Iterator[Candidate]:
    tree = r.tree
    family_totals = {t for f in r.vocab.families.values() for t in f.totals}
    family_members = {m for f in r.vocab.families.values() for m in f.members}
    generic = r.vocab.cue("generic_total_name")
    prefixed, shared = r.vocab.cue("total_prefix"), r.vocab.cue("total_prefix_shared")
    available = r.vocab.cue("available_prefix")
    arrived = r.vocab.cue("sum_after_plus")
    for s in tree.of_kind("labelled", "total"):
        total = r.facts[s.index]
        if total is None:
            continue
        label = clean_label(s.piece.label)
        labelled = s.kind == "labelled"
        # (a 共 before a verb names a total when the parts share its scenario; 共计 names one whatever they are)
        by_verb = labelled and total.scenario is not None and bool(shared.match(label)) and not prefixed.match(label)
        funds = labelled and bool(available.match(label))
        counted = _count_before(r, s) if s.kind == "total" else None
        if counted is not None:
            made = _counted_total(r, s, total, counted)
            if made:
                yield made
            continue
        # (a total named after 合计: "加上中央财政收入752382万元,合计财政总收入1981651万元")
        named_total = bool(prefixed.match(label))
        if labelled and not (by_verb or funds or named_total) and arrived.search(label):
            made = _sum_after_plus(r, s, total)
            if made:
                yield made
            continue
        # "…基本公共卫生服务项目3万元。共计下达中央、市级转移支付资金3580.69万元。": a sentence led by
        # 共计 / 合计 words before its one figure closes the list of the sentence before
        led = labelled and not (by_verb or funds or named_total) and _led_by_total_words(r, s)
        # ("…;…全年发放56.16万元。两项补贴合计176.16万元": a sentence led by the count of the items its 合计 sums, the items
        # of the sentence before)
        counted_lead = s.kind == "total" and _led_by_count(r, s)
        if not (s.kind == "total" or by_verb or funds or (labelled and named_total) or led):
            continue
        i = s.index
        if _REST.search(r.norm.text, max(0, total.span.start - _REST_REACH), total.span.start):
            continue  # ("…佔13.1%;其餘社區發展及環境保護等支出合計4,499億元,佔15.6%": the rest's own sum, a sibling)
        # (after 等 the parts named, and maybe others: "第一预备金39.5亿元、…与灾害准备金50亿元等合计169.5亿元")
        some = label.startswith("等") or (i > 0 and tree[i - 1].kind == "words" and tree[i - 1].piece.label == "等")
        named = i > 0 and tree[i - 1].clause == s.clause and tree[i - 1].kind == "words" \
            and not generic.fullmatch(tree[i - 1].piece.label) and not some
        if named and total.concept not in family_totals:
            # "…资金800万元支持,加上之前下达的…资金1,000万元,…共争取到…资金共计1,800万元": a 加上
            # sentence arrives at it; else "拆除圬工共计114立方米", "差旅费共计2万元": that item's own total
            made = _sum_after_plus(r, s, total)
            if made:
                yield made
            continue
        if total.kind == "number":
            continue  # bare figures without units: too loose to add up outside a table
        if total.is_bound:
            continue  # "合计增列超过1300亿元": a bound on the sum, not the sum
        if _restates_named(r, s.index, total):
            continue  # ("2023年度支出总计…,其中…;2022年度支出总计2215.06万元": that quantity of another year, no sum)
        parts = []
        via: tuple[str, ...] = ()
        pinned = False  # (the parts are as many as the total counts, on the line before: no item left unpriced among them)
        joined = ""  # the separator met since the last part: "、" joins an enumeration of head counts
        enumeration = False
        in_list = False  # the figures before it are a 其中 list's items
        for j in tree.before(i, "sentence"):
            t = tree[j]
            if (t.kind in OPENERS or t.kind == "total") and t.depth <= s.depth:
                in_list = t.kind in OPENERS
                break  # (a 其中 inside a bracket is that item's own: "年终结余4558万元(其中:本级791万元)")
            if t.kind == "sep" and t.depth == s.depth and parts:
                joined = joined or t.piece.keyword
            f = r.facts[j]
            if f is not None and t.kind == "labelled" and t.depth == s.depth \
                    and f.kind == total.kind and f.unit == total.unit:
                if parts and joined == "、":
                    enumeration = True
                elif total.kind == "count" and parts and enumeration and joined and joined != "、":
                    # "实有编制12人,在职12人、退休14人,共26人": head counts overlap (编制, 实有, 在职), so
                    # the enumeration right before 共 is its parts, not every count of the sentence
                    break
                parts.append(f)
                joined = ""
        if parts and per_unit(r, parts[0]) is not None:
            continue  # ("…县文化馆50万元,14个乡镇综合文化站每站5万元、共70万元": right after a standard, 共 is its product's)
        if not parts:
            # "…转移性收入707163万元,一般债券转贷收入220379万元。合计收入为2845379万元。": a sentence
            # that opens with its 合计 sums the sentence just before it
            parts = _previous_sentence(r, s, total, named_total or funds or led or counted_lead, led or counted_lead)
            if not parts and counted_lead:
                # ("…9,860人,…;…1,245人,…;…36人,…。⏎三项合计11,141人": a line led by the count of the items its 合计
                # sums, the items of the line right before — read only when that line states exactly that many)
                parts = _previous_sentence(r, s, total, True, True, across=True)
                if len(parts) != _stated_count(r, tree, s, label):
                    parts = []
                pinned = True
            if not _names_alike(total, parts):
                parts = []  # ("两个项目合计调整后预算380万元" after the projects' 支出: not their sum)
            if len(parts) >= 2:
                via = ("the sentence before its 合计",)
        if named and in_list and total.concept in family_members:
            continue  # "其中:因公出国(境)费10万元,公务接待费5万元,公务用车购置及运行维护费合计35万元": the list's last
            # item, named, with its own 合计 — not the sum of the items before it
        if any(p.label for p in parts):
            parts = [p for p in parts if p.label]
        if _total_of_another_measure(r, total, parts):
            continue  # ("…合计销售49.88亿元,合计兑奖25.25亿元": a run of totals, each of its own measure — no part of another)
        if parts and listed_per_unit(r, parts[-1]):
            continue  # ("人均资助分别为3,000元和5,000元,共计补助资金43.6万元": amounts per unit said 分别, rates, no parts)
        standards = [p for p in parts if per_unit(r, p) is not None]
        parts = [p for p in parts if p not in standards]  # ("1,286人×1,500元=192.90万元": a standard, no part)
        if standards and len(parts) < 2:
            continue  # ("每个劳动力2个工日,全村劳动力468个,共计筹劳936个工日": a count times its standard, no sum)
        # (the words naming a 合计 stand before it: "本年支出合计")
        flow = r.vocab.flow(label or (tree[i - 1].piece.label if i > 0 and tree[i - 1].kind == "words" else ""))
        if in_list and flow in ("in", "out") and any(r.vocab.flow(p.label) not in (None, flow) for p in parts):
            continue  # ("本年收入合计…,其中财政拨款收入…,其他收入…;本年支出合计…": that list is the 收入's)
        if _other_account(r, total, parts):
            continue  # ("本年收入合计…,使用非财政拨款结余0.00万元,年初结转和结余126.35万元;本年支出合计…": the 收入总计's items)
        if by_verb and any(p.scenario != total.scenario for p in parts) \
                and not _joined_run(r, parts[::-1], total):
            continue
        if not _years_summed(parts):
            # (last year's figure is no part of this year's total — unless the parts are the years
            # the total adds up: "2016年投入45.20亿元,2017年投入80.56亿元,合计125.76亿元" — or
            # last year's money carried over into the money one may use this year)
            carried = r.vocab.cue("remainder")
            parts = [p for p in parts if not r.is_previous(p) or r.is_previous(total)
                     or (funds and carried.search(p.label))]
        parts.reverse()
        if total.kind == "score" and score_list.level_total(r, i) is not None:
            continue  # ("产出指标40分得39分,效益指标30分得29分,…,合计97.7分": weights and scores, score_list's reading)
        count = _stated_count(r, tree, s, label)
        if count is not None:
            # "…840万元,以上四项合计5290万元", "这四案总预算5290万": the last that many figures
            if len(parts) < count:
                continue
            if len(parts) > count:
                # which figures before it are its items is then a guess ("A 100万元,其中a 60万元、b 40万元,
                # B 50万元,C 30万元,D 20万元,以上四项合计200万元": the last four are not A-D): taken only
                # when they add up, so that the guess never accuses
                if not adds_up(total, parts[-count:]):
                    continue
                parts = parts[-count:]
                via = (*via, f"the {count} items it counts")
        if parts and r.vocab.cue("plus_after").search(parts[0].label):
            # "收入684.51亿元…。加上结算净收入128.60亿元…后,收入总计820.86亿元": the sum starts from
            # the paragraph's first figure, stated before 加上
            base = _base_before(r, s, parts[0], total)
            reason = "the base stated before 加上"
            named = _named_base(r, s, parts[0], total)
            if named is not None and named is not base and (
                    base is None or adds_up(total, [named, *parts]) or not adds_up(total, [base, *parts])):
                # "全县一般公共预算收入…。…非税收入58,502.14万元…。加上上级补助收入…,全县一般公共预算收入总计…": the
                # sum continues the 收入 its total names, not the sub-item or last year's figure stated just before 加上
                base, reason = named, "the base its total names"
                if r.tree[r.node_of(named)].paragraph != r.tree[r.node_of(parts[0])].paragraph:
                    reason = BASE_NAMED_ABOVE  # (a look-up past other figures: it may warn, not accuse)
            base = _arrived_at(r, base, total, parts)
            if base is None or not adds_up(total, [base, *parts]):
                scoped = _base_in_scope(r, s, parts, total)
                if scoped is not None:
                    base, reason = scoped, "the base in the scope its total names"
            if base is not None:
                parts = [base, *parts]
                via = (reason,)
        if len(parts) > 2 and not adds_up(total, parts):
            # "预估总投入205.9亿元,2016年投入45.20亿元,2017年投入80.56亿元,合计125.76亿元": the figures
            # right before 合计 that add up to it are its parts; the sentence's first ones say something else
            start = next((k for k in range(1, len(parts) - 1) if adds_up(total, parts[k:])), None)
            if start is not None:
                parts = parts[start:]
                via = (*via, "starts where its parts add up")
        if parts and r.vocab.cue("deduction_of_amount").search(r.norm.text, max(0, parts[0].span.start - 16),
                                                               total.span.start):
            # ("支出总计扣除年末结转和结余A和结余分配B后,本年支出合计C", "…财力3105.42万元,扣除…2236.18万元后,可用于安排项目的
            # 财力为869.24万元": what is taken away, no part of C — C is what is left, deduction's)
            continue
        if any(r.vocab.cue("unit_price").search(clean_label(p.label)) for p in parts):
            continue  # ("…平均成交单价5,163元,较市场平均价5,955元低13.30%,共计成交2,779.76万元": prices, no parts)
        if r.vocab.cue("unspent").search(label) and any(r.vocab.flow(p.label) == "out" for p in parts):
            continue  # ("上年结转20万元,本年拨入100万元,支出90万元,合计结余30万元": what is left after the spending, no sum)
        if len(parts) >= 2 and not any(p.is_bound for p in parts):
            # ("…,安全饮水项目80万元,其他项目5个,合计300万元": an item named without its amount stands between
            # the last part and the 合计 — the parts are not all of it: only more than the total is wrong)
            last = r.node_of(parts[-1])
            unpriced = last is not None and not pinned and any(
                tree[k].depth == s.depth and (
                    tree[k].kind == "labelled" and r.facts[k] is not None and r.facts[k].kind != total.kind
                    # (or a clause of words alone: "…,特种专业技术用车和其他用车,合计5辆")
                    or tree[k].kind == "words" and k + 1 < i and tree[k - 1].piece.keyword in _CLAUSE_SEP
                    and tree[k + 1].piece.keyword in _CLAUSE_SEP and tree[k].sentence == tree[i].sentence)
                for k in range(last + 1, i))
            # ("资金主要用于A 320万元、B 186万元、C运维等,合计支出980.6万元": a list closed by 等 before the 合计's clause names
            # some of its items, the 合计 all of them — unless the total counts the items it sums: "…丁840万等,因这四案总预算…")
            closed = last is not None and count is None and any(
                tree[k].kind == "words" and tree[k].depth == s.depth and tree[k].piece.label.rstrip().endswith("等")
                for k in range(last + 1, i))
            # ("…农村低保金3862.44万元,保障6215户9830人…;城市低保金1024.80万元,保障1428户2106人。两项合计4887.24万元": the total
            # counts its items, and that many amounts stand before it — all of them, whatever stands between)
            exact = count is not None and len(parts) == count and not some
            made = make_breakdown(r, total, parts, "合计", exact or not (unpriced or some or closed),
                                  "funds_available_total" if funds else "total_after_parts", via)
            if made:
                yield made


_NUMERALS = {c: n for n, c in enumerate("一二三四五六七八九十", 1)} | {"两": 2}


# (the clause before a total, looked at back to its start within _REST_REACH characters, not back to the text's)
_REST = lazyre.compile(r"(?:^|[,;。:\n])\s*(?:其余|其他|其它|剩余|余下)[^,;。:\n]*$")
_REST_REACH = 60


def _stated_count(r: Reading, tree, s, label: str) -> int | None:
    """How many items the total says it sums — "以上四项合计", "这四案总预算" — or None."""
    counted = r.vocab.cue("counted_total")
    m = counted.match(label)
    if m is None and s.index > 0:
        before = tree[s.index - 1]
        if before.clause == s.clause and before.kind == "words":
            m = counted.match(clean_label(before.piece.label))
    if m is None:
        return None
    word = m.group("count")
    return int(word) if word.isdigit() else _NUMERALS.get(word)


_RUN_GAP = lazyre.compile(r"[^\d,;。:()]*")  # (between two parts of one run: 和 / 及 / 、 and a name, no clause)
_TOGETHER_GAP = lazyre.compile(r",?\s*")  # (between the run's last part and its 共: nothing, or a comma)


def _joined_run(r: Reading, parts: list[Fact], total: Fact) -> bool:
    """"办公费12.5万元和印刷费7.5万元共支出21万元", "城市低保金3200万元、农村低保金5400万元,共支出8700万元": two or more
    parts named by no scenario word, joined by 和 / 、 in one clause run, and right after the last a 共 + verb — the
    joint total of the parts just named, though their names say no 支出 (figures of another scenario still are none)."""
    text = r.norm.text
    if len(parts) < 2 or any(p.scenario is not None for p in parts):
        return False
    if not all(_RUN_GAP.fullmatch(text, a.span.end, b.span.start) for a, b in zip(parts, parts[1:])):
        return False
    start = total.span.start - len(clean_label(total.label))
    if start < parts[-1].span.end or not _TOGETHER_GAP.fullmatch(text, parts[-1].span.end, start):
        return False
    # (the parts' measure the total's: "共收到中央补助3200万元和省级补助5400万元,共支出7900万元" names money received,
    # of which the 支出 is some — the words of the run, from its clause's start, name no money come in)
    if r.vocab.flow(total.label) != "in":
        opened = last_of(text, ",;。:\n", parts[0].span.start) + 1
        if r.vocab.cue("received_funds").search(text, opened, parts[-1].span.end):
            return False
    return True


def _years_summed(parts: list[Fact]) -> bool:
    """Two or more parts each stating its own year, the years all different: a sum over years."""
    years = [p.period for p in parts if p.period and p.period.isdigit()]
    return len(years) >= 2 and len(set(years)) == len(years)


def _led_by_total_words(r: Reading, s) -> bool:
    """Only words stand before the figure in its sentence, the first of them a 共计 / 合计 / 总计."""
    tree = r.tree
    lead = tree.unit("sentence", s.index).start
    if lead == s.index or tree[lead].kind != "words" or not _TOTAL_LEAD.match(tree[lead].piece.label.strip()):
        return False
    return all(tree[k].kind in {"words", "sep"} and tree[k].depth == 0 for k in range(lead, s.index))


_TOTAL_LEAD = lazyre.compile(r"(?:共计|合计|总计)")


def _led_by_count(r: Reading, s) -> bool:
    """Only the words right before the total stand before it in its sentence, and they count the items it sums by a
    name no more than generic ("两项补贴合计", "以上两项合计")."""
    tree, i = r.tree, s.index
    if i == 0 or tree[i - 1].kind != "words" or tree[i - 1].clause != s.clause or not tree.opens_sentence(i - 1):
        return False
    words = clean_label(tree[i - 1].piece.label)
    return bool(r.vocab.cue("counted_total").match(words) and r.vocab.cue("generic_total_name").fullmatch(words))


_CLAUSE_SEP = frozenset({",", ";"})  # (what sets a clause apart: not 、, which joins names)


def _names_alike(total: Fact, parts: list[Fact]) -> bool:
    """A total summing the sentence before is of the same scenario as its figures: not a budget
    ("两个项目合计调整后预算380万元") after figures none of which is one (the projects' 支出)."""
    if not total.scenario or not total.scenario.startswith("budget"):
        return True
    return any((p.scenario or "").startswith("budget") or "预算" in p.label for p in parts)


def _previous_sentence(r: Reading, total_node, total: Fact, opens_by_name: bool, led: bool = False,
                       across: bool = False) -> list[Fact]:
    """The figures of the sentence before, nearest first, when the total's sentence opens with it,
    named 合计/总计 or the money one may use (`opens_by_name`; nothing but words before it) in the
    same paragraph (or, `across`, on the line right before the total's line); none when that sentence holds a list
    opener or a total of its own at its top level (its figures are that list's)."""
    tree = r.tree
    i = tree.unit("sentence", total_node.index).start if led else total_node.index
    if not opens_by_name or not tree.opens_sentence(i) or i == 0:
        return []
    if tree[i - 1].paragraph != total_node.paragraph and not (
            across and tree[i - 1].paragraph == total_node.paragraph - 1
            and tree.paragraph_lines.get(total_node.paragraph - 1, (0, -9))[1] + 1
            == tree.paragraph_lines.get(total_node.paragraph, (0, 0))[0]):
        return []
    parts: list[Fact] = []
    for j in tree.before(i - 1, "sentence"):
        t = tree[j]
        if (t.kind in OPENERS or t.kind == "total") and t.depth <= total_node.depth:
            return []
        f = r.facts[j]
        if f is not None and t.kind == "labelled" and t.depth == total_node.depth \
                and f.kind == total.kind and f.unit == total.unit:
            parts.append(f)
    last = r.facts[i - 1]
    if last is not None and tree[i - 1].kind == "labelled" and tree[i - 1].depth == total_node.depth \
            and last.kind == total.kind and last.unit == total.unit:
        parts.insert(0, last)
    return parts


def _other_account(r: Reading, total: Fact, parts: list[Fact]) -> bool:
    """The parts are all items of vocabulary accounts (families, balances) the total is neither the total nor an item
    of, while it belongs to another: the figures before a 本年支出合计 are the 收入总计's items, not its parts."""
    accounts = [*r.vocab.families.values(), *r.vocab.balances.values()]
    if not parts or total.concept is None \
            or not any(total.concept in f.totals or total.concept in f.members for f in accounts):
        return False
    homes = [[f for f in accounts if p.concept is not None and p.concept in f.members] for p in parts]
    return all(homes) and not any(total.concept in f.totals or total.concept in f.members
                                  for home in homes for f in home)


def _count_before(r: Reading, s) -> int | None:
    """"9个项目共计36.97万元", "以上3项合计": how many items the 共计 / 合计 right after a count sums."""
    tree, i = r.tree, s.index
    if i < 2 or tree[i - 1].kind != "words" or tree[i - 2].clause != s.clause:
        return None
    if not _COUNTED_NOUN.fullmatch(tree[i - 1].piece.label.strip()):
        return None
    count = r.facts[i - 2]
    if count is None or tree[i - 2].kind != "labelled" or count.kind != "count" or count.value != count.value.to_integral() \
            or not 2 <= count.value <= 60 or not r.vocab.cue("generic_total_name").fullmatch(clean_label(count.label)):
        return None
    return int(count.value)


_COUNTED_NOUN = lazyre.compile(r"(?:个)?(?:项目|工程|子项目|村|镇|乡|单位|户)?(?:的)?(?:资金|金额|投资|补助|支出)?")


def _counted_total(r: Reading, s, total: Fact, count: int) -> Candidate | None:
    """The last `count` amounts before the total, in its sentence or, when the count opens its
    sentence, the sentence before ("…门球场维修费4.76万元。9个项目共计36.97万元。")."""
    tree = r.tree
    count_at = s.index - 2
    nodes = list(tree.before(count_at, "sentence"))
    if tree.opens_sentence(count_at) and count_at > 0 and tree[count_at - 1].paragraph == s.paragraph:
        nodes = [count_at - 1, *tree.before(count_at - 1, "sentence")]  # (the sentence before)
    parts: list[Fact] = []
    for j in nodes:
        t, f = tree[j], r.facts[j]
        if (t.kind in OPENERS or t.kind == "total") and t.depth <= s.depth:
            break
        if f is not None and t.kind == "labelled" and t.depth == s.depth and (f.kind, f.unit) == (total.kind, total.unit):
            parts.append(f)
    parts.reverse()
    if len(parts) < count or any(p.is_bound or r.is_previous(p) for p in parts):
        return None
    if len(parts) > count:
        if not adds_up(total, parts[-count:]):
            return None  # which figures are its items is a guess: taken only when they add up
        parts = parts[-count:]
    return make_breakdown(r, total, parts, "共计", True, "total_of_counted_items")


def _sum_after_plus(r: Reading, s, total: Fact) -> Candidate | None:
    """The addends of a 加上 sentence before its 总量 (each named, in the total's unit), and the
    nearest amount before the first of them (in its sentence or the one before): their sum."""
    plus = r.vocab.cue("plus_part")
    tree = r.tree
    addends: list[Fact] = []
    marked: list[bool] = []  # (the addend's clause adds it: "加上上级补助收入、调入资金等收入213,410万元")
    clause = None  # the last addend's
    for j in tree.before(s.index, "sentence"):
        t, f = tree[j], r.facts[j]
        if (t.kind in OPENERS or t.kind == "total") and t.depth <= s.depth:
            return None
        if f is not None and t.kind == "labelled" and t.depth == s.depth and (f.kind, f.unit) == (total.kind, total.unit):
            if addends and r.vocab.cue("sum_after_plus").search(clean_label(f.label)):
                break  # ("…后,总收入3,575.3亿元;…支出3,004.5亿元,…加上…后,总支出3,520.5亿元": the sum before is its own)
            addends.append(f)
            marked.append(bool(plus.search(clean_label(f.label))))
            clause = t.clause
        elif t.kind == "words" and addends and t.clause == clause and plus.search(clean_label(t.piece.label)):
            marked[-1] = True
    addends.reverse()
    marked.reverse()
    first = next((n for n, m in enumerate(marked) if m), None)
    if first is None or any(f.is_bound or r.is_previous(f) for f in addends):
        return None
    if first == 0:  # "…支出220906.07亿元,增长8.7%。加上…": the base ends the sentence before
        # (of the total's own flow: "收入100亿元,支出150亿元。加上…,收入总量为140亿元" starts from the 收入)
        # (the first such amount of its sentence, the sentence's subject: "一般公共预算收入124,062万元,…,税收收入
        # 完成111,948万元,占…90.24%。加上…": the 税收收入 is a part of it, not the base)
        flow = r.vocab.flow(clean_label(total.label))
        # ("一般公共财政预算支出,加上上解上级支出…等62580万元,支出共计744016万元": the base is named, of its flow — the
        # 支出 stated before in the paragraph, not the 总财力 the sentence before ends with)
        named = _NAMED_BASE.match(r.norm.text, part_start(r.norm.text, addends[0].span.start), addends[0].span.start)
        named_flow = r.vocab.flow(named.group(1)) if named else None
        bases = [r.facts[j] for j in tree.before(s.index, "paragraph")
                 if r.facts[j] is not None and r.facts[j].span.start < addends[0].span.start
                 and tree[j].kind == "labelled" and tree[j].depth == 0
                 and (r.facts[j].kind, r.facts[j].unit) == (total.kind, total.unit)
                 and (flow is None or r.vocab.flow(clean_label(r.facts[j].label)) in (None, flow))
                 and (named_flow is None or r.vocab.flow(clean_label(r.facts[j].label)) == named_flow)]
        base = min((f for f in bases if f.sentence == bases[0].sentence), key=lambda f: f.span.start) if bases else None
        reach = 1 if named_flow is None else len(tree)  # (the base ends the sentence before, or is named)
        if base is not None and _opened_by_list(r, base):
            # "…收入121660万元。其中:县级收入86425万元,…。加上级补助收入…,可用财力…": the sentence before is the
            # list of the total before it, which is the base
            before = [f for f in bases if f.sentence < base.sentence]
            base = min((f for f in before if f.sentence == before[0].sentence), key=lambda f: f.span.start) \
                if before else None
            reach = 2
        base = _arrived_at(r, base, total, addends)
        if base is None or base.sentence < addends[0].sentence - reach or base.is_bound or r.is_previous(base):
            return None
        addends = [base, *addends]
    elif first > 1:
        addends = addends[first - 1:]  # (the nearest amount before 加上 is the base)
    via: tuple[str, ...] = ()
    if not adds_up(total, addends):
        # (the base by position makes no sum, the amount named as what the total continues does: that reading, which
        # holds, is the text's — "一般公共预算收入…;…税收收入…。加上…,一般公共预算收入总量…")
        added = addends[1:]
        named = _named_base(r, s, added[0], total) if added else None
        if named is not None and named not in added and adds_up(total, [named, *added]):
            addends, via = [named, *added], ("the base its total names",)
        elif added:
            scoped = _base_in_scope(r, s, added, total)
            if scoped is not None and scoped not in added:
                addends, via = [scoped, *added], ("the base in the scope its total names",)
    return make_breakdown(r, total, addends, "加上", True, "sum_after_plus", via)


# the words a 加上 clause opens with, naming its base ("一般公共财政预算支出,加上…")
_NAMED_BASE = lazyre.compile(r"\s*([\u4e00-\u9fff]{2,16}?)\s*,?\s*加上?(?=[\u4e00-\u9fff])")


def _arrived_at(r: Reading, base: Fact | None, total: Fact, added: list[Fact]) -> Fact | None:
    """The figure an adjustment arrives at, when the base a 加上 sum starts from is the figure it was adjusted from
    ("收入由年初的86,400万元调整为63,150万元,…。加上…,调整后收入总计…", "由年初预算的A调减至B", "由A调增至B": the sum
    continues B, the budget as adjusted) — the next figure of its sentence, in the total's unit, said as where the change
    arrives (to_figure); unless only the figure it started from makes the sum (read as the text may be, never accused)."""
    if base is None:
        return None
    before = r.norm.text[max(0, base.span.start - 24):base.span.start]
    if not (r.vocab.cue("from_figure").search(clean_label(base.label))
            or r.vocab.cue("from_figure_named").search(before)):
        return base
    k = r.node_of(base)
    if k is None:
        return base
    tree = r.tree
    for j in range(k + 1, len(tree)):
        t, f = tree[j], r.facts[j]
        if t.sentence != tree[k].sentence:
            break
        if f is None or t.kind != "labelled":
            continue
        if (f.kind, f.unit) == (total.kind, total.unit) and said_arrived(r, f):
            if adds_up(total, [base, *added]) and not adds_up(total, [f, *added]):
                return base
            return f
        break  # (another figure between: no adjustment of the base)
    return base


def _opened_by_list(r: Reading, fact: Fact) -> bool:
    """The sentence of `fact` opens with a list marker (其中 / 包括 …) before it: its figures are the
    parts of a total stated before."""
    tree = r.tree
    k = r.node_of(fact)
    if k is None:
        return False
    return any(tree[j].kind in OPENERS for j in tree.before(k, "sentence"))


def _base_before(r: Reading, total_node, first: Fact, total: Fact) -> Fact | None:
    """The paragraph's first labelled amount, if it stands before the first addend — or the first
    after the last total the paragraph arrived at before it ("收入612.40亿元…。加上…,收入总计732.40亿元。
    支出618.90亿元…。加上…,支出总计723.90亿元": the second sum starts from 618.90)."""
    base = None
    for k in r.tree.paragraph_nodes(total_node.paragraph):
        f = r.facts[k]
        if f is None or r.tree[k].depth != 0 or f.span.start >= first.span.start:
            if f is not None and f.span.start >= first.span.start:
                break
            continue
        if r.tree[k].kind == "total" or (r.tree[k].kind == "labelled" and _ARRIVED.search(clean_label(f.label))):
            base = None  # a statement's result: what follows starts the next one
            continue
        if base is None and r.tree[k].kind == "labelled":
            if f.kind != total.kind or f.unit != total.unit or f.is_bound:
                return None
            base = f
    return base


_ARRIVED = lazyre.compile(r"总计|合计|总量|总额")


def _total_words(r: Reading, total_node, total: Fact) -> str:
    """The total's name, with the words just before it in its clause when its own label does not say 总计 / 合计
    ("…,全县一般公共预算收入 | 总计…")."""
    tree, i = r.tree, total_node.index
    words = clean_label(total.label)
    if not _ARRIVED.search(words) and i > 0 and tree[i - 1].kind == "words" and tree[i - 1].clause == total_node.clause:
        words = clean_label(tree[i - 1].piece.label) + words
    return words


def _back_to_heading(r: Reading, k: int):
    """The nodes before node k, nearest first, in its paragraph and the ones before it back to a heading (a paragraph
    of words alone): another section's figures are no base of this one's sum."""
    tree = r.tree
    paragraph = tree[k].paragraph
    for j in range(k - 1, -1, -1):
        t = tree[j]
        if t.paragraph != paragraph:
            if not any(r.facts[m] is not None for m in tree.paragraph_nodes(t.paragraph)):
                return
            paragraph = t.paragraph
        yield j


def _named_base(r: Reading, total_node, first: Fact, total: Fact) -> Fact | None:
    """The amount before the first addend that bears the name the total continues ("全县一般公共预算收入总计" →
    "全县一般公共预算收入完成201,306.77万元"), nearest first, in the same paragraph or the ones before it back to a
    heading (a paragraph of words alone) or a statement's result (a total): the figure a 加上 sum starts from, whatever
    sub-items or last year's figures stand between it and 加上."""
    tree = r.tree
    words = _total_words(r, total_node, total)
    name = _base_name(r, _ARRIVED.sub("", words))
    if name is None:
        return None
    k = r.node_of(first)
    if k is None:
        return None
    for j in _back_to_heading(r, k):
        t, f = tree[j], r.facts[j]
        if f is None or t.depth != 0:
            continue
        if t.kind == "total" or (t.kind == "labelled" and _ARRIVED.search(clean_label(f.label))):
            return None  # a statement's result: what stands before it is another sum's
        if t.kind == "labelled" and (f.kind, f.unit) == (total.kind, total.unit) and not f.is_bound \
                and not (r.is_previous(f) and not r.is_previous(total)) and _same_name(_base_name(r, clean_label(f.label)), name):
            return f
    return None


def _same_name(a: tuple[str, str] | None, b: tuple[str, str]) -> bool:
    """Two (area, name) name the same money: the names alike, the areas too unless one is not said ("政府性基金收入总计"
    continues "全县政府性基金预算收入"; "县本级…收入总计" is no 全县 figure, 县本级 being part of its name)."""
    return a is not None and a[1] == b[1] and (a[0] == b[0] or not a[0] or not b[0])


def _base_in_scope(r: Reading, total_node, added: list[Fact], total: Fact) -> Fact | None:
    """A figure before the addends, back to the section's heading, of the budget and the flow the total names (any of
    them: "全县一般公共预算收入决算数为…", whatever its wording) that makes the 加上 sum hold — when the base by position does
    not: the text may be read that way, so the sum is not accused ("…政府性基金预算收入38,652.90万元…。…调出资金12,500.00万元
    用于…。加上…,政府性基金收入总计…": the sum starts from the 收入, not from the 调出资金 just before 加上)."""
    tree = r.tree
    words = _total_words(r, total_node, total)
    budget = r.vocab.cue("sentence_scope").search(words)
    flow = r.vocab.flow(words)
    k = r.node_of(added[0]) if added else None
    if k is None or flow not in ("in", "out"):
        return None
    for j in _back_to_heading(r, k):
        t, f = tree[j], r.facts[j]
        if f is None or t.kind not in ("labelled", "total") or (f.kind, f.unit) != (total.kind, total.unit) or f.is_bound \
                or (r.is_previous(f) and not r.is_previous(total)):
            continue
        label = clean_label(f.label)
        if r.vocab.flow(label) != flow:
            continue
        named = r.vocab.cue("sentence_scope").search(label)
        if named and budget and named.group(0) != budget.group(0):
            continue  # (another budget's: "政府性基金预算年初结转" is no base of the 一般公共预算收入总计)
        if adds_up(total, [f, *added]):
            return f
    return None


def _base_name(r: Reading, label: str) -> tuple[str, str] | None:
    """(area, name) of a label without its period words and the verb that states the figure ("2023年全县一般公共预算收入
    完成" → ("全县", "一般公共预算收入")), or None when nothing names money ("总计" alone)."""
    label = named_part(r.vocab.cue("period_prefix").sub("", label.strip()))
    label = r.vocab.cue("base_stated_verb").sub("", label)
    label = r.vocab.cue("budget_name_word").sub(lambda m: m.group("fund") or "一般公共预算", label)
    area = r.vocab.cue("area_scope").match(label)
    scope = area.group(0) if area else ""
    name = label[len(scope):]
    return (scope, name) if len(name) >= 2 else None


def _restates_named(r: Reading, i: int, total: Fact) -> bool:
    """A figure before the total in its sentence bears the total's name, its period words aside ("2023年度支出总计…;
    2022年度支出总计…"): the total states that quantity again, for another period — not the sum of what stands between
    (a bare 合计 names nothing of its own: "A a、B b,合计c;D d、E e,合计f" sums each run)."""
    period = r.vocab.cue("period_prefix")
    core = period.sub("", clean_label(total.label))
    if len(_TOTAL_WORDS.sub("", core)) < 2:
        return False
    return any(f is not None and f.id != total.id and f.kind == total.kind and period.sub("", clean_label(f.label)) == core
               for f in (r.facts[j] for j in r.tree.before(i, "sentence")))


_TOTAL_WORDS = lazyre.compile(r"合计|总计|共计|累计|合共|总共")


def _total_of_another_measure(r: Reading, total: Fact, parts: list[Fact]) -> bool:
    """A part named as a total of its own measure, and the 合计 named as one of another (cue total_of_measure: "合计销售
    49.88亿元,合计兑奖25.25亿元", "合计实现营业收入…,利润总额…"): the totals of two measures side by side, not one the sum of
    the other."""
    cue = r.vocab.cue("total_of_measure")
    own = cue.match(clean_label(total.label))
    if own is None:
        return False
    return any((m := cue.match(clean_label(p.label))) is not None and m.group("measure") != own.group("measure")
               for p in parts)
