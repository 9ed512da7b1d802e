"""One quantity stated twice: the same concept, year, scenario and funds, and the same
parent (what the figure is a part of, when narrower than the report).

    "2023年基本支出881300.39元。…2023年基本支出881300.39元" → one quantity

"商品和服务支出165247.88元,占基本支出…" and "商品和服务支出29700元,占项目支出…"
are two quantities: their parents differ.  Figures of different funds named by
their paragraphs are different quantities too, and so are figures whose sentences speak of
different levels (全区 / 区本级), or a figure named by the change made to it ("调增…83620万元").
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import lru_cache

from auditor import lazyre
from auditor.textsearch import last_of
from auditor.extract.bind.index import DocumentIndex, fact_scope, scope_of
from auditor.extract.model import Breakdown, Fact, Repeat, Share
from auditor.extract.readings import part_start, sentence_start
from auditor.extract.vocabulary import FUND_NAME, fund_called, strip_glosses
from auditor.load.base import line_starts, lines_above


def resolve(index: DocumentIndex, lists: list[Breakdown], shares: list[Share], text: str,
            slipped: frozenset[int] = frozenset()) -> list[Repeat]:
    """`slipped`: figures a unit-slip reading claims (2089元 for 2089万元): UNI001's, not a
    second value of their quantity."""
    known = index.known_concepts
    as_change = index.vocab.cue("stated_as_change")
    inside = index.vocab.cue("inclusion_bracket")
    other_basis = index.vocab.cue("restated_basis")
    average = index.vocab.cue("average_total")
    parents = _parents(index, lists, shares)
    heads = {p.id: b.total for b in lists for p in b.parts if b.total.span.start < p.span.start}
    led = _led_scenarios(index)
    groups: dict[tuple, list] = {}
    staged = index.vocab.cue("staged_concept").match
    for key, facts in index.by_key.items():
        concept, period, scenario, scope = key
        if concept not in known or staged(concept):
            continue  # (a group of no known quantity is passed over below: not grouped, nor asked whether it is averaged)
        for f in facts:
            # ("2023年年初预算本年收入合计460.00万元,本年支出合计460.00万元": the second is the budget's too)
            # (an average of a quantity is another quantity: "人均机关运行经费2.93万元" beside "机关运行经费支出190.53万元")
            groups.setdefault((concept, period, led.get(f.id, scenario), scope, parents.get(f.id),
                               _averaged(index, f, average)), []).append(f)
    units = _Units(index, text)
    starts = [f.span.start for f in index.facts]
    out: list[Repeat] = []
    quantity = 0  # (one group a quantity: its pairs give one finding)
    for key, facts in groups.items():
        concept = key[0]
        # a zero says "none of it here" (a sub-category), not a restatement
        # (a figure in a "(含…)" bracket is a part of the item before it: "…(含上年结转资金92.40万元)")
        # (… nor a figure its clause restates on another scope or basis: "若不计入特别预算,总支出为…", "按权责发生制计…")
        facts = [f for f in facts if not f.in_table and f.value != 0 and f.id not in slipped
                 and not as_change.match(f.label) and not inside.search(text, max(0, f.span.start - 44), f.span.start)
                 and not other_basis.search(text, _clause_start(text, f.span.start), f.span.start)
                 and not _in_last_years_bracket(text, f.span.start)]
        # (each unit's own outline, under a line naming it, holds its own quantities: "金华市…第一实验幼儿园 ⏎ 一、收入支出决算
        # 总体情况 ⏎ …收入总计862.17万元 … 金华市…中心小学 ⏎ 一、收入支出决算总体情况 ⏎ …收入总计1624.30万元")
        # (… and each accounting basis or scope its own quantity: "八、财务会计报表情况说明 ⏎ …收入总计56,482.30万元" and
        # "按预算会计口径,…收入总计58,124.06万元"; 全口径 and 财政拨款口径 alike)
        by_outline: dict[tuple, list[Fact]] = {}
        if len(facts) == 1:
            by_outline[()] = facts  # (one figure is one quantity, in whatever outline it stands: none looked for)
        else:
            for f in facts:
                by_outline.setdefault((units.outline_of(f.span.start), _basis(index, text, f)), []).append(f)
        for facts in by_outline.values():
            quantity += 1
            first = facts[0] if facts else None
            level = _level(index, text, first, starts) if len(facts) > 1 else None
            # (what sets the first figure apart is read once, not once for each figure compared with it)
            first_span = _span_said(text, first) if len(facts) > 1 else ""
            first_opening = _year_opening(text, first) if len(facts) > 1 else None
            first_part = _part_said(index, text, first) if len(facts) > 1 else ""
            first_heading = _heading(text, first.span.start) if len(facts) > 1 else None
            first_point = point_of(index, text, first) if len(facts) > 1 else None
            first_scope = _list_scope(index, text, first, starts) if len(facts) > 1 else ""
            first_year = _that_year_of(index, text, first, heads) if len(facts) > 1 else None
            first_group = _counted_group(index, text, first) if len(facts) > 1 else None
            for other in facts[1:]:
                if first.fund and other.fund and first.fund != other.fund:
                    continue  # "…一般公共预算…收入合计196.3亿元" and "…政府性基金…收入合计164.0亿元"
                if _level(index, text, other, starts) != level:
                    continue  # "全区…上级补助收入11.96亿元" and "区本级…上级补助收入11.75亿元"
                if first_span != _span_said(text, other):
                    continue  # ("1949~1985年的36年…总支出36106万元" and "1976~1985年10年财政总支出22607万元": two spans of years)
                other_opening = _year_opening(text, other)
                if first_opening and other_opening and first_opening != other_opening:
                    continue  # ("112年度總收入18,456,320元…" and "113年度總收入19,874,510元,較上年度成長7.7%": lines that open
                    # with two (民国) years, each that year's figure)
                if _part_said(index, text, other) != first_part:
                    continue  # ("2023年,全县一般公共预算收入完成12.36亿元" and "2024年1—2月,全县一般公共预算收入完成2.18亿元":
                    # the year's and a part of a year's)
                if _that_year_of(index, text, other, heads) != first_year:
                    continue  # ("2022年度…评价发现…问题。当年“三公”经费支出18.20万元" and "全年“三公”经费支出15.84万元" in a
                    # report on 2023: 当年 is the year named before it)
                if _list_scope(index, text, other, starts) != first_scope:
                    continue  # ("（一）行政单位资产总额…,负债总额6,215.38万元" and the county's 负债总额; "(上年负债总额…、资产总额
                    # 8,763.15亿元。)" and this year's 资产总额: a sub-unit's or another year's, said once for its clause list)
                other_group = _counted_group(index, text, other)
                if first_group and other_group and other_group != first_group:
                    continue  # ("全市纳入…统计的单位(企业)共计3897户,资产总额35666.27亿元" and "全市国有企业118户,资产总额
                    # 22841.85亿元"; "市政府国资委出资企业9户" and "市文资办出资企业9户": two groups' figures)
                if point_of(index, text, other) != first_point:
                    continue  # ("年初,全县政府债务余额为286420万元" and "截至年末,全县政府债务余额为330620万元": two dates;
                    # "截至2023年6月末,…余额2846.37亿元" and "截至2023年末,…余额2956.25亿元" too)
                other_heading = _heading(text, other.span.start)
                if _other_sections(first_heading, other_heading, units):
                    # ("（一）市教育局 ⏎ …项目支出8968.00万元 ⏎ （二）市卫生健康委员会 ⏎ …5760.59万元": two units' figures;
                    # "（二）“三公”经费预算安排情况 ⏎ …5.00万元 ⏎ （三）“三公”经费决算情况 ⏎ …3.84万元": a budget and its outturn)
                    continue
                if _other_funds(first, first_heading, other, other_heading):
                    # ("二、财政拨款支出决算情况说明 ⏎ …基本支出262.30万元" and all funds' 基本支出268.30万元 under "一、支出决算
                    # 情况说明"; "二、基金预算 ⏎ …收入总计218540万元" and "2.国资收支。…收入总计2840万元")
                    continue
                out.append(Repeat.model_construct(first=first, other=other, concept=concept, group=quantity,
                                                  reason="same_quantity", via=(), rejected=()))
    return out


def _averaged(index: DocumentIndex, f: Fact, average) -> bool:
    """The figure is an average: its label says so, or — a label naming no quantity of its own ("上年为14.23万元") — the
    figure of its concept before it in its sentence, whose subject it continues ("2023年人均人员经费14.61万元,上年为…")."""
    if average.search(f.label):
        return True
    if index.label_concept(f.label).concept is not None:
        return False
    for g in reversed([g for g in _sentence_before(index, f) if g.concept == f.concept and g.kind == f.kind]):
        if average.search(g.label):
            return True
        if index.label_concept(g.label).concept is not None:
            return False  # (… through the figures that continue it too: "…14.61万元,上年14.23万元,前年13.98万元")
    return False


def _sentence_before(index: DocumentIndex, f: Fact) -> list[Fact]:
    """The figures of f's sentence that start before it, in their order: a bisection of the sentence's starts (kept on
    the index) when its figures are in text order, not a walk of the whole sentence for each figure (a table's one
    sentence may hold thousands)."""
    kept = index.memo("_sentence_starts", dict)
    facts = index.facts_by_sentence.get(f.sentence, ())
    starts = kept.get(f.sentence)
    if starts is None:
        starts = kept[f.sentence] = [g.span.start for g in facts]
        if any(b < a for a, b in zip(starts, starts[1:])):
            starts = kept[f.sentence] = False
    if starts is False:
        return [g for g in facts if g.span.start < f.span.start]
    return facts[:bisect_left(starts, f.span.start)]


def _level(index: DocumentIndex, text: str, fact, starts: list[int]) -> str | None:
    """The level its sentence speaks of, named before the figure (全区, 区本级…), if any — or the entity under the
    report's own that the sentence's subject or the figure's own words name ("下属县实验中学2023年度收入总计…,支出总计…",
    "本会辖下某某纪念基金总收入…": that entity's, vocabulary subordinate_entity; not one another figure's label names
    on the way, "…附属单位上缴收入420.00万元,其他收入…") — or the project the figure's own words name ("农村公路养护工程
    项目支出1,120.5万元": that project's, vocabulary named_project).  (starts: the offsets of index.facts.)"""
    opened = sentence_start(text, fact.span.start)
    # (not a level a bracket names as included: "全镇(含镇本级和12个村级组织)基本支出…" is 全镇's)
    said = _INCLUDED.sub("", text[opened:fact.span.start])
    found = index.vocab.cue("level_scope").findall(said)
    k = bisect_left(starts, fact.span.start)  # (the figures of its sentence before it: the subject ends at the first)
    first = bisect_left(starts, opened, 0, k)
    own = index.facts[k - 1].span.end if k > first else opened
    subject = text[opened:index.facts[first].span.start] if k > first else ""
    below = index.vocab.cue("subordinate_entity")
    own_words = _INCLUDED.sub("", text[own:fact.span.start])
    entity = below.search(own_words) or below.search(_INCLUDED.sub("", subject))
    if entity is None and k > first:
        # (a group named by its count: "所属3个事业单位支出合计…" — the subject runs on past the count in its name)
        at = index.facts[first].span.start
        entity = next((m for m in below.finditer(text, max(opened, at - 8), fact.span.start) if m.start() < at < m.end()),
                      None)
    if entity is not None:
        return entity.group()
    # (a project its own words name: "农村公路养护工程项目支出1,120.5万元" is that project's, not the department's
    # 项目支出 — a part under the report's own as an entity is; vocabulary named_project)
    project = index.vocab.cue("named_project").search(own_words)
    if project is not None:
        return project.group(1)
    if found:
        return found[-1]
    # (the department's own organ, named in the sentence or by the heading above it: "其中局机关基本支出…" is the organ's,
    # and so is "收入总计…" under "（一）教育局机关" — one quantity with "教育局机关全年收入总计…"; vocabulary own_organ)
    organ = index.vocab.cue("own_organ")
    named = organ.search(said) or organ.search(_heading(text, fact.span.start) or "")
    return named.group() if named else None


def _list_scope(index: DocumentIndex, text: str, fact: Fact, starts: list[int]) -> str:
    """The sub-unit or other year a figure's own words put before its concept ("学校资产总额", "上年负债总额"), or, its
    own naming none, the first figure's of its clause list — to its sentence's ';', or its bracket ("行政单位资产总额…,
    负债总额…", "(上年负债总额…、资产总额…)": the 负债总额 is the 行政单位's, the 资产总额 last year's; cue list_scope) —
    else ""."""
    scope = index.vocab.cue("list_scope")
    own = _before_concept(fact)
    if own:
        said = scope.search(own)
        return said.group() if said else ""
    if index.vocab.cue("period_prefix").match(fact.label.strip()):
        return ""  # ("上年支出30万元,本年支出36万元": a figure naming its own year takes none from the list)
    start = part_start(text, fact.span.start)
    opened = text.rfind("(", start, fact.span.start)
    if opened > text.rfind(")", start, fact.span.start):
        start = opened + 1
    k = bisect_left(starts, start)
    lead = index.facts[k] if k < len(index.facts) else None
    if lead is None or lead.span.start >= fact.span.start or lead.in_table:
        return ""
    said = scope.search(_before_concept(lead))
    return said.group() if said else ""


def _counted_group(index: DocumentIndex, text: str, fact: Fact) -> str | None:
    """The group its paragraph names with a count before the figure, the last one ("全市国有企业118户", "市文资办出资企业
    9户"), or None (cue counted_group): the figures after it are that group's."""
    found = None
    for found in index.vocab.cue("counted_group").finditer(text, text.rfind("\n", 0, fact.span.start) + 1,
                                                            fact.span.start):
        pass
    return found.group().replace(" ", "") if found else None


def _before_concept(fact: Fact) -> str:
    """The words of a figure's label before its concept ("行政单位" of "行政单位资产总额")."""
    label = fact.label.strip()
    return label[:-len(fact.concept)] if fact.concept and label.endswith(fact.concept) else ""


def point_of(index: DocumentIndex, text: str, fact) -> str | None:
    """The point of the year a stock is stated at, the last its sentence names before it: the year's start ("opening":
    年初, 上年末, 期初), a month's end before the year's ("6": 截至2023年6月末, 6月底, 6月30日), or None — the year's end
    (年末, 截至年底, 12月末) or no point named, the point an annual figure is stated at.  A stock at the start of the
    year, or at the end of June, is not the same stock at the year's end (cues opening_point, closing_point,
    month_end_point).  A sentence that names none is of the point its paragraph named last before it ("6月末,国有企业…
    负债总额2365746.7亿元…。其中,中央企业…负债总额1083487.9亿元": both at the end of June)."""
    opened = sentence_start(text, fact.span.start)
    point = _point_said(index, text[opened:fact.span.start])
    if point is _NONE_SAID:
        point = _point_said(index, text[text.rfind("\n", 0, opened) + 1:opened])
    return None if point is _NONE_SAID else point


_NONE_SAID = "none said"


def _point_said(index: DocumentIndex, said: str) -> str | None:
    points = [(m.start(), "opening") for m in index.vocab.cue("opening_point").finditer(said)]
    points += [(m.start(), None) for m in index.vocab.cue("closing_point").finditer(said)]
    for m in index.vocab.cue("month_end_point").finditer(said):
        month = int(m.group(1))
        if m.group(2) and int(m.group(2)) < _LAST_DAY[month]:
            continue  # ("截至6月28日": a day, not the month's end)
        points.append((m.start(), None if month == 12 else str(month)))
    return max(points, key=lambda p: p[0])[1] if points else _NONE_SAID


_LAST_DAY = {1: 31, 2: 28, 3: 31, 4: 30, 5: 31, 6: 30, 7: 31, 8: 31, 9: 30, 10: 31, 11: 30, 12: 31}  # (2月28日 or 29日)


def _led_scenarios(index: DocumentIndex) -> dict[int, str]:
    """fact id → the budget scenario the first figure of its sentence names for the bare items after it ("年初预算安排
    基本支出520.00万元,项目支出250.00万元": 项目支出 is the budget's): an item whose label is its concept alone, each
    figure between naming no scenario of its own."""
    out: dict[int, str] = {}
    words = dict(index.vocab.scenarios)
    lead: Fact | None = None
    sentence = None
    for f in index.facts:
        if f.in_table or f.kind != "amount":
            continue
        if f.sentence != sentence:  # (the sentence's first figure: its label opens with the scenario's word)
            sentence = f.sentence
            head = f.label[:-len(f.concept)] if f.concept and f.label.endswith(f.concept) else ""
            lead = f if f.scenario in _LEADING and any(w in head for w in words.get(f.scenario, ())) else None
        elif lead is not None and f.scenario is None and f.concept and f.label == f.concept:
            out[f.id] = lead.scenario
        else:
            lead = None  # (… "实际支出…,其中", "年中追加项目经费…": the lead goes no further)
    return out


_LEADING = frozenset({"budget_initial", "budget_adjusted", "budget"})


def _other_funds(first: Fact, first_heading: str | None, other: Fact, other_heading: str | None) -> bool:
    """The funds the two figures are of differ: those their own words name ("…一般公共预算…", "2.国资收支。…"), else
    those their headings name — two funds named, or, where neither figure's words name any, one heading naming funds
    and the other none (the 财政拨款's 基本支出 and all funds')."""
    own_first, own_other = _own_funds(first), _own_funds(other)
    if own_first and own_other:
        return False  # (the funds the paragraphs name are compared as they are: Fact.fund)
    if not own_first and not own_other:  # (a heading each: one too far above says nothing of its figure's funds)
        return first_heading is not None and other_heading is not None and _funds(first_heading) != _funds(other_heading)
    # (one figure's own words, the other's heading: two funds of one kind named — a budget's fund, or 财政拨款 and
    # 非财政拨款 —, not a heading that names more: "…一般公共预算…公务用车…23,005.58元" and "二、一般公共预算财政拨款“三公”
    # 经费支出决算具体情况 ⏎ …公务用车…23,005.58元" are one quantity)
    wide_first = own_first or _funds(first_heading)
    wide_other = own_other or _funds(other_heading)
    return any(wide_first & kind and wide_other & kind and wide_first & kind != wide_other & kind for kind in _FUND_KINDS)


def _own_funds(fact: Fact) -> frozenset[str]:
    return _funds(fact.label) | {fact.fund} if fact.fund else _funds(fact.label) | frozenset(fact_scope(fact))


@lru_cache(maxsize=1024)
def _funds(heading: str | None) -> frozenset[str]:
    """The funds a heading names ("二、财政拨款支出决算情况说明", "二、基金预算"), or none."""
    if not heading:
        return frozenset()
    named = {fund_called(m.group()) for m in FUND_NAME.finditer(heading)}
    for m in _APPROPRIATION.finditer(heading):
        named.add(m.group())
    return frozenset(named)


_APPROPRIATION = lazyre.compile(r"非?财政拨款")
_FUND_KINDS = (frozenset({"一般公共预算", "政府性基金", "国有资本经营", "社会保险基金"}), frozenset({"财政拨款", "非财政拨款"}))


class _Units:
    """The units the text's headings name: a text of two or more units ("（一）教育局机关", "（二）县实验中学") sets a
    unit's figures apart from those under a heading naming none ("（三）部门汇总")."""

    def __init__(self, index: DocumentIndex, text: str) -> None:
        self.index, self.text = index, text
        self._several: bool | None = None
        self._outlines: list[tuple[int, str]] | None = None
        self._names: dict[str, str | None] = {}  # (heading → the unit it names: a heading is asked of again and again)

    def named(self, heading: str | None) -> str | None:
        """The unit a heading names, by its shape: a name alone (a bracketed note and "部门决算情况" after it aside) that
        is a unit's (vocabulary entity: "县实验中学", "教育局机关", "黄沙镇完全小学") or the unit itself ("中心学校本部", "局本级")."""
        if not heading:
            return None
        if heading not in self._names:
            self._names[heading] = self._named(heading)
        return self._names[heading]

    def _named(self, heading: str) -> str | None:
        m = _UNIT_HEADING.match(heading)
        if m:
            return m.group(1)
        bare = _HEADING_NOTE.sub("", _HEADING_MARKER.sub("", heading.strip(), count=1)).strip(" :")
        if not _NAME.fullmatch(bare):
            return None
        if self.index.vocab.cue("entity").fullmatch(bare) or _ITSELF.search(bare):
            return bare
        return None

    def outline_of(self, at: int) -> str | None:
        """The unit whose own outline offset `at` stands in: the last line before it that names a unit alone (an
        unnumbered line, "金华市婺城区第一实验幼儿园", "县财政局2023年部门预算") right above a first heading (一、, (一),
        1.) — in a text of two or more such units; None before the first, or in a text of one."""
        if self._outlines is None:
            self._outlines = self._unit_outlines()
        k = bisect_right(self._outlines, at, key=lambda pair: pair[0]) - 1
        return self._outlines[k][1] if k >= 0 else None

    def _unit_outlines(self) -> list[tuple[int, str]]:
        found: list[tuple[int, str]] = []
        lines = self.text.split("\n")
        starts = line_starts(self.text)
        for n, line in enumerate(lines):
            name = line.strip()
            if not name or len(name) > 30 or "。" in name or _FIRST_HEADING.match(name):
                continue
            follows = next((rest.strip() for rest in lines[n + 1:n + 3] if rest.strip()), "")
            if not _FIRST_HEADING.match(follows):
                continue
            unit = self.named(_YEAR_IN_NAME.sub("", name))
            if unit:
                found.append((starts[n], unit))
        return found if len({unit for _, unit in found}) >= 2 else []

    @property
    def several(self) -> bool:
        if self._several is None:
            names = set()
            for line in self.text.split("\n"):
                line = line.strip()
                if line and len(line) <= 30 and "。" not in line and not _FIGURE.search(_MARKER.sub("", line)):
                    name = self.named(line)
                    if name:
                        names.add(name)
                        if len(names) >= 2:
                            break
            self._several = len(names) >= 2
        return self._several


_HEADING_MARKER = lazyre.compile(r"^(?:\(?[一二三四五六七八九十\d]{1,3}[)、.]\s*|第[一二三四五六七八九十\d]{1,3}部分\s*)")
_HEADING_NOTE = lazyre.compile(r"(?:\([^()]*\))+$|(?:部门|单位)?(?:决算|预算)(?:情况|说明)?$")
_NAME = lazyre.compile(r"[\u4e00-\u9fff]{2,16}")
_ITSELF = lazyre.compile(r"[\u4e00-\u9fff](?:本部|本级|机关)$")

# the first heading of an outline ("一、收入支出决算总体情况", "(一)部门职责", "1.部门概况", "第一部分 部门概况")
_FIRST_HEADING = lazyre.compile(r"^(?:\(?[一1][)、.．]|第一部分)")
_YEAR_IN_NAME = lazyre.compile(r"(?:19|20)\d{2}\s*年度?")  # ("县财政局2023年部门预算": the unit's name with the year)
_INCLUDED = lazyre.compile(r"\((?:含|包括|包含)[^()]*\)")
# a line that names a unit alone, a heading over its figures ("（一）市教育局", "三江镇:", "2.市交通运输局", "高新区")
# (its marker may be a part's, "第一部分  县农业农村局", or brackets, "【县交通运输局】"; its name may be followed by what the
# section tells of it, "1.县水利局部门决算情况")
_UNIT_HEADING = lazyre.compile(r"^(?:\(?[一二三四五六七八九十\d]{1,3}[)、.]\s*|第[一二三四五六七八九十\d]{1,3}部分\s*|【)?"
                               r"([\u4e00-\u9fff]{1,16}?(?:省|市|县|区|州|旗|盟|镇|乡|街道|局|委员会|"
                               r"委|办公室|办|中心|站|院|校|所|厅|部|集团|公司|基金))"
                               r"(?:】|(?:部门|单位)?(?:决算|预算)(?:情况|说明)?)?[:]?$")
_LINE_SUBJECT = lazyre.compile(r"\s*([^:,;。\d]{2,24}):")  # ("工伤保险基金:本年收入18420万元,…": the line's own heading)
# … or its numbered item's name, a sentence of its own ("(二)失业保险基金。本年收入1139亿元,…")
_ITEM_SUBJECT = lazyre.compile(r"\s*\(?[一二三四五六七八九十\d]{1,3}[)、.]\s*([^:,;。\d]{2,24})[。:]")
_HEADING_REACH = 6  # lines back
# a span of years: a range ("1976~1985年", "2021—2024年") or a count ("10年", "36年", "五年")
_YEAR_SPAN = lazyre.compile(r"((?:19|20)\d{2}\s*[~～\-—–至到]\s*(?:(?:19|20)?\d{2})\s*年)|(?<![\d年〇零○])(\d{1,3}|[一二三四五六七八九十]{1,3})\s*(?:个)?年(?!度)")
_OUTTURN = lazyre.compile(r"决算|执行情况|完成情况|实际")
_MARKER = lazyre.compile(r"^\(?[一二三四五六七八九十\d]{1,3}[)、.]|(?:19|20)\d{2}年度?")
_FIGURE = lazyre.compile(r"\d")


def _basis(index: DocumentIndex, text: str, fact) -> str | None:
    """The accounting basis or scope (口径) the figure is stated on (vocabulary accounting_basis): the last one its
    sentence names before it ("按预算会计口径,2023年度收入总计…"), else the one its heading names ("八、财务会计报表情况
    说明"), else None."""
    basis = index.vocab.cue("accounting_basis")
    said = basis.findall(text, sentence_start(text, fact.span.start), fact.span.start)
    if said:
        return said[-1]
    heading = _heading(text, fact.span.start)
    found = basis.findall(heading) if heading else []
    return found[-1] if found else None


_OPENING_YEAR = lazyre.compile(r"\s*(?:[(（]?[一二三四五六七八九十\d]{1,2}[)）、.．]\s*)?(1[0-4]\d)\s*年度(?![、和及至到~～—–-])")
_NOT_ITS_OWN = lazyre.compile(r"[\d较比与同]")


def _year_opening(text: str, fact) -> str | None:
    """The 民国 year the figure's line or sentence opens with when it is that line's first figure, named by the words
    right after the year ("112年度總收入18,456,320元"), or None. (Labels keep no period of a 民国 year; a 4-digit year
    is the label's period already. Not a list of years, "112年度、113年度…分別為", nor a figure compared with after
    the first, "113年度…較112年度之…".)"""
    start = max(text.rfind("\n", 0, fact.span.start) + 1, sentence_start(text, fact.span.start))
    m = _OPENING_YEAR.match(text, start, fact.span.start)
    if m is None or _NOT_ITS_OWN.search(text, m.end(), fact.span.start):
        return None
    return m.group(1)


def _span_said(text: str, fact) -> str:
    """The span of years the figure's sentence names before it ("1976~1985年", "10年"), or ""."""
    found = _YEAR_SPAN.findall(text, sentence_start(text, fact.span.start), fact.span.start)
    return "".join(found[-1]).replace(" ", "") if found else ""


def _part_said(index: DocumentIndex, text: str, fact) -> str:
    """The part of a year the figure's sentence names before it ("1—2月", "上半年", "一季度"), or "" (cue part_of_year)."""
    # (a month's end is a point of the year, point_of's: "截至2023年9月末" and "截至2023年9月30日" are one)
    found = [m for m in index.vocab.cue("part_of_year").findall(text, sentence_start(text, fact.span.start),
                                                                  fact.span.start) if not m.endswith(("末", "底"))]
    return found[-1].replace(" ", "") if found else ""


def _that_year_of(index: DocumentIndex, text: str, fact, heads: dict) -> str | None:
    """The year a 当年 said before the figure stands for, when not the report's (`_that_year`) — for a part of a list
    whose own sentence says none, the one said before its total ("当年“三公”经费支出56.20万元,其中…公务用车运行维护费
    14.40万元": 2022's parts, after "2022年,本局…")."""
    year = _that_year(index, text, fact.span.start)
    head = heads.get(fact.id)
    if year is None and head is not None:
        year = _that_year(index, text, head.span.start)
    return year


def _that_year(index: DocumentIndex, text: str, at: int) -> str | None:
    """The year a 当年 of the sentence before offset `at` stands for, when it is not the report's: the year named last
    before that 当年 — in its sentence, on the lines above up to its section's heading, or by that heading ("二、上年度
    绩效评价发现问题整改情况" makes its section's 当年 last year's: "previous") —; None when the sentence says no 当年,
    or it is the report's year (cues that_year, year_named, previous_year_heading)."""
    said = None
    for said in index.vocab.cue("that_year").finditer(text, sentence_start(text, at), at):
        pass
    if said is None:
        return None
    named = index.vocab.cue("year_named")
    end = said.start()
    start = text.rfind("\n", 0, end) + 1
    for line_no in range(_HEADING_REACH + 1):
        found = None
        for found in named.finditer(text, start, end):
            pass
        if found is not None:
            return None if found.group(1) == index.report_year else found.group(1)
        line = text[start:end].strip()
        if line_no and _is_heading_line(line):  # (the first is the line of 当年 itself, up to it)
            return "previous" if index.vocab.cue("previous_year_heading").search(line) else None
        if start == 0:
            return None
        end = start - 1
        start = text.rfind("\n", 0, end) + 1
    return None


def _is_heading_line(line: str) -> bool:
    """A short line of no sentence and no figure (an outline's number and a year aside)."""
    return bool(line) and len(line) <= 30 and "。" not in line and not _FIGURE.search(_MARKER.sub("", line))


def _heading(text: str, at: int) -> str | None:
    """The nearest heading line above offset `at` (a short line of no sentence and no figure), within a few lines."""
    end = text.rfind("\n", 0, at)
    own = _LINE_SUBJECT.match(text, end + 1, at) or _ITEM_SUBJECT.match(text, end + 1, at)
    if own and _UNIT_HEADING.match(strip_glosses(own.group(1))):  # (a mirror site's "失业(yè)保险基金")
        return strip_glosses(own.group(1))
    for _, line in lines_above(text, at, _HEADING_REACH):
        if _is_heading_line(line := line.strip()):
            return line
    return None


def _other_sections(a: str | None, b: str | None, units: _Units) -> bool:
    """Two headings that name two units, or a budget and an outturn: the figures under them are two quantities; and in
    a text of several units, a unit's heading and one naming none (its whole: "（三）部门汇总")."""
    if a == b:
        return False
    # (a heading that names an entity under the report's own, its name alone, opens that entity's scope: "辖下「某某纪念
    # 基金」 ⏎ 总收入45.6百万元" is the fund's, not the 总收入 the report's own 本会 stated above)
    below_a, below_b = _entity_below(a, units), _entity_below(b, units)
    if (below_a or below_b) and below_a != below_b:
        return True
    unit_a, unit_b = units.named(a), units.named(b)
    if unit_a and unit_b and unit_a != unit_b:
        return True
    if bool(unit_a) != bool(unit_b) and units.several:
        return True
    if not a or not b:
        return False
    return {_section_kind(a), _section_kind(b)} == {"budget", "outturn"}


def _entity_below(heading: str | None, units: _Units) -> str | None:
    """The entity under the report's own a heading names alone ("辖下「某某纪念基金」", "(二)下属县实验中学:"), or None
    (vocabulary subordinate_entity)."""
    if not heading:
        return None
    bare = _HEADING_NOTE.sub("", _HEADING_MARKER.sub("", heading.strip(), count=1)).strip(" :")
    named = units.index.vocab.cue("subordinate_entity").fullmatch(bare)
    return named.group() if named else None


def _section_kind(heading: str) -> str | None:
    if _OUTTURN.search(heading):
        return "outturn"
    return "budget" if "预算" in heading else None


def _parents(index: DocumentIndex, lists: list[Breakdown], shares: list[Share]) -> dict[int, tuple]:
    """What a figure is part of, when that is narrower than the whole report."""
    top = {t for name in ("支出构成", "收入来源") if name in index.vocab.families
           for t in index.vocab.families[name].totals}
    out: dict[int, tuple] = {}
    for b in lists:
        parent = b.total.concept or b.total.label
        if parent and parent not in top:
            for p in b.parts:  # (with its funds: 一般公共预算财政拨款基本支出's 人员经费 is not 基本支出's)
                out.setdefault(p.id, (parent, fact_scope(b.total)))
    for s in shares:
        if s.part is not None and s.whole_label:
            info = index.label_concept(s.whole_label)
            parent = info.concept or info.text
            if parent and parent not in top:
                out.setdefault(s.part.id, (parent, scope_of(s.whole_label, info.concept)))
    return out


def _clause_start(text: str, at: int) -> int:
    """Where the clause before `at` opens: after the previous ',', ';' or '。' but one (the words that put a figure
    on another basis may stand a clause before it: "若不计入特别预算,总支出为…")."""
    marks = [text.rfind(c, 0, at) for c in ",;。\n"]
    last = max(marks)
    if last <= 0:
        return 0
    before = last_of(text, ",;。\n", last)
    return before + 1 if text[last] == "," else last + 1


_LAST_YEAR_WORDS = ("上年", "去年", "上一年", "上年度")


def _in_last_years_bracket(text: str, at: int) -> bool:
    """The figure stands in a bracket that explains a figure of last year ("上年该比例为55.59%(项目支出4819.05万元/
    总额8668.70万元)"): last year's amounts, not this year's said again."""
    opened = text.rfind("(", max(0, at - 60), at)
    if opened < 0 or text.find(")", opened, at) >= 0:
        return False
    return any(w in text[_clause_start(text, opened):opened] for w in _LAST_YEAR_WORDS)
