"""Written-out arithmetic: "(63.46-32)÷32=98.31%" must hold for the numbers as written."""

from __future__ import annotations

from decimal import Decimal, localcontext
from typing import Iterator

from auditor.check.arithmetic import Comparison, Value, compare
from auditor.check.context import Context, diff_text, failed, finding, outcome
from auditor.check.rulebook import Rule
from auditor.extract.model import Calculation, Fact, Operation
from auditor.findings import Evidence, Finding, Outcome

_HUNDRED = Decimal(100)


def evaluate(node: Operation) -> Decimal | None:
    """The exact value of a written expression; a percentage stands for its fraction.

    The operands are taken as written: the report states a computation with
    these very numbers, so only its result is a rounded figure.  None when a
    division by zero, or a sum of a percentage and a plain number, leaves it
    without meaning.
    """
    if node.op == "figure":
        f = node.figure
        return f.value / _HUNDRED if f.unit == "%" else f.value
    left, right = evaluate(node.left), evaluate(node.right)
    if left is None or right is None:
        return None
    if node.op in "+-" and _is_percent(node.left) != _is_percent(node.right):
        return None
    with localcontext() as ctx:
        ctx.prec = 28
        if node.op == "+":
            return left + right
        if node.op == "-":
            return left - right
        if node.op == "×":
            return left * right
        return left / right if right != 0 else None


def _all_bare(node: Operation) -> bool:
    """Every figure of the expression is written without a unit of money or count (a percentage is a factor of none:
    "309136.32×2%=6182.73万元")."""
    if node.op == "figure":
        return not node.figure.unit or node.figure.kind == "number" or node.figure.unit == "%"
    return _all_bare(node.left) and _all_bare(node.right)


def _is_percent(node: Operation) -> bool:
    if node.op == "figure":
        return node.figure.unit == "%"
    return node.op in "+-" and _is_percent(node.left)


def written_expression(node: Operation, outer: str = "") -> str:
    """The expression with figures as written, bracketed where the operators need it."""
    if node.op == "figure":
        return node.figure.text.strip()
    text = f"{written_expression(node.left, node.op)} {node.op} {written_expression(node.right, node.op + 'r')}"
    needs = (node.op in "+-" and outer[:1] in {"×", "÷"}) or (outer in {"-r", "÷r"}) or \
        (node.op in "×÷" and outer == "÷r")
    return f"({text})" if needs else text


def _readings(stated: Fact, computed: Decimal, bare: bool = False) -> list[Decimal]:
    """What the computed value means in the stated figure's terms.

    A stated percentage reads the fraction ×100; "403.18/428.56×100=94.08%" writes
    the ×100 itself, so the value as computed is a reading too.
    """
    if stated.unit == "%":
        return [computed * _HUNDRED, computed]
    if stated.scale != 1 and bare:
        # ("6,358.46-5,421.80=936.66亿元": operands written without their unit are in the result's)
        return [computed * stated.scale, computed]
    return [computed]


def check_calculation(rule: Rule, ctx: Context) -> Iterator[Outcome]:
    """CAL001: each side of a written equation equals the figure it is set equal to."""
    for calc in ctx.doc.calculations:
        for stated, expression in _pairs(calc):
            figures = [Evidence.of(stated, "result"), Evidence.at(calc.span, calc.text, "calculation")]
            computed = evaluate(expression)
            if computed is None:
                yield outcome(rule, None, "undecided", figures, reason="written_calculation",
                              note="division by zero, or a percentage added to a number")
                continue
            results = [(compare(stated, Value(v, Decimal(0))), v)
                       for v in _readings(stated, computed, _all_bare(expression))]
            cmp, value = min(results, key=lambda r: ("ok", "minor", "gross").index(r[0].verdict))
            if cmp.verdict == "ok":
                yield outcome(rule, None, "holds", figures, reason="written_calculation")
                continue
            yield failed(rule, None, _finding(rule, ctx, calc, stated, expression, value, cmp),
                         reason="written_calculation")


def _pairs(calc: Calculation) -> Iterator[tuple[Fact, Operation]]:
    """(stated figure, the expression it is set equal to): the nearest expression before it, else after."""
    sides = calc.sides
    for k, side in enumerate(sides):
        if side.op != "figure":
            continue
        before = [s for s in sides[:k] if s.op != "figure"]
        after = [s for s in sides[k + 1:] if s.op != "figure"]
        expression = before[-1] if before else (after[0] if after else None)
        if expression is not None:
            yield side.figure, expression


def _finding(rule: Rule, ctx: Context, calc: Calculation, stated: Fact, expression: Operation,
             value: Decimal, cmp: Comparison) -> Finding:
    shown = (value / stated.scale).quantize(Decimal(1).scaleb(-(stated.decimals + 2))).normalize()
    unit = stated.written_unit
    formula = written_expression(expression)
    arithmetic = {lang: f"{formula} = {shown:f}{unit} ≠ {stated.text.strip()} {diff_text(cmp.difference, stated, lang)}"
                  for lang in ("zh", "en")}
    return finding(
        rule, ctx, primary=stated, stated=stated.text.strip(),
        expected=f"{(value / stated.scale).quantize(Decimal(1).scaleb(-stated.decimals))}{unit}",
        arithmetic=arithmetic, comparison=cmp,
        evidence=[Evidence.of(stated, "result"),
                  Evidence.at(calc.span, calc.text, "calculation")],
        fields={"calculation": calc.text},
    )
