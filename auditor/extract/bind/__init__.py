"""Bind the relations the text states: resolvers propose, one arbiter decides.

    Reading (the text's structure, every figure read)
      → layer 1: lists (其中 / 分别为 / brackets / numbered items / families /
                 合计 / score lists) and changes          → arbiter
      → layer 2: lists that need layer 1 (a paragraph's dimension split),
                 numbered change lists                     → arbiter
      → layer 3: rates and shares, which need every list  → arbiter
      → document: what reaches beyond a sentence, through an index of all
                 facts (tables included): a rate's base stated elsewhere, the
                 whole a share names, a change's figure stated elsewhere, the
                 vocabulary's identities, change and share sums over complete
                 lists, quantities stated twice (or once in 元 and once in 万元)

Each resolver is a pure function of the reading and of the relations decided
in the layers before it; nothing else is shared.  Every relation names its
reason (bind/reasons.py) and what it beat.
"""

from __future__ import annotations

from dataclasses import field

from auditor.extract.bind.arbiter import decide
from auditor.extract.bind.candidate import Candidate
from auditor.extract.bind.index import DocumentIndex
from auditor.extract.bind.resolvers import (adjustment_range, balance_lines, balance_of_rate, distribution, bracket_list, chart_shares, budget_adjustment, budget_variance, carry_over, change, change_between_years, change_current, change_list, change_parts, change_since_point, change_sum, final_execution,
                                            dimension_list, family_list, funds_score_prose, group_members, identity, industries, numbered_items,
                                            opener_list, rate, side_by_side,
                                            rate_base, repeat, roll_forward, cumulative_total, score_list, share, share_partition, share_whole, standard_shares, years_cumulative,
                                            together_with, total_after, funds_levels, entity_levels)
from auditor.extract.bind.resolvers import survey_answers  # noqa: E402  (a list resolver: the answers by kind)
from auditor.extract.bind.resolvers import (average, named_ratio, quarters_sum, compound_growth, months_payable, difference, grade_counts, survey_rate, score_rate, score_cap, named_items, named_kinds, named_shares, named_repeat, net_change, product, restated_amount, target, total_after_list,
                                            offset_balance, deduction, budget_cut, net_flows, own_score, parallel_lists, score_change, score_deduction,
                                            signed_chain, stated_flows, points_change, unit_sibling, unit_slip)
from auditor.extract.model import (Average, MonthsPayable, Breakdown, Change, ChangeList, CompoundGrowth, Difference, Enumeration, Fact, FundsScore, Product, Rate,
                                   Repeat,
                                   ScoreCap, Share, SharePartition, Target, UnitSlip)
from auditor.extract.readings import Reading
from auditor.records import dataclass

# layer 1 lists, in precedence order (the arbiter keeps the first of two identical lists)
LIST_RESOLVERS = (side_by_side, opener_list, bracket_list, numbered_items, family_list, industries, together_with, total_after, score_list,
                  total_after_list, grade_counts, group_members, quarters_sum, standard_shares, years_cumulative, funds_levels, entity_levels,
                  chart_shares, survey_answers)


@dataclass
class Relations:
    """The relations decided so far, by kind (each layer adds to them)."""

    breakdowns: list[Breakdown] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    change_lists: list[ChangeList] = field(default_factory=list)
    rates: list[Rate] = field(default_factory=list)
    shares: list[Share] = field(default_factory=list)
    identities: list[Breakdown] = field(default_factory=list)
    partitions: list[SharePartition] = field(default_factory=list)
    repeats: list[Repeat] = field(default_factory=list)
    differences: list[Difference] = field(default_factory=list)
    products: list[Product] = field(default_factory=list)
    averages: list[Average] = field(default_factory=list)
    months_payable: list[MonthsPayable] = field(default_factory=list)
    compound_growths: list[CompoundGrowth] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    enumerations: list[Enumeration] = field(default_factory=list)
    unit_slips: list[UnitSlip] = field(default_factory=list)
    named_repeats: list[Repeat] = field(default_factory=list)
    funds_scores: list[FundsScore] = field(default_factory=list)
    score_caps: list[ScoreCap] = field(default_factory=list)


def bind(r: Reading, facts: list[Fact], table_lists: list[Breakdown], table_changes: list[Change] = ()) -> Relations:
    """`facts`: every fact of the document (tables included), in text order;
    `table_lists` and `table_changes`: the lists and changes the tables' rows state."""
    lists = _relations(decide([c for resolver in LIST_RESOLVERS for c in resolver.resolve(r)]))
    changes = _relations(decide([*change.resolve(r), *score_change.resolve(r)]))
    keyword_at = {node.start: node.index for node in r.tree.of_kind(*change.DIRECTIONS, *change.GROWTHS)}
    change_at = {keyword_at[c.keyword_span.start]: c for c in changes}
    lists += _relations(decide(list(dimension_list.resolve(r, lists))))
    lists = named_kinds.complete(r, parallel_lists.complete(r, lists))
    numbered_changes = _relations(decide([*change_list.resolve(r, change_at), *change_parts.resolve(r, change_at)]))
    points = _relations(decide(list(points_change.resolve(r))))  # (rates' changes: of no list's sums)
    variances = _relations(decide(list(budget_variance.resolve(r))))  # (预决算差异率: of no list's sums either)
    rates = _relations(decide(list(rate.resolve(r, lists))))
    shares = _relations(decide([*share.resolve(r, lists), *survey_rate.resolve(r), *score_rate.resolve(r), *named_ratio.resolve(r)]))
    named = list(difference.resolve(r, lists))  # (a cut the named differences read is theirs: budget_cut reads the others)
    differences = _relations(decide([*named, *offset_balance.resolve(r), *net_change.resolve(r), *deduction.resolve(r),
                                      *budget_cut.resolve(r, {c.relation.difference.id for c in named}),
                                      *carry_over.resolve(r), *balance_lines.resolve(r), *budget_adjustment.resolve(r), *adjustment_range.resolve(r), *roll_forward.resolve(r), *cumulative_total.resolve(r),
                                      *signed_chain.resolve(r), *net_flows.resolve(r), *score_deduction.resolve(r)]))
    products = _relations(decide(list(product.resolve(r))))
    averages = _relations(decide([*average.resolve(r), *average.per_unit_means(r), *average.named_means(r), *average.monthly_means(r), *average.means_over_months(r),
                                   *average.means_over_named_count(r)]))
    compound_growths = _relations(decide([*compound_growth.resolve(r), *compound_growth.total_growths(r)]))
    months = _relations(decide(list(months_payable.resolve(r))))
    targets = _relations(decide(list(target.resolve(r))))
    enumerations = _relations(decide(list(named_items.resolve(r))))
    sibling_slips = _relations(decide(list(unit_sibling.resolve(r, lists))))
    # the document layer
    index = DocumentIndex(tuple(facts), r.vocab, r.report_year, r.norm.text)
    all_lists = [*table_lists, *lists]
    shares = share_whole.resolve(index, shares, all_lists)
    slips = unit_slip.resolve(index)
    identities = identity.resolve(index, all_lists)
    named_partitions = _relations(decide(list(named_shares.resolve(r))))
    # (the changes with the figures stated elsewhere they are of: a rate's base may follow from one)
    # (a 决算 compared with the 执行数 reported before it: both its terms, wherever stated)
    changes = final_execution.resolve(index, changes, r.norm.text)
    located = change_current.resolve(index, change_between_years.resolve(index, changes, r.norm.text))
    rates_done = rate_base.resolve(index, rates, changes, r.norm.text, located)
    repeats = [*repeat.resolve(index, all_lists, shares, r.norm.text, frozenset(s.slipped.id for s in slips)),
               *own_score.resolve(index, r.norm.text), *restated_amount.resolve(index, r.norm.text),
               *side_by_side.same_total(r)]
    return Relations(
        breakdowns=[*lists, *restated_amount.restated_lists(lists, repeats), *distribution.resolve(index)],
        changes=[*change_since_point.resolve(index, located, all_lists, r.norm.text),
                 *table_changes, *points, *variances],
        # (an identity's parts change with its total too: "三公经费…比预算数减少1188万元" over its items')
        change_lists=change_sum.resolve(index, [*all_lists, *identities], [*changes, *table_changes],
                                        numbered_changes),
        rates=rates_done,
        shares=shares,
        identities=identities,
        partitions=[*share_partition.resolve(index, all_lists, shares), *named_partitions],
        repeats=repeats,
        differences=[*differences, *balance_of_rate.resolve(index, rates_done, differences), *stated_flows.resolve(index, r.norm.text),
                     *carry_over.stated_opening(index, r.norm.text),
                     *carry_over.stated_flows(index, r.norm.text)],
        products=products,
        averages=averages,
        months_payable=months,
        compound_growths=compound_growths,
        targets=targets,
        enumerations=enumerations,
        unit_slips=[*slips, *sibling_slips],
        named_repeats=named_repeat.resolve(index, r.norm.text),
        funds_scores=_relations(decide(list(funds_score_prose.resolve(r)))),
        score_caps=_relations(decide(list(score_cap.resolve(r)))),
    )


def _relations(candidates: list[Candidate]) -> list:
    return [c.relation for c in candidates]
