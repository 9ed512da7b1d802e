"""户数 × 标准 = 金额, 人数 × 每人 = 合计: an amount a sentence states as a count times a rate.

    "移民常规扶持人数为5525人,按照每人每年600元的扶持标准,扶持资金为331.5万元"
        → 331.5万元 = 5525人 × 600元
    "共为1200户发放补贴,补助标准为500元/户,发放补贴资金60万元"   → 60万元 = 1200户 × 500元

The standard names the unit it is per (每人, 500元/户: cues of
rules/vocabulary.toml; an average — 户均, 人均 — is a mean, rounded and perhaps over fewer
than the count the text states, and no standard of a product); the count is a figure of that unit in the standard's
sub-sentence, else its sentence (the one whose label says it is the total —
合计, 共 — else the nearest); the product is the first amount after the standard
whose label names money paid (else the one before the count) — but a standard in a bracket right after a figure
describes that figure ("干部报酬54,000.00元(3人,每人每月6,000.00元,共3个月)"): its product is in the bracket or is that
figure, never the next item after the bracket.  A standard per
day or term, a bound (最高, 不超过), a range (500至1000元) or tiers (一等每人3000元,
二等每人2000元) state no product; a standard per month does over the months its sentence says ("按12个月", or a
product named for 全年: 12; one named for a quarter, a half year or a span of months, "本季度发放", "上半年发放",
"4-6月发放": 3, 6, the span's months, only more being wrong — product_over_months):

    "为全县2,350名…对象按每人每月120元标准发放分类施保补助,全年共计338.4万元"  → 338.4万元 = 2350 × 120元 × 12
    "村干部基本报酬补助91.20万元,按每人每月2,000元标准,为全乡38名…干部发放12个月"  → 91.20万元 = 38 × 2,000元 × 12

(an amount the words right before it say is reckoned so, "按12个月计为1008万元", is the product though its label names no
money; one paid besides it, "另支付意外伤害保险0.6万元", is none, nor is what follows it)

— paid 全年, or to some of a group the count names ("N名X中的Y"), the amount may be of fewer: only more is wrong; nor does a count listed with another group's ("5个行政村、3个社区,按每村(社区)
8万元"), when the standard may be of either group or of both.
"""

from __future__ import annotations

import re
from typing import Iterator

from auditor import lazyre
from auditor.extract.bind.candidate import Candidate
from auditor.extract.bind.standards import per_unit
from auditor.extract.model import Fact, Product
from auditor.extract.readings import OPENERS, Reading, bracket_host, clean_label

_TOTAL = lazyre.compile(r"合计|共计|总计|共|总")
_RANGE_AFTER = lazyre.compile(r"^\s*(?:[至~\-—到]|以上|以下|左右)")
_LOOK = 64
_COUNTED_NOUN = lazyre.compile(r"[\u4e00-\u9fff]{1,6}")
# (a longer name, up to where the standard or the verb begins: "42个省级乡村振兴示范村按每村20万元")
_COUNTED_NAME = lazyre.compile(r"[\u4e00-\u9fff]{1,12}?(?=按|每|给予|补助|发放|[,，、。;；(（]|$)")
# a count listed with another group's count ("5个行政村、3个社区", "11辆公务用车和4辆执法执勤用车")
_GROUP_COUNT = r"\d+\s*(?:个|辆|所|户|人|名|家|座|处|台|套)"
_GROUP_AFTER = lazyre.compile(r"[\u4e00-\u9fff()]{0,10}[、和及与][\u4e00-\u9fff]{0,4}" + _GROUP_COUNT)
_GROUP_BEFORE = lazyre.compile(_GROUP_COUNT + r"[\u4e00-\u9fff()]{0,10}[、和及与][\u4e00-\u9fff]{0,4}$")


def resolve(r: Reading) -> Iterator[Candidate]:
    yield from _priced_items_respectively(r)
    yield from _standards(r)


def _priced_items_respectively(r: Reading) -> Iterator[Candidate]:
    """"购置救灾帐篷500顶(单价2860元)、折叠床2000张(单价265元)、…,合同金额分别为1430000元、530000元、…": items each a
    count with its price in a bracket right after it (cue contract_price: no 预算单价, a ceiling), joined by 、, then 分别为 and as many
    amounts, one each, in the items' order: each amount is its item's count times its price."""
    tree = r.tree
    priced = r.vocab.cue("contract_price")
    for node in tree.of_kind("fenbie"):
        i = node.index
        items: list[tuple[Fact, Fact, str]] = []
        k = next((j for j in range(i - 1, -1, -1) if tree[j].kind != "words"), None)
        while k is not None and k >= 4 and tree[k].kind == "sep" and tree[k].piece.keyword in (",", ")"):
            if tree[k].piece.keyword == ",":
                if items:
                    break
                k -= 1
                continue
            # "…床(单价178元)": ")" ← price ← "(" ← [unit words] ← count
            price_at, open_at = k - 1, k - 2
            if tree[open_at].kind != "sep" or tree[open_at].piece.keyword != "(" or tree[price_at].kind != "labelled":
                break
            price = r.facts[price_at]
            count_at = open_at - 1 if tree[open_at - 1].kind != "words" else open_at - 2
            count = r.facts[count_at] if count_at >= 0 else None
            if price is None or price.kind != "amount" or not priced.fullmatch(clean_label(price.label)) \
                    or count is None or tree[count_at].kind != "labelled" or count.kind not in ("count", "number") \
                    or count.value <= 0 or count.value != count.value.to_integral() or count.is_bound or price.is_bound:
                break
            unit = count.unit if count.kind == "count" else tree[open_at - 1].piece.label.strip()
            if tree[count_at].sentence != node.sentence or not unit:
                break
            items.append((count, price, unit))
            k = count_at - 1
            if k < 0 or tree[k].kind != "sep" or tree[k].piece.keyword != "、":
                break
            k -= 1
        items.reverse()
        if len(items) < 2:
            continue
        amounts = []
        for j in range(i + 1, len(tree)):
            t = tree[j]
            if t.sentence != node.sentence or t.kind == "sep" and t.piece.keyword not in ("、", "和", "及"):
                break
            if t.kind == "sep":
                continue
            f = r.facts[j]
            if f is None or t.kind != "labelled" or f.kind != "amount" or clean_label(f.label) not in ("", "和", "及"):
                break
            amounts.append(f)
        if len(amounts) != len(items):
            continue
        for (count, price, unit), amount in zip(items, amounts):
            yield Candidate(Product.model_construct(
                product=amount, count=count, standard=price, per=unit, rivals=(), periods=1, periods_text="",
                fewer_below=False, reason="priced_items_respectively", via=(), rejected=()))


def _standards(r: Reading) -> Iterator[Candidate]:
    tree = r.tree
    for s in tree.of_kind("labelled"):
        standard = r.facts[s.index]
        if standard is None or s.kind != "labelled" or standard.is_bound or standard.value <= 0 \
                or standard.kind == "count":
            continue  # (a count per unit, "每个劳动力2个工日", gives a count: no amount of money a product checks)
        per = per_unit(r, standard)
        priced = per is None
        if priced:
            per = _priced_per(r, s.index)
            if per is None:
                continue
        label = clean_label(standard.label)
        # "户均补助2000元": a mean, rounded, perhaps over fewer than the count stated — no standard, but in the plainest
        # shape ("为2.4万名困难老人购买居家养老服务,人均年补助450元,计1,080万元": the count, the mean, the amount, in one
        # sub-sentence), where the amount can be no more than the count times the mean: only more is wrong
        average = bool(r.vocab.cue("average_standard").search(label))
        after = r.norm.text[standard.span.end:standard.span.end + 8].lstrip("元/")
        monthly = bool(r.vocab.cue("per_month").search(label) or r.vocab.cue("per_month_after").match(after))
        if not monthly and (r.vocab.cue("per_period").search(label) or r.vocab.cue("per_period").match(after)) \
                or r.vocab.cue("standard_bound").search(label) \
                or _RANGE_AFTER.match(r.norm.text[standard.span.end:standard.span.end + 4]):
            continue
        if r.vocab.cue("standard_superseded").match(r.norm.text, standard.span.end):
            continue  # ("人均补助标准由2022年的84元提高到2023年的89元": the former standard, raised since)
        if _tiers(r, s.index, per):
            continue  # "一等每人3000元,二等每人2000元": tiers whose counts the sentence does not give
        counts, near = _counts(r, s.index, per)
        if not counts:
            continue
        count = counts[0]
        found = _product(r, s.index, count)
        if not found:
            continue
        at, product = found[0]
        opened = monthly and near and count.span.start > standard.span.start and tree[at].sub != s.sub \
            and _amount_opening(r, s.index)
        if opened:
            # "村干部基本报酬补助91.20万元,按每人每月2,000元标准,为全乡38名…干部发放12个月": the amount the sub-sentence
            # opens with, the standard, then the count and the months after it — no amount after the standard there
            at, product = opened
            found = [opened]  # (the amounts of the next sub-sentence are no rivals of it)
        elif _count_apart(r, s.index, at, count):
            continue
        if product.value <= standard.value or count.value <= 1:
            continue
        if priced and not (tree[at].sub == s.sub and at > s.index):
            continue  # (a price whose amount is not written after it in its clause chain: "服务器2台,单价15.00万元;…")
        if _sums_items(r, product):
            continue  # ("…,每人100元,保费11.96万元,两项合计1,207.96万元": a total of the items it counts, of two products)
        if (tree[at].kind == "total" or _TOTAL.search(clean_label(product.label))) and _standard_before(r, s.index):
            continue  # "中学3所,每所补助20万元;小学11所,每所补助8万元;共安排资金148万元": the sum of two products
        text = r.norm.text
        if _GROUP_AFTER.match(text, count.span.end) or _GROUP_BEFORE.search(text, max(0, count.span.start - 24),
                                                                            count.span.start):
            # "5个行政村、3个社区,按每村(社区)8万元,共计64万元": the standard may be of both groups, or of one
            continue
        if r.vocab.cue("count_each").search(clean_label(count.label)):
            continue  # "为6个乡镇各配备转运车2辆,每辆18万元,共计216万元": the count is each place's, times 6
        cause = r.vocab.cue("deviation_cause")
        if any(not (monthly and _MONTH_COUNT.search(m.group()))  # (a standard per month: its months are no deviation)
               for start in (min(count.span.end, product.span.end), min(standard.span.end, product.span.end))
               for m in cause.finditer(text, start, product.span.start)):
            continue  # "…每户2000元,因部分农户年中退出,实际发放228万元": a deviation the text explains
        periods, periods_text, implied = 1, "", False
        if monthly:
            # (over months, only the plainest shape: the count before the standard and the amount after it, in its
            # sub-sentence, and no other standard before it — "一级…每人每月120元;二级…每人每月80元,全年需资金…": tiers)
            if not (opened or near and tree[at].sub == s.sub and (at > s.index or at == bracket_host(r, s.index))
                    and count.span.start < standard.span.start) \
                    or _standard_before(r, s.index):
                continue
            months = _months(r, s.index, at, product)
            if months is None:
                continue  # (a standard per month, and the months it is paid for not said)
            periods, periods_text, implied = months
        # explicit: one count of the unit beside the standard, and the amount after it, in its
        # sub-sentence; an amount stated before the count may be another sum ("共计40.83万元,带动
        # 14户…分红,每户可分得700元"): the reading is only inferred
        explicit = near and len(counts) == 1 and tree[at].sub == s.sub and at > s.index
        if average and (monthly or not explicit or count.span.start > standard.span.start
                        or not r.vocab.cue("product_mean_paid").search(label)
                        or not r.vocab.cue("product_reckoned_before").search(text, max(0, product.span.start - 4), product.span.start)):
            continue  # (a mean of money paid, the amount reckoned from it — "计", "共计" —: not "人均可支配收入12,450元")
        reason = "product_over_months" if monthly else "product_in_sentence" if explicit else "product_of_nearest_count"
        yield Candidate(Product.model_construct(
            product=product, count=count, standard=standard, per=per,
            rivals=tuple([*counts[1:], *(f for _, f in found[1:])]), periods=periods, periods_text=periods_text,
            # (paid 全年 — people enter and leave through the year —, or to "2,350名低保对象中的一、二类对象": fewer)
            fewer_below=monthly and (implied or bool(_AMONG.match(text, count.span.end)))
            or bool(r.vocab.cue("beneficiary_count").search(clean_label(count.label))) or average,
            reason=reason, via=(), rejected=()))


def _count_apart(r: Reading, i: int, at: int, count: Fact) -> bool:
    """The count is not what the amount at node `at` is paid for: a count written after the amount that the words before
    it make a part or a remainder of the group ("发放护理补贴318.00万元,其中新增对象152人", "…核定补助资金62.88万元,超出的
    36场由放映公司自行承担": cue count_apart, or a 其中 between them); or the amount stands in a later sub-sentence that
    counts a group of its own ("…创业补贴214户,每户5000元;发放创业担保贷款贴息236.00万元,涉及贷款对象412人": another
    item's money, not this standard's product)."""
    tree = r.tree
    k = next((k for k in tree.after(at, "sentence", limit=_LOOK) if r.facts[k] is count), None)
    if k is not None and not _TOTAL.search(clean_label(count.label)) \
            and (any(tree[m].kind in OPENERS for m in range(at + 1, k))
                 or r.vocab.cue("count_apart").search(clean_label(count.label))):
        return True  # (not the total a 其中 list of counts closes with: "…,其中…2.3万亩,…31.96万亩,补贴面积合计34.26万亩")
    return tree[at].sub != tree[i].sub and any(
        r.facts[j] is not None and r.facts[j] is not count and r.facts[j].kind == "count" and tree[j].kind == "labelled"
        and not _is_duration(r, r.facts[j]) for j in tree.unit("sub", at))


def _is_duration(r: Reading, f: Fact) -> bool:
    """"稳定就业6个月以上": a count of 个 with 月 right after it is a span of months, not a count of things."""
    return f.unit == "个" and r.norm.text.startswith("月", f.span.end)


def _amount_opening(r: Reading, i: int) -> tuple[int, Fact] | None:
    """The amount of money the sub-sentence of the standard at node i opens with, right before the standard (no other
    figure there): "村干部基本报酬补助91.20万元,按每人每月2,000元标准,…" — else None."""
    tree = r.tree
    before = [k for k in tree.before(i, "sub", limit=_LOOK) if r.facts[k] is not None]
    if len(before) != 1:
        return None
    k = before[0]
    f = r.facts[k]
    if tree[k].kind != "labelled" or f.kind != "amount" or f.is_bound or per_unit(r, f) is not None \
            or tree[k].depth != tree[i].depth or not r.vocab.cue("product_label").search(clean_label(f.label)):
        return None
    return k, f


def _priced_per(r: Reading, i: int) -> str | None:
    """The unit of the count a price per item at node i is of: "无人机6架,单价9.50万元,计57.00万元" — a 单价 whose nearest
    figure before it, in its sub-sentence, counts the items (架); None for any other figure."""
    standard = r.facts[i]
    if standard.kind != "amount" or not r.vocab.cue("priced_standard").search(clean_label(standard.label)):
        return None
    tree = r.tree
    k = next((k for k in tree.before(i, "sub", limit=_LOOK) if r.facts[k] is not None), None)
    if k is None or tree[k].kind != "labelled" or tree[k].depth != tree[i].depth:
        return None
    count = r.facts[k]
    return count.unit if count.kind == "count" and not count.is_bound and count.unit else None


# the count names a group the standard may be paid to only some of: "2,350名农村低保对象中的一、二类对象"
_AMONG = lazyre.compile(r"[\u4e00-\u9fff]{0,12}中的")
_MONTHS = lazyre.compile(r"个?月$")
_MONTH_COUNT = lazyre.compile(r"^(?:(?:按|共|计)\s*)?\d+\s*个月(?:计|发)?$")
_WHOLE_YEAR = lazyre.compile(r"全年|年度|一年")


def _months(r: Reading, i: int, at: int, product: Fact) -> tuple[int, str, bool] | None:
    """The months a standard per month (node i) is paid for, towards its product (node `at`): a count of months
    said in its sub-sentence ("按12个月计发", "发放10个月") — (n, its text, False) —, else a product named for the whole year
    ("全年共计338.4万元") — (12, "全年", True: implied) —; None when neither, or two counts of months."""
    tree = r.tree
    text = r.norm.text
    months = [r.facts[k] for k in tree.unit("sub", i) if r.facts[k] is not None and r.facts[k].kind == "count"
              and (_MONTHS.search(r.facts[k].written_unit or r.facts[k].unit or "")
                   or r.facts[k].unit == "个" and text.startswith("月", r.facts[k].span.end))  # ("按12个月": 12个, 月)
              and 1 <= r.facts[k].value <= 12]
    if len(months) > 1:
        return None
    if months:
        m = months[0]
        return int(m.value), m.text + ("月" if not m.text.endswith("月") else ""), False
    if _WHOLE_YEAR.search(clean_label(product.label)) \
            or _WHOLE_YEAR.search(text, r.facts[i].span.end, product.span.start):  # ("每人每月100元(全年),发放…")
        return 12, "全年", True
    # a quarter or a span of months the product's label names ("标准90元/人·月,本季度发放57780元", "7-9月发放"): 3, or
    # the months of the span; people enter and leave through them: only more is wrong (implied)
    said = _PART_OF_YEAR_PAID.search(clean_label(product.label)) \
        or _PART_OF_YEAR_PAID.search(text, r.facts[i].span.end, product.span.start)
    if said:
        if said.group("first"):
            a, b = int(said.group("first")), int(said.group("last"))
            return (b - a + 1, said.group(), True) if 1 <= a < b <= 12 else None
        return (6 if said.group("half") else 3), said.group(), True
    return None


_PART_OF_YEAR_PAID = lazyre.compile(r"(?:本|当|该|第[一二三四1-4])季度?(?=发放|拨付|支付|共?发|下达|累计)|"
                                    r"(?P<half>[上下]半年)(?=发放|拨付|支付|共?发|下达|累计)|"
                                    r"(?<![\d.年])(?P<first>\d{1,2})\s*月?\s*[-—–~～至到]\s*(?P<last>\d{1,2})\s*月"
                                    r"(?=发放|拨付|支付|共?发|下达|累计|份?补)")


# a standard is an amount per unit, or a figure read bare whose 元 stands before the slash ("标准720元/生")
_STANDARD_KINDS = frozenset({"amount", "number"})
_INCLUDED_REACH = 44  # characters from a bracket's 含 to the standard after it ("(含台式计算机80台,每台")


def _sums_items(r: Reading, f: Fact) -> bool:
    """The amount is named a total of items it counts ("两项合计", "以上三项共计"; not "3个村共计": places)."""
    label = clean_label(f.label)
    m = r.vocab.cue("counted_total").match(label)
    return m is not None and label[m.end("count"):m.end("count") + 1] in ("项", "笔", "类")


def _standard_before(r: Reading, i: int) -> bool:
    """Another standard (an amount per some unit) before node i in its sentence — but not one that states its own product
    in a sub-sentence of its own: "为1,250名…,每人每月80元,全年发放120万元;为312名…,每人每月150元,全年发放56.16万元" are
    two products, each with its own count and amount, not tiers of one amount."""
    tree = r.tree
    return any(r.facts[k] is not None and tree[k].kind == "labelled" and r.facts[k].kind in _STANDARD_KINDS
               and per_unit(r, r.facts[k]) is not None
               and not (tree[k].sub != tree[i].sub and _own_product(r, k))
               for k in tree.before(i, "sentence", limit=_LOOK))


def _own_product(r: Reading, k: int) -> bool:
    """The standard at node k has a count of what it is per before it, and an amount of money paid after it, in its own
    sub-sentence (and no other standard there): a product stated whole."""
    tree, per = r.tree, per_unit(r, r.facts[k])
    sub = tree.unit("sub", k)
    money = r.vocab.cue("product_label")
    counted = any(j < k and _is_count(r, j, per) for j in sub)
    paid = [j for j in sub if j > k and r.facts[j] is not None and tree[j].kind == "labelled"
            and r.facts[j].kind == "amount" and money.search(clean_label(r.facts[j].label))]
    return counted and len(paid) == 1 and not _tiers(r, k, per) \
        and not any(per_unit(r, r.facts[j]) is not None for j in paid)


def _tiers(r: Reading, i: int, per: str) -> bool:
    """Another standard per the same unit in the sub-sentence of node i (the next one,
    after ';', is a statement of its own)."""
    tree = r.tree
    for k in tree.unit("sub", i):
        f = r.facts[k]
        if k != i and f is not None and tree[k].kind == "labelled" and f.kind in {"amount", "number"} \
                and per_unit(r, f) == per:
            return True
    return False


def _counts(r: Reading, i: int, per: str) -> tuple[list[Fact], bool]:
    """Counts of unit `per` for the standard at node i, the likeliest first; and whether
    they stand in its sub-sentence."""
    tree = r.tree
    for within in ("sub", "sentence"):
        # (a count in a bracket, "全年保障348人(其中年中新增纳入保障46人,按半年计发)", is a part of the count
        # before it: the likeliest last)
        before = sorted((k for k in tree.before(i, within, limit=_LOOK) if _is_count(r, k, per)),
                        key=lambda k: tree[k].depth > tree[i].depth)
        after = sorted((k for k in tree.after(i, within, limit=_LOOK) if _is_count(r, k, per)),
                       key=lambda k: tree[k].depth > tree[i].depth)
        if within == "sentence":
            # ("奖励扶助对象6,842人,按每人每年960元标准发放…;特别扶助对象按每人每年5,280元标准发放…": a count of a
            # sub-sentence with a standard of its own, per the same unit, is that standard's)
            before = [k for k in before if not _own_standard(r, k, i, per)]
            after = [k for k in after if not _own_standard(r, k, i, per)]
        before, after = [r.facts[k] for k in before], [r.facts[k] for k in after]
        found = before or after
        if found:
            totals = [f for f in found if _TOTAL.search(clean_label(f.label))]
            first = totals[0] if len(found) > 1 and totals else found[0]
            return [first, *(f for f in found if f is not first), *(f for f in after if f not in found)], \
                within == "sub"
    return [], False


def _own_standard(r: Reading, k: int, i: int, per: str) -> bool:
    """Another sub-sentence than that of the standard at node i holds the count at node k and a standard per `per`, and
    the standard's own sub-sentence names another group of the kind the count counts ("奖励扶助对象6,842人,按每人…;特别
    扶助对象按每人每年5,280元…": 对象 both, not the same) — not "公益林面积186,420.50亩,…每亩15.50元…;…公共管护支出每亩
    0.25元", the same acres at a second standard."""
    tree = r.tree
    if tree[k].sub == tree[i].sub or not any(
            j != i and r.facts[j] is not None and tree[j].kind == "labelled" and r.facts[j].kind in _STANDARD_KINDS
            and per_unit(r, r.facts[j]) == per for j in tree.unit("sub", k)):
        return False
    name = clean_label(r.facts[k].label)
    kind = name[-2:]
    if len(name) < 4 or not _KIND_NOUN.fullmatch(kind):
        return False
    first = tree.unit("sub", i)[0]
    said = r.norm.text[r.facts[first].span.start if r.facts[first] is not None and first != i
                       else max(0, r.facts[i].span.start - _LOOK):r.facts[i].span.start]
    return any(m.group() != name and not name.endswith(m.group()) for m in re.finditer(rf"[\u4e00-\u9fff]{{2,8}}{kind}", said))


_KIND_NOUN = lazyre.compile(r"[\u4e00-\u9fff]{2}")


def _is_count(r: Reading, k: int, per: str) -> bool:
    """A count of what the standard is per: written in that unit (1200户), or counted with 个
    and naming it right after ("832个行政村" for 每村)."""
    f = r.facts[k]
    if f is None or r.tree[k].kind not in {"labelled", "total"} or f.kind != "count" or f.is_bound:
        return False
    if "每" in clean_label(f.label):
        return False  # ("共开展培训4期,每期培训学员50名,每人培训费400元": a count per sitting is no count of them all)
    if _is_duration(r, f):
        return False
    if f.unit == per:
        return True
    if f.unit != "个" or per == "个":
        return False
    return any(noun is not None and noun.group().endswith(per)
               for noun in (_COUNTED_NOUN.match(r.norm.text, f.span.end), _COUNTED_NAME.match(r.norm.text, f.span.end)))


def _product(r: Reading, i: int, count: Fact) -> list[tuple[int, Fact]]:
    """The amounts the standard at node i may give, the likeliest first: those after it in
    its sentence (up to the next standard) whose label names money paid, else the one
    before the count in its sub-sentence."""
    tree = r.tree
    money, reckoned, separate = r.vocab.cue("product_label"), r.vocab.cue("product_reckoned"), r.vocab.cue("separate_amount")
    found: list[tuple[int, Fact]] = []
    host = bracket_host(r, i)
    last_end = r.facts[i].span.end  # (where the figure before the one looked at ends: the words between name it)
    for k in tree.after(i, "sentence", limit=_LOOK):
        if host is not None and tree[k].depth < tree[i].depth:
            break  # (a bracket after a figure describes that figure: what follows the bracket is none of its)
        f = r.facts[k]
        if f is None:
            continue
        between, last_end = r.norm.text[last_end:f.span.start], f.span.end
        if tree[k].kind not in {"labelled", "total"} or f.kind not in _STANDARD_KINDS or f.is_bound:
            continue
        if per_unit(r, f) is not None:
            break  # the next standard (also one read bare, "标准920元/生"): what follows is its product
        if f.kind != "amount":
            continue
        if any(tree[m].kind in OPENERS for m in range(i + 1, k)):
            break  # after 其中 come the parts of an amount, not the product
        if separate.search(f.label):
            break  # ("…按12个月计为1008万元,另支付意外伤害保险0.6万元": a payment besides the product, and what follows it)
        # (an amount the words right before it say is reckoned so, "按12个月计为1008万元", names no money: the product)
        if money.search(clean_label(f.label)) or tree[k].kind == "total" or not f.label or reckoned.fullmatch(between):
            found.append((k, f))
    if host is not None:
        # "干部报酬54,000.00元(3人,每人每月6,000.00元,共3个月),办公费…": the amount the bracket follows, else none —
        # but a bracket of what the figure holds ("货物类168.40万元(含台式计算机80台,每台0.55万元)") names one item
        # inside it, whose product, unwritten, is a part of the figure, not all of it
        f = r.facts[host]
        if found or r.vocab.cue("inclusion_bracket").search(
                r.norm.text, max(0, r.facts[i].span.start - _INCLUDED_REACH), r.facts[i].span.start):
            return found
        return [(host, f)] if f.kind == "amount" and not f.is_bound and per_unit(r, f) is None else []
    if not found:
        # (not a 共计 before the count: it sums the items before it — "…3.2万元;共计40.83万元,带动14户
        # 分红,每户可分得700元")
        for k in tree.before(i, "sub", limit=_LOOK):
            f = r.facts[k]
            if f is not None and tree[k].kind == "labelled" and f.kind == "amount" and not f.is_bound \
                    and f.span.start < count.span.start and money.search(clean_label(f.label)):
                found.append((k, f))
    return found
