"""The check kinds a rule file can name: small pure functions over a document's facts.

Each takes the rule (its parameters, severity, messages) and the document
context, and yields the outcome of every relation it checks (with a finding
when the relation fails); none raises to report.  Which figures a relation
relates was decided by the binder: a check kind does the arithmetic and says
what it found.
"""

from __future__ import annotations

from typing import Callable, Iterator

from auditor.check.context import Context
from auditor.check.kinds import calculations, changes, differences, document, enumerations, products, ratios, scores, sums, targets
from auditor.check.rulebook import Rule
from auditor.findings import Outcome

CheckFn = Callable[[Rule, Context], Iterator[Outcome]]

KINDS: dict[str, CheckFn] = {
    "breakdown": sums.check_breakdown,
    "identity": sums.check_identity,
    "balance": sums.check_balance,
    "rate": ratios.check_rate,
    "share": ratios.check_share,
    "shares_total": ratios.check_shares_total,
    "table_rate": ratios.check_table_rate,
    "change_delta": changes.check_change_delta,
    "change_growth": changes.check_change_growth,
    "change_growth_base": changes.check_growth_base,
    "compound_growth": changes.check_compound_growth,
    "change_direction": changes.check_change_direction,
    "change_parts": changes.check_change_parts,
    "table_weights": scores.check_table_weights,
    "table_scores": scores.check_table_scores,
    "score_cap": scores.check_score_cap,
    "execution_score": scores.check_execution_score,
    "funds_score": scores.check_funds_score,
    "indicator_full_marks": scores.check_indicator_full_marks,
    "score_prose": scores.check_score_prose,
    "grade": scores.check_grade,
    "repeat": document.check_repeat,
    "unit_slip": document.check_unit_slip,
    "sibling_unit": document.check_sibling_unit,
    "named_repeat": document.check_named_repeat,
    "headings": document.check_headings,
    "bounded": document.check_bounded,
    "negative": document.check_negative,
    "calculation": calculations.check_calculation,
    "difference": differences.check_difference,
    "difference_rate": differences.check_difference_rate,
    "product": products.check_product,
    "average": products.check_average,
    "months_payable": products.check_months_payable,
    "target": targets.check_target,
    "named_items": enumerations.check_named_items,
}
