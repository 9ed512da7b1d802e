"""auditor.extract.figures.read_figure: a figure token as an exact value (kept once read: a Figure is immutable)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from auditor.extract.figures import Figure, read_figure


@pytest.mark.parametrize("kind,text,value,written_unit,decimals,approximate", [
    ("AMOUNT", "848.4万元", Decimal("8484000.0"), "万元", 1, False),
    ("AMOUNT", "1,241.76 万元", Decimal("12417600.00"), "万元", 2, False),
    ("AMOUNT", "13亿7800万元", Decimal("1378000000"), "万元", 0, False),
    ("AMOUNT", "312亿9千万元", Decimal("31290000000"), "亿元", 1, False),
    ("AMOUNT", "2亿9千8百万元", Decimal("298000000"), "亿元", 2, False),
    ("AMOUNT", "100余万元", Decimal("1000000"), "万元", 0, True),
    ("PERCENT", "94.08%", Decimal("94.08"), "%", 2, False),
    ("SCORE", "98.4分", Decimal("98.4"), "分", 1, False),
    ("COUNT", "22人", Decimal("22"), "人", 0, False),
])
def test_a_figure_reads_as_its_exact_value(kind, text, value, written_unit, decimals, approximate):
    fig = read_figure(kind, text)
    assert (fig.value, fig.written_unit, fig.decimals, fig.approximate) == (value, written_unit, decimals, approximate)


def test_the_same_token_read_again_is_the_same_immutable_figure():
    first = read_figure("AMOUNT", "2,300.67万元")
    again = read_figure("AMOUNT", "2,300.67万元")
    assert again == first and isinstance(again, Figure) and isinstance(again, tuple)
    assert again.value == Decimal("23006700.00") and again.scale == Decimal(10000)
    # another kind of the same text is read as that kind, not the one kept
    assert read_figure("NUMBER", "15").kind == "number" and read_figure("COUNT", "15项").kind == "count"


def test_a_row_number_of_a_line_table_is_no_figure_of_the_row():
    """"收入总计  22  2334.67" under a 行次 header: 22 is the row's number, 2334.67 the 收入总计."""
    from auditor.pipeline import audit_text
    text = ("项目                                行次    金额\n"
            "本年收入合计                        19      2297.24\n"
            "年初结转和结余                      21      37.43\n"
            "收入总计                            22      2334.67\n")
    facts = {f.text: f for f in audit_text(text).extraction.facts}
    assert "22" not in facts and "21" not in facts
    assert facts["2334.67"].concept == "收入总计" and facts["37.43"].concept == "年初结转结余"
