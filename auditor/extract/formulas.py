"""Arithmetic the report writes out — "(63.46-32)÷32=98.31%" — read with grammar/formula.lark.

A candidate is any stretch of figures, operators and brackets that holds both an
operator and "="; the grammar decides whether it is an equation.  Operands and
results become `Fact`s (exact value, written precision, place), kept inside the
`Calculation` only: they restate figures the statement grammar already read.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from lark import Lark, Token, Transformer
from lark.exceptions import LarkError

from auditor import lazyre
from auditor.extract.figures import read_figure
from auditor.extract.model import Calculation, Fact, Operation, Span
from auditor.normalise import Normalised
from auditor.resources import data_dir

_NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
# a count a factor is of ("5,525人×600元=331.5万元", "(2,436+2,684)人×60元×12个月=368.64万元", "26,930亩×100元/亩"):
# the number of people, households, months … a standard is paid for — read as a plain number
_COUNT_UNITS = ("人次", "人", "户", "个月", "月", "亩", "名", "所", "家", "辆", "台", "套", "间", "平方米", "立方米", "公里", "吨")
# a standard per counted thing after its money ("60元/人", "100元/亩", "600元/人·月", "60元/人/月")
_PER_UNITS = ("人次", "人", "户", "亩", "月", "年", "名", "生", "平方米", "吨")
_PER_PERIODS = ("月", "年", "学期")
# (grammar/formula.lark's FIGURE and _COUNT spell these alternatives out again: change both together)
COUNT_UNIT = f"(?:{'|'.join(_COUNT_UNITS)})"
_PER_ONE = f"/(?:{'|'.join(_PER_UNITS)})(?:[·/](?:{'|'.join(_PER_PERIODS)}))?"
_PER = f"(?:{_PER_ONE})?"
_UNIT = rf"(?:\s*(?:%|‰|(?:亿元|万元|千元|元){_PER}|分|{COUNT_UNIT}))?"
_OPERAND = rf"\(*[ \t]*{_NUMBER}{_UNIT}[ \t]*\)*(?:[ \t]*{COUNT_UNIT})?"
_OPERATOR = r"[ \t]*[-+×*÷/][ \t]*"
_EXPRESSION = rf"{_OPERAND}(?:{_OPERATOR}{_OPERAND})*"
# not inside a longer number, a date ("2020/12/31") or a link ("?id=2&siteId=2")
# (a candidate never starts inside a run of "(": the run's first one starts it, and trying
# every later one again made "((((…" quadratic)
# (nor right after an operator: "个贷率=贷款余额÷缴存余额×100%=327.01÷527.29×100%=62.02%" — the
# worded side's last factor is no side of its own)
_CANDIDATE = lazyre.compile(rf"(?<![\d.,/&?_a-zA-Z×÷*+-])(?<![a-zA-Z_]=)(?!(?<=\()\(){_EXPRESSION}(?:[ \t]*=[ \t]*{_EXPRESSION})+(?![\d./&a-zA-Z])")
# every character a candidate can hold: a candidate lies inside one run of them
_FORMULA_CHARS = r"\d\s.,%‰亿万千元分()+\-×*÷/=·" + "".join(dict.fromkeys("".join(_COUNT_UNITS + _PER_UNITS + _PER_PERIODS)))
_FORMULA_RUN = lazyre.compile(rf"[{_FORMULA_CHARS}]+")
_FORMULA_CHAR = lazyre.compile(rf"[{_FORMULA_CHARS}]")
# "(4)=(3)/(1)", "(3)=(2)-(1)": a table header's column numbers, not arithmetic on figures
_COLUMN_REFERENCES = lazyre.compile(r"\s*\(\s*\d{1,2}\s*\)(?:\s*[-+×*÷/=]\s*\(\s*\d{1,2}\s*\))+\s*")
_NUMBERING_ROW = lazyre.compile(r"[\s|│]*(?:栏\s*次|行\s*次|列\s*次|栏\s*号|列\s*号)")
_HAS_OPERATOR = lazyre.compile(r"\d(?:[ \t%‰)分]|[亿万千]?元" + _PER + "|" + COUNT_UNIT + r")*[-+×*÷/][ \t(]*\d")
# a count unit in a formula: then it must multiply ("人×元"), its counts factors of a product, not terms of a sum
_COUNTED = lazyre.compile(r"(?<![元/·])" + COUNT_UNIT)
_COUNT_OR_PER = lazyre.compile(rf"(?:(?<=元){_PER_ONE}|\s*{COUNT_UNIT})$")
_TIMES = lazyre.compile(r"[×*]")


def _kind(text: str) -> str:
    if text.endswith(("%", "‰")):
        return "PERCENT"
    if text.endswith("分"):
        return "SCORE"
    return "AMOUNT" if text.endswith("元") else "NUMBER"


class _ToOperations(Transformer):
    def __init__(self, norm: Normalised, offset: int, first_id: int):
        super().__init__()
        self.norm, self.offset, self.next_id = norm, offset, first_id

    def FIGURE(self, token: Token) -> Operation:
        text = str(token).strip()
        start = self.offset + token.start_pos
        end = start + len(text)
        bare = _COUNT_OR_PER.sub("", text)  # ("2,436人": a plain number; "60元/人": money)
        fig = read_figure(_kind(bare), bare)
        line, column = self.norm.line_col(start)
        fact = Fact.model_construct(
            id=self.next_id, kind=fig.kind, value=fig.value, unit=fig.unit, written_unit=fig.written_unit,
            scale=fig.scale, decimals=fig.decimals, approximate=False, text=self.norm.original[start:end],
            span=Span.model_construct(start=start, end=end, line=line, column=column),
            label="", concept=None, period=None, scenario=None, window=0, sentence=0, in_table=False, exact=False,
        )
        self.next_id += 1
        return Operation.model_construct(op="figure", figure=fact, left=None, right=None)

    def _binary(op):  # noqa: N805 — builds the methods below
        def build(self, children):
            return Operation.model_construct(op=op, figure=None, left=children[0], right=children[1])
        return build

    add, sub, mul, div = _binary("+"), _binary("-"), _binary("×"), _binary("÷")

    def start(self, children):
        return tuple(children)


@lru_cache(maxsize=1)
def _parser() -> Lark:
    grammar = (data_dir("grammar") / "formula.lark").read_text(encoding="utf-8")
    return Lark(grammar, parser="lalr", maybe_placeholders=False)


def _balanced(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop brackets that belong to the prose around the formula: "(计算:1/4=25%)"."""
    opens, closes = text.count("(", start, end), text.count(")", start, end)  # kept up to date, not recounted
    while end > start and text[end - 1] == ")" and opens < closes:
        end -= 1
        closes -= 1
    while start < end and text[start] == "(" and opens > closes:
        start += 1
        opens -= 1
    return start, end


def _candidates(text: str) -> Iterator[re.Match[str]]:
    """_CANDIDATE.finditer(text), searched only in the runs of formula characters that hold
    an "=": the same matches (each lies in one such run; the lookarounds still see the
    characters around it), without trying the lookbehinds at every position of the text."""
    at = text.find("=")
    while at >= 0:
        start = at
        while start > 0 and _FORMULA_CHAR.match(text, start - 1):
            start -= 1
        end = _FORMULA_RUN.match(text, at).end()
        # one character more: the closing lookahead sees what follows the run
        yield from _CANDIDATE.finditer(text, start, end + 1)
        at = text.find("=", end)


def calculations(norm: Normalised, first_id: int = 0) -> list[Calculation]:
    text = norm.text
    out: list[Calculation] = []
    next_id = first_id
    for m in _candidates(text):
        start, end = _balanced(text, *m.span())
        if "^" in text[max(0, start - 2):start] or "^" in text[start:end]:
            continue  # ("(6,358.46÷5,421.80)^(1/4)-1=4.06%": a power, which the grammar does not write)
        body = text[start:end]
        if not _HAS_OPERATOR.search(body) or _COLUMN_REFERENCES.fullmatch(body):
            continue
        if _COUNTED.search(body) and not _TIMES.search(body):
            continue  # (a count in a formula is a factor of a product: "5,525人×600元", not "3月-5月")
        if _NUMBERING_ROW.match(text, text.rfind("\n", 0, start) + 1):
            continue  # ("栏次 | 1 | 2 | 3=1-2 | 4 | 5=3+4": how the columns are made, in column numbers)
        try:
            tree = _parser().parse(body)
        except LarkError:
            continue
        builder = _ToOperations(norm, start, next_id)
        sides = builder.transform(tree)
        next_id = builder.next_id
        line, column = norm.line_col(start)
        out.append(Calculation.model_construct(
            sides=sides, text=norm.original[start:end].strip(),
            span=Span.model_construct(start=start, end=end, line=line, column=column)))
    return out
