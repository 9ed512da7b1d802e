"""Score tables, the score stated in prose, and the grade that follows from it."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterator

from auditor.check.arithmetic import Value, compare, total, written
from auditor.check.context import Context, diff_text, failed, finding, outcome
from auditor.check.rulebook import Rule
from auditor.extract.model import Fact, ScoreTable
from auditor.findings import Evidence, Outcome

TOTAL_SCORE_LABEL = re.compile(r"总分|综合得分|自评得分|自评评分|评价得分|最后得分|最终得分|评分为|得分为|自评分|总得分|评分$|得分$")


def _column_sum(rule: Rule, ctx: Context, table: ScoreTable, role: str, name: tuple[str, str]) -> Iterator[Outcome]:
    totals = [r for r in table.rows if r.is_total and role in r.cells]
    rows = [r for r in table.rows if not r.is_total and role in r.cells]
    if len(totals) != 1 or len(rows) < 2:
        return
    stated = totals[0].cells[role]
    facts = [r.cells[role] for r in rows]
    figures = [Evidence.of(stated, "total"), *(Evidence.of(f, "row") for f in facts)]
    computed = total([Value.of(f) for f in facts])
    cmp = compare(stated, computed)
    if cmp.verdict == "ok":
        yield outcome(rule, None, "holds", figures, reason="table_rows")
        return
    terms = " + ".join(written(f) for f in facts)
    arithmetic = {lang: f"{terms} = {computed.value.normalize():f} ≠ {written(stated)} {diff_text(cmp.difference, stated, lang, max(f.decimals for f in facts))}"
                  for lang in ("zh", "en")}
    yield failed(rule, None, finding(rule, ctx, primary=stated, stated=stated.text,
                                     expected=f"{computed.value.normalize():f}", arithmetic=arithmetic,
                                     evidence=figures, comparison=cmp,
                                     fields={"column_zh": name[0], "column_en": name[1]}), reason="table_rows")


def check_table_weights(rule: Rule, ctx: Context) -> Iterator[Outcome]:
    """SCO001: the weights (分值) of a score table add to its total, and the total is 100."""
    full = Decimal(rule.params.get("full_marks", 100))
    for table in ctx.doc.tables:
        yield from _column_sum(rule, ctx, table, "weight", ("分值", "weights"))
        totals = [r for r in table.rows if r.is_total and "weight" in r.cells and not r.label.startswith("小计")]
        if len(totals) == 1 and len(table.rows) >= 4:
            stated = totals[0].cells["weight"]
            cmp = compare(stated, Value(full, Decimal(0)))
            if cmp.verdict == "ok":
                yield outcome(rule, None, "holds", [Evidence.of(stated, "total")], reason="table_rows")
            elif stated.value < full * 2:
                arithmetic = {"zh": f"{written(stated)} ≠ {full}", "en": f"{written(stated)} ≠ {full}"}
                yield failed(rule, None, finding(
                    rule, ctx, primary=stated, stated=stated.text, expected=str(full), arithmetic=arithmetic,
                    evidence=[Evidence.of(stated, "total")], comparison=cmp,
                    fields={"column_zh": "分值合计", "column_en": "total weight"}), reason="table_rows")


def check_table_scores(rule: Rule, ctx: Context) -> Iterator[Outcome]:
    """SCO002: the scores (得分) of a score table add to its stated total."""
    for table in ctx.doc.tables:
        yield from _column_sum(rule, ctx, table, "score", ("得分", "scores"))


def check_score_cap(rule: Rule, ctx: Context) -> Iterator[Outcome]:
    """SCO003: no score above its weight."""
    for table in ctx.doc.tables:
        for row in table.rows:
            score, weight = row.cells.get("score"), row.cells.get("weight")
            if score is None or weight is None:
                continue
            figures = [Evidence.of(score, "score"), Evidence.of(weight, "weight")]
            if score.value - weight.value <= score.tolerance + weight.tolerance:
                yield outcome(rule, None, "holds", figures, reason="table_rows")
                continue
            cmp = compare(score, Value.of(weight))
            arithmetic = {"zh": f"{written(score)} > {written(weight)}", "en": f"{written(score)} > {written(weight)}"}
            yield failed(rule, None, finding(rule, ctx, primary=score, stated=score.text, expected=f"≤ {written(weight)}",
                                             arithmetic=arithmetic, evidence=figures, comparison=cmp,
                                             fields={"row": row.label}), reason="table_rows")


def check_execution_score(rule: Rule, ctx: Context) -> Iterator[Outcome]:
    """SCO005: a funds row executed at 100 % or more scores its whole weight (every
    scoring scheme agrees there; below 100 % provinces differ, so nothing is said)."""
    for table in ctx.doc.tables:
        for row in table.rows:
            rate, score, weight = row.cells.get("rate"), row.cells.get("score"), row.cells.get("weight")
            if rate is None or score is None or weight is None or rate.value < 100:
                continue
            # "100%" may stand for 99.5 %: a proportional score may then be a little short
            low = weight.value * max(rate.value - rate.tolerance, Decimal(0)) / 100
            full = Value((low + weight.value) / 2, (weight.value - low) / 2 + weight.tolerance)
            cmp = compare(score, full)
            figures = [Evidence.of(score, "score"), Evidence.of(weight, "weight"), Evidence.of(rate, "rate")]
            if cmp.verdict == "ok" or score.value > weight.value:
                yield outcome(rule, None, "holds", figures, reason="table_rows")  # above its weight: SCO003's
                continue
            arithmetic = {lang: f"{written(score)} < {written(weight)}" for lang in ("zh", "en")}
            yield failed(rule, None, finding(rule, ctx, primary=score, stated=score.text, expected=written(weight),
                                             arithmetic=arithmetic, evidence=figures, comparison=cmp,
                                             fields={"row": row.label, "rate": rate.text}), reason="table_rows")


def _table_total_scores(ctx: Context) -> list[Fact]:
    out = []
    for table in ctx.doc.tables:
        for row in table.rows:
            if row.is_total and "score" in row.cells:
                out.append(row.cells["score"])
    return out


def prose_total_scores(ctx: Context) -> list[Fact]:
    out = []
    for f in ctx.doc.facts:
        if f.kind != "score" or f.in_table or f.approximate:
            continue
        if TOTAL_SCORE_LABEL.search(f.label) and Decimal(0) <= f.value <= Decimal(100):
            out.append(f)
    return out


def check_score_prose(rule: Rule, ctx: Context) -> Iterator[Outcome]:
    """SCO004: the total score stated in prose agrees with the score table's total."""
    tables = _table_total_scores(ctx)
    if len(tables) != 1:
        return
    table_total = tables[0]
    row_scores = {r.cells["score"].value for t in ctx.doc.tables for r in t.rows if "score" in r.cells and not r.is_total}
    for prose in prose_total_scores(ctx):
        if prose.value in row_scores and prose.value != table_total.value:
            continue  # a row's score mentioned in prose
        figures = [Evidence.of(prose, "prose score"), Evidence.of(table_total, "table total")]
        cmp = compare(prose, Value.of(table_total))
        if cmp.verdict == "ok":
            yield outcome(rule, None, "holds", figures, reason="table_total_in_prose")
            continue
        arithmetic = {"zh": f"{written(prose)} ≠ {written(table_total)}", "en": f"{written(prose)} ≠ {written(table_total)}"}
        yield failed(rule, None, finding(rule, ctx, primary=prose, stated=prose.text, expected=table_total.text,
                                         arithmetic=arithmetic, evidence=figures, comparison=cmp),
                     reason="table_total_in_prose")


def band_of(score: Decimal, bands: list[tuple[str, Decimal]]) -> str:
    for name, lower in bands:
        if score >= lower:
            return name
    return bands[-1][0]


def check_grade(rule: Rule, ctx: Context) -> Iterator[Outcome]:
    """GRD001: the grade agrees with the score (财预〔2020〕10号 bands, configurable)."""
    bands = sorted(((name, Decimal(str(lo))) for name, lo in rule.params.get("bands", {}).items()),
                   key=lambda b: b[1], reverse=True)
    if not bands:
        return
    for g in ctx.doc.grades:
        score = g.score
        reason = "grade_score_near"
        if score is None:
            reason = "grade_score_in_document"
            candidates = _table_total_scores(ctx) or prose_total_scores(ctx)
            names = {band_of(c.value, bands) for c in candidates}
            if len(names) != 1:
                yield outcome(rule, None, "undecided", [Evidence.at(g.span, g.text, "grade")], reason=reason,
                              note="no score, or scores in different bands")
                continue
            score = candidates[0]
        figures = [Evidence.at(g.span, g.text, "grade"), Evidence.of(score, "score")]
        expected = band_of(score.value, bands)
        if expected == g.grade:
            yield outcome(rule, None, "holds", figures, reason=reason)
            continue
        # a score on a band edge within its rounding is not a contradiction
        lo_edge = band_of(score.value - score.tolerance, bands)
        hi_edge = band_of(score.value + score.tolerance, bands)
        if g.grade in {lo_edge, hi_edge}:
            yield outcome(rule, None, "holds", figures, reason=reason, note="on a band edge within rounding")
            continue
        limits = "; ".join(f"{name} ≥ {lo}" for name, lo in bands)
        arithmetic = {"zh": f"{written(score)}分 → {expected}（{limits}）",
                      "en": f"{written(score)} → {expected} ({limits})"}
        yield failed(rule, None, finding(rule, ctx, span=g.span, stated=g.text, expected=expected,
                                         arithmetic=arithmetic, evidence=figures,
                                         fields={"score": written(score), "grade": g.text}), reason=reason)
