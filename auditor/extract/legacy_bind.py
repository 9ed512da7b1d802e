"""Assemble the grammar's statement pieces into facts and stated relations.

The grammar says *what shape* a stretch of text has (a labelled figure, a
change, a share, a list opener …); the binder decides *which facts a shape
relates*: the total a 其中-list belongs to, the subject of 较上年增加, the
amounts an 执行率 is computed from.  Every decision uses only what the text
itself puts close together (same clause, sentence, window) plus the domain
vocabulary, and when the text is ambiguous the binder records nothing rather
than guess.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from decimal import Decimal

from auditor.extract.figures import read_figure
from auditor.extract.model import Breakdown, Change, ChangeList, Fact, Rate, Share, Span
from auditor.extract.parse import Piece
from auditor.extract.vocabulary import FUND_NAME, FUNDING_SOURCE, LabelInfo, Vocabulary, compatible_scenarios, read_label
from auditor.normalise import Normalised

VALUE_PIECES = {"labelled", "total", "increase", "decrease", "growth_up", "growth_down", "share"}
OPENERS = {"qizhong", "fenbie", "include", "classify", "dimension"}


@dataclass
class Slot:
    piece: Piece
    start: int
    end: int
    window: int
    sentence: int
    sub: int  # sub-sentence: also split at ';'
    clause: int  # also split at ','
    depth: int  # parenthesis depth
    fact: Fact | None = None
    info: LabelInfo | None = None


@dataclass
class Bound:
    facts: list[Fact] = field(default_factory=list)
    breakdowns: list[Breakdown] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    change_lists: list[ChangeList] = field(default_factory=list)
    rates: list[Rate] = field(default_factory=list)
    shares: list[Share] = field(default_factory=list)
    slots: list[Slot] = field(default_factory=list)


def build_slots(windows: list[tuple[int, list[Piece]]]) -> list[Slot]:
    """Absolute offsets plus sentence/clause/paren bookkeeping for every piece."""
    slots: list[Slot] = []
    sentence = sub = clause = 0
    for w_index, (base, pieces) in enumerate(windows):
        depth = 0
        sentence += 1
        sub += 1
        clause += 1
        for p in pieces:
            if p.kind == "sep":
                k = p.keyword
                if k in "。!?":
                    slots.append(Slot(p, base + p.start, base + p.end, w_index, sentence, sub, clause, depth))
                    sentence += 1
                    sub += 1
                    clause += 1
                    depth = 0
                    continue
                if k == ";":
                    sub += 1
                    clause += 1
                elif k == ",":
                    clause += 1
                elif k in "([【":
                    depth += 1
                elif k in ")]】":
                    depth = max(0, depth - 1)
            slots.append(Slot(p, base + p.start, base + p.end, w_index, sentence, sub, clause, depth))
    return slots


class Binder:
    def __init__(self, norm: Normalised, vocab: Vocabulary, report_year: str | None, first_id: int = 0):
        self.norm = norm
        self.vocab = vocab
        self.report_year = report_year
        self.out = Bound()
        self._next_id = first_id
        self._change_at: dict[int, Change] = {}

    # ------------------------------------------------------------------ facts
    def make_fact(self, slot: Slot, token_type: str, token_text: str, start: int, end: int,
                  label: str, info: LabelInfo | None, period: str | None,
                  unit_from: tuple | None = None) -> Fact:
        fig = read_figure(token_type, token_text)
        if unit_from is not None:  # "120、52、260万元": the unit written once for the list
            kind, unit, written_unit, scale = unit_from
            fig = fig._replace(kind=kind, value=fig.value * scale, unit=unit,
                               written_unit=written_unit, scale=scale)
        line, column = self.norm.line_col(start)
        approximate = fig.approximate or _approximate_context(self.norm.text, start, end, slot.piece.copula)
        fact = Fact.model_construct(
            id=self._next_id,
            kind=fig.kind,
            value=fig.value,
            unit=fig.unit,
            written_unit=fig.written_unit,
            scale=fig.scale,
            decimals=fig.decimals,
            approximate=approximate,
            text=self.norm.original[start:end],
            span=Span.model_construct(start=start, end=end, line=line, column=column),
            label=info.text if info else label,
            concept=info.concept if info else None,
            period=period,
            scenario=info.scenario if info else None,
            fund=self._fund_of(slot.window, start),
            window=slot.window,
            sentence=slot.sentence,
            # a head count or a number of items is exact, not rounded
            exact=fig.kind == "count" and fig.scale == 1 and fig.decimals == 0,
        )
        self._next_id += 1
        return fact

    def bind(self, slots: list[Slot]) -> Bound:
        self.out.slots = slots
        # indexes, so that every look-up below stays within a window or sentence:
        # the binder's work grows with the text, not with its square
        self._window_lines: dict[int, tuple[int, int]] = {}
        self._in_window: dict[int, list[int]] = {}
        for k, s in enumerate(slots):
            first, last = self._window_lines.get(s.window, (None, None))
            line = self.norm.line_col(s.start)[0]
            end_line = self.norm.line_col(max(s.start, s.end - 1))[0]
            self._window_lines[s.window] = (line if first is None else first, end_line)
            self._in_window.setdefault(s.window, []).append(k)
        self._window_start: dict[int, int] = {}
        for s in slots:
            self._window_start.setdefault(s.window, s.start)
        funds = list(FUND_NAME.finditer(self.norm.text))
        self._fund_at = [m.start() for m in funds]
        self._fund_name = [m.group() for m in funds]
        self._first_figure: dict[int, int] = {}  # sentence → index of its first figure
        self._listed: set[tuple] = set()  # (total, parts) of the breakdowns found so far
        overrides = _pair_respectively(slots)
        units = _distribute_units(slots)
        for i, slot in enumerate(slots):
            p = slot.piece
            if p.kind not in VALUE_PIECES or p.value is None:
                continue
            self._first_figure.setdefault(slot.sentence, i)
            tok = p.value
            start = slot.start + (tok.start_pos - p.start)
            end = slot.start + (tok.end_pos - p.start)
            label, period, info = self._label_for(i, slots, overrides.get(i))
            slot.info = info
            slot.fact = self.make_fact(slot, tok.type, str(tok), start, end, label, info, period, units.get(i))
            self.out.facts.append(slot.fact)
        self._breakdowns(slots)
        self._item_lists(slots)
        self._family_lists(slots)
        self._totals(slots)
        self._score_totals(slots)
        self._changes(slots)
        self._change_lists(slots)
        self._rates(slots)
        self._shares(slots)
        return self.out

    def _label_for(self, i: int, slots: list[Slot], override: str | None):
        """Label text, period and label reading of the figure in slots[i]."""
        slot = slots[i]
        p = slot.piece
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
                concept = "预算差额" if re.search("预算|计划|年初", p.keyword) and not re.search(r"上一?年|去年|\d{4}", p.keyword) \
                    else "增减额"
            info = LabelInfo(label, concept, False, None, None, None)
            return label, self._period_before(i, slots), info
        own = override if override is not None else p.label
        if not own and p.copula == "为" and i > 0 and slots[i - 1].clause == slot.clause \
                and slots[i - 1].fact is not None and slots[i - 1].fact.kind == "percent":
            own = slots[i - 1].piece.label  # "中央财政补贴47.5%为614.39万元": the subsidy's amount
        context = []
        j = i - 1
        while j >= 0 and slots[j].clause == slot.clause:
            kind = slots[j].piece.kind
            if kind == "sep" and slots[j].piece.keyword in ")]】" and not own:
                # "政务服务体系(大厅水电、物业管理、办公等)113万元": the name stands before the bracket
                depth = slots[j].depth
                j -= 1
                while j >= 0 and slots[j].depth > depth:
                    j -= 1  # the bracket's content and the opening bracket itself
                continue
            if kind not in {"words", "period", "item"}:
                break
            if kind != "item":
                context.append(slots[j].piece.label or slots[j].piece.keyword)
            j -= 1
        context.reverse()
        if p.kind == "total":
            own = own + p.keyword
        full = "".join(context) + own
        info = read_label(full, self.vocab)
        if info.concept is None and p.kind != "total" and info.text \
                and info.text not in {"合计", "总计", "共计", "小计", "累计"}:  # a 合计 is the list's total, not a sibling
            inherited = self._inherit_concept(i, slots)
            if inherited:
                info = LabelInfo(info.text, inherited, True, info.scenario, info.period, info.rate)
        elif info.concept in _BARE_NOUNS and not info.known and info.scenario and p.kind != "total":
            # "三公经费支出年初预算22.00万元,支出决算8.77万元": the bare 支出 is the one just named
            inherited = self._inherit_concept(i, slots, containing=info.concept)
            if inherited:
                info = LabelInfo(info.text, inherited, True, info.scenario, info.period, info.rate)
        if info.concept is None and info.text:
            # "年初预算数为146万元" with nothing to inherit: the label itself names it
            info = LabelInfo(info.text, re.sub(r"^\d{4}年度?", "", info.text) or None, False,
                             info.scenario, info.period, info.rate)
        if info.scenario is None:
            listed = self._list_scenario(i, slots)
            if listed:
                info = LabelInfo(info.text, info.concept, info.known, listed, info.period, info.rate)
        period = info.period or self._period_before(i, slots)
        if _COMPARED_WITH.fullmatch(_clean_label(full)):
            period = "previous"  # "…1969万元,较2024年的2190万元减少221万元": the figure compared with
        return full, period, info

    def _list_scenario(self, i: int, slots: list[Slot]) -> str | None:
        """Parts after 其中/分别为 take the scenario of the figure the list hangs from.

        "三公经费预算1.5万元,其中公务接待费1.5万元;三公经费实际支出0.18万元,其中公务接待费0.18万元"
        """
        slot = slots[i]
        for j in range(i - 1, -1, -1):
            s = slots[j]
            if s.sentence != slot.sentence:
                return None
            if s.piece.kind in OPENERS and s.depth <= slot.depth:
                for k in range(j - 1, -1, -1):
                    t = slots[k]
                    if t.sentence != slot.sentence:
                        return None
                    if t.fact is not None and t.piece.kind in {"labelled", "total"} and t.depth <= s.depth:
                        return t.fact.scenario
                return None
        return None

    def _period_before(self, i: int, slots: list[Slot]) -> str | None:
        sentence = slots[i].sentence
        for j in range(i - 1, -1, -1):
            s = slots[j]
            if s.sentence != sentence:
                break
            if s.piece.kind == "period":
                before = slots[j - 1].piece if j > 0 else None
                if before is not None and before.kind == "words" and re.search(r"(?:较|比|与|同|相较于?)$", before.label):
                    continue  # "较2024年的2190万元": the year of the comparison, not of what follows
                after = slots[j + 1].piece if j + 1 < len(slots) else None
                if s.depth > slots[i].depth or (after is not None and after.kind == "words"
                                                 and re.match(r"(?:修订|修正|印发|发布|版)", after.label)):
                    continue  # "《…操作规程(2022年修订)》": the year of a document cited, not of the figures
                # a year that opens the sentence dates all of it; a later one only its own
                # clause ("…、2022年度考核优秀等次奖励工作经费3.09万元、评标建设资金53.49万元")
                opens = self._first_figure.get(sentence, i) >= j
                if not opens and s.clause != slots[i].clause:
                    continue
                m = re.match(r"(\d{4})", s.piece.keyword)
                return m.group(1) if m else None
        return None

    def _inherit_concept(self, i: int, slots: list[Slot], containing: str = "") -> str | None:
        """A label with only scenario words ("全年预算") continues the subject before it;
        with `containing`, only a known subject whose own label holds that word."""
        slot = slots[i]
        for j in range(i - 1, -1, -1):
            s = slots[j]
            if s.sub != slot.sub:
                break
            if s.fact is not None and s.info is not None and s.info.concept and s.fact.kind == "amount":
                if containing and not (s.info.known and containing in s.info.text):
                    return None
                return s.info.concept
        return None

    def _fund_of(self, window: int, at: int) -> str | None:
        """The fund named last before offset `at` in its paragraph ("政府性基金预算收入…收入合计")."""
        k = bisect_right(self._fund_at, at) - 1
        if k >= 0 and self._fund_at[k] >= self._window_start.get(window, at):
            return self._fund_name[k]
        return None

    # ------------------------------------------------------------ breakdowns
    def _is_part_slot(self, slot: Slot) -> bool:
        return slot.fact is not None and slot.piece.kind == "labelled" and not slot.fact.approximate

    def _breakdowns(self, slots: list[Slot]) -> None:
        for i, slot in enumerate(slots):
            if slot.piece.kind == "dimension":
                self._dimension_list(i, slots)
            elif slot.piece.kind in OPENERS:
                self._opener_list(i, slots)
            elif slot.piece.kind == "sep" and slot.piece.keyword in "([【":
                self._paren_list(i, slots)

    def _opener_list(self, i: int, slots: list[Slot]) -> None:
        opener = slots[i]
        candidates = self._total_candidates(i, slots)
        if not candidates:
            return
        end = self._list_end(i, slots)
        first_total = next((c for c in candidates if not self._is_previous(c)), candidates[0])
        parts = [
            (k, slots[k].fact) for k in range(i + 1, end)
            if self._is_part_slot(slots[k]) and slots[k].depth == opener.depth
            and slots[k].fact.kind == first_total.kind and slots[k].fact.unit == first_total.unit
        ]
        if end >= len(slots) or slots[end].window != opener.window:
            # "基本支出911000.39元,其中:" ending its paragraph, or a list whose first part ends
            # it: each next paragraph opens with a part
            following = self._paragraph_list(opener.window, first_total, slots)
            if parts:  # only the siblings of the parts already listed ("工资福利支出…。商品和服务支出…")
                family = self._list_family(first_total.concept, {f.concept for _, f in parts})
                known = {f.id for _, f in parts}
                taken = []
                for k, f in following:
                    if f.concept not in family or f.id in known:
                        break
                    taken.append((k, f))
                following = taken
            parts += following
        # a figure of the total's own concept starts the next statement, not a part
        for n, (_, f) in enumerate(parts):
            if f.concept and f.concept == first_total.concept and n > 0:
                parts = parts[:n]
                break
        memo = self.vocab.memo_for(first_total.concept)
        parts = [(k, f) for k, f in parts if f.concept not in memo]
        # "比上年累计支出285万元" inside a list is last year's figure, not a part (a year in a
        # part's own name — "2022年度考核奖励经费" — does not make it last year's)
        parts = [(k, f) for k, f in parts if f.period != "previous" or self._is_previous(first_total)]
        # an unlabelled figure among labelled parts restates its neighbour ("…后,为165.61亿元")
        if any(f.label for _, f in parts):
            parts = [(k, f) for k, f in parts if f.label]
        if not parts:
            return
        named = [f.scenario for _, f in parts if f.scenario]
        same_sentence = [c for c in candidates if c.sentence == opener.sentence
                         and c.kind == first_total.kind and c.unit == first_total.unit and c.scenario]
        if len(set(named)) > 1 and len(named) >= 4 and len(same_sentence) > 1:
            # "年初预算数A,全年执行B,其中基本支出年初预算a1,全年执行b1;项目支出年初预算a2,全年执行b2"
            for cand in same_sentence:
                same = [f for _, f in parts if f.scenario == cand.scenario]
                if len(same) >= 2:
                    self._add_breakdown(cand, same, "其中", strict=True)
            return
        # "资金107.13万元,其中项目管理费1.07万元,目前已拨付106.36万元": an execution
        # figure is not a part of a budget (or unqualified) total
        total_scenario = first_total.scenario
        parts = [(k, f) for k, f in parts
                 if f.scenario in (None, total_scenario) or compatible_scenarios(f.scenario, total_scenario)]
        if not parts:
            return
        concepts = [f.concept for _, f in parts if f.concept]
        if len(concepts) != len(set(concepts)) and len(set(named)) > 1:
            return  # the same parts for several scenarios, without matching totals
        part_facts = [f for _, f in parts]
        if opener.piece.kind == "qizhong" and parts:
            part_facts = self._continue_list(parts[-1][0], part_facts, slots, first_total.concept)
        if end >= len(slots) or slots[end].window != opener.window:
            known = {f.id for f in part_facts}
            part_facts += [f for f in self._line_list(opener.window, first_total, slots) if f.id not in known]
        total = self._choose_total(candidates, part_facts)
        if total is None:
            return
        strict = (opener.piece.kind in {"fenbie", "classify"} and len(part_facts) >= 2) \
            or self._family_complete(total, part_facts) \
            or (len(part_facts) >= 2 and all(FUNDING_SOURCE.search(f.label) for f in part_facts))
        if self._partial_marker(i, parts[-1][0], slots):
            strict = False
        self._add_breakdown(total, part_facts, _marker(opener.piece), strict)

    def _dimension_list(self, i: int, slots: list[Slot]) -> None:
        """"全区完成收入20348万元…。分部门情况是:国税部门完成3954万元…;地税部门…": the
        paragraph's first figure split along one dimension.  Reports may name only the main
        parts, so the list is checked only for parts that exceed the total."""
        opener = slots[i]
        before = [s.fact for s in (slots[k] for k in self._in_window[opener.window] if k < i)
                  if self._is_part_slot(s) and s.fact.kind == "amount" and s.depth == 0
                  and not self._is_previous(s.fact)]
        if not before:
            return
        total = before[0]
        listed = {p.id for b in self.out.breakdowns if b.total.id == total.id for p in b.parts}
        if any(f.id not in listed for f in before[1:]):
            return  # "盟本级支出…;旗级支出…。分项目看:": which total the list splits is unclear
        parts = [slots[k].fact for k in range(i + 1, self._list_end(i, slots))
                 if self._is_part_slot(slots[k]) and slots[k].depth == opener.depth
                 and slots[k].fact.kind == "amount" and slots[k].fact.unit == total.unit]
        if len(parts) < 2 or not all(p.label for p in parts) or any(self._is_previous(p) for p in parts) \
                or any(p.value > total.value + total.tolerance for p in parts):
            return  # a part larger than the total: the list hangs from another figure
        self._add_breakdown(total, parts, "分类", strict=False)

    def _family_lists(self, slots: list[Slot]) -> None:
        """"2020年支出1241.76万元,商品和服务支出791.68万元、对个人和家庭的补助228.02万元、资本性支出222.06万元":
        a total followed by the members of its family, without 其中."""
        listed = {b.total.id for b in self.out.breakdowns}
        totals = {t: f for f in self.vocab.families.values() for t in f.totals}
        for i, s in enumerate(slots):
            f = s.fact
            if f is None or s.piece.kind != "labelled" or f.kind != "amount" or f.id in listed:
                continue
            family = next((fam for fam in self.vocab.families.values() if f.concept in fam.totals), None)
            if family is None:
                continue
            parts: list[Fact] = []
            for k in range(i + 1, len(slots)):
                t = slots[k]
                if t.sentence != s.sentence or t.piece.kind in OPENERS:
                    break
                if t.fact is None or t.piece.kind != "labelled" or t.fact.kind != "amount":
                    continue
                if t.fact.concept in family.members and t.fact.concept not in {p.concept for p in parts}:
                    parts.append(t.fact)
                else:
                    break
            if len(parts) >= 2 and self._family_complete(f, parts):
                self._add_breakdown(f, parts, "family", strict=True)
        del totals

    def _paren_list(self, i: int, slots: list[Slot]) -> None:
        """"项目支出1241.76万元(财政拨款1235.28万元,其他收入6.48万元)": a breakdown in brackets."""
        if i == 0 or not self._is_part_slot(slots[i - 1]) and slots[i - 1].piece.kind != "total":
            return
        owner = slots[i - 1].fact
        if owner is None:
            return
        depth = slots[i].depth
        parts = []
        k = i + 1
        while k < len(slots) and slots[k].depth >= depth and slots[k].sentence == slots[i].sentence:
            s = slots[k]
            if s.piece.kind in OPENERS | {"share", "increase", "decrease"}:
                return
            if s.depth == depth and self._is_part_slot(s):
                if s.fact.kind != owner.kind or s.fact.unit != owner.unit:
                    return
                parts.append(s.fact)
            k += 1
        if len(parts) >= 2:
            self._add_breakdown(owner, parts, "()", strict=True)

    def _figure_line(self, window: int, slots: list[Slot]) -> Fact | None:
        """The one labelled figure of a window, if that is all the window holds."""
        facts = [slots[k] for k in self._in_window.get(window, ()) if slots[k].fact is not None]
        if len(facts) == 1 and facts[0].piece.kind in {"labelled", "total"} and facts[0].fact.label:
            return facts[0].fact
        return None

    def _paragraph_list(self, window: int, like: Fact, slots: list[Slot]) -> list[tuple[int, Fact]]:
        """Parts that each open a paragraph of their own, right after the opener's line."""
        out: list[tuple[int, Fact]] = []
        last_line = self._window_lines.get(window, (0, 0))[1]
        w = window + 1
        while w in self._window_lines and self._window_lines[w][0] == last_line + 1:
            first = next(((k, slots[k]) for k in self._in_window[w] if slots[k].fact is not None), None)
            if first is None or first[1].piece.kind != "labelled":
                break
            opening = slots[self._in_window[w][0]]
            if opening.piece.kind == "item":
                break  # "2. 项目支出…": the next item of an outer list, not a part
            fact = first[1].fact
            if fact.kind != like.kind or fact.unit != like.unit or not fact.label \
                    or re.search(r"总额|合计|总计|小计", fact.label):
                break
            out.append((first[0], fact))
            last_line = self._window_lines[w][1]
            w += 1
        return out

    def _line_list(self, window: int, like: Fact, slots: list[Slot]) -> list[Fact]:
        """"其中:中央补助 668.00 / 市级资金 343.00 / 本级资金 73.25": a list that goes on
        one "label figure" line at a time, as flattened tables leave it."""
        out: list[Fact] = []
        last_line = self._window_lines.get(window, (0, 0))[1]
        w = window + 1
        while w in self._in_window:
            pieces = [slots[k] for k in self._in_window[w] if slots[k].piece.kind != "sep"]
            facts = [s for s in pieces if s.fact is not None]
            first_line = self._window_lines[w][0]
            if first_line != last_line + 1 or len(facts) != 1 or facts[0].piece.kind != "labelled":
                break
            fact = facts[0].fact
            if fact.kind != like.kind or fact.unit != like.unit or not fact.label:
                break
            if re.search(r"总额|合计|总计|小计|:$", fact.label) or any(p.piece.kind in OPENERS for p in pieces):
                break
            out.append(fact)
            last_line = self._window_lines[w][1]
            w += 1
        return out

    def _continue_list(self, last: int, parts: list[Fact], slots: list[Slot], total: str | None) -> list[Fact]:
        """"其中基本支出180.5万元。…项目支出667.9万元": siblings in the next sentences.

        When the total names a family, only its members continue the list: 公务接待费 is a
        sibling of 公务用车运行费 in 三公经费, not a part of 公务用车购置及运行费.
        """
        concepts = {f.concept for f in parts}
        family = self._list_family(total, concepts) - concepts
        if not family:
            return parts
        window = slots[last].window
        sentence = slots[last].sentence
        out = list(parts)
        k = last + 1
        while k < len(slots) and slots[k].window == window:
            s = slots[k]
            if s.sentence == sentence:
                k += 1
                continue
            sentence = s.sentence
            first = None
            for m in range(k, len(slots)):
                if slots[m].sentence != sentence:
                    break
                if self._is_part_slot(slots[m]):
                    first = slots[m]
                    break
            if first is None:
                k += 1
                continue
            if first.fact.concept in family and first.fact.concept not in concepts:
                out.append(first.fact)
                concepts.add(first.fact.concept)
                family.discard(first.fact.concept)
                k += 1
                continue
            break
        return out

    def _list_family(self, total: str | None, concepts: set[str | None]) -> set[str]:
        """Concepts that may continue a list: the members of the total's own family, if it
        has one, else every sibling of the parts."""
        own = [fam.members for fam in self.vocab.families.values() if total and total in fam.totals]
        if own:
            return set().union(*own)
        return set().union(*(self.vocab.siblings(c) for c in concepts))

    def _family_complete(self, total: Fact, parts: list[Fact]) -> bool:
        concepts = [f.concept for f in parts]
        if any(c is None for c in concepts):
            return False
        family = self.vocab.family_of(concepts)
        return family is not None and (not family.open or total.concept in family.totals)

    def _choose_total(self, candidates: list[Fact], parts: list[Fact]) -> Fact | None:
        """The nearest figure before the list, unless the parts add up to another one.

        When the parts exceed the nearest figure and add up to no other, which
        figure the list belongs to is unclear: nothing is bound.
        """
        current = [c for c in candidates if not self._is_previous(c)] or candidates
        # a figure of another kind ("1-5月" before "财政总收入4348万元") is no rival
        current = [c for c in current if (c.kind, c.unit) == (parts[0].kind, parts[0].unit)] or current
        nearest = current[0]
        total = sum((p.value for p in parts), Decimal(0))
        slack = sum((p.tolerance for p in parts), Decimal(0))
        if total <= nearest.value + nearest.tolerance + slack or len(current) == 1:
            return nearest
        same_sentence = [c for c in current if c.sentence == nearest.sentence]
        matching = [c for c in same_sentence if abs(c.value - total) <= c.tolerance + slack]
        return matching[0] if matching else None

    def _add_breakdown(self, total: Fact, parts: list[Fact], marker: str, strict: bool) -> None:
        subtracted = tuple(p for p in parts if re.match(r"(?:减|扣除|减去|减:)", p.label))
        added = [p for p in parts if p not in subtracted]
        if not added or total in parts:
            return
        if not subtracted and total.sentence != added[0].sentence \
                and any(p.value > total.value + total.tolerance + p.tolerance for p in added):
            return  # a part larger than a total found in another sentence: the list hangs from another figure
        counted = total.kind == "count" and not strict
        if not strict:
            # "18人,其中:事业编制18人,年初实有18人…": the list ended where a prefix adds up
            running = -sum((p.value for p in subtracted), Decimal(0))
            slack = total.tolerance + sum((p.tolerance for p in subtracted), Decimal(0))
            for n, p in enumerate(added, 1):
                running += p.value
                slack += p.tolerance
                if abs(running - total.value) <= slack and n < len(added):
                    added = added[:n]
                    strict = True
                    break
        if counted and not strict:
            # head counts under 其中 overlap (职称, 工种, 退休 …) — unless every part is
            # the same kind of thing as the total ("编制22人,其中:行政编制8人,事业编制14人")
            suffix = _clean_label(total.label)[-2:]
            # (one part alone is a subset: "接待312批次(其中外事接待0批次)")
            if not suffix or len(added) < 2 or not all(_clean_label(p.label).endswith(suffix) for p in added):
                return
            strict = True
        key = (total.id, tuple(p.id for p in added))
        if key in self._listed:
            return
        self._listed.add(key)
        self.out.breakdowns.append(Breakdown.model_construct(
            total=total, parts=tuple(added), subtracted=subtracted, marker=marker, complete=strict))

    def _total_candidates(self, i: int, slots: list[Slot]) -> list[Fact]:
        """Figures a list opener may refer to, nearest first.

        When words name the subject right before the opener ("支出按经济分类为:"),
        the first figure of the window with that subject leads the list.
        """
        opener = slots[i]
        out: list[Fact] = []
        subject = ""
        if i > 0 and slots[i - 1].clause == opener.clause and slots[i - 1].piece.kind == "words":
            subject = read_label(slots[i - 1].piece.label, self.vocab).text
            subject = re.split(r"按|主要|具体", subject)[0]
        for j in range(i - 1, -1, -1):
            s = slots[j]
            if s.window != opener.window:
                break
            if s.sentence != opener.sentence and not (_sentence_start(i, slots) or subject):
                break
            if s.piece.kind in OPENERS and not subject:
                break
            if s.fact is not None and s.piece.kind in {"labelled", "total"} and s.fact.kind in {"amount", "count", "number"}:
                if s.depth <= opener.depth and not s.fact.approximate:
                    out.append(s.fact)
            if not subject and out and s.sentence < opener.sentence - 1:
                break
        if not out and _window_start(i, slots):
            # "年度预算资金总额: 763.00" / "其中:中央补助 502.00": the total on the line before
            previous = self._figure_line(opener.window - 1, slots)
            if previous is not None and self._window_lines.get(opener.window - 1, (0, -9))[1] + 1 \
                    == self._window_lines.get(opener.window, (0, 0))[0]:
                out.append(previous)
        if subject and len(subject) >= 2:
            named = [f for f in out if f.label.endswith(subject) or (f.concept or "").endswith(subject)]
            if named:
                return [named[-1]]
            return []
        if out and out[0].sentence != opener.sentence and not _sentence_start(i, slots):
            return []
        return [f for f in out if f.sentence >= out[0].sentence - 0] if out else []

    def _list_end(self, i: int, slots: list[Slot]) -> int:
        """A list runs to the end of its sentence (across ';'), its bracket, or to the next opener."""
        opener = slots[i]
        k = i + 1
        while k < len(slots):
            s = slots[k]
            if s.sentence != opener.sentence or s.window != opener.window:
                break
            if s.piece.kind in OPENERS and s.depth == opener.depth:
                break
            if s.depth < opener.depth:  # "(其中3.5亿元…)": the bracket closes the list
                break
            if s.piece.kind == "total":
                break
            k += 1
        return k

    def _partial_marker(self, i: int, last: int, slots: list[Slot]) -> bool:
        """主要/部分 right after the opener, or 等 right after the last part."""
        if "主要" in slots[i].piece.keyword:
            return True
        if i + 1 < len(slots) and slots[i + 1].piece.kind in {"words", "labelled"}:
            if re.match(r"(?:主要|部分|如|包括)", slots[i + 1].piece.label):
                return True
        if last + 1 < len(slots) and slots[last + 1].piece.kind == "words":
            if re.match(r"等", slots[last + 1].piece.label):
                return True
        return False

    def _item_lists(self, slots: list[Slot]) -> None:
        """(1) a … (2) b … under a stated total: numbered parts of it."""
        groups: dict[str, list[int]] = {}
        for i, s in enumerate(slots):
            if s.piece.kind == "item":
                groups.setdefault(_item_style(s.piece.keyword), []).append(i)
        for style, indices in groups.items():
            for run in _numbered_runs(indices, slots):
                self._item_run(run, slots)

    def _item_run(self, run: list[int], slots: list[Slot]) -> None:
        first = run[0]
        # the total: an amount before item 1, in its window or the one before
        candidates = []
        for j in range(first - 1, -1, -1):
            s = slots[j]
            if s.window < slots[first].window - 1:
                break
            if s.piece.kind == "item":
                break
            if s.fact is not None and s.piece.kind in {"labelled", "total"} and s.fact.kind == "amount" \
                    and not s.fact.approximate:
                candidates.append(s.fact)
        if not candidates:
            return
        parts: list[Fact] = []
        missing = 0
        bounds = run[1:] + [self._run_end(run, slots)]
        for start, stop in zip(run, bounds):
            found = next(
                (slots[k].fact for k in range(start + 1, stop)
                 if slots[k].fact is not None and slots[k].piece.kind == "labelled"
                 and slots[k].fact.kind == "amount" and slots[k].depth == slots[start].depth
                 and slots[k].window == slots[start].window),
                None,
            )
            if found is None:
                missing += 1
            elif found.concept in self.vocab.memo_for(candidates[0].concept):
                continue
            else:
                parts.append(found)
        if len(parts) < 2 or any(p.approximate for p in parts):
            return
        total = self._choose_total(candidates, parts)
        if total is None:
            return
        # a list that runs to the end of the text may be cut off (an excerpt, a lost page)
        # (nothing after it, or only lines that number nothing: the last item's own sub-lines)
        last_slot = max((slots[k] for k in self._in_window[slots[run[-1]].window]), key=lambda s: s.end)
        truncated = not _NUMBERED_LINE.search(self.norm.text, last_slot.end)
        strict = (missing == 0 and not truncated) or self._family_complete(total, parts)
        self._add_breakdown(total, parts, "items", strict=strict)

    def _run_end(self, run: list[int], slots: list[Slot]) -> int:
        """The last item of a list ends with its window."""
        last = slots[run[-1]]
        k = run[-1] + 1
        while k < len(slots) and slots[k].window == last.window and slots[k].piece.kind != "item":
            k += 1
        return k

    def _totals(self, slots: list[Slot]) -> None:
        """A a、B b,合计 T: the figures before 合计 in its sentence are its parts."""
        for i, s in enumerate(slots):
            if s.piece.kind != "total" or s.fact is None:
                continue
            named = i > 0 and slots[i - 1].clause == s.clause and slots[i - 1].piece.kind == "words" \
                and not re.fullmatch(r"(?:以上|上述|全部|总|两项|三项|各项|共|合|本年|全年)?", slots[i - 1].piece.label)
            if named and s.fact.concept not in {t for f in self.vocab.families.values() for t in f.totals}:
                continue  # "拆除圬工共计114立方米", "差旅费共计2万元": that item's own total
            if s.fact.kind == "number":
                continue  # bare figures without units: too loose to add up outside a table
            parts = []
            for j in range(i - 1, -1, -1):
                t = slots[j]
                if t.sentence != s.sentence or t.piece.kind in OPENERS or t.piece.kind == "total":
                    break
                if t.fact is not None and t.piece.kind == "labelled" and t.depth == s.depth:
                    if t.fact.kind == s.fact.kind and t.fact.unit == s.fact.unit:
                        parts.append(t.fact)
            if any(p.label for p in parts):
                parts = [p for p in parts if p.label]
            parts = [p for p in parts if not self._is_previous(p) or self._is_previous(s.fact)]
            if len(parts) >= 2 and not any(p.approximate for p in parts):
                self._add_breakdown(s.fact, list(reversed(parts)), "合计", strict=True)

    def _score_totals(self, slots: list[Slot]) -> None:
        """"项目立项6分,绩效目标5分,…,满意度15分,总得分96": the scores before a total score."""
        for i, s in enumerate(slots):
            if s.piece.kind != "labelled" or s.fact is None or s.fact.kind not in {"score", "number"} \
                    or not _SCORE_TOTAL.search(_clean_label(s.piece.label)):
                continue
            parts: list[Fact] = []
            for j in range(i - 1, -1, -1):
                t = slots[j]
                if t.sentence != s.sentence or t.piece.kind == "total":
                    break
                if t.piece.kind in OPENERS:
                    if any(slots[k].fact is not None and slots[k].fact.kind == "score"
                           for k in range(j) if slots[k].sentence == s.sentence):
                        parts = []  # "产出指标38分,其中数量指标20分…": sub-scores, not the whole list
                    break
                if t.fact is not None and t.piece.kind == "labelled" and t.depth == s.depth \
                        and t.fact.kind == "score":
                    parts.append(t.fact)
            labels = [_clean_label(p.label) for p in parts]
            if len(parts) < 2 or any(_WEIGHT_WORDS.search(x) or _SCORE_TOTAL.search(x) or not x for x in labels):
                continue  # weights beside scores, subtotals, unnamed figures: not one list
            total = s.fact
            if total.kind == "number":  # "总得分96": a total score written without 分
                total = total.model_copy(update={"kind": "score", "unit": "分", "written_unit": "分"})
                self.out.facts[self.out.facts.index(s.fact)] = total
                s.fact = total
            self._add_breakdown(total, list(reversed(parts)), "合计", strict=True)

    # --------------------------------------------------------------- changes
    def _changes(self, slots: list[Slot]) -> None:
        consumed: set[int] = set()
        for i, s in enumerate(slots):
            kind = s.piece.kind
            if kind not in {"increase", "decrease", "flat"} or i in consumed:
                continue
            direction = {"increase": 1, "decrease": -1, "flat": 0}[kind]
            delta = pct = None
            if s.fact is not None:
                if s.fact.kind == "percent":
                    pct = s.fact
                elif s.fact.kind in {"amount", "count"}:
                    delta = s.fact
            # a growth rate in the next clause of the same sentence completes it
            for k in range(i + 1, min(i + 6, len(slots))):
                t = slots[k]
                if t.sentence != s.sentence:
                    break
                if t.piece.kind in {"growth_up", "growth_down", "increase", "decrease"} and t.fact is not None:
                    t_dir = 1 if t.piece.kind in {"growth_up", "increase"} else -1
                    if t.fact.kind == "percent" and pct is None and delta is not None and t_dir == direction:
                        pct = t.fact
                        consumed.add(k)
                    elif (t.fact.kind == "amount" and delta is None and pct is not None and t_dir == direction
                          and t.piece.kind in {"increase", "decrease"}
                          and all(slots[m].piece.kind == "sep" for m in range(i + 1, k))):
                        delta = t.fact  # "同比增长14.6%,增收4376万元": the amount the rate stands for
                        consumed.add(k)
                    break
                if t.fact is not None and t.piece.kind == "labelled":
                    break
            if delta is None and pct is None:
                continue
            subject_label, current, previous = self._change_subject(i, slots)
            # "约100万元" or a figure with a lost character is no base for exact arithmetic
            current = None if current is not None and current.approximate else current
            previous = None if previous is not None and previous.approximate else previous
            keyword = s.piece.keyword
            if re.search(r"上一?年|去年|同期|同比|前一年|\d{4}", keyword):
                reference = "previous"  # "比2017年预算数减少": this year's budget against last year's
            elif re.search("预算|计划|年初", keyword):
                reference = "budget"  # "决算比预算减少120万元"
            else:
                reference = "previous"
            self.out.changes.append(Change.model_construct(
                direction=direction, delta=delta, percent=pct, current=current, previous=previous,
                subject_label=subject_label, reference=reference, keyword=s.piece.keyword,
                keyword_span=self._span(s.start, s.start + len(s.piece.keyword)),
            ))
            self._change_at[i] = self.out.changes[-1]

    def _change_lists(self, slots: list[Slot]) -> None:
        """A total's change, then numbered items each stating the change of one part."""
        groups: dict[str, list[int]] = {}
        for i, s in enumerate(slots):
            if s.piece.kind == "item" and (i == 0 or slots[i - 1].window != s.window):
                groups.setdefault(_item_style(s.piece.keyword), []).append(i)
        for indices in groups.values():
            for run in _numbered_runs(indices, slots):
                self._change_run(run, slots)

    def _change_run(self, run: list[int], slots: list[Slot]) -> None:
        parts: list[Change] = []
        for item in run:
            window = slots[item].window
            found = next((self._change_at[k] for k in self._in_window[window]
                          if k > item and k in self._change_at), None)
            if found is None or found.delta is None or found.delta.kind != "amount":
                return
            parts.append(found)
        first = run[0]
        total = None
        for k in range(first - 1, -1, -1):
            if slots[k].window < slots[first].window - 2 or slots[k].piece.kind == "item":
                break
            if k in self._change_at:
                total = self._change_at[k]
                break
        if total is None or total.delta is None or total.delta.kind != "amount":
            return
        concepts = [read_label(c.subject_label, self.vocab).concept for c in parts]
        total_concept = read_label(total.subject_label, self.vocab).concept
        if any(c is None for c in concepts):
            return
        family = self.vocab.family_of(concepts)
        if family is None or total_concept not in family.totals:
            return
        self.out.change_lists.append(ChangeList.model_construct(total=total, parts=tuple(parts)))

    def _change_subject(self, i: int, slots: list[Slot]) -> tuple[str, Fact | None, Fact | None]:
        """What changed: the figure just before, or the words the change follows."""
        s = slots[i]
        words = ""
        if i > 0 and slots[i - 1].clause == s.clause and slots[i - 1].piece.kind == "words":
            words = slots[i - 1].piece.label
        before: list[Fact] = []
        for j in range(i - 1, -1, -1):
            t = slots[j]
            if t.sentence != s.sentence and not (words and t.window == s.window and t.sentence == s.sentence - 1):
                break
            if t.piece.kind in {"increase", "decrease", "flat"}:
                break
            if t.fact is not None and t.piece.kind in {"labelled", "total"} and t.fact.kind == "amount":
                before.append(t.fact)
        current = previous = None
        if words:
            winfo = read_label(words, self.vocab)
            # "支出较去年增加": a fact before whose concept the words name
            match = next((f for f in before if _same_subject(winfo, f)), None)
            if match is not None:
                current = match
            elif before and (winfo.concept is None or (not winfo.known and len(winfo.text) <= 2)):
                current = before[0]
            elif not winfo.known and not any(f.sentence == s.sentence for f in before):
                # "…收入总计1234.56万元…。与2021年相比，收、支总计各增加100万元": the words do not
                # name a known concept; the sentence before says what changed
                subject = self._sentence_subject(i, slots)
                if subject is not None and (_same_subject(winfo, subject) or re.search("总计|合计|总额", words)):
                    current = subject
            label = current.label if current is not None and not winfo.known else words
        elif before:
            current = before[0]
            label = current.label
        else:
            label = ""
            if _sentence_start(i, slots) or (i > 0 and slots[i - 1].piece.kind == "sep"
                                              and slots[i - 1].piece.keyword in "。!?"):
                # "1.一般公共预算财政拨款收入382.17万元,为…资金。较2020年度决算数减少157.86万元":
                # a sentence that opens with the change continues the previous sentence's subject
                subject = self._sentence_subject(i, slots)
                if subject is not None:
                    current, label = subject, subject.label
        relative_only = current is not None and current.period == "previous" and \
            re.search(r"同比|较上|比上|比去年|较去年", slots[i].piece.keyword) and len(before) == 1
        if current is not None and self._is_previous(current) and not relative_only:
            # "2019年…1262.92万元,本年度增加了446.19万元": that figure is the previous term.
            # ("去年…收入310682万元,同比增加23188万元" stays the current term of its own 同比.)
            previous, current = current, None
            # an explicit current figure of the same subject earlier in the sentence
            for f in before[1:]:
                if f.concept == previous.concept and not self._is_previous(f):
                    current = f
                    if _COMPARED_WITH.fullmatch(_clean_label(label)):
                        label = f.label  # "三公经费1969万元,较2024年的2190万元减少": the subject is named first
                    break
        elif current is not None:
            for f in before[1:]:
                same_series = (f.concept == current.concept and f.concept) or _year_before(f, current)
                if same_series and self._is_previous(f) and f.scenario == current.scenario and f.unit == current.unit:
                    previous = f
                    break
        return label, current, previous

    def _sentence_subject(self, i: int, slots: list[Slot]) -> Fact | None:
        """The first labelled amount of the sentence before slots[i], in the same window."""
        window, sentence = slots[i].window, slots[i].sentence - 1
        first = None
        for j in range(i - 1, -1, -1):
            t = slots[j]
            if t.window != window or t.sentence < sentence:
                break
            if t.sentence == sentence and t.fact is not None and t.piece.kind in {"labelled", "total"} \
                    and t.fact.kind == "amount" and t.depth == 0:
                first = t.fact
        return first

    def _is_previous(self, fact: Fact) -> bool:
        if fact.period == "previous":
            return True
        if fact.period and self.report_year and fact.period.isdigit():
            return int(fact.period) < int(self.report_year)
        return False

    # ----------------------------------------------------------------- rates
    def _rates(self, slots: list[Slot]) -> None:
        for i, s in enumerate(slots):
            if s.piece.kind != "labelled" or s.fact is None or s.fact.kind != "percent":
                continue
            info = s.info
            if info is None or info.rate is None:
                continue
            spec = self.vocab.rates[info.rate]
            near, far = self._rate_groups(i, slots)
            # "执行金额403.18万元,其中A…、B…,预算执行率94.08%": after a list, the rate is the total's
            # "预算数13亿元(其中3.5亿元…)": a part listed under a figure of the group is no base
            group_ids = {f.id for f in near + far}
            listed = {p.id for b in self.out.breakdowns if b.total.id in group_ids for p in b.parts}
            near = [f for f in near if f.id not in listed]
            nums, dens, others = self._classify(near, spec)
            if not (nums and (dens or others)) and far:
                nums, dens, others = self._classify(far, spec)  # the figures before the list
            self.out.rates.append(Rate.model_construct(
                rate=s.fact, name=info.rate, base=_named_base(info.text),
                numerators=tuple(nums), denominators=tuple(dens), others=tuple(others),
            ))

    def _rate_groups(self, i: int, slots: list[Slot]) -> tuple[list[Fact], list[Fact]]:
        """Amounts before a rate in its sub-sentence: after the last opener, and before it.

        A previous rate closes the group: "…执行403.18万元,执行率94.08%,其中基本支出…,执行率98.84%".
        """
        near: list[Fact] = []
        far: list[Fact] = []
        target = near
        for k in range(i - 1, -1, -1):
            t = slots[k]
            if t.sub != slots[i].sub:
                break
            if t.piece.kind in OPENERS:
                target = far
                continue
            if t.fact is None or t.piece.kind not in {"labelled", "total"}:
                continue
            if t.info is not None and t.info.rate is not None:
                break
            if t.fact.kind == "amount" and not t.fact.approximate:
                target.append(t.fact)
        return near, far

    @staticmethod
    def _classify(amounts: list[Fact], spec) -> tuple[list[Fact], list[Fact], list[Fact]]:
        # money received ("全年收入决算428.56万元", "到位资金") is a base, whatever its scenario
        # what is left (未支703万元, 结余, 未拨付) is never a rate's base or numerator
        amounts = [f for f in amounts if not re.search("未支|未付|未拨|未使用|结余|剩余|余额|结转", f.label)]
        received = [f for f in amounts if re.search("收入|到位|下达|拨入", f.label) and "available" in spec["denominator"]]
        nums = [f for f in amounts if f.scenario in spec["numerator"] and f not in received]
        dens = [f for f in amounts if (f.scenario in spec["denominator"] or f in received) and f not in nums]
        others = [f for f in amounts if f not in nums and f not in dens]
        return nums, dens, others

    # ---------------------------------------------------------------- shares
    def _shares(self, slots: list[Slot]) -> None:
        for i, s in enumerate(slots):
            if s.piece.kind != "share" or s.fact is None:
                continue
            if s.fact.kind == "amount":
                self._share_of_stated_whole(i, slots)
                continue
            if s.fact.kind != "percent":
                continue
            # "占财政总收入的比重为": the whole is 财政总收入
            whole_label = re.sub(r"的?(?:比重|比例|份额)?(?:为|是|约|达到?)?$", "", re.sub(r"\s+", "", s.piece.label))
            percents = [s.fact] + [slots[k].fact for k in _figure_run(slots, i, +1)]
            amounts = [slots[k].fact for k in _figure_run(slots, self._part_before(i, slots), -1)]
            if len(percents) > 1:
                # "A、B分别为a、b,占X的p%、q%": pair in order, or not at all
                pairs = zip(percents, amounts) if len(amounts) == len(percents) else []
                for percent, part in pairs:
                    self.out.shares.append(Share.model_construct(percent=percent, part=part,
                                                                 whole_label=whole_label))
                continue
            part = amounts[-1] if amounts else None
            self.out.shares.append(Share.model_construct(percent=s.fact, part=part, whole_label=whole_label))
        self._percent_of_total(slots)

    def _share_of_stated_whole(self, i: int, slots: list[Slot]) -> None:
        """"887万元,占年初预算1600万元的52.3%": the whole is written inside the share."""
        if i + 1 >= len(slots):
            return
        nxt = slots[i + 1]
        if not (nxt.piece.kind == "labelled" and nxt.fact is not None and nxt.fact.kind == "percent"
                and re.fullmatch(r"的?(?:比例|比重)?", nxt.piece.label)):
            return
        j = self._part_before(i, slots)
        part = slots[j].fact if j is not None else None
        whole = slots[i].fact
        if part is not None and part.unit == whole.unit:
            self.out.shares.append(Share.model_construct(percent=nxt.fact, part=part, whole=whole,
                                                         whole_label=slots[i].piece.label))

    @staticmethod
    def _part_before(i: int, slots: list[Slot]) -> int | None:
        """The amount a share's percentage is of: the last figure before 占 in its sub-sentence."""
        for j in range(i - 1, -1, -1):
            t = slots[j]
            if t.sub != slots[i].sub:
                return None
            if t.fact is not None and t.piece.kind in {"labelled", "total"}:
                return j if t.fact.kind == "amount" else None
        return None

    def _percent_of_total(self, slots: list[Slot]) -> None:
        """"总保费1293.45万元,中央财政补贴47.5%为614.39万元": p% of the sentence's total is a."""
        for i, s in enumerate(slots[:-1]):
            nxt = slots[i + 1]
            if s.fact is None or s.fact.kind != "percent" or s.piece.kind != "labelled":
                continue
            if not (nxt.piece.kind == "labelled" and nxt.fact is not None and nxt.fact.kind == "amount"
                    and not nxt.piece.label and nxt.piece.copula == "为"):
                continue
            whole = None
            for j in range(i - 1, -1, -1):
                t = slots[j]
                if t.sentence != s.sentence:
                    break
                if t.fact is not None and t.piece.kind == "labelled" and t.fact.kind == "amount" \
                        and not (j > 0 and slots[j - 1].fact is not None and slots[j - 1].fact.kind == "percent"):
                    whole = t.fact
                    break
            if whole is not None and whole.unit == nxt.fact.unit:
                self.out.shares.append(Share.model_construct(percent=s.fact, part=nxt.fact, whole=whole,
                                             whole_label=whole.label))

    def _span(self, start: int, end: int) -> Span:
        line, column = self.norm.line_col(start)
        return Span.model_construct(start=start, end=end, line=line, column=column)


# ---------------------------------------------------------------- helpers
_COMPARED_WITH = re.compile(r"(?:较|比|与)(?:上一?年度?|去年|上年同期|去年同期|(?:19|20)\d{2}年度?)(?:同期)?(?:的|为)?")
_SCORE_TOTAL = re.compile(r"(?:总得分|总分|综合得分|自评总分|评价总分|得分合计|合计得分)$")
_WEIGHT_WORDS = re.compile(r"分值|满分|权重|标准分")


def _clean_label(label: str) -> str:
    return re.sub(r"[\s:,、“”\"()]", "", label)


def _marker(piece: Piece) -> str:
    return {"qizhong": "其中", "fenbie": "分别为", "include": "包括", "classify": "分类", "dimension": "分类"}[piece.kind]


def _window_start(i: int, slots: list[Slot]) -> bool:
    """Nothing but separators and item markers before slots[i] in its window."""
    for j in range(i - 1, -1, -1):
        if slots[j].window != slots[i].window:
            return True
        if slots[j].piece.kind not in {"sep", "item"}:
            return False
    return True


# A line that opens a heading or a list item: "四、", "(三)", "3.", "3、", "第三".
_NUMBERED_LINE = re.compile(r"(?m)^[ \t|]*(?:[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十\d]{1,3}\)|\d{1,2}[.、](?!\d)|第[一二三四五六七八九十\d]{1,3}[章节部条])")


def _sentence_start(i: int, slots: list[Slot]) -> bool:
    """The opener starts its sentence ("…146万元。其中：…")."""
    return i == 0 or slots[i - 1].sentence != slots[i].sentence or (
        slots[i - 1].piece.kind == "sep" and slots[i - 1].piece.keyword in "。!?")


def _same_subject(words: LabelInfo, fact: Fact) -> bool:
    if not fact.concept:
        return False
    if words.known and words.concept == fact.concept:
        return True
    core = words.concept or words.text
    return bool(core) and (fact.concept.endswith(core) or fact.label.endswith(core))


def _year_before(earlier: Fact, later: Fact) -> bool:
    """"2019年…1262.92万元，2020年…1709.11万元": explicit consecutive years."""
    if earlier.period and later.period and earlier.period.isdigit() and later.period.isdigit():
        return int(later.period) - int(earlier.period) == 1
    return False


def _named_base(rate_label: str) -> str | None:
    if re.search("年初", rate_label):
        return "budget_initial"
    if re.search("调整|全年预算", rate_label):
        return "budget_adjusted"
    if re.search("到位", rate_label) and "到位率" not in rate_label:
        return "available"
    return None


_APPROX_BEFORE = re.compile(r"(?:约|近|逾|超过|不足|将近|大约|累计近)\s*$")
_APPROX_AFTER = re.compile(r"^\s*(?:以上|以下|左右|余|多|上下)")


def _approximate_context(text: str, start: int, end: int, copula: str) -> bool:
    if copula.startswith("约"):
        return True
    if start and text[start - 1] in "?\ufffd":
        return True  # "一般公共服务支出?8639万元": a character lost in conversion, maybe a digit
    return bool(_APPROX_BEFORE.search(text[max(0, start - 4):start]) or _APPROX_AFTER.match(text[end:end + 3]))


def _item_style(marker: str) -> str:
    if marker.startswith("("):
        return "(一)" if re.match(r"\([一二三四五六七八九十]", marker) else "(1)"
    if marker[0] in "0123456789":  # not str.isdigit(): ① counts as a digit there
        return "1" + marker[-1]
    if "\u2460" <= marker[0] <= "\u2473":
        return "①"
    if "\u2474" <= marker[0] <= "\u2487":
        return "⑴"
    return "一" + marker[-1]


_CN_DIGITS = {c: i + 1 for i, c in enumerate("一二三四五六七八九")}


def item_number(marker: str) -> int | None:
    m = re.search(r"\d+", marker)
    if m:
        return int(m.group())
    if "\u2460" <= marker[0] <= "\u2473":
        return ord(marker[0]) - 0x2460 + 1
    if "\u2474" <= marker[0] <= "\u2487":
        return ord(marker[0]) - 0x2474 + 1
    cn = re.sub(r"[()、是]", "", marker)
    return chinese_number(cn)


def chinese_number(cn: str) -> int | None:
    if not cn:
        return None
    if cn == "十":
        return 10
    if cn.startswith("十"):
        rest = _CN_DIGITS.get(cn[1:], None) if len(cn) == 2 else None
        return 10 + rest if rest else None
    if len(cn) == 1:
        return _CN_DIGITS.get(cn)
    if len(cn) == 2 and cn[1] == "十":
        return _CN_DIGITS.get(cn[0], 0) * 10 or None
    if len(cn) == 3 and cn[1] == "十":
        a, b = _CN_DIGITS.get(cn[0]), _CN_DIGITS.get(cn[2])
        return a * 10 + b if a and b else None
    return None


def _numbered_runs(indices: list[int], slots: list[Slot]) -> list[list[int]]:
    """Split item markers of one style into runs numbered 1, 2, 3 … close together."""
    runs: list[list[int]] = []
    current: list[int] = []
    for i in indices:
        n = item_number(slots[i].piece.keyword)
        if n == 1:
            if len(current) >= 2:
                runs.append(current)
            current = [i]
        elif current and n == item_number(slots[current[-1]].piece.keyword) + 1 and \
                slots[i].window - slots[current[-1]].window <= 3:
            current.append(i)
        else:
            if len(current) >= 2:
                runs.append(current)
            current = []
    if len(current) >= 2:
        runs.append(current)
    return runs


_ABBREVIATED = {"收": "收入", "支": "支出"}


def _pair_respectively(slots: list[Slot]) -> dict[int, str]:
    """"基本支出、项目支出分别为180.5万元、667.9万元": names before 分别为, figures after.

    "收、支总计各是4125.49,4143.91万元": a shared ending is written once, on the last name.
    """
    overrides: dict[int, str] = {}
    for i, s in enumerate(slots):
        if s.piece.kind != "fenbie":
            continue
        names: list[str] = []
        j = i - 1
        while j >= 0 and slots[j].clause == s.clause:
            p = slots[j].piece
            if p.kind == "words":
                names.append(re.sub(r"\d{4}年度?", "", p.label))
            elif not (p.kind == "sep" and p.keyword == "、"):
                break  # a year, a bracket, anything else: the names started after it
            j -= 1
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
        k = i + 1
        while k < len(slots) and slots[k].sentence == s.sentence and len(values) < len(names):
            p = slots[k].piece
            if p.kind == "labelled" and not p.label:
                values.append(k)
            elif not (p.kind == "sep" and p.keyword in "、,"):
                break
            k += 1
        if len(values) == len(names):
            for name, k in zip(names, values):
                overrides[k] = name
    return overrides


def _distribute_units(slots: list[Slot]) -> dict[int, tuple]:
    """"分别为120、52、260万元": bare numbers take the unit written after the last one."""
    units: dict[int, tuple] = {}
    run: list[int] = []
    after_pause = False
    for i, s in enumerate(slots):
        p = s.piece
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
        elif p.kind == "sep" and run and (p.keyword == "、" or (p.keyword == "," and _after_fenbie(slots, run[0]))):
            after_pause = True
        else:
            run = []
            after_pause = False
    units.update(_money_without_unit(slots, units))
    return units


# nouns that, with only scenario words around them, name no quantity of their own
_BARE_NOUNS = {"支出", "收入"}

# a label that names money: "全区执行数1032849.44(含中央资金689139.31万元…)"
_MONEY_LABEL = re.compile(r"(?:预算|执行|决算|支出|收入|到位|拨付|结余|结转)数?$|(?:金额|资金|经费)$")


def _money_without_unit(slots: list[Slot], known: dict[int, tuple]) -> dict[int, tuple]:
    """A figure with decimals whose label names money, its unit left out, in a sentence
    whose amounts are all in one unit: that unit."""
    out: dict[int, tuple] = {}
    by_sentence: dict[int, list[int]] = {}
    for i, s in enumerate(slots):
        if s.piece.value is not None and s.piece.kind == "labelled":
            by_sentence.setdefault(s.sentence, []).append(i)
    for indices in by_sentence.values():
        bare = [i for i in indices if slots[i].piece.value.type == "NUMBER" and i not in known
                and "." in str(slots[i].piece.value) and _MONEY_LABEL.search(slots[i].piece.label)]
        if not bare:
            continue
        amounts = [read_figure("AMOUNT", str(slots[i].piece.value)) for i in indices
                   if slots[i].piece.value.type == "AMOUNT"]
        if len({fig.written_unit for fig in amounts}) != 1:
            continue
        fig = amounts[0]
        for i in bare:
            out[i] = (fig.kind, fig.unit, fig.written_unit, fig.scale)
    return out


def _figure_run(slots: list[Slot], i: int | None, step: int) -> list[int]:
    """The figures listed with slots[i] by "、" or "和", in text order.

    Forward (step +1, "8.1%、91.9%"): the bare figures after slots[i], which is excluded.
    Backward (step -1, "货物8607亿元、工程15004亿元"): the figures up to slots[i], included.
    """
    if i is None:
        return []
    kind = slots[i].fact.kind
    run = [] if step > 0 else [i]
    k = i
    while 0 <= k + 2 * step < len(slots):
        sep, nxt = slots[k + step], slots[k + 2 * step]
        if not (sep.piece.kind == "sep" and sep.piece.keyword == "、" and nxt.piece.kind == "labelled"
                and nxt.fact is not None and nxt.fact.kind == kind
                and (step < 0 or not nxt.piece.label)):
            break
        k += 2 * step
        run.append(k)
    return run if step > 0 else run[::-1]


def _after_fenbie(slots: list[Slot], i: int) -> bool:
    """The figure at slots[i] comes right after 分别为/各是 ("各是4125.49,4143.91万元")."""
    return i > 0 and slots[i - 1].piece.kind == "fenbie"
