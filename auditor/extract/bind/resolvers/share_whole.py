"""The whole a share is of, when the share does not write it out.

    "其中基本支出60万元,占60%"                  → its list's total (share_of_list_total)
    "基本支出60万元,占支出的60%"                → 支出, stated in the document (share_of_named_whole)
    "…资金818.40万元,占一般公共预算项目支出总额的100%" with only 项目支出 (of all funds) stated
                                                → those, as an upper bound (share_of_broader_whole)
    "因公出国(境)费7.8万元,占45.7%"             → the 三公经费 of the same year and funds
                                                  (share_of_family_total)
    "资金总规模64458.18万元,纳入…53043.61万元,占比82.29%" → the whole named right before the part
                                                  (share_of_whole_before)
    "…95.6亿元最多,占岁出总额32.0%,其次为…70.2亿元,占23.5%" → the whole the share before names
                                                  (share_of_sibling_whole)
    "岁出编列1668.61亿元,…支出编668.21亿元,占40.05%;…263.76亿元,占15.81%" → the amount the sentence opens with
                                                  (share_of_sentence_whole)
    "…占高校资助总额29.91%" after "…占2016年度高校资助总额的49.10%" read → the same figure
                                                  (share_of_same_named_whole)
    "2.教育支出18.60万元,占2.14%。⏎(1)培训支出(项)18.60万元,占本类支出的100.00%。" → the amount of the heading the
     numbered item stands under, its whole named 本类 / 该类 / 本单位 (share_of_heading_whole)
    "总支出1270.6万元。…(一)群众体育968.8万元,占总数的76.25%。…(二)竞技体育301.8万元,
     占总数的23.75%。"                             → the stated figure its siblings' parts make
                                                  (share_of_siblings_total)
    the same with no such figure stated, the shares adding to 100 % → the parts' sum (share_of_parts_sum)
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
import os
import re
from decimal import Decimal
from itertools import accumulate

from auditor import lazyre
from auditor.extract.bind.index import DocumentIndex, fact_scope, named_part, scope_of
from auditor.extract.bind.lists import ONE_COUNTED
from auditor.extract.bind.reasons import PART_NAMED_ABOVE
from auditor.extract.bind.resolvers.repeat import _HEADING_REACH, _heading
from auditor.load.base import lines_above
from auditor.extract.bind.resolvers.share import PART_NAMED, PART_NAMED_IN_SENTENCE, names_in_full
from auditor.extract.readings import LABEL_YEAR, clean_label, in_other_period_bracket, sentence_start
from auditor.extract.model import CHANGE_CONCEPTS, Breakdown, Fact, Share
from auditor.extract.numbering import YEAR_SAID, item_style, outline_depth
from auditor.extract.vocabulary import compatible_scenarios


def resolve(index: DocumentIndex, shares: list[Share], lists: list[Breakdown]) -> list[Share]:
    totals_of: dict[int, list[Fact]] = {}
    siblings_of: dict[tuple[int, int], tuple[Fact, ...]] = {}  # (part, total) → the other parts of that list
    for b in lists:
        if ONE_COUNTED in b.via:
            continue  # ("满意598份…;其中非常满意412份,…占全部有效问卷的64.38%": one part named under a count is no list whose
            # total a share's whole is — the share names its whole)
        for p in b.parts:
            totals_of.setdefault(p.id, []).append(b.total)
            siblings_of.setdefault((p.id, b.total.id), tuple(q for q in b.parts if q.id != p.id))
    # (a figure stated later as a part of a share is no whole of an earlier one: "…,占歲出14.7%。…國防歲出2889億元,
    # 占16.6%")
    shared = {s.part.id for s in shares if s.part is not None}
    # (the parts of shares of one whole named alike in one sentence are siblings, none the whole: "第一、二、三产业
    # 分别实现税收收入0.36亿元、7.82亿元和9.05亿元,分别占税收收入的2.1%、45.4%和52.5%")
    siblings: dict[tuple[str, int], set[int]] = {}
    for s in shares:
        if s.part is not None and s.whole is None:
            siblings.setdefault((s.whole_label, s.percent.sentence), set()).add(s.part.id)
    # (each part and the whole name its share says it is of: "基本支出694.01万元,占本年支出合计的59.66%")
    said_of = said_of_wholes(shares)
    # (the wholes shares state with their amounts, by name: "占本年支出合计3370.66万元的56.18%" names 3370.66)
    stated_wholes: dict[str, Fact] = {}
    for s in shares:
        if s.whole is not None and s.whole_label:
            stated_wholes.setdefault(whole_name(s.whole_label), s.whole)
    out = []
    for s in shares:
        if s.whole is not None:
            out.append(s.model_copy(update={"wholes": (s.whole,)}))
        elif s.part is None or s.whole_of_parts:
            out.append(s)  # (no part, or a whole its resolver found to be the sum of parts: nothing to look up)
        else:
            own = totals_of.get(s.part.id, [])
            wholes, reason = _whole_for(index, s, own, said_of, stated_wholes,
                                        siblings_of.get((s.part.id, own[0].id), ()) if own else (),
                                        _top_total(own[0], totals_of) if own else None)
            if wholes and _increase_of_levels(index, s, wholes):
                continue  # (a share of increases, not of the levels: "…增加14.49亿元,固定资产增加额占资产总额增加额的30.8%")
            if reason in ("share_of_named_whole", "share_of_broader_whole", "share_of_whole_named_otherwise"):
                # (… when stated after the share: a part of a later list — none left, the whole is not stated)
                wholes = [w for w in wholes if w.id not in shared or w.span.start < s.percent.span.start]
                wholes = [w for w in wholes if w.id not in siblings.get((s.whole_label, s.percent.sentence), ())]
                # (a whole of another entity than the one the share names: "中央企业境外资产总额8.96万亿元,占中央企业资产总额
                # 的10.3%" is not of the "中央金融企业资产总额276.41万亿元" of the sentence before — cue entity)
                wholes = [w for w in wholes if not _other_entity(index, s.whole_label, w)]
                # (the part said again is no whole of a share below 100 %: "授予中小企业3,376.92万元,占预留份额采购项目预算
                # 总额的80.21%;…(含预留份额采购项目3,376.92万元)")
                if s.percent.value < 100:
                    wholes = [w for w in wholes if w.value != s.part.value]
                if reason == "share_of_named_whole" \
                        and _each_units_own(s, wholes, index.text, index.vocab.cue("unit_paragraph_head")):
                    wholes = []
            if reason == "share_of_whole_before":
                # (a sibling of a parallel list of bare shares is no whole of the next: "中央…资产总额285.4万亿元,占60.4%;地方
                # …186.9万亿元,占39.6%" — both of the whole stated before them)
                wholes = [w for w in wholes if w.id not in siblings.get((s.whole_label, s.percent.sentence), ())]
            if (PART_NAMED in s.via or PART_NAMED_IN_SENTENCE in s.via and own) and reason != "share_of_list_total" \
                    and not _wider_total(index, s.part, wholes, totals_of.get(s.part.id, [])):
                continue  # (a part named is of the list it stands in, or the name is another figure's)
            if PART_NAMED_ABOVE in s.via and not (wholes and all(_named_so(w, s.whole_label, index.vocab.cue("this_year")) for w in wholes)):
                # (a part looked up before its paragraph: only a whole named as the share names it — "人员经费占一般公共预算
                # 财政拨款支出的59.36%" is no share of the 一般公共预算财政拨款基本支出 its list hangs from)
                continue
            out.append(s.model_copy(update={"wholes": tuple(wholes), "reason": reason or s.reason}))
    out = _heading_whole(index, _scoped_whole(index, out, totals_of))
    return _totals_whole(_parts_sum(_sentence_whole(index, _siblings_total(index, _sibling_whole(
        _same_named_whole(index, out), index.text)))))


def _stretch(index: DocumentIndex, fact: Fact) -> tuple[str, str] | None:
    """The kind of stretch of a year a figure is of (cue stretch_kind: "month" — 9月份, 十二月份, 当月 —, "quarter" — 三季度
    —, "half" — 下半年 —, "cumulative" — 1-9月, 前11个月, 上半年, 累计 — or "year" — 2023年 said alone, 全年) and its words: the last such word before it in its sentence, else
    on its line, else in the heading above it ("二、1-9月累计").  Found once a figure (kept on the index)."""
    kept: dict[int, tuple[str, str] | None] = index.memo("_stretch", dict)
    if fact.id not in kept:
        text, at, cue = index.text, fact.span.start, index.vocab.cue("stretch_kind")
        found = None
        for start in (sentence_start(text, at), text.rfind("\n", 0, at) + 1):
            kinds = [(m.lastgroup, m.group()) for m in cue.finditer(text, start, at)]
            if kinds:
                found = kinds[-1]
                break
        else:
            found = _stretch_heading(text, at, cue)
        kept[fact.id] = found
    return kept[fact.id]


def _stretch_heading(text: str, at: int, cue) -> str | None:
    """The stretch a heading line above offset `at` names, within a few lines: a short line of no sentence whose only
    figures are its number, its year and the stretch itself ("一、9月份", "二、1-9月累计", "(一)1-5月累计情况")."""
    for _, line in lines_above(text, at, _HEADING_REACH):
        line = line.strip()
        if not line or len(line) > 30 or "。" in line:
            continue
        kinds = [(m.lastgroup, m.group()) for m in cue.finditer(line)]
        if kinds and not _FIGURE.search(cue.sub("", _OUTLINE.sub("", YEAR_SAID.sub("", line)))):
            return kinds[-1]
    return None


_FIGURE = lazyre.compile(r"\d")


def _other_stretch(index: DocumentIndex, part: Fact, whole: Fact) -> bool:
    """Part and whole are of two kinds of stretch, each said: one month's and the months so far ("5月份,即开型彩票销售
    76.34亿元" and "1-5月累计,全国共销售彩票2384.65亿元") — no whole of that share."""
    a = _stretch(index, part)
    b = _stretch(index, whole) if a else None
    if a is None or b is None or a[0] == b[0]:
        return False
    if {a[0], b[0]} == {"year", "cumulative"}:
        # (the months so far are the year's only when they end in December — "1-12月", "1至12月" —; "累计", "今年以来"
        # say not where they end: only months said short of the year are another stretch ("前11个月", "一季度"); and
        # "今年以来" is this year's, never the figure of a year said by its number — "2022年,全省彩票总销售480.36亿元。
        # 今年以来,…累计销售98.26亿元,约占总销售27.41%" is no share of 2022's total)
        so_far, year = (a[1], b[1]) if a[0] == "cumulative" else (b[1], a[1])
        cumulative = part if a[0] == "cumulative" else whole
        if _YEAR_NUMBER.search(year) and _THIS_YEAR_SO_FAR.search(
                index.text, sentence_start(index.text, cumulative.span.start), cumulative.span.start):
            return True  # (said before a 累计 too: "今年以来,…,累计销售98.26亿元")
        return bool(_PART_OF_YEAR.search(so_far)) and not _TO_DECEMBER.search(so_far)
    return True


_PART_OF_YEAR = lazyre.compile(r"上半年|前\s*[一二三1-3]\s*季度|[一1]\s*季度|前\s*\S{1,2}\s*个月|\d\s*月|[一二三四五六七八九十]\s*月")
_TO_DECEMBER = lazyre.compile(r"[-—–~至到]\s*(?:12|十二)\s*月")
_THIS_YEAR_SO_FAR = lazyre.compile(r"(?:今年|本年)以来")
_YEAR_NUMBER = lazyre.compile(r"(?:19|20)\d{2}")


def _other_entity(index: DocumentIndex, whole_label: str, whole: Fact) -> bool:
    """The whole a share names is of one entity ("中央企业资产总额") and the figure of another ("中央金融企业资产总额"):
    the figure's label names an entity of its own (cue entity: a group ending in 企业, 部门, 局…) and not the one the
    share names — two groups' figures, not one ("全区实现地区生产总值" still holds the 地区 of "地区生产总值")."""
    entity = index.vocab.cue("entity")
    label = clean_label(whole.label)
    named, said = entity.search(clean_label(whole_label)), entity.search(label)
    return bool(named and said and named.group(1) not in label)


def _increase_of_levels(index: DocumentIndex, share: Share, wholes: list[Fact]) -> bool:
    """The share names its whole as a change (资产总额增加额, 支出增量: cue change_named) but its part is a level, no change:
    the share is of the part's increase in the whole's ("固定资产312.64亿元,较上年末增加14.49亿元,…,固定资产增加额占资产
    总额增加额的30.8%" is 14.49 / 47.11) — not of the levels `wholes` found by name."""
    changed = index.vocab.cue("change_named")
    part = share.part
    return bool(share.whole_label and changed.search(clean_label(share.whole_label))) \
        and part.concept not in CHANGE_CONCEPTS and not changed.search(clean_label(part.label)) \
        and all(w.concept not in CHANGE_CONCEPTS and not changed.search(clean_label(w.label)) for w in wholes)


def _area_of(index: DocumentIndex, label: str) -> str | None:
    """The area a label opens with, after its period words (cue area_scope: country, province, city, county)."""
    m = index.vocab.cue("area_scope").match(index.vocab.cue("period_prefix").sub("", clean_label(label)))
    return m.lastgroup if m else None


def _other_flow(index: DocumentIndex, whole_label: str, total_label: str) -> bool:
    """The whole names money received (cue whole_received) and the list's total money spent (flow_out), the one naming
    nothing of the other's side: two flows, not one total under two names."""
    received, spent = index.vocab.cue("whole_received"), index.vocab.cue("flow_out")
    total = clean_label(total_label)
    return bool(received.search(whole_label) and not spent.search(whole_label)
                and spent.search(total) and not received.search(total))


def _other_aggregate(index: DocumentIndex, whole_label: str, total_label: str) -> bool:
    """The whole and the list's total name two public-finance aggregates (cue finance_aggregate: 地方财政收入 and
    公共财政预算收入), not one under two names."""
    cue = index.vocab.cue("finance_aggregate")
    named, own = cue.search(whole_label), cue.search(clean_label(total_label))
    return named is not None and own is not None and named.lastgroup != own.lastgroup


def _other_area(index: DocumentIndex, whole_label: str, total_label: str) -> bool:
    """The whole a share names opens with an area (全国) other than the one its part's list total opens with (本省)."""
    named, own = _area_of(index, whole_label), _area_of(index, total_label)
    return named is not None and own is not None and named != own


def _level_of(index: DocumentIndex, fact: Fact) -> str | None:
    """The level a figure's sentence names before it, else the heading above it (cue level_scope: 全市, 市本级, 县级):
    "二、市本级财政收支 ⏎ 一般公共预算收入42.3亿元" is the city's own level's."""
    text = index.text
    opened = max(text.rfind(mark, 0, fact.span.start) for mark in "。\n") + 1
    found = index.vocab.cue("level_scope").findall(text, opened, fact.span.start)
    if not found:
        heading = _heading(text, fact.span.start)
        found = index.vocab.cue("level_scope").findall(heading) if heading else []
    return found[-1] if found else None


def _other_level(index: DocumentIndex, whole_label: str, total: Fact) -> bool:
    """The whole a share names opens with an area (占全市税收收入的) and its part's list total is of another level, said in
    its sentence or heading ("二、市本级财政收支"): the city's own level's total is no whole of the whole city's."""
    m = index.vocab.cue("area_scope").match(index.vocab.cue("period_prefix").sub("", clean_label(whole_label)))
    if m is None:
        return False
    level = _level_of(index, total)
    return level is not None and level != m.group() and m.group().startswith("全")


def _heading_area(index: DocumentIndex, fact: Fact) -> str | None:
    """The area the heading above a figure names ("一、全市财政收支"), its numbering off (cue area_scope)."""
    heading = _heading(index.text, fact.span.start)
    if not heading:
        return None
    m = index.vocab.cue("area_scope").match(_OUTLINE.sub("", heading))
    return m.lastgroup if m else None


_OUTLINE = lazyre.compile(r"^\s*(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.．])\s*")
# what the name of a scoped whole may say besides its area and quantity: the same stretch of time as the part's
_SAME_STRETCH = lazyre.compile(r"^(?:当月|当期|同期|同月|当季|同级)")
_WHOLE_YEAR = lazyre.compile(r"^(?:全年度?|全年|年度)")
# a name that says only which quantity it is, no kind: the part's own quantity
_BARE_QUANTITY = lazyre.compile(r"^(?:的)?(?:销量|销售额?|销售量|收入|支出|总额|总量|规模)?$")
_LEADING_SUM = lazyre.compile(r"^(?:累计|共计|合计|总计|共|总)")


def _scoped_whole(index: DocumentIndex, shares: list[Share], totals_of: dict[int, list[Fact]]) -> list[Share]:
    """占 X 的 p% where X names a wider area ("占全国的", "占全省当月的", "占全国福利彩票销量的") or a year ("占2023年
    全年收入的"), no whole found: the one amount stated before the share of that area (its label's, or its list total's)
    and that stretch of time — the part's own months for an area, the whole year named for a year — and of the part's
    quantity, or of the kind the name gives (福利彩票).  One value or none: found by looking through the document, so
    at most a warning."""
    out = list(shares)
    text = index.text
    for n, s in enumerate(shares):
        if s.wholes or s.whole is not None or s.part is None or s.whole_of_parts or s.part.kind != "amount" \
                or not s.whole_label or s.percent.value >= 100 or s.percent.value <= 0:
            continue
        name = _RATIO_TAIL.sub("", s.whole_label) or s.whole_label
        year = YEAR_SAID.match(name)
        rest = name[year.end():] if year else name
        area = index.vocab.cue("area_scope").match(rest)
        if area is None and year is None:
            continue
        rest = rest[area.end():] if area else rest
        whole_year = bool(_WHOLE_YEAR.match(rest))
        rest = _WHOLE_YEAR.sub("", _SAME_STRETCH.sub("", rest))
        if year and not whole_year and not area:
            continue  # ("占2023年收入的": which stretch of that year is not said)
        part = s.part
        part_area, part_rest = _area_and_rest(index, part.label)
        if area is not None and part_area == area.lastgroup:
            continue  # (the part's own area: its list's total, not a wider figure)
        part_year, part_months = _year_said(text, part.span.start), _months_said(index, text, part.span.start)
        found = []
        for f in index.amounts_between(part.value, part.value * 1000):
            if f.id == part.id or f.unit != part.unit or f.span.end > s.percent.span.start or f.value <= part.value:
                continue
            f_area, f_rest = _area_and_rest(index, f.label)
            # (a part of a list names what its total does not say again: "全省…收入3406.92亿元,其中9月份318.47亿元")
            for t in totals_of.get(f.id, ())[:1]:
                t_area, t_rest = _area_and_rest(index, t.label)
                f_area, f_rest = f_area or t_area, f_rest or t_rest
            if f_area is None and area is not None:
                f_area = _heading_area(index, f)  # ("一、全市财政收支 ⏎ …其中税收收入85.6亿元": the heading's area)
            if area is not None and f_area != area.lastgroup:
                continue
            if area is None and f_area != part_area:
                continue
            if year:
                if _year_said(text, f.span.start) != year.group(1) or _months_said(index, text, f.span.start):
                    continue
            elif _months_said(index, text, f.span.start) != part_months or _year_said(text, f.span.start) != part_year:
                continue
            if not _same_quantity(index, rest, part_rest, f_rest):
                continue
            found.append(f)
        if len({f.value for f in found}) == 1:
            out[n] = s.model_copy(update={"wholes": (max(found, key=lambda f: f.span.start),),
                                          "reason": "share_of_scoped_whole"})
    return out


def _area_and_rest(index: DocumentIndex, label: str) -> tuple[str | None, str]:
    """The area a label opens with (after its period words) and what it names after it, sums' words (累计, 共) off."""
    clean = index.vocab.cue("period_prefix").sub("", clean_label(label))
    m = index.vocab.cue("area_scope").match(clean)
    rest = clean[m.end():] if m else clean
    return (m.lastgroup if m else None), _LEADING_SUM.sub("", index.vocab.cue("period_prefix").sub("", rest))


def _same_quantity(index: DocumentIndex, named: str, part_rest: str, whole_rest: str) -> bool:
    """The whole's name after its area and time says a kind (福利彩票销量): the figure's name opens with the same words
    for two characters or more, and what each says after them is of one flow (cue quantity_kind: 销售 and 销量, not
    收入 and 支出 — "占全县一般公共预算支出的" is no share of 一般公共预算收入总计); says none (占全国的, 占全国当月销量的): the
    figure names the part's quantity, one name holding the other."""
    if not _BARE_QUANTITY.match(named):
        shared = len(os.path.commonprefix([named, whole_rest]))
        if shared < 2:
            return False
        kind = index.vocab.cue("quantity_kind")
        a, b = kind.search(named[shared:]), kind.search(whole_rest[shared:])
        return a is None or b is None or a.lastgroup == b.lastgroup
    if not part_rest or not whole_rest:
        return False
    return part_rest in whole_rest or whole_rest in part_rest


def _year_said(text: str, at: int) -> str | None:
    """The year the figure's sentence names last before it, if any."""
    start = max(text.rfind(mark, 0, at) for mark in "。\n") + 1
    found = YEAR_SAID.findall(text, start, at)
    return found[-1] if found else None


def _months_said(index: DocumentIndex, text: str, at: int) -> str:
    """The part of a year the figure's sentence names last before it ("1—6月", "6月份", "前三季度"), or ""."""
    start = max(text.rfind(mark, 0, at) for mark in "。\n") + 1
    found = index.vocab.cue("stretch_of_year").findall(text, start, at)
    if not found:  # (said once for the paragraph: "1—6月,本省…。全省体育彩票销售128.27亿元,占全国体育彩票销量的6.3%")
        found = index.vocab.cue("stretch_of_year").findall(text, text.rfind("\n", 0, at) + 1, at)
    said = re.sub(r"\s|份|第", "", found[-1]) if found else ""
    return "" if said == "全年" else said


def _each_units_own(share: Share, wholes: list[Fact], text: str, units_own) -> bool:
    """The name the share gives its whole is stated with several values, each in a unit's own paragraph (opened by its
    number and name: cue unit_paragraph_head) and none in the share's ("（一）局机关:…项目支出1,637,783.19元。 ⏎
    （二）…站:…项目支出1,542,988.08元。 ⏎ …本部门…占项目支出预算的80.56%": each unit's own, the department's whole not
    among them): no one of them is the whole named — unless one of them makes the share."""
    values = {w.value for w in wholes}
    windows = [w.window for w in wholes]
    return len(values) > 1 and len(set(windows)) == len(windows) and share.percent.window not in windows \
        and not any(w.in_table for w in wholes) and not any(_share_of(share, w) for w in wholes) \
        and all(units_own.match(text, _line_start(text, w.span.start)) for w in wholes) \
        and not units_own.match(text, _line_start(text, share.percent.span.start))


def _line_start(text: str, at: int) -> int:
    return text.rfind("\n", 0, at) + 1



def _named_so(whole: Fact, whole_label: str, this_year=None) -> bool:
    """The whole's own name holds the name the share gives it (its 合计 / 总额 words aside) — the year's word it opens
    with said by another word for the report's own year ("占当年总支出的5.44%" of "本年度总支出39,330,398.99元"; cue
    this_year: the whole's name says such a word too, before the rest)."""
    named = whole_name(whole_label)
    label = _TOTAL_WORDS.sub("", clean_label(whole.label))
    if bool(named) and named in label:
        return True
    year = this_year.match(named) if this_year is not None and named else None
    rest = named[year.end():] if year else ""
    if len(rest) < 2:
        return False
    return any(rest in label[m.end():] for m in this_year.finditer(label))


def _wider_total(index: DocumentIndex, part: Fact, wholes: list[Fact], own: list[Fact]) -> bool:
    """The whole found by name is another total of the family the part's list totals ("本年支出合计…,其中基本支出…。从支出
    总计的构成看,基本支出占82.04%": 支出总计, holding 本年支出合计 and what is carried on): the part named is that list's
    part, of the wider whole too — not another figure of the same name (the 基本支出 of 财政拨款)."""
    if not wholes or not own or not part.concept:
        return False
    return any(part.concept in fam.members and own[0].concept in fam.totals and all(w.concept in fam.totals for w in wholes)
               for fam in index.vocab.families.values())


def _share_within(share: Share, low_whole: Decimal, high_whole: Decimal) -> bool:
    """The share's percentage is its part over a whole between the two bounds, within the rounding of part and share."""
    low = (share.part.value - share.part.tolerance) / high_whole * 100
    high = (share.part.value + share.part.tolerance) / low_whole * 100
    return low - share.percent.tolerance <= share.percent.value <= high + share.percent.tolerance


def _share_of(share: Share, whole: Fact) -> bool:
    """The share's percentage is its part over `whole`, within the rounding of the three."""
    if whole.value <= 0 or share.part.unit != whole.unit:
        return False
    return _share_within(share, whole.value - whole.tolerance, whole.value + whole.tolerance)


def _share_of_implied(share: Share, own: Share) -> bool:
    """The share is its part over the whole `own` implies and does not state (own's part over own's percentage:
    "民生支出710874万元,占比67.0%" implies a whole of 1,060,215 to 1,061,806)."""
    total, p = own.part, own.percent
    if p.value - p.tolerance <= 0 or total.unit != share.part.unit:
        return False
    return _share_within(share, (total.value - total.tolerance) * 100 / (p.value + p.tolerance),
                         (total.value + total.tolerance) * 100 / (p.value - p.tolerance))


def _totals_whole(shares: list[Share]) -> list[Share]:
    """"民生支出386018万元,占比64.00%。——教育支出107162万元,占17.77%;——社会保障和就业支出97556万元,占16.17%;…": bare
    shares of a list's parts that add up to the share the list's total states of its own are of that share's whole
    (stated or not), not of the list's total."""
    of_part = {s.part.id: s for s in shares if s.part is not None}
    groups: dict[int, list[int]] = {}
    for n, s in enumerate(shares):
        if s.reason in ("share_of_list_total", "share_of_siblings_total") and s.wholes and not s.whole_label:
            groups.setdefault(s.wholes[0].id, []).append(n)
    out = list(shares)
    for total_id, members in groups.items():
        own = of_part.get(total_id)
        if own is None or own.percent.value >= 100:
            continue
        percents = [shares[n].percent for n in members]
        slack = sum((p.tolerance for p in percents), own.percent.tolerance)
        # (… or, that whole stated, they are shares of it — all of them but one, when there are three or more: the one
        # left is a slip, read as such; "民生支出710874万元,占比67.0%,其中教育支出106297万元,占10.0%": of the 一般公共预算支出
        # the 67.0% is of)
        held = sum(1 for n in members if len(own.wholes) == 1 and _share_of(shares[n], own.wholes[0])
                   or not own.wholes and _share_of_implied(shares[n], own))
        adds_up = len(members) >= 2 and abs(sum(p.value for p in percents) - own.percent.value) <= slack
        if not adds_up and held < (len(members) - 1 if len(members) >= 3 else len(members)):
            continue
        for n in members:
            out[n] = shares[n].model_copy(update={"wholes": own.wholes, "reason": "share_of_the_totals_whole"})
    return out


_YEAR = lazyre.compile(r"^(?:19|20)\d{2}年度?")
_FUND_WORDS = lazyre.compile(r"一般公共预算|政府性基金预算|国有资本经营预算|社会保险基金预算")
_RATIO_TAIL = lazyre.compile(r"(?<=[\u4e00-\u9fff])(?:之?(?:比率|比重|比例)(?:则|亦|也)?(?:为|是|达)?|之)$")
_TOTAL_WORDS = lazyre.compile(r"(?:总额|总数|总量|总计|合计)$")  # "占总数的", "占支出总额的": no other name
# (… nor 总 before the flow: "占医疗救助总支出的" names its list's total "全年医疗救助资金支出")
_TOTAL_BEFORE_FLOW = lazyre.compile(r"(?<=[\u4e00-\u9fff]{2})总(?=(?:支出|收入)$)")  # (not "总收入" alone: no name left)
# the widest rounding a whole of sibling shares may have (an integer in 亿元): how far it may lie from
# their sum — the document's own widest rounding when that is narrower
_WIDEST_ROUNDING = Decimal(10) ** 8 / 2


def _same_named_whole(index: DocumentIndex, shares: list[Share]) -> list[Share]:
    """"佔2016年度高校資助總額的比例為49.10%" read as of 955.84億元; "占高校资助总额29.91%" in the same
    paragraph (or one of the next two: a page may set each sentence on a line of its own) names the same
    whole in the same words: it is of that figure too (at most a warning, as the first reading's whole
    was itself found by its name) — unless the two are of other stretches of the year ("当月…占国有企业利润总额的69.7%"
    and "累计…占国有企业利润总额的70.0%": the month's whole and the months' so far)."""
    found: dict[str, list[tuple[int, tuple[Fact, ...]]]] = {}  # name → (window, wholes), in text order
    for s in shares:
        name = _YEAR.sub("", s.whole_label)
        if s.wholes and len(s.wholes) == 1 and len(name) >= 3 and s.whole is None:
            found.setdefault(name, []).append((s.percent.window, s.wholes))
    if not found:
        return shares
    out = []
    for s in shares:
        window = s.percent.window
        wholes = next((w for at, w in reversed(found.get(_YEAR.sub("", s.whole_label), ()))
                       if window - _SAME_NAME_WINDOWS <= at <= window), None)
        if not s.wholes and s.part is not None and wholes is not None and s.part.id != wholes[0].id \
                and not _other_years(s.part, wholes[0]) and not _other_stretch(index, s.part, wholes[0]) \
                and not _under_another_heading(index, s, wholes[0]):
            s = s.model_copy(update={"wholes": wholes, "reason": "share_of_same_named_whole"})
        out.append(s)
    return out


_SAME_NAME_WINDOWS = 2


# a line's outline marker: 一、 (一) 1. 1、 (1) ① — or 1), which numbers a list of its own style, its depth not known
_ITEM_MARKER = lazyre.compile(r"[ \t]*(?:[一二三四五六七八九十]{1,3}[、.．]|\([一二三四五六七八九十\d]{1,2}\)|\d{1,2}[、.．)](?!\d)|"
                              r"[\u2460-\u2473])")
_HEADING_LINES = 12  # lines back from a numbered item to the heading it stands under
_DIGIT = lazyre.compile(r"\d")


def _item_heading(index: DocumentIndex, part: Fact) -> tuple[int, int] | None:
    """The heading line a numbered item's amount stands under, as (start, end) offsets: the nearest line above,
    within a few lines, opening with a marker of a shallower depth than the item's ("2.教育支出18.60万元,占2.14%。" over
    "(1)培训支出(项)18.60万元"; "(二)文化旅游体育与传媒支出(类)…" over "1.文化活动(项)…"), past the item's siblings
    (markers of its style) and the deeper items under them.  None when the part is not the first figure of a line
    opening with a marker, or no such heading is found (a marker of unknown depth, 1), has for heading a line of a
    known depth only)."""
    kept: dict[int, tuple[int, int] | None] = index.memo("_item_heading", dict)
    if part.id in kept:
        return kept[part.id]
    text, at = index.text, part.span.start
    start = text.rfind("\n", 0, at) + 1
    found = None
    own = _ITEM_MARKER.match(text, start, at)
    if own is not None and not _DIGIT.search(text, own.end(), at):
        marker = own.group().strip()
        style, depth = item_style(marker), outline_depth(marker)
        end = start - 1
        for _ in range(_HEADING_LINES):
            if end < 0:
                break
            line_start = text.rfind("\n", 0, end) + 1
            m = _ITEM_MARKER.match(text, line_start, end)
            if m is not None:
                other = m.group().strip()
                other_depth = outline_depth(other)
                if item_style(other) != style:
                    if other_depth is not None and (depth is None or other_depth < depth):
                        found = (line_start, end)
                        break
                    if other_depth is None or depth is None:
                        break  # (a marker whose place in the outline is not known: no heading read past it)
            end = line_start - 1
    kept[part.id] = found
    return found


def _heading_amount(index: DocumentIndex, part: Fact, heading: tuple[int, int]) -> Fact | None:
    """The first amount of a heading line, in the part's unit, if it is the line's first figure after its marker."""
    starts = index.memo("_amount_starts", lambda: sorted((f.span.start, n) for n, f in enumerate(index.facts)
                                                         if f.kind == "amount"))
    n = bisect_left(starts, (heading[0], -1))
    if n == len(starts) or starts[n][0] >= heading[1]:
        return None
    first = index.facts[starts[n][1]]
    marker = _ITEM_MARKER.match(index.text, heading[0], heading[1])
    if first.unit != part.unit or first.id == part.id or marker is None \
            or _DIGIT.search(index.text, marker.end(), first.span.start):
        return None
    return first


def _heading_whole(index: DocumentIndex, shares: list[Share]) -> list[Share]:
    """"2.教育支出18.60万元,占2.14%。⏎(1)培训支出(项)18.60万元,占本类支出的100.00%。": a numbered item's share of a whole
    named by 本类 / 该类 / 本款 / 本单位 (cue this_heading_whole), no list read (the heading has one item), is of the amount
    its heading line opens with — the class, the unit the item stands under — not the 本类 a share of another class was
    of.  Read across lines, so at most a warning."""
    cue = index.vocab.cue("this_heading_whole")
    out = list(shares)
    for n, s in enumerate(shares):
        if s.wholes or s.whole is not None or s.part is None or s.whole_of_parts or not cue.match(s.whole_label):
            continue
        heading = _item_heading(index, s.part)
        whole = _heading_amount(index, s.part, heading) if heading is not None else None
        if whole is not None and not _unit_whole_not_heading(index, s.whole_label, heading, whole):
            out[n] = s.model_copy(update={"wholes": (whole,), "reason": "share_of_heading_whole"})
    return out


def _unit_whole_not_heading(index: DocumentIndex, label: str, heading: tuple[int, int], whole: Fact) -> bool:
    """A whole named 本单位 / 本部门 (cue this_heading_unit) under a heading that names no unit (cue heading_names_unit:
    单位, 局, 中心, 院…) or names a class, item or subject (cue heading_of_subject: (类), (款), (项)): the unit's whole,
    not the heading's amount ("(一)一般公共服务支出(类)752.30万元。⏎1.行政运行(项)752.30万元,占本单位支出的30.09%")."""
    if not index.vocab.cue("this_heading_unit").match(label):
        return False
    name = index.text[heading[0]:whole.span.start]
    return not index.vocab.cue("heading_names_unit").search(name) or bool(index.vocab.cue("heading_of_subject").search(name))


def _under_another_heading(index: DocumentIndex, share: Share, whole: Fact) -> bool:
    """A whole named 本类 / 该类 / 本单位 (cue this_heading_whole) by a numbered item under a heading that stands after the
    whole another share of those words was of: the item's class or unit is another ("1.一般公共服务支出752.30万元…(2)…占本类
    支出的28.20%。⏎2.教育支出…⏎(1)培训支出18.60万元,占本类支出的100.00%" is not of 752.30)."""
    if not index.vocab.cue("this_heading_whole").match(share.whole_label):
        return False
    heading = _item_heading(index, share.part)
    return heading is not None and whole.span.start < heading[0]


def _other_years(part: Fact, whole: Fact) -> bool:
    """Two years named ("2021年1,376.5亿元,占地区生产总值的2.75%" and the 2023 GDP): not the part's whole."""
    return bool(part.period and whole.period and part.period.isdigit() and whole.period.isdigit()
                and part.period != whole.period)


def _sibling_whole(shares: list[Share], text: str = "") -> list[Share]:
    """"以教育科学文化支出95.6亿元最多,占岁出总额32.0%,其次为社会福利支出70.2亿元,占23.5%": a bare 占 p%
    after a share of its sentence that names its whole (and found it) is of that whole too.  The
    whole is not named again, so at most a warning."""
    out = list(shares)
    named: dict[int, Share] = {}  # sentence → the last share naming its whole
    for n, s in enumerate(shares):
        if s.part is None:
            continue
        sentence = s.percent.sentence
        # (of several candidates of the name — "资产总额" of the province, its 省本级 and 市县级 —, the one alone it holds
        # of: "流动资产2,846.21亿元,占资产总额的22.5%;固定资产3,912.57亿元,占30.9%" is of the province's 12,645.38)
        held = [w for w in s.wholes if _share_of(s, w)] if len(s.wholes) > 1 and s.part is not None else []
        if len(held) == 1 and not _names_no_whole(s.whole_label):
            s = s.model_copy(update={"wholes": tuple(held)})
        if s.wholes and len(s.wholes) == 1 and not _names_no_whole(s.whole_label):
            named[sentence] = s
        elif not s.wholes and _names_no_whole(s.whole_label) and sentence in named:
            before = named[sentence]
            # (… not a share of another year's in its bracket: "…占…68384万元的18.7%,比2015年(非税收入14555万元,
            # 一般公共预算收入50386万元,占比28.9%)" — that year's figures)
            if before.part is not None and before.part.unit == s.part.unit and before.part.id != s.part.id \
                    and s.part.value < before.wholes[0].value \
                    and not (text and in_other_period_bracket(text, s.percent.span.start)):
                out[n] = s.model_copy(update={"wholes": before.wholes, "reason": "share_of_sibling_whole"})
    return out


def _siblings_total(index: DocumentIndex, shares: list[Share]) -> list[Share]:
    """Shares "占总数的p%" (or a bare "占比p%") with no whole found, two or more of one such
    whole: their parts together make the whole when a figure stated before them is their sum
    (the siblings are then all of it, and each share is of that figure).  The siblings are a
    run of consecutive such shares, the longest that adds up: "纳入方案资金53043.61万元,
    占比82.29%,…其中,产业发展26602万元,占比50.15%,基础设施建设26441.61万元,占比49.85%"
    (the first share is of another whole).  Found by looking through the document, so at
    most a warning."""
    out = list(shares)
    ceiling_at = None  # (the amounts by where they end, with the largest so far: sorted once, for every group)
    for members in _sibling_groups(shares, _unplaced):
        parts = [shares[n].part for n in members]
        # (each run's sum from running sums: a run is tried in constant time, not by adding it up)
        values = list(accumulate((p.value for p in parts), initial=Decimal(0)))
        slacks = list(accumulate((p.tolerance for p in parts), initial=Decimal(0)))
        repeated = len({p.id for p in parts}) < len(parts)
        # (the largest amount stated before each part: a run adding to more has no whole stated before
        # it, and is passed over without a look-up — the runs are many, the wholes few)
        ceiling_at = ceiling_at or _ceilings(index)
        ceilings = _largest_before(ceiling_at, [p.span.start for p in parts])
        widest = min(index.widest_amount_rounding, _WIDEST_ROUNDING)
        taken: set[int] = set()
        for start, stop in _runs_below(values, slacks, [c + widest for c in ceilings]):
            total, slack = values[stop] - values[start], slacks[stop] - slacks[start]
            run = members[start:stop]
            if taken.intersection(run):
                continue
            run_parts = parts[start:stop]
            if repeated and len({p.id for p in run_parts}) < len(run):
                continue
            whole = _stated_sum(index, run_parts, total, slack)
            if whole is None:
                continue
            taken.update(run)
            for n in run:
                out[n] = shares[n].model_copy(update={"wholes": (whole,), "reason": "share_of_siblings_total"})
    return out


def _parts_sum(shares: list[Share]) -> list[Share]:
    """Shares "占总数的p%" (or of a whole they name, "占歲出總額83.4％") of amounts, no whole found
    anywhere, that add to 100 % (a run of consecutive such shares): the parts are all of the
    whole, which is their sum —
    "(一)群众体育205.875万元,占总数的74.17%。…(二)竞技体育71.70万元,占总数的25.83%。" """
    out = list(shares)
    # (占总数的 / a bare 占比, or a whole named — "占歲出總額83.4％" — but found nowhere; or a bare share given the total of
    # its part's family, a reading the vocabulary infers where this one is the text's own structure: "基本支出合计
    # 3,589.32万元(占64.6%),项目支出1,963.08万元(占35.4%)" are shares of the two together, not of a 支出 of one item
    # stated lines below)
    for members in _sibling_groups(shares, lambda s: (not s.wholes or s.reason == "share_of_family_total")
                                   and s.part is not None and s.part.kind == "amount"):
        percents = [shares[n].percent for n in members]
        # (each run tried in constant time from running sums, as in _siblings_total: its percentages'
        # sum and rounding, the bounds among them, the gaps too wide for siblings)
        values = list(accumulate((p.value for p in percents), initial=Decimal(0)))
        slacks = list(accumulate((p.tolerance for p in percents), initial=Decimal(0)))
        bounds = list(accumulate((int(p.is_bound) for p in percents), initial=0))
        gaps = list(accumulate((int(shares[b].part.span.start - shares[a].part.span.end > _NEAR)
                                for a, b in zip(members, members[1:])), initial=0))
        repeated = len({shares[n].part.id for n in members}) < len(members)
        taken: set[int] = set()
        for start, stop in _runs_below(values, slacks, [Decimal(100)] * len(members)):
            if abs(values[stop] - values[start] - 100) > slacks[stop] - slacks[start]:
                continue  # (the shares add to 100 % within their rounding: the cheap test first)
            if gaps[stop - 1] - gaps[start] or bounds[stop] - bounds[start]:
                continue  # (siblings stand near each other, not in two sections; no bound among them)
            run = members[start:stop]
            if taken.intersection(run) or (repeated and len({shares[n].part.id for n in run}) < len(run)):
                continue
            taken.update(run)
            parts = tuple(shares[n].part for n in run)
            for n in run:
                out[n] = shares[n].model_copy(update={"wholes": (), "whole_of_parts": parts, "reason": "share_of_parts_sum"})
    return out


def _sibling_groups(shares: list[Share], keep) -> list[list[int]]:
    """The indices of the shares `keep` takes, grouped by the whole they name and their parts'
    unit, each group in text order."""
    groups: dict[tuple[str, str], list[int]] = {}
    for n, s in enumerate(shares):
        if keep(s):
            groups.setdefault((s.whole_label, s.part.unit), []).append(n)
    return [sorted(members, key=lambda n: shares[n].part.span.start) for members in groups.values()]


def _runs_below(values: list[Decimal], slacks: list[Decimal], limits: list[Decimal]):
    """(start, stop) of every run of two or more parts, the longest first, as `_longest_runs`, but
    only those whose sum less its rounding (values[stop] − values[start], less slacks the same way)
    is at most limits[start].  When every part is at least its rounding those sums only grow with
    the run, so each start's runs end at one bound found by bisection: the runs tried are the ones
    that may fit, not every run of the document (shares by the thousand are no longer quadratic)."""
    count = len(values) - 1
    floors = [v - e for v, e in zip(values, slacks)]
    if any(b < a for a, b in zip(floors, floors[1:])):
        for start, stop in _longest_runs(count):  # (a part below its rounding: a 0 among them)
            if floors[stop] - floors[start] <= limits[start]:
                yield start, stop
        return
    caps = [min(count, bisect_right(floors, floors[start] + limits[start]) - 1) - start for start in range(count)]
    by_cap = sorted(range(count), key=lambda start: -caps[start])
    active: list[int] = []  # the starts whose runs reach the size at hand, in text order
    added = 0
    for size in range(max(caps, default=0), 1, -1):
        while added < count and caps[by_cap[added]] >= size:
            insort(active, by_cap[added])
            added += 1
        for start in active:
            yield start, start + size


def _longest_runs(count: int):
    """(start, stop) of every run of two or more of `count` members, the longest first."""
    for size in range(count, 1, -1):
        for start in range(count - size + 1):
            yield start, start + size


_NEAR = 400  # characters between two siblings' parts


def _unplaced(s: Share) -> bool:
    """A share of an amount with no whole named ("占总数的", a bare "占比") and none found yet."""
    return not s.wholes and s.part is not None and s.part.kind == "amount" and _names_no_whole(s.whole_label)


def _names_no_whole(whole_label: str) -> bool:
    """"占总数的", "占支出总额的"… name no other whole; nor does a bare "占比"."""
    rest = _TOTAL_WORDS.sub("", whole_label)
    return not rest or rest in {"比", "比重"}


def _ceilings(index: DocumentIndex) -> tuple[list[tuple[int, Decimal]], list[Decimal]]:
    """The amounts `_stated_sum` may find as (end, value) in order of their ends, and the largest value
    of each prefix of them (−1 for none)."""
    ends = sorted((f.span.end, f.value) for _, f in index.amounts_by_value)
    return ends, list(accumulate((value for _, value in ends), max, initial=Decimal(-1)))


def _largest_before(ceiling_at: tuple[list[tuple[int, Decimal]], list[Decimal]], offsets: list[int]) -> list[Decimal]:
    """For each offset, the largest amount `_stated_sum` may find ending at or before it (−1 if none;
    `ceiling_at`: _ceilings)."""
    ends, ceilings = ceiling_at
    return [ceilings[bisect_right(ends, offset, key=lambda pair: pair[0])] for offset in offsets]


def _stated_sum(index: DocumentIndex, parts: list[Fact], total: Decimal, slack: Decimal) -> Fact | None:
    """The figure stated before the parts (in text order, adding to `total` within `slack`) that
    they add up to — the nearest, if any.  (A figure ending before the first part is none of them.)"""
    reach = slack + min(index.widest_amount_rounding, _WIDEST_ROUNDING)
    first = parts[0].span.start
    # (the parts add up to f: their sum and rounding are `total` and `slack`, not added up again per figure)
    found = [f for f in index.amounts_near(total, slack, reach)
             if f.span.end <= first and f.unit == parts[0].unit and abs(total - f.value) <= f.tolerance + slack]
    return max(found, key=lambda f: f.span.start) if found else None


def said_of_wholes(shares: list[Share]) -> set[tuple[int, str]]:
    """Each part and the name of the whole its share says it is of ("基本支出694.01万元,占本年支出合计的59.66%")."""
    return {(s.part.id, whole_name(s.whole_label)) for s in shares if s.part is not None and s.whole_label}


def whole_name(label: str) -> str:
    """A share's whole name as said_of_wholes keys it."""
    return _TOTAL_WORDS.sub("", _RATIO_TAIL.sub("", label) or label)


def _whole_said_in_sentence(index: DocumentIndex, part: Fact, whole_label: str) -> Fact | None:
    """The one amount of the part's sentence, before it and in its unit, whose name ends in the whole's name
    ("该专项年度预算800万元" for 占年度预算的; "实际到位资金720万元" for 占到位资金的): the whole the share names, said
    with it; None when no amount or amounts of different values bear that name."""
    if len(whole_label) < 2:
        return None
    facts = index.facts_by_sentence.get(part.sentence, ())
    said = [f for f in facts if f.kind == "amount" and f.id != part.id
            and not f.is_bound and f.unit == part.unit and f.span.end <= part.span.start
            and clean_label(f.label).endswith(whole_label)]
    swapped = _funds_verb_swapped(index, whole_label)
    if not said and swapped is not None \
            and not any(f.kind == "amount" and f.id != part.id and f.span.end <= part.span.start for f in facts):
        # (the part's sentence states no other amount: the whole said in the sentence right before it, on its line, by
        # the same name or by its verb after its object — "项目资金共到位185万元,到位率92.5%。已支出166.5万元,占到位资金的
        # 90%" —, cue funds_verb; not a budget of the sentence before, "单位年度预算5000万元。该项目…占年度预算的", the unit's)
        facts = index.facts_by_sentence.get(part.sentence - 1, ())
        said = [f for f in facts if f.kind == "amount" and not f.is_bound and f.unit == part.unit
                and "\n" not in index.text[f.span.end:part.span.start]
                and (clean_label(f.label).endswith(whole_label) or swapped.search(clean_label(f.label)))]
        if len(said) > 1:  # (a part's money beside the whole's: "县级配套资金到位35万元,项目资金共到位185万元" — the total)
            said = [f for f in said if _SAID_ALL.search(clean_label(f.label))]
        if len(said) != 1 or _funds_said_before(index, part, whole_label) > 1:
            return None
    part_flows = set(_FLOW_WORDS.findall(part.label))
    kind = clean_label(part.label)[-2:]
    kept = []
    for f in said:
        before = clean_label(f.label)[:-len(whole_label)]
        if _BUDGET_OF_A_KIND.search(before):
            continue  # ("该项目年初预算100万元,…占预算的75.00%": a budget named short may be the 年初, 调整 or 全年 one)
        if set(_FLOW_WORDS.findall(before)) - part_flows:
            continue  # ("全年一般公共预算收入年初预算为2450.00亿元,…支出累计完成2617.82亿元,占年初预算的50.3%": a revenue's)
        if any(g.kind == "amount" and g.id != part.id and f.span.end <= g.span.start < part.span.start
               and clean_label(g.label)[-2:] == kind for g in facts):
            continue  # ("甲项目年度预算100万元,实际支出90万元;乙项目实际支出50万元,占年度预算的62.50%": another item's budget)
        kept.append(f)
    return kept[-1] if kept and len({f.value for f in kept}) == 1 and len(kept) == len(said) else None


def _funds_verb_swapped(index: DocumentIndex, whole_label: str) -> re.Pattern | None:
    """"到位资金" named by its object, then its verb ("项目资金共到位", "资金全部下达"): a pattern of that order, or None
    when the name is no verb of money (cue funds_verb) and its object."""
    m = index.vocab.cue("funds_verb").fullmatch(whole_label)
    if m is None:
        return None
    return re.compile(re.escape(m.group(2)) + r"(?:共|已|全部|累计|实际|合计){0,2}" + re.escape(m.group(1)) + "$")


def _funds_said_before(index: DocumentIndex, part: Fact, whole_label: str) -> int:
    """How many amounts the three sentences before the part's name as a total by the whole's verb of money
    ("省级资金共到位120万元", "累计到位640万元", "中央财政共下达资金500万元"; a level's part, "省级配套资金到位40万元", not):
    more than one, and which of them "到位资金" is — the project's, a level's, this year's or all years' — is open
    (rt54g 55, 68, 74)."""
    m = index.vocab.cue("funds_verb").fullmatch(whole_label)
    if m is None:
        return 0
    verb = m.group(1)
    return sum(1 for n in range(max(0, part.sentence - 3), part.sentence)
               for f in index.facts_by_sentence.get(n, ()) if f.kind == "amount" and verb in f.label
               and _SAID_ALL.search(f.label))


_FUNDS_PERIOD = lazyre.compile(r"^(本年度?|当年|累计)?(到位|下达|拨付|落实|筹集)资金$")
_FUNDS_REACH = 3  # sentences before the part's


def _funds_named_by_verb_before(index: DocumentIndex, part: Fact, whole_label: str) -> Fact | None:
    """The whole of a share named as money by what was done with it (到位资金, 下达资金), perhaps with its stretch of time
    (本年到位资金, 累计到位资金), when the part's sentence and the three before it, on its line, state one amount only named
    by that verb (and that stretch): "截至2023年底,项目累计到位资金1,200万元,其中本年到位400万元。本年支出资金360万元,
    占本年到位资金的90%,累计支出1,080万元,占累计到位资金的90%" (400, 1,200); "省财政厅累计下达我县…补助资金2,380万元。县级
    …资金到位640万元。截至年底,支出2,142万元,占下达资金的90%" (2,380).  Two or none named so, and None: which is the
    whole is open (the project's or a level's, this year's or all years')."""
    m = _FUNDS_PERIOD.match(whole_label)
    if m is None:
        return None
    period, verb = m.group(1), m.group(2)
    line_start = index.text.rfind("\n", 0, part.span.start) + 1
    by_verb = [f for n in range(max(0, part.sentence - _FUNDS_REACH), part.sentence + 1)
               for f in index.facts_by_sentence.get(n, ()) if f.kind == "amount" and f.id != part.id
               and f.span.start >= line_start and f.span.end <= part.span.start and verb in clean_label(f.label)
               and not clean_label(f.label).startswith("未")]
    if period:
        named = re.compile(re.escape(period[:2]) + r"(?:度)?(?:共|已|实际|全部)?" + verb)
        by_verb = [f for f in by_verb if named.search(clean_label(f.label))]
    if len(by_verb) != 1:
        return None
    f = by_verb[0]
    if f.is_bound or f.unit != part.unit or not f.value or f.value < part.value:
        return None
    return f


_FLOW_WORDS = lazyre.compile(r"收入|支出|收益|费用|成本")
_SAID_ALL = lazyre.compile(r"共|合计|总计|累计|总额")
# (the word right before a budget's name that makes it one budget of several: 年初 / 调整(后) / 追加 / 全年 … 预算)
_BUDGET_OF_A_KIND = lazyre.compile(r"(?:年初|调整后?|追加|全年|年中|原|变更后|上年|去年)$")


def _economy_wholes(index: DocumentIndex) -> list[Fact]:
    """The amounts named as the product of the economy (cue industries_total: 地区生产总值, 国内生产总值, GDP)."""
    whole = index.vocab.cue("industries_total")
    return [f for f in index.facts if f.kind == "amount" and not f.is_bound and not f.in_table
            and whole.search(clean_label(f.label))]


_WHOLE_PLACE = lazyre.compile(r"全([国省区市州县])")
# a year said before a label ("2023年我市…")
_YEAR_BEFORE = lazyre.compile(r"^(?:19|20)\d{2}年度?")


def _whole_for(index: DocumentIndex, share: Share, own: list[Fact], said_of: set[tuple[int, str]] = frozenset(),
               stated_wholes: dict[str, Fact] | None = None,
               siblings: tuple[Fact, ...] = (), top: Fact | None = None) -> tuple[list[Fact], str | None]:
    """Candidates for the whole of 占 X 的 p%: the list's own total first, then X by name."""
    part = share.part
    # ("占歲入之比率則為39.38%": the whole is 岁入, the words after it say what the figure is)
    whole_label = _RATIO_TAIL.sub("", share.whole_label) or share.whole_label
    label = _TOTAL_WORDS.sub("", whole_label)
    if not label or label in {"比", "比重"}:
        if own:
            return own[:1], "share_of_list_total"
        before = _named_whole_before(index, part)
        if before is not None:
            return [before], "share_of_whole_before"
        bracketed = _whole_in_bracket_after(index, share)
        if bracketed is not None:
            return [bracketed], "share_of_whole_in_bracket"
        return _family_total(index, part), "share_of_family_total"
    if own and _money_of_named_count(index, own[0], label):
        return own[:1], "share_of_list_total"
    if not own:
        named_funds = _funds_named_by_verb_before(index, part, whole_label)
        if named_funds is not None:
            return [named_funds], "share_of_named_whole"
    info = index.label_concept(label)
    whole_info = index.label_concept(whole_label)
    if whole_info.known and not info.known:  # "收入预算总额" names 收入总计; "收入预算" alone names no concept
        info = whole_info
    if info.concept is None and info.scenario:
        # "占调整预算90.75%": of the part's own budget, which the text does not give — unless the sentence itself gives
        # it by that name before the part ("该专项年度预算800万元,实际到位资金720万元,…;当年实际支出684万元,占到位资金的
        # 95.00%,占年度预算的85.50%")
        said = _whole_said_in_sentence(index, part, whole_label)
        return ([said], "share_of_named_whole") if said is not None else ([], None)
    core = info.concept or info.text
    if not info.known and len(core) < 3:
        # "占支出的": too generic a name to look up — the list's total when it bears that name (a list
        # of 补助及协助收入 50.48 is not the 岁入总额 a part's share names)
        if own and (core in own[0].label or core in (own[0].concept or "")):
            return own[:1], "share_of_list_total"
        # ("我市一般公共预算收入286.42亿元,…其中市本级98.70亿元,占全市的34.5%": a whole named only as the whole place, the
        # list's total being that place's, written 我市 / 本市)
        place = _WHOLE_PLACE.fullmatch(core)
        if own and place and _YEAR_BEFORE.sub("", clean_label(own[0].label)).startswith(
                ("我" + place.group(1), "本" + place.group(1))):
            return own[:1], "share_of_list_total"
        # ("税收收入139701.84万元…。分税种看,增值税68678.69万元,占税收的49.16%": a flow named short, without its 收入 /
        # 支出 — the one figure of this year before it named so in full)
        full = [f for name, f in index.amounts_named(core + "收入", near=part.span.start)
                if name in (core + "收入", core + "支出") and f.id != part.id and f.span.end <= part.span.start
                and f.unit == part.unit and index.period_of(f) == index.period_of(part)]
        if len({f.value for f in full}) == 1:
            return full[-1:], "share_of_named_whole"
        return _whole_named_otherwise(index, part, whole_label)
    if info.known:
        named = [f for f in index.amounts_of(info.concept, near=part.span.start) if f.id != part.id]
        if not named:  # ("歲出編列5500億元…占歲出總額58%": the name said with the verb that states it)
            # (of the part's year: not "(2023年同期:公共收入91,556.4…)" beside this year's share)
            named = [f for name, f in index.amounts_named(core, near=part.span.start)
                     if f.id != part.id and name == core and index.period_of(f) == index.period_of(part)]
    else:
        # (not a kind of the whole: "视频型彩票销售58.37亿元" is a part of the "彩票销售总量", never it; cue kind_of_whole)
        kind = index.vocab.cue("kind_of_whole")
        by_name = index.amounts_named(core, near=part.span.start)
        if len(label) >= 4 and label[-2:] != core[-2:]:
            # (… and by the whole's name as written, when its concept drops a last word that the amounts' names keep:
            # "占授予中小微企业合同金额的48.6%" is of "全国政府采购授予中小微企业合同金额为24519.1亿元", named …金额, not …合同)
            by_name = [*by_name, *index.amounts_named(label, near=part.span.start)]
        named = [f for name, f in by_name
                 if f.id != part.id and (name.endswith(core) or name.endswith(label))
                 and not kind.search(name[:-len(core) if name.endswith(core) else -len(label)])]
        economy = index.vocab.cue("industries_total").search(core)
        if not named and economy is not None:
            # ("全县地区生产总值119.49亿元,…。财政总收入完成13.69亿元,…占GDP的比重为11.46%": the product of the economy
            # named by another of its names — 地区生产总值, 国内生产总值, GDP —, never a mean of it, 人均国内生产总值; of
            # the place the share names, if it names one — "占全省生产总值的" is no share of the county's)
            mean, place = index.vocab.cue("average_total"), core[:economy.start()]
            named = [f for f in _economy_wholes(index) if f.id != part.id and not mean.search(clean_label(f.label))
                     and place in clean_label(f.label)]
    # ("占一般公共预算项目支出总额的100%": a 项目支出 of those funds, not one that names no funds)
    funds = scope_of(label, info.concept)
    broader = [] if not funds else [f for f in named if not set(funds) <= set(fact_scope(f) + index.qualifier(f))]
    if broader:
        apart = {f.id for f in broader}
        named = [f for f in named if f.id not in apart]
    # ("占部门支出预算总额的33.47%": the department's whole, of all its funds — not the 财政拨款支出总计 of one fund, a
    # narrower figure of the concept the text states beside it)
    if not funds and index.vocab.cue("whole_of_all_funds").search(whole_label):
        named = [f for f in named if not fact_scope(f)]
    # (the 预算 of a fund's name — 一般公共预算 — names no budget: "占一般公共预算项目支出总额的p%" is of the spending)
    if not info.scenario and "支出" in label and "预算" not in _FUND_WORDS.sub("", label):
        # ("占政府采购支出总额的75.00%" beside 政府采购预算 and 实际采购金额: spending, not the budget)
        named = [f for f in named if not (f.scenario or "").startswith("budget")]
    if info.scenario:  # "占年初政府采购预算的94.5%": a budget, not the money saved on it
        named = [f for f in named if f.scenario in (None, info.scenario)
                 or compatible_scenarios(f.scenario, info.scenario)]
    # ("利得稅收入1,680億元,佔政府總收入的27.9%(2022-23年度:總收入5,415億元…)": a whole in a bracket of another
    # period is that period's)
    if not in_other_period_bracket(index.text, part.span.start):
        named = [f for f in named if not in_other_period_bracket(index.text, f.span.start)]
    # ("113年度社福支出321亿元,占岁出20.3%": the 岁出 of 113年度, not the 114年度 岁出 the text states)
    year = LABEL_YEAR.search(clean_label(part.label))
    if index.label_concept(whole_label).period == "previous" and index.label_concept(part.label).period != "previous":
        # ("2024年度公益支出17,862.40万元,占上年总收入的81.43%": the whole of the year before the part's, whatever the
        # same name states of the part's own year — nor the part's list's total, which is of the part's year)
        named = [f for f in named if _year_before(index, f, part)]
        return (named, "share_of_named_whole") if named else ([], None)
    if year:
        named = [f for f in named for m in [LABEL_YEAR.search(clean_label(f.label))] if not m or m.group(1) == year.group(1)]
    # ("2021年1,376.5亿元,占地区生产总值的2.75%": not the GDP of the report's year, which names none)
    if part.period and part.period.isdigit():
        named = [f for f in named if index.period_of(f) in (part.period, None)]
    else:  # ("博彩直接稅收入…,佔公共收入的75.7%…(2023年同期:公共收入91,556.4…)": a whole of another year named)
        part_year = index.period_of(part)
        named = [f for f in named if not (part_year and len(part_year) == 4 and f.period and len(f.period) == 4
                                          and f.period.isdigit() and f.period != part_year)]
        # ("資產總額新臺幣38,462,518千元…占資產總額64.52%…112年底資產總額為37,128,604千元": beside the whole the part's
        # own words date no more than it, one whose label names another year is that year's)
        if not year and not index.is_previous(part):
            undated = [f for f in named if not LABEL_YEAR.search(clean_label(f.label))]
            if undated:
                named = undated + [f for f in named for m in [LABEL_YEAR.search(clean_label(f.label))]
                                   if m and m.group(1) == index.report_year]
    named = _own_year_first(index, part, named)
    # (not a figure of another stretch of the year — a month's for a share of the months so far —: "5月份,即开型彩票销售
    # 76.34亿元…。1-5月累计,即开型彩票销售392.17亿元,占彩票销售总量的16.4%" is not of the month's sales)
    named = [f for f in named if not _other_stretch(index, part, f)]
    # ("占总预算岁出28.0%": the figure named 总预算岁出, not the 岁出规模合计 of 总预算 and 特别预算 the list hangs from —
    # unless the list's total is among those so named, or named in `named` by that name: then `named` stays)
    # (whether a list's total is among them: a figure equal to it bears its id — asked of the ids first, the
    # records compared only then, not every one of a long text's figures of that name)
    named_ids = _by_id(named) if own else {}
    if named and len(label) >= 4 \
            and all(not _among(t, named_ids) or label not in clean_label(t.label) for t in own) \
            and not any(_surely_exact(index, part, label, t) for t in own):
        # (the figures so named looked at only when they may take `named`'s place: a long text says a name again and
        # again, and walking all its figures of that name for each share whose list's total is one of them grew with
        # the square of the text)
        exact = _exact_wholes(index, part, label)
        exact_ids = _by_id(exact) if own else {}
        if exact and not any(_among(t, exact_ids) for t in own):
            named, named_ids = exact, exact_ids
    if named and not LABEL_YEAR.search(whole_label):
        mended = _of_the_shares_year(index, share, named, core, label)
        if mended is not named:
            named, named_ids = mended, (_by_id(mended) if own else {})
    own_named = [t for t in own if _among(t, named_ids)]
    if own_named:
        return own_named, "share_of_list_total"
    if own and (names_in_full(clean_label(own[0].label), label)
                or names_in_full(clean_label(own[0].label), _TOTAL_BEFORE_FLOW.sub("", label))):
        # ("政府性基金预算收入6031万元…。其中,国有土地使用权出让收入4903万元,占基金收入的81.3%": the list's own total, its name
        # said short — not the 基金收入总计 a later sentence sums)
        return own[:1], "share_of_list_total"
    if not named and stated_wholes and label in stated_wholes and stated_wholes[label].unit == part.unit \
            and stated_wholes[label].id != part.id and index.period_of(stated_wholes[label]) == index.period_of(part):
        named = [stated_wholes[label]]  # (the whole another share states with its amount, by the same name)
    if named:
        return named, "share_of_named_whole"
    if broader:
        return broader, "share_of_broader_whole"
    if not own:
        otherwise = _whole_named_otherwise(index, part, whole_label, concept_unfound=info.known)
        if otherwise[0]:
            return otherwise
    whole_all = index.vocab.cue("whole_named_all").match(label) if own else None
    if whole_all and top is not None and (whole_all.group("name") in clean_label(top.label)
                                          or whole_all.group("name") in (top.concept or "")):
        # ("固定资产投资462.58亿元…国有投资186.34亿元,非国有投资276.24亿元,其中民间投资201.77亿元,占全部投资的43.6%": a
        # whole named 全部 / 总 + its name is the total the lists start from, not the 非国有 subtotal the part is listed in)
        return [top], "share_of_top_total"
    if whole_all and top is None:
        # (… the list of the subtotal and its siblings not read: a larger amount of that name before the list in its
        # paragraph may be the whole — a share it makes hold is no contradiction)
        name = whole_all.group("name")
        wider = [f for n, f in index.amounts_named(name, near=part.span.start)
                 if n.endswith(name) and f.id not in (part.id, own[0].id) and f.unit == part.unit
                 and f.value > own[0].value and f.span.end <= own[0].span.start
                 and "\n" not in index.text[f.span.end:own[0].span.start]
                 and index.period_of(f) == index.period_of(part)]
        if wider:
            return [own[0], wider[-1]], "share_of_list_total_renamed"
    # the list's own total under another name: likely ("占高校资助总额" of 资助总金额), but not
    # stated — "占同类产品采购规模的90%" is not of the 全国政府采购规模 its amount is listed under
    if any(core in t.label or core in (t.concept or "") for t in own[:1]):
        return own[:1], "share_of_list_total"
    if info.known and own and any(info.concept in fam.members and own[0].concept in fam.totals
                                  for fam in index.vocab.families.values()):
        # ("本年支出合计1,007.90万元。其中,人员经费665.32万元,占基本支出的79.88%": the whole named is a member of the
        # family the list's total breaks into — a part of it, not the total under another name)
        return [], None
    if info.known and own and own[0].concept not in index.known_concepts and label not in own[0].label:
        # ("佔歲入總額16.58%" after a 補助及協助收入 list: a whole the vocabulary knows, the list's total one it
        # does not — not the whole named)
        return [], None
    # (not a whole of the economy — "合计占GDP比率2.5%", "佔本地生產總值的25.6%" after a 總預算 list —:
    # no budget's list totals that, and the text does not give it)
    if index.vocab.cue("economy_whole").search(core):
        return [], None
    # (nor of another whole place than the list's: "全市…412.68亿元,其中市本级138.24亿元、县(市、区)274.44亿元,分别占全省同级的
    # 10.7%和9.8%" — the province's figures, not the city's total)
    wider = index.vocab.cue("wider_place").match(label)
    place = index.vocab.cue("wider_place").match(clean_label(own[0].label)) if wider and own else None
    if wider and place and place.group() != wider.group():
        return [], None
    if own and (_other_area(index, label, own[0].label) or _other_level(index, label, own[0])):
        # (… or of a wider area than the list's total names: "本省累计销售彩票189.62亿元,…其中,福利彩票61.35亿元,占全国福利
        # 彩票销量的6.9%" — the country's figure, not the province's total; _scoped_whole looks it up)
        return [], None
    if own and _of_the_parts_own_kind(part, siblings, label):
        # ("…其中中央资金200万元,…县级资金210万元,占全县当年县级财政专项资金总额的2.1%;省级资金150万元": the whole is named by
        # what sets the part apart from its siblings (县级 among 中央, 省级) — a whole of that kind only, which the list's
        # total, holding the siblings too, is not; the text does not state it)
        return [], None
    if own and _other_aggregate(index, label, own[0].label):
        # ("我市地方财政收入累计完成12215万元,…其中税收收入完成5159万元,…占公共财政预算收入的比重为47.3%": the whole is
        # another public-finance aggregate than the list's total names (cue finance_aggregate) — a whole of its own,
        # maybe as large, maybe not, which the text does not state)
        return [], None
    if own and _other_flow(index, label, own[0].label):
        # ("捐赠支出总量达9714.06万元,其中…捐赠物资支出6344.41万元,支出占接受捐赠总量的39%": a whole of money received,
        # the list's total of money spent — not that total renamed; the share is the spending's, of the gifts received)
        return [], None
    if own and (own[0].id, label) in said_of:
        # ("基本支出694.01万元,占本年支出合计的59.66%。其中:人员经费591.37万元,…占本年支出合计的50.84%": the list's total is
        # itself a share of the whole named — a larger one, not stated)
        return [], None
    return own[:1], "share_of_list_total_renamed" if own else None


def _money_of_named_count(index: DocumentIndex, total: Fact, label: str) -> bool:
    """The whole named as the money of what a count names ("发放金额") is the list's total written, unnamed, right after
    that count ("全年发放个人住房贷款1.26万笔、72.48亿元,其中首套住房贷款1.05万笔、58.20亿元,首套住房贷款金额占发放金额的
    80.30%"): the amount takes the count's name (cue whole_money_measure)."""
    named = index.vocab.cue("whole_money_measure").match(label)
    if named is None or clean_label(total.label):
        return False
    before = [f for f in index.facts if f.span.end <= total.span.start and f.sentence == total.sentence]
    if not before:
        return False
    count = max(before, key=lambda f: f.span.end)
    return count.kind == "count" and bool(_JOINED_FIGURES.fullmatch(index.text, count.span.end, total.span.start)) \
        and named.group("stem") in clean_label(count.label)


_JOINED_FIGURES = lazyre.compile(r"\s*[、,，]\s*")


def _exact_wholes(index: DocumentIndex, part: Fact, label: str) -> list[Fact]:
    """The amounts whose label holds the whole's name as written (`label`), of the part's unit and stretch: "占总预算岁出
    28.0%" is of the figure named 总预算岁出; of this period's bracket only when the part is ("…占个人住房贷款余额的1.84%。
    (注:上年末…个人住房贷款余额521.16亿元…)" is not of last year's 贷款余额); this year's first (_own_year_first)."""
    exact = [f for f in index.amounts_holding(label) if f.id != part.id and f.unit == part.unit
             and not _other_stretch(index, part, f)]
    if exact and not in_other_period_bracket(index.text, part.span.start):
        exact = [f for f in exact if not in_other_period_bracket(index.text, f.span.start)]
    return _own_year_first(index, part, exact)


def _surely_exact(index: DocumentIndex, part: Fact, label: str, total: Fact) -> bool:
    """`total` (a list's total) is surely among `_exact_wholes(index, part, label)`: a figure of the text equal to it, of
    its id, holds the name and passes every test of those wholes, and no year-first choice can set it aside (it is not
    last year's, or the part is).  False when unsure (the wholes are then worked out): asked of the total's own figures,
    not of every figure of that name."""
    by_id = index.memo("_amounts_by_id", lambda: _by_id([f for f in index.facts if f.kind == "amount"]))
    text = index.text
    for f in by_id.get(total.id, ()):
        if (f is total or f == total) and f.id != part.id and f.unit == part.unit and label in clean_label(f.label) \
                and not _other_stretch(index, part, f) \
                and (in_other_period_bracket(text, part.span.start) or not in_other_period_bracket(text, f.span.start)) \
                and (index.is_previous(part) or not index.is_previous(f)):
            return True
    return False


def _own_year_first(index: DocumentIndex, part: Fact, named: list[Fact]) -> list[Fact]:
    """Of the wholes named, those not of last year when the share's part is not and both years are stated
    ("2025年实现增值收益8.6423亿元…提取管理费用0.9860亿元,占增值收益的11.41%…上年增值收益8.1187亿元": the share is of its
    own year's 增值收益; the year before's is no other reading of it)."""
    if index.is_previous(part):
        return named
    own = [f for f in named if not index.is_previous(f)]
    return own if own and len(own) < len(named) else named


def _top_total(total: Fact, totals_of: dict[int, list[Fact]]) -> Fact | None:
    """The total a list's total is itself listed under, up to the first that is in no list; None when it is in none."""
    seen = {total.id}
    top = None
    while totals_of.get(total.id):
        total = totals_of[total.id][0]
        if total.id in seen:
            break
        seen.add(total.id)
        top = total
    return top


def _of_the_shares_year(index: DocumentIndex, share: Share, named: list[Fact], core: str, label: str) -> list[Fact]:
    """The wholes of a share's own year: "…歲出編列438億2,150萬元。…146億3,800萬元最多,占歲出總額33.40%。與112年度歲出
    395億8,420萬元相較…" is of this year's 歲出, not of the 112年度 one the next sentence compares with; "佔總開支16.5%" in a
    2023-24 budget is not of the 2022-23 修訂預算's 總開支.  A whole named as what is compared with (與112年度…), dated by
    its sentence in another year than the share's (its sentence's year, else the one year its title names), or named as
    last year's (上年度…) beside a share of the report's own year, gives way to
    the figures of the share's year, dated so by their sentence, that name the whole (歲出編列, 總開支預算); where there
    are none, it is set aside only when the share's own sentence names its year (the whole is then not stated)."""
    part = share.part
    compared = index.vocab.cue("compared_prefix")
    if compared.match(clean_label(part.label)) or index.label_concept(part.label).period == "previous":
        return named
    said = _said_year(index, part.span.start)
    own = said or _title_year(index)
    if own is None:
        return named
    # (a whole its words say is last year's, 上年度 / 上年 / 去年 — the vocabulary's periods.previous —, is not of the
    # report's own year: "本縣114年度歲出編列…。上年度歲出預算為…。…占歲出總額22.40%" in the 114年度 總預算案)
    report_own = said is None or said == _title_year(index)
    apart = {f.id for f in named if compared.match(clean_label(f.label))
             or _other_year(own, _said_year(index, f.span.start))
             or report_own and index.label_concept(f.label).period == "previous"}
    if not apart:
        return named
    ids = {f.id for f in named}
    found = []
    places, by_suffix = _amounts_by_name(index)
    facts = index.facts
    # (the amounts whose name ends in the whole's, in text order: looked up by that ending, not every figure of the text
    # walked for each share)
    for i in sorted({i for suffix in {core, label} for name in by_suffix.get(suffix, ()) for i in places[name]}):
        f = facts[i]
        if f.id == part.id or f.id in ids or f.unit != part.unit \
                or (share.percent.value < 100 and f.value <= part.value):
            continue
        if not compared.match(clean_label(f.label)) and _said_year(index, f.span.start) == own:
            found.append(f)
    if not found and said is None:
        return named  # (a title's year is no sure year of the share: "审计署2023年第5号公告" over 2021—2022's money)
    return [f for f in named if f.id not in apart] + found


def _amounts_by_name(index: DocumentIndex) -> tuple[dict[str, list[int]], dict[str, list[str]]]:
    """The amounts (not bounds) by name (_amount_name): their places in index.facts, in order; and the names by each of
    their endings (the whole name and "" too).  Read once a text (kept on the index) when a share first asks, not
    again for every figure by each share whose whole is of another year (quadratic in a long text)."""
    def make():
        places: dict[str, list[int]] = {}
        for i, f in enumerate(index.facts):
            if f.kind == "amount" and not f.is_bound:
                places.setdefault(_amount_name(index, f), []).append(i)
        by_suffix: dict[str, list[str]] = {}
        for name in places:
            for k in range(len(name) + 1):
                by_suffix.setdefault(name[k:], []).append(name)
        return places, by_suffix

    return index.memo("_amounts_by_name", make)


def _amount_name(index: DocumentIndex, f: Fact) -> str:
    """An amount's name: its label cleaned, without the verb that states it nor the words said with a whole's name
    (cue whole_name_said_with)."""
    return index.vocab.cue("whole_name_said_with").sub("", named_part(clean_label(f.label)))


def _said_year(index: DocumentIndex, at: int, start: int | None = None) -> tuple[str, str | None] | None:
    """The year the words of the sentence before offset `at` (from `start`, if given) name last (cue year_said), as
    (first year, the second's last two digits of a year over two: "2023-24年度" → ("2023", "24")); not a year named as
    what is compared with ("较2022年", "與112年度…相較"), nor one in a bracket closed before `at`."""
    years = _years_said(index, sentence_start(index.text, at) if start is None else start, at)
    return years[-1] if years else None


def _years_said(index: DocumentIndex, start: int, end: int) -> list[tuple[str, str | None]]:
    text = index.text
    compared = index.vocab.cue("compared_prefix")
    out = []
    for m in index.vocab.cue("year_said").finditer(text, start, end):
        if any(compared.match(text[m.start() - k:m.end()]) for k in range(1, min(4, m.start() - start) + 1)):
            continue
        between = text[m.end():end]
        if between.count(")") + between.count("）") > between.count("(") + between.count("（"):
            continue  # (a bracket of another year closed before the figure: "…(2024年为4,832,611.00元),其中…")
        digits = re.findall(r"\d+", m.group())
        out.append((digits[0], digits[1][-2:] if len(digits) > 1 else None))
    return out


def _title_year(index: DocumentIndex) -> tuple[str, str | None] | None:
    """The one year the document's first line (its title, when short) names — none when it names two ("2018年预算执行
    情况和2019年预算草案的报告").  Found once a text (kept on the index, as _amounts_said_total), not again — the
    text's leading space stripped by a copy of the whole text — for each share whose whole is named."""
    return index.memo("_title_year", lambda: _first_line_year(index))


def _first_line_year(index: DocumentIndex) -> tuple[str, str | None] | None:
    start = len(index.text) - len(index.text.lstrip())
    end = index.text.find("\n", start)
    end = len(index.text) if end < 0 else end
    years = set(_years_said(index, start, end)) if end - start <= 60 else set()
    return years.pop() if len(years) == 1 else None


def _other_year(own: tuple[str, str | None] | None, said: tuple[str, str | None] | None) -> bool:
    """Two years said alike (both of the calendar or both of Taiwan's, both of one year or both over two) that differ."""
    if own is None or said is None or len(own[0]) != len(said[0]) or (own[1] is None) != (said[1] is None):
        return False
    return own != said


def _whole_named_otherwise(index: DocumentIndex, part: Fact, whole_label: str,
                           concept_unfound: bool = False) -> tuple[list[Fact], str | None]:
    """A whole its share names as a total, by a shorter word than the figure that states it: the one amount before
    the part whose name says it is a total and ends in the same name ("全年捐赠总量1509.44亿元…占捐赠总量的69.20%",
    "学校共收入2028.73亿元…占学校总收入的46.6%"; "全国彩票总销售…占总销售的58.00%": its name the share's very words), or in the words the share's name abbreviates, a character of each
    ("共需筹集资金73.6亿元…占年筹资总额的67.1%": 筹资 of 筹集资金).  Only a whole said to be a total, of the part's
    unit and year, stated once, and a name of three characters at least: a bare name ("占收入的", "占出口总额的") may be
    any figure that ends so (进出口总额)."""
    said = index.vocab.cue("whole_said_total")
    stem = said.sub("", whole_label)
    stem = index.vocab.cue("whole_said_of_year").sub("", stem) if stem != whole_label else stem
    # (a whole the vocabulary knows — 本年收入合计, 支出总计 — is looked up by its concept, not here: unless no amount of
    # that concept is stated, `concept_unfound` — "73所学校共收入约2028.73亿元,…占学校总收入的46.6%", 学校总收入 a 收入总计
    # no figure names so —, and its name, bare of the total words, of three characters at least: "占总支出的" may be any)
    if stem == whole_label or len(stem) < 2:
        return [], None
    if concept_unfound:
        if len(stem) < 3:
            return [], None
    elif index.label_concept(whole_label).known or index.label_concept(stem).known:
        return [], None
    abbreviated = _ABBREVIATED.get(stem)
    if abbreviated is None:
        abbreviated = _ABBREVIATED[stem] = lazyre.compile(
            "".join(c + "[\u4e00-\u9fff]" for c in stem) + "$") if 2 <= len(stem) <= 3 else None
    swapped = _verb_swapped(index, stem)
    # (a name of two characters after 总, written so by the figure too: "全国彩票总销售约RMB216.14亿元…福彩销售约RMB125.37
    # 亿元,约占总销售58.00%" — the share's very words end the figure's name)
    written = index.vocab.cue("whole_said_of_year").sub("", whole_label)
    written = written if len(stem) == 2 and written == "总" + stem else None
    found = []
    # (the name first, then the year and the stretch: each share is read only against the totals said so named —
    # each name tested once a text for each whole's name, not every total said before it for each share)
    totals = _amounts_said_total(index)
    for i in _totals_named(index, stem, swapped, abbreviated, written):
        f = totals[i][0]
        if f.id == part.id or f.span.end > part.span.start or f.unit != part.unit:
            continue
        if index.period_of(f) != index.period_of(part) or _other_stretch(index, part, f) or _other_years_named(part, f):
            continue
        found.append(f)
    if len({f.value for f in found}) != 1:
        return [], None
    return found[-1:], "share_of_whole_named_otherwise"


def _totals_named(index: DocumentIndex, stem: str, swapped: str | None, abbreviated, written: str | None) -> list[int]:
    """The places in _amounts_said_total, in order, of the totals whose name is the whole's (_whole_named_otherwise):
    each distinct name tested once a text for each whole's name (kept on the index), the totals of a name found by it."""
    kept = index.memo("_totals_named", dict)
    key = (stem, swapped, written)
    found = kept.get(key)
    if found is None:
        by_name = index.memo("_totals_by_name", lambda: _said_totals_by_name(index))
        # (a name of two characters ends too many others: "占出口总额的" is not of 进出口总额; those are read only
        # abbreviated, a character of each word)
        # (… or one of two, named in the share's very words: "各区合计398.98亿元" for "占各区合计的21.7%")
        found = kept[key] = sorted(
            i for (bare, cleaned), places in by_name.items()
            if (len(stem) >= 3 and (bare.endswith(stem) or swapped and bare.endswith(swapped))) or bare == stem
            or (abbreviated is not None and abbreviated.search(bare))
            or (written is not None and cleaned.endswith(written))
            for i in places)
    return found


def _said_totals_by_name(index: DocumentIndex) -> dict[tuple[str, str], list[int]]:
    """The places in _amounts_said_total of the totals of each name: (bare name, label cleaned)."""
    out: dict[tuple[str, str], list[int]] = {}
    for i, (f, bare) in enumerate(_amounts_said_total(index)):
        out.setdefault((bare, clean_label(f.label)), []).append(i)
    return out


_ABBREVIATED: dict = {}
_YEARS_NAMED = lazyre.compile(r"(?<!\d)(?:19|20)\d{2}(?=\d{2}\s*年|\D|$)")  # (a fiscal year's "2022-23" may reach it as 202223)


def _other_years_named(part: Fact, whole: Fact) -> bool:
    """The part's name and the whole's each write years, and none the same: "2022-23年度…政府总开支为8,076亿元" is no
    whole of "2023-24年度衞生开支预算为1,232亿元,占总开支16.5%" (fiscal years the period look-up may leave unread)."""
    a, b = set(_YEARS_NAMED.findall(part.label)), set(_YEARS_NAMED.findall(whole.label))
    return bool(a and b and not a & b)


def _verb_swapped(index: DocumentIndex, stem: str) -> str | None:
    """The name with its verb (cue name_verb) moved to the other side of its object: "彩票销售" → "销售彩票" (the
    figure "全国共销售彩票" names the whole "彩票销售总量"), and back; None when the name has no such verb at an end."""
    verb = index.vocab.cue("name_verb")
    last = verb.search(stem)
    if last is None:
        return None
    if last.end() == len(stem) and last.start() >= 2:
        return stem[last.start():] + stem[:last.start()]
    if last.start() == 0 and len(stem) - last.end() >= 2:
        return stem[last.end():] + stem[:last.end()]
    return None


def _amounts_said_total(index: DocumentIndex) -> list[tuple[Fact, str]]:
    """The amounts whose name says they are a total (vocabulary figure_said_total), each with its name bare of the
    words that say so (figure_said_total, whole_said_total), in the order of the index's figures: found once a text
    (kept on the index), not by a walk of every figure, its label cleaned and stripped again, for each share whose
    whole is named otherwise (quadratic in a long text)."""
    return index.memo("_amounts_said_total", lambda: _named_totals(index))


def _named_totals(index: DocumentIndex) -> list[tuple[Fact, str]]:
    total_word, said = index.vocab.cue("figure_said_total"), index.vocab.cue("whole_said_total")
    return [(f, said.sub("", total_word.sub("", name))) for f in index.facts if f.kind == "amount"
            for name in [clean_label(f.label)] if total_word.search(name)]


def _year_before(index: DocumentIndex, whole: Fact, part: Fact) -> bool:
    """The whole is of the year before the part's: 上年 of a part of this year, or a year one less than the part's."""
    part_year, whole_year = index.period_of(part), index.period_of(whole)
    if part_year and whole_year and part_year.isdigit() and whole_year.isdigit():
        return int(whole_year) == int(part_year) - 1
    return index.is_previous(whole) and not index.is_previous(part)


def _of_the_parts_own_kind(part: Fact, siblings: tuple[Fact, ...], whole_label: str) -> bool:
    """The whole's name holds the words that set the part apart from its list's other parts: what the part's label
    says before the ending it shares with all of them ("县级" of 县级资金 among 中央资金, 省级资金)."""
    own = _YEAR.sub("", clean_label(part.label))
    others = [_YEAR.sub("", clean_label(q.label)) for q in siblings]
    if not own or not others or not all(others):
        return False
    shared = min(_common_ending(own, other) for other in others)
    distinct = own[:len(own) - shared]
    return shared > 0 and len(distinct) >= 2 and distinct in whole_label


def _common_ending(a: str, b: str) -> int:
    """How many characters a and b end with alike."""
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def _by_id(facts: list[Fact]) -> dict[int, list[Fact]]:
    out: dict[int, list[Fact]] = {}
    for f in facts:
        out.setdefault(f.id, []).append(f)
    return out


def _among(t: Fact, by_id: dict[int, list[Fact]]) -> bool:
    """`t in facts` (the same record, or one equal to it — which bears its id), asked of the few facts
    of its id (`by_id`: _by_id(facts))."""
    return any(f is t or f == t for f in by_id.get(t.id, ()))


# a bracket right after a bare share naming an amount: "占比64.00%(一般公共预算支出603159万元)"
_BRACKET_WHOLE = lazyre.compile(r"\s*\(\s*[\u4e00-\u9fff]{2,20}?(?:为|是|:)?\s*(?=\d)")


def _whole_in_bracket_after(index: DocumentIndex, share: Share) -> Fact | None:
    """"民生支出386018万元,占比64.00%(一般公共预算支出603159万元)": a bare share's whole, named with its amount in the
    bracket right after it (an amount of the part's unit, larger than the part)."""
    m = _BRACKET_WHOLE.match(index.text, share.percent.span.end)
    if m is None:
        return None
    part = share.part
    return next((f for f in index.facts_by_sentence.get(share.percent.sentence, ())
                 if f.span.start == m.end() and f.kind == "amount" and f.unit == part.unit and f.value > part.value
                 and not f.is_bound), None)


def _named_whole_before(index: DocumentIndex, part: Fact) -> Fact | None:
    """"…资金总规模64458.18万元,纳入方案资金53043.61万元,占比82.29%": a bare 占比 of the amount
    its sentence states right before the part, when that amount is named a whole (总规模, 总额…), or the same
    quantity of a wider area ("全国彩票销售5796.96亿元,全省销售318.62亿元,占5.50%"), and is larger than the part."""
    # (of the part's kind: money, or a count or quantity — "全国粮食总产量69541万吨,全省粮食总产量5714.8万吨,占8.22%")
    before = [f for f in index.facts_by_sentence.get(part.sentence, ())
              if f.kind == part.kind and f.kind != "percent" and f.span.end <= part.span.start and f.id != part.id]
    if not before:
        return None
    nearest = max(before, key=lambda f: f.span.start)
    if nearest.unit == part.unit and nearest.value > part.value and (
            index.vocab.cue("named_whole").search(nearest.label) or _wider_area(index, nearest.label, part.label)):
        return nearest
    return None


_AREAS = ("country", "province", "city", "county")


def _wider_area(index: DocumentIndex, whole: str, part: str) -> bool:
    """"全国彩票销售" over "全省销售": the whole's label opens with a wider area than the part's (cue area_scope), and
    the rest of one label ends the other's (the same quantity, 销售)."""
    scope, period = index.vocab.cue("area_scope"), index.vocab.cue("period_prefix")
    # (after the year its label may open with: "2023年全国粮食总产量69541万吨,全省粮食总产量5714.8万吨,占8.22%")
    whole, part = period.sub("", clean_label(whole)), period.sub("", clean_label(part))
    a, b = scope.match(whole), scope.match(part)
    if a is None or b is None or _AREAS.index(a.lastgroup) >= _AREAS.index(b.lastgroup):
        return False
    rest_a, rest_b = whole[a.end():], part[b.end():]
    # (a part that names its area alone is the same quantity: "全国国内生产总值1260582亿元,全省83615.2亿元,占6.63%")
    return bool(rest_a) and (not rest_b or rest_a.endswith(rest_b) or rest_b.endswith(rest_a))


def _sentence_whole(index: DocumentIndex, shares: list[Share]) -> list[Share]:
    """"岁出编列1668.61亿元,排名为教育科学文化支出编668.21亿元,占40.05%;社会福利支出编263.76亿元,
    占15.81%": two or more bare 占 p% (no whole named, none found) in one sentence, each after its part,
    are of the amount the sentence opens with — when every amount after it is one of those parts,
    each smaller than it, and together no more than it.  A sentence that goes on with the ranking
    ("其次是“经济发展”支出189亿元,占18.55%") is one with the sentence before; a change or an
    approximate amount between them ("较110年度增加约15亿元") is none of the parts.  Not stated, so
    at most a warning."""
    groups: dict[int, list[int]] = {}
    for n, s in enumerate(shares):
        if _unplaced(s):
            groups.setdefault(s.part.sentence, []).append(n)
    ranking_next = index.vocab.cue("ranking_next")
    parts_before = index.vocab.cue("parts_of_sentence_before")
    merged: dict[int, list[int]] = {}  # the first sentence of each chain → its shares
    sentences: dict[int, list[int]] = {}  # … and the sentences it takes
    head_of: dict[int, int] = {}  # each sentence taken → its chain's first
    with_figures = sorted(index.facts_by_sentence)
    for sentence in sorted(groups):
        amounts = [f for f in index.facts_by_sentence.get(sentence, ()) if f.kind == "amount"]
        first = min(amounts, key=lambda f: f.span.start) if amounts else None
        at = bisect_left(with_figures, sentence)
        before = with_figures[at - 1] if at else None  # (the sentence before it that states a figure)
        head = head_of.get(before)
        if head is not None and first is not None and ranking_next.match(clean_label(first.label)):
            merged[head].extend(groups[sentence])
            sentences[head].append(sentence)
        elif before is not None and before not in head_of and first is not None \
                and parts_before.match(first.label.strip()):
            # (the parts of the amount the sentence before states: that sentence heads the chain)
            head = head_of[before] = before
            merged[before], sentences[before] = list(groups[sentence]), [before, sentence]
        else:
            head = sentence
            merged[sentence], sentences[sentence] = list(groups[sentence]), [sentence]
        head_of[sentence] = head
    out = list(shares)
    # (the part of a share that names its whole is no whole of the bare ones after it: "其中儲匯業務收入1402.15億元,
    # 占營業收入68.88%;郵務業務收入318.77億元,占15.66%")
    named_parts = {s.part.id for s in shares if s.part is not None and s.whole_label}
    for sentence, members in merged.items():
        parts = {shares[n].part.id for n in members}
        if len(parts) < 2 or len(parts) < len(members):
            continue
        amounts = sorted((f for k in sentences[sentence] for f in index.facts_by_sentence.get(k, ())
                          if f.kind == "amount"), key=lambda f: f.span.start)
        if not amounts:
            continue
        runs = [(amounts, members)]
        if _sentence_whole_of(index, amounts, parts, named_parts) is None and len(sentences[sentence]) == 1:
            # "明年度歲出1780.40億元,以教育科學文化支出625.63億元占35.14%最高,其次為…;歲入編列1660.40億元,以稅課收入
            # 1118.56億元占67.37%最高,…": each part of the sentence, up to a ';', opens with its own whole
            runs = [(run, [n for n in members if shares[n].part.id in {f.id for f in run}])
                    for run in _runs_to_semicolons(index.text, amounts)]
        for run, taken in runs:
            whole = _sentence_whole_of(index, run, {shares[n].part.id for n in taken}, named_parts) \
                if len(taken) >= 2 else None
            if whole is None:
                continue
            for n in taken:
                out[n] = shares[n].model_copy(update={"wholes": (whole,), "reason": "share_of_sentence_whole"})
    return out


def _sentence_whole_of(index: DocumentIndex, amounts: list[Fact], parts: set[int], named_parts: set[int]) -> Fact | None:
    """The first of `amounts` (in text order) when every other is one of the shares' `parts` (a change or an
    approximate amount aside), each smaller than it and together no more than it; None otherwise."""
    # (the whole is the first amount, whatever it is; a change or an approximate amount after it is none of the parts)
    whole = amounts[0]
    rest = [f for f in amounts[1:] if f.concept not in CHANGE_CONCEPTS and not f.is_bound]
    if whole.id in parts or whole.id in named_parts or {f.id for f in rest} != parts or whole.is_bound \
            or index.vocab.cue("compared_prefix").match(whole.label):
        return None
    if any(f.unit != whole.unit or f.value >= whole.value for f in rest) \
            or sum(f.value for f in rest) > whole.value + whole.tolerance + sum(f.tolerance for f in rest):
        return None
    return whole


def _runs_to_semicolons(text: str, amounts: list[Fact]) -> list[list[Fact]]:
    """The amounts (in text order) split where a ';' stands between two of them, outside brackets."""
    runs = [[amounts[0]]]
    for before, f in zip(amounts, amounts[1:]):
        between = text[before.span.end:f.span.start]
        if ";" in _OUTSIDE_BRACKETS.sub("", between):
            runs.append([])
        runs[-1].append(f)
    return runs


_OUTSIDE_BRACKETS = lazyre.compile(r"\([^()]*\)")



def _family_total(index: DocumentIndex, part: Fact) -> list[Fact]:
    """"因公出国(境)费7.8万元,占45.7%": a share with no whole named, of a part of a known
    identity (“三公”经费 = 出国 + 公车 + 接待), is of that identity's total in the same year."""
    if not part.concept:
        return []
    for family in index.vocab.families.values():
        if part.concept not in family.parts or family.open:
            continue
        for total in family.totals:
            # of the same year and funds, and spent money for a part not called a budget
            same_year = [f for f in index.amounts_of(total, near=part.span.start)
                         if index.period_of(f) == index.period_of(part)
                         and (f.scenario == part.scenario
                              or (part.scenario is None and f.scenario in (None, "final", "actual")))]
            same_funds = [f for f in same_year if fact_scope(f) == fact_scope(part)]
            if not same_funds and not fact_scope(part) and len({fact_scope(f) for f in same_year}) == 1:
                same_funds = same_year  # the funds named once, on the total (财政拨款“三公”经费)
            if same_funds:
                return same_funds
    return []
