"""Written-out arithmetic (grammar/formula.lark → Calculation → CAL001)."""

from decimal import Decimal

import pytest

from auditor.check.kinds.calculations import evaluate, written_expression
from auditor.extract.formulas import calculations
from auditor.normalise import normalise
from auditor.pipeline import audit_text


def _calcs(text):
    return calculations(normalise(text))


def test_full_width_formula_is_read_with_its_place():
    text = "变动率＝（63.46－32）÷32＝98.31％。"
    [calc] = _calcs(text)
    assert calc.text == "（63.46－32）÷32＝98.31％"
    assert text[calc.span.start:calc.span.end] == calc.text
    left, right = calc.sides
    assert right.figure.text == "98.31％" and right.figure.decimals == 2
    assert evaluate(left) == Decimal("31.46") / 32


@pytest.mark.parametrize("text", [
    "详见http://example.gov.cn/a?id=502364&siteId=2。",
    "时间为2020/12/31,完成率=100%。",
    "目标值=100%,实际完成值为98%。",
    "1-12月累计支出300万元。",
])
def test_no_calculation_where_nothing_is_computed(text):
    assert _calcs(text) == []


def test_brackets_of_the_prose_around_are_left_out():
    [calc] = _calcs("(计算:1/4=25%)")
    assert calc.text == "1/4=25%"


def test_percent_operands_stand_for_fractions_and_units_mix():
    [calc] = _calcs("合计=0.5万元+3000元=0.8万元")
    assert evaluate(calc.sides[0]) == Decimal(8000)
    [calc] = _calcs("比例=50%×40%=20%")
    assert evaluate(calc.sides[0]) == Decimal("0.2")


def test_division_by_zero_gives_no_value():
    [calc] = _calcs("变动率=(5-0)÷0=100%")
    assert evaluate(calc.sides[0]) is None
    assert [f for f in audit_text("变动率=(5-0)÷0=100%").findings if f.rule == "CAL001"] == []


def test_expression_is_shown_with_the_brackets_it_needs():
    [calc] = _calcs("(63.46-32)÷32=98.31%")
    assert written_expression(calc.sides[0]) == "(63.46 - 32) ÷ 32"
    [calc] = _calcs("100-(30-10)=80")
    assert written_expression(calc.sides[0]) == "100 - (30 - 10)"


@pytest.mark.parametrize("text,stated", [
    ("得分=30+30+29.99=89.97分", "89.97分"),
    ("执行率=403.18/428.56×100%=95.08%", "95.08%"),
])
def test_wrong_results_are_found(text, stated):
    found = [f for f in audit_text(text).findings if f.rule == "CAL001"]
    assert [f.stated for f in found] == [stated]


@pytest.mark.parametrize("text", [
    "执行率=403.18/428.56×100%=94.08%",
    "执行率=403.18/428.56×100=94.08%",
    "8+8+8+8+8+10=50",
    "90,623/103,033=87.96%",
])
def test_right_results_are_silent(text):
    assert [f for f in audit_text(text).findings if f.rule == "CAL001"] == []


def test_a_last_digit_slip_is_a_warning():
    [f] = [f for f in audit_text("执行率=403.18/428.56=94.09%").findings if f.rule == "CAL001"]
    assert f.severity == "warning"


def test_candidates_are_those_of_one_scan_over_the_whole_text():
    """The candidate pattern runs only near an '=' (extract/formulas.py `_candidates`):
    it must find what one scan of the whole text finds, at the edges of runs too."""
    import random

    from auditor.extract.formulas import _CANDIDATE, _candidates

    rng = random.Random(5)
    alphabet = "0123456789 .,=()+-×*÷/%元万分a&?_\n\t一x"
    texts = ["a=1+1=2", "x=1+2=3&", "1+1=2。", "(1+1)=2)", "?id=2&siteId=2", "2020/1=3"]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30))) for _ in range(3000)]
    for text in texts:
        assert [m.span() for m in _candidates(text)] == [m.span() for m in _CANDIDATE.finditer(text)], text


def test_grammar_spells_the_same_units():
    """grammar/formula.lark repeats formulas.py's count and per units (FIGURE, _COUNT): the two lists stay one."""
    from auditor.extract import formulas
    from auditor.resources import data_dir

    grammar = (data_dir("grammar") / "formula.lark").read_text(encoding="utf-8")
    assert f"_COUNT: /\\s*{formulas.COUNT_UNIT}/" in grammar
    assert "元)" + formulas._PER.replace("/", "\\/") + "|分|" + formulas.COUNT_UNIT[3:-1] + ")?/" in grammar
