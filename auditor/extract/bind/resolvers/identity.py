"""The vocabulary's identities across the document: 支出 = 基本支出 + 项目支出,
“三公”经费 = 出国 + 公车 + 接待, 基本支出 = 人员经费 + 公用经费 …

Only figures whose labels name the concepts exactly, for the same year,
scenario and funds, are grouped; a concept stated with conflicting values is
ambiguous and its identity is not bound.  A total that a stated list already
breaks down yields to that list, and parts a stated list gives to another total
are not borrowed.
"""

from __future__ import annotations

from collections import defaultdict

from auditor.extract.bind.index import DocumentIndex, fact_scope
from auditor.extract.model import BUDGET_SCENARIOS, Breakdown, Fact
from auditor.extract.vocabulary import Family


def resolve(index: DocumentIndex, lists: list[Breakdown]) -> list[Breakdown]:
    # a total a stated list breaks down: each list's part concepts (a list along another dimension — 基本支出 按经济
    # 分类 — leaves its identity, 人员经费 + 公用经费, to be read)
    explicit: dict[int, set[str | None]] = defaultdict(set)
    for b in lists:
        explicit[b.total.id].update(p.concept for p in b.parts)
    # a part a stated list gives to its total is that total's: "鄂城区三公经费1000.86万,其中:…公务接待费
    # 43.77万元…" — a narrower total elsewhere ("区直…三公经费736.40万元") does not borrow it
    claimed = {p.id: b.total.id for b in lists for p in b.parts}
    # the amounts of each concept, in text order, found once (not once per family: a long text
    # holds many figures and the vocabulary many families)
    # (a figure named by a change, "主要是增加基本支出8362万元", is the change, not the quantity)
    as_change = index.vocab.cue("stated_as_change")
    by_concept: dict[str, list[tuple[int, Fact]]] = defaultdict(list)
    for n, f in enumerate(index.facts):
        if f.kind == "amount" and not f.is_bound and f.concept and not as_change.match(f.label):
            by_concept[f.concept].append((n, f))
    out = []
    for family in [*index.vocab.families.values(), *index.vocab.balances.values()]:
        concepts = dict.fromkeys([*family.totals, *family.members])
        facts = [f for _, f in sorted((x for c in concepts for x in by_concept.get(c, ())), key=lambda x: x[0])]
        if facts:
            out.extend(_family(index, family, facts, explicit, claimed))
    return out


def _family(index: DocumentIndex, family: Family, facts: list[Fact], explicit: dict[int, set[str | None]],
            claimed: dict[int, int]) -> list[Breakdown]:
    """The identity of one family over the amounts of its concepts (in text order)."""
    groups: dict[tuple, dict[str, list[Fact]]] = defaultdict(lambda: defaultdict(list))
    # ("基本支出决算为2363.85万元。人员经费2025.26万元;公用经费311.59万元。": parts that name no scenario, in the
    # paragraph of the one total that does, are of its scenario)
    said = defaultdict(set)
    for f in facts:
        if f.concept in family.totals and f.concept not in family.members and not f.in_table:
            said[(f.window, index.period_of(f))].add(f.scenario)  # (a total of no scenario there: none lent)
    for f in facts:
        scenario = f.scenario
        if scenario is None and not f.in_table and f.concept in family.members:
            one = said.get((f.window, index.period_of(f)), ())
            scenario = next(iter(one)) if len(one) == 1 else None  # (None when that one total names none either)
        key = (index.period_of(f), scenario, fact_scope(f) + index.qualifier(f))
        groups[key][f.concept].append(f)
    _lend_unscoped_parts(groups, family)
    out = []
    beyond = index.vocab.cue("beyond_spending")
    for by_concept in groups.values():
        totals = [c for c in family.totals if c in by_concept and c not in family.members]
        if not totals:
            continue
        total_fact = index.unique(by_concept[totals[0]])
        if total_fact is None or index.narrowed(total_fact) or (total_fact.id in explicit and (
                None in explicit[total_fact.id] or explicit[total_fact.id] & family.members)):
            continue
        parts: list[Fact] = []
        for part in family.parts:
            names = [part, *family.alternatives.get(part, ())]
            found = [n for n in names if n in by_concept]
            if not found:
                if family.open:
                    continue
                parts = []
                break
            if found[0] == part:
                fact = index.unique(by_concept[part])
                if fact is None:
                    parts = []
                    break
                parts.append(fact)
            else:
                alt = [index.unique(by_concept[n]) for n in found]
                if any(a is None for a in alt):
                    parts = []
                    break
                parts.extend(alt)
        if parts:  # the optional members the report states are parts too (经营支出 of 本年支出合计)
            optional = [index.unique(by_concept[c]) for c in family.optional if c in by_concept]
            parts = [] if None in optional else parts + optional
        if len(parts) < 2 or any(claimed.get(p.id, total_fact.id) != total_fact.id for p in parts):
            continue
        # (a balance identity of the 总计 itself, 收入总计构成 / 支出总计构成, holds the 结转和结余 it carries — in a unit's
        # account only: a government's 收入总计 holds 上级补助, 转贷, 调入 its 本年收入 does not)
        carried = family.name in index.vocab.balances
        if carried and not index.vocab.cue("unit_account").search(index.text):
            continue
        if "总计" in (total_fact.concept or "") and not carried and not total_fact.in_table and any(
                beyond.search(f.label) for f in index.facts if f.window == total_fact.window and f.kind == "amount"):
            continue  # ("支出总计5027.38万元,基本支出…,项目支出…,结余分配3.40万元,年末结转和结余187.62万元": more than the two)
        if "总计" in (total_fact.concept or "") and not carried and total_fact.scenario not in BUDGET_SCENARIOS \
                and "决算" in index.text and any(
                f.concept == "收入总计" and f.value == total_fact.value and index.period_of(f) == index.period_of(total_fact)
                for f in index.facts):
            continue  # ("收入总计 2846.10 | 支出总计 2846.10": a 决算's 支出总计 that balances its 收入总计 holds what is
            # carried on too — a budget's holds only what is to be spent)
        # figures one paragraph states are read together; across paragraphs the identity is inferred
        together = len({f.window for f in (total_fact, *parts) if not f.in_table}) == 1 and not total_fact.in_table
        out.append(Breakdown.model_construct(total=total_fact, parts=tuple(parts), subtracted=(), marker="identity",
                                             complete=True, family=family.name,
                                             reason="identity_in_paragraph" if together else "vocabulary_identity",
                                             via=(), rejected=()))
    return out


def _lend_unscoped_parts(groups: dict[tuple, dict[str, list[Fact]]], family: Family) -> None:
    """"财政拨款的三公经费支出合计53.73亿元。三公经费中,因公出国(境)经费17.44亿元…": the
    funding scope is said once, on the total.  Parts stated without a scope belong to the one
    scoped total of their year and scenario, unless an unscoped total of their own competes."""
    def has_total(by_concept) -> bool:
        return any(c in by_concept for c in family.totals if c not in family.members)

    def has_parts(by_concept) -> bool:
        return any(c in by_concept for c in family.members)

    for (period, scenario, scope), bare in list(groups.items()):
        if scope or has_total(bare) or not has_parts(bare):
            continue
        takers = [k for k, by_concept in groups.items()
                  if k[:2] == (period, scenario) and k[2] and has_total(by_concept) and not has_parts(by_concept)]
        # (the scope said on the total carries on to the parts after it or in its paragraph, not back to parts stated
        # in paragraphs before it: "项目支出
        # 1764.95万元…部门基本支出1867.61万元…财政拨款支出总计1072.61万元" — the department's money, not the 财政拨款's)
        if len(takers) == 1 and all(f.span.start > t.span.start or f.window == t.window
                                    for facts in bare.values() for f in facts
                                    for c in family.totals for t in groups[takers[0]].get(c, ())):
            for concept, facts in bare.items():
                groups[takers[0]][concept].extend(facts)
