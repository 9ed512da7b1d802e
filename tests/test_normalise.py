"""Normalisation: fold full-width forms, odd spaces and traditional characters
for matching, without ever moving an offset (auditor/normalise.py).

Every later stage reports spans into the ORIGINAL text using offsets found in
the normalised text, so the one property that matters above all is that the
normalised text has the same length as the original and that each character
stands where its original stood.
"""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from auditor.extract import extract
from auditor.normalise import normalise

# --------------------------------------------------------------------------
# full-width forms
# --------------------------------------------------------------------------


def test_full_width_digits_and_decimal_point_become_ascii():
    n = normalise("８４８．４万元")
    assert n.text == "848.4万元"
    assert n.original == "８４８．４万元"


@pytest.mark.parametrize(
    "src,dst",
    [
        ("，", ","),
        ("％", "%"),
        ("：", ":"),
        ("；", ";"),
        ("（", "("),
        ("）", ")"),
        ("！", "!"),
        ("？", "?"),
        ("－", "-"),
        ("＋", "+"),
        ("／", "/"),
        ("｜", "|"),
        ("［", "["),
        ("］", "]"),
    ],
)
def test_full_width_punctuation_becomes_ascii(src, dst):
    assert normalise(f"甲{src}乙").text == f"甲{dst}乙"


def test_full_width_letters_become_ascii():
    assert normalise("ＡＢＣｘｙｚ").text == "ABCxyz"


def test_every_full_width_ascii_form_maps_to_its_ascii_twin():
    full = "".join(chr(c) for c in range(0xFF01, 0xFF5F))
    ascii_ = "".join(chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F))
    assert normalise(full).text == ascii_


def test_chinese_full_stop_and_enumeration_comma_are_kept():
    # 。 and 、 are sentence structure, not ASCII look-alikes
    assert normalise("一、概况。").text == "一、概况。"


def test_small_form_and_minus_look_alikes():
    assert normalise("\ufe6a").text == "%"  # small percent sign
    assert normalise("\u2212" + "3.5").text == "-3.5"  # minus sign
    assert normalise("\u2013").text == "-"  # en dash
    assert normalise("\ufe50").text == ","  # small comma
    assert normalise("\uff61").text == "。"  # half-width ideographic full stop


def test_per_mille_sign_is_kept():
    assert normalise("3‰").text == "3‰"


def test_mixed_full_width_sentence():
    original = "预算执行率为９４．０８％，较上年提高１．２个百分点；项目：（一）基本支出"
    assert normalise(original).text == "预算执行率为94.08%,较上年提高1.2个百分点;项目:(一)基本支出"


def test_thousands_separators_are_not_removed():
    # removing them would shift offsets; the grammar accepts them instead
    assert normalise("23,866.88万元").text == "23,866.88万元"
    assert normalise("２３，８６６．８８万元").text == "23,866.88万元"


# --------------------------------------------------------------------------
# traditional → simplified
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "traditional,simplified",
    [
        ("萬元", "万元"),
        ("預算", "预算"),
        ("項目", "项目"),
        ("億元", "亿元"),
        ("經費", "经费"),
        ("決算", "决算"),
        ("預算執行率", "预算执行率"),
        ("較上年增長", "较上年增长"),
        ("結轉結餘", "结转结余"),
    ],
)
def test_traditional_finance_words_become_simplified(traditional, simplified):
    n = normalise(traditional)
    assert n.text == simplified
    assert n.traditional is True
    assert n.original == traditional


def test_traditional_sentence_with_full_width_figures():
    original = "項目支出預算１２３．４５萬元，執行率９８．５％。"
    n = normalise(original)
    assert n.text == "项目支出预算123.45万元,执行率98.5%。"
    assert len(n.text) == len(original)


def test_simplified_text_is_not_flagged_traditional_and_is_unchanged():
    text = "2020年项目支出1241.76万元,其中:商品和服务支出791.68万元。"
    n = normalise(text)
    assert n.traditional is False
    assert n.text == text


def test_traditional_report_yields_the_same_facts_as_simplified():
    simplified = "項目支出預算123.45萬元".replace("項", "项").replace("預", "预").replace("萬", "万")
    trad = normalise("項目支出預算123.45萬元")
    simp = normalise(simplified)
    f_trad = extract(trad).facts
    f_simp = extract(simp).facts
    assert [(f.value, f.unit, f.concept, f.scenario) for f in f_trad] == [
        (f.value, f.unit, f.concept, f.scenario) for f in f_simp
    ]
    # ... but the fact's text is the original, traditional one
    assert [f.text for f in f_trad] == ["123.45萬元"]


# --------------------------------------------------------------------------
# spaces and line ends
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "space",
    ["\u3000", "\u00a0", "\u2002", "\u2003", "\u2009", "\u200a", "\u200b", "\u202f", "\ufeff", "\t"],
    ids=lambda s: f"U+{ord(s):04X}",
)
def test_odd_spaces_become_plain_spaces(space):
    assert normalise(f"基本支出{space}180.5万元").text == "基本支出 180.5万元"


def test_ideographic_space_inside_a_figure_still_gives_the_figure():
    original = "基本支出１８０．５\u3000萬元。"
    facts = extract(normalise(original)).facts
    assert len(facts) == 1
    f = facts[0]
    assert f.value == 1805000 and f.unit == "元"
    assert original[f.span.start:f.span.end] == f.text == "１８０．５\u3000萬元"


def test_crlf_keeps_length_and_line_numbers():
    original = "第一行\r\n第二行\r\n第三行"
    n = normalise(original)
    assert n.text == "第一行 \n第二行 \n第三行"
    assert n.line_col(0) == (1, 1)
    assert n.line_col(original.index("第二行")) == (2, 1)
    assert n.line_col(original.index("第三行") + 2) == (3, 3)


def test_crlf_report_facts_have_right_lines_and_spans():
    original = "一、概况\r\n基本支出180.5万元，项目支出667.9万元。\r\n二、绩效\r\n自评得分98.4分。\r\n"
    doc = extract(normalise(original))
    by_text = {f.text: f for f in doc.facts}
    assert set(by_text) == {"180.5万元", "667.9万元", "98.4分"}
    for f in doc.facts:
        assert original[f.span.start:f.span.end] == f.text
    assert (by_text["180.5万元"].span.line, by_text["180.5万元"].span.column) == (2, 5)
    assert (by_text["98.4分"].span.line, by_text["98.4分"].span.column) == (4, 5)
    assert [h.number for h in doc.headings] == [1, 2]


def test_compatibility_ideograph_folds_but_multi_character_forms_stay():
    assert normalise("\uf900").text == unicodedata.normalize("NFKC", "\uf900")  # 豈 → 豈
    assert normalise("Ⅻ").text == "Ⅻ"  # NFKC would give "XII": three characters
    assert normalise("㈠").text == "㈠"  # NFKC would give "(一)"


# --------------------------------------------------------------------------
# line_col
# --------------------------------------------------------------------------


def _naive_line_col(text: str, offset: int) -> tuple[int, int]:
    before = text[:offset]
    line = before.count("\n") + 1
    column = offset - (before.rfind("\n") + 1) + 1
    return line, column


def test_line_col_examples():
    n = normalise("ab\ncd\n\nef")
    assert n.line_col(0) == (1, 1)
    assert n.line_col(2) == (1, 3)  # the newline itself belongs to line 1
    assert n.line_col(3) == (2, 1)
    assert n.line_col(6) == (3, 1)  # empty line
    assert n.line_col(7) == (4, 1)
    assert n.line_col(9) == (4, 3)  # end of text


# --------------------------------------------------------------------------
# properties
# --------------------------------------------------------------------------

TRADITIONAL = "萬億預項經費決為與統計門區縣團員條數據個實際額總構資產務們這會開關發設備購買貨幣財稅價處環興辦導學機業轉結餘較減長績評乾後髮麵裡著"
SPECIAL = (
    "０１２３４５６７８９．，％：；（）ＡＺａｚ\u3000\u00a0\u200b\ufeff\t\r\n"
    "😀👍🏽\u0301\u0308\u20ddⅫ㈠豈\ufe6a\u2212\u2013‰。、“”"
)


def _is_cjk(ch: str) -> bool:
    o = ord(ch)
    return 0x3400 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0x20000 <= o <= 0x3FFFF


_char = st.one_of(
    st.characters(codec="utf-8"),  # any Unicode scalar value: no lone surrogates
    st.sampled_from(TRADITIONAL),
    st.sampled_from(SPECIAL),
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
    st.characters(min_codepoint=0xFE00, max_codepoint=0xFFEF),
)
# whole words as reports write them, so traditional words, full-width figures
# and ASCII sit next to each other often
_WORDS = [
    "萬元", "億元", "預算", "項目", "經費", "執行率", "較上年增長", "結轉結餘", "為", "總計",
    "万元", "预算", "项目支出", "基本支出", "其中:", "合计",
    "８４８．４", "２３，８６６．８８", "９４．０８％", "1781.86 万\r\n元", "98.4分", "(1)", "①",
    "\r\n", "\n", "\u3000", "😀", "e\u0301", "👍🏽", "Ⅻ", "㈠",
]
text_strategy = st.lists(
    st.one_of(st.sampled_from(_WORDS), st.text(_char, max_size=6)), max_size=16
).map("".join)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text_strategy)
def test_normalisation_never_moves_an_offset(text):
    n = normalise(text)
    assert n.original == text
    assert len(n.text) == len(text)
    for i, (orig, norm) in enumerate(zip(text, n.text)):
        # line breaks stay exactly where they were, and nothing new becomes one
        assert (orig == "\n") == (norm == "\n"), i
        # ASCII other than tab and CR is left alone
        if orig.isascii() and orig not in "\t\r":
            assert norm == orig, i
        # a character outside the CJK ideographs is folded on its own, whatever
        # surrounds it: one character in, one character out, in the same place
        if not _is_cjk(orig):
            assert norm == normalise(orig).text, i
        # full-width digits become the same ASCII digit
        if "０" <= orig <= "９":
            assert norm == chr(ord(orig) - 0xFEE0)


@settings(max_examples=200, deadline=None)
@given(text_strategy)
def test_normalising_twice_changes_nothing_more(text):
    once = normalise(text).text
    assert normalise(once).text == once


@settings(max_examples=200, deadline=None)
@given(text_strategy, st.data())
def test_line_col_agrees_with_a_naive_count(text, data):
    n = normalise(text)
    offsets = data.draw(st.lists(st.integers(0, len(text)), min_size=1, max_size=10))
    for offset in [0, len(text), *offsets]:
        assert n.line_col(offset) == _naive_line_col(text, offset), offset


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.sampled_from(["基本支出", "項目支出", "預算", "經費", "ＡＢ", "　", "\r\n", "😀", "é"]), max_size=6),
    st.integers(1, 99999),
    st.integers(0, 2),
    st.booleans(),
    st.sampled_from(["万元", "萬元", "元", "亿元", "億元"]),
)
def test_figure_spans_point_into_the_original(prefix, whole, decimals, full_width, unit):
    """A figure after arbitrary (traditional, full-width, emoji) prose: its span is exact."""
    number = f"{whole}" + (f".{'7' * decimals}" if decimals else "")
    if full_width:
        number = number.translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789."})
    original = "".join(prefix) + "支出" + number + unit + "。"
    facts = extract(normalise(original)).facts
    amounts = [f for f in facts if f.kind == "amount"]
    assert len(amounts) == 1, [f.text for f in facts]
    f = amounts[0]
    assert f.text == number + unit
    assert original[f.span.start:f.span.end] == f.text
    assert (f.span.line, f.span.column) == _naive_line_col(original, f.span.start)
    assert f.decimals == decimals


def test_display_width_counts_wide_characters_twice():
    """auditor/widths.py: one column a character, two for a wide (CJK, full-width) one —
    also for wide characters in runs, alone, and at either end."""
    import random

    from auditor.widths import WIDE, display_width

    assert display_width("") == 0
    assert display_width("abc") == 3
    assert display_width("预算100万元") == 2 * 4 + 3
    assert display_width("（１）a") == 7
    rng = random.Random(2)
    for _ in range(2000):
        text = "".join(rng.choice("a1 ,。预算（）ｍ\u3000\t한") for _ in range(rng.randint(0, 20)))
        assert display_width(text) == sum(2 if WIDE.match(ch) else 1 for ch in text), text


@pytest.mark.parametrize("written, read", [
    ("歲入審定三六八億二六八八萬餘元", "岁入审定368亿2688万余元"),  # digit by digit
    ("歲計賸餘四十一．一五億元", "岁计賸余041.15亿元"),  # by place, padded to its characters
    ("增幅一．七六％", "增幅1.76%"),
    ("另有两三万元的支出", "另有两三万元的支出"),  # a range of two neighbouring numerals: no figure
    ("增幅约七八个百分点", "增幅约七八个百分点"),
    ("一百万元", "1百万元"),  # three digits do not fit two characters: a digit and its place
    ("一千萬元", "1千万元"),
    ("一百万人口", "一百万人口"),  # not money: no digit and place (it would leave a bare 1 read as a figure)
    ("三百元", "3百元"),
    ("十一万元", "11万元"),
    # 万 and 元 by place, the 元 more than a digit and its place: one number of 元 over the whole figure
    ("決算數九千一百二十一萬三千九百三十五元", "决算数000000091213935元"),
    ("收入一億二千三百四十五萬六千七百八十九元", "收入00000000123456789元"),
    ("預算數八千二百三十三萬五千元", "预算数0008233万5千元"),  # (a 元 of a digit and its place: read as it was)
])
def test_chinese_numeral_figures_before_a_unit(written, read):
    assert normalise(written).text == read


def test_a_lone_surrogate_becomes_a_replacement_character_in_place():
    """Text handed to the Python API from elsewhere may hold a lone surrogate (bytes decoded with
    surrogateescape); it must not stop the check, nor move an offset."""
    text = "預算\udce2100萬元，其中基本支出60萬元。"
    norm = normalise(text)
    assert len(norm.text) == len(text)
    assert norm.text[2] == "\ufffd"
    assert norm.text.endswith("其中基本支出60万元。")


def test_currency_names_after_a_figure_become_one_yuan_and_offsets_hold():
    original = "收入1,103.6億澳門元，支出557,060百萬港元，另3,000澳门币；香港元朗区"
    norm = normalise(original)
    assert len(norm.text) == len(original)
    assert "1,103.6亿  元" in norm.text and "557,060百万 元" in norm.text and "3,000  元" in norm.text
    assert "香港元朗" in norm.text  # a place name: no figure before it


def test_csv_rows_become_pipe_rows_and_thousands_commas_stay():
    original = ('税目,6月份实收数,1-6月累计实收数,达成率(%)\n地价税,"27,952","174,932",90.52\n'
                '房屋税,"35,464","185,036",95.74\n土地改良物\n2,795,957\n3,727,051\n4,095,295\n')
    norm = normalise(original)
    assert len(norm.text) == len(original)
    assert norm.text.splitlines()[1] == '地价税| 27,952 | 174,932 |90.52'
    assert "2,795,957" in norm.text and "3,727,051" in norm.text  # numbers one a line: no CSV


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from(
    sorted({chr(c) for c in range(0xFF01, 0xFF5F)} | set("\u3000\u00a0\u2009\ufeff\t\r\ufe6a\u2030\ufe50\ufe51\ufe52"
                                                          "\u2212\u2013\uff61") | set("预算100万元,。、\n ab"))),
    max_size=80))
def test_folding_the_forms_is_the_character_table_applied_to_every_character(text):
    """_fold_forms replaces only the characters that occur, one at a time: the same text as
    str.translate with the whole table, whatever characters come together."""
    from auditor.normalise import _TABLE, _fold_forms

    assert _fold_forms(text) == text.translate(_TABLE)


@pytest.mark.parametrize("hyphen", ["\u2010", "\u2011", "\u2012"])
def test_a_hyphen_written_for_a_minus_is_one(hyphen):
    text = f"比较增减 {hyphen}9,811,983.00"
    assert normalise(text).text == "比较增减 -9,811,983.00"
