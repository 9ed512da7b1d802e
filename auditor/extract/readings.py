"""Read every figure of the text as a fact: value, label, concept, period, scenario, fund.

A figure's label is the prose right before it in its clause ("项目支出年初预算").
Where the label says too little, the reading borrows from what the text itself
puts around it, and says so:

- names written before 分别为 go to the figures after it, in order
  ("基本支出、项目支出分别为180.5万元、667.9万元");
- a unit written once goes to a run of bare numbers ("120、52、260万元");
- a label with only scenario words continues the subject before it
  ("三公经费支出年初预算22.00万元,支出决算8.77万元");
- parts after 其中/分别为 take the scenario of the figure the list hangs from;
- a year opening the sentence dates all of it; a later one only its clause.

The reading runs left to right once; a figure may use the readings of
figures before it, never after.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from decimal import Decimal
from functools import lru_cache
from itertools import compress

from auditor import lazyre
from auditor.extract.discourse import SENTENCE_ENDS, Discourse, Node
from auditor.extract.figures import read_figure
from auditor.extract.kept import KeptOnce
from auditor.textsearch import last_of
from auditor.extract.model import Fact, Span, is_previous
from auditor.extract.vocabulary import FUND_NAME, LabelInfo, Vocabulary, fund_called, read_label
from auditor.normalise import Normalised
from auditor.records import dataclass

POINTS = "个百分点"  # the written unit of a change in percentage points
VALUE_PIECES = {"labelled", "total", "increase", "decrease", "growth_up", "growth_down", "share"}
# a year a label names: AD, or a Taiwanese 民國 year ("113年度社福支出")
LABEL_YEAR = lazyre.compile(r"(?<!\d)((?:19|20)\d{2}|1[0-2]\d)\s*年")
_COUNT_JOINER = lazyre.compile(r"(?:以及|及|和|与)$")
_BARE_NAME = lazyre.compile(r"[\u4e00-\u9fff]{1,12}")


def _is_count(node: Node) -> bool:
    return node.piece.value is not None and node.piece.value.type == "COUNT"


OPENERS = {"qizhong", "fenbie", "include", "classify", "dimension"}
# nouns that, with only scenario words around them, name no quantity of their own
_BARE_NOUNS = {"支出", "收入"}
_ABBREVIATED = {"收": "收入", "支": "支出"}
_LIST_TOTAL_WORDS = {"合计", "总计", "共计", "小计", "累计"}  # a 合计 is the list's total, not a sibling
# what may stand between two sentences one right after the other: a line break or a blank line (after the rest
# of the first sentence, words the grammar read as no piece, when its last piece is not its end)
_LINE_BREAK = lazyre.compile(r"[ \t\u3000]*(?:\n[ \t\u3000]*){0,2}")
_REST_OF_SENTENCE = lazyre.compile(r"[^。!?\n]*[。!?]" + _LINE_BREAK.pattern)
_LOOK_BACK = 64  # pieces a label inherits across at most: readings stay linear in the text
_ABBREVIATED_AS = lazyre.compile(r"(?:以下)?简称[:：]?([^)]{2,14})")
# (compiled once here, not looked up in re's cache for every figure)
_PREVIOUS_YEAR_WORD = lazyre.compile(r"上一?年|去年|\d{4}")
_QUOTES = lazyre.compile(r"[“”\"'「」『』]")
_LEADING_YEAR = lazyre.compile(r"^\d{4}年度?")
# a year ("2023年度"), not a fiscal year over two calendar years ("2023/24年度", "2023-24年度"): that one dates
# its figures to neither year alone
_FOUR_DIGITS = lazyre.compile(r"(\d{4})(?!\s*[-/–—]\s*\d{2})")
_YEAR = lazyre.compile(r"\d{4}年度?")

@dataclass(frozen=True)
class Reading(KeptOnce):
    """The text's structure with every figure read: what each resolver takes."""

    norm: Normalised
    vocab: Vocabulary
    report_year: str | None
    tree: Discourse
    facts: tuple[Fact | None, ...]  # by node index
    labels: tuple[LabelInfo | None, ...]  # by node index

    def fact(self, i: int) -> Fact | None:
        return self.facts[i]

    def follows_right_on(self, first: int) -> bool:
        """Node `first` opens a sentence that follows right on the sentence before it (the one node first − 1 stands
        in): in its paragraph or the one after, nothing between but the rest of that sentence and a line break or a
        blank line — no sentence the grammar read nothing of ("本单位未安排“三公”经费。"), no heading ("三、会议费支出
        情况"), no item."""
        tree = self.tree
        if first <= 0 or tree[first - 1].paragraph < tree[first].paragraph - 1:
            return False
        end = _LINE_BREAK if tree[first - 1].separator(SENTENCE_ENDS) else _REST_OF_SENTENCE
        return end.fullmatch(self.norm.text, tree[first - 1].end, tree[first].start) is not None

    def is_previous(self, fact: Fact) -> bool:
        """Last year's figure (上年, or a year before the report's)."""
        return is_previous(fact, self.report_year)

    def facts_by_sentence(self, kind: str | None = None, prose_only: bool = False) -> list[list[Fact]]:
        """The figures of each sentence, in text order (of one `kind`; outside tables with `prose_only`): what a
        resolver of a sentence's figures (carry-over, an adjusted budget, a survey) walks.  (Grouped once for each
        (kind, prose_only) asked — eight resolvers ask three — and handed out as fresh lists each time.)"""
        memo: dict[tuple[str | None, bool], list[list[Fact]]] = self.memo("_by_sentence", dict)
        found = memo.get((kind, prose_only))
        if found is None:
            by_sentence: dict[int, list[Fact]] = {}
            # (the facts by node index, paired in order; the nodes that read no figure, most of them, passed over
            # by itertools.compress, not a step of this loop each)
            for node, fact in compress(zip(self.tree.nodes, self.facts), self.facts):
                if (kind is None or fact.kind == kind) and not (prose_only and fact.in_table):
                    by_sentence.setdefault(node.sentence, []).append(fact)
            found = memo[(kind, prose_only)] = list(by_sentence.values())
        return [facts.copy() for facts in found]

    def facts_of_concept(self, concept: str | None) -> list[Fact]:
        """The figures of `concept`, in the order of `facts` (grouped once a text: a resolver that asks this for each
        of its figures does not walk every figure of a long text each time).  Not to be changed by the caller."""
        return self.memo("_by_concept", self._facts_by_concept).get(concept, [])

    def _facts_by_concept(self) -> dict[str | None, list[Fact]]:
        by_concept: dict[str | None, list[Fact]] = {}
        for fact in self.facts:
            if fact is not None:
                by_concept.setdefault(fact.concept, []).append(fact)
        return by_concept

    def node_of(self, fact: Fact) -> int | None:
        """The node a fact was read from (the nodes are in text order: a bisection on their starts)."""
        tree, facts = self.tree, self.facts
        n = len(tree)
        # (the nodes' starts and each figure's first node, gathered once a text — resolvers ask this thousands of
        # times a text: a bisection of a list of ints and a dict's look-up, not a key called per step and a walk)
        starts, first = self.memo("_node_of", self._node_starts)
        k = first.get(id(fact))  # (a fact the nodes hold is alive: no other object shares its id)
        if k is None:
            return None
        # (the first node that starts at or after the fact, else the last; the fact's node stands at most two before
        # or after it)
        lo = min(bisect_left(starts, fact.span.start), n - 1)
        if lo - 2 <= k <= lo + 2:
            return k  # (the first node that holds it, so the first in that reach)
        for j in range(max(0, lo - 2), min(n, lo + 3)):
            if facts[j] is fact:
                return j
        return None

    def _node_starts(self) -> tuple[list[int], dict[int, int]]:
        """node_of's index: the nodes' starts, and each figure's first node by the figure's id."""
        first: dict[int, int] = {}
        for k, f in enumerate(self.facts):
            if f is not None and id(f) not in first:
                first[id(f)] = k
        return [node.start for node in self.tree], first

    def span(self, start: int, end: int) -> Span:
        line, column = self.norm.line_col(start)
        return Span.model_construct(start=start, end=end, line=line, column=column)


def read_figures(norm: Normalised, vocab: Vocabulary, report_year: str | None, tree: Discourse,
                 first_id: int = 0) -> Reading:
    """Every figure piece of `tree` as a `Fact`, in text order."""
    return _Reader(norm, vocab, report_year, tree, first_id).read()


class _Reader:
    def __init__(self, norm: Normalised, vocab: Vocabulary, report_year: str | None, tree: Discourse,
                 first_id: int) -> None:
        self.norm, self.vocab, self.year, self.tree = norm, vocab, report_year, tree
        self.next_id = first_id
        n = len(tree)
        self.facts: list[Fact | None] = [None] * n
        self.labels: list[LabelInfo | None] = [None] * n
        funds = list(FUND_NAME.finditer(norm.text))
        self.fund_at = [m.start() for m in funds]
        self.fund_name = [fund_called(m.group()) for m in funds]
        self.first_figure: dict[int, int] = {}  # sentence → index of its first figure
        self.periods: dict[int, list[int]] = {}  # sentence → indices of its period pieces so far
        self.list_heads = _list_heads(tree, vocab.cue("compared_prefix"))
        self.respective_years, self.series_labels = _respective_years(tree)
        # the four tests of a figure's approximation (asked of every figure): looked up once
        self._bound_before = vocab.cue("approximate_bound_before").search
        self._bound_after = vocab.cue("approximate_bound_after").match
        self._about_before = vocab.cue("approximate_about_before").search
        self._about_after = vocab.cue("approximate_about_after").match

    def read(self) -> Reading:
        tree = self.tree
        overrides = _pair_respectively(tree)
        for k, label in self.series_labels.items():
            overrides.setdefault(k, label)
        row_numbers = _row_numbers(tree, self.norm.text, overrides)
        units = _distribute_units(tree, self.vocab)
        for node in tree.of_kind("period", *VALUE_PIECES):  # (in text order, as the nodes)
            p = node.piece
            if p.kind == "period":
                self.periods.setdefault(node.sentence, []).append(node.index)
            if p.kind not in VALUE_PIECES or p.value is None:
                continue
            i = node.index
            if i in row_numbers:
                continue  # ("收入总计  22  2,334.67": the 行次 column's number, no figure of the row)
            self.first_figure.setdefault(node.sentence, i)
            tok = p.value
            start = node.start + (tok.start_pos - p.start)
            end = node.start + (tok.end_pos - p.start)
            label, period, info = self._label_for(node, overrides.get(i))
            self.labels[i] = info
            self.facts[i] = self._make_fact(node, tok.type, str(tok), start, end, label, info, period, units.get(i))
        for node in tree.of_kind("points"):
            # "低4.83个百分点": a change of a rate in percentage points, a figure of its own (no concept:
            # only the points change reads it)
            text = node.piece.keyword  # (its written unit is POINTS: the text is read in simplified characters)
            self.facts[node.index] = self._make_fact(node, "PERCENT", text, node.start, node.start + len(text),
                                                     "", None, None, None)
        _score_totals(tree, self.facts, self.vocab)
        return Reading(self.norm, self.vocab, self.year, tree, tuple(self.facts), tuple(self.labels))

    # ------------------------------------------------------------ facts
    def _make_fact(self, node: Node, token_type: str, token_text: str, start: int, end: int,
                   label: str, info: LabelInfo | None, period: str | None, unit_from: tuple | None) -> Fact:
        fig = read_figure(token_type, token_text)
        if unit_from is not None:  # "120、52、260万元": the unit written once for the list
            kind, unit, written_unit, scale = unit_from
            fig = fig._replace(kind=kind, value=fig.value * scale, unit=unit, written_unit=written_unit, scale=scale)
        line, column = self.norm.line_col(start)
        approximate, about = self._approximation(start, end, node.piece.copula)
        about = fig.truncated or (fig.kind == "percent" and about and not fig.approximate)
        approximate = fig.approximate or approximate
        # (every field, in Fact's order: a figure's record made without matching twenty keywords)
        fact = Fact.from_fields({
            "id": self.next_id, "kind": fig.kind, "value": fig.value, "unit": fig.unit,
            "written_unit": fig.written_unit, "scale": fig.scale, "decimals": fig.decimals,
            "approximate": approximate, "about": about,
            "text": self.norm.original[start:end],
            "span": Span.from_fields({"start": start, "end": end, "line": line, "column": column}),
            "label": info.text if info else label,
            "concept": info.concept if info else None,
            "period": period,
            "scenario": info.scenario if info else None,
            "fund": self._fund_of(node.paragraph, start),
            "window": node.paragraph,
            "sentence": node.sentence,
            "in_table": False,
            # a head count or a number of items is exact, not rounded
            "exact": fig.kind == "count" and fig.scale == 1 and fig.decimals == 0,
        })
        self.next_id += 1
        return fact

    def _approximation(self, start: int, end: int, copula: str) -> tuple[bool, bool]:
        """(approximate, about) of the figure at text[start:end]: written as about this much (约, 左右),
        or as a bound (近, 逾, 以上, 余) — an about-figure is one with no bound word."""
        text = self.norm.text
        # (enough to see a bound word before the unit it is per, "不高于每公里38万元", and what follows 以上, a range's end)
        before, after = text[max(0, start - 10):start], text[end:end + 14]
        bound = bool(self._bound_before(before) or self._bound_after(after))
        about = copula.startswith("约") or bool(self._about_before(before) or self._about_after(after))
        # "一般公共服务支出?8639万元": a character lost in conversion, maybe a digit
        lost = bool(start) and text[start - 1] in "?\ufffd"
        return lost or bound or about, about and not bound

    def _fund_of(self, paragraph: int, at: int) -> str | None:
        """The fund named last before offset `at` in its paragraph ("政府性基金预算收入…收入合计")."""
        k = bisect_right(self.fund_at, at) - 1
        if k >= 0:
            start = self.tree.paragraph_start(paragraph)
            if self.fund_at[k] >= (start if start is not None else at):
                return self.fund_name[k]
        return None

    # ----------------------------------------------------------- labels
    def _label_for(self, node: Node, override: str | None) -> tuple[str, str | None, LabelInfo]:
        """Label text, period and label reading of the figure at `node`."""
        tree, i, p = self.tree, node.index, node.piece
        if p.kind not in {"labelled", "total"}:
            # change deltas, growth rates and shares are read by their statement;
            # the concept says which part of it they are
            label = p.keyword + p.label
            kind = p.value.type if p.value is not None else ""
            if p.kind == "share":
                concept = "占比"
            elif kind == "PERCENT":
                concept = "增减率"
            else:
                concept = "预算差额" if self.vocab.cue("reference_budget").search(p.keyword) \
                    and not _PREVIOUS_YEAR_WORD.search(p.keyword) else "增减额"
            info = LabelInfo(label, concept, False, None, None, None)
            return label, self._period_before(node), info
        own = override if override is not None else p.label
        named = self._noun_after_count(i) if override is None else None
        if named is not None:
            own = named  # "计26家,包括10家区域医院、8家地区医院…": the count names what follows it
        before = tree[i - 2].piece.label if i > 1 and tree[i - 2].kind == "words" else ""
        if not own and 0 < len(before) <= 12 and tree[i - 1].separator("([") \
                and self.vocab.cue("compared_prefix").match(before):
            own = before  # "较去年同期(4,343亿元)增加147亿元": the figure compared with, in a bracket
        elif not own and p.copula == "为" and i > 0 and tree[i - 1].clause == node.clause \
                and self.facts[i - 1] is not None and self.facts[i - 1].kind == "percent":
            own = tree[i - 1].piece.label  # "中央财政补贴47.5%为614.39万元": the subsidy's amount
        context = []
        j = i - 1
        clause = node.clause
        while j >= 0 and tree[j].clause == clause:
            kind = tree[j].kind
            if kind == "sep" and tree[j].piece.keyword in ")]】" and not own:  # (Node.separator, written out)
                # "政务服务体系(大厅水电、物业管理、办公等)113万元": the name stands before the bracket —
                # unless the bracket gives the name ("…公务接待费(简称“三公”经费)支出合计24.75万元")
                depth = tree[j].depth
                j -= 1
                inside = []
                while j >= 0 and tree[j].depth > depth:
                    if tree[j].kind == "words":
                        inside.append(tree[j].piece.label)
                    j -= 1  # the bracket's content and the opening bracket itself
                # (a bracket whose commas open clauses of their own: the name stands in the clause it opens in —
                # "国家财政性教育经费(主要包括…,…,…等)为50,433亿元")
                clause = tree[j + 1].clause
                short = _ABBREVIATED_AS.search("".join(reversed(inside)))
                if short:
                    context.append(_QUOTES.sub("", short.group(1)))
                    break
                continue
            if kind not in {"words", "period", "item"}:
                break
            if kind != "item":
                context.append(tree[j].piece.label or tree[j].piece.keyword)
            j -= 1
        context.reverse()
        if p.kind == "total":
            own = own + p.keyword
            if context and context[0] == "等":
                context = context[1:]  # ("…与灾害准备金50亿元等合计169.5亿元": 等 closes the list, it names nothing)
        full = "".join(context) + own
        info = read_label(full, self.vocab)
        if info.concept is None and p.kind != "total" and info.text and info.text not in _LIST_TOTAL_WORDS:
            inherited = self._inherit_concept(node)
            if inherited:
                info = LabelInfo(info.text, inherited, True, info.scenario, info.period, info.rate)
        elif info.concept in _BARE_NOUNS and not info.known and info.scenario and p.kind != "total":
            # "三公经费支出年初预算22.00万元,支出决算8.77万元": the bare 支出 is the one just named
            inherited = self._inherit_concept(node, containing=info.concept)
            if inherited:
                info = LabelInfo(info.text, inherited, True, info.scenario, info.period, info.rate)
        if not info.known and p.kind != "total" \
                and self.vocab.cue("adjusted_to").search(clean_label(full) + (p.copula or "")):
            adjusted = self._budget_adjusted(node)
            if adjusted is not None:
                info = LabelInfo(info.text, adjusted, False, "budget_adjusted", info.period, info.rate)
        if info.concept is None and info.text and self.vocab.cue("own_unit_only").match(clean_label(full)):
            term = self._glossary_term(node)
            if term is not None:  # ("机关运行经费:指…。本部门2024年安排86.42万元": the defined term's)
                named = read_label(term, self.vocab)
                info = LabelInfo(info.text, named.concept, named.known, info.scenario, info.period, info.rate)
        if info.concept is None and info.text:
            # "年初预算数为146万元" with nothing to inherit: the label itself names it
            info = LabelInfo(info.text, _LEADING_YEAR.sub("", info.text) or None, False,
                             info.scenario, info.period, info.rate)
        if info.scenario is None:
            listed = self._list_scenario(node)
            if listed:
                info = LabelInfo(info.text, info.concept, info.known, listed, info.period, info.rate)
        period = self.respective_years.get(i) or info.period or self._period_before(node)
        if period == "current" and not self.vocab.cue("this_year").search(full) and self._opening_previous(node):
            period = "previous"  # "上年(2021年)该项目全年预算652.40万元": 全年 of last year
        if self.vocab.cue("compared_with").fullmatch(clean_label(full)):
            period = "previous"  # "…1969万元,较2024年的2190万元减少221万元": the figure compared with
        return full, period, info

    def _glossary_term(self, node: Node) -> str | None:
        """The term a glossary entry (名词解释) defines, when the figure's line opens with it: "机关运行经费:指…"."""
        text = self.norm.text
        opened = text.rfind("\n", 0, node.start) + 1
        m = self.vocab.cue("glossary_term").match(text[opened:node.start])
        return _QUOTES.sub("", m.group(1)) if m else None

    def _noun_after_count(self, i: int) -> str | None:
        """The name a count of a list written count first carries after it ("包括2个营业基金、6个作业基金、11个特别收入
        基金及1个资本计划基金"): the count has no words of its own before it (an opener, a 、 or the joiner after the
        count before), the words right after it are a bare name, and a count next to it in the list is written so too."""
        noun = self._count_noun(i)
        if noun is None:
            return None
        tree = self.tree
        after = i + (2 if tree[i + 1].kind == "words" else 1)  # (past the name: a 、, or the next count itself)
        if after < len(tree) and tree[after].kind == "sep" and tree[after].piece.keyword == "、":
            after += 1
        before = i - 1 if tree[i - 1].kind == "labelled" else i - 3  # (the count before: joined, or before its name and 、)
        neighbours = [k for k in (after, before) if 0 <= k < len(tree) and tree[k].sentence == tree[i].sentence]
        return noun if any(self._count_noun(k) is not None for k in neighbours) else None

    def _count_noun(self, i: int) -> str | None:
        tree = self.tree
        if i <= 0 or i + 1 >= len(tree):
            return None
        node, prev, nxt = tree[i], tree[i - 1], tree[i + 1]
        if node.kind != "labelled" or not _is_count(node) or prev.sentence != node.sentence \
                or nxt.sentence != node.sentence:
            return None
        own = node.piece.label
        if own:  # ("…11个特别收入基金及1个…": the label before it is the count before's name and the joiner)
            if not (prev.kind == "labelled" and _is_count(prev) and _COUNT_JOINER.search(own)):
                return None
        elif not ((prev.kind == "sep" and prev.piece.keyword in "、,") or prev.kind in OPENERS):
            return None
        if nxt.kind == "words":
            noun = nxt.piece.label
        elif nxt.kind == "labelled" and _is_count(nxt) and _COUNT_JOINER.search(nxt.piece.label):
            noun = _COUNT_JOINER.sub("", nxt.piece.label)
        else:
            return None
        return noun if _BARE_NAME.fullmatch(noun) else None

    def _list_scenario(self, node: Node) -> str | None:
        """Parts after 其中/分别为 take the scenario of the figure the list hangs from.

        "三公经费预算1.5万元,其中公务接待费1.5万元;三公经费实际支出0.18万元,其中公务接待费0.18万元"
        """
        head = self.list_heads.get(node.index)
        if head is None:
            return None
        fact = self.facts[head]
        return fact.scenario if fact is not None else None

    def _period_before(self, node: Node) -> str | None:
        tree = self.tree
        i = node.index
        for j in reversed(self.periods.get(node.sentence, [])[-8:]):  # the nearest few: linear in the text
            s = tree[j]
            before = tree[j - 1].piece if j > 0 else None
            if before is not None and before.kind == "words" and self.vocab.cue("compared_before_year").search(before.label):
                continue  # "较2024年的2190万元": the year of the comparison, not of what follows
            after = tree[j + 1].piece if j + 1 < len(tree) else None
            if s.depth > node.depth or (after is not None and after.kind == "words"
                                        and self.vocab.cue("cited_after_year").match(after.label)):
                continue  # "《…操作规程(2022年修订)》": the year of a document cited, not of the figures
            # a year that opens the sentence dates all of it; a later one only its own
            # clause ("…、2022年度考核优秀等次奖励工作经费3.09万元、评标建设资金53.49万元")
            opens = self.first_figure.get(node.sentence, i) >= j
            if not opens and s.clause != node.clause:
                continue
            m = _FOUR_DIGITS.match(s.piece.keyword)
            return m.group(1) if m else None
        return self._opening_previous(node) or self._opening_label_period(node) or self._paragraph_year(node)

    def _opening_previous(self, node: Node) -> str | None:
        """A clause whose opening words end with 上年 / 去年 (its year in a bracket: "上年(2021年)该项目全年预算
        652.40万元", "…捐助经费上年度(113年度)预算数…") is of last year."""
        tree = self.tree
        first = tree.unit("sentence", node.index).start
        # (… or a sentence opened, after its number, by last year named before a colon: "三、上年同期数据:资产总额
        # 17215.84亿元,负债总额11062.49亿元" — every clause of it; cue previous_period_opening)
        said = first + 1 if first < node.index and tree[first].kind == "item" else first
        if said + 1 < node.index and tree[said].kind == "words" and tree[said + 1].kind == "sep" \
                and tree[said + 1].piece.keyword in ":：" \
                and self.vocab.cue("previous_period_opening").match(tree[said].piece.label.strip()) \
                and not self._names_own_period(node):
            return "previous"
        opening = tree[first]
        if first == node.index or opening.kind != "words" or opening.clause != node.clause:
            return None
        return "previous" if _OPENS_LAST_YEAR.search(opening.piece.label) else None

    def _names_own_period(self, node: Node) -> bool:
        """The part of node's sentence it stands in (to ;) names the current period before it or in its own words
        ("上年同期数据:资产总额17215.84亿元…;本期资产总额18462.37亿元,负债总额11683.52亿元": this period's; cue
        current_period_words)."""
        part = self.tree.unit("sub", node.index)
        start = self.tree[part.start].start
        return bool(self.vocab.cue("current_period_words").search(self.norm.text, start, node.end))

    def _opening_label_period(self, node: Node) -> str | None:
        """The other period a sentence opens with in its first amount's own words ("上年度總收入為82,315,640港元,總支出為
        83,046,210港元", "2021/2022學年總收入為…,總支出為…"; cue sentence_opening_period): it dates the figures after it
        that name none — until words naming a period stand between ("上年公务接待费预算3.00万元,本年度因…,实际支出4.86万元")."""
        tree, text = self.tree, self.norm.text
        first = tree.unit("sentence", node.index).start
        if first == node.index or not self.vocab.cue("sentence_opening_period").match(text, tree[first].start):
            return None
        opener = next((self.facts[k] for k in range(first, node.index)
                       if self.facts[k] is not None and self.facts[k].kind == "amount"), None)
        if opener is None or opener.period in (None, "current"):
            return None  # (the first amount is read of no other period: the opening is no year of it)
        if self._names_own_period(node):
            return None  # ("上年同期数据:资产总额…;本期资产总额18462.37亿元": the part naming 本期 is of it)
        between = text[opener.span.end:node.start]
        if self.vocab.period_words.search(between) or LABEL_YEAR.search(between):
            return None
        return opener.period

    def _paragraph_year(self, node: Node) -> str | None:
        """A year after the report's that a paragraph opens with dates its later sentences that name
        none ("2025年度一般公共预算财政拨款支出预算2832.29万元…。“三公”经费预算19.61万元": the next
        year's budget, in a report on 2024)."""
        nodes = self.tree.paragraph_nodes(node.paragraph)
        if not nodes or nodes[0] == node.index:
            return None
        first = self.tree[nodes[0]]
        if first.kind != "period" or first.sentence == node.sentence:
            return None
        m = _FOUR_DIGITS.match(first.piece.keyword)
        # (only a year after the report's — the next year's budget —: the report's is every undated figure's
        # already, and an earlier one opens a history ("2019年经县编委批准…更名设立。全年支出合计…"))
        return m.group(1) if m and self.year and self.year.isdigit() and int(m.group(1)) > int(self.year) else None

    def _budget_adjusted(self, node: Node) -> str | None:
        """The subject of the budget right before node's figure in its sentence, which node's figure is that budget as
        adjusted ("年初预算一般公共预算收入44.45亿元,年中经市人大常委会批准调整为46.67亿元"); None when the figure
        before is no budget, or names no subject."""
        for j in self.tree.before(node.index, "sentence", limit=_LOOK_BACK):
            fact, info = self.facts[j], self.labels[j]
            if fact is None or fact.kind != "amount" or self.tree[j].kind != "labelled":
                continue
            # (in a clause of its own: "由年初预算12981.26万元调整为13250.10万元" is a change from one to the other,
            # the change resolvers' — its subject named before 由)
            return info.concept if info is not None and info.concept and self.tree[j].clause != node.clause \
                and fact.scenario in {"budget", "budget_initial", "budget_adjusted"} else None
        return None

    def _inherit_concept(self, node: Node, containing: str = "") -> str | None:
        """A label with only scenario words ("全年预算") continues the subject before it;
        with `containing`, only a known subject whose own label holds that word."""
        for j in self.tree.before(node.index, "sub", limit=_LOOK_BACK):
            fact, info = self.facts[j], self.labels[j]
            if self.tree[j].kind in _CHANGE_WORDS:
                continue  # "…减少40万元,较预算数1237万元": a change's amount names no subject
            if fact is not None and info is not None and info.concept and fact.kind == "amount":
                if containing and not (info.known and containing in info.text):
                    return None
                return info.concept
        return None


_CHANGE_WORDS = frozenset({"increase", "decrease"})
_OPENS_LAST_YEAR = lazyre.compile(r"(?:上一?年度?|去年|前一年度?)(?:同期)?\s*$")  # (the opening words end so)

# (a currency mark before the figure too, its letters with it, one mark: "使用後剩餘$88,589元", "支出合計HK$80元",
# "US$", "NT$", "MOP$")
_LABEL_MARKS = lazyre.compile(r"(?:HK|US|NT|NZ|A|S|C|MOP)?[$＄]|[\s:,、“”\"()]")


# the head of a bracket that speaks of another period: "(上年支出…", "(2022-23年度:總收入…", "(112年度:歲入…",
# "(2023年同期公共收入…"
# (a year at the head says so only with 同期 or a colon after it: "(2021年1,286.00万元、2022年…)" lists the years of a span;
# a note's head may stand before the period: "(注:上年末缴存余额626.57亿元,个人住房贷款余额521.16亿元;…)")
_OTHER_PERIOD_HEAD = lazyre.compile(r"\(\s*(?:注\s*:\s*)?(?:(?:(?:19|20)\d{2}(?:\s*[-/至]\s*\d{2,4})?|(?<!\d)1[0-2]\d)\s*年\s*度?"
                                    r"\s*(?:同期|:)|上一?年度?(?:同期)?|去年(?:同期)?|前一年)")
# … or a bracket right after the other period it is of: "较上年(86分,等级为良)提高6分", "比2015年(非税收入14555万元,…)"
_OTHER_PERIOD_BEFORE = lazyre.compile(r"(?:较|比|与|同)(?:上一?年度?|去年|上年同期|去年同期|(?:19|20)\d{2}\s*年度?(?:同期)?)$")


def in_other_period_bracket(text: str, at: int) -> bool:
    """Offset `at` stands in a bracket that opens with another period ("…占42.99%(上年支出13,008.40万元,项目支出
    占比40.12%)"), or in a clause of a bracket that says another period's figure ("…总收入为67亿2,700万元(在未计及…
    资助200万元前,去年度为63亿4,600万元)"): that period's figures, no part, whole or share of the figures outside it."""
    opened = text.rfind("(", max(0, at - 80), at)
    if opened < 0 or text.find(")", opened, at) >= 0:
        return False
    return bool(_OTHER_PERIOD_HEAD.match(text, opened) or _OTHER_PERIOD_BEFORE.search(text, max(0, opened - 8), opened)
                or _other_period_clause(text, opened, at))


# a period said to be what a bracket's figure is of, inside it: "去年度为…", "上年度:…", "上一年度为…", "2022/23年度为…",
# "112年度为…" (Hong Kong, Macau and Taiwan reviews write last year's figure so, after this year's)
_OTHER_PERIOD_SAID = lazyre.compile(r"(?:上一?年度?|去年度?|前一年度?|(?:(?:19|20)\d{2}(?:\s*[-/至]\s*\d{2,4})?|(?<!\d)1[0-2]\d)"
                                    r"\s*年\s*度?)(?:同期)?\s*(?:为|是|:)")
# what keeps a figure of the clause this period's: a list opened ("(其中…", "(含…"), this period named ("本年…")
_OWN_PERIOD_CLAUSE = lazyre.compile(r"其中|含|包括|分别|本年|今年|当年|本期|本年度|、")
_CLAUSE_FIGURE = lazyre.compile(r"\d[\d,.]*\s*(?:[万亿千百]|元|%)")


def _other_period_clause(text: str, opened: int, at: int) -> bool:
    """The clause of the bracket opened at `opened` that holds offset `at` (from the bracket or the last ';' before `at` to
    the next ';' or the bracket's end) says another period's figure: `at` after the period (and no period of its own
    between), or `at` the one figure before it in a clause that opens no list of its own ("(在未计及…资助200万元前,
    去年度为…)": a condition on last year's figure)."""
    start = max(opened, text.rfind(";", opened, at)) + 1
    end = at
    while end < len(text) and end < at + 120 and text[end] not in ";)\n。":
        end += 1
    for m in _OTHER_PERIOD_SAID.finditer(text, start, end):
        if m.start() < at:
            if not _OWN_PERIOD_CLAUSE.search(text, m.end(), at):
                return True
        elif not _OWN_PERIOD_CLAUSE.search(text, start, m.start()) \
                and len(_CLAUSE_FIGURE.findall(text, start, m.start())) <= 1:
            return True
    return False


def bracket_host(r: Reading, i: int) -> int | None:
    """The node of the figure a bracket holding node i right follows in its sentence ("干部报酬54,000.00(3人,每人每月
    6,000.00元,共3个月)", "比上年决算数4,210.50万元(其中…)": the figure the bracket is said of), or None (not in a
    bracket, or one after words)."""
    tree = r.tree
    if tree[i].depth == 0:
        return None
    j = tree.before_bracket(i)
    if j < 0 or tree[j].sentence != tree[i].sentence or tree[j].kind not in {"labelled", "total"} or r.facts[j] is None:
        return None
    return j


@lru_cache(maxsize=4096)  # resolvers clean the same few labels over and over (3 calls a figure)
def clean_label(label: str) -> str:
    return _LABEL_MARKS.sub("", label)


def _list_heads(tree: Discourse, compared: re.Pattern) -> dict[int, int]:
    """node index → the labelled figure a 其中/分别为 list before it hangs from.

    For each piece: the nearest opener before it in its sentence at its bracket
    depth or shallower, and the nearest labelled figure or total before that
    opener at the opener's depth or shallower.  One pass over the sentences that
    hold an opener, per-depth memory;
    a figure's label is read (is it what another is compared with?) only when an
    opener comes after it, and most sentences have none.
    """
    heads: dict[int, int] = {}
    sentence = None
    last_opener: dict[int, int] = {}  # depth → last opener index in the sentence
    figures: dict[int, list[int]] = {}  # depth → labelled figures in the sentence so far
    head_of_opener: dict[int, int | None] = {}
    # (only the sentences that hold an opener, in text order: in the others no piece has a list to
    # hang from, and a sentence's openers stand together among the openers in text order)
    sentences: list[range] = []
    for opener in tree.of_kind(*OPENERS):
        if opener.sentence != sentence:
            sentence = opener.sentence
            sentences.append(tree.unit("sentence", opener.index))
    sentence = None
    nodes = tree.nodes
    for node in (nodes[k] for stretch in sentences for k in stretch):
        if node.sentence != sentence:
            sentence = node.sentence
            last_opener, figures = {}, {}
        if last_opener:
            opener = max((j for d, j in last_opener.items() if d <= node.depth), default=None)
            if opener is not None and head_of_opener.get(opener) is not None:
                heads[node.index] = head_of_opener[opener]
        if node.kind in OPENERS:
            head_of_opener[node.index] = max(
                (j for d, found in figures.items() if d <= node.depth
                 for j in _last_not_compared(tree, found, compared)), default=None)
            last_opener[node.depth] = node.index
        if node.kind in {"labelled", "total"} and node.piece.value is not None \
                and node.piece.value.type != "PERCENT":
            # (nor "完成预算的32.8%": a rate heads no list of amounts — "收入1014.5亿元,完成预算的32.8%,
            # …其中:省本级收入12.7亿元")
            figures.setdefault(node.depth, []).append(node.index)
    return heads


def _last_not_compared(tree: Discourse, found: list[int], compared: re.Pattern) -> list[int]:
    """The last of `found` that is not what a figure is compared with ("较预算数898万元"), as a list of
    at most one; the ones after it are dropped from `found` (they are never its last again)."""
    while found:
        if not compared.match(clean_label(tree[found[-1]].piece.label)):
            return found[-1:]
        found.pop()
    return []


_PART_REACH = 200  # characters looked back for where a part of a sentence opens (a text without stops is not searched whole)


def part_start(text: str, at: int, stops: str = ";。\n") -> int:
    """Where the part of a sentence holding offset `at` opens: after the last of `stops` before it, within
    _PART_REACH characters."""
    lo = max(0, at - _PART_REACH)
    return max(max(text.rfind(c, lo, at) for c in stops) + 1, lo)


def sentence_start(text: str, at: int) -> int:
    """Where the sentence (or line) holding offset `at` opens, however far back."""
    return last_of(text, "。\n", at) + 1  # (max of rfind back to 0, in windows)


_ROW_NUMBER = re.compile(r"\d{1,3}")


def _row_numbers(tree: Discourse, text: str, overrides: dict[int, str]) -> set[int]:
    """A table with a 行次 column, read as lines: "收入总计  22  2,334.67" — the small whole number right after a row's
    label, an amount after it on its line, is the row's number; the label is the amount's (set in `overrides`)."""
    if "行次" not in text:
        return set()
    out: set[int] = set()
    nodes = tree.nodes
    for n, node in enumerate(nodes[:-1]):
        tok, nxt = node.piece.value, nodes[n + 1]
        if node.kind == "total":  # ("收入总计  22  …": the words before 总计 and the keyword name the row)
            label = (nodes[n - 1].piece.label if n and nodes[n - 1].kind == "words" else "") + node.piece.keyword
        else:
            label = node.piece.label
        if node.kind not in ("labelled", "total") or tok is None or not _ROW_NUMBER.fullmatch(str(tok)) \
                or not label.strip():
            continue
        after = nxt.piece.value
        if nxt.kind != "labelled" or after is None or nxt.piece.label.strip() or not any(c in str(after) for c in ".,"):
            continue
        if text[node.end:nxt.start].strip():
            continue  # (only spaces between: the amount's column follows the 行次 column)
        out.add(n)
        overrides.setdefault(n + 1, label)
    return out


_JOINING_WORDS = ("和", "及", "与")


def _joins(node: Node, separators: str = "、") -> bool:
    """A separator of `separators`, or a word that joins two items of a list (和, 及, 与)."""
    return node.separator(separators) or node.kind == "words" and node.piece.label.strip() in _JOINING_WORDS


def years_listed_before(tree: Discourse, i: int) -> list[str]:
    """The years listed right before node i in its clause, in text order ("2022年、2023年和2024年分别为…" → 2022, 2023,
    2024): the 分别 series' years.

    The 年 they share may be written once, on the last ("2021、2022、2023年…": the bare numbers before it are years
    too), and the subject may stand between them and 分别 ("2021、2022、2023年本部门分别支出…")."""
    years: list[str] = []
    for j in tree.before(i, "clause"):
        node = tree[j]
        if node.kind == "period":
            m = _FOUR_DIGITS.match(node.piece.keyword)
            if m is None:
                break
            years.append(m.group(1))
        elif years and _bare_year(node):
            years.append(str(node.piece.value))
        elif node.kind == "words" and j == i - 1 and j > 0 and tree[j - 1].kind == "period":
            continue  # (the subject of the series, right before 分别: the years stand before it)
        elif not _joins(node):
            break
    return years[::-1]


_BARE_YEAR = lazyre.compile(r"(?:19|20)\d{2}")


def _bare_year(node: Node) -> bool:
    """A number written as a year alone, no label or unit ("2021" of "2021、2022、2023年"): a year of a list whose
    年 is written once, on its last year (asked only of a list already closed by such a year)."""
    tok = node.piece.value
    return node.kind == "labelled" and tok is not None and tok.type == "NUMBER" and not node.piece.label.strip() \
        and bool(_BARE_YEAR.fullmatch(str(tok)))


def words_before(tree: Discourse, i: int) -> range:
    """The words (and years) right before node i in its clause: what a change keyword says it compares with."""
    j = i
    while j > 0 and tree[j - 1].clause == tree[i].clause and tree[j - 1].kind in ("words", "period"):
        j -= 1
    return range(j, i)


def said_before(tree: Discourse, i: int) -> str:
    """The text of `words_before` ("较年初预算", "比2019年(疫情前)决算数")."""
    return "".join(tree[k].piece.label or tree[k].piece.keyword for k in words_before(tree, i))


def _respective_years(tree: Discourse) -> tuple[dict[int, str], dict[int, str]]:
    """"2020年、2021年、2022年分别完成61,032万元、66,845万元和70,118万元": years listed before 分别, each the year of the
    figure in its place after it (as many, joined by 、 / 和 / 及).  Also the label the first figure carries after 分别
    ("分别支出400万元、450万元、495万元"), for the later figures that carry none: the same quantity, of each year."""
    out: dict[int, str] = {}
    labels: dict[int, str] = {}
    series: tuple[int, list[str]] | None = None  # (sentence, years) of the last series
    for s in tree.of_kind("fenbie"):
        years = years_listed_before(tree, s.index)
        if not years and series is not None and series[0] == s.sentence and _only_words_before(tree, s.index):
            # ("2021年、2022年、2023年本年收入合计分别为…;本年支出合计分别为3698.91万元、3738.33万元、4000.36万元": a second
            # series of the sentence, its years not listed again, is of the same years)
            years = series[1]
        if len(years) < 2:
            continue
        values = []
        for k in tree.after(s.index, "sentence"):
            if len(values) == len(years):
                break
            node = tree[k]
            if node.kind == "labelled" and (not values or not node.piece.label):
                values.append(k)
            elif not _joins(node, "、,"):
                break
        if len(values) == len(years):
            series = (s.sentence, years)
            out.update(zip(values, years))
            first = tree[values[0]].piece.label
            subject = tree[s.index - 1] if s.index > 0 else None
            if first.strip():
                labels.update((k, first) for k in values[1:])
            elif subject is not None and subject.kind == "words" and subject.clause == s.clause \
                    and subject.piece.label.strip():
                # ("2023年、2022年本年收入合计分别为2,486.73万元和2,263.15万元": the subject named before 分别, of each year)
                labels.update((k, subject.piece.label) for k in values)
    return out, labels


def _only_words_before(tree: Discourse, i: int) -> bool:
    """Node i opens its clause but for words (a subject: "本年支出合计分别为"), perhaps after 其中 (a part's series:
    "…本年收入合计分别为…,其中财政拨款收入分别为…")."""
    before = [j for j in tree.before(i, "clause") if tree[j].kind != "sep"]
    if before and tree[before[-1]].kind == "qizhong":
        before = before[:-1]
    return bool(before) and all(tree[j].kind == "words" for j in before)


def _pair_respectively(tree: Discourse) -> dict[int, str]:
    """"基本支出、项目支出分别为180.5万元、667.9万元": names before 分别为, figures after.

    "收、支总计各是4125.49,4143.91万元": a shared ending is written once, on the last name.
    """
    overrides: dict[int, str] = {}
    for s in tree.of_kind("fenbie"):  # (in text order, as the nodes)
        i = s.index
        names: list[str] = []
        for j in tree.before(i, "clause"):
            p = tree[j].piece
            if p.kind == "words":
                names.append(_YEAR.sub("", p.label))
            elif not (p.kind == "sep" and p.keyword == "、"):
                break  # a year, a bracket, anything else: the names started after it
        if len(names) < 2:
            continue
        names.reverse()
        last = names[-1]
        for n, name in enumerate(names[:-1]):
            if name in _ABBREVIATED and last[:1] in _ABBREVIATED:
                names[n] = _ABBREVIATED[name] + last[1:]
        if last[:1] in _ABBREVIATED and names[0].startswith(_ABBREVIATED.get(names[0][:1], "#")):
            names[-1] = _ABBREVIATED[last[:1]] + last[1:]
        values = []
        for k in tree.after(i, "sentence"):
            if len(values) >= len(names):
                break
            p = tree[k].piece
            if p.kind == "labelled" and not p.label:
                values.append(k)
            elif not (p.kind == "sep" and p.keyword in "、,"):
                break
        if len(values) == len(names):
            for name, k in zip(names, values):
                overrides[k] = name
    return overrides


def _distribute_units(tree: Discourse, vocab: Vocabulary) -> dict[int, tuple]:
    """"分别为120、52、260万元": bare numbers take the unit written after the last one."""
    units: dict[int, tuple] = {}
    run: list[int] = []
    after_pause = False
    for s in tree.nodes:
        p, i = s.piece, s.index
        if p.kind == "labelled" and p.value is not None:
            if run and not after_pause:
                run = []
            after_pause = False
            if p.value.type == "NUMBER":
                run.append(i)
                continue
            if run and p.value.type in {"AMOUNT", "PERCENT"}:
                fig = read_figure(p.value.type, str(p.value))
                for k in run:
                    units[k] = (fig.kind, fig.unit, fig.written_unit, fig.scale)
            run = []
        elif p.kind == "sep" and run and (p.keyword == "、" or (p.keyword == "," and _after_fenbie(tree, run[0]))):
            after_pause = True
        else:
            run = []
            after_pause = False
    units.update(_money_without_unit(tree, units, vocab))
    return units


def _after_fenbie(tree: Discourse, i: int) -> bool:
    """The figure at node i comes right after 分别为/各是 ("各是4125.49,4143.91万元")."""
    return i > 0 and tree[i - 1].kind == "fenbie"


def _money_without_unit(tree: Discourse, known: dict[int, tuple], vocab: Vocabulary) -> dict[int, tuple]:
    """A figure with decimals whose label names money, its unit left out, in a sentence
    whose amounts are all in one unit: that unit.  So is a figure followed by that unit's scale
    alone ("總收入為4,567.8百萬澳門元,其中:政府經常性撥款2,345.6百萬、…": 百萬 without 元), whatever its label."""
    out: dict[int, tuple] = {}
    by_sentence: dict[int, list[int]] = {}
    for s in tree.of_kind("labelled"):
        if s.piece.value is not None:
            by_sentence.setdefault(s.sentence, []).append(s.index)
    money_label = vocab.cue("money_label")
    for indices in by_sentence.values():
        bare = [i for i in indices if tree[i].piece.value.type == "NUMBER" and i not in known
                and ("." in str(tree[i].piece.value) and money_label.search(tree[i].piece.label) or _scale_after(tree, i))]
        if not bare:
            continue
        amounts = [read_figure("AMOUNT", str(tree[i].piece.value)) for i in indices
                   if tree[i].piece.value.type == "AMOUNT"]
        if len({fig.written_unit for fig in amounts}) != 1:
            continue
        fig = amounts[0]
        for i in bare:
            scale = _scale_after(tree, i)
            if scale and fig.written_unit != f"{scale}元":
                continue  # ("…百万元,…2,345.6万": a scale of its own, not the sentence's)
            out[i] = (fig.kind, fig.unit, fig.written_unit, fig.scale)
    return out


def _scale_after(tree: Discourse, i: int) -> str:
    """The scale of money written alone right after the bare figure at node i ("2,345.6百萬、"), or ''."""
    if i + 1 >= len(tree) or tree[i + 1].kind != "words" or tree[i + 1].sentence != tree[i].sentence:
        return ""
    words = tree[i + 1].piece.label.strip()
    return words if words in _SCALES else ""


_SCALES = frozenset({"百万", "千万", "万", "亿", "千"})  # (the scale words of money, 元 left out)


def _score_totals(tree: Discourse, facts: list[Fact | None], vocab: Vocabulary) -> None:
    """"…,满意度15分,总得分96": a total score written without 分 is a score when
    named scores come before it in its sentence (the reading the score list needs)."""
    total_name, weight = vocab.cue("score_total"), vocab.cue("score_weight")
    for s in tree.of_kind("labelled"):
        fact = facts[s.index]
        if fact is None or fact.kind != "number" \
                or not total_name.search(clean_label(s.piece.label)):
            continue
        parts = score_list_before(tree, facts, s.index, vocab)
        labels = [clean_label(p.label) for p in parts]
        if len(parts) < 2 or any(weight.search(x) or total_name.search(x) or not x for x in labels):
            continue
        facts[s.index] = fact.model_copy(update={"kind": "score", "unit": "分", "written_unit": "分"})


def score_list_before(tree: Discourse, facts, i: int, vocab: Vocabulary) -> list[Fact]:
    """The labelled scores before node i in its sentence, nearest last; empty when the
    scores are the sub-scores of a 其中 ("产出指标38分,其中数量指标20分…"), or when one is a ruling on a row's score
    (cue score_ruling: "按92%计应得9.68分…复核按9分计,复核总分97.88分" — one row's score as it would be and as it is
    counted, no parts of the total)."""
    parts: list[Fact] = []
    node = tree[i]
    for j in tree.before(i, "sentence"):
        t = tree[j]
        if t.kind == "total":
            break
        if t.kind in OPENERS:
            if any(facts[k] is not None and facts[k].kind == "score" for k in tree.before(j, "sentence")):
                parts = []
            break
        f = facts[j]
        if f is not None and t.kind == "labelled" and t.depth == node.depth and f.kind == "score":
            parts.append(f)
    parts.reverse()
    ruling = vocab.cue("score_ruling")
    return [] if any(ruling.search(clean_label(p.label)) for p in parts) else parts


def sum_value(facts: list[Fact]) -> Decimal:
    return sum((f.value for f in facts), Decimal(0))


def scores_after_opener(tree: Discourse, facts, i: int, report_year: str | None = None,
                        text: str | None = None) -> tuple[int | None, list[Fact]]:
    """A total score, 其中 (or 包括) and the scores after it in its sentence: "…绩效得分94.5分,其中:投入指标20分,得分19分;
    …" — or an opener that opens the sentence right after the total's, the total its last figure ("…自评总分为92.6分。
    其中,预算执行得分9.71分,…").  (The node of that last figure before opener i, if a labelled score; the scores after
    the opener at its depth, up to a total, another opener or a figure not a score.)  An opener that ends its line
    ("…自评总分91.5分,其中:⏎决策(15分):得分14分;⏎过程(25分):得分23分,其中…;⏎…") lists the levels on the lines after
    it, one a line (scores_on_lines; read when the text is given)."""
    opener = tree[i]
    before = next((k for k in tree.before(i, "sentence") if facts[k] is not None), None)
    if before is None and tree.opens_sentence(i):
        before = next((k for k in tree.before(i, "paragraph") if facts[k] is not None), None)
        if before is not None and tree[before].sentence != opener.sentence - 1:
            before = None  # (only the sentence right before: its last figure)
    if before is None or facts[before].kind != "score" or tree[before].kind != "labelled":
        return None, []
    before = _this_years_namesake(tree, facts, before, report_year)
    found: list[Fact] = []
    for k in tree.after(i, "sentence"):
        t = tree[k]
        if t.kind == "total" or t.kind in OPENERS:
            break
        fact = facts[k]
        if fact is None or t.depth != opener.depth:
            continue
        if fact.kind != "score" or found and WHOLE_SCORE_OF_ANOTHER.search(clean_label(fact.label)):
            break  # (a figure not a score; another whole score: "…效益24分⏎项目二自评得分78分")
        found.append(fact)
    if not found and text is not None and not any(tree[k].kind != "sep" for k in tree.after(i, "sentence")) \
            and _LINE_ENDS.match(text, opener.end):
        found = scores_on_lines(tree, facts, i, text)
    return before, found


# a score's name that says it is a whole score, or one of another project, year or reviewer — no level's: it ends a list
# of the levels' scores ("项目一自评总分93分,其中:⏎决策19分⏎…⏎效益24分⏎项目二自评得分78分": 78 is project two's, no
# fifth level; "2022年自评总分88分", "上年自评得分87分", "财政复核总分90分")
WHOLE_SCORE_OF_ANOTHER = lazyre.compile(
    r"(?:总得分|总分|综合得分|得分合计|合计得分)(?:为)?$"
    r"|^(?:项目[一二三四五六七八九十\d]+|(?:19|20)\d{2}年度?|上一?年度?|去年|上期|(?:财政|主管部门|第三方)?复核|财政)"
    r"[^,。;]{0,12}?(?:自评|评价|复核|评审|考核|绩效)?(?:总)?得分(?:为)?$")


_SENTENCE_ENDS = lazyre.compile(r"[。!?]")
# nothing but a colon after a list's opener on its line ("其中:⏎")
_LINE_ENDS = lazyre.compile(r"[ \t:]*(?:\n|$)")
# a total score's line going on, after it, with words saying the levels' scores follow ("…综合得分为94.5分。各项指标得分
# 情况如下:⏎")
_LINES_FOLLOW = lazyre.compile(r"[。,;]?[^\n\d。;]{0,30}?如下[ \t]*:[ \t]*(?:\n|$)")


def scores_on_lines(tree: Discourse, facts, k: int, text: str) -> list[Fact]:
    """The levels' scores on the lines right after node k, the last of its line (a 其中 or 如下 ending it), one level a
    line: each line's scores at k's depth (a level's weight in brackets is deeper), up to an opener of its own (its
    sub-levels: "过程(25分):得分23分,其中资金到位率(5分)得5分,…") or a figure not a score ("…得分9.5分,全年预算执行率95%");
    the list ends at a blank line, a line that opens with no score, or a line that states a total."""
    depth = tree[k].depth
    end = text.find("\n", tree[k].end)
    found: list[Fact] = []
    j = k + 1
    while end >= 0 and j < len(tree):
        line_end = text.find("\n", end + 1)
        if line_end < 0:
            line_end = len(text)
        if not text[end + 1:line_end].strip():
            break
        row: list[Fact] = []
        closed = total = False
        while j < len(tree) and tree[j].start < line_end:
            t, fact = tree[j], facts[j]
            if t.kind == "total":
                total = True
            elif t.kind in OPENERS:
                closed = True
            elif not closed and fact is not None and t.depth == depth:
                if fact.kind == "score" and WHOLE_SCORE_OF_ANOTHER.search(clean_label(fact.label)):
                    total = True  # (a whole score's line, another project's or year's: the list ends)
                elif fact.kind == "score":
                    row.append(fact)
                else:
                    closed = True
            j += 1
        if not row or total or _SENTENCE_ENDS.search(text, end + 1, row[0].span.start):
            break  # (… or a line whose first sentence states no score: "评价等级为优。项目整体满意度82分,等级为良")
        found.extend(row)
        end = line_end if line_end < len(text) else -1
    return found


def scores_on_lines_after_total(tree: Discourse, facts, text: str) -> list[tuple[int, list[Fact]]]:
    """(node of a total score, the levels' scores on the lines after it): a labelled score, the last figure of its line,
    the line ending with words saying the levels' scores follow ("本部门整体支出绩效自评综合得分为94.5分。各项指标得分
    情况如下:⏎(1)部门预算执行率指标得分9.5分,…;⏎(2)履职效能指标得分38分;⏎…")."""
    out = []
    for s in tree.of_kind("labelled"):
        fact = facts[s.index]
        if fact is None or fact.kind != "score" or fact.in_table or not _LINES_FOLLOW.match(text, s.end):
            continue
        parts = scores_on_lines(tree, facts, s.index, text)
        if len(parts) >= 2:
            out.append((s.index, parts))
    return out


def _this_years_namesake(tree: Discourse, facts, k: int, report_year: str | None) -> int:
    """The figure at node k, or — when k's is qualified by another year ("(2022年度自评得分99.5分)") — this year's figure
    of the same name stated before it in its sentence ("本部门自评得分99.00分,…(2022年度自评得分99.5分)。其中,…"): the
    list after it is this year's, last year's figure in between is said in passing."""
    fact = facts[k]
    if fact.period in (None, "current") or (report_year and fact.period == report_year):
        return k
    name = _YEAR_WORDS.sub("", clean_label(fact.label))
    if len(name) < 2:
        return k
    for j in tree.before(k, "sentence"):
        other = facts[j]
        if other is None or tree[j].kind != "labelled" or (other.kind, other.unit) != (fact.kind, fact.unit):
            continue
        if other.period not in (None, "current") and not (report_year and other.period == report_year):
            continue
        own = _YEAR_WORDS.sub("", clean_label(other.label))
        if len(own) >= 2 and (own.endswith(name) or name.endswith(own)):
            return j
    return k


_YEAR_WORDS = lazyre.compile(r"(?:(?:19|20)\d{2}年度?|上一?年度?|去年|本年度?|当年|今年)")


def scores_listed_under(tree: Discourse, facts, report_year: str | None = None,
                        text: str | None = None) -> dict[int, Fact]:
    """score id → the total score a list of its sentence stands under (scores_after_opener, two or more: the levels'
    scores and their weights, "…得分94.5分,其中:投入指标20分,得分19分;…效益指标20分,得分19分。"), or of the lines after
    it (with the text: "…总分91.5分,其中:⏎决策(15分):得分14分;⏎…", "…综合得分为94.5分。各项指标得分情况如下:⏎…"): a
    grade said after such a list is the total's, never a part's (structure.grades)."""
    out: dict[int, Fact] = {}
    for opener in tree.of_kind("qizhong", "include"):
        before, parts = scores_after_opener(tree, facts, opener.index, report_year, text)
        if before is not None and len(parts) >= 2:
            out.update((p.id, facts[before]) for p in parts)
    if text is not None:
        for before, parts in scores_on_lines_after_total(tree, facts, text):
            out.update((p.id, facts[before]) for p in parts)
    return out
