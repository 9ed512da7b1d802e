"""Numeric grids (auditor/extract/tables/grid.py): the formulas a grid's columns agree on."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.extract.tables.grid import _cell_lines, _row_lines, column_formulas
from auditor.normalise import normalise


def _blocks(text: str, layout=_row_lines):
    norm = normalise(text)
    lines, pos = [], 0
    for line in norm.text.split("\n"):
        lines.append((line, pos))
        pos += len(line) + 1
    return layout(lines, set())


def _formulas(text: str, layout=_row_lines):
    blocks = _blocks(text, layout)
    assert len(blocks) == 1
    return {(f.kind, f.target, f.operands) for f in column_formulas(blocks[0])}


YEARBOOK = """1957 16358 10187 6171 16212 37.7
1965 17585 7008 10577 18738 60.1
1970 26228 14254 11975 27105 45.7
1975 47928 27450 20478 45173 42.7"""


def test_a_sum_and_a_share_found_with_the_percentage_as_the_result():
    # (16358 = 6171 / 37.7 × 100 holds too, within 37.7's rounding: the share column is the result)
    assert _formulas(YEARBOOK) == {("sum", 1, (2, 3)), ("ratio", 5, (3, 1))}


def test_three_rows_are_needed():
    assert _blocks("\n".join(YEARBOOK.split("\n")[:2])) == []


def test_a_formula_two_of_the_first_rows_break_is_not_read():
    rows = YEARBOOK.split("\n")
    broken = [rows[0].replace("16358", "16458"), rows[1].replace("17585", "17685"), *rows[2:]]
    assert ("sum", 1, (2, 3)) not in _formulas("\n".join(broken))


def test_one_row_may_break_a_formula_not_two():
    rows = YEARBOOK.split("\n") + ["1978 70301 41261 29040 68010 41.3", "1980 63684 47191 16493 58841 25.9"]
    rows[2] = rows[2].replace("26228", "28228")
    assert ("sum", 1, (2, 3)) in _formulas("\n".join(rows))
    rows[5] = rows[5].replace("63684", "64684")  # (a second row against it, far down: not read)
    assert ("sum", 1, (2, 3)) not in _formulas("\n".join(rows))


def test_small_figures_that_agree_by_chance_are_not_read():
    # 3 + 2 = 5, 4 + 4 = 8, 1 + 6 = 7: a sum of one-digit figures over three rows is no evidence
    assert _formulas("甲 5 3 2 9\n乙 8 4 4 1\n丙 7 1 6 3") == set()


def test_a_growth_column_is_read_once():
    text = """税课收入 1,250,300 1,103,200 147,100 13.3
工程受益费收入 82,110 75,400 6,710 8.9
罚款及赔偿收入 40,260 34,010 6,250 18.4
规费收入 95,770 88,300 7,470 8.5"""
    found = _formulas(text)
    assert ("growth", 3, (0, 1)) in found
    assert [f for f in found if f[1] == 3] == [("growth", 3, (0, 1))]


def test_cells_one_per_line_fold_into_rows_by_their_years():
    cells = []
    for year, (a, b) in zip(range(105, 109), [(145723, 77252), (147714, 85865), (158508, 88001), (156483, 94210)]):
        cells += [str(year), f"{a:,}", f"{b:,}", f"{a + b:,}"]
    blocks = _blocks("年度\n" + "\n".join(cells), _cell_lines)
    assert [r.label for r in blocks[0]] == ["105", "106", "107", "108"]
    assert {(f.kind, f.target, f.operands) for f in column_formulas(blocks[0])} == {("sum", 2, (0, 1))}


def test_label_lines_fold_into_rows():
    text = "科目\n一、收入\n7,796,429\n100.00\n6,001,850\n营业收入\n5,233,104\n67.12\n4,001,850\n" \
           "营业外收入\n2,563,325\n32.88\n2,000,000"
    blocks = _blocks(text, _cell_lines)
    assert [r.label for r in blocks[0]] == ["一、收入", "营业收入", "营业外收入"]


@settings(max_examples=30, deadline=None)
@given(st.integers(min_value=0, max_value=10_000))
def test_random_grids_agree_on_nothing(seed):
    # five rows of four random figures: no formula is read (a coincidence over the formulas tried is rare)
    rng = random.Random(seed)
    text = "\n".join(" ".join(str(rng.randint(10, 99_999)) for _ in range(4)) for _ in range(5))
    assert _formulas(text) == set()


def test_several_rows_on_one_line_each_a_row():
    line = "合计 300 100 200     甲 150 50 100     乙 90 30 60"
    blocks = _blocks(line + "\n丙 60 20 40")
    assert [r.label for r in blocks[0]] == ["合计", "甲", "乙", "丙"]


def test_an_unsigned_change_column_is_read_as_the_change_between_two_columns():
    text = """甲 18,152,685 14,535,197(-) 3,617,488(-) 19.93
乙 8,115,835 7,870,692(-) 245,143(-) 3.02
丙 342,172 406,352 64,180 18.76
丁 810,982 694,378(-) 116,604(-) 14.38"""
    found = _formulas(text)
    assert ("change", 2, (1, 0)) in found  # (the change from the budget, column 0, the growth's base)
    assert ("growth", 3, (1, 0)) in found


def test_shares_of_each_block_total_row():
    text = """收入合计 1,000 100.00 930
甲 600 60.00 550
乙 400 40.00 380
支出合计 800 100.00 770
丙 500 62.50 460
丁 300 37.50 310"""
    formulas = column_formulas(_blocks(text)[0])
    shares = [f for f in formulas if f.kind == "share_of_row"]
    assert len(shares) == 1 and shares[0].wholes == (None, 0, 0, None, 3, 3)


def _csv_rows(text: str):
    from auditor.extract.tables.grid import _csv_line_rows
    return _csv_line_rows(normalise(text).lines(), set())


_CSV = ('金额1,名称,_id,金额2,合计 "10",甲,1,"1,000",1010 "20",乙,2,"2,000",2020 "30",丙,3,"3,000",3030 '
        '"40",丁,4,"4,000",4040')


def test_csv_records_glued_by_spaces_are_rows_named_by_their_one_column_of_words():
    [(rows, header)] = _csv_rows(_CSV)
    assert header == ("金额1", "金额2", "合计")  # (the _id numbering the rows is no figure column)
    assert [r.label for r in rows] == ["甲", "乙", "丙"]  # (the last record, its line cut after it perhaps, is none)
    assert [t.text for t in rows[1].tokens] == ["20", "2,000", "2020"]
    assert _CSV[rows[1].tokens[1].start:rows[1].tokens[1].end] == "2,000"


def test_csv_records_whose_last_closes_its_quote_keep_it_and_a_record_cut_short_is_none():
    [(rows, _)] = _csv_rows(_CSV + ' "50",戊,5,"5,0')
    assert [r.label for r in rows] == ["甲", "乙", "丙", "丁"]


def test_csv_records_with_two_columns_of_words_are_no_grid():
    text = _CSV.replace('"20",乙', '"二十",乙')
    assert _csv_rows(text) == []
